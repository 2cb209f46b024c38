// Bundled for the browser by bench/run.ts: what the task pane runs on a sheet it has already read
// (snapshot → report), exposed to bench/chromium.js as window.soatBieuBench.
import { analyseWorkbook } from "../src/engine";
import { readXlsx } from "../src/reader/xlsx";

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Reads the workbook once (not timed), then times `runs` analyses after `warm` untimed ones. */
function run(b64: string, warm: number, runs: number): number[] {
  const snapshot = readXlsx(fromBase64(b64), "bench.xlsx");
  for (let i = 0; i < warm; i++) analyseWorkbook(snapshot);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const report = analyseWorkbook(snapshot);
    times.push(performance.now() - t0);
    if (!report.sheets[0].recognized) throw new Error("the bench's table was not recognised");
  }
  return times;
}

(window as unknown as { soatBieuBench: typeof run }).soatBieuBench = run;
