import { z } from "zod";
import { configSchema } from "./schema.js";

/** The JSON Schema of legible.yaml, generated from the zod schema (checked in as schema/legible.schema.json). */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: "input" });
  return `${JSON.stringify({ ...schema, title: "legible.yaml" }, null, 2)}\n`;
}
