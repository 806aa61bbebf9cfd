import { test } from "node:test";
import assert from "node:assert/strict";
import { fake, LOWER_ALNUM } from "../../rules/fake.js";
import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";
import { scanText } from "./engine.js";

test("env-cmd's .env-cmdrc is read as JSON and wrangler's .dev.vars as dotenv lines", () => {
  const pw = ["Qx7", "mLw2", "Vb9", "Tz4"].join("");
  assert.equal(fileInfo(".env-cmdrc").kind, "config");
  assert.equal(fileInfo(".env-cmdrc.json").kind, "config");
  assert.deepEqual(detectGeneric(`{\n  "production": { "PORT": "80", "REDIS_PASSWORD": "${pw}" }\n}\n`, fileInfo(".env-cmdrc")).map((h) => h.name), ["REDIS_PASSWORD"]);
  assert.equal(fileInfo(".dev.vars").kind, "dotenv");
  assert.equal(fileInfo("worker/.dev.vars.staging").kind, "dotenv");
  assert.equal(fileInfo(".env.production").kind, "dotenv", "the .env family is unchanged");
});

test("Starlark (.bzl, .star) is code: Bazel macros and Tilt/Buck configs are a Python dialect, where an unquoted value is an expression", () => {
  assert.equal(fileInfo("tools/deps.bzl").kind, "code");
  assert.equal(fileInfo("ci/pipeline.star").kind, "code");
});

test("run-control files without an extension (.msmtprc, .mbsyncrc, /etc/msmtprc) take `name value` lines", () => {
  const secret = "Rk7" + "vQ2mXw9pLz4T";
  assert.equal(fileInfo(".msmtprc").spaceSeparated, true);
  assert.equal(fileInfo("etc/msmtprc").spaceSeparated, true);
  assert.equal(fileInfo(".mbsyncrc").spaceSeparated, true);
  assert.equal(fileInfo("notes.md").spaceSeparated, false);
  assert.deepEqual(detectGeneric(`account relay\nhost smtp.relay.example\nuser me@relay.example\npassword       ${secret}\n`, fileInfo(".msmtprc")).map((h) => h.secret), [secret]);
  assert.deepEqual(detectGeneric(`IMAPAccount archive\nUser dana\nPass ${secret}\n`, fileInfo(".mbsyncrc")).map((h) => h.secret), [secret]);
  // The command, not a literal: msmtp's passwordeval, isync's PassCmd.
  assert.deepEqual(detectGeneric(`passwordeval "gpg -q -d ~/.msmtp.gpg"\nPassCmd "pass show mail"\n`, fileInfo(".msmtprc")), []);
});

test("OpenWrt UCI files (/etc/config/*) and VyOS/EdgeOS config.boot take `name value` statements", () => {
  const secret = "Tq4" + "wZ8nLp2Rx7Vb";
  const wgKey = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 53 + 17) % 251)).toString("base64");
  assert.equal(fileInfo("etc/config/wireless").spaceSeparated, true);
  assert.equal(fileInfo("router/config.boot").spaceSeparated, true);
  assert.equal(fileInfo("etc/configs/wireless").spaceSeparated, false, "only OpenWrt's own folder");
  assert.deepEqual(detectGeneric(`config interface 'wan'\n\toption proto 'pppoe'\n\toption password '${secret}'\n`, fileInfo("etc/config/network")).map((h) => h.secret), [secret]);
  assert.deepEqual(detectGeneric(`config interface 'wg0'\n\toption proto 'wireguard'\n\toption private_key '${wgKey}'\n`, fileInfo("etc/config/network")).map((h) => h.secret), [wgKey]);
  assert.deepEqual(detectGeneric(`interfaces {\n    wireguard wg0 {\n        private-key "${wgKey}"\n    }\n}\n`, fileInfo("config.boot")).map((h) => h.secret), [wgKey]);
  // An empty key, a public key and a hash stay quiet.
  assert.deepEqual(detectGeneric(`\toption key ''\n\toption public_key '${wgKey}'\n`, fileInfo("etc/config/network")), []);
  assert.deepEqual(detectGeneric(`encrypted-password "$6$rounds=5000$abcdefgh$${"x".repeat(86)}"\n`, fileInfo("config.boot")), []);
});

test("Erlang headers (.hrl) are code like .erl: a record's default `asn1_NOVALUE` is an expression, a quoted password is a value", () => {
  assert.equal(fileInfo("include/ELDAPv3.hrl").kind, "code");
  const text = `-record('PasswdModifyRequestValue', {userIdentity = asn1_NOVALUE, oldPasswd = asn1_NOVALUE, newPasswd = asn1_NOVALUE}).\n-record(conn, {host = "db", password = "${["Qm7", "vT2xK9pL4w"].join("")}"}).\n`;
  const found = scanText({ text, file: "include/eldap.hrl" }).findings.map((f) => `${f.line}:${f.ruleId}`);
  assert.deepEqual(found, ["2:generic-password"]);
});

test("Arduino sketches (.ino, .pde) are C++ code: `char pass[] = \"…\"` is a literal, `pass[] = SECRET_PASS` a macro", () => {
  const secret = "Kv8" + "rQ2mXw9pLz4T";
  assert.equal(fileInfo("weather-station/weather-station.ino").kind, "code");
  assert.equal(fileInfo("legacy/Blink.pde").kind, "code");
  assert.deepEqual(detectGeneric(`char ssid[] = "Rooftop-2G";\nchar pass[] = "${secret}";\n`, fileInfo("station.ino")).map((h) => h.secret), [secret]);
  assert.deepEqual(detectGeneric(`const char PASS[] = SECRET_OPTIONAL_PASS;\nchar pass[] = "YourPassword";\n`, fileInfo("station.ino")), []);
});

test("PSReadLine's history (ConsoleHost_history.txt) is the commands typed, read as a script, not as a document", () => {
  // A token of lower-case letters and digits under its variable's name: a script's assignment, where a document's
  // word would need three character classes.
  const token = fake(LOWER_ALNUM, 40, "psreadline-token");
  const line = `cd C:\\src\\ops\n$env:RELEASE_API_TOKEN = "${token}"\nInvoke-RestMethod -Uri https://deploy.internal/api/releases\n`;
  assert.equal(fileInfo("AppData/Roaming/Microsoft/Windows/PowerShell/PSReadLine/ConsoleHost_history.txt").kind, "config");
  assert.equal(fileInfo("PSReadLine/Visual Studio Code Host_history.txt").kind, "config");
  assert.deepEqual(scanText({ text: line, file: "PSReadLine/ConsoleHost_history.txt" }).findings.map((f) => f.name), ["RELEASE_API_TOKEN"]);
  // Traps: other `*_history.txt` files are documents (a changelog, a revision list), where the same line stays quiet.
  assert.equal(fileInfo("docs/release_history.txt").kind, "docs");
  assert.equal(fileInfo("revision_history.txt").kind, "docs");
  assert.deepEqual(scanText({ text: line, file: "notes/setup.txt" }).findings, []);
});
