import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, unique, type Target } from "./target.js";

// identity/ entities, aliases and groups as people and tools use them first
// on a dev server (Vault UI "Entities"/"Groups", Terraform vault_identity_*,
// hvac secrets.identity): create, read, list, update, delete; a login or a
// role token carries its entity, and the entity's groups' policies join the
// token's (vault/identity_store_entities.go, identity_store_aliases.go,
// identity_store_groups.go, identity_lookup.go; token_store.go handleLookup
// and handleCreateCommon; request_handling.go CreateOrFetchEntity). Until
// this round every write here answered 404 "unsupported path".

describe("identity store: entities, aliases, groups, and the tokens that carry them", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("entity create, read by id and name, list with key_info, update (204), delete", async () => {
    const name = unique("app");
    const created = await call(t, "POST", "identity/entity", { body: { name, policies: ["b-pol", "a-pol", "b-pol"], metadata: { team: "core" } } });
    assert.equal(created.status, 200, created.text);
    assert.deepEqual(Object.keys(created.body.data).sort(), ["aliases", "id", "name"]);
    assert.equal(created.body.data.name, name);
    assert.equal(created.body.data.aliases, null);
    const id = created.body.data.id as string;
    const byId = (await call(t, "GET", `identity/entity/id/${id}`)).body.data;
    assert.deepEqual(byId.policies, ["a-pol", "b-pol"], "de-duplicated and sorted");
    assert.deepEqual(byId.metadata, { team: "core" });
    assert.equal(byId.disabled, false);
    assert.deepEqual(byId.aliases, []);
    assert.deepEqual(byId.group_ids, []);
    assert.equal(byId.namespace_id, "root");
    assert.match(byId.creation_time, /^\d{4}-\d\d-\d\dT/);
    assert.equal((await call(t, "GET", `identity/entity/name/${name}`)).body.data.id, id);
    const list = await call(t, "LIST", "identity/entity/id");
    assert.ok(list.body.data.keys.includes(id));
    assert.equal(list.body.data.key_info[id].name, name);
    assert.ok((await call(t, "LIST", "identity/entity/name")).body.data.keys.includes(name));

    const update = await call(t, "POST", `identity/entity/id/${id}`, { body: { policies: ["c-pol"] } });
    assert.equal(update.status, 204, "an update of an existing entity answers nothing");
    assert.deepEqual((await call(t, "GET", `identity/entity/id/${id}`)).body.data.policies, ["c-pol"]);
    const unnamed = await call(t, "POST", "identity/entity", { body: {} });
    assert.match(unnamed.body.data.name, /^entity_[0-9a-f]{8}$/, "sanitizeEntity names an unnamed entity");

    for (const [path, body, message] of [
      ["identity/entity", { name: unnamed.body.data.name, id }, "entity name is already in use"],
      ["identity/entity", { id: "00000000-0000-0000-0000-000000000000" }, "entity not found from id"],
      ["identity/entity", { name: unique("r"), policies: ["root"] }, "policies cannot contain root"],
    ] as const) {
      const r = await call(t, "POST", path, { body });
      assert.equal(r.status, 400, r.text);
      assert.deepEqual(r.body.errors, [message]);
    }
    const counted = (await call(t, "GET", "sys/internal/counters/entities")).body.data.counters.entities.total as number;
    assert.ok(counted >= 2, "sys/internal/counters/entities counts the store's entities");
    assert.equal((await call(t, "DELETE", `identity/entity/id/${id}`)).status, 204);
    assert.equal((await call(t, "GET", `identity/entity/id/${id}`)).status, 404);
    assert.equal((await call(t, "DELETE", `identity/entity/name/${unnamed.body.data.name}`)).status, 204);
  });

  test("entity-alias: created into an entity, read with the mount's path and type, moved, deleted", async () => {
    const auth = (await call(t, "GET", "sys/auth")).body.data;
    const accessor = auth["token/"].accessor as string;
    const entity = (await call(t, "POST", "identity/entity", { body: { name: unique("aliased") } })).body.data.id as string;
    const a = await call(t, "POST", "identity/entity-alias", { body: { name: "alice", mount_accessor: accessor, canonical_id: entity, custom_metadata: { source: "hr" } } });
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(Object.keys(a.body.data).sort(), ["canonical_id", "id"]);
    assert.equal(a.body.data.canonical_id, entity);
    const alias = (await call(t, "GET", `identity/entity-alias/id/${a.body.data.id}`)).body.data;
    assert.equal(alias.mount_path, "auth/token/");
    assert.equal(alias.mount_type, "token");
    assert.deepEqual(alias.custom_metadata, { source: "hr" });
    assert.equal((await call(t, "GET", `identity/entity/id/${entity}`)).body.data.aliases[0].name, "alice");

    const again = await call(t, "POST", "identity/entity-alias", { body: { name: "alice-2", mount_accessor: accessor, canonical_id: entity } });
    assert.deepEqual(again.body.errors, ["Alias already exists for requested entity and mount accessor"]);
    const badMount = await call(t, "POST", "identity/entity-alias", { body: { name: "x", mount_accessor: "auth_nope_123" } });
    assert.deepEqual(badMount.body.errors, ['invalid mount accessor "auth_nope_123"']);
    const missing = await call(t, "POST", "identity/entity-alias", { body: { name: "x" } });
    assert.deepEqual(missing.body.errors, ["'id' or 'mount_accessor' and 'name' must be provided"]);

    // Without canonical_id a new entity is made for the alias.
    const lone = await call(t, "POST", "identity/entity-alias", { body: { name: "bob", mount_accessor: accessor } });
    assert.notEqual(lone.body.data.canonical_id, entity);
    const moved = await call(t, "POST", `identity/entity-alias/id/${lone.body.data.id}`, { body: { canonical_id: entity } });
    assert.equal(moved.status, 400, "the target entity already has an alias on this mount");
    assert.ok((await call(t, "LIST", "identity/entity-alias/id")).body.data.keys.includes(a.body.data.id));
    assert.equal((await call(t, "DELETE", `identity/entity-alias/id/${a.body.data.id}`)).status, 204);
    assert.deepEqual((await call(t, "GET", `identity/entity/id/${entity}`)).body.data.aliases, []);
  });

  test("a userpass login carries an entity; its group's policies reach the token (lookup-self identity_policies, ACL)", async () => {
    const mount = unique("up");
    const kv = "secret";
    assert.equal((await call(t, "POST", `sys/auth/${mount}`, { body: { type: "userpass" } })).status, 204);
    const pol = unique("grp-read");
    assert.equal((await call(t, "POST", `sys/policies/acl/${pol}`, { body: { policy: `path "${kv}/data/team/*" { capabilities = ["read"] }` } })).status, 204);
    await call(t, "POST", `${kv}/data/team/db`, { body: { data: { user: "svc" } } });
    try {
      await call(t, "POST", `auth/${mount}/users/carol`, { body: { password: "pw-not-asserted", token_policies: ["default"] } });
      const login1 = (await call(t, "POST", `auth/${mount}/login/carol`, { body: { password: "pw-not-asserted" }, token: null })).body.auth;
      assert.match(login1.entity_id, /^[0-9a-f-]{36}$/);
      const login2 = (await call(t, "POST", `auth/${mount}/login/carol`, { body: { password: "pw-not-asserted" }, token: null })).body.auth;
      assert.equal(login2.entity_id, login1.entity_id, "the second login finds the same entity through its alias");
      const entity = (await call(t, "GET", `identity/entity/id/${login1.entity_id}`)).body.data;
      assert.equal(entity.aliases.length, 1);
      assert.equal(entity.aliases[0].name, "carol");
      assert.equal(entity.aliases[0].mount_type, "userpass");
      assert.equal(entity.aliases[0].mount_path, `auth/${mount}/`);

      assert.equal((await call(t, "GET", `${kv}/data/team/db`, { token: login1.client_token })).status, 403, "no group yet");
      const group = await call(t, "POST", "identity/group", { body: { name: unique("team"), policies: [pol], member_entity_ids: [login1.entity_id] } });
      assert.equal(group.status, 200, group.text);
      assert.deepEqual(Object.keys(group.body.data).sort(), ["id", "name"]);
      // The group applies to the token already issued, on its next request.
      assert.equal((await call(t, "GET", `${kv}/data/team/db`, { token: login1.client_token })).status, 200);
      const self = (await call(t, "GET", "auth/token/lookup-self", { token: login1.client_token })).body.data;
      assert.equal(self.entity_id, login1.entity_id);
      assert.deepEqual(self.identity_policies, [pol]);
      assert.deepEqual(self.policies, ["default"], "lookup's policies stay the token's own");
      const login3 = (await call(t, "POST", `auth/${mount}/login/carol`, { body: { password: "pw-not-asserted" }, token: null })).body.auth;
      assert.deepEqual(login3.token_policies, ["default"]);
      assert.deepEqual(login3.identity_policies, [pol]);
      assert.deepEqual(login3.policies, ["default", pol].sort());
      const g = (await call(t, "GET", `identity/group/id/${group.body.data.id}`)).body.data;
      assert.deepEqual(g.member_entity_ids, [login1.entity_id]);
      assert.equal(g.type, "internal");
      assert.deepEqual((await call(t, "GET", `identity/entity/id/${login1.entity_id}`)).body.data.direct_group_ids, [group.body.data.id]);

      // A disabled entity's tokens are refused, and it cannot log in.
      assert.equal((await call(t, "POST", `identity/entity/id/${login1.entity_id}`, { body: { disabled: true } })).status, 204);
      assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: login1.client_token })).status, 403);
      assert.equal((await call(t, "POST", `auth/${mount}/login/carol`, { body: { password: "pw-not-asserted" }, token: null })).status, 403);
      await call(t, "POST", `identity/entity/id/${login1.entity_id}`, { body: { disabled: false } });
      assert.equal((await call(t, "DELETE", `identity/group/id/${group.body.data.id}`)).status, 204);
      assert.equal((await call(t, "GET", `${kv}/data/team/db`, { token: login1.client_token })).status, 403, "the group's policy left with it");
    } finally {
      await call(t, "DELETE", `sys/auth/${mount}`);
    }
  });

  test("nested groups: a parent group's policies reach the members of its member groups", async () => {
    const e = (await call(t, "POST", "identity/entity", { body: { name: unique("nested") } })).body.data.id as string;
    const child = (await call(t, "POST", "identity/group", { body: { name: unique("child"), policies: ["child-pol"], member_entity_ids: [e] } })).body.data.id as string;
    const parent = (await call(t, "POST", "identity/group", { body: { name: unique("parent"), policies: ["parent-pol"], member_group_ids: [child] } })).body.data.id as string;
    const entity = (await call(t, "GET", `identity/entity/id/${e}`)).body.data;
    assert.deepEqual(entity.direct_group_ids, [child]);
    assert.deepEqual(entity.inherited_group_ids, [parent]);
    assert.deepEqual((await call(t, "GET", `identity/group/id/${child}`)).body.data.parent_group_ids, [parent]);
    const cycle = await call(t, "POST", `identity/group/id/${child}`, { body: { member_group_ids: [parent] } });
    assert.equal(cycle.status, 400, cycle.text);
    const bad = await call(t, "POST", "identity/group", { body: { member_entity_ids: ["00000000-0000-0000-0000-000000000000"] } });
    assert.equal(bad.status, 400);
    const list = (await call(t, "LIST", "identity/group/id")).body.data;
    assert.equal(list.key_info[child].num_member_entities, 1);
    assert.equal(list.key_info[child].num_parent_groups, 1);
  });

  test("identity/lookup/entity by name, id, alias; nothing found is 204; bad combinations are 400", async () => {
    const accessor = (await call(t, "GET", "sys/auth")).body.data["token/"].accessor as string;
    const name = unique("look");
    const id = (await call(t, "POST", "identity/entity", { body: { name } })).body.data.id as string;
    const alias = (await call(t, "POST", "identity/entity-alias", { body: { name: `${name}-alias`, mount_accessor: accessor, canonical_id: id } })).body.data.id as string;
    for (const body of [{ name }, { id }, { alias_id: alias }, { alias_name: `${name}-alias`, alias_mount_accessor: accessor }]) {
      const r = await call(t, "POST", "identity/lookup/entity", { body });
      assert.equal(r.status, 200, `${JSON.stringify(body)}: ${r.text}`);
      assert.equal(r.body.data.id, id);
    }
    assert.equal((await call(t, "POST", "identity/lookup/entity", { body: { name: unique("none") } })).status, 204);
    for (const body of [{}, { name, id }, { alias_name: "x" }]) {
      assert.equal((await call(t, "POST", "identity/lookup/entity", { body })).status, 400, JSON.stringify(body));
    }
  });

  test("auth/token/create/:role with entity_alias: the role must allow it; the token carries the alias's entity", async () => {
    const role = unique("ea-role");
    assert.equal((await call(t, "POST", `auth/token/roles/${role}`, { body: { allowed_entity_aliases: ["Build-*", "deploy"] } })).status, 204);
    assert.deepEqual((await call(t, "GET", `auth/token/roles/${role}`)).body.data.allowed_entity_aliases, ["build-*", "deploy"]);
    const noRole = await call(t, "POST", "auth/token/create", { body: { entity_alias: "deploy" } });
    assert.deepEqual(noRole.body.errors, ["'entity_alias' is only allowed in combination with token role"]);
    const notAllowed = await call(t, "POST", `auth/token/create/${role}`, { body: { entity_alias: "other" } });
    assert.deepEqual(notAllowed.body.errors, ["invalid 'entity_alias' value"]);
    const a = (await call(t, "POST", `auth/token/create/${role}`, { body: { entity_alias: "build-42" } })).body.auth;
    const b = (await call(t, "POST", `auth/token/create/${role}`, { body: { entity_alias: "build-42" } })).body.auth;
    assert.match(a.entity_id, /^[0-9a-f-]{36}$/);
    assert.equal(b.entity_id, a.entity_id);
    const found = await call(t, "POST", "identity/lookup/entity", { body: { alias_name: "build-42", alias_mount_accessor: (await call(t, "GET", "sys/auth")).body.data["token/"].accessor } });
    assert.equal(found.body.data.id, a.entity_id);
    // hashi-vault-js createToken({role_name, entity_alias}): its defaults go along (Vault.js createToken).
    const hvj = await call(t, "POST", `auth/token/create/${role}`, { body: { no_parent: false, no_default_policy: false, renewable: true, type: "service", entity_alias: "Build-42" } });
    assert.equal(hvj.status, 200, hvj.text);
    assert.equal(hvj.body.auth.entity_id, a.entity_id, "the alias matches case-insensitively");
    // A child of a token with an entity carries the same entity.
    const child = (await call(t, "POST", "auth/token/create", { token: a.client_token, body: { ttl: "5m" } })).body.auth;
    assert.equal(child.entity_id, a.entity_id);
  });
});
