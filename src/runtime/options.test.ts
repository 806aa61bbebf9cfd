import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONNECTION_ENV, resolveOptions } from "./options.js";

// CONNECTION_ENV is what a migrated app passes to a child given a scoped env
// so that it can load its secrets: each name must be one resolveOptions()
// actually reads, or the child would get a variable that does nothing.

test("every CONNECTION_ENV variable changes how the client connects or logs in", () => {
  const home = mkdtempSync(join(tmpdir(), "vaultshift-options-"));
  try {
    writeFileSync(join(home, ".vault-token"), "token-from-file\n");
    const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    const sample: Record<(typeof CONNECTION_ENV)[number], string> = {
      VAULT_ADDR: "https://vault.example.test:8200",
      VAULT_TOKEN: "token-from-env",
      VAULT_ROLE_ID: "role-id",
      VAULT_SECRET_ID: "secret-id",
      VAULT_NAMESPACE: "team-a",
      VAULT_CACERT: pem,
      VAULT_CAPATH: pem,
      VAULT_CLIENT_CERT: pem,
      VAULT_CLIENT_KEY: pem.replace(/CERTIFICATE/g, "PRIVATE KEY"),
      VAULT_TLS_SERVER_NAME: "vault.internal",
      VAULT_SKIP_VERIFY: "true",
      VAULT_CLIENT_TIMEOUT: "5s",
      VAULT_MAX_RETRIES: "7",
      VAULTSHIFT_HTTP_CLIENT: "node",
      HOME: home,
    };
    const shape = (env: Record<string, string>) => JSON.stringify(resolveOptions({ env }), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("utf8") : v));
    for (const name of CONNECTION_ENV) {
      // A secret ID only counts next to a role ID.
      const base: Record<string, string> = name === "VAULT_SECRET_ID" ? { VAULT_ROLE_ID: "role-id" } : {};
      assert.notEqual(shape({ ...base, [name]: sample[name] }), shape(base), `${name} is not read by resolveOptions`);
    }
    // And a variable outside the list changes nothing.
    assert.equal(shape({ VAULT_FORMAT: "json" }), shape({}));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
