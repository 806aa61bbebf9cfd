import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { VaultClient } from "./client.js";
import { VaultConfigError, VaultConnectionError } from "./errors.js";

// A self-signed certificate for 127.0.0.1, made with the openssl CLI for this run.
let dir: string;
let server: Server;
let address: string;
let caFile: string;
const clients: VaultClient[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "vs-tls-"));
  caFile = join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", caFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], {
    stdio: "ignore",
    timeout: 20_000,
  });
  server = createServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(caFile) }, (req, res) => {
    if (req.url?.startsWith("/v1/downgrade/")) {
      res.writeHead(307, { location: `http://127.0.0.1:9${req.url}` });
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.url?.startsWith("/v1/sys/internal/ui/mounts/") ? { data: { path: "secret/", type: "kv", options: { version: "2" } } } : { data: { data: { tls: "yes" }, metadata: { version: 1 } } }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  address = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const c of clients) c.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

function client(options: ConstructorParameters<typeof VaultClient>[0]): VaultClient {
  const c = new VaultClient({ address, timeout: 5000, token: "t", retries: 0, cacheTtl: 0, env: {}, ...options });
  clients.push(c);
  return c;
}

test("a custom CA given as PEM text, as a file path, or through VAULT_CACERT is trusted", async () => {
  const pem = readFileSync(caFile, "utf8");
  assert.equal((await client({ ca: pem }).getSecret("secret/x")).data.get("tls"), "yes");
  assert.equal((await client({ ca: caFile }).getSecret("secret/x")).data.get("tls"), "yes");
  const fromEnv = new VaultClient({ env: { VAULT_ADDR: address, VAULT_TOKEN: "t", VAULT_CACERT: caFile }, cacheTtl: 0 });
  clients.push(fromEnv);
  assert.equal((await fromEnv.getSecret("secret/x")).data.get("tls"), "yes");
  const fromDir = new VaultClient({ env: { VAULT_ADDR: address, VAULT_TOKEN: "t", VAULT_CAPATH: dir }, cacheTtl: 0 });
  clients.push(fromDir);
  assert.equal((await fromDir.getSecret("secret/x")).data.get("tls"), "yes");
});

test("an unreadable CA file or a malformed address is a VaultConfigError", () => {
  assert.throws(() => new VaultClient({ address, ca: join(dir, "missing.pem"), env: {} }), (e: unknown) => e instanceof VaultConfigError && /missing\.pem/.test(e.message));
  assert.throws(() => new VaultClient({ address: "127.0.0.1:8200", env: {} }), VaultConfigError);
  assert.throws(() => new VaultClient({ env: { VAULT_CLIENT_TIMEOUT: "soon" } }), VaultConfigError);
});

test("an unknown CA is refused with a VaultConnectionError naming the TLS problem", async () => {
  await assert.rejects(client({}).getSecret("secret/x"), (e: unknown) => e instanceof VaultConnectionError && /TLS certificate was rejected/.test(e.message));
});

test("verify: false and VAULT_SKIP_VERIFY accept any certificate", async () => {
  assert.equal((await client({ verify: false }).getSecret("secret/x")).data.get("tls"), "yes");
  const fromEnv = new VaultClient({ env: { VAULT_ADDR: address, VAULT_TOKEN: "t", VAULT_SKIP_VERIFY: "true" }, cacheTtl: 0 });
  clients.push(fromEnv);
  assert.equal((await fromEnv.getSecret("secret/x")).data.get("tls"), "yes");
});

test("a malformed address with credentials in it is not repeated in the error", () => {
  for (const address of ["htps//user:CANARY_addr_pw@vault:8200", "user:CANARY_addr_pw@vault:8200", "ftp://user:CANARY_addr_pw@vault"]) { // vaultshift:allow
    const err = (() => {
      try {
        new VaultClient({ address, env: {} });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(err instanceof VaultConfigError, address);
    assert.ok(!inspect(err, { depth: 10 }).includes("CANARY_addr_pw"), inspect(err));
  }
});

test("a redirect from https to http is refused (the token would travel in clear)", async () => {
  await assert.rejects(client({ verify: false }).request("GET", "downgrade/x"), (e: unknown) => e instanceof VaultConnectionError && /in clear/.test(e.message));
});
