import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, unique, unmount, type Target } from "./target.js";

// sys/mounts/:path/tune and sys/auth/:path/tune apply their fields one after
// the other in Vault's order (vault/logical_system.go handleTuneWriteCommon:
// lease TTLs, description, audit key lists, listing_visibility, token_type,
// passthrough_request_headers, options with the KV version check), so a
// refusal late in the list leaves what came before it applied; and
// listing_visibility takes only "", "hidden", "unauth" (checkListingVisibility,
// "invalid listing_visibility <v>"), on tune and on mount
// (openbao/docs/api/system/mounts.mdx, "listing_visibility").

describe("mount tune: Vault's field order and checks", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("a KV downgrade is refused after the same request's TTLs and description were applied", async () => {
    const m = unique("tune-v2");
    assert.equal((await call(t, "POST", `sys/mounts/${m}`, { body: { type: "kv", options: { version: "2" } } })).status, 204);
    try {
      const r = await call(t, "POST", `sys/mounts/${m}/tune`, { body: { default_lease_ttl: "1h", description: "tuned", options: { version: "1" } } });
      assert.equal(r.status, 400, r.text);
      assert.deepEqual(r.body.errors, ["cannot downgrade mount from version 2"]);
      const tune = (await call(t, "GET", `sys/mounts/${m}/tune`)).body.data;
      assert.equal(tune.default_lease_ttl, 3600, "the TTL before the version check was applied");
      assert.equal(tune.description, "tuned");
      assert.equal(tune.options.version, "2", "the version did not change");
    } finally {
      await unmount(t, m);
    }
  });

  test("an invalid listing_visibility is refused on tune and on mount; the TTL before it stays applied", async () => {
    const m = unique("tune-lv");
    assert.equal((await call(t, "POST", `sys/mounts/${m}`, { body: { type: "kv" } })).status, 204);
    try {
      for (const value of ["public", "UNAUTH", "true"]) {
        const r = await call(t, "POST", `sys/mounts/${m}/tune`, { body: { max_lease_ttl: "2h", listing_visibility: value } });
        assert.equal(r.status, 400, r.text);
        assert.deepEqual(r.body.errors, [`invalid listing_visibility ${value}`]);
      }
      const tune = (await call(t, "GET", `sys/mounts/${m}/tune`)).body.data;
      assert.equal(tune.max_lease_ttl, 7200);
      assert.equal(tune.listing_visibility, undefined, "nothing invalid was stored");
      for (const value of ["hidden", "unauth", ""]) {
        assert.equal((await call(t, "POST", `sys/mounts/${m}/tune`, { body: { listing_visibility: value } })).status, 204, value);
      }
      const bad = unique("mount-lv");
      const r = await call(t, "POST", `sys/mounts/${bad}`, { body: { type: "kv", config: { listing_visibility: "everyone" } } });
      assert.equal(r.status, 400, r.text);
      assert.deepEqual(r.body.errors, ["invalid listing_visibility everyone"]);
      assert.equal((await call(t, "GET", `sys/mounts/${bad}`)).status, 400, "no mount was created");
    } finally {
      await unmount(t, m);
    }
  });

  test("token_type is tunable on auth mounts only, and only to a known type", async () => {
    const m = unique("tune-tt");
    const a = unique("tune-auth");
    assert.equal((await call(t, "POST", `sys/mounts/${m}`, { body: { type: "kv" } })).status, 204);
    assert.equal((await call(t, "POST", `sys/auth/${a}`, { body: { type: "userpass" } })).status, 204);
    try {
      const secrets = await call(t, "POST", `sys/mounts/${m}/tune`, { body: { token_type: "batch" } });
      assert.equal(secrets.status, 400);
      assert.deepEqual(secrets.body.errors, ["'token_type' can only be modified on auth mounts"]);
      const token = await call(t, "POST", "sys/auth/token/tune", { body: { token_type: "batch" } });
      assert.equal(token.status, 400);
      assert.deepEqual(token.body.errors, ["'token_type' cannot be set for 'token' or 'ns_token' auth mounts"]);
      const unknown = await call(t, "POST", `sys/auth/${a}/tune`, { body: { token_type: "short" } });
      assert.equal(unknown.status, 400);
      assert.deepEqual(unknown.body.errors, ["invalid value for 'token_type'"]);
      assert.equal((await call(t, "POST", `sys/auth/${a}/tune`, { body: { token_type: "default-batch" } })).status, 204);
      assert.equal((await call(t, "GET", `sys/auth/${a}/tune`)).body.data.token_type, "default-batch");
    } finally {
      await unmount(t, m);
      await call(t, "DELETE", `sys/auth/${a}`);
    }
  });

  test("sys/internal/ui/mounts/<path> without a token is 403 even for an unauth-listed mount (pathInternalUIMountRead needs a token)", async () => {
    const m = unique("tune-ui");
    assert.equal((await call(t, "POST", `sys/mounts/${m}`, { body: { type: "kv", options: { version: "2" }, config: { listing_visibility: "unauth" } } })).status, 204);
    try {
      const listed = await call(t, "GET", "sys/internal/ui/mounts", { token: null });
      assert.ok(listed.body.data.secret[`${m}/`], "listed without a token");
      const one = await call(t, "GET", `sys/internal/ui/mounts/${m}`, { token: null });
      assert.equal(one.status, 403, one.text);
      const withToken = await call(t, "GET", `sys/internal/ui/mounts/${m}`);
      assert.equal(withToken.status, 200);
      assert.equal(withToken.body.data.path, `${m}/`);
    } finally {
      await unmount(t, m);
    }
  });
});
