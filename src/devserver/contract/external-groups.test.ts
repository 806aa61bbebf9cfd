import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { call, targetWithAuth, unique } from "./target.js";
import { rs256Jwt } from "../test-support.js";

// External groups and group aliases, and the JWT role fields that feed them
// (vault/identity_store_group_aliases.go; vault-plugin-auth-jwt path_role.go,
// claims.go; request_handling.go refreshExternalGroupMembershipsByEntityID):
// the way CI systems and identity providers map their groups to Vault
// policies. A JWT role's `groups_claim` values are group aliases on its
// mount; each login makes the entity a member of the external groups those
// names alias, and of no other external group of that mount. `claim_mappings`
// become the entity alias's metadata, which templated policies read.

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const now = () => Math.floor(Date.now() / 1000);

describe("external groups, group aliases and JWT groups_claim", () => {
  const ctx = targetWithAuth("jwt", "jwt");
  const kv = "secret";

  before(async () => {
    const pem = keys.publicKey.export({ type: "spki", format: "pem" });
    assert.equal((await call(ctx.t, "POST", `auth/${ctx.mount}/config`, { body: { jwt_validation_pubkeys: [pem] } })).status, 204);
  });

  const claims = (extra: Record<string, unknown>) => ({ sub: unique("svc"), aud: "vault", exp: now() + 300, ...extra });
  const login = (role: string, c: Record<string, unknown>) => call(ctx.t, "POST", `auth/${ctx.mount}/login`, { body: { role, jwt: rs256Jwt(c, keys.privateKey) }, token: null });

  test("group-alias: create on an external group, read, list, look up, refuse an internal group or a taken name, delete", async () => {
    const ext = await call(ctx.t, "POST", "identity/group", { body: { name: unique("ext"), type: "external" } });
    assert.equal(ext.status, 200, ext.text);
    const gid = ext.body.data.id as string;
    const name = unique("admins");
    const a = await call(ctx.t, "POST", "identity/group-alias", { body: { name, mount_accessor: ctx.accessor, canonical_id: gid } });
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(Object.keys(a.body.data).sort(), ["canonical_id", "id"]);
    assert.equal(a.body.data.canonical_id, gid);
    const read = (await call(ctx.t, "GET", `identity/group-alias/id/${a.body.data.id}`)).body.data;
    assert.equal(read.name, name);
    assert.equal(read.canonical_id, gid);
    assert.equal(read.mount_path, `auth/${ctx.mount}/`);
    assert.equal(read.mount_type, "jwt");
    assert.equal((await call(ctx.t, "GET", `identity/group/id/${gid}`)).body.data.alias.name, name, "the group shows its alias");
    assert.ok((await call(ctx.t, "LIST", "identity/group-alias/id")).body.data.keys.includes(a.body.data.id));
    const found = await call(ctx.t, "POST", "identity/lookup/group", { body: { alias_name: name, alias_mount_accessor: ctx.accessor } });
    assert.equal(found.body.data.id, gid);

    const internal = (await call(ctx.t, "POST", "identity/group", { body: { name: unique("int") } })).body.data.id as string;
    const onInternal = await call(ctx.t, "POST", "identity/group-alias", { body: { name: unique("x"), mount_accessor: ctx.accessor, canonical_id: internal } });
    assert.deepEqual(onInternal.body.errors, ["alias can't be set on an internal group"]);
    const taken = await call(ctx.t, "POST", "identity/group-alias", { body: { name, mount_accessor: ctx.accessor } });
    assert.deepEqual(taken.body.errors, ["combination of mount and group alias name is already in use"]);
    const members = await call(ctx.t, "POST", `identity/group/id/${gid}`, { body: { member_entity_ids: [] } });
    assert.deepEqual(members.body.errors, ["member entities can't be set manually for external groups"]);

    // Without canonical_id a new alias gets a new external group.
    const fresh = await call(ctx.t, "POST", "identity/group-alias", { body: { name: unique("ops"), mount_accessor: ctx.accessor } });
    assert.equal(fresh.status, 200, fresh.text);
    assert.equal((await call(ctx.t, "GET", `identity/group/id/${fresh.body.data.canonical_id}`)).body.data.type, "external");

    assert.equal((await call(ctx.t, "DELETE", `identity/group-alias/id/${a.body.data.id}`)).status, 204);
    assert.equal((await call(ctx.t, "GET", `identity/group-alias/id/${a.body.data.id}`)).status, 404);
    assert.deepEqual((await call(ctx.t, "GET", `identity/group/id/${gid}`)).body.data.alias, {});
  });

  test("a login's groups claim makes its entity a member of the aliased external groups, and the next login without them removes it", async () => {
    const pol = unique("ext-read");
    assert.equal((await call(ctx.t, "POST", `sys/policies/acl/${pol}`, { body: { policy: `path "${kv}/data/platform/*" { capabilities = ["read"] }` } })).status, 204);
    await call(ctx.t, "POST", `${kv}/data/platform/db`, { body: { data: { k: "v" } } });
    const gid = (await call(ctx.t, "POST", "identity/group", { body: { name: unique("platform"), type: "external", policies: [pol] } })).body.data.id as string;
    const groupName = unique("platform-team");
    assert.equal((await call(ctx.t, "POST", "identity/group-alias", { body: { name: groupName, mount_accessor: ctx.accessor, canonical_id: gid } })).status, 200);
    const role = unique("ci");
    assert.equal((await call(ctx.t, "POST", `auth/${ctx.mount}/role/${role}`, { body: { role_type: "jwt", user_claim: "sub", bound_audiences: ["vault"], groups_claim: "groups", token_policies: ["default"] } })).status, 204);

    const c = claims({ groups: [groupName, "unmapped-group"] });
    const first = await login(role, c);
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body.auth.identity_policies, [pol]);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/platform/db`, { token: first.body.auth.client_token })).status, 200);
    assert.deepEqual((await call(ctx.t, "GET", `identity/group/id/${gid}`)).body.data.member_entity_ids, [first.body.auth.entity_id]);

    const second = await login(role, { ...c, groups: [] });
    assert.equal(second.status, 200, second.text);
    assert.equal(second.body.auth.entity_id, first.body.auth.entity_id);
    assert.equal(second.body.auth.identity_policies, undefined, "no external group any more");
    assert.equal((await call(ctx.t, "GET", `${kv}/data/platform/db`, { token: first.body.auth.client_token })).status, 403, "the earlier token loses the group too");

    const missing = await login(role, claims({}));
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.errors, ['"groups" claim not found in token']);
    const notList = await login(role, claims({ groups: { a: 1 } }));
    assert.deepEqual(notList.body.errors, ['"groups" claim could not be converted to string list']);
  });

  test("claim_mappings fill the entity alias's metadata, which a templated policy reads", async () => {
    const pol = unique("per-repo");
    const path = `${kv}/data/ci/{{identity.entity.aliases.${ctx.accessor}.metadata.repository}}/*`;
    assert.equal((await call(ctx.t, "POST", `sys/policies/acl/${pol}`, { body: { policy: `path "${path}" { capabilities = ["read"] }` } })).status, 204);
    await call(ctx.t, "POST", `${kv}/data/ci/acme-api/deploy`, { body: { data: { k: "v" } } });
    await call(ctx.t, "POST", `${kv}/data/ci/acme-web/deploy`, { body: { data: { k: "v" } } });
    const role = unique("repo");
    assert.equal((await call(ctx.t, "POST", `auth/${ctx.mount}/role/${role}`, { body: { role_type: "jwt", user_claim: "sub", bound_audiences: ["vault"], claim_mappings: { repository: "repository" }, token_policies: [pol] } })).status, 204);
    const r = await login(role, claims({ repository: "acme-api" }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.auth.metadata.repository, "acme-api");
    const entity = (await call(ctx.t, "GET", `identity/entity/id/${r.body.auth.entity_id}`)).body.data;
    assert.deepEqual(entity.aliases[0].metadata, { repository: "acme-api" });
    assert.equal((await call(ctx.t, "GET", `${kv}/data/ci/acme-api/deploy`, { token: r.body.auth.client_token })).status, 200);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/ci/acme-web/deploy`, { token: r.body.auth.client_token })).status, 403);
  });

  test("bound_claims_type glob, the role's new fields read back, and expiration leeway", async () => {
    const role = unique("glob");
    assert.equal((await call(ctx.t, "POST", `auth/${ctx.mount}/role/${role}`, { body: { role_type: "jwt", user_claim: "sub", bound_claims_type: "glob", bound_claims: { repository: "acme/*" }, token_policies: ["default"] } })).status, 204);
    assert.equal((await login(role, claims({ repository: "acme/api" }))).status, 200);
    const refused = await login(role, claims({ repository: "evil/api" }));
    assert.deepEqual(refused.body.errors, ['error validating claims: claim "repository" does not match any associated bound claim values']);
    const absent = await login(role, claims({}));
    assert.deepEqual(absent.body.errors, ['error validating claims: claim "repository" is missing']);
    const exact = unique("exact");
    assert.equal((await call(ctx.t, "POST", `auth/${ctx.mount}/role/${exact}`, { body: { role_type: "jwt", user_claim: "sub", bound_claims: { repository: "acme/*" } } })).status, 204);
    assert.equal((await login(exact, claims({ repository: "acme/api" }))).status, 400, "string type: * is a character");
    const bad = await call(ctx.t, "POST", `auth/${ctx.mount}/role/${unique("bad")}`, { body: { role_type: "jwt", user_claim: "sub", bound_claims_type: "regex", bound_claims: { a: "b" } } });
    assert.deepEqual(bad.body.errors, ["invalid 'bound_claims_type': regex"]);

    const read = (await call(ctx.t, "GET", `auth/${ctx.mount}/role/${role}`)).body.data;
    assert.equal(read.bound_claims_type, "glob");
    assert.equal(read.groups_claim, "");
    assert.equal(read.user_claim_json_pointer, false);
    assert.deepEqual([read.clock_skew_leeway, read.expiration_leeway, read.not_before_leeway], [60, 150, 150]);

    // Expired 100 s ago: inside the default leeway (150 + 60 s of clock skew), outside a leeway of 0.
    assert.equal((await login(role, claims({ repository: "acme/api", exp: now() - 100 }))).status, 200);
    assert.equal((await call(ctx.t, "POST", `auth/${ctx.mount}/role/${role}`, { body: { expiration_leeway: 0, clock_skew_leeway: 0 } })).status, 204);
    assert.equal((await login(role, claims({ repository: "acme/api", exp: now() - 100 }))).status, 400);
  });
});
