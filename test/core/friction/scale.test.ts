import { describe, expect, it } from "vitest";
import type { PullRequestRow } from "../../../src/core/delivery/model.js";
import {
  analyseIncidents,
  compareReviewFriction,
  reviewKnowledgeRecords,
} from "../../../src/core/friction/index.js";
import {
  anIncident,
  aPullRequest,
  areasOf,
  comment,
  days,
  isBot,
  personOf,
  review,
} from "./builders.js";

describe("friction at scale", () => {
  it("handles 100,000 pull requests with 300,000 reviews and 10,000 incidents", () => {
    const pullRequests: PullRequestRow[] = [];
    for (let n = 0; n < 100_000; n += 1) {
      const start = (n % 330) + 0.5;
      pullRequests.push(
        aPullRequest({
          number: n,
          author: `dev${n % 97}`,
          areas: [`area${n % 50}`, `area${n % 7}`],
          created: start,
          merged: start + 5,
          reviews: [
            review(`dev${(n + 1) % 97}`, start + 1),
            review(`dev${(n + 2) % 97}`, start + 2),
            review(`dev${(n + 3) % 97}`, start + 3),
          ],
          comments: [comment(`dev${(n + 4) % 97}`, start + 0.5)],
        }),
      );
    }
    const trend = compareReviewFriction({
      pullRequests,
      period: days(7, 7),
      areasOf,
      personOf,
      isBot,
    });
    const knowledge = reviewKnowledgeRecords({ pullRequests, filesOf: areasOf, personOf, isBot });
    const incidents = analyseIncidents({
      incidents: Array.from({ length: 10_000 }, (_, n) =>
        anIncident({ service: `svc${n % 20}`, created: n % 336, responders: [`dev${n % 13}`] }),
      ),
      period: days(0, 14),
      personOf,
      isBot,
      teamOf: (person) => `team${person.length}`,
    });
    expect(trend.areas).toHaveLength(50);
    expect(
      trend.universe.now.pullRequests.counted + trend.universe.before.pullRequests.counted,
    ).toBe(100_000);
    expect(knowledge.records.length).toBeGreaterThan(300_000);
    expect(incidents.services).toHaveLength(20);
  });
});
