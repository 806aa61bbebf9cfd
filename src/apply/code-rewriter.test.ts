import { test } from "node:test";
import assert from "node:assert/strict";
import { isEsmEnvLoader, rewriteSource, moduleKindOf } from "./code-rewriter.js";
import type { LiteralBinding, SecretBinding } from "../plan/types.js";

function binding(envName: string): SecretBinding {
  return { envName, mount: "secret", path: `shop/{environment}/app`, key: envName, environments: { development: { path: "shop/development/app" } } };
}
const bindings = ["STRIPE_KEY", "DB_PASSWORD", "NEXT_PUBLIC_MAPS_KEY", "API-TOKEN"].map(binding);

function rewrite(file: string, content: string, literals: LiteralBinding[] = []) {
  return rewriteSource({ file, content, bindings, secretsImport: "./secrets.js", literals });
}

test("process.env.X and process.env['X'] in ESM become secrets reads; config reads stay", () => {
  const src = `import http from "node:http";\nconst key = process.env.STRIPE_KEY;\nconst pw = process.env['DB_PASSWORD'] ?? "";\nconst port = process.env.PORT;\n`;
  const out = rewrite("src/a.js", src);
  assert.equal(
    out.content,
    `import http from "node:http";\nimport { secrets } from "./secrets.js";\nconst key = secrets.STRIPE_KEY;\nconst pw = secrets.DB_PASSWORD ?? "";\nconst port = process.env.PORT;\n`,
  );
  assert.equal(out.changed, true);
  assert.equal(out.edits, 2);
  assert.deepEqual(out.warnings, []);
});

test("optional chaining and a name that is not an identifier", () => {
  const out = rewrite("a.mjs", `export const a = process?.env?.STRIPE_KEY, b = process.env["API-TOKEN"];\n`);
  assert.equal(out.content, `import { secrets } from "./secrets.js";\nexport const a = secrets.STRIPE_KEY, b = secrets["API-TOKEN"];\n`);
});

test("CommonJS gets a require after the leading requires, in the file's quote and semicolon style", () => {
  const src = `'use strict'\nconst fs = require('fs')\nconst path = require('path')\n\nmodule.exports = () => process.env.STRIPE_KEY\n`;
  const out = rewrite("lib/b.cjs", src);
  assert.equal(
    out.content,
    `'use strict'\nconst fs = require('fs')\nconst path = require('path')\nconst { secrets } = require('./secrets.js')\n\nmodule.exports = () => secrets.STRIPE_KEY\n`,
  );
});

test("destructuring: all-secret patterns read the secrets module; mixed ones are split, defaults and renames kept", () => {
  const all = rewrite("a.js", `const { STRIPE_KEY, DB_PASSWORD: pw = "dev" } = process.env;\nexport { STRIPE_KEY, pw };\n`);
  assert.equal(all.content, `import { secrets } from "./secrets.js";\nconst { STRIPE_KEY, DB_PASSWORD: pw = "dev" } = secrets;\nexport { STRIPE_KEY, pw };\n`);
  const mixed = rewrite("a.cjs", `const { PORT, STRIPE_KEY, HOST, DB_PASSWORD: pw = "dev" } = process.env;\nmodule.exports = { PORT, HOST, STRIPE_KEY, pw };\n`);
  assert.equal(
    mixed.content,
    `const { secrets } = require("./secrets.js");\nconst { PORT, HOST } = process.env, { STRIPE_KEY, DB_PASSWORD: pw = "dev" } = secrets;\nmodule.exports = { PORT, HOST, STRIPE_KEY, pw };\n`,
  );
});

test("aliases: const env = process.env and const { env } = process", () => {
  const a = rewrite("a.cjs", `const env = process.env;\nconst { STRIPE_KEY } = env;\nmodule.exports = [env.DB_PASSWORD, env.PORT, STRIPE_KEY];\n`);
  assert.equal(
    a.content,
    `const { secrets } = require("./secrets.js");\nconst env = process.env;\nconst { STRIPE_KEY } = secrets;\nmodule.exports = [secrets.DB_PASSWORD, env.PORT, STRIPE_KEY];\n`,
  );
  const b = rewrite("b.js", `const { env } = process;\nexport default env.STRIPE_KEY;\n`);
  // Every read through \`env\` moved: the alias goes (TypeScript's noUnusedLocals, ESLint's no-unused-vars would refuse it).
  assert.equal(b.content, `import { secrets } from "./secrets.js";\nexport default secrets.STRIPE_KEY;\n`);
});

test("an alias name declared twice is not trusted (no scope analysis), and says so", () => {
  const src = `const env = process.env;\nfunction f(env) { return env.STRIPE_KEY; }\n`;
  const out = rewrite("a.js", src);
  assert.equal(out.content, src);
  assert.equal(out.warnings[0]?.code, "rewrite-skipped");
});

test("TypeScript: types, casts and generics are kept", () => {
  const src = `import type { Config } from "./types.js";\n\nexport function config(): Config {\n  const key: string = process.env.STRIPE_KEY!;\n  return { key, pw: process.env.DB_PASSWORD as string, port: Number(process.env.PORT ?? 3000) } satisfies Config;\n}\n`;
  const out = rewrite("src/config.ts", src);
  assert.equal(
    out.content,
    `import type { Config } from "./types.js";\nimport { secrets } from "./secrets.js";\n\nexport function config(): Config {\n  const key: string = secrets.STRIPE_KEY!;\n  return { key, pw: secrets.DB_PASSWORD as string, port: Number(process.env.PORT ?? 3000) } satisfies Config;\n}\n`,
  );
});

test("TSX with JSX parses and rewrites", () => {
  const out = rewrite("a.tsx", `export const A = () => <div data-k={process.env.STRIPE_KEY as string} />;\n`);
  assert.equal(out.content, `import { secrets } from "./secrets.js";\nexport const A = () => <div data-k={secrets.STRIPE_KEY as string} />;\n`);
});

test("a BOM and CRLF line endings are kept, and the inserted line uses CRLF", () => {
  const src = "\uFEFF// header\r\nconst a = process.env.STRIPE_KEY;\r\n";
  const out = rewrite("a.js", src);
  assert.equal(out.content, "\uFEFF// header\r\nimport { secrets } from \"./secrets.js\";\r\nconst a = secrets.STRIPE_KEY;\r\n");
  assert.ok(!/[^\r]\n/.test(out.content), "every newline stays CRLF");
});

test("comments, blank lines and odd formatting around rewritten reads are kept", () => {
  const src = `/* leading */\nconst a = process.env.STRIPE_KEY /* inline */ ;   // trailing\n\n\n  // indented comment\nconst b =\n  process.env\n    .DB_PASSWORD;\n`;
  const out = rewrite("a.cjs", src);
  assert.equal(
    out.content,
    `/* leading */\nconst { secrets } = require("./secrets.js");\nconst a = secrets.STRIPE_KEY /* inline */ ;   // trailing\n\n\n  // indented comment\nconst b =\n  secrets.DB_PASSWORD;\n`,
  );
});

test("idempotent: rewriting a rewritten file changes nothing", () => {
  const sources: [string, string][] = [
    ["a.js", `import x from "y";\nconst a = process.env.STRIPE_KEY;\nconst { DB_PASSWORD } = process.env;\n`],
    ["b.cjs", `const env = process.env;\nmodule.exports = env.STRIPE_KEY;\n`],
    ["c.ts", `export const k: string | undefined = process.env.STRIPE_KEY;\n`],
  ];
  for (const [file, src] of sources) {
    const once = rewrite(file, src);
    assert.equal(once.changed, true, file);
    const twice = rewrite(file, once.content);
    assert.equal(twice.changed, false, file);
    assert.equal(twice.content, once.content, file);
    assert.equal(twice.edits, 0, file);
  }
});

test("browser-exposed prefixes are reported, not rewritten; import.meta.env of a name without one (server code) reads the secrets module; a dynamic read, a write and a delete go through processEnv", () => {
  const src = `const a = process.env[name];\nprocess.env.STRIPE_KEY = "x";\ndelete process.env.DB_PASSWORD;\nconst m = process.env.NEXT_PUBLIC_MAPS_KEY;\nconst v = import.meta.env.STRIPE_KEY;\nconst p = import.meta.env.NEXT_PUBLIC_MAPS_KEY;\n`;
  const out = rewrite("a.js", src);
  // The dynamic read may read a migrated secret, which processEnv still holds; the write
  // and the delete reach process.env through it, and secrets.X follows them (secrets-module tests).
  assert.equal(out.content, `import { secrets, processEnv } from "./secrets.js";\n${src.replace(/process\.env(?=\[name\]|\.STRIPE_KEY =|\.DB_PASSWORD;)/g, "processEnv").replace("import.meta.env.STRIPE_KEY", "secrets.STRIPE_KEY")}`);
  assert.deepEqual(
    out.warnings.map((w) => [w.code, w.line]),
    [
      ["dynamic-env-access", 1],
      ["env-write", 2],
      ["env-write", 3],
      ["browser-exposed", 4],
      ["build-time-env", 5],
      ["browser-exposed", 6],
    ],
  );
  // In a "use client" module it stays, reported.
  const client = `"use client";\nexport const k = import.meta.env.STRIPE_KEY;\n`;
  assert.equal(rewrite("c.js", client).content, client);
  assert.match(out.warnings[0]!.message, /processEnv/);
});

test("an alias of process.env read by computed name or passed on becomes processEnv; static reads through it still become secrets.NAME", () => {
  const src = `const env = process.env;\nconst key = env.STRIPE_KEY;\nconst port = env.PORT;\nexport const get = (n) => env[n];\nrun(env);\n`;
  const out = rewrite("a.js", src);
  assert.equal(out.content, `import { secrets, processEnv } from "./secrets.js";\nconst env = processEnv;\nconst key = secrets.STRIPE_KEY;\nconst port = env.PORT;\nexport const get = (n) => env[n];\nrun(env);\n`);
  assert.deepEqual(out.warnings.map((w) => [w.code, w.line]), [["dynamic-env-access", 4], ["whole-env-use", 5]]);
  assert.equal(rewrite("a.js", out.content).changed, false, "idempotent");
});

test("a loader writing into process.env (Object.assign, defineProperty) is left alone; a \"use client\" module is only reported", () => {
  const loader = `const parsed = parse(readFileSync(".env", "utf8"));\nObject.assign(process.env, parsed);\nconst env = process.env;\nObject.defineProperty(env, "X", { value: "1" });\n`;
  const out = rewrite("load-env.cjs", loader);
  assert.equal(out.changed, false);
  assert.deepEqual(out.warnings, []);
  // A loader that copies values in by computed name, checking `in` first, keeps its own semantics.
  const copier = `for (const [k, v] of Object.entries(parsed)) if (!(k in process.env)) process.env[k] = v;\n`;
  const l = rewrite("env.mjs", copier);
  assert.equal(l.changed, false);
  assert.deepEqual(l.warnings.map((w) => w.code), ["whole-env-use", "env-write"]);
  const client = `"use client";\nexport const pick = (n) => process.env[n];\nexport const all = { ...process.env };\n`;
  const c = rewrite("page.jsx", client);
  assert.equal(c.changed, false);
  assert.deepEqual(c.warnings.map((w) => [w.code, w.line]), [["dynamic-env-access", 2], ["whole-env-use", 3]]);
  assert.match(c.warnings[0]!.message, /not rewritten/);
});

test("a rest element copying the environment, and an alias handed to another name, read through processEnv", () => {
  const rest = rewrite("a.js", `import x from "x";\nconst { STRIPE_KEY, PORT = "3000", ...others } = process.env;\n`);
  assert.equal(rest.content, `import x from "x";\nimport { processEnv } from "./secrets.js";\nconst { STRIPE_KEY, PORT = "3000", ...others } = processEnv;\n`);
  assert.deepEqual(rest.warnings.map((w) => w.code), ["whole-env-use"]);
  const chain = rewrite("a.cjs", `const e = process.env;\nconst e2 = e;\nmodule.exports = [e.STRIPE_KEY, e2.STRIPE_KEY];\n`);
  assert.equal(chain.content, `const { secrets, processEnv } = require("./secrets.js");\nconst e = processEnv;\nconst e2 = e;\nmodule.exports = [secrets.STRIPE_KEY, e2.STRIPE_KEY];\n`);
});

test("a file binding processEnv already imports the overlay under another name", () => {
  const out = rewrite("a.cjs", `const processEnv = 1;\nfork("w", { env: process.env });\n`);
  assert.equal(out.content, `const { processEnv: vaultshiftProcessEnv } = require("./secrets.js");\nconst processEnv = 1;\nfork("w", { env: vaultshiftProcessEnv });\n`);
});

test("a name already bound to `secrets` in the file gets an alias import", () => {
  const out = rewrite("a.js", `const secrets = loadOld();\nexport const k = process.env.STRIPE_KEY;\n`);
  assert.equal(out.content, `import { secrets as vaultshiftSecrets } from "./secrets.js";\nconst secrets = loadOld();\nexport const k = vaultshiftSecrets.STRIPE_KEY;\n`);
});

function literal(file: string, content: string, secret: string, name: string): LiteralBinding {
  const start = content.indexOf(secret);
  const pos = (offset: number) => {
    const lines = content.slice(0, offset).split("\n");
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  };
  const s = pos(start);
  const e = pos(start + secret.length);
  return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, start, end: start + secret.length, mount: "secret", path: "shop/shared/app", key: name, name };
}

test("a hard-coded secret literal becomes a read of its binding, in code and in JSX", () => {
  const src = `const stripe = new Stripe("sk_live_CANARY0123456789abcdef");\nconst a = <A k='ghp_CANARY0123456789abcdefghijklmnopqrst' />;\n`;
  const lits = [literal("a.jsx", src, "sk_live_CANARY0123456789abcdef", "STRIPE_KEY"), literal("a.jsx", src, "ghp_CANARY0123456789abcdefghijklmnopqrst", "GITHUB_TOKEN")];
  const out = rewrite("a.jsx", src, lits);
  assert.equal(out.content, `import { secrets } from "./secrets.js";\nconst stripe = new Stripe(secrets.STRIPE_KEY);\nconst a = <A k={secrets.GITHUB_TOKEN} />;\n`);
  assert.ok(!out.content.includes("CANARY"));
  const again = rewrite("a.jsx", out.content, lits);
  assert.equal(again.changed, false);
  assert.deepEqual(again.warnings, [], "a literal already rewritten is not reported as missing");
});

test("a secret inside a larger string becomes a template literal; backticks and ${ in the rest are escaped", () => {
  const src = "const url = \"postgres://app:CANARYpw0123456789@db:5432/`x`${y}\";\nconst t = `Bearer CANARYtok0123456789 ${z}`;\n";
  const lits = [literal("a.js", src, "CANARYpw0123456789", "DB_PASSWORD"), literal("a.js", src, "CANARYtok0123456789", "API_TOKEN")];
  const out = rewrite("a.js", src, lits);
  assert.equal(
    out.content,
    "import { secrets } from \"./secrets.js\";\nconst url = `postgres://app:${secrets.DB_PASSWORD}@db:5432/\\`x\\`\\${y}`;\nconst t = `Bearer ${secrets.API_TOKEN} ${z}`;\n",
  );
  // The produced template evaluates to the same string with the secret swapped in.
  const y = "Y";
  const secrets = { DB_PASSWORD: "CANARYpw0123456789" };
  const evaluated = new Function("secrets", "y", "return " + out.content.split("\n")[1]!.replace(/^const url = /, "").replace(/;$/, ""))(secrets, y);
  assert.equal(evaluated, "postgres://app:CANARYpw0123456789@db:5432/`x`${y}");
});

test("a literal that moved is reported, never guessed", () => {
  const src = `const k = "sk_live_CANARY0123456789abcdef";\n`;
  const lit = { ...literal("a.js", src, "sk_live_CANARY0123456789abcdef", "STRIPE_KEY"), line: 3, endLine: 3, start: 100, end: 130 };
  const out = rewrite("a.js", src, [lit]);
  assert.equal(out.changed, false);
  assert.equal(out.warnings[0]?.code, "literal-not-found");
  assert.ok(!out.warnings[0]!.message.includes("CANARY"));
});

test("a literal found by its line and column when earlier offsets shifted", () => {
  const src = `// a longer header than at plan time\nconst k = "sk_live_CANARY0123456789abcdef";\n`;
  const lit = { ...literal("a.js", src, "sk_live_CANARY0123456789abcdef", "STRIPE_KEY") };
  const shifted = { ...lit, start: lit.start - 7, end: lit.end - 7 };
  const out = rewrite("a.js", src, [shifted]);
  assert.equal(out.content, `// a longer header than at plan time\nimport { secrets } from "./secrets.js";\nconst k = secrets.STRIPE_KEY;\n`);
});

test("a file that does not parse is reported and left alone", () => {
  const src = `const a = process.env.STRIPE_KEY +;\n`;
  const out = rewrite("a.js", src);
  assert.equal(out.content, src);
  assert.equal(out.warnings[0]?.code, "unparsable-file");
});

test("moduleKindOf: extension, then syntax, then package type", () => {
  assert.equal(moduleKindOf("a.cjs", "import x from 'y'"), "cjs");
  assert.equal(moduleKindOf("a.mts", "const a = require('x')"), "esm");
  assert.equal(moduleKindOf("a.js", "const a = require('x')"), "cjs");
  assert.equal(moduleKindOf("a.ts", "export const a = 1"), "esm");
  assert.equal(moduleKindOf("a.js", "console.log(1)", "commonjs"), "cjs");
  assert.equal(moduleKindOf("a.js", "console.log(1)"), "esm");
});

test("the pipeline's lighter shapes work too: { name } bindings and literals without offsets or end", () => {
  const src = `const k = process.env.STRIPE_KEY;\nconst t = "ghp_CANARY0123456789abcdefghijklmnopqrst";\n`;
  const out = rewriteSource({
    file: "a.js",
    content: src,
    bindings: [{ name: "STRIPE_KEY" }],
    secretsImport: "./secrets.js",
    literals: [{ name: "GITHUB_TOKEN", line: 2, column: 12 }],
  });
  assert.equal(out.content, `import { secrets } from "./secrets.js";\nconst k = secrets.STRIPE_KEY;\nconst t = secrets.GITHUB_TOKEN;\n`);
  const withEnd = rewriteSource({
    file: "a.js",
    content: src,
    bindings: [],
    secretsImport: "./secrets.js",
    literals: [{ name: "GITHUB_TOKEN", line: 2, column: 12, endLine: 2, endColumn: 52 }],
  });
  assert.equal(withEnd.content, `import { secrets } from "./secrets.js";\nconst k = process.env.STRIPE_KEY;\nconst t = secrets.GITHUB_TOKEN;\n`);
});

test("warnings never quote source text, so a value in a key expression cannot leak", () => {
  const src = `const a = process.env[flag ? "CANARY_sk_live_0123456789abcdef" : name];\nprocess.env.STRIPE_KEY = "CANARY_sk_live_0123456789abcdef";\n`;
  const out = rewrite("a.js", src);
  assert.equal(out.warnings.length, 2);
  for (const w of out.warnings) assert.ok(!w.message.includes("CANARY"), w.message);
  assert.match(out.warnings[0]!.message, /dynamic environment read \(process\.env\[…\]\)/);
});

test("exported destructuring and a leading \"use strict\" with requires", () => {
  const esm = rewrite("a.js", `export const { STRIPE_KEY } = process.env;\n`);
  assert.equal(esm.content, `import { secrets } from "./secrets.js";\nexport const { STRIPE_KEY } = secrets;\n`);
  const cjs = rewrite("b.js", `"use strict";\n\nconst a = require("a");\nrequire("./env");\nconst k = process.env.STRIPE_KEY;\n`);
  assert.equal(cjs.content, `"use strict";\n\nconst a = require("a");\nrequire("./env");\nconst { secrets } = require("./secrets.js");\nconst k = secrets.STRIPE_KEY;\n`);
});

test("decorators (NestJS style) and import assertions parse and rewrite", () => {
  const src = `import data from "./d.json" assert { type: "json" };\n@Injectable()\nexport class Payments {\n  constructor(@Inject("cfg") private readonly cfg: Config) {}\n  @Get() key(): string | undefined { return process.env.STRIPE_KEY; }\n}\n`;
  const out = rewrite("payments.service.ts", src);
  assert.deepEqual(out.warnings, []);
  assert.equal(
    out.content,
    `import data from "./d.json" assert { type: "json" };\nimport { secrets } from "./secrets.js";\n@Injectable()\nexport class Payments {\n  constructor(@Inject("cfg") private readonly cfg: Config) {}\n  @Get() key(): string | undefined { return secrets.STRIPE_KEY; }\n}\n`,
  );
});

test("TypeScript 5 standard decorators with `accessor` fields, namespaces and satisfies parse and rewrite (TS and JS)", () => {
  const ts = `class Cfg {\n  @fromEnv("X") accessor key = "";\n  static accessor db = process.env.DB_PASSWORD;\n}\nexport namespace Admin {\n  export const k = process.env.STRIPE_KEY ?? "";\n}\nexport const s = { p: process.env.DB_PASSWORD! } satisfies Record<string, string>;\n`;
  const out = rewrite("cfg.ts", ts);
  assert.deepEqual(out.warnings, []);
  assert.equal(
    out.content,
    `import { secrets } from "./secrets.js";\nclass Cfg {\n  @fromEnv("X") accessor key = "";\n  static accessor db = secrets.DB_PASSWORD;\n}\nexport namespace Admin {\n  export const k = secrets.STRIPE_KEY ?? "";\n}\nexport const s = { p: secrets.DB_PASSWORD! } satisfies Record<string, string>;\n`,
  );
  const js = rewrite("cfg.mjs", `export class C {\n  accessor key = process.env.STRIPE_KEY;\n}\n`);
  assert.equal(js.content, `import { secrets } from "./secrets.js";\nexport class C {\n  accessor key = secrets.STRIPE_KEY;\n}\n`);
});

test("a .js file with Flow annotations still rewrites", () => {
  const out = rewrite("a.js", `// @flow\nexport function key(): ?string {\n  return process.env.STRIPE_KEY;\n}\n`);
  assert.equal(out.content, `// @flow\nimport { secrets } from "./secrets.js";\nexport function key(): ?string {\n  return secrets.STRIPE_KEY;\n}\n`);
});

test("using the whole process.env (child processes, spreads, `in`) goes through processEnv, which still holds the secrets, and is reported", () => {
  const src = `spawn("worker", { env: process.env });\nconst copy = { ...process.env, X: "1" };\nconst has = "STRIPE_KEY" in process.env;\nconst keys = Object.keys(process.env);\nconst env = process.env;\nprocess.env.PORT;\n`;
  const out = rewrite("a.cjs", src);
  assert.equal(
    out.content,
    `const { processEnv } = require("./secrets.js");\nspawn("worker", { env: processEnv });\nconst copy = { ...processEnv, X: "1" };\nconst has = "STRIPE_KEY" in processEnv;\nconst keys = Object.keys(processEnv);\nconst env = process.env;\nprocess.env.PORT;\n`,
  );
  assert.deepEqual(
    out.warnings.map((w) => [w.code, w.line]),
    [
      ["whole-env-use", 1],
      ["whole-env-use", 2],
      ["whole-env-use", 3],
      ["whole-env-use", 4],
    ],
  );
  assert.equal(rewrite("a.cjs", out.content).changed, false, "idempotent");
  // Nothing migrated: nothing to overlay, nothing changes.
  assert.equal(rewriteSource({ file: "a.cjs", content: src, bindings: [], secretsImport: "./secrets.js", literals: [] }).changed, false);
});

test("CommonJS: the secrets module is required after `require(\"dotenv\").config()`, so VAULT_* from .env are set", () => {
  const src = `require("dotenv").config({ path: ".env" });\nconst { Client } = require("pg").native;\n\nconst pw = process.env.DB_PASSWORD;\n`;
  const out = rewrite("db.js", src);
  assert.equal(out.content, `require("dotenv").config({ path: ".env" });\nconst { Client } = require("pg").native;\nconst { secrets } = require("./secrets.js");\n\nconst pw = secrets.DB_PASSWORD;\n`);
});

test("CommonJS: a leading require that reads a secret itself (require(\"stripe\")(key)) gets the import before it, not after", () => {
  const out = rewrite("pay.js", `require("dotenv").config();\nconst stripe = require("stripe")(process.env.STRIPE_KEY);\nmodule.exports = stripe;\n`);
  assert.equal(out.content, `require("dotenv").config();\nconst { secrets } = require("./secrets.js");\nconst stripe = require("stripe")(secrets.STRIPE_KEY);\nmodule.exports = stripe;\n`);
});

test("ESM: dotenv configured in the module body is reported (imports, the secrets module included, run first)", () => {
  const out = rewrite("server.js", `import dotenv from "dotenv";\nimport express from "express";\ndotenv.config();\nconst key = process.env.STRIPE_KEY;\n`);
  assert.equal(out.changed, true);
  assert.deepEqual(out.warnings.map((w) => [w.code, w.line]), [["load-order", 3]]);
  const fine = rewrite("server.js", `import "dotenv/config";\nconst key = process.env.STRIPE_KEY;\n`);
  assert.deepEqual(fine.warnings, []);
});

test("a .js file with neither import nor require follows package.json type (Node's rule), never a guess of ESM", () => {
  const src = `console.log(process.env.STRIPE_KEY.length);\n`;
  const cjs = rewriteSource({ file: "src/a.js", content: src, bindings, secretsImport: "./vaultshift-secrets", literals: [], packageType: "commonjs" });
  assert.equal(cjs.content, `const { secrets } = require("./vaultshift-secrets");\nconsole.log(secrets.STRIPE_KEY.length);\n`);
  const esm = rewriteSource({ file: "src/a.js", content: src, bindings, secretsImport: "./vaultshift-secrets.js", literals: [], packageType: "module" });
  assert.equal(esm.content, `import { secrets } from "./vaultshift-secrets.js";\nconsole.log(secrets.STRIPE_KEY.length);\n`);
  // Syntax still wins over the package type, and the extension over both.
  assert.match(rewriteSource({ file: "src/b.js", content: `import "x";\n${src}`, bindings, secretsImport: "./s.js", literals: [], packageType: "commonjs" }).content, /^import "x";\nimport \{ secrets \}/);
  assert.match(rewriteSource({ file: "src/c.cjs", content: src, bindings, secretsImport: "./s.cjs", literals: [], packageType: "module" }).content, /^const \{ secrets \} = require/);
});

test("a secret normalised in place or scrubbed after its first read: the write and delete go through processEnv, reads before them read the secret", () => {
  const src = `const boot = process.env.DB_PASSWORD;\ndelete process.env.DB_PASSWORD;\nprocess.env.STRIPE_KEY = process.env.STRIPE_KEY.trim();\nprocess.env.STRIPE_KEY ??= "dev";\nmodule.exports = { boot, later: process.env.DB_PASSWORD ?? "gone", has: "STRIPE_KEY" in process.env };\n`;
  const out = rewrite("a.cjs", src);
  assert.equal(
    out.content,
    `const { secrets, processEnv } = require("./secrets.js");\nconst boot = secrets.DB_PASSWORD;\ndelete processEnv.DB_PASSWORD;\nprocessEnv.STRIPE_KEY = secrets.STRIPE_KEY.trim();\nprocessEnv.STRIPE_KEY ??= "dev";\nmodule.exports = { boot, later: secrets.DB_PASSWORD ?? "gone", has: "STRIPE_KEY" in processEnv };\n`,
  );
  assert.deepEqual(out.warnings.map((w) => w.code), ["env-write", "env-write", "env-write", "whole-env-use"]);
  assert.equal(rewrite("a.cjs", out.content).changed, false, "idempotent");
});

test("credentials scrubbed from the environment by a name known at run time: `delete process.env[name]` goes through processEnv, and the file is no .env loader", () => {
  const src = `const held = {};\nfor (const name of ["DB_PASSWORD", "STRIPE_KEY"]) {\n  held[name] = process.env[name];\n  delete process.env[name];\n}\nmodule.exports = { held, left: process.env.DB_PASSWORD };\n`;
  const out = rewrite("a.cjs", src);
  assert.equal(
    out.content,
    `const { secrets, processEnv } = require("./secrets.js");\nconst held = {};\nfor (const name of ["DB_PASSWORD", "STRIPE_KEY"]) {\n  held[name] = processEnv[name];\n  delete processEnv[name];\n}\nmodule.exports = { held, left: secrets.DB_PASSWORD };\n`,
  );
  assert.deepEqual(out.warnings.map((w) => w.code), ["dynamic-env-access", "env-write"]);
  // A dynamic write still makes a loader: its delete is left to it as well.
  const loader = `for (const [k, v] of Object.entries(parsed)) process.env[k] = v;\ndelete process.env[other];\n`;
  assert.equal(rewrite("l.cjs", loader).content, loader);
  assert.equal(rewrite("a.cjs", out.content).changed, false, "idempotent");
});

test("a CommonJS .env loader reads through processEnv required where it is used (after the loader ran); its own `k in process.env` checks stay", () => {
  const src = `const parsed = parse(readFileSync(".env", "utf8"));\nfor (const k of Object.keys(parsed)) if (!(k in process.env)) process.env[k] = parsed[k];\nexports.get = (k) => process.env[k];\nexports.slack = "DB_PASSWORD" in process.env;\nObject.assign(process.env, { A: "1" });\n`;
  const out = rewrite("config.cjs", src);
  assert.equal(
    out.content,
    src.replace("exports.get = (k) => process.env[k]", `exports.get = (k) => require("./secrets.js").processEnv[k]`).replace(`"DB_PASSWORD" in process.env`, `"DB_PASSWORD" in require("./secrets.js").processEnv`),
  );
  assert.ok(!/^const \{/m.test(out.content), "no require at the top: the secrets load at the first read");
  // A loader that also reads a secret by name imports the module at the top anyway: no deferred require then.
  const both = rewrite("config.cjs", `${src}exports.pw = process.env.DB_PASSWORD;\n`);
  assert.match(both.content, /^const \{ secrets, processEnv \} = require\("\.\/secrets\.js"\);$/m);
  assert.match(both.content, /exports\.get = \(k\) => processEnv\[k\];/);
  // The same loader as an ES module cannot defer an import: reported only...
  assert.equal(rewrite("config.mjs", src).changed, false);
  // ...unless it imports the module anyway for a read by name (imports run before the body either way).
  const esm = rewrite("config.mjs", `import { parse } from "dotenv";\n${src}export const pw = process.env.DB_PASSWORD;\n`);
  assert.match(esm.content, /^import \{ secrets, processEnv \} from "\.\/secrets\.js";$/m);
  assert.match(esm.content, /exports\.get = \(k\) => processEnv\[k\];/);
  assert.match(esm.content, /if \(!\(k in process\.env\)\) process\.env\[k\] = parsed\[k\];/, "the loader's own check and write stay");
  // TypeScript compiled to CommonJS (a Nest-style ConfigService.get(key) that also loads .env files): the same deferred read.
  const ts = `import { parse } from "dotenv";\nexport class ConfigService {\n  constructor(files: string[]) { for (const [k, v] of Object.entries(parse(files[0]!))) if (!(k in process.env)) process.env[k] = v; }\n  get(key: string): string | undefined { return process.env[key]; }\n}\n`;
  const asCjs = rewriteSource({ file: "src/config.service.ts", content: ts, bindings, secretsImport: "./secrets", literals: [], runsAs: "cjs" });
  assert.equal(asCjs.content, ts.replace("return process.env[key]", `return require("./secrets").processEnv[key]`));
  assert.equal(rewriteSource({ file: "src/config.service.ts", content: ts, bindings, secretsImport: "./secrets.js", literals: [], runsAs: "esm" }).changed, false);
});

test("an ES module .env loader reads the CommonJS secrets module through createRequire where it is used; isEsmEnvLoader finds such loaders", () => {
  const src = `import { readFileSync } from "node:fs"\nimport { parse } from "dotenv"\nconst parsed = parse(readFileSync(".env", "utf8"))\nfor (const k of Object.keys(parsed)) if (!(k in process.env)) process.env[k] = parsed[k]\nexport const get = (k) => process.env[k]\n`;
  const out = rewriteSource({ file: "lib/env.mjs", content: src, bindings, secretsImport: "../secrets.cjs", literals: [], secretsModuleKind: "cjs" });
  assert.equal(
    out.content,
    src
      .replace(`import { parse } from "dotenv"\n`, `import { parse } from "dotenv"\nimport { createRequire as vaultshiftCreateRequire } from "node:module"\n`)
      .replace("export const get = (k) => process.env[k]", `export const get = (k) => vaultshiftCreateRequire(import.meta.url)("../secrets.cjs").processEnv[k]`),
  );
  // With the ESM flavour (top-level await) require() would fail: reported only, as before.
  assert.equal(rewriteSource({ file: "lib/env.mjs", content: src, bindings, secretsImport: "../secrets.js", literals: [], secretsModuleKind: "esm" }).changed, false);
  assert.equal(isEsmEnvLoader("lib/env.mjs", src), true);
  assert.equal(isEsmEnvLoader("lib/env.cjs", src.replace(/^import .*$/gm, "")), false, "CommonJS");
  assert.equal(isEsmEnvLoader("lib/read.mjs", "export const get = (k) => process.env[k];\n"), false, "reads only");
});

test("a child process or worker given a scoped env literal gets ...vaultEnv first (Vault settings, environment); one that inherits the environment does not", () => {
  const src = [
    `const { fork, spawn, execFile } = require("node:child_process");`,
    `const { Worker, SHARE_ENV } = require("node:worker_threads");`,
    `fork("child.js", [], { env: { PATH: process.env.PATH, KEY: process.env.STRIPE_KEY } });`,
    `spawn("sh", ["x.sh"], { env: { ...process.env, MODE: "1" } });`,
    `execFile("node", ["c.js"], { env: {} }, () => {});`,
    `new Worker("w.js", {\n  env: {\n    MODE: "w",\n  },\n});`,
    `new Worker("w.js", { env: SHARE_ENV });`,
    `spawn("node", ["c.js"], { env: process.env });`,
    ``,
  ].join("\n");
  const out = rewrite("main.cjs", src);
  assert.equal(
    out.content,
    src
      .replace(`const { Worker, SHARE_ENV } = require("node:worker_threads");`, `const { Worker, SHARE_ENV } = require("node:worker_threads");\nconst { secrets, processEnv, vaultEnv } = require("./secrets.js");`)
      .replace(`{ env: { PATH: process.env.PATH, KEY: process.env.STRIPE_KEY } }`, `{ env: { ...vaultEnv, PATH: process.env.PATH, KEY: secrets.STRIPE_KEY } }`)
      .replace(`{ ...process.env, MODE: "1" }`, `{ ...processEnv, MODE: "1" }`)
      .replace(`{ env: {} }`, `{ env: { ...vaultEnv } }`)
      .replace(`    MODE: "w",`, `    ...vaultEnv, MODE: "w",`)
      .replace(`{ env: process.env }`, `{ env: processEnv }`),
  );
  assert.deepEqual(
    out.warnings.map((w) => [w.code, w.line]),
    [["child-env", 3], ["whole-env-use", 4], ["child-env", 5], ["child-env", 7], ["whole-env-use", 12]],
  );
  assert.match(out.warnings[0]!.message, /\.\.\.vaultEnv from the secrets module/);
  // Applying the rewrite again changes nothing: a spread of vaultEnv is an inherited env.
  assert.equal(rewrite("main.cjs", out.content).content, out.content);
});

test("a scoped env held in a const used only there is extended where it is declared; one also used elsewhere (a log) or not a literal is only reported", () => {
  const once = `import { fork } from "node:child_process";\nconst childEnv = { PATH: process.env.PATH };\nfork("child.js", [], { env: childEnv });\nconst env = { MODE: "x" };\nfork("other.js", { env });\nexport const k = process.env.STRIPE_KEY;\n`;
  const a = rewrite("main.mjs", once);
  assert.match(a.content, /^const childEnv = \{ \.\.\.vaultEnv, PATH: process\.env\.PATH \};$/m);
  assert.match(a.content, /^const env = \{ \.\.\.vaultEnv, MODE: "x" \};$/m);
  assert.deepEqual(a.warnings.filter((w) => w.code === "child-env").map((w) => w.line), [2, 4]);
  // Logged too: extending it would print the token, so it is left alone and reported.
  const logged = `import { fork } from "node:child_process";\nconst childEnv = { PATH: process.env.PATH };\nconsole.log(childEnv);\nfork("child.js", [], { env: childEnv });\nfork("c2.js", [], { env: makeEnv() });\nexport const k = process.env.STRIPE_KEY;\n`;
  const b = rewrite("main.mjs", logged);
  assert.doesNotMatch(b.content, /vaultEnv/);
  const w = b.warnings.filter((x) => x.code === "child-env");
  assert.deepEqual(w.map((x) => x.line), [4, 5]);
  assert.match(w[0]!.message, /not an object literal given only to this call\)\. .*add \.\.\.vaultEnv from the secrets module/);
});

test("ESM: the vaultEnv import joins the others; a CommonJS .env loader requires it where used", () => {
  const esm = rewrite("main.mjs", `import { Worker } from "node:worker_threads";\nnew Worker("./w.mjs", { env: { MODE: "1" } });\n`);
  assert.equal(esm.content, `import { Worker } from "node:worker_threads";\nimport { vaultEnv } from "./secrets.js";\nnew Worker("./w.mjs", { env: { ...vaultEnv, MODE: "1" } });\n`);
  const loader = `const fs = require("node:fs");\nfor (const [k, v] of Object.entries(JSON.parse(fs.readFileSync("env.json", "utf8")))) process.env[k] = v;\nrequire("node:child_process").fork("c.js", { env: { A: "1" } });\n`;
  assert.equal(rewrite("load.cjs", loader).content, loader.replace(`{ A: "1" }`, `{ ...require("./secrets.js").vaultEnv, A: "1" }`));
  // An empty env becomes `{ ...require(…).vaultEnv }`: still no import at the top (the require's specifier is not a `secrets.` read).
  const empty = loader.replace(`{ A: "1" }`, "{}");
  assert.equal(rewrite("load.cjs", empty).content, empty.replace("{}", `{ ...require("./secrets.js").vaultEnv }`));
  // A vaultEnv already bound in the file is not shadowed.
  const taken = rewrite("m.mjs", `import { fork } from "node:child_process";\nconst vaultEnv = 1;\nfork("c.js", { env: { A: "1" } });\n`);
  assert.match(taken.content, /import \{ vaultEnv as vaultshiftVaultEnv \} from "\.\/secrets\.js";/);
  assert.match(taken.content, /\{ \.\.\.vaultshiftVaultEnv, A: "1" \}/);
});

test("a file that parses .env text itself and uses the values directly is reported (env-file-parse); a loader putting them into process.env is not", () => {
  const viteLike = `import fs from "node:fs";\nimport dotenv from "dotenv";\nexport function loadEnv(mode) {\n  return { ...dotenv.parse(fs.readFileSync(".env")), ...dotenv.parse(fs.readFileSync(\`.env.\${mode}\`)) };\n}\n`;
  const out = rewrite("tools/env.mjs", viteLike);
  assert.equal(out.content, viteLike);
  assert.deepEqual(out.warnings.map((w) => [w.code, w.line]), [["env-file-parse", 4], ["env-file-parse", 4]]);
  assert.match(out.warnings[0]!.message, /no longer in the \.env files/);
  // CommonJS forms: a destructured parse, require("dotenv").parse.
  const cjs = `const { parse: p } = require("dotenv");\nconst a = p("X=1");\nconst b = require("dotenv").parse("Y=2");\nmodule.exports = { a, b };\n`;
  assert.deepEqual(rewrite("a.cjs", cjs).warnings.map((w) => [w.code, w.line]), [["env-file-parse", 2], ["env-file-parse", 3]]);
  // A loader (writes process.env by computed name): its values reach process.env, which processEnv serves.
  const loader = `const dotenv = require("dotenv");\nconst parsed = dotenv.parse(require("fs").readFileSync(".env"));\nfor (const k of Object.keys(parsed)) if (!(k in process.env)) process.env[k] = parsed[k];\n`;
  assert.deepEqual(rewrite("load.cjs", loader).warnings.filter((w) => w.code === "env-file-parse"), []);
  // Some other parse is not dotenv's.
  assert.deepEqual(rewrite("b.mjs", `import { parse } from "node:path";\nexport const x = parse("/a/b");\n`).warnings, []);
});

test("the process object reached other ways: node:process imports (named env, default, namespace), require(\"process\"), globalThis.process", () => {
  const esm = [
    `import { env } from "node:process";`,
    `import proc from "process";`,
    `import * as nodeProcess from "node:process";`,
    `export const a = env.STRIPE_KEY, b = proc.env.DB_PASSWORD, c = nodeProcess.env["API-TOKEN"], d = globalThis.process.env.STRIPE_KEY, port = env.PORT;`,
    ``,
  ].join("\n");
  assert.equal(
    rewrite("src/a.mjs", esm).content,
    [
      `import { env } from "node:process";`,
      `import proc from "process";`,
      `import * as nodeProcess from "node:process";`,
      `import { secrets } from "./secrets.js";`,
      `export const a = secrets.STRIPE_KEY, b = secrets.DB_PASSWORD, c = secrets["API-TOKEN"], d = secrets.STRIPE_KEY, port = env.PORT;`,
      ``,
    ].join("\n"),
  );
  const cjs = `const { env } = require("node:process");\nconst p = require("process");\nmodule.exports = [env.STRIPE_KEY, require("process").env.DB_PASSWORD, p.env.STRIPE_KEY, global.process.env.DB_PASSWORD];\n`;
  assert.equal(
    rewrite("lib/b.cjs", cjs).content,
    `const p = require("process");\nconst { secrets } = require("./secrets.js");\nmodule.exports = [secrets.STRIPE_KEY, secrets.DB_PASSWORD, secrets.STRIPE_KEY, secrets.DB_PASSWORD];\n`,
  );
  // Other objects that happen to have an `env` stay as they are.
  const other = `import cfg from "./process.js";\nconst x = cfg.env.STRIPE_KEY, y = globalThis.env.STRIPE_KEY, z = require("./process").env.STRIPE_KEY;\n`;
  assert.equal(rewrite("c.mjs", other).changed, false);
});

test("the environment nested in a pattern of the process object: const { env: { A, B = d } } = process", () => {
  const all = rewrite("a.cjs", `const {\n  env: { STRIPE_KEY, DB_PASSWORD: pw = "dev" },\n} = process;\nmodule.exports = [STRIPE_KEY, pw];\n`);
  assert.equal(all.content, `const { secrets } = require("./secrets.js");\nconst {\n  env: {},\n} = process, { STRIPE_KEY, DB_PASSWORD: pw = "dev" } = secrets;\nmodule.exports = [STRIPE_KEY, pw];\n`);
  const mixed = rewrite("b.cjs", `const { argv, env: { PORT, STRIPE_KEY } } = require("node:process");\nmodule.exports = [argv, PORT, STRIPE_KEY];\n`);
  // The import goes before the declaration that reads a secret.
  assert.equal(mixed.content, `const { secrets } = require("./secrets.js");\nconst { argv, env: { PORT } } = require("node:process"), { STRIPE_KEY } = secrets;\nmodule.exports = [argv, PORT, STRIPE_KEY];\n`);
});

test("whole uses and dynamic reads through require(\"process\").env and globalThis.process.env go through processEnv", () => {
  const out = rewrite("a.cjs", `const { spawn } = require("child_process");\nspawn("x", { env: globalThis.process.env });\nconst v = require("node:process").env[name];\n`);
  assert.equal(out.content, `const { spawn } = require("child_process");\nconst { processEnv } = require("./secrets.js");\nspawn("x", { env: processEnv });\nconst v = processEnv[name];\n`);
  assert.deepEqual(out.warnings.map((w) => w.code), ["whole-env-use", "dynamic-env-access"]);
});

test("an env alias with no initialiser to replace (named import, const { env } = process) used whole reads processEnv where it is used; a const holding the process object is one too", () => {
  const esm = `import { env } from "node:process";\nimport { spawn } from "node:child_process";\nspawn("x", [], { env: env });\nconst copy = { ...env };\nexport const k = env.STRIPE_KEY;\n`;
  const out = rewrite("a.mjs", esm);
  assert.equal(
    out.content,
    `import { spawn } from "node:child_process";\nimport { secrets, processEnv } from "./secrets.js";\nspawn("x", [], { env: processEnv });\nconst copy = { ...processEnv };\nexport const k = secrets.STRIPE_KEY;\n`,
  );
  const cjs = `const proc = globalThis.process;\nconst { env } = process;\nmodule.exports = [proc.env.DB_PASSWORD, Object.keys(env)];\n`;
  // No leading require to follow: the import is the first statement.
  assert.equal(rewrite("b.cjs", cjs).content, `const { secrets, processEnv } = require("./secrets.js");\nconst proc = globalThis.process;\nmodule.exports = [secrets.DB_PASSWORD, Object.keys(processEnv)];\n`);
});

test("a name for the process object that is bound again, or re-assigned, is not trusted: reads through it stay, with a warning", () => {
  // A parameter called like the module binding is some other object.
  const shadowedParam = `const proc = require("node:process");\nfunction f(proc) {\n  return proc.env.STRIPE_KEY;\n}\nmodule.exports = f({ env: { STRIPE_KEY: "fake" } });\n`;
  const a = rewrite("a.cjs", shadowedParam);
  assert.equal(a.content, shadowedParam);
  assert.ok(a.warnings.some((w) => w.code === "rewrite-skipped"));
  // `let p = process; p = other;`: p is not the process object everywhere.
  const reassigned = `let p = process;\np = { env: { STRIPE_KEY: "fake" } };\nmodule.exports = p.env.STRIPE_KEY;\n`;
  const b = rewrite("b.cjs", reassigned);
  assert.equal(b.content, reassigned);
  assert.ok(b.warnings.some((w) => w.code === "rewrite-skipped"));
  // A const in one function does not make the same name in another one the process object.
  const otherScope = `function a() {\n  const p = process;\n  return p.pid;\n}\nfunction b(p) {\n  return p.env.STRIPE_KEY;\n}\nmodule.exports = [a, b];\n`;
  assert.equal(rewrite("c.cjs", otherScope).content, otherScope);
});

test("a local variable called process is not the process object: reads through it stay, with a warning", () => {
  const local = `function load(process) {\n  return process.env.STRIPE_KEY;\n}\nmodule.exports = load({ env: { STRIPE_KEY: "fake" } });\n`;
  const out = rewrite("a.cjs", local);
  assert.equal(out.content, local);
  assert.ok(out.warnings.some((w) => w.code === "rewrite-skipped"));
  const nested = `function load(process) {\n  const { env: { STRIPE_KEY } } = process;\n  return STRIPE_KEY;\n}\nmodule.exports = load;\n`;
  assert.equal(rewrite("b.cjs", nested).content, nested);
  // `const process = require("node:process")` is the process object itself: rewritten as before.
  assert.equal(
    rewrite("c.cjs", `const process = require("node:process");\nmodule.exports = process.env.STRIPE_KEY;\n`).content,
    `const process = require("node:process");\nconst { secrets } = require("./secrets.js");\nmodule.exports = secrets.STRIPE_KEY;\n`,
  );
});

test("an env alias that is assigned again is not trusted: reads through it stay, with a warning", () => {
  for (const src of [`let env = process.env;\nenv = { STRIPE_KEY: "fake" };\nmodule.exports = env.STRIPE_KEY;\n`, `let { env } = process;\nenv = { STRIPE_KEY: "fake" };\nmodule.exports = env.STRIPE_KEY;\n`]) {
    const out = rewrite("a.cjs", src);
    assert.equal(out.content, src);
    assert.deepEqual(out.warnings.map((w) => w.code), ["rewrite-skipped"]);
  }
});

test("the environment nested in a pattern of the process object, with a default or a rest element", () => {
  // process.env is never undefined: the default does not change what is read.
  assert.equal(
    rewrite("a.cjs", `const { env: { STRIPE_KEY } = {} } = process;\nmodule.exports = STRIPE_KEY;\n`).content,
    `const { secrets } = require("./secrets.js");\nconst { env: {} = {} } = process, { STRIPE_KEY } = secrets;\nmodule.exports = STRIPE_KEY;\n`,
  );
  // A rest element copies the environment, which no longer holds the secrets: said.
  const rest = `const { env: { ...all } } = process;\nmodule.exports = all.STRIPE_KEY;\n`;
  const out = rewrite("b.cjs", rest);
  assert.equal(out.content, rest);
  assert.deepEqual(out.warnings.map((w) => w.code), ["whole-env-use"]);
});

test("an env alias with no initialiser passed on in a shorthand property ({ env }) is processEnv there", () => {
  const out = rewrite("a.mjs", `import { env } from "node:process";\nimport { spawn } from "node:child_process";\nspawn("x", [], { env });\n`);
  assert.equal(out.content, `import { spawn } from "node:child_process";\nimport { processEnv } from "./secrets.js";\nspawn("x", [], { env: processEnv });\n`);
  assert.deepEqual(out.warnings.map((w) => w.code), ["whole-env-use"]);
});

test("a TypeScript ambient declaration of process (declare const, declare global) is the global itself: rewritten", () => {
  assert.equal(
    rewrite("a.ts", `declare const process: { env: Record<string, string | undefined> };\nexport const k = process.env.STRIPE_KEY;\n`).content,
    `import { secrets } from "./secrets.js";\ndeclare const process: { env: Record<string, string | undefined> };\nexport const k = secrets.STRIPE_KEY;\n`,
  );
  const global = rewrite("b.ts", `declare global {\n  var process: { env: Record<string, string> };\n}\nexport const k = process.env.STRIPE_KEY;\n`);
  assert.match(global.content, /export const k = secrets\.STRIPE_KEY;/);
  assert.deepEqual(global.warnings, []);
});

test("an imported env (import { env } from \"node:process\") whose name is bound again is not trusted, and says so", () => {
  const src = `import { env } from "node:process";\nexport const k = env.STRIPE_KEY;\nexport function f(env) {\n  return env.X;\n}\n`;
  const out = rewrite("a.mjs", src);
  assert.equal(out.content, src);
  assert.deepEqual(out.warnings.map((w) => w.code), ["rewrite-skipped"]);
});

test("an alias of process.env left with no read is removed with its line (TypeScript noUnusedLocals, ESLint no-unused-vars); one still read, exported or declaring more stays", () => {
  const ts = `import { need } from "./need";\n\nconst { env } = process;\n\nexport const token = need(env["STRIPE_KEY"]);\n`;
  assert.equal(rewrite("a.ts", ts).content, `import { need } from "./need";\nimport { secrets } from "./secrets.js";\n\nexport const token = need(secrets.STRIPE_KEY);\n`);
  // The secrets require still goes after dotenv's.
  const cjs = `require("dotenv").config();\nconst env = process.env;\nmodule.exports = env.DB_PASSWORD;\n`;
  assert.equal(rewrite("b.cjs", cjs).content, `require("dotenv").config();\nconst { secrets } = require("./secrets.js");\nmodule.exports = secrets.DB_PASSWORD;\n`);
  const imported = `import { env } from "node:process";\nexport const k = env.STRIPE_KEY;\n`;
  assert.equal(rewrite("c.mjs", imported).content, `import { secrets } from "./secrets.js";\nexport const k = secrets.STRIPE_KEY;\n`);
  // Still read for config, exported, declaring another name, or never read before: kept.
  assert.match(rewrite("d.js", `const env = process.env;\nexport const a = [env.STRIPE_KEY, env.PORT];\n`).content, /^const env = process\.env;$/m);
  assert.match(rewrite("e.js", `export const env = process.env;\nexport const a = env.STRIPE_KEY;\n`).content, /^export const env = process\.env;$/m);
  assert.match(rewrite("f.js", `const { env, argv } = process;\nexport const a = [env.STRIPE_KEY, argv];\n`).content, /^const \{ env, argv \} = process;$/m);
  assert.match(rewrite("g.js", `const env = process.env, port = 3;\nexport const a = [env.STRIPE_KEY, port];\n`).content, /^const env = process\.env, port = 3;$/m);
  assert.match(rewrite("h.js", `const { env } = process;\nexport const a = process.env.STRIPE_KEY;\n`).content, /^const \{ env \} = process;$/m);
  // Exported by a specifier, read in JSX or possibly by a direct eval: kept (removing it would leave `export { env }` unbound, `<env.X />` a ReferenceError).
  assert.match(rewrite("i.mjs", `const env = process.env;\nexport const k = env.STRIPE_KEY;\nexport { env };\n`).content, /^const env = process\.env;$/m);
  assert.match(rewrite("j.mjs", `import { env } from "node:process";\nexport const k = env.STRIPE_KEY;\nexport { env as environment };\n`).content, /^import \{ env \} from "node:process";$/m);
  assert.match(rewrite("k.jsx", `const env = process.env;\nexport const k = env.STRIPE_KEY;\nexport const C = () => <env.Banner />;\n`).content, /^const env = process\.env;$/m);
  assert.match(rewrite("l.cjs", `const env = process.env;\nmodule.exports = { k: env.STRIPE_KEY, f: () => eval("env.PORT") };\n`).content, /^const env = process\.env;$/m);
});

test("process.env.hasOwnProperty(name) and propertyIsEnumerable(name) ask processEnv, which has the migrated names", () => {
  const out = rewrite("a.cjs", `const e = process.env;\nmodule.exports = [process.env.hasOwnProperty("STRIPE_KEY"), e.propertyIsEnumerable(k), process.env.PORT];\n`);
  assert.equal(out.content, `const { processEnv } = require("./secrets.js");\nconst e = processEnv;\nmodule.exports = [processEnv.hasOwnProperty("STRIPE_KEY"), e.propertyIsEnumerable(k), process.env.PORT];\n`);
  assert.deepEqual(out.warnings.map((w) => w.code), ["dynamic-env-access", "dynamic-env-access"]);
});

test("structuredClone of the environment clones a plain copy of processEnv (a Proxy cannot be cloned), directly and through an alias", () => {
  const out = rewrite("a.mjs", `const env = process.env;\nexport const a = structuredClone(process.env);\nexport const b = globalThis.structuredClone(env, {});\nexport const c = env.STRIPE_KEY;\n`);
  assert.equal(
    out.content,
    `import { secrets, processEnv } from "./secrets.js";\nconst env = processEnv;\nexport const a = structuredClone({ ...processEnv });\nexport const b = globalThis.structuredClone({ ...env }, {});\nexport const c = secrets.STRIPE_KEY;\n`,
  );
  // What it clones to is what process.env cloned to: a plain object with the values.
  const proxy = new Proxy({ STRIPE_KEY: "v" }, {});
  assert.throws(() => structuredClone(proxy), /could not be cloned/);
  assert.deepEqual(structuredClone({ ...proxy }), { STRIPE_KEY: "v" });
});

test("workerData, postMessage and v8.serialize clone a plain copy of processEnv too (also inside object and array literals); other properties and calls pass processEnv itself", async () => {
  const src = [
    `const { Worker } = require("node:worker_threads");`,
    `const v8 = require("node:v8");`,
    `const env = process.env;`,
    `const w = new Worker("./t.js", { workerData: process.env });`,
    `w.postMessage(env);`,
    `parentPort.postMessage({ env: process.env, list: [env] });`,
    `port.postMessage({ env });`,
    `const bytes = v8.serialize(process.env);`,
    `const other = configure({ options: process.env });`,
    `const k = process.env.STRIPE_KEY;`,
    ``,
  ].join("\n");
  const out = rewrite("a.cjs", src);
  assert.equal(
    out.content,
    [
      `const { Worker } = require("node:worker_threads");`,
      `const v8 = require("node:v8");`,
      `const { secrets, processEnv } = require("./secrets.js");`,
      `const env = processEnv;`,
      `const w = new Worker("./t.js", { workerData: { ...processEnv } });`,
      `w.postMessage({ ...env });`,
      // Inside the literals it clones too: a nested Proxy fails the same way.
      `parentPort.postMessage({ env: { ...processEnv }, list: [{ ...env }] });`,
      `port.postMessage({ env: { ...env } });`,
      `const bytes = v8.serialize({ ...processEnv });`,
      `const other = configure({ options: processEnv });`,
      `const k = secrets.STRIPE_KEY;`,
      ``,
    ].join("\n"),
  );
  // The copy alone still imports processEnv.
  assert.equal(rewrite("b.mjs", `new Worker(f, { workerData: process.env });\n`).content, `import { processEnv } from "./secrets.js";\nnew Worker(f, { workerData: { ...processEnv } });\n`);
  assert.equal(rewrite("c.cjs", `module.exports = structuredClone(process.env);\n`).content, `const { processEnv } = require("./secrets.js");\nmodule.exports = structuredClone({ ...processEnv });\n`);
  // worker_threads clones workerData: a Proxy is refused, its plain copy is not.
  const { Worker } = await import("node:worker_threads");
  const proxy = new Proxy({ STRIPE_KEY: "v" }, {});
  assert.throws(() => new Worker("0", { eval: true, workerData: proxy }), /could not be cloned/);
  const w = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:worker_threads').workerData)", { eval: true, workerData: { ...proxy } });
  const got = await new Promise((resolve) => w.once("message", resolve));
  assert.deepEqual(got, { STRIPE_KEY: "v" });
  await w.terminate();
});

test("a child given the whole environment by a file that loads no .env (a launcher) is warned that it now gets secrets it may not have had; a file that loads .env keeps the plain warning", () => {
  // It hands its children their own loaders (--env-file, NODE_OPTIONS) but loads none itself.
  const launcher = rewrite("launch.cjs", `const { execFileSync } = require("node:child_process");\nexecFileSync("node", ["--env-file=.env", "a.js"], { env: { ...process.env, NODE_OPTIONS: "--require dotenv/config" } });\nmodule.exports = process.env.STRIPE_KEY;\n`);
  assert.match(launcher.content, /env: \{ \.\.\.processEnv, NODE_OPTIONS: "--require dotenv\/config" \}/);
  const w = launcher.warnings.find((x) => x.code === "whole-env-use")!;
  assert.match(w.message, /given to a child process here.*If it never did \(a launcher whose children load their own \.env or --env-file\), the child now starts with those secrets/);
  const loader = rewrite("start.cjs", `require("dotenv").config();\nconst { spawn } = require("node:child_process");\nspawn("node", ["a.js"], { env: process.env });\nmodule.exports = process.env.STRIPE_KEY;\n`);
  assert.match(loader.warnings.find((x) => x.code === "whole-env-use")!.message, /so what receives it gets what it got before/);
  // Not a child's env: the plain warning.
  assert.match(rewrite("lib.cjs", `module.exports = [configure(process.env), process.env.STRIPE_KEY];\n`).warnings.find((x) => x.code === "whole-env-use")!.message, /so what receives it gets what it got before/);
});

test("a child inheriting the environment whose shell command or inline code reads a migrated variable gets env: processEnv; one that reads none, or has an env, is left alone", () => {
  const src = [
    `const { execSync, execFileSync, spawn, exec } = require("node:child_process");`,
    `const { Worker } = require("node:worker_threads");`,
    `const SCRIPT = 'printf %s "$DB_PASSWORD" | cksum';`,
    `execFileSync("sh", ["-c", SCRIPT], { encoding: "utf8" });`,
    `execSync("psql -c 'select 1'");`,
    `execSync("curl -H \\"Authorization: Bearer \${STRIPE_KEY}\\" https://x");`,
    `exec("node -e \\"console.log(process.env.STRIPE_KEY)\\"", (err) => {});`,
    `new Worker("require('node:worker_threads').parentPort.postMessage(process.env['DB_PASSWORD'])", { eval: true });`,
    `spawn("sh", ["-c", "echo $DB_PASSWORD"], { env: { PATH: "/bin" } });`,
    `spawn("sh", ["-c", "echo $PORT"]);`,
    `execFileSync("sh", args);`,
    ``,
  ].join("\n");
  const out = rewrite("a.cjs", src);
  const lines = out.content.split("\n");
  assert.equal(lines[2], `const { processEnv, vaultEnv } = require("./secrets.js");`);
  assert.equal(lines[4], `execFileSync("sh", ["-c", SCRIPT], { env: processEnv, encoding: "utf8" });`);
  assert.equal(lines[5], `execSync("psql -c 'select 1'");`);
  assert.equal(lines[6], `execSync("curl -H \\"Authorization: Bearer \${STRIPE_KEY}\\" https://x", { env: processEnv });`);
  assert.equal(lines[7], `exec("node -e \\"console.log(process.env.STRIPE_KEY)\\"", { env: processEnv }, (err) => {});`);
  assert.equal(lines[8], `new Worker("require('node:worker_threads').parentPort.postMessage(process.env['DB_PASSWORD'])", { env: processEnv, eval: true });`);
  // A scoped env gets ...vaultEnv (round 3); a command reading only config is not touched.
  assert.equal(lines[9], `spawn("sh", ["-c", "echo $DB_PASSWORD"], { env: { ...vaultEnv, PATH: "/bin" } });`);
  assert.equal(lines[10], `spawn("sh", ["-c", "echo $PORT"]);`);
  assert.deepEqual(
    out.warnings.filter((w) => w.code === "child-env").map((w) => w.line),
    [4, 6, 7, 8, 9],
  );
  // The names are said, never a value; the same call rewritten again is left as it is.
  assert.match(out.warnings[0]!.message, /reads DB_PASSWORD, which are no longer in process\.env/);
  assert.equal(rewrite("a.cjs", out.content).content, out.content);
});

test("a helper starting workers with options given by name gets { env: processEnv, ...options } when the file holds code in a string reading a migrated variable (eval: true)", () => {
  const src = `const { Worker } = require("node:worker_threads");\nconst CODE = \`require("node:worker_threads").parentPort.postMessage(process.env.STRIPE_KEY)\`;\nfunction run(file, options) {\n  return new Worker(file, options);\n}\nrun(CODE, { eval: true });\n`;
  const out = rewrite("a.cjs", src);
  assert.match(out.content, /return new Worker\(file, \{ env: processEnv, \.\.\.options \}\);/);
  assert.match(out.warnings.find((w) => w.code === "child-env")!.message, /reads STRIPE_KEY/);
  // Without such code in the file, the helper is left alone.
  assert.equal(rewrite("b.cjs", src.replace("process.env.STRIPE_KEY", "process.env.PORT")).content, src.replace("process.env.STRIPE_KEY", "process.env.PORT"));
  // Another library's Worker (bullmq: a queue name and a processor) or a browser's takes no env: its second argument stays.
  const bull = `const { Worker } = require("bullmq");\nconst processor = require("./proc");\nconst SNIPPET = "console.log(process.env.STRIPE_KEY)";\nnew Worker("emails", processor, { connection });\nmodule.exports = SNIPPET;\n`;
  assert.match(rewrite("c.cjs", bull).content, /^new Worker\("emails", processor, \{ connection \}\);$/m);
});

test("dotenv.config() with processEnv: another object, or whose parsed result is read, is reported (env-file-parse); a plain config() is not", () => {
  const src = [
    `const dotenv = require("dotenv");`,
    `const { parsed } = dotenv.config();`,
    `const target = {};`,
    `dotenv.config({ path: "config/a.env", processEnv: target });`,
    `const r = require("dotenv").config({ path: ".env.local" });`,
    `const again = dotenv.config().parsed;`,
    `dotenv.config({ path: "other.env" });`,
    `module.exports = [parsed.STRIPE_KEY, target.DB_PASSWORD, r.parsed.X, again, process.env.STRIPE_KEY];`,
    ``,
  ].join("\n");
  const warnings = rewrite("a.cjs", src).warnings.filter((w) => w.code === "env-file-parse");
  // Line 5 reads only X, which is not migrated: nothing changes there.
  assert.deepEqual(warnings.map((w) => w.line).sort(), [2, 4, 6]);
  assert.match(warnings.find((w) => w.line === 4)!.message, /processEnv option/);
  assert.match(warnings.find((w) => w.line === 2)!.message, /parsed result/);
});

test("dotenv's own results read by a migrated name (parsed.X, config().parsed.X, r.parsed.X, parse(readFileSync(f)).X) become secrets reads where the value is the same; the rest is said with the reason", () => {
  const envFiles = [
    { file: ".env", migratedKeys: ["STRIPE_KEY", "DB_PASSWORD"], environment: "shared" },
    { file: ".env.production", migratedKeys: ["DB_PASSWORD"], environment: "production" },
    { file: "config/mail.env", migratedKeys: ["API-TOKEN"], environment: "shared" },
  ];
  const run = (file: string, content: string) => rewriteSource({ file, content, bindings, secretsImport: "./secrets.js", literals: [], envFiles });
  const cjs = [
    `const dotenv = require("dotenv");`,
    `const { parsed } = dotenv.config({ path: [\`.env.\${process.env.NODE_ENV}\`, ".env"] });`,
    `const r = dotenv.config();`,
    `const key = require("dotenv").config().parsed.STRIPE_KEY;`,
    `const mail = dotenv.parse(require("fs").readFileSync(require("path").join(__dirname, "config", "mail.env")));`,
    `module.exports = [parsed.DB_PASSWORD, parsed.PORT, r.parsed.STRIPE_KEY, r.parsed.DB_PASSWORD, mail["API-TOKEN"], key];`,
    ``,
  ].join("\n");
  const out = run("src/a.cjs", cjs);
  const lines = out.content.split("\n");
  assert.equal(lines[1], `const { secrets } = require("./secrets.js");`);
  // The value is read after the call that loads .env, which stays.
  assert.equal(lines[4], `const key = (require("dotenv").config(), require("./secrets.js").secrets.STRIPE_KEY);`);
  // DB_PASSWORD through the first call (which reads .env.<mode> and .env) is the same value; through r
  // (.env only) it is not: production's comes from .env.production, which that call does not read.
  assert.match(out.content, /module\.exports = \[secrets\.DB_PASSWORD, parsed\.PORT, secrets\.STRIPE_KEY, r\.parsed\.DB_PASSWORD, secrets\["API-TOKEN"\], key\];/);
  assert.deepEqual(out.reads.sort(), ["API-TOKEN", "DB_PASSWORD", "STRIPE_KEY"]);
  const said = out.warnings.filter((w) => w.code === "env-file-parse");
  assert.deepEqual(said.map((w) => w.line), [3]);
  assert.match(said[0]!.message, /DB_PASSWORD: DB_PASSWORD is also migrated from \.env\.production, which this call does not read/);
  // A value passed on whole, written, or read from a path vaultshift cannot tell: said, not rewritten.
  const whole = [
    `import dotenv from "dotenv";`,
    `import { readFileSync } from "node:fs";`,
    `const { parsed } = dotenv.config();`,
    `parsed.STRIPE_KEY = "x";`,
    `const p = dotenv.parse(readFileSync(process.argv[2]));`,
    `export const a = [parsed.STRIPE_KEY, p.STRIPE_KEY];`,
    ``,
  ].join("\n");
  const w = run("src/b.mjs", whole);
  assert.equal(w.content, whole);
  assert.deepEqual(w.warnings.filter((x) => x.code === "env-file-parse").map((x) => x.line).sort(), [3, 5]);
  assert.match(w.warnings.find((x) => x.line === 5)!.message, /cannot tell which file this call reads/);
  // A parse of a file nothing migrates from changes nothing: not said.
  const kept = `const dotenv = require("dotenv");\nconst o = dotenv.parse(require("fs").readFileSync("other.env"));\nmodule.exports = { ...o, k: o.STRIPE_KEY };\n`;
  assert.deepEqual(run("src/c.cjs", kept).warnings, []);
});

test("parsed.X of a .env that serves one environment of several is not the value secrets.X gives in the others: said", () => {
  const envFiles = [
    { file: ".env", migratedKeys: ["STRIPE_KEY"], environment: "development" },
    { file: ".env.production", migratedKeys: [], environment: "production" },
  ];
  const src = `const dotenv = require("dotenv");\nconst { parsed } = dotenv.config();\nmodule.exports = parsed.STRIPE_KEY;\n`;
  const out = rewriteSource({ file: "a.cjs", content: src, bindings, secretsImport: "./secrets.js", literals: [], envFiles });
  assert.equal(out.content, src);
  assert.match(out.warnings.find((w) => w.code === "env-file-parse")!.message, /the production environment has no STRIPE_KEY of \.env/);
});

test("process loaded from a module of the project (./process) is not Node's: reads through it stay, and the warning names the module", () => {
  for (const src of [`import process from "./process";\nexport const k = process.env.STRIPE_KEY;\n`, `const process = require("./process.js");\nmodule.exports = process.env.STRIPE_KEY;\n`]) {
    const out = rewrite("a.js", src);
    assert.equal(out.content, src);
    assert.deepEqual(out.warnings.map((w) => w.code), ["rewrite-skipped"]);
    assert.match(out.warnings[0]!.message, /process is loaded from "\.\/process(?:\.js)?" here, not from Node's process module/);
  }
});

test("a process specifier the project maps to its own module (tsconfig paths, a bundler alias) is not trusted; node:process, which it does not map, still is", () => {
  const processAliases = { process: "tsconfig.json compilerOptions.paths" };
  const run = (file: string, content: string) => rewriteSource({ file, content, bindings, secretsImport: "./secrets.js", literals: [], processAliases });
  for (const src of [
    `import process from "process";\nexport const k = process.env.STRIPE_KEY;\n`,
    `import * as proc from "process";\nexport const k = proc.env.STRIPE_KEY;\n`,
    `import { env } from "process";\nexport const k = env.STRIPE_KEY;\n`,
    `const proc = require("process");\nmodule.exports = proc.env.STRIPE_KEY;\n`,
  ]) {
    const out = run("a.ts", src);
    assert.equal(out.content, src);
    assert.deepEqual(out.warnings.map((w) => w.code), ["rewrite-skipped"], src);
    assert.match(out.warnings[0]!.message, /loaded from "process"|imported from "process"/);
    assert.match(out.warnings[0]!.message, /tsconfig\.json compilerOptions\.paths maps to another module than Node's process/);
  }
  // require("process").env.X inline: not the process object either (no name to warn about; left as it is).
  const inline = `module.exports = require("process").env.STRIPE_KEY;\n`;
  assert.equal(run("b.js", inline).content, inline);
  const node = run("c.ts", `import process from "node:process";\nexport const k = process.env.STRIPE_KEY;\n`);
  assert.match(node.content, /export const k = secrets\.STRIPE_KEY;/);
});

test("SvelteKit: named imports of $env/static/private and env.X of $env/dynamic/private read the secrets module; other names and imports stay", () => {
  const bound = ["DB_PASSWORD", "STRIPE_KEY"].map(binding);
  const one = `import { DB_PASSWORD, STRIPE_KEY as stripe } from "$env/static/private";\n\nexport const db = { password: DB_PASSWORD, DB_PASSWORD, stripe };\n`;
  const out = rewriteSource({ file: "src/lib/server/db.js", content: one, bindings: bound, secretsImport: "../../secrets.js", literals: [], packageType: "module" });
  assert.equal(out.content, `import { secrets } from "../../secrets.js";\n\nexport const db = { password: secrets.DB_PASSWORD, DB_PASSWORD: secrets.DB_PASSWORD, stripe: secrets.STRIPE_KEY };\n`);
  assert.deepEqual(out.reads.sort(), ["DB_PASSWORD", "STRIPE_KEY"]);
  const mixed = `import { PUBLIC_SITE, DB_PASSWORD } from "$env/static/private";\nimport { env } from "$env/dynamic/private";\nexport const f = () => [DB_PASSWORD, env.STRIPE_KEY, env.PORT, PUBLIC_SITE];\n`;
  assert.equal(
    rewriteSource({ file: "src/hooks.server.js", content: mixed, bindings: bound, secretsImport: "./secrets.js", literals: [], packageType: "module" }).content,
    `import { PUBLIC_SITE } from "$env/static/private";\nimport { env } from "$env/dynamic/private";\nimport { secrets } from "./secrets.js";\nexport const f = () => [secrets.DB_PASSWORD, secrets.STRIPE_KEY, env.PORT, PUBLIC_SITE];\n`,
  );
  // Destructured from $env/dynamic/private: the migrated names come from the secrets module, the rest from env.
  const destructured = `import { env } from "$env/dynamic/private";\nconst { STRIPE_KEY: key, PORT = "3000", ...rest } = env;\nexport const h = [key, PORT, rest];\n`;
  const d = rewriteSource({ file: "src/lib/server/pay.js", content: destructured, bindings: bound, secretsImport: "../../secrets.js", literals: [], packageType: "module" });
  assert.equal(d.content, `import { env } from "$env/dynamic/private";\nimport { secrets } from "../../secrets.js";\nconst { STRIPE_KEY: key, PORT = "3000", ...rest } = { ...env, STRIPE_KEY: secrets.STRIPE_KEY };\nexport const h = [key, PORT, rest];\n`);
  assert.deepEqual(d.reads, ["STRIPE_KEY"]);
  // A local name declared again in the file is not trusted (no scope analysis): left alone.
  const shadowed = `import { DB_PASSWORD } from "$env/static/private";\nfunction f(DB_PASSWORD) { return DB_PASSWORD; }\nexport const g = DB_PASSWORD;\n`;
  assert.equal(rewriteSource({ file: "a.js", content: shadowed, bindings: bound, secretsImport: "./secrets.js", literals: [], packageType: "module" }).content, shadowed);
});

test("SvelteKit: $env/dynamic/private's env passed on whole, spread, enumerated or read by a computed name is a copy with the migrated names that have a value; a write through it stays", () => {
  const bound = ["DB_PASSWORD", "STRIPE_KEY"].map(binding);
  const src = `import { env } from "$env/dynamic/private";\nexport const a = connect(env);\nexport const b = { ...env, extra: 1 };\nexport const c = (k) => env[k];\nenv["X_" + 1] = "y";\nexport const d = env.PORT;\n`;
  const out = rewriteSource({ file: "src/lib/server/x.js", content: src, bindings: bound, secretsImport: "../../secrets.js", literals: [], packageType: "module" });
  const copy = `Object.assign({}, env, Object.fromEntries(["DB_PASSWORD","STRIPE_KEY"].map((n) => [n, secrets[n]]).filter((e) => e[1] !== undefined)))`;
  assert.equal(
    out.content,
    `import { env } from "$env/dynamic/private";\nimport { secrets } from "../../secrets.js";\nexport const a = connect(${copy});\nexport const b = { ...${copy}, extra: 1 };\nexport const c = (k) => ${copy}[k];\nenv["X_" + 1] = "y";\nexport const d = env.PORT;\n`,
  );
  assert.deepEqual(out.reads.sort(), ["DB_PASSWORD", "STRIPE_KEY"]);
  // What the copy holds: env's keys, plus each migrated name with a value (an unset one is not added).
  const env = { PORT: "3000", DB_PASSWORD: "stale" };
  const secrets: Record<string, string | undefined> = { DB_PASSWORD: "from-vault", STRIPE_KEY: undefined };
  const made = new Function("env", "secrets", `return ${copy};`)(env, secrets) as Record<string, string>;
  assert.deepEqual(made, { PORT: "3000", DB_PASSWORD: "from-vault" });
  assert.notEqual(made, env);
});

test("a file rewritten before reads its names from the secrets module: whole names only, by member or quoted key", () => {
  const bound = ["API_KEY", "API_KEY_ID", "DB_PASSWORD", "STRIPE_KEY"].map(binding);
  const content = `import { secrets } from "./secrets.js";\nexport const a = [secrets.API_KEY_ID, secrets["DB_PASSWORD"], mysecrets.STRIPE_KEY];\n`;
  const out = rewriteSource({ file: "a.js", content, bindings: bound, secretsImport: "./secrets.js", literals: [], packageType: "module" });
  assert.deepEqual(out.reads.sort(), ["API_KEY_ID", "DB_PASSWORD"]);
});

test("a write by computed name (a loader) is said as a write, not as a dynamic read left unrewritten", () => {
  const out = rewrite("load.js", `for (const [key, value] of Object.entries(parsed)) {\n  if (process.env[key] === undefined) process.env[key] = value;\n}\nconst k = process.env.STRIPE_KEY;\n`);
  const line2 = out.warnings.filter((w) => w.line === 2).map((w) => [w.code, /written here/.test(w.message), /dynamic environment read/.test(w.message)]);
  assert.ok(line2.some(([code, written]) => code === "env-write" && written === true), JSON.stringify(out.warnings));
  assert.equal(line2.filter(([code, , read]) => code === "dynamic-env-access" && read === true).length, 1, "the read on the line is said once");
});
