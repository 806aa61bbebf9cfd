import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { call, targetWithAuth, unique } from "./target.js";

// Identity tokens (api-docs/secret/identity/tokens.mdx): a workload logged in
// to Vault asks identity/oidc/token/:role for a signed OIDC ID token about its
// entity and hands it to a third party, which checks it against the public
// keys at identity/oidc/.well-known/keys without any Vault token. Each token
// here is checked the way such a verifier would: with node:crypto and the
// published JWKS only, not with the server's code.

interface Jwt {
  header: { alg: string; kid: string };
  claims: Record<string, unknown>;
}

const HASH: Record<string, string | null> = { RS256: "sha256", RS384: "sha384", RS512: "sha512", ES256: "sha256", ES384: "sha384", ES512: "sha512", EdDSA: null };

/** The token's header and claims when a key of `jwks` with its `kid` signed it; throws otherwise. */
function verifyWithJwks(token: string, jwks: { keys: Array<JsonWebKey & { kid: string; alg: string; use: string }> }): Jwt {
  const [h, c, s] = token.split(".");
  const header = JSON.parse(Buffer.from(h!, "base64url").toString()) as Jwt["header"];
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  assert.ok(jwk, `no published key with kid ${header.kid}`);
  assert.equal(jwk.alg, header.alg);
  assert.equal(jwk.use, "sig");
  const key = createPublicKey({ key: jwk, format: "jwk" });
  const input = Buffer.from(`${h}.${c}`);
  const sig = Buffer.from(s!, "base64url");
  const ok = header.alg.startsWith("ES") ? verify(HASH[header.alg]!, input, { key, dsaEncoding: "ieee-p1363" }, sig) : verify(HASH[header.alg] ?? null, input, key, sig);
  assert.ok(ok, "signature does not verify");
  return { header, claims: JSON.parse(Buffer.from(c!, "base64url").toString()) as Record<string, unknown> };
}

describe("identity tokens: signed OIDC ID tokens for an entity", () => {
  const ctx = targetWithAuth("userpass", "oidc");
  const pw = "pw-not-asserted";

  async function login(user: string, policyText: string, metadata?: Record<string, string>): Promise<{ token: string; entity: string }> {
    const policy = unique("oidc-pol");
    assert.equal((await call(ctx.t, "POST", `sys/policies/acl/${policy}`, { body: { policy: policyText } })).status, 204);
    assert.equal((await call(ctx.t, "POST", `auth/${ctx.mount}/users/${user}`, { body: { password: pw, token_policies: ["default", policy] } })).status, 204);
    const auth = (await call(ctx.t, "POST", `auth/${ctx.mount}/login/${user}`, { body: { password: pw }, token: null })).body.auth;
    if (metadata) assert.equal((await call(ctx.t, "POST", `identity/entity/id/${auth.entity_id}`, { body: { metadata } })).status, 204);
    return { token: auth.client_token, entity: auth.entity_id };
  }

  const jwks = async () => {
    const r = await call(ctx.t, "GET", "identity/oidc/.well-known/keys", { token: null });
    assert.equal(r.status, 200, "the keys are public");
    return r.body;
  };

  test("a role on the default key: the token names the entity (sub), the role's client (aud), the issuer and the ttl, and verifies with the published keys", async () => {
    const role = unique("role");
    assert.equal((await call(ctx.t, "POST", `identity/oidc/role/${role}`, { body: { ttl: "1h" } })).status, 204);
    const read = (await call(ctx.t, "GET", `identity/oidc/role/${role}`)).body.data;
    assert.equal(read.key, "default");
    assert.equal(read.ttl, 3600);
    assert.match(read.client_id, /^[A-Za-z0-9]{20,}$/);
    assert.ok((await call(ctx.t, "LIST", "identity/oidc/role")).body.data.keys.includes(role));
    assert.deepEqual((await call(ctx.t, "GET", "identity/oidc/key/default")).body.data.allowed_client_ids, ["*"]);

    // The root token has no entity.
    const root = await call(ctx.t, "GET", `identity/oidc/token/${role}`);
    assert.equal(root.status, 400);
    assert.deepEqual(root.body.errors, ["no entity associated with the request's token"]);

    const user = unique("alice");
    const alice = await login(user, `path "identity/oidc/token/${role}" { capabilities = ["read"] }`);
    assert.equal((await call(ctx.t, "GET", `identity/oidc/token/${unique("other")}`, { token: alice.token })).status, 403, "the ACL applies");
    const r = await call(ctx.t, "GET", `identity/oidc/token/${role}`, { token: alice.token });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.data.client_id, read.client_id);
    assert.equal(r.body.data.ttl, 3600);
    const { header, claims } = verifyWithJwks(r.body.data.token, await jwks());
    assert.equal(header.alg, "RS256");
    const discovery = await call(ctx.t, "GET", "identity/oidc/.well-known/openid-configuration", { token: null });
    assert.equal(discovery.status, 200);
    assert.equal(claims.iss, discovery.body.issuer);
    assert.match(String(claims.iss), /\/v1\/identity\/oidc$/);
    assert.equal(discovery.body.jwks_uri, `${discovery.body.issuer}/.well-known/keys`);
    assert.ok(discovery.body.id_token_signing_alg_values_supported.includes("RS256"));
    assert.equal(claims.sub, alice.entity);
    assert.equal(claims.aud, read.client_id);
    assert.equal(claims.namespace, "root");
    assert.equal(Number(claims.exp) - Number(claims.iat), 3600);
    assert.ok(Math.abs(Number(claims.iat) - Date.now() / 1000) < 60);
    // Introspection: active, and not for another client or a changed token.
    assert.deepEqual((await call(ctx.t, "POST", "identity/oidc/introspect", { body: { token: r.body.data.token } })).body, { active: true });
    assert.equal((await call(ctx.t, "POST", "identity/oidc/introspect", { body: { token: r.body.data.token, client_id: "someone-else" } })).body.active, false);
    const [h, c, s] = (r.body.data.token as string).split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: "another-entity" })).toString("base64url");
    assert.equal((await call(ctx.t, "POST", "identity/oidc/introspect", { body: { token: `${h}.${forged}.${s}` } })).body.active, false);
    assert.equal(c !== forged, true);
  });

  test("a template adds claims from the entity: alias name, metadata, group names; a directive with no value leaves its claim out; reserved claims are refused", async () => {
    const user = unique("bob");
    const template = JSON.stringify({ username: "{{identity.entity.aliases.ACC.name}}", team: "{{identity.entity.metadata.team}}", groups: "{{identity.entity.groups.names}}", missing: "{{identity.entity.metadata.nope}}", meta: "{{identity.entity.metadata}}" })
      .replace(/"\{\{/g, "{{")
      .replace(/\}\}"/g, "}}")
      .replace("ACC", ctx.accessor);
    const role = unique("tpl");
    assert.equal((await call(ctx.t, "POST", `identity/oidc/role/${role}`, { body: { template } })).status, 204);
    const bad = await call(ctx.t, "POST", `identity/oidc/role/${unique("bad")}`, { body: { template: '{"sub": {{identity.entity.name}}}' } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.errors[0], /top level key "sub" not allowed/);
    const bob = await login(user, `path "identity/oidc/token/${role}" { capabilities = ["read"] }`, { team: "payments" });
    const group = unique("grp");
    assert.equal((await call(ctx.t, "POST", "identity/group", { body: { name: group, member_entity_ids: [bob.entity] } })).status, 200);
    const token = (await call(ctx.t, "GET", `identity/oidc/token/${role}`, { token: bob.token })).body.data.token;
    const { claims } = verifyWithJwks(token, await jwks());
    assert.equal(claims.username, user);
    assert.equal(claims.team, "payments");
    assert.deepEqual(claims.groups, [group]);
    assert.deepEqual(claims.meta, { team: "payments" });
    assert.ok(!("missing" in claims), "a claim whose directive has no value is left out");
    assert.equal(claims.sub, bob.entity);
  });

  test("a named key signs only for the client IDs it allows; ES256 and EdDSA keys verify through the same JWKS", async () => {
    for (const algorithm of ["ES256", "EdDSA"]) {
      const key = unique("key");
      assert.equal((await call(ctx.t, "POST", `identity/oidc/key/${key}`, { body: { algorithm, rotation_period: "1h", verification_ttl: "1h" } })).status, 204);
      assert.deepEqual((await call(ctx.t, "GET", `identity/oidc/key/${key}`)).body.data, { algorithm, allowed_client_ids: [], rotation_period: 3600, verification_ttl: 3600 });
      const role = unique("role");
      assert.equal((await call(ctx.t, "POST", `identity/oidc/role/${role}`, { body: { key, ttl: "30m" } })).status, 204);
      const tooLong = await call(ctx.t, "POST", `identity/oidc/role/${unique("long")}`, { body: { key, ttl: "2h" } });
      assert.equal(tooLong.status, 400, "a token may not outlive its key's verification");
      const clientId = (await call(ctx.t, "GET", `identity/oidc/role/${role}`)).body.data.client_id;
      const carol = await login(unique("carol"), `path "identity/oidc/token/*" { capabilities = ["read"] }`);
      const refused = await call(ctx.t, "GET", `identity/oidc/token/${role}`, { token: carol.token });
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body.errors, [`the key "${key}" does not list the client ID of the role "${role}" as an allowed client ID`]);
      assert.equal((await call(ctx.t, "POST", `identity/oidc/key/${key}`, { body: { allowed_client_ids: [clientId] } })).status, 204);
      const token = (await call(ctx.t, "GET", `identity/oidc/token/${role}`, { token: carol.token })).body.data.token;
      const { header, claims } = verifyWithJwks(token, await jwks());
      assert.equal(header.alg, algorithm);
      assert.equal(claims.aud, clientId);
      const del = await call(ctx.t, "DELETE", `identity/oidc/key/${key}`);
      assert.equal(del.status, 400, "a key a role uses is kept");
      assert.match(del.body.errors[0], new RegExp(`referenced by these roles: ${role}`));
      assert.equal((await call(ctx.t, "DELETE", `identity/oidc/role/${role}`)).status, 204);
      assert.equal((await call(ctx.t, "DELETE", `identity/oidc/key/${key}`)).status, 204);
    }
  });

  test("rotation: tokens of the old key verify until its verification_ttl is over; rotating with verification_ttl 0 drops the key rotated out", async () => {
    const key = unique("rot");
    assert.equal((await call(ctx.t, "POST", `identity/oidc/key/${key}`, { body: { allowed_client_ids: ["*"] } })).status, 204);
    const role = unique("role");
    assert.equal((await call(ctx.t, "POST", `identity/oidc/role/${role}`, { body: { key } })).status, 204);
    const dave = await login(unique("dave"), `path "identity/oidc/token/${role}" { capabilities = ["read"] }`);
    const before = (await call(ctx.t, "GET", `identity/oidc/token/${role}`, { token: dave.token })).body.data.token;
    const oldKid = verifyWithJwks(before, await jwks()).header.kid;
    assert.equal((await call(ctx.t, "POST", `identity/oidc/key/${key}/rotate`, {})).status, 204);
    const after = (await call(ctx.t, "GET", `identity/oidc/token/${role}`, { token: dave.token })).body.data.token;
    const keys = await jwks();
    assert.notEqual(verifyWithJwks(after, keys).header.kid, oldKid, "a new signing key");
    verifyWithJwks(before, keys);
    assert.equal((await call(ctx.t, "POST", "identity/oidc/introspect", { body: { token: before } })).body.active, true);
    // verification_ttl on rotate applies to the key being rotated out: the second one goes at once, the first keeps its day.
    const secondKid = verifyWithJwks(after, keys).header.kid;
    assert.equal((await call(ctx.t, "POST", `identity/oidc/key/${key}/rotate`, { body: { verification_ttl: 0 } })).status, 204);
    const now = await jwks();
    assert.ok(!now.keys.some((k: { kid: string }) => k.kid === secondKid), "the rotated-out key is gone");
    assert.equal((await call(ctx.t, "POST", "identity/oidc/introspect", { body: { token: after } })).body.active, false);
    assert.equal((await call(ctx.t, "POST", "identity/oidc/introspect", { body: { token: before } })).body.active, true);
  });
});
