/**
 * Issue 11, patterns 7 and 8: a dot used as a decimal mark is read only where nothing else fits and
 * said as an info; telephone and fax numbers, dates and codes are no malformed amounts; the same
 * label about different subjects is no figure-conflict. Sentences written for these tests.
 */
import { analyseWorkbook } from "../../src/engine";
import { extractClaims } from "../../src/engine/narrative";
import { sheet, workbook } from "../helpers/grid";

const read = (text: string) => extractClaims(text, "C5");

describe("pattern 7: a dot as a decimal mark", () => {
  test.each(["Tỷ lệ hộ nghèo còn 2,35%.", "Diện tích 1.250 ha.", "Ngày 2.1.2024 đến 17.5.2024 đã tiếp nhận hồ sơ.", "Theo phiên bản 2.1 của phần mềm."])("silent: %s", (text) => {
    expect(read(text).findings).toEqual([]);
  });

  test.each([
    ["Tỷ lệ che phủ rừng đạt 41.8%.", "41.8", "41,8"],
    ["Gieo trồng được 3.5 ha lúa.", "3.5", "3,5"],
    ["Có 212/230 hộ đạt 92.17% dùng nước sạch.", "92.17", "92,17"],
  ])("said as an info: %s", (text, stated, expected) => {
    const f = read(text).findings;
    expect(f.map((x) => [x.kind, x.severity, x.stated, x.expected])).toEqual([["malformed-number", "info", stated, expected]]);
    expect(f[0].message).toBe(
      `Số "${stated}" dùng dấu chấm làm dấu thập phân; theo cách viết số của Việt Nam phải là ${expected} (dấu chấm chỉ phân cách hàng nghìn, luôn đứng trước đúng ba chữ số). Số này được đọc là ${expected} vì không thể là số nào khác.`,
    );
  });

  test("the dot-decimal percent is still checked as its only reading", () => {
    const r = read("Có 212/230 hộ đạt 93.17% dùng nước sạch.");
    expect(r.findings.map((f) => [f.kind, f.severity])).toEqual([
      ["percent-mismatch", "error"],
      ["malformed-number", "info"],
    ]);
  });
});

describe("pattern 8: telephone, fax numbers and codes are not malformed amounts", () => {
  test.each([
    "Điện thoại: 0205.3.812.456 - Fax: 0205.3.812.457",
    "Mọi ý kiến xin gửi về số 0912.345.67 (đồng chí Lan).",
    "Mã số thuế 4.600.123.45 của hợp tác xã.",
  ])("silent: %s", (text) => {
    expect(read(text).findings).toEqual([]);
  });

  test.each(["Kinh phí 2.800.00đ đã chi.", "Thu được 12.45.000 đồng.", "Số tiền 1.2.345 đồng."])("still malformed: %s", (text) => {
    expect(read(text).findings.map((f) => f.kind)).toEqual(["malformed-number"]);
  });
});

describe("pattern 8: the same label about different subjects is no figure-conflict", () => {
  const narrative = (rows: (string | null)[][], name = "NV") => ({
    ...sheet([["BIỂU ĐÁNH GIÁ"], ["STT", "Tên nhóm nhiệm vụ", "Kết quả đánh giá từng nhiệm vụ", "Dự báo 6 tháng cuối năm"], ...rows]),
    name,
  });
  const conflicts = (a: string, b: string) =>
    analyseWorkbook(workbook(narrative([["1", "1. Nhóm", a, null]]), narrative([["1", "1. Nhóm", b, null]], "Báo cáo"))).sheets.flatMap((s) =>
      s.findings.filter((f) => f.kind === "figure-conflict"),
    );

  test.each([
    ["Ông Nguyễn Văn An được 45/45 phiếu tán thành, đạt 100%.", "Bà Trần Thị Bình được 39/45 phiếu tán thành, đạt 86,7%."],
    ["Kết quả lấy phiếu: 45/45 phiếu tán thành (100%).", "Kết quả lấy phiếu: 39/45 phiếu tán thành (86,67%)."],
    ["Đồng chí Lê Văn Cường đạt 30/32 điểm chuẩn, đạt 93,75%.", "Đồng chí Phạm Thu Hà đạt 28/32 điểm chuẩn, đạt 87,5%."],
  ])("silent: %s / %s", (a, b) => {
    expect(conflicts(a, b)).toEqual([]);
  });

  test.each([
    ["Trồng rừng được 27,35/25 ha, đạt 109,4%.", "Trồng rừng được 27,23/25 ha, đạt 108,92%."],
    ["Cấp giấy chứng nhận được 410/450 hồ sơ, đạt 91,1%.", "Cấp giấy chứng nhận được 405/450 hồ sơ, đạt 90%."],
    ["Tiêm chủng đầy đủ 96/100 trẻ, đạt 96%.", "Tiêm chủng đầy đủ 94/100 trẻ, đạt 94%."],
  ])("flagged: %s / %s", (a, b) => {
    expect(conflicts(a, b).length).toBe(1);
  });
});
