import { test } from "node:test";
import assert from "node:assert/strict";
import { applyScriptEnvironments, dotenvPreloads, replaceScript, withScriptEnvironment, withVaultshiftRun } from "./script-environment.js";

test("dotenv-cli gets -v VAULTSHIFT_ENV=<env> as its first option; env-cmd gets a cross-env prefix only when the project has cross-env", () => {
  assert.equal(withScriptEnvironment("dotenv -e .env.production -- node bin/send.js", "production", false), "dotenv -v VAULTSHIFT_ENV=production -e .env.production -- node bin/send.js");
  assert.equal(withScriptEnvironment("npm run build && dotenv -e .env.staging node x.js", "staging", false), "npm run build && dotenv -v VAULTSHIFT_ENV=staging -e .env.staging node x.js");
  assert.equal(withScriptEnvironment("env-cmd -f .env node scripts/migrate.js", "development", true), "cross-env VAULTSHIFT_ENV=development env-cmd -f .env node scripts/migrate.js");
  assert.equal(withScriptEnvironment("tsc && env-cmd -f .env node dist/m.js", "development", true), "tsc && cross-env VAULTSHIFT_ENV=development env-cmd -f .env node dist/m.js");
  // Not exact or not possible: said instead.
  assert.equal(withScriptEnvironment("env-cmd -f .env node scripts/migrate.js", "development", false), null, "no cross-env");
  assert.equal(withScriptEnvironment("npx env-cmd -f .env node m.js", "development", true), null, "env-cmd behind npx");
  assert.equal(withScriptEnvironment("dotenv -e .env.a -- node a.js && dotenv -e .env.b -- node b.js", "a", false), null, "two loads");
  assert.equal(withScriptEnvironment("dotenv -v VAULTSHIFT_ENV=x -e .env.production -- node a.js", "production", false), null, "already set");
  assert.equal(withScriptEnvironment("dotenv -e .env.production -- node a.js", "prod uction", false), null, "not one shell word");
});

test("a script's command is replaced in package.json byte for byte elsewhere (indent, CRLF, escapes); a command written otherwise is left", () => {
  const pkg = '{\r\n\t"name": "jobs",\r\n\t"scripts": {\r\n\t\t"cron": "dotenv -e .env.production -- node \\"bin/send digest.js\\"",\r\n\t\t"db": "env-cmd -f .env node m.js"\r\n\t},\r\n\t"devDependencies": { "cross-env": "^7.0.3" }\r\n}\r\n';
  const out = applyScriptEnvironments(pkg, "package.json", [
    { file: "package.json", script: "cron", environment: "production" },
    { file: "package.json", script: "db", environment: "development" },
    { file: "packages/api/package.json", script: "db", environment: "staging" },
  ]);
  assert.equal(
    out,
    '{\r\n\t"name": "jobs",\r\n\t"scripts": {\r\n\t\t"cron": "dotenv -v VAULTSHIFT_ENV=production -e .env.production -- node \\"bin/send digest.js\\"",\r\n\t\t"db": "cross-env VAULTSHIFT_ENV=development env-cmd -f .env node m.js"\r\n\t},\r\n\t"devDependencies": { "cross-env": "^7.0.3" }\r\n}\r\n',
  );
  assert.equal(JSON.parse(out).scripts.cron, 'dotenv -v VAULTSHIFT_ENV=production -e .env.production -- node "bin/send digest.js"');
  // A \u-escaped command does not match its JSON form: left alone.
  assert.equal(replaceScript('{"scripts":{"a":"dotenv \\u002de x -- node a"}}', "a", "dotenv -e x -- node a", "dotenv -v V=1 -e x -- node a"), null);
});

test("a program preloading dotenv through its require flag (-r / --require dotenv/config) runs under `vaultshift run`; node and its runners do not", () => {
  assert.deepEqual(dotenvPreloads("graphql-codegen -r dotenv/config --config codegen.yml"), [{ at: 0, program: "graphql-codegen", file: ".env" }]);
  assert.deepEqual(dotenvPreloads("npm run lint && npx -y mocha --require=dotenv/config test dotenv_config_path=.env.test"), [{ at: 16, program: "mocha", file: ".env.test" }]);
  assert.deepEqual(dotenvPreloads("node -r dotenv/config src/index.js"), [{ at: 0, program: "node", file: ".env" }]);
  assert.deepEqual(dotenvPreloads("X=1 knex -r dotenv/config migrate:latest"), [], "an assignment first");
  assert.deepEqual(dotenvPreloads("graphql-codegen --config codegen.yml"), []);
  assert.deepEqual(dotenvPreloads("tool -r dotenv/config-extra"), [], "another module");
  assert.equal(withVaultshiftRun("graphql-codegen -r dotenv/config --config codegen.yml", "development"), "vaultshift run --env development -- graphql-codegen -r dotenv/config --config codegen.yml");
  assert.equal(withVaultshiftRun("npm run lint && npx mocha --require dotenv/config", "test"), "npm run lint && vaultshift run --env test -- npx mocha --require dotenv/config");
  // This app's own code: the secrets module serves it; nothing to wrap.
  assert.equal(withVaultshiftRun("node -r dotenv/config src/index.js", "development"), null);
  assert.equal(withVaultshiftRun("ts-node -r dotenv/config src/index.ts", "development"), null);
  assert.equal(withVaultshiftRun("a -r dotenv/config && b -r dotenv/config", "development"), null, "two programs");
});

test("a loader starting another program runs under `vaultshift run --env <env> --`, where that is exact", () => {
  assert.equal(withVaultshiftRun("dotenv -- cypress run", "development"), "vaultshift run --env development -- dotenv -- cypress run");
  assert.equal(withVaultshiftRun("npm run build && npx dotenv -e .env.production -- pulumi up --yes", "production"), "npm run build && vaultshift run --env production -- npx dotenv -e .env.production -- pulumi up --yes");
  assert.equal(withVaultshiftRun("env-cmd -f .env terraform apply", "development"), "vaultshift run --env development -- env-cmd -f .env terraform apply");
  assert.equal(withVaultshiftRun("npx -y dotenv -- cypress run", "test"), "vaultshift run --env test -- npx -y dotenv -- cypress run");
  // Not exact: left for the plan to say.
  assert.equal(withVaultshiftRun("CI=1 dotenv -- cypress run", "development"), null, "an assignment would be taken for the program");
  assert.equal(withVaultshiftRun("cross-env CI=1 dotenv -- cypress run", "development"), null, "behind another wrapper");
  assert.equal(withVaultshiftRun("dotenv -e .env.a -- x && dotenv -e .env.b -- y", "a"), null, "two loads");
  assert.equal(withVaultshiftRun("vaultshift run -- dotenv -- cypress run", "development"), null, "already wrapped");
  assert.equal(withVaultshiftRun("dotenv -- cypress run", "prod uction"), null, "not one shell word");
  // A script recorded with `wrap` is edited so in package.json.
  const pkg = '{\n  "scripts": {\n    "e2e": "dotenv -- cypress run"\n  }\n}\n';
  assert.equal(applyScriptEnvironments(pkg, "package.json", [{ file: "package.json", script: "e2e", environment: "development", wrap: true }]), '{\n  "scripts": {\n    "e2e": "vaultshift run --env development -- dotenv -- cypress run"\n  }\n}\n');
});

test("a program loading .env itself (prisma, also through npx) runs under vaultshift run; the shared layer names no --env", () => {
  assert.equal(withVaultshiftRun("prisma migrate status", "development"), "vaultshift run --env development -- prisma migrate status");
  assert.equal(withVaultshiftRun("npm run build && npx prisma migrate deploy", "shared"), "npm run build && vaultshift run -- npx prisma migrate deploy");
  assert.equal(withVaultshiftRun("prisma migrate deploy && prisma db seed", "development"), null, "two parts: not one exact place");
  assert.equal(withVaultshiftRun("node scripts/prisma-seed.js", "development"), null);
});

test("prisma commands that do not connect (generate, format) are not wrapped; migrate, db and studio are", () => {
  assert.equal(withVaultshiftRun("prisma generate", "development"), null);
  assert.equal(withVaultshiftRun("prisma generate && prisma db push", "development"), "prisma generate && vaultshift run --env development -- prisma db push");
  assert.equal(withVaultshiftRun("npx prisma studio", "shared"), "vaultshift run -- npx prisma studio");
});
