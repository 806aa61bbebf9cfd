import { test } from "node:test";
import assert from "node:assert/strict";
import { detectWrappedValues, mayHoldWrappedValue } from "./wrapped-values.js";
import { scanText } from "./engine.js";
import { fileInfo } from "./file-kind.js";
import { fake, ALNUM } from "../../rules/fake.js";

// Built at run time so that scanning this repository stays clean.
const password = `${fake(ALNUM, 16, "wrapped-pw")}^${fake(ALNUM, 5, "wrapped-pw2")}`;
/** The detector's hits; every text it finds one in must pass the engine's gate (mayHoldWrappedValue), or the engine never reads it. */
const secretsOf = (file: string, text: string) => {
  const hits = detectWrappedValues(text, fileInfo(file), file);
  if (hits.length > 0) assert.ok(mayHoldWrappedValue(text, fileInfo(file), file), `gate of ${file}`);
  return hits.map((h) => [h.name, h.secret]);
};

test("a one-line YAML block or folded scalar is read as the value of its key, at its place in the file", () => {
  for (const indicator of [">-", "|", ">", "|-"]) {
    const text = `upstream:\n  password: ${indicator}\n    ${password}\n  passwordRef: gateway-upstream\n`;
    assert.deepEqual(secretsOf("values-prod.yaml", text), [["password", password]], indicator);
  }
  // YAML under a template's or a sample's second extension, and Salt's .sls, are YAML too.
  for (const file of ["group_vars/all.yml.j2", "values.yaml.tmpl", "pillar/db.sls", "config.yaml.example"]) {
    assert.deepEqual(secretsOf(file, `password: |\n  ${password}\n`), [["password", password]], file);
  }
  // A comment after the indicator (the gate's expression once missed it).
  assert.deepEqual(secretsOf("values.yml", `password: | # rotated monthly
  ${password}
`), [["password", password]]);
  const text = `db:\n  password: >-\n    ${password}\nother: 1\n`;
  assert.deepEqual(scanText({ file: "charts/values.yaml", text }).findings.map((f) => [f.line, f.secret]), [[3, password]]);
});

test("a block of several lines, a block under a key that is not a secret, and a placeholder are not read", () => {
  assert.deepEqual(secretsOf("values.yaml", `tls:\n  privateKeyNote: |\n    line one\n    line two\n`), []);
  assert.deepEqual(secretsOf("values.yaml", `script: |\n  ${password}\n`), []);
  assert.deepEqual(secretsOf("values.yaml", `password: >-\n  \${DB_PASSWORD}\n`), []);
  assert.deepEqual(secretsOf("values.yaml", `password: |\n  ${password}\n  second line of a document\n`), []);
  // Not YAML: the same shape in a Markdown file is prose.
  assert.deepEqual(secretsOf("README.md", `password: |\n  ${password}\n`), []);
});

test("a .properties entry continued with a backslash, and a continued #define, are read with the next line", () => {
  assert.deepEqual(secretsOf("application-prod.properties", `spring.datasource.password=\\\n    ${password}\nspring.mail.host=smtp\n`), [["spring.datasource.password", password]]);
  assert.deepEqual(secretsOf("include/cloud.h", `#define CLOUD_DEVICE_SECRET \\\n    "${password}"\n`), [["CLOUD_DEVICE_SECRET", password]]);
  assert.deepEqual(secretsOf("include/cloud.h", `#define CLOUD_DEVICE_SECRET_LEN \\\n    "${password}"\n`), []);
  assert.deepEqual(secretsOf("application.properties", `spring.datasource.password=\\\n    \${DB_PASSWORD}\n`), []);
});
