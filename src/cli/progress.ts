import type { ScanProgress } from "../app/scan.js";
import type { CliIo } from "./io.js";

/** Progress on stderr, only on a terminal and never with --json; a single line redrawn in place. */
export function progressReporter(
  io: CliIo,
  wanted: boolean,
): { enabled: boolean; update(event: ScanProgress): void; done(): void } {
  if (!wanted || io.stderr.isTTY !== true) return { enabled: false, update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    enabled: true,
    update(event) {
      const now = Date.now();
      if (now - last < 100 && event.done < event.total) return;
      last = now;
      shown = true;
      const percent = event.total === 0 ? 100 : Math.floor((event.done / event.total) * 100);
      io.stderr.write(
        `\r\x1b[2Kscanning ${event.repository}: ${event.done.toLocaleString("en")}/${event.total.toLocaleString("en")} commits (${percent}%)`,
      );
    },
    done() {
      if (shown) io.stderr.write("\r\x1b[2K");
    },
  };
}
