import type { BuiltinHit } from "./builtin-detector.js";
import { judge } from "./judge.js";
import { SDK_CALLS, type SdkCall } from "./sdk-call-table.js";

// Credentials passed by position to SDK calls whose parameter list names them (sdk-call-table.ts):
// `swell.init("store", "<secret key>")`, `GIS(url, "admin", "<password>")`, `new UsernamePasswordCredentials(
// "svc", "<password>")`. The argument list is read left to right, one argument at a time (string literals,
// and any other expression skipped to its comma at bracket depth 0), at most ARG_SPAN characters per call,
// so the cost is linear in the text. A keyword argument (`password=…`, Python) ends the positional ones.

/** A built-in detector's hit (builtin-detector.ts), always with the parameter's name. */
export type SdkArgumentHit = BuiltinHit & { name: string };

const ARG_SPAN = 600;
const compiled = new Map<SdkCall, RegExp>();

function callPattern(call: SdkCall): RegExp {
  let re = compiled.get(call);
  if (!re) compiled.set(call, (re = new RegExp(`(?:${call.callee})[ \\t]*\\(`, "g")));
  return re;
}

interface Literal {
  value: string;
  start: number;
}

/**
 * The call's arguments up to position `last` from the `(` at `open`: a string literal as its value, anything
 * else as null; shorter when the list ends (or a keyword argument starts) first.
 */
export function positionalArguments(text: string, open: number, last: number): Array<Literal | null> {
  const args: Array<Literal | null> = [];
  const limit = Math.min(text.length, open + ARG_SPAN);
  let i = open + 1;
  while (args.length <= last && i < limit) {
    i = skipBlanks(text, i, limit);
    const c = text.charCodeAt(i);
    if (c === 41 /* ) */) break;
    if (c === 34 || c === 39) {
      const close = closingQuote(text, i, limit);
      if (close === -1) break;
      let j = skipBlanks(text, close + 1, limit);
      // Java's `"…".toCharArray()` is still the literal.
      if (text.startsWith(".toCharArray()", j)) j = skipBlanks(text, j + 14, limit);
      // IdentityServer's `"…".Sha256()` hashes the literal when the program starts: the literal is the secret.
      else if (text.startsWith(".Sha256()", j) || text.startsWith(".Sha512()", j)) j = skipBlanks(text, j + 9, limit);
      j = skipComment(text, j, limit);
      const next = text.charCodeAt(j);
      if (next === 44 /* , */ || next === 41 /* ) */) {
        args.push({ value: text.slice(i + 1, close), start: i + 1 });
        if (next === 41) break;
        i = j + 1;
        continue;
      }
    } else if (KEYWORD_ARGUMENT.test(text.slice(i, i + 40))) break;
    // Any other expression (or a literal followed by more: `"a" + b`): skipped to its comma.
    const end = expressionEnd(text, i, limit);
    if (end === -1) break;
    args.push(null);
    if (text.charCodeAt(end) === 41) break;
    i = end + 1;
  }
  return args;
}

// `password=…` (Python keyword argument), `password: …` (Ruby keyword argument); not `==`.
const KEYWORD_ARGUMENT = /^[A-Za-z_]\w*[ \t]*(?:=(?!=)|:(?!:))/;

function skipBlanks(text: string, i: number, limit: number): number {
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  return i;
}

/** Past a `# …` or `// …` comment (and the blanks after it) at `i`, if one starts there. */
function skipComment(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i);
  if (c !== 35 && !(c === 47 && text.charCodeAt(i + 1) === 47)) return i;
  const nl = text.indexOf("\n", i);
  return nl === -1 || nl >= limit ? limit : skipBlanks(text, nl + 1, limit);
}

/** The closing quote of the one-line literal opening at `open` (backslash escapes skipped), or -1. */
function closingQuote(text: string, open: number, limit: number): number {
  const q = text.charCodeAt(open);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === q) return i;
    else if (c === 10) return -1;
  }
  return -1;
}

/** The `,` or `)` ending the expression starting at `i` (brackets and quotes skipped), or -1. */
function expressionEnd(text: string, i: number, limit: number): number {
  let depth = 0;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) {
      const close = closingQuote(text, i, limit);
      if (close === -1) return -1;
      i = close;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) return c === 41 ? i : -1;
      depth--;
    } else if (c === 44 && depth === 0) return i;
  }
  return -1;
}

// Interpolated text is not a literal value: `"${pw}"`, `"#{pw}"`, PHP/Perl `"$pw"`, `"{{ pw }}"`.
const INTERPOLATED = /\$\{|#\{|\{\{|\$[A-Za-z_]/;

/** Credentials given by position to the SDK calls whose marks the keyword pass saw (`found`, lower-case). */
export function sdkArguments(text: string, found: ReadonlySet<string>, testPath: boolean): SdkArgumentHit[] {
  const hits: SdkArgumentHit[] = [];
  for (const call of SDK_CALLS) {
    if (!found.has(call.mark)) continue;
    const re = callPattern(call);
    re.lastIndex = 0;
    const last = Math.max(...call.secrets);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const args = positionalArguments(text, m.index + m[0].length - 1, last);
      for (const at of call.secrets) {
        const lit = args[at];
        if (!lit || INTERPOLATED.test(lit.value)) continue;
        const j = judge(call.name, lit.value, "config", testPath, true);
        if (!j.secret) continue;
        hits.push({
          ruleId: "sdk-credential-argument",
          kind: j.kind ?? "password",
          secret: lit.value,
          start: lit.start,
          end: lit.start + lit.value.length,
          confidence: Math.min(0.85, j.confidence),
          reason: `${call.what}; ${j.reason}`,
          name: call.name,
        });
      }
    }
  }
  return hits;
}
