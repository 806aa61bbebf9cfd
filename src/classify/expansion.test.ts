import { test } from "node:test";
import assert from "node:assert/strict";
import { expandValue, referencedNames } from "./expansion.js";

test("references as dotenv-expand reads them: ${X}, ${X:-d}, ${X-d}, $X; \\$ is a dollar", () => {
  assert.deepEqual(referencedNames("postgres://${DB_USER}:${DB_PASSWORD}@$DB_HOST/${DB_NAME:-app} costs \\$5 or $5"), ["DB_USER", "DB_PASSWORD", "DB_HOST", "DB_NAME"]);
  const vars = { DB_USER: "app", DB_PASSWORD: "pw", DB_HOST: "db", EMPTY: "", LOOP: "${LOOP}x" };
  assert.equal(expandValue("postgres://${DB_USER}:${DB_PASSWORD}@$DB_HOST/${DB_NAME:-app}", vars), "postgres://app:pw@db/app");
  assert.equal(expandValue("${EMPTY:-d}|${EMPTY-d}|${MISSING-d}|${MISSING}|\\$DB_USER", vars), "d||d||$DB_USER");
  assert.equal(expandValue("${LOOP}", vars), "x", "a cycle expands to nothing");
});
