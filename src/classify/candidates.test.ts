import { test, after } from "node:test";
import assert from "node:assert/strict";
import { collectCandidates } from "./candidates.js";
import { classifyVariable } from "./index.js";
import { tempDir, writeTree } from "../migrate/testing.js";
import { symlinkSync } from "node:fs";
import { join } from "node:path";

const tmp = tempDir("candidates");
after(() => tmp.remove());

const tree = (files: Record<string, string>): string => writeTree(tmp.dir, files);

test("every .env key is a secret or config; templates, node_modules and empty values are skipped", () => {
  const root = tree({
    ".env": "PORT=3000\nDB_PASSWORD=Xk9mP2vL8qR4nZ7wQ3\nEMPTY_SECRET=\n",
    ".env.production": "DB_PASSWORD=Lp4Xs8Ne2Wq6Ry9UeT\n",
    ".env.example": "DB_PASSWORD=changeme-but-long-enough\n",
    "node_modules/x/.env": "DB_PASSWORD=Zz9mP2vL8qR4nZ7wQ3\n",
  });
  const c = collectCandidates(root);
  assert.deepEqual(c.envFiles, [".env", ".env.production"]);
  assert.deepEqual(
    c.secrets.map((s) => [s.source.file, s.name, s.environment, s.source.line]),
    [
      [".env", "DB_PASSWORD", "development", 2],
      [".env.production", "DB_PASSWORD", "production", 1],
    ],
  );
  assert.equal(c.secrets[0]!.value, "Xk9mP2vL8qR4nZ7wQ3");
  assert.deepEqual(c.config.map((x) => x.name), ["PORT"]);
});

test("a provider token is a secret whatever the variable is called; the classifier can be replaced", () => {
  const root = tree({ ".env": "SOME_SETTING=sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q\nOTHER=plain\n" }); // vaultshift:allow
  const c = collectCandidates(root, { classify: () => ({ verdict: "config", confidence: 0.5, reason: "test says config" }) });
  assert.deepEqual(c.secrets.map((s) => s.name), ["SOME_SETTING"]);
  assert.equal(c.secrets[0]!.kind, "api-key");
  assert.deepEqual(c.config.map((x) => x.name), ["OTHER"]);
});

test("hard-coded literals in JS/TS carry their exact position", () => {
  const text = 'import x from "y";\nexport const stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q";\n'; // vaultshift:allow
  const root = tree({ "src/pay.ts": text });
  const c = collectCandidates(root);
  assert.equal(c.secrets.length, 1);
  const s = c.secrets[0]!;
  assert.equal(s.source.type, "literal");
  assert.equal(s.environment, "shared");
  assert.equal(s.name, "stripeKey");
  assert.equal(text.slice(s.source.start, s.source.end), "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q"); // vaultshift:allow
  assert.equal(s.source.line, 2);
  assert.equal(text.split("\n")[1]!.slice(s.source.column - 1, s.source.endColumn! - 1), "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q"); // vaultshift:allow
});

test("environment names can come from config", () => {
  const root = tree({ "deploy/live.env": "API_SECRET=Xk9mP2vL8qR4nZ7wQ3aa\n" });
  const c = collectCandidates(root, { environments: { "live.env": "production-eu" } });
  assert.equal(c.secrets[0]!.environment, "production-eu");
});

test("layered .env files: with a .env.development beside it, or a layering loader in package.json, .env is the base of every environment", () => {
  const layered = tree({
    ".env": "DB_PASSWORD=Xk9mP2vL8qR4nZ7wQ3\n",
    ".env.development": "API_SECRET=Qw8eR4tY7uI2oP5aS9\n",
    "packages/a/.env": "DB_PASSWORD=Nm3bV6cX9zL2kJ5hG8\n",
  });
  const c = collectCandidates(layered);
  assert.deepEqual(c.layeredDirs, [""]);
  assert.deepEqual(
    c.secrets.map((s) => [s.source.file, s.environment]),
    [
      [".env", "shared"],
      [".env.development", "development"],
      ["packages/a/.env", "development"],
    ],
  );
  const next = tree({ "package.json": JSON.stringify({ dependencies: { next: "15.0.0" } }), ".env": "DB_PASSWORD=Xk9mP2vL8qR4nZ7wQ3\n", ".env.production": "DB_PASSWORD=Lp4Xs8Ne2Wq6Ry9UeT\n" });
  assert.deepEqual(collectCandidates(next).secrets.map((s) => s.environment), ["shared", "production"]);
  // One file per environment, picked by the app: .env stays development; config still wins.
  const single = tree({ ".env": "DB_PASSWORD=Xk9mP2vL8qR4nZ7wQ3\n", ".env.production": "DB_PASSWORD=Lp4Xs8Ne2Wq6Ry9UeT\n" });
  assert.deepEqual(collectCandidates(single).secrets.map((s) => s.environment), ["development", "production"]);
  assert.deepEqual(collectCandidates(layered, { environments: { ".env": "development" } }).secrets.map((s) => s.environment), ["development", "development", "development"]);
});

test("layered .env files named by the code: a per-mode file then the plain .env (dotenv path lists, NestJS envFilePath, hand-written loaders)", () => {
  const envs = { ".env": "DB_PASSWORD=Xk9mP2vL8qR4nZ7wQ3\n", ".env.production": "DB_PASSWORD=Lp4Xs8Ne2Wq6Ry9UeT\n" };
  const environments = (files: Record<string, string>) => collectCandidates(tree(files)).secrets.map((s) => `${s.source.file}:${s.environment}`);
  // dotenv's path list, Strapi-style: .env fills in what .env.<mode> does not set, in every mode.
  assert.deepEqual(environments({ ...envs, "scripts/start.js": "require('dotenv').config({ path: [path.join(dir, `.env.${mode}`), path.join(dir, '.env')] });\n" }), [".env:shared", ".env.production:production"]);
  // Two dotenv calls: the per-mode file, then config() with no path (the working directory's .env).
  assert.deepEqual(environments({ ...envs, "src/env.js": "config({ path: `.env.${mode}`, quiet: true });\nconfig({ quiet: true });\n" }), [".env:shared", ".env.production:production"]);
  assert.deepEqual(environments({ ...envs, "src/env.js": "dotenv.config({ path: `.env.${process.env.NODE_ENV}` });\ndotenv.config();\n" }), [".env:shared", ".env.production:production"]);
  // Another library's config(…) with its own arguments is no .env load.
  assert.deepEqual(environments({ ...envs, "src/env.js": "dotenv.config({ path: `.env.${mode}` });\nlogger.config({ level: 'info' });\n" }), [".env:development", ".env.production:production"]);
  // A directory in the name, a concatenated mode.
  const nest = { "config/.env": envs[".env"], "config/.env.production": envs[".env.production"] };
  assert.deepEqual(environments({ ...nest, "src/app.module.js": 'ConfigModule.forRoot({ envFilePath: [`config/.env.${env}`, "config/.env.local", "config/.env"] });\n' }), ["config/.env:shared", "config/.env.production:production"]);
  assert.deepEqual(environments({ ...nest, "src/load.js": 'const files = [".env." + mode, "../config/.env"];\n' }), ["config/.env:shared", "config/.env.production:production"]);
  // Literal lists, one per branch of a ternary, mapped through path.join: production's list ends in .env too.
  assert.deepEqual(
    environments({ ...envs, "src/env.js": 'const files = prod ? [".env.production", ".env"] : [".env.local", ".env"];\ndotenv.config({ path: files.map((f) => path.join(root, f)) });\n' }),
    [".env:shared", ".env.production:production"],
  );
  assert.deepEqual(environments({ ...envs, "src/env.js": "config({ path: 'config/../.env.staging' });\nconfig({ path: '.env' });\n" }), [".env:shared", ".env.production:production"]);
  // A directory the code computes in a template: `${root}.env` is a bare .env.
  assert.deepEqual(environments({ ...envs, "src/env.mjs": "dotenv.config({ path: [`${root}.env.${mode}`, `${root}.env`] });\n" }), [".env:shared", ".env.production:production"]);
  // A literal development or local file before .env says nothing about the other modes.
  assert.deepEqual(environments({ ...envs, "src/env.js": 'dotenv.config({ path: [".env.local", ".env"] });\n' }), [".env:development", ".env.production:production"]);
  // One file or the other (not a list), or only the per-mode file: .env stays development.
  assert.deepEqual(environments({ ...envs, "src/index.js": "dotenv.config({ path: mode === 'production' ? '.env.production' : '.env' });\n" }), [".env:development", ".env.production:production"]);
  assert.deepEqual(environments({ ...envs, "src/index.js": "dotenv.config({ path: `.env.${process.env.NODE_ENV}` });\n" }), [".env:development", ".env.production:production"]);
  assert.deepEqual(environments({ ...envs, "src/index.js": "const file = join(root, mode ? `.env.${mode}` : '.env');\n" }), [".env:development", ".env.production:production"]);
  assert.deepEqual(environments({ ...envs, "src/index.js": "if (mode) load(`.env.${mode}`);\nelse load('.env');\n" }), [".env:development", ".env.production:production"]);
  // A bare .env in a package's loader is that package's (or an enclosing directory's), not a sibling package's.
  const mono = { "packages/a/.env": envs[".env"], "packages/b/.env": "API_SECRET=Qw8eR4tY7uI2oP5aS9\n", "packages/a/src/env.js": "load([`.env.${mode}`, '.env']);\n" };
  assert.deepEqual(environments(mono), ["packages/a/.env:shared", "packages/b/.env:development"]);
  // A shared config package joining .env to the working directory: every package started from its
  // own folder reads its .env as the base layer (a folder without package.json is no start place).
  const shared = {
    "packages/config/index.js": "dotenv.config({ path: [path.join(process.cwd(), `.env.${mode}`), path.join(process.cwd(), '.env')] });\n",
    "apps/web/package.json": "{}\n",
    "apps/web/.env": "API_SECRET=Qw8eR4tY7uI2oP5aS9\n",
    "tools/.env": "TOOL_SECRET=Mn3bV6cX9zL2kJ5hG8\n",
  };
  assert.deepEqual(environments(shared), ["apps/web/.env:shared", "tools/.env:development"]);
  const cwdVariable = { ...shared, "packages/config/index.js": "const cwd = process.cwd();\nconfig({ path: [resolve(cwd, `.env.${mode}`), resolve(cwd, '.env')] });\n" };
  assert.deepEqual(environments(cwdVariable), ["apps/web/.env:shared", "tools/.env:development"]);
});

test("files of .env encryption tools are never migrated: dotenvx .env.keys and dotenv-vault .env.me are kept and listed, .env.vault ciphertext is not a secret, encrypted: values stay", () => {
  const root = tree({
    ".env": 'DOTENV_PUBLIC_KEY="02b6d1a7c1e0f4b9b7e6b2a39b5f1d2a7c0e3f4b5a6978877665544332211aa0bb"\nSMTP_PASSWORD="encrypted:BDqDBibm4wsYqMpCjTQ6BsDHmMadg9K3dAt+Z9HPMfLEIRVz50hmLXPXRuDBXaJi/LwWYEVUNiq0HISrslzQPaoyS8Lotg3gFWJTsNCdOWnqpjF2xNUX2RQiP05kAbEXM6MWVjDr"\nSESSION_SECRET=Qw8eR4tY7uI2oP5aS9dF3gH6jK1lZ0x\n',
    ".env.keys": "# .env\nDOTENV_PRIVATE_KEY=81dac4d2c42e67a2c6542d3b943a4674a05c4be5e7e5a40a689be7a3bd49a07e\n",
    ".env.vault": '# development\nDOTENV_VAULT_DEVELOPMENT="s7NYXa809k/bVSPwIAmJhPJmEGTtU0hG58hOZy7I0ix6y5HP8LsHBsZCYC/gw5DDFy5DgOcyd18R"\n',
  });
  const c = collectCandidates(root);
  assert.deepEqual(c.envFiles, [".env"]);
  assert.deepEqual(c.secrets.map((s) => s.name), ["SESSION_SECRET"]);
  assert.deepEqual(c.kept?.map((s) => `${s.source.file}:${s.name}`), [".env.keys:DOTENV_PRIVATE_KEY"]);
  assert.equal(classifyVariable("DOTENV_VAULT_PRODUCTION", "s7NYXa809k/bVSPwIAmJhPJmEGTtU0hG58hOZy7I0ix6y5HP8LsHBsZCYC/gw5DDFy5DgOcyd18R", ".env.vault").verdict, "public");
  // The same name elsewhere is judged as any other.
  assert.equal(classifyVariable("DOTENV_VAULT_PRODUCTION", "s7NYXa809k/bVSPwIAmJhPJmEGTtU0hG58hOZy7I0ix6y5HP8LsHBsZCYC/gw5DDFy5DgOcyd18R", ".env").verdict, "secret");
  assert.equal(classifyVariable("DOTENV_VAULT_PRODUCTION", "s7NYXa809k/bVSPwIAmJhPJmEGTtU0hG58hOZy7I0ix6y5HP8LsHBsZCYC/gw5DDFy5DgOcyd18R").verdict, "secret", "no file: not known to be a .env.vault");
});

test("hard .env values: '$' in a single-quoted value is a character, \\n/\\t escapes and a quoted sentence around a token do not hide a secret; references, commands and prose stay config", () => {
  const root = tree({
    ".env": [
      "BACKUP_PASSPHRASE='Xk9mP2vL8q$HOME$(whoami)`id`R4nZ'",
      'SIGNING_SECRET="Lp4Xs8Ne2WqRy9Ue\\nsecond-line\\tTabbed"',
      'API_SECRET=`it\'s "quoted" Qw8eR4tY7uI2oP5aS9dF3gH`',
      "QUOTED_REFERENCE='${DB_PASSWORD}'",
      'COMMAND_PASSWORD="$(cat /run/secrets/db)"',
      "JWT_SECRET=change me in production",
      "PATTERN_SECRET=^\\d{6}\\w+$",
      "",
    ].join("\n"),
  });
  const c = collectCandidates(root);
  assert.deepEqual(c.secrets.map((s) => s.name).sort(), ["API_SECRET", "BACKUP_PASSPHRASE", "SIGNING_SECRET"]);
  assert.deepEqual(c.config.map((s) => s.name).sort(), ["COMMAND_PASSWORD", "JWT_SECRET", "PATTERN_SECRET", "QUOTED_REFERENCE"]);
});

test("a .env that links outside the project is read but kept (nothing outside the project changes); a link inside it is read through its target; a dangling link is skipped", () => {
  const base = tree({
    "shared/.env": "SHARED_HMAC_KEY=Xk9mP2vL8qR4nZ7wQ3pL\nLOG_FORMAT=json\n",
    "app/env/production.env": "DB_PASSWORD=Lp4Xs8Ne2Wq6Ry9UeT\n",
  });
  const root = join(base, "app");
  symlinkSync("../shared/.env", join(root, ".env"));
  symlinkSync("env/production.env", join(root, ".env.production"));
  symlinkSync("missing.env", join(root, ".env.staging"));
  const c = collectCandidates(root);
  assert.deepEqual(c.linkedOutside, { ".env": "../shared/.env" });
  assert.deepEqual(c.envFiles, [".env", "env/production.env"]);
  assert.deepEqual(c.secrets.map((s) => `${s.source.file}:${s.name}:${s.environment}`), ["env/production.env:DB_PASSWORD:production"]);
  assert.deepEqual(c.kept?.map((s) => `${s.source.file}:${s.name}`), [".env:SHARED_HMAC_KEY"]);
  assert.equal(c.envEnvironments?.[".env"], "development");
});

test("a .env file dotenv loads into an object of the app's own (processEnv: target) is kept, not moved: its values never reach process.env", () => {
  const root = tree({
    "private-load/.env": "API_SECRET=Qw8eR4tY7uI2oP5aS9\n",
    "private-load/config/integrations.env": "SLACK_CLIENT_SECRET=Mn3bV6cX9zL2kJ5hG8\n",
    "private-load/src/app.js": 'const dotenv = require("dotenv");\ndotenv.config();\nconst integrations = {};\ndotenv.config({ path: path.join(__dirname, "..", "config", "integrations.env"), processEnv: integrations });\n',
  });
  const c = collectCandidates(join(root, "private-load"));
  assert.deepEqual(c.secrets.map((s) => `${s.source.file}:${s.name}`), [".env:API_SECRET"]);
  assert.deepEqual(c.kept?.map((s) => `${s.source.file}:${s.name}`), ["config/integrations.env:SLACK_CLIENT_SECRET"]);
  assert.deepEqual(c.loadedPrivately, { "config/integrations.env": "src/app.js" });
});

test("a secret outside any dotenv entry (a commented-out key, a JSON .env.json) is a stray: reported, never a candidate", () => {
  const root = tree({
    ".env": "# Old key, revoked\n# STRIPE_SECRET_KEY=sk_live_51HqLyjWDarjtT1zdp7dc9QxYzAbCdEfG\nSTRIPE_SECRET_KEY=sk_live_51Zz9mP2vL8qR4nZ7wQ3Xk9mP2vL8qR4nZ\nPORT=3000 # a comment\n", // vaultshift:allow
    ".env.json": '{\n  "GITHUB_TOKEN": "ghp_Xk9mP2vL8qR4nZ7wQ3Lp4Xs8Ne2Wq6Ry9Ue"\n}\n', // vaultshift:allow
  });
  const c = collectCandidates(root);
  assert.deepEqual(c.secrets.map((s) => `${s.source.file}:${s.source.line}`), [".env:3"]);
  assert.deepEqual((c.strays ?? []).map((s) => `${s.file}:${s.line}:${s.commented}`).sort(), [".env.json:2:false", ".env:2:true"]);
});

test("JavaScript without a JavaScript extension is a source: .sequelizerc, an extensionless script whose shebang starts node; other extensionless files are not", () => {
  const root = tree({
    "a/.env": "DB_PASSWORD=Xk9mP2vL8qR4nZ7wQ3\n",
    "a/.sequelizerc": 'require("dotenv").config();\nmodule.exports = { config: "config/config.js" };\n',
    "a/bin/sync": "#!/usr/bin/env -S node --env-file=.env\nconsole.log(process.env.DB_PASSWORD);\n",
    "a/bin/plain": "#!/usr/bin/env node\nmodule.exports = process.env.DB_PASSWORD;\n",
    "a/bin/deploy": "#!/bin/sh\necho $DB_PASSWORD\n",
    "a/Procfile": "web: node index.js\n",
    "a/LICENSE": "MIT\n",
  });
  const found = collectCandidates(join(root, "a"));
  assert.deepEqual(found.sourceFiles, [".sequelizerc", "bin/plain", "bin/sync"]);
});

test("an empty value over the base layer's secret is that environment's value: it moves as an empty value, so the base's Vault value is not read there", () => {
  const SECRET = ["key", "3f9a1c7e2b8d4f6a0c5e9b1d"].join("-"); // built at run time: the repository's own scan stays clean
  const root = tree({
    ".env": `MAILGUN_API_KEY=${SECRET}\nEMPTY_EVERYWHERE=\n`,
    ".env.local": "MAILGUN_API_KEY=\nEMPTY_EVERYWHERE=\n",
    ".env.production": "LOG_LEVEL=warn\n",
    "src/env.js": "dotenv.config({ path: [`.env.${mode}.local`, '.env.local', `.env.${mode}`, '.env'] });\n",
  });
  const c = collectCandidates(root);
  assert.deepEqual(
    c.secrets.map((s) => [s.source.file, s.name, s.environment, s.value === "" ? "(empty)" : s.value === SECRET ? "(secret)" : "?"]),
    [
      [".env", "MAILGUN_API_KEY", "shared", "(secret)"],
      [".env.local", "MAILGUN_API_KEY", "development", "(empty)"],
    ],
  );
  // Without a base-layer secret of the name, an empty value is still skipped; kept by the user, it stays.
  assert.ok(!c.secrets.some((s) => s.name === "EMPTY_EVERYWHERE"));
  const kept = collectCandidates(root, { decisions: [{ name: "MAILGUN_API_KEY", file: ".env.local", action: "keep" }] });
  assert.deepEqual(kept.secrets.map((s) => s.source.file), [".env"]);
});

test("a \\$ in a secret: unescaped where the project runs dotenv-expand (import or dependency), as written with a warning where nothing says so", () => {
  const env = { ".env": "DB_PASSWORD=Kw7\\$Xk9mP2vL8q\\$4Lx\nAPI_TOKEN=\"Tq8\\$Lp4Xs8Ne2Wq6Ry9U\"\n" }; // vaultshift:allow
  const byImport = collectCandidates(tree({ ...env, "src/env.js": 'const { expand } = require("dotenv-expand");\nexpand(require("dotenv").config());\n' }));
  assert.deepEqual(byImport.secrets.map((s) => [s.name, s.value, s.source.expand]), [["DB_PASSWORD", "Kw7$Xk9mP2vL8q$4Lx", true], ["API_TOKEN", "Tq8$Lp4Xs8Ne2Wq6Ry9U", true]]);
  assert.equal(byImport.warnings.filter((w) => w.code === "env-escape").length, 0);
  // The lines as written leave the file too: their form is among the values the plan's diffs redact.
  assert.deepEqual(byImport.overridden, ["Kw7\\$Xk9mP2vL8q\\$4Lx", "Tq8\\$Lp4Xs8Ne2Wq6Ry9U"]);
  const byDependency = collectCandidates(tree({ ...env, "package.json": '{ "dependencies": { "dotenv": "^17.0.0", "dotenv-expand": "^12.0.0" } }' }));
  assert.deepEqual(byDependency.secrets.map((s) => s.value), ["Kw7$Xk9mP2vL8q$4Lx", "Tq8$Lp4Xs8Ne2Wq6Ry9U"]);
  const plain = collectCandidates(tree({ ...env, "src/env.js": 'require("dotenv").config();\n' }));
  assert.deepEqual(plain.secrets.map((s) => [s.value, s.source.expand]), [["Kw7\\$Xk9mP2vL8q\\$4Lx", undefined], ["Tq8\\$Lp4Xs8Ne2Wq6Ry9U", undefined]]);
  assert.deepEqual(plain.warnings.filter((w) => w.code === "env-escape").map((w) => `${w.file}:${w.line}`), [".env:1", ".env:2"]);
  for (const w of plain.warnings) assert.ok(!w.message.includes("Xk9mP2vL8q") && !w.message.includes("Lp4Xs8Ne2Wq6"));
});
