import type { Node, ObjectExpression } from "@babel/types";
import { PlanError } from "../errors.js";
import { parseSource, walk } from "./code-rewriter-ast.js";
import { literalText } from "./env-default-editor.js";

// convict schemas (github.com/mozilla/node-convict README): `convict({ db: {
// password: { doc, format, default: '…', env: 'DB_PASSWORD' } } })`. A leaf is
// an object with a `default`; its `env` names the variable that overrides both
// the default and any file given to loadFile()/load() ("Precedence order").
// What each leaf holds, and the edit that takes a secret default out: the
// default becomes '' (the leaf keeps its type; the schema needs a default)
// and, when the leaf has no `env`, one is added right after it, so the
// variable vaultshift run sets reaches the value. The result is parsed again
// and must show exactly that. Pure.

export interface ConvictLeaf {
  path: string[];
  /** The default when it is a string literal (or a template literal without ${}). */
  value?: string;
  /** Offsets of the default's value node. */
  start: number;
  end: number;
  line: number;
  column: number;
  /** The schema's env name for the leaf, when it has one (a string literal). */
  env?: string;
  /** The leaf has an `env` that is not a string literal. */
  envUnreadable?: true;
}

const keyName = (n: Node): string | undefined => (n.type === "Identifier" ? n.name : n.type === "StringLiteral" ? n.value : undefined);

/** The local names the file gives convict (`const convict = require("convict")`, `import convict from "convict"`). */
function convictNames(ast: Node): Set<string> {
  const out = new Set<string>();
  walk(ast, (n) => {
    if (n.type === "ImportDeclaration" && n.source.value === "convict") {
      for (const s of n.specifiers) if (s.type === "ImportDefaultSpecifier" || s.type === "ImportNamespaceSpecifier") out.add(s.local.name);
    }
    if (n.type === "VariableDeclarator" && n.id.type === "Identifier" && n.init?.type === "CallExpression" && n.init.callee.type === "Identifier" && n.init.callee.name === "require") {
      const arg = n.init.arguments[0];
      if (arg?.type === "StringLiteral" && arg.value === "convict") out.add(n.id.name);
    }
  });
  return out;
}

function leavesOf(obj: ObjectExpression, path: string[], out: ConvictLeaf[]): void {
  const props = obj.properties.filter((p) => p.type === "ObjectProperty" && !p.computed);
  const def = props.find((p) => p.type === "ObjectProperty" && keyName(p.key) === "default");
  if (def && def.type === "ObjectProperty") {
    const env = props.find((p) => p.type === "ObjectProperty" && keyName(p.key) === "env");
    const envText = env && env.type === "ObjectProperty" ? literalText(env.value) : undefined;
    const value = literalText(def.value);
    out.push({
      path,
      ...(value !== undefined ? { value } : {}),
      start: def.value.start!,
      end: def.value.end!,
      line: def.value.loc!.start.line,
      column: def.value.loc!.start.column + 1,
      ...(envText !== undefined ? { env: envText } : env ? { envUnreadable: true as const } : {}),
    });
    return;
  }
  for (const p of props) {
    if (p.type !== "ObjectProperty" || p.value.type !== "ObjectExpression") continue;
    const k = keyName(p.key);
    if (k !== undefined) leavesOf(p.value, [...path, k], out);
  }
}

/** Every leaf of the convict schemas of a file (the object given to convict(…)); undefined when it does not parse. */
export function convictLeaves(file: string, text: string): ConvictLeaf[] | undefined {
  let ast;
  try {
    ast = parseSource(file, text);
  } catch {
    return undefined;
  }
  const names = convictNames(ast);
  const out: ConvictLeaf[] = [];
  if (names.size === 0) return out;
  walk(ast, (n) => {
    if (n.type !== "CallExpression" || n.callee.type !== "Identifier" || !names.has(n.callee.name)) return;
    const arg = n.arguments[0];
    if (arg?.type === "ObjectExpression") leavesOf(arg, [], out);
  });
  return out;
}

/** The default of the leaf at keyPath `["convict", ...path]`. */
export function convictDefaultValue(file: string, text: string, keyPath: readonly string[]): string | undefined {
  if (keyPath[0] !== "convict") return undefined;
  const path = keyPath.slice(1).join(".");
  return convictLeaves(file, text)?.find((l) => l.path.join(".") === path)?.value;
}

/** `text` with the defaults at `["convict", ...path]` emptied, an `env: "NAME"` added where the leaf has none; checked by parsing again. */
export function blankConvictDefaults(file: string, text: string, edits: readonly { keyPath: readonly string[]; envName: string }[]): string {
  const leaves = convictLeaves(file, text) ?? [];
  const cuts = edits.map((e) => {
    const path = e.keyPath.slice(1).join(".");
    const leaf = leaves.find((l) => l.path.join(".") === path);
    if (!leaf || leaf.value === undefined || (leaf.env !== undefined && leaf.env !== e.envName) || leaf.envUnreadable) {
      throw new PlanError(`${file} has no convict default at ${path} reading ${e.envName} to take the secret from (it changed since the plan?).`, { hint: "Run `vaultshift plan` again." });
    }
    return { leaf, envName: e.envName };
  });
  let out = text;
  for (const { leaf, envName } of [...cuts].sort((a, b) => b.leaf.start - a.leaf.start)) {
    const quote = /^["'`]/.test(text[leaf.start]!) ? text[leaf.start]! : '"';
    const env = leaf.env === undefined ? `, env: ${quote === "`" ? '"' : quote}${envName}${quote === "`" ? '"' : quote}` : "";
    out = `${out.slice(0, leaf.start)}${quote}${quote}${env}${out.slice(leaf.end)}`;
  }
  const after = convictLeaves(file, out);
  const ok =
    after !== undefined &&
    after.length === leaves.length &&
    cuts.every(({ leaf, envName }) => after.some((l) => l.path.join(".") === leaf.path.join(".") && l.value === "" && l.env === envName));
  if (!ok) throw new PlanError(`vaultshift could not empty the convict defaults of ${file} without changing more than them; the file is left as it is.`, { hint: "Move the default to the environment by hand (default: '' and an env name), then plan again." });
  return out;
}
