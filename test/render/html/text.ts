/** Test helpers: read an HTML string the way a reader would, without a browser. */

/** The page's visible text: scripts and styles dropped, tags removed, entities decoded, spaces collapsed. */
export function visibleText(page: string): string {
  return decode(
    page
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, " ")
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, " ")
      .replace(
        /<\/?(td|th|tr|p|li|h\d|div|figure|figcaption|table|thead|tbody|ul|section|article|header|footer|main|title)\b[^>]*>/gi,
        " ",
      )
      .replace(/<[^>]+>/g, ""),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** Every start tag outside scripts, e.g. `<img src="x">`. */
export function startTags(page: string): string[] {
  return [
    ...page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "<script>").matchAll(/<[a-z][^>]*>/gi),
  ].map((m) => m[0]);
}

/** The text of every element `tag` (h1, h2, ...), in order. */
export function headings(page: string, tag: string): string[] {
  return [...page.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "gi"))].map((m) =>
    visibleText(m[1] ?? ""),
  );
}

/** The text inside `<script ...attributes>` … `</script>`, for each script with those attributes. */
export function scriptBodies(page: string, attributes = ""): string[] {
  const open = attributes ? `<script ${attributes}>` : "<script>";
  const bodies: string[] = [];
  let from = 0;
  for (;;) {
    const start = page.indexOf(open, from);
    if (start < 0) return bodies;
    const end = page.indexOf("</script>", start + open.length);
    bodies.push(page.slice(start + open.length, end));
    from = end;
  }
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
