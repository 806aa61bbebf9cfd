import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startDevServer, type DevServer } from "./index.js";
import { apiCaller } from "./test-support.js";

// Sealing (dev server only: a contract test must not seal a real Vault).
// openbao/docs/api/system/{seal-status,unseal,health}.mdx; README §4.5, §10.

describe("seal and unseal", () => {
  let s: DevServer;
  const call = apiCaller(() => s);
  before(async () => {
    s = await startDevServer({ port: 0 });
  });
  after(() => s.close());

  test("sealed: requests get 503 'Vault is sealed', health 503 (or sealedcode), seal-status says so; the unseal key unseals", async () => {
    assert.equal((await call("POST", "secret/data/before-seal", { data: { a: "1" } })).status, 200);
    const limited = (await call("POST", "auth/token/create", { ttl: "5m", policies: ["default"] })).body.auth.client_token as string;
    assert.equal((await call("PUT", "sys/seal", undefined, limited)).status, 403, "sealing needs sudo");
    assert.equal((await call("PUT", "sys/seal")).status, 204);
    const r = await call("GET", "secret/data/before-seal");
    assert.equal(r.status, 503);
    assert.deepEqual(r.body, { errors: ["Vault is sealed"] });
    assert.equal((await call("GET", "sys/health", undefined, null)).status, 503);
    assert.equal((await call("GET", "sys/health?sealedcode=299", undefined, null)).status, 299);
    const status = await call("GET", "sys/seal-status", undefined, null);
    assert.equal(status.body.sealed, true);
    assert.equal(status.body.cluster_id, undefined, "cluster fields only when unsealed");
    const wrong = await call("PUT", "sys/unseal", { key: Buffer.alloc(32, 1).toString("base64") }, null);
    assert.equal(wrong.status, 400);
    const ok = await call("PUT", "sys/unseal", { key: s.unsealKey }, null);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.sealed, false);
    assert.equal((await call("GET", "secret/data/before-seal")).status, 200, "data and tokens survive a seal");
  });
});
