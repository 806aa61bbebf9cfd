#!/usr/bin/env node
// Runs every compiled test file (dist/**/*.test.js) with node's own test runner.
// Node 20's `--test` takes no glob, so the files are collected here; the closing
// summary is node's own. Extra arguments narrow the run: `node scripts/run-tests.js devserver`
// runs only the test files whose path contains "devserver".
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const filters = process.argv.slice(2);

function collect(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith(".test.js")) out.push(full);
  }
  return out;
}

const files = collect(dist, []).filter((f) => {
  const rel = relative(root, f);
  return filters.length === 0 || filters.some((x) => rel.includes(x));
});
if (files.length === 0) {
  console.error(`run-tests: no compiled test files under ${dist}${filters.length ? ` matching ${filters.join(", ")}` : ""}. Run \`npm run build\` first.`);
  process.exit(2);
}
const reporter = process.env.TEST_REPORTER ?? "spec";
const result = spawnSync(process.execPath, ["--test", `--test-reporter=${reporter}`, ...files], {
  stdio: "inherit",
  cwd: root,
  env: { ...process.env, VAULTSHIFT_TEST: "1" },
});
process.exit(result.status ?? 1);
