import { stringify } from "yaml";
import { z } from "zod";
import { configSchema } from "./schema.js";

/** Commented examples for keys whose default is empty, so a new user sees the shape. */
const EXAMPLES: Record<string, string> = {
  repositories: `# - ../platform\n# - path: mirrors/shop-api.git\n#   name: acme/shop-api`,
  "identity.aliases": `# - name: Ada Lovelace\n#   emails: [ada@example.com, ada@users.noreply.github.com]\n#   names: [ada]`,
  "bots.patterns": `# - "^ci-robot$"`,
  "files.exclude": `# - "**/*.snap"\n# - "legacy/**"`,
  "files.include": `# - "docs/runbooks/**"`,
  "areas.components": `# payments: ["services/payments/**", "libs/billing/**"]`,
  teams: `# platform:\n#   members: [ada@example.com, grace@example.com]\n#   areas: ["infra/**", "ci/**"]`,
};

interface JsonSchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchemaNode>;
}

/** The text `legible init` writes: every key with its description and default, from the schema itself. */
export function configTemplate(): string {
  const root = z.toJSONSchema(configSchema, { io: "input" }) as JsonSchemaNode;
  const lines = [
    "# legible configuration. Every key is optional; the values below are the defaults.",
    "# See README.md, section Configuration, and schema/legible.schema.json.",
    "",
  ];
  writeProperties(root, "", 0, lines);
  return `${lines.join("\n")}\n`;
}

function writeProperties(
  node: JsonSchemaNode,
  prefix: string,
  depth: number,
  lines: string[],
): void {
  const indent = "  ".repeat(depth);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (child.description) lines.push(`${indent}# ${child.description}`);
    if (child.type === "object" && child.properties) {
      lines.push(`${indent}${key}:`);
      writeProperties(child, path, depth + 1, lines);
    } else {
      const value = stringify({ [key]: child.default }, { flowCollectionPadding: false }).trimEnd();
      lines.push(...value.split("\n").map((line) => `${indent}${line}`));
      const example = EXAMPLES[path];
      if (example) lines.push(...example.split("\n").map((line) => `${indent}  ${line}`));
    }
    if (depth === 0) lines.push("");
  }
}
