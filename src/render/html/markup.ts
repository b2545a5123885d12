/**
 * Safe-by-construction HTML: `html` escapes every interpolated value unless it is already
 * {@link Markup} (the result of another `html` call or of {@link trusted}). Arrays are joined.
 */

/** A fragment of HTML that is already safe to place in a document. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Markup | string | number | null | undefined | false | readonly Part[];

/** Escapes text for element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function render(part: Part): string {
  if (part instanceof Markup) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  if (part === null || part === undefined || part === false) return "";
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Markup(out);
}

/** Marks text this module produced itself (never data) as HTML. */
export function trusted(text: string): Markup {
  return new Markup(text);
}

/** Joins fragments with a separator (text separators are escaped). */
export function join(parts: readonly Part[], separator: Part): Markup {
  return new Markup(parts.map(render).join(render(separator)));
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become `\u` escapes so
 * no data can close the element or open a comment, and U+2028/U+2029 are escaped too.
 * `JSON.parse` of the block's text gives back the value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * JavaScript source for an inline `<script>`: `</script` and `<!--` cannot appear in it. Both are
 * rewritten to equivalent forms (`<\/script`, `<\x21--`), which mean the same inside string,
 * template and regular-expression literals, the only places they can occur in library code.
 */
export function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\x21--");
}
