import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import NodeVault from "node-vault";
import { startDevServer, type DevServer } from "../index.js";

// Two sys/ endpoints that answered 404 until this round:
// - sys/internal/ui/feature-flags, the first call the Vault UI makes, before
//   any login (http/sys_feature_flags.go: no token, works sealed, not
//   audited, `{"feature_flags": null}` when no flag is set);
// - sys/in-flight-req, which `vault debug -target=requests` polls
//   (api-docs/system/in-flight-req; http/handler.go stores one entry per HTTP
//   request until its response is written; read needs a token, no sudo).
// Driven through node-vault's generic `request`, as a UI or tool would call them.

/* eslint-disable @typescript-eslint/no-explicit-any -- node-vault's typings cover a fraction of its methods */
type Client = Record<string, any>;

describe("sys/internal/ui/feature-flags and sys/in-flight-req", () => {
  let s: DevServer;
  const client = (token?: string): Client => NodeVault({ endpoint: s.address, token, requestOptions: { timeout: 10_000 } }) as unknown as Client;

  before(async () => {
    s = await startDevServer({ port: 0 });
  });
  after(() => s.close());

  test("feature-flags: without a token, and still while sealed; only GET", async () => {
    assert.deepEqual(await client().request({ path: "/sys/internal/ui/feature-flags", method: "GET" }), { feature_flags: null });
    const root = client(s.rootToken);
    await root.seal();
    try {
      assert.deepEqual(await client().request({ path: "/sys/internal/ui/feature-flags", method: "GET" }), { feature_flags: null });
    } finally {
      await root.unseal({ key: s.unsealKey });
    }
    const e = await client()
      .request({ path: "/sys/internal/ui/feature-flags", method: "POST", json: {} })
      .then(() => undefined, (err: { response?: { statusCode: number } }) => err);
    assert.equal(e?.response?.statusCode, 405);
  });

  test("in-flight-req lists a request that is still being received, and drops it once answered", async () => {
    // A write whose body is not finished yet: the server is still receiving it.
    let answered!: (status: number) => void;
    const finished = new Promise<number>((resolve) => (answered = resolve));
    const slow = httpRequest(`${s.address}/v1/secret/data/in-flight/slow`, {
      method: "POST",
      headers: { "X-Vault-Token": s.rootToken, "Content-Type": "application/json", "Content-Length": 24 },
    });
    slow.on("response", (res) => {
      res.resume();
      answered(res.statusCode ?? 0);
    });
    slow.write('{"data":{');
    const root = client(s.rootToken);
    let snapshot: Record<string, any> = {};
    for (let i = 0; i < 50; i++) {
      snapshot = await root.request({ path: "/sys/in-flight-req", method: "GET" });
      if (Object.values(snapshot).some((r: any) => r.request_method === "POST")) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const entries = Object.entries(snapshot);
    const pending = entries.find(([, r]) => r.request_method === "POST");
    assert.ok(pending, `the unfinished POST is listed: ${JSON.stringify(snapshot)}`);
    const [id, entry] = pending;
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(entry.request_path, "/v1/secret/data/in-flight/slow");
    assert.match(entry.client_remote_address, /^127\.0\.0\.1:\d+$/);
    assert.ok(!Number.isNaN(Date.parse(entry.start_time)), "start_time is a date");
    assert.match(entry.duration, /^\d+ microseconds$/);
    // The in-flight-req GET itself is in flight while it is answered.
    assert.ok(entries.some(([, r]) => r.request_path === "/v1/sys/in-flight-req" && r.request_method === "GET"));
    assert.ok(!JSON.stringify(snapshot).includes(s.rootToken), "no token in the snapshot");

    slow.end('"a":"1"}}'.padEnd(15, " "));
    assert.equal(await finished, 200);
    const later = await root.request({ path: "/sys/in-flight-req", method: "GET" });
    assert.ok(!(id in later), "an answered request is no longer listed");
  });

  test("in-flight-req needs a token with read on it (no sudo)", async () => {
    const anonymous = await client()
      .request({ path: "/sys/in-flight-req", method: "GET" })
      .then(() => undefined, (err: { response?: { statusCode: number } }) => err);
    assert.equal(anonymous?.response?.statusCode, 403);
    const root = client(s.rootToken);
    await root.addPolicy({ name: "debug-reader", rules: 'path "sys/in-flight-req" { capabilities = ["read"] }' });
    const { auth } = await root.tokenCreate({ policies: ["debug-reader"] });
    const reader = client(auth.client_token);
    assert.equal(typeof (await reader.request({ path: "/sys/in-flight-req", method: "GET" })), "object");
  });
});
