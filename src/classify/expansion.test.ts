import { test } from "node:test";
import assert from "node:assert/strict";
import { expandValue, hasEscapedDollar, referencedNames } from "./expansion.js";

test("references as dotenv-expand reads them: ${X}, ${X:-d}, ${X-d}, $X; \\$ is a dollar", () => {
  assert.deepEqual(referencedNames("postgres://${DB_USER}:${DB_PASSWORD}@$DB_HOST/${DB_NAME:-app} costs \\$5 or $5"), ["DB_USER", "DB_PASSWORD", "DB_HOST", "DB_NAME"]);
  const vars = { DB_USER: "app", DB_PASSWORD: "pw", DB_HOST: "db", EMPTY: "", LOOP: "${LOOP}x" };
  assert.equal(expandValue("postgres://${DB_USER}:${DB_PASSWORD}@$DB_HOST/${DB_NAME:-app}", vars), "postgres://app:pw@db/app");
  assert.equal(expandValue("${EMPTY:-d}|${EMPTY-d}|${MISSING-d}|${MISSING}|\\$DB_USER", vars), "d||d||$DB_USER");
  assert.equal(expandValue("${LOOP}", vars), "x", "a cycle expands to nothing");
});

test("every \\$ is a dollar once expanded, also before a digit or a symbol (dotenv-expand 11+), in referenced values too", () => {
  const vars = { DB_PASSWORD: "Kw7\\$pg\\$4Lx", USER: "kiwi" }; // vaultshift:allow
  assert.equal(expandValue("Kw7\\$pg\\$4Lx", {}), "Kw7$pg$4Lx");
  assert.equal(expandValue("costs \\$5, \\${NOT_A_REF}, \\$", {}), "costs $5, ${NOT_A_REF}, $");
  assert.equal(expandValue("postgres://${USER}:${DB_PASSWORD}@db/app", vars), "postgres://kiwi:Kw7$pg$4Lx@db/app"); // vaultshift:allow
  assert.equal(hasEscapedDollar("a\\$b"), true);
  assert.equal(hasEscapedDollar("a$b"), false);
});
