/**
 * The evidence rules of legible's default ladder, by criterion id (`<level>.<theme>.<n>`, see
 * `default-criteria-*.ts`): a record matching one of the rules (`EVIDENCE_RULES` in
 * `evidence.ts`) demonstrates the criterion. A criterion not listed here is about behaviour the
 * records cannot show (updates, asking for help, mentoring, planning, hiring): it needs the
 * person's words. A rule is listed only where the record itself is what the criterion asks for —
 * a test commit for "adds tests", a decision record for "writes decision records" — never because
 * the criterion and the record share a leverage type.
 */
export const DEFAULT_EVIDENCE: Readonly<Record<string, readonly string[]>> = {
  // Engineer I
  "engineer-1.execution.1": ["merged-change"],
  "engineer-1.capability-building.1": ["docs", "docs-commit"],
  "engineer-1.capability-building.2": ["tests", "test-commit"],
  "engineer-1.capability-building.3": ["docs", "docs-commit"],
  "engineer-1.craft.2": ["tests", "test-commit"],
  "engineer-1.craft.3": ["tests", "test-commit"],
  // Engineer II
  "engineer-2.execution.1": ["merged-change"],
  "engineer-2.decision-making.1": ["decision-record", "design-doc"],
  "engineer-2.decision-making.2": ["decision-tradeoff"],
  "engineer-2.coordination.2": ["cross-team-review"],
  "engineer-2.capability-building.1": ["review"],
  "engineer-2.capability-building.2": ["pairing"],
  "engineer-2.capability-building.3": ["docs", "docs-commit", "runbooks"],
  "engineer-2.craft.3": ["incident-response"],
  // Senior Engineer
  "senior.execution.3": ["ci", "tooling"],
  "senior.decision-making.1": ["decision-record"],
  "senior.coordination.1": ["cross-team-change", "dependency-upgrade"],
  "senior.coordination.2": ["migration", "migration-title"],
  "senior.capability-building.3": ["runbooks"],
  "senior.craft.2": ["incident-response"],
  "senior.craft.3": ["review"],
  // Staff Engineer
  "staff.decision-making.1": ["decision-record"],
  "staff.coordination.2": ["cross-team-migration"],
  "staff.strategic-impact.2": ["decision-tradeoff"],
  "staff.craft.3": ["cross-team-review"],
  // Senior Staff Engineer
  "senior-staff.decision-making.1": ["decision-record"],
  // Principal Engineer
  "principal.decision-making.1": ["decision-record"],
};
