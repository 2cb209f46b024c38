/** The layout the checker recognised (a table, a narrative, or none and why), with its column map (where the clerk can name the columns of a sheet not recognised). */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { SheetReport } from "../../engine";
import type { PaneState } from "../usePane";
import { Columns } from "./Columns";

type Props = Pick<PaneState, "t" | "lang" | "snapshot" | "busy" | "overridden" | "overrides" | "columnsOpen" | "setColumnsOpen" | "onRole"> & { report: SheetReport };

export function Layout({ t, lang, report, ...columns }: Props): React.ReactElement {
  const narrative = report.layout === "narrative";
  const recognisedColumns = Object.values(report.columns).filter(Boolean).length;
  return (
    <section className="sb-card" data-testid="layout">
      <Text weight="semibold">{t.layout}: </Text>
      <Text data-testid="layout-name">{report.recognized ? (narrative ? t.layoutNarrative : t.layoutTable) : t.notRecognised}</Text>
      {!report.recognized && <Text block>{lang === "en" ? report.reasonEn : report.reason}</Text>}
      {/* Not recognised: the clerk may name the columns (a table's target and actual) and the sheet is checked with them. */}
      {(recognisedColumns > 0 || !report.recognized) && <Columns t={t} report={report} recognisedColumns={recognisedColumns} {...columns} />}
    </section>
  );
}
