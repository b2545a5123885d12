/**
 * Knowledge components from config (app/workspace.ts componentMatchers): a team's areas roll up as
 * `team:<name>`, and a glob written `<repository>:<glob>` applies to that repository alone, as the
 * roster reads it.
 */
import { describe, expect, it } from "vitest";
import { areaKeys } from "../../src/app/areas.js";
import { componentMatchers } from "../../src/app/workspace.js";
import { configSchema } from "../../src/config/schema.js";

const config = configSchema.parse({
  areas: { components: { docs: ["docs/**"] } },
  teams: {
    web: { members: ["ada@example.com"], areas: ["flask:src/**", "tests/**"] },
    ops: { members: ["bea@example.com"], areas: ["jinja:scripts/**"] },
  },
});

/** Which components claim each path, for one repository of the workspace (or none given). */
function claimed(
  paths: string[],
  repository?: { keys: ReturnType<typeof areaKeys>; name: string },
) {
  const matchers = componentMatchers(config, repository);
  return Object.fromEntries(
    paths.map((path) => [path, matchers.filter((m) => m.matches(path)).map((m) => m.name)]),
  );
}

describe("knowledge components of a workspace", () => {
  const keys = areaKeys(["flask", "jinja"]);
  const paths = ["src/app.py", "tests/test_app.py", "scripts/release.py", "docs/index.md"];

  it("applies a repository's own team globs, and the unscoped ones, to that repository", () => {
    expect(claimed(paths, { keys, name: "flask" })).toEqual({
      "src/app.py": ["team:web"],
      "tests/test_app.py": ["team:web"],
      "scripts/release.py": [],
      "docs/index.md": ["docs"],
    });
    expect(claimed(paths, { keys, name: "jinja" })).toEqual({
      "src/app.py": [],
      "tests/test_app.py": ["team:web"],
      "scripts/release.py": ["team:ops"],
      "docs/index.md": ["docs"],
    });
  });

  it("leaves out a team none of whose globs applies to the repository", () => {
    const names = componentMatchers(config, { keys, name: "flask" }).map((m) => m.name);
    expect(names).toEqual(["docs", "team:web"]);
  });

  it("reads every glob as written in a workspace of one repository", () => {
    const single = { keys: areaKeys(["flask"]), name: "flask" };
    expect(claimed(["src/app.py", "flask:src/app.py"], single)).toEqual(
      claimed(["src/app.py", "flask:src/app.py"]),
    );
    expect(claimed(["tests/test_app.py"], single)).toEqual({ "tests/test_app.py": ["team:web"] });
  });
});
