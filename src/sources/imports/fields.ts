import type { Account } from "../../core/delivery/model.js";
import { isZeroTime, parseTime, TIME_EXPECTED } from "./dates.js";

/** A record field that is missing or malformed; its message names the field and what was expected. */
export class FieldError extends Error {
  constructor(field: string, expected: string, got: unknown) {
    super(
      `${field}: expected ${expected}${got === undefined ? ", but it is missing" : `, got ${describe(got)}`}`,
    );
    this.name = "FieldError";
  }
}

/** A record's problem that is not about one field's shape (a draft release, no repository, ...). */
export class RecordError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RecordError";
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * Typed, path-aware reads of one record (a parsed JSON object, or a CSV record keyed by field).
 * Every failed read throws a {@link FieldError} naming the field's full path (`reviews[2].state`)
 * or, for CSV, its column. "Missing" means absent, null or a blank string.
 */
export class Fields {
  private constructor(
    private readonly data: JsonObject,
    private readonly prefix: string,
    private readonly label: (key: string) => string,
  ) {}

  /** Reads `value` as a record; throws when it is not an object. */
  static of(value: unknown, prefix = "", label?: (key: string) => string): Fields {
    if (!isObject(value)) throw new RecordError(`expected an object, got ${describe(value)}`);
    return new Fields(value, prefix, label ?? ((key) => key));
  }

  /** The field's name as messages show it. */
  name(key: string): string {
    const own = this.label(key);
    return this.prefix === "" ? own : `${this.prefix}.${own}`;
  }

  /** The raw value, or undefined when absent, null or blank. */
  raw(key: string): unknown {
    if (!Object.hasOwn(this.data, key)) return undefined;
    const value = this.data[key];
    if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
    return value;
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  string(key: string): string {
    const value = this.optString(key);
    if (value === null) throw new FieldError(this.name(key), "a non-empty string", undefined);
    return value;
  }

  optString(key: string): string | null {
    const value = this.raw(key);
    if (value === undefined) return null;
    if (typeof value !== "string") throw new FieldError(this.name(key), "a string", value);
    return value.trim();
  }

  /** A positive integer (a JSON number or, in CSV, its digits). */
  int(key: string): number {
    const value = this.raw(key);
    const number =
      typeof value === "number"
        ? value
        : typeof value === "string" && /^\d+$/.test(value.trim())
          ? Number(value)
          : Number.NaN;
    if (!Number.isSafeInteger(number) || number <= 0) {
      throw new FieldError(this.name(key), "a positive integer", value);
    }
    return number;
  }

  /** An identifier: a non-empty string or an integer, as a string. */
  id(key: string): string {
    const value = this.optId(key);
    if (value === null)
      throw new FieldError(this.name(key), "an identifier (string or integer)", undefined);
    return value;
  }

  optId(key: string): string | null {
    const value = this.raw(key);
    if (value === undefined) return null;
    if (typeof value === "string") return value.trim();
    if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
    throw new FieldError(this.name(key), "an identifier (string or integer)", value);
  }

  /** A timestamp in Unix seconds. */
  time(key: string): number {
    const value = this.optTime(key);
    if (value === null) throw new FieldError(this.name(key), TIME_EXPECTED, undefined);
    return value;
  }

  optTime(key: string): number | null {
    const value = this.raw(key);
    if (value === undefined) return null;
    if (typeof value === "string" && isZeroTime(value)) return null;
    const time = typeof value === "string" ? parseTime(value) : null;
    if (time === null) throw new FieldError(this.name(key), TIME_EXPECTED, value);
    return time;
  }

  /** A commit SHA (7 to 64 hex digits), lower-cased. */
  sha(key: string): string {
    const value = this.optSha(key);
    if (value === null)
      throw new FieldError(this.name(key), "a commit SHA (hex digits)", undefined);
    return value;
  }

  optSha(key: string): string | null {
    const value = this.raw(key);
    if (value === undefined) return null;
    if (typeof value !== "string" || !SHA.test(value.trim())) {
      throw new FieldError(this.name(key), "a commit SHA (hex digits)", value);
    }
    return value.trim().toLowerCase();
  }

  optNumber(key: string): number | null {
    const value = this.raw(key);
    if (value === undefined) return null;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new FieldError(this.name(key), "a number", value);
    }
    return value;
  }

  optBoolean(key: string): boolean | null {
    const value = this.raw(key);
    if (value === undefined) return null;
    if (typeof value !== "boolean") throw new FieldError(this.name(key), "true or false", value);
    return value;
  }

  object(key: string): Fields {
    const value = this.optObject(key);
    if (value === null) throw new FieldError(this.name(key), "an object", undefined);
    return value;
  }

  optObject(key: string): Fields | null {
    const value = this.raw(key);
    if (value === undefined) return null;
    if (!isObject(value)) throw new FieldError(this.name(key), "an object", value);
    return new Fields(value, this.name(key), (k) => k);
  }

  /** Whether the field is present as an array (possibly empty). */
  hasList(key: string): boolean {
    return Array.isArray(this.raw(key));
  }

  /** The objects of an array field; absent or null reads as empty. */
  list(key: string): Fields[] {
    const value = this.raw(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new FieldError(this.name(key), "an array", value);
    return value.map((item, index) => {
      const name = `${this.name(key)}[${index}]`;
      if (!isObject(item)) throw new FieldError(name, "an object", item);
      return new Fields(item, name, (k) => k);
    });
  }

  /** An array of names: strings, or objects with a `name` (labels, tags). */
  names(key: string): string[] {
    const value = this.raw(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new FieldError(this.name(key), "an array", value);
    const names: string[] = [];
    value.forEach((item, index) => {
      if (typeof item === "string") {
        if (item.trim() !== "") names.push(item.trim());
      } else {
        names.push(Fields.of(item, `${this.name(key)}[${index}]`).string("name"));
      }
    });
    return names;
  }
}

/** An account from a login and an optional email; null when there is no login. */
export function account(login: string | null, email: string | null = null): Account | null {
  const name = login?.trim() ?? "";
  if (name === "") return null;
  const mail = email?.trim() ?? "";
  return { login: name, email: mail === "" ? null : mail };
}

/** Sorts by time, then id, so rows do not depend on the order a source listed them in. */
export function byTimeThenId<T extends { id: string }>(time: (item: T) => number) {
  return (a: T, b: T): number => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
