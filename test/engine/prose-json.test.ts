/** Issue 11: every claim read from prose is in the JSON report (kind, quote, offsets, ok), per sheet. */
import { analyseWorkbook } from "../../src/engine";
import { checkJson } from "../../src/cli/report-json";
import { sheet, workbook } from "../helpers/grid";

test("claims in --json: kind, quote, start, end, ok for each claim of a narrative sheet", () => {
  const text =
    "1.1. Thu ngân sách (đánh giá: Đạt)\nTổng thu 152,4 tỷ đồng, đạt 61% dự toán. Trong đó: thu thuế 80,1 tỷ đồng; thu phí 22,3 tỷ đồng; thu khác 50 tỷ đồng.\nCó 14/18 xã (77,8%) đạt chuẩn; tiếp nhận 1.240 hồ sơ, đã giải quyết 1.198 hồ sơ (đạt 96,6%).";
  const wb = workbook(sheet([["BIỂU ĐÁNH GIÁ"], ["STT", "Tên nhóm nhiệm vụ", "Kết quả đánh giá từng nhiệm vụ"], ["1", "1. Nhóm kinh tế", text]]));
  const doc = checkJson([{ file: "x.xlsx", report: analyseWorkbook(wb) }], "vi");
  const claims = (doc.files[0].sheets[0] as { claims: { cell: string; kind: string; quote: string; start: number; end: number; ok: boolean | null }[] }).claims;
  expect(claims.map((c) => [c.kind, c.ok])).toEqual([
    ["total", true],
    ["ratio", true],
    ["share", true],
    ["verdict", null],
  ]);
  for (const c of claims) {
    expect(c.cell).toBe("C3");
    expect(text.slice(c.start, c.end)).toBe(c.quote);
  }
});
