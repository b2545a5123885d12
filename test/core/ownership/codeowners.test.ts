/**
 * CODEOWNERS rules case by case, from the hosts' own documentation: GitHub's "About code owners"
 * (its example file and the syntax exceptions) and GitLab's "Syntax of CODEOWNERS file" and
 * "Advanced CODEOWNERS configuration" (every example with the owners the page says).
 */
import { describe, expect, it } from "vitest";
import {
  type CodeownersDialect,
  ownersOf,
  parseCodeowners,
} from "../../../src/core/ownership/index.js";

function owners(text: string, dialect: CodeownersDialect, path: string): string[] {
  const file = parseCodeowners(text, { path: "CODEOWNERS", dialect });
  return ownersOf(file, path).owners.map((o) => o.text);
}

const github = (text: string, path: string) => owners(text, "github", path);
const gitlab = (text: string, path: string) => owners(text, "gitlab", path);

describe("GitHub: the documented example file", () => {
  const example = `# This is a comment.
# Each line is a file pattern followed by one or more owners.

*       @global-owner1 @global-owner2

*.js    @js-owner #This is an inline comment.

*.go docs@example.com

*.txt @octo-org/octocats

/build/logs/ @doctocat

docs/*  docs@example.com

apps/ @octocat

/docs/ @doctocat

/scripts/ @doctocat @octocat

**/logs @octocat

/apps/ @octocat
/apps/github

/apps/ @octocat
/apps/github @doctocat
`;
  const file = parseCodeowners(example, { path: ".github/CODEOWNERS", dialect: "github" });

  it("parses every rule with its owners and no problem", () => {
    expect(file.problems).toEqual([]);
    expect(file.rules.map((r) => [r.line, r.pattern, r.owners.map((o) => o.text)])).toEqual([
      [4, "*", ["@global-owner1", "@global-owner2"]],
      [6, "*.js", ["@js-owner"]],
      [8, "*.go", ["docs@example.com"]],
      [10, "*.txt", ["@octo-org/octocats"]],
      [12, "/build/logs/", ["@doctocat"]],
      [14, "docs/*", ["docs@example.com"]],
      [16, "apps/", ["@octocat"]],
      [18, "/docs/", ["@doctocat"]],
      [20, "/scripts/", ["@doctocat", "@octocat"]],
      [22, "**/logs", ["@octocat"]],
      [24, "/apps/", ["@octocat"]],
      [25, "/apps/github", []],
      [27, "/apps/", ["@octocat"]],
      [28, "/apps/github", ["@doctocat"]],
    ]);
    expect(file.rules[3]!.owners[0]!.kind).toBe("team");
    expect(file.rules[2]!.owners[0]!.kind).toBe("email");
  });

  it("gives each path the owners of the last rule that matches it", () => {
    const of = (path: string) => ownersOf(file, path).owners.map((o) => o.text);
    expect(of("README")).toEqual(["@global-owner1", "@global-owner2"]);
    expect(of("src/index.js")).toEqual(["@js-owner"]);
    expect(of("cmd/main.go")).toEqual(["docs@example.com"]);
    expect(of("notes.txt")).toEqual(["@octo-org/octocats"]);
    expect(of("docs/getting-started.md")).toEqual(["@doctocat"]);
    expect(of("scripts/deploy.sh")).toEqual(["@doctocat", "@octocat"]);
    expect(of("deeply/nested/logs/x.log")).toEqual(["@octocat"]);
    expect(of("apps/github/index.html")).toEqual(["@doctocat"]);
    expect(ownersOf(file, "apps/github/index.html").rules.map((r) => r.line)).toEqual([28]);
  });
});

describe("GitHub: each documented pattern alone", () => {
  it("/build/logs/ owns the directory at the root and everything below it", () => {
    const rule = "/build/logs/ @doctocat";
    expect(github(rule, "build/logs/today.log")).toEqual(["@doctocat"]);
    expect(github(rule, "build/logs/2024/01/today.log")).toEqual(["@doctocat"]);
    expect(github(rule, "src/build/logs/today.log")).toEqual([]);
    expect(github(rule, "build/logs")).toEqual([]); // a file named logs: the pattern names a directory
  });

  it("docs/* owns docs/getting-started.md but not docs/build-app/troubleshooting.md", () => {
    const rule = "docs/*  docs@example.com";
    expect(github(rule, "docs/getting-started.md")).toEqual(["docs@example.com"]);
    expect(github(rule, "docs/build-app/troubleshooting.md")).toEqual([]);
    expect(github(rule, "src/docs/getting-started.md")).toEqual([]); // a middle "/" anchors it
  });

  it("apps/ owns any file in an apps directory anywhere", () => {
    const rule = "apps/ @octocat";
    expect(github(rule, "apps/a.js")).toEqual(["@octocat"]);
    expect(github(rule, "web/apps/admin/main.js")).toEqual(["@octocat"]);
    expect(github(rule, "apps")).toEqual([]);
    expect(github(rule, "myapps/a.js")).toEqual([]);
  });

  it("/docs/ owns the root docs directory and its subdirectories only", () => {
    const rule = "/docs/ @doctocat";
    expect(github(rule, "docs/a.md")).toEqual(["@doctocat"]);
    expect(github(rule, "docs/guide/b.md")).toEqual(["@doctocat"]);
    expect(github(rule, "web/docs/a.md")).toEqual([]);
  });

  it("**/logs owns any file in a logs directory such as /build/logs, /scripts/logs, /deeply/nested/logs", () => {
    const rule = "**/logs @octocat";
    for (const path of ["build/logs/a", "scripts/logs/b", "deeply/nested/logs/c", "logs/d", "logs"])
      expect(github(rule, path)).toEqual(["@octocat"]);
    expect(github(rule, "build/logsx/a")).toEqual([]);
  });

  it("a pattern with no owners takes ownership away (/apps/github)", () => {
    const text = "/apps/ @octocat\n/apps/github\n";
    expect(github(text, "apps/web/index.js")).toEqual(["@octocat"]);
    expect(github(text, "apps/github/index.js")).toEqual([]);
    expect(github(text, "apps/github")).toEqual([]);
  });

  it("a later rule gives a subdirectory its own owner (/apps/github @doctocat)", () => {
    const text = "/apps/ @octocat\n/apps/github @doctocat\n";
    expect(github(text, "apps/web/index.js")).toEqual(["@octocat"]);
    expect(github(text, "apps/github/index.js")).toEqual(["@doctocat"]);
  });

  it("order matters: the last matching pattern takes precedence", () => {
    expect(github("*.js @js-owner\n* @global\n", "a.js")).toEqual(["@global"]);
    expect(github("* @global\n*.js @js-owner\n", "a.js")).toEqual(["@js-owner"]);
    expect(github("* @global\n*.js @js-owner\n", "a.css")).toEqual(["@global"]);
  });

  it("paths are case-sensitive", () => {
    expect(github("/Docs/ @a\n", "docs/x.md")).toEqual([]);
    expect(github("*.MD @a\n", "README.md")).toEqual([]);
    expect(github("*.md @a\n", "README.md")).toEqual(["@a"]);
  });

  it("* and ? stay within one name; a lone * owns everything; /* only root files", () => {
    expect(github("* @a", "deep/down/file")).toEqual(["@a"]);
    expect(github("/* @a", "file")).toEqual(["@a"]);
    expect(github("/* @a", "dir/file")).toEqual([]);
    expect(github("f?o @a", "src/foo/x")).toEqual(["@a"]);
    expect(github("f?o @a", "fo")).toEqual([]);
    expect(github("/src/*.ts @a", "src/x/y.ts")).toEqual([]);
    expect(github("foo/**/bar @a", "foo/bar")).toEqual(["@a"]);
    expect(github("foo/**/bar @a", "foo/x/y/bar/z")).toEqual(["@a"]);
    expect(github("foo/bar/** @a", "foo/bar")).toEqual([]);
    expect(github("foo/bar/** @a", "foo/bar/baz/qux")).toEqual(["@a"]);
    expect(github("path\\ with\\ spaces/ @a", "path with spaces/x")).toEqual(["@a"]);
  });

  it("skips the lines GitHub rejects and says which and why", () => {
    const text = [
      "* @global",
      "!*.md @nobody",
      "Python/ceval*.[ch] @markshannon",
      "\\#notes @someone",
      "*.py admin",
      "*.rb @rubyist",
    ].join("\n");
    const file = parseCodeowners(text, { path: "CODEOWNERS", dialect: "github" });
    expect(file.problems).toEqual([
      {
        line: 2,
        message: "GitHub does not support negated patterns (!); line skipped, as GitHub does",
      },
      {
        line: 3,
        message:
          "GitHub does not support character ranges ([ ]) in CODEOWNERS patterns; line skipped, as GitHub does",
      },
      {
        line: 4,
        message:
          "GitHub does not support escaping a leading # with a backslash; line skipped, as GitHub does",
      },
      {
        line: 5,
        message:
          '"admin" is not an owner (expected @user, @org/team or an email); line skipped, as GitHub does',
      },
    ]);
    expect(file.rules.map((r) => r.line)).toEqual([1, 6]);
    expect(ownersOf(file, "README.md").owners.map((o) => o.text)).toEqual(["@global"]);
  });
});

describe("GitLab: the reference page's example file", () => {
  const example = `# Specify a default Code Owner for all files with a wildcard:
* @default-owner

README.md @doc-team @tech-lead
*.rb @ruby-owner
LICENSE @legal janedoe@gitlab.com
README @group @group/with-nested/subgroup

/docs/ @all-docs
/docs/* @root-docs
/docs/**/*.md @markdown-docs  # Match specific file types in any subdirectory
/db/**/index.md @index-docs   # Match a specific file name in any subdirectory

[Documentation]
ee/docs    @docs
docs       @docs

/config/ @@maintainer
`;

  it("reads owners, inline text that holds no owner, sections and roles", () => {
    const file = parseCodeowners(example, { path: "CODEOWNERS", dialect: "gitlab" });
    // GitLab reports the words after the patterns of lines 11 and 12 (no inline comments there).
    expect(file.problems).toEqual([
      {
        line: 11,
        message:
          'ignored words that are not owners (GitLab reads no inline comments): "#", "Match", "specific", …',
      },
      {
        line: 12,
        message:
          'ignored words that are not owners (GitLab reads no inline comments): "#", "Match", "a", …',
      },
    ]);
    expect(file.sections.map((s) => s.name)).toEqual(["Documentation"]);
    expect(gitlab(example, "docs/guide/a.md")).toEqual(["@markdown-docs"]);
    expect(gitlab(example, "docs/index.html")).toEqual(["@root-docs"]);
    expect(gitlab(example, "docs/api/x.html")).toEqual(["@all-docs"]);
    expect(gitlab(example, "db/a/b/index.md")).toEqual(["@index-docs"]);
    expect(gitlab(example, "lib/x.rb")).toEqual(["@ruby-owner"]);
    expect(gitlab(example, "app/README.md")).toEqual(["@doc-team", "@tech-lead"]);
    expect(gitlab(example, "LICENSE")).toEqual(["@legal", "janedoe@gitlab.com"]);
    expect(gitlab(example, "README")).toEqual(["@group", "@group/with-nested/subgroup"]);
    expect(gitlab(example, "config/app.yml")).toEqual(["@default-owner", "@@maintainer"]);
    expect(ownersOf(file, "config/app.yml").owners.map((o) => o.kind)).toEqual(["user", "role"]);
  });

  it("a relative path matches at any depth; a path without / at the end names a file", () => {
    const rule = "internal/README.md @a";
    for (const path of [
      "internal/README.md",
      "docs/internal/README.md",
      "docs/api/internal/README.md",
    ])
      expect(gitlab(rule, path)).toEqual(["@a"]);
    expect(gitlab("/README.md @a", "docs/README.md")).toEqual([]);
    expect(gitlab("/docs/README.md @a", "docs/README.md")).toEqual(["@a"]);
    expect(gitlab("docs @a", "docs/x.md")).toEqual([]);
    expect(gitlab("docs @a", "src/docs")).toEqual(["@a"]);
  });

  it("wildcards and globstars as the page's examples say", () => {
    expect(gitlab("/docs/*.md @u", "docs/a.md")).toEqual(["@u"]);
    expect(gitlab("/docs/*.md @u", "docs/x/a.md")).toEqual([]);
    for (const path of ["docs/index.md", "docs/index.html", "docs/index.xml"])
      expect(gitlab("/docs/index.* @u", path)).toEqual(["@u"]);
    for (const path of ["docs/qa_specs.rb", "docs/spec_helpers.rb", "docs/runtime.spec"])
      expect(gitlab("/docs/*spec* @u", path)).toEqual(["@u"]);
    expect(gitlab("/docs/*/README.md @u", "docs/api/README.md")).toEqual(["@u"]);
    expect(gitlab("/docs/*/README.md @u", "docs/README.md")).toEqual([]);
    for (const path of ["docs/index.md", "docs/api/index.md", "docs/api/graphql/index.md"])
      expect(gitlab("/docs/**/index.md @u", path)).toEqual(["@u"]);
    for (const path of ["config/database.rb", "app/controllers/users/stars_controller.rb"])
      expect(gitlab("**/*.rb @u", path)).toEqual(["@u"]);
    expect(gitlab("* @u", ".gitignore")).toEqual(["@u"]); // FNM_DOTMATCH
    expect(gitlab("/docs/** @u", "docs/a/b.md")).toEqual([]); // ** not followed by / is *
    expect(gitlab("/src/[ab].rb @u", "src/b.rb")).toEqual(["@u"]);
    expect(gitlab("/src/[!ab].rb @u", "src/b.rb")).toEqual([]);
  });

  it("sections: one entry per section applies, every section's owners together", () => {
    const text = `* @admin

[README Owners]
README.md @user1 @user2
internal/README.md @user4

[README other owners]
README.md @user3
`;
    expect(gitlab(text, "README.md")).toEqual(["@admin", "@user1", "@user2", "@user3"]);
    expect(gitlab(text, "internal/README.md")).toEqual(["@admin", "@user4", "@user3"]);
  });

  it("section default owners, optional sections and required approvals", () => {
    const text = `[Documentation][2] @docs-team
docs/
README.md

^[Database] @database-team @agarcia
model/db/
config/db/database-setup.md @docs-team
`;
    const file = parseCodeowners(text, { path: "CODEOWNERS", dialect: "gitlab" });
    expect(file.sections).toEqual([
      {
        name: "Documentation",
        line: 1,
        optional: false,
        approvals: 2,
        defaultOwners: [{ kind: "user", text: "@docs-team" }],
      },
      {
        name: "Database",
        line: 5,
        optional: true,
        approvals: 0,
        defaultOwners: [
          { kind: "user", text: "@database-team" },
          { kind: "user", text: "@agarcia" },
        ],
      },
    ]);
    expect(gitlab(text, "docs/guide.md")).toEqual(["@docs-team"]);
    expect(gitlab(text, "model/db/schema.rb")).toEqual(["@database-team", "@agarcia"]);
    expect(gitlab(text, "config/db/database-setup.md")).toEqual(["@docs-team"]);
  });

  it("entries outside sections are one more section: model/db/CHANGELOG.txt needs three owners", () => {
    const text = `# Required for all files
* @general-approvers

[Documentation] @docs-team
docs/
README.md
*.txt

[Database] @database-team
model/db/
config/db/database-setup.md @docs-team
`;
    expect(gitlab(text, "model/db/CHANGELOG.txt")).toEqual([
      "@general-approvers",
      "@docs-team",
      "@database-team",
    ]);
  });

  it("sections with the same name in any case are one section, named as first written", () => {
    const text = `[Documentation]
ee/docs/    @docs
docs/       @docs

[Database]
README.md  @database
model/db/   @database

[DOCUMENTATION]
README.md  @docs
`;
    const file = parseCodeowners(text, { path: "CODEOWNERS", dialect: "gitlab" });
    expect(file.sections.map((s) => s.name)).toEqual(["Documentation", "Database"]);
    expect(file.rules.filter((r) => r.section === "Documentation")).toHaveLength(3);
    expect(file.rules.filter((r) => r.section === "Database")).toHaveLength(2);
    expect(gitlab(text, "README.md")).toEqual(["@docs", "@database"]);
  });

  it("the last matching entry wins within a section (terms.md → @legal-team)", () => {
    expect(gitlab("*.md @doc-team\nterms.md @legal-team\n", "terms.md")).toEqual(["@legal-team"]);
  });

  it("a repeated entry keeps its first place and takes its last owners, as GitLab's hash does", () => {
    const text = "docs/ @a\n*.md @b\ndocs/ @c\n";
    expect(gitlab(text, "docs/x.md")).toEqual(["@b"]);
    expect(gitlab(text, "docs/x.txt")).toEqual(["@c"]);
  });

  it("exclusions: no owner in their section, and no later entry of it can include the file again", () => {
    const text = `* @username
!pom.xml

[Ruby]
*.rb @ruby-team
!/config/**/*.rb
`;
    expect(gitlab(text, "pom.xml")).toEqual([]);
    expect(gitlab(text, "config/initializers/x.rb")).toEqual(["@username"]);
    expect(gitlab(text, "lib/a.rb")).toEqual(["@username", "@ruby-team"]);
    const order = "* @default-owner\n!*.rb\n/special/*.rb @ruby-owner\n";
    expect(gitlab(order, "special/x.rb")).toEqual([]);
  });

  it("escaped # and spaces", () => {
    expect(gitlab("\\#file_with_pound.rb @owner-file-with-pound", "#file_with_pound.rb")).toEqual([
      "@owner-file-with-pound",
    ]);
    expect(gitlab("path\\ with\\ spaces/*.md @owner", "path with spaces/a.md")).toEqual(["@owner"]);
  });

  it("malformed owners are ignored; an unparsable section header is an entry of the section before", () => {
    const malformed = "/path/* @group user_without_at_symbol @user_with_at_symbol";
    expect(gitlab(malformed, "path/x")).toEqual(["@group", "@user_with_at_symbol"]);
    const file = parseCodeowners("* @group\n\n[Section name\ndocs/ @docs_group\n", {
      path: "CODEOWNERS",
      dialect: "gitlab",
    });
    expect(file.sections).toEqual([]);
    expect(file.rules.map((r) => [r.pattern, r.section, r.owners.map((o) => o.text)])).toEqual([
      ["*", null, ["@group"]],
      ["[Section", null, []],
      ["docs/", null, ["@docs_group"]],
    ]);
    expect(file.problems.map((p) => p.line)).toEqual([3, 3, 3]);
    expect(gitlab("* @group\n\n[Section name\ndocs/ @docs_group\n", "docs/a")).toEqual([
      "@docs_group",
    ]);
  });
});
