/**
 * Who reviews a pull request whose reviews the story does not script, and how soon:
 * - services/payments and tests/payments: Tomás, three times in four, a day or more after opening
 *   (the reviewer bottleneck); Lena (or Mara) otherwise, within hours;
 * - Leo's work in web's src/checkout: Priya (the senior who spreads knowledge);
 * - platform: any other member of the platform team, often two (reviews are spread);
 * - elsewhere: a teammate, sometimes asking for changes first, sometimes with a second approval;
 *   workflow changes are often reviewed by the platform team.
 */
import {
  isActive,
  JONAS,
  KOFI,
  LENA,
  LEO,
  MARA,
  type Person,
  PRIYA,
  type RepoName,
  type TeamName,
  TOMAS,
  teamMembers,
} from "./cast.js";
import { type ReviewStep, review } from "./plan.js";
import type { Random } from "./random.js";

const TEAM_OF_REPO: Record<RepoName, TeamName> = {
  "shop-api": "commerce",
  web: "storefront",
  platform: "platform",
};

/** Counts the policy keeps across pull requests (payments reviews rotate deterministically). */
export interface PolicyState {
  payments: number;
}

/** Reviews of an unscripted pull request, and hours from the last review to the merge. */
export function policyReviews(
  input: { repo: RepoName; author: Person; areas: string[]; daysAgo: number },
  random: Random,
  state: PolicyState,
): { reviews: ReviewStep[]; mergeAfterHours: number } {
  const mergeAfterHours = round(random.between(0.3, 3));
  const { repo, author, areas, daysAgo } = input;
  const active = (p: Person) => p !== author && isActive(p, daysAgo);
  if (areas.some((a) => a === "services/payments" || a === "tests/payments")) {
    state.payments++;
    const tomasTurn = state.payments % 4 !== 0 && author !== TOMAS;
    if (tomasTurn)
      return { reviews: [review(TOMAS, round(random.between(18, 40)))], mergeAfterHours };
    const other = author === LENA ? MARA : LENA;
    return { reviews: [review(other, round(random.between(2, 8)))], mergeAfterHours };
  }
  if (author === LEO && areas.includes("src/checkout"))
    return { reviews: [review(PRIYA, round(random.between(2, 6)))], mergeAfterHours };
  if (repo === "platform") {
    const others = teamMembers("platform").filter(active);
    const first = random.pick(others);
    const reviews = [review(first, round(random.between(1, 6)))];
    const rest = others.filter((p) => p !== first);
    if (rest.length > 0 && random.chance(0.35))
      reviews.push(
        review(random.pick(rest), round((reviews[0]?.afterHours ?? 1) + random.between(1, 4))),
      );
    return { reviews, mergeAfterHours };
  }
  const workflow = areas.includes(".github/workflows") && random.chance(0.5);
  const pool = workflow
    ? [JONAS, KOFI].filter(active)
    : teamMembers(TEAM_OF_REPO[repo]).filter(active);
  if (pool.length === 0) return { reviews: [], mergeAfterHours };
  const first = random.pick(pool);
  const pickup = round(random.between(author.bot ? 1 : 1, author.bot ? 20 : 7));
  const reviews: ReviewStep[] = [];
  if (!author.bot && random.chance(0.15)) {
    reviews.push(review(first, pickup, "CHANGES_REQUESTED"));
    reviews.push(review(first, round(pickup + random.between(3, 12))));
  } else {
    reviews.push(review(first, pickup));
  }
  const second = pool.filter((p) => p !== first);
  if (!author.bot && second.length > 0 && random.chance(0.2))
    reviews.push(review(random.pick(second), round(pickup + random.between(0.5, 5))));
  return { reviews, mergeAfterHours };
}

function round(hours: number): number {
  return Math.round(hours * 10) / 10;
}
