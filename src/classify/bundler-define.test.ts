import { test } from "node:test";
import assert from "node:assert/strict";
import { addInlinedNames, type InlinedName } from "./bundler-define.js";

/** The names found over these files' texts, read in this order. */
function bundlerInlinedNames(texts: Record<string, string>, order: string[]): Map<string, InlinedName> {
  const out = new Map<string, InlinedName>();
  for (const file of order) addInlinedNames(out, file, texts[file]!);
  return out;
}

test("names a bundler's define replaces: \"process.env.X\" keys of DefinePlugin/esbuild define, JSON.stringify(process.env.X) given to another name", () => {
  const texts = {
    "webpack.config.js": `const webpack = require("webpack");\nmodule.exports = { plugins: [new webpack.DefinePlugin({\n  "process.env.SEARCH_KEY": JSON.stringify(process.env.SEARCH_KEY),\n  'process.env.ADMIN_KEY': JSON.stringify(process.env.ADMIN_KEY),\n})] };\n`,
    "vite.config.ts": `export default { define: { __SEGMENT__: JSON.stringify(process.env["SEGMENT_KEY"]) } };\n`,
    // Not a bundler configuration: JSON.stringify of an env value in a log or a request.
    "src/server.js": `console.log(JSON.stringify(process.env.DB_PASSWORD));\nconst body = { "process.env.NOT_DEFINED": 1 };\n`,
  };
  const found = bundlerInlinedNames(texts, ["src/server.js", "vite.config.ts", "webpack.config.js"]);
  assert.deepEqual([...found.values()].map((n) => `${n.name}@${n.file}:${n.line}`).sort(), ["ADMIN_KEY@webpack.config.js:4", "SEARCH_KEY@webpack.config.js:3", "SEGMENT_KEY@vite.config.ts:1"]);
});

test("a string's .replace() is not Rollup's replace plugin: a server file that stringifies an env value is no bundler configuration", () => {
  const texts = {
    "src/api.js": `const base = (process.env.API_URL ?? "").replace(/\\/$/, "");\nmodule.exports = { base, auth: JSON.stringify(process.env.API_TOKEN) };\n`,
    "rollup.config.js": `import replace from "@rollup/plugin-replace";\nexport default { plugins: [replace({ __KEY__: JSON.stringify(process.env.MAPS_KEY) })] };\n`,
  };
  const found = bundlerInlinedNames(texts, ["src/api.js", "rollup.config.js"]);
  assert.deepEqual([...found.keys()], ["MAPS_KEY"]);
});

test("define keys computed from a list of names (`process.env.${name}`), and whether the bundle runs in Node (esbuild platform node, webpack target node)", () => {
  const texts = {
    "build.mjs": 'const INLINED = ["STRIPE_SECRET_KEY", "LEDGER_URL"];\nawait build({\n  platform: "node",\n  define: Object.fromEntries(INLINED.map((n) => [`process.env.${n}`, JSON.stringify(process.env[n] ?? "")])),\n});\n',
    "webpack.server.js": 'module.exports = { target: "node18", plugins: [new DefinePlugin({ "process.env.JWT_SECRET": JSON.stringify(process.env.JWT_SECRET) })] };\n',
    "webpack.client.js": 'const keys = ["MAPS_KEY"];\nmodule.exports = { target: "web", plugins: [new DefinePlugin(Object.fromEntries(keys.map((k) => [`process.env.${k}`, JSON.stringify(process.env[k])])))] };\n',
  };
  const found = bundlerInlinedNames(texts, ["build.mjs", "webpack.server.js", "webpack.client.js"]);
  assert.deepEqual([...found.values()].map((n) => `${n.name}@${n.file}:${n.line}${n.server ? " server" : ""}`).sort(), ["JWT_SECRET@webpack.server.js:1 server", "LEDGER_URL@build.mjs:4 server", "MAPS_KEY@webpack.client.js:2", "STRIPE_SECRET_KEY@build.mjs:4 server"]);
});
