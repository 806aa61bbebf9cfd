// What "this expression is process.env" means, for the scanner's walk
// (js-scanner.ts) and the code rewriter (apply/code-rewriter-ast.ts), so that
// a fallback the scanner reports is read the way the rewriter reaches it.
// Node's `process` module exports the process object itself
// (https://nodejs.org/api/process.html: "The process object … can also be
// accessed explicitly via require('node:process')"), so `proc.env` for
// `import proc from "node:process"`, `require("process").env` and
// `globalThis.process.env` are all process.env. Nodes are Babel's; typed
// structurally so that both the rewriter's @babel/types and the scanner's
// lazily loaded parser's nodes fit.

export const PROCESS_MODULES: ReadonlySet<string> = new Set(["process", "node:process"]);

interface AnyNode {
  type: string;
}
type Loose = AnyNode & Record<string, unknown>;

/** Which names reach the process object in a file. */
export interface ProcessReach {
  /** Identifiers that are the process object (the global `process` among them when the file leaves it alone). */
  objects: ReadonlySet<string>;
  /** Of `globalThis`, `global`, `require`: the ones that are the real globals here (default: all three). */
  globals?: ReadonlySet<string>;
  /** The specifiers that load Node's process module (default PROCESS_MODULES). */
  modules?: ReadonlySet<string>;
}

const GLOBAL_PROCESS: ProcessReach = { objects: new Set(["process"]) };

function isMemberNode(n: Loose): boolean {
  return n.type === "MemberExpression" || n.type === "OptionalMemberExpression";
}

/** The property name of a member expression when it is known statically (`.x`, `["x"]`, `` [`x`] ``), else null. */
export function memberKey(node: AnyNode): string | null {
  const n = node as Loose;
  const p = n.property as Loose;
  if (n.computed !== true) return p.type === "Identifier" ? (p.name as string) : null;
  if (p.type === "StringLiteral") return p.value as string;
  if (p.type === "TemplateLiteral" && (p.expressions as unknown[]).length === 0) return ((p.quasis as Loose[])[0]?.value as { cooked?: string } | undefined)?.cooked ?? null;
  return null;
}

/** The specifier of `require("x")`, or null. */
export function requiredModule(node: AnyNode | null | undefined): string | null {
  const n = node as Loose | null | undefined;
  if (!n || n.type !== "CallExpression") return null;
  const callee = n.callee as Loose;
  const args = n.arguments as Loose[];
  if (callee.type !== "Identifier" || callee.name !== "require" || args.length !== 1 || args[0]!.type !== "StringLiteral") return null;
  return args[0]!.value as string;
}

/**
 * The process object: a name of `reach.objects` (default: the global
 * `process`), `globalThis.process` / `global.process`, `require("process")` /
 * `require("node:process")`.
 */
export function isProcessObject(node: AnyNode, reach: ProcessReach = GLOBAL_PROCESS): boolean {
  const n = node as Loose;
  if (n.type === "Identifier") return reach.objects.has(n.name as string);
  const usable = (g: string) => !reach.globals || reach.globals.has(g);
  if (isMemberNode(n)) {
    const o = n.object as Loose;
    return memberKey(n) === "process" && o.type === "Identifier" && (o.name === "globalThis" || o.name === "global") && usable(o.name as string);
  }
  const spec = requiredModule(n);
  return spec !== null && usable("require") && (reach.modules ?? PROCESS_MODULES).has(spec);
}

/** `process.env`, `process["env"]`, `process?.env`, and the same through any way to the process object (`isProcessObject`). */
export function isProcessEnv(node: AnyNode | null | undefined, reach?: ProcessReach): boolean {
  if (!node || !isMemberNode(node as Loose)) return false;
  return memberKey(node) === "env" && isProcessObject((node as Loose).object as AnyNode, reach);
}

/**
 * What a program's top-level statements bind to Node's process module, read
 * without scope analysis (the scanner's use): default and namespace imports
 * and `const proc = require("process")` are the process object;
 * `import { env [as e] }` and `const { env [: e] } = <the process object>`
 * are process.env.
 */
export function processModuleBindings(program: AnyNode): { objects: Set<string>; envs: Set<string> } {
  const objects = new Set<string>(["process"]);
  const envs = new Set<string>();
  for (const s of (program as Loose).body as Loose[]) {
    if (s.type === "ImportDeclaration") {
      if (s.importKind === "type" || !PROCESS_MODULES.has((s.source as Loose).value as string)) continue;
      for (const sp of s.specifiers as Loose[]) {
        const local = (sp.local as Loose).name as string;
        if (sp.type !== "ImportSpecifier") objects.add(local);
        else {
          const imported = sp.imported as Loose;
          if ((imported.type === "Identifier" ? imported.name : imported.value) === "env") envs.add(local);
        }
      }
    } else if (s.type === "VariableDeclaration") {
      for (const d of s.declarations as Loose[]) {
        const id = d.id as Loose;
        const init = d.init as Loose | null;
        if (!init) continue;
        if (id.type === "Identifier" && isProcessObject(init, { objects })) objects.add(id.name as string);
        else if (id.type === "ObjectPattern" && isProcessObject(init, { objects })) {
          for (const p of id.properties as Loose[]) {
            if (p.type !== "ObjectProperty" || (p.value as Loose).type !== "Identifier") continue;
            const key = p.key as Loose;
            if ((p.computed !== true && key.type === "Identifier" ? key.name : key.type === "StringLiteral" ? key.value : null) === "env") envs.add((p.value as Loose).name as string);
          }
        }
      }
    }
  }
  return { objects, envs };
}
