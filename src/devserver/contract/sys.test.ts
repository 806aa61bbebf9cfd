import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, mountKv2, openTarget, unique, unmount, type Target } from "./target.js";

// sys/ routes and HTTP behaviour: openbao/docs/api/index.mdx,
// api/system/{health,seal-status,mounts,policies,policy,capabilities-self}.mdx,
// vault-1.14/api-docs/system/health.mdx, README facts §1–§4, §9–§11.

describe("sys and HTTP contract", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("sys/health: 200 when active and unsealed, no token needed, fields as documented", async () => {
    const r = await call(t, "GET", "sys/health", { token: null });
    assert.equal(r.status, 200);
    for (const k of ["initialized", "sealed", "standby", "replication_performance_mode", "replication_dr_mode", "server_time_utc", "version", "cluster_name", "cluster_id"]) assert.ok(k in r.body, k);
    assert.equal(r.body.initialized, true);
    assert.equal(r.body.sealed, false);
    assert.equal(r.body.standby, false);
    assert.equal(typeof r.body.server_time_utc, "number");
  });

  test("sys/health: activecode changes the status, unknown codes are accepted, a non-integer code is 400, HEAD has no body", async () => {
    assert.equal((await call(t, "GET", "sys/health?activecode=299&sealedcode=299&uninitcode=299&standbycode=299", { token: null })).status, 299);
    assert.equal((await call(t, "GET", "sys/health?standbyok=true&perfstandbyok=true", { token: null })).status, 200);
    assert.equal((await call(t, "GET", "sys/health?activecode=abc", { token: null })).status, 400);
    const head = await call(t, "HEAD", "sys/health", { token: null });
    assert.equal(head.status, 200);
    assert.equal(head.text, "");
  });

  test("sys/seal-status needs no token and reports an unsealed server", async () => {
    const r = await call(t, "GET", "sys/seal-status", { token: null });
    assert.equal(r.status, 200);
    assert.equal(r.body.sealed, false);
    assert.equal(r.body.initialized, true);
    for (const k of ["type", "t", "n", "progress", "version"]) assert.ok(k in r.body, k);
  });

  test("sys/mounts lists mounts with trailing slashes, under data and at the top level", async () => {
    const m = await mountKv2(t, "mnt");
    try {
      const r = await call(t, "GET", "sys/mounts");
      assert.equal(r.status, 200);
      const entry = r.body.data[`${m}/`];
      assert.ok(entry, "new mount listed under data");
      assert.equal(entry.type, "kv");
      assert.deepEqual(entry.options, { version: "2" });
      for (const k of ["accessor", "config", "description", "local", "seal_wrap", "uuid"]) assert.ok(k in entry, k);
      assert.deepEqual(r.body[`${m}/`], entry, "copied to the top level");
      assert.ok(r.body.data["sys/"], "sys/ is listed");
      const tune = await call(t, "GET", `sys/mounts/${m}/tune`);
      assert.equal(tune.status, 200);
      assert.equal(typeof tune.body.data.default_lease_ttl, "number");
      assert.equal((await call(t, "POST", `sys/mounts/${m}/tune`, { body: { default_lease_ttl: "1h", max_lease_ttl: "2h" } })).status, 204);
      const tuned = await call(t, "GET", `sys/mounts/${m}/tune`);
      assert.equal(tuned.body.data.default_lease_ttl, 3600);
      assert.equal(tuned.body.data.max_lease_ttl, 7200);
      const dup = await call(t, "POST", `sys/mounts/${m}`, { body: { type: "kv", options: { version: "2" } } });
      assert.equal(dup.status, 400);
    } finally {
      assert.equal((await call(t, "DELETE", `sys/mounts/${m}`)).status, 204);
    }
    const gone = await call(t, "GET", "sys/mounts");
    assert.equal(gone.body.data[`${m}/`], undefined);
  });

  test("type kv-v2 is an alias for kv with version 2; a KV v1 mount stores plain values", async () => {
    const v2 = unique("alias");
    assert.equal((await call(t, "POST", `sys/mounts/${v2}`, { body: { type: "kv-v2" } })).status, 204);
    const v1 = unique("kvone");
    assert.equal((await call(t, "POST", `sys/mounts/${v1}`, { body: { type: "kv", options: { version: "1" } } })).status, 204);
    try {
      const list = (await call(t, "GET", "sys/mounts")).body.data;
      assert.equal(list[`${v2}/`].type, "kv");
      assert.equal(list[`${v2}/`].options.version, "2");
      assert.equal((await call(t, "POST", `${v2}/data/x`, { body: { data: { a: "1" } } })).status, 200);
      assert.equal((await call(t, "POST", `${v1}/app/x`, { body: { a: "1" } })).status, 204);
      const r = await call(t, "GET", `${v1}/app/x`);
      assert.deepEqual(r.body.data, { a: "1" });
      assert.deepEqual((await call(t, "LIST", `${v1}/app`)).body.data.keys, ["x"]);
    } finally {
      await unmount(t, v2);
      await unmount(t, v1);
    }
  });

  test("type kv-v1 is an alias for kv with version 1; a version on an engine other than kv is refused (handleMount)", async () => {
    const v1 = unique("alias1");
    assert.equal((await call(t, "POST", `sys/mounts/${v1}`, { body: { type: "kv-v1" } })).status, 204);
    try {
      const m = (await call(t, "GET", `sys/mounts/${v1}`)).body.data;
      assert.equal(m.type, "kv");
      assert.deepEqual(m.options, { version: "1" });
      assert.deepEqual((await call(t, "GET", `sys/internal/ui/mounts/${v1}/x`)).body.data.options, { version: "1" });
      assert.equal((await call(t, "POST", `${v1}/app/x`, { body: { a: "1" } })).status, 204);
      assert.deepEqual((await call(t, "GET", `${v1}/app/x`)).body.data, { a: "1" });
    } finally {
      await unmount(t, v1);
    }
    const tr = unique("transit-ver");
    const r = await call(t, "POST", `sys/mounts/${tr}`, { body: { type: "transit", options: { version: "2" } } });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.errors, ['secrets engine "transit" does not allow setting a version']);
  });

  test("KV v1 reads report the mount's default lease duration, or the value's own ttl (else lease) field, and an empty write is 400; the cubbyhole reports none", async () => {
    const v1 = unique("kv1ttl");
    assert.equal((await call(t, "POST", `sys/mounts/${v1}`, { body: { type: "kv-v1" } })).status, 204);
    try {
      await call(t, "POST", `${v1}/plain`, { body: { a: "1" } });
      await call(t, "POST", `${v1}/ttl`, { body: { a: "1", ttl: "1h" } });
      await call(t, "POST", `${v1}/lease`, { body: { a: "1", lease: 90 } });
      await call(t, "POST", `${v1}/junk`, { body: { a: "1", ttl: "soon" } });
      const plain = (await call(t, "GET", `${v1}/plain`)).body;
      assert.equal(plain.lease_duration, 2764800, "768h, the system default");
      assert.equal(plain.lease_id, "");
      assert.equal((await call(t, "GET", `${v1}/ttl`)).body.lease_duration, 3600);
      assert.equal((await call(t, "GET", `${v1}/lease`)).body.lease_duration, 90);
      assert.equal((await call(t, "GET", `${v1}/junk`)).body.lease_duration, 2764800, "an unparsable ttl is ignored");
      assert.deepEqual((await call(t, "GET", `${v1}/ttl`)).body.data, { a: "1", ttl: "1h" });
      const empty = await call(t, "POST", `${v1}/empty`, { body: {} });
      assert.equal(empty.status, 400);
      assert.deepEqual(empty.body.errors, ["missing data fields"]);
    } finally {
      await unmount(t, v1);
    }
    await call(t, "POST", "cubbyhole/ttl", { body: { a: "1", ttl: "1h" } });
    assert.equal((await call(t, "GET", "cubbyhole/ttl")).body.lease_duration, 0);
  });

  test("sys/internal/ui/mounts/<path> tells clients the mount and its KV version", async () => {
    const m = await mountKv2(t, "ui");
    try {
      const r = await call(t, "GET", `sys/internal/ui/mounts/${m}/some/secret`);
      assert.equal(r.status, 200);
      assert.equal(r.body.data.type, "kv");
      assert.equal(r.body.data.path, `${m}/`);
      assert.deepEqual(r.body.data.options, { version: "2" });
    } finally {
      await unmount(t, m);
    }
  });

  test("policies: sys/policies/acl uses `policy`, legacy sys/policy uses `rules` and copies to the top level; names are lower-cased", async () => {
    const name = unique("Pol");
    const text = `path "secret/data/x" {\n  capabilities = ["read"]\n}\n`;
    assert.equal((await call(t, "PUT", `sys/policies/acl/${name}`, { body: { policy: text } })).status, 204);
    const lower = name.toLowerCase();
    const r = await call(t, "GET", `sys/policies/acl/${lower}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.data.name, lower);
    assert.equal(r.body.data.policy, text);
    const legacy = await call(t, "GET", `sys/policy/${lower}`);
    assert.equal(legacy.body.data.rules, text);
    assert.equal(legacy.body.rules, text);
    const list = await call(t, "LIST", "sys/policies/acl");
    assert.ok(list.body.data.keys.includes(lower));
    assert.ok(list.body.data.keys.includes("default"));
    const legacyList = await call(t, "GET", "sys/policy");
    assert.ok(legacyList.body.policies.includes(lower));
    assert.ok(legacyList.body.data.keys.includes(lower));
    assert.equal((await call(t, "DELETE", `sys/policies/acl/${lower}`)).status, 204);
    assert.equal((await call(t, "GET", `sys/policies/acl/${lower}`)).status, 404);
  });

  test("policies: base64 input is decoded, malformed HCL is 400 'failed to parse policy', root cannot be changed", async () => {
    const name = unique("b64");
    const text = 'path "secret/*" { capabilities = ["list"] }';
    assert.equal((await call(t, "POST", `sys/policies/acl/${name}`, { body: { policy: Buffer.from(text).toString("base64") } })).status, 204);
    assert.equal((await call(t, "GET", `sys/policies/acl/${name}`)).body.data.policy, text);
    await call(t, "DELETE", `sys/policies/acl/${name}`);
    const bad = await call(t, "POST", `sys/policies/acl/${unique("bad")}`, { body: { policy: 'path "secret/*" { capabilities = ["read" }' } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.errors[0], /failed to parse policy/);
    const root = await call(t, "POST", "sys/policies/acl/root", { body: { policy: text } });
    assert.equal(root.status, 400);
    assert.equal((await call(t, "DELETE", "sys/policies/acl/default")).status, 400);
  });

  test("sys/capabilities-self returns per-path arrays, `capabilities` for one path, at the top level too", async () => {
    const r = await call(t, "POST", "sys/capabilities-self", { body: { paths: ["secret/data/anything"] } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data["secret/data/anything"], ["root"]);
    assert.deepEqual(r.body.capabilities, ["root"]);
    assert.deepEqual(r.body.data.capabilities, ["root"]);
  });

  test("requests without a valid token get 403 'permission denied'; Authorization: Bearer works; X-Vault-Token wins", async () => {
    const none = await call(t, "GET", "sys/mounts", { token: null });
    assert.equal(none.status, 403);
    assert.match(none.body.errors.join(" "), /permission denied/);
    const bogus = await call(t, "GET", "sys/mounts", { token: "hvs.not-a-real-token" });
    assert.equal(bogus.status, 403);
    const bearer = await call(t, "GET", "sys/mounts", { token: null, headers: { Authorization: `Bearer ${t.token}` } });
    assert.equal(bearer.status, 200);
    const both = await call(t, "GET", "sys/mounts", { token: "hvs.wrong", headers: { Authorization: `Bearer ${t.token}` } });
    assert.equal(both.status, 403, "X-Vault-Token is used when both are present");
  });

  test("sys/tools/hash and sys/tools/random", async () => {
    const h = await call(t, "POST", "sys/tools/hash/sha2-256", { body: { input: Buffer.from("hello").toString("base64") } });
    assert.equal(h.status, 200);
    // SHA-256("hello"), FIPS 180-4; a well-known test value.
    assert.equal(h.body.data.sum, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    const r = await call(t, "POST", "sys/tools/random/16", { body: { format: "hex" } });
    assert.match(r.body.data.random_bytes, /^[0-9a-f]{32}$/);
    assert.equal((await call(t, "POST", "sys/tools/hash", { body: { input: "%%%" } })).status, 400);
  });

  test("X-Vault-Request: true is accepted", async () => {
    assert.equal((await call(t, "GET", "sys/mounts", { headers: { "X-Vault-Request": "true" } })).status, 200);
  });

  test("bad input gets Vault's status and an errors list, never a stack trace", async () => {
    const m = await mountKv2(t, "bad");
    try {
      const garbage = await call(t, "POST", `${m}/data/x`, { raw: "{not json", headers: { "Content-Type": "application/json" } });
      assert.equal(garbage.status, 400);
      assert.ok(Array.isArray(garbage.body.errors) && garbage.body.errors.length === 1);
      assert.doesNotMatch(garbage.text, /at .*\.js:\d+/);
      const wrongType = await call(t, "POST", `${m}/data/x`, { body: { data: "a string" } });
      assert.equal(wrongType.status, 400);
      const array = await call(t, "POST", `${m}/data/x`, { raw: "[1,2]" });
      assert.equal(array.status, 400);
      const noRoute = await call(t, "GET", `${unique("nomount")}/x`);
      assert.equal(noRoute.status, 404);
      assert.ok(Array.isArray(noRoute.body.errors));
      const method = await call(t, "OPTIONS", `${m}/data/x`);
      assert.equal(method.status, 405);
    } finally {
      await unmount(t, m);
    }
  });

  test("form-encoded POST bodies are accepted", async () => {
    const m = unique("form");
    const r = await call(t, "POST", `sys/mounts/${m}`, { raw: "type=kv&description=form+mount", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    assert.equal(r.status, 204);
    try {
      const list = await call(t, "GET", "sys/mounts");
      assert.equal(list.body.data[`${m}/`].description, "form mount");
    } finally {
      await unmount(t, m);
    }
  });

  test("a body over 32 MB is 413", async () => {
    const big = `{"data":{"v":"${"a".repeat(33 * 1024 * 1024)}"}}`;
    const r = await call(t, "POST", "secret/data/too-big", { raw: big, headers: { "Content-Type": "application/json" } });
    assert.equal(r.status, 413);
  });

  test("error messages never repeat a submitted value", async () => {
    const canary = "CANARY_sk_live_9f8e7d6c5b4a3210";
    const m = await mountKv2(t, "canary");
    try {
      const replies = [
        await call(t, "POST", `${m}/data/x`, { raw: `{"data":{"k":"${canary}"` }),
        await call(t, "POST", `${m}/data/x`, { body: { data: canary } }),
        await call(t, "POST", `${m}/data/x`, { body: { options: { cas: canary }, data: { k: canary } } }),
        await call(t, "POST", `${m}/metadata/x`, { body: { max_versions: canary } }),
        await call(t, "POST", "auth/token/lookup", { body: { token: canary } }),
      ];
      for (const r of replies) {
        assert.ok(r.status >= 400, `status ${r.status}`);
        assert.ok(!r.text.includes(canary), `reply does not echo the canary: ${r.text.slice(0, 200)}`);
      }
    } finally {
      await unmount(t, m);
    }
  });
});
