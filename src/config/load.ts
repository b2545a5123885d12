import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import type { z } from "zod";
import { LegibleError } from "../errors.js";
import { CONFIG_FILE } from "./file-name.js";
import { findUp } from "./locate.js";
import { type Config, configSchema } from "./schema.js";

export { CONFIG_FILE } from "./file-name.js";

/** The YAML parser, loaded only when there is a config file to read. */
const loadYaml = () => createRequire(import.meta.url)("yaml") as typeof import("yaml");

export interface LoadedConfig {
  config: Config;
  /** The file read, or null when none was found and defaults apply. */
  file: string | null;
  /** The folder the config lives in (or the working directory): relative paths and `.legible/` hang off it. */
  baseDir: string;
  /** Problems that do not stop legible, such as unknown keys, each naming file, line and key. */
  warnings: string[];
}

/** Finds legible.yaml in `cwd` or its parents, or reads `explicit`; validates it against the schema. */
export function loadConfig(options: { cwd: string; explicit?: string | undefined }): LoadedConfig {
  const file = options.explicit
    ? resolve(options.cwd, options.explicit)
    : findUp(options.cwd, CONFIG_FILE);
  if (file === null)
    return { config: configSchema.parse({}), file: null, baseDir: options.cwd, warnings: [] };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new LegibleError(
      "BAD_CONFIG",
      `${file}: cannot read the config: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  return { ...parseConfig(text, file), file, baseDir: dirname(file) };
}

/** Parses and validates config text; errors name the file, line and key. Exported for tests. */
export function parseConfig(text: string, file: string): { config: Config; warnings: string[] } {
  const { isMap, LineCounter, parseDocument } = loadYaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? 1;
    throw new LegibleError(
      "BAD_CONFIG",
      `${file}:${line}: not valid YAML: ${yamlError.message.split("\n")[0]}`,
    );
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new LegibleError(
      "BAD_CONFIG",
      `${file}:1: expected a mapping of settings at the top level`,
    );
  }
  const lineOf = (path: PropertyKey[]): number => {
    const node = doc.getIn(path as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    const parent =
      path.length > 0 ? (doc.getIn(path.slice(0, -1) as unknown[], true) as unknown) : doc.contents;
    const offset = node?.range?.[0] ?? (isMap(parent) ? parent.range?.[0] : undefined) ?? 0;
    return lines.linePos(offset).line;
  };
  const first = configSchema.safeParse(data);
  if (first.success) return { config: first.data, warnings: [] };
  const warnings: string[] = [];
  const cleaned = structuredClone(data) as Record<string, unknown>;
  for (const issue of first.error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    for (const key of issue.keys) {
      const path = [...issue.path, key];
      warnings.push(`${file}:${lineOf(path)}: unknown key '${path.join(".")}' ignored`);
      deleteAt(cleaned, path);
    }
  }
  const second = configSchema.safeParse(cleaned);
  if (second.success) return { config: second.data, warnings };
  const issue = second.error.issues[0]!;
  throw new LegibleError(
    "BAD_CONFIG",
    `${file}:${lineOf(issue.path)}: ${describeKey(issue.path)}: ${explain(issue)}`,
  );
}

function describeKey(path: PropertyKey[]): string {
  return path.length === 0 ? "(top level)" : path.map(String).join(".");
}

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value")
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  if (issue.code === "invalid_type") return `expected ${issue.expected}`;
  return issue.message;
}

function deleteAt(target: Record<string, unknown>, path: PropertyKey[]): void {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) node = (node as Record<PropertyKey, unknown>)[key];
  if (node && typeof node === "object") delete (node as Record<PropertyKey, unknown>)[path.at(-1)!];
}
