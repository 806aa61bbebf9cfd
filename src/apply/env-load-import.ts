import type { File, Node } from "@babel/types";
import { parseSource, type ModuleKind } from "./code-rewriter-ast.js";

// A migrated variable that no code of the app reads by name is read by
// something vaultshift does not rewrite: an SDK's default credentials (the AWS
// SDK's AWS_SECRET_ACCESS_KEY, OpenAI's OPENAI_API_KEY, libpq's PGPASSWORD,
// Twilio's TWILIO_AUTH_TOKEN), a validator library (`env.get("X")`), a
// framework's name convention (Nuxt's NUXT_API_SECRET → runtimeConfig.apiSecret).
// Those read process.env, where the .env loader used to put the value. The
// secrets module puts such names into process.env when it loads
// (envExports), and this adds its load right where the file loads .env, so
// that they are there from the same point on.

/** Packages whose `config()` (or `/config` entry) loads .env files into process.env. */
const LOADERS = ["dotenv", "dotenv-flow", "@dotenvx/dotenvx"];

export interface LoadSite {
  /** The file with the secrets module loaded after its .env load. */
  content: string;
  /** 1-based line of the statement that loads .env. */
  line: number;
  /** False: the file loads the secrets module already (content unchanged). */
  added: boolean;
  /**
   * True when the load is a statement of an ES module's body: the import added
   * (or found) runs before it, as every import does, so VAULT_* set by that
   * .env are not there yet when the secrets load.
   */
  late: boolean;
}

/**
 * Adds `require("<specifier>")` after the top-level statement that loads .env
 * (CommonJS), or `import "<specifier>"` after the import that does, else after
 * the last import (ES modules and TypeScript: imports run before the body).
 * Null when the file loads no .env or does not parse; `added: false` when it
 * loads the secrets module already.
 */
export function addLoadAfterEnvLoad(file: string, content: string, specifier: string, kind: ModuleKind): LoadSite | null {
  let ast: File;
  try {
    ast = parseSource(file, content);
  } catch {
    return null;
  }
  const body = ast.program.body;
  const locals = loaderLocals(ast);
  // A load inside a function runs when the function is called: the statement that calls it
  // at the top (`init();`) is the load; a function nobody calls there loads nothing at start-up.
  const loaderFunctions = new Set<string>();
  for (const s of body) for (const name of functionsThatLoad(s, locals)) loaderFunctions.add(name);
  const loads = body.filter((s) => loadsEnv(s, locals, loaderFunctions));
  if (loads.length === 0) return null;
  const last = loads[loads.length - 1]!;
  const imports = /\.[cm]?tsx?$/i.test(file) || kind === "esm" || body.some((s) => s.type === "ImportDeclaration");
  const late = imports && !loads.some((s) => s.type === "ImportDeclaration");
  if (body.some((s) => loadsModule(s, content, specifier))) return { content, line: last.loc!.start.line, added: false, late };
  const eol = content.includes("\r\n") ? "\r\n" : "\n";
  const semi = body.some((s) => (s.type === "ImportDeclaration" || s.type === "ExpressionStatement" || s.type === "VariableDeclaration") && content.slice(s.start!, s.end!).trimEnd().endsWith(";")) ? ";" : "";
  const quote = /^\s*import\s[^;]*'|require\(\s*'/m.test(content) && !/^\s*import\s[^;]*"|require\(\s*"/m.test(content) ? "'" : '"';
  const spec = quote + specifier + quote;
  let anchor: Node;
  let statement: string;
  if (imports) {
    const importLoads = loads.filter((s) => s.type === "ImportDeclaration");
    const allImports = body.filter((s) => s.type === "ImportDeclaration");
    anchor = importLoads.length > 0 ? importLoads[importLoads.length - 1]! : allImports.length > 0 ? allImports[allImports.length - 1]! : last;
    if (anchor.type !== "ImportDeclaration" && anchor !== last) anchor = last;
    statement = `import ${spec}${semi}`;
    // No import at all and the load is in the body: an import there still runs first (hoisted).
    if (anchor.type !== "ImportDeclaration") return { content: statement + eol + content, line: last.loc!.start.line, added: true, late };
  } else {
    anchor = last;
    statement = `require(${spec})${semi}`;
  }
  return { content: content.slice(0, anchor.end!) + eol + statement + content.slice(anchor.end!), line: last.loc!.start.line, added: true, late };
}

/**
 * Local names that load .env when called: the package (`import dotenv from "dotenv"`,
 * `const dotenv = require("dotenv")`, called as `dotenv.config()`) and its `config`
 * (`import { config } from "dotenv"`, `const { config: load } = require("dotenv")`).
 */
function loaderLocals(ast: File): { packages: Set<string>; configs: Set<string> } {
  const packages = new Set<string>();
  const configs = new Set<string>();
  for (const s of ast.program.body) {
    if (s.type === "ImportDeclaration" && LOADERS.includes(s.source.value)) {
      for (const sp of s.specifiers) {
        if (sp.type !== "ImportSpecifier") packages.add(sp.local.name);
        else if ((sp.imported.type === "Identifier" ? sp.imported.name : sp.imported.value) === "config") configs.add(sp.local.name);
      }
    }
    if (s.type !== "VariableDeclaration") continue;
    for (const d of s.declarations) {
      const init = d.init;
      if (!init || init.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "require") continue;
      const arg = init.arguments[0];
      if (!arg || arg.type !== "StringLiteral" || !LOADERS.includes(arg.value)) continue;
      if (d.id.type === "Identifier") packages.add(d.id.name);
      else if (d.id.type === "ObjectPattern") {
        for (const p of d.id.properties) {
          if (p.type === "ObjectProperty" && p.key.type === "Identifier" && p.key.name === "config" && p.value.type === "Identifier") configs.add(p.value.name);
        }
      }
    }
  }
  return { packages, configs };
}

const FUNCTIONS = new Set(["FunctionExpression", "ArrowFunctionExpression", "FunctionDeclaration", "ObjectMethod", "ClassMethod", "ClassPrivateMethod"]);

/** A call that loads .env into process.env: dotenv's `config()` (by its package or its own name), `require("dotenv/config")`, `process.loadEnvFile()`. */
function isLoadCall(n: Node, locals: { packages: ReadonlySet<string>; configs: ReadonlySet<string> }): boolean {
  if (n.type !== "CallExpression") return false;
  const c = n.callee;
  const isRequireOf = (x: Node, test: (spec: string) => boolean) =>
    x.type === "CallExpression" && x.callee.type === "Identifier" && x.callee.name === "require" && x.arguments[0]?.type === "StringLiteral" && test(x.arguments[0].value);
  if (isRequireOf(n, (spec) => LOADERS.some((l) => spec === `${l}/config`))) return true;
  if (c.type === "Identifier") return locals.configs.has(c.name);
  if (c.type !== "MemberExpression" || c.computed || c.property.type !== "Identifier") return false;
  if (c.property.name === "loadEnvFile") return c.object.type === "Identifier" && c.object.name === "process";
  if (c.property.name !== "config") return false;
  return (c.object.type === "Identifier" && locals.packages.has(c.object.name)) || isRequireOf(c.object, (spec) => LOADERS.includes(spec));
}

/** Whether `node` holds a load call outside any function (`direct`), and the loads inside functions. */
function loadCalls(node: Node, locals: { packages: ReadonlySet<string>; configs: ReadonlySet<string> }, inFunction: boolean, out: { direct: boolean; nested: boolean }): void {
  if (isLoadCall(node, locals)) {
    if (inFunction) out.nested = true;
    else out.direct = true;
  }
  const nested = inFunction || FUNCTIONS.has(node.type);
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments" || key === "extra") continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(v) ? v : [v]) {
      if (typeof child === "object" && child !== null && typeof (child as { type?: unknown }).type === "string") loadCalls(child as Node, locals, nested, out);
    }
  }
}

/** Top-level functions whose body loads .env: `function init() { dotenv.config() }`, `const init = () => { … }`. */
function functionsThatLoad(s: Node, locals: { packages: ReadonlySet<string>; configs: ReadonlySet<string> }): string[] {
  const named: [string, Node][] = [];
  if (s.type === "FunctionDeclaration" && s.id) named.push([s.id.name, s]);
  if (s.type === "VariableDeclaration") {
    for (const d of s.declarations) if (d.id.type === "Identifier" && d.init && (d.init.type === "ArrowFunctionExpression" || d.init.type === "FunctionExpression")) named.push([d.id.name, d.init]);
  }
  return named.filter(([, fn]) => {
    const found = { direct: false, nested: false };
    loadCalls(fn, locals, false, found);
    return found.nested;
  }).map(([name]) => name);
}

function loadsEnv(s: Node, locals: { packages: ReadonlySet<string>; configs: ReadonlySet<string> }, loaderFunctions: ReadonlySet<string>): boolean {
  if (s.type === "ImportDeclaration") return LOADERS.some((l) => s.source.value === `${l}/config`);
  if (s.type === "FunctionDeclaration" || s.type === "ClassDeclaration") return false;
  const found = { direct: false, nested: false };
  loadCalls(s, locals, false, found);
  if (found.direct) return true;
  // `init();` / `await init();` / `const x = init();` at the top, where init loads .env.
  let called = false;
  const visit = (n: Node, inFunction: boolean): void => {
    if (called) return;
    if (!inFunction && n.type === "CallExpression" && n.callee.type === "Identifier" && loaderFunctions.has(n.callee.name)) called = true;
    const nested = inFunction || FUNCTIONS.has(n.type);
    for (const key of Object.keys(n)) {
      if (key === "loc" || key.endsWith("Comments") || key === "extra") continue;
      const v = (n as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(v) ? v : [v]) if (typeof child === "object" && child !== null && typeof (child as { type?: unknown }).type === "string") visit(child as Node, nested);
    }
  };
  if (loaderFunctions.size > 0) visit(s, false);
  return called;
}

function loadsModule(s: Node, content: string, specifier: string): boolean {
  if (s.type === "ImportDeclaration") return s.source.value === specifier;
  const text = content.slice(s.start!, s.end!);
  return text.includes(`require("${specifier}")`) || text.includes(`require('${specifier}')`);
}
