import { type FrontMatter, scalarText } from "./front-matter.js";
import { type MarkdownDocument, stripEmphasis } from "./markdown.js";
import { withWrappedLink } from "./read-status.js";
import { extractReferences, SUPERSESSION_LINE, supersessionIn } from "./references.js";

/** A reference to another record and the line it is written on. */
export interface LocatedReference {
  reference: string;
  line: number;
}

/** Both directions of supersession a record states. */
export interface Supersession {
  supersedes: LocatedReference[];
  supersededBy: LocatedReference[];
}

const FRONT_MATTER_KEYS: [keyof Supersession, string[]][] = [
  ["supersedes", ["supersedes"]],
  ["supersededBy", ["superseded-by", "supersededby", "superseded_by"]],
];

/**
 * "Supersedes …" and "Superseded by …" lines anywhere in the body (either spelling, bullet or
 * not: adr-tools' Status section, MADR's Links or More Information; also "Overrides …",
 * "Overridden by …" and "in part"; a link wrapped onto the next line is read whole), `supersedes:` and
 * `superseded-by:` front matter, and the references of a "superseded by …" status.
 */
export function readSupersession(
  doc: MarkdownDocument,
  frontMatter: FrontMatter,
  fromStatus: LocatedReference[],
): Supersession {
  const found: Supersession = { supersedes: [], supersededBy: [...fromStatus] };
  for (const line of doc.lines.slice(doc.bodyStart)) {
    const prose = stripEmphasis(line.prose);
    const read = supersessionIn(
      SUPERSESSION_LINE.test(prose)
        ? stripEmphasis(withWrappedLink(prose, doc, line.number))
        : prose,
    );
    if (read)
      found[read.kind].push(
        ...read.references.map((reference) => ({ reference, line: line.number })),
      );
  }
  for (const [direction, keys] of FRONT_MATTER_KEYS) {
    for (const key of keys) {
      const entry = frontMatter.get(key);
      if (!entry) continue;
      const values = Array.isArray(entry.value) ? entry.value : [entry.value];
      for (const value of values) {
        const text = scalarText(value);
        if (text)
          found[direction].push(
            ...extractReferences(text).map((reference) => ({ reference, line: entry.line })),
          );
      }
    }
  }
  return {
    supersedes: uniqueReferences(found.supersedes),
    supersededBy: uniqueReferences(found.supersededBy),
  };
}

function uniqueReferences(references: LocatedReference[]): LocatedReference[] {
  const seen = new Set<string>();
  const unique: LocatedReference[] = [];
  for (const located of references) {
    if (seen.has(located.reference)) continue;
    seen.add(located.reference);
    unique.push(located);
  }
  return unique;
}
