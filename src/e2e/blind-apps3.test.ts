import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertRollback, blindRound, movedSecrets, readMigrated, secretTargets, typescriptBuild, warningPlaces, type E2eRun, type FixtureApp } from "./harness.js";

// Round 3 of apps written without looking at the rewriter
// (fixtures/apps-blind3/, docs/migration.md "Unseen apps, round 3"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind3", "apps-blind3", { links: ["dotenv"] });
const read = readMigrated;
const moved = movedSecrets;

test("npm/pnpm workspaces: an ESM and a CommonJS package, each with its .env, both reading the root .env by a path relative to their cwd", { timeout: 120_000 }, async () => {
  const run = await migrated(app("monorepo-workspaces", "tidepool", ["development"], "scripts/all.js"));
  await assertMigrated(run, suite.server);
  assert.deepEqual(moved(run), [
    ".env:INTERNAL_SIGNING_KEY",
    ".env:SENTRY_DSN_SECRET",
    "packages/api/.env:DB_PASSWORD",
    "packages/api/.env:JWT_SECRET",
    "packages/worker/.env:AWS_ACCESS_KEY_ID",
    "packages/worker/.env:AWS_SECRET_ACCESS_KEY",
    "packages/worker/.env:REDIS_PASSWORD",
  ]);
  // The ES module package names the secrets module with its extension; the CommonJS one requires it.
  assert.match(read(run, "packages/api/src/index.js"), /^import \{ secrets \} from "\.\.\/\.\.\/\.\.\/vaultshift-secrets\.mjs";$/m);
  assert.match(read(run, "packages/worker/src/index.js"), /require\("\.\.\/\.\.\/\.\.\/vaultshift-secrets"\)/);
  await assertRollback(run, suite.server);
});

test("dotenv-flow precedence by a hand-written loader, a secret only in .env.production.local, dotenv path arrays and override", { timeout: 120_000 }, async () => {
  const run = await migrated(app("dotenv-flow", "ledger-sync", ["development", "production"], "src/main.js"));
  await assertMigrated(run, suite.server);
  const targets = secretTargets(run);
  // .env is the base of every environment (a .env.development exists); the production-local override is production's.
  assert.equal(targets[".env:ENCRYPTION_KEY"], "ledger-sync/shared/app");
  assert.equal(targets[".env.production.local:WEBHOOK_SIGNING_SECRET"], "ledger-sync/production/app");
  // The loader keeps its own writes; the config files keep their non-secret lines.
  assert.match(read(run, "src/flow.js"), /process\.env\[key\] = value;/);
  assert.equal(read(run, ".env.production.local"), "# production box override (hot-fix credentials)\n");
  await assertRollback(run, suite.server);
});

test("ESM only: import \"dotenv/config\", top-level await, dynamic import() of a per-mode config module, a JSON import with { type: \"json\" }, import.meta.dirname", { timeout: 120_000 }, async () => {
  const run = await migrated(app("esm-modern", "atlas-search", ["development", "production"], "src/main.js"));
  await assertMigrated(run, suite.server);
  assert.match(read(run, "src/config/production.js"), /adminKey: secrets\.ALGOLIA_ADMIN_KEY/);
  assert.match(read(run, "src/main.js"), /import defaults from "\.\.\/data\/defaults\.json" with \{ type: "json" \};/);
  await assertRollback(run, suite.server);
});

test("destructuring with renames and defaults, { ...process.env }, Object.entries(process.env) by prefix, a zod-like parse of process.env, computed names", { timeout: 120_000 }, async () => {
  const run = await migrated(app("destructure", "relay-hub", ["development"], "src/main.js"));
  await assertMigrated(run, suite.server);
  const main = read(run, "src/main.js");
  assert.match(main, /const env = \{ \.\.\.processEnv \};/);
  assert.match(main, /Object\.entries\(processEnv\)/);
  assert.match(main, /processEnv\[`\$\{PREFIX\}_TOKEN`\]/);
  assert.match(read(run, "src/schema.js"), /envSchema\.parse\(processEnv\)/);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "dynamic-env-access"), ["src/main.js:15", "src/main.js:16"]);
  await assertRollback(run, suite.server);
});

test("ORM and driver configs: knexfile, Sequelize config.js per environment, a TypeORM-style DataSource, schema.prisma env(\"DATABASE_URL\") read by a hand-written reader, pg Pool, ioredis URL", { timeout: 120_000 }, async () => {
  const run = await migrated(app("orm-configs", "inventory-core", ["development", "production"], "src/main.js"));
  await assertMigrated(run, suite.server);
  assert.match(read(run, "config/config.js"), /password: secrets\.DB_PASS,/);
  // The Prisma reader's process.env[name] reads the overlay; schema.prisma itself is unchanged.
  assert.match(read(run, "src/lib/prisma-url.js"), /const value = processEnv\[m\[1\]\];/);
  assert.ok(run.original.get("prisma/schema.prisma")!.equals(Buffer.from(read(run, "prisma/schema.prisma"))));
  await assertRollback(run, suite.server);
});

test("PM2 ecosystem.config.js: secrets as plaintext literals in env and env_production blocks, merged into a child's env by the launcher", { timeout: 120_000 }, async () => {
  const run = await migrated(app("pm2-ecosystem", "courier-dispatch", ["development", "production"], "scripts/pm2.js", { links: [] }));
  await assertMigrated(run, suite.server);
  // One name, two values: two keys, not a collision.
  assert.deepEqual(run.result.plan.secrets.map((s) => `${s.source.line} ${s.target.path}#${s.target.key}`).sort(), [
    "11 courier-dispatch/shared/twilio#auth_token",
    "12 courier-dispatch/shared/app#mapbox_secret_token",
    "17 courier-dispatch/shared/twilio#auth_token_2",
    "18 courier-dispatch/shared/app#mapbox_secret_token_2",
  ]);
  assert.match(read(run, "ecosystem.config.js"), /TWILIO_AUTH_TOKEN: secrets\.TWILIO_AUTH_TOKEN_2,/);
  await assertRollback(run, suite.server);
});

test("a Mocha --require / Jest setupFiles file setting test credentials as literals and NODE_ENV=test before the app's config loads", { timeout: 120_000 }, async () => {
  const run = await migrated(app("test-setup", "payouts-service", ["development"], "scripts/run.js"));
  await assertMigrated(run, suite.server);
  assert.match(read(run, "test/setup.js"), /^processEnv\.ADYEN_API_KEY = secrets\.ADYEN_API_KEY_2;$/m);
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "env-write"), ["test/setup.js:5", "test/setup.js:6"]);
  await assertRollback(run, suite.server);
});

test("docker-entrypoint.sh exporting .env then exec node, a Procfile whose release step reads a secret inline", { timeout: 120_000 }, async () => {
  const run = await migrated(app("docker-entry", "thumbnailer", ["development"], "scripts/boot.js", { links: [] }));
  await assertMigrated(run, suite.server);
  // The release step (node -e "…process.env.IMGPROXY_KEY…") loses it: named, not rewritten.
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "outside-use"), ["Procfile:2"]);
  await assertRollback(run, suite.server);
});

test("Next.js-like next.config.js env {…} over an @next/env-like loader and a Vite-like loadEnv that parses the .env files itself: the plan says what loadEnv loses", { timeout: 120_000 }, async () => {
  const run = await migrated(app("framework-configs", "storefront-web", ["development", "production"], "scripts/build.mjs"));
  const { plan } = run.result;
  // .env is the layered base (the project depends on next and vite) and there is no .env.development:
  // development reads the base, as those loaders do.
  assert.deepEqual(plan.secrets.map((s) => `${s.source.file}:${s.name} ${s.target.path}`).sort(), [
    ".env.production:CMS_PREVIEW_SECRET storefront-web/production/app",
    ".env.production:PROXY_TOKEN storefront-web/production/app",
    ".env:CMS_PREVIEW_SECRET storefront-web/shared/app",
    ".env:PROXY_TOKEN storefront-web/shared/app",
  ]);
  assert.match(read(run, "next.config.js"), /CMS_PREVIEW_SECRET: secrets\.CMS_PREVIEW_SECRET,/);
  // loadEnv reads PROXY_TOKEN from the parsed files, where it no longer is: reported where it parses.
  assert.deepEqual(warningPlaces(plan.warnings, "env-file-parse"), ["tools/vite-env.mjs:12"]);
  assert.equal(run.result.verification.verdict, "zero-secrets");
  for (const [i, a] of run.after.entries()) {
    assert.ok(a.ok, `${a.environment}: ${a.error}`);
    assert.notEqual(a.digest, run.before[i]!.digest, "the Vite proxy header changes, as the warning says");
  }
  await assertRollback(run, suite.server);
});

test("TypeScript ESM (NodeNext): express-session secret, Passport OAuth strategy options, process.env.X! and process.env[\"X\"] as string", { timeout: 180_000 }, async () => {
  const run = await migrated(app("express-passport-ts", "members-portal", ["development", "production"], "dist/server.js", { links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild }));
  await assertMigrated(run, suite.server);
  const strategies = read(run, "src/auth/strategies.ts");
  assert.match(strategies, /clientSecret: secrets\.GITHUB_CLIENT_SECRET!,/);
  assert.match(strategies, /clientSecret: secrets\.GOOGLE_CLIENT_SECRET as string,/);
  // dotenv.config() in the module body runs after the imports: said (load-order), harmless here (no VAULT_* in .env).
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "load-order"), ["src/server.ts:7"]);
  await assertRollback(run, suite.server);
});
