import { test } from "node:test";
import assert from "node:assert/strict";
import { walk } from "./walker.js";
import { PathFilter } from "./path-filter.js";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { commitFiles, git, GIT_TEST_ENV, initRepo, tempDir, writeFiles } from "./test-repo.js";

// Differential test of our gitignore matcher (used outside git repositories)
// against git itself: the same tree, listed by our walker without git and by
// `git ls-files --others --exclude-standard` after `git init`.

const IGNORES: Record<string, string> = {
  ".gitignore": [
    "# comment",
    "*.log",
    "!keep.log",
    "/root-only.txt",
    "build/",
    "docs/**/draft-*",
    "**/tmp",
    "cache/*",
    "!cache/important",
    "secret?.txt",
    "file[0-9].cfg",
    "\\#literal",
    "trailing-space.txt   ",
    "a/**/z.txt",
    "*.bak/",
  ].join("\n"),
  "pkg/.gitignore": ["*.gen.js", "!keep.gen.js", "/local.txt", "sub/"].join("\n"),
  "deep/nested/.gitignore": ["*", "!*.md", "!*/"].join("\n"),
};

const FILES = [
  "a.log", "keep.log", "x/y/z.log", "x/y/keep.log",
  "root-only.txt", "x/root-only.txt",
  "build/out.js", "src/build/out.js", "src/build.js",
  "docs/draft-1.md", "docs/a/b/draft-2.md", "docs/final.md",
  "tmp/t.txt", "x/tmp/t.txt", "x/tmpfile.txt",
  "cache/a.txt", "cache/important", "cache/deeper/b.txt",
  "secret1.txt", "secret12.txt", "x/secretA.txt",
  "file7.cfg", "fileX.cfg",
  "#literal", "trailing-space.txt",
  "a/z.txt", "a/b/c/z.txt", "a/b/c/y.txt",
  "old.bak/f.txt", "old.bak2/f.txt",
  "pkg/x.gen.js", "pkg/keep.gen.js", "pkg/deeper/y.gen.js", "pkg/local.txt", "pkg/deeper/local.txt", "pkg/sub/s.txt", "pkg/other/sub/s.txt",
  "deep/nested/a.txt", "deep/nested/b.md", "deep/nested/more/c.md", "deep/nested/more/d.txt",
  "plain.txt",
];

test("outside git, the walker ignores exactly what git ignores", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  const files: Record<string, string> = { ...IGNORES };
  for (const f of FILES) files[f] = "x\n";
  writeFiles(dir, files);
  const ours = (await walk({ root: dir, filter: new PathFilter({ defaultExcludes: false }), useGit: false })).files.map((f) => f.rel).sort();
  initRepo(dir);
  const theirs = git(dir, "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard").split("\n").filter(Boolean).sort();
  assert.deepEqual(ours, theirs);
  // And inside git the walker agrees with git by construction.
  const inGit = await walk({ root: dir, filter: new PathFilter({ defaultExcludes: false }) });
  assert.equal(inGit.lister, "git");
  assert.deepEqual(inGit.files.map((f) => f.rel).sort(), theirs);
});

test("manyFiles: called once, during the listing, as it reaches the count, by git and by the directory walk", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  const files: Record<string, string> = { ".gitignore": "ignored/\n" };
  for (let i = 0; i < 30; i++) files[`d${i % 3}/f${i}.txt`] = "x\n";
  for (let i = 0; i < 30; i++) files[`ignored/g${i}.txt`] = "x\n";
  writeFiles(dir, files);
  const filter = new PathFilter({ defaultExcludes: false });
  const listing = async (useGit: boolean, count: number) => {
    let calls = 0;
    let ended = false;
    let calledBeforeEnd = false;
    const r = await walk({
      root: dir,
      filter,
      useGit,
      manyFiles: {
        count,
        call: () => {
          calls += 1;
          calledBeforeEnd = !ended;
        },
      },
    }).finally(() => (ended = true));
    return { calls, calledBeforeEnd, files: r.files.length, lister: r.lister };
  };

  const fs = await listing(false, 10);
  assert.equal(fs.lister, "fs");
  assert.equal(fs.files, 31, "30 files and the .gitignore");
  assert.equal(fs.calls, 1);
  assert.ok(fs.calledBeforeEnd);
  assert.equal((await listing(false, 32)).calls, 0, "fewer files than the count: never called");

  initRepo(dir);
  const inGit = await listing(true, 10);
  assert.equal(inGit.lister, "git");
  assert.equal(inGit.files, 31);
  assert.equal(inGit.calls, 1);
  assert.ok(inGit.calledBeforeEnd);
  assert.equal((await listing(true, 32)).calls, 0);
});

test("a directory named on the command line of which nothing is scanned gets a note, by git and by the directory walk", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  writeFiles(dir, { ".gitignore": "generated/\n", "generated/a.js": "x\n", "build/b.js": "x\n", "src/c.js": "x\n" });
  const filter = new PathFilter({});
  for (const useGit of [false, true]) {
    if (useGit) initRepo(dir);
    const r = await walk({ root: dir, filter, useGit, paths: ["generated", "build", "src"] });
    assert.deepEqual(r.files.map((f) => f.rel), ["src/c.js"]);
    assert.deepEqual(
      r.notes.map((n) => n.slice(0, n.indexOf(":"))),
      ["generated/", "build/"],
      `${useGit ? "git" : "walk"}: ${r.notes.join(" | ")}`,
    );
    // Without paths (the whole tree), an excluded directory is the default, not a surprise: no note.
    assert.deepEqual((await walk({ root: dir, filter, useGit })).notes, []);
  }
});

test("a Turborepo cache directory: its config.json (where `turbo link` writes the remote cache token) is listed, its cache, runs and logs are not, by git and by the directory walk", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  writeFiles(dir, {
    ".turbo/config.json": "{}\n",
    ".turbo/turbo-build.log": "x\n",
    ".turbo/cache/7f3a-meta.json": "x\n",
    "apps/web/.turbo/config.json": "{}\n",
    "apps/web/.turbo/runs/r1.json": "x\n",
    "apps/web/src/a.js": "x\n",
    "node_modules/dep/.turbo/config.json": "{}\n",
  });
  const filter = new PathFilter({});
  const want = [".turbo/config.json", "apps/web/.turbo/config.json", "apps/web/src/a.js"];
  for (const useGit of [false, true]) {
    if (useGit) initRepo(dir);
    const r = await walk({ root: dir, filter, useGit });
    assert.deepEqual(r.files.map((f) => f.rel).sort(), want, useGit ? "git" : "walk");
  }
  // Committed, the cache is still cache.
  git(dir, "add", "-f", ".");
  git(dir, "commit", "-q", "-m", "all");
  assert.deepEqual((await walk({ root: dir, filter, useGit: true })).files.map((f) => f.rel).sort(), want);
});

test("a file in conflict (three stages in git's index) is listed once, and a file also named on the command line once", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  initRepo(dir);
  writeFiles(dir, { "c.txt": "base\n", "other.txt": "x\n" });
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "base");
  git(dir, "checkout", "-q", "-b", "side");
  writeFiles(dir, { "c.txt": "side\n" });
  git(dir, "commit", "-q", "-am", "side");
  git(dir, "checkout", "-q", "-");
  writeFiles(dir, { "c.txt": "main\n" });
  git(dir, "commit", "-q", "-am", "main");
  try {
    git(dir, "merge", "-q", "side");
  } catch {
    // the conflict this test needs
  }
  // git lists the conflicted file once per stage.
  assert.deepEqual(git(dir, "ls-files", "--cached").split("\n").filter(Boolean), ["c.txt", "c.txt", "c.txt", "other.txt"]);
  const listed = await walk({ root: dir, filter: new PathFilter({}) });
  assert.equal(listed.lister, "git");
  assert.deepEqual(listed.files.map((f) => f.rel), ["c.txt", "other.txt"]);
  const named = await walk({ root: dir, paths: ["other.txt", "."], filter: new PathFilter({}) });
  assert.deepEqual(named.files.map((f) => f.rel).sort(), ["c.txt", "other.txt"]);
});

test("gitOutlasted: called once when git is still listing as the work beside it ends, never when git ended first or without git", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  writeFiles(dir, { "a.txt": "x\n", "b/c.txt": "x\n" });
  const filter = new PathFilter({ defaultExcludes: false });
  const listing = async (useGit: boolean, whileGitRuns: () => Promise<void>) => {
    let calls = 0;
    const r = await walk({ root: dir, filter, useGit, whileGitRuns, gitOutlasted: () => (calls += 1) });
    return { calls, files: r.files.length, lister: r.lister };
  };
  initRepo(dir);
  // Resolved at once: git has not even been read from yet.
  assert.deepEqual(await listing(true, async () => undefined), { calls: 1, files: 2, lister: "git" });
  // Two files: git has long exited after a second.
  assert.deepEqual(await listing(true, () => new Promise((resolve) => setTimeout(resolve, 1000))), { calls: 0, files: 2, lister: "git" });
  assert.deepEqual(await listing(false, async () => undefined), { calls: 0, files: 2, lister: "fs" });
});

/** What the scan would list: git's single `ls-files --cached --others` of the tree, through the same filter. */
function gitsOwnListing(dir: string, filter: PathFilter): string[] {
  const out = execFileSync("git", ["-c", "core.quotePath=false", "ls-files", "-z", "--cached", "--others", "--exclude-standard", ...filter.gitExcludePatterns.map((p) => `--exclude=${p}`)], { cwd: dir, env: GIT_TEST_ENV });
  const paths: string[] = [];
  for (const p of out.toString("utf8").split("\0")) if (p !== "" && p !== paths[paths.length - 1] && filter.check(p) === "scan") paths.push(p);
  return paths;
}

/** A tree whose top directory has entries git's pathspecs would read as globs or magic, tracked and untracked files, ignored ones. */
function streamTree(dir: string): void {
  writeFiles(dir, {
    ".gitignore": "ignored/\n*.log\n",
    "a/x.txt": "x\n",
    "a/pic.png": "x\n",
    "a-b/x.txt": "x\n",
    "a.txt": "x\n",
    "*/star.txt": "x\n",
    "[ab]/class.txt": "x\n",
    ":(icase)A/magic.txt": "x\n",
    "é dir/ü.txt": "x\n",
    "ignored/no.txt": "x\n",
    "node_modules/dep/index.js": "x\n",
    "top.log": "x\n",
    "src/app.js": "x\n",
    "src/deep/er/more.js": "x\n",
    "tracked/t.txt": "x\n",
  });
  initRepo(dir);
  git(dir, "add", "tracked", "src/app.js", ".gitignore");
  git(dir, "add", "-f", "node_modules/dep/index.js");
  git(dir, "commit", "-q", "-m", "some tracked");
  // Tracked, then deleted from the working tree: git's index still lists it.
  writeFiles(dir, { "tracked/gone.txt": "x\n" });
  git(dir, "add", "tracked/gone.txt");
  git(dir, "commit", "-q", "-m", "gone");
  rmSync(join(dir, "tracked/gone.txt"));
}

test("stream: the top directory's listing comes in lists, each handed out once as it ends; together, in key order, they are git's own listing", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  streamTree(dir);
  for (const defaultExcludes of [true, false]) {
    const filter = new PathFilter({ defaultExcludes });
    const handed: { key: number; rels: string[] }[] = [];
    const r = await walk({ root: dir, filter, stream: (files, key) => handed.push({ key, rels: files.map((f) => f.rel) }) });
    assert.equal(r.lister, "git");
    assert.ok(handed.length >= 2, `several lists: ${JSON.stringify(handed)}`);
    assert.equal(new Set(handed.map((h) => h.key)).size, handed.length, "each key once");
    assert.ok(handed.every((h) => h.rels.length > 0));
    const expected = gitsOwnListing(dir, filter);
    assert.ok(expected.includes("*/star.txt") && expected.includes(":(icase)A/magic.txt") && expected.includes("tracked/gone.txt"));
    assert.equal(expected.includes("node_modules/dep/index.js"), !defaultExcludes);
    const inOrder = handed.sort((a, b) => a.key - b.key).flatMap((h) => h.rels);
    assert.deepEqual([...inOrder, ...r.rest!.map((f) => f.rel)], expected);
    assert.deepEqual(r.files.map((f) => f.rel), expected);
    // Without `stream`, the same files in the same order.
    assert.deepEqual((await walk({ root: dir, filter })).files.map((f) => f.rel), expected);
  }
});

test("stream: nothing is handed out for a listing of one git command (a subdirectory, paths named, outside git)", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  writeFiles(dir, { "a/x.txt": "x\n", "b/y.txt": "x\n", "c/z.txt": "x\n" });
  const filter = new PathFilter({});
  const listing = async (root: string, paths?: string[]) => {
    let handed = 0;
    const r = await walk({ root, paths, filter, stream: () => (handed += 1) });
    return { handed, rest: r.rest!.map((f) => f.rel), lister: r.lister };
  };
  assert.deepEqual(await listing(dir), { handed: 0, rest: ["a/x.txt", "b/y.txt", "c/z.txt"], lister: "fs" });
  initRepo(dir);
  assert.deepEqual(await listing(dir, ["a", "b"]), { handed: 0, rest: ["a/x.txt", "b/y.txt"], lister: "git" });
  assert.deepEqual(await listing(join(dir, "a")), { handed: 0, rest: ["x.txt"], lister: "git" });
  // A top directory of hundreds of entries: one command (git matches every path against every pathspec).
  writeFiles(dir, Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`top${i}.txt`, "x\n"])));
  const many = await listing(dir);
  assert.equal(many.handed, 0);
  assert.equal(many.rest.length, 303);
});

/**
 * A `git` first on PATH that runs the real one, except for the index's
 * listing (`--cached` alone), which writes part of a path and fails, after
 * `delay` seconds: the untracked lists end well before it.
 */
function failingGit(bin: string, delay: number): void {
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(
    join(bin, "git"),
    `#!/bin/sh\ncase " $* " in\n  *" --cached -- . "*) sleep ${delay}; printf 'tracked/t.txt\\0cut-sho'; exit 1 ;;\nesac\nexec ${JSON.stringify(real)} "$@"\n`,
    { mode: 0o755 },
  );
}

test("stream: a git command failing after other lists were handed out loses no file and scans none twice; the rest comes from the directory walk, with a note", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  streamTree(dir);
  const bin = join(dir, ".git", "fake-bin");
  mkdirSync(bin);
  const path = process.env.PATH;
  t.after(() => (process.env.PATH = path));
  const filter = new PathFilter({});
  // What git lists and the files the directory walk finds (tracked/gone.txt is in neither once deleted… but in git's index).
  const expected = gitsOwnListing(dir, filter).filter((rel) => rel !== "tracked/gone.txt");
  for (const delay of [0, 1]) {
    failingGit(bin, delay);
    process.env.PATH = `${bin}:${path}`;
    const handed: string[][] = [];
    const r = await walk({ root: dir, filter, stream: (files) => handed.push(files.map((f) => f.rel)) });
    process.env.PATH = path;
    const all = [...handed.flat(), ...r.rest!.map((f) => f.rel)];
    assert.equal(new Set(all).size, all.length, `no file twice (delay ${delay})`);
    assert.deepEqual([...all].sort(), [...expected].sort(), `every file once (delay ${delay})`);
    assert.deepEqual([...r.files.map((f) => f.rel)].sort(), [...expected].sort());
    assert.equal(r.lister, "fs");
    if (delay === 1) {
      assert.ok(handed.length >= 1, "the untracked lists ended first and were handed out");
      assert.ok(r.notes.some((n) => n.startsWith("git ls-files failed after listing part of the tree")), JSON.stringify(r.notes));
    }
    // Without `stream` the failure falls back to the walk too, silently as before.
    process.env.PATH = `${bin}:${path}`;
    const plain = await walk({ root: dir, filter });
    process.env.PATH = path;
    assert.deepEqual([...plain.files.map((f) => f.rel)].sort(), [...expected].sort());
    assert.deepEqual(r.skipped, plain.skipped, `each path not taken counted once (delay ${delay})`);
  }
});

test("a repository named from outside it lists what it tracks, a committed file a later .gitignore ignores included, as from inside; its untracked ignored files stay out", async (t) => {
  const { dir: outside, cleanup } = tempDir("vaultshift-walk-");
  t.after(cleanup);
  const repo = join(outside, "app");
  mkdirSync(repo);
  initRepo(repo);
  commitFiles(repo, "first", { ".env": "TOKEN=x\n", "src/a.js": "x\n" });
  commitFiles(repo, "ignore", { ".gitignore": ".env\n*.log\n" });
  writeFiles(repo, { "debug.log": "x\n", "src/new.js": "x\n" });
  const fromInside = (await walk({ root: repo, filter: new PathFilter({}) })).files.map((f) => f.rel).sort();
  assert.deepEqual(fromInside, [".env", ".gitignore", "src/a.js", "src/new.js"]);
  const fromOutside = (await walk({ root: outside, paths: ["app"], filter: new PathFilter({}) })).files.map((f) => f.rel).sort();
  assert.deepEqual(fromOutside, fromInside.map((f) => `app/${f}`));
});
