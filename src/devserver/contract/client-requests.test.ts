import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { request as httpRequest } from "node:http";
import { call, mountKv2, openTarget, tokenWithPolicy, unique, unmount, type Target } from "./target.js";

// What real clients send that a tidy test may not: the headers of the
// official CLI/SDKs (X-Vault-Request, X-Vault-Namespace, Authorization:
// Bearer, X-Vault-Wrap-TTL), curl's habits (Expect: 100-continue, chunked
// bodies, HTTP/1.0, no Content-Type), odd bodies (BOM, empty, form-encoded),
// paths (trailing slashes, percent-encoded unicode, very long), and the calls
// clients make on connect (sys/internal/ui/mounts, sys/seal-status,
// sys/version-history, sys/leader, sys/host-info, token self-lookup, renew).
// Reference: openbao/docs/api/index.mdx and reference/vault-api/README.md §1–§4.

/** Sends raw bytes over one TCP connection and returns everything the server wrote until it closed (or 3 s passed). */
function raw(t: Target, chunks: (string | Buffer)[], opts: { waitFor100?: boolean } = {}): Promise<string> {
  const url = new URL(t.address);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let out = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(out);
    }, 3000);
    socket.on("data", (d) => {
      out += d.toString("utf8");
      if (opts.waitFor100 && out.includes("100 Continue") && chunks.length > 1) {
        for (const c of chunks.slice(1)) socket.write(c);
        chunks = [];
      }
    });
    socket.on("end", () => {
      clearTimeout(timer);
      resolve(out);
    });
    socket.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on("connect", () => {
      if (opts.waitFor100) socket.write(chunks[0]!);
      else for (const c of chunks) socket.write(c);
    });
  });
}

function statusOf(response: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);
}

function lastJson(response: string): any {
  const body = response.slice(response.lastIndexOf("\r\n\r\n") + 4);
  return JSON.parse(body);
}

describe("requests as real clients send them", () => {
  let t: Target;
  let kv: string;
  before(async () => {
    t = await openTarget();
    kv = await mountKv2(t, "clients");
    const w = await call(t, "POST", `${kv}/data/app`, { body: { data: { password: "canary-Zq3" } } });
    assert.equal(w.status, 200);
  });
  after(async () => {
    await unmount(t, kv);
    await t.close();
  });

  test("X-Vault-Request: true (sent by the CLI and SDKs) is accepted", async () => {
    const r = await call(t, "GET", `${kv}/data/app`, { headers: { "X-Vault-Request": "true" } });
    assert.equal(r.status, 200);
    assert.equal(r.body.data.data.password, "canary-Zq3");
  });

  test("X-Vault-Namespace is ignored, as HashiCorp Vault without namespaces (Enterprise-only) does", async () => {
    for (const ns of ["root", "/", "admin", "admin/team-a/"]) {
      const r = await call(t, "GET", `${kv}/data/app`, { headers: { "X-Vault-Namespace": ns } });
      assert.equal(r.status, 200, ns);
      assert.equal(r.body.data.data.password, "canary-Zq3", ns);
    }
  });

  test("Authorization: Bearer works like X-Vault-Token; with both, X-Vault-Token wins", async () => {
    const r = await call(t, "GET", `${kv}/data/app`, { token: null, headers: { Authorization: `Bearer ${t.token}` } });
    assert.equal(r.status, 200);
    const both = await call(t, "GET", `${kv}/data/app`, { headers: { Authorization: "Bearer not-a-token" } });
    assert.equal(both.status, 200);
    const wrong = await call(t, "GET", `${kv}/data/app`, { token: "hvs.not-a-token", headers: { Authorization: `Bearer ${t.token}` } });
    assert.equal(wrong.status, 403);
  });

  test("?help=1 answers 200 with help text to a valid token, 403 without one", async () => {
    const r = await call(t, "GET", `${kv}/data/app?help=1`);
    assert.equal(r.status, 200);
    assert.equal(typeof r.body.help, "string");
    assert.ok(!r.text.includes("canary-Zq3"));
    assert.equal((await call(t, "GET", `${kv}/data/app?help=1`, { token: null })).status, 403);
  });

  test("LIST, GET ?list=true and trailing slashes list the same keys; a non-boolean list is 400", async () => {
    await call(t, "POST", `${kv}/data/dir/a`, { body: { data: { k: "v" } } });
    const verbs = [await call(t, "LIST", `${kv}/metadata/dir`), await call(t, "LIST", `${kv}/metadata/dir/`), await call(t, "GET", `${kv}/metadata/dir?list=true`), await call(t, "GET", `${kv}/metadata/dir/?list=true`)];
    for (const r of verbs) assert.deepEqual(r.body?.data?.keys, ["a"]);
    assert.equal((await call(t, "GET", `${kv}/metadata/dir?list=maybe`)).status, 400);
  });

  test("trailing slashes on sys routes clients build by concatenation", async () => {
    assert.equal((await call(t, "GET", "sys/mounts/")).status, 200);
    assert.equal((await call(t, "GET", "auth/token/lookup-self/")).status, 200);
    assert.equal((await call(t, "GET", "sys/health/", { token: null })).status, 200);
    assert.equal((await call(t, "GET", "sys/seal-status/", { token: null })).status, 200);
  });

  test("PUT and POST are the same write", async () => {
    assert.equal((await call(t, "PUT", `${kv}/data/put`, { body: { data: { k: "put" } } })).status, 200);
    assert.equal((await call(t, "GET", `${kv}/data/put`)).body.data.data.k, "put");
  });

  test("X-Vault-Wrap-TTL on a KV read wraps the response; unwrap returns the secret once", async () => {
    const r = await call(t, "GET", `${kv}/data/app`, { headers: { "X-Vault-Wrap-TTL": "2m" } });
    assert.equal(r.status, 200);
    assert.equal(r.body.data, null);
    assert.equal(r.body.wrap_info.ttl, 120);
    assert.equal(r.body.wrap_info.creation_path, `${kv}/data/app`);
    assert.ok(!r.text.includes("canary-Zq3"));
    // The wrapping token as X-Vault-Token, no body (wrapping-unwrap.mdx)…
    const u = await call(t, "POST", "sys/wrapping/unwrap", { token: r.body.wrap_info.token });
    assert.equal(u.status, 200);
    assert.equal(u.body.data.data.password, "canary-Zq3");
    const again = await call(t, "POST", "sys/wrapping/unwrap", { token: r.body.wrap_info.token });
    assert.equal(again.status, 400);
    assert.match(again.body.errors[0], /wrapping token is not valid or does not exist/);
    // …or another token with {token} in the body.
    const r2 = await call(t, "GET", `${kv}/data/app`, { headers: { "X-Vault-Wrap-TTL": "60" } });
    const u2 = await call(t, "POST", "sys/wrapping/unwrap", { body: { token: r2.body.wrap_info.token } });
    assert.equal(u2.body.data.data.password, "canary-Zq3");
    assert.equal((await call(t, "POST", "sys/wrapping/unwrap", { body: { token: r2.body.wrap_info.token } })).status, 400);
  });

  test("bodies: no Content-Type, text/plain, a UTF-8 BOM, form-encoded, and an empty POST", async () => {
    const noType = await call(t, "POST", `${kv}/data/b1`, { raw: JSON.stringify({ data: { k: "1" } }) });
    assert.equal(noType.status, 200);
    const plain = await call(t, "POST", `${kv}/data/b2`, { raw: JSON.stringify({ data: { k: "2" } }), headers: { "Content-Type": "text/plain" } });
    assert.equal(plain.status, 200);
    const bom = await call(t, "POST", `${kv}/data/b3`, { raw: "\uFEFF" + JSON.stringify({ data: { k: "3" } }), headers: { "Content-Type": "application/json" } });
    assert.equal(bom.status, 200);
    assert.equal((await call(t, "GET", `${kv}/data/b3`)).body.data.data.k, "3");
    const form = await call(t, "POST", "auth/token/create", { raw: "ttl=15m&display_name=form", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    assert.equal(form.status, 200);
    assert.equal(form.body.auth.lease_duration, 900);
    const repeated = await call(t, "POST", "auth/token/create", { raw: "policies=default&policies=extra&ttl=60", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    assert.equal(repeated.status, 200);
    assert.deepEqual(repeated.body.auth.policies, ["default", "extra"]);
    const empty = await call(t, "POST", "auth/token/create", { raw: "" });
    assert.equal(empty.status, 200);
    assert.equal(typeof empty.body.auth.client_token, "string");
  });

  test("the Go client's JSON null body (Logical().Write(path, nil), Unwrap with the wrapping token as X-Vault-Token) is an empty request", async () => {
    const create = await call(t, "PUT", "auth/token/create", { raw: "null" });
    assert.equal(create.status, 200, create.text);
    assert.equal(typeof create.body.auth.client_token, "string");
    // Vault Agent unwrapping a response-wrapped AppRole secret ID: token header set to the wrapping token, body null.
    const w = await call(t, "POST", "sys/wrapping/wrap", { body: { secret_id: "not-a-real-one" }, headers: { "X-Vault-Wrap-TTL": "1m" } });
    const u = await call(t, "PUT", "sys/wrapping/unwrap", { token: w.body.wrap_info.token, raw: "null" });
    assert.equal(u.status, 200, u.text);
    assert.deepEqual(u.body.data, { secret_id: "not-a-real-one" });
    for (const raw of ['"text"', "42", "true"]) {
      const r = await call(t, "PUT", "auth/token/create", { raw, headers: { "Content-Type": "application/json" } });
      assert.equal(r.status, 400, raw);
      assert.match(r.body.errors[0], /^failed to parse JSON input: json: cannot unmarshal (string|number|boolean) into Go value/);
    }
  });

  test("Vault Agent auto-auth with a response-wrapped AppRole secret ID (command/agent/auth/approle): GET lookup, check creation_path, unwrap with a null body, log in", async () => {
    const mount = unique("agent-approle");
    assert.equal((await call(t, "POST", `sys/auth/${mount}`, { body: { type: "approle" } })).status, 204);
    try {
      assert.equal((await call(t, "POST", `auth/${mount}/role/web`, { body: { token_policies: ["default"], token_ttl: "20m" } })).status, 204);
      const roleId = (await call(t, "GET", `auth/${mount}/role/web/role-id`)).body.data.role_id as string;
      const wrapped = await call(t, "POST", `auth/${mount}/role/web/secret-id`, { raw: "null", headers: { "X-Vault-Wrap-TTL": "120s" } });
      assert.equal(wrapped.status, 200, wrapped.text);
      const wrappingToken = wrapped.body.wrap_info.token as string;
      // clonedClient.SetToken(wrapped); Logical().Read("sys/wrapping/lookup")
      const look = await call(t, "GET", "sys/wrapping/lookup", { token: wrappingToken, headers: { "X-Vault-Request": "true" } });
      assert.equal(look.status, 200, look.text);
      assert.equal(look.body.data.creation_path, `auth/${mount}/role/web/secret-id`);
      // Logical().Unwrap(""): PUT with the wrapping token as X-Vault-Token and the body `null`.
      const unwrapped = await call(t, "PUT", "sys/wrapping/unwrap", { token: wrappingToken, raw: "null", headers: { "X-Vault-Request": "true" } });
      assert.equal(unwrapped.status, 200, unwrapped.text);
      const secretId = unwrapped.body.data.secret_id as string;
      assert.equal(typeof secretId, "string");
      const login = await call(t, "PUT", `auth/${mount}/login`, { token: null, body: { role_id: roleId, secret_id: secretId } });
      assert.equal(login.status, 200, login.text);
      assert.equal(login.body.auth.lease_duration, 1200);
      assert.deepEqual(login.body.auth.metadata, { role_name: "web" });
    } finally {
      await call(t, "DELETE", `sys/auth/${mount}`);
    }
  });

  test("a method Node's parser does not know answers Vault's 405 with an empty errors list; a malformed request line stays 400", async () => {
    const r = await raw(t, [`FOO /v1/sys/health HTTP/1.1\r\nHost: x\r\n\r\n`]);
    assert.equal(statusOf(r), 405, r);
    assert.deepEqual(lastJson(r), { errors: [] });
    const bad = await raw(t, [`GET\r\n\r\n`]);
    assert.equal(statusOf(bad), 400, bad);
  });

  test("curl --data @payload.json: JSON sent as application/x-www-form-urlencoded is read as JSON (http/logical.go isForm)", async () => {
    // curl -d sets the form Content-Type; every curl sample of the API docs sends its JSON payload that way.
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const w = await call(t, "POST", `${kv}/data/curl-d`, { raw: JSON.stringify({ options: { cas: 0 }, data: { k: "v" } }), headers: form });
    assert.equal(w.status, 200, w.text);
    assert.equal(w.body.data.version, 1);
    assert.deepEqual((await call(t, "GET", `${kv}/data/curl-d`)).body.data.data, { k: "v" });
    const spaced = await call(t, "PUT", `${kv}/data/curl-d`, { raw: "\n  " + JSON.stringify({ options: { cas: 1 }, data: { k: "w" } }), headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" } });
    assert.equal(spaced.status, 200, spaced.text);
    assert.equal(spaced.body.data.version, 2);
    const array = await call(t, "POST", `${kv}/data/curl-d`, { raw: "[1]", headers: form });
    assert.equal(array.status, 400);
    assert.match(array.body.errors[0], /failed to parse JSON input/);
  });

  test("percent-encoded unicode paths: the key is stored decoded and listed decoded", async () => {
    const path = `${kv}/data/${encodeURIComponent("clés")}/${encodeURIComponent("ключ ü")}`;
    assert.equal((await call(t, "POST", path, { body: { data: { "名前": "値" } } })).status, 200);
    const r = await call(t, "GET", path);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data.data, { "名前": "値" });
    const l = await call(t, "LIST", `${kv}/metadata/${encodeURIComponent("clés")}`);
    assert.deepEqual(l.body.data.keys, ["ключ ü"]);
  });

  test("a very long path (20,000 characters) is served, not refused by a header limit", async () => {
    const name = "x".repeat(20_000);
    assert.equal((await call(t, "POST", `${kv}/data/${name}`, { body: { data: { k: "long" } } })).status, 200);
    assert.equal((await call(t, "GET", `${kv}/data/${name}`)).body.data.data.k, "long");
  });

  test("HTTP/1.0 without Host, and Connection: close: one answer, then the server closes", async () => {
    const r10 = await raw(t, [`GET /v1/sys/health HTTP/1.0\r\n\r\n`]);
    assert.equal(statusOf(r10), 200);
    assert.equal(lastJson(r10).initialized, true);
    const rc = await raw(t, [`GET /v1/${kv}/data/app HTTP/1.1\r\nHost: x\r\nX-Vault-Token: ${t.token}\r\nConnection: close\r\n\r\n`]);
    assert.equal(statusOf(rc), 200);
    assert.equal(lastJson(rc).data.data.password, "canary-Zq3");
  });

  test("Expect: 100-continue (curl sends it for large bodies): 100 first, then the answer", async () => {
    const body = JSON.stringify({ data: { big: "y".repeat(4096) } });
    const head = `POST /v1/${kv}/data/expect HTTP/1.1\r\nHost: x\r\nX-Vault-Token: ${t.token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`;
    const r = await raw(t, [head, body], { waitFor100: true });
    assert.match(r, /^HTTP\/1\.1 100 Continue\r\n/);
    assert.match(r, /HTTP\/1\.1 200 /);
    assert.equal((await call(t, "GET", `${kv}/data/expect`)).body.data.data.big.length, 4096);
  });

  test("a chunked request body is read whole", async () => {
    const body = JSON.stringify({ data: { part: "one-two" } });
    const a = body.slice(0, 10);
    const b = body.slice(10);
    const chunked = `${a.length.toString(16)}\r\n${a}\r\n${Buffer.byteLength(b).toString(16)}\r\n${b}\r\n0\r\n\r\n`;
    const r = await raw(t, [`PUT /v1/${kv}/data/chunked HTTP/1.1\r\nHost: x\r\nX-Vault-Token: ${t.token}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`, chunked]);
    assert.equal(statusOf(r), 200);
    assert.equal((await call(t, "GET", `${kv}/data/chunked`)).body.data.data.part, "one-two");
  });

  test("Accept-Encoding: gzip gets a plain JSON body (compression is optional)", async () => {
    const url = new URL(`${t.address}/v1/${kv}/data/app`);
    const { status, encoding, text } = await new Promise<{ status: number; encoding: string | undefined; text: string }>((resolve, reject) => {
      const req = httpRequest(url, { headers: { "X-Vault-Token": t.token, "Accept-Encoding": "gzip, deflate" } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], text: Buffer.concat(parts).toString("utf8") }));
      });
      req.on("error", reject);
      req.end();
    });
    assert.equal(status, 200);
    if (encoding === undefined) assert.equal(JSON.parse(text).data.data.password, "canary-Zq3");
    else assert.match(encoding, /gzip|deflate/);
  });

  test("unmounted path: 404 with errors; unsupported method: 405 with errors", async () => {
    const r = await call(t, "GET", `${unique("nomount")}/foo`);
    assert.equal(r.status, 404);
    assert.ok(Array.isArray(r.body.errors) && r.body.errors.length === 1);
    const m = await call(t, "DELETE", "sys/seal-status");
    assert.equal(m.status, 405);
    assert.ok(Array.isArray(m.body.errors));
  });

  test("the CLI's KV version discovery: sys/internal/ui/mounts/<path> gives the mount, its type and version", async () => {
    for (const p of [kv, `${kv}/app`, `${kv}/data/app`]) {
      const r = await call(t, "GET", `sys/internal/ui/mounts/${p}`);
      assert.equal(r.status, 200, p);
      assert.equal(r.body.data.type, "kv");
      assert.deepEqual(r.body.data.options, { version: "2" });
      assert.equal(r.body.data.path, `${kv}/`);
    }
  });

  test("the kv preflight refused: a missing mount or a token with nothing under the mount gets 403 naming the path, as the vault CLI shows it", async () => {
    const denied = (p: string) => `preflight capability check returned 403, please ensure client's policies grant access to path "${p}"`;
    const none = await call(t, "GET", `sys/internal/ui/mounts/${unique("nomount")}/app`);
    assert.equal(none.status, 403);
    assert.match(none.body.errors[0], /^preflight capability check returned 403, please ensure client's policies grant access to path "nomount-[0-9a-f]+\/app\/"$/);
    const other = await tokenWithPolicy(t, unique("preflight"), `path "${kv}/data/only/*" { capabilities = ["read"] }`);
    assert.equal((await call(t, "GET", `sys/internal/ui/mounts/${kv}/only/x`, { token: other })).status, 200);
    const kv1 = unique("pf-kv1");
    assert.equal((await call(t, "POST", `sys/mounts/${kv1}`, { body: { type: "kv" } })).status, 204);
    try {
      const r = await call(t, "GET", `sys/internal/ui/mounts/${kv1}`, { token: other });
      assert.equal(r.status, 403);
      assert.deepEqual(r.body.errors, [denied(`${kv1}/`)]);
    } finally {
      await unmount(t, kv1);
    }
    // A token that is not valid is refused like any request, before the mount is looked at.
    const bogus = await call(t, "GET", `sys/internal/ui/mounts/${kv}/app`, { token: "hvs.not-a-token" });
    assert.equal(bogus.status, 403);
    assert.match(bogus.body.errors[0], /permission denied/);
  });

  test("sys/mounts/<path>/tune read gives integer TTLs; a tune as the Go client sends it (empty TTL strings) changes nothing, \"system\" resets", async () => {
    const r = await call(t, "GET", `sys/mounts/${kv}/tune`);
    assert.equal(r.status, 200);
    for (const k of ["default_lease_ttl", "max_lease_ttl"]) assert.equal(typeof r.body.data[k], "number", k);
    assert.equal(typeof r.body.data.force_no_cache, "boolean");
    const system = r.body.data.default_lease_ttl as number;
    assert.equal((await call(t, "POST", `sys/mounts/${kv}/tune`, { body: { default_lease_ttl: "1h", max_lease_ttl: "2h" } })).status, 204);
    assert.equal((await call(t, "POST", `sys/mounts/${kv}/tune`, { body: { options: null, default_lease_ttl: "", max_lease_ttl: "", force_no_cache: false } })).status, 204);
    assert.equal((await call(t, "GET", `sys/mounts/${kv}/tune`)).body.data.default_lease_ttl, 3600);
    assert.equal((await call(t, "POST", `sys/mounts/${kv}/tune`, { body: { default_lease_ttl: "system", max_lease_ttl: "system" } })).status, 204);
    assert.equal((await call(t, "GET", `sys/mounts/${kv}/tune`)).body.data.default_lease_ttl, system);
  });

  test("enabling engines and auth methods as the Go client sends it (empty config strings, null options)", async () => {
    const cfg = { options: null, default_lease_ttl: "", max_lease_ttl: "", force_no_cache: false };
    const m = unique("go-kv");
    assert.equal((await call(t, "POST", `sys/mounts/${m}`, { body: { type: "kv-v2", description: "", config: cfg, local: false, seal_wrap: false, external_entropy_access: false, options: null } })).status, 204);
    assert.deepEqual((await call(t, "GET", `sys/mounts/${m}`)).body.data.options, { version: "2" });
    const a = unique("go-approle");
    assert.equal((await call(t, "POST", `sys/auth/${a}`, { body: { type: "approle", description: "", config: { ...cfg, token_type: "" }, local: false, seal_wrap: false, external_entropy_access: false, options: null } })).status, 204);
    await call(t, "DELETE", `sys/auth/${a}`);
    await unmount(t, m);
  });

  test("calls clients make on connect: seal-status version (Terraform gates features on it), leader, version-history, plugin catalog, ha-status, key-status, host-info", async () => {
    const s = await call(t, "GET", "sys/seal-status", { token: null });
    assert.match(s.body.version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof s.body.build_date, "string");
    const l = await call(t, "GET", "sys/leader", { token: null });
    assert.equal(l.status, 200);
    for (const k of ["ha_enabled", "is_self", "leader_address", "leader_cluster_address"]) assert.ok(k in l.body, k);
    const v = await call(t, "LIST", "sys/version-history");
    assert.equal(v.status, 200);
    assert.ok(v.body.data.keys.length >= 1);
    const info = v.body.data.key_info[v.body.data.keys[0]];
    assert.equal(typeof info.timestamp_installed, "string");
    const plugins = await call(t, "GET", "sys/plugins/catalog");
    assert.ok(plugins.body.data.secret.includes("kv") && plugins.body.data.auth.includes("approle"));
    assert.ok((await call(t, "LIST", "sys/plugins/catalog/secret")).body.data.keys.includes("transit"));
    const ha = await call(t, "GET", "sys/ha-status");
    assert.equal(ha.body.data.nodes.length, 1);
    assert.equal(ha.body.nodes[0].active_node, true, "sys/ha-status is copied to the top level (README §3.5)");
    assert.equal(typeof (await call(t, "GET", "sys/key-status")).body.data.term, "number");
    const h = await call(t, "GET", "sys/host-info");
    assert.equal(h.status, 200);
    assert.equal(typeof h.body.data.host.hostname, "string");
    assert.equal(typeof h.body.data.memory.total, "number");
  });

  test("token create as the Go client (vault CLI, Terraform) sends it: empty type, display_name, entity_alias and num_uses mean unset", async () => {
    const r = await call(t, "POST", "auth/token/create", { body: { policies: ["default"], ttl: "1h", display_name: "", num_uses: 0, type: "", entity_alias: "", renewable: true } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.auth.token_type, "service");
    assert.equal(r.body.auth.lease_duration, 3600);
    const idEmpty = await call(t, "POST", "auth/token/create", { body: { id: "", ttl: "1h" } });
    assert.equal(idEmpty.status, 200, idEmpty.text);
  });

  test("token self-lookup carries the fields clients read; renew-self counts the increment from now, capped by the max TTL", async () => {
    const c = await call(t, "POST", "auth/token/create", { body: { ttl: "10m", explicit_max_ttl: "2h", meta: { app: "web" }, policies: ["default"] } });
    const token = c.body.auth.client_token as string;
    const l = await call(t, "GET", "auth/token/lookup-self", { token });
    assert.equal(l.status, 200);
    const d = l.body.data;
    assert.deepEqual(d.policies, ["default"]);
    assert.ok(d.ttl > 590 && d.ttl <= 600, String(d.ttl));
    assert.equal(d.renewable, true);
    assert.equal(typeof d.entity_id, "string");
    assert.deepEqual(d.meta, { app: "web" });
    assert.equal(typeof d.expire_time, "string");
    assert.equal(typeof d.creation_time, "number");
    const r1 = await call(t, "POST", "auth/token/renew-self", { token, body: { increment: "1h" } });
    assert.equal(r1.status, 200);
    assert.equal(r1.body.auth.lease_duration, 3600);
    assert.equal(r1.body.auth.renewable, true);
    const r2 = await call(t, "POST", "auth/token/renew-self", { token, body: { increment: 30 * 86400 } });
    assert.ok(r2.body.auth.lease_duration <= 7200 && r2.body.auth.lease_duration > 7100, String(r2.body.auth.lease_duration));
    assert.ok(Array.isArray(r2.body.warnings), "capping is reported as a warning");
  });
});

describe("a Terraform-provider-like call sequence", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  // terraform-provider-vault: check the token, read the server version, create a
  // short-lived child token named "terraform", then create and read back
  // resources with it (mount, KV v2 secret, policy, auth backend, AppRole role),
  // and destroy them in reverse order. The Go client sends X-Vault-Request.
  test("configure, create, read back and destroy resources with a child token", async () => {
    const h = { "X-Vault-Request": "true" };
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { headers: h })).status, 200);
    assert.match((await call(t, "GET", "sys/seal-status", { headers: h })).body.version, /^\d+\.\d+\.\d+/);
    const child = await call(t, "POST", "auth/token/create", { headers: h, body: { display_name: "terraform", ttl: "1200s", explicit_max_ttl: "1200s", policies: ["root"], num_uses: 0, type: "", entity_alias: "" } });
    assert.equal(child.status, 200);
    const tf = child.body.auth.client_token as string;
    assert.equal(child.body.auth.lease_duration, 1200);
    const as = { token: tf, headers: h };
    const mount = unique("tf-kv");
    const auth = unique("tf-approle");
    const policy = unique("tf-policy");
    const created = await call(t, "POST", `sys/mounts/${mount}`, {
      ...as,
      body: { type: "kv", description: "managed by terraform", config: { default_lease_ttl: "0s", max_lease_ttl: "0s", force_no_cache: false, audit_non_hmac_request_keys: [], audit_non_hmac_response_keys: [] }, options: { version: "2" }, local: false, seal_wrap: false, external_entropy_access: false },
    });
    assert.equal(created.status, 204, created.text);
    const read = await call(t, "GET", `sys/mounts/${mount}`, as);
    assert.equal(read.status, 200);
    assert.equal(read.body.data.type, "kv");
    assert.deepEqual(read.body.data.options, { version: "2" });
    assert.equal(read.body.data.description, "managed by terraform");
    assert.equal((await call(t, "PUT", `${mount}/data/app`, { ...as, body: { data: { user: "tf", password: "canary-TF-1" }, options: {} } })).status, 200);
    assert.equal((await call(t, "POST", `${mount}/metadata/app`, { ...as, body: { custom_metadata: { owner: "platform" } } })).status, 204);
    const secret = await call(t, "GET", `${mount}/data/app`, as);
    assert.deepEqual(secret.body.data.metadata.custom_metadata, { owner: "platform" });
    assert.equal((await call(t, "GET", `${mount}/metadata/app`, as)).body.data.current_version, 1);
    assert.equal((await call(t, "PUT", `sys/policy/${policy}`, { ...as, body: { policy: `path "${mount}/data/*" { capabilities = ["read"] }` } })).status, 204);
    assert.match((await call(t, "GET", `sys/policy/${policy}`, as)).body.rules, /capabilities/);
    assert.equal((await call(t, "POST", `sys/auth/${auth}`, { ...as, body: { type: "approle", description: "", config: { default_lease_ttl: "0s", max_lease_ttl: "0s", token_type: "default-service" }, local: false } })).status, 204);
    assert.equal((await call(t, "GET", "sys/auth", as)).body.data[`${auth}/`].type, "approle");
    assert.equal((await call(t, "POST", `auth/${auth}/role/app`, { ...as, body: { token_policies: [policy], token_ttl: 3600, token_max_ttl: 7200, secret_id_num_uses: 0, secret_id_ttl: 0, token_bound_cidrs: [], bind_secret_id: true } })).status, 204);
    const role = await call(t, "GET", `auth/${auth}/role/app`, as);
    assert.deepEqual(role.body.data.token_policies, [policy]);
    assert.equal(role.body.data.token_ttl, 3600);
    assert.equal((await call(t, "GET", `auth/${auth}/role/app/role-id`, as)).status, 200);
    // Destroy, in reverse.
    assert.equal((await call(t, "DELETE", `auth/${auth}/role/app`, as)).status, 204);
    assert.equal((await call(t, "DELETE", `sys/auth/${auth}`, as)).status, 204);
    assert.equal((await call(t, "DELETE", `sys/policy/${policy}`, as)).status, 204);
    assert.equal((await call(t, "DELETE", `${mount}/metadata/app`, as)).status, 204);
    assert.equal((await call(t, "DELETE", `sys/mounts/${mount}`, as)).status, 204);
    assert.equal((await call(t, "GET", `sys/mounts/${mount}`, as)).status, 400);
    assert.equal((await call(t, "POST", "auth/token/revoke-self", as)).status, 204);
  });
});
