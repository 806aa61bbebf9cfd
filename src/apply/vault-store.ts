import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createVaultClient, type VaultClient } from "../runtime/client.js";
import { VaultSecretNotFoundError, VaultVersionError } from "../runtime/errors.js";
import type { VaultClientOptions } from "../runtime/options.js";
import type { VaultConnection } from "../plan/types.js";
import { PlanError } from "../errors.js";
import { CasConflictError, dataPath, type KvStore, type KvMetadata, type KvRead } from "./kv-store.js";

// The pipeline's Vault access, on the runtime client (one HTTP client for the
// whole project). Reads bypass the client's cache: the writer must always see
// the server's current state.

/**
 * The connection as the Vault CLI would make it: VAULT_ADDR, VAULT_TOKEN (else
 * the token helper file ~/.vault-token that `vault login` writes),
 * VAULT_NAMESPACE, VAULT_CACERT, or AppRole from VAULT_ROLE_ID/VAULT_SECRET_ID.
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv, overrides: Partial<VaultConnection> = {}): VaultConnection {
  const conn: VaultConnection = { address: overrides.address ?? env.VAULT_ADDR ?? "http://127.0.0.1:8200" };
  const namespace = overrides.namespace ?? env.VAULT_NAMESPACE;
  if (namespace) conn.namespace = namespace;
  const caCert = overrides.caCert ?? env.VAULT_CACERT;
  if (caCert) conn.caCert = caCert;
  if (overrides.appRole) conn.appRole = overrides.appRole;
  else if (env.VAULT_ROLE_ID) conn.appRole = { roleId: env.VAULT_ROLE_ID, secretId: env.VAULT_SECRET_ID ?? "" };
  const token = overrides.token ?? env.VAULT_TOKEN ?? tokenHelperFile(env);
  if (token && !conn.appRole) conn.token = token;
  return conn;
}

function tokenHelperFile(env: NodeJS.ProcessEnv): string | undefined {
  try {
    return readFileSync(join(env.HOME || homedir(), ".vault-token"), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Client options for the pipeline's writer: no read cache (it must see the
 * server's state), and the environment for VAULT_CLIENT_TIMEOUT,
 * VAULT_MAX_RETRIES, VAULT_SKIP_VERIFY and friends.
 */
export function clientOptions(conn: VaultConnection, env: NodeJS.ProcessEnv = {}): VaultClientOptions {
  const o: VaultClientOptions = { address: conn.address, cacheTtl: 0, env: { ...env } };
  if (conn.namespace) o.namespace = conn.namespace;
  if (conn.caCert) o.ca = conn.caCert;
  if (conn.appRole) o.auth = { method: "approle", roleId: conn.appRole.roleId, secretId: conn.appRole.secretId, mount: conn.appRole.mount };
  else if (conn.token) o.token = conn.token;
  return o;
}

export class VaultStore implements KvStore {
  readonly address: string;
  readonly client: VaultClient;
  readonly #conn: VaultConnection;
  readonly #env: NodeJS.ProcessEnv;
  constructor(conn: VaultConnection, options: { env?: NodeJS.ProcessEnv; client?: VaultClient } = {}) {
    this.address = conn.address;
    this.#conn = conn;
    this.#env = options.env ?? process.env;
    this.client = options.client ?? createVaultClient(clientOptions(conn, this.#env));
  }

  async metadata(mount: string, path: string): Promise<KvMetadata | null> {
    try {
      const m = await this.client.getMetadata(path, { mount });
      const current = m.versions[m.currentVersion];
      return { currentVersion: m.currentVersion, currentDeleted: current ? current.destroyed || (current.deletionTime !== "" && Date.parse(current.deletionTime) <= Date.now()) : m.currentVersion === 0 };
    } catch (error) {
      if (error instanceof VaultSecretNotFoundError) return null;
      throw error;
    }
  }

  async read(mount: string, path: string, version?: number): Promise<KvRead | null> {
    try {
      const s = await this.client.getSecret(path, version === undefined ? { mount, cacheTtl: 0 } : { mount, version, cacheTtl: 0 });
      return { data: s.data.reveal(), version: s.version ?? 0 };
    } catch (error) {
      if (error instanceof VaultSecretNotFoundError) return null;
      throw error;
    }
  }

  async write(mount: string, path: string, data: Record<string, unknown>, cas: number): Promise<number> {
    try {
      const meta = await this.client.writeSecret(path, data, { mount, cas });
      return meta?.version ?? 0;
    } catch (error) {
      if (error instanceof VaultVersionError) {
        throw new CasConflictError(`${mount}/${path} changed while vaultshift was writing it (check-and-set expected version ${cas}).`, {
          cause: error,
          hint: "Someone else wrote this secret meanwhile. Run `vaultshift plan` again so the plan starts from the current version, then apply it.",
        });
      }
      throw error;
    }
  }

  async deleteAll(mount: string, path: string): Promise<void> {
    await this.client.deleteMetadata(path, { mount });
  }

  async readPolicy(name: string): Promise<string | null> {
    try {
      const body = await this.client.request("GET", `sys/policies/acl/${encodeURIComponent(name)}`);
      const policy = body?.data?.policy;
      return typeof policy === "string" ? policy : null;
    } catch (error) {
      if (error instanceof VaultSecretNotFoundError || (error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  async writePolicy(name: string, policy: string): Promise<void> {
    await this.client.request("PUT", `sys/policies/acl/${encodeURIComponent(name)}`, { body: { policy }, idempotent: true });
  }

  async deletePolicy(name: string): Promise<void> {
    await this.client.request("DELETE", `sys/policies/acl/${encodeURIComponent(name)}`, { idempotent: true });
  }

  /**
   * A short-lived child token holding `policy` asks sys/capabilities-self
   * (openbao/docs/api/system/capabilities-self.mdx), then revokes itself: the
   * check sees what an app token with that policy sees. The token keeps the
   * built-in `default` policy: that is the policy that grants
   * `sys/capabilities-self` (openbao/docs/concepts/policies.mdx, "Built-in
   * policies"), and app tokens carry it too unless created without it; it
   * grants nothing under a KV mount. Where an operator removed that grant from
   * `default`, the caller's own token asks sys/capabilities-accessor about the
   * probe instead (which needs `update` there: root, or an admin policy).
   */
  async policyCapabilities(policy: string, paths: string[]): Promise<string[][]> {
    const created = await this.client.request("POST", "auth/token/create", {
      body: { policies: [policy], ttl: "5m", num_uses: 0, display_name: "vaultshift-verify" },
    });
    const token = created?.auth?.client_token as string | undefined;
    const accessor = created?.auth?.accessor as string | undefined;
    if (!token) throw new Error("auth/token/create returned no token");
    const probe = createVaultClient({ ...clientOptions({ address: this.#conn.address, namespace: this.#conn.namespace, caCert: this.#conn.caCert, token }, this.#env), retries: 1 });
    try {
      let body: Record<string, any> | undefined;
      try {
        body = await probe.request("POST", "sys/capabilities-self", { body: { paths }, idempotent: true });
      } catch (error) {
        if ((error as { status?: number }).status !== 403 || !accessor) throw error;
        body = await this.client.request("POST", "sys/capabilities-accessor", { body: { accessor, paths }, idempotent: true }).catch(() => {
          throw error;
        });
      }
      const caps = (body?.data ?? body ?? {}) as Record<string, unknown>;
      return paths.map((p) => (Array.isArray(caps[p]) ? (caps[p] as string[]) : paths.length === 1 && Array.isArray(caps.capabilities) ? (caps.capabilities as string[]) : ["deny"]));
    } finally {
      await probe.revokeSelf().catch(() => {});
      probe.close();
    }
  }

  /**
   * sys/internal/ui/mounts/<path> tells any token the engine behind a path
   * (the Vault CLI's `kv` commands use it the same way). A token that may not
   * ask is not stopped here: the writes will say what is wrong.
   */
  async checkMount(mount: string): Promise<void> {
    let body: Record<string, any> | undefined;
    try {
      body = await this.client.request("GET", `sys/internal/ui/mounts/${mount}`);
    } catch (error) {
      let status = (error as { status?: number }).status;
      // Vault answers 403 here for a path that is not mounted; sys/mounts/<path> can tell (with the right to read it).
      if (status === 403) {
        try {
          const m = await this.client.request("GET", `sys/mounts/${mount}`);
          body = { data: m?.data ?? m };
          status = 200;
        } catch (second) {
          status = (second as { status?: number }).status;
        }
      }
      if (status === 200) return this.#checkEngine(mount, body);
      if (status === 400 || status === 404) {
        throw new PlanError(`There is no secrets engine mounted at ${mount}/ on ${this.address}.`, {
          cause: error,
          hint: `Enable KV v2 there (\`vault secrets enable -path=${mount} kv-v2\`), or choose another mount with --mount.`,
        });
      }
      return;
    }
    this.#checkEngine(mount, body);
  }

  #checkEngine(mount: string, body: Record<string, any> | undefined): void {
    const d = (body?.data ?? {}) as { type?: string; options?: { version?: string } | null; path?: string };
    if (d.type !== undefined && d.type !== "kv" && d.type !== "generic") {
      throw new PlanError(`${mount}/ on ${this.address} is a ${d.type} engine, not KV.`, { hint: "Choose a KV v2 mount with --mount." });
    }
    if (d.type !== undefined && String(d.options?.version ?? "1") !== "2") {
      throw new PlanError(`${mount}/ on ${this.address} is KV version 1; vaultshift writes KV v2 (versions are what make rollback possible).`, {
        hint: `Upgrade it with \`vault kv enable-versioning ${mount}/\`, or choose a KV v2 mount with --mount.`,
      });
    }
  }

  close(): void {
    this.client.close();
  }
}

export { dataPath };
