import type { File, Node } from "@babel/types";
import { isMember, propertyKeyName, staticKey, walk } from "./code-rewriter-ast.js";
import { BASE_LAYER_ENVIRONMENT, namesEnvironment } from "../map/environment.js";

// dotenv's own results read directly: `const { parsed } = dotenv.config()` then
// `parsed.API_KEY`, `dotenv.config().parsed.API_KEY`, `r.parsed.API_KEY`, and
// `dotenv.parse(readFileSync(".env")).API_KEY` (or a name holding it). Once
// API_KEY has left the file, those read undefined. A read by a static name
// becomes `secrets.API_KEY` where that is the same value at the same time:
// every .env file the plan migrates API_KEY from is one this call reads, and
// every environment of the plan gets it from one of them (or from the shared
// base layer). `secrets.X` is the value Vault holds for the running
// environment, i.e. the file's value, as `parsed.X` was (it does not take a
// value the shell set, as process.env.X would). Anything else (the object
// passed on, spread, written, destructured further; a path vaultshift cannot
// read; a name another file sets) is left and said, with the reason.
// dotenv's API: https://github.com/motdotla/dotenv#config (`parsed`),
// https://github.com/motdotla/dotenv#parse.

/** An .env file of the plan and the names migrated from it (the planner's envFiles). */
export interface EnvFileKeys {
  file: string;
  migratedKeys: readonly string[];
  environment?: string;
}

export interface ParsedRead {
  /** The whole read (`parsed.X`, `dotenv.config().parsed.X`). */
  node: Node;
  name: string;
  /** The config() call when the read is of that call's own result in place: it must stay (it loads .env). */
  call?: Node;
}

export interface ParsedUses {
  /** Reads by a static name, each with the call whose result it reads (none of a call in `whole`). */
  reads: { read: ParsedRead; source: Node }[];
  /** Calls whose result is also used some other way (passed on, spread, written): said, not rewritten. */
  whole: Set<Node>;
}

/**
 * The uses of the results of `configCalls` (dotenv `config()`, into process.env)
 * and `parseCalls` (dotenv `parse()`).
 */
export function parsedUses(ast: File, configCalls: ReadonlySet<Node>, parseCalls: ReadonlySet<Node>, counts: ReadonlyMap<string, number>): ParsedUses {
  const parents = new Map<Node, { parent: Node; key: string }>();
  walk(ast.program, (node, parent, key) => {
    if (parent && key) parents.set(node, { parent, key });
  });
  const reads: ParsedUses["reads"] = [];
  const whole = new Set<Node>();
  /** Names declared once that hold a call's parsed values (`parsed`, `cfg`) or its result (`r`, whose `.parsed` they are). */
  const holders = new Map<string, { source: Node; level: "values" | "result" }>();
  // A use of an expression that evaluates to the parsed values of `source`.
  const valuesUse = (expr: Node, source: Node, inPlace: Node | undefined): void => {
    const up = parents.get(expr);
    if (up && isMember(up.parent) && up.key === "object") {
      const name = staticKey(up.parent);
      const write = parents.get(up.parent);
      const written = write !== undefined && ((write.parent.type === "AssignmentExpression" && write.key === "left") || write.parent.type === "UpdateExpression" || (write.parent.type === "UnaryExpression" && write.parent.operator === "delete"));
      if (name !== null && !written && !(write?.parent.type === "CallExpression" && write.key === "callee")) {
        reads.push({ read: { node: up.parent, name, ...(inPlace ? { call: inPlace } : {}) }, source });
        return;
      }
    }
    if (up?.parent.type === "VariableDeclarator" && up.key === "init" && up.parent.id.type === "Identifier" && counts.get(up.parent.id.name) === 1) {
      holders.set(up.parent.id.name, { source, level: "values" });
      return;
    }
    whole.add(source);
  };
  for (const call of configCalls) {
    const up = parents.get(call);
    if (up && isMember(up.parent) && up.key === "object" && staticKey(up.parent) === "parsed") valuesUse(up.parent, call, call);
    else if (up?.parent.type === "VariableDeclarator" && up.key === "init" && up.parent.id.type === "ObjectPattern") {
      for (const p of up.parent.id.properties) {
        if (propertyKeyName(p) !== "parsed") continue;
        const value = p.type === "ObjectProperty" ? p.value : null;
        if (value?.type === "Identifier" && counts.get(value.name) === 1) holders.set(value.name, { source: call, level: "values" });
        else whole.add(call);
      }
    } else if (up?.parent.type === "VariableDeclarator" && up.key === "init" && up.parent.id.type === "Identifier" && counts.get(up.parent.id.name) === 1) {
      holders.set(up.parent.id.name, { source: call, level: "result" });
    }
  }
  for (const call of parseCalls) valuesUse(call, call, undefined);
  if (holders.size === 0) return { reads: reads.filter((r) => !whole.has(r.source)), whole };
  // A holder may itself be assigned from another (`const p = r.parsed`), maybe above it in the
  // text (a function declared first): walk again until no new holder appears, each use once.
  const seen = new Set<Node>();
  for (let size = -1; size !== holders.size; ) {
    size = holders.size;
    walk(ast.program, (node) => {
      if (node.type !== "Identifier" || seen.has(node)) return;
      const holder = holders.get(node.name);
      const up = parents.get(node);
      if (!holder || !up) return;
      seen.add(node);
      // The declaration itself, a property key, a non-computed member property: not a use.
      if (up.parent.type === "VariableDeclarator" && up.key === "id") return;
      if (up.parent.type === "ObjectProperty" && up.key === "key" && !up.parent.computed && up.parent.value !== node) return;
      if (up.parent.type === "ObjectProperty" && up.parent.value === node && parents.get(up.parent)?.parent.type === "ObjectPattern") return;
      if (isMember(up.parent) && up.key === "property" && !up.parent.computed) return;
      if (holder.level === "values") valuesUse(node, holder.source, undefined);
      else if (isMember(up.parent) && up.key === "object" && staticKey(up.parent) === "parsed") valuesUse(up.parent, holder.source, undefined);
      else if (!(isMember(up.parent) && up.key === "object")) whole.add(holder.source);
    });
  }
  // Values also written or passed on may not be the file's any more where they are read: none is rewritten.
  return { reads: reads.filter((r) => !whole.has(r.source)), whole };
}

/**
 * The .env files a call reads, as patterns over the plan's relative paths, or
 * null when they cannot be told: dotenv `config()` (its `path` option, `.env`
 * without one) or `parse(readFileSync(path))`.
 */
export function filesRead(call: Node, method: "config" | "parse"): RegExp[] | null {
  if (call.type !== "CallExpression") return null;
  const arg = call.arguments[0];
  if (method === "config") {
    if (arg === undefined) return [pattern([".env"])];
    if (arg.type !== "ObjectExpression") return null;
    const path = arg.properties.find((p) => p.type === "ObjectProperty" && propertyKeyName(p) === "path");
    if (arg.properties.some((p) => p.type !== "ObjectProperty")) return null; // a spread may carry path
    if (path === undefined) return [pattern([".env"])];
    return pathPatterns((path as Extract<Node, { type: "ObjectProperty" }>).value);
  }
  // parse(readFileSync(p[, enc])) / parse(fs.readFileSync(p)).
  if (arg?.type !== "CallExpression") return null;
  const c = arg.callee;
  const reader = c.type === "Identifier" ? c.name : isMember(c) ? staticKey(c) : null;
  if (reader !== "readFileSync" || arg.arguments[0] === undefined) return null;
  return pathPatterns(arg.arguments[0]);
}

/** A path expression: a literal, a template (`.env.${mode}`), path.join/resolve(…, last), or an array of those. */
function pathPatterns(expr: Node): RegExp[] | null {
  if (expr.type === "ArrayExpression") {
    const out: RegExp[] = [];
    for (const e of expr.elements) {
      const p = e && e.type !== "SpreadElement" ? pathPatterns(e) : null;
      if (p === null) return null;
      out.push(...p);
    }
    return out;
  }
  if (expr.type === "StringLiteral") return [pattern([expr.value])];
  if (expr.type === "TemplateLiteral") return [pattern(expr.quasis.map((q) => q.value.cooked ?? q.value.raw))];
  // path.join(__dirname, "..", "config", "mail.env"): the last parts that are literals name the file.
  if (expr.type === "CallExpression" && isMember(expr.callee) && ["join", "resolve"].includes(staticKey(expr.callee) ?? "")) {
    const parts: string[] = [];
    for (let i = expr.arguments.length - 1; i >= 0; i--) {
      const a = expr.arguments[i]!;
      if (a.type !== "StringLiteral") break;
      parts.unshift(a.value);
    }
    return parts.length === 0 ? null : [pattern([parts.join("/")])];
  }
  return null;
}

/** Literal pieces of a path joined by unknown parts (one path segment each), matching the end of a relative path. */
function pattern(pieces: string[]): RegExp {
  const clean = pieces.map((p, i) => {
    const parts = p.split("/").filter((s) => s !== "." && s !== ".." && (s !== "" || i > 0));
    return parts.join("/").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`(?:^|/)${clean.join("[^/]*")}$`);
}

/**
 * Whether `secrets.name` is what a read of the call's parsed values gave
 * ("same"), whether the read is untouched by the migration ("unchanged": none
 * of the files it reads loses the name), or why not (see the head of this file).
 */
export function readVerdict(name: string, read: RegExp[] | null, envFiles: readonly EnvFileKeys[]): "same" | "unchanged" | { why: string } {
  if (read === null) return { why: "vaultshift cannot tell which file this call reads" };
  const from = envFiles.filter((f) => f.migratedKeys.includes(name));
  const readHere = from.filter((f) => read.some((r) => r.test(f.file)));
  if (readHere.length === 0) return "unchanged";
  const other = from.find((f) => !readHere.includes(f));
  if (other) return { why: `${name} is also migrated from ${other.file}, which this call does not read` };
  if (from.some((f) => f.environment === BASE_LAYER_ENVIRONMENT)) return "same";
  // The environments the app runs in, as file names tell them (`.env.production`); a kept
  // `config/mail.env` or an `app.env` names none (they are loaded by path, whatever the mode).
  const environments = new Set(envFiles.filter((f) => namesEnvironment(f.file)).map((f) => f.environment).filter((e): e is string => e !== undefined && e !== BASE_LAYER_ENVIRONMENT));
  const missing = [...environments].filter((e) => !from.some((f) => f.environment === e));
  return missing.length === 0 ? "same" : { why: `the ${missing.join(", ")} environment${missing.length === 1 ? " has" : "s have"} no ${name} of ${from.map((f) => f.file).join(", ")}, which this call reads in every environment` };
}
