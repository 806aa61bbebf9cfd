import type { EnvReference } from "./types.js";
import type { Candidate } from "./engine.js";
import { judge } from "./judge.js";
import { LineCursor } from "./positions.js";
import { isSpaceCode } from "./char-codes.js";
import { envAliases } from "./env-aliases.js";
import { parseable } from "./js-scanner.js";

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

// Run at each occurrence of the two literals (found with indexOf): a global
// scan with a leading `\b` tries every position of the text.
const READ = /(process\.env|import\.meta\.env)(?:\.([A-Za-z_$][\w$]*)|\[[ \t]*(?:(["'`])([^"'`\n\]]*)\3|([^\]\n]{1,200}))[ \t]*\])?/y;
const FALLBACK = /^[ \t]*(?:\?\?|\|\|)[ \t\r\n]*(["'`])((?:\\.|(?!\1)[^\\\n]){0,2000})\1/;


/**
 * `found`: the keywords of the engine's pass over this text (rule-set.ts
 * ENGINE_KEYWORDS, case-folded), when there was one: a literal it did not see
 * is not searched for.
 */
export function lexicalEnvReferences(text: string, file: string, testPath: boolean, found?: ReadonlySet<string>): { envReferences: EnvReference[]; candidates: Candidate[] } {
  const envReferences: EnvReference[] = [];
  const candidates: Candidate[] = [];
  const index = new LineCursor(text);
  let p = found === undefined || found.has("process.env") ? text.indexOf("process.env") : -1;
  let q = found === undefined || found.has("import.meta.env") ? text.indexOf("import.meta.env") : -1;
  // The end of the previous read: an occurrence inside it (`process.env[process.env.KEY]`) is part of it.
  let end = 0;
  // Aliases and destructurings are listed where the AST would list them: in a text the scanner would
  // parse. Minified bundles (`var t=process.env`, then every `t.x`) are not read for them.
  const full = parseable(text);
  while (p !== -1 || q !== -1) {
    let at: number;
    if (q === -1 || (p !== -1 && p < q)) {
      at = p;
      p = text.indexOf("process.env", p + 11);
    } else {
      at = q;
      q = text.indexOf("import.meta.env", q + 15);
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
    fallback(text, end, ref, testPath, candidates);
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
      fallback(text, ALIAS_READ.lastIndex, ref, testPath, candidates);
      envReferences.push(ref);
    }
  }
  return { envReferences, candidates };
}

// After an alias's name: `.X`, `?.X`, `["X"]`, `?.["X"]`, `[name]` (dynamic).
const ALIAS_READ = /\s*(?:\??\.\s*([A-Za-z_$][\w$]*)|(?:\?\.)?\[[ \t]*(?:(["'`])([^"'`\n\]]*)\2|([^\]\n]{1,200}))[ \t]*\])/y;

/** A literal `?? "…"` / `|| "…"` after a read ending at `end`: noted on `ref`, and a candidate when judged a secret under the read's name. */
function fallback(text: string, end: number, ref: EnvReference, testPath: boolean, candidates: Candidate[]): void {
  const fb = FALLBACK.exec(text.slice(end, end + 2100));
  if (!fb) return;
  ref.hasLiteralFallback = true;
  const name = ref.name;
  if (!name) return;
  const raw = fb[2]!;
  const start = end + fb.index + fb[0].length - 1 - raw.length;
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

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
