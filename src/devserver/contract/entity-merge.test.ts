import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, targetWithAuth, unique } from "./target.js";

// identity/entity/merge (identity_store_entities.go pathEntityMergeID,
// mergeEntity): the one person who logged in through two methods and got two
// entities is made one. The from-entities' aliases move (a login through them
// then lands in the merged entity), their group memberships pass over, they
// are deleted; a mount both sides have an alias on is a conflict that only
// naming the alias to keep settles.

describe("identity/entity/merge", () => {
  const ctx = targetWithAuth("userpass", "up");

  const entity = async (body: Record<string, unknown> = {}) => (await call(ctx.t, "POST", "identity/entity", { body: { name: unique("e"), ...body } })).body.data.id as string;
  const alias = async (canonical: string, name: string) => (await call(ctx.t, "POST", "identity/entity-alias", { body: { name, mount_accessor: ctx.accessor, canonical_id: canonical } })).body.data.id as string;

  test("aliases and group memberships move to the target, the sources are deleted, a login lands in the target", async () => {
    const to = await entity({ policies: ["to-pol"] });
    const user = unique("erin");
    const from = await entity({ policies: ["from-pol"] });
    const movedAlias = await alias(from, user);
    const empty = await entity();
    const group = (await call(ctx.t, "POST", "identity/group", { body: { name: unique("g"), member_entity_ids: [from] } })).body.data.id as string;

    const merged = await call(ctx.t, "POST", "identity/entity/merge", { body: { from_entity_ids: [from, empty], to_entity_id: to } });
    assert.equal(merged.status, 204, merged.text);
    assert.equal((await call(ctx.t, "GET", `identity/entity/id/${from}`)).status, 404);
    assert.equal((await call(ctx.t, "GET", `identity/entity/id/${empty}`)).status, 404);
    const after = (await call(ctx.t, "GET", `identity/entity/id/${to}`)).body.data;
    assert.deepEqual(after.merged_entity_ids, [from, empty]);
    assert.deepEqual(after.policies, ["to-pol"], "the API merges no policies");
    assert.deepEqual(after.aliases.map((a: { id: string }) => a.id), [movedAlias]);
    const a = (await call(ctx.t, "GET", `identity/entity-alias/id/${movedAlias}`)).body.data;
    assert.equal(a.canonical_id, to);
    assert.deepEqual(a.merged_from_canonical_ids, [from]);
    assert.deepEqual((await call(ctx.t, "GET", `identity/group/id/${group}`)).body.data.member_entity_ids, [to]);

    await call(ctx.t, "POST", `auth/${ctx.mount}/users/${user}`, { body: { password: "pw-not-asserted" } });
    const login = await call(ctx.t, "POST", `auth/${ctx.mount}/login/${user}`, { body: { password: "pw-not-asserted" }, token: null });
    assert.equal(login.body.auth.entity_id, to);
  });

  test("an alias on the same mount on both sides is a conflict; naming the alias to keep settles it", async () => {
    const to = await entity();
    const kept = await alias(to, unique("kept"));
    const from = await entity();
    const dropped = await alias(from, unique("dropped"));
    const clash = await call(ctx.t, "POST", "identity/entity/merge", { body: { from_entity_ids: [from], to_entity_id: to } });
    assert.equal(clash.status, 400);
    assert.match(clash.body.errors[0], /^2 errors occurred:\n\t\* toEntity and at least one fromEntity have aliases with the same mount accessor/);
    assert.ok(clash.body.errors[0].includes(`conflicting toEntity alias ID: ${kept}, conflicting fromEntity alias ID: ${dropped}`));
    assert.equal((await call(ctx.t, "GET", `identity/entity/id/${from}`)).status, 200, "a refused merge changes nothing");

    const settled = await call(ctx.t, "POST", "identity/entity/merge", { body: { from_entity_ids: [from], to_entity_id: to, conflicting_alias_ids_to_keep: [kept] } });
    assert.equal(settled.status, 204, settled.text);
    assert.equal((await call(ctx.t, "GET", `identity/entity-alias/id/${dropped}`)).status, 404);
    assert.deepEqual((await call(ctx.t, "GET", `identity/entity/id/${to}`)).body.data.aliases.map((x: { id: string }) => x.id), [kept]);
  });

  test("bad requests name what is wrong", async () => {
    const to = await entity();
    const from = await entity();
    for (const [body, message] of [
      [{ from_entity_ids: [from] }, "missing entity id to merge to"],
      [{ to_entity_id: to }, "missing entity ids to merge from"],
      [{ from_entity_ids: [from], to_entity_id: "00000000-0000-0000-0000-000000000000" }, "entity id to merge to is invalid"],
      [{ from_entity_ids: ["00000000-0000-0000-0000-000000000000"], to_entity_id: to }, "entity id to merge from is invalid"],
      [{ from_entity_ids: [to], to_entity_id: to }, "to_entity_id should not be present in from_entity_ids"],
    ] as const) {
      const r = await call(ctx.t, "POST", "identity/entity/merge", { body });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.deepEqual(r.body.errors, [message]);
    }
  });
});
