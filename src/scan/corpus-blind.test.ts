import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scanAndScore, assertScore, type KnownGaps } from "./labelled-corpus.js";

// The blind corpus (fixtures/corpus-blind): files shaped like real repositories
// (Rails, Django, Spring, .NET, compose, Helm, Terraform, CI, Kubernetes,
// credential files, notebooks, lockfiles, docs…), labelled by a reviewer who
// had not read the detectors. Labels were fixed before the first scan; the
// scanner runs as a user would run it (the library `scan()` over the folder).
// A finding counts once per line; a multi-line secret (a PEM block) is found
// when any finding lands inside its lines. Measured on 2026-11-22: see
// docs/detection.md "Blind corpus".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind/", import.meta.url));

interface Label {
  file: string;
  line: number;
  endLine?: number;
  kind: string;
  note: string;
}

const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.9;


// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [],
  falseAlarms: [],
};

test("blind corpus: precision and recall of scan() on independently labelled fixtures", async () => {
  const { secrets: labels, traps } = JSON.parse(readFileSync(join(root, "labels.json"), "utf8")) as { secrets: Label[]; traps: Array<Omit<Label, "kind">> };
  assert.ok(labels.length >= 120, `the blind corpus should plant at least 120 secrets, has ${labels.length}`);
  assert.ok(new Set(labels.map((l) => l.kind)).size >= 40, "the blind corpus should cover at least 40 kinds");
  assert.ok(traps.length >= labels.length, "the blind corpus should hold at least as many traps as secrets");

  const score = await scanAndScore(root, labels, traps.map((t) => ({ ...t, kind: "trap" })), ["labels.json", "_meta/generate.mjs", "_meta/files.mjs"]);
  assertScore(score, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS);
});
