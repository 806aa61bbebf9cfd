import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { plan } from "./planner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("outside-uses");
after(() => tmp.remove());

const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);

const PW = "CANARY_pw_Hd8Jq2Lx5Wm9Rt";
const TOKEN = "CANARY_tok_Zp3Vn7Kc1Bs6Ye";

test("npm scripts, compose, Serverless and shell scripts that read a moved variable are named in the plan, without any value", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nDEPLOY_TOKEN=${TOKEN}\nPORT=3000\n`,
    "package.json": JSON.stringify({ name: "shop", scripts: { start: "node index.js", deploy: "dotenv -- sh -c 'curl -H \"Authorization: Bearer $DEPLOY_TOKEN\" https://x.test'", port: "echo $PORT" } }, null, 2) + "\n",
    "docker-compose.yml": `services:\n  web:\n    env_file: .env\n  db:\n    env_file:\n      - ./.env\n    environment:\n      POSTGRES_PASSWORD: \${DB_PASSWORD:-${PW}}\n`,
    "serverless.yml": "provider:\n  environment:\n    DB_PASSWORD: ${env:DB_PASSWORD}\n",
    "scripts/backup.sh": "#!/bin/sh\nPGPASSWORD=$DB_PASSWORD pg_dump shop\n",
    "index.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  const outside = p.warnings.filter((w) => w.code === "outside-use").map((w) => `${w.file}:${w.line}`);
  assert.deepEqual(outside.sort(), ["docker-compose.yml:3", "docker-compose.yml:6", "docker-compose.yml:8", "package.json:5", "scripts/backup.sh:2", "serverless.yml:3"]);
  const messages = p.warnings.map((w) => w.message).join("\n");
  assert.match(messages, /an npm script reads DEPLOY_TOKEN \(\$DEPLOY_TOKEN\)/);
  assert.match(messages, /docker compose reads DB_PASSWORD \(\$\{DB_PASSWORD\}\)/);
  assert.match(messages, /the Serverless Framework reads DB_PASSWORD \(\$\{env:DB_PASSWORD\}\)/);
  assert.match(messages, /docker compose passes \.env to a container \(env_file\); after the migration it no longer holds DB_PASSWORD, DEPLOY_TOKEN/);
  assert.ok(!messages.includes(PW) && !messages.includes(TOKEN), "a value (the compose default) in a warning");
  assert.ok(!p.warnings.some((w) => w.code === "outside-use" && /PORT/.test(w.message)), "config that stays in .env is not reported");
});

test("npm scripts that load a .env file themselves (dotenv-cli -e, env-cmd -f) are named with the environment their command read", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nPORT=3000\n`,
    ".env.production": `SMTP_PASSWORD=${TOKEN}\nPORT=80\n`,
    "package.json": JSON.stringify({ name: "jobs", scripts: { start: "node index.js", cron: "dotenv -e .env.production -- node cron.js", migrate: "env-cmd -f .env node migrate.js", plain: "dotenv -e .env.staging -- node x.js" } }, null, 2) + "\n",
    "index.js": "module.exports = process.env.DB_PASSWORD;\n",
    "cron.js": "module.exports = process.env.SMTP_PASSWORD;\n",
    "migrate.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  const scripts = p.warnings.filter((w) => w.code === "outside-use" && w.file === "package.json");
  assert.deepEqual(scripts.map((w) => w.line), [5, 6]);
  // dotenv-cli: apply names the file's environment in the script itself (-v), reversibly (package.json is backed up).
  assert.match(scripts[0]!.message, /"cron" loads \.env\.production \(dotenv-cli\).*SMTP_PASSWORD.*apply sets it to that file's environment in the script \(`dotenv -v VAULTSHIFT_ENV=production -e \.env\.production -- node cron\.js`\)/);
  // env-cmd without cross-env in the project: the line to add is given.
  assert.match(scripts[1]!.message, /"migrate" loads \.env \(env-cmd\).*DB_PASSWORD.*VAULTSHIFT_ENV=development.*cross-env VAULTSHIFT_ENV=development /);
  assert.deepEqual(p.scriptEnvironments, [{ file: "package.json", script: "cron", environment: "production" }]);
  assert.match(p.files.find((f) => f.file === "package.json")!.diff, /^\+    "cron": "dotenv -v VAULTSHIFT_ENV=production -e \.env\.production -- node cron\.js",$/m);
  assert.ok(!scripts.some((w) => w.message.includes(PW) || w.message.includes(TOKEN)));
  // With cross-env among the dependencies, env-cmd's script gets it too.
  const withCrossEnv = tree({
    ".env": `DB_PASSWORD=${PW}\n`,
    ".env.production": `SMTP_PASSWORD=${TOKEN}\n`,
    "package.json": JSON.stringify({ name: "jobs", scripts: { migrate: "env-cmd -f .env node migrate.js" }, devDependencies: { "cross-env": "^7.0.3" } }, null, 2) + "\n",
    "migrate.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const q = await plan({ root: withCrossEnv, env: {} });
  assert.deepEqual(q.scriptEnvironments, [{ file: "package.json", script: "migrate", environment: "development" }]);
  assert.match(q.files.find((f) => f.file === "package.json")!.diff, /^\+    "migrate": "cross-env VAULTSHIFT_ENV=development env-cmd -f \.env node migrate\.js"$/m);
});

test("an npm script whose loader (dotenv-cli's default .env, -e, env-cmd -f) starts a program other than node is named with that program and the variables it loses, and runs under `vaultshift run`; one whose file keeps nothing moved is not", async () => {
  const root = tree({
    ".env": `CYPRESS_MAILSLURP_API_KEY=${TOKEN}\nPULUMI_CONFIG_PASSPHRASE=${PW}\nPORT=3000\n`,
    ".env.ci": "CI_REGION=eu\n",
    "package.json": JSON.stringify({ name: "tools", scripts: { e2e: "dotenv -- cypress run --record", up: "npx dotenv -e .env -- pulumi up --yes", seed: "env-cmd -f .env terraform apply", region: "dotenv -e .env.ci -- aws s3 ls", headless: "CI=1 dotenv -- cypress run" } }, null, 2) + "\n",
    "index.js": "module.exports = process.env.PORT;\n",
  });
  const p = await plan({ root, env: {} });
  const scripts = p.warnings.filter((w) => w.code === "outside-use" && w.file === "package.json");
  assert.deepEqual(scripts.map((w) => w.line), [4, 5, 6, 8], "the region script's file holds nothing moved");
  assert.match(scripts[0]!.message, /"e2e" loads \.env \(dotenv-cli\) into the environment of `cypress`.*no longer holds CYPRESS_MAILSLURP_API_KEY, PULUMI_CONFIG_PASSPHRASE\. Apply runs the script under `vaultshift run` \(`vaultshift run --env development -- dotenv -- cypress run --record`\)/);
  assert.match(scripts[1]!.message, /"up" loads \.env \(dotenv-cli\) into the environment of `pulumi`.*`vaultshift run --env development -- npx dotenv -e \.env -- pulumi up --yes`/);
  assert.match(scripts[2]!.message, /"seed" loads \.env \(env-cmd\) into the environment of `terraform`.*`vaultshift run --env development -- env-cmd -f \.env terraform apply`/);
  // An assignment before the loader would be taken for the program by `vaultshift run`: said, not edited.
  assert.match(scripts[3]!.message, /"headless" .*runs without them\. Run it under `vaultshift run`.*`vaultshift run --env development -- npm run headless`/);
  assert.deepEqual(p.scriptEnvironments, ["e2e", "up", "seed"].map((script) => ({ file: "package.json", script, environment: "development", wrap: true })));
  // No code changed (PORT is config), but the scripts are edited and vaultshift becomes a dependency for its binary.
  const diff = p.files.find((f) => f.file === "package.json")!.diff;
  assert.match(diff, /^\+    "e2e": "vaultshift run --env development -- dotenv -- cypress run --record",$/m);
  assert.match(diff, /^\+    "vaultshift": "\^/m);
  assert.match(diff, /^ {5}"headless": "CI=1 dotenv -- cypress run"$/m);
  assert.ok(!scripts.some((w) => w.message.includes(PW) || w.message.includes(TOKEN)));
});

test("an npm script whose program preloads dotenv itself (graphql-codegen -r dotenv/config) is named and runs under `vaultshift run`; `node -r dotenv/config` is the app's own load", async () => {
  const root = tree({
    ".env": `GITHUB_TOKEN=${TOKEN}\nPORT=3000\n`,
    "package.json": JSON.stringify({ name: "dash", scripts: { codegen: "graphql-codegen -r dotenv/config --config codegen.yml", start: "node -r dotenv/config index.js" } }, null, 2) + "\n",
    "index.js": "module.exports = [process.env.PORT, process.env.GITHUB_TOKEN];\n",
  });
  const p = await plan({ root, env: {} });
  const scripts = p.warnings.filter((w) => w.code === "outside-use" && w.file === "package.json");
  assert.deepEqual(scripts.map((w) => w.line), [4]);
  assert.match(scripts[0]!.message, /"codegen" loads \.env \(-r dotenv\/config\) into the environment of `graphql-codegen`.*no longer holds GITHUB_TOKEN\. Apply runs the script under `vaultshift run` \(`vaultshift run --env development -- graphql-codegen -r dotenv\/config --config codegen\.yml`\)/);
  assert.deepEqual(p.scriptEnvironments, [{ file: "package.json", script: "codegen", environment: "development", wrap: true }]);
  const diff = p.files.find((f) => f.file === "package.json")!.diff;
  assert.match(diff, /^\+    "codegen": "vaultshift run --env development -- graphql-codegen -r dotenv\/config --config codegen\.yml",$/m);
  assert.match(diff, /^ {5}"start": "node -r dotenv\/config index\.js"/m);
  assert.ok(!scripts.some((w) => w.message.includes(TOKEN)));
});

test("a Cloudflare Worker project: the plan says that env bindings are not rewritten and .dev.vars secrets stay", async () => {
  const root = tree({
    "wrangler.toml": 'name = "edge"\nmain = "src/index.js"\n',
    ".dev.vars": `UPSTREAM_API_TOKEN=${TOKEN}\n`,
    "src/index.js": "export default { fetch(req, env) { return new Response(env.UPSTREAM_API_TOKEN); } };\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.warnings.filter((w) => w.code === "worker-bindings").map((w) => w.file), ["wrangler.toml"]);
  assert.deepEqual(p.warnings.filter((w) => w.code === "not-migrated").map((w) => w.file), [".dev.vars"], "the scanner reads .dev.vars as a dotenv file");
  assert.equal(p.secrets.length, 0);
});

test("inline code in a Procfile or an npm script reading process.env.NAME (node -e) is an outside use too; a longer name is not", async () => {
  const root = tree({
    ".env": `IMGPROXY_KEY=${TOKEN}\nDB_PASSWORD=${PW}\n`,
    Procfile: `web: node index.js\nrelease: node -e "if (!process.env.IMGPROXY_KEY) process.exit(1)"\ncheck: node -e "console.log(process.env.IMGPROXY_KEY_ID)"\n`,
    "package.json": JSON.stringify({ name: "thumbs", scripts: { check: `node -e "require('pg').connect(process.env['DB_PASSWORD'])"` } }, null, 2) + "\n",
    "index.js": "module.exports = [process.env.IMGPROXY_KEY, process.env.DB_PASSWORD];\n",
  });
  const p = await plan({ root, env: {} });
  const outside = p.warnings.filter((w) => w.code === "outside-use");
  assert.deepEqual(outside.map((w) => `${w.file}:${w.line}`).sort(), ["Procfile:2", "package.json:4"]);
  assert.match(outside.find((w) => w.file === "Procfile")!.message, /the Procfile reads IMGPROXY_KEY \(process\.env\.IMGPROXY_KEY\)/);
});

test("Prisma's env(\"NAME\") and sequelize-cli's use_env_variable reading a moved variable are named, with what to do; a config that stays is not", async () => {
  const root = tree({
    ".env": `DATABASE_URL=postgres://app:${PW}@db:5432/app\nLOG_URL=https://logs.example.test\n`,
    "prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n  shadowDatabaseUrl = env("LOG_URL")\n}\n',
    "config/config.json": JSON.stringify({ production: { use_env_variable: "DATABASE_URL", dialect: "postgres" }, test: { use_env_variable: "LOG_URL" } }, null, 2) + "\n",
    "index.js": "module.exports = process.env.DATABASE_URL;\n",
  });
  const p = await plan({ root, env: {} });
  const outside = p.warnings.filter((w) => w.code === "outside-use");
  assert.deepEqual(outside.map((w) => `${w.file}:${w.line}`).sort(), ["config/config.json:3", "prisma/schema.prisma:3"]);
  assert.match(outside.find((w) => w.file?.endsWith(".prisma"))!.message, /Prisma reads DATABASE_URL .*new PrismaClient\(\{ datasourceUrl: secrets\.DATABASE_URL \}\)/);
  assert.match(outside.find((w) => w.file?.endsWith(".json"))!.message, /sequelize-cli reads DATABASE_URL/);
  assert.ok(!outside.some((w) => w.message.includes(PW)));
});

test("code that loads one environment's .env file by a fixed name is named (env-file-pinned); a load chosen by NODE_ENV and a test setup file loading .env.test are not", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\n`,
    ".env.test": `E2E_PASSWORD=${TOKEN}\nDB_PASSWORD=CANARY_testpw_Qw8Er2Ty6Ui0\n`,
    "scripts/ci.js": `const path = require("path");\nrequire("dotenv").config({ path: path.join(__dirname, "..", ".env.test") });\nmodule.exports = process.env.E2E_PASSWORD;\n`,
    "knexfile.js": `require("dotenv").config({ path: process.env.NODE_ENV === "test" ? ".env.test" : ".env" });\nmodule.exports = process.env.DB_PASSWORD;\n`,
    "test/setup-env.js": `require("dotenv").config({ path: ".env.test" });\n`,
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.warnings.filter((w) => w.code === "env-file-pinned").map((w) => `${w.file}:${w.line}`), ["scripts/ci.js:2"]);
  const message = p.warnings.find((w) => w.code === "env-file-pinned")!.message;
  assert.match(message, /loads \.env\.test whatever NODE_ENV says, so this process read DB_PASSWORD, E2E_PASSWORD from it/);
  assert.match(message, /VAULTSHIFT_ENV=test/);
  assert.ok(!JSON.stringify(p.warnings).includes("CANARY"), "a value in a warning");
});

test("a registry token npm or Yarn expands from the environment (.npmrc, .yarnrc.yml ${NAME}) is an outside use; a token that stays is not", async () => {
  const root = tree({
    ".env": `FONTAWESOME_NPM_AUTH_TOKEN=${TOKEN}\nNPM_REGISTRY=https://npm.fontawesome.com/\n`,
    ".npmrc": "@fortawesome:registry=${NPM_REGISTRY}\n//npm.fontawesome.com/:_authToken=${FONTAWESOME_NPM_AUTH_TOKEN}\nengine-strict=true\n",
    ".yarnrc.yml": 'npmScopes:\n  fortawesome:\n    npmAuthToken: "${FONTAWESOME_NPM_AUTH_TOKEN}"\n',
    "package.json": JSON.stringify({ name: "icons", scripts: { "install:ci": "dotenv -e .env -- npm ci" } }, null, 2) + "\n",
    "index.js": "module.exports = process.env.FONTAWESOME_NPM_AUTH_TOKEN;\n",
  });
  const p = await plan({ root, env: {} });
  const outside = p.warnings.filter((w) => w.code === "outside-use");
  assert.deepEqual(outside.map((w) => `${w.file}:${w.line}`).sort(), [".npmrc:2", ".yarnrc.yml:3"]);
  assert.match(outside.find((w) => w.file === ".npmrc")!.message, /npm \(\.npmrc, expanded from the environment of each npm command\) reads FONTAWESOME_NPM_AUTH_TOKEN \(\$\{FONTAWESOME_NPM_AUTH_TOKEN\}\)/);
  assert.ok(!outside.some((w) => w.message.includes(TOKEN)));
});

test("direnv: an .envrc that loads a .env file holding moved variables (dotenv, dotenv FILE, dotenv_if_exists FILE) or reads one ($NAME) is named; a file with none is not", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nPORT=3000\n`,
    ".env.tools": "LOG_LEVEL=debug\n",
    ".envrc": "export NODE_ENV=development\ndotenv\ndotenv_if_exists .env.tools\ndotenv ./.env\nexport PGPASSWORD=$DB_PASSWORD\n",
    "index.js": "module.exports = process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  const outside = p.warnings.filter((w) => w.code === "outside-use");
  assert.deepEqual(outside.map((w) => `${w.file}:${w.line}`), [".envrc:2", ".envrc:4", ".envrc:5"]);
  assert.match(outside[0]!.message, /direnv loads \.env into your shell \(dotenv\); after the migration it no longer holds DB_PASSWORD/);
  assert.match(outside[2]!.message, /direnv \(\.envrc\) reads DB_PASSWORD \(\$DB_PASSWORD\)/);
});

test("code that loads only the plain .env, development's file, in every mode, where .env.production gives the same names other values, is named (env-file-pinned); a load beside .env.<mode>, one by NODE_ENV, and a .env that is a base layer are not", async () => {
  const files = {
    ".env": `DATABASE_URL=postgres://app:${PW}@localhost/app\nSEED_TOKEN=${TOKEN}\n`,
    ".env.production": "DATABASE_URL=postgres://app:CANARY_prodpw_Lm4Nb8Vc2Xz6@db/app\n", // vaultshift:allow
    "scripts/seed.js": `require("dotenv").config();\nmodule.exports = [process.env.DATABASE_URL, process.env.SEED_TOKEN];\n`,
    "src/server.js": `require("dotenv").config({ path: process.env.NODE_ENV === "production" ? ".env.production" : ".env" });\nmodule.exports = process.env.DATABASE_URL;\n`,
  };
  const p = await plan({ root: tree(files), env: {} });
  const pinned = p.warnings.filter((w) => w.code === "env-file-pinned");
  assert.deepEqual(pinned.map((w) => `${w.file}:${w.line}`), ["scripts/seed.js:1"]);
  // Only the names production's own file sets: SEED_TOKEN has no other value anywhere.
  assert.match(pinned[0]!.message, /loads \.env, development's file, whatever NODE_ENV says .* under production this process read development's DATABASE_URL from it/);
  assert.match(pinned[0]!.message, /VAULTSHIFT_ENV=development/);
  assert.ok(!JSON.stringify(p.warnings).includes("CANARY"), "a value in a warning");
  // .env beside .env.<mode> in the same file: a layered base, read in every mode as before.
  const layered = await plan({ root: tree({ ...files, "scripts/seed.js": "require('dotenv').config({ path: [`.env.${process.env.NODE_ENV}`, '.env'] });\nmodule.exports = process.env.DATABASE_URL;\n" }), env: {} });
  assert.deepEqual(layered.warnings.filter((w) => w.code === "env-file-pinned"), []);
});

test("programs in other languages that read a moved variable (Python, Ruby, Go, PHP) are named once per name and file, at the first read; a name that stays, a PHP $NAME variable and a longer name are not", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nDEPLOY_TOKEN=${TOKEN}\nPORT=3000\n`,
    "package.json": `{ "name": "shop" }\n`,
    "index.js": "module.exports = [process.env.DB_PASSWORD, process.env.DEPLOY_TOKEN];\n",
    "jobs/export.py": `import os\nport = os.environ.get("PORT")\ndsn = f"postgresql://app:{os.environ['DB_PASSWORD']}@db/app"\nagain = os.getenv("DB_PASSWORD")\n`,
    "bin/deploy.rb": `token = ENV.fetch("DEPLOY_TOKEN")\nold = ENV["DEPLOY_TOKEN_OLD"]\n`,
    "tools/main.go": `package main\n\nimport "os"\n\nfunc main() { _ = os.Getenv("DB_PASSWORD") }\n`,
    "public/index.php": `<?php\n$DB_PASSWORD = "x";\n$token = $_ENV['DEPLOY_TOKEN'] ?? getenv('DEPLOY_TOKEN');\n`,
  });
  const p = await plan({ root, env: {} });
  const outside = p.warnings.filter((w) => w.code === "outside-use");
  assert.deepEqual(outside.map((w) => `${w.file}:${w.line}`).sort(), ["bin/deploy.rb:1", "jobs/export.py:3", "public/index.php:3", "tools/main.go:5"]);
  const py = outside.find((w) => w.file === "jobs/export.py")!.message;
  assert.match(py, /^jobs\/export\.py:3: a Python program reads DB_PASSWORD \(os\.environ\['DB_PASSWORD'\]\), which moves from \.env to Vault/);
  assert.match(py, /vaultshift rewrites JavaScript and TypeScript only/);
  assert.match(outside.find((w) => w.file === "bin/deploy.rb")!.message, /a Ruby program reads DEPLOY_TOKEN \(ENV\.fetch\("DEPLOY_TOKEN"\)\)/);
  assert.ok(!outside.map((w) => w.message).join("\n").includes(PW) && !outside.map((w) => w.message).join("\n").includes(TOKEN));
});

test("task runners: mise ([env] _.file, {{env.NAME}}, get_env), Task (dotenv:, {{.NAME}}) and just (set dotenv-load, env_var) loading or templating a moved variable are named; a name that stays is not", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nAPI_TOKEN=${TOKEN}\nPORT=3000\n`,
    ".env.tools": "LOG_LEVEL=debug\n",
    "mise.toml": `[env]\n_.file = [".env", ".env.tools"]\nDATABASE_URL = "postgres://app:{{env.DB_PASSWORD}}@db/app"\nLISTEN = "{{ env.PORT }}"\nAUTH = "Bearer {{ get_env(name='API_TOKEN', default='') }}"\n`,
    "mise.production.toml": `[env]\nDATABASE_URL = "postgres://app:{{ env.DB_PASSWORD }}@prod/app"\n`,
    "Taskfile.yml": `version: '3'\ndotenv: ['.env']\ntasks:\n  seed:\n    cmds:\n      - psql "postgres://app:{{.DB_PASSWORD}}@db/app" -f seed.sql\n`,
    "justfile": `set dotenv-load\n\ndeploy:\n    curl -H "Authorization: Bearer {{env_var('API_TOKEN')}}" https://x.test\n`,
    "index.js": "module.exports = [process.env.DB_PASSWORD, process.env.API_TOKEN];\n",
  });
  const p = await plan({ root, env: {} });
  const outside = p.warnings.filter((w) => w.code === "outside-use");
  assert.deepEqual(outside.map((w) => `${w.file}:${w.line}`).sort(), ["Taskfile.yml:2", "Taskfile.yml:6", "justfile:1", "justfile:4", "mise.production.toml:2", "mise.toml:2", "mise.toml:3", "mise.toml:5"]);
  const at = (place: string) => outside.find((w) => `${w.file}:${w.line}` === place)!.message;
  assert.match(at("mise.toml:2"), /mise loads \.env into its tasks' environment; after the migration it no longer holds API_TOKEN, DB_PASSWORD/);
  assert.match(at("mise.toml:3"), /mise \(its \[env\] templates are rendered before any task runs\) reads DB_PASSWORD \(\{\{env\.DB_PASSWORD\}\}\)/);
  assert.match(at("mise.toml:5"), /reads API_TOKEN \(get_env\(name='API_TOKEN'\)/);
  assert.match(at("Taskfile.yml:6"), /Task \(Taskfile\) reads DB_PASSWORD \(\{\{\.DB_PASSWORD\}\}\)/);
  assert.match(at("justfile:4"), /just \(justfile\) reads API_TOKEN \(env_var\('API_TOKEN'\)\)/);
  assert.ok(!outside.some((w) => /Prisma/.test(w.message)), "just's env_var is not Prisma's env()");
  assert.ok(!outside.some((w) => /\.env\.tools|PORT/.test(w.message)), "a file and a name that keep nothing moved");
  assert.ok(!outside.some((w) => w.message.includes(PW) || w.message.includes(TOKEN)));
});

test("a repository without JavaScript: a Python read is named once (outside-use), a name nothing reads is not said to be set by a secrets module that is never written", async () => {
  const root = tree({
    ".env": `DB_PASSWORD=${PW}\nDEPLOY_TOKEN=${TOKEN}\nDEBUG=1\n`,
    "app.py": 'import os\npw = os.environ["DB_PASSWORD"]\n',
    "requirements.txt": "python-dotenv\n",
  });
  const p = await plan({ root, env: {} });
  assert.equal(p.secretsModule, null, "no code of the app changes: no secrets module");
  assert.deepEqual(p.warnings.filter((w) => w.code === "outside-use").map((w) => `${w.file}:${w.line}`), ["app.py:2"]);
  // The module that would set it in process.env does not exist: the warning says what to do instead.
  assert.ok(!p.warnings.some((w) => w.code === "library-read"), "library-read promises a secrets module the plan does not write");
  const unread = p.warnings.filter((w) => w.code === "unread-by-app");
  assert.equal(unread.length, 1);
  assert.match(unread[0]!.message, /^DEPLOY_TOKEN is read by no JavaScript or TypeScript of this app, so no secrets module is written/);
  assert.match(unread[0]!.message, /from \.env .*vaultshift run -- <command>/);
  assert.ok(!unread[0]!.message.includes("DB_PASSWORD"), "a name the Python program reads is explained by its own warning");
  const messages = p.warnings.map((w) => w.message).join("\n");
  assert.ok(!messages.includes(PW) && !messages.includes(TOKEN), "a value in a warning");
});

test("a framework that reads the secrets through its own env(\"X\") helper (a Strapi project): with no process.env read in the app no secrets module is written, and the plan says nothing loads them, not that a secrets module sets them", async () => {
  const root = tree({
    ".env": `ADMIN_JWT_SECRET=${TOKEN}\nDATABASE_PASSWORD=${PW}\nJWT_SECRET=${TOKEN}j\nHOST=0.0.0.0\n`,
    "package.json": JSON.stringify({ name: "cms", private: true, dependencies: { "@strapi/strapi": "5.0.0" } }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "CommonJS", outDir: "dist" } }),
    "config/admin.ts": "const config = ({ env }) => ({\n  auth: { secret: env('ADMIN_JWT_SECRET') },\n});\nexport default config;\n",
    "config/database.ts": "export default ({ env }) => ({\n  connection: { host: env('DATABASE_HOST', 'localhost'),\n    password: env('DATABASE_PASSWORD', 'strapi') },\n});\n",
  });
  const p = await plan({ root, env: {} });
  assert.equal(p.secretsModule, null, "no code of the app reads process.env: no secrets module");
  assert.ok(!p.warnings.some((w) => w.code === "library-read"), "library-read promises a secrets module the plan does not write");
  const unread = p.warnings.filter((w) => w.code === "unread-by-app");
  const helper = unread.find((w) => w.message.includes("config helper"))!;
  assert.match(helper.message, /^ADMIN_JWT_SECRET, DATABASE_PASSWORD are named by the code other than as a process\.env read \(ADMIN_JWT_SECRET at config\/admin\.ts:2, DATABASE_PASSWORD at config\/database\.ts:3\)/);
  assert.match(helper.message, /no secrets module is written and nothing of the app loads them from Vault: the framework that read them from \.env finds nothing.*vaultshift run -- <command>/);
  assert.equal(`${helper.file}:${helper.line}`, "config/admin.ts:2");
  assert.ok(unread.some((w) => /^JWT_SECRET is read by no JavaScript/.test(w.message)), "the name no file names keeps its own warning");
  const messages = p.warnings.map((w) => w.message).join("\n");
  assert.ok(!messages.includes(PW) && !messages.includes(TOKEN), "a value in a warning");
});

test("a monorepo with a Python service: the secrets its own .env holds and only it reads stay out of the Node app's process.env; the Node package's own ones and a name JavaScript reads are set as before", async () => {
  const root = tree({
    "package.json": JSON.stringify({ name: "mono", private: true, workspaces: ["services/api"] }),
    "services/api/package.json": JSON.stringify({ name: "@mono/api", type: "module", dependencies: { dotenv: "^16.0.0", stripe: "^14.0.0" } }),
    "services/api/.env": `STRIPE_SECRET_KEY=${TOKEN}\nSENTRY_AUTH=${PW}x\n`,
    "services/api/src/index.js": 'import "dotenv/config";\nexport const stripe = process.env.STRIPE_SECRET_KEY;\n',
    "services/worker/requirements.txt": "python-dotenv\n",
    "services/worker/.env": `SLACK_BOT_TOKEN=${TOKEN}y\nDB_PASSWORD=${PW}\n`,
    "services/worker/worker.py": 'import os\nslack = os.environ["SLACK_BOT_TOKEN"]\npw = os.getenv("DB_PASSWORD")\n',
    "services/worker/tasks/notify.js": "module.exports = () => process.env.DB_PASSWORD;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.warnings.filter((w) => w.code === "outside-use").map((w) => w.file).sort(), ["services/worker/worker.py", "services/worker/worker.py"]);
  // SENTRY_AUTH: read by no code, from the Node package's .env (a library's); SLACK_BOT_TOKEN: only the Python service's.
  // DB_PASSWORD: the Python service's too, but JavaScript reads it by name (rewritten, not exported).
  assert.deepEqual(p.envExports, ["SENTRY_AUTH"]);
  assert.ok(p.secrets.some((s) => s.name === "SLACK_BOT_TOKEN"), "the Python service's secret still moves (its outside-use says how to run it)");
});

test("a program that loads .env itself (the Prisma CLI) runs under `vaultshift run`; a loader's file is judged by its own entry of a name, not by another file's", async () => {
  const root = tree({
    ".env": `DATABASE_URL=postgresql://shop:${PW}@localhost:5432/shop\nSHOP=dev\n`,
    ".env.production": `DATABASE_URL=postgresql://shop:${TOKEN}@db.internal:5432/shop\n`,
    "prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
    "package.json": JSON.stringify({ name: "shop", scripts: { migrate: "npx prisma migrate deploy", "migrate:prod": "dotenv -e .env.production -- prisma migrate deploy", lint: "eslint ." } }, null, 2) + "\n",
    "src/config.js": 'require("dotenv").config({ path: [`.env.${process.env.NODE_ENV}`, ".env"] });\nmodule.exports = process.env.SHOP;\n',
  });
  const p = await plan({ root, env: {} });
  const scripts = p.warnings.filter((w) => w.code === "outside-use" && w.file === "package.json");
  assert.deepEqual(scripts.map((w) => w.line), [4, 5]);
  // .env is every environment's base layer here: the CLI reads the environment NODE_ENV names, as the app does.
  assert.match(scripts[0]!.message, /"migrate" loads \.env \(read by prisma itself\) into the environment of `prisma`.*`vaultshift run -- npx prisma migrate deploy`/);
  // DATABASE_URL is also in .env (shared): .env.production's own entry says which environment the script read.
  assert.match(scripts[1]!.message, /`vaultshift run --env production -- dotenv -e \.env\.production -- prisma migrate deploy`/);
  assert.deepEqual(p.scriptEnvironments, [
    { file: "package.json", script: "migrate", environment: "shared", wrap: true },
    { file: "package.json", script: "migrate:prod", environment: "production", wrap: true },
  ]);
  assert.ok(!scripts.some((w) => w.message.includes(PW) || w.message.includes(TOKEN)));
});

test("an npm script running just, whose justfile loads a dotenv file (set dotenv-load, dotenv-filename) or whose flag names one, runs under `vaultshift run`; a justfile loading none does not", async () => {
  const root = tree({
    ".env": `STATUS_TOKEN=${TOKEN}\nPAGE=dev\n`,
    ".env.production": `STATUS_TOKEN=${PW}\n`,
    justfile: 'set dotenv-load\n\nping:\n    curl -H "Authorization: OAuth $STATUS_TOKEN" https://x.test\n',
    "package.json": JSON.stringify({ name: "status", scripts: { ping: "just ping", "ping:prod": "just --dotenv-filename .env.production ping" } }, null, 2) + "\n",
    "src/a.js": "module.exports = process.env.STATUS_TOKEN;\n",
  });
  const p = await plan({ root, env: {} });
  assert.deepEqual(p.scriptEnvironments, [
    { file: "package.json", script: "ping", environment: "development", wrap: true },
    { file: "package.json", script: "ping:prod", environment: "production", wrap: true },
  ]);
  const diff = p.files.find((f) => f.file === "package.json")!.diff;
  assert.match(diff, /^\+    "ping:prod": "vaultshift run --env production -- just --dotenv-filename \.env\.production ping"$/m);
  const none = tree({ ".env": `STATUS_TOKEN=${TOKEN}\n`, justfile: "ping:\n    node src/a.js\n", "package.json": JSON.stringify({ name: "s", scripts: { ping: "just ping" } }, null, 2) + "\n", "src/a.js": "module.exports = process.env.STATUS_TOKEN;\n" });
  assert.equal((await plan({ root: none, env: {} })).scriptEnvironments, undefined);
});
