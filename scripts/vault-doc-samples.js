#!/usr/bin/env node
// Regenerates src/devserver/contract/doc-samples.json: the sample requests and
// responses of the Vault/OpenBao API pages that the docs-driven conformance
// test (src/devserver/contract/docs-samples.test.ts) replays. The pages are
// MPL-2.0 (reference/vault-api/LICENSE-NOTE.md); only the sample blocks are
// kept, each with the upstream file and commit it came from.
//
//   npx tsc -p . && node scripts/vault-doc-samples.js [/path/to/reference/vault-api]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractSamples } from "../dist/src/devserver/contract/doc-samples.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const reference = process.argv[2] ?? "/work/shared/reference/vault-api";

const SOURCES = {
  openbao: { repo: "openbao/openbao", commit: "df6ce2cebaa823979215c116a16820aa913fe3b1", prefix: "website/content/docs/", local: "openbao/docs/" },
  "vault-1.14": { repo: "openbao/openbao (hashicorp/vault release/1.14.x history)", commit: "afc925b3590c48d6e214c95aabf7fa5372448fd9", prefix: "website/content/", local: "vault-1.14/" },
};

const PAGES = [
  ["openbao", "api/auth/token.mdx"],
  ["openbao", "api/auth/approle.mdx"],
  ["openbao", "api/auth/kubernetes.mdx"],
  ["openbao", "api/secret/kv/kv-v2.mdx"],
  ["openbao", "api/secret/transit.mdx"],
  ["openbao", "api/secret/databases/index.mdx"],
  ["openbao", "api/system/health.mdx"],
  ["openbao", "api/system/seal-status.mdx"],
  ["openbao", "api/system/init.mdx"],
  ["openbao", "api/system/unseal.mdx"],
  ["openbao", "api/system/mounts.mdx"],
  ["openbao", "api/system/auth.mdx"],
  ["openbao", "api/system/policy.mdx"],
  ["openbao", "api/system/policies.mdx"],
  ["openbao", "api/system/audit.mdx"],
  ["openbao", "api/system/audit-hash.mdx"],
  ["openbao", "api/system/capabilities-self.mdx"],
  ["openbao", "api/system/leases.mdx"],
  ["openbao", "api/system/wrapping-wrap.mdx"],
  ["openbao", "api/system/wrapping-lookup.mdx"],
  ["openbao", "api/system/wrapping-rewrap.mdx"],
  ["openbao", "api/system/wrapping-unwrap.mdx"],
  ["openbao", "api/system/storage/raft.mdx"],
  ["vault-1.14", "api-docs/secret/kv/kv-v2.mdx"],
  ["vault-1.14", "api-docs/system/health.mdx"],
  ["vault-1.14", "api-docs/system/policy.mdx"],
  ["vault-1.14", "api-docs/system/policies.mdx"],
];

const endpoints = [];
for (const [tree, page] of PAGES) {
  const src = SOURCES[tree];
  const local = src.local + page;
  for (const e of extractSamples(readFileSync(join(reference, local), "utf8"), local)) {
    endpoints.push({ ...e, source: { repo: src.repo, commit: src.commit, path: src.prefix + page } });
  }
}
const out = {
  about:
    "Sample blocks (payload, curl request, response) of the Vault/OpenBao HTTP API documentation, extracted by scripts/vault-doc-samples.js. " +
    "Licensed MPL-2.0 like their source pages (https://mozilla.org/MPL/2.0/); source.path at source.commit of github.com/openbao/openbao.",
  license: "MPL-2.0",
  endpoints,
};
writeFileSync(join(root, "src/devserver/contract/doc-samples.json"), JSON.stringify(out, null, 1) + "\n");
console.log(`${endpoints.length} endpoints from ${PAGES.length} pages`);
