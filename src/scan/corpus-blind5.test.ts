import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The fifth blind corpus (fixtures/corpus-blind5): the artefacts a repository
// carries besides source code (CI files of eight systems, Terraform tfvars and
// state, CloudFormation parameters, Pulumi stacks, Ansible inventories and
// vaults, Helm, kustomize, Kubernetes Secrets, compose, Dockerfiles, a Jupyter
// notebook, Postman/Insomnia/.http/.rest/HAR files, package-manager and cloud
// client configs, framework settings, logs, a shell history, a SQL dump, a
// crash report, mobile configs) and token formats introduced in 2023-2026
// (sk-proj-/sk-svcacct-/sk-admin-, sk-ant-api03-/admin01-, gsk_, xai-, pplx-,
// pcsk_, lsv2_, r8_, github_pat_, glrt-/gldt-, sb_secret_, ntn_, figd_, dp.st.,
// pul-, .atlasv1., nfp_, pscale_, napi_, sntrys_/sntryu_, glc_/glsa_, dt0c01.,
// ATATT3, tskey-, ops_, AGE-SECRET-KEY-1, vcp_/vck_, hvs./hvb. ...). Labels were
// written by a reviewer who had not read the detectors, and committed before
// the first scan: every secret, and as many traps (placeholders, references,
// encrypted values, public-by-design keys, hashes, ids, test fakes).
// Figures: docs/detection.md "Blind corpus 5".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind5/", import.meta.url));

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [
    // Decided (docs/detection.md "Known gaps, session 8"): `sid=` in a log line reads as every request/trace id.
    "logs/api-2026-03-14.log:7",
  ],
  falseAlarms: [
    // Decided (docs/detection.md "Known gaps, session 7"): a Stripe PaymentIntent client secret (Stripe: do not log or store it), a Segment write key
    // (server keys have the same shape), the service-account key id to revoke, a Maps SDK key in local.properties
    // (reported at medium in every mobile file; blind corpora 1, 2 and 7 label the same file's key a secret).
    "api-tooling/checkout.har:27",
    "app/src/auth-constants.ts:19",
    "keys/gcp-service-account.json:4",
    "mobile/android/local.properties:2",
  ],
};

test("blind corpus 5: precision and recall of scan() on repository artefacts and recent token formats", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS);
});
