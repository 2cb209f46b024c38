/** Scores the table checker on the forms of real-forms.ts: planted errors found, alarms right, percents and verdicts right. */
import { analyseSheet } from "../../src/engine";
import type { SheetReport } from "../../src/engine/report";
import type { FormCase } from "./real-forms";

export interface Score {
  planted: number;
  found: number;
  alarms: number;
  trueAlarms: number;
  percents: number;
  percentsRight: number;
  verdicts: number;
  verdictsRight: number;
  columns: number;
  columnsRight: number;
  /** Loud findings on clean twins and other alarms nobody planted, as "case: kind@cell". */
  falseAlarms: string[];
  misses: string[];
  wrong: string[];
}

export function emptyScore(): Score {
  return { planted: 0, found: 0, alarms: 0, trueAlarms: 0, percents: 0, percentsRight: 0, verdicts: 0, verdictsRight: 0, columns: 0, columnsRight: 0, falseAlarms: [], misses: [], wrong: [] };
}

export function scoreCase(c: FormCase, s: Score = emptyScore(), report: SheetReport = analyseSheet(c.sheet)): Score {
  const loud = report.findings.filter((f) => f.severity !== "info");
  const key = (k: string, cell: string) => `${k}@${cell}`;
  const planted = new Set(c.errors.map((e) => key(e.kind, e.cell)));
  s.planted += planted.size;
  for (const e of c.errors) {
    if (report.findings.some((f) => key(f.kind, f.cell) === key(e.kind, e.cell))) s.found++;
    else s.misses.push(`${c.name}${c.planted ? "*" : ""}: ${key(e.kind, e.cell)}`);
  }
  s.alarms += loud.length;
  for (const f of loud) {
    if (planted.has(key(f.kind, f.cell))) s.trueAlarms++;
    else s.falseAlarms.push(`${c.name}${c.planted ? "*" : ""}: ${key(f.kind, f.cell)} ${f.message}`);
  }
  for (const e of c.items) {
    const item = report.items.find((i) => i.row === e.row);
    if (e.percent !== null) {
      s.percents++;
      if (item && item.percent !== null && Math.abs(item.percent - e.percent) < 1e-6) s.percentsRight++;
      else s.wrong.push(`${c.name}: percent row ${e.row} ${item?.percent ?? "-"} ≠ ${e.percent}`);
    }
    s.verdicts++;
    if (item && item.verdict === e.verdict) s.verdictsRight++;
    else s.wrong.push(`${c.name}: verdict row ${e.row} ${item?.verdict ?? "-"} ≠ ${e.verdict}`);
  }
  const want = c.columns;
  s.columns++;
  if (report.columns.target === want.target && report.columns.actual === want.actual && report.columns.verdict === want.verdict) s.columnsRight++;
  else s.wrong.push(`${c.name}: columns ${JSON.stringify(report.columns)} ≠ ${JSON.stringify(want)}`);
  return s;
}

export function ratio(n: number, d: number): string {
  return d ? (n / d).toFixed(2) : "-";
}

export function describe(s: Score): string {
  return `recall ${ratio(s.found, s.planted)} (${s.found}/${s.planted}), precision ${ratio(s.trueAlarms, s.alarms)} (${s.trueAlarms}/${s.alarms}), percents ${ratio(s.percentsRight, s.percents)} (${s.percentsRight}/${s.percents}), verdicts ${ratio(s.verdictsRight, s.verdicts)} (${s.verdictsRight}/${s.verdicts}), columns ${s.columnsRight}/${s.columns}`;
}
