/** The public fixture's expected findings (copied into test/fixtures by the lead). */
import * as fs from "fs";
import * as path from "path";

export interface ExpectedFinding {
  sheet: string;
  cell: string;
  kind: string;
  required: boolean;
}

export const FIXTURE = "f2-binh-trung-table.xlsx";

export function expectedFindings(file = FIXTURE): ExpectedFinding[] {
  const all = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "expected.json"), "utf8"));
  return all[file].findings as ExpectedFinding[];
}

export function expectedItems(file = FIXTURE): { sheet: string; row: number; percent: number | null; verdict: string | null }[] {
  const all = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "expected.json"), "utf8"));
  return all[file].items;
}

/**
 * A screenshot: into docs/screenshots (tracked, shown in the README) only when asked with
 * SCREENSHOTS=1, else into test-results/screenshots (ignored), so a test run changes no tracked file.
 */
export async function shot(target: { screenshot(options: { path: string }): Promise<unknown> }, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS === "1" ? path.join(__dirname, "..", "..", "docs", "screenshots") : path.join(__dirname, "..", "..", "test-results", "screenshots");
  await target.screenshot({ path: path.join(dir, name) });
}
