#!/usr/bin/env node
"use strict";
// `scan` runs from dist/src/cli/scan.bundle.js (one script with a V8 code
// cache, built by scripts/bundle.js) when it is there and matches the dist
// files it was made from; everything else, and a missing or stale bundle,
// loads dist/ as ES modules. A pre-commit hook pays for every millisecond of
// start-up. VAULTSHIFT_NO_BUNDLE=1 forces the ES modules.
//
// This file is CommonJS (bin/package.json): an ES module entry makes Node
// start its ESM loader first, ~5 ms of CPU that the bundle never uses.
const { createHash } = require("node:crypto");
const { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require("node:fs");
const { pathToFileURL } = require("node:url");
const { join, sep } = require("node:path");

const distPath = join(__dirname, "..", "dist") + sep;
const distUrl = pathToFileURL(distPath).href;

function loadBundle() {
  if (process.argv[2] !== "scan" || process.env.VAULTSHIFT_NO_BUNDLE) return undefined;
  const base = join(distPath, "src", "cli", "scan.bundle");
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(`${base}.json`, "utf8"));
  } catch {
    return undefined;
  }
  for (const f of manifest.files) {
    const st = statSync(distPath + f.id, { throwIfNoEntry: false });
    if (st === undefined || st.size !== f.size) return undefined;
    // A copy (npm pack, the benchmarks' private build) has new mtimes: compare contents then.
    if (st.mtimeMs !== f.mtimeMs && createHash("sha1").update(readFileSync(distPath + f.id)).digest("hex") !== f.sha1) return undefined;
  }
  return run(base);
}

function run(base) {
  const vm = require("node:vm");
  const file = `${base}.js`;
  const source = readFileSync(file, "utf8");
  let cachedData;
  try {
    cachedData = readFileSync(`${base}.cache`);
  } catch {
    // No cache: V8 compiles as usual.
  }
  const script = new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made by another Node version (V8 checks version, flags and source), or
    // missing: write a new one when this run ends, for the next run. A
    // read-only install simply keeps compiling.
    process.once("exit", () => {
      const cache = `${base}.cache`;
      const tmp = `${cache}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cache);
      } catch {
        try {
          unlinkSync(tmp);
        } catch {
          // nothing was written
        }
      }
    });
  }
  const load = script.runInThisContext()({
    distUrl,
    distPath,
    importModule: (url) => import(url),
    require,
  });
  return load("src/cli/process.js");
}

async function main() {
  let cli;
  try {
    cli = loadBundle();
  } catch {
    cli = undefined; // a damaged bundle: the modules still work
  }
  cli ??= await import(`${distUrl}src/cli/process.js`);
  return cli.runProcess(process.argv.slice(2));
}

// Exit 2 (runtime error), not 1 ("secrets found"), when vaultshift itself cannot load.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `vaultshift: could not start: ${error?.message ?? error}\n  Run \`npm run build\` in the vaultshift package (is dist/ missing?).\n`,
    );
    process.exitCode = 2;
  },
);
