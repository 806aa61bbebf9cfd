import { test } from "node:test";
import assert from "node:assert/strict";
import { jsonSpans, removeMember } from "./json-spans.js";

const remove = (text: string, path: string[]): string => {
  const spans = jsonSpans(text, "\u0000");
  return removeMember(text, spans.get(path.join("\u0000"))!, spans.get(path.slice(0, -1).join("\u0000"))!);
};

test("spans: members know where their key starts; array elements are marked", () => {
  const text = '{ "a": { "b": "x" }, "list": ["y", { "c": "z" }] }';
  const spans = jsonSpans(text, "\u0000");
  const b = spans.get("a\u0000b")!;
  assert.equal(text.slice(b.keyStart!, b.end), '"b": "x"');
  assert.equal(spans.get("list[0]")!.inArray, true);
  assert.equal(spans.get("list[1]\u0000c")!.inArray, true);
  assert.equal(spans.get("a")!.inArray, undefined);
});

test("removing a member keeps the rest of the object's layout: last, first, middle, only member", () => {
  const multi = '{\n  "a": 1,\n  "b": "two",\n  "c": 3\n}\n';
  assert.equal(remove(multi, ["c"]), '{\n  "a": 1,\n  "b": "two"\n}\n');
  assert.equal(remove(multi, ["a"]), '{\n  "b": "two",\n  "c": 3\n}\n');
  assert.equal(remove(multi, ["b"]), '{\n  "a": 1,\n  "c": 3\n}\n');
  assert.equal(remove('{ "x": { "only": "v" }, "y": 1 }', ["x", "only"]), '{ "x": {}, "y": 1 }');
  assert.equal(remove('{ "host": "h", "password": "p", "db": "d" }', ["password"]), '{ "host": "h", "db": "d" }');
  // CRLF and tabs stay as they are.
  assert.equal(remove('{\r\n\t"a": 1,\r\n\t"b": 2\r\n}\r\n', ["b"]), '{\r\n\t"a": 1\r\n}\r\n');
});
