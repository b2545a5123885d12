import { describe, expect, it } from "vitest";
import {
  matchRepositoryName,
  nameFromRemoteUrl,
  type RepositoryNaming,
  uniqueRepositoryNames,
} from "../../../src/core/repositories/names.js";

describe("nameFromRemoteUrl", () => {
  it.each([
    ["https://github.com/acme/shop-api.git", "acme/shop-api"],
    ["https://github.com/acme/shop-api", "acme/shop-api"],
    ["https://github.com/acme/shop-api/", "acme/shop-api"],
    ["https://x-access-token:secret@github.com/acme/shop-api.git", "acme/shop-api"],
    ["git@github.com:acme/shop-api.git", "acme/shop-api"],
    ["github.com:acme/shop-api", "acme/shop-api"],
    ["ssh://git@github.com/acme/shop-api.git", "acme/shop-api"],
    ["ssh://git@gitlab.example.com:2222/acme/shop-api.git", "acme/shop-api"],
    ["git+ssh://git@github.com/acme/shop-api.git", "acme/shop-api"],
    ["https://gitlab.com/group/sub/shop-api.git", "group/sub/shop-api"],
    ["git@gitlab.com:group/sub/shop-api.git", "group/sub/shop-api"],
    ["https://host.example/shop-api.git", "shop-api"],
  ])("%s → %s", (url, name) => {
    expect(nameFromRemoteUrl(url)).toBe(name);
  });

  it.each([
    "/srv/git/shop-api.git",
    "../shop-api",
    "file:///srv/git/shop-api.git",
    "C:\\repos\\shop-api",
    "https://github.com/",
    "",
  ])("%s names no project", (url) => {
    expect(nameFromRemoteUrl(url)).toBeNull();
  });
});

const repo = (
  path: string,
  originUrl: string | null = null,
  configured: string | null = null,
): RepositoryNaming => ({ path, originUrl, configured });

describe("uniqueRepositoryNames", () => {
  it("takes the configured name, else the remote's owner/name, else the folder", () => {
    expect(
      uniqueRepositoryNames([
        repo("/w/shop", "https://github.com/acme/shop-api.git", "Shop API"),
        repo("/w/platform", "git@github.com:acme/platform.git"),
        repo("/w/web"),
        repo("/w/mirrors/billing.git", "/srv/billing.git"),
        repo("/w/docs/.git"),
      ]),
    ).toEqual(["Shop API", "acme/platform", "web", "billing", "docs"]);
  });

  it("tells folders of the same name apart by their parent folder, whatever the order", () => {
    const a = repo("/w/a/repo.git");
    const b = repo("/w/b/repo");
    expect(uniqueRepositoryNames([a, b])).toEqual(["a/repo", "b/repo"]);
    expect(uniqueRepositoryNames([b, a])).toEqual(["b/repo", "a/repo"]);
    expect(uniqueRepositoryNames([repo("/w/x/a/repo"), repo("/w/y/a/repo"), repo("/w/c")])).toEqual(
      ["x/a/repo", "y/a/repo", "c"],
    );
  });

  it("keeps a remote or configured name and adds the folder that tells them apart", () => {
    const url = "https://github.com/acme/shop.git";
    expect(uniqueRepositoryNames([repo("/w/shop", url), repo("/w/shop-copy", url)])).toEqual([
      "acme/shop (shop)",
      "acme/shop (shop-copy)",
    ]);
    expect(
      uniqueRepositoryNames([repo("/w/a/shop", null, "shop"), repo("/w/b/x", null, "shop")]),
    ).toEqual(["a/shop", "shop (x)"]);
  });

  it("numbers what the folders cannot tell apart, the first path keeping the name", () => {
    expect(uniqueRepositoryNames([repo("/w/b", null, "same"), repo("/w/a", null, "same")])).toEqual(
      ["same (b)", "same (a)"],
    );
    expect(uniqueRepositoryNames([repo("/w/repo"), repo("/w/repo.git")])).toEqual([
      "repo",
      "repo-2",
    ]);
    // A qualified name equal to another repository's name is numbered too.
    expect(
      uniqueRepositoryNames([repo("/w/a/repo"), repo("/w/b/repo"), repo("/w/c", null, "a/repo")]),
    ).toEqual(["a/repo", "b/repo", "a/repo-2"]);
  });
});

describe("matchRepositoryName", () => {
  it("matches the same name, else the only one with the same last segment", () => {
    expect(matchRepositoryName("acme/shop-api", ["acme/shop-api", "shop-api"])).toBe(
      "acme/shop-api",
    );
    expect(matchRepositoryName("acme/shop-api", ["shop-api", "platform"])).toBe("shop-api");
    expect(matchRepositoryName("Acme/Shop-API", ["acme/shop-api"])).toBe("acme/shop-api");
    expect(matchRepositoryName("shop-api", ["acme/shop-api", "acme/platform"])).toBe(
      "acme/shop-api",
    );
    expect(matchRepositoryName("acme/repo", ["a/repo", "b/repo"])).toBeNull();
    expect(matchRepositoryName("acme/web", ["acme/shop-api"])).toBeNull();
  });
});
