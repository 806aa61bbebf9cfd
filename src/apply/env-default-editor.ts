import type { Node } from "@babel/types";
import { PlanError } from "../errors.js";
import { parseSource, walk } from "./code-rewriter-ast.js";

// A framework's environment helper with a default typed in (Strapi's
// `({ env }) => ({ secret: env('ADMIN_JWT_SECRET', '…') })` in config/*.js|ts,
// @strapi/utils env-helper: the variable when it is set, else the default):
// where such a default is, what it holds, and the edit that takes it out
// (`env('NAME', '…')` → `env('NAME')`; the helper then reads NAME, which
// `vaultshift run` sets). Only the `, default` bytes change; the result is
// parsed again and must hold the same call without its default. Pure.

export interface EnvDefault {
  /** The variable the helper reads. */
  name: string;
  /** The default's text value (a string literal, or a template literal without ${}). */
  value: string;
  /** Offsets of the default literal, and of the end of the name argument (where the cut starts). */
  start: number;
  end: number;
  nameEnd: number;
  line: number;
  column: number;
}

/** The local names a function's destructured first parameter gives the helper (`({ env })`, `({ env: e })`). */
function helperNames(fn: Node, helper: string): string[] {
  if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression" && fn.type !== "FunctionDeclaration") return [];
  const p = fn.params[0];
  if (!p || p.type !== "ObjectPattern") return [];
  const out: string[] = [];
  for (const prop of p.properties) {
    if (prop.type !== "ObjectProperty" || prop.key.type !== "Identifier" || prop.key.name !== helper) continue;
    const v = prop.value.type === "AssignmentPattern" ? prop.value.left : prop.value;
    if (v.type === "Identifier") out.push(v.name);
  }
  return out;
}

/** The text of a string literal, or of a template literal without `${}`; undefined for anything else. */
export const literalText = (n: Node): string | undefined =>
  n.type === "StringLiteral" ? n.value : n.type === "TemplateLiteral" && n.expressions.length === 0 ? (n.quasis[0]!.value.cooked ?? undefined) : undefined;

/**
 * Every `env('NAME', <literal>)` call of a config file where `env` is the helper a function receives
 * as `({ env })`; `undefined` when the file does not parse. A name with two different defaults is
 * left out (one variable cannot stand for both).
 */
export function envDefaults(file: string, text: string, helper = "env"): EnvDefault[] | undefined {
  let ast;
  try {
    ast = parseSource(file, text);
  } catch {
    return undefined;
  }
  const local = new Set<string>();
  walk(ast, (node) => {
    for (const n of helperNames(node, helper)) local.add(n);
  });
  const out: EnvDefault[] = [];
  walk(ast, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || !local.has(node.callee.name) || node.arguments.length !== 2) return;
    const [nameArg, def] = node.arguments as [Node, Node];
    const name = literalText(nameArg);
    const value = literalText(def);
    if (name === undefined || value === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return;
    out.push({ name, value, start: def.start!, end: def.end!, nameEnd: nameArg.end!, line: def.loc!.start.line, column: def.loc!.start.column + 1 });
  });
  // The same name with the same default in several places (a database per client) is one value; with two defaults, none.
  const values = new Map<string, Set<string>>();
  for (const d of out) values.set(d.name, (values.get(d.name) ?? new Set()).add(d.value));
  return out.filter((d) => values.get(d.name)!.size === 1);
}

/** The default of the helper call reading `name` (keyPath `["env", name]`), undefined when there is none. */
export function envDefaultValue(file: string, text: string, keyPath: readonly string[]): string | undefined {
  if (keyPath.length !== 2 || keyPath[0] !== "env") return undefined;
  return envDefaults(file, text)?.find((d) => d.name === keyPath[1])?.value;
}

/** `text` without the defaults of the helper calls reading `names`; checked by parsing it again. */
export function dropEnvDefaults(file: string, text: string, names: readonly string[]): string {
  const all = envDefaults(file, text) ?? [];
  const cuts = names.flatMap((n) => {
    const found = all.filter((x) => x.name === n);
    if (found.length === 0) throw new PlanError(`${file} has no env('${n}', …) default to take the secret from (it changed since the plan?).`, { hint: "Run `vaultshift plan` again." });
    return found;
  });
  let out = text;
  for (const d of [...cuts].sort((a, b) => b.start - a.start)) out = out.slice(0, d.nameEnd) + out.slice(d.end);
  const left = envDefaults(file, out);
  if (left === undefined || names.some((n) => left.some((d) => d.name === n)) || left.length !== all.length - cuts.length) {
    throw new PlanError(`vaultshift could not take the defaults out of ${file} without changing more than them; the file is left as it is.`, { hint: "Remove the default by hand (env('NAME') without its second argument), then plan again." });
  }
  return out;
}
