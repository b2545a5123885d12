import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/core/decisions/index.js";
import { decisionLog, decisionMakersText } from "../../src/render/decision-log.js";

function aDecision(overrides: Partial<Decision> & Pick<Decision, "id">): Decision {
  return {
    number: null,
    title: overrides.id,
    status: "accepted",
    rawStatus: "Accepted",
    date: "2024-01-10",
    path: `docs/adr/${overrides.id}.md`,
    format: "nygard",
    supersedes: [],
    supersededBy: [],
    decisionMakers: [],
    decisionMakersSource: null,
    consulted: [],
    informed: [],
    participantFields: [],
    recordsParticipants: false,
    declaredAreas: [],
    mentions: [],
    tradeoff: {},
    statesTradeoff: false,
    warnings: [],
    ...overrides,
  };
}

const DECISIONS: Decision[] = [
  aDecision({
    id: "0001-use-mysql",
    number: 1,
    title: 'Use "MySQL" <8>',
    status: "superseded",
    date: "2023-11-02",
    supersededBy: ["0002-use-postgres"],
  }),
  aDecision({
    id: "0002-use-postgres",
    number: 2,
    title: "Use Postgres: the ledger; v16",
    date: "2024-01-10",
    decisionMakers: ["Ada Lovelace", "Grace Hopper"],
    supersedes: ["0001-use-mysql"],
    supersededBy: ["0003-use-cockroach"],
    status: "superseded",
    statesTradeoff: true,
  }),
  aDecision({
    id: "0003-use-cockroach",
    number: 3,
    title: "Use Cockroach | multi-region",
    date: "2024-01-28",
    supersedes: ["0002-use-postgres"],
    decisionMakers: ["Greta Holm"],
    decisionMakersSource: "git",
  }),
  aDecision({
    id: "20240301-adopt-flags",
    title: "Adopt feature flags",
    status: "proposed",
    date: null,
    warnings: [{ line: 3, message: "no Status section: expected '## Status'" }],
  }),
];

describe("decisionLog", () => {
  it("renders Markdown: index table, supersession flowchart, timeline by month, problems", () => {
    expect(decisionLog(DECISIONS, "md", {})).toBe(`# Decision log

4 decision records: 1 accepted, 1 proposed, 2 superseded; 1 states its tradeoff.

| ID | Title | Status | Date | Decision makers | States tradeoff |
|---|---|---|---|---|---|
| 0001-use-mysql | Use "MySQL" \\<8\\> | superseded | 2023-11-02 | — | no |
| 0002-use-postgres | Use Postgres: the ledger; v16 | superseded | 2024-01-10 | Ada Lovelace, Grace Hopper | yes |
| 0003-use-cockroach | Use Cockroach \\| multi-region | accepted | 2024-01-28 | Greta Holm (from git: wrote the record) | no |
| 20240301-adopt-flags | Adopt feature flags | proposed | — | — | no |

## Supersession chains

\`\`\`mermaid
flowchart LR
  d0["0001-use-mysql<br/>Use #quot;MySQL#quot; #60;8#62;<br/>superseded"]
  d1["0002-use-postgres<br/>Use Postgres: the ledger; v16<br/>superseded"]
  d2["0003-use-cockroach<br/>Use Cockroach | multi-region<br/>accepted"]
  d0 -- superseded by --> d1
  d1 -- superseded by --> d2
  classDef inactive fill:#f6f8fa,stroke:#8c959f,color:#57606a
  class d0,d1 inactive
\`\`\`

## Decisions over time

\`\`\`mermaid
timeline
  title Decisions over time
  2023-11 : 1. Use "MySQL" <8> (superseded)
  2024-01 : 2. Use Postgres#58; the ledger#59; v16 (superseded)
    : 3. Use Cockroach | multi-region (accepted)
\`\`\`

Not on the timeline (no date): 20240301-adopt-flags.

## Records with problems

- \`docs/adr/20240301-adopt-flags.md:3\`: no Status section: expected '## Status'
`);
  });

  it("marks decision-makers taken from git as who wrote the record", () => {
    const cases: Pick<Decision, "decisionMakers" | "decisionMakersSource">[] = [
      { decisionMakers: ["Ada Lovelace", "Grace Hopper"], decisionMakersSource: "record" },
      { decisionMakers: ["Greta Holm"], decisionMakersSource: "git" },
      { decisionMakers: [], decisionMakersSource: null },
    ];
    expect(cases.map(decisionMakersText)).toEqual([
      "Ada Lovelace, Grace Hopper",
      "Greta Holm (from git: wrote the record)",
      "",
    ]);
  });

  it("says so when no record supersedes another, and when there are no records", () => {
    const alone = decisionLog([aDecision({ id: "0001-a", title: "A" })], "md", { title: "Log" });
    expect(alone).toContain(
      "## Supersession chains\n\nNo record supersedes another.\n\n## Decisions",
    );
    expect(decisionLog([], "md", { title: "Payments decisions" })).toBe(
      "# Payments decisions\n\nNo decision records.\n",
    );
  });

  it("renders a self-contained HTML page: escaped table, Mermaid sources in <pre>, no scripts", () => {
    const page = decisionLog(DECISIONS.slice(0, 2), "html", { title: "Decisions <shop>" });
    const body = page.slice(page.indexOf("<body>"));
    expect(body).toBe(`<body>
<h1>Decisions &lt;shop&gt;</h1>
<p>2 decision records: 2 superseded; 1 states its tradeoff.</p>
<table>
<thead><tr><th>ID</th><th>Title</th><th>Status</th><th>Date</th><th>Decision makers</th><th>States tradeoff</th></tr></thead>
<tbody>
<tr class="status-superseded"><td>0001-use-mysql</td><td>Use &quot;MySQL&quot; &lt;8&gt;</td><td>superseded</td><td>2023-11-02</td><td>—</td><td>no</td></tr>
<tr class="status-superseded"><td>0002-use-postgres</td><td>Use Postgres: the ledger; v16</td><td>superseded</td><td>2024-01-10</td><td>Ada Lovelace, Grace Hopper</td><td>yes</td></tr>
</tbody>
</table>
<p class="note">The diagrams below are Mermaid sources: they render as diagrams where Mermaid is available (a Markdown viewer or documentation site that supports it) and read as text elsewhere. This page loads no scripts.</p>
<h2>Supersession chains</h2>
<pre class="mermaid">
flowchart LR
  d0[&quot;0001-use-mysql&lt;br/&gt;Use #quot;MySQL#quot; #60;8#62;&lt;br/&gt;superseded&quot;]
  d1[&quot;0002-use-postgres&lt;br/&gt;Use Postgres: the ledger; v16&lt;br/&gt;superseded&quot;]
  d2[&quot;0003-use-cockroach&lt;br/&gt;(not found)&quot;]
  d0 -- superseded by --&gt; d1
  d1 -- superseded by --&gt; d2
  classDef inactive fill:#f6f8fa,stroke:#8c959f,color:#57606a
  class d0,d1,d2 inactive
</pre>
<h2>Decisions over time</h2>
<pre class="mermaid">
timeline
  title Decisions over time
  2023-11 : 1. Use &quot;MySQL&quot; &lt;8&gt; (superseded)
  2024-01 : 2. Use Postgres#58; the ledger#59; v16 (superseded)
</pre>
</body>
</html>
`);
    expect(
      page.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(page).toContain("<title>Decisions &lt;shop&gt;</title>");
    expect(page).not.toMatch(/<script|<link|https?:|src=/i);
  });

  it("renders JSON as { version: 1, decisions }", () => {
    expect(JSON.parse(decisionLog(DECISIONS, "json", {}))).toEqual({
      version: 1,
      decisions: DECISIONS,
    });
    expect(decisionLog([], "json", {})).toBe('{\n  "version": 1,\n  "decisions": []\n}\n');
  });
});
