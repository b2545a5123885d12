import { describe, expect, it } from "vitest";
import { MAX_SLUG_BYTES, slugify, truncateBytes } from "../../../src/core/decisions/file-names.js";
import { nextDecisionFile } from "../../../src/core/decisions/index.js";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("file names of long titles", () => {
  const title = `${"Replace the payments queue with an outbox table ".repeat(6)}`.slice(0, 250);

  it("cut the slug at a word boundary, well within the 255 bytes a file name may have", () => {
    const next = nextDecisionFile([], title, "2024-01-10");
    expect(next.fileName).toBe(
      "0001-replace-the-payments-queue-with-an-outbox-table-replace-the-payments-queue-with-an-outbox-table.md",
    );
    expect(bytes(next.fileName)).toBeLessThanOrEqual(MAX_SLUG_BYTES + 10);
    const dated = nextDecisionFile(["20240101-a.md", "20240102-b.md"], title, "2024-01-10");
    expect(bytes(dated.fileName)).toBeLessThanOrEqual(MAX_SLUG_BYTES + 12);
    const clash = nextDecisionFile(
      ["20240101-a.md", `${dated.id}.md`],
      title,
      "2024-01-10",
    ).fileName;
    expect(clash).toBe(`${dated.id}-2.md`);
  });

  it("count bytes, not characters, and never cut inside a character", () => {
    expect(truncateBytes("ab-cd-éé", 7)).toBe("ab-cd");
    expect(truncateBytes("ééééé", 5)).toBe("éé");
    expect(truncateBytes("日本語の決定", 10)).toBe("日本語");
    expect(truncateBytes("short", 100)).toBe("short");
    const accented = "Adopter une file d'attente persistante é".repeat(10);
    expect(bytes(slugify(accented))).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slugify("日本語の決定".repeat(60))).toBe("decision");
  });

  it("keep a one-word title of any length within the bound", () => {
    const slug = slugify("x".repeat(1000));
    expect(slug).toBe("x".repeat(MAX_SLUG_BYTES));
  });
});
