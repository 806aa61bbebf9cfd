import { newAccessor, newBatchToken, newServiceToken } from "./ids.js";
import { badRequest, permissionDenied, unsupportedOperation, unsupportedPath, VaultHttpError } from "./http-error.js";
import { bool, duration, has, int, str, strList, stringMap, type Data } from "./fields.js";
import { formatHumanDuration } from "./duration.js";
import { SYSTEM_MAX_TTL, type State, type TokenEntry, type TokenRole } from "./state.js";
import type { AuthBlock, Backend, LogicalRequest, LogicalResponse } from "./request.js";
import { tidyStarted } from "./auth-roles.js";
import { handleRoles, matchesAny, rolePolicies, rolesOf } from "./token-roles.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const TOKEN_ROUTES: readonly Route[] = [
  ["accessors", "l", "s"],
  ["create", "w"],
  ["create-orphan", "w"],
  ["create/{role_name}", "w"],
  ["lookup", "rw"],
  ["lookup/{token}", "rw"],
  ["lookup-self", "rw"],
  ["lookup-accessor", "w"],
  ["renew", "w"],
  ["renew/{token}", "w"],
  ["renew-self", "w"],
  ["renew-accessor", "w"],
  ["revoke", "w"],
  ["revoke/{token}", "w"],
  ["revoke-self", "w"],
  ["revoke-accessor", "w"],
  ["revoke-orphan", "w", "s"],
  ["revoke-orphan/{token}", "w", "s"],
  ["roles", "l"],
  ["roles/{role_name}", "rwd", "c"],
  ["tidy", "w"],
];

// The token store and the `auth/token/` endpoints
// (openbao/docs/api/auth/token.mdx; concepts/tokens.mdx): parent/child trees,
// orphans, TTL / explicit max TTL / periodic tokens, use counts, accessors.

export interface TokenParams {
  policies: string[];
  parent: string;
  path: string;
  meta?: Record<string, string> | null;
  displayName: string;
  ttl: number; // s; 0 = system default
  explicitMaxTtl?: number;
  maxTtl?: number; // mount/role max; 0 = system max
  period?: number;
  numUses?: number;
  renewable?: boolean;
  noDefaultPolicy?: boolean;
  id?: string;
  /** A batch token (concepts/tokens.mdx, "Batch tokens"). */
  batch?: boolean;
  /** The identity entity the token belongs to. */
  entityId?: string;
}

/** What a login says of its identity beyond the alias name: the alias's metadata, and its group aliases' names. */
export interface LoginIdentity {
  metadata?: Record<string, string>;
  groupAliases?: string[];
}

export class TokenStore {
  /** Told of every token issued (sys/metrics' vault.token.creation). */
  onCreate?: (entry: TokenEntry) => void;
  /** The policies a token's entity and its groups add (the identity store's; none without one). */
  identityPolicies: (entityId: string | undefined) => string[] = () => [];
  /**
   * The entity of an alias (mount accessor, alias name), created with the alias the first time (CreateOrFetchEntity);
   * a login may bring the alias's metadata and the names of its groups on that mount (group aliases).
   */
  entityForAlias: (mountAccessor: string, aliasName: string, login?: LoginIdentity) => { id: string; disabled: boolean } = () => {
    throw badRequest("this server has no identity store to create an entity in");
  };

  constructor(readonly state: State) {}

  get(id: string): TokenEntry | undefined {
    return this.state.tokens.get(id);
  }

  /** A token that is usable now; expired tokens (or children of dead parents) are revoked on sight. */
  valid(id: string, now = Date.now()): TokenEntry | undefined {
    if (id === "") return undefined;
    const entry = this.state.tokens.get(id);
    if (!entry) return undefined;
    let cur: TokenEntry | undefined = entry;
    while (cur) {
      if (cur.expireTime !== 0 && cur.expireTime <= now) {
        this.revokeTree(cur.id);
        return undefined;
      }
      if (cur.parent === "") break;
      const parent: TokenEntry | undefined = this.state.tokens.get(cur.parent);
      if (!parent) {
        this.revokeTree(cur.id);
        return undefined;
      }
      cur = parent;
    }
    return entry;
  }

  byAccessor(accessor: string): TokenEntry | undefined {
    const id = this.state.accessors.get(accessor);
    return id === undefined ? undefined : this.valid(id);
  }

  create(p: TokenParams, now = Date.now()): TokenEntry {
    let policies = [...new Set(p.policies.map((x) => x.trim().toLowerCase()).filter((x) => x !== ""))];
    if (policies.includes("root")) policies = ["root", ...policies.filter((x) => x !== "root" && x !== "default")];
    else if (!p.noDefaultPolicy && !policies.includes("default")) policies.push("default");
    policies.sort();
    const period = p.period ?? 0;
    const explicitMaxTtl = p.explicitMaxTtl ?? 0;
    const isRoot = policies.includes("root");
    let ttl = period > 0 ? period : p.ttl;
    if (ttl === 0 && !isRoot) ttl = SYSTEM_MAX_TTL;
    if (ttl === 0 && isRoot && p.ttl === 0 && period === 0) ttl = 0; // root tokens may live forever
    const maxTtl = Math.min(p.maxTtl && p.maxTtl > 0 ? p.maxTtl : SYSTEM_MAX_TTL, SYSTEM_MAX_TTL);
    let ceiling = 0;
    if (explicitMaxTtl > 0) ceiling = now + explicitMaxTtl * 1000;
    if (period === 0 && ttl > 0) {
      const sysCeiling = now + maxTtl * 1000;
      ceiling = ceiling === 0 ? sysCeiling : Math.min(ceiling, sysCeiling);
    }
    let expireTime = ttl > 0 ? now + ttl * 1000 : 0;
    if (ceiling !== 0 && expireTime > ceiling) {
      expireTime = ceiling;
      ttl = Math.floor((ceiling - now) / 1000);
    }
    const fresh = p.batch ? newBatchToken : newServiceToken;
    let id = p.id ?? fresh();
    while (p.id === undefined && this.state.tokens.has(id)) id = fresh();
    // Batch tokens have no accessor (concepts/tokens.mdx, comparison table).
    let accessor = p.batch ? "" : newAccessor();
    while (accessor !== "" && this.state.accessors.has(accessor)) accessor = newAccessor();
    const entry: TokenEntry = {
      id,
      accessor,
      policies,
      parent: p.parent,
      path: p.path,
      meta: p.meta && Object.keys(p.meta).length > 0 ? p.meta : null,
      displayName: p.displayName,
      numUses: p.numUses ?? 0,
      creationTime: now,
      creationTtl: ttl,
      expireTime,
      explicitMaxTtl,
      period,
      renewable: !p.batch && ttl > 0 && (p.renewable ?? true),
      orphan: p.parent === "",
      lastRenewalTime: 0,
      maxExpireTime: ceiling,
      ...(p.batch ? { type: "batch" as const } : {}),
      ...(p.entityId ? { entityId: p.entityId } : {}),
    };
    this.state.tokens.set(id, entry);
    if (accessor !== "") this.state.accessors.set(accessor, id);
    this.onCreate?.(entry);
    return entry;
  }

  private remove(entry: TokenEntry): void {
    this.state.tokens.delete(entry.id);
    if (entry.accessor !== "") this.state.accessors.delete(entry.accessor);
    this.state.cubbyhole.delete(entry.id);
  }

  /** Revokes a token and all its descendants (concepts/tokens.mdx, "Token hierarchies"). */
  revokeTree(id: string): void {
    const entry = this.state.tokens.get(id);
    if (!entry) return;
    const children = new Map<string, string[]>();
    for (const t of this.state.tokens.values()) {
      if (t.parent === "") continue;
      const list = children.get(t.parent);
      if (list) list.push(t.id);
      else children.set(t.parent, [t.id]);
    }
    const stack = [id];
    while (stack.length > 0) {
      const cur = stack.pop()!;
      const e = this.state.tokens.get(cur);
      if (e) this.remove(e);
      stack.push(...(children.get(cur) ?? []));
    }
  }

  /** Revokes only the token; its children become orphans. */
  revokeOrphan(id: string): void {
    const entry = this.state.tokens.get(id);
    if (!entry) return;
    for (const t of this.state.tokens.values()) {
      if (t.parent === id) {
        t.parent = "";
        t.orphan = true;
      }
    }
    this.remove(entry);
  }

  /** Counts one use; returns true when that was the last one and the token is now gone. */
  use(entry: TokenEntry): boolean {
    if (entry.numUses === 0) return false;
    entry.numUses -= 1;
    if (entry.numUses === 0) {
      this.revokeTree(entry.id);
      return true;
    }
    return false;
  }

  renew(entry: TokenEntry, increment: number, now = Date.now()): string[] {
    if (!entry.renewable) throw badRequest("lease is not renewable");
    const warnings: string[] = [];
    let ttl = entry.period > 0 ? entry.period : increment > 0 ? increment : entry.creationTtl;
    let expire = now + ttl * 1000;
    if (entry.maxExpireTime !== 0 && expire > entry.maxExpireTime) {
      expire = entry.maxExpireTime;
      // Rounded as lease_duration is (ttlOf), so the warning and the answer agree.
      const capped = Math.max(0, Math.round((expire - now) / 1000));
      warnings.push(`TTL of "${formatHumanDuration(ttl)}" exceeded the effective max_ttl of "${formatHumanDuration(capped)}"; TTL value is capped accordingly`);
      ttl = capped;
    }
    entry.expireTime = expire;
    entry.lastRenewalTime = now;
    return warnings;
  }

  ttlOf(entry: TokenEntry, now = Date.now()): number {
    return entry.expireTime === 0 ? 0 : Math.max(0, Math.round((entry.expireTime - now) / 1000));
  }

  /**
   * The auth block of a new or renewed token: `policies` is the token's and its entity's together, sorted
   * (request_handling.go sets Auth.Policies to all of them, TokenPolicies and IdentityPolicies apart);
   * `identity_policies` is left out when there are none (README §3.2).
   */
  authBlock(entry: TokenEntry): AuthBlock {
    const identity = this.identityPolicies(entry.entityId);
    return {
      client_token: entry.id,
      accessor: entry.accessor,
      policies: identity.length > 0 ? [...new Set([...entry.policies, ...identity])].sort() : entry.policies,
      token_policies: entry.policies,
      ...(identity.length > 0 ? { identity_policies: identity } : {}),
      metadata: entry.meta,
      lease_duration: this.ttlOf(entry),
      renewable: entry.renewable,
      entity_id: entry.entityId ?? "",
      token_type: entry.type ?? "service",
      orphan: entry.orphan,
      mfa_requirement: null,
      num_uses: entry.numUses,
    };
  }

  lookupData(entry: TokenEntry, revealId: boolean): Data {
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");
    const data: Data = {
      accessor: entry.accessor,
      creation_time: Math.floor(entry.creationTime / 1000),
      creation_ttl: entry.creationTtl,
      display_name: entry.displayName,
      entity_id: entry.entityId ?? "",
      expire_time: entry.expireTime === 0 ? null : iso(entry.expireTime),
      explicit_max_ttl: entry.explicitMaxTtl,
      id: revealId ? entry.id : "",
      issue_time: iso(entry.creationTime),
      meta: entry.meta,
      num_uses: entry.numUses,
      orphan: entry.orphan,
      path: entry.path,
      policies: entry.policies,
      renewable: entry.renewable,
      ttl: this.ttlOf(entry),
      type: entry.type ?? "service",
    };
    // renewable and issue_time come from the token's lease (handleLookup: if leaseTimes != nil); a token that never
    // expires (the root token) has none, so Vault's lookup of it shows neither.
    if (entry.expireTime === 0 && entry.type !== "batch") {
      delete data.renewable;
      delete data.issue_time;
    }
    if (entry.period > 0) data.period = entry.period;
    // Vault's handleLookup adds the role only for tokens created against one (token_store.go: if out.Role != "").
    if (entry.role) data.role = entry.role;
    if (entry.lastRenewalTime !== 0) {
      data.last_renewal = iso(entry.lastRenewalTime);
      data.last_renewal_time = Math.floor(entry.lastRenewalTime / 1000);
    }
    // handleLookup: identity_policies only for a token whose entity (or its groups) has policies.
    const identity = this.identityPolicies(entry.entityId);
    if (identity.length > 0) data.identity_policies = identity;
    return data;
  }
}

export interface TokenBackendDeps {
  tokens: TokenStore;
  policyExists(name: string): boolean;
}

/** Revoking a batch token by hand is an error (src:OB token_store.go, revokeCommon; README §6.6). */
const BATCH_NOT_REVOCABLE = "batch tokens cannot be revoked";

function tokenFromRequest(req: LogicalRequest, field: string, urlSuffix: string): string {
  const t = str(req.data, field);
  if (t !== "") return t;
  if (urlSuffix !== "") return urlSuffix; // Vault 1.14 also accepts the token in the URL (its "urltoken"), after the body
  throw badRequest(`missing ${field}`);
}

/** Vault's warning when the token came from the URL (token_store.go, every handler that takes a urltoken). */
const URL_TOKEN_WARNING = 'Using a token in the path is unsafe as the token can be logged in many places. Please use POST or PUT with the token passed in via the "token" parameter.';
const urlTokenUsed = (req: LogicalRequest, urlSuffix: string) => urlSuffix !== "" && str(req.data, "token") === "";

/** `auth/token/…` (rel is relative to "auth/token/"). */
function tokenBackendHandlers(deps: TokenBackendDeps): Backend {
  const { tokens } = deps;
  const isRootOrSudo = (req: LogicalRequest) => Boolean(req.acl?.root || req.acl?.hasSudo(req.path, req.operation));

  /**
   * The entity of a new token (token_store.go handleCreateCommon): the one of `entity_alias`, which needs a role
   * that allows the alias (created with its entity on first use, under the token mount's accessor), else the
   * parent's.
   */
  function entityForCreate(req: LogicalRequest, role: TokenRole | undefined): string | undefined {
    const alias = str(req.data, "entity_alias");
    if (alias === "") return req.token!.entityId;
    if (!role) throw badRequest("'entity_alias' is only allowed in combination with token role");
    if (!matchesAny(alias.toLowerCase(), role.allowedEntityAliases ?? [], role.allowedEntityAliases ?? [])) throw badRequest("invalid 'entity_alias' value");
    const entity = tokens.entityForAlias(req.mount!.accessor, alias);
    if (entity.disabled) throw new VaultHttpError(403, ["entity from alias is disabled"]);
    return entity.id;
  }

  function create(req: LogicalRequest, orphanEndpoint: boolean, roleName = ""): LogicalResponse {
    const parent = req.token!;
    const d = req.data;
    const role = roleName === "" ? undefined : rolesOf(tokens.state).get(roleName);
    if (roleName !== "" && !role) throw badRequest(`unknown role ${roleName}`);
    const privileged = isRootOrSudo(req);
    const parentIsRoot = parent.policies.includes("root");
    // The Go client (CLI, Terraform) always sends "type", "display_name", "num_uses" and "entity_alias", empty when
    // unset (api.TokenCreateRequest has no omitempty on them): empty means "not given", as in Vault.
    if (str(d, "id") !== "" && !privileged) throw badRequest("root or sudo privileges required to specify token id");
    if (bool(d, "no_parent") && !privileged && !orphanEndpoint && !role) throw badRequest("root or sudo privileges required to create orphan token");
    if (has(d, "period") && duration(d, "period") > 0 && !privileged && !role?.tokenPeriod) throw badRequest("root or sudo privileges required to create periodic token");
    // Batch tokens cannot make tokens; a role's token_type (default-*) applies when the request names none.
    if (parent.type === "batch") throw badRequest("batch tokens cannot create more tokens");
    const roleType = role?.tokenType.replace(/^default-/, "");
    const type = str(d, "type") || (roleType === "batch" ? "batch" : "service");
    if (type !== "service" && type !== "default" && type !== "batch") throw badRequest(`invalid 'token_type' value "${type}"`);
    if (role?.tokenType === "batch" && type !== "batch") throw badRequest("role requires batch tokens");
    if (role?.tokenType === "service" && type === "batch") throw badRequest("role requires service tokens");
    const batch = type === "batch";
    const entityId = entityForCreate(req, role);
    if (batch && (has(d, "period") && duration(d, "period") > 0 || (role?.tokenPeriod ?? 0) > 0)) throw badRequest("batch tokens cannot be periodic");
    if (batch && int(d, "num_uses") > 0) throw badRequest("batch tokens cannot have a use count limit");
    const requested = (strList(d, "policies") ?? []).map((p) => p.toLowerCase());
    let noDefaultPolicy = bool(d, "no_default_policy");
    let policies: string[];
    const fromRole = role ? rolePolicies(role, requested) : undefined;
    if (fromRole?.policies && (role!.allowedPolicies.length > 0 || role!.allowedPoliciesGlob.length > 0)) {
      // The role's allowed lists replace the subset-of-parent rule.
      policies = fromRole.policies;
    } else {
      const explicit = requested.length > 0;
      policies = explicit ? requested : parent.policies.filter((p) => p !== "default" || !noDefaultPolicy);
      if (explicit && !privileged && !parentIsRoot) {
        const allowed = new Set(parent.policies);
        const extra = policies.filter((p) => p !== "default" && !allowed.has(p));
        if (extra.length > 0) throw badRequest("child policies must be subset of parent");
      }
    }
    if (fromRole?.noDefault) noDefaultPolicy = true;
    if (policies.includes("root") && !parentIsRoot) throw badRequest("root tokens may not be created from a token that is not root");
    const id = str(d, "id") !== "" ? str(d, "id") : undefined;
    if (id !== undefined && id.includes(".")) throw badRequest("token IDs can not contain periods");
    if (id !== undefined && tokens.get(id)) throw badRequest("cannot create a token with a duplicate ID");
    const displayName = str(d, "display_name");
    const noParent = role ? role.orphan : orphanEndpoint || bool(d, "no_parent");
    const numUses = int(d, "num_uses") || (role?.tokenNumUses ?? 0);
    if (numUses < 0) throw badRequest("number of uses cannot be negative");
    let explicitMaxTtl = duration(d, "explicit_max_ttl");
    if (role?.tokenExplicitMaxTtl) explicitMaxTtl = explicitMaxTtl > 0 ? Math.min(explicitMaxTtl, role.tokenExplicitMaxTtl) : role.tokenExplicitMaxTtl;
    const path = role ? `auth/token/create/${role.name}${role.pathSuffix ? `/${role.pathSuffix}` : ""}` : req.path.replace(/\/$/, "");
    const entry = tokens.create({
      policies,
      parent: noParent ? "" : parent.id,
      path,
      meta: stringMap(d, "meta") ?? null,
      // token_store.go: "token-" + the name, each character outside [a-zA-Z0-9-] replaced by "-", one trailing "-" cut.
      displayName: displayName ? `token-${displayName}`.replace(/[^a-zA-Z0-9-]/g, "-").replace(/-$/, "") : "token",
      ttl: has(d, "ttl") ? duration(d, "ttl") : has(d, "lease") ? duration(d, "lease") : (role?.tokenTtl ?? 0),
      maxTtl: role?.tokenMaxTtl ?? 0,
      explicitMaxTtl,
      period: role?.tokenPeriod || duration(d, "period"),
      numUses,
      renewable: role ? role.renewable && bool(d, "renewable", true) : bool(d, "renewable", true),
      noDefaultPolicy,
      ...(id !== undefined ? { id } : {}),
      ...(batch ? { batch: true } : {}),
      ...(entityId ? { entityId } : {}),
    });
    if (role) entry.role = role.name;
    const warnings = entry.policies.filter((p) => p !== "root" && p !== "default" && !deps.policyExists(p)).map((p) => `Policy "${p}" does not exist`);
    return { data: null, auth: tokens.authBlock(entry), warnings: warnings.length > 0 ? warnings : null };
  }

  function target(req: LogicalRequest, suffix: string): TokenEntry {
    const t = tokens.valid(tokenFromRequest(req, "token", suffix));
    if (!t) throw new VaultHttpError(403, ["bad token"]);
    return t;
  }

  function accessorTarget(req: LogicalRequest): TokenEntry {
    const accessor = str(req.data, "accessor");
    if (accessor === "") throw badRequest("missing accessor");
    const t = tokens.byAccessor(accessor);
    if (!t) throw badRequest("invalid accessor");
    return t;
  }

  return {
    handle(req) {
      const op = req.operation;
      const [head = "", ...restParts] = req.rel.split("/");
      const rest = restParts.join("/");
      const post = op === "update" || op === "create";
      switch (head) {
        case "create":
          if (!post) throw unsupportedOperation();
          return create(req, false, rest.replace(/\/$/, ""));
        case "create-orphan":
          if (!post) throw unsupportedOperation();
          return create(req, true);
        case "lookup-self": {
          if (op !== "read" && !post) throw unsupportedOperation();
          return { data: tokens.lookupData(req.token!, true) };
        }
        case "lookup": {
          if (op !== "read" && !post) throw unsupportedOperation();
          // handleLookup: the "token" parameter (body, or the query string of a GET), else the URL, else the caller's own.
          const id = str(req.data, "token") || rest || req.clientToken;
          if (id === "") throw badRequest("missing token ID");
          const t = tokens.valid(id);
          if (!t) throw new VaultHttpError(403, ["bad token"]);
          return { data: tokens.lookupData(t, true), warnings: urlTokenUsed(req, rest) ? [URL_TOKEN_WARNING] : null };
        }
        case "lookup-accessor":
          if (!post) throw unsupportedOperation();
          if (rest !== "") req.data.accessor = rest;
          return { data: tokens.lookupData(accessorTarget(req), false) };
        case "renew-self":
        case "renew":
        case "renew-accessor": {
          if (!post) throw unsupportedOperation();
          const t = head === "renew-self" ? req.token! : head === "renew" ? target(req, rest) : accessorTarget(req);
          const warnings = tokens.renew(t, duration(req.data, "increment"));
          if (head === "renew" && urlTokenUsed(req, rest)) warnings.push(URL_TOKEN_WARNING);
          const auth = tokens.authBlock(t);
          if (head === "renew-accessor") auth.client_token = "";
          return { data: null, auth, warnings: warnings.length > 0 ? warnings : null };
        }
        case "revoke-self":
          if (!post) throw unsupportedOperation();
          if (req.token!.type === "batch") throw badRequest(BATCH_NOT_REVOCABLE);
          tokens.revokeTree(req.token!.id);
          return undefined;
        case "revoke": {
          if (!post) throw unsupportedOperation();
          const id = tokenFromRequest(req, "token", rest);
          if (tokens.get(id)?.type === "batch") throw badRequest(BATCH_NOT_REVOCABLE);
          tokens.revokeTree(id);
          // A token given in the URL turns the 204 into a 200 carrying the warning (handleRevokeTree).
          return urlTokenUsed(req, rest) ? { warnings: [URL_TOKEN_WARNING] } : undefined;
        }
        case "revoke-orphan": {
          if (!post) throw unsupportedOperation();
          if (!isRootOrSudo(req)) throw permissionDenied();
          if (tokens.get(tokenFromRequest(req, "token", rest))?.type === "batch") throw badRequest(BATCH_NOT_REVOCABLE);
          tokens.revokeOrphan(tokenFromRequest(req, "token", rest));
          return urlTokenUsed(req, rest) ? { warnings: [URL_TOKEN_WARNING] } : undefined;
        }
        case "revoke-accessor": {
          if (!post) throw unsupportedOperation();
          if (rest !== "") req.data.accessor = rest;
          tokens.revokeTree(accessorTarget(req).id);
          return undefined;
        }
        case "roles":
          return handleRoles(tokens.state, req, rest.replace(/\/$/, ""));
        case "tidy":
          if (!post || rest !== "") throw unsupportedOperation();
          // Expired tokens are already revoked when next seen; checking each one now is the whole tidy.
          for (const id of [...tokens.state.tokens.keys()]) tokens.valid(id);
          return tidyStarted();
        case "accessors": {
          if (op !== "list") throw unsupportedOperation();
          return { data: { keys: [...tokens.state.accessors.keys()].sort() } };
        }
        default:
          throw unsupportedPath();
      }
    },
  };
}

/** The backend, answering on its registered routes only (routes.ts). */
export function tokenBackend(deps: TokenBackendDeps): RoutedBackend {
  return routed(TOKEN_ROUTES, tokenBackendHandlers(deps));
}
