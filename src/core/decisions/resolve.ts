import { baseName, decisionIdOf, dirName, numberOf } from "./file-names.js";
import { joinRelative } from "./mentions.js";
import type { Decision, DecisionWarning } from "./model.js";
import { referenceLine } from "./reference-lines.js";

type Direction = "supersedes" | "supersededBy";

/**
 * Turns the raw references of parsed decisions into ids of the given decisions, and completes
 * supersession both ways: when A supersedes B, B is superseded by A and the other way round, and
 * B's status becomes "superseded" when it said "accepted" or nothing recognisable. References are
 * matched by link target (relative to the record), then id, then number ("ADR-0003", "0003",
 * "3"), preferring records in the same folder. A reference to no known record, an ambiguous one
 * or one to the record itself is dropped with a warning on the record that makes it. Returns new
 * decisions in the same order; the input is not changed.
 */
export function resolveReferences(decisions: Decision[]): Decision[] {
  const index = new DecisionIndex(decisions);
  const warnings = decisions.map((d) => [...d.warnings]);
  const edges: { older: number; newer: number }[] = [];
  decisions.forEach((decision, from) => {
    for (const direction of ["supersedes", "supersededBy"] as const) {
      for (const reference of decision[direction]) {
        const target = index.resolve(from, reference, direction, warnings[from] ?? []);
        if (target === null) continue;
        edges.push(
          direction === "supersedes"
            ? { older: target, newer: from }
            : { older: from, newer: target },
        );
      }
    }
  });
  return decisions.map((decision, i) => {
    const supersedes = unique(
      edges.filter((e) => e.newer === i).map((e) => idAt(decisions, e.older)),
    );
    const supersededBy = unique(
      edges.filter((e) => e.older === i).map((e) => idAt(decisions, e.newer)),
    );
    const replaced =
      supersededBy.length > 0 && (decision.status === "accepted" || decision.status === "unknown");
    return {
      ...decision,
      status: replaced ? "superseded" : decision.status,
      supersedes,
      supersededBy,
      warnings: (warnings[i] ?? []).sort((a, b) => a.line - b.line),
    };
  });
}

class DecisionIndex {
  private readonly byPath = new Map<string, number[]>();
  private readonly byId = new Map<string, number[]>();
  private readonly byNumber = new Map<number, number[]>();

  constructor(private readonly decisions: Decision[]) {
    decisions.forEach((decision, i) => {
      push(this.byPath, decision.path, i);
      push(this.byId, decision.id, i);
      if (decision.number !== null) push(this.byNumber, decision.number, i);
    });
  }

  /** The index of the record `reference` names, or null (with a warning) when there is none. */
  resolve(
    from: number,
    reference: string,
    direction: Direction,
    warnings: DecisionWarning[],
  ): number | null {
    const decision = this.decisions[from];
    if (!decision) return null;
    const line = referenceLine(decision, reference);
    const candidates = this.candidates(decision, reference);
    const sameFolder = candidates.filter(
      (i) => dirName(this.decisions[i]?.path ?? "") === dirName(decision.path),
    );
    const chosen =
      candidates.length === 1 ? candidates : sameFolder.length === 1 ? sameFolder : candidates;
    const verb = direction === "supersedes" ? "supersedes" : "is superseded by";
    if (chosen.length === 0) {
      warnings.push({
        line,
        message: `${verb} '${reference}', which is not a known decision record: expected a link to a record's file`,
      });
      return null;
    }
    if (chosen.length > 1) {
      const ids = chosen.map((i) => this.decisions[i]?.path).join(", ");
      warnings.push({
        line,
        message: `${verb} '${reference}', which matches several records (${ids}): expected a link to one file`,
      });
      return null;
    }
    const target = chosen[0] ?? null;
    if (target === from) {
      warnings.push({ line, message: `${verb} '${reference}', which is this record itself` });
      return null;
    }
    return target;
  }

  private candidates(from: Decision, reference: string): number[] {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(reference))
      return this.byId.get(decisionIdOf(baseName(reference))) ?? [];
    if (reference.includes("/") || /\.(?:md|markdown)$/i.test(reference)) {
      const byPath = this.byPath.get(joinRelative(dirName(from.path), reference));
      const byId = byPath ?? this.byId.get(decisionIdOf(baseName(reference)));
      if (byId) return byId;
      // A link to a file renamed since: the number in its name still names the record.
      const number = numberOf(decisionIdOf(baseName(reference)));
      return number === null ? [] : (this.byNumber.get(number) ?? []);
    }
    const byId = this.byId.get(reference);
    if (byId) return byId;
    const number = /^(?:M?ADR-?|DR-?)?#?(\d+)$/i.exec(reference)?.[1];
    return number === undefined ? [] : (this.byNumber.get(Number.parseInt(number, 10)) ?? []);
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function idAt(decisions: Decision[], i: number): string {
  return decisions[i]?.id ?? "";
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
