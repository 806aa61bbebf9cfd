import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";

// Built at run time so that scanning this repository does not report the test.
const KEY = ["AI", "za", "Sy", "Qx7Kp2Lm9Rt4Vw8Zb3Nc6Hd1Fj5Gk0Ps2"].join("");

test("a Google API key in a Firebase web config or google-services.json is public", () => {
  const web = `const firebaseConfig = {\n  apiKey: "${KEY}",\n  authDomain: "acme-shop.firebaseapp.com",\n  projectId: "acme-shop",\n};\n`;
  assert.equal(scanText({ text: web, file: "src/firebase.js" }).findings.length, 0);
  const android = `{\n  "client": [{\n    "client_info": { "mobilesdk_app_id": "1:48213957120:android:1a2b3c4d5e6f" },\n    "api_key": [{ "current_key": "${KEY}" }]\n  }]\n}\n`;
  assert.equal(scanText({ text: android, file: "app/google-services.json" }).findings.length, 0);
});

test("the same key elsewhere is still reported", () => {
  for (const [file, text] of [
    ["server/.env", `GOOGLE_MAPS_API_KEY=${KEY}\n`],
    ["server/geo.ts", `export const client = new Client({ key: "${KEY}", projectId: "acme" });\n`],
  ] as const) {
    const ids = scanText({ text, file }).findings.map((f) => f.ruleId);
    assert.ok(ids.length > 0, `${file} should report the key`);
  }
});
