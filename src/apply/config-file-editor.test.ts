import { test } from "node:test";
import assert from "node:assert/strict";
import { addEnvMappings, editConfigText, valueAt } from "./config-file-editor.js";

const CANARY = "CANARYeditorPw7Qx2Lw9";

test("removing values and substituting ${NAME}: only those change, byte for byte elsewhere (BOM, CRLF, key order)", () => {
  const text = `\ufeff{\r\n  "db": { "user": "u", "password": "${CANARY}" },\r\n  "key": "${CANARY}",\r\n  "port": 1\r\n}\r\n`;
  const out = editConfigText(text, "config.json", [
    { keyPath: ["db", "password"], how: "remove", envName: "db__password" },
    { keyPath: ["key"], how: "substitute", envName: "APP_KEY" },
  ]);
  assert.equal(out, '\ufeff{\r\n  "db": { "user": "u" },\r\n  "key": "${APP_KEY}",\r\n  "port": 1\r\n}\r\n');
  assert.ok(!out.includes(CANARY));
});

test("a member that is not there (the file changed since the plan) is refused without the value in the message", () => {
  assert.throws(
    () => editConfigText(`{ "db": { "pw": "${CANARY}" } }`, "config.json", [{ keyPath: ["db", "password"], how: "remove", envName: "x" }]),
    (e: Error) => /config\.json has no member db\.password/.test(e.message) && !e.message.includes(CANARY),
  );
});

test("valueAt reads a nested string, undefined for a missing path or broken JSON", () => {
  assert.equal(valueAt('{"a":{"b":"c"}}', ["a", "b"]), "c");
  assert.equal(valueAt('{"a":{"b":"c"}}', ["a", "x"]), undefined);
  assert.equal(valueAt("{not json", ["a"]), undefined);
});

test("node-config mappings: added below the deepest existing object in the file's indentation, existing ones kept; a new file in the config's unit", () => {
  const existing = '{\n    "port": "PORT",\n    "db": {\n        "user": "DB_USER"\n    }\n}\n';
  assert.equal(
    addEnvMappings(existing, [
      { keyPath: ["db", "password"], envName: "DB_PASSWORD" },
      { keyPath: ["stripe", "secretKey"], envName: "STRIPE_SECRET_KEY" },
    ]),
    '{\n    "port": "PORT",\n    "db": {\n        "user": "DB_USER",\n        "password": "DB_PASSWORD"\n    },\n    "stripe": {\n        "secretKey": "STRIPE_SECRET_KEY"\n    }\n}\n',
  );
  assert.equal(addEnvMappings(null, [{ keyPath: ["a", "b"], envName: "A_B" }], "\t"), '{\n\t"a": {\n\t\t"b": "A_B"\n\t}\n}\n');
});
