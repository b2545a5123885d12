/** pg-cursor ships no types; Kysely's PostgreSQL dialect takes its constructor as it is. */
declare module "pg-cursor" {
  import type { PostgresCursorConstructor } from "kysely";

  const Cursor: PostgresCursorConstructor;
  export default Cursor;
}
