import { test } from "node:test";
import assert from "node:assert/strict";
import { detectGeneric } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";

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
