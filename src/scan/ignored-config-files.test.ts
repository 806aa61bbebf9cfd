import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { ignoredConfigFiles, scanTreeAndIgnoredConfig } from "./ignored-config-files.js";
import { scan } from "./scanner.js";
import { tempDir, writeTree } from "../migrate/testing.js";

// A self-hosted app keeps its database password in a git-ignored config file
// (Ghost's config.production.json, NodeBB's config.json): the tree scan never
// sees it, so the plan and verify read those files by name.

const PW = "CANARYigncfg_Rt5Yh8Kp2Wd6";
const tmp = tempDir("ignored-config");
after(() => tmp.remove());

function repo(files: Record<string, string>): string {
  const root = writeTree(tmp.dir, files);
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "first");
  return root;
}

const CONFIG = `{\n  "database": {\n    "connection": { "user": "ghost", "password": "${PW}" }\n  }\n}\n`;

test("the git-ignored configuration files are listed; dependencies, build output, .env files and data files are not", () => {
  const root = repo({
    ".gitignore": "config.production.json\nconfig/local.yaml\nnode_modules/\ndist/\n.env\nnotes.txt\n",
    "index.js": "module.exports = 1;\n",
    "config.production.json": CONFIG,
    "config/local.yaml": `db:\n  password: ${PW}\n`,
    "node_modules/dep/config.json": CONFIG,
    "dist/config.json": CONFIG,
    ".env": `DB_PASSWORD=${PW}\n`,
    "notes.txt": `password ${PW}\n`,
  });
  assert.deepEqual(ignoredConfigFiles(root), ["config.production.json", "config/local.yaml"]);
});

test("outside a git work tree there is nothing git ignores: no file is added", () => {
  const root = writeTree(tmp.dir, { "config.json": CONFIG });
  assert.deepEqual(ignoredConfigFiles(root), []);
});

test("the tree scan misses a password in a git-ignored config file; the scan with ignored configuration files finds it, once", async () => {
  const root = repo({ ".gitignore": "config.production.json\n", "config.production.json": CONFIG, "app.js": "module.exports = {};\n" });
  const plain = await scan({ cwd: root, mode: "tree", workers: 0 });
  assert.equal(plain.findings.filter((f) => f.file === "config.production.json").length, 0, "the tree scan read an ignored file: the test proves nothing");
  const both = await scanTreeAndIgnoredConfig(root);
  const found = both.findings.filter((f) => f.file === "config.production.json");
  assert.equal(found.length, 1);
  assert.equal(found[0]!.line, 3);
  // A file the caller reads itself is skipped.
  const skipped = await scanTreeAndIgnoredConfig(root, new Set(["config.production.json"]));
  assert.equal(skipped.findings.filter((f) => f.file === "config.production.json").length, 0);
});
