/** The command line, run as a process, as a user or the scorer runs it. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { zipSync, strToU8 } from "fflate";
import { FIXTURES } from "../helpers/grid";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/soat-bieu.js");
const F1 = path.join(FIXTURES, "f1-hai-yen-narrative.xlsx");
const F2 = path.join(FIXTURES, "f2-binh-trung-table.xlsx");

function run(...args: string[]) {
  const p = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60000 });
  return { code: p.status, out: p.stdout, err: p.stderr };
}

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), "soat-bieu-"));
}

/** A minimal OLE2 compound file header, optionally naming the EncryptionInfo stream as Excel does for a password. */
function ole2(encrypted: boolean): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(1024);
  if (encrypted) Buffer.from("EncryptionInfo", "utf16le").copy(body, 512);
  else Buffer.from("Workbook", "utf16le").copy(body, 512);
  return Buffer.concat([head, body]);
}

describe("check", () => {
  test("--json prints exactly the SPEC §8 document, and exit 1 when there are errors", () => {
    const r = run("check", F2, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["files", "summary"]);
    expect(doc.summary).toEqual({ files: 1, sheets: 1, errors: 5, warnings: 2, infos: 0 });
    const s = doc.files[0].sheets[0];
    expect(Object.keys(s)).toEqual(["name", "recognized", "layout", "columns", "items", "findings"]);
    expect(Object.keys(s.items[0])).toEqual(["row", "stt", "name", "target", "actual", "statedPercent", "percent", "statedVerdict", "verdict"]);
    expect(s.findings[0]).toMatchObject({ kind: "percent-mismatch", severity: "error", cell: "G10", message: "Tỷ lệ ghi 96,9% nhưng 498,6/520 = 95,88%." });
    expect(r.err).toBe("");
  });

  test("--lang en gives English messages", () => {
    const doc = JSON.parse(run("check", F2, "--json", "--lang", "en").out);
    expect(doc.files[0].sheets[0].findings[0].message).toBe("The percent says 96,9% but 498,6/520 = 95,88%.");
  });

  test("the readable report is Vietnamese, a table per sheet", () => {
    const r = run("check", F2);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Sheet "Chỉ tiêu 6 tháng": biểu chỉ tiêu (bảng)');
    expect(r.out).toMatch(/LỖI\s+Ô G10\s+Tỷ lệ ghi 96,9%/);
    expect(r.out).toContain("Tổng: 1 tệp, 1 sheet, 5 lỗi, 2 cảnh báo");
  });

  test("exit 0 when there is no error finding (a blank template)", () => {
    const dir = tmp();
    const out = path.join(dir, "mau.xlsx");
    expect(run("template", "-o", out).code).toBe(0);
    const r = run("check", out, "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out).files[0].sheets[0];
    expect(s).toMatchObject({ recognized: true, layout: "table", columns: { stt: "A", name: "B", target: "D", actual: "E", percent: "F", verdict: "G" } });
    expect(s.findings).toEqual([]);
  });

  test("a folder: every .xlsx checked, a bad one reported, a line per file, exit 2", () => {
    const dir = tmp();
    copyFileSync(F1, path.join(dir, "a.xlsx"));
    copyFileSync(F2, path.join(dir, "b.xlsx"));
    writeFileSync(path.join(dir, "c.xlsx"), "STT,Chỉ tiêu\n1,Thu ngân sách\n");
    writeFileSync(path.join(dir, "ghi-chu.txt"), "không phải bảng tính");
    const r = run("check", dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/b\.xlsx: 1 sheet nhận dạng, 5 lỗi, 2 cảnh báo/);
    expect(r.out).toContain("c.xlsx: không đọc được");
    const doc = JSON.parse(run("check", dir, "--json").out);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
    expect(doc.files[2].error).toMatch(/không phải bảng tính Excel/);
  });
});

describe("check --annotate", () => {
  test("paints exactly the cells the report names, not the cells that share their style", async () => {
    // The table fixture with one wrong figure in H10, whose style H8, H11, H13 … share.
    const dir = tmp();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(F2);
    wb.getWorksheet("Chỉ tiêu 6 tháng")!.getCell("H10").value = 0.5;
    const input = path.join(dir, "h10.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "to-mau.xlsx");
    const r = run("check", input, "--json", "--annotate", out);
    expect(r.code).toBe(1);
    const fills = async (file: string) => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(file);
      const m = new Map<string, string>();
      w.getWorksheet("Chỉ tiêu 6 tháng")!.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => m.set(c.address, JSON.stringify(c.style.fill ?? null))));
      return m;
    };
    const [a, b] = [await fills(input), await fills(out)];
    const painted = [...b.keys()].filter((k) => a.get(k) !== b.get(k)).sort();
    const named = [...new Set<string>(JSON.parse(r.out).files[0].sheets[0].findings.map((f: { cell: string }) => f.cell))].sort();
    expect(named).toContain("H10");
    expect(painted).toEqual(named);
    expect(r.err).toContain(`Đã tô màu và ghi chú ${named.length} ô có vấn đề`);
  });

  test("writes a copy with the problem cells filled and noted; the input and the JSON stay as they were", async () => {
    const dir = tmp();
    const input = path.join(dir, "in.xlsx");
    copyFileSync(F2, input);
    const before = readFileSync(input);
    const out = path.join(dir, "to-mau.xlsx");
    const r = run("check", input, "--json", "--annotate", out);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).summary).toEqual({ files: 1, sheets: 1, errors: 5, warnings: 2, infos: 0 });
    expect(r.err).toMatch(/Đã tô màu và ghi chú 7 ô có vấn đề/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Chỉ tiêu 6 tháng")!;
    expect((ws.getCell("G10").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(JSON.stringify(ws.getCell("G10").note)).toContain("Tỷ lệ ghi 96,9% nhưng 498,6/520 = 95,88%.");
    expect(ws.getCell("G10").value).toBe(96.9);
    expect(ws.getCell("B10").note).toBeUndefined();
    // Refusals: an existing output, the input itself, a folder.
    expect(run("check", input, "--annotate", out).err).toMatch(/đã có; dùng --force/);
    expect(run("check", input, "--annotate", input).code).toBe(2);
    const folder = run("check", dir, "--annotate", path.join(dir, "x.xlsx"));
    expect(folder.code).toBe(2);
    expect(folder.err).toContain("--annotate chỉ dùng cho một tệp");
  });
});

describe("bad input: one clear Vietnamese sentence, exit 2, no stack trace", () => {
  const dir = tmp();
  const cases: [string, () => string, RegExp][] = [
    ["a text file named .xlsx", () => (writeFileSync(path.join(dir, "text.xlsx"), "xin chào"), path.join(dir, "text.xlsx")), /không phải bảng tính Excel \.xlsx/],
    ["an empty file", () => (writeFileSync(path.join(dir, "empty.xlsx"), ""), path.join(dir, "empty.xlsx")), /Tệp rỗng/],
    ["an old .xls", () => (writeFileSync(path.join(dir, "old.xls"), ole2(false)), path.join(dir, "old.xls")), /Excel đời cũ \(\.xls\)/],
    ["a password-protected workbook", () => (writeFileSync(path.join(dir, "pw.xlsx"), ole2(true)), path.join(dir, "pw.xlsx")), /đặt mật khẩu/],
    [
      "a zip that is not a workbook",
      () => (writeFileSync(path.join(dir, "zip.xlsx"), zipSync({ "readme.txt": strToU8("hello") })), path.join(dir, "zip.xlsx")),
      /không chứa bảng tính Excel/,
    ],
    [
      "a truncated workbook",
      () => {
        const bytes = readFileSync(F2);
        writeFileSync(path.join(dir, "cut.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
        return path.join(dir, "cut.xlsx");
      },
      /bị hỏng hoặc không đầy đủ/,
    ],
    ["a missing file", () => path.join(dir, "nope.xlsx"), /Không tìm thấy tệp/],
  ];
  test.each(cases)("%s", (_label, make, sentence) => {
    const r = run("check", make());
    expect(r.code).toBe(2);
    const text = r.err + r.out;
    expect(text).toMatch(sentence);
    expect(text).not.toMatch(/\n\s+at .*\(|Error:|node:internal/);
    const j = run("check", make(), "--json");
    expect(j.code).toBe(2);
  });
});

describe("recalc", () => {
  test("writes percent and verdict cells into a copy; the input is untouched; the rest survives", async () => {
    const dir = tmp();
    const input = path.join(dir, "in.xlsx");
    copyFileSync(F2, input);
    const before = readFileSync(input);
    const out = path.join(dir, "out.xlsx");
    const r = run("recalc", input, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã ghi \d+ ô/);
    expect(readFileSync(input).equals(before)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Chỉ tiêu 6 tháng")!;
    expect((ws.getCell("G10").value as ExcelJS.CellFormulaValue).formula).toBe('IF(AND(ISNUMBER(D10),ISNUMBER(F10),D10<>0),F10/D10*100,"")');
    expect(ws.getCell("I12").value).toBe("Chưa đạt");
    expect(ws.getCell("B15").value).toBe("Trâu");
    expect(ws.getCell("H8").numFmt).toBe("0.00%");
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(["A1:J1", "D4:E4", "G4:H4"]));

    // The output checks clean of the figures it recalculated.
    const again = JSON.parse(run("check", out, "--json").out).files[0].sheets[0];
    const kinds = again.findings.map((f: { kind: string; cell: string }) => `${f.kind}@${f.cell}`);
    expect(kinds).not.toContain("percent-mismatch@G10");
    expect(kinds).not.toContain("verdict-mismatch@I12");
    expect(kinds).toContain("total-mismatch@F14");
  });

  test("refuses to overwrite its input or an existing output without --force", () => {
    const dir = tmp();
    const input = path.join(dir, "in.xlsx");
    copyFileSync(F2, input);
    expect(run("recalc", input, "-o", input).code).toBe(2);
    const out = path.join(dir, "out.xlsx");
    writeFileSync(out, "old");
    const r = run("recalc", input, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/đã có; dùng --force/);
    expect(readFileSync(out, "utf8")).toBe("old");
    expect(run("recalc", input, "-o", out, "--force").code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe("template and usage", () => {
  test("template writes a workbook with formulas, a verdict list, print setup and a footer", async () => {
    const dir = tmp();
    const out = path.join(dir, "mau.xlsx");
    const r = run("template", "-o", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A5").value).toBe("STT");
    expect((ws.getCell("F8").value as ExcelJS.CellFormulaValue).formula).toBe('IF(AND(ISNUMBER(D8),ISNUMBER(E8),D8<>0),E8/D8*100,"")');
    expect(ws.getCell("G8").dataValidation).toMatchObject({ type: "list", formulae: ['"Đạt,Chưa đạt,Chưa đánh giá"'] });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, printTitlesRow: "5:6" });
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(["NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "I", "II", "III"]));
    // Without --xa / --ky the title rows keep dots to fill in.
    expect(ws.getCell("A1").value).toBe("ỦY BAN NHÂN DÂN XÃ ……………");
  });

  test("template --xa and --ky fill the title rows", async () => {
    const out = path.join(tmp(), "mau.xlsx");
    expect(run("template", "-o", out, "--xa", "Bình Trung", "--ky", "6 tháng đầu năm 2026").code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("ỦY BAN NHÂN DÂN XÃ BÌNH TRUNG");
    expect(ws.getCell("A3").value).toBe("BIỂU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026");
    // The national heading and motto, and the place-and-date line, as on an official form.
    expect(ws.getCell("D1").value).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
    expect(ws.getCell("D2").value).toBe("Bình Trung, ngày …… tháng …… năm ……");
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(["A1:C1", "D1:H1", "D2:H2", "A3:H3", "A4:H4"]));
  });

  test("--help prints Vietnamese usage; an unknown command exits 2 with a sentence", () => {
    expect(run("--help").out).toContain("Cách dùng:");
    const r = run("kiemtra");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Lệnh không hợp lệ: kiemtra");
  });
});

describe("template --from", () => {
  test("carries the previous period's indicator list into a new blank workbook", async () => {
    const dir = tmp();
    const out = path.join(dir, "ky-moi.xlsx");
    const r = run("template", "--from", F2, "-o", out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(run("check", out, "--json").out);
    const s = doc.files[0].sheets[0];
    expect(s.recognized).toBe(true);
    expect(s.items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(["Thu ngân sách trên địa bàn", "Tổng đàn gia súc", "Giao quân"]));
    expect(s.items.every((i: { target: unknown; actual: unknown }) => i.target === null && i.actual === null)).toBe(true);
    // Both baselines of the previous table are kept, each with its percent column.
    expect(s.columns).toMatchObject({ target: "D", actual: "F", percent: "G", verdict: "I" });
    expect(r.out).toContain("Giữ hai cột kế hoạch của biểu kỳ trước: “Kế hoạch huyện giao”, “Kế hoạch HĐND xã giao”.");
    // The previous period's numbering slip (14 then 16) is not carried forward: renumbered, and said.
    expect(r.out).toContain("biểu mới đánh số lại: 16 → 15, 17 → 16.");
    expect(s.items.map((i: { stt: string }) => i.stt).slice(-3)).toEqual(["14", "15", "16"]);
    expect(s.findings.filter((f: { severity: string }) => f.severity !== "info")).toEqual([]);
    const bad = run("template", "--from", F1, "-o", path.join(dir, "x.xlsx"));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Không tìm thấy biểu chỉ tiêu nào");
  });
});
