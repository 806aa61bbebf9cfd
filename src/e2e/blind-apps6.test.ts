import { test } from "node:test";
import assert from "node:assert/strict";
import { symlinkSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, movedSecrets, readMigrated, secretTargets, typescriptBuild, warningPlaces } from "./harness.js";

// Round 6 of apps written without looking at the rewriter
// (fixtures/apps-blind6/, docs/migration.md "Unseen apps, round 6"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind6", "apps-blind6", { links: ["dotenv"] });

/** npm links each workspace package into the root node_modules. */
const workspaceLink = (name: string, dir: string) => (root: string) => {
  mkdirSync(join(root, "node_modules", name, ".."), { recursive: true });
  symlinkSync(join("..", "..", dir), join(root, "node_modules", name), "dir");
};

test("npm workspaces: a shared config package reading process.env for the others, packages started from their own folder and from the root, .env in the root and in packages", { timeout: 180_000 }, async () => {
  const run = await migrated(app("ws-shared-config", "harbor", ["development", "production"], "scripts/run-all.js", { prepare: workspaceLink("@harbor/config", "packages/config") }));
  // The shared loader reads <cwd>/.env after <cwd>/.env.<mode>: the web package's lone .env is its base in every mode.
  assert.equal(secretTargets(run)["apps/web/.env:MAILGUN_API_KEY"], "harbor/shared/mailgun");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("nconf env({ separator: \"__\", lowerCase }) + file(), rc(\"tally\") with a .tallyrc and lower-case tally_* variables", { timeout: 120_000 }, async () => {
  const run = await migrated(app("nconf-rc", "tally-ledger", ["development", "production"], "src/index.js"));
  // The .env secrets move (nconf and rc enumerate processEnv); the bot token in .tallyrc (JSON) stays, listed.
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  assert.deepEqual(movedSecrets(run), [".env:DATABASE__PASSWORD", ".env:STRIPE__SECRET_KEY", ".env:tally_audit__signing_secret", ".env:tally_smtp__password"]);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), [".tallyrc:4"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  await assertRollback(run, suite.server);
});

test("worker threads with SHARE_ENV and eval'd code, a shell child inheriting AWS_* variables, fork with { ...process.env, EXTRA }", { timeout: 120_000 }, async () => {
  const run = await migrated(app("threads-shell", "quarry-media", ["development", "production"], "src/main.js"));
  await assertMigrated(run, suite.server);
  // The shell step and the eval'd worker get processEnv (what they inherited before); the SHARE_ENV worker and the fork load their own.
  assert.match(readMigrated(run, "src/main.js"), /execFileSync\("sh", \["-c", script\], \{ env: processEnv, encoding: "utf8" \}\)/);
  assert.match(readMigrated(run, "src/main.js"), /new Worker\(file, \{ env: processEnv, \.\.\.options \}\)/);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "child-env"), ["src/main.js:15", "src/main.js:24"]);
  await assertRollback(run, suite.server);
});

test("ES module: import.meta.env ?? process.env alias, top-level await of a key, createRequire of a CommonJS file reading a secret, a config imported only in production", { timeout: 120_000 }, async () => {
  const run = await migrated(app("esm-meta", "lumen-feeds", ["development", "production"], "src/server.js"));
  // Session 9: the ES modules import the ES module flavour; only the CommonJS mailer requires the
  // CommonJS one beside it, which takes the values the first one loaded (no loader process).
  assert.deepEqual(run.result.plan.secretsModule, { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm", companion: { file: "src/vaultshift-secrets.cjs" } });
  assert.match(readMigrated(run, "src/server.js"), /import \{ secrets \} from "\.\/vaultshift-secrets\.js";/);
  assert.match(readMigrated(run, "src/legacy/mailer.cjs"), /require\("\.\.\/vaultshift-secrets\.cjs"\)/);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("process.loadEnvFile over .env.<mode> then .env, util.parseEnv of .env.defaults used directly", { timeout: 120_000 }, async () => {
  const run = await migrated(app("node-loadenv", "kestrel-billing", ["development", "production"], "src/index.js", { links: [] }));
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  // process.loadEnvFile lists .env last: it is every mode's base.
  assert.equal(secretTargets(run)[".env:SESSION_SECRET"], "kestrel-billing/shared/app");
  // .env.defaults is named by src/env.js, which parses it with util.parseEnv into an object of
  // its own (never process.env): its password is read there, so it stays, named (session 9;
  // before, it was read as a template and nothing said so).
  assert.ok(run.original.get(".env.defaults")!.equals(Buffer.from(readMigrated(run, ".env.defaults"))));
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), [".env.defaults:3"]);
  assert.match(run.result.plan.warnings.find((w) => w.code === "not-migrated")!.message, /which src\/env\.js reads itself/);
  await assertRollback(run, suite.server);
});

test("infrastructure files next to the code: compose, serverless, a GitHub workflow, Prisma, knexfile, Sequelize use_env_variable, Procfile", { timeout: 120_000 }, async () => {
  const run = await migrated(app("infra-files", "kite-tracker", ["development", "production"], "src/server.js"));
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  // Literals in YAML stay, listed; every tool that reads a moved variable from .env or the environment is named.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), [".github/workflows/deploy.yml:11", "docker-compose.yml:13"]);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use"), ["config/config.json:8", "config/config.json:11", "docker-compose.yml:4", "docker-compose.yml:7", "prisma/schema.prisma:3", "serverless.yml:8", "serverless.yml:9"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  await assertRollback(run, suite.server);
});

test("odd reads: constant-folded keys, Reflect.get, descriptors, hasOwn, a STRIPE_* filter, a private static field, structuredClone, a Proxy over process.env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("odd-reads2", "pylon-gateway", ["development"], "src/index.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("strict TypeScript (noUnusedLocals, noPropertyAccessFromIndexSignature, rootDir src) compiled to CommonJS", { timeout: 180_000 }, async () => {
  const run = await migrated(app("strict-ts", "ember-scheduler", ["development", "production"], "dist/index.js", { links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild }));
  await assertMigrated(run, suite.server);
  // Every read through the alias moved: the alias went with it (noUnusedLocals).
  assert.doesNotMatch(readMigrated(run, "src/config.ts"), /const \{ env \} = process;/);
  await assertRollback(run, suite.server);
});

test("dotenv's parsed result, processEnv: a private object, populate() of a parsed file", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenv-target", "wren-notes", ["development"], "src/app.js"));
  assertNoLeakOutsideTree(run);
  // The files loaded into private objects (processEnv: integrations, dotenv.populate(mail, …)) are
  // kept and listed; parsed.NOTION_TOKEN (config()'s result, .env the only file) reads
  // secrets.NOTION_TOKEN, the same value (session 10; before, it read undefined).
  assertSameBehaviour(run);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), ["config/integrations.env:2", "config/integrations.env:3", "config/mail.env:2"]);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "env-file-parse").sort(), ["src/app.js:12"]);
  assert.match(readMigrated(run, "src/app.js"), /notionFromParsed: h\(secrets\.NOTION_TOKEN\)/);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  await assertRollback(run, suite.server);
});

test("dotenv-safe: every key of .env.example must be set", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenv-safe", "otter-checkout", ["development", "test"], "src/index.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});
