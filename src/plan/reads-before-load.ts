import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import type { Node, Statement } from "@babel/types";
import { parseSource } from "../apply/code-rewriter-ast.js";
import { isEnvFile } from "../map/environment.js";
import type { PlannedSecret, PlanWarning } from "./types.js";

// An ES module's imports are evaluated in order, each module's own imports
// first, all before the importer's body. An entry that writes
// `import { mailer } from "./mailer.js"` above `import "dotenv/config"` (or
// configures dotenv in its body) runs mailer.js before .env is loaded: a
// process.env read at mailer.js's top level finds nothing where only .env set
// the name (the classic dotenv-with-ESM mistake, usually unnoticed because the
// module falls back to something). After the migration the secrets module is
// imported first and serves the name, so that module now gets the value: a
// change of behaviour the plan names, with the module, the name and the line
// that loads .env.

/** Where an entry loads .env: an `import "dotenv/config"` (its index among the body's statements), or dotenv configured in the body (after every import). */
function envLoadAt(body: Statement[]): { index: number; line: number } | undefined {
  const dotenvLocals = new Set<string>();
  for (const [i, s] of body.entries()) {
    if (s.type !== "ImportDeclaration") continue;
    const src = s.source.value;
    if (/^dotenv(?:x)?\/config(?:\.js)?$/.test(src) || /^@dotenvx\/dotenvx\/config$/.test(src)) return { index: i, line: s.loc?.start.line ?? 0 };
    if (src === "dotenv" || src === "@dotenvx/dotenvx") for (const sp of s.specifiers) dotenvLocals.add(sp.local.name);
  }
  for (const [i, s] of body.entries()) {
    if (s.type !== "ExpressionStatement" || s.expression.type !== "CallExpression") continue;
    const callee = s.expression.callee;
    const named = callee.type === "Identifier" && dotenvLocals.has(callee.name) && callee.name === "config";
    const member = callee.type === "MemberExpression" && callee.object.type === "Identifier" && dotenvLocals.has(callee.object.name) && callee.property.type === "Identifier" && callee.property.name === "config";
    if (named || member) return { index: i, line: s.loc?.start.line ?? 0 };
  }
  return undefined;
}

const FUNCTION_LIKE = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression", "ObjectMethod", "ClassMethod", "ClassPrivateMethod", "ClassBody"]);

const isProcessEnv = (n: Node): boolean =>
  n.type === "MemberExpression" && n.object.type === "Identifier" && n.object.name === "process" && ((n.property.type === "Identifier" && n.property.name === "env" && !n.computed) || (n.property.type === "StringLiteral" && n.property.value === "env"));

/** process.env reads of `names` that run when the module is evaluated (not inside a function or class body), with their lines. */
function moduleLevelReads(body: Statement[], names: ReadonlySet<string>): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  const visit = (n: Node | null | undefined): void => {
    if (!n || typeof n !== "object" || FUNCTION_LIKE.has(n.type)) return;
    if (n.type === "MemberExpression" && isProcessEnv(n.object)) {
      const p = n.property;
      const name = p.type === "Identifier" && !n.computed ? p.name : p.type === "StringLiteral" ? p.value : undefined;
      if (name !== undefined && names.has(name)) out.push({ name, line: n.loc?.start.line ?? 0 });
    }
    if (n.type === "VariableDeclarator" && n.id.type === "ObjectPattern" && n.init && isProcessEnv(n.init)) {
      for (const prop of n.id.properties) {
        if (prop.type === "ObjectProperty" && prop.key.type === "Identifier" && names.has(prop.key.name)) out.push({ name: prop.key.name, line: prop.loc?.start.line ?? 0 });
      }
    }
    for (const key of Object.keys(n) as (keyof typeof n)[]) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
      const child = n[key] as unknown;
      if (Array.isArray(child)) for (const c of child) visit(c as Node);
      else if (child && typeof child === "object" && typeof (child as Node).type === "string") visit(child as Node);
    }
  };
  for (const s of body) if (s.type !== "ImportDeclaration") visit(s);
  return out;
}

/** The project file a relative specifier names (TypeScript's `./x.js` for `x.ts` too), or undefined. */
function resolveRelative(from: string, spec: string, files: ReadonlySet<string>): string | undefined {
  if (!spec.startsWith("./") && !spec.startsWith("../")) return undefined;
  const base = normalize(join(dirname(from), spec)).replace(/\\/g, "/");
  const stem = base.replace(/\.(?:m?js|cjs)$/, "");
  for (const c of [base, `${stem}.ts`, `${stem}.mts`, `${base}.js`, `${base}.mjs`, `${base}.ts`, `${base}/index.js`, `${base}/index.ts`]) if (files.has(c)) return c;
  return undefined;
}

const MAX_DEPTH = 12;

/** Relative specifiers a file's text imports (a regex, for the graph's roots: no parse of every file). */
const IMPORTED = /(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g;

/**
 * `read-before-load` warnings: a module evaluated before .env is loaded (in
 * the ES module evaluation order from an entry no other module imports),
 * reading at its top level a secret that moves out of a .env file.
 */
export function readsBeforeEnvLoad(root: string, secrets: readonly PlannedSecret[], sourceFiles: readonly string[]): PlanWarning[] {
  const names = new Set(secrets.filter((s) => isEnvFile(s.source.file)).map((s) => s.name));
  if (names.size === 0) return [];
  const files = new Set(sourceFiles.filter((f) => /\.(?:m?js|m?ts|jsx|tsx)$/.test(f)));
  const texts = new Map<string, string>();
  for (const f of files) {
    try {
      texts.set(f, readFileSync(join(root, f), "utf8"));
    } catch {
      // unreadable: not part of the graph
    }
  }
  // No loader of .env in the code: nothing is evaluated before one (and no module graph is parsed).
  if (![...texts.values()].some((t) => /\bdotenv/.test(t))) return [];
  const imported = new Set<string>();
  for (const [f, text] of texts) for (const m of text.matchAll(IMPORTED)) {
    const dep = resolveRelative(f, m[1]!, files);
    if (dep) imported.add(dep);
  }
  const parsed = new Map<string, Statement[] | null>();
  const bodyOf = (file: string): Statement[] | null => {
    if (!parsed.has(file)) {
      let body: Statement[] | null = null;
      try {
        body = parseSource(file, texts.get(file) ?? "").program.body;
      } catch {
        body = null;
      }
      parsed.set(file, body);
    }
    return parsed.get(file)!;
  };
  const warnings: PlanWarning[] = [];
  const said = new Set<string>();
  for (const [entry, text] of texts) {
    if (imported.has(entry) || !/^\s*import\s/m.test(text)) continue;
    const seen = new Set<string>([entry]);
    let loadedAt: string | undefined;
    const evaluated: { file: string; reads: { name: string; line: number }[] }[] = [];
    // A module's imports run first, in order, then its body; the first load of .env anywhere ends the window.
    const evaluate = (file: string, depth: number): void => {
      const body = bodyOf(file);
      if (!body) return;
      const load = envLoadAt(body);
      for (const [i, s] of body.entries()) {
        if (loadedAt !== undefined) break;
        if (load && load.index === i && s.type === "ImportDeclaration") {
          loadedAt = `${file}:${load.line}`;
          break;
        }
        if (!((s.type === "ImportDeclaration" || s.type === "ExportAllDeclaration" || s.type === "ExportNamedDeclaration") && s.source)) continue;
        const dep = resolveRelative(file, s.source.value, files);
        if (dep && !seen.has(dep) && depth < MAX_DEPTH) {
          seen.add(dep);
          evaluate(dep, depth + 1);
        }
      }
      if (loadedAt !== undefined) return;
      if (file !== entry) evaluated.push({ file, reads: moduleLevelReads(body, names) });
      if (load) loadedAt = `${file}:${load.line}`;
    };
    evaluate(entry, 0);
    if (loadedAt === undefined) continue;
    for (const { file, reads } of evaluated) {
      for (const { name, line } of reads) {
        const key = `${file}:${line}:${name}`;
        if (said.has(key)) continue;
        said.add(key);
        warnings.push({
          code: "read-before-load",
          file,
          line,
          message: `${file}:${line} reads ${name} when the module is evaluated, which ${entry}'s imports do before ${loadedAt} loads .env (ES modules run their imports first, in order): where only a .env file set ${name}, that module found it unset. The secrets module is now imported first and serves it, so the module gets the value there. If it should keep running without it, read ${name} later (inside a function) or leave it out of that environment's secrets.`,
        });
      }
    }
  }
  return warnings;
}
