/**
 * Counts and products in prose (issue 11, pattern 9): a named list's length ("đạt 4 tiêu chí:
 * A, B, C, D", "2 xã … là xã A và xã B", "5 tỉnh (A, B, C, D và E)") and a count times a unit
 * price ("hỗ trợ 12 hộ, mỗi hộ 2 triệu đồng, tổng số tiền 24 triệu đồng"). A list that trails off
 * ("…", "v.v", "như") or whose items are not names is not counted. Each look is a bounded slice.
 */
import { Decimal } from "../../decimal";
import { formatViNumber } from "../../numbers";
import rules from "../../rules/prose.json";
import { alternation } from "../vocab";
import { amountAt, isNum } from "./amounts";
import type { ScanContext } from "./context";

/** Nouns whose count a list of names can check: places, units, criteria, tasks. */
const COUNTABLE = new RegExp(`^(?:${alternation(rules.countable)})(?![\\p{L}])`, "iu");

/** "N <noun>[ …] là", "N <noun>:", "N <noun> (": where a named list starts. */
const LIST_START = /^[ \t]+((?:[\p{Ll}]+(?![\p{L}])[ \t]*,?[ \t]*){1,4}?)(?:[^\d.;:()\n]|\d+(?:,\d+)?[ \t]*%(?:[ \t]*-[ \t]*\d+(?:,\d+)?[ \t]*%)?){0,80}?(?:(?<![\p{L}])là|:)[ \t]+|^[ \t]+((?:[\p{Ll}]+(?![\p{L}])[ \t]*){1,3}?)\([ \t]*/u;

/** Abbreviations whose dot ends no sentence: "TP. Huế", "TX. Sa Đéc". */
const ABBREV = /(?:^|[\s,(])(?:TP|Tp|TX|Tx|TT|Q|H|P)$/u;

/** A name: a word with a capital, or a label and its number ("thôn 3"). */
const NAME = /\p{Lu}|(?:thôn|xóm|tổ|khu|ấp|bản|đội|lớp)[ \t]+\d/u;

function listItems(text: string, from: number, bracket: boolean): { items: string[]; end: number } | null {
  let end = from;
  const limit = Math.min(text.length, from + 300);
  for (; end < limit; end++) {
    const c = text[end];
    if (c === "\n" || c === ";" || c === ":" || (bracket ? c === ")" : c === "(" || c === ")")) break;
    if (c === "." && !ABBREV.test(text.slice(Math.max(0, end - 3), end))) break;
    // ", 3 xã …": the next count starts the next list.
    if (c === "," && /^,[ \t]*\d/.test(text.slice(end, end + 4))) break;
  }
  if (end >= limit) return null;
  const body = text.slice(from, end);
  if (/…|\.\.|v\.v|(?<![\p{L}])(?:như|gồm các|và các|cùng các|nhiều)(?![\p{L}])/iu.test(body)) return null;
  const chunks = body.split(",").map((s) => s.trim());
  const last = chunks.pop()!;
  const split = /^(.*\S)[ \t]+và[ \t]+(\S.*)$/u.exec(last);
  if (split) chunks.push(split[1], split[2]);
  else chunks.push(last);
  if (chunks.length < 2 || chunks.some((s) => !s || !NAME.test(s) || s.split(/\s+/).length > 12 || /\//.test(s))) return null;
  return { items: chunks, end };
}

export function scanCounts(ctx: ScanContext): void {
  const { text, tokens } = ctx;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!isNum(t) || t.parsed.decimals !== 0 || t.parsed.dotDecimal) continue;
    const n = t.parsed.value.toNumber();
    if (n < 2 || n > 40 || /%/.test(text.slice(t.end, t.end + 2))) continue;
    // "4/34 tỉnh … là": the count is X.
    let start = t.start;
    let from = t.end;
    const slash = /^[ \t]*\/[ \t]*\d+/.exec(text.slice(t.end, t.end + 8));
    if (slash) from = t.end + slash[0].length;
    else if (/\/[ \t]*$/.test(text.slice(Math.max(0, t.start - 2), t.start))) continue;
    const nounM = COUNTABLE.exec(text.slice(from, from + 40).trimStart());
    if (!nounM) continue;
    const m = LIST_START.exec(text.slice(from, from + 200));
    if (!m) continue;
    const list = listItems(text, from + m[0].length, Boolean(m[2]));
    if (!list) continue;
    start = t.start;
    const end = list.end;
    const noun = nounM[0];
    if (/(?<![\p{L}])(?:gồm|các|những|đối tượng|loại|như|theo|số)(?![\p{L}])/iu.test(m[0])) continue;
    if (list.items.length === n) {
      ctx.addClaim("count", start, end, true);
      continue;
    }
    ctx.addClaim("count", start, end, false);
    ctx.say(
      "count-mismatch",
      start,
      end,
      `Ghi ${t.text} ${noun} nhưng danh sách kể ra ${list.items.length} tên (${list.items.join("; ")}): số đếm và danh sách phải khớp nhau.`,
      `It says ${t.text} ${noun} but the list names ${list.items.length} (${list.items.join("; ")}): the count and the list must agree.`,
      n,
      list.items.length,
    );
  }
  products(ctx);
}

/** "… 12 hộ, mỗi hộ 2 triệu đồng, tổng số tiền 24 triệu đồng": count × unit price = total. */
const EACH = /^[ \t]*(?:[\p{L}]+(?![\p{L}])[ \t]*){0,3}?,?[ \t]*mỗi[ \t]+(?:[\p{L}]+[ \t]+){1,4}?(?:được[ \t]+|là[ \t]+|hỗ trợ[ \t]+|:[ \t]*)?$/iu;
const TOTAL = /^[ \t]*[,;]?[ \t]*(?:với[ \t]+)?(?:tổng(?:[ \t]+(?:số tiền|kinh phí|cộng|số|giá trị))?|thành tiền)[ \t]*(?:là|:)?[ \t]*$/iu;

function products(ctx: ScanContext): void {
  const { text, tokens } = ctx;
  for (let k = 0; k + 2 < tokens.length; k++) {
    const c = tokens[k];
    if (!isNum(c) || c.parsed.decimals !== 0) continue;
    const count = amountAt(text, tokens, k);
    if (!count || count.unit.scale || !count.unit.text) continue;
    const price = amountAt(text, tokens, k + 1);
    if (!price || !price.unit.scale || !EACH.test(text.slice(count.end, tokens[k + 1].start))) continue;
    const totalAt = price.last + 1;
    const total = amountAt(text, tokens, totalAt);
    if (!total || !total.unit.scale || !TOTAL.test(text.slice(price.end, tokens[totalAt].start))) continue;
    if (count.bound || price.bound || total.bound) continue;
    const product = c.parsed.value.times(price.value);
    const start = c.start;
    const end = total.end;
    const expr = `${formatViNumber(c.parsed.value)} × ${text.slice(price.start, price.end).trim()}`;
    if (product.eq(total.value)) {
      ctx.addClaim("arithmetic", start, end, true);
      continue;
    }
    ctx.addClaim("arithmetic", start, end, false);
    const say = (v: Decimal) => formatViNumber(v.div(total.value.div((tokens[totalAt] as { parsed: { value: Decimal } }).parsed.value)));
    ctx.say(
      "arithmetic-mismatch",
      start,
      end,
      `Ghi tổng ${text.slice(total.start, total.end).trim()} nhưng ${expr} = ${say(product)} ${text.slice(tokens[totalAt].end, total.end).trim()}.`,
      `The total says ${text.slice(total.start, total.end).trim()} but ${expr} = ${say(product)} ${text.slice(tokens[totalAt].end, total.end).trim()}.`,
      text.slice(total.start, total.end).trim(),
      say(product),
    );
    k = totalAt;
  }
}
