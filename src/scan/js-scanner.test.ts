import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { ARGV_FLAG_MARKS, CALLEE_NAMES, scanJavaScript, shouldParseJavaScript } from "./js-scanner.js";
import { fileInfo } from "./file-kind.js";
import { allRules, compileRuleSet, ENGINE_KEYWORDS, scanKeywords } from "./rule-set.js";

const TOKEN = ["Zx8Qp2Lm", "9Rt4Vb7N", "c1Kd"].join("");
const PW = ["Pa55", "w0rdX9", "q!"].join("");

function scan(file: string, text: string) {
  return scanText({ text, file }, { rules: [] });
}

test("environment reads: member, computed, destructure (with defaults), alias, import.meta, dynamic", () => {
  const text = [
    `const a = process.env.API_URL;`,
    `const b = process.env["DB_URL"];`,
    `const { PORT, HOST: host = "0.0.0.0" } = process.env;`,
    `const env = process.env;`,
    `const c = env.REDIS_URL;`,
    `const d = import.meta.env.VITE_API_URL;`,
    `const e = (name) => process.env[name];`,
  ].join("\n");
  const refs = scan("src/config.ts", text).envReferences.map((r) => `${r.form}:${r.name}@${r.line}`);
  assert.deepEqual(refs.sort(), ["alias:REDIS_URL@5", "computed:DB_URL@2", "destructure:HOST@3", "destructure:PORT@3", "dynamic:null@7", "import-meta:VITE_API_URL@6", "member:API_URL@1"].sort());
  const host = scan("src/config.ts", text).envReferences.find((r) => r.name === "HOST");
  assert.equal(host?.hasLiteralFallback, true);
});

test("TypeScript 5 accessor fields with standard decorators: the class parses and its reads are listed", () => {
  const text = `export class Cfg {\n  @fromEnv("A") accessor a = "";\n  accessor b = process.env.B_TOKEN;\n  static c = process.env.C_KEY satisfies string | undefined;\n}\n`;
  const refs = scanJavaScript(text, "src/cfg.ts", fileInfo("src/cfg.ts"))!.envReferences.map((r) => `${r.form}:${r.name}@${r.line}`);
  assert.deepEqual(refs.sort(), ["member:B_TOKEN@3", "member:C_KEY@4"]);
});

test("plain reads without a parse: positions and fallbacks", () => {
  const text = `const port = process.env.PORT || "3000";\nconst u = import.meta.env.VITE_X;\n`;
  const refs = scan("src/a.js", text).envReferences;
  assert.deepEqual(refs.map((r) => [r.name, r.line, r.column, r.hasLiteralFallback ?? false]), [["PORT", 1, 14, true], ["VITE_X", 2, 11, false]]);
});

test("literal fallbacks of secret variables are findings; of config are not", () => {
  const text = `const key = process.env.API_TOKEN ?? "${TOKEN}";\nconst port = process.env.PORT ?? "3000";\n`;
  const { findings } = scan("src/a.ts", text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.ruleId, "js-env-fallback-secret");
  assert.equal(findings[0]!.name, "API_TOKEN");
  assert.equal(text.slice(findings[0]!.start, findings[0]!.end), TOKEN);
});

test("process.env reached as the rewriter reaches it: the process module's env export, default and namespace imports, require(\"process\"), globalThis.process; a fallback through each is a finding like process.env's", () => {
  const forms: [string, string][] = [
    ["src/a.mjs", `import { env } from "node:process";\nexport const key = env.API_TOKEN ?? "${TOKEN}";\n`],
    ["src/b.mjs", `import { env as e } from "process";\nexport const key = e.API_TOKEN ?? "${TOKEN}";\n`],
    ["src/c.mjs", `import proc from "process";\nexport const key = proc.env.API_TOKEN ?? "${TOKEN}";\n`],
    ["src/d.ts", `import * as nodeProcess from "node:process";\nexport const key = nodeProcess.env.API_TOKEN ?? "${TOKEN}";\n`],
    ["src/e.js", `const key = require("process").env.API_TOKEN ?? "${TOKEN}";\nmodule.exports = key;\n`],
    ["src/f.js", `const key = globalThis.process.env.API_TOKEN ?? "${TOKEN}";\nmodule.exports = key;\n`],
    ["src/g.js", `const { env } = require("node:process");\nconst key = env.API_TOKEN || "${TOKEN}";\nmodule.exports = key;\n`],
    ["src/h.js", `const proc = require("process");\nmodule.exports = proc.env.API_TOKEN ?? "${TOKEN}";\n`],
  ];
  for (const [file, text] of forms) {
    const { findings, envReferences } = scan(file, text);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.name]), [["js-env-fallback-secret", "API_TOKEN"]], file);
    assert.deepEqual(envReferences.map((r) => r.name), ["API_TOKEN"], file);
  }
  // A destructured default, with nothing but the import to say it is the environment (no "process.env" in the text).
  const destructured = scan("src/i.mjs", `import { env } from "node:process";\nconst { API_TOKEN = "${TOKEN}" } = env;\nexport default API_TOKEN;\n`);
  assert.deepEqual(destructured.findings.map((f) => [f.ruleId, f.name]), [["js-env-fallback-secret", "API_TOKEN"]]);
  // The same expression on an object that is not the environment is not an environment read.
  const other = scan("src/j.js", `const { env } = require("./settings");\nmodule.exports = env.API_TOKEN ?? "${TOKEN}";\n`);
  assert.deepEqual(other.envReferences, []);
  assert.ok(!other.findings.some((f) => f.ruleId === "js-env-fallback-secret"));
});

test("hard-coded literals: variables, properties, class fields, default params, headers, client constructors", () => {
  const text = [
    `const env = process.env;`,
    `const apiToken = "${TOKEN}";`,
    `const cfg = { auth: { user: "svc", pass: "${PW}" } };`,
    `class Repo { private secret: string = "${TOKEN}x"; }`,
    `function connect(password = "${PW}1") {}`,
    `fetch(u, { headers: { Authorization: "Bearer ${TOKEN}y" } });`,
    `const client = new PaymentsClient("${TOKEN}z");`,
    `const label = "password";`,
  ].join("\n");
  const { findings } = scan("src/client.ts", text);
  assert.deepEqual(findings.map((f) => f.line), [2, 3, 4, 5, 6, 7]);
  const header = findings.find((f) => f.line === 6)!;
  assert.equal(header.ruleId, "authorization-header");
  assert.equal(text.slice(header.start, header.end), TOKEN + "y", "the Bearer scheme is not part of the secret");
});

test("syntax errors and minified files do not throw", () => {
  assert.doesNotThrow(() => scan("src/broken.ts", `const { A } = process.env;\nconst x = {{{ "unterminated`));
  const minified = `var a=process.env;` + "x=1;".repeat(200_000);
  assert.doesNotThrow(() => scan("dist/app.min.js", minified));
});

test("the parse pre-check: credential calls with a literal argument, env aliasing; not SDK code passing variables", () => {
  const parsed = [
    `const stripe = new Stripe("sk_live_${TOKEN}");`,
    "const db = createClient(\n  `https://x.example`,\n  key,\n);",
    `sgMail.setApiKey( "SG.${TOKEN}" );`,
    'const c = got.extend({}); c.basicAuth("user", "pass");',
    "const t = jwt.sign(payload, secret);",
    "const ok = jsonwebtoken.verify(token, publicKey);",
    "const sig = await jose.sign (claims, key);",
    `const { API_KEY = '${TOKEN}' } = process.env;`,
    `const env = process.env;\nconst key = env.API_KEY || "${TOKEN}";`,
    `const env = import.meta.env;\nconst key = env.VITE_API_TOKEN ?? "${TOKEN}";`,
    // Any JavaScript blank between the parenthesis and the quote (`\s`: tabs, newlines, NBSP, BOM).
    `const o = new OpenAI(\t\r\n "sk-${TOKEN}");`,
    `const o = new OpenAI(\u00a0\u2028\ufeff"sk-${TOKEN}");`,
    "const a = auth('user', 'pw');",
    // Marks the keyword pass finds for the pre-check (rule-set.ts ENGINE_KEYWORDS).
    'spawn("mysql", ["-u", user, "-p", pw]);',
    "execa('docker', ['login', '--password', pw]);",
    'run(["--token", t]);',
    "run(['--api-key', k]);",
    "const c = crypto.createCipheriv(ALGO, KEY, iv);",
    "const d = crypto.createDecipheriv(ALGO, KEY, iv);",
  ];
  // With the engine's keyword pass (which gates the token-signing search), the same answers.
  const set = compileRuleSet(allRules);
  for (const text of parsed) {
    assert.equal(shouldParseJavaScript(text), true, text);
    assert.equal(shouldParseJavaScript(text, scanKeywords(set, text)), true, text);
  }
  const skipped = [
    "const s3 = new S3Client(config);\nconst api = createApi(options);",
    'const client = new Client({ region: "eu-west-1" });',
    'const oauthClient = makeOAuth("x"); log("Client");',
    "const url = process.env.API_URL;",
    // An alias or a destructuring without a literal the walk could judge: the parse would yield no candidate.
    "const env = process.env;\nuse(env.X);",
    "const env = import.meta.env;\nuse(env.X);",
    "const { API_KEY = 'x' } = process.env;", // too short for judge to call it a secret in code
    `${"x".repeat(5000)}\nnew Stripe("sk_x");`, // minified: text scanning only
    `${"x".repeat(5000)}\nconst { A } = process.env;`,
    'const o = new OpenAI(\u200b"sk-x");', // a zero-width space is not a blank
    "const a = oauth('user', 'pw'); const b = PROCESS.ENV;",
    // The marks are case-sensitive: the pass folds case, the pre-check does not.
    'spawn("mysql", ["-P", port]); run(["--TOKEN", t]);',
    "const c = crypto.CreateCipheriv(ALGO, KEY, iv); createcipheriv(x);",
  ];
  for (const text of skipped) {
    assert.equal(shouldParseJavaScript(text), false, text);
    assert.equal(shouldParseJavaScript(text, scanKeywords(set, text)), false, text);
  }
});

test("the pre-check's marks are keywords of the engine's pass (it consults `found` instead of searching the text)", () => {
  for (const m of [...ARGV_FLAG_MARKS, "createCipheriv(", "createDecipheriv("]) assert.ok(ENGINE_KEYWORDS.includes(m.toLowerCase()), m);
});

test("a literal behind a fallback, a value-keeping wrapper or a schema default is judged by its name", () => {
  const text = [
    `const webhookSecret = Deno.env.get("WEBHOOK_SECRET") || "${TOKEN}a";`,
    `const cfg = { clientSecret: opts.secret ?? "${TOKEN}b" };`,
    `export default { define: { __INTERNAL_API_TOKEN__: JSON.stringify("${TOKEN}c") } };`,
    `const signingKey = Buffer.from("${TOKEN}d", "utf8");`,
    `const env = z.object({ ENCRYPTION_KEY: z.string().length(64).default("${TOKEN}e") });`,
    `const port = opts.port || "${TOKEN}f";`,
    `const mode = JSON.stringify("${TOKEN}g");`,
  ].join("\n");
  const { findings } = scan("src/config.ts", text);
  assert.deepEqual(findings.map((f) => f.line), [1, 2, 3, 4, 5]);
  for (const f of findings) assert.match(text.slice(f.start, f.end), new RegExp(`^${TOKEN}[a-e]$`));
});

test("a schema default stays a finding when the chain goes on after it (.description, .describe, .optional); another method's string is not the default", () => {
  // Fails if only a chain ending in .default("…") is read (round 18's joi-validated: a Joi default followed by .description()).
  const text = [
    `const schema = Joi.object({ SMTP_PASSWORD: Joi.string().default("${TOKEN}a").description("password for email server") });`,
    `const env = z.object({ API_SECRET: z.string().default("${TOKEN}b").describe("signing secret").optional() });`,
    `const other = Joi.object({ SESSION_SECRET: Joi.string().required().description("${TOKEN}c") });`,
  ].join("\n");
  const { findings } = scan("src/config/config.js", text);
  assert.deepEqual(findings.map((f) => `${f.line} ${text.slice(f.start, f.end)}`), [`1 ${TOKEN}a`, `2 ${TOKEN}b`]);
});

test("a schema spec's default or devDefault literal is judged by the setting's name; another key's string is not", () => {
  // Fails if a spec object's default is not read (round 19's fastify-env-default: a JSON schema's
  // `default` over several lines; envalid-devdefault: `str({ devDefault: "…" })`), or if the file is not
  // parsed for it (no process.env in the file: the pre-check must see the spec's default on its own).
  const text = [
    `export const envSchema = {`,
    `  type: "object",`,
    `  properties: {`,
    `    PORT: { type: "integer", default: 5450 },`,
    `    JWT_SECRET: { type: "string", minLength: 32, default: "${TOKEN}a" },`,
    `    COOKIE_SECRET: {`,
    `      type: "string",`,
    `      default: "${TOKEN}b",`,
    `    },`,
    `    LOG_LEVEL: { type: "string", default: "${TOKEN}c" },`,
    `  },`,
    `};`,
    `const specs = { SESSION_SECRET: str({ devDefault: "${TOKEN}d", desc: "signs cookies" }), API_TOKEN: str({ desc: "${TOKEN}e" }), MODE: str({ devDefault: "${TOKEN}f" }) };`,
  ].join("\n");
  assert.ok(shouldParseJavaScript(text));
  assert.ok(!shouldParseJavaScript(`const s = { LOG_LEVEL: { default: "information" } };`));
  const { findings } = scan("src/config/schema.js", text);
  assert.deepEqual(findings.map((f) => `${f.line} ${f.name} ${text.slice(f.start, f.end)}`), [`5 JWT_SECRET ${TOKEN}a`, `8 COOKIE_SECRET ${TOKEN}b`, `13 SESSION_SECRET ${TOKEN}d`]);
});

test("crypto keys, hashed literal passwords and positional client credentials are findings", () => {
  const text = [
    `const sig = crypto.createHmac("sha256", "${TOKEN}a").update(b).digest("hex");`,
    `const c = createCipheriv("aes-256-gcm", Buffer.from("${TOKEN}b${TOKEN}", "hex"), iv);`,
    `const h = await Bun.password.hash("${PW}");`,
    `const h2 = bcrypt.hashSync("${PW}2", 10);`,
    `const sms = twilio(sid, "${TOKEN}c");`,
    `const mj = Mailjet.apiConnect(key, "${TOKEN}d");`,
    `const digest = createHash("sha256").update("${TOKEN}e").digest("hex");`,
    `const h3 = bcrypt.hash(req.body.password, 10);`,
  ].join("\n");
  assert.ok(shouldParseJavaScript(`crypto.createHmac("sha256", "${TOKEN}")`));
  assert.ok(shouldParseJavaScript(`await Bun.password.hash("${PW}")`));
  const { findings } = scan("src/crypto.ts", text);
  assert.deepEqual(findings.map((f) => f.line), [1, 2, 3, 4, 5, 6]);
});

test("a credential after a command-line flag in an argv array, and a user:password literal being Basic-encoded", () => {
  const text = [
    `await execa("docker", ["login", "-u", "deployer", "-p", "${TOKEN}a", "registry.gitlab.com"]);`,
    `spawn("vault", ["login", "--token", "${TOKEN}b"]);`,
    `const headers = { Authorization: "Basic " + Buffer.from("svc:${PW}").toString("base64") };`,
    `const h2 = { Authorization: "Basic " + btoa("svc:${PW}3") };`,
    `spawn("docker", ["run", "-p", "8080:80", "nginx"]);`,
    `const b = Buffer.from("host:8080").toString("base64");`,
    `const c = Buffer.from("svc:${PW}4");`,
  ].join("\n");
  const { findings } = scan("src/deploy.ts", text);
  assert.deepEqual(findings.map((f) => f.line), [1, 2, 3, 4]);
  assert.equal(text.slice(findings[2]!.start, findings[2]!.end), PW, "the password, without the user");
});

test("a constant whose only clue is its use as a cipher key is a finding; a random key is not", () => {
  const text = [
    `const ALGO = "aes-256-gcm";`,
    `const KEY = Buffer.from("${TOKEN}${TOKEN}", "utf8");`,
    `const OTHER = crypto.randomBytes(32);`,
    `export const enc = (iv, b) => crypto.createCipheriv(ALGO, KEY, iv).update(b);`,
    `export const enc2 = (iv, b) => crypto.createCipheriv(ALGO, OTHER, iv).update(b);`,
  ].join("\n");
  assert.ok(shouldParseJavaScript(text));
  const { findings } = scan("src/crypto.js", text);
  assert.deepEqual(findings.map((f) => f.line), [2]);
});

test("a literal after `||`/`??` is parsed for only when it is the whole right operand (react-dom's and firebase's traps are not)", () => {
  const traps = [
    // react-dom: the literal after `||` is the left operand of `===`.
    `return ("password" === elem.type) ||\n  "passwordInput" === nodeName;`,
    // firebase: `"…" in e` after `||`.
    `return ('authIdToken' in obj ||\n        'appCheckToken' in obj);`,
    `const token = a || "abcdefghij".length;`,
    `const secret = a || "abcdefghijk" + suffix;`,
    `const apiKey = a ?? "abcdefghij"[0];`,
    `const token = a || "abcdefghij"?.trim();`,
    `const token = a || "abcdefghij" instanceof Token;`,
    `const token = a || "abcdefghij" == b;`,
    `const token = a || "abcdefghij" !== b;`,
    `const token = a || "abcdefghij"\n  .trim();`,
    `const token = a || "abcdefghij" /* note */ .trim();`,
  ];
  const set = compileRuleSet(allRules);
  for (const text of traps) {
    assert.equal(shouldParseJavaScript(text), false, text);
    assert.equal(shouldParseJavaScript(text, scanKeywords(set, text)), false, text);
  }
  const fallbacks = [
    `const dbPassword = process.env.DB_PASSWORD || "${PW}z";`,
    `const apiToken = opts.token ?? '${TOKEN}a';`,
    `const secret = opts.secret ||\n  "${TOKEN}b";`,
    `const apiKey = cfg.key ?? "${TOKEN}c" as string;`,
    `const authToken = (cfg.auth ?? ("${TOKEN}d" as string));`,
    `const token = opts.token || \`${TOKEN}e\`;`,
    `const token = opts.token || /* dev only */ "${TOKEN}f";`,
    `const token = opts.token || "${TOKEN}g" // dev only\nnext();`,
    `const token = opts.token || "${TOKEN}h"\n++count;`,
    `export const token = opts.token || "${TOKEN}i"`,
  ];
  for (const text of fallbacks) {
    assert.equal(shouldParseJavaScript(text), true, text);
    assert.equal(shouldParseJavaScript(text, scanKeywords(set, text)), true, text);
    const { findings } = scan("src/config.ts", text);
    assert.equal(findings.length, 1, text);
    assert.match(text.slice(findings[0]!.start, findings[0]!.end), new RegExp(`^(?:${TOKEN}[a-i]|${PW.replace("!", "\\!")}z)$`), text);
  }
});

test("an alias or a destructuring of the environment is parsed for only when it holds a literal the walk can judge", () => {
  const parsed = [
    `const env = process.env;\nexport const stripe = env.STRIPE_SECRET_KEY || "${TOKEN}a";`,
    `const env = process.env;\nexport const key = env["API_KEY"] ?? '${TOKEN}b';`,
    `const e = import.meta.env;\nconst key = e?.VITE_API_TOKEN ?? "${TOKEN}c";`,
    `const { env } = process;\nconst dev = process.env.NODE_ENV;\nconst db = env.DATABASE_URL || "postgres://app:${PW}@db:5432/app";`, // a URL's password, whatever the name
    `const {\n  PORT = "3000",\n  API_TOKEN = "${TOKEN}d",\n} = process.env;`,
    `const { SESSION: sessionSecret = "${TOKEN}e" } = import.meta.env;`,
    `const env = process.env;\nconst { API_SECRET = "${TOKEN}f" } = env;`,
    // The name the value is given, not the variable read, says what it is.
    `const env = process.env;\nconst dbPass = env.DB || "${TOKEN}g";`,
    `const env = process.env;\nexport default { "smtp-password": env.SMTP || "${TOKEN}h" };`,
  ];
  for (const text of parsed) {
    assert.equal(shouldParseJavaScript(text), true, text);
    const { findings } = scan("src/config.js", text);
    assert.equal(findings.length, 1, text);
  }
  const skipped = [
    // prettier's legacy-cli: an alias read with `||` between reads, and a destructuring without a default.
    `var env3 = process.env;\nexports.isCI = !!(env3.CI !== "false" && (env3.BUILD_ID || // Jenkins\n env3.BUILD_NUMBER || env3.CI));\nconst {\n  PRETTIER_PERF_REPEAT\n} = process.env;`,
    // aws-sdk's ini-loader: a fallback too short to be a credential, under a name that is not one.
    `var env = process.env;\nvar home = env.HOME || env.USERPROFILE || (env.HOMEPATH ? ((env.HOMEDRIVE || 'C:/') + env.HOMEPATH) : null);`,
    `const env = process.env;\nconst mode = env.NODE_ENV || "development-mode";`,
    `const { PORT = 3000, HOST = "localhost.localdomain" } = process.env;`,
    // A comparison with the environment is not an alias (firebase: \`void 0===process.env)\`).
    `if (void 0 === process.env) return;\nconst token = x.token;`,
    `const env = process.env;\nconst token = env.API_TOKEN || "${TOKEN}" + suffix;`,
  ];
  for (const text of skipped) assert.equal(shouldParseJavaScript(text), false, text);
});

test("without a parse, alias and destructuring reads are listed as the AST lists them", () => {
  const texts = [
    `const { PORT, HOST: host = "0.0.0.0", "X-Y": xy, ...rest } = process.env;\nconst env = process.env;\nuse(env.REDIS_URL, env["Q"], env?.R, env[k], env.S || "fallback");`,
    `const { env } = process;\nconst a = env.A ?? process.env.X;\nconst { B = 'b', C } = env;`,
    `const e = import.meta.env;\nconst {\n  VITE_A,\n  VITE_B = "b",\n} = import.meta.env;\nfoo(e.VITE_C);`,
    `let env = process.env, other = 1;\nenv.X; x.env.Y; envy.Z; env.W; process.env.V;`,
    `const { A = "a\\"b", B, C = 'it\\'s' } = process.env;`,
    `const { B: { C = "c" }, D: [d = "d"], E = "e" } = process.env;`,
  ];
  const key = (r: { name: string | null; line: number; column: number; form: string; hasLiteralFallback?: boolean }) => `${r.form}:${r.name}@${r.line}:${r.column}${r.hasLiteralFallback ? "+fallback" : ""}`;
  for (const text of texts) {
    assert.equal(shouldParseJavaScript(text), false, text);
    const lexical = scan("src/a.js", text).envReferences.map(key).sort();
    const ast = scanJavaScript(text, "src/a.js", fileInfo("src/a.js"))!.envReferences.map(key).sort();
    assert.ok(ast.length >= 3, text);
    assert.deepEqual(lexical, ast, text);
  }
});

test("in minified text (never parsed) alias and destructuring reads are not listed: only plain reads", () => {
  const text = `var t=process.env;const{A:a="x"}=process.env;` + "t.x=1;".repeat(2000) + "process.env.B;";
  assert.deepEqual(scan("dist/app.min.js", text).envReferences.map((r) => `${r.form}:${r.name}`), ["member:B"]);
});

test("every callee name the literal-call search looks for passes its three-character filter and its tail regexes", () => {
  for (const n of CALLEE_NAMES) {
    const wrapper = /stringify|from|default|encode/.test(n);
    // A wrapper counts only with a secret word before it on its line.
    const text = wrapper ? `const secret = ${n}  ("abc");` : `const c = ${n}("abc", x);`;
    assert.equal(shouldParseJavaScript(text), true, text);
  }
  assert.equal(shouldParseJavaScript(`const secret = JSON.parse("abc"); require("x"); t('y'); log(\`z\`);`), false);
});

test("a client call whose only argument is a literal the walk would not judge a secret is no reason to parse", () => {
  const set = compileRuleSet(allRules);
  // aws-sdk's ts-generator: a service name to a `…Api` loader.
  const traps = [`var dynamodbModel = this.loadServiceApi('dynamodb');`, `const s3 = new S3Client("us-east-1");`, `const users = createApi( "users" );`, `const c = new OpenAI("sk-x");`];
  for (const text of traps) {
    assert.equal(shouldParseJavaScript(text), false, text);
    assert.equal(shouldParseJavaScript(text, scanKeywords(set, text)), false, text);
    assert.deepEqual(scanJavaScript(text, "src/a.js", fileInfo("src/a.js"))!.candidates, [], text);
  }
  const found = [
    `const stripe = new Stripe("sk_live_${TOKEN}");`,
    `const c = new OpenAI(\n  "sk-${TOKEN}"\n);`,
    `const sb = createClient("https://x.supabase.co", "${TOKEN}");`, // two arguments: a header-like pair or a second credential
    `const kv = createClient(\`${TOKEN}\`);`, // a template: not judged, parsed as before
  ];
  for (const text of found) assert.equal(shouldParseJavaScript(text), true, text);
  assert.deepEqual(scan("src/pay.js", found[0]!).findings.map((f) => f.ruleId), ["js-hardcoded-secret"]);
  assert.deepEqual(scan("src/ai.js", found[1]!).findings.map((f) => f.ruleId), ["js-hardcoded-secret"]);
});
