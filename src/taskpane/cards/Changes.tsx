/**
 * The writes waiting for confirmation (Tính lại or Chuẩn hóa): each cell before → after, with its
 * reason, and the buttons that write them or drop them. Nothing is written until "Xác nhận".
 */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { formatViNumber, shownText } from "../../engine";
import type { Strings } from "../strings";
import type { Pending, PaneState } from "../usePane";

type Props = Pick<PaneState, "t" | "lang" | "onConfirm" | "onCancel"> & { pending: Pending };

function shown(value: unknown, t: Strings): string {
  if (value === null || value === undefined || value === "") return t.empty;
  if (typeof value === "number") return formatViNumber(value, Number.isInteger(value) ? 0 : Math.min(2, String(value).split(".")[1]?.length ?? 0));
  if (typeof value === "object" && "error" in (value as object)) return String((value as { error: string }).error);
  return String(value);
}

/** A value as its cell shows it (under its number format), or "(trống)". */
function shownAs(value: unknown, format: string | null | undefined, t: Strings): string {
  if (typeof value === "number") return shownText(value, format);
  return shown(value, t);
}

export function Changes({ t, lang, pending, onConfirm, onCancel }: Props): React.ReactElement {
  const ref = React.useRef<HTMLElement | null>(null);
  // The card of writes waiting for confirmation comes into view with its buttons.
  React.useEffect(() => {
    if (pending) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [pending]);
  return (
    <section className="sb-card sb-pending" data-testid={pending.kind === "recalc" ? "recalc-preview" : "normalise-preview"} ref={ref}>
      <Text weight="semibold">{pending.kind === "recalc" ? t.previewTitle(pending.writes.length) : t.normalisePreviewTitle(pending.writes.length)}</Text>
      <div className="sb-changes-wrap">
        <table className="sb-changes">
          {pending.writes.map((w) => (
            // One group per cell: the change, then (when there is one) its reason on a line of its own.
            <tbody key={`${w.sheet}!${w.cell}`} data-testid="change" data-cell={w.cell}>
              <tr>
                <td>{w.cell}</td>
                <td data-testid="before">{shownAs(w.before.value, w.before.numberFormat, t)}</td>
                <td>→</td>
                <td data-testid="after">{shownAs(w.value, w.numberFormat ?? w.before.numberFormat, t)}</td>
                <td>
                  {w.formula && !w.before.formula && (
                    <span className="sb-formula" data-testid="becomes-formula" title={t.becomesFormulaHint}>
                      ƒ {t.becomesFormula}
                    </span>
                  )}
                </td>
              </tr>
              {(w.reason || w.reasonEn) && (
                <tr>
                  <td />
                  <td colSpan={4} className="sb-reason">
                    {lang === "en" ? w.reasonEn : w.reason}
                  </td>
                </tr>
              )}
            </tbody>
          ))}
        </table>
      </div>
      <div className="sb-buttons sb-sticky">
        <Button appearance="primary" data-testid="confirm" onClick={onConfirm}>
          {t.confirm}
        </Button>
        <Button data-testid="cancel" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </section>
  );
}
