import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relativeSpecifier, secretsModuleLayout } from "./project.js";

// Which secrets module a JavaScript project gets: one that every file that
// imports it can load under Node's module rules.

function project(t: { after(fn: () => void): void }, pkg: Record<string, unknown> | null): string {
  const root = mkdtempSync(join(tmpdir(), "vaultshift-layout-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "src"));
  if (pkg) writeFileSync(join(root, "package.json"), JSON.stringify(pkg));
  return root;
}

test("a module package with a .cjs file that reads secrets gets the CommonJS flavour, named .cjs", (t) => {
  const root = project(t, { type: "module" });
  const files = ["src/db.cjs", "src/queue.js", "src/main.mjs"];
  assert.deepEqual(secretsModuleLayout(root, files), { file: "src/vaultshift-secrets.cjs", language: "js", moduleKind: "cjs" });
  // Every importer names the file with its extension (require() does not try .cjs).
  for (const from of files) assert.equal(relativeSpecifier(from, "src/vaultshift-secrets.cjs", false), "./vaultshift-secrets.cjs");
});

test("only the files that will be rewritten decide: a .cjs file with no secret keeps the ESM flavour", (t) => {
  const root = project(t, { type: "module" });
  assert.deepEqual(secretsModuleLayout(root, ["src/db.cjs", "src/queue.js"], ["src/queue.js"]), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "esm" });
});

test("without \"type\": \"module\", .js files are CommonJS; ES modules alone get an .mjs file", (t) => {
  const root = project(t, { name: "x" });
  assert.deepEqual(secretsModuleLayout(root, ["src/a.js", "src/b.mjs"]), { file: "src/vaultshift-secrets.js", language: "js", moduleKind: "cjs" });
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
