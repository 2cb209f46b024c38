// Preloaded into every measured process (node -r ./bench/rss.js): prints its peak resident set and
// CPU time at exit, so the figures hold on a busy machine too.
process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n__MAXRSS_KB=${u.maxRSS} __CPU_US=${u.userCPUTime + u.systemCPUTime}\n`);
});
