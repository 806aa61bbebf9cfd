// KV mounts: finding which mount a path belongs to and whether it is KV v1 or
// v2, so that callers write `secret/myapp/db` and never `secret/data/myapp/db`.
//
// Discovery asks `GET sys/internal/ui/mounts/<path>`, as the Vault CLI's
// `kv` commands do (command/kv_helpers.go, kvPreflightVersionRequest): the
// answer's `data.path` is the mount (`secret/`), `data.type` its engine and
// `data.options.version` the KV version ("2", or absent / "1" for v1). Vault
// answers 403 both for a path under no mount and for one the token may not
// see, and older servers or proxies may not have the endpoint at all (404):
// then the client falls back to the `mount` option, or `defaultMount` (KV v2).
// Results are cached per mount, so discovery costs one request per mount.
import { VaultError, VaultSecretNotFoundError, VaultValidationError } from "./errors.js";
import { trimSlashes } from "./options.js";
import type { VaultRequest, VaultResponse } from "./request.js";

export interface MountInfo {
  /** Mount path without slashes, e.g. `secret` or `team/kv`. */
  mount: string;
  /** Engine type as Vault reports it (`kv`, `generic`, `database`, …). */
  type: string;
  /** 2 for KV v2 (paths get `data/`, `metadata/`, …); 1 for KV v1 and any other engine (plain paths). */
  version: 1 | 2;
}

export interface ResolvedPath extends MountInfo {
  /** Path inside the mount, no leading or trailing slash. */
  rel: string;
  /** True when discovery could not tell and the default mount was assumed. */
  guessed?: boolean;
}

type Send = (req: VaultRequest) => Promise<VaultResponse>;

export class MountResolver {
  readonly #send: Send;
  readonly #defaultMount: string;
  /** Known mounts, longest first so that `a/b` wins over `a`. */
  #known: MountInfo[] = [];
  readonly #flights = new Map<string, Promise<MountInfo | undefined>>();
  /**
   * First path segments for which discovery was denied or missing, so that it
   * is not asked again for every read. A read that then fails on the guessed
   * mount calls `forgetGuess`, since a 403 from discovery can also come from
   * a token that has just expired.
   */
  readonly #denied = new Set<string>();
  /** Explicit mounts assumed to be KV v2 because discovery could not tell. */
  readonly #guessedMounts = new Set<string>();

  constructor(send: Send, defaultMount: string) {
    this.#send = send;
    this.#defaultMount = defaultMount;
  }

  /** Resolve `path` (optionally inside an explicit `mount`) to mount, version and relative path. */
  async resolve(path: string, mount?: string): Promise<ResolvedPath> {
    const clean = trimSlashes(path);
    if (mount !== undefined) {
      const m = trimSlashes(mount);
      let info = this.#match(m + "/") ?? (await this.#discover(m));
      if (info === undefined) {
        info = { mount: m, type: "kv", version: 2 };
        this.remember(info);
        this.#guessedMounts.add(m);
      }
      return { ...info, mount: m, rel: clean, ...(this.#guessedMounts.has(info.mount) ? { guessed: true } : {}) };
    }
    let known = this.#match(clean + "/");
    if (known === undefined && this.#flights.size > 0) {
      // Concurrent first reads usually share a mount: let the discovery under
      // way finish before asking again.
      await Promise.allSettled([...this.#flights.values()]);
      known = this.#match(clean + "/");
    }
    if (known !== undefined) return { ...known, rel: clean.slice(known.mount.length + 1) };
    const first = clean.split("/")[0] ?? "";
    if (!this.#denied.has(first)) {
      const found = await this.#discover(clean);
      if (found !== undefined) return { ...found, rel: clean === found.mount ? "" : clean.slice(found.mount.length + 1) };
      this.#denied.add(first);
    }
    // Fallback: the default mount, whether or not the caller wrote it.
    const d = this.#defaultMount;
    const info = this.#match(d + "/") ?? { mount: d, type: "kv", version: 2 as const };
    return { ...info, rel: clean === d ? "" : clean.startsWith(d + "/") ? clean.slice(d.length + 1) : clean, guessed: true };
  }

  /** Ask discovery again next time for paths starting like `path` (or for the explicit `mount`). */
  forgetGuess(path: string, mount?: string): void {
    if (mount !== undefined) {
      const m = trimSlashes(mount);
      if (this.#guessedMounts.delete(m)) this.#known = this.#known.filter((k) => k.mount !== m);
      return;
    }
    this.#denied.delete(trimSlashes(path).split("/")[0] ?? "");
  }

  /** Remember a mount learnt elsewhere (or from the caller's configuration). */
  remember(info: MountInfo): void {
    this.#guessedMounts.delete(info.mount);
    this.#known = [...this.#known.filter((k) => k.mount !== info.mount), info].sort((a, b) => b.mount.length - a.mount.length);
  }

  #match(pathWithSlash: string): MountInfo | undefined {
    for (const k of this.#known) if (pathWithSlash.startsWith(k.mount + "/")) return k;
    return undefined;
  }

  #discover(path: string): Promise<MountInfo | undefined> {
    const running = this.#flights.get(path);
    if (running !== undefined) return running;
    const p = this.#ask(path).finally(() => this.#flights.delete(path));
    this.#flights.set(path, p);
    return p;
  }

  async #ask(path: string): Promise<MountInfo | undefined> {
    let res: VaultResponse;
    try {
      res = await this.#send({ method: "GET", path: `sys/internal/ui/mounts/${path}`, idempotent: true, accept: [400, 403, 404, 405] });
    } catch (error) {
      // Outages propagate (the caller's read would fail anyway, and the cache
      // may answer with a stale value); anything else means "cannot tell".
      if (error instanceof VaultError && error.status !== undefined && error.status < 500) return undefined;
      throw error;
    }
    if (res.status !== 200) return undefined;
    const d = (res.body?.data ?? {}) as Record<string, unknown>;
    if (typeof d.path !== "string" || d.path === "") return undefined;
    const type = typeof d.type === "string" ? d.type : "kv";
    const options = d.options as Record<string, unknown> | null | undefined;
    // KV v2 says so in options.version; a `kv` mount without it, an old
    // `generic` mount and every other engine (database, aws, …) take plain
    // paths, which is what the v1 code path sends.
    const version: 1 | 2 = type === "kv-v2" || (type === "kv" && String(options?.version ?? "1") === "2") ? 2 : 1;
    // In a namespace, Vault may return the mount with the namespace in front.
    const info: MountInfo = { mount: trimSlashes(d.path), type: type === "kv-v2" ? "kv" : type, version };
    if (!(trimSlashes(path) + "/").startsWith(info.mount + "/")) return undefined;
    this.remember(info);
    return info;
  }
}

/** KV v2 version metadata, camel-cased from Vault's `data.metadata`. */
export interface SecretVersionMetadata {
  version: number;
  createdTime: string;
  /** `""` unless the version is (or is scheduled to be) deleted. */
  deletionTime: string;
  destroyed: boolean;
  customMetadata: Record<string, string> | null;
}

export function versionMetadata(m: Record<string, unknown> | null | undefined): SecretVersionMetadata | undefined {
  if (m === null || m === undefined || typeof m !== "object") return undefined;
  return {
    version: Number(m.version ?? 0),
    createdTime: String(m.created_time ?? ""),
    deletionTime: String(m.deletion_time ?? ""),
    destroyed: m.destroyed === true,
    customMetadata: (m.custom_metadata as Record<string, string> | null | undefined) ?? null,
  };
}

/** A KV v2 key's metadata (`GET <mount>/metadata/<path>`), camel-cased. */
export interface SecretMetadata {
  currentVersion: number;
  oldestVersion: number;
  createdTime: string;
  updatedTime: string;
  maxVersions: number;
  casRequired: boolean;
  deleteVersionAfter: string;
  customMetadata: Record<string, string> | null;
  versions: Record<number, { createdTime: string; deletionTime: string; destroyed: boolean }>;
}

export function keyMetadata(d: Record<string, unknown>): SecretMetadata {
  const versions: SecretMetadata["versions"] = {};
  for (const [n, v] of Object.entries((d.versions ?? {}) as Record<string, Record<string, unknown>>)) {
    versions[Number(n)] = { createdTime: String(v.created_time ?? ""), deletionTime: String(v.deletion_time ?? ""), destroyed: v.destroyed === true };
  }
  return {
    currentVersion: Number(d.current_version ?? 0),
    oldestVersion: Number(d.oldest_version ?? 0),
    createdTime: String(d.created_time ?? ""),
    updatedTime: String(d.updated_time ?? ""),
    maxVersions: Number(d.max_versions ?? 0),
    casRequired: d.cas_required === true,
    deleteVersionAfter: String(d.delete_version_after ?? "0s"),
    customMetadata: (d.custom_metadata as Record<string, string> | null | undefined) ?? null,
    versions,
  };
}

/** Fields accepted by `writeMetadata`, camel-cased; sent as Vault's snake_case. */
export interface MetadataUpdate {
  maxVersions?: number;
  casRequired?: boolean;
  /** Duration string, e.g. `"30d"`, `"0s"` (off). */
  deleteVersionAfter?: string;
  customMetadata?: Record<string, string>;
}

export function metadataBody(u: MetadataUpdate): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  if (u.maxVersions !== undefined) b.max_versions = u.maxVersions;
  if (u.casRequired !== undefined) b.cas_required = u.casRequired;
  if (u.deleteVersionAfter !== undefined) b.delete_version_after = u.deleteVersionAfter;
  if (u.customMetadata !== undefined) b.custom_metadata = u.customMetadata;
  return b;
}

export function kvV1Error(what: string, fullPath: string): VaultValidationError {
  return new VaultValidationError(`cannot ${what} ${fullPath}: its mount is KV version 1, which has no versions or metadata`, {
    path: fullPath,
    hint: "Upgrade the mount to KV v2 (`vault kv enable-versioning`), or use plain reads and writes.",
  });
}

// KV v2 answers 404 with the normal envelope (data.data null, data.metadata
// set) for a deleted or destroyed version, and 404 {"errors":[]} for one that
// never existed (vault-api README §5.4).
export function notFound(fullPath: string, method: string, body: Record<string, any> | undefined, apiPath = fullPath, rel?: string): VaultSecretNotFoundError {
  const meta = versionMetadata(body?.data?.metadata as Record<string, unknown> | undefined);
  const base = { method, path: apiPath, status: 404, version: meta?.version };
  if (meta?.destroyed === true) {
    return new VaultSecretNotFoundError(`version ${meta.version} of ${fullPath} was destroyed`, { ...base, destroyed: true, hint: "Its data is gone for good; read another version, or write the secret again." });
  }
  if (meta !== undefined && meta.deletionTime !== "") {
    return new VaultSecretNotFoundError(`version ${meta.version} of ${fullPath} was deleted at ${meta.deletionTime}`, {
      ...base,
      deleted: true,
      deletionTime: meta.deletionTime,
      hint: `Restore it with undelete("${fullPath}", [${meta.version}]), or read another version.`,
    });
  }
  // A path copied from the HTTP API (`secret/data/app`) gets `data/` twice.
  const api = rel !== undefined && /^(data|metadata)\//.test(rel);
  const hint = api
    ? `Write KV v2 paths without "${rel.split("/")[0]}/": the client adds it (${fullPath.replace(`/${rel}`, `/${rel.replace(/^(data|metadata)\//, "")}`)}).`
    : "Check the path and mount (and that the token may read it: Vault answers 404 to what it hides).";
  return new VaultSecretNotFoundError(`no secret at ${fullPath}`, { ...base, hint });
}

// RFC 7396 JSON merge patch: null removes a key, objects merge recursively, anything else replaces.
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (typeof v === "object" && !Array.isArray(v) && typeof out[k] === "object" && out[k] !== null && !Array.isArray(out[k])) {
      out[k] = mergePatch(out[k] as Record<string, unknown>, v as Record<string, unknown>);
    } else out[k] = v;
  }
  return out;
}
