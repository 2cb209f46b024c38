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
function ole2(encrypted: boolean, stream = "Workbook"): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(1024);
  if (encrypted) Buffer.from("EncryptionInfo", "utf16le").copy(body, 512);
  else Buffer.from(stream, "utf16le").copy(body, 512);
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
    expect(doc.files[0].sheets[0].findings[0].message).toBe("The percent says 96.9% but 498.6/520 = 95.88%.");
  });

  test("the readable report is Vietnamese, a table per sheet", () => {
    const r = run("check", F2);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Trang tính "Chỉ tiêu 6 tháng": biểu chỉ tiêu (bảng) — 16 chỉ tiêu, 8 đạt, 7 chưa đạt');
    expect(r.out).toMatch(/LỖI\s+Ô G10\s+Tỷ lệ ghi 96,9%/);
    expect(r.out).toContain("Tổng: 1 tệp, 1 trang tính, 5 lỗi, 2 cảnh báo, 0 lưu ý.");
    expect(r.out).not.toMatch(/Sheet|GHI CHÚ|ghi chú\./);
  });

  test("a narrative sheet is described in its own words, and a quote is shown on its line of the cell with context", () => {
    const r = run("check", F1);
    expect(r.out).toContain('Trang tính "Biểu đánh giá": biểu đánh giá nhiệm vụ (văn bản) — 10 nhiệm vụ, 1 đạt, 7 chưa đạt');
    expect(r.out).not.toContain("chỉ tiêu,");
    expect(r.out).toMatch(/LƯU Ý\s+Ô B5\s+Tỷ lệ ghi 93,3/);
    // The quote among 12 670 characters: its line of the cell, a few words either side.
    expect(r.out).toContain("dòng 39/72 của ô B5: + Tỷ lệ hộ có nhà tiêu «409/424=96,4%»; nhà tắm 396/424=93,3;");
    expect(r.out).toContain("dòng 8/13 của ô B6: …Pác Bó, thôn Nà Tèn) với tổng số tiền trị giá «2.800.00đ»(đạt).");
    expect(r.out).toContain("Tổng: 1 tệp, 1 trang tính, 4 lỗi, 1 cảnh báo, 2 lưu ý.");
  });

  test("English: singular and plural, numbers the English way, English severity names", () => {
    const r = run("check", F2, "--lang", "en");
    expect(r.out).toContain('Sheet "Chỉ tiêu 6 tháng": indicator table — 16 indicators, 8 achieved, 7 not achieved');
    expect(r.out).toContain("Total: 1 file, 1 sheet, 5 errors, 2 warnings, 0 info.");
    expect(r.out).toMatch(/ERROR\s+Cell G10/);
    const n = run("check", F1, "--lang", "en");
    expect(n.out).toContain("narrative task evaluation — 10 tasks, 1 achieved, 7 not achieved");
    expect(n.out).toContain("line 39 of 72 in cell B5:");
    expect(n.out).toContain("Total: 1 file, 1 sheet, 4 errors, 1 warning, 2 info.");
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
    expect(r.out).toMatch(/b\.xlsx: 1 trang tính nhận dạng được, 5 lỗi, 2 cảnh báo, 0 lưu ý/);
    expect(r.out).toContain("c.xlsx: không đọc được");
    expect(r.out).toContain("Tổng: 3 tệp, 1 tệp không đọc được, 2 trang tính, 9 lỗi, 3 cảnh báo, 2 lưu ý.");
    // The bad file's sentence is said once, on stderr.
    expect(r.err).toBe("c.xlsx: Tệp là bảng CSV (văn bản phân cách bằng dấu phẩy) bị đổi đuôi, không phải bảng tính Excel .xlsx; hãy mở bằng Excel và lưu dưới dạng .xlsx.\n");
    expect(r.out).not.toContain("CSV");
    const doc = JSON.parse(run("check", dir, "--json").out);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
    expect(doc.files[2].error).toMatch(/không phải bảng tính Excel/);
  });

  test("a bad file: its sentence once on stderr, nothing on stdout, no summary line", () => {
    const dir = tmp();
    const file = path.join(dir, "bao-cao.xlsx");
    writeFileSync(file, "Báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm.\nUBND xã Bình Trung.\n");
    const r = run("check", file);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`${file}: Tệp là văn bản thuần, không phải bảng tính Excel .xlsx; hãy chọn tệp Excel của biểu.\n`);
  });

  test("an empty folder is named in the message", () => {
    const dir = tmp();
    const r = run("check", dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Thư mục ${dir} không có tệp .xlsx nào để kiểm tra.\n`);
  });

  test("nothing recognised is not a clean result: a sentence and exit 2, for a file and for a folder", async () => {
    const dir = tmp();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Danh sách").addRows([["Họ và tên", "Ngày sinh"], ["Nguyễn Văn A", "01/01/1990"]]);
    const file = path.join(dir, "danh-sach.xlsx");
    await wb.xlsx.writeFile(file);
    const r = run("check", file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${file}: Không nhận dạng được biểu nào trong 1 trang tính của tệp: không có biểu chỉ tiêu hay biểu đánh giá nhiệm vụ để kiểm tra.\n`);
    expect(r.out).toContain("Tổng: 1 tệp, 1 trang tính, không nhận dạng được biểu nào.");
    expect(run("check", file, "--json").code).toBe(2);
    copyFileSync(file, path.join(dir, "danh-sach-2.xlsx"));
    const f = run("check", dir, "--lang", "en");
    expect(f.code).toBe(2);
    expect(f.out).toContain("danh-sach.xlsx: no sheet recognised");
    expect(f.err).toBe(`No sheet was recognised in the 2 files of the folder ${dir}: this does not mean the sheets are right.\n`);
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
    ["a text file named .xlsx", () => (writeFileSync(path.join(dir, "text.xlsx"), "xin chào"), path.join(dir, "text.xlsx")), /Tệp là văn bản thuần, không phải bảng tính Excel \.xlsx/],
    ["a CSV file named .xlsx", () => (writeFileSync(path.join(dir, "csv.xlsx"), "STT;Chỉ tiêu;Kế hoạch\n1;Thu ngân sách;12000\n"), path.join(dir, "csv.xlsx")), /Tệp là bảng CSV/],
    [
      "a Word document (.docx)",
      () => (writeFileSync(path.join(dir, "bao-cao.docx"), zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") })), path.join(dir, "bao-cao.docx")),
      /Đây là tệp Word/,
    ],
    ["an old Word document (.doc)", () => (writeFileSync(path.join(dir, "bao-cao.doc"), ole2(false, "WordDocument")), path.join(dir, "bao-cao.doc")), /Đây là tệp Word/],
    ["a PDF", () => (writeFileSync(path.join(dir, "bao-cao.pdf"), "%PDF-1.7\n%âãÏÓ\n"), path.join(dir, "bao-cao.pdf")), /Đây là tệp PDF/],
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
    expect(r.out).toBe("");
    const text = r.err;
    expect(text).toMatch(sentence);
    expect(text.trim().split("\n")).toHaveLength(1);
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

  test("--version, help, help check, help KIND", () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    expect(run("--version")).toEqual({ code: 0, out: `soat-bieu ${version}\n`, err: "" });
    expect(run("help").out).toContain("soat-bieu help [check | recalc | template | LOẠI]");
    const check = run("help", "check");
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/--report TỆP\.xlsx\|\.csv/);
    expect(check.out).toMatch(/percent-mismatch\s+Lỗi\s+Tỷ lệ sai/);
    expect(check.out).toMatch(/number-as-text\s+Lưu ý\s+Số lưu dạng chữ/);
    expect(run("check", "--help").out).toBe(check.out);
    const kind = run("help", "total-mismatch");
    expect(kind.out).toContain("Tổng sai (total-mismatch) — Mức độ: Lỗi");
    expect(kind.out).toContain("Cách sửa:");
    expect(run("help", "total-mismatch", "--lang", "en").out).toContain("Wrong total (total-mismatch) — Severity: Error");
    const unknown = run("help", "khong-co");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Không có hướng dẫn cho "khong-co"');
  });

  test("every option --help names is in the README, and every README example uses the soat-bieu command", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const helps = ["--help", "help check", "help recalc", "help template"].map((h) => run(...h.split(" ")).out + run(...h.split(" "), "--lang", "en").out).join("\n");
    const options = new Set(helps.match(/(?<![\w-])--?[a-zA-Z][\w-]*/g));
    const missing = [...options].filter((o) => !readme.includes(o));
    expect(missing).toEqual([]);
    expect(readme).not.toMatch(/npm run (--silent )?soat-bieu -- (check|recalc|template)/);
    const blocks = readme.match(/```sh\n[\s\S]*?```/g)!.join("\n");
    expect(blocks).toMatch(/^soat-bieu check /m);
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

test("the README names every test command CI runs", () => {
  const ci = readFileSync(path.join(ROOT, ".ci/run"), "utf8");
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const commands = ci
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^(npm (test|run \S+)|\.\.\/shared\/tools\/\S+)$/.test(l));
  expect(commands).toEqual(expect.arrayContaining(["npm test", "npm run test:e2e"]));
  for (const c of commands) expect([c, readme.includes(`\n${c} `)]).toEqual([c, true]);
});
