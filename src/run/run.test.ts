import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDevServer, type DevServer } from "../devserver/index.js";
import { testPlan, writeTestPlan } from "./test-plan.js";

// `vaultshift run -- cmd` as a user runs it: the real binary, a real child
// process, the dev server on 127.0.0.1. Children print digests of what they
// got, never a value; every output of vaultshift itself is searched for the
// canary values.

const bin = fileURLToPath(new URL("../../../bin/vaultshift.js", import.meta.url));
const CANARY_DEV = "canary-DEV-db-pw-7Hq2Lx9Vb4";
const CANARY_PROD = "canary-PROD-db-pw-3Kz8Wm1Rt6";
const CANARY_STRIPE = "sk_live_canaryStr1pe9Qw2Ex4Rt";
const CANARIES = [CANARY_DEV, CANARY_PROD, CANARY_STRIPE];
const sha = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);
/** A child that prints `NAME=<digest>` (or `NAME unset`) for each name. */
const digestOf = (...names: string[]) => [
  process.execPath,
  "-e",
  `for (const n of ${JSON.stringify(names)}) { const v = process.env[n]; console.log(v === undefined ? n + " unset" : n + "=" + require("node:crypto").createHash("sha256").update(v).digest("hex").slice(0, 16)); }`,
];

let server: DevServer;
let dir: string;
let project: string;
let readToken: string;
let deniedToken: string;

async function vault(method: string, path: string, body?: unknown, token = server.rootToken): Promise<any> {
  const res = await fetch(`${server.address}/v1/${path}`, { method, headers: { "X-Vault-Token": token }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  assert.ok(res.status < 300, `${method} ${path}: ${res.status}`);
  return text ? JSON.parse(text) : undefined;
}

before(async () => {
  server = await startDevServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "vaultshift-run-"));
  project = join(dir, "shop");
  mkdirSync(join(project, "e2e"), { recursive: true });
  await vault("POST", "secret/data/shop/development/database", { data: { DB_PASSWORD: CANARY_DEV } });
  await vault("POST", "secret/data/shop/production/database", { data: { DB_PASSWORD: CANARY_PROD } });
  await vault("POST", "secret/data/shop/production/stripe", { data: { STRIPE_SECRET_KEY: CANARY_STRIPE, "not-a-name": "x1" } });
  writeTestPlan(
    join(project, "vaultshift.plan.json"),
    testPlan("shop", [
      { name: "DB_PASSWORD", environments: { development: "shop/development/database", production: "shop/production/database" } },
      { name: "STRIPE_SECRET_KEY", environments: { production: "shop/production/stripe" } },
    ]),
  );
  await vault("PUT", "sys/policies/acl/shop-read", { policy: 'path "secret/data/shop/*" { capabilities = ["read"] }' });
  await vault("PUT", "sys/policies/acl/other-read", { policy: 'path "secret/data/other/*" { capabilities = ["read"] }' });
  readToken = (await vault("POST", "auth/token/create", { policies: ["shop-read"], ttl: "1h" })).auth.client_token;
  deniedToken = (await vault("POST", "auth/token/create", { policies: ["other-read"], ttl: "1h" })).auth.client_token;
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  /** Called once the child printed `ready` on stdout, with vaultshift's pid. */
  onReady?: (pid: number) => void;
}

/** `vaultshift run ARGS`: the binary, with only PATH, HOME (no ~/.vault-token) and the Vault variables. */
function vs(args: string[], options: RunOptions = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "run", ...args], {
      cwd: options.cwd ?? project,
      env: { PATH: process.env.PATH ?? "", HOME: dir, VAULT_ADDR: server.address, VAULT_TOKEN: readToken, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let ready = false;
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      if (!ready && stdout.includes("ready")) {
        ready = true;
        options.onReady?.(child.pid!);
      }
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdin.end(options.input ?? "");
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** vaultshift's own output (the child prints digests only) holds no canary value. */
function assertNoCanary(r: Result): void {
  for (const c of CANARIES) assert.ok(!r.stdout.includes(c) && !r.stderr.includes(c), `a canary value (${c.slice(0, 10)}…) was printed`);
}

test("the child gets the plan's secrets for the environment: --env, else NODE_ENV; --env reaches it as VAULTSHIFT_ENV", async () => {
  const dev = await vs(["--", ...digestOf("DB_PASSWORD", "STRIPE_SECRET_KEY", "VAULTSHIFT_ENV")]);
  assert.equal(dev.code, 0, dev.stderr);
  assert.equal(dev.stdout, `DB_PASSWORD=${sha(CANARY_DEV)}\nSTRIPE_SECRET_KEY unset\nVAULTSHIFT_ENV unset\n`);
  const prod = await vs(["--env", "prod", "--", ...digestOf("DB_PASSWORD", "STRIPE_SECRET_KEY", "VAULTSHIFT_ENV")]);
  assert.equal(prod.code, 0, prod.stderr);
  assert.equal(prod.stdout, `DB_PASSWORD=${sha(CANARY_PROD)}\nSTRIPE_SECRET_KEY=${sha(CANARY_STRIPE)}\nVAULTSHIFT_ENV=${sha("production")}\n`);
  const byNodeEnv = await vs(["--", ...digestOf("DB_PASSWORD")], { env: { NODE_ENV: "production" } });
  assert.equal(byNodeEnv.stdout, `DB_PASSWORD=${sha(CANARY_PROD)}\n`);
  // From a subdirectory of the project: the plan is found above it.
  const sub = await vs(["--", ...digestOf("DB_PASSWORD")], { cwd: join(project, "e2e") });
  assert.equal(sub.stdout, `DB_PASSWORD=${sha(CANARY_DEV)}\n`);
  for (const r of [dev, prod, byNodeEnv, sub]) assertNoCanary(r);
  assert.equal(dev.stderr, "");
});

test("Vault is reached as the runtime client reaches it: ~/.vault-token, AppRole (VAULT_ROLE_ID, VAULT_SECRET_ID)", async () => {
  // `vault login` leaves the token in ~/.vault-token.
  const home = join(dir, "home-with-token");
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, ".vault-token"), `${readToken}\n`, { mode: 0o600 });
  const fromFile = await vs(["--", ...digestOf("DB_PASSWORD")], { env: { HOME: home, VAULT_TOKEN: "" } });
  assert.equal(fromFile.stdout, `DB_PASSWORD=${sha(CANARY_DEV)}\n`, fromFile.stderr);
  // AppRole: a login with the role's policy.
  await vault("POST", "sys/auth/approle", { type: "approle" });
  await vault("POST", "auth/approle/role/shop-ci", { token_policies: ["shop-read"], token_ttl: "10m" });
  const roleId = (await vault("GET", "auth/approle/role/shop-ci/role-id")).data.role_id as string;
  const secretId = (await vault("POST", "auth/approle/role/shop-ci/secret-id")).data.secret_id as string;
  const approle = await vs(["--env", "production", "--", ...digestOf("DB_PASSWORD")], { env: { VAULT_TOKEN: "", VAULT_ROLE_ID: roleId, VAULT_SECRET_ID: secretId } });
  assert.equal(approle.stdout, `DB_PASSWORD=${sha(CANARY_PROD)}\n`, approle.stderr);
  // A wrong secret ID: the login fails, said with what to do; the command is not started.
  const wrong = await vs(["--", process.execPath, "-e", "console.log('started')"], { env: { VAULT_TOKEN: "", VAULT_ROLE_ID: roleId, VAULT_SECRET_ID: "00000000-0000-0000-0000-000000000000" } });
  assert.equal(wrong.code, 2);
  assert.ok(!wrong.stdout.includes("started"));
  assert.match(wrong.stderr, /Could not read 1 secret of shop .* from Vault at http:\/\/127\.0\.0\.1:\d+: /);
  for (const r of [fromFile, approle, wrong]) assertNoCanary(r);
  for (const r of [fromFile, approle, wrong]) assert.ok(!r.stdout.includes(secretId) && !r.stderr.includes(secretId) && !r.stderr.includes(readToken));
});

test("a variable already set wins, named on stderr without its value; --override gives Vault's", async () => {
  const kept = await vs(["--", ...digestOf("DB_PASSWORD")], { env: { DB_PASSWORD: "from-the-shell" } });
  assert.equal(kept.stdout, `DB_PASSWORD=${sha("from-the-shell")}\n`);
  assert.match(kept.stderr, /DB_PASSWORD already set in the environment: kept.*--override/);
  const over = await vs(["--override", "--", ...digestOf("DB_PASSWORD")], { env: { DB_PASSWORD: "from-the-shell" } });
  assert.equal(over.stdout, `DB_PASSWORD=${sha(CANARY_DEV)}\n`);
  assert.equal(over.stderr, "");
  const quiet = await vs(["-q", "--", ...digestOf("DB_PASSWORD")], { env: { DB_PASSWORD: "from-the-shell" } });
  assert.equal(quiet.stderr, "");
  for (const r of [kept, over, quiet]) assertNoCanary(r);
});

test("--var and --path name what to set without a plan; a field that is no variable name is said, not set", async () => {
  const r = await vs(["--var", "PASS=secret/shop/production/database#DB_PASSWORD", "--path", "secret/shop/production/stripe", "--", ...digestOf("PASS", "STRIPE_SECRET_KEY", "DB_PASSWORD")], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `PASS=${sha(CANARY_PROD)}\nSTRIPE_SECRET_KEY=${sha(CANARY_STRIPE)}\nDB_PASSWORD unset\n`);
  assert.match(r.stderr, /not set, no variable name: secret\/shop\/production\/stripe#not-a-name/);
  // With --mount the path is inside it.
  const m = await vs(["--mount", "secret", "--var", "PASS=shop/development/database#DB_PASSWORD", "--", ...digestOf("PASS")], { cwd: dir });
  assert.equal(m.stdout, `PASS=${sha(CANARY_DEV)}\n`);
  for (const x of [r, m]) assertNoCanary(x);
});

test("the command's exit code is returned; death by signal N is 128+N; not found 127", async () => {
  const seven = await vs(["--", process.execPath, "-e", "process.exit(7)"]);
  assert.equal(seven.code, 7);
  const killed = await vs(["--", process.execPath, "-e", "process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 5000)"]);
  assert.equal(killed.code, 128 + 15);
  const missing = await vs(["--", "no-such-command-vaultshift-test"]);
  assert.equal(missing.code, 127);
  assert.match(missing.stderr, /command not found: no-such-command-vaultshift-test/);
});

test("SIGINT, SIGTERM and SIGHUP sent to vaultshift reach the command", async () => {
  for (const [signal, code] of [["SIGINT", 31], ["SIGTERM", 32], ["SIGHUP", 33]] as const) {
    const child = `process.on(${JSON.stringify(signal)}, () => process.exit(${code})); console.log("ready"); setTimeout(() => process.exit(99), 20000);`;
    const r = await vs(["--", process.execPath, "-e", child], { onReady: (pid) => process.kill(pid, signal) });
    assert.equal(r.code, code, `${signal}: ${r.stderr}`);
  }
});

test("arguments after -- reach the command verbatim (dashes, --help, a second --, spaces); stdin is the command's", async () => {
  const args = ["--help", "-e", "--", "--env", "production", "two words", "$DB_PASSWORD", "-q"];
  // A script file: node reads no option after it.
  const script = join(dir, "argv.cjs");
  writeFileSync(script, "console.log(JSON.stringify(process.argv.slice(2)));\n");
  const r = await vs(["--", process.execPath, script, ...args]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), args);
  const stdin = await vs(["--", process.execPath, "-e", "let n = 0; process.stdin.on('data', (c) => (n += c.length)).on('end', () => console.log(n))"], { input: "x".repeat(1000) });
  assert.equal(stdin.stdout.trim(), "1000");
});

test("--shell runs the words through /bin/sh; without it nothing is expanded", async () => {
  const shell = await vs(["--shell", "--", 'printf "%s" "$DB_PASSWORD" | wc -c']);
  assert.equal(shell.stdout.trim(), String(CANARY_DEV.length));
  const direct = await vs(["--", "printf", "%s", "$DB_PASSWORD"]);
  assert.equal(direct.stdout, "$DB_PASSWORD");
});

test("--dry-run reads every secret and lists names and locations, never a value, and runs nothing", async () => {
  const r = await vs(["--dry-run", "--env", "production", "--", process.execPath, "-e", "console.log('child' + 'ran')"], { env: { STRIPE_SECRET_KEY: "set-before" } });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(!r.stdout.includes("childran"));
  assert.match(r.stdout, /DB_PASSWORD\s+← secret\/shop\/production\/database#DB_PASSWORD/);
  assert.match(r.stdout, /STRIPE_SECRET_KEY\s+kept from the environment/);
  assert.match(r.stdout, /environment "production"/);
  assertNoCanary(r);
  // It reads: a missing secret fails the dry run too.
  const missing = await vs(["--dry-run", "--var", "X=secret/shop/production/nothing"]);
  assert.equal(missing.code, 2);
});

test("errors name the variable, path and key and what to do; the command is not started", async () => {
  const started = [process.execPath, "-e", "console.log('started')"];
  const key = await vs(["--var", "DB_USER=secret/shop/production/database#user", "--", ...started], { cwd: dir });
  assert.equal(key.code, 2);
  assert.match(key.stderr, /DB_USER ← secret\/shop\/production\/database#user: the secret has no field "user" \(it has: DB_PASSWORD\)/);
  const absent = await vs(["--var", "X=secret/shop/staging/database#DB_PASSWORD", "--", ...started], { cwd: dir });
  assert.match(absent.stderr, /X ← secret\/shop\/staging\/database#DB_PASSWORD: .*secret\/shop\/staging\/database/);
  // 403: the policy path to grant is named.
  const denied = await vs(["--env", "production", "--", ...started], { env: { VAULT_TOKEN: deniedToken } });
  assert.equal(denied.code, 2);
  assert.match(denied.stderr, /path "secret\/data\/shop\/production\/database" \{ capabilities = \["read"\] \}/);
  assert.match(denied.stderr, /path "secret\/data\/shop\/production\/stripe"/);
  // Vault unreachable: the address is named, once.
  const port = await closedPort();
  const down = await vs(["--", ...started], { env: { VAULT_ADDR: `http://127.0.0.1:${port}`, VAULT_MAX_RETRIES: "0" } });
  assert.equal(down.code, 2);
  assert.match(down.stderr, new RegExp(`Could not read 1 secret of shop \\(environment "development"\\) from Vault at http://127\\.0\\.0\\.1:${port}`));
  // No plan and no flags.
  const none = await vs(["--", ...started], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /No vaultshift\.plan\.json in .* no --var or --path/);
  // An environment nobody migrated.
  const staging = await vs(["--env", "staging", "--", ...started]);
  assert.match(staging.stderr, /"staging" .*knows: development, production/);
  // The command before -- is a usage error.
  const order = await vs(["echo", "x"]);
  assert.equal(order.code, 2);
  assert.match(order.stderr, /after `--`/);
  for (const r of [key, absent, denied, down, none, staging, order]) {
    assert.ok(!r.stdout.includes("started"), r.stderr);
    assertNoCanary(r);
  }
});

test("nothing is written to disk: no new file in the project or HOME, no file holding a value", async () => {
  const files = () => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  const before = files();
  const r = await vs(["--env", "production", "--", ...digestOf("DB_PASSWORD")]);
  assert.equal(r.code, 0);
  assert.deepEqual(files(), before);
  for (const f of before) {
    const full = join(dir, f);
    if (!statSync(full).isFile()) continue;
    const text = readFileSync(full, "utf8");
    for (const c of CANARIES) assert.ok(!text.includes(c), f);
  }
});

/** A port nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
