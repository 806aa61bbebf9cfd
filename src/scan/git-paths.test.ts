import { test } from "node:test";
import assert from "node:assert/strict";
import { GitPaths } from "./git-paths.js";

// git's -z output cut at every possible place: inside a path, inside a UTF-8
// sequence, between a NUL and the next path, and a stage repeat split across
// chunks, read back as the paths one read of the whole output gives.

const PATHS = ["a.txt", "dir/é clair.md", "日本/設定.json", "c.txt", "c.txt", "c.txt", "emoji/🔑.env", "z"];

function whole(paths: readonly string[]): Buffer {
  return Buffer.from(paths.map((p) => `${p}\0`).join(""), "utf8");
}

function read(chunks: Buffer[]): { paths: string[]; counted: number; complete: boolean } {
  const list = new GitPaths();
  let counted = 0;
  for (const c of chunks) counted += list.push(c);
  return { paths: list.paths, counted, complete: list.complete };
}

const EXPECTED = ["a.txt", "dir/é clair.md", "日本/設定.json", "c.txt", "emoji/🔑.env", "z"];

test("GitPaths: one chunk; the stage repeats of a path in conflict once", () => {
  assert.deepEqual(read([whole(PATHS)]), { paths: EXPECTED, counted: EXPECTED.length, complete: true });
});

test("GitPaths: cut in two at every byte, and in three at every pair of bytes, the same paths", () => {
  const bytes = whole(PATHS);
  for (let i = 0; i <= bytes.length; i++) {
    assert.deepEqual(read([bytes.subarray(0, i), bytes.subarray(i)]), { paths: EXPECTED, counted: EXPECTED.length, complete: true }, `cut at ${i}`);
    for (let j = i; j <= bytes.length; j += 3) {
      assert.deepEqual(read([bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)]).paths, EXPECTED, `cut at ${i} and ${j}`);
    }
  }
});

test("GitPaths: one byte at a time", () => {
  const bytes = whole(PATHS);
  assert.deepEqual(read([...bytes].map((b) => Buffer.from([b]))).paths, EXPECTED);
});

test("GitPaths: output cut short (no NUL after the last path) is not complete, and its last path is not read", () => {
  const bytes = whole(["a.txt", "b.txt"]);
  const cut = read([bytes.subarray(0, bytes.length - 3)]);
  assert.deepEqual(cut.paths, ["a.txt"]);
  assert.equal(cut.complete, false);
  assert.equal(read([]).complete, true, "no output at all: an empty listing");
});

test("GitPaths: a path repeated only after another path is kept both times (only consecutive stage repeats are dropped)", () => {
  assert.deepEqual(read([whole(["a", "b", "a"])]).paths, ["a", "b", "a"]);
});
