import { isoTime } from "../core/dates.js";
import type { PreparedRepository } from "./workspace.js";

/** What git could not give as it is: local rewrites of history, missing objects, impossible dates. */
export function integrityCaveats(repository: PreparedRepository): string[] {
  const out: string[] = [];
  const { scan } = repository;
  const { replaceRefs, graftsFile } = scan.rewrites;
  if (replaceRefs > 0 || graftsFile) {
    const what = [
      replaceRefs > 0 ? `${replaceRefs} replace ref(s) (git replace)` : "",
      graftsFile ? "a grafts file (.git/info/grafts)" : "",
    ].filter((part) => part !== "");
    out.push(
      `${scan.name}'s history was rewritten locally by ${what.join(" and ")}: legible ignores them and reads the history the commits themselves record, so git log in this repository shows a different history than these figures.`,
    );
  }
  if (scan.unreadable.includes(".mailmap")) {
    out.push(
      `${scan.name}'s .mailmap could not be read: its content is not in the object store (a partial clone whose remote is gone, or a damaged repository; legible never fetches), so identities were not mapped through it.`,
    );
  }
  const missing = repository.missingFiles;
  if (missing.length > 0) {
    const attributes = missing.includes(".gitattributes")
      ? " .gitattributes among them, so its linguist attributes were not applied;"
      : "";
    out.push(
      `${missing.length} file(s) of ${scan.name} have no content in the object store (missing blobs; nothing was fetched):${attributes} binary files among them could not be recognised: ${listed(missing)}.`,
    );
  }
  const dates = repository.impossibleDates;
  if (dates.length > 0) {
    const list = listed(dates.map((c) => `${c.sha.slice(0, 12)} (${isoTime(c.authorTime)})`));
    out.push(
      `${dates.length} commit(s) of ${scan.name} carry impossible dates (at or before 1970, or more than a year after the analysed date); they are kept but count as no activity: ${list}.`,
    );
  }
  return out;
}

function listed(items: string[]): string {
  return `${items.slice(0, 5).join(", ")}${items.length > 5 ? ", ..." : ""}`;
}
