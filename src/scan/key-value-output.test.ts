import { test } from "node:test";
import assert from "node:assert/strict";
import { detectKeyValueOutput, mayHoldKeyValueOutput } from "./key-value-output.js";
import { compileRuleSet, scanKeywords, selectRules } from "./rule-set.js";

// Values assembled at run time: no secret-shaped literal in this file.
const dbPassword = ["39oPDz", "CwOscj", "ohmyiN4lgr"].join("");
const ec2Secret = ["8c2f4b1e9a", "d04e7f3b6c", "21a9e5d7f0", "b3"].join("");

const vault = `$ vault kv get -mount=secret apps/web
======= Metadata =======
Key                Value
---                -----
created_time       2026-11-01T10:01:11.118201Z
version            7

======= Data =======
Key                 Value
---                 -----
db_password         ${dbPassword}
api_base            https://api.example.io
admin_password      changeme
`;

test("a vault kv get table: the row naming a password is read, the others are not", () => {
  assert.ok(mayHoldKeyValueOutput(scanKeywords(compileRuleSet(selectRules({})), vault)));
  const hits = detectKeyValueOutput(vault, false);
  assert.deepEqual(hits.map((h) => [h.name, vault.slice(h.start, h.end) === dbPassword]), [["db_password", true]]);
});

test("an OpenStack client table between +---+ borders", () => {
  const out = `+------------+----------------------------------+
| Field      | Value                            |
+------------+----------------------------------+
| access     | 5f4dcc3b5aa765d61d8327deb882cf99 |
| project_id | 1d2c3b4a59687766554433221100ffee |
| secret     | ${ec2Secret} |
+------------+----------------------------------+
`;
  assert.ok(mayHoldKeyValueOutput(scanKeywords(compileRuleSet(selectRules({})), out)));
  const hits = detectKeyValueOutput(out, false);
  assert.deepEqual(hits.map((h) => h.name), ["secret"]);
  assert.equal(out.slice(hits[0]!.start, hits[0]!.end), ec2Secret);
});

test("rows outside a Key/Value table, masked or placeholder values, and prose are not read", () => {
  const traps = [
    // No header: two columns of anything (a `vault token lookup` accessor, `ls -l`).
    `accessor            GOn61yTWP1Ka0NVzqgkuzXGL\npolicies            [default]\n`,
    // Masked, placeholder, reference.
    `Key            Value\n---            -----\npassword       ********\ntoken          <redacted>\nsecret         \${SECRET}\n`,
    // A header in prose, then a sentence.
    `Key  Value\nThe password  field is set by the installer\n`,
  ];
  for (const t of traps) assert.deepEqual(detectKeyValueOutput(t, false).map((h) => h.name), [], t);
});

test("a Key/Value table in documentation sources is an example (engine: doc/ paths are not read this way)", async () => {
  const { scanText } = await import("./engine.js");
  const rows = (file: string) => scanText({ text: vault, file }).findings.filter((f) => f.ruleId === "output-table-secret").length;
  assert.equal(rows("notes/vault-read.txt"), 1);
  assert.equal(rows("keystone/doc/source/user/application_credentials.rst"), 0);
});

test("every header spelling the detector reads gets through the engine's gate (key-value-marks.ts)", () => {
  const set = compileRuleSet(selectRules({}));
  const headers = ["Key                 Value", "KEY\t\tVALUE", "Field \tValue", "Name\t Value", "| Key | Value |", "|Property|Value|", "| Name |\tValue |", "  key  |  value  "];
  for (const header of headers) {
    const row = header.includes("|") ? `| db_password | ${dbPassword} |` : `db_password         ${dbPassword}`;
    const text = `${header}\n${row}\n`;
    assert.equal(detectKeyValueOutput(text, false).length, 1, header);
    assert.ok(mayHoldKeyValueOutput(scanKeywords(set, text)), header);
  }
  assert.equal(mayHoldKeyValueOutput(scanKeywords(set, `{"key": "a", "value": "b"}\nname = value\n`)), false);
});
