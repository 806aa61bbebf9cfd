import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { inspect } from "node:util";
import { VaultClient } from "./client.js";
import {
  VaultConnectionError,
  VaultError,
  VaultPermissionError,
  VaultRateLimitError,
  VaultSealedError,
  VaultServerError,
  VaultTimeoutError,
  VaultUninitializedError,
  VaultValidationError,
  VaultVersionError,
} from "./errors.js";
import type { VaultClientEvent } from "./options.js";
import { errorAnswer, kvRead, mountAnswer, startStub, stubClientSetup } from "./test-support.js";

const { stubs, clients, setup } = stubClientSetup({ token: "tok", cacheTtl: 0 });

// Discovery says "secret/" is KV v2, so reads go straight to secret/data/….
const secretMount = (r: { path: string }) => (r.path.startsWith("/v1/sys/internal/ui/mounts/") ? mountAnswer("secret/", "2") : undefined);

test("every request carries X-Vault-Request, the token and the namespace", async () => {
  const { stub, client } = await setup((r) => secretMount(r) ?? kvRead({ a: "1" }), { namespace: "team-a/" });
  await client.getSecret("secret/app/db");
  assert.equal(stub.requests.length, 2);
  for (const r of stub.requests) {
    assert.equal(r.headers["x-vault-request"], "true");
    assert.equal(r.headers["x-vault-token"], "tok");
    assert.equal(r.headers["x-vault-namespace"], "team-a/");
  }
  assert.equal(stub.requests[1]!.path, "/v1/secret/data/app/db");
});

test("options default from VAULT_* variables", async () => {
  const stub = await startStub((r) => secretMount(r) ?? kvRead({ a: "1" }));
  stubs.push(stub);
  const client = new VaultClient({ env: { VAULT_ADDR: stub.address, VAULT_TOKEN: "from-env", VAULT_NAMESPACE: "ns1", VAULT_MAX_RETRIES: "0" }, cacheTtl: 0 });
  clients.push(client);
  await client.getSecret("secret/x");
  assert.equal(stub.requests[0]!.headers["x-vault-token"], "from-env");
  assert.equal(stub.requests[0]!.headers["x-vault-namespace"], "ns1");
  assert.equal(client.address, stub.address);
});

test("a read is retried on 500 and 412 and succeeds", async () => {
  let n = 0;
  const { stub, client, events } = await setup((r) => secretMount(r) ?? (++n === 1 ? errorAnswer(500, "boom") : n === 2 ? errorAnswer(412, "consistency") : kvRead({ a: "1" })));
  const s = await client.getSecret("secret/app");
  assert.equal(s.data.get("a"), "1");
  assert.equal(stub.count("secret/data/app"), 3);
  assert.deepEqual(events.filter((e) => e.type === "retry").map((e) => (e as { reason: string }).reason), ["status 500", "status 412"]);
});

test("501 is not retried and maps to VaultUninitializedError", async () => {
  const { stub, client } = await setup((r) => secretMount(r) ?? errorAnswer(501, "Vault is not initialized"));
  await assert.rejects(client.getSecret("secret/app"), VaultUninitializedError);
  assert.equal(stub.count("secret/data/app"), 1);
});

test("a write without cas is not retried on 500; with cas it is", async () => {
  let n = 0;
  const { stub, client } = await setup((r) => secretMount(r) ?? (r.method === "POST" && ++n <= 2 ? errorAnswer(500, "boom") : { body: { data: { version: 2, created_time: "", deletion_time: "", destroyed: false } } }));
  await assert.rejects(client.writeSecret("secret/app", { a: "1" }), VaultServerError);
  assert.equal(stub.count("secret/data/app"), 1);
  const meta = await client.writeSecret("secret/app", { a: "1" }, { cas: 1 });
  assert.equal(meta?.version, 2);
  assert.equal(stub.count("secret/data/app"), 3);
  assert.deepEqual(stub.requests.at(-1)!.body, { data: { a: "1" }, options: { cas: 1 } });
});

test("429 honours Retry-After, even for a write", async () => {
  let n = 0;
  const { client } = await setup((r) => secretMount(r) ?? (++n === 1 ? { ...errorAnswer(429, "rate limited"), headers: { "retry-after": "1" } } : { body: { data: { version: 1 } } }));
  const t0 = Date.now();
  await client.writeSecret("secret/app", { a: "1" });
  assert.ok(Date.now() - t0 >= 950, `waited only ${Date.now() - t0} ms`);
});

test("429 after every retry is a VaultRateLimitError; a Retry-After beyond maxRetryDelay is not waited for", async () => {
  const { stub, client } = await setup((r) => secretMount(r) ?? { ...errorAnswer(429, "slow down"), headers: { "retry-after": "3600" } }, { maxRetryDelay: 50 });
  await assert.rejects(client.getSecret("secret/app"), VaultRateLimitError);
  assert.equal(stub.count("secret/data/app"), 1);
});

test("status codes map to precise errors with method, path, status and Vault's messages", async () => {
  const answers: Record<string, ReturnType<typeof errorAnswer>> = {
    "bad": errorAnswer(400, "invalid thing"),
    "cas": errorAnswer(400, "check-and-set parameter did not match the current version"),
    "denied": errorAnswer(403, "1 error occurred:\n\t* permission denied\n\n"),
    "sealed": errorAnswer(503, "Vault is sealed"),
    "down": errorAnswer(502, "upstream"),
  };
  const { client } = await setup((r) => {
    if (r.path.startsWith("/v1/sys/internal/ui/mounts/")) return mountAnswer("secret/", "2");
    if (r.path === "/v1/auth/token/lookup-self") return { body: { data: { ttl: 0 } } };
    return answers[r.path.split("/").at(-1)!] ?? errorAnswer(500);
  }, { retries: 0 });
  await assert.rejects(client.getSecret("secret/bad"), (e: unknown) => e instanceof VaultValidationError && e.status === 400 && e.method === "GET" && e.path === "secret/data/bad" && e.errors[0] === "invalid thing" && e.message.includes("invalid thing"));
  await assert.rejects(client.writeSecret("secret/cas", { a: 1 }, { cas: 3 }), (e: unknown) => e instanceof VaultVersionError && e.name === "VaultVersionError" && e.status === 400);
  await assert.rejects(client.getSecret("secret/denied"), (e: unknown) => e instanceof VaultPermissionError && e.errors[0] === "permission denied" && typeof e.hint === "string");
  await assert.rejects(client.getSecret("secret/sealed"), (e: unknown) => e instanceof VaultSealedError && e.status === 503);
  await assert.rejects(client.getSecret("secret/down"), (e: unknown) => e instanceof VaultServerError && e.status === 502);
});

test("connection refused is retried, then a VaultConnectionError with the code", async () => {
  const free = createServer();
  await new Promise<void>((r) => free.listen(0, "127.0.0.1", r));
  const port = (free.address() as { port: number }).port;
  await new Promise<void>((r) => free.close(() => r()));
  const events: VaultClientEvent[] = [];
  const client = new VaultClient({ address: `http://127.0.0.1:${port}`, token: "t", retries: 2, retryDelay: 1, env: {}, onEvent: (e) => events.push(e) });
  clients.push(client);
  // A POST is not idempotent, but a refused connection means Vault never saw it.
  await assert.rejects(client.request("POST", "secret/data/x", { body: { data: { a: 1 } } }), (e: unknown) => e instanceof VaultConnectionError && e.code === "ECONNREFUSED" && /connection refused/.test(e.message) && /after 3 attempts/.test(e.message));
  assert.equal(events.filter((e) => e.type === "retry").length, 2);
});

test("no answer within timeout is a VaultTimeoutError", async () => {
  const { client } = await setup((r) => secretMount(r) ?? { hang: true }, { timeout: 100, retries: 1 });
  const t0 = Date.now();
  await assert.rejects(client.getSecret("secret/slow"), (e: unknown) => e instanceof VaultTimeoutError && e instanceof VaultConnectionError && /within 100 ms/.test(e.message));
  assert.ok(Date.now() - t0 < 2000);
});

test("a body that is not JSON is a VaultServerError that does not quote the body", async () => {
  const { client } = await setup((r) => secretMount(r) ?? { raw: "<html>CANARY_html_9f8e7d</html>" });
  await assert.rejects(client.getSecret("secret/x"), (e: unknown) => e instanceof VaultServerError && !inspect(e, { depth: 10 }).includes("CANARY_html") && e.cause === undefined);
});

test("errors never show the token or the values sent, whatever Vault echoes", async () => {
  const token = "hvs.CANARY_token_4b1d9a77c2";
  const value = "CANARY_value_e3c0ffee11";
  const { client } = await setup(
    (r) =>
      r.path.startsWith("/v1/sys/internal/ui/mounts/")
        ? mountAnswer("secret/", "2")
        : r.path === "/v1/auth/token/lookup-self"
          ? { body: { data: { ttl: 0 } } }
          : r.method === "POST"
            ? errorAnswer(400, `bad value ${value} for token ${token}`)
            : errorAnswer(403, `permission denied for token ${token}`),
    { token, retries: 0 },
  );
  const errors: unknown[] = [];
  await client.writeSecret("secret/app", { password: value }).catch((e) => errors.push(e));
  await client.getSecret("secret/app").catch((e) => errors.push(e));
  assert.equal(errors.length, 2);
  for (const e of errors) {
    assert.ok(e instanceof VaultError);
    for (const text of [inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e), String(e.stack), e.message, JSON.stringify(e.errors)]) {
      assert.ok(!text.includes(token), `token leaked: ${text}`);
      assert.ok(!text.includes(value), `value leaked: ${text}`);
      assert.ok(!text.includes("CANARY_token"), `token fragment leaked: ${text}`);
    }
  }
});

test("a path with spaces and special characters is encoded per segment", async () => {
  const { stub, client } = await setup((r) => secretMount(r) ?? kvRead({ a: "1" }));
  await client.getSecret("secret/my app/a?b#c");
  assert.equal(stub.requests.at(-1)!.path, "/v1/secret/data/my%20app/a%3Fb%23c");
});

test("the client object itself never shows its token or options", async () => {
  const token = "hvs.CANARY_client_token_31f";
  const { client } = await setup((r) => secretMount(r) ?? kvRead({ a: "1" }), { token, auth: undefined });
  await client.getSecret("secret/app");
  for (const text of [inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client), String(client)]) {
    assert.ok(!text.includes("CANARY_client_token"), text);
  }
});

test("a keep-alive socket the server closed while idle does not fail the next request", async () => {
  const { createServer: createHttpServer } = await import("node:http");
  let posts = 0;
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "POST") posts++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { version: 1 } }));
    });
  });
  server.keepAliveTimeout = 30;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  const client = new VaultClient({ address: `http://127.0.0.1:${(server.address() as { port: number }).port}`, token: "t", env: {}, retries: 0 });
  clients.push(client);
  for (let i = 0; i < 3; i++) {
    await client.request("POST", "secret/data/x", { body: { data: { a: i } } });
    await new Promise((r) => setTimeout(r, 80));
  }
  assert.equal(posts, 3);
});

test("one redirect (a standby pointing at the active node) is followed with the same request", async () => {
  const active = await startStub((r) => (r.method === "POST" ? { body: { data: { version: 5 } } } : kvRead({ a: "from-active" })));
  stubs.push(active);
  const { stub: standby, client } = await setup((r) => ({ status: 307, headers: { location: `${active.address}${r.path}${r.query.size ? `?${r.query}` : ""}` } }), { defaultMount: "secret" });
  const s = await client.getSecret("secret/app", { mount: "secret" });
  assert.equal(s.data.get("a"), "from-active");
  const v = await client.writeSecret("app", { a: "1" }, { mount: "secret", cas: 4 });
  assert.equal(v?.version, 5);
  assert.deepEqual(active.requests.at(-1)!.body, { data: { a: "1" }, options: { cas: 4 } });
  assert.equal(active.requests.at(-1)!.headers["x-vault-token"], "tok");
  assert.ok(standby.requests.length >= 2);
});

test("the node:http transport (httpClient: \"node\", VAULTSHIFT_HTTP_CLIENT=node) behaves the same", async () => {
  const stub = await startStub((r) => secretMount(r) ?? (r.method === "POST" ? { body: { data: { version: 2 } } } : r.path.endsWith("/missing") ? errorAnswer(404) : kvRead({ a: "1" })));
  stubs.push(stub);
  for (const options of [{ httpClient: "node" as const, env: {} }, { env: { VAULTSHIFT_HTTP_CLIENT: "node" } }]) {
    const client = new VaultClient({ address: stub.address, token: "tok", timeout: 5000, retries: 0, cacheTtl: 0, ...options });
    clients.push(client);
    assert.equal((await client.getSecret("secret/app")).data.get("a"), "1");
    assert.equal((await client.writeSecret("secret/app", { a: "2" }, { cas: 1 }))?.version, 2);
    await assert.rejects(client.getSecret("secret/missing"), VaultError);
  }
  assert.ok(stub.requests.every((r) => r.headers["x-vault-request"] === "true"));
});
