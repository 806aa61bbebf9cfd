import { test } from "node:test";
import assert from "node:assert/strict";
import { walk } from "./walker.js";
import { PathFilter } from "./path-filter.js";
import { git, initRepo, tempDir, writeFiles } from "./test-repo.js";

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
