import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, tokenWithPolicy, unique, unmount, type Target } from "./target.js";

// Request sequences of the tools people point at a dev server, replayed as
// their source sends them. All of these already matched Vault when this
// round checked them; the tests keep them that way.
// - Terraform's Vault provider (terraform-provider-vault internal/provider
//   meta.go): lookup-self with the given token, then auth/token/create
//   {display_name:"terraform", ttl:"<n>s", explicit_max_ttl:"<n>s",
//   renewable:false} and every later request with that child token
//   (skip_child_token is false by default), sys/mounts reads for vault_mount.
// - External Secrets Operator's Vault provider, PushSecret on KV v2
//   (pkg/provider/vault/client_push.go): read data (404 = new), write
//   metadata {custom_metadata:{managed-by:external-secrets}} first, then the
//   data with options.cas from metadata current_version when the store
//   requires check-and-set; DeleteSecret deletes data then metadata.
// - vault-action (hashicorp/vault-action src/secrets.js): GET
//   v1/<mount>/data/<path> with X-Vault-Token, and X-Vault-Namespace when a
//   namespace is configured (ignored by OSS Vault's adjustRequest).

describe("tool flows: Terraform provider, External Secrets Operator, vault-action", () => {
  let t: Target;
  let kv: string;
  before(async () => {
    t = await openTarget();
    kv = unique("tools-kv");
    assert.equal((await call(t, "POST", `sys/mounts/${kv}`, { body: { type: "kv", options: { version: "2" } } })).status, 204);
  });
  after(async () => {
    await unmount(t, kv);
    await t.close();
  });

  test("Terraform: a non-renewable child token capped at max_lease_ttl_seconds, with the parent's policies", async () => {
    const parent = await tokenWithPolicy(t, unique("tf"), `path "${kv}/*" { capabilities = ["create", "read", "update", "list"] }\npath "sys/mounts" { capabilities = ["read"] }\npath "sys/mounts/*" { capabilities = ["read"] }\npath "auth/token/create" { capabilities = ["update"] }`);
    const self = await call(t, "GET", "auth/token/lookup-self", { token: parent });
    assert.equal(self.status, 200);
    assert.equal(self.body.data.namespace_path, undefined, "OSS: no namespace_path to switch to");
    const created = await call(t, "POST", "auth/token/create", { token: parent, body: { display_name: "terraform", ttl: "1200s", explicit_max_ttl: "1200s", renewable: false } });
    assert.equal(created.status, 200, created.text);
    const auth = created.body.auth;
    assert.deepEqual(auth.policies, self.body.data.policies);
    assert.equal(auth.lease_duration, 1200);
    assert.equal(auth.renewable, false);
    assert.equal(auth.orphan, false);
    const child = auth.client_token as string;
    const look = (await call(t, "GET", "auth/token/lookup-self", { token: child })).body.data;
    assert.equal(look.display_name, "token-terraform");
    assert.equal(look.explicit_max_ttl, 1200);
    assert.equal(look.renewable, false);
    assert.equal(look.entity_id, "");
    const renew = await call(t, "POST", "auth/token/renew-self", { token: child, body: {} });
    assert.equal(renew.status, 400);
    assert.deepEqual(renew.body, { errors: ["lease is not renewable"] });
    // What vault_mount and vault_kv_secret_v2 then read with the child token.
    const mounts = await call(t, "GET", "sys/mounts", { token: child });
    assert.equal(mounts.status, 200);
    assert.deepEqual(mounts.body.data[`${kv}/`].options, { version: "2" });
    const one = await call(t, "GET", `sys/mounts/${kv}`, { token: child });
    assert.equal(one.body.data.type, "kv");
    assert.equal(one.body.type, "kv", "sys/mounts/:path copies data to the top level");
    assert.equal((await call(t, "POST", `${kv}/data/tf/app`, { token: child, body: { data: { k: "v" } } })).status, 200);
    // Revoking the parent revokes the child (Terraform's token ends with its run).
    assert.equal((await call(t, "POST", "auth/token/revoke-self", { token: parent })).status, 204);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: child })).status, 403);
  });

  test("mount reads leave out empty tunables, as Vault's mountInfo and tune read do (hand-rolled and older Terraform mount bodies send them)", async () => {
    const m = unique("tools-tune");
    const config = { default_lease_ttl: "0s", max_lease_ttl: "0s", force_no_cache: false, audit_non_hmac_request_keys: [], audit_non_hmac_response_keys: [], listing_visibility: "", passthrough_request_headers: [] };
    assert.equal((await call(t, "POST", `sys/mounts/${m}`, { body: { type: "kv", config, options: { version: "2" } } })).status, 204);
    try {
      const keys = ["audit_non_hmac_request_keys", "audit_non_hmac_response_keys", "listing_visibility", "passthrough_request_headers"];
      const absent = async () => {
        const mountConfig = (await call(t, "GET", `sys/mounts/${m}`)).body.data.config;
        const tune = (await call(t, "GET", `sys/mounts/${m}/tune`)).body.data;
        for (const k of keys) {
          assert.equal(mountConfig[k], undefined, `sys/mounts/:path config.${k}`);
          assert.equal(tune[k], undefined, `tune ${k}`);
        }
      };
      await absent();
      assert.equal((await call(t, "POST", `sys/mounts/${m}/tune`, { body: { audit_non_hmac_request_keys: ["user"], listing_visibility: "unauth" } })).status, 204);
      const tuned = (await call(t, "GET", `sys/mounts/${m}/tune`)).body.data;
      assert.deepEqual(tuned.audit_non_hmac_request_keys, ["user"]);
      assert.equal(tuned.listing_visibility, "unauth");
      assert.deepEqual((await call(t, "GET", "sys/mounts")).body.data[`${m}/`].config.audit_non_hmac_request_keys, ["user"]);
      // Tuning back to empty clears them from the answers again.
      assert.equal((await call(t, "POST", `sys/mounts/${m}/tune`, { body: { audit_non_hmac_request_keys: [], listing_visibility: "" } })).status, 204);
      await absent();
    } finally {
      await unmount(t, m);
    }
  });

  test("External Secrets Operator: PushSecret with check-and-set required, then DeleteSecret", async () => {
    assert.equal((await call(t, "POST", `${kv}/config`, { body: { cas_required: true } })).status, 204);
    try {
      const key = "eso/app/db";
      const label = { custom_metadata: { "managed-by": "external-secrets" } };
      const before = await call(t, "GET", `${kv}/data/${key}`);
      assert.equal(before.status, 404);
      assert.deepEqual(before.body, { errors: [] });
      assert.equal((await call(t, "POST", `${kv}/metadata/${key}`, { body: label })).status, 204);
      // The key exists now (metadata only), still without a version to read.
      assert.equal((await call(t, "GET", `${kv}/data/${key}`)).status, 404);
      const first = await call(t, "POST", `${kv}/data/${key}`, { body: { data: { user: "app" }, options: { cas: 0 } } });
      assert.equal(first.status, 200, first.text);
      assert.equal(first.body.data.version, 1);
      assert.deepEqual(first.body.data.custom_metadata, label.custom_metadata);
      // The second push: read data and metadata (managed-by), cas from current_version.
      const meta = await call(t, "GET", `${kv}/metadata/${key}`);
      assert.equal(meta.body.data.custom_metadata["managed-by"], "external-secrets");
      assert.equal(meta.body.data.current_version, 1);
      assert.equal((await call(t, "POST", `${kv}/metadata/${key}`, { body: label })).status, 204);
      const second = await call(t, "POST", `${kv}/data/${key}`, { body: { data: { user: "app2" }, options: { cas: meta.body.data.current_version } } });
      assert.equal(second.body.data.version, 2);
      // find by path: a recursive LIST walk.
      assert.deepEqual((await call(t, "LIST", `${kv}/metadata/eso`)).body.data.keys, ["app/"]);
      assert.deepEqual((await call(t, "LIST", `${kv}/metadata/eso/app`)).body.data.keys, ["db"]);
      assert.equal((await call(t, "DELETE", `${kv}/data/${key}`)).status, 204);
      assert.equal((await call(t, "DELETE", `${kv}/metadata/${key}`)).status, 204);
      assert.equal((await call(t, "GET", `${kv}/metadata/${key}`)).status, 404);
    } finally {
      await call(t, "POST", `${kv}/config`, { body: { cas_required: false } });
    }
  });

  test("vault-action: GET <mount>/data/<path> with and without X-Vault-Namespace; the selector reads data.data.<key>", async () => {
    await call(t, "POST", `${kv}/data/ci/deploy`, { body: { data: { api_url: "https://api.example.test" } } });
    for (const headers of [{}, { "X-Vault-Namespace": "admin" }] as Record<string, string>[]) {
      const r = await call(t, "GET", `${kv}/data/ci/deploy`, { headers });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.data.data.api_url, "https://api.example.test");
    }
    const missing = await call(t, "GET", `${kv}/data/ci/absent`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { errors: [] });
  });
});
