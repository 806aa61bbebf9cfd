import { test, after } from "node:test";
import assert from "node:assert/strict";
import { aliasedIn, processModuleAliases } from "./module-alias.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("module-alias");
after(() => tmp.remove());

test("tsconfig paths: an exact process entry maps it; \"*\" maps it only when a file of that name exists under the target", () => {
  const exact = writeTree(tmp.dir, { "tsconfig.json": '{\n  // comments are allowed\n  "compilerOptions": { "baseUrl": ".", "paths": { "process": ["./src/process.ts"], "@app/*": ["src/*"], } }\n}\n' });
  assert.deepEqual(processModuleAliases(exact, []), { process: "tsconfig.json compilerOptions.paths" });
  const star = writeTree(tmp.dir, { "jsconfig.json": '{"compilerOptions": {"baseUrl": "src", "paths": {"*": ["lib/*"]}}}\n', "src/lib/process.js": "module.exports = {};\n" });
  assert.deepEqual(processModuleAliases(star, []), { process: 'jsconfig.json compilerOptions.paths "*"' });
  const starNoFile = writeTree(tmp.dir, { "tsconfig.json": '{"compilerOptions": {"paths": {"*": ["lib/*"]}}}\n', "lib/other.ts": "" });
  assert.deepEqual(processModuleAliases(starNoFile, []), {});
});

test("bundler and Babel aliases: webpack resolve.alias, Vite's object and array forms, module-resolver in .babelrc; ProvidePlugin's process is not an alias", () => {
  assert.deepEqual(aliasedIn(`module.exports = { resolve: { alias: { process: "process/browser", "@": "./src" } } };`), ["process"]);
  assert.deepEqual(aliasedIn(`export default defineConfig({ resolve: { alias: [{ find: "node:process", replacement: "./shim.js" }] } });`), ["node:process"]);
  assert.deepEqual(aliasedIn(`{ "plugins": [["module-resolver", { "alias": { "'process'": "x", "process": "./src/process" } }]] }`), ["process"]);
  assert.deepEqual(aliasedIn(`new webpack.ProvidePlugin({ process: "process/browser" }); const alias = { react: "preact/compat" };`), []);
  const root = writeTree(tmp.dir, { "vite.config.ts": `export default { resolve: { alias: { 'node:process': "./src/proc.ts" } } };\n`, ".babelrc": `{"plugins": [["module-resolver", {"alias": {"process": "./p"}}]]}\n` });
  assert.deepEqual(processModuleAliases(root, ["vite.config.ts", "src/index.ts"]), { "node:process": "vite.config.ts (alias)", process: ".babelrc (alias)" });
});
