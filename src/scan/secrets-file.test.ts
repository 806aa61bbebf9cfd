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
  // A pre-shared key file says so by its extension (Zabbix TLSPSKFile), whatever its stem; a hex PSK is 32+ digits.
  assert.equal(lines("etc/zabbix/zabbix_agentd.psk", `${HEX}${HEX}\n`).length, 1);
  assert.deepEqual(lines("etc/zabbix/zabbix_agentd.psk", "PSK web-03\n"), []);
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

test("secrets files: a random 16/24/32-byte key written as a byte array is a secret there; published vectors are not", () => {
  const bytes = ["0x3a, 0x91, 0x0c, 0x7e, 0xd2, 0x55, 0x18, 0xef", "0x60, 0xb4, 0x2f, 0x99, 0xc1, 0x07, 0x8d, 0x4e"].join(", ");
  const vector = ["0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6", "0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c"].join(", ");
  const header = `#pragma once\nstatic const uint8_t AES_KEY[16] = { ${bytes} };\nconst uint8_t TEST_KEY[] PROGMEM = {${vector}};\nstatic const uint8_t IV_PUBLIC[16] = { ${bytes} };\n`;
  assert.deepEqual(lines("firmware/src/secrets.h", header), ["2 AES_KEY"]);
  assert.deepEqual(lines("firmware/src/aes_test_vectors.h", header), [], "outside a secrets file a byte array stays a test vector's shape");
  assert.deepEqual(lines("secrets.yaml", `zigbee_key: [${bytes.replace(/0x([0-9a-f]{2})/g, (_, h: string) => String(Number.parseInt(h, 16)))}]\n`), ["1 zigbee_key"]);
});
