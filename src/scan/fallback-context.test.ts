import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { scanJavaScript, shouldParseJavaScript, worthParsing } from "./js-scanner.js";
import { lexicalEnvReferences } from "./env-references.js";
import { fileInfo } from "./file-kind.js";

// The lexical reader makes the AST walk's candidates of an environment fallback
// (`const dbPassword = process.env.DB_PASSWORD || "…"`) so that a file holding
// nothing else worth a parse is not parsed. Differential: for every shape, the
// walk's candidates and the reader's are the same, and the engine's findings
// with and without a parse are the same.

const TOKEN = ["Zx8Qp2Lm", "9Rt4Vb7N", "c1Kd"].join("");
const PW = ["Pa55", "w0rdX9", "q!"].join("");
const VALUES = [TOKEN, PW, `Bearer ${TOKEN}`, "changeme-please"];

// `§` stands for the literal's characters. `lexical`: the file is no longer parsed for it.
const SHAPES: Array<{ text: string; lexical: boolean }> = [
  { text: `const dbPassword = process.env.DB_PASSWORD || "§";`, lexical: true },
  { text: `let apiToken = process.env.API_TOKEN ?? '§'`, lexical: true },
  { text: "var secret = process.env[\"APP_SECRET\"] || `§`;", lexical: true },
  { text: "const secret = process.env[`APP_SECRET`] || '§';\nnext();", lexical: true },
  { text: `const key = import.meta.env.VITE_API_KEY ?? "§";`, lexical: true },
  { text: `config.password = process.env.DB_PASSWORD || "§";`, lexical: true },
  { text: `class A {\n  constructor() {\n    this.apiKey = process.env.API_KEY || "§";\n  }\n}`, lexical: true },
  { text: `export default { password: process.env.DB_PASSWORD || "§", other: 1 };`, lexical: true },
  { text: `const o = {\n  "api-key": process.env.API_KEY || "§",\n  'x-auth-token': process.env.AUTH_TOKEN ?? "§",\n};`, lexical: true },
  { text: `const token =\n  process.env.GITHUB_TOKEN || "§";\nnext();`, lexical: true },
  { text: `const secret = (process.env.SECRET || "§");`, lexical: true },
  { text: `const secret = ((process.env.SECRET || "§"));`, lexical: true },
  { text: `const authToken = cond ? process.env.AUTH_TOKEN || "§" : null;`, lexical: true },
  { text: `const secret = a ? b : process.env.APP_SECRET || "§";`, lexical: true },
  { text: `const secret = a ? process.env.APP_SECRET || "§" : process.env.OTHER_SECRET ?? "§";`, lexical: true },
  { text: `headers.set("Authorization", process.env.AUTHORIZATION || "§");`, lexical: true },
  { text: `const authorization = process.env.AUTH_HEADER || "§";`, lexical: true },
  { text: `fn(process.env.API_SECRET || "§");`, lexical: true },
  { text: `function f() {\n  return process.env.SESSION_SECRET || "§";\n}`, lexical: true },
  { text: `opts.token ||= process.env.API_TOKEN || "§";`, lexical: true },
  { text: `class Config {\n  apiSecret = process.env.API_SECRET || "§";\n  dbPassword = process.env.DB_PASSWORD || "§"\n}`, lexical: true },
  { text: `class Config {\n  private readonly apiSecret: string = process.env.API_SECRET || "§";\n}`, lexical: true },
  { text: `const dbPassword: string = process.env.DB_PASSWORD ?? "§";`, lexical: true },
  { text: `const password = process.env.DB_PASSWORD || "§" || other;`, lexical: true },
  { text: `const cfg = { db: { password: process.env.DB_PASSWORD || "§" } };`, lexical: true },
  { text: `module.exports = {\n  secret: process.env.JWT_SECRET || "§",\n  port: process.env.PORT || "3000",\n  name: process.env.NAME || "it\\"s",\n};`, lexical: true },
  { text: `if (x) { process.env.DB_PASSWORD || "§"; }\nconst apiKey = process.env.API_KEY || "§"; // dev default`, lexical: true },
  { text: `const apiKey = process.env.API_KEY || "§";\nconst u = process.env.URL + process.env.X_TOKEN || "https://example.com/tokenish";`, lexical: false },
  // Forms the reader leaves to the parse: what it cannot tell for sure.
  { text: `const a = process.env.A || process.env.B_SECRET || "§";`, lexical: false },
  { text: `const password = process.env.DB_PASSWORD || "§" as string;`, lexical: false },
  { text: `const password = process.env.DB_PASSWORD || /* dev */ "§";`, lexical: false },
  { text: `const password = (process.env.DB_PASSWORD) || "§";`, lexical: false },
  { text: `const password = process.env?.DB_PASSWORD || "§";`, lexical: false },
  { text: `const password = process.env.DB_PASSWORD\n  || "§";`, lexical: false },
  { text: `if (a == process.env.DB_PASSWORD || "§") {}`, lexical: false },
  { text: `const { password = process.env.DB_PASSWORD || "§" } = opts;`, lexical: false },
  { text: `function f(password = process.env.DB_PASSWORD || "§") {}`, lexical: false },
  { text: `const x = 1, password = process.env.DB_PASSWORD || "§";`, lexical: false },
  { text: `enum Secrets { Password = process.env.DB_PASSWORD || "§" }`, lexical: false },
  { text: `const password = await process.env.DB_PASSWORD || "§";`, lexical: false },
  { text: `const password = a && process.env.DB_PASSWORD || "§";`, lexical: false },
  { text: `const apiKey = process.env.API_KEY || "§";\nprocess.env.API_TOKEN ??= "§";`, lexical: false },
  { text: `// const password = process.env.DB_PASSWORD || "§";\nconst apiKey = process.env.API_KEY || "§";`, lexical: false },
  { text: `/* const password = process.env.DB_PASSWORD || "§"; */`, lexical: false },
  { text: "const doc = `\nconst password = process.env.DB_PASSWORD || \"§\";\n`;", lexical: false },
  { text: `const s = "const password = process.env.DB_PASSWORD || '§'";`, lexical: false },
  { text: `const env = process.env;\nconst secret = env.APP_SECRET || "§";`, lexical: false },
  { text: `const { API_KEY = "§" } = process.env;`, lexical: false },
];

test("an environment fallback read without a parse: the walk's candidates, the same findings", () => {
  const file = "src/config.ts";
  let lexical = 0;
  for (const shape of SHAPES) {
    for (const value of VALUES) {
      const text = shape.text.replaceAll("§", value);
      const label = JSON.stringify(text);
      const reads = lexicalEnvReferences(text, file, false);
      const ast = scanJavaScript(text, file, fileInfo(file))!.candidates;
      // Whatever the reader makes, the walk makes. The walk's order is not the text's (a stack); dedupe keeps
      // the first of equal candidates for the same span, so only the order within a span counts (a stable sort).
      const byStart = (list: typeof ast) => [...list].sort((a, b) => a.start - b.start);
      if (reads.exact) assert.deepEqual(byStart(reads.exact.candidates), byStart(ast), label);
      // Of the files parsed before (a credential-shaped literal: no blank, 8+ characters), those not parsed now;
      // the others are read as before.
      if (shouldParseJavaScript(text)) {
        // A parse, and none: a trailing credential call with a literal too short to be judged forces one.
        const parsed = scanText({ text: `${text}\nnew OpenAI("x");`, file }, { rules: [] });
        const engine = scanText({ text: `${text}\nnew OpenAI(x);`, file }, { rules: [] });
        assert.ok(shouldParseJavaScript(`${text}\nnew OpenAI("x");`), label);
        assert.deepEqual(engine.findings, parsed.findings, label);
        const skipped = !worthParsing(text, undefined, reads.exact?.covered);
        assert.equal(skipped, shape.lexical, `${label}: ${shape.lexical ? "still parsed" : "not parsed"}`);
        if (skipped) lexical++;
      }
    }
  }
  assert.ok(lexical >= 80, `${lexical} shapes read without a parse`);
});

test("the fallbacks' candidates are found without a parse: the declarator's name and the variable read", () => {
  const text = `const dbPassword = process.env.DB_PASSWORD || "${PW}";\nconst auth = { authorization: process.env.AUTH || "Bearer ${TOKEN}" };`;
  const reads = lexicalEnvReferences(text, "src/db.js", false);
  assert.equal(worthParsing(text, undefined, reads.exact?.covered), false);
  assert.deepEqual(
    reads.exact!.candidates.map((c) => `${c.ruleId}:${c.name}:${text.slice(c.start, c.end)}`),
    [`js-hardcoded-secret:dbPassword:${PW}`, `js-env-fallback-secret:DB_PASSWORD:${PW}`, `authorization-header:authorization:${TOKEN}`, `js-env-fallback-secret:AUTH:${TOKEN}`],
  );
  const { findings } = scanText({ text, file: "src/db.js" }, { rules: [] });
  assert.deepEqual(findings.map((f) => `${f.ruleId}:${f.line}`), ["js-hardcoded-secret:1", "authorization-header:2"]);
});

test("a file with very many fallbacks is parsed rather than each one's context read", () => {
  const many = Array.from({ length: 70 }, (_, i) => `const v${i} = process.env.V${i} || "default-${i}";`).join("\n");
  const text = `${many}\nconst dbPassword = process.env.DB_PASSWORD || "${PW}";`;
  const reads = lexicalEnvReferences(text, "src/a.js", false);
  assert.equal(reads.exact, undefined);
  assert.equal(worthParsing(text), true);
  // Fewer: read without a parse.
  const few = `${many.split("\n").slice(0, 60).join("\n")}\nconst dbPassword = process.env.DB_PASSWORD || "${PW}";`;
  assert.equal(worthParsing(few, undefined, lexicalEnvReferences(few, "src/a.js", false).exact?.covered), false);
});

// Counter-examples (review revjs): shapes of real code where the reader answered with candidates the walk
// does not make. Wherever the reader answers, its candidates are the walk's; declining is always allowed.
const COUNTER: string[] = [
  // A regex literal holding a quote flips the line's quote reading: the read below sits in a comment.
  `const ok = /"/.test(a) // it"s; process.env.API_KEY || '§';\nconst apiKey = process.env.API_KEY || "§";`,
  `const re = /"/; const s = "x; process.env.API_KEY || '§';";\nconst apiKey = process.env.API_KEY || "§";`,
  // A string continued over a line end: the line starts inside it.
  `const s = "abc\\\nx; process.env.API_KEY || '§';";\nconst apiKey = process.env.API_KEY || "§";`,
  `const s = "abc\\\r\nx; process.env.API_KEY || '§';";\r\nconst apiKey = process.env.API_KEY || "§";`,
  // Keys and names the walk reads but the reader cannot spell: a unicode escape, a non-ASCII letter.
  `const o = { api\\u004bey: process.env.API_KEY || "§" };`,
  `const o = { \\u{61}piKey: process.env.API_KEY || "§" };`,
  `const o = { apiKeyé: process.env.API_KEY || "§" };`,
  `const o = { éapiKey: process.env.API_KEY || "§" };`,
  `const ap\\u{69}Key = process.env.API_KEY || "§";`,
  `class A { ap\\u{69}Key = process.env.API_KEY || "§" }`,
  // A label in a block is no property.
  `function f() { apiKey: process.env.API_KEY || "§"; }`,
  `if (a) { apiKey: process.env.API_KEY || "§"; }`,
  `{ apiKey: process.env.API_KEY || "§"; }`,
  `const f = () => { apiKey: process.env.API_KEY || "§"; };`,
  // A qualified type annotation is no member assignment.
  `const secret: jwt.Secret = process.env.JWT_SECRET || "§";`,
  `const apiKey: Foo.Bar = process.env.API_KEY || "§";`,
  `class A { private secret: jwt.Secret = process.env.JWT_SECRET || "§"; }`,
];

test("counter-examples: where the reader answers, its candidates are the walk's", () => {
  const file = "src/config.ts";
  for (const shape of COUNTER) {
    for (const value of VALUES) {
      const text = shape.replaceAll("§", value);
      const reads = lexicalEnvReferences(text, file, false);
      const ast = scanJavaScript(text, file, fileInfo(file))!.candidates;
      const byStart = (list: typeof ast) => [...list].sort((a, b) => a.start - b.start);
      if (reads.exact) assert.deepEqual(byStart(reads.exact.candidates), byStart(ast), JSON.stringify(text));
    }
  }
});
