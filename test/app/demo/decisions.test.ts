import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseDecision, resolveReferences } from "../../../src/core/decisions/index.js";
import { type BuiltDemo, build, DAY, git, lines, NOW } from "./helpers.js";

let demo: BuiltDemo;
let shop: string;
let platform: string;
beforeAll(() => {
  demo = build();
  shop = demo.result.repositories[0] ?? "";
  platform = demo.result.repositories[2] ?? "";
});
afterAll(() => demo.cleanup());

const FOLDER = "docs/decisions";
const show = (repo: string, path: string) => git(repo, "show", `main:${path}`);
/** The YAML front matter of a record on main. */
function frontMatter(path: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(show(shop, `${FOLDER}/${path}`));
  if (!match?.[1]) throw new Error(`${path}: no front matter`);
  return parse(match[1]) as Record<string, unknown>;
}
const daysAgo = (date: unknown) => (NOW.getTime() - Date.parse(String(date))) / 1000 / DAY;

describe("the demo's decision records", () => {
  it("keeps five MADR 4 records in shop-api's docs/decisions", () => {
    expect(lines(git(shop, "ls-tree", "--name-only", `main:${FOLDER}`))).toEqual([
      "0001-publish-order-events-with-rabbitmq.md",
      "0002-reserve-stock-when-checkout-starts.md",
      "0003-require-an-idempotency-key-on-every-payment-request.md",
      "0004-publish-order-events-through-a-transactional-outbox.md",
      "0005-split-refunds-out-of-services-payments.md",
    ]);
  });

  it("states the executive tradeoff of the accepted payments decision", () => {
    const path = "0003-require-an-idempotency-key-on-every-payment-request.md";
    const meta = frontMatter(path);
    expect(meta.status).toBe("accepted");
    expect(meta["decision-makers"]).toEqual(["Mara Okafor", "Tomás Rivera"]);
    expect(meta.areas).toEqual(["services/payments"]);
    const text = show(shop, `${FOLDER}/${path}`);
    for (const label of [
      "Risk reduced",
      "Option preserved",
      "Cost accepted",
      "Easier later",
      "Business outcome protected",
    ])
      expect(text).toMatch(new RegExp(`^- ${label}: \\S.{10,}$`, "m"));
    const parsed = parseDecision({ path: `${FOLDER}/${path}`, text });
    // MADR 4 front matter with legible's sections: read as legible's MADR-4-compatible format.
    expect(["madr4", "legible"]).toContain(parsed.format);
    expect(parsed.statesTradeoff).toBe(true);
    expect(parsed.tradeoff.riskReduced).toMatch(/charged twice/);
  });

  it("has one accepted decision made by a single person with nobody consulted", () => {
    const meta = frontMatter("0002-reserve-stock-when-checkout-starts.md");
    expect(meta).toMatchObject({
      status: "accepted",
      "decision-makers": ["Greta Holm"],
      consulted: [],
      informed: [],
    });
    const others = ["0001", "0003", "0004"].map((n) =>
      lines(git(shop, "ls-tree", "--name-only", `main:${FOLDER}`)).find((f) => f.startsWith(n)),
    );
    for (const file of others)
      expect((frontMatter(file ?? "").consulted as string[]).length).toBeGreaterThan(0);
  });

  it("supersedes ADR 0001 with ADR 0004, linked both ways", () => {
    const old = frontMatter("0001-publish-order-events-with-rabbitmq.md");
    expect(old.status).toBe(
      "superseded by [ADR-0004](0004-publish-order-events-through-a-transactional-outbox.md)",
    );
    const newer = "0004-publish-order-events-through-a-transactional-outbox.md";
    expect(frontMatter(newer).status).toBe("accepted");
    expect(show(shop, `${FOLDER}/${newer}`)).toContain(
      "* Supersedes [ADR-0001](0001-publish-order-events-with-rabbitmq.md)",
    );
    const records = resolveReferences(
      lines(git(shop, "ls-tree", "--name-only", `main:${FOLDER}`)).map((file) =>
        parseDecision({ path: `${FOLDER}/${file}`, text: show(shop, `${FOLDER}/${file}`) }),
      ),
    );
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get("0001-publish-order-events-with-rabbitmq")?.supersededBy).toEqual([
      "0004-publish-order-events-through-a-transactional-outbox",
    ]);
    expect(
      byId.get("0004-publish-order-events-through-a-transactional-outbox")?.supersedes,
    ).toEqual(["0001-publish-order-events-with-rabbitmq"]);
    expect(daysAgo(frontMatter(newer).date)).toBeLessThan(7);
  });

  it("has a record proposed in the last 7 days, its tradeoff not yet stated", () => {
    const path = "0005-split-refunds-out-of-services-payments.md";
    const meta = frontMatter(path);
    expect(meta.status).toBe("proposed");
    expect(daysAgo(meta.date)).toBeLessThan(7);
    const parsed = parseDecision({
      path: `${FOLDER}/${path}`,
      text: show(shop, `${FOLDER}/${path}`),
    });
    expect(parsed.statesTradeoff).toBe(false);
    const added = Number(
      git(shop, "log", "-1", "--format=%ct", "--diff-filter=A", "main", "--", `${FOLDER}/${path}`),
    );
    expect(NOW.getTime() / 1000 - added).toBeLessThan(7 * DAY);
  });

  it("keeps adr-tools records in platform's doc/adr, found through .adr-dir", () => {
    expect(show(platform, ".adr-dir")).toBe("doc/adr\n");
    const files = lines(git(platform, "ls-tree", "--name-only", "main:doc/adr"));
    expect(files).toEqual([
      "0001-record-architecture-decisions.md",
      "0002-manage-infrastructure-with-terraform.md",
      "0003-run-services-on-kubernetes.md",
    ]);
    const first = show(platform, `doc/adr/${files[0]}`);
    expect(first).toMatch(/^# 1\. Record architecture decisions\n\nDate: \d{4}-\d{2}-\d{2}\n/);
    expect(first).toContain("## Status\n\nAccepted\n");
    for (const file of files) {
      const parsed = parseDecision({
        path: `doc/adr/${file}`,
        text: show(platform, `doc/adr/${file}`),
      });
      expect(parsed.format).toBe("adr-tools");
      expect(parsed.status).toBe("accepted");
    }
  });
});
