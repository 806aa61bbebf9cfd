import { test } from "node:test";
import assert from "node:assert/strict";
import { linesAddedByContent } from "./line-counts.js";

test("a new file: every line is added", () => {
  assert.deepEqual(linesAddedByContent(undefined, "a\nb\n"), [1, 2]);
  assert.deepEqual(linesAddedByContent(undefined, "a\nb"), [1, 2]);
});

test("edited and inserted lines are added; unchanged and moved lines are not", () => {
  assert.deepEqual(linesAddedByContent("a\nb\nc\n", "c\na\nB\nb\n"), [3]);
  assert.deepEqual(linesAddedByContent("a\nb\n", "a\nb\n"), []);
});

test("a line repeated more often than before: the extra copies are added", () => {
  assert.deepEqual(linesAddedByContent("x\ny\n", "x\ny\nx\nx\n"), [3, 4]);
});

test("line ends: CRLF and LF versions of a line are the same line", () => {
  assert.deepEqual(linesAddedByContent("a\r\nb\r\n", "a\nb\nc\n"), [3]);
});
