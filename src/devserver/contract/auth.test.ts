import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { call, mountKv2, openTarget, tokenWithPolicy, unique, unmount, type Target } from "./target.js";

// Tokens, ACL policies and AppRole: openbao/docs/api/auth/token.mdx,
// api/auth/approle.mdx, concepts/policies.mdx, concepts/tokens.mdx,
// vault-1.14/docs/faq/ssct.mdx; README facts §6, §7, §9.

const CT_PATCH = { "Content-Type": "application/merge-patch+json" };

describe("token auth contract", () => {
  let t: Target;
  before(async () => {
    t = await openTarget();
  });
  after(() => t.close());

  test("create: 200, data null, the token in auth with default policy added; unknown policies only warn", async () => {
    const policy = unique("nopolicy");
    const r = await call(t, "POST", "auth/token/create", { body: { policies: [policy], ttl: "1h", meta: { app: "web" }, display_name: "ci" } });
    assert.equal(r.status, 200);
    assert.equal(r.body.data, null);
    const a = r.body.auth;
    assert.ok(a.policies.includes("default") && a.policies.includes(policy));
    assert.equal(a.lease_duration, 3600);
    assert.equal(a.renewable, true);
    assert.equal(a.token_type, "service");
    assert.deepEqual(a.metadata, { app: "web" });
    assert.equal(a.orphan, false);
    assert.ok(Array.isArray(r.body.warnings) && r.body.warnings.some((w: string) => w.includes(policy)));
    if (!t.real) {
      assert.match(a.client_token, /^hvs\.[A-Za-z0-9]{91}$/, "Vault 1.10+ service token format, 95 characters");
    }
  });

  test("display_name: \"token-\" + the name, keeping its case, each character outside [a-zA-Z0-9-] a dash, one trailing dash cut", async () => {
    for (const [given, shown] of [
      ["", "token"],
      ["ci", "token-ci"],
      ["App One", "token-App-One"],
      ["deploy@Prod!!", "token-deploy-Prod-"],
      ["a.b_c", "token-a-b-c"],
    ] as const) {
      const r = await call(t, "POST", "auth/token/create", { body: { policies: ["default"], ttl: "5m", display_name: given } });
      assert.equal(r.status, 200, given);
      const d = (await call(t, "GET", "auth/token/lookup-self", { token: r.body.auth.client_token })).body.data;
      assert.equal(d.display_name, shown, given);
    }
  });

  test("lookup of a token that never expires (root): no lease, so no renewable and no issue_time; expire_time null, ttl 0", async () => {
    const root = await call(t, "POST", "auth/token/create", { body: { policies: ["root"], ttl: "0" } });
    assert.equal(root.status, 200);
    const d = (await call(t, "GET", "auth/token/lookup-self", { token: root.body.auth.client_token })).body.data;
    assert.equal(d.expire_time, null);
    assert.equal(d.ttl, 0);
    assert.equal("renewable" in d, false, "handleLookup sets renewable from the lease times");
    assert.equal("issue_time" in d, false, "and issue_time");
    for (const k of ["accessor", "creation_time", "creation_ttl", "display_name", "entity_id", "explicit_max_ttl", "id", "meta", "num_uses", "orphan", "path", "policies", "type"]) assert.ok(k in d, k);
    await call(t, "POST", "auth/token/revoke", { body: { token: root.body.auth.client_token } });
  });

  test("lookup-self, lookup and lookup-accessor describe the token; lookup-accessor hides the ID", async () => {
    const c = (await call(t, "POST", "auth/token/create", { body: { policies: ["default"], ttl: "30m", num_uses: 0 } })).body.auth;
    const self = await call(t, "GET", "auth/token/lookup-self", { token: c.client_token });
    assert.equal(self.status, 200);
    const d = self.body.data;
    assert.equal(d.id, c.client_token);
    assert.equal(d.accessor, c.accessor);
    assert.ok(d.ttl > 1700 && d.ttl <= 1800);
    assert.equal(d.creation_ttl, 1800);
    for (const k of ["creation_time", "display_name", "expire_time", "explicit_max_ttl", "issue_time", "meta", "num_uses", "orphan", "path", "policies", "renewable", "type"]) assert.ok(k in d, k);
    const other = await call(t, "POST", "auth/token/lookup", { body: { token: c.client_token } });
    assert.equal(other.body.data.accessor, c.accessor);
    const acc = await call(t, "POST", "auth/token/lookup-accessor", { body: { accessor: c.accessor } });
    assert.equal(acc.status, 200);
    assert.equal(acc.body.data.id, "");
    assert.equal(acc.body.data.accessor, c.accessor);
  });

  test("auth/token/lookup takes the token from the body or a GET query string, else looks up the caller; an unknown token is 403 'bad token'", async () => {
    const c = (await call(t, "POST", "auth/token/create", { body: { policies: ["default"], ttl: "30m" } })).body.auth;
    const get = await call(t, "GET", `auth/token/lookup?token=${encodeURIComponent(c.client_token)}`);
    assert.equal(get.status, 200);
    assert.equal(get.body.data.accessor, c.accessor, "the token named in the query, not the caller's");
    const bad = await call(t, "GET", "auth/token/lookup?token=hvs.not-a-token");
    assert.equal(bad.status, 403);
    assert.deepEqual(bad.body.errors, ["bad token"]);
    const own = await call(t, "POST", "auth/token/lookup", { body: {} });
    assert.equal(own.status, 200);
    assert.equal(own.body.data.id, t.token);
    // The default policy grants lookup-self, not lookup.
    assert.equal((await call(t, "GET", "auth/token/lookup", { token: c.client_token })).status, 403);
  });

  test("a token in the URL (Vault 1.14's urltoken) works for lookup, renew, revoke and revoke-orphan, with Vault's warning; the body's token wins", async () => {
    const warning = 'Using a token in the path is unsafe as the token can be logged in many places. Please use POST or PUT with the token passed in via the "token" parameter.';
    const mk = async () => (await call(t, "POST", "auth/token/create", { body: { ttl: "30m" } })).body.auth as { client_token: string; accessor: string };
    const a = await mk();
    const look = await call(t, "POST", `auth/token/lookup/${a.client_token}`, { body: {} });
    assert.equal(look.status, 200);
    assert.equal(look.body.data.accessor, a.accessor);
    assert.deepEqual(look.body.warnings, [warning]);
    const renew = await call(t, "POST", `auth/token/renew/${a.client_token}`, { body: { increment: "10m" } });
    assert.equal(renew.status, 200);
    assert.deepEqual(renew.body.warnings, [warning]);
    const b = await mk();
    const bodyWins = await call(t, "POST", `auth/token/lookup/${a.client_token}`, { body: { token: b.client_token } });
    assert.equal(bodyWins.body.data.accessor, b.accessor);
    assert.equal(bodyWins.body.warnings, null);
    const revoke = await call(t, "POST", `auth/token/revoke/${a.client_token}`, { body: {} });
    assert.equal(revoke.status, 200);
    assert.deepEqual(revoke.body.warnings, [warning]);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: a.client_token })).status, 403);
    const orphan = await call(t, "POST", `auth/token/revoke-orphan/${b.client_token}`, { body: {} });
    assert.equal(orphan.status, 200);
    assert.deepEqual(orphan.body.warnings, [warning]);
    // Without a URL token the revokes stay 204.
    const c = await mk();
    assert.equal((await call(t, "POST", "auth/token/revoke", { body: { token: c.client_token } })).status, 204);
  });

  test("renew-self extends the TTL from now; explicit_max_ttl caps it; a non-renewable token cannot renew", async () => {
    const c = (await call(t, "POST", "auth/token/create", { body: { ttl: "10m", explicit_max_ttl: "20m" } })).body.auth;
    const r = await call(t, "POST", "auth/token/renew-self", { token: c.client_token, body: { increment: "15m" } });
    assert.equal(r.status, 200);
    assert.ok(r.body.auth.lease_duration > 880 && r.body.auth.lease_duration <= 900);
    const capped = await call(t, "POST", "auth/token/renew", { body: { token: c.client_token, increment: "1h" } });
    assert.ok(capped.body.auth.lease_duration <= 1200, "capped by explicit_max_ttl");
    // Vault's warning names both durations as Go prints them, without zero minutes/seconds ("1h", "19m59s").
    assert.equal(capped.body.warnings.length, 1);
    assert.match(capped.body.warnings[0], /^TTL of "1h" exceeded the effective max_ttl of "(20m|19m5\ds)"; TTL value is capped accordingly$/);
    const nr = (await call(t, "POST", "auth/token/create", { body: { ttl: "10m", renewable: false } })).body.auth;
    assert.equal(nr.renewable, false);
    const fail = await call(t, "POST", "auth/token/renew-self", { token: nr.client_token, body: {} });
    assert.equal(fail.status, 400);
  });

  test("revoke removes the token and its children (204); revoke-orphan keeps the children", async () => {
    const parent = (await call(t, "POST", "auth/token/create", { body: { ttl: "10m" } })).body.auth.client_token;
    const child = (await call(t, "POST", "auth/token/create", { token: parent, body: { ttl: "5m" } })).body.auth.client_token;
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: child })).status, 200);
    assert.equal((await call(t, "POST", "auth/token/revoke", { body: { token: parent } })).status, 204);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: parent })).status, 403);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: child })).status, 403);
    const p2 = (await call(t, "POST", "auth/token/create", { body: { ttl: "10m" } })).body.auth.client_token;
    const c2 = (await call(t, "POST", "auth/token/create", { token: p2, body: { ttl: "5m" } })).body.auth.client_token;
    assert.equal((await call(t, "POST", "auth/token/revoke-orphan", { body: { token: p2 } })).status, 204);
    const orphan = await call(t, "GET", "auth/token/lookup-self", { token: c2 });
    assert.equal(orphan.status, 200);
    assert.equal(orphan.body.data.orphan, true);
    await call(t, "POST", "auth/token/revoke", { body: { token: c2 } });
  });

  test("revoke-self and revoke-accessor", async () => {
    const a = (await call(t, "POST", "auth/token/create", { body: { ttl: "10m" } })).body.auth;
    assert.equal((await call(t, "POST", "auth/token/revoke-self", { token: a.client_token })).status, 204);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: a.client_token })).status, 403);
    const b = (await call(t, "POST", "auth/token/create", { body: { ttl: "10m" } })).body.auth;
    assert.equal((await call(t, "POST", "auth/token/revoke-accessor", { body: { accessor: b.accessor } })).status, 204);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: b.client_token })).status, 403);
  });

  test("create-orphan gives an orphan; policies beyond the parent's are refused for a non-root parent", async () => {
    const o = await call(t, "POST", "auth/token/create-orphan", { body: { ttl: "5m" } });
    assert.equal(o.body.auth.orphan, true);
    const pol = unique("tokcreate");
    const limited = await tokenWithPolicy(t, pol, 'path "auth/token/create" { capabilities = ["update"] }');
    const ok = await call(t, "POST", "auth/token/create", { token: limited, body: { policies: [pol], ttl: "1m" } });
    assert.equal(ok.status, 200);
    const tooMuch = await call(t, "POST", "auth/token/create", { token: limited, body: { policies: [pol, "admin-everything"], ttl: "1m" } });
    assert.equal(tooMuch.status, 400);
    const orphan = await call(t, "POST", "auth/token/create", { token: limited, body: { no_parent: true, ttl: "1m" } });
    assert.equal(orphan.status, 400, "no_parent needs root or sudo");
    await call(t, "DELETE", `sys/policies/acl/${pol}`);
  });

  test("token roles: CRUD, and create/:role applies allowed policies, orphan, period and the role path", async () => {
    const role = unique("role");
    const allowed = unique("allowedpol");
    assert.equal((await call(t, "POST", `auth/token/roles/${role}`, { body: { allowed_policies: [allowed], orphan: true, token_period: "1h", disallowed_policies: "blocked" } })).status, 204);
    const read = await call(t, "GET", `auth/token/roles/${role}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.data.allowed_policies, [allowed]);
    assert.equal(read.body.data.orphan, true);
    assert.equal(read.body.data.token_period, 3600);
    assert.ok((await call(t, "LIST", "auth/token/roles")).body.data.keys.includes(role));
    const noPolicies = await call(t, "POST", `auth/token/create/${role}`, { body: {} });
    assert.equal(noPolicies.status, 200);
    assert.deepEqual(noPolicies.body.auth.policies, [allowed, "default"].sort());
    assert.equal(noPolicies.body.auth.orphan, true);
    assert.equal(noPolicies.body.auth.lease_duration, 3600);
    const self = await call(t, "GET", "auth/token/lookup-self", { token: noPolicies.body.auth.client_token });
    assert.equal(self.body.data.path, `auth/token/create/${role}`);
    assert.equal(self.body.data.period, 3600);
    assert.equal((await call(t, "POST", `auth/token/create/${role}`, { body: { policies: ["something-else"] } })).status, 400);
    assert.equal((await call(t, "POST", `auth/token/create/${role}`, { body: { policies: ["blocked"] } })).status, 400);
    assert.equal((await call(t, "POST", `auth/token/create/${unique("norole")}`, { body: {} })).status, 400);
    assert.equal((await call(t, "DELETE", `auth/token/roles/${role}`)).status, 204);
    assert.equal((await call(t, "GET", `auth/token/roles/${role}`)).status, 404);
  });

  test("num_uses: the token stops working after its last use", async () => {
    const tok = (await call(t, "POST", "auth/token/create", { body: { ttl: "5m", num_uses: 2 } })).body.auth.client_token;
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: tok })).status, 200);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: tok })).status, 200);
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: tok })).status, 403);
  });

  test("an expired token gets 403 permission denied", async () => {
    const tok = (await call(t, "POST", "auth/token/create", { body: { ttl: "1s" } })).body.auth.client_token;
    await new Promise((r) => setTimeout(r, 1300));
    const r = await call(t, "GET", "auth/token/lookup-self", { token: tok });
    assert.equal(r.status, 403);
    assert.match(r.body.errors.join(" "), /permission denied/);
  });
});

describe("ACL policy contract", () => {
  let t: Target;
  let m: string;
  before(async () => {
    t = await openTarget();
    m = await mountKv2(t, "acl");
    for (const p of ["team/a", "team/b", "other/c", "x/teamb", "y/z/teamb"]) await call(t, "POST", `${m}/data/${p}`, { body: { data: { v: p } } });
  });
  after(async () => {
    await unmount(t, m);
    await t.close();
  });

  test("deny by default; read grants read but not write; list needs list on the metadata folder", async () => {
    const tok = await tokenWithPolicy(t, unique("ro"), `path "${m}/data/team/*" { capabilities = ["read"] }`);
    assert.equal((await call(t, "GET", `${m}/data/team/a`, { token: tok })).status, 200);
    assert.equal((await call(t, "GET", `${m}/data/other/c`, { token: tok })).status, 403);
    assert.equal((await call(t, "POST", `${m}/data/team/a`, { token: tok, body: { data: { v: "x" } } })).status, 403);
    assert.equal((await call(t, "LIST", `${m}/metadata/team`, { token: tok })).status, 403);
    assert.equal((await call(t, "DELETE", `${m}/data/team/a`, { token: tok })).status, 403);
  });

  test("create vs update follows existence: create-only cannot overwrite, update-only cannot create", async () => {
    const createOnly = await tokenWithPolicy(t, unique("create"), `path "${m}/data/team/*" { capabilities = ["create"] }`);
    assert.equal((await call(t, "POST", `${m}/data/team/new-one`, { token: createOnly, body: { data: { v: "n" } } })).status, 200);
    assert.equal((await call(t, "POST", `${m}/data/team/a`, { token: createOnly, body: { data: { v: "x" } } })).status, 403);
    const updateOnly = await tokenWithPolicy(t, unique("update"), `path "${m}/data/team/*" { capabilities = ["update"] }`);
    assert.equal((await call(t, "POST", `${m}/data/team/a`, { token: updateOnly, body: { data: { v: "u" } } })).status, 200);
    assert.equal((await call(t, "POST", `${m}/data/team/brand-new`, { token: updateOnly, body: { data: { v: "n" } } })).status, 403);
  });

  test("patch capability is needed for PATCH", async () => {
    const rw = await tokenWithPolicy(t, unique("rw"), `path "${m}/data/team/*" { capabilities = ["read", "update", "create"] }`);
    const denied = await call(t, "PATCH", `${m}/data/team/b`, { token: rw, body: { data: { w: "1" } }, headers: CT_PATCH });
    assert.equal(denied.status, 403);
    const patcher = await tokenWithPolicy(t, unique("patch"), `path "${m}/data/team/*" { capabilities = ["patch", "read"] }`);
    assert.equal((await call(t, "PATCH", `${m}/data/team/b`, { token: patcher, body: { data: { w: "1" } }, headers: CT_PATCH })).status, 200);
  });

  test("+ matches one segment; the more specific pattern wins and capabilities are not unioned across patterns", async () => {
    const tok = await tokenWithPolicy(
      t,
      unique("wild"),
      `
      # glob over the whole mount: read + list
      path "${m}/data/*" { capabilities = ["read", "list"] }
      // one segment, then teamb: deny
      path "${m}/data/+/teamb" { capabilities = ["deny"] }
      /* an exact path: update only, so no read there */
      path "${m}/data/team/a" { capabilities = ["update"] }
      `,
    );
    assert.equal((await call(t, "GET", `${m}/data/other/c`, { token: tok })).status, 200);
    assert.equal((await call(t, "GET", `${m}/data/x/teamb`, { token: tok })).status, 403, "+/teamb beats the glob");
    assert.equal((await call(t, "GET", `${m}/data/y/z/teamb`, { token: tok })).status, 200, "+ is one segment only");
    assert.equal((await call(t, "GET", `${m}/data/team/a`, { token: tok })).status, 403, "exact rule wins and has no read");
    const caps = await call(t, "POST", "sys/capabilities-self", { token: tok, body: { paths: [`${m}/data/team/a`, `${m}/data/x/teamb`, `${m}/data/other/c`, "nowhere/at/all"] } });
    assert.deepEqual(caps.body.data[`${m}/data/team/a`], ["update"]);
    assert.deepEqual(caps.body.data[`${m}/data/x/teamb`], ["deny"]);
    assert.deepEqual(caps.body.data[`${m}/data/other/c`], ["list", "read"]);
    assert.deepEqual(caps.body.data["nowhere/at/all"], ["deny"]);
  });

  test("the same pattern in two policies is unioned; deny in either wins", async () => {
    const p1 = unique("u1");
    const p2 = unique("u2");
    const p3 = unique("u3");
    await call(t, "POST", `sys/policies/acl/${p1}`, { body: { policy: `path "${m}/data/team/a" { capabilities = ["read"] }` } });
    await call(t, "POST", `sys/policies/acl/${p2}`, { body: { policy: `path "${m}/data/team/a" { capabilities = ["update"] }` } });
    await call(t, "POST", `sys/policies/acl/${p3}`, { body: { policy: `path "${m}/data/team/a" { capabilities = ["deny"] }` } });
    const both = (await call(t, "POST", "auth/token/create", { body: { policies: [p1, p2], ttl: "5m" } })).body.auth.client_token;
    const caps = await call(t, "POST", "sys/capabilities-self", { token: both, body: { paths: [`${m}/data/team/a`] } });
    assert.deepEqual(caps.body.capabilities, ["read", "update"]);
    const denied = (await call(t, "POST", "auth/token/create", { body: { policies: [p1, p3], ttl: "5m" } })).body.auth.client_token;
    assert.equal((await call(t, "GET", `${m}/data/team/a`, { token: denied })).status, 403);
  });

  test("a policy change takes effect on the next request", async () => {
    const name = unique("live");
    const tok = await tokenWithPolicy(t, name, `path "${m}/data/other/*" { capabilities = ["read"] }`);
    assert.equal((await call(t, "GET", `${m}/data/other/c`, { token: tok })).status, 200);
    await call(t, "POST", `sys/policies/acl/${name}`, { body: { policy: `path "${m}/data/team/*" { capabilities = ["read"] }` } });
    assert.equal((await call(t, "GET", `${m}/data/other/c`, { token: tok })).status, 403);
    assert.equal((await call(t, "GET", `${m}/data/team/b`, { token: tok })).status, 200);
  });

  test("JSON policies work like HCL", async () => {
    const tok = await tokenWithPolicy(t, unique("json"), JSON.stringify({ path: { [`${m}/data/other/*`]: { capabilities: ["read"] } } }));
    assert.equal((await call(t, "GET", `${m}/data/other/c`, { token: tok })).status, 200);
    assert.equal((await call(t, "GET", `${m}/data/team/a`, { token: tok })).status, 403);
  });

  test("the default policy lets a token look itself up and use its cubbyhole, nothing else", async () => {
    const tok = (await call(t, "POST", "auth/token/create", { body: { ttl: "5m", policies: ["default"] } })).body.auth.client_token;
    assert.equal((await call(t, "GET", "auth/token/lookup-self", { token: tok })).status, 200);
    assert.equal((await call(t, "POST", "cubbyhole/note", { token: tok, body: { k: "v" } })).status, 204);
    assert.deepEqual((await call(t, "GET", "cubbyhole/note", { token: tok })).body.data, { k: "v" });
    assert.equal((await call(t, "GET", "cubbyhole/note")).status, 404, "another token's cubbyhole is separate");
    assert.equal((await call(t, "GET", "sys/mounts", { token: tok })).status, 403);
    assert.equal((await call(t, "GET", `${m}/data/team/a`, { token: tok })).status, 403);
  });

  test("sudo-protected paths need sudo on top of the capability", async () => {
    const noSudo = await tokenWithPolicy(t, unique("nosudo"), `path "sys/audit" { capabilities = ["read"] }\npath "sys/auth/*" { capabilities = ["create", "update"] }`);
    assert.equal((await call(t, "GET", "sys/audit", { token: noSudo })).status, 403);
    assert.equal((await call(t, "POST", `sys/auth/${unique("ar")}`, { token: noSudo, body: { type: "approle" } })).status, 403);
    const sudo = await tokenWithPolicy(t, unique("sudo"), `path "sys/audit" { capabilities = ["read", "sudo"] }`);
    assert.equal((await call(t, "GET", "sys/audit", { token: sudo })).status, 200);
  });
});

describe("AppRole contract", () => {
  let t: Target;
  let mount: string;
  before(async () => {
    t = await openTarget();
    mount = unique("approle");
    const r = await call(t, "POST", `sys/auth/${mount}`, { body: { type: "approle" } });
    assert.equal(r.status, 204);
  });
  after(async () => {
    await call(t, "DELETE", `sys/auth/${mount}`);
    await t.close();
  });

  test("sys/auth lists token/ and the new approle mount", async () => {
    const r = await call(t, "GET", "sys/auth");
    assert.equal(r.body.data["token/"].type, "token");
    assert.equal(r.body.data[`${mount}/`].type, "approle");
    assert.equal(r.body[`${mount}/`].type, "approle", "copied to the top level");
  });

  test("role create/read/list/delete with durations read back as seconds; legacy `policies` is accepted", async () => {
    const r = await call(t, "POST", `auth/${mount}/role/app1`, { body: { token_policies: ["p1", "p2"], token_ttl: "20m", token_max_ttl: "30m", secret_id_ttl: "10m", secret_id_num_uses: 40 } });
    assert.equal(r.status, 204);
    const read = await call(t, "GET", `auth/${mount}/role/app1`);
    assert.equal(read.status, 200);
    assert.equal(read.body.data.token_ttl, 1200);
    assert.equal(read.body.data.token_max_ttl, 1800);
    assert.equal(read.body.data.secret_id_ttl, 600);
    assert.equal(read.body.data.secret_id_num_uses, 40);
    assert.equal(read.body.data.bind_secret_id, true);
    assert.deepEqual(read.body.data.token_policies, ["p1", "p2"]);
    await call(t, "POST", `auth/${mount}/role/legacy`, { body: { policies: "p3" } });
    assert.deepEqual((await call(t, "GET", `auth/${mount}/role/legacy`)).body.data.token_policies, ["p3"]);
    const list = await call(t, "LIST", `auth/${mount}/role`);
    assert.deepEqual(list.body.data.keys, ["app1", "legacy"]);
    assert.equal((await call(t, "DELETE", `auth/${mount}/role/legacy`)).status, 204);
    assert.equal((await call(t, "GET", `auth/${mount}/role/legacy`)).status, 404);
  });

  test("login with role_id + secret_id gives a token with the role's policies; wrong credentials are 400 'invalid role or secret ID'", async () => {
    const name = unique("pol").toLowerCase();
    await call(t, "POST", `sys/policies/acl/${name}`, { body: { policy: 'path "secret/data/app/*" { capabilities = ["read"] }' } });
    await call(t, "POST", `auth/${mount}/role/web`, { body: { token_policies: [name], token_ttl: "1h" } });
    const roleId = (await call(t, "GET", `auth/${mount}/role/web/role-id`)).body.data.role_id;
    assert.equal(typeof roleId, "string");
    const sid = await call(t, "POST", `auth/${mount}/role/web/secret-id`, { body: {} });
    assert.equal(sid.status, 200);
    for (const k of ["secret_id", "secret_id_accessor", "secret_id_ttl", "secret_id_num_uses"]) assert.ok(k in sid.body.data, k);
    const login = await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: roleId, secret_id: sid.body.data.secret_id } });
    assert.equal(login.status, 200);
    assert.equal(login.body.data, null);
    assert.ok(login.body.auth.token_policies.includes(name));
    assert.ok(login.body.auth.policies.includes("default"));
    assert.equal(login.body.auth.lease_duration, 3600);
    assert.equal(login.body.auth.metadata.role_name, "web");
    const self = await call(t, "GET", "auth/token/lookup-self", { token: login.body.auth.client_token });
    assert.equal(self.status, 200);
    const wrongSecret = await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: roleId, secret_id: "00000000-0000-0000-0000-000000000000" } });
    assert.equal(wrongSecret.status, 400);
    assert.match(wrongSecret.body.errors[0], /invalid role or secret ID/);
    const wrongRole = await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: "nope", secret_id: sid.body.data.secret_id } });
    assert.equal(wrongRole.status, 400);
    assert.match(wrongRole.body.errors[0], /invalid role or secret ID/);
    await call(t, "DELETE", `sys/policies/acl/${name}`);
  });

  test("custom role-id and custom-secret-id; secret_id_num_uses limits logins; lookup and destroy by secret and accessor", async () => {
    await call(t, "POST", `auth/${mount}/role/custom`, { body: { token_policies: ["default"] } });
    assert.equal((await call(t, "POST", `auth/${mount}/role/custom/role-id`, { body: { role_id: "my-role-id" } })).status, 204);
    assert.equal((await call(t, "GET", `auth/${mount}/role/custom/role-id`)).body.data.role_id, "my-role-id");
    const custom = await call(t, "POST", `auth/${mount}/role/custom/custom-secret-id`, { body: { secret_id: "my-secret-id-1", num_uses: 1 } });
    assert.equal(custom.status, 200);
    assert.equal(custom.body.data.secret_id, "my-secret-id-1");
    const look = await call(t, "POST", `auth/${mount}/role/custom/secret-id/lookup`, { body: { secret_id: "my-secret-id-1" } });
    assert.equal(look.body.data.secret_id_accessor, custom.body.data.secret_id_accessor);
    assert.equal(look.body.data.secret_id_num_uses, 1);
    const byAcc = await call(t, "POST", `auth/${mount}/role/custom/secret-id-accessor/lookup`, { body: { secret_id_accessor: custom.body.data.secret_id_accessor } });
    assert.equal(byAcc.status, 200);
    const first = await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: "my-role-id", secret_id: "my-secret-id-1" } });
    assert.equal(first.status, 200);
    const second = await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: "my-role-id", secret_id: "my-secret-id-1" } });
    assert.equal(second.status, 400, "one use only");
    const s2 = (await call(t, "POST", `auth/${mount}/role/custom/secret-id`, { body: {} })).body.data;
    assert.equal((await call(t, "POST", `auth/${mount}/role/custom/secret-id/destroy`, { body: { secret_id: s2.secret_id } })).status, 204);
    assert.equal((await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: "my-role-id", secret_id: s2.secret_id } })).status, 400);
    const s3 = (await call(t, "POST", `auth/${mount}/role/custom/secret-id`, { body: {} })).body.data;
    assert.equal((await call(t, "POST", `auth/${mount}/role/custom/secret-id-accessor/destroy`, { body: { secret_id_accessor: s3.secret_id_accessor } })).status, 204);
    assert.equal((await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: "my-role-id", secret_id: s3.secret_id } })).status, 400);
  });

  test("bind_secret_id=false logs in with the role ID alone when a CIDR binding exists; missing role_id is 400", async () => {
    await call(t, "POST", `auth/${mount}/role/nobind`, { body: { bind_secret_id: false, secret_id_bound_cidrs: ["127.0.0.0/8"], token_policies: ["default"], token_num_uses: 3 } });
    const roleId = (await call(t, "GET", `auth/${mount}/role/nobind/role-id`)).body.data.role_id;
    const login = await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: roleId } });
    assert.equal(login.status, 200);
    assert.equal(login.body.auth.num_uses, 3);
    assert.equal((await call(t, "POST", `auth/${mount}/login`, { token: null, body: {} })).status, 400);
  });

  test("secret_id_bound_cidrs refuses a login from outside the blocks", async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never the address of a test client.
    await call(t, "POST", `auth/${mount}/role/fenced`, { body: { secret_id_bound_cidrs: ["192.0.2.0/24"], token_policies: ["default"] } });
    const roleId = (await call(t, "GET", `auth/${mount}/role/fenced/role-id`)).body.data.role_id;
    const secretId = (await call(t, "POST", `auth/${mount}/role/fenced/secret-id`, { body: {} })).body.data.secret_id;
    const r = await call(t, "POST", `auth/${mount}/login`, { token: null, body: { role_id: roleId, secret_id: secretId } });
    assert.equal(r.status, 400);
    assert.equal((await call(t, "POST", `auth/${mount}/role/fenced`, { body: { secret_id_bound_cidrs: ["not-a-cidr"] } })).status, 400);
  });
});
