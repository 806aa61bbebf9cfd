import { posix } from "node:path";
import { dirOf } from "../map/environment.js";
import { ownString } from "../util/own-string.js";

// Source files a browser bundle reaches. Such a file must never import the
// secrets module: it loads vaultshift/runtime, which needs Node (a child
// process, the file system, an HTTP client with a token), and a bundler either
// fails on it or ships it. What such a file reads from the environment is, in
// the bundle, either the value inlined at build time (Parcel inlines every
// `process.env.X` it sees, webpack's EnvironmentPlugin and the define
// replacements of bundler-define.ts the names they list: then it is public
// already) or `undefined`. Either way moving it changes nothing for the browser
// and rewriting the file breaks the bundle: the secret is reported, not moved,
// and the file is left as it is.
//
// A file is reached when it is a browser entry, or a file it imports
// (relative specifiers, followed to the end):
// - a React/Next.js client module (`"use client"`);
// - code using the DOM (`document.…`, `window.…`, `localStorage`, `navigator.…`),
//   which only a browser runs (a `typeof window` test is no use of it, nor a
//   file that declares its own `window` or imports a Node built-in: a script
//   running bundles in a fake window under Node);
// - a `<script src>` of an HTML file of the project (Vite's and Parcel's entry);
// - the browser entry an Angular workspace configures, and the files its
//   `fileReplacements` swap into the bundle (angular-entries.ts, since round 13);
// - an `entry`/`entryPoints`/`input` of a webpack, esbuild or Rollup/Vite
//   configuration that builds for the browser (not webpack's `target: "node"`,
//   esbuild's `platform: "node"`; Rollup only for `iife`/`umd` output);
// - a file under a folder that is by convention the browser's (`client/` at
//   the top or under `src/`, `browser/`, `frontend/`) and imports no Node
//   built-in (a server's API client folder does).
//
// Two kinds of server-side code cannot load the Vault client either, and are
// treated the same way (since round 8, 2026-11-23):
// - an Edge function (`export const config = { runtime: "edge" }`, Next.js's
//   `export const runtime = "edge"`, Netlify's `netlify/edge-functions/`): the
//   Edge runtime (V8 isolates; Deno for Netlify) has no Node built-ins, and
//   Vercel refuses to build one that imports them; Next.js middleware
//   (`middleware.{js,ts}` at the project's root or in `src/`, exporting
//   `middleware` or a `matcher` config, since round 10) runs there too unless
//   its config says `runtime: "nodejs"` (Next.js 15.2+):
//   nextjs.org/docs/app/building-your-application/routing/middleware#runtime;
// - code written for Deno (`Deno.env.get("X")`, `Deno.serve`, `Deno.cron`, since round 9):
//   Deno runs it with its own environment (`deno run --env-file=.env`, Deno Deploy's
//   variables) and loads no Node secrets module; a file that also reads process.env for
//   Node (`typeof Deno !== "undefined" ? Deno.env.get("X") : process.env.X`) counts too,
//   since its Deno branch would find nothing once the name left .env;
// - an Electron preload script (`webPreferences: { preload }`): it runs in the
//   renderer, sandboxed by default since Electron 20, where `require` offers only
//   `electron`, `events`, `timers` and `url` (electronjs.org/docs/latest/tutorial/sandbox),
//   and what it exposes through contextBridge is the page's.

export interface BrowserFacts {
  /** Why the file itself is browser code, or null. */
  root: string | null;
  /** Relative import/require specifiers, as written. */
  imports: string[];
  /** Other specifiers (`@/lib/x`, `~/x`, packages): followed where a tsconfig/jsconfig `paths` entry maps them. */
  bare: string[];
  /** Entries this file configures for a browser bundle (as written, relative to the file's directory). */
  entries: string[];
  /** Electron preload scripts this file gives a sandboxed window (as written, relative to the file's directory). */
  preloads: string[];
  /** Environment variables the file reads by name, with the line of the first read. */
  reads: Map<string, number>;
  /** The file declares itself server-only: never browser code, whatever imports it. */
  serverOnly?: true;
}

function serverOnly(file: string, text: string): boolean {
  return SERVER_ONLY_FILE.test(file) || SERVER_ONLY_IMPORT.test(text);
}

/**
 * The file's directive prologue holds "use client": whitespace and comments first, then string
 * directives. Read with a cursor, not one regular expression: `(?:\s|//…|/*[\s\S]*?*\/)*` can
 * split a run of block comments in exponentially many ways and never returned on Node-RED's
 * settings.js (dozens of comments, no directive).
 */
export function declaresUseClient(text: string): boolean {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      if (end < 0) return false;
      i = end + 1;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (text[i] === '"' || text[i] === "'") {
      const quote = text[i]!;
      const end = text.indexOf(quote, i + 1);
      if (end < 0 || text.slice(i + 1, end).includes("\n")) return false;
      if (text.slice(i + 1, end) === "use client") return true;
      i = end + 1; // another directive ("use strict"): the prologue goes on
      while (i < text.length && (text[i] === ";" || text[i] === " " || text[i] === "\t")) i++;
    } else return false;
  }
}
const DOM_USE = /(?<!typeof\s+)\b(?:document|window)\.[A-Za-z_$]|\b(?:localStorage|sessionStorage)\.[a-z]|\bnavigator\.(?:userAgent|clipboard|geolocation|serviceWorker|language)\b/;
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(["'`])(\.{1,2}\/[^"'`\n]+)\1/g;
const BARE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(["'`])([^."'`\n/][^"'`\n]*)\1/g;
/**
 * A module that declares itself server-only: Next.js's `import "server-only"` (the client build
 * fails on it: https://nextjs.org/docs/app/getting-started/server-and-client-components), and
 * the `.server.` file names Remix and SvelteKit keep out of browser bundles
 * (https://remix.run/docs/en/main/guides/constraints, https://svelte.dev/docs/kit/server-only-modules).
 */
const SERVER_ONLY_IMPORT = /(?:\bimport\s*|\brequire\s*\(\s*)(["'])server-only\1/;
const SERVER_ONLY_FILE = /\.server\.[cm]?[jt]sx?$|(?:^|\/)lib\/server\//;
const ENV_READ = /\b(?:process\.env|import\.meta\.env)(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'`])([A-Za-z_$][\w$]*)\2\s*\])/g;
const ENV_DESTRUCTURE = /\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env)\b/g;
const BROWSER_FOLDER = /^(?:src\/)?client\/|(?:^|\/)(?:browser|frontend)\//;
/** An import or require of a Node built-in: such a file runs on a server, whatever its folder. */
const NODE_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(["'])(?:node:[\w/]+|fs|path|os|child_process|net|tls|http|https|http2|cluster|worker_threads|dgram|dns|readline|zlib|stream)(?:\/[\w]+)?\1/;
/** A bundler's entry option: the value that follows, up to 400 characters. */
const ENTRY_OPTION = /\b(?:entry|entryPoints|input)\s*:\s*/g;
/** An Edge function: Vercel's `config = { runtime: "edge" }`, Next.js's `runtime = "edge"` segment config. */
const EDGE_RUNTIME = /\bexport\s+const\s+(?:config\s*=\s*\{[^}]*?\bruntime\s*:\s*|runtime\s*=\s*)(["'])(?:experimental-)?edge\1/;
const NETLIFY_EDGE_FOLDER = /(?:^|\/)netlify\/edge-functions\//;
/** Next.js middleware's file: `middleware.ts` at the root of a Next project or of its `src/`. */
const NEXT_MIDDLEWARE_FILE = /(?:^|\/)(?:src\/)?middleware\.[cm]?[jt]s$/;
/** Its export (`middleware`, or the default one) ... */
const NEXT_MIDDLEWARE_EXPORT = /\bexport\s+(?:default\s+)?(?:async\s+)?function\b|\bexport\s+(?:const\s+)?\{?\s*middleware\b|\bexport\s+default\b/;
/** ... and Next's own: `next/server` (NextResponse, NextRequest) or a `matcher` config; an Express `middleware.js` has neither. */
const NEXT_MIDDLEWARE_API = /(["'])next\/server\1|\bexport\s+const\s+config\s*=\s*\{[^}]*?\bmatcher\s*:/;
/** Next.js 15.2+ runs middleware on Node when its config says so. */
const NODE_RUNTIME_CONFIG = /\bexport\s+const\s+config\s*=\s*\{[^}]*?\bruntime\s*:\s*(["'])nodejs\1/;

/** Next.js middleware that runs on the Edge runtime (the default). */
export function isEdgeMiddleware(file: string, text: string): boolean {
  return NEXT_MIDDLEWARE_FILE.test(file) && NEXT_MIDDLEWARE_EXPORT.test(text) && NEXT_MIDDLEWARE_API.test(text) && !NODE_RUNTIME_CONFIG.test(text) && !NODE_IMPORT.test(text);
}
/** Deno's own APIs: its environment, server, cron and key-value store. */
const DENO_RUNTIME = /\bDeno\s*\??\.\s*(?:env|serve|cron|openKv)\b/;
/** `Deno.env.get("X")`: a read of X from Deno's environment. */
const DENO_ENV_GET = /\bDeno\s*\??\.\s*env\s*\??\.\s*get\s*\(\s*(["'`])([A-Za-z_$][\w$]*)\1\s*\)/g;
/** `preload:` in an Electron window's webPreferences, up to the script's file name. */
const ELECTRON_PRELOAD = /\bpreload\s*:\s*[^}\n]{0,120}?(["'`])((?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\.[cm]?js)\1/g;
const ENTRY_STRING = /(["'`])((?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\.(?:[cm]?[jt]sx?|html))\1/g;

/**
 * The text with the contents of comments and string and template literals blanked (lengths kept):
 * `window.x` in an HTML page a server renders into a template literal (Uptime Kuma's status
 * page, `<script>window.preloadData = …</script>`) is text the server sends, not DOM use.
 * A single forward pass; a quote or backtick inside a regular expression literal can end the
 * blanking early or late, and a ' or " string never runs past its line.
 */
export function codeOutsideStrings(text: string): string {
  // Blanked in a copy of the UTF-16 code units (2 bytes a character): a character array
  // of an 8 MB bundle held 70 MB of pointers.
  const bytes = Buffer.from(text, "utf16le");
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (units[k] !== 10) units[k] = 32;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === 34 || c === 39 || c === 96) {
      let k = i + 1;
      while (k < text.length && text.charCodeAt(k) !== c && (c === 96 || text.charCodeAt(k) !== 10)) k += text.charCodeAt(k) === 92 ? 2 : 1;
      blank(i + 1, Math.min(k, text.length));
      i = k + 1;
    } else i++;
  }
  return bytes.toString("utf16le");
}

/** What one source file says about the browser: read once, in the candidates' pass. */
/** `__NAME__` with a variable-like NAME of two words or more (`__EXT_API_KEY__`; not `__DEV__`, `__dirname`). */
const PLACEHOLDER = /(?<![\w$])__([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)__(?![\w$])/g;

export function browserFacts(file: string, text: string): BrowserFacts {
  const facts: BrowserFacts = { root: null, imports: [], bare: [], entries: [], preloads: [], reads: new Map() };
  // An Edge function may also declare itself server-only: it still cannot load Node modules.
  if (EDGE_RUNTIME.test(text)) facts.root = `an Edge function (runtime "edge"): the Edge runtime has no Node built-ins`;
  else if (isEdgeMiddleware(file, text)) facts.root = `Next.js middleware, an Edge function unless its config says runtime "nodejs": the Edge runtime has no Node built-ins`;
  else if (NETLIFY_EDGE_FOLDER.test(file)) facts.root = "a Netlify Edge Function (netlify/edge-functions/), which runs on Deno, not Node";
  else if (DENO_RUNTIME.test(text)) facts.root = "code run by Deno (it uses Deno.env, Deno.serve, Deno.cron or Deno.openKv), which loads no Node secrets module";
  else if (serverOnly(file, text)) facts.serverOnly = true;
  else if (declaresUseClient(text)) facts.root = `a client module ("use client")`;
  else if (DOM_USE.test(text) && DOM_USE.test(codeOutsideStrings(text)) && !NODE_IMPORT.test(text) && !/\b(?:const|let|var|function)\s+(?:window|document)\b/.test(text)) facts.root = "it uses the DOM (document, window, localStorage…), which only a browser has";
  else if (BROWSER_FOLDER.test(file) && !NODE_IMPORT.test(text)) facts.root = `it is under ${BROWSER_FOLDER.exec(file)![0].replace(/^\//, "")}, the browser's folder by convention`;
  for (const m of text.matchAll(RELATIVE_IMPORT)) facts.imports.push(ownString(m[2]!));
  for (const m of text.matchAll(BARE_IMPORT)) if (!m[2]!.startsWith("node:")) facts.bare.push(ownString(m[2]!));
  // Line of an offset, counted on from the last one asked (the matches come in order): one pass per regex, not one per read.
  let at = 0;
  let atLine = 1;
  const lineAt = (i: number) => {
    if (i < at) [at, atLine] = [0, 1];
    for (let j = text.indexOf("\n", at); j !== -1 && j < i; j = text.indexOf("\n", j + 1)) atLine++;
    at = i;
    return atLine;
  };
  for (const m of text.matchAll(ENV_READ)) {
    const name = m[1] ?? m[3]!;
    if (!facts.reads.has(name)) facts.reads.set(ownString(name), lineAt(m.index));
  }
  if (text.includes("Deno")) {
    for (const m of text.matchAll(DENO_ENV_GET)) if (!facts.reads.has(m[2]!)) facts.reads.set(ownString(m[2]!), lineAt(m.index));
  }
  for (const m of text.matchAll(ENV_DESTRUCTURE)) {
    for (const part of m[1]!.split(",")) {
      const name = /^\s*([A-Za-z_$][\w$]*)/.exec(part)?.[1];
      if (name !== undefined && !facts.reads.has(name)) facts.reads.set(ownString(name), lineAt(m.index));
    }
  }
  // A build's placeholder named as a variable (`"__EXT_SIGNING_SECRET__"`, replaced by a build script with
  // process.env[name], as extension and static-site builds do): in browser code, the value it is replaced by ships.
  for (const m of text.matchAll(PLACEHOLDER)) if (!facts.reads.has(m[1]!)) facts.reads.set(ownString(m[1]!), lineAt(m.index));
  // A window given `sandbox: false` or `nodeIntegration: true` runs its preload with Node.
  if (/\bwebPreferences\b/.test(text) && !/\bsandbox\s*:\s*false\b|\bnodeIntegration\s*:\s*true\b/.test(text)) {
    for (const m of text.matchAll(ELECTRON_PRELOAD)) facts.preloads.push(ownString(m[2]!));
  }
  if (/(?:^|\/)(?:webpack|rollup|vite|esbuild|build)\.config\.[cm]?[jt]s$|(?:^|\/)(?:scripts\/)?build\.[cm]?[jt]s$/.test(file) && buildsForBrowser(text)) {
    for (const m of text.matchAll(ENTRY_OPTION)) {
      for (const s of text.slice(m.index + m[0].length, m.index + m[0].length + 400).matchAll(ENTRY_STRING)) facts.entries.push(ownString(s[2]!));
    }
  }
  return facts;
}

function buildsForBrowser(text: string): boolean {
  if (/\btarget\s*:\s*["'](?:node|async-node|electron-main)/.test(text) || /\bplatform\s*:\s*["']node["']/.test(text)) return false;
  if (/\brollup\b/.test(text) && !/\bvite\b/.test(text)) return /\bformat\s*:\s*["'](?:iife|umd)["']/.test(text);
  return true;
}

/** `<script src="…">` of an HTML file, as project paths (a leading `/` is the HTML file's folder, as Vite reads it). */
export function htmlEntries(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/<script\b[^>]*\bsrc\s*=\s*(["'])([^"'#?]+)\1/gi)) {
    const src = m[2]!;
    if (/^[a-z][\w+.-]*:|^\/\//i.test(src)) continue; // another origin
    out.push(join(dirOf(file), src.replace(/^\//, "")));
  }
  return out;
}

/**
 * Every source file a browser bundle reaches, with why (the entry it is
 * reached from): the roots and entries above, then what they import.
 */
export function browserReached(facts: Map<string, BrowserFacts>, htmlScripts: string[], aliases: PathAliases | null = null, configured: readonly { file: string; why: string }[] = []): Map<string, string> {
  const files = new Set(facts.keys());
  const resolve = (from: string, spec: string): string | undefined => {
    const base = join(from, spec);
    const stem = base.replace(/\.[cm]?js$/, "");
    for (const c of [base, ...["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"].flatMap((e) => [`${stem}.${e}`, `${base}/index.${e}`])]) if (files.has(c)) return c;
    return undefined;
  };
  const out = new Map<string, string>();
  // Each reached file with the root its chain starts from, and why that root is browser code.
  const queue: [string, string, string][] = [];
  const reach = (file: string | undefined, why: string, root: string, rootWhy: string) => {
    if (file === undefined || out.has(file) || facts.get(file)?.serverOnly) return;
    out.set(file, why);
    queue.push([file, root, rootWhy]);
  };
  for (const [file, f] of facts) {
    if (f.root !== null) reach(file, f.root, file, f.root);
    for (const e of f.entries) {
      const why = `it is an entry of the browser bundle ${file} configures`;
      reach(resolve(dirOf(file), e), why, resolve(dirOf(file), e) ?? file, why);
    }
    for (const p of f.preloads) {
      const why = `an Electron preload script (webPreferences.preload in ${file}): it runs in the renderer's sandbox, where require() offers only electron and a few built-ins`;
      reach(resolve(dirOf(file), p), why, resolve(dirOf(file), p) ?? file, why);
    }
  }
  for (const s of htmlScripts) reach(resolve("", s), "an HTML page loads it (<script src>)", resolve("", s) ?? s, "an HTML page loads it");
  // Entries a framework's own configuration names (angular-entries.ts).
  for (const e of configured) reach(resolve("", e.file), e.why, resolve("", e.file) ?? e.file, e.why);
  for (let next = 0; next < queue.length; next++) {
    const [file, root, rootWhy] = queue[next]!;
    const via = file === root ? `imported by ${file}, which is browser code: ${rootWhy}` : `imported by ${file}, which browser code imports (${root}: ${rootWhy})`;
    for (const spec of facts.get(file)?.imports ?? []) reach(resolve(dirOf(file), spec), via, root, rootWhy);
    // A bare specifier: followed only where tsconfig/jsconfig `paths` maps it into the project.
    for (const spec of aliases ? (facts.get(file)?.bare ?? []) : []) {
      for (const target of aliasTargets(aliases!, spec)) {
        const hit = resolve("", target);
        if (hit === undefined) continue;
        reach(hit, via, root, rootWhy);
        break;
      }
    }
  }
  return out;
}

/** tsconfig/jsconfig `compilerOptions.paths` (https://www.typescriptlang.org/tsconfig#paths), with baseUrl as a root-relative directory. */
export interface PathAliases {
  baseUrl: string;
  entries: Record<string, string[]>;
}

/** Where a `paths` entry sends a specifier (`@/lib/x` by `"@/*": ["src/*"]` → `src/lib/x`), as root-relative paths, best match first. */
function aliasTargets(aliases: PathAliases, spec: string): string[] {
  const out: string[] = [];
  // An exact key first, then the longest prefix before `*`, as TypeScript picks.
  const keys = Object.keys(aliases.entries).sort((a, b) => Number(b === spec) - Number(a === spec) || b.indexOf("*") - a.indexOf("*"));
  for (const key of keys) {
    const star = key.indexOf("*");
    let matched: string | null = null;
    if (star === -1) matched = key === spec ? "" : null;
    else if (spec.startsWith(key.slice(0, star)) && spec.endsWith(key.slice(star + 1)) && spec.length >= key.length - 1) matched = spec.slice(star, spec.length - (key.length - star - 1));
    if (matched === null) continue;
    for (const t of aliases.entries[key]!) out.push(join(aliases.baseUrl === "." ? "" : aliases.baseUrl, t.replace("*", matched)));
  }
  return out;
}

/** A relative path joined and normalised (`a/b` + `../c` → `a/c`); "" for the root. */
function join(dir: string, spec: string): string {
  const joined = posix.join(dir, spec).replace(/\/$/, "");
  return joined === "." ? "" : joined;
}
