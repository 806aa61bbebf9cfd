import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scan } from "./scanner.js";
import { scoreFindings } from "./labelled-corpus.js";

// The second blind corpus (fixtures/corpus-blind2): 166 files shaped like real
// repositories of another slice of ecosystems (Laravel/Symfony/Rails/Django/
// Flask/Express/Next/Spring/.NET/Go/Rust/Kotlin/Swift/Dart/Elixir/Play,
// Ansible/Chef/Puppet/Salt/Nix, Serverless/SAM/Pulumi/Terraform state, CI
// configs, dotfiles, HAR/Postman/notebooks/logs/SQL seeds, docs, i18n, forms,
// minified bundles). Labels were written by a reviewer who had not read the
// detectors, and committed before the first scan. A finding counts once per
// line; a multi-line secret (a PEM block) is found when any finding lands
// inside its lines; a finding on a line with no secret label (a trap or an
// unlabelled line) is a false alarm. Figures: docs/detection.md "Blind corpus 2".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind2/", import.meta.url));

interface Label {
  file: string;
  line: number;
  endLine?: number;
  kind: string;
  note: string;
  trap?: boolean;
}

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;

test("blind corpus 2: precision and recall of scan() on independently labelled fixtures", async () => {
  const all = (JSON.parse(readFileSync(join(root, "labels.json"), "utf8")) as { labels: Label[] }).labels;
  const labels = all.filter((l) => !l.trap);
  const traps = all.filter((l) => l.trap);
  assert.ok(labels.length >= 150, `the corpus should plant at least 150 secrets, has ${labels.length}`);
  assert.ok(new Set(labels.map((l) => l.kind)).size >= 50, "the corpus should cover at least 50 kinds");
  assert.ok(traps.length >= labels.length, "the corpus should hold at least as many traps as secrets");

  const result = await scan({ cwd: root, workers: 0, baselineFile: false, skipFiles: ["labels.json"] });
  const { precision, recall, summary } = scoreFindings(result.findings, labels, traps, `files ${result.stats.filesScanned}`);
  console.log(summary);
  assert.ok(precision >= MIN_PRECISION && recall >= MIN_RECALL, summary);
});
