import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stateRoot } from "./state.js";
import { connectionFromEnv } from "./vault-store.js";

test("state lives in VAULTSHIFT_STATE_DIR, else XDG_STATE_HOME, else ~/.local/state", () => {
  assert.equal(stateRoot({ VAULTSHIFT_STATE_DIR: "/x/state", XDG_STATE_HOME: "/y" }), "/x/state");
  assert.equal(stateRoot({ XDG_STATE_HOME: "/y", HOME: "/home/u" }), "/y/vaultshift");
  // XDG Base Directory spec: a relative XDG_STATE_HOME is invalid and ignored.
  assert.equal(stateRoot({ XDG_STATE_HOME: "rel", HOME: "/home/u" }), "/home/u/.local/state/vaultshift");
});

test("the Vault connection follows the Vault CLI: env variables, ~/.vault-token, AppRole, flags win", () => {
  const home = mkdtempSync(join(tmpdir(), "vaultshift-conn-"));
  assert.deepEqual(connectionFromEnv({ HOME: home }), { address: "http://127.0.0.1:8200" });
  writeFileSync(join(home, ".vault-token"), "hvs.fromfile\n");
  assert.equal(connectionFromEnv({ HOME: home }).token, "hvs.fromfile");
  assert.equal(connectionFromEnv({ HOME: home, VAULT_TOKEN: "hvs.fromenv" }).token, "hvs.fromenv");
  const approle = connectionFromEnv({ HOME: home, VAULT_ADDR: "https://vault:8200", VAULT_ROLE_ID: "r", VAULT_SECRET_ID: "s", VAULT_NAMESPACE: "team/" });
  assert.deepEqual(approle, { address: "https://vault:8200", namespace: "team/", appRole: { roleId: "r", secretId: "s" } });
  assert.equal(connectionFromEnv({ HOME: home, VAULT_ADDR: "http://a" }, { address: "http://b" }).address, "http://b");
});
