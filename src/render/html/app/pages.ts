/**
 * The dashboard's other pages: What if, Flow and delivery, Decisions, Teams and Me. Each takes the
 * report objects of the API (the CLI's `--json` shapes) and returns a {@link Page}; none computes a
 * figure of its own beyond sums of what the reports hold.
 */
import type { AreaChange } from "../../../app/dashboard-figures.js";
import { truckFactorChange } from "../../../app/dashboard-figures.js";
import type { DecisionReport } from "../../../app/decisions.js";
import type { FlowReport } from "../../../app/flow.js";
import type { KnowledgeReport } from "../../../app/report-types.js";
import type { ReviewReport } from "../../../app/review.js";
import type { WeeksReport } from "../../../app/review-headlines.js";
import type { LeaderViewReport } from "../../../app/run/impact.js";
import type { WhatifReport } from "../../../app/whatif.js";
import type { DeliveryUniverse, DoraReport, Figure } from "../../../core/delivery/index.js";
import type { ImpactPacket } from "../../../core/impact/index.js";
import { describeDeliveryUniverse } from "../../delivery.js";
import { percent, plural } from "../../format.js";
import { impactMarkdown } from "../../impact.js";
import type { ChartSpec } from "../charts.js";
import { html, type Markup } from "../markup.js";
import { areasHref } from "./areas.js";
import { chartGroup, type Page } from "./layout.js";
import { type Tile, treemapSvg } from "./treemap.js";

const BLUE = "#1d4ed8";
const ORANGE = "#c2570c";
const GREY = "#9aa5b1";

// ---------------------------------------------------------------------------------------------
// What if

export interface WhatifInput {
  people: { id: string; name: string }[];
  leave: string[];
  result: { whatif: WhatifReport; areas: AreaChange[] } | null;
  error: string | null;
  knowledge: KnowledgeReport;
}

export function whatifPage(input: WhatifInput): Page {
  const chosen = new Set(input.leave);
  const form = html`<form method="get" action="/whatif" id="whatif-form">
<fieldset><legend>Who leaves? Tick people, then simulate. Active authors, by name.</legend>
${input.people.map(
  (p, i) =>
    html`<label><input type="checkbox" name="leave" value="${p.id}" id="leave-${i}"${chosen.has(p.id) ? html` checked` : ""}> ${p.name}</label>\n`,
)}</fieldset>
<button type="submit">Simulate departure</button>
</form>\n`;
  const many = input.knowledge.repositories.length > 1;
  let result: Markup | "" = "";
  if (input.error) result = html`<p class="caveat" role="alert">${input.error}</p>`;
  else if (input.result) {
    const { whatif, areas } = input.result;
    // Top-level directories: they partition the files (components overlap them, so they are left
    // to the table below).
    const top = areas.filter(
      (a) => a.area !== "." && !a.area.includes("/") && !a.area.startsWith("component:"),
    );
    const tiles: Tile[] = top.map((a) => {
      const change = truckFactorChange(a.truckFactorBefore, a.truckFactorAfter);
      return {
        label: many ? `${a.repository}: ${a.area}` : a.area,
        detail: `TF ${a.truckFactorBefore} → ${a.truckFactorAfter}${change ? ` (${change})` : ""}`,
        value: a.files,
        status: a.statusAfter,
        href: areasHref(a.repository, a.area),
      };
    });
    const changed = areas.filter(
      (a) => a.truckFactorAfter !== a.truckFactorBefore || a.statusAfter !== a.statusBefore,
    );
    result = html`<h2 id="whatif-result">If ${whatif.leaving.map((p) => p.name).join(", ")} left</h2>
${whatif.repositories.map((r) => {
  const change = truckFactorChange(r.truckFactorBefore, r.truckFactorAfter);
  return html`<p class="lead">${many ? html`<strong>${r.name}</strong>: ` : ""}truck factor ${r.truckFactorBefore} → ${r.truckFactorAfter}${change ? html` <span class="change">(${change})</span>` : ""}; files orphaned ${percent(r.filesScored === 0 ? 0 : r.filesOrphanedBefore / r.filesScored)} → <strong class="share-orphaned">${percent(r.shareOrphanedAfter)}</strong> (${r.filesOrphanedAfter} of ${plural(r.filesScored, "scored file")}).</p>\n`;
})}${treemapSvg(tiles, "Top-level areas recoloured by their status after the departure")}
<h3>Areas whose truck factor or status changes</h3>
${
  changed.length === 0
    ? html`<p>No area changes: everyone ticked either authors nothing still counted or shares every area with others.</p>`
    : html`<table class="whatif"><thead><tr><th>Area</th><th class="num">TF before</th><th class="num">TF after</th><th>Change</th><th>Status</th></tr></thead><tbody>
${changed.map(
  (a) =>
    html`<tr><td data-label="Area">${many || a.area === "." ? `${a.repository}: ` : ""}${a.area === "." ? "whole repository" : a.area}</td><td class="num" data-label="TF before">${a.truckFactorBefore}</td><td class="num" data-label="TF after">${a.truckFactorAfter}</td><td data-label="Change" class="change">${truckFactorChange(a.truckFactorBefore, a.truckFactorAfter) || "="}</td><td data-label="Status">${a.statusBefore} → <span class="swatch s-${a.statusAfter}"></span>${a.statusAfter}</td></tr>\n`,
)}</tbody></table>`
}
<h3>Areas that would lose every active author</h3>
${
  whatif.repositories.every((r) => r.areasLosingAllAuthors.length === 0)
    ? html`<p>None.</p>`
    : html`<ul>${whatif.repositories.flatMap((r) =>
        r.areasLosingAllAuthors.map(
          (a) => html`<li>${many ? `${r.name}: ` : ""}${a.label} (${plural(a.files, "file")})</li>`,
        ),
      )}</ul>`
}
<p class="universe">Rests on the knowledge analysis as of ${input.knowledge.asOf.date.slice(0, 10)}: ${input.knowledge.repositories.map((r) => `${r.name}: ${r.universe.filesScored} scored files, ${r.universe.activePeople} active people`).join("; ")}. People already former count as gone before and after.</p>\n`;
  }
  const body = html`<h1>What if people left?</h1>
<p class="lead">Tick people to see which areas would lose their authors: areas recolour by their status after the departure, with the change in truck factor ("−1", "→ 0") and the share of files left without an active author. A simulation of risk to areas, not a judgment of anyone.</p>
${form}${result}`;
  return { title: "What if", body, charts: [], data: [] };
}

// ---------------------------------------------------------------------------------------------
// Flow and delivery

export interface FlowInput {
  flow: FlowReport;
  dora: DoraReport & { notes: string[] };
  doraWeeks: (DoraReport & { notes: string[]; weekEnding: string })[];
  hasRecords: boolean;
}

function hours(v: number | null): string {
  return v === null ? "—" : `${v.toFixed(1)} h`;
}

function figureValue(f: Figure): string {
  if (f.value === null) return "unknown";
  if (f.unit === "ratio") return percent(f.value);
  if (f.unit === "minutes")
    return f.value >= 2880
      ? `${(f.value / 1440).toFixed(1)} days`
      : `${(f.value / 60).toFixed(1)} h`;
  return `${f.value.toFixed(f.value < 10 ? 1 : 0)} ${f.unit}`;
}

function restsOn(f: Figure): string {
  return [
    f.reason ?? "",
    describeDeliveryUniverse("deployments", f.universe.deployments),
    describeDeliveryUniverse("pull requests", f.universe.pullRequests),
    describeDeliveryUniverse("incidents", f.universe.incidents),
    describeDeliveryUniverse("deployment × commit pairs", f.universe.commits),
  ]
    .filter((s) => s !== "")
    .join("; ");
}

export function flowPage(input: FlowInput): Page {
  const { flow, dora } = input;
  const who = new Map(flow.holders.map((p) => [p.id, p.name]));
  const figures: [string, Figure][] = [
    ["Deployment frequency", dora.deploymentFrequency],
    ["Lead time for changes", dora.leadTime],
    ["Change failure rate", dora.changeFailureRate],
    ["Failed deployment recovery time", dora.recoveryTime],
    ["Rework rate", dora.reworkRate],
  ];
  const labels = input.doraWeeks.map((w) => w.weekEnding);
  const charts: ChartSpec[] = input.hasRecords
    ? [
        {
          id: "chart-deployments-weeks",
          title: "Deployments counted, week by week",
          unit: "deployments",
          horizontal: false,
          labels,
          datasets: [
            {
              label: "Deployments",
              data: input.doraWeeks.map((w) => w.deploymentFrequency.detail.deployments),
              color: BLUE,
            },
          ],
        },
        {
          id: "chart-lead-time-weeks",
          title: "Lead time for changes (median), week by week",
          unit: "hours",
          horizontal: false,
          type: "line",
          labels,
          datasets: [
            {
              label: "Lead time",
              data: input.doraWeeks.map((w) =>
                w.leadTime.value === null ? null : Math.round((w.leadTime.value / 60) * 10) / 10,
              ),
              color: ORANGE,
            },
          ],
        },
      ]
    : [];
  const f = flow.friction;
  const body = html`<h1>Flow and delivery</h1>
<p class="lead">${flow.period.since.slice(0, 10)} to ${flow.period.until.slice(0, 10)}. Where work waits, and the DORA figures with their bands and what each rests on.</p>
${input.hasRecords ? "" : html`<p class="missing">No pull requests, deployments or incidents imported: import them with <code>legible import</code> or <code>legible fetch github</code>.</p>`}
<section id="dora"><h2>DORA figures</h2>
<p class="note">${dora.mode} mode; bands of the ${dora.reportYear} report. Production environment: ${dora.settings.environment}.</p>
<table class="dora"><thead><tr><th>Metric</th><th>Value</th><th>Band</th><th>Rests on</th></tr></thead><tbody>
${figures.map(([name, fig]) => html`<tr><td data-label="Metric">${name}</td><td data-label="Value">${figureValue(fig)}</td><td data-label="Band">${fig.band ?? "not banded"}</td><td data-label="Rests on">${restsOn(fig)}</td></tr>\n`)}</tbody></table>
${dora.notes.map((n) => html`<p class="note">${n}</p>`)}
${chartGroup(charts)}</section>
<section id="friction"><h2>Where work waits, by area</h2>
<p class="universe">Rests on ${describeDeliveryUniverse("pull requests", f.universe.pullRequests as DeliveryUniverse)}; ${describeDeliveryUniverse("reviews", f.universe.reviews as DeliveryUniverse)}.</p>
${
  f.areas.length === 0
    ? html`<p>No merged pull request in the period.</p>`
    : html`<table class="waits"><thead><tr><th>Area</th><th class="num">PRs</th><th class="num">Pickup (median)</th><th class="num">Review (median)</th><th class="num">Reviewers</th><th>Risk</th></tr></thead><tbody>
${f.areas.map((a) => html`<tr><td data-label="Area">${a.area}</td><td class="num" data-label="PRs">${a.pullRequests}</td><td class="num" data-label="Pickup (median)">${hours(a.pickupMedianHours)}</td><td class="num" data-label="Review (median)">${hours(a.reviewMedianHours)}</td><td class="num" data-label="Reviewers">${a.distinctReviewers}</td><td data-label="Risk">${[a.waitsForOnePerson ? `${a.waitsForOnePerson.risk} (${who.get(a.waitsForOnePerson.holder) ?? a.waitsForOnePerson.holder})` : "", a.explanation ?? ""].filter(Boolean).join("; ")}</td></tr>\n`)}</tbody></table>`
}
<h3>Friction against the previous period</h3>
${
  flow.trend.areas.filter((a) => a.change !== "none").length === 0
    ? html`<p>No area changed class.</p>`
    : html`<ul>${flow.trend.areas
        .filter((a) => a.change !== "none")
        .map((a) => html`<li><strong>${a.area}</strong>: ${a.change} — ${a.reason}</li>`)}</ul>`
}
<h3>By team</h3>
${
  f.teams.length === 0
    ? html`<p>No team roster: configure <code>teams</code> in legible.yaml.</p>`
    : html`<table class="team-waits"><thead><tr><th>Team</th><th class="num">People</th><th class="num">PRs</th><th class="num">Pickup</th><th class="num">Review</th></tr></thead><tbody>
${f.teams.map((t) => (t.withheld === null ? html`<tr><td data-label="Team">${t.team}</td><td class="num" data-label="People">${t.people}</td><td class="num" data-label="PRs">${t.pullRequests}</td><td class="num" data-label="Pickup">${hours(t.pickupMedianHours)}</td><td class="num" data-label="Review">${hours(t.reviewMedianHours)}</td></tr>\n` : html`<tr><td data-label="Team">${t.team}</td><td colspan="4">withheld: ${t.withheld}</td></tr>\n`))}</tbody></table>`
}</section>
<section id="incidents"><h2>Incidents</h2>
${(() => {
  const o = flow.incidents.overall;
  return html`<p>${plural(o.incidents, "incident")}; median time to restore ${hours(o.restoreMedianHours)}; responder concentration ${o.responderConcentration === null ? "—" : percent(o.responderConcentration)}${o.heroics ? `; ${o.heroics.risk} (${who.get(o.heroics.holder) ?? o.heroics.holder}, ${percent(o.heroics.share)} of ${o.heroics.incidents})` : ""}.</p>`;
})()}
${
  flow.incidents.services.length === 0
    ? ""
    : html`<table class="services"><thead><tr><th>Service</th><th class="num">Incidents</th><th class="num">Restore (median)</th><th>Risk</th></tr></thead><tbody>
${flow.incidents.services.map((s) => html`<tr><td data-label="Service">${s.service}</td><td class="num" data-label="Incidents">${s.incidents}</td><td class="num" data-label="Restore (median)">${hours(s.restoreMedianHours)}</td><td data-label="Risk">${s.heroics ? `${s.heroics.risk} (${who.get(s.heroics.holder) ?? s.heroics.holder})` : ""}</td></tr>\n`)}</tbody></table>`
}
${flow.notes.map((n) => html`<p class="note">${n}</p>`)}</section>\n`;
  return { title: "Flow and delivery", body, charts, data: [] };
}

// ---------------------------------------------------------------------------------------------
// Decisions

export function decisionsPage(
  decisions: DecisionReport,
  review: ReviewReport,
  options: { pseudonymous: boolean } = { pseudonymous: false },
): Page {
  // Under privacy.people: pseudonymous, the records' own names stay out of this leader view too.
  const makers = (names: string[]) =>
    names.length === 0
      ? "not recorded"
      : options.pseudonymous
        ? `${names.length} named in the record`
        : names.join(", ");
  const many = decisions.repositories.length > 1;
  const without = review.trappedKnowledge.now.filter((a) => a.decisions.length === 0);
  const body = html`<h1>Decisions</h1>
<p class="lead">The decision log of every repository, with supersession both ways, and the concentrated areas whose judgment no record holds.</p>
<section id="log"><h2>Decision log</h2>
${decisions.repositories.map(
  (r) =>
    html`${many ? html`<h3>${r.name}</h3>` : ""}${
      r.decisions.length === 0
        ? html`<p>No decision records found (looked in: ${r.lookedIn.join(", ")}).</p>`
        : html`<table class="decisions"><thead><tr><th>Record</th><th>Status</th><th>Date</th><th>Decided by</th><th>Supersession</th></tr></thead><tbody>
${r.decisions.map(
  (d) =>
    html`<tr id="${`decision-${r.name}-${d.id}`}"><td data-label="Record"><strong>${d.title}</strong><br><code>${d.path}</code></td><td data-label="Status">${d.status}</td><td data-label="Date">${d.date ?? "—"}${d.dateSource === "git" ? " (from git)" : ""}</td><td data-label="Decided by">${makers(d.decisionMakers)}${d.decisionMakersSource === "git" ? " (from git: wrote the record)" : ""}</td><td data-label="Supersession">${
      [
        d.supersedes.length ? `supersedes ${d.supersedes.join(", ")}` : "",
        d.supersededBy.length ? `superseded by ${d.supersededBy.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; ") || "—"
    }</td></tr>\n`,
)}</tbody></table>`
    }`,
)}</section>
<section id="without-record"><h2>Concentrated areas without a decision record</h2>
<p class="note">Knowledge islands and orphaned areas at the end of the review period that no accepted record is about: their judgment lives only in people.</p>
${
  without.length === 0
    ? html`<p>None: every concentrated area has at least one record, or no area is concentrated.</p>`
    : html`<ul>${without.map((a) => html`<li><a href="${areasHref(a.repository, a.area)}">${many ? `${a.repository}: ` : ""}${a.area}</a> — ${a.status}, truck factor ${a.truckFactor}</li>`)}</ul>`
}</section>\n`;
  return { title: "Decisions", body, charts: [], data: [] };
}

// ---------------------------------------------------------------------------------------------
// Teams

export function teamsPage(
  review: ReviewReport,
  weeks: WeeksReport,
  flow: FlowReport,
  minGroupSize: number,
): Page {
  const teams = review.capability.teams;
  const shown = teams.filter((t) => t.withheld === null);
  const labels = weeks.weeks.map((w) => w.until.slice(0, 10));
  const series = (pick: "concentratedAreas" | "exitPathsWorking") =>
    shown.map((team, i) => ({
      label: team.team,
      data: weeks.weeks.map((w) => w.teams.find((t) => t.team === team.team)?.[pick] ?? null),
      color: [BLUE, ORANGE, GREY, "#15803d", "#7c3aed", "#be185d"][i % 6]!,
    }));
  const charts: ChartSpec[] =
    shown.length === 0
      ? []
      : [
          {
            id: "chart-team-ownership",
            title: "Concentrated areas each team owns, week by week",
            unit: "areas",
            horizontal: false,
            type: "line",
            labels,
            datasets: series("concentratedAreas"),
          },
          {
            id: "chart-team-capability",
            title: "Exit paths working in each team's areas, week by week",
            unit: "areas",
            horizontal: false,
            type: "line",
            labels,
            datasets: series("exitPathsWorking"),
          },
        ];
  const body = html`<h1>Teams</h1>
<p class="lead">Per-team aggregates, only for groups of at least ${minGroupSize} active people (privacy.minGroupSize); smaller teams are folded together or withheld. No individual figures.</p>
${
  review.capability.missing
    ? html`<p class="missing">Not answered: needs ${review.capability.missing.needs}. ${review.capability.missing.howToProvide}</p>`
    : html`<table class="teams"><thead><tr><th>Team</th><th class="num">Active people</th><th class="num">Concentrated areas owned</th><th class="num">Exit paths working</th><th class="num">Capability contributions</th><th>Knowledge spreading in</th></tr></thead><tbody>
${teams.map((t) =>
  t.withheld === null
    ? html`<tr><td data-label="Team">${t.team}</td><td class="num" data-label="Active people">${t.people}</td><td class="num" data-label="Concentrated areas owned">${t.concentratedAreas}</td><td class="num" data-label="Exit paths working">${t.exitPathsWorking}</td><td class="num" data-label="Capability contributions">${t.capabilityContributions}</td><td data-label="Knowledge spreading in">${t.spreading.join(", ") || "—"}</td></tr>\n`
    : html`<tr><td data-label="Team">${t.team}</td><td colspan="5">withheld: ${t.withheld}</td></tr>\n`,
)}</tbody></table>`
}
${chartGroup(charts)}
<h2>Review waits by team</h2>
<p class="note">From <code>legible flow</code> over the last ${plural(flowDays(flow), "day")}: a team's figures are shown only when at least ${minGroupSize} people took part in its pull requests, otherwise withheld.</p>
${
  flow.friction.teams.length === 0
    ? html`<p>No team figures (no roster, or no pull requests imported).</p>`
    : html`<ul>${flow.friction.teams.map((t) => html`<li>${t.team}: ${t.withheld === null ? `${plural(t.pullRequests, "pull request")}, pickup ${hours(t.pickupMedianHours)}, review ${hours(t.reviewMedianHours)}` : `withheld: ${t.withheld}`}</li>`)}</ul>`
}\n`;
  return { title: "Teams", body, charts, data: [] };
}

function flowDays(flow: FlowReport): number {
  return Math.round((Date.parse(flow.period.until) - Date.parse(flow.period.since)) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------
// Me

export function mePage(me: { packet: ImpactPacket; leaderViews: LeaderViewReport }): Page {
  const seen = me.leaderViews;
  const body = html`<h1>Me: ${seen.person.name}</h1>
<p class="lead">Shown only on this machine (<code>legible serve --me</code>). What leader views say about you, exactly, and your impact packet.</p>
<section id="leader-views"><h2>What leader views say about me</h2>
<p class="note">The review of ${seen.period.since.slice(0, 10)} to ${seen.period.until.slice(0, 10)}, its knowledge and flow views.</p>
${
  seen.leaderViews.length === 0
    ? html`<p>Nothing: you hold none of the risks they report.</p>`
    : html`${seen.leaderViews[0]!.person.name !== seen.person.name ? html`<p>Leader views show you as <strong>${seen.leaderViews[0]!.person.name}</strong>.</p>` : ""}<ul>${seen.leaderViews.map((f) => html`<li>${f.view}: ${f.text}</li>`)}</ul>`
}</section>
<section id="packet"><h2>My impact packet</h2>
<pre class="text">${impactMarkdown(me.packet, "packet")}</pre></section>\n`;
  return { title: "Me", body, charts: [], data: [] };
}

/** A page saying the input it needs (a run function refused, or the page is not available). */
export function messagePage(title: string, message: string): Page {
  return {
    title,
    body: html`<h1>${title}</h1><p class="missing">${message}</p>`,
    charts: [],
    data: [],
  };
}
