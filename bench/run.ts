/**
 * `npm run bench`: figures, not pass/fail. Each figure is a ratio measured in the same run, whole
 * process, against the floor (fflate unzip + one scan of the XML): the installed command's check
 * time ÷ floor time and peak memory ÷ floor peak at 1k, 20k and 100k rows of a styled workbook (and
 * the reader alone, to show its share), medians of the runs with their spread; the narrative
 * analyser on 1 MB and 2 MB of varied prose; the pane's analysis of a 5 000-row sheet in chromium; a
 * folder of 200 workbooks with and without worker threads. Wall time and CPU time (user + system)
 * are both kept: on a machine shared with other work the CPU ratio is the steadier one. Prints a
 * table, writes bench/results.json (every figure the README quotes comes from there).
 *
 * Smaller runs while developing: BENCH_ROWS=1000,5000 BENCH_FILES=20 BENCH_REPEAT=1 npm run bench
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { analyseWorkbook } from "../src/engine";
import { narrativeSheet, tableWorkbook } from "./generate";

const HERE = __dirname;
const OUT = path.join(HERE, "out");
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const SIZES = (process.env.BENCH_ROWS ?? "1000,20000,100000").split(",").map(Number);
const FILES = Number(process.env.BENCH_FILES ?? 200);

/**
 * What users run: the installed command is the compiled JavaScript of `npm run build:cli`
 * (package.json "bin": dist/cli-js/cli/main.js, start-up included), built here first. The reader
 * alone is bundled with esbuild (it is no command of its own).
 */
function build(): { cli: string; read: string } {
  mkdirSync(OUT, { recursive: true });
  const root = path.join(HERE, "..");
  const b = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "build:cli"], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(`npm run build:cli failed: ${b.stderr || b.stdout}`);
  const bin = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { bin: Record<string, string> }).bin["soat-bieu"];
  buildSync({ entryPoints: { read: path.join(HERE, "read.ts") }, bundle: true, platform: "node", target: "node20", outdir: OUT, logLevel: "error" });
  return { cli: path.join(root, bin), read: path.join(OUT, "read.js") };
}

interface Run {
  /** Medians of the runs. */
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  /** Every run's wall time, so the spread is there to read. */
  runs: number[];
  /** (slowest − fastest) ÷ median of the wall times. */
  spread: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** REPEAT runs of `node args…`: the median of each figure, and the spread of the wall times. */
function measure(args: string[]): Run {
  const wall: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, ["-r", path.join(HERE, "rss.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
    wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const m = /__MAXRSS_KB=(\d+) __CPU_US=(\d+)/.exec(p.stderr);
    if ((p.status !== 0 && p.status !== 1) || !m) throw new Error(`${args.join(" ")} exited ${p.status}: ${p.stderr.slice(0, 400)}`);
    cpu.push(Number(m[2]) / 1e6);
    rss.push(Number(m[1]) / 1024);
  }
  const seconds = median(wall);
  return { seconds, cpuSeconds: median(cpu), maxRssMiB: median(rss), runs: wall, spread: (Math.max(...wall) - Math.min(...wall)) / seconds };
}

/**
 * Milliseconds the engine takes in chromium to analyse the snapshot of an N-row table (median of
 * 7 runs after 2 warm-ups), measured inside the page with performance.now().
 */
function paneAnalysis(rows: number): { rows: number; milliseconds: number; runs: number[] } {
  const file = path.join(OUT, `pane-${rows}.xlsx`);
  writeFileSync(file, tableWorkbook(rows));
  buildSync({ entryPoints: { "pane-bench": path.join(HERE, "pane.ts") }, bundle: true, platform: "browser", format: "iife", target: "es2017", outdir: OUT, logLevel: "error" });
  const p = spawnSync(process.execPath, [path.join(HERE, "chromium.js"), path.join(OUT, "pane-bench.js"), file], { encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /__PANE_MS=(\[[^\]]*\])/.exec(p.stdout);
  if (p.status !== 0 || !m) throw new Error(`the pane bench in chromium failed (${p.status}): ${(p.stderr || p.stdout).slice(0, 600)}`);
  const runs = JSON.parse(m[1]) as number[];
  return { rows, milliseconds: median(runs), runs };
}

function fmt(n: number, d = 2): string {
  return n.toFixed(d).replace(".", ",");
}

function main(): void {
  const started = Date.now();
  const { cli, read } = build();
  const results: Record<string, unknown> = { date: new Date().toISOString(), cores: os.cpus().length, loadAverage: os.loadavg(), node: process.version, repeat: REPEAT, tables: [] as unknown[] };
  const rows: string[][] = [["hàng / rows", "MB", "floor s", "read s", "check s", "check÷floor", "CPU÷floor", "read÷floor", "floor MiB", "check MiB", "MiB÷floor", "± check"]];
  for (const n of SIZES) {
    const file = path.join(OUT, `table-${n}.xlsx`);
    const bytes = tableWorkbook(n);
    writeFileSync(file, bytes);
    const floor = measure([path.join(HERE, "floor.js"), file]);
    const reader = measure([read, file]);
    const check = measure([cli, "check", file, "--json"]);
    const r = {
      rows: n,
      bytes: bytes.length,
      floor,
      read: reader,
      check,
      timeRatio: check.seconds / floor.seconds,
      cpuRatio: check.cpuSeconds / floor.cpuSeconds,
      readTimeRatio: reader.seconds / floor.seconds,
      memoryRatio: check.maxRssMiB / floor.maxRssMiB,
      readMemoryRatio: reader.maxRssMiB / floor.maxRssMiB,
    };
    (results.tables as unknown[]).push(r);
    rows.push([String(n), fmt(bytes.length / 1048576), fmt(floor.seconds), fmt(reader.seconds), fmt(check.seconds), fmt(r.timeRatio), fmt(r.cpuRatio), fmt(r.readTimeRatio), fmt(floor.maxRssMiB, 0), fmt(check.maxRssMiB, 0), fmt(r.memoryRatio), `${fmt(check.spread * 100, 0)} %`]);
  }

  // The narrative analyser: analyseWorkbook on a one-sheet narrative workbook of 1 MB and 2 MB of
  // varied prose (every seed, figures rewritten: no group repeats another), in this process, the
  // median of at least 5 runs after a warm-up.
  const seedDir = path.join(HERE, "../test/fixtures/seeds");
  const seeds = readdirSync(seedDir).sort().map((f) => readFileSync(path.join(seedDir, f), "utf8"));
  const one = narrativeSheet(seeds, 1 << 20);
  const two = narrativeSheet(seeds, 2 << 20);
  const time = (sheet: ReturnType<typeof narrativeSheet>) => {
    const runs: number[] = [];
    for (let i = 0; i < Math.max(5, REPEAT); i++) {
      const t0 = process.hrtime.bigint();
      const report = analyseWorkbook({ sheets: [sheet] });
      runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
      if (report.sheets[0].layout !== "narrative") throw new Error("the bench's narrative sheet was not recognised as narrative");
    }
    return median(runs);
  };
  const size = (s: ReturnType<typeof narrativeSheet>) => s.values.reduce((n, r) => n + Buffer.byteLength(String(r[2])), 0);
  time(one); // warm-up: the first run compiles
  const t1 = time(one);
  const t2 = time(two);
  results.narrative = { rows1: one.values.length - 1, bytes1: size(one), rows2: two.values.length - 1, bytes2: size(two), seconds1: t1, seconds2: t2, ratio: t2 / t1 };

  // The task pane's analysis in the browser: a 5 000-row sheet's snapshot in memory, analysed by
  // the engine bundled for the browser, in Debian's chromium (no Office.js, no rendering).
  const pane = paneAnalysis(5000);
  results.pane = pane;

  const folder = path.join(OUT, "folder");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const small = tableWorkbook(60);
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(folder, `xa-${String(i).padStart(3, "0")}.xlsx`), small);
  const single = measure([cli, "check", folder, "--json", "--workers", "1"]);
  const threads = Math.max(2, os.availableParallelism());
  const multi = measure([cli, "check", folder, "--json", "--workers", String(threads)]);
  results.folder = { files: FILES, rowsEach: 60, singleSeconds: single.seconds, threads, threadedSeconds: multi.seconds, filesPerSecondSingle: FILES / single.seconds, filesPerSecondThreaded: FILES / multi.seconds };
  results.benchSeconds = (Date.now() - started) / 1000;

  writeFileSync(path.join(HERE, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`Soát Biểu bench — ${results.cores} lõi / cores, tải / load ${os.loadavg().map((l) => fmt(l, 1)).join(" ")}, Node ${process.version}, trung vị ${REPEAT} lần / median of ${REPEAT}\n`);
  for (const r of rows) console.log(r.map((c, i) => c.padStart(width[i])).join("  "));
  console.log(`mục tiêu / goals: check÷floor ≤ 2 (20k, 100k), MiB÷floor ≤ 1,5; "± check": (chậm nhất − nhanh nhất) ÷ trung vị / (slowest − fastest) ÷ median`);
  const byRows = new Map((results.tables as { rows: number; check: Run }[]).map((x) => [x.rows, x.check.seconds]));
  if (byRows.has(20000) && byRows.has(100000)) {
    results.growth100kOver20k = byRows.get(100000)! / byRows.get(20000)!;
    console.log(`tăng tuyến tính / linear growth: check 100k ÷ 20k = ${fmt(results.growth100kOver20k as number)} (mục tiêu / goal ≤ 5,5)`);
  }
  console.log(`\nVăn bản / narrative (analyseWorkbook): 1 MB ${fmt(t1, 3)} s, 2 MB ${fmt(t2, 3)} s, tỷ số / ratio ${fmt(t2 / t1)} (mục tiêu / goal ≤ 2,2)`);
  console.log(`Ngăn / pane (chromium, ${pane.rows} hàng / rows, snapshot → report): ${fmt(pane.milliseconds, 0)} ms (mục tiêu / goal ≤ 100 ms)`);
  console.log(`Thư mục / folder of ${FILES} × 60 rows: ${fmt(FILES / single.seconds, 1)} tệp/s một luồng / one thread, ${fmt(FILES / multi.seconds, 1)} tệp/s ${threads} luồng / threads`);
  console.log(`\nbench/results.json written (${fmt(results.benchSeconds as number, 0)} s).`);
}

main();
