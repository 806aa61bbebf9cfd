import { analyzeName, splitNameWords } from "./secret-name.js";
import { charClasses, entropyBits, shannonEntropy } from "./entropy.js";
import { judge } from "./judge.js";
import { isObviousFake, notSecretReason } from "./placeholder-filter.js";
import type { SecretKind } from "./types.js";
import { isRandomByteKey, parseByteList } from "./byte-key.js";

// Files that say by their path that they hold secrets, where a value is a secret whatever its own name:
//
// - A file holding one secret and nothing else, under a `secrets/` or `credentials/` directory, or named for
//   a secret: Docker Compose's file secrets (`secrets: db_password: file: ./secrets/db_password.txt`, mounted
//   at /run/secrets/<name>, https://docs.docker.com/compose/how-tos/use-secrets/), a Kubernetes Secret
//   mounted as a volume (one file per key, named by the key), systemd's LoadCredential= files. The file's
//   name is the service's (`secrets/stripe`, `credentials/sendgrid`): no name = value shape to read.
// - A secrets file of settings (`secrets.yaml` for ESPHome and Home Assistant, Moonraker's
//   `moonraker.secrets`, Arduino's `secrets.h`, `secrets.json`): the tools split secrets into these files so
//   that the rest can be shared; a key there is often named by the service or the room
//   (`spoolman: <key>`, `api_key_kueche: <key>`), which the name-based reading turns down.
//
// In both, a value still has to be random (as a .env value under a name that says nothing must be:
// judge.ts), so an SSID, a user name, a host or a port stays quiet.

const SECRETS_DIR = /(?:^|\/)\.?(?:secrets?|credentials?)\/(?:[^/]+\/)?[^/]+$/i;
// `secrets.yaml`, `secrets.h`, `secret.json`, `credentials.yml`, `moonraker.secrets`. Not `signing-secret.yaml`,
// `external-secret.yaml`: a Kubernetes manifest is named for the Secret object it declares (decoders.ts reads those).
const SECRETS_NAME = /^(?:secrets?|credentials)(?:\.(?:ya?ml|json|toml|ini|conf|cfg|properties|h|hpp|txt))?$|\.secrets$/i;
// A Kubernetes manifest's values are base64 (decoders.ts decodes a Secret's) or ciphertext (SealedSecret).
const MANIFEST = /^kind:[ \t]*["']?(?:Secret|SealedSecret|ExternalSecret|SecretStore)\b/m;
// What a one-secret file is called: no extension, or one that says "a value" rather than a format.
const ONE_VALUE_EXT = /^[^.]+$|\.(?:txt|secret|token|key|pass|password|psk)$/i;
// A pre-shared key file says so by its extension whatever its stem (Zabbix's `zabbix_agentd.psk`, written with
// `openssl rand -hex 32` and named in TLSPSKFile, https://www.zabbix.com/documentation/current/en/manual/encryption/using_pre_shared_keys).
const PSK_FILE = /\.psk$/i;
// Formats with their own readers or that hold public material: a one-secret file is none of these.
const STRUCTURED_EXT = /\.(?:pub|pem|crt|cer|csr|asc|gpg|enc|age|md|json|ya?ml|toml|xml|html?|js|ts|py|sh)$/i;

export interface SecretsFileKind {
  /** May hold one secret and nothing else (read when its whole content is one token). */
  oneValue: boolean;
  /** A file of settings kept for secrets. */
  settings: boolean;
}

/** How a file's path says it holds secrets, or null (most files: nothing more is read). */
export function secretsFileKind(file: string): SecretsFileKind | null {
  const base = file.slice(file.lastIndexOf("/") + 1);
  const oneValue = !STRUCTURED_EXT.test(base) && ONE_VALUE_EXT.test(base) && (SECRETS_DIR.test(file) || PSK_FILE.test(base) || analyzeName(stem(base)).strength === "strong");
  const settings = SECRETS_NAME.test(base);
  return oneValue || settings ? { oneValue, settings } : null;
}

function stem(base: string): string {
  const dot = base.indexOf(".", 1);
  return dot === -1 ? base : base.slice(0, dot);
}

const ID_WORDS = new Set(["id", "ids", "uuid", "guid", "user", "username", "login", "ssid", "host", "hostname", "port", "url", "uri", "email", "name", "domain", "region", "version"]);

/** A value random enough to be a key on its own: base62/base64 mixing three classes, or 32+ hex. */
export function randomValue(v: string): boolean {
  if (v.length < 16 || v.length > 4096 || /\s/.test(v)) return false;
  if (/^[0-9a-f]+$/i.test(v)) return v.length >= 32 && shannonEntropy(v) >= 3.0;
  return charClasses(v).count >= 3 && shannonEntropy(v) >= 3.5;
}

const ABOUT_WORDS = new Set(["public", "pub", "fingerprint", "hash", "hashed", "digest", "checksum", "sha1", "sha256", "sha512", "md5", "salt", "iv", "nonce", "length", "len", "size", "hint", "label", "ttl", "expiry", "expires"]);

/** A name whose words say the value is an id, a public half, a digest or a length: not the secret. */
function aboutTheSecret(name: string): boolean {
  const words = splitNameWords(name).map((w) => w.toLowerCase());
  return ID_WORDS.has(words[words.length - 1] ?? "") || words.some((w) => ABOUT_WORDS.has(w));
}

// `static const uint8_t AES_KEY[16] = { 0x3a, … };` (C, C++, Arduino) and `network_key: [131, 207, …]` (YAML flow list).
const C_BYTES = /\b([A-Za-z_]\w{0,63})[ \t]*\[[ \t]*\w{0,8}[ \t]*\](?:[ \t]+PROGMEM)?[ \t]*=[ \t]*\{([^{}\n]{16,400})\}/g;
const YAML_BYTES = /^[ \t]*["']?([A-Za-z_][\w.-]{0,63})["']?[ \t]*:[ \t]*\[([^[\]\n]{16,400})\]/gm;

export interface SecretsFileHit {
  kind: SecretKind;
  confidence: number;
  reason: string;
  secret: string;
  start: number;
  end: number;
  name: string;
}

function hit(name: string, value: string, start: number, where: string, testPath: boolean): SecretsFileHit | null {
  const j = judge(name, value, "env", testPath);
  if (j.secret && j.kind) return { kind: j.kind, confidence: j.confidence, reason: `${j.reason}; ${where}`, secret: value, start, end: start + value.length, name };
  // A qualifier after the key word (`api_key_kueche`, a room) made the name "about" a key for the generic
  // reading; here it is judged by its words: public halves, digests and ids stay quiet, as do values that are not random.
  if (aboutTheSecret(name)) return null;
  if (!randomValue(value) || notSecretReason(value, name.toLowerCase()) !== null || (testPath && isObviousFake(value))) return null;
  return { kind: "generic-secret", confidence: 0.6, reason: `a ${value.length}-character random value with ${entropyBits(value)} bits of entropy ${where}`, secret: value, start, end: start + value.length, name };
}

// `key: value`, `key = value`, `"key": "value",`, `#define KEY "value"`, `key value` (Moonraker's INI reads `:` and `=`).
const SETTING = /^[ \t]*(?:#define[ \t]+|export[ \t]+)?(["']?)([A-Za-z_][\w.-]{0,63})\1[ \t]*(?:[:=][ \t]*|[ \t]+)(["']?)([^\s"',;#]{16,4096})\3[ \t]*[,;]?[ \t]*\r?$/gm;

/** Secrets a file named for secrets holds under names the generic detector does not take. */
export function secretsFileHits(text: string, file: string, kind: SecretsFileKind, testPath: boolean): SecretsFileHit[] {
  if (kind.oneValue) {
    const value = text.trim();
    if (value.length > 0 && !/\s/.test(value)) {
      const base = file.slice(file.lastIndexOf("/") + 1);
      const one = hit(stem(base), value, text.indexOf(value), `as the whole content of ${base}, a file kept for one secret`, testPath);
      return one ? [one] : [];
    }
  }
  if (!kind.settings || MANIFEST.test(text)) return [];
  const out: SecretsFileHit[] = [];
  for (const m of text.matchAll(SETTING)) {
    const value = m[4]!;
    const one = hit(m[2]!, value, m.index + m[0].lastIndexOf(value), "in a file kept for secrets", testPath);
    if (one) out.push(one);
  }
  if (text.includes("[") && (text.includes("{") || text.includes(":"))) {
    for (const re of [C_BYTES, YAML_BYTES]) {
      for (const m of text.matchAll(re)) {
        const name = m[1]!;
        const bytes = parseByteList(m[2]!);
        if (bytes === null || !isRandomByteKey(bytes) || aboutTheSecret(name)) continue;
        const value = m[2]!.trim();
        const start = m.index + m[0].lastIndexOf(value);
        out.push({ kind: "generic-secret", confidence: 0.7, reason: `a ${bytes.length}-byte random key written as a byte array in a file kept for secrets`, secret: value, start, end: start + value.length, name });
      }
    }
  }
  return out;
}
