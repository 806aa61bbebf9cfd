import { badRequest, unsupportedOperation } from "./http-error.js";
import { has, map, str, strList, type Data } from "./fields.js";
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
  userClaim: string;
  claimMappings: Record<string, string>;
}

export interface JwtStore {
  config?: JwtConfig;
  roles: Map<string, JwtRole>;
}

/** A claim by name, or by JSON pointer ("/a/b") as Vault allows. */
function claim(claims: Record<string, unknown>, name: string): unknown {
  if (!name.startsWith("/")) return claims[name];
  let cur: unknown = claims;
  for (const part of name.slice(1).split("/")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return cur;
}

function boundClaimOk(actual: unknown, expected: unknown): boolean {
  const wanted = Array.isArray(expected) ? expected : [expected];
  const have = Array.isArray(actual) ? actual : [actual];
  return wanted.some((w) => have.some((h) => h === w));
}

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
    const claims = verifyJwt(jwt, keysOf(s.config.jwt_validation_pubkeys));
    if (!claims) throw badRequest("error validating token: invalid signature, or token expired or not yet valid");
    if (s.config.bound_issuer && claims.iss !== s.config.bound_issuer) throw badRequest("error validating claims: issuer (iss) claim does not match bound_issuer");
    if (role.boundAudiences.length > 0) {
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!role.boundAudiences.some((a) => aud.includes(a))) throw badRequest("error validating claims: audience (aud) claim does not match a bound audience");
    }
    if (role.boundSubject && claims.sub !== role.boundSubject) throw badRequest("sub claim does not match bound subject");
    for (const [name, expected] of Object.entries(role.boundClaims)) {
      if (!boundClaimOk(claim(claims, name), expected)) throw badRequest(`error validating claims: claim "${name}" does not match any associated bound claim values`);
    }
    const user = claim(claims, role.userClaim);
    if (typeof user !== "string" && typeof user !== "number") throw badRequest(`claim "${role.userClaim}" not found in token`);
    const meta: Record<string, string> = { role: roleName };
    for (const [from, to] of Object.entries(role.claimMappings)) {
      const v = claim(claims, from);
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") meta[to] = String(v);
    }
    return loginResponse(tokens, req, role, meta, `${mountDisplayName(req)}-${String(user)}`, String(user));
  }

  function roleData(r: JwtRole): Data {
    return {
      bound_audiences: r.boundAudiences,
      bound_claims: Object.keys(r.boundClaims).length > 0 ? r.boundClaims : null,
      bound_subject: r.boundSubject,
      claim_mappings: Object.keys(r.claimMappings).length > 0 ? r.claimMappings : null,
      role_type: r.roleType,
      ...tokenFieldsData(r),
      token_type: "default",
      user_claim: r.userClaim,
    };
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
        const mappings: Record<string, string> = {};
        for (const [k, v] of Object.entries(map(d, "claim_mappings") ?? prev?.claimMappings ?? {})) mappings[k] = String(v);
        return {
          roleType,
          boundAudiences: audiences,
          boundSubject,
          boundClaims,
          userClaim,
          claimMappings: mappings,
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
