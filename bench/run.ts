/**
 * `npm run bench`: figures, not pass/fail. Each figure is a ratio measured in the same run, whole
 * process, against the floor (fflate unzip + one scan of the XML): check time ÷ floor time and peak
 * memory ÷ floor peak at 1k, 20k and 100k rows; the narrative extractor on 1 MB and 2 MB of prose;
 * a folder of 200 workbooks with and without worker threads. Prints a table, writes bench/results.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { analyseProse } from "../src/engine/narrative";
import { prose, tableWorkbook } from "./generate";

const HERE = __dirname;
const OUT = path.join(HERE, "out");
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

function bundle(): string {
  mkdirSync(OUT, { recursive: true });
  buildSync({ entryPoints: { cli: path.join(HERE, "../src/cli/main.ts"), worker: path.join(HERE, "../src/cli/check-worker.ts") }, bundle: true, platform: "node", target: "node20", outdir: OUT, logLevel: "error" });
  // The bundled CLI runs its entry on load; its worker is the bundled worker.js beside it.
  writeFileSync(path.join(OUT, "check.js"), `require("./cli.js").runCli();\n`);
  return path.join(OUT, "check.js");
}

interface Run {
  seconds: number;
  maxRssMiB: number;
}

function measure(args: string[]): Run {
  const best: Run = { seconds: Infinity, maxRssMiB: Infinity };
  for (let i = 0; i < REPEAT; i++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, ["-r", path.join(HERE, "rss.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const kb = Number(/__MAXRSS_KB=(\d+)/.exec(p.stderr)?.[1] ?? NaN);
    if (p.status !== 0 && p.status !== 1) throw new Error(`${args.join(" ")} exited ${p.status}: ${p.stderr.slice(0, 400)}`);
    best.seconds = Math.min(best.seconds, seconds);
    best.maxRssMiB = Math.min(best.maxRssMiB, kb / 1024);
  }
  return best;
}

function fmt(n: number, d = 2): string {
  return n.toFixed(d).replace(".", ",");
}

function main(): void {
  const cli = bundle();
  const results: Record<string, unknown> = { date: new Date().toISOString(), cores: os.cpus().length, node: process.version, repeat: REPEAT, tables: [] as unknown[] };
  const rows: string[][] = [["hàng / rows", "MB", "floor s", "check s", "× floor", "floor MiB", "check MiB", "× floor"]];
  for (const n of [1_000, 20_000, 100_000]) {
    const file = path.join(OUT, `table-${n}.xlsx`);
    const bytes = tableWorkbook(n);
    writeFileSync(file, bytes);
    const floor = measure([path.join(HERE, "floor.js"), file]);
    const check = measure([cli, "check", file, "--json"]);
    (results.tables as unknown[]).push({ rows: n, bytes: bytes.length, floor, check, timeRatio: check.seconds / floor.seconds, memoryRatio: check.maxRssMiB / floor.maxRssMiB });
    rows.push([String(n), fmt(bytes.length / 1048576), fmt(floor.seconds), fmt(check.seconds), fmt(check.seconds / floor.seconds), fmt(floor.maxRssMiB, 0), fmt(check.maxRssMiB, 0), fmt(check.maxRssMiB / floor.maxRssMiB)]);
  }

  const seed = readFileSync(path.join(HERE, "../test/fixtures/seeds", readdirSync(path.join(HERE, "../test/fixtures/seeds")).find((f) => f.startsWith("003"))!), "utf8");
  const one = prose(seed, 1 << 20);
  const two = one + "\n" + one.replace(/^(\s*)(\d+)\./gm, (_m, sp, k) => `${sp}${Number(k) + 100000}.`);
  const time = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < REPEAT; i++) {
      const t0 = process.hrtime.bigint();
      analyseProse(text, "B5");
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return best;
  };
  const t1 = time(one);
  const t2 = time(two);
  results.narrative = { bytes1: Buffer.byteLength(one), bytes2: Buffer.byteLength(two), seconds1: t1, seconds2: t2, ratio: t2 / t1 };

  const folder = path.join(OUT, "folder");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const small = tableWorkbook(60);
  for (let i = 0; i < 200; i++) writeFileSync(path.join(folder, `xa-${String(i).padStart(3, "0")}.xlsx`), small);
  const single = measure([cli, "check", folder, "--json", "--workers", "1"]);
  const threads = Math.max(2, os.availableParallelism());
  const multi = measure([cli, "check", folder, "--json", "--workers", String(threads)]);
  results.folder = { files: 200, rowsEach: 60, singleSeconds: single.seconds, threads, threadedSeconds: multi.seconds, filesPerSecondSingle: 200 / single.seconds, filesPerSecondThreaded: 200 / multi.seconds };

  writeFileSync(path.join(HERE, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`Soát Biểu bench — ${results.cores} lõi / cores, Node ${process.version}, tốt nhất trong ${REPEAT} lần / best of ${REPEAT}\n`);
  for (const r of rows) console.log(r.map((c, i) => c.padStart(width[i])).join("  "));
  console.log(`\nVăn bản / narrative: 1 MB ${fmt(t1, 3)} s, 2 MB ${fmt(t2, 3)} s, tỷ số / ratio ${fmt(t2 / t1)} (mục tiêu / goal ≤ 2,2)`);
  console.log(`Thư mục / folder of 200 × 60 rows: ${fmt(200 / single.seconds, 1)} tệp/s một luồng / one thread, ${fmt(200 / multi.seconds, 1)} tệp/s ${threads} luồng / threads`);
  console.log(`\nbench/results.json written.`);
}

main();
