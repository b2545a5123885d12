import type { RawIdentity } from "../model.js";

/**
 * A map keyed by repository + exact raw name + exact raw email. Nested maps instead of a joined
 * string key, so a lookup allocates nothing (it runs once per commit).
 */
export class IdentityTable<T> {
  private readonly byRepo = new Map<string, Map<string, Map<string, T>>>();

  get(repo: string, raw: RawIdentity): T | undefined {
    return this.byRepo.get(repo)?.get(raw.email)?.get(raw.name);
  }

  set(repo: string, raw: RawIdentity, value: T): void {
    let byEmail = this.byRepo.get(repo);
    if (!byEmail) {
      byEmail = new Map();
      this.byRepo.set(repo, byEmail);
    }
    let byName = byEmail.get(raw.email);
    if (!byName) {
      byName = new Map();
      byEmail.set(raw.email, byName);
    }
    byName.set(raw.name, value);
  }
}
