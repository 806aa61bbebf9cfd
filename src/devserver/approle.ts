import { uuid, timestamp, parseTime } from "./ids.js";
import { badRequest, notFound, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { tidyStarted, keysResponse, loginResponse, mountDisplayName, mountStore, parseTokenFields, ROLE_NAME, rolePathName, tokenFieldsData } from "./auth-roles.js";
import { bool, duration, has, int, str, strList, type Data } from "./fields.js";
import type { AppRole, AppRoleStore, SecretIdEntry, State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import type { TokenStore } from "./tokens.js";
import { addressAllowed, parseCidrs } from "./cidr.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const APPROLE_ROUTES: readonly Route[] = [
  ["login", "w", "u"],
  ["role", "l"],
  ["role/{role_name}", "rwd", "c"],
  ["role/{role_name}/role-id", "rw"],
  ["role/{role_name}/secret-id", "lw"],
  ["role/{role_name}/custom-secret-id", "w"],
  ["role/{role_name}/secret-id/lookup", "w"],
  ["role/{role_name}/secret-id/destroy", "wd"],
  ["role/{role_name}/secret-id-accessor/lookup", "w"],
  ["role/{role_name}/secret-id-accessor/destroy", "wd"],
  ["tidy/secret-id", "w"],
];

// The AppRole auth method (openbao/docs/api/auth/approle.mdx,
// partials/tokenfields.mdx). Login errors do not say which half was wrong:
// Vault answers "invalid role or secret ID" for both.

function roleData(r: AppRole): Data {
  return {
    bind_secret_id: r.bindSecretId,
    local_secret_ids: r.localSecretIds,
    policies: r.tokenPolicies,
    period: r.tokenPeriod,
    secret_id_bound_cidrs: r.secretIdBoundCidrs,
    secret_id_num_uses: r.secretIdNumUses,
    secret_id_ttl: r.secretIdTtl,
    token_bound_cidrs: r.tokenBoundCidrs,
    ...tokenFieldsData(r),
    token_type: r.tokenType,
  };
}

function secretIdData(e: SecretIdEntry): Data {
  return {
    cidr_list: e.cidrList,
    creation_time: e.creationTime,
    expiration_time: e.expirationTime === "" ? "0001-01-01T00:00:00Z" : e.expirationTime,
    last_updated_time: e.lastUpdatedTime,
    metadata: e.metadata,
    secret_id_accessor: e.accessor,
    secret_id_num_uses: e.numUses,
    secret_id_ttl: e.ttl,
    token_bound_cidrs: e.tokenBoundCidrs,
  };
}

function validCidrs(list: string[]): string[] {
  try {
    parseCidrs(list);
  } catch (error) {
    throw badRequest((error as Error).message);
  }
  return list;
}

function approleBackendHandlers(state: State, tokens: TokenStore): Backend {
  const store = (req: LogicalRequest): AppRoleStore => mountStore(state.approle, req, () => ({ roles: new Map(), secretIds: new Map() }));

  const expired = (e: SecretIdEntry, now = Date.now()) => e.expirationTime !== "" && parseTime(e.expirationTime) <= now;

  function writeRole(s: AppRoleStore, name: string, d: Data): void {
    const existing = s.roles.get(name);
    const r: AppRole = existing
      ? { ...existing }
      : {
          name,
          roleId: uuid(),
          bindSecretId: true,
          secretIdBoundCidrs: [],
          secretIdNumUses: 0,
          secretIdTtl: 0,
          localSecretIds: false,
          tokenTtl: 0,
          tokenMaxTtl: 0,
          tokenPolicies: [],
          tokenBoundCidrs: [],
          tokenExplicitMaxTtl: 0,
          tokenNoDefaultPolicy: false,
          tokenNumUses: 0,
          tokenPeriod: 0,
          tokenType: "default",
        };
    if (has(d, "bind_secret_id")) r.bindSecretId = bool(d, "bind_secret_id", true);
    const cidrs = strList(d, "secret_id_bound_cidrs") ?? strList(d, "bound_cidr_list");
    if (cidrs) r.secretIdBoundCidrs = validCidrs(cidrs);
    if (has(d, "secret_id_num_uses")) r.secretIdNumUses = int(d, "secret_id_num_uses");
    if (r.secretIdNumUses < 0) throw badRequest("secret_id_num_uses cannot be negative");
    if (has(d, "secret_id_ttl")) r.secretIdTtl = duration(d, "secret_id_ttl");
    if (has(d, "local_secret_ids") && !existing) r.localSecretIds = bool(d, "local_secret_ids");
    Object.assign(r, parseTokenFields(d, r));
    // AppRole keeps its policies sorted and without repeats (as Vault's
    // strutil.RemoveDuplicates does), and still takes the deprecated `period`.
    r.tokenPolicies = [...new Set(r.tokenPolicies)].sort();
    if (!has(d, "token_period") && has(d, "period")) r.tokenPeriod = duration(d, "period");
    const tcidrs = strList(d, "token_bound_cidrs");
    if (tcidrs) r.tokenBoundCidrs = validCidrs(tcidrs);
    if (r.tokenNumUses < 0) throw badRequest("'token_num_uses' cannot be negative");
    if (has(d, "token_type")) {
      const t = str(d, "token_type");
      if (!["default", "service", "batch", "default-service", "default-batch"].includes(t)) throw badRequest(`invalid 'token_type' value "${t}"`);
      r.tokenType = t;
    }
    if (r.tokenMaxTtl > 0 && r.tokenTtl > r.tokenMaxTtl) throw badRequest("'token_ttl' cannot be greater than 'token_max_ttl'");
    if (!r.bindSecretId && r.secretIdBoundCidrs.length === 0 && r.tokenBoundCidrs.length === 0) {
      throw badRequest("at least one constraint should be enabled on the role");
    }
    if (has(d, "role_id")) {
      const roleId = str(d, "role_id");
      if (roleId === "") throw badRequest("missing role_id");
      r.roleId = roleId;
    }
    for (const other of s.roles.values()) {
      if (other.name !== name && other.roleId === r.roleId) throw badRequest("role_id already in use");
    }
    s.roles.set(name, r);
  }

  function issueSecretId(s: AppRoleStore, role: AppRole, d: Data, custom: boolean): LogicalResponse {
    if (!role.bindSecretId) throw badRequest("bind_secret_id is not set on the role");
    const secretId = custom ? str(d, "secret_id") : uuid();
    if (secretId === "") throw badRequest("missing secret_id");
    let metadata: Record<string, string> = {};
    const raw = str(d, "metadata");
    if (raw !== "") {
      try {
        const parsed = JSON.parse(raw) as unknown;
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string")) throw new Error("shape");
        metadata = parsed as Record<string, string>;
      } catch {
        throw badRequest("failed to parse metadata: metadata must be a JSON object of string values");
      }
    }
    const numUses = has(d, "num_uses") ? int(d, "num_uses") : role.secretIdNumUses;
    if (numUses < 0) throw badRequest("num_uses cannot be negative");
    if (role.secretIdNumUses > 0 && (numUses === 0 || numUses > role.secretIdNumUses)) {
      throw badRequest("num_uses cannot be higher than the role's secret_id_num_uses");
    }
    let ttl = has(d, "ttl") ? duration(d, "ttl") : role.secretIdTtl;
    if (role.secretIdTtl > 0 && (ttl === 0 || ttl > role.secretIdTtl)) ttl = role.secretIdTtl;
    let list = s.secretIds.get(role.name);
    if (!list) s.secretIds.set(role.name, (list = new Map()));
    if (list.has(secretId)) throw badRequest("SecretID is already registered");
    const now = Date.now();
    const created = timestamp(now);
    const entry: SecretIdEntry = {
      secretId,
      accessor: uuid(),
      metadata,
      cidrList: validCidrs(strList(d, "cidr_list") ?? []),
      tokenBoundCidrs: validCidrs(strList(d, "token_bound_cidrs") ?? []),
      numUses,
      ttl,
      creationTime: created,
      expirationTime: ttl > 0 ? timestamp(now + ttl * 1000) : "",
      lastUpdatedTime: created,
    };
    list.set(secretId, entry);
    return { data: { secret_id: secretId, secret_id_accessor: entry.accessor, secret_id_ttl: ttl, secret_id_num_uses: numUses } };
  }

  function login(req: LogicalRequest): LogicalResponse {
    const s = store(req);
    const roleId = str(req.data, "role_id");
    if (roleId === "") throw badRequest("missing role_id");
    const role = [...s.roles.values()].find((r) => r.roleId === roleId);
    if (!role) throw badRequest("invalid role or secret ID");
    const meta: Record<string, string> = { role_name: role.name };
    if (!addressAllowed(req.remoteAddress, role.secretIdBoundCidrs)) throw badRequest("source address unauthorized through CIDR restrictions on the role");
    if (role.bindSecretId) {
      const secretId = str(req.data, "secret_id");
      if (secretId === "") throw badRequest("missing secret_id");
      const list = s.secretIds.get(role.name);
      const entry = list?.get(secretId);
      if (!entry || expired(entry)) {
        if (entry) list!.delete(secretId);
        throw badRequest("invalid role or secret ID");
      }
      if (!addressAllowed(req.remoteAddress, entry.cidrList)) throw badRequest("source address unauthorized through CIDR restrictions on the secret ID");
      if (entry.numUses > 0) {
        entry.numUses -= 1;
        if (entry.numUses === 0) list!.delete(secretId);
      }
      Object.assign(meta, entry.metadata);
    }
    // The alias of an AppRole login is the role ID (path_login.go: Alias.Name = role.RoleID).
    return loginResponse(tokens, req, role, meta, mountDisplayName(req), role.roleId);
  }

  return {
    exists(req) {
      const name = rolePathName(req.rel);
      return name !== undefined ? store(req).roles.has(name) : true;
    },
    handle(req) {
      const op = req.operation;
      const post = op === "create" || op === "update";
      if (req.rel === "login") {
        if (!post) throw unsupportedOperation();
        return login(req);
      }
      if (req.rel === "tidy/secret-id") {
        if (!post) throw unsupportedOperation();
        return tidyStarted(); // expired secret IDs are refused and dropped when used
      }
      if (req.rel === "role/" || req.rel === "role") {
        if (op !== "list") throw unsupportedOperation();
        return keysResponse(store(req).roles.keys());
      }
      const m = /^role\/([^/]+)(?:\/(.*))?$/.exec(req.rel);
      if (!m || !ROLE_NAME.test(m[1]!)) throw unsupportedPath();
      const name = m[1]!;
      const sub = (m[2] ?? "").replace(/\/$/, "");
      const s = store(req);
      const role = s.roles.get(name);
      if (sub === "") {
        if (op === "read") {
          if (!role) throw notFound();
          return { data: roleData(role) };
        }
        if (post) {
          writeRole(s, name, req.data);
          return undefined;
        }
        if (op === "delete") {
          s.roles.delete(name);
          s.secretIds.delete(name);
          return undefined;
        }
        throw unsupportedOperation();
      }
      if (!role) {
        if (op === "read") throw notFound();
        throw badRequest(`role "${name}" does not exist`);
      }
      switch (sub) {
        case "role-id":
          if (op === "read") return { data: { role_id: role.roleId } };
          if (post) {
            writeRole(s, name, { role_id: req.data.role_id ?? "" });
            return undefined;
          }
          throw unsupportedOperation();
        case "secret-id":
          if (post) return issueSecretId(s, role, req.data, false);
          if (op === "list") {
            return keysResponse([...(s.secretIds.get(name)?.values() ?? [])].filter((e) => !expired(e)).map((e) => e.accessor));
          }
          throw unsupportedOperation();
        case "custom-secret-id":
          if (!post) throw unsupportedOperation();
          return issueSecretId(s, role, req.data, true);
        case "secret-id/lookup": {
          if (!post) throw unsupportedOperation();
          const secretId = str(req.data, "secret_id");
          if (secretId === "") throw badRequest("missing secret_id");
          const e = s.secretIds.get(name)?.get(secretId);
          if (!e || expired(e)) return undefined;
          return { data: secretIdData(e) };
        }
        case "secret-id/destroy": {
          if (!post && op !== "delete") throw unsupportedOperation();
          const secretId = str(req.data, "secret_id");
          if (secretId === "") throw badRequest("missing secret_id");
          s.secretIds.get(name)?.delete(secretId);
          return undefined;
        }
        case "secret-id-accessor/lookup":
        case "secret-id-accessor/destroy": {
          if (!post && !(op === "delete" && sub.endsWith("destroy"))) throw unsupportedOperation();
          const accessor = str(req.data, "secret_id_accessor");
          if (accessor === "") throw badRequest("missing secret_id_accessor");
          const list = s.secretIds.get(name);
          const e = [...(list?.values() ?? [])].find((x) => x.accessor === accessor);
          if (!e) throw badRequest(`failed to find accessor entry for secret_id_accessor: "${accessor}"`);
          if (sub.endsWith("destroy")) {
            list!.delete(e.secretId);
            return undefined;
          }
          return { data: secretIdData(e) };
        }
        default:
          throw unsupportedPath();
      }
    },
  };
}

/** The backend, answering on its registered routes only (routes.ts). */
export function approleBackend(state: State, tokens: TokenStore): RoutedBackend {
  return routed(APPROLE_ROUTES, approleBackendHandlers(state, tokens));
}
