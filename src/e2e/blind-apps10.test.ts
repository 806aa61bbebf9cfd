import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, readMigrated, typescriptBuild, warningPlaces, type E2eRun } from "./harness.js";

// Round 10 of apps written without looking at the rewriter
// (fixtures/apps-blind10/, docs/migration.md "Unseen apps, round 10"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind10", "apps-blind10", { links: ["dotenv"] });
const installed = installedFrom("apps-blind10");
const ENVS = ["development", "production"];

/** What the plan kept as configuration, as "file:NAME". */
const keptAsConfig = (run: E2eRun): string[] => run.result.plan.config.map((c) => `${c.file}:${c.name}`);
/** The names the plan moved. */
const movedNames = (run: E2eRun): string[] => run.result.plan.secrets.map((s) => s.name);

test("a config table of names, a strict Proxy over process.env, process.env exported from a module", { timeout: 120_000 }, async () => {
  const run = await migrated(app("env-table", "pika-ledger", ENVS, "scripts/digest.js"));
  assertSameBehaviour(run);
  // Read by a table of names, through a Proxy and through process.env exported whole: served by processEnv, said.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "dynamic-env-access"), ["src/lazy-env.js:10", "src/rates.js:5"]);
  // Known miss (not fixed, round 10): an Open Exchange Rates app id is its API key, but names
  // ending in _APP_ID are public ids by design (Facebook, Algolia, Pusher): it stays in .env, and
  // as configuration shows as context in the plan's .env diff.
  assert.ok(keptAsConfig(run).includes(".env:OPENEXCHANGE_APP_ID"));
  assert.equal(run.result.verification.verdict, "zero-secrets");
  assertNoLeakOutsideTree({ ...run, planted: run.planted.filter((v) => !v.includes("a5c8e1b4d7f0") && !v.startsWith("3f8a1c")) });
  await assertRollback(run, suite.server);
});

test("TypeScript: getEnv(name, fallback), static getters, a property decorator, defaults and renames in signatures, a ProcessEnv declaration", { timeout: 120_000 }, async () => {
  const run = await migrated(app("ts-indirect", "wren-crm", ENVS, "dist/main.js", { links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("Express settings: app.set(name, process.env.X) read by routes with req.app.get(name), config/<mode>.env then config/default.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("express-settings", "puffin-shop", ENVS, "scripts/smoke.js", { prepare: installed("express", "cookie-parser") }));
  assertSameBehaviour(run);
  assert.match(readMigrated(run, "src/app.js"), /app\.set\("jwt secret", secrets\.JWT_SECRET\)/);
  // config/default.env, loaded by the code under every config/<mode>.env, is named like a
  // template: at first its COOKIE_SECRET was read as a stand-in and kept, unnamed. A defaults
  // file is now a source when something loads it (as .env.defaults was): the secret moves to the
  // shared location, every environment's lowest layer, and nothing planted is left.
  assert.ok(run.result.plan.secrets.some((s) => s.source.file === "config/default.env" && s.name === "COOKIE_SECRET" && s.environment === "shared"));
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("a first-start setup step that writes generated keys into .env when the file lacks them", { timeout: 120_000 }, async () => {
  const run = await migrated(app("setup-wizard", "auk-wiki", ENVS, "scripts/check.js"));
  // The setup step completes .env with the keys it lacks: after the migration it generates
  // APP_KEY and SESSION_SECRET again and writes them there, in plain text (the app's reads go to
  // Vault). At first nothing said so; the writes are now named (env-file-write).
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "env-file-write"), ["src/setup.js:17", "src/setup.js:29"]);
  assert.match(run.result.plan.warnings.find((w) => w.code === "env-file-write")!.message, /takes APP_KEY, GITHUB_CLIENT_SECRET, SESSION_SECRET, SMTP_URL out of/);
  assert.match(run.after[0]!.output, /setup: generated APP_KEY in \.env/);
  assert.notEqual(run.after[0]!.digest, run.before[0]!.digest);
  // Production is configured by the deploy (no setup step): the same.
  assert.equal(run.after[1]!.digest, run.before[1]!.digest);
  assert.equal(run.result.verification.verdict, "zero-secrets");
  assertNoLeakOutsideTree(run);
  // The run changed .env after apply: rollback refuses, saying so, and --force restores it.
  await assert.rejects(assertRollback(run, suite.server), /Rollback would undo changes made after the migration: \.env \(changed after apply\)/);
  await assertRollback(run, suite.server, true);
});

test("Next.js App Router: route handlers, an Edge middleware, serverRuntimeConfig, .env.local over .env.production", { timeout: 120_000 }, async () => {
  const run = await migrated(app("next-app-router", "razorbill-store", ENVS, "scripts/smoke.mjs", { links: [], prepare: installed("next", "@next/env") }));
  // Next reads .env.local under production too (over .env.production): the plan migrates it for
  // development only and says so for each name (local-override); production now reads its own.
  assert.equal(run.after[0]!.digest, run.before[0]!.digest);
  assert.notEqual(run.after[1]!.digest, run.before[1]!.digest);
  assert.match(run.after[1]!.output, /"mode\\":\\"live\\"/);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "local-override"), [".env.local:1", ".env.local:2"]);
  // Contentful's Content Delivery token is judged public by design (it reads published content
  // and ships to browsers): configuration, shown as context in the plan's .env diff.
  assert.ok(run.result.plan.config.some((c) => c.file === ".env.local" && c.name === "CONTENTFUL_DELIVERY_TOKEN"));
  assertNoLeakOutsideTree({ ...run, planted: run.planted.filter((v) => !v.startsWith("cfd-")) });
  // Middleware runs on the Edge runtime, which cannot load the Vault client (at first its
  // import of the secrets module failed the build): what it reads stays in .env.local and
  // .env.production, said, and the file is not rewritten; the route handlers are.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "edge-runtime"), [".env.local:3", ".env.local:4", ".env.production:3", ".env.production:4"]);
  assert.match(run.result.plan.warnings.find((w) => w.code === "edge-runtime")!.message, /^ADMIN_PASSWORD is a secret read by middleware\.js:\d+, Next\.js middleware/);
  assert.doesNotMatch(readMigrated(run, "middleware.js"), /vaultshift-secrets/);
  assert.match(readMigrated(run, "lib/stripe.js"), /vaultshift-secrets/);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  await assertRollback(run, suite.server);
});

test("per-tenant secrets whose names are built from data (config/tenants.json)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("multi-tenant", "skua-saas", ENVS, "scripts/tenants.js"));
  assertSameBehaviour(run);
  // Names built from data (`${slug}_STRIPE_SECRET_KEY`): read through processEnv, said.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "dynamic-env-access"), ["src/tenants.js:7", "src/tenants.js:22"]);
  assert.ok(movedNames(run).includes("TENANT_GLOBEX_DB_PASSWORD"));
  // A region after the secret word (SMTP_PASSWORD_EU) made the name "about a secret" to the
  // classifier at first: both stayed in .env, unnamed. A region or country code is now the same
  // secret for that region: both move, and no planted value is left in the tree.
  assert.ok(movedNames(run).includes("SMTP_PASSWORD_EU") && movedNames(run).includes("SMTP_PASSWORD_US"));
  assert.ok(!keptAsConfig(run).some((c) => c.endsWith(":SMTP_PASSWORD_EU") || c.endsWith(":SMTP_PASSWORD_US")));
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("a Python cron job reading the same .env files as the Node API", { timeout: 120_000 }, async () => {
  const run = await migrated(app("polyglot-py", "murre-analytics", ENVS, "scripts/check.js"));
  // The Python job cannot load the secrets module: at first it lost WAREHOUSE_PASSWORD with no
  // word in the plan. Its reads of moved names are now named (outside-use), with what to do;
  // the difference remains (the job stops on the missing variable) until the user acts.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use"), ["jobs/nightly_export.py:21", "jobs/nightly_export.py:24", "jobs/nightly_export.py:25"]);
  assert.match(run.result.plan.warnings.find((w) => w.code === "outside-use")!.message, /a Python program reads \w+ \(os\.(?:environ\[|getenv\()"/);
  for (const a of run.after) assert.match(a.error, /KeyError: 'WAREHOUSE_PASSWORD'/);
  // Known miss (not fixed, round 10): a Slack webhook kept as its path alone
  // (SLACK_WEBHOOK_PATH=/services/T…/B…/…, the host added in code) is judged configuration, stays
  // in .env, and the scan agrees; as any configuration, its line shows as context in the plan.
  assert.ok(run.result.plan.config.some((c) => c.name === "SLACK_WEBHOOK_PATH"));
  assert.equal(run.result.verification.verdict, "zero-secrets");
  assertNoLeakOutsideTree({ ...run, planted: run.planted.filter((v) => !v.includes("/services/") && !/^CANARY(?:dev|prod)(?:Xw7|Lm2)/.test(v)) });
  await assertRollback(run, suite.server);
});

test("Firebase params: defineSecret/defineString, functions/.env.<projectId>, .secret.local for the emulator", { timeout: 120_000 }, async () => {
  const run = await migrated(app("firebase-params", "gadwall", ENVS, "scripts/smoke.js", { links: [], prepare: installed("firebase-functions") }));
  // Known misses (not fixed, round 10). functions/.secret.local (the emulator's values for
  // defineSecret) is not a .env file to the planner: named, left (not-migrated).
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), ["functions/.secret.local:2", "functions/.secret.local:3"]);
  // functions/.env.<projectId> are loaded by Firebase for the project it runs in, whatever
  // NODE_ENV says. At first they became environments no NODE_ENV selects (development read the
  // moved params as undefined: a silent change; production stopped). Now each is the environment
  // of its project id, which the secrets module selects by GCLOUD_PROJECT as Firebase selected
  // the file: both environments behave the same.
  assert.deepEqual([...new Set(run.result.plan.secrets.map((s) => s.environment))].sort(), ["gadwall-dev", "gadwall-prod-4821"]);
  assert.deepEqual(run.result.plan.envFiles.filter((e) => e.selectedBy === "project-id").map((e) => e.file).sort(), ["functions/.env.gadwall-dev", "functions/.env.gadwall-prod-4821"]);
  // Selected by the project id, so not an environment nothing selects.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "unselected-environment"), []);
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("vitest tests stubbing secrets with vi.stubEnv, Node's loadEnvFile", { timeout: 120_000 }, async () => {
  const run = await migrated(app("test-stubs", "smew-hooks", ENVS, "scripts/ci.mjs", { links: [], prepare: installed("vitest") }));
  // The reads become secrets.X, which vi.stubEnv (the real process.env) does not reach: three
  // of the six tests fail after the migration. At first nothing said so; each stub of a moved
  // name is now named (test-env-stub). Since session 13 the secrets module, loaded under vitest
  // or Jest (VITEST / JEST_WORKER_ID set), reads process.env so that stubs work; this app's CI
  // script loads the secrets module itself before it runs the tests in the same process (the
  // stand-in runner is in-process and sets no VITEST), so the difference stays here.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "test-env-stub"), ["test/ai.test.js:6", "test/ai.test.js:10", "test/setup.js:6", "test/webhooks.test.js:15"]);
  for (const a of run.after) {
    assert.match(a.output, /✗ verifySignature > accepts a body signed with the configured secret/);
    assert.match(a.output, /✗ openaiClient > says which variable is missing/);
  }
  assert.deepEqual(
    run.after.map((a) => /^app: .*$/m.exec(a.output)![0]),
    run.before.map((b) => /^app: .*$/m.exec(b.output)![0]),
  );
  assert.equal(run.result.verification.verdict, "zero-secrets");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});
