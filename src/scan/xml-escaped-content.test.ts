import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { escapedDocuments } from "./xml-escaped-content.js";

// Session 22 (detgaps15): documents and scripts kept escaped in an XML element (blind corpus 21: BizTalk bindings,
// Jenkins job config). Built at run time so that scanning the repository does not report this file.
const PW = ["nluf", "Vzvu", "tZ5J", "gg1q"].join("");
const PW2 = ["VE8i", "iAbe", "c+fy", "Fh-R"].join("");

function secrets(file: string, text: string): string[] {
  return scanText({ text, file }).findings.map((f) => text.slice(f.start, f.end));
}

test("escaped markup in an element's text is read decoded, at the file's offsets", () => {
  const binding = `<SendPort Name="SP_Partner_SFTP">\n  <TransportTypeData>&lt;CustomProps&gt;&lt;UserName vt="8"&gt;contoso_drop&lt;/UserName&gt;&lt;Password vt="8"&gt;${PW}&lt;/Password&gt;&lt;/CustomProps&gt;</TransportTypeData>\n</SendPort>\n`;
  assert.deepEqual(secrets("integration/Orders.BindingInfo.xml", binding), [PW]);
  const job = `<project>\n  <builders>\n    <hudson.plugins.powershell.PowerShell>\n      <command>$pw = ConvertTo-SecureString &apos;${PW2}&apos; -AsPlainText -Force\n$cred = New-Object PSCredential(&apos;CONTOSO\\svc_deploy&apos;, $pw)</command>\n    </hudson.plugins.powershell.PowerShell>\n  </builders>\n</project>\n`;
  assert.deepEqual(secrets("jobs/orders/config.xml", job), [PW2]);
});

test("escaped text without a secret, or with a reference or an encrypted value, stays quiet", () => {
  // Traps: a user name only, an environment reference, a password the adapter stores encrypted (vt="8" with a
  // masked value), escaped HTML of a description, a URL with &amp; only.
  const bag = (inner: string) => `<TransportTypeData>&lt;CustomProps&gt;${inner}&lt;/CustomProps&gt;</TransportTypeData>\n`;
  assert.deepEqual(secrets("b.xml", bag(`&lt;UserName vt="8"&gt;contoso_drop&lt;/UserName&gt;`)), []);
  assert.deepEqual(secrets("b.xml", bag(`&lt;Password vt="8"&gt;\${SFTP_PASSWORD}&lt;/Password&gt;`)), []);
  assert.deepEqual(secrets("b.xml", bag(`&lt;Password vt="1" /&gt;`)), []);
  assert.deepEqual(secrets("b.xml", bag(`&lt;Password vt="8"&gt;******&lt;/Password&gt;`)), []);
  assert.deepEqual(secrets("job.xml", `<description>&lt;p&gt;Rotate the password in the vault first.&lt;/p&gt;</description>\n`), []);
  assert.deepEqual(secrets("job.xml", `<url>https://ci.example.org/job?a=1&amp;b=2&amp;c=3</url>\n`), []);
});

test("escapedDocuments: the decoded text maps back to the file's offsets", () => {
  const text = `<x>\n<command>echo &apos;ab&apos; &amp;&amp; true</command>\n</x>\n`;
  const [doc] = escapedDocuments(text, "ci/job/config.xml");
  assert.ok(doc);
  assert.equal(doc.text, "echo 'ab' && true");
  assert.equal(doc.name, "ci/job/command.sh");
  const a = doc.text.indexOf("ab");
  assert.equal(text.slice(doc.at(a), doc.at(a + 1) + 1), "ab");
  assert.equal(text[doc.at(doc.text.indexOf("true"))], "t");
});
