/**
 * Indicator tables in the shapes district and commune offices file (issue 16), with figures of our
 * own drawn from a seeded generator: several periods side by side, short and local header words,
 * rows with their own figures at every level, number formats that hide decimals, sheets without a
 * verdict column, district tables by commune. Each form comes as a clean twin (must raise nothing)
 * and a planted twin whose errors are listed with their cells; the expected items (percent and
 * verdict of every row that is an item) come with both.
 */
import type { CellRange, CellValue, SheetSnapshot } from "../../src/engine/snapshot";
import { Decimal } from "../../src/engine/decimal";
import { sheet } from "./grid";
import { rng } from "./rng";

export type Pattern = "periods" | "short-words" | "levels" | "formats" | "no-verdict" | "by-commune";

export interface Planted {
  cell: string;
  kind: string;
}

export interface ExpectedItem {
  row: number;
  /** Percent points of actual/target, or null when the form judges nothing on that row. */
  percent: number | null;
  verdict: "Đạt" | "Chưa đạt" | null;
}

export interface FormCase {
  pattern: Pattern;
  name: string;
  planted: boolean;
  sheet: SheetSnapshot;
  errors: Planted[];
  items: ExpectedItem[];
  /** The columns the checker must take (letters). */
  columns: { target: string; actual: string; verdict?: string };
  /** True when the form does not say which period its verdicts judge (one info, no verdict judged). */
  periodUnclear?: boolean;
}


const letter = (c: number) => String.fromCharCode(64 + c);

function round(x: number, d: number): number {
  return new Decimal(x).toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toNumber();
}

export function pct(a: number, t: number, d = 20): number {
  return new Decimal(a).div(t).times(100).toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toNumber();
}

interface Indicator {
  name: string;
  unit: string;
  min: number;
  max: number;
  decimals: number;
  lower?: boolean;
}

const INDICATORS: Indicator[] = [
  { name: "Tổng diện tích gieo trồng cây hằng năm", unit: "ha", min: 800, max: 2400, decimals: 1 },
  { name: "Sản lượng lương thực có hạt", unit: "tấn", min: 5000, max: 16000, decimals: 0 },
  { name: "Tổng đàn gia súc", unit: "con", min: 3000, max: 9000, decimals: 0 },
  { name: "Thu ngân sách nhà nước trên địa bàn", unit: "triệu đồng", min: 9000, max: 60000, decimals: 0 },
  { name: "Số lao động được tạo việc làm mới", unit: "người", min: 150, max: 900, decimals: 0 },
  { name: "Diện tích trồng rừng tập trung", unit: "ha", min: 40, max: 300, decimals: 1 },
  { name: "Số hộ đạt danh hiệu gia đình văn hóa", unit: "hộ", min: 1200, max: 5000, decimals: 0 },
  { name: "Tỷ lệ dân số tham gia bảo hiểm y tế", unit: "%", min: 88, max: 94, decimals: 1 },
  { name: "Tỷ lệ hộ nghèo", unit: "%", min: 2.5, max: 6, decimals: 2, lower: true },
  { name: "Giá trị sản xuất công nghiệp", unit: "tỷ đồng", min: 300, max: 1500, decimals: 1 },
  { name: "Số xã đạt chuẩn nông thôn mới nâng cao", unit: "xã", min: 3, max: 9, decimals: 0 },
  { name: "Số người được khám chữa bệnh bảo hiểm y tế", unit: "lượt", min: 20000, max: 60000, decimals: 0 },
];

const COMMUNES = [
  "Xã Tân Hòa", "Xã Phú Lộc", "Thị trấn Đồng Mỏ", "Xã Yên Thạnh", "Xã Hòa Bình Tây", "Xã Sơn Kim",
  "Xã Đức Phong", "Xã An Thịnh", "Xã Bình Minh", "Thị trấn Kỳ Sơn", "Xã Long Hiệp", "Xã Tam Giang",
];

interface Figures {
  ind: Indicator;
  t: number;
  a: number;
  prev: number;
  met: boolean;
}

function draw(r: () => number, ind: Indicator): Figures {
  const t = round(ind.min + r() * (ind.max - ind.min), ind.decimals);
  const hit = r() < 0.6;
  const up = hit !== !!ind.lower;
  const ratio = up ? 1 + 0.005 + r() * 0.22 : 0.76 + r() * 0.23;
  const a = round(t * ratio, ind.decimals);
  const prev = round(t * (0.82 + r() * 0.2), ind.decimals);
  const met = ind.lower ? a <= t : a >= t;
  return { ind, t, a, prev, met };
}

/** A sheet under construction: rows, formats, merges, the planted errors and the expected items. */
class Form {
  rows: CellValue[][] = [];
  formats: Record<string, string> = {};
  merges: CellRange[] = [];
  errors: Planted[] = [];
  items: ExpectedItem[] = [];
  add(row: CellValue[]): number {
    this.rows.push(row);
    return this.rows.length;
  }
  merge(top: number, left: number, bottom: number, right: number) {
    this.merges.push({ top, left, bottom, right });
  }
  set(row: number, col: number, v: CellValue) {
    this.rows[row - 1][col - 1] = v;
  }
  get(row: number, col: number): CellValue {
    return this.rows[row - 1][col - 1];
  }
  plant(row: number, col: number, kind: string) {
    this.errors.push({ cell: `${letter(col)}${row}`, kind });
  }
  build(name: string): SheetSnapshot {
    return sheet(this.rows, { name, merges: this.merges, formats: this.formats });
  }
}

function shuffle<T>(r: () => number, xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

/** Verdict words as a form writes them. */
interface Words {
  met: (over: boolean) => string;
  failed: string;
}
const WORDS: Words[] = [
  { met: () => "Đạt", failed: "Chưa đạt" },
  { met: () => "Hoàn thành", failed: "Không hoàn thành" },
  { met: (over) => (over ? "Vượt" : "Đạt"), failed: "Không đạt" },
  { met: (over) => (over ? "Vượt kế hoạch" : "Hoàn thành"), failed: "Chưa hoàn thành" },
];
const say = (w: Words, f: Figures, flip = false) => ((f.met !== flip) ? w.met(f.ind.lower ? f.a < f.t : f.a > f.t) : w.failed);

/** Which rows get a planted error: about one in three, never two on one row. */
function planner(r: () => number, planted: boolean, rows: number) {
  const marks = new Map<number, "percent" | "verdict">();
  if (!planted) return marks;
  const order = shuffle(r, Array.from({ length: rows }, (_, i) => i));
  const n = Math.max(2, Math.round(rows / 3));
  order.slice(0, n).forEach((i, k) => marks.set(i, k % 2 === 0 ? "percent" : "verdict"));
  return marks;
}

/** A stated percent made wrong by more than a rounding slip. */
function wrongPercent(r: () => number, right: number): number {
  const off = (r() < 0.5 ? -1 : 1) * (2 + Math.floor(r() * 9) + 0.4);
  return round(right + off, 1);
}

// ---------------------------------------------------------------- pattern 1: several periods

function periods(r: () => number, planted: boolean, variant: number): FormCase {
  const f = new Form();
  const withVerdict = variant !== 2;
  const inds = shuffle(r, INDICATORS).slice(0, 7 + Math.floor(r() * 3));
  const w = pick(r, WORDS);
  f.add(["ỦY BAN NHÂN DÂN HUYỆN THỬ"]);
  f.add(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025"]);
  f.add([]);
  let prevCol: number, targetCol: number, actualCol: number, planPct: number, prevPct: number, verdictCol = 0;

  if (variant === 0 || variant === 2) {
    // Merged "Năm 2024 | Năm 2025 | So sánh (%)" over sub-headings, numbering row "(7)=(6)/(5)".
    const h1 = f.add(["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2025", null, "So sánh (%)", null, ...(withVerdict ? ["Đánh giá"] : [])]);
    f.add([null, null, null, pick(r, ["Thực hiện", "TH"]), pick(r, ["Kế hoạch", "KH", "KH giao"]), pick(r, ["Ước thực hiện", "ƯTH", "Ước TH"]), pick(r, ["ƯTH/KH", "So với KH", "TH/KH"]), pick(r, ["ƯTH/CK", "So với cùng kỳ", "TH/CK"]), null]);
    for (const c of [1, 2, 3]) f.merge(h1, c, h1 + 1, c);
    f.merge(h1, 5, h1, 6);
    f.merge(h1, 7, h1, 8);
    if (withVerdict) f.merge(h1, 9, h1 + 1, 9);
    f.add(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(6)/(5)", "(8)=(6)/(4)", ...(withVerdict ? ["(9)"] : [])]);
    [prevCol, targetCol, actualCol, planPct, prevPct] = [4, 5, 6, 7, 8];
    if (withVerdict) verdictCol = 9;
  } else {
    // One header row, the years in the words; the plan before last year's actual.
    f.add(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện năm 2024", "Ước thực hiện năm 2025", "So với KH (%)", "So với cùng kỳ (%)", "Kết quả đánh giá"]);
    [targetCol, prevCol, actualCol, planPct, prevPct, verdictCol] = [4, 5, 6, 7, 8, 9];
  }
  const body = f.rows.length + 1;
  const marks = planner(r, planted, inds.length);
  inds.forEach((ind, i) => {
    const x = draw(r, ind);
    const row: CellValue[] = [i + 1, ind.name, ind.unit];
    row[prevCol - 1] = x.prev;
    row[targetCol - 1] = x.t;
    row[actualCol - 1] = x.a;
    const right = pct(x.a, x.t, 1);
    row[planPct - 1] = marks.get(i) === "percent" ? wrongPercent(r, right) : right;
    row[prevPct - 1] = pct(x.a, x.prev, 1);
    if (verdictCol) row[verdictCol - 1] = say(w, x, marks.get(i) === "verdict");
    const at = f.add(row);
    if (marks.get(i) === "percent") f.plant(at, planPct, "percent-mismatch");
    if (marks.get(i) === "verdict" && verdictCol) f.plant(at, verdictCol, "verdict-mismatch");
    f.items.push({ row: at, percent: pct(x.a, x.t), verdict: verdictCol ? (x.met ? "Đạt" : "Chưa đạt") : null });
  });
  // A "so với cùng kỳ" percent wrong against last year (right against the plan would be no excuse).
  if (planted) {
    const at = body + 1;
    const right = pct(f.get(at, actualCol) as number, f.get(at, prevCol) as number, 1);
    f.set(at, prevPct, wrongPercent(r, right));
    f.plant(at, prevPct, "percent-mismatch");
  }
  return {
    pattern: "periods",
    name: `periods-${variant}`,
    planted,
    sheet: f.build("Biểu 01"),
    errors: f.errors,
    items: f.items,
    columns: { target: letter(targetCol), actual: letter(actualCol), ...(verdictCol ? { verdict: letter(verdictCol) } : {}) },
  };
}

/** Six months and the whole-year estimate, each with its percent, and one verdict column: which period does it judge? */
function periodsUnclear(r: () => number, planted: boolean): FormCase {
  const f = new Form();
  const inds = shuffle(r, INDICATORS).slice(0, 6);
  f.add(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Thực hiện 6 tháng", "Ước thực hiện cả năm", "TH 6 tháng/KH (%)", "Ước cả năm/KH (%)", "Đánh giá"]);
  const marks = planner(r, planted, inds.length);
  inds.forEach((ind, i) => {
    const x = draw(r, ind);
    const half = round(x.a * (0.4 + r() * 0.15), ind.decimals);
    const right = pct(half, x.t, 1);
    const at = f.add([i + 1, ind.name, ind.unit, x.t, half, x.a, marks.has(i) ? wrongPercent(r, right) : right, pct(x.a, x.t, 1), x.met ? "Đạt" : "Chưa đạt"]);
    if (marks.has(i)) f.plant(at, 7, "percent-mismatch");
    f.items.push({ row: at, percent: pct(half, x.t), verdict: null });
  });
  return { pattern: "periods", name: "periods-unclear", planted, sheet: f.build("6 tháng"), errors: f.errors, items: f.items, columns: { target: "D", actual: "E", verdict: "I" }, periodUnclear: true };
}

// ---------------------------------------------------------------- pattern 2: short and local words

function shortWords(r: () => number, planted: boolean, variant: number): FormCase {
  const f = new Form();
  const w = pick(r, WORDS);
  const inds = shuffle(r, INDICATORS).slice(0, 7);
  const headers = [
    ["TT", "Chỉ tiêu", "ĐVT", "KH", "TH", "TH/KH (%)", "Kết quả"],
    ["STT", "Nội dung chỉ tiêu", "ĐVT", "NQ giao", "Kết quả", "Tỷ lệ (%)", "Mức độ hoàn thành"],
    ["STT", "Chỉ tiêu", "Đơn vị tính", "KH giao", "ƯTH", "%", "Kết quả đánh giá"],
    ["TT", "Tên chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Thực hiện", "So sánh", "Tình hình thực hiện"],
  ][variant];
  f.add(["BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGHỊ QUYẾT NĂM 2025"]);
  f.add(headers);
  const marks = planner(r, planted, inds.length);
  inds.forEach((ind, i) => {
    const x = draw(r, ind);
    const right = pct(x.a, x.t, 2);
    const at = f.add([i + 1, ind.name, ind.unit, x.t, x.a, marks.get(i) === "percent" ? wrongPercent(r, right) : right, say(w, x, marks.get(i) === "verdict")]);
    if (marks.get(i) === "percent") f.plant(at, 6, "percent-mismatch");
    if (marks.get(i) === "verdict") f.plant(at, 7, "verdict-mismatch");
    f.items.push({ row: at, percent: pct(x.a, x.t), verdict: x.met ? "Đạt" : "Chưa đạt" });
  });
  return { pattern: "short-words", name: `short-words-${variant}`, planted, sheet: f.build("Chỉ tiêu NQ"), errors: f.errors, items: f.items, columns: { target: "D", actual: "E", verdict: "G" } };
}

// ---------------------------------------------------------------- pattern 3: own figures at every level

function levels(r: () => number, planted: boolean, variant: number): FormCase {
  const f = new Form();
  const w = pick(r, WORDS);
  f.add(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"]);
  f.add(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)", "(7)"]);
  const marks = planner(r, planted, 9);
  let k = 0;
  const line = (stt: CellValue, name: string, unit: string, t: number, a: number, lower = false) => {
    const x: Figures = { ind: { name, unit, min: 0, max: 0, decimals: 0, lower }, t, a, prev: 0, met: lower ? a <= t : a >= t };
    const right = pct(a, t, 1);
    const mark = marks.get(k++);
    const at = f.add([stt, name, unit, t, a, mark === "percent" ? wrongPercent(r, right) : right, say(w, x, mark === "verdict")]);
    if (mark === "percent") f.plant(at, 6, "percent-mismatch");
    if (mark === "verdict") f.plant(at, 7, "verdict-mismatch");
    f.items.push({ row: at, percent: pct(a, t), verdict: x.met ? "Đạt" : "Chưa đạt" });
  };
  const crops = [["- Lúa", 0.55], ["- Ngô", 0.25], ["- Rau màu các loại", 0.2]] as const;
  const total = round(1500 + r() * 900, 0);
  const parts = crops.map(([n, s]) => [n, round(total * s, 0), round(total * s * (0.88 + r() * 0.24), 0)] as const);
  const tSum = parts.reduce((s, p) => s + p[1], 0);
  const aSum = parts.reduce((s, p) => s + p[2], 0);
  f.add(["I", "KINH TẾ"]);
  line(1, "Diện tích gieo trồng cây hằng năm", "ha", tSum, aSum);
  for (const [n, t, a] of parts) line(variant === 0 ? "-" : null, variant === 0 ? n.slice(2) : n, "ha", t, a);
  const herd = [["a)", "Đàn trâu", 0.3], ["b)", "Đàn bò", 0.7]] as const;
  const ht = round(2000 + r() * 3000, 0);
  const hp = herd.map(([s, n, x]) => [s, n, round(ht * x, 0), round(ht * x * (0.9 + r() * 0.2), 0)] as const);
  line(2, "Tổng đàn gia súc", "con", hp[0][2] + hp[1][2], hp[0][3] + hp[1][3]);
  for (const [s, n, t, a] of hp) line(s, n, "con", t, a);
  f.add(["II", "VĂN HÓA - XÃ HỘI"]);
  const poor = round(3 + r() * 2, 2);
  line(1, "Tỷ lệ hộ nghèo", "%", poor, round(poor * (0.8 + r() * 0.3), 2), true);
  const jobs = round(300 + r() * 300, 0);
  line(2, "Lao động được tạo việc làm", "người", jobs, round(jobs * (0.9 + r() * 0.2), 0));
  line("+", "Trong đó lao động đi làm việc ở nước ngoài", "người", round(jobs * 0.1, 0), round(jobs * 0.1 * (0.7 + r() * 0.6), 0));
  return { pattern: "levels", name: `levels-${variant}`, planted, sheet: f.build("Các cấp"), errors: f.errors, items: f.items, columns: { target: "D", actual: "E", verdict: "G" } };
}

// ---------------------------------------------------------------- pattern 4: number formats

function formats(r: () => number, planted: boolean, variant: number): FormCase {
  const f = new Form();
  const format = ["#,##0.##", "0.0", "0%", "0.00%"][variant];
  const fraction = format.endsWith("%");
  f.add(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ thực hiện", "Đánh giá"]);
  const inds = shuffle(r, INDICATORS).slice(0, 8);
  const marks = planner(r, planted, inds.length);
  inds.forEach((ind, i) => {
    const x = draw(r, ind);
    const exact = pct(x.a, x.t);
    // What the clerk typed: the fraction or the points, sometimes rounded, sometimes the formula's full value.
    let v: number;
    if (format === "#,##0.##") v = r() < 0.5 ? round(exact, 1) : round(exact, 2);
    else if (format === "0.0") v = r() < 0.5 ? round(exact, 4) : round(exact, 10);
    else if (format === "0%") v = r() < 0.5 ? round(exact / 100, 6) : round(exact / 100, 9);
    else v = round(exact / 100, 12);
    if (marks.get(i) === "percent") v = fraction ? round((exact + (r() < 0.5 ? -4 : 4)) / 100, 2) : wrongPercent(r, exact);
    const at = f.add([i + 1, ind.name, ind.unit, x.t, x.a, v, say(WORDS[0], x, marks.get(i) === "verdict")]);
    f.formats[`F${at}`] = format;
    f.formats[`D${at}`] = "#,##0.##";
    f.formats[`E${at}`] = "#,##0.##";
    if (marks.get(i) === "percent") f.plant(at, 6, "percent-mismatch");
    if (marks.get(i) === "verdict") f.plant(at, 7, "verdict-mismatch");
    f.items.push({ row: at, percent: exact, verdict: x.met ? "Đạt" : "Chưa đạt" });
  });
  return { pattern: "formats", name: `formats-${variant}`, planted, sheet: f.build("Định dạng"), errors: f.errors, items: f.items, columns: { target: "D", actual: "E", verdict: "G" } };
}

// ---------------------------------------------------------------- pattern 5: no verdict column

function noVerdict(r: () => number, planted: boolean, variant: number): FormCase {
  const f = new Form();
  f.add(["CÔNG KHAI TÌNH HÌNH THỰC HIỆN DỰ TOÁN NGÂN SÁCH XÃ NĂM 2025"]);
  f.add([null, null, null, null, null, "Đơn vị: triệu đồng"]);
  let pctCol: number;
  if (variant === 0) {
    f.add(["STT", "Nội dung", "Dự toán năm", "Ước thực hiện năm", "So sánh (%)"]);
    f.add(["A", "B", "1", "2", "3=2/1"]);
    pctCol = 5;
  } else {
    const h = f.add(["STT", "Nội dung", "Thực hiện cùng kỳ năm trước", "Dự toán năm", "Ước thực hiện năm", "So sánh ước thực hiện với (%)", null]);
    f.add([null, null, null, null, null, "Dự toán năm", "Cùng kỳ năm trước"]);
    for (const c of [1, 2, 3, 4, 5]) f.merge(h, c, h + 1, c);
    f.merge(h, 6, h, 7);
    pctCol = 6;
  }
  const marks = planner(r, planted, 7);
  let k = 0;
  const line = (stt: CellValue, name: string, t: number, a: number, own = true) => {
    const right = pct(a, t, 1);
    const mark = own ? marks.get(k++) : undefined;
    const row: CellValue[] = variant === 0 ? [stt, name, t, a, right] : [stt, name, round(a * (0.85 + r() * 0.2), 0), t, a, right, null];
    if (variant === 1) row[6] = pct(a, row[2] as number, 1);
    if (mark === "percent") row[pctCol - 1] = wrongPercent(r, right);
    const at = f.add(row);
    if (mark === "percent") f.plant(at, pctCol, "percent-mismatch");
    f.items.push({ row: at, percent: pct(a, t), verdict: null });
    return at;
  };
  const parts = [["Thu thuế, phí và lệ phí", 0.35], ["Thu từ quỹ đất công ích", 0.15], ["Thu bổ sung từ ngân sách cấp trên", 0.5]] as const;
  const T = round(9000 + r() * 6000, 0);
  const figs = parts.map(([n, s]) => [n, round(T * s, 0), round(T * s * (0.8 + r() * 0.35), 0)] as const);
  const tSum = figs.reduce((s, p) => s + p[1], 0);
  let aSum = figs.reduce((s, p) => s + p[2], 0);
  const wrongTotal = planted && r() < 2; // always in the planted twin
  if (wrongTotal) aSum += 37;
  const head = line("I", "Tổng thu ngân sách xã", tSum, aSum, false);
  if (wrongTotal) f.plant(head, variant === 0 ? 4 : 5, "total-mismatch");
  figs.forEach(([n, t, a], i) => line(i + 1, n, t, a));
  const spend = [["Chi đầu tư phát triển", 0.3], ["Chi thường xuyên", 0.7]] as const;
  const S = round(T * 0.95, 0);
  const sf = spend.map(([n, s]) => [n, round(S * s, 0), round(S * s * (0.7 + r() * 0.35), 0)] as const);
  line("II", "Tổng chi ngân sách xã", sf[0][1] + sf[1][1], sf[0][2] + sf[1][2], false);
  sf.forEach(([n, t, a], i) => line(i + 1, n, t, a));
  return {
    pattern: "no-verdict",
    name: `no-verdict-${variant}`,
    planted,
    sheet: f.build("Ngân sách"),
    errors: f.errors,
    items: f.items,
    columns: variant === 0 ? { target: "C", actual: "D" } : { target: "D", actual: "E" },
  };
}

// ---------------------------------------------------------------- pattern 6: a district table by commune

function byCommune(r: () => number, planted: boolean, variant: number): FormCase {
  const f = new Form();
  const w = pick(r, WORDS);
  f.add(["KẾT QUẢ THỰC HIỆN KẾ HOẠCH TRỒNG RỪNG NĂM 2025 CỦA CÁC XÃ, THỊ TRẤN"]);
  f.add([null, null, null, null, null, "ĐVT: ha"]);
  f.add(["STT", variant === 0 ? "Đơn vị" : "Tên đơn vị", "Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"]);
  const names = shuffle(r, COMMUNES);
  const groups = [["I", "Các xã khu vực I", 4], ["II", "Các xã khu vực II", 3], ["III", "Các xã, thị trấn khu vực III", 3]] as const;
  const marks = planner(r, planted, 10);
  const totalAt = variant === 0 ? f.add(["", "Tổng cộng"]) : 0;
  let k = 0;
  let n = 0;
  const gRows: number[] = [];
  const gap = planted ? 1 + Math.floor(r() * 2) : -1;
  let wrongGroup = planted ? Math.floor(r() * 3) : -1;
  groups.forEach(([label, gname, size], gi) => {
    const g = f.add([label, gname]);
    gRows.push(g);
    let t = 0;
    let a = 0;
    for (let i = 0; i < size; i++) {
      const ti = round(20 + r() * 60, 1);
      const ai = round(ti * (r() < 0.6 ? 1.01 + r() * 0.2 : 0.75 + r() * 0.24), 1);
      t = round(t + ti, 1);
      a = round(a + ai, 1);
      const x: Figures = { ind: INDICATORS[5], t: ti, a: ai, prev: 0, met: ai >= ti };
      const mark = marks.get(k++);
      const right = pct(ai, ti, 1);
      const stt = i + 1 + (gi === 1 && gap >= 0 && i >= gap ? 1 : 0);
      const at = f.add([stt, names[n++], ti, ai, mark === "percent" ? wrongPercent(r, right) : right, say(w, x, mark === "verdict")]);
      if (gi === 1 && i === gap) f.plant(at, 1, "numbering-gap");
      if (mark === "percent") f.plant(at, 5, "percent-mismatch");
      if (mark === "verdict") f.plant(at, 6, "verdict-mismatch");
      f.items.push({ row: at, percent: pct(ai, ti), verdict: ai >= ti ? "Đạt" : "Chưa đạt" });
    }
    if (gi === wrongGroup) {
      a = round(a + 10, 1);
      f.plant(g, 4, "total-mismatch");
      wrongGroup = -1;
    }
    const x: Figures = { ind: INDICATORS[5], t, a, prev: 0, met: a >= t };
    f.set(g, 3, t);
    f.set(g, 4, a);
    f.set(g, 5, pct(a, t, 1));
    f.set(g, 6, say(w, x));
    f.items.push({ row: g, percent: pct(a, t), verdict: a >= t ? "Đạt" : "Chưa đạt" });
  });
  const T = round(gRows.reduce((s, g) => s + (f.get(g, 3) as number), 0), 1);
  const A = round(gRows.reduce((s, g) => s + (f.get(g, 4) as number), 0), 1);
  const row = totalAt || f.add(["", "Tổng cộng"]);
  const x: Figures = { ind: INDICATORS[5], t: T, a: A, prev: 0, met: A >= T };
  f.set(row, 3, T);
  f.set(row, 4, A);
  f.set(row, 5, pct(A, T, 1));
  f.set(row, 6, say(w, x));
  f.items.push({ row, percent: pct(A, T), verdict: A >= T ? "Đạt" : "Chưa đạt" });
  f.items.sort((p, q) => p.row - q.row);
  return { pattern: "by-commune", name: `by-commune-${variant}`, planted, sheet: f.build("Theo xã"), errors: f.errors, items: f.items, columns: { target: "C", actual: "D", verdict: "F" } };
}

/** Every form of the set, clean and planted, built from one seed. */
export function realForms(seed: number): FormCase[] {
  const out: FormCase[] = [];
  for (const planted of [false, true]) {
    const r = rng(seed * 2 + (planted ? 1 : 0));
    for (const v of [0, 1, 2]) out.push(periods(r, planted, v));
    out.push(periodsUnclear(r, planted));
    for (const v of [0, 1, 2, 3]) out.push(shortWords(r, planted, v));
    for (const v of [0, 1]) out.push(levels(r, planted, v));
    for (const v of [0, 1, 2, 3]) out.push(formats(r, planted, v));
    for (const v of [0, 1]) out.push(noVerdict(r, planted, v));
    for (const v of [0, 1]) out.push(byCommune(r, planted, v));
  }
  return out;
}
