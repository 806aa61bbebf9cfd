import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";
import { inlinedIntoClient } from "./build-inlined.js";

const TOKEN = ["Zx8Qp2Lm", "9Rt4Vb7N", "c1KdWq3E"].join("");

test("a secret in a build config block that the bundler inlines is browser-exposed", () => {
  for (const [file, text] of [
    ["next.config.js", `module.exports = {\n  env: {\n    ANALYTICS_SECRET: "${TOKEN}",\n  },\n};\n`],
    ["apps/web/vite.config.ts", `export default defineConfig({\n  define: { __API_TOKEN__: JSON.stringify("${TOKEN}") },\n});\n`],
    ["app.json", `{\n  "expo": {\n    "extra": {\n      "eas": { "projectId": "x" },\n      "weatherApiSecret": "${TOKEN}"\n    }\n  }\n}\n`],
    ["nuxt.config.ts", `export default defineNuxtConfig({\n  runtimeConfig: {\n    public: { cmsToken: "${TOKEN}" },\n  },\n});\n`],
    ["webpack.prod.config.js", `plugins: [new webpack.DefinePlugin({ "process.env.API_SECRET": JSON.stringify("${TOKEN}") })]\n`],
  ] as const) {
    const findings = scanText({ text, file }).findings;
    assert.equal(findings.length, 1, file);
    assert.equal(findings[0]!.kind, "browser-exposed", file);
  }
});

test("the same secret elsewhere in those files, or in other files, keeps its kind", () => {
  for (const [file, text] of [
    ["next.config.js", `module.exports = {\n  serverRuntimeConfig: { apiSecret: "${TOKEN}" },\n  env: { APP_VERSION: "1" },\n};\n`],
    ["nuxt.config.ts", `export default defineNuxtConfig({\n  runtimeConfig: {\n    apiSecret: "${TOKEN}",\n    public: { apiBase: "/api" },\n  },\n});\n`],
    ["src/config.js", `module.exports = {\n  env: {\n    ANALYTICS_SECRET: "${TOKEN}",\n  },\n};\n`],
  ] as const) {
    const findings = scanText({ text, file }).findings;
    assert.equal(findings.length, 1, file);
    assert.notEqual(findings[0]!.kind, "browser-exposed", file);
  }
  assert.equal(inlinedIntoClient("vite.config.ts", `server: { proxy: { "/api": "x" } }`, 28), null);
});
