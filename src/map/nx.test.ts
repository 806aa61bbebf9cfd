import { test, after } from "node:test";
import assert from "node:assert/strict";
import { isNxWorkspace, nxTargetFile, nxTargetNames } from "./nx.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("nx");
after(() => tmp.remove());

test("an Nx workspace: nx.json at the root or nx among the dependencies", () => {
  const withJson = writeTree(tmp.dir, { "a/nx.json": "{}\n", "a/package.json": "{}\n" });
  assert.equal(isNxWorkspace(`${withJson}/a`, []), true);
  assert.equal(isNxWorkspace(`${withJson}/a`.replace(/\/a$/, "/none"), ["nx"]), true);
  assert.equal(isNxWorkspace(`${withJson}/a`.replace(/\/a$/, "/none"), ["next", "dotenv"]), false);
});

test("Nx targets: nx.json targetDefaults, project.json targets, package.json scripts and nx.targets, inferred ones", () => {
  const root = writeTree(tmp.dir, {
    "b/nx.json": JSON.stringify({ targetDefaults: { "deploy-preview": {} } }),
    "b/package.json": JSON.stringify({ scripts: { "db:seed": "node seed.js" } }),
    "b/apps/api/project.json": JSON.stringify({ targets: { "serve-worker": {}, migrate: {} } }),
    "b/apps/api/.env.migrate": "X=1\n",
    "b/libs/mail/package.json": JSON.stringify({ nx: { targets: { bundle: {} } } }),
    "b/libs/mail/.env": "Y=1\n",
  });
  const targets = nxTargetNames(`${root}/b`, ["apps/api/.env.migrate", "libs/mail/.env"]);
  for (const t of ["deploy-preview", "db:seed", "serve-worker", "migrate", "bundle", "serve", "build"]) assert.ok(targets.has(t), t);
  assert.ok(!targets.has("production"));
});

test("a file named after a target serves every configuration; one naming a configuration does not", () => {
  const targets = new Set(["serve", "build", "migrate", "dev"]);
  assert.equal(nxTargetFile("apps/api/.env.serve", targets), "serve");
  assert.equal(nxTargetFile("apps/api/.migrate.env", targets), "migrate");
  // An environment word is the configuration's file, even where a target has that name.
  assert.equal(nxTargetFile(".env.dev", targets), undefined);
  assert.equal(nxTargetFile(".env.serve.production", targets), undefined);
  assert.equal(nxTargetFile(".env", targets), undefined);
  assert.equal(nxTargetFile(".env.local", targets), undefined);
  // A word that is no target is left to the environment rules.
  assert.equal(nxTargetFile(".env.eu-west", targets), undefined);
});
