import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startDevServer, type DevServer } from "../devserver/index.js";
import { apply, plan, rollback, verify } from "../migrate/index.js";
import { canaries, copyFixture, rawVault, snapshot, tempDir } from "../migrate/testing.js";
import type { Plan } from "../plan/types.js";
import { InjectedFailure } from "./applier.js";
import { CasConflictError } from "./kv-store.js";

// Fault injection: the process dying before each journaled step, Vault
// failing (500 before or after the write happened, no answer at all) at each
// write, and a concurrent writer. After each: re-running apply completes with
// one version per secret (none lost, none duplicated), or rollback restores
// every file byte for byte and Vault to where it was.

type Mode = "pass" | "500-before" | "500-after" | "hang";

/** A loopback proxy in front of the dev server that breaks KV writes on demand. */
class FaultProxy {
  server: Server;
  address = "";
  mode: Mode = "pass";
  /** Break only the nth KV data write (1-based) counted from the last reset; 0 = every write. */
  nth = 0;
  writes = 0;
  hanging: ServerResponse[] = [];
  constructor(private upstream: string) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.address = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  reset(mode: Mode, nth = 0): void {
    this.mode = mode;
    this.nth = nth;
    this.writes = 0;
  }
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const isWrite = (req.method === "POST" || req.method === "PUT") && /^\/v1\/secret\/data\//.test(req.url ?? "");
    const hit = isWrite && this.mode !== "pass" && (++this.writes === this.nth || this.nth === 0);
    if (hit && this.mode === "500-before") {
      res.writeHead(500, { "Content-Type": "application/json" }).end('{"errors":["internal error"]}');
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length" && k !== "connection") headers[k] = v;
    const upstream = await fetch(`${this.upstream}${req.url}`, { method: req.method!, headers, ...(body.length ? { body } : {}), signal: AbortSignal.timeout(5000) });
    const text = await upstream.text();
    if (hit && this.mode === "500-after") {
      res.writeHead(500, { "Content-Type": "application/json" }).end('{"errors":["internal error"]}');
      return;
    }
    if (hit && this.mode === "hang") {
      this.hanging.push(res); // the write happened; the answer never comes
      return;
    }
    res.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "application/json" }).end(text);
  }
  async close(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let server: DevServer;
let proxy: FaultProxy;
const tmp = tempDir("faults");
before(async () => {
  server = await startDevServer({ port: 0 });
  proxy = new FaultProxy(server.address);
  await proxy.start();
});
after(async () => {
  await proxy.close();
  await server.close();
  tmp.remove();
});

let n = 0;
function setup(extraEnv: Record<string, string> = {}) {
  const base = join(tmp.dir, `case-${++n}`);
  const root = copyFixture("pipeline-basic", base);
  // Short client timeout and few retries so that a hanging Vault fails fast.
  const env = { VAULTSHIFT_STATE_DIR: join(base, "state"), HOME: base, VAULT_CLIENT_TIMEOUT: "1500ms", VAULT_MAX_RETRIES: "1", ...extraEnv };
  return { root, env, app: `app${n}`, original: snapshot(root), planted: canaries(root) };
}

const kv = () => rawVault(server.address, server.rootToken);
const direct = () => ({ address: server.address, token: server.rootToken });
const viaProxy = () => ({ address: proxy.address, token: server.rootToken });
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** After a completed apply: every secret verified, exactly one version per created secret, every file as planned, no value left. */
async function assertCompleted(p: Plan, root: string, env: Record<string, string>, planted: string[]) {
  const v = await verify(p, { root, vault: direct(), env });
  assert.deepEqual(v.secrets.filter((s) => s.status !== "ok"), []);
  for (const t of p.targets) assert.equal((await kv().get(`secret/metadata/${t.path}`)).body.data.current_version, 1, `${t.path} has a duplicate version`);
  for (const f of p.files) assert.equal(sha(readFileSync(join(root, f.file))), f.afterHash, `${f.file} is not as planned`);
  const tree = [...snapshot(root).values()].map((b) => b.toString("utf8")).join("\n");
  for (const c of planted) assert.ok(!tree.includes(c));
}

/** After rollback: the tree is byte-identical and no target exists. */
async function assertRestored(p: Plan, root: string, original: Map<string, Buffer>) {
  const tree = snapshot(root);
  tree.delete("vaultshift.plan.json");
  assert.deepEqual(tree, original);
  for (const t of p.targets) assert.equal((await kv().get(`secret/metadata/${t.path}`)).status, 404, `${t.path} still exists`);
}

function stepCount(p: Plan): number {
  return 2 + p.targets.length + 1 + p.files.length + 1;
}

test("a crash before each step: re-running apply completes, and rollback restores", async () => {
  const probe = setup();
  const total = stepCount(await plan({ root: probe.root, env: probe.env, app: probe.app }));
  assert.ok(total >= 15);
  for (let step = 1; step <= total; step++) {
    // Resume.
    {
      const { root, env, app, planted } = setup();
      const p = await plan({ root, env, app, vault: direct() });
      const hook = (k: number) => {
        if (k === step) throw new InjectedFailure(`crash at ${k}`);
      };
      await assert.rejects(apply(p, { root, env, vault: direct(), onStep: hook }), InjectedFailure);
      const r = await apply(p, { root, env, vault: direct() });
      assert.equal(r.alreadyApplied, false);
      await assertCompleted(p, root, env, planted);
    }
    // Roll back instead (this time through the environment variable).
    {
      const { root, env, app, original } = setup();
      const p = await plan({ root, env, app, vault: direct() });
      await assert.rejects(apply(p, { root, env: { ...env, VAULTSHIFT_FAIL_AT_STEP: String(step) }, vault: direct() }), InjectedFailure);
      await rollback({ root, env, vault: direct() });
      await assertRestored(p, root, original);
    }
  }
});

test("Vault failing at each write, before or after storing it, or never answering: apply resumes without duplicates", async () => {
  const probe = setup();
  const writes = (await plan({ root: probe.root, env: probe.env, app: probe.app })).targets.length;
  for (const mode of ["500-before", "500-after", "hang"] as const) {
    for (let k = 1; k <= writes; k++) {
      const { root, env, app, planted } = setup();
      const p = await plan({ root, env, app, vault: direct() });
      proxy.reset(mode, k);
      try {
        await apply(p, { root, env, vault: viaProxy() });
      } catch (error) {
        // A write that failed for good: the files must still hold their values (nothing cleaned before Vault has them).
        assert.ok(mode !== "500-after", `500 after the write should be recovered in the same run: ${(error as Error).message}`);
        assert.ok(!planted.some((c) => (error as Error).message.includes(c)));
        proxy.reset("pass");
        await apply(p, { root, env, vault: viaProxy() });
      }
      proxy.reset("pass");
      await assertCompleted(p, root, env, planted);
    }
  }
});

test("Vault down for every write: apply fails without touching a file, then completes once Vault is back", async () => {
  const { root, env, app, original, planted } = setup();
  const p = await plan({ root, env, app, vault: direct() });
  proxy.reset("500-before", 0);
  await assert.rejects(apply(p, { root, env, vault: viaProxy() }));
  const tree = snapshot(root);
  tree.delete("vaultshift.plan.json");
  assert.deepEqual(tree, original);
  proxy.reset("pass");
  await apply(p, { root, env, vault: viaProxy() });
  await assertCompleted(p, root, env, planted);
});

test("someone writes a target during apply: the CAS write refuses, their version survives, rollback restores ours", async () => {
  const { root, env, app, original } = setup();
  const p = await plan({ root, env, app, vault: direct() });
  const contested = p.targets[1]!;
  // Stop apply just before it writes the contested target, write it as someone else, then resume.
  const error = await apply(p, {
    root,
    env,
    vault: direct(),
    onStep: (_k, id) => {
      if (id === `write:secret/${contested.path}`) throw new InjectedFailure("pause");
    },
  }).catch((e: unknown) => e);
  assert.ok(error instanceof InjectedFailure);
  await kv().send("POST", `secret/data/${contested.path}`, { data: { theirs: "written-meanwhile" } });
  await assert.rejects(apply(p, { root, env, vault: direct() }), (e: unknown) => e instanceof CasConflictError && /changed by someone else/.test((e as Error).message));
  const theirs = (await kv().get(`secret/data/${contested.path}`)).body.data;
  assert.deepEqual(theirs.data, { theirs: "written-meanwhile" });
  assert.equal(theirs.metadata.version, 1);
  await rollback({ root, env, vault: direct() });
  const tree = snapshot(root);
  tree.delete("vaultshift.plan.json");
  assert.deepEqual(tree, original);
  assert.deepEqual((await kv().get(`secret/data/${contested.path}`)).body.data.data, { theirs: "written-meanwhile" }, "rollback must not touch a secret the migration did not write");
  assert.equal((await kv().get(`secret/metadata/${p.targets[0]!.path}`)).status, 404);
});
