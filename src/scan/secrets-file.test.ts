import test from "node:test";
import assert from "node:assert/strict";
import { randomValue, secretsFileKind } from "./secrets-file.js";
import { scanText } from "./engine.js";

// Values assembled at run time so that the repository's own scan stays clean.
const KEY = ["Tq3v8Zk2Lp9X", "w4Rt7Yb6Nc1Mj5", "Gf0Ds2Ae8K"].join("");
const HEX = ["5932e4b48d448c89", "1b25d5d538fc0b01"].join("");
const B64 = ["tVWS1OBms2MkhP+Ky+fz", "hxesSjk/8je5tQgMHKXKZBQ="].join("");

const lines = (file: string, text: string) => scanText({ text, file }).findings.map((f) => `${f.line} ${f.name ?? ""}`);

test("secrets files: which paths say they hold secrets", () => {
  assert.deepEqual(secretsFileKind("secrets/stripe"), { oneValue: true, settings: false });
  assert.deepEqual(secretsFileKind("deploy/credentials/sendgrid.txt"), { oneValue: true, settings: false });
  assert.deepEqual(secretsFileKind("db_password.txt"), { oneValue: true, settings: false });
  assert.deepEqual(secretsFileKind("esphome/secrets.yaml"), { oneValue: false, settings: true });
  assert.deepEqual(secretsFileKind("printer_data/moonraker.secrets"), { oneValue: false, settings: true });
  assert.deepEqual(secretsFileKind("src/secrets.h"), { oneValue: false, settings: true });
  for (const quiet of ["secrets/id_ed25519.pub", "secrets/tls.crt", "secrets/config.json", "src/stripe", "docs/secrets.md", "infra/k8s/signing-secret.yaml", "config/client_secrets.json", "lib/secrets.ts", ".secrets.baseline", "notes.txt"]) {
    assert.equal(secretsFileKind(quiet), null, quiet);
  }
});

test("secrets files: a file holding one random value under secrets/ or credentials/ is a secret, named by the service or not", () => {
  assert.deepEqual(lines("secrets/acme", `${KEY}\n`), ["1 acme"]);
  assert.deepEqual(lines("run/credentials/mailer.txt", `${HEX}\n`), ["1 mailer"]);
  assert.deepEqual(lines("db_password.txt", `${KEY}`), ["1 db_password"]);
  // Not one random value: a user name, a note, a placeholder, a reference, a public key.
  for (const [file, text] of [
    ["secrets/db_user", "orders_service\n"],
    ["secrets/README", `Put the key here: ${KEY}\n`],
    ["secrets/api_token", "changeme\n"],
    ["secrets/api_token", "${API_TOKEN}\n"],
    ["secrets/host", "db.internal.example:5432\n"],
    ["secrets/acme", `${KEY}\n${KEY}x\n`],
  ]) assert.deepEqual(lines(file!, text!), [], file);
});

test("secrets files: in a file of settings kept for secrets, a random value is a secret whatever its name; ids, users, hosts and digests are not", () => {
  const yaml = [
    'wifi_ssid: "Heimnetz"',
    `api_key_kueche: "${B64}"`,
    "[api_keys]",
    `spoolman: ${HEX}`,
    "username: moonraker",
    `device_id: ${HEX}`,
    `config_sha256: ${HEX}${HEX}`,
    "broker: mqtt.local:1883",
  ].join("\n");
  assert.deepEqual(lines("esphome/secrets.yaml", yaml), ["2 api_key_kueche", "4 spoolman"]);
  // A Kubernetes Secret manifest named secrets.yaml (Helm charts' templates/secrets.yaml): base64 data is decoded elsewhere.
  assert.deepEqual(lines("chart/templates/secrets.yaml", `apiVersion: v1\nkind: Secret\ndata:\n  endpoint: ${B64}\n`), []);
  // The same lines outside a secrets file keep the name-based verdict: nothing.
  assert.deepEqual(lines("esphome/living-room.yaml", yaml), []);
});

test("secrets files: randomValue wants base62/64 with three classes, or 32+ hex", () => {
  assert.equal(randomValue(KEY), true);
  assert.equal(randomValue(HEX), true);
  assert.equal(randomValue("abcdefabcdefabcd"), false);
  assert.equal(randomValue("Sommerwiese2024!"), false, "a word and a year is not random enough on its own");
  assert.equal(randomValue("a short one"), false);
  assert.equal(randomValue("orders_service_account"), false);
});
