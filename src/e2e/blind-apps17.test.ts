import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, readMigrated, warningPlaces } from "./harness.js";

// Round 17 of apps written without looking at the migrator
// (fixtures/apps-blind17/, docs/migration.md "Unseen apps, round 17"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte. The packages and tools the apps use
// (dotenv-expand, flag SDKs, kafkajs, just, tsx, prisma, dotenv-cli, pino) are
// stand-ins installed in node_modules, where the migrator does not rewrite.

const { suite, app, migrated } = blindRound("blind17", "apps-blind17", { links: ["dotenv"] });
const installed = installedFrom("apps-blind17");
const ENVS = ["development", "production"];

test("dotenv-expand: passwords with escaped `\\$`, a URL built from them, a secret as a reference's default", { timeout: 120_000 }, async () => {
  const run = await migrated(app("expand-escapes", "kiwi-billing", ENVS, "scripts/digest.js", { prepare: installed("dotenv-expand") }));
  // The app imports dotenv-expand: `\$` moves as the `$` it read (first run: stored with the backslash, a silent change).
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "env-escape"), []);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("feature-flag server SDK keys next to their public client ids", { timeout: 120_000 }, async () => {
  const run = await migrated(app("flag-sdks", "plover-flags", ENVS, "scripts/digest.js", { prepare: installed("launchdarkly-node-server-sdk", "unleash-client", "statsig-node", "flagsmith-nodejs", "@growthbook/growthbook") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("kafkajs: a committed dev client key read by path, SASL credentials, Confluent's key and secret", { timeout: 120_000 }, async () => {
  // After the migration the app runs under `vaultshift run`, which writes the key file from Vault.
  const run = await migrated(app("kafka-mtls", "tern-stream", ENVS, "scripts/digest.js", { prepare: installed("kafkajs"), underRun: true }));
  // First run: the key file was refused ("move it by hand"), secrets-remaining. Now it moves whole (secret-file):
  // apply deletes it, the variable stays in .env, the npm scripts that start the app run under `vaultshift run`.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), []);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "secret-file"), ["certs/client-key.pem:"]);
  assert.deepEqual(movedSecrets(run), [".env.production:KAFKA_SASL_PASSWORD", ".env:KAFKA_SASL_PASSWORD", "certs/client-key.pem:KAFKA_SSL_KEY_PATH"]);
  assert.equal(existsSync(join(run.root, "certs", "client-key.pem")), false);
  assert.match(readMigrated(run, ".env"), /^KAFKA_SSL_KEY_PATH=certs\/client-key\.pem$/m);
  const pkg = JSON.parse(readMigrated(run, "package.json")) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts["start"], "vaultshift run -- node src/producer.js");
  // Production blanks the path in its own file: no key file there (the digest says plain TLS, as before).
  assert.deepEqual(run.result.plan.secretFiles?.map((f) => [f.file, Object.keys(f.environments), f.notIn]), [["certs/client-key.pem", ["shared"], ["production"]]]);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("just with set dotenv-load: recipes get .env, one hands a token to a script; the npm scripts run just under vaultshift run", { timeout: 120_000 }, async () => {
  const run = await migrated(app("justfile-dotenv", "wren-status", ENVS, "scripts/digest.js", { prepare: installed("rust-just"), launch: { scripts: { development: "check", production: "check:prod" } } }));
  // First run: a crash, said (the ping recipe got an empty "$STATUSPAGE_API_KEY"). just loads the dotenv
  // file itself: apply runs the scripts that start it under `vaultshift run`, for that file's environment.
  const pkg = JSON.parse(readMigrated(run, "package.json")) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts["check"], "vaultshift run --env development -- just check");
  assert.equal(pkg.scripts["check:prod"], "vaultshift run --env production -- just --dotenv-filename .env.production check");
  // Running `just` by hand still loses them: the justfile's lines stay named.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use").filter((w) => w.startsWith("justfile")), ["justfile:1", "justfile:10"]);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("secrets and settings in separate files: .env.<mode>.secrets, .env.<mode>, .env.secrets, .env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("secret-layers", "marten-api", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("tsx --env-file: a machine-local .env.local over .env's value is refused, naming the npm script", { timeout: 120_000 }, async () => {
  // tsx passes node's --env-file on (the last file wins): .env.local's NOTION_API_TOKEN wins where the
  // file exists, .env's everywhere else; one development location cannot hold both. First run: refused
  // with a wrong reason (the two files "collided").
  await assert.rejects(migrated(app("tsx-envfile", "cobalt-notes", ENVS, "scripts/digest.js", { links: ["dotenv", "typescript"], prepare: installed("tsx") })), (e: Error & { hint?: string }) => {
    assert.match(e.message, /NOTION_API_TOKEN: package\.json \(npm script "dev"\) loads \.env\.local after \.env \(its launcher: the last file wins\)/);
    assert.match(e.hint ?? "", /"environments": \{"\.env\.local": "local"\}/);
    return true;
  });
});

test("env files found from the module's URL (new URL(…, import.meta.url))", { timeout: 120_000 }, async () => {
  const run = await migrated(app("esm-url-paths", "heron-pay", ENVS, "scripts/digest.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("Prisma's CLI and client load .env themselves", { timeout: 120_000 }, async () => {
  const run = await migrated(app("prisma-cli", "ibis-shop", ENVS, "scripts/digest.js", { prepare: (root) => (installed("prisma", "@prisma/client")(root), installedFrom("apps-blind13")("dotenv-cli")(root)) }));
  // First run: both CLI scripts crashed (said). Now they run under `vaultshift run`.
  const pkg = JSON.parse(readMigrated(run, "package.json")) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts["db:status"], "vaultshift run -- prisma migrate status");
  assert.equal(pkg.scripts["db:status:prod"], "vaultshift run --env production -- dotenv -e .env.production -- prisma migrate status");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("a pino transport in a worker thread: a token through its options, a key from its own environment", { timeout: 120_000 }, async () => {
  const run = await migrated(app("pino-transport", "lark-ingest", ENVS, "scripts/digest.js", { prepare: installed("pino") }));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
