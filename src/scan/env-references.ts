import type { EnvReference } from "./types.js";
import type { Candidate } from "./engine.js";
import { judge } from "./judge.js";
import { LineCursor } from "./positions.js";
import { isSpaceCode, isWordCode } from "./char-codes.js";
import { envAliases } from "./env-aliases.js";
import { defaultedLiteralAt, parseable } from "./js-scanner.js";
import { endsOperand, skipBlanks } from "./operand.js";
import { fallbackContext } from "./fallback-context.js";
import { literalCandidate } from "./literal-candidate.js";
import { Occurrences } from "./occurrences.js";
import type { KeywordOffsets } from "./rule-set.js";

// Environment reads found lexically, without a parser: `process.env.X`,
// `process.env["X"]`, `process.env[name]` (dynamic), `import.meta.env.X`, with
// a literal `?? "…"` / `|| "…"` fallback noted. Parsing every file that
// mentions `process.env.NODE_ENV` with Babel would cost far more than the rest
// of the scan, so the AST (js-scanner.ts) is used only for the forms that need
// it, and only when it can yield a candidate: a literal default of a
// destructuring or a literal fallback of an alias (env-aliases.ts), credential
// calls (js-scanner.ts `shouldParseJavaScript`).
// Known limit of the lexical path: a `process.env.X` inside a comment or a
// string is reported too.

// Run at each occurrence of the two literals (the keyword pass's offsets, or indexOf): a global
// scan with a leading `\b` tries every position of the text.
const READ = /(process\.env|import\.meta\.env)(?:\.([A-Za-z_$][\w$]*)|\[[ \t]*(?:(["'`])([^"'`\n\]]*)\3|([^\]\n]{1,200}))[ \t]*\])?/y;
const FALLBACK = /^[ \t]*(?:\?\?|\|\|)[ \t\r\n]*(["'`])((?:\\.|(?!\1)[^\\\n]){0,2000})\1/;


/**
 * The walk's candidates for the text's environment fallbacks, made without a parse: `covered` holds the
 * opening quotes of the credential-shaped fallbacks (js-scanner.ts `defaultedLiteralAt`) among them,
 * which then are no reason to parse the file. Absent when some fallback's context is unsure.
 */
export interface ExactFallbacks {
  candidates: Candidate[];
  covered: Set<number>;
}

export interface LexicalReads {
  envReferences: EnvReference[];
  /** The fallbacks judged under the variable read, as in a file the scanner does not parse. */
  candidates: Candidate[];
  /** What the AST walk would make of the same fallbacks, for a file it would parse for them (only in a `parseable` text). */
  exact?: ExactFallbacks;
}

/**
 * `found`: the keywords of the engine's pass over this text (rule-set.ts
 * ENGINE_KEYWORDS, case-folded), when there was one: a literal it did not see
 * is not searched for. `full`: js-scanner.ts `parseable(text)`, when the caller knows it. `offsets`:
 * that pass's offsets of the two literals (rule-set.ts ENGINE_POSITION_KEYWORDS), read instead of
 * searching the text for them.
 */
export function lexicalEnvReferences(text: string, file: string, testPath: boolean, found?: ReadonlySet<string>, full = parseable(text), offsets?: KeywordOffsets): LexicalReads {
  const envReferences: EnvReference[] = [];
  const candidates: Candidate[] = [];
  // Aliases and destructurings are listed where the AST would list them: in a text the scanner would
  // parse. Minified bundles (`var t=process.env`, then every `t.x`) are not read for them.
  // The fallbacks read, for the walk's candidates (only in a text the scanner would parse).
  const fallbacks: Fallback[] | null = full ? [] : null;
  const index = new LineCursor(text);
  const processEnv = new Occurrences(text, "process.env", offsets);
  const importMetaEnv = new Occurrences(text, "import.meta.env", offsets);
  let p = found === undefined || found.has("process.env") ? processEnv.next(0) : -1;
  let q = found === undefined || found.has("import.meta.env") ? importMetaEnv.next(0) : -1;
  // The end of the previous read: an occurrence inside it (`process.env[process.env.KEY]`) is part of it.
  let end = 0;
  while (p !== -1 || q !== -1) {
    let at: number;
    if (q === -1 || (p !== -1 && p < q)) {
      at = p;
      p = processEnv.next(p + 11);
    } else {
      at = q;
      q = importMetaEnv.next(q + 15);
    }
    // `\b` before the literal: no word character (ASCII letter, digit, `_`) right before it.
    if (at < end || (at > 0 && isWordCode(text.charCodeAt(at - 1)))) continue;
    READ.lastIndex = at;
    const m = READ.exec(text)!;
    end = READ.lastIndex;
    const meta = m[1] === "import.meta.env";
    let name: string | null = null;
    let form: EnvReference["form"];
    if (m[2] !== undefined) {
      name = m[2];
      form = meta ? "import-meta" : "member";
    } else if (m[4] !== undefined && !(m[3] === "`" && m[4].includes("${"))) {
      name = m[4];
      form = meta ? "import-meta" : "computed";
    } else if (m[5] !== undefined || m[4] !== undefined) {
      form = "dynamic";
    } else {
      // `process.env` itself: a destructuring (`const { A, B: b = "…" } = process.env`) lists its keys.
      if (full) destructuredReads(text, m.index, file, index, envReferences);
      continue;
    }
    const pos = index.position(m.index);
    const ref: EnvReference = { file, name, line: pos.line, column: pos.column, form };
    fallback(text, m.index, end, ref, testPath, candidates, fallbacks);
    envReferences.push(ref);
  }
  // Reads through an alias (`const env = process.env; env.API_URL`, `const { A } = env`), as the AST
  // walk lists them (js-scanner.ts `envRef`), for the files the pre-check does not parse.
  for (const alias of full ? envAliases(text) : []) {
    for (let p = text.indexOf(alias); p !== -1; p = text.indexOf(alias, p + alias.length)) {
      const prev = text.charCodeAt(p - 1);
      if (p > 0 && (isWordCode(prev) || prev === 36 || prev === 46)) continue;
      ALIAS_READ.lastIndex = p + alias.length;
      const a = ALIAS_READ.exec(text);
      if (!a) {
        if (!isWordCode(text.charCodeAt(p + alias.length)) && text.charCodeAt(p + alias.length) !== 36) destructuredReads(text, p, file, index, envReferences);
        continue;
      }
      const aliasName = a[1] ?? (a[3] !== undefined && !(a[2] === "`" && a[3].includes("${")) ? a[3] : null);
      const pos = index.position(p);
      const ref: EnvReference = { file, name: aliasName, line: pos.line, column: pos.column, form: aliasName === null ? "dynamic" : "alias" };
      fallback(text, p, ALIAS_READ.lastIndex, ref, testPath, candidates, fallbacks);
      envReferences.push(ref);
    }
  }
  const exact = fallbacks === null ? null : walkFallbacks(text, fallbacks, testPath);
  return exact === null ? { envReferences, candidates } : { envReferences, candidates, exact };
}

/** A read at [read, end) falling back to the literal whose characters `raw` start at `start`. */
interface Fallback {
  read: number;
  end: number;
  start: number;
  raw: string;
  ref: EnvReference;
}

// Past this many fallbacks in one file, the file is parsed rather than each one's context read (each
// reading is linear in the text before it).
const MAX_EXACT_FALLBACKS = 64;

/**
 * The walk's candidates for all the text's fallbacks, when one of them would have the file parsed
 * (`defaultedLiteralAt`) and every one's context is sure; null otherwise (the file is read as before:
 * parsed if anything else asks for it, lexically if not).
 */
function walkFallbacks(text: string, fallbacks: readonly Fallback[], testPath: boolean): ExactFallbacks | null {
  const covered = new Set<number>();
  for (const f of fallbacks) {
    let op = f.end;
    while (text.charCodeAt(op) === 32 || text.charCodeAt(op) === 9) op++;
    if (defaultedLiteralAt(text, op) === f.start - 1) covered.add(f.start - 1);
  }
  if (covered.size === 0 || fallbacks.length > MAX_EXACT_FALLBACKS) return null;
  const candidates: Candidate[] = [];
  for (const f of fallbacks) if (!walkFallback(text, f, testPath, candidates)) return null;
  if (strayFallback(text, new Set(fallbacks.map((f) => f.start - 1)))) return null;
  return { candidates, covered };
}

/**
 * A literal after `||`/`??` (past blanks, comments, parentheses) that no read here was seen to fall back to,
 * with `env` shortly before it: a fallback the reader's regexes miss (`process.env.X /* dev *\/ || "…"`,
 * `(process.env.X) || "…"`, `process.env?.X || "…"`, `process.env.X ??= "…"`), which the walk would judge.
 */
function strayFallback(text: string, seen: ReadonlySet<number>): boolean {
  for (const op of ["||", "??"]) {
    for (let at = text.indexOf(op); at !== -1; at = text.indexOf(op, at + 2)) {
      // `||=` / `??=` too: `process.env.X ??= "…"` is an assignment the walk judges under X.
      const j = skipBlanks(text, at + (text.charCodeAt(at + 2) === 61 ? 3 : 2), true).at;
      const q = text.charCodeAt(j);
      if ((q === 34 || q === 39 || q === 96) && !seen.has(j) && /env/i.test(text.slice(Math.max(0, at - 300), at))) return true;
    }
  }
  return false;
}

// After an alias's name: `.X`, `?.X`, `["X"]`, `?.["X"]`, `[name]` (dynamic).
const ALIAS_READ = /\s*(?:\??\.\s*([A-Za-z_$][\w$]*)|(?:\?\.)?\[[ \t]*(?:(["'`])([^"'`\n\]]*)\2|([^\]\n]{1,200}))[ \t]*\])/y;

/**
 * A literal `?? "…"` / `|| "…"` after a read at [read, end): noted on `ref`, and a candidate when judged a
 * secret under the read's name; listed in `fallbacks` (for walkFallbacks) in a text the scanner would parse.
 */
function fallback(text: string, read: number, end: number, ref: EnvReference, testPath: boolean, candidates: Candidate[], fallbacks: Fallback[] | null): void {
  const fb = FALLBACK.exec(text.slice(end, end + 2100));
  if (!fb) return;
  ref.hasLiteralFallback = true;
  const name = ref.name;
  const raw = fb[2]!;
  const start = end + fb.index + fb[0].length - 1 - raw.length;
  fallbacks?.push({ read, end, start, raw, ref });
  if (!name) return;
  const j = judge(name, raw, "code", testPath, true);
  if (j.secret && !raw.includes("${")) {
    candidates.push({
      ruleId: "js-env-fallback-secret",
      kind: j.kind,
      severity: j.confidence >= 0.5 ? "high" : "medium",
      confidence: Math.min(0.97, j.confidence + 0.03),
      reason: `literal fallback for ${name}; ${j.reason}`,
      secret: raw,
      start,
      end: start + raw.length,
      name,
      priority: 1.5,
    });
  }
}

/**
 * The walk's candidates for one fallback: under the name its value is given (a declarator, an assignment,
 * a property: `valueOf`), then under the variable read (its `LogicalExpression` case), in the walk's order;
 * nothing when the literal is not the whole right operand. False when the text does not tell the context.
 */
function walkFallback(text: string, f: Fallback, testPath: boolean, out: Candidate[]): boolean {
  const quote = f.start - 1;
  const close = f.start + f.raw.length;
  if (!endsOperand(text, close)) return true; // `|| "…" + x`, `|| "…".trim()`: the right operand is not the literal
  const ctx = fallbackContext(text, f.read, close);
  // A name read from the text as the AST reads it: no escapes in a quoted key.
  const name = f.ref.name;
  if (ctx === undefined || (name !== null && name.includes("\\"))) return false;
  if (text.charCodeAt(quote) === 96 && f.raw.includes("${")) return true; // a template with expressions is no literal to the walk
  if (ctx.target !== null) {
    const c = literalCandidate(text, f.start, close, ctx.target, "js-hardcoded-secret", testPath);
    if (c) out.push(c);
  }
  if (name) {
    const c = literalCandidate(text, f.start, close, name, "js-env-fallback-secret", testPath, `literal fallback for ${name}`);
    if (c) out.push(c);
  }
  return true;
}

/**
 * `const|let|var { A, B: b = "…", ...rest } = <source at at>`: one `destructure` read per top-level
 * property at its start (a rest element is `dynamic`), with `hasLiteralFallback` for a default that
 * starts with a quote, as the AST walk lists them.
 */
function destructuredReads(text: string, at: number, file: string, index: LineCursor, out: EnvReference[]): void {
  let i = at - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) !== 61 || "=!<>".includes(text[i - 1] ?? "")) return;
  i--;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) !== 125) return;
  const close = i;
  // Back to the pattern's `{` (strings inside a pattern are keys and defaults; braces in them are rare).
  let depth = 0;
  let open = -1;
  for (let k = close; k >= 0 && close - k < 20_000; k--) {
    const c = text.charCodeAt(k);
    if (c === 125) depth++;
    else if (c === 123 && --depth === 0) {
      open = k;
      break;
    }
  }
  if (open === -1 || !/(?:^|[^\w$])(?:const|let|var)\s*$/.test(text.slice(Math.max(0, open - 12), open))) return;
  // Top-level properties: split at commas outside brackets and strings.
  let start = open + 1;
  let level = 0;
  for (let k = open + 1; k <= close; k++) {
    const c = text.charCodeAt(k);
    if (c === 34 || c === 39 || c === 96) {
      // Past the closing quote, not an escaped one (`"a\"b"`), or every property after it is lost.
      let e = k + 1;
      while (e < close && text.charCodeAt(e) !== c) e += text.charCodeAt(e) === 92 ? 2 : 1;
      if (e >= close) break;
      k = e;
    } else if (c === 123 || c === 91 || c === 40) level++;
    else if ((c === 125 || c === 93 || c === 41) && k < close) level--;
    else if ((c === 44 && level === 0) || k === close) {
      property(text, start, k, file, index, out);
      start = k + 1;
    }
  }
}

const PROPERTY = /\s*(?:(\.\.\.)|([A-Za-z_$][\w$]*)|(["'])([^"'\n]*)\3|\[)/y;

function property(text: string, from: number, to: number, file: string, index: LineCursor, out: EnvReference[]): void {
  PROPERTY.lastIndex = from;
  const m = PROPERTY.exec(text);
  if (!m || PROPERTY.lastIndex > to) return; // an empty slot (trailing comma)
  // Where the property starts: its key, its `...`, its quote or its `[`.
  const key = m[1] ?? m[2] ?? (m[4] !== undefined ? `"${m[4]}"` : "[");
  const pos = index.position(PROPERTY.lastIndex - key.length);
  if (m[1] !== undefined) {
    out.push({ file, name: null, line: pos.line, column: pos.column, form: "dynamic" });
    return;
  }
  const ref: EnvReference = { file, name: m[2] ?? m[4] ?? null, line: pos.line, column: pos.column, form: "destructure" };
  // A default: the first `=` at this level (not inside a nested pattern `B: { C = "…" }`, whose default
  // is not B's) that is not `==` / `=>`, then a quote.
  let depth = m[0].endsWith("[") ? 1 : 0;
  for (let i = PROPERTY.lastIndex; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91 || c === 40) depth++;
    else if (c === 125 || c === 93 || c === 41) depth--;
    else if (c === 61 && depth === 0) {
      DEFAULT.lastIndex = i;
      const eq = DEFAULT.exec(text);
      if (eq && eq.index + eq[0].length <= to + 1 && eq[2] !== eq[1]) ref.hasLiteralFallback = true;
      break;
    }
  }
  out.push(ref);
}

const DEFAULT = /(?<![=!<>])=(?![=>])\s*\(*\s*(["'`])(.)/y;
