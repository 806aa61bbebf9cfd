import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, tokenWithPolicy, unique, type Target } from "./target.js";

// Facts of ../shared/reference/vault-api/README.md that no other test checked
// (2026-11-23 sweep; docs/dev-server-conformance.md lists them). Each test
// names its section.

describe("reference facts not covered elsewhere", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("§1.10: a path parameter ending in a period is 404 unsupported path, for reads and writes", async () => {
    for (const [method, body] of [
      ["GET", undefined],
      ["POST", { data: { a: "1" } }],
    ] as const) {
      const r = await call(t, method, "secret/data/app.", body === undefined ? {} : { body });
      assert.equal(r.status, 404, method);
      assert.match(r.body.errors[0], /unsupported path/, method);
    }
    // Nothing was written under a name without the period either.
    assert.equal((await call(t, "GET", "secret/data/app")).status, 404);
  });

  test("§1.2: X-Vault-Token wins over Authorization: Bearer; Bearer alone authenticates", async () => {
    const bogus = ["hvs.", "x".repeat(24)].join("");
    const both = await call(t, "GET", "auth/token/lookup-self", { headers: { Authorization: `Bearer ${bogus}` } });
    assert.equal(both.status, 200);
    const bearer = await call(t, "GET", "auth/token/lookup-self", { token: null, headers: { Authorization: `Bearer ${t.token}` } });
    assert.equal(bearer.status, 200);
    const wrong = await call(t, "GET", "auth/token/lookup-self", { token: bogus, headers: { Authorization: `Bearer ${t.token}` } });
    assert.equal(wrong.status, 403);
  });

  test("§6.6: revoking a token that does not exist is 204; revoking a batch token is an error", async () => {
    const unknown = ["hvs.", "A".repeat(91)].join("");
    assert.equal((await call(t, "POST", "auth/token/revoke", { body: { token: unknown } })).status, 204);
    const batch = await call(t, "POST", "auth/token/create", { body: { type: "batch", policies: ["default"], ttl: "5m" } });
    assert.equal(batch.status, 200);
    const r = await call(t, "POST", "auth/token/revoke", { body: { token: batch.body.auth.client_token } });
    assert.equal(r.status, 400);
    assert.match(r.body.errors[0], /batch tokens cannot be revoked/);
    // It is still valid afterwards.
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: batch.body.auth.client_token })).status, 200);
  });

  test("§9.7: root-protected paths refuse a token with every capability but sudo; sys/mounts is not root-protected", async () => {
    const all = '["create", "read", "update", "delete", "list"]';
    const token = await tokenWithPolicy(t, unique("nosudo"), `path "sys/*" { capabilities = ${all} }\npath "auth/token/*" { capabilities = ${all} }`);
    for (const [method, path, body] of [
      ["POST", "sys/seal", {}],
      ["POST", "sys/step-down", {}],
      ["POST", "sys/rotate", {}],
      ["POST", "sys/remount", { from: "secret", to: "moved" }],
      ["LIST", "sys/leases/lookup/auth/token/create/", undefined],
      ["POST", "sys/leases/revoke-prefix/auth/token/create", {}],
      ["POST", "sys/leases/revoke-force/auth/token/create", {}],
      ["GET", "sys/audit", undefined],
      ["GET", "sys/auth/token/tune", undefined],
      ["GET", "sys/config/auditing/request-headers", undefined],
      ["GET", "sys/config/cors", undefined],
      ["GET", "sys/raw/core/mounts", undefined],
      ["LIST", "auth/token/accessors", undefined],
      ["POST", "auth/token/revoke-orphan", { token: "x" }],
    ] as const) {
      const r = await call(t, method, path, body === undefined ? { token } : { token, body });
      assert.equal(r.status, 403, `${method} ${path}`);
      assert.match(r.body.errors[0], /permission denied/, `${method} ${path}`);
    }
    assert.equal((await call(t, "GET", "sys/mounts", { token })).status, 200);
    // Still unsealed and mounted where it was: nothing above took effect.
    assert.equal((await call(t, "GET", "sys/seal-status", { token: null })).body.sealed, false);
    assert.ok((await call(t, "GET", "sys/mounts")).body.data["secret/"]);
  });

  test("§3.5: sys/ha-status, sys/key-status and sys/config/cors copy data to the top level; sys/policies/acl does not", async () => {
    for (const path of ["sys/ha-status", "sys/key-status", "sys/config/cors"]) {
      const r = await call(t, "GET", path);
      assert.equal(r.status, 200, path);
      for (const [k, v] of Object.entries(r.body.data)) assert.deepEqual(r.body[k], v, `${path}: ${k}`);
    }
    const acl = await call(t, "GET", "sys/policies/acl/default");
    assert.equal(acl.body.name, undefined);
    assert.equal(acl.body.data.name, "default");
  });

  test("§13.2/§3.3: a wrapped response has request_id \"\" and data null; lookup of its token needs no other token", async () => {
    const w = await call(t, "GET", "sys/seal-status", { headers: { "X-Vault-Wrap-TTL": "90s" } });
    // seal-status is not an envelope response, so it is not wrapped (Vault wraps only logical responses).
    assert.equal(w.status, 200);
    assert.equal(w.body.wrap_info, undefined);
    const wrapped = await call(t, "GET", "auth/token/lookup-self", { headers: { "X-Vault-Wrap-TTL": "90s" } });
    assert.equal(wrapped.body.request_id, "");
    assert.equal(wrapped.body.data, null);
    assert.equal(wrapped.body.wrap_info.ttl, 90);
    assert.equal(wrapped.body.wrap_info.creation_path, "auth/token/lookup-self");
    const lookup = await call(t, "POST", "sys/wrapping/lookup", { token: null, body: { token: wrapped.body.wrap_info.token } });
    assert.equal(lookup.status, 200);
    assert.equal(lookup.body.data.creation_path, "auth/token/lookup-self");
    assert.equal(lookup.body.data.creation_ttl, 90);
  });
});
