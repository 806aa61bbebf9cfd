import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../cli/main.js";
import { PACKAGE_ROOT } from "../demo/demo.js";
import { runApp } from "../demo/app-runner.js";
import { migrate } from "../migrate/index.js";
import { assertMigrated, assertRollback, migrateFixture, e2eSuite, textOf, tree, typescriptBuild } from "./harness.js";

// Apps written without looking at the rewriter (fixtures/apps-blind/, see
// docs/migration.md "Unseen apps"): each migrated end to end against the
// in-process dev server, run before and after in every environment (same
// digest), scanned, searched for planted values, and rolled back.

const suite = e2eSuite("blind");

const blind = (name: string) => `apps-blind/${name}`;

test("config module + envalid-style schema fed the whole process.env (CommonJS, dotenv with a path): the schema still sees the secrets", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(suite.server, { fixture: blind("config-module"), app: "billing-svc", environments: ["development", "production"], entry: "src/settings.js", links: ["dotenv"] }, join(suite.dir, "config"));
  await assertMigrated(run, suite.server);
  const schema = readFileSync(join(run.root, "src/env-schema.js"), "utf8");
  assert.match(schema, /^const \{ processEnv \} = require\("\.\/vaultshift-secrets"\);$/m);
  assert.match(schema, /module\.exports = cleanEnv\(processEnv, \{/);
  assert.match(readFileSync(join(run.root, "src/config.js"), "utf8"), /password: secrets\.DB_PASSWORD \|\| "dev-pass",/);
  // require("x")(secret) as a leading require: the secrets module is required before it.
  assert.match(readFileSync(join(run.root, "src/payments.js"), "utf8"), /^require\("\.\/config"\);\nconst \{ secrets \} = require\("\.\/vaultshift-secrets"\);\nconst stripe = require\("\.\/make-client"\)\(secrets\.STRIPE_KEY\);/);
  assert.ok(run.result.plan.warnings.some((w) => w.code === "whole-env-use" && w.file === "src/env-schema.js"), "and it is reported for review");
  await assertRollback(run, suite.server);
});

test("layered .env files (Next/Vite order: .env.<mode>.local, .env.local, .env.<mode>, .env): .env is the base of every environment", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(suite.server, { fixture: blind("dotenv-layers"), app: "notifier", environments: ["development", "test", "production"], entry: "src/settings.js", links: ["dotenv"] }, join(suite.dir, "layers"));
  const { plan } = run.result;
  // .env is not "development" here (a .env.development exists): its secret is stored once and read under every environment.
  const base = plan.secrets.find((s) => s.source.file === ".env");
  assert.equal(base?.environment, "shared");
  assert.equal(base?.target.path, "notifier/shared/app");
  // .env.local is read under production too by this loader: what cannot be kept is said, not hidden.
  const local = plan.warnings.find((w) => w.code === "local-override");
  assert.ok(local && local.file === ".env.local" && /TWILIO_AUTH_TOKEN/.test(local.message) && /production/.test(local.message), JSON.stringify(plan.warnings));
  // Everything else behaves as before: compare development and test strictly, production runs.
  run.after = run.after.filter((a) => a.environment !== "production");
  run.before = run.before.filter((a) => a.environment !== "production");
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("npm workspaces (an ESM package and a CommonJS package, root and per-package .env): each file imports the module its own way", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(suite.server, { fixture: blind("monorepo"), app: "fleet", environments: ["development", "production"], entry: "scripts/settings.mjs" }, join(suite.dir, "monorepo"));
  await assertMigrated(run, suite.server);
  // The root package has no "type": the CommonJS flavour is .js (a require() may leave the
  // extension out), the ES module one beside it .mjs (an ES module names it in full).
  assert.equal(run.result.plan.secretsModule?.file, "vaultshift-secrets.mjs");
  assert.equal(run.result.plan.secretsModule?.companion?.file, "vaultshift-secrets.js");
  assert.match(readFileSync(join(run.root, "packages/api/src/index.js"), "utf8"), /^import \{ secrets \} from "\.\.\/\.\.\/\.\.\/vaultshift-secrets\.mjs";$/m);
  assert.match(readFileSync(join(run.root, "packages/worker/lib/index.js"), "utf8"), /^const \{ secrets \} = require\("\.\.\/\.\.\/\.\.\/vaultshift-secrets"\);$/m);
  assert.ok(existsSync(join(run.root, "packages/api/.env.example")) && existsSync(join(run.root, "packages/worker/.env.example")));
  await assertRollback(run, suite.server);
});

test("TypeScript with !, [\"X\"] as string, destructuring defaults, a validating function, .mts/.cts and #imports aliases", { timeout: 180_000 }, async () => {
  const run = await migrateFixture(
    suite.server,
    { fixture: blind("ts-variety"), app: "ledger-api", environments: ["development", "staging"], entry: "dist/settings.js", links: ["typescript", "@types/node"], build: typescriptBuild },
    join(suite.dir, "ts"),
  );
  await assertMigrated(run, suite.server);
  // A .cts importer compiles to require(): the module must be the CommonJS flavour (.cts in a module package).
  assert.equal(run.result.plan.secretsModule?.file, "src/vaultshift-secrets.cts");
  const env = readFileSync(join(run.root, "src/env.ts"), "utf8");
  assert.match(env, /apiKey: secrets\.API_KEY!,/);
  assert.match(env, /webhookSecret: secrets\.WEBHOOK_SECRET as string,/);
  assert.match(env, /const value = processEnv\[name\];/, "required(name) reads through the overlay");
  assert.match(readFileSync(join(run.root, "src/lib/db.ts"), "utf8"), /^const \{ DB_USER, DB_POOL = "5" \} = process\.env, \{ DB_PASSWORD \} = secrets;$/m);
  await assertRollback(run, suite.server);
});

test("ESM with import \"dotenv/config\", an `export` line, quoted values, a multi-line PEM key, ??= and ?. reads", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(suite.server, { fixture: blind("esm-dotenv"), app: "webhooks-relay", environments: ["development"], entry: "src/settings.js", links: ["dotenv"] }, join(suite.dir, "esm-dotenv"));
  await assertMigrated(run, suite.server);
  const env = readFileSync(join(run.root, ".env"), "utf8");
  assert.equal(env, "# webhooks-relay (development)\nexport PORT=4000\nRETRY_LIMIT=5\n", "every line of the PEM value is gone, the rest is byte for byte");
  const relay = readFileSync(join(run.root, "src/relay.js"), "utf8");
  assert.match(relay, /process\.env\.RELAY_NAME \?\?= "relay-1";/, "config writes stay");
  assert.match(relay, /Bearer \$\{secrets\.API_TOKEN\}/);
  await assertRollback(run, suite.server);
});

test("two workspace packages giving one variable different values: the plan refuses, names both files, changes nothing", { timeout: 120_000 }, async () => {
  const base = join(suite.dir, "collide");
  const root = join(base, "app");
  cpSync(join(PACKAGE_ROOT, "fixtures", blind("monorepo-collide")), root, { recursive: true });
  const original = tree(root);
  await assert.rejects(
    migrate({ root, app: "fleet-collide", vault: { address: suite.server.address, token: suite.server.rootToken }, env: { PATH: process.env.PATH ?? "", HOME: base, VAULTSHIFT_STATE_DIR: join(base, "state") } }),
    (error: Error & { hint?: string }) => {
      assert.match(error.message, /\.env:5 DB_PASSWORD .* and packages\/worker\/\.env:3 DB_PASSWORD .* have different values/);
      assert.match(error.hint ?? "", /rename the variable in one of them/);
      assert.ok(!`${error.message} ${error.hint}`.includes("CANARY"), "no value in the message");
      return true;
    },
  );
  assert.deepEqual(tree(root), original);
  const res = await fetch(`${suite.server.address}/v1/secret/metadata/fleet-collide/development/database`, { headers: { "X-Vault-Token": suite.server.rootToken }, signal: AbortSignal.timeout(5000) });
  assert.equal(res.status, 404, "nothing written to Vault");
});

test("CommonJS HTTP app: BOM + CRLF file with a static class field, require at the bottom, lazy reads, a shebang CLI", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(suite.server, { fixture: blind("express-cjs"), app: "orders-http", environments: ["development", "production"], entry: "src/settings.js" }, join(suite.dir, "express"));
  await assertMigrated(run, suite.server);
  const session = readFileSync(join(run.root, "src/session.js"));
  assert.ok(session.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), "BOM kept");
  const text = session.toString("utf8");
  assert.equal(text.split("\r\n").length - 1, text.split("\n").length - 1, "CRLF kept on every line");
  assert.match(text, /static secret = secrets\.SESSION_SECRET;\r\n/);
  const cli = readFileSync(join(run.root, "bin/cli.js"), "utf8");
  assert.ok(cli.startsWith("#!/usr/bin/env node\n"), "shebang stays the first line");
  await assertRollback(run, suite.server);
});

test("whole process.env passed to a child process and a client, enumerated, read by computed names: same behaviour through processEnv", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(suite.server, { fixture: blind("whole-env"), app: "report-runner", environments: ["development", "production"], entry: "src/settings.js" }, join(suite.dir, "whole"));
  await assertMigrated(run, suite.server);
  const exp = readFileSync(join(run.root, "src/export.js"), "utf8");
  assert.match(exp, /new WarehouseClient\(processEnv\)/);
  assert.match(exp, /\{ env: processEnv, encoding: "utf8" \}/);
  const features = readFileSync(join(run.root, "src/features.js"), "utf8");
  assert.match(features, /Object\.keys\(processEnv\)/);
  assert.match(features, /return processEnv\[name\];/);
  const codes = run.result.plan.warnings.filter((w) => w.file === "src/features.js").map((w) => w.code);
  assert.deepEqual(codes.sort(), ["dynamic-env-access", "dynamic-env-access", "whole-env-use"], "a file that names no secret is still looked at and reported");
  await assertRollback(run, suite.server);
});

test("hard-coded keys in a client constructor, a JWT secret constant and a webhook URL, next to env reads", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(suite.server, { fixture: blind("hardcoded"), app: "signup-service", environments: ["development", "production"], entry: "src/settings.js" }, join(suite.dir, "hardcoded"));
  await assertMigrated(run, suite.server);
  assert.equal(run.result.plan.literals.length, 3);
  const clients = readFileSync(join(run.root, "src/clients.js"), "utf8");
  assert.match(clients, /new EmailClient\(\{ apiKey: secrets\.\w+, region: "eu" \}\)/);
  assert.match(clients, /const JWT_SECRET = secrets\.\w+;/);
  await assertRollback(run, suite.server);
});

test("Next.js/Vite app: NEXT_PUBLIC_/VITE_ stay in .env, suite.server secrets move, a .cjs config in an ESM package, a JSON file with a secret is a manual action", { timeout: 120_000 }, async () => {
  const run = await migrateFixture(suite.server, { fixture: blind("next-vite"), app: "storefront", environments: ["development", "production"], entry: "src/settings.js" }, join(suite.dir, "next"));
  const { result } = run;
  for (const [i, a] of run.after.entries()) assert.equal(a.digest, run.before[i]!.digest, `${a.environment}: settings changed (${a.error})`);
  assert.deepEqual(result.plan.secrets.map((s) => s.source.name).sort(), ["NEXTAUTH_SECRET", "NEXTAUTH_SECRET", "STRIPE_SECRET_KEY", "STRIPE_SECRET_KEY"]);
  const env = readFileSync(join(run.root, ".env"), "utf8");
  assert.match(env, /^NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_test_/m);
  assert.match(env, /^VITE_APP_TITLE=/m);
  assert.match(readFileSync(join(run.root, "app.config.cjs"), "utf8"), /authSecret: secrets\.NEXTAUTH_SECRET/);
  // The JSON file is not rewritten: the verdict says so and the report lists it to do by hand.
  assert.equal(result.verification.verdict, "secrets-remaining");
  assert.deepEqual(result.verification.rescan.findings.map((f) => f.file), ["config/firebase.json"]);
  // The plan says it before anything is applied, and the report lists it once.
  assert.deepEqual(result.plan.warnings.filter((w) => w.code === "not-migrated").map((w) => `${w.file}:${w.line}`), ["config/firebase.json:7"]);
  assert.deepEqual(result.report.manualActions.filter((m) => m.file === "config/firebase.json").map((m) => m.code), ["not-migrated"]);
  // Every planted value outside that file is gone from everything the user sees.
  const scan = await runCli(["scan", "."], { cwd: run.root, env: { PATH: process.env.PATH ?? "", HOME: run.base } });
  assert.equal(scan.exitCode, 1);
  const firebase = readFileSync(join(run.root, "config/firebase.json"), "utf8");
  const everything = [textOf(tree(run.root)).replace(firebase, ""), readFileSync(join(run.root, "vaultshift.plan.json"), "utf8"), run.log, scan.stdout, ...run.after.map((a) => a.output + a.error)].join("\n");
  for (const v of run.planted.filter((p) => !firebase.includes(p))) assert.ok(!everything.includes(v), `a planted value (${v.slice(0, 6)}…) leaked`);
  await assertRollback(run, suite.server);
});

test("VAULT_ADDR/VAULT_TOKEN in the app's own .env: they stay there (the app needs them to reach Vault) and the plan says why", { timeout: 120_000 }, async () => {
  const base = join(suite.dir, "bootstrap");
  const root = join(base, "app");
  cpSync(join(PACKAGE_ROOT, "fixtures", blind("vault-in-env")), root, { recursive: true });
  for (const [pkg, target] of [["vaultshift", PACKAGE_ROOT], ["dotenv", join(PACKAGE_ROOT, "node_modules", "dotenv")]] as const) {
    mkdirSync(join(root, "node_modules"), { recursive: true });
    symlinkSync(target, join(root, "node_modules", pkg), "dir");
  }
  const res = await fetch(`${suite.server.address}/v1/auth/token/create`, { method: "POST", headers: { "X-Vault-Token": suite.server.rootToken }, body: JSON.stringify({ ttl: "10m" }), signal: AbortSignal.timeout(5000) });
  const token = ((await res.json()) as { auth: { client_token: string } }).auth.client_token;
  const env = readFileSync(join(root, ".env"), "utf8").replace("http://127.0.0.1:1", suite.server.address).replace("replaced-by-the-test", token);
  writeFileSync(join(root, ".env"), env);
  const before = await runApp(root, "development", {}, { entry: "src/settings.js" });
  assert.ok(before.ok, before.error);

  const result = await migrate({ root, app: "invoice-mailer", vault: { address: suite.server.address, token: suite.server.rootToken }, env: { PATH: process.env.PATH ?? "", HOME: base, VAULTSHIFT_STATE_DIR: join(base, "state") } });
  // The token is still a secret in the tree: the verdict says so, pointing at that one line.
  assert.equal(result.verification.verdict, "secrets-remaining");
  assert.deepEqual(result.verification.rescan.findings.map((f) => [f.file, f.line]), [[".env", 3]]);
  assert.deepEqual(result.report.manualActions.filter((m) => m.file === ".env").map((m) => m.code), ["vault-bootstrap"]);
  assert.deepEqual(result.plan.secrets.map((s) => s.source.name).sort(), ["INVOICE_SIGNING_SECRET", "SMTP_PASSWORD"]);
  assert.deepEqual(result.plan.warnings.filter((w) => w.code === "vault-bootstrap").map((w) => w.message.split(" ")[0]), ["VAULT_TOKEN"]);
  const after = readFileSync(join(root, ".env"), "utf8");
  assert.ok(after.includes(`VAULT_TOKEN=${token}`) && after.includes(`VAULT_ADDR=${suite.server.address}`), "the connection settings stay");
  assert.ok(!after.includes("CANARY"), "the app's secrets are gone from .env");
  // No VAULT_* from outside: the app reaches Vault with what its .env holds, and reads the same secrets.
  const run = await runApp(root, "development", {}, { entry: "src/settings.js" });
  assert.ok(run.ok, run.error);
  assert.equal(run.digest, before.digest);
});
