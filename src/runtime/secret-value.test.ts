import { test } from "node:test";
import assert from "node:assert/strict";
import { format, inspect } from "node:util";
import { SecretRecord, SecretValue, redactingObject } from "./secret-value.js";

const canary = "CANARY_secret_value_5d2e";

function printedForms(x: unknown): string[] {
  return [inspect(x), inspect(x, { depth: 10, showHidden: true }), JSON.stringify(x), `${x as string}`, String(x), format("%s %o %O %j", x, x, x, x), JSON.stringify({ nested: [x] })];
}

test("SecretValue prints as [redacted] and reveals on request", () => {
  const v = new SecretValue(canary);
  for (const s of printedForms(v)) assert.ok(!s.includes(canary), s);
  assert.equal(`${v}`, "[redacted]");
  assert.equal(v.reveal(), canary);
  assert.equal(v.value, canary);
  assert.equal(v.length, canary.length);
});

test("SecretRecord shows its keys but no value; get() and reveal() give them", () => {
  const r = new SecretRecord({ password: canary, port: 5432, nested: { a: canary } });
  for (const s of printedForms(r)) assert.ok(!s.includes(canary), s);
  assert.match(inspect(r), /password: \[redacted\]/);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), { password: "[redacted]", port: "[redacted]", nested: "[redacted]" });
  assert.equal(r.get("password"), canary);
  assert.equal(r.get("port"), "5432");
  assert.equal(r.get("nested"), JSON.stringify({ a: canary }));
  assert.equal(r.get("missing"), undefined);
  assert.equal(r.raw("port"), 5432);
  assert.deepEqual(r.keys(), ["password", "port", "nested"]);
  assert.equal(r.reveal().password, canary);
  assert.equal(r.secret("password")?.reveal(), canary);
});

test("a secret whose keys are named like methods cannot leak through them", () => {
  const r = new SecretRecord({ toJSON: canary, toString: canary, get: canary, reveal: canary, then: canary });
  for (const s of printedForms(r)) assert.ok(!s.includes(canary), s);
  assert.equal(r.get("toJSON"), canary);
});

test("a redacting object exposes plain fields to code and prints redacted", () => {
  const creds = redactingObject("DatabaseCredentials", { user: "app", password: canary, port: 5432 });
  for (const s of printedForms(creds)) assert.ok(!s.includes(canary), s);
  assert.equal(creds.password, canary);
  assert.deepEqual({ ...creds }, { user: "app", password: canary, port: 5432 });
  assert.ok(Object.isFrozen(creds));
  assert.throws(() => redactingObject("X", { toJSON: "x" }), TypeError);
  const partial = redactingObject("Creds", { password: canary, host: undefined });
  assert.equal(inspect(partial), "Creds { password: [redacted] }");
  assert.deepEqual(JSON.parse(JSON.stringify(partial)), { password: "[redacted]" });
});
