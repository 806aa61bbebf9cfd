import type { KeyObject } from "node:crypto";
import { badRequest, notFound, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { bool, duration, has, int, map, str, strList, type Data } from "./fields.js";
import { publicKeyFromPem, verifyJwt } from "./jwt.js";
import type { State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import type { TokenStore } from "./tokens.js";

// JWT auth (Vault's `jwt` method, role_type "jwt") with keys given in the
// config's `jwt_validation_pubkeys`: the offline validation mode, since the
// dev server fetches nothing (no OIDC discovery, no JWKS URL). Roles bind
// audiences, subject and claims; `user_claim` names the identity.

export interface JwtConfig {
  jwt_validation_pubkeys: string[];
  bound_issuer: string;
  default_role: string;
}

export interface JwtRole {
  roleType: string;
  boundAudiences: string[];
  boundSubject: string;
  boundClaims: Record<string, unknown>;
  userClaim: string;
  claimMappings: Record<string, string>;
  tokenPolicies: string[];
  tokenTtl: number;
  tokenMaxTtl: number;
  tokenPeriod: number;
  tokenNumUses: number;
  tokenNoDefaultPolicy: boolean;
  tokenExplicitMaxTtl: number;
}

export interface JwtStore {
  config?: JwtConfig;
  roles: Map<string, JwtRole>;
}

const NAME = /^\w(?:[\w.@-]*\w)?$/;

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

export function jwtBackend(state: State, tokens: TokenStore): Backend {
  const storeOf = (req: LogicalRequest): JwtStore => {
    state.jwt ??= new Map();
    let s = state.jwt.get(req.mount!.uuid);
    if (!s) {
      s = { roles: new Map() };
      state.jwt.set(req.mount!.uuid, s);
    }
    return s;
  };
  const keyCache = new Map<string, KeyObject[]>();
  const keysOf = (cfg: JwtConfig) => {
    const id = cfg.jwt_validation_pubkeys.join("\n");
    let keys = keyCache.get(id);
    if (!keys) keyCache.set(id, (keys = cfg.jwt_validation_pubkeys.map(publicKeyFromPem)));
    return keys;
  };

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
    const claims = verifyJwt(jwt, keysOf(s.config));
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
    const token = tokens.create({
      policies: role.tokenPolicies,
      parent: "",
      path: `${req.mountPoint}login`,
      meta,
      displayName: `${req.mountPoint.replace(/^auth\//, "").replace(/\/$/, "")}-${String(user)}`,
      ttl: role.tokenPeriod > 0 ? role.tokenPeriod : role.tokenTtl,
      maxTtl: role.tokenMaxTtl,
      explicitMaxTtl: role.tokenExplicitMaxTtl,
      period: role.tokenPeriod,
      numUses: role.tokenNumUses,
      noDefaultPolicy: role.tokenNoDefaultPolicy,
    });
    return { data: null, auth: tokens.authBlock(token) };
  }

  function roleData(r: JwtRole): Data {
    return {
      bound_audiences: r.boundAudiences,
      bound_claims: Object.keys(r.boundClaims).length > 0 ? r.boundClaims : null,
      bound_subject: r.boundSubject,
      claim_mappings: Object.keys(r.claimMappings).length > 0 ? r.claimMappings : null,
      role_type: r.roleType,
      token_explicit_max_ttl: r.tokenExplicitMaxTtl,
      token_max_ttl: r.tokenMaxTtl,
      token_no_default_policy: r.tokenNoDefaultPolicy,
      token_num_uses: r.tokenNumUses,
      token_period: r.tokenPeriod,
      token_policies: r.tokenPolicies,
      token_ttl: r.tokenTtl,
      token_type: "default",
      user_claim: r.userClaim,
    };
  }

  return {
    exists(req) {
      const m = /^role\/([^/]+)$/.exec(req.rel);
      return m ? storeOf(req).roles.has(m[1]!) : true;
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
      if (req.rel === "role" || req.rel === "role/") {
        if (op !== "list") throw unsupportedOperation();
        const keys = [...s.roles.keys()].sort();
        if (keys.length === 0) throw notFound();
        return { data: { keys } };
      }
      const m = /^role\/([^/]+)$/.exec(req.rel);
      if (!m || !NAME.test(m[1]!)) throw unsupportedPath();
      const name = m[1]!;
      switch (op) {
        case "read": {
          const r = s.roles.get(name);
          if (!r) throw notFound();
          return { data: roleData(r) };
        }
        case "create":
        case "update": {
          const d = req.data;
          const prev = s.roles.get(name);
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
          s.roles.set(name, {
            roleType,
            boundAudiences: audiences,
            boundSubject,
            boundClaims,
            userClaim,
            claimMappings: mappings,
            tokenPolicies: (strList(d, "token_policies") ?? strList(d, "policies") ?? prev?.tokenPolicies ?? []).map((p) => p.toLowerCase()),
            tokenTtl: has(d, "token_ttl") ? duration(d, "token_ttl") : (prev?.tokenTtl ?? 0),
            tokenMaxTtl: has(d, "token_max_ttl") ? duration(d, "token_max_ttl") : (prev?.tokenMaxTtl ?? 0),
            tokenPeriod: has(d, "token_period") ? duration(d, "token_period") : (prev?.tokenPeriod ?? 0),
            tokenNumUses: has(d, "token_num_uses") ? int(d, "token_num_uses") : (prev?.tokenNumUses ?? 0),
            tokenNoDefaultPolicy: has(d, "token_no_default_policy") ? bool(d, "token_no_default_policy") : (prev?.tokenNoDefaultPolicy ?? false),
            tokenExplicitMaxTtl: has(d, "token_explicit_max_ttl") ? duration(d, "token_explicit_max_ttl") : (prev?.tokenExplicitMaxTtl ?? 0),
          });
          return undefined;
        }
        case "delete":
          s.roles.delete(name);
          return undefined;
        default:
          throw unsupportedOperation();
      }
    },
  };
}
