/** The config file legible looks for (apart from load.ts, so the CLI can name it without loading YAML). */
export const CONFIG_FILE = "legible.yaml";
