/**
 * The narrative reader's words are rule data (rules/headers.json "narrative", rules/verdicts.json
 * "prose", rules/prose.json): every word there is read, and a word a province adds is read with
 * no change to the code (the rule files are swapped for extended copies and the engine loaded
 * afresh).
 */
import headerRules from "../../src/engine/rules/headers.json";
import proseRules from "../../src/engine/rules/prose.json";
import verdictRules from "../../src/engine/rules/verdicts.json";
import { analyseSheet, type CellValue } from "../../src/engine";
import { analyseProse, extractClaims } from "../../src/engine/narrative";
import { Decimal } from "../../src/engine/decimal";
import { evaluateTarget, parseTarget } from "../../src/engine/targets";
import { readVerdict } from "../../src/engine/verdicts";
import { sheet } from "../helpers/grid";

/** The engine's readers this test uses: as shipped, or loaded afresh over extended rule files. */
interface Narrative {
  analyseSheet: typeof analyseSheet;
  analyseProse: typeof analyseProse;
  extractClaims: typeof extractClaims;
}
const narrative: Narrative = { analyseSheet, analyseProse, extractClaims };

const HEADERS = "../../src/engine/rules/headers.json";
const VERDICTS = "../../src/engine/rules/verdicts.json";
const PROSE = "../../src/engine/rules/prose.json";

const heading = (n: Narrative, text: string) => n.analyseProse(text, "B5").tree.tasks[0]?.heading?.verdict;
const conclusion = (n: Narrative, text: string) => n.analyseProse(text, "B5").tree.tasks[0]?.conclusion?.verdict;
const findings = (n: Narrative, text: string) => n.extractClaims(text, "B5").findings.map((f) => `${f.kind}:${f.severity}`);
const ratioClaims = (n: Narrative, text: string) => n.extractClaims(text, "B5").claims.filter((c) => c.kind === "ratio").map((c) => c.ok);
const shareClaims = (n: Narrative, text: string) => n.extractClaims(text, "B5").claims.filter((c) => c.kind === "share").map((c) => c.ok);
const SHARE = (word: string) => `Tiếp nhận 1.240 hồ sơ, đã giải quyết 1.198 hồ sơ, ${word} 96,6%.`;
/** The columns of a sheet read as narrative (through the engine's door), or undefined when it is not. */
const columns = (n: Narrative, rows: CellValue[][]) => {
  const report = n.analyseSheet(sheet(rows));
  return report.layout === "narrative" ? report.columns : undefined;
};
const ROW: CellValue[] = [1, "Nhóm nhiệm vụ kinh tế", "1. Trồng rừng (đánh giá đạt)", "Tiếp tục"];
const counts = (n: Narrative, groupText: string, verdict: string) =>
  n.analyseSheet(sheet([["STT", "Tên nhiệm vụ", "Kết quả thực hiện"], [1, groupText, `1. Trồng rừng (đánh giá ${verdict})`]])).claims!.filter((c) => c.kind === "count");

/** A stated verdict the other way round, to provoke a verdict-mismatch. */
const opposite = (v: string | null) => (v === "Đạt" ? "chưa đạt" : "đạt");

describe("every word of the narrative vocabulary in the rule data is read", () => {
  const h = headerRules.narrative;
  test.each(h.group)('"%s" heads the column of task groups', (p) => {
    expect(columns(narrative, [["STT", p, "Kết quả thực hiện"], ROW.slice(0, 3)])).toMatchObject({ name: "B", actual: "C" });
  });
  test.each(h.result)('"%s" heads the column of results', (p) => {
    expect(columns(narrative, [["STT", "Tên nhiệm vụ", p], ROW.slice(0, 3)])).toMatchObject({ name: "B", actual: "C" });
  });
  test.each(h.forecast)('"%s" heads the forecast', (p) => {
    expect(columns(narrative, [["STT", "Tên nhiệm vụ", "Kết quả thực hiện", p], ROW])).toMatchObject({ forecast: "D" });
  });
  test.each(h.stt)('"%s" heads the running number', (p) => {
    expect(columns(narrative, [[p.toUpperCase(), "Tên nhiệm vụ", "Kết quả thực hiện"], ROW.slice(0, 3)])).toMatchObject({ stt: "A" });
  });

  const prose = verdictRules.prose;
  test.each(prose.stated)('"%s" is a verdict after "đánh giá", at a line\'s end and before a qualifier in brackets', (w) => {
    const v = readVerdict(w);
    expect(v).not.toBeNull();
    expect(conclusion(narrative, `1. Trồng rừng\n=> Đánh giá: ${w}, cần cố gắng thêm`)).toBe(v);
    expect(conclusion(narrative, `1. Trồng rừng\n=> Kết quả ${w}.`)).toBe(v);
    expect(heading(narrative, `1. Trồng rừng 30 ha ${w}`)).toBe(v);
    for (const q of prose.qualifiers) expect(heading(narrative, `1. Trồng rừng (${w} ${q})`)).toBe(v);
  });
  test.each(prose.closing)('"%s" closes a task\'s line as its verdict', (w) => {
    expect(readVerdict(w)).not.toBeNull();
    expect(heading(narrative, `1. Trồng rừng 30 ha ${w}`)).toBe(readVerdict(w));
  });
  test.each(prose.bracketed)('"%s" is a verdict before a qualifier in brackets', (w) => {
    for (const q of prose.qualifiers) expect(heading(narrative, `1. Trồng rừng (${w} ${q})`)).toBe(readVerdict(w));
  });
  test.each(prose.prefixes)('"%s" may stand before a verdict in brackets', (p) => {
    expect(heading(narrative, `1. Trồng rừng (${p} chưa đạt)`)).toBe("Chưa đạt");
  });
  test.each(prose.stated.filter((w) => readVerdict(w) !== "neutral"))('"có 01 nhiệm vụ %s" is a task count', (w) => {
    expect(counts(narrative, `Có 01 nhiệm vụ ${w}`, w)).toEqual([expect.objectContaining({ ok: true })]);
    expect(counts(narrative, `Có 01 nhiệm vụ ${w}`, opposite(readVerdict(w)))).toEqual([expect.objectContaining({ ok: false })]);
  });
  test.each(prose.countLead)('"%s 1/1 nhiệm vụ" is a task count', (w) => {
    expect(counts(narrative, `${w} 1/1 nhiệm vụ`, w)).toEqual([expect.objectContaining({ ok: true })]);
  });

  const target = proseRules.taskTarget;
  /** Whether 95% meets the bound, when the target grammar reads it as one. */
  const meets = (bound: string) => {
    const t = parseTarget(bound);
    return t.kind === "atLeast" || t.kind === "atMost" || t.kind === "range" ? evaluateTarget(t, new Decimal(95)) : null;
  };
  test.each(target.bounds)('"%s 90%%" (with "trở lên" when the grammar wants it) is a task\'s bound', (b) => {
    const bound = [`${b} 90%`, `${b} 90% trở lên`].find((x) => meets(x) !== null);
    expect(bound).toBeDefined();
    const text = `1. Tỷ lệ hộ dùng nước sạch ${bound}, kết quả thực hiện 95% (đánh giá ${opposite(meets(bound!))})`;
    expect(narrative.analyseProse(text, "B5").findings.map((f) => f.kind)).toEqual(["verdict-mismatch"]);
  });
  test.each(target.boundAfter)('"90%% %s" is a task\'s bound', (a) => {
    const met = meets(`90% ${a}`);
    expect(met).not.toBeNull();
    const text = `1. Tỷ lệ hộ dùng nước sạch 90% ${a}, kết quả thực hiện 95% (đánh giá ${opposite(met)})`;
    expect(narrative.analyseProse(text, "B5").findings.map((f) => f.kind)).toEqual(["verdict-mismatch"]);
  });
  test.each(target.result)('"%s 95%%" is a task\'s result', (r) => {
    const text = `1. Tỷ lệ hộ dùng nước sạch từ 90% trở lên, ${r} 95% (đánh giá chưa đạt)`;
    expect(narrative.analyseProse(text, "B5").findings.map((f) => f.kind)).toEqual(["verdict-mismatch"]);
  });

  test("without a base word the percent is the ratio's own: an error", () => {
    expect(findings(narrative, "Đã giải quyết 18/20 đơn, đạt 100% năm.")).toEqual(["percent-mismatch:error"]);
  });
  test.each(proseRules.bases)('"đạt 100%% %s" names another base: only a warning', (b) => {
    expect(findings(narrative, `Đã giải quyết 18/20 đơn, đạt 100% ${b} năm.`)).toEqual(["percent-mismatch:warning"]);
  });
  test.each(proseRules.connect.verbs)('"18/20 đơn, %s 90%%" is a ratio, in a clause or opening the next sentence', (v) => {
    expect(ratioClaims(narrative, `Đã giải quyết 18/20 đơn, ${v} 90%.`)).toEqual([true]);
    expect(ratioClaims(narrative, `Đã giải quyết 18/20 đơn. ${v[0].toUpperCase()}${v.slice(1)} 90%.`)).toEqual([true]);
    expect(shareClaims(narrative, SHARE(v))).toEqual([true]);
  });
  test.each(proseRules.connect.rate)('"18/20 đơn %s 90" is a rate even without "%%"', (r) => {
    expect(ratioClaims(narrative, "Đã giải quyết 18/20 đơn đạt 90")).toEqual([]);
    expect(ratioClaims(narrative, `Đã giải quyết 18/20 đơn ${r} 90`)).toEqual([true]);
    expect(ratioClaims(narrative, `Đã giải quyết 18/20 đơn, đạt ${r} 90%.`)).toEqual([true]);
    expect(shareClaims(narrative, SHARE(r))).toEqual([true]);
  });
});

/** The narrative reader loaded afresh over copies of the rule files that `extend` has changed. */
function withRules(extend: { headers?: (r: typeof headerRules) => void; verdicts?: (r: typeof verdictRules) => void; prose?: (r: typeof proseRules) => void }): Narrative {
  let loaded: Narrative | undefined;
  jest.isolateModules(() => {
    const copy = <T extends object>(path: string, change?: (r: T) => void): void => {
      const rules = structuredClone(jest.requireActual<T>(path));
      change?.(rules);
      jest.doMock(path, () => rules);
    };
    copy(HEADERS, extend.headers);
    copy(VERDICTS, extend.verdicts);
    copy(PROSE, extend.prose);
    const engine = require("../../src/engine") as Narrative;
    const prose = require("../../src/engine/narrative") as Narrative;
    loaded = { analyseSheet: engine.analyseSheet, analyseProse: prose.analyseProse, extractClaims: prose.extractClaims };
  });
  for (const path of [HEADERS, VERDICTS, PROSE]) jest.dontMock(path);
  return loaded!;
}

describe("a province extends the vocabulary in the rule data, without code", () => {
  test('a verdict word: "chưa xong" in prose', () => {
    const text = "1. Trồng rừng\n=> Đánh giá: chưa xong.";
    // As shipped, "chưa xong" is no verdict word.
    expect(conclusion(narrative, text)).toBeUndefined();
    const extended = withRules({
      verdicts: (r) => {
        r.chuaDat.push("chưa xong");
        r.prose.stated.push("chưa xong");
      },
    });
    expect(conclusion(extended, text)).toBe("Chưa đạt");
    expect(conclusion(extended, "1. Trồng rừng\n=> Đánh giá: chưa xong, cần cố gắng thêm")).toBe("Chưa đạt");
    expect(heading(extended, "1. Trồng rừng (chưa xong chỉ tiêu)")).toBe("Chưa đạt");
    expect(counts(extended, "Có 01 nhiệm vụ chưa xong", "chưa đạt")).toEqual([expect.objectContaining({ ok: true })]);
  });

  test('"không hoàn thành" is read as not achieved, never as its last two words "hoàn thành"', () => {
    expect(conclusion(narrative, "1. Trồng rừng\n=> Đánh giá: không hoàn thành.")).toBe("Chưa đạt");
    expect(heading(narrative, "1. Trồng rừng (không hoàn thành chỉ tiêu)")).toBe("Chưa đạt");
    expect(counts(narrative, "Có 01 nhiệm vụ không hoàn thành", "chưa đạt")).toEqual([expect.objectContaining({ ok: true })]);
  });

  test("a header phrase of the narrative sheet", () => {
    const rows: CellValue[][] = [["STT", "Tên nhiệm vụ", "Kết quả tự đánh giá"], ROW.slice(0, 3)];
    expect(columns(narrative, rows)).toBeUndefined();
    const extended = withRules({ headers: (r) => r.narrative.result.push("kết quả tự đánh giá") });
    expect(columns(extended, rows)).toMatchObject({ name: "B", actual: "C" });
  });

  test("a base a percent is measured against, a connecting verb and a task's bound", () => {
    const extended = withRules({
      prose: (r) => {
        r.bases.push("đề án");
        r.connect.verbs.push("tương đương");
        r.taskTarget.bounds.push("không dưới");
      },
    });
    expect(findings(narrative, "Đã giải quyết 18/20 đơn, đạt 100% đề án năm.")).toEqual(["percent-mismatch:error"]);
    expect(findings(extended, "Đã giải quyết 18/20 đơn, đạt 100% đề án năm.")).toEqual(["percent-mismatch:warning"]);
    expect(ratioClaims(narrative, "Đã giải quyết 18/20 đơn, tương đương 90%.")).toEqual([]);
    expect(ratioClaims(extended, "Đã giải quyết 18/20 đơn, tương đương 90%.")).toEqual([true]);
    expect(shareClaims(narrative, SHARE("tương đương"))).toEqual([]);
    expect(shareClaims(extended, SHARE("tương đương"))).toEqual([true]);
    // A bound the target grammar (targets.ts) reads but the heading did not look for.
    const text = "1. Tỷ lệ hộ dùng nước sạch không dưới 90%, kết quả thực hiện 95% (đánh giá chưa đạt)";
    expect(parseTarget("không dưới 90%").kind).toBe("atLeast");
    expect(narrative.analyseProse(text, "B5").findings).toEqual([]);
    expect(extended.analyseProse(text, "B5").findings.map((f) => f.kind)).toEqual(["verdict-mismatch"]);
  });
});
