/**
 * Numbers that are no amounts (telephone and fax numbers, codes), a dot used as a decimal mark
 * (SPEC §3: "41.8%", "3.5 ha" are read as 41,8 and 3,5 only because nothing else fits, and that
 * reading is said as an info), malformed numbers ("2.800.00đ") and one amount in two money scales.
 */
import type { Decimal } from "../../decimal";
import { formatViNumber, type NumberToken } from "../../numbers";
import { unitAfter, type UnitReading } from "../units";
import type { ScanContext } from "./context";

type Num = NumberToken & { parsed: { value: Decimal; decimals: number } };

const ok = (t: NumberToken): t is Num => t.parsed !== "malformed";
const val = (t: Num) => t.parsed.value;

/** How far apart (characters) two amounts may stand and still be read as the same item's money. */
const MONEY_WINDOW = 1500;

/** Words before a telephone, fax or code number. */
const CONTACT = /(?:mã số thuế|mã số doanh nghiệp|điện thoại|đt|sđt|fax|tel|hotline|di động|mã số|mst|số hiệu|mã)[ \t]*[:.]?[ \t]*\(?[ \t]*$/iu;

/** A telephone number, fax number or code written with dots ("0205.3.812.456"): not a malformed amount. */
export function contactNumber(text: string, t: NumberToken): boolean {
  if (CONTACT.test(text.slice(Math.max(0, t.start - 24), t.start))) return true;
  const digits = t.text.replace(/\D/g, "");
  return t.text.startsWith("0") && digits.length >= 9;
}

/** Words after a figure that make it a measured amount: "%", a unit. */
const MEASURE = /^[ \t]*(?:%|ha|tấn|tạ|kg|km|m2|m²|m3|lần|triệu|tỷ|tỉ|nghìn|ngàn|đồng|người|hộ|con)(?![\p{L}])/iu;

/** A dot-decimal figure ("41.8") that reads as an amount: followed by "%" or a unit, not part of a date or code. */
export function dotDecimalAmount(text: string, t: NumberToken): boolean {
  if (t.parsed === "malformed" || !t.parsed.dotDecimal) return false;
  if (/[./-]$/.test(text.slice(Math.max(0, t.start - 1), t.start)) || /^[./-]\d/.test(text.slice(t.end, t.end + 2))) return false;
  if (/(?:ngày|tháng|năm|số|điều|khoản|mục|phiên bản|version|v)[ \t]*$/iu.test(text.slice(Math.max(0, t.start - 12), t.start))) return false;
  return MEASURE.test(text.slice(t.end, t.end + 8)) && !contactNumber(text, t);
}

/** Malformed numbers, dot-decimal figures (info) and one amount in two money scales, over a text's tokens. */
export function scanNumbers(ctx: ScanContext): void {
  const { text, tokens, claims } = ctx;
  // Malformed numbers: a thousands group that is not three digits ("2.800.00đ").
  // Claims by start, with the furthest end so far: whether a token lies in a claim, in one forward pass.
  const spans = claims.map((c) => [c.start, c.end]).sort((x, y) => x[0] - y[0]);
  let spanAt = 0;
  let reach = -1;
  const inClaim = (t: NumberToken) => {
    while (spanAt < spans.length && spans[spanAt][0] <= t.start) reach = Math.max(reach, spans[spanAt++][1]);
    return t.end <= reach;
  };
  for (const t of tokens) {
    const within = inClaim(t);
    if (dotDecimalAmount(text, t) || (t.parsed !== "malformed" && t.parsed.dotDecimal && within)) {
      const comma = t.text.replace(".", ",");
      const f = ctx.say(
        "malformed-number",
        t.start,
        t.end,
        `Số "${t.text}" dùng dấu chấm làm dấu thập phân; theo cách viết số của Việt Nam phải là ${comma} (dấu chấm chỉ phân cách hàng nghìn, luôn đứng trước đúng ba chữ số). Số này được đọc là ${comma} vì không thể là số nào khác.`,
        `"${t.text}" uses a dot as its decimal mark; in Vietnamese it is written ${comma} (a dot only groups thousands, before exactly three digits). It was read as ${comma}, the only value it can be.`,
        t.text,
        comma,
      );
      f.severity = "info";
      continue;
    }
    if (t.parsed !== "malformed" || contactNumber(text, t)) continue;
    const groups = t.text.split(/[.,]/);
    if (!t.text.includes(".") || groups.length < 3 || !groups.slice(1).some((g) => g.length === 3)) continue;
    const u = unitAfter(text, t.end, 1);
    const end = u.scale ? u.end : t.end;
    ctx.say(
      "malformed-number",
      t.start,
      end,
      `Số "${text.slice(t.start, end)}" viết sai: dấu chấm phân cách hàng nghìn phải đứng trước đúng ba chữ số, nên không biết đây là số nào.`,
      `"${text.slice(t.start, end)}" is not a valid number: a thousands dot must be followed by exactly three digits, so its value cannot be known.`,
      t.text,
      null,
    );
  }

  // One amount in two money scales: "150.000 triệu đồng" beside "150.000.000 đồng" (the same item:
  // within a few lines of each other). A sliding window keeps this linear in the length of the text.
  const digits = (d: Decimal) => d.toFixed().replace(/\./, "").replace(/0+$/, "");
  const money: { t: Num; u: UnitReading; dong: Decimal; sig: string }[] = [];
  for (const t of tokens) {
    if (!ok(t)) continue;
    const u = unitAfter(text, t.end, 1);
    if (u.scale && val(t).gte(1000)) money.push({ t, u, dong: val(t).times(u.scale), sig: digits(val(t)) });
  }
  let from = 0;
  for (let j = 0; j < money.length; j++) {
    const b = money[j];
    while (money[from].t.start < b.t.start - MONEY_WINDOW) from++;
    for (let i = from; i < j; i++) {
      const a = money[i];
      if (a.sig !== b.sig || a.u.scale!.eq(b.u.scale!) || val(a.t).eq(val(b.t))) continue;
      const ratio = a.dong.gt(b.dong) ? a.dong.div(b.dong) : b.dong.div(a.dong);
      if (!ratio.isInteger() || ![1e3, 1e6, 1e9].some((k) => ratio.eq(k))) continue;
      const qa = text.slice(a.t.start, a.u.end);
      const qb = text.slice(b.t.start, b.u.end);
      ctx.say(
        "unit-mismatch",
        a.t.start,
        a.u.end,
        `Cùng một khoản tiền được ghi bằng hai đơn vị: "${qa}" và "${qb}" lệch nhau ${formatViNumber(ratio)} lần; cần thống nhất một đơn vị (đồng, triệu đồng hoặc tỷ đồng).`,
        `The same amount is written in two money scales: "${qa}" and "${qb}" differ ${formatViNumber(ratio)} times; use one unit (đồng, triệu đồng or tỷ đồng).`,
        qa,
        qb,
      );
      break;
    }
  }

}
