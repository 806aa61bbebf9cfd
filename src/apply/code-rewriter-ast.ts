import { parse, type ParserPlugin } from "@babel/parser";
import type { File, Node } from "@babel/types";
import { PROCESS_MODULES, isProcessEnv as sharedIsProcessEnv, isProcessObject as sharedIsProcessObject, requiredModule } from "../scan/process-env.js";

// The AST side of the code rewriter: parsing with the right plugins, a small
// walker with parents (no @babel/traverse: it is not a dependency and we need
// only read access), and the predicates the rewriter asks about nodes.
// Babel node offsets (`start`/`end`) index the original string, BOM included,
// in UTF-16 code units, which is what String#slice uses.

export type ModuleKind = "esm" | "cjs";

/** Parse JS/TS/JSX the way the file's extension says; throws on syntax errors. */
export function parseSource(file: string, content: string): File {
  const lower = file.toLowerCase();
  const isTs = /\.(ts|mts|cts|tsx)$/.test(lower);
  // `<T>x` casts make plain .ts files ambiguous with JSX, so only .tsx gets both.
  const plugins: ParserPlugin[] = isTs ? ["typescript"] : ["jsx"];
  if (lower.endsWith(".tsx")) plugins.push("jsx");
  // NestJS/Angular/TypeORM code is full of (legacy, experimentalDecorators)
  // decorators; TypeScript 5's standard decorators add `accessor` fields;
  // older code still writes `import … assert { type: "json" }`.
  plugins.push("decorators-legacy", "decoratorAutoAccessors", "importAssertions");
  const options = (list: ParserPlugin[]) => ({
    sourceType: "unambiguous" as const,
    plugins: list,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: false,
    allowUndeclaredExports: true,
    errorRecovery: false,
  });
  try {
    return parse(content, options(plugins));
  } catch (error) {
    // A .js file with Flow annotations (React Native, older React code): one more try.
    if (isTs) throw error;
    try {
      return parse(content, options([...plugins, "flow"]));
    } catch {
      throw error;
    }
  }
}

/**
 * ESM or CommonJS, from the extension first (`.mjs/.mts` ESM, `.cjs/.cts` CJS,
 * Node's rule), then from the syntax (import/export → ESM; require/module.exports
 * → CJS), then from package.json `type` when the caller knows it.
 */
export function moduleKindOf(file: string, content: string, packageType?: "module" | "commonjs"): ModuleKind {
  const byExtension = moduleKindOfExtension(file);
  if (byExtension) return byExtension;
  try {
    return moduleKindOfAst(parseSource(file, content), packageType);
  } catch {
    return packageType === "commonjs" ? "cjs" : "esm";
  }
}

export function moduleKindOfExtension(file: string): ModuleKind | null {
  const lower = file.toLowerCase();
  if (/\.(mjs|mts)$/.test(lower)) return "esm";
  if (/\.(cjs|cts)$/.test(lower)) return "cjs";
  return null;
}

export function moduleKindOfAst(ast: File, packageType?: "module" | "commonjs"): ModuleKind {
  for (const s of ast.program.body) {
    if (
      s.type === "ImportDeclaration" ||
      s.type === "ExportNamedDeclaration" ||
      s.type === "ExportDefaultDeclaration" ||
      s.type === "ExportAllDeclaration"
    ) {
      return "esm";
    }
  }
  let cjs = false;
  walk(ast.program, (node) => {
    if (cjs) return;
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "require") cjs = true;
    if (node.type === "MemberExpression" && node.object.type === "Identifier" && node.object.name === "module") {
      if (node.property.type === "Identifier" && node.property.name === "exports") cjs = true;
    }
  });
  if (cjs) return "cjs";
  return packageType === "commonjs" ? "cjs" : "esm";
}

export interface Visit {
  node: Node;
  parent: Node | null;
  /** The parent's property that holds the node (`object`, `left`, `arguments`…). */
  key: string | null;
}

const SKIP_KEYS = new Set(["loc", "start", "end", "extra", "leadingComments", "trailingComments", "innerComments", "range", "comments", "tokens"]);

/** Depth-first, parents before children, in source order. */
export function walk(root: Node, visit: (node: Node, parent: Node | null, key: string | null) => void): void {
  const stack: Visit[] = [{ node: root, parent: null, key: null }];
  while (stack.length > 0) {
    const { node, parent, key } = stack.pop()!;
    visit(node, parent, key);
    const children: Visit[] = [];
    for (const k of Object.keys(node)) {
      if (SKIP_KEYS.has(k)) continue;
      const value = (node as unknown as Record<string, unknown>)[k];
      if (Array.isArray(value)) {
        for (const v of value) if (isNode(v)) children.push({ node: v, parent: node, key: k });
      } else if (isNode(value)) {
        children.push({ node: value, parent: node, key: k });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";
}

type Member = Extract<Node, { type: "MemberExpression" | "OptionalMemberExpression" }>;

export function isMember(node: Node): node is Member {
  return node.type === "MemberExpression" || node.type === "OptionalMemberExpression";
}

/**
 * `process.env`, `process["env"]`, `process?.env`, and the same through
 * another way to reach the process object (`isProcessObject`): with
 * `names`, what the file's own bindings allow (`processNames(ast, counts)`).
 * The one notion the scanner's walk shares (scan/process-env.ts).
 */
export function isProcessEnv(node: Node | null | undefined, names?: ProcessNames): boolean {
  return sharedIsProcessEnv(node, names);
}

/**
 * What a file's bindings say about the process object. Without scope
 * analysis a name is trusted only when nothing else in the file can make it
 * another object: bound once (by an import of the `process` module or a
 * const/let/var holding the process object) and never assigned. The global
 * `process` is trusted when the file does not bind the name, or binds it only
 * to the process object (`const process = require("node:process")`).
 */
export interface ProcessNames {
  /** Identifiers that are the process object throughout the file. */
  objects: ReadonlySet<string>;
  /** Of `globalThis`, `global`, `require`: the ones the file neither binds nor assigns. */
  globals: ReadonlySet<string>;
  /** Names that look like the process object (`process`, or a binding to it) but may be something else somewhere in the file. */
  untrusted: ReadonlySet<string>;
  /** Every name the file assigns to (an alias of process.env among them is not trusted either). */
  assigned: ReadonlySet<string>;
  /** The specifiers that load Node's process module here: `process`, `node:process`, less the ones the project maps elsewhere. */
  modules?: ReadonlySet<string>;
  /** Why an untrusted name is not taken for the process object, when it is not "bound again or assigned" (for the warning). */
  reasons?: ReadonlyMap<string, string>;
}

/**
 * The process object: the global `process`, `globalThis.process` (also
 * `global.process`, Node's older name for the global object),
 * `require("process")`, or a name the file bound to the `process` module
 * (`import proc from "node:process"`, `import * as proc from "process"`,
 * `const proc = require("node:process")`; Node's `process` module exports the
 * process object itself, so each of these has the same `env`). With `names`,
 * only what the file's bindings leave unambiguous (`ProcessNames`).
 */
export function isProcessObject(node: Node, names?: ProcessNames): boolean {
  return sharedIsProcessObject(node, names);
}

/**
 * The file's names for the process object, and the ones it makes ambiguous
 * (`ProcessNames`). One walk gathers what it needs: assigned names, ambient
 * declarations, declarators that may hold the process object.
 */
export function processNames(ast: File, allCounts: Map<string, number> = bindingCounts(ast), mapped: ReadonlyMap<string, string> = new Map()): ProcessNames {
  const modules = new Set([...PROCESS_MODULES].filter((m) => !mapped.has(m)));
  const reasons = new Map<string, string>();
  // A name for process loaded from another module: a local `./process`, or `process` itself
  // when a tsconfig \`paths\` entry or a bundler alias maps it to the project's own module.
  const fromModule = (name: string, spec: string) => {
    if (reasons.has(name)) return;
    const where = mapped.get(spec);
    if (where !== undefined) reasons.set(name, `${name} is loaded from "${spec}", which ${where} maps to another module than Node's process`);
    else if (name === "process") reasons.set(name, `process is loaded from "${spec}" here, not from Node's process module`);
  };
  const assigned = new Set<string>();
  const addPattern = (p: Node | null | undefined): void => {
    if (!p) return;
    if (p.type === "Identifier") assigned.add(p.name);
    else if (p.type === "ObjectPattern") for (const prop of p.properties) addPattern(prop.type === "RestElement" ? prop.argument : (prop.value as Node));
    else if (p.type === "ArrayPattern") for (const el of p.elements) addPattern(el);
    else if (p.type === "AssignmentPattern") addPattern(p.left);
    else if (p.type === "RestElement") addPattern(p.argument);
  };
  // A TypeScript ambient declaration (`declare const process: …`, `declare global { var process … }`)
  // only types the global: it binds nothing at run time.
  const ambient = new Set<Node>();
  // `const proc = require("process")`, `const proc = globalThis.process`, `const proc = process`, `const b = a`.
  const held: { name: string; init: Node }[] = [];
  walk(ast.program, (node) => {
    if (node.type === "AssignmentExpression") addPattern(node.left);
    else if (node.type === "UpdateExpression") addPattern(node.argument);
    else if ((node.type === "ForInStatement" || node.type === "ForOfStatement") && node.left.type !== "VariableDeclaration") addPattern(node.left);
    else if ((node.type === "VariableDeclaration" && node.declare) || node.type === "TSModuleDeclaration") {
      walk(node, (inner) => {
        if (inner.type === "VariableDeclarator" && inner.id.type === "Identifier") ambient.add(inner.id);
      });
    } else if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.init && (node.init.type === "Identifier" || isProcessObject(node.init))) {
      held.push({ name: node.id.name, init: node.init });
      const spec = requiredModule(node.init);
      if (spec !== null && !modules.has(spec)) fromModule(node.id.name, spec);
    } else if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.id.name === "process") {
      const spec = requiredModule(node.init);
      if (spec !== null) fromModule("process", spec);
    }
  });
  const counts = new Map(allCounts);
  for (const id of ambient) if (id.type === "Identifier") counts.set(id.name, Math.max(0, (counts.get(id.name) ?? 0) - 1));
  const once = (name: string) => (counts.get(name) ?? 0) === 1 && !assigned.has(name);
  const globals = new Set(["globalThis", "global", "require"].filter((n) => (counts.get(n) ?? 0) === 0 && !assigned.has(n)));
  // Candidate bindings: a default or namespace import of the module, a declarator holding the object.
  const imported = new Set<string>();
  for (const s of ast.program.body) {
    if (s.type !== "ImportDeclaration") continue;
    if (modules.has(s.source.value)) {
      for (const sp of s.specifiers) if (sp.type !== "ImportSpecifier") imported.add(sp.local.name);
    } else {
      for (const sp of s.specifiers) if (sp.type !== "ImportSpecifier" || sp.local.name === "process") fromModule(sp.local.name, s.source.value);
    }
  }
  const bare: ProcessNames = { objects: new Set(), globals, untrusted: new Set(), assigned, modules };
  const objects = new Set<string>();
  const untrusted = new Set<string>();
  const boundToModule = imported.has("process") || held.some((h) => h.name === "process" && isProcessObject(h.init, bare));
  if (!assigned.has("process") && ((counts.get("process") ?? 0) === 0 || (once("process") && boundToModule))) objects.add("process");
  for (const name of imported) if (once(name)) objects.add(name);
  // A name held from another (`const b = a`) is the process object once `a` is: until nothing changes.
  for (let grew = true; grew; ) {
    grew = false;
    for (const { name, init } of held) {
      if (objects.has(name) || !once(name) || !isProcessObject(init, { objects, globals, untrusted, assigned, modules })) continue;
      objects.add(name);
      grew = true;
    }
  }
  for (const name of ["process", ...imported, ...held.filter((h) => isProcessObject(h.init)).map((h) => h.name)]) if (!objects.has(name)) untrusted.add(name);
  for (const name of reasons.keys()) untrusted.add(name);
  return { objects, globals, untrusted, assigned, modules, reasons };
}

/**
 * `import { env } from "node:process"`, `import { env as e } from "process"`: the local names of the `env` export.
 * `mapped`: the module is one the project maps elsewhere (tsconfig `paths`, a bundler alias), what does so.
 */
export function importedEnvNames(ast: File, modules: ReadonlySet<string> = PROCESS_MODULES, mappedBy: ReadonlyMap<string, string> = new Map()): { name: string; node: Node; mapped?: string; spec: string }[] {
  const names: { name: string; node: Node; mapped?: string; spec: string }[] = [];
  for (const s of ast.program.body) {
    if (s.type !== "ImportDeclaration" || s.importKind === "type") continue;
    const spec = s.source.value;
    const mapped = PROCESS_MODULES.has(spec) && !modules.has(spec) ? mappedBy.get(spec) : undefined;
    if (!modules.has(spec) && mapped === undefined) continue;
    for (const sp of s.specifiers) {
      if (sp.type === "ImportSpecifier" && (sp.imported.type === "Identifier" ? sp.imported.name : sp.imported.value) === "env") names.push({ name: sp.local.name, node: sp, spec, ...(mapped !== undefined ? { mapped } : {}) });
    }
  }
  return names;
}

/** The property name of a member expression when it is known statically, else null. */
export function staticKey(node: Member): string | null {
  const p = node.property;
  if (!node.computed) return p.type === "Identifier" ? p.name : null;
  if (p.type === "StringLiteral") return p.value;
  if (p.type === "TemplateLiteral" && p.expressions.length === 0) return p.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The key of an object-pattern property when it is known statically. */
export function propertyKeyName(prop: Node): string | null {
  if (prop.type !== "ObjectProperty") return null;
  const k = prop.key;
  if (!prop.computed && k.type === "Identifier") return k.name;
  if (k.type === "StringLiteral") return k.value;
  return null;
}

/** Every name bound anywhere in the file (declarations, params, imports), with counts. */
export function bindingCounts(ast: File): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const addPattern = (p: Node | null | undefined): void => {
    if (!p) return;
    switch (p.type) {
      case "Identifier":
        add(p.name);
        break;
      case "ObjectPattern":
        for (const prop of p.properties) addPattern(prop.type === "RestElement" ? prop.argument : (prop.value as Node));
        break;
      case "ArrayPattern":
        for (const el of p.elements) addPattern(el);
        break;
      case "AssignmentPattern":
        addPattern(p.left);
        break;
      case "RestElement":
        addPattern(p.argument);
        break;
      case "TSParameterProperty":
        addPattern(p.parameter);
        break;
      default:
        break;
    }
  };
  walk(ast.program, (node) => {
    switch (node.type) {
      case "VariableDeclarator":
        addPattern(node.id);
        break;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "ObjectMethod":
      case "ClassMethod":
        if ("id" in node && node.id) add(node.id.name);
        for (const p of node.params) addPattern(p);
        break;
      case "ClassDeclaration":
        if (node.id) add(node.id.name);
        break;
      case "CatchClause":
        addPattern(node.param);
        break;
      case "ImportSpecifier":
      case "ImportDefaultSpecifier":
      case "ImportNamespaceSpecifier":
        add(node.local.name);
        break;
      default:
        break;
    }
  });
  return counts;
}
