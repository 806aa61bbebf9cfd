import { test } from "node:test";
import assert from "node:assert/strict";
import { redactedDiff, secretsIn } from "./redacted-diff.js";

test("a removed line shows the redacted label, never the value", () => {
  const before = "PORT=3000\nSTRIPE_KEY=sk_live_CANARY0123456789abcd\nDEBUG=1\n";
  const after = "PORT=3000\nDEBUG=1\n";
  const diff = redactedDiff(".env", before, after, ["sk_live_CANARY0123456789abcd"]);
  assert.ok(!diff.includes("CANARY"));
  assert.match(diff, /^--- a\/\.env/m);
  assert.match(diff, /^\+\+\+ b\/\.env/m);
  assert.match(diff, /^-STRIPE_KEY=sk_l…\(28 chars\)$/m);
  assert.match(diff, /^ PORT=3000$/m);
});

test("escaped and multi-line forms of a secret are redacted too", () => {
  const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFCANARY01\nAASCBKcwggSjAgEAAoIBAQCANARY0002xyz\n-----END PRIVATE KEY-----";
  const before = `KEY="${pem.replace(/\n/g, "\\n")}"\nconst k = ${JSON.stringify(pem)};\nRAW="${pem}"\n`;
  const diff = redactedDiff("mixed.txt", before, "", [pem]);
  assert.ok(!diff.includes("CANARY"), diff);
  assert.match(diff, /^--- a\/mixed\.txt/m);
});

test("a new file diffs from /dev/null; CRLF content keeps its lines", () => {
  const diff = redactedDiff("src/secrets.js", null, "a\r\nb\r\n", []);
  assert.match(diff, /^--- \/dev\/null/m);
  assert.match(diff, /^\+a\r$/m);
});

test("code rewrite diff: the literal line is redacted on the - side, the read shows on the + side", () => {
  const before = `const stripe = new Stripe("sk_live_CANARY0123456789abcd");\n`;
  const after = `const stripe = new Stripe(secrets.STRIPE_KEY);\n`;
  const diff = redactedDiff("src/pay.js", before, after, ["sk_live_CANARY0123456789abcd"]);
  assert.match(diff, /^-const stripe = new Stripe\("sk_l…\(28 chars\)"\);$/m);
  assert.match(diff, /^\+const stripe = new Stripe\(secrets\.STRIPE_KEY\);$/m);
});

test("the values a text holds are found in any written form: a PEM kept on one .env line with \\n escapes is one of them", () => {
  const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFCANARY01\n-----END PRIVATE KEY-----";
  const plain = "CANARY_plain_Tq4Wz8Nd";
  const escaped = `PEM="${pem.replace(/\n/g, "\\n")}"\r\nPORT=1\r\n`;
  assert.deepEqual(secretsIn(escaped, [pem, plain]), [pem]);
  assert.deepEqual(secretsIn(`A=${plain}\n`, [pem, plain]), [plain]);
  assert.ok(!redactedDiff(".env", escaped, "PORT=1\r\n", secretsIn(escaped, [pem, plain])).includes("CANARY"));
});
