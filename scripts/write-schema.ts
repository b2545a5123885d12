/**
 * `npm run schema`: regenerates schema/legible.schema.json from the zod schema, and
 * src/config/defaults.json (the configuration when there is no legible.yaml, so that commands run
 * without one need not build the schema). Tests check that both match the schema.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configJsonSchema } from "../src/config/json-schema.js";
import { configSchema } from "../src/config/schema.js";

writeFileSync(new URL("../schema/legible.schema.json", import.meta.url), configJsonSchema());
const defaults = fileURLToPath(new URL("../src/config/defaults.json", import.meta.url));
writeFileSync(defaults, `${JSON.stringify(configSchema.parse({}), null, 2)}\n`);
spawnSync("npx", ["biome", "format", "--write", defaults], { stdio: "inherit" });
