/**
 * A second set of forms, written after the checker's changes and never used to tune it (issue 16's
 * "tables nobody here has shown you"): other header words, letter numbering rows, two baselines,
 * a department table whose name column is headed "Đơn vị thực hiện", fractions in "0.0%" cells
 * under title rows and above a signature block, verdicts with a remark in brackets, budget
 * columns by period. Same FormCase shape as real-forms.ts.
 */
import type { CellValue } from "../../src/engine/snapshot";
import { sheet } from "./grid";
import { pct, type ExpectedItem, type FormCase, type Planted } from "./real-forms";
import { rng } from "./rng";

const L = (c: number) => String.fromCharCode(64 + c);
const r2 = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

interface Row {
  name: string;
  unit: string;
  t: number;
  a: number;
  prev: number;
}

function rows(r: () => number, n: number, scale: number): Row[] {
  const names = ["Giá trị sản xuất nông nghiệp", "Số doanh nghiệp thành lập mới", "Diện tích lúa chất lượng cao", "Tỷ lệ trường đạt chuẩn quốc gia", "Số thôn có nhà văn hóa đạt chuẩn", "Số hộ sử dụng nước sạch", "Tổng vốn đầu tư toàn xã hội", "Số lượt khách du lịch", "Tỷ lệ thu gom rác thải", "Số km đường giao thông được cứng hóa"];
  const units = ["tỷ đồng", "doanh nghiệp", "ha", "%", "thôn", "hộ", "tỷ đồng", "lượt", "%", "km"];
  return Array.from({ length: n }, (_, i) => {
    const k = (i * 3 + Math.floor(r() * 10)) % names.length;
    const t = Math.round(scale * (1 + r() * 9));
    const a = Math.round(t * (r() < 0.55 ? 1 + r() * 0.2 : 0.8 + r() * 0.19));
    return { name: names[k], unit: units[k], t, a, prev: Math.round(t * (0.85 + r() * 0.15)) };
  });
}

const met = (x: Row) => x.a >= x.t;

function wrong(r: () => number, v: number): number {
  return r2(v + (r() < 0.5 ? -1 : 1) * (3 + Math.floor(r() * 7)), 1);
}

interface Spec {
  name: string;
  header: CellValue[][];
  merges?: { top: number; left: number; bottom: number; right: number }[];
  /** Builds one body row; returns the row and the columns of its percent and verdict for planting. */
  line: (x: Row, i: number, plant: "percent" | "verdict" | null) => { row: CellValue[]; pctCol: number; verdictCol: number | null; statedWrong: boolean };
  columns: FormCase["columns"];
  judged: boolean;
  formats?: (row: number) => Record<string, string>;
  footer?: CellValue[][];
  title?: CellValue[][];
}

function build(spec: Spec, r: () => number, planted: boolean, n: number, scale: number): FormCase {
  const values: CellValue[][] = [...(spec.title ?? []), ...spec.header];
  const top = spec.title?.length ?? 0;
  const errors: Planted[] = [];
  const items: ExpectedItem[] = [];
  const formats: Record<string, string> = {};
  rows(r, n, scale).forEach((x, i) => {
    const plant = planted && i % 3 === 1 ? (i % 2 ? "percent" : "verdict") : null;
    const { row, pctCol, verdictCol } = spec.line(x, i, plant);
    values.push(row);
    const at = values.length;
    if (plant === "percent") errors.push({ cell: `${L(pctCol)}${at}`, kind: "percent-mismatch" });
    if (plant === "verdict" && verdictCol) errors.push({ cell: `${L(verdictCol)}${at}`, kind: "verdict-mismatch" });
    Object.assign(formats, spec.formats?.(at) ?? {});
    items.push({ row: at, percent: pct(x.a, x.t), verdict: spec.judged ? (met(x) ? "Đạt" : "Chưa đạt") : null });
  });
  values.push(...(spec.footer ?? []));
  const merges = (spec.merges ?? []).map((m) => ({ top: m.top + top, left: m.left, bottom: m.bottom + top, right: m.right }));
  return { pattern: "periods", name: spec.name, planted, sheet: sheet(values, { name: spec.name, merges, formats }), errors, items, columns: spec.columns };
}

const verdictOf = (x: Row, flip: boolean, yes: string, no: string) => (met(x) !== flip ? yes : no);

export function holdoutForms(seed: number): FormCase[] {
  const out: FormCase[] = [];
  for (const planted of [false, true]) {
    const r = rng(seed * 7 + (planted ? 3 : 0));
    // H1: last year's same period, plan, nine months; letter numbering; "Tự đánh giá" with "Không đạt".
    out.push(
      build(
        {
          name: "h1-cung-ky",
          header: [
            ["STT", "Chỉ tiêu", "ĐVT", "Cùng kỳ năm 2024", "Kế hoạch năm 2025", "Thực hiện 9 tháng năm 2025", "So sánh (%)", null, "Tự đánh giá"],
            [null, null, null, null, null, null, "TH/KH", "TH/CK", null],
            ["A", "B", "C", "1", "2", "3", "4=3/2", "5=3/1", "6"],
          ],
          merges: [{ top: 1, left: 7, bottom: 1, right: 8 }, ...[1, 2, 3, 4, 5, 6, 9].map((c) => ({ top: 1, left: c, bottom: 2, right: c }))],
          line: (x, i, p) => ({ row: [i + 1, x.name, x.unit, x.prev, x.t, x.a, p === "percent" ? wrong(r, pct(x.a, x.t, 1)) : pct(x.a, x.t, 1), pct(x.a, x.prev, 1), verdictOf(x, p === "verdict", "Đạt", "Không đạt")], pctCol: 7, verdictCol: 9, statedWrong: false }),
          columns: { target: "E", actual: "F", verdict: "I" },
          judged: true,
        },
        r,
        planted,
        8,
        100,
      ),
    );
    // H2: two baselines; the verdict against the first.
    out.push(
      build(
        {
          name: "h2-hai-ke-hoach",
          header: [["TT", "Nội dung chỉ tiêu", "ĐVT", "KH tỉnh giao", "KH huyện giao", "Thực hiện", "So KH tỉnh (%)", "So KH huyện (%)", "Đánh giá"]],
          line: (x, i, p) => {
            const t2 = Math.round(x.t * 1.05);
            return { row: [i + 1, x.name, x.unit, x.t, t2, x.a, p === "percent" ? wrong(r, pct(x.a, x.t, 2)) : pct(x.a, x.t, 2), pct(x.a, t2, 2), verdictOf(x, p === "verdict", "Đạt", "Chưa đạt")], pctCol: 7, verdictCol: 9, statedWrong: false };
          },
          columns: { target: "D", actual: "F", verdict: "I" },
          judged: true,
        },
        r,
        planted,
        7,
        50,
      ),
    );
    // H3: a table by department, the name column headed "Đơn vị thực hiện"; verdict "Kết quả".
    const depts = ["Phòng Nông nghiệp và Môi trường", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND", "Phòng Tài chính - Kế hoạch", "Trung tâm Dịch vụ nông nghiệp", "Phòng Kinh tế, Hạ tầng và Đô thị", "Ban Chỉ huy Quân sự"];
    out.push(
      build(
        {
          name: "h3-phong-ban",
          header: [["STT", "Đơn vị thực hiện", "Chỉ tiêu giao", "Kết quả thực hiện", "Tỷ lệ (%)", "Kết quả"]],
          line: (x, i, p) => ({ row: [i + 1, depts[i % depts.length], x.t, x.a, p === "percent" ? wrong(r, pct(x.a, x.t, 1)) : pct(x.a, x.t, 1), verdictOf(x, p === "verdict", "Hoàn thành", "Không hoàn thành")], pctCol: 5, verdictCol: 6, statedWrong: false }),
          columns: { target: "C", actual: "D", verdict: "F" },
          judged: true,
        },
        r,
        planted,
        7,
        20,
      ),
    );
    // H4: fractions in "0.0%" cells, title rows above, a signature block below.
    out.push(
      build(
        {
          name: "h4-phan-tram",
          title: [["UBND XÃ HÒA AN"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], [], ["BIỂU KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2025"], []],
          header: [["Số TT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu kế hoạch", "Thực hiện", "Tỷ lệ đạt", "Đánh giá"]],
          line: (x, i, p) => ({ row: [i + 1, x.name, x.unit, x.t, x.a, p === "percent" ? r2(wrong(r, pct(x.a, x.t, 1)) / 100, 3) : x.a / x.t, verdictOf(x, p === "verdict", "Đạt", "Chưa đạt")], pctCol: 6, verdictCol: 7, statedWrong: false }),
          formats: (row) => ({ [`F${row}`]: "0.0%", [`D${row}`]: "#,##0", [`E${row}`]: "#,##0" }),
          footer: [[], [null, "Người lập biểu", null, null, "TM. ỦY BAN NHÂN DÂN"], [null, null, null, null, "CHỦ TỊCH"]],
          columns: { target: "D", actual: "E", verdict: "G" },
          judged: true,
        },
        r,
        planted,
        8,
        300,
      ),
    );
    // H5: verdicts with a remark in brackets.
    out.push(
      build(
        {
          name: "h5-ghi-chu-dang-gia",
          header: [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "TH/KH (%)", "Đánh giá", "Ghi chú"]],
          line: (x, i, p) => ({ row: [i + 1, x.name, x.unit, x.t, x.a, p === "percent" ? wrong(r, pct(x.a, x.t, 1)) : pct(x.a, x.t, 1), verdictOf(x, p === "verdict", "Đạt (vượt)", `Chưa đạt (${pct(x.a, x.t, 0)}%)`), null], pctCol: 6, verdictCol: 7, statedWrong: false }),
          columns: { target: "D", actual: "E", verdict: "G" },
          judged: true,
        },
        r,
        planted,
        8,
        40,
      ),
    );
    // H6: budget by period, no verdict column: six months and the year's estimate against the estimate.
    out.push(
      build(
        {
          name: "h6-du-toan",
          header: [["STT", "Nội dung", "Dự toán HĐND xã giao", "Thực hiện đến 30/6", "Tỷ lệ TH/DT (%)", "Ước thực hiện cả năm", "Ước cả năm/DT (%)"]],
          line: (x, i, p) => {
            const half = Math.round(x.t * 0.45);
            return { row: [i + 1, x.name, x.t, half, pct(half, x.t, 1), x.a, p === "percent" ? wrong(r, pct(x.a, x.t, 1)) : pct(x.a, x.t, 1)], pctCol: 7, verdictCol: null, statedWrong: false };
          },
          columns: { target: "C", actual: "D" },
          judged: false,
        },
        r,
        planted,
        7,
        500,
      ),
    );
  }
  // H6's items are judged on nothing; its first percent divides the six months' actual.
  for (const c of out) {
    if (c.name !== "h6-du-toan") continue;
    c.items = c.items.map((it) => {
      const t = c.sheet.values[it.row - 1][2] as number;
      const half = c.sheet.values[it.row - 1][3] as number;
      return { ...it, percent: pct(half, t) };
    });
    c.errors = c.errors.filter((e) => e.kind !== "verdict-mismatch");
  }
  return out;
}
