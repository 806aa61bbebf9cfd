import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startDevServer, type DevServer } from "./index.js";
import { apiCaller } from "./test-support.js";

// Batch tokens (openbao/docs/concepts/tokens.mdx, "Batch tokens" and the
// comparison table; vault-1.14/docs/faq/ssct.mdx for the hvb. prefix): no
// accessor, not renewable, cannot create tokens, cannot be revoked by hand,
// tied to a parent's lifetime unless orphaned; roles may issue them.

describe("batch tokens", () => {
  let s: DevServer;
  const call = apiCaller(() => s);
  before(async () => {
    s = await startDevServer({ port: 0 });
  });
  after(() => s.close());

  test("create: hvb. prefix, no accessor, not renewable, token_type batch; it works for requests and lookup-self", async () => {
    const r = await call("POST", "auth/token/create", { type: "batch", ttl: "10m", policies: ["default"] });
    assert.equal(r.status, 200);
    const a = r.body.auth;
    assert.match(a.client_token, /^hvb\.[A-Za-z0-9]{100,}$/);
    assert.equal(a.accessor, "");
    assert.equal(a.token_type, "batch");
    assert.equal(a.renewable, false);
    assert.equal(a.lease_duration, 600);
    const l = await call("GET", "auth/token/lookup-self", undefined, a.client_token);
    assert.equal(l.status, 200);
    assert.equal(l.body.data.type, "batch");
    assert.equal(l.body.data.accessor, "");
    assert.equal((await call("POST", "auth/token/renew-self", {}, a.client_token)).status, 400);
  });

  test("a batch token cannot create tokens, cannot be revoked by hand, is not listed among accessors, and dies with its parent", async () => {
    const parent = (await call("POST", "auth/token/create", { ttl: "1h" })).body.auth;
    const batch = (await call("POST", "auth/token/create", { type: "batch", ttl: "10m" }, parent.client_token)).body.auth;
    const child = await call("POST", "auth/token/create", { ttl: "5m" }, batch.client_token);
    assert.equal(child.status, 400);
    assert.match(child.body.errors[0], /batch tokens cannot create more tokens/);
    assert.equal((await call("POST", "auth/token/revoke", { token: batch.client_token })).status, 400);
    assert.equal((await call("POST", "auth/token/revoke-self", {}, batch.client_token)).status, 400);
    const accessors = (await call("LIST", "auth/token/accessors")).body.data.keys as string[];
    assert.ok(!accessors.includes(""));
    assert.equal((await call("POST", "auth/token/revoke", { token: parent.client_token })).status, 204);
    assert.equal((await call("GET", "auth/token/lookup-self", undefined, batch.client_token)).status, 403);
  });

  test("periodic or use-limited batch tokens are refused", async () => {
    assert.equal((await call("POST", "auth/token/create", { type: "batch", period: "1h" })).status, 400);
    assert.equal((await call("POST", "auth/token/create", { type: "batch", num_uses: 3 })).status, 400);
  });

  test("roles issue batch tokens: token role token_type=batch, AppRole token_type=batch", async () => {
    assert.equal((await call("POST", "auth/token/roles/ci", { token_type: "batch" })).status, 204);
    const viaRole = await call("POST", "auth/token/create/ci", { ttl: "5m" });
    assert.equal(viaRole.body.auth.token_type, "batch");
    assert.equal((await call("POST", "auth/token/create/ci", { type: "service" })).status, 400);
    await call("POST", "sys/auth/approle", { type: "approle" });
    assert.equal((await call("POST", "auth/approle/role/jobs", { token_type: "batch", token_ttl: "5m" })).status, 204);
    const roleId = (await call("GET", "auth/approle/role/jobs/role-id")).body.data.role_id;
    const secretId = (await call("POST", "auth/approle/role/jobs/secret-id", {})).body.data.secret_id;
    const login = await call("POST", "auth/approle/login", { role_id: roleId, secret_id: secretId }, null);
    assert.equal(login.status, 200);
    assert.equal(login.body.auth.token_type, "batch");
    assert.match(login.body.auth.client_token, /^hvb\./);
    assert.equal((await call("GET", "auth/token/lookup-self", undefined, login.body.auth.client_token)).status, 200);
  });
});
