import { describe, expect, it } from "vitest";
import type { AnyImporter, ImportContext, ImportKind } from "../../../src/sources/imports/index.js";
import { findImporter, importers } from "../../../src/sources/imports/index.js";
import { readAll, rowProblems, sample } from "./helpers.js";

/** One importer with its sample file and what reading it must give. */
export interface ContractCase {
  kind: ImportKind;
  format: string;
  sample: string;
  context?: Omit<ImportContext, "file">;
  rows: number;
  /** Each rejected record: its line and a fragment of the reason (the field it names). */
  rejects: { line: number; reason: string }[];
}

/**
 * The contract every importer passes: recognised by its own sniffer and no other of its kind;
 * rows of the model's shape and keys, counts that match the callbacks, rejections that name file,
 * line and field without stopping the import, and output that depends only on the bytes (not on
 * how they are chunked, on CRLF or on reading twice).
 */
export function importerContract(c: ContractCase): void {
  describe(`importer contract: ${c.kind} ${c.format} (${c.sample})`, () => {
    const text = sample(c.sample);
    const context: ImportContext = { ...c.context, file: c.sample };
    const importer = findImporter(c.kind, c.format, "") as AnyImporter;

    it("is registered under its kind and format", () => {
      expect(importer).not.toBeNull();
      expect(importer.kind).toBe(c.kind);
      expect(importer.format).toBe(c.format);
      expect(importers.filter((i) => i.kind === c.kind && i.format === c.format)).toHaveLength(1);
    });

    it("recognises its sample from the first bytes, and no other importer of its kind does", () => {
      for (const size of [64 * 1024, 4096]) {
        const head = text.slice(0, size);
        expect(importer.sniff(head)).toBe(true);
        expect(findImporter(c.kind, "auto", head)).toBe(importer);
        const others = importers.filter(
          (i) => i.kind === c.kind && i !== importer && i.sniff(head),
        );
        expect(others.map((i) => i.format)).toEqual([]);
      }
    });

    it("reads every good record into a row of the model's shape, with unique keys", async () => {
      const { rows, rejected, warnings, counts } = await readAll(importer, text, context);
      expect(rows).toHaveLength(c.rows);
      expect(counts.rows).toBe(c.rows);
      expect(counts.read).toBe(rows.length + rejected.length);
      expect(warnings).toEqual([]);
      for (const row of rows) expect(rowProblems(c.kind, c.format, row)).toEqual([]);
      const keys = rows.map((row) => (row as { key: string }).key);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("rejects each bad record with file, line and the field at fault, and reads on", async () => {
      const { rows, rejected, counts } = await readAll(importer, text, context);
      expect(counts.rejected).toBe(c.rejects.length);
      expect(rejected.map((r) => r.line)).toEqual(c.rejects.map((r) => r.line));
      rejected.forEach((r, i) => {
        expect(r.file).toBe(c.sample);
        expect(r.reason).toContain(c.rejects[i]?.reason ?? "?");
      });
      // a bad record never stops the import: something after the first rejection was read
      expect(rows.length + rejected.length).toBeGreaterThan(1);
    });

    it("gives the same rows whatever the chunking, line ends or read", async () => {
      const whole = await readAll(importer, text, context);
      for (const size of [1, 7, 4096]) {
        const chunked = await readAll(importer, text, context, size);
        expect(chunked.rows).toEqual(whole.rows);
        expect(chunked.rejected).toEqual(whole.rejected);
      }
      const crlf = await readAll(importer, text.replace(/\r?\n/g, "\r\n"), context, 5);
      expect(crlf.rows).toEqual(whole.rows);
      expect(crlf.rejected.map((r) => r.line)).toEqual(whole.rejected.map((r) => r.line));
      const again = await readAll(importer, text, context);
      expect(again).toEqual(whole);
    });

    it("reads an empty file as no rows", async () => {
      expect((await readAll(importer, "", context)).counts).toEqual({
        read: 0,
        rows: 0,
        rejected: 0,
        warned: 0,
      });
    });
  });
}
