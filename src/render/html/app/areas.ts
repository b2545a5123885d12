/**
 * Areas: a treemap of the workspace (size: files; colour: knowledge status) that drills down
 * repository → area → files, each level a page of its own (`/areas?repo=…&area=…`), and a file's
 * authors and reviewers (`/areas/file?repo=…&path=…`). An area shows its truck factor over time
 * and its exit path. Every figure says what it rests on.
 */
import type { FileFacts, FilesReport } from "../../../app/dashboard-figures.js";
import type {
  AreaReport,
  KnowledgeReport,
  RepositoryKnowledge,
} from "../../../app/report-types.js";
import type { ReviewReport } from "../../../app/review.js";
import type { TrendReport } from "../../../app/trend.js";
import { percent, plural } from "../../format.js";
import { describeUniverse } from "../../universe.js";
import type { ChartSpec } from "../charts.js";
import { html, type Markup } from "../markup.js";
import { chartGroup, type Page } from "./layout.js";
import { STATUS_LABELS, type Tile, treemapSvg } from "./treemap.js";

export interface AreasInput {
  knowledge: KnowledgeReport;
  files: FilesReport;
  trend: TrendReport | null;
  review: ReviewReport;
}

const SHORT: Record<string, string> = {
  orphaned: "orphaned",
  "knowledge-island": "island",
  "at-risk": "at risk",
  shared: "shared",
  unknown: "no history",
};

export function areasHref(repo?: string, area?: string): string {
  const params = new URLSearchParams();
  if (repo !== undefined) params.set("repo", repo);
  if (area !== undefined && area !== ".") params.set("area", area);
  const query = params.toString();
  return query ? `/areas?${query}` : "/areas";
}

export function fileHref(repo: string, path: string): string {
  return `/areas/file?${new URLSearchParams({ repo, path }).toString()}`;
}

function parentOf(id: string): string {
  const slash = id.lastIndexOf("/");
  return slash < 0 ? "." : id.slice(0, slash);
}

function under(path: string, area: string): boolean {
  return area === "." || path.startsWith(`${area}/`);
}

function fileStatus(file: FileFacts): string {
  if (file.authors.length === 0) return "unknown";
  if (file.activeAuthors === 0) return "orphaned";
  return file.activeAuthors === 1 ? "knowledge-island" : "shared";
}

function areaTile(repo: string, area: AreaReport, label: string): Tile {
  return {
    label,
    detail: `TF ${area.truckFactor} · ${SHORT[area.status] ?? area.status}`,
    value: area.files,
    status: area.status,
    href: areasHref(repo, area.id),
  };
}

/** The page for one level of the drill-down. */
export function areasPage(
  input: AreasInput,
  query: { repo?: string; area?: string; status?: string },
): Page {
  if (query.status === "trapped") return trappedPage(input);
  const { knowledge } = input;
  if (query.repo === undefined) {
    const tiles = knowledge.repositories.map((r) => areaTile(r.name, r.whole, r.name));
    const body = html`<h1>Areas</h1>
<p class="lead">The workspace as a treemap: each tile's size is its scored files, its colour its knowledge status. Select a repository to go down to its areas, then to files, then to a file's authors and reviewers. As of ${knowledge.asOf.date.slice(0, 10)}; people without a commit in the last ${plural(knowledge.activeDays, "day")} count as former.</p>
${treemapSvg(tiles, "Repositories by files and knowledge status")}
${tileTable("Repositories", tiles)}
${knowledge.repositories.map((r) => html`<p class="universe">${knowledge.repositories.length > 1 ? `${r.name}: ` : ""}${describeUniverse(r.universe)}</p>\n`)}`;
    return { title: "Areas", body, charts: [], data: [] };
  }
  const repository = knowledge.repositories.find((r) => r.name === query.repo);
  if (!repository) return notFound(`No repository named ${query.repo} in this workspace.`);
  const areaId = query.area ?? ".";
  const area =
    areaId === "."
      ? repository.whole
      : repository.areas.find((a) => a.kind === "directory" && a.id === areaId);
  if (!area) return notFound(`No area ${areaId} in ${repository.name}.`);
  const files = input.files.repositories.find((r) => r.name === repository.name)?.files ?? [];
  const directories = repository.areas.filter((a) => a.kind === "directory");
  const children = directories.filter((a) => parentOf(a.id) === areaId);
  const inArea = files.filter((f) => under(f.path, areaId));
  const direct = inArea.filter((f) => !children.some((c) => under(f.path, c.id)));
  const prefix = areaId === "." ? "" : `${areaId}/`;
  const tiles: Tile[] = [
    ...children.map((c) => areaTile(repository.name, c, c.id.slice(prefix.length))),
    ...direct.map((f) => ({
      label: f.path.slice(prefix.length),
      detail: `${plural(f.activeAuthors, "active author")}`,
      value: 1,
      status: fileStatus(f),
      href: fileHref(repository.name, f.path),
    })),
  ];
  const title = areaId === "." ? repository.name : `${repository.name}: ${areaId}`;
  const trend = trendChart(input.trend, repository.name, areaId);
  const body = html`${crumbs(repository.name, areaId)}<h1>${title}</h1>
${summary(repository, area)}
${treemapSvg(tiles, `${title}: areas and files by knowledge status`)}
${tileTable(`Inside ${title}`, tiles)}
<h2>Truck factor over time</h2>
${trend ? chartGroup([trend]) : ""}${trendTable(input.trend, repository.name, areaId)}
<h2>Exit path</h2>
${exitPath(input.review, repository.name, areaId, area)}
<h2>Authors</h2>
${authorsTable(area)}
<h2>Reviewers</h2>
${reviewersOf(inArea, input.files.reviewsImported)}
<p class="universe">${describeUniverse(repository.universe)}</p>\n`;
  return { title, body, charts: trend ? [trend] : [], data: [] };
}

/** A file: its authors (degree of authorship) and the reviewers of pull requests that changed it. */
export function filePage(input: AreasInput, query: { repo: string; path: string }): Page {
  const repository = input.knowledge.repositories.find((r) => r.name === query.repo);
  const file = input.files.repositories
    .find((r) => r.name === query.repo)
    ?.files.find((f) => f.path === query.path);
  if (!repository || !file) return notFound(`No scored file ${query.path} in ${query.repo}.`);
  const status = fileStatus(file);
  const body = html`${crumbs(repository.name, parentArea(repository, file.path), file.path)}<h1>${file.path}</h1>
<p class="lead">${repository.name} · <span class="swatch s-${status}"></span>${STATUS_LABELS[status] ?? status} · ${plural(file.activeAuthors, "active author")} of ${plural(file.authors.length, "author")}.</p>
<h2>Authors</h2>
<p class="note">An author holds enough of the file's changes by the degree-of-authorship model (Avelino et al., 2016); people without a commit in the last ${plural(input.knowledge.activeDays, "day")} are former. Listed by name.</p>
${
  file.authors.length === 0
    ? html`<p>No author: the file's history gives no one enough of its changes.</p>`
    : html`<table class="authors"><thead><tr><th>Author</th><th>Status</th><th>Last commit</th></tr></thead><tbody>
${file.authors.map((a) => html`<tr><td data-label="Author">${a.name}</td><td data-label="Status">${a.active ? "active" : "former"}</td><td data-label="Last commit">${a.lastActive?.slice(0, 10) ?? "—"}</td></tr>\n`)}</tbody></table>`
}
<h2>Reviewers</h2>
${reviewersOf([file], input.files.reviewsImported)}\n`;
  return { title: file.path, body, charts: [], data: [] };
}

function parentArea(repository: RepositoryKnowledge, path: string): string {
  let best = ".";
  for (const area of repository.areas)
    if (area.kind === "directory" && under(path, area.id) && area.id.length > best.length)
      best = area.id;
  return best;
}

function crumbs(repo: string, area: string, file?: string): Markup {
  const parts: Markup[] = [html`<li><a href="/areas">All repositories</a></li>`];
  parts.push(html`<li><a href="${areasHref(repo)}">${repo}</a></li>`);
  if (area !== ".") {
    const segments = area.split("/");
    segments.forEach((segment, i) => {
      const id = segments.slice(0, i + 1).join("/");
      parts.push(html`<li><a href="${areasHref(repo, id)}">${segment}</a></li>`);
    });
  }
  if (file) parts.push(html`<li>${file.slice(area === "." ? 0 : area.length + 1)}</li>`);
  const last = parts.length - 1;
  if (!file)
    parts[last] =
      html`<li aria-current="page">${area === "." ? repo : area.split("/").at(-1)}</li>`;
  return html`<nav class="crumbs" aria-label="Breadcrumb"><ol>${parts}</ol></nav>\n`;
}

function summary(repository: RepositoryKnowledge, area: AreaReport): Markup {
  return html`<p class="lead"><span class="swatch s-${area.status}"></span>${STATUS_LABELS[area.status] ?? area.status}. Truck factor <strong>${area.truckFactor}</strong> (all-time ${area.allTimeTruckFactor}); ${plural(area.activeAuthors, "active author")}; ${plural(area.files, "scored file")}, ${plural(area.orphanedFiles, "file")} without an active author (${percent(area.files === 0 ? 0 : area.orphanedFiles / area.files)}). Repository ${repository.name} at ${repository.commit?.slice(0, 12) ?? "(no commit)"}.</p>\n`;
}

function tileTable(caption: string, tiles: readonly Tile[]): Markup {
  if (tiles.length === 0) return html``;
  return html`<table class="tiles"><caption class="note">${caption}: the treemap's tiles as a list, largest first</caption><thead><tr><th>Name</th><th>Status</th><th class="num">Files</th></tr></thead><tbody>
${[...tiles]
  .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
  .map(
    (t) =>
      html`<tr><td data-label="Name"><a href="${t.href}">${t.label}</a></td><td data-label="Status"><span class="swatch s-${t.status}"></span>${t.detail}</td><td class="num" data-label="Files">${t.value}</td></tr>\n`,
  )}</tbody></table>\n`;
}

function trendPoints(trend: TrendReport | null, repo: string, area: string) {
  return trend?.repositories.find((r) => r.name === repo)?.areas.find((a) => a.id === area) ?? null;
}

function trendChart(trend: TrendReport | null, repo: string, area: string): ChartSpec | null {
  const found = trendPoints(trend, repo, area);
  if (!found || found.points.length === 0) return null;
  return {
    id: "chart-area-trend",
    title: `Truck factor and active authors at the end of each month (${found.direction})`,
    unit: "people",
    horizontal: false,
    type: "line",
    labels: found.points.map((p) => p.month),
    datasets: [
      { label: "Truck factor", data: found.points.map((p) => p.truckFactor), color: "#1d4ed8" },
      { label: "Active authors", data: found.points.map((p) => p.activeAuthors), color: "#c2570c" },
    ],
  };
}

function trendTable(trend: TrendReport | null, repo: string, area: string): Markup {
  const found = trendPoints(trend, repo, area);
  if (!found)
    return html`<p class="note">No monthly history for this area (it may be newer than the months shown).</p>`;
  return html`<p>Over the last ${plural(found.points.length, "month")} knowledge here is <strong>${found.direction}</strong>: ${found.points
    .map((p) => `${p.month}: TF ${p.truckFactor}, ${p.activeAuthors} active`)
    .join("; ")}.</p>\n`;
}

function exitPath(review: ReviewReport, repo: string, areaId: string, area: AreaReport): Markup {
  const path = review.capability.exitPaths.find((p) => p.repository === repo && p.area === areaId);
  if (!path)
    return area.status === "knowledge-island" || area.status === "orphaned"
      ? html`<p>This area's exit path is not in the review's list (it lists concentrated directory areas of the scored workspace).</p>`
      : html`<p>No exit path needed: the area is ${SHORT[area.status] ?? area.status} with truck factor ${area.truckFactor}.</p>`;
  const q = path.lastQuarter;
  return html`<p>${path.status === "orphaned" ? "Former authors" : "Holds the knowledge"}: ${path.holders.map((h) => h.name).join(", ") || "—"}.</p>
<p>Suggested successors (changes to the area's files in the last year plus reviews of its pull requests): ${
    path.successors.length === 0
      ? "none found"
      : path.successors
          .map((s) => `${s.name} (${plural(s.changes, "change")}, ${plural(s.reviews, "review")})`)
          .join(", ")
  }.</p>
<p>Over the last quarter: active authors ${q.activeAuthorsBefore ?? "—"} → ${q.activeAuthorsNow}, truck factor ${q.truckFactorBefore ?? "—"} → ${q.truckFactorNow}: <strong>${q.working ? "knowledge is spreading" : "not spreading yet"}</strong>.</p>\n`;
}

function authorsTable(area: AreaReport): Markup {
  if (area.authors.length === 0) return html`<p>No author.</p>`;
  const authors = [...area.authors].sort((a, b) => a.name.localeCompare(b.name, "en"));
  return html`<p class="note">Listed by name: who holds knowledge here, not a ranking.</p>
<table class="authors"><thead><tr><th>Author</th><th class="num">Files authored here</th><th>Status</th><th>Last commit</th></tr></thead><tbody>
${authors.map((a) => html`<tr><td data-label="Author">${a.name}</td><td class="num" data-label="Files authored here">${a.files}</td><td data-label="Status">${a.active ? "active" : "former"}</td><td data-label="Last commit">${a.lastActive?.slice(0, 10) ?? "—"}</td></tr>\n`)}</tbody></table>\n`;
}

function reviewersOf(files: readonly FileFacts[], imported: boolean): Markup {
  if (!imported)
    return html`<p class="missing">No pull requests imported: reviewers unknown. Import them with <code>legible import prs</code> or <code>legible fetch github</code>.</p>`;
  const names = new Map<string, string>();
  for (const file of files) for (const r of file.reviewers) names.set(r.id, r.name);
  if (names.size === 0)
    return html`<p>No merged pull request that changed these files was reviewed.</p>`;
  return html`<p>Reviewed merged pull requests that changed ${files.length === 1 ? "this file" : "these files"} (by name): ${[...names.values()].sort((a, b) => a.localeCompare(b, "en")).join(", ")}.</p>\n`;
}

/** Question 3's evidence: every knowledge island and orphaned area, as a list to drill into. */
function trappedPage(input: AreasInput): Page {
  const rows = input.knowledge.repositories.flatMap((r) =>
    r.areas
      .filter((a) => a.status === "knowledge-island" || a.status === "orphaned")
      .map((a) => ({ repo: r.name, area: a })),
  );
  const body = html`<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/areas">All repositories</a></li><li aria-current="page">Knowledge islands and orphaned areas</li></ol></nav>
<h1>Knowledge islands and orphaned areas</h1>
<p class="lead">${plural(rows.length, "area")} whose knowledge lives in at most one active person, as of ${input.knowledge.asOf.date.slice(0, 10)} (question 3 of the review counts ${input.review.trappedKnowledge.counts.islands} islands and ${input.review.trappedKnowledge.counts.orphaned} orphaned areas at the end of its period).</p>
<table class="trapped"><thead><tr><th>Area</th><th>Status</th><th class="num">Truck factor</th><th class="num">Files</th></tr></thead><tbody>
${rows.map(({ repo, area }) => html`<tr><td data-label="Area"><a href="${areasHref(repo, area.kind === "directory" ? area.id : undefined)}">${input.knowledge.repositories.length > 1 ? `${repo}: ` : ""}${area.label}</a></td><td data-label="Status"><span class="swatch s-${area.status}"></span>${SHORT[area.status]}</td><td class="num" data-label="Truck factor">${area.truckFactor}</td><td class="num" data-label="Files">${area.files}</td></tr>\n`)}</tbody></table>\n`;
  return { title: "Knowledge islands and orphaned areas", body, charts: [], data: [] };
}

export function notFound(message: string): Page {
  return {
    title: "Not found",
    body: html`<h1>Not found</h1><p>${message}</p><p><a href="/areas">Back to all repositories</a></p>`,
    charts: [],
    data: [],
  };
}
