import { test } from "node:test";
import assert from "node:assert/strict";
import { blankJsonc, isJsoncOnly, parseJsonc } from "./jsonc.js";

test("comments and trailing commas are blanked to spaces of the same length; strings holding // or /* stay", () => {
  const text = '{\n  "url": "http://x//y/*z*/", // a comment\n  /* block\n  over lines */ "a": [1, 2,],\n}\n';
  const blank = blankJsonc(text);
  assert.equal(blank.length, text.length);
  assert.equal(blank.split("\n").length, text.split("\n").length);
  assert.deepEqual(parseJsonc(text), { url: "http://x//y/*z*/", a: [1, 2] });
  assert.ok(blank.includes('"http://x//y/*z*/"'));
  assert.ok(!blank.includes("comment") && !blank.includes("block"));
  assert.ok(isJsoncOnly(text));
  assert.ok(!isJsoncOnly('{ "a": "//" }'));
});

test("JSON5 beyond comments (unquoted keys, single quotes) still fails to parse", () => {
  assert.throws(() => parseJsonc("{ a: 1 }"));
  assert.throws(() => parseJsonc("{ \"a\": 'x' }"));
  assert.deepEqual(parseJsonc('\ufeff{ "a": 1 }'), { a: 1 });
});
