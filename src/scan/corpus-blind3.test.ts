import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readLabels, scanAndScore, assertScore, type KnownGaps } from "./labelled-corpus.js";

// The third blind corpus (fixtures/corpus-blind3): 132 files taking a slice the
// first two did not: breadth of provider formats (the gitleaks/trufflehog
// catalogues: age, Databricks, Doppler, Dynatrace, Grafana, Linear, Notion,
// PlanetScale, Postman, Prefect, Pulumi, Scalingo, Tailscale, Terraform Cloud,
// Fly.io, Supabase, Neon, Render, Resend, Clerk, Groq, xAI, LangSmith,
// Atlassian, Okta, Entra ID, ...), secrets in weak-name contexts (positional
// CLI arguments, URL paths and queries, comments, logs, JSON arrays, YAML
// lists, heredocs, escaped JSON, Kubernetes base64 data, Docker auth,
// dotfiles), less common languages (Elixir, Erlang, Clojure, Haskell, Lua, R,
// Julia, Perl, Nix, HCL, Bicep, Jsonnet, CUE, Zig, Crystal, Nim, PowerShell,
// .reg) and traps (hashes, public client keys, encrypted values, placeholders,
// reference syntaxes, password hashes). Labels were written by a reviewer who
// had not read the detectors, and committed before the first scan. Scoring as
// in src/scan/labelled-corpus.ts. Figures: docs/detection.md "Blind corpus 3".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind3/", import.meta.url));

// First scan: precision 0.952, recall 0.916 (20 misses, 11 false alarms); 0.983 / 0.987 after the fixes.
const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;


// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [
    // Decided (docs/detection.md "Known gaps, session 8"): an Algolia key told admin only by a comment; search keys
    // have the same shape and are public.
    "web/src/payments.ts:7",
  ],
  falseAlarms: [
    // Decided (docs/detection.md "Known gaps, session 7"): passphrase-encrypted key reported at high; ZOOM_API_KEY is a strong name with a random value.
    "certs/encrypted.p8:1",
    "platform/.env.production:50",
  ],
};

test("blind corpus 3: precision and recall of scan() on independently labelled fixtures", async () => {
  const { secrets: labels, traps } = readLabels(root);
  assert.ok(labels.length >= 150, `the corpus should plant at least 150 secrets, has ${labels.length}`);
  assert.ok(new Set(labels.map((l) => l.kind)).size >= 70, "the corpus should cover at least 70 kinds");
  assert.ok(traps.length >= labels.length, "the corpus should hold at least as many traps as secrets");

  const score = await scanAndScore(root, labels, traps);
  assertScore(score, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS);
});
