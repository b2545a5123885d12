/** Writing decision records: the next file name, a new record, and supersession both ways. */
export { addSupersedes } from "./add-supersedes.js";
export { markSuperseded } from "./mark-superseded.js";
export { type NextDecisionFile, nextDecisionFile } from "./next-file.js";
export type { RecordRef } from "./record-links.js";
export { type NewDecision, renderNewDecision } from "./template.js";
