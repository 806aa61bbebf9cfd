import { test } from "node:test";
import assert from "node:assert/strict";
import { BUILD_OUTPUT_DIRS, DEPENDENCY_DIRS, PathFilter, type PathFilterOptions, type PathVerdict } from "./path-filter.js";
import { hasBinaryExtension, isLockfile } from "./binary.js";
import { isOwnOutput } from "./own-outputs.js";

// PathFilter.check remembers the last directory it saw (listings are sorted):
// its verdicts must not depend on the order of the paths it is asked about.

/** The verdict as check() gave it before it remembered directories: every segment looked up. */
function reference(options: PathFilterOptions, rel: string, committed: boolean): PathVerdict | "other" {
  const defaults = options.defaultExcludes ?? true;
  const dirs = new Set(defaults ? [...DEPENDENCY_DIRS, ...(committed ? [] : BUILD_OUTPUT_DIRS)] : [".git"]);
  const segments = rel.split("/");
  for (let i = 0; i < segments.length - 1; i++) {
    if (dirs.has(segments[i]!)) return "excluded";
    // A cache directory with settings at its top: only those files, and nothing in its directories.
    if (defaults && segments[i] === ".turbo" && (i < segments.length - 2 || segments[i + 1] !== "config.json")) return "excluded";
    // Yarn Berry's committed release, plugins and zero-install cache: third-party, wherever .yarn is.
    if (defaults && segments[i] === ".yarn" && i < segments.length - 2 && ["releases", "plugins", "cache", "unplugged", "sdks"].includes(segments[i + 1]!)) return "excluded";
  }
  // include/exclude/.vaultshiftignore are not re-implemented here: the paths below only differ from
  // the reference where the remembered directory could make a difference.
  if (defaults && isOwnOutput(rel)) return "excluded";
  if (defaults && isLockfile(rel)) return "lockfile";
  if (hasBinaryExtension(rel)) return "binary";
  return "scan";
}

// A seeded generator: the same paths on every run.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["src", "node_modules", "dist", "a", "build", ".git", "lib", "vendorx", "out", ".next", "vendor", "", "x.js", "yarn.lock", "logo.PNG", "vaultshift.plan.json", "README.md", ".env", "nested.dist", ".turbo", "config.json", ".yarn", "releases", "patches"];

function randomPath(next: () => number): string {
  const depth = 1 + Math.floor(next() * 5);
  const parts: string[] = [];
  for (let i = 0; i < depth; i++) parts.push(NAMES[Math.floor(next() * NAMES.length)]!);
  return parts.join("/") + (next() < 0.05 ? "/" : "");
}

test("PathFilter.check gives each path the same verdict in any order, sorted or not", () => {
  const next = rng(7);
  const paths = Array.from({ length: 4000 }, () => randomPath(next));
  // Runs of paths in one directory, as a sorted listing gives them, and the same paths shuffled.
  const sorted = [...paths].sort();
  for (const options of [{}, { defaultExcludes: false }] satisfies PathFilterOptions[]) {
    for (const order of [sorted, paths, [...sorted].reverse()]) {
      const filter = new PathFilter(options);
      // Committed and generated paths mixed, as a history scan after a walk would ask.
      for (const [i, rel] of order.entries()) {
        const committed = i % 3 === 0;
        assert.equal(filter.check(rel, committed), reference(options, rel, committed), `${JSON.stringify(options)} ${rel} committed=${committed}`);
      }
    }
  }
});

test("Yarn Berry's committed third-party files (.yarn/releases, plugins, cache, unplugged, sdks) are skipped tracked or not; the project's own .yarn/patches and .yarnrc.yml are scanned", () => {
  const filter = new PathFilter({});
  for (const rel of [".yarn/releases/yarn-4.0.0-rc.26.cjs", ".yarn/plugins/@yarnpkg/plugin-interactive-tools.cjs", ".yarn/cache/lodash-npm-4.17.21-6382451519-eb835a2e51.zip", ".yarn/unplugged/esbuild-npm-0.19.0/node_modules/esbuild/install.js", ".yarn/sdks/typescript/lib/tsserver.js", "apps/web/.yarn/releases/yarn-3.6.0.cjs"]) {
    assert.equal(filter.check(rel, true), "excluded", rel);
  }
  for (const rel of [".yarn/patches/pkg-npm-1.0.0.patch", ".yarnrc.yml", ".yarn/install-state.gz", "releases/notes.md", "src/releases/index.js", ".yarn/releasesx/a.js"]) assert.notEqual(filter.check(rel, true), "excluded", rel);
  assert.equal(filter.enterDirectory(".yarn/releases"), false);
  assert.equal(filter.enterDirectory("apps/web/.yarn/cache"), false);
  assert.equal(filter.enterDirectory(".yarn/patches"), true);
  assert.equal(filter.enterDirectory("releases"), true);
  assert.ok(filter.gitExcludePatterns.includes("**/.yarn/releases/"));
  const everything = new PathFilter({ defaultExcludes: false });
  assert.equal(everything.check(".yarn/releases/yarn-4.0.0-rc.26.cjs", true), "scan", "--no-default-excludes scans it");
});

test("PathFilter.check: a default skip anywhere above a file excludes it; a file named like one does not", () => {
  const filter = new PathFilter({});
  assert.equal(filter.check("a/node_modules/b/c.js"), "excluded");
  assert.equal(filter.check("a/node_modules/b/d.js"), "excluded");
  assert.equal(filter.check("a/node_modules"), "scan");
  assert.equal(filter.check("a/dist.js"), "scan");
  assert.equal(filter.check("dist/a.js"), "excluded");
  assert.equal(filter.check("a/b/yarn.lock"), "lockfile");
  assert.equal(filter.check("a/b/x.PNG"), "binary");
  assert.equal(filter.check("x.js"), "scan");
  assert.equal(new PathFilter({ defaultExcludes: false }).check("dist/a.js"), "scan");
  // Committed (tracked, staged, in a commit, named): build output is scanned, dependencies are not.
  assert.equal(filter.check("dist/a.js", true), "scan");
  assert.equal(filter.check("web/.next/server/chunks/1.js", true), "scan");
  assert.equal(filter.check("dist/node_modules/x.js", true), "excluded");
  assert.equal(filter.check("vendor/dist/x.js", true), "excluded");
  assert.equal(filter.check("a/node_modules/b/c.js", true), "excluded");
  assert.equal(filter.check("dist/a.js"), "excluded");
  assert.equal(filter.enterDirectory("pkg/dist"), false, "the directory walk (untracked) never enters build output");
  assert.equal(new PathFilter({ defaultExcludes: false }).check("a/.git/config"), "excluded");
  // Turborepo's cache directory: `turbo link` writes the remote cache token to its config.json; the rest is cache.
  assert.equal(filter.check(".turbo/config.json"), "scan");
  assert.equal(filter.check("apps/web/.turbo/config.json", true), "scan");
  assert.equal(filter.check("apps/web/.turbo/turbo-build.log"), "excluded");
  assert.equal(filter.check("apps/web/.turbo/turbo-build.log", true), "excluded", "a committed task log is still cache");
  assert.equal(filter.check(".turbo/cache/config.json", true), "excluded");
  assert.equal(filter.check(".turbo/cache/7f3a.tar.zst"), "excluded");
  assert.equal(filter.check("dist/.turbo/config.json"), "excluded", "generated build output still wins");
  assert.equal(filter.check("node_modules/x/.turbo/config.json", true), "excluded");
  assert.equal(filter.enterDirectory(".turbo"), true);
  assert.equal(filter.enterDirectory("apps/web/.turbo/cache"), false);
  assert.equal(filter.enterDirectory(".turbo/runs"), false);
  // include/exclude still see the whole path after a directory verdict was remembered.
  const globbed = new PathFilter({ exclude: ["src/secret*"], include: ["src/**"] });
  assert.equal(globbed.check("src/a.js"), "scan");
  assert.equal(globbed.check("src/secret.js"), "excluded");
  assert.equal(globbed.check("lib/a.js"), "excluded");
  assert.equal(globbed.check("src/b.js"), "scan");
});
