import { dataPath } from "../apply/kv-store.js";
import type { VaultStore } from "../apply/vault-store.js";
import type { Plan } from "../plan/types.js";
import { VaultAuthenticationError, VaultConnectionError, VaultError, VaultInvalidTokenError } from "../runtime/errors.js";

// The session's first step: is there a Vault at the address, is it usable,
// and does it accept the token? Asked before anything is scanned, so that a
// wrong VAULT_ADDR or an expired token costs seconds, not a whole review.
// Errors come from the runtime client, already scrubbed of the token.

const LOCAL_TRY = "For a local try, `vaultshift dev-server` starts a Vault-compatible server and prints the VAULT_ADDR and VAULT_TOKEN to export.";

export async function checkVault(store: VaultStore): Promise<{ version: string }> {
  const at = store.address;
  let health;
  try {
    health = await store.client.getHealth();
  } catch (error) {
    const why = error instanceof VaultError ? error.message : String((error as Error)?.message ?? error);
    throw new VaultConnectionError(`Could not reach Vault at ${at}: ${why}.`, {
      cause: error,
      hint: `Check the address (VAULT_ADDR or --vault-addr) and that Vault is running there. ${LOCAL_TRY}`,
    });
  }
  if (!health.initialized) throw new VaultError(`The Vault at ${at} is not initialized.`, { hint: `Initialize it (\`vault operator init\`) or point VAULT_ADDR at another Vault. ${LOCAL_TRY}` });
  if (health.sealed) throw new VaultError(`The Vault at ${at} is sealed.`, { hint: "Unseal it (`vault operator unseal`), then run `vaultshift migrate` again." });
  try {
    await store.client.lookupSelf();
  } catch (error) {
    // No token and no login method: nothing was refused, there was nothing to send.
    if (error instanceof VaultAuthenticationError && !(error instanceof VaultInvalidTokenError) && error.status === undefined) {
      throw new VaultAuthenticationError(`No token to use with the Vault at ${at}: VAULT_TOKEN is not set, there is no ~/.vault-token, and no login method (AppRole, Kubernetes, JWT) is configured.`, {
        cause: error,
        hint: `Set VAULT_TOKEN (\`vault login\` writes ~/.vault-token), or VAULT_ROLE_ID and VAULT_SECRET_ID for AppRole. ${LOCAL_TRY}`,
      });
    }
    if (error instanceof VaultAuthenticationError || (error instanceof VaultError && (error.status === 401 || error.status === 403))) {
      throw new VaultAuthenticationError(`The Vault at ${at} refused the token: ${error.message}.`, {
        cause: error,
        hint: `Set VAULT_TOKEN to a valid token (\`vault login\`, or ~/.vault-token), or VAULT_ROLE_ID and VAULT_SECRET_ID for AppRole. ${LOCAL_TRY}`,
      });
    }
    if (error instanceof VaultConnectionError) throw new VaultConnectionError(`Could not reach Vault at ${at}: ${error.message}.`, { cause: error, hint: `Check VAULT_ADDR and that Vault is running. ${LOCAL_TRY}` });
    throw error;
  }
  return { version: health.version };
}

/** A Vault location the plan writes that the token may not write, and what it may do there. */
export interface DeniedWrite {
  path: string;
  capabilities: string[];
}

/**
 * The plan's writes the session's token may not make, asked of
 * sys/capabilities-self before Confirm: a token that may only read (or
 * nothing) under the app's paths learns it there, not at apply's first
 * Vault write after the plan file and the backups. KV v2 data paths need
 * `create` (a new secret) or `update` (a new version), the policy
 * `create` or `update` under sys/policies/acl. A path the answer leaves out
 * is not reported: the apply will say what is wrong.
 */
export async function deniedWrites(store: VaultStore, plan: Plan): Promise<DeniedWrite[]> {
  const paths = [...new Set(plan.targets.map((t) => dataPath(t.mount, t.path))), `sys/policies/acl/${plan.policy.name}`];
  const body = await store.client.request("POST", "sys/capabilities-self", { body: { paths }, idempotent: true });
  const caps = (body?.data ?? body ?? {}) as Record<string, unknown>;
  const denied: DeniedWrite[] = [];
  for (const path of paths) {
    const c = caps[path];
    if (!Array.isArray(c)) continue;
    if (!c.some((x) => x === "create" || x === "update" || x === "root")) denied.push({ path, capabilities: c.map(String) });
  }
  return denied;
}
