import { describe, expect, it } from "vitest";
import { looksLikeDate, parseUserDate } from "../../src/core/dates.js";
import { LegibleError } from "../../src/errors.js";

const iso = (value: string, source = "--since") =>
  new Date(parseUserDate(value, source).ms).toISOString();

const failure = (value: string, source = "--since") => {
  try {
    parseUserDate(value, source);
  } catch (error) {
    expect(error).toBeInstanceOf(LegibleError);
    const { code, message, hint } = error as LegibleError;
    return { code, message, hint };
  }
  throw new Error(`${value} was accepted`);
};

const HINT = "expected YYYY-MM-DD or an ISO date-time such as 2026-02-28T09:30:00Z";

describe("parseUserDate", () => {
  it("reads calendar dates as whole UTC days, leap days included", () => {
    expect(parseUserDate("2026-02-28", "--since")).toEqual({
      ms: Date.UTC(2026, 1, 28),
      dateOnly: true,
    });
    expect(iso("2024-02-29")).toBe("2024-02-29T00:00:00.000Z");
    expect(iso("2000-02-29")).toBe("2000-02-29T00:00:00.000Z");
    expect(iso("0099-12-31")).toBe("0099-12-31T00:00:00.000Z");
  });

  it("reads ISO date-times, a time without a zone being UTC", () => {
    expect(parseUserDate("2026-02-28T09:30", "--until")).toEqual({
      ms: Date.UTC(2026, 1, 28, 9, 30),
      dateOnly: false,
    });
    expect(iso("2026-02-28T09:30:15Z")).toBe("2026-02-28T09:30:15.000Z");
    expect(iso("2026-02-28T09:30:15.25Z")).toBe("2026-02-28T09:30:15.250Z");
    expect(iso("2026-02-28 09:30:15")).toBe("2026-02-28T09:30:15.000Z");
    expect(iso("2026-03-01T01:00:00+02:00")).toBe("2026-02-28T23:00:00.000Z");
    expect(iso("2026-02-28T23:00:00-0530")).toBe("2026-03-01T04:30:00.000Z");
    expect(iso("2026-02-28T23:00:00-05")).toBe("2026-03-01T04:00:00.000Z");
  });

  it("rejects dates the calendar does not have instead of rolling them over", () => {
    expect(failure("2026-02-30")).toEqual({
      code: "BAD_USAGE",
      message: "--since 2026-02-30: day 30 does not exist in 2026-02 (it has 28 days)",
      hint: HINT,
    });
    expect(failure("2100-02-29", "--until").message).toBe(
      "--until 2100-02-29: day 29 does not exist in 2100-02 (it has 28 days)",
    );
    expect(failure("2026-04-31").message).toBe(
      "--since 2026-04-31: day 31 does not exist in 2026-04 (it has 30 days)",
    );
    expect(failure("2026-01-00").message).toBe(
      "--since 2026-01-00: day 00 does not exist in 2026-01 (it has 31 days)",
    );
    expect(failure("2026-13-45").message).toBe("--since 2026-13-45: month 13 does not exist");
    expect(failure("2026-00-10").message).toBe("--since 2026-00-10: month 00 does not exist");
  });

  it("checks every part of a date-time", () => {
    expect(failure("2026-02-28T24:00").message).toBe(
      "--since 2026-02-28T24:00: hour 24 does not exist",
    );
    expect(failure("2026-02-28T10:60").message).toBe(
      "--since 2026-02-28T10:60: minute 60 does not exist",
    );
    expect(failure("2026-02-28T10:00:60Z").message).toBe(
      "--since 2026-02-28T10:00:60Z: second 60 does not exist",
    );
    expect(failure("2026-02-28T10:00+24:00").message).toBe(
      "--since 2026-02-28T10:00+24:00: time zone offset +24:00 does not exist",
    );
  });

  it("rejects anything else as not a date, naming a flag or an environment variable", () => {
    for (const value of [
      "yesterday",
      "2026-2-28",
      "28/02/2026",
      "2026-02-28T10",
      "2026-02-28Z",
      "",
    ])
      expect(failure(value).message).toBe(`--since ${value}: not a date`);
    expect(failure("2026-02-30", "LEGIBLE_NOW")).toEqual({
      code: "BAD_USAGE",
      message: "LEGIBLE_NOW=2026-02-30: day 30 does not exist in 2026-02 (it has 28 days)",
      hint: HINT,
    });
  });
});

describe("looksLikeDate", () => {
  it("tells a date, even a wrong one, from a revision", () => {
    expect(looksLikeDate("2026-13-45")).toBe(true);
    expect(looksLikeDate("2026-02-28T10:00")).toBe(true);
    expect(looksLikeDate("main")).toBe(false);
    expect(looksLikeDate("HEAD~3")).toBe(false);
    expect(looksLikeDate("v2026.02")).toBe(false);
  });
});
