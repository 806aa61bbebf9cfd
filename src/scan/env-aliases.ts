import { isIdentifierCode, isSpaceCode } from "./char-codes.js";
import { closingQuote, endsOperand, skipBlanks } from "./operand.js";
import { analyzeName } from "./secret-name.js";

// The environment's aliases and destructurings, read from the text: which names
// the AST walk (js-scanner.ts) treats as `process.env`, and whether a parse of
// the file can draw a candidate from them. Plain `process.env.X` reads and their
// `|| "…"` fallbacks are read without a parse (env-references.ts); an alias or
// a destructuring is only worth a parse when it carries a literal the walk
// judges: a default inside the destructured pattern
// (`const { API_KEY = "…" } = process.env`) or a fallback of an alias's read
// (`env.API_KEY || "…"`). prettier's `var env3 = process.env` followed by
// `env3.CI || env3.BUILD_ID || …` (214 KB) and aws-sdk's `var env = process.env`
// hold neither.

// `const { env } = process`, `const { env: e } = process` (the walk's second alias form).
const ENV_KEY = /^\{\s*env(?:\s*:\s*([A-Za-z_$][\w$]*))?\s*[,}]/;
const DECLARED = /(?:^|[^\w$])(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*$/;

interface Bindings {
  text: string;
  /** Names bound to the environment object. */
  aliases: Set<string>;
  /** Offsets of `process.env` / `import.meta.env` destructured (`{ … } = process.env`). */
  destructured: number[];
}
// The pre-check, then the walk or the lexical reader, ask for the same text in a row.
let last: Bindings | null = null;

/**
 * The names bound to the environment object: `const env = process.env` (or `import.meta.env`, ending its
 * statement or its line) and `const { env } = process` / `const { env: e } = process`.
 */
export function envAliases(text: string): ReadonlySet<string> {
  return bindings(text).aliases;
}

/** One pass over `process` and one over `import.meta.env` (indexOf), not a regex from every `{` of the text. */
function bindings(text: string): Bindings {
  if (last !== null && last.text === text) return last;
  const b: Bindings = { text, aliases: new Set(), destructured: [] };
  last = b;
  for (let p = text.indexOf("process"); p !== -1; p = text.indexOf("process", p + 7)) {
    if (p > 0 && (isIdentifierCode(text.charCodeAt(p - 1)) || text.charCodeAt(p - 1) === 46)) continue;
    const next = text.charCodeAt(p + 7);
    if (next === 46 && text.startsWith("env", p + 8) && !isIdentifierCode(text.charCodeAt(p + 11))) source(text, p, p + 11, b);
    else if ((next === 34 || next === 39) && moduleSpecifier(text, p, next)) processModule(text, p, b);
    else if (!isIdentifierCode(next) && next !== 46) processDestructured(text, p, b);
  }
  for (let p = text.indexOf("import.meta.env"); p !== -1; p = text.indexOf("import.meta.env", p + 15)) {
    if (!isIdentifierCode(text.charCodeAt(p + 15))) source(text, p, p + 15, b);
  }
  return b;
}

/** `process.env` / `import.meta.env` at [p, end): the source of a destructuring, or the value of an alias. */
function source(text: string, p: number, end: number, b: Bindings): void {
  const eq = before(text, p);
  if (text.charCodeAt(eq) !== 61 || isOperatorCode(text.charCodeAt(eq - 1))) return;
  if (text.charCodeAt(before(text, eq)) === 125) {
    b.destructured.push(p);
    return;
  }
  let k = end;
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  const c = text.charCodeAt(k);
  if (k < text.length && c !== 59 && c !== 44 && c !== 41 && c !== 10 && c !== 13) return;
  const m = DECLARED.exec(text.slice(Math.max(0, eq - 120), eq));
  if (m) b.aliases.add(m[1]!);
}

/** `"process"` / `'node:process'` at `p` (the word), closed by the quote `q`: a module specifier. */
function moduleSpecifier(text: string, p: number, q: number): boolean {
  const open = text.startsWith("node:", p - 5) ? p - 6 : p - 1;
  return open >= 0 && text.charCodeAt(open) === q;
}

// `import { env } from "node:process"`, `import { a, env as e } from "process"` (the clause before `from`).
const IMPORT_ENV = /\bimport\s*\{([^}]*)\}\s*from\s*$/;
const ENV_SPECIFIER = /(?:^|,)\s*env(?:\s+as\s+([A-Za-z_$][\w$]*))?\s*(?:,|$)/;
// `const { env } = require("process")`, `const { env: e } = require("node:process")`.
const REQUIRE_ENV = /\{([^{}]*)\}\s*=\s*require\s*\(\s*$/;

/**
 * The process module named at `p` (process-env.ts `processModuleBindings` reads the same in the AST):
 * the local name of its `env` export imported or destructured from `require()`, an alias of process.env.
 */
function processModule(text: string, p: number, b: Bindings): void {
  const open = text.startsWith("node:", p - 5) ? p - 6 : p - 1;
  const head = text.slice(Math.max(0, open - 300), open);
  const imported = IMPORT_ENV.exec(head);
  if (imported) {
    const m = ENV_SPECIFIER.exec(imported[1]!);
    if (m) b.aliases.add(m[1] ?? "env");
    return;
  }
  const required = REQUIRE_ENV.exec(head);
  if (required) {
    const m = ENV_KEY.exec(`{${required[1]!}}`);
    if (m) b.aliases.add(m[1] ?? "env");
  }
}

/** `{ env } = process` / `{ env: e } = process` at `p`. */
function processDestructured(text: string, p: number, b: Bindings): void {
  const eq = before(text, p);
  if (text.charCodeAt(eq) !== 61 || isOperatorCode(text.charCodeAt(eq - 1))) return;
  const close = before(text, eq);
  if (text.charCodeAt(close) !== 125) return;
  const open = text.lastIndexOf("{", close);
  if (open === -1 || close - open > 260) return;
  const m = ENV_KEY.exec(text.slice(open, close + 1));
  if (m) b.aliases.add(m[1] ?? "env");
}

/**
 * Whether parsing can yield a candidate from the environment's destructurings or aliases: a default in
 * a pattern destructured from `process.env`, `import.meta.env` or an alias, or a literal fallback of an
 * alias's read. Unsure cases answer true (a parse, never a lost finding).
 */
export function envMayYieldCandidate(text: string): boolean {
  const b = bindings(text);
  for (const p of b.destructured) if (destructuredWithDefault(text, p)) return true;
  for (const alias of b.aliases) {
    for (let p = text.indexOf(alias); p !== -1; p = text.indexOf(alias, p + alias.length)) {
      const prev = text.charCodeAt(p - 1);
      if (p > 0 && (isIdentifierCode(prev) || prev === 46)) continue;
      const end = p + alias.length;
      if (isIdentifierCode(text.charCodeAt(end))) continue;
      if (destructuredWithDefault(text, p) || aliasFallback(text, p, end)) return true;
    }
  }
  return false;
}

/** `{ … } = <source at p>` where the pattern holds a default the walk may judge a secret (`API_KEY = "…"`, `KEY: apiKey = JSON.stringify("…")`). */
function destructuredWithDefault(text: string, p: number): boolean {
  const eq = before(text, p);
  if (text.charCodeAt(eq) !== 61 || isOperatorCode(text.charCodeAt(eq - 1))) return false;
  const close = before(text, eq);
  if (text.charCodeAt(close) !== 125) return false;
  // Back to the pattern's `{`, through nested patterns; a pattern longer than this is taken as having one.
  let depth = 0;
  const limit = Math.max(0, close - 4000);
  for (let i = close; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 125) depth++;
    else if (c === 123 && --depth === 0) return false;
    else if (c === 61 && !isOperatorCode(text.charCodeAt(i - 1)) && text.charCodeAt(i + 1) !== 61 && text.charCodeAt(i + 1) !== 62 && mayBeSecret(text, i + 1, defaultNames(text, i))) return true;
  }
  return true;
}

/** The names a default at `eq` is judged under: the binding before it, and the key before that (`KEY: key = …`). */
function defaultNames(text: string, eq: number): string[] {
  const names: string[] = [];
  let i = before(text, eq);
  let j = i;
  while (j >= 0 && isIdentifierCode(text.charCodeAt(j))) j--;
  if (j === i) return names;
  names.push(text.slice(j + 1, i + 1));
  i = before(text, j + 1);
  if (text.charCodeAt(i) !== 58) return names;
  const k = before(text, i);
  const q = text.charCodeAt(k);
  j = k - 1;
  if (q === 34 || q === 39) while (j >= 0 && text.charCodeAt(j) !== q && text.charCodeAt(j) !== 10) j--;
  else while (j >= 0 && isIdentifierCode(text.charCodeAt(j))) j--;
  names.push(q === 34 || q === 39 ? text.slice(j + 1, k) : text.slice(j + 1, k + 1));
  return names;
}

// An alias's read then `||`/`??`: `env.KEY ||`, `env?.KEY ??`, `env["KEY"] ||` (a dynamic `env[k]` has no name to judge).
const ALIAS_READ = /\s*(?:\??\.\s*([A-Za-z_$][\w$]*)|(?:\?\.)?\s*\[\s*(["'`])([^"'`\n\\]*)\2\s*\])\s*(?:\|\||\?\?)/y;

/** The alias at [p, end) is read and falls back to a literal the walk may judge a secret (its `LogicalExpression` case under the variable's name, `valueOf` under the target's). */
function aliasFallback(text: string, p: number, end: number): boolean {
  ALIAS_READ.lastIndex = end;
  const m = ALIAS_READ.exec(text);
  if (m === null) return false;
  // The name the fallback's value is given (`const dbPass = env.DB || "…"`, `{ token: env.T ?? "…" }`),
  // which the walk judges it under too (its `valueOf`).
  const names = [m[1] ?? m[3]!];
  let i = before(text, p);
  while (i >= 0 && text.charCodeAt(i) === 40) i = before(text, i);
  const c = text.charCodeAt(i);
  if ((c === 61 && !isOperatorCode(text.charCodeAt(i - 1))) || c === 58) {
    const target = defaultNames(text, i)[0];
    if (target !== undefined) names.push(target);
    if (c === 58) {
      // A quoted key: `"api-key": env.K || "…"`.
      const k = before(text, i);
      const q = text.charCodeAt(k);
      if (q === 34 || q === 39) names.push(text.slice(text.lastIndexOf(text[k]!, k - 1) + 1, k));
    }
  }
  return mayBeSecret(text, ALIAS_READ.lastIndex, names);
}

/**
 * What follows `i` (past blanks, comments and `(`) is a value the walk's `judge` may call a secret under
 * one of `names`: a literal that is the whole operand, 8+ characters (the shortest judge accepts in code),
 * under a name that suggests a secret or holding a URL (a URL's password is judged whatever the name).
 * A call may wrap a literal (`JSON.stringify("…")`, `Buffer.from("…")`): taken as one.
 */
function mayBeSecret(text: string, i: number, names: readonly string[]): boolean {
  i = skipBlanks(text, i, true).at;
  const q = text.charCodeAt(i);
  if (q !== 34 && q !== 39 && q !== 96) return isCall(text, i);
  const close = closingQuote(text, i, false);
  if (close === -1) return true; // longer than 200 characters, or a template across lines
  if (close - i - 1 < 8 || !endsOperand(text, close)) return false;
  if (text.slice(i + 1, close).includes("://")) return true;
  return names.some((n) => {
    const a = analyzeName(n);
    return a.strength !== "none" && !a.negative;
  });
}

/** An identifier chain then `(` at `i` (`JSON.stringify(`, `new TextEncoder().encode(`): a call. */
function isCall(text: string, i: number): boolean {
  for (let j = i; j < text.length && j - i < 120; j++) {
    const d = text.charCodeAt(j);
    if (d === 40) return j > i;
    if (!isIdentifierCode(d) && d !== 46 && d !== 32) return false;
  }
  return false;
}

/** The last non-blank character before `p` (blanks include line ends; comments are not skipped). */
function before(text: string, p: number): number {
  let i = p - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  return i;
}

/** `=`, `!`, `<`, `>`: before an `=`, they make it a comparison, not an assignment. */
function isOperatorCode(c: number): boolean {
  return c === 61 || c === 33 || c === 60 || c === 62;
}
