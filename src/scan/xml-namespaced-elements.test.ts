import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";

// Built at run time: no secret-shaped literal in the source.
const pw = ["Kx7", "vR2q", "Lm9w", "Tz4e"].join("");
const digest = ["q1Zb", "Hn8sT0", "wYc3Xk", "Ve5PaR", "2mU="].join("");

const found = (text: string, file: string) => scanText({ text, file }).findings.map((f) => f.secret);

test("a password element under a namespace prefix is read as the unprefixed one (SoapUI, WS-Security)", () => {
  assert.deepEqual(found(`<con:outgoing><con:username>ACME0042</con:username><con:password>${pw}</con:password></con:outgoing>\n`, "Bank-soapui-project.xml"), [pw]);
  const token = `<wsse:UsernameToken>\n  <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${pw}</wsse:Password>\n</wsse:UsernameToken>\n`;
  assert.deepEqual(found(token, "request.xml"), [pw]);
  assert.deepEqual(found(`<con:property><con:name>password</con:name><con:value>${pw}</con:value></con:property>\n`, "Bank-soapui-project.xml"), [pw]);
});

test("a WS-Security password digest, a property expansion and a prefix that is not a tag stay out", () => {
  const token = `<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${digest}</wsse:Password>\n`;
  assert.deepEqual(found(token, "request.xml"), []);
  assert.deepEqual(found("<con:credentials><con:password>${#Project#password}</con:password></con:credentials>\n", "Bank-soapui-project.xml"), []);
  assert.deepEqual(found(`<con:property><con:name>endpoint</con:name><con:value>${pw}</con:value></con:property>\n`, "Bank-soapui-project.xml"), []);
});
