/**
 * The production build as the offices will get it. Runs `webpack --mode production` ONCE into a
 * temporary folder (2–3 minutes on 2 cores; see jest.config.js), or reads a prebuilt one when
 * SOATBIEU_DIST names it (after `npm run build -- --env addinUrl=https://soatbieu.example.vn/addin/`),
 * then checks it:
 * - every .js parses as ES2017 (acorn, a real parser), unsupported.js as ES3;
 * - taskpane.html and commands.html load Office.js from the documented URL, with the
 *   Content-Security-Policy before it and allowing it;
 * - the manifest points at the https address given, AppDomain holds its origin only;
 * - no preview bundle, no source maps, no sample workbook unless asked;
 * - an http address is refused with a sentence.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as acorn from "acorn";

const ROOT = path.join(__dirname, "..", "..");
const URL_ = "https://soatbieu.example.vn/addin/";
/** learn.microsoft.com, "Referencing the Office JavaScript API library" (office-js-docs-pr #5882). */
const OFFICE_JS = "https://officeapis.public.onecdn.static.microsoft/1/office.js";
const WEBPACK = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

function webpack(args: string[]) {
  return spawnSync(process.execPath, [WEBPACK, "--mode", "production", ...args], { cwd: ROOT, encoding: "utf8", timeout: 15 * 60_000 });
}

let dist = process.env.SOATBIEU_DIST ?? "";

beforeAll(() => {
  if (dist) return;
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "soatbieu-dist-"));
  const r = webpack(["--env", `addinUrl=${URL_}`, "--output-path", dist]);
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}, 15 * 60_000);

afterAll(() => {
  if (!process.env.SOATBIEU_DIST && dist.startsWith(os.tmpdir())) fs.rmSync(dist, { recursive: true, force: true });
});

function files(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else out.push(path.relative(dist, p));
  }
  return out;
}

test("every .js in dist parses as ES2017; the old-Excel notice as ES3", () => {
  const scripts = files(dist).filter((f) => f.endsWith(".js"));
  expect(scripts.sort()).toEqual(["commands.js", "taskpane.js", "unsupported.js"]);
  for (const f of scripts) {
    const text = fs.readFileSync(path.join(dist, f), "utf8");
    expect(() => acorn.parse(text, { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
  }
  expect(() => acorn.parse(fs.readFileSync(path.join(dist, "unsupported.js"), "utf8"), { ecmaVersion: 3 })).not.toThrow();
  // The parser is strict enough to fail: an ES2018 regular expression is refused.
  expect(() => acorn.parse("/(?<!a)b/u", { ecmaVersion: 2017 })).toThrow();
});

test("the pages load Office.js from the documented URL, after a Content-Security-Policy that allows it", () => {
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = fs.readFileSync(path.join(dist, page), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect([page, scripts.filter((s) => /office\.js$/i.test(s))]).toEqual([page, [OFFICE_JS]]);
    const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    expect(html.indexOf(meta![0])).toBeLessThan(html.search(/<script/));
    const csp = Object.fromEntries(meta![1].split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(csp["script-src"]).toEqual(["'self'", new URL(OFFICE_JS).origin]);
    expect(meta![1]).not.toMatch(/unsafe-eval|appsforoffice/);
    expect(csp["frame-src"]).toEqual(["https:"]);
  }
  expect(fs.readFileSync(path.join(dist, "taskpane.html"), "utf8")).toMatch(/src="?unsupported\.js"?[^<]*<\/script><script[^>]*office\.js/);
});

test("the manifest points at the https address, AppDomain at its origin only", () => {
  const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
  expect(xml).not.toContain("localhost");
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u.startsWith(URL_)).toBe(true);
  expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(["https://soatbieu.example.vn"]);
});

test("production dist: no preview bundle, no source maps, no sample workbook", () => {
  const all = files(dist);
  expect(all.filter((f) => /preview|\.map$|\.xlsx$/.test(f))).toEqual([]);
  for (const f of ["taskpane.html", "commands.html", "help.html", "pane.css", "manifest.xml", "assets/icon-32.png"]) expect(all).toContain(f);
});

test("an http address is refused with a sentence, before anything is built", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "soatbieu-http-"));
  const r = webpack(["--env", "addinUrl=http://soatbieu.example.vn/addin/", "--output-path", out]);
  expect(r.status).not.toBe(0);
  expect(`${r.stdout}${r.stderr}`).toContain("Excel chỉ nạp add-in qua https");
  expect(fs.readdirSync(out)).toEqual([]);
  fs.rmSync(out, { recursive: true, force: true });
});
