import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emptyBaseline, readBaseline, serializeBaseline, updateBaseline, writeBaseline } from "./baseline.js";
import { ConfigError } from "../errors.js";
import type { ScannedFinding } from "./file-scan.js";
import { tempDir } from "./test-repo.js";

function f(fp: string, file: string, line = 1, ruleId = "r"): ScannedFinding {
  return {
    ruleId,
    kind: "api-key",
    severity: "high",
    confidence: 1,
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    fingerprint: `pub-${fp}`,
    redacted: "ab…(10 chars)",
    reason: "x",
    baselineFingerprint: fp,
  };
}

test("update adds new findings, keeps old entries unless pruned, never duplicates", () => {
  const b0 = emptyBaseline();
  const first = updateBaseline(b0, [f("aa", "x.js"), f("bb", "y.js"), f("aa", "x.js", 9)], false);
  assert.equal(first.added, 2);
  assert.deepEqual(first.baseline.entries.map((e) => e.fingerprint), ["aa", "bb"]);
  assert.equal(first.baseline.salt, b0.salt, "the salt is kept");
  const second = updateBaseline(first.baseline, [f("bb", "y.js"), f("cc", "z.js")], false);
  assert.deepEqual(second.baseline.entries.map((e) => e.fingerprint), ["aa", "bb", "cc"]);
  assert.equal(second.added, 1);
  const pruned = updateBaseline(second.baseline, [f("bb", "y.js")], true);
  assert.deepEqual(pruned.baseline.entries.map((e) => e.fingerprint), ["bb"]);
  assert.equal(pruned.pruned, 2);
});

test("prune leaves entries of files outside the scanned scope", () => {
  const b = updateBaseline(emptyBaseline(), [f("aa", "src/a.js"), f("bb", "lib/b.js")], false).baseline;
  const r = updateBaseline(b, [], true, (file) => file.startsWith("src/"));
  assert.deepEqual(r.baseline.entries.map((e) => e.file), ["lib/b.js"]);
});

test("an entry already recorded keeps its line when the secret moves (no churn)", () => {
  const b = updateBaseline(emptyBaseline(), [f("aa", "x.js", 3)], false).baseline;
  const moved = updateBaseline(b, [f("aa", "x.js", 40)], false).baseline;
  assert.equal(serializeBaseline(moved), serializeBaseline(b));
});

test("the file is one entry per line, sorted by file then rule, and reads back", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const b = updateBaseline(emptyBaseline(), [f("22", "b.js"), f("11", "a.js", 1, "z-rule"), f("33", "a.js", 1, "a-rule")], false).baseline;
  const file = join(dir, "baseline.json");
  writeBaseline(file, b);
  const text = readFileSync(file, "utf8");
  const entryLines = text.split("\n").filter((l) => l.includes('"fingerprint"'));
  assert.equal(entryLines.length, 3);
  assert.deepEqual(entryLines.map((l) => (JSON.parse(l.trim().replace(/,$/, "")) as { fingerprint: string }).fingerprint), ["33", "11", "22"]);
  assert.deepEqual(readBaseline(file), b);
});

test("a broken or foreign baseline is a ConfigError with a hint", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const file = join(dir, "b.json");
  writeFileSync(file, "<<<<<<< HEAD\n");
  assert.throws(() => readBaseline(file), (e: unknown) => e instanceof ConfigError && /not valid JSON/.test(e.message) && /conflict/.test(e.hint ?? ""));
  writeFileSync(file, JSON.stringify({ version: 1, entries: [] }));
  assert.throws(() => readBaseline(file), (e: unknown) => e instanceof ConfigError && /not a vaultshift baseline/.test(e.message));
  assert.throws(() => readBaseline(join(dir, "missing.json")), (e: unknown) => e instanceof ConfigError && /ENOENT/.test(e.message));
});
