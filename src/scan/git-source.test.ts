import { test } from "node:test";
import { spawnSync } from "node:child_process";
import assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scan } from "./scanner.js";
import { scanText as fakeScanText } from "./fake-engine.js";
import { discoverRoot, dropCopied, repositoryRoot, unquotePath, workingTreeCopy } from "./git-source.js";
import { GitError } from "../errors.js";
import { GIT_TEST_ENV, commitFiles, git, initRepo, tempDir, writeFiles } from "./test-repo.js";

// Git modes with the fake engine (FAKESECRET_ tokens).

/** git that may fail (a merge that conflicts). */
function spawnGit(cwd: string, args: string[]): void {
  spawnSync("git", args, { cwd, env: GIT_TEST_ENV });
}

function repo(t: { after: (fn: () => void) => void }): string {
  const { dir, cleanup } = tempDir("vaultshift-git-");
  t.after(cleanup);
  initRepo(dir);
  return dir;
}

test("--staged scans the index, not the working tree, and reports only lines the commit adds", async (t) => {
  const dir = repo(t);
  commitFiles(dir, "old secret", { "a.txt": "one\nold=FAKESECRET_old\nthree\n" });
  // Stage a new secret on line 4, then change the working tree again.
  writeFileSync(join(dir, "a.txt"), "one\nold=FAKESECRET_old\nthree\nnew=FAKESECRET_staged\n");
  writeFiles(dir, { "b.txt": "x\ny=FAKESECRET_b\n" });
  git(dir, "add", "a.txt", "b.txt");
  writeFileSync(join(dir, "a.txt"), "only in the working tree FAKESECRET_unstaged\n");
  writeFiles(dir, { "untracked.txt": "FAKESECRET_untracked" });
  const r = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(
    r.findings.map((f) => `${f.file}:${f.line}:${f.column}`),
    ["a.txt:4:5", "b.txt:2:3"],
  );
  assert.equal(r.stats.filesScanned, 2);
});

test("--staged handles renames, deletions, binary blobs, paths with spaces and quotes, and lockfiles", async (t) => {
  const dir = repo(t);
  commitFiles(dir, "base", { "old name.txt": "k=FAKESECRET_moved\n", "gone.txt": "FAKESECRET_gone\n" });
  git(dir, "mv", "old name.txt", 'new "name".txt');
  git(dir, "rm", "-q", "gone.txt");
  writeFiles(dir, {
    "dir with space/tab\tname.txt": "FAKESECRET_odd\n",
    "img.bin2": Buffer.concat([Buffer.from("FAKESECRET_binary"), Buffer.from([0, 0, 0])]),
    "yarn.lock": "FAKESECRET_lock\n",
    "+++ tricky.txt": "+++ b/fake\n@@ -1 +1 @@\nFAKESECRET_tricky\n",
  });
  git(dir, "add", "-A");
  const r = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(
    r.findings.map((f) => `${f.file}:${f.line}`),
    ["+++ tricky.txt:3", "dir with space/tab\tname.txt:1"],
    "a pure rename adds no line; deleted files are not scanned",
  );
  assert.equal(r.stats.skipped.binary, 1);
  assert.equal(r.stats.skipped.lockfile, 1);
});

test("build output: --staged and --history scan a committed dist/ (a real leak), never node_modules", async (t) => {
  const dir = repo(t);
  commitFiles(dir, "bundle", { "web/dist/app.js": "var k=\"FAKESECRET_history\";\n", "node_modules/x/i.js": "FAKESECRET_dep_old\n" });
  writeFiles(dir, { "web/.next/static/chunk.js": "x\nk=FAKESECRET_staged\n", "node_modules/y/i.js": "FAKESECRET_dep\n" });
  git(dir, "add", "-f", "web/.next/static/chunk.js", "node_modules/y/i.js");
  const staged = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(staged.findings.map((f) => `${f.file}:${f.line}`), ["web/.next/static/chunk.js:2"]);
  const history = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(history.findings.map((f) => `${f.file}:${f.line}`), ["web/dist/app.js:1"]);
});

test("--staged and --history both read a symlink's target string (its blob), and neither follows the link", async (t) => {
  const dir = repo(t);
  commitFiles(dir, "c1", { "real.txt": "plain\n" });
  symlinkSync("FAKESECRET_target", join(dir, "link"));
  git(dir, "add", "link");
  const s = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(s.findings.map((f) => `${f.file}:${f.line}`), ["link:1"]);
  git(dir, "commit", "-q", "-m", "link");
  const c2 = git(dir, "rev-parse", "HEAD");
  const h = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(h.findings.map((f) => `${f.commit}:${f.file}:${f.line}`), [`${c2}:link:1`]);
});

test("--staged with nothing staged finds nothing, and outside a repository is a GitError", async (t) => {
  const dir = repo(t);
  const r = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.equal(r.findings.length, 0);
  const { dir: plain, cleanup } = tempDir();
  t.after(cleanup);
  await assert.rejects(scan({ cwd: plain, mode: "staged", scanText: fakeScanText }), (e: unknown) => e instanceof GitError && /not inside a git repository/.test(e.message));
});

test("--history: lines added by every commit on every branch, each attributed to the commit that added it", async (t) => {
  const dir = repo(t);
  const c1 = commitFiles(dir, "c1", { "a.txt": "x\nk=FAKESECRET_one\n" });
  const c2 = commitFiles(dir, "c2", { "a.txt": "x\nk=FAKESECRET_one\nk2=FAKESECRET_two\n", "b.env": "B=FAKESECRET_b\n" });
  commitFiles(dir, "c3 removes", { "a.txt": "x\n" });
  const c4 = commitFiles(dir, "c4 re-adds the line", { "a.txt": "x\nk=FAKESECRET_one\n" });
  git(dir, "checkout", "-q", "-b", "side", c1);
  const c5 = commitFiles(dir, "on a branch", { "side.txt": "FAKESECRET_side\n" });
  git(dir, "checkout", "-q", "main");
  const r = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  const got = r.findings.map((f) => `${f.commit}:${f.file}:${f.line}:${f.column}`).sort();
  // c4 leaks the secret again after c3 removed it: a new exposure, reported.
  const want = [`${c1}:a.txt:2:3`, `${c2}:a.txt:3:4`, `${c2}:b.env:1:3`, `${c4}:a.txt:2:3`, `${c5}:side.txt:1:1`].sort();
  assert.deepEqual(got, want);
  assert.equal(r.stats.commitsScanned, 5);
});

test(".gitattributes that hide text from diffs (-diff, binary, a diff driver set binary): --history, --since and --staged still read the lines each commit adds; real binary blobs stay skipped", async (t) => {
  const dir = repo(t);
  git(dir, "config", "diff.opaque.binary", "true");
  const NUL = Buffer.from([0, 0, 0]);
  const c1 = commitFiles(dir, "c1", {
    ".gitattributes": "*.cfg -diff\n*.key binary\nsettings/* diff=opaque\n*.dat -diff\n",
    "app.cfg": "host=db\npassword=FAKESECRET_cfg1\n",
    "deploy.key": "FAKESECRET_key\n",
    "settings/prod": "a=1\n",
    "blob.dat": Buffer.concat([NUL, Buffer.from("FAKESECRET_nul\n")]),
    "logo.png": Buffer.concat([NUL, Buffer.from("FAKESECRET_png\n")]),
  });
  // The second commit adds a line to each hidden file: only that line is the commit's.
  const c2 = commitFiles(dir, "c2", { "app.cfg": "host=db\npassword=FAKESECRET_cfg1\ntoken=FAKESECRET_cfg2\n", "settings/prod": "a=1\nb=FAKESECRET_drv\n" });
  const history = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(
    history.findings.map((f) => `${f.commit}:${f.file}:${f.line}`).sort(),
    [`${c1}:app.cfg:2`, `${c1}:deploy.key:1`, `${c2}:app.cfg:3`, `${c2}:settings/prod:2`].sort(),
  );
  assert.equal(history.stats.skipped.binary, 2, "blob.dat holds a NUL byte, logo.png is binary by its name");
  const since = await scan({ cwd: dir, mode: "since", since: c1, scanText: fakeScanText });
  assert.deepEqual(since.findings.map((f) => `${f.commit}:${f.file}:${f.line}`).sort(), [`${c2}:app.cfg:3`, `${c2}:settings/prod:2`].sort());
  // Staged: the line being added, not the ones already committed.
  writeFiles(dir, { "app.cfg": "host=db\npassword=FAKESECRET_cfg1\ntoken=FAKESECRET_cfg2\nkey=FAKESECRET_staged\n", "new.key": "FAKESECRET_newkey\n" });
  git(dir, "add", "app.cfg", "new.key");
  const staged = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(staged.findings.map((f) => `${f.file}:${f.line}`).sort(), ["app.cfg:4", "new.key:1"]);
});

test("UTF-16 text with a byte-order mark (git's diff calls it binary): --history, --since and --staged read the lines each commit adds; UTF-16 without a BOM stays binary", async (t) => {
  const dir = repo(t);
  const le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
  const be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, "utf16le").swap16()]);
  const c1 = commitFiles(dir, "c1", {
    "deploy.ps1": le("$user = 'ops'\r\n$password = 'FAKESECRET_ps1'\r\n"),
    "settings.reg": be("[HKEY_CURRENT_USER\\Software\\App]\n\"Token\"=\"FAKESECRET_reg\"\n"),
    "nobom.txt": Buffer.from("k=FAKESECRET_nobom\n", "utf16le"),
  });
  // c2 moves c1's secret line down and adds one: only the new line is c2's.
  const c2 = commitFiles(dir, "c2", { "deploy.ps1": le("$user = 'ops'\r\n$other = 'x'\r\n$password = 'FAKESECRET_ps1'\r\n$token = 'FAKESECRET_ps2'\r\n") });
  const history = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(
    history.findings.map((f) => `${f.commit}:${f.file}:${f.line}`).sort(),
    [`${c1}:deploy.ps1:2`, `${c1}:settings.reg:2`, `${c2}:deploy.ps1:4`].sort(),
  );
  assert.equal(history.stats.skipped.binary, 1, "UTF-16 without a byte-order mark is not told from binary");
  const since = await scan({ cwd: dir, mode: "since", since: c1, scanText: fakeScanText });
  assert.deepEqual(since.findings.map((f) => `${f.commit}:${f.file}:${f.line}`), [`${c2}:deploy.ps1:4`]);
  writeFiles(dir, {
    "deploy.ps1": le("$user = 'ops'\r\n$other = 'x'\r\n$password = 'FAKESECRET_ps1'\r\n$token = 'FAKESECRET_ps2'\r\n$key = 'FAKESECRET_staged'\r\n"),
    "new.ps1": le("$k = 'FAKESECRET_new'\r\n"),
  });
  git(dir, "add", "deploy.ps1", "new.ps1");
  // The working tree differs from the index: the staged content is what counts.
  writeFiles(dir, { "new.ps1": le("nothing\r\n") });
  const staged = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(staged.findings.map((f) => `${f.file}:${f.line}`).sort(), ["deploy.ps1:5", "new.ps1:1"]);
});

test("--history scans identical added content once (cherry-picks)", async (t) => {
  const dir = repo(t);
  const base = commitFiles(dir, "base", { "a.txt": "x\n" });
  const original = commitFiles(dir, "add", { "a.txt": "x\nk=FAKESECRET_pick\n" });
  git(dir, "checkout", "-q", "-b", "release", base);
  commitFiles(dir, "unrelated", { "other.txt": "y\n" });
  git(dir, "cherry-pick", original);
  const picked = git(dir, "rev-parse", "HEAD");
  assert.notEqual(picked, original);
  const seen: string[] = [];
  const r = await scan({
    cwd: dir,
    mode: "history",
    scanText: (input, o) => {
      seen.push(input.file);
      return fakeScanText(input, o);
    },
  });
  // Both commits carry the same timestamp here, so which one git lists first is arbitrary.
  assert.equal(r.findings.length, 1);
  assert.ok([original, picked].includes(r.findings[0]!.commit!));
  assert.equal(seen.filter((f) => f === "a.txt").length, 2, "base's x and the added line; the cherry-pick is not rescanned");
});

test("a repository without a work tree (bare or mirror clone, GIT_DIR naming one): --history and --since scan it, --staged says why it cannot", async (t) => {
  const dir = repo(t);
  const c1 = commitFiles(dir, "c1", { "a.txt": "x\n" });
  const c2 = commitFiles(dir, "c2", { "a.txt": "x\nk=FAKESECRET_bare\n" });
  const { dir: parent, cleanup } = tempDir();
  t.after(cleanup);
  const bare = join(parent, "mirror.git");
  git(parent, "clone", "-q", "--mirror", dir, bare);
  const history = await scan({ cwd: bare, mode: "history", scanText: fakeScanText });
  assert.deepEqual(history.findings.map((f) => `${f.commit}:${f.file}:${f.line}`), [`${c2}:a.txt:2`]);
  const since = await scan({ cwd: bare, mode: "since", since: c1, scanText: fakeScanText });
  assert.deepEqual(since.findings.map((f) => `${f.commit}:${f.file}:${f.line}`), [`${c2}:a.txt:2`]);
  assert.equal(repositoryRoot(bare, true), bare);
  await assert.rejects(scan({ cwd: bare, mode: "staged", scanText: fakeScanText }), (e: unknown) => e instanceof GitError && /without a work tree/.test(e.message) && /--history work here/.test(e.hint ?? ""));
  // GIT_DIR naming the bare repository, from a directory outside it (git reads the variable; the scan passes it on).
  const elsewhere = join(parent, "elsewhere");
  mkdirSync(elsewhere);
  const saved = process.env.GIT_DIR;
  process.env.GIT_DIR = bare;
  t.after(() => (saved === undefined ? delete process.env.GIT_DIR : (process.env.GIT_DIR = saved)));
  const viaEnv = await scan({ cwd: elsewhere, mode: "history", scanText: fakeScanText });
  assert.deepEqual(viaEnv.findings.map((f) => `${f.commit}:${f.file}:${f.line}`), [`${c2}:a.txt:2`]);
});

test("--history: a line written in a merge's conflict resolution is reported at the merge; lines the merge brings from a parent at the commit that added them", async (t) => {
  const dir = repo(t);
  const base = commitFiles(dir, "base", { "conf.txt": "a\nlevel=1\nz\n" });
  git(dir, "checkout", "-q", "-b", "side");
  const side = commitFiles(dir, "side", { "conf.txt": "a\nlevel=2 k=FAKESECRET_side\nz\n", "new.txt": "FAKESECRET_new\n" });
  git(dir, "checkout", "-q", "main");
  commitFiles(dir, "main", { "conf.txt": "a\nlevel=3\nz\n" });
  spawnGit(dir, ["merge", "-q", "side"]); // conflicts on conf.txt
  writeFiles(dir, { "conf.txt": "a\nlevel=4\nk=FAKESECRET_resolved\nz\n" });
  git(dir, "add", "conf.txt");
  git(dir, "commit", "-q", "--no-edit");
  const merge = git(dir, "rev-parse", "HEAD");
  const r = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  const got = r.findings.map((f) => `${f.commit}:${f.file}:${f.line}`).sort();
  assert.deepEqual(got, [`${merge}:conf.txt:3`, `${side}:conf.txt:2`, `${side}:new.txt:1`].sort());
  const since = await scan({ cwd: dir, mode: "since", since: base, scanText: fakeScanText });
  assert.deepEqual(since.findings.map((f) => `${f.commit}:${f.file}:${f.line}`).sort(), got);
});

test("--history: a file copied byte for byte to another path is reported once, where the secret was first written", async (t) => {
  const dir = repo(t);
  const c1 = commitFiles(dir, "c1", { "src/keys.txt": "x\nk=FAKESECRET_copied\n" });
  commitFiles(dir, "copy", { "backup/keys.txt": "x\nk=FAKESECRET_copied\n" });
  const c3 = commitFiles(dir, "same secret, other content", { "other.txt": "k=FAKESECRET_copied\n" });
  const r = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(r.findings.map((f) => `${f.commit}:${f.file}:${f.line}`).sort(), [`${c1}:src/keys.txt:2`, `${c3}:other.txt:1`].sort());
  assert.equal(r.stats.suppressed.duplicate, 1);
});

test("dropCopied drops a copy's finding only where its original has the same one", () => {
  const f = (commit: string, file: string, ruleId: string, line: number) => ({ commit, file, ruleId, line, column: 3, endLine: line, endColumn: 9 });
  const copies = new Map([["c2\0b.env", "c1\0a.env"]]);
  const findings = [f("c1", "a.env", "r", 2), f("c2", "b.env", "r", 2), f("c2", "b.env", "other-rule", 2), f("c2", "b.env", "r", 5), f("c3", "b.env", "r", 2)];
  const { kept, dropped } = dropCopied(findings, copies);
  assert.equal(dropped, 1);
  // kept: the original; the copy's finding under a rule the original's path did not give; another line; another commit's b.env
  assert.deepEqual(kept.map((k) => `${k.commit}:${k.file}:${k.ruleId}:${k.line}`), ["c1:a.env:r:2", "c2:b.env:other-rule:2", "c2:b.env:r:5", "c3:b.env:r:2"]);
});

test("--since REF: only commits after REF; a bad REF is a GitError", async (t) => {
  const dir = repo(t);
  const c1 = commitFiles(dir, "c1", { "a.txt": "FAKESECRET_old\n" });
  const c2 = commitFiles(dir, "c2", { "a.txt": "FAKESECRET_old\nFAKESECRET_new\n" });
  const r = await scan({ cwd: dir, mode: "since", since: c1, scanText: fakeScanText });
  assert.deepEqual(r.findings.map((f) => `${f.commit}:${f.line}`), [`${c2}:2`]);
  assert.equal(r.stats.commitsScanned, 1);
  await assert.rejects(scan({ cwd: dir, mode: "since", since: "no-such-branch", scanText: fakeScanText }), (e: unknown) => e instanceof GitError && /no-such-branch/.test(e.message) && /fetch-depth/.test(e.hint ?? ""));
});

test("history keeps a multi-line secret added in one hunk whole, at its own line numbers", async (t) => {
  const dir = repo(t);
  commitFiles(dir, "c1", { "k.txt": "a\nb\nc\n" });
  commitFiles(dir, "c2", { "k.txt": "a\nb\nc\nd\ne=FAKESECRET_deep\n" });
  const r = await scan({
    cwd: dir,
    mode: "history",
    scanText: (input, o) => {
      // Lines 1-3 were not added by c2: they must be blank in what the engine sees.
      if (input.text.startsWith("\n\n\nd\n")) assert.equal(input.text.split("\n").length, 5);
      return fakeScanText(input, o);
    },
  });
  assert.deepEqual(r.findings.map((f) => `${f.line}:${f.column}`).sort(), ["5:3"]);
});

test("an empty repository has no history to scan", async (t) => {
  const dir = repo(t);
  const r = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.equal(r.findings.length, 0);
});

test("unquotePath undoes git's C quoting", () => {
  assert.equal(unquotePath('"tab\\there"'), "tab\there");
  assert.equal(unquotePath('"q\\"uote\\\\"'), 'q"uote\\');
  assert.equal(unquotePath('"caf\\303\\251"'), "café");
  assert.equal(unquotePath("plain"), "plain");
});

test("maxFileSize applies to staged blobs and to a commit's added lines", async (t) => {
  const dir = repo(t);
  writeFiles(dir, { "big.txt": `${"z".repeat(5000)}\nFAKESECRET_big\n`, "small.txt": "FAKESECRET_small\n", "vaultshift.config.json": JSON.stringify({ maxFileSize: 1000 }) });
  git(dir, "add", "-A");
  const staged = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(staged.findings.map((f) => f.file), ["small.txt"]);
  assert.equal(staged.stats.skipped["too-large"], 1);
  git(dir, "commit", "-q", "-m", "c");
  const history = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(history.findings.map((f) => f.file), ["small.txt"]);
  assert.equal(history.stats.skipped["too-large"], 1);
  assert.ok(history.stats.notes.some((n) => n.startsWith("big.txt: lines added by")));
});

test("log.showSignature and colour settings in the user's config do not disturb parsing", async (t) => {
  const dir = repo(t);
  git(dir, "config", "log.showSignature", "true");
  git(dir, "config", "color.ui", "always");
  git(dir, "config", "diff.noprefix", "true");
  const c = commitFiles(dir, "c", { "a.txt": "k=FAKESECRET_cfg\n" });
  const r = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(r.findings.map((f) => `${f.commit}:${f.file}:${f.line}`), [`${c}:a.txt:1`]);
  writeFiles(dir, { "b.txt": "FAKESECRET_b\n" });
  git(dir, "add", "b.txt");
  const s = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(s.findings.map((f) => `${f.file}:${f.line}`), ["b.txt:1"]);
});

test("settings that change git's diff (log.showRoot, diff.interHunkContext, diff.relative, GIT_DIFF_OPTS) do not change what is found or its line numbers", async (t) => {
  const dir = repo(t);
  git(dir, "config", "log.showRoot", "false"); // would drop the root commit's diff
  git(dir, "config", "diff.interHunkContext", "5"); // would fuse nearby -U0 hunks with context lines
  git(dir, "config", "diff.relative", "true");
  const saved = process.env.GIT_DIFF_OPTS;
  process.env.GIT_DIFF_OPTS = "-u3"; // overrides -U0 (git diff docs), putting context lines in every hunk
  t.after(() => (saved === undefined ? delete process.env.GIT_DIFF_OPTS : (process.env.GIT_DIFF_OPTS = saved)));
  const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
  const root = commitFiles(dir, "root", { "root.txt": "k=FAKESECRET_root\n", "f.txt": lines.join("\n") + "\n" });
  const edited = [...lines];
  edited[3] = "x = 1";
  edited[6] = "k=FAKESECRET_seven";
  const c2 = commitFiles(dir, "two nearby changes", { "f.txt": edited.join("\n") + "\n" });
  const r = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(r.findings.map((f) => `${f.commit}:${f.file}:${f.line}`).sort(), [`${root}:root.txt:1`, `${c2}:f.txt:7`].sort());
  // --staged: a secret already in the file, two lines from a staged change, is not on an added line.
  const before = [...edited];
  before[9] = "y = 2";
  writeFiles(dir, { "f.txt": before.join("\n") + "\n" });
  git(dir, "add", "f.txt");
  const s = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(s.findings.map((f) => `${f.file}:${f.line}`), []);
});

test("history streams its jobs to a sink in chunks, in order, with git paused while a chunk waits", { timeout: 60_000 }, async (t) => {
  const dir = repo(t);
  for (let c = 0; c < 12; c++) commitFiles(dir, `c${c}`, { [`f${c}.txt`]: `${"line\n".repeat(50)}FAKESECRET_${c}\n` });
  const { historyJobs } = await import("./git-source.js");
  const { PathFilter } = await import("./path-filter.js");
  const chunks: string[][] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const out = await historyJobs(dir, {}, [], new PathFilter({}), {
    chunkChars: 200,
    sink: async (jobs) => {
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((r) => setTimeout(r, 5));
      chunks.push(jobs.map((j) => (j.kind === "text" ? j.file : "")));
      concurrent -= 1;
    },
  });
  assert.equal(out.jobs.length, 0, "everything went to the sink");
  assert.ok(chunks.length > 2, `several chunks (${chunks.length})`);
  assert.deepEqual(chunks.flat(), Array.from({ length: 12 }, (_, c) => `f${c}.txt`));
  assert.equal(maxConcurrent, 1, "one chunk in flight at a time");
});

test("with maxQueuedChars, git's output is read and parsed while a chunk is scanned; chunks still go to the sink one at a time, in order", { timeout: 60_000 }, async (t) => {
  const dir = repo(t);
  for (let c = 0; c < 12; c++) commitFiles(dir, `c${c}`, { [`f${c}.txt`]: `${"line\n".repeat(50)}FAKESECRET_${c}\n` });
  const { historyJobs } = await import("./git-source.js");
  const { PathFilter } = await import("./path-filter.js");
  const run = async (maxQueuedChars: number) => {
    const chunks: string[][] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const out = await historyJobs(dir, {}, [], new PathFilter({}), {
      chunkChars: 200,
      maxQueuedChars,
      sink: async (jobs) => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        // The first chunk is slow: git (12 small commits) has long finished writing when it is done.
        await new Promise((r) => setTimeout(r, chunks.length === 0 ? 1000 : 1));
        chunks.push(jobs.map((j) => (j.kind === "text" ? j.file : "")));
        concurrent -= 1;
      },
    });
    return { out, chunks, maxConcurrent };
  };
  const ahead = await run(3000);
  assert.deepEqual(ahead.chunks.flat(), Array.from({ length: 12 }, (_, c) => `f${c}.txt`));
  assert.equal(ahead.maxConcurrent, 1, "one chunk in flight at a time");
  // Each file's text is ~270 characters, a chunk of its own: while the first
  // was scanned, the rest of git's output was read and most chunks waited,
  // never more than the limit and the last chunk (handed over at git's end).
  assert.ok((ahead.out.peakQueuedChars ?? 0) > 1500, `queued ${ahead.out.peakQueuedChars}`);
  assert.ok((ahead.out.peakQueuedChars ?? 0) <= 3000 + 300, `queued ${ahead.out.peakQueuedChars}`);
  // Without it, the chunk being scanned and the next (the last one may hold what remained at git's end).
  const paused = await run(0);
  assert.deepEqual(paused.chunks.flat(), ahead.chunks.flat());
  assert.ok((paused.out.peakQueuedChars ?? 0) < 1500, `queued ${paused.out.peakQueuedChars}`);
});

test("history on a worker pool finds what the in-process scan finds", { timeout: 60_000 }, async (t) => {
  const dir = repo(t);
  for (let c = 0; c < 8; c++) commitFiles(dir, `c${c}`, { [`d/f${c % 3}.txt`]: `x${c}\nk=FAKESECRET_${c}\n` });
  const { fakeEngineModule } = await import("./fake-engine.js");
  const a = await scan({ cwd: dir, mode: "history", engineModule: fakeEngineModule, workers: 0 });
  const b = await scan({ cwd: dir, mode: "history", engineModule: fakeEngineModule, workers: 2 });
  assert.equal(b.stats.workers, 2);
  assert.equal(a.findings.length, 8);
  assert.deepEqual(b.findings, a.findings);
});

test("a history starts in-process and moves to a worker pool once it passes 2 MB of added text", { timeout: 60_000 }, async (t) => {
  const { availableParallelism } = await import("node:os");
  const dir = repo(t);
  // 3 commits of ~0.9 MB: the first chunks are scanned in-process, the rest by a pool.
  for (let c = 0; c < 3; c++) commitFiles(dir, `c${c}`, { [`big${c}.txt`]: `${`${"w".repeat(99)}\n`.repeat(9000)}k=FAKESECRET_${c}\n` });
  const { fakeEngineModule } = await import("./fake-engine.js");
  const inProcess = await scan({ cwd: dir, mode: "history", engineModule: fakeEngineModule, workers: 0 });
  const auto = await scan({ cwd: dir, mode: "history", engineModule: fakeEngineModule });
  assert.equal(inProcess.findings.length, 3);
  assert.deepEqual(auto.findings, inProcess.findings);
  assert.equal(auto.stats.filesScanned, 3);
  // One worker per core but the main thread's, which scans too.
  assert.equal(auto.stats.workers, Math.min(8, availableParallelism() - 1));
});

test("a failing sink stops the history scan with its error", { timeout: 60_000 }, async (t) => {
  const dir = repo(t);
  for (let c = 0; c < 6; c++) commitFiles(dir, `c${c}`, { [`f${c}.txt`]: `${"y\n".repeat(40)}FAKESECRET_${c}\n` });
  const { historyJobs } = await import("./git-source.js");
  const { PathFilter } = await import("./path-filter.js");
  for (const maxQueuedChars of [0, 10_000]) {
    let calls = 0;
    await assert.rejects(
      historyJobs(dir, {}, [], new PathFilter({}), {
        chunkChars: 50,
        maxQueuedChars,
        sink: async () => {
          calls += 1;
          throw new Error("sink broke");
        },
      }),
      /sink broke/,
    );
    assert.equal(calls, 1, "no chunk goes to a sink that failed");
  }
});

test("--staged from a subdirectory: paths are relative to the repository root, PATH limits to a pathspec", async (t) => {
  const dir = repo(t);
  writeFiles(dir, { "top.txt": "FAKESECRET_top\n", "sub/inner.txt": "FAKESECRET_inner\n", "sub/deeper/x.txt": "FAKESECRET_x\n" });
  git(dir, "add", "-A");
  const all = await scan({ cwd: join(dir, "sub"), mode: "staged", scanText: fakeScanText });
  assert.deepEqual(all.findings.map((f) => f.file), ["sub/deeper/x.txt", "sub/inner.txt", "top.txt"]);
  const limited = await scan({ cwd: join(dir, "sub"), mode: "staged", paths: ["deeper"], scanText: fakeScanText });
  assert.deepEqual(limited.findings.map((f) => f.file), ["sub/deeper/x.txt"]);
  assert.equal(limited.stats.root, dir);
});

test("repository discovery without git agrees with `git rev-parse --show-toplevel`, and defers to git when unsure", (t) => {
  const { dir: base, cleanup } = tempDir();
  t.after(cleanup);
  const outer = join(base, "outer");
  mkdirSync(outer);
  initRepo(outer);
  commitFiles(outer, "init", { "a/b/c.txt": "x\n" });
  const inner = join(outer, "vendor", "inner");
  mkdirSync(inner, { recursive: true });
  initRepo(inner);
  mkdirSync(join(base, "links"));
  symlinkSync(join(outer, "a", "b"), join(base, "links", "b"));
  // The expected values come from git itself.
  for (const cwd of [outer, join(outer, "a", "b"), join(outer, "vendor"), join(inner), join(base, "links", "b")]) {
    const fromGit = git(cwd, "rev-parse", "--show-toplevel");
    assert.equal(discoverRoot(cwd, {}), fromGit, cwd);
    assert.equal(repositoryRoot(cwd), fromGit, cwd);
  }
  // Not a repository: no guess (git gives the error).
  assert.equal(discoverRoot(join(base, "links"), {}), undefined);
  // Discovery variables, a linked worktree's `.git` file, core.worktree: only git knows.
  assert.equal(discoverRoot(outer, { GIT_DIR: join(outer, ".git") }), undefined);
  const linked = join(base, "linked");
  git(outer, "worktree", "add", "-q", linked);
  assert.equal(discoverRoot(linked, {}), undefined);
  assert.equal(repositoryRoot(linked), git(linked, "rev-parse", "--show-toplevel"));
  const moved = join(base, "moved");
  mkdirSync(moved);
  const plain = join(base, "plain");
  mkdirSync(plain);
  initRepo(plain);
  git(plain, "config", "core.worktree", moved);
  assert.equal(discoverRoot(plain, {}), undefined);
});

test("--staged reads the staged blob, not the working-tree file, whenever the two differ", async (t) => {
  const dir = repo(t);
  // A clean filter: the blob holds what the working tree does not.
  git(dir, "config", "filter.reveal.clean", "sed s/hidden/FAKESECRET_clean/");
  writeFiles(dir, { ".gitattributes": "*.cfg filter=reveal\n", "app.cfg": "k=hidden\n", "same.txt": "s=FAKESECRET_same\n", "gone.txt": "g=FAKESECRET_gone\n" });
  git(dir, "add", "-A");
  // Deleted after staging: only the index has it.
  rmSync(join(dir, "gone.txt"));
  const r = await scan({ cwd: dir, mode: "staged", scanText: fakeScanText });
  assert.deepEqual(
    r.findings.map((f) => `${f.file}:${f.line}`),
    ["app.cfg:1", "gone.txt:1", "same.txt:1"],
  );
});

test("workingTreeCopy returns the file only when it hashes to the given blob id (SHA-1 and SHA-256 repositories)", (t) => {
  for (const format of ["sha1", "sha256"]) {
    const { dir, cleanup } = tempDir();
    t.after(cleanup);
    git(dir, "init", "-q", `--object-format=${format}`);
    writeFiles(dir, { "f.txt": "hello\n", "sub/g.txt": "other\n" });
    // The expected ids come from git.
    const id = git(dir, "hash-object", "f.txt");
    assert.equal(id.length, format === "sha1" ? 40 : 64);
    assert.equal(workingTreeCopy(dir, "f.txt", id)?.toString("utf8"), "hello\n");
    assert.equal(workingTreeCopy(dir, "sub/g.txt", id), undefined);
    assert.equal(workingTreeCopy(dir, "missing.txt", id), undefined);
    assert.equal(workingTreeCopy(dir, "sub", id), undefined);
  }
});

test("--history with a path to another repository scans that repository's history, as from inside it; a file path names its repository too", async (t) => {
  const dir = repo(t);
  mkdirSync(join(dir, "svc"));
  commitFiles(dir, "add", { "svc/a.txt": "k=FAKESECRET_other\n", "b.txt": "FAKESECRET_root\n" });
  const { dir: elsewhere, cleanup } = tempDir("vaultshift-notrepo-");
  t.after(cleanup);
  const fromOutside = await scan({ cwd: elsewhere, mode: "history", paths: [dir], scanText: fakeScanText });
  const fromInside = await scan({ cwd: dir, mode: "history", scanText: fakeScanText });
  assert.deepEqual(fromOutside.findings.map((f) => `${f.file}:${f.line}`), ["b.txt:1", "svc/a.txt:1"]);
  assert.deepEqual(fromOutside.findings.map((f) => f.file), fromInside.findings.map((f) => f.file));
  const oneDir = await scan({ cwd: elsewhere, mode: "history", paths: [join(dir, "svc")], scanText: fakeScanText });
  assert.deepEqual(oneDir.findings.map((f) => `${f.file}:${f.line}`), ["svc/a.txt:1"]);
  const oneFile = await scan({ cwd: elsewhere, mode: "history", paths: [join(dir, "b.txt")], scanText: fakeScanText });
  assert.deepEqual(oneFile.findings.map((f) => `${f.file}:${f.line}`), ["b.txt:1"]);
});
