import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { runCli } from "../cli/main.js";
import { HOOK_MARKER, HOOK_SCRIPT, HUSKY_SNIPPET, LEFTHOOK_SNIPPET, hookScript, installerScript } from "./git-hook.js";
import { git, initRepo, tempDir, GIT_TEST_ENV } from "../scan/test-repo.js";

function repo(t: { after: (fn: () => void) => void }): string {
  const { dir, cleanup } = tempDir("vaultshift-hook-");
  t.after(cleanup);
  initRepo(dir);
  return dir;
}

test("install writes an executable hook running scan --staged; uninstall removes it", async (t) => {
  const dir = repo(t);
  const r = await runCli(["hook", "install"], { cwd: dir });
  assert.equal(r.exitCode, 0, r.stderr);
  const hook = join(dir, ".git/hooks/pre-commit");
  const text = readFileSync(hook, "utf8");
  assert.ok(text.startsWith("#!/bin/sh\n"));
  assert.ok(text.includes(HOOK_MARKER));
  assert.ok(text.includes("vaultshift scan --staged"));
  assert.ok(text.includes("npx --no-install vaultshift scan --staged"));
  assert.equal(text, HOOK_SCRIPT);
  assert.equal(statSync(hook).mode & 0o111, 0o111, "executable");
  assert.match(r.stdout, /Installed the pre-commit hook/);
  assert.match(r.stdout, /\.husky\/pre-commit/);
  assert.match(r.stdout, /lefthook\.yml/);
  // Sh syntax is valid.
  assert.equal(spawnSync("sh", ["-n", hook]).status, 0);
  const again = await runCli(["hook", "install"], { cwd: dir });
  assert.match(again.stdout, /Updated the pre-commit hook/);
  const u = await runCli(["hook", "uninstall"], { cwd: dir });
  assert.equal(u.exitCode, 0);
  assert.equal(existsSync(hook), false);
  assert.match((await runCli(["hook", "uninstall"], { cwd: dir })).stdout, /nothing to remove/);
});

test("a foreign hook is kept unless --force, which backs it up; uninstall restores it", async (t) => {
  const dir = repo(t);
  const hook = join(dir, ".git/hooks/pre-commit");
  writeFileSync(hook, "#!/bin/sh\necho mine\n", { mode: 0o755 });
  const refused = await runCli(["hook", "install"], { cwd: dir });
  assert.equal(refused.exitCode, 2);
  assert.match(refused.stderr, /not written by vaultshift/);
  assert.match(refused.stderr, /--force/);
  assert.equal(readFileSync(hook, "utf8"), "#!/bin/sh\necho mine\n");
  assert.equal((await runCli(["hook", "uninstall"], { cwd: dir })).exitCode, 2, "uninstall leaves a foreign hook alone");
  const forced = await runCli(["hook", "install", "--force"], { cwd: dir });
  assert.equal(forced.exitCode, 0);
  assert.match(forced.stdout, /pre-commit\.vaultshift-backup/);
  assert.equal(readFileSync(`${hook}.vaultshift-backup`, "utf8"), "#!/bin/sh\necho mine\n");
  const u = await runCli(["hook", "uninstall"], { cwd: dir });
  assert.match(u.stdout, /restored the previous one/);
  assert.equal(readFileSync(hook, "utf8"), "#!/bin/sh\necho mine\n");
});

test("core.hooksPath is respected; a husky hooksPath needs --force", async (t) => {
  const dir = repo(t);
  git(dir, "config", "core.hooksPath", "tools/hooks");
  mkdirSync(join(dir, "tools/hooks"), { recursive: true });
  assert.equal((await runCli(["hook", "install"], { cwd: dir })).exitCode, 0);
  assert.ok(existsSync(join(dir, "tools/hooks/pre-commit")));
  git(dir, "config", "core.hooksPath", ".husky/_");
  const husky = await runCli(["hook", "install"], { cwd: dir });
  assert.equal(husky.exitCode, 2);
  assert.match(husky.stderr, /husky/);
});

test("outside a repository, and with a bad action, hook exits 2", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const r = await runCli(["hook", "install"], { cwd: dir });
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /not inside a git repository/);
  assert.equal((await runCli(["hook", "bogus"], { cwd: dir })).exitCode, 2);
  assert.equal((await runCli(["hook"], { cwd: dir })).exitCode, 2);
  const p = await runCli(["hook", "print"], { cwd: dir });
  assert.equal(p.exitCode, 0);
  assert.match(p.stdout, /pre-commit-config\.yaml/);
});

test("the installed hook blocks a commit that adds a secret and lets a clean one through", { timeout: 60_000 }, async (t) => {
  const dir = repo(t);
  // The hook prefers ./node_modules/.bin/vaultshift: point it at this build.
  const binDir = join(dir, "node_modules/.bin");
  mkdirSync(binDir, { recursive: true });
  const entry = new URL("../../../bin/vaultshift.js", import.meta.url).pathname;
  writeFileSync(join(binDir, "vaultshift"), `#!/bin/sh\nexec "${process.execPath}" "${entry}" "$@"\n`, { mode: 0o755 });
  writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
  assert.equal((await runCli(["hook", "install"], { cwd: dir })).exitCode, 0);
  // A NODE_EXTRA_CA_CERTS naming a missing file: Node warns ("Ignoring extra
  // certs from ...") on stderr when it reads the variable; the hook unsets it.
  const { NODE_EXTRA_CA_CERTS: _given, ...withoutCa } = GIT_TEST_ENV;
  const commit = (msg: string, env: NodeJS.ProcessEnv) => spawnSync("git", ["commit", "-q", "-m", msg], { cwd: dir, env: { ...env, NO_COLOR: "1" }, encoding: "utf8", timeout: 30_000 });
  const missingCa = { ...withoutCa, NODE_EXTRA_CA_CERTS: join(dir, "no-such-ca.pem") };
  writeFileSync(join(dir, "README.md"), "hello\n");
  git(dir, "add", "-A");
  const ok = commit("clean", missingCa);
  assert.equal(ok.status, 0, ok.stderr + ok.stdout);
  assert.doesNotMatch(ok.stderr, /extra certs/);
  writeFileSync(join(dir, ".env"), "AWS_ACCESS_KEY_ID=AKIAHOOKQWERTYZ23456\n"); // vaultshift:allow
  git(dir, "add", ".env");
  const blocked = commit("leak", missingCa);
  assert.notEqual(blocked.status, 0, "the hook stops the commit");
  assert.match(blocked.stdout + blocked.stderr, /aws-access-key-id/);
  assert.doesNotMatch(blocked.stderr, /extra certs/);
  const unset = commit("leak", withoutCa);
  assert.notEqual(unset.status, 0, "the hook stops the commit without the variable too");
  assert.match(unset.stdout + unset.stderr, /aws-access-key-id/);
  assert.ok(!(blocked.stdout + blocked.stderr).includes("AKIAHOOKQWERTYZ23456")); // vaultshift:allow
});

// The hook runs the scan without NODE_EXTRA_CA_CERTS (Node would load
// certificates at start-up for a scan that never connects), except through
// npx, where npm may need them. Each branch, run by sh with stand-ins that
// record what they were started with.
test("the installed hook runs vaultshift without NODE_EXTRA_CA_CERTS, npx with it", async (t) => {
  const dir = repo(t);
  assert.equal((await runCli(["hook", "install"], { cwd: dir })).exitCode, 0);
  const hook = join(dir, ".git/hooks/pre-commit");
  const record = join(dir, "record.txt");
  const standIn = (file: string, name: string) => {
    mkdirSync(join(file, ".."), { recursive: true });
    // npx answers the hook's `npx --no-install vaultshift --version` probe: it has a vaultshift.
    writeFileSync(file, `#!/bin/sh\n${name === "npx" ? 'case "$*" in *--version) exit 0;; esac\n' : ""}printf '%s|%s|%s\\n' "${name}" "\${NODE_EXTRA_CA_CERTS-<unset>}" "$*" > "${record}"\nexit 1\n`, { mode: 0o755 });
  };
  const onPath = join(dir, "..", `${dir.split("/").at(-1)}-path`);
  t.after(() => spawnSync("rm", ["-rf", onPath]));
  mkdirSync(onPath, { recursive: true });
  const run = () => {
    const r = spawnSync("sh", [hook], { cwd: dir, env: { PATH: `${onPath}:/usr/bin:/bin`, NODE_EXTRA_CA_CERTS: "/etc/corporate-ca.pem" }, encoding: "utf8" });
    return { status: r.status, seen: readFileSync(record, "utf8").trim() };
  };
  standIn(join(onPath, "npx"), "npx");
  assert.deepEqual(run(), { status: 1, seen: "npx|/etc/corporate-ca.pem|--no-install vaultshift scan --staged" });
  standIn(join(onPath, "vaultshift"), "path");
  assert.deepEqual(run(), { status: 1, seen: "path|<unset>|scan --staged" });
  standIn(join(dir, "node_modules/.bin/vaultshift"), "local");
  assert.deepEqual(run(), { status: 1, seen: "local|<unset>|scan --staged" });
});

test("the husky and lefthook snippets run the scan with NODE_EXTRA_CA_CERTS empty", () => {
  assert.match(HUSKY_SNIPPET, /^NODE_EXTRA_CA_CERTS= vaultshift scan --staged$/m);
  assert.match(LEFTHOOK_SNIPPET, /^ {6}run: NODE_EXTRA_CA_CERTS= npx --no-install vaultshift scan --staged$/m);
  for (const snippet of [HUSKY_SNIPPET, LEFTHOOK_SNIPPET]) {
    const line = snippet.trimEnd().split("\n").at(-1)!.replace(/^ *run: /, "");
    assert.equal(spawnSync("sh", ["-n", "-c", line]).status, 0, line);
  }
});

test("the hook falls back to the vaultshift that installed it, and says what to do when no vaultshift is left", (t) => {
  const dir = repo(t);
  const { dir: elsewhere, cleanup } = tempDir("vaultshift-installer-");
  t.after(cleanup);
  // A PATH with node only: no vaultshift, no npx (sh's own builtins do the rest).
  const bin = join(elsewhere, "bin");
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, "node"));
  const installer = join(elsewhere, "it's here", "vaultshift.js");
  mkdirSync(join(elsewhere, "it's here"));
  writeFileSync(installer, 'console.log("installer ran: " + process.argv.slice(2).join(" "));\n');
  const hook = join(dir, "pre-commit-test");
  writeFileSync(hook, hookScript(installer), { mode: 0o755 });
  assert.equal(spawnSync("sh", ["-n", hook]).status, 0, "sh syntax, with a quote in the path");
  const ran = spawnSync("/bin/sh", [hook], { cwd: dir, env: { PATH: bin } });
  assert.equal(ran.status, 0, ran.stderr.toString());
  assert.equal(ran.stdout.toString(), "installer ran: scan --staged\n");
  rmSync(installer);
  const gone = spawnSync("/bin/sh", [hook], { cwd: dir, env: { PATH: bin } });
  assert.equal(gone.status, 1, "a commit nobody checked is blocked");
  assert.match(gone.stderr.toString(), /vaultshift is not installed here .*gone from where the hook was installed from.*not checked for secrets/);
  assert.match(gone.stderr.toString(), /npm install --save-dev vaultshift.*--no-verify/);
  // Only a vaultshift script outside the repository is recorded.
  assert.equal(installerScript(dir, join(elsewhere, "other.js")), undefined);
  writeFileSync(installer, "");
  assert.equal(installerScript(dir, installer), installer);
  mkdirSync(join(dir, "node_modules/vaultshift/bin"), { recursive: true });
  writeFileSync(join(dir, "node_modules/vaultshift/bin/vaultshift.js"), "");
  assert.equal(installerScript(dir, join(dir, "node_modules/vaultshift/bin/vaultshift.js")), undefined, "the project's own binary comes first anyway");
});
