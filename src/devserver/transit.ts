import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, timingSafeEqual } from "node:crypto";
import { badRequest, notFound, unsupportedOperation, unsupportedPath, VaultHttpError } from "./http-error.js";
import { bool, duration, has, int, str, type Data } from "./fields.js";
import { tools } from "./sys-tools.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import type { State } from "./state.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const TRANSIT_ROUTES: readonly Route[] = [
  ["keys", "l"],
  ["keys/{name}", "rwd"],
  ["keys/{name}/config", "w"],
  ["keys/{name}/rotate", "w"],
  ["keys/{name}/trim", "w"],
  ["export/{type}/{name}", "r"],
  ["export/{type}/{name}/{version}", "r"],
  ["encrypt/{name}", "w", "c"],
  ["decrypt/{name}", "w"],
  ["rewrap/{name}", "w"],
  ["datakey/{plaintext}/{name}", "w"],
  ["random", "w"],
  ["random/{urlbytes}", "w"],
  ["hash", "w"],
  ["hash/{urlalgorithm}", "w"],
  ["hmac/{name}", "w"],
  ["hmac/{name}/{urlalgorithm}", "w"],
  ["sign/{name}", "w"],
  ["sign/{name}/{urlalgorithm}", "w"],
  ["verify/{name}", "w"],
  ["verify/{name}/{urlalgorithm}", "w"],
  ["backup/{name}", "r"],
  ["restore", "w"],
  ["restore/{name}", "w"],
  ["config/keys", "rw"],
  ["cache-config", "rw"],
];

// The transit secrets engine, the parts applications use
// (openbao/docs/api/secret/transit.mdx; README §14.1): named keys with
// versions, encrypt/decrypt/rewrap with `vault:v<N>:<base64>` ciphertext,
// batch_input, derived keys (context), datakeys, HMAC, sign/verify, rotate,
// key config (min versions, deletion_allowed), export and plaintext backup,
// random and hash. Plaintext, context and associated data are base64, as in
// Vault. The ciphertext body is nonce ‖ ciphertext ‖ tag as in Vault's AEAD
// keys, so it has the same length and shape, though only this server's keys
// can open it.

interface KeyVersion {
  /** Symmetric key (base64), or "" for asymmetric keys. */
  key: string;
  /** HMAC key of this version (base64). */
  hmacKey: string;
  /** PKCS#8 PEM of an asymmetric key. */
  privatePem?: string;
  time: number; // unix seconds
}

export interface TransitKey {
  name: string;
  type: string;
  derived: boolean;
  exportable: boolean;
  allowPlaintextBackup: boolean;
  deletionAllowed: boolean;
  minDecryptionVersion: number;
  minEncryptionVersion: number;
  minAvailableVersion: number;
  latestVersion: number;
  autoRotatePeriod: number;
  versions: Record<string, KeyVersion>;
}

export interface TransitStore {
  keys: Map<string, TransitKey>;
  disableUpsert: boolean;
  cacheSize: number;
}

const AEAD: Record<string, { cipher: string; bytes: number }> = {
  "aes128-gcm96": { cipher: "aes-128-gcm", bytes: 16 },
  "aes256-gcm96": { cipher: "aes-256-gcm", bytes: 32 },
  "chacha20-poly1305": { cipher: "chacha20-poly1305", bytes: 32 },
};
const ASYMMETRIC = new Set(["ecdsa-p256", "ecdsa-p384", "ecdsa-p521", "ed25519", "rsa-2048", "rsa-3072", "rsa-4096"]);
const HMAC_ONLY = "hmac";
const HASHES: Record<string, string> = { "sha1": "sha1", "sha2-224": "sha224", "sha2-256": "sha256", "sha2-384": "sha384", "sha2-512": "sha512", "sha3-224": "sha3-224", "sha3-256": "sha3-256", "sha3-384": "sha3-384", "sha3-512": "sha3-512" };

function b64(data: Data, field: string, what = field): Buffer {
  const v = str(data, field);
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) throw badRequest(`failed to base64-decode ${what}`);
  return Buffer.from(v, "base64");
}

function newVersion(type: string): KeyVersion {
  const time = Math.floor(Date.now() / 1000);
  const hmacKey = randomBytes(32).toString("base64");
  const aead = AEAD[type];
  if (aead) return { key: randomBytes(aead.bytes).toString("base64"), hmacKey, time };
  if (type === HMAC_ONLY) return { key: randomBytes(32).toString("base64"), hmacKey, time };
  const pair =
    type === "ed25519"
      ? generateKeyPairSync("ed25519")
      : type.startsWith("ecdsa-")
        ? generateKeyPairSync("ec", { namedCurve: { "ecdsa-p256": "P-256", "ecdsa-p384": "P-384", "ecdsa-p521": "P-521" }[type]! })
        : generateKeyPairSync("rsa", { modulusLength: Number(type.slice(4)) });
  return { key: "", hmacKey, time, privatePem: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

function keyView(k: TransitKey): Data {
  const asym = ASYMMETRIC.has(k.type);
  const keys: Data = {};
  for (const [v, e] of Object.entries(k.versions)) {
    keys[v] = asym
      ? { name: k.type === "ed25519" ? "ed25519" : k.type.startsWith("rsa") ? "rsa" : "P-" + k.type.slice(7), public_key: createPublicKey(createPrivateKey(e.privatePem!)).export({ type: "spki", format: "pem" }).toString(), creation_time: new Date(e.time * 1000).toISOString() }
      : e.time;
  }
  return {
    allow_plaintext_backup: k.allowPlaintextBackup,
    auto_rotate_period: k.autoRotatePeriod,
    deletion_allowed: k.deletionAllowed,
    derived: k.derived,
    exportable: k.exportable,
    imported_key: false,
    keys,
    latest_version: k.latestVersion,
    min_available_version: k.minAvailableVersion,
    min_decryption_version: k.minDecryptionVersion,
    min_encryption_version: k.minEncryptionVersion,
    name: k.name,
    supports_decryption: !!AEAD[k.type],
    supports_derivation: !!AEAD[k.type] || k.type === "ed25519",
    supports_encryption: !!AEAD[k.type],
    supports_signing: ASYMMETRIC.has(k.type),
    type: k.type,
    ...(k.derived ? { kdf: "hkdf_sha256" } : {}),
  };
}

function createKey(name: string, d: Data): TransitKey {
  const type = str(d, "type", "aes256-gcm96");
  if (!AEAD[type] && !ASYMMETRIC.has(type) && type !== HMAC_ONLY) throw badRequest(`unknown key type ${JSON.stringify(type).slice(0, 40)}`);
  const derived = bool(d, "derived");
  if (derived && !AEAD[type] && type !== "ed25519") throw badRequest(`key derivation and convergent encryption not supported for keys of type ${type}`);
  if (bool(d, "convergent_encryption")) throw badRequest("convergent encryption is not supported by the vaultshift dev server");
  const exportable = bool(d, "exportable");
  return {
    name,
    type,
    derived,
    exportable,
    allowPlaintextBackup: bool(d, "allow_plaintext_backup"),
    deletionAllowed: false,
    minDecryptionVersion: 1,
    minEncryptionVersion: 0,
    minAvailableVersion: 0,
    latestVersion: 1,
    autoRotatePeriod: duration(d, "auto_rotate_period"),
    versions: { "1": newVersion(type) },
  };
}

/** The AEAD key of a version, derived from the request's context for derived keys (HKDF-SHA256, as Vault's kdf 1). */
function aeadKey(k: TransitKey, version: number, item: Data): Buffer {
  const key = Buffer.from(k.versions[String(version)]!.key, "base64");
  if (!k.derived) return key;
  if (!str(item, "context")) throw badRequest("missing 'context' for key derivation; the key was created using a derived key, which means additional, per-request information must be included in order to perform operations with the key");
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), b64(item, "context"), key.length));
}

function encryptOne(k: TransitKey, item: Data, versionWanted: number): { ciphertext: string; key_version: number } {
  const aead = AEAD[k.type];
  if (!aead) throw badRequest(`key type ${k.type} does not support encryption`);
  let version = versionWanted || k.latestVersion;
  if (versionWanted === 0 && k.minEncryptionVersion > 0) version = Math.max(version, k.minEncryptionVersion);
  if (!k.versions[String(version)]) throw badRequest("invalid key version");
  if (k.minEncryptionVersion > 0 && version < k.minEncryptionVersion) throw badRequest("cannot encrypt with a key version below the minimum encryption version");
  const plaintext = b64(item, "plaintext");
  const nonce = randomBytes(12);
  const cipher = createCipheriv(aead.cipher, aeadKey(k, version, item), nonce, { authTagLength: 16 } as never) as ReturnType<typeof createCipheriv> & { setAAD(b: Buffer): void; getAuthTag(): Buffer };
  if (str(item, "associated_data")) cipher.setAAD(b64(item, "associated_data"));
  const body = Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: `vault:v${version}:${body.toString("base64")}`, key_version: version };
}

function parseVersioned(value: string, what: string): { version: number; body: Buffer } {
  const m = /^vault:v(\d+):([A-Za-z0-9+/=_-]*)$/.exec(value);
  if (!m) throw badRequest(`invalid ${what}: no prefix`);
  return { version: Number(m[1]), body: Buffer.from(m[2]!, "base64") };
}

function checkDecryptVersion(k: TransitKey, version: number): void {
  if (version < k.minDecryptionVersion) throw badRequest("ciphertext or signature version is disallowed by policy (too old)");
  if (!k.versions[String(version)]) throw badRequest("invalid ciphertext: version is too new or was trimmed");
}

function decryptOne(k: TransitKey, item: Data): Buffer {
  const aead = AEAD[k.type];
  if (!aead) throw badRequest(`key type ${k.type} does not support decryption`);
  const { version, body } = parseVersioned(str(item, "ciphertext"), "ciphertext");
  checkDecryptVersion(k, version);
  if (body.length < 28) throw badRequest("invalid ciphertext: too short");
  const decipher = createDecipheriv(aead.cipher, aeadKey(k, version, item), body.subarray(0, 12), { authTagLength: 16 } as never) as ReturnType<typeof createDecipheriv> & { setAAD(b: Buffer): void; setAuthTag(b: Buffer): void };
  if (str(item, "associated_data")) decipher.setAAD(b64(item, "associated_data"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]);
  } catch {
    throw badRequest("cipher: message authentication failed");
  }
}

/** Runs `one` on the request, or on each item of batch_input (per-item errors, 400 if any item failed, as Vault). */
function perItem(d: Data, one: (item: Data) => Data): LogicalResponse {
  const batch = d.batch_input;
  if (batch === undefined) return { data: one(d) };
  if (!Array.isArray(batch) || batch.length === 0) throw badRequest("missing batch input to process");
  let failed = false;
  const results = batch.map((raw) => {
    const item = (raw && typeof raw === "object" ? raw : {}) as Data;
    const reference = typeof item.reference === "string" ? { reference: item.reference } : {};
    try {
      return { ...one({ ...d, ...item, batch_input: undefined }), ...reference };
    } catch (error) {
      if (!(error instanceof VaultHttpError)) throw error;
      failed = true;
      return { error: error.errors[0] ?? "error", ...reference };
    }
  });
  return { data: { batch_results: results }, ...(failed ? { status: 400 } : {}) };
}

function hashName(req: LogicalRequest, fromPath: string | undefined): string {
  const name = fromPath ?? str(req.data, "hash_algorithm", str(req.data, "algorithm", "sha2-256"));
  const node = HASHES[name];
  if (!node) throw badRequest(`unsupported hash algorithm ${JSON.stringify(name).slice(0, 40)}`);
  return node;
}

function signOne(k: TransitKey, item: Data, hash: string): Data {
  if (!ASYMMETRIC.has(k.type)) throw badRequest(`key type ${k.type} does not support signing`);
  const version = int(item, "key_version") || k.latestVersion;
  const e = k.versions[String(version)];
  if (!e) throw badRequest("invalid key version");
  const input = b64(item, "input");
  const key = createPrivateKey(e.privatePem!);
  const pss = k.type.startsWith("rsa") && str(item, "signature_algorithm", "pss") === "pss";
  const sig =
    k.type === "ed25519"
      ? sign(null, input, key)
      : sign(bool(item, "prehashed") ? null : hash, input, pss ? { key, padding: 6, saltLength: 32 } : { key, dsaEncoding: str(item, "marshaling_algorithm", "asn1") === "jws" ? "ieee-p1363" : "der" });
  return { signature: `vault:v${version}:${sig.toString("base64")}`, key_version: version };
}

function verifyOne(k: TransitKey, item: Data, hash: string): Data {
  const input = b64(item, "input");
  if (str(item, "hmac")) {
    const { version, body } = parseVersioned(str(item, "hmac"), "hmac");
    checkDecryptVersion(k, version);
    const want = createHmac(hash, Buffer.from(k.versions[String(version)]!.hmacKey, "base64")).update(input).digest();
    return { valid: body.length === want.length && timingSafeEqual(body, want) };
  }
  if (!ASYMMETRIC.has(k.type)) throw badRequest(`key type ${k.type} does not support verification`);
  const { version, body } = parseVersioned(str(item, "signature"), "signature");
  checkDecryptVersion(k, version);
  const key = createPublicKey(createPrivateKey(k.versions[String(version)]!.privatePem!));
  const pss = k.type.startsWith("rsa") && str(item, "signature_algorithm", "pss") === "pss";
  const ok =
    k.type === "ed25519"
      ? verify(null, input, key, body)
      : verify(bool(item, "prehashed") ? null : hash, input, pss ? { key, padding: 6, saltLength: 32 } : { key, dsaEncoding: str(item, "marshaling_algorithm", "asn1") === "jws" ? "ieee-p1363" : "der" }, body);
  return { valid: ok };
}

function transitBackendHandlers(state: State): Backend {
  const stores = (state.transit ??= new Map());
  const store = (req: LogicalRequest): TransitStore => {
    const id = req.mount!.uuid;
    let s = stores.get(id);
    if (!s) {
      s = { keys: new Map(), disableUpsert: false, cacheSize: 0 };
      stores.set(id, s);
    }
    return s;
  };
  const must = (s: TransitStore, name: string, what = "encryption key not found"): TransitKey => {
    const k = s.keys.get(name);
    if (!k) throw badRequest(what);
    return k;
  };

  return {
    // encrypt/:name on a missing key is a create (it makes the key, "upsert"); everything else exists.
    exists(req) {
      const m = /^encrypt\/([^/]+)$/.exec(req.rel);
      return m ? store(req).keys.has(m[1]!) : true;
    },
    handle(req) {
      const s = store(req);
      const op = req.operation;
      const post = op === "create" || op === "update";
      const d = req.data;
      const parts = req.rel.replace(/\/$/, "").split("/");
      const [head = "", name = "", sub = "", extra] = parts;
      switch (head) {
        case "keys": {
          if (name === "") {
            if (op !== "list") throw unsupportedOperation();
            const keys = [...s.keys.keys()].sort();
            if (keys.length === 0) throw notFound();
            return { data: { keys } };
          }
          if (sub === "") {
            if (op === "read") {
              const k = s.keys.get(name);
              if (!k) throw notFound();
              return { data: keyView(k) };
            }
            if (op === "delete") {
              const k = s.keys.get(name);
              if (k && !k.deletionAllowed) throw badRequest("deletion is not allowed for this key");
              s.keys.delete(name);
              return undefined;
            }
            if (!post) throw unsupportedOperation();
            if (!s.keys.has(name)) s.keys.set(name, createKey(name, d));
            return undefined;
          }
          // import, import_version, csr, set-certificate, soft-delete (OpenBao): not served.
          if (sub !== "rotate" && sub !== "config" && sub !== "trim") throw unsupportedPath();
          const k = s.keys.get(name);
          if (!k) throw badRequest("encryption key not found");
          if (!post) throw unsupportedOperation();
          // rotate, config and trim answer 204, as the page shows no response for them.
          if (sub === "rotate") {
            k.latestVersion += 1;
            k.versions[String(k.latestVersion)] = newVersion(k.type);
            return undefined;
          }
          if (sub === "config") {
            const minDec = has(d, "min_decryption_version") ? int(d, "min_decryption_version") : k.minDecryptionVersion;
            const minEnc = has(d, "min_encryption_version") ? int(d, "min_encryption_version") : k.minEncryptionVersion;
            if (minDec < 0 || minDec > k.latestVersion) throw badRequest("cannot set min decryption version above the latest version");
            if (minEnc < 0 || minEnc > k.latestVersion) throw badRequest("cannot set min encryption version above the latest version");
            if (minEnc > 0 && minEnc < minDec) throw badRequest("min encryption version should not be less than min decryption version");
            k.minDecryptionVersion = Math.max(1, minDec);
            k.minEncryptionVersion = minEnc;
            if (has(d, "deletion_allowed")) k.deletionAllowed = bool(d, "deletion_allowed");
            if (has(d, "exportable")) {
              if (k.exportable && !bool(d, "exportable")) throw badRequest("exportable key cannot be made non-exportable");
              k.exportable = bool(d, "exportable");
            }
            if (has(d, "allow_plaintext_backup")) {
              if (k.allowPlaintextBackup && !bool(d, "allow_plaintext_backup")) throw badRequest("plaintext backup cannot be disabled once allowed");
              k.allowPlaintextBackup = bool(d, "allow_plaintext_backup");
            }
            if (has(d, "auto_rotate_period")) k.autoRotatePeriod = duration(d, "auto_rotate_period");
            return undefined;
          }
          if (sub === "trim") {
            const min = int(d, "min_available_version");
            if (min <= 0 || min > k.minDecryptionVersion || min > k.minEncryptionVersion && k.minEncryptionVersion > 0) throw badRequest("invalid min_available_version: it must be at least 1 and at most the min decryption and encryption versions");
            for (const v of Object.keys(k.versions)) if (Number(v) < min) delete k.versions[v];
            k.minAvailableVersion = min;
            return undefined;
          }
          return undefined;
        }
        case "encrypt": {
          if (!post || name === "" || sub !== "") throw unsupportedPath();
          let k = s.keys.get(name);
          if (!k) {
            // Upsert needs the create capability (ACL existence check) and is refused when disable_upsert is set.
            if (op !== "create" || s.disableUpsert) throw badRequest("encryption key not found");
            // A context on the creating request makes the new key a derived one, as in Vault.
            const context = str(d, "context") || (Array.isArray(d.batch_input) && typeof (d.batch_input[0] as Data | undefined)?.context === "string" && (d.batch_input[0] as Data).context !== "");
            k = createKey(name, { type: str(d, "type", "aes256-gcm96"), derived: has(d, "derived") ? d.derived : !!context });
            s.keys.set(name, k);
          }
          const key = k;
          return perItem(d, (item) => encryptOne(key, item, int(item, "key_version")));
        }
        case "decrypt": {
          if (!post || name === "") throw unsupportedOperation();
          const k = must(s, name);
          return perItem(d, (item) => ({ plaintext: decryptOne(k, item).toString("base64") }));
        }
        case "rewrap": {
          if (!post || name === "") throw unsupportedOperation();
          const k = must(s, name);
          return perItem(d, (item) => encryptOne(k, { ...item, plaintext: decryptOne(k, item).toString("base64") }, int(item, "key_version")));
        }
        case "datakey": {
          if (!post || (name !== "plaintext" && name !== "wrapped") || sub === "") throw unsupportedPath();
          const k = must(s, sub);
          const bits = has(d, "bits") ? int(d, "bits") : 256;
          if (![128, 256, 512].includes(bits)) throw badRequest("invalid bits value; must be 128, 256 or 512");
          const plain = randomBytes(bits / 8);
          const out = encryptOne(k, { ...d, plaintext: plain.toString("base64") }, int(d, "key_version"));
          return { data: { ...out, ...(name === "plaintext" ? { plaintext: plain.toString("base64") } : {}) } };
        }
        case "hmac": {
          if (!post || name === "") throw unsupportedOperation();
          const k = must(s, name);
          const hash = hashName(req, sub || undefined);
          return perItem(d, (item) => {
            const version = int(item, "key_version") || k.latestVersion;
            const e = k.versions[String(version)];
            if (!e) throw badRequest("invalid key version");
            const mac = createHmac(hash, Buffer.from(e.hmacKey, "base64")).update(b64(item, "input", "input")).digest("base64");
            return { hmac: `vault:v${version}:${mac}`, key_version: version };
          });
        }
        case "sign": {
          if (!post || name === "") throw unsupportedOperation();
          const k = must(s, name, "signing key not found");
          const hash = hashName(req, sub || undefined);
          return perItem(d, (item) => signOne(k, item, hash));
        }
        case "verify": {
          if (!post || name === "") throw unsupportedOperation();
          const k = must(s, name, "signature verification key not found");
          const hash = hashName(req, sub || undefined);
          return perItem(d, (item) => verifyOne(k, item, hash));
        }
        case "export": {
          if (op !== "read") throw unsupportedOperation();
          const [type, keyName, version] = [name, sub, extra];
          const k = s.keys.get(keyName);
          if (!k) throw notFound();
          if (!k.exportable) throw badRequest("private key material is not exportable");
          if (!["encryption-key", "signing-key", "hmac-key", "public-key"].includes(type)) throw badRequest("invalid export type");
          const keys: Data = {};
          for (const [v, e] of Object.entries(k.versions)) {
            if (version && version !== "latest" && v !== version) continue;
            if (version === "latest" && Number(v) !== k.latestVersion) continue;
            keys[v] = type === "hmac-key" ? e.hmacKey : type === "encryption-key" ? e.key : type === "public-key" ? createPublicKey(createPrivateKey(e.privatePem!)).export({ type: "spki", format: "pem" }).toString() : (e.privatePem ?? e.key);
          }
          return { data: { name: k.name, type: k.type, keys } };
        }
        case "backup": {
          if (op !== "read") throw unsupportedOperation();
          const k = s.keys.get(name);
          if (!k) throw badRequest("key not found");
          if (!k.exportable || !k.allowPlaintextBackup) throw badRequest("plaintext backup is disallowed on the policy");
          return { data: { backup: Buffer.from(JSON.stringify({ vaultshift_transit_backup: 1, key: k })).toString("base64") } };
        }
        case "restore": {
          if (!post) throw unsupportedOperation();
          let k: TransitKey;
          try {
            const parsed = JSON.parse(b64(d, "backup").toString("utf8")) as { vaultshift_transit_backup?: number; key?: TransitKey };
            if (parsed.vaultshift_transit_backup !== 1 || !parsed.key) throw new Error("not a backup");
            k = parsed.key;
          } catch {
            throw badRequest("failed to restore the key: the backup is not one this server made");
          }
          const target = name || k.name;
          if (s.keys.has(target) && !bool(d, "force")) throw badRequest(`key "${target}" already exists`);
          s.keys.set(target, { ...k, name: target });
          return undefined;
        }
        case "config":
          if (name === "keys") {
            if (post && has(d, "disable_upsert")) s.disableUpsert = bool(d, "disable_upsert");
            else if (op !== "read" && !post) throw unsupportedOperation();
            return { data: { disable_upsert: s.disableUpsert } };
          }
          throw unsupportedPath();
        case "cache-config":
          if (post) {
            const size = int(d, "size");
            if (size !== 0 && size < 10) throw badRequest("size must be 0 or a value greater or equal to 10");
            s.cacheSize = size;
            return undefined;
          }
          if (op !== "read") throw unsupportedOperation();
          return { data: { size: s.cacheSize } };
        case "random":
        case "hash":
          return tools(req, req.rel);
        default:
          throw unsupportedPath();
      }
    },
  };
}

/** The backend, answering on its registered routes only (routes.ts). */
export function transitBackend(state: State): RoutedBackend {
  return routed(TRANSIT_ROUTES, transitBackendHandlers(state));
}
