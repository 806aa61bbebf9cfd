import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import NodeVault from "node-vault";
import { startDevServer, type DevServer } from "../index.js";
import { rs256Jwt } from "../test-support.js";

// Every method node-vault 0.12 has (its src/commands.js table plus the generic
// read/write/list/delete/update/help/request in src/index.js), called the way
// an application calls it, against a dev server in this process. Each check
// looks at what the caller gets back (the data, the error's status and
// message), not only that the call resolved. A family the dev server does not
// implement (LDAP, AWS, GitHub, … logins, the database engine) must answer in
// Vault's error shape so that node-vault's error path (ApiResponseError with
// the first `errors` entry as message) works.
//
// Steps run in order and collect their failures, so one broken endpoint does
// not hide the others; the test then fails listing every method that broke.

/* eslint-disable @typescript-eslint/no-explicit-any -- node-vault's typings cover a fraction of its methods */
type Client = Record<string, any>;
type ApiError = Error & { response?: { statusCode: number; body: any } };

const covered = new Set<string>();

class Steps {
  failures: string[] = [];
  async run(method: string, fn: () => Promise<void>): Promise<void> {
    covered.add(method);
    try {
      await fn();
    } catch (e) {
      const err = e as ApiError;
      this.failures.push(`${method}: ${err.response ? `HTTP ${err.response.statusCode} ` : ""}${err.message.replace(/\s+/g, " ")}`);
    }
  }
  done(): void {
    assert.deepEqual(this.failures, [], `node-vault methods that failed:\n${this.failures.join("\n")}`);
  }
}

/** Resolves to the ApiResponseError the call rejected with; fails if it resolved. */
async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error("expected the call to be refused, it succeeded");
}

/** Vault's error shape: the status, an `errors` array, and node-vault's message taken from it. */
function assertVaultError(e: ApiError, status: number, message: RegExp): void {
  assert.ok(e.response, `not an HTTP error: ${e.message}`);
  assert.equal(e.response.statusCode, status, `status (message: ${e.message})`);
  assert.ok(Array.isArray(e.response.body?.errors), "errors array");
  assert.match(e.message, message);
}

describe("node-vault: every method against the dev server", () => {
  let s: DevServer;
  let auditDir: string;
  const client = (token?: string): Client => NodeVault({ endpoint: s.address, token, requestOptions: { timeout: 10_000 } }) as unknown as Client;
  const root = (): Client => client(s.rootToken);

  before(async () => {
    s = await startDevServer({ port: 0 });
    auditDir = mkdtempSync(join(tmpdir(), "vaultshift-nv-audit-"));
  });
  after(async () => {
    await s.close();
    rmSync(auditDir, { recursive: true, force: true });
  });

  test("generic read, write, update, list, delete, help and request on KV v2; destroySecretVersions", async () => {
    const v = root();
    const st = new Steps();
    await st.run("write", async () => {
      const r = await v.write("secret/data/nv/app", { data: { user: "app", pass: "p1" } });
      assert.equal(r.data.version, 1);
      await v.write("secret/data/nv/app", { options: { cas: 1 }, data: { user: "app", pass: "p2" } });
    });
    await st.run("read", async () => {
      assert.deepEqual((await v.read("secret/data/nv/app")).data.data, { user: "app", pass: "p2" });
      assert.deepEqual((await v.read("secret/data/nv/app?version=1")).data.data, { user: "app", pass: "p1" });
      assertVaultError(await rejection(v.read("secret/data/nv/missing")), 404, /Status 404/);
    });
    await st.run("update", async () => {
      const r = await v.update("secret/data/nv/app", { data: { pass: null, port: "5432" } });
      assert.equal(r.data.version, 3);
      assert.deepEqual((await v.read("secret/data/nv/app")).data.data, { user: "app", port: "5432" });
    });
    await st.run("list", async () => {
      await v.write("secret/data/nv/dir/x", { data: { a: "1" } });
      assert.deepEqual((await v.list("secret/metadata/nv")).data.keys, ["app", "dir/"]);
      const noVerb = NodeVault({ endpoint: s.address, token: s.rootToken, noCustomHTTPVerbs: true }) as unknown as Client;
      assert.deepEqual((await noVerb.list("secret/metadata/nv/")).data.keys, ["app", "dir/"], "GET ?list=1 (noCustomHTTPVerbs)");
    });
    await st.run("destroySecretVersions", async () => {
      await v.destroySecretVersions({ mount_point: "secret", path: "nv/app", versions: [1] });
      const meta = await v.read("secret/metadata/nv/app");
      assert.equal(meta.data.versions["1"].destroyed, true);
      assert.equal(meta.data.versions["2"].destroyed, false);
    });
    await st.run("delete", async () => {
      await v.delete("secret/data/nv/dir/x");
      const e = await rejection(v.read("secret/data/nv/dir/x"));
      assert.equal(e.response?.statusCode, 404);
      assert.notEqual(e.response?.body.data.metadata.deletion_time, "", "a soft-deleted version reads as 404 with its metadata");
      await v.delete("secret/metadata/nv/dir/x");
      assertVaultError(await rejection(v.read("secret/metadata/nv/dir/x")), 404, /Status 404/);
    });
    await st.run("help", async () => {
      const r = await v.help("secret/data/nv/app");
      assert.equal(typeof r.help, "string");
    });
    await st.run("request", async () => {
      const r = await v.request({ path: "/secret/config", method: "GET" });
      assert.equal(r.data.max_versions, 0);
      assert.equal(r.data.cas_required, false);
    });
    st.done();
  });

  test("mounts, mount, remount, unmount; auths, enableAuth, disableAuth; policies; audits", async () => {
    const v = root();
    const st = new Steps();
    await st.run("mount", async () => {
      assert.equal(await v.mount({ mount_point: "nv-kv", type: "kv", options: { version: "2" }, description: "node-vault" }), "");
      await v.write("nv-kv/data/k", { data: { a: "b" } });
    });
    await st.run("mounts", async () => {
      const m = await v.mounts();
      assert.equal(m.data["nv-kv/"].type, "kv");
      assert.equal(m.data["nv-kv/"].description, "node-vault");
      assert.equal(m.data["nv-kv/"].options.version, "2");
      assert.equal(m["nv-kv/"].type, "kv", "sys/mounts also has the mounts at the top level");
    });
    await st.run("remount", async () => {
      // Vault 1.10+ queues the move and answers a migration ID, whose status endpoint reports the outcome.
      const r = await v.remount({ from: "nv-kv", to: "nv-kv2" });
      assert.match(r.data.migration_id, /^[0-9a-f-]{36}$/);
      const status = await v.read(`sys/remount/status/${r.data.migration_id}`);
      assert.deepEqual(status.data.migration_info, { source_mount: "nv-kv/", target_mount: "nv-kv2/", status: "success" });
      const m = (await v.mounts()).data;
      assert.equal(m["nv-kv/"], undefined);
      assert.equal(m["nv-kv2/"].type, "kv");
      assert.deepEqual((await v.read("nv-kv2/data/k")).data.data, { a: "b" }, "the data moves with the mount");
    });
    await st.run("unmount", async () => {
      await v.unmount({ mount_point: "nv-kv2" });
      assert.equal((await v.mounts()).data["nv-kv2/"], undefined);
      assertVaultError(await rejection(v.read("nv-kv2/data/k")), 404, /no handler for route|unsupported path/);
    });
    await st.run("enableAuth", async () => {
      await v.enableAuth({ mount_point: "nv-up", type: "userpass", description: "people" });
    });
    await st.run("auths", async () => {
      const a = await v.auths();
      assert.equal(a.data["nv-up/"].type, "userpass");
      assert.equal(a.data["token/"].type, "token");
    });
    await st.run("remount (auth method)", async () => {
      // `vault auth move`: the users move with the method; tokens it issued are revoked.
      await v.write("auth/nv-up/users/fay", { password: "pw-fay" });
      const login = await client().userpassLogin({ mount_point: "nv-up", username: "fay", password: "pw-fay" });
      assertVaultError(await rejection(v.remount({ from: "auth/nv-up", to: "nv-up-secrets" })), 400, /cannot remount auth mount to non-auth mount/);
      await v.remount({ from: "auth/nv-up", to: "auth/nv-up2" });
      assertVaultError(await rejection(client(login.auth.client_token).tokenLookupSelf()), 403, /permission denied/);
      const again = await client().userpassLogin({ mount_point: "nv-up2", username: "fay", password: "pw-fay" });
      assert.equal((await client(again.auth.client_token).tokenLookupSelf()).data.path, "auth/nv-up2/login/fay");
      assertVaultError(await rejection(v.remount({ from: "secret", to: "sys/x" })), 400, /reserved path/);
      assertVaultError(await rejection(v.remount({ from: "nope", to: "nope2" })), 400, /no matching mount/);
    });
    await st.run("disableAuth", async () => {
      await v.disableAuth({ mount_point: "nv-up2" });
      assert.equal((await v.auths()).data["nv-up2/"], undefined);
    });
    await st.run("addPolicy", async () => {
      await v.addPolicy({ name: "nv-pol", rules: 'path "secret/data/nv/*" { capabilities = ["read"] }' });
    });
    await st.run("policies", async () => {
      const p = await v.policies();
      assert.ok(p.policies.includes("nv-pol") && p.policies.includes("default") && p.policies.includes("root"));
    });
    await st.run("getPolicy", async () => {
      const p = await v.getPolicy({ name: "nv-pol" });
      assert.equal(p.name, "nv-pol");
      assert.match(p.rules, /capabilities = \["read"\]/);
    });
    await st.run("removePolicy", async () => {
      await v.removePolicy({ name: "nv-pol" });
      assertVaultError(await rejection(v.getPolicy({ name: "nv-pol" })), 404, /Status 404/);
    });
    const file = join(auditDir, "audit.log");
    await st.run("enableAudit", async () => {
      await v.enableAudit({ name: "nv-file", type: "file", description: "nv", options: { file_path: file } });
    });
    await st.run("audits", async () => {
      const a = await v.audits();
      assert.equal(a.data["nv-file/"].type, "file");
      assert.equal(a.data["nv-file/"].options.file_path, file);
    });
    await st.run("disableAudit", async () => {
      await v.disableAudit({ name: "nv-file" });
      assert.equal((await v.audits()).data["nv-file/"], undefined);
    });
    st.done();
  });

  test("tokens: create, create-orphan, roles, create with a role, lookups, renewals, revocations, accessors", async () => {
    const v = root();
    const st = new Steps();
    // The default policy does not grant auth/token/create: a parent of child tokens needs it.
    await v.addPolicy({ name: "nv-parent", rules: 'path "auth/token/create" { capabilities = ["update"] }' });
    let tok: any;
    await st.run("tokenCreate", async () => {
      const r = await v.tokenCreate({ policies: ["default"], ttl: "1h", meta: { app: "nv" }, display_name: "svc", renewable: true, num_uses: 0 });
      tok = r.auth;
      assert.match(tok.client_token, /^hvs\./);
      assert.deepEqual(tok.policies, ["default"]);
      assert.deepEqual(tok.metadata, { app: "nv" });
      assert.equal(tok.lease_duration, 3600);
      assert.equal(tok.renewable, true);
      assert.equal(v.token, tok.client_token, "node-vault switches to the token it created (tokenSource)");
      v.token = s.rootToken;
    });
    await st.run("tokenLookup", async () => {
      const r = await v.tokenLookup({ token: tok.client_token });
      assert.equal(r.data.id, tok.client_token);
      assert.equal(r.data.display_name, "token-svc");
      assert.deepEqual(r.data.meta, { app: "nv" });
      assert.ok(r.data.ttl > 3590 && r.data.ttl <= 3600);
    });
    await st.run("tokenLookupAccessor", async () => {
      const r = await v.tokenLookupAccessor({ accessor: tok.accessor });
      assert.equal(r.data.accessor, tok.accessor);
      assert.equal(r.data.id, "", "lookup by accessor does not reveal the token");
      assert.deepEqual(r.data.policies, ["default"]);
    });
    await st.run("tokenLookupSelf", async () => {
      const r = await v.tokenLookupSelf();
      assert.deepEqual(r.data.policies, ["root"]);
      assert.equal(r.data.ttl, 0);
    });
    await st.run("tokenRenew", async () => {
      const r = await v.tokenRenew({ token: tok.client_token, increment: "2h" });
      assert.equal(r.auth.client_token, tok.client_token);
      assert.equal(r.auth.lease_duration, 7200);
      v.token = s.rootToken;
    });
    await st.run("tokenRenewSelf", async () => {
      const c = client(tok.client_token);
      const r = await c.tokenRenewSelf({ increment: 1800 });
      assert.equal(r.auth.lease_duration, 1800);
    });
    await st.run("tokenAccessors", async () => {
      const r = await v.tokenAccessors();
      assert.ok(r.data.keys.includes(tok.accessor));
    });
    await st.run("addTokenRole", async () => {
      // node-vault's schema: allowed_policies a comma-separated string, period an integer (seconds).
      await v.addTokenRole({ role_name: "nv-ci", allowed_policies: "default,ci", orphan: true, renewable: true, period: 3600, path_suffix: "ci" });
    });
    await st.run("getTokenRole", async () => {
      const r = await v.getTokenRole({ role_name: "nv-ci" });
      assert.deepEqual(r.data.allowed_policies, ["ci", "default"]);
      assert.equal(r.data.orphan, true);
      assert.equal(r.data.path_suffix, "ci");
      assert.equal(r.data.token_period, 3600);
    });
    await st.run("tokenRoles", async () => {
      assert.deepEqual((await v.tokenRoles()).data.keys, ["nv-ci"]);
    });
    await st.run("tokenCreateRole", async () => {
      const r = await v.tokenCreateRole({ role_name: "nv-ci", policies: ["ci"] });
      v.token = s.rootToken;
      assert.deepEqual(r.auth.policies, ["ci", "default"]);
      assert.equal(r.auth.orphan, true);
      assert.equal(r.auth.lease_duration, 3600, "period from the role");
      const look = await v.tokenLookup({ token: r.auth.client_token });
      assert.equal(look.data.path, "auth/token/create/nv-ci/ci", "path_suffix is appended to the token's path");
      assert.equal(look.data.role, "nv-ci");
    });
    await st.run("removeTokenRole", async () => {
      await v.removeTokenRole({ role_name: "nv-ci" });
      assertVaultError(await rejection(v.getTokenRole({ role_name: "nv-ci" })), 404, /Status 404/);
    });
    await st.run("tokenCreateOrphan", async () => {
      const limited = client(tok.client_token);
      const parent = (await v.tokenCreate({ policies: ["default"], ttl: "1h" })).auth.client_token;
      v.token = s.rootToken;
      const r = await v.tokenCreateOrphan({ policies: ["default"], ttl: "10m" });
      v.token = s.rootToken;
      assert.equal(r.auth.orphan, true);
      assert.equal((await v.tokenLookup({ token: r.auth.client_token })).data.orphan, true);
      // A non-root caller may not create orphans without sudo on create-orphan (the default policy lacks it).
      assertVaultError(await rejection(limited.tokenCreateOrphan({ ttl: "1m" })), 403, /permission denied/);
      await v.tokenRevoke({ token: parent });
    });
    await st.run("tokenRevokeOrphan", async () => {
      const parent = (await v.tokenCreate({ policies: ["nv-parent"], ttl: "1h" })).auth.client_token;
      const child = (await client(parent).tokenCreate({ policies: ["nv-parent"], ttl: "1h" })).auth.client_token;
      v.token = s.rootToken;
      await v.tokenRevokeOrphan({ token: parent });
      assertVaultError(await rejection(v.tokenLookup({ token: parent })), 403, /bad token|permission denied/);
      const c = await v.tokenLookup({ token: child });
      assert.equal(c.data.orphan, true, "the child survives as an orphan");
    });
    await st.run("tokenRevoke", async () => {
      const parent = (await v.tokenCreate({ policies: ["nv-parent"], ttl: "1h" })).auth.client_token;
      const child = (await client(parent).tokenCreate({ policies: ["nv-parent"], ttl: "1h" })).auth.client_token;
      v.token = s.rootToken;
      await v.tokenRevoke({ token: parent });
      assertVaultError(await rejection(v.tokenLookup({ token: child })), 403, /bad token|permission denied/);
    });
    await st.run("tokenRevokeAccessor", async () => {
      const t2 = (await v.tokenCreate({ policies: ["default"], ttl: "1h" })).auth;
      v.token = s.rootToken;
      await v.tokenRevokeAccessor({ accessor: t2.accessor });
      assertVaultError(await rejection(client(t2.client_token).tokenLookupSelf()), 403, /permission denied/);
    });
    await st.run("tokenRevokeSelf", async () => {
      const c = client(tok.client_token);
      await c.tokenRevokeSelf();
      assertVaultError(await rejection(c.tokenLookupSelf()), 403, /permission denied/);
    });
    st.done();
  });

  test("leases: renew, revoke, revokePrefix (token leases); unwrap", async () => {
    const v = root();
    const st = new Steps();
    // A token's lease ID does not name the token: take the lease that appears when it is created.
    const leaseKeys = async (): Promise<string[]> => (await v.list("sys/leases/lookup/auth/token/create/").catch(() => ({ data: { keys: [] } }))).data.keys;
    const tokenWithLease = async (): Promise<{ token: string; lease: string }> => {
      const before = new Set(await leaseKeys());
      const token = (await v.tokenCreate({ policies: ["default"], ttl: "10m" })).auth.client_token;
      v.token = s.rootToken;
      const fresh = (await leaseKeys()).filter((k) => !before.has(k));
      assert.equal(fresh.length, 1, "one new lease under auth/token/create/");
      return { token, lease: `auth/token/create/${fresh[0]}` };
    };
    await st.run("renew", async () => {
      // node-vault's renew is sys/leases/renew, for secrets' leases; the dev server's only leases are
      // tokens', which Vault renews through auth/token/renew only (leases.mdx): 400 with Vault's message.
      const { token: t, lease: id } = await tokenWithLease();
      assertVaultError(await rejection(v.renew({ lease_id: id, increment: 1200 })), 400, /tokens cannot be renewed through this endpoint/);
      assertVaultError(await rejection(v.renew({ lease_id: "database/creds/ro/none" })), 400, /lease not found/);
      await v.tokenRevoke({ token: t });
    });
    await st.run("revoke", async () => {
      const { token: t, lease: id } = await tokenWithLease();
      await v.revoke({ lease_id: id });
      assertVaultError(await rejection(client(t).tokenLookupSelf()), 403, /permission denied/);
    });
    await st.run("revokePrefix", async () => {
      await v.enableAuth({ mount_point: "nv-lp", type: "userpass" });
      await v.write("auth/nv-lp/users/erin", { password: "pw-erin", token_ttl: "10m" });
      const login = await client().userpassLogin({ mount_point: "nv-lp", username: "erin", password: "pw-erin" });
      await v.revokePrefix({ path_prefix: "auth/nv-lp/login" });
      assertVaultError(await rejection(client(login.auth.client_token).tokenLookupSelf()), 403, /permission denied/);
      await v.disableAuth({ mount_point: "nv-lp" });
    });
    await st.run("unwrap", async () => {
      await v.write("secret/data/nv/wrapped", { data: { k: "wrapped-value" } });
      const w = await v.read("secret/data/nv/wrapped", { headers: { "X-Vault-Wrap-TTL": "60s" } });
      assert.equal(w.data, null);
      assert.equal(w.wrap_info.ttl, 60);
      const r = await v.unwrap({ token: w.wrap_info.token });
      assert.deepEqual(r.data.data, { k: "wrapped-value" });
      assertVaultError(await rejection(v.unwrap({ token: w.wrap_info.token })), 400, /wrapping token is not valid or does not exist/);
    });
    st.done();
  });

  test("AppRole: roles, role ID, secret IDs and their accessors, login", async () => {
    const v = root();
    const st = new Steps();
    await v.enableAuth({ mount_point: "nv-ar", type: "approle" });
    const m = { mount_point: "nv-ar" };
    let secret: any;
    await st.run("addApproleRole", async () => {
      await v.addApproleRole({ ...m, role_name: "web", policies: "default,web", secret_id_ttl: 600, secret_id_num_uses: 5, token_ttl: 1200, token_max_ttl: 3600, token_num_uses: 0, bind_secret_id: true });
    });
    await st.run("getApproleRole", async () => {
      const r = await v.getApproleRole({ ...m, role_name: "web" });
      assert.deepEqual(r.data.token_policies, ["default", "web"]);
      assert.equal(r.data.secret_id_ttl, 600);
      assert.equal(r.data.secret_id_num_uses, 5);
      assert.equal(r.data.token_ttl, 1200);
      assert.equal(r.data.bind_secret_id, true);
    });
    await st.run("approleRoles", async () => {
      assert.deepEqual((await v.approleRoles(m)).data.keys, ["web"]);
    });
    await st.run("getApproleRoleId", async () => {
      const r = await v.getApproleRoleId({ ...m, role_name: "web" });
      assert.match(r.data.role_id, /^[0-9a-f-]{36}$/);
    });
    await st.run("updateApproleRoleId", async () => {
      await v.updateApproleRoleId({ ...m, role_name: "web", role_id: "web-role-id" });
      assert.equal((await v.getApproleRoleId({ ...m, role_name: "web" })).data.role_id, "web-role-id");
    });
    await st.run("getApproleRoleSecret", async () => {
      const r = await v.getApproleRoleSecret({ ...m, role_name: "web", metadata: JSON.stringify({ team: "blue" }) });
      secret = r.data;
      assert.match(secret.secret_id, /^[0-9a-f-]{36}$/);
      assert.match(secret.secret_id_accessor, /^[0-9a-f-]{36}$/);
      assert.equal(secret.secret_id_ttl, 600);
      assert.equal(secret.secret_id_num_uses, 5);
    });
    await st.run("approleSecretAccessors", async () => {
      assert.deepEqual((await v.approleSecretAccessors({ ...m, role_name: "web" })).data.keys, [secret.secret_id_accessor]);
    });
    await st.run("approleSecretLookup", async () => {
      const r = await v.approleSecretLookup({ ...m, role_name: "web", secret_id: secret.secret_id });
      assert.equal(r.data.secret_id_accessor, secret.secret_id_accessor);
      assert.deepEqual(r.data.metadata, { team: "blue" });
      assert.equal(r.data.secret_id_num_uses, 5);
    });
    await st.run("approleSecretAccessorLookup", async () => {
      const r = await v.approleSecretAccessorLookup({ ...m, role_name: "web", secret_id_accessor: secret.secret_id_accessor });
      assert.equal(r.data.secret_id_accessor, secret.secret_id_accessor);
      assert.deepEqual(r.data.metadata, { team: "blue" });
    });
    await st.run("approleLogin", async () => {
      const app = client();
      const r = await app.approleLogin({ ...m, role_id: "web-role-id", secret_id: secret.secret_id });
      assert.deepEqual(r.auth.token_policies, ["default", "web"]);
      assert.deepEqual(r.auth.metadata, { role_name: "web", team: "blue" }, "secret ID metadata is copied to the token");
      assert.equal(r.auth.lease_duration, 1200);
      assert.equal(app.token, r.auth.client_token, "node-vault keeps the login token");
      assertVaultError(await rejection(client().approleLogin({ ...m, role_id: "web-role-id", secret_id: "wrong" })), 400, /invalid role or secret ID/);
    });
    await st.run("approleSecretAccessorDestroy", async () => {
      await v.approleSecretAccessorDestroy({ ...m, role_name: "web", secret_id_accessor: secret.secret_id_accessor });
      assertVaultError(await rejection(v.list(`auth/nv-ar/role/web/secret-id`)), 404, /Status 404/);
    });
    await st.run("approleSecretDestroy", async () => {
      const again = (await v.getApproleRoleSecret({ ...m, role_name: "web" })).data;
      await v.approleSecretDestroy({ ...m, role_name: "web", secret_id: again.secret_id });
      assertVaultError(await rejection(client().approleLogin({ ...m, role_id: "web-role-id", secret_id: again.secret_id })), 400, /invalid role or secret ID/);
    });
    await st.run("deleteApproleRole", async () => {
      await v.deleteApproleRole({ ...m, role_name: "web" });
      assertVaultError(await rejection(v.getApproleRole({ ...m, role_name: "web" })), 404, /Status 404/);
    });
    await v.disableAuth(m);
    st.done();
  });

  test("Kubernetes, JWT and userpass logins", async () => {
    const v = root();
    const st = new Steps();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
    const now = Math.floor(Date.now() / 1000);
    await v.enableAuth({ mount_point: "nv-k8s", type: "kubernetes" });
    await v.write("auth/nv-k8s/config", { kubernetes_host: "https://kubernetes.default.svc", pem_keys: [pem] });
    await st.run("addKubernetesRole", async () => {
      // node-vault's schema for this command has no `properties`, so any argument makes
      // it throw a TypeError before sending (Object.keys(undefined)): a client bug.
      const e = await rejection(v.addKubernetesRole({ mount_point: "nv-k8s", role_name: "web" }));
      assert.ok(e instanceof TypeError && !e.response, "node-vault's own schema bug, not a server answer");
      await v.write("auth/nv-k8s/role/web", { bound_service_account_names: ["web"], bound_service_account_namespaces: ["prod"], token_policies: ["web"], token_ttl: 900 });
    });
    await st.run("getKubernetesRole", async () => {
      const r = await v.getKubernetesRole({ mount_point: "nv-k8s", role_name: "web" });
      assert.deepEqual(r.data.bound_service_account_names, ["web"]);
      assert.deepEqual(r.data.bound_service_account_namespaces, ["prod"]);
      assert.deepEqual(r.data.token_policies, ["web"]);
      assert.equal(r.data.token_ttl, 900);
    });
    await st.run("kubernetesLogin", async () => {
      const jwt = rs256Jwt({ iss: "kubernetes/serviceaccount", sub: "system:serviceaccount:prod:web", exp: now + 600, "kubernetes.io": { namespace: "prod", serviceaccount: { name: "web", uid: "u-1" } } }, rsa.privateKey);
      const app = client();
      const r = await app.kubernetesLogin({ mount_point: "nv-k8s", role: "web", jwt });
      assert.deepEqual(r.auth.policies, ["default", "web"]);
      assert.equal(r.auth.metadata.service_account_name, "web");
      assert.equal(r.auth.lease_duration, 900);
      assert.equal(app.token, r.auth.client_token);
      const wrongNs = rs256Jwt({ sub: "system:serviceaccount:dev:web", exp: now + 600, "kubernetes.io": { namespace: "dev", serviceaccount: { name: "web", uid: "u-2" } } }, rsa.privateKey);
      const e = await rejection(client().kubernetesLogin({ mount_point: "nv-k8s", role: "web", jwt: wrongNs }));
      assert.equal(e.response?.statusCode, 403);
    });
    await st.run("deleteKubernetesRole", async () => {
      await v.deleteKubernetesRole({ mount_point: "nv-k8s", role_name: "web" });
      assertVaultError(await rejection(v.getKubernetesRole({ mount_point: "nv-k8s", role_name: "web" })), 404, /Status 404/);
    });
    await st.run("jwtLogin", async () => {
      await v.enableAuth({ mount_point: "nv-jwt", type: "jwt" });
      await v.write("auth/nv-jwt/config", { jwt_validation_pubkeys: [pem], bound_issuer: "https://ci.example" });
      await v.write("auth/nv-jwt/role/ci", { role_type: "jwt", user_claim: "sub", bound_audiences: ["vault"], token_policies: ["ci"], token_ttl: 600 });
      const jwt = rs256Jwt({ iss: "https://ci.example", aud: "vault", sub: "pipeline-7", exp: now + 600, iat: now }, rsa.privateKey);
      const app = client();
      const r = await app.jwtLogin({ mount_point: "nv-jwt", role: "ci", jwt });
      assert.deepEqual(r.auth.policies, ["ci", "default"]);
      assert.equal(r.auth.lease_duration, 600);
      assert.equal(app.token, r.auth.client_token);
      assert.deepEqual((await app.tokenLookupSelf()).data.policies, ["ci", "default"]);
    });
    await st.run("userpassLogin", async () => {
      await v.enableAuth({ mount_point: "nv-users", type: "userpass" });
      await v.write("auth/nv-users/users/dana", { password: "pw-dana", token_policies: "ops" });
      const app = client();
      const r = await app.userpassLogin({ mount_point: "nv-users", username: "dana", password: "pw-dana" });
      assert.deepEqual(r.auth.metadata, { username: "dana" });
      assert.deepEqual(r.auth.policies, ["default", "ops"]);
      assert.equal(app.token, r.auth.client_token);
      assertVaultError(await rejection(client().userpassLogin({ mount_point: "nv-users", username: "dana", password: "nope" })), 400, /invalid username or password/);
    });
    st.done();
  });

  test("transit at transit/: create, read, list, encrypt, decrypt, rewrap, delete", async () => {
    const v = root();
    const st = new Steps();
    await v.mount({ mount_point: "transit", type: "transit" });
    let ct = "";
    await st.run("transitCreateKey", async () => {
      await v.transitCreateKey({ name: "nv-key" });
      await v.transitCreateKey({ name: "nv-rsa", type: "rsa-2048" });
    });
    await st.run("transitReadKey", async () => {
      const r = await v.transitReadKey({ name: "nv-key" });
      assert.equal(r.data.type, "aes256-gcm96");
      assert.equal(r.data.latest_version, 1);
      assert.equal((await v.transitReadKey({ name: "nv-rsa" })).data.type, "rsa-2048");
    });
    await st.run("transitListKeys", async () => {
      assert.deepEqual((await v.transitListKeys()).data.keys, ["nv-key", "nv-rsa"]);
    });
    await st.run("encryptData", async () => {
      const r = await v.encryptData({ name: "nv-key", plaintext: Buffer.from("node-vault secret").toString("base64") });
      ct = r.data.ciphertext;
      assert.match(ct, /^vault:v1:/);
      assert.equal(r.data.key_version, 1);
    });
    await st.run("decryptData", async () => {
      const r = await v.decryptData({ name: "nv-key", ciphertext: ct });
      assert.equal(Buffer.from(r.data.plaintext, "base64").toString(), "node-vault secret");
    });
    await st.run("rewrapData", async () => {
      await v.write("transit/keys/nv-key/rotate", {});
      const r = await v.rewrapData({ name: "nv-key", ciphertext: ct });
      assert.match(r.data.ciphertext, /^vault:v2:/);
      assert.equal(Buffer.from((await v.decryptData({ name: "nv-key", ciphertext: r.data.ciphertext })).data.plaintext, "base64").toString(), "node-vault secret");
    });
    await st.run("transitDeleteKey", async () => {
      assertVaultError(await rejection(v.transitDeleteKey({ name: "nv-key" })), 400, /deletion is not allowed/);
      await v.write("transit/keys/nv-key/config", { deletion_allowed: true });
      await v.transitDeleteKey({ name: "nv-key" });
      assert.deepEqual((await v.transitListKeys()).data.keys, ["nv-rsa"]);
    });
    await v.unmount({ mount_point: "transit" });
    st.done();
  });

  test("families the dev server does not implement answer in Vault's error shape", async () => {
    const v = root();
    const st = new Steps();
    // With a token, an unmounted auth method or engine is a route with no
    // handler: 404 and `no handler for route` (vault/router.go routeCommon,
    // logical.ErrUnsupportedPath → http.StatusNotFound).
    const unmounted = /no handler for route|unsupported path/;
    const logins: [string, () => Promise<unknown>][] = [
      ["gcpLogin", () => v.gcpLogin({ role: "r", jwt: "x.y.z" })],
      ["githubLogin", () => v.githubLogin({ token: "gh-token" })],
      ["awsIamLogin", () => v.awsIamLogin({ role: "r", iam_http_request_method: "POST", iam_request_url: "aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8=", iam_request_body: "", iam_request_headers: "e30=" })],
      ["ldapLogin", () => v.ldapLogin({ username: "u", password: "p" })],
      ["oktaLogin", () => v.oktaLogin({ username: "u", password: "p" })],
      ["radiusLogin", () => v.radiusLogin({ username: "u", password: "p" })],
      ["certLogin", () => v.certLogin()],
      ["generateDatabaseCredentials", () => v.generateDatabaseCredentials({ databasePath: "database", name: "readonly" })],
    ];
    for (const [name, fn] of logins) {
      await st.run(name, async () => {
        assertVaultError(await rejection(fn()), 404, unmounted);
        assert.equal(v.token, s.rootToken, "a failed login leaves the client's token alone");
      });
    }
    await st.run("ldapLogin (no token)", async () => {
      // Without a token, a path that is not a login path of a mounted method
      // is refused by the ACL check before routing: 403 permission denied.
      assertVaultError(await rejection(client().ldapLogin({ username: "u", password: "p" })), 403, /permission denied/);
    });
    st.done();
  });

  test("seal status, init, health, leader, step-down, rotate, root token generation, seal and unseal", async () => {
    const v = root();
    const st = new Steps();
    await st.run("status", async () => {
      const r = await v.status();
      assert.equal(r.sealed, false);
      assert.equal(r.t, 1);
      assert.equal(r.n, 1);
      assert.equal(r.progress, 0);
      assert.equal(r.type, "shamir");
      assert.equal(r.initialized, true);
    });
    await st.run("initialized", async () => {
      assert.deepEqual(await v.initialized(), { initialized: true });
    });
    await st.run("init", async () => {
      assertVaultError(await rejection(v.init({ secret_shares: 1, secret_threshold: 1 })), 400, /already initialized/);
    });
    await st.run("health", async () => {
      const r = await v.health();
      assert.equal(r.initialized, true);
      assert.equal(r.sealed, false);
      assert.equal(r.standby, false);
      assert.match(r.version, /^\d+\.\d+\.\d+/);
      const q = await v.health({ standbyok: true, activecode: 200, sealedcode: 503 });
      assert.equal(q.initialized, true);
    });
    await st.run("leader", async () => {
      const r = await v.leader();
      assert.equal(r.ha_enabled, false, "vault server -dev reports HA disabled");
      assert.equal(typeof r.is_self, "boolean");
      assert.equal(typeof r.leader_address, "string");
    });
    await st.run("stepDown", async () => {
      // Without HA there is nothing to step down from; Vault's Core.StepDown
      // returns at once and the handler answers 204.
      assert.equal(await v.stepDown(), "");
      assert.equal((await v.status()).sealed, false);
      assertVaultError(await rejection(client((await v.tokenCreate({ policies: ["default"] })).auth.client_token).stepDown()), 403, /permission denied/);
      v.token = s.rootToken;
    });
    await st.run("rotate", async () => {
      const before = (await v.read("sys/key-status")).data.term;
      await v.rotate();
      const after = await v.read("sys/key-status");
      assert.equal(after.data.term, before + 1);
      assert.deepEqual((await v.read("secret/data/nv/app")).data.data, { user: "app", port: "5432" }, "data still readable after rotation");
    });
    let nonce = "";
    let otp = "";
    await st.run("generateRootInit", async () => {
      const r = await v.generateRootInit();
      assert.equal(r.started, true);
      assert.equal(r.progress, 0);
      assert.equal(r.required, 1);
      assert.equal(r.complete, false);
      assert.equal(typeof r.nonce, "string");
      assert.ok(r.nonce.length > 0);
      assert.equal(r.otp.length, r.otp_length);
      nonce = r.nonce;
      otp = r.otp;
      assert.equal((await v.read("sys/generate-root/attempt")).nonce, nonce);
    });
    await st.run("generateRootUpdate", async () => {
      const r = await v.generateRootUpdate({ key: s.unsealKey, nonce });
      assert.equal(r.complete, true);
      assert.equal(r.progress, 1);
      // vault operator generate-root -decode: base64 (raw, no padding) then XOR with the OTP.
      const enc = Buffer.from(r.encoded_token, "base64");
      const token = Buffer.from(enc.map((b, i) => b ^ otp.charCodeAt(i))).toString();
      assert.match(token, /^hvs\./);
      const look = await client(token).tokenLookupSelf();
      assert.deepEqual(look.data.policies, ["root"]);
    });
    await st.run("generateRootInit (errors)", async () => {
      // No token needed (the point is a lost root token); one attempt at a time; a wrong
      // nonce is refused; a wrong key aborts the attempt; a caller's OTP must be 28 characters.
      const anon = client();
      const a = await anon.generateRootInit();
      assertVaultError(await rejection(anon.generateRootInit()), 400, /already in progress/);
      assertVaultError(await rejection(anon.generateRootUpdate({ key: s.unsealKey, nonce: "not-the-nonce" })), 400, /incorrect nonce/);
      assertVaultError(await rejection(anon.generateRootUpdate({ key: Buffer.alloc(32).toString("base64"), nonce: a.nonce })), 400, /root generation aborted/);
      assert.equal((await anon.read("sys/generate-root/attempt")).started, false);
      assertVaultError(await rejection(anon.generateRootInit({ otp: "c2hvcnQ=" })), 400, /OTP string is wrong length/);
      const own = "0123456789abcdefghijklmnopqr";
      const b = await anon.generateRootInit({ otp: own });
      assert.equal(b.otp, "", "an OTP the caller chose is not echoed");
      const done = await anon.generateRootUpdate({ key: Buffer.from(s.unsealKey, "base64").toString("hex"), nonce: b.nonce });
      const token = Buffer.from(Buffer.from(done.encoded_token, "base64").map((x, i) => x ^ own.charCodeAt(i))).toString();
      assert.equal((await client(token).tokenLookupSelf()).data.path, "auth/token/root");
    });
    await st.run("generateRootCancel", async () => {
      await v.generateRootInit();
      await v.generateRootCancel();
      const r = await v.read("sys/generate-root/attempt");
      assert.equal(r.started, false);
    });
    await st.run("seal", async () => {
      await v.seal();
      assert.equal((await v.status()).sealed, true);
      assertVaultError(await rejection(v.read("secret/data/nv/app")), 503, /Vault is sealed/);
      assert.equal((await v.health()).sealed, true, "node-vault returns the sys/health body whatever the status");
    });
    await st.run("unseal", async () => {
      const r = await v.unseal({ key: s.unsealKey });
      assert.equal(r.sealed, false);
      assert.equal(r.progress, 0);
      assert.deepEqual((await v.read("secret/data/nv/app")).data.data, { user: "app", port: "5432" });
    });
    st.done();
  });

  test("token renewal helper: startTokenRenewal renews the token before it expires", async () => {
    const v = root();
    const short = (await v.tokenCreate({ policies: ["default"], ttl: "2s", explicit_max_ttl: "1h" })).auth.client_token;
    const c = client(short);
    covered.add("startTokenRenewal");
    const renewed = new Promise<any>((resolve, reject) => {
      c.once("token:renewed", resolve);
      c.once("token:error:renew", reject);
    });
    await c.startTokenRenewal({ increment: 600 });
    try {
      const r = await Promise.race([renewed, new Promise((_, rej) => setTimeout(() => rej(new Error("no renewal within 8 s")), 8000))]);
      assert.equal(r.auth.lease_duration, 600);
    } finally {
      c.stopAllRenewals();
    }
  });

  test("every node-vault method is exercised above", () => {
    const v = root();
    const all = [...Object.keys(v.commands), "read", "write", "update", "list", "delete", "help", "request", "startTokenRenewal"];
    const missing = all.filter((m) => !covered.has(m));
    assert.deepEqual(missing, [], "node-vault methods this file does not call");
  });
});

// hvac: scripts/hvac/surface.py calls every public method of hvac's KV v1/v2,
// transit, sys, token, AppRole, userpass, Kubernetes and JWT classes (it lists
// them with inspect and reports any it did not call) and checks each answer;
// the families the dev server leaves out must raise the exception hvac maps
// Vault's status to (InvalidPath for 404, InvalidRequest for 400).
describe("hvac (python3-hvac): every method of the implemented families against the dev server", () => {
  const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
  const PYTHON = "/usr/bin/python3";
  let s: DevServer;
  before(async () => {
    s = await startDevServer({ port: 0 });
  });
  after(() => s.close());

  test("every method answers as Vault does", async () => {
    const probe = spawnSync(PYTHON, ["-c", "import hvac"], { encoding: "utf8", timeout: 10_000 });
    assert.equal(probe.status, 0, `python3-hvac is required for this test: install it with \`apt-get install python3-hvac\` (.ci/run does). ${probe.stderr ?? ""}`);
    const r = await new Promise<{ failures: string[]; uncovered: string[]; calls: number }>((resolve, reject) => {
      execFile(
        PYTHON,
        ["scripts/hvac/surface.py"],
        { cwd: repoRoot, env: { ...process.env, VAULT_ADDR: s.address, VAULT_TOKEN: s.rootToken, VAULT_UNSEAL_KEY: s.unsealKey }, encoding: "utf8", timeout: 90_000 },
        (error, out, err) => (error ? reject(new Error(`scripts/hvac/surface.py failed: ${err.slice(-2000)}`, { cause: error })) : resolve(JSON.parse(out))),
      );
    });
    assert.deepEqual(r.uncovered, [], "hvac methods surface.py does not call");
    assert.ok(r.calls > 80, `surface.py made ${r.calls} checks`);
    assert.deepEqual(r.failures, [], `hvac methods that failed:\n${r.failures.join("\n")}`);
  });
});
