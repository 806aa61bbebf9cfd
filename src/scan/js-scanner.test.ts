import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { ARGV_FLAG_MARKS, shouldParseJavaScript } from "./js-scanner.js";
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
    'const stripe = new Stripe("sk_x");',
    "const db = createClient(\n  `https://x.example`,\n  key,\n);",
    'sgMail.setApiKey( "SG.x" );',
    'const c = got.extend({}); c.basicAuth("user", "pass");',
    "const t = jwt.sign(payload, secret);",
    "const ok = jsonwebtoken.verify(token, publicKey);",
    "const sig = await jose.sign (claims, key);",
    "const { API_KEY = 'x' } = process.env;",
    "const env = process.env;\nuse(env.X);",
    "const env = import.meta.env;\nuse(env.X);",
    // Any JavaScript blank between the parenthesis and the quote (`\s`: tabs, newlines, NBSP, BOM).
    'const o = new OpenAI(\t\r\n "sk-x");',
    'const o = new OpenAI(\u00a0\u2028\ufeff"sk-x");',
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
