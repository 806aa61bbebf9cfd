import { test } from "node:test";
import assert from "node:assert/strict";
import { redact, scrub } from "./redact.js";

test("redact shows a provider-like head only for long secrets, and always the length", () => {
  assert.equal(redact("sk_live_" + "a1B2c3D4e5F6g7H8i9J0k1L2"), "sk_l…(32 chars)");
  assert.equal(redact("hunter2hunter2xy"), "hu…(16 chars)");
  assert.equal(redact("hunter2"), "…(7 chars)");
  // Characters outside the BMP count once and are never cut in half.
  assert.equal(redact("😀".repeat(21)), "😀😀😀😀…(21 chars)");
});

test("scrub replaces every occurrence of each secret by its label", () => {
  const secret = "CANARY_" + "x9Y8z7W6v5U4t3S2";
  const out = scrub(`a=${secret} b=${secret}`, [secret]);
  assert.ok(!out.includes(secret));
  assert.equal(out, `a=${redact(secret)} b=${redact(secret)}`);
});
