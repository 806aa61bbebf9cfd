import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanEnvFile, removedLineRests, ensureGitignore, updateEnvExample } from "./env-cleaner.js";

test("cleanEnvFile removes migrated entries and keeps config and comments byte for byte", () => {
  const src = [
    "# Database",
    "DB_HOST=localhost   # inline comment stays with its line",
    "DB_PASSWORD=CANARY_pw_0123456789",
    "",
    "export STRIPE_KEY='sk_test_CANARY0123456789'",
    "PORT=3000",
    "PRIVATE_KEY=\"-----BEGIN KEY-----",
    "CANARYline1",
    "-----END KEY-----\"",
    "  # indented comment",
    "DEBUG=false",
  ].join("\n");
  const out = cleanEnvFile(src, ["DB_PASSWORD", "STRIPE_KEY", "PRIVATE_KEY"]);
  assert.equal(out, ["# Database", "DB_HOST=localhost   # inline comment stays with its line", "", "PORT=3000", "  # indented comment", "DEBUG=false"].join("\n"));
  assert.ok(!out.includes("CANARY"));
});

test("cleanEnvFile keeps CRLF, a BOM and a missing final newline; removes every repeat of a key", () => {
  const src = "\uFEFFAPI_TOKEN=CANARY1\r\nNAME=shop\r\nAPI_TOKEN=CANARY2\r\nLAST=1";
  assert.equal(cleanEnvFile(src, ["API_TOKEN"]), "\uFEFFNAME=shop\r\nLAST=1");
  assert.equal(cleanEnvFile(src, ["LAST"]), "\uFEFFAPI_TOKEN=CANARY1\r\nNAME=shop\r\nAPI_TOKEN=CANARY2\r\n");
});

test("cleanEnvFile with nothing to migrate returns the same text", () => {
  const src = "A=1\n# c\n\nB=2\n";
  assert.equal(cleanEnvFile(src, ["C"]), src);
  assert.equal(cleanEnvFile(src, []), src);
});

test("updateEnvExample creates a file with every key and no value", () => {
  const out = updateEnvExample(null, ["PORT", "DB_PASSWORD", "PORT"]);
  const body = out.split("\n").filter((l) => l && !l.startsWith("#"));
  assert.deepEqual(body, ["PORT=", "DB_PASSWORD="]);
  assert.ok(out.endsWith("\n"));
});

test("updateEnvExample keeps an existing file and appends only the missing keys, in its line endings", () => {
  const existing = "# example\r\nPORT=3000\r\nDB_PASSWORD=change-me";
  assert.equal(updateEnvExample(existing, ["PORT", "DB_PASSWORD", "STRIPE_KEY"]), "# example\r\nPORT=3000\r\nDB_PASSWORD=change-me\r\nSTRIPE_KEY=\r\n");
  assert.equal(updateEnvExample(existing, ["PORT"]), existing);
});

test("ensureGitignore adds .env* and the example's negation once", () => {
  const fresh = ensureGitignore(null);
  assert.deepEqual(fresh.split("\n").filter((l) => l && !l.startsWith("#")), [".env*", "!.env.example"]);
  const existing = "node_modules/\ndist\n";
  const once = ensureGitignore(existing);
  assert.ok(once.startsWith(existing));
  assert.equal(ensureGitignore(once), once, "idempotent");
  assert.deepEqual(once.slice(existing.length).split("\n").filter((l) => l && !l.startsWith("#")), [".env*", "!.env.example"]);
});

test("ensureGitignore does not repeat existing patterns, but puts the negation after the ignore", () => {
  assert.equal(ensureGitignore("node_modules\n.env*\n!.env.example\n"), "node_modules\n.env*\n!.env.example\n");
  const negationFirst = ensureGitignore("!.env.example\r\n.env*");
  assert.deepEqual(negationFirst.split("\r\n").filter((l) => l && !l.startsWith("#")), ["!.env.example", ".env*", "!.env.example"]);
  assert.ok(!/[^\r]\n/.test(negationFirst), "CRLF kept");
  // `.env` alone leaves `.env.production` tracked.
  assert.deepEqual(ensureGitignore(".env\n").split("\n").filter((l) => l && !l.startsWith("#")), [".env", ".env*", "!.env.example"]);
});

test("a '#' inside an unquoted value: config lines stay byte for byte; a removed secret's comment or cut-off rest is reported by length, never lost silently", () => {
  // dotenv reads `abc` of `X=abc#def` and `x` of `B=x#y`: kept config is not re-read, it is kept as written.
  const text = "A=1\nURL=https://acme.example/#/home\nCOLOR=#ff0000\nB=x#y # note\nSECRET=abc#def\nTOKEN=zz9 # rotated in May\nQUOTED='q#r' # c\nPLAIN=k\nHASHED=p#\n";
  const out = cleanEnvFile(text, ["SECRET", "TOKEN", "QUOTED", "PLAIN", "HASHED"]);
  assert.equal(out, "A=1\nURL=https://acme.example/#/home\nCOLOR=#ff0000\nB=x#y # note\n");
  assert.deepEqual(removedLineRests(text, ["SECRET", "TOKEN", "QUOTED", "PLAIN", "HASHED"]), [
    { key: "SECRET", line: 5, kind: "cut", length: 4 },
    { key: "TOKEN", line: 6, kind: "comment", length: 16 },
    { key: "QUOTED", line: 7, kind: "comment", length: 3 },
    { key: "HASHED", line: 9, kind: "cut", length: 1 },
  ]);
  // CRLF and a comment on a multi-line value's closing line.
  assert.deepEqual(removedLineRests('K="a\r\nb" # two lines\r\nL=1\r\n', ["K"]), [{ key: "K", line: 1, kind: "comment", length: 11 }]);
  assert.deepEqual(removedLineRests(text, ["A", "PLAIN"]), []);
});
