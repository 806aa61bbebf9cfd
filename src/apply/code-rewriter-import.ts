import type { File, Node } from "@babel/types";
import { propertyKeyName, type ModuleKind } from "./code-rewriter-ast.js";

// Where the rewriter adds the import of the secrets module, and in which
// style: the file's own quotes, semicolons and line endings; after the last
// import (ESM) or the leading requires (CJS). Also what tells that a file
// already imports it (idempotence) or configures dotenv too late (ESM).

/** What the secrets module exports that a rewritten file may import. */
export type ImportedName = "secrets" | "processEnv" | "vaultEnv";

/** The local names under which the file already imports the secrets module's exports (idempotence). */
export function findExistingImports(ast: File, specifier: string): Map<ImportedName, string> {
  const found = new Map<ImportedName, string>();
  const note = (imported: string, local: string) => {
    if (imported === "secrets" || imported === "processEnv" || imported === "vaultEnv") found.set(imported, local);
  };
  for (const s of ast.program.body) {
    if (s.type === "ImportDeclaration" && s.source.value === specifier) {
      for (const sp of s.specifiers) {
        if (sp.type === "ImportSpecifier") note(sp.imported.type === "Identifier" ? sp.imported.name : sp.imported.value, sp.local.name);
      }
    }
    if (s.type === "VariableDeclaration") {
      for (const d of s.declarations) {
        if (d.id.type !== "ObjectPattern" || !isRequireOf(d.init, specifier)) continue;
        for (const p of d.id.properties) {
          const name = propertyKeyName(p);
          if (name !== null && p.type === "ObjectProperty" && p.value.type === "Identifier") note(name, p.value.name);
        }
      }
    }
  }
  return found;
}

function isRequireOf(node: Node | null | undefined, specifier?: string): boolean {
  if (!node || node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "require") return false;
  const a = node.arguments[0];
  return !!a && a.type === "StringLiteral" && (specifier === undefined || a.value === specifier);
}

/**
 * `require("x")`, `const a = require("x").b`, `require("dotenv").config()`:
 * the leading set-up a CommonJS file does. The secrets module is required
 * after it, so that a `.env` loaded there (VAULT_ADDR, VAULT_TOKEN) is seen.
 */
function isRequireStatement(s: Node): boolean {
  if (s.type === "VariableDeclaration") return s.declarations.every((d) => isRequireChain(d.init));
  return s.type === "ExpressionStatement" && isRequireChain(s.expression);
}

function isRequireChain(node: Node | null | undefined): boolean {
  let n = node;
  while (n && !isRequireOf(n)) {
    if (n.type === "CallExpression") n = n.callee;
    else if (n.type === "MemberExpression") n = n.object;
    else if (n.type === "AwaitExpression") n = n.argument;
    else return false;
  }
  return !!n;
}

/** Where and what to insert: after the last import (ESM) or the leading requires (CJS), in the file's own style. */
export function importInsertion(
  ast: File,
  content: string,
  kind: ModuleKind,
  names: ReadonlyArray<{ imported: ImportedName; local: string }>,
  specifier: string,
  /** Offset of the first rewritten read: the import must come before the statement holding it. */
  firstUse = Infinity,
): { at: number; text: string } {
  const binding = names
    .map(({ imported, local }) => (local === imported ? imported : kind === "esm" ? `${imported} as ${local}` : `${imported}: ${local}`))
    .join(", ");
  return statementInsertion(ast, content, kind, (spec, semi) => (kind === "esm" ? `import { ${binding} } from ${spec}${semi}` : `const { ${binding} } = require(${spec})${semi}`), specifier, firstUse);
}

/**
 * Where and how to insert one import-like statement, in the file's own style
 * (quotes, semicolons, line ends): `statementOf` gets the quoted specifier and
 * the semicolon (or none). Used by importInsertion and for other imports the
 * rewriter adds (`createRequire` from "node:module").
 */
export function statementInsertion(
  ast: File,
  content: string,
  kind: ModuleKind,
  statementOf: (quotedSpecifier: string, semi: string) => string,
  specifier: string,
  firstUse = Infinity,
): { at: number; text: string } {
  const eol = content.includes("\r\n") ? "\r\n" : "\n";
  const body = ast.program.body;
  const quote = detectQuote(ast, content);
  // The file's style, judged only on statements that take a semicolon (a file of function declarations says nothing).
  const judged = body.filter(takesSemicolon);
  const semi = judged.length === 0 || judged.some((s) => content.slice(s.start!, s.end!).trimEnd().endsWith(";")) ? ";" : "";
  const spec = quote + specifier.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), `\\${quote}`) + quote;
  const statement = statementOf(spec, semi);
  let anchor: Node | null = null;
  if (kind === "esm") {
    for (const s of body) if (s.type === "ImportDeclaration") anchor = s;
  } else {
    // `const stripe = require("stripe")(process.env.STRIPE_KEY)` is a leading
    // require that itself reads a secret: the import goes before it (after it,
    // `secrets` would be read before its `const` ran: a TDZ ReferenceError).
    for (const s of body) {
      if (!isRequireStatement(s) || s.end! > firstUse) break;
      anchor = s;
    }
  }
  const directives = ast.program.directives;
  if (!anchor && directives.length > 0) anchor = directives[directives.length - 1]!;
  if (anchor) return { at: anchor.end!, text: eol + statement };
  const first = body[0];
  if (first) return { at: first.start!, text: statement + eol };
  const start = content.startsWith("\uFEFF") ? 1 : 0;
  return { at: start, text: statement + eol };
}

function takesSemicolon(s: Node): boolean {
  switch (s.type) {
    case "VariableDeclaration":
    case "ExpressionStatement":
    case "ImportDeclaration":
    case "ExportAllDeclaration":
      return true;
    case "ExportNamedDeclaration":
      return !s.declaration || s.declaration.type === "VariableDeclaration";
    case "ExportDefaultDeclaration":
      return s.declaration.type !== "FunctionDeclaration" && s.declaration.type !== "ClassDeclaration";
    default:
      return false;
  }
}

function detectQuote(ast: File, content: string): string {
  let single = 0;
  let double = 0;
  for (const s of ast.program.body) {
    let lit: Node | undefined;
    if (s.type === "ImportDeclaration") lit = s.source;
    else if (s.type === "VariableDeclaration") {
      const init = s.declarations[0]?.init;
      if (init && init.type === "CallExpression") lit = init.arguments[0];
    }
    if (lit && lit.type === "StringLiteral") {
      if (content[lit.start!] === "'") single++;
      else double++;
    }
  }
  return single > double ? "'" : '"';
}

/** A top-level `dotenv.config()` / `config()` (imported from "dotenv") in an ES module's body. */
export function dotenvConfigCall(ast: File): Node | null {
  const fromDotenv = new Set<string>();
  for (const s of ast.program.body) {
    if (s.type !== "ImportDeclaration" || (s.source.value !== "dotenv" && s.source.value !== "dotenv-flow")) continue;
    for (const sp of s.specifiers) fromDotenv.add(sp.local.name);
  }
  if (fromDotenv.size === 0) return null;
  for (const s of ast.program.body) {
    if (s.type !== "ExpressionStatement" || s.expression.type !== "CallExpression") continue;
    const callee = s.expression.callee;
    if (callee.type === "Identifier" && fromDotenv.has(callee.name)) return s;
    if (callee.type === "MemberExpression" && callee.object.type === "Identifier" && fromDotenv.has(callee.object.name)) return s;
  }
  return null;
}
