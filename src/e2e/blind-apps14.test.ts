import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, readMigrated, typescriptBuild, warningPlaces, type E2eRun } from "./harness.js";

// Round 14 of apps written without looking at the migrator
// (fixtures/apps-blind14/, docs/migration.md "Unseen apps, round 14"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte. The tools that start the apps or read their
// files (esbuild, sequelize-cli, act, mise, node-foreman, docker compose) are
// stand-ins installed in node_modules, where the migrator does not rewrite.

const { suite, app, migrated } = blindRound("blind14", "apps-blind14", { links: ["dotenv"] });
const installed = installedFrom("apps-blind14");
const ENVS = ["development", "production"];

/** Where the plan stores each moved name, as "file:NAME@environment". */
const placed = (run: E2eRun): string[] => run.result.plan.secrets.map((s) => `${s.source.file}:${s.name}@${s.environment}`).sort();
const outsideUse = (run: E2eRun) => run.result.plan.warnings.filter((w) => w.code === "outside-use");

test("esbuild `define` inlining process.env.X into a Lambda bundle at build time (build.mjs computes the keys)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("esbuild-define", "petrel-webhooks", ENVS, "scripts/digest.js", { prepare: installed("esbuild") }));
  await assertMigrated(run, suite.server);
  // The sources now read the keys at run time: the bundle no longer carries them, so the deployed
  // function needs the Vault settings it did not need before. Said, at the define.
  const define = run.result.plan.warnings.filter((w) => w.file === "build.mjs" && /define/.test(w.message));
  assert.ok(define.length > 0, JSON.stringify(run.result.plan.warnings.map((w) => `${w.code} ${w.file}:${w.line}`)));
  await assertRollback(run, suite.server);
});

test("Sequelize: models/index.js reading process.env[config.use_env_variable], sequelize-cli configured by .sequelizerc loading dotenv", { timeout: 120_000 }, async () => {
  const run = await migrated(app("sequelize-rc", "heron-ledger", ENVS, "scripts/digest.js", { prepare: installed("sequelize", "sequelize-cli") }));
  // The CLI runs .sequelizerc (JavaScript without an extension), not the app: it must load the secrets too.
  await assertMigrated(run, suite.server);
  assert.match(readMigrated(run, ".sequelizerc"), /vaultshift-secrets/);
  await assertRollback(run, suite.server);
});

test("rest of a destructured process.env handed on, a frozen snapshot on globalThis taken by a preload", { timeout: 120_000 }, async () => {
  const run = await migrated(app("rest-spread", "wren-notify", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("act: .secrets (dotenv format) given to a workflow's steps as ${{ secrets.X }}, .env passed to every step", { timeout: 120_000 }, async () => {
  const run = await migrated(app("act-secrets", "tern-sdk", ["development"], "scripts/digest.js", { prepare: installed("@nektos/act", "yaml") }));
  assertSameBehaviour(run);
  // act reads .secrets itself: each secret named, left.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated").sort(), [".secrets:2", ".secrets:3"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("mise: [env] _.file loads .env, DATABASE_URL a template over {{env.DB_PASSWORD}}, mise.production.toml over mise.toml", { timeout: 120_000 }, async () => {
  const run = await migrated(app("mise-template", "loon-api", ENVS, "scripts/digest.js", { prepare: installed("@jdxcode/mise") }));
  // mise builds DATABASE_URL from DB_PASSWORD before the app starts: the templates are named.
  const outside = outsideUse(run);
  for (const place of ["mise.toml:9", "mise.production.toml:7"]) assert.ok(outside.some((w) => `${w.file}:${w.line}` === place && /DB_PASSWORD/.test(w.message)), `${place}: ${JSON.stringify(outside.map((w) => `${w.file}:${w.line}`))}`);
  // The change stays, now said: mise renders the URL without the password (needs `vaultshift run -- mise run`).
  for (const [i, a] of run.after.entries()) assert.notEqual(a.digest, run.before[i]!.digest);
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("TypeScript 5: standard accessor decorators, namespaces, satisfies", { timeout: 180_000 }, async () => {
  const run = await migrated(app("ts5-decorators", "skua-gateway", ENVS, "scripts/digest.js", { links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild }));
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "unparsable-file"), []);
  await assertMigrated(run, suite.server);
  assert.match(readMigrated(run, "src/config.ts"), /secrets\.ADMIN_TOKEN/);
  await assertRollback(run, suite.server);
});

test("node-foreman: per-process env files (.env.web, .env.worker) loaded over .env / .env.production by each npm script", { timeout: 120_000 }, async () => {
  const run = await migrated(app("role-envfiles", "gannet-jobs", ENVS, "scripts/digest.js", { prepare: installed("foreman") }));
  await assertMigrated(run, suite.server);
  // A process role is not an environment: its file is a layer every environment loads.
  for (const p of [".env.web:SESSION_SECRET@shared", ".env.worker:AWS_SECRET_ACCESS_KEY@shared"]) assert.ok(placed(run).includes(p), JSON.stringify(placed(run)));
  await assertRollback(run, suite.server);
});

test(".env.example holding real keys: two provider keys and a copy of a secret that moves", { timeout: 120_000 }, async () => {
  const run = await migrated(app("example-leak", "avocet-crm", ENVS, "scripts/digest.js"));
  assertSameBehaviour(run);
  // The template is committed: the copy of JWT_SIGNING_SECRET left there is as much a leak as the provider keys.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated").sort(), [".env.example:4", ".env.example:8", ".env.example:9"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.ok(movedSecrets(run).includes(".env:JWT_SIGNING_SECRET"));
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("Docker Compose: ${VAR:?message} interpolation from the project .env, a service env_file (.env.api)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("compose-interp", "ibis-tracker", ENVS, "scripts/digest.js", { prepare: installed("docker-compose", "yaml") }));
  // Compose reads .env and .env.api itself: every place named.
  assert.deepEqual(warningPlaces(outsideUse(run), "outside-use").sort(), ["compose.yaml:10", "compose.yaml:19", "compose.yaml:22", "compose.yaml:6", "compose.yaml:9"]);
  // .env.api is the container's in every environment, not an environment named "api".
  for (const p of [".env.api:JWT_SECRET@shared", ".env.api:MAILGUN_API_KEY@shared"]) assert.ok(placed(run).includes(p), JSON.stringify(placed(run)));
  // The change stays, now said: compose stops on the required variable (needs `vaultshift run -- docker compose`).
  for (const a of run.after) assert.match(a.error, /required variable POSTGRES_PASSWORD is missing a value/);
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});
