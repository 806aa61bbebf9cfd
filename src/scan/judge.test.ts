import { test } from "node:test";
import assert from "node:assert/strict";
import { judge } from "./judge.js";

// Assembled at run time so that scanning this repository stays clean.
const RANDOM = ["rzZB4kQ9", "Xw2LmT7p", "Vd5Nc8Hy", "3Fj6Gs0A"].join("");

test("a random .env value under a name that says nothing is a secret, unless the name ends in an id word", () => {
  assert.equal(judge("ACME_VALUE", RANDOM, "env", false).secret, true, "unmistakably random, name says nothing");
  for (const name of ["VITE_AUTH0_CLIENT_ID", "FIREBASE_APP_ID", "TENANT_UUID", "allowedClientIds"]) {
    assert.equal(judge(name, RANDOM, "env", false).secret, false, `${name} names an identifier`);
  }
});
