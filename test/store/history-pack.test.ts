import { describe, expect, it } from "vitest";
import {
  asciiJson,
  decodePack,
  encodePack,
  mergesOf,
  PACK_COMMITS,
  PACK_VERSION,
} from "../../src/store/history-pack.js";
import { summarisePack } from "../../src/store/history-summary.js";
import type { StoredCommit } from "../../src/store/store.js";

const ada = { name: "Ada Lovelace", email: "ada@example.com" };
const grace = { name: "Grace Hopper", email: "grace@example.com" };
const bot = { name: "renovate[bot]", email: "bot@example.com" };

const commits: StoredCommit[] = [
  {
    sha: "a".repeat(40),
    parents: [],
    author: ada,
    authorTime: -2_208_988_800, // 1900: git prints no date, the header does
    commitTime: 0,
    subject: "first",
    coAuthors: [],
    isMerge: false,
    skipped: null,
    changes: [{ sha: "a".repeat(40), kind: "A", path: "src/ü nicode.ts", oldPath: null }],
  },
  {
    sha: "b".repeat(40),
    parents: ["a".repeat(40)],
    author: grace,
    authorTime: 1_700_000_000,
    commitTime: 1_700_000_100,
    subject: 'a "quoted"\tsubject',
    coAuthors: [ada, bot],
    isMerge: false,
    skipped: null,
    signals: [
      { kind: "reviewed-by", person: ada },
      { kind: "reverts", sha: "a".repeat(40) },
      { kind: "helped-by", person: grace },
    ],
    changes: [
      { sha: "b".repeat(40), kind: "R", path: "src/new.ts", oldPath: "src/ü nicode.ts" },
      { sha: "b".repeat(40), kind: "C", path: "src/copy.ts", oldPath: "src/new.ts" },
      { sha: "b".repeat(40), kind: "D", path: "old.txt", oldPath: null },
      { sha: "b".repeat(40), kind: "M", path: "src/new.ts", oldPath: null },
    ],
  },
  {
    sha: "c".repeat(40),
    parents: ["b".repeat(40), "d".repeat(40)],
    author: ada,
    authorTime: 1_800_000_000,
    commitTime: 1_800_000_000,
    subject: "",
    coAuthors: [],
    isMerge: true,
    skipped: "fatal: unable to read tree 1234",
    changes: [],
  },
];

describe("history packs", () => {
  it("give back every field of the commits packed, in order", () => {
    const decoded = decodePack(encodePack(commits));
    expect(decoded).toEqual(commits);
    // A commit without signals has none, not an empty list (as read from rows).
    expect("signals" in decoded!.find((c) => c.sha === "a".repeat(40))!).toBe(false);
  });

  it("are written in ASCII alone, and read back the same names, emoji and odd characters", () => {
    const odd = commits.map((commit) => ({
      ...commit,
      author: { name: "Zoë 李 😀", email: "zoë@exämple.com" },
      subject: `lone \ud800 surrogate, tab\t, quote " and \u2028 separator`,
    }));
    const text = encodePack(odd);
    expect(text).not.toMatch(/[\u0080-\uffff]/);
    expect(decodePack(text)).toEqual(odd);
    expect(JSON.parse(asciiJson(JSON.stringify(odd)))).toEqual(odd);
    expect(asciiJson('{"a":"plain"}')).toBe('{"a":"plain"}');
    // History summaries too.
    const summary = summarisePack(odd);
    expect(summary).not.toMatch(/[\u0080-\uffff]/);
    expect(JSON.stringify(JSON.parse(summary))).toContain("Zoë 李 😀");
  });

  it("name each identity and path once", () => {
    const body = JSON.parse(encodePack(commits));
    expect(body.v).toBe(PACK_VERSION);
    expect(body.who).toHaveLength(6); // three identities, name and e-mail each
    expect(body.paths).toEqual(["src/ü nicode.ts", "src/new.ts", "src/copy.ts", "old.txt"]);
  });

  it("read one after the other as one history, and refuse a pack of another version", () => {
    const first = decodePack(encodePack(commits.slice(0, 1)));
    const rest = decodePack(encodePack(commits.slice(1)));
    expect([...first!, ...rest!]).toEqual(commits);
    const other = JSON.stringify({ ...JSON.parse(encodePack(commits)), v: PACK_VERSION + 1 });
    expect(decodePack(other)).toBeNull();
  });

  it("share one frozen empty list among commits without parents, co-authors or changes", () => {
    const [root, second] = decodePack(
      encodePack([commits[0]!, { ...commits[0]!, sha: "f".repeat(40) }]),
    )!;
    const empty = [root!.parents, root!.coAuthors, second!.parents].filter(
      (list) => list.length === 0,
    );
    for (const list of empty) expect(Object.isFrozen(list)).toBe(true);
  });

  it("are merged in runs of small packs, up to under two batches, full packs left alone", () => {
    const pack = (name: string, size: number) => ({ name, commits: new Array(size).fill(0) });
    const full = PACK_COMMITS;
    const packs = [
      pack("a", full),
      pack("b", full),
      pack("c", 1000),
      pack("d", 1000),
      pack("e", 1000),
      pack("f", 1000),
      pack("g", full),
      pack("h", 10),
      pack("i", 2490),
      pack("j", 5),
      pack("k", 7),
      pack("l", 3),
    ];
    const names = mergesOf(packs).map((group) => group.map((p) => p.name).join(""));
    // c+d+e reach a batch (3,000 < 5,000); f stays alone; g breaks the run; h+i make exactly a
    // batch; j+k+l are the open tail.
    expect(names).toEqual(["cde", "hi", "jkl"]);
    // Nothing to merge: one small pack between full ones, or a single tail.
    expect(mergesOf([pack("a", full), pack("b", 5), pack("c", full), pack("d", 9)])).toEqual([]);
  });
});
