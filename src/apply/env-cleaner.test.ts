import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanEnvFile, ensureGitignore, updateEnvExample } from "./env-cleaner.js";

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
