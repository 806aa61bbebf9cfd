import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDevServer, type DevServer } from "./index.js";
import { apiCaller } from "./test-support.js";

// Userpass auth: users/:username (password + token_* fields), password and
// policies sub-paths, login/:username without a token; the password is never
// returned, logged in clear or echoed in errors.

const PASSWORD = "canary-Pw-7Rk2";

describe("userpass auth", () => {
  let s: DevServer;
  let dir: string;
  const call = apiCaller(() => s);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "vaultshift-userpass-"));
    s = await startDevServer({ port: 0, auditLog: join(dir, "audit.log") });
    assert.equal((await call("POST", "sys/auth/userpass", { type: "userpass" })).status, 204);
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("create a user, log in without a token: auth block with metadata.username and the user's policies", async () => {
    assert.equal((await call("POST", "auth/userpass/users/Alice", { password: PASSWORD, token_policies: ["dev"], token_ttl: "30m" })).status, 204);
    const r = await call("POST", "auth/userpass/login/alice", { password: PASSWORD }, null);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.auth.metadata, { username: "alice" });
    assert.deepEqual(r.body.auth.policies, ["default", "dev"]);
    assert.equal(r.body.auth.lease_duration, 1800);
    const l = await call("GET", "auth/token/lookup-self", undefined, r.body.auth.client_token);
    assert.equal(l.body.data.path, "auth/userpass/login/alice");
    assert.equal(l.body.data.display_name, "userpass-alice");
    const keys = (await call("LIST", "sys/leases/lookup/auth/userpass/login/alice/")).body.data.keys;
    assert.equal(keys.length, 1);
    assert.match(keys[0], /^h[0-9a-f]{64}$/);
  });

  test("a wrong password or unknown user is 400 'invalid username or password', without the password", async () => {
    for (const [user, pw] of [["alice", "wrong"], ["nobody", PASSWORD], ["alice", ""]] as const) {
      const r = await call("POST", `auth/userpass/login/${user}`, { password: pw }, null);
      assert.equal(r.status, 400);
      assert.deepEqual(r.body.errors, ["invalid username or password"]);
    }
  });

  test("read shows token fields, never the password; password and policies can be changed", async () => {
    const r = await call("GET", "auth/userpass/users/alice");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data.token_policies, ["dev"]);
    assert.ok(!JSON.stringify(r.body).includes(PASSWORD));
    assert.ok(!("password" in r.body.data));
    assert.equal((await call("POST", "auth/userpass/users/alice/password", { password: "new-pass" })).status, 204);
    assert.equal((await call("POST", "auth/userpass/login/alice", { password: PASSWORD }, null)).status, 400);
    assert.equal((await call("POST", "auth/userpass/login/alice", { password: "new-pass" }, null)).status, 200);
    assert.equal((await call("POST", "auth/userpass/users/alice/policies", { token_policies: "ops" })).status, 204);
    assert.deepEqual((await call("POST", "auth/userpass/login/alice", { password: "new-pass" }, null)).body.auth.token_policies, ["default", "ops"]);
    assert.deepEqual((await call("LIST", "auth/userpass/users")).body.data.keys, ["alice"]);
    assert.equal((await call("POST", "auth/userpass/users/bob", {})).status, 400, "a new user needs a password");
    assert.equal((await call("DELETE", "auth/userpass/users/alice")).status, 204);
    assert.equal((await call("POST", "auth/userpass/login/alice", { password: "new-pass" }, null)).status, 400);
  });

  test("the audit log never holds the password in clear", () => {
    const log = readFileSync(join(dir, "audit.log"), "utf8");
    assert.ok(log.length > 0);
    assert.ok(!log.includes(PASSWORD));
    assert.ok(!log.includes("new-pass"));
  });
});
