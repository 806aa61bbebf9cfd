import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import NodeVault from "node-vault";
import { call, openTarget, unique, type Target } from "./target.js";

// The same operations through clients this project did not write: node-vault
// (npm) and hvac (Debian python3-hvac). If they work against the dev server,
// our server speaks Vault rather than our own idea of it.

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const PYTHON = "/usr/bin/python3";

describe("node-vault against the server", () => {
  let t: Target;
  let mount: string;
  before(async () => {
    t = await openTarget();
    mount = unique("nv");
  });
  after(async () => {
    await call(t, "DELETE", `sys/mounts/${mount}`);
    await t.close();
  });

  test("mount KV v2, write with CAS, read versions, merge-patch, list, delete/undelete/destroy, metadata", async () => {
    const vault = NodeVault({ endpoint: t.address, token: t.token, requestOptions: { timeout: 10_000 } });
    await vault.mount({ mount_point: mount, type: "kv", options: { version: "2" } });
    const mounts = await vault.mounts();
    assert.equal(mounts.data[`${mount}/`].options.version, "2");
    const w1 = await vault.write(`${mount}/data/svc/config`, { data: { url: "db://x", pass: "p1" } });
    assert.equal(w1.data.version, 1);
    await assert.rejects(vault.write(`${mount}/data/svc/config`, { options: { cas: 0 }, data: { pass: "nope" } }), (e: Error & { response?: { statusCode: number } }) => {
      assert.equal(e.response?.statusCode, 400);
      assert.match(e.message, /check-and-set/);
      return true;
    });
    await vault.write(`${mount}/data/svc/config`, { options: { cas: 1 }, data: { url: "db://x", pass: "p2" } });
    assert.deepEqual((await vault.read(`${mount}/data/svc/config?version=1`)).data.data, { url: "db://x", pass: "p1" });
    const patched = await vault.update(`${mount}/data/svc/config`, { data: { pass: null, user: "u" } });
    assert.equal(patched.data.version, 3);
    assert.deepEqual((await vault.read(`${mount}/data/svc/config`)).data.data, { url: "db://x", user: "u" });
    await vault.write(`${mount}/data/svc/other`, { data: { a: "b" } });
    assert.deepEqual((await vault.list(`${mount}/metadata/svc`)).data.keys, ["config", "other"]);
    await vault.delete(`${mount}/data/svc/other`);
    await assert.rejects(vault.read(`${mount}/data/svc/other`), (e: Error & { response?: { statusCode: number; body: { data: { data: unknown } } } }) => {
      assert.equal(e.response?.statusCode, 404);
      assert.equal(e.response?.body.data.data, null, "deleted version: normal body with data null");
      return true;
    });
    await vault.write(`${mount}/undelete/svc/other`, { versions: [1] });
    assert.deepEqual((await vault.read(`${mount}/data/svc/other`)).data.data, { a: "b" });
    await vault.write(`${mount}/destroy/svc/config`, { versions: [1] });
    const meta = await vault.read(`${mount}/metadata/svc/config`);
    assert.equal(meta.data.versions["1"].destroyed, true);
    assert.equal(meta.data.current_version, 3);
    await vault.unmount({ mount_point: mount });
    assert.equal((await vault.mounts()).data[`${mount}/`], undefined);
  });

  test("policy + limited token: allowed read, denied write; AppRole login", async () => {
    const vault = NodeVault({ endpoint: t.address, token: t.token, requestOptions: { timeout: 10_000 } });
    const kv = unique("nvacl");
    const policy = unique("nvpol");
    const approle = unique("nvapprole");
    await vault.mount({ mount_point: kv, type: "kv-v2" });
    try {
      await vault.write(`${kv}/data/app/k`, { data: { v: "1" } });
      await vault.addPolicy({ name: policy, rules: `path "${kv}/data/app/*" { capabilities = ["read"] }` });
      assert.match((await vault.getPolicy({ name: policy })).rules, /capabilities/);
      const created = await vault.tokenCreate({ policies: [policy], ttl: "5m" });
      vault.token = t.token; // tokenCreate is a node-vault "token source": it switched the client to the new token
      const limited = NodeVault({ endpoint: t.address, token: created.auth.client_token });
      assert.deepEqual((await limited.read(`${kv}/data/app/k`)).data.data, { v: "1" });
      await assert.rejects(limited.write(`${kv}/data/app/k`, { data: { v: "2" } }), (e: Error & { response?: { statusCode: number } }) => e.response?.statusCode === 403 && /permission denied/.test(e.message));
      await vault.enableAuth({ mount_point: approle, type: "approle" });
      await vault.addApproleRole({ role_name: "svc", policies: policy, mount_point: approle }); // node-vault only sends the legacy `policies` field
      const roleId = (await vault.getApproleRoleId({ role_name: "svc", mount_point: approle })).data.role_id;
      const secretId = (await vault.getApproleRoleSecret({ role_name: "svc", mount_point: approle })).data.secret_id;
      const app = NodeVault({ endpoint: t.address });
      const login = await app.approleLogin({ role_id: roleId, secret_id: secretId, mount_point: approle });
      assert.ok(login.auth.token_policies.includes(policy));
      assert.deepEqual((await app.read(`${kv}/data/app/k`)).data.data, { v: "1" }, "node-vault keeps the login token");
      const health = await vault.health();
      assert.equal(health.initialized, true);
    } finally {
      await call(t, "DELETE", `sys/auth/${approle}`);
      await call(t, "DELETE", `sys/policies/acl/${policy}`);
      await call(t, "DELETE", `sys/mounts/${kv}`);
    }
  });
});

describe("hvac (python3-hvac) against the server", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("hvac is installed", () => {
    const r = spawnSync(PYTHON, ["-c", "import hvac"], { encoding: "utf8", timeout: 10_000 });
    assert.equal(r.status, 0, `python3-hvac is required for this test: install it with \`apt-get install python3-hvac\` (.ci/run does). ${r.stderr ?? ""}`);
  });

  const runHvac = (script: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      execFile(
        PYTHON,
        [`scripts/hvac/${script}`],
        { cwd: repoRoot, env: { ...process.env, VAULT_ADDR: t.address, VAULT_TOKEN: t.token }, encoding: "utf8", timeout: 30_000 },
        (error, out, err) => (error ? reject(new Error(`hvac script ${script} failed (install python3-hvac if it is missing): ${err.slice(-2000)}`, { cause: error })) : resolve(JSON.parse(out) as Record<string, unknown>)),
      );
    });

  test("secrets.identity: entities, aliases, groups, lookups, merge, external groups and group aliases, identity tokens; a userpass login's token carries its entity and group policy", async () => {
    const r = await runHvac("identity.py");
    assert.deepEqual(r.entity_create_keys, ["aliases", "id", "name"]);
    assert.deepEqual(r.entity_read_policies, ["hvac-a", "hvac-b"]);
    assert.equal(r.entity_read_by_name_id_matches, true);
    assert.equal(r.entity_update_status, 204);
    assert.deepEqual(r.entity_policies_after_update, ["hvac-c"]);
    assert.equal(r.entity_by_name_update_status, 204);
    assert.deepEqual(r.entity_metadata_after, { team: "ops" });
    assert.equal(r.entities_listed, true);
    assert.equal(r.entities_listed_get, true);
    assert.equal(r.entity_names_listed, true);
    assert.equal(r.alias_canonical_matches, true);
    assert.equal(r.alias_mount_type, "token");
    assert.equal(r.alias_renamed, true);
    assert.equal(r.aliases_listed, true);
    assert.equal(r.lookup_by_alias, true);
    assert.equal(r.lookup_by_name, true);
    assert.equal(r.lookup_missing_status, 204);
    assert.deepEqual(r.group_create_keys, ["id", "name"]);
    assert.equal(r.group_read_members_match, true);
    assert.equal(r.group_update_status, 204);
    assert.equal(r.groups_listed, true);
    assert.equal(r.group_by_name_matches, true);
    assert.equal(r.lookup_self_entity_matches, true);
    assert.deepEqual(r.lookup_self_identity_policies, ["hvac-group-pol"]);
    assert.equal(r.group_policy_read, "svc");
    assert.equal(r.group_deleted, "InvalidPath");
    assert.equal(r.read_after_group_delete, "Forbidden");
    assert.equal(r.entity_deleted, "InvalidPath");
    assert.equal(r.merge_status, 204);
    assert.equal(r.merged_ids, true);
    assert.equal(r.merged_source, "InvalidPath");
    assert.equal(r.external_group_type, "external");
    assert.equal(r.group_alias_canonical_matches, true);
    assert.equal(r.group_alias_mount_type, "userpass");
    assert.equal(r.group_alias_listed, true);
    assert.equal(r.lookup_group_by_alias, true);
    assert.equal(r.group_alias_renamed, true);
    assert.equal(r.group_alias_deleted, "InvalidPath");
    assert.equal(r.oidc_key_algorithm, "RS256");
    assert.equal(r.oidc_token_client_matches, true);
    assert.equal(r.oidc_token_ttl, 1800);
    assert.deepEqual(r.oidc_claims, { sub_matches: true, aud_matches: true, team: "billing", lifetime: 1800 });
    assert.deepEqual(r.oidc_introspect, { active: true });
    assert.equal(r.oidc_issuer_matches, true);
    assert.equal(r.oidc_kid_published, true);
    assert.equal(r.oidc_root_refused, "InvalidRequest", "the root token has no entity");
    assert.equal(r.oidc_rotate_via_hvac, "InvalidRequest", "hvac 0.11 posts the rotation to the key itself: an update Vault refuses");
    assert.equal(r.oidc_after_rotate, false, "rotated out with verification_ttl 0");
  });

  test("system backend, capabilities, token self-service, audit devices and response wrapping", async () => {
    const r = await runHvac("sys.py");
    assert.equal(r.health_head_status, 200);
    assert.equal(r.health_get_initialized, true);
    assert.equal(r.is_initialized, true);
    assert.equal(r.is_sealed, false);
    assert.equal(r.seal_status_type, "shamir");
    assert.equal(r.auth_methods_has_token, true);
    assert.deepEqual(r.tuned, [3600, 7200]);
    assert.equal(r.kv_version_option, "2");
    assert.equal(r.kv_config_max_versions, 4);
    assert.equal(r.policy_listed, true);
    assert.equal(r.policy_rules_roundtrip, true);
    assert.deepEqual(r.caps_root, ["root"]);
    assert.deepEqual(r.caps_token, ["read", "update"]);
    assert.deepEqual(r.caps_accessor, ["deny"]);
    assert.equal(r.renew_self_lease, 1200);
    assert.equal(r.revoked_is_authenticated, false);
    assert.equal(r.policy_deleted, true);
    assert.equal(r.audit_listed, true);
    assert.equal(r.audit_hash_prefix, "hmac-sha256:");
    assert.equal(r.wrapped_has_auth, false);
    assert.deepEqual(r.unwrapped_policies, ["default"]);
    assert.equal(r.bad_token_is_authenticated, false);
    assert.equal(r.bad_token_sys_error, "Forbidden");
  });

  test("KV v2 write/CAS/versions/patch/delete/undelete/destroy/list/metadata, policy + limited token, AppRole, another kv-v2 mount", async () => {
    const r = await runHvac("contract.py");
    assert.equal(r.authenticated, true);
    assert.equal(r.mount_listed, true);
    assert.equal(r.write1_version, 1);
    assert.equal(r.cas_conflict, "InvalidRequest");
    assert.equal(r.write2_version, 2);
    assert.deepEqual(r.read_v1, { user: "app", password: "pw-1" });
    assert.deepEqual(r.read_latest, { user: "app", password: "pw-2" });
    assert.equal(r.patch_version, 3);
    assert.deepEqual(r.after_patch, { user: "app", password: "pw-2", port: "5432" });
    assert.equal(r.merge_patch_version, 4);
    assert.deepEqual(r.after_merge_patch, { user: "app", port: "5432", region: "eu" });
    assert.equal(r.read_deleted, "InvalidPath");
    assert.deepEqual(r.read_undeleted, { user: "app", port: "5432", region: "eu" });
    assert.equal(r.metadata_current_version, 4);
    assert.equal(r.metadata_v1_destroyed, true);
    assert.equal(r.metadata_max_versions, 3);
    assert.deepEqual(r.list_app, ["api/", "db"]);
    assert.equal(r.list_missing, "InvalidPath");
    assert.deepEqual(r.limited_read, { user: "app", port: "5432", region: "eu" });
    assert.equal(r.limited_write, "Forbidden");
    assert.equal(r.limited_sys, "Forbidden");
    assert.ok(Array.isArray(r.limited_lookup_self_policies) && r.limited_lookup_self_policies.includes("default"));
    assert.ok(Array.isArray(r.approle_policies) && r.approle_policies.length === 2 && r.approle_policies.includes("default"));
    assert.equal(r.approle_authenticated, true);
    assert.deepEqual(r.approle_read, { user: "app", port: "5432", region: "eu" });
    assert.equal(r.approle_bad_login, "InvalidRequest");
    assert.equal(r.mount_removed, true);
  });

  test("transit (encrypt/decrypt/rotate/rewrap/batch/datakey/hmac/sign/verify/delete), userpass login, leases, batch tokens", async () => {
    const r = await runHvac("engines.py");
    assert.equal(r.transit_type, "aes256-gcm96");
    assert.equal(r.transit_latest, 1);
    assert.equal(r.transit_prefix, "vault:v1:");
    assert.equal(r.transit_decrypted, "hvac-secret");
    assert.equal(r.transit_rewrapped_prefix, "vault:v2:");
    assert.equal(r.transit_rewrapped_decrypted, "hvac-secret");
    assert.deepEqual(r.transit_batch, ["one", "two"]);
    assert.equal(r.transit_datakey_matches, true);
    assert.equal(r.transit_hmac_valid, true);
    assert.equal(r.transit_signature_valid, true);
    assert.equal(r.transit_signature_tampered, false);
    assert.deepEqual(r.transit_list, ["app", "signer"]);
    assert.equal(r.transit_delete_refused, "InvalidRequest");
    assert.equal(r.transit_deleted, "InvalidPath");
    assert.deepEqual(r.userpass_metadata, { username: "carol" });
    assert.equal(r.userpass_authenticated, true);
    assert.equal(r.userpass_bad_login, "InvalidRequest");
    assert.deepEqual(r.userpass_users, ["carol"]);
    assert.equal(r.lease_count, 1);
    assert.equal(r.lease_id_matches, true);
    assert.equal(r.lease_renew_refused, "InvalidRequest");
    assert.equal(r.lease_revoked_token_authenticated, false);
    assert.equal(r.batch_prefix, "hvb.");
    assert.equal(r.batch_accessor, "");
    assert.equal(r.batch_token_type, "batch");
    assert.equal(r.batch_lookup_type, "batch");
    assert.equal(r.batch_create_child, "Forbidden", "the default policy does not grant auth/token/create");
  });
});
