import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertRollback, blindRound, installedFrom, movedSecrets, readMigrated, secretTargets } from "./harness.js";
import { NPM_DEV_START } from "./launch.js";

// Round 18 of apps written without looking at the migrator
// (fixtures/apps-blind18/, docs/migration.md "Session 21, appsblind18"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte. The packages and tools the apps use
// (dotenvx, joi, concurrently, dotenv-cli, MikroORM, nodemon) are stand-ins
// installed in node_modules, where the migrator does not rewrite; make is the
// system's.

const { suite, app, migrated } = blindRound("blind18", "apps-blind18", { links: ["dotenv"] });
const installed = installedFrom("apps-blind18");
const ENVS = ["development", "production"];

test("node --env-file-if-exists: .env is production's base layer under .env.production", { timeout: 120_000 }, async () => {
  const run = await migrated(app("env-file-if-exists", "puffin-invoices", ENVS, "scripts/digest.js"));
  // First run: a silent change in production. The start script loads .env and then .env.production
  // with --env-file-if-exists; .env was taken as development's file only, so INVOICE_SIGNING_KEY was unset.
  // node's --env-file-if-exists now orders files as --env-file does: .env is every environment's base.
  assert.equal(secretTargets(run)[".env:INVOICE_SIGNING_KEY"], "puffin-invoices/shared/app");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("dotenvx run --convention=nextjs: .env.<mode> over .env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenvx-convention", "grebe-search", ENVS, "scripts/digest.js", { prepare: installed("@dotenvx/dotenvx") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("a Joi schema validates process.env into the copy the app reads; a default holds a dev password", { timeout: 120_000 }, async () => {
  const run = await migrated(app("joi-validated", "osprey-accounts", ENVS, "scripts/digest.js", { prepare: installed("joi") }));
  // First run: same digest and zero-secrets, but a classifier miss: the dev SMTP password given as the
  // schema's .default("…") of SMTP_PASSWORD, with .description() after it, stayed in src/config/config.js,
  // unnamed. A schema chain that goes on after its default is now read to the default's literal.
  assert.ok(movedSecrets(run).some((s) => s.startsWith("src/config/config.js:")), JSON.stringify(movedSecrets(run)));
  assert.doesNotMatch(readMigrated(run, "src/config/config.js"), /CANARY/);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("concurrently: each command's own launcher and env files; the job runner's secrets in .env.jobs", { timeout: 120_000 }, async () => {
  const run = await migrated(app("concurrently-procs", "lapwing-shop", ENVS, "scripts/digest.js", { prepare: (root) => (installed("concurrently")(root), installedFrom("apps-blind13")("dotenv-cli")(root)) }));
  // First run: a silent change in development: .env.jobs (loaded by the job runner's command only)
  // became every environment's shared layer, and the api's process got the Shippo token it never had.
  // That stays (the secrets module serves an environment, not a process), but it is named now.
  const named = run.result.plan.warnings.filter((w) => w.code === "layer-everywhere");
  assert.deepEqual(named.map((w) => w.file), [".env.jobs"]);
  assert.match(named[0]!.message, /not by `node --env-file=\.env src\/api\.js`\. Its secrets \(SHIPPO_API_TOKEN\)/);
  await assertMigrated(run, suite.server, { sameBehaviour: false });
  assert.equal(run.after[1]!.digest, run.before[1]!.digest, "production: every process loads a file holding the token");
  // Development: the one difference is the api's Shippo token, now the job runner's.
  const lines = (output: string) => Object.fromEntries(output.split("\n").filter((l) => /^(api|jobs): /.test(l)).map((l) => [l.slice(0, l.indexOf(":")), JSON.parse(l.slice(l.indexOf(":") + 2)) as Record<string, unknown>]));
  const before = lines(run.before[0]!.output);
  const after = lines(run.after[0]!.output);
  assert.equal(before["api"]!["shippo"], "unset");
  assert.deepEqual(after["api"], { ...before["api"], shippo: before["jobs"]!["shippo"] });
  assert.deepEqual(after["jobs"], before["jobs"]);
  await assertRollback(run, suite.server);
});

test("MikroORM loads .env (or MIKRO_ORM_ENV's file) itself and reads MIKRO_ORM_*", { timeout: 120_000 }, async () => {
  const run = await migrated(app("mikro-orm-env", "robin-bookings", ENVS, "scripts/digest.js", { prepare: installed("@mikro-orm/core") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("a Makefile includes .env and .env.$(ENV) and exports them to its recipes", { timeout: 120_000 }, async () => {
  const run = await migrated(app("makefile-include", "stilt-metrics", ENVS, "scripts/digest.js", { launch: NPM_DEV_START }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("nodemon.json's env sets a dev webhook secret and a Slack token over .env's", { timeout: 120_000 }, async () => {
  // First run: the two secrets in nodemon.json were named and left (not-migrated, secrets-remaining), but
  // development changed silently: the code read .env's Slack token from Vault, where nodemon's won.
  // Now refused before anything is written, naming both places.
  await assert.rejects(migrated(app("nodemon-env", "tern-hooks", ENVS, "scripts/digest.js", { prepare: installed("nodemon") })), (e: Error & { hint?: string }) => {
    assert.match(e.message, /SLACK_BOT_TOKEN: nodemon\.json:8 sets it in the environment of the processes nodemon starts \(development\), over \.env:2's value/);
    assert.doesNotMatch(e.message, /GITHUB_WEBHOOK_SECRET/, ".env does not hold nodemon's webhook secret");
    assert.match(e.hint ?? "", /delete SLACK_BOT_TOKEN from nodemon\.json's env/);
    return true;
  });
});

test("runtime env injection for an SPA: REACT_APP_* served as window.__ENV__, server secrets beside them", { timeout: 120_000 }, async () => {
  const run = await migrated(app("spa-runtime-env", "plover-portal", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("settings read again on SIGHUP with override (keys rotated without a restart)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("sighup-reload", "heron-gateway", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
