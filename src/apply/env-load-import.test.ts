import { test } from "node:test";
import assert from "node:assert/strict";
import { addLoadAfterEnvLoad } from "./env-load-import.js";

test("CommonJS: the secrets module is required right after the statement that loads .env, in the file's style", () => {
  const src = `"use strict";\nconst mode = process.env.NODE_ENV;\nrequire("dotenv").config({ path: [\`.env.\${mode}\`, ".env"] });\nconst { S3Client } = require("@aws-sdk/client-s3");\n`;
  const out = addLoadAfterEnvLoad("src/index.js", src, "./vaultshift-secrets", "cjs");
  assert.deepEqual(out, {
    content: src.replace(`".env"] });\n`, `".env"] });\nrequire("./vaultshift-secrets");\n`),
    line: 3,
    added: true,
    late: false,
  });
  // A package bound to a name, its config() destructured and renamed, dotenv-expand around it, no semicolons, CRLF.
  const named = `const dotenv = require('dotenv')\r\nconst { expand } = require('dotenv-expand')\r\nexpand(dotenv.config())\r\nmodule.exports = {}\r\n`;
  assert.equal(addLoadAfterEnvLoad("a.js", named, "./s", "cjs")!.content, named.replace("config())\r\n", "config())\r\nrequire('./s')\r\n"));
  const renamed = `const { config: loadEnv, parse } = require("dotenv");\nparse("A=1");\nloadEnv();\n`;
  assert.equal(addLoadAfterEnvLoad("a.js", renamed, "./s", "cjs")!.line, 3);
  assert.equal(addLoadAfterEnvLoad("a.js", `require("dotenv/config");\nrun();\n`, "./s", "cjs")!.content, `require("dotenv/config");\nrequire("./s");\nrun();\n`);
  assert.equal(addLoadAfterEnvLoad("a.js", `process.loadEnvFile(".env");\n`, "./s", "cjs")!.content, `process.loadEnvFile(".env");\nrequire("./s");\n`);
});

test("ES modules and TypeScript: an import after `import \"dotenv/config\"`, or after the last import when the body loads .env (imports run first either way)", () => {
  const esm = `import "dotenv/config";\nimport { config } from "./config.js";\nstart(config);\n`;
  // `import "dotenv/config"` runs in import order, before the added import: not late.
  assert.equal(addLoadAfterEnvLoad("src/a.mjs", esm, "./vaultshift-secrets.js", "esm")!.late, false);
  assert.equal(addLoadAfterEnvLoad("src/a.mjs", esm, "./vaultshift-secrets.js", "esm")!.content, `import "dotenv/config";\nimport "./vaultshift-secrets.js";\nimport { config } from "./config.js";\nstart(config);\n`);
  const ts = `import * as dotenv from "dotenv";\n\ndotenv.config({ path: ".env" });\n`;
  assert.deepEqual(addLoadAfterEnvLoad("src/load-env.ts", ts, "./vaultshift-secrets", "cjs"), { content: `import * as dotenv from "dotenv";\nimport "./vaultshift-secrets";\n\ndotenv.config({ path: ".env" });\n`, line: 3, added: true, late: true });
});

test("no .env load, a module already loaded, or only dotenv.parse: nothing to add", () => {
  assert.equal(addLoadAfterEnvLoad("a.js", `const x = require("./config");\n`, "./s", "cjs"), null);
  const loaded = `require("dotenv").config();\nconst { secrets } = require("./s");\n`;
  assert.deepEqual(addLoadAfterEnvLoad("a.js", loaded, "./s", "cjs"), { content: loaded, line: 1, added: false, late: false });
  assert.equal(addLoadAfterEnvLoad("a.js", `const { parse } = require("dotenv");\nparse(text);\n`, "./s", "cjs"), null);
  assert.equal(addLoadAfterEnvLoad("a.js", `function load() { require("dotenv").config(); }\n`, "./s", "cjs"), null);
  assert.equal(addLoadAfterEnvLoad("a.js", `this is not javascript (`, "./s", "cjs"), null);
});

test("a load inside a function is a load where the function is called at the top, and none when nothing calls it there", () => {
  const never = `const init = () => {\n  require("dotenv").config();\n};\nmodule.exports = { init };\n`;
  assert.equal(addLoadAfterEnvLoad("a.js", never, "./s", "cjs"), null);
  const called = `const dotenv = require("dotenv");\nfunction init() {\n  dotenv.config({ path: ".env" });\n}\nconst port = 3000;\ninit();\nmodule.exports = port;\n`;
  assert.deepEqual(addLoadAfterEnvLoad("a.js", called, "./s", "cjs"), { content: called.replace("init();\n", `init();\nrequire("./s");\n`), line: 6, added: true, late: false });
  const awaited = `const load = async () => { process.loadEnvFile(); };\nawait load();\nexport {};\n`;
  assert.equal(addLoadAfterEnvLoad("a.mjs", awaited, "./s.js", "esm")!.line, 2);
  // A direct load in a statement still counts, wherever in it (a condition, an argument).
  assert.equal(addLoadAfterEnvLoad("a.js", `if (!process.env.CI) require("dotenv").config();\n`, "./s", "cjs")!.line, 1);
});
