import { test } from "node:test";
import assert from "node:assert/strict";
import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";
import { isReference } from "./placeholder-filter.js";
import { detectBuiltin } from "./builtin-detector.js";
import { allRules, compileRuleSet, scanKeywords } from "./rule-set.js";

// Session 21 (blind corpus 21, Windows and .NET estates). Secrets are built at run time so that scanning the
// repository does not report this file.
const PW = ["Qz7", "rLx", "2Vw", "9Kp", "m4T"].join("");
const TOKEN = ["f8Kq2LmZ", "9xR4tV7b", "N3cW6yH1"].join("");
const HEX40 = ["6C46A1", "9B03E7", "55D2C8", "0F1A4B", "7E93D6", "2A8C5F", "11B4"].join("");
const B64 = ["SVOKq2Lm", "Zx9R4tV7", "bN3cW6yH", "1Qz7rLx2", "Vw9Kpm4T"].join("");

function secretsIn(file: string, text: string): string[] {
  return detectGeneric(text, fileInfo(file)).map((h) => h.secret);
}

test("a value attribute after other attributes of an element named by name/key/id is the named value", () => {
  // Group Policy Preferences registry item, OVF property, WiX property, Service Fabric parameter.
  assert.deepEqual(secretsIn("Registry.xml", `<Properties action="U" hive="HKEY_LOCAL_MACHINE" key="SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" name="DefaultPassword" type="REG_SZ" value="${PW}" />\n`), [PW]);
  assert.deepEqual(secretsIn("appliance.ovf", `<Property ovf:key="admin_password" ovf:type="string" ovf:password="true" ovf:userConfigurable="true" ovf:value="${PW}" />\n`), [PW]);
  assert.deepEqual(secretsIn("Product.wxs", `<Property Id="ServicePassword" Value="${PW}" Hidden="yes" />\n`), [PW]);
  assert.deepEqual(secretsIn("Cloud.xml", `<Parameter Name="OrdersApi_DbPassword" Value="${PW}" />\n`), [PW]);
  // Not a value: an element that says its value is ciphertext, an empty value, a name that is not secret.
  assert.deepEqual(secretsIn("Cloud.xml", `<Parameter Name="OrdersApi_SbKey" Value="${B64}" IsEncrypted="true" />\n`), []);
  assert.deepEqual(secretsIn("appliance.ovf", `<Property ovf:key="api_password" ovf:type="string" ovf:value="" />\n`), []);
  assert.deepEqual(secretsIn("Cloud.xml", `<Parameter Name="OrdersApi_InstanceCount" Value="${TOKEN}" />\n`), []);
  // An HTML form field (a saved page's CSRF token) is what a page posts, not configuration.
  assert.deepEqual(secretsIn("page.html", `<input name="authenticity_token" type="hidden" value="${B64}" />\n`), []);
});

test("KeePass XML exports and .NET settings files name the value in a sibling element", () => {
  assert.deepEqual(secretsIn("ops-export.xml", `<String><Key>Password</Key><Value ProtectInMemory="True">${PW}</Value></String>\n`), [PW]);
  assert.deepEqual(secretsIn("App.config", `<setting name="ErpServicePassword" serializeAs="String"><value>${PW}</value></setting>\n`), [PW]);
  // Not a value: a KeePass field that is not secret, an empty setting.
  assert.deepEqual(secretsIn("ops-export.xml", `<String><Key>UserName</Key><Value>${TOKEN}</Value></String>\n`), []);
  assert.deepEqual(secretsIn("inner.xml", `<String><Key>Password</Key><Value Protected="True">${B64}</Value></String>\n`), []);
  assert.deepEqual(secretsIn("App.config", `<setting name="ErpServicePassword" serializeAs="String"><value /></setting>\n`), []);
});

test("ASP.NET forms credentials: a SHA1/MD5 passwordFormat makes every user's password a digest, Clear keeps passwords", () => {
  const hashed = `<credentials passwordFormat="SHA1">\n  <user name="admin" password="${HEX40}" />\n</credentials>\n`;
  assert.deepEqual(secretsIn("Web.config", hashed), []);
  const clear = `<credentials passwordFormat="SHA1">\n  <user name="a" password="${HEX40}" />\n</credentials>\n<credentials passwordFormat="Clear">\n  <user name="ops" password="${PW}" />\n</credentials>\n`;
  assert.deepEqual(secretsIn("Web.config", clear), [PW]);
});

test("release-pipeline tokens __Name__ are references, a value merely starting with underscores is not", () => {
  assert.equal(isReference("__SqlPassword__"), true);
  assert.equal(isReference("__Sql.Reporting.Password__"), true);
  assert.equal(isReference(`__${PW}`), false);
  assert.equal(isReference(`_${PW}_`), false);
});

test("a Visual Basic collection indexed by a secret name and assigned a literal (global.asa, Session, My.Settings)", () => {
  assert.deepEqual(secretsIn("global.asa", `Sub Application_OnStart\n    Application("MailPwd") = "${PW}"\nEnd Sub\n`), [PW]);
  assert.deepEqual(secretsIn("Default.aspx.vb", `Session("ApiKey") = "${TOKEN}"\n`), [TOKEN]);
  // Not a value: a comparison, a call's result compared in JavaScript, a name that is not secret.
  assert.deepEqual(secretsIn("check.vbs", `If Application("MailPwd") = "" Then\n`), []);
  assert.deepEqual(secretsIn("app.js", `if (get("password") == "${PW}") {}\n`), []);
  assert.deepEqual(secretsIn("global.asa", `Application("MailHost") = "${TOKEN}"\n`), []);
});

test("an Azure DevOps variable group export names each value, secret-flagged or not", () => {
  assert.deepEqual(secretsIn("variable-group.json", `{"variables": {\n  "SmtpPassword": { "isSecret": false, "value": "${PW}" }\n}}\n`), [PW]);
  assert.deepEqual(secretsIn("variable-group.json", `{"variables": {\n  "SmtpPassword": { "isSecret": true, "value": null }\n}}\n`), []);
});

test(".NET NetworkCredential: the second argument is the password, also behind a target-typed new", () => {
  const set = compileRuleSet(allRules);
  const found = (file: string, text: string): string[] =>
    detectBuiltin(text, scanKeywords(set, text, [], undefined, new Map()), file, fileInfo(file))
      .filter((h) => h.ruleId === "sdk-credential-argument")
      .map((h) => text.slice(h.start, h.end));
  assert.deepEqual(found("LedgerClient.cs", `var c = new NetworkCredential("CONTOSO\\\\svc_ledger", "${PW}");\n`), [PW]);
  assert.deepEqual(found("LedgerClient.cs", `private static readonly NetworkCredential Share = new("CONTOSO\\\\svc", "${PW}");\n`), [PW]);
  assert.deepEqual(found("Module1.vb", `client.Credentials = New Net.NetworkCredential("billing@contoso.com", "${PW}")\n`), [PW]);
  // Not a value: a variable, an empty password, a placeholder.
  assert.deepEqual(found("LedgerClient.cs", `var c = new NetworkCredential("svc", password);\n`), []);
  assert.deepEqual(found("LedgerClient.cs", `var c = new NetworkCredential("svc", "");\n`), []);
  assert.deepEqual(found("LedgerClient.cs", `var c = new NetworkCredential("svc", "<password>");\n`), []);
});
