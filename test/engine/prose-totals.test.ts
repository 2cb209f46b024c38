/**
 * Issue 11, patterns 2 and 4: totals whose parts come later and a part with its share. Sentences
 * written for these tests in the shapes observed in published reports; the numbers are made up.
 * For each shape the consistent sentences (which must stay silent) come first.
 */
import { extractClaims } from "../../src/engine/narrative";

const read = (text: string) => extractClaims(text, "C5");
const totals = (text: string) => read(text).claims.filter((c) => c.kind === "total").map((c) => c.ok);
const messages = (text: string) => read(text).findings.map((f) => f.message);

describe("pattern 2: totals whose parts come later", () => {
  test.each([
    // The total past its tails, the parts in the next sentence.
    "Tổng thu ngân sách 152,4 tỷ đồng, đạt 61% dự toán, tăng 12% so với cùng kỳ. Trong đó: thu thuế 80,1 tỷ đồng; thu phí 22,3 tỷ đồng; thu khác 50 tỷ đồng.",
    // A total written as a ratio: the parts make up X.
    "Gieo cấy được 18,7/25 ha, đạt 74,8%; trong đó lúa 8 ha, ngô 6,5 ha, rau màu 4,2 ha.",
    // Parts joined by "và", after "gồm:", after "Cụ thể,".
    "Năm nay xã gọi 24 thanh niên nhập ngũ. Trong đó có 21 thanh niên chính thức và 03 thanh niên dự bị.",
    "Tổng số hồ sơ tiếp nhận 412 hồ sơ, gồm: hộ tịch 230 hồ sơ, chứng thực 150 hồ sơ, đất đai 32 hồ sơ.",
    "Thu ngân sách do xã quản lý 12,6 tỷ đồng, đạt 48% dự toán. Cụ thể, thu thuế và phí 7,3 tỷ đồng, bằng 45% dự toán; thu cấp, thuê đất, bán nhà: 5 tỷ đồng; thu tài chính: 0,3 tỷ đồng.",
    // Parts after ", có".
    "Số hồ sơ đang giải quyết gồm 1.172 hồ sơ, có 950 hồ sơ chưa đến hạn và 222 hồ sơ đã quá hạn.",
    // Parts on "+" lines.
    "- Tổng diện tích gieo trồng 640 ha, trong đó:\n+ Lúa 410 ha\n+ Màu và cây công nghiệp ngắn ngày: 230 ha.\n- Sản lượng lúa 2.500 tấn.",
    // A part's amount is the figure in the total's unit, not its first number.
    "Toàn xã có 560 em trong độ tuổi mầm non, trong đó trẻ 3 tuổi có 210 em, trẻ 4 tuổi 170 em, trẻ 5 tuổi 180 em.",
    // Mixed money scales and a total that is a floor.
    "Quỹ đã vận động được hơn 8 tỷ đồng; trong đó Trung ương hỗ trợ 200 triệu đồng, cấp tỉnh 3,1 tỷ đồng, cấp huyện 4,9 tỷ đồng.",
    // Compound amounts, the total's included.
    "Giá trị giải ngân ước đạt 86 tỷ 894 triệu đồng, đạt 35,62% kế hoạch; trong đó vốn huyện 24 tỷ 423 triệu đồng, vốn tỉnh 62 tỷ 471 triệu đồng.",
    // Parts rounded to one decimal of tỷ đồng: half a unit each.
    "Tổng vốn giải ngân 10,47 tỷ đồng, trong đó vốn tỉnh 6,2 tỷ đồng, vốn huyện 4,3 tỷ đồng.",
  ])("silent and read as right: %s", (text) => {
    expect(read(text).findings).toEqual([]);
    expect(totals(text)).toContain(true);
  });

  test.each([
    // Categories that may overlap are not a partition.
    "Toàn xã có 1.250 đảng viên, trong đó nữ 540 đảng viên, dân tộc thiểu số 830 đảng viên.",
    "Đoàn có 96 hội viên, trong đó 41 hội viên nữ, 70 hội viên là người dân tộc thiểu số.",
    "Lớp có 32 học sinh, có 17 học sinh nữ và 19 học sinh dân tộc thiểu số.",
    // A partial list: fewer than the total and no "khác".
    "Tiếp nhận 120 đơn, trong đó đất đai 70 đơn, môi trường 20 đơn.",
    // A label's number is no amount.
    "Khám cho 310 người, trong đó sức khỏe loại 1 và 2 chiếm 64%.",
  ])("silent: %s", (text) => {
    expect(read(text).findings).toEqual([]);
  });

  test.each([
    [
      "Tổng thu ngân sách 152,4 tỷ đồng, đạt 61% dự toán, tăng 12% so với cùng kỳ. Trong đó: thu thuế 80,1 tỷ đồng; thu phí 32,3 tỷ đồng; thu khác 50 tỷ đồng.",
      "Tổng ghi 152,4 nhưng các phần trong đó cộng lại: 80,1 + 32,3 + 50 = 162,4.",
    ],
    ["Gieo cấy được 18,5/25 ha, đạt 74%; trong đó lúa 8 ha, ngô 6,5 ha, rau màu 4,2 ha.", "Tổng ghi 18,5 nhưng các phần trong đó cộng lại: 8 + 6,5 + 4,2 = 18,7."],
    ["Năm nay xã gọi 24 thanh niên nhập ngũ. Trong đó có 22 thanh niên chính thức và 03 thanh niên dự bị.", "Tổng ghi 24 nhưng các phần trong đó cộng lại: 22 + 3 = 25."],
    ["Tổng đàn 1.020 con, trong đó bò 880 con, trâu 150 con, dê còn lại 10 con.", "Tổng ghi 1.020 nhưng các phần trong đó cộng lại: 880 + 150 + 10 = 1.040."],
    ["- Tổng diện tích gieo trồng 640 ha, trong đó:\n+ Lúa 430 ha\n+ Màu và cây công nghiệp ngắn ngày: 230 ha.", "Tổng ghi 640 nhưng các phần trong đó cộng lại: 430 + 230 = 660."],
    ["Tiếp nhận 50 đơn, có 30 đơn đất đai và 12 đơn khác.", "Tổng ghi 50 nhưng các phần trong đó cộng lại: 30 + 12 = 42."],
    [
      "Giá trị giải ngân ước đạt 86 tỷ 894 triệu đồng, đạt 35,62% kế hoạch; trong đó vốn huyện 24 tỷ 423 triệu đồng, vốn tỉnh 72 tỷ 471 triệu đồng.",
      "Tổng ghi 86.894.000.000 nhưng các phần trong đó cộng lại: 24 tỷ 423 triệu đồng + 72 tỷ 471 triệu đồng = 96.894.000.000.",
    ],
    // Rounding allowance is half a unit per part, no more.
    ["Tổng vốn giải ngân 10,27 tỷ đồng, trong đó vốn tỉnh 6,2 tỷ đồng, vốn huyện 4,3 tỷ đồng.", "Tổng ghi 10,27 nhưng các phần trong đó cộng lại: 6,2 + 4,3 = 10,5."],
  ])("flagged: %s", (text, message) => {
    expect(messages(text)).toEqual([message]);
  });

  test("parts whose shares add up to 100% are the whole: a shortfall is said", () => {
    const text = "Đã giải quyết 4.310 hồ sơ; trong đó đúng hạn 4.270 hồ sơ, chiếm tỷ lệ 99,07%; quá hạn 38 hồ sơ, chiếm tỷ lệ 0,88%.";
    expect(messages(text)).toEqual([
      "Tổng ghi 4.310 nhưng các phần trong đó, với tỷ lệ cộng lại 100% (tức là đủ cả tổng), chỉ cộng lại: 4.270 + 38 = 4.308.",
    ]);
  });
});

describe("pattern 4: a single part with its share", () => {
  test.each([
    ["Tổng vốn huy động trên 185 tỷ đồng; trong đó nhân dân đóng góp 146 tỷ đồng (chiếm 79%).", "146 tỷ đồng (chiếm 79%"],
    ["Tổng số phiếu thu vào 4.553 phiếu, trong đó có 4.512 phiếu hợp lệ, đạt tỷ lệ 99,1%.", "4.512 phiếu hợp lệ, đạt tỷ lệ 99,1%"],
    ["Đã giải quyết 826 hồ sơ, trong đó đúng hạn 820 hồ sơ (99,27%).", "820 hồ sơ (99,27%"],
  ])("silent and read: %s", (text, quote) => {
    const r = read(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.filter((c) => c.kind === "ratio").map((c) => [c.quote, c.ok])).toEqual([[quote, true]]);
  });

  test.each([
    ["Tổng vốn huy động 185 tỷ đồng; trong đó nhân dân đóng góp 140 tỷ đồng (chiếm 79%).", "Tỷ lệ ghi 79% nhưng 140/185 = 75,68%."],
    ["Tổng số phiếu thu vào 4.553 phiếu, trong đó có 4.412 phiếu hợp lệ, đạt tỷ lệ 99,1%.", "Tỷ lệ ghi 99,1% nhưng 4.412/4.553 = 96,9%."],
    ["Đã giải quyết 826 hồ sơ, trong đó đúng hạn 810 hồ sơ (99,27%).", "Tỷ lệ ghi 99,27% nhưng 810/826 = 98,06%."],
  ])("flagged: %s", (text, message) => {
    expect(messages(text)).toEqual([message]);
  });

  test("'đạt P%' alone may be measured against a plan: read when right, never flagged", () => {
    const r = read("Tổng thu 40 tỷ đồng, trong đó thu thuế 12 tỷ đồng đạt 105%.");
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => [c.kind, c.ok])).toEqual([["ratio", null]]);
  });
});
