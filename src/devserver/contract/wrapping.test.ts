import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, unique, type Target } from "./target.js";

// Response wrapping: openbao/docs/concepts/response-wrapping.mdx,
// api/system/wrapping-{wrap,unwrap,lookup,rewrap}.mdx, README §13.

describe("response wrapping contract", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("X-Vault-Wrap-TTL returns only wrap_info; unwrapping with the wrapping token returns the response once", async () => {
    const path = `secret/data/${unique("wrapped")}`;
    await call(t, "POST", path, { body: { data: { k: "v" } } });
    const w = await call(t, "GET", path, { headers: { "X-Vault-Wrap-TTL": "2m" } });
    assert.equal(w.status, 200);
    assert.equal(w.body.data, null);
    assert.equal(w.body.request_id, "");
    const info = w.body.wrap_info;
    assert.equal(info.ttl, 120);
    assert.equal(info.creation_path, path);
    assert.equal(typeof info.token, "string");
    assert.ok(!Number.isNaN(Date.parse(info.creation_time)));
    const look = await call(t, "POST", "sys/wrapping/lookup", { token: null, body: { token: info.token } });
    assert.equal(look.status, 200);
    assert.equal(look.body.data.creation_ttl, 120);
    assert.equal(look.body.data.creation_path, path);
    const u = await call(t, "POST", "sys/wrapping/unwrap", { token: info.token });
    assert.equal(u.status, 200);
    assert.deepEqual(u.body.data.data, { k: "v" });
    const again = await call(t, "POST", "sys/wrapping/unwrap", { body: { token: info.token } });
    assert.equal(again.status, 400);
    assert.match(again.body.errors[0], /wrapping token is not valid or does not exist/);
    await call(t, "DELETE", path.replace("/data/", "/metadata/"));
  });

  test("a wrapped token create carries wrapped_accessor; another token can unwrap with {token}", async () => {
    const w = await call(t, "POST", "auth/token/create", { body: { ttl: "5m" }, headers: { "X-Vault-Wrap-TTL": "60" } });
    assert.equal(w.body.auth, null);
    assert.equal(typeof w.body.wrap_info.wrapped_accessor, "string");
    const u = await call(t, "POST", "sys/wrapping/unwrap", { body: { token: w.body.wrap_info.token } });
    assert.equal(u.status, 200);
    assert.equal(u.body.auth.accessor, w.body.wrap_info.wrapped_accessor);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: u.body.auth.client_token })).status, 200);
  });

  test("sys/wrapping/wrap wraps arbitrary data; rewrap moves it to a new token", async () => {
    const w = await call(t, "POST", "sys/wrapping/wrap", { body: { note: "hello" }, headers: { "X-Vault-Wrap-TTL": "5m" } });
    assert.equal(w.status, 200);
    const r = await call(t, "POST", "sys/wrapping/rewrap", { body: { token: w.body.wrap_info.token } });
    assert.equal(r.status, 200);
    assert.notEqual(r.body.wrap_info.token, w.body.wrap_info.token);
    assert.equal((await call(t, "POST", "sys/wrapping/unwrap", { body: { token: w.body.wrap_info.token } })).status, 400, "the old token is gone");
    const u = await call(t, "POST", "sys/wrapping/unwrap", { body: { token: r.body.wrap_info.token } });
    assert.deepEqual(u.body.data, { note: "hello" });
  });

  test("sys/wrapping/wrap: the unwrapped answer has the data under data only (the sys/ top-level copy is not stored)", async () => {
    const w = await call(t, "POST", "sys/wrapping/wrap", { body: { note: "hello" }, headers: { "X-Vault-Wrap-TTL": "5m" } });
    const u = await call(t, "POST", "sys/wrapping/unwrap", { token: w.body.wrap_info.token });
    assert.equal(u.status, 200);
    assert.deepEqual(u.body.data, { note: "hello" });
    assert.equal(u.body.note, undefined);
    assert.deepEqual(Object.keys(u.body).filter((k) => !["request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info", "warnings", "auth", "mount_type"].includes(k)), []);
  });

  test("sys/wrapping/lookup: GET looks up the wrapping token sent as X-Vault-Token; POST takes it from the body or the header", async () => {
    const w = await call(t, "POST", "sys/wrapping/wrap", { body: { a: "b" }, headers: { "X-Vault-Wrap-TTL": "90s" } });
    const token = w.body.wrap_info.token as string;
    const get = await call(t, "GET", "sys/wrapping/lookup", { token });
    assert.equal(get.status, 200);
    assert.deepEqual(Object.keys(get.body.data).sort(), ["creation_path", "creation_time", "creation_ttl"]);
    assert.equal(get.body.data.creation_ttl, 90);
    assert.equal(get.body.data.creation_path, "sys/wrapping/wrap");
    const header = await call(t, "POST", "sys/wrapping/lookup", { token });
    assert.equal(header.status, 200);
    assert.equal(header.body.data.creation_ttl, 90);
    const none = await call(t, "POST", "sys/wrapping/lookup", { token: null, body: {} });
    assert.equal(none.status, 400);
    assert.deepEqual(none.body.errors, ['missing "token" value in input']);
    // A lookup does not use the token up.
    assert.deepEqual((await call(t, "POST", "sys/wrapping/unwrap", { token })).body.data, { a: "b" });
  });

  test("a wrapped LIST records the list path, with its trailing slash, as creation_path", async () => {
    const mount = unique("wraplist");
    await call(t, "POST", `sys/mounts/${mount}`, { body: { type: "kv-v2" } });
    try {
      await call(t, "POST", `${mount}/data/app/one`, { body: { data: { k: "v" } } });
      for (const [method, path] of [["LIST", `${mount}/metadata/app`], ["GET", `${mount}/metadata/app/?list=true`]] as const) {
        const w = await call(t, method, path, { headers: { "X-Vault-Wrap-TTL": "1m" } });
        assert.equal(w.status, 200, path);
        assert.equal(w.body.wrap_info.creation_path, `${mount}/metadata/app/`, path);
        assert.deepEqual((await call(t, "POST", "sys/wrapping/unwrap", { token: w.body.wrap_info.token })).body.data.keys, ["one"]);
      }
    } finally {
      await call(t, "DELETE", `sys/mounts/${mount}`);
    }
  });

  test("legacy unwrapping: GET cubbyhole/response with the wrapping token gives {response: <the response as a JSON string>} and uses the token up", async () => {
    const path = `secret/data/${unique("legacy")}`;
    await call(t, "POST", path, { body: { data: { k: "v" } } });
    const w = await call(t, "GET", path, { headers: { "X-Vault-Wrap-TTL": "1m" } });
    const r = await call(t, "GET", "cubbyhole/response", { token: w.body.wrap_info.token });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.body.data), ["response"]);
    assert.equal(typeof r.body.data.response, "string");
    assert.deepEqual(JSON.parse(r.body.data.response).data.data, { k: "v" });
    assert.equal((await call(t, "POST", "sys/wrapping/unwrap", { token: w.body.wrap_info.token })).status, 400, "single use");
    await call(t, "DELETE", path.replace("/data/", "/metadata/"));
  });

  test("a wrapping token can do nothing but unwrap", async () => {
    const w = await call(t, "POST", "sys/wrapping/wrap", { body: { a: "b" }, headers: { "X-Vault-Wrap-TTL": "5m" } });
    assert.equal((await call(t, "GET", "sys/mounts", { token: w.body.wrap_info.token })).status, 403);
  });

  test("min_wrapping_ttl / max_wrapping_ttl: unwrapped or out-of-bounds requests are refused", async () => {
    const mount = unique("wrapkv");
    await call(t, "POST", `sys/mounts/${mount}`, { body: { type: "kv-v2" } });
    try {
      await call(t, "POST", `${mount}/data/s`, { body: { data: { k: "v" } } });
      const policy = unique("mustwrap");
      await call(t, "POST", `sys/policies/acl/${policy}`, { body: { policy: `path "${mount}/data/s" {\n  capabilities = ["read"]\n  min_wrapping_ttl = "1m"\n  max_wrapping_ttl = "10m"\n}` } });
      const tok = (await call(t, "POST", "auth/token/create", { body: { policies: [policy], ttl: "5m" } })).body.auth.client_token;
      const plain = await call(t, "GET", `${mount}/data/s`, { token: tok });
      assert.ok(plain.status >= 400, `unwrapped read refused (${plain.status})`);
      const tooShort = await call(t, "GET", `${mount}/data/s`, { token: tok, headers: { "X-Vault-Wrap-TTL": "30s" } });
      assert.ok(tooShort.status >= 400);
      const tooLong = await call(t, "GET", `${mount}/data/s`, { token: tok, headers: { "X-Vault-Wrap-TTL": "1h" } });
      assert.ok(tooLong.status >= 400);
      const ok = await call(t, "GET", `${mount}/data/s`, { token: tok, headers: { "X-Vault-Wrap-TTL": "5m" } });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.wrap_info.ttl, 300);
      await call(t, "DELETE", `sys/policies/acl/${policy}`);
    } finally {
      await call(t, "DELETE", `sys/mounts/${mount}`);
    }
  });

  test("a malformed wrap TTL is 400", async () => {
    assert.equal((await call(t, "GET", "sys/mounts", { headers: { "X-Vault-Wrap-TTL": "soon" } })).status, 400);
  });
});
