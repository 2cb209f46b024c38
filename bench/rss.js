// Preloaded into every measured process (node -r ./bench/rss.js): prints the peak resident set at exit.
process.on("exit", () => {
  process.stderr.write(`\n__MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
