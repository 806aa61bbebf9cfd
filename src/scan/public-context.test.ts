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

// The four mobile file kinds where a Maps SDK key is committed, each with the key under a Maps name, a
// Firebase name and another (Gemini) name: the verdict follows the name, the same in every file.
const MOBILE_FILES: Array<[string, (name: string) => string]> = [
  ["app/src/main/AndroidManifest.xml", (name) => `<application>\n  <meta-data android:name="${name}" android:value="${KEY}"/>\n</application>\n`],
  ["app/src/main/res/values/strings.xml", (name) => `<resources>\n  <string name="${name}" translatable="false">${KEY}</string>\n</resources>\n`],
  ["ios/App/Info.plist", (name) => `<dict>\n\t<key>${name}</key>\n\t<string>${KEY}</string>\n</dict>\n`],
  ["app.json", (name) => `{\n  "expo": {\n    "extra": {\n      "${name}": "${KEY}"\n    }\n  }\n}\n`],
];

test("a Google Maps key in a mobile app's files is reported at medium severity with what to do, in all four file kinds", () => {
  for (const [file, make] of MOBILE_FILES) {
    for (const name of ["com.google.android.geo.API_KEY", "google_maps_key", "GMSApiKey", "googleMapsApiKey"]) {
      const findings = scanText({ text: make(name), file }).findings;
      assert.equal(findings.length, 1, `${file} ${name}`);
      assert.equal(findings[0]!.severity, "medium", `${file} ${name}`);
      assert.match(findings[0]!.reason, /restrict it to the app/, `${file} ${name}`);
    }
  }
  // Expo's own Maps settings, nested as Expo documents them.
  for (const text of [
    `{ "expo": { "ios": { "config": { "googleMapsApiKey": "${KEY}" } } } }\n`,
    `{\n  "android": {\n    "config": {\n      "googleMaps": {\n        "apiKey": "${KEY}"\n      }\n    }\n  }\n}\n`,
  ]) {
    const findings = scanText({ text, file: "app.json" }).findings;
    assert.deepEqual(findings.map((f) => f.severity), ["medium"], text);
  }
});

test("a Google API key under a Firebase name in a mobile app's files is public, in all four file kinds", () => {
  for (const [file, make] of MOBILE_FILES) {
    for (const name of ["firebaseApiKey", "firebase_web_api_key"]) {
      assert.deepEqual(scanText({ text: make(name), file }).findings, [], `${file} ${name}`);
    }
  }
  assert.deepEqual(scanText({ text: `class Keys {\n  static const String firebaseWebApiKey = '${KEY}';\n}\n`, file: "lib/config/keys.dart" }).findings, []);
  // A Firebase (legacy FCM) server key is no app configuration: it is still reported.
  assert.equal(scanText({ text: `buildConfigField "String", "FIREBASE_SERVER_KEY", '"${KEY}"'\n`, file: "app/build.gradle" }).findings.length, 1);
  assert.equal(scanText({ text: `FIREBASE_SERVER_KEY=${KEY}\n`, file: "local.properties" }).findings.length, 1);
});

test("a Google API key under another name in a mobile app's files keeps its high severity (Gemini keys are AIza keys too)", () => {
  for (const [file, make] of MOBILE_FILES) {
    for (const name of ["gemini_api_key", "GEMINI_API_KEY"]) {
      const findings = scanText({ text: make(name), file }).findings;
      assert.deepEqual(findings.map((f) => f.severity), ["high"], `${file} ${name}`);
    }
  }
  // A Firebase key one line above does not lend its name to the next key.
  const two = `{\n  "extra": {\n    "firebaseApiKey": "${KEY}",\n    "geminiApiKey": "${KEY.slice(0, -1)}Q"\n  }\n}\n`;
  assert.equal(scanText({ text: two, file: "app.json" }).findings.length, 1);
  // Maps and Firebase names outside a mobile app's files keep the key's own verdict.
  assert.deepEqual(scanText({ text: `GOOGLE_MAPS_API_KEY=${KEY}\n`, file: "server/.env" }).findings.map((f) => f.severity), ["high"]);
  assert.equal(scanText({ text: `FIREBASE_API_KEY=${KEY}\n`, file: "server/.env" }).findings.length, 1);
});

test("a Google API key in FlutterFire's firebase_options.dart is public; under a mere Firebase name or in server code it is not", () => {
  const flutter = `static const FirebaseOptions android = FirebaseOptions(\n  apiKey: '${KEY}',\n  appId: '1:48213957120:android:1a2b3c4d5e6f',\n  projectId: 'acme-shop',\n);\n`;
  assert.equal(scanText({ text: flutter, file: "lib/firebase_options.dart" }).findings.length, 0);
  assert.equal(scanText({ text: `FIREBASE_API_KEY=${KEY}\n`, file: ".env" }).findings.length, 1);
  assert.equal(scanText({ text: `GOOGLE_MAPS_API_KEY = "${KEY}"\n`, file: "geo/client.py" }).findings.length, 1);
});

test("committed client bundles: a Firebase config key is public by the few characters before it; a Supabase anon key by its name", () => {
  // Minified: one line holds the Firebase SDK (the word "firebase" is everywhere), so only the key's own label counts.
  assert.equal(scanText({ text: `(function(){var e={firebase:{apiKey:"${KEY}",projectId:"shop"}};window.C=e})();\n`, file: "mobile-app/www/build/main.js" }).findings.length, 0);
  assert.equal(scanText({ text: `var c=firebaseConfig={apiKey:"${KEY}"};\n`, file: "web/dist/assets/index-1a2b.js" }).findings.length, 0);
  const other = `import"firebase";var e={gemini:{apiKey:"${KEY}"}};\n`;
  assert.equal(scanText({ text: other, file: "web/dist/assets/index-1a2b.js" }).findings.length, 1, "another key in a bundle that loads Firebase");
  assert.equal(scanText({ text: `var e={firebase:{apiKey:"${KEY}"}};\n`, file: "server/src/main.js" }).findings.length, 1, "outside a bundle, a name alone does not make the key public");
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");
  const payload = Buffer.from('{"iss":"supabase","ref":"abcdefghijklmnopqrst","iat":1700000000,"exp":2000000000}').toString("base64url");
  const jwt = `${header}.${payload}.${"Qx7Kp2Lm9Rt4Vw8Zb3Nc6Hd1Fj5Gk0Ps2aB4cD6eF8"}`;
  for (const text of [`let r={NEXT_PUBLIC_SUPABASE_ANON_KEY:"${jwt}"};\n`, `const supabaseAnonKey = '${jwt}';\n`]) {
    assert.equal(scanText({ text, file: "admin/.next/static/chunks/app.js" }).findings.length, 0, text.slice(0, 30));
  }
  for (const text of [`const SUPABASE_SERVICE_ROLE_KEY = "${jwt}";\n`, `const token = "${jwt}";\n`]) {
    assert.equal(scanText({ text, file: "admin/.next/static/chunks/app.js" }).findings.length, 1, text.slice(0, 30));
  }
});

// A JWT-shaped token built at run time (header, a payload naming a subject, a random signature).
const b64u = (s: string) => Buffer.from(s).toString("base64url");
const JWT = [b64u('{"alg":"HS256","typ":"JWT"}'), b64u('{"sub":"c8d1e2f3","iat":1738138120}'), ["Nx8a", "Zq4LRh", "zsk70-QLet", "Zsk87Bm5o6C", "Cqbhz1gfi3c"].join("")].join(".");

test("a provider-format token under a vendor's published-by-design name (storefront token, Cesium's Ion.defaultAccessToken) is public", () => {
  for (const [file, text] of [
    ["shop/.env", `BIGCOMMERCE_STOREFRONT_TOKEN=${JWT}\n`],
    ["web/src/viewer.js", `Cesium.Ion.defaultAccessToken = "${JWT}";\n`],
    ["web/src/viewer.ts", `Ion.defaultAccessToken = '${JWT}'\n`],
  ] as const) {
    assert.equal(scanText({ text, file }).findings.length, 0, `${file}: ${text.trim()}`);
  }
});

test("the same token under a private, server or upload name is still reported", () => {
  for (const [file, text] of [
    ["shop/.env", `PRIVATE_STOREFRONT_API_TOKEN=${JWT}\n`],
    ["scripts/upload.sh", `ION_TOKEN=${JWT}\n`],
    ["web/src/viewer.js", `const accessToken = "${JWT}";\n`],
  ] as const) {
    assert.ok(scanText({ text, file }).findings.length > 0, `${file}: ${text.trim()}`);
  }
});

test("a Google API key in a Static Maps or Street View image URL is public (the URL signature protects it); a MapTiler key in a style URL too", () => {
  assert.equal(scanText({ file: "README.md", text: `![map](https://maps.googleapis.com/maps/api/staticmap?center=52.5,13.4&zoom=12&size=600x400&key=${KEY}&signature=ULchnUWPMQvNRMYZHUr7gvNaQmY=)\n` }).findings.length, 0);
  assert.equal(scanText({ file: "index.html", text: `<img src="https://maps.googleapis.com/maps/api/streetview?size=400x400&location=47.5,-122.3&key=${KEY}">\n` }).findings.length, 0);
  const maptiler = ["w3e3sr4d", "VAQb43MP", "oafT"].join("");
  assert.equal(scanText({ file: "style.json", text: `{\n  "sources": {\n    "maptiler": { "type": "vector", "url": "https://api.maptiler.com/tiles/v3/tiles.json?key=${maptiler}" }\n  }\n}\n` }).findings.length, 0);
  assert.equal(scanText({ file: "web/.env", text: `MAPTILER_KEY=${maptiler}\n` }).findings.length, 0);
  // Traps: a server-side web-service call (geocoding) and another vendor's key in a URL stay reported.
  assert.ok(scanText({ file: "geo.py", text: `requests.get(f"https://maps.googleapis.com/maps/api/directions/json?origin={a}&key=${KEY}")\n` }).findings.length > 0);
  assert.ok(scanText({ file: "web/.env", text: `OPENWEATHER_KEY=${maptiler}x9\n` }).findings.length > 0);
});

// Random-looking stand-ins built at run time, in the shapes the vendors issue.
const CT_SECRET = ["m82wPo5l", "m2txOWQf", "fatHQOPF", "4XIKjxRv"].join("");
const SNIPCART_KEY = Buffer.from(["b9774dc8-341e-43ad-a580-42d218c1149d", "606264682636079202"].join("")).toString("base64");

test("a commercetools client whose scopes are only the SPA/mobile template's is public; one server scope makes it a secret", () => {
  const client = (scopes: string) => `export const ctp = {\n  projectKey: "fernhill",\n  credentials: {\n    clientId: "t9YGKVq7HsNzb2MtdS27p3MH",\n    clientSecret: "${CT_SECRET}",\n  },\n  scopes: [${scopes}],\n};\n`;
  assert.equal(scanText({ file: "web/src/ctp.ts", text: client(`"create_anonymous_token:fernhill", "view_published_products:fernhill", "manage_my_orders:fernhill"`) }).findings.length, 0);
  assert.equal(scanText({ file: "web/.env", text: `CTP_PROJECT_KEY=fernhill\nCTP_CLIENT_SECRET=${CT_SECRET}\nCTP_SCOPES=manage_my_profile:fernhill view_categories:fernhill\n` }).findings.length, 0);
  // Traps: a server client (manage_project, or one scope beyond the customer's own), and a secret with no scopes beside it.
  assert.equal(scanText({ file: "api/src/ctp.ts", text: client(`"manage_project:fernhill"`) }).findings.length, 1);
  assert.equal(scanText({ file: "api/src/ctp.ts", text: client(`"view_published_products:fernhill", "manage_orders:fernhill"`) }).findings.length, 1);
  assert.equal(scanText({ file: "api/.env", text: `CTP_PROJECT_KEY=fernhill\nCTP_CLIENT_SECRET=${CT_SECRET}\nCTP_SCOPES=manage_project:fernhill\n` }).findings.length, 1);
  assert.equal(scanText({ file: "api/.env", text: `CTP_CLIENT_SECRET=${CT_SECRET}\n` }).findings.length, 1);
});

test("Snipcart's public API key in its install snippet is public; the same value in another element's data-api-key is not", () => {
  assert.equal(scanText({ file: "index.html", text: `<body>\n  <div hidden id="snipcart" data-api-key="${SNIPCART_KEY}" data-config-modal-style="side"></div>\n</body>\n` }).findings.length, 0);
  assert.equal(scanText({ file: "layout.html", text: `<script src="https://cdn.snipcart.com/scripts/2.0/snipcart.js" data-api-key="${SNIPCART_KEY}" id="snipcart"></script>\n` }).findings.length, 0);
  assert.equal(scanText({ file: "index.html", text: `<div id="payments" data-api-key="${SNIPCART_KEY}"></div>\n` }).findings.length, 1);
  assert.equal(scanText({ file: "server/.env", text: `SNIPCART_SECRET_API_KEY=${SNIPCART_KEY}\n` }).findings.length, 1);
});

test("a key given to a browser-only SDK made for browser keys is public (Unleash frontend SDKs' clientKey, Typesense's InstantSearch adapter); an admin token or another SDK's key is not", () => {
  const token = "default:production." + ["4232aae5835a824e", "5460c16803008b76", "d1c2b055de1ff5e8", "79da35b4"].join("");
  const unleash = (key: string, from: string) => `import { FlagProvider } from "${from}";\n\nconst config = {\n  url: "https://flags.example.org/api/frontend",\n  clientKey: "${key}",\n  appName: "web",\n};\n`;
  assert.equal(scanText({ file: "web/src/flags.tsx", text: unleash(token, "@unleash/proxy-client-react") }).findings.length, 0);
  assert.equal(scanText({ file: "web/src/flags.ts", text: unleash(token, "unleash-proxy-client") }).findings.length, 0);
  const ts = ["y3omeB5CDMfMRk5f", "5UCtD24VmRctSQk1"].join("");
  assert.equal(scanText({ file: "web/search.js", text: `const adapter = new TypesenseInstantSearchAdapter({\n  server: {\n    apiKey: "${ts}", // search-only key\n    nodes: [{ host: "ts.example.org", port: 443, protocol: "https" }],\n  },\n});\n` }).findings.length, 0);
  // Traps: an admin token in the same place, the same token in a server SDK file, a Typesense key in a server client.
  assert.equal(scanText({ file: "web/src/flags.tsx", text: unleash("*:*." + token.slice(19), "@unleash/proxy-client-react") }).findings.length, 1);
  assert.equal(scanText({ file: "server/flags.ts", text: unleash(token, "unleash-client") }).findings.length, 1);
  assert.equal(scanText({ file: "server/index.js", text: `const client = new Typesense.Client({\n  nodes: [{ host: "ts.example.org", port: 443, protocol: "https" }],\n  apiKey: "${ts}",\n});\n` }).findings.length, 1);
});
