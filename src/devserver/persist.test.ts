import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDevServer } from "./index.js";
import { DATA_FILE, KEY_FILE } from "./persist.js";

// --data: encrypted at rest, 0600 files, and a kill -9 at any moment leaves a
// readable store holding every write the server acknowledged.

// The dev-server command in a process of its own, wired like bin/vaultshift.js
// (signals → io.interrupted) but importing only this command, so the test
// does not depend on every other command loading.
const commandUrl = new URL("../cli/commands/dev-server.js", import.meta.url).href;
const ENTRY = `
const { devServerCommand } = await import(${JSON.stringify(commandUrl)});
const interrupted = () => new Promise((r) => { for (const s of ["SIGINT", "SIGTERM"]) process.once(s, () => r(s)); });
const io = { cwd: process.cwd(), env: process.env, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), readStdin: async () => "", isTTY: false, interrupted };
process.exitCode = await devServerCommand.run(process.argv.slice(1), io);
`;
const CANARY = "CANARY_persisted_value_7c1e9a";

interface Running {
  child: ChildProcess;
  address: string;
  token: string;
}

function startProcess(dataDir: string, extra: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", ENTRY, "--", "--port", "0", "--data", dataDir, ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`dev-server did not start in time: ${err}`));
    }, 10_000);
    child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const addr = /Address:\s+(\S+)/.exec(out);
      const tok = /Root token:\s+(\S+)/.exec(out);
      if (addr && tok) {
        clearTimeout(timer);
        resolve({ child, address: addr[1]!, token: tok[1]! });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`dev-server exited with ${code}: ${err}`));
    });
  });
}

function killHard(r: Running): Promise<void> {
  return new Promise((resolve) => {
    if (r.child.exitCode !== null || r.child.signalCode !== null) return resolve();
    r.child.once("exit", () => resolve());
    r.child.kill("SIGKILL");
  });
}

async function req(r: { address: string; token: string }, method: string, path: string, body?: unknown) {
  const res = await fetch(`${r.address}/v1/${path}`, {
    method,
    headers: { "X-Vault-Token": r.token },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe("dev-server --data", () => {
  const dirs: string[] = [];
  const procs: Running[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), "vaultshift-devdata-"));
    dirs.push(d);
    return join(d, "data");
  };
  after(async () => {
    for (const p of procs) await killHard(p);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test("survives kill -9: everything acknowledged is there after a restart, encrypted, files 0600", async () => {
    const dir = tempDir();
    const first = await startProcess(dir, ["--root-token", "root-for-persist-test"]);
    procs.push(first);
    assert.equal((await req(first, "POST", "secret/data/app/db", { data: { password: CANARY } })).status, 200);
    assert.equal((await req(first, "POST", "sys/policies/acl/reader", { policy: 'path "secret/data/app/*" { capabilities = ["read"] }' })).status, 204);
    const child = (await req(first, "POST", "auth/token/create", { policies: ["reader"], ttl: "1h" })).body.auth.client_token as string;
    // Keep writing while the process is killed; remember what was acknowledged.
    let acknowledged = 0;
    let stop = false;
    const writer = (async () => {
      for (let i = 1; !stop; i++) {
        try {
          const r = await req(first, "POST", "secret/data/counter", { data: { n: String(i) } });
          if (r.status === 200) acknowledged = r.body.data.version;
        } catch {
          return;
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    await killHard(first);
    stop = true;
    await writer;
    assert.ok(acknowledged > 0, "some writes were acknowledged before the kill");

    const files = readdirSync(dir).sort();
    assert.ok(files.includes(DATA_FILE) && files.includes(KEY_FILE), `files: ${files.join(", ")}`);
    for (const f of [DATA_FILE, KEY_FILE]) assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600, `${f} is 0600`);
    assert.ok(!readFileSync(join(dir, DATA_FILE), "utf8").includes(CANARY), "the data file does not hold the value in clear");
    assert.ok(!readFileSync(join(dir, DATA_FILE), "utf8").includes("reader"), "not even policy names are in clear");

    const second = await startProcess(dir); // no --root-token: the stored one is reused
    procs.push(second);
    assert.equal(second.token, "root-for-persist-test");
    assert.deepEqual((await req(second, "GET", "secret/data/app/db")).body.data.data, { password: CANARY });
    const counter = await req(second, "GET", "secret/metadata/counter");
    assert.ok(counter.body.data.current_version >= acknowledged, `version ${counter.body.data.current_version} >= acknowledged ${acknowledged}`);
    assert.equal((await req({ address: second.address, token: child }, "GET", "secret/data/app/db")).status, 200, "child token and policy survived");
    await killHard(second);
  });

  test("a data file that does not match its key is refused with a clear error", async () => {
    const dir = tempDir();
    const s = await startDevServer({ port: 0, dataDir: dir, rootToken: "r" });
    await fetch(`${s.address}/v1/secret/data/x`, { method: "POST", headers: { "X-Vault-Token": "r" }, body: JSON.stringify({ data: { a: "b" } }) });
    await s.close();
    const envelope = JSON.parse(readFileSync(join(dir, DATA_FILE), "utf8"));
    const bytes = Buffer.from(envelope.ciphertext, "base64");
    bytes[0] = bytes[0]! ^ 0xff;
    envelope.ciphertext = bytes.toString("base64");
    writeFileSync(join(dir, DATA_FILE), JSON.stringify(envelope));
    await assert.rejects(startDevServer({ port: 0, dataDir: dir }), (e: Error & { hint?: string }) => {
      assert.equal(e.name, "DevServerError");
      assert.match(e.message, /cannot be decrypted/);
      assert.ok(e.hint && e.hint.length > 0);
      return true;
    });
    rmSync(join(dir, KEY_FILE));
    await assert.rejects(startDevServer({ port: 0, dataDir: dir }), /key file .* is missing/);
  });

  test("audit devices and their salts survive a restart, so hashes stay comparable", async () => {
    const dir = tempDir();
    const log = join(dir, "..", "audit.log");
    const first = await startDevServer({ port: 0, dataDir: dir, auditLog: log });
    const hash = async (s: { address: string; rootToken: string }) => {
      const r = await fetch(`${s.address}/v1/sys/audit-hash/file`, { method: "POST", headers: { "X-Vault-Token": s.rootToken }, body: JSON.stringify({ input: CANARY }) });
      return ((await r.json()) as { data: { hash: string } }).data.hash;
    };
    const before = await hash(first);
    await first.close();
    const second = await startDevServer({ port: 0, dataDir: dir, auditLog: log });
    try {
      assert.equal(await hash(second), before);
      const devices = (await (await fetch(`${second.address}/v1/sys/audit`, { headers: { "X-Vault-Token": second.rootToken } })).json()) as Record<string, unknown>;
      assert.ok(devices["file/"], "same device, not a second one");
      assert.equal(devices["file-2/"], undefined);
    } finally {
      await second.close();
    }
  });

  test("unseal keys rekeyed to Shamir shares survive a restart (the printed key no longer unseals)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vaultshift-persist-rekey-"));
    const put = async (s: { address: string }, path: string, body: unknown) => {
      const r = await fetch(`${s.address}/v1/${path}`, { method: "PUT", body: JSON.stringify(body) });
      return (await r.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    try {
      const first = await startDevServer({ port: 0, dataDir: dir });
      const init = await put(first, "sys/rekey/init", { secret_shares: 3, secret_threshold: 2 });
      const done = await put(first, "sys/rekey/update", { key: first.unsealKey, nonce: init.nonce });
      const keys = done.keys_base64 as string[];
      assert.equal(keys.length, 3);
      const oldKey = first.unsealKey;
      await first.close();
      const second = await startDevServer({ port: 0, dataDir: dir });
      try {
        assert.equal(second.unsealKey, "", "the shares are not stored, so there is no single key to hand out");
        const status = (await (await fetch(`${second.address}/v1/sys/seal-status`)).json()) as { t: number; n: number };
        assert.deepEqual([status.t, status.n], [2, 3]);
        await fetch(`${second.address}/v1/sys/seal`, { method: "PUT", headers: { "X-Vault-Token": second.rootToken } }).then((r) => r.text());
        assert.equal((await put(second, "sys/unseal", { key: oldKey })).progress, 1, "the old key counts as a share attempt");
        assert.deepEqual((await put(second, "sys/unseal", { key: keys[0] })).errors, ["Unseal failed, invalid key"], "old key + one share do not rebuild it");
        assert.equal((await put(second, "sys/unseal", { key: keys[0] })).sealed, true);
        assert.equal((await put(second, "sys/unseal", { key: keys[2] })).sealed, false);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("in-memory mode writes nothing to disk and forgets on restart", async () => {
    const s = await startDevServer({ port: 0, rootToken: "mem" });
    await fetch(`${s.address}/v1/secret/data/x`, { method: "POST", headers: { "X-Vault-Token": "mem" }, body: JSON.stringify({ data: { a: "b" } }) });
    await s.close();
    const again = await startDevServer({ port: 0, rootToken: "mem" });
    const r = await fetch(`${again.address}/v1/secret/data/x`, { headers: { "X-Vault-Token": "mem" } });
    assert.equal(r.status, 404);
    await r.text();
    await again.close();
  });
});
