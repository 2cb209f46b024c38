/**
 * The command as a reviewer installs it: `npm pack` (prepack compiles the CLI to dist/cli-js), then
 * `npm install -g` of the tarball into an empty prefix. The installed `soat-bieu` runs compiled
 * JavaScript (no tsx among its dependencies), checks a fixture, and `--help` starts within twice
 * the time of `node -e 0`. Dependencies come from the npm cache or the registry.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURES } from "../helpers/grid";

const ROOT = path.resolve(__dirname, "../..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

function sh(cmd: string, args: string[], cwd: string) {
  const p = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", npm_config_loglevel: "error" }, timeout: 240_000, shell: process.platform === "win32" });
  return { code: p.status, out: p.stdout, err: p.stderr };
}

/** Median wall time of each command, the runs interleaved so a busy machine weighs on both alike. */
function medians(commands: string[][], runs: number): number[] {
  const times: number[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, j) => {
      const start = process.hrtime.bigint();
      spawnSync(c[0], c.slice(1), { encoding: "utf8" });
      times[j].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

test("npm pack, then npm install -g into an empty prefix: soat-bieu checks a fixture, runs compiled JavaScript, starts fast", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-install-"));
  const pack = sh(NPM, ["pack", "--pack-destination", dir], ROOT);
  expect(pack.code).toBe(0);
  const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const tarball = path.join(dir, `soat-bieu-${version}.tgz`);
  expect(existsSync(tarball)).toBe(true);

  const prefix = path.join(dir, "prefix");
  const install = sh(NPM, ["install", "-g", "--prefix", prefix, tarball, "--prefer-offline", "--no-audit", "--no-fund"], dir);
  expect(install.err).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);

  const bin = process.platform === "win32" ? path.join(prefix, "soat-bieu.cmd") : path.join(prefix, "bin", "soat-bieu");
  const pkg = process.platform === "win32" ? path.join(prefix, "node_modules", "soat-bieu") : path.join(prefix, "lib", "node_modules", "soat-bieu");
  // Compiled JavaScript only: no TypeScript sources, no transpiler.
  expect(existsSync(path.join(pkg, "dist", "cli-js", "cli", "main.js"))).toBe(true);
  expect(existsSync(path.join(pkg, "src"))).toBe(false);
  expect(readdirSync(path.join(pkg, "node_modules"))).not.toContain("tsx");

  const check = sh(bin, ["check", path.join(FIXTURES, "f2-binh-trung-table.xlsx")], dir);
  expect(check.code).toBe(1);
  expect(check.out).toContain("Tổng: 1 tệp, 1 trang tính, 5 lỗi, 2 cảnh báo, 0 lưu ý.");
  const json = sh(bin, ["check", path.join(FIXTURES, "f1-hai-yen-narrative.xlsx"), "--json"], dir);
  expect(JSON.parse(json.out).summary).toEqual({ files: 1, sheets: 1, errors: 4, warnings: 1, infos: 2 });
  expect(sh(bin, ["--version"], dir).out).toBe(`soat-bieu ${version}\n`);
  expect(sh(bin, ["help", "check"], dir).out).toContain("percent-mismatch");

  // A folder through worker threads: the compiled worker, not the tsx bootstrap.
  const folder = sh(bin, ["check", FIXTURES, "--json", "--workers", "2"], dir);
  expect(JSON.parse(folder.out).files.length).toBeGreaterThanOrEqual(2);
  expect(folder.err).not.toMatch(/tsx|Cannot find module/);

  if (process.platform !== "win32") {
    const [node, help] = medians([[process.execPath, "-e", "0"], [bin, "--help"]], 9);
    expect(help).toBeLessThan(2 * node);
  }
}, 600_000);
