import { test, after } from "node:test";
import assert from "node:assert/strict";
import { bundlerInlinedNames } from "./bundler-define.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("bundler-define");
after(() => tmp.remove());

test("names a bundler's define replaces: \"process.env.X\" keys of DefinePlugin/esbuild define, JSON.stringify(process.env.X) given to another name", () => {
  const root = writeTree(tmp.dir, {
    "webpack.config.js": `const webpack = require("webpack");\nmodule.exports = { plugins: [new webpack.DefinePlugin({\n  "process.env.SEARCH_KEY": JSON.stringify(process.env.SEARCH_KEY),\n  'process.env.ADMIN_KEY': JSON.stringify(process.env.ADMIN_KEY),\n})] };\n`,
    "vite.config.ts": `export default { define: { __SEGMENT__: JSON.stringify(process.env["SEGMENT_KEY"]) } };\n`,
    // Not a bundler configuration: JSON.stringify of an env value in a log or a request.
    "src/server.js": `console.log(JSON.stringify(process.env.DB_PASSWORD));\nconst body = { "process.env.NOT_DEFINED": 1 };\n`,
  });
  const found = bundlerInlinedNames(root, ["src/server.js", "vite.config.ts", "webpack.config.js"]);
  assert.deepEqual([...found.values()].map((n) => `${n.name}@${n.file}:${n.line}`).sort(), ["ADMIN_KEY@webpack.config.js:4", "SEARCH_KEY@webpack.config.js:3", "SEGMENT_KEY@vite.config.ts:1"]);
});

test("a string's .replace() is not Rollup's replace plugin: a server file that stringifies an env value is no bundler configuration", () => {
  const root = writeTree(tmp.dir, {
    "src/api.js": `const base = (process.env.API_URL ?? "").replace(/\\/$/, "");\nmodule.exports = { base, auth: JSON.stringify(process.env.API_TOKEN) };\n`,
    "rollup.config.js": `import replace from "@rollup/plugin-replace";\nexport default { plugins: [replace({ __KEY__: JSON.stringify(process.env.MAPS_KEY) })] };\n`,
  });
  const found = bundlerInlinedNames(root, ["src/api.js", "rollup.config.js"]);
  assert.deepEqual([...found.keys()], ["MAPS_KEY"]);
});
