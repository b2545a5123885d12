import { parseMailmap } from "../core/identity/mailmap.js";
import type { IdentitySource } from "../core/identity/resolve.js";
import { type AuthorshipTally, TallyCounts } from "../core/knowledge/doa.js";
import type { PersonId } from "../core/model.js";
import { type HistorySummary, mergeSummaries } from "../store/history-summary.js";
import { areaKeys } from "./areas.js";
import type { RepositoryScan } from "./scan.js";
import {
  GitReads,
  identitySettings,
  type PreparedRepository,
  resolvedIdentities,
  scoredFiles,
  type Workspace,
  type WorkspaceOptions,
} from "./workspace.js";

/**
 * Workspaces prepared from history summaries (store/history-summary.ts) instead of the stored
 * commits: for the knowledge analyses of the scanned heads (`knowledge`, `whatif`), which then read
 * a few thousand tallies instead of decoding and indexing the whole history. The figures are the
 * same as from the commits (tests compare them); a workspace made this way carries no commits, so
 * only the functions here and the knowledge report read it.
 */
const summarised = new WeakMap<PreparedRepository, HistorySummary>();

/**
 * The workspace at "now" from the summaries of every repository's history, or null when one of them
 * cannot be read that way, and the caller prepares it from the commits:
 * - another date or a revision is analysed (the summaries describe the scanned head only);
 * - the repository's store holds more than this ref's scanned history (another ref was scanned, or
 *   a scan of it is under way), so what is stored is not exactly what the head reaches;
 * - a pack has no summary yet (stored by an older legible: loading the history whole writes it);
 * - a commit is dated after the analysed moment (the date rules would set it aside).
 */
export async function prepareSummaryWorkspace(
  scans: RepositoryScan[],
  options: WorkspaceOptions,
): Promise<Workspace | null> {
  const { store, config, asOf } = options;
  if (asOf.label !== "now" || asOf.rev !== null) return null;
  // git lists the heads' files while the summaries are read; a caller that falls back to the
  // commits with the same reader takes these reads.
  const reads = options.reads ?? new GitReads(store);
  for (const scan of scans) reads.startTree(scan, scan.head);
  const loaded: { scan: RepositoryScan; summary: HistorySummary; mailmap: string | null }[] = [];
  for (const scan of scans) {
    const repository = await store.repository(scan.path);
    if (!repository) return null;
    const rows = await store.scans(repository.id);
    const row = rows[0];
    if (rows.length !== 1 || !row || row.ref !== scan.ref) return null;
    if (row.tip !== scan.head || row.target !== null) return null;
    const stored = await store.loadSummaries(repository.id);
    if (!stored || stored.commits !== (await store.commitCount(repository.id))) return null;
    const summary = mergeSummaries(stored.bodies);
    if (!summary || summary.latest > asOf.time) return null;
    loaded.push({ scan, summary, mailmap: row.mailmap });
  }

  const trees = loaded.map(({ scan }) => reads.takeTree(scan, scan.head));

  const sources: IdentitySource[] = loaded.map(({ scan, summary, mailmap }) => {
    const text = options.mailmap === false ? null : mailmap;
    return {
      repo: scan.path,
      mailmap: text ? parseMailmap(text).entries : [],
      identities: summary.identities.map((identity, i) => ({
        identity,
        commits: summary.seen[i]!,
        lastTime: summary.seenLast[i]!,
      })),
    };
  });
  const identities = resolvedIdentities(sources, identitySettings(options));
  const bots = new Set(
    identities.people.filter((person) => person.isBot).map((person) => person.id),
  );

  const lastActive = new Map<PersonId, number>();
  const prepared: PreparedRepository[] = [];
  for (let r = 0; r < loaded.length; r++) {
    const { scan, summary } = loaded[r]!;
    for (let i = 0; i < summary.identities.length; i++) {
      const last = summary.creditedLast[i]!;
      if (last === Number.NEGATIVE_INFINITY) continue;
      const person = identities.personOf(scan.path, summary.identities[i]!);
      if (bots.has(person)) continue;
      if ((lastActive.get(person) ?? Number.NEGATIVE_INFINITY) < last) lastActive.set(person, last);
    }
    const scored = scoredFiles(await trees[r]!, config, options.filesFrom);
    const repository: PreparedRepository = {
      scan,
      commit: scan.head,
      commits: [],
      files: scored.files,
      skipped: summary.skipped,
      missingFiles: scored.missing,
      impossibleDates: summary.odd,
    };
    summarised.set(repository, summary);
    prepared.push(repository);
  }
  return {
    asOf,
    repositories: prepared,
    identities,
    people: new Map(identities.people.map((person) => [person.id, person])),
    pseudonymous: config.privacy.people === "pseudonymous",
    bots,
    lastActive,
    areas: areaKeys(prepared.map((r) => r.scan.name)),
    analyses: new Map(),
  };
}

/** The summary a repository was prepared from, if it was. */
export function summaryOf(repository: PreparedRepository): HistorySummary | undefined {
  return summarised.get(repository);
}

/** People credited by each tuple of a summary (resolved, bots left out, each once), built on use. */
function teamsOf(
  workspace: Workspace,
  repository: PreparedRepository,
  summary: HistorySummary,
): { team: (tuple: number) => readonly PersonId[]; person: (identity: number) => PersonId } {
  const { identities } = workspace;
  const repo = repository.scan.path;
  const people: (PersonId | undefined)[] = new Array(summary.identities.length);
  const person = (i: number): PersonId => {
    let id = people[i];
    if (id === undefined) {
      id = identities.personOf(repo, summary.identities[i]!);
      people[i] = id;
    }
    return id;
  };
  const teams: (PersonId[] | undefined)[] = new Array(summary.tuples.length);
  const team = (t: number): readonly PersonId[] => {
    let list = teams[t];
    if (list === undefined) {
      list = [];
      for (const i of summary.tuples[t]!) {
        const id = person(i);
        if (!workspace.bots.has(id) && !list.includes(id)) list.push(id);
      }
      teams[t] = list;
    }
    return list;
  };
  return { team, person };
}

/**
 * Each file's tally from a summary: the tallies of the file's path and, through every rename a
 * credited commit made, of the paths it was renamed from, the same records the full computation
 * (core/knowledge/history.ts) gathers. Tallies crediting nobody (bots alone) are left out, as their
 * records are. Undefined for a repository not prepared from a summary.
 */
export function summaryTallies(
  workspace: Workspace,
  repository: PreparedRepository,
): ((path: string, coAuthors: boolean) => AuthorshipTally | null) | undefined {
  const summary = summarised.get(repository);
  if (!summary) return undefined;
  const { team } = teamsOf(workspace, repository, summary);
  return (path, coAuthors) => {
    const counts = new TallyCounts();
    let records = 0;
    const paths = [path];
    const visited = new Set(paths);
    for (let q = 0; q < paths.length; q++) {
      const at = paths[q]!;
      const tallies = summary.records.get(at) ?? [];
      for (let t = 0; t < tallies.length; t += 4) {
        const credited = team(tallies[t]!);
        if (credited.length === 0) continue;
        const adds = tallies[t + 1]!;
        const changed = tallies[t + 2]!;
        records += 1;
        counts.allChanges += changed;
        const count = coAuthors ? credited.length : 1;
        for (let k = 0; k < count; k++) counts.credit(credited[k]!, adds, changed, tallies[t + 3]!);
      }
      for (const rename of summary.renames.get(at) ?? []) {
        if (visited.has(rename.old) || team(rename.tuple).length === 0) continue;
        visited.add(rename.old);
        paths.push(rename.old);
      }
    }
    return records === 0 ? null : counts.finish();
  };
}

/** What a summarised repository's universe counts: its commits, merges, bots' commits and people credited. */
export function summaryCounts(
  workspace: Workspace,
  repository: PreparedRepository,
): { commits: number; merges: number; botCommits: number; people: Set<PersonId> } | undefined {
  const summary = summarised.get(repository);
  if (!summary) return undefined;
  const { person } = teamsOf(workspace, repository, summary);
  let botCommits = 0;
  const people = new Set<PersonId>();
  for (let i = 0; i < summary.identities.length; i++) {
    const id = person(i);
    if (workspace.bots.has(id)) botCommits += summary.authored[i]!;
    else if (summary.credited[i]! > 0) people.add(id);
  }
  return {
    commits: summary.commits - summary.merges,
    merges: summary.merges,
    botCommits,
    people,
  };
}
