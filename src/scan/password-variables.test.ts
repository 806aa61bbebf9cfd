import { test } from "node:test";
import assert from "node:assert/strict";
import { detectPasswordVariables } from "./password-variables.js";

// Session 22 (detgaps15): blind corpus 21's PowerCLI script. Built at run time so the repository's scan stays clean.
const PW = ["zcxJ", "gr7p", "AHmB", "Mg"].join("");
const found = (text: string) => detectPasswordVariables(text, false).map((v) => [v.name, v.secret]);

test("a literal whose variable is passed to a -…Password parameter below is a password", () => {
  assert.deepEqual(found(`$esxRoot = "${PW}"\nConnect-VIServer -Server esx01.contoso.local -User root -Password $esxRoot\n`), [["esxRoot", PW]]);
  assert.deepEqual(found(`$initial = '${PW}'\nNew-ADUser -Name svc_x -AccountPassword (ConvertTo-SecureString $initial -AsPlainText -Force)\nSet-LocalUser -Name x -Password $initial\n`), [["initial", PW]]);
});

test("variables read from elsewhere, assigned twice, used as a property, or placeholders are not read", () => {
  assert.deepEqual(found(`$esxRoot = Read-Host -AsSecureString\nConnect-VIServer -User root -Password $esxRoot\n`), []);
  assert.deepEqual(found(`$p = "${PW}"\nif ($prod) { $p = $env:ESX_ROOT }\nConnect-VIServer -User root -Password $p\n`), []);
  assert.deepEqual(found(`$cred = "${PW}"\nConnect-VIServer -User $cred.User -Password $cred.Password\n`), []);
  assert.deepEqual(found(`$esxRoot = "changeme"\nConnect-VIServer -User root -Password $esxRoot\n`), []);
  assert.deepEqual(found(`$server = "${PW}"\nConnect-VIServer -Server $server -User root\n`), []);
  // The assignment must come before the call.
  assert.deepEqual(found(`Connect-VIServer -User root -Password $late\n$late = "${PW}"\n`), []);
});
