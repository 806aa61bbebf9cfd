import { loadBabelParser } from "./babel-parser.js";
import type { EnvReference, SecretKind } from "./types.js";
import type { FileInfo } from "./file-kind.js";
import type { Candidate } from "./engine.js";
import { judge } from "./judge.js";
import { literalCandidate } from "./literal-candidate.js";
import { analyzeName } from "./secret-name.js";
import { envAliases, envMayYieldCandidate } from "./env-aliases.js";
import { isProcessEnv as isProcessEnvNode, processModuleBindings } from "./process-env.js";
import { closingQuote, endsOperand, skipBlanks } from "./operand.js";
import { isIdentifierCode, isSpaceCode } from "./char-codes.js";
import { Occurrences } from "./occurrences.js";
import type { KeywordOffsets } from "./rule-set.js";

// JS/TS/JSX/TSX through @babel/parser (errorRecovery on, so a file with a
// syntax error still yields what can be read): secret literals with their
// context (variable, property, object key, class field, default parameter,
// `process.env.X ?? "literal"` fallbacks, header values, credential arguments
// of client constructors) and every environment read, which is what the code
// rewriter changes. The parser is loaded on first use with `require` so that
// the scan path stays synchronous and files that never need it never pay for it.

type Node = { type: string; start?: number | null; end?: number | null; loc?: { start: { line: number; column: number } } | null; [k: string]: unknown };
type Parse = (code: string, options: Record<string, unknown>) => { program: Node; errors?: unknown[] };

let parse: Parse | null = null;
function parser(): Parse {
  if (!parse) parse = loadBabelParser().parse as unknown as Parse;
  return parse;
}

export const AST_MAX_BYTES = 1_000_000;

// Credential arguments: constructors and factories of API clients given a
// string literal (`new Stripe("sk_…")`, `createClient("https://…", "eyJ…")`),
// credential setters given one (`sgMail.setApiKey("SG.…")`), and token signing.
// Only a literal argument is worth a parse: the AST adds nothing for
// `new S3Client(config)`, and options objects (`new OpenAI({ apiKey: "…" })`)
// are name = value pairs the generic detector already reads as text. Matching
// any `Client(` had most SDK sources parsed.
// Searched from the literal side: every `(` (found with indexOf, at memchr
// speed) followed by blanks and a quote, and only those look back at the
// callee's name (one alternation of a dozen names was 2-4× slower to search
// over whole files; the regex `\(\s*["'`]` was 2× slower than indexOf).
const CREDENTIAL_CALLEE_TAIL = /(?:Client|Stripe|Twilio|OpenAI|Anthropic|Octokit|SDK|Api|API|set(?:ApiKey|Token|AccessToken|Credentials|Auth)|[bB]asicAuth|(?:^|[^\w$])auth|(?:^|[^\w$])twilio|apiConnect|create(?:Hmac|Cipheriv|Decipheriv)|(?:bcrypt|argon2|password)\.hash(?:Sync)?|(?:^|[^\w$])btoa)\s*$/;
const WRAPPER_TAIL = /(?:JSON\.stringify|Buffer\.from|\.default|\.encode)\s*$/;
// The last three characters of every name the two tails above end in: most calls with a literal
// (`require("…")`, `t("…")`, `log("…")`) end otherwise and are passed over without a slice and a regex.
// Keep in step with the two regexes (js-scanner.test.ts checks each name below against them).
export const CALLEE_NAMES = [
  "Client", "Stripe", "Twilio", "OpenAI", "Anthropic", "Octokit", "SDK", "Api", "API", "setApiKey", "setToken", "setAccessToken",
  "setCredentials", "setAuth", "basicAuth", "BasicAuth", "auth", "twilio", "apiConnect", "createHmac", "createCipheriv",
  "createDecipheriv", "bcrypt.hash", "bcrypt.hashSync", "btoa", "JSON.stringify", "Buffer.from", "x.default", "x.encode",
];
const CALLEE_ENDS = new Set(CALLEE_NAMES.map((n) => suffixKey(n, n.length)));
/** The three characters before `end` as one small integer (7 bits each: a non-ASCII one makes a key no name has). */
function suffixKey(text: string, end: number): number {
  return ((text.charCodeAt(end - 3) & 0xff) << 16) | ((text.charCodeAt(end - 2) & 0xff) << 8) | (text.charCodeAt(end - 1) & 0xff);
}
const SECRET_WORD = /secret|token|passw|pwd|api_?key|apikey|private_?key|signing|encryption|credential|authori[sz]ation|Basic /i;
// Flags of command lines whose next argument is a credential (`execa("docker", ["login", "-u", u, "-p", "…"])`,
// `spawn("mysql", ["-p…"])` is not split this way). `-p` is a port for ssh/docker run: a port fails the shape test.
const ARGV_CREDENTIAL_FLAG = /^(?:-p|--password|--pass|--passphrase|--token|--api-key|--apikey|--secret|--client-secret|--access-token|--auth-token)$/;
export const ARGV_FLAG_MARKS = ['"-p"', "'-p'", '"--password"', "'--password'", '"--token"', "'--token'", '"--api-key"', "'--api-key'"];

/** The text from the start of `at`'s line to `at` (at most 200 characters). */
function lineBefore(text: string, at: number): string {
  const from = Math.max(text.lastIndexOf("\n", at - 1) + 1, at - 200);
  return text.slice(from, at);
}
const TOKEN_SIGNING = /(?:jwt|jose|jsonwebtoken)\.(?:sign|verify)\s*\(/;

function hasCredentialCall(text: string, found?: ReadonlySet<string>, covered?: ReadonlySet<number>): boolean {
  if (hasLiteralCall(text)) return true;
  // With `found`, only the marks the keyword pass saw (case-folded) are looked for with their case.
  for (const m of ARGV_FLAG_MARKS) if ((found?.has(m) ?? true) && text.includes(m)) return true;
  // `createCipheriv(ALGO, KEY, iv)` with `const KEY = Buffer.from("…")` elsewhere in the file.
  if (((found?.has("createcipheriv(") ?? true) && text.includes("createCipheriv(")) || ((found?.has("createdecipheriv(") ?? true) && text.includes("createDecipheriv("))) return true;
  // `const secret = opts.secret || "…"`, `token: Deno.env.get("T") ?? "…"` with a secret word before it.
  if (hasDefaultedLiteral(text, "||", covered) || hasDefaultedLiteral(text, "??", covered)) return true;
  // `JWT_SECRET: { type: "string", default: "…" }`, `SESSION_SECRET: str({ devDefault: "…" })`.
  if (hasSpecDefault(text)) return true;
  // `jwt.sign(payload, secret)`: the secret is the second argument. The engine's keyword
  // pass says whether a receiver name occurs at all (rule-set.ts ENGINE_KEYWORDS).
  if (found !== undefined && !found.has("jwt.") && !found.has("jose.") && !found.has("jsonwebtoken.")) return false;
  return TOKEN_SIGNING.test(text);
}

// The loops over every `(` and every `||`/`??` are functions of their own: the first big JS file
// makes V8 compile a running loop on the spot (on-stack replacement), and code after the loop that
// had never run was compiled without type feedback; in one function with the rest, that optimised
// code bailed out on the rest 3 times per corpus scan and was compiled again (--trace-deopt).

/** A call with a literal first argument whose callee (or a wrapper with a secret word before it on its line) names a credential. */
function hasLiteralCall(text: string): boolean {
  for (let at = text.indexOf("("); at !== -1; at = text.indexOf("(", at + 1)) {
    let j = at + 1;
    while (isSpaceCode(text.charCodeAt(j))) j++;
    const q = text.charCodeAt(j);
    if (q !== 34 && q !== 39 && q !== 96) continue;
    let e = at;
    while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e < 3 || !CALLEE_ENDS.has(suffixKey(text, e))) continue;
    const tail = text.slice(Math.max(0, at - 24), at);
    if (CREDENTIAL_CALLEE_TAIL.test(tail)) {
      if (!judgedOnlyArgument(text, e, j)) return true;
      continue;
    }
    // `__API_TOKEN__: JSON.stringify("…")`, `const key = Buffer.from("…", "hex")`, `.default("…")`:
    // only worth a parse when a secret word stands before the call on its line.
    if (WRAPPER_TAIL.test(tail) && SECRET_WORD.test(lineBefore(text, at))) return true;
  }
  return false;
}

/**
 * A call to a client constructor or credential setter (the walk's `CALLEE_CREDENTIAL`) whose callee ends at
 * `calleeEnd` and whose only argument is the string literal opening at `quote`, which the walk would judge
 * under `api_key` and which `judge` does not call a secret: the parse would draw nothing from it. Its other
 * call cases need a second argument (`headers.set(name, value)`) or other callees (crypto, hashing, `btoa`).
 * aws-sdk's `this.loadServiceApi('dynamodb')` was the corpus's one file parsed for a call.
 */
function judgedOnlyArgument(text: string, calleeEnd: number, quote: number): boolean {
  let s = calleeEnd;
  while (s > 0 && isIdentifierCode(text.charCodeAt(s - 1))) s--;
  if (!CALLEE_CREDENTIAL.test(text.slice(s, calleeEnd)) || text.charCodeAt(quote) === 96) return false;
  const close = closingQuote(text, quote, false);
  if (close === -1 || text.charCodeAt(skipBlanks(text, close + 1, false).at) !== 41) return false;
  // testPath false: the judge's more lenient answer (a test path only makes it call fewer values secrets).
  return !judge("api_key", text.slice(quote + 1, close), "code", false, true).secret;
}

/**
 * `op` (`||` or `??`) then a credential-shaped literal that is the whole right operand (what the AST
 * walk takes as a fallback: `valueOf`, the `LogicalExpression` case), with a secret word before it on its
 * line. Comments and parentheses may stand before the literal (`?? ("…" as string)`). `covered`: the
 * opening quotes of such literals the lexical reader makes the walk's candidates of (env-references.ts).
 */
function hasDefaultedLiteral(text: string, op: string, covered?: ReadonlySet<number>): boolean {
  for (let at = text.indexOf(op); at !== -1; at = text.indexOf(op, at + 2)) {
    const j = defaultedLiteralAt(text, at);
    if (j !== -1 && !(covered?.has(j) ?? false)) return true;
  }
  return false;
}

/**
 * A schema spec's `default: "…"` or `devDefault: "…"` key with a string literal of 8+ characters and a
 * secret word in the 300 characters before it (the setting's name opens the spec object, a few lines up
 * when the spec spans lines). The walk judges the literal under the setting's name (`specDefault`).
 */
function hasSpecDefault(text: string): boolean {
  // `fault` rather than `efault`: the search stops at each occurrence of its first character, and `e` is the
  // commonest letter of code (`fault` is 2-3x faster over the bench corpus's JavaScript; same occurrences).
  for (let f = text.indexOf("fault", 1); f !== -1; f = text.indexOf("fault", f + 5)) {
    if (text.charCodeAt(f - 1) !== 101) continue;
    const at = f - 1;
    const start = text.startsWith("devD", at - 4) ? at - 4 : text.charCodeAt(at - 1) === 100 ? at - 1 : -1;
    if (start < 0 || isIdentifierCode(text.charCodeAt(start - 1))) continue;
    let j = at + 6;
    if (text.charCodeAt(j) === 34 || text.charCodeAt(j) === 39) j++;
    j = skipBlanks(text, j, false).at;
    if (text.charCodeAt(j) !== 58) continue;
    const q = skipBlanks(text, j + 1, false).at;
    const c = text.charCodeAt(q);
    if (c !== 34 && c !== 39 && c !== 96) continue;
    const close = closingQuote(text, q, false);
    if (close === -1 || close - q - 1 < 8) continue;
    if (SECRET_WORD.test(text.slice(Math.max(0, start - 300), start))) return true;
  }
  return false;
}

/** The opening quote of the credential-shaped literal defaulted to by the `||`/`??` at `at` (see hasDefaultedLiteral), or -1. */
export function defaultedLiteralAt(text: string, at: number): number {
  const j = skipBlanks(text, at + 2, true).at;
  const q = text.charCodeAt(j);
  if (q !== 34 && q !== 39 && q !== 96) return -1;
  const close = closingQuote(text, j, true);
  if (close === -1 || close - j - 1 < 8 || !endsOperand(text, close)) return -1;
  return SECRET_WORD.test(lineBefore(text, at)) ? j : -1;
}
// Algolia's `liteClient(appId, searchApiKey)` (algoliasearch/lite) is the browser's search client: it takes only the
// search-only key, public by design (https://www.algolia.com/doc/libraries/javascript/v5/#the-lite-client).
const PUBLIC_KEY_CLIENT = /^liteClient$/;
const CALLEE_CREDENTIAL = /^(?:create\w*Client|\w*Client|Stripe|Twilio|twilio|OpenAI|Anthropic|Octokit|\w*SDK|\w*Api|\w*API|setApiKey|setToken|setAccessToken|setCredentials|setAuth|auth|basicAuth|apiConnect)$/;
// Key arguments of Node's crypto (`createHmac("sha256", key)`, `createCipheriv(alg, key, iv)`): the second.
const CRYPTO_KEY_CALLEE = /^create(?:Hmac|Cipheriv|Decipheriv)$/;
// A password hashed from a literal at startup (an admin seed): `bcrypt.hash("…", 10)`, `argon2.hash("…")`,
// `Bun.password.hash("…")` (https://bun.sh/docs/api/hashing#bun-password).
const PASSWORD_HASH_RECEIVER = /^(?:bcrypt|bcryptjs|argon2|password)$/;

/**
 * The cheap pre-check: is parsing this file worth it? Only when the walk can
 * produce a candidate: a literal default of a destructured environment or a
 * literal fallback of an alias's read (env-aliases.ts), a credential-shaped
 * literal that is the whole right operand of `||`/`??`, a credential call with
 * a literal. Every environment read, aliases and destructurings included, is
 * found lexically otherwise (env-references.ts). Big or minified files are
 * never parsed. `found`: the keywords of the engine's pass over this text,
 * when there was one.
 */
export function shouldParseJavaScript(text: string, found?: ReadonlySet<string>, covered?: ReadonlySet<number>): boolean {
  return parseable(text) && worthParsing(text, found, covered);
}

/**
 * shouldParseJavaScript for a text known to be `parseable`. `covered`: the fallbacks whose candidates the
 * lexical reader makes as the walk would (env-references.ts `exact`): not a reason to parse.
 */
export function worthParsing(text: string, found?: ReadonlySet<string>, covered?: ReadonlySet<number>, offsets?: KeywordOffsets): boolean {
  return (mayReadEnv(text, found, offsets) && envMayYieldCandidate(text)) || hasCredentialCall(text, found, covered);
}

/**
 * Whether the text mentions `process.env` or `import.meta.env`, or names the process module. With `found`
 * (the engine's keyword pass, rule-set.ts ENGINE_KEYWORDS, case-folded), a text
 * without either is not searched again; with `offsets` (that pass's offsets of the two literals), the
 * text is not searched at all.
 */
export function mayReadEnv(text: string, found?: ReadonlySet<string>, offsets?: KeywordOffsets): boolean {
  return (
    ((found?.has("process.env") ?? true) && new Occurrences(text, "process.env", offsets).next(0) !== -1) ||
    ((found?.has("import.meta.env") ?? true) && new Occurrences(text, "import.meta.env", offsets).next(0) !== -1) ||
    // `import { env } from "node:process"`, `require("process")`: process.env under another name (process-env.ts).
    ((found?.has('"process"') ?? true) && text.includes('"process"')) ||
    ((found?.has("'process'") ?? true) && text.includes("'process'")) ||
    ((found?.has("node:process") ?? true) && text.includes("node:process"))
  );
}

/**
 * Not too big, not minified: a text the scanner would parse if it held a candidate. Minified text is
 * scanned as text only. The line count goes first: it stops once the answer is known (a tenth of a
 * file of 40-character lines) and spares bundles the searches of the pre-check.
 */
export function parseable(text: string): boolean {
  return text.length <= AST_MAX_BYTES && !isMinified(text);
}

/** More than 400 characters per line on average; counts lines only until the answer is known. */
function isMinified(text: string): boolean {
  const needed = Math.ceil(text.length / 400) - 1; // newlines for an average of ≤ 400
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && n < needed; i = text.indexOf("\n", i + 1)) n++;
  return n < needed;
}

/** Decorators of both kinds: legacy (experimentalDecorators) and TypeScript 5's standard ones, whose `accessor` fields need their own plugin. */
const DECORATORS = ["decorators-legacy", "decoratorAutoAccessors"];

function pluginsFor(file: string): string[] {
  if (/\.tsx$/i.test(file)) return ["typescript", "jsx", ...DECORATORS];
  if (/\.[cm]?ts$/i.test(file)) return ["typescript", ...DECORATORS];
  return ["jsx", ...DECORATORS];
}

export interface JsScanResult {
  candidates: Candidate[];
  envReferences: EnvReference[];
}

export function scanJavaScript(text: string, file: string, info: FileInfo): JsScanResult | null {
  let program: Node;
  try {
    program = parser()(text, {
      sourceType: "unambiguous",
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowUndeclaredExports: true,
      plugins: pluginsFor(file),
      tokens: false,
      // Comments are not read (walk skips them): not attaching them to nodes saves ~7% of a parse,
      // which runs cold in a scan (a few files per run: ~0.37 CPU-s for the corpus's 5, 360 K characters).
      attachComment: false,
    }).program;
  } catch {
    return null; // unrecoverable syntax: the text detectors still run
  }
  const candidates: Candidate[] = [];
  const envReferences: EnvReference[] = [];
  // Aliases (`const env = process.env`, `const { env } = process`) come first, so that one walk sees them wherever they are used.
  // The process module's bindings too (`import { env } from "node:process"`, `import proc from "process"`,
  // `const { env } = require("process")`): process.env as the rewriter reaches it (process-env.ts).
  const reach = processModuleBindings(program);
  const lexicalAliases = envAliases(text);
  const aliases: ReadonlySet<string> = reach.envs.size === 0 ? lexicalAliases : new Set([...lexicalAliases, ...reach.envs]);
  const isProcessEnv = (n: Node | null | undefined) => isProcessEnvNode(n, reach);
  const fallbackRefs = new Set<EnvReference>();
  const constants = new Map<string, Node>();
  const keyArgs: Array<{ name: string; callee: string }> = [];

  const literal = (n: unknown): { start: number; end: number; raw: string } | null => {
    const node = n as Node | null;
    if (!node || typeof node !== "object") return null;
    if (node.type === "StringLiteral" || (node.type === "TemplateLiteral" && (node.expressions as unknown[]).length === 0)) {
      const start = (node.start ?? 0) + 1;
      const end = (node.end ?? 0) - 1;
      if (end <= start) return null;
      return { start, end, raw: text.slice(start, end) };
    }
    if (node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression" || node.type === "TSNonNullExpression") return literal(node.expression);
    // A schema's spec of the setting: `JWT_SECRET: { type: "string", default: "…" }` (JSON schema for
    // @fastify/env, ajv, env-schema, convict), the default literal is the value the app runs on.
    if (node.type === "ObjectExpression") return specDefault(node);
    // The literal inside a wrapper that keeps its value: `JSON.stringify("…")` (Vite `define`, webpack
    // DefinePlugin), `Buffer.from("…", "hex")`, `new TextEncoder().encode("…")`, `String("…")`, and the
    // `.default("…")` of a schema chain (`z.string().default("…")`, Joi, yup, convict).
    if (node.type === "CallExpression") {
      const callee = node.callee as Node;
      const args = node.arguments as Node[];
      if (args.length === 0) return callee.type === "MemberExpression" ? chainDefault(callee.object as Node) : null;
      const name = calleeName(callee);
      const object = callee.type === "MemberExpression" ? calleeName(callee.object as Node) : "";
      if (
        (name === "stringify" && object === "JSON") ||
        (name === "from" && object === "Buffer") ||
        (name === "encode" && (callee.object as Node | undefined)?.type === "NewExpression") ||
        (name === "String" && callee.type === "Identifier") ||
        (name === "default" && callee.type === "MemberExpression" && args.length === 1)
      ) {
        return literal(args[0]);
      }
      // A validator given its spec (envalid's `str({ devDefault: "…" })`, `url({ default: "…" })`).
      if (args.length === 1 && args[0]!.type === "ObjectExpression") return specDefault(args[0]!);
      // A schema chain that goes on after its default (`Joi.string().default("…").description("…")`,
      // `z.string().default("…").describe("…")`): the default's literal, never another method's argument.
      return callee.type === "MemberExpression" ? chainDefault(callee.object as Node) : null;
    }
    return null;
  };
  /** The literal of a spec object's `default` or `devDefault` (envalid's default outside production); never another key's. */
  const specDefault = (node: Node): ReturnType<typeof literal> => {
    for (const p of node.properties as Node[]) {
      if (p.type !== "ObjectProperty" || p.computed === true) continue;
      const key = keyName(p.key as Node);
      if (key === "default" || key === "devDefault") return literal(p.value);
    }
    return null;
  };
  const chainDefault = (node: Node | undefined): ReturnType<typeof literal> => {
    for (let n = node; n && n.type === "CallExpression"; ) {
      const callee = n.callee as Node;
      if (callee.type !== "MemberExpression") return null;
      const args = n.arguments as Node[];
      if (calleeName(callee) === "default") return args.length === 1 ? literal(args[0]) : null;
      n = callee.object as Node;
    }
    return null;
  };
  // `x ?? "…"` / `x || "…"`: the literal the name falls back to (`const token = opts.token || "…"`,
  // `secret: Deno.env.get("S") ?? "…"`); the literal itself otherwise.
  const valueOf = (n: unknown): unknown => {
    const node = n as Node | null;
    if (node && node.type === "LogicalExpression" && (node.operator === "??" || node.operator === "||")) return node.right;
    return n;
  };

  const add = (name: string, n: unknown, ruleId: string, why?: string): void => {
    const lit = literal(n);
    if (!lit) return;
    const c = literalCandidate(text, lit.start, lit.end, name, ruleId, info.testPath, why);
    if (c) candidates.push(c);
  };

  const envRef = (node: Node): EnvReference | null => {
    if (node.type !== "MemberExpression" && node.type !== "OptionalMemberExpression") return null;
    const obj = node.object as Node;
    const prop = node.property as Node;
    const computed = node.computed === true;
    let form: EnvReference["form"] | null = null;
    if (isProcessEnv(obj)) form = "member";
    else if (isImportMetaEnv(obj)) form = "import-meta";
    else if (obj.type === "Identifier" && aliases.has(obj.name as string)) form = "alias";
    if (!form) return null;
    let name: string | null = null;
    if (!computed && prop.type === "Identifier") name = prop.name as string;
    else if (computed && prop.type === "StringLiteral") {
      name = prop.value as string;
      if (form === "member") form = "computed";
    } else if (computed) {
      if (prop.type === "TemplateLiteral" && (prop.expressions as unknown[]).length === 0) {
        name = ((prop.quasis as Node[])[0]!.value as { cooked: string }).cooked;
        if (form === "member") form = "computed";
      } else form = "dynamic";
    }
    const loc = node.loc!.start;
    return { file, name, line: loc.line, column: loc.column + 1, form };
  };

  walk(program, (node) => {
    switch (node.type) {
      case "MemberExpression":
      case "OptionalMemberExpression": {
        const ref = envRef(node);
        if (ref) envReferences.push(ref);
        return;
      }
      case "VariableDeclarator": {
        const id = node.id as Node;
        const init = node.init as Node | null;
        if (id.type === "Identifier") {
          add(id.name as string, valueOf(init), "js-hardcoded-secret");
          if (init) constants.set(id.name as string, init);
        }
        if (id.type === "ObjectPattern" && init && (isProcessEnv(init) || isImportMetaEnv(init) || (init.type === "Identifier" && aliases.has(init.name as string)))) {
          for (const p of id.properties as Node[]) {
            if (p.type !== "ObjectProperty") {
              const loc = p.loc!.start;
              envReferences.push({ file, name: null, line: loc.line, column: loc.column + 1, form: "dynamic" });
              continue;
            }
            const name = keyName(p.key as Node);
            const loc = p.loc!.start;
            const value = p.value as Node;
            const ref: EnvReference = { file, name, line: loc.line, column: loc.column + 1, form: "destructure" };
            if (value.type === "AssignmentPattern") {
              const lit = literal(value.right);
              if (lit) {
                ref.hasLiteralFallback = true;
                if (name) add(name, value.right, "js-env-fallback-secret", `literal default of ${name} read from the environment`);
              }
            }
            envReferences.push(ref);
          }
        }
        return;
      }
      case "AssignmentExpression": {
        const name = targetName(node.left as Node);
        if (name) add(name, valueOf(node.right), "js-hardcoded-secret");
        return;
      }
      case "ObjectProperty":
      case "ClassProperty":
      case "ClassPrivateProperty":
      case "PropertyDefinition": {
        if (node.computed === true && (node.key as Node).type !== "StringLiteral") return;
        const name = keyName(node.key as Node);
        if (name) add(name, valueOf(node.value), "js-hardcoded-secret");
        return;
      }
      case "AssignmentPattern": {
        const left = node.left as Node;
        if (left.type === "Identifier") add(left.name as string, node.right, "js-hardcoded-secret");
        return;
      }
      case "LogicalExpression": {
        if (node.operator !== "??" && node.operator !== "||") return;
        const left = node.left as Node;
        const ref = envRef(left);
        if (ref && literal(node.right)) {
          fallbackRefs.add(ref);
          // The variable's name says what it is; a dynamic read (`process.env[k] || "…"`) has none to judge by.
          if (ref.name) add(ref.name, node.right, "js-env-fallback-secret", `literal fallback for ${ref.name}`);
        }
        return;
      }
      case "ArrayExpression": {
        const items = node.elements as Array<Node | null>;
        for (let i = 0; i + 1 < items.length; i++) {
          const flag = items[i];
          if (flag?.type !== "StringLiteral" || !ARGV_CREDENTIAL_FLAG.test(flag.value as string)) continue;
          const f = flag.value as string;
          const name = f === "-p" || f.startsWith("--pass") ? "password" : f.includes("key") ? "api_key" : f.includes("secret") ? "client_secret" : "auth_token";
          add(name, items[i + 1], "js-hardcoded-secret", `argument after ${f} in a command line`);
        }
        return;
      }
      case "CallExpression":
      case "NewExpression": {
        const args = node.arguments as Node[];
        const callee = calleeName(node.callee as Node);
        // `btoa("user:…")`, `Buffer.from("user:…").toString("base64")`: a Basic credential being encoded.
        const bufferFrom = callee === "from" && (node.callee as Node).type === "MemberExpression" && calleeName((node.callee as Node).object as Node) === "Buffer";
        if ((callee === "btoa" || bufferFrom) && args[0]) {
          const lit = literal(args[0]);
          const colon = lit ? lit.raw.indexOf(":") : -1;
          const encoded = callee === "btoa" || /^\s*\.toString\(\s*["'`]base64["'`]\s*\)/.test(text.slice(node.end ?? 0, (node.end ?? 0) + 40));
          if (lit && encoded && colon > 0 && /^[\w.@+-]{1,64}$/.test(lit.raw.slice(0, colon)) && !lit.raw.includes("//")) {
            const password = lit.raw.slice(colon + 1);
            const j = judge("password", password, "code", info.testPath, true);
            if (j.secret) {
              candidates.push({
                ruleId: "js-hardcoded-secret",
                kind: "password",
                severity: "high",
                confidence: Math.min(0.97, j.confidence + 0.03),
                reason: `user:password literal encoded for a Basic Authorization header; ${j.reason}`,
                secret: password,
                start: lit.start + colon + 1,
                end: lit.end,
                name: "password",
                priority: 1.5,
              });
            }
          }
        }
        // `headers.set("Authorization", "Bearer …")`, `define("DB_PASSWORD", "…")`, `getenv("X", "default")`.
        if (args.length >= 2 && args[0]!.type === "StringLiteral") {
          const n = args[0]!.value as string;
          if (/^[\w.-]{2,80}$/.test(n) && analyzeName(n).strength !== "none") add(n, args[1], "js-hardcoded-secret", `argument of ${callee || "a call"}`);
        }
        if (callee === "sign" || callee === "verify") {
          // jsonwebtoken's `jwt.sign(payload, secret)` / `jwt.verify(token, secret)`: the second argument.
          const obj = (node.callee as Node).type === "MemberExpression" ? calleeName((node.callee as Node).object as Node) : "";
          if (/^(?:jwt|jsonwebtoken|jose|JWT)$/.test(obj) && args[1]) add("jwt_secret", args[1], "js-hardcoded-secret", `signing secret passed to ${obj}.${callee}()`);
        } else if (CRYPTO_KEY_CALLEE.test(callee)) {
          if (args[1]?.type === "Identifier") keyArgs.push({ name: args[1].name as string, callee });
          else if (args[1]) add("secret_key", args[1], "js-hardcoded-secret", `key argument of ${callee}()`);
        } else if ((callee === "hash" || callee === "hashSync") && (node.callee as Node).type === "MemberExpression") {
          const obj = calleeName((node.callee as Node).object as Node);
          if (PASSWORD_HASH_RECEIVER.test(obj) && args[0]) add("password", args[0], "js-hardcoded-secret", `password hashed by ${obj}.${callee}()`);
        } else if (callee && CALLEE_CREDENTIAL.test(callee) && !PUBLIC_KEY_CLIENT.test(callee)) {
          for (const a of args) {
            if (a.type === "StringLiteral") add("api_key", a, "js-hardcoded-secret", `credential argument of ${callee}()`);
          }
        }
        return;
      }
    }
  });

  // `const KEY = Buffer.from("…", "hex")` … `createCipheriv(ALGO, KEY, iv)`: the name says nothing, its use
  // says it is a key. Followed one step, within the file.
  for (const k of keyArgs) {
    const init = constants.get(k.name);
    if (init) add("secret_key", init, "js-hardcoded-secret", `${k.name} is the key argument of ${k.callee}()`);
  }

  // Mark fallbacks on the references the rewriter sees (same node, same position).
  for (const f of fallbackRefs) {
    const same = envReferences.find((r) => r.line === f.line && r.column === f.column && r.name === f.name);
    if (same) same.hasLiteralFallback = true;
  }
  return { candidates, envReferences };
}

function isImportMetaEnv(n: Node | null | undefined): boolean {
  if (!n || n.type !== "MemberExpression") return false;
  const o = n.object as Node;
  const p = n.property as Node;
  return o.type === "MetaProperty" && p.type === "Identifier" && p.name === "env";
}

function keyName(k: Node): string | null {
  if (k.type === "Identifier") return k.name as string;
  if (k.type === "StringLiteral") return k.value as string;
  if (k.type === "PrivateName") return ((k.id as Node).name as string) ?? null;
  return null;
}

function targetName(n: Node): string | null {
  if (n.type === "Identifier") return n.name as string;
  if ((n.type === "MemberExpression" || n.type === "OptionalMemberExpression")) {
    const p = n.property as Node;
    if (n.computed !== true && p.type === "Identifier") return p.name as string;
    if (p.type === "StringLiteral") return p.value as string;
  }
  return null;
}

function calleeName(n: Node): string {
  if (n.type === "Identifier") return n.name as string;
  if (n.type === "MemberExpression" && (n.property as Node).type === "Identifier") return (n.property as Node).name as string;
  return "";
}

/**
 * Depth-first walk over every node but the leaves and comments (iterative: deep ASTs must not overflow
 * the stack). Children are read from Object.values in key order, the order of `for … in`, without a
 * keyed property load per key (the positions, `loc` and `extra` are not nodes: no `type`). Leaves hold
 * no other node (literals, identifiers without a type annotation or decorators) and no case of the
 * scanner's visitor reads them: half of an AST. Walking the 27 ASTs the corpus parses (210,000 nodes):
 * 97-129 -> 31-33 ms.
 */
function walk(root: Node, visit: (n: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const values = Object.values(node);
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (v === null || typeof v !== "object") continue;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const c = v[i] as Node | null;
          if (c && typeof c === "object" && typeof c.type === "string" && !isLeaf(c)) stack.push(c);
        }
      } else if (typeof (v as Node).type === "string" && !isLeaf(v as Node)) stack.push(v as Node);
    }
  }
}

/** Nothing to walk into or to read: Babel's literals, comments, and identifiers without a type annotation or decorators. */
function isLeaf(n: Node): boolean {
  switch (n.type) {
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
    case "NullLiteral":
    case "RegExpLiteral":
    case "BigIntLiteral":
    case "TemplateElement":
    case "DirectiveLiteral":
    case "ThisExpression":
    case "Super":
    case "CommentLine":
    case "CommentBlock":
      return true;
    case "Identifier":
      return n.typeAnnotation == null && n.decorators == null;
    default:
      return false;
  }
}
