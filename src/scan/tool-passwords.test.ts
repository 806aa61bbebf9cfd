import { test } from "node:test";
import assert from "node:assert/strict";
import { detectToolPasswords } from "./tool-passwords.js";

// Passwords assembled at run time: no secret-shaped literal in this file.
const pw = ["Ayj!Y.0", "yvP%LHK", "cfA7"].join("");
const b64 = (s: string) => Buffer.from(s).toString("base64");
const found = (text: string) => detectToolPasswords(text, false).map((h) => text.slice(h.start, h.start + h.secret.length));

test("SMTP AUTH LOGIN: the base64 line after the Password: prompt; AUTH PLAIN: the password inside", () => {
  const stream = `EHLO mail\n250-AUTH LOGIN PLAIN\nAUTH LOGIN\n334 VXNlcm5hbWU6\n${b64("ops@example.org")}\n334 UGFzc3dvcmQ6\n${b64(pw)}\n235 2.7.0 Authentication successful\n`;
  assert.deepEqual(found(stream), [b64(pw)]);
  const swaks = ` -> AUTH PLAIN ${b64(`\0ops\0${pw}`)}\n<-  235 2.7.0 Authentication successful\n`;
  assert.deepEqual(found(swaks), [b64(`\0ops\0${pw}`)]);
  // The user name line is not a password; a weak password decoded stays quiet.
  assert.deepEqual(found(`334 VXNlcm5hbWU6\n${b64("notifications@example.org")}\n334 UGFzc3dvcmQ6\n${b64("password")}\n`), []);
});

test("passwords on a tool's standard input", () => {
  assert.deepEqual(found(`ops@bastion:~$ sudo -S systemctl restart api <<< '${pw}'\n`), [pw]);
  assert.deepEqual(found(`echo "${pw}" | sudo -S apt-get update\n`), [pw]);
  assert.deepEqual(found(`echo "${pw}" | docker login -u ci --password-stdin registry.example.org\n`), [pw]);
  // A variable, a file or a command's output is not a literal.
  assert.deepEqual(found(`echo "$CI_REGISTRY_PASSWORD" | docker login -u ci --password-stdin\nsudo -S true <<< "$PW"\necho hello | grep -S x\n`), []);
});

test("macOS security keychain passwords and wget's debug echo", () => {
  assert.deepEqual(found(`[14:22:07]: $ security set-key-partition-list -S apple-tool:,apple: -k ${pw} ~/Library/Keychains/ci.keychain-db\n`), [pw]);
  assert.deepEqual(found(`security unlock-keychain -p "${pw}" build.keychain\n`), [pw]);
  assert.deepEqual(found(`Setting --user (user) to mirror\nSetting --password (password) to ${pw}\n`), [pw]);
  // Variables, and the -S partition list, are not passwords.
  assert.deepEqual(found(`security unlock-keychain -p "$KEYCHAIN_PASSWORD" build.keychain\nsecurity find-identity -v -p codesigning\n`), []);
});

test("PHP stack traces: the password argument of PDO and mysqli connections, unless PHP cut it", () => {
  const short = ["dyZLzH", "iQv2!x"].join("");
  assert.deepEqual(found(`#0 /var/www/shop/src/Db.php(22): PDO->__construct('mysql:host=db-m...', 'shop_rw', '${short}')\n`), [short]);
  assert.deepEqual(found(`#1 /app/Db.php(9): mysqli->__construct('db.internal', 'app', '${short}', 'shop')\n`), [short]);
  assert.deepEqual(found(`#0 Connector.php(70): PDO->__construct('mysql:host=127....', 'root', 'dyZLzHiQviQRFD5...', Array)\n`), []);
  assert.deepEqual(found(`#0 Connector.php(70): PDO->__construct('mysql:host=127....', 'root', 'secret', Array)\n`), []);
});
