import { test } from "node:test";
import assert from "node:assert/strict";
import { VaultClient } from "./client.js";
import { VaultSecretNotFoundError, VaultValidationError, VaultVersionError } from "./errors.js";
import { closedAfterTests, errorAnswer, kvRead, mountAnswer, startStub, type Handler, type Stub } from "./test-support.js";

const { stubs, clients } = closedAfterTests();

async function setup(handler: Handler, options: ConstructorParameters<typeof VaultClient>[0] = {}): Promise<{ stub: Stub; client: VaultClient }> {
  const stub = await startStub(handler);
  stubs.push(stub);
  const client = new VaultClient({ address: stub.address, timeout: 5000, token: "tok", retryDelay: 1, cacheTtl: 0, env: {}, ...options });
  clients.push(client);
  return { stub, client };
}

const mounts: Record<string, ReturnType<typeof mountAnswer>> = {
  team: mountAnswer("team/kv/", "2"),
  old: mountAnswer("old/", "1"),
  secret: mountAnswer("secret/", "2"),
  generic: mountAnswer("generic/", null, "generic"),
  aws: mountAnswer("aws/", null, "aws"),
};

function discovery(r: { path: string }) {
  if (!r.path.startsWith("/v1/sys/internal/ui/mounts/")) return undefined;
  const first = r.path.slice("/v1/sys/internal/ui/mounts/".length).split("/")[0]!;
  return mounts[first] ?? errorAnswer(403, "permission denied");
}

test("discovery finds a nested KV v2 mount once, then resolves every path under it locally", async () => {
  const { stub, client } = await setup((r) => discovery(r) ?? kvRead({ user: "u" }, 4));
  const s = await client.getSecret("team/kv/app/db");
  assert.equal(stub.requests[0]!.path, "/v1/sys/internal/ui/mounts/team/kv/app/db");
  assert.equal(stub.requests[1]!.path, "/v1/team/kv/data/app/db");
  assert.deepEqual([s.mount, s.path, s.fullPath, s.kvVersion, s.version, s.stale], ["team/kv", "app/db", "team/kv/app/db", 2, 4, false]);
  await client.getSecret("team/kv/other");
  assert.equal(stub.count("sys/internal/ui/mounts"), 1);
  assert.equal(stub.requests.at(-1)!.path, "/v1/team/kv/data/other");
});

test("concurrent first reads under one mount share one discovery", async () => {
  const { stub, client } = await setup((r) => discovery(r) ?? kvRead({ a: "1" }));
  await Promise.all(Array.from({ length: 8 }, (_, i) => client.getSecret(`secret/app/p${i}`)));
  assert.equal(stub.count("sys/internal/ui/mounts"), 1);
  assert.equal(stub.count("secret/data/app/"), 8);
});

test("a KV v1 mount is read, written, listed and deleted without /data/, and refuses versions", async () => {
  const { stub, client } = await setup((r) => discovery(r) ?? (r.method === "GET" && r.query.get("list") === "true" ? { body: { data: { keys: ["a", "b/"] } } } : r.method === "GET" ? { body: { data: { k: "v" } } } : { status: 204 }));
  const s = await client.getSecret("old/app");
  assert.deepEqual([s.kvVersion, s.data.get("k"), s.metadata], [1, "v", undefined]);
  await client.writeSecret("old/app", { k: "w" });
  assert.deepEqual(await client.listSecrets("old/"), ["a", "b/"]);
  await client.deleteSecret("old/app");
  assert.deepEqual(
    stub.requests.filter((r) => !r.path.includes("sys/")).map((r) => `${r.method} ${r.path}`),
    ["GET /v1/old/app", "POST /v1/old/app", "GET /v1/old", "DELETE /v1/old/app"],
  );
  assert.deepEqual(stub.requests.find((r) => r.method === "POST")!.body, { k: "w" });
  await assert.rejects(client.getSecretVersion("old/app", 2), VaultValidationError);
  await assert.rejects(client.getMetadata("old/app"), VaultValidationError);
});

test("a generic (old KV v1) mount and other engines are read at their plain path", async () => {
  const { stub, client } = await setup((r) => discovery(r) ?? { body: { data: { access_key: "AKIA" } } });
  assert.equal((await client.getSecret("generic/app")).kvVersion, 1);
  assert.equal((await client.getSecret("aws/creds/deploy")).data.get("access_key"), "AKIA");
  assert.deepEqual(stub.requests.filter((r) => !r.path.startsWith("/v1/sys/")).map((r) => r.path), ["/v1/generic/app", "/v1/aws/creds/deploy"]);
});

test("when discovery is denied the default mount is used, with or without its name in the path", async () => {
  const { stub, client } = await setup((r) => (r.path.startsWith("/v1/sys/") ? errorAnswer(403, "permission denied") : kvRead({ a: "1" })), { defaultMount: "secret" });
  await client.getSecret("secret/app/db");
  await client.getSecret("myapp/db");
  await client.getSecret("kv/x", { mount: "kv" });
  const reads = stub.requests.filter((r) => !r.path.startsWith("/v1/sys/")).map((r) => r.path);
  assert.deepEqual(reads, ["/v1/secret/data/app/db", "/v1/secret/data/myapp/db", "/v1/kv/data/kv/x"]);
});

test("a read that fails on a guessed mount asks discovery again next time", async () => {
  let allowDiscovery = false;
  const { stub, client } = await setup((r) =>
    r.path.startsWith("/v1/sys/internal/ui/mounts/") ? (allowDiscovery ? mountAnswer("team/", "2") : errorAnswer(403, "permission denied")) : r.path.startsWith("/v1/team/") ? kvRead({ a: "1" }) : errorAnswer(404),
  );
  await assert.rejects(client.getSecret("team/app"), VaultSecretNotFoundError);
  allowDiscovery = true;
  const s = await client.getSecret("team/app");
  assert.equal(s.mount, "team");
  assert.equal(stub.count("sys/internal/ui/mounts"), 2);
});

test("an explicit mount assumed to be KV v2 is discovered again after a failed read", async () => {
  let allowDiscovery = false;
  const { stub, client } = await setup((r) =>
    r.path.startsWith("/v1/sys/internal/ui/mounts/") ? (allowDiscovery ? mountAnswer("legacy/", "1") : errorAnswer(403, "permission denied")) : r.path === "/v1/legacy/app" ? { body: { data: { a: "1" } } } : errorAnswer(404),
  );
  await assert.rejects(client.getSecret("app", { mount: "legacy" }), VaultSecretNotFoundError);
  allowDiscovery = true;
  const s = await client.getSecret("app", { mount: "legacy" });
  assert.deepEqual([s.kvVersion, s.data.get("a")], [1, "1"]);
  assert.deepEqual(stub.requests.filter((r) => !r.path.startsWith("/v1/sys/")).map((r) => r.path), ["/v1/legacy/data/app", "/v1/legacy/app"]);
});

test("a version is read with ?version=N", async () => {
  const { stub, client } = await setup((r) => discovery(r) ?? kvRead({ a: "old" }, 2));
  const s = await client.getSecretVersion("secret/app", 2);
  assert.equal(stub.requests.at(-1)!.query.get("version"), "2");
  assert.equal(s.version, 2);
});

test("a 404 tells absent, deleted and destroyed apart from its body", async () => {
  const meta = (extra: object) => ({ status: 404, body: { data: { data: null, metadata: { created_time: "t", custom_metadata: null, deletion_time: "", destroyed: false, version: 3, ...extra } } } });
  const { client } = await setup((r) => discovery(r) ?? (r.path.endsWith("/deleted") ? meta({ deletion_time: "2026-02-02T00:00:00Z" }) : r.path.endsWith("/destroyed") ? meta({ destroyed: true }) : errorAnswer(404)));
  await assert.rejects(client.getSecret("secret/absent"), (e: unknown) => e instanceof VaultSecretNotFoundError && !e.deleted && !e.destroyed && e.status === 404 && /no secret at secret\/absent/.test(e.message));
  await assert.rejects(client.getSecret("secret/deleted"), (e: unknown) => e instanceof VaultSecretNotFoundError && e.deleted && e.version === 3 && e.deletionTime === "2026-02-02T00:00:00Z" && /undelete/.test(e.hint ?? ""));
  await assert.rejects(client.getSecret("secret/destroyed"), (e: unknown) => e instanceof VaultSecretNotFoundError && e.destroyed && !e.deleted);
  await assert.rejects(client.getSecret("secret/data/app"), (e: unknown) => e instanceof VaultSecretNotFoundError && /without "data\/".*secret\/app\)/.test(e.hint ?? ""));
});

test("KV v2 writes, patch, deletes, undelete, destroy and metadata use the documented endpoints and bodies", async () => {
  const { stub, client } = await setup(
    (r) =>
      discovery(r) ??
      (r.path.startsWith("/v1/secret/metadata/") && r.method === "GET" && r.query.get("list") !== "true"
        ? { body: { data: { current_version: 3, oldest_version: 1, max_versions: 0, cas_required: false, created_time: "c", updated_time: "u", delete_version_after: "0s", custom_metadata: { owner: "ops" }, versions: { "1": { created_time: "a", deletion_time: "", destroyed: true }, "3": { created_time: "b", deletion_time: "", destroyed: false } } } } }
        : r.method === "GET"
          ? errorAnswer(404)
          : r.method === "POST" || r.method === "PATCH"
            ? r.path.includes("/data/")
              ? { body: { data: { version: 4, created_time: "n", deletion_time: "", destroyed: false, custom_metadata: null } } }
              : { status: 204 }
            : { status: 204 }),
  );
  const v = await client.writeSecret("secret/app", { a: "1" }, { cas: 3 });
  assert.equal(v?.version, 4);
  await client.patchSecret("secret/app", { b: "2" });
  await client.deleteSecret("secret/app");
  await client.deleteSecret("secret/app", { versions: [1, 2] });
  await client.undelete("secret/app", [2]);
  await client.destroy("secret/app", [1]);
  await client.writeMetadata("secret/app", { maxVersions: 5, casRequired: true, customMetadata: { owner: "ops" } });
  const m = await client.getMetadata("secret/app");
  assert.deepEqual(await client.listSecrets("secret/none/"), []);
  await client.deleteMetadata("secret/app");
  const seen = stub.requests.filter((r) => !r.path.startsWith("/v1/sys/")).map((r) => `${r.method} ${r.path}${r.query.get("list") ? "?list" : ""} ${JSON.stringify(r.body ?? null)}`);
  assert.deepEqual(seen, [
    'POST /v1/secret/data/app {"data":{"a":"1"},"options":{"cas":3}}',
    'PATCH /v1/secret/data/app {"data":{"b":"2"}}',
    "DELETE /v1/secret/data/app null",
    'POST /v1/secret/delete/app {"versions":[1,2]}',
    'POST /v1/secret/undelete/app {"versions":[2]}',
    'POST /v1/secret/destroy/app {"versions":[1]}',
    'POST /v1/secret/metadata/app {"max_versions":5,"cas_required":true,"custom_metadata":{"owner":"ops"}}',
    "GET /v1/secret/metadata/app null",
    'GET /v1/secret/metadata/none?list null',
    "DELETE /v1/secret/metadata/app null",
  ]);
  assert.equal(stub.requests.find((r) => r.method === "PATCH")!.headers["content-type"], "application/merge-patch+json");
  assert.equal(m.currentVersion, 3);
  assert.equal(m.versions[1]!.destroyed, true);
  assert.deepEqual(m.customMetadata, { owner: "ops" });
});

test("a patch of a missing key is a VaultSecretNotFoundError", async () => {
  const { client } = await setup((r) => discovery(r) ?? { status: 404 });
  await assert.rejects(client.patchSecret("secret/none", { a: 1 }), VaultSecretNotFoundError);
});

test("values are written as their real content even when wrapped", async () => {
  const { stub, client } = await setup((r) => discovery(r) ?? (r.method === "GET" ? kvRead({ a: "CANARY_wrapped_1" }) : { body: { data: { version: 2 } } }));
  const s = await client.getSecret("secret/src");
  await client.writeSecret("secret/dst", s.data);
  await client.writeSecret("secret/dst2", { b: s.data.secret("a") });
  const posts = stub.requests.filter((r) => r.method === "POST");
  assert.deepEqual(posts.map((r) => r.body.data), [{ a: "CANARY_wrapped_1" }, { b: "CANARY_wrapped_1" }]);
});

test("a patch the token may not PATCH falls back to read + write with cas, merging as RFC 7396", async () => {
  const { stub, client } = await setup((r) => {
    if (r.path.endsWith("lookup-self")) return { body: { data: { ttl: 0 } } };
    return discovery(r) ?? (r.method === "PATCH" ? errorAnswer(403, "permission denied") : r.method === "GET" ? kvRead({ keep: "1", drop: "2", nested: { a: 1, b: 2 } }, 7) : { body: { data: { version: 8 } } });
  });
  const v = await client.patchSecret("secret/app", { drop: null, add: "3", nested: { b: null, c: 3 } });
  assert.equal(v?.version, 8);
  const post = stub.requests.find((r) => r.method === "POST")!;
  assert.deepEqual(post.body, { data: { keep: "1", nested: { a: 1, c: 3 }, add: "3" }, options: { cas: 7 } });
  await assert.rejects(client.patchSecret("secret/app", { a: "1" }, { cas: 6 }), VaultVersionError);
});

test("leases of dynamic credentials are renewed and revoked through sys/leases", async () => {
  const { stub, client } = await setup((r) => discovery(r) ?? (r.path.endsWith("/renew") ? { body: { lease_id: "database/creds/ro/x", lease_duration: 600, renewable: true } } : { status: 204 }));
  assert.deepEqual(await client.renewLease("database/creds/ro/x", 600), { leaseId: "database/creds/ro/x", leaseDuration: 600, renewable: true });
  await client.revokeLease("database/creds/ro/x");
  assert.deepEqual(stub.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`), [
    'PUT /v1/sys/leases/renew {"lease_id":"database/creds/ro/x","increment":600}',
    'PUT /v1/sys/leases/revoke {"lease_id":"database/creds/ro/x"}',
  ]);
});
