/**
 * Numbers that are no amounts (telephone and fax numbers, codes) and a dot used as a decimal mark
 * (SPEC §3): "41.8%", "3.5 ha" are read as 41,8 and 3,5 only because nothing else fits (a
 * thousands dot needs three digits after it), and that reading is said as an info.
 */
import type { NumberToken } from "../../numbers";

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
