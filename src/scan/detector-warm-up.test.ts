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

test("warm-up texts are flat strings with their placeholders filled in, one-byte but for the foreign names'", () => {
  let foreign = 0;
  for (const [file, text] of warmUpTexts()) {
    assert.ok(!/@[A-Z]@/.test(text), file);
    if (/^[\x00-\x7f]*$/.test(text)) continue;
    // The one text in another script reads a name the foreign head words give (secret-name.ts).
    foreign++;
    assert.ok(/[\u0400-\u04ff\u4e00-\u9fff]/.test(text), `${file}: ASCII, or a name in another script`);
  }
  assert.equal(foreign, 1);
});
