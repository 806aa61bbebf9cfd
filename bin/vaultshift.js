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
  let moved = false;
  for (const f of manifest.files) {
    const st = statSync(distPath + f.id, { throwIfNoEntry: false });
    if (st === undefined || st.size !== f.size) return undefined;
    if (st.mtimeMs !== f.mtimeMs) {
      // A copy (an npm install, whose tarball gives every file one fixed
      // mtime; the benchmarks' private build) has new mtimes: compare
      // contents then (~5-8 ms of CPU for all of them), and record the mtimes
      // seen before reading, so that the next run needs only the stats. A
      // file changed after this read gets a newer mtime, and is hashed again.
      if (createHash("sha1").update(readFileSync(distPath + f.id)).digest("hex") !== f.sha1) return undefined;
      f.mtimeMs = st.mtimeMs;
      moved = true;
    }
  }
  if (moved) process.once("exit", () => writeAtomically(`${base}.json`, JSON.stringify(manifest)));
  return run(base);
}

/** Best effort (a read-only install keeps its files): the whole file or nothing. */
function writeAtomically(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
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
    process.once("exit", () => writeAtomically(`${base}.cache`, script.createCachedData()));
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
    // `scan` has written its report (files synchronously) and awaited its
    // workers: once stdout and stderr have taken their last writes, leave
    // without tearing down the heap or waiting for V8's optimising compiler
    // jobs (a history scan leaves several). 'exit' handlers still run.
    if (process.argv[2] === "scan") {
      let pending = 2;
      const done = () => {
        if (--pending === 0) process.exit();
      };
      process.stdout.write("", done);
      process.stderr.write("", done);
    }
  },
  (error) => {
    process.stderr.write(
      `vaultshift: could not start: ${error?.message ?? error}\n  Run \`npm run build\` in the vaultshift package (is dist/ missing?).\n`,
    );
    process.exitCode = 2;
  },
);
