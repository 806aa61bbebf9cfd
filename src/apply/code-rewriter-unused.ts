import type { File, Node } from "@babel/types";
import { isProcessEnv, isProcessObject, propertyKeyName, walk, type ProcessNames } from "./code-rewriter-ast.js";

// An alias of process.env (`const env = process.env`, `const { env } = process`,
// `import { env } from "node:process"`) whose every read the rewriter moved to
// the secrets module is left declared and never read. TypeScript with
// `noUnusedLocals` then refuses to build (TS6133 "'env' is declared but its
// value is never read"; TS6133/TS6192 for an import), and ESLint's
// no-unused-vars fails the lint step. Such a declaration is removed with its
// line; one the file still reads (JSX and a direct eval included), exports,
// or that declares anything else stays as it is.

interface Edit {
  start: number;
  end: number;
  text: string;
}

const PROCESS_MODULES = new Set(["process", "node:process"]);

/** The statement declaring `name` as an alias and nothing else, or null. */
function aliasStatement(statement: Node, name: string, procNames: ProcessNames): Node | null {
  if (statement.type === "VariableDeclaration" && !statement.declare && statement.declarations.length === 1) {
    const d = statement.declarations[0]!;
    if (!d.init) return null;
    if (d.id.type === "Identifier" && d.id.name === name && isProcessEnv(d.init, procNames)) return statement;
    if (d.id.type === "ObjectPattern" && d.id.properties.length === 1 && isProcessObject(d.init, procNames)) {
      const p = d.id.properties[0]!;
      if (p.type === "ObjectProperty" && propertyKeyName(p) === "env" && p.value.type === "Identifier" && p.value.name === name) return statement;
    }
    return null;
  }
  if (statement.type === "ImportDeclaration" && PROCESS_MODULES.has(statement.source.value) && statement.importKind !== "type" && statement.specifiers.length === 1) {
    const s = statement.specifiers[0]!;
    const imported = s.type === "ImportSpecifier" ? (s.imported.type === "Identifier" ? s.imported.name : s.imported.value) : null;
    if (imported === "env" && s.local.name === name) return statement;
  }
  return null;
}

/** Where an identifier is a reference to a binding (not a property name, not a declared name). */
function isReference(id: Node, parent: Node | null, key: string | null): boolean {
  if (!parent) return true;
  if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && key === "property" && !parent.computed) return false;
  if ((parent.type === "ObjectProperty" || parent.type === "ObjectMethod" || parent.type === "ClassProperty" || parent.type === "ClassMethod") && key === "key" && !parent.computed) return false;
  if (parent.type === "ImportSpecifier" || parent.type === "ImportDefaultSpecifier" || parent.type === "ImportNamespaceSpecifier") return false;
  // `export { env }` / `export { env as e }`: the local name is the binding exported.
  if (parent.type === "ExportSpecifier") return key === "local";
  if (parent.type === "VariableDeclarator" && key === "id") return false;
  void id;
  return true;
}

/**
 * Edits removing the declarations of `aliases` that the `edits` leave with
 * no read. A name with no read before the rewrite is left alone (not ours to
 * tidy), as is one declared inside a statement an edit touches.
 */
export function unusedAliasRemovals(ast: File, content: string, aliases: Iterable<string>, edits: readonly Edit[], procNames: ProcessNames): Edit[] {
  const names = new Set(aliases);
  if (names.size === 0) return [];
  const refs = new Map<string, Node[]>();
  const statements = new Map<string, Node>();
  walk(ast.program, (node, parent, key) => {
    if (key === "body" && parent && (parent.type === "Program" || parent.type === "BlockStatement")) {
      for (const name of names) {
        const s = aliasStatement(node, name, procNames);
        if (s) statements.set(name, s);
      }
    }
    // (Names inside the declaring statement itself are set aside below.)
    // `<env.Banner />` reads the binding through a JSXIdentifier; a direct `eval(…)` may read any name in scope.
    const read =
      (node.type === "Identifier" && names.has(node.name) && isReference(node, parent, key)) ||
      (node.type === "JSXIdentifier" && names.has(node.name) && !(parent?.type === "JSXAttribute" || (parent?.type === "JSXMemberExpression" && key === "property")));
    if (read || (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "eval")) {
      const n = read ? (node as { name: string }).name : "";
      for (const name of read ? [n] : names) {
        const list = refs.get(name);
        if (list) list.push(node);
        else refs.set(name, [node]);
      }
    }
  });
  const covered = (n: Node) => edits.some((e) => e.end > e.start && e.start <= n.start! && n.end! <= e.end);
  const out: Edit[] = [];
  for (const [name, statement] of statements) {
    const reads = (refs.get(name) ?? []).filter((r) => !(statement.start! <= r.start! && r.end! <= statement.end!));
    if (reads.length === 0 || !reads.every(covered)) continue;
    if (edits.some((e) => e.start < statement.end! && e.end > statement.start!)) continue;
    out.push(lineRemoval(content, statement.start!, statement.end!));
  }
  return out;
}

/** The statement's range, widened to its whole line (and one of two blank lines around it) when nothing else is on that line. */
function lineRemoval(content: string, start: number, end: number): Edit {
  const lineStart = content.lastIndexOf("\n", start - 1) + 1;
  const eol = /^[ \t]*(?:\/\/[^\n]*)?\r?\n/.exec(content.slice(end));
  if (!/^[ \t]*$/.test(content.slice(lineStart, start)) || !eol || eol[0].includes("//")) return { start, end, text: "" };
  let to = end + eol[0].length;
  const blankAfter = /^[ \t]*\r?\n/.exec(content.slice(to));
  const blankBefore = lineStart === 0 || /\n[ \t]*\r?\n$/.test(content.slice(0, lineStart));
  if (blankAfter && blankBefore) to += blankAfter[0].length;
  return { start: lineStart, end: to, text: "" };
}
