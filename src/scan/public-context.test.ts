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

test("a Google API key in the Maps JavaScript/Embed loader URL or the google-services Android resource is public", () => {
  for (const [file, text] of [
    ["public/index.html", `<script src="https://maps.googleapis.com/maps/api/js?key=${KEY}&callback=initMap" async></script>\n`],
    ["public/index.html", `<script src="https://maps.googleapis.com/maps/api/js?libraries=places&amp;key=${KEY}"></script>\n`],
    ["contact.html", `<iframe src="https://www.google.com/maps/embed/v1/place?key=${KEY}&q=Berlin"></iframe>\n`],
    ["app/src/main/res/values/strings.xml", `<resources>\n  <string name="google_api_key" translatable="false">${KEY}</string>\n</resources>\n`],
  ] as const) {
    assert.equal(scanText({ text, file }).findings.length, 0, `${file}: ${text.trim()}`);
  }
});

test("the key in a server-side Maps web-service call or another Android resource is still reported", () => {
  for (const [file, text] of [
    ["geo.py", `requests.get(f"https://maps.googleapis.com/maps/api/geocode/json?address={a}&key=${KEY}")\n`],
    ["app/src/main/res/values/secrets.xml", `<resources>\n  <string name="gemini_api_key">${KEY}</string>\n</resources>\n`],
  ] as const) {
    assert.ok(scanText({ text, file }).findings.length > 0, `${file}: ${text.trim()}`);
  }
});

test("a Google Maps key in a mobile app's own configuration (Expo app.json, AndroidManifest) is public", () => {
  for (const [file, text] of [
    ["app.json", `{ "expo": { "ios": { "config": { "googleMapsApiKey": "${KEY}" } } } }\n`],
    ["app.json", `{ "expo": { "android": { "config": { "googleMaps": { "apiKey": "${KEY}" } } } } }\n`],
    ["app/src/main/AndroidManifest.xml", `<meta-data android:name="com.google.android.geo.API_KEY" android:value="${KEY}"/>\n`],
  ] as const) {
    assert.equal(scanText({ text, file }).findings.length, 0, `${file}: ${text.trim()}`);
  }
  // The same key under another name of the same file is still reported.
  assert.ok(scanText({ text: `{ "expo": { "extra": { "geminiApiKey": "${KEY}" } } }\n`, file: "app.json" }).findings.length > 0);
});

test("a Google API key in FlutterFire's firebase_options.dart is public; under a mere Firebase name or in server code it is not", () => {
  const flutter = `static const FirebaseOptions android = FirebaseOptions(\n  apiKey: '${KEY}',\n  appId: '1:48213957120:android:1a2b3c4d5e6f',\n  projectId: 'acme-shop',\n);\n`;
  assert.equal(scanText({ text: flutter, file: "lib/firebase_options.dart" }).findings.length, 0);
  assert.equal(scanText({ text: `FIREBASE_API_KEY=${KEY}\n`, file: ".env" }).findings.length, 1);
  assert.equal(scanText({ text: `GOOGLE_MAPS_API_KEY = "${KEY}"\n`, file: "geo/client.py" }).findings.length, 1);
});
