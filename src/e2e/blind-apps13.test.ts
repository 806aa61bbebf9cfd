import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, readMigrated, tree, typescriptBuild, warningPlaces, type E2eRun } from "./harness.js";

// Round 13 of apps written without looking at the rewriter
// (fixtures/apps-blind13/, docs/migration.md "Unseen apps, round 13"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte. Tools that start an app (npm, dotenv-cli,
// the Cypress binary, the pulumi CLI) are stand-ins installed in node_modules,
// where the migrator does not rewrite, as the real ones are not app code.

const { suite, app, migrated } = blindRound("blind13", "apps-blind13", { links: ["dotenv"] });
const installed = installedFrom("apps-blind13");
const ENVS = ["development", "production"];

/** What the plan kept as configuration, as "file:NAME". */
const keptAsConfig = (run: E2eRun): string[] => run.result.plan.config.map((c) => `${c.file}:${c.name}`);

/** Nothing was migrated, so nothing changed (no rollback to run). */
function assertUntouched(run: E2eRun): void {
  assert.deepEqual(run.result.plan.secrets, []);
  const now = tree(run.root, true);
  assert.deepEqual([...now.keys()].sort(), [...run.original.keys()].sort());
  for (const [file, bytes] of run.original) assert.ok(now.get(file)!.equals(bytes), file);
}

test("Azure Functions: local.settings.json Values read by the host, bindings naming app settings (connection, %NAME%)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("azure-functions", "kestrel-intake", ["development"], "scripts/digest.js"));
  assertSameBehaviour(run);
  // The Functions host loads local.settings.json and resolves `connection` itself: each secret named, nothing changed.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated").sort(), ["local.settings.json:10", "local.settings.json:5", "local.settings.json:6", "local.settings.json:9"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  assertUntouched(run);
});

test("Cypress: cypress.env.json, CYPRESS_* read by the binary under `dotenv -- cypress run`, setupNodeEvents reading process.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("cypress-e2e", "plover-shop", ["development"], "scripts/digest.js", { prepare: installed("cypress", "dotenv-cli", "npm") }));
  // cypress.env.json is Cypress's to read: named, not rewritten.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated").sort(), ["cypress.env.json:3", "cypress.env.json:4"]);
  // The Cypress binary reads CYPRESS_MAILSLURP_API_KEY from what dotenv-cli loaded from .env: the script is named,
  // and runs under `vaultshift run` for .env's environment, which gives the binary the moved key from Vault.
  const outside = run.result.plan.warnings.filter((w) => w.code === "outside-use");
  assert.ok(outside.some((w) => w.file === "package.json" && /CYPRESS_MAILSLURP_API_KEY/.test(w.message) && /e2e/.test(w.message) && /vaultshift run/.test(w.message)), JSON.stringify(outside.map((w) => w.message)));
  assert.equal(JSON.parse(readMigrated(run, "package.json")).scripts.e2e, "vaultshift run --env development -- dotenv -- cypress run");
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("launchers outside the code: a systemd unit (EnvironmentFile=, Environment=), a VS Code launch configuration (envFile, env)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("service-launchers", "grackle-feeds", ENVS, "scripts/digest.js"));
  assertSameBehaviour(run);
  assert.deepEqual(movedSecrets(run), [".env:FEED_DB_URL", ".env:PUSH_VAPID_PRIVATE_KEY", "deploy/production.env:FEED_DB_URL", "deploy/production.env:PUSH_VAPID_PRIVATE_KEY"]);
  // The literal signing keys in the unit and in launch.json are the launchers' to read: named, counted.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated").sort(), [".vscode/launch.json:13", "deploy/grackle.service:11"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("node-config: NODE_CONFIG (JSON with nested secrets) in .env over config/*.json, config.get('smtp.password')", { timeout: 120_000 }, async () => {
  const run = await migrated(app("node-config-env", "sandpiper-mail", ENVS, "scripts/digest.js", { prepare: installed("config") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("Angular: literal secrets in src/environments/environment*.ts (fileReplacements), read by the SSR server and bundled for the browser", { timeout: 180_000 }, async () => {
  const run = await migrated(app("angular-ssr", "tern-portal", ENVS, "scripts/digest.js", { links: ["typescript", "@types/node"], build: typescriptBuild }));
  // The browser bundle imports environment.ts: its literals already ship to every browser; rewriting
  // them to the Node-only secrets module would break the browser build. Named, not moved.
  assertSameBehaviour(run);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "browser-exposed").sort(), ["src/environments/environment.prod.ts:5", "src/environments/environment.prod.ts:6", "src/environments/environment.ts:7", "src/environments/environment.ts:8"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  assertUntouched(run);
});

test("Expo: EXPO_PUBLIC_* inlined into the app bundle, app.config.js extra, an Expo Router +api route on the server", { timeout: 120_000 }, async () => {
  const run = await migrated(app("expo-router", "murre-mobile", ENVS, "scripts/digest.js"));
  assertSameBehaviour(run);
  assert.deepEqual(movedSecrets(run), [".env.production:REVENUECAT_SECRET_KEY", ".env:REVENUECAT_SECRET_KEY", ".env:SENTRY_AUTH_TOKEN"]);
  // A secret under the public prefix ships in the app: not moved, said (rotate it, serve it from the backend).
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "browser-exposed").sort(), [".env.production:2", ".env:5"]);
  for (const name of ["EXPO_PUBLIC_API_URL", "EXPO_PUBLIC_MAPBOX_TOKEN"]) assert.ok(keptAsConfig(run).includes(`.env:${name}`), name);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("bare names (Directus): KEY, SECRET, process['env'], global.process.env, a prefix scan into camelCase groups", { timeout: 120_000 }, async () => {
  const run = await migrated(app("bare-names", "shrike-cms", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  const moved = movedSecrets(run);
  for (const name of ["KEY", "SECRET", "ADMIN_PASSWORD", "DB_PASSWORD", "STORAGE_S3_KEY", "STORAGE_S3_SECRET", "CACHE_REDIS"]) assert.ok(moved.includes(`.env:${name}`) && moved.includes(`.env.production:${name}`), name);
  await assertRollback(run, suite.server);
});

test("EJS views reading res.locals.env (= process.env): a key rendered into the page, an identity secret hashed in a template", { timeout: 120_000 }, async () => {
  const run = await migrated(app("ejs-views", "linnet-dash", ENVS, "scripts/digest.js", { prepare: installed("ejs") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("Pulumi: Pulumi.<stack>.yaml config (secure: values, a plaintext secret), `dotenv -- pulumi preview` giving the CLI its passphrase", { timeout: 120_000 }, async () => {
  const run = await migrated(app("pulumi-stack", "kite-infra", ENVS, "scripts/digest.js", { prepare: installed("@pulumi/pulumi", "pulumi", "dotenv-cli", "npm") }));
  // The plaintext webhook secret in the stack files is Pulumi's to read (it should be `secure:`): named.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated").sort(), ["Pulumi.dev.yaml:6", "Pulumi.production.yaml:6"]);
  // The pulumi CLI (not Node code) reads PULUMI_CONFIG_PASSPHRASE from what dotenv-cli loaded: the scripts are
  // named, and run under `vaultshift run`, which gives the CLI the passphrase from Vault: it decrypts the stack.
  const outside = run.result.plan.warnings.filter((w) => w.code === "outside-use");
  assert.ok(outside.some((w) => w.file === "package.json" && /PULUMI_CONFIG_PASSPHRASE/.test(w.message) && /preview/.test(w.message) && /vaultshift run/.test(w.message)), JSON.stringify(outside.map((w) => w.message)));
  const scripts = JSON.parse(readMigrated(run, "package.json")).scripts;
  assert.deepEqual([scripts.preview, scripts.up], ["vaultshift run --env development -- dotenv -- pulumi preview", "vaultshift run --env development -- dotenv -- pulumi up --yes"]);
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});
