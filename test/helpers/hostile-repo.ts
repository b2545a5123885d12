/**
 * A real git repository built to attack legible's git reader: every object is written by hand
 * (`git hash-object --literally`, `git mktree -z`), so names, identities and dates are exactly the
 * bytes chosen here, whatever git's porcelain would allow. Deterministic: the same bytes give the
 * same commit ids on every run.
 *
 * What it holds (HOSTILE describes it for the assertions):
 * - 30 commits on one line; commit 1 is dated 1900, commits 15 and 25 in the year ~3,000,000;
 * - file names with a newline, a tab, control characters and \x1f; two names that differ only in
 *   bytes that are not UTF-8, and a valid name equal to their escaped form's neighbour;
 * - authors whose names hold \x1f, a tab and an escape sequence;
 * - three decision records, the first with a newline in its file name;
 * - a replace ref that cuts the history at commit 20, and a grafts file that cuts it at commit 10;
 * - blobs deleted from the object store after committing: `.mailmap`, `.gitattributes`, `lost.txt`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isolatedEnv } from "./gitrepo.js";

const b = (text: string) => Buffer.from(text, "utf8");
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? b(p) : Buffer.from(p))));

/** Files of the hostile tree: name bytes → content. */
const FILES: [Buffer, string][] = [
  [b("README.md"), "# hostile\n"],
  [b("src/tab\tname.ts"), "export const tab = 1;\n"],
  [b("src/new\nline.ts"), "export const newline = 1;\n"],
  [b("src/ctrl\x07\x1b[31mred.ts"), "export const ctrl = 1;\n"],
  [b("src/unit\x1fsep.ts"), "export const unit = 1;\n"],
  [bytes("src/latin-", [0xe9], ".txt"), "e acute in latin-1\n"],
  [bytes("src/latin-", [0xe8], ".txt"), "e grave in latin-1\n"],
  [b("src/latin-%E9.txt"), "a valid name that reads like an escape\n"],
  [b("src/100%.txt"), "a plain percent\n"],
  [b("docs/decisions/0001-first\nsecond.md"), decision("Use newlines carefully", "Rejected")],
  [b("docs/decisions/0002-use-postgres.md"), decision("Use PostgreSQL", "Accepted")],
  [b("docs/decisions/0003-use-kafka.md"), decision("Use Kafka", "Proposed")],
  [b(".mailmap"), "Ada Lovelace <ada@example.com> <ada@old.example.com>\n"],
  [b(".gitattributes"), "*.txt linguist-generated\n"],
  [b("lost.txt"), "this blob is deleted after committing\n"],
];

/** Paths legible should show for FILES, in its reversible escaped form (see src/sources/git/paths.ts). */
export const EXPECTED_PATHS = [
  "README.md",
  "src/tab\tname.ts",
  "src/new\nline.ts",
  "src/ctrl\x07\x1b[31mred.ts",
  "src/unit\x1fsep.ts",
  "src/latin-%E9.txt",
  "src/latin-%E8.txt",
  "src/latin-%25E9.txt",
  "src/100%.txt",
  "docs/decisions/0001-first\nsecond.md",
  "docs/decisions/0002-use-postgres.md",
  "docs/decisions/0003-use-kafka.md",
  ".mailmap",
  ".gitattributes",
  "lost.txt",
];

const AUTHORS = [
  "Ada Lovelace <ada@old.example.com>",
  "Unit\x1fSeparator 1700000000 +0000 <unit@example.com>",
  "Tab\tPerson <tab@example.com>",
  "Esc\x1b]0;pwned\x07Person <esc@example.com>",
];

export const HOSTILE = {
  commits: 30,
  /** 1900-01-01T00:00:00Z. */
  oldDate: -2208988800,
  oldCommit: 1,
  /** About the year 3,000,000. */
  futureDate: 94670856000000,
  /** One before the replace ref's cut and one after it, so both readings meet a far-future date. */
  futureCommits: [15, 25],
  replacedCommit: 20,
  graftedCommit: 10,
  missing: [".gitattributes", ".mailmap", "lost.txt"],
  decisions: [
    {
      path: "docs/decisions/0001-first\nsecond.md",
      title: "Use newlines carefully",
      status: "rejected",
    },
    { path: "docs/decisions/0002-use-postgres.md", title: "Use PostgreSQL", status: "accepted" },
    { path: "docs/decisions/0003-use-kafka.md", title: "Use Kafka", status: "proposed" },
  ],
} as const;

export interface HostileRepo {
  /** The work tree (nothing checked out). */
  dir: string;
  root: string;
  env: NodeJS.ProcessEnv;
  /** Commit ids, oldest first. */
  shas: string[];
  git(args: string[], input?: string | Buffer): Buffer;
  cleanup(): void;
}

function decision(title: string, status: string): string {
  return `# ${title}\n\n## Status\n\n${status}\n\n## Context\n\nBecause.\n\n## Decision\n\nWe do.\n\n## Consequences\n\nSome.\n`;
}

export function makeHostileRepo(): HostileRepo {
  const root = mkdtempSync(join(tmpdir(), "legible-hostile-"));
  const dir = join(root, "hostile");
  const home = join(root, "home");
  mkdirSync(home);
  const env = isolatedEnv(home);
  const git = (args: string[], input?: string | Buffer): Buffer => {
    const result = spawnSync("git", ["-C", dir, ...args], { env, input: input ?? "" });
    if (result.status !== 0)
      throw new Error(`git ${args.join(" ")} failed: ${result.stderr.toString("utf8")}`);
    return result.stdout;
  };
  spawnSync("git", ["init", "-q", "-b", "main", dir], { env });
  const write = (type: string, content: Buffer | string) =>
    git(["hash-object", "-t", type, "-w", "--literally", "--stdin"], content).toString().trim();

  // One tree per commit: the files present so far (commit i adds file i, cycling, then edits).
  const blobOf = new Map<string, string>();
  const tree = (files: [Buffer, string][]): string => {
    const entries = new Map<
      string,
      { name: Buffer; children: [Buffer, string][]; blob?: string }
    >();
    for (const [path, content] of files) {
      const slash = path.indexOf(0x2f);
      if (slash < 0) {
        const key = path.toString("hex");
        let blob = blobOf.get(content);
        if (!blob) {
          blob = write("blob", content);
          blobOf.set(content, blob);
        }
        entries.set(key, { name: path, children: [], blob });
      } else {
        const name = path.subarray(0, slash);
        const key = `d${name.toString("hex")}`;
        const entry = entries.get(key) ?? { name, children: [] };
        entry.children.push([path.subarray(slash + 1), content]);
        entries.set(key, entry);
      }
    }
    const lines = [...entries.values()].map((entry) =>
      entry.blob
        ? bytes(`100644 blob ${entry.blob}\t`, [...entry.name], [0])
        : bytes(`040000 tree ${tree(entry.children)}\t`, [...entry.name], [0]),
    );
    return git(["mktree", "-z"], Buffer.concat(lines)).toString().trim();
  };

  const shas: string[] = [];
  let parent: string | null = null;
  for (let i = 1; i <= HOSTILE.commits; i++) {
    const present = FILES.slice(0, Math.min(i, FILES.length)).map(
      ([path, content]): [Buffer, string] =>
        i > FILES.length && path.equals(b("README.md"))
          ? [path, `# hostile ${i}\n`]
          : [path, content],
    );
    const time =
      i === HOSTILE.oldCommit
        ? HOSTILE.oldDate
        : (HOSTILE.futureCommits as readonly number[]).includes(i)
          ? HOSTILE.futureDate
          : 1704067200 + i * 86_400; // 2024-01-01 + i days
    const author = AUTHORS[i % AUTHORS.length]!;
    const text = [
      `tree ${tree(present)}`,
      ...(parent ? [`parent ${parent}`] : []),
      `author ${author} ${time} +0000`,
      `committer ${author} ${time} +0000`,
      "",
      `commit ${i}: subject with \x1f and \x1b[2J`,
      "",
    ].join("\n");
    parent = write("commit", text);
    shas.push(parent);
  }
  git(["update-ref", "refs/heads/main", parent!]);

  // Local rewrites: a replace ref making commit 20 a root, and a grafts file doing so for commit 10.
  git(["replace", "--graft", shas[HOSTILE.replacedCommit - 1]!]);
  writeFileSync(join(dir, ".git", "info", "grafts"), `${shas[HOSTILE.graftedCommit - 1]}\n`);

  // Missing blobs: delete their loose objects (all objects here are loose).
  for (const path of HOSTILE.missing) {
    const blob = blobOf.get(FILES.find(([p]) => p.equals(b(path)))![1])!;
    unlinkSync(join(dir, ".git", "objects", blob.slice(0, 2), blob.slice(2)));
  }
  return {
    dir,
    root,
    env,
    shas,
    git,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
