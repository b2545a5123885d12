/**
 * Everyday activity between the scripted stories: each week, each repository gets a few commits by
 * the people who work there, in the areas they usually touch. The last two weeks are left to the
 * scripted stories (recent.ts), so the review periods hold exactly what the story says.
 */
import {
  ANA,
  CHEN,
  GRETA,
  INES,
  isActive,
  JONAS,
  KOFI,
  LENA,
  LEO,
  MARA,
  OWEN,
  type Person,
  PRIYA,
  type RepoName,
  SAM,
  SAM_LAPTOP,
  TOMAS,
} from "./cast.js";
import { defaultPull, type PlannedCommit } from "./plan.js";
import type { Random } from "./random.js";

type Habit = [person: Person, weight: number, areas: [dir: string, weight: number][]];

/** Who works where, and how much. */
const HABITS: Record<RepoName, Habit[]> = {
  "shop-api": [
    [
      MARA,
      3,
      [
        ["services/payments", 6],
        ["tests/payments", 2],
        ["src/lib", 0.5],
        ["runbooks", 0.5],
      ],
    ],
    [
      TOMAS,
      2.5,
      [
        ["services/orders", 3],
        ["src/api", 3],
        ["src/lib", 1],
        ["tests/orders", 1],
        ["runbooks", 0.4],
      ],
    ],
    [
      LENA,
      2,
      [
        ["services/orders", 2],
        ["services/inventory", 2],
        ["src/api", 1],
        ["tests/orders", 1],
        ["tests/inventory", 1],
      ],
    ],
    [
      SAM,
      1.5,
      [
        ["src/api", 2],
        ["services/inventory", 1],
        ["services/orders", 1],
        ["src/lib", 1],
      ],
    ],
    [
      GRETA,
      1.5,
      [
        ["services/inventory", 3],
        ["services/orders", 2],
        ["tests/inventory", 1],
      ],
    ],
    [KOFI, 0.2, [[".github/workflows", 1]]],
  ],
  web: [
    [
      PRIYA,
      2.5,
      [
        ["src/checkout", 4],
        ["src/components", 1],
        ["src", 0.5],
      ],
    ],
    [
      CHEN,
      2,
      [
        ["src/catalog", 4],
        ["src/components", 1],
        ["src", 0.5],
      ],
    ],
    [
      ANA,
      2,
      [
        ["src/components", 3],
        ["tests/e2e", 2],
        ["src/catalog", 1],
      ],
    ],
    [
      OWEN,
      1.5,
      [
        ["src/search", 4],
        ["src/catalog", 1],
      ],
    ],
    [
      LEO,
      1.5,
      [
        ["tests/e2e", 2],
        ["src/checkout", 2],
      ],
    ],
    [KOFI, 0.2, [[".github/workflows", 1]]],
  ],
  platform: [
    [
      JONAS,
      2,
      [
        ["tools/deploy", 3],
        ["infra/terraform", 2],
        [".github/workflows", 1],
        ["runbooks", 0.5],
      ],
    ],
    [
      INES,
      2,
      [
        ["infra/k8s", 3],
        ["infra/terraform", 2],
        ["runbooks", 1],
      ],
    ],
    [
      KOFI,
      1.5,
      [
        ["infra/terraform", 2],
        ["infra/k8s", 2],
        [".github/workflows", 1],
      ],
    ],
  ],
};

/** Commits per week in each repository, on average. */
const RATE: Record<RepoName, number> = { "shop-api": 1.8, web: 1.4, platform: 0.8 };

/** The first and last day (before now) of random activity. */
const FIRST_DAY = 404;
const LAST_DAY = 14;

/** Leo works in src/checkout on his own only once he has written part of it (see stories). */
const LEO_OWNS_CHECKOUT_FROM = 70;

/** Random everyday commits for every repository, oldest first. */
export function fillerCommits(random: Random): PlannedCommit[] {
  const commits: PlannedCommit[] = [];
  for (let start = FIRST_DAY; start > LAST_DAY; start -= 7) {
    for (const repo of ["shop-api", "web", "platform"] as const) {
      const rate = RATE[repo];
      const count = random.int(Math.floor(rate * 0.5), Math.ceil(rate * 1.5));
      for (let k = 0; k < count; k++) {
        const daysAgo = round(Math.max(LAST_DAY + 0.05, start - random.between(0, 7)));
        const commit = fillerCommit(random, repo, daysAgo);
        if (commit) commits.push(commit);
      }
    }
  }
  return commits;
}

function fillerCommit(random: Random, repo: RepoName, daysAgo: number): PlannedCommit | null {
  const habits = HABITS[repo].filter(([person]) => isActive(person, daysAgo));
  if (habits.length === 0) return null;
  const [author, , areas] = random.pick(
    habits.flatMap((habit) => Array<Habit>(Math.round(habit[1] * 10)).fill(habit)),
  );
  const usable = areas.filter(
    ([dir]) => !(author === LEO && dir === "src/checkout" && daysAgo > LEO_OWNS_CHECKOUT_FROM),
  );
  if (usable.length === 0) return null;
  const area = random.weighted(usable);
  const commit: PlannedCommit = {
    repo,
    daysAgo,
    author,
    subject: "",
    ops: [],
    area,
    pull: defaultPull(daysAgo),
  };
  // Sam committed from his laptop for a while, before adding himself to .mailmap.
  if (author === SAM && repo === "shop-api" && daysAgo > 300 && daysAgo < 365)
    commit.identity = SAM_LAPTOP;
  return commit;
}

function round(days: number): number {
  return Math.round(days * 100) / 100;
}
