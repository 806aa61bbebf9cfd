import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, openTarget, tokenWithPolicy, unique, type Target } from "./target.js";

// The sys/ endpoints the Vault UI, Prometheus and browser apps call:
// sys/internal/ui/resultant-acl (vault/logical_system.go pathInternalUIResultantACL),
// sys/internal/counters/{tokens,entities} (api-docs/system/internal-counters),
// sys/metrics (helper/metricsutil: go-metrics JSON, Prometheus text with
// ?format=prometheus or an openmetrics Accept header, 400 text/plain for an
// unknown format), and sys/config/cors with what it turns on (http/cors.go).

describe("sys/internal/ui/resultant-acl, sys/internal/counters, sys/metrics, sys/config/cors", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("resultant-acl: root is {root: true}; a policy's exact and * paths with Vault's capability order; + and templated paths are not listed", async () => {
    const root = await call(t, "GET", "sys/internal/ui/resultant-acl");
    assert.equal(root.status, 200);
    assert.deepEqual(root.body.data, { root: true });

    const name = unique("racl");
    const policy = [
      'path "secret/data/app/*" { capabilities = ["update", "read", "create"] }',
      'path "secret/metadata/app" { capabilities = ["list"] }',
      'path "secret/data/app/locked" { capabilities = ["deny"] }',
      'path "secret/data/+/shared" { capabilities = ["read"] }',
      'path "sys/wrapping/wrap" {\n  capabilities = ["update"]\n  min_wrapping_ttl = "1m"\n  max_wrapping_ttl = "1h"\n}',
    ].join("\n");
    const token = await tokenWithPolicy(t, name, policy);
    const r = await call(t, "GET", "sys/internal/ui/resultant-acl", { token });
    assert.equal(r.status, 200);
    assert.equal(r.body.data.root, false);
    // Prefix rules are keyed without the *, as Vault stores them.
    assert.deepEqual(r.body.data.glob_paths["secret/data/app/"], { capabilities: ["create", "read", "update"] });
    assert.deepEqual(r.body.data.exact_paths["secret/metadata/app"], { capabilities: ["list"] });
    assert.deepEqual(r.body.data.exact_paths["secret/data/app/locked"], { capabilities: ["deny"] });
    // The default policy's own stanzas are part of the token's ACL, and grant this very path.
    assert.deepEqual(r.body.data.exact_paths["sys/internal/ui/resultant-acl"], { capabilities: ["read"] });
    // Wrapping bounds in seconds; the default policy's stanza for the same path is unioned in (it sets no bounds).
    assert.deepEqual(r.body.data.exact_paths["sys/wrapping/wrap"], { capabilities: ["update"], min_wrapping_ttl: 60, max_wrapping_ttl: 3600 });
    const all = [...Object.keys(r.body.data.exact_paths), ...Object.keys(r.body.data.glob_paths)];
    assert.ok(!all.some((p) => p.includes("+")), "segment-wildcard rules are not walked");
    assert.ok(!all.some((p) => p.includes("{{")), "templated default-policy paths need an entity, which this token has not");
  });

  test("resultant-acl needs a token", async () => {
    const r = await call(t, "GET", "sys/internal/ui/resultant-acl", { token: null });
    assert.equal(r.status, 403);
    assert.match(r.body.errors[0], /permission denied/);
  });

  test("counters: service tokens counted (batch tokens are not), entities total 0 before any entity exists", async () => {
    const before = await call(t, "GET", "sys/internal/counters/tokens");
    assert.equal(before.status, 200);
    const n = before.body.data.counters.service_tokens.total;
    assert.equal(typeof n, "number");
    const svc = await call(t, "POST", "auth/token/create", { body: { policies: ["default"], ttl: "5m" } });
    const batch = await call(t, "POST", "auth/token/create", { body: { policies: ["default"], type: "batch", ttl: "5m" } });
    assert.equal(svc.status, 200);
    assert.equal(batch.status, 200);
    const after = await call(t, "GET", "sys/internal/counters/tokens");
    assert.equal(after.body.data.counters.service_tokens.total, n + 1);
    await call(t, "POST", "auth/token/revoke", { body: { token: svc.body.auth.client_token } });
    assert.equal((await call(t, "GET", "sys/internal/counters/tokens")).body.data.counters.service_tokens.total, n);
    const entities = await call(t, "GET", "sys/internal/counters/entities");
    assert.equal(entities.status, 200);
    assert.equal(typeof entities.body.data.counters.entities.total, "number");
    if (!t.real) assert.equal(entities.body.data.counters.entities.total, 0);
  });

  test("metrics: go-metrics JSON without a format; the token gauge and the request sample follow what happened", async () => {
    const r = await call(t, "GET", "sys/metrics");
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(r.body.request_id, undefined, "not the response envelope");
    for (const k of ["Timestamp", "Gauges", "Points", "Counters", "Samples"]) assert.ok(k in r.body, k);
    assert.match(r.body.Timestamp, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC$/);
    if (t.real) return; // a real Vault's gauge names carry its hostname unless telemetry sets disable_hostname
    const gauge = (body: any, name: string) => body.Gauges.find((g: any) => g.Name === name); // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(gauge(r.body, "vault.core.unsealed").Value, 1);
    const tokensBefore = gauge(r.body, "vault.token.count").Value;
    assert.deepEqual(gauge(r.body, "vault.token.count").Labels, { namespace: "root" });
    const created = await call(t, "POST", "auth/token/create", { body: { policies: ["default"], ttl: "30m" } });
    assert.equal(created.status, 200);
    let r2 = await call(t, "GET", "sys/metrics");
    assert.equal(gauge(r2.body, "vault.token.count").Value, tokensBefore + 1, "gauges are read now");
    // Counters and samples cover one 10 s interval: the last finished one (go-metrics DisplayMetrics), so the token
    // just created shows once its interval is over, as a scraper polling the JSON sees it. Poll for up to 12 s.
    // vault.token.creation with Vault's labels; a 30-minute token falls in the 1h bucket (metricsutil.TTLBucket).
    const findCreation = (body: any) => body.Counters.find((c: any) => c.Name === "vault.token.creation" && c.Labels.creation_ttl === "1h"); // eslint-disable-line @typescript-eslint/no-explicit-any
    for (let i = 0; i < 60 && !findCreation(r2.body); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      r2 = await call(t, "GET", "sys/metrics");
    }
    assert.match(r2.body.Timestamp, /:\d0 \+0000 UTC$/, "an interval starts on a 10 s boundary");
    const sample = r2.body.Samples.find((s: any) => s.Name === "vault.core.handle_request"); // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const k of ["Count", "Rate", "Sum", "Min", "Max", "Mean", "Stddev", "Labels"]) assert.ok(k in sample, k);
    assert.ok(sample.Count >= 1, "the token creation request was timed in the same interval");
    assert.ok(Math.abs(sample.Rate - sample.Sum / 10) < 1e-9, "Rate is Sum per second of the 10 s interval");
    const creation = findCreation(r2.body);
    assert.deepEqual(creation.Labels, { auth_method: "token", creation_ttl: "1h", mount_point: "auth/token/", namespace: "root", token_type: "service" });
    assert.ok(creation.Count >= 1);
    await call(t, "POST", "auth/token/revoke", { body: { token: created.body.auth.client_token } });
  });

  test("metrics: Prometheus text with ?format=prometheus or an openmetrics Accept header; unknown format 400 text/plain; a token without read is refused", async () => {
    const p = await call(t, "GET", "sys/metrics?format=prometheus");
    assert.equal(p.status, 200);
    assert.match(p.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    // Every sample line belongs to a family announced by # HELP and # TYPE.
    const families = new Set<string>();
    for (const line of p.text.trimEnd().split("\n")) {
      const typed = /^# TYPE (\S+) (gauge|counter|summary|untyped|histogram)$/.exec(line);
      if (typed) {
        families.add(typed[1]!);
        continue;
      }
      if (line.startsWith("# HELP ")) continue;
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (-?[0-9.e+]+|NaN)$/.exec(line);
      assert.ok(m, `not a Prometheus sample line: ${line}`);
      const base = m[1]!.replace(/_(sum|count)$/, "");
      assert.ok(families.has(m[1]!) || families.has(base), `sample without # TYPE: ${line}`);
    }
    if (!t.real) {
      assert.match(p.text, /^vault_core_unsealed 1$/m);
      assert.match(p.text, /^vault_token_count\{namespace="root"\} \d+$/m);
      assert.match(p.text, /^# TYPE vault_core_handle_request summary$/m);
    }
    const accept = await call(t, "GET", "sys/metrics", { headers: { Accept: "application/openmetrics-text; version=0.0.1" } });
    assert.equal(accept.status, 200);
    assert.match(accept.headers.get("content-type") ?? "", /^text\/plain/);
    assert.match(accept.text, /^# HELP /);
    const bad = await call(t, "GET", "sys/metrics?format=xml");
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get("content-type") ?? "", /^text\/plain/);
    assert.equal(bad.text, 'metric response format "xml" unknown');
    const token = await tokenWithPolicy(t, unique("nometrics"), 'path "secret/*" { capabilities = ["read"] }');
    assert.equal((await call(t, "GET", "sys/metrics", { token })).status, 403);
  });

  test("config/cors: off by default; enabling needs origins ('*' alone); reads back with Vault's standard headers; sudo-protected", async () => {
    const off = await call(t, "GET", "sys/config/cors");
    assert.equal(off.status, 200);
    assert.equal(off.body.data.enabled, false);
    assert.equal(off.body.enabled, false, "copied to the top level (README §3.5)");
    assert.equal((await call(t, "POST", "sys/config/cors", { body: {} })).status, 400);
    const mixed = await call(t, "POST", "sys/config/cors", { body: { allowed_origins: "http://a.test,*" } });
    assert.equal(mixed.status, 400);
    assert.match(mixed.body.errors[0], /'\*' must be the only value/);
    const noSudo = await tokenWithPolicy(t, unique("corsnosudo"), 'path "sys/config/cors" { capabilities = ["read", "update", "delete"] }');
    assert.equal((await call(t, "GET", "sys/config/cors", { token: noSudo })).status, 403);
    try {
      assert.equal((await call(t, "POST", "sys/config/cors", { body: { allowed_origins: ["http://a.test"], allowed_headers: "X-Custom" } })).status, 204);
      const on = await call(t, "GET", "sys/config/cors");
      assert.equal(on.body.data.enabled, true);
      assert.deepEqual(on.body.data.allowed_origins, ["http://a.test"]);
      for (const h of ["Content-Type", "X-Vault-Token", "X-Vault-Wrap-TTL", "Authorization", "X-Custom"]) assert.ok(on.body.data.allowed_headers.includes(h), h);

      // With an allowed Origin: the answer carries Access-Control-Allow-Origin and Vary.
      const ok = await call(t, "GET", "sys/config/cors", { headers: { Origin: "http://a.test" } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get("access-control-allow-origin"), "http://a.test");
      assert.equal(ok.headers.get("vary"), "Origin");
      // Another origin: 403 before any route or token is looked at.
      const other = await call(t, "GET", "sys/seal-status", { token: null, headers: { Origin: "http://evil.test" } });
      assert.equal(other.status, 403);
      assert.deepEqual(other.body, { errors: ["origin not allowed"] });
      // Preflight: LIST is allowed, PATCH is not on Vault's list; no token is needed.
      const pre = await call(t, "OPTIONS", "secret/metadata/", { token: null, headers: { Origin: "http://a.test", "Access-Control-Request-Method": "LIST" } });
      assert.equal(pre.status, 200);
      assert.equal(pre.text, "");
      assert.equal(pre.headers.get("access-control-allow-methods"), "DELETE,GET,OPTIONS,POST,PUT,LIST");
      assert.ok((pre.headers.get("access-control-allow-headers") ?? "").split(",").includes("X-Custom"));
      assert.equal(pre.headers.get("access-control-max-age"), "300");
      const prePatch = await call(t, "OPTIONS", "secret/data/x", { token: null, headers: { Origin: "http://a.test", "Access-Control-Request-Method": "PATCH" } });
      assert.equal(prePatch.status, 405);
      // Without an Origin header (CLI, SDKs) nothing changes.
      const plain = await call(t, "GET", "sys/seal-status", { token: null });
      assert.equal(plain.status, 200);
      assert.equal(plain.headers.get("access-control-allow-origin"), null);
    } finally {
      assert.equal((await call(t, "DELETE", "sys/config/cors")).status, 204);
    }
    assert.equal((await call(t, "GET", "sys/config/cors")).body.data.enabled, false);
    // Disabled again: an unknown origin is served as before.
    assert.equal((await call(t, "GET", "sys/seal-status", { token: null, headers: { Origin: "http://evil.test" } })).status, 200);
  });
});
