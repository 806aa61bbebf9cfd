import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";

// Built at run time: no secret-shaped literal in the source.
const id = ["5f0c2a7e", "91b4", "4c3d", "a8e2", "6b1f09d4c7a3"].join("-");

test("a Plaid link or public token is handed to the browser and is not reported", () => {
  for (const env of ["production", "sandbox"]) {
    assert.deepEqual(scanText({ text: `PLAID_LINK_TOKEN=link-${env}-${id}\n`, file: ".env" }).findings, [], env);
    assert.deepEqual(scanText({ text: `{ "public_token": "public-${env}-${id}" }\n`, file: "items.json" }).findings, [], env);
  }
});

test("the Plaid access token beside them still is", () => {
  const found = scanText({ text: `{ "access_token": "access-production-${id}" }\n`, file: "items.json" }).findings;
  assert.equal(found.length, 1);
  assert.equal(found[0]!.secret, `access-production-${id}`);
});
