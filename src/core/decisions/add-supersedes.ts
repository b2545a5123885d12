import { cleanHeading, scanMarkdown } from "./markdown.js";
import { readMetadata } from "./metadata.js";
import { parseDecision } from "./parse.js";
import { adrLink, labelledAdrLink, numberedTitleLink, type RecordRef } from "./record-links.js";
import { appendInRange, appendSection, fromLines, isBlank, toLines } from "./text-lines.js";

/**
 * Writes the forward link "Supersedes …" into the NEW record, where its format keeps links:
 * - Nygard, adr-tools: a "Supersedes [N. Title](file)" line in the Status section ("Supercedes"
 *   when the record already uses that spelling), as adr-tools does;
 * - MADR 2, log4brains: a "Supersedes [ADR-NNNN](file)" bullet under "## Links";
 * - MADR 3, MADR 4: a "Supersedes [ADR-NNNN](file)" bullet under "## More Information";
 * - legible and unrecognised records: a "Supersedes [ADR-NNNN: Title](file)" line under the title
 *   ("[Title](file)" for an unnumbered record).
 * Missing sections are added; a record that already links to `old` is returned unchanged.
 */
export function addSupersedes(newText: string, old: RecordRef): string {
  const parsed = parseDecision({ path: "new.md", text: newText });
  const alreadyLinked = parsed.supersedes.some(
    (reference) =>
      reference === old.fileName || reference.endsWith(`/${old.fileName}`) || reference === old.id,
  );
  if (alreadyLinked) return newText;
  switch (parsed.format) {
    case "nygard":
    case "adr-tools": {
      const spelling = /\bsuperced/i.test(newText) ? "Supercedes" : "Supersedes";
      return appendToSection(
        newText,
        /^status$/i,
        "## Status",
        `${spelling} ${numberedTitleLink(old)}`,
      );
    }
    case "madr2":
    case "log4brains":
      return appendToSection(
        newText,
        /^links$/i,
        "## Links",
        `${bulletOf(newText, parsed.format)} Supersedes ${adrLink(old)}`,
      );
    case "madr3":
    case "madr4":
      return appendToSection(
        newText,
        /^more information$/i,
        "## More Information",
        `* Supersedes ${adrLink(old)}`,
      );
    default:
      return addUnderTitle(newText, `Supersedes ${labelledAdrLink(old)}`);
  }
}

function appendToSection(text: string, title: RegExp, heading: string, entry: string): string {
  const editable = toLines(text);
  const doc = scanMarkdown(text);
  const section = doc.headings.find((h) => h.level >= 2 && title.test(cleanHeading(h.title)));
  if (!section) {
    appendSection(editable.lines, heading, entry);
    return fromLines(editable);
  }
  const next = doc.headings.find((h) => h.index > section.index && h.level <= section.level);
  appendInRange(
    editable.lines,
    section.bodyStart,
    next ? next.index : editable.lines.length,
    entry,
  );
  return fromLines(editable);
}

/** After the title and any "Supersedes" lines already under it, as its own paragraph. */
function addUnderTitle(text: string, entry: string): string {
  const editable = toLines(text);
  const { lines } = editable;
  const doc = scanMarkdown(text);
  const title = doc.headings.find((h) => h.level === 1);
  let at = title ? title.bodyStart : doc.bodyStart;
  while (isBlank(lines[at]) && at < lines.length - 1) at++;
  while (/^\s*super[sc]edes\b/i.test(lines[at] ?? "")) {
    at++;
    while (isBlank(lines[at]) && at < lines.length - 1) at++;
  }
  const after = at < lines.length && !isBlank(lines[at]) ? [""] : [];
  const before = at > 0 && !isBlank(lines[at - 1]) ? [""] : [];
  lines.splice(at, 0, ...before, entry, ...after);
  return fromLines(editable);
}

function bulletOf(text: string, format: "madr2" | "log4brains"): string {
  const doc = scanMarkdown(text);
  const title = doc.headings.find((h) => h.level === 1)?.index ?? null;
  const bullet = [...readMetadata(doc, title).values()].find(
    (line) => line.bullet !== null,
  )?.bullet;
  return bullet ?? (format === "log4brains" ? "-" : "*");
}
