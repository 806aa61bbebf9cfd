import { test } from "node:test";
import assert from "node:assert/strict";
import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";

// Arduino keeps constant strings in flash with `F("…")` (a __FlashStringHelper) and `PSTR("…")`: the literal inside is
// the value the name holds (generic-detector.ts WRAPPED_LITERAL). `String("…")` is not read: Go API clients' pointer
// helpers (`Token: String("…")`) fill their tests with it.
test("Arduino's F() and PSTR() wrappers hold the literal: a password in them is found, a reference is not", () => {
  const secret = "Tq4" + "vN8mXw2pLz7R";
  const info = fileInfo("src/wifi_creds.cpp");
  const found = (text: string) => detectGeneric(text, info).map((h) => h.secret);
  assert.deepEqual(found(`const __FlashStringHelper *otaPass = F("${secret}");\n`), [secret]);
  assert.deepEqual(found(`const char *mqttPassword = PSTR("${secret}");\n`), [secret]);
  assert.deepEqual(found(`opt := &Options{\n\tToken: String("${secret}"),\n}\n`), []);
  assert.deepEqual(found(`String apiKey = String(API_KEY);\nconst char *otaPass = F("YourPassword");\n`), []);
  assert.deepEqual(found(`String label = F("${secret}");\n`), [], "a name that holds no secret");
});
