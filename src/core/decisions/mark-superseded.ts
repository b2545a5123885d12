import { scanMarkdown } from "./markdown.js";
import { readMetadata } from "./metadata.js";
import type { DecisionFormat } from "./model.js";
import { adrLink, numberedTitleLink, type RecordRef } from "./record-links.js";
import { normaliseStatus } from "./status.js";
import { fromLines, isBlank, toLines } from "./text-lines.js";

/**
 * Marks the OLD record superseded by `by`, in the old record's own format, touching nothing else:
 * - Nygard, adr-tools: the Status section gets "Superseded by [N. Title](file)" ("Superceded by"
 *   when the record already uses that spelling) in place of a bare status word such as "Accepted";
 * - MADR 3, MADR 4, legible: front matter `status: "superseded by [ADR-NNNN](file)"`;
 * - MADR 2, log4brains: the "* Status:" / "- Status:" line says "superseded by [ADR-NNNN](file)"
 *   (log4brains and unnumbered records link with the id).
 * A missing Status section, front matter or status line is added. Marking twice changes nothing.
 */
export function markSuperseded(
  old: { text: string; format: DecisionFormat },
  by: RecordRef,
): string {
  switch (structureFor(old)) {
    case "front-matter":
      return setFrontMatterStatus(old.text, `superseded by ${adrLink(by)}`);
    case "metadata-line":
      return setMetadataStatus(
        old.text,
        `superseded by ${adrLink(by)}`,
        old.format === "log4brains" ? "-" : "*",
      );
    case "status-section":
      return supersedeInStatusSection(old.text, by);
  }
}

type StatusStructure = "front-matter" | "metadata-line" | "status-section";

function structureFor({ text, format }: { text: string; format: DecisionFormat }): StatusStructure {
  switch (format) {
    case "madr3":
    case "madr4":
    case "legible":
      return "front-matter";
    case "madr2":
    case "log4brains":
      return "metadata-line";
    case "nygard":
    case "adr-tools":
      return "status-section";
    case "unknown": {
      const doc = scanMarkdown(text);
      if (doc.frontMatter && /^status\s*:/im.test(doc.frontMatter.yaml)) return "front-matter";
      const title = doc.headings.find((h) => h.level === 1)?.index ?? null;
      return readMetadata(doc, title).has("status") ? "metadata-line" : "status-section";
    }
  }
}

function setFrontMatterStatus(text: string, status: string): string {
  const editable = toLines(text);
  const { lines } = editable;
  const entry = `status: ${JSON.stringify(status)}`;
  const doc = scanMarkdown(text);
  if (!doc.frontMatter) {
    lines.unshift("---", entry, "---", "");
    return fromLines(editable);
  }
  const { firstIndex, closeIndex } = doc.frontMatter;
  const at = lines.findIndex(
    (line, i) => i >= firstIndex && i < closeIndex && /^status\s*:/.test(line),
  );
  if (at < 0) {
    lines.splice(firstIndex, 0, entry);
    return fromLines(editable);
  }
  let end = at + 1;
  while (end < closeIndex && /^\s+\S/.test(lines[end] ?? "")) end++;
  lines.splice(at, end - at, entry);
  return fromLines(editable);
}

const STATUS_LINE = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?status(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]*)(.*)$/i;

function setMetadataStatus(text: string, status: string, defaultBullet: string): string {
  const editable = toLines(text);
  const { lines } = editable;
  const doc = scanMarkdown(text);
  const title = doc.headings.find((h) => h.level === 1) ?? null;
  const metadata = readMetadata(doc, title?.index ?? null);
  const current = metadata.get("status");
  if (current) {
    const at = current.line - 1;
    const match = STATUS_LINE.exec(lines[at] ?? "");
    const comment = /\s*<!--.*-->\s*$/.exec(match?.[2] ?? "")?.[0].trimEnd() ?? "";
    lines[at] = `${match?.[1] ?? `${defaultBullet} Status: `}${status}${comment}`;
    return fromLines(editable);
  }
  const bullet =
    [...metadata.values()].find((line) => line.bullet !== null)?.bullet ?? defaultBullet;
  const entry = `${bullet} Status: ${status}`;
  const firstMetadata = Math.min(...[...metadata.values()].map((line) => line.line - 1));
  if (Number.isFinite(firstMetadata)) lines.splice(firstMetadata, 0, entry);
  else insertBlock(lines, title ? title.bodyStart : doc.bodyStart, [entry]);
  return fromLines(editable);
}

function supersedeInStatusSection(text: string, by: RecordRef): string {
  const spelling = /\bsuperced/i.test(text) ? "Superceded by" : "Superseded by";
  const entry = `${spelling} ${numberedTitleLink(by)}`;
  const editable = toLines(text);
  const { lines } = editable;
  const doc = scanMarkdown(text);
  const heading = doc.headings.find((h) => h.level >= 2 && /^status:?$/i.test(h.title.trim()));
  if (!heading) {
    const title = doc.headings.find((h) => h.level === 1);
    const next = doc.headings.find((h) => h.index > (title?.index ?? -1) && h.level >= 2);
    insertBlock(lines, next ? next.index : endOfText(lines), ["## Status", "", entry]);
    return fromLines(editable);
  }
  const next = doc.headings.find((h) => h.index > heading.index && h.level <= heading.level);
  const end = next ? next.index : endOfText(lines);
  const body = lines.slice(heading.bodyStart, end);
  if (body.some((line) => line.includes(`(${by.fileName})`) && /\bsuper[sc]eded by\b/i.test(line)))
    return text;
  const kept = trimBlankLines(
    body.filter((_, k) => !isBareStatusWord(doc.lines[heading.bodyStart + k]?.prose ?? "")),
  );
  const newBody = ["", ...kept, ...(kept.length > 0 ? [""] : []), entry, ...(next ? [""] : [])];
  lines.splice(heading.bodyStart, end - heading.bodyStart, ...newBody);
  return fromLines(editable);
}

/** "Accepted", "Proposed.", "**Accepted**": a line that is only a status other than superseded. */
function isBareStatusWord(prose: string): boolean {
  const text = prose
    .replace(/^\s*[-*+]\s+/, "")
    .replace(/\*\*|__/g, "")
    .trim()
    .replace(/\.$/, "");
  if (!/^[A-Za-z]+(?: [A-Za-z]+)?$/.test(text)) return false;
  const read = normaliseStatus(text);
  return read.recognised && read.status !== "superseded";
}

/** The index to insert at to add text at the end (before the final newline, if any). */
function endOfText(lines: string[]): number {
  return lines.length > 0 && lines[lines.length - 1] === "" ? lines.length - 1 : lines.length;
}

/** Inserts `block` at `at`, separated from its neighbours by blank lines. */
function insertBlock(lines: string[], at: number, block: string[]): void {
  const before = at > 0 && !isBlank(lines[at - 1]) ? [""] : [];
  const after = at < lines.length && !isBlank(lines[at]) ? [""] : [];
  lines.splice(at, 0, ...before, ...block, ...after);
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end).filter((line, i, all) => !(isBlank(line) && isBlank(all[i - 1])));
}
