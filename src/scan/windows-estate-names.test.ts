import { test } from "node:test";
import assert from "node:assert/strict";
import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";

// Session 22 (detgaps15): names the generic reader missed or did not reach in blind corpus 21, each stated as a
// class with traps beside the positives. Secrets are built at run time so that scanning the repository does not
// report this file.
const PW = ["Qz7", "rLx", "2Vw", "9Kp", "m4T"].join("");
const HEX32 = ["ccf4bb0e", "5f832504", "87094b2b", "e2729218"].join("");
const B64 = ["SVOKq2Lm", "Zx9R4tV7", "bN3cW6yH", "1Qz7rLx2", "Vw9Kpm4T"].join("");

function secretsIn(file: string, text: string): string[] {
  return detectGeneric(text, fileInfo(file)).map((h) => h.secret);
}

test("an element named by a secret word holds its value in a value attribute", () => {
  assert.deepEqual(secretsIn("web.config", `<authenticationService>\n  <sharedSecret value="${B64}" />\n</authenticationService>\n`), [B64]);
  assert.deepEqual(secretsIn("logback.xml", `<appender>\n  <password value="${PW}"/>\n</appender>\n`), [PW]);
  assert.deepEqual(secretsIn("web.config", `<sharedSecret encoding="base64" value="${B64}" />\n`), [B64]);
  // Traps: an element flagged encrypted, a name that is not a secret's, a reference, an empty value.
  assert.deepEqual(secretsIn("web.config", `<sharedSecret isEncrypted="true" value="${B64}" />\n`), []);
  assert.deepEqual(secretsIn("web.config", `<secretStore value="${B64}" />\n`), []);
  assert.deepEqual(secretsIn("web.config", `<passwordPolicy value="${PW}" />\n`), []);
  assert.deepEqual(secretsIn("web.config", `<password value="\${SMTP_PASSWORD}" />\n`), []);
  assert.deepEqual(secretsIn("web.config", `<password value="" />\n`), []);
});

test("a bare Key in a .NET configuration key path is its section's key (user-secrets, flattened appsettings)", () => {
  assert.deepEqual(secretsIn("secrets.json", `{\n  "OpenAI:Key": "${HEX32}",\n  "Smtp:Port": "587"\n}\n`), [HEX32]);
  assert.deepEqual(secretsIn("secrets.json", `{\n  "Services:Payments:Stripe:Key": "${B64}"\n}\n`), [B64]);
  // Traps: a section whose key is an identifier or a lookup key, a key with no section, a path that is a value.
  assert.deepEqual(secretsIn("secrets.json", `{\n  "Redis:Key": "${HEX32}"\n}\n`), []);
  assert.deepEqual(secretsIn("secrets.json", `{\n  "Cache:Key": "${HEX32}"\n}\n`), []);
  assert.deepEqual(secretsIn("secrets.json", `{\n  "Key": "${HEX32}"\n}\n`), []);
  assert.deepEqual(secretsIn("appsettings.json", `{\n  "Sort": "OpenAI:Key"\n}\n`), []);
});

test("a password ending in a mixed-case label is not a host name; a host name is", () => {
  const dotted = ["3wSC7X99FLTxn", "jaG"].join(".");
  assert.deepEqual(secretsIn("jenkins.yaml", `jenkins:\n  securityRealm:\n    activeDirectory:\n      domains:\n        - name: "contoso.local"\n          bindPassword: "${dotted}"\n`), [dotted]);
  assert.deepEqual(secretsIn("jenkins.yaml", `ldap:\n  bindPassword: "ldap01.contoso.local"\n`), []);
  assert.deepEqual(secretsIn("jenkins.yaml", `ldap:\n  bindPassword: "DC01.Contoso.Com"\n`), []);
});

test("installer properties glue their words: TLSPSKVALUE= is a pre-shared key", () => {
  assert.deepEqual(secretsIn("install.cmd", `msiexec.exe /i zabbix_agent2.msi SERVER=zbx.contoso.local TLSCONNECT=psk TLSPSKIDENTITY=WS-PSK TLSPSKVALUE=${HEX32}${HEX32} /quiet\n`), [HEX32 + HEX32]);
  // Traps: the PSK's identity, a cipher-suite name, a key-value store setting.
  assert.deepEqual(secretsIn("install.cmd", `msiexec.exe /i agent.msi TLSPSKIDENTITY=${PW} /quiet\n`), []);
  assert.deepEqual(secretsIn("install.cmd", `set TLSPSKVALUE=ECDHE-PSK-AES128-CBC-SHA256\n`), []);
  assert.deepEqual(secretsIn("install.cmd", `set KEYVALUE=${HEX32}\n`), []);
});

test("an element named by a secret word with attributes, then its value as text", () => {
  assert.deepEqual(secretsIn("props.xml", `<CustomProps><UserName vt="8">drop</UserName><Password vt="8">${PW}</Password></CustomProps>\n`), [PW]);
  // Traps: an element flagged encrypted, a non-secret name, an empty element, text that spans lines.
  assert.deepEqual(secretsIn("props.xml", `<Password vt="8" encrypted="true">${B64}</Password>\n`), []);
  assert.deepEqual(secretsIn("props.xml", `<UserName vt="8">${PW}</UserName>\n`), []);
  assert.deepEqual(secretsIn("props.xml", `<Password vt="1" />\n`), []);
  assert.deepEqual(secretsIn("props.xml", `<Password vt="8">\n${PW}\n</Password>\n`), []);
});

test("personal access tokens abbreviated PAT after their platform's word", () => {
  const pat = ["jyy959jq3reg", "2kp8qxenrg50", "a36e3hsmfd7l", "0tp5w2pf2z8t", "rx7d"].join("");
  assert.deepEqual(secretsIn("profile.ps1", `$env:AZURE_DEVOPS_EXT_PAT = "${pat}"\n`), [pat]);
  assert.deepEqual(secretsIn("ci.env", `GH_PAT=${pat}\n`), [pat]);
  // Traps: a path, a pattern, a PAT name alone, a PAT's expiry.
  assert.deepEqual(secretsIn("profile.ps1", `$env:OUTPUT_PATH = "${pat}"\n`), []);
  assert.deepEqual(secretsIn("profile.ps1", `$env:MATCH_PATTERN = "${pat}"\n`), []);
  assert.deepEqual(secretsIn("profile.ps1", `$env:PAT = "${pat}"\n`), []);
  assert.deepEqual(secretsIn("profile.ps1", `$env:ADO_PAT_EXPIRY = "${pat}"\n`), []);
});

test("a Rust constant typed as a byte array holds its byte string", () => {
  const key = ["S11J2DLa", "Q12nhlbE", "ZyY189Fl", "1CeKqQF0"].join("");
  assert.deepEqual(secretsIn("src/keys.rs", `pub const SIGNING_KEY: &[u8; 32] = b"${key}";\n`), [key]);
  // Traps: a magic number, a public key's bytes.
  assert.deepEqual(secretsIn("src/keys.rs", `pub const MAGIC: &[u8; 4] = b"FGv2";\n`), []);
  assert.deepEqual(secretsIn("src/keys.rs", `pub const PUBLIC_KEY: &[u8; 32] = b"${key}";\n`), []);
});
