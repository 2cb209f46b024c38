// Runs the pane bench (bench/pane.ts, bundled) in Debian's chromium: node bench/chromium.js BUNDLE FILE.xlsx
// Prints __PANE_MS=[…] (milliseconds of each timed analysis).
const { readFileSync } = require("node:fs");
const { chromium } = require("playwright-core");

async function main() {
  const [bundle, file] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><meta charset=utf-8><title>Soát Biểu bench</title>");
    await page.addScriptTag({ content: readFileSync(bundle, "utf8") });
    const b64 = readFileSync(file).toString("base64");
    const times = await page.evaluate(([data]) => window.soatBieuBench(data, 2, 7), [b64]);
    process.stdout.write(`__PANE_MS=${JSON.stringify(times)}\n`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
