/**
 * What each import format reads, as short Markdown for the README and `--help`. Keyed by
 * `<kind>/<format>`; {@link sampleFormatsMarkdown} joins them into one section.
 */
export const sampleFormats: Readonly<Record<string, string>> = {
  "prs/github": `**\`github\`** — GitHub REST pull requests: a JSON array of \`GET /repos/{owner}/{repo}/pulls?state=all\` items (also NDJSON, or \`gh api --paginate\` pages back to back), each optionally with its related lists embedded (the bundle \`legible fetch github\` writes); also a single pull request (\`GET …/pulls/{n}\`) or a webhook \`pull_request\` event (\`{ action, pull_request, repository }\`), where \`commits\`, \`comments\` and \`review_comments\` are counts.
- Pull: \`number\`\\*, \`created_at\`\\*, \`title\`, \`user.login\`, \`state\`, \`merged_at\`, \`closed_at\`, \`merge_commit_sha\` (used only when merged), \`base.ref\`, \`head.ref\`, \`labels[].name\`; repository from \`base.repo.full_name\` or \`url\`, else the default.
- \`reviews[]\` (\`GET …/pulls/{n}/reviews\`): \`id\`, \`user.login\`, \`state\`, \`submitted_at\` (pending reviews skipped).
- \`commits[]\` (\`GET …/pulls/{n}/commits\`): \`sha\`, \`commit.author.{name,email,date}\`, \`author.login\`.
- \`comments[]\` (\`GET …/issues/{n}/comments\`) and \`review_comments[]\` (\`GET …/pulls/{n}/comments\`): \`id\`, \`user.login\`, \`created_at\`.`,
  "prs/gh-cli": `**\`gh-cli\`** — the output of \`gh pr list --state all --json number,title,author,createdAt,mergedAt,closedAt,state,mergeCommit,baseRefName,headRefName,labels,reviews,commits,comments,url\`.
- \`number\`\\*, \`createdAt\`\\*, \`title\`, \`author.login\` (gh's \`app/<name>\` bots read as \`<name>[bot]\`), \`state\`, \`mergedAt\`, \`closedAt\`, \`mergeCommit.oid\`, \`baseRefName\`, \`headRefName\`, \`labels[].name\`; repository from \`url\`, else the default.
- \`reviews[]\` (else \`latestReviews[]\`): \`id\`, \`author.login\`, \`state\`, \`submittedAt\`.
- \`commits[]\`: \`oid\`, \`authoredDate\`, first of \`authors[].{login,name,email}\`.
- \`comments[]\`: \`id\`, \`author.login\`, \`createdAt\`.
- gh fetches at most 100 reviews, commits and comments per pull request.`,
  "prs/gitlab": `**\`gitlab\`** — GitLab merge requests: a JSON array of \`GET /projects/:id/merge_requests\` items.
- \`iid\`\\*, \`created_at\`\\*, \`title\`, \`author.username\`, \`state\` (opened, closed, merged, locked), \`merged_at\`, \`closed_at\`, \`merge_commit_sha\` (else \`squash_commit_sha\`, else \`sha\` for a fast-forward merge), \`source_branch\`, \`target_branch\`, \`labels\`; repository from \`references.full\` or \`web_url\`, else the default.
- \`notes[]\` or \`discussions[].notes[]\` (\`id\`, \`author.username\`, \`created_at\`, \`system\`, \`body\`): user notes are comments; the system note "approved this merge request" is an approval; \`approved_by[].user.username\` (\`GET …/approvals\`, as \`legible fetch gitlab\` embeds it) adds approvers with no such note, at the merge (else \`updated_at\`).
- \`commits[]\`: \`id\`, \`authored_date\`, \`author_name\`, \`author_email\`.`,
  "deployments/csv": `**\`csv\`** — deployments, one per line, with a header. Columns (rename with the column map): \`commit_sha\`\\*, \`finished_at\`\\*, \`repository\` (\\* without a default), \`id\` (default: environment, commit and finish time), \`environment\` (default production), \`result\` (success, failure, error, cancelled, in_progress, unknown, and synonyms such as failed; default success), \`started_at\`, \`name\`.`,
  "deployments/github-deployments": `**\`github-deployments\`** — a JSON array of \`GET /repos/{owner}/{repo}/deployments\` items, each with \`statuses\` (\`GET …/deployments/{id}/statuses\`) embedded.
- \`id\`\\*, \`sha\`\\*, \`environment\`, \`ref\` (as the name when it is not the SHA), \`created_at\` (start), repository from \`repository_url\` or \`url\`.
- \`statuses[]\`\\*: \`state\`, \`created_at\`. The latest status other than \`inactive\` gives the result and the finish time.`,
  "deployments/github-releases": `**\`github-releases\`** — a JSON array of \`GET /repos/{owner}/{repo}/releases\` items: each published release is a successful deployment to production (or the configured environment).
- \`id\`\\*, \`tag_name\`\\* (the name), \`published_at\`\\* (the finish), \`draft\` (drafts are skipped), \`target_commitish\` (the commit when it is a SHA; usually it is a branch, and the commit is the tag's, read from the scanned repository of the release's name — \`repositories\` in legible.yaml, by configured name or origin remote — else from the clone the import runs in), repository from \`url\` or \`html_url\`, else \`--repository\`.`,
  "deployments/gitlab-deployments": `**\`gitlab-deployments\`** — a JSON array of GitLab's \`GET /projects/:id/deployments\` items.
- \`id\`\\*, \`sha\`\\*, \`status\`\\* (success; failed → failure; canceled and skipped → cancelled; created, running, blocked → in progress), \`environment.name\`, \`ref\` (the name), \`created_at\`, \`updated_at\`; the deploying job \`deployable\`: \`started_at\` (else its \`created_at\`), \`finished_at\` (else the deployment's \`updated_at\`); project from \`deployable.pipeline.web_url\`, else the default.`,
  "incidents/csv": `**\`csv\`** — incidents, one per line, with a header. Columns (rename with the column map): \`id\`\\*, \`created_at\`\\*, \`title\`, \`resolved_at\` (empty: unresolved), \`service\`, \`severity\`, \`responders\` (separated by \`;\`: logins, names, emails or \`Name <email>\`), \`repository\`.`,
  "incidents/pagerduty": `**\`pagerduty\`** — \`GET /incidents\` output (\`{ "incidents": [...] }\`, pages of it, or an array).
- \`id\`\\*, \`created_at\`\\*, \`title\`, \`status\`, \`resolved_at\` (else \`last_status_change_at\` when resolved), \`service.summary\`, \`priority.summary\` (else \`urgency\`) as severity.
- Responders (users only): \`acknowledgements[].acknowledger\`, \`assignments[].assignee\`, \`last_status_change_by\` when resolved, and embedded \`log_entries[]\` (acknowledge, assign, resolve), by \`summary\` and \`email\`. PagerDuty empties assignments and acknowledgements once an incident is resolved.`,
  "incidents/opsgenie": `**\`opsgenie\`** — alerts (\`GET /v2/alerts\`) and incidents (Incident API, \`GET /v1/incidents\`): \`{ "data": [...] }\`, pages of it, or an array; each record is read as the kind its fields say (incidents have \`impactedServices\`, \`ownerTeam\`, \`extraProperties\`; alerts \`alias\`, \`acknowledged\`, \`isSeen\`, \`report\`), and one whose fields or status do not fit that kind is kept with a warning.
- Both: \`id\` (else \`tinyId\`)\\*, \`createdAt\`\\*, \`message\` (title), \`status\`, \`priority\` (severity).
- Alerts: resolved at \`createdAt\` + \`report.closeTime\` ms, else \`updatedAt\`, when closed; service \`service\`, else a \`service:<name>\` tag, else \`entity\`; responders \`report.acknowledgedBy\`, \`owner\`, \`report.closedBy\`, \`responders[]\` of type user.
- Incidents: resolved (status resolved or closed) at the resolving entry of an embedded \`timeline\` (\`GET /v2/incident-timelines/:id/entries\`: \`eventTime\`, \`type\`, \`actor.{name,type}\`), else \`impactEndDate\`, else \`updatedAt\`; service the first of \`impactedServices\` (its \`name\`, else the id); responders: \`responders[]\` of type user with a name, then the users acting in the timeline.`,
};

/** All formats as one Markdown section: a heading per kind, a paragraph per format. */
export function sampleFormatsMarkdown(): string {
  const titles: Record<string, string> = {
    prs: "Pull requests (`legible import prs`)",
    deployments: "Deployments (`legible import deployments`)",
    incidents: "Incidents (`legible import incidents`)",
  };
  const sections: string[] = [];
  for (const [kind, title] of Object.entries(titles)) {
    const formats = Object.entries(sampleFormats)
      .filter(([key]) => key.startsWith(`${kind}/`))
      .map(([, text]) => text);
    sections.push([`### ${title}`, ...formats].join("\n\n"));
  }
  const note =
    "Fields marked \\* are required: a record without them is reported (file, line, reason) and skipped. Times are ISO 8601 with an offset, or `YYYY-MM-DD HH:MM:SS` in UTC.";
  return [...sections, note].join("\n\n");
}
