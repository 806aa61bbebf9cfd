import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { historyLogArgs } from "../scan/git-source.js";
import { commitFiles, initRepo, tempDir } from "../scan/test-repo.js";

// bin/early-git.js starts `git log` for `scan --history` / `--since REF`
// before the scan bundle loads; git-source.ts takes the child only when its
// own command would be the same (src/cli/bundle.test.ts runs the scans).

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const { historyArgs, startEarlyGit } = createRequire(import.meta.url)(join(repoRoot, "bin", "early-git.js")) as {
  historyArgs: (argv: string[]) => string[] | undefined;
  startEarlyGit: (argv: string[], cwd: string) => ((args: string[], cwd: string) => unknown) | undefined;
};

test("early git: the bin's git log arguments are the ones historyJobs runs, for --history and --since, whatever else the argv holds", () => {
  assert.deepEqual(historyArgs(["--history"]), historyLogArgs({}, []));
  assert.deepEqual(historyArgs(["--since", "origin/main"]), historyLogArgs({ since: "origin/main" }, []));
  assert.deepEqual(historyArgs(["--since=HEAD~3"]), historyLogArgs({ since: "HEAD~3" }, []));
  assert.deepEqual(historyArgs(["--format", "json", "-o", "r.json", "--history", "--ci", "--no-baseline", "--workers=0", "-c", "x.json", "--baseline", "b.json"]), historyLogArgs({}, []));
  assert.deepEqual(historyArgs(["--since", "v1.2.0", "--since", "release/2.x"]), historyLogArgs({ since: "release/2.x" }, []), "the last --since, as parseArgs takes it");
});

test("early git: nothing starts for other runs, pathspecs, unknown options, or a REF git log could read as something else", () => {
  for (const argv of [
    [],
    ["."],
    ["--staged"],
    ["-"],
    ["--history", "src"],
    ["--history", "--", "src"],
    ["--history", "--help"],
    ["--history", "--since", "HEAD~1"],
    ["--history", "--format"],
    ["--history", "--new-option"],
    ["--since", "--output=/tmp/x"],
    ["--since=-p"],
    ["--since", "HEAD~1 --all"],
    ["--since", "a\nb"],
    ["--since", ""],
  ]) {
    assert.equal(historyArgs(argv), undefined, JSON.stringify(argv));
  }
});

test("early git: the child is handed over once, only for the same command in the same directory, and not started outside a repository's root", (t) => {
  const { dir, cleanup } = tempDir("vaultshift-early-git-");
  t.after(cleanup);
  mkdirSync(join(dir, "sub"));
  assert.equal(startEarlyGit(["--history"], join(dir, "sub")), undefined, "no .git there: nothing started");
  initRepo(dir);
  const args = historyLogArgs({}, []);

  const take = startEarlyGit(["--history"], dir)!;
  assert.equal(typeof take, "function");
  const child = take(args, dir) as import("node:child_process").ChildProcess;
  assert.ok(child && child.pid !== undefined);
  assert.equal(take(args, dir), undefined, "handed over once");
  child.kill();

  const other = startEarlyGit(["--history"], dir)!;
  assert.equal(other(args, join(dir, "sub")), undefined, "another directory");
  assert.equal(other(args, dir), undefined, "refused once, stopped");
  const since = startEarlyGit(["--since", "HEAD"], dir)!;
  assert.equal(since(args, dir), undefined, "another command");
});

test("early git: a git log that ended before the scan asked for it is not handed over (its output was drained)", async (t) => {
  const { dir, cleanup } = tempDir("vaultshift-early-git-");
  t.after(cleanup);
  initRepo(dir);
  const commit = commitFiles(dir, "one", { "a.js": "const a = 1;\n" });
  const take = startEarlyGit(["--history"], dir)!;
  // The event loop turns while git log (one small commit) runs to its end.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const child = take(historyLogArgs({}, []), dir) as import("node:child_process").ChildProcessByStdio<null, import("node:stream").Readable, import("node:stream").Readable> | undefined;
  if (child === undefined) return; // the scan starts its own
  // Still running when taken (a slow machine): it must then give its whole output.
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString("utf8")));
  const closed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 5000);
    child.on("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  child.kill();
  assert.ok(closed, "the child handed over closes for its reader");
  assert.ok(out.includes(commit), "the child handed over gives its output");
});
