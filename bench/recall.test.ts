import { test } from "node:test";
import assert from "node:assert/strict";
import { countBy, score } from "./recall.js";
import type { PlantedSecret } from "./plant.js";

const p = (id: number, file: string, line: number, endLine = line, provider = "x"): PlantedSecret => ({
  id, provider, name: "N", host: "js", file, line, column: 1, endLine, endColumn: 2, existingFile: true,
});

test("score: hits within a planted secret's lines, one hit per secret, the rest outside", () => {
  const planted = [p(1, "a.js", 10), p(2, "b/.env", 3, 30, "rsa"), p(3, "c.js", 5)];
  const s = score(
    [
      { file: "a.js", line: 10, rule: "r1" },
      { file: "a.js", line: 10, rule: "r2" }, // second finding on the same secret
      { file: "a.js", line: 11, rule: "r1" }, // next line: noise
      { file: "b/.env", line: 30, rule: "pem" }, // last line of a multi-line secret
      { file: "c.jsx", line: 5, rule: "r1" }, // other file
    ],
    planted,
  );
  assert.equal(s.findings, 5);
  assert.equal(s.found, 2);
  assert.deepEqual(s.missed, [3]);
  assert.deepEqual(s.outside.map((f) => `${f.file}:${f.line}`), ["a.js:11", "c.jsx:5"]);
  assert.deepEqual(s.byProvider.get("x"), { found: 1, planted: 2 });
  assert.deepEqual(s.byProvider.get("rsa"), { found: 1, planted: 1 });
});

test("countBy sorts by count then key, and cuts to top", () => {
  assert.deepEqual(countBy(["b", "a", "b", "c", "a", "b"], (x) => x), [["b", 3], ["a", 2], ["c", 1]]);
  assert.deepEqual(countBy(["b", "a", "c"], (x) => x, 2), [["a", 1], ["b", 1]]);
});
