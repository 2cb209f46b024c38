/** Every kind of finding is explained (what it checks, an example, how to fix) and docs/findings.md says the same. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { SEVERITY, type FindingKind } from "../../src/engine/report";
import { KIND_HELP, SEVERITY_NAME, findingsMarkdown } from "../../src/help/findings";
import { quoteContext, quotePlace } from "../../src/help/quote";

test("a complete explanation for every kind, in both languages, with its severity", () => {
  expect(KIND_HELP.map((k) => k.kind).sort()).toEqual((Object.keys(SEVERITY) as FindingKind[]).sort());
  for (const k of KIND_HELP) {
    expect(k.severity).toBe(SEVERITY[k.kind]);
    for (const lang of ["vi", "en"] as const) for (const field of ["title", "checks", "example", "fix"] as const) expect([k.kind, lang, field, k[lang][field].length > 3]).toEqual([k.kind, lang, field, true]);
  }
  expect(new Set(KIND_HELP.map((k) => k.vi.title)).size).toBe(KIND_HELP.length);
  expect(SEVERITY_NAME.vi.info).toBe("Lưu ý");
});

test("docs/findings.md is generated from the table (npm run docs:findings) and has a section per kind", () => {
  const doc = readFileSync(path.join(__dirname, "..", "..", "docs", "findings.md"), "utf8");
  expect(doc).toBe(findingsMarkdown());
  for (const k of KIND_HELP) expect(doc).toContain(`<a id="${k.kind}"></a>\n\n## ${k.vi.title} — ${k.en.title}`);
});

test("a quote's line in its cell and a few words either side", () => {
  const text = "Dòng một.\nTỷ lệ hộ có nhà tiêu 409/424=96,4%; nhà tắm 396/424=93,3; bể nước 424/424=100%, đạt kế hoạch đề ra của năm.\nDòng ba.";
  const start = text.indexOf("396/424=93,3");
  const ctx = quoteContext(text, start, start + "396/424=93,3".length, 20)!;
  expect(ctx).toEqual({ line: 2, lines: 3, before: "…nhà tắm ", quote: "396/424=93,3", after: "; bể nước…" });
  expect(quotePlace(ctx, "B5", "vi")).toBe("dòng 2/3 của ô B5");
  expect(quotePlace(ctx, "B5", "en")).toBe("line 2 of 3 in cell B5");
  expect(quoteContext("ngắn", 0, 4)).toEqual({ line: 1, lines: 1, before: "", quote: "ngắn", after: "" });
  expect(quotePlace(quoteContext("ngắn", 0, 4)!, "A7", "vi")).toBe("ô A7");
  expect(quoteContext("ngắn", 2, 40)).toBeNull();
});
