import { test } from "node:test";
import assert from "node:assert/strict";
import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";
import { fake, ALNUM } from "../../rules/fake.js";

// An `auth` value encoding `user:password` is judged by its password (encoded-auth.ts). Values built at run time.
const b64 = (s: string) => Buffer.from(s).toString("base64");
const secretsOf = (file: string, text: string) => detectGeneric(text, fileInfo(file)).map((h) => h.secret);

test("an auth value encoding a weak password (a test snapshot's hello:world) is no credential", () => {
  const snapshot = `exports[\`test/index.js TAP credentials > default registry 1\`] = \`\nObject {\n  "auth": "${b64("hello:world")}",\n  "username": "hello",\n}\n\`\n`;
  assert.deepEqual(secretsOf("tap-snapshots/test/index.js.test.cjs", snapshot), []);
  assert.deepEqual(secretsOf("config/npmrc.json", `{ "_auth": "${b64("user:pass")}" }\n`), []);
});

test("an auth value encoding a real password, and one that encodes no user:password pair, are judged as before", () => {
  const real = b64(`deploy:${fake(ALNUM, 20, "encoded-auth-pw")}`);
  assert.deepEqual(secretsOf("ci/docker-config.json", `{ "auths": { "registry.internal": { "auth": "${real}" } } }\n`), [real]);
  const token = fake(ALNUM, 40, "encoded-auth-token");
  assert.deepEqual(secretsOf("config/app.json", `{ "auth": "${token}" }\n`), [token]);
});
