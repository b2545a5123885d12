/** Helpers for recognising a format from a file's first bytes. */

/** The head without a byte-order mark and leading blanks. */
export function trimHead(head: string): string {
  return head.replace(/^\uFEFF/, "").trimStart();
}

/** Whether the head starts like JSON (an array or an object). */
export function looksLikeJson(head: string): boolean {
  const first = trimHead(head).charAt(0);
  return first === "[" || first === "{";
}

/** Whether the head has `"name":` as an object key. */
export function hasKey(head: string, name: string): boolean {
  return head.includes(`"${name}"`) && new RegExp(`"${name}"\\s*:`).test(head);
}

/** Whether the head has any of the keys. */
export function hasAnyKey(head: string, names: readonly string[]): boolean {
  return names.some((name) => hasKey(head, name));
}

/**
 * Whether the head starts like a delimited text table: not JSON, and a first line that has a comma,
 * tab or semicolon (a header).
 */
export function looksLikeCsv(head: string): boolean {
  const trimmed = trimHead(head);
  if (trimmed === "" || looksLikeJson(trimmed)) return false;
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? "";
  return /[,\t;]/.test(firstLine);
}
