import { haStatus, hostInfo, keyStatus, pluginCatalog, versionHistory } from "./sys-info.js";
import { handleLeases } from "./leases.js";
import { generateRoot } from "./generate-root.js";
import { rekey } from "./rekey.js";
import type { UnsealKeys } from "./unseal-keys.js";
import { VaultHttpError, badRequest, notFound, permissionDenied, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { bool, has, map, str, strList, type Data } from "./fields.js";
import type { MountEntry, State, TokenEntry } from "./state.js";
import { mountHandlers, mountView, normalise } from "./sys-mounts.js";
import { tools } from "./sys-tools.js";
import { passwordPolicies } from "./password-policy.js";
import { handleMetrics, type Metrics } from "./metrics.js";
import type { InFlightRequests } from "./in-flight.js";
import { corsConfig } from "./cors.js";
import { activityCounters } from "./sys-activity.js";
import { openApiDocument, type VisibleMount } from "./openapi.js";
import type { AuditBroker } from "./audit.js";
import type { Wrapping } from "./wrapping.js";
import type { Acl } from "./acl.js";
import type { TokenStore } from "./tokens.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const SYSTEM_ROUTES: readonly Route[] = [
  ["health", "r", "u"],
  ["seal-status", "r", "u"],
  ["seal", "w", "s"],
  ["unseal", "w", "u"],
  ["init", "rw", "u"],
  ["leader", "r", "u"],
  ["mounts", "r"],
  ["mounts/{path}", "rwd"],
  ["mounts/{path}/tune", "rw"],
  ["auth", "r"],
  ["auth/{path}", "rwd", "s"],
  ["auth/{path}/tune", "rw", "s"],
  ["remount", "w", "s"],
  ["remount/status/{migration_id}", "r"],
  ["generate-root/attempt", "rwd", "u"],
  ["generate-root/update", "w", "u"],
  ["rekey/init", "rwd", "u"],
  ["rekey/update", "w", "u"],
  ["rekey/verify", "rwd", "u"],
  ["rekey/backup", "rd", "s"],
  ["policy", "r"],
  ["policy/{name}", "rwd"],
  ["policies/acl", "l"],
  ["policies/acl/{name}", "rwd"],
  ["policies/password", "l"],
  ["policies/password/{name}", "rwd"],
  ["policies/password/{name}/generate", "r"],
  ["capabilities", "w"],
  ["capabilities-self", "w"],
  ["capabilities-accessor", "w"],
  ["audit", "r", "s"],
  ["audit/{path}", "wd", "s"],
  ["audit-hash/{path}", "w"],
  ["wrapping/lookup", "rw", "u"],
  ["wrapping/unwrap", "w"],
  ["wrapping/wrap", "w"],
  ["wrapping/rewrap", "w"],
  ["tools/hash", "w"],
  ["tools/hash/{urlalgorithm}", "w"],
  ["tools/random", "w"],
  ["tools/random/{urlbytes}", "w"],
  ["leases", "r"],
  ["leases/count", "r"],
  ["leases/lookup", "w"],
  ["leases/lookup/{prefix}", "l", "s"],
  ["leases/renew", "w"],
  ["leases/renew/{url_lease_id}", "w"],
  ["leases/revoke", "w"],
  ["leases/revoke/{url_lease_id}", "w"],
  ["leases/revoke-prefix/{prefix}", "w", "s"],
  ["leases/revoke-force/{prefix}", "w", "s"],
  ["leases/tidy", "w"],
  ["renew", "w"],
  ["renew/{url_lease_id}", "w"],
  ["revoke", "w"],
  ["revoke/{url_lease_id}", "w"],
  ["revoke-prefix/{prefix}", "w", "s"],
  ["revoke-force/{prefix}", "w", "s"],
  ["version-history", "l"],
  ["plugins/catalog", "r"],
  ["plugins/catalog/{type}", "l"],
  ["ha-status", "r"],
  ["key-status", "r"],
  ["rotate", "w", "s"],
  ["step-down", "w", "s"],
  ["host-info", "r"],
  ["in-flight-req", "r"],
  ["internal/ui/mounts", "r", "u"],
  ["internal/ui/mounts/{path}", "r", "u"],
  ["internal/ui/resultant-acl", "r"],
  ["internal/ui/feature-flags", "r", "u"],
  ["internal/counters/tokens", "r"],
  ["internal/counters/entities", "r"],
  ["internal/counters/activity", "r"],
  ["internal/counters/activity/monthly", "r"],
  ["internal/counters/config", "rw"],
  ["internal/specs/openapi", "r", "u"],
  ["metrics", "r"],
  ["config/cors", "rwd", "s"],
];

// The `sys/` backend: health and seal status, ACL policies, capabilities,
// audit devices, wrapping and the UI mount lookup; mounts are in
// sys-mounts.ts (openbao/docs/api/system/*.mdx; Vault-only details from
// vault-1.14/).

export const SERVER_VERSION = "1.14.0+vaultshift";
const BUILD_DATE = "2023-06-19T11:40:23Z";
/** When this process started: sys/version-history's timestamp_installed. */
const STARTED = new Date().toISOString();

export interface SysDeps {
  state: State;
  tokens: TokenStore;
  audit: AuditBroker;
  wrapping: Wrapping;
  /** unseal(key) takes one key share: false when the threshold is reached and the shares do not rebuild the key. */
  seal: { isSealed(): boolean; seal(): void; unseal(key: string): boolean; progress(): number; nonce(): string; resetProgress(): void };
  keys: UnsealKeys;
  /** Creates a root token with this ID (sys/generate-root). */
  mintRoot(id: string): void;
  setPolicy(name: string, text: string): void;
  deletePolicy(name: string): void;
  aclFor(token: TokenEntry): Acl;
  /** The routes the backend of a mount registers (the OpenAPI document is built from them). */
  routesFor(mount: MountEntry, auth: boolean): readonly Route[];
  /** Secret or auth mount that serves `path` (full path under /v1/), with its mount point. */
  mountFor(path: string): { mount: MountEntry; mountPoint: string } | undefined;
  /** What sys/metrics reports. */
  metrics: Metrics;
  /** What sys/in-flight-req reports. */
  inFlight: InFlightRequests;
}

/** Vault's UI feature flags (http/sys_feature_flags.go): the env variables of this list that are set and not "0". */
const FEATURE_FLAG_ENV = ["VAULT_CLOUD_ADMIN_NAMESPACE"];

/**
 * GET sys/internal/ui/feature-flags, which the Vault UI calls before anything else: answered by Vault's HTTP layer
 * without a token, sealed or not, not audited, as `{"feature_flags": [...]}` — `null` when none is set (a nil Go slice).
 */
function featureFlags(req: LogicalRequest): LogicalResponse {
  if (req.operation !== "read") throw new VaultHttpError(405, []);
  const set = FEATURE_FLAG_ENV.filter((name) => (process.env[name] ?? "") !== "" && process.env[name] !== "0");
  return { raw: { status: 200, body: { feature_flags: set.length > 0 ? set : null } } };
}

function intCode(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text)) throw badRequest("bad code: not an integer");
  return Number(text);
}

function sysBackendHandlers(deps: SysDeps): Backend {
  const { state, tokens, audit } = deps;
  const post = (req: LogicalRequest) => req.operation === "create" || req.operation === "update";

  function health(req: LogicalRequest): LogicalResponse {
    // Checks in Vault's order (README §10.2); this server is always initialized, unsealed and active.
    for (const k of ["activecode", "standbycode", "drsecondarycode", "performancestandbycode", "sealedcode", "uninitcode", "haunhealthycode", "removedcode"]) {
      intCode(req.data[k], 0);
    }
    const sealed = deps.seal.isSealed();
    const status = sealed ? intCode(req.data.sealedcode, 503) : intCode(req.data.activecode, 200);
    return {
      raw: {
        status,
        body: {
          initialized: true,
          sealed,
          standby: false,
          performance_standby: false,
          replication_performance_mode: "disabled",
          replication_dr_mode: "disabled",
          server_time_utc: Math.floor(Date.now() / 1000),
          version: SERVER_VERSION,
          enterprise: false,
          cluster_name: state.clusterName,
          cluster_id: state.clusterId,
        },
      },
    };
  }

  function sealStatus(): Data {
    const sealed = deps.seal.isSealed();
    const body: Data = {
      type: "shamir",
      initialized: true,
      sealed,
      t: deps.keys.threshold,
      n: deps.keys.shares,
      progress: deps.seal.progress(),
      nonce: deps.seal.nonce(),
      version: SERVER_VERSION,
      build_date: BUILD_DATE,
      migration: false,
      recovery_seal: false,
      storage_type: "inmem",
    };
    if (!sealed) {
      body.cluster_name = state.clusterName;
      body.cluster_id = state.clusterId;
    }
    return body;
  }

  const { mounts, authMounts, remount } = mountHandlers(state, tokens);
  const rootGeneration = generateRoot({ keys: deps.keys, mintRoot: (id) => deps.mintRoot(id) });
  const rekeying = rekey(deps.keys);

  function policyText(d: Data): string {
    let text = str(d, "policy") || str(d, "rules");
    if (text.trim() === "") throw badRequest("'policy' parameter not supplied or empty");
    // Vault accepts a base64-encoded policy (sys/policies/acl docs).
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0) {
      const decoded = Buffer.from(text, "base64").toString("utf8");
      if (!decoded.includes("\uFFFD")) text = decoded;
    }
    return text;
  }

  function policies(req: LogicalRequest, rest: string, legacy: boolean): LogicalResponse | undefined {
    const names = () => [...new Set([...state.policies.keys(), "root"])].sort();
    if (rest === "") {
      if (legacy && req.operation === "read") return { data: { keys: names(), policies: names() }, topLevel: true };
      if (!legacy && req.operation === "list") return { data: { keys: names() } };
      throw unsupportedOperation();
    }
    const name = rest.replace(/\/$/, "").toLowerCase();
    switch (req.operation) {
      case "read": {
        const text = state.policies.get(name);
        if (text === undefined) throw notFound();
        return legacy ? { data: { name, rules: text }, topLevel: true } : { data: { name, policy: text } };
      }
      case "create":
      case "update":
        if (name === "root") throw badRequest('cannot update "root" policy');
        deps.setPolicy(name, policyText(req.data));
        return undefined;
      case "delete":
        if (name === "root" || name === "default") throw badRequest(`cannot delete "${name}" policy`);
        deps.deletePolicy(name);
        return undefined;
      default:
        throw unsupportedOperation();
    }
  }

  function capabilities(req: LogicalRequest, kind: "self" | "token" | "accessor"): LogicalResponse {
    if (!post(req)) throw unsupportedOperation();
    const paths = strList(req.data, "paths") ?? (has(req.data, "path") ? [str(req.data, "path")] : []);
    if (paths.length === 0) throw badRequest("missing paths");
    let target: TokenEntry | undefined = req.token;
    if (kind === "token") {
      target = tokens.valid(str(req.data, "token"));
      if (!target) throw badRequest("invalid token");
    } else if (kind === "accessor") {
      target = tokens.byAccessor(str(req.data, "accessor"));
      if (!target) throw badRequest("invalid accessor");
    }
    const acl = deps.aclFor(target!);
    const out: Data = {};
    for (const p of paths) out[p.replace(/^\/+/, "")] = acl.capabilities(p.replace(/^\/+/, ""));
    if (paths.length === 1) out.capabilities = out[paths[0]!.replace(/^\/+/, "")];
    return { data: out, topLevel: true };
  }

  function auditDevices(req: LogicalRequest, rest: string): LogicalResponse | undefined {
    if (rest === "") {
      if (req.operation !== "read") throw unsupportedOperation();
      const out: Data = {};
      for (const [p, e] of state.audit) out[p] = { type: e.type, description: e.description, options: e.options, local: e.local, path: p };
      return { data: out, topLevel: true };
    }
    const path = normalise(rest);
    if (post(req)) {
      const options: Record<string, string> = {};
      for (const [k, v] of Object.entries(map(req.data, "options") ?? {})) options[k] = String(v);
      audit.enable(path, str(req.data, "type"), str(req.data, "description"), options, bool(req.data, "local"));
      return undefined;
    }
    if (req.operation === "delete") {
      audit.disable(path);
      return undefined;
    }
    throw unsupportedOperation();
  }

  /**
   * The mounts sys/internal/ui/mounts lists and sys/internal/specs/openapi documents (Vault's
   * pathInternalUIMountsRead): a mount tuned `listing_visibility: unauth` to anyone, with or without a token (the
   * Vault UI's login page draws its auth-method tabs from these), others only to a token with access under them.
   * A token that is sent but not valid is refused, as fetchACLTokenEntryAndEntity refuses it.
   */
  function visibleMounts(req: LogicalRequest): VisibleMount[] {
    if (req.clientToken !== "" && !req.token) throw permissionDenied();
    const acl = req.token ? deps.aclFor(req.token) : undefined;
    const visible: VisibleMount[] = [];
    const sees = (m: MountEntry, prefix: string) => m.config.listing_visibility === "unauth" || acl?.anyUnder(prefix) === true;
    for (const [p, m] of state.mounts) if (sees(m, p)) visible.push({ prefix: p, mount: m, auth: false, routes: deps.routesFor(m, false) });
    for (const [p, m] of state.auth) if (sees(m, `auth/${p}`)) visible.push({ prefix: `auth/${p}`, mount: m, auth: true, routes: deps.routesFor(m, true) });
    return visible;
  }

  function uiMounts(req: LogicalRequest, rest: string): LogicalResponse {
    if (req.operation !== "read") throw unsupportedOperation();
    const acl = req.token ? deps.aclFor(req.token) : undefined;
    if (rest === "") {
      const secret: Data = {};
      const auth: Data = {};
      for (const { prefix, mount, auth: isAuth } of visibleMounts(req)) {
        // Without a token only the type, description and options of an unauth-listed mount.
        const view = req.token ? mountView(mount) : { type: mount.type, description: mount.description, options: mount.options };
        if (isAuth) auth[prefix.slice("auth/".length)] = view;
        else secret[prefix] = view;
      }
      return { data: { secret, auth } };
    }
    // Unknown mount and no access look the same, so the path cannot be used to enumerate mounts. The message is
    // Vault's (pathInternalUIMountRead): the vault CLI's kv preflight shows it, naming the path it asked about.
    const found = deps.mountFor(rest.endsWith("/") ? rest : `${rest}/`) ?? deps.mountFor(rest);
    const preflightDenied = new VaultHttpError(403, [
      `preflight capability check returned 403, please ensure client's policies grant access to path "${rest.replace(/^\/+/, "").replace(/\/*$/, "/")}"`,
    ]);
    if (!found) throw preflightDenied;
    if (!acl) throw permissionDenied();
    if (!acl.anyUnder(found.mountPoint)) throw preflightDenied;
    return { data: { ...mountView(found.mount), path: found.mountPoint } };
  }

  /**
   * GET (or POST) sys/internal/specs/openapi: raw OpenAPI document of the mounts the caller can see, with the same
   * filter as sys/internal/ui/mounts (Vault's pathInternalOpenAPI starts from pathInternalUIMountsRead).
   */
  function openApi(req: LogicalRequest): LogicalResponse {
    if (req.operation !== "read" && !post(req)) throw unsupportedOperation();
    return { raw: { status: 200, body: openApiDocument(visibleMounts(req), SERVER_VERSION.replace(/\+.*$/, "")) } };
  }

  /** sys/internal/ui/resultant-acl (Vault's pathInternalUIResultantACL; the default policy grants it): what the Vault UI draws its menus from. */
  function resultantAcl(req: LogicalRequest): LogicalResponse {
    if (req.operation !== "read") throw unsupportedOperation();
    const acl = deps.aclFor(req.token!);
    if (acl.root) return { data: { root: true } };
    return { data: { root: false, ...acl.resultant() } };
  }

  /** sys/internal/counters/{tokens,entities} (api-docs/system/internal-counters): service tokens alive now; entities in the identity store. */
  function counters(req: LogicalRequest, what: string): LogicalResponse {
    if (req.operation !== "read") throw unsupportedOperation();
    if (what === "entities") return { data: { counters: { entities: { total: state.identity?.entities.size ?? 0 } } } };
    if (what !== "tokens") throw unsupportedPath();
    let total = 0;
    for (const id of [...state.tokens.keys()]) {
      const t = tokens.valid(id);
      if (t && t.type !== "batch") total++;
    }
    return { data: { counters: { service_tokens: { total } } } };
  }

  function wrappingOp(req: LogicalRequest, op: string): LogicalResponse {
    const bodyToken = str(req.data, "token");
    // GET sys/wrapping/lookup looks up the requester's own (wrapping) token (logical_system.go, ReadOperation).
    if (op === "lookup" && req.operation === "read") {
      if (req.clientToken === "") throw badRequest('missing "token" value in input');
      return { data: deps.wrapping.lookup(req.clientToken) };
    }
    if (!post(req)) throw unsupportedOperation();
    switch (op) {
      case "unwrap": {
        // Either the wrapping token as X-Vault-Token and no body, or another token plus {token} (wrapping-unwrap.mdx).
        const id = bodyToken || req.clientToken;
        return { raw: { status: 200, body: deps.wrapping.unwrap(id) } };
      }
      case "lookup": {
        // The token in the body, else the one sent as X-Vault-Token (handleWrappingLookup).
        const id = bodyToken || req.clientToken;
        if (id === "") throw badRequest('missing "token" value in input');
        return { data: deps.wrapping.lookup(id) };
      }
      case "wrap": {
        const ttl = typeof req.headers["x-vault-wrap-ttl"] === "string" ? 0 : 300;
        return { data: { ...req.data }, wrap: { ttl } };
      }
      case "rewrap": {
        if (bodyToken === "") throw badRequest("missing token");
        const { body, ttl } = deps.wrapping.rewrapBody(bodyToken);
        return { data: {}, wrap: { ttl, body } };
      }
      default:
        throw unsupportedPath();
    }
  }

  return {
    handle(req) {
      const rel = req.rel;
      const slash = rel.indexOf("/");
      const head = slash < 0 ? rel : rel.slice(0, slash);
      const rest = slash < 0 ? "" : rel.slice(slash + 1);
      switch (head) {
        case "health":
          if (rest !== "") throw unsupportedPath();
          if (req.operation !== "read") throw unsupportedOperation();
          return health(req);
        case "seal-status":
          if (req.operation !== "read") throw unsupportedOperation();
          return { raw: { status: 200, body: sealStatus() } };
        case "seal":
          if (!post(req)) throw unsupportedOperation();
          deps.seal.seal();
          return undefined;
        case "unseal": {
          if (!post(req)) throw unsupportedOperation();
          if (bool(req.data, "reset")) deps.seal.resetProgress();
          else if (deps.seal.isSealed()) {
            const key = str(req.data, "key");
            if (key === "") throw badRequest("missing required parameter 'key'");
            if (!deps.seal.unseal(key)) throw badRequest("Unseal failed, invalid key");
          }
          return { raw: { status: 200, body: sealStatus() } };
        }
        case "init":
          if (req.operation === "read") return { raw: { status: 200, body: { initialized: true } } };
          throw badRequest("Vault is already initialized");
        case "leader":
          if (req.operation !== "read") throw unsupportedOperation();
          return {
            raw: {
              status: 200,
              body: { ha_enabled: false, is_self: false, active_time: "0001-01-01T00:00:00Z", leader_address: "", leader_cluster_address: "", performance_standby: false, performance_standby_last_remote_wal: 0 },
            },
          };
        case "mounts":
          return mounts(req, rest);
        case "auth":
          return authMounts(req, rest);
        case "remount":
          return remount(req, rest);
        case "generate-root":
          return rootGeneration(req, rest);
        case "rekey":
          return rekeying(req, rest);
        case "policy":
          return policies(req, rest, true);
        case "policies":
          if (rest === "acl" || rest === "acl/") return policies(req, "", false);
          if (rest.startsWith("acl/")) return policies(req, rest.slice(4), false);
          if (rest === "password" || rest.startsWith("password/")) return passwordPolicies(req, rest.slice("password".length), state);
          throw unsupportedPath();
        case "capabilities-self":
          return capabilities(req, "self");
        case "capabilities":
          return capabilities(req, "token");
        case "capabilities-accessor":
          return capabilities(req, "accessor");
        case "audit":
          return auditDevices(req, rest);
        case "audit-hash": {
          if (!post(req)) throw unsupportedOperation();
          if (!has(req.data, "input")) throw badRequest("the \"input\" parameter is empty");
          return { data: { hash: audit.hash(normalise(rest), str(req.data, "input")) }, topLevel: true };
        }
        case "wrapping":
          return wrappingOp(req, rest);
        case "tools":
          return tools(req, rest);
        case "leases": {
          const i = rest.indexOf("/");
          return handleLeases(req, tokens, i < 0 ? rest : rest.slice(0, i), i < 0 ? "" : rest.slice(i + 1));
        }
        case "renew":
        case "revoke":
        case "revoke-prefix":
        case "revoke-force":
          // Pre-0.8 aliases of sys/leases/* that clients still call (hvac, older SDKs).
          return handleLeases(req, tokens, head, rest);
        case "version-history":
          if (rest !== "") throw unsupportedPath();
          return versionHistory(req, SERVER_VERSION.replace(/\+.*$/, ""), STARTED, BUILD_DATE);
        case "plugins":
          if (rest !== "catalog" && !rest.startsWith("catalog/")) throw unsupportedPath();
          return pluginCatalog(req, rest.slice("catalog".length).replace(/^\//, ""), SERVER_VERSION.replace(/\+.*$/, ""));
        case "ha-status":
          if (rest !== "") throw unsupportedPath();
          return haStatus(req, "", SERVER_VERSION.replace(/\+.*$/, ""));
        case "key-status":
          if (rest !== "") throw unsupportedPath();
          return keyStatus(req, state.keyTerm ?? { term: 1, installTime: STARTED });
        case "rotate":
          // `vault operator rotate`: a new barrier key term; data stays readable (older terms keep decrypting in
          // Vault's keyring). The handler returns nothing: 204. Sudo (core.ts SUDO_PATHS).
          if (rest !== "") throw unsupportedPath();
          if (!post(req)) throw unsupportedOperation();
          state.keyTerm = { term: (state.keyTerm?.term ?? 1) + 1, installTime: new Date().toISOString() };
          return undefined;
        case "step-down":
          // `vault operator step-down`: without HA there is no standby to hand over to; Vault's Core.StepDown
          // returns at once for a non-HA node and the handler answers 204. Sudo (core.ts SUDO_PATHS).
          if (rest !== "") throw unsupportedPath();
          if (!post(req)) throw unsupportedOperation();
          return undefined;
        case "host-info":
          if (rest !== "") throw unsupportedPath();
          return hostInfo(req);
        case "in-flight-req":
          // Read on sys/in-flight-req, no sudo (not in the system backend's root paths); raw JSON, no envelope.
          if (rest !== "") throw unsupportedPath();
          if (req.operation !== "read") throw unsupportedOperation();
          return { raw: { status: 200, body: deps.inFlight.snapshot() } };
        case "internal":
          if (rest === "ui/mounts" || rest === "ui/mounts/") return uiMounts(req, "");
          if (rest.startsWith("ui/mounts/")) return uiMounts(req, rest.slice("ui/mounts/".length));
          if (rest === "ui/resultant-acl") return resultantAcl(req);
          if (rest === "ui/feature-flags") return featureFlags(req);
          if (rest === "specs/openapi") return openApi(req);
          if (/^counters\/(activity|config)(\/|$)/.test(rest)) return activityCounters(req, state, rest.slice("counters/".length));
          if (rest.startsWith("counters/")) return counters(req, rest.slice("counters/".length));
          throw unsupportedPath();
        case "metrics":
          if (rest !== "") throw unsupportedPath();
          return handleMetrics(req, deps.metrics, state, deps.seal.isSealed());
        case "config":
          if (rest !== "cors") throw unsupportedPath();
          return corsConfig(req, state);
        default:
          throw unsupportedPath();
      }
    },
  };
}


/** The backend, answering on its registered routes only (routes.ts). */
export function sysBackend(deps: SysDeps): RoutedBackend {
  return routed(SYSTEM_ROUTES, sysBackendHandlers(deps));
}
