import { test } from "node:test";
import assert from "node:assert/strict";
import { detectProsePasswords, isOperationsNotes, mayHoldProsePassword } from "./prose-passwords.js";
import { scanText } from "./engine.js";

// Passwords assembled at run time: no secret-shaped literal in this file.
const quoted = ["z8t9No", "CEXJuO", "XMQZ"].join("");
const bare = ["c*Qv79", "*vc_X^", "ri*r"].join("");
const found = (text: string) => detectProsePasswords(text, false).map((h) => text.slice(h.start, h.start + h.secret.length));

test("a password told in a sentence: quoted after `is`, or bare right after the word when it looks generated", () => {
  assert.deepEqual(found(`{"message":"the staging db pw is \`${quoted}\` until friday"}\n`), [quoted]);
  assert.deepEqual(found(`<p>SFTP for the bank feed: host sftp.bankfeed.co.uk user smew_prod password ${bare}</p>\n`), [bare]);
  assert.deepEqual(found(`ok so the new password is "${quoted}", rotate it after the demo\n`), [quoted]);
});

test("sentences about passwords that do not hold one, settings and flags stay quiet", () => {
  const traps = [
    "the password is in 1password under k8s/ci",
    "please reset your password before friday",
    "the default password is `changeme`, change it on first login",
    "set the password to `${DB_PASSWORD}` in the environment",
    "enter the password `<your password>` when asked",
    "the admin password is `********`",
    "Passwort: the password field must hold 12 characters",
    "the db password is stored as bcrypt $2b$12$abcdefghijklmnopqrstuv",
    // A setting, a flag and a key: the name = value readers' business.
    `db_password: ${bare}`,
    `password: ${bare}`,
    `run mysql --password ${bare}`,
    // Bare words and paths after the word.
    "the password file is /etc/app/secrets/db-password.txt",
    "the password policy requires MixedCase123 characters",
    // A router's configuration line goes on after the value.
    `enable password ${bare} encrypted`,
    // A translation: three classes of characters, no digit.
    "l'azziramentu dâ tò password timpurània|Sti",
  ];
  for (const t of traps) assert.deepEqual(found(t + "\n"), [], t);
});

test("only files where sentences are: documents, chat exports, logs; not a device configuration", () => {
  assert.ok(mayHoldProsePassword("the password is x", "chat/export.jsonl"));
  assert.ok(!mayHoldProsePassword("the password is x", "netgear/asa-edge.cfg"));
});

test("passwords on several lines of a long text: each found at its own position, CRLF and a last line without a line end", () => {
  const filler = "nothing to see on this line, just words about the weather\n".repeat(200);
  const text =
    filler +
    `the staging db pw is \`${quoted}\` until friday\r\n` +
    filler +
    `host sftp.bankfeed.co.uk user smew_prod password ${bare}\n` +
    "please reset your password before friday\n" +
    `ok so the new password is "${quoted}"`;
  const hits = detectProsePasswords(text, false);
  const starts = hits.map((h) => h.start).sort((a, b) => a - b);
  const expected = [text.indexOf(`\`${quoted}\``) + 1, text.indexOf(bare), text.lastIndexOf(`"${quoted}"`) + 1];
  assert.deepEqual(starts, expected);
  for (const h of hits) assert.equal(text.slice(h.start, h.start + h.secret.length), h.secret);
  // Quoted values come first, then the bare ones, as the two readers run.
  assert.deepEqual(hits.map((h) => h.secret), [quoted, quoted, bare]);
});

test("runbooks and postmortems under docs/ are the team's notes, read for told passwords; the rest of docs/ is not", () => {
  // Told in quotes: only the prose reader reads it (a password in inline code is also a rule's,
  // prose-inline-code-password, wherever it is written).
  const note = `> Note from the incident: the old svc_sync password is "${quoted}", still in three scripts.\n`;
  for (const file of ["docs/runbooks/rotate-service-accounts.md", "docs/postmortems/2026-09-ldap.md", "ops/docs/oncall/handover.md", "docs/incident-2026-09.md", "docs/runbook.md"]) {
    assert.equal(isOperationsNotes(file), true, file);
    assert.deepEqual(scanText({ file, text: note }).findings.map((f) => f.secret), [quoted], file);
  }
  // Traps: a product's documentation and a page merely mentioning runbooks in its name stay out.
  for (const file of ["docs/admin/ldap.md", "docs/guide/runbook-templates/index.html", "docs/runbookery.md"]) {
    assert.equal(isOperationsNotes(file), false, file);
    assert.deepEqual(scanText({ file, text: note }).findings, [], file);
  }
});
