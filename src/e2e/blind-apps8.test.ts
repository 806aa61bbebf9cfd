import { test } from "node:test";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, readMigrated, typescriptBuild, warningPlaces } from "./harness.js";

// Round 8 of apps written without looking at the rewriter
// (fixtures/apps-blind8/, docs/migration.md "Unseen apps, round 8"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind8", "apps-blind8", { links: ["dotenv"] });
const installed = installedFrom("apps-blind8");
const ENVS = ["development", "production"];
const TS = ["dotenv", "typescript", "@types/node"];

test("Vercel api/ handlers (per request, per cold start, a cron secret), an Edge function, a Netlify function reading Netlify.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("vercel-netlify", "wren-pay", ENVS, "scripts/dev.mjs"));
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  // The Edge function cannot load the Vault client: its token stays in .env, said, and the file is not rewritten.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "edge-runtime"), [".env:6"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.doesNotMatch(readMigrated(run, "api/edge/rate-limit.js"), /vaultshift-secrets/);
  // Netlify.env.get reads process.env, where the secrets module puts what no code names.
  assert.match(run.result.plan.warnings.find((w) => w.code === "library-read")!.message, /MAILCHIMP_API_KEY/);
  await assertRollback(run, suite.server);
});

test("AWS Lambda handler (a pool at cold start, a token per invocation) and Google Cloud Functions registered with the Functions Framework", { timeout: 120_000 }, async () => {
  const run = await migrated(app("lambda-gcf", "shrike-events", ENVS, "scripts/invoke-local.js", { prepare: installed("@google-cloud/functions-framework") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("CDK app (TypeScript to CommonJS) reading env at synth time into construct props and SecretValue.unsafePlainText", { timeout: 180_000 }, async () => {
  const run = await migrated(app("cdk-synth", "skua-infra", ENVS, "dist/bin/infra.js", { links: TS, prepare: installed("aws-cdk-lib"), build: typescriptBuild }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("TypeScript NodeNext: a typed env module with getters, prefix scans, structuredClone/JSON/Map/freeze snapshots, Reflect.has, hasOwnProperty.call", { timeout: 180_000 }, async () => {
  const run = await migrated(app("env-module-ts", "sanderling-api", ENVS, "dist/index.js", { links: TS, build: typescriptBuild }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("tooling configs: Jest setupFiles loading .env.test, Playwright globalSetup logging in, a knexfile read by the CLI, an ESLint config reading CI", { timeout: 120_000 }, async () => {
  const run = await migrated(app("test-tooling", "dunlin-crm", ["test", "development"], "scripts/ci.js", { prepare: installed("knex") }));
  assertNoLeakOutsideTree(run);
  assert.equal(run.result.verification.verdict, "zero-secrets");
  // Under NODE_ENV=test (what Jest and CI set) every tool reads what it read before.
  assert.equal(run.after[0]!.digest, run.before[0]!.digest, run.after[0]!.error);
  // Known change, said: scripts/ci.js loads .env.test whatever NODE_ENV says, so under
  // development its Playwright login read E2E_PASSWORD; now that comes from Vault's test
  // environment only (VAULTSHIFT_ENV=test, as the warning says). The knexfile's choice by
  // NODE_ENV and Jest's setup file are not named.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "env-file-pinned"), ["scripts/ci.js:27"]);
  assert.match(run.after[1]!.error, /E2E_USER \/ E2E_PASSWORD are not set/);
  await assertRollback(run, suite.server);
});

test("launchers: --env-file twice, NODE_OPTIONS=--require dotenv/config, --import ./register.mjs, a docker-entrypoint reading *_FILE", { timeout: 120_000 }, async () => {
  const run = await migrated(app("launchers", "curlew-mail", ENVS, "scripts/launch-all.js"));
  assertNoLeakOutsideTree(run);
  // The Docker secret file (SMTP_PASSWORD_FILE) holds a password in plaintext: listed, kept, counted.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), ["secrets/smtp_password.txt:1"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  for (const a of run.after) assert.ok(a.ok, a.error);
  // Known change (round 8), named since round 9: the launcher never loads .env, but its
  // { ...process.env } now spreads processEnv, so every child starts with this environment's
  // secrets in its environment, over what its own --env-file/dotenv would have loaded, and a value
  // the Docker entrypoint reads from a *_FILE loses to Vault's. The warning says so for a file
  // that loads no .env itself (it no longer claims the child gets what it got before).
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "whole-env-use"), ["scripts/launch-all.js:5"]);
  const launcher = run.result.plan.warnings.find((w) => w.code === "whole-env-use")!.message;
  assert.match(launcher, /If it never did \(a launcher whose children load their own \.env or --env-file\), the child now starts with those secrets/);
  assert.doesNotMatch(launcher, /so what receives it gets what it got before/);
  assert.notEqual(run.after[0]!.digest, run.before[0]!.digest);
  await assertRollback(run, suite.server);
});

/** pnpm links a workspace package into each app's node_modules. */
const workspaceLinks = (root: string) => {
  for (const dir of ["apps/api", "apps/web"]) {
    mkdirSync(join(root, dir, "node_modules", "@godwit"), { recursive: true });
    symlinkSync("../../../../packages/config", join(root, dir, "node_modules", "@godwit", "config"), "dir");
  }
};

test("Turborepo/pnpm monorepo: root .env, per-app .env.local, a shared @godwit/config package reading process.env[name]", { timeout: 120_000 }, async () => {
  const run = await migrated(app("turbo-mono", "godwit", ENVS, "scripts/turbo-run.mjs", { prepare: workspaceLinks }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("Electron: main process keys over IPC, a sandboxed preload exposing a key to the page", { timeout: 120_000 }, async () => {
  const run = await migrated(app("electron-app", "pipit-desktop", ENVS, "scripts/electron.js", { prepare: installed("electron") }));
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  // The sandboxed preload cannot require the secrets module, and hands the key to the page: it stays, said.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "browser-exposed"), [".env:4", ".env.production:4"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.doesNotMatch(readMigrated(run, "preload.js"), /vaultshift-secrets/);
  await assertRollback(run, suite.server);
});

test("Remix routes: loaders and actions reading secrets next to the client component, a .server session module, window.ENV", { timeout: 120_000 }, async () => {
  const run = await migrated(app("remix-routes", "sandpiper-shop", ENVS, "scripts/serve.mjs", { prepare: installed("@remix-run/node", "@remix-run/react") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
