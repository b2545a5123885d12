/**
 * File names as git stores them are bytes, not text. legible keeps them as text (SQLite TEXT, JSON,
 * reports), so every path read from git goes through `decodePath` once, in this reader, and the
 * mapping is reversible (`encodePath`): two names that differ in any byte stay two names.
 *
 * The form: valid UTF-8 is kept as it is; each byte that is not part of valid UTF-8 (always 0x80 or
 * above) is written `%XX` (two upper-case hex digits, 80–FF); and a literal `%` that would read as
 * such an escape (followed by `25` or by 80–FF in upper case) is written `%25`. Names without
 * invalid bytes and without such a `%` sequence — nearly all — are unchanged.
 */
import { isUtf8 } from "node:buffer";

const ESCAPE = /^(?:25|[89A-F][0-9A-F])/;

/** Decodes a path's bytes (a slice of git's `-z` output) into legible's reversible text form. */
export function decodePath(bytes: Buffer): string {
  if (isUtf8(bytes)) {
    const text = bytes.toString("utf8");
    return text.includes("%") ? escapePercents(text) : text;
  }
  let out = "";
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out += escapePercents(bytes.toString("utf8", start, i));
    out += `%${bytes[i]!.toString(16).toUpperCase().padStart(2, "0")}`;
    i += 1;
    start = i;
  }
  return out + escapePercents(bytes.toString("utf8", start, i));
}

/** The bytes git knows a decoded path by (the inverse of `decodePath`). */
export function encodePath(path: string): Buffer {
  if (!path.includes("%")) return Buffer.from(path, "utf8");
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = path.indexOf("%"); i >= 0; i = path.indexOf("%", i + 1)) {
    const hex = path.slice(i + 1, i + 3);
    if (!ESCAPE.test(hex)) continue;
    parts.push(Buffer.from(path.slice(start, i), "utf8"), Buffer.from([Number.parseInt(hex, 16)]));
    start = i + 3;
    i += 2;
  }
  parts.push(Buffer.from(path.slice(start), "utf8"));
  return Buffer.concat(parts);
}

function escapePercents(text: string): string {
  return text.replace(/%(?=25|[89A-F][0-9A-F])/g, "%25");
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Buffer, i: number): number {
  const first = bytes[i]!;
  if (first < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) length = 2;
  else if (first >= 0xe0 && first <= 0xef) {
    length = 3;
    if (first === 0xe0) low = 0xa0;
    if (first === 0xed) high = 0x9f;
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4;
    if (first === 0xf0) low = 0x90;
    if (first === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined) return 0;
    if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

/** Splits git's `-z` output into its NUL-terminated fields (a trailing unterminated field is kept). */
export function splitNul(bytes: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (let nul = bytes.indexOf(0, start); nul >= 0; nul = bytes.indexOf(0, start)) {
    fields.push(bytes.subarray(start, nul));
    start = nul + 1;
  }
  if (start < bytes.length) fields.push(bytes.subarray(start));
  return fields;
}
