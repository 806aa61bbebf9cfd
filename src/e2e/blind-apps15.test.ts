import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, migrateFixture, movedSecrets, readMigrated, warningPlaces } from "./harness.js";

// Round 15 of apps written without looking at the migrator
// (fixtures/apps-blind15/, docs/migration.md "Unseen apps, round 15"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte. The tools that start the apps or read their
// files (Yarn 4, the devcontainer CLI, graphql-codegen, discord.js) are
// stand-ins installed in node_modules, where the migrator does not rewrite.

const { suite, app, migrated } = blindRound("blind15", "apps-blind15", { links: ["dotenv"] });
const installed = installedFrom("apps-blind15");
const ENVS = ["development", "production"];

test("APP_ENV picks .env.local / .env.staging / .env.production over .env; staging and production both run with NODE_ENV=production", { timeout: 120_000 }, async () => {
  const run = await migrated(app("app-env-stages", "osprey-portal", ENVS, "scripts/digest.js"));
  // The loader's own variable picks the file, so it picks the environment too (staging is not production).
  assert.deepEqual(run.result.plan.envFiles.filter((f) => f.selector).map((f) => `${f.file}:${f.selector!.variable}=${f.selector!.value}`).sort(), [".env.local:APP_ENV=local", ".env.production:APP_ENV=production", ".env.staging:APP_ENV=staging"]);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("MV3 browser extension: the build fills __EXT_*__ placeholders from process.env[name]; the backend verifies what the extension signs", { timeout: 120_000 }, async () => {
  const run = await migrated(app("mv3-extension", "kite-clipper", ENVS, "scripts/digest.mjs"));
  assertSameBehaviour(run);
  // The build substitutes the signing secret into the extension's service worker, which every user
  // downloads: browser-exposed, not moved (the backend keeps reading it from .env); the rest moves.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "browser-exposed").sort(), [".env.production:3", ".env:4"]);
  assert.deepEqual(movedSecrets(run), [".env.production:OPENAI_API_KEY", ".env.production:SESSION_SECRET", ".env:OPENAI_API_KEY", ".env:SESSION_SECRET"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("Yarn 4 injectEnvironmentFiles (.env.yarn, optional .env.yarn.local?) and no loader in the app", { timeout: 120_000 }, async () => {
  // The personal .env.yarn.local, injected after .env.yarn, sets SHOPIFY_API_SECRET over it on this
  // machine only: one Vault location cannot hold both values. Refused before anything is written.
  await assert.rejects(migrated(app("yarn-inject", "plover-shop", ["development"], "scripts/digest.js", { prepare: installed("yarn") })), (e: Error & { hint?: string }) => {
    assert.match(e.message, /SHOPIFY_API_SECRET: \.yarnrc\.yml loads \.env\.yarn\.local after \.env\.yarn \(Yarn's injectEnvironmentFiles: the last file wins\), and \.env\.yarn\.local is /);
    assert.match(e.hint ?? "", /vaultshift\.config\.json/);
    return true;
  });
});

test("Yarn 4 injectEnvironmentFiles on a machine without the optional personal file: .env.yarn is every environment's layer", { timeout: 120_000 }, async () => {
  const withoutLocal = (root: string) => {
    installed("yarn")(root);
    rmSync(join(root, ".env.yarn.local"));
  };
  const run = await migrateFixture(suite.server, app("yarn-inject", "plover-shop", ["development", "production"], "scripts/digest.js", { prepare: withoutLocal }), join(suite.dir, "yarn-inject-without-local"));
  assert.ok(movedSecrets(run).includes(".env.yarn:SHOPIFY_API_SECRET"));
  assert.ok(run.result.plan.secrets.every((s) => s.environment === "shared"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("the project .npmrc's node-options preloads the env loader into every node an npm script starts", { timeout: 120_000 }, async () => {
  const run = await migrated(app("npmrc-preload", "dunlin-api", ENVS, "scripts/digest.js", { links: [] }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("dev container: docker --env-file .devcontainer/devcontainer.env, remoteEnv built from ${containerEnv:X}; production by node --env-file", { timeout: 120_000 }, async () => {
  const run = await migrated(app("devcontainer-env", "grebe-notes", ENVS, "scripts/digest.js", { links: [], prepare: installed("@devcontainers/cli") }));
  assertSameBehaviour(run);
  // docker reads devcontainer.env and the container has no Vault settings: each secret named, left.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated").sort(), [".devcontainer/devcontainer.env:3", ".devcontainer/devcontainer.env:4", ".devcontainer/devcontainer.env:5"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.deepEqual(movedSecrets(run), [".env.production:DATABASE_URL", ".env.production:NOTES_ENCRYPTION_KEY", ".env.production:RESEND_API_KEY"]);
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("graphql-codegen -r dotenv/config: codegen.yml's ${GITHUB_TOKEN} header, the same token read by the server", { timeout: 120_000 }, async () => {
  const run = await migrated(app("codegen-require", "skimmer-dash", ["development"], "scripts/digest.js", { prepare: (root) => (installed("@graphql-codegen/cli")(root), installedFrom("apps-blind14")("yaml")(root)) }));
  // codegen is no code of this app: its script runs under `vaultshift run`, which gives it the token from Vault.
  assert.match(readMigrated(run, "package.json"), /"codegen": "vaultshift run --env development -- graphql-codegen -r dotenv\/config --config codegen\.yml"/);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("discord.js ShardingManager: DISCORD_TOKEN read by the library, handed to each shard process's environment", { timeout: 120_000 }, async () => {
  const run = await migrated(app("discord-shards", "auk-bot", ENVS, "scripts/digest.js", { prepare: installed("discord.js") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("base64 in the environment: an APNs .p8 key and a Firebase service account JSON decoded at start", { timeout: 120_000 }, async () => {
  const run = await migrated(app("b64-credentials", "shrike-push", ENVS, "scripts/digest.js"));
  // The encoded service account holds a private key: it moves like the encoded .p8 key.
  for (const name of [".env:APNS_KEY_P8_BASE64", ".env:FIREBASE_SERVICE_ACCOUNT_BASE64", ".env.production:FIREBASE_SERVICE_ACCOUNT_BASE64"]) assert.ok(movedSecrets(run).includes(name), JSON.stringify(movedSecrets(run)));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("a Proxy over process.env read by camelCase property (plaidSecret → PLAID_SECRET): no variable named in the code", { timeout: 120_000 }, async () => {
  const run = await migrated(app("env-proxy-camel", "myna-ledger", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
