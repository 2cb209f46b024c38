/**
 * The same report for every workbook the tests hold, before and after a change meant to keep
 * behaviour (issue 15's redesign): each workbook's full report (items, findings with their
 * messages, claims) and its plans (the writes of Tính lại and Chuẩn hoá) are hashed and compared
 * with test/fixtures/golden.json. A change that is meant
 * to change behaviour regenerates the file on purpose: UPDATE_GOLDEN=1 npx jest test/engine/golden.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { analyseWorkbook, planNormalise, planRecalc, recogniseSheet, type WorkbookSnapshot } from "../../src/engine";
import { readXlsx } from "../../src/reader/xlsx";
import { narrativeSheet, tableWorkbook } from "../../bench/generate";
import { holdoutForms } from "../helpers/holdout-forms";
import { realForms } from "../helpers/real-forms";
import { FIXTURES } from "../helpers/grid";

const GOLDEN = path.join(FIXTURES, "golden.json");
const SEEDS = path.join(FIXTURES, "seeds");

function workbooks(): [string, WorkbookSnapshot][] {
  const out: [string, WorkbookSnapshot][] = [];
  for (const f of ["f1-hai-yen-narrative.xlsx", "f2-binh-trung-table.xlsx"]) out.push([f, readXlsx(new Uint8Array(readFileSync(path.join(FIXTURES, f))), f)]);
  out.push(["bench table 300 rows", readXlsx(tableWorkbook(300), "bench.xlsx")]);
  const seeds = ["000", "001", "002", "003", "004"].map((p) => readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(p))!), "utf8"));
  out.push(["bench narrative 60 kB", { name: "narrative", sheets: [narrativeSheet(seeds, 60_000)] }]);
  for (const [set, cases] of [["real forms", realForms(101)], ["holdout forms", holdoutForms(101)]] as const) {
    cases.forEach((c, i) => out.push([`${set} ${i} ${c.name}${c.planted ? " (planted)" : ""}`, { name: `${set} ${i}`, sheets: [c.sheet] }]));
  }
  return out;
}

const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/** What a click writes: the writes of Tính lại and of Chuẩn hoá for every sheet. */
const plans = (wb: WorkbookSnapshot) => ({ recalc: planRecalc(wb), normalise: wb.sheets.map((s) => planNormalise(recogniseSheet(s))) });

test("every workbook the tests hold gets the same report and the same plans as recorded", () => {
  const now = Object.fromEntries(workbooks().flatMap(([name, wb]) => [[name, hash(analyseWorkbook(wb))], [`${name} · plans`, hash(plans(wb))]]));
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(now, null, 1)}\n`);
  const recorded = JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, string>;
  expect(Object.keys(now).length).toBeGreaterThan(30);
  const changed = Object.keys({ ...recorded, ...now }).filter((k) => recorded[k] !== now[k]);
  expect(changed).toEqual([]);
});
