import { type Command, Option } from "commander";

/** Options every command accepts. */
export function addGlobalOptions(command: Command, options: { json: boolean }): Command {
  command
    .option(
      "--db <path|url>",
      "the store: a SQLite file, or a postgres:// URL (default: $LEGIBLE_DATABASE_URL, else .legible/legible.db beside legible.yaml, or in the current directory)",
    )
    .option(
      "--config <file>",
      "config file (default: legible.yaml in the current directory or a parent)",
    )
    .addOption(
      new Option("--identity <rule>", "how identities merge after .mailmap and aliases").choices([
        "email",
        "email-or-name",
      ]),
    );
  if (options.json)
    command.option("--json", "print JSON (a stable, versioned shape) instead of a table");
  return command;
}
