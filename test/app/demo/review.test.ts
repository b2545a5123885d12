/**
 * The demo read back by legible itself: importing its exports and running the review shows every
 * planted fact where the weekly review should show it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeReport } from "../../../src/app/report-types.js";
import type { ReviewReport } from "../../../src/app/review.js";
import { type BuiltDemo, build, DAY, legibleIn, NOW } from "./helpers.js";

let demo: BuiltDemo;
let review: ReviewReport;
let markdown: string;

async function legible(args: string[]): Promise<string> {
  return legibleIn(demo.result.dir, args);
}

beforeAll(async () => {
  demo = build();
  await legible(["import"]);
  review = JSON.parse(await legible(["review", "--json"])) as ReviewReport;
  markdown = await legible(["review"]);
});
afterAll(() => demo.cleanup());

describe("the weekly review of the demo organisation", () => {
  it("finds Mara's heroics and the payments reviewer bottleneck", () => {
    const heroics = review.heroics.answer;
    expect(heroics?.incidents.now).toBeGreaterThanOrEqual(4);
    expect(heroics?.incidents.before).toBeGreaterThan(0);
    expect(heroics?.responderRisks.map((r) => r.holder.name)).toContain("Mara Okafor");
    const payments = heroics?.reviewRisks.find((r) => r.area === "shop-api: services/payments");
    expect(payments?.holder.name).toBe("Tomás Rivera");
    expect(payments?.explanation).toMatch(/knowledge concentration/);
  });

  it("sees friction removed in web's src/checkout and the payments wait", () => {
    const areas = new Map(review.friction.answer?.areas.map((a) => [a.area, a.change]));
    expect(areas.get("web: src/checkout")).toBe("removed");
    expect(["routed-around", "persisting"]).toContain(areas.get("shop-api: services/payments"));
  });

  it("lists the knowledge islands, the orphaned area and the decision made alone", () => {
    const trapped = review.trappedKnowledge;
    const status = (repository: string, area: string) =>
      trapped.now.find((a) => a.repository === repository && a.area === area)?.status;
    expect(status("shop-api", "services/payments")).toBe("knowledge-island");
    expect(status("web", "src/search")).toBe("orphaned");
    expect(status("web", "src/checkout")).toBeUndefined();
    expect(trapped.released).toContain("platform: tools/deploy");
    expect(trapped.singleDecider.map((d) => d.id)).toEqual([
      "0002-reserve-stock-when-checkout-starts",
    ]);
    const payments = trapped.now.find((a) => a.area === "services/payments");
    expect(payments?.holders.filter((h) => h.active).map((h) => h.name)).toEqual(["Mara Okafor"]);
    expect(payments?.decisions).toEqual([
      "docs/decisions/0003-require-an-idempotency-key-on-every-payment-request.md",
    ]);
  });

  it("lists this week's records with and without a stated tradeoff", () => {
    expect(review.tradeoffs.stated.map((d) => d.id)).toEqual([
      "0004-publish-order-events-through-a-transactional-outbox",
    ]);
    expect(review.tradeoffs.notStated.map((d) => d.id)).toEqual([
      "0005-split-refunds-out-of-services-payments",
    ]);
  });

  it("writes the review in plain grammar, every area with its repository", () => {
    expect(markdown).not.toMatch(/\b1 (files|reviews|incidents|changes|commits|areas|records)\b/);
    expect(markdown).not.toMatch(/\b1 more areas\b/);
    expect(markdown).not.toContain("no active person has touched this area");
    expect(markdown).toContain("### `shop-api: services/payments`: knowledge island");
  });

  it("was a knowledge island in web's src/checkout three months ago, shared now", async () => {
    const asOf = new Date(NOW.getTime() - 90 * DAY * 1000).toISOString().slice(0, 10);
    const area = async (args: string[]) => {
      const report = JSON.parse(
        await legible(["knowledge", "web", "--area", "src/checkout", "--format", "json", ...args]),
      ) as KnowledgeReport;
      return report.repositories[0]?.areas.find((a) => a.id === "src/checkout");
    };
    expect((await area(["--as-of", asOf]))?.status).toBe("knowledge-island");
    const now = await area([]);
    expect(now?.status).not.toBe("knowledge-island");
    expect(now?.activeAuthors).toBe(2);
  });
});
