import { test } from "node:test";
import assert from "node:assert/strict";
import { LineCursor, LineIndex } from "./positions.js";

// A seeded generator: the same texts on every run.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

test("LineCursor gives LineIndex's positions, for ascending offsets and for jumps back", () => {
  const r = rng(7);
  for (let n = 0; n < 300; n++) {
    const len = Math.floor(r() * 400);
    let text = "";
    for (let i = 0; i < len; i++) text += r() < 0.15 ? "\n" : r() < 0.05 ? "\r\n" : "ab"[Math.floor(r() * 2)]!;
    const index = new LineIndex(text);
    const cursor = new LineCursor(text);
    const ascending = new LineCursor(text);
    const offsets = Array.from({ length: 20 }, () => Math.floor(r() * (text.length + 1)));
    for (const o of offsets) assert.deepEqual(cursor.position(o), index.position(o), `offset ${o} of ${JSON.stringify(text)}`);
    for (const o of offsets.sort((a, b) => a - b)) {
      const end = Math.min(text.length, o + Math.floor(r() * 30));
      assert.deepEqual(ascending.range(o, end), index.range(o, end), `range ${o}-${end} of ${JSON.stringify(text)}`);
    }
  }
});

test("LineCursor: offsets at a newline, after the last one, and in a text without any", () => {
  const c = new LineCursor("a\n\nbc\n");
  assert.deepEqual(c.position(1), { line: 1, column: 2 }, "the newline itself belongs to its line");
  assert.deepEqual(c.position(2), { line: 2, column: 1 });
  assert.deepEqual(c.position(3), { line: 3, column: 1 });
  assert.deepEqual(c.position(6), { line: 4, column: 1 });
  assert.deepEqual(c.position(0), { line: 1, column: 1 }, "back to the start");
  assert.deepEqual(new LineCursor("x".repeat(10)).position(9), { line: 1, column: 10 });
});
