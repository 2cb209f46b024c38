/**
 * The bad-file corpus: every file a reviewer might receive that is not a readable workbook. Each
 * gives exit 2 and one clear Vietnamese sentence, quickly and in bounded memory (the CLI runs with
 * a 200 MB heap here), and a folder check carries on past each of them.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strToU8, zipSync } from "fflate";
import { FIXTURES } from "../helpers/grid";
import { CONTENT_TYPES, ROOT_RELS, SHEET, WORKBOOK, WORKBOOK_RELS, xlsx } from "../helpers/xlsx-parts";

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-bad-"));

function ole2(stream: string): Buffer {
  const body = Buffer.alloc(2048);
  Buffer.from(stream, "utf16le").copy(body, 1024);
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), body]);
}

/** A sheet part that inflates to 260 MB of spaces: past the 256 MB limit, a few hundred kB on disk. */
function zipBomb(): Uint8Array {
  const head = strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
  const big = new Uint8Array(260 * 1024 * 1024);
  big.fill(32);
  big.set(head, 0);
  return zipSync(
    {
      "[Content_Types].xml": strToU8(CONTENT_TYPES),
      "_rels/.rels": strToU8(ROOT_RELS),
      "xl/workbook.xml": strToU8(WORKBOOK()),
      "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS()),
      "xl/worksheets/sheet1.xml": big,
    },
    { level: 1 },
  );
}

const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`;

const good = readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx"));
const CORPUS: [string, () => Uint8Array | Buffer, RegExp][] = [
  ["0-byte.xlsx", () => Buffer.alloc(0), /Tệp rỗng/],
  ["csv-renamed.xlsx", () => Buffer.from("STT,Chỉ tiêu,Kế hoạch\n1,Thu ngân sách,100\n"), /Tệp là bảng CSV .* không phải bảng tính Excel \.xlsx/],
  ["old.xls", () => ole2("Workbook"), /Excel đời cũ \(\.xls\)/],
  ["encrypted.xlsx", () => ole2("EncryptionInfo"), /đặt mật khẩu/],
  ["truncated.xlsx", () => good.subarray(0, Math.floor(good.length * 0.6)), /bị hỏng hoặc không đầy đủ/],
  ["zip-bomb.xlsx", zipBomb, /quá lớn để kiểm tra/],
  ["entity-expansion.xlsx", () => xlsx([LAUGHS]), /DOCTYPE\/entity/],
  ["no-shared-strings.xlsx", () => xlsx([SHEET(`<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>`)]), /thiếu phần chuỗi dùng chung/],
  ["zip-without-workbook.xlsx", () => zipSync({ "docProps/app.xml": strToU8("<Properties/>") }), /không chứa bảng tính Excel/],
  ["word-renamed.xlsx", () => zipSync({ "word/document.xml": strToU8("<w:document/>") }), /Đây là tệp Word/],
];

function check(...args: string[]) {
  const t0 = Date.now();
  const p = spawnSync(process.execPath, ["--max-old-space-size=200", path.join(ROOT, "bin/soat-bieu.js"), "check", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: p.status, out: p.stdout, err: p.stderr, ms: Date.now() - t0 };
}

beforeAll(() => {
  for (const [name, make] of CORPUS) writeFileSync(path.join(dir, name), make());
  copyFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx"), path.join(dir, "z-good.xlsx"));
}, 60_000);

test.each(CORPUS)("%s: exit 2, one clear sentence, no stack trace", (name, _make, sentence) => {
  const r = check(path.join(dir, name));
  expect(r.code).toBe(2);
  const lines = r.err.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(sentence);
  expect(r.err + r.out).not.toMatch(/\n\s+at |Error:|node:internal|heap out of memory/);
});

test("a folder check carries on past every bad file and checks the good one", () => {
  const r = check(dir, "--json");
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.out);
  const byFile = new Map<string, { error?: string; sheets: unknown[] }>(doc.files.map((f: { file: string }) => [f.file, f]));
  for (const [name, , sentence] of CORPUS) expect([name, byFile.get(name)?.error]).toEqual([name, expect.stringMatching(sentence)]);
  expect(byFile.get("z-good.xlsx")!.sheets).toHaveLength(1);
  expect(doc.summary.errors).toBe(5);
}, 120_000);
