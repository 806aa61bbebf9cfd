import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { availableParallelism } from "node:os";
import { scan, scanInternal, type ScanOptions } from "./scanner.js";
import { scanText as fakeScanText, fakeEngineModule } from "./fake-engine.js";
import { readRegularFile } from "./file-scan.js";
import { emptyBaseline, updateBaseline, writeBaseline } from "./baseline.js";
import { git, initRepo, tempDir, writeFiles } from "./test-repo.js";
import { FileAccessError } from "../errors.js";

// The scanner's plumbing, with a fake engine that reports FAKESECRET_ tokens
// (src/scan/fake-engine.ts): listing, reading, robustness, workers, filters.

const fake = (cwd: string, extra: Partial<ScanOptions> = {}): Promise<Awaited<ReturnType<typeof scan>>> => scan({ cwd, scanText: fakeScanText, ...extra });

function where(r: Awaited<ReturnType<typeof scan>>): string[] {
  return r.findings.map((f) => `${f.file}:${f.line}:${f.column}`);
}

test("tree scan: finds tokens with positions relative to the root, skipping default exclusions", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, {
    "src/app.js": "const a = 1;\nconst key = 'FAKESECRET_app1';\n",
    ".env": "TOKEN=FAKESECRET_env1\n",
    "node_modules/pkg/index.js": "FAKESECRET_dep",
    "dist/bundle.js": "FAKESECRET_dist",
    "packages/x/build/out.js": "FAKESECRET_build",
    "package-lock.json": '{"x": "FAKESECRET_lock"}',
    "logo.png": "FAKESECRET_png",
    "blob.dat2": Buffer.concat([Buffer.from("FAKESECRET_bin"), Buffer.from([0, 1, 2])]),
  });
  const r = await fake(dir);
  assert.deepEqual(where(r), [".env:1:7", "src/app.js:2:14"]);
  assert.equal(r.stats.filesScanned, 2);
  assert.deepEqual(r.stats.skipped, { lockfile: 1, binary: 2 });
  assert.equal(r.stats.workers, 0, "a small scan runs in-process");
});

test("non-git directory: nested .gitignore files with negation, and .vaultshiftignore", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, {
    ".gitignore": "*.local\nsecret-dir/\n",
    "a.local": "FAKESECRET_1",
    "secret-dir/x.txt": "FAKESECRET_2",
    "pkg/.gitignore": "!keep.local\n",
    "pkg/keep.local": "FAKESECRET_3",
    "pkg/drop.local": "FAKESECRET_4",
    ".vaultshiftignore": "fixtures/\n",
    "fixtures/f.txt": "FAKESECRET_5",
    "kept.txt": "FAKESECRET_6",
  });
  const r = await fake(dir);
  assert.deepEqual(r.findings.map((f) => f.file), ["kept.txt", "pkg/keep.local"]);
});

test("git repository: tracked and untracked files, .gitignore and .git/info/exclude honoured", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  initRepo(dir);
  writeFiles(dir, {
    ".gitignore": "ignored.txt\n",
    "ignored.txt": "FAKESECRET_1",
    "tracked.txt": "FAKESECRET_2",
    "sub/untracked.txt": "FAKESECRET_3",
    "excluded.txt": "FAKESECRET_4",
    "node_modules/dep/untracked.js": "FAKESECRET_5",
    "pkg/dist/tracked.js": "FAKESECRET_6",
    "pkg/dist/untracked.js": "FAKESECRET_7",
    "vendor/lib/tracked.js": "FAKESECRET_8",
  });
  writeFileSync(join(dir, ".git/info/exclude"), "excluded.txt\n");
  git(dir, "add", "pkg/dist/tracked.js", "vendor/lib/tracked.js");
  git(dir, "add", "tracked.txt");
  const r = await fake(dir);
  // Build output committed by mistake is scanned; generated (untracked) build output and
  // dependencies (tracked or not) are not.
  assert.deepEqual(r.findings.map((f) => f.file), ["pkg/dist/tracked.js", "sub/untracked.txt", "tracked.txt"]);
  const sub = await fake(join(dir, "sub"));
  assert.deepEqual(sub.findings.map((f) => f.file), ["untracked.txt"], "paths are relative to the scan root");
});

test("explicit paths: a named file is scanned even if git-ignored; config include/exclude apply", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  initRepo(dir);
  writeFiles(dir, {
    ".gitignore": ".env\n",
    ".env": "X=FAKESECRET_1",
    "src/a.txt": "FAKESECRET_2",
    "src/gen/b.txt": "FAKESECRET_3",
    "test/c.txt": "FAKESECRET_4",
    "vaultshift.config.json": JSON.stringify({ include: ["src/**", ".env"], exclude: ["src/gen"] }),
  });
  const r = await fake(dir, { paths: [".env", "src", "test"] });
  assert.deepEqual(r.findings.map((f) => f.file), [".env", "src/a.txt"]);
});

test("robustness: invalid UTF-8, BOM, CRLF, UTF-16 with BOM, a 5 MB one-line file, an oversized file", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, {
    "latin1.txt": Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9, 0xff]), Buffer.from("\nFAKESECRET_latin\n")]),
    "bom.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("line1\nk=FAKESECRET_bom\n")]),
    "crlf.txt": "a\r\nb\r\nk=FAKESECRET_crlf\r\n",
    "utf16.ps1": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("$a = 1\r\n$k = 'FAKESECRET_u16'\r\n", "utf16le")]),
    "min.js": `var a="${"x".repeat(5 * 1024 * 1024)}";var k="FAKESECRET_min";`,
    "big.txt": `${"y".repeat(2000)}FAKESECRET_big`,
    "vaultshift.config.json": JSON.stringify({ maxFileSize: 6 * 1024 * 1024, exclude: ["big.txt"] }),
  });
  const r = await fake(dir);
  assert.deepEqual(where(r), ["bom.txt:2:3", "crlf.txt:3:3", "latin1.txt:2:1", `min.js:1:${5 * 1024 * 1024 + 17}`, "utf16.ps1:2:7"]);
  assert.ok(r.stats.notes.some((n) => n.startsWith("latin1.txt: not valid UTF-8")));
  writeFileSync(join(dir, "vaultshift.config.json"), JSON.stringify({ maxFileSize: 1000 }));
  const small = await fake(dir);
  assert.equal(small.stats.skipped["too-large"], 2);
  assert.ok(small.stats.notes.some((n) => n.startsWith("min.js: larger than maxFileSize")));
});

test("robustness: symlink loops and symlinks are not followed; a FIFO is skipped without blocking", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "real/a.txt": "FAKESECRET_a" });
  symlinkSync(dir, join(dir, "real/loop"));
  symlinkSync(join(dir, "real/a.txt"), join(dir, "link.txt"));
  symlinkSync(join(dir, "self1"), join(dir, "self2"));
  symlinkSync(join(dir, "self2"), join(dir, "self1"));
  const fifo = spawnSync("mkfifo", [join(dir, "pipe.txt")]);
  const r = await fake(dir);
  assert.deepEqual(where(r), ["real/a.txt:1:1"]);
  assert.equal(r.stats.skipped.symlink, 4);
  if (fifo.status === 0) assert.equal(r.stats.skipped["not-a-file"], 1);
  else assert.fail("mkfifo is needed for this test");
  // The same inside git: ls-files lists the symlinks (not the FIFO); the reader refuses them.
  initRepo(dir);
  const g = await fake(dir);
  assert.deepEqual(where(g), ["real/a.txt:1:1"]);
  assert.equal(g.stats.skipped.symlink, 4);
});

test("robustness: unreadable and vanished files become notes and the scan goes on", async (t) => {
  // Tests run as root, for whom chmod 000 changes nothing: the reader is
  // replaced by one that fails like the kernel would.
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "a.txt": "FAKESECRET_a", "locked.txt": "FAKESECRET_l", "gone.txt": "FAKESECRET_g" });
  const readFile: typeof readRegularFile = (abs, max) => {
    const err = (code: string) => Object.assign(new Error(`${code}: mocked`), { code });
    if (abs.endsWith("locked.txt")) throw err("EACCES");
    // Deleted after listing, right before the read: the real reader meets ENOENT.
    if (abs.endsWith("gone.txt")) rmSync(abs);
    return readRegularFile(abs, max);
  };
  const r = await fake(dir, { readFile });
  assert.deepEqual(where(r), ["a.txt:1:1"]);
  assert.deepEqual(r.stats.skipped, { unreadable: 1, vanished: 1 });
  assert.ok(r.stats.notes.includes("locked.txt: cannot be read (EACCES), skipped"));
  assert.deepEqual(r.stats.notes, ["locked.txt: cannot be read (EACCES), skipped"]);
});

test("a path that does not exist is an error; an engine that throws is a note", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "a.txt": "FAKESECRET_a", "boom.txt": "FAKESECRET_CANARY_boom" });
  await assert.rejects(fake(dir, { paths: ["missing", "."] }), (e: unknown) => e instanceof FileAccessError && /missing does not exist/.test(e.message));
  const r = await scan({
    cwd: dir,
    paths: ["."],
    scanText: (input, o) => {
      if (input.file === "boom.txt") throw new Error(`engine exploded on ${input.text}`);
      return fakeScanText(input, o);
    },
  });
  assert.deepEqual(where(r), ["a.txt:1:1"]);
  assert.equal(r.stats.skipped["engine-error"], 1);
  assert.ok(!JSON.stringify(r).includes("FAKESECRET_CANARY_boom"), "the engine's error message is not passed on");
});

test("worker threads give the same findings as the in-process scan", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) files[`d${i % 7}/f${i}.txt`] = `${"filler\n".repeat(i)}k=FAKESECRET_w${i}\n`;
  writeFiles(dir, files);
  const inProcess = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 0 });
  const pooled = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 3 });
  assert.equal(inProcess.findings.length, 60);
  assert.equal(pooled.stats.workers, 3);
  assert.deepEqual(pooled.findings, inProcess.findings);
  assert.equal(pooled.stats.filesScanned, 60);
  assert.equal(pooled.stats.bytesScanned, inProcess.stats.bytesScanned);
});

test("worker threads: links, a FIFO, oversized, binary and odd encodings are handled as in-process", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, {
    "real/a.txt": "FAKESECRET_a",
    "latin1.txt": Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9, 0xff]), Buffer.from("\nFAKESECRET_latin\n")]),
    "bom.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("line1\nk=FAKESECRET_bom\n")]),
    "utf16.ps1": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("$k = 'FAKESECRET_u16'\r\n", "utf16le")]),
    "blob.dat2": Buffer.concat([Buffer.from("FAKESECRET_bin"), Buffer.from([0, 1, 2])]),
    "big.txt": `${"y".repeat(3000)}FAKESECRET_big`,
    "vaultshift.config.json": JSON.stringify({ maxFileSize: 2000 }),
  });
  for (let i = 0; i < 40; i++) writeFileSync(join(dir, `real/f${i}.txt`), `${"z".repeat(i * 37)}\nFAKESECRET_f${i}\n`);
  symlinkSync(dir, join(dir, "real/loop"));
  symlinkSync(join(dir, "real/a.txt"), join(dir, "link.txt"));
  if (spawnSync("mkfifo", [join(dir, "pipe.txt")]).status !== 0) assert.fail("mkfifo is needed for this test");
  const inProcess = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 0 });
  const pooled = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 2 });
  assert.equal(pooled.stats.workers, 2);
  assert.equal(inProcess.findings.length, 44);
  assert.deepEqual(pooled.findings, inProcess.findings);
  assert.deepEqual(pooled.stats.skipped, { symlink: 2, "not-a-file": 1, "too-large": 1, binary: 1 });
  assert.deepEqual(pooled.stats.skipped, inProcess.stats.skipped);
  assert.deepEqual(pooled.stats.notes, inProcess.stats.notes);
  assert.ok(pooled.stats.notes.some((n) => n.startsWith("latin1.txt: not valid UTF-8")));
  assert.equal(pooled.stats.bytesScanned, inProcess.stats.bytesScanned);
});

test("the default pool is decided by bytes: many small files stay in-process, a few MB get workers", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const small: Record<string, string> = {};
  for (let i = 0; i < 600; i++) small[`s/f${i}.txt`] = `k=FAKESECRET_s${i}\n`;
  writeFiles(dir, small);
  const few = await scan({ cwd: dir, engineModule: fakeEngineModule });
  assert.equal(few.findings.length, 600);
  assert.equal(few.stats.workers, 0, "600 files of a few bytes: starting workers would cost more than it saves");

  const { dir: bigDir, cleanup: bigCleanup } = tempDir();
  t.after(bigCleanup);
  // 3 × 1 MB: above the in-process limit however few the files.
  writeFiles(bigDir, Object.fromEntries([0, 1, 2].map((i) => [`b/f${i}.txt`, `${"filler line\n".repeat(96 * 1024)}k=FAKESECRET_b${i}\n`])));
  const big = await scan({ cwd: bigDir, engineModule: fakeEngineModule });
  assert.equal(big.findings.length, 3);
  // One worker per core but the main thread's, which scans too.
  assert.equal(big.stats.workers, Math.min(8, availableParallelism() - 1));
});

test("a git listing that reaches 5,000 paths starts the pool while git still lists, and the scan uses it", { timeout: 120_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const files: Record<string, string> = {};
  for (let i = 0; i < 5000; i++) files[`third/v${i % 50}/f${i}.txt`] = "x\n";
  for (let i = 0; i < 3; i++) files[`src/f${i}.txt`] = `k=FAKESECRET_early${i}\n`;
  writeFiles(dir, files);
  initRepo(dir);
  // The config leaves 3 small files: chooseWorkers() alone would scan them in-process, so a pool
  // here is one started by the listing's count (git's paths are counted before the filter).
  const config = { exclude: ["third/"] };
  const pooled = await scan({ cwd: dir, engineModule: fakeEngineModule, config });
  const inProcess = await scan({ cwd: dir, engineModule: fakeEngineModule, config, workers: 0 });
  assert.equal(pooled.stats.workers, Math.min(8, availableParallelism() - 1));
  assert.equal(inProcess.stats.workers, 0);
  assert.equal(pooled.findings.length, 3);
  assert.deepEqual(pooled.findings, inProcess.findings);
  assert.equal(pooled.stats.filesScanned, 3);
  // A pool started on a guess (git outlasting the work beside it) is confirmed by the count: it stays.
  const guessed = await scanInternal({ cwd: dir, engineModule: fakeEngineModule, config, whileGitRuns: async () => undefined });
  assert.equal(guessed.stats.workers, Math.min(8, availableParallelism() - 1));
  assert.deepEqual(where(guessed), where(pooled));
});

test("a pool started on a guess (git outlasting the warm-up) is dropped for a small listing and kept for a large one", { timeout: 120_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "a.txt": "k=FAKESECRET_guess1\n", "b/c.txt": "x\nk=FAKESECRET_guess2\n" });
  initRepo(dir);
  // Resolved at once: git is always still listing, so the pool starts on the guess.
  const guessed = { engineModule: fakeEngineModule, whileGitRuns: async () => undefined };
  const small = await scanInternal({ cwd: dir, ...guessed });
  const inProcess = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 0 });
  assert.equal(small.stats.workers, 0, "two small files: scanned in-process, the booting worker stopped");
  assert.deepEqual(where(small), ["a.txt:1:3", "b/c.txt:2:3"]);
  assert.deepEqual(where(small), where(inProcess));

  // 3 × 1 MB: above the in-process limit, so the guess was right and its pool scans them.
  writeFiles(dir, Object.fromEntries([0, 1, 2].map((i) => [`big/f${i}.txt`, `${"filler line\n".repeat(96 * 1024)}k=FAKESECRET_g${i}\n`])));
  const large = await scanInternal({ cwd: dir, ...guessed });
  assert.equal(large.stats.workers, Math.min(8, availableParallelism() - 1));
  assert.equal(large.findings.length, 5);
  assert.deepEqual(where(large), where(await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 0 })));
});

test("a library's later scans of a small tree start no pool on a guess (the warm-up, the engine loaded, no longer measures git)", { timeout: 120_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "a.txt": "k=1\n", "b/c.txt": "x\n" });
  initRepo(dir);
  const script = `const { scan } = await import(${JSON.stringify(new URL("./scanner.js", import.meta.url).href)});\nfor (let i = 0; i < 6; i++) await scan({ cwd: ${JSON.stringify(dir)} });\n`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 100_000, env: { ...process.env, VAULTSHIFT_TIMELINE: "1" } });
  assert.equal(r.status, 0, r.stderr);
  const starts = r.stderr.split("\n").filter((l) => l.endsWith(" scan start")).length;
  assert.equal(starts, 6, r.stderr);
  assert.ok(!r.stderr.includes(" pool open"), r.stderr);
  assert.equal(r.stderr.split("\n").filter((l) => l.endsWith(" exit")).length, 1, "the process's exit, marked once");
});

test("--workers N starts the pool before the listing, and a listing with nothing to scan reports no worker used", { timeout: 60_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "node_modules/x/a.txt": "k=FAKESECRET_skipped\n" });
  const empty = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 1 });
  assert.equal(empty.stats.filesScanned, 0);
  assert.equal(empty.stats.workers, 0);
  writeFiles(dir, { "a.txt": "k=FAKESECRET_w1\n" });
  const one = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 1 });
  assert.equal(one.stats.workers, 1);
  assert.deepEqual(where(one), ["a.txt:1:3"]);
});

test("a file with 150,000 findings: results are gathered without spreading them as call arguments", { timeout: 60_000 }, async () => {
  const text = Array.from({ length: 150_000 }, (_, i) => `FAKESECRET_${i}`).join("\n");
  const r = await fake("/", { mode: "stdin", stdin: { text, filename: "many.txt" } });
  assert.equal(r.findings.length, 150_000);
});

test("stdin mode scans the text under the given name", async () => {
  const r = await fake("/", { mode: "stdin", stdin: { text: "x\ny=FAKESECRET_in", filename: "conf/.env" } });
  assert.deepEqual(where(r), ["conf/.env:2:3"]);
});

test("config: allowlists and disabled rules reach the engine and the filters", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, {
    "a.txt": "FAKESECRET_keep\nFAKESECRET_EXAMPLE\n",
    "test/b.txt": "FAKESECRET_t",
    "c.txt": "FAKESECRET_c // vaultshift:allow",
    "vaultshift.config.json": JSON.stringify({ allowlist: { paths: ["test/**"], regexes: ["_EXAMPLE$"] } }),
  });
  const r = await fake(dir);
  assert.deepEqual(where(r), ["a.txt:1:1"]);
  assert.deepEqual(r.stats.suppressed, { inline: 1, allowlist: 2, baseline: 0, duplicate: 0 });
  writeFileSync(join(dir, "vaultshift.config.json"), JSON.stringify({ rules: { disable: ["fake-secret"] } }));
  assert.equal((await fake(dir)).findings.length, 0);
});

test("baseline: accepted secrets stay hidden when lines move; a new secret on the same line is reported", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  writeFiles(dir, { "a.txt": "k=FAKESECRET_old\n" });
  const b = emptyBaseline();
  const recorded = await scanInternal({ cwd: dir, scanText: fakeScanText, recordInto: b });
  const baselineFile = join(dir, ".vaultshift-baseline.json");
  writeBaseline(baselineFile, updateBaseline(b, recorded.findings, false).baseline);
  writeFiles(dir, { "a.txt": "\n\nmoved: k=FAKESECRET_old\n" });
  const moved = await fake(dir, { baselineFile });
  assert.equal(moved.findings.length, 0);
  assert.equal(moved.stats.suppressed.baseline, 1);
  writeFiles(dir, { "a.txt": "\n\nmoved: k=FAKESECRET_new\n" });
  const changed = await fake(dir, { baselineFile });
  assert.deepEqual(where(changed), ["a.txt:3:10"]);
  // The baseline file itself (fingerprints, salt) is never scanned.
  assert.ok(!changed.findings.some((f) => f.file.includes("baseline")));
});

test("the result never contains a secret value", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const canary = "FAKESECRET_CANARY_7c1e9a2b4d6f8e0a1b3c5d7e";
  writeFiles(dir, { "a.txt": `token=${canary}\n` });
  const r = await fake(dir);
  assert.equal(r.findings.length, 1);
  assert.ok(!JSON.stringify(r).includes(canary));
  assert.ok(!JSON.stringify(r).includes(canary.slice(4)));
  assert.equal(r.findings[0]!.redacted, `FAKE…(${canary.length} chars)`);
  assert.match(r.findings[0]!.fingerprint, /^[0-9a-f]{64}$/);
});

test("a reason or a name that quotes the secret is scrubbed before it leaves the scanner", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const canary = "FAKESECRET_CANARY_in_reason_0a9b8c7d";
  writeFiles(dir, { "a.json": `{"${canary}": true}` });
  const r = await scan({
    cwd: dir,
    scanText: (input, o) => {
      const res = fakeScanText(input, o);
      for (const f of res.findings) {
        f.reason = `careless reason quoting ${f.secret}`;
        f.name = f.secret;
      }
      return res;
    },
  });
  assert.equal(r.findings.length, 1);
  assert.ok(!JSON.stringify(r).includes(canary));
  assert.match(r.findings[0]!.reason, /careless reason quoting FAKE…\(\d+ chars\)/);
});

test("vaultshift's own outputs (plan, baseline, migration reports) are skipped by default; the same text elsewhere and a .env secret are not", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  // What a plan holds: a secret's name and key beside its 64-hex fingerprint.
  const hex = (s: string) => createHash("sha256").update(s).digest("hex");
  const planLike = `${JSON.stringify({ secrets: [{ name: "SESSION_SECRET", target: { key: "session_secret" }, session_secret: hex("fingerprint"), fingerprint: hex("fingerprint") }] }, null, 2)}\n`;
  const own = ["vaultshift.plan.json", "apps/api/vaultshift.plan.json", "sub/.vaultshift-baseline.json", "reports/migration-report.json", "reports/migration-report.md", "reports/migration-report.html", "reports/migration-report.sarif"];
  writeFiles(dir, {
    ...Object.fromEntries(own.map((f) => [f, planLike])),
    "config/settings.json": planLike,
    ".env": `SESSION_SECRET=${hex("a real session secret")}\n`,
  });
  const files = (r: Awaited<ReturnType<typeof scan>>) => [...new Set(r.findings.map((f) => f.file))].sort();
  const r = await scan({ cwd: dir, workers: 0 });
  assert.deepEqual(files(r), [".env", "config/settings.json"], "detection is unchanged outside vaultshift's own files");
  // Named on the command line (the pre-commit framework passes staged files by name): still skipped.
  const named = await scan({ cwd: dir, workers: 0, paths: ["vaultshift.plan.json", ".env"] });
  assert.deepEqual(files(named), [".env"]);
  // `defaultExcludes: false` scans everything again.
  const all = await scan({ cwd: dir, workers: 0, config: { defaultExcludes: false } });
  // (In Markdown and HTML the JSON text reads as prose: only the JSON-shaped copies are findings.)
  assert.deepEqual(files(all), [".env", "config/settings.json", ...own.filter((f) => /\.(?:json|sarif)$/.test(f))].sort());
});

test("a repository's top directory listed in several lists, each scanned by the pool as it ends: the same findings, counts and notes, in the same order, as one list in-process", { timeout: 120_000 }, async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < 120; i++) files[`d${i % 9}/s${i % 4}/f${i}.txt`] = `${"filler\n".repeat(i % 13)}k=FAKESECRET_s${i}\n`;
  // Notes in several lists (invalid UTF-8: read as Latin-1), whose order the report keeps.
  for (let i = 0; i < 9; i++) files[`d${i}/latin${i}.txt`] = Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9, 0xff]), Buffer.from(`\nk=FAKESECRET_l${i}\n`)]);
  files["top.txt"] = "k=FAKESECRET_top\n";
  writeFiles(dir, files);
  initRepo(dir);
  git(dir, "add", "d1", "d5");
  git(dir, "commit", "-q", "-m", "part tracked");
  const inProcess = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 0 });
  // Workers asked for: the pool opens before git is spawned, so every list is posted as it ends.
  const pooled = await scan({ cwd: dir, engineModule: fakeEngineModule, workers: 1 });
  assert.equal(inProcess.findings.length, 130);
  assert.deepEqual(pooled.findings, inProcess.findings);
  assert.deepEqual(pooled.envReferences, inProcess.envReferences);
  assert.equal(pooled.stats.workers, 1);
  const { durationMs: _a, workers: _b, ...a } = inProcess.stats;
  const { durationMs: _c, workers: _d, ...b } = pooled.stats;
  assert.deepEqual(b, a);
  assert.equal(a.notes.length, 9);

  // The lists were posted as runs of the pool (one per list).
  // A script file, not `--input-type=module -e`: a worker thread inherits the flag and cannot start with it.
  const script = join(dir, ".git", "scan.mjs");
  writeFileSync(script, `const { scan } = await import(${JSON.stringify(new URL("./scanner.js", import.meta.url).href)});\nawait scan({ cwd: ${JSON.stringify(dir)}, engineModule: ${JSON.stringify(fakeEngineModule)}, workers: 1 });\n`);
  const r = spawnSync(process.execPath, [script], { encoding: "utf8", timeout: 100_000, env: { ...process.env, VAULTSHIFT_TIMELINE: "1" } });
  assert.equal(r.status, 0, r.stderr);
  const pieces = Number(/git spawned pieces=(\d+)/.exec(r.stderr)?.[1]);
  const runs = r.stderr.split("\n").filter((l) => l.includes(" run posted ")).length;
  assert.ok(pieces >= 3, r.stderr);
  assert.equal(runs, pieces, r.stderr);
});
