import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, readMigrated, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, tree, warningPlaces, type E2eRun } from "./harness.js";

// Round 12 of apps written without looking at the rewriter
// (fixtures/apps-blind12/, docs/migration.md "Unseen apps, round 12"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind12", "apps-blind12", { links: ["dotenv"] });
const installed = installedFrom("apps-blind12");
const ENVS = ["development", "production"];

/** What the plan kept as configuration, as "file:NAME". */
const keptAsConfig = (run: E2eRun): string[] => run.result.plan.config.map((c) => `${c.file}:${c.name}`);
/** Where the plan stores each moved name, as "file:NAME@environment". */
const placed = (run: E2eRun): string[] => run.result.plan.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`).sort();

test("1Password references: op run --env-file resolves op:// values; references stay, plain values move", { timeout: 120_000 }, async () => {
  const run = await migrated(app("op-references", "osprey-billing", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  assert.deepEqual(placed(run), [".env:DATABASE_URL@development", ".env:JWT_SECRET@development", ".env:STRIPE_SECRET_KEY@development"]);
  for (const name of ["DATABASE_URL", "STRIPE_SECRET_KEY", "SENDGRID_API_KEY", "JWT_SECRET"]) assert.ok(keptAsConfig(run).includes(`.env.production:${name}`), name);
  assert.ok(keptAsConfig(run).includes(".env:SENDGRID_API_KEY"));
  await assertRollback(run, suite.server);
});

test("file encodings: a UTF-16LE .env with a BOM, a latin1 .env.production, dotenv's encoding option", { timeout: 120_000 }, async () => {
  const run = await migrated(app("encodings", "plover-legacy-sync", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  // The UTF-16 file's secrets are found and moved (the harness's canary search reads UTF-8 only: checked here).
  const moved = movedSecrets(run);
  assert.ok(moved.includes(".env:ERP_PASSWORD") && moved.includes(".env:MAILJET_API_SECRET"), moved.join(", "));
  const env = readFileSync(join(run.root, ".env"));
  assert.deepEqual([...env.subarray(0, 2)], [0xff, 0xfe], "still UTF-16LE with its BOM");
  assert.doesNotMatch(env.toString("utf16le"), /CANARY/);
  assert.match(env.toString("utf16le"), /SYNC_BATCH=250\r\n/);
  // The latin1 password moves as dotenv's encoding: "latin1" reads it (é, ß), and that is said.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "env-encoding"), [".env.production:4"]);
  const plan = readFileSync(join(run.root, "vaultshift.plan.json"), "utf8");
  for (const v of ["CANARYdevErp4Kx9Lm", "CANARYdevMj2c8d1e7a6b4f0c9d3e"]) assert.ok(!plan.includes(v) && !run.log.includes(v));
  await assertRollback(run, suite.server);
});

test("names that are not identifiers or differ only by case: 2FA_*, db.password, api_token next to API_TOKEN", { timeout: 120_000 }, async () => {
  const run = await migrated(app("odd-names", "heron-accounts", ENVS, "scripts/digest.js"));
  assertSameBehaviour(run);
  const moved = movedSecrets(run);
  for (const name of ["2FA_SIGNING_SECRET", "db.password", "mailgun_api_key", "api_token", "API_TOKEN", "STRIPE_SECRET_KEY"]) assert.ok(moved.includes(`.env:${name}`), name);
  // Names that differ only by case keep their own Vault keys (Vault keys are case-sensitive).
  const keys = run.result.plan.secrets.filter((s) => /^api_token$/i.test(s.name)).map((s) => `${s.environment}:${s.target.key}`).sort();
  assert.deepEqual(keys, ["production:API_TOKEN", "production:api_token", "shared:API_TOKEN", "shared:api_token"]);
  // The revoked key in a comment of .env is read by nothing, so nothing moves it: said, and counted.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), [".env:12"]);
  assert.match(run.result.plan.warnings.find((w) => w.code === "not-migrated")!.message, /commented-out line/);
  // The re-scan reads the cleaned .env (git-ignored now), where that line is the 9th.
  assert.deepEqual(run.result.verification.rescan.findings.map((f) => `${f.file}:${f.line}`), [".env:9"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("Kustomize: secretGenerator envs files under overlays/production feed the pod; a dockerconfigjson Secret", { timeout: 120_000 }, async () => {
  const run = await migrated(app("k8s-kustomize", "grebe-orders", ENVS, "scripts/digest.js"));
  assertSameBehaviour(run);
  // The overlay's folder names the environment (secrets.env names none).
  assert.deepEqual(placed(run).filter((p) => p.startsWith("k8s/")), [
    "k8s/overlays/production/secrets.env:DATABASE_URL@production",
    "k8s/overlays/production/secrets.env:STRIPE_SECRET_KEY@production",
    "k8s/overlays/production/secrets.env:WEBHOOK_SIGNING_KEY@production",
  ]);
  // The registry credentials (base64 in a Secret manifest) cannot be rewritten: said, and counted.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), ["k8s/base/registry-credentials.yaml:7"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("APM preloads: node -r dotenv/config -r ./tracing.js -r newrelic; a key inside OTEL_EXPORTER_OTLP_HEADERS", { timeout: 120_000 }, async () => {
  const run = await migrated(app("apm-preload", "avocet-search", ENVS, "scripts/digest.js", { prepare: installed("newrelic") }));
  assertSameBehaviour(run);
  // The preloads read their secrets from the secrets module before the app starts: same digest.
  // The header list holding the Honeycomb key (OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=<key>,…)
  // moves whole since round 13 (its x-honeycomb-team entry is a secret); the tracer reads it as before.
  assert.deepEqual(movedSecrets(run), [".env:ELASTIC_API_KEY", ".env:NEW_RELIC_LICENSE_KEY", ".env:OTEL_EXPORTER_OTLP_HEADERS", ".env:REDIS_URL"]);
  assert.ok(!keptAsConfig(run).includes(".env:OTEL_EXPORTER_OTLP_HEADERS"));
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("a CLI without extension whose shebang is node --env-file=.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("shebang-envfile", "ledger-sync", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  // Read as JavaScript since round 14 (it was served only by the library-read fallback): its read is rewritten.
  assert.match(readMigrated(run, "bin/ledger-sync"), /secrets\.LEDGER_WEBHOOK_SECRET/);
  await assertRollback(run, suite.server);
});

test("env-cmd: a JavaScript rc file (.env-cmdrc.js) and a JSON env file (.env.json)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("env-cmd-js", "tern-notify", ENVS, "scripts/digest.js", { prepare: installed("env-cmd") }));
  assertSameBehaviour(run);
  // Not migrated (as .env-cmdrc in round 2): each secret said, the verdict counts them, nothing changed.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated").sort(), [".env-cmdrc.js:11", ".env-cmdrc.js:12", ".env-cmdrc.js:17", ".env-cmdrc.js:18", ".env.json:3", ".env.json:4"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  // Nothing was migrated, so nothing changed (no rollback to run).
  assert.deepEqual(run.result.plan.secrets, []);
  const now = tree(run.root, true);
  assert.deepEqual([...now.keys()].sort(), [...run.original.keys()].sort());
  for (const [file, bytes] of run.original) assert.ok(now.get(file)!.equals(bytes), file);
});

test("Heroku: Procfile, app.json env (generator: secret, a review-app value), heroku local reading .env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("heroku-appjson", "skua-inbox", ENVS, "scripts/digest.js"));
  assertSameBehaviour(run);
  assert.deepEqual(placed(run), [".env:DATABASE_URL@development", ".env:POSTMARK_INBOUND_TOKEN@development", ".env:PUSHER_SECRET@development", ".env:SESSION_SECRET@development"]);
  // The review app's literal in app.json is Heroku's to read: not rewritten, said, counted.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), ["app.json:14"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});
