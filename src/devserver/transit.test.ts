import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, createPublicKey, verify } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDevServer, type DevServer } from "./index.js";
import { apiCaller } from "./test-support.js";

// Transit engine (openbao/docs/api/secret/transit.mdx; README §14.1):
// base64 plaintext, `vault:v<N>:` ciphertext, key versions, rotate/rewrap,
// min_decryption_version, batch_input order, derived keys, upsert rules,
// datakeys, HMAC, sign/verify, deletion_allowed, persistence.

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const SECRET = "canary-transit-Hq8";

describe("transit secrets engine", () => {
  let s: DevServer;
  const call = apiCaller(() => s);
  before(async () => {
    s = await startDevServer({ port: 0 });
    assert.equal((await call("POST", "sys/mounts/transit", { type: "transit" })).status, 204);
  });
  after(() => s.close());

  test("create, read and list a key: aes256-gcm96 by default, version 1 with its creation time", async () => {
    assert.equal((await call("POST", "transit/keys/app", {})).status, 204);
    const r = await call("GET", "transit/keys/app");
    assert.equal(r.status, 200);
    assert.equal(r.body.data.type, "aes256-gcm96");
    assert.equal(r.body.data.latest_version, 1);
    assert.equal(r.body.data.min_decryption_version, 1);
    assert.equal(typeof r.body.data.keys["1"], "number");
    assert.equal(r.body.data.supports_encryption, true);
    assert.equal(r.body.data.deletion_allowed, false);
    assert.ok(!JSON.stringify(r.body).match(/"key":|hmac_key/), "no key material on read");
    assert.deepEqual((await call("LIST", "transit/keys")).body.data.keys, ["app"]);
    assert.equal((await call("GET", "transit/keys/nope")).status, 404);
  });

  test("encrypt/decrypt round trip; ciphertext is vault:v1: + base64(nonce ‖ ciphertext ‖ tag); nonces differ", async () => {
    const e1 = await call("POST", "transit/encrypt/app", { plaintext: b64(SECRET) });
    const e2 = await call("POST", "transit/encrypt/app", { plaintext: b64(SECRET) });
    assert.equal(e1.status, 200);
    const ct = e1.body.data.ciphertext as string;
    assert.match(ct, /^vault:v1:[A-Za-z0-9+/]+=*$/);
    assert.equal(Buffer.from(ct.slice(9), "base64").length, 12 + SECRET.length + 16);
    assert.notEqual(ct, e2.body.data.ciphertext);
    assert.equal(e1.body.data.key_version, 1);
    assert.ok(!JSON.stringify(e1.body).includes(SECRET));
    const d = await call("POST", "transit/decrypt/app", { ciphertext: ct });
    assert.equal(Buffer.from(d.body.data.plaintext, "base64").toString(), SECRET);
  });

  test("tampered, foreign or malformed ciphertext is 400 and says nothing about the plaintext", async () => {
    const ct = (await call("POST", "transit/encrypt/app", { plaintext: b64(SECRET) })).body.data.ciphertext as string;
    const raw = Buffer.from(ct.slice(9), "base64");
    raw[20] ^= 1;
    const bad = await call("POST", "transit/decrypt/app", { ciphertext: `vault:v1:${raw.toString("base64")}` });
    assert.equal(bad.status, 400);
    assert.ok(!JSON.stringify(bad.body).includes(SECRET));
    assert.equal((await call("POST", "transit/decrypt/app", { ciphertext: "not-vault" })).status, 400);
    assert.equal((await call("POST", "transit/decrypt/app", { ciphertext: ct.replace("vault:v1:", "vault:v9:") })).status, 400);
    assert.equal((await call("POST", "transit/encrypt/app", { plaintext: "%%% not base64" })).status, 400);
  });

  test("rotate: new encryptions use v2, v1 still decrypts, rewrap moves v1 to v2, min_decryption_version retires v1", async () => {
    await call("POST", "transit/keys/rot", {});
    const v1 = (await call("POST", "transit/encrypt/rot", { plaintext: b64("old") })).body.data.ciphertext as string;
    assert.equal((await call("POST", "transit/keys/rot/rotate", {})).status, 204);
    const read = await call("GET", "transit/keys/rot");
    assert.equal(read.body.data.latest_version, 2);
    assert.deepEqual(Object.keys(read.body.data.keys).sort(), ["1", "2"]);
    const v2 = (await call("POST", "transit/encrypt/rot", { plaintext: b64("new") })).body.data.ciphertext as string;
    assert.match(v2, /^vault:v2:/);
    const re = await call("POST", "transit/rewrap/rot", { ciphertext: v1 });
    assert.match(re.body.data.ciphertext, /^vault:v2:/);
    assert.equal(Buffer.from((await call("POST", "transit/decrypt/rot", { ciphertext: re.body.data.ciphertext })).body.data.plaintext, "base64").toString(), "old");
    assert.equal((await call("POST", "transit/keys/rot/config", { min_decryption_version: 2 })).status, 204);
    const refused = await call("POST", "transit/decrypt/rot", { ciphertext: v1 });
    assert.equal(refused.status, 400);
    assert.match(refused.body.errors[0], /disallowed by policy/);
    assert.equal((await call("POST", "transit/keys/rot/config", { min_decryption_version: 3 })).status, 400);
    assert.equal((await call("POST", "transit/keys/rot/config", { auto_rotate_period: "24h" })).status, 204);
    assert.equal((await call("GET", "transit/keys/rot")).body.data.auto_rotate_period, 86400);
  });

  test("batch_input keeps the input order and references; one bad item fails that item and the batch status", async () => {
    const ok = await call("POST", "transit/encrypt/app", { batch_input: [{ plaintext: b64("a"), reference: "r1" }, { plaintext: b64("b"), reference: "r2" }] });
    assert.equal(ok.status, 200);
    const results = ok.body.data.batch_results as { ciphertext: string; reference: string }[];
    assert.deepEqual(results.map((x) => x.reference), ["r1", "r2"]);
    const dec = await call("POST", "transit/decrypt/app", { batch_input: results.map((x) => ({ ciphertext: x.ciphertext })) });
    assert.deepEqual(dec.body.data.batch_results.map((x: { plaintext: string }) => Buffer.from(x.plaintext, "base64").toString()), ["a", "b"]);
    const mixed = await call("POST", "transit/decrypt/app", { batch_input: [{ ciphertext: results[0]!.ciphertext }, { ciphertext: "garbage" }] });
    assert.equal(mixed.status, 400);
    assert.equal(typeof mixed.body.data.batch_results[0].plaintext, "string");
    assert.equal(typeof mixed.body.data.batch_results[1].error, "string");
  });

  test("derived keys need a context, and a different context does not decrypt", async () => {
    await call("POST", "transit/keys/tenant", { derived: true });
    assert.equal((await call("POST", "transit/encrypt/tenant", { plaintext: b64("x") })).status, 400);
    const ct = (await call("POST", "transit/encrypt/tenant", { plaintext: b64("x"), context: b64("tenant-1") })).body.data.ciphertext;
    assert.equal((await call("POST", "transit/decrypt/tenant", { ciphertext: ct, context: b64("tenant-2") })).status, 400);
    assert.equal(Buffer.from((await call("POST", "transit/decrypt/tenant", { ciphertext: ct, context: b64("tenant-1") })).body.data.plaintext, "base64").toString(), "x");
  });

  test("associated_data is authenticated", async () => {
    const ct = (await call("POST", "transit/encrypt/app", { plaintext: b64("x"), associated_data: b64("row-1") })).body.data.ciphertext;
    assert.equal((await call("POST", "transit/decrypt/app", { ciphertext: ct, associated_data: b64("row-2") })).status, 400);
    assert.equal((await call("POST", "transit/decrypt/app", { ciphertext: ct, associated_data: b64("row-1") })).status, 200);
  });

  test("upsert: encrypting with a missing key creates it with the create capability, not with update only; disable_upsert stops it", async () => {
    assert.equal((await call("POST", "sys/policies/acl/enc-update", { policy: 'path "transit/encrypt/*" { capabilities = ["update"] }' })).status, 204);
    const tok = (await call("POST", "auth/token/create", { policies: ["enc-update"] })).body.auth.client_token;
    assert.equal((await call("POST", "transit/encrypt/auto-1", { plaintext: b64("x") }, tok)).status, 403);
    assert.equal((await call("POST", "transit/encrypt/auto-1", { plaintext: b64("x") })).status, 200);
    assert.equal((await call("GET", "transit/keys/auto-1")).body.data.type, "aes256-gcm96");
    assert.equal((await call("POST", "transit/encrypt/auto-1", { plaintext: b64("x") }, tok)).status, 200, "update is enough once the key exists");
    assert.equal((await call("POST", "transit/config/keys", { disable_upsert: true })).status, 200);
    assert.equal((await call("POST", "transit/encrypt/auto-2", { plaintext: b64("x") })).status, 400);
    assert.equal((await call("POST", "transit/config/keys", { disable_upsert: false })).status, 200);
  });

  test("other AEAD types: aes128-gcm96 and chacha20-poly1305 round-trip", async () => {
    for (const type of ["aes128-gcm96", "chacha20-poly1305"]) {
      await call("POST", `transit/keys/${type}`, { type });
      const ct = (await call("POST", `transit/encrypt/${type}`, { plaintext: b64(type) })).body.data.ciphertext;
      assert.equal(Buffer.from((await call("POST", `transit/decrypt/${type}`, { ciphertext: ct })).body.data.plaintext, "base64").toString(), type);
    }
  });

  test("datakey: plaintext returns both halves, wrapped only the ciphertext; the ciphertext decrypts to the plaintext", async () => {
    const p = await call("POST", "transit/datakey/plaintext/app", {});
    assert.equal(Buffer.from(p.body.data.plaintext, "base64").length, 32);
    const d = await call("POST", "transit/decrypt/app", { ciphertext: p.body.data.ciphertext });
    assert.equal(d.body.data.plaintext, p.body.data.plaintext);
    const w = await call("POST", "transit/datakey/wrapped/app", { bits: 512 });
    assert.equal(w.body.data.plaintext, undefined);
    assert.equal(Buffer.from((await call("POST", "transit/decrypt/app", { ciphertext: w.body.data.ciphertext })).body.data.plaintext, "base64").length, 64);
  });

  test("hmac and its verification", async () => {
    const h = await call("POST", "transit/hmac/app/sha2-512", { input: b64("message") });
    assert.match(h.body.data.hmac, /^vault:v1:/);
    assert.equal(Buffer.from(h.body.data.hmac.slice(9), "base64").length, 64);
    assert.equal((await call("POST", "transit/verify/app/sha2-512", { input: b64("message"), hmac: h.body.data.hmac })).body.data.valid, true);
    assert.equal((await call("POST", "transit/verify/app/sha2-512", { input: b64("other"), hmac: h.body.data.hmac })).body.data.valid, false);
  });

  test("sign/verify with ecdsa-p256 and ed25519; the signature checks out against the key's published public key", async () => {
    for (const type of ["ecdsa-p256", "ed25519"]) {
      await call("POST", `transit/keys/${type}`, { type });
      const read = await call("GET", `transit/keys/${type}`);
      assert.equal(read.body.data.supports_signing, true);
      const pem = read.body.data.keys["1"].public_key as string;
      const sig = await call("POST", `transit/sign/${type}`, { input: b64("payload") });
      assert.equal(sig.status, 200);
      assert.match(sig.body.data.signature, /^vault:v1:/);
      const raw = Buffer.from(sig.body.data.signature.slice(9), "base64");
      // Independent check with node:crypto: SHA-256 + ASN.1 DER for ECDSA (Vault's default), plain Ed25519.
      assert.ok(verify(type === "ed25519" ? null : "sha256", Buffer.from("payload"), createPublicKey(pem), raw), type);
      assert.equal((await call("POST", `transit/verify/${type}`, { input: b64("payload"), signature: sig.body.data.signature })).body.data.valid, true);
      assert.equal((await call("POST", `transit/verify/${type}`, { input: b64("tampered"), signature: sig.body.data.signature })).body.data.valid, false);
    }
    assert.equal((await call("POST", "transit/sign/app", { input: b64("x") })).status, 400, "AES keys do not sign");
  });

  test("hash and random under the mount", async () => {
    const h = await call("POST", "transit/hash/sha2-256", { input: b64("abc") });
    assert.equal(h.body.data.sum, createHash("sha256").update("abc").digest("hex"));
    const r = await call("POST", "transit/random/16", { format: "hex" });
    assert.match(r.body.data.random_bytes, /^[0-9a-f]{32}$/);
  });

  test("deleting a key needs deletion_allowed", async () => {
    await call("POST", "transit/keys/temp", {});
    const refused = await call("DELETE", "transit/keys/temp");
    assert.equal(refused.status, 400);
    assert.match(refused.body.errors[0], /deletion is not allowed/);
    assert.equal((await call("POST", "transit/keys/temp/config", { deletion_allowed: true })).status, 204);
    assert.equal((await call("DELETE", "transit/keys/temp")).status, 204);
    assert.equal((await call("GET", "transit/keys/temp")).status, 404);
  });

  test("export and plaintext backup only for keys created exportable; restore brings a key back", async () => {
    assert.equal((await call("GET", "transit/export/encryption-key/app")).status, 400);
    await call("POST", "transit/keys/movable", { exportable: true, allow_plaintext_backup: true });
    const ct = (await call("POST", "transit/encrypt/movable", { plaintext: b64("keep") })).body.data.ciphertext;
    const ex = await call("GET", "transit/export/encryption-key/movable");
    assert.equal(Buffer.from(ex.body.data.keys["1"], "base64").length, 32);
    const backup = (await call("GET", "transit/backup/movable")).body.data.backup;
    await call("POST", "transit/keys/movable/config", { deletion_allowed: true });
    await call("DELETE", "transit/keys/movable");
    assert.equal((await call("POST", "transit/restore", { backup })).status, 204);
    assert.equal(Buffer.from((await call("POST", "transit/decrypt/movable", { ciphertext: ct })).body.data.plaintext, "base64").toString(), "keep");
  });
});

test("transit keys survive a restart with --data", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-transit-"));
  try {
    let s = await startDevServer({ port: 0, dataDir: dir });
    let call = apiCaller(() => s);
    await call("POST", "sys/mounts/transit", { type: "transit" });
    const ct = (await call("POST", "transit/encrypt/kept", { plaintext: b64(SECRET) })).body.data.ciphertext;
    await s.close();
    s = await startDevServer({ port: 0, dataDir: dir });
    call = apiCaller(() => s);
    const d = await call("POST", "transit/decrypt/kept", { ciphertext: ct });
    assert.equal(Buffer.from(d.body.data.plaintext, "base64").toString(), SECRET);
    await s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
