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
const { readFileSync, statSync } = require("node:fs");
const bundle = require("./scan-bundle.js");

const { distPath, distUrl } = bundle;

// Before anything of the engine is compiled (scan-bundle.js V8_FLAGS).
if (process.argv[2] === "scan") bundle.setV8Flags();

function loadBundle() {
  if (process.argv[2] !== "scan" || process.env.VAULTSHIFT_NO_BUNDLE) return undefined;
  const base = bundle.base;
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
  if (moved) process.once("exit", () => bundle.writeAtomically(`${base}.json`, JSON.stringify(manifest)));
  // The bundle will run: `scan --history` / `--since` start git log now
  // (early-git.js), which walks the history on the other core while the
  // bundle compiles and the engine loads. (The ES modules would not take it.)
  return bundle.loadBundle({ refreshCache: true, takeEarlyGit: startEarlyGit() })("src/cli/process.js");
}

function startEarlyGit() {
  try {
    return require("./early-git.js").startEarlyGit(process.argv.slice(3), process.cwd());
  } catch {
    return undefined; // the scan starts git itself
  }
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
