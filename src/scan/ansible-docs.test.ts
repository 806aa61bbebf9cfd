import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { ansibleDocRanges } from "./ansible-docs.js";

// Assembled at run time so that scanning this repository stays clean.
const PASSWORD = ["C1s", "co9", "8!Zq"].join("");
const STRIPE = ["sk_live_", "51Hq8Zt", "K2mR7vX", "p3LwN9c", "D4fBq2"].join("");

const MODULE = `#!/usr/bin/python
DOCUMENTATION = r'''
module: device_user
options:
  password:
    description: The password.
'''

EXAMPLES = r'''
- name: Create a user
  device_user:
    password: ${PASSWORD}
    api_token: ${STRIPE}
- name: Configure SNMP
  lines:
    - snmp-server community ${PASSWORD} RO
'''

RETURN = """
token:
  sample: ${PASSWORD}
"""

def main():
    password = "${PASSWORD}"
`;

test("Ansible module documentation: name-based samples are not findings, a provider format pasted there is, and code after it is read", () => {
  const found = scanText({ text: MODULE, file: "plugins/modules/device_user.py" }).findings.map((f) => `${f.line}:${f.ruleId}`);
  const line = (s: string) => MODULE.split("\n").findIndex((l) => l.includes(s)) + 1;
  assert.ok(found.some((f) => f.startsWith(`${line("api_token")}:stripe`)), `the Stripe key in EXAMPLES: ${found}`);
  assert.ok(!found.some((f) => f.startsWith(`${line("    password: ")}:`)), `the sample password: ${found}`);
  assert.ok(!found.some((f) => f.startsWith(`${line("sample:")}:`)), `the RETURN sample: ${found}`);
  assert.ok(!found.some((f) => f.startsWith(`${line("snmp-server")}:`)), `a config-line rule's sample: ${found}`);
  assert.ok(found.some((f) => f.startsWith(`${line('password = "')}:`)), `the password in code: ${found}`);
});

test("ansibleDocRanges: the three documentation strings at the start of a line, nothing else", () => {
  assert.equal(ansibleDocRanges(MODULE).length, 3);
  assert.deepEqual(ansibleDocRanges('x = 1\n    EXAMPLES = """a"""\nEXAMPLE_VALUE = """b"""\n'), []);
});
