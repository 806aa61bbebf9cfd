#!/usr/bin/env node
// Builds dist/src/cli/scan.bundle.js: every module `vaultshift scan` loads,
// in one script, plus a V8 code cache of it (scan.bundle.cache) and a
// manifest of the files it was made from (scan.bundle.json). Run after tsc:
// `npm run build` does both.
//
// Why: Node 20's ESM loader resolves, reads and compiles each of the ~70
// modules of the scan path separately (~30-40 ms of a 150 ms pre-commit
// budget on this machine), and Node 20 has no module compile cache
// (module.enableCompileCache is Node 22). A classic script compiled with
// vm.Script can use V8's code cache (`cachedData`,
// https://nodejs.org/docs/latest-v20.x/api/vm.html#new-vmscriptcode-options).
//
// Each module is the tsc output (dist/**/*.js) converted to CommonJS by the
// TypeScript compiler (transpileModule), wrapped in a function and evaluated
// on first require, in the order ESM would evaluate it. `import.meta` and
// `import()` are rewritten to per-module stand-ins: import.meta.url stays the
// module's own dist URL (workers and package.json are found from it), and an
// import() of a module outside the bundle is a real import() of the dist file.
// bin/vaultshift.js uses the bundle only for `scan`, only when every source
// file still matches the manifest; otherwise it loads dist/ as ES modules.
//
// Usage: node scripts/bundle.js [--dist DIR]
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const distArg = process.argv.indexOf("--dist");
const dist = distArg !== -1 ? process.argv[distArg + 1] : join(root, "dist");

export const ENTRY = "src/cli/process.js";
// The worker threads of a pooled scan run it too (bin/scan-worker.js).
const WORKER_ENTRY = "src/scan/scan-worker.js";
const OUT = "src/cli/scan.bundle";
// Other commands are never run from the bundle (the bin sends them to dist/),
// so their modules, and what only they import, stay out of it.
const SKIP = (id) => /^src\/cli\/commands\//.test(id) && !/^src\/cli\/commands\/(index|scan|scan-output)\.js$/.test(id);

/** `import.meta` → `__vs_meta`, `import(x)` → `__vs_import(x)`: the module transform leaves both alone then. */
function standIns(context) {
  const f = context.factory;
  const visit = (node) => {
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) return f.createIdentifier("__vs_meta");
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      return f.createCallExpression(f.createIdentifier("__vs_import"), undefined, ts.visitNodes(node.arguments, visit));
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (sf) => ts.visitNode(sf, visit);
}

function specifiers(source, id) {
  const sf = ts.createSourceFile(id, source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const out = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function collect() {
  const modules = new Map();
  const queue = [ENTRY, WORKER_ENTRY];
  while (queue.length > 0) {
    const id = queue.shift();
    if (modules.has(id) || SKIP(id)) continue;
    const source = readFileSync(join(dist, id), "utf8");
    modules.set(id, source);
    for (const s of specifiers(source, id)) {
      if (s.startsWith("./") || s.startsWith("../")) queue.push(posix.normalize(posix.join(posix.dirname(id), s)));
    }
  }
  return modules;
}

function convert(id, source) {
  const out = ts.transpileModule(source, {
    fileName: id,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, allowJs: true, removeComments: true },
    transformers: { before: [standIns] },
    reportDiagnostics: true,
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new Error(`bundle: ${id}: ${ts.flattenDiagnosticMessageText(errors[0].messageText, "\n")}`);
  return out.outputText;
}

// The loader inside the bundle. `host` comes from bin/scan-bundle.js:
// { distUrl, distPath (both end in "/"), importModule(url): a real import(),
//   require: createRequire of the bin, bundle?: { worker: the worker entry } }.
// Each module's import.meta carries `bundle` (src/scan/worker-pool.ts).
const RUNTIME = `
  const cache = new Map();
  const resolveId = (from, spec) => {
    if (spec.startsWith("file:")) {
      const path = host.require("node:url").fileURLToPath(spec);
      return path.startsWith(host.distPath) ? path.slice(host.distPath.length).replace(/\\\\/g, "/") : null;
    }
    if (spec.startsWith("./") || spec.startsWith("../")) {
      const parts = from.split("/").slice(0, -1);
      for (const p of spec.split("/")) {
        if (p === "..") parts.pop();
        else if (p !== ".") parts.push(p);
      }
      return parts.join("/");
    }
    return null;
  };
  const load = (id) => {
    let m = cache.get(id);
    if (m) return m.exports;
    const define = modules[id];
    const url = host.distUrl + id;
    m = { exports: {} };
    cache.set(id, m);
    // Outside the bundle, modules only require node built-ins and this
    // package's dependencies, which resolve the same from the bin.
    const require = (spec) => {
      const target = resolveId(id, spec);
      if (target !== null && modules[target]) return load(target);
      return host.require(spec);
    };
    const vsImport = (spec) => {
      const s = String(spec);
      const target = resolveId(id, s);
      if (target !== null && modules[target]) {
        try {
          return Promise.resolve(load(target));
        } catch (error) {
          return Promise.reject(error);
        }
      }
      // A built-in by require(): a real import() would start Node's ESM
      // loader (~3 ms of CPU, a dozen internal modules) for it alone. The
      // namespace an import() gives a built-in: its exports, and default.
      if (target === null && s.startsWith("node:")) {
        try {
          const builtin = host.require(s);
          return Promise.resolve(Object.assign(Object.create(null), builtin, { default: builtin }));
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return host.importModule(target !== null ? host.distUrl + target : s);
    };
    define(m.exports, require, m, vsImport, { url, bundle: host.bundle });
    return m.exports;
  };
  return load;
`;

// Data the bundle can carry instead of computing at every start: the literal
// prefixes and anchors of the built-in rules (src/scan/literal-prefix-table.ts),
// computed here by the very literalPrefixes() and anchorLiteral() of this build.
const TABLE = "src/scan/literal-prefix-table.js";
async function literalPrefixTable() {
  const { allRules } = await import(pathToFileURL(join(dist, "rules", "index.js")).href);
  const { anchorLiteral, literalPrefixes, prefixTableKey } = await import(pathToFileURL(join(dist, "src", "scan", "literal-prefix.js")).href);
  const entries = new Map();
  const anchors = new Map();
  for (const { pattern } of allRules) {
    // The arguments rule-runner.ts startPlan() passes.
    const ignoreCase = pattern.flags.includes("i");
    const key = prefixTableKey(pattern.source, ignoreCase, pattern.flags);
    entries.set(key, literalPrefixes(pattern.source, ignoreCase, pattern.flags));
    anchors.set(key, anchorLiteral(pattern.source, ignoreCase, pattern.flags));
  }
  return `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.PRECOMPUTED = new Map(${JSON.stringify([...entries])});\nexports.PRECOMPUTED_ANCHORS = new Map(${JSON.stringify([...anchors])});`;
}

// And the keyword pass's window of each keyword of the built-in rule set
// (src/scan/keyword-window-table.ts), by the very keywordWindows() of this build.
const WINDOWS = "src/scan/keyword-window-table.js";
async function keywordWindowTable() {
  const { allRules, compileRuleSet } = await import(pathToFileURL(join(dist, "src", "scan", "rule-set.js")).href);
  const { keywordWindows } = await import(pathToFileURL(join(dist, "src", "scan", "keyword-table.js")).href);
  const { keywords } = compileRuleSet(allRules);
  const windows = keywordWindows(keywords);
  const entries = keywords.map((k, i) => [k, windows[i]]).filter(([, o]) => o >= 0);
  return `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.PRECOMPUTED_WINDOWS = new Map(${JSON.stringify(entries)});`;
}

// And what the keyword pass requires around each built-in literal prefix
// (src/scan/keyword-follow-table.ts), by the very prefixFollows() of this build.
const FOLLOWS = "src/scan/keyword-follow-table.js";
async function keywordFollowTable() {
  const { builtInFollows } = await import(pathToFileURL(join(dist, "src", "scan", "rule-set.js")).href);
  return `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.PRECOMPUTED_FOLLOWS = ${JSON.stringify(builtInFollows())};`;
}

// And the keyword pass's table data for the built-in rule set
// (src/scan/keyword-table-data.ts), by the very keywordTableData() of this
// build, as JSON text (JSON.parse reads it faster than V8 builds the same
// literal).
const KEYWORD_DATA = "src/scan/keyword-table-data.js";
async function keywordTableDataModule() {
  const { allRules, compileRuleSet } = await import(pathToFileURL(join(dist, "src", "scan", "rule-set.js")).href);
  const { keywordTableData } = await import(pathToFileURL(join(dist, "src", "scan", "keyword-table.js")).href);
  const data = keywordTableData(compileRuleSet(allRules).keywords);
  return `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.PRECOMPUTED_KEYWORD_TABLE = JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
}

// Every character above U+007F as a \u escape. The bin reads the bundle as
// UTF-8: an ASCII-only file decodes through Node's ASCII fast path into a
// one-byte string, where a single "…" made all 610 KB a two-byte string
// (1.2 MB): reading and compiling the bundle with its cache took 8.0 ms of
// CPU instead of 6.9 at every start (medians of 5, load ~13). The tsc output has no comments left (removeComments), so such
// characters only stand in string, template and regex literals, where the
// escape means the same character (ECMA-262's string literals and RegExp
// patterns; a template's cooked value is unchanged). Refused: a tagged
// template holding one (its raw strings would change) and a backslash right
// before one (the escape would become a different text). Surrogate pairs
// become two escapes, which literals read as the same code point.
function asciiOnly(code) {
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error("bundle: a non-ASCII character follows a backslash; it cannot be written as a \\u escape there");
  const sf = ts.createSourceFile("scan.bundle.js", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && /[^\x00-\x7f]/.test(node.getText(sf))) {
      throw new Error(`bundle: a tagged template holds a non-ASCII character (${node.getText(sf).slice(0, 60)}); its raw strings would change as \\u escapes`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

async function build() {
  const modules = collect();
  const parts = [];
  for (const [id, source] of modules) {
    const code =
      id === TABLE ? await literalPrefixTable() : id === WINDOWS ? await keywordWindowTable() : id === FOLLOWS ? await keywordFollowTable() : id === KEYWORD_DATA ? await keywordTableDataModule() : convert(id, source);
    parts.push(`${JSON.stringify(id)}: function (exports, require, module, __vs_import, __vs_meta) {\n${code}\n}`);
  }
  const bundle = asciiOnly(`(function (host) {\n"use strict";\nconst modules = {\n${parts.join(",\n")}\n};\n${RUNTIME}\n})`);
  const files = [...modules.keys()].map((id) => {
    const full = join(dist, id);
    const st = statSync(full);
    return { id, size: st.size, mtimeMs: st.mtimeMs, sha1: createHash("sha1").update(readFileSync(full)).digest("hex") };
  });
  mkdirSync(dirname(join(dist, OUT)), { recursive: true });
  const write = (path, data) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  };
  write(join(dist, `${OUT}.js`), bundle);
  rmSync(join(dist, `${OUT}.cache`), { force: true });
  rmSync(join(dist, `${OUT}.parser.cache`), { force: true });
  write(join(dist, `${OUT}.json`), JSON.stringify({ entry: ENTRY, bundleSha1: createHash("sha1").update(bundle).digest("hex"), files }));
  return modules.size;
}

// The code cache is made by a separate process that loads the bundle, scans a
// few small files with it (so that the functions a scan runs are compiled),
// then serialises V8's code: a cache made right after compiling would hold
// only the top level.
function warm() {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-bundle-"));
  try {
    const base = join(dir, "base");
    mkdirSync(base);
    writeFileSync(join(base, ".env"), "PORT=3000\nAPI_TOKEN=not-a-real-token-but-long-enough-123\n");
    writeFileSync(join(base, "app.js"), 'const key = process.env.API_KEY;\nconst password = "hunter2-not-real";\nexport default { key, password };\n'); // vaultshift:allow
    writeFileSync(join(base, "config.yml"), "database:\n  url: postgres://user:pass@localhost/db\n");
    // Parsed by @babel/parser (they read process.env): its code cache gets
    // what JS, JSX and TypeScript need. Scanned after the bundle's cache is
    // written, which stays as it was: V8 deserialises all of it at every
    // start (--staged main thread +3 ms with these in it, 15 runs).
    mkdirSync(join(dir, "parsed"));
    writeFileSync(join(dir, "parsed", "server.ts"), PARSER_SAMPLES.ts);
    writeFileSync(join(dir, "parsed", "view.jsx"), PARSER_SAMPLES.jsx);
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--warm", "--dist", dist], { cwd: base, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`bundle: warming the code cache failed: ${(r.stderr || r.stdout).trim().split("\n").slice(0, 5).join(" | ")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Everyday syntax for the parser's warm-up: each construct compiles the
// parser functions that read it, which the code cache then keeps. Each sample
// holds what makes the scan's pre-check parse it (js-scanner.ts
// shouldParseJavaScript): a destructuring default under a secret's name, a
// client constructor given a literal.
const PARSER_SAMPLES = {
  ts: `import { readFile } from "node:fs/promises";
import type { Config } from "./types";
export interface Options<T = string> { name?: T; retries: number; readonly tags: string[] }
enum Level { Low = 1, High }
declare const VERSION: string;
export abstract class Client<T> implements Config {
  private cache = new Map<string, T>();
  constructor(protected readonly url = process.env.SERVICE_URL ?? "http://localhost:8080", public timeout: number = 30) {}
  @logged async get(id: string): Promise<T | undefined> {
    const hit = this.cache.get(id) as T;
    if (hit !== undefined) return hit;
    const res = await fetch(\`\${this.url}/items/\${encodeURIComponent(id)}\`, { headers: { authorization: \`Bearer \${process.env.API_TOKEN}\` } });
    return res.ok ? ((await res.json()) as T) : undefined;
  }
  abstract name(): string;
}
export function pick<K extends keyof Options>(o: Options, ...keys: K[]): Pick<Options, K> {
  const out = {} as Pick<Options, K>;
  for (const k of keys) out[k] = o[k];
  return out;
}
export const level = (n: number): Level => (n > 3 ? Level.High : Level.Low);
const { DB_USER = "app", DB_PASSWORD = "change-me-locally" } = process.env;
export default { DB_USER, DB_PASSWORD, pick, level, readFile, VERSION: typeof VERSION === "string" ? VERSION : "dev" };
`,
  jsx: `import React, { useEffect, useState } from "react";
const API = process.env.REACT_APP_API_URL || "/api";
const client = new ApiClient("https://api.example.com/v1");
export function List({ items = [], onSelect }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    fetch(API + "/items").then((r) => r.json()).then((data) => live && setOpen(data?.length > 0)).catch(console.error);
    return () => { live = false; };
  }, []);
  return (
    <ul className={open ? "open" : undefined}>
      {items.map((item, i) => <li key={item.id ?? i} onClick={() => onSelect?.(item)}>{item.label} &middot; {i + 1}</li>)}
      <>{open && <span>{\`\${items.length} items\`}</span>}</>
    </ul>
  );
}
module.exports = { List, retry: async function* (n) { for (let i = 0; i < n; i++) yield i ** 2; } };
`,
};

async function warmChild() {
  const vm = await import("node:vm");
  const { createRequire } = await import("node:module");
  const file = join(dist, `${OUT}.js`);
  const { compileParser, setV8Flags } = createRequire(import.meta.url)(join(root, "bin", "scan-bundle.js"));
  // The flags bin/vaultshift.js sets for a scan: V8 rejects a code cache made under other flags.
  setV8Flags();
  const script = new vm.Script(readFileSync(file, "utf8"), { filename: file });
  let parser;
  const load = script.runInThisContext()({
    distUrl: pathToFileURL(dist).href + "/",
    distPath: dist + "/",
    importModule: (url) => import(url),
    require: createRequire(import.meta.url),
    bundle: { parser: () => (parser = compileParser(join(dist, `${OUT}.parser.cache`))).exports },
  });
  const { main } = load("src/cli/main.js");
  const { captureIo } = load("src/cli/io.js");
  for (const args of [["scan", ".", "--workers", "0", "--no-baseline"], ["scan", ".", "--workers", "0", "--format", "json", "--no-baseline"]]) {
    const io = captureIo({ cwd: process.cwd(), env: {} });
    const code = await main(args, io);
    if (code !== 1) throw new Error(`bundle: the warm-up scan exited ${code}, expected 1 (findings): ${io.err()}`);
  }
  writeFileSync(join(dist, `${OUT}.cache`), script.createCachedData());
  const io = captureIo({ cwd: process.cwd(), env: {} });
  const code = await main(["scan", join(process.cwd(), "..", "parsed"), "--workers", "0", "--no-baseline"], io);
  if (code !== 0 && code !== 1) throw new Error(`bundle: the parser's warm-up scan exited ${code}: ${io.err()}`);
  if (!parser) throw new Error("bundle: the warm-up scan never loaded @babel/parser (no JavaScript was parsed)");
  parser.save();
}

if (process.argv.includes("--warm")) await warmChild();
else {
  const n = await build();
  warm();
  console.log(`bundle: ${n} modules → ${join(dist, `${OUT}.js`)}`);
}
