import { describe, expect, it } from "vitest";
import { nameKey } from "../../../src/core/identity/normalize.js";

describe("nameKey", () => {
  it("trims, collapses every run of whitespace to one space and lower-cases", () => {
    expect(nameKey("  Ada   Lovelace ")).toBe("ada lovelace");
    expect(nameKey("Ada\tLovelace")).toBe("ada lovelace");
    expect(nameKey("Ada\u00a0Lovelace")).toBe("ada lovelace"); // a no-break space
    expect(nameKey("Ada \n Byron  Lovelace")).toBe("ada byron lovelace");
    expect(nameKey("Ada Lovelace")).toBe("ada lovelace");
    expect(nameKey("")).toBe("");
  });
});
