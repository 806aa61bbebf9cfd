// The runtime client against the project's Vault-compatible dev server: the
// same calls an application and vaultshift's writer make, end to end.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDevServer, type DevServer } from "../devserver/index.js";
import { VaultClient } from "./client.js";
import { VaultInvalidTokenError, VaultPermissionError, VaultSecretNotFoundError, VaultVersionError } from "./errors.js";
import { loadSecrets } from "./load-secrets.js";

let server: DevServer;
let root: VaultClient;
const clients: VaultClient[] = [];

function client(options: ConstructorParameters<typeof VaultClient>[0] = {}): VaultClient {
  const c = new VaultClient({ address: server.address, timeout: 5000, env: {}, cacheTtl: 0, retries: 0, ...options });
  clients.push(c);
  return c;
}

before(async () => {
  server = await startDevServer({ port: 0 });
  root = client({ token: server.rootToken });
});

after(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

test("health, and token lookup without the token in the answer", async () => {
  const h = await root.getHealth();
  assert.deepEqual([h.initialized, h.sealed, h.status], [true, false, 200]);
  const me = await root.lookupSelf();
  assert.ok(me.policies.includes("root"));
  assert.ok(!JSON.stringify(me).includes(server.rootToken));
});

test("KV v2 round trip through discovery: write with cas, read, versions, patch, list, metadata", async () => {
  const v1 = await root.writeSecret("secret/shop/production/database", { password: "pw-1", user: "shop" }, { cas: 0 });
  assert.equal(v1?.version, 1);
  await assert.rejects(root.writeSecret("secret/shop/production/database", { password: "x" }, { cas: 0 }), VaultVersionError);
  await root.writeSecret("secret/shop/production/database", { password: "pw-2", user: "shop" }, { cas: 1 });
  const s = await root.getSecret("secret/shop/production/database");
  assert.deepEqual([s.mount, s.path, s.version, s.data.get("password")], ["secret", "shop/production/database", 2, "pw-2"]);
  assert.equal((await root.getSecretVersion("secret/shop/production/database", 1)).data.get("password"), "pw-1");
  await root.patchSecret("secret/shop/production/database", { port: "5432" });
  const patched = await root.getSecret("secret/shop/production/database");
  assert.deepEqual([patched.version, patched.data.get("password"), patched.data.get("port")], [3, "pw-2", "5432"]);
  assert.deepEqual((await root.listSecrets("secret/shop/")).sort(), ["production/"]);
  assert.deepEqual(await root.listSecrets("secret/nothing-here/"), []);
  await root.writeMetadata("secret/shop/production/database", { customMetadata: { owner: "payments" }, maxVersions: 5 });
  const m = await root.getMetadata("secret/shop/production/database");
  assert.deepEqual([m.currentVersion, m.maxVersions, m.customMetadata?.owner], [3, 5, "payments"]);
});

test("deleted, destroyed and absent secrets are told apart", async () => {
  await root.writeSecret("secret/lifecycle", { a: "1" });
  await root.writeSecret("secret/lifecycle", { a: "2" });
  await root.deleteSecret("secret/lifecycle");
  await assert.rejects(root.getSecret("secret/lifecycle"), (e: unknown) => e instanceof VaultSecretNotFoundError && e.deleted && e.version === 2);
  await root.undelete("secret/lifecycle", [2]);
  assert.equal((await root.getSecret("secret/lifecycle")).data.get("a"), "2");
  await root.destroy("secret/lifecycle", [1]);
  await assert.rejects(root.getSecretVersion("secret/lifecycle", 1), (e: unknown) => e instanceof VaultSecretNotFoundError && e.destroyed);
  await assert.rejects(root.getSecret("secret/never-written"), (e: unknown) => e instanceof VaultSecretNotFoundError && !e.deleted && !e.destroyed);
  await root.deleteMetadata("secret/lifecycle");
  await assert.rejects(root.getMetadata("secret/lifecycle"), VaultSecretNotFoundError);
});

test("a KV v1 mount is discovered and used without /data/", async () => {
  await root.request("POST", "sys/mounts/legacy", { body: { type: "kv", options: { version: "1" } } });
  await root.writeSecret("legacy/app/config", { token: "v1-value" });
  const s = await root.getSecret("legacy/app/config");
  assert.deepEqual([s.kvVersion, s.mount, s.data.get("token")], [1, "legacy", "v1-value"]);
  assert.deepEqual(await root.listSecrets("legacy/app/"), ["config"]);
});

test("AppRole with a policy: allowed reads work, others are VaultPermissionError, a revoked token is replaced", async () => {
  await root.request("POST", "sys/auth/approle", { body: { type: "approle" } });
  await root.request("POST", "sys/policies/acl/shop-read", { body: { policy: 'path "secret/data/shop/*" { capabilities = ["read"] }' } });
  await root.request("POST", "auth/approle/role/shop", { body: { token_policies: ["shop-read"], token_ttl: "1h" } });
  const roleId = (await root.request("GET", "auth/approle/role/shop/role-id"))?.data.role_id as string;
  const secretId = (await root.request("POST", "auth/approle/role/shop/secret-id", { idempotent: false }))?.data.secret_id as string;
  const app = client({ auth: { method: "approle", roleId, secretId }, renew: false });
  assert.equal((await app.getSecret("secret/shop/production/database")).data.get("user"), "shop");
  await assert.rejects(app.getSecret("secret/other/thing"), VaultPermissionError);
  // Revoke the app's token behind its back: the next read logs in again and succeeds.
  const { accessor } = await app.lookupSelf();
  await root.request("POST", "auth/token/revoke-accessor", { body: { accessor } });
  assert.equal((await app.getSecret("secret/shop/production/database")).data.get("user"), "shop");
  assert.notEqual((await app.lookupSelf()).accessor, accessor);
});

test("a token created with a TTL is renewed; an unknown token is VaultInvalidTokenError", async () => {
  const created = await root.request("POST", "auth/token/create", { body: { ttl: "1h", policies: ["default"] }, idempotent: false });
  const t = client({ token: created?.auth.client_token as string });
  const r = await t.renewSelf(600);
  assert.ok(r.ttl > 0 && r.ttl <= 600, `ttl ${r.ttl}`);
  await assert.rejects(client({ token: "hvs.not-a-real-token-000000000000" }).getSecret("secret/x", { mount: "secret" }), VaultInvalidTokenError);
});

test("loadSecrets against the dev server", async () => {
  const secrets = await loadSecrets({
    app: "shop",
    env: { NODE_ENV: "production" },
    client: { address: server.address, token: server.rootToken, env: {} },
    paths: { DB_PASSWORD: { path: "secret/{app}/{environment}/database", key: "password" } },
  });
  assert.equal(secrets.DB_PASSWORD, "pw-2");
});
