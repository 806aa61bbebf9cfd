import { test } from "node:test";
import assert from "node:assert/strict";
import { newGaps, scoreFindings, type CorpusLabel } from "./labelled-corpus.js";
import type { Finding } from "./types.js";

const finding = (file: string, line: number, ruleId = "r"): Finding =>
  ({ ruleId, file, line, column: 1, redacted: "ab…(20 chars)", reason: "why" }) as unknown as Finding;

test("corpus scoring: one count per line, a multi-line label found anywhere inside, traps named in false alarms", () => {
  const secrets: CorpusLabel[] = [
    { file: "a.env", line: 1, kind: "k1", note: "n" },
    { file: "key.pem", line: 3, endLine: 9, kind: "pem", note: "n" },
    { file: "b.yml", line: 4, kind: "k2", note: "missed one" },
  ];
  const traps: CorpusLabel[] = [{ file: "c.js", line: 2, kind: "placeholder", note: "n" }];
  const score = scoreFindings(
    [finding("a.env", 1), finding("a.env", 1, "other"), finding("key.pem", 7), finding("c.js", 2), finding("d.txt", 5)],
    secrets,
    traps,
  );
  // 4 distinct lines, 2 of them false alarms; 2 of 3 secrets found.
  assert.equal(score.precision, 0.5);
  assert.equal(score.recall, 2 / 3);
  assert.match(score.summary, /missed \(1\):\n {2}b\.yml:4 k2 \(missed one\)/);
  assert.match(score.summary, /c\.js:2 r ab…\(20 chars\) \(why\) trap: placeholder/);
  assert.match(score.summary, /d\.txt:5 r .* unlabelled/);
});

test("known gaps: a new miss or false alarm is named, a known one is not, and a fixed one is no failure", () => {
  const secrets: CorpusLabel[] = [
    { file: "a.env", line: 1, kind: "k", note: "n" },
    { file: "b.env", line: 2, kind: "k", note: "n" },
    { file: "c.env", line: 3, kind: "k", note: "n" },
  ];
  const score = scoreFindings([finding("a.env", 1), finding("x.js", 9), finding("y.js", 4)], secrets);
  assert.deepEqual(score.missed, ["b.env:2", "c.env:3"]);
  assert.deepEqual(score.falseAlarms, ["x.js:9", "y.js:4"]);
  // b.env:2 and x.js:9 are known; a.env:1 was a known miss and is found now.
  assert.deepEqual(newGaps(score, { missed: ["a.env:1", "b.env:2"], falseAlarms: ["x.js:9"] }), ["newly missed: c.env:3", "new false alarm: y.js:4"]);
  assert.deepEqual(newGaps(score, { missed: ["b.env:2", "c.env:3"], falseAlarms: ["x.js:9", "y.js:4"] }), []);
});
