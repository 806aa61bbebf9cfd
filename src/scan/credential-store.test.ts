import { test } from "node:test";
import assert from "node:assert/strict";
import { detectBuiltin } from "./builtin-detector.js";
import { fileInfo } from "./file-kind.js";
import { credentialStoreKind, standInHostReason, templatePasswordReason } from "./credential-store.js";

// Weak passwords, assembled at run time so that scanning this repository stays clean: each is one the
// placeholder filter drops anywhere else (a dictionary word with digits, the word itself, a default).
const WEAK = ["pass", "123"].join("");
const WORD = ["pass", "word"].join("");
const ADMIN1 = ["admin", "1"].join("");
const STRONG = ["Qz7", "rLx", "2Vw", "9Kp", "Tb4"].join("");

function found(file: string, text: string): Array<{ ruleId: string; at: string }> {
  return detectBuiltin(text, new Set(), file, fileInfo(file)).map((h) => ({ ruleId: h.ruleId, at: text.slice(h.start, h.end) }));
}

test("a weak password stored for a real host in a credential store is a working login, reported", () => {
  const netrc = `machine imap.mail.acme.io login ops@acme.io password ${WEAK}\nmachine smtp.mail.acme.io\n  login ops@acme.io\n  password "${ADMIN1}"\n`;
  assert.deepEqual(found("home/.netrc", netrc), [
    { ruleId: "netrc-password", at: WEAK },
    { ruleId: "netrc-password", at: ADMIN1 },
  ]);
  assert.deepEqual(found("home/.pgpass", `db.acme.io:5432:shop:shop_app:${WORD}\n`), [{ ruleId: "pgpass-password", at: WORD }]);
  assert.deepEqual(found("home/.git-credentials", `https://ci-bot:${WEAK}%21@git.acme.io\n`), [{ ruleId: "git-credentials-url", at: `${WEAK}%21` }]);
  assert.deepEqual(found("home/.esmtprc", `identity "ops@acme.io"\nhostname smtp.acme.io:587\nusername "ops@acme.io"\npassword "${WORD}"\n`), [{ ruleId: "generic-password", at: WORD }]);
  assert.deepEqual(found("home/.my.cnf", `[client]\nhost = db.acme.io\nuser = report\npassword = ${ADMIN1}\n`), [{ ruleId: "generic-password", at: ADMIN1 }]);
  const fz = `<FileZilla3><Servers><Server><Host>ftp.acme.io</Host><User>web</User><Pass>${WEAK}</Pass></Server>` +
    `<Server><Host>ftp2.acme.io</Host><User>web</User><Pass encoding="base64">${Buffer.from(ADMIN1).toString("base64")}</Pass></Server></Servers></FileZilla3>`;
  assert.deepEqual(found("AppData/FileZilla/sitemanager.xml", fz), [
    { ruleId: "generic-password", at: WEAK },
    { ruleId: "filezilla-password", at: Buffer.from(ADMIN1).toString("base64") },
  ]);
  assert.deepEqual(found(".dbeaver/data-sources.xml", `<data-sources><data-source id="pg"><connection host="pg.acme.io" port="5432" user="bi" password="${WEAK}"/></data-source></data-sources>`), [{ ruleId: "generic-password", at: WEAK }]);
  assert.deepEqual(found("site/.ftpconfig", `{\n  "protocol": "sftp",\n  "host": "www.acme.io",\n  "user": "deploy",\n  "pass": "${WORD}"\n}\n`), [{ ruleId: "generic-password", at: WORD }]);
  assert.deepEqual(found("site/.vscode/sftp.json", `{"name": "prod", "host": "10.20.0.7", "username": "deploy", "password": "${ADMIN1}"}`), [{ ruleId: "generic-password", at: ADMIN1 }]);
});

test("stand-ins stay out of credential stores: loopback, documentation and bare hosts, templates, defaults, fixtures", () => {
  // Hosts nobody else reaches, or that only documentation names.
  assert.deepEqual(found("home/.pgpass", `localhost:5432:*:app:${WEAK}\n127.0.0.1:5432:*:app:${WORD}\ndb:5432:*:app:${WEAK}\n`), [], "loopback and a compose service");
  assert.deepEqual(found("home/.netrc", `machine ftp.example.com login me password ${WEAK}\nmachine HOSTNAME login USERID password ${WEAK}\n`), [], "RFC 2606 and a template host");
  assert.deepEqual(found(".dbeaver/data-sources.xml", `<connection host="localhost" user="user" password="${WORD}"/>`), []);
  assert.deepEqual(found("home/.my.cnf", `[client]\nuser = root\npassword = ${WORD}\n`), [], "no host= is the local server");
  // Passwords that are templates, public logins and default pairs.
  const templates = ["${PGPASSWORD}", "<password>", "****", "changeme", "your_password", "PASSWORD", "xx"];
  for (const t of templates) assert.deepEqual(found("home/.netrc", `machine api.acme.io login ops password ${t}\n`), [], t);
  assert.deepEqual(found("home/.netrc", `machine ftp.acme.io login anonymous password guest@acme.io\n`), [], "anonymous FTP");
  assert.deepEqual(found("home/.pgpass", `db.acme.io:5432:*:postgres:postgres\n`), [], "the image's default pair");
  // The same weak entry in a fixture or documentation directory, or under another file name.
  assert.deepEqual(found("test/fixtures/.netrc", `machine api.acme.io login ops password ${WEAK}\n`), []);
  assert.deepEqual(found("docs/.pgpass", `db.acme.io:5432:*:app:${WEAK}\n`), []);
  assert.deepEqual(found("conf/settings.json", `{"host": "www.acme.io", "user": "deploy", "pass": "${WORD}"}`), [], "not a credential store");
  // A strong password is the format detectors' (one finding, not two).
  assert.deepEqual(found("home/.netrc", `machine api.acme.io login ops password ${STRONG}\n`), [{ ruleId: "netrc-password", at: STRONG }]);
});

test("credential store names, host and password verdicts", () => {
  assert.equal(credentialStoreKind("a/.vscode/sftp.json"), "deploy-json");
  assert.equal(credentialStoreKind("a/sftp.json"), null);
  assert.equal(credentialStoreKind("x/recentservers.xml"), "filezilla");
  assert.equal(standInHostReason("smtp.gmail.com:587"), null);
  assert.equal(standInHostReason("192.168.1.20"), null);
  assert.notEqual(standInHostReason("db.test"), null);
  assert.notEqual(standInHostReason("your-server.com"), null);
  assert.notEqual(standInHostReason("sub.localhost"), null);
  assert.equal(templatePasswordReason(WEAK, "ops"), null);
  assert.notEqual(templatePasswordReason("admin", "admin"), null);
  assert.notEqual(templatePasswordReason("$2y$10$abcdefghijklmnopqrstuv", "ops"), null);
});
