import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "node:crypto";
import { startDevServer, type DevServer } from "./index.js";
import { apiCaller, rs256Jwt } from "./test-support.js";

// Kubernetes auth with locally verified service-account JWTs (pem_keys):
// openbao/docs/api/auth/kubernetes.mdx (config, role, login and its metadata).

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

const jwtRs256 = (claims: Record<string, unknown>, key = rsa.privateKey): string => rs256Jwt(claims, key);

function jwtEs256(claims: Record<string, unknown>): string {
  const head = `${b64({ alg: "ES256", typ: "JWT" })}.${b64(claims)}`;
  return `${head}.${sign("sha256", Buffer.from(head), { key: ec.privateKey, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;
}

const projected = (ns: string, name: string, extra: Record<string, unknown> = {}) => ({
  iss: "https://kubernetes.default.svc",
  aud: ["vault"],
  sub: `system:serviceaccount:${ns}:${name}`,
  exp: Math.floor(Date.now() / 1000) + 600,
  "kubernetes.io": { namespace: ns, serviceaccount: { name, uid: "uid-123" } },
  ...extra,
});

describe("kubernetes auth (local JWT verification)", () => {
  let s: DevServer;
  const call = apiCaller(() => s);
  before(async () => {
    s = await startDevServer({ port: 0 });
    assert.equal((await call("POST", "sys/auth/kubernetes", { type: "kubernetes" })).status, 204);
    const pem = [rsa.publicKey.export({ type: "spki", format: "pem" }), ec.publicKey.export({ type: "spki", format: "pem" })];
    assert.equal((await call("POST", "auth/kubernetes/config", { kubernetes_host: "https://kubernetes.default.svc", pem_keys: pem })).status, 204);
    assert.equal((await call("POST", "auth/kubernetes/role/web", { bound_service_account_names: ["web"], bound_service_account_namespaces: ["prod", "stage-*"], token_policies: ["web-read"], token_ttl: "1h", audience: "vault" })).status, 204);
  });
  after(() => s.close());

  test("login with a projected service-account token: auth block with the documented metadata", async () => {
    const r = await call("POST", "auth/kubernetes/login", { role: "web", jwt: jwtRs256(projected("prod", "web")) }, null);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.auth.metadata, { role: "web", service_account_name: "web", service_account_namespace: "prod", service_account_secret_name: "", service_account_uid: "uid-123" });
    assert.deepEqual(r.body.auth.policies, ["default", "web-read"]);
    assert.equal(r.body.auth.lease_duration, 3600);
    assert.equal((await call("GET", "auth/token/lookup-self", undefined, r.body.auth.client_token)).status, 200);
  });

  test("ES256 keys and namespace globs work", async () => {
    const r = await call("POST", "auth/kubernetes/login", { role: "web", jwt: jwtEs256(projected("stage-7", "web")) }, null);
    assert.equal(r.status, 200);
  });

  test("wrong signer, wrong service account, wrong namespace, wrong audience, expired: refused", async () => {
    const tries = [
      jwtRs256(projected("prod", "web"), other.privateKey),
      jwtRs256(projected("prod", "api")),
      jwtRs256(projected("dev", "web")),
      jwtRs256(projected("prod", "web", { aud: ["other"] })),
      jwtRs256(projected("prod", "web", { exp: Math.floor(Date.now() / 1000) - 3600 })),
      "not.a.jwt",
    ];
    for (const jwt of tries) {
      const r = await call("POST", "auth/kubernetes/login", { role: "web", jwt }, null);
      assert.equal(r.status, 403, jwt.slice(0, 30));
    }
    assert.equal((await call("POST", "auth/kubernetes/login", { role: "nope", jwt: jwtRs256(projected("prod", "web")) }, null)).status, 400);
  });

  test("role read/list and config read", async () => {
    const role = await call("GET", "auth/kubernetes/role/web");
    assert.deepEqual(role.body.data.bound_service_account_namespaces, ["prod", "stage-*"]);
    assert.equal(role.body.data.token_ttl, 3600);
    assert.deepEqual((await call("LIST", "auth/kubernetes/role")).body.data.keys, ["web"]);
    assert.equal((await call("GET", "auth/kubernetes/config")).body.data.kubernetes_host, "https://kubernetes.default.svc");
  });
});
