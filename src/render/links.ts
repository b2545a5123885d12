import { relative } from "node:path/posix";

/**
 * A relative URL from the directory a report is written to (`linkBase`) to a file, both absolute
 * POSIX paths: `../b/repo/docs/x.md`. Each segment is percent-encoded (parentheses too, so the URL
 * can stand in a Markdown link), so the result never carries a scheme or a query.
 */
export function relativeHref(linkBase: string, file: string): string {
  const path = relative(linkBase, file) || ".";
  return path
    .split("/")
    .map((segment) =>
      segment === ".." || segment === "."
        ? segment
        : encodeURIComponent(segment).replace(/[()'*!]/g, (c) => `%${hex(c)}`),
    )
    .join("/");
}

function hex(character: string): string {
  return character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
}
