import { badRequest, unsupportedOperation } from "./http-error.js";
import { bool, has, map, str, strList, type Data } from "./fields.js";
import { parseDuration } from "./duration.js";
import { publicKeyCache, publicKeyFromPem, verifyJwt } from "./jwt.js";
import { handleRolePaths, loginResponse, mountDisplayName, mountStore, parseTokenFields, rolePathName, tokenFieldsData, type TokenFields } from "./auth-roles.js";
import type { State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import type { TokenStore } from "./tokens.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const JWT_ROUTES: readonly Route[] = [
  ["login", "w", "u"],
  ["config", "rw"],
  ["role", "l"],
  ["role/{name}", "rwd", "c"],
];

// JWT auth (Vault's `jwt` method, role_type "jwt") with keys given in the
// config's `jwt_validation_pubkeys`: the offline validation mode, since the
// dev server fetches nothing (no OIDC discovery, no JWKS URL). Roles bind
// audiences, subject and claims; `user_claim` names the identity.

export interface JwtConfig {
  jwt_validation_pubkeys: string[];
  bound_issuer: string;
  default_role: string;
}

export interface JwtRole extends TokenFields {
  roleType: string;
  boundAudiences: string[];
  boundSubject: string;
  boundClaims: Record<string, unknown>;
  /** "string" (exact values) or "glob" (`*` in a bound value matches any run of characters). */
  boundClaimsType?: string;
  userClaim: string;
  /** Whether user_claim is a JSON pointer (`/a/b`); otherwise it is the claim's name as written. */
  userClaimJsonPointer?: boolean;
  /** The claim whose values name the login's groups (group aliases on this mount). */
  groupsClaim?: string;
  claimMappings: Record<string, string>;
  /** Seconds of leeway; -1 turns the check off (the role's defaults: 60, 150, 150). */
  clockSkewLeeway?: number;
  expirationLeeway?: number;
  notBeforeLeeway?: number;
}

export interface JwtStore {
  config?: JwtConfig;
  roles: Map<string, JwtRole>;
}

/** A claim by name, or by JSON pointer ("/a/b") as Vault's getClaim allows. */
function claim(claims: Record<string, unknown>, name: string): unknown {
  if (!name.startsWith("/")) return claims[name];
  let cur: unknown = claims;
  for (const part of name.slice(1).split("/")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return cur;
}

/** normalizeList: a string is a list of one; a list is itself; anything else is not a list. */
function asList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [v];
  return undefined;
}

/** go-glob's Glob: `*` matches any run of characters, everything else itself. */
export function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes("*")) return pattern === value;
  const parts = pattern.split("*");
  if (!value.startsWith(parts[0]!)) return false;
  let at = parts[0]!.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = value.indexOf(parts[i]!, at);
    if (found < 0) return false;
    at = found + parts[i]!.length;
  }
  const last = parts[parts.length - 1]!;
  return value.length - at >= last.length && value.endsWith(last);
}

/** validateBoundClaims for one claim: an error message, or undefined when a bound value matches. */
function boundClaimError(name: string, actual: unknown, expected: unknown, glob: boolean): string | undefined {
  if (actual === undefined || actual === null) return `claim "${name}" is missing`;
  const scalars = (v: unknown) => asList(v) ?? (typeof v === "number" || typeof v === "boolean" ? [v] : undefined);
  const have = scalars(actual);
  if (!have) return "received claim is not a string or list";
  const wanted = scalars(expected);
  if (!wanted) return "bound claim is not a string or list";
  const ok = wanted.some((w) => have.some((h) => (glob && typeof w === "string" && typeof h === "string" ? globMatch(w, h) : h === w)));
  return ok ? undefined : `claim "${name}" does not match any associated bound claim values`;
}

const DEFAULT_LEEWAY = { clock: 60, exp: 150, nbf: 150 };

function jwtBackendHandlers(state: State, tokens: TokenStore): Backend {
  const storeOf = (req: LogicalRequest): JwtStore => mountStore((state.jwt ??= new Map()), req, () => ({ roles: new Map() }));
  const keysOf = publicKeyCache();

  function login(req: LogicalRequest): LogicalResponse {
    const s = storeOf(req);
    if (!s.config) throw badRequest("could not load configuration");
    const roleName = str(req.data, "role") || s.config.default_role;
    if (roleName === "") throw badRequest("missing role");
    const jwt = str(req.data, "jwt");
    if (jwt === "") throw badRequest("missing token");
    const role = s.roles.get(roleName);
    if (!role) throw badRequest(`role "${roleName}" could not be found`);
    if (role.roleType !== "jwt") throw badRequest(`role "${roleName}" is not a JWT role`);
    const clock = Math.max(0, role.clockSkewLeeway ?? DEFAULT_LEEWAY.clock);
    const exp = role.expirationLeeway ?? DEFAULT_LEEWAY.exp;
    const nbf = role.notBeforeLeeway ?? DEFAULT_LEEWAY.nbf;
    const claims = verifyJwt(jwt, keysOf(s.config.jwt_validation_pubkeys), Date.now(), { exp: exp < 0 ? undefined : exp + clock, nbf: nbf < 0 ? undefined : nbf + clock });
    if (!claims) throw badRequest("error validating token: invalid signature, or token expired or not yet valid");
    if (s.config.bound_issuer && claims.iss !== s.config.bound_issuer) throw badRequest("error validating claims: issuer (iss) claim does not match bound_issuer");
    if (role.boundAudiences.length > 0) {
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!role.boundAudiences.some((a) => aud.includes(a))) throw badRequest("error validating claims: audience (aud) claim does not match a bound audience");
    }
    if (role.boundSubject && claims.sub !== role.boundSubject) throw badRequest("sub claim does not match bound subject");
    for (const [name, expected] of Object.entries(role.boundClaims)) {
      const error = boundClaimError(name, claim(claims, name), expected, role.boundClaimsType === "glob");
      if (error) throw badRequest(`error validating claims: ${error}`);
    }
    // createIdentity: the user claim (a JSON pointer only when the role says so), claim_mappings into the
    // alias's metadata, the groups claim's values into group aliases.
    const user = role.userClaimJsonPointer ? claim(claims, role.userClaim) : claims[role.userClaim];
    if (user === undefined || user === null) throw badRequest(`claim "${role.userClaim}" not found in token`);
    if (typeof user !== "string" && typeof user !== "number") throw badRequest(`claim "${role.userClaim}" could not be converted to string`);
    const metadata: Record<string, string> = {};
    for (const [from, to] of Object.entries(role.claimMappings)) {
      const v = claim(claims, from);
      if (v === undefined || v === null) continue;
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw badRequest(`error converting claim '${from}' to string`);
      metadata[to] = String(v);
    }
    let groupAliases: string[] | undefined;
    if (role.groupsClaim) {
      const raw = claim(claims, role.groupsClaim);
      if (raw === undefined || raw === null) throw badRequest(`"${role.groupsClaim}" claim not found in token`);
      const list = asList(raw);
      if (!list) throw badRequest(`"${role.groupsClaim}" claim could not be converted to string list`);
      groupAliases = [];
      for (const g of list) {
        if (typeof g !== "string") throw badRequest(`value ${JSON.stringify(g)} in groups claim could not be parsed as string`);
        if (g !== "") groupAliases.push(g);
      }
    }
    return loginResponse(tokens, req, role, { role: roleName, ...metadata }, `${mountDisplayName(req)}-${String(user)}`, String(user), "login", { metadata, ...(groupAliases ? { groupAliases } : {}) });
  }

  function roleData(r: JwtRole): Data {
    return {
      allowed_redirect_uris: [],
      bound_audiences: r.boundAudiences,
      bound_claims: Object.keys(r.boundClaims).length > 0 ? r.boundClaims : null,
      bound_claims_type: r.boundClaimsType ?? "string",
      bound_subject: r.boundSubject,
      claim_mappings: Object.keys(r.claimMappings).length > 0 ? r.claimMappings : null,
      clock_skew_leeway: r.clockSkewLeeway ?? DEFAULT_LEEWAY.clock,
      expiration_leeway: r.expirationLeeway ?? DEFAULT_LEEWAY.exp,
      groups_claim: r.groupsClaim ?? "",
      max_age: 0,
      not_before_leeway: r.notBeforeLeeway ?? DEFAULT_LEEWAY.nbf,
      oidc_scopes: null,
      role_type: r.roleType,
      ...tokenFieldsData(r),
      token_type: "default",
      user_claim: r.userClaim,
      user_claim_json_pointer: r.userClaimJsonPointer ?? false,
      verbose_oidc_logging: false,
    };
  }

  /** A leeway field: seconds (a number or a duration string), -1 to turn the check off. */
  function leeway(d: Data, field: string, prev: number | undefined, fallback: number): number {
    if (!has(d, field)) return prev ?? fallback;
    const v = d[field];
    if (v === -1 || v === "-1") return -1;
    const seconds = parseDuration(v);
    if (seconds === undefined) throw badRequest(`invalid ${field}: ${JSON.stringify(v)}`);
    return seconds;
  }

  return {
    exists(req) {
      const name = rolePathName(req.rel);
      return name !== undefined ? storeOf(req).roles.has(name) : true;
    },
    handle(req) {
      const op = req.operation;
      const post = op === "create" || op === "update";
      const s = storeOf(req);
      if (req.rel === "login") {
        if (!post) throw unsupportedOperation();
        return login(req);
      }
      if (req.rel === "config") {
        if (op === "read") return s.config ? { data: { ...s.config, oidc_discovery_url: "", jwks_url: "" } } : undefined;
        if (!post) throw unsupportedOperation();
        if (str(req.data, "oidc_discovery_url") || str(req.data, "jwks_url")) {
          throw badRequest("the vaultshift dev server fetches no keys: configure jwt_validation_pubkeys instead of oidc_discovery_url or jwks_url");
        }
        const pubkeys = strList(req.data, "jwt_validation_pubkeys") ?? [];
        if (pubkeys.length === 0) throw badRequest("exactly one of 'jwt_validation_pubkeys', 'jwks_url' or 'oidc_discovery_url' must be set");
        for (const p of pubkeys) {
          try {
            publicKeyFromPem(p);
          } catch {
            throw badRequest("error parsing public key");
          }
        }
        s.config = { jwt_validation_pubkeys: pubkeys, bound_issuer: str(req.data, "bound_issuer"), default_role: str(req.data, "default_role") };
        return undefined;
      }
      return handleRolePaths(req, s.roles, roleData, (d, prev): JwtRole => {
        const roleType = has(d, "role_type") ? str(d, "role_type") : (prev?.roleType ?? "oidc");
        if (roleType !== "jwt") throw badRequest('the vaultshift dev server supports role_type "jwt" only (OIDC needs a browser flow)');
        const userClaim = has(d, "user_claim") ? str(d, "user_claim") : (prev?.userClaim ?? "");
        if (userClaim === "") throw badRequest("a user claim must be defined on the role");
        const audiences = strList(d, "bound_audiences") ?? prev?.boundAudiences ?? [];
        const boundSubject = has(d, "bound_subject") ? str(d, "bound_subject") : (prev?.boundSubject ?? "");
        const boundClaims = map(d, "bound_claims") ?? prev?.boundClaims ?? {};
        if (audiences.length === 0 && boundSubject === "" && Object.keys(boundClaims).length === 0) {
          throw badRequest("must have at least one bound constraint when creating/updating a role");
        }
        const boundClaimsType = has(d, "bound_claims_type") ? str(d, "bound_claims_type") : (prev?.boundClaimsType ?? "string");
        if (boundClaimsType !== "string" && boundClaimsType !== "glob") throw badRequest(`invalid 'bound_claims_type': ${boundClaimsType}`);
        if (boundClaimsType === "glob") {
          for (const v of Object.values(boundClaims)) {
            if (!(asList(v) ?? [v]).every((x) => typeof x === "string")) throw badRequest("claim is not a string or list of strings");
          }
        }
        const mappings: Record<string, string> = {};
        for (const [k, v] of Object.entries(map(d, "claim_mappings") ?? prev?.claimMappings ?? {})) mappings[k] = String(v);
        const targets = Object.values(mappings);
        if (new Set(targets).size !== targets.length) throw badRequest("claim_mappings contain duplicate target claims");
        return {
          roleType,
          boundAudiences: audiences,
          boundSubject,
          boundClaims,
          boundClaimsType,
          userClaim,
          userClaimJsonPointer: has(d, "user_claim_json_pointer") ? bool(d, "user_claim_json_pointer") : (prev?.userClaimJsonPointer ?? false),
          groupsClaim: has(d, "groups_claim") ? str(d, "groups_claim") : (prev?.groupsClaim ?? ""),
          claimMappings: mappings,
          clockSkewLeeway: leeway(d, "clock_skew_leeway", prev?.clockSkewLeeway, DEFAULT_LEEWAY.clock),
          expirationLeeway: leeway(d, "expiration_leeway", prev?.expirationLeeway, DEFAULT_LEEWAY.exp),
          notBeforeLeeway: leeway(d, "not_before_leeway", prev?.notBeforeLeeway, DEFAULT_LEEWAY.nbf),
          ...parseTokenFields(d, prev),
        };
      });
    },
  };
}

/** The backend, answering on its registered routes only (routes.ts). */
export function jwtBackend(state: State, tokens: TokenStore): RoutedBackend {
  return routed(JWT_ROUTES, jwtBackendHandlers(state, tokens));
}
