import { describe, expect, it } from "vitest";
import {
  addSupersedes,
  type DecisionFormat,
  markSuperseded,
  parseDecision,
} from "../../../src/core/decisions/index.js";
import { ADR_TOOLS_NEW, LEGIBLE, LOG4BRAINS, MADR2, MADR3, MADR4, NYGARD } from "./samples.js";

const NEW = { id: "0010-use-nats", title: "Use NATS", fileName: "0010-use-nats.md", number: 10 };
const OLD = { id: "0001-old-way", title: "Old way", fileName: "0001-old-way.md", number: 1 };

/** `text` with exactly one occurrence of `from` replaced. */
function replacedOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe("markSuperseded edits the old record in its own format", () => {
  it("Nygard: replaces the bare status word in the Status section", () => {
    const marked = markSuperseded({ text: NYGARD, format: "nygard" }, NEW);
    expect(marked).toBe(
      replacedOnce(
        NYGARD,
        "## Status\n\nAccepted\n",
        "## Status\n\nSuperseded by [10. Use NATS](0010-use-nats.md)\n",
      ),
    );
  });

  it("adr-tools: keeps the record's 'Superceded' spelling and its other Status lines", () => {
    const marked = markSuperseded({ text: ADR_TOOLS_NEW, format: "adr-tools" }, NEW);
    expect(marked).toBe(
      replacedOnce(
        ADR_TOOLS_NEW,
        "Accepted\n\nSupercedes [2. Deploy with Capistrano](0002-deploy-with-capistrano.md)\n",
        "Supercedes [2. Deploy with Capistrano](0002-deploy-with-capistrano.md)\n\nSuperceded by [10. Use NATS](0010-use-nats.md)\n",
      ),
    );
  });

  it("MADR 2 and log4brains: rewrites the Status bullet, keeping the bullet and comment", () => {
    expect(markSuperseded({ text: MADR2, format: "madr2" }, NEW)).toBe(
      replacedOnce(
        MADR2,
        "* Status: accepted\n",
        "* Status: superseded by [ADR-0010](0010-use-nats.md)\n",
      ),
    );
    const dated = {
      id: "20240110-use-nats",
      title: "Use NATS",
      fileName: "20240110-use-nats.md",
      number: null,
    };
    expect(markSuperseded({ text: LOG4BRAINS, format: "log4brains" }, dated)).toBe(
      replacedOnce(
        LOG4BRAINS,
        "- Status: accepted\n",
        "- Status: superseded by [20240110-use-nats](20240110-use-nats.md)\n",
      ),
    );
    const commented = "# X\n\n* Status: accepted <!-- optional -->\n* Date: 2020-01-01\n";
    expect(markSuperseded({ text: commented, format: "madr2" }, NEW)).toBe(
      "# X\n\n* Status: superseded by [ADR-0010](0010-use-nats.md) <!-- optional -->\n* Date: 2020-01-01\n",
    );
  });

  it("MADR 3, MADR 4 and legible: sets the front matter status", () => {
    const status = 'status: "superseded by [ADR-0010](0010-use-nats.md)"\n';
    expect(markSuperseded({ text: MADR3, format: "madr3" }, NEW)).toBe(
      replacedOnce(MADR3, "status: accepted\n", status),
    );
    expect(markSuperseded({ text: MADR4, format: "madr4" }, NEW)).toBe(
      replacedOnce(MADR4, 'status: "proposed"\n', status),
    );
    expect(markSuperseded({ text: LEGIBLE, format: "legible" }, NEW)).toBe(
      replacedOnce(LEGIBLE, "status: accepted\n", status),
    );
  });

  it("adds the status where a record has none", () => {
    expect(markSuperseded({ text: "# 1. X\n\n## Context\n\nC.\n", format: "nygard" }, NEW)).toBe(
      "# 1. X\n\n## Status\n\nSuperseded by [10. Use NATS](0010-use-nats.md)\n\n## Context\n\nC.\n",
    );
    expect(markSuperseded({ text: "# X\n\n* Deciders: Ada\n", format: "madr2" }, NEW)).toBe(
      "# X\n\n* Status: superseded by [ADR-0010](0010-use-nats.md)\n* Deciders: Ada\n",
    );
    expect(
      markSuperseded({ text: "---\ndate: 2020-01-01\n---\n# X\n", format: "madr4" }, NEW),
    ).toBe(
      '---\nstatus: "superseded by [ADR-0010](0010-use-nats.md)"\ndate: 2020-01-01\n---\n# X\n',
    );
    expect(markSuperseded({ text: "# X\n\nProse.\n", format: "unknown" }, NEW)).toBe(
      "# X\n\nProse.\n\n## Status\n\nSuperseded by [10. Use NATS](0010-use-nats.md)\n",
    );
  });

  it("parses back as superseded by the new record, changes nothing the second time, keeps CRLF", () => {
    const samples: [string, DecisionFormat][] = [
      [NYGARD, "nygard"],
      [ADR_TOOLS_NEW, "adr-tools"],
      [MADR2, "madr2"],
      [MADR3, "madr3"],
      [MADR4, "madr4"],
      [LEGIBLE, "legible"],
    ];
    for (const [text, format] of samples) {
      const once = markSuperseded({ text, format }, NEW);
      const parsed = parseDecision({ path: "docs/adr/0002-x.md", text: once });
      expect([parsed.format, parsed.status, parsed.supersededBy]).toEqual([
        format,
        "superseded",
        ["0010-use-nats.md"],
      ]);
      expect(markSuperseded({ text: once, format }, NEW)).toBe(once);
    }
    const crlf = NYGARD.replace(/\n/g, "\r\n");
    expect(markSuperseded({ text: crlf, format: "nygard" }, NEW)).toBe(
      markSuperseded({ text: NYGARD, format: "nygard" }, NEW).replace(/\n/g, "\r\n"),
    );
  });
});

describe("addSupersedes writes the forward link into the new record", () => {
  it("Nygard and adr-tools: a line at the end of the Status section, in the record's spelling", () => {
    expect(addSupersedes(NYGARD, OLD)).toBe(
      replacedOnce(NYGARD, "Accepted\n", "Accepted\n\nSupersedes [1. Old way](0001-old-way.md)\n"),
    );
    const link = "Supercedes [2. Deploy with Capistrano](0002-deploy-with-capistrano.md)\n";
    expect(addSupersedes(ADR_TOOLS_NEW, OLD)).toBe(
      replacedOnce(ADR_TOOLS_NEW, link, `${link}\nSupercedes [1. Old way](0001-old-way.md)\n`),
    );
  });

  it("MADR 2 and log4brains: a bullet under Links, in the record's bullet style", () => {
    const refined = "* Refined by [ADR-0009](0009-partition-order-events-by-customer.md)\n";
    expect(addSupersedes(MADR2, OLD)).toBe(
      replacedOnce(MADR2, refined, `${refined}* Supersedes [ADR-0001](0001-old-way.md)\n`),
    );
    expect(addSupersedes(LOG4BRAINS, OLD)).toBe(
      `${LOG4BRAINS}- Supersedes [ADR-0001](0001-old-way.md)\n`,
    );
    expect(addSupersedes("# X\n\n* Status: accepted\n", OLD)).toBe(
      "# X\n\n* Status: accepted\n\n## Links\n\n* Supersedes [ADR-0001](0001-old-way.md)\n",
    );
  });

  it("MADR 3 and 4: a bullet under More Information, added when missing", () => {
    expect(addSupersedes(MADR3, OLD)).toBe(
      `${MADR3}\n## More Information\n\n* Supersedes [ADR-0001](0001-old-way.md)\n`,
    );
    expect(addSupersedes(MADR4, OLD)).toBe(`${MADR4}\n* Supersedes [ADR-0001](0001-old-way.md)\n`);
  });

  it("legible: a line under the title, after earlier ones; twice is once", () => {
    const once = addSupersedes(LEGIBLE, OLD);
    expect(once).toBe(
      replacedOnce(
        LEGIBLE,
        "# Move card payments to the new provider\n\n",
        "# Move card payments to the new provider\n\nSupersedes [ADR-0001: Old way](0001-old-way.md)\n\n",
      ),
    );
    expect(addSupersedes(once, OLD)).toBe(once);
    const twice = addSupersedes(once, { ...OLD, id: "0002-b", fileName: "0002-b.md", number: 2 });
    expect(parseDecision({ path: "docs/decisions/0011-x.md", text: twice }).supersedes).toEqual([
      "0001-old-way.md",
      "0002-b.md",
    ]);
    expect(twice).toBe(
      replacedOnce(
        once,
        "(0001-old-way.md)\n\n",
        "(0001-old-way.md)\n\nSupersedes [ADR-0002: Old way](0002-b.md)\n\n",
      ),
    );
  });
});
