import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, type Target } from "./target.js";

// identity/ as an empty identity store, what a fresh `vault server -dev`
// answers before anyone creates an entity (vault/identity_store_*.go;
// http/logical.go turns an empty LIST into 404). Requests as the Vault UI's
// entity and group pages, Terraform's identity data sources and hvac's
// `secrets.identity` send them. Until this round every identity/ path
// answered 404 "unsupported path", which clients report as a missing mount.

describe("identity/: an empty identity store", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  for (const collection of ["entity/id", "entity/name", "entity-alias/id", "group/id", "group/name", "group-alias/id"]) {
    test(`LIST and GET ?list=true identity/${collection}: no keys, 404 with an empty errors list`, async () => {
      for (const [method, suffix] of [["LIST", ""], ["GET", "?list=true"]] as const) {
        const r = await call(t, method, `identity/${collection}${suffix}`);
        assert.equal(r.status, 404, `${method} ${collection}: ${r.text}`);
        assert.deepEqual(r.body, { errors: [] });
      }
    });
  }

  test("reading an entity or group that does not exist: 404 with an empty errors list", async () => {
    for (const path of ["identity/entity/id/6f3e3a47-1d5c-4c1e-8a8e-2f7c3a9b0d11", "identity/entity/name/app-one", "identity/group/name/ops", "identity/group/id/0d2c6b1e-5b7a-4f6c-9d7e-3b2a1c0f9e88"]) {
      const r = await call(t, "GET", path);
      assert.equal(r.status, 404, `${path}: ${r.text}`);
      assert.deepEqual(r.body, { errors: [] });
    }
  });

  test("identity/oidc/token/:name with no such role: 400 naming the role (the handler's first check)", async () => {
    const r = await call(t, "GET", "identity/oidc/token/ci-runner");
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, { errors: ['role "ci-runner" not found'] });
  });

  test("a token's entity_id is empty, and the default policy's entity paths (templated) grant it nothing", async () => {
    const created = await call(t, "POST", "auth/token/create", { body: { policies: ["default"], ttl: "5m" } });
    const token = created.body.auth.client_token as string;
    assert.equal(created.body.auth.entity_id, "");
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token })).body.data.entity_id, "");
    const r = await call(t, "GET", "identity/entity/id/6f3e3a47-1d5c-4c1e-8a8e-2f7c3a9b0d11", { token });
    assert.equal(r.status, 403);
  });
});
