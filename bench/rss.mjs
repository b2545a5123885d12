// Preloaded by bench/run.ts: on exit, reports the process's peak resident set size (KiB), its own
// CPU seconds (node), the CPU seconds of the children it waited for (git; Linux /proc) and its own
// minor page faults (first touches of memory) on stderr.
import { readFileSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  let children = "NaN";
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // cutime and cstime, in USER_HZ (100 on Linux).
    children = String((Number(fields[13]) + Number(fields[14])) / 100);
  } catch {
    // not Linux: the split between node and git is unknown
  }
  const own = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(
    `LEGIBLE_USAGE=${usage.maxRSS} ${own} ${children} ${usage.minorPageFault}\n`,
  );
});
