/**
 * The streaming reader against ExcelJS on arbitrary grids, and against damaged XML: it reads what
 * ExcelJS reads, and on anything else it stops with a ReaderError (never another exception, never
 * a hang). Fixed seeds and bounded runs.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { readSnapshot } from "../../src/exceljs/read";
import { readXlsx, ReaderError } from "../../src/reader/xlsx";
import { FIXTURES } from "../helpers/grid";
import { tableWorkbook } from "../../bench/generate";

/** Text that XML 1.0 can carry (no C0 controls but tab and line feed, no lone surrogates). */
function xmlChar(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c < 0x20) return c === 9 || c === 10;
  return !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff;
}
const xmlText = fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => [...s].filter(xmlChar).join(""));

const value = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 100),
  // An empty text cell is an empty cell to the reader (the snapshot's null), so it is left out here.
  xmlText.filter((t) => t !== ""),
  fc.constantFrom("Kế hoạch", "Thực hiện", "Đạt", "a < b & c > \"d\" 'e'", "  khoảng trắng  ", "1.147,63", "=SUM(A1)"),
  fc.boolean(),
  fc.constantFrom({ error: "#DIV/0!" }, { error: "#N/A" }, { error: "#REF!" }),
);

test("any grid written by ExcelJS reads the same through the streaming reader and the ExcelJS adapter", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(value, { maxLength: 8 }), { minLength: 1, maxLength: 12 }), fc.nat(3), async (grid, top) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Biểu");
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) ws.getCell(top + r + 1, c + 2).value = v as ExcelJS.CellValue;
        }),
      );
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const slow = (await readSnapshot(bytes, "x")).sheets[0];
      const fast = readXlsx(bytes, "x").sheets[0];
      expect(fast.origin).toEqual(slow.origin);
      expect(fast.values).toEqual(slow.values);
    }),
    { seed: 20261124, numRuns: 40 },
  );
});

/** A package's parts: a fixture, or a generated table with shared strings. */
function parts(name: string) {
  return unzipSync(name.endsWith(".xlsx") ? new Uint8Array(readFileSync(path.join(FIXTURES, name))) : tableWorkbook(40));
}

const damage = fc.array(
  fc.oneof(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.constant(true) }),
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom("<", ">", "&", '"', "'", "</c>", "<c>", "<!DOCTYPE x>", "<![CDATA[", "&#x0;", "&amp", "\u00ff", "<v>9e999</v>", "<row r=\"0\">", "<c r=\"XFE1048577\">") }),
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), flip: fc.integer({ min: 0, max: 255 }) }),
  ),
  { minLength: 1, maxLength: 4 },
);

function damaged(original: Uint8Array, edits: { at: number; cut?: boolean; insert?: string; flip?: number }[]): Uint8Array {
  let bytes = original;
  for (const e of edits) {
    const at = Math.floor(e.at * bytes.length);
    if (e.cut) bytes = bytes.subarray(0, at);
    else if (e.insert !== undefined) {
      const add = strToU8(e.insert);
      const out = new Uint8Array(bytes.length + add.length);
      out.set(bytes.subarray(0, at));
      out.set(add, at);
      out.set(bytes.subarray(at), at + add.length);
      bytes = out;
    } else if (bytes.length) {
      bytes = bytes.slice();
      bytes[Math.min(at, bytes.length - 1)] = e.flip!;
    }
  }
  return bytes;
}

test.each([
  ["f1-hai-yen-narrative.xlsx", "xl/worksheets/sheet1.xml"],
  ["a generated 40-row table", "xl/sharedStrings.xml"],
  ["a generated 40-row table", "xl/worksheets/sheet1.xml"],
  ["f2-binh-trung-table.xlsx", "xl/worksheets/sheet1.xml"],
])("%s with %s damaged: a snapshot or a ReaderError, quickly", (fixture, part) => {
  const original = parts(fixture);
  expect(original[part]).toBeDefined();
  fc.assert(
    fc.property(damage, (edits) => {
      const bytes = zipSync({ ...original, [part]: damaged(original[part], edits) }, { level: 0 });
      const t0 = Date.now();
      try {
        const wb = readXlsx(bytes);
        for (const s of wb.sheets) for (const line of s.values) expect(Array.isArray(line)).toBe(true);
      } catch (e) {
        if (!(e instanceof ReaderError)) throw e;
      }
      expect(Date.now() - t0).toBeLessThan(2000);
    }),
    { seed: 42, numRuns: 150 },
  );
});
