import { test } from "node:test";
import assert from "node:assert/strict";
import { environmentSelectors, projectSelector, selectorValueOf, unfollowedSelections } from "./environment-selector.js";
import { environmentsOfFiles } from "./environment.js";

test("a per-mode .env path chosen by a variable other than NODE_ENV: read in the path, through a binding, destructured, concatenated", () => {
  assert.deepEqual(environmentSelectors("dotenv.config({ path: `.env.${process.env.APP_ENV}` });"), [{ variable: "APP_ENV" }]);
  assert.deepEqual(environmentSelectors('require("dotenv").config({ path: `config/.env.${process.env["DEPLOY_ENV"] || "local"}` });'), [{ variable: "DEPLOY_ENV", fallback: "local" }]);
  assert.deepEqual(
    environmentSelectors('const APP_ENV = process.env.APP_ENV || "local";\nconst root = x;\ndotenv.config({ path: [path.join(root, `.env.${APP_ENV}`), path.join(root, ".env")] });'),
    [{ variable: "APP_ENV", fallback: "local" }],
  );
  assert.deepEqual(environmentSelectors('const { STAGE: stage = "dev" } = process.env;\nprocess.loadEnvFile(`.env.${stage}`);'), [{ variable: "STAGE", fallback: "dev" }]);
  assert.deepEqual(environmentSelectors('let target = (process.env.ENVIRONMENT ?? "local").trim();\nconfig({ path: ".env." + target });'), [{ variable: "ENVIRONMENT", fallback: "local" }]);
  // A chain ending in NODE_ENV: no fallback word, NODE_ENV decides when unset.
  assert.deepEqual(environmentSelectors("const mode = process.env.APP_ENV ?? process.env.NODE_ENV;\nconfig({ path: `.env.${mode}` });"), [{ variable: "APP_ENV" }]);
  // A fallback worked out from NODE_ENV alone (round 11's short-envs: a table of short names): NODE_ENV decides when unset.
  assert.deepEqual(
    environmentSelectors('const SHORT = { development: "dev", production: "prod" };\nconst appEnv = process.env.APP_ENV || SHORT[process.env.NODE_ENV] || "dev";\ndotenv.config({ path: `.env.${appEnv}` });'),
    [{ variable: "APP_ENV" }],
  );
  assert.deepEqual(environmentSelectors('config({ path: `.env.${process.env.STAGE ?? (process.env.NODE_ENV === "production" ? "prod" : "dev")}` });'), [{ variable: "STAGE" }]);
  // A fallback that reads another variable or the command line is no rule the secrets module follows.
  assert.deepEqual(environmentSelectors('const t = process.env.APP_ENV || process.env.npm_lifecycle_event || "dev";\nconfig({ path: `.env.${t}` });'), []);
  assert.deepEqual(environmentSelectors('const t = process.env.APP_ENV || (process.argv[2] ?? process.env.NODE_ENV);\nconfig({ path: `.env.${t}` });'), []);
});

test("NODE_ENV (what the secrets module reads anyway), a mode from argv or a function, and no per-mode path: no selector", () => {
  assert.deepEqual(environmentSelectors('const mode = process.env.NODE_ENV || "development";\ndotenv.config({ path: `.env.${mode}` });'), []);
  assert.deepEqual(environmentSelectors("dotenv.config({ path: `.env.${process.env.VAULTSHIFT_ENV}` });"), []);
  assert.deepEqual(environmentSelectors("const mode = parseArgs(process.argv).mode;\ndotenv.config({ path: `.env.${mode}` });"), []);
  assert.deepEqual(environmentSelectors("dotenv.config({ path: `.env.${modeOf()}` });"), []);
  assert.deepEqual(environmentSelectors('const APP_ENV = process.env.APP_ENV;\ndotenv.config({ path: ".env" });'), []);
});

test("the project's selector: one variable and one fallback across its loaders, else none", () => {
  assert.deepEqual(projectSelector([{ variable: "APP_ENV", fallback: "local" }, { variable: "APP_ENV" }]), { variable: "APP_ENV", fallback: "local" });
  assert.equal(projectSelector([{ variable: "APP_ENV" }, { variable: "STAGE" }]), undefined);
  assert.equal(projectSelector([{ variable: "APP_ENV", fallback: "local" }, { variable: "APP_ENV", fallback: "dev" }]), undefined);
  assert.equal(projectSelector([]), undefined);
});

test("the value that loads a file: .env.<word> only", () => {
  assert.equal(selectorValueOf(".env.staging"), "staging");
  assert.equal(selectorValueOf("config/.env.local"), "local");
  assert.equal(selectorValueOf(".env"), undefined);
  assert.equal(selectorValueOf(".env.production.local"), undefined);
  assert.equal(selectorValueOf("staging.env"), undefined);
});

test("environmentsOfFiles gathers the selector's values into the environments they select", () => {
  const sel = (value: string) => ({ variable: "APP_ENV", fallback: "local", value });
  const files = environmentsOfFiles([
    { file: ".env", environment: "shared" },
    { file: ".env.local", environment: "development", selector: sel("local") },
    { file: ".env.staging", environment: "staging", selector: sel("staging") },
    { file: ".env.prod", environment: "production", selector: sel("prod") },
  ]);
  assert.deepEqual(files.selector, { variable: "APP_ENV", fallback: "local", values: { local: "development", staging: "staging", prod: "production" } });
  assert.equal(environmentsOfFiles([{ file: ".env.staging", environment: "staging" }]).selector, undefined);
});

test("a per-mode path chosen by the command line or a variable the secrets module cannot follow is reported; NODE_ENV, a followed selector or a parameter is not", () => {
  // The npm script's name, unless a --target= flag says otherwise (round 16's script-selector).
  assert.deepEqual(
    unfollowedSelections('const flag = process.argv.find((a) => a.startsWith("--target="));\nconst target = flag ? flag.slice(9) : process.env.npm_lifecycle_event || "dev";\ndotenv.config({ path: [`.env.${target}`, ".env"] });'),
    [{ line: 3, chosenBy: "process.argv and npm_lifecycle_event" }],
  );
  assert.deepEqual(unfollowedSelections("const mode = parseArgs(process.argv).mode;\ndotenv.config({ path: `.env.${mode}` });"), [{ line: 2, chosenBy: "process.argv" }]);
  assert.deepEqual(unfollowedSelections('config({ path: `.env.${process.env.CI ? "ci" : process.env.STAGE}` });'), [{ line: 1, chosenBy: "CI and STAGE" }]);
  // What the secrets module follows, or what the text does not show.
  assert.deepEqual(unfollowedSelections('const mode = process.env.NODE_ENV || "development";\ndotenv.config({ path: `.env.${mode}` });'), []);
  assert.deepEqual(unfollowedSelections('const APP_ENV = process.env.APP_ENV || "local";\ndotenv.config({ path: `.env.${APP_ENV}` });'), []);
  assert.deepEqual(unfollowedSelections('const appEnv = process.env.APP_ENV || SHORT[process.env.NODE_ENV] || "dev";\ndotenv.config({ path: `.env.${appEnv}` });'), []);
  assert.deepEqual(unfollowedSelections('const t = process.env.APP_ENV || process.env.npm_lifecycle_event || "dev";\nconfig({ path: `.env.${t}` });'), [{ line: 2, chosenBy: "APP_ENV and npm_lifecycle_event" }]);
  assert.deepEqual(unfollowedSelections("const mode = process.env.NODE_ENV === 'production' ? 'prod' : 'dev';\nconfig({ path: `.env.${mode}` });"), []);
  assert.deepEqual(unfollowedSelections("export function loadEnv(mode, root) {\n  return parse(`${root}/.env.${mode}`);\n}"), []);
});
