import { describe, expect, it } from "vitest";
import { knowledgeDiffusion } from "../../../src/core/leverage/index.js";
import { classified } from "./builders.js";

const review = (id: string, person: string, author: string, area: string) =>
  classified({ id, kind: "review", person, reviewOf: { author }, areas: [area] }, ["capability"]);

describe("knowledgeDiffusion", () => {
  const contributions = [
    review("pr1#review-1", "ada", "bo", "billing"),
    review("pr2#review-1", "ada", "cy", "search"),
    review("pr3#review-1", "ada", "bo", "auth"),
    review("pr4#review-1", "eve", "bo", "billing"),
    review("pr5#review-1", "ada", "cy", "billing"),
    classified({ id: "p1", person: "cy", coAuthors: ["ada"], areas: ["billing"] }, [
      "execution",
      "capability",
    ]),
    classified({ id: "p2", person: "ada", coAuthors: ["bo"], areas: ["billing"] }, [
      "execution",
      "capability",
    ]),
    classified(
      { id: "p3", kind: "pull-request", person: "ada", coAuthors: ["bo"], areas: ["billing"] },
      ["execution"],
    ),
    classified({ id: "d1", person: "ada", paths: ["docs/billing.md"], areas: ["billing"] }, [
      "capability",
    ]),
    classified({ id: "d2", person: "ada", areas: ["billing"] }, ["execution"]),
    classified({ id: "d3", person: "bo", areas: ["billing"] }, ["capability"]),
    classified({ id: "d4", person: "ada", areas: ["search"] }, ["capability"]),
  ];

  it("reports new authors of the person's sole-author areas and how the person supported each", () => {
    expect(
      knowledgeDiffusion({
        person: "ada",
        start: [
          { area: "billing", activeAuthors: ["ada"] },
          { area: "search", activeAuthors: ["ada", "bo"] },
          { area: "auth", activeAuthors: ["ada", "ada"] },
          { area: "ledger", activeAuthors: ["cy"] },
          { area: "empty", activeAuthors: [] },
        ],
        end: [
          { area: "billing", activeAuthors: ["ada", "bo", "cy", "bo"] },
          { area: "search", activeAuthors: ["ada", "bo", "dee"] },
          { area: "auth", activeAuthors: ["ada"] },
          { area: "api", activeAuthors: ["ada", "bo"] },
        ],
        contributions,
      }),
    ).toEqual([
      {
        area: "billing",
        newAuthors: ["bo", "cy"],
        support: [
          { newAuthor: "bo", reviewed: ["pr1#review-1"], paired: ["p2"], documented: ["d1"] },
          { newAuthor: "cy", reviewed: ["pr5#review-1"], paired: ["p1"], documented: ["d1"] },
        ],
      },
      { area: "auth", newAuthors: [], support: [] },
    ]);
  });

  it("reports a new author the person did not support with empty lists", () => {
    expect(
      knowledgeDiffusion({
        person: "ada",
        start: [{ area: "billing", activeAuthors: ["ada"] }],
        end: [{ area: "billing", activeAuthors: ["fay"] }],
        contributions,
      }),
    ).toEqual([
      {
        area: "billing",
        newAuthors: ["fay"],
        support: [{ newAuthor: "fay", reviewed: [], paired: [], documented: ["d1"] }],
      },
    ]);
  });

  it("lists an area that has no end entry with no new authors", () => {
    expect(
      knowledgeDiffusion({
        person: "ada",
        start: [{ area: "billing", activeAuthors: ["ada"] }],
        end: [],
        contributions: [],
      }),
    ).toEqual([{ area: "billing", newAuthors: [], support: [] }]);
  });
});
