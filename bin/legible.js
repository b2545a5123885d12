#!/usr/bin/env node
import { statSync } from "node:fs";

// The CLI runs from its bundle (dist/bundle, written by `npm run build` after tsc): a few dozen
// files to read instead of several hundred modules. When the bundle is missing or older than tsc's
// output (a `tsc` without the bundle step while developing), the modules in dist/cli run instead.
const modified = (path) => {
  try {
    return statSync(new URL(path, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
// A reader that goes away before the output ends (`legible review | head`) ends the run quietly,
// as it does for git, instead of with an unhandled EPIPE. Whatever was being stored is committed
// or rolled back whole by the store's transactions.
process.stdout.on("error", (error) => {
  if (error?.code === "EPIPE") process.exit(0);
  throw error;
});
process.stderr.on("error", (error) => {
  if (error?.code !== "EPIPE") throw error;
});

const bundled = modified("../dist/bundle/main.js") >= modified("../dist/cli/main.js");
const { clockFromEnv } = await import(bundled ? "../dist/bundle/io.js" : "../dist/cli/io.js");
const { main } = await import(bundled ? "../dist/bundle/main.js" : "../dist/cli/main.js");

// LEGIBLE_NOW (YYYY-MM-DD or an ISO date-time) pins the clock; a bad value is bad usage (exit 2).
let now;
try {
  now = clockFromEnv(process.env);
} catch (error) {
  if (error?.code !== "BAD_USAGE") throw error;
  process.stderr.write(`legible: ${error.message}\n  hint: ${error.hint}\n`);
  process.exit(2);
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  now,
});
