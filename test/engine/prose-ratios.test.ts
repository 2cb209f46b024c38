/**
 * Issue 11, patterns 1, 3, 6 and the first half of 8: ratios as real reports write them. Sentences
 * written for these tests in the shapes observed in published reports; the numbers are made up.
 * For each shape the consistent sentences (which must stay silent) come first.
 */
import { extractClaims } from "../../src/engine/narrative";

const read = (text: string) => extractClaims(text, "C5");
const serious = (text: string) => read(text).findings.filter((f) => f.severity !== "info");

describe("pattern 1: a bound after a ratio is not its value", () => {
  test.each([
    "Có 7/12 trường đạt tỷ lệ này trên 90%.",
    "Toàn xã có 5/5 thôn có tỷ lệ hộ nghèo dưới 3%.",
    "Có 4/9 xã đạt tỷ lệ chậm hạn dưới 2% và 9/9 xã đạt tỷ lệ dưới 10%.",
    "Có 3/8 thôn đạt tỷ lệ tiêm chủng từ 95% trở lên.",
    "Có 6/11 chi bộ đạt tỷ lệ không quá 5% đảng viên vi phạm.",
  ])("silent: %s", (text) => {
    const r = read(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === "ratio")).toEqual([]);
  });

  test.each([
    ["Có 7/12 trường đạt tỷ lệ 85%.", "Tỷ lệ ghi 85% nhưng 7/12 = 58,33%."],
    ["Toàn xã có 5/8 thôn, chiếm 70%, có tỷ lệ hộ nghèo dưới 3%.", "Tỷ lệ ghi 70% nhưng 5/8 = 62,5%."],
    ["Đã có 9/12 xã đạt tỷ lệ 80% số xã của huyện.", "Tỷ lệ ghi 80% nhưng 9/12 = 75%."],
  ])("flagged: %s", (text, message) => {
    expect(serious(text).map((f) => f.message)).toEqual([message]);
  });
});

describe("pattern 8: a bound word on the amount makes it a floor or a ceiling", () => {
  test.each([
    "Gieo cấy được trên 46,2 ha/50 ha, đạt 92,5%.",
    "Thu được hơn 1,43/2 tỷ đồng, đạt 72%.",
    "Giải ngân khoảng 3,1/4 tỷ đồng, đạt 80%.",
    "Trồng được gần 18/20 ha, đạt 89,5%.",
  ])("silent: %s", (text) => {
    expect(read(text).findings).toEqual([]);
  });

  test.each([
    ["Gieo cấy được trên 46,2 ha/50 ha, đạt 90%.", "Tỷ lệ ghi 90% nhưng 46,2/50 = 92,4%."],
    ["Trồng được gần 18/20 ha, đạt 95%.", "Tỷ lệ ghi 95% nhưng 18/20 = 90%."],
    ["Thu được hơn 1,4/2 tỷ đồng, đạt 65%.", "Tỷ lệ ghi 65% nhưng 1,4/2 = 70%."],
  ])("flagged: %s", (text, message) => {
    expect(serious(text).map((f) => f.message)).toEqual([message]);
  });
});

describe("pattern 3: X/Y … đạt P% kế hoạch found wrong is said", () => {
  test.each([
    "Đã vận động 9/10 hộ hiến đất, đạt 90% kế hoạch.",
    "Xây dựng được 8/10 căn nhà, đạt 80% chỉ tiêu kế hoạch.",
    // The base announced once in the list's heading: P is plan fulfilment, X/Y counts villages.
    "Kết quả thu quỹ của các thôn đạt so với kế hoạch: thôn Đông đạt 104%, thôn Tây đạt 97%, 5/6 thôn đạt 100% kế hoạch.",
    "Tỷ lệ hoàn thành so với chỉ tiêu giao: xã A đạt 102%, 3/4 xã còn lại đạt 100% chỉ tiêu.",
  ])("silent: %s", (text) => {
    expect(read(text).findings).toEqual([]);
  });

  test("a mismatch whose base the words leave open is a warning naming the doubt", () => {
    const f = read("Giải quyết 18/24 đơn, đạt 80% kế hoạch năm.").findings;
    expect(f.map((x) => [x.kind, x.severity, x.quote])).toEqual([["percent-mismatch", "warning", "18/24 đơn, đạt 80%"]]);
    expect(f[0].message).toBe(
      "Tỷ lệ ghi 80% so với kế hoạch nhưng 18/24 = 75%; nếu 24 là kế hoạch thì tỷ lệ phải là 75%, còn nếu tỷ lệ tính trên một kế hoạch khác thì cần ghi rõ kế hoạch đó.",
    );
  });

  test("a mismatch where Y is named the plan is an error", () => {
    const f = read("Thu tiền sử dụng đất đạt 19,3/30 tỷ đồng chỉ tiêu, đạt 70% kế hoạch.").findings;
    expect(f.map((x) => [x.kind, x.severity])).toEqual([["percent-mismatch", "error"]]);
    expect(f[0].message).toBe("Tỷ lệ ghi 70% kế hoạch nhưng 19,3/30 = 64,33%, mà 30 chính là kế hoạch được nêu.");
  });

  test("so với dự toán: warning too", () => {
    const f = read("Hoàn thành 14/16 công trình, đạt 95% so với dự toán.").findings;
    expect(f.map((x) => [x.severity, x.stated, x.expected])).toEqual([["warning", 95, 87.5]]);
  });
});

describe("pattern 6: ratio shapes", () => {
  test.each([
    ["Cả huyện có 14/18 xã (77,8%) đạt chuẩn nông thôn mới.", "14/18 xã (77,8%"],
    ["Có 1.240/1.530 hộ (81,05%) dùng nước sạch.", "1.240/1.530 hộ (81,05%"],
    ["Đã thu hoạch 212/230 ha. Đạt 92,2% diện tích gieo trồng.", "212/230 ha. Đạt 92,2%"],
    ["Toàn xã có 36/40 thôn (chiếm 90%) có nhà văn hóa.", "36/40 thôn (chiếm 90%"],
  ])("silent and read: %s", (text, quote) => {
    const r = read(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => [c.kind, c.quote, c.ok])).toEqual([["ratio", quote, true]]);
  });

  test.each([
    ["Cả huyện có 14/18 xã (75,8%) đạt chuẩn nông thôn mới.", "Tỷ lệ ghi 75,8% nhưng 14/18 = 77,78%."],
    ["Có 1.240/1.530 hộ (83,05%) dùng nước sạch.", "Tỷ lệ ghi 83,05% nhưng 1.240/1.530 = 81,05%."],
    ["Đã thu hoạch 212/230 ha. Đạt 93,2% diện tích gieo trồng.", "Tỷ lệ ghi 93,2% nhưng 212/230 = 92,17%."],
  ])("flagged: %s", (text, message) => {
    expect(serious(text).map((f) => f.message)).toEqual([message]);
  });

  test("a bracket that is not a percent is not read as one", () => {
    expect(read("Có 12/15 hộ (3 hộ nghèo) được hỗ trợ.").claims).toEqual([]);
  });
});
