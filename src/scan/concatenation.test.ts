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

test("JavaScript: `+` of literals, template literals and an array joined with nothing are read for provider formats", () => {
  const cases = [
    `const STRIPE_KEY = "sk_live_" + "${body}";\n`,
    `const STRIPE_KEY =\n  'sk_live_' +\n  '${body}';\n`,
    `export const key = \`sk_live_\` + \`${body}\`;\n`,
    `const stripeKey = ["sk_live_", "${body.slice(0, 50)}", "${body.slice(50)}"].join("");\n`,
    `module.exports={a:1,b:function(){return"x"+y},k:"sk_live_"+"${body}",c:2};\n`,
  ];
  for (const text of cases) {
    const found = scanText({ file: "src/stripe.ts", text }).findings;
    assert.deepEqual(found.map((f) => [f.ruleId, f.secret]), [["stripe-secret-key", `sk_live_${body}`]], text);
  }
});

test("JavaScript: a join inside a minified line of megabytes is read with its name, the rest of the line is not", () => {
  const filler = "a=b+c;".repeat(200_000);
  const text = `${filler}var k="sk_live_"+"${body}";${filler}\n`;
  const hits = detectConcatenated(text, fileInfo("dist/app.min.js"), set);
  assert.deepEqual(hits.map((h) => [h.ruleId, h.secret, h.start]), [["stripe-secret-key", `sk_live_${body}`, filler.length + 6]]);
});

test("JavaScript: a joined value is not guessed from its name (only formats are read there), other code's is", () => {
  const text = `const sessionToken = "${half}" + "${other}";\n`;
  assert.deepEqual(detectConcatenated(text, fileInfo("src/session.js"), set), []);
  assert.equal(detectConcatenated(text.replace("const ", ""), fileInfo("app/session.py"), set)[0]?.secret, half + other);
});

test("test files are not read for joined literals: a test builds its canary from parts so that it is no literal", () => {
  const text = `const STRIPE_KEY = "sk_live_" + "${body}";\n`;
  assert.deepEqual(detectConcatenated(text, fileInfo("src/billing.test.ts"), set), []);
  assert.deepEqual(detectConcatenated(text.replace("const ", ""), fileInfo("tests/test_billing.py"), set), []);
  assert.equal(detectConcatenated(text, fileInfo("src/billing.ts"), set).length, 1);
});

test("a user:password joined from literals and encoded for a Basic header is found; its secret is the password", () => {
  const password = `${half.slice(0, 10)}+${other.slice(0, 5)}$`;
  for (const [file, text] of [
    ["src/api.ts", `const legacyAuth = "Basic " + btoa("dispatch-mobile:" + "${password}");\n`],
    ["lib/Sync.php", `$auth = base64_encode('dispatch:' . '${password}');\n`],
  ] as const) {
    const found = scanText({ file, text }).findings;
    assert.deepEqual(found.map((f) => [f.kind, f.secret]), [["password", password]], file);
  }
  // A URI scheme is no user name; a stand-in password is no secret.
  assert.deepEqual(detectConcatenated(`const u = btoa("https:" + "//example.com/x");\n`, fileInfo("a.js"), set), []);
  assert.deepEqual(detectConcatenated(`const u = btoa("user:" + "password123");\n`, fileInfo("a.js"), set), []);
});

test("a constant the file gives a literal once heads the joined value; one assigned again does not", () => {
  const text = `const part1 = "sk_live_";\nexport const STRIPE = part1 + "${body.slice(0, 50)}" + "${body.slice(50)}";\n`;
  assert.deepEqual(detectConcatenated(text, fileInfo("src/pay.ts"), set).map((h) => [h.ruleId, h.secret]), [["stripe-secret-key", `sk_live_${body}`]]);
  const reassigned = text.replace("const part1", "let part1") + `part1 = process.env.PREFIX;\n`;
  assert.deepEqual(detectConcatenated(reassigned, fileInfo("src/pay.ts"), set), []);
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
