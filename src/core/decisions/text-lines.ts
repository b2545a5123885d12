/** Line-level editing that keeps a file's line endings and everything it does not touch. */

/** A text split into lines, remembering its line ending. */
export interface EditableText {
  lines: string[];
  eol: string;
}

/** Splits `text` on any line ending, remembering the one it mostly uses. */
export function toLines(text: string): EditableText {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  return { lines: text.split(/\r\n|\r|\n/), eol: crlf > lf ? "\r\n" : "\n" };
}

/** Joins lines back with the remembered line ending. */
export function fromLines({ lines, eol }: EditableText): string {
  return lines.join(eol);
}

/** True for a blank line. */
export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === "";
}

/**
 * Adds `entry` after the last non-blank line of a section whose body is [start, end) (its heading
 * at start - 1): directly under a bullet when `entry` is a bullet too, else after a blank line;
 * followed by a blank line when text follows.
 */
export function appendInRange(lines: string[], start: number, end: number, entry: string): void {
  let last = end - 1;
  while (last >= start && isBlank(lines[last])) last--;
  const bullet = /^\s*[-*+]\s/;
  const joinsList = last >= start && bullet.test(lines[last] ?? "") && bullet.test(entry);
  const insertAt = last + 1;
  const inserted = joinsList ? [entry] : ["", entry];
  if (insertAt < lines.length && !isBlank(lines[insertAt])) inserted.push("");
  lines.splice(insertAt, 0, ...inserted);
}

/** Appends a new section (`heading` line, blank, `entry`) at the end of the text. */
export function appendSection(lines: string[], heading: string, entry: string): void {
  const endsWithNewline = lines[lines.length - 1] === "";
  while (lines.length > 0 && isBlank(lines[lines.length - 1])) lines.pop();
  if (lines.length > 0) lines.push("");
  lines.push(heading, "", entry);
  if (endsWithNewline) lines.push("");
}
