/**
 * LibreOffice as an independent spreadsheet engine: opens an .xlsx headless, recalculates every
 * formula (a throw-away profile sets "recalculate on load: always"), saves it, and hands back the
 * computed values. Bounded: the conversion is killed after 120 s.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, copyFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";

export function soffice(): string | null {
  for (const p of ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/bin/libreoffice"]) if (existsSync(p)) return p;
  return null;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Recalculates `file` in LibreOffice and returns the path of the recalculated copy. */
export function recalculateWithLibreOffice(file: string): string {
  const bin = soffice();
  if (!bin) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  const work = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-lo-"));
  const profile = path.join(work, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const input = path.join(work, "input.xlsx");
  copyFileSync(file, input);
  const out = path.join(work, "out");
  const p = spawnSync(bin, ["--headless", "--norestore", "--nologo", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, input], {
    encoding: "utf8",
    timeout: 120_000,
  });
  const result = path.join(out, "input.xlsx");
  if (p.status !== 0 || !existsSync(result)) throw new Error(`LibreOffice failed (${p.status}): ${p.stderr || p.stdout}`);
  return result;
}

/** The values LibreOffice computed, by sheet and A1 address (formula cells give their result). */
export async function computedValues(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as ExcelJS.CellValue;
        const plain = v && typeof v === "object" && "formula" in v ? (v as ExcelJS.CellFormulaValue).result : v;
        out.set(`${ws.name}!${cell.address}`, plain ?? null);
      }),
    ),
  );
  return out;
}
