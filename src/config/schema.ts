import { z } from "zod";

const globs = z.array(z.string().min(1)).default([]);

/** A bot pattern must compile as legible compiles it (case-insensitive), else it is a config error. */
function checkRegularExpression(source: string, context: z.RefinementCtx): void {
  try {
    new RegExp(source, "i");
  } catch (error) {
    context.addIssue({
      code: "custom",
      message: `not a valid regular expression: ${(error as Error).message}`,
    });
  }
}

/** legible.yaml. Every key has a description and a default; `legible init` writes them out. */
export const configSchema = z
  .strictObject({
    repositories: z
      .array(
        z.union([
          z.string().min(1),
          z.strictObject({
            path: z.string().min(1).describe("Path of the repository, relative to this file."),
            name: z
              .string()
              .min(1)
              .optional()
              .describe(
                "Display name (e.g. acme/shop-api); default: owner/name from the origin remote, else the folder.",
              ),
          }),
        ]),
      )
      .default(["."])
      .describe(
        "Repositories to scan and review when none are given on the command line, relative to this file: a path, or { path, name }.",
      ),
    activeDays: z
      .number()
      .int()
      .positive()
      .default(180)
      .describe(
        "A person with no authored commit in this many days before the analysed date counts as a former contributor.",
      ),
    identity: z
      .strictObject({
        rule: z
          .enum(["email", "email-or-name"])
          .default("email-or-name")
          .describe(
            "How identities merge after .mailmap and aliases: same email, or same email or same name (transitive, case-insensitive).",
          ),
        aliases: z
          .array(
            z.strictObject({
              name: z.string().min(1).describe("The person's display name."),
              emails: globs.describe("Emails this person has committed with."),
              names: globs.describe("Other names this person has committed with."),
            }),
          )
          .default([])
          .describe("People known under several names or emails that .mailmap does not fold."),
      })
      .prefault({})
      .describe("Who counts as one person."),
    bots: z
      .strictObject({
        defaults: z
          .boolean()
          .default(true)
          .describe("Recognise well-known bots ([bot] accounts, dependabot, renovate, ...)."),
        assistants: z
          .boolean()
          .default(true)
          .describe(
            "Recognise AI coding assistants that co-author commits (Claude, Copilot, Cursor, Codex, Gemini, aider, Windsurf, OpenHands) by the addresses in their Co-authored-by trailers, and keep them out of people like bots.",
          ),
        patterns: z
          .array(z.string().min(1).superRefine(checkRegularExpression))
          .default([])
          .describe(
            "More bot patterns: case-insensitive regular expressions matched against name and email.",
          ),
      })
      .prefault({})
      .describe("Bots are kept out of people metrics."),
    files: z
      .strictObject({
        linguist: z
          .boolean()
          .default(true)
          .describe("Drop vendored, generated and documentation files by GitHub Linguist's rules."),
        exclude: globs.describe("Globs of files never scored."),
        include: globs.describe("Globs of files always scored, whatever the other rules say."),
      })
      .prefault({})
      .describe("Which files are scored."),
    areas: z
      .strictObject({
        depth: z
          .number()
          .int()
          .min(0)
          .max(10)
          .default(2)
          .describe("Directories down to this depth are areas."),
        components: z
          .record(z.string(), z.array(z.string().min(1)))
          .default({})
          .describe("Named components: name → globs of the files that belong to it."),
      })
      .prefault({})
      .describe("The units of the system that knowledge is reported on."),
    teams: z
      .record(
        z.string(),
        z.strictObject({
          members: globs.describe("People on the team: ids, emails or names."),
          areas: globs.describe("Globs of the files the team owns."),
        }),
      )
      .default({})
      .describe("An optional roster: results roll up by team."),
    scan: z
      .strictObject({
        renameLimit: z
          .number()
          .int()
          .min(0)
          .default(0)
          .describe("git's rename detection limit; 0 means unlimited so no rename is missed."),
      })
      .prefault({})
      .describe("How git history is read."),
    decisions: z
      .strictObject({
        folders: z
          .array(z.string())
          .default([])
          .describe(
            'More folders holding decision records, beside .adr-dir, .log4brains.yml, the common folders and those recognised by their records; "." or "" is the repository root.',
          ),
      })
      .prefault({})
      .describe("Decision records (ADRs)."),
    sources: z
      .array(
        z.strictObject({
          kind: z.enum(["prs", "deployments", "incidents"]).describe("What the file holds."),
          file: z.string().min(1).describe("Path of the export, relative to this file."),
          format: z.string().default("auto").describe("Importer format, or auto to recognise it."),
          repository: z
            .string()
            .optional()
            .describe("Repository the records belong to when the file does not say."),
          columns: z
            .record(z.string(), z.string())
            .optional()
            .describe("CSV column map: legible field → your column header."),
        }),
      )
      .default([])
      .describe("Exports that `legible import` (with no arguments) and `legible review` read."),
    delivery: z
      .strictObject({
        productionEnvironment: z
          .string()
          .default("production")
          .describe("The environment whose deployments count."),
        incidentWindowDays: z
          .number()
          .positive()
          .default(7)
          .describe(
            "An incident links to the latest production deployment at most this many days before it.",
          ),
        deployTags: z
          .string()
          .nullable()
          .default(null)
          .describe(
            'A glob of git tags that mark production deployments (e.g. "v*"); null to read none.',
          ),
        services: z
          .record(z.string(), z.string())
          .default({})
          .describe("Incident service → repository (or area) it belongs to."),
        reviewsAsKnowledge: z
          .boolean()
          .default(false)
          .describe("Count pull-request reviews as authorship signal in the knowledge analyses."),
      })
      .prefault({})
      .describe("Pull requests, deployments and incidents."),
    fetch: z
      .strictObject({
        maxRetries: z
          .number()
          .int()
          .min(0)
          .max(10)
          .default(3)
          .describe(
            "Times one request is retried after a server error, a timeout or an answer cut short, and after a rate limit.",
          ),
        maxWaitSeconds: z
          .number()
          .min(0)
          .default(3660)
          .describe(
            "Longest wait for an API rate limit, in seconds (--max-wait); a longer one stops the fetch with exit 2, and the next run resumes.",
          ),
        requestTimeoutSeconds: z
          .number()
          .positive()
          .default(60)
          .describe(
            "A request with no data for this many seconds is abandoned and retried (--request-timeout).",
          ),
      })
      .prefault({})
      .describe("Live fetches from an API (legible fetch)."),
    queue: z
      .strictObject({
        concurrency: z
          .number()
          .int()
          .min(1)
          .max(64)
          .default(1)
          .describe("Jobs a `legible worker` runs at once (--concurrency)."),
        schedule: z
          .string()
          .nullable()
          .default(null)
          .describe(
            'Cron expression (UTC) on which workers re-scan every repository and refresh imports, e.g. "0 6 * * 1" (--schedule); null for none.',
          ),
        jobTimeoutSeconds: z
          .number()
          .int()
          .min(2)
          .default(3600)
          .describe(
            "A job running longer is taken for lost (its worker died) and retried; a scan stops at four fifths of it and continues in a new job (--job-timeout).",
          ),
        retryLimit: z.number().int().min(0).max(20).default(5).describe("Retries of a failed job."),
        retryDelaySeconds: z
          .number()
          .int()
          .min(1)
          .default(30)
          .describe("Delay before the first retry; later retries back off exponentially."),
        mirrors: z
          .string()
          .nullable()
          .default(null)
          .describe(
            "Folder where workers mirror repositories given as clone URLs (--mirrors; default .legible/mirrors beside this file).",
          ),
      })
      .prefault({})
      .describe("Workers on the PostgreSQL job queue (legible worker, scan --queue)."),
    leverage: z
      .strictObject({
        rules: z
          .array(z.unknown())
          .default([])
          .describe(
            "More leverage rules, or rules overriding a default by id: { id, type, description, when: { kinds, paths, conventionalTypes, labels, titleMatches, minAreas, crossTeam, coAuthored, statesTradeoff } }.",
          ),
        disable: globs.describe("Ids of default leverage rules to turn off."),
      })
      .prefault({})
      .describe(
        "How contributions are classified into leverage types (execution, decision, coordination, capability, strategic).",
      ),
    ladder: z
      .strictObject({
        file: z
          .string()
          .nullable()
          .default(null)
          .describe(
            "A ladder file (Financial Times YAML or Monzo Markdown); null for legible's default ladder.",
          ),
        level: z
          .string()
          .nullable()
          .default(null)
          .describe("The level an impact packet is mapped against by default."),
        track: z.enum(["ic", "manager"]).default("ic").describe("The track of that level."),
      })
      .prefault({})
      .describe("The career ladder impact packets map to."),
    privacy: z
      .strictObject({
        minGroupSize: z
          .number()
          .int()
          .min(1)
          .default(5)
          .describe(
            "Team aggregates need at least this many people, or they are not shown on their own.",
          ),
        people: z
          .enum(["named", "pseudonymous"])
          .default("named")
          .describe(
            "How leader views (review, knowledge, flow, whatif) show people: by name, or by a stable pseudonym.",
          ),
      })
      .prefault({})
      .describe("Guardrails for views about people."),
    review: z
      .strictObject({
        days: z
          .number()
          .int()
          .positive()
          .default(7)
          .describe("Length of the review period when --since is not given."),
        top: z.number().int().positive().default(5).describe("How many risks the review lists."),
      })
      .prefault({})
      .describe("The weekly operating review."),
    ownership: z
      .strictObject({
        dialect: z
          .enum(["auto", "github", "gitlab"])
          .default("auto")
          .describe(
            "Whose CODEOWNERS rules apply: auto (GitLab for .gitlab/CODEOWNERS, section headers or a gitlab origin; GitHub otherwise), github or gitlab.",
          ),
        teams: z
          .record(z.string(), z.string())
          .default({})
          .describe(
            'CODEOWNERS owner → roster team (`teams:`), e.g. "@acme/payments": payments. An @org/team whose team part names a roster team maps to it without an entry.',
          ),
      })
      .prefault({})
      .describe("Declared ownership: CODEOWNERS files and how their owners map to the roster."),
    check: z
      .strictObject({
        minTruckFactor: z
          .record(z.string(), z.number().int().min(0))
          .default({})
          .describe(
            "Area → the lowest truck factor allowed at the head (areas as reports name them; `<repository>: <area>` in a workspace).",
          ),
        noNewKnowledgeIslands: z
          .boolean()
          .default(true)
          .describe(
            "With --base: fail when an area is a knowledge island at the head and was not at the base.",
          ),
        noNewlyOrphanedAreas: z
          .boolean()
          .default(true)
          .describe(
            "With --base: fail when an area has no active author at the head and had one at the base.",
          ),
        maxOrphanedShare: z
          .number()
          .min(0)
          .max(1)
          .nullable()
          .default(null)
          .describe(
            "Highest share (0..1) of scored files without an active author; null: no limit.",
          ),
        noDrift: globs.describe(
          "Areas whose declared owners (CODEOWNERS, roster) must be among their active authors or reviewers.",
        ),
        decisionsStateTradeoff: z
          .boolean()
          .default(false)
          .describe(
            "Fail when a decision record (added since --base, or any without it) states no tradeoff.",
          ),
      })
      .prefault({})
      .describe("Rules of `legible check`, the CI gate."),
    serve: z
      .strictObject({
        token: z
          .string()
          .min(16)
          .nullable()
          .default(null)
          .describe(
            "legible serve: the token every request must carry (null: a random one per run). Needed to serve on a non-loopback --host; LEGIBLE_SERVE_TOKEN overrides it.",
          ),
        weeks: z
          .number()
          .int()
          .min(2)
          .max(26)
          .default(6)
          .describe("legible serve: how many weeks the trend charts cover."),
      })
      .prefault({})
      .describe("The local dashboard (legible serve)."),
  })
  .describe("legible configuration");

export type Config = z.output<typeof configSchema>;
