/**
 * What every claim scanner of one prose cell shares: the text, its number tokens (found once, by
 * narrative/claims.ts), the tokens already read as part of a claim (a later scanner skips them),
 * and where claims and findings go. Each family's scanner takes this and nothing else.
 */
import type { NumberToken } from "../../numbers";
import { makeFinding, type Claim, type Finding, type FindingKind } from "../../report";

export interface ScanContext {
  text: string;
  cell: string;
  tokens: NumberToken[];
  /** Token indices already read as part of another claim. */
  used: Set<number>;
  claims: Claim[];
  findings: Finding[];
  addClaim(kind: Claim["kind"], start: number, end: number, ok: boolean | null): void;
  /** Adds a finding that quotes text[start, end) and returns it. */
  say(kind: FindingKind, start: number, end: number, vi: string, en: string, stated?: string | number | null, expected?: string | number | null): Finding;
}

/** The shared context of one cell's text: its number tokens, read once for every scanner. */
export function scanContext(text: string, cell: string, tokens: NumberToken[]): ScanContext {
  const claims: Claim[] = [];
  const findings: Finding[] = [];
  return {
    text,
    cell,
    tokens,
    used: new Set<number>(),
    claims,
    findings,
    addClaim: (kind, start, end, ok) => {
      claims.push({ cell, kind, quote: text.slice(start, end), start, end, ok });
    },
    say: (kind, start, end, vi, en, stated, expected) => {
      const f = makeFinding(kind, cell, vi, en, { quote: text.slice(start, end), start, end, stated, expected });
      findings.push(f);
      return f;
    },
  };
}
