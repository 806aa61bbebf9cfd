import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { contextSeverity } from "./severity-context.js";
import { ALNUM, HEX, fake, pemBody } from "../../rules/fake.js";

// Built at run time so that the repository's own scan stays clean.
const SIG = `${fake(ALNUM, 40, "sev-sas")}%2B${fake(ALNUM, 3, "sev-sas2")}%3D`;
const sas = (fields: string): string => `BLOB_SAS_URL="https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&${fields}&spr=https&sig=${SIG}"\n`;
const NOW = Date.parse("2026-11-24T00:00:00Z");

test("an Azure SAS past its se= expiry is reported at low severity; a live one, one bound to a stored policy (si=) or with an unreadable date keeps high", () => {
  const at = (text: string) => {
    const start = text.indexOf("&sig=") + 5;
    return contextSeverity("azure-sas-token", SIG, text, start, start + SIG.length, NOW);
  };
  assert.equal(at(sas("se=2024-01-01T00:00:00Z&st=2023-12-01T00:00:00Z"))?.severity, "low");
  assert.equal(at(sas("se=2024-01-01"))?.severity, "low", "a date without a time");
  assert.equal(at(sas("se=2024-01-01T00%3A00%3A00Z"))?.severity, "low", "URL-encoded colons");
  assert.equal(at(sas("se=2030-01-01T00:00:00Z")), null, "not yet expired");
  assert.equal(at(sas("si=readers&se=2024-01-01T00:00:00Z")), null, "a stored access policy decides the expiry");
  assert.equal(at(sas("se=${EXPIRY}")), null, "a template");
  assert.equal(at(sas("st=2024-01-01T00:00:00Z")), null, "no se=");
  // Through the engine, with the real clock: a 2024 expiry is past.
  const [f] = scanText({ text: sas("se=2024-01-01T00:00:00Z"), file: "deploy.env" }).findings.filter((x) => x.ruleId === "azure-sas-token");
  assert.equal(f?.severity, "low");
  assert.match(f!.reason, /expired on 2024-01-01/);
  const [live] = scanText({ text: sas("se=2999-01-01T00:00:00Z"), file: "deploy.env" }).findings.filter((x) => x.ruleId === "azure-sas-token");
  assert.equal(live?.severity, "high");
});

test("a PEM private key encrypted with a passphrase (Proc-Type: 4,ENCRYPTED) is high, an unencrypted one critical", () => {
  const enc = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${fake(HEX, 32, "sev-dek").toUpperCase()}\n\n${pemBody(6, "sev-enc")}\n-----END RSA PRIVATE KEY-----\n`;
  const plain = `-----BEGIN RSA PRIVATE KEY-----\n${pemBody(6, "sev-plain")}\n-----END RSA PRIVATE KEY-----\n`;
  const sev = (text: string) => scanText({ text, file: "deploy/id_rsa" }).findings.map((f) => [f.ruleId, f.severity]);
  assert.deepEqual(sev(enc), [["private-key-rsa", "high"]]);
  assert.deepEqual(sev(plain), [["private-key-rsa", "critical"]]);
});
