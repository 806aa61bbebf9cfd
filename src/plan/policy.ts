import { dataPath } from "../apply/kv-store.js";

// The ACL policy an app needs to read its migrated secrets: `read` on each
// KV v2 data path it uses (KV v2 ACLs apply to `<mount>/data/<path>`, see
// openbao/docs/secrets/kv/kv-v2.mdx "ACL rules"), nothing else. Exact paths,
// no globs, so the policy grants no more than the plan moved.

export function policyName(app: string): string {
  // Vault stores policy names lower-cased (vault/logical_system.go, handlePoliciesSet).
  return `${app}-read`.toLowerCase();
}

export function policyFor(app: string, mount: string, paths: string[]): { name: string; hcl: string } {
  const stanzas = [...new Set(paths)]
    .sort()
    .map((p) => `path "${dataPath(mount, p)}" {\n  capabilities = ["read"]\n}\n`);
  return { name: policyName(app), hcl: `# Written by vaultshift: lets ${app} read the secrets it was migrated to.\n${stanzas.join("\n")}` };
}
