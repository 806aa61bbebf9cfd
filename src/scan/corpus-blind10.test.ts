import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The tenth blind corpus (fixtures/corpus-blind10): places no earlier corpus
// measured. Data and ML work (Jupyter and Colab notebooks with keys in code
// cells, %env magics and echoed outputs beside base64 images, checksums and
// run ids; Databricks exports; dbt profiles; Airflow connection URIs and
// fernet keys; kaggle.json; W&B and MLflow keys; a service-account JSON pasted
// as an escaped string); shell and CLI usage (bash and zsh history, mysql -p,
// PGPASSWORD, sshpass, curl -u and bearer headers, docker login, helm --set,
// kubectl --from-literal, heredocs writing .env and .npmrc, Makefiles, .envrc,
// systemd Environment=, crontabs) beside the same commands reading $VAR,
// ${{ secrets.X }} and $(cat ...); key material beyond PEM (WireGuard, age,
// minisign, signify, Nostr nsec, BIP-39 mnemonics, Ethereum and Solana keys,
// private JWKs, PKCS#12 blobs, SSH keys in YAML block scalars) beside public
// keys, addresses, hashes and published test vectors; framework secrets
// (Rails, Laravel, Symfony, Django, Flask, Phoenix, WordPress, Drupal, Magento,
// Joomla, ASP.NET user secrets, Spring, Quarkus, Micronaut, NextAuth, express-
// session) beside framework defaults and templates; 2025-2026 AI and developer-
// platform tokens beside their publishable forms, docs formats and redactions.
// Labels come from markers in the generator's template (_meta/templates.txt,
// read by _meta/gen.py; neither is scanned), written by an engineer who had not
// read the detectors and committed before the first scan. Figures:
// docs/detection.md "Blind corpus 10".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind10/", import.meta.url));

// Reached 1.000 / 0.990 (first scan: 0.990 / 0.914, 0.990 / 0.919 once the generator's values were
// ones a real file could hold); the floor is that minus a small margin.
const MIN_PRECISION = 0.99;
const MIN_RECALL = 0.98;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [
    // Decided (docs/detection.md "Known gaps, session 10"): Phoenix's `signing_salt` is not a secret by Phoenix's
    // maintainers (phoenixframework/phoenix#2146: "The secret_key_base is enough as a secret"); the label disagrees.
    "phoenix-chat/config/prod.exs:5",
  ],
  falseAlarms: [
    // Reported by choice (blind corpus 13's labeller calls it a secret, this one a UUID trap): a Healthchecks.io
    // ping URL in a crontab; whoever holds it can report the job healthy while it fails (low severity).
    "ops/cron/crontab:4",
  ],
};

test("blind corpus 10: precision and recall of scan() on notebooks, shell history, key material, framework secrets and 2025-2026 platform tokens", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py"]);
});
