import type { EnvReference } from "./types.js";
import type { Candidate } from "./engine.js";
import { judge } from "./judge.js";
import { LineCursor } from "./positions.js";

// Environment reads found lexically, without a parser: `process.env.X`,
// `process.env["X"]`, `process.env[name]` (dynamic), `import.meta.env.X`, with
// a literal `?? "…"` / `|| "…"` fallback noted. Parsing every file that
// mentions `process.env.NODE_ENV` with Babel would cost far more than the rest
// of the scan, so the AST (js-scanner.ts) is used only for the forms that need
// it: destructuring, aliases and credential calls (see `needsAst`).
// Known limit of the lexical path: a `process.env.X` inside a comment or a
// string is reported too.

// Run at each occurrence of the two literals (found with indexOf): a global
// scan with a leading `\b` tries every position of the text.
const READ = /(process\.env|import\.meta\.env)(?:\.([A-Za-z_$][\w$]*)|\[[ \t]*(?:(["'`])([^"'`\n\]]*)\3|([^\]\n]{1,200}))[ \t]*\])?/y;
const FALLBACK = /^[ \t]*(?:\?\?|\|\|)[ \t\r\n]*(["'`])((?:\\.|(?!\1)[^\\\n]){0,2000})\1/;

/** Destructuring or aliasing of `process.env` / `import.meta.env`: only the AST reads these right. */
export const NEEDS_AST = /\}\s*=\s*(?:process\.env|import\.meta\.env)\b|=\s*(?:process\.env|import\.meta\.env)\s*(?:[;,)\n]|$)|\{\s*env\s*[,}:][^=;]{0,200}=\s*process\b/m;

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
    } else continue; // `process.env` itself, passed around: not a read of one variable
    const pos = index.position(m.index);
    const ref: EnvReference = { file, name, line: pos.line, column: pos.column, form };
    const fb = FALLBACK.exec(text.slice(end, end + 2100));
    if (fb) {
      ref.hasLiteralFallback = true;
      if (name) {
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
    }
    envReferences.push(ref);
  }
  return { envReferences, candidates };
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
