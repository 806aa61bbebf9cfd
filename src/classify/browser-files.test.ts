import { test } from "node:test";
import assert from "node:assert/strict";
import { browserFacts, browserReached, htmlEntries } from "./browser-files.js";

const reached = (files: Record<string, string>, html: Record<string, string> = {}) =>
  browserReached(new Map(Object.entries(files).map(([f, t]) => [f, browserFacts(f, t)])), Object.entries(html).flatMap(([f, t]) => htmlEntries(f, t)));

test("browser roots: a client module, DOM use, a browser folder without Node imports; not a typeof window test nor a server file", () => {
  const r = reached({
    "app/widget.tsx": `"use client";\nexport const W = () => process.env.API_KEY;\n`,
    "lib/dom.js": "export const go = () => document.querySelector('#x');\n",
    "client/search.js": "export const k = process.env.ALGOLIA_ADMIN_KEY;\n",
    "client/api.js": "const https = require('https');\nmodule.exports = process.env.STRIPE_KEY;\n",
    "lib/iso.js": "export const server = typeof window === 'undefined';\n",
    "scripts/run-bundle.js": "const vm = require('vm');\nconst window = {};\nvm.runInNewContext(code, { window });\nconsole.log(window.search);\n",
    "scripts/fake-dom.js": "const fs = require('node:fs');\nglobalThis.document = {};\ndocument.title = fs.readFileSync('t', 'utf8');\n",
    "server.js": "const fs = require('node:fs');\nmodule.exports = process.env.DB_PASSWORD;\n",
  });
  assert.deepEqual([...r.keys()].sort(), ["app/widget.tsx", "client/search.js", "lib/dom.js"]);
  assert.match(r.get("app/widget.tsx")!, /use client/);
  assert.match(r.get("lib/dom.js")!, /DOM/);
});

test("entries: an HTML page's script, a webpack entry (not a target: node build), and what they import, to the end", () => {
  const files = {
    "src/main.ts": "import { key } from './config';\nimport('./lazy.js');\n",
    "src/config.ts": "export const key = import.meta.env.VITE_KEY;\nexport * from '../shared/util.js';\n",
    "src/lazy.js": "export default 1;\n",
    "shared/util.ts": "export const u = process.env.SHARED_TOKEN;\n",
    "web/entry.js": "require('./part');\n",
    "web/part.js": "module.exports = process.env.PART_SECRET;\n",
    "webpack.config.js": "module.exports = { entry: { app: './web/entry.js' }, output: {} };\n",
    "tools/node-build.js": "",
    "server.js": "module.exports = process.env.DB_PASSWORD;\n",
  };
  const r = reached(files, { "index.html": `<html><script type="module" src="/src/main.ts"></script><script src="https://cdn.example/x.js"></script></html>` });
  assert.deepEqual([...r.keys()].sort(), ["shared/util.ts", "src/config.ts", "src/lazy.js", "src/main.ts", "web/entry.js", "web/part.js"]);
  assert.match(r.get("shared/util.ts")!, /^imported by src\/config\.ts, which browser code imports \(src\/main\.ts: an HTML page loads it\)$/);
  const node = reached({ ...files, "webpack.config.js": "module.exports = { target: 'node', entry: './web/entry.js' };\n" });
  assert.ok(!node.has("web/entry.js"), "a target: node build is no browser bundle");
});

test("reads: by name, by string key, destructured", () => {
  const f = browserFacts("a.js", "const { A_KEY, B: b } = process.env;\nconst c = process.env['C_TOKEN'];\nconst d = import.meta.env.D_SECRET;\n");
  assert.deepEqual([...f.reads], [["C_TOKEN", 2], ["D_SECRET", 3], ["A_KEY", 1], ["B", 1]]);
});
