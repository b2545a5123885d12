/**
 * References from one record to another, as written: Markdown link targets ("0002-x.md"),
 * "ADR-0002", "0002" or "2". `resolveReferences` turns them into ids.
 */

const LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const ADR_NUMBER = /\bADR[-_ ]?#?(\d+)\b/i;
const MARKDOWN_FILE = /(?:^|\s)((?:[\w.-]+\/)*[\w.-]+\.(?:md|markdown))\b/i;
const BARE_NUMBER = /^#?(\d+)\b/;

/** The records referenced by `text` (the part after "Supersedes" or "superseded by"). */
export function extractReferences(text: string): string[] {
  const references: string[] = [];
  for (const match of text.matchAll(LINK)) {
    const target = (match[2] ?? "").replace(/[#?].*$/, "");
    const fromText = referenceIn(match[1] ?? "");
    if (target !== "") references.push(target);
    else if (fromText) references.push(fromText);
  }
  if (references.length > 0) return references;
  const bare = referenceIn(text.trim());
  return bare ? [bare] : [];
}

function referenceIn(text: string): string | null {
  const url = /^<?(https?:\/\/\S+?\.(?:md|markdown))(?:[#?]\S*)?>?(?=$|[\s.,;)])/i.exec(text);
  if (url?.[1]) return url[1];
  const adr = ADR_NUMBER.exec(text);
  if (adr) return adr[0].replace(/[_ ]/, "-").replace("#", "").toUpperCase();
  const file = MARKDOWN_FILE.exec(text);
  if (file?.[1]) return file[1];
  const number = BARE_NUMBER.exec(text);
  return number?.[1] ?? null;
}

/**
 * A supersession at the start of a line (bullet, quote, "Note:" or not): "Supersedes X",
 * "Superseded by X" (either spelling), "Overrides X", "Overridden by X", each possibly "in part",
 * "partly" or "partially", and "This ADR (in part) supersedes X".
 */
export const SUPERSESSION_LINE =
  /^\s*(?:>\s*)?(?:[-*+]\s+)?(?:note\s*:\s*)?(?:this\s+(?:adr|decision|record|document|madr)\s+)?(?:(?:in\s+part|partly|partially|fully)\s+)?(supersedes|supercedes|superseded\s+by|superceded\s+by|overrides|overridden\s+by)\s*:?\s+(.+)$/i;

/** The kind of a supersession line and its references; null when the line is not one. */
export function supersessionIn(
  line: string,
): { kind: "supersedes" | "supersededBy"; references: string[] } | null {
  const match = SUPERSESSION_LINE.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const references = extractReferences(match[2]);
  if (references.length === 0) return null;
  const kind = match[1].toLowerCase().endsWith("by") ? "supersededBy" : "supersedes";
  return { kind, references };
}
