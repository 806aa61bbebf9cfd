import { parse } from "@babel/parser";

// node-config's `config/custom-environment-variables.js` (or `.cjs`): the same mapping as the JSON
// file (config path → variable name, or `{ __name, __format }`), written as a module
// (https://github.com/node-config/node-config/wiki/Environment-Variables#custom-environment-variables).
// vaultshift does not edit code here, but it can read a mapping the module already has: a value
// mapped there moves to that variable without any edit of the mappings.

/** A value of the exported object vaultshift cannot read as data (a call, a variable, a spread). */
export const UNREADABLE = Symbol("unreadable");

type Data = string | typeof UNREADABLE | { [key: string]: Data };

function toData(node: any): Data {
  if (node?.type === "StringLiteral") return node.value as string;
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis.map((q: any) => q.value.cooked as string).join("");
  if (node?.type !== "ObjectExpression") return UNREADABLE;
  const out: { [key: string]: Data } = {};
  for (const p of node.properties) {
    if (p.type !== "ObjectProperty" || p.computed) return UNREADABLE;
    const key = p.key.type === "Identifier" ? p.key.name : p.key.type === "StringLiteral" ? p.key.value : undefined;
    if (key === undefined) return UNREADABLE;
    out[key] = toData(p.value);
  }
  return out;
}

/** The object `module.exports = {…}` or `export default {…}` gives, as data; undefined when the module is no such object. */
export function jsMappings(text: string): { [key: string]: Data } | undefined {
  let ast;
  try {
    ast = parse(text, { sourceType: "unambiguous", plugins: ["typescript"] });
  } catch {
    return undefined;
  }
  for (const s of ast.program.body as any[]) {
    const value =
      s.type === "ExpressionStatement" && s.expression.type === "AssignmentExpression" && s.expression.left.type === "MemberExpression" && s.expression.left.object.name === "module" && s.expression.left.property.name === "exports"
        ? s.expression.right
        : s.type === "ExportDefaultDeclaration"
          ? s.declaration
          : undefined;
    if (value === undefined) continue;
    const data = toData(value);
    return typeof data === "object" ? data : undefined;
  }
  return undefined;
}

/**
 * The variable the module maps `keyPath` to: `{ name }`, `{}` when it maps nothing there, or
 * `{ problem }` when the mapping cannot be read (not one object literal, a computed value, `__format`).
 */
export function jsMappingName(text: string, keyPath: readonly string[], file: string): { name?: string; problem?: string } {
  const data = jsMappings(text);
  if (data === undefined) return { problem: `${file} does not export one object literal (module.exports = {…} or export default {…}) vaultshift can read` };
  let at: Data = data;
  for (const key of keyPath) {
    if (typeof at !== "object" || !(key in at)) return {};
    at = at[key]!;
  }
  if (typeof at === "string") return { name: at };
  if (typeof at === "object" && typeof at.__name === "string") return at.__format === undefined ? { name: at.__name } : { problem: `${file} maps it with a __format (the variable's text is parsed), which would change the value's type` };
  return { problem: `${file} maps ${keyPath.join(".")} to something vaultshift cannot read as a variable name` };
}
