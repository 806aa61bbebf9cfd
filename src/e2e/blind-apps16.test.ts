import { test } from "node:test";
import assert from "node:assert/strict";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, warningPlaces, type E2eRun } from "./harness.js";

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
const keptAsConfig = (run: E2eRun): string[] => run.result.plan.config.map((c) => `${c.file}:${c.name}`);

test("dotenv's other grammar: `KEY: value`, `KEY = value`, backticks, `export K: v`; .env.local blanks a key .env sets", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenv-colon", "sora-mailer", ENVS, "scripts/digest.js"));
  // .env is every mode's base layer (both lists end in it); the empty override is development's value.
  assert.deepEqual(
    run.result.plan.secrets.filter((s) => s.name === "MAILGUN_API_KEY").map((s) => `${s.source.file}:${s.environment}`).sort(),
    [".env.local:development", ".env.production:production", ".env:shared"],
  );
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
  assertSameBehaviour(run);
  // The widget's settings module reads the secret-scope Mapbox token and the widget is DOM code:
  // browser-exposed, not moved; the server's own secrets move. Algolia's search-only key is public by design.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "browser-exposed").sort(), [".env.production:5", ".env:7"]);
  assert.deepEqual(movedSecrets(run), [".env.production:ALGOLIA_ADMIN_KEY", ".env.production:STRIPE_SECRET_KEY", ".env:ALGOLIA_ADMIN_KEY", ".env:STRIPE_SECRET_KEY"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  // The search-only key is kept as configuration: it shows as context in the plan's .env diff.
  assert.ok(keptAsConfig(run).includes(".env:ALGOLIA_SEARCH_KEY"));
  assertNoLeakOutsideTree({ ...run, planted: run.planted.filter((v) => !v.includes("CANARYsearch")) });
  await assertRollback(run, suite.server);
});

test("find-up: each package loads the nearest .env.<mode> and .env above its working directory; two values of one name in one app are refused", { timeout: 120_000 }, async () => {
  // The worker's own .env and the workspace .env give DATABASE_URL two values; one app reads one
  // Vault location per name and environment (round 1's monorepo-collide): refused before anything is written.
  await assert.rejects(migrated(app("find-up-root", "kestrel", ENVS, "scripts/digest.js", { prepare: installed("find-up") })), (e: Error & { hint?: string }) => {
    assert.match(e.message, /\.env:2 DATABASE_URL \(post…\(59 chars\)\) and packages\/worker\/\.env:2 DATABASE_URL \(post…\(62 chars\)\) have different values/);
    assert.match(e.hint ?? "", /two packages of a workspace/);
    return true;
  });
});

test("sentry-cli's token in the project .sentryclirc, read by the CLI in `npm run release`", { timeout: 120_000 }, async () => {
  const run = await migrated(app("sentryclirc", "ruddy-web", ENVS, "scripts/digest.js", { prepare: installed("@sentry/cli") }));
  assertSameBehaviour(run);
  // sentry-cli reads the INI file itself: the token is named and left; the server's secret moves.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), [".sentryclirc:7"]);
  assert.deepEqual(movedSecrets(run), [".env.production:SESSION_SECRET", ".env:SESSION_SECRET"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  // A Storefront API access token is public by design (storefronts send it from the browser): kept as
  // configuration, it shows as context in the plan's .env diff.
  assert.deepEqual(keptAsConfig(run).filter((c) => c.endsWith(":SHOPIFY_STOREFRONT_TOKEN")).sort(), [".env.production:SHOPIFY_STOREFRONT_TOKEN", ".env:SHOPIFY_STOREFRONT_TOKEN"]);
  assertNoLeakOutsideTree({ ...run, planted: run.planted.filter((v) => !v.includes("CANARYstore")) });
  await assertRollback(run, suite.server);
});
