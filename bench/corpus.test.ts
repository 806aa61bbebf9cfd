import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listFiles, packageDirName, plant } from "./corpus.js";
import { Prng } from "./fake-secrets.js";

function tree(base: string): string {
  mkdirSync(join(base, "pkg@1.0.0", "lib"), { recursive: true });
  for (let i = 0; i < 12; i++) {
    writeFileSync(join(base, "pkg@1.0.0", "lib", `m${i}.js`), `"use strict";\nexports.f${i} = function () {\n  return ${i};\n};\n`.repeat(8));
  }
  writeFileSync(join(base, "pkg@1.0.0", "README.md"), "# pkg\n");
  return base;
}

test("plant: the requested counts, each recorded position holds a secret on an added line, and the same seed gives the same corpus", (t) => {
  const base = mkdtempSync(join(tmpdir(), "vs-corpus-"));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const a = tree(join(base, "a"));
  const b = tree(join(base, "b"));
  const originals = new Map(listFiles(a).map((f) => [f, readFileSync(join(a, f), "utf8").split("\n")]));
  const plantedA = plant(a, listFiles(a), new Prng(9), 6, 5);
  const plantedB = plant(b, listFiles(b), new Prng(9), 6, 5);
  assert.deepEqual(plantedA, plantedB);
  assert.equal(plantedA.length, 11);
  assert.equal(plantedA.filter((p) => p.existingFile).length, 6);
  assert.equal(new Set(plantedA.filter((p) => p.existingFile).map((p) => p.file)).size, 6, "one secret per existing file");
  for (const p of plantedA) {
    const lines = readFileSync(join(a, p.file), "utf8").split(/\r?\n/);
    const first = lines[p.line - 1] ?? "";
    const value = p.line === p.endLine ? first.slice(p.column - 1, p.endColumn - 1) : first.slice(p.column - 1);
    assert.ok(value.length >= 16, `${p.provider} at ${p.file}:${p.line} is "${value.length}" chars`);
    assert.doesNotMatch(value, /^["'\s]|["'\s]$/, `${p.provider} at ${p.file}:${p.line}: boundary`);
    // The line is not one the package shipped.
    if (p.existingFile) assert.ok(!(originals.get(p.file) ?? []).includes(first), `${p.file}:${p.line} is an original line`);
  }
  assert.equal(packageDirName({ name: "@babel/core", version: "8.1.2" }), "babel__core@8.1.2");
});
