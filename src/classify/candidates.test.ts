import { test, after } from "node:test";
import assert from "node:assert/strict";
import { collectCandidates } from "./candidates.js";
import { tempDir, writeTree } from "../migrate/testing.js";

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
  const root = tree({ ".env": "SOME_SETTING=sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q\nOTHER=plain\n" });
  const c = collectCandidates(root, { classify: () => ({ verdict: "config", confidence: 0.5, reason: "test says config" }) });
  assert.deepEqual(c.secrets.map((s) => s.name), ["SOME_SETTING"]);
  assert.equal(c.secrets[0]!.kind, "api-key");
  assert.deepEqual(c.config.map((x) => x.name), ["OTHER"]);
});

test("hard-coded literals in JS/TS carry their exact position", () => {
  const text = 'import x from "y";\nexport const stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q";\n';
  const root = tree({ "src/pay.ts": text });
  const c = collectCandidates(root);
  assert.equal(c.secrets.length, 1);
  const s = c.secrets[0]!;
  assert.equal(s.source.type, "literal");
  assert.equal(s.environment, "shared");
  assert.equal(s.name, "stripeKey");
  assert.equal(text.slice(s.source.start, s.source.end), "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q");
  assert.equal(s.source.line, 2);
  assert.equal(text.split("\n")[1]!.slice(s.source.column - 1, s.source.endColumn! - 1), "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Q");
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
