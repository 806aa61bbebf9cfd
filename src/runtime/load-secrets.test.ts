import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { VaultClient } from "./client.js";
import { VaultError, VaultLoadSecretsError, VaultMissingFieldError } from "./errors.js";
import { defineSecrets, loadSecrets, resolveEnvironment } from "./load-secrets.js";
import { closedAfterTests, errorAnswer, kvRead, mountAnswer, startStub, type Stub } from "./test-support.js";

const { stubs, clients } = closedAfterTests();

const store: Record<string, Record<string, unknown>> = {
  "secret/data/shop/production/database": { password: "CANARY_db_pw_prod_1", user: "shop" },
  "secret/data/shop/development/database": { password: "dev-pw", user: "shop" },
  "secret/data/shop/production/stripe": { STRIPE_SECRET_KEY: "CANARY_sk_live_2" },
  "secret/data/db/url": { DATABASE_URL: "postgres://app:CANARY%40pw@db.internal:6543/orders" }, // vaultshift:allow
  "secret/data/db/fields": { DB_USER: "u", DB_PASSWORD: "p", DB_HOST: "h", DB_PORT: "5433", DB_NAME: "n" },
  "secret/data/apis/stripe": { api_key: "sk_x", other: "y" },
  "secret/data/apis/single": { whatever: "only" },
  "secret/data/apis/ambiguous": { a: "1", b: "2" },
};

async function setup(): Promise<{ stub: Stub; address: string }> {
  const stub = await startStub((r) => {
    if (r.path.startsWith("/v1/sys/internal/ui/mounts/")) return mountAnswer("secret/", "2");
    if (r.path === "/v1/database/creds/readonly") return { body: { lease_id: "database/creds/readonly/abc", lease_duration: 3600, renewable: true, data: { username: "v-ro-1", password: "CANARY_dyn_3" } } };
    const data = store[r.path.slice(4)];
    return data === undefined ? errorAnswer(404) : kvRead(data);
  });
  stubs.push(stub);
  return { stub, address: stub.address };
}

test("the environment comes from VAULTSHIFT_ENV, then NODE_ENV, with aliases and a custom map", () => {
  assert.equal(resolveEnvironment(undefined, {}), "development");
  assert.equal(resolveEnvironment(undefined, { NODE_ENV: "prod" }), "production");
  assert.equal(resolveEnvironment(undefined, { NODE_ENV: "production", VAULTSHIFT_ENV: "stg" }), "staging");
  assert.equal(resolveEnvironment(undefined, { NODE_ENV: "eu-prod" }, { "eu-prod": "production" }), "production");
  assert.equal(resolveEnvironment("qa", { NODE_ENV: "production" }), "qa");
});

test("loadSecrets reads each distinct path once and returns plain strings that print redacted", async () => {
  const { stub, address } = await setup();
  const secrets = await loadSecrets({
    app: "shop",
    env: { NODE_ENV: "production" },
    client: { address, token: "t", env: {} },
    paths: {
      DB_PASSWORD: { path: "secret/{app}/{environment}/database", key: "password" },
      DB_USER: { path: "secret/{app}/{environment}/database", key: "user" },
      STRIPE_SECRET_KEY: { mount: "secret", path: "{app}/{env}/stripe", key: "STRIPE_SECRET_KEY" },
      LOG_LEVEL: { path: "secret/{app}/{environment}/database", key: "log_level", default: "info" },
    },
  });
  assert.equal(secrets.DB_PASSWORD, "CANARY_db_pw_prod_1");
  assert.equal(secrets.DB_USER, "shop");
  assert.equal(secrets.STRIPE_SECRET_KEY, "CANARY_sk_live_2");
  assert.equal(secrets.LOG_LEVEL, "info");
  assert.equal(stub.count("secret/data/shop/production/database"), 1);
  assert.equal(stub.count("secret/data/shop/production/stripe"), 1);
  for (const s of [inspect(secrets), JSON.stringify(secrets), `${secrets}`]) assert.ok(!s.includes("CANARY"), s);
});

test("loadSecrets names every variable it cannot fill, with its Vault path, and never a value", async () => {
  const { address } = await setup();
  const err = await loadSecrets({
    app: "shop",
    environment: "staging",
    client: { address, token: "t", env: {} },
    paths: {
      DB_PASSWORD: { path: "secret/shop/{environment}/database", key: "password" },
      STRIPE_KEY: { path: "secret/shop/production/stripe", key: "missing_key" },
    },
  }).catch((e: unknown) => e);
  assert.ok(err instanceof VaultLoadSecretsError);
  assert.deepEqual(err.problems.map((p) => [p.variable, p.path, p.key]), [
    ["DB_PASSWORD", "secret/shop/staging/database", "password"],
    ["STRIPE_KEY", "secret/shop/production/stripe", "missing_key"],
  ]);
  assert.match(err.message, /DB_PASSWORD ← secret\/shop\/staging\/database#password/);
  assert.match(err.message, /environment "staging"/);
  assert.ok(!inspect(err, { depth: 10 }).includes("CANARY"));
});

test("defineSecrets gives synchronous access after one load", async () => {
  const { stub, address } = await setup();
  const client = new VaultClient({ address, token: "t", env: {}, cacheTtl: 0 });
  clients.push(client);
  const secrets = defineSecrets({ environment: "development", client, paths: { DB_PASSWORD: { path: "secret/shop/{environment}/database", key: "password" } } });
  assert.throws(() => secrets.get("DB_PASSWORD"), VaultError);
  assert.equal(secrets.loaded, false);
  await Promise.all([secrets.load(), secrets.load()]);
  assert.equal(secrets.get("DB_PASSWORD"), "dev-pw");
  assert.equal(secrets.loaded, true);
  assert.equal(stub.count("secret/data/shop/development/database"), 1);
});

test("database credentials come from a URL, from separate fields, or from dynamic creds with a lease", async () => {
  const { address } = await setup();
  const client = new VaultClient({ address, token: "t", env: {}, cacheTtl: 0 });
  clients.push(client);
  const a = await client.getDatabaseCredentials("secret/db/url");
  assert.deepEqual([a.username, a.user, a.password, a.host, a.port, a.database], ["app", "app", "CANARY@pw", "db.internal", 6543, "orders"]);
  assert.equal(a.connectionString, "postgres://app:CANARY%40pw@db.internal:6543/orders"); // vaultshift:allow
  const b = await client.getDatabaseCredentials("secret/db/fields");
  assert.deepEqual([b.username, b.password, b.host, b.port, b.database], ["u", "p", "h", 5433, "n"]);
  const c = await client.getDatabaseCredentials("database/creds/readonly");
  assert.deepEqual([c.username, c.password, c.leaseId, c.leaseDuration, c.renewable], ["v-ro-1", "CANARY_dyn_3", "database/creds/readonly/abc", 3600, true]);
  for (const x of [a, c]) assert.ok(!inspect(x).includes("CANARY") && !JSON.stringify(x).includes("CANARY"));
  await assert.rejects(client.getDatabaseCredentials("secret/apis/single"), VaultMissingFieldError);
});

test("getApiKey finds the key field by name, or the only field", async () => {
  const { address } = await setup();
  const client = new VaultClient({ address, token: "t", env: {}, cacheTtl: 0 });
  clients.push(client);
  assert.equal(await client.getApiKey("stripe", "secret/apis/stripe"), "sk_x");
  assert.equal(await client.getApiKey("stripe", "secret/shop/production/stripe"), "CANARY_sk_live_2");
  assert.equal(await client.getApiKey("x", "secret/apis/single"), "only");
  await assert.rejects(client.getApiKey("x", "secret/apis/ambiguous"), VaultMissingFieldError);
  assert.equal(await client.getValue("secret/apis/ambiguous", "b"), "2");
  await assert.rejects(client.getValue("secret/apis/ambiguous", "c"), (e: unknown) => e instanceof VaultMissingFieldError && e.field === "c");
});

test("defineSecrets with refresh picks up a rotated value and keeps the old one while Vault fails", async () => {
  let value = "v1";
  let failing = false;
  const stub = await startStub((r) => (r.path.startsWith("/v1/sys/internal/ui/mounts/") ? mountAnswer("secret/", "2") : failing ? errorAnswer(503, "Vault is sealed") : kvRead({ k: value })));
  stubs.push(stub);
  const client = new VaultClient({ address: stub.address, token: "t", env: {}, retries: 0, cacheTtl: 60_000 });
  clients.push(client);
  const errors: unknown[] = [];
  const secrets = defineSecrets({ client, refresh: 40, onRefreshError: (e) => errors.push(e), paths: { K: { path: "secret/rot", key: "k" } } });
  await secrets.load();
  assert.equal(secrets.get("K"), "v1");
  value = "v2";
  const t0 = Date.now();
  while (secrets.get("K") !== "v2" && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 10));
  assert.equal(secrets.get("K"), "v2", "a caching client must not hide the rotation");
  failing = true;
  while (errors.length === 0 && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 10));
  assert.ok(errors.length > 0);
  assert.equal(secrets.get("K"), "v2");
  secrets.close();
});
