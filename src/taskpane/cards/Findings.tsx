/** The findings of the checked sheet, by severity, each severity shown or hidden by its box. */
import * as React from "react";
import { Checkbox, Text } from "@fluentui/react-components";
import { HIGHLIGHT_FILL, type Severity } from "../../engine";
import type { PaneState } from "../usePane";
import { FindingItem } from "./FindingItem";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

type Props = Pick<PaneState, "t" | "lang" | "report" | "snapshot" | "selected" | "onPick">;

export function Findings({ t, lang, report, snapshot, selected, onPick }: Props): React.ReactElement {
  const [show, setShow] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  /** The finding whose kind's explanation is shown. */
  const [helpKind, setHelpKind] = React.useState<string | null>(null);
  return (
    <section data-testid="findings">
      <Text weight="semibold" block>
        {t.findings}
      </Text>
      {!report && <Text>{t.notChecked}</Text>}
      {report && (
        <div className="sb-filters">
          {SEVERITIES.map((s) => (
            <Checkbox
              key={s}
              data-testid={`filter-${s}`}
              checked={show[s]}
              onChange={(_, d) => setShow({ ...show, [s]: Boolean(d.checked) })}
              label={`${t.severity[s]} (${report.findings.filter((f) => f.severity === s).length})`}
            />
          ))}
        </div>
      )}
      {report && report.findings.length === 0 && <Text>{t.noFindings}</Text>}
      {report &&
        SEVERITIES.filter((s) => show[s]).map((s) => {
          const list = report.findings.filter((f) => f.severity === s);
          if (!list.length) return null;
          return (
            <div key={s} className="sb-group" data-testid={`group-${s}`}>
              <Text weight="semibold" block>
                <span className="sb-swatch" style={{ background: HIGHLIGHT_FILL[s] }} /> {t.severity[s]} ({list.length})
              </Text>
              <ul className="sb-list">
                {list.map((f, i) => {
                  const key = `${f.cell}-${f.kind}-${i}`;
                  return (
                    <FindingItem
                      key={key}
                      t={t}
                      lang={lang}
                      finding={f}
                      snapshot={snapshot}
                      selected={selected === f}
                      helpOpen={helpKind === key}
                      onPick={onPick}
                      onHelp={(open) => setHelpKind(open ? key : null)}
                    />
                  );
                })}
              </ul>
            </div>
          );
        })}
    </section>
  );
}
