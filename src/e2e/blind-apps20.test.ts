import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, readMigrated, secretTargets, warningPlaces } from "./harness.js";

// Round 20 of apps written without looking at the migrator
// (fixtures/apps-blind20/, docs/migration.md "Session 23, appsblind20"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte. The packages the apps use (dotenv-cli, vite's
// loadEnv, @aws-sdk/client-s3's credential chain) are stand-ins installed in
// node_modules, where the migrator does not rewrite; dotenv is the real one.

const { suite, app, migrated } = blindRound("blind20", "apps-blind20", { links: ["dotenv"] });
const installed = installedFrom("apps-blind20");
const ENVS = ["development", "production"];

test("dotenv-cli's cascade: dotenv -c (.env.local over .env) and dotenv -c production (.env.production.local, .env.local, .env.production, .env)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenv-cli-cascade", "heron-billing", ENVS, "scripts/digest.js", { prepare: installed("dotenv-cli") }));
  // First run: refused before anything was written, as a collision: .env and .env.local were both
  // development's file, so STRIPE_SECRET_KEY had two values for one Vault location. The -c flag is now
  // read as dotenv-cli's order of files: .env.local over .env in development, .env under .env.production.
  // One named difference remains: .env.local's key is development's only (local-override), where
  // `dotenv -c production` on this laptop loaded it over .env.production.
  assert.equal(secretTargets(run)[".env:MAILGUN_API_KEY"], "heron-billing/shared/mailgun");
  assert.equal(secretTargets(run)[".env.local:STRIPE_SECRET_KEY"], "heron-billing/development/stripe");
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "local-override"), [".env.local:2"]);
  assert.equal(run.after[0]!.digest, run.before[0]!.digest, "development is the same");
  assert.notEqual(run.after[1]!.digest, run.before[1]!.digest, "production now gets .env.production's key");
  await assertMigrated(run, suite.server, { sameBehaviour: false });
  await assertRollback(run, suite.server);
});

test("ENV_FILE names the one settings file: production's npm start points it at .env.production, which replaces .env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("env-file-var", "plover-sync", ENVS, "scripts/digest.js"));
  // .env's PostHog key (the only file holding it) is development's: production never loaded .env.
  assert.equal(secretTargets(run)[".env:POSTHOG_PERSONAL_API_KEY"], "plover-sync/development/app");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("development fallbacks written with ||= and ??= into process.env after dotenv", { timeout: 120_000 }, async () => {
  const run = await migrated(app("logical-assign-default", "tern-ops", ENVS, "scripts/digest.js"));
  for (const name of ["SESSION_SECRET", "WEBHOOK_SIGNING_SECRET"]) assert.ok(movedSecrets(run).includes(`src/bootstrap.js:process.env.${name}`), name);
  assert.doesNotMatch(readMigrated(run, "src/bootstrap.js"), /CANARY/);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("ES modules: the mailer reads its token when evaluated, before server.js's import \"dotenv/config\" runs", { timeout: 120_000 }, async () => {
  const run = await migrated(app("esm-import-order", "puffin-mail", ENVS, "scripts/digest.cjs"));
  // First run: a silent change in development. The mailer's module is evaluated before dotenv loads .env,
  // so it never had the Postmark token there (it logged mail to the console); after the migration it
  // reads the token from the secrets module, which is loaded first, and sends through Postmark. No
  // warning named it; now read-before-load does (one named difference). Production (node --env-file) is
  // the same.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "read-before-load"), ["src/mailer.js:2"]);
  assert.equal(run.after[1]!.digest, run.before[1]!.digest, "production is the same");
  assert.notEqual(run.after[0]!.digest, run.before[0]!.digest, "development's mailer now has a token");
  assert.match(run.after[0]!.output, /transport: "postmark"/);
  await assertMigrated(run, suite.server, { sameBehaviour: false });
  await assertRollback(run, suite.server);
});

test("a project-local AWS shared credentials file (AWS_SHARED_CREDENTIALS_FILE, a profile per environment) read by the SDK", { timeout: 120_000 }, async () => {
  const run = await migrated(app("aws-credentials-ini", "gannet-archive", ENVS, "scripts/digest.js", { prepare: installed("@aws-sdk/client-s3") }));
  // First run: refused with the reason named: the credentials file (git-ignored, so the tree scan never
  // read it) was kept as a Docker *_FILE secret, not-migrated, the verdict secrets-remaining. A file a .env
  // variable names by a path is now scanned by name, so it moves whole as a secret file, written by
  // `vaultshift run` for the npm scripts.
  assert.deepEqual((run.result.plan.secretFiles ?? []).map((f) => f.file), [".aws/credentials"]);
  assert.match(JSON.parse(readMigrated(run, "package.json")).scripts.start as string, /^vaultshift run -- /);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("JSON settings with ${NAME} and ${NAME:-default} placeholders filled from process.env by the app", { timeout: 120_000 }, async () => {
  const run = await migrated(app("json-placeholders", "skua-payments", ENVS, "scripts/digest.js"));
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "dynamic-env-access"), ["src/config.js:10"]);
  // First run: same digest, clean scan, but a classifier miss: production's Open Exchange Rates
  // OXR_APP_ID (the service's API key, 32 characters) was taken for a public application id and stayed
  // in .env.production, unnamed, its value in the plan as configuration. Everything else moved.
  assert.ok(!movedSecrets(run).includes(".env.production:OXR_APP_ID"));
  assert.match(readMigrated(run, ".env.production"), /^OXR_APP_ID=CANARY/m);
  assert.equal(run.result.verification.verdict, "zero-secrets");
  assertSameBehaviour(run);
  const plan = readMigrated(run, "vaultshift.plan.json");
  assert.deepEqual(run.planted.filter((v) => plan.includes(v)).map((v) => v.slice(0, 9)), ["CANARYoxr"]);
  await assertRollback(run, suite.server);
});

test("Vite's loadEnv(mode, root, \"\") in an SSR server: .env, .env.local, .env.<mode>, nothing in process.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("vite-loadenv-server", "smew-ssr", ENVS, "scripts/digest.cjs", { prepare: installed("vite") }));
  // First run: one named difference (local-override): .env.local's Stripe key is development's only,
  // where loadEnv also reads .env.local in production, so `--mode production` on this tree now gets the
  // team's key from .env. Development is the same.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "local-override"), [".env.local:2"]);
  assert.equal(run.after[0]!.digest, run.before[0]!.digest);
  assert.notEqual(run.after[1]!.digest, run.before[1]!.digest);
  await assertMigrated(run, suite.server, { sameBehaviour: false });
  await assertRollback(run, suite.server);
});

test("a Settings class with getters over an injected env object and a private #required(name)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("getter-class", "stint-crm", ENVS, "scripts/digest.cjs"));
  assert.equal(secretTargets(run)[".env.production:HUBSPOT_ACCESS_TOKEN"], "stint-crm/production/hubspot");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
