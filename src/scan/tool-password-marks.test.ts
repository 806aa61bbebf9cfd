import { test } from "node:test";
import assert from "node:assert/strict";
import { compileRuleSet, scanKeywords, selectRules } from "./rule-set.js";
import { detectToolPasswords, mayHoldToolPassword } from "./tool-passwords.js";
import { detectDebuggerValues, mayHoldDebuggerValue } from "./debugger-values.js";

// The gates are marks of the engine's keyword pass (tool-password-marks.ts): every text a detector finds
// something in must get through its gate, or the engine never runs the detector on it. Fails when a mark
// is dropped from ENGINE_KEYWORDS or a form is added to a detector without a mark every match holds.

const pw = ["Ayj!Y.0", "yvP%LHK", "cfA7"].join("");
const b64 = (s: string) => Buffer.from(s).toString("base64");
const found = (text: string) => scanKeywords(compileRuleSet(selectRules({})), text);

test("every form the tool-password detector reads gets through its gate, in either case of the marks", () => {
  const texts = [
    `334 VXNlcm5hbWU6\n${b64("ops@example.org")}\n334 UGFzc3dvcmQ6\n${b64(pw)}\n`,
    ` -> AUTH PLAIN ${b64(`\0ops\0${pw}`)}\n`,
    `ops@bastion:~$ sudo -S systemctl restart api <<< '${pw}'\n`,
    // `-kS`: no `-S` in the text, the form the substring gate it replaces missed.
    `ops@bastion:~$ sudo -kS systemctl restart api <<< '${pw}'\n`,
    `echo "${pw}" | sudo -S apt-get update\n`,
    `echo "${pw}" | docker login -u ci --password-stdin registry.example.org\n`,
    `security unlock-keychain -p "${pw}" build.keychain\n`,
    `Setting --password (password) to ${pw}\n`,
    `#0 /var/www/shop/src/Db.php(22): PDO->__construct('mysql:host=db-m...', 'shop_rw', '${pw}')\n`,
    `#1 /app/Db.php(9): mysqli_connect('db.internal', 'app', '${pw}', 'shop')\n`,
  ];
  for (const text of texts) {
    assert.equal(detectToolPasswords(text, false).length, 1, text);
    assert.equal(mayHoldToolPassword(found(text)), true, text);
    assert.equal(mayHoldToolPassword(found(text.toUpperCase())), true, text);
  }
  assert.equal(mayHoldToolPassword(found("const x = run(['-S', '-stdin']);\n")), false);
});

test("a debugger's `name = 0x… \"…\"` gets through its gate; a text without one does not", () => {
  const text = `        password = 0x5555555a9440 "${pw}"\n`;
  assert.equal(detectDebuggerValues(text, false).length, 1);
  assert.equal(mayHoldDebuggerValue(found(text)), true);
  assert.equal(mayHoldDebuggerValue(found("flags=0x10, mask = 0 x\n")), false);
});
