import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { detectConcatenated } from "./concatenation.js";
import { compileRuleSet, selectRules } from "./rule-set.js";
import { fileInfo } from "./file-kind.js";
import { fake, ALNUM } from "../../rules/fake.js";

const set = compileRuleSet(selectRules({}));
const body = fake(ALNUM, 99, "concat-stripe");
const half = fake(ALNUM, 20, "concat-a");
const other = fake(ALNUM, 20, "concat-b");

test("a provider token split into joined literals is found, and its secret is the joined value", () => {
  const text = `STRIPE_KEY = "sk_live_" + "${body}"\n`;
  const hits = detectConcatenated(text, fileInfo("app/stripe.py"), set);
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.ruleId, "stripe-secret-key");
  assert.equal(hits[0]!.secret, `sk_live_${body}`);
  assert.equal(text.slice(hits[0]!.start, hits[0]!.end), `"sk_live_" + "${body}"`);
});

test("JavaScript is not read for joined literals (its cost on the npm corpus); the scan leaves them", () => {
  assert.deepEqual(scanText({ file: "src/stripe.js", text: `const STRIPE_KEY = "sk_live_" + "${body}";\n` }).findings, []);
});

test("Python's parenthesised implicit concatenation, PHP's dot and C's #define continued with a backslash are joined under their name", () => {
  const cases: Array<[string, string]> = [
    ["jobs/export.py", `ZENDESK_TOKEN = (\n    "${half}"\n    "${other}"\n)\n`],
    ["config.php", `$apiSecret = '${half}' . '${other}';\n`],
    ["uplink.h", `#define UPLINK_API_KEY "${half}" \\\n                       "${other}"\n`],
  ];
  for (const [file, text] of cases) {
    const found = scanText({ file, text }).findings;
    assert.equal(found.length, 1, file);
    assert.equal(found[0]!.secret, half + other, file);
  }
});

test("joined prose, SQL, URLs built from parts and short pieces are not secrets", () => {
  const cases: Array<[string, string]> = [
    ["a.java", `String q = "SELECT id, password_hash " + "FROM users WHERE id = ?";\n`],
    ["a.py", `msg = ("Your password must contain " "at least 12 characters")\n`],
    ["a.ts", `const url = "https://api.example.com" + "/v1/tokens";\n`],
    ["a.js", `const sep = "-" + "-";\n`],
    ["a.go", `key := "user:" + "profile:" + "settings"\n`],
  ];
  for (const [file, text] of cases) assert.deepEqual(detectConcatenated(text, fileInfo(file), set), [], file);
});

test("a literal joined to a variable is left alone (the variable's value is unknown)", () => {
  assert.deepEqual(detectConcatenated(`const k = prefix + "${body}";\n`, fileInfo("a.js"), set), []);
});
