import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { assertMigrated, assertNoLeakOutsideTree, assertRollback, assertSameBehaviour, blindRound, installedFrom, movedSecrets, readMigrated, warningPlaces, type E2eRun } from "./harness.js";

// Secrets in JSON configuration files (fixtures/apps-config/, docs/migration.md "Configuration
// files"): one app per loader that reads a value from the environment over the file (nconf with the
// environment first as Ghost, nconf with the file first, node-config, rc, Etherpad-style ${NAME}
// substitution), migrated end to end against the in-process dev server and run under
// `vaultshift run` afterwards (same digest in each environment), the file free of every planted
// value, the value in Vault, and a byte-exact rollback; and the refusals (a plain require(), a value
// inside an array), each named with its reason. The libraries are stand-ins in _libs/ with the real
// ones' precedence (tests run offline).

const { suite, app, migrated } = blindRound("config", "apps-config", { underRun: true });
const installed = installedFrom("apps-config");
const ENVS = ["development", "production"];

/** The app is a git work tree (its config file is git-ignored, as a self-hoster's is), with the stand-ins installed. */
const gitTree =
  (...libs: string[]) =>
  (root: string): void => {
    installed(...libs)(root);
    execFileSync("git", ["init", "-q"], { cwd: root });
  };

async function readKv(run: E2eRun, path: string): Promise<Record<string, string>> {
  const res = await fetch(`${suite.server.address}/v1/secret/data/${path}`, { headers: { "X-Vault-Token": run.token }, signal: AbortSignal.timeout(5000) });
  assert.equal(res.status, 200, path);
  return ((await res.json()) as { data: { data: Record<string, string> } }).data.data;
}

/** The planted values a file held before the migration (what must now be in Vault, not in the file). */
const plantedIn = (run: E2eRun, file: string): string[] => run.planted.filter((v) => run.original.get(file)!.toString("utf8").includes(`"${v}"`));

test("nconf with the environment before the files (Ghost's loader): config.<env>.json loses its secrets, nconf reads database__connection__password", { timeout: 180_000 }, async () => {
  const run = await migrated(
    app("nconf-env-first", "heron-blog", ENVS, "scripts/digest.js", {
      prepare: (root) => {
        gitTree("nconf")(root);
        chmodSync(join(root, "config.production.json"), 0o640);
      },
    }),
  );
  assert.deepEqual(movedSecrets(run), [
    "config.development.json:database__connection__password",
    "config.development.json:mail__options__auth__pass",
    "config.production.json:adapters__storage__s3__accessKeyId",
    "config.production.json:adapters__storage__s3__secretAccessKey",
    "config.production.json:database__connection__password",
    "config.production.json:mail__options__auth__pass",
  ]);
  await assertMigrated(run, suite.server);
  // No code changes: the variables reach nconf through `vaultshift run`, also in core/jobs.js's child (it passes process.env on).
  assert.deepEqual(run.result.plan.files.map((f) => `${f.file}:${f.kind}`), ["config.development.json:config", "config.production.json:config"]);
  // The edit keeps the file's mode, tabs and CRLF line endings; only the members went.
  assert.equal(statSync(join(run.root, "config.production.json")).mode & 0o777, 0o640);
  const prod = readMigrated(run, "config.production.json");
  assert.match(prod, /^\{\r\n\t"url": "https:\/\/blog\.example\.org",\r\n\t"database": \{\r\n/);
  assert.ok(!/[^\r]\n/.test(prod), "LF-only line in a CRLF file");
  assert.match(prod, /"connection": \{ "host": "db\.internal", "user": "heron_prod", "database": "heron_prod" \}/);
  // Each value is in Vault where the plan says, per environment.
  const db = run.result.plan.secrets.find((s) => s.source.file === "config.production.json" && s.name === "database__connection__password")!;
  assert.equal(db.target.path, "heron-blog/production/database");
  const kv = await readKv(run, db.target.path);
  assert.ok(plantedIn(run, "config.production.json").includes(kv[db.target.key]!));
  assert.deepEqual(warningPlaces(run.result.plan.warnings, "config-env").sort(), ["config.development.json:", "config.production.json:"]);
  assert.match(run.result.plan.warnings.find((w) => w.code === "config-env")!.message, /vaultshift run --/);
  await assertRollback(run, suite.server);
});

test("nconf with the file before the environment (the file would win): the value must leave the file, and does", { timeout: 180_000 }, async () => {
  const run = await migrated(app("nconf-file-first", "ibis-forum", ENVS, "scripts/digest.js", { prepare: gitTree("nconf") }));
  assert.deepEqual(movedSecrets(run), ["config.json:email__smtpTransport__pass", "config.json:redis__password", "config.json:secret", "config.json:sso__github__clientSecret"]);
  // config.json names no environment: one location serves every environment.
  assert.deepEqual([...new Set(run.result.plan.secrets.map((s) => s.environment))], ["shared"]);
  assert.match(run.result.plan.secrets[0]!.reason, /reads the file before the environment/);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("node-config: default.json and production.json lose their secrets, custom-environment-variables.json maps them (its own mapping and layout kept)", { timeout: 180_000 }, async () => {
  const run = await migrated(app("node-config", "jacana-api", ENVS, "scripts/digest.js", { prepare: gitTree("config") }));
  assert.deepEqual(movedSecrets(run), ["config/default.json:DB_PASSWORD", "config/default.json:STRIPE_SECRET_KEY", "config/production.json:DB_PASSWORD", "config/production.json:STRIPE_SECRET_KEY"]);
  await assertMigrated(run, suite.server);
  assert.equal(readMigrated(run, "config/custom-environment-variables.json"), '{\n    "port": "PORT",\n    "db": {\n        "password": "DB_PASSWORD"\n    },\n    "stripe": {\n        "secretKey": "STRIPE_SECRET_KEY"\n    }\n}\n');
  // default.json is every environment's base; production.json's value wins in production.
  assert.deepEqual(
    run.result.plan.secrets.filter((s) => s.name === "DB_PASSWORD").map((s) => `${s.source.file}:${s.environment}`),
    ["config/default.json:shared", "config/production.json:production"],
  );
  await assertRollback(run, suite.server);
});

test("rc: .larkbotrc loses its Slack secrets, rc reads larkbot_slack__token", { timeout: 180_000 }, async () => {
  const run = await migrated(app("rc-app", "lark-bot", ENVS, "scripts/digest.js", { prepare: gitTree("rc") }));
  assert.deepEqual(movedSecrets(run), [".larkbotrc:larkbot_github__webhookSecret", ".larkbotrc:larkbot_openai__apiKey", ".larkbotrc:larkbot_slack__signingSecret", ".larkbotrc:larkbot_slack__token"]);
  await assertMigrated(run, suite.server);
  await assertRollback(run, suite.server);
});

test("Etherpad-style settings.json: a literal secret becomes ${NAME}, which the loader substitutes", { timeout: 180_000 }, async () => {
  const run = await migrated(app("settings-substitution", "kite-pad", ENVS, "scripts/digest.js", { prepare: gitTree() }));
  assert.deepEqual(movedSecrets(run), ["settings.json:DB_SETTINGS_PASSWORD", "settings.json:EP_OAUTH_CLIENT_SECRET", "settings.json:SESSION_KEY", "settings.json:USERS_ADMIN_PASSWORD"]);
  await assertMigrated(run, suite.server);
  const settings = JSON.parse(readMigrated(run, "settings.json")) as { dbSettings: { password: string }; sessionKey: string; port: string };
  assert.equal(settings.dbSettings.password, "${DB_SETTINGS_PASSWORD}");
  assert.equal(settings.sessionKey, "${SESSION_KEY}");
  assert.equal(settings.port, "${PORT:9001}");
  await assertRollback(run, suite.server);
});

test("refused with the reason: config.json read by require(), a webhook inside an array of an nconf file; the .env secret still moves", { timeout: 180_000 }, async () => {
  const run = await migrated(app("refusals", "magpie-jobs", ENVS, "scripts/digest.js", { prepare: gitTree("nconf"), underRun: false, links: ["dotenv"] }));
  assertSameBehaviour(run);
  assert.deepEqual(movedSecrets(run), [".env:QUEUE_PASSWORD"]);
  const notMigrated = run.result.plan.warnings.filter((w) => w.code === "not-migrated");
  const about = (file: string) => notMigrated.filter((w) => w.file === file).map((w) => w.message).join("\n");
  assert.match(about("config.json"), /config\.json is read by src\/settings\.js:5 as a plain file \(require, readFileSync, a JSON or YAML parse\), which takes no value from the environment/);
  assert.match(about("jobs.json"), /webhooks\[0\]|inside an array of jobs\.json/);
  // Neither file changed; the verdict names them.
  for (const file of ["config.json", "jobs.json"]) assert.ok(readFileSync(join(run.root, file)).equals(run.original.get(file)!), file);
  assert.equal(run.result.verification.verdict, "secrets-remaining");
  assertNoLeakOutsideTree(run);
  await assertRollback(run, suite.server);
});

// Beyond JSON (session 21, docs/migration.md "Session 21, configmig2"): node-config in YAML (comments,
// quoting styles, a mapping file in YAML) and in JSON with comments, a YAML file whose loader
// substitutes ${NAME}, Strapi's env('NAME', default) helper, and convict (schema defaults and env
// names, a loaded config/<env>.json).

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
