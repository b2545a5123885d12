import { describe, expect, it } from "vitest";
import { linkIncidents, normaliseDeployments } from "../../../src/core/delivery/index.js";
import { BASE, DAY, deployment, HOUR, incident } from "./builders.js";

const { deployments } = normaliseDeployments([
  deployment("shop-1", "s1", BASE),
  deployment("api-1", "a1", BASE + HOUR, { repository: "acme/api" }),
  deployment("shop-2", "s2", BASE + 2 * DAY),
  deployment("shop-3", "s3", BASE + 2 * DAY),
]);
const blamed = (links: ReturnType<typeof linkIncidents>) =>
  links.map((l) => [l.incidentKey, l.deployment?.key ?? l.unlinked]);

describe("linkIncidents", () => {
  it("blames the last deployment finishing strictly before the incident", () => {
    const links = linkIncidents(
      [
        incident("at-finish", BASE + HOUR, null),
        incident("before-all", BASE - 1, null),
        incident("tie", BASE + 3 * DAY, null),
      ],
      deployments,
      { mode: "devlake" },
    );
    expect(blamed(links)).toEqual([
      ["at-finish", "shop-1"],
      ["before-all", "no earlier deployment"],
      ["tie", "shop-3"],
    ]);
  });

  it("in default mode, within the window and the incident's repository", () => {
    const incidents = [
      incident("shop", BASE + 2 * HOUR, null, { repository: "acme/shop" }),
      incident("any", BASE + 2 * HOUR, null),
      incident("late", BASE + 10 * DAY, null),
      incident("unknown-repo", BASE + 2 * HOUR, null, { repository: "acme/other" }),
    ];
    expect(blamed(linkIncidents(incidents, deployments, { mode: "default" }))).toEqual([
      ["shop", "shop-1"],
      ["any", "api-1"],
      ["late", "no deployment within the window"],
      ["unknown-repo", "no earlier deployment"],
    ]);
    const wide = linkIncidents(incidents, deployments, {
      mode: "default",
      windowSeconds: 30 * DAY,
      matchRepository: false,
    });
    expect(blamed(wide)).toEqual([
      ["shop", "api-1"],
      ["any", "api-1"],
      ["late", "shop-3"],
      ["unknown-repo", "api-1"],
    ]);
  });
});
