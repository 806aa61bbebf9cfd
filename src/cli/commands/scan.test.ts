import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { runCli } from "../main.js";
import { git, initRepo, tempDir, writeFiles } from "../../scan/test-repo.js";

// `vaultshift scan` and `vaultshift baseline` end to end, with the real engine.
// These depend on the engine detecting AWS keys in a .env file (rules/aws.ts).
// Canary values: every output and error path is checked not to contain them.

const KEY_ID = "AKIACANARYQWERTYZ234"; // vaultshift:allow
const SECRET = "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";
const ENV = `AWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n`;
const bin = fileURLToPath(new URL("../../../../bin/vaultshift.js", import.meta.url));

function assertNoCanary(...outputs: string[]): void {
  for (const o of outputs) {
    assert.ok(!o.includes(KEY_ID), "the key id leaked");
    assert.ok(!o.includes(SECRET), "the secret leaked");
    assert.ok(!o.includes(SECRET.slice(6)), "part of the secret leaked");
  }
}

function project(t: { after: (fn: () => void) => void }, files: Record<string, string> = { ".env": ENV, "src/a.js": "export const x = 1;\n" }): string {
  const { dir, cleanup } = tempDir("vaultshift-cli-");
  t.after(cleanup);
  writeFiles(dir, files);
  return dir;
}

test("scan: findings → exit 1, text grouped by file, no secret in the output", async (t) => {
  const dir = project(t);
  const r = await runCli(["scan"], { cwd: dir });
  assert.equal(r.exitCode, 1, r.stderr);
  assert.match(r.stdout, /^\.env\n  1:19 +aws-access-key-id +cloud-credential/m);
  assert.match(r.stdout, /✖ 2 secrets in 1 file/);
  assertNoCanary(r.stdout, r.stderr);
});

test("scan: a clean tree → exit 0", async (t) => {
  const dir = project(t, { "README.md": "# hello\n", "src/a.js": "export const port = 3000;\n" });
  const r = await runCli(["scan"], { cwd: dir });
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /No secrets found: scanned 2 files/);
});

test("scan --format json and sarif: parseable, documented, no secret", async (t) => {
  const dir = project(t);
  const j = await runCli(["scan", "--format", "json"], { cwd: dir });
  assert.equal(j.exitCode, 1);
  const data = JSON.parse(j.stdout) as { version: number; findings: { ruleId: string; file: string; line: number }[]; summary: { findings: number } };
  assert.equal(data.version, 1);
  assert.deepEqual(data.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`), [".env:1:aws-access-key-id", ".env:2:aws-secret-access-key"]);
  const s = await runCli(["scan", "-f", "sarif"], { cwd: dir });
  const log = JSON.parse(s.stdout) as { version: string; runs: { results: unknown[]; tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] };
  assert.equal(log.version, "2.1.0");
  assert.equal(log.runs[0]!.results.length, 2);
  assert.ok(log.runs[0]!.tool.driver.rules.every((r) => r.shortDescription.text.length > 0));
  assertNoCanary(j.stdout, j.stderr, s.stdout, s.stderr);
});

test("scan --output writes the report to a file (never scanned itself) and prints a summary", async (t) => {
  const dir = project(t);
  const r = await runCli(["scan", "--format", "sarif", "--output", "out/vaultshift.sarif"], { cwd: dir });
  assert.equal(r.exitCode, 1);
  assert.match(r.stdout, /✖ 2 secrets in 1 file.*Report: out\/vaultshift\.sarif/);
  const report = readFileSync(join(dir, "out/vaultshift.sarif"), "utf8");
  assert.equal((JSON.parse(report) as { version: string }).version, "2.1.0");
  const again = await runCli(["scan", "--format", "json", "--output", "out/vaultshift.sarif"], { cwd: dir });
  const data = JSON.parse(readFileSync(join(dir, "out/vaultshift.sarif"), "utf8")) as { summary: { filesScanned: number } };
  assert.equal(data.summary.filesScanned, 2, "the previous report is not among the scanned files");
  assertNoCanary(r.stdout, report, again.stdout);
});

test("scan --ci: GitHub annotations when GITHUB_ACTIONS=true, never colour", async (t) => {
  const dir = project(t);
  const gh = await runCli(["scan", "--ci"], { cwd: dir, env: { GITHUB_ACTIONS: "true" }, isTTY: true });
  assert.equal(gh.exitCode, 1);
  assert.match(gh.stdout, /^::error file=\.env,line=1,endLine=1,col=19,endColumn=39,title=vaultshift%3A aws-access-key-id::/m);
  assert.equal(gh.stdout.includes("\u001b["), false);
  const sarif = await runCli(["scan", "--ci", "--format", "sarif"], { cwd: dir, env: { GITHUB_ACTIONS: "true" } });
  assert.doesNotThrow(() => JSON.parse(sarif.stdout), "stdout stays pure SARIF");
  assert.match(sarif.stderr, /^::error file=\.env/m);
  assert.match(sarif.stderr, /✖ 2 secrets/);
  const local = await runCli(["scan", "--ci"], { cwd: dir, env: {} });
  assert.equal(local.stdout.includes("::error"), false, "no annotations outside GitHub Actions");
  assertNoCanary(gh.stdout, sarif.stdout, sarif.stderr);
});

test("colour: only on a TTY with NO_COLOR unset", async (t) => {
  const dir = project(t);
  const tty = await runCli(["scan"], { cwd: dir, env: {}, isTTY: true });
  assert.ok(tty.stdout.includes("\u001b["));
  const noColor = await runCli(["scan"], { cwd: dir, env: { NO_COLOR: "1" }, isTTY: true });
  assert.equal(noColor.stdout.includes("\u001b["), false);
  const pipe = await runCli(["scan"], { cwd: dir, env: {}, isTTY: false });
  assert.equal(pipe.stdout.includes("\u001b["), false);
});

test("usage and runtime errors exit 2 with a message and a hint, without secrets", async (t) => {
  const dir = project(t);
  const cases: [string[], RegExp][] = [
    [["scan", "--staged", "--history"], /cannot be combined/],
    [["scan", "--format", "xml"], /--format xml is not a format/],
    [["scan", "--bogus"], /Unknown option '--bogus'/],
    [["scan", "--staged"], /not inside a git repository/],
    [["scan", "--workers", "many"], /not a whole number/],
    [["scan", "--baseline", "missing.json"], /Could not read the baseline/],
    [["scan", "--stdin-filename", "x.env"], /only applies when scanning standard input/],
    [["scan", "no/such/dir"], /no\/such\/dir does not exist/],
  ];
  for (const [argv, message] of cases) {
    const r = await runCli(argv, { cwd: dir });
    assert.equal(r.exitCode, 2, argv.join(" "));
    assert.match(r.stderr, message, argv.join(" "));
    assertNoCanary(r.stdout, r.stderr);
  }
  initRepo(dir);
  const badRef = await runCli(["scan", "--since", "nope"], { cwd: dir });
  assert.equal(badRef.exitCode, 2);
  assert.match(badRef.stderr, /--since nope: no such commit/);
});

test("a config holding the secret in an invalid form never echoes it", async (t) => {
  const dir = project(t, { ".env": ENV, "vaultshift.config.json": `{"allowlist": {"regexes": [${SECRET}]}}` });
  const r = await runCli(["scan"], { cwd: dir });
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /is not valid JSON at line 1/);
  assertNoCanary(r.stdout, r.stderr);
  writeFileSync(join(dir, "vaultshift.config.json"), JSON.stringify({ allowlist: { regexes: [`(${SECRET}`] } }));
  const bad = await runCli(["scan"], { cwd: dir });
  assert.equal(bad.exitCode, 2);
  assert.match(bad.stderr, /allowlist\.regexes\[0\]: not a valid regular expression/);
  assertNoCanary(bad.stdout, bad.stderr);
});

test("scan --staged and --since in a repository", async (t) => {
  const dir = project(t, { "README.md": "hi\n" });
  initRepo(dir);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "init");
  const base = git(dir, "rev-parse", "HEAD");
  writeFiles(dir, { ".env": ENV });
  assert.equal((await runCli(["scan", "--staged"], { cwd: dir })).exitCode, 0, "nothing staged yet");
  git(dir, "add", ".env");
  const staged = await runCli(["scan", "--staged", "--format", "json"], { cwd: dir });
  assert.equal(staged.exitCode, 1);
  assert.equal((JSON.parse(staged.stdout) as { findings: unknown[] }).findings.length, 2);
  git(dir, "commit", "-q", "-m", "leak");
  const since = await runCli(["scan", "--since", base, "--format", "json"], { cwd: dir });
  const data = JSON.parse(since.stdout) as { findings: { commit: string }[]; summary: { commitsScanned: number } };
  assert.equal(data.findings.length, 2);
  assert.equal(data.findings[0]!.commit, git(dir, "rev-parse", "HEAD"));
  assert.equal(data.summary.commitsScanned, 1);
  assertNoCanary(staged.stdout, since.stdout);
});

test("baseline: accepted findings pass, a new one fails, --prune forgets fixed ones", async (t) => {
  const dir = project(t);
  const b = await runCli(["baseline"], { cwd: dir });
  assert.equal(b.exitCode, 0, b.stderr);
  assert.match(b.stdout, /Baseline \.vaultshift-baseline\.json: 2 entries \(2 new\)/);
  const file = join(dir, ".vaultshift-baseline.json");
  const text = readFileSync(file, "utf8");
  assertNoCanary(text, b.stdout);
  assert.equal((await runCli(["scan", "--baseline", ".vaultshift-baseline.json"], { cwd: dir })).exitCode, 0);
  const auto = await runCli(["scan"], { cwd: dir });
  assert.equal(auto.exitCode, 0, "the default baseline file is used when present");
  assert.match(auto.stdout, /suppressed 2 by baseline/);
  assert.equal((await runCli(["scan", "--no-baseline"], { cwd: dir })).exitCode, 1);
  assert.equal((await runCli(["scan", "--no-baseline", "--baseline", "x.json"], { cwd: dir })).exitCode, 2);
  writeFiles(dir, { "more.env": "AWS_ACCESS_KEY_ID=AKIAZZZZQWERTYZ23456\n" }); // vaultshift:allow
  const more = await runCli(["scan", "--baseline", ".vaultshift-baseline.json", "--format", "json"], { cwd: dir });
  assert.equal(more.exitCode, 1);
  assert.deepEqual((JSON.parse(more.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file), ["more.env"]);
  writeFiles(dir, { ".env": "AWS_REGION=eu-west-1\n" });
  const pruned = await runCli(["baseline", "--prune"], { cwd: dir });
  assert.match(pruned.stdout, /1 entry \(1 new, 2 pruned\)/);
  const salt = (JSON.parse(text) as { salt: string }).salt;
  assert.equal((JSON.parse(readFileSync(file, "utf8")) as { salt: string }).salt, salt, "the salt survives refreshes");
  // The config's `baseline` key is used by scan without --baseline.
  writeFiles(dir, { "more.env": "AWS_REGION=eu-west-1\n", "vaultshift.config.json": JSON.stringify({ baseline: "b/accepted.json" }) });
  assert.equal((await runCli(["baseline"], { cwd: dir })).exitCode, 0);
  assert.ok(existsSync(join(dir, "b/accepted.json")), "baseline writes where the config says");
  writeFiles(dir, { ".env": ENV });
  const viaConfig = await runCli(["scan", "--format", "json"], { cwd: dir });
  assert.equal(viaConfig.exitCode, 1, "b/accepted.json was recorded without the .env secrets");
  assertNoCanary(viaConfig.stdout);
});

test("spawned binary: exit codes and stdin", () => {
  const { dir, cleanup } = tempDir("vaultshift-bin-");
  try {
    const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1" } });
    const clean = run(["scan"]);
    assert.equal(clean.status, 0, clean.stderr);
    const stdin = run(["scan", "-", "--stdin-filename", "prod.env", "--format", "json"], ENV);
    assert.equal(stdin.status, 1, stdin.stderr);
    assert.ok(stdin.stdout.startsWith("{"), `a JSON report on stdout; stderr: ${stdin.stderr.slice(0, 300)}`);
    const data = JSON.parse(stdin.stdout) as { findings: { file: string; line: number }[] };
    assert.deepEqual(data.findings.map((f) => `${f.file}:${f.line}`), ["prod.env:1", "prod.env:2"]);
    const usage = run(["scan", "--history", "--staged"]);
    assert.equal(usage.status, 2);
    assertNoCanary(stdin.stdout, stdin.stderr);
    assert.equal(existsSync(join(dir, ".vaultshift-baseline.json")), false);
  } finally {
    cleanup();
  }
});

test("--help teaches every flag, examples and exit codes", async () => {
  for (const cmd of ["scan", "baseline", "hook"]) {
    const r = await runCli([cmd, "--help"]);
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /Exit codes/);
    assert.match(r.stdout, /Examples/);
  }
  const scanHelp = (await runCli(["scan", "--help"])).stdout;
  for (const flag of ["--staged", "--since", "--history", "--stdin-filename", "--format", "--output", "--baseline", "--config", "--ci", "--workers"]) assert.ok(scanHelp.includes(flag), flag);
});

test("scan with VAULTSHIFT_TIMELINE=1: each thread's steps on stderr, labels and counts only; a repository tracking 5,000 files starts its pool before git lists", { timeout: 120_000 }, async (t) => {
  const files: Record<string, string> = { ".env": ENV, "vaultshift.config.json": JSON.stringify({ exclude: ["third/"] }) };
  for (let i = 0; i < 5000; i++) files[`third/v${i % 50}/f${i}.txt`] = "x\n";
  const dir = project(t, files);
  initRepo(dir);
  git(dir, "add", ".");
  const r = spawnSync(process.execPath, [bin, "scan", "--format", "json"], { cwd: dir, encoding: "utf8", timeout: 60_000, env: { ...process.env, VAULTSHIFT_TIMELINE: "1" } });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(JSON.parse(r.stdout).findings.length, 2, "the report is whole");
  assertNoCanary(r.stdout, r.stderr);
  const lines = r.stderr.trimEnd().split("\n");
  for (const line of lines) assert.match(line, /^vaultshift-timeline (main|worker\d+) t=\d+\.\d cpu=\d+\.\d [a-z -]+( [a-z]+=\d+)*$/);
  const steps = lines.filter((l) => l.includes(" main ")).map((l) => l.replace(/^.* cpu=[\d.]+ /, "").replace(/ [a-z]+=.*$/, ""));
  for (const step of ["scan start", "git spawned", "walk done", "report built", "report written", "exit"]) assert.ok(steps.includes(step), `${step} in ${steps.join(", ")}`);
  assert.ok(steps.indexOf("walk done") < steps.indexOf("report built") && steps.indexOf("report written") < steps.indexOf("exit"));
  if (availableParallelism() > 1) {
    // The index's 5,002 entries: the pool opens before git is even spawned, and scans the two files left (.env, the config).
    assert.ok(steps.indexOf("pool open") !== -1 && steps.indexOf("pool open") < steps.indexOf("git spawned"), steps.join(", "));
    assert.ok(lines.some((l) => / main .* run posted run=1 jobs=2$/.test(l)), steps.join(", "));
  }
  // Off: not one line.
  const quiet = spawnSync(process.execPath, [bin, "scan", "--format", "json"], { cwd: dir, encoding: "utf8", timeout: 60_000, env: { ...process.env, VAULTSHIFT_TIMELINE: "" } });
  assert.equal(quiet.status, 1, quiet.stderr);
  assert.equal(quiet.stderr, "");
});
