import type { EnvReference } from "./types.js";
import type { Candidate } from "./engine.js";
import { judge } from "./judge.js";
import { LineIndex } from "./positions.js";

// Environment reads found lexically, without a parser: `process.env.X`,
// `process.env["X"]`, `process.env[name]` (dynamic), `import.meta.env.X`, with
// a literal `?? "…"` / `|| "…"` fallback noted. Parsing every file that
// mentions `process.env.NODE_ENV` with Babel would cost far more than the rest
// of the scan, so the AST (js-scanner.ts) is used only for the forms that need
// it: destructuring, aliases and credential calls (see `needsAst`).
// Known limit of the lexical path: a `process.env.X` inside a comment or a
// string is reported too.

const READ = /\b(process\.env|import\.meta\.env)(?:\.([A-Za-z_$][\w$]*)|\[[ \t]*(?:(["'`])([^"'`\n\]]*)\3|([^\]\n]{1,200}))[ \t]*\])?/g;
const FALLBACK = /^[ \t]*(?:\?\?|\|\|)[ \t\r\n]*(["'`])((?:\\.|(?!\1)[^\\\n]){0,2000})\1/;

/** Destructuring or aliasing of `process.env` / `import.meta.env`: only the AST reads these right. */
export const NEEDS_AST = /\}\s*=\s*(?:process\.env|import\.meta\.env)\b|=\s*(?:process\.env|import\.meta\.env)\s*(?:[;,)\n]|$)|\{\s*env\s*[,}:][^=;]{0,200}=\s*process\b/m;

export function lexicalEnvReferences(text: string, file: string, testPath: boolean): { envReferences: EnvReference[]; candidates: Candidate[] } {
  const envReferences: EnvReference[] = [];
  const candidates: Candidate[] = [];
  const index = new LineIndex(text);
  READ.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = READ.exec(text)) !== null) {
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
    const fb = FALLBACK.exec(text.slice(READ.lastIndex, READ.lastIndex + 2100));
    if (fb) {
      ref.hasLiteralFallback = true;
      if (name) {
        const raw = fb[2]!;
        const start = READ.lastIndex + fb.index + fb[0].length - 1 - raw.length;
        const j = judge(name, raw, "code", testPath);
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
