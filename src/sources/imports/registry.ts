import { deploymentsCsvImporter } from "./deployments/csv.js";
import { githubDeploymentsImporter } from "./deployments/github-deployments.js";
import { githubReleasesImporter } from "./deployments/github-releases.js";
import { gitlabDeploymentsImporter } from "./deployments/gitlab-deployments.js";
import { incidentsCsvImporter } from "./incidents/csv.js";
import { opsgenieImporter } from "./incidents/opsgenie.js";
import { pagerdutyImporter } from "./incidents/pagerduty.js";
import { ghCliPullsImporter } from "./prs/gh-cli.js";
import { githubPullsImporter } from "./prs/github.js";
import { gitlabMergeRequestsImporter } from "./prs/gitlab.js";
import type { AnyImporter, ImporterOf, ImportKind } from "./types.js";

/**
 * Every importer, keyed by kind and format. Within a kind, the order is the order `auto` tries
 * their sniffers in (the most specific first).
 */
export const importers: readonly AnyImporter[] = [
  gitlabMergeRequestsImporter,
  githubPullsImporter,
  ghCliPullsImporter,
  gitlabDeploymentsImporter,
  githubDeploymentsImporter,
  githubReleasesImporter,
  deploymentsCsvImporter,
  pagerdutyImporter,
  opsgenieImporter,
  incidentsCsvImporter,
];

/** The format names of one kind, in registry order. */
export function formatsOf(kind: ImportKind): string[] {
  return importers.filter((importer) => importer.kind === kind).map((importer) => importer.format);
}

/**
 * The importer for a kind and format, or, with format "auto", the first of the kind whose sniffer
 * recognises `head` (the file's first bytes; 64 KiB is plenty). Null when none matches.
 */
export function findImporter<K extends ImportKind>(
  kind: K,
  format: string,
  head: string,
): ImporterOf<K> | null {
  const candidates = importers.filter(
    (importer): importer is ImporterOf<K> & AnyImporter => importer.kind === kind,
  );
  if (format === "auto") return candidates.find((importer) => importer.sniff(head)) ?? null;
  return candidates.find((importer) => importer.format === format) ?? null;
}
