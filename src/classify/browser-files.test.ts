import { test } from "node:test";
import assert from "node:assert/strict";
import { browserFacts, browserReached, codeOutsideStrings, declaresUseClient, htmlEntries } from "./browser-files.js";

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

test("tsconfig paths: an aliased import (@/lib/x) of browser code is followed into the project; an unmapped package is not", () => {
  const files = {
    "src/components/Search.tsx": `"use client";\nimport { client } from "@/lib/search";\nimport React from "react";\n`,
    "src/lib/search.ts": "export const client = process.env.ALGOLIA_ADMIN_KEY;\n",
    "src/lib/db.ts": "export const pw = process.env.DB_PASSWORD;\n",
  };
  const facts = new Map(Object.entries(files).map(([f, t]) => [f, browserFacts(f, t)]));
  const aliases = { baseUrl: ".", entries: { "@/*": ["./src/*"], "react": ["./vendor/react"] } };
  const r = browserReached(facts, [], aliases);
  assert.deepEqual([...r.keys()].sort(), ["src/components/Search.tsx", "src/lib/search.ts"]);
  assert.match(r.get("src/lib/search.ts")!, /imported by src\/components\/Search\.tsx/);
  // Without the paths entry the alias means nothing to the plan.
  assert.deepEqual([...browserReached(facts, []).keys()], ["src/components/Search.tsx"]);
  // baseUrl with a bare key.
  const based = browserReached(facts, [], { baseUrl: "src", entries: { "@/*": ["*"] } });
  assert.ok(based.has("src/lib/search.ts"));
});

test("a module that declares itself server-only (import \"server-only\", *.server.ts, lib/server/) is never browser code, even imported by client code", () => {
  const r = reached({
    "app/page.tsx": `"use client";\nimport { token } from "./token.server";\nimport { db } from "../lib/server/db";\nimport { cfg } from "./config";\n`,
    "app/token.server.ts": "export const token = process.env.API_TOKEN;\n",
    "lib/server/db.ts": "export const db = process.env.DB_PASSWORD;\n",
    "app/config.ts": `import "server-only";\nexport const cfg = process.env.STRIPE_SECRET_KEY;\n`,
    "app/widget.server.js": "export const x = () => document.title;\n",
  });
  assert.deepEqual([...r.keys()], ["app/page.tsx"]);
});

test("isomorphic code (DOM use behind a typeof window test) is browser code: Remix and Next.js bundle such a module for the browser as well", () => {
  const r = reached({ "lib/storage.js": "export const get = (k) => (typeof window !== 'undefined' ? window.localStorage.getItem(k) : process.env.FALLBACK_TOKEN);\n" });
  assert.deepEqual([...r.keys()], ["lib/storage.js"]);
});

test("Deno code: Deno.env.get, Deno.serve or Deno.cron make a root, and what it imports is reached; Deno.env.get(\"X\") is a read of X; Bun.env (Bun runs Node code) and a mention of Deno in a string are not", () => {
  const r = reached({
    "deno/cron.js": `import { send } from "../src/mail.js";\nconst s = Deno.env.get("CRON_SECRET");\n`,
    "src/mail.js": `const k = typeof Deno !== "undefined" ? Deno.env.get("RESEND_KEY") : process.env.RESEND_KEY;\nexport const send = () => k;\n`,
    "server/main.ts": `Deno.serve((req) => new Response(process.env.X));\n`,
    "src/bun.js": `const env = globalThis.Bun?.env ?? process.env;\nexport const t = env.TURNSTILE_SECRET;\n`,
    "src/notes.js": `export const help = "run it with Deno or Node";\n`,
  });
  assert.deepEqual([...r.keys()].sort(), ["deno/cron.js", "server/main.ts", "src/mail.js"]);
  assert.match(r.get("deno/cron.js")!, /^code run by Deno/);
  assert.deepEqual([...browserFacts("deno/cron.js", `const s = Deno.env.get("CRON_SECRET");\nconst t = Deno?.env.get('API_KEY');\n`).reads], [["CRON_SECRET", 1], ["API_KEY", 2]]);
});

test("runtimes without Node: an Edge function (Vercel config, Next.js segment config, Netlify edge-functions) and an Electron preload; not a Node function nor a preload that runs with Node", () => {
  const r = reached({
    "api/limit.js": `export const config = { runtime: "edge" };\nexport default () => process.env.UPSTASH_TOKEN;\n`,
    "app/api/og/route.ts": `export const runtime = 'edge';\nexport async function GET() { return process.env.OG_SECRET; }\n`,
    "netlify/edge-functions/geo.ts": `export default () => Netlify.env.get("GEO_KEY");\n`,
    "api/node.js": `export const config = { runtime: "nodejs", maxDuration: 10 };\nexport default () => process.env.DB_PASSWORD;\n`,
    "main.js": `const w = new BrowserWindow({ webPreferences: { preload: path.join(__dirname, "preload.js"), contextIsolation: true } });\n`,
    "preload.js": `const { contextBridge } = require("electron");\ncontextBridge.exposeInMainWorld("k", process.env.BUGSNAG_KEY);\n`,
    "legacy/main.js": `new BrowserWindow({ webPreferences: { preload: "./legacy-preload.js", sandbox: false } });\n`,
    "legacy/legacy-preload.js": `module.exports = process.env.OLD_KEY;\n`,
  });
  assert.deepEqual([...r.keys()].sort(), ["api/limit.js", "app/api/og/route.ts", "netlify/edge-functions/geo.ts", "preload.js"]);
  assert.match(r.get("api/limit.js")!, /Edge function/);
  assert.match(r.get("preload.js")!, /^an Electron preload script \(webPreferences\.preload in main\.js\)/);
});

test("Next.js middleware (middleware.ts at the root or in src/, next/server or a matcher) runs on the Edge runtime unless its config says nodejs; an Express middleware.js is Node code", () => {
  const r = reached({
    "middleware.js": `import { NextResponse } from "next/server";\nexport const config = { matcher: ["/admin/:path*"] };\nexport async function middleware(req) { return process.env.ADMIN_PASSWORD ? NextResponse.next() : null; }\n`,
    "apps/web/src/middleware.ts": `export default function middleware(req: Request) { return process.env.GATE_TOKEN; }\nexport const config = { matcher: "/((?!_next).*)" };\n`,
    "apps/node/middleware.ts": `import { NextResponse } from "next/server";\nexport const config = { runtime: "nodejs", matcher: ["/x"] };\nexport function middleware() { return process.env.DB_PASSWORD; }\n`,
    "server/middleware.js": `export function middleware(req, res, next) { req.key = process.env.API_KEY; next(); }\n`,
    "src/middleware.js": `module.exports = (req, res, next) => { req.secret = process.env.SESSION_SECRET; next(); };\n`,
    "lib/middleware.ts": `import { createHmac } from "node:crypto";\nimport { NextResponse } from "next/server";\nexport function middleware() { return createHmac("sha256", process.env.X!); }\n`,
  });
  assert.deepEqual([...r.keys()].sort(), ["apps/web/src/middleware.ts", "middleware.js"]);
  assert.match(r.get("middleware.js")!, /^Next\.js middleware, an Edge function/);
});

test('"use client" in the directive prologue, after comments and other directives; a settings file of many comments is read in linear time', () => {
  assert.equal(declaresUseClient(`// header\n/* licence */\n"use client";\n`), true);
  assert.equal(declaresUseClient(`'use strict'; 'use client'\nexport {}`), true);
  assert.equal(declaresUseClient(`const a = 1;\n"use client";\n`), false);
  assert.equal(declaresUseClient(`/* "use client" */ export {}`), false);
  assert.equal(declaresUseClient(`/* unterminated`), false);
  // Node-RED's settings.js shape: a long run of block comments and no directive. The former
  // regular expression backtracked over every way to split the run and never returned.
  const settings = "/**\n * Copyright JS Foundation\n **/\n\n" + Array.from({ length: 60 }, (_, i) => `/** section ${i}\n *  - option\n */\n`).join("") + "module.exports = { uiPort: 1880 };\n";
  const started = Date.now();
  assert.equal(declaresUseClient(settings), false);
  assert.ok(!browserFacts("settings.js", settings).root);
  assert.ok(Date.now() - started < 1000);
});

test("DOM use only in a string or template literal a server renders (an HTML page) is not DOM use; in code it still is", () => {
  const server = "const cheerio = require(\"cheerio\");\nconst page = (data) => `<script>\n  window.preloadData = ${JSON.stringify(data)};\n</script>`;\n// document.title is set by the page\nmodule.exports = { page, key: process.env.SSL_KEY_PASSPHRASE };\n";
  assert.equal(browserFacts("server/model/status_page.js", server).root, null);
  const html = "const tpl = '<a onclick=\"window.open(1)\">';\nexport const k = process.env.API_KEY;\n";
  assert.equal(browserFacts("lib/tpl.js", html).root, null);
  const browser = "const label = `count: ${n}`;\ndocument.querySelector('#x').textContent = label;\n";
  assert.match(browserFacts("lib/dom.js", browser).root ?? "", /DOM/);
  assert.equal(codeOutsideStrings("a('x\\'y') // z\nb"), "a('    ')     \nb");
});

test("codeOutsideStrings keeps every character's place: line breaks, characters outside the BMP, a template over lines, an unclosed comment", () => {
  assert.equal(codeOutsideStrings("x = \"\u{1F600}\" /* \u{1F600}\n*/ y\n`a\nb` z /* open"), "x = \"  \"      \n   y\n` \n ` z        ");
  // A lone surrogate outside a string survives the copy as it is.
  assert.equal(codeOutsideStrings("a\uD800b 'q'"), "a\uD800b ' '");
  // A large minified bundle: the same length, its strings blank.
  const big = "var a='k';".repeat(200_000);
  const out = codeOutsideStrings(big);
  assert.equal(out.length, big.length);
  assert.equal(out.slice(0, 20), "var a=' ';var a=' ';");
});
