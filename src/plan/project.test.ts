import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mayUseWholeEnv, packageTypes, relativeSpecifier, secretsModuleLayout } from "./project.js";

// Which secrets module a JavaScript project gets: one that every file that
// imports it can load under Node's module rules.

function project(t: { after(fn: () => void): void }, pkg: Record<string, unknown> | null): string {
  const root = mkdtempSync(join(tmpdir(), "vaultshift-layout-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "src"));
  if (pkg) writeFileSync(join(root, "package.json"), JSON.stringify(pkg));
  return root;
}

test("a module package with a .cjs file that reads secrets gets the CommonJS flavour, named .cjs, beside the ES module one its ES modules import", (t) => {
  const root = project(t, { type: "module" });
  const files = ["src/db.cjs", "src/queue.js", "src/main.mjs"];
  assert.deepEqual(secretsModuleLayout(root, files), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm", companion: { file: "src/vaultshift-secrets.cjs" } });
  // CommonJS files alone: the CommonJS flavour alone.
  assert.deepEqual(secretsModuleLayout(root, files, ["src/db.cjs"]), { file: "src/vaultshift-secrets.cjs", language: "js", moduleKind: "cjs" });
  // Every importer names the file with its extension (require() does not try .cjs).
  for (const from of files) assert.equal(relativeSpecifier(from, "src/vaultshift-secrets.cjs", false), "./vaultshift-secrets.cjs");
});

test("only the files that will be rewritten decide: a .cjs file with no secret keeps the ESM flavour", (t) => {
  const root = project(t, { type: "module" });
  assert.deepEqual(secretsModuleLayout(root, ["src/db.cjs", "src/queue.js"], ["src/queue.js"]), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm" });
});

test("an ES module .env loader among the rewritten files needs the CommonJS flavour (it reads it through createRequire); the other ES modules import the ES module one", (t) => {
  const root = project(t, { type: "module" });
  assert.deepEqual(secretsModuleLayout(root, ["src/env.js", "src/queue.js"], ["src/env.js", "src/queue.js"], ["src/env.js"]), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm", companion: { file: "src/vaultshift-secrets.cjs" } });
  assert.deepEqual(secretsModuleLayout(root, ["src/env.js", "src/queue.js"], ["src/env.js"], ["src/env.js"]), { file: "src/vaultshift-secrets.cjs", language: "js", moduleKind: "cjs" });
});

test("without \"type\": \"module\", .js files are CommonJS; ES modules alone get an .mjs file", (t) => {
  const root = project(t, { name: "x" });
  assert.deepEqual(secretsModuleLayout(root, ["src/a.js", "src/b.mjs"]), { file: "src/vaultshift-secrets.mjs", language: "js", moduleKind: "esm", companion: { file: "src/vaultshift-secrets.js" } });
  // An ESM flavour named .js would be read as CommonJS here (Node: nearest package.json type).
  assert.deepEqual(secretsModuleLayout(root, ["src/a.js", "src/b.mjs"], ["src/b.mjs"]), { file: "src/vaultshift-secrets.mjs", language: "js", moduleKind: "esm" });
  assert.equal(relativeSpecifier("src/b.mjs", "src/vaultshift-secrets.mjs", true), "./vaultshift-secrets.mjs");
  const bare = project(t, null);
  assert.equal(secretsModuleLayout(bare, ["src/a.cjs", "src/b.js"]).moduleKind, "cjs");
});

test("a module package of ES modules only keeps the ESM flavour as .js", (t) => {
  const root = project(t, { type: "module" });
  assert.deepEqual(secretsModuleLayout(root, ["src/a.js", "src/b.mjs"]), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm" });
});

test("npm workspaces: each file follows its nearest package.json; one CommonJS package adds the CommonJS flavour", (t) => {
  const root = project(t, { name: "fleet", workspaces: ["packages/*"] });
  mkdirSync(join(root, "packages/api/src"), { recursive: true });
  mkdirSync(join(root, "packages/worker/lib"), { recursive: true });
  writeFileSync(join(root, "packages/api/package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(root, "packages/worker/package.json"), JSON.stringify({ name: "worker" }));
  const typeOf = packageTypes(root);
  assert.equal(typeOf("packages/api/src/index.js"), "module");
  assert.equal(typeOf("packages/worker/lib/index.js"), "commonjs");
  assert.equal(typeOf("scripts/x.js"), "commonjs");
  const files = ["packages/api/src/index.js", "packages/worker/lib/index.js"];
  assert.deepEqual(secretsModuleLayout(root, files), { file: "vaultshift-secrets.mjs", language: "js", moduleKind: "esm", companion: { file: "vaultshift-secrets.js" } });
  assert.equal(secretsModuleLayout(root, ["packages/worker/lib/index.js"]).moduleKind, "cjs");
  assert.equal(secretsModuleLayout(root, ["packages/api/src/index.js"]).moduleKind, "esm", "ES modules only: ESM, even though the root package is CommonJS");
  // Importers in one package only: the module goes into that package, as a module there (its type).
  assert.equal(secretsModuleLayout(root, ["packages/api/src/index.js"]).file, "packages/api/src/vaultshift-secrets.js");
});

test("TypeScript: a .cts importer (compiled to require) gets the CommonJS flavour, as .cts in a module package; its ES importers name it .cjs", (t) => {
  const root = project(t, { type: "module" });
  writeFileSync(join(root, "tsconfig.json"), `{ "compilerOptions": { "module": "NodeNext" } }`);
  assert.deepEqual(secretsModuleLayout(root, ["src/env.ts", "src/legacy.cts"]), { file: "src/vaultshift-secrets.cts", language: "ts", moduleKind: "cjs" });
  assert.deepEqual(secretsModuleLayout(root, ["src/env.ts", "src/tool.mts"]), { file: "src/vaultshift-secrets.ts", language: "ts", moduleKind: "esm" });
  assert.equal(relativeSpecifier("src/env.ts", "src/vaultshift-secrets.cts", true), "./vaultshift-secrets.cjs");
  assert.equal(relativeSpecifier("src/lib/legacy.cts", "src/vaultshift-secrets.cts", false), "../vaultshift-secrets.cjs");
  assert.equal(relativeSpecifier("src/tool.mts", "src/vaultshift-secrets.mts", true), "./vaultshift-secrets.mjs");
});

test("TypeScript with NodeNext in a CommonJS package compiles .ts to CommonJS: no top-level await", (t) => {
  const root = project(t, { name: "svc" });
  writeFileSync(join(root, "tsconfig.json"), `{ "compilerOptions": { "module": "nodenext" } }`);
  assert.deepEqual(secretsModuleLayout(root, ["src/env.ts"]), { file: "src/vaultshift-secrets.ts", language: "ts", moduleKind: "cjs" });
});

test("without a tsconfig.json, a tool's TypeScript config (drizzle.config.ts, knexfile.ts) or a .d.ts does not make the project TypeScript; the config imports the CommonJS flavour its tool can require()", (t) => {
  const root = project(t, { type: "module" });
  const files = ["drizzle.config.ts", "src/db/index.js", "src/session.js", "types/env.d.ts"];
  // Nothing compiles a .ts secrets module here: the JavaScript files need a .js one.
  assert.deepEqual(secretsModuleLayout(root, files), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm", companion: { file: "src/vaultshift-secrets.cjs" } });
  assert.equal(relativeSpecifier("drizzle.config.ts", "src/vaultshift-secrets.cjs", false), "./src/vaultshift-secrets.cjs");
  // The config alone: the CommonJS flavour alone; not rewritten: the ES module one.
  assert.deepEqual(secretsModuleLayout(root, files, ["drizzle.config.ts"]), { file: "src/vaultshift-secrets.cjs", language: "js", moduleKind: "cjs" });
  assert.deepEqual(secretsModuleLayout(root, files, ["src/session.js"]), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm" });
  const knex = project(t, { name: "api" });
  assert.deepEqual(secretsModuleLayout(knex, ["knexfile.ts", "src/a.js"]), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "cjs" });
  // Application code in TypeScript still makes it TypeScript.
  assert.equal(secretsModuleLayout(root, [...files, "src/jobs/send.ts"]).language, "ts");
  // A tsconfig.json does when no JavaScript imports it (the tool's config alone); JavaScript importers
  // keep a JavaScript module: tsc does not compile them without allowJs (they run as they are), and
  // Node cannot import a .ts file (create-t3-app's src/env.js, imported by next.config.js).
  writeFileSync(join(root, "tsconfig.json"), "{}");
  assert.equal(secretsModuleLayout(root, files, ["drizzle.config.ts"]).language, "ts");
  assert.equal(secretsModuleLayout(root, files).language, "js");
  assert.equal(secretsModuleLayout(root, [...files, "src/jobs/send.ts"]).language, "ts");
});

test("without a tsconfig.json, TypeScript that reads no secret (a front end's .ts files) does not make the module TypeScript for the JavaScript server that imports it", (t) => {
  const root = project(t, { name: "uptime-kuma" });
  const files = ["server/server.js", "server/setup-database.js", "src/util.ts", "src/i18n.ts", "src/main.js"];
  // Only the server's CommonJS files read secrets: a .js CommonJS module they can require().
  assert.deepEqual(secretsModuleLayout(root, files, ["server/server.js", "server/setup-database.js"]), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "cjs" });
  // A TypeScript file that reads a secret makes it TypeScript again.
  assert.equal(secretsModuleLayout(root, files, ["server/server.js", "src/util.ts"]).language, "ts");
});

test("the pre-filter for whole or computed uses of process.env", () => {
  for (const yes of ["spawn(c, { env: process.env })", "process.env[name]", "const env = process.env;", "{ ...process.env }", "process?.env?.[k]", "Object.keys(process.env)", 'require("process").env[k]', 'import { env } from "node:process"', "const p = require('process')"]) assert.equal(mayUseWholeEnv(yes), true, yes);
  for (const no of ["process.env.PORT", "process.env?.PORT", "process . env . X", "processes.envelope", 'import x from "./process.js"', 'const p = require("processor")']) assert.equal(mayUseWholeEnv(no), false, no);
});

test("importers all in one package below the root (a workspace, Firebase's functions/): the module goes into that package, in its src/ and by its own type; importers in two packages keep it at the root", (t) => {
  const root = project(t, { name: "mono", private: true, workspaces: ["services/*"] });
  for (const [dir, pkg] of [["services/api", { name: "@mono/api", type: "module" }], ["services/worker", { name: "@mono/worker" }]] as const) {
    mkdirSync(join(root, dir, "src"), { recursive: true });
    writeFileSync(join(root, dir, "package.json"), JSON.stringify(pkg));
  }
  const files = ["services/api/src/index.js", "services/api/src/db.js", "services/worker/src/job.js", "src/tools.js"];
  assert.deepEqual(secretsModuleLayout(root, files, ["services/api/src/index.js", "services/api/src/db.js"]), { file: "services/api/src/vaultshift-secrets.js", language: "js", moduleKind: "esm" });
  assert.deepEqual(secretsModuleLayout(root, files, ["services/worker/src/job.js"]), { file: "services/worker/src/vaultshift-secrets.js", language: "js", moduleKind: "cjs" });
  assert.deepEqual(secretsModuleLayout(root, files, ["services/api/src/index.js", "services/worker/src/job.js"]), { file: "src/vaultshift-secrets.mjs", language: "js", moduleKind: "esm", companion: { file: "src/vaultshift-secrets.js" } });
  // A root file among them: the root's.
  assert.equal(secretsModuleLayout(root, files, ["services/api/src/index.js", "src/tools.js"]).file.startsWith("src/"), true);
});

test("TypeScript in a package with no tsconfig.json of its own (the root's compiles it): the root's layout, by the root's settings", (t) => {
  const root = project(t, { name: "mono", workspaces: ["packages/*"] });
  writeFileSync(join(root, "tsconfig.json"), `{ "compilerOptions": { "module": "commonjs" } }`);
  mkdirSync(join(root, "packages/api/src"), { recursive: true });
  writeFileSync(join(root, "packages/api/package.json"), JSON.stringify({ name: "api" }));
  assert.deepEqual(secretsModuleLayout(root, ["packages/api/src/index.ts"]), { file: "vaultshift-secrets.ts", language: "ts", moduleKind: "cjs" });
  // With its own tsconfig.json, the package's.
  writeFileSync(join(root, "packages/api/tsconfig.json"), `{ "compilerOptions": { "module": "commonjs" } }`);
  assert.deepEqual(secretsModuleLayout(root, ["packages/api/src/index.ts"]), { file: "packages/api/src/vaultshift-secrets.ts", language: "ts", moduleKind: "cjs" });
});

test("a secrets module an earlier migration generated stays where it is, whatever the rule would choose now: the app's files import it there", (t) => {
  const root = project(t, { name: "mono", workspaces: ["packages/*"] });
  mkdirSync(join(root, "packages/api/src"), { recursive: true });
  writeFileSync(join(root, "packages/api/package.json"), JSON.stringify({ name: "api", type: "module" }));
  const importers = ["packages/api/src/index.js"];
  assert.equal(secretsModuleLayout(root, importers).file, "packages/api/src/vaultshift-secrets.js", "a first migration: into the package");
  assert.deepEqual(secretsModuleLayout(root, [...importers, "vaultshift-secrets.mjs"], importers), { file: "vaultshift-secrets.mjs", language: "js", moduleKind: "esm" });
  assert.deepEqual(secretsModuleLayout(root, [...importers, "packages/api/vaultshift-secrets.js"], importers), { file: "packages/api/vaultshift-secrets.js", language: "js", moduleKind: "esm" });
});
