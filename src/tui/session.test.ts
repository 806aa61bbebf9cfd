import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { runCli } from "../cli/main.js";
import { assertMigrated, migrateFixture } from "../e2e/harness.js";
import { canaries, pipelineCases, rawVault, snapshot, writeTree, type PipelineCase } from "../migrate/testing.js";
import { EXIT_INTERRUPTED, EXIT_QUIT } from "./session.js";
import { fakeTerminal, KEYS, migrateThroughUi, REVIEW_ACCEPT, startSession, toConfirm, uiMigrate, type FakeTerminal } from "./testing.js";

const cases = pipelineCases("tui", "demo-app");

const sessionOf = (c: PipelineCase, app: string, t?: FakeTerminal, hooks = {}) =>
  startSession({ root: c.root, cwd: c.root, vault: c.vault, env: c.env, app, history: false, colour: false }, t, hooks);

/** Nothing under the app's Vault paths, and no policy for it. */
async function assertVaultUntouched(c: PipelineCase, app: string): Promise<void> {
  const v = rawVault(c.vault.address, c.vault.token);
  assert.equal((await v.send("LIST", `secret/metadata/${app}`)).status, 404);
  assert.equal((await v.get(`sys/policies/acl/${app}-read`)).status, 404);
}

/** Every line of every frame fits an 80×24 terminal, below its last row (ink clears the screen for a frame as tall as the terminal). */
function assertFits(t: FakeTerminal): void {
  for (const frame of t.frames()) {
    const lines = stripVTControlCharacters(frame).replace(/\n$/, "").split("\n");
    assert.ok(lines.length < 24, `a frame has ${lines.length} lines:\n${frame}`);
    for (const l of lines) assert.ok(l.length <= 80, `a line is ${l.length} columns wide: ${l}`);
  }
}

test("migrate end to end through the session: the app behaves the same, nothing left, no value on any frame", async () => {
  let t: FakeTerminal | undefined;
  const run = await migrateFixture(cases.server, { fixture: "demo-app", app: "acme-shop-tui", environments: ["development", "staging", "production"], entry: "src/settings.mjs" }, cases.tmp.dir, uiMigrate((x) => (t = x)));
  await assertMigrated(run, cases.server);
  const all = t!.everything();
  for (const value of run.planted) assert.ok(!all.includes(value), `a planted value (${value.slice(0, 6)}…) was drawn`);
  assert.match(all, /\[Review\]/);
  assert.match(all, /Verdict: zero-secrets/);
  assert.match(all, /vaultshift rollback --yes/);
  assert.match(all, /reports\/migration-report\.md/);
  assertFits(t!);
});

test("q on the overview quits: exit 3, the tree byte-identical, no plan file, Vault untouched", async () => {
  const c = cases.next();
  const s = sessionOf(c, `tui-quit-${c.n}`);
  await s.t.waitFor("Enter review the plan");
  assert.match(s.t.screen(), /secrets? found in \d+ files?/);
  s.t.press("q");
  assert.equal(await s.code, EXIT_QUIT);
  assert.match(s.t.screen(), /Nothing was written/);
  assert.deepEqual(snapshot(c.root), c.original);
  await assertVaultUntouched(c, `tui-quit-${c.n}`);
});

test("a session that ended leaves no process listener behind (ink's beforeExit hook is removed)", async () => {
  const c = cases.next();
  const before = process.listenerCount("beforeExit");
  const s = sessionOf(c, `tui-listeners-${c.n}`);
  await s.t.waitFor("Enter review the plan");
  s.t.press("q");
  assert.equal(await s.code, EXIT_QUIT);
  assert.equal(process.listenerCount("beforeExit"), before);
});

test("Esc on the confirm screen goes back to the review; q there quits without writing anything", async () => {
  const c = cases.next();
  const s = sessionOf(c, `tui-back-${c.n}`);
  await s.t.waitFor("Enter review the plan");
  s.t.press(KEYS.enter);
  await s.t.waitFor("[Review]");
  s.t.press(REVIEW_ACCEPT);
  const confirm = await s.t.waitFor("[a] Apply now");
  assert.match(confirm, /Nothing has been written yet/);
  assert.ok(confirm.includes(c.vault.address));
  s.t.press(KEYS.escape);
  await s.t.waitFor("[Review]");
  s.t.press(REVIEW_ACCEPT);
  await s.t.waitFor("[a] Apply now");
  s.t.press("q");
  assert.equal(await s.code, EXIT_QUIT);
  assert.deepEqual(snapshot(c.root), c.original);
  await assertVaultUntouched(c, `tui-back-${c.n}`);
});

test("save and quit writes only the plan file and says how to apply it", async () => {
  const c = cases.next();
  const s = sessionOf(c, `tui-save-${c.n}`);
  await toConfirm(s.t);
  s.t.press(KEYS.down);
  await s.t.waitFor("› [s]");
  s.t.press(KEYS.enter);
  assert.equal(await s.code, 0);
  assert.match(s.t.screen(), /vaultshift apply vaultshift\.plan\.json/);
  const after = snapshot(c.root);
  assert.deepEqual([...after.keys()].filter((f) => !c.original.has(f)), ["vaultshift.plan.json"]);
  for (const [f, bytes] of c.original) assert.ok(after.get(f)!.equals(bytes), `${f} changed`);
  const plan = JSON.parse(readFileSync(join(c.root, "vaultshift.plan.json"), "utf8"));
  assert.equal(plan.app, `tui-save-${c.n}`);
  await assertVaultUntouched(c, `tui-save-${c.n}`);
  for (const value of canaries(c.root).filter((v) => v.length > 8)) assert.ok(!s.t.everything().includes(value));
});

test("nothing to migrate: Confirm offers no apply (which wrote an empty policy and said the app reads Vault now); Enter quits with exit 0, nothing written", async () => {
  const c = cases.next();
  const app = `tui-empty-${c.n}`;
  const root = writeTree(join(c.root, "..", `empty-${c.n}`), {
    "package.json": '{"name":"empty","version":"1.0.0"}\n',
    ".env": "PORT=3000\nLOG_LEVEL=info\n",
    "index.js": "console.log(process.env.PORT, process.env.LOG_LEVEL);\n",
  });
  const before = snapshot(root);
  const s = startSession({ root, cwd: root, vault: c.vault, env: c.env, app, history: false, colour: false });
  const overview = await s.t.waitFor("Nothing to migrate: no secret is left in the tree");
  assert.doesNotMatch(overview, /Vault path|read by the app/);
  assert.match(overview, /2 config values stay where they are/);
  assert.match(s.t.screen(), /q\/Esc quit, nothing to migrate/);
  s.t.press(KEYS.enter);
  await s.t.waitFor("[Review]");
  s.t.press(REVIEW_ACCEPT);
  const confirm = await s.t.waitFor("Nothing to apply: the plan moves no secret.");
  assert.doesNotMatch(confirm, /Apply now|Save the plan/);
  assert.match(confirm, /b back, then s on it in the config tab/);
  s.t.press("a"); // not a choice here
  s.t.press("s");
  s.t.press(KEYS.enter);
  assert.equal(await s.code, 0);
  assert.match(s.t.screen(), /Nothing to migrate\.[\s\S]*nothing was written/);
  assert.doesNotMatch(s.t.everything(), /reads its secrets from Vault now/);
  assert.deepEqual(snapshot(root), before);
  await assertVaultUntouched(c, app);
});

test("a file changed between the plan and apply: the apply is refused before its first step, and the screen says nothing was written, not to resume or roll back", async () => {
  const c = cases.next();
  const app = `tui-stale-${c.n}`;
  const s = sessionOf(c, app);
  await toConfirm(s.t);
  const edited = s.seen.plan!.files.find((f) => f.kind === "code")!.file;
  writeFileSync(join(c.root, edited), `${readFileSync(join(c.root, edited), "utf8")}// edited meanwhile\n`);
  s.t.press("a");
  assert.equal(await s.code, 2);
  const screen = s.t.screen();
  assert.match(screen, new RegExp(`changed since the plan was made: ${edited.replace(/[.]/g, "\\.")}`));
  assert.match(screen, /No step ran: nothing was written to Vault or to the project but the plan file\s+vaultshift\.plan\.json/);
  assert.match(screen, /run `vaultshift migrate` again/);
  assert.doesNotMatch(screen, /resume|rollback/);
  const after = snapshot(c.root);
  assert.deepEqual([...after.keys()].filter((f) => !c.original.has(f)), ["vaultshift.plan.json"]);
  for (const [f, bytes] of c.original) if (f !== edited) assert.ok(after.get(f)!.equals(bytes), `${f} changed`);
  await assertVaultUntouched(c, app);
});

test("a token that may only read the app's paths: Confirm says which writes it may not make before anything is written; a root token sees no such warning", async () => {
  const c = cases.next();
  const app = `tui-readonly-${c.n}`;
  const root = rawVault(c.vault.address, c.vault.token);
  const policy = `path "secret/data/${app}/*" { capabilities = ["read", "list"] }\npath "secret/metadata/${app}/*" { capabilities = ["read", "list"] }\n`;
  assert.equal((await root.send("PUT", `sys/policies/acl/${app}-reader`, { policy })).status, 204);
  const created = await root.send("POST", "auth/token/create", { policies: [`${app}-reader`], ttl: "10m" });
  const token = created.body.auth.client_token as string;
  const s = startSession({ root: c.root, cwd: c.root, vault: { ...c.vault, token }, env: c.env, app, history: false, colour: false });
  await s.t.waitFor("Enter review the plan");
  s.t.press(KEYS.enter);
  await s.t.waitFor("[Review]");
  s.t.press(REVIEW_ACCEPT);
  const paths = new Set(s.seen.plan!.targets.map((t) => t.path)).size;
  const confirm = await s.t.waitFor("The token may not write");
  assert.equal(s.seen.denied?.length, paths + 1);
  assert.match(confirm, new RegExp(`may not write ${paths + 1} of the ${paths + 1} Vault locations this plan writes`));
  assert.match(confirm, new RegExp(`secret/data/${app}/\\S+ \\(the token may: list, read\\)`));
  assert.match(confirm, /Ask for a policy granting create and update there, or use another VAULT_TOKEN/);
  assert.ok(!s.t.everything().includes(token), "the token was drawn");
  s.t.press("q");
  assert.equal(await s.code, EXIT_QUIT);
  assert.deepEqual(snapshot(c.root), c.original);
  await assertVaultUntouched(c, app);

  // The same plan under the root token: no warning on Confirm.
  const c2 = cases.next();
  const r = sessionOf(c2, `tui-rootok-${c2.n}`);
  await toConfirm(r.t);
  for (const deadline = Date.now() + 10_000; r.seen.denied === undefined && Date.now() < deadline; ) await new Promise((res) => setTimeout(res, 10));
  assert.deepEqual(r.seen.denied, []);
  r.t.press("q");
  assert.equal(await r.code, EXIT_QUIT);
  assert.doesNotMatch(r.t.everything(), /may not write/);
});

test("the report screen says the policy was not checked (verdict unchecked, exit 1) and wraps why and what to do instead of cutting them", async () => {
  const c = cases.next();
  const why = "the policy could not be checked: POST /v1/auth/token/create was denied (403): permission denied";
  const todo = "run vaultshift verify again with a token that may use auth/token/create";
  // What verifyPlan returns when the probe token cannot be made (src/verify/verifier.test.ts checks that it does).
  const s = startSession({ root: c.root, cwd: c.root, vault: c.vault, env: c.env, app: `tui-unchecked-${c.n}`, history: false, colour: false }, fakeTerminal(), {
    verified: (v) => ({ ...v, verdict: "unchecked", policy: { ...v.policy, checked: false, message: why }, unchecked: [{ check: "policy", reason: `not checked (${why})`, next: todo }], secrets: v.secrets.map((x) => ({ ...x, readableByPolicy: null })) }),
  });
  assert.equal(await migrateThroughUi(s), 1);
  const screen = s.t.screen();
  assert.match(screen, /Verdict: unchecked/);
  assert.doesNotMatch(screen, /zero-secrets/);
  const policy = screen.slice(screen.indexOf("policy tui-unchecked-"), screen.indexOf("re-scan:"));
  assert.equal(policy.replace(/\s+/g, " ").trim(), `policy tui-unchecked-${c.n}-read not checked: ${why}. What to do: ${todo}.`);
  assertFits(s.t);
});

test("at 60 columns the report screen wraps what to do next instead of cutting it", async () => {
  const c = cases.next();
  const app = `tui-narrow-${c.n}`;
  const s = startSession({ root: c.root, cwd: c.root, vault: c.vault, env: c.env, app, history: false, colour: false }, fakeTerminal(60, 24));
  assert.equal(await migrateThroughUi(s), 0);
  const screen = s.t.screen();
  assert.match(screen.replace(/\s+/g, " "), new RegExp(`run it with VAULT_ADDR and a token holding the policy ${app}-read\\.`));
  for (const l of screen.split("\n")) assert.ok([...l].length <= 60, `a line is ${[...l].length} columns wide: ${l}`);
  // Every line but the header's step list (cut, as on every screen) ends whole.
  assert.doesNotMatch(screen.split("\n").slice(1).join("\n"), /…\s*$/m);
  assert.match(screen.replace(/\s+/g, " "), /secrets read back from Vault and matched their fingerprints/);
});

test("Ctrl-C while a larger project is planned (on the planning thread) quits at once: no overview, exit 3, nothing written", async () => {
  const c = cases.next();
  const files: Record<string, string> = {};
  for (let i = 0; i < 200; i++) files[`src/gen/module${i}.js`] = Array.from({ length: 60 }, (_, j) => `export const value${j} = process.env.SETTING_${j % 7} ?? "default-${i}-${j}";\n`).join("");
  writeTree(c.root, files);
  const before = snapshot(c.root);
  const s = sessionOf(c, `tui-planstop-${c.n}`);
  await s.t.waitFor("Scanning");
  s.t.press(KEYS.ctrlC);
  assert.equal(await s.code, EXIT_QUIT);
  assert.match(s.t.screen(), /Quit\.[\s\S]*Nothing was written/);
  assert.doesNotMatch(s.t.everything(), /Enter review the plan/);
  assert.equal(s.seen.plan, undefined);
  assert.deepEqual(snapshot(c.root), before);
});

test("Ctrl-C while a larger project is verified (on the planning thread) stops at once: exit 130, the plan applied, how to finish", async () => {
  const c = cases.next();
  const files: Record<string, string> = {};
  for (let i = 0; i < 200; i++) files[`src/gen/module${i}.js`] = Array.from({ length: 60 }, (_, j) => `export const value${j} = process.env.SETTING_${j % 7} ?? "default-${i}-${j}";\n`).join("");
  writeTree(c.root, files);
  const s = sessionOf(c, `tui-verifystop-${c.n}`);
  await toConfirm(s.t);
  s.t.press("a");
  await s.t.waitFor("Verifying");
  s.t.press(KEYS.ctrlC);
  assert.equal(await s.code, EXIT_INTERRUPTED);
  const screen = s.t.screen();
  assert.match(screen, /The plan was applied in full; verification did not finish/);
  assert.match(screen, /vaultshift verify vaultshift\.plan\.json/);
  assert.equal(s.seen.verification, undefined);
  assert.ok(s.seen.apply, "applied");
});

test("Ctrl-C during apply stops between two journaled steps (exit 130); `vaultshift apply --yes` then resumes and finishes", async () => {
  const c = cases.next();
  const app = `tui-stop-${c.n}`;
  const t = fakeTerminal();
  const s = sessionOf(c, app, t, { onStep: (step: number) => step === 3 && t.press(KEYS.ctrlC) });
  await toConfirm(s.t);
  s.t.press("a");
  assert.equal(await s.code, EXIT_INTERRUPTED);
  const screen = s.t.screen();
  assert.match(screen, /Interrupted/);
  assert.match(screen, /Stopped before step 3: steps 1–2 are done/);
  assert.match(screen, /vaultshift apply vaultshift\.plan\.json --yes/);
  assert.equal(s.seen.apply, undefined);
  const resumed = await runCli(["apply", "--yes"], { cwd: c.root, env: { ...c.env, VAULT_ADDR: c.vault.address, VAULT_TOKEN: c.vault.token } });
  assert.equal(resumed.exitCode, 0, resumed.stderr);
  const verified = await runCli(["verify"], { cwd: c.root, env: { ...c.env, VAULT_ADDR: c.vault.address, VAULT_TOKEN: c.vault.token } });
  assert.match(verified.stdout, /Verdict: zero-secrets/, verified.stdout + verified.stderr);
});

test("migrate without --yes and without a terminal refuses (exit 2) and points to --yes", async () => {
  const c = cases.next();
  const r = await runCli(["migrate", c.root], { env: { ...c.env, VAULT_ADDR: c.vault.address, VAULT_TOKEN: c.vault.token } });
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /needs a terminal/);
  assert.match(r.stderr, /migrate --yes/);
  assert.deepEqual(snapshot(c.root), c.original);
});

for (const ci of [{ CI: "true" }, { CI: "1" }, { CONTINUOUS_INTEGRATION: "yes" }]) {
  test(`migrate without --yes in CI (${JSON.stringify(ci)}) refuses even on a terminal`, async () => {
    const c = cases.next();
    const t = fakeTerminal();
    const r = await runCli(["migrate", c.root], { env: { ...c.env, ...ci, VAULT_ADDR: c.vault.address, VAULT_TOKEN: c.vault.token }, terminal: t.terminal });
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /needs a terminal/);
    assert.equal(t.everything(), "");
  });
}

test("migrate without --yes on a dumb terminal (TERM=dumb) refuses (exit 2) before drawing anything", async () => {
  const c = cases.next();
  const t = fakeTerminal();
  const r = await runCli(["migrate", c.root], { env: { ...c.env, TERM: "dumb", VAULT_ADDR: c.vault.address, VAULT_TOKEN: c.vault.token }, terminal: t.terminal });
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /dumb terminal/);
  assert.match(r.stderr, /migrate --yes/);
  assert.equal(t.everything(), "");
  assert.deepEqual(snapshot(c.root), c.original);
});

test("CI=false on a terminal opens the session", async () => {
  const c = cases.next();
  const t = fakeTerminal();
  const r = await runCli(["migrate", c.root], { env: { ...c.env, CI: "false", VAULT_ADDR: "http://127.0.0.1:9", VAULT_TOKEN: c.vault.token }, terminal: t.terminal });
  assert.equal(r.exitCode, 2);
  assert.match(t.screen(), /Could not reach Vault/);
});

test("a Vault that refuses the token: what failed, the address, how to fix it; exit 2, nothing written", async () => {
  const c = cases.next();
  const t = fakeTerminal();
  const r = await runCli(["migrate", c.root], { env: { ...c.env, VAULT_ADDR: c.vault.address, VAULT_TOKEN: "hvs.not-a-valid-token", NO_COLOR: "1" }, terminal: t.terminal });
  assert.equal(r.exitCode, 2);
  const screen = t.screen();
  assert.match(screen, /refused the token/);
  assert.match(screen.replace(/\s+/g, " "), /\(403 on GET \/v1\/auth\/token\/lookup-self\)/, "lookup-self named once");
  assert.ok(screen.includes(c.vault.address), screen);
  assert.match(screen, /VAULT_TOKEN/);
  assert.match(screen, /vaultshift\s+dev-server/);
  assert.ok(!t.everything().includes("hvs.not-a-valid-token"));
  assert.ok(!t.frames().some((f) => /\u001b\[3\dm/.test(f)), "NO_COLOR: no colour");
  assert.deepEqual(snapshot(c.root), c.original);
});

test("no token at all: the session says there is none (not that Vault refused one) and how to give one; exit 2, nothing written", async () => {
  const c = cases.next();
  const t = fakeTerminal();
  const env = { ...c.env, VAULT_ADDR: c.vault.address, HOME: c.root, NO_COLOR: "1" };
  delete (env as Record<string, string | undefined>).VAULT_TOKEN;
  const r = await runCli(["migrate", c.root], { env, terminal: t.terminal });
  assert.equal(r.exitCode, 2);
  const screen = t.screen().replace(/\s+/g, " ");
  assert.match(screen, new RegExp(`No token to use with the Vault at ${c.vault.address.replace(/[.]/g, "\\.")}: VAULT_TOKEN is not set`));
  assert.doesNotMatch(screen, /refused/);
  assert.match(screen, /Set VAULT_TOKEN/);
  assert.deepEqual(snapshot(c.root), c.original);
});

test("no Vault at the address: could not reach it, exit 2, nothing written", async () => {
  const c = cases.next();
  const t = fakeTerminal();
  const r = await runCli(["migrate", c.root], { env: { ...c.env, VAULT_ADDR: "http://127.0.0.1:9", VAULT_TOKEN: c.vault.token }, terminal: t.terminal });
  assert.equal(r.exitCode, 2);
  assert.match(t.screen(), /Could not reach Vault at http:\/\/127\.0\.0\.1:9/);
  assert.match(t.screen(), /VAULT_ADDR/);
  assert.deepEqual(snapshot(c.root), c.original);
});

test("migrate --help describes the session, its keys and its exit codes", async () => {
  const r = await runCli(["migrate", "--help"]);
  assert.equal(r.exitCode, 0);
  for (const want of [/interactive session/, /q or Esc quit without writing/, /Ctrl-C/, /3 quit/, /130/, /NO_COLOR/, /CI=true/]) assert.match(r.stdout, want);
});

test("secrets committed to git: the overview says to rotate them", async () => {
  const c = cases.next();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: c.root, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "init");
  const s = startSession({ root: c.root, cwd: c.root, vault: c.vault, env: c.env, app: `tui-hist-${c.n}`, history: true, colour: false });
  const screen = await s.t.waitFor("Enter review the plan");
  assert.match(screen, /Rotate 15 secrets: git history keeps their values/);
  s.t.press("q");
  assert.equal(await s.code, EXIT_QUIT);
});

test("a plan that cannot be made (a broken config file): the error and what to do, exit 2, nothing written", async () => {
  const c = cases.next();
  writeFileSync(join(c.root, "vaultshift.config.json"), "{ not json");
  const before = snapshot(c.root);
  const s = sessionOf(c, `tui-bad-${c.n}`);
  assert.equal(await s.code, 2);
  assert.match(s.t.screen(), /Error[\s\S]*vaultshift\.config\.json/);
  assert.doesNotMatch(s.t.everything(), /\n\s+at /, "no stack");
  assert.deepEqual(snapshot(c.root), before);
});

test("secrets the migration leaves (a JSON file it does not rewrite): verdict secrets-remaining, exit 1, the long list cut to the terminal", async () => {
  const c = cases.next();
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const token = () => `ghp_${Array.from(randomBytes(36), (b) => alphabet[b % alphabet.length]).join("")}`;
  const tokens = Array.from({ length: 30 }, token);
  writeFileSync(join(c.root, "deploy.json"), `${JSON.stringify(Object.fromEntries(tokens.map((t, i) => [`token${i}`, t])), null, 2)}\n`);
  const s = sessionOf(c, `tui-left-${c.n}`);
  assert.equal(await migrateThroughUi(s), 1);
  const screen = s.t.screen();
  assert.match(screen, /Verdict: secrets-remaining/);
  assert.match(screen, /re-scan: 30 secrets left in the tree/);
  assert.match(screen, /… and \d+ more \(see the report\)/);
  assertFits(s.t);
  const all = s.t.everything();
  for (const t of tokens) assert.ok(!all.includes(t) && !all.includes(t.slice(4, 20)), "a token was drawn");
});

test("below 60×15 the session says the terminal is too small (fitting it), reads only Ctrl-C, and comes back where it was on a resize", async () => {
  const c = cases.next();
  const t = fakeTerminal();
  const s = startSession({ root: c.root, cwd: c.root, vault: c.vault, env: c.env, app: `tui-small-${c.n}`, history: false, colour: false }, t);
  try {
  await t.waitFor("Enter review the plan");
  t.resize(50, 12);
  let screen = await t.waitFor(/Terminal\s+too\s+small:\s+50×12;\s+this\s+session\s+needs\s+60×15\./);
  assert.match(screen.replace(/\s+/g, " "), /Enlarge the window to go on \(nothing is lost\); Ctrl-C quits\./);
  const small = screen.replace(/\n$/, "").split("\n");
  assert.ok(small.length < 12 && small.every((l) => l.length <= 50), screen);
  t.press(KEYS.enter); // not read: no screen to act on
  t.resize(80, 24);
  await t.waitFor("Enter review the plan");
  t.press(KEYS.enter);
  await t.waitFor("[Review]");
  // In the review: move the cursor, shrink (keys are not read), grow: the cursor is where it was.
    const first = /^> +(\S+)/m.exec(await t.waitFor(/^> +\S+/m))![1]!;
    t.press(KEYS.down);
    const moved = await t.waitFor(new RegExp(`^> +(?!${first}\\b)\\S+`, "m"));
    const row = /^> +(\S+)/m.exec(moved)![1];
  t.resize(59, 24);
  await t.waitFor(/Terminal\s+too\s+small:\s+59×24/);
  t.press("q");
  t.press(KEYS.down);
  t.resize(80, 24);
  screen = await t.waitFor("[Review]");
  assert.equal(/^> +(\S+)/m.exec(screen)?.[1], row);
  assert.doesNotMatch(screen, /Quit\./);
  t.resize(70, 14);
  await t.waitFor(/Terminal\s+too\s+small:\s+70×14/);
  } finally {
    t.press(KEYS.ctrlC);
  }
  assert.equal(await s.code, EXIT_QUIT);
  await assertVaultUntouched(c, `tui-small-${c.n}`);
});

test("Ctrl-Z suspends the session as a shell job: raw mode left and the cursor shown, the process stopped; on SIGCONT raw mode back, the screen drawn again, keys read", async () => {
  const c = cases.next();
  const s = startSession({ root: c.root, cwd: c.root, vault: c.vault, env: c.env, app: `tui-ctrlz-${c.n}`, history: false, colour: false });
  const stdin = s.t.terminal.stdin as unknown as { rawModes: boolean[] };
  try {
    await s.t.waitFor("Enter review the plan");
    const before = stdin.rawModes.length;
    const written = s.t.frames().length;
    s.t.press("\u001a");
    for (let i = 0; i < 1000 && s.job.stops === 0; i++) await new Promise((r) => setImmediate(r));
    assert.equal(s.job.stops, 1, "the process was not stopped");
    assert.deepEqual(stdin.rawModes.slice(before), [false]);
    assert.ok(s.t.frames().slice(written).some((f) => f.includes("\u001b[?25h")), "the cursor is not shown for the shell");
    s.job.cont();
    const screen = await s.t.waitFor("Resumed.");
    assert.match(screen, /Enter review the plan/);
    assert.deepEqual(stdin.rawModes.slice(before), [false, true]);
    s.t.press(KEYS.enter);
    assert.doesNotMatch(await s.t.waitFor("[Review]"), /Resumed\./);
  } finally {
    s.t.press(KEYS.ctrlC);
  }
  assert.equal(await s.code, EXIT_QUIT);
  await assertVaultUntouched(c, `tui-ctrlz-${c.n}`);
});
