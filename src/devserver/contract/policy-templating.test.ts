import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, targetWithAuth, unique } from "./target.js";

// Templated policies (concepts/policies.mdx "Templated policies"): a path
// such as `secret/data/{{identity.entity.id}}/*` gives every user their own
// corner of KV with one policy — the pattern the Vault docs teach for per-user
// and per-team secrets. The path is filled in from the requesting token's
// entity and groups at each request; a path that cannot be filled in grants
// nothing while the policy's other paths still apply (vault/policy.go
// parsePaths). Until this round the dev server dropped every templated path.

describe("templated policies: per-entity and per-group paths", () => {
  const ctx = targetWithAuth("userpass", "up");
  const kv = "secret";
  const pw = "pw-not-asserted";


  async function login(user: string, policy: string): Promise<{ token: string; entity: string }> {
    assert.equal((await call(ctx.t, "POST", `auth/${ctx.mount}/users/${user}`, { body: { password: pw, token_policies: ["default", policy] } })).status, 204);
    const auth = (await call(ctx.t, "POST", `auth/${ctx.mount}/login/${user}`, { body: { password: pw }, token: null })).body.auth;
    return { token: auth.client_token, entity: auth.entity_id };
  }

  async function policy(text: string): Promise<string> {
    const name = unique("tpl");
    const r = await call(ctx.t, "POST", `sys/policies/acl/${name}`, { body: { policy: text } });
    assert.equal(r.status, 204, r.text);
    return name;
  }

  test("{{identity.entity.id}}: each user reads and writes only under their own entity ID", async () => {
    const pol = await policy(`
path "${kv}/data/{{identity.entity.id}}/*" { capabilities = ["create", "update", "read"] }
path "${kv}/metadata/{{identity.entity.id}}/*" { capabilities = ["list"] }`);
    const alice = await login(unique("alice"), pol);
    const bob = await login(unique("bob"), pol);
    assert.notEqual(alice.entity, bob.entity);
    const own = `${kv}/data/${alice.entity}/app`;
    assert.equal((await call(ctx.t, "POST", own, { body: { data: { k: "v" } }, token: alice.token })).status, 200);
    assert.equal((await call(ctx.t, "GET", own, { token: alice.token })).status, 200);
    assert.equal((await call(ctx.t, "LIST", `${kv}/metadata/${alice.entity}/`, { token: alice.token })).status, 200);
    assert.equal((await call(ctx.t, "GET", own, { token: bob.token })).status, 403, "another entity's corner is closed");
    assert.equal((await call(ctx.t, "POST", `${kv}/data/shared/app`, { body: { data: { k: "v" } }, token: alice.token })).status, 403);
    // The default policy's templated paths: a token reads its own entity, not another.
    assert.equal((await call(ctx.t, "GET", `identity/entity/id/${alice.entity}`, { token: alice.token })).status, 200);
    assert.equal((await call(ctx.t, "GET", `identity/entity/id/${bob.entity}`, { token: alice.token })).status, 403);
  });

  test("alias name and entity metadata fill in per request; a missing key grants nothing", async () => {
    const pol = await policy(`
path "${kv}/data/users/{{identity.entity.aliases.${ctx.accessor}.name}}/*" { capabilities = ["read"] }
path "${kv}/data/teams/{{ identity.entity.metadata.team }}/*" { capabilities = ["read"] }`);
    const user = unique("carol");
    await call(ctx.t, "POST", `${kv}/data/users/${user}/db`, { body: { data: { k: "v" } } });
    await call(ctx.t, "POST", `${kv}/data/teams/core/db`, { body: { data: { k: "v" } } });
    const carol = await login(user, pol);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/users/${user}/db`, { token: carol.token })).status, 200, "the alias of this mount is named for the user");
    assert.equal((await call(ctx.t, "GET", `${kv}/data/teams/core/db`, { token: carol.token })).status, 403, "no team metadata yet");
    assert.equal((await call(ctx.t, "POST", `identity/entity/id/${carol.entity}`, { body: { metadata: { team: "core" } } })).status, 204);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/teams/core/db`, { token: carol.token })).status, 200, "the token already issued sees the new metadata");
    assert.equal((await call(ctx.t, "GET", `${kv}/data/teams/other/db`, { token: carol.token })).status, 403);
  });

  test("a value cannot widen the path: a glob in metadata fills in nothing", async () => {
    const pol = await policy(`path "${kv}/data/teams/{{identity.entity.metadata.team}}" { capabilities = ["read"] }`);
    const dave = await login(unique("dave"), pol);
    await call(ctx.t, "POST", `${kv}/data/teams/anything`, { body: { data: { k: "v" } } });
    assert.equal((await call(ctx.t, "POST", `identity/entity/id/${dave.entity}`, { body: { metadata: { team: "*" } } })).status, 204);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/teams/anything`, { token: dave.token })).status, 403);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/teams/*`, { token: dave.token })).status, 403);
  });

  test("identity.groups: by name to the group's ID, by ID to its metadata; only for member entities", async () => {
    const groupName = unique("team");
    const group = await call(ctx.t, "POST", "identity/group", { body: { name: groupName, metadata: { env: "staging" } } });
    assert.equal(group.status, 200, group.text);
    const gid = group.body.data.id as string;
    const pol = await policy(`
path "${kv}/data/groups/{{identity.groups.names.${groupName}.id}}/*" { capabilities = ["read"] }
path "${kv}/data/envs/{{identity.groups.ids.${gid}.metadata.env}}/*" { capabilities = ["read"] }`);
    await call(ctx.t, "POST", `${kv}/data/groups/${gid}/db`, { body: { data: { k: "v" } } });
    await call(ctx.t, "POST", `${kv}/data/envs/staging/db`, { body: { data: { k: "v" } } });
    const erin = await login(unique("erin"), pol);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/groups/${gid}/db`, { token: erin.token })).status, 403, "not a member yet");
    assert.equal((await call(ctx.t, "POST", `identity/group/id/${gid}`, { body: { member_entity_ids: [erin.entity] } })).status, 204);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/groups/${gid}/db`, { token: erin.token })).status, 200);
    assert.equal((await call(ctx.t, "GET", `${kv}/data/envs/staging/db`, { token: erin.token })).status, 200);
    await call(ctx.t, "DELETE", `identity/group/id/${gid}`);
  });

  test("a token without an entity: the templated path grants nothing, the policy's plain paths still apply", async () => {
    const pol = await policy(`
path "${kv}/data/{{identity.entity.id}}/*" { capabilities = ["read"] }
path "${kv}/data/plain/*" { capabilities = ["read"] }`);
    await call(ctx.t, "POST", `${kv}/data/plain/db`, { body: { data: { k: "v" } } });
    const token = (await call(ctx.t, "POST", "auth/token/create", { body: { policies: [pol], ttl: "5m" } })).body.auth.client_token as string;
    assert.equal((await call(ctx.t, "GET", `${kv}/data/plain/db`, { token })).status, 200);
    const caps = await call(ctx.t, "POST", "sys/capabilities-self", { body: { paths: [`${kv}/data/plain/db`, `${kv}/data/x/db`] }, token });
    assert.deepEqual(caps.body[`${kv}/data/plain/db`], ["read"]);
    assert.deepEqual(caps.body[`${kv}/data/x/db`], ["deny"]);
  });

  test("unbalanced braces are refused when the policy is written", async () => {
    for (const path of [`${kv}/data/{{identity.entity.id/*`, `${kv}/data/identity.entity.id}}/*`, `${kv}/data/{{a}}}}/*`]) {
      const r = await call(ctx.t, "POST", `sys/policies/acl/${unique("bad")}`, { body: { policy: `path "${path}" { capabilities = ["read"] }` } });
      assert.equal(r.status, 400, path);
      assert.deepEqual(r.body.errors, ["failed to parse policy: failed to validate policy templating: unbalanced templating characters"], path);
    }
  });
});
