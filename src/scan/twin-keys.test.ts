import { test } from "node:test";
import assert from "node:assert/strict";
import { hasHashTwin, hasSecretTwin, hasSecretTwinAmong, twinPrefixes } from "./twin-keys.js";
import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";
import { scanText as engineScan } from "./engine.js";

function scanText(text: string, file: string): { secret: string }[] {
  return engineScan({ text, file }).findings;
}

// Built at run time so that scanning the repository does not report the test itself.
const ID = ["63tbuPUL", "rwsiaRjO", "cOVvwc4PM"].join("");
const SECRET = ["AdKR9rdH", "SZl8K1fR", "SmvGTnmj", "S7Z6Rq0Q", "uJiiepWt"].join("");
const HEX = ["b562a660", "91c64d96", "abedf976", "9b08cfae"].join("");
const HEX2 = ["017b23be", "5b4d586d", "9234bed5", "02a0280d"].join("");

function names(file: string, text: string): string[] {
  return detectGeneric(text, fileInfo(file)).map((h) => h.name);
}

test("twin prefixes: a key's `secret` twin, with or without its api/app/consumer qualifier; secret-named keys have none", () => {
  assert.deepEqual(twinPrefixes("TWITTER_OAUTH_KEY"), [["twitter", "oauth"]]);
  assert.deepEqual(twinPrefixes("LastFM.ApiKey"), [["last", "fm"]]);
  assert.deepEqual(twinPrefixes("consumer_key"), [["consumer"]]);
  for (const n of ["SECRET_KEY", "PRIVATE_KEY", "SIGNING_KEY", "S3_ACCESS_KEY", "MEILI_MASTER_KEY", "api_key", "APIKey", "api_token", "KEY"]) assert.equal(twinPrefixes(n), null, n);
  assert.ok(hasSecretTwinAmong("SAVED_GD_Key", ["SAVED_GD_Secret"]));
  assert.ok(!hasSecretTwinAmong("SAVED_GD_Key", ["SAVED_GD_Secret_Key", "SAVED_GD_Token"]));
});

test("a key beside its secret twin is the pair's identifier: not reported; the secret is", () => {
  // OAuth 1.0a consumer key and secret (Huginn's .env), Last.fm's API key and shared secret (Navidrome), acme.sh's
  // GoDaddy pair, a YAML block's consumer key and secret.
  const env = `DATABASE_ADAPTER=postgresql\nTWITTER_OAUTH_KEY=${ID}\nTWITTER_OAUTH_SECRET=${SECRET}\n`;
  assert.ok(hasSecretTwin("TWITTER_OAUTH_KEY", env, env.indexOf(ID)));
  const found = scanText(env, ".env").map((f) => f.secret);
  assert.deepEqual(found, [SECRET]);
  assert.deepEqual(names("navidrome.toml", `LastFM.Enabled = true\nLastFM.ApiKey = "${HEX}"\nLastFM.Secret = "${HEX2}"\n`), ["LastFM.Secret"]);
  assert.deepEqual(names("account.conf", `SAVED_GD_Key='${ID}'\nSAVED_GD_Secret='${SECRET}'\n`), ["SAVED_GD_Secret"]);
  assert.deepEqual(names("config.yml", `twitter:\n  consumer_key: ${ID}\n  consumer_secret: ${SECRET}\n`), ["consumer_secret"]);
  // JSON: the twin on the line before.
  assert.deepEqual(names("event.json", `{\n  "LASTFM_SECRET": "${HEX2}",\n  "LASTFM_API_KEY": "${HEX}"\n}\n`), ["LASTFM_SECRET"]);
});

test("traps: a key with no twin, a twin too far away or of another prefix, a secret-named key, and a provider format are still reported", () => {
  assert.deepEqual(names("config.toml", `LastFM.ApiKey = "${HEX}"\n`), ["LastFM.ApiKey"]);
  assert.deepEqual(names("config.toml", `ZOOM_KEY = "${ID}"\nSLACK_SECRET = "${SECRET}"\n`), ["ZOOM_KEY", "SLACK_SECRET"]);
  // An API key beside an API secret: both reported (Mailjet's pair is a Basic user and password).
  assert.deepEqual(names("event.json", `{\n  "MAILJET_API_SECRET": "${HEX2}",\n  "MAILJET_API_KEY": "${HEX}"\n}\n`), ["MAILJET_API_SECRET", "MAILJET_API_KEY"]);
  assert.deepEqual(names("legacy.cfg", `[api]\napi_key=${HEX}\napi_secret=${HEX2}\n`), ["api_key", "api_secret"]);
  const far = `TWITTER_OAUTH_KEY=${ID}\n${"A=1\n".repeat(8)}TWITTER_OAUTH_SECRET=${SECRET}\n`;
  assert.deepEqual(scanText(far, ".env").map((f) => f.secret), [ID, SECRET]);
  assert.deepEqual(names("config.yml", `app:\n  secret_key: ${ID}\n  secret: ${SECRET}\n`), ["secret_key", "secret"]);
  assert.deepEqual(names("config.yml", `s3:\n  access_key: ${ID}\n  secret_key: ${SECRET}\n`), ["access_key", "secret_key"]);
  // A key with a format of its own stays reported by its provider rule (WooCommerce's `ck_`, DigitalOcean Spaces' `DO00`).
  const woo = `WOO_CONSUMER_KEY=ck_${HEX}${HEX2.slice(0, 8)}\nWOO_CONSUMER_SECRET=cs_${HEX2}${HEX.slice(0, 8)}\n`;
  assert.equal(scanText(woo, ".env").length, 2);
  const spaces = `SPACES_KEY=DO00${"901F0S3AO7AOXMU4"}\nSPACES_SECRET=${SECRET}\n`;
  assert.equal(scanText(spaces, ".env").length, 2);
});

test("a salt named for what it salts, beside that thing's stored hash, is the record's salt; an application salt is a secret", () => {
  // Deluge's web.conf: `pwd_salt` beside `pwd_sha1`; a user row's `password_salt` beside `password_hash`.
  const deluge = `{\n    "port": 8112,\n    "pwd_salt": "${HEX}${HEX2.slice(0, 8)}",\n    "pwd_sha1": "${HEX2}${HEX.slice(0, 8)}",\n    "session_timeout": 3600\n}\n`;
  assert.ok(hasHashTwin("pwd_salt", deluge, deluge.indexOf(HEX)));
  assert.deepEqual(names("web.conf", deluge), []);
  assert.deepEqual(names("users.yml", `- name: admin\n  password_salt: ${SECRET}\n  password_hash: ${HEX2}\n`), []);
  // Traps: an application's own salt (no hash of the same name beside it), a salt beside another name's hash,
  // a hash word that is not the last word.
  assert.deepEqual(names("app.yml", `security:\n  password_salt: ${SECRET}\n  session_timeout: 3600\n`), ["password_salt"]);
  assert.deepEqual(names("app.yml", `cookie_salt: ${SECRET}\npassword_hash: ${HEX2}\n`), ["cookie_salt"]);
  assert.ok(!hasHashTwin("pwd_salt", `pwd_sha1_enabled: true\npwd_salt: x\n`, 30));
});
