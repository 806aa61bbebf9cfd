import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, readMigrated, typescriptBuild, warningPlaces } from "./harness.js";

// Round 7 of apps written without looking at the rewriter
// (fixtures/apps-blind7/, docs/migration.md "Unseen apps, round 7"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind7", "apps-blind7", { links: ["dotenv"] });

const installed = installedFrom("apps-blind7");

const ENVS = ["development", "production"];

test("SDKs that read their own variables (AWS, OpenAI, pg, Sentry, Twilio, Google ADC key file)", { timeout: 120_000 }, async () => {
  // After the migration the app starts under `vaultshift run` (apply wraps `npm start` in it), which writes the key file.
  const run = await migrated(app("sdk-defaults", "tern-ingest", ENVS, "src/index.js", { prepare: installed("openai", "pg", "@sentry/node", "twilio", "@aws-sdk/client-s3", "@google-cloud/storage"), underRun: true }));
  // The key file named by GOOGLE_APPLICATION_CREDENTIALS was listed and kept until session 22 (secrets-remaining);
  // it moves whole now (secret-file): apply deletes it, and `vaultshift run` writes it for the SDK to read.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), []);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "secret-file"), ["keys/tern-ingest-sa.json:"]);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("entry points started separately by npm scripts: dotenv-cli, env-cmd, cross-env with a literal, nodemon.json env, a Makefile", { timeout: 180_000 }, async () => {
  const run = await migrated(app("multi-entry", "osprey-jobs", ENVS, "scripts/run-all.js"));
  assertNoLeakOutsideTree(run);
  // The literals in nodemon.json and in the cross-env script stay, listed.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), ["nodemon.json:7", "package.json:11"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  // A script under `dotenv -e .env.production` read production values in every environment (and
  // `env-cmd -f .env` development values): apply names that environment in the script itself
  // (dotenv-cli's -v; cross-env, which the project has, before env-cmd), so each reads what it read
  // (session 10; before, they followed NODE_ENV). The Makefile's $(X) is named. Still a change,
  // named since round 9: scripts/seed.js loads .env itself in every mode, so its DATABASE_URL was
  // development's in production too; the secrets module serves production's there (env-file-pinned).
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use"), ["Makefile:7", "Makefile:10", "package.json:9", "package.json:10"]);
  const seed = run.result.plan.warnings.filter((w) => w.code === "env-file-pinned" && w.file === "scripts/seed.js");
  assert.equal(seed.length, 1);
  assert.match(seed[0]!.message, /loads \.env, development's file, whatever NODE_ENV says .*under production this process read development's .*DATABASE_URL/);
  assert.deepEqual(run.result.plan.scriptEnvironments, [
    { file: "package.json", script: "cron:digest", environment: "production" },
    { file: "package.json", script: "db:migrate", environment: "development" },
  ]);
  const lines = (output: string) => output.split("\n").filter((l) => l && !l.startsWith("digest ") && !l.startsWith("seed.db="));
  for (const [i, a] of run.after.entries()) assert.deepEqual(lines(a.output), lines(run.before[i]!.output), `${a.environment}: ${a.error}`);
  assert.equal(run.after[0]!.digest, run.before[0]!.digest, "development");
  await assertRollback(run, suite.server);
});

test("Nuxt runtimeConfig overridden by NUXT_* variables the app never names", { timeout: 120_000 }, async () => {
  const run = await migrated(app("nuxt-runtime", "heron-shop", ENVS, "scripts/serve.mjs", { prepare: installed("nuxt") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

const svelteSync = (root: string) => void execFileSync(process.execPath, [join(root, "node_modules", "$env", "sync.js")], { cwd: root, stdio: "pipe", timeout: 60_000 });

test("SvelteKit $env/static/private (generated from the .env files) and $env/dynamic/private", { timeout: 120_000 }, async () => {
  const run = await migrated(app("sveltekit-env", "plover-notes", ENVS, "scripts/serve.mjs", { prepare: installed("$env"), build: svelteSync }));
  await assertMigrated(run, suite.server);
  // The named imports left $env/static/private, whose generated module no longer exports them.
  assert.doesNotMatch(readMigrated(run, "src/lib/server/db.js"), /\$env\/static\/private/);
  await assertRollback(run, suite.server);
});

test("Astro/Vite import.meta.env in server code, envPrefix, a PUBLIC_ token in a client component", { timeout: 120_000 }, async () => {
  const run = await migrated(app("astro-meta", "avocet-tickets", ENVS, "scripts/ssr.mjs"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("env-var's get(name).required() in TypeScript compiled to CommonJS, at load and lazily", { timeout: 180_000 }, async () => {
  const run = await migrated(app("env-libs-ts", "gannet-api", ENVS, "dist/index.js", { links: ["dotenv", "typescript", "@types/node"], prepare: installed("env-var"), build: typescriptBuild }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("hardening: delete process.env[name] after reading, a plugin child that must not see them, a minted GITHUB_TOKEN written to process.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("harden-delete", "puffin-auth", ENVS, "src/index.js", { prepare: installed("@octokit/lite") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("one password under two names, dotenv-expand over .env.<mode> then .env, a \\n-escaped PEM, a test replacing process.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("env-values", "kittiwake-billing", ENVS, "src/main.js", { prepare: installed("dotenv-expand") }));
  assertNoLeakOutsideTree(run);
  assert.equal(run.result.verification.verdict, "zero-secrets");
  // PGPASSWORD holds DB_PASSWORD's value: one secret, both lines removed. DATABASE_URL (in .env
  // only) is stored once per environment: production's expanded with .env.production's DB_PASSWORD
  // and DB_HOST, loaded first, as dotenv-expand did (session 10; before, production changed).
  assertSameBehaviour(run);
  assert.deepEqual(run.result.plan.secrets.filter((s) => s.name === "DATABASE_URL").map((s) => s.target.path).sort(), ["kittiwake-billing/production/database", "kittiwake-billing/shared/database"]);
  assert.equal(run.result.plan.warnings.filter((w) => /sets (it|them) to another value/.test(w.message)).length, 0);
  await assertRollback(run, suite.server);
});

test("YAML settings with ${X} and $X substituted from process.env by the app", { timeout: 120_000 }, async () => {
  const run = await migrated(app("yaml-subst", "grebe-cms", ENVS, "src/server.js", { links: ["dotenv", "js-yaml"] }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

