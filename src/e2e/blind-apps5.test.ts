import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, movedSecrets, readMigrated, secretTargets, tree, typescriptBuild, warningPlaces } from "./harness.js";
import { PACKAGE_ROOT } from "../demo/demo.js";
import { runApp } from "../demo/app-runner.js";
import { migrate } from "../migrate/index.js";
import { PlanError } from "../errors.js";

// Round 5 of apps written without looking at the rewriter
// (fixtures/apps-blind5/, docs/migration.md "Unseen apps, round 5"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind5", "apps-blind5", { links: ["dotenv"] });
const read = readMigrated;

/** A copy of fixtures/apps-blind5/<fixture> under the suite's directory, with vaultshift and dotenv linked. */
function copiedApp(fixture: string, dir: string): string {
  const root = join(suite.dir, dir, "app");
  cpSync(join(PACKAGE_ROOT, "fixtures", "apps-blind5", fixture), root, { recursive: true });
  for (const pkg of ["vaultshift", "dotenv"]) {
    mkdirSync(join(root, "node_modules"), { recursive: true });
    symlinkSync(pkg === "vaultshift" ? PACKAGE_ROOT : join(PACKAGE_ROOT, "node_modules", pkg), join(root, "node_modules", pkg), "dir");
  }
  return root;
}

const migrateIn = (root: string, app: string) =>
  migrate({ root, app, vault: { address: suite.server.address, token: suite.server.rootToken }, env: { PATH: process.env.PATH ?? "", HOME: join(root, ".."), VAULTSHIFT_STATE_DIR: join(root, "..", "state") } });

function git(root: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "ignore", timeout: 10_000 });
}

async function appTokenFor(policy: string): Promise<string> {
  const res = await fetch(`${suite.server.address}/v1/auth/token/create`, {
    method: "POST",
    headers: { "X-Vault-Token": suite.server.rootToken, "Content-Type": "application/json" },
    body: JSON.stringify({ policies: [policy], no_default_policy: true, ttl: "10m" }),
    signal: AbortSignal.timeout(5000),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { auth: { client_token: string } }).auth.client_token;
}

test("TypeScript NodeNext: env from node:process (named, default and namespace imports), globalThis.process.env, const { env: { X } } = process; a key decoded and a URL parsed at module load", { timeout: 180_000 }, async () => {
  const run = await migrated(app("node-process-ts", "signet-api", ["development", "production"], "dist/main.js", { links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild }));
  // MaxMind's GeoIP licence key is an account credential (most *_LICENSE_KEY names are product
  // licences and stay config): it moves like the others.
  assert.doesNotMatch(read(run, ".env"), /^GEOIP_LICENSE_KEY=/m);
  await assertMigrated(run, suite.server);
  assert.match(read(run, "src/config.ts"), /mailgunKey: secrets\.MAILGUN_API_KEY,/);
  assert.match(read(run, "src/db.ts"), /env: \{ DB_USER = "postgres" \},\n\} = process, \{ DB_PASSWORD \} = secrets;/);
  assert.match(read(run, "src/db.ts"), /new URL\(secrets\.DATABASE_URL!\)/);
  assert.match(read(run, "src/webhooks.ts"), /const secret = secrets\.WEBHOOK_SECRET \?\? "";/);
  await assertRollback(run, suite.server);
});

test("CommonJS: require(\"process\").env.X, const { env } = require(\"node:process\"), makeConfig(process.env), an env-var-style chain, JSON.parse of a service account at load, a URL composed at module scope", { timeout: 120_000 }, async () => {
  const run = await migrated(app("require-process", "tariff-engine", ["development", "production"], "src/index.js"));
  await assertMigrated(run, suite.server);
  assert.match(read(run, "src/credentials.js"), /const raw = secrets\.GOOGLE_CREDENTIALS;/);
  assert.match(read(run, "src/broker.js"), /amqp:\/\/\$\{env\.RABBIT_USER\}:\$\{secrets\.RABBIT_PASSWORD\}@/);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "whole-env-use"), ["lib/env-var.js:32", "src/billing.js:2", "src/index.js:11"]);
  await assertRollback(run, suite.server);
});

test("t3-env createEnv with an explicit runtimeEnv mapping and with runtimeEnv: process.env, over an @next/env-like ES module loader; an empty .env next to .env.local and .env.test", { timeout: 120_000 }, async () => {
  const run = await migrated(app("t3-env", "orbit-dashboard", ["development", "test"], "scripts/print.mjs"));
  await assertMigrated(run, suite.server);
  assert.equal(secretTargets(run)[".env.local:NEXTAUTH_SECRET"], "orbit-dashboard/development/app");
  assert.match(read(run, "src/env.mjs"), /NEXTAUTH_SECRET: secrets\.NEXTAUTH_SECRET,/);
  await assertRollback(run, suite.server);
});

test("process.chdir() then two dotenv.config() calls, .env.local first (it wins here), a key repeated in .env (the last line wins): .env.local may be missing elsewhere, so the plan stops and changes nothing", { timeout: 120_000 }, async () => {
  // Round 5 dropped .env's DB_PASSWORD as never read. But .env.local is machine-local by
  // convention (not a git repository here: its *.local name says so): on every other machine
  // .env's value is the one read, and dropping it would lose it. Now a refusal naming both.
  const root = copiedApp("dotenv-twice", "fjord-notify-refused");
  const original = tree(root);
  await assert.rejects(migrateIn(root, "fjord-notify"), (e: unknown) => {
    assert.ok(e instanceof PlanError);
    assert.match(e.message, /DB_PASSWORD: bin\/start\.js loads deploy\/\.env\.local before deploy\/\.env, and deploy\/\.env\.local is named \*\.local/);
    assert.match(e.hint ?? "", /"environments": \{"deploy\/\.env\.local": "local"\}/);
    return true;
  });
  const after = tree(root);
  assert.deepEqual([...after.keys()], [...original.keys()]);
  for (const [file, bytes] of original) assert.ok(after.get(file)!.equals(bytes), `${file} changed`);
});

test("dotenv-twice in a git repository whose .gitignore holds .env.local: refused, then with .env.local mapped to its own environment nothing is lost: without .env.local the app reads .env's values from Vault", { timeout: 180_000 }, async () => {
  const root = copiedApp("dotenv-twice", "fjord-notify-ignored");
  writeFileSync(join(root, ".gitignore"), "node_modules\n.env.local\n");
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "first");
  const local = join(root, "deploy", ".env.local");
  const localText = readFileSync(local);
  // What CI and every other machine read: the tree without .env.local.
  rmSync(local);
  const elsewhere = await runApp(root, "development", {}, { entry: "bin/start.js" });
  writeFileSync(local, localText);
  assert.ok(elsewhere.ok, elsewhere.error);
  await assert.rejects(migrateIn(root, "fjord-notify"), (e: unknown) => e instanceof PlanError && /deploy\/\.env\.local is git-ignored/.test(e.message));
  // The user's way out: .env.local is an environment of its own.
  writeFileSync(join(root, "vaultshift.config.json"), '{"environments": {"deploy/.env.local": "local"}}\n');
  const result = await migrateIn(root, "fjord-notify");
  assert.deepEqual(result.plan.warnings.filter((w) => w.code === "shadowed"), []);
  assert.deepEqual(result.plan.secrets.map((s) => `${s.source.file}:${s.name}:${s.target.path}`).sort(), [
    "deploy/.env.local:DB_PASSWORD:fjord-notify/local/database",
    "deploy/.env.local:PUSHOVER_API_TOKEN:fjord-notify/local/app",
    "deploy/.env:DB_PASSWORD:fjord-notify/development/database",
    "deploy/.env:SMTP_PASSWORD:fjord-notify/development/smtp",
    "deploy/.env:TWILIO_AUTH_TOKEN:fjord-notify/development/twilio",
  ]);
  rmSync(local);
  const token = await appTokenFor(result.plan.policy.name);
  const migratedElsewhere = await runApp(root, "development", { VAULT_ADDR: suite.server.address, VAULT_TOKEN: token }, { entry: "bin/start.js" });
  assert.ok(migratedElsewhere.ok, migratedElsewhere.error);
  assert.equal(migratedElsewhere.digest, elsewhere.digest, "the app without .env.local reads other settings after the migration");
  assert.doesNotMatch(readFileSync(join(root, "deploy", ".env"), "utf8"), /CANARY/);
});

test("-r dotenv/config with dotenv_config_path=config/app.env and NODE_OPTIONS + DOTENV_CONFIG_PATH; Koa app.keys from two variables; a salt decoded at load", { timeout: 120_000 }, async () => {
  const run = await migrated(app("preload-koa", "kiln-gallery", ["development", "production"], "scripts/run.js"));
  await assertMigrated(run, suite.server);
  assert.match(read(run, "src/server.js"), /app\.keys = \[secrets\.COOKIE_KEY_1, secrets\.COOKIE_KEY_2\];/);
  await assertRollback(run, suite.server);
});

test("@fastify/env-like plugin loading .env and validating process.env, an Apollo-like context verifying RS256 tokens with a key from a multi-line PEM read at import, a BullMQ-like Queue connection", { timeout: 120_000 }, async () => {
  const run = await migrated(app("fastify-apollo", "relay-graph", ["development", "production"], "src/main.js"));
  await assertMigrated(run, suite.server);
  assert.deepEqual(movedSecrets(run), [".env:APOLLO_KEY", ".env:JWT_PRIVATE_KEY", ".env:REDIS_PASSWORD", ".env:SESSION_SECRET"]);
  await assertRollback(run, suite.server);
});

test("Glue manifest of confidence-style { $env } nodes, .env with export, multi-line double-quoted PEMs and ${PG_PASSWORD} references expanded by a dotenv-expand stand-in", { timeout: 120_000 }, async () => {
  const run = await migrated(app("hapi-glue", "tidepool-api", ["development", "production"], "src/start.js"));
  await assertMigrated(run, suite.server);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "env-reference"), [".env:5"]);
  await assertRollback(run, suite.server);
});

test("webpack DefinePlugin / esbuild define inlining an admin key into a browser bundle, a webhook secret in package.json config read as npm_package_config_*", { timeout: 120_000 }, async () => {
  const run = await migrated(app("build-define", "atlas-storefront", ["development"], "scripts/print.js"));
  assertSameBehaviour(run);
  assertNoLeakOutsideTree(run);
  // The inlined key is public already (it ships in the bundle): reported, not moved; the browser code is untouched.
  assert.deepEqual(movedSecrets(run), [".env:SESSION_SECRET", ".env:STRIPE_SECRET_KEY"]);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "browser-exposed"), [".env:3"]);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "not-migrated"), ["package.json:12"]);
  assert.ok(run.original.get("client/search.js")!.equals(Buffer.from(read(run, "client/search.js"))));
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assert.deepEqual(run.result.verification.rescan.findings.map((f) => `${f.file}:${f.line}`).sort(), [".env:3", "package.json:12"]);
  await assertRollback(run, suite.server);
});

test("vitest test.env with test values, .env.test loaded only by the test setup, a seed script run with cross-env", { timeout: 120_000 }, async () => {
  const run = await migrated(app("test-tooling", "quill-notes", ["development", "test"], "scripts/print.js"));
  await assertMigrated(run, suite.server);
  assert.equal(secretTargets(run)[".env.test:SESSION_SECRET"], "quill-notes/test/app");
  assert.ok(read(run, "vitest.config.mjs").includes(`OPENAI_API_KEY: "test-key"`), "the test config's values stay");
  await assertRollback(run, suite.server);
});

test("odd .env values: CRLF, trailing blanks unquoted and quoted, \\r in single and double quotes, a key twice, override: true over a shell-exported token", { timeout: 120_000 }, async () => {
  const run = await migrated(app("odd-values", "marlin-sync", ["development", "production"], "scripts/run.js"));
  await assertMigrated(run, suite.server);
  assert.equal(read(run, ".env"), "# Windows-edited file: CRLF line endings\r\nSYNC_INTERVAL=30\r\nSYNC_REGION=eu\r\n");
  await assertRollback(run, suite.server);
});
