import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { machineLocalFiles } from "./machine-local.js";
import { tempDir, writeTree } from "../migrate/testing.js";

const tmp = tempDir("machine-local");
after(() => tmp.remove());

function git(root: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "ignore", timeout: 10_000 });
}

test("in a git work tree, a file is present everywhere only when git tracks it: git-ignored and untracked files are machine-local, a committed .env.local is not", () => {
  const root = writeTree(`${tmp.dir}/repo`, {
    ".gitignore": ".env.development.local\n",
    ".env": "A=1\n",
    ".env.local": "A=2\n",
    "api/.env": "A=3\n",
    ".env.development.local": "A=4\n",
  });
  git(root, "init", "-q");
  git(root, "add", ".gitignore", ".env.local", "api/.env");
  git(root, "commit", "-q", "-m", "first");
  const local = machineLocalFiles(root, [".env", ".env.local", "api/.env", ".env.development.local"]);
  assert.deepEqual([...local.keys()].sort(), [".env", ".env.development.local"]);
  assert.match(local.get(".env.development.local")!, /git-ignored/);
  assert.match(local.get(".env")!, /not tracked/);
  // From a sub-directory that is the project root of a larger repository, paths stay relative to it.
  assert.deepEqual([...machineLocalFiles(`${root}/api`, [".env"]).keys()], []);
});

test("outside git, a file named *.local or matched by a .gitignore (the root's or its own directory's) is machine-local", () => {
  const root = writeTree(`${tmp.dir}/plain`, {
    ".gitignore": "# secrets\nsecrets.env\n",
    "deploy/.gitignore": ".env.production\n!.env\n",
    ".env": "A=1\n",
    ".env.local": "A=2\n",
    ".env.test.LOCAL": "A=2\n",
    "secrets.env": "A=3\n",
    "deploy/.env": "A=4\n",
    "deploy/.env.production": "A=5\n",
  });
  const local = machineLocalFiles(root, [".env", ".env.local", ".env.test.LOCAL", "secrets.env", "deploy/.env", "deploy/.env.production"]);
  assert.deepEqual([...local.keys()].sort(), [".env.local", ".env.test.LOCAL", "deploy/.env.production", "secrets.env"]);
  assert.match(local.get(".env.local")!, /\*\.local/);
  assert.match(local.get("secrets.env")!, /\.gitignore/);
});
