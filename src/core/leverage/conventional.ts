/** Conventional Commits: the type of a subject such as `feat(api)!: drop v1`. */

const CONVENTIONAL = /^([A-Za-z][\w-]*)(?:\([^()]*\))?!?: *\S/;

/**
 * The conventional-commit type of a commit subject or PR title, lower-cased (`feat`, `fix`, `docs`…),
 * or `null` when the subject does not follow `type(scope)!: description`.
 */
export function conventionalTypeOf(subject: string): string | null {
  const match = CONVENTIONAL.exec(subject.trim());
  return match?.[1]?.toLowerCase() ?? null;
}
