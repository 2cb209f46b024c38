/**
 * One finding: its cell and message (a click selects the cell in the sheet), the "?" that unfolds
 * what this kind of finding means, and, when selected, the quoted words in their context.
 */
import * as React from "react";
import { Badge, Text } from "@fluentui/react-components";
import type { Finding } from "../../engine";
import { kindHelp } from "../../help/findings";
import { cellText, quoteContext, quotePlace } from "../../help/quote";
import type { PaneState } from "../usePane";

type Props = Pick<PaneState, "t" | "lang" | "snapshot" | "onPick"> & {
  finding: Finding;
  selected: boolean;
  /** Whether the explanation of the finding's kind is unfolded. */
  helpOpen: boolean;
  onHelp: (open: boolean) => void;
};

export function FindingItem({ t, lang, finding: f, snapshot, selected, helpOpen, onPick, onHelp }: Props): React.ReactElement {
  const help = helpOpen ? kindHelp(f.kind) : undefined;
  const ctx = selected && f.quote && snapshot && f.start !== undefined && f.end !== undefined ? quoteContext(cellText(snapshot, f.cell), f.start, f.end) : null;
  return (
    <li>
      <div className="sb-finding-row">
        <button type="button" className={`sb-finding${selected ? " sb-selected" : ""}`} data-testid="finding" data-cell={f.cell} data-kind={f.kind} onClick={() => onPick(f)}>
          <Badge appearance="outline" size="small">
            {f.cell}
          </Badge>{" "}
          <b>{t.kinds[f.kind]}</b>: {lang === "en" ? f.messageEn : f.message}
        </button>
        <button
          type="button"
          className="sb-kind-help"
          data-testid="kind-help"
          data-kind={f.kind}
          aria-expanded={Boolean(help)}
          aria-label={t.kindHelp(t.kinds[f.kind])}
          title={t.kindHelp(t.kinds[f.kind])}
          onClick={() => onHelp(!help)}
        >
          ?
        </button>
      </div>
      {help && (
        <div className="sb-help-card" data-testid="kind-explanation" data-kind={f.kind}>
          <Text weight="semibold" block>
            {help[lang].title} · {t.severity[help.severity]}
          </Text>
          <p>
            <b>{t.helpChecks}:</b> {help[lang].checks}
          </p>
          <p>
            <b>{t.helpExample}:</b> {help[lang].example}
          </p>
          <p>
            <b>{t.helpFix}:</b> {help[lang].fix}
          </p>
        </div>
      )}
      {selected && f.quote && (
        <blockquote className="sb-quote" data-testid="quote">
          {ctx ? (
            <>
              <span className="sb-quote-place" data-testid="quote-place">
                {t.quoteAt(quotePlace(ctx, f.cell, lang))}:
              </span>{" "}
              {ctx.before}
              <mark>{ctx.quote}</mark>
              {ctx.after}
            </>
          ) : (
            <>
              {t.quote}: “{f.quote}”
            </>
          )}
        </blockquote>
      )}
    </li>
  );
}
