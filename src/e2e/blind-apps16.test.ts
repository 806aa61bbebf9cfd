import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertRollback, blindRound, installedFrom } from "./harness.js";

// Round 16 of apps written without looking at the migrator
// (fixtures/apps-blind16/, docs/migration.md "Unseen apps, round 16"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte. The packages and tools the apps use
// (std-env, undici, dotenvx, webpack, find-up, sentry-cli) are stand-ins
// installed in node_modules, where the migrator does not rewrite.

const { suite, app, migrated } = blindRound("blind16", "apps-blind16", { links: ["dotenv"] });
const installed = installedFrom("apps-blind16");
const ENVS = ["development", "production"];

test("dotenv's other grammar: `KEY: value`, `KEY = value`, backticks, `export K: v`; .env.local blanks a key .env sets", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenv-colon", "sora-mailer", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("numbered and keyed families: JWT_SECRET_${i} until the first gap, SIGNING_KEY_ + kid, a header name from the environment", { timeout: 120_000 }, async () => {
  const run = await migrated(app("numbered-keys", "tern-gate", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("the npm script's name picks the env file (npm_lifecycle_event), or --target=: refused, naming the loader", { timeout: 120_000 }, async () => {
  // The secrets module selects by VAULTSHIFT_ENV / NODE_ENV: `npm run staging` (NODE_ENV=production)
  // would read production's secrets. Refused before anything is written.
  await assert.rejects(migrated(app("script-selector", "curlew-sync", ENVS, "scripts/digest.js")), (e: Error & { hint?: string }) => {
    assert.match(e.message, /src\/target\.js:9 \(by process\.argv and npm_lifecycle_event\)/);
    assert.match(e.message, /\.env\.dev, \.env\.prod, \.env\.staging would read another environment's secrets/);
    assert.match(e.hint ?? "", /vaultshift\.config\.json/);
    return true;
  });
});

test("settings read through std-env's env proxy, never through process.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("std-env-proxy", "pipit-status", ENVS, "scripts/digest.js", { prepare: installed("std-env") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("proxy credentials in https_proxy / HTTPS_PROXY, read by undici's EnvHttpProxyAgent (lower case first)", { timeout: 120_000 }, async () => {
  const run = await migrated(app("proxy-creds", "dipper-crawler", ENVS, "scripts/digest.js", { prepare: installed("undici") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("dotenvx run -f: the first file wins, or the last with --overload", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenvx-run", "avocet-jobs", ENVS, "scripts/digest.js", { prepare: installed("@dotenvx/dotenvx") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("webpack EnvironmentPlugin inlines the variables it lists into the browser bundle", { timeout: 120_000 }, async () => {
  const run = await migrated(app("webpack-envplugin", "finch-widget", ENVS, "scripts/digest.js", { prepare: installed("webpack") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("find-up: each package loads the nearest .env.<mode> and .env above its working directory", { timeout: 120_000 }, async () => {
  const run = await migrated(app("find-up-root", "kestrel", ENVS, "scripts/digest.js", { prepare: installed("find-up") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("sentry-cli's token in the project .sentryclirc, read by the CLI in `npm run release`", { timeout: 120_000 }, async () => {
  const run = await migrated(app("sentryclirc", "ruddy-web", ENVS, "scripts/digest.js", { prepare: installed("@sentry/cli") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
