/**
 * File contents for the demo repositories: small, plausible text that changes a little with every
 * commit. A file is a header plus a list of blocks; a change appends a block (the oldest goes once
 * a file holds twelve), so every change is a real modification git can see.
 */

/** The evolving text of one file. */
export interface FileText {
  path: string;
  blocks: string[];
  /** How many changes the file has seen (names blocks uniquely). */
  changes: number;
  /** Actions a workflow pins, e.g. actions/checkout → v3 (what dependabot bumps). */
  pins?: Record<string, string>;
}

/** The actions every workflow starts with. */
const INITIAL_PINS: Record<string, string> = {
  "actions/checkout": "v3",
  "actions/setup-node": "v3",
};

const MAX_BLOCKS = 12;

/** A new file whose first block describes `what`. */
export function newFile(path: string, what: string): FileText {
  const file: FileText = { path, blocks: [block(path, what, 0)], changes: 0 };
  if (isWorkflow(path)) file.pins = { ...INITIAL_PINS };
  return file;
}

/** The file after a change described by `what` (a new object; `file` is left as it was). */
export function changeFile(file: FileText, what: string): FileText {
  const changes = file.changes + 1;
  const blocks = [...file.blocks, block(file.path, what, changes)];
  return { ...file, blocks: blocks.slice(-MAX_BLOCKS), changes };
}

/** The workflow with `action` pinned to `version` instead of `from` (unchanged when not pinned so). */
export function bumpAction(
  file: FileText,
  action: string,
  from: string,
  version: string,
): FileText {
  if (file.pins?.[action] !== from) return file;
  return { ...file, pins: { ...file.pins, [action]: version } };
}

function isWorkflow(path: string): boolean {
  return path.startsWith(".github/workflows/");
}

/** The file's text as written to git. */
export function render(file: FileText): string {
  const setup = file.pins
    ? `  setup:\n    runs-on: ubuntu-latest\n    steps:\n${Object.entries(file.pins)
        .map(([action, version]) => `      - uses: ${action}@${version}\n`)
        .join("")}`
    : "";
  return `${header(file.path)}${setup}${file.blocks.join("\n")}`;
}

function extension(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1);
}

function header(path: string): string {
  switch (extension(path)) {
    case "ts":
    case "tsx":
      return `// ${path}\n\n`;
    case "md":
      return `# ${titleOf(path)}\n\n`;
    case "yml":
    case "yaml":
      return isWorkflow(path)
        ? `name: ${titleOf(path)}\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n`
        : `# ${path}\napiVersion: v1\nkind: List\nitems:\n`;
    case "tf":
      return `# ${path}\n\n`;
    case "sh":
      return `#!/usr/bin/env bash\nset -euo pipefail\n\n`;
    default:
      return "";
  }
}

function block(path: string, what: string, n: number): string {
  const name = identifier(what, n);
  switch (extension(path)) {
    case "ts":
    case "tsx":
      return `/** ${sentence(what)} */\nexport function ${name}(input: unknown): unknown {\n  return input ?? ${n};\n}\n`;
    case "md":
      return `## ${sentence(what)}\n\n${sentence(what)}: check the dashboard, then follow step ${n + 1}.\n`;
    case "yml":
    case "yaml":
      return isWorkflow(path)
        ? `  ${snake(name)}:\n    needs: setup\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run ${snake(name)}\n`
        : `  - kind: ConfigMap\n    metadata:\n      name: ${snake(name).replace(/_/g, "-")}\n`;
    case "tf":
      return `# ${sentence(what)}\nresource "terraform_data" "${snake(name)}" {\n  input = ${n}\n}\n`;
    case "sh":
      return `# ${sentence(what)}\necho "${snake(name)}"\n`;
    default:
      return `${sentence(what)} (${n})\n`;
  }
}

function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

function identifier(what: string, n: number): string {
  const parts = words(what).slice(0, 5);
  const camel = parts
    .map((w, i) => (i === 0 ? w : `${w[0]?.toUpperCase() ?? ""}${w.slice(1)}`))
    .join("");
  return `${/^[a-z]/.test(camel) ? camel : `step${camel}`}${n > 0 ? n : ""}`;
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

function sentence(what: string): string {
  const text = what.trim();
  return `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;
}

function titleOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "");
  return sentence(words(name).join(" ") || "document");
}
