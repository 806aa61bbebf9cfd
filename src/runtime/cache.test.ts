import { test } from "node:test";
import assert from "node:assert/strict";
import { VaultCacheError, VaultConnectionError, VaultPermissionError, VaultSealedError } from "./errors.js";
import { errorAnswer, kvRead, stubClientSetup } from "./test-support.js";

const { setup } = stubClientSetup({ token: "tok", retries: 0 }, true);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a read is served from the cache until its TTL, then fetched again", async () => {
  let version = 1;
  const { stub, client } = await setup(() => kvRead({ a: `v${version}` }, version), { cacheTtl: 100 });
  const a = await client.getSecret("secret/app");
  version = 2;
  const b = await client.getSecret("secret/app");
  assert.equal(b, a, "a hit returns the very same object");
  assert.equal(stub.count("secret/data/app"), 1);
  await sleep(130);
  const c = await client.getSecret("secret/app");
  assert.equal(c.data.get("a"), "v2");
  assert.equal(stub.count("secret/data/app"), 2);
});

test("a per-call cacheTtl of 0 bypasses the cache", async () => {
  const { stub, client } = await setup(() => kvRead({ a: "1" }), { cacheTtl: 60_000 });
  await client.getSecret("secret/app");
  await client.getSecret("secret/app", { cacheTtl: 0 });
  assert.equal(stub.count("secret/data/app"), 2);
});

test("concurrent reads of one path make one request (single-flight)", async () => {
  const { stub, client } = await setup(async () => {
    await sleep(30);
    return kvRead({ a: "1" });
  }, { cacheTtl: 0 });
  const all = await Promise.all(Array.from({ length: 20 }, () => client.getSecret("secret/app")));
  assert.equal(stub.count("secret/data/app"), 1);
  assert.ok(all.every((s) => s.data.get("a") === "1"));
});

test("a write invalidates its path; invalidate() clears one path, a folder or all", async () => {
  const { stub, client } = await setup((r) => (r.method === "POST" ? { body: { data: { version: 2 } } } : kvRead({ a: "1" })), { cacheTtl: 60_000 });
  await client.getSecret("secret/app/a");
  await client.getSecret("secret/app/b");
  await client.getSecret("secret/other");
  await client.writeSecret("secret/app/a", { a: "2" });
  await client.getSecret("secret/app/a");
  await client.getSecret("secret/app/b");
  assert.equal(stub.count("secret/data/app/a", "GET"), 2);
  assert.equal(stub.count("secret/data/app/b"), 1);
  client.invalidate("secret/app/");
  await client.getSecret("secret/app/b");
  await client.getSecret("secret/other");
  assert.equal(stub.count("secret/data/app/b"), 2);
  assert.equal(stub.count("secret/data/other"), 1);
  client.invalidate();
  await client.getSecret("secret/other");
  assert.equal(stub.count("secret/data/other"), 2);
});

test("stale-if-error: Vault down serves the last good value, marked stale, within maxStale only", async () => {
  let mode: "ok" | "sealed" | "denied" = "ok";
  const { client, events } = await setup(() => (mode === "ok" ? kvRead({ a: "good" }) : mode === "sealed" ? errorAnswer(503, "Vault is sealed") : errorAnswer(403, "permission denied")), {
    cacheTtl: 50,
    maxStale: 200,
  });
  await client.getSecret("secret/app");
  mode = "sealed";
  await sleep(70);
  const stale = await client.getSecret("secret/app");
  assert.equal(stale.stale, true);
  assert.equal(stale.data.get("a"), "good");
  assert.equal(events.filter((e) => e.type === "stale").length, 1);
  await sleep(250);
  await assert.rejects(client.getSecret("secret/app"), VaultSealedError);
});

test("a permission error is never hidden behind a stale value", async () => {
  let denied = false;
  const { client } = await setup((r) => (r.path.endsWith("lookup-self") ? { body: { data: { ttl: 0 } } } : denied ? errorAnswer(403, "permission denied") : kvRead({ a: "1" })), { cacheTtl: 20, maxStale: 60_000 });
  await client.getSecret("secret/app");
  denied = true;
  await sleep(40);
  await assert.rejects(client.getSecret("secret/app"), VaultPermissionError);
});

test("stale-if-error also covers a connection that is gone", async () => {
  const { stub, client } = await setup(() => kvRead({ a: "1" }), { cacheTtl: 20, maxStale: 60_000 });
  await client.getSecret("secret/app");
  await stub.close();
  await sleep(40);
  const s = await client.getSecret("secret/app");
  assert.equal(s.stale, true);
  await assert.rejects(client.getSecret("secret/never-read"), VaultConnectionError);
});

test("onlyIfCached answers from the cache or with VaultCacheError", async () => {
  const { stub, client } = await setup(() => kvRead({ a: "1" }), { cacheTtl: 60_000 });
  await assert.rejects(client.getSecret("secret/app", { onlyIfCached: true }), VaultCacheError);
  assert.equal(stub.count("secret/data/app"), 0);
  await client.getSecret("secret/app");
  assert.equal((await client.getSecret("secret/app", { onlyIfCached: true })).data.get("a"), "1");
  const short = await setup(() => kvRead({ a: "1" }), { cacheTtl: 10 });
  await short.client.getSecret("secret/app");
  await sleep(30);
  const old = await short.client.getSecret("secret/app", { onlyIfCached: true });
  assert.deepEqual([old.stale, old.data.get("a")], [true, "1"]);
  assert.equal(short.stub.count("secret/data/app"), 1);
});

test("entries too old to be served even stale are swept as new ones arrive", async () => {
  const { ReadCache } = await import("./cache.js");
  const cache = new ReadCache<{ fullPath: string }>();
  const opts = { ttl: 1, maxStale: 0, staleOn: () => false, markStale: (v: { fullPath: string }) => v };
  for (let i = 0; i < 999; i++) await cache.load(`k${i}`, async () => ({ fullPath: `p${i}` }), opts);
  assert.equal(cache.size, 999);
  await sleep(10);
  await cache.load("last", async () => ({ fullPath: "last" }), { ...opts, ttl: 60_000 });
  assert.equal(cache.size, 1);
});
