import { notFound, permissionDenied, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { bool, duration, has, int, strList, type Data } from "./fields.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";
import type { LoginIdentity, TokenStore } from "./tokens.js";

// What the roles of every auth method with a login (AppRole, Kubernetes, JWT)
// have in common. Vault documents the token_* role fields once, as the
// "tokenfields" partial (openbao/docs/partials/tokenfields.mdx) that each
// method's role API includes, and implements them once (sdk/helper/tokenutil);
// the dev server does the same here.

/** The token_* fields of a role, durations in seconds. */
export interface TokenFields {
  tokenPolicies: string[];
  tokenTtl: number;
  tokenMaxTtl: number;
  tokenPeriod: number;
  tokenNumUses: number;
  tokenNoDefaultPolicy: boolean;
  tokenExplicitMaxTtl: number;
  /**
   * Deprecated aliases the role was written with (`policies`, `ttl`,
   * `max_ttl`, `period`): the plugins echo them on read for backwards
   * compatibility (sample "Read role" in openbao/docs/api/auth/kubernetes.mdx).
   */
  legacy?: string[];
}

const LEGACY_ALIASES: [string, string][] = [
  ["policies", "token_policies"],
  ["ttl", "token_ttl"],
  ["max_ttl", "token_max_ttl"],
  ["period", "token_period"],
];

/** Role names Vault accepts (framework.GenericNameRegex). */
export const ROLE_NAME = /^\w(?:[\w.@-]*\w)?$/;

/**
 * The token fields of a role create/update: a field the request leaves out
 * keeps its previous value (a role update is a partial write), or the zero
 * value on create. `policies` is the deprecated alias of `token_policies`.
 */
export function parseTokenFields(d: Data, prev: TokenFields | undefined): TokenFields {
  const legacy = new Set(prev?.legacy ?? []);
  for (const [old, current] of LEGACY_ALIASES) {
    if (has(d, current)) legacy.delete(old);
    else if (has(d, old)) legacy.add(old);
  }
  const pick = (current: string, old: string, fallback: number) => (has(d, current) ? duration(d, current) : has(d, old) ? duration(d, old) : fallback);
  return {
    ...(legacy.size > 0 ? { legacy: [...legacy].sort() } : {}),
    tokenPolicies: (strList(d, "token_policies") ?? strList(d, "policies") ?? prev?.tokenPolicies ?? []).map((p) => p.toLowerCase()),
    tokenTtl: pick("token_ttl", "ttl", prev?.tokenTtl ?? 0),
    tokenMaxTtl: pick("token_max_ttl", "max_ttl", prev?.tokenMaxTtl ?? 0),
    tokenPeriod: pick("token_period", "period", prev?.tokenPeriod ?? 0),
    tokenNumUses: has(d, "token_num_uses") ? int(d, "token_num_uses") : (prev?.tokenNumUses ?? 0),
    tokenNoDefaultPolicy: has(d, "token_no_default_policy") ? bool(d, "token_no_default_policy") : (prev?.tokenNoDefaultPolicy ?? false),
    tokenExplicitMaxTtl: has(d, "token_explicit_max_ttl") ? duration(d, "token_explicit_max_ttl") : (prev?.tokenExplicitMaxTtl ?? 0),
  };
}

/** The token fields as a role read returns them: durations as integer seconds. Keys in Vault's (sorted) order. */
export function tokenFieldsData(r: TokenFields): Data {
  const out: Data = {
    token_explicit_max_ttl: r.tokenExplicitMaxTtl,
    token_max_ttl: r.tokenMaxTtl,
    token_no_default_policy: r.tokenNoDefaultPolicy,
    token_num_uses: r.tokenNumUses,
    token_period: r.tokenPeriod,
    token_policies: r.tokenPolicies,
    token_ttl: r.tokenTtl,
  };
  for (const [old, current] of LEGACY_ALIASES) if (r.legacy?.includes(old)) out[old] = out[current];
  return out;
}

/** What Vault answers to a tidy request: 202 with this warning (openbao/docs/api/auth/token.mdx, "Tidy tokens"). */
export function tidyStarted(): LogicalResponse {
  return { status: 202, data: null, warnings: ["Tidy operation successfully started. Any information from the operation will be printed to Vault's server logs."] };
}

/** A LIST answer: the keys sorted, or 404 with no errors when there are none (as Vault answers an empty list). */
export function keysResponse(keys: Iterable<string>): LogicalResponse {
  const sorted = [...keys].sort();
  if (sorted.length === 0) throw notFound();
  return { data: { keys: sorted } };
}

/** The name in `role/<name>`, or undefined for any other path. */
export function rolePathName(rel: string): string | undefined {
  return /^role\/([^/]+)$/.exec(rel)?.[1];
}

/** Per-mount state of an auth method, created on first use. */
export function mountStore<S>(stores: Map<string, S>, req: LogicalRequest, create: () => S): S {
  const id = req.mount!.uuid;
  let s = stores.get(id);
  if (!s) {
    s = create();
    stores.set(id, s);
  }
  return s;
}

/** The mount's name as token display names start with it: "auth/k8s/" → "k8s". */
export function mountDisplayName(req: LogicalRequest): string {
  return req.mountPoint.replace(/^auth\//, "").replace(/\/$/, "");
}

/** The token a successful login issues, from the role's token fields; a periodic role's token lives one period. */
/**
 * The answer to a successful login: a token for the role, carrying the entity of the login's alias (`aliasName`
 * under this auth mount's accessor), which Vault creates with its alias on the first login (CreateOrFetchEntity in
 * request_handling.go handleLoginRequest). A disabled entity cannot log in.
 */
export function loginResponse(tokens: TokenStore, req: LogicalRequest, role: TokenFields, meta: Record<string, string>, displayName: string, aliasName: string, loginPath = "login", login?: LoginIdentity): LogicalResponse {
  const entity = tokens.entityForAlias(req.mount!.accessor, aliasName, login);
  if (entity.disabled) throw permissionDenied();
  const token = tokens.create({
    policies: role.tokenPolicies,
    parent: "",
    path: `${req.mountPoint}${loginPath}`,
    meta,
    displayName,
    ttl: role.tokenPeriod > 0 ? role.tokenPeriod : role.tokenTtl,
    maxTtl: role.tokenMaxTtl,
    explicitMaxTtl: role.tokenExplicitMaxTtl,
    period: role.tokenPeriod,
    numUses: role.tokenNumUses,
    noDefaultPolicy: role.tokenNoDefaultPolicy,
    // A role whose token_type is batch (or default-batch) issues batch tokens.
    ...(/batch$/.test((role as TokenFields & { tokenType?: string }).tokenType ?? "") ? { batch: true } : {}),
    entityId: entity.id,
  });
  return { data: null, auth: tokens.authBlock(token) };
}

/**
 * `role` (LIST) and `role/<name>` (read, create/update, delete) for a method
 * whose roles are a plain map: `write` builds the role from the request data
 * and the previous role (undefined on create), throwing on invalid input.
 */
export function handleRolePaths<R>(req: LogicalRequest, roles: Map<string, R>, render: (r: R) => Data, write: (d: Data, prev: R | undefined) => R): LogicalResponse | undefined {
  const op = req.operation;
  if (req.rel === "role" || req.rel === "role/") {
    if (op !== "list") throw unsupportedOperation();
    return keysResponse(roles.keys());
  }
  const name = rolePathName(req.rel);
  if (name === undefined || !ROLE_NAME.test(name)) throw unsupportedPath();
  return handleRole(req, roles, name, render, write);
}

/** Read, create/update or delete one named role of `roles`; see handleRolePaths for `write`. */
export function handleRole<R>(req: LogicalRequest, roles: Map<string, R>, name: string, render: (r: R) => Data, write: (d: Data, prev: R | undefined) => R): LogicalResponse | undefined {
  switch (req.operation) {
    case "read": {
      const r = roles.get(name);
      if (!r) throw notFound();
      return { data: render(r) };
    }
    case "create":
    case "update":
      roles.set(name, write(req.data, roles.get(name)));
      return undefined;
    case "delete":
      roles.delete(name);
      return undefined;
    default:
      throw unsupportedOperation();
  }
}
