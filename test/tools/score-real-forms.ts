/**
 * `npx tsx test/tools/score-real-forms.ts [FIRST_SEED] [COUNT] [-v]`: scores the table checker on
 * forms of test/helpers/real-forms.ts built from seeds it has never been tuned on (default 101…120),
 * per pattern and overall. -v lists the misses, false alarms and wrong figures. --holdout scores
 * the second set (test/helpers/holdout-forms.ts), one line per form.
 */
import { holdoutForms } from "../helpers/holdout-forms";
import { realForms, type Pattern } from "../helpers/real-forms";
import { describe, emptyScore, scoreCase, type Score } from "../helpers/score-forms";

const args = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const holdout = process.argv.includes("--holdout");
const verbose = process.argv.includes("-v");
const first = Number(args[0] ?? 101);
const count = Number(args[1] ?? 20);
const byPattern = new Map<Pattern, Score>();
const all = emptyScore();
for (let seed = first; seed < first + count; seed++) {
  for (const c of holdout ? holdoutForms(seed) : realForms(seed)) {
    const key = (holdout ? c.name : c.pattern) as Pattern;
    if (!byPattern.has(key)) byPattern.set(key, emptyScore());
    scoreCase(c, byPattern.get(key)!);
    scoreCase(c, all);
  }
}
for (const [p, s] of byPattern) {
  console.log(`${p.padEnd(20)} ${describe(s)}`);
  if (verbose) for (const line of [...s.misses.map((m) => `  miss ${m}`), ...s.falseAlarms.map((f) => `  false ${f}`), ...s.wrong.map((w) => `  wrong ${w}`)].slice(0, 25)) console.log(line);
}
console.log(`${"all".padEnd(20)} ${describe(all)}`);
