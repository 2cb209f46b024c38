#!/usr/bin/env node
/**
 * The `soat-bieu` command line: check, recalc, template, help (SPEC §8). Exit 0 when no error
 * finding, 1 when there are error findings, 2 when nothing could be checked (an input could not
 * be read, no sheet was recognised, or the arguments are wrong). No stack trace ever reaches the
 * user: every failure is one sentence.
 *
 * Only this file and messages.ts run at start (installed, all of it is one esbuild bundle, ExcelJS
 * left outside): the engine, the reader and ExcelJS are required
 * by the command that needs them, so `soat-bieu --help` starts about as fast as Node itself.
 */
import { promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import { CLI_TEXT, HELP_CHECK, HELP_RECALC, HELP_TEMPLATE, InputError, USAGE, count, say, type Lang } from "./messages";

interface Args {
  command: string | undefined;
  positional: string[];
  json: boolean;
  lang: Lang;
  out?: string;
  force: boolean;
  help: boolean;
  version: boolean;
  /** template --from: a previous period's workbook whose indicator list is carried over. */
  from?: string;
  /** template --xa / --ky: the commune and the period for the title rows. */
  commune?: string;
  period?: string;
  /** check --report: a summary workbook (.xlsx) or findings table (.csv). */
  report?: string;
  /** check --annotate OUT: a copy of the checked file with its problem cells coloured and noted. */
  annotate?: string;
  /** check --workers N: worker threads for a folder (1 = none). */
  workers?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: undefined, positional: [], json: false, lang: "vi", force: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--force" || a === "-f") args.force = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--version" || a === "-v" || a === "-V") args.version = true;
    else if (a === "--lang") args.lang = argv[++i] === "en" ? "en" : "vi";
    else if (a.startsWith("--lang=")) args.lang = a.slice(7) === "en" ? "en" : "vi";
    else if (a === "-o" || a === "--out") args.out = argv[++i];
    else if (a.startsWith("--out=")) args.out = a.slice(6);
    else if (a === "--from") args.from = argv[++i];
    else if (a === "--xa" || a === "--commune") args.commune = argv[++i];
    else if (a === "--ky" || a === "--period") args.period = argv[++i];
    else if (a === "--report") args.report = argv[++i];
    else if (a === "--annotate") args.annotate = argv[++i] ?? "";
    else if (a === "--workers") args.workers = Math.max(1, Number(argv[++i]) || 1);
    else if (args.command === undefined) args.command = a;
    else args.positional.push(a);
  }
  return args;
}

class UsageError extends Error {}

// Modules a command needs are loaded by a plain require inside it: lazy and synchronous under
// tsx, jest, the compiled JavaScript and the bench's esbuild bundle alike.

async function listInputs(target: string, lang: Lang): Promise<{ files: { path: string; label: string }[]; folder: boolean }> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    throw new InputError("missing");
  }
  if (!stat.isDirectory()) return { files: [{ path: target, label: target }], folder: false };
  const names = (await fs.readdir(target)).filter((n) => /\.(xlsx|xlsm|xls)$/i.test(n) && !n.startsWith("~$")).sort((a, b) => a.localeCompare(b, "vi"));
  if (!names.length) throw new UsageError(say(CLI_TEXT.noXlsx, lang, target));
  return { files: names.map((n) => ({ path: path.join(target, n), label: n })), folder: true };
}

async function check(args: Args): Promise<number> {
  const target = args.positional[0];
  if (!target) throw new UsageError(say(CLI_TEXT.missingArg, args.lang, "TỆP_HOẶC_THƯ_MỤC"));
  const { files, folder } = await listInputs(target, args.lang);
  if (args.annotate !== undefined) {
    if (!args.annotate) throw new UsageError(say(CLI_TEXT.missingArg, args.lang, "--annotate TỆP_RA.xlsx"));
    if (folder) throw new UsageError(say(CLI_TEXT.annotateFolder, args.lang));
    if (path.resolve(args.annotate) === path.resolve(target)) throw new UsageError(say(CLI_TEXT.sameAsInput, args.lang));
    if (!args.force && (await exists(args.annotate))) throw new UsageError(say(CLI_TEXT.outputExists, args.lang, args.annotate));
  }
  if (args.report !== undefined) {
    // Refused before any work, like recalc's output: a known extension, and no silent overwrite.
    if (!args.report) throw new UsageError(say(CLI_TEXT.missingArg, args.lang, "--report TỔNG_HỢP.xlsx|.csv"));
    if (!/\.(xlsx|csv)$/i.test(args.report)) throw new UsageError(say(CLI_TEXT.reportExtension, args.lang, args.report));
    if (!args.force && (await exists(args.report))) throw new UsageError(say(CLI_TEXT.outputExists, args.lang, args.report));
  }
  const { availableParallelism } = (require("node:os") as typeof import("node:os"));
  const { checkFiles } = (require("./pool") as typeof import("./pool"));
  const { checkJson } = (require("./report-json") as typeof import("./report-json"));
  const bar = folder && !args.json && process.stderr.isTTY ? progressBar(args.lang) : undefined;
  // Threads pay off from a few dozen files on (each worker loads the engine once).
  const workers = args.workers ?? (folder && files.length >= 16 ? Math.max(1, Math.min(availableParallelism(), files.length)) : 1);
  const results = await checkFiles(files, { workers, lang: args.lang, progress: bar });
  if (bar) process.stderr.write("\r\x1b[K");
  const doc = checkJson(results, args.lang);
  if (args.report) {
    const { csvReport, writeXlsxReport } = (require("./summary-report") as typeof import("./summary-report"));
    const data = /\.csv$/i.test(args.report) ? new TextEncoder().encode(csvReport(results, args.lang)) : await writeXlsxReport(results, args.lang);
    await writeAtomically(args.report, data, args.force, args.lang);
  }
  const first = results[0];
  let annotated = "";
  if (args.annotate && first?.report) {
    // The same cells the report names, painted in an ExcelJS copy of the input (never the input itself).
    const { planHighlights } = (require("../engine") as typeof import("../engine"));
    const { openWorkbook } = (require("./input") as typeof import("./input"));
    const { exceljsAdapter } = (require("./exceljs") as typeof import("./exceljs"));
    const { workbook } = await openWorkbook(files[0].path);
    const { applyHighlights, workbookBytes } = exceljsAdapter();
    const painted = applyHighlights(workbook, planHighlights(first.report), args.lang);
    await writeAtomically(args.annotate, await workbookBytes(workbook), args.force, args.lang);
    annotated = `${say(CLI_TEXT.annotateDone, args.lang, painted, args.annotate)}\n`;
  }
  // What could not be checked, said once on stderr: a file that could not be read, a file with no
  // recognised sheet, or (a folder where nothing was recognised) the folder itself.
  const problems: string[] = [];
  const unrecognised = results.filter((r) => r.report && !r.report.sheets.some((s) => s.recognized));
  for (const r of results) if (r.error) problems.push(`${r.file}: ${r.error}`);
  if (folder && unrecognised.length > 0 && unrecognised.length === results.length) {
    problems.push(say(CLI_TEXT.nothingRecognisedFolder, args.lang, count(results.length, args.lang, "tệp", "file"), target));
  } else {
    for (const r of unrecognised) problems.push(`${r.file}: ${say(CLI_TEXT.nothingRecognised, args.lang, count(r.report!.sheets.length, args.lang, "trang tính", "sheet"))}`);
  }
  if (args.json) {
    // Written in pieces: a 100k-row report is tens of megabytes of JSON, never held as one string,
    // nor queued whole behind a slow pipe (the next piece is made once stdout has taken the last).
    const { jsonChunks } = (require("./json-out") as typeof import("./json-out"));
    for (const chunk of jsonChunks(doc, 1)) if (!process.stdout.write(chunk)) await drained(process.stdout);
    process.stdout.write("\n");
  } else {
    const { renderText } = (require("./render") as typeof import("./render"));
    const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    const text = renderText(results, args.lang, colour);
    if (text) process.stdout.write(`${text}\n`);
  }
  // stdout holds the report (or the JSON document) and nothing else.
  process.stderr.write(annotated + problems.map((p) => `${p}\n`).join(""));
  if (results.some((r) => r.error) || unrecognised.length) return 2;
  return doc.summary.errors > 0 ? 1 : 0;
}

/** A one-line progress bar on a terminal: "[=====     ] 12/200 tệp". */
function progressBar(lang: Lang): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${"=".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${lang === "en" ? (total === 1 ? "file" : "files") : "tệp"}`);
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Writes bytes next to `out` under a temporary name and renames it, so no half-written file is ever left. */
async function writeAtomically(out: string, bytes: Uint8Array, force: boolean, lang: Lang): Promise<void> {
  if (!force && (await exists(out))) throw new UsageError(say(CLI_TEXT.outputExists, lang, out));
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new UsageError(say(CLI_TEXT.cannotWrite, lang, out, e instanceof Error ? e.message : String(e)));
  }
}

async function recalc(args: Args): Promise<number> {
  const input = args.positional[0];
  if (!input) throw new UsageError(say(CLI_TEXT.missingArg, args.lang, "TỆP"));
  if (!args.out) throw new UsageError(say(CLI_TEXT.missingArg, args.lang, "-o TỆP_RA.xlsx"));
  if (path.resolve(args.out) === path.resolve(input)) throw new UsageError(say(CLI_TEXT.sameAsInput, args.lang));
  const { planRecalc } = (require("../engine") as typeof import("../engine"));
  const { openWorkbook } = (require("./input") as typeof import("./input"));
  const { exceljsAdapter } = (require("./exceljs") as typeof import("./exceljs"));
  const { workbook } = await openWorkbook(input);
  const { workbookSnapshot, applyWrites, workbookBytes } = exceljsAdapter();
  const snapshot = workbookSnapshot(workbook, path.basename(input));
  const writes = planRecalc(snapshot);
  applyWrites(workbook, writes);
  await writeAtomically(args.out, await workbookBytes(workbook), args.force, args.lang);
  process.stdout.write(`${writes.length ? say(CLI_TEXT.recalcDone, args.lang, writes.length, args.out) : say(CLI_TEXT.recalcNothing, args.lang, args.out)}\n`);
  return 0;
}

async function template(args: Args): Promise<number> {
  const out = args.out ?? args.positional[0] ?? "soat-bieu-mau.xlsx";
  const { buildTemplate } = (require("../engine") as typeof import("../engine"));
  const { openWorkbook } = (require("./input") as typeof import("./input"));
  const { exceljsAdapter } = (require("./exceljs") as typeof import("./exceljs"));
  let groups;
  let baselines: string[] | undefined;
  const notes: string[] = [];
  if (args.from) {
    // The indicator list of a previous period's workbook: same rows, empty figures.
    const { carryOverIndicators, recogniseSheet } = (require("../engine") as typeof import("../engine"));
    const { workbook } = await openWorkbook(args.from);
    const { workbookSnapshot } = exceljsAdapter();
    const sheets = workbookSnapshot(workbook, path.basename(args.from)).sheets;
    const carried = sheets.map((s) => carryOverIndicators(recogniseSheet(s))).find((c) => c && c.count > 0);
    if (!carried) throw new UsageError(say(CLI_TEXT.noIndicators, args.lang, args.from));
    groups = carried.groups;
    baselines = carried.baselines;
    if (baselines) notes.push(say(CLI_TEXT.templateBaselines, args.lang, baselines.map((b) => `“${b}”`).join(", ")));
    if (carried.renumbered.length) notes.push(say(CLI_TEXT.templateRenumbered, args.lang, carried.renumbered.map((c) => `${c.from} → ${c.to}`).join(", ")));
  }
  const { templateWorkbook, workbookBytes } = exceljsAdapter();
  const wb = templateWorkbook(buildTemplate({ groups, baselines, commune: args.commune, period: args.period }));
  await writeAtomically(out, await workbookBytes(wb), args.force, args.lang);
  process.stdout.write(`${[say(CLI_TEXT.templateDone, args.lang, out), ...notes].join("\n")}\n`);
  return 0;
}

/** Until a stream has written out what it holds (or is closed). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done).off("close", done);
      resolve();
    };
    stream.on("drain", done).on("close", done);
  });
}

/** The package's version, from the package.json beside the sources (src/cli) or the compiled files (dist/cli-js/cli). */
function version(): string {
  for (const up of ["../..", "../../.."]) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(__dirname, up, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "soat-bieu" && pkg.version) return pkg.version;
    } catch {
      // not here: the other layout
    }
  }
  return "?";
}

/** `soat-bieu help [TOPIC]`: the usage, a command's options, or what a kind of finding means. */
async function helpText(topic: string | undefined, lang: Lang): Promise<string> {
  if (!topic) return USAGE[lang];
  if (topic === "recalc") return HELP_RECALC[lang];
  if (topic === "template") return HELP_TEMPLATE[lang];
  const { KIND_HELP, SEVERITY_NAME, kindHelp, kindText } = (require("../help/findings") as typeof import("../help/findings"));
  if (topic === "check") {
    const width = Math.max(...KIND_HELP.map((k) => k.kind.length));
    const kinds = KIND_HELP.map((k) => `  ${k.kind.padEnd(width)}  ${SEVERITY_NAME[lang][k.severity].padEnd(9)} ${k[lang].title}`);
    return `${HELP_CHECK[lang]}\n${kinds.join("\n")}`;
  }
  const k = kindHelp(topic);
  if (!k) throw new UsageError(say(CLI_TEXT.unknownHelp, lang, topic));
  return kindText(k, lang);
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  try {
    if (args.version || args.command === "version") {
      process.stdout.write(`soat-bieu ${version()}\n`);
      return 0;
    }
    if (args.command === "help") {
      process.stdout.write(`${await helpText(args.positional[0], args.lang)}\n`);
      return 0;
    }
    if (args.help && args.command && ["check", "recalc", "template"].includes(args.command)) {
      process.stdout.write(`${await helpText(args.command, args.lang)}\n`);
      return 0;
    }
    if (args.help || !args.command) {
      process.stdout.write(`${USAGE[args.lang]}\n`);
      return args.command || args.help ? 0 : 2;
    }
    switch (args.command) {
      case "check":
        return await check(args);
      case "recalc":
        return await recalc(args);
      case "template":
        return await template(args);
      default:
        throw new UsageError(say(CLI_TEXT.unknownCommand, args.lang, args.command));
    }
  } catch (e) {
    const sentence =
      e instanceof InputError ? e.sentence(args.lang) : e instanceof UsageError ? e.message : say(CLI_TEXT.unexpected, args.lang, e instanceof Error ? e.message : String(e));
    const where = e instanceof InputError && args.positional[0] ? `${args.positional[0]}: ` : "";
    process.stderr.write(`${where}${sentence}\n`);
    return 2;
  }
}

/** Runs the command line on this process's arguments and sets its exit status. */
export function runCli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runCli();
