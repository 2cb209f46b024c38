/**
 * Issue 11, pattern 5: amount and base in other shapes. Sentences written for these tests in the
 * shapes observed in published reports; the numbers are made up. Silent cases first.
 */
import { extractClaims } from "../../src/engine/narrative";

const read = (text: string) => extractClaims(text, "C5");
const messages = (text: string) => read(text).findings.map((f) => f.message);

describe("pattern 5: a base given in the clause before or after is read when it fits, never guessed", () => {
  test.each([
    ["Bộ phận một cửa tiếp nhận 1.240 hồ sơ, đã giải quyết 1.198 hồ sơ (đạt 96,6%).", "1.198 hồ sơ (đạt 96,6%"],
    ["Tổng số cử tri là 8.436; số cử tri đã đi bầu là 8.410 (đạt tỉ lệ 99,69%).", "8.410 (đạt tỉ lệ 99,69%"],
    ["Chỉ tiêu giao là 700 triệu đồng.\n\nĐến nay đã vận động được 430 triệu đồng, đạt 61,4%.", "430 triệu đồng, đạt 61,4%"],
    ["Đã tiếp nhận 9.630 hồ sơ, trả đúng hạn 9.255 hồ sơ (đạt 96,55%), hồ sơ đến hạn giải quyết 9.586 hồ sơ.", "9.255 hồ sơ (đạt 96,55%"],
  ])("read as right: %s", (text, quote) => {
    const r = read(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => [c.kind, c.quote, c.ok])).toEqual([["share", quote, true]]);
  });

  test.each([
    // No amount around gives the percent: the base is not known, nothing is said.
    "Bộ phận một cửa tiếp nhận 1.240 hồ sơ, đã giải quyết 1.100 hồ sơ (đạt 96,6%).",
    "Đã vận động được 430 triệu đồng, đạt 61,4% kế hoạch.",
    "Toàn xã còn 80 hộ nghèo, chiếm tỉ lệ 1,61%.",
  ])("silent: %s", (text) => {
    expect(read(text).findings).toEqual([]);
  });
});

describe("pattern 5: a base named in a bracket, amounts in two scales, compound amounts", () => {
  test.each([
    ["Thu ngân sách được 450 triệu đồng, đạt 75% dự toán (KH 0,6 tỷ đồng).", "450 triệu đồng, đạt 75% dự toán (KH 0,6 tỷ đồng)"],
    ["Vận động quỹ được 186 triệu 500 nghìn đồng, đạt 93,25% (KH 200 triệu đồng).", "186 triệu 500 nghìn đồng, đạt 93,25% (KH 200 triệu đồng)"],
    ["Thu tiền sử dụng đất 2 tỷ 150 triệu đồng, đạt 86% kế hoạch (KH 2,5 tỷ đồng).", "2 tỷ 150 triệu đồng, đạt 86% kế hoạch (KH 2,5 tỷ đồng)"],
  ])("silent and read: %s", (text, quote) => {
    const r = read(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => [c.quote, c.ok])).toEqual([[quote, true]]);
  });

  test.each([
    ["Thu ngân sách được 450 triệu đồng, đạt 65% dự toán (KH 0,6 tỷ đồng).", "Tỷ lệ ghi 65% nhưng 450 triệu đồng/0,6 tỷ đồng = 75%."],
    ["Vận động quỹ được 186 triệu 500 nghìn đồng, đạt 92,25% (KH 200 triệu đồng).", "Tỷ lệ ghi 92,25% nhưng 186 triệu 500 nghìn đồng/200 triệu đồng = 93,25%."],
    ["Thu tiền sử dụng đất 2 tỷ 150 triệu đồng, đạt 68% kế hoạch (KH 2,5 tỷ đồng).", "Tỷ lệ ghi 68% nhưng 2 tỷ 150 triệu đồng/2,5 tỷ đồng = 86%."],
  ])("flagged: %s", (text, message) => {
    expect(messages(text)).toEqual([message]);
  });
});

describe("pattern 5: X trên / trong tổng số Y", () => {
  test.each([
    ["Đã cấp giấy chứng nhận 1.269 ha trong tổng số 1.316 ha cần cấp (đạt tỷ lệ 96,4%).", true],
    ["Có 412 hộ trên tổng số 450 hộ, đạt 91,6%, dùng nước sạch.", true],
    ["Đã cấp giấy chứng nhận 1.269 ha trong tổng số 1.316 ha cần cấp (đạt tỷ lệ 97,4%).", false],
    ["Có 412 hộ trên tổng số 450 hộ, đạt 93,6%, dùng nước sạch.", false],
  ])("%s", (text, ok) => {
    const r = read(text);
    expect(r.claims.map((c) => [c.kind, c.ok])).toEqual([["ratio", ok]]);
    expect(r.findings.length).toBe(ok ? 0 : 1);
  });
});
