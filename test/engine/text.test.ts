/** The fast paths of text normalisation give what the plain definitions give. */
import fc from "fast-check";
import { containsPhrase, isNfcStable, isWordChar, normalise } from "../../src/engine/text";
import { isLowerIsBetter } from "../../src/engine/verdicts";
import data from "../../src/engine/rules/lower-is-better.json";

const plainNormalise = (t: string) => t.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
const WORD = /[\p{L}\p{N}]/u;
function plainContains(text: string, phrase: string): boolean {
  if (!phrase) return false;
  for (let from = 0; ; ) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    if (!WORD.test(at === 0 ? "" : text[at - 1]) && !WORD.test(text[at + phrase.length] ?? "")) return true;
    from = at + 1;
  }
}

describe("isNfcStable", () => {
  it("holds for every character NFC leaves alone in its ranges", () => {
    for (const [lo, hi] of [
      [0, 0x300],
      [0x1e00, 0x1f00],
    ]) {
      for (let c = lo; c < hi; c++) {
        const s = String.fromCharCode(c);
        expect(isNfcStable(s)).toBe(true);
        expect(s.normalize("NFC")).toBe(s);
      }
    }
  });

  it("is false for combining marks, and normalise still composes them", () => {
    const decomposed = "Tha\u0300nh pho\u0302\u0301"; // "Thành phố" typed with combining marks
    expect(isNfcStable(decomposed)).toBe(false);
    expect(normalise(decomposed)).toBe("thành phố");
    expect(isNfcStable("\u2126")).toBe(false); // OHM SIGN, a singleton NFC replaces
    expect(normalise("\u2126")).toBe("ω");
  });

  it("normalise equals the plain NFC definition on random text from Vietnamese, combining marks and other scripts", () => {
    const chars = [..."aăâbcdđeêghiklmnopqrstuvxyAĂÂĐÊÔƠƯạảãàáậẩẫầấặẳẵằắẹẻẽèéệểễềếịỉĩìíọỏõòóộổỗồốợởỡờớụủũùúựửữừứỵỷỹỳý0123456789 \t\n\u00a0.,;:()%-", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", "\u2126", "\u212b", "\u1100", "\u1161", "\uac00", "\u2000", "\u3000", "\ufeff", "\u2028", "\ud83d\ude00"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (a) => {
        const t = a.join("");
        expect(normalise(t)).toBe(plainNormalise(t));
      }),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 30 }), (t) => expect(normalise(t)).toBe(plainNormalise(t))), { numRuns: 3000 });
  });
});

describe("isWordChar", () => {
  it("says letter or digit for every UTF-16 unit as the Unicode regex does", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect([c, isWordChar(ch, 0)]).toEqual([c, WORD.test(ch)]);
    }
    expect(isWordChar("a", -1)).toBe(false);
    expect(isWordChar("a", 1)).toBe(false);
  });
});

describe("containsPhrase", () => {
  it("finds phrases on word boundaries only, as the plain regex definition does", () => {
    expect(containsPhrase("tỷ lệ hộ nghèo", "hộ nghèo")).toBe(true);
    expect(containsPhrase("tỷ lệ hộ nghèox", "hộ nghèo")).toBe(false);
    expect(containsPhrase("đạt", "đạt")).toBe(true);
    expect(containsPhrase("ađạt", "đạt")).toBe(false);
    const chars = [..."aàđ1 _-.,(x", "ư", "\u0301", "\ud83d\ude00"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 16 }), fc.array(fc.constantFrom(...chars), { maxLength: 3 }), (a, b) => {
        const text = a.join("");
        const phrase = b.join("");
        expect(containsPhrase(text, phrase)).toBe(plainContains(text, phrase));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("isLowerIsBetter", () => {
  it("equals the plain definition (no exception phrase, some lower-is-better phrase, on word boundaries)", () => {
    const lower = data.phrases.map(normalise);
    const except = data.except.map(normalise);
    const plain = (name: string) => {
      const n = normalise(name);
      return !except.some((p) => containsPhrase(n, p)) && lower.some((p) => containsPhrase(n, p));
    };
    const pieces = [...data.phrases, ...data.except, "Tỷ lệ", "số", "x", " ", ",", "(", "1", "2%", "nghèo", "hộ", "HỘ NGHÈO", "giảm", "a", "đ"];
    let yes = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.array(fc.constantFrom("", " ", "x", "\u00a0"), { minLength: 6, maxLength: 6 }), (parts, glue) => {
        const name = parts.map((p, i) => p + glue[i]).join("");
        const expected = plain(name);
        if (expected) yes++;
        expect(isLowerIsBetter(name)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    expect(yes).toBeGreaterThan(500);
  });
});
