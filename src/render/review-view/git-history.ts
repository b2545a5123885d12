/**
 * The review's answers from git history alone (app/git-history.ts), as blocks appended to each
 * question's section. Each names the signals and record counts it rests on and what an import
 * would add.
 */
import type { GitHistoryAnswers } from "../../app/git-history.js";
import { plural } from "../format.js";
import { type Block, code, type Inline, inline, strong, withCode } from "../view.js";
import { hours, pct, type ViewContext } from "./shared.js";

/** The blocks for one section id of the review (empty when git adds nothing there). */
export function gitHistoryBlocks(ctx: ViewContext, section: string): Block[] {
  const git = ctx.report.gitHistory;
  if (!git) return [];
  switch (section) {
    case "heroics":
      return heroics(
        git,
        ctx.report.heroics.answer !== null && ctx.report.heroics.missing === null,
      );
    case "friction":
      return friction(git, ctx.report.friction.answer !== null);
    case "trapped":
      return reviewCoverage(git);
    case "capability":
      return [
        ...help(git),
        ...(ctx.report.capability.missing && answeredFromGit(ctx, section)
          ? [adds(git.importWouldAdd.capability)]
          : []),
        ...releases(git),
      ];
    default:
      return [];
  }
}

/** True when git history answers the section, so "Not answered" becomes "an import would add". */
export function answeredFromGit(ctx: ViewContext, section: string): boolean {
  const git = ctx.report.gitHistory;
  if (!git) return false;
  if (section === "heroics") return git.heroics.lastYear.repairs > 0 || git.signals.reverts > 0;
  if (section === "capability")
    return git.capability.now.commits + git.capability.before.commits > 0;
  if (section === "friction")
    return (
      git.friction.recovered.now + git.friction.recovered.before > 0 || git.friction.reviews.now > 0
    );
  return false;
}

const heading = (text: string): Block => ({ kind: "heading", parts: inline`${text}` });
const para = (parts: Inline[]): Block => ({ kind: "paragraph", parts });
const adds = (text: string): Block => ({
  kind: "paragraph",
  role: "missing",
  parts: inline`${strong("What an import would add:")} ${withCode(text)}.`,
});

function heroics(git: GitHistoryAnswers, imported: boolean): Block[] {
  const h = git.heroics;
  const s = git.signals;
  if (s.reverts + s.hotfixes + s.fixups === 0) return []; // nothing git could add
  const blocks: Block[] = [heading("From git history: reverts and hotfixes")];
  const timed =
    h.now.revertsTimed > 0
      ? `; median time from the reverted change to its revert ${hours(h.now.revertMedianHours)} (over ${plural(h.now.revertsTimed, "revert")} whose target is in the history), ${h.now.byOtherThanAuthor} of them reverted by someone other than its author`
      : "";
  blocks.push(
    para(
      inline`${plural(h.now.repairs, "repair")} this period: ${plural(h.now.reverts, "revert")} and ${plural(h.now.hotfixes, "hotfix", "hotfixes")} (${h.before.repairs} in the previous period)${timed}. Over the last year: ${plural(h.lastYear.repairs, "repair")}${h.lastYear.revertMedianHours !== null ? `, median time to revert ${hours(h.lastYear.revertMedianHours)}` : ""}.${h.now.fixups > 0 ? ` ${plural(h.now.fixups, "fixup! commit")} left in the history this period.` : ""}`,
    ),
  );
  const items: Inline[][] = h.areas.map((a) =>
    a.concentrated
      ? inline`${code(a.area)}: ${plural(a.repairs, "repair")}; ${strong(a.concentrated.holder.name)} made ${pct(a.concentrated.share)} of them: repairs here depend on one person (spread what they know: runbooks, pairing on the next repair).`
      : inline`${code(a.area)}: ${plural(a.repairs, "repair")} by ${plural(a.repairers, "person", "people")} (${a.examples.join("; ")}).`,
  );
  if (items.length > 0) blocks.push({ kind: "list", items });
  blocks.push(
    para(
      inline`Rests on the ${plural(s.commits, "commit")} up to the period's end: ${plural(s.reverts, "revert")} (a "This reverts commit" line or a Revert subject), ${plural(s.hotfixes, "hotfix", "hotfixes")} (a subject saying hotfix) and ${plural(s.fixups, "fixup! commit")} in all; an area's repairs are the files the repair changed. A repair is credited to its author; one person making at least half of at least 4 repairs of an area is flagged.${imported ? " Imported incidents answer this question above; these repairs are shown beside them." : ""}`,
    ),
  );
  blocks.push(adds(git.importWouldAdd.heroics));
  return blocks;
}

const TABLE_ROWS = 12;

const CHANGE: Record<string, string> = {
  slower: "slower",
  faster: "faster",
  steady: "steady",
  "too-few": "too few to compare",
};

function friction(git: GitHistoryAnswers, imported: boolean): Block[] {
  const f = git.friction;
  const s = git.signals;
  if (f.recovered.now + f.recovered.before + f.reviews.now + f.reviews.before === 0) return [];
  const blocks: Block[] = [
    heading("From git history: coding time of merged pull requests and branches"),
  ];
  const r = f.recovered;
  blocks.push(
    para(
      inline`${plural(r.now, "change")} merged this period (${r.before} in the previous one), recovered from merge and squash subjects: ${plural(r.mergePullRequests, "merged pull request")}, ${plural(r.squashPullRequests, "squashed pull request")}, ${plural(r.mergedBranches, "merged branch", "merged branches")}. Median coding time (first commit → merge) ${hours(f.overall.now.codingMedianHours)} over ${plural(f.overall.now.timed, "change")} (previously ${hours(f.overall.before.codingMedianHours)} over ${f.overall.before.timed}).${r.alsoImported > 0 ? ` ${plural(r.alsoImported, "recovered change")} that ${r.alsoImported === 1 ? "is an imported pull request is" : "are imported pull requests are"} counted once, as imported.` : ""}`,
    ),
  );
  // Areas whose coding time moved first, then the busiest; the table stops at TABLE_ROWS.
  const rank = (a: GitHistoryAnswers["friction"]["areas"][number]) =>
    a.change === "slower" || a.change === "faster" ? 0 : 1;
  const all = f.areas
    .filter((a) => a.now.changes > 0)
    .sort(
      (a, b) => rank(a) - rank(b) || b.now.changes - a.now.changes || a.area.localeCompare(b.area),
    );
  const areas = all.slice(0, TABLE_ROWS);
  if (areas.length > 0) {
    const cell = (parts: Inline[]) => ({ parts });
    blocks.push({
      kind: "table",
      name: "coding-time",
      columns: [
        { parts: inline`Area` },
        { parts: inline`Changes (previous → this period)`, numeric: true },
        { parts: inline`Coding time median (previous → this period)`, numeric: true },
        { parts: inline`Change` },
      ],
      rows: areas.map((a) => [
        cell([code(a.area)]),
        cell(inline`${a.before.changes} → ${a.now.changes}`),
        cell(inline`${hours(a.before.codingMedianHours)} → ${hours(a.now.codingMedianHours)}`),
        cell(inline`${CHANGE[a.change] ?? a.change}`),
      ]),
    });
    if (all.length > areas.length)
      blocks.push(
        para(
          inline`… and ${plural(all.length - areas.length, "more area")} with a change merged this period (the JSON output lists every area).`,
        ),
      );
  }
  blocks.push(
    para(
      inline`Trailer reviews (Reviewed-by, Acked-by, Tested-by) of this period's commits: ${f.reviews.now} by ${plural(f.reviews.reviewersNow, "reviewer")} (${f.reviews.before} in the previous period). Without pull-request data, pickup and waits for a reviewer cannot be timed.`,
    ),
  );
  if (f.reviewConcentration.length > 0)
    blocks.push({
      kind: "list",
      items: f.reviewConcentration.map(
        (c) =>
          inline`Reviews of ${code(c.area)} concentrate on ${strong(c.holder.name)}: ${pct(c.share)} of its ${plural(c.reviews, "trailer review")} (${plural(c.reviewers, "reviewer")}).`,
      ),
    });
  blocks.push(
    para(
      inline`Rests on the history up to the period's end: ${plural(s.mergePullRequests, "merge commit")} "Merge pull request #N", ${plural(s.squashPullRequests, "squash subject")} "(#N)" and ${plural(s.mergedBranches, "merged topic branch", "merged topic branches")} on the ref's first-parent line; coding time is timed only for merges (a squash keeps no first commit); an area is slower or faster when its median moved by 1.5× with 3 or more timed changes in both periods.${imported ? " Imported pull requests answer this question above." : ""}`,
    ),
  );
  blocks.push(adds(git.importWouldAdd.friction));
  return blocks;
}

function reviewCoverage(git: GitHistoryAnswers): Block[] {
  const r = git.reviews;
  const t = git.signals.trailers;
  if (t["reviewed-by"] + t["acked-by"] + t["tested-by"] === 0) return [];
  const blocks: Block[] = [heading("From git history: who else reviews trapped areas")];
  blocks.push(
    para(
      inline`${plural(r.reviews, "trailer review")} by ${plural(r.reviewers, "reviewer")} in the last year. A trapped area reviewed by others is less trapped: the reviewers are its likeliest successors (they count in the exit paths below).`,
    ),
  );
  const covered = r.areas.filter((a) => a.reviews > 0);
  const bare = r.areas.length - covered.length;
  if (r.areas.length > 0)
    blocks.push({
      kind: "list",
      items: [
        ...covered
          .slice(0, 10)
          .map(
            (a) =>
              inline`${code(a.area)}: ${plural(a.reviews, "review")} of its changes by ${plural(a.reviewers, "person", "people")} other than its holders.`,
          ),
        ...(bare > 0
          ? [
              inline`${plural(bare, "trapped area")} had no trailer review by anyone else in the last year.`,
            ]
          : []),
      ],
    });
  return blocks;
}

function help(git: GitHistoryAnswers): Block[] {
  const c = git.capability;
  const t = git.signals.trailers;
  if (t["mentored-by"] + t["helped-by"] + t["suggested-by"] === 0) return [];
  const blocks: Block[] = [heading("From git history: mentoring and help")];
  const n = c.now;
  blocks.push(
    para(
      inline`${plural(n.commits, "commit")} this period name someone who helped (${n.mentoredBy} Mentored-by, ${n.helpedBy} Helped-by and ${n.suggestedBy} Suggested-by trailers), from ${plural(n.helpers, "person", "people")} to ${plural(n.helped, "author")} (previous period: ${plural(c.before.commits, "commit")}, ${plural(c.before.helpers, "person", "people")} helping). ${plural(n.newAreas, "time")} a helped author changed an area for the first time.`,
    ),
  );
  if (c.teams.length > 0)
    blocks.push({
      kind: "list",
      items: c.teams.map((t) =>
        t.withheld
          ? inline`${strong(t.team)}: withheld (${t.withheld}).`
          : inline`${strong(t.team)} (${plural(t.people, "active person", "active people")}): ${plural(t.mentoring, "mentoring trailer")} and ${plural(t.help, "help trailer")} naming its members.`,
      ),
    });
  blocks.push(
    para(
      inline`Mentoring and help are capability leverage for the person named; each person's own trailers are evidence in their impact packet (${code("legible impact --person <id>")}).`,
    ),
  );
  return blocks;
}

function releases(git: GitHistoryAnswers): Block[] {
  const r = git.releases;
  if (!r) return [];
  const q = r.lastQuarter;
  const blocks: Block[] = [heading("Releases, from git history only")];
  blocks.push(
    para(
      inline`${plural(r.releasesNow, "release")} this period (${r.releasesBefore} in the previous one)${r.latest ? `; latest ${r.repositories > 1 ? `${r.latest.repository} ` : ""}${r.latest.name} on ${r.latest.date}` : ""}${r.repositories > 1 ? ` (release tags of ${r.repositories} repositories, added up)` : ""}. From ${r.window.since} to ${r.window.until}: ${plural(q.releases, "release")} (${q.perWeek.toFixed(1)} a week), median commit-to-release lead time ${q.leadTimeMedianDays === null ? "n/a" : `${q.leadTimeMedianDays.toFixed(1)} days`} over ${plural(q.commits, "commit")} shipped, rework rate ${q.reworkRate === null ? "n/a" : `${(q.reworkRate * 100).toFixed(1)} %`} (${plural(q.reworkCommits, "revert or hotfix", "reverts and hotfixes")} shipped; ${plural(q.releasesWithRework, "release")} shipped one).`,
    ),
  );
  blocks.push(
    para(
      inline`Releases are ${r.rule}; a release ships the commits it is the first (by date) to contain, and the first release of a history has no range. What this misses: ${r.misses.join("; ")}.`,
    ),
  );
  blocks.push(adds(git.importWouldAdd.releases));
  return blocks;
}
