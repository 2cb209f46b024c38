/**
 * Issue 11, pattern 9: counts and products in prose. Sentences written for these tests in the
 * shapes observed in published reports; the names and numbers are made up. Silent cases first.
 */
import { extractClaims } from "../../src/engine/narrative";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { narrativeReport } from "../helpers/grid";

const read = (text: string) => extractClaims(text, "C5");
const messages = (text: string) => read(text).findings.map((f) => f.message);

describe("a named list's length", () => {
  test.each([
    "Xã đã đạt 4 tiêu chí: Giao thông, Thủy lợi, Điện, Trường học.",
    "Có 2 xã thu đạt từ 60% trở lên là xã Hòa An và Phú Lộc.",
    "Cả huyện có 3/12 xã có tỉ lệ cao nhất là Tân Lập, TT. Bình Minh và Yên Hòa.",
    "Đã có 5 tỉnh (Hòa Bình, Sơn La, Lai Châu, Điện Biên và Lào Cai) hoàn thành.",
    "Có 3 trường, trung tâm đạt tỷ lệ 100% là THCS Kim Đồng, Tiểu học Hoa Sen và Trung tâm Giáo dục thường xuyên huyện.",
  ])("silent and read: %s", (text) => {
    const r = read(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === "count").map((c) => c.ok)).toEqual([true]);
  });

  test.each([
    // A list that trails off or names no places is not counted.
    "Xã đã đạt 6 tiêu chí như: Giao thông, Thủy lợi, Điện...",
    "Đã hỗ trợ 10 hộ, bao gồm các đối tượng: Thân nhân liệt sĩ, Người có công.",
    "Có 12 hộ là hộ nghèo, 3 hộ cận nghèo.",
  ])("silent: %s", (text) => {
    expect(read(text).findings).toEqual([]);
  });

  test.each([
    ["Xã đã đạt 4 tiêu chí: Giao thông, Thủy lợi, Điện, Trường học, Cơ sở vật chất văn hóa.", "Ghi 4 tiêu chí nhưng danh sách kể ra 5 tên (Giao thông; Thủy lợi; Điện; Trường học; Cơ sở vật chất văn hóa): số đếm và danh sách phải khớp nhau."],
    ["Có 3 xã thu đạt từ 60% trở lên là xã Hòa An và Phú Lộc.", "Ghi 3 xã nhưng danh sách kể ra 2 tên (xã Hòa An; Phú Lộc): số đếm và danh sách phải khớp nhau."],
    ["Đã có 4 tỉnh (Hòa Bình, Sơn La, Lai Châu, Điện Biên và Lào Cai) hoàn thành.", "Ghi 4 tỉnh nhưng danh sách kể ra 5 tên (Hòa Bình; Sơn La; Lai Châu; Điện Biên; Lào Cai): số đếm và danh sách phải khớp nhau."],
  ])("flagged: %s", (text, message) => {
    expect(messages(text)).toEqual([message]);
  });
});

describe("a count times a unit price", () => {
  test.each([
    "Hỗ trợ 12 hộ, mỗi hộ 2 triệu đồng, tổng số tiền 24 triệu đồng.",
    "Tặng 150 suất quà, mỗi suất trị giá 500.000 đồng, tổng kinh phí 75.000.000 đồng.",
    "Hỗ trợ 8 hộ làm nhà, mỗi hộ được 40 triệu đồng, tổng cộng 320 triệu đồng.",
  ])("silent: %s", (text) => {
    const r = read(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => [c.kind, c.ok])).toEqual([["arithmetic", true]]);
  });

  test.each([
    ["Hỗ trợ 12 hộ, mỗi hộ 2 triệu đồng, tổng số tiền 26 triệu đồng.", "Ghi tổng 26 triệu đồng nhưng 12 × 2 triệu đồng = 24 triệu đồng."],
    ["Tặng 150 suất quà, mỗi suất trị giá 500.000 đồng, tổng kinh phí 70.000.000 đồng.", "Ghi tổng 70.000.000 đồng nhưng 150 × 500.000 đồng = 75.000.000 đồng."],
    ["Hỗ trợ 8 hộ làm nhà, mỗi hộ được 40 triệu đồng, tổng cộng 300 triệu đồng.", "Ghi tổng 300 triệu đồng nhưng 8 × 40 triệu đồng = 320 triệu đồng."],
  ])("flagged: %s", (text, message) => {
    expect(messages(text)).toEqual([message]);
  });
});

describe("N/M nhiệm vụ đạt against the tasks listed (narrative sheet)", () => {
  const sheet = (group: string, result: string): SheetSnapshot => ({
    name: "NV",
    origin: { row: 1, col: 1 },
    values: [
      ["STT", "Tên nhóm nhiệm vụ", "Kết quả đánh giá từng nhiệm vụ"],
      [1, group, result],
    ],
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  });
  const tasks = "1.1. Thu ngân sách (đánh giá: Đạt)\n1.2. Giải ngân (đánh giá: Đạt)\n1.3. Cấp giấy chứng nhận (đánh giá: Chưa đạt)";

  test.each(["Nhóm 1: 2/3 nhiệm vụ đạt", "Nhóm 1: hoàn thành 2/3 nhiệm vụ", "Nhóm 1: có 1/3 nhiệm vụ chưa đạt"])("silent: %s", (group) => {
    const r = narrativeReport(sheet(group, tasks))!;
    expect(r.findings.filter((f) => f.kind === "count-mismatch")).toEqual([]);
    expect(r.claims!.filter((c) => c.kind === "count").map((c) => c.ok)).toEqual([true]);
  });

  test.each([
    ["Nhóm 1: 3/3 nhiệm vụ đạt", 3, 2],
    ["Nhóm 1: hoàn thành 2/4 nhiệm vụ", "2/4", "2/3"],
    ["Nhóm 1: có 2/3 nhiệm vụ chưa đạt", 2, 1],
  ])("flagged: %s", (group, stated, expected) => {
    const f = narrativeReport(sheet(group, tasks))!.findings.filter((x) => x.kind === "count-mismatch");
    expect(f.map((x) => [x.stated, x.expected])).toEqual([[stated, expected]]);
  });
});
