import { describe, expect, it } from "vitest";
import type { IncidentRow } from "../../../src/core/delivery/model.js";
import {
  analyseIncidents,
  DEFAULT_HEROICS_THRESHOLDS,
  type IncidentOptions,
} from "../../../src/core/friction/index.js";
import { anIncident, days, isBot, personOf } from "./builders.js";

function analyse(incidents: IncidentRow[], extra: Partial<IncidentOptions> = {}) {
  return analyseIncidents({ incidents, period: days(0, 7), personOf, isBot, ...extra });
}

describe("analyseIncidents", () => {
  const incidents = [
    anIncident({ service: "billing", created: 0, resolved: 2, responders: ["ada"] }),
    anIncident({ service: "billing", created: 10, resolved: 14, responders: ["ada", "bob"] }),
    anIncident({ service: "billing", created: 20, resolved: null, responders: ["ada"] }),
    anIncident({ service: "search", created: 30, resolved: 31, responders: ["cy"] }),
    anIncident({ service: "search", created: 40, resolved: 39, responders: ["pager[bot]"] }),
    anIncident({ service: null, created: 50, resolved: 53, responders: ["bob"] }),
    anIncident({ service: "billing", created: 200, responders: ["ada"] }),
  ];

  it("gives time to restore, incidents and responder concentration per service, with universes", () => {
    const result = analyse(incidents);
    expect(result.thresholds).toEqual(DEFAULT_HEROICS_THRESHOLDS);
    expect(result.universe).toEqual({
      incidents: { considered: 7, counted: 6, excluded: [{ reason: "outside period", count: 1 }] },
      services: { considered: 6, counted: 5, excluded: [{ reason: "no service", count: 1 }] },
      areas: null,
    });
    expect(result.services).toEqual([
      {
        service: "billing",
        incidents: 3,
        restoreMedianHours: 3,
        responderConcentration: 1,
        heroics: null,
        universe: {
          restore: { considered: 3, counted: 2, excluded: [{ reason: "unresolved", count: 1 }] },
          responders: { considered: 3, counted: 3, excluded: [] },
        },
        people: 2,
      },
      {
        service: "search",
        incidents: 2,
        restoreMedianHours: 1,
        responderConcentration: 1,
        heroics: null,
        universe: {
          restore: {
            considered: 2,
            counted: 1,
            excluded: [{ reason: "resolved before created", count: 1 }],
          },
          responders: {
            considered: 2,
            counted: 1,
            excluded: [{ reason: "no human responder", count: 1 }],
          },
        },
        people: 1,
      },
    ]);
    expect(JSON.stringify(result.services)).not.toContain("ada");
    expect(result.areas).toEqual([]);
    expect(result.teams).toEqual([]);
  });

  it("flags heroics where one responder handled ≥ 50 % of ≥ 4 incidents, naming only that holder", () => {
    const result = analyse(incidents);
    const { months, ...overall } = result.overall;
    expect(overall).toEqual({
      incidents: 6,
      restoreMedianHours: 2.5,
      responderConcentration: 0.6,
      heroics: {
        risk: "heroics: one responder handled most incidents",
        holder: "ada",
        share: 0.6,
        incidents: 5,
      },
      universe: {
        restore: {
          considered: 6,
          counted: 4,
          excluded: [
            { reason: "unresolved", count: 1 },
            { reason: "resolved before created", count: 1 },
          ],
        },
        responders: {
          considered: 6,
          counted: 5,
          excluded: [{ reason: "no human responder", count: 1 }],
        },
      },
      people: 3,
    });
    expect(months).toEqual([{ month: "2026-01", ...overall }]);
  });

  it("flags at exactly the share threshold, not below the incident count, and honours overrides", () => {
    const half = ["ada", "bob", "ada", "cy"].map((who) => anIncident({ responders: [who] }));
    expect(analyse(half).overall.heroics?.share).toBe(0.5);
    const three = ["ada", "ada", "ada"].map((who) => anIncident({ responders: [who] }));
    expect(analyse(three).overall.responderConcentration).toBe(1);
    expect(analyse(three).overall.heroics).toBeNull();
    const lowered = analyse(three, { thresholds: { heroicsMinIncidents: 3 } });
    expect(lowered.thresholds).toEqual({ ...DEFAULT_HEROICS_THRESHOLDS, heroicsMinIncidents: 3 });
    expect(lowered.overall.heroics?.holder).toBe("ada");
  });

  it("counts incidents per area when the caller maps them", () => {
    const result = analyse(incidents, {
      areasOf: (incident) => (incident.service === "billing" ? ["payments", "."] : []),
    });
    expect(result.universe.areas).toEqual({
      considered: 6,
      counted: 3,
      excluded: [{ reason: "no area", count: 3 }],
    });
    expect(
      result.areas.map(({ area, incidents, restoreMedianHours }) => [
        area,
        incidents,
        restoreMedianHours,
      ]),
    ).toEqual([
      [".", 3, 3],
      ["payments", 3, 3],
    ]);
  });

  it("gives responder concentration per team and month, withholding groups under 5 people", () => {
    // 2026-01-26 to 2026-02-09: four incidents in January, three in February.
    const period = days(21, 14);
    const roster: Record<string, string> = {
      s1: "sre",
      s2: "sre",
      s3: "sre",
      s4: "sre",
      s5: "sre",
      a1: "app",
    };
    const result = analyseIncidents({
      incidents: [
        anIncident({ created: 510, responders: ["s1", "s2"] }),
        anIncident({ created: 520, responders: ["s1", "s3"] }),
        anIncident({ created: 530, responders: ["s1", "s4"] }),
        anIncident({ created: 540, responders: ["s1", "s5"] }),
        anIncident({ created: 660, responders: ["s2"] }),
        anIncident({ created: 670, responders: ["s3", "guest"] }),
        anIncident({ created: 680, responders: ["a1", "s1"] }),
      ],
      period,
      personOf,
      isBot,
      teamOf: (person) => roster[person] ?? null,
    });
    const figures = (incidents: number, concentration: number, heroics: unknown) => ({
      incidents,
      restoreMedianHours: 2,
      responderConcentration: concentration,
      heroics,
      universe: {
        restore: { considered: incidents, counted: incidents, excluded: [] },
        responders: { considered: incidents, counted: incidents, excluded: [] },
      },
    });
    const heroics = (share: number, incidents: number) => ({
      risk: "heroics: one responder handled most incidents",
      holder: "s1",
      share,
      incidents,
    });
    expect(result.teams).toEqual([
      { team: "app", people: 1, withheld: "group smaller than 5" },
      {
        team: "sre",
        people: 5,
        withheld: null,
        ...figures(7, 5 / 7, heroics(5 / 7, 7)),
        months: [
          { month: "2026-01", people: 5, withheld: null, ...figures(4, 1, heroics(1, 4)) },
          { month: "2026-02", people: 3, withheld: "group smaller than 5" },
        ],
      },
    ]);
    expect(
      result.overall.months.map(({ month, incidents, people }) => [month, incidents, people]),
    ).toEqual([
      ["2026-01", 4, 5],
      ["2026-02", 3, 5],
    ]);
  });
});
