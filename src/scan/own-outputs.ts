// Files vaultshift itself writes into a repository. By construction they hold
// fingerprints (64 hex characters), redacted labels and secret *names*, never
// a value, yet a fingerprint beside a name like `session_secret` looks exactly
// like a generic secret: scanning them would make every migrated repository
// fail its own pre-commit hook. Matched by file name at any depth (a monorepo
// keeps one plan per app; `--reports DIR` moves the reports), and skipped only
// while `defaultExcludes` is on.
//
// Kept in step with DEFAULT_PLAN_FILE (src/plan/plan-file.ts),
// DEFAULT_BASELINE_FILE (src/scan/baseline.ts) and REPORT_FORMATS
// (src/report/migration-report.ts) by own-outputs.test.ts.

export const OWN_OUTPUT_NAMES: ReadonlySet<string> = new Set([
  "vaultshift.plan.json",
  ".vaultshift-baseline.json",
  "migration-report.md",
  "migration-report.json",
  "migration-report.html",
  "migration-report.sarif",
]);

export function isOwnOutput(path: string): boolean {
  return OWN_OUTPUT_NAMES.has(path.slice(path.lastIndexOf("/") + 1));
}
