import { test } from "node:test";
import assert from "node:assert/strict";
import { detectBuiltin } from "./builtin-detector.js";
import { fileInfo } from "./file-kind.js";

// Values are assembled at run time so that scanning this repository stays clean.
const PW = ["Qz7", "rLx", "2Vw", "9Kp", "Tb4"].join("");
const HA1 = ["7f3a9c1e", "04d2b8f6", "a15e3c9d", "2b7f6e08"].join("");

function found(file: string, text: string): Array<{ ruleId: string; at: string }> {
  return detectBuiltin(text, new Set(), file, fileInfo(file)).map((h) => ({ ruleId: h.ruleId, at: text.slice(h.start, h.end) }));
}

test("properties users files (Karaf, ActiveMQ, Artemis, Jetty realm): the value of a user is its password, unless hashed, encrypted or a default", () => {
  const karaf = `# user=password,role\nkaraf = karaf,_g_:admingroup\ndeployer = ${PW},_g_:admingroup\nreader = {CRYPT}${HA1}{CRYPT},viewer\n_g_\\:admingroup = group,admin,manager\n`;
  assert.deepEqual(found("etc/users.properties", karaf), [{ ruleId: "users-file-password", at: PW }]);
  assert.deepEqual(found("etc/artemis-users.properties", `admin = ENC(${HA1})\napp = ${PW}\n`), [{ ruleId: "users-file-password", at: PW }]);
  const jetty = `# username: password[,rolename ...]\ndeploy: ${PW},deployer\nmonitor: MD5:${HA1},monitor\nguest: CRYPT:adkdQc3fLqRyO,user\n#old: ${PW}x,admin\n`;
  assert.deepEqual(found("etc/realm.properties", jetty), [{ ruleId: "users-file-password", at: PW }]);
  assert.deepEqual(found("conf/jetty-realm.properties", `admin: admin, admin\nuser: user, user\n`), [], "ActiveMQ's shipped defaults");
});

test("a users.properties that is not a realm (messages, settings) gives nothing; nor does the same text under another name", () => {
  assert.deepEqual(found("i18n/users.properties", "users.title = Users of this site\nusers.add=Add user\nusers.enabled=true\n"), []);
  assert.deepEqual(found("etc/app.properties", `deployer = ${PW},admin\n`), [], "not a users file");
  assert.deepEqual(found("src/test/resources/users.properties", `deployer = ${PW},admin\n`), [], "a test fixture");
});

test("WildFly mgmt-users.properties: the HA1 digest of a user is a password equivalent; other values are not read as digests", () => {
  const wildfly = `# Users and their HEX(MD5(username:realm:password))\nadmin=${HA1}\n#disabled=${HA1.replace(/^7/, "8")}\n`;
  assert.deepEqual(found("standalone/configuration/mgmt-users.properties", wildfly), [{ ruleId: "users-file-password", at: HA1 }]);
  assert.deepEqual(found("standalone/configuration/application-users.properties", `app=${"0".repeat(32)}\nold=notadigest\n`), [], "a mask and a non-digest");
});

test("CouchDB [admins]: a clear-text admin password, not its pbkdf2 hash, nor a key of another section", () => {
  const ini = `[couchdb]\nuuid = ${HA1}\n[admins]\nadmin = -pbkdf2-${HA1}${HA1.slice(0, 8)},${HA1},10\nreplicator = ${PW}\n; ops = ${PW}y\n[chttpd]\nport = 5984\nbind_address = ${PW}z\n`;
  assert.deepEqual(found("etc/local.ini", ini), [{ ruleId: "users-file-password", at: PW }]);
  assert.deepEqual(found("etc/local.ini", `[log]\nadmin = ${PW}\n`), [], "no [admins] section");
});

test("exim passwd.client and pppd chap-secrets: the password column, not the commented examples, a file reference or a wildcard row", () => {
  const exim = `# see exim4_passwd_client(5)\n### target.mail.server.example:login:password\n*.smtp2go.example:relay@mail.example:${PW}\n`;
  assert.deepEqual(found("etc/exim4/passwd.client", exim), [{ ruleId: "users-file-password", at: PW }]);
  const chap = `# client\tserver\tsecret\t\tIP addresses\n#"username"\t*\t"password"\t\t*\ndana\t\tpptpd\t"${PW}"\t\t*\nguest\tpptpd\t${HA1.slice(0, 14)}Zx\t10.30.0.20\nops\t*\t@/etc/ppp/ops.secret\t*\n`;
  assert.deepEqual(found("etc/ppp/chap-secrets", chap).map((h) => h.at), [PW, `${HA1.slice(0, 14)}Zx`]);
  assert.deepEqual(found("etc/ppp/options", `dana pptpd ${PW} *\n`), [], "not a secrets file");
});

test("Deluge's auth and Checkmk's .cmk-credentials: the password of each login; other lines and other files named auth are not read (blind corpus 17)", () => {
  const deluge = `localclient:${HA1}${HA1.slice(0, 8)}:10\nmediabox:${PW}:10\n# user:password:level\nguest:password:1\n`;
  assert.deepEqual(found("home/.config/deluge/auth", deluge).map((h) => h.at), [`${HA1}${HA1.slice(0, 8)}`, PW]);
  // A file called auth that is not Deluge's: no `user:password:level` lines.
  assert.deepEqual(found("srv/app/auth", `realm=api\nuser:${PW}\nmode: strict\n`), []);
  assert.deepEqual(found("omd/sites/prod/.cmk-credentials", `cmkadmin:${PW}\n`), [{ ruleId: "users-file-password", at: PW }]);
});

test("svnserve passwd, Perforce tickets and Wazuh client.keys: the clear-text password, the ticket, the agent key; not comments, removed agents or other files", () => {
  const svn = `### example\n[users]\n# harry = harryssecret\ndana = ${PW}\n`;
  assert.deepEqual(found("svn/conf/passwd", svn), [{ ruleId: "users-file-password", at: PW }]);
  assert.deepEqual(found("etc/passwd", `root:x:0:0:root:/root:/bin/bash\n`), [], "a Unix passwd file has no [users] section");
  const ticket = HA1.toUpperCase();
  const tickets = `perforce.example:1666=dana:${ticket}\nssl:10.0.0.33:1666=build:${ticket.replace(/^7/, "8")}\n`;
  assert.deepEqual(found(".p4tickets", tickets).map((h) => h.at), [ticket, ticket.replace(/^7/, "8")]);
  assert.deepEqual(found(".p4tickets", `perforce:1666=dana:not-a-ticket\n`), [], "not a ticket");
  const key = HA1 + HA1.split("").reverse().join("");
  const keys = `001 web-01 any ${key}\n002 !web-02 any ${key.replace(/^7/, "9")}\n# 003 old any ${key}\n`;
  assert.deepEqual(found("var/ossec/etc/client.keys", keys), [{ ruleId: "users-file-password", at: key }]);
  assert.deepEqual(found("etc/tickets.txt", tickets), [], "not a tickets file by name");
});
