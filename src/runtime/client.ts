// The Vault client: KV v1/v2 with mount discovery, a read cache, token
// lifecycle, and a few helpers for what applications read most (database
// credentials, API keys). See docs/runtime.md for the behaviour in full.
import { TokenManager, type AuthInfo } from "./auth.js";
import { ReadCache } from "./cache.js";
import { getApiKey, getDatabaseCredentials, type DatabaseCredentials } from "./credentials.js";
import {
  VaultCacheError,
  VaultConnectionError,
  VaultInvalidTokenError,
  VaultMissingFieldError,
  VaultPermissionError,
  VaultRateLimitError,
  VaultSealedError,
  VaultSecretNotFoundError,
  VaultServerError,
  VaultValidationError,
  VaultVersionError,
  VaultError,
} from "./errors.js";
import { keyMetadata, kvV1Error, mergePatch, metadataBody, MountResolver, notFound, versionMetadata, type MetadataUpdate, type ResolvedPath, type SecretMetadata, type SecretVersionMetadata } from "./kv.js";
import { resolveOptions, type ResolvedOptions, type VaultClientOptions } from "./options.js";
import { Requester, type Method, type VaultRequest, type VaultResponse } from "./request.js";
import { SecretRecord } from "./secret-value.js";

export interface MountOption {
  /** The KV mount, when the path does not start with it (or discovery is not allowed). */
  mount?: string;
}

export interface ReadOptions extends MountOption {
  /** A KV v2 version; default the latest. */
  version?: number;
  /** Cache lifetime of this read in ms (overrides the client's `cacheTtl`); 0 bypasses the cache. */
  cacheTtl?: number;
  /** Answer only from the cache (however old), never from Vault; VaultCacheError when nothing is cached. */
  onlyIfCached?: boolean;
}

export interface WriteOptions extends MountOption {
  /** Check-and-set: the version the write expects to replace (0 = must not exist yet). */
  cas?: number;
}

/** One secret read from KV. Printing it never shows a value (`data` is a SecretRecord). */
export interface KvSecret {
  /** Mount, without slashes (`secret`). */
  readonly mount: string;
  /** Path inside the mount (`myapp/db`). */
  readonly path: string;
  /** `mount/path`. */
  readonly fullPath: string;
  readonly kvVersion: 1 | 2;
  readonly data: SecretRecord;
  /** KV v2 version metadata; undefined on KV v1. */
  readonly metadata: SecretVersionMetadata | undefined;
  /** Shorthand for `metadata.version`. */
  readonly version: number | undefined;
  /** True when Vault failed and this is the last good value, served within `maxStale`. */
  readonly stale: boolean;
}

export interface HealthStatus {
  initialized: boolean;
  sealed: boolean;
  standby: boolean;
  performanceStandby: boolean;
  version: string;
  clusterName: string | undefined;
  clusterId: string | undefined;
  serverTimeUtc: number | undefined;
  /** The status Vault's default codes would have given (200 active, 429 standby, 501, 503 sealed). */
  status: number;
}

/** Token facts from lookup-self. The token itself (`id`) is deliberately left out. */
export interface TokenInfo {
  accessor: string | undefined;
  displayName: string | undefined;
  policies: string[];
  /** Seconds left; 0 for a token that never expires. */
  ttl: number;
  creationTtl: number;
  explicitMaxTtl: number;
  expireTime: string | null;
  renewable: boolean;
  orphan: boolean;
  type: string | undefined;
  entityId: string | undefined;
  meta: Record<string, string> | null;
  numUses: number;
  path: string | undefined;
}

export class VaultClient {
  readonly #o: ResolvedOptions;
  readonly #requester: Requester;
  readonly #tokens: TokenManager;
  readonly #mounts: MountResolver;
  readonly #cache = new ReadCache<KvSecret>();

  constructor(options: VaultClientOptions = {}) {
    this.#o = resolveOptions(options);
    this.#requester = new Requester(this.#o);
    this.#tokens = new TokenManager(this.#o.auth, (req, token) => this.#requester.send(req, token), { renew: this.#o.renew, onEvent: this.#o.onEvent });
    this.#mounts = new MountResolver((req) => this.#call(req), this.#o.defaultMount);
  }

  /** The Vault address this client talks to. */
  get address(): string {
    return this.#requester.origin;
  }

  // --- KV -------------------------------------------------------------------

  /** Read a secret: `getSecret("secret/myapp/db")`, cached for `cacheTtl`. */
  getSecret(path: string, options?: ReadOptions): Promise<KvSecret> {
    const key = options === undefined || (options.mount === undefined && options.version === undefined) ? path : `${options.mount ?? ""}\u0000${path}\u0000${options.version ?? ""}`;
    const ttl = options?.cacheTtl ?? this.#o.cacheTtl;
    if (ttl > 0) {
      const hit = this.#cache.hit(key);
      if (hit !== undefined) return hit;
    }
    if (options?.onlyIfCached === true) {
      const v = this.#cache.peek(key);
      // Past its TTL (or no cache hit above): still served, but marked stale.
      if (v !== undefined) return Promise.resolve(v.stale ? v : Object.freeze({ ...v, stale: true }));
      return Promise.reject(new VaultCacheError(`${path} is not in the cache`, { path, hint: "Read it once without `onlyIfCached` first." }));
    }
    return this.#cache.load(key, () => this.#readSecret(path, options), {
      ttl,
      // cacheTtl 0 asks for Vault's current answer: never a stale one.
      maxStale: ttl > 0 ? this.#o.maxStale : -1,
      staleOn: isOutage,
      markStale: (value, age, error) => {
        this.#o.onEvent?.({ type: "stale", path: value.fullPath, age, error: error as Error });
        return Object.freeze({ ...value, stale: true });
      },
    });
  }

  /** A given KV v2 version of a secret. */
  getSecretVersion(path: string, version: number, options?: Omit<ReadOptions, "version">): Promise<KvSecret> {
    return this.getSecret(path, { ...options, version });
  }

  /** One field of a secret as a string; VaultMissingFieldError when the secret lacks it. */
  async getValue(path: string, key: string, options?: ReadOptions): Promise<string> {
    const s = await this.getSecret(path, options);
    const v = s.data.get(key);
    if (v === undefined) {
      throw new VaultMissingFieldError(`the secret ${s.fullPath} has no field "${key}" (it has: ${s.data.keys().join(", ") || "none"})`, {
        path: s.fullPath,
        field: key,
        hint: `Add "${key}" to ${s.fullPath}, or read another field.`,
      });
    }
    return v;
  }

  async #readSecret(path: string, options: ReadOptions | undefined): Promise<KvSecret> {
    const r = await this.resolvePath(path, options);
    if (r.guessed !== true) return this.#readResolved(r, options);
    try {
      return await this.#readResolved(r, options);
    } catch (error) {
      if (error instanceof VaultSecretNotFoundError || error instanceof VaultPermissionError) this.#mounts.forgetGuess(path, options?.mount);
      throw error;
    }
  }

  async #readResolved(r: ResolvedPath, options: ReadOptions | undefined): Promise<KvSecret> {
    const fullPath = join(r.mount, r.rel);
    if (r.version === 1) {
      if (options?.version !== undefined) throw kvV1Error("read a version of", fullPath);
      const res = await this.#call({ method: "GET", path: fullPath, idempotent: true, accept: [404] });
      if (res.status === 404) throw notFound(fullPath, "GET", res.body);
      return Object.freeze({ mount: r.mount, path: r.rel, fullPath, kvVersion: 1, data: new SecretRecord(res.body?.data ?? {}), metadata: undefined, version: undefined, stale: false });
    }
    const apiPath = join(r.mount, "data", r.rel);
    const res = await this.#call({ method: "GET", path: apiPath, query: { version: options?.version }, idempotent: true, accept: [404] });
    if (res.status === 404) throw notFound(fullPath, "GET", res.body, apiPath, r.rel);
    const d = (res.body?.data ?? {}) as Record<string, unknown>;
    const metadata = versionMetadata(d.metadata as Record<string, unknown> | undefined);
    return Object.freeze({
      mount: r.mount,
      path: r.rel,
      fullPath,
      kvVersion: 2,
      data: new SecretRecord((d.data ?? {}) as Record<string, unknown>),
      metadata,
      version: metadata?.version,
      stale: false,
    });
  }

  /** Write a new version (KV v2) or overwrite (KV v1). Returns the new version's metadata (v2). */
  async writeSecret(path: string, data: Record<string, unknown> | SecretRecord, options?: WriteOptions): Promise<SecretVersionMetadata | undefined> {
    const r = await this.resolvePath(path, options);
    const values = data instanceof SecretRecord ? data.reveal() : data;
    try {
      if (r.version === 1) {
        await this.#call({ method: "POST", path: join(r.mount, r.rel), body: values, idempotent: true });
        return undefined;
      }
      const body = options?.cas === undefined ? { data: values } : { data: values, options: { cas: options.cas } };
      const res = await this.#call({ method: "POST", path: join(r.mount, "data", r.rel), body, idempotent: options?.cas !== undefined });
      return versionMetadata(res.body?.data as Record<string, unknown> | undefined);
    } finally {
      this.#cache.invalidate(join(r.mount, r.rel));
    }
  }

  /**
   * JSON merge patch of the latest version (KV v2): keys set to null are
   * removed. Like the Vault CLI, falls back to read + write with `cas` when
   * the token may not PATCH (403) or the server has no PATCH (405).
   */
  async patchSecret(path: string, data: Record<string, unknown>, options?: WriteOptions): Promise<SecretVersionMetadata | undefined> {
    const r = await this.resolvePath(path, options);
    const fullPath = join(r.mount, r.rel);
    if (r.version === 1) throw kvV1Error("patch", fullPath);
    const apiPath = join(r.mount, "data", r.rel);
    const body = options?.cas === undefined ? { data } : { data, options: { cas: options.cas } };
    try {
      let res: VaultResponse;
      try {
        res = await this.#call({ method: "PATCH", path: apiPath, body, contentType: "application/merge-patch+json", idempotent: false, accept: [404] });
      } catch (error) {
        if (!(error instanceof VaultPermissionError) && !(error instanceof VaultError && error.status === 405)) throw error;
        return await this.#patchByRewrite(r, fullPath, data, options?.cas);
      }
      if (res.status === 404) throw notFound(fullPath, "PATCH", res.body, apiPath);
      return versionMetadata(res.body?.data as Record<string, unknown> | undefined);
    } finally {
      this.#cache.invalidate(fullPath);
    }
  }

  async #patchByRewrite(r: ResolvedPath, fullPath: string, patch: Record<string, unknown>, cas: number | undefined): Promise<SecretVersionMetadata | undefined> {
    const current = await this.#readResolved(r, { cacheTtl: 0 });
    if (cas !== undefined && current.version !== cas) {
      throw new VaultVersionError(`cannot patch ${fullPath}: check-and-set expected version ${cas}, the current one is ${current.version}`, {
        path: fullPath,
        hint: "Read the secret again to get its current version, then retry with `cas` set to it.",
      });
    }
    const merged = mergePatch(current.data.reveal(), patch);
    const res = await this.#call({ method: "POST", path: join(r.mount, "data", r.rel), body: { data: merged, options: { cas: current.version ?? 0 } }, idempotent: true });
    return versionMetadata(res.body?.data as Record<string, unknown> | undefined);
  }

  /** Soft-delete the latest version, or the given `versions` (KV v2); delete the secret on KV v1. */
  async deleteSecret(path: string, options?: MountOption & { versions?: number[] }): Promise<void> {
    const r = await this.resolvePath(path, options);
    const fullPath = join(r.mount, r.rel);
    try {
      if (r.version === 1) await this.#call({ method: "DELETE", path: fullPath, idempotent: true });
      else if (options?.versions !== undefined) await this.#call({ method: "POST", path: join(r.mount, "delete", r.rel), body: { versions: options.versions }, idempotent: true });
      else await this.#call({ method: "DELETE", path: join(r.mount, "data", r.rel), idempotent: true });
    } finally {
      this.#cache.invalidate(fullPath);
    }
  }

  /** Restore soft-deleted versions (KV v2). */
  undelete(path: string, versions: number[], options?: MountOption): Promise<void> {
    return this.#versionsOp("undelete", path, versions, options);
  }

  /** Destroy versions for good (KV v2): their data cannot be recovered. */
  destroy(path: string, versions: number[], options?: MountOption): Promise<void> {
    return this.#versionsOp("destroy", path, versions, options);
  }

  async #versionsOp(op: "undelete" | "destroy", path: string, versions: number[], options?: MountOption): Promise<void> {
    const r = await this.resolvePath(path, options);
    if (r.version === 1) throw kvV1Error(op, join(r.mount, r.rel));
    try {
      await this.#call({ method: "POST", path: join(r.mount, op, r.rel), body: { versions }, idempotent: true });
    } finally {
      this.#cache.invalidate(join(r.mount, r.rel));
    }
  }

  /** Keys directly under a folder; sub-folders end in `/`. An empty or absent folder gives []. */
  async listSecrets(path: string, options?: MountOption): Promise<string[]> {
    const r = await this.resolvePath(path, options);
    const apiPath = r.version === 1 ? join(r.mount, r.rel) : join(r.mount, "metadata", r.rel);
    const res = await this.#call({ method: "LIST", path: apiPath, idempotent: true, accept: [404] });
    const keys: unknown = res.body?.data?.keys;
    return res.status === 404 || !Array.isArray(keys) ? [] : keys.filter((k): k is string => typeof k === "string");
  }

  /** A KV v2 key's metadata: current/oldest version, settings, and every version's times. */
  async getMetadata(path: string, options?: MountOption): Promise<SecretMetadata> {
    const r = await this.resolvePath(path, options);
    const fullPath = join(r.mount, r.rel);
    if (r.version === 1) throw kvV1Error("read metadata of", fullPath);
    const apiPath = join(r.mount, "metadata", r.rel);
    const res = await this.#call({ method: "GET", path: apiPath, idempotent: true, accept: [404] });
    if (res.status === 404) throw notFound(fullPath, "GET", res.body, apiPath);
    return keyMetadata((res.body?.data ?? {}) as Record<string, unknown>);
  }

  /** Set a KV v2 key's settings and custom metadata (creates no version). */
  async writeMetadata(path: string, update: MetadataUpdate, options?: MountOption): Promise<void> {
    const r = await this.resolvePath(path, options);
    if (r.version === 1) throw kvV1Error("write metadata of", join(r.mount, r.rel));
    await this.#call({ method: "POST", path: join(r.mount, "metadata", r.rel), body: metadataBody(update), idempotent: true });
  }

  /** Delete a KV v2 key with all its versions and metadata, for good. */
  async deleteMetadata(path: string, options?: MountOption): Promise<void> {
    const r = await this.resolvePath(path, options);
    if (r.version === 1) throw kvV1Error("delete metadata of", join(r.mount, r.rel));
    try {
      await this.#call({ method: "DELETE", path: join(r.mount, "metadata", r.rel), idempotent: true });
    } finally {
      this.#cache.invalidate(join(r.mount, r.rel));
    }
  }

  /** Which mount (and KV version) `path` belongs to, using discovery (see kv.ts). */
  resolvePath(path: string, options?: MountOption): Promise<ResolvedPath> {
    return this.#mounts.resolve(path, options?.mount);
  }

  /** Forget cached reads: all, one secret (`secret/myapp/db`), or a folder (`secret/myapp/`). */
  invalidate(path?: string): void {
    this.#cache.invalidate(path);
  }

  // --- helpers --------------------------------------------------------------

  /** Database credentials from a KV secret (fields or a URL) or `database/creds/<role>` (dynamic, with lease). */
  getDatabaseCredentials(path: string, options?: ReadOptions): Promise<DatabaseCredentials> {
    return getDatabaseCredentials(this, path, options);
  }

  /** An API key for `service` from `path` (default `<defaultMount>/<service>`). */
  getApiKey(service: string, path?: string, options?: ReadOptions): Promise<string> {
    return getApiKey(this, service, path ?? `${this.#o.defaultMount}/${service}`, options);
  }

  /** Extend a lease (dynamic credentials) by `increment` seconds: `sys/leases/renew`. Returns the new lease duration. */
  async renewLease(leaseId: string, increment?: number): Promise<{ leaseId: string; leaseDuration: number; renewable: boolean }> {
    const body = increment === undefined ? { lease_id: leaseId } : { lease_id: leaseId, increment };
    const res = await this.#call({ method: "PUT", path: "sys/leases/renew", body, idempotent: true });
    const b = res.body ?? {};
    return { leaseId: String(b.lease_id ?? leaseId), leaseDuration: Number(b.lease_duration ?? 0), renewable: b.renewable === true };
  }

  /** Revoke a lease now (e.g. dynamic database credentials at shutdown): `sys/leases/revoke`. */
  async revokeLease(leaseId: string): Promise<void> {
    await this.#call({ method: "PUT", path: "sys/leases/revoke", body: { lease_id: leaseId }, idempotent: true });
  }

  // --- system and token -----------------------------------------------------

  /** sys/health, asking for 200 whatever the state so that the body can always be read. */
  async getHealth(): Promise<HealthStatus> {
    const codes = { standbyok: true, perfstandbyok: true, sealedcode: 299, uninitcode: 299, drsecondarycode: 299, performancestandbycode: 299 };
    const res = await this.#requester.send({ method: "GET", path: "sys/health", query: codes, idempotent: true, accept: [429, 472, 473, 501, 503] }, undefined);
    const b = res.body ?? {};
    const initialized = b.initialized === true;
    const sealed = b.sealed === true;
    const standby = b.standby === true;
    return {
      initialized,
      sealed,
      standby,
      performanceStandby: b.performance_standby === true,
      version: String(b.version ?? ""),
      clusterName: b.cluster_name,
      clusterId: b.cluster_id,
      serverTimeUtc: b.server_time_utc,
      status: !initialized ? 501 : sealed ? 503 : standby ? 429 : 200,
    };
  }

  async lookupSelf(): Promise<TokenInfo> {
    const res = await this.#call({ method: "GET", path: "auth/token/lookup-self", idempotent: true });
    const d = (res.body?.data ?? {}) as Record<string, any>;
    return {
      accessor: d.accessor,
      displayName: d.display_name,
      policies: Array.isArray(d.policies) ? d.policies : [],
      ttl: Number(d.ttl ?? 0),
      creationTtl: Number(d.creation_ttl ?? 0),
      explicitMaxTtl: Number(d.explicit_max_ttl ?? 0),
      expireTime: d.expire_time ?? null,
      renewable: d.renewable === true,
      orphan: d.orphan === true,
      type: d.type,
      entityId: d.entity_id,
      meta: d.meta ?? null,
      numUses: Number(d.num_uses ?? 0),
      path: d.path,
    };
  }

  /** Renew the client's token; `increment` in seconds (default: the TTL of the last login). */
  renewSelf(increment?: number): Promise<AuthInfo> {
    return this.#tokens.renewSelf(increment);
  }

  /** Revoke the client's token (and its children), and forget it. */
  async revokeSelf(): Promise<void> {
    await this.#call({ method: "POST", path: "auth/token/revoke-self", idempotent: true });
    this.#tokens.forget();
  }

  /** Log in now with the configured method (otherwise it happens on first use). */
  async login(): Promise<void> {
    await this.#tokens.login();
  }

  /**
   * Any Vault API call, for what the helpers above do not cover (sys/mounts,
   * policies, …). `path` is without `/v1/`. Returns the parsed JSON body
   * (undefined for 204). Errors are VaultErrors; 403 recovery applies.
   */
  async request(method: Method, path: string, options: { body?: unknown; query?: VaultRequest["query"]; idempotent?: boolean } = {}): Promise<Record<string, any> | undefined> {
    const idempotent = options.idempotent ?? (method === "GET" || method === "LIST" || method === "HEAD" || method === "DELETE");
    const res = await this.#call({ method, path: path.replace(/^\/?(v1\/)?/, ""), body: options.body, query: options.query, idempotent });
    return res.body;
  }

  /** Stop renewal timers and close idle sockets. The client must not be used afterwards. */
  close(): void {
    this.#tokens.close();
    this.#requester.close();
  }

  /** Send with the current token; on 403, check whether the token is gone and, if it can be replaced, retry once. */
  async #call(req: VaultRequest): Promise<VaultResponse> {
    const t = this.#tokens.current();
    const token = typeof t === "string" ? t : await t;
    try {
      return await this.#requester.send(req, token);
    } catch (error) {
      if (!(error instanceof VaultPermissionError)) throw error;
      const r = await this.#tokens.recover(token);
      if (r.token !== undefined) return this.#requester.send(req, r.token);
      if (r.invalid) {
        // "and on lookup-self" only when the request was another: the session's token check asks lookup-self itself.
        const also = req.path === "auth/token/lookup-self" ? "" : ", and on lookup-self";
        throw new VaultInvalidTokenError(`the Vault token is invalid, expired or revoked (403 on ${req.method} /v1/${req.path}${also})`, {
          method: req.method,
          path: req.path,
          status: 403,
          errors: error.errors,
          cause: error,
          hint: "Get a new token (VAULT_TOKEN), or configure a login method (AppRole, Kubernetes, JWT) so that the client can log in again by itself.",
        });
      }
      throw error;
    }
  }
}

export function createVaultClient(options?: VaultClientOptions): VaultClient {
  return new VaultClient(options);
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== "").join("/");
}

/** Failures during which a cached value may be served: Vault unreachable, sealed, overloaded or failing. */
function isOutage(error: unknown): boolean {
  return error instanceof VaultConnectionError || error instanceof VaultSealedError || error instanceof VaultServerError || error instanceof VaultRateLimitError;
}
