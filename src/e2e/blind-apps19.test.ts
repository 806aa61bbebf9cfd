import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, readMigrated, secretTargets, warningPlaces, type E2eRun } from "./harness.js";

// Round 19 of apps written without looking at the migrator
// (fixtures/apps-blind19/, docs/migration.md "Session 22, appsblind19"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte. The packages and tools the apps use
// (dotenv-extended, dotenv-flow, express-session, TypeORM, go-task, the AWS SAM
// CLI, envalid, Fastify and @fastify/env) are stand-ins installed in
// node_modules, where the migrator does not rewrite; envsubst is the system's.

const { suite, app, migrated } = blindRound("blind19", "apps-blind19", { links: ["dotenv"] });
const installed = installedFrom("apps-blind19");
const ENVS = ["development", "production"];

test("dotenv-extended: .env or .env.production over a committed .env.defaults, names checked against .env.schema", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenv-extended", "wren-catalog", ENVS, "scripts/digest.js", { prepare: installed("dotenv-extended") }));
  // The CDN key only .env.defaults holds is every environment's.
  assert.equal(secretTargets(run)[".env.defaults:IMAGE_CDN_SIGNING_KEY"], "wren-catalog/shared/app");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("dotenv-flow preloaded with -r, its folder from DOTENV_FLOW_PATH and production's mode from --node-env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenv-flow-preload", "kestrel-notify", ENVS, "scripts/digest.js", { prepare: installed("dotenv-flow") }));
  assert.equal(secretTargets(run)["config/.env:EXPO_ACCESS_TOKEN"], "kestrel-notify/shared/app");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("express-session secret rotation: SESSION_SECRETS split on commas, CSRF_SECRETS a JSON array", { timeout: 120_000 }, async () => {
  const run = await migrated(app("session-rotation", "linnet-portal", ENVS, "scripts/digest.js", { prepare: installed("express-session") }));
  // First run: same digest, but a classifier miss: CSRF_SECRETS (a JSON array of two secrets) was
  // taken for configuration and stayed in .env and .env.production, its values in the plan.
  assertSameBehaviour(run);
  assert.ok(!movedSecrets(run).includes(".env:CSRF_SECRETS"), JSON.stringify(movedSecrets(run)));
  assert.ok(movedSecrets(run).includes(".env:SESSION_SECRETS"));
  await assertRollback(run, suite.server);
});

test("TypeORM 0.2 loads ormconfig.env itself under the app's .env.<mode>", { timeout: 120_000 }, async () => {
  const run = await migrated(app("ormconfig-env", "osprey-rentals", ENVS, "scripts/digest.js", { prepare: installed("typeorm") }));
  // First run: a silent change in development: ormconfig.env became an environment "ormconfig" of its
  // own, so TypeORM found no TYPEORM_PASSWORD in development.
  assert.equal(secretTargets(run)["ormconfig.env:TYPEORM_PASSWORD"], "osprey-rentals/ormconfig/app");
  assert.notEqual(run.after[0]!.digest, run.before[0]!.digest);
  assert.equal(run.after[1]!.digest, run.before[1]!.digest);
  await assertRollback(run, suite.server);
});

test("go-task: the Taskfile's root dotenv (.env) under the start task's .env.{{.ENV}}", { timeout: 120_000 }, async () => {
  const run = await migrated(app("taskfile-dotenv", "shrike-ledger", ENVS, "scripts/digest.js", { prepare: installed("@go-task/cli") }));
  // First run: a silent change in production, said only as outside-use: .env (every task's) was
  // development's file only, so the audit key it alone holds was unset under `task start ENV=production`.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use"), ["Taskfile.yml:4"]);
  assert.equal(run.after[0]!.digest, run.before[0]!.digest);
  assert.notEqual(run.after[1]!.digest, run.before[1]!.digest);
  await assertRollback(run, suite.server);
});

test("AWS SAM: sam local invoke --env-vars env.json, per-function sandbox secrets", { timeout: 120_000 }, async () => {
  const run = await migrated(app("sam-local", "thrush-checkout-hooks", ["development"], "scripts/digest.js", { prepare: (root) => (installed("aws-sam-cli")(root), installedFrom("apps-blind14")("yaml")(root)) }));
  // First run: refused with the reason named: env.json's secrets are not-migrated (no code of the app
  // loads env.json), the verdict secrets-remaining; nothing was written, the app runs as before.
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), ["env.json:6", "env.json:7", "env.json:10"]);
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
});

/** The rendered config files are the app's own output (git-ignored), not the migrator's. */
const removeRendered = (run: E2eRun): void => {
  for (const name of readdirSync(join(run.root, "config"))) if (/^runtime\.(?!template\.).+\.json$/.test(name)) rmSync(join(run.root, "config", name));
};

test("envsubst renders the app's JSON config from a template with the env file the shell exported", { timeout: 120_000 }, async () => {
  const run = await migrated(app("envsubst-render", "godwit-dispatch", ENVS, "scripts/digest.js"));
  removeRendered(run);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("envalid devDefault literals: development runs on secrets written in the specs", { timeout: 120_000 }, async () => {
  const run = await migrated(app("envalid-devdefault", "dunlin-forms", ENVS, "scripts/digest.js", { prepare: installed("envalid") }));
  // First run: same digest, but a classifier miss: the session and hCaptcha secrets given as
  // str({ devDefault: "…" }) stayed in src/env.js, unnamed (the database URL's password moved).
  assertSameBehaviour(run);
  assert.match(readMigrated(run, "src/env.js"), /devDefault: "CANARYsess/); // vaultshift:allow
  await assertRollback(run, suite.server);
});

test("@fastify/env JSON schema defaults hold development's JWT and cookie secrets", { timeout: 120_000 }, async () => {
  const run = await migrated(app("fastify-env-default", "avocet-api", ENVS, "scripts/digest.cjs", { prepare: installed("fastify", "@fastify/env") }));
  // First run: same digest, but a classifier miss: `default: "…"` of JWT_SECRET and COOKIE_SECRET in
  // the schema module stayed, unnamed.
  assertSameBehaviour(run);
  assert.match(readMigrated(run, "src/config/schema.js"), /default: "CANARYjwt/); // vaultshift:allow
  await assertRollback(run, suite.server);
});
