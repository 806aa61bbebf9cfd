import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readLabels, scanAndScore, assertScore, type KnownGaps } from "./labelled-corpus.js";

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

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;


// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [
    // Decided (docs/detection.md "Known gaps, session 7"): the Firebase configuration key is public by Firebase's design; the label disagrees.
    "ios-app/Acme/GoogleService-Info.plist:8",
  ],
  falseAlarms: [
    // Decided: a passphrase-encrypted key is reported (high, not critical), as gitleaks does; the label calls it a trap.
    "certs/encrypted.key:1",
  ],
};

test("blind corpus 2: precision and recall of scan() on independently labelled fixtures", async () => {
  const { secrets: labels, traps } = readLabels(root);
  assert.ok(labels.length >= 150, `the corpus should plant at least 150 secrets, has ${labels.length}`);
  assert.ok(new Set(labels.map((l) => l.kind)).size >= 50, "the corpus should cover at least 50 kinds");
  assert.ok(traps.length >= labels.length, "the corpus should hold at least as many traps as secrets");

  const score = await scanAndScore(root, labels, traps);
  assertScore(score, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS);
});
