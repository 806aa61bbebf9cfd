#!/usr/bin/env node
// `scan` runs from dist/src/cli/scan.bundle.js (one script with a V8 code
// cache, built by scripts/bundle.js) when it is there and matches the dist
// files it was made from; everything else, and a missing or stale bundle,
// loads dist/ as ES modules. A pre-commit hook pays for every millisecond of
// start-up. VAULTSHIFT_NO_BUNDLE=1 forces the ES modules.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

function loadBundle() {
  if (process.argv[2] !== "scan" || process.env.VAULTSHIFT_NO_BUNDLE) return undefined;
  const base = new URL("../dist/src/cli/scan.bundle", import.meta.url);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL(`${base.href}.json`), "utf8"));
  } catch {
    return undefined;
  }
  const distPath = fileURLToPath(new URL("../dist/", import.meta.url));
  for (const f of manifest.files) {
    const st = statSync(distPath + f.id, { throwIfNoEntry: false });
    if (st === undefined || st.size !== f.size) return undefined;
    // A copy (npm pack, the benchmarks' private build) has new mtimes: compare contents then.
    if (st.mtimeMs !== f.mtimeMs && createHash("sha1").update(readFileSync(distPath + f.id)).digest("hex") !== f.sha1) return undefined;
  }
  return run(base, distPath);
}

async function run(base, distPath) {
  const [{ default: vm }, { createRequire }] = await Promise.all([import("node:vm"), import("node:module")]);
  const file = fileURLToPath(`${base.href}.js`);
  const source = readFileSync(file, "utf8");
  let cachedData;
  try {
    cachedData = readFileSync(new URL(`${base.href}.cache`));
  } catch {
    // No cache: V8 compiles as usual.
  }
  const script = new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made by another Node version (V8 checks version, flags and source), or
    // missing: write a new one when this run ends, for the next run. A
    // read-only install simply keeps compiling.
    process.once("exit", () => {
      const cache = fileURLToPath(`${base.href}.cache`);
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
    distUrl: new URL("../dist/", import.meta.url).href,
    distPath,
    importModule: (url) => import(url),
    require: createRequire(import.meta.url),
  });
  return load("src/cli/process.js");
}

// Exit 2 (runtime error), not 1 ("secrets found"), when vaultshift itself cannot load.
try {
  let cli;
  try {
    cli = await loadBundle();
  } catch {
    cli = undefined; // a damaged bundle: the modules still work
  }
  cli ??= await import("../dist/src/cli/process.js");
  process.exitCode = await cli.runProcess(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `vaultshift: could not start: ${error?.message ?? error}\n  Run \`npm run build\` in the vaultshift package (is dist/ missing?).\n`,
  );
  process.exitCode = 2;
}
