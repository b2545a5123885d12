import { describe, expect, it } from "vitest";
import { grouped, plural } from "../../src/render/format.js";

describe("grouped counts", () => {
  it("writes whole numbers as toLocaleString('en') does", () => {
    const samples = [0, 1, 12, 999, 1000, 1001, 9999, 10_000, 81_966, 999_999, 1_000_000];
    for (let n = 1; n < 1e15; n *= 7) samples.push(Math.floor(n), -Math.floor(n));
    samples.push(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER);
    for (const n of samples) expect(grouped(n)).toBe(n.toLocaleString("en"));
  });

  it("leaves fractions and unsafe integers to toLocaleString", () => {
    for (const n of [0.5, 1234.5678, 1e21, Number.MAX_SAFE_INTEGER + 2, -0.25])
      expect(grouped(n)).toBe(n.toLocaleString("en"));
  });

  it("plural uses it", () => {
    expect(plural(81_966, "commit")).toBe("81,966 commits");
    expect(plural(1, "commit")).toBe("1 commit");
  });
});
