import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { isMailFile, mailParts } from "./mail-parts.js";

// Values assembled at run time so that the repository's own scan stays clean.
const PASSWORD = ["Kq7mZ2vR", "p9Xw4LtB", "n8Hs3Jd6"].join("");
const STRIPE = ["sk", "live", "4eC39HqLyjWDarjtT1zdp7dc"].join("_");

/** Quoted-printable (RFC 2045 §6.7) of a UTF-8 text, lines soft-broken at `width`. */
function quotedPrintable(text: string, width = 40): string {
  let out = "";
  for (const line of text.split("\n")) {
    let encoded = "";
    for (const byte of Buffer.from(line, "utf8")) encoded += byte === 61 || byte > 126 ? `=${byte.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(byte);
    let rest = encoded;
    while (rest.length > width) {
      let cut = width;
      // Never split an `=XX` escape.
      const eq = rest.lastIndexOf("=", cut - 1);
      if (eq > cut - 3) cut = eq;
      out += rest.slice(0, cut) + "=\n";
      rest = rest.slice(cut);
    }
    out += rest + "\n";
  }
  return out;
}

function mail(parts: string[]): string {
  return [
    "From: Ops <ops@example.com>",
    "To: Dev <dev@example.com>",
    "Subject: handover",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    ...parts.flatMap((p) => ["--b1", p]),
    "--b1--",
    "",
  ].join("\n");
}

test("mail files: a secret in a quoted-printable body is found decoded, on the line where its encoding stands", () => {
  // `=3D` for `=`, a dash as `=E2=80=94` before it on the same line, and a soft break inside the Stripe key.
  const body = quotedPrintable(`Hi,\nthe app's settings \u2014 DB_PASSWORD="${PASSWORD}"\nand the live key: ${STRIPE} for billing.\n`);
  const text = mail(["Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + body]);
  assert.ok(!text.includes(STRIPE) && !text.includes(`DB_PASSWORD="${PASSWORD}"`), "the encoding hides both");
  const { findings } = scanText({ text, file: "support/handover.eml" });
  const pw = findings.find((f) => f.secret === PASSWORD);
  const key = findings.find((f) => f.secret === STRIPE);
  assert.ok(pw, JSON.stringify(findings.map((f) => [f.ruleId, f.line, f.reason])));
  assert.ok(key, "the key split by a soft line break is joined");
  assert.equal(key.ruleId, "stripe-secret-key");
  assert.match(pw.reason, /in the mail's decoded body/);
  // Each finding starts where its first encoded character is in the mail.
  const lines = text.split("\n");
  assert.equal(lines[pw.line - 1]!.slice(pw.column - 1, pw.column - 1 + 4), PASSWORD.slice(0, 4));
  assert.equal(lines[key.line - 1]!.slice(key.column - 1, key.column - 1 + 8), STRIPE.slice(0, 8));
  for (const f of findings) assert.ok(!f.reason.includes(PASSWORD) && !f.reason.includes(STRIPE));
});

test("mail files: a base64 attachment is read as the file it names (an .env: secrets by name, config not), a base64 image and a mail elsewhere are not read", () => {
  const env = `PORT=3000\nNODE_ENV=production\nSMTP_PASSWORD=${PASSWORD}\n`;
  const b64 = Buffer.from(env).toString("base64").replace(/.{1,20}/g, "$&\n");
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(`SMTP_PASSWORD=${PASSWORD}`)]).toString("base64");
  const text = mail([
    "Content-Type: text/plain\n\nThe settings are attached.\n",
    'Content-Type: application/octet-stream; name="prod.env"\nContent-Disposition: attachment; filename="prod.env"\nContent-Transfer-Encoding: base64\n\n' + b64,
    'Content-Type: image/png; name="shot.png"\nContent-Transfer-Encoding: base64\n\n' + png + "\n",
    'Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="raw.bin"\nContent-Transfer-Encoding: base64\n\n' + png + "\n",
  ]);
  const { findings } = scanText({ text, file: "mail/Inbox.mbox" });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.name, f.secret === PASSWORD]), [["dotenv-secret", "SMTP_PASSWORD", true]]);
  const f = findings[0]!;
  assert.match(f.reason, /attachment prod\.env/);
  // The value starts at byte 44 of the .env: the third byte of base64 group 14, whose first bits are in its
  // third character (character 58 of the base64 text, not counting line breaks): line 3 of the 20-character
  // lines, column 19.
  assert.equal(env.indexOf(PASSWORD), 44);
  assert.equal(f.line, text.slice(0, text.indexOf(b64)).split("\n").length + 2);
  assert.equal(f.column, 19);
  // The same bytes in a file that is no mail are not decoded; a plain-text mail body is read as it is, once.
  assert.deepEqual(scanText({ text, file: "notes/Inbox.txt" }).findings, []);
  assert.equal(isMailFile("a/b.EML") && isMailFile("x.mhtml") && !isMailFile("mail.txt"), true);
});

test("mail files: traps — a placeholder and a reference in an encoded body, a body with nothing encoded, a Latin-1 body", () => {
  const body = quotedPrintable(`Set DB_PASSWORD="changeme" locally and API_TOKEN="\${API_TOKEN}" in CI \u2014 see the wiki.\n`);
  const latin1 = "Mot de passe: voir le coffre. Caf=E9 =E0 10h.\n";
  const text = mail([
    "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + body,
    "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n" + latin1,
  ]);
  assert.deepEqual(scanText({ text, file: "a.eml" }).findings, []);
  const parts = mailParts(text);
  assert.equal(parts.length, 2);
  assert.match(parts[1]!.text, /Café à 10h/);
  // A body with no escape and no soft break is the mail's own text: not handed over twice.
  assert.deepEqual(mailParts(mail(["Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nplain words only\n"])), []);
});
