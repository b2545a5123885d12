import { describe, expect, it } from "vitest";
import { isZeroTime, parseTime } from "../../../src/sources/imports/dates.js";

describe("parseTime", () => {
  it("reads ISO 8601 with offsets and plain UTC date-times to Unix seconds", () => {
    const cases: [string, string][] = [
      ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z"],
      ["2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00Z"],
      ["2024-05-01T07:30:00-0430", "2024-05-01T12:00:00Z"],
      ["2024-05-01T13:00:00+01", "2024-05-01T12:00:00Z"],
      ["2024-05-01T12:00:00.987654Z", "2024-05-01T12:00:00Z"],
      ["2024-05-01 12:00:00", "2024-05-01T12:00:00Z"],
      ["2024-05-01 12:00", "2024-05-01T12:00:00Z"],
      ["2024-05-01T12:00:00", "2024-05-01T12:00:00Z"],
      ["2024-05-01", "2024-05-01T00:00:00Z"],
      ["2024-02-29T23:59:59z", "2024-02-29T23:59:59Z"],
      ["1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"],
      [" 2024-05-01 12:00:00 +00:00 ", "2024-05-01T12:00:00Z"],
    ];
    for (const [text, iso] of cases) expect(parseTime(text), text).toBe(Date.parse(iso) / 1000);
  });

  it("rejects other forms and impossible dates", () => {
    for (const text of [
      "yesterday",
      "05/06/2024 08:00",
      "2024-5-1",
      "2023-02-29",
      "2024-04-31T00:00:00Z",
      "2024-13-01",
      "2024-01-01T24:00:00Z",
      "2024-01-01T12:60:00Z",
      "2024-01-01T12:00:00+25:00",
      "1714564800",
      "",
    ]) {
      expect(parseTime(text), text).toBeNull();
    }
  });

  it("knows Go's zero time", () => {
    expect(isZeroTime("0001-01-01T00:00:00Z")).toBe(true);
    expect(isZeroTime("0001-01-01T00:00:01Z")).toBe(false);
  });
});
