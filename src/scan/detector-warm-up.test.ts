import { test } from "node:test";
import assert from "node:assert/strict";
import { warmUpTexts } from "./detector-warm-up.js";
import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";

// The warm-up is worth its CPU only if its texts take the value readers' branches: each form must
// still be one the generic detector reads a secret from.
test("every warm-up text holds a value the generic detector reports", () => {
  const texts = warmUpTexts();
  assert.ok(texts.length >= 40);
  let hits = 0;
  for (const [file, text] of texts) {
    const found = detectGeneric(text, fileInfo(file));
    assert.ok(found.length > 0, `${file}: no value read from ${JSON.stringify(text.slice(0, 80))}`);
    hits += found.length;
  }
  assert.ok(hits >= 100, `only ${hits} values read`);
});

test("warm-up texts are flat one-byte strings with their placeholders filled in", () => {
  for (const [file, text] of warmUpTexts()) {
    assert.ok(!text.includes("@V@") && !text.includes("@T@"), file);
    assert.ok(/^[\x00-\x7f]*$/.test(text), `${file}: ASCII only`);
  }
});
