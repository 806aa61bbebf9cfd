import { test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { scanText } from "./engine.js";
import { isKnownAnswerKey } from "./test-vector.js";

// Keys generated at run time: no key is a literal in this file.
const pem = () => generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();

test("session 18: a key a known-answer test file names and uses by name is a test vector; a key beside it is found", () => {
  const named = pem();
  const loose = pem();
  const text =
    `# ECDH test vectors\n\nPrivateKey=KAS-ECC-CDH_P-256_C0\n${named}\n` +
    `Derive=KAS-ECC-CDH_P-256_C0\nSharedSecret=803d8ab2e5b6e6fca715737c3a82f7ce3c783124f6d51cd0\n\n` +
    `# a key pasted without a stanza\n${loose}`;
  const start = text.indexOf(named);
  assert.equal(isKnownAnswerKey(named.trim(), text, start), true);
  assert.equal(isKnownAnswerKey(loose.trim(), text, text.indexOf(loose)), false);
  const lines = scanText({ text, file: "test/recipes/30-test_evp_data/evppkey_ecdh.txt" }).findings.filter((f) => f.ruleId.includes("private-key")).map((f) => f.line);
  const looseLine = text.slice(0, text.indexOf(loose)).split("\n").length;
  assert.deepEqual(lines, [looseLine]);
});

test("a label line the file never uses again, or a password line above a key, does not make it a test vector", () => {
  const key = pem();
  for (const above of ["PrivateKey=server-2024", "passphrase=Qm7vT2xK9pL4w", "key = prod"]) {
    const text = `${above}\n${key}\nother = thing\n`;
    assert.equal(isKnownAnswerKey(key.trim(), text, text.indexOf(key)), false, above);
  }
  // Named, and the name appears again, but only in prose or inside another value: not a stanza using it.
  for (const again of ["# the Bob-448 key signs the request", "Comment = uses Bob-448 twice", "Path=/keys/Bob-448.pem"]) {
    const t = `PrivateKey=Bob-448\n${key}\n${again}\n`;
    assert.equal(isKnownAnswerKey(key.trim(), t, t.indexOf(key)), false, again);
  }
  for (const again of ["Derive = Bob-448", "PrivPubKeyPair = Bob-448:Bob-448-PUBLIC", "Sign=Bob-448"]) {
    const t = `PrivateKey=Bob-448\n${key}\n${again}\n`;
    assert.equal(isKnownAnswerKey(key.trim(), t, t.indexOf(key)), true, again);
  }
  // Used again, but the line above names no key: a `user = deploy` line is not a key's label.
  const text = `user=deploy\n${key}\nlogin=deploy\n`;
  assert.equal(isKnownAnswerKey(key.trim(), text, text.indexOf(key)), false);
});
