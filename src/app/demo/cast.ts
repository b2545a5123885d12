/**
 * The demo organisation's people and teams: Acme, a small online shop with three teams. Days are
 * counted back from the demo's `now`.
 */

/** The three repositories, by directory name. */
export type RepoName = "shop-api" | "web" | "platform";

/** The GitHub owner the exports use: repositories are `acme/<name>`. */
export const OWNER = "acme";

export const REPOSITORIES: readonly RepoName[] = ["shop-api", "web", "platform"];

/** `acme/<name>`, as pull requests, deployments and incident services name a repository. */
export function fullName(repo: RepoName): string {
  return `${OWNER}/${repo}`;
}

export type TeamName = "commerce" | "storefront" | "platform";

/** Someone who commits, reviews or responds. */
export interface Person {
  key: string;
  name: string;
  email: string;
  login: string;
  team: TeamName | null;
  /** Time-zone offset of their commits, e.g. "+0100". */
  tz: string;
  /** First commit, days before now (null: there from the start). */
  joinedDaysAgo: number | null;
  /** Last commit, days before now (null: still active). */
  leftDaysAgo: number | null;
  bot?: boolean;
}

function person(
  key: string,
  name: string,
  login: string,
  team: TeamName,
  tz: string,
  joinedDaysAgo: number | null = null,
  leftDaysAgo: number | null = null,
): Person {
  return { key, name, email: `${key}@acme.example`, login, team, tz, joinedDaysAgo, leftDaysAgo };
}

export const MARA = person("mara", "Mara Okafor", "mara-ok", "commerce", "+0100");
export const TOMAS = person("tomas", "Tomás Rivera", "trivera", "commerce", "+0100");
export const LENA = person("lena", "Lena Fischer", "lenaf", "commerce", "+0200");
export const SAM = person("sam", "Sam Patel", "sampatel", "commerce", "+0000");
/** Left the company: last commit 262 days ago. */
export const GRETA = person("greta", "Greta Holm", "gholm", "commerce", "+0100", null, 262);

export const PRIYA = person("priya", "Priya Nair", "priyan", "storefront", "+0530");
/** Joined 130 days ago; Priya pairs with him and reviews his work. */
export const LEO = person("leo", "Leo Brandt", "leob", "storefront", "+0100", 130);
export const CHEN = person("chen", "Chen Wei", "chenw", "storefront", "+0800");
export const ANA = person("ana", "Ana Souza", "anasouza", "storefront", "-0300");
/** Left the company: last commit 232 days ago; the only author of web's src/search. */
export const OWEN = person("owen", "Owen Hale", "owenh", "storefront", "+0000", null, 232);

export const JONAS = person("jonas", "Jonas Berg", "jberg", "platform", "+0100");
export const INES = person("ines", "Ines Duarte", "iduarte", "platform", "+0000");
export const KOFI = person("kofi", "Kofi Mensah", "kofim", "platform", "+0000");

/** Sam's second identity: commits from a personal laptop, folded by shop-api's `.mailmap`. */
export const SAM_LAPTOP = { name: "spatel", email: "sam.patel@gmail.com" } as const;

export const DEPENDABOT: Person = {
  key: "dependabot",
  name: "dependabot[bot]",
  email: "49699333+dependabot[bot]@users.noreply.github.com",
  login: "dependabot[bot]",
  team: null,
  tz: "+0000",
  joinedDaysAgo: null,
  leftDaysAgo: null,
  bot: true,
};

/** Everyone, in team order. */
export const PEOPLE: readonly Person[] = [
  MARA,
  TOMAS,
  LENA,
  SAM,
  GRETA,
  PRIYA,
  LEO,
  CHEN,
  ANA,
  OWEN,
  JONAS,
  INES,
  KOFI,
];

/** The globs of the files each team owns (disjoint across repositories). */
export const TEAM_AREAS: Record<TeamName, string[]> = {
  commerce: ["services/**", "src/api/**", "src/lib/**", "tests/payments/**", "tests/orders/**"],
  storefront: ["src/checkout/**", "src/catalog/**", "src/search/**", "src/components/**"],
  platform: ["infra/**", "tools/**", ".github/workflows/**"],
};

/** True when the person may commit `daysAgo` days before now. */
export function isActive(person: Person, daysAgo: number): boolean {
  if (person.joinedDaysAgo !== null && daysAgo > person.joinedDaysAgo) return false;
  if (person.leftDaysAgo !== null && daysAgo < person.leftDaysAgo) return false;
  return true;
}

export function teamMembers(team: TeamName): Person[] {
  return PEOPLE.filter((p) => p.team === team);
}
