import { test } from "node:test";
import assert from "node:assert/strict";
import { detectBuiltin } from "./builtin-detector.js";
import { fileInfo } from "./file-kind.js";
import { isRecordedTraffic } from "./har-reader.js";

// Values are assembled at run time so that scanning this repository stays clean.
const TOKEN = ["f8Kq2LmZ", "9xR4tV7b", "N3cW6yH1", "pD5sJ0uG"].join("");
const SESSION = ["q7Wd0Zr2", "Hk9Lx4Pe", "Vb6Ns1Tj"].join("");
const PW = ["Qz7", "rLx", "2Vw", "9Kp", "Tb4"].join("");

function found(file: string, text: string): Array<{ ruleId: string; name?: string; at: string }> {
  return detectBuiltin(text, new Set(), file, fileInfo(file)).map((h) => ({ ruleId: h.ruleId, name: h.name, at: text.slice(h.start, h.end) }));
}

function har(headers: object[], cookies: object[] = [], query: object[] = []): string {
  const entry = { request: { method: "GET", url: "https://api.example.org/v1/me", headers, cookies, queryString: query }, response: { status: 200, headers: [], cookies: [] } };
  return JSON.stringify({ log: { version: "1.2", creator: { name: "Firefox", version: "128" }, entries: [entry] } }, null, 2);
}

test("HAR files: the Authorization credential, session cookies and secret-named parameters; not ordinary headers and cookies", () => {
  const text = har(
    [{ name: "Accept", value: "application/json" }, { name: "Authorization", value: `Bearer ${TOKEN}` }, { name: "X-Request-Id", value: "4f1c2b7e-9a0d-4e55-8c11-2f3a4b5c6d7e" }],
    [{ name: "sessionid", value: SESSION }, { name: "theme", value: "dark" }, { name: "_ga", value: "GA1.2.1234567890.1700000000" }],
    [{ name: "access_token", value: TOKEN }, { name: "page", value: "2" }],
  );
  assert.deepEqual(found("bugs/1234/network.har", text), [
    { ruleId: "recorded-http-credential", name: "Authorization", at: TOKEN },
    { ruleId: "recorded-http-credential", name: "sessionid", at: SESSION },
  ], "the query token repeats the header's and is reported once");
  assert.deepEqual(found("bugs/1234/network.har", har([{ name: "Authorization", value: "Bearer <token>" }])), [], "a placeholder");
  assert.deepEqual(found("bugs/1234/network.har", "{ not json"), [], "not JSON");
});

test("the reader runs only on *.har and HTTPie sessions: the same JSON under another name is left to the other detectors", () => {
  assert.equal(isRecordedTraffic("docs/network.har"), true);
  assert.equal(isRecordedTraffic("home/.config/httpie/sessions/api.example.org/dev.json"), true);
  assert.equal(isRecordedTraffic("config/sessions/dev.json"), false);
  assert.equal(isRecordedTraffic("src/har.ts"), false);
  const text = har([], [{ name: "sessionid", value: SESSION }]);
  assert.deepEqual(found("fixtures/recording.json", text).filter((h) => h.ruleId === "recorded-http-credential"), []);
});

test("HTTPie sessions: the auth password, header credentials and cookies, in both the list and the older map form", () => {
  const modern = JSON.stringify({ __meta__: { about: "HTTPie session file" }, auth: { type: "basic", username: "dana", password: PW }, cookies: [{ name: "csrftoken", value: [...TOKEN].reverse().join("") }, { name: "session", value: SESSION, domain: "api.example.org" }], headers: [{ name: "X-API-Key", value: TOKEN }] }, null, 4);
  const got = found(".config/httpie/sessions/api.example.org/dev.json", modern).filter((h) => h.ruleId === "recorded-http-credential");
  assert.deepEqual(got.map((h) => h.name).sort(), ["X-API-Key", "password", "session"]);
  const legacy = JSON.stringify({ auth: { type: null, username: null, password: null }, cookies: { sessionid: { value: SESSION, path: "/" } }, headers: { "User-Agent": "HTTPie/2.6.0" } });
  assert.deepEqual(found(".config/httpie/sessions/localhost_8000/default.json", legacy).map((h) => h.at), [SESSION]);
});
