import { parseHcl, HclSyntaxError, type HclItem, type HclObject, type HclValue } from "./hcl.js";
import { parseDuration } from "./duration.js";
import type { ParameterRules } from "./acl-parameters.js";
import { hasTemplating, populateTemplate, TemplateError, type TemplateContext } from "./policy-template.js";

// ACL policy documents (openbao/docs/concepts/policies.mdx;
// vault-1.14/docs/concepts/policies.mdx): `path` stanzas with capabilities,
// in HCL or JSON, with parameter constraints and wrapping TTLs (enforced by
// core.ts through acl.ts and acl-parameters.ts).

export const CAPABILITIES = ["deny", "create", "read", "update", "delete", "list", "sudo", "patch", "subscribe"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CAP_BITS: Record<Capability, number> = {
  deny: 1,
  create: 2,
  read: 4,
  update: 8,
  delete: 16,
  list: 32,
  sudo: 64,
  patch: 128,
  subscribe: 256,
};

/** Legacy `policy = "write"` shorthand, as Vault expands it. */
const LEGACY: Record<string, Capability[]> = {
  deny: ["deny"],
  read: ["read", "list"],
  write: ["read", "list", "create", "update", "delete"],
  sudo: ["read", "list", "create", "update", "delete", "sudo"],
};

export interface PathRule {
  /** Pattern without a trailing `*`. */
  path: string;
  isPrefix: boolean;
  hasSegmentWildcard: boolean;
  bits: number;
  /** min_wrapping_ttl / max_wrapping_ttl in seconds (0 = none). */
  minWrap: number;
  maxWrap: number;
  /** allowed_parameters / denied_parameters / required_parameters; undefined when none is set. */
  params?: ParameterRules;
  /** The pattern as written when it holds `{{…}}` directives: filled in per token (policy-template.ts). */
  template?: string;
}

export interface ParsedPolicy {
  name: string;
  rules: PathRule[];
}

export class PolicyParseError extends Error {
  override name = "PolicyParseError";
}

const PATH_KEYS = new Set([
  "policy",
  "capabilities",
  "allowed_parameters",
  "denied_parameters",
  "required_parameters",
  "min_wrapping_ttl",
  "max_wrapping_ttl",
  "mfa_methods",
  "control_group",
  "subscribe_event_types",
]);

function capsFrom(pattern: string, policyValue: HclValue | undefined, capsValue: HclValue | undefined): number {
  let bits = 0;
  if (policyValue !== undefined) {
    if (typeof policyValue !== "string" || !(policyValue in LEGACY)) throw new PolicyParseError(`path "${pattern}": invalid policy`);
    for (const c of LEGACY[policyValue]!) bits |= CAP_BITS[c];
  }
  if (capsValue !== undefined) {
    const list = Array.isArray(capsValue) ? capsValue : [capsValue];
    for (const c of list) {
      if (typeof c !== "string" || !(CAPABILITIES as readonly string[]).includes(c.toLowerCase())) {
        throw new PolicyParseError(`path "${pattern}": invalid capability ${JSON.stringify(String(c))}`);
      }
      bits |= CAP_BITS[c.toLowerCase() as Capability];
    }
  }
  // "deny" overrides every other capability on the same stanza.
  return bits & CAP_BITS.deny ? CAP_BITS.deny : bits;
}

function wrapTtl(pattern: string, key: string, value: HclValue | undefined): number {
  if (value === undefined) return 0;
  const seconds = parseDuration(value);
  if (seconds === undefined) throw new PolicyParseError(`path "${pattern}": invalid ${key}`);
  return seconds;
}

/** allowed_parameters / denied_parameters: a map of name → list of values (a single value counts as a list of one). */
function valueMap(pattern: string, key: string, value: HclValue | undefined): Map<string, HclValue[]> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw new PolicyParseError(`path "${pattern}": ${key} must be a map of parameter names to lists of values`);
  const out = new Map<string, HclValue[]>();
  for (const [name, values] of Object.entries(value)) out.set(name.toLowerCase(), Array.isArray(values) ? values : [values]);
  return out;
}

function parameterRules(pattern: string, attrs: Record<string, HclValue>): ParameterRules | undefined {
  const allowed = valueMap(pattern, "allowed_parameters", attrs.allowed_parameters);
  const denied = valueMap(pattern, "denied_parameters", attrs.denied_parameters);
  let required: string[] | undefined;
  if (attrs.required_parameters !== undefined) {
    const list = Array.isArray(attrs.required_parameters) ? attrs.required_parameters : [attrs.required_parameters];
    if (!list.every((v): v is string => typeof v === "string")) throw new PolicyParseError(`path "${pattern}": required_parameters must be a list of parameter names`);
    required = list;
  }
  if (!allowed && !denied && !required) return undefined;
  return { ...(allowed ? { allowed } : {}), ...(denied ? { denied } : {}), ...(required ? { required } : {}) };
}

/** The path, prefix flag and `+` flag of a pattern (a leading `/` dropped, as Vault's parsePaths does). */
function pathOf(pattern: string): Pick<PathRule, "path" | "isPrefix" | "hasSegmentWildcard"> {
  const trimmed = pattern.replace(/^\/+/, "");
  const isPrefix = trimmed.endsWith("*");
  const path = isPrefix ? trimmed.slice(0, -1) : trimmed;
  return { path, isPrefix, hasSegmentWildcard: path.split("/").includes("+") };
}

/** A templated rule filled in for one token, or undefined when its template cannot be (the path then grants nothing). */
export function resolveTemplatedRule(rule: PathRule, ctx: TemplateContext): PathRule | undefined {
  if (rule.template === undefined) return rule;
  try {
    return { ...rule, ...pathOf(populateTemplate(rule.template, ctx)) };
  } catch (error) {
    if (error instanceof TemplateError) return undefined;
    throw error;
  }
}

function ruleFor(pattern: string, bits: number, attrs: Record<string, HclValue>): PathRule {
  let templated: boolean;
  try {
    templated = hasTemplating(pattern);
  } catch (error) {
    if (error instanceof TemplateError) throw new PolicyParseError(`failed to validate policy templating: ${error.message}`);
    throw error;
  }
  const minWrap = wrapTtl(pattern, "min_wrapping_ttl", attrs.min_wrapping_ttl);
  const maxWrap = wrapTtl(pattern, "max_wrapping_ttl", attrs.max_wrapping_ttl);
  if (minWrap > 0 && maxWrap > 0 && minWrap > maxWrap) throw new PolicyParseError(`path "${pattern}": max_wrapping_ttl cannot be less than min_wrapping_ttl`);
  const params = parameterRules(pattern, attrs);
  return { ...pathOf(pattern), bits, minWrap, maxWrap, ...(params ? { params } : {}), ...(templated ? { template: pattern } : {}) };
}

function fromStanzas(stanzas: Array<{ pattern: string; attrs: Record<string, HclValue>; line?: number }>): PathRule[] {
  const rules: PathRule[] = [];
  for (const { pattern, attrs, line } of stanzas) {
    for (const key of Object.keys(attrs)) {
      if (!PATH_KEYS.has(key)) throw new PolicyParseError(`path "${pattern}": invalid key "${key}"${line ? ` on line ${line}` : ""}`);
    }
    rules.push(ruleFor(pattern, capsFrom(pattern, attrs.policy, attrs.capabilities), attrs));
  }
  return rules;
}

/** A nested block (`allowed_parameters { "name" = [...] }`) as the object its attribute form would give. */
function blockObject(body: HclItem[]): HclObject {
  const obj: HclObject = {};
  for (const a of body) Object.defineProperty(obj, a.key, { value: a.value ?? (a.body ? blockObject(a.body) : {}), enumerable: true, writable: true, configurable: true });
  return obj;
}

function fromHcl(items: HclItem[]): PathRule[] {
  const stanzas: Array<{ pattern: string; attrs: Record<string, HclValue>; line?: number }> = [];
  for (const item of items) {
    if (item.key === "name") continue;
    if (item.key !== "path") throw new PolicyParseError(`invalid key "${item.key}" on line ${item.line}`);
    if (item.body) {
      if (item.labels.length !== 1) throw new PolicyParseError(`path block on line ${item.line} needs exactly one path`);
      const attrs: Record<string, HclValue> = {};
      for (const a of item.body) {
        if (a.value !== undefined) attrs[a.key] = a.value;
        else if (a.body) attrs[a.key] = blockObject(a.body); // `allowed_parameters { "x" = [] }`
      }
      stanzas.push({ pattern: item.labels[0]!, attrs, line: item.line });
    } else if (item.value !== undefined && typeof item.value === "object" && !Array.isArray(item.value)) {
      // `path = { "secret/x" = { capabilities = [...] } }`
      for (const [pattern, attrs] of Object.entries(item.value)) {
        if (typeof attrs !== "object" || Array.isArray(attrs)) throw new PolicyParseError(`path "${pattern}": expected an object`);
        stanzas.push({ pattern, attrs: attrs as Record<string, HclValue>, line: item.line });
      }
    } else throw new PolicyParseError(`invalid path stanza on line ${item.line}`);
  }
  return fromStanzas(stanzas);
}

function fromJson(doc: unknown): PathRule[] {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new PolicyParseError("policy JSON must be an object");
  const stanzas: Array<{ pattern: string; attrs: Record<string, HclValue> }> = [];
  for (const [key, value] of Object.entries(doc)) {
    if (key === "name") continue;
    if (key !== "path") throw new PolicyParseError(`invalid key "${key}"`);
    const blocks = Array.isArray(value) ? value : [value];
    for (const block of blocks) {
      if (typeof block !== "object" || block === null) throw new PolicyParseError("path must be an object");
      for (const [pattern, attrs] of Object.entries(block as Record<string, unknown>)) {
        if (typeof attrs !== "object" || attrs === null || Array.isArray(attrs)) throw new PolicyParseError(`path "${pattern}": expected an object`);
        stanzas.push({ pattern, attrs: attrs as Record<string, HclValue> });
      }
    }
  }
  return fromStanzas(stanzas);
}

/** Parses a policy document; throws PolicyParseError (message without the "failed to parse policy" prefix). */
export function parsePolicy(name: string, text: string): ParsedPolicy {
  const trimmed = text.trim();
  let rules: PathRule[];
  if (trimmed.startsWith("{")) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (error) {
      throw new PolicyParseError("invalid JSON", { cause: error });
    }
    rules = fromJson(doc);
  } else {
    try {
      rules = fromHcl(parseHcl(text));
    } catch (error) {
      if (error instanceof HclSyntaxError) throw new PolicyParseError(error.message, { cause: error });
      throw error;
    }
  }
  return { name, rules };
}

/**
 * Vault 1.14's built-in `default` policy (the text `vault read
 * sys/policy/default` prints on a fresh server), minus the Enterprise-only
 * stanzas. It lets a token look itself up, renew and revoke itself, check its
 * capabilities and use its cubbyhole.
 */
export const DEFAULT_POLICY = `# Allow tokens to look up their own properties
path "auth/token/lookup-self" {
    capabilities = ["read"]
}

# Allow tokens to renew themselves
path "auth/token/renew-self" {
    capabilities = ["update"]
}

# Allow tokens to revoke themselves
path "auth/token/revoke-self" {
    capabilities = ["update"]
}

# Allow a token to look up its own capabilities on a path
path "sys/capabilities-self" {
    capabilities = ["update"]
}

# Allow a token to look up its own entity by id or name
path "identity/entity/id/{{identity.entity.id}}" {
  capabilities = ["read"]
}
path "identity/entity/name/{{identity.entity.name}}" {
  capabilities = ["read"]
}

# Allow a token to look up its resultant ACL from all policies. This is useful
# for UIs. It is an internal path because the format may change at any time
# based on how the internal ACL features and capabilities change.
path "sys/internal/ui/resultant-acl" {
    capabilities = ["read"]
}

# Allow a token to renew a lease via lease_id in the request body; old path for
# old clients, new path for newer
path "sys/renew" {
    capabilities = ["update"]
}
path "sys/leases/renew" {
    capabilities = ["update"]
}

# Allow looking up lease properties. This requires knowing the lease ID ahead
# of time and does not divulge any sensitive information.
path "sys/leases/lookup" {
    capabilities = ["update"]
}

# Allow a token to manage its own cubbyhole
path "cubbyhole/*" {
    capabilities = ["create", "read", "update", "delete", "list"]
}

# Allow a token to wrap arbitrary values in a response-wrapping token
path "sys/wrapping/wrap" {
    capabilities = ["update"]
}

# Allow a token to look up the creation time and TTL of a given
# response-wrapping token
path "sys/wrapping/lookup" {
    capabilities = ["update"]
}

# Allow a token to unwrap a response-wrapping token. This is a convenience to
# avoid client token swapping since this is also part of the response wrapping
# policy.
path "sys/wrapping/unwrap" {
    capabilities = ["update"]
}

# Allow general purpose tools
path "sys/tools/hash" {
    capabilities = ["update"]
}
path "sys/tools/hash/*" {
    capabilities = ["update"]
}
`;
