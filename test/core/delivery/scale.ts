/** A large delivery history: 100,000 merged PRs on a linear history, deployed in batches. */
import type { DeliveryInput } from "../../../src/core/delivery/index.js";
import { BASE, DAY, deployment, HOUR, incident, MINUTE, pullRequest } from "./builders.js";

/** `prs` squash-merged PRs (one commit each on main), a deployment every `batch` of them. */
export function aLargeDeliveryHistory(prs = 100_000, batch = 20): DeliveryInput {
  const parents = new Map<string, string[]>();
  const times = new Map<string, number>();
  const pullRequests = [];
  const deployments = [];
  const incidents = [];
  const reviewer = { login: "bob", email: null };
  for (let i = 1; i <= prs; i++) {
    const sha = `m${i}`;
    const mergedAt = BASE + i * 10 * MINUTE;
    parents.set(sha, i === 1 ? [] : [`m${i - 1}`]);
    times.set(sha, mergedAt);
    pullRequests.push(
      pullRequest(`pr${i}`, {
        createdAt: mergedAt - DAY,
        mergedAt,
        mergeCommitSha: sha,
        labels: i % 50 === 0 ? ["hotfix"] : [],
        commits: [{ sha: `b${i}`, authoredAt: mergedAt - 2 * DAY, author: null }],
        reviews: [
          { id: `r${i}`, author: reviewer, state: "APPROVED", submittedAt: mergedAt - HOUR },
        ],
        comments: [],
      }),
    );
    if (i % batch === 0) {
      deployments.push(deployment(`d${i}`, sha, mergedAt + 30 * MINUTE));
      if (i % (batch * 10) === 0)
        incidents.push(incident(`i${i}`, mergedAt + HOUR, mergedAt + 3 * HOUR));
    }
  }
  return {
    deployments,
    pullRequests,
    incidents,
    ancestry: { parents: (sha) => parents.get(sha), committedAt: (sha) => times.get(sha) },
  };
}
