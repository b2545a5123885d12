import type { FlowReport } from "../app/flow.js";
import type { DeliveryUniverse, DoraReport, Figure } from "../core/delivery/index.js";
import { mdCell, percent } from "./format.js";
import { renderTable } from "./table.js";

type Doc = { kind: "table"; pretty: boolean } | { kind: "md" };

/**
 * One line on what a set of records rests on, as two separate breakdowns that each add up to the
 * total: counted plus each exclusion with its reason; then, when known, how many are linked to the
 * other side. ("94 of 132 pull requests counted, 3 not merged, 35 deployed outside the period;
 * 128 of 132 linked to a deployment".) Mixing the two in one list counts an unlinked record twice.
 */
export function describeDeliveryUniverse(
  name: string,
  u: DeliveryUniverse | undefined,
  linkedTo = "a deployment",
): string {
  if (!u) return "";
  const parts = [`${u.counted} of ${u.considered} ${name} counted`];
  for (const e of u.excluded) parts.push(`${e.count} ${e.reason}`);
  const line = parts.join(", ");
  if (u.linked === undefined || u.considered === 0) return line;
  return `${line}; ${u.linked} of ${u.considered} linked to ${linkedTo}`;
}

function value(figure: Figure): string {
  if (figure.value === null) return "unknown";
  if (figure.unit === "ratio") return percent(figure.value);
  if (figure.unit === "minutes") return hoursOrDays(figure.value * 60);
  return `${figure.value.toFixed(figure.value < 10 ? 1 : 0)} ${figure.unit}`;
}

/** The band, or "not banded": the row's first "rests on" words say why. */
function band(figure: Figure): string {
  return figure.band ?? "not banded";
}

function hoursOrDays(seconds: number): string {
  const hours = seconds / 3600;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

/** `legible dora` as a table or Markdown: each figure with its band, method and universe. */
export function renderDora(report: DoraReport & { notes: string[] }, doc: Doc): string {
  const since = new Date(report.period.since * 1000).toISOString().slice(0, 10);
  const until = new Date(report.period.until * 1000).toISOString().slice(0, 10);
  const rows: [string, Figure][] = [
    ["Deployment frequency", report.deploymentFrequency],
    ["Lead time for changes", report.leadTime],
    ["Change failure rate", report.changeFailureRate],
    ["Failed deployment recovery time", report.recoveryTime],
    ["Rework rate", report.reworkRate],
  ];
  const restsOn = (f: Figure) =>
    [
      f.reason ?? "",
      describeDeliveryUniverse("deployments", f.universe.deployments),
      describeDeliveryUniverse("pull requests", f.universe.pullRequests),
      describeDeliveryUniverse("incidents", f.universe.incidents),
      describeDeliveryUniverse("deployment × commit pairs", f.universe.commits),
    ]
      .filter((s) => s !== "")
      .join("; ");
  const title = `DORA metrics, ${since} to ${until} (${report.mode} mode; bands of the ${report.reportYear} report)`;
  if (doc.kind === "md") {
    const out = [
      `# ${title}`,
      "",
      "| Metric | Value | Band | How | Rests on |",
      "|---|---|---|---|---|",
    ];
    for (const [name, f] of rows)
      out.push(
        `| ${name} | ${value(f)} | ${band(f)} | ${mdCell(f.method)} | ${mdCell(restsOn(f))} |`,
      );
    for (const note of report.notes) out.push("", `> **Note:** ${note}`);
    return `${out.join("\n")}\n`;
  }
  const table = renderTable(
    ["METRIC", "VALUE", "BAND", "RESTS ON"],
    rows.map(([name, f]) => [name, value(f), band(f), restsOn(f)]),
    { pretty: doc.pretty },
  );
  return `${title}\n${table}${report.notes.map((n) => `note: ${n}\n`).join("")}`;
}

/** `legible flow` as a table or Markdown: waits per area, friction against the previous period, incidents. */
export function renderFlow(report: FlowReport, doc: Doc): string {
  const name = new Map(report.holders.map((p) => [p.id, p.name]));
  const who = (id: string | null | undefined) => (id ? (name.get(id) ?? id) : "");
  const h = (v: number | null) => (v === null ? "-" : v.toFixed(1));
  const out: string[] = [];
  const heading = (text: string) => out.push(doc.kind === "md" ? `## ${text}\n` : `${text}`);
  const table = (header: string[], rows: string[][]) => {
    if (doc.kind === "md") {
      out.push(
        `| ${header.join(" | ")} |`,
        `|${header.map(() => "---").join("|")}|`,
        ...rows.map((r) => `| ${r.map(mdCell).join(" | ")} |`),
        "",
      );
    } else out.push(renderTable(header, rows, { pretty: doc.pretty }));
  };
  const { friction, trend, incidents } = report;
  if (doc.kind === "md")
    out.push(
      `# Flow: ${report.period.since.slice(0, 10)} to ${report.period.until.slice(0, 10)}`,
      "",
    );
  heading("Where work waits (pull requests merged in the period, by area)");
  out.push(
    `Rests on ${describeDeliveryUniverse("pull requests", friction.universe.pullRequests as DeliveryUniverse)}; ${describeDeliveryUniverse("reviews", friction.universe.reviews as DeliveryUniverse)}.`,
    "",
  );
  table(
    [
      "AREA",
      "PRS",
      "PICKUP H (MEDIAN)",
      "REVIEW H (MEDIAN)",
      "REVIEWERS",
      "TOP REVIEWER SHARE",
      "RISK",
    ],
    friction.areas.map((a) => [
      a.area,
      String(a.pullRequests),
      h(a.pickupMedianHours),
      h(a.reviewMedianHours),
      String(a.distinctReviewers),
      a.topReviewerShare === null ? "-" : percent(a.topReviewerShare),
      [
        a.waitsForOnePerson
          ? `${a.waitsForOnePerson.risk} (${who(a.waitsForOnePerson.holder)})`
          : "",
        a.explanation ?? "",
      ]
        .filter(Boolean)
        .join("; "),
    ]),
  );
  if (friction.teams.length > 0) {
    heading("By team");
    table(
      ["TEAM", "PEOPLE", "PRS", "PICKUP H", "REVIEW H", "NOTE"],
      friction.teams.map((t) =>
        t.withheld === null
          ? [
              t.team,
              String(t.people),
              String(t.pullRequests),
              h(t.pickupMedianHours),
              h(t.reviewMedianHours),
              "",
            ]
          : [t.team, String(t.people), "-", "-", "-", `withheld: ${t.withheld}`],
      ),
    );
  }
  heading("Friction against the previous period");
  table(
    ["AREA", "CHANGE", "WHY"],
    trend.areas.filter((a) => a.change !== "none").map((a) => [a.area, a.change, a.reason]),
  );
  heading("Incidents");
  const o = incidents.overall;
  out.push(
    `${o.incidents} incidents; median time to restore ${h(o.restoreMedianHours)} h; responder concentration ${o.responderConcentration === null ? "-" : percent(o.responderConcentration)}${o.heroics ? `; ${o.heroics.risk} (${who(o.heroics.holder)}, ${percent(o.heroics.share)} of ${o.heroics.incidents})` : ""}.`,
    "",
  );
  table(
    ["SERVICE", "INCIDENTS", "RESTORE H (MEDIAN)", "CONCENTRATION", "RISK"],
    incidents.services.map((s) => [
      s.service,
      String(s.incidents),
      h(s.restoreMedianHours),
      s.responderConcentration === null ? "-" : percent(s.responderConcentration),
      s.heroics ? `${s.heroics.risk} (${who(s.heroics.holder)})` : "",
    ]),
  );
  for (const note of report.notes)
    out.push(doc.kind === "md" ? `> **Note:** ${note}\n` : `note: ${note}`);
  return `${out.join("\n").trimEnd()}\n`;
}
