// What a person decided about a plan: "this is config, keep it", "this IS a
// secret", "put it at this Vault path/key". Decisions are part of the project
// config (`migrate.decisions` in vaultshift.config.json), so the plan stays
// derived and reproducible: the plan the interactive review showed is the plan
// `vaultshift plan` makes later from the same files. They hold names, files,
// environments and locations, never a value.

/** One decision. It applies to every place `name` is found, narrowed by `file` and `environment` when given. */
export interface Decision {
  /** A .env key (`DB_PASSWORD`), or a hard-coded secret's variable as the plan names it (`stripeKey`). */
  name: string;
  /** Only there (relative to the project root, `/` separators). */
  file?: string;
  /** Only for this environment (`production`; `shared` for hard-coded secrets). */
  environment?: string;
  /**
   * `keep`: it stays where it is, listed as config ("kept by the user").
   * `migrate`: it moves to Vault although vaultshift judged it config.
   */
  action?: "keep" | "migrate";
  /** Vault path under the mount, without `data/`; `{app}`, `{environment}` and `{group}` are filled in. */
  path?: string;
  /** Key in that Vault secret. */
  key?: string;
}

export type Decisions = Decision[];

/** Where something was found: what a decision is matched against. */
export interface DecisionSubject {
  name: string;
  file: string;
  environment: string;
}

/** How many of a decision's scope fields are set: a narrower decision wins over a broader one. */
function specificity(d: Decision): number {
  return (d.file !== undefined ? 2 : 0) + (d.environment !== undefined ? 1 : 0);
}

function matches(d: Decision, s: DecisionSubject): boolean {
  return d.name === s.name && (d.file === undefined || d.file === s.file) && (d.environment === undefined || d.environment === s.environment);
}

/**
 * The decision for one place, merged from every decision that covers it:
 * for each of action and target, the narrowest decision that sets it wins
 * (a file-wide "keep" beats a name-wide "migrate"); undefined when none does.
 */
export function decisionFor(decisions: readonly Decision[] | undefined, subject: DecisionSubject): Decision | undefined {
  if (!decisions || decisions.length === 0) return undefined;
  const covering = decisions.filter((d) => matches(d, subject)).sort((a, b) => specificity(a) - specificity(b));
  if (covering.length === 0) return undefined;
  const merged: Decision = { name: subject.name };
  for (const d of covering) {
    if (d.action !== undefined) merged.action = d.action;
    if (d.path !== undefined) merged.path = d.path;
    if (d.key !== undefined) merged.key = d.key;
  }
  return merged;
}

const sameScope = (a: Decision, b: Decision) => a.name === b.name && a.file === b.file && a.environment === b.environment;

/**
 * `decisions` with `d` in place of the decision of the same scope (name, file,
 * environment), its fields merged in; a field set to undefined in `d` is
 * removed. A decision left with neither action nor target is dropped (undo).
 */
export function withDecision(decisions: readonly Decision[], d: Decision): Decisions {
  const index = decisions.findIndex((x) => sameScope(x, d));
  const merged: Decision = { ...(index >= 0 ? decisions[index] : {}), ...d };
  for (const k of Object.keys(merged) as (keyof Decision)[]) if (merged[k] === undefined) delete merged[k];
  const keep = merged.action !== undefined || merged.path !== undefined || merged.key !== undefined;
  const out = decisions.slice();
  if (index >= 0) {
    if (keep) out[index] = merged;
    else out.splice(index, 1);
  } else if (keep) out.push(merged);
  return out;
}

/** A Vault key a secrets module can carry: letters, digits, `_`, `-`, `.`. */
const KEY = /^[A-Za-z0-9_.-]+$/;
/** A path segment: the same characters, or a placeholder. */
const SEGMENT = /^(?:[A-Za-z0-9_.-]|\{(?:app|environment|group)\})+$/;

/**
 * Why a target path or key cannot be used, in words (undefined when fine).
 * Vault KV v2 paths are `/`-separated segments; `data/` and `metadata/` are
 * API prefixes the client adds itself (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2),
 * and a segment of `.`/`..` or ending in `.` is refused by Vault.
 */
export function targetProblem(target: { path?: string | undefined; key?: string | undefined }): string | undefined {
  if (target.path !== undefined) {
    const path = target.path;
    if (path.trim() === "") return "the path is empty";
    if (path.startsWith("/") || path.endsWith("/")) return "the path must not start or end with /";
    if (/^(?:data|metadata)(?:\/|$)/.test(path)) return "leave out data/ (or metadata/): the path is relative to the mount and the client adds the API prefix";
    const unknown = /\{(?!(?:app|environment|group)\})[^}]*\}?/.exec(path);
    if (unknown) return `unknown placeholder ${unknown[0]}: use {app}, {environment} or {group}`;
    for (const segment of path.split("/")) {
      if (segment === "") return "the path has an empty segment (//)";
      if (segment === "." || segment === ".." || segment.endsWith(".")) return `the path segment "${segment}" is not allowed (., .. or a trailing period)`;
      if (!SEGMENT.test(segment)) return `the path segment "${segment}" may hold only letters, digits, _, - and .`;
    }
  }
  if (target.key !== undefined) {
    if (target.key === "") return "the key is empty";
    if (!KEY.test(target.key)) return `the key "${target.key}" may hold only letters, digits, _, - and .`;
  }
  return undefined;
}

/** The reason a planned item gives when a decision shaped it. */
export const DECIDED = "decided by the user";

/** Problems of a `migrate.decisions` value, each with its JSON path (for src/config/schema.ts). */
export function decisionsProblems(value: unknown, path: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!Array.isArray(value)) {
    problems.push({ path, message: `expected an array of decisions ({"name": "DB_PASSWORD", "action": "keep"}), got ${describe(value)}` });
    return problems;
  }
  const scopes = new Map<string, number>();
  value.forEach((d, i) => {
    const at = `${path}[${i}]`;
    if (typeof d !== "object" || d === null || Array.isArray(d)) {
      problems.push({ path: at, message: `expected an object, got ${describe(d)}` });
      return;
    }
    const o = d as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!["name", "file", "environment", "action", "path", "key"].includes(k)) problems.push({ path: `${at}.${k}`, message: "unknown key; known keys: name, file, environment, action, path, key" });
    }
    for (const k of ["name", "file", "environment", "path", "key"] as const) {
      if (o[k] !== undefined && typeof o[k] !== "string") problems.push({ path: `${at}.${k}`, message: `expected a string, got ${describe(o[k])}` });
    }
    if (o.name === undefined) problems.push({ path: `${at}.name`, message: "missing: the variable name the decision is about" });
    else if (o.name === "") problems.push({ path: `${at}.name`, message: "empty" });
    if (o.action !== undefined && o.action !== "keep" && o.action !== "migrate") problems.push({ path: `${at}.action`, message: `expected "keep" or "migrate", got ${typeof o.action === "string" ? JSON.stringify(o.action) : describe(o.action)}` });
    if (o.action === undefined && o.path === undefined && o.key === undefined) problems.push({ path: at, message: 'decides nothing: give "action" ("keep" or "migrate"), or a target "path" and/or "key"' });
    if (o.action === "keep" && (o.path !== undefined || o.key !== undefined)) problems.push({ path: at, message: 'a kept variable stays where it is: "path" and "key" do not go with "action": "keep"' });
    const target = { ...(typeof o.path === "string" ? { path: o.path } : {}), ...(typeof o.key === "string" ? { key: o.key } : {}) };
    const bad = targetProblem(target);
    if (bad) problems.push({ path: `${at}.${typeof o.path === "string" && targetProblem({ path: o.path }) ? "path" : "key"}`, message: bad });
    const scope = JSON.stringify([o.name, o.file, o.environment]);
    const first = scopes.get(scope);
    if (first !== undefined) problems.push({ path: at, message: `same name, file and environment as ${path}[${first}]: merge the two` });
    else scopes.set(scope, i);
  });
  return problems;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
