import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { indexEntries } from "./git-index.js";
import { git, initRepo, tempDir, writeFiles } from "./test-repo.js";

test("indexEntries: the tracked paths of the repository whose top level is the root, in every index version and from a linked worktree", (t) => {
  const { dir, cleanup } = tempDir("vaultshift-index-");
  t.after(cleanup);
  const repo = join(dir, "repo");
  writeFiles(repo, { "a.txt": "a", "src/b.ts": "b", "src/c/d.ts": "d", "e.md": "e", "untracked.txt": "u" });
  initRepo(repo);
  assert.equal(indexEntries(repo), undefined, "a new repository has no index file yet");
  git(repo, "add", "a.txt");
  assert.equal(indexEntries(repo), 1, "untracked files are not in it");
  git(repo, "add", "src", "e.md");
  assert.equal(indexEntries(repo), 4);
  for (const version of ["2", "3", "4"]) {
    git(repo, "update-index", "--index-version", version);
    assert.equal(indexEntries(repo), 4, `index version ${version}`);
  }
  git(repo, "commit", "-q", "-m", "four files");
  const linked = join(dir, "linked");
  git(repo, "worktree", "add", "-q", linked);
  assert.equal(indexEntries(linked), 4, "a worktree's .git is a file naming its git directory");
});

test("indexEntries: undefined where the count would not be this scan's: a subdirectory, no repository, another index, a damaged one", (t) => {
  const { dir, cleanup } = tempDir("vaultshift-index-");
  t.after(cleanup);
  writeFiles(dir, { "a.txt": "a", "sub/b.txt": "b" });
  assert.equal(indexEntries(dir), undefined, "not a repository");
  initRepo(dir);
  git(dir, "add", ".");
  assert.equal(indexEntries(dir), 2);
  assert.equal(indexEntries(join(dir, "sub")), undefined, "a subdirectory: git would list part of the index");
  for (const name of ["GIT_INDEX_FILE", "GIT_DIR"]) {
    const before = process.env[name];
    process.env[name] = join(dir, ".git", name === "GIT_DIR" ? "" : "index");
    try {
      assert.equal(indexEntries(dir), undefined, `${name} set: git reads what it names`);
    } finally {
      if (before === undefined) delete process.env[name];
      else process.env[name] = before;
    }
  }
  writeFileSync(join(dir, ".git", "index"), "not an index at all");
  assert.equal(indexEntries(dir), undefined, "a damaged index");
  writeFileSync(join(dir, ".git", "index"), "DIRC");
  assert.equal(indexEntries(dir), undefined, "a truncated header");
});
