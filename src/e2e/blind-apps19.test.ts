import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, readMigrated, secretTargets, warningPlaces, type E2eRun } from "./harness.js";
import { NPM_DEV_START } from "./launch.js";

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
  // taken for configuration and stayed in .env and .env.production, its values in the plan. A JSON
  // list in a .env file is now judged item by item.
  for (const s of [".env:CSRF_SECRETS", ".env.production:CSRF_SECRETS", ".env:SESSION_SECRETS", ".env.production:SESSION_SECRETS"]) assert.ok(movedSecrets(run).includes(s), s);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("TypeORM 0.2 loads ormconfig.env itself under the app's .env.<mode>", { timeout: 120_000 }, async () => {
  const run = await migrated(app("ormconfig-env", "osprey-rentals", ENVS, "scripts/digest.js", { prepare: installed("typeorm") }));
  // First run: a silent change in development: ormconfig.env became an environment "ormconfig" of its
  // own, so TypeORM found no TYPEORM_PASSWORD in development. A file a dependency loads itself is now
  // every environment's lowest layer.
  assert.equal(secretTargets(run)["ormconfig.env:TYPEORM_PASSWORD"], "osprey-rentals/shared/app");
  assert.equal(secretTargets(run)[".env.production:TYPEORM_PASSWORD"], "osprey-rentals/production/app");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("go-task: the Taskfile's root dotenv (.env) under the start task's .env.{{.ENV}}", { timeout: 120_000 }, async () => {
  const run = await migrated(app("taskfile-dotenv", "shrike-ledger", ENVS, "scripts/digest.js", { prepare: installed("@go-task/cli"), launch: NPM_DEV_START }));
  // First run: a silent change in production, said only as outside-use: .env (every task's) was
  // development's file only, so the audit key it alone holds was unset under `task start ENV=production`.
  // Task's dotenv lists now order the files: .env is every environment's base layer. Running `task` by
  // hand still loses the secrets for the runner's own commands (the outside-use warning stays).
  assert.equal(secretTargets(run)[".env:AUDIT_HMAC_KEY"], "shrike-ledger/shared/app");
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use"), ["Taskfile.yml:4"]);
  await assertMigrated(run, suite.server);
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
  const run = await migrated(app("envsubst-render", "godwit-dispatch", ENVS, "scripts/digest.js", { launch: NPM_DEV_START }));
  // First run: same digest in the harness, but only because the migrator rewrote the digest script
  // (it hands the whole process.env to its child: now processEnv, with the secrets). Run as npm runs
  // it, the render script sourced .env, which no longer held them, and envsubst wrote empty values:
  // a silent change. A shell script an npm script runs, which sources the moved file and hands its
  // variables to another program, now runs under `vaultshift run` for that file's environment; the
  // harness starts `npm run dev` / `npm start` itself (launch), and their output is the same.
  const pkg = JSON.parse(readMigrated(run, "package.json")) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts["dev"], "vaultshift run --env development -- sh scripts/render-config.sh .env && node src/server.js");
  assert.equal(pkg.scripts["start"], "vaultshift run --env production -- sh scripts/render-config.sh .env.production && node src/server.js");
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use"), ["package.json:7", "package.json:8"]);
  assert.match(run.result.plan.warnings.find((w) => w.code === "outside-use")!.message, /sources \.env \(scripts\/render-config\.sh:7\) and hands its variables to envsubst \(rendering config\/runtime\.template\.json, which reads DB_PASSWORD, HERE_API_KEY, SLACK_SIGNING_SECRET\)/);
  for (const r of run.launchedAfter) assert.doesNotMatch(r.output, /"db":"unset"/, r.environment);
  removeRendered(run);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("envalid devDefault literals: development runs on secrets written in the specs", { timeout: 120_000 }, async () => {
  const run = await migrated(app("envalid-devdefault", "dunlin-forms", ENVS, "scripts/digest.js", { prepare: installed("envalid") }));
  // First run: same digest, but a classifier miss: the session and hCaptcha secrets given as
  // str({ devDefault: "…" }) stayed in src/env.js, unnamed (the database URL's password moved). A spec's
  // devDefault literal is now read under the setting's name and moves like any code literal.
  for (const name of ["SESSION_SECRET", "HCAPTCHA_SECRET"]) assert.ok(movedSecrets(run).includes(`src/env.js:${name}`), name);
  assert.doesNotMatch(readMigrated(run, "src/env.js"), /CANARY/);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("@fastify/env JSON schema defaults hold development's JWT and cookie secrets", { timeout: 120_000 }, async () => {
  const run = await migrated(app("fastify-env-default", "avocet-api", ENVS, "scripts/digest.cjs", { prepare: installed("fastify", "@fastify/env") }));
  // First run: same digest, but a classifier miss: `default: "…"` of JWT_SECRET and COOKIE_SECRET in
  // the schema module stayed, unnamed. A JSON schema property's default literal is now read under the
  // property's name.
  for (const name of ["JWT_SECRET", "COOKIE_SECRET"]) assert.ok(movedSecrets(run).includes(`src/config/schema.js:${name}`), name);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
