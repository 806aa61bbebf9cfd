import { test } from "node:test";
import assert from "node:assert/strict";
import { compileGlob, GlobSet } from "./glob.js";
import { IgnoreFile, isIgnored, isIgnoredWithParents } from "./ignore.js";

// Cases from gitignore(5) "PATTERN FORMAT" and its examples.

test("a pattern without a slash matches a name at any depth", () => {
  const g = compileGlob("*.log");
  assert.ok(g.regex.test("a.log"));
  assert.ok(g.regex.test("deep/dir/a.log"));
  assert.ok(!g.regex.test("a.log.txt"));
  assert.ok(!g.regex.test("alog"));
});

test("a leading or middle slash anchors the pattern to its base directory", () => {
  assert.ok(compileGlob("/build").regex.test("build"));
  assert.ok(!compileGlob("/build").regex.test("src/build"));
  assert.ok(compileGlob("doc/frotz").regex.test("doc/frotz"));
  assert.ok(!compileGlob("doc/frotz").regex.test("a/doc/frotz"));
});

test("* and ? never cross a slash; ** does where gitignore says so", () => {
  assert.ok(!compileGlob("foo/*").regex.test("foo/bar/baz"));
  assert.ok(compileGlob("foo/*").regex.test("foo/bar"));
  assert.ok(compileGlob("**/foo").regex.test("foo"));
  assert.ok(compileGlob("**/foo").regex.test("a/b/foo"));
  assert.ok(compileGlob("abc/**").regex.test("abc/x/y"));
  assert.ok(compileGlob("a/**/b").regex.test("a/b"));
  assert.ok(compileGlob("a/**/b").regex.test("a/x/y/b"));
  assert.ok(!compileGlob("a/**/b").regex.test("a/x/c"));
  assert.ok(compileGlob("?.txt").regex.test("a.txt"));
  assert.ok(!compileGlob("?.txt").regex.test("ab.txt"));
});

test("character classes, negated classes and escapes", () => {
  assert.ok(compileGlob("file[0-9].txt").regex.test("file7.txt"));
  assert.ok(!compileGlob("file[!0-9].txt").regex.test("file7.txt"));
  assert.ok(compileGlob("file[!0-9].txt").regex.test("filex.txt"));
  assert.ok(compileGlob("\\*star").regex.test("*star"));
  assert.ok(!compileGlob("\\*star").regex.test("xstar"));
});

test("a trailing slash matches directories only", () => {
  const f = new IgnoreFile("", "logs/\n");
  assert.equal(isIgnored([f], "logs", true), true);
  assert.equal(isIgnored([f], "logs", false), false);
  assert.equal(isIgnoredWithParents([f], "logs/a.txt"), true);
});

test("negation re-includes, the last matching pattern wins, comments and blanks are skipped", () => {
  const f = new IgnoreFile("", "# comment\n\n*.env\n!.env.example\n\\#hash\n");
  assert.equal(isIgnored([f], ".env", false), true);
  assert.equal(isIgnored([f], "config/prod.env", false), true);
  assert.equal(isIgnored([f], ".env.example", false), false);
  assert.equal(isIgnored([f], "#hash", false), true);
  assert.equal(isIgnored([f], "# comment", false), false);
});

test("a nested ignore file applies below its directory and overrides its parents", () => {
  const root = new IgnoreFile("", "*.secret\n");
  const nested = new IgnoreFile("pkg", "!keep.secret\n/local.txt\n");
  const stack = [root, nested];
  assert.equal(isIgnored(stack, "a.secret", false), true);
  assert.equal(isIgnored(stack, "pkg/keep.secret", false), false);
  assert.equal(isIgnored(stack, "pkg/other.secret", false), true);
  assert.equal(isIgnored(stack, "pkg/local.txt", false), true);
  assert.equal(isIgnored(stack, "pkg/sub/local.txt", false), false);
  assert.equal(isIgnored(stack, "local.txt", false), false);
});

test("trailing spaces are dropped unless escaped", () => {
  const f = new IgnoreFile("", "a.txt   \nb\\ \n");
  assert.equal(isIgnored([f], "a.txt", false), true);
  assert.equal(isIgnored([f], "b ", false), true);
});

test("GlobSet matches a path through its parent directories and supports {a,b}", () => {
  const set = new GlobSet(["docs", "test/**/*.{js,ts}"]);
  assert.ok(set.matches("docs/guide/a.md"));
  assert.ok(set.matches("test/unit/x.ts"));
  assert.ok(set.matches("test/x.js"));
  assert.ok(!set.matches("test/x.py"));
  assert.ok(!set.matches("src/docs.txt"));
});
