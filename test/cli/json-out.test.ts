/** writeJson writes exactly what JSON.stringify(value, null, indent) would, in pieces. */
import fc from "fast-check";
import { writeJson } from "../../src/cli/json-out";

function written(value: unknown, indent: number): { text: string; chunks: number } {
  const chunks: string[] = [];
  writeJson(value, indent, (c) => chunks.push(c));
  return { text: chunks.join(""), chunks: chunks.length };
}

describe("writeJson", () => {
  it("equals JSON.stringify on random values (nested arrays and objects, undefined, NaN, sparse members)", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5, withNullPrototype: true, withSparseArray: true }), fc.integer({ min: 0, max: 3 }), (v, indent) => {
        const expected = JSON.stringify(v, null, indent);
        if (expected === undefined) return;
        expect(written(v, indent).text).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("equals JSON.stringify on a report-shaped document, written in several chunks", () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ row: i + 4, stt: String(i + 1), name: `Chỉ tiêu "${i}"\n`, target: 100, actual: i / 7, statedPercent: null, percent: NaN, verdict: undefined, extra: [] as unknown[], f: () => 1 }));
    const doc = { files: [{ file: "a.xlsx", sheets: [{ name: "S", columns: {}, items, findings: [{ kind: "k", stated: 1, expected: undefined }] }] }, { file: "b", error: "x", sheets: [] }], summary: { files: 2 } };
    const { text, chunks } = written(doc, 1);
    expect(text).toBe(JSON.stringify(doc, null, 1));
    expect(chunks).toBeGreaterThan(1);
  });
});
