import type { PersonId } from "../core/model.js";
import type { Workspace } from "./workspace.js";

/**
 * The person a decision record names as a decision-maker ("Ada Lovelace", "ada@example.com",
 * "Ada <ada@example.com>", "ada"), resolved like a git identity of the record's own repository.
 */
export function decisionMakerId(workspace: Workspace, repository: string, name: string): PersonId {
  const found = workspace.identities.find(name);
  if (found.length === 1) return found[0]!.id;
  const path =
    workspace.repositories.find((r) => r.scan.name === repository)?.scan.path ??
    workspace.repositories[0]?.scan.path ??
    "";
  const email = /<([^>]+)>/.exec(name)?.[1] ?? (name.includes("@") ? name : "");
  return workspace.identities.personOf(path, { name: name.replace(/<[^>]*>/, "").trim(), email });
}
