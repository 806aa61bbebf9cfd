import type { File, Node } from "@babel/types";
import { isMember, propertyKeyName, staticKey, walk } from "./code-rewriter-ast.js";
import { escapeRegExp } from "../util/regexp.js";

// A child process or worker started without an `env` option inherits
// process.env, which after the migration no longer holds the secrets. A child
// running this app's JavaScript loads them from Vault itself; code the
// rewriter cannot reach does not: a shell command reading `$AWS_SECRET_ACCESS_KEY`
// (what an `aws`, `psql` or `git` step sees), `node -e "…process.env.X…"`, or
// a `new Worker(code, { eval: true })`. When the command or code given in the
// call names a migrated variable, the call gets `env: processEnv` (process.env
// with the secrets added): the child sees what it saw before the migration.
// Node copies an `env` object's enumerable own properties (child_process
// documentation, options.env; worker_threads, `env` "set to a copy"), which
// the overlay's ownKeys/getOwnPropertyDescriptor traps provide.

export const CHILD_CALLS = new Set(["fork", "spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "Worker", "execa", "execaSync", "execaNode"]);

/** Calls whose options come right after the command (no argument list). */
const OPTIONS_SECOND = new Set(["exec", "execSync", "Worker"]);

type Call = Extract<Node, { type: "CallExpression" | "NewExpression" }>;

/** `const NAME = "…"` / `` `…` `` declared once in the file: the text a call may be given by name. */
export function constantTexts(ast: File, counts: Map<string, number>): Map<string, string> {
  const out = new Map<string, string>();
  walk(ast.program, (node, parent) => {
    if (node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || !node.init) return;
    if (parent?.type !== "VariableDeclaration" || parent.kind !== "const" || (counts.get(node.id.name) ?? 0) !== 1) return;
    const text = literalText(node.init);
    if (text !== null) out.set(node.id.name, text);
  });
  return out;
}

function literalText(node: Node): string | null {
  if (node.type === "StringLiteral") return node.value;
  if (node.type === "TemplateLiteral") return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(" ");
  return null;
}

/** The command, arguments and code a call passes, as text (literals, arrays of them, constants named). */
function callTexts(call: Call, constants: Map<string, string>): string[] {
  const out: string[] = [];
  const add = (n: Node) => {
    const text = literalText(n) ?? (n.type === "Identifier" ? (constants.get(n.name) ?? null) : null);
    if (text !== null) out.push(text);
  };
  for (const arg of call.arguments) {
    if (arg.type === "ArrayExpression") for (const el of arg.elements) el && add(el);
    else add(arg);
  }
  return out;
}

/** Whether `text` (a shell command or JavaScript) reads the variable `name`. */
function readsVariable(text: string, name: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(`\\$\\{?${n}(?![\\w])|%${n}%|process\\.env(?:\\.${n}(?![\\w$])|\\[\\s*["'\`]${n}["'\`]\\s*\\])`).test(text);
}

export interface InheritedEnv {
  /** The migrated variables the call's command or code reads. */
  names: string[];
  /** Where `env: <overlay>` goes, or null when the options cannot be told apart (an options variable). */
  edit: ((overlay: string) => { start: number; end: number; text: string }) | null;
}

/** The migrated variables that JavaScript held in the file's strings reads (`process.env.X`): code evaluated elsewhere. */
export function namesReadByStrings(ast: File, bound: ReadonlySet<string>): string[] {
  const texts: string[] = [];
  walk(ast.program, (node) => {
    if (node.type === "StringLiteral" || node.type === "TemplateLiteral") {
      const text = literalText(node);
      if (text !== null && text.includes("process.env")) texts.push(text);
    }
  });
  if (texts.length === 0) return [];
  return [...bound].filter((name) => texts.some((t) => readsVariable(t, name))).sort();
}

/**
 * A child started without `env` whose command or code reads a migrated variable, or null.
 * `codeNames`: what the file's code strings read (namesReadByStrings); a `new Worker(file,
 * options)` handed its options by name (a helper starting workers, some given code with
 * `eval: true`) gets `{ env: <overlay>, ...options }` when there are any: an `env` in those
 * options still wins.
 */
export function inheritedEnvCall(call: Call, bound: ReadonlySet<string>, constants: Map<string, string>, codeNames: readonly string[] = []): InheritedEnv | null {
  const callee = call.callee;
  const callName = callee.type === "Identifier" ? callee.name : isMember(callee) ? staticKey(callee) : null;
  if (callName === null || !CHILD_CALLS.has(callName)) return null;
  const args = call.arguments;
  if (args.some((a) => a.type === "SpreadElement")) return null;
  if (args.some((a) => a.type === "ObjectExpression" && a.properties.some((p) => p.type === "ObjectProperty" && propertyKeyName(p) === "env"))) return null;
  const second = args[1];
  if (callName === "Worker" && second?.type === "Identifier" && second.name !== "undefined" && codeNames.length > 0) {
    return { names: [...codeNames], edit: (o) => ({ start: second.start!, end: second.end!, text: `{ env: ${o}, ...${second.name} }` }) };
  }
  const texts = callTexts(call, constants);
  const names = [...bound].filter((name) => texts.some((t) => readsVariable(t, name))).sort();
  if (names.length === 0) return null;
  // Where the options object is, or goes: after the command, or after its argument array.
  const at = OPTIONS_SECOND.has(callName) || args[1] === undefined || args[1].type === "ObjectExpression" || isFunction(args[1]) ? 1 : args[1].type === "ArrayExpression" ? 2 : -1;
  const options = at < 0 ? undefined : args[at];
  let edit: InheritedEnv["edit"] = null;
  if (at < 0) edit = null;
  else if (options === undefined) {
    const last = args[args.length - 1];
    if (last && args.length === at) edit = (o) => ({ start: last.end!, end: last.end!, text: `, { env: ${o} }` });
  } else if (options.type === "ObjectExpression") {
    const first = options.properties[0];
    edit = first ? (o) => ({ start: first.start!, end: first.start!, text: `env: ${o}, ` }) : (o) => ({ start: options.start!, end: options.end!, text: `{ env: ${o} }` });
  } else if (isFunction(options)) {
    edit = (o) => ({ start: options.start!, end: options.start!, text: `{ env: ${o} }, ` });
  }
  return { names, edit };
}

function isFunction(n: Node): boolean {
  return n.type === "ArrowFunctionExpression" || n.type === "FunctionExpression";
}
