import type { AreaRisk, DecisionLink, MissingInput, ReviewReport } from "../../app/review.js";
import { plural } from "../format.js";
import { relativeHref } from "../links.js";
import {
  type Block,
  code,
  type Inline,
  inline,
  joinParts,
  link,
  strong,
  withCode,
} from "../view.js";

/** Options of {@link reviewView} and of the review's renderers. */
export interface ReviewViewOptions {
  /**
   * The directory the report is written to (the directory of `--out`, or the working directory
   * when printed): decision records are linked relative to it. Null: no links, paths as code.
   */
  linkBase?: string | null;
}

/** What every section builder reads. */
export interface ViewContext {
  report: ReviewReport;
  linkBase: string | null;
  /** More than one repository: areas are named with their repository. */
  many: boolean;
}

export const STATUS: Record<AreaRisk["status"], string> = {
  orphaned: "orphaned (every author has left)",
  "knowledge-island": "knowledge island (one active author)",
  "at-risk": "truck factor 1",
  shared: "shared",
};

export function missing(input: MissingInput): Block {
  return {
    kind: "paragraph",
    role: "missing",
    parts: inline`${strong(inline`Not answered: needs ${withCode(input.needs)}.`)} ${withCode(capitalise(input.howToProvide))}.`,
  };
}

/** An area as the review names it: with its repository when the workspace has several. */
export function areaLabel(ctx: ViewContext, area: { repository: string; area: string }): string {
  return ctx.many ? `${area.repository}: ${area.area}` : area.area;
}

export function holders(risk: AreaRisk): Inline[] {
  if (risk.holders.length === 0) return inline`(no authors)`;
  return joinParts(
    risk.holders.map(
      (h) =>
        inline`${strong(h.name)} (${plural(h.files, "file")}, ${h.active ? "active" : "former"}${h.lastActive ? `, last commit ${h.lastActive.slice(0, 10)}` : ""})`,
    ),
    "; ",
  );
}

/**
 * A decision record: its title linked relative to where the report is written, or (a bare
 * repository, or no link base) its title and `repository: path` as code. `extra` goes in the
 * parentheses after it (an id).
 */
export function decisionRef(ctx: ViewContext, d: DecisionLink, extra: string[] = []): Inline[] {
  if (d.file !== null && ctx.linkBase !== null) {
    const href = relativeHref(ctx.linkBase, d.file);
    return extra.length > 0
      ? inline`${link(d.title, href)} (${extra.join(", ")})`
      : inline`${link(d.title, href)}`;
  }
  return inline`${d.title} (${joinParts(
    [[code(`${d.repository}: ${d.path}`)], ...extra.map((e) => inline`${e}`)],
    ", ",
  )})`;
}

export function trend(now: number, before: number): string {
  if (now === before) return "unchanged over the period";
  return now > before ? `up from ${before}` : `down from ${before}`;
}

export function hours(value: number | null): string {
  return value === null ? "n/a" : `${value.toFixed(1)} h`;
}

export function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export function dateOf(iso: string): string {
  return iso.slice(0, 10);
}
