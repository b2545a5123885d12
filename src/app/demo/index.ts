/**
 * `legible demo`: builds a realistic example organisation in a new directory, so a newcomer sees
 * every section of the weekly review filled in. Three git repositories (shop-api, web, platform)
 * with about a year of history by thirteen people in three teams, the pull-request, deployment and
 * incident exports, and a legible.yaml that ties them together. Everything is dated relative to
 * `now` and generated from fixed seeds: the same `now` gives the same commit ids.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { LegibleError } from "../../errors.js";
import { REPOSITORIES, type RepoName } from "./cast.js";
import { configYaml, EXPORTS } from "./config.js";
import { type DeploymentRecord, deployments, deploymentsCsv } from "./deployments.js";
import { fillerCommits } from "./filler.js";
import { writeRepository } from "./git.js";
import { incidents, incidentsCsv } from "./incidents.js";
import { commitMessage } from "./messages.js";
import { pullRequests } from "./pulls.js";
import { Random } from "./random.js";
import { recentCommits } from "./recent.js";
import { resolveRepository } from "./resolve.js";
import { storyCommits } from "./stories.js";
import { storyLines } from "./story.js";
import { type TimedCommit, timeRepository } from "./timeline.js";

/** What `buildDemo` wrote. */
export interface DemoResult {
  /** The demo directory (absolute). */
  dir: string;
  /** The repositories, absolute paths, in the order legible.yaml lists them. */
  repositories: string[];
  /** The legible.yaml written. */
  config: string;
  /** The exports legible.yaml's `sources` name (absolute paths). */
  files: { prs: string; deployments: string; incidents: string };
  /** One line per planted fact, for the CLI to print. */
  story: string[];
}

/** One repository as built: its timed commits (with ids) and exports. */
export interface BuiltRepository {
  name: RepoName;
  path: string;
  commits: TimedCommit[];
  ids: Map<TimedCommit["commit"], string>;
  pulls: ReturnType<typeof pullRequests>;
  deployments: DeploymentRecord[];
}

/**
 * Builds the demo organisation in `dir` (created if missing; it must be empty), dated relative to
 * `now`. Throws a LegibleError (BAD_USAGE) naming `dir` when it is not an empty directory.
 */
export function buildDemo(options: { dir: string; now: Date }): DemoResult {
  const dir = resolve(options.dir);
  const now = options.now;
  if (Number.isNaN(now.getTime())) throw new RangeError("buildDemo: now is not a valid date");
  prepareDirectory(dir);

  const planned = [...storyCommits(now), ...recentCommits(now), ...fillerCommits(new Random(101))];
  const ids = { next: 1 };
  const built: BuiltRepository[] = REPOSITORIES.map((name, k) => {
    const plans = planned.filter((c) => c.repo === name).sort((a, b) => b.daysAgo - a.daysAgo);
    const resolved = resolveRepository(name, plans, new Random(202 + k));
    const commits = timeRepository(name, resolved, now, new Random(303 + k));
    const path = join(dir, name);
    const shas = writeRepository(path, commits, commitMessage);
    const main = commits
      .filter((c) => !c.commit.plan.branchOnly)
      .map((c) => ({ sha: shas.get(c.commit) ?? "", time: c.commitTime }));
    return {
      name,
      path,
      commits,
      ids: shas,
      pulls: pullRequests(name, commits, shas, ids),
      deployments: deployments(name, main, now, new Random(404 + k)),
    };
  });

  const files = {
    prs: join(dir, EXPORTS.prs),
    deployments: join(dir, EXPORTS.deployments),
    incidents: join(dir, EXPORTS.incidents),
  };
  mkdirSync(join(dir, "exports"), { recursive: true });
  const pulls = built.flatMap((r) => r.pulls);
  writeFileSync(files.prs, `${JSON.stringify(pulls, null, 2)}\n`);
  writeFileSync(files.deployments, deploymentsCsv(built.flatMap((r) => r.deployments)));
  const incidentRecords = incidents(now);
  writeFileSync(files.incidents, incidentsCsv(incidentRecords));
  const config = join(dir, "legible.yaml");
  writeFileSync(config, configYaml());

  return {
    dir,
    repositories: built.map((r) => r.path),
    config,
    files,
    story: storyLines({ now, repositories: built, incidents: incidentRecords }),
  };
}

function prepareDirectory(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new LegibleError(
        "BAD_USAGE",
        `${dir} is not a directory`,
        "name a new or empty directory",
      );
    if (readdirSync(dir).length > 0)
      throw new LegibleError(
        "BAD_USAGE",
        `${dir} is not empty: the demo is built in a new or empty directory`,
        "name a new or empty directory, e.g. legible demo ./legible-demo",
      );
  }
  mkdirSync(dir, { recursive: true });
}
