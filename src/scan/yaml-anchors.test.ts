import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { fake, ALNUM } from "../../rules/fake.js";

// YAML's node properties before a value (yaml.org/spec/1.2.2 §6.9): an anchor (`&name`) and the `!!binary` tag. The
// value after them is the key's; an alias (`*name`) and other tags (`!vault |`, Ansible's encrypted values) hold no
// literal. Values built at run time so that scanning this repository stays clean.
const password = fake(ALNUM, 20, "yaml-anchor-pw");
const keyBytes = Buffer.from(fake(ALNUM, 48, "yaml-binary-key"), "latin1").toString("base64");
const found = (file: string, text: string) => scanText({ file, text }).findings.map((f) => [f.line, f.secret]);

test("a value after a YAML anchor is the key's value; the alias that repeats it is not a second literal", () => {
  const text = `defaults: &db_defaults\n  host: pg-ledger\n  password: &ledger_pw "${password}"\nreporting:\n  <<: *db_defaults\n  password: *ledger_pw\n`;
  assert.deepEqual(found("config/db.yaml", text), [[3, password]]);
  assert.deepEqual(found("config/db.yaml", `db:\n  password: &pw ${password}\n`), [[2, password]], "unquoted");
  // Traps: an anchor on a mapping (the value is on the next lines), an alias, a placeholder after an anchor.
  assert.deepEqual(found("compose.yaml", `x-env: &env\n  LOG_LEVEL: info\nservices:\n  api:\n    environment: *env\n`), []);
  assert.deepEqual(found("config/db.yaml", `db:\n  password: &pw "\${DB_PASSWORD}"\n  token: *pw\n`), []);
});

test("a key's bytes under the !!binary tag are read, inline and as a one-line block under a section's bare `key`", () => {
  assert.deepEqual(found("config/keys.yaml", `signing:\n  key: !!binary |\n    ${keyBytes}\n`), [[3, keyBytes]]);
  assert.deepEqual(found("config/keys.yaml", `signing_key: !!binary ${keyBytes}\n`), [[1, keyBytes]]);
  // Traps: a public key's bytes, a bare `key` with no section, and Ansible Vault's tag, which is ciphertext.
  assert.deepEqual(found("config/keys.yaml", `signing:\n  public: !!binary |\n    ${keyBytes}\n`), []);
  assert.deepEqual(found("config/keys.yaml", `key: !!binary |\n  ${keyBytes}\n`), []);
  assert.deepEqual(found("group_vars/all.yml", `db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  ${keyBytes}\n`), []);
});
