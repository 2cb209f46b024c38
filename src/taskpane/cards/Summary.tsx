/** The sheet in figures: items (or tasks) met and not met, errors and warnings. */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import { countBySeverity, type SheetReport } from "../../engine";
import type { Strings } from "../strings";

export function Summary({ t, report }: { t: Strings; report: SheetReport }): React.ReactElement {
  const counts = countBySeverity(report.findings);
  const narrative = report.layout === "narrative";
  const met = report.items.filter((i) => i.verdict === "Đạt").length;
  const notMet = report.items.filter((i) => i.verdict === "Chưa đạt").length;
  return (
    <section className="sb-card" data-testid="summary">
      <Text weight="semibold" block>
        {t.summary}
      </Text>
      <div className="sb-summary">
        {report.layout === "table" && !report.columns.verdict ? (
          <span data-testid="no-verdict">{t.noVerdictColumn}</span>
        ) : (
          <>
            <span>
              {narrative ? t.tasksMet : t.itemsMet}: <b data-testid="met">{met}</b>
            </span>
            <span>
              {narrative ? t.tasksNotMet : t.itemsNotMet}: <b data-testid="not-met">{notMet}</b>
            </span>
          </>
        )}
        <span>
          {t.errorsCount}: <b data-testid="errors">{counts.errors}</b>
        </span>
        <span>
          {t.warningsCount}: <b data-testid="warnings">{counts.warnings}</b>
        </span>
      </div>
    </section>
  );
}
