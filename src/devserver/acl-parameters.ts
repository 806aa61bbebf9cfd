import type { HclValue } from "./hcl.js";

// Parameter constraints of a policy path (openbao/docs/concepts/policies.mdx,
// "Parameter constraints"), evaluated as Vault's ACL does (vault/acl.go,
// AllowOperation, valueInAllowedParameterList / valueInDeniedParameterList):
// on read, create, update and patch, against the request's top-level data
// (the JSON body, or the query of a GET). On KV v2 the top-level keys are
// `data` and `options`, which is why the docs say the constraints "do not
// work" there (README §5.10): they still apply, to those two keys.

export interface ParameterRules {
  /** allowed_parameters: lower-cased name → allowed values; [] allows any value, "*" any name. */
  allowed?: Map<string, HclValue[]>;
  /** denied_parameters: lower-cased name → denied values; [] denies any value, "*" every name. */
  denied?: Map<string, HclValue[]>;
  /** required_parameters, as written. */
  required?: string[];
}

/** `*` at either end of a policy value is a glob (Vault's strutil.GlobbedStringsMatch). */
function globMatch(item: string, value: string): boolean {
  if (item.length < 2) return item === value;
  const pre = item.startsWith("*");
  const suf = item.endsWith("*");
  if (pre && suf) return value.includes(item.slice(1, -1));
  if (pre) return value.endsWith(item.slice(1));
  if (suf) return value.startsWith(item.slice(0, -1));
  return item === value;
}

function inList(value: unknown, list: HclValue[]): boolean {
  return list.some((el) => {
    if (typeof el === "string") return typeof value === "string" && globMatch(el, value);
    // Numbers, booleans, lists, objects: equal values (reflect.DeepEqual on the decoded JSON).
    return JSON.stringify(el) === JSON.stringify(value);
  });
}

/** A list value, or a comma-separated string (Vault assumes a comma-string-slice field), as its elements. */
function elements(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value === "" ? [] : value.split(",").map((s) => s.trim());
  return undefined;
}

function allowedValue(value: unknown, list: HclValue[]): boolean {
  if (list.length === 0 || inList(value, list)) return true;
  const parts = elements(value);
  return parts !== undefined && parts.every((v) => inList(v, list));
}

function deniedValue(value: unknown, list: HclValue[]): boolean {
  if (list.length === 0 || inList(value, list)) return true;
  const parts = elements(value);
  return parts !== undefined && parts.some((v) => inList(v, list));
}

/** True when `data` satisfies the constraints (vault/acl.go, the parameter part of AllowOperation). */
export function parametersAllow(rules: ParameterRules | undefined, data: Record<string, unknown>): boolean {
  if (!rules) return true;
  for (const name of rules.required ?? []) if (!Object.hasOwn(data, name.toLowerCase())) return false;
  const entries = Object.entries(data);
  if (entries.length === 0) return true;
  const denied = rules.denied;
  if (denied && denied.size > 0) {
    if (denied.has("*")) return false;
    for (const [name, value] of entries) {
      const list = denied.get(name.toLowerCase());
      if (list && deniedValue(value, list)) return false;
    }
  }
  const allowed = rules.allowed;
  if (!allowed || allowed.size === 0) return true;
  const allowAll = allowed.has("*");
  if (allowAll && allowed.size === 1) return true;
  for (const [name, value] of entries) {
    const list = allowed.get(name.toLowerCase());
    if (!list) {
      if (!allowAll) return false;
    } else if (!allowedValue(value, list)) return false;
  }
  return true;
}

function mergeValues(a: Map<string, HclValue[]> | undefined, b: Map<string, HclValue[]> | undefined): Map<string, HclValue[]> | undefined {
  if (!b || b.size === 0) return a;
  if (!a) return new Map(b);
  const out = new Map(a);
  for (const [name, values] of b) {
    const existing = out.get(name);
    // An empty list (any value) wins over lists of values; otherwise the values are appended (vault/acl.go NewACL).
    out.set(name, values.length === 0 || (existing !== undefined && existing.length === 0) ? [] : [...values, ...(existing ?? [])]);
  }
  return out;
}

/** The same pattern in several policies: allowed/denied values merged per name, required names unioned (vault/acl.go NewACL). */
export function mergeParameters(a: ParameterRules | undefined, b: ParameterRules | undefined): ParameterRules | undefined {
  if (!b) return a;
  if (!a) return b;
  const required = [...(a.required ?? [])];
  for (const r of b.required ?? []) if (!required.includes(r)) required.push(r);
  const allowed = mergeValues(a.allowed, b.allowed);
  const denied = mergeValues(a.denied, b.denied);
  return { ...(allowed ? { allowed } : {}), ...(denied ? { denied } : {}), ...(required.length > 0 ? { required } : {}) };
}

/** As sys/internal/ui/resultant-acl shows them (Vault's pathInternalUIResultantACL). */
export function describeParameters(rules: ParameterRules | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!rules) return out;
  const obj = (m: Map<string, HclValue[]>) => Object.fromEntries(m);
  if (rules.allowed && rules.allowed.size > 0) out.allowed_parameters = obj(rules.allowed);
  if (rules.denied && rules.denied.size > 0) out.denied_parameters = obj(rules.denied);
  if (rules.required && rules.required.length > 0) out.required_parameters = rules.required;
  return out;
}
