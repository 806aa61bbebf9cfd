import { test } from "node:test";
import assert from "node:assert/strict";
import { bunReadsBeforeLoad, lineRestWarnings, readOtherwise } from "./file-changes.js";

// Names a file still names once its process.env reads are rewritten: read through an object
// that mirrors process.env, which the secrets module then fills in process.env as .env did.

test("a name read through another object after the rewrite is found, with its line; rewritten reads, process.env reads and comments are not", () => {
  const code = [
    `import { secrets } from "./vaultshift-secrets.js";`,
    `// JWT_SECRET signs the session`,
    `/* STRIPE_KEY: see docs */`,
    `const a = secrets.JWT_SECRET ?? secrets["STRIPE_KEY"] ?? process.env.PORT_SECRET;`,
    `app.get("/h", (c) => {`,
    `  const { GITHUB_WEBHOOK_SECRET } = env(c);`,
    `  return env(c).OPENAI_API_KEY ?? Bun.env.RESEND_KEY;`,
    `});`,
    `const url = "https://example.com/x"; // PORT_SECRET`,
  ].join("\n");
  const found = readOtherwise(code, ["JWT_SECRET", "STRIPE_KEY", "PORT_SECRET", "GITHUB_WEBHOOK_SECRET", "OPENAI_API_KEY", "RESEND_KEY", "NOT_HERE"]);
  assert.deepEqual(Object.fromEntries(found), { GITHUB_WEBHOOK_SECRET: 6, OPENAI_API_KEY: 7, RESEND_KEY: 7 });
  // A longer name is not the shorter one.
  assert.deepEqual(Object.fromEntries(readOtherwise(`const x = c.env.JWT_SECRET_OLD;\n`, ["JWT_SECRET"])), {});
});

test("names the rewriter destructured from the secrets module, and their later uses, are not reads through another object", () => {
  const code = [
    `const { secrets } = require("./vaultshift-secrets");`,
    `const { PORT = "3000" } = process.env, { DATABASE_URL, REDIS_URL } = secrets;`,
    `module.exports = { database: { url: DATABASE_URL }, redisUrl: REDIS_URL, log: { level: "info" } };`,
    `const { STRIPE_KEY = "" } = process.env;`,
    `const { SENTRY_TOKEN: token } = settings;`,
    `if (x) { const k = cfg["MAIL_KEY"]; }`,
  ].join("\n");
  const found = readOtherwise(code, ["DATABASE_URL", "REDIS_URL", "STRIPE_KEY", "SENTRY_TOKEN", "MAIL_KEY"]);
  assert.deepEqual(Object.fromEntries(found), { SENTRY_TOKEN: 5, MAIL_KEY: 6 });
});

test("bunReadsBeforeLoad: Bun.env reads of migrated names that run before the file loads the secrets module, with their lines", () => {
  const names = ["API_KEY", "DB_URL", "PORT_SECRET"];
  const specs = ["./vaultshift-secrets.js", "./vaultshift-secrets.cjs"];
  // An ES module that does not import it: every read is early (imports run first, but there is none).
  const esm = `import { serve } from "bun";\nconst key = Bun.env.API_KEY;\nconst { DB_URL } = Bun.env;\nserve({ fetch: () => new Response(Bun.env["PORT_SECRET"]) });\n`;
  assert.deepEqual(bunReadsBeforeLoad(esm, names, "esm", specs), [
    { name: "API_KEY", line: 2 },
    { name: "DB_URL", line: 3 },
    { name: "PORT_SECRET", line: 4 },
  ]);
  // Importing it anywhere in an ES module loads it before the body: nothing early.
  assert.deepEqual(bunReadsBeforeLoad(`${esm}import "./vaultshift-secrets.js";\n`, names, "esm", specs), []);
  // CommonJS: a require on an earlier line loads it first; a later one does not.
  const cjs = (first: string, second: string) => `${first}\n${second}\n`;
  assert.deepEqual(bunReadsBeforeLoad(cjs('require("./vaultshift-secrets.cjs");', "const k = Bun.env.API_KEY;"), names, "cjs", specs), []);
  assert.deepEqual(bunReadsBeforeLoad(cjs("const k = Bun.env.API_KEY;", 'require("./vaultshift-secrets.cjs");'), names, "cjs", specs), [{ name: "API_KEY", line: 1 }]);
  // Not Bun.env, a name not migrated, or a comment: nothing.
  assert.deepEqual(bunReadsBeforeLoad("const k = process.env.API_KEY;\n// Bun.env.DB_URL\nconst o = Bun.env.OTHER;\n", names, "esm", specs), []);
});

test("env-line-rest: a removed secret's inline comment or the rest dotenv cut at '#' is named by line and length, never shown", () => {
  const canaryTail = "CANARYtail7Qx";
  const canaryNote = "CANARYnote3Kw";
  // vaultshift:allow (a made-up token on the next line)
  const text = `PORT=3000\nDB_PASSWORD=Kq7w2#${canaryTail}\nAPI_TOKEN="tk-9f8e7d6c5b4a" # old one: ${canaryNote}\nLOG=info # loud\n`;
  const w = lineRestWarnings(".env", text, ["DB_PASSWORD", "API_TOKEN"]);
  assert.deepEqual(w.map((x) => [x.code, x.file, x.line]), [["env-line-rest", ".env", 2], ["env-line-rest", ".env", 3]]);
  assert.match(w[0]!.message, /DB_PASSWORD's value is unquoted and has a '#' in it: dotenv read only the part before the '#'.*\(14 characters from the '#'\).*quote the whole value/);
  assert.match(w[1]!.message, /the comment after API_TOKEN's value \(24 characters\) goes with the line/);
  for (const x of w) for (const v of [canaryTail, canaryNote, "Kq7w2", "tk-9f8e7d6c5b4a"]) assert.ok(!x.message.includes(v), `${x.message} shows a value`);
});
