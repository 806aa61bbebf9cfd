import { test } from "node:test";
import assert from "node:assert/strict";
import { blankConvictDefaults, convictDefaultValue, convictLeaves } from "./convict-schema-editor.js";
import { editConfigText } from "./config-file-editor.js";

const C1 = "CANARYconvictEd3Hn7Bv2Lk9"; // vaultshift:allow
const C2 = "CANARYconvictEd8Jm4Xc1Qp"; // vaultshift:allow

const SCHEMA = `const convict = require("convict");\nmodule.exports = convict({\n  db: {\n    password: { format: String, default: '${C1}', env: "DB_PASSWORD", sensitive: true },\n  },\n  stripe: { key: { format: String, default: "${C2}" } },\n  port: { format: "port", default: 8080, env: "PORT" },\n});\n`;

test("convict leaves: path, string default, env name; only the object given to the imported convict()", () => {
  const leaves = convictLeaves("src/config.js", SCHEMA)!;
  assert.deepEqual(leaves.map((l) => [l.path.join("."), l.value === undefined ? "-" : l.value.length, l.env ?? "-"]), [["db.password", C1.length, "DB_PASSWORD"], ["stripe.key", C2.length, "-"], ["port", "-", "PORT"]]);
  assert.deepEqual(convictLeaves("a.js", `const convict = (x) => x;\nconvict({ a: { default: "${C1}" } });\n`), []);
  assert.deepEqual(convictLeaves("a.js", `const other = require("other");\nother({ a: { default: "${C1}" } });\n`), []);
  assert.equal(convictDefaultValue("src/config.js", SCHEMA, ["convict", "stripe", "key"]), C2);
});

test("emptying a default keeps its quotes; a leaf without env gets the plan's name next to it; nothing else changes", () => {
  const out = editConfigText(SCHEMA, "src/config.js", [
    { keyPath: ["convict", "db", "password"], how: "drop-default", envName: "DB_PASSWORD" },
    { keyPath: ["convict", "stripe", "key"], how: "drop-default", envName: "STRIPE_KEY" },
  ]);
  assert.equal(out, SCHEMA.replace(`'${C1}'`, "''").replace(`"${C2}"`, '"", env: "STRIPE_KEY"'));
});

test("a leaf whose env is another name, or that is not there, is refused without the value in the message", () => {
  for (const keyPath of [["convict", "db", "password"], ["convict", "db", "user"]]) {
    assert.throws(
      () => blankConvictDefaults("src/config.js", SCHEMA, [{ keyPath, envName: "OTHER" }]),
      (e: Error) => /has no convict default at db\.(password|user) reading OTHER/.test(e.message) && !e.message.includes(C1),
    );
  }
});
