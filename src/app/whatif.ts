import { simulateDeparture } from "../core/knowledge/index.js";
import type { PersonId } from "../core/model.js";
import { LegibleError } from "../errors.js";
import { caveats, type KnowledgeOptions, knowledgeInput, personRef } from "./knowledge.js";
import type { PersonRef, Universe } from "./report-types.js";
import { filesAtRef, type Workspace } from "./workspace.js";

/** `legible whatif --json`, version 1. */
export interface WhatifReport {
  version: 1;
  leaving: PersonRef[];
  repositories: {
    name: string;
    caveats: string[];
    filesAtRef: number;
    /** Files removed before scoring, by rule. */
    filesRemoved: Universe["filesRemoved"];
    /** Areas that had at least one active author and would have none. */
    areasLosingAllAuthors: {
      id: string;
      label: string;
      files: number;
      authorsBefore: PersonRef[];
    }[];
    filesScored: number;
    filesOrphanedBefore: number;
    filesOrphanedAfter: number;
    shareOrphanedAfter: number;
    truckFactorBefore: number;
    truckFactorAfter: number;
  }[];
}

/** Resolves each `--leave` query (id, email or name) to exactly one person, or says why not. */
export function resolveLeavers(workspace: Workspace, queries: string[]): PersonId[] {
  return queries.map((query) => {
    const matches = workspace.identities.find(query).filter((person) => !person.isBot);
    if (matches.length === 1) return matches[0]!.id;
    if (matches.length === 0) {
      throw new LegibleError(
        "UNKNOWN_PERSON",
        `--leave ${query}: no such person`,
        "run legible people to list ids, emails and names",
      );
    }
    throw new LegibleError(
      "UNKNOWN_PERSON",
      `--leave ${query}: ambiguous, matches ${matches.map((p) => p.id).join(", ")}`,
      "give the person's id or email",
    );
  });
}

export function whatifReport(
  workspace: Workspace,
  leave: PersonId[],
  options: KnowledgeOptions,
): WhatifReport {
  return {
    version: 1,
    leaving: leave.map((id) => personRef(workspace, id)),
    repositories: workspace.repositories.map((repository) => {
      const simulation = simulateDeparture({
        ...knowledgeInput(workspace, repository, options),
        leave,
      });
      return {
        name: repository.scan.name,
        caveats: caveats(repository, {
          asOf: workspace.asOf.time,
          activeDays: options.config.activeDays,
        }),
        filesAtRef: filesAtRef(repository),
        filesRemoved: repository.files.removed,
        areasLosingAllAuthors: simulation.areasLosingAllAuthors.map((area) => ({
          ...area,
          authorsBefore: area.authorsBefore.map((id) => personRef(workspace, id)),
        })),
        filesScored: simulation.filesScored,
        filesOrphanedBefore: simulation.filesOrphanedBefore,
        filesOrphanedAfter: simulation.filesOrphanedAfter,
        shareOrphanedAfter: simulation.shareOrphanedAfter,
        truckFactorBefore: simulation.repositoryTruckFactorBefore,
        truckFactorAfter: simulation.repositoryTruckFactorAfter,
      };
    }),
  };
}
