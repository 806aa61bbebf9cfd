import assert from "node:assert/strict";
import test from "node:test";
import { sameDocument } from "./same-document.js";

test("sameDocument: the edited text when it parses to the wanted document, else an error that says which edit and which file", () => {
  assert.equal(sameDocument('{"a":1}', { a: 1 }, JSON.parse, "c.json", "secrets"), '{"a":1}');
  assert.throws(() => sameDocument('{"a":2}', { a: 1 }, JSON.parse, "c.json", "secrets"), /could not take the secrets out of c\.json without changing more than them/);
  assert.throws(() => sameDocument('{"a":', { a: 1 }, JSON.parse, "m.json", "mappings"), /could not add the environment mappings to m\.json/);
});
