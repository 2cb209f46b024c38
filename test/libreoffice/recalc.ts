/**
 * LibreOffice as an independent spreadsheet engine: opens an .xlsx headless, recalculates every
 * formula, saves it, and hands back the computed values.
 *
 * Recalculation: by default LibreOffice trusts the cached results an .xlsx carries ("never
 * recalculate" for files last saved by Excel), so the throw-away profile sets Calc's
 * Formula/Load/OOXMLRecalcMode (and ODFRecalcMode) to 0, "always recalculate". The tests poison
 * the cached results to prove it happened.
 *
 * Bounded: soffice is a script that starts oosplash, which starts soffice.bin, so the conversion
 * runs in its own process group and the whole group is killed after 90 s.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";

export const LIBREOFFICE_TIMEOUT_MS = 90_000;

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

/** Runs one conversion in its own process group; resolves with its exit code, or "timeout" once the group is killed. */
export function runBounded(bin: string, args: string[], timeoutMs: number): Promise<{ code: number | "timeout"; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // The group is already gone.
      }
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? "timeout" : (code ?? -1), output });
    });
  });
}

/** A LibreOffice profile that recalculates on load, and a copy of `file`, inside `dir`. */
function workspace(dir: string, file: string): { profile: string; input: string; out: string } {
  const profile = path.join(dir, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const input = path.join(dir, "input.xlsx");
  copyFileSync(file, input);
  return { profile, input, out: path.join(dir, "out") };
}

/**
 * Recalculates `file` in LibreOffice; returns the recalculated copy's path and its working
 * directory (remove it when done). Throws a plain sentence when LibreOffice is missing, fails or hangs.
 */
export async function recalculateWithLibreOffice(file: string, timeoutMs = LIBREOFFICE_TIMEOUT_MS): Promise<{ file: string; dir: string }> {
  const bin = soffice();
  if (!bin) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-lo-"));
  const { profile, input, out } = workspace(dir, file);
  const args = ["--headless", "--norestore", "--nologo", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, input];
  const { code, output } = await runBounded(bin, args, timeoutMs);
  const result = path.join(out, "input.xlsx");
  if (code === 0 && existsSync(result)) return { file: result, dir };
  rmSync(dir, { recursive: true, force: true });
  if (code === "timeout") throw new Error(`LibreOffice did not finish within ${timeoutMs / 1000} s and was stopped.`);
  throw new Error(`LibreOffice failed (exit ${code}): ${output.trim()}`);
}

/** The values in `file`, by "sheet!A1" (formula cells give their cached result). */
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

/** Recalculates `file` in LibreOffice and returns what it computed, by "sheet!A1"; leaves no files behind. */
export async function libreOfficeValues(file: string, timeoutMs = LIBREOFFICE_TIMEOUT_MS): Promise<Map<string, unknown>> {
  const { file: result, dir } = await recalculateWithLibreOffice(file, timeoutMs);
  try {
    return await computedValues(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What LibreOffice shows for the first sheet of `file` after recalculating it: the sheet saved as
 * CSV with every cell "as shown" (its number format applied; LibreOffice's default en-US locale,
 * so "59.44" and "54.03%"), rows of cells.
 */
export async function libreOfficeShown(file: string, timeoutMs = LIBREOFFICE_TIMEOUT_MS): Promise<string[][]> {
  const bin = soffice();
  if (!bin) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-csv-"));
  try {
    const { profile, input, out } = workspace(dir, file);
    // Filter options: comma, double quote, UTF-8, from row 1, …, quote all text, detect, save as shown.
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";
    const args = ["--headless", "--norestore", "--nologo", `-env:UserInstallation=file://${profile}`, "--convert-to", filter, "--outdir", out, input];
    const { code, output } = await runBounded(bin, args, timeoutMs);
    const result = path.join(out, "input.csv");
    if (code !== 0 || !existsSync(result)) throw new Error(code === "timeout" ? `LibreOffice did not finish within ${timeoutMs / 1000} s and was stopped.` : `LibreOffice failed (exit ${code}): ${output.trim()}`);
    return parseCsv(readFileSync(result, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
