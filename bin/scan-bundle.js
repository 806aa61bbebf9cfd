"use strict";
// Compiles dist/src/cli/scan.bundle.js (scripts/bundle.js) with its V8 code
// cache and returns its loader, for the main thread (bin/vaultshift.js) and
// for each scan worker thread (bin/scan-worker.js): one bundle, one cache,
// so that a worker neither resolves and compiles the ~70 ES modules of the
// engine nor parses its source again (vm.Script `cachedData`,
// https://nodejs.org/docs/latest-v20.x/api/vm.html#new-vmscriptcode-options).
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require("node:fs");
const { pathToFileURL } = require("node:url");
const { dirname, join, sep } = require("node:path");

const distPath = join(__dirname, "..", "dist") + sep;
const distUrl = pathToFileURL(distPath).href;
const base = join(distPath, "src", "cli", "scan.bundle");

/**
 * V8 flags of a `scan` process, set before any of the engine is compiled.
 *
 * TurboFan inlines callees into a hot function up to 920 bytes of bytecode
 * in all (V8's --max-inlined-bytecode-size-cumulative); the engine's hot
 * functions (detectGeneric, valueAfter, runJob, findKeywords) are each
 * optimised 4-6 times per thread, as branches first met late in a scan
 * ("insufficient type feedback") throw the optimised code away, and each
 * recompile redid every inlined callee. With 300 a recompile is smaller:
 * corpus scan (335 MB, all files, load 10-15, CPU-s user + sys, alternated)
 * default pool 6.84/6.45/6.35/6.18 -> 6.18/6.24/6.00/5.90, --workers 0
 * 5.01/5.40/5.02 -> 4.75/4.99/4.76; the generic detector alone over the
 * corpus in memory: first pass 903-973 -> 805-821 ms, later passes the same
 * (docs/benchmarks.md, session 6, alloc). V8 checks the flags' hash when it
 * takes a code cache: scripts/bundle.js makes the bundle's cache under these
 * flags, and a worker thread shares its process's flags.
 *
 * --no-regexp-tier-up: V8 runs a new regular expression in its bytecode
 * interpreter first and compiles it to machine code on the next execution,
 * so every rule pattern a scan runs twice is compiled twice. Compiling
 * straight to machine code saves the first compile: `scan --history` on the
 * bench's generated repository 1,588/1,595 -> 1,521/1,562 M instructions
 * (valgrind callgrind, whole process), main thread 1,267 -> 1,206 M;
 * `--staged` (5 files) 877/883 -> 862/850 M; the same findings
 * (docs/benchmarks.md, session 22). Interpreting every expression instead
 * (--regexp-interpret-all) costs more: 1,686/1,688 M.
 *
 * --interrupt-budget 4x V8's default (67,584): a function is optimised after
 * more of its bytecode has run, with more type feedback, so TurboFan throws
 * less optimised code away and recompiles less. With both flags,
 * `scan --history` 1,345 M instructions (TurboFan's threads 322 -> 74 M, the
 * main thread the same), 30 alternated runs: wall 530 -> 480 ms, CPU 710 ->
 * 620 ms; the corpus (all files, default pool, 3 alternated runs) 12.6 CPU-s
 * before, 12.0 after, the same findings; date-fns alone, one thread, 5,097 -> 4,097 M at 8x.
 * Turning TurboFan off (--max-opt=1) costs more: 1,813 M on the history.
 */
const V8_FLAGS = "--max-inlined-bytecode-size-cumulative=300 --no-regexp-tier-up --interrupt-budget=270336";

function setV8Flags() {
  require("node:v8").setFlagsFromString(V8_FLAGS);
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

/**
 * @babel/parser, compiled with a V8 code cache (src/scan/babel-parser.ts asks
 * for it through \`import.meta.bundle.parser\`). `cacheFile` holds the SHA-1 of
 * the parser's source (40 hex characters) and then V8's data: V8 itself
 * checks only the source's length, and another parser version with a
 * stale cache must not run. Returns the module's exports, whether the cache
 * was missing or not used, and \`save()\`, which writes one from what has
 * been compiled so far.
 */
function compileParser(cacheFile) {
  const file = require.resolve("@babel/parser");
  const source = readFileSync(file);
  const sha1 = require("node:crypto").createHash("sha1").update(source).digest("hex");
  let cachedData;
  try {
    const stored = readFileSync(cacheFile);
    if (stored.subarray(0, 40).toString("latin1") === sha1) cachedData = stored.subarray(40);
  } catch {
    // No cache: V8 compiles as usual.
  }
  const vm = require("node:vm");
  // The wrapper CommonJS gives a module (https://nodejs.org/docs/latest-v20.x/api/modules.html#the-module-wrapper).
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.toString("utf8")}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const parserModule = { exports: {} };
  script.runInThisContext().call(parserModule.exports, parserModule.exports, require("node:module").createRequire(file), parserModule, file, dirname(file));
  return {
    exports: parserModule.exports,
    fresh: cachedData === undefined || script.cachedDataRejected === true,
    save: () => writeAtomically(cacheFile, Buffer.concat([Buffer.from(sha1, "latin1"), script.createCachedData()])),
  };
}

/**
 * The bundle's `load(id)`. `refreshCache`: when the cache is missing or V8
 * rejects it (another Node version: V8 checks version, flags and source),
 * write a new one as the process exits (the main thread only: a worker's
 * would race it). `takeEarlyGit`: early-git.js's hand-over of a `git log`
 * started before the bundle loaded (src/scan/git-source.ts historyJobs).
 */
function loadBundle({ refreshCache, takeEarlyGit }) {
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
    bundle: {
      // What the pool starts its workers with (src/scan/worker-pool.ts).
      worker: join(__dirname, "scan-worker.js"),
      ...(takeEarlyGit ? { takeEarlyGit } : {}),
      parser: () => {
        const p = compileParser(`${base}.parser.cache`);
        // Written at exit, after this scan's parses: the cache then holds the functions they compiled.
        if (refreshCache && p.fresh) process.once("exit", p.save);
        return p.exports;
      },
    },
  });
}

module.exports = { base, compileParser, distPath, distUrl, loadBundle, setV8Flags, V8_FLAGS, writeAtomically };
