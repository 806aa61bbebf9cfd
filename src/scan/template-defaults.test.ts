import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { fake, ALNUM } from "../../rules/fake.js";

// A template's literal default is the value every deployment that sets nothing gets (template-defaults.ts).
// Values built at run time so that scanning this repository stays clean.
const password = fake(ALNUM, 18, "template-default-pw");
const token = fake(ALNUM, 24, "template-default-token");
const found = (file: string, text: string) => scanText({ file, text }).findings.map((f) => [f.line, f.name, f.secret]);

test("Jinja and Ansible `default('…')` / `d(\"…\")` literals are read under the name the template is assigned to", () => {
  assert.deepEqual(found("templates/app.env.j2", `DB_HOST={{ db_host }}\nDB_PASSWORD={{ db_password | default('${password}') }}\n`), [[2, "DB_PASSWORD", password]]);
  assert.deepEqual(found("roles/api/defaults/main.yml", `api_token: "{{ lookup('env', 'API_TOKEN') | d('${token}', true) }}"\n`), [[1, "api_token", token]]);
});

test("Helm's Sprig `default \"…\"`, piped or first, is read; a lookup, a variable, omit and a placeholder are not", () => {
  assert.deepEqual(found("charts/api/templates/secret.yaml", `stringData:\n  password: {{ .Values.db.password | default "${password}" | quote }}\n  token: {{ default "${token}" .Values.token }}\n`), [[2, "password", password], [3, "token", token]]);
  // Traps.
  const traps = [
    `DB_PASSWORD={{ db_password | default(omit) }}\n`,
    `DB_PASSWORD={{ db_password | default(vault_db_password) }}\n`,
    `DB_PASSWORD={{ db_password | default('changeme') }}\n`,
    `DB_PASSWORD={{ db_password | default('') }}\n`,
    `DB_PASSWORD={{ lookup('env', 'DB_PASSWORD') }}\n`,
    `DB_PASSWORD={{ db_password | default('${password}') | password_hash('sha512') }}\n`,
    `DB_HOST={{ db_host | default('${password}') }}\n`,
  ];
  for (const t of traps) assert.deepEqual(found("templates/app.env.j2", t), [], t);
});
