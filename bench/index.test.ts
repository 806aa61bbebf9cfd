import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discover, select } from "./index.js";

function dir(t: { after(fn: () => void): void }, files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), "vs-benchreg-"));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  writeFileSync(join(d, "package.json"), '{ "type": "module" }');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const mod = (...names: string[]) =>
  `export const benchmarks = [${names.map((n) => `{ name: "${n}", description: "d", run: async () => [] }`).join(", ")}];`;

test("discover collects `benchmarks` from every module, skipping tests, index and helpers", async (t) => {
  const d = dir(t, {
    "b.js": mod("scan-b", "scan-c"),
    "a.js": mod("runtime-a"),
    "helper.js": "export const x = 1;",
    "a.test.js": mod("from-a-test"),
    "index.js": mod("from-index"),
  });
  assert.deepEqual((await discover(d)).map((b) => b.name), ["runtime-a", "scan-b", "scan-c"]);
});

test("discover refuses a duplicate name and an entry without run()", async (t) => {
  await assert.rejects(discover(dir(t, { "a.js": mod("x"), "b.js": mod("x") })), /"x" is used twice/);
  await assert.rejects(discover(dir(t, { "a.js": 'export const benchmarks = [{ name: "y" }];' })), /needs a name and a run\(\)/);
});

test("discover skips a module that fails to load and says which", async (t) => {
  const failures: string[] = [];
  const found = await discover(dir(t, { "a.js": mod("ok"), "b.js": 'import "./missing.js";' }), (file) => failures.push(file));
  assert.deepEqual(found.map((b) => b.name), ["ok"]);
  assert.deepEqual(failures, ["b.js"]);
});

test("select keeps benchmarks whose name contains any filter; no filter keeps all", () => {
  const all = ["scan-corpus", "scan-staged", "runtime-read"].map((name) => ({ name, description: "", run: async () => [] }));
  assert.deepEqual(select(all, []).map((b) => b.name), ["scan-corpus", "scan-staged", "runtime-read"]);
  assert.deepEqual(select(all, ["staged", "runtime"]).map((b) => b.name), ["scan-staged", "runtime-read"]);
  assert.deepEqual(select(all, ["nope"]), []);
});
