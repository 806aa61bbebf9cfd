import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDevServer, type DevServer } from "../devserver/index.js";
import { planId } from "../plan/plan-file.js";
import type { Plan, PlannedSecretFile } from "../plan/types.js";
import { planFileBindings, writeSecretFiles, type FileBinding } from "./secret-files.js";
import { testPlan, writeTestPlan } from "./test-plan.js";

// `vaultshift run` and the files a migration moved into Vault (src/run/secret-files.ts): which
// file an environment gets, how it is written (a private directory, 0600, the original name,
// the bytes exactly), and that the directory is gone after the command exits or dies of a signal
// sent to vaultshift. Fails if a file is written readable by others, under another name or with
// other bytes, if another environment's file is chosen, or if anything is left in the temp dir.

const bin = fileURLToPath(new URL("../../../bin/vaultshift.js", import.meta.url));
// Key material built at run time (a binary one, to be stored base64), never printed.
const TEXT_KEY = ["-----BEGIN", " PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI", "run-test-canary-key-0aZ9", "\n-----END PRIVATE KEY-----\n"].join("");
const BINARY = Buffer.from([0x30, 0x82, 0x01, 0x00, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x81]);
const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

const file = (over: Partial<PlannedSecretFile>): PlannedSecretFile => ({
  envName: "TLS_KEY_FILE",
  file: "tls/client.key",
  baseName: "client.key",
  encoding: "utf8",
  size: 0,
  sha256: "",
  mount: "secret",
  key: "tls_key_file",
  environments: {},
  ...over,
});

test("an environment gets its own file, else the shared layer's unless its own .env sets the variable otherwise", () => {
  const plan = {
    secretFiles: [
      file({ environments: { shared: { path: "app/shared/files" } }, notIn: ["production"] }),
      file({ file: "tls/prod.key", baseName: "prod.key", environments: { staging: { path: "app/staging/files" } } }),
    ],
  };
  assert.deepEqual(planFileBindings(plan, "development").map((b) => [b.name, b.path, b.baseName]), [["TLS_KEY_FILE", "app/shared/files", "client.key"]]);
  assert.deepEqual(planFileBindings(plan, "staging").map((b) => [b.path, b.baseName]), [["app/staging/files", "prod.key"]]);
  assert.deepEqual(planFileBindings(plan, "production"), []);
  assert.deepEqual(planFileBindings({}, "development"), []);
});

test("files are written into a private directory (0700), each 0600 under its own name, bytes exact; remove() deletes it all", () => {
  const base = mkdtempSync(join(tmpdir(), "vaultshift-files-test-"));
  try {
    const bindings: FileBinding[] = [
      { name: "TLS_KEY_FILE", path: "p", key: "k", baseName: "client.key", encoding: "utf8" },
      { name: "P12_FILE", path: "p", key: "k2", baseName: "client.p12", encoding: "base64" },
      // Same base name as the first: each goes into a directory of its variable's name.
      { name: "OTHER_KEY_FILE", path: "p", key: "k3", baseName: "client.key", encoding: "utf8" },
    ];
    const written = writeSecretFiles(bindings, new Map([["TLS_KEY_FILE", TEXT_KEY], ["P12_FILE", BINARY.toString("base64")], ["OTHER_KEY_FILE", "other"]]), base);
    assert.equal(statSync(written.dir).mode & 0o777, 0o700);
    const key = written.paths.get("TLS_KEY_FILE")!;
    const p12 = written.paths.get("P12_FILE")!;
    const other = written.paths.get("OTHER_KEY_FILE")!;
    assert.equal(basename(key), "client.key");
    assert.equal(basename(other), "client.key");
    assert.notEqual(key, other);
    assert.equal(dirname(p12), written.dir);
    for (const p of [key, p12, other]) assert.equal(statSync(p).mode & 0o777, 0o600, p);
    assert.equal(sha(readFileSync(key)), sha(TEXT_KEY));
    assert.ok(readFileSync(p12).equals(BINARY));
    written.remove();
    written.remove(); // idempotent
    assert.equal(existsSync(written.dir), false);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

let server: DevServer;
let dir: string;
let project: string;

before(async () => {
  server = await startDevServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "vaultshift-run-files-"));
  project = join(dir, "app");
  mkdirSync(project);
  const put = async (path: string, data: Record<string, string>) => {
    const res = await fetch(`${server.address}/v1/secret/data/${path}`, { method: "POST", headers: { "X-Vault-Token": server.rootToken }, body: JSON.stringify({ data }), signal: AbortSignal.timeout(5000) });
    assert.equal(res.status, 200);
  };
  await put("app/development/database", { DB_PASSWORD: "run-files-test-db-pw" });
  await put("app/development/files", { tls_key_file: TEXT_KEY, p12_file: BINARY.toString("base64") });
  const base = testPlan("app", [{ name: "DB_PASSWORD", environments: { development: "app/development/database" } }]);
  const { id: _id, ...body } = base;
  const withFiles: Omit<Plan, "id"> = {
    ...body,
    secretFiles: [
      file({ size: Buffer.byteLength(TEXT_KEY), sha256: sha(TEXT_KEY), environments: { development: { path: "app/development/files" } } }),
      file({ envName: "P12_FILE", file: "tls/client.p12", baseName: "client.p12", encoding: "base64", key: "p12_file", size: BINARY.length, sha256: sha(BINARY), environments: { development: { path: "app/development/files" } } }),
    ],
  };
  writeTestPlan(join(project, "vaultshift.plan.json"), { ...withFiles, id: planId(withFiles) } as Plan);
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `vaultshift run -- node -e CHILD` with the root token; `onReady` once the child printed "ready". */
function vs(child: string, onReady?: (pid: number) => void, extra: string[] = []): Promise<Result> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [bin, "run", ...extra, "--", process.execPath, "-e", child], {
      cwd: project,
      env: { PATH: process.env.PATH ?? "", HOME: dir, TMPDIR: dir, VAULT_ADDR: server.address, VAULT_TOKEN: server.rootToken, NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let ready = false;
    p.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      if (!ready && stdout.includes("ready")) {
        ready = true;
        onReady?.(p.pid!);
      }
    });
    p.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => p.kill("SIGKILL"), 30_000);
    p.on("error", reject);
    p.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** What the child saw: each variable's path, the file's mode and digest, its directory's mode. */
const DESCRIBE = `const fs = require("node:fs"), path = require("node:path"), c = require("node:crypto");
const out = {};
for (const n of ["TLS_KEY_FILE", "P12_FILE"]) { const p = process.env[n]; out[n] = { path: p, mode: fs.statSync(p).mode & 0o777, dirMode: fs.statSync(path.dirname(p)).mode & 0o777, sha: c.createHash("sha256").update(fs.readFileSync(p)).digest("hex") }; }
out.db = process.env.DB_PASSWORD === undefined ? "unset" : "set";
console.log(JSON.stringify(out));`;

test("vaultshift run writes each file, sets its variable to the path, and deletes the directory when the command exits", async () => {
  const r = await vs(DESCRIBE);
  assert.equal(r.code, 0, r.stderr);
  const seen = JSON.parse(r.stdout) as Record<string, { path: string; mode: number; dirMode: number; sha: string }> & { db: string };
  assert.equal(seen.db, "set");
  assert.equal(basename(seen.TLS_KEY_FILE!.path), "client.key");
  assert.equal(basename(seen.P12_FILE!.path), "client.p12");
  assert.equal(seen.TLS_KEY_FILE!.sha, sha(TEXT_KEY));
  assert.equal(seen.P12_FILE!.sha, sha(BINARY));
  assert.equal(seen.TLS_KEY_FILE!.mode, 0o600);
  assert.equal(seen.TLS_KEY_FILE!.dirMode, 0o700);
  assert.equal(existsSync(dirname(seen.TLS_KEY_FILE!.path)), false, "the directory is left after the command exited");
  // Never a value in vaultshift's own output.
  assert.ok(!r.stderr.includes("run-test-canary-key"));
});

test("the directory is deleted when vaultshift gets SIGINT or SIGTERM (command handling it, or dying of it)", async () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const handles of [true, false]) {
      const child = `${handles ? `process.on(${JSON.stringify(signal)}, () => process.exit(7)); ` : ""}console.log(process.env.TLS_KEY_FILE); console.log("ready"); setTimeout(() => process.exit(99), 20000);`;
      const r = await vs(child, (pid) => process.kill(pid, signal));
      const path = r.stdout.split("\n")[0]!;
      assert.equal(r.code, handles ? 7 : 128 + (signal === "SIGINT" ? 2 : 15), `${signal}: ${r.stderr}`);
      assert.ok(path.endsWith("/client.key"), path);
      assert.equal(existsSync(dirname(path)), false, `${signal}${handles ? "" : " (unhandled)"}: the directory is left`);
    }
  }
});

test("a variable already set keeps its value (no file written); --dry-run names the file without writing it", async () => {
  const r = await new Promise<Result>((resolve) => {
    const p = spawn(process.execPath, [bin, "run", "--dry-run"], { cwd: project, env: { PATH: process.env.PATH ?? "", HOME: dir, VAULT_ADDR: server.address, VAULT_TOKEN: server.rootToken, NODE_ENV: "development" } });
    let stdout = "";
    p.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    p.on("close", (code) => resolve({ code, stdout, stderr: "" }));
  });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /TLS_KEY_FILE\s+← secret\/app\/development\/files#tls_key_file \(a file's content: written to a private temporary file/);
  assert.ok(!r.stdout.includes("run-test-canary-key"));
  const own = await new Promise<Result>((resolve) => {
    const p = spawn(process.execPath, [bin, "run", "--", process.execPath, "-e", "console.log(process.env.TLS_KEY_FILE)"], { cwd: project, env: { PATH: process.env.PATH ?? "", HOME: dir, VAULT_ADDR: server.address, VAULT_TOKEN: server.rootToken, NODE_ENV: "development", TLS_KEY_FILE: "/etc/ssl/mine.key" } });
    let stdout = "";
    p.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    p.on("close", (code) => resolve({ code, stdout, stderr: "" }));
  });
  assert.equal(own.stdout.trim(), "/etc/ssl/mine.key");
});
