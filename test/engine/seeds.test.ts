/**
 * The five real commune documents, each read as one prose cell: every ratio, arithmetic and
 * total claim in them, and exactly the wrong ones flagged. The table below is the regression
 * record: a change in what is extracted or flagged shows here.
 */
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { analyseProse } from "../../src/engine/narrative";

const SEEDS = path.resolve(__dirname, "../fixtures/seeds");
const seed = (prefix: string) => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(path.join(SEEDS, name), "utf8");
};

/** kind, ok (true right, false flagged, null cannot be checked), quote — per seed, in text order. */
const CLAIMS: Record<string, [string, boolean | null, string][]> = {
  "000": [
    ["ratio", true, "3.220.000 đồng đạt 32% so với dự toán kế hoạch huyện giao 10.000.000 đồng"],
    ["ratio", true, "29,27 % so với dự toán kế hoạch HĐND xã giao 11.000.000đồng"],
    ["ratio", true, "0 đồng/ 53.000.000 đ so với dự toán giao đạt 0%"],
    ["ratio", true, "72.225.000 đ/130.700.000 so với dự toán huyện giao đạt 55 %"],
    ["ratio", true, "2/2 cơ sở (đánh giá đạt 100%"],
    ["ratio", false, "409/424=96,4"],
    ["ratio", false, "396/424=93,3"],
    ["ratio", true, "424/424=100"],
    ["ratio", false, "27,23/25ha** đạt 109,4%"], // 27,23/25 = 108,92, not 109,4
    ["ratio", true, "56,3 ha /227,75ha = 24,7%"],
    ["ratio", true, "11/70ha =15,7%"],
  ],
  "001": [
    ["ratio", false, "06/26 = 23,01%"], // 6/26 = 23,077 → 23,08, not 23,01
    ["ratio", true, "18/26 = 69,2%"],
    ["ratio", true, "2/26 = 7,7%"],
    ["ratio", true, "46 trẻ/109 trẻ, tỷ lệ huy động 42,2%"], // 42,20
    ["ratio", true, "62/62 trẻ, tỷ lệ huy động 100%"],
    ["ratio", true, "62/62 trẻ đạt tỷ lệ 100"],
    ["ratio", true, "9/35 tỷ lệ 25,7%"], // 25,71
    ["ratio", true, "24/35 tỷ lệ 68,6"], // 68,57
    ["ratio", true, "01/35 tỷ lệ 2,9%"], // 2,857
    ["ratio", true, "338/338 = 100%"],
    ["ratio", true, "73/73 = 100%"],
    ["ratio", false, "177/338 = 52,36%"], // 52,367 cut, not rounded: info
    ["ratio", true, "61/61 học sinh = 100%"],
    ["ratio", true, "9/61 = 14,8%"],
    ["ratio", false, "42/61 = 68,8%"], // 68,852 cut: info
    ["ratio", true, "10/61 = 16,4%"],
    ["arithmetic", true, "89 học sinh x 596.000đ x 05 tháng) = 265.220.000 đồng"],
    ["arithmetic", true, "89 học sinh x 4 tháng x 15kg = 5.340kg"],
    ["arithmetic", true, "94 học sinh x 720.000đ x 05 tháng) = 338.400.000 đồng"],
    ["arithmetic", true, "94 học sinh x 5 tháng x 15kg = 7.050kg"],
    ["arithmetic", true, "150 học sinh x 5 tháng x 150.000 đồng = 112.500.000 đồng"],
    ["arithmetic", false, "184 học sinh x 4 tháng x 150.000 đồng = 88.810.000 đồng"], // 184 × 4 × 150.000 = 110.400.000
    ["arithmetic", true, "77 học sinh x 596.000đ x 05 tháng) = 229.460.000 đồng"],
    ["arithmetic", true, "74 học sinh x 596.000đ x 04 tháng) = 176.416.000 đồng"],
    ["arithmetic", true, "110 học sinh đặc biệt khó khăn và nghèo x 150.000đ x 05 tháng) = 82.500.000 đồng"],
    ["arithmetic", true, "114 học sinh đặc biệt khó khăn và nghèo x 150.000đ x 04 tháng) = 68.400.000 đồng"],
    ["ratio", true, "638/790 hộ gia đình văn hóa đạt tỷ lệ 80,76%"], // 80,759
    ["ratio", true, "81/910 hộ (số hộ theo ngành thống kê) chiếm tỷ lệ 8,9%"], // 8,901
    ["ratio", true, "122/910 hộ chiếm tỷ lệ 13,41 %"], // 13,407
    ["ratio", true, "18/20 đơn, đạt tỷ lệ 90%"],
    ["ratio", true, "23 vụ việc đạt 79%"], // a part of "29 vụ việc, trong đó …": 23/29 = 79,31
    ["ratio", true, "06 vụ việc chiếm 21%"], // 6/29 = 20,69
    ["ratio", false, "07/06 thanh niên đạt 116,6%"], // 116,67 cut: info
  ],
  "002": [
    ["ratio", true, "5/5 đơn (trong đó hòa giải thành là 03 đơn/3 vụ việc) đạt tỷ lệ 100%"],
    ["ratio", true, "6/6 đồng chí đạt 100%"],
  ],
  "003": [
    ["ratio", true, "3.220.000 đồng đạt 32% so với dự toán kế hoạch huyện giao 10.000.000 đồng"],
    ["ratio", true, "29,27 % so với dự toán kế hoạch HĐND xã giao 11.000.000đồng"],
    ["ratio", true, "0 đồng/ 53.000.000 đ so với dự toán giao đạt 0%"],
    ["ratio", true, "72.225.000 đ/130.700.000 so với dự toán huyện giao đạt 55 %"],
    ["ratio", true, "2/2 cơ sở (đánh giá đạt 100%"],
    ["ratio", false, "409/424=96,4%"],
    ["ratio", false, "396/424=93,3"],
    ["ratio", true, "424/424=100%"],
    ["ratio", true, "27,35/25ha/năm đạt 109,4%"],
    ["ratio", true, "56,3 ha /227,75ha = 24,7%"],
    ["ratio", true, "11/70ha =15,7%"],
  ],
  "004": [
    ["ratio", true, "102.062.112 đồng /150.000.000đồng, đạt 68%"], // 68,04
    ["ratio", true, "30/1.081 hộ, chiếm tỷ lệ 2,8%"], // 2,775
    ["ratio", true, "85/1.081 hộ, chiếm tỷ lệ 7,86%"], // 7,863
    ["ratio", true, "26/1.081 hộ, chiếm tỷ lệ: 2,41%"], // 2,405
    ["ratio", true, "30/1081 hộ, chiếm 2,8%"],
    ["ratio", true, "85/1081 hộ, chiếm 7,86%"],
    ["ratio", true, "4.553/5.038 đạt 90,37%"], // 90,373
    ["ratio", true, "678/753 hồ sơ đạt 90%"], // 90,04
    ["ratio", true, "6/5 đồng chí, đạt 120%"],
    ["ratio", true, "74.550.000/75.000.000 đồng đạt 99,4%"],
    ["ratio", true, "30 hộ/1081 hộ, chiếm tỷ lệ 2,8%"],
  ],
};

/** Every error and warning per seed (infos are the truncated percents, flagged false above). */
const FLAGGED: Record<string, string[]> = {
  "000": ["percent-mismatch 27,23/25ha** đạt 109,4%", "malformed-number 2.800.00đ", "verdict-conflict đánh giá chưa đạt"],
  "001": ["percent-mismatch 06/26 = 23,01%", "arithmetic-mismatch 184 học sinh x 4 tháng x 150.000 đồng = 88.810.000 đồng"],
  "002": [],
  "003": ["malformed-number 2.800.00đ", "numbering-gap 7.12", "verdict-conflict đánh giá chưa đạt", "rollup-mismatch (đánh giá chưa đạt)"],
  "004": ["unit-mismatch 150.000 triệu đồng", "numbering-gap 6"],
};

describe.each(Object.keys(CLAIMS))("seed %s", (prefix) => {
  const text = seed(prefix);
  const report = analyseProse(text, "B5");

  test("every ratio and arithmetic claim is extracted, with its verdict", () => {
    const got = report.claims.filter((c) => c.kind === "ratio" || c.kind === "arithmetic").map((c) => [c.kind, c.ok, c.quote]);
    expect(got).toEqual(CLAIMS[prefix]);
  });

  test("exactly the wrong figures are flagged, and each finding quotes its own words", () => {
    const serious = report.findings.filter((f) => f.severity !== "info");
    expect(serious.map((f) => `${f.kind} ${f.quote}`)).toEqual(FLAGGED[prefix]);
    for (const f of report.findings) {
      expect(text.slice(f.start!, f.end!)).toBe(f.quote);
      expect(f.message).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/);
    }
    for (const c of report.claims) expect(text.slice(c.start, c.end)).toBe(c.quote);
  });
});

test("the SPEC's examples: 6/26 = 23,01% and 184 học sinh x 4 tháng x 150.000 đồng = 88.810.000 đồng say what is right", () => {
  const r = analyseProse(seed("001"), "B5");
  expect(r.findings.find((f) => f.kind === "percent-mismatch")!.message).toBe("Tỷ lệ ghi 23,01% nhưng 6/26 = 23,08%.");
  expect(r.findings.find((f) => f.kind === "arithmetic-mismatch")!.message).toBe(
    "Phép tính ghi 184 × 4 × 150.000 = 88.810.000 nhưng 184 × 4 × 150.000 = 110.400.000.",
  );
});
