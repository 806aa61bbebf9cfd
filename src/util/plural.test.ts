import { test } from "node:test";
import assert from "node:assert/strict";
import { plural, withArticle } from "./plural.js";

test("plural and the indefinite article of a rule id", () => {
  assert.equal(plural(1, "secret"), "1 secret");
  assert.equal(plural(2, "secret"), "2 secrets");
  assert.equal(withArticle("aws-secret-access-key"), "an aws-secret-access-key");
  assert.equal(withArticle("openai-api-key"), "an openai-api-key");
  assert.equal(withArticle("generic-password"), "a generic-password");
});
