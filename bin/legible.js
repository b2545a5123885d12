#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// LEGIBLE_NOW (an ISO date) pins the clock, so "the last 7 days" is reproducible in tests and demos.
const pinned = process.env.LEGIBLE_NOW ? new Date(process.env.LEGIBLE_NOW) : null;
if (pinned && Number.isNaN(pinned.getTime())) {
  process.stderr.write(`legible: LEGIBLE_NOW=${process.env.LEGIBLE_NOW}: expected an ISO date\n`);
  process.exit(2);
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  now: () => pinned ?? new Date(),
});
