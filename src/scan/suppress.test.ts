import { test } from "node:test";
import assert from "node:assert/strict";
import { compileAllowlist, dedupe, filterAllowlisted, filterBaselined, filterInlineAllowed, filterToLines, sortFindings } from "./suppress.js";
import type { Finding, RawFinding } from "./types.js";

function raw(over: Partial<RawFinding>): RawFinding {
  return {
    ruleId: "r",
    kind: "api-key",
    severity: "high",
    confidence: 0.9,
    file: "a.txt",
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 5,
    reason: "x",
    secret: "FAKESECRET_1",
    start: 0,
    end: 4,
    ...over,
  };
}

function finding(over: Partial<Finding>): Finding {
  const { secret: _s, start: _a, end: _b, ...f } = raw({});
  return { ...f, fingerprint: "fp", redacted: "r…", ...over };
}

test("vaultshift:allow on the same line, in every common comment syntax", () => {
  const syntaxes = [
    'key = "S" // vaultshift:allow',
    "key: S # vaultshift:allow test fixture",
    "key = S /* vaultshift:allow */",
    "<secret>S</secret> <!-- vaultshift:allow -->",
    "SELECT 'S'; -- vaultshift:allow",
    "key=S ; vaultshift:allow",
    "key = S % vaultshift:allow",
    "Key = \"S\" ' vaultshift:allow",
    "set KEY=S & REM vaultshift:allow",
    "{{!-- vaultshift:allow --}} S",
  ];
  for (const line of syntaxes) {
    const r = filterInlineAllowed(`first\n${line}\nlast`, [finding({ line: 2 })]);
    assert.equal(r.kept.length, 0, line);
    assert.equal(r.suppressed, 1, line);
  }
});

test("a comment line carrying vaultshift:allow covers the next line only", () => {
  const text = "// vaultshift:allow: sample key for the docs\nkey = S1\nkey = S2\n";
  const r = filterInlineAllowed(text, [finding({ line: 2 }), finding({ line: 3 })]);
  assert.deepEqual(r.kept.map((f) => f.line), [3]);
});

test("code on the line before with a trailing allow comment does not cover the next line", () => {
  const text = "a = S1 // vaultshift:allow\nb = S2\n";
  const r = filterInlineAllowed(text, [finding({ line: 1 }), finding({ line: 2 })]);
  assert.deepEqual(r.kept.map((f) => f.line), [2]);
});

test("the marker without a comment opener, or a different word, does not suppress", () => {
  const r = filterInlineAllowed("key = vaultshift:allowed S\nx = vaultshift-allow S", [finding({ line: 1 }), finding({ line: 2 })]);
  assert.equal(r.kept.length, 2);
});

test("allowlist by path glob, by secret regex, and per rule", () => {
  const allow = compileAllowlist({
    paths: ["test/**"],
    regexes: ["EXAMPLE$"],
    rules: { "rule-b": { paths: ["docs"], regexes: ["^FAKESECRET_ok"] } },
  });
  const input = [
    raw({ file: "test/unit/a.js" }), // path
    raw({ secret: "AKIAEXAMPLE" }), // regex
    raw({ ruleId: "rule-b", file: "docs/x.md" }), // per-rule path
    raw({ ruleId: "rule-b", secret: "FAKESECRET_ok_1" }), // per-rule regex
    raw({ ruleId: "rule-a", file: "docs/x.md" }), // other rule: kept
    raw({ file: "src/a.js" }), // kept
  ];
  const r = filterAllowlisted(input, allow);
  assert.equal(r.suppressed, 4);
  assert.deepEqual(r.kept.map((f) => `${f.ruleId}:${f.file}`), ["rule-a:docs/x.md", "r:src/a.js"]);
});

test("filterToLines keeps findings touching an added line, multi-line ones included", () => {
  const kept = filterToLines([finding({ line: 1, endLine: 1 }), finding({ line: 3, endLine: 6 }), finding({ line: 8, endLine: 8 })], new Set([5, 8]));
  assert.deepEqual(kept.map((f) => f.line), [3, 8]);
});

test("baseline filter drops accepted fingerprints only", () => {
  const r = filterBaselined([{ ...finding({}), baselineFingerprint: "aa" }, { ...finding({}), baselineFingerprint: "bb" }], new Set(["aa"]));
  assert.equal(r.suppressed, 1);
  assert.equal(r.kept[0]!.baselineFingerprint, "bb");
});

test("dedupe keeps one finding per span, the most confident then the most severe", () => {
  const r = dedupe([
    finding({ ruleId: "generic", confidence: 0.6 }),
    finding({ ruleId: "provider", confidence: 0.95 }),
    finding({ ruleId: "provider-low", confidence: 0.95, severity: "low" }),
    finding({ ruleId: "other-span", column: 9, endColumn: 12 }),
  ]);
  assert.deepEqual(r.kept.map((f) => f.ruleId).sort(), ["other-span", "provider"]);
  assert.equal(r.suppressed, 2);
});

test("findings are sorted by file, line, column, rule", () => {
  const sorted = sortFindings([
    finding({ file: "b", line: 1 }),
    finding({ file: "a", line: 2, column: 5 }),
    finding({ file: "a", line: 2, column: 1, ruleId: "z" }),
    finding({ file: "a", line: 2, column: 1, ruleId: "m" }),
    finding({ file: "a", line: 10 }),
  ]);
  assert.deepEqual(sorted.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`), ["a:2:1:m", "a:2:1:z", "a:2:5:r", "a:10:1:r", "b:1:1:r"]);
});
