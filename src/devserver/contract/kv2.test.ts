import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, mountKv2, openTarget, unmount, type Target } from "./target.js";

// KV v2 as documented: openbao/docs/api/secret/kv/kv-v2.mdx,
// vault-1.14/api-docs/secret/kv/kv-v2.mdx and the README facts §3 and §5.

const RFC3339_NANO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

describe("KV v2 contract", () => {
  let t: Target;
  let m: string;
  before(async () => {
    t = await openTarget();
    m = await mountKv2(t);
  });
  after(async () => {
    await unmount(t, m);
    await t.close();
  });

  test("write answers 200 with the new version's metadata; read returns data and metadata in the envelope", async () => {
    const w = await call(t, "POST", `${m}/data/app/db`, { body: { data: { user: "app", port: 5432 } } });
    assert.equal(w.status, 200);
    assert.equal(w.body.data.version, 1);
    assert.equal(w.body.data.destroyed, false);
    assert.equal(w.body.data.deletion_time, "");
    assert.match(w.body.data.created_time, RFC3339_NANO);
    const r = await call(t, "GET", `${m}/data/app/db`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type") ?? "", /application\/json/);
    for (const k of ["request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info", "warnings", "auth"]) assert.ok(k in r.body, `envelope has ${k}`);
    assert.match(r.body.request_id, /^[0-9a-f-]{36}$/);
    assert.equal(r.body.lease_id, "");
    assert.equal(r.body.auth, null);
    assert.deepEqual(r.body.data.data, { user: "app", port: 5432 });
    assert.equal(r.body.data.metadata.version, 1);
    assert.equal(r.body.data.metadata.custom_metadata, null);
  });

  test("PUT is the same as POST, and versions count up; ?version= reads an older one", async () => {
    await call(t, "PUT", `${m}/data/ver`, { body: { data: { v: "one" } } });
    const w2 = await call(t, "PUT", `${m}/data/ver`, { body: { data: { v: "two" } } });
    assert.equal(w2.body.data.version, 2);
    assert.deepEqual((await call(t, "GET", `${m}/data/ver?version=1`)).body.data.data, { v: "one" });
    assert.deepEqual((await call(t, "GET", `${m}/data/ver`)).body.data.data, { v: "two" });
    assert.deepEqual((await call(t, "GET", `${m}/data/ver?version=0`)).body.data.data, { v: "two" });
  });

  test("a key or version that never existed is 404 with an empty errors list", async () => {
    const r = await call(t, "GET", `${m}/data/never/was`);
    assert.equal(r.status, 404);
    assert.deepEqual(r.body, { errors: [] });
    await call(t, "POST", `${m}/data/one-version`, { body: { data: { a: "b" } } });
    const v = await call(t, "GET", `${m}/data/one-version?version=7`);
    assert.equal(v.status, 404);
    assert.deepEqual(v.body, { errors: [] });
  });

  test("check-and-set: cas 0 only creates; a mismatch is 400 with Vault's message", async () => {
    const c = await call(t, "POST", `${m}/data/cas`, { body: { options: { cas: 0 }, data: { a: "1" } } });
    assert.equal(c.status, 200);
    const again = await call(t, "POST", `${m}/data/cas`, { body: { options: { cas: 0 }, data: { a: "2" } } });
    assert.equal(again.status, 400);
    assert.deepEqual(again.body.errors, ["check-and-set parameter did not match the current version"]);
    const ok = await call(t, "POST", `${m}/data/cas`, { body: { options: { cas: 1 }, data: { a: "2" } } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.data.version, 2);
    const bad = await call(t, "POST", `${m}/data/cas`, { body: { options: { cas: "x" }, data: { a: "3" } } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors, ["error parsing check-and-set parameter"]);
  });

  test("cas_required on the key's metadata makes cas mandatory", async () => {
    assert.equal((await call(t, "POST", `${m}/metadata/casreq`, { body: { cas_required: true } })).status, 204);
    const r = await call(t, "POST", `${m}/data/casreq`, { body: { data: { a: "1" } } });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.errors, ["check-and-set parameter required for this call"]);
    assert.equal((await call(t, "POST", `${m}/data/casreq`, { body: { options: { cas: 0 }, data: { a: "1" } } })).status, 200);
  });

  test("a write without data is 400 'no data provided'", async () => {
    const r = await call(t, "POST", `${m}/data/nodata`, { body: { options: {} } });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.errors, ["no data provided"]);
  });

  test("soft delete of the latest version: 204, then 404 with the normal envelope (data null, deletion_time set); undelete restores", async () => {
    await call(t, "POST", `${m}/data/del`, { body: { data: { a: "1" } } });
    const d = await call(t, "DELETE", `${m}/data/del`);
    assert.equal(d.status, 204);
    assert.equal(d.text, "");
    const r = await call(t, "GET", `${m}/data/del`);
    assert.equal(r.status, 404);
    assert.equal(r.body.errors, undefined);
    assert.equal(r.body.data.data, null);
    assert.match(r.body.data.metadata.deletion_time, RFC3339_NANO);
    assert.equal(r.body.data.metadata.destroyed, false);
    assert.equal((await call(t, "POST", `${m}/undelete/del`, { body: { versions: [1] } })).status, 204);
    const back = await call(t, "GET", `${m}/data/del`);
    assert.equal(back.status, 200);
    assert.deepEqual(back.body.data.data, { a: "1" });
    assert.equal(back.body.data.metadata.deletion_time, "");
  });

  test("delete given versions and destroy: destroyed versions answer 404 with destroyed: true and cannot be undeleted", async () => {
    for (const v of ["1", "2", "3"]) await call(t, "POST", `${m}/data/multi`, { body: { data: { v } } });
    assert.equal((await call(t, "POST", `${m}/delete/multi`, { body: { versions: [1, 2] } })).status, 204);
    assert.equal((await call(t, "GET", `${m}/data/multi?version=2`)).status, 404);
    assert.equal((await call(t, "GET", `${m}/data/multi?version=3`)).status, 200);
    assert.equal((await call(t, "PUT", `${m}/destroy/multi`, { body: { versions: [2] } })).status, 204);
    const r = await call(t, "GET", `${m}/data/multi?version=2`);
    assert.equal(r.status, 404);
    assert.equal(r.body.data.data, null);
    assert.equal(r.body.data.metadata.destroyed, true);
    await call(t, "POST", `${m}/undelete/multi`, { body: { versions: [1, 2] } });
    assert.equal((await call(t, "GET", `${m}/data/multi?version=1`)).status, 200);
    assert.equal((await call(t, "GET", `${m}/data/multi?version=2`)).status, 404);
    const meta = await call(t, "GET", `${m}/metadata/multi`);
    assert.equal(meta.body.data.versions["2"].destroyed, true);
    const noVersions = await call(t, "POST", `${m}/delete/multi`, { body: {} });
    assert.equal(noVersions.status, 400);
  });

  test("writing over a soft-deleted latest version needs cas equal to its version", async () => {
    await call(t, "POST", `${m}/data/softcas`, { body: { data: { a: "1" } } });
    await call(t, "DELETE", `${m}/data/softcas`);
    const wrong = await call(t, "POST", `${m}/data/softcas`, { body: { options: { cas: 0 }, data: { a: "2" } } });
    assert.equal(wrong.status, 400);
    const right = await call(t, "POST", `${m}/data/softcas`, { body: { options: { cas: 1 }, data: { a: "2" } } });
    assert.equal(right.status, 200);
    assert.equal(right.body.data.version, 2);
  });

  test("PATCH needs application/merge-patch+json (else 415) and applies a JSON merge patch as a new version", async () => {
    await call(t, "POST", `${m}/data/patchme`, { body: { data: { keep: "k", drop: "d", nested: { a: "1", b: "2" } } } });
    const wrongType = await call(t, "PATCH", `${m}/data/patchme`, { body: { data: { keep: "x" } } });
    assert.equal(wrongType.status, 415);
    const p = await call(t, "PATCH", `${m}/data/patchme`, {
      body: { data: { drop: null, added: "n", nested: { b: null, c: "3" } } },
      headers: { "Content-Type": "application/merge-patch+json" },
    });
    assert.equal(p.status, 200);
    assert.equal(p.body.data.version, 2);
    const r = await call(t, "GET", `${m}/data/patchme`);
    assert.deepEqual(r.body.data.data, { keep: "k", added: "n", nested: { a: "1", c: "3" } });
    const missing = await call(t, "PATCH", `${m}/data/no-such-key`, { body: { data: { a: "1" } }, headers: { "Content-Type": "application/merge-patch+json" } });
    assert.equal(missing.status, 404);
    const badCas = await call(t, "PATCH", `${m}/data/patchme`, { body: { options: { cas: 1 }, data: { a: "1" } }, headers: { "Content-Type": "application/merge-patch+json" } });
    assert.equal(badCas.status, 400);
    assert.deepEqual(badCas.body.errors, ["check-and-set parameter did not match the current version"]);
  });

  test("PATCH of a deleted latest version is 404", async () => {
    await call(t, "POST", `${m}/data/patchdel`, { body: { data: { a: "1" } } });
    await call(t, "DELETE", `${m}/data/patchdel`);
    const p = await call(t, "PATCH", `${m}/data/patchdel`, { body: { data: { b: "2" } }, headers: { "Content-Type": "application/merge-patch+json" } });
    assert.equal(p.status, 404);
  });

  test("LIST and GET ?list=true list one level, folders end in /, and an empty folder is 404", async () => {
    await call(t, "POST", `${m}/data/tree/a`, { body: { data: { x: "1" } } });
    await call(t, "POST", `${m}/data/tree/sub/b`, { body: { data: { x: "1" } } });
    const l = await call(t, "LIST", `${m}/metadata/tree`);
    assert.equal(l.status, 200);
    assert.deepEqual(l.body.data.keys, ["a", "sub/"]);
    const g = await call(t, "GET", `${m}/metadata/tree/?list=true`);
    assert.deepEqual(g.body.data.keys, ["a", "sub/"]);
    const empty = await call(t, "LIST", `${m}/metadata/nothing-here`);
    assert.equal(empty.status, 404);
    const badList = await call(t, "GET", `${m}/metadata/tree?list=maybe`);
    assert.equal(badList.status, 400);
  });

  test("metadata: read fields, custom_metadata on data reads, PATCH merges custom_metadata, DELETE removes every version", async () => {
    await call(t, "POST", `${m}/data/meta`, { body: { data: { a: "1" } } });
    const w = await call(t, "POST", `${m}/metadata/meta`, { body: { max_versions: 5, custom_metadata: { owner: "team-a", tier: "1" }, delete_version_after: "1h" } });
    assert.equal(w.status, 204);
    const r = await call(t, "GET", `${m}/metadata/meta`);
    assert.equal(r.status, 200);
    const d = r.body.data;
    assert.equal(d.max_versions, 5);
    assert.equal(d.current_version, 1);
    assert.equal(d.cas_required, false);
    assert.equal(d.delete_version_after, "1h0m0s");
    assert.deepEqual(d.custom_metadata, { owner: "team-a", tier: "1" });
    assert.deepEqual(Object.keys(d.versions), ["1"]);
    for (const k of ["created_time", "updated_time", "oldest_version"]) assert.ok(k in d, k);
    const read = await call(t, "GET", `${m}/data/meta`);
    assert.deepEqual(read.body.data.metadata.custom_metadata, { owner: "team-a", tier: "1" });
    const p = await call(t, "PATCH", `${m}/metadata/meta`, { body: { custom_metadata: { tier: null, env: "prod" } }, headers: { "Content-Type": "application/merge-patch+json" } });
    assert.equal(p.status, 204);
    assert.deepEqual((await call(t, "GET", `${m}/metadata/meta`)).body.data.custom_metadata, { owner: "team-a", env: "prod" });
    assert.equal((await call(t, "DELETE", `${m}/metadata/meta`)).status, 204);
    assert.equal((await call(t, "GET", `${m}/metadata/meta`)).status, 404);
    assert.equal((await call(t, "GET", `${m}/data/meta`)).status, 404);
  });

  test("writing metadata first creates the key with no version", async () => {
    assert.equal((await call(t, "POST", `${m}/metadata/only-meta`, { body: { max_versions: 3 } })).status, 204);
    const r = await call(t, "GET", `${m}/metadata/only-meta`);
    assert.equal(r.body.data.current_version, 0);
    assert.equal((await call(t, "GET", `${m}/data/only-meta`)).status, 404);
  });

  test("max_versions trims the oldest versions and moves oldest_version; the larger of engine and key limits applies", async () => {
    await call(t, "POST", `${m}/metadata/trim`, { body: { max_versions: 2 } });
    for (const v of ["1", "2", "3", "4"]) await call(t, "POST", `${m}/data/trim`, { body: { data: { v } } });
    const meta = (await call(t, "GET", `${m}/metadata/trim`)).body.data;
    assert.deepEqual(Object.keys(meta.versions).sort(), ["3", "4"]);
    assert.equal(meta.oldest_version, 3);
    assert.equal((await call(t, "GET", `${m}/data/trim?version=1`)).status, 404);
    assert.equal((await call(t, "GET", `${m}/data/trim?version=3`)).status, 200);
    // Engine max 3 vs key max 2: three versions stay.
    assert.equal((await call(t, "POST", `${m}/config`, { body: { max_versions: 3 } })).status, 204);
    await call(t, "POST", `${m}/data/trim`, { body: { data: { v: "5" } } });
    const after5 = (await call(t, "GET", `${m}/metadata/trim`)).body.data;
    assert.deepEqual(Object.keys(after5.versions).sort(), ["3", "4", "5"]);
    await call(t, "POST", `${m}/config`, { body: { max_versions: 0 } });
  });

  test("engine config reads back what was written", async () => {
    assert.equal((await call(t, "POST", `${m}/config`, { body: { cas_required: true, delete_version_after: "30m" } })).status, 204);
    const r = await call(t, "GET", `${m}/config`);
    assert.equal(r.body.data.cas_required, true);
    assert.equal(r.body.data.delete_version_after, "30m0s");
    const needsCas = await call(t, "POST", `${m}/data/engine-cas`, { body: { data: { a: "1" } } });
    assert.equal(needsCas.status, 400);
    await call(t, "POST", `${m}/config`, { body: { cas_required: false, delete_version_after: "0s" } });
  });

  test("delete_version_after sets a future deletion_time; the version stays readable until then", async () => {
    await call(t, "POST", `${m}/metadata/dva`, { body: { delete_version_after: "1h" } });
    const w = await call(t, "POST", `${m}/data/dva`, { body: { data: { a: "1" } } });
    assert.notEqual(w.body.data.deletion_time, "");
    const created = Date.parse(w.body.data.created_time);
    const deletion = Date.parse(w.body.data.deletion_time);
    assert.ok(Math.abs(deletion - created - 3_600_000) < 2000, "deletion_time is created_time + 1h");
    assert.equal((await call(t, "GET", `${m}/data/dva`)).status, 200);
  });

  test("undelete re-arms delete_version_after; delete, undelete and destroy leave the key's updated_time; an empty versions list is 400", async () => {
    await call(t, "POST", `${m}/metadata/rearm`, { body: { delete_version_after: "2h" } });
    await call(t, "POST", `${m}/data/rearm`, { body: { data: { a: "1" } } });
    await call(t, "POST", `${m}/data/rearm`, { body: { data: { a: "2" } } });
    const before = (await call(t, "GET", `${m}/metadata/rearm`)).body.data;
    assert.equal((await call(t, "POST", `${m}/delete/rearm`, { body: { versions: [1] } })).status, 204);
    assert.equal((await call(t, "DELETE", `${m}/data/rearm`)).status, 204);
    assert.equal((await call(t, "GET", `${m}/data/rearm?version=1`)).status, 404);
    const undeletedAt = Date.now();
    assert.equal((await call(t, "POST", `${m}/undelete/rearm`, { body: { versions: [1] } })).status, 204);
    const one = await call(t, "GET", `${m}/data/rearm?version=1`);
    assert.equal(one.status, 200);
    const deletion = Date.parse(one.body.data.metadata.deletion_time);
    assert.ok(Math.abs(deletion - undeletedAt - 7_200_000) < 60_000, `deletion_time is about undelete time + 2h, got ${one.body.data.metadata.deletion_time}`);
    assert.equal((await call(t, "PUT", `${m}/destroy/rearm`, { body: { versions: [2] } })).status, 204);
    const after = (await call(t, "GET", `${m}/metadata/rearm`)).body.data;
    assert.equal(after.updated_time, before.updated_time);
    assert.equal(after.versions["2"].destroyed, true);
    // Without delete_version_after an undeleted version has no deletion_time.
    await call(t, "POST", `${m}/data/plain-undelete`, { body: { data: { a: "1" } } });
    await call(t, "DELETE", `${m}/data/plain-undelete`);
    await call(t, "POST", `${m}/undelete/plain-undelete`, { body: { versions: [1] } });
    assert.equal((await call(t, "GET", `${m}/data/plain-undelete`)).body.data.metadata.deletion_time, "");
    for (const [op, message] of [["delete", "No version number provided"], ["undelete", "No version number provided"], ["destroy", "no version number provided"]]) {
      const r = await call(t, "POST", `${m}/${op}/rearm`, { body: {} });
      assert.equal(r.status, 400, op);
      assert.deepEqual(r.body.errors, [message], op);
    }
  });

  test("subkeys: leaf values are null, depth limits nesting, metadata comes along", async () => {
    await call(t, "POST", `${m}/data/sub`, { body: { data: { foo: "abc", bar: { baz: "def", deep: { x: "1" } }, quux: {} } } });
    const r = await call(t, "GET", `${m}/subkeys/sub`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data.subkeys, { foo: null, bar: { baz: null, deep: { x: null } }, quux: {} });
    assert.equal(r.body.data.metadata.version, 1);
    const d1 = await call(t, "GET", `${m}/subkeys/sub?depth=1`);
    assert.deepEqual(d1.body.data.subkeys, { foo: null, bar: null, quux: null });
  });

  test("concurrent writers with the same cas: exactly one wins", async () => {
    await call(t, "POST", `${m}/data/race`, { body: { data: { n: "0" } } });
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => call(t, "POST", `${m}/data/race`, { body: { options: { cas: 1 }, data: { n: String(i + 1) } } })));
    assert.equal(replies.filter((r) => r.status === 200).length, 1);
    assert.equal(replies.filter((r) => r.status === 400).length, 7);
    assert.equal((await call(t, "GET", `${m}/metadata/race`)).body.data.current_version, 2);
  });

  test("paths outside the KV v2 routes answer 404 with an envelope whose warning names the vault kv subcommand (the plugin's pathInvalid)", async () => {
    // Clients read this warning to retry a v1-style path under data/, and Spring Vault / hvac show it to users.
    const warning = (sub: string) => `Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv ${sub}' for this operation.`;
    await call(t, "POST", `${m}/data/v1style`, { body: { data: { k: "v" } } });
    for (const [method, path, sub] of [
      ["GET", `${m}/v1style`, "get"],
      ["GET", `${m}/nonsense/path`, "get"],
      ["POST", `${m}/v1style`, "put"],
      ["PUT", `${m}/data`, "put"],
      ["DELETE", `${m}/v1style`, "delete"],
      ["LIST", `${m}/`, "list"],
      ["GET", `${m}/?list=true`, "list"],
    ] as const) {
      const r = await call(t, method, path, method === "POST" || method === "PUT" ? { body: { k: "v" } } : {});
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.equal(r.body.errors, undefined, `${method} ${path}: not an error body`);
      assert.equal(r.body.data, null);
      assert.deepEqual(r.body.warnings, [warning(sub)], `${method} ${path}`);
      assert.match(r.body.request_id, /^[0-9a-f-]{36}$/);
    }
    // Nothing was written or deleted through the invalid path.
    assert.deepEqual((await call(t, "GET", `${m}/data/v1style`)).body.data.data, { k: "v" });
    const patch = await call(t, "PATCH", `${m}/v1style`, { raw: JSON.stringify({ k: "w" }), headers: { "Content-Type": "application/merge-patch+json" } });
    assert.equal(patch.status, 405);
    const method = await call(t, "LIST", `${m}/data/app/db`);
    assert.equal(method.status, 405);
  });
  test("a key's created_time is its first version's (or its first metadata write's); updated_time is the last write's", async () => {
    const w = await call(t, "POST", `${m}/data/times/first`, { body: { data: { a: "1" } } });
    assert.equal(w.status, 200);
    const meta = (await call(t, "GET", `${m}/metadata/times/first`)).body.data;
    // The plugin's AddVersion sets the key's CreatedTime and UpdatedTime from the version it adds.
    assert.equal(meta.created_time, w.body.data.created_time);
    assert.equal(meta.versions["1"].created_time, w.body.data.created_time);
    assert.equal(meta.updated_time, w.body.data.created_time);
    const w2 = await call(t, "POST", `${m}/data/times/first`, { body: { data: { a: "2" } } });
    const meta2 = (await call(t, "GET", `${m}/metadata/times/first`)).body.data;
    assert.equal(meta2.created_time, w.body.data.created_time);
    assert.equal(meta2.updated_time, w2.body.data.created_time);
    // A key that began as a metadata write keeps that write's created_time when its first version arrives.
    assert.equal((await call(t, "POST", `${m}/metadata/times/meta-first`, { body: { custom_metadata: { owner: "ops" } } })).status, 204);
    const before = (await call(t, "GET", `${m}/metadata/times/meta-first`)).body.data.created_time;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const v1 = await call(t, "POST", `${m}/data/times/meta-first`, { body: { data: { a: "1" } } });
    const after = (await call(t, "GET", `${m}/metadata/times/meta-first`)).body.data;
    assert.equal(after.created_time, before);
    assert.notEqual(after.created_time, v1.body.data.created_time);
    assert.equal(after.updated_time, v1.body.data.created_time);
  });
  test("metadata writes and patches leave updated_time; a write naming no field creates no key; the engine's cas_required wins with a warning", async () => {
    const w = await call(t, "POST", `${m}/data/times/meta-later`, { body: { data: { a: "1" } } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal((await call(t, "POST", `${m}/metadata/times/meta-later`, { body: { max_versions: 7 } })).status, 204);
    const patched = await call(t, "PATCH", `${m}/metadata/times/meta-later`, { raw: JSON.stringify({ custom_metadata: { team: "a" } }), headers: { "Content-Type": "application/merge-patch+json" } });
    assert.equal(patched.status, 204);
    const meta = (await call(t, "GET", `${m}/metadata/times/meta-later`)).body.data;
    assert.equal(meta.max_versions, 7);
    assert.deepEqual(meta.custom_metadata, { team: "a" });
    assert.equal(meta.updated_time, w.body.data.created_time, "pathMetadataWrite/Patch do not touch UpdatedTime");

    assert.equal((await call(t, "POST", `${m}/metadata/times/nothing`, { body: {} })).status, 204);
    assert.equal((await call(t, "GET", `${m}/metadata/times/nothing`)).status, 404, "the fast path wrote nothing");

    const strict = await mountKv2(t, "kvcas");
    try {
      assert.equal((await call(t, "POST", `${strict}/config`, { body: { cas_required: true } })).status, 204);
      const r = await call(t, "POST", `${strict}/metadata/k`, { body: { cas_required: false } });
      assert.equal(r.status, 200);
      assert.equal(r.body.data, null);
      assert.deepEqual(r.body.warnings, ['"cas_required" set to false, but is mandated by backend config. This value will be ignored.']);
      const write = await call(t, "POST", `${strict}/data/k`, { body: { data: { a: "1" } } });
      assert.equal(write.status, 400, "cas is still required");
    } finally {
      await unmount(t, strict);
    }
  });
  test("a lowered max_versions trims nothing until the key's next write, which removes every version over the limit", async () => {
    for (const v of ["1", "2", "3", "4"]) assert.equal((await call(t, "POST", `${m}/data/lowered`, { body: { data: { v } } })).status, 200);
    assert.equal((await call(t, "POST", `${m}/metadata/lowered`, { body: { max_versions: 2 } })).status, 204);
    // pathMetadataWrite stores the limit only; AddVersion applies it.
    const still = (await call(t, "GET", `${m}/metadata/lowered`)).body.data;
    assert.deepEqual(Object.keys(still.versions).sort(), ["1", "2", "3", "4"]);
    assert.equal(still.oldest_version, 0);
    assert.equal((await call(t, "GET", `${m}/data/lowered?version=1`)).body.data.data.v, "1");
    assert.equal((await call(t, "POST", `${m}/data/lowered`, { body: { data: { v: "5" } } })).status, 200);
    const trimmed = (await call(t, "GET", `${m}/metadata/lowered`)).body.data;
    assert.deepEqual(Object.keys(trimmed.versions).sort(), ["4", "5"]);
    assert.equal(trimmed.oldest_version, 4);
    assert.equal((await call(t, "GET", `${m}/data/lowered?version=3`)).status, 404);
  });
  test("?version=0 or a negative version reads the latest, for data and subkeys; a missing one is 404 {errors: []}", async () => {
    for (const v of ["1", "2"]) assert.equal((await call(t, "POST", `${m}/data/versions/q`, { body: { data: { v } } })).status, 200);
    for (const q of ["0", "-1", "-7"]) {
      const r = await call(t, "GET", `${m}/data/versions/q?version=${q}`);
      assert.equal(r.status, 200, q);
      assert.equal(r.body.data.metadata.version, 2, q);
      assert.equal(r.body.data.data.v, "2", q);
      const sub = await call(t, "GET", `${m}/subkeys/versions/q?version=${q}`);
      assert.equal(sub.status, 200, q);
      assert.equal(sub.body.data.metadata.version, 2, q);
    }
    const missing = await call(t, "GET", `${m}/data/versions/q?version=3`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { errors: [] });
  });
});
