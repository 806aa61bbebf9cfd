import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { assertMigrated, assertRollback, blindRound, installedFrom, movedSecrets, readMigrated } from "./harness.js";

// Configuration files beyond JSON (fixtures/apps-config/, docs/migration.md "Session 21,
// configmig2"): node-config in YAML (comments, quoting styles, a mapping file in YAML),
// node-config JSON with comments and trailing commas, a YAML file whose loader substitutes
// ${NAME}, Strapi's env('NAME', default) helper, and convict (schema defaults and env names, a
// loaded config/<env>.json). Each app is migrated end to end and run under `vaultshift run`
// afterwards: the same digest in each environment, no planted value left, a byte-exact rollback.
// The libraries are stand-ins in _libs/ with the real ones' precedence (tests run offline).

const { suite, app, migrated } = blindRound("config2", "apps-config", { underRun: true });
const installed = installedFrom("apps-config");
const ENVS = ["development", "production"];

const gitTree =
  (...libs: string[]) =>
  (root: string): void => {
    installed(...libs)(root);
    execFileSync("git", ["init", "-q"], { cwd: root });
  };

test("node-config in YAML: default.yml and production.yaml lose their secrets, custom-environment-variables.yml maps them, comments and quoting kept", { timeout: 180_000 }, async () => {
  const run = await migrated(app("node-config-yaml", "plover-api", ENVS, "scripts/digest.js", { prepare: gitTree("config"), links: ["yaml"] }));
  assert.deepEqual(movedSecrets(run), [
    "config/default.yml:DB_PASSWORD",
    "config/default.yml:MAIL_AUTH_PASS",
    "config/default.yml:STRIPE_SECRET_KEY",
    "config/production.yaml:DB_PASSWORD",
    "config/production.yaml:STRIPE_SECRET_KEY",
  ]);
  await assertMigrated(run, suite.server);
  const def = readMigrated(run, "config/default.yml");
  // Only the secret lines went: the comments, the flow mapping and the list stay as written.
  assert.match(def, /^# Plover API: defaults for every environment/);
  assert.match(def, /\n {2}user: plover\n {2}pool: \{ min: 1, max: 5 \}\n/);
  assert.match(def, /\n {4}user: mailer\n {4}# rotate with the provider's console\n {2}from: "Plover <noreply@plover.example>"\n/);
  assert.match(def, /\nfeatures:\n {2}- search\n {2}- billing\n$/);
  const mapping = readMigrated(run, "config/custom-environment-variables.yml");
  assert.match(mapping, /^# Variables that override every file\nport: PORT\nmail:\n {2}auth:\n {4}user: MAIL_USER\n/);
  assert.match(mapping, /\n {4}pass: MAIL_AUTH_PASS\n/);
  assert.match(mapping, /\ndb:\n {2}password: DB_PASSWORD\n/);
  await assertRollback(run, suite.server);
});

test("node-config JSON with comments and trailing commas (JSON5 as node-config reads it): the members go, the comments stay", { timeout: 180_000 }, async () => {
  const run = await migrated(app("node-config-jsonc", "quokka-admin", ENVS, "scripts/digest.js", { prepare: gitTree("config"), links: ["yaml"] }));
  assert.deepEqual(movedSecrets(run), ["config/default.json:GITHUB_CLIENT_SECRET", "config/default.json:SESSION_SECRET", "config/production.json:GITHUB_CLIENT_SECRET", "config/production.json:SESSION_SECRET"]);
  await assertMigrated(run, suite.server);
  const def = readMigrated(run, "config/default.json");
  assert.match(def, /^\/\/ Quokka admin: every environment's defaults\.\n\{\n {2}"port": 4100,\n {2}\/\* The session store \*\/\n {2}"session": \{\n {4}"maxAgeHours": 12,\n {2}\},/);
  assert.match(def, /"url": "http:\/\/localhost:4100\/a\/\/b", \/\/ "\/\/" inside a string is no comment\n\}\n$/);
  // The secret's own line went with its comment; its neighbours keep their commas.
  assert.match(def, /\n {4}"clientId": "Iv1\.quokka-admin",\n {4}"scopes": \["read:org"\],\n/);
  assert.ok(!def.includes("OAuth app"));
  await assertRollback(run, suite.server);
});

test("a YAML file whose loader substitutes ${NAME}: each literal secret becomes ${NAME}, quoting and comments kept", { timeout: 180_000 }, async () => {
  const run = await migrated(app("yaml-substitution", "quail-relay", ENVS, "scripts/digest.js", { prepare: gitTree(), links: ["yaml"] }));
  assert.deepEqual(movedSecrets(run), ["config.yml:PAGERDUTY_ROUTING_KEY", "config.yml:SENTRY_AUTH_TOKEN", "config.yml:SLACK_SIGNING_SECRET", "config.yml:SMTP_PASSWORD"]);
  await assertMigrated(run, suite.server);
  const yml = readMigrated(run, "config.yml");
  assert.match(yml, /\n {2}password: "\$\{SMTP_PASSWORD\}" {2}# app password\n/);
  assert.match(yml, /\n {2}signing_secret: "\$\{SLACK_SIGNING_SECRET\}"\n {2}channel: '#alerts'\n/);
  assert.match(yml, /\n {2}routing_key: "\$\{PAGERDUTY_ROUTING_KEY\}"\n$/);
  await assertRollback(run, suite.server);
});

test("Strapi: a secret typed in as env('NAME', default) moves to NAME; the helper call keeps its name, loses the default", { timeout: 180_000 }, async () => {
  const run = await migrated(app("strapi-env", "rail-cms", ENVS, "scripts/digest.js", { prepare: gitTree("@strapi/strapi") }));
  assert.deepEqual(movedSecrets(run), [
    ".env:APP_KEYS",
    ".env:TRANSFER_TOKEN_SALT",
    "config/admin.js:ADMIN_JWT_SECRET",
    "config/admin.js:API_TOKEN_SALT",
    "config/database.js:DATABASE_PASSWORD",
    "config/plugins.js:AWS_ACCESS_KEY_ID",
    "config/plugins.js:AWS_ACCESS_SECRET",
  ]);
  await assertMigrated(run, suite.server);
  const admin = readMigrated(run, "config/admin.js");
  assert.match(admin, /secret: env\('ADMIN_JWT_SECRET'\),\n/);
  assert.match(admin, /salt: env\("API_TOKEN_SALT"\),\n/);
  assert.match(readMigrated(run, "config/database.js"), /password: env\('DATABASE_PASSWORD'\),\n/);
  await assertRollback(run, suite.server);
});

test("convict: a schema default moves to the schema's env name (one is added where the schema has none), config/production.json loses the value the env name overrides", { timeout: 180_000 }, async () => {
  const run = await migrated(app("convict-app", "swift-queue", ENVS, "scripts/digest.js", { prepare: gitTree("convict") }));
  assert.deepEqual(movedSecrets(run), ["config/production.json:DB_PASSWORD", "src/config.js:DB_PASSWORD", "src/config.js:SESSION_SECRET", "src/config.js:STRIPE_SECRET_KEY"]);
  await assertMigrated(run, suite.server);
  const schema = readMigrated(run, "src/config.js");
  assert.match(schema, /default: "",\n {6}env: "DB_PASSWORD",\n/);
  assert.match(schema, /secretKey: \{ doc: "Stripe secret key", format: String, default: "", env: "STRIPE_SECRET_KEY", sensitive: true \}/);
  assert.equal(readMigrated(run, "config/production.json"), '{\n  "db": {\n    "host": "db.internal"\n  },\n  "redis": { "url": "redis://cache.internal:6379" }\n}\n');
  await assertRollback(run, suite.server);
});
