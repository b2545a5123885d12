/** Small formatting helpers shared by renderers. */
import { isoDay } from "../core/dates.js";
import { markdownText } from "./markdown.js";

export function isoDate(unixSeconds: number): string {
  return isoDay(unixSeconds);
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
}

/** "3 days ago", "5 months ago": for terminal tables; piped output uses ISO dates instead. */
export function relativeTime(fromSeconds: number, nowSeconds: number): string {
  const days = Math.floor((nowSeconds - fromSeconds) / 86_400);
  if (days < 1) return "today";
  if (days < 60) return `${days} day${days === 1 ? "" : "s"} ago`;
  const months = Math.floor(days / 30.4);
  if (months < 24) return `${months} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

/**
 * Text from the records for a Markdown table cell (or any Markdown line): one line, every
 * character that could start Markdown or HTML escaped, control characters made visible.
 */
export function mdCell(text: string): string {
  return markdownText(text);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${grouped(count)} ${pluralWord(count, singular, pluralForm)}`;
}

/**
 * A count with thousands separators, as `toLocaleString("en")` writes it. Whole numbers are grouped
 * by hand: the first toLocaleString of a process loads ICU's number formatting (about 20 ms), which
 * is most of what a re-scan with nothing new costs beyond starting Node.
 */
export function grouped(count: number): string {
  if (!Number.isSafeInteger(count)) return count.toLocaleString("en");
  const digits = String(Math.abs(count));
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) {
    const part = digits.slice(Math.max(0, end - 3), end);
    out = out === "" ? part : `${part},${out}`;
  }
  return count < 0 ? `-${out}` : out;
}

/** The singular or plural form of a word for a count: `pluralWord(1, "state", "states")`. */
export function pluralWord(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}
