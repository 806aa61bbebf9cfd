import { splitNameWords } from "./secret-name.js";

// A `key` beside its `secret` twin is the identifier half of a key pair, not a credential on its own.
//
// OAuth 1.0a calls the pair "client credentials": an identifier sent in the clear in every request
// (`oauth_consumer_key`) and a shared secret that signs (RFC 5849 §1.1, §3.1). Two forms are read as such a
// pair, the twin on one of the five lines either side:
// - an OAuth consumer key beside its secret (`TWITTER_OAUTH_KEY` / `TWITTER_OAUTH_SECRET`, `consumer_key` /
//   `consumer_secret`);
// - a vendor's key beside the vendor's bare secret: Last.fm's "API key" and "shared secret"
//   (`LastFM.ApiKey` / `LastFM.Secret`, https://www.last.fm/api/authspec), acme.sh's GoDaddy and Aliyun key
//   ids (`SAVED_GD_Key` / `SAVED_GD_Secret`), Laravel's `services.<vendor>.key` / `.secret` convention.
// The provider rules still run on the value: a key with a format of its own (WooCommerce `ck_`, DigitalOcean
// Spaces `DO00…`, AWS `AKIA…`, Twilio `SK…`) is reported by its rule.
//
// Not a twin: a key whose own words say it is secret (`SECRET_KEY`, `PRIVATE_KEY`, `SIGNING_KEY`, `MASTER_KEY`
// beside a `…_SECRET`), an access key beside a secret key (`S3_ACCESS_KEY` / `S3_SECRET_KEY`: the project
// reports AWS-style access key ids), and an API key beside an API secret (`MAILJET_API_KEY` /
// `MAILJET_API_SECRET`, a bare `api_key` / `api_secret`): for many vendors those are two halves of one
// credential that both authenticate (Mailjet's Basic user and password, exchanges' keys), and the labelled
// corpora report them.

// Dropped in the twin: `LastFM.ApiKey` / `LastFM.Secret` (Last.fm's "API key" and "shared secret").
const QUALIFIERS = new Set(["api", "app", "client"]);
// Kept in the twin: OAuth 1.0a's consumer key beside its consumer secret, whatever the prefix.
const OAUTH_WORDS = new Set(["consumer", "oauth"]);
// Words that make the key itself a secret whatever sits beside it.
const SECRET_KEY_WORDS = new Set(["secret", "private", "priv", "signing", "encryption", "encrypt", "decryption", "master", "session", "hmac", "jwt", "cipher", "crypto", "shared", "webhook", "access", "admin", "server", "write", "management", "service", "root"]);

/** The words a `secret` twin of `name` would have before `secret`, or null when `name` is no key of a pair. */
export function twinPrefixes(name: string): string[][] | null {
  const words = splitNameWords(name);
  if (words.length < 2 || words[words.length - 1] !== "key") return null;
  const prefix = words.slice(0, -1);
  const last = prefix[prefix.length - 1]!;
  if (SECRET_KEY_WORDS.has(last)) return null;
  // `TWITTER_OAUTH_KEY` → `TWITTER_OAUTH_SECRET`, `consumer_key` → `consumer_secret`.
  if (OAUTH_WORDS.has(last)) return [prefix];
  // `SAVED_GD_Key` → `SAVED_GD_Secret`; `LastFM.ApiKey` → `LastFM.Secret` (never `…_API_SECRET`: see above).
  const vendor = QUALIFIERS.has(last) ? prefix.slice(0, -1) : prefix;
  if (vendor.length === 0 || vendor.some((w) => SECRET_KEY_WORDS.has(w))) return null;
  return [vendor];
}

// A name at a line's start: `NAME=`, `name:`, `"name":`, `'name' =>`, `$name =`, `- name:`, `export NAME=`.
const LINE_NAME = /^[ \t]*(?:-[ \t]+)?(?:export[ \t]+)?[$"']?([A-Za-z_][\w.$-]{0,100})["']?[ \t]*(?:=|:|=>)/;

/**
 * True when `name` (ending in `key`) has a `secret` twin named on one of the `lines` lines either side of
 * offset `at` in `text` (the key's own line left out).
 */
export function hasSecretTwin(name: string, text: string, at: number, lines = 5): boolean {
  const prefixes = twinPrefixes(name);
  return prefixes !== null && namesNear(text, at, lines).some((other) => isSecretTwin(other, prefixes));
}

/** The names assigned at the start of the `lines` lines either side of offset `at` (its own line left out). */
function namesNear(text: string, at: number, lines: number): string[] {
  let from = at;
  for (let n = 0; from > 0 && n <= lines; ) if (text.charCodeAt(--from) === 10) n++;
  let to = at;
  for (let n = 0; to < text.length && n <= lines; to++) if (text.charCodeAt(to) === 10) n++;
  const ownStart = text.lastIndexOf("\n", at - 1) + 1;
  const out: string[] = [];
  let lineStart = from === 0 ? 0 : from + 1;
  while (lineStart < to) {
    let end = text.indexOf("\n", lineStart);
    if (end === -1 || end > to) end = to;
    if (lineStart !== ownStart) {
      const m = LINE_NAME.exec(text.slice(lineStart, Math.min(end, lineStart + 200)));
      if (m) out.push(m[1]!);
    }
    lineStart = end + 1;
  }
  return out;
}

// A salt named for what it salts, beside that thing's stored hash: Deluge's web.conf `pwd_salt` beside
// `pwd_sha1`, a user record's `password_salt` beside `password_hash` or `password_digest`. The salt of a stored
// hash is public by design (it is kept with the hash so that the hash can be checked); an application-wide
// salt (`HASH_SALT`, `SECURITY_SALT`) has no hash of its own beside it and stays a secret.
const HASH_WORDS = new Set(["hash", "hashed", "digest", "md5", "sha1", "sha256", "sha512", "bcrypt", "crypt", "pbkdf2", "scrypt", "argon2", "verifier"]);

/** True when `name` (`<prefix>_salt`) has a `<prefix>_<hash word>` twin within `lines` lines of `at`. */
export function hasHashTwin(name: string, text: string, at: number, lines = 3): boolean {
  const words = splitNameWords(name);
  if (words.length < 2 || words[words.length - 1] !== "salt") return false;
  const prefix = words.slice(0, -1);
  return namesNear(text, at, lines).some((other) => {
    const o = splitNameWords(other);
    return o.length === words.length && HASH_WORDS.has(o[o.length - 1]!) && prefix.every((w, i) => o[i] === w);
  });
}

/** True when `names` (the file's other names) hold a `secret` twin of `name`. */
export function hasSecretTwinAmong(name: string, names: Iterable<string>): boolean {
  const prefixes = twinPrefixes(name);
  if (prefixes === null) return false;
  for (const other of names) if (isSecretTwin(other, prefixes)) return true;
  return false;
}

function isSecretTwin(other: string, prefixes: string[][]): boolean {
  const words = splitNameWords(other);
  if (words[words.length - 1] !== "secret") return false;
  return prefixes.some((p) => p.length === words.length - 1 && p.every((w, i) => words[i] === w));
}

