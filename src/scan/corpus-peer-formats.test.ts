import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readLabels, scanAndScore, assertScore, type KnownGaps } from "./labelled-corpus.js";

// The peer-formats corpus (fixtures/peer-formats): every credential format that
// gitleaks, trufflehog, secretlint and detect-secrets look for
// (_meta/formats.js, which names the peer rules for each), planted next to a
// provider name in a .env, YAML or JS file and, when the format has a
// distinctive prefix or structure, also bare (a log line, a README code fence,
// a JSON value under the neutral key "value") where only a prefix rule can find
// it; traps of the same shapes (.env.example fill, documentation examples with
// EXAMPLE written into them, publishable keys that browsers receive by design).
// Values are seeded fakes from _meta/generate.js; _meta/coverage.js writes
// _meta/peers.json, the per-format verdicts. Figures: docs/detection.md "Peer
// rule parity".

const root = fileURLToPath(new URL("../../../fixtures/peer-formats/", import.meta.url));

const { secrets, traps } = readLabels(root);

const MIN_PRECISION = 0.99;
const MIN_RECALL = 0.98;

// The gaps this corpus still has, as "file:line". The missed ones are formats the peers too find
// only next to their provider's name (their rules need the keyword "discord", "mailgun", "mandrill",
// "yandex", "adyen" or "ngrok" in the text): a bare Discord bot token, Mailgun "key-" + 32 hex,
// Mandrill "md-" + 22, Yandex IAM "t1." token, Adyen "AQE…" key or ngrok authtoken ("2" + 26 + "_"
// + 21) has no prefix distinctive enough to search every file for. The false alarm is an Azure storage connection string from a documentation
// example with EXAMPLE written into the middle of its account key, which the generic detector
// reports (it treats EXAMPLE as a documentation marker only at the end of a value, as AWS's docs
// write them).
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "logs/messaging-worker.log:4", // discord-bot-token, bare
    "logs/messaging-worker.log:8", // mandrill-api-key, bare
    "logs/payments-worker.log:5", // adyen-api-key, bare
    "logs/dev-worker.log:24", // ngrok-authtoken, bare
    // Vault's pre-1.10 "s." + 24 token, bare: a two-character prefix is no prefix (gitleaks searches for
    // "s." in every file); found next to a Vault name (vault-legacy-token), as in dev/.env.
    "docs/dev.md:30", // vault-legacy-service-token, bare
  ],
  falseAlarms: [
    "docs/cloud.md:24", // azure storage connection string, documentation example with EXAMPLE mid-key
  ],
};

test("peer-formats corpus: every format the peer scanners know is found, named and bare", async () => {
  assert.ok(secrets.length >= 400, `the corpus should plant at least 400 secrets, has ${secrets.length}`);
  assert.ok(traps.length >= secrets.length, "the corpus should hold at least as many traps as secrets");
  const score = await scanAndScore(root, secrets, traps, ["labels.json", "_meta/formats.js", "_meta/generate.js", "_meta/coverage.js", "_meta/peers.json"]);
  assertScore(score, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS);
});
