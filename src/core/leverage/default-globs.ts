/**
 * The path globs of the default leverage rules (picomatch, dotfiles included). Exported so the
 * documentation and config templates can show them as they are.
 */

/** Documentation: docs folders and prose files. */
export const DOCS_GLOBS: readonly string[] = [
  "**/docs/**",
  "**/doc/**",
  "**/*.md",
  "**/*.mdx",
  "**/*.rst",
  "**/*.adoc",
];

/** Runbooks and playbooks. */
export const RUNBOOK_GLOBS: readonly string[] = [
  "**/runbooks/**",
  "**/runbook/**",
  "**/playbooks/**",
  "**/*runbook*",
];

/** Tests: test folders and test-file naming conventions. */
export const TEST_GLOBS: readonly string[] = [
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  "**/spec/**",
  "**/*.test.*",
  "**/*.spec.*",
  "**/*_test.*",
  "**/test_*.py",
];

/** Continuous integration. */
export const CI_GLOBS: readonly string[] = [
  ".github/workflows/**",
  ".github/actions/**",
  "ci/**",
  ".circleci/**",
  ".buildkite/**",
  ".gitlab/ci/**",
  "**/.gitlab-ci.yml",
  "**/Jenkinsfile",
  "azure-pipelines.yml",
];

/** Developer tooling and scripts. */
export const TOOLING_GLOBS: readonly string[] = [
  "scripts/**",
  "tools/**",
  "tooling/**",
  "**/Makefile",
  ".devcontainer/**",
  ".husky/**",
  ".pre-commit-config.yaml",
];

/** Design documents, RFCs and decision-record folders. */
export const DESIGN_GLOBS: readonly string[] = [
  "**/docs/design/**",
  "**/design-docs/**",
  "**/rfcs/**",
  "**/rfc/**",
  "**/adr/**",
  "**/adrs/**",
  "**/docs/decisions/**",
];

/** Migrations: any file or folder whose name contains "migrat". */
export const MIGRATION_GLOBS: readonly string[] = ["**/*[Mm]igrat*/**", "**/*[Mm]igrat*"];

/** Dependency manifests and lock files. */
export const MANIFEST_GLOBS: readonly string[] = [
  "**/package.json",
  "**/package-lock.json",
  "**/npm-shrinkwrap.json",
  "**/yarn.lock",
  "**/pnpm-lock.yaml",
  "**/go.mod",
  "**/go.sum",
  "**/Cargo.toml",
  "**/Cargo.lock",
  "**/requirements*.txt",
  "**/Pipfile.lock",
  "**/poetry.lock",
  "**/pyproject.toml",
  "**/Gemfile.lock",
  "**/pom.xml",
  "**/build.gradle",
  "**/build.gradle.kts",
];

/**
 * Paths that alone do not make a change execution: docs, runbooks, tests, CI, tooling and design
 * documents. A change whose every path is one of these is capability (or decision) only.
 */
export const NON_EXECUTION_GLOBS: readonly string[] = [
  ...DOCS_GLOBS,
  ...RUNBOOK_GLOBS,
  ...TEST_GLOBS,
  ...CI_GLOBS,
  ...TOOLING_GLOBS,
  ...DESIGN_GLOBS,
];
