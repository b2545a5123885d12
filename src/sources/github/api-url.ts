import { LegibleError } from "../../errors.js";

const EXAMPLE = "e.g. https://api.github.com or https://github.example.com/api/v3";

/**
 * The API base URL, checked before any request: an http(s) URL with no credentials, query or
 * fragment, without a trailing slash. A credential in the URL would be echoed in messages and
 * stack traces, and the token has its own place (GITHUB_TOKEN or GH_TOKEN), so it is refused, the
 * URL redacted in the message. Throws LegibleError "BAD_USAGE".
 */
export function parseApiUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LegibleError(
      "BAD_USAGE",
      `--api-url ${redactUrl(value)}: not a URL; expected an http or https URL (${EXAMPLE})`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new LegibleError(
      "BAD_USAGE",
      `--api-url ${redactUrl(value)}: expected an http or https URL (${EXAMPLE})`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new LegibleError(
      "BAD_USAGE",
      `--api-url ${redactUrl(value)}: credentials in the URL are not accepted`,
      "put the token in GITHUB_TOKEN or GH_TOKEN; it is sent only to the API's origin",
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new LegibleError(
      "BAD_USAGE",
      `--api-url ${redactUrl(value)}: expected no query or fragment (${EXAMPLE})`,
    );
  }
  return url;
}

/** The base URL as requests are built from it: no trailing slash. */
export function apiBase(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The text with the user-info part of every URL in it (`scheme://user:secret@`) replaced by `***@`,
 * whether or not the URL parses.
 */
export function redactUrl(text: string): string {
  return text.replace(/(\/\/)[^/?#\s@]*@/g, "$1***@");
}

/** C0 and C1 control characters, DEL included: terminal escapes and line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/**
 * Text that came from a server or a URL, made safe for a one-line message: credentials in URLs and
 * the given secrets replaced by `***`, control characters (terminal escapes, line breaks) replaced
 * by spaces, and at most `max` characters.
 */
export function safeText(
  text: string,
  secrets: readonly (string | undefined)[],
  max = 200,
): string {
  let out = redactUrl(text);
  // A token is long; a secret of a few characters would blank out ordinary words.
  for (const secret of secrets)
    if (secret && secret.length >= 8) out = out.split(secret).join("***");
  out = out.replace(CONTROL, " ").replace(/ {2,}/g, " ").trim();
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
