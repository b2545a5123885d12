import { describe, expect, it } from "vitest";
import { parseFilesFrom } from "../../../src/sources/files/filter.js";

describe("parseFilesFrom", () => {
  it("reads one path per line, trimming, skipping blanks and comments, stripping ./", () => {
    const text =
      "# files of the 2016 study\n./src/a.js\n  lib/b.py  \r\n\n# more\nsrc/a.js\nc.txt\n";
    expect(parseFilesFrom(text, "study.txt")).toEqual(["src/a.js", "lib/b.py", "c.txt"]);
  });

  it("keeps names that merely contain two dots", () => {
    expect(parseFilesFrom("a..b/c...d.txt\n", "list")).toEqual(["a..b/c...d.txt"]);
  });

  it("rejects an absolute path, naming the source and line", () => {
    expect(() => parseFilesFrom("src/a.js\n/etc/passwd\n", "files.txt")).toThrow(
      'files.txt, line 2: "/etc/passwd" is an absolute path; expected a path relative to the repository root',
    );
    expect(() => parseFilesFrom("C:\\repo\\a.js", "win.txt")).toThrow(
      'win.txt, line 1: "C:\\repo\\a.js" is an absolute path',
    );
  });

  it("rejects a path with a .. segment, naming the source and line", () => {
    expect(() => parseFilesFrom("# c\n\nsrc/../../x.js\n", "list.txt")).toThrow(
      'list.txt, line 3: "src/../../x.js" contains ".."',
    );
    expect(() => parseFilesFrom("./../x.js", "list.txt")).toThrow(
      'line 1: "./../x.js" contains ".."',
    );
  });

  it("rejects a line that names no file", () => {
    expect(() => parseFilesFrom("./\n", "l")).toThrow('l, line 1: "./" is not a file path');
    expect(() => parseFilesFrom("src/\n", "l")).toThrow('l, line 1: "src/" is not a file path');
  });
});
