import { timestamp, parseTime } from "./ids.js";
import { badRequest, notFound, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { bool, duration, has, int, intList, map, type Data } from "./fields.js";
import { formatGoDuration } from "./duration.js";
import { newKvStore, type KvKey, type KvStore, type KvVersion, type State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const KV2_ROUTES: readonly Route[] = [
  ["config", "rw"],
  ["data/{path}", "rwdp", "c"],
  ["delete/{path}", "w"],
  ["undelete/{path}", "w"],
  ["destroy/{path}", "w"],
  ["metadata/{path}", "rlwdp", "c"],
  ["subkeys/{path}", "r"],
  // The plugin's pathInvalid (pattern ".*"): any other path answers 404 with a warning naming the `vault kv`
  // subcommand. Registered so it is served; "h" keeps it out of the OpenAPI document.
  ["{path}", "rlwdp", "h"],
];

// KV secrets engine version 2 (openbao/docs/api/secret/kv/kv-v2.mdx and
// vault-1.14/api-docs/secret/kv/kv-v2.mdx; behaviour the docs leave implicit
// follows README §5, which cites the plugin's path_data.go/path_metadata.go).

const DEFAULT_MAX_VERSIONS = 10;

export function kvStoreFor(state: State, mountUuid: string): KvStore {
  let s = state.kv.get(mountUuid);
  if (!s) {
    s = newKvStore();
    state.kv.set(mountUuid, s);
  }
  return s;
}

function versionMetadata(key: KvKey, version: number, v: KvVersion): Data {
  return {
    created_time: v.created_time,
    custom_metadata: key.custom_metadata,
    deletion_time: v.deletion_time,
    destroyed: v.destroyed,
    version,
  };
}

/** Soft-deleted means a deletion time that has passed; a future one (delete_version_after) is still readable. */
function isDeleted(v: KvVersion, now = Date.now()): boolean {
  return v.deletion_time !== "" && parseTime(v.deletion_time) <= now;
}

function metadataBody(key: KvKey): Data {
  const versions: Data = {};
  for (const [n, v] of [...key.versions.entries()].sort((a, b) => a[0] - b[0])) {
    versions[String(n)] = { created_time: v.created_time, deletion_time: v.deletion_time, destroyed: v.destroyed };
  }
  return {
    cas_required: key.cas_required,
    created_time: key.created_time,
    current_version: key.current_version,
    custom_metadata: key.custom_metadata,
    delete_version_after: formatGoDuration(key.delete_version_after),
    max_versions: key.max_versions,
    oldest_version: key.oldest_version,
    updated_time: key.updated_time,
    versions,
  };
}

/** RFC 7396 JSON merge patch; own-property writes only, so "__proto__" stays a plain key. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const base: Data = typeof target === "object" && target !== null && !Array.isArray(target) ? { ...(target as Data) } : {};
  for (const [k, v] of Object.entries(patch as Data)) {
    if (v === null) delete base[k];
    else Object.defineProperty(base, k, { value: mergePatch(base[k], v), enumerable: true, writable: true, configurable: true });
  }
  return base;
}

function checkCustomMetadata(m: Record<string, unknown>): Record<string, string> {
  const entries = Object.entries(m);
  if (entries.length > 64) throw badRequest("custom_metadata: maximum number of keys (64) exceeded");
  for (const [k, v] of entries) {
    if (typeof v !== "string") throw badRequest(`custom_metadata: value of key "${k}" must be a string`);
    if (k.length > 128) throw badRequest("custom_metadata: length of key exceeds 128 characters");
    if (v.length > 512) throw badRequest(`custom_metadata: length of value for key "${k}" exceeds 512 characters`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function subkeys(value: unknown, depth: number, level = 1): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const out: Data = {};
  for (const [k, v] of Object.entries(value as Data)) {
    out[k] = depth !== 0 && level >= depth ? null : subkeys(v, depth, level + 1);
  }
  return out;
}

function kv2BackendHandlers(state: State): Backend {

  function newKey(): KvKey {
    const t = timestamp();
    return {
      created_time: t,
      updated_time: t,
      current_version: 0,
      oldest_version: 0,
      max_versions: 0,
      cas_required: false,
      delete_version_after: 0,
      custom_metadata: null,
      versions: new Map(),
    };
  }

  function checkCas(req: LogicalRequest, s: KvStore, key: KvKey | undefined): void {
    const options = map(req.data, "options") ?? {};
    const casRequired = s.config.cas_required || Boolean(key?.cas_required);
    if (has(options, "cas")) {
      let cas: number;
      try {
        cas = int(options, "cas");
      } catch {
        throw badRequest("error parsing check-and-set parameter");
      }
      if (cas !== (key?.current_version ?? 0)) throw badRequest("check-and-set parameter did not match the current version");
    } else if (casRequired) throw badRequest("check-and-set parameter required for this call");
  }

  /** Seconds after which a version is deleted: the key's delete_version_after capped at the engine's (README §5.8); 0 = never. */
  function effectiveDeleteAfter(s: KvStore, key: KvKey): number {
    const engineDva = s.config.delete_version_after;
    const dva = key.delete_version_after;
    return engineDva > 0 && (dva === 0 || dva > engineDva) ? engineDva : dva;
  }

  function addVersion(s: KvStore, path: string, key: KvKey, data: Data): Data {
    const created = timestamp();
    const version = key.current_version + 1;
    const dva = effectiveDeleteAfter(s, key);
    const v: KvVersion = {
      created_time: created,
      deletion_time: dva > 0 ? timestamp(parseTime(created) + dva * 1000) : "",
      destroyed: false,
      data: JSON.stringify(data),
    };
    key.versions.set(version, v);
    key.current_version = version;
    key.updated_time = created;
    // A key first created by this write takes its first version's time (the plugin's AddVersion: CreatedTime if unset);
    // one created by a metadata write keeps that write's time.
    if (key.created_time === "") key.created_time = created;
    // The larger of the engine's and the key's max_versions applies (README §5.7).
    const maxVersions = Math.max(s.config.max_versions, key.max_versions) || DEFAULT_MAX_VERSIONS;
    if (key.current_version - key.oldest_version >= maxVersions) {
      const last = key.current_version - maxVersions;
      for (let i = key.oldest_version; i <= last; i++) key.versions.delete(i);
      key.oldest_version = last + 1;
    }
    s.keys.set(path, key);
    return versionMetadata(key, version, v);
  }

  function requirePath(p: string): string {
    if (p === "" || p.endsWith(".")) throw unsupportedPath();
    return p;
  }

  function readVersion(req: LogicalRequest, s: KvStore, path: string): { key: KvKey; n: number; v: KvVersion } {
    const key = s.keys.get(path);
    let n = has(req.data, "version") ? int(req.data, "version") : 0;
    if (!key) throw notFound();
    // Only a positive version selects one; 0 or a negative number reads the latest (pathDataRead, pathSubkeysRead: verParam > 0).
    if (n <= 0) n = key.current_version;
    const v = key.versions.get(n);
    if (!v || n < key.oldest_version) throw notFound();
    return { key, n, v };
  }

  function versionsArg(req: LogicalRequest, kind: "delete" | "undelete" | "destroy"): number[] {
    const versions = intList(req.data, "versions");
    // The plugin's own spelling differs: path_delete.go capitalises, path_destroy.go does not.
    if (!versions || versions.length === 0) throw badRequest(`${kind === "destroy" ? "n" : "N"}o version number provided`);
    return versions;
  }

  function data(req: LogicalRequest, s: KvStore, path: string): LogicalResponse | undefined {
    switch (req.operation) {
      case "read": {
        const { key, n, v } = readVersion(req, s, path);
        const meta = versionMetadata(key, n, v);
        if (v.destroyed || isDeleted(v)) return { status: 404, data: { data: null, metadata: meta } };
        return { data: { data: JSON.parse(v.data!) as Data, metadata: meta } };
      }
      case "create":
      case "update": {
        const body = req.data.data;
        if (body === undefined || body === null) throw badRequest("no data provided");
        if (typeof body !== "object" || Array.isArray(body)) throw badRequest('error converting input for field "data": expected a map');
        const key = s.keys.get(path);
        checkCas(req, s, key);
        return { data: addVersion(s, path, key ?? { ...newKey(), created_time: "" }, body as Data) };
      }
      case "patch": {
        const key = s.keys.get(path);
        if (!key || key.current_version === 0) throw notFound();
        const body = req.data.data;
        if (body === undefined || body === null) throw badRequest("no data provided");
        if (typeof body !== "object" || Array.isArray(body)) throw badRequest('error converting input for field "data": expected a map');
        const latest = key.versions.get(key.current_version);
        if (!latest || latest.destroyed || isDeleted(latest)) {
          return { status: 404, data: latest ? versionMetadata(key, key.current_version, latest) : null };
        }
        const options = map(req.data, "options") ?? {};
        if (has(options, "cas") || s.config.cas_required || key.cas_required) checkCas(req, s, key);
        const merged = mergePatch(JSON.parse(latest.data!), body) as Data;
        return { data: addVersion(s, path, key, merged) };
      }
      case "delete": {
        const key = s.keys.get(path);
        if (!key) return undefined;
        const latest = key.versions.get(key.current_version);
        // Deleting changes version metadata only: updated_time is the key's last write (pathDataDelete leaves it).
        if (latest && !latest.destroyed && !isDeleted(latest)) latest.deletion_time = timestamp();
        return undefined;
      }
      default:
        throw unsupportedOperation();
    }
  }

  function versionOp(req: LogicalRequest, s: KvStore, path: string, kind: "delete" | "undelete" | "destroy"): undefined {
    if (req.operation !== "create" && req.operation !== "update") throw unsupportedOperation();
    const versions = versionsArg(req, kind);
    const key = s.keys.get(path);
    if (!key) return undefined;
    for (const n of versions) {
      const v = key.versions.get(n);
      if (!v || n < key.oldest_version) continue;
      if (kind === "delete") {
        if (!v.destroyed && !isDeleted(v)) v.deletion_time = timestamp();
      } else if (kind === "undelete") {
        // An undeleted version is scheduled for deletion again when delete_version_after is set (pathUndeleteWrite).
        const dva = effectiveDeleteAfter(s, key);
        if (!v.destroyed) v.deletion_time = dva > 0 ? timestamp(Date.now() + dva * 1000) : "";
      } else {
        v.destroyed = true;
        v.data = null;
      }
    }
    // updated_time stays: the plugin's delete/undelete/destroy rewrite version metadata, not the key's.
    return undefined;
  }

  function writeMetadata(req: LogicalRequest, s: KvStore, path: string, patch: boolean): LogicalResponse | undefined {
    let key = s.keys.get(path);
    if (patch && !key) throw notFound();
    const d = req.data;
    // The plugin's fast path: a write naming none of the fields changes nothing and creates no key (204).
    if (!patch && !["max_versions", "cas_required", "delete_version_after", "custom_metadata"].some((k) => has(d, k))) return undefined;
    key ??= newKey();
    if (has(d, "max_versions")) {
      const mv = int(d, "max_versions");
      if (mv < 0) throw badRequest("max_versions must be greater than or equal to 0");
      key.max_versions = mv;
    }
    if (has(d, "cas_required")) key.cas_required = bool(d, "cas_required");
    if (has(d, "delete_version_after")) key.delete_version_after = duration(d, "delete_version_after");
    if (has(d, "custom_metadata")) {
      const raw = d.custom_metadata;
      if (raw !== null && (typeof raw !== "object" || Array.isArray(raw))) throw badRequest('error converting input for field "custom_metadata": expected a map');
      if (patch) {
        const merged = mergePatch(key.custom_metadata ?? {}, raw ?? {}) as Record<string, unknown>;
        const checked = checkCustomMetadata(merged);
        key.custom_metadata = Object.keys(checked).length > 0 ? checked : null;
      } else {
        const checked = checkCustomMetadata((raw ?? {}) as Record<string, unknown>);
        key.custom_metadata = Object.keys(checked).length > 0 ? checked : null;
      }
    }
    // updated_time is set when the key is created and by each new version, not by metadata writes or patches
    // (pathMetadataWrite / pathMetadataPatch leave it).
    // A lowered max_versions trims nothing now: the plugin trims in AddVersion, at the key's next write (which may
    // remove several versions at once), so until then the old versions stay readable.
    s.keys.set(path, key);
    // The engine's cas_required wins over a key's false (it is stored, and ignored): Vault says so in a warning, 200.
    if (s.config.cas_required && has(d, "cas_required") && !bool(d, "cas_required")) {
      return { warnings: ['"cas_required" set to false, but is mandated by backend config. This value will be ignored.'] };
    }
    return undefined;
  }

  function metadata(req: LogicalRequest, s: KvStore, path: string): LogicalResponse | undefined {
    switch (req.operation) {
      case "list": {
        const prefix = path === "" ? "" : path.endsWith("/") ? path : `${path}/`;
        const keys = new Set<string>();
        for (const k of s.keys.keys()) {
          if (!k.startsWith(prefix)) continue;
          const rest = k.slice(prefix.length);
          const slash = rest.indexOf("/");
          keys.add(slash < 0 ? rest : rest.slice(0, slash + 1));
        }
        keys.delete("");
        if (keys.size === 0) throw notFound();
        return { data: { keys: [...keys].sort() } };
      }
      case "read": {
        const key = s.keys.get(requirePath(path));
        if (!key) throw notFound();
        return { data: metadataBody(key) };
      }
      case "create":
      case "update":
        return writeMetadata(req, s, requirePath(path), false);
      case "patch":
        return writeMetadata(req, s, requirePath(path), true);
      case "delete":
        s.keys.delete(requirePath(path));
        return undefined;
      default:
        throw unsupportedOperation();
    }
  }

  function config(req: LogicalRequest, s: KvStore): LogicalResponse | undefined {
    if (req.operation === "read") {
      return {
        data: {
          cas_required: s.config.cas_required,
          delete_version_after: formatGoDuration(s.config.delete_version_after),
          max_versions: s.config.max_versions,
        },
      };
    }
    if (req.operation !== "create" && req.operation !== "update") throw unsupportedOperation();
    const d = req.data;
    if (has(d, "max_versions")) {
      const mv = int(d, "max_versions");
      if (mv < 0) throw badRequest("max_versions must be greater than or equal to 0");
      s.config.max_versions = mv;
    }
    if (has(d, "cas_required")) s.config.cas_required = bool(d, "cas_required");
    if (has(d, "delete_version_after")) s.config.delete_version_after = duration(d, "delete_version_after");
    return undefined;
  }

  function subkeysOp(req: LogicalRequest, s: KvStore, path: string): LogicalResponse {
    if (req.operation !== "read") throw unsupportedOperation();
    const depth = int(req.data, "depth");
    if (depth < 0) throw badRequest("depth must be greater than or equal to 0");
    const { key, n, v } = readVersion(req, s, path);
    const meta = versionMetadata(key, n, v);
    if (v.destroyed || isDeleted(v)) return { status: 404, data: { subkeys: null, metadata: meta } };
    return { data: { subkeys: subkeys(JSON.parse(v.data!), depth), metadata: meta } };
  }

  return {
    exists(req) {
      const s = kvStoreFor(state, req.mount!.uuid);
      const m = /^(data|metadata)\/(.*)$/.exec(req.rel);
      if (!m) return true; // config, delete/, undelete/, destroy/ are updates
      return s.keys.has(m[2]!);
    },
    handle(req) {
      const s = kvStoreFor(state, req.mount!.uuid);
      const rel = req.rel;
      if (rel === "config") return config(req, s);
      const slash = rel.indexOf("/");
      const head = slash < 0 ? rel : rel.slice(0, slash);
      const path = slash < 0 ? "" : rel.slice(slash + 1);
      // The plugin's routes are ^data/.*$, ^metadata/.*$ …: anything else (a v1-style `secret/foo`, the mount root) is its pathInvalid.
      if (slash < 0 && !(head === "metadata" && req.operation === "list")) return invalidPath(req);
      switch (head) {
        case "data":
          return data(req, s, requirePath(path));
        case "metadata":
          return metadata(req, s, path);
        case "delete":
          return versionOp(req, s, requirePath(path), "delete");
        case "undelete":
          return versionOp(req, s, requirePath(path), "undelete");
        case "destroy":
          return versionOp(req, s, requirePath(path), "destroy");
        case "subkeys":
          return subkeysOp(req, s, requirePath(path));
        default:
          return invalidPath(req);
      }
    },
  };
}

/**
 * A path outside the KV v2 routes (`secret/foo` read as if KV v1, `LIST secret/`): the KV plugin's pathInvalid
 * answers 404 with a normal envelope whose warning names the `vault kv` subcommand to use. Clients test for this
 * warning to retry under data/ (vault-plugin-secrets-kv backend.go); hvac raises InvalidPath on the 404.
 */
function invalidPath(req: LogicalRequest): LogicalResponse {
  const sub = ({ create: "put", update: "put", read: "get", list: "list", delete: "delete" } as Record<string, string>)[req.operation];
  if (sub === undefined) throw unsupportedOperation();
  return {
    status: 404,
    warnings: [`Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv ${sub}' for this operation.`],
  };
}

/** Upgrading a KV v1 mount to v2 (sys/mounts/:path/tune options.version=2): each value becomes version 1. */
export function upgradeToV2(s: KvStore): void {
  for (const [path, text] of s.v1) {
    const t = timestamp();
    s.keys.set(path, {
      created_time: t,
      updated_time: t,
      current_version: 1,
      oldest_version: 0,
      max_versions: 0,
      cas_required: false,
      delete_version_after: 0,
      custom_metadata: null,
      versions: new Map([[1, { created_time: t, deletion_time: "", destroyed: false, data: text }]]),
    });
  }
  s.v1.clear();
}


/** The backend, answering on its registered routes only (routes.ts). */
export function kv2Backend(state: State): RoutedBackend {
  return routed(KV2_ROUTES, kv2BackendHandlers(state));
}
