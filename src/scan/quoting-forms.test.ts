import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { ansiCDecoded } from "./quoting-forms.js";
import { fake, ALNUM } from "../../rules/fake.js";

// ODBC braced values and Bash ANSI-C quoting (quoting-forms.ts). Values built at run time so that scanning this
// repository stays clean.
const base = fake(ALNUM, 16, "quoting-forms-pw");
const found = (file: string, text: string) => scanText({ file, text }).findings.map((f) => [f.line, f.name, f.secret]);

test("an ODBC braced value (`PWD={…;…}`, a doubled `}` inside) is the password (odbc.ini, a DSN file)", () => {
  const braced = `${base.slice(0, 8)};${base.slice(8)}`;
  assert.deepEqual(found("etc/odbc.ini", `[ledger]\nServer = tcp:sql.internal,1433\nUID = report\nPWD = {${braced}}\nEncrypt = yes\n`), [[4, "PWD", braced]]);
  const doubled = `${base.slice(0, 6)}}}${base.slice(6)}`;
  assert.deepEqual(found("etc/odbc.ini", `[x]\nPassword={${doubled}}\n`), [[2, "Password", doubled]]);
  // Traps: a format placeholder in braces, an empty or a plain-word value that needs no braces, a YAML flow mapping,
  // a Jinja expression.
  for (const t of ["Password={db_password}\n", "PWD={}\n", `PWD={${base}}\n`, "password: {secret: x, file: y}\n", "PWD={{ odbc_pw }}\n"]) {
    assert.deepEqual(found("etc/odbc.ini", t), [], t);
  }
});

test("Bash ANSI-C quoting (`$'…'`) holds a password written with escapes; a reference spelled with escapes is none", () => {
  const withQuote = `${base}\\x27\\t9`;
  assert.deepEqual(found("ops/rotate.sh", `#!/usr/bin/env bash\nNEW_PASS=$'${withQuote}'\n`), [[2, "NEW_PASS", withQuote]]);
  assert.equal(ansiCDecoded("a\\x27b\\tc\\101"), "a'b~cA");
  // Traps: a reference written `\x24{…}`, a lone escape, a weak word, and `$'…'` in code (Perl's postmatch variable).
  for (const t of ["ADMIN_PASS=$'\\x24{ADMIN_PASS}'\n", "IFS=$'\\n'\nDB_PASSWORD=$'\\n'\n", "DB_PASSWORD=$'password'\n"]) {
    assert.deepEqual(found("ops/rotate.sh", t), [], t);
  }
  assert.deepEqual(found("lib/Parse.pm", `my $password = $'${base}';\n`), []);
});
