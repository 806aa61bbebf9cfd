import { badRequest, unsupportedOperation } from "./http-error.js";
import { bool, duration, has, int, str, strList, type Data } from "./fields.js";
import type { State, TokenRole } from "./state.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";
import { handleRole, keysResponse } from "./auth-roles.js";

// Token roles (openbao/docs/api/auth/token.mdx, "Create/Update token role"):
// named presets for auth/token/create/:role_name that allow orphans, periodic
// tokens and policy sets without sudo.

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}

export const matchesAny = (name: string, list: string[], globs: string[]) => list.includes(name) || globs.some((g) => globToRegExp(g).test(name));

export function rolesOf(state: State): Map<string, TokenRole> {
  state.tokenRoles ??= new Map();
  return state.tokenRoles;
}

function roleData(r: TokenRole): Data {
  return {
    allowed_entity_aliases: r.allowedEntityAliases && r.allowedEntityAliases.length > 0 ? r.allowedEntityAliases : null,
    allowed_policies: r.allowedPolicies,
    allowed_policies_glob: r.allowedPoliciesGlob,
    disallowed_policies: r.disallowedPolicies,
    disallowed_policies_glob: r.disallowedPoliciesGlob,
    explicit_max_ttl: r.tokenExplicitMaxTtl,
    name: r.name,
    orphan: r.orphan,
    path_suffix: r.pathSuffix,
    period: r.tokenPeriod,
    renewable: r.renewable,
    token_bound_cidrs: r.tokenBoundCidrs,
    token_explicit_max_ttl: r.tokenExplicitMaxTtl,
    token_no_default_policy: r.tokenNoDefaultPolicy,
    token_num_uses: r.tokenNumUses,
    token_period: r.tokenPeriod,
    token_type: r.tokenType,
  };
}

/** `auth/token/roles` and `auth/token/roles/:name`. */
export function handleRoles(state: State, req: LogicalRequest, name: string): LogicalResponse | undefined {
  const roles = rolesOf(state);
  const op = req.operation;
  if (name === "") {
    if (op !== "list" && op !== "read") throw unsupportedOperation();
    return keysResponse(roles.keys());
  }
  return handleRole(req, roles, name, roleData, (d, prev) => {
    const r: TokenRole = prev ?? {
      name,
      allowedPolicies: [],
      disallowedPolicies: [],
      allowedPoliciesGlob: [],
      disallowedPoliciesGlob: [],
      orphan: false,
      renewable: true,
      pathSuffix: "",
      tokenPeriod: 0,
      tokenExplicitMaxTtl: 0,
      tokenTtl: 0,
      tokenMaxTtl: 0,
      tokenNumUses: 0,
      tokenNoDefaultPolicy: false,
      tokenType: "default-service",
      tokenBoundCidrs: [],
    };
    // Vault stores the four lists lower-cased, de-duplicated and sorted (token_store.go: policyutil.SanitizePolicies
    // and strutil.RemoveDuplicates(list, true), which sorts), so a role reads back ["ci","default"] whatever the order given.
    const sanitize = (l: string[] | undefined) => (l ? [...new Set(l.map((p) => p.trim().toLowerCase()).filter((p) => p !== ""))].sort() : undefined);
    r.allowedPolicies = sanitize(strList(d, "allowed_policies")) ?? r.allowedPolicies;
    r.disallowedPolicies = sanitize(strList(d, "disallowed_policies")) ?? r.disallowedPolicies;
    r.allowedPoliciesGlob = sanitize(strList(d, "allowed_policies_glob")) ?? r.allowedPoliciesGlob;
    r.disallowedPoliciesGlob = sanitize(strList(d, "disallowed_policies_glob")) ?? r.disallowedPoliciesGlob;
    if (has(d, "orphan")) r.orphan = bool(d, "orphan");
    if (has(d, "renewable")) r.renewable = bool(d, "renewable", true);
    if (has(d, "path_suffix")) {
      r.pathSuffix = str(d, "path_suffix");
      if (r.pathSuffix.includes("..")) throw badRequest("'path_suffix' cannot contain '..'");
    }
    if (has(d, "token_period") || has(d, "period")) r.tokenPeriod = duration(d, has(d, "token_period") ? "token_period" : "period");
    if (has(d, "token_explicit_max_ttl") || has(d, "explicit_max_ttl")) r.tokenExplicitMaxTtl = duration(d, has(d, "token_explicit_max_ttl") ? "token_explicit_max_ttl" : "explicit_max_ttl");
    if (has(d, "token_ttl")) r.tokenTtl = duration(d, "token_ttl");
    if (has(d, "token_max_ttl")) r.tokenMaxTtl = duration(d, "token_max_ttl");
    if (has(d, "token_num_uses")) r.tokenNumUses = int(d, "token_num_uses");
    if (has(d, "token_no_default_policy")) r.tokenNoDefaultPolicy = bool(d, "token_no_default_policy");
    if (has(d, "token_type")) {
      const t = str(d, "token_type");
      if (!["service", "batch", "default", "default-service", "default-batch"].includes(t)) throw badRequest(`invalid 'token_type' value "${t}"`);
      r.tokenType = t;
    }
    r.tokenBoundCidrs = strList(d, "token_bound_cidrs") ?? r.tokenBoundCidrs;
    // Lower-cased, de-duplicated and sorted (strutil.RemoveDuplicates(list, true)); globs allowed.
    const aliases = strList(d, "allowed_entity_aliases");
    if (aliases) r.allowedEntityAliases = [...new Set(aliases.map((a) => a.trim().toLowerCase()).filter((a) => a !== ""))].sort();
    return r;
  });
}

/**
 * Policies for a token created against a role: the requested ones must fit
 * the role's allowed lists (or, without them, the caller's own policies),
 * none may be disallowed; with nothing requested the role's allowed_policies
 * are used. Returns undefined when the caller's policies decide (no allowed lists).
 */
export function rolePolicies(role: TokenRole, requested: string[]): { policies: string[] | undefined; noDefault: boolean } {
  const disallowed = (p: string) => matchesAny(p, role.disallowedPolicies, role.disallowedPoliciesGlob);
  for (const p of requested) if (disallowed(p)) throw badRequest(`token policy ${JSON.stringify(p)} is disallowed by this role`);
  const noDefault = role.tokenNoDefaultPolicy || disallowed("default");
  if (role.allowedPolicies.length === 0 && role.allowedPoliciesGlob.length === 0) return { policies: requested.length > 0 ? requested : undefined, noDefault };
  if (requested.length === 0) return { policies: role.allowedPolicies.filter((p) => !disallowed(p)), noDefault };
  const outside = requested.filter((p) => p !== "default" && !matchesAny(p, role.allowedPolicies, role.allowedPoliciesGlob));
  if (outside.length > 0) throw badRequest(`token policies (${JSON.stringify(requested)}) must be subset of the role's allowed policies (${JSON.stringify(role.allowedPolicies)})`);
  return { policies: requested, noDefault };
}
