import type { File, Node } from "@babel/types";
import type { LiteralBinding } from "../plan/types.js";
import { walk } from "./code-rewriter-ast.js";
import type { RewriteWarning } from "./code-rewriter-types.js";

// A hard-coded secret becomes a read of its new Vault location through the
// secrets module. The plan carries where the literal was (token offsets and
// position), never the value, so the literal is found by position.

/**
 * What the rewriter needs of a LiteralBinding: the name and the secret's
 * position; offsets and the end position make the match exact when given.
 */
export type RewriteLiteral = Pick<LiteralBinding, "name" | "line" | "column"> &
  Partial<Pick<LiteralBinding, "file" | "endLine" | "endColumn" | "start" | "end">>;

type LiteralNode = Extract<Node, { type: "StringLiteral" | "TemplateLiteral" }>;

export function literalEdit(
  ast: File,
  content: string,
  lit: RewriteLiteral,
  access: string,
  file: string,
): { edit: { start: number; end: number; text: string } } | { warning: RewriteWarning } {
  const name = lit.name;
  const where = `${file}:${lit.line}:${lit.column}`;
  const skipped = (why: string): { warning: RewriteWarning } => ({
    warning: { code: "rewrite-skipped", file, line: lit.line, name, message: `${where}: the hard-coded secret for ${name} ${why}; replace it by hand with ${access}.` },
  });
  // Offsets first; when they no longer point at the secret's first character
  // in a literal (earlier lines changed), the line/column position.
  const located = (lit.start !== undefined && lit.end !== undefined ? locate(ast, lit.start, lit.end) : null) ?? byPosition(ast, content, lit);
  if (!located) {
    return {
      warning: {
        code: "literal-not-found",
        file,
        line: lit.line,
        name,
        message: `${where}: the hard-coded secret for ${name} is no longer at this place (was the file edited since the plan?); nothing rewritten there. Re-run \`vaultshift plan\`.`,
      },
    };
  }
  const { node, parent, key, start, end } = located;
  if (parent && !isExpressionPosition(parent, key)) return skipped(`sits where no expression may stand (${parent.type})`);
  const innerStart = node.start! + 1;
  const innerEnd = node.end! - 1;
  const jsx = parent?.type === "JSXAttribute";
  if (start === innerStart && end === innerEnd) return { edit: { start: node.start!, end: node.end!, text: jsx ? `{${access}}` : access } };
  if (jsx) return skipped("is part of a JSX attribute string");
  if (node.type === "TemplateLiteral") {
    if (!node.quasis.some((q) => q.start! <= start && end <= q.end!)) return skipped("spans a template interpolation");
    return { edit: { start, end, text: "${" + access + "}" } };
  }
  // Part of a string ("postgres://u:SECRET@h") → `postgres://u:${secrets.X}@h`.
  // The raw text keeps its escapes (all valid in a template); only ` and ${ need escaping.
  const esc = (raw: string) => raw.replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
  const text = "`" + esc(content.slice(innerStart, start)) + "${" + access + "}" + esc(content.slice(end, innerEnd)) + "`";
  return { edit: { start: node.start!, end: node.end!, text } };
}

interface Located {
  node: LiteralNode;
  parent: Node | null;
  key: string | null;
  start: number;
  end: number;
}

/** The innermost string or template literal whose content holds [start, end). */
function locate(ast: File, start: number, end: number): Located | null {
  if (!(end > start)) return null;
  let found: Located | null = null;
  walk(ast.program, (node, parent, key) => {
    if (node.type !== "StringLiteral" && node.type !== "TemplateLiteral") return;
    if (node.start! < start && end < node.end!) found = { node, parent, key, start, end };
  });
  return found;
}

function byPosition(ast: File, content: string, lit: RewriteLiteral): Located | null {
  const starts = [0];
  for (let i = content.indexOf("\n"); i !== -1; i = content.indexOf("\n", i + 1)) starts.push(i + 1);
  const at = (line: number, column: number) => (starts[line - 1] ?? Number.NaN) + column - 1;
  const start = at(lit.line, lit.column);
  if (lit.endLine === undefined || lit.endColumn === undefined) {
    // No end: the secret is the whole content of the literal that starts there.
    let found: Located | null = null;
    walk(ast.program, (node, parent, key) => {
      if ((node.type === "StringLiteral" || node.type === "TemplateLiteral") && node.start! + 1 === start) found = { node, parent, key, start, end: node.end! - 1 };
    });
    return found;
  }
  const end = at(lit.endLine, lit.endColumn);
  // When the plan's offsets are known, the secret's length must match them.
  if (lit.start !== undefined && lit.end !== undefined && end - start !== lit.end - lit.start) return null;
  return locate(ast, start, end);
}

/** False where a string literal cannot be replaced by an expression (import sources, keys, types). */
function isExpressionPosition(parent: Node, key: string | null): boolean {
  switch (parent.type) {
    case "ImportDeclaration":
    case "ExportNamedDeclaration":
    case "ExportAllDeclaration":
    case "TSLiteralType":
    case "TSExternalModuleReference":
    case "TSImportType":
    case "TSEnumMember":
      return false;
    case "ObjectProperty":
    case "ObjectMethod":
    case "ClassProperty":
    case "ClassMethod":
    case "TSPropertySignature":
      return key !== "key";
    default:
      return true;
  }
}
