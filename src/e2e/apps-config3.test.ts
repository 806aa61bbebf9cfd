import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertRollback, blindRound, installedFrom, movedSecrets, readMigrated, warningPlaces, type E2eRun } from "./harness.js";

// Secret files named by a path variable (fixtures/apps-config3/, docs/migration.md "Session 22,
// configmig3"): a service-account JSON google-auth-library opens through
// GOOGLE_APPLICATION_CREDENTIALS, a TLS client key an https.Agent is built from, an ssh deploy key.
// Each is migrated end to end against the in-process dev server and run under `vaultshift run`
// afterwards, which writes the file from Vault (same digest in every environment), the tree free
// of every planted value, the file gone and its variable left in .env, and a byte-exact rollback.
// Each app fails if the file stays (not-migrated, secrets-remaining), if the written file differs
// by a byte or is not private (the ssh app refuses a key others can read), or if an environment
// gets another environment's file.

const { suite, app, migrated } = blindRound("config3", "apps-config3", { links: ["dotenv"], underRun: true });
const installed = installedFrom("apps-config3");
const ENVS = ["development", "production"];

/** The moved files as "file → variable: environments". */
const movedFiles = (run: E2eRun): string[] => (run.result.plan.secretFiles ?? []).map((f) => `${f.file} → ${f.envName}: ${Object.keys(f.environments).join(",")}${f.notIn ? ` (not ${f.notIn.join(",")})` : ""}`).sort();

function assertFilesGone(run: E2eRun, files: string[], variable: string): void {
  for (const file of files) assert.equal(existsSync(join(run.root, file)), false, `${file} is still in the tree`);
  // The variable stays as it was: vaultshift run sets it over .env's value.
  for (const env of [".env", ".env.production"]) assert.match(readMigrated(run, env), new RegExp(`^${variable}=`, "m"));
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), []);
}

test("a service-account JSON google-auth-library reads through GOOGLE_APPLICATION_CREDENTIALS, one per environment", { timeout: 120_000 }, async () => {
  const run = await migrated(app("gcp-service-account", "puffin-uploads", ENVS, "scripts/digest.js", { prepare: installed("google-auth-library") }));
  // First run (main at af6955f0): both JSON files refused (not-migrated: "no code of the app is seen to load" them), secrets-remaining.
  assert.deepEqual(movedFiles(run), ["secrets/sa-dev.json → GOOGLE_APPLICATION_CREDENTIALS: development", "secrets/sa-prod.json → GOOGLE_APPLICATION_CREDENTIALS: production"]);
  assertFilesGone(run, ["secrets/sa-dev.json", "secrets/sa-prod.json"], "GOOGLE_APPLICATION_CREDENTIALS");
  const pkg = JSON.parse(readMigrated(run, "package.json")) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts["start"], "vaultshift run -- node src/server.js");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("a TLS client key (and the production one) read into an https.Agent; certificates stay", { timeout: 120_000 }, async () => {
  const run = await migrated(app("tls-client-agent", "wagtail-payments", ENVS, "scripts/digest.js"));
  // First run: both keys refused as Docker *_FILE files ("vaultshift does not move it"), secrets-remaining.
  assert.deepEqual(movedFiles(run), ["tls/client-prod.key → TLS_KEY_FILE: production", "tls/client.key → TLS_KEY_FILE: shared (not production)"]);
  assertFilesGone(run, ["tls/client.key", "tls/client-prod.key"], "TLS_KEY_FILE");
  // Public certificates are no secrets: they stay.
  for (const cert of ["tls/ca.crt", "tls/client.crt", "tls/client-prod.crt"]) assert.ok(existsSync(join(run.root, cert)), cert);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("an ssh deploy key both environments name, written 0600 as ssh requires", { timeout: 120_000 }, async () => {
  const key = "deploy/keys/id_ed25519";
  const run = await migrated(app("ssh-deploy-key", "heron-deploy", ENVS, "scripts/digest.js", { prepare: (root) => chmodSync(join(root, key), 0o600) }));
  // First run: the key refused ("move it by hand"), secrets-remaining. One file, named by both environments: stored for each.
  assert.deepEqual(movedFiles(run), [`${key} → DEPLOY_KEY_PATH: development,production`]);
  assert.deepEqual(movedSecrets(run).filter((s) => s.startsWith(key)), [`${key}:DEPLOY_KEY_PATH`, `${key}:DEPLOY_KEY_PATH`]);
  assertFilesGone(run, [key], "DEPLOY_KEY_PATH");
  const pkg = JSON.parse(readMigrated(run, "package.json")) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts["deploy"], "vaultshift run -- node scripts/deploy.js");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
