/**
 * The column map: which column the checker took for each role, and, on a table, a choice of
 * column per role so the clerk can correct it (the sheet is checked again at once). Folded once
 * the layout is recognised, so the findings fit a default-width pane; shown first when a role is
 * missing or the user has corrected one.
 */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { ColumnRole, SheetReport } from "../../engine";
import { columnsSettled, sheetColumns } from "../columns";
import type { Strings } from "../strings";
import type { PaneState } from "../usePane";

const ROLES: ColumnRole[] = ["stt", "name", "unit", "target", "actual", "percent", "verdict", "forecast", "note"];

type Props = Pick<PaneState, "t" | "snapshot" | "busy" | "overridden" | "overrides" | "columnsOpen" | "setColumnsOpen" | "onRole"> & { report: SheetReport; recognisedColumns: number };

/** A column role's label: a narrative sheet's columns as its header names them. */
function roleLabel(role: ColumnRole, report: SheetReport, t: Strings): string {
  return (report.layout === "narrative" ? t.rolesNarrative[role] : undefined) ?? t.roles[role];
}

export function Columns({ t, report, recognisedColumns, snapshot, busy, overridden, overrides, columnsOpen, setColumnsOpen, onRole }: Props): React.ReactElement {
  const showColumns = columnsOpen ?? (!columnsSettled(report) || overridden);
  // A table's roles can be chosen; so can those of a sheet not recognised (it may be a table whose headers the checker does not know).
  const choosable = report.layout === "table" || !report.recognized;
  return (
    <details
      className="sb-columns-fold"
      data-testid="columns-fold"
      open={showColumns}
      onToggle={(e) => {
        const open = (e.currentTarget as HTMLDetailsElement).open;
        if (open !== showColumns) setColumnsOpen(open);
      }}
    >
      <summary data-testid="columns-toggle">
        {report.layout === "table" && report.columns.target && report.columns.actual ? (
          // The columns the checker took, said where the clerk can correct them.
          <Text size={200} data-testid="columns-used">
            {t.columnsUsed(report.columns.target, report.columns.actual, report.columns.verdict)} — {t.columnsEdit}
          </Text>
        ) : report.recognized ? (
          <Text size={200}>{t.columnsFolded(recognisedColumns)}</Text>
        ) : (
          <Text size={200} data-testid="columns-pick">
            {t.columnsPick}
          </Text>
        )}
      </summary>
      <table className="sb-columns" data-testid="columns">
        <tbody>
          {ROLES.filter((r) => report.columns[r] || choosable).map((r) => (
            <tr key={r}>
              <td data-testid={`role-label-${r}`}>{roleLabel(r, report, t)}</td>
              <td>
                {choosable && snapshot ? (
                  <select
                    className="sb-role"
                    data-testid={`role-${r}`}
                    aria-label={`${t.columnOf} ${roleLabel(r, report, t)}`}
                    value={report.columns[r] ?? overrides[r] ?? ""}
                    disabled={busy}
                    onChange={(e) => void onRole(r, e.target.value)}
                  >
                    <option value="">—</option>
                    {sheetColumns(snapshot).map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : (
                  report.columns[r]
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {choosable && (
        <Text size={200} block>
          {t.columnsHint}
        </Text>
      )}
    </details>
  );
}
