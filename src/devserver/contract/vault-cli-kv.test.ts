import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, unique, unmount, type Target } from "./target.js";

// The requests the official `vault` CLI sends for its KV version commands,
// replayed as it sends them (hashicorp/vault command/kv_enable_versioning.go,
// command/kv_rollback.go, command/kv_helpers.go):
// - `vault kv enable-versioning <mount>`: POST sys/mounts/<mount>/tune with
//   {"options":{"version":"2"}}, and the CLI prints the answer's warnings;
// - `vault kv rollback -version=N <path>`: the kv preflight
//   (GET sys/internal/ui/mounts/<path>), a read of the latest version for its
//   `metadata.version`, a read of `?version=N`, then a write of that version's
//   data with `options.cas` = the latest version.
// Vault's tune handler (vault/logical_system.go handleTuneWriteCommon) parses
// the mount's and the requested version with parseutil.ParseInt ("" is 0),
// accepts only 1 and 2, refuses a downgrade, and warns on an upgrade.

const UPGRADE_WARNING = (from: number) => `Upgrading mount from version ${from} to version 2. This mount will be unavailable for a brief period and will resume service shortly.`;

describe("vault CLI: kv enable-versioning and kv rollback", () => {
  let t: Target;
  const mounts: string[] = [];
  before(async () => {
    t = await openTarget();
  });
  after(async () => {
    for (const m of mounts) await unmount(t, m);
    await t.close();
  });

  async function mount(options?: Record<string, string>): Promise<string> {
    const m = unique("cli-kv");
    const r = await call(t, "POST", `sys/mounts/${m}`, { body: { type: "kv", ...(options ? { options } : {}) } });
    assert.equal(r.status, 204, r.text);
    mounts.push(m);
    return m;
  }

  test("enable-versioning of a version-1 mount answers 200 with Vault's upgrade warning; the old data reads through data/", async () => {
    const m = await mount({ version: "1" });
    assert.equal((await call(t, "POST", `${m}/app`, { body: { user: "svc" } })).status, 204);
    const r = await call(t, "POST", `sys/mounts/${m}/tune`, { body: { options: { version: "2" } } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.warnings, [UPGRADE_WARNING(1)]);
    assert.equal(r.body.data, null);
    const read = await call(t, "GET", `${m}/data/app`);
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body.data.data, { user: "svc" });
    // Tuning to the version the mount already has changes nothing and warns of nothing.
    const again = await call(t, "POST", `sys/mounts/${m}/tune`, { body: { options: { version: "2" } } });
    assert.equal(again.status, 204, again.text);
  });

  test("a kv mount made without a version counts as version 0 in the warning", async () => {
    const m = await mount();
    const r = await call(t, "POST", `sys/mounts/${m}/tune`, { body: { options: { version: "2" } } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.warnings, [UPGRADE_WARNING(0)]);
  });

  test("a downgrade and a version other than 1 or 2 are refused with Vault's messages, the mount unchanged", async () => {
    const m = await mount({ version: "2" });
    const down = await call(t, "POST", `sys/mounts/${m}/tune`, { body: { options: { version: "1" } } });
    assert.equal(down.status, 400);
    assert.deepEqual(down.body, { errors: ["cannot downgrade mount from version 2"] });
    const three = await call(t, "POST", `sys/mounts/${m}/tune`, { body: { options: { version: "3" } } });
    assert.equal(three.status, 400);
    assert.deepEqual(three.body, { errors: ["invalid version provided: 3"] });
    const v1 = await mount({ version: "1" });
    const bad = await call(t, "POST", `sys/mounts/${v1}/tune`, { body: { options: { version: "3" } } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { errors: ["invalid version provided: 3"] });
    assert.deepEqual((await call(t, "GET", `sys/mounts/${v1}/tune`)).body.data.options, { version: "1" });
    assert.deepEqual((await call(t, "GET", `sys/mounts/${m}/tune`)).body.data.options, { version: "2" });
  });

  test("kv rollback: preflight, latest read, versioned read, cas write of the old data as a new version", async () => {
    const m = await mount({ version: "2" });
    await call(t, "POST", `${m}/data/svc`, { body: { data: { level: "one" } } });
    await call(t, "POST", `${m}/data/svc`, { body: { data: { level: "two" } } });
    const pre = await call(t, "GET", `sys/internal/ui/mounts/${m}/svc`);
    assert.equal(pre.status, 200);
    assert.equal(pre.body.data.path, `${m}/`);
    assert.deepEqual(pre.body.data.options, { version: "2" });
    const latest = await call(t, "GET", `${m}/data/svc`);
    const cas = latest.body.data.metadata.version;
    assert.equal(cas, 2);
    const old = await call(t, "GET", `${m}/data/svc?version=1`);
    assert.equal(old.body.data.metadata.deletion_time, "");
    assert.equal(old.body.data.metadata.destroyed, false);
    const w = await call(t, "PUT", `${m}/data/svc`, { body: { data: old.body.data.data, options: { cas } } });
    assert.equal(w.status, 200, w.text);
    assert.equal(w.body.data.version, 3);
    assert.deepEqual((await call(t, "GET", `${m}/data/svc`)).body.data.data, { level: "one" });
    // A second rollback with the now stale cas is refused, as the CLI's check-and-set intends.
    const stale = await call(t, "PUT", `${m}/data/svc`, { body: { data: old.body.data.data, options: { cas } } });
    assert.equal(stale.status, 400);
    assert.deepEqual(stale.body, { errors: ["check-and-set parameter did not match the current version"] });
  });
});
