/**
 * Claims written in prose, each with its exact quote and offsets. The cell's number tokens are
 * found once; then each claim family's scanner (narrative/scan/) reads them in turn, skipping the
 * tokens an earlier one has read: ratios ("6/26 = 23,01%", "27,35/25ha/năm đạt 109,4%", "3.220.000
 * đồng đạt 32% so với dự toán … 10.000.000 đồng"), arithmetic ("184 hs x 4 tháng x 150.000 =
 * 88.810.000"), totals with parts ("235 hồ sơ, trong đó: …"), shares whose base stands elsewhere,
 * counts of named lists, and malformed numbers or one amount in two money scales. Linear: each
 * scanner makes short anchored looks around the tokens.
 */
import { numberTokens } from "../numbers";
import type { Claim, Finding } from "../report";
import { scanArithmetic } from "./scan/arithmetic";
import { scanContext } from "./scan/context";
import { scanCounts } from "./scan/counts";
import { scanNumbers } from "./scan/dots";
import { scanRatios } from "./scan/ratios";
import { scanShares } from "./scan/shares";
import { scanTotals } from "./scan/totals";

export interface ProseResult {
  claims: Claim[];
  findings: Finding[];
}

export function extractClaims(text: string, cell: string): ProseResult {
  const ctx = scanContext(text, cell, numberTokens(text));
  // Ratios "X/Y = P%", "X/Y … đạt P%", "A đồng đạt P% so với dự toán … B đồng" (scan/ratios.ts).
  scanRatios(ctx);
  // Arithmetic "a x b x c = d" (scan/arithmetic.ts).
  scanArithmetic(ctx);
  // Totals with parts: "235 hồ sơ, trong đó: hộ tịch 98, chứng thực 130, khác 5" (scan/totals.ts).
  scanTotals(ctx);
  // Shares whose base stands elsewhere, and "A đạt P% dự toán (KH B)" (scan/shares.ts).
  scanShares(ctx);
  // A named list's length and a count times a unit price (scan/counts.ts).
  scanCounts(ctx);
  // Malformed numbers, dot-decimal figures and one amount in two money scales (scan/dots.ts).
  scanNumbers(ctx);
  const { claims, findings } = ctx;
  claims.sort((x, y) => x.start - y.start);
  findings.sort((x, y) => (x.start ?? 0) - (y.start ?? 0));
  return { claims, findings };
}
