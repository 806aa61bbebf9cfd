import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, statSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, movedSecrets, readMigrated, secretTargets, tree, typescriptBuild, warningPlaces, type E2eRun, type FixtureApp } from "./harness.js";

// Round 4 of apps written without looking at the rewriter
// (fixtures/apps-blind4/, docs/migration.md "Unseen apps, round 4"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind4", "apps-blind4", { links: ["dotenv"] });
const read = readMigrated;
const moved = movedSecrets;
const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);
const unchanged = (run: E2eRun, file: string) => run.original.get(file)!.equals(readFileSync(join(run.root, file)));

/** Where the plan says a secret stays in a file it does not migrate. */
const notMigrated = (run: E2eRun) => [...new Set(run.result.plan.warnings.filter((w) => w.code === "not-migrated").map((w) => w.file))].sort();

const sameBehaviour = assertSameBehaviour;
const noLeakOutsideTree = assertNoLeakOutsideTree;

test("Strapi-style env() helper with env.int/env.bool/env.array over hasOwnProperty.call(process.env, key), used by every config factory", { timeout: 120_000 }, async () => {
  const run = await migrated(app("strapi-env", "harbor-cms", ["development", "production"], "scripts/print.js"));
  await assertMigrated(run, suite.server);
  // .env is loaded after .env.<mode> by a dotenv path list: every mode's base layer.
  const targets = secretTargets(run);
  assert.equal(targets[".env:SENDGRID_API_KEY"], "harbor-cms/shared/sendgrid");
  assert.equal(targets[".env.production:JWT_SECRET"], "harbor-cms/production/jwt");
  assert.match(read(run, "src/env.js"), /hasOwn\(processEnv, key\) \? processEnv\[key\] : defaultValue/);
  await assertRollback(run, suite.server);
});

test("NestJS-like ConfigModule.forRoot({ envFilePath: [...] }) over a hand-written loader, .env files only under config/", { timeout: 120_000 }, async () => {
  const run = await migrated(app("nest-config", "billing-gateway", ["development", "production"], "src/main.js"));
  await assertMigrated(run, suite.server);
  // config/.env is the last of envFilePath: the base layer; config/.env.local is read under every environment.
  assert.equal(run.result.plan.secrets.find((s) => s.source.file === "config/.env" && s.name === "JWT_SECRET")!.target.path, "billing-gateway/shared/jwt");
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "local-override"), ["config/.env.local:2", "config/.env.local:3"]);
  await assertRollback(run, suite.server);
});

test("Meteor settings.json and Firebase .runtimeconfig.json: not migrated, said so, app unchanged", { timeout: 120_000 }, async () => {
  const run = await migrated(app("meteor-firebase", "chorus-chat", ["development"], "scripts/print.js", { links: [] }));
  assert.deepEqual(notMigrated(run), ["functions/.runtimeconfig.json", "settings.json"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.ok(unchanged(run, "settings.json") && unchanged(run, "functions/.runtimeconfig.json"));
  sameBehaviour(run);
  noLeakOutsideTree(run);
  // Nothing was applied (no secret to move), so there is nothing to roll back: every file is as it was.
  const after = tree(run.root, true);
  assert.deepEqual([...after.keys()].sort(), [...run.original.keys()].sort());
  for (const [file, bytes] of run.original) assert.ok(after.get(file)!.equals(bytes), file);
});

test("config/secrets.yml read by a hand-written YAML reader and a required service-account JSON: listed as not migrated, the .env secret moves", { timeout: 120_000 }, async () => {
  const run = await migrated(app("yaml-credentials", "fleet-telemetry", ["development", "production"], "src/main.js"));
  assert.deepEqual(moved(run), [".env:INFLUX_TOKEN"]);
  assert.deepEqual(notMigrated(run), ["config/credentials.json", "config/secrets.yml"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  sameBehaviour(run);
  noLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

test("hard .env values: JSON service accounts on one and on many lines, base64:, $ # quotes backticks, \\n escapes, unicode, an unquoted # cutting the value, one password in a percent-encoded URL and PGPASSWORD, empty values", { timeout: 120_000 }, async () => {
  const run = await migrated(app("hard-values", "ledger-export", ["development"], "src/main.js"));
  await assertMigrated(run, suite.server);
  // Every secret moved, the three hard-to-read ones included; config and empty values stay.
  assert.deepEqual(moved(run).length, 12);
  assert.equal(read(run, ".env").split("\n").filter((l) => /^[A-Z]/.test(l)).join(" "), "PORT=4100 EXPORT_BUCKET=ledger-exports-eu PGUSER=ledger SENTRY_AUTH_TOKEN= EMPTY_QUOTED_SECRET=\"\"");
  await assertRollback(run, suite.server);
});

test("dotenv path resolved from __dirname to config/, a BOM .env at 0600 and a CRLF .env.production at 0644, a read-only source file, a git-ignored generated file", { timeout: 120_000 }, async () => {
  const fixture = app("config-dir", "parcel-tracker", ["development", "production"], "src/server.js", {
    prepare: (root) => {
      execFileSync(process.execPath, ["scripts/gen-routes.js"], { cwd: root });
      chmodSync(join(root, "config/.env"), 0o600);
      chmodSync(join(root, "config/.env.production"), 0o644);
      chmodSync(join(root, "src/db.js"), 0o444);
    },
  });
  const run = await migrated(fixture);
  await assertMigrated(run, suite.server);
  assert.match(read(run, "generated/routes.js"), /secrets\.TRACKING_HMAC_SECRET/);
  // Modes are kept by apply (a 0600 file stays private) and by rollback.
  assert.deepEqual([mode(join(run.root, "config/.env")), mode(join(run.root, "config/.env.production")), mode(join(run.root, "src/db.js"))], ["600", "644", "444"]);
  await assertRollback(run, suite.server);
  assert.deepEqual([mode(join(run.root, "config/.env")), mode(join(run.root, "config/.env.production")), mode(join(run.root, "src/db.js"))], ["600", "644", "444"]);
});

test(".env a symlink to a shared file outside the project, .env.production a symlink inside it", { timeout: 120_000 }, async () => {
  let outside = "";
  let outsideBefore: Buffer | null = null;
  const fixture = app("shared-symlink", "quota-service", ["development", "production"], "src/index.js", {
    prepare: (root) => {
      outside = join(dirname(root), "shared", ".env");
      mkdirSync(dirname(outside), { recursive: true });
      renameSync(join(root, "deploy/shared.env"), outside);
      outsideBefore = readFileSync(outside);
      symlinkSync("../shared/.env", join(root, ".env"));
      symlinkSync("env/production.env", join(root, ".env.production"));
    },
  });
  const run = await migrated(fixture);
  sameBehaviour(run);
  noLeakOutsideTree(run);
  // The shared file is read, not changed: its secrets are listed and the verdict says they remain.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), [".env:2", ".env:3", ".env:5"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.ok(readFileSync(outside).equals(outsideBefore!), "the shared file outside the project is untouched");
  // The link inside the project is migrated through its target.
  assert.deepEqual(moved(run), ["env/production.env:QUOTA_DB_PASSWORD", "env/production.env:RABBITMQ_URL", "env/production.env:SHARED_HMAC_KEY"]);
  // Links stay links.
  assert.ok(lstatSync(join(run.root, ".env")).isSymbolicLink());
  assert.ok(lstatSync(join(run.root, ".env.production")).isSymbolicLink());
  await assertRollback(run, suite.server);
  assert.equal(readlinkSync(join(run.root, ".env")), "../shared/.env");
  assert.equal(readlinkSync(join(run.root, ".env.production")), "env/production.env");
  assert.ok(readFileSync(outside).equals(outsideBefore!), "the shared file outside the project is restored");
});

test("cluster.fork workers, a worker thread given a secret in workerData, execSync with the inherited env, a setInterval re-reading a secret, a SIGTERM handler", { timeout: 120_000 }, async () => {
  const run = await migrated(app("processes", "ingest-pipeline", ["development"], "src/main.js"));
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("TypeScript literals: a string enum member, an as-const object, a class static readonly, a default parameter, a template-string header, an axios-like create({ headers })", { timeout: 180_000 }, async () => {
  const run = await migrated(app("code-literals-ts", "partner-sync", ["development"], "dist/main.js", { links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild }));
  sameBehaviour(run);
  noLeakOutsideTree(run);
  // A string enum member must be a constant: the key stays there, said so, and the verdict says it remains.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "rewrite-skipped"), ["src/keys.ts:3"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.deepEqual(run.result.verification.rescan.findings.map((f) => f.file), ["src/keys.ts"]);
  const keys = read(run, "src/keys.ts");
  assert.match(keys, /twilioToken: secrets\.TWILIO_TOKEN,/);
  assert.match(keys, /static readonly hmacSecret = secrets\.HMAC_SECRET;/);
  assert.match(read(run, "src/db.ts"), /password = secrets\.PASSWORD\)/);
  assert.match(read(run, "src/main.ts"), /Authorization: `Bearer \$\{secrets\.AUTHORIZATION\}`,/);
  await assertRollback(run, suite.server);
});

test("dotenvx: encrypted: values and .env.keys left as they are, the plaintext secrets beside them move; a dotenv-vault .env.vault untouched", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenvx-encrypted", "invoice-mailer", ["development", "production"], "src/main.js"));
  sameBehaviour(run);
  noLeakOutsideTree(run);
  assert.deepEqual(moved(run), [".env:ARCHIVE_DB_URL", ".env:OPENAI_API_KEY", ".env:SESSION_SECRET", ".env:SLACK_BOT_TOKEN"]);
  assert.ok(unchanged(run, ".env.production") && unchanged(run, ".env.keys") && unchanged(run, ".env.vault"));
  for (const line of run.original.get(".env")!.toString("utf8").split("\n").filter((l) => l.includes("encrypted:") || l.startsWith("DOTENV_PUBLIC_KEY"))) {
    assert.ok(read(run, ".env").includes(line), "an encrypted value was changed");
  }
  // The dotenvx private keys stay (dotenvx reads them before the app starts): listed, and the verdict says so.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), [".env.keys:7", ".env.keys:10"]);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.deepEqual(run.result.verification.rescan.findings.map((f) => `${f.file}:${f.line}`), [".env.keys:7", ".env.keys:10"]);
  await assertRollback(run, suite.server);
});

test("AdonisJS-style ES module Env.create that reads the .env files itself, writes process.env and validates it against a schema", { timeout: 120_000 }, async () => {
  const run = await migrated(app("adonis-esm", "rostra-api", ["development", "production"], "bin/server.js", { links: [] }));
  await assertMigrated(run, suite.server);
  // The loader runs before the secrets load: it reads them through createRequire where it looks a name up.
  assert.match(read(run, "lib/env.js"), /values\[key\] = validate\(key, vaultshiftCreateRequire\(import\.meta\.url\)\("\.\.\/vaultshift-secrets\.cjs"\)\.processEnv\[key\]\)/);
  await assertRollback(run, suite.server);
});
