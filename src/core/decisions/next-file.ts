import {
  baseName,
  datePrefixOf,
  decisionIdOf,
  isCalendarDate,
  isDecisionFile,
  slugify,
} from "./file-names.js";

/** The file a new decision goes to, following the folder's naming convention. */
export interface NextDecisionFile {
  fileName: string;
  id: string;
  number: number | null;
  convention: "numbered" | "date-prefixed";
}

/**
 * The next record's file name for a folder holding `existing` files. Date-prefixed when most
 * records are (log4brains: "YYYYMMDD-slug.md", or "YYYY-MM-DD-slug.md" when the folder uses dashes),
 * with "-2", "-3"… appended on a clash; otherwise numbered: the highest number plus one, zero-padded
 * to the width the folder uses (4 for a folder with no numbered record yet). Templates, indexes
 * and READMEs are ignored. The title's slug is cut to MAX_SLUG_BYTES UTF-8 bytes, so a long title
 * still makes a name every file system accepts. `date` is YYYY-MM-DD; anything else throws a
 * RangeError.
 */
export function nextDecisionFile(
  existing: string[],
  title: string,
  date: string,
): NextDecisionFile {
  if (!isCalendarDate(date)) throw new RangeError(`date '${date}' is not a YYYY-MM-DD date`);
  const names = existing.map(baseName).filter(isDecisionFile);
  const extension = dominantExtension(names);
  const slug = slugify(title);
  const ids = names.map(decisionIdOf);
  const dated = ids.flatMap((id) => datePrefixOf(id) ?? []);
  const numbered = ids.flatMap((id) =>
    datePrefixOf(id) ? [] : (/^\d+(?=[-_.]|$)/.exec(id) ?? []),
  );
  if (dated.length > numbered.length) {
    const dashed = dated.filter((d) => d.prefix.includes("-")).length * 2 > dated.length;
    const base = `${dashed ? date : date.replace(/-/g, "")}-${slug}`;
    const taken = new Set(ids.map((id) => id.toLowerCase()));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return { fileName: `${id}${extension}`, id, number: null, convention: "date-prefixed" };
  }
  const number = Math.max(0, ...numbered.map((digits) => Number.parseInt(digits, 10))) + 1;
  const id = `${String(number).padStart(paddingWidth(numbered), "0")}-${slug}`;
  return { fileName: `${id}${extension}`, id, number, convention: "numbered" };
}

/** The zero-padded width in use ("0007" → 4); 1 for unpadded numbers; 4 when there are none. */
function paddingWidth(prefixes: string[]): number {
  if (prefixes.length === 0) return 4;
  const padded = prefixes.filter((digits) => digits.startsWith("0") && digits.length > 1);
  return padded.length === 0 ? 1 : Math.max(...padded.map((digits) => digits.length));
}

function dominantExtension(names: string[]): string {
  const markdown = names.filter((name) => /\.markdown$/i.test(name)).length;
  return markdown * 2 > names.length ? ".markdown" : ".md";
}
