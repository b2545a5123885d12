#!/usr/bin/env node
import { clockFromEnv } from "../dist/cli/io.js";
import { main } from "../dist/cli/main.js";

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
