/** Narrative layout (SPEC §2.2). */
import type { SheetReport } from "../report";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";

export function analyseNarrative(_sheet: SheetSnapshot): SheetReport | null {
  return null;
}

export function workbookNarrativeFindings(_workbook: WorkbookSnapshot, _reports: SheetReport[]): void {}
