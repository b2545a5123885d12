/** `npm run schema`: regenerates schema/legible.schema.json from the zod schema (CI checks they match). */
import { writeFileSync } from "node:fs";
import { configJsonSchema } from "../src/config/json-schema.js";

writeFileSync(new URL("../schema/legible.schema.json", import.meta.url), configJsonSchema());
