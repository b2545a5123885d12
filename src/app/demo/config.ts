/** The demo's legible.yaml: its repositories, teams, exports, services and GitHub logins. */
import { stringify } from "yaml";
import { PEOPLE, REPOSITORIES, TEAM_AREAS, type TeamName, teamMembers } from "./cast.js";
import { SERVICES } from "./incidents.js";

/** Where the exports are written, relative to the demo directory. */
export const EXPORTS = {
  prs: "exports/pulls.json",
  deployments: "exports/deployments.csv",
  incidents: "exports/incidents.csv",
} as const;

/** The text of legible.yaml. */
export function configYaml(): string {
  const teams: Record<string, { members: string[]; areas: string[] }> = {};
  for (const team of ["commerce", "storefront", "platform"] as TeamName[]) {
    teams[team] = { members: teamMembers(team).map((p) => p.email), areas: TEAM_AREAS[team] };
  }
  const config = {
    repositories: [...REPOSITORIES],
    identity: {
      aliases: PEOPLE.map((p) => ({ name: p.name, emails: [p.email], names: [p.login] })),
    },
    teams,
    sources: [
      { kind: "prs", file: EXPORTS.prs },
      { kind: "deployments", file: EXPORTS.deployments },
      { kind: "incidents", file: EXPORTS.incidents },
    ],
    delivery: { services: SERVICES },
  };
  const header = [
    "# legible demo: Acme, a small online shop with three teams and three repositories.",
    "# Written by `legible demo`. Every key not set here has its default; `legible init` lists them.",
    "# identity.aliases map each GitHub login to the person git knows, so pull requests, reviews",
    "# and incident responders count for the same people as commits.",
    "",
  ].join("\n");
  return `${header}${stringify(config, { lineWidth: 0 })}`;
}
