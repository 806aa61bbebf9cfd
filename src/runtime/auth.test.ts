import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { VaultClient } from "./client.js";
import { VaultAuthenticationError, VaultInvalidTokenError, VaultPermissionError } from "./errors.js";
import { authAnswer, errorAnswer, kvRead, mountAnswer, startStub, stubClientSetup } from "./test-support.js";

const { stubs, clients, setup } = stubClientSetup({ retries: 0, cacheTtl: 0 }, true);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const approle = { method: "approle" as const, roleId: "role-1", secretId: "CANARY_secret_id_77aa" };

test("AppRole logs in on first use, once for many concurrent requests, and sends the token it got", async () => {
  let logins = 0;
  const { stub, client } = await setup(async (r) => {
    if (r.path === "/v1/auth/approle/login") {
      logins++;
      await sleep(20);
      return authAnswer("tok-A", 3600);
    }
    return kvRead({ a: "1" });
  }, { auth: approle, renew: false });
  await Promise.all(Array.from({ length: 10 }, (_, i) => client.getSecret(`secret/p${i}`)));
  assert.equal(logins, 1);
  const login = stub.requests.find((r) => r.path === "/v1/auth/approle/login")!;
  assert.deepEqual(login.body, { role_id: "role-1", secret_id: "CANARY_secret_id_77aa" });
  assert.equal(login.headers["x-vault-token"], undefined);
  assert.ok(stub.requests.filter((r) => r.path.startsWith("/v1/secret/")).every((r) => r.headers["x-vault-token"] === "tok-A"));
});

test("a failed login is a VaultAuthenticationError that does not show the secret ID", async () => {
  const { client } = await setup(() => errorAnswer(400, "invalid role or secret ID"), { auth: approle });
  const err = await client.getSecret("secret/x").catch((e: unknown) => e);
  assert.ok(err instanceof VaultAuthenticationError);
  assert.match(err.message, /approle login failed.*invalid role or secret ID/);
  assert.ok(!inspect(err, { depth: 10 }).includes("CANARY_secret_id"));
  assert.ok(!JSON.stringify(err).includes("CANARY_secret_id"));
});

test("a 403 whose token is gone triggers one re-login and a single retry", async () => {
  let current = "tok-1";
  let n = 0;
  const { stub, client } = await setup((r) => {
    if (r.path === "/v1/auth/approle/login") return authAnswer((current = `tok-${++n}`), 3600);
    const t = r.headers["x-vault-token"];
    if (t !== current) return errorAnswer(403, "permission denied");
    return r.path.endsWith("lookup-self") ? { body: { data: { ttl: 3600 } } } : kvRead({ a: "1" });
  }, { auth: approle, renew: false });
  await client.getSecret("secret/a");
  current = "revoked-elsewhere";
  const s = await client.getSecret("secret/a");
  assert.equal(s.data.get("a"), "1");
  assert.equal(stub.count("auth/approle/login"), 2);
  assert.equal(stub.count("auth/token/lookup-self"), 1);
});

test("a 403 with a live token stays a VaultPermissionError (no login)", async () => {
  const { stub, client } = await setup((r) => (r.path === "/v1/auth/approle/login" ? authAnswer("tok", 3600) : r.path.endsWith("lookup-self") ? { body: { data: { ttl: 3000 } } } : errorAnswer(403, "permission denied")), {
    auth: approle,
    renew: false,
  });
  await assert.rejects(client.getSecret("secret/forbidden"), VaultPermissionError);
  assert.equal(stub.count("auth/approle/login"), 1);
});

test("a bare token that Vault no longer knows is a VaultInvalidTokenError", async () => {
  const { client } = await setup(() => errorAnswer(403, "permission denied"), { token: "hvs.CANARY_dead_token_00" });
  const err = await client.getSecret("secret/x").catch((e: unknown) => e);
  assert.ok(err instanceof VaultInvalidTokenError);
  assert.ok(err instanceof VaultAuthenticationError);
  assert.ok(!inspect(err, { depth: 10, showHidden: true }).includes("CANARY_dead_token"));
});

test("no token and no login method fails before any request", async () => {
  const { stub, client } = await setup(() => kvRead({}));
  await assert.rejects(client.getSecret("secret/x", { mount: "secret" }), VaultAuthenticationError);
  assert.equal(stub.requests.length, 0);
});

test("a renewable token is renewed at about 2/3 of its TTL, asking for the login TTL", async () => {
  const { stub, client, events } = await setup((r) =>
    r.path === "/v1/auth/approle/login" ? authAnswer("tok", 3) : r.path === "/v1/auth/token/renew-self" ? authAnswer("tok", 3) : kvRead({}),
  { auth: approle });
  const t0 = Date.now();
  await client.login();
  while (stub.count("auth/token/renew-self") === 0 && Date.now() - t0 < 4000) await sleep(5);
  const elapsed = Date.now() - t0;
  // The answer is handled a moment after the stub saw the request.
  while (!events.some((e) => e.type === "token-renewed") && Date.now() - t0 < 5000) await sleep(5);
  // 2/3 of 3 s minus up to 10 % jitter: 1800–2000 ms; a timer never fires early,
  // and the renewal must come before the token expires at 3000 ms.
  assert.ok(elapsed >= 1790 && elapsed < 3000, `renewed after ${elapsed} ms`);
  assert.deepEqual(stub.requests.find((r) => r.path === "/v1/auth/token/renew-self")!.body, { increment: "3s" });
  assert.ok(events.some((e) => e.type === "token-renewed"));
  client.close();
});

test("when renewal cannot extend the token any more, the client logs in again", async () => {
  let logins = 0;
  const { stub, events } = await setup((r) => {
    if (r.path === "/v1/auth/approle/login") return authAnswer(`tok-${++logins}`, 1);
    if (r.path === "/v1/auth/token/renew-self") return authAnswer("tok", 0.3); // capped by max TTL
    return kvRead({});
  }, { auth: approle }).then(async (x) => {
    await x.client.login();
    return x;
  });
  const t0 = Date.now();
  while (events.filter((e) => e.type === "login").length < 2 && Date.now() - t0 < 3000) await sleep(10);
  assert.equal(logins, 2);
  assert.equal(stub.count("auth/token/renew-self"), 1);
  assert.deepEqual(events.filter((e) => e.type === "login").length, 2);
});

test("a token that is not renewable is replaced by a new login before it expires", async () => {
  let logins = 0;
  const { client } = await setup((r) => (r.path === "/v1/auth/approle/login" ? authAnswer(`tok-${++logins}`, 1, false) : kvRead({})), { auth: approle });
  await client.login();
  const t0 = Date.now();
  while (logins < 2 && Date.now() - t0 < 2000) await sleep(10);
  assert.equal(logins, 2);
  client.close();
});

test("close() stops renewal", async () => {
  const { stub, client } = await setup((r) => (r.path === "/v1/auth/approle/login" ? authAnswer("tok", 1) : authAnswer("tok", 1)), { auth: approle });
  await client.login();
  client.close();
  await sleep(800);
  assert.equal(stub.count("auth/token/renew-self"), 0);
});

test("a static token with renew: true learns its TTL from lookup-self and renews", async () => {
  const { stub, client } = await setup((r) =>
    r.path === "/v1/auth/token/lookup-self" ? { body: { data: { ttl: 1, creation_ttl: 1, renewable: true } } } : r.path === "/v1/auth/token/renew-self" ? authAnswer("t", 1) : kvRead({}),
  { token: "static", renew: true });
  await client.getSecret("secret/x");
  const t0 = Date.now();
  while (stub.count("auth/token/renew-self") === 0 && Date.now() - t0 < 2000) await sleep(10);
  assert.equal(stub.count("auth/token/renew-self"), 1);
  client.close();
});

test("Kubernetes login reads the service-account token file at login time; JWT login sends role and jwt", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vs-k8s-"));
  const file = join(dir, "token");
  writeFileSync(file, "eyJ.k8s.jwt\n");
  const { stub, client } = await setup((r) => (r.path.endsWith("/login") ? authAnswer("tok", 3600) : kvRead({})), {
    auth: { method: "kubernetes", role: "web", jwtPath: file, mount: "k8s-prod" },
    renew: false,
  });
  await client.login();
  const k = stub.requests.find((r) => r.path === "/v1/auth/k8s-prod/login")!;
  assert.deepEqual(k.body, { role: "web", jwt: "eyJ.k8s.jwt" });

  const { stub: s2, client: c2 } = await setup((r) => (r.path.endsWith("/login") ? authAnswer("tok", 3600) : kvRead({})), {
    auth: { method: "jwt", role: "ci", jwt: () => "eyJ.ci.jwt" },
    renew: false,
  });
  await c2.login();
  assert.deepEqual(s2.requests.find((r) => r.path === "/v1/auth/jwt/login")!.body, { role: "ci", jwt: "eyJ.ci.jwt" });

  const { client: c3 } = await setup(() => authAnswer("tok", 1), { auth: { method: "kubernetes", role: "web", jwtPath: join(dir, "missing") } });
  await assert.rejects(c3.login(), (e: unknown) => e instanceof VaultAuthenticationError && /service-account token file/.test(e.message));
});

test("AppRole from VAULT_ROLE_ID / VAULT_SECRET_ID", async () => {
  const stub = await startStub((r) => (r.path.endsWith("/login") ? authAnswer("tok", 3600) : kvRead({})));
  stubs.push(stub);
  const client = new VaultClient({ env: { VAULT_ADDR: stub.address, VAULT_ROLE_ID: "r", VAULT_SECRET_ID: "s" }, renew: false });
  clients.push(client);
  await client.login();
  assert.deepEqual(stub.requests[0]!.body, { role_id: "r", secret_id: "s" });
});

test("lookupSelf never returns the token; revokeSelf forgets it", async () => {
  const { stub, client } = await setup((r) =>
    r.path.endsWith("lookup-self") ? { body: { data: { id: "hvs.CANARY_id_in_lookup", accessor: "acc", policies: ["default"], ttl: 100, renewable: true } } } : { status: 204 },
  { token: "hvs.CANARY_id_in_lookup" });
  const info = await client.lookupSelf();
  assert.equal(info.ttl, 100);
  assert.ok(!JSON.stringify(info).includes("CANARY"));
  await client.revokeSelf();
  assert.equal(stub.count("auth/token/revoke-self", "POST"), 1);
  await assert.rejects(client.lookupSelf(), VaultAuthenticationError);
});

test("a wrapped AppRole secret ID is unwrapped once and reused for later logins", async () => {
  const { stub, client } = await setup((r) =>
    r.path === "/v1/sys/wrapping/unwrap" ? (r.headers["x-vault-token"] === "wrap-tok" ? { body: { data: { secret_id: "sid-unwrapped", secret_id_accessor: "a" } } } : errorAnswer(400, "wrapping token is not valid or does not exist")) : authAnswer("tok", 3600),
  { auth: { method: "approle", roleId: "r", wrappedSecretId: "wrap-tok" }, renew: false });
  await client.login();
  await client.login();
  assert.equal(stub.count("sys/wrapping/unwrap"), 1);
  assert.deepEqual(stub.requests.filter((r) => r.path === "/v1/auth/approle/login").map((r) => r.body), [
    { role_id: "r", secret_id: "sid-unwrapped" },
    { role_id: "r", secret_id: "sid-unwrapped" },
  ]);
});

test("without VAULT_TOKEN the token left by `vault login` in ~/.vault-token is used", async () => {
  const home = mkdtempSync(join(tmpdir(), "vs-home-"));
  writeFileSync(join(home, ".vault-token"), "hvs.from-helper\n");
  const stub = await startStub(() => ({ body: { data: { ttl: 0 } } }));
  stubs.push(stub);
  const client = new VaultClient({ env: { VAULT_ADDR: stub.address, HOME: home } });
  clients.push(client);
  await client.lookupSelf();
  assert.equal(stub.requests[0]!.headers["x-vault-token"], "hvs.from-helper");
});

test("an app that never calls close() still exits: renewal timers and idle sockets do not hold the process", async () => {
  const { spawn } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const stub = await startStub((r) => (r.path.endsWith("/login") ? authAnswer("tok", 3600) : r.path.startsWith("/v1/sys/internal/ui/mounts/") ? mountAnswer("secret/", "2") : kvRead({ a: "1" })));
  stubs.push(stub);
  const entry = fileURLToPath(new URL("./index.js", import.meta.url));
  const script = `const m = await import(${JSON.stringify(entry)}); const c = m.createVaultClient({ address: ${JSON.stringify(stub.address)}, auth: { method: "approle", roleId: "r", secretId: "s" }, env: {} }); const s = await c.getSecret("secret/app"); console.log(s.data.get("a"));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 10_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  assert.equal(code, 0, "the process did not exit by itself within 10 s");
  assert.equal(out.trim(), "1");
});

test("a renewal that fails (token revoked) makes the client log in again", async () => {
  let logins = 0;
  const { events, client } = await setup((r) => {
    if (r.path === "/v1/auth/approle/login") return authAnswer(`tok-${++logins}`, 1);
    if (r.path === "/v1/auth/token/renew-self") return errorAnswer(403, "permission denied");
    return kvRead({});
  }, { auth: approle });
  await client.login();
  const t0 = Date.now();
  while (events.filter((e) => e.type === "login").length < 2 && Date.now() - t0 < 3000) await sleep(10);
  assert.equal(logins, 2);
  assert.ok(events.some((e) => e.type === "token-renew-failed"));
  client.close();
});
