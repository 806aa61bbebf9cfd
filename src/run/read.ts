import { VaultshiftError } from "../errors.js";
import type { VaultClient } from "../runtime/client.js";
import { VaultAuthenticationError, VaultConnectionError, VaultLoadSecretsError, VaultPermissionError, VaultSealedError, type VaultError } from "../runtime/errors.js";
import { loadSecrets, type SecretBinding } from "../runtime/load-secrets.js";
import { ENV_NAME, type RunBinding } from "./bindings.js";

// Reads the values `vaultshift run` sets, through vaultshift/runtime (the
// client migrated apps use: same auth sources, same errors). Values stay in
// memory, on their way to the child's environment; nothing is written.

export interface WholePath {
  path: string;
  mount?: string;
}

export interface ReadResult {
  /** Name → value, in the order set (whole paths first, then bindings over them). */
  values: Map<string, string>;
  /** Name → where its value was read (`secret/shop/production/database#DB_PASSWORD`). */
  origins: Map<string, string>;
  /** Keys of a --path secret that are no variable name (`api-key`): not set. */
  skippedKeys: string[];
}

export interface ReadRequest {
  bindings: RunBinding[];
  wholePaths: WholePath[];
  app?: string;
  environment: string;
  /** The Vault address, for messages. */
  address: string;
}

export async function readValues(client: VaultClient, request: ReadRequest): Promise<ReadResult> {
  const values = new Map<string, string>();
  const origins = new Map<string, string>();
  const skippedKeys: string[] = [];
  try {
    const wholes = await Promise.all(request.wholePaths.map((whole) => client.getSecret(whole.path, { ...(whole.mount !== undefined ? { mount: whole.mount } : {}), cacheTtl: 0 })));
    for (const secret of wholes) {
      for (const key of secret.data.keys()) {
        const value = secret.data.get(key);
        if (value === undefined) continue;
        if (ENV_NAME.test(key)) {
          values.set(key, value);
          origins.set(key, `${secret.fullPath}#${key}`);
        }
        else skippedKeys.push(`${secret.fullPath}#${key}`);
      }
    }
    if (request.bindings.length > 0) {
      const paths: Record<string, SecretBinding> = {};
      for (const b of request.bindings) paths[b.name] = { path: b.path, key: b.key, ...(b.mount !== undefined ? { mount: b.mount } : {}) };
      const loaded = await loadSecrets({ paths, client, environment: request.environment, ...(request.app !== undefined ? { app: request.app } : {}) });
      for (const b of request.bindings) {
        values.set(b.name, loaded[b.name]!);
        origins.set(b.name, `${b.mount !== undefined ? `${b.mount}/` : ""}${b.path}#${b.key}`);
      }
    }
  } catch (error) {
    throw explained(error, request);
  }
  return { values, origins, skippedKeys };
}

/**
 * One clear error for what stops every read at once (Vault unreachable,
 * sealed, no usable token), rather than the same reason once per variable;
 * a 403 names the Vault API paths the token's policy must allow. Messages
 * name paths and keys, never a value.
 */
function explained(error: unknown, request: ReadRequest): unknown {
  const cause = error instanceof VaultLoadSecretsError ? (error.cause as VaultError | undefined) : (error as VaultError);
  const count = request.bindings.length + request.wholePaths.length;
  const what = `${count} secret${count === 1 ? "" : "s"}${request.app ? ` of ${request.app}` : ""} (environment "${request.environment}")`;
  if (cause instanceof VaultConnectionError || cause instanceof VaultSealedError) {
    return new VaultshiftError(`Could not read ${what} from Vault at ${request.address}: ${cause.message}`, {
      cause,
      hint: cause.hint ?? "Check VAULT_ADDR (or --vault-addr) and that Vault is running and unsealed; the command was not started.",
    });
  }
  if (cause instanceof VaultAuthenticationError) {
    return new VaultshiftError(`Could not read ${what} from Vault at ${request.address}: ${cause.message}`, {
      cause,
      hint: cause.hint ?? "Log in (vault login), or set VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID for AppRole.",
    });
  }
  if (cause instanceof VaultPermissionError || (error instanceof VaultLoadSecretsError && error.problems.some((p) => /\(403\)/.test(p.reason)))) {
    const denied = error instanceof VaultLoadSecretsError ? error.problems.filter((p) => /\(403\)/.test(p.reason)).map((p) => /^\w+ \/v1\/(\S+) was denied/.exec(p.reason)?.[1] ?? p.path) : [cause?.path ?? "?"];
    const paths = [...new Set(denied)].sort();
    const base = error instanceof Error ? error.message : String(error);
    return new VaultshiftError(base, {
      cause: error,
      hint: `The token's policy must allow reading ${paths.map((p) => `path "${p}" { capabilities = ["read"] }`).join(", ")}. The policy \`vaultshift apply\` wrote for the app (<app>-read) grants it: use a token holding it.`,
    });
  }
  return error;
}
