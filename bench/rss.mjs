// Preloaded by bench/run.ts: reports the process's peak resident set size (KiB) on stderr at exit.
process.on("exit", () => {
  process.stderr.write(`LEGIBLE_MAXRSS_KIB=${process.resourceUsage().maxRSS}\n`);
});
