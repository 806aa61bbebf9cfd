import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { startDevServer, type DevServer } from "./index.js";
import { apiCaller, rs256Jwt } from "./test-support.js";

// JWT auth with jwt_validation_pubkeys (offline validation): config, role,
// login; bound audiences, subject and claims; claim_mappings into metadata.

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwt = (claims: Record<string, unknown>, key = keys.privateKey): string => rs256Jwt(claims, key);
const now = () => Math.floor(Date.now() / 1000);
const ciClaims = (extra: Record<string, unknown> = {}) => ({ iss: "https://ci.example.test", sub: "repo:acme/app:ref:main", aud: "vault", exp: now() + 300, repository: "acme/app", actor: "dev1", ...extra });

describe("jwt auth (jwt_validation_pubkeys)", () => {
  let s: DevServer;
  const call = apiCaller(() => s);
  before(async () => {
    s = await startDevServer({ port: 0 });
    assert.equal((await call("POST", "sys/auth/jwt", { type: "jwt" })).status, 204);
    const pem = keys.publicKey.export({ type: "spki", format: "pem" });
    assert.equal((await call("POST", "auth/jwt/config", { jwt_validation_pubkeys: [pem], bound_issuer: "https://ci.example.test" })).status, 204);
    const role = { role_type: "jwt", user_claim: "sub", bound_audiences: ["vault"], bound_claims: { repository: "acme/app" }, claim_mappings: { actor: "actor" }, token_policies: ["ci"], token_ttl: "15m" };
    assert.equal((await call("POST", "auth/jwt/role/ci", role)).status, 204);
  });
  after(() => s.close());

  test("a valid token logs in with the role's policies and mapped claims", async () => {
    const r = await call("POST", "auth/jwt/login", { role: "ci", jwt: jwt(ciClaims()) }, null);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.auth.policies, ["ci", "default"]);
    assert.deepEqual(r.body.auth.metadata, { role: "ci", actor: "dev1" });
    assert.equal(r.body.auth.lease_duration, 900);
  });

  test("wrong key, issuer, audience, bound claim or an expired token are 400", async () => {
    for (const token of [jwt(ciClaims(), stranger.privateKey), jwt(ciClaims({ iss: "https://evil.test" })), jwt(ciClaims({ aud: "other" })), jwt(ciClaims({ repository: "acme/other" })), jwt(ciClaims({ exp: now() - 3600 }))]) {
      assert.equal((await call("POST", "auth/jwt/login", { role: "ci", jwt: token }, null)).status, 400);
    }
  });

  test("roles need a bound constraint and role_type jwt; role reads back", async () => {
    assert.equal((await call("POST", "auth/jwt/role/loose", { role_type: "jwt", user_claim: "sub" })).status, 400);
    assert.equal((await call("POST", "auth/jwt/role/oidc", { user_claim: "sub", bound_audiences: ["x"] })).status, 400);
    const r = await call("GET", "auth/jwt/role/ci");
    assert.equal(r.body.data.user_claim, "sub");
    assert.equal(r.body.data.token_ttl, 900);
    assert.deepEqual(r.body.data.bound_claims, { repository: "acme/app" });
  });
});
