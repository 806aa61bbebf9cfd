import { badRequest, notFound, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { uuid } from "./ids.js";
import { bool, duration, has, map, str, strList, type Data } from "./fields.js";
import { newKvStore, newMount, SYSTEM_MAX_TTL, type MountEntry, type State } from "./state.js";
import { kvStoreFor, upgradeToV2 } from "./kv2.js";
import type { TokenStore } from "./tokens.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// sys/mounts and sys/auth: list, enable, read, disable and tune secrets
// engines and auth methods (openbao/docs/api/system/mounts.mdx, auth.mdx;
// README §5.1, §11).

const RESERVED = ["sys/", "auth/", "cubbyhole/", "identity/"];

export function normalise(path: string): string {
  const p = path.replace(/^\/+|\/+$/g, "");
  return p === "" ? "" : `${p}/`;
}

const TUNABLE_LISTS = ["audit_non_hmac_request_keys", "audit_non_hmac_response_keys", "listing_visibility", "passthrough_request_headers", "token_type"] as const;

/**
 * Whether a tunable appears in a mount or tune read: Vault shows the list fields only when non-empty
 * (MountEntry.SyncCache drops an empty list from the cache the reads use) and `listing_visibility` only when set
 * (`len(entry.Config.ListingVisibility) > 0` in mountInfo and handleTuneReadCommon), so a tune to `[]` or `""`
 * clears the field from the answer.
 */
function shown(v: unknown): boolean {
  return v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
}

export function mountView(m: MountEntry): Data {
  const config: Data = {
    default_lease_ttl: m.config.default_lease_ttl,
    force_no_cache: m.config.force_no_cache,
    max_lease_ttl: m.config.max_lease_ttl,
  };
  for (const k of TUNABLE_LISTS) if (shown(m.config[k])) config[k] = m.config[k];
  const view: Data = {
    accessor: m.accessor,
    config,
    description: m.description,
    external_entropy_access: m.external_entropy_access,
    local: m.local,
    options: m.options,
    plugin_version: "",
    running_plugin_version: "v1.14.0+builtin.vault",
    running_sha256: "",
    seal_wrap: m.seal_wrap,
    type: m.type,
    uuid: m.uuid,
  };
  if (m.type === "kv" || m.type === "transit" || m.type === "token" || m.type === "approle" || m.type === "userpass" || m.type === "kubernetes" || m.type === "jwt") view.deprecation_status = "supported";
  return view;
}

function tuneView(m: MountEntry): Data {
  const view: Data = {
    default_lease_ttl: m.config.default_lease_ttl || SYSTEM_MAX_TTL,
    description: m.description,
    force_no_cache: m.config.force_no_cache,
    max_lease_ttl: m.config.max_lease_ttl || SYSTEM_MAX_TTL,
  };
  if (m.options) view.options = m.options;
  for (const k of TUNABLE_LISTS) if (shown(m.config[k])) view[k] = m.config[k];
  return view;
}

/** checkListingVisibility: "" (default), "hidden", "unauth". */
const LISTING_VISIBILITY = new Set(["", "hidden", "unauth"]);
/** The token types an auth mount's tune accepts (handleTuneWriteCommon; "" is default-service). */
const TOKEN_TYPES = new Set(["", "default-service", "default-batch", "service", "batch"]);

function optionsOf(d: Data): Record<string, string> | null {
  const o = map(d, "options");
  if (!o) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = String(v);
  }
  return out;
}


export function mountHandlers(state: State, tokens: TokenStore) {
  const post = (req: LogicalRequest) => req.operation === "create" || req.operation === "update";

  // `sys/mounts` and `sys/auth` list and tune their tables the same way.
  function listing(req: LogicalRequest, table: Map<string, MountEntry>): LogicalResponse {
    if (req.operation !== "read") throw unsupportedOperation();
    const out: Data = {};
    for (const [p, m] of [...table].sort((a, b) => a[0].localeCompare(b[0]))) out[p] = mountView(m);
    return { data: out, topLevel: true };
  }

  /** `<path>/tune`; `shown` is the path as messages name it. */
  function tuneEndpoint(req: LogicalRequest, mount: MountEntry | undefined, shown: string, allowUpgrade: boolean): LogicalResponse | undefined {
    if (!mount) throw badRequest(`cannot fetch sysview for path "${shown}"`);
    if (req.operation === "read") return { data: tuneView(mount) };
    if (!post(req)) throw unsupportedOperation();
    const warnings = tuneMount(mount, req.data, allowUpgrade, false, !allowUpgrade);
    return warnings.length > 0 ? { warnings } : undefined;
  }

  function mounts(req: LogicalRequest, rest: string): LogicalResponse | undefined {
    if (rest === "") return listing(req, state.mounts);
    const tune = /\/tune\/?$/.test(rest);
    const path = normalise(tune ? rest.replace(/\/tune\/?$/, "") : rest);
    const mount = state.mounts.get(path);
    if (tune) return tuneEndpoint(req, mount, path, true);
    switch (req.operation) {
      case "read":
        if (!mount) throw badRequest(`No secret engine mount at ${path}`);
        return { data: mountView(mount) };
      case "create":
      case "update": {
        if (path === "") throw badRequest("missing path");
        for (const r of RESERVED) if (path.startsWith(r)) throw badRequest(`cannot mount under reserved path "${r}"`);
        for (const existing of state.mounts.keys()) {
          if (path.startsWith(existing) || existing.startsWith(path)) throw badRequest(`path is already in use at ${existing}`);
        }
        let type = str(req.data, "type");
        let options = optionsOf(req.data);
        if (type === "") throw badRequest("backend type must be specified as a string");
        // Vault's handleMount aliases: kv-v1 and kv-v2 are kv with options.version set; other engines take no version.
        if (type === "kv-v1" || type === "kv-v2") {
          options = { ...(options ?? {}), version: type.slice(-1) };
          type = "kv";
        } else if (type === "generic") type = "kv";
        if (type !== "kv" && type !== "transit") throw badRequest(`plugin not found in the catalog: ${type}`);
        if (type !== "kv" && options?.version) throw badRequest(`secrets engine "${type}" does not allow setting a version`);
        if (options?.version !== undefined && !["1", "2", ""].includes(options.version)) throw badRequest("invalid kv version");
        const m = newMount(path, type, str(req.data, "description"), options, bool(req.data, "local"));
        const cfg = map(req.data, "config");
        if (cfg) tuneMount(m, cfg, false, true);
        state.mounts.set(path, m);
        if (type === "kv") state.kv.set(m.uuid, newKvStore());
        return undefined;
      }
      case "delete": {
        if (!mount) return undefined; // idempotent, and does not reveal whether it existed
        if (mount.type !== "kv" && mount.type !== "transit") throw badRequest(`cannot unmount "${path}"`);
        state.mounts.delete(path);
        state.kv.delete(mount.uuid);
        state.transit?.delete(mount.uuid);
        return undefined;
      }
      default:
        throw unsupportedOperation();
    }
  }

  /**
   * Applies a tune; returns its warnings (a KV version upgrade warns, as handleTuneWriteCommon does). Field by field
   * in Vault's order (handleTuneWriteCommon): lease TTLs (checked against each other before either changes),
   * description, the audit key lists, `listing_visibility` (checkListingVisibility), `token_type` (auth mounts only),
   * `passthrough_request_headers`, then `options` with the KV version check. Each field is stored as soon as it is
   * checked, so a refusal further down leaves the fields before it applied, as in Vault.
   */
  function tuneMount(m: MountEntry, d: Data, allowUpgrade: boolean, creating = false, auth = false): string[] {
    // Vault's tune: "" leaves a TTL as it is (the Go client always sends both), "system" resets it to the default.
    const ttl = (k: string): number | undefined => (!has(d, k) || d[k] === null || d[k] === "" ? undefined : d[k] === "system" ? 0 : duration(d, k));
    const newDefault = ttl("default_lease_ttl") ?? m.config.default_lease_ttl;
    const newMax = ttl("max_lease_ttl") ?? m.config.max_lease_ttl;
    // tuneMountTTLs refuses before it changes either TTL; handleMount refuses before creating the mount.
    if (newMax > 0 && newDefault > newMax) {
      throw badRequest(creating ? "given default lease TTL greater than given max lease TTL" : `backend max lease TTL of ${newMax} would be less than backend default lease TTL of ${newDefault}`);
    }
    m.config.default_lease_ttl = newDefault;
    m.config.max_lease_ttl = newMax;
    if (has(d, "description")) m.description = str(d, "description");
    for (const k of ["audit_non_hmac_request_keys", "audit_non_hmac_response_keys"] as const) {
      const list = strList(d, k);
      if (list) m.config[k] = list;
    }
    if (has(d, "listing_visibility")) {
      const visibility = str(d, "listing_visibility");
      if (!LISTING_VISIBILITY.has(visibility)) throw badRequest(`invalid listing_visibility ${visibility}`);
      m.config.listing_visibility = visibility;
    }
    if (has(d, "token_type") && !creating) {
      if (!auth) throw badRequest("'token_type' can only be modified on auth mounts");
      if (m.type === "token") throw badRequest("'token_type' cannot be set for 'token' or 'ns_token' auth mounts");
      const type = str(d, "token_type");
      if (!TOKEN_TYPES.has(type)) throw badRequest("invalid value for 'token_type'");
      m.config.token_type = type === "" ? "default-service" : type;
    }
    const headers = strList(d, "passthrough_request_headers");
    if (headers) m.config.passthrough_request_headers = headers;
    const options = optionsOf(d);
    if (options && allowUpgrade && m.type === "kv") {
      const versions = options.version !== undefined ? kvVersions(m, options.version) : undefined;
      const upgrading = versions !== undefined && versions.from < versions.to;
      if (upgrading && versions.to === 2 && m.options?.version !== "2") upgradeToV2(kvStoreFor(state, m.uuid));
      m.options = { ...(m.options ?? {}), ...options };
      if (upgrading) return [`Upgrading mount from version ${versions.from} to version ${versions.to}. This mount will be unavailable for a brief period and will resume service shortly.`];
    }
    return [];
  }

  /**
   * The KV version change a tune asks for, checked before the mount changes (Vault's handleTuneWriteCommon: the
   * mount's version and the requested one parsed with parseutil.ParseInt, where "" is 0; only 1 and 2 accepted;
   * no downgrade). `vault kv enable-versioning` sends `options.version = "2"`.
   */
  function kvVersions(m: MountEntry, requested: string): { from: number; to: number } {
    const parse = (v: string): number => (v.trim() === "" ? 0 : /^[+-]?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);
    const from = parse(m.options?.version ?? "");
    const to = parse(requested);
    if (Number.isNaN(to)) throw badRequest(`unable to parse options: strconv.ParseInt: parsing "${requested}": invalid syntax`);
    if (to !== 1 && to !== 2) throw badRequest(`invalid version provided: ${to}`);
    if (from > to) throw badRequest(`cannot downgrade mount from version ${from}`);
    return { from, to };
  }

  function authMounts(req: LogicalRequest, rest: string): LogicalResponse | undefined {
    if (rest === "") return listing(req, state.auth);
    const tune = /\/tune\/?$/.test(rest);
    const path = normalise(tune ? rest.replace(/\/tune\/?$/, "") : rest);
    const mount = state.auth.get(path);
    if (tune) return tuneEndpoint(req, mount, `auth/${path}`, false);
    switch (req.operation) {
      case "read":
        if (!mount) throw badRequest(`No auth engine at auth/${path}`);
        return { data: mountView(mount) };
      case "create":
      case "update": {
        if (path === "") throw badRequest("missing path");
        for (const existing of state.auth.keys()) {
          if (path.startsWith(existing) || existing.startsWith(path)) throw badRequest(`path is already in use at auth/${existing}`);
        }
        const type = str(req.data, "type");
        if (type === "") throw badRequest("backend type must be specified as a string");
        if (type === "token") throw badRequest("token credential backend cannot be instantiated");
        if (type !== "approle" && type !== "kubernetes" && type !== "jwt" && type !== "userpass") throw badRequest(`plugin not found in the catalog: ${type}`);
        const m = newMount(path, type, str(req.data, "description"), optionsOf(req.data), bool(req.data, "local"));
        m.config.token_type = "default-service";
        const cfg = map(req.data, "config");
        if (cfg) tuneMount(m, cfg, false, true);
        state.auth.set(path, m);
        return undefined;
      }
      case "delete": {
        if (!mount) return undefined;
        if (mount.type === "token") throw badRequest("token credential backend cannot be disabled");
        state.auth.delete(path);
        state.approle.delete(mount.uuid);
        state.userpass?.delete(mount.uuid);
        state.kubernetes?.delete(mount.uuid);
        state.jwt?.delete(mount.uuid);
        // Tokens issued by the method are revoked with it (mounts are a lease prefix).
        for (const t of [...state.tokens.values()]) if (t.path.startsWith(`auth/${path}`)) tokens.revokeTree(t.id);
        return undefined;
      }
      default:
        throw unsupportedOperation();
    }
  }

  /** Finished moves by migration ID, for sys/remount/status (in memory, as Vault keeps them). */
  const migrations = new Map<string, { source_mount: string; target_mount: string; status: string }>();

  /**
   * `sys/remount` (`vault secrets move`, `vault auth move`) and
   * `sys/remount/status/:migration_id`. Vault 1.10+ queues the move and
   * answers `migration_id` with a warning; here the move is done before the
   * answer, so the status is already "success". Secrets engines move with
   * their data (stored by mount UUID); an auth method moves with its roles
   * and users, and the tokens it issued are revoked ("Any leases from the old
   * auth method are revoked", `vault auth move -h`).
   */
  function remount(req: LogicalRequest, rest: string): LogicalResponse {
    if (rest !== "") {
      const m = /^status\/([^/]+)\/?$/.exec(rest);
      if (!m) throw unsupportedPath();
      if (req.operation !== "read") throw unsupportedOperation();
      const info = migrations.get(m[1]!);
      if (!info) throw notFound();
      return { data: { migration_id: m[1], migration_info: info } };
    }
    if (!post(req)) throw unsupportedOperation();
    const from = normalise(str(req.data, "from"));
    const to = normalise(str(req.data, "to"));
    if (from === "" || to === "") throw badRequest("both 'from' and 'to' path must be specified as a string");
    const auth = from.startsWith("auth/");
    if (auth !== to.startsWith("auth/")) throw badRequest(auth ? `cannot remount auth mount to non-auth mount "${to}"` : `cannot remount non-auth mount to auth mount "${to}"`);
    const table = auth ? state.auth : state.mounts;
    const src = auth ? from.slice(5) : from;
    const dst = auth ? to.slice(5) : to;
    if (dst === "") throw badRequest("missing path");
    const entry = table.get(src);
    if (!entry) throw badRequest(`no matching mount at "${from}"`);
    if (entry.type === "token" || entry.type === "system" || entry.type === "cubbyhole" || entry.type === "identity") throw badRequest(`cannot remount "${from}"`);
    if (!auth) for (const r of RESERVED) if (dst.startsWith(r)) throw badRequest(`cannot remount to reserved path "${r}"`);
    for (const existing of table.keys()) {
      if (existing !== src && (dst.startsWith(existing) || existing.startsWith(dst))) throw badRequest(`path is already in use at ${auth ? "auth/" : ""}${existing}`);
    }
    if (dst !== src) {
      table.delete(src);
      entry.path = dst;
      table.set(dst, entry);
      if (auth) for (const t of [...state.tokens.values()]) if (t.path.startsWith(from)) tokens.revokeTree(t.id);
    }
    const id = uuid();
    migrations.set(id, { source_mount: from, target_mount: to, status: "success" });
    return { data: { migration_id: id }, warnings: ["Mount move has been queued. Progress will be reported in Vault's server log, tagged with the returned migration_id"] };
  }

  return { mounts, authMounts, remount };
}
