import { test } from "node:test";
import assert from "node:assert/strict";
import { detectSqlSecretOptions, mayHoldSqlSecretOptions } from "./sql-secret-options.js";
import { compileRuleSet, scanKeywords, selectRules } from "./rule-set.js";

// Values assembled at run time: no secret-shaped literal in this file.
const hmac = ["wZlrMQtE97", "Ii+gQ6l01O", "WDD1waYG/G", "mZbEedprdE"].join("");
const pw = ["Xq7!mPz", "2#kLw9v"].join("");
/** The detector's hits; every text it finds one in must pass the engine's gate (sql-secret-marks.ts), or the engine never reads it. */
const found = (text: string) => {
  const hits = detectSqlSecretOptions(text, false);
  if (hits.length > 0) assert.ok(mayHoldSqlSecretOptions(scanKeywords(compileRuleSet(selectRules({})), text), text), text);
  return hits.map((h) => [h.name, text.slice(h.start, h.start + h.secret.length)]);
};

test("DuckDB CREATE SECRET and foreign-data-wrapper OPTIONS: the secret options, not ids or regions", () => {
  assert.deepEqual(found(`CREATE SECRET gcs_hmac (TYPE GCS, KEY_ID 'GOOG1EETX9BF3SK6FU3IFBMQO8DB69ZUKOWWIW', SECRET '${hmac}', REGION 'eu-west-1');\n`), [["SECRET", hmac]]);
  assert.deepEqual(found(`CREATE USER MAPPING FOR app SERVER warehouse OPTIONS (user 'etl', password '${pw}');\n`), [["password", pw]]);
});

test("references, placeholders and secrets read from elsewhere stay quiet", () => {
  const traps = [
    "CREATE SECRET (TYPE S3, PROVIDER credential_chain);",
    "CREATE SECRET s (TYPE S3, KEY_ID 'AKIAIOSFODNN7EXAMPLE', SECRET 'your-secret-here');",
    "CREATE USER MAPPING FOR app SERVER w OPTIONS (user 'etl', password_required 'false');",
    "ALTER TABLE t SET OPTIONS (description 'a table of secret things');",
  ];
  for (const t of traps) assert.deepEqual(found(t + "\n"), [], t);
});
