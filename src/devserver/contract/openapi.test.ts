import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, tokenWithPolicy, unique, unmount, type Target } from "./target.js";

// GET sys/internal/specs/openapi, which code generators (openapi-generator,
// the Vault UI's model builder, Vault's own Go/.NET client generators) read
// first: Vault answers raw OpenAPI 3 JSON (no envelope) with the paths of
// every mount the caller can see, prefixed with the mount path; the endpoint
// is in the system backend's Unauthenticated list and also takes POST
// (vault/logical_system.go pathInternalOpenAPI, internalPaths, PathsSpecial;
// api-docs/system/internal-specs-openapi). Until this round: 404.

/* eslint-disable @typescript-eslint/no-explicit-any -- an OpenAPI document is walked generically */
const VERBS = ["get", "post", "patch", "delete"] as const;

describe("sys/internal/specs/openapi", () => {
  let t: Target;
  let kv: string;
  let legacy: string;
  let transit: string;
  before(async () => {
    t = await openTarget();
    kv = unique("oas-kv");
    legacy = unique("oas-v1");
    transit = unique("oas-transit");
    for (const [path, body] of [
      [kv, { type: "kv", options: { version: "2" } }],
      [legacy, { type: "kv", options: { version: "1" } }],
      [transit, { type: "transit" }],
    ] as const) {
      const r = await call(t, "POST", `sys/mounts/${path}`, { body });
      assert.equal(r.status, 204, r.text);
    }
  });
  after(async () => {
    for (const m of [kv, legacy, transit]) await unmount(t, m);
    await t.close();
  });

  test("without a token: 200, a raw OpenAPI 3 document with no envelope and no mount's paths", async () => {
    const r = await call(t, "GET", "sys/internal/specs/openapi", { token: null });
    assert.equal(r.status, 200, r.text);
    assert.match(r.headers.get("content-type") ?? "", /application\/json/);
    assert.equal(r.body.openapi, "3.0.2");
    assert.equal(r.body.request_id, undefined, "no response envelope");
    assert.equal(typeof r.body.info.title, "string");
    assert.equal(typeof r.body.info.version, "string");
    assert.deepEqual(r.body.paths, {});
  });

  test("with a token: a valid document whose paths carry the mount paths, with Vault's extensions", async () => {
    const r = await call(t, "GET", "sys/internal/specs/openapi");
    assert.equal(r.status, 200, r.text);
    const doc = r.body;
    const paths: Record<string, any> = doc.paths;
    for (const p of [`/${kv}/data/{path}`, `/${kv}/metadata/{path}`, `/${legacy}/{path}`, `/${transit}/encrypt/{name}`, "/sys/mounts/{path}", "/auth/token/create", "/auth/token/lookup-self", "/secret/data/{path}"]) {
      assert.ok(paths[p], `${p} is listed`);
    }
    assert.equal(paths[`/${legacy}/data/{path}`], undefined, "a KV v1 mount has no data/ paths");
    assert.equal(paths["/sys/seal"]["x-vault-sudo"], true);
    assert.equal(paths["/sys/health"]["x-vault-unauthenticated"], true);
    assert.ok(paths[`/${kv}/data/{path}`].patch, "KV v2 data takes PATCH");
    // OpenAPI 3 structure: paths start with "/", each {name} is a required path parameter, each operation
    // has responses and an operationId unique in the document.
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(paths)) {
      assert.ok(p.startsWith("/"), p);
      const declared = new Set((item.parameters ?? []).filter((x: any) => x.in === "path" && x.required === true).map((x: any) => x.name));
      for (const [, name] of p.matchAll(/\{([^}]+)\}/g)) assert.ok(declared.has(name), `${p} declares {${name}}`);
      const ops = VERBS.filter((v) => item[v]);
      assert.ok(ops.length > 0, `${p} has an operation`);
      for (const v of ops) {
        assert.ok(item[v].responses && Object.keys(item[v].responses).length > 0, `${v} ${p} has responses`);
        assert.ok(!ids.has(item[v].operationId), `operationId ${item[v].operationId} is unique`);
        ids.add(item[v].operationId);
      }
    }
    const post = await call(t, "POST", "sys/internal/specs/openapi", { body: {} });
    assert.equal(post.status, 200);
    assert.deepEqual(Object.keys(post.body.paths).sort(), Object.keys(paths).sort());
  });

  test("every read and list path of the document is served (none answers unsupported path or 405)", async () => {
    const doc = (await call(t, "GET", "sys/internal/specs/openapi")).body;
    const sample: Record<string, string> = { type: "encryption-key", plaintext: "plaintext", version: "1" };
    let replayed = 0;
    for (const [p, item] of Object.entries<any>(doc.paths)) {
      if (!item.get) continue;
      const listOnly = (item.get.parameters ?? []).some((x: any) => x.name === "list" && x.required);
      // A plugin type the catalog knows (an unknown one is 405 in Vault too); a transit export type otherwise.
      const value = (name: string) => (p.startsWith("/sys/plugins/") && name === "type" ? "secret" : (sample[name] ?? "x"));
      const path = p.slice(1).replace(/\{([^}]+)\}/g, (_m, name: string) => value(name));
      const r = await call(t, "GET", `${path}${listOnly ? "?list=true" : ""}`);
      replayed++;
      assert.notEqual(r.status, 405, `GET ${path}: ${r.text}`);
      const errors: string[] = r.body?.errors ?? [];
      assert.ok(!errors.some((e) => /unsupported path|no handler for route/.test(e)), `GET ${path} is served: ${r.status} ${r.text}`);
    }
    assert.ok(replayed > 30, `replayed ${replayed} paths`);
  });

  test("?help=1 on a path answers the OpenAPI description of the route it matches", async () => {
    const data = await call(t, "GET", `${kv}/data/app/db?help=1`);
    assert.equal(data.status, 200, data.text);
    assert.deepEqual(Object.keys(data.body.openapi.paths), [`/${kv}/data/{path}`]);
    assert.equal(data.body.openapi.openapi, "3.0.2");
    const token = await call(t, "GET", "auth/token/lookup-self?help=1");
    assert.deepEqual(Object.keys(token.body.openapi.paths), ["/auth/token/lookup-self"]);
    const tune = await call(t, "GET", `sys/mounts/${kv}/tune?help=1`);
    assert.ok(tune.body.openapi.paths["/sys/mounts/{path}/tune"], JSON.stringify(Object.keys(tune.body.openapi.paths)));
  });

  test("only the mounts the token can see: a token limited to one KV mount gets that mount, not the others", async () => {
    const token = await tokenWithPolicy(t, unique("oas-reader"), `path "${kv}/data/*" { capabilities = ["read"] }`);
    const paths = (await call(t, "GET", "sys/internal/specs/openapi", { token })).body.paths;
    assert.ok(paths[`/${kv}/data/{path}`]);
    assert.equal(paths[`/${transit}/encrypt/{name}`], undefined);
    assert.equal(paths[`/${legacy}/{path}`], undefined);
  });

  test("a mount tuned listing_visibility=unauth is listed to everyone; without a token only its type, description and options", async () => {
    // The Vault UI's login page draws its auth-method tabs from sys/internal/ui/mounts without a token
    // (pathInternalUIMountsRead: hasAccess is true for an unauth-listed mount; mountInfo only when authed).
    const approle = unique("oas-login");
    assert.equal((await call(t, "POST", `sys/auth/${approle}`, { body: { type: "approle", description: "team login" } })).status, 204);
    try {
      assert.equal((await call(t, "POST", `sys/auth/${approle}/tune`, { body: { listing_visibility: "unauth" } })).status, 204);
      const anonymous = await call(t, "GET", "sys/internal/ui/mounts", { token: null });
      assert.equal(anonymous.status, 200, anonymous.text);
      assert.deepEqual(anonymous.body.data.auth[`${approle}/`], { type: "approle", description: "team login", options: null });
      assert.equal(anonymous.body.data.secret["secret/"], undefined, "a mount without listing_visibility stays hidden");
      assert.ok((await call(t, "GET", "sys/internal/specs/openapi", { token: null })).body.paths[`/auth/${approle}/login`]);
      // A token without any access under the mount sees it too, with the full mount info.
      const token = await tokenWithPolicy(t, unique("oas-none"), `path "${kv}/data/*" { capabilities = ["read"] }`);
      const limited = (await call(t, "GET", "sys/internal/ui/mounts", { token })).body.data.auth[`${approle}/`];
      assert.equal(limited.type, "approle");
      assert.equal(limited.config.listing_visibility, "unauth");
      // A token that is sent but not valid is refused rather than treated as none.
      for (const path of ["sys/internal/ui/mounts", "sys/internal/specs/openapi"]) {
        const bad = await call(t, "GET", path, { token: "hvs.not-a-valid-token" });
        assert.equal(bad.status, 403, `${path}: ${bad.text}`);
      }
    } finally {
      await call(t, "DELETE", `sys/auth/${approle}`);
    }
  });
});
