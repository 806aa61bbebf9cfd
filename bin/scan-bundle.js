"use strict";
// Compiles dist/src/cli/scan.bundle.js (scripts/bundle.js) with its V8 code
// cache and returns its loader, for the main thread (bin/vaultshift.js) and
// for each scan worker thread (bin/scan-worker.js): one bundle, one cache,
// so that a worker neither resolves and compiles the ~70 ES modules of the
// engine nor parses its source again (vm.Script `cachedData`,
// https://nodejs.org/docs/latest-v20.x/api/vm.html#new-vmscriptcode-options).
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require("node:fs");
const { pathToFileURL } = require("node:url");
const { join, sep } = require("node:path");

const distPath = join(__dirname, "..", "dist") + sep;
const distUrl = pathToFileURL(distPath).href;
const base = join(distPath, "src", "cli", "scan.bundle");

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

/**
 * The bundle's `load(id)`. `refreshCache`: when the cache is missing or V8
 * rejects it (another Node version: V8 checks version, flags and source),
 * write a new one as the process exits (the main thread only: a worker's
 * would race it).
 */
function loadBundle({ refreshCache }) {
  const file = `${base}.js`;
  const source = readFileSync(file, "utf8");
  let cachedData;
  try {
    cachedData = readFileSync(`${base}.cache`);
  } catch {
    // No cache: V8 compiles as usual.
  }
  const vm = require("node:vm");
  const script = new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (refreshCache && (cachedData === undefined || script.cachedDataRejected)) {
    process.once("exit", () => writeAtomically(`${base}.cache`, script.createCachedData()));
  }
  return script.runInThisContext()({
    distUrl,
    distPath,
    importModule: (url) => import(url),
    require,
    // What the pool starts its workers with (src/scan/worker-pool.ts).
    bundle: { worker: join(__dirname, "scan-worker.js") },
  });
}

module.exports = { base, distPath, distUrl, loadBundle, writeAtomically };
