import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { fake, ALNUM } from "../../rules/fake.js";

// A literal wrapped in a conversion is the value (generic-detector.ts WRAPPED_LITERAL): here .NET's
// `Encoding.<charset>.GetBytes("…")`, the usual way a symmetric signing key's bytes are written in C#.
const found = (file: string, text: string) => scanText({ file, text }).findings.map((f) => [f.line, f.name, f.secret]);

test(".NET's Encoding.UTF8.GetBytes(\"…\") under a key's name holds the key's literal; a configuration lookup does not", () => {
  const key = fake(ALNUM, 48, "getbytes-key");
  assert.deepEqual(found("src/Api/Security/TokenKeys.cs", `static class K {\n  internal static readonly byte[] JwtKey = Encoding.UTF8.GetBytes("${key}");\n}\n`), [[2, "JwtKey", key]]);
  assert.deepEqual(found("src/Api/Security/TokenKeys.cs", `static class K {\n  internal static byte[] JwtKey(IConfiguration c) => Encoding.UTF8.GetBytes(c["Jwt:Key"]!);\n  static readonly byte[] Greeting = Encoding.ASCII.GetBytes("${key}");\n}\n`), []);
});
