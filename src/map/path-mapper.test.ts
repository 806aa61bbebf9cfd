import { test } from "node:test";
import assert from "node:assert/strict";
import { dotenvLoads, environmentOf, environmentsOfFiles, envrcLoadOrder, isEnvFile, isEnvTemplate, loadedFirst, namesEnvironment } from "./environment.js";
import { groupOf, lowerSnake, providerQualifiedName } from "./group.js";
import { checkTemplate, findCollisions, mapLocation, sanitizePath } from "./path-mapper.js";
import { PlanError } from "../errors.js";

test("environment from the .env file name", () => {
  const cases: [string, string][] = [
    [".env", "development"],
    [".env.local", "development"],
    [".env.production", "production"],
    [".env.prod", "production"],
    [".env.production.local", "production"],
    [".env.staging", "staging"],
    [".env.stg", "staging"],
    [".env.test", "test"],
    ["config/.env.qa", "qa"],
    ["prod.env", "production"],
    [".env.eu-west", "eu-west"],
    // Nx names files by target and configuration: the environment word wins wherever it stands.
    [".env.serve.production", "production"],
    ["apps/api/.serve.production.env", "production"],
    [".build.staging.env", "staging"],
    [".env.eu-west.prod", "production"],
    [".local.env", "development"],
    ["backend.local.env", "backend"],
    // A <name>.env naming no environment takes its folder's (Kustomize overlays, deploy/<env>/):
    // the nearest folder that is an environment word; .env and .env.<word> keep their name's rule.
    ["k8s/overlays/production/secrets.env", "production"],
    ["deploy/staging/app.env", "staging"],
    ["env/prod/eu/db.env", "production"],
    ["k8s/overlays/prod/config/app.env", "production"],
    ["k8s/overlays/production/.env", "development"],
    ["deploy/production/.env.staging", "staging"],
    ["deploy/production/staging.env", "staging"],
    ["local/secrets.env", "secrets"],
    ["config/app.env", "app"],
  ];
  for (const [file, env] of cases) assert.equal(environmentOf(file), env, file);
});

test("templates and non-dotenv files are not sources", () => {
  for (const f of [".env.example", ".env.sample", "app/.env.template", "example.env", ".env.production.dist"]) assert.equal(isEnvTemplate(f), true, f);
  for (const f of [".env", ".env.production", "prod.env"]) assert.equal(isEnvTemplate(f), false, f);
  assert.equal(isEnvFile(".envrc"), false);
  assert.equal(isEnvFile("environment.ts"), false);
  assert.equal(isEnvFile("docker/.env.staging"), true);
});

test("group and key from the variable name", () => {
  const cases: [string, string, string][] = [
    ["DB_PASSWORD", "database", "password"],
    ["DATABASE_URL", "database", "url"],
    ["PGPASSWORD", "database", "password"],
    ["AWS_SECRET_ACCESS_KEY", "aws", "secret_access_key"],
    ["STRIPE_SECRET_KEY", "stripe", "secret_key"],
    ["NEW_RELIC_LICENSE_KEY", "newrelic", "license_key"],
    ["JWT_SECRET", "jwt", "secret"],
    ["SESSION_SECRET", "app", "session_secret"],
    ["stripeKey", "stripe", "key"],
    ["NEXT_PUBLIC_STRIPE_KEY", "stripe", "key"],
  ];
  for (const [name, group, key] of cases) assert.deepEqual(groupOf(name), { group, key }, name);
  assert.equal(lowerSnake("myAPIKey"), "my_api_key");
  // n8n's N8N_ENCRYPTION_KEY became n8_n_encryption_key: a digit inside an upper-case word splits nothing.
  for (const [name, snake] of [["N8N_ENCRYPTION_KEY", "n8n_encryption_key"], ["K8S_TOKEN", "k8s_token"], ["oauth2Token", "oauth2_token"], ["base64URL", "base64_url"], ["S3Bucket", "s3_bucket"], ["awsS3SecretKey", "aws_s3_secret_key"], ["V2_API_KEY", "v2_api_key"]]) {
    assert.equal(lowerSnake(name), snake, name);
  }
});

test("mapLocation fills the templates and keeps {environment} for bindings", () => {
  const t = { env: "{app}/{environment}/{group}", literal: "{app}/shared/{group}" };
  assert.deepEqual(mapLocation({ name: "DB_PASSWORD", environment: "production", from: "dotenv" }, "shop", t), {
    path: "shop/production/database",
    pathTemplate: "shop/{environment}/database",
    key: "password",
    group: "database",
  });
  assert.equal(mapLocation({ name: "stripeKey", environment: "shared", from: "literal" }, "shop", t).path, "shop/shared/stripe");
  assert.equal(mapLocation({ name: "X_TOKEN", environment: "dev", from: "dotenv" }, "shop", { ...t, env: "teams/{app}//{group}/" }).path, "teams/shop/app");
});

test("path sanitising removes traversal and Vault-invalid trailing periods", () => {
  assert.equal(sanitizePath("/a/../b/./c./"), "a/b/c");
  assert.equal(sanitizePath("my app/x y"), "my-app/x-y");
});

test("templates with unknown placeholders are refused", () => {
  assert.throws(() => checkTemplate("{app}/{team}/{group}", "environment"), (e: unknown) => e instanceof PlanError && /\{team\}/.test((e as Error).message));
  assert.doesNotThrow(() => checkTemplate("{app}/{environment}/{group}", "environment"));
});

test("two values for one location stop the plan and name both sources, never the values", () => {
  const value1 = "CANARY_collision_one_8f7d6s";
  const value2 = "CANARY_collision_two_1a2b3c";
  let caught: unknown;
  try {
    findCollisions([
      { mount: "secret", path: "shop/development/database", key: "password", fingerprint: "aa", where: ".env:1 DB_PASSWORD", redacted: "CA…(27 chars)" },
      { mount: "secret", path: "shop/development/database", key: "password", fingerprint: "bb", where: ".env.local:3 DB_PASSWORD", redacted: "CA…(27 chars)" },
    ]);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof PlanError);
  const text = `${(caught as PlanError).message} ${(caught as PlanError).hint}`;
  assert.match(text, /\.env:1 DB_PASSWORD/);
  assert.match(text, /\.env\.local:3 DB_PASSWORD/);
  assert.match(text, /secret\/shop\/development\/database key "password"/);
  assert.ok(!text.includes(value1) && !text.includes(value2));
  // The way out that works: a path template cannot separate one variable's two values.
  assert.match(text, /rename the variable in one of them/);
  assert.doesNotMatch(text, /templates/);
  // Equal fingerprints at one location are one secret, not a collision.
  assert.doesNotThrow(() =>
    findCollisions([
      { mount: "secret", path: "p", key: "k", fingerprint: "aa", where: "a", redacted: "" },
      { mount: "secret", path: "p", key: "k", fingerprint: "aa", where: "b", redacted: "" },
    ]),
  );
});

test("a collision between two packages of a monorepo says that each package can be migrated on its own; one between the root and a package does not", () => {
  const hintOf = (dirs: [string, string]): string => {
    try {
      findCollisions(dirs.map((d, i) => ({ mount: "secret", path: "mono/development/database", key: "url", fingerprint: `f${i}`, where: `${d ? `${d}/` : ""}.env:1 DATABASE_URL`, redacted: "po…(40 chars)", packageDir: d })));
    } catch (error) {
      return (error as PlanError).hint ?? "";
    }
    assert.fail("no collision");
  };
  const hint = hintOf(["services/api", "services/worker"]);
  assert.match(hint, /different packages \(services\/api, services\/worker\): migrate each package on its own \(`cd services\/api && vaultshift migrate`/);
  assert.match(hint, /rename the variable in one of them/);
  assert.doesNotMatch(hintOf(["", "services/worker"]), /migrate each package on its own/, "the root's .env is read by the packages too: renaming is the way");
});

test("namesEnvironment: .env.<mode> and <environment>.env name one; .env, .env.local and <other word>.env do not", () => {
  for (const yes of [".env.production", "config/.env.eu-west", ".env.test.local", "prod.env", "deploy/staging.env", "live.env", ".serve.production.env", "k8s/overlays/staging/secrets.env"]) assert.equal(namesEnvironment(yes), true, yes);
  for (const no of [".env", ".env.local", "config/app.env", "docker.env", "secrets.env", "backend.local.env"]) assert.equal(namesEnvironment(no), false, no);
});

test("a lone <name>.env that names no environment (dotenv_config_path=config/app.env) serves every environment, as a lone .env does", () => {
  assert.deepEqual(environmentsOfFiles([{ file: "config/app.env", environment: "app" }]), { environments: ["app"], fallbackEnvironment: "app" });
  assert.deepEqual(environmentsOfFiles([{ file: ".env", environment: "development" }]), { environments: ["development"], fallbackEnvironment: "development" });
  // A file that names its environment serves only that one.
  assert.deepEqual(environmentsOfFiles([{ file: "prod.env", environment: "production" }]), { environments: ["production"] });
  assert.deepEqual(environmentsOfFiles([{ file: "app.env", environment: "app" }, { file: ".env.production", environment: "production" }]), { environments: ["app", "production"] });
});

test("dotenvLoads / loadedFirst: the .env files the code loads, in order; the first of one directory wins unless the later overrides", () => {
  const text = `import "dotenv/config";\nconst dotenv = require("dotenv");\ndotenv.config({ path: path.join(__dirname, "..", ".env.local") });\ndotenv.config({ path: [\`.env.\${mode}\`, "config/app.env"], override: true });\nlib.config({ retries: 3 });\n`;
  assert.deepEqual(dotenvLoads(text), [
    { written: ".env", override: false },
    { written: ".env.local", override: false },
    { written: "config/app.env", override: true },
  ]);
  assert.deepEqual(dotenvLoads("config();\nconfig({ path: '.env' })"), [], "no dotenv in the file");
  const envFiles = ["deploy/.env", "deploy/.env.local", "other/.env", "config/app.env"];
  const twice = `require("dotenv").config({ path: ".env.local" });\nrequire("dotenv").config();\n`;
  assert.deepEqual(loadedFirst("bin/start.js", twice, envFiles), [["deploy/.env.local", "deploy/.env"]]);
  const overriding = `require("dotenv").config();\nrequire("dotenv").config({ path: ".env.local", override: true });\n`;
  assert.deepEqual(loadedFirst("bin/start.js", overriding, envFiles), [["deploy/.env.local", "deploy/.env"]]);
  assert.deepEqual(loadedFirst("a.js", `require("dotenv").config();\n`, envFiles), []);
});

test("envrcLoadOrder: direnv's dotenv/dotenv_if_exists lines in order, the later file the winner, paths from the .envrc's directory", () => {
  const files = [".env", ".env.local", "api/.env", "api/.env.local", "config/dev.env"];
  assert.deepEqual(envrcLoadOrder(".envrc", "export A=1\ndotenv\ndotenv_if_exists .env.local\n", files), [[".env.local", ".env"]]);
  assert.deepEqual(envrcLoadOrder(".envrc", 'dotenv "config/dev.env"\n  dotenv_if_exists ./.env # base\n', files), [[".env", "config/dev.env"]]);
  assert.deepEqual(envrcLoadOrder("api/.envrc", "dotenv\ndotenv .env.local\n", files), [["api/.env.local", "api/.env"]]);
  // Outside the project, a file that is not one of the .env files, a source_env or a comment: not a load.
  assert.deepEqual(envrcLoadOrder("api/.envrc", "dotenv ../../elsewhere/.env\ndotenv\n# dotenv .env.local\nsource_env ..\n", files), []);
  assert.deepEqual(envrcLoadOrder(".envrc", "dotenv_if_exists\n", files), []);
});

test("a hard-coded secret under a name without a provider is named after the provider whose rule found it", () => {
  const cases: [string, string, string][] = [
    ["pass", "sendgrid-api-key", "SENDGRID_PASS"],
    ["apiKey", "openai-api-key", "OPENAI_API_KEY"],
    ["token", "github-pat-fine-grained", "GITHUB_TOKEN"],
    ["secret", "new-relic-license-key", "NEW_RELIC_SECRET"],
    // Already grouped, a rule that names no provider, or a literal assigned to process.env.X: unchanged.
    ["stripeKey", "stripe-secret-key", "stripeKey"],
    ["DB_PASSWORD", "generic-password", "DB_PASSWORD"],
    ["pass", "generic-password", "pass"],
    ["pass", "js-hardcoded-secret", "pass"],
    ["process.env.API_KEY", "openai-api-key", "process.env.API_KEY"],
  ];
  for (const [name, rule, expected] of cases) assert.equal(providerQualifiedName(name, rule), expected, `${name} / ${rule}`);
  assert.deepEqual(groupOf(providerQualifiedName("pass", "sendgrid-api-key")), { group: "sendgrid", key: "pass" });
});
