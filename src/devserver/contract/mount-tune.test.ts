import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import NodeVault from "node-vault";
import { startDevServer, type DevServer } from "../index.js";
import { refused, type ApiError, type Client } from "./node-vault-refusal.js";

// sys/mounts/:path/tune with lease TTLs that contradict each other
// (openbao/docs/api/system/mounts.mdx "Tune mount configuration"; Vault's
// handleTuneWriteCommon → tuneMountTTLs checks before it changes anything,
// handleMount refuses before the mount exists). Until this round a refused
// tune had already stored the new max TTL, leaving the mount with a default
// above its max, so every later tune of that mount (even an unrelated KV
// upgrade) failed too, and KV v1 reads answered a lease_duration above the max.
// Driven through node-vault: `mount` and generic `write`/`read`, as an
// operator's script does.


describe("mount tune: contradictory lease TTLs are refused without changing the mount", () => {
  let s: DevServer;
  let v: Client;
  before(async () => {
    s = await startDevServer({ port: 0 });
    v = NodeVault({ endpoint: s.address, token: s.rootToken, requestOptions: { timeout: 10_000 } }) as unknown as Client;
  });
  after(() => s.close());

  test("a refused tune leaves both TTLs; the mount can still be tuned and upgraded afterwards", async () => {
    await v.mount({ mount_point: "legacy", type: "kv", options: { version: "1" } });
    await v.write("legacy/app", { password: "unused-in-assertions" });
    await v.write("sys/mounts/legacy/tune", { default_lease_ttl: "1h" });
    assert.equal((await v.read("legacy/app")).lease_duration, 3600);

    const e = await refused(v.write("sys/mounts/legacy/tune", { default_lease_ttl: "1h", max_lease_ttl: "30m" }));
    assert.equal(e.response?.statusCode, 400);
    assert.match(e.message, /backend max lease TTL of 1800 would be less than backend default lease TTL of 3600/);
    // Only the max, below the current default: refused the same way.
    assert.match((await refused(v.write("sys/mounts/legacy/tune", { max_lease_ttl: "10m" }))).message, /max lease TTL of 600 would be less than backend default lease TTL of 3600/);

    const tune = await v.read("sys/mounts/legacy/tune");
    assert.equal(tune.data.default_lease_ttl, 3600);
    assert.equal(tune.data.max_lease_ttl, 2764800, "the refused max TTL was not stored: still the system max (32 days)");
    assert.equal((await v.read("legacy/app")).lease_duration, 3600);

    // The mount is still tunable: the KV v2 upgrade goes through.
    await v.write("sys/mounts/legacy/tune", { options: { version: "2" } });
    assert.equal((await v.read("legacy/data/app")).data.data.password, "unused-in-assertions");
  });

  test("mounting with a default above the max is refused and mounts nothing", async () => {
    const e = await refused(v.mount({ mount_point: "bad-ttls", type: "kv", config: { default_lease_ttl: "2h", max_lease_ttl: "1h" } }));
    assert.equal(e.response?.statusCode, 400);
    assert.match(e.message, /given default lease TTL greater than given max lease TTL/);
    const mounts = await v.mounts();
    assert.ok(!("bad-ttls/" in mounts.data), "no mount was created");
  });
});
