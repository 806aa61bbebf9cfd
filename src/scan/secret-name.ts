import type { SecretKind } from "./types.js";
import { FOREIGN_KEYWORDS, foreignHead, foreignKeyIsCredential, foreignKeyIsSecret, NEGATIVE_AFTER, ROMANCE_NEUTRAL_AFTER } from "./foreign-words.js";
import { ownString } from "../util/own-string.js";

// What a variable, property or key name says about its value. Names are split
// into lower-case words (camelCase, snake_case, kebab-case, dots), and the LAST
// secret-ish word is the head: `DB_PASSWORD` → password; words after the head
// turn the name into something about the secret rather than the secret itself
// (`password_min_length`, `token_type`, `secret_name`, `api_key_header`,
// `TOKEN_URL`, `passwordField`), which is config.

export type NameStrength = "strong" | "medium" | "weak" | "none";

export interface NameAnalysis {
  strength: NameStrength;
  kind: SecretKind;
  /** The word(s) that made the decision, upper-cased as in reasons (`PASSWORD`, `API_KEY`). */
  head: string;
  /** Negative: the name describes a property of a secret, or a public value. */
  negative: boolean;
  /** The name is a vendor's key or token that is published to browsers or apps by design (isPublicClientToken, isPublicClientKey). */
  published?: true;
}

/** Browser-exposed prefixes: frameworks inline these variables into client bundles. */
export const BROWSER_PREFIXES = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "GATSBY_", "PUBLIC_"];

export function browserPrefix(name: string): string | null {
  for (const p of BROWSER_PREFIXES) if (name.startsWith(p) && name.length > p.length) return p;
  return null;
}

/** Words allowed after the head without changing its meaning (`SECRET_KEY_BASE`, `API_TOKEN_V2`, `PASSWORD_PROD`). */
const NEUTRAL_AFTER = new Set([
  "value", "base", "b64", "base64", "hex", "raw", "str", "string", "text", "data", "plain", "plaintext", "v1", "v2", "v3", "prod",
  "production", "dev", "development", "staging", "stage", "live", "local", "override", "overwrite", "literal", "main", "primary", "secondary",
  "old", "new", "current", "previous", "next", "default", "fallback", "env", "bytes", "material", "content", "contents", "1", "2", "3",
  // The encoding the value is written in, not something about it: PRIVATE_KEY_PEM, JWT_SECRET_JWK, GCP_CREDENTIALS_JSON.
  "pem", "der", "jwk", "json",
  // The platform, build or environment the same secret is for: a mobile app's MAPS_API_KEY_ANDROID /
  // apiKeyIos, CI's GITHUB_TOKEN_CI, a Gradle variant's API_KEY_RELEASE, SANDBOX/UAT/QA copies.
  "android", "ios", "macos", "web", "mobile", "desktop", "ci", "debug", "release", "sandbox", "uat", "qa", "preprod", "preview",
  // The private half of a public/private pair named by a suffix: Mailjet's documented MJ_APIKEY_PRIVATE (beside
  // MJ_APIKEY_PUBLIC), BestTime's api_key_private (beside api_key_public). `_PUBLIC` stays what makes it public.
  "private",
]);

/** Modifiers of `key` / `token` that make the name about a non-secret. */
const NGINX_PASS = new Set(["proxy", "fastcgi", "uwsgi", "scgi", "grpc", "memcached"]);

/** Words before `password` that make the name a list of passwords a validator rejects. */
const REJECTED_PASSWORD_BEFORE = new Set(["bad", "weak", "common", "banned", "disallowed", "forbidden", "blocked", "blacklisted", "blocklisted", "denylisted", "insecure", "leaked", "breached", "pwned", "guessable"]);

const KEY_NEGATIVE_BEFORE = new Set([
  "public", "publishable", "pub", "primary", "foreign", "sort", "partition", "cache", "idempotency", "i18n", "translation",
  "map", "dedup", "dedupe", "lookup", "hash", "object", "row", "unique", "composite", "index", "hot", "short", "site",
  "anon", "anonymous", "react", "vue", "list", "item", "query", "mutation", "state", "store", "local", "session_storage", "form",
  "field", "column", "table", "dict", "record", "entry", "group", "sorting", "redis", "s3", "bucket", "file", "path", "event",
  "message", "msg", "label", "name", "id", "type", "kind", "prop", "attr", "attribute", "meta", "component", "child", "node",
  "parent", "tree", "menu", "tab", "page", "route", "theme", "color", "style", "css", "sign_in", "keyboard", "modifier", "shortcut",
  "hotkey", "access_key_id", "next", "continuation", "pagination", "cursor", "cancel", "cancellation", "lexer", "parser", "design",
  "csrf", "xsrf", "push", "vapid", "license", "recaptcha", "captcha", "maps", "measurement", "tracking", "analytics",
  // Mixpanel's project token identifies the project in every browser that sends events; Mixpanel
  // documents it as not secret (the API secret and service-account secrets are, and end in SECRET).
  "mixpanel",
  // Tokens that are ids or positions, not credentials (AWS idempotency and pagination tokens, lexer tokens,
  // Square's payment `version_token` for optimistic concurrency).
  "request", "action", "output", "input", "idempotency", "term", "sync", "resume", "marker", "change", "lifecycle",
  "notification", "significant", "reference", "last", "first", "start", "end", "stop", "task", "continue", "more", "prev",
  "previous", "current", "version", "delimiter", "separator", "punctuation", "whitespace", "comment", "template", "syntax", "semantic",
  "jsx", "css", "html", "word", "text", "string", "number", "keyword", "operator", "sort_key", "ordering", "order", "callback",
  // OpenPGP keys fetched or trusted by fingerprint (`gpg --recv-keys <40 hex>`, `apt-key adv --recv-key`,
  // `trusted-key`): public keys named by their fingerprints (RFC 4880 §12.2).
  "recv", "receive", "trusted",
  // RFC 6455's Sec-WebSocket-Key: a random nonce of the opening handshake, not a credential.
  "websocket",
  // Kubernetes names label keys and the entries of Secrets and ConfigMaps under a bare `key`: a selector's
  // requirement (`matchExpressions: [{key: app.example.com/tier, operator: In}]`, `matchFields`), a taint's
  // toleration (`tolerations: [{key: …, effect: NoSchedule}]`) and a reference to an entry
  // (`valueFrom.secretKeyRef: {name: db, key: password}`, `configMapKeyRef`): the value is a key's name.
  "expressions", "fields", "tolerations", "toleration", "ref",
]);

/**
 * Front-end component vendors whose licence key is set in the browser by design: AG Grid ("your
 * license key will be visible to others… Given our product is JavaScript, there is little we can do":
 * https://www.ag-grid.com/archive/20.0.0/javascript-grid-set-license/), MUI X (the key only reminds
 * developers of an expired licence; it is in the page: https://mui.com/x/introduction/licensing/),
 * and the grid, chart, editor and PDF viewer libraries licensed the same way.
 */
const BROWSER_LICENSE_VENDORS = new Set([
  "ag", "aggrid", "mui", "muix", "syncfusion", "handsontable", "devextreme", "bryntum", "fullcalendar", "dhtmlx", "ckeditor",
  "froala", "highcharts", "amcharts", "scichart", "apryse", "pdftron", "webviewer", "pspdfkit", "nutrient", "grid", "chart", "charts",
  "editor", "browser", "client", "frontend", "web", "js", "public",
]);

/**
 * A `…_LICENSE_KEY` (or `LICENCE`) in a server's environment, not a browser component's: judged like
 * a vendor's key (the value must look random) in `.env` files, where names are judged as `public`
 * in code. Server and build licences are credentials: Telerik/Kendo "treat the license key… as
 * secrets" (https://docs.telerik.com/devtools/document-processing/distribution-and-licensing/license-key/adding-license-key-ci-cd-services),
 * n8n's licence activation key and Craft CMS's licence are set in the server's environment, New
 * Relic's ingest licence key reports into the account. A browser prefix, or a front-end vendor's
 * name (BROWSER_LICENSE_VENDORS), keeps it public.
 */
export function isServerLicenseKey(name: string): boolean {
  if (browserPrefix(name) !== null) return false;
  const words = splitNameWords(name);
  const n = words.length;
  if (n < 2 || words[n - 1] !== "key" || (words[n - 2] !== "license" && words[n - 2] !== "licence")) return false;
  return !words.slice(0, -2).some((w) => BROWSER_LICENSE_VENDORS.has(w));
}

/** Vendors whose `…_LICENSE_KEY` is an account credential, not a product licence (see analyzeName's `key`). */
const SECRET_LICENSE_VENDORS = new Set(["relic", "newrelic", "nr", "maxmind", "geoip", "geoipupdate", "geolite", "geolite2"]);

/** Words that make a preceding `key` clearly a credential. */
const KEY_STRONG_BEFORE = new Set([
  "api", "secret", "private", "access", "signing", "sign", "encryption", "encrypt", "crypt", "crypto", "master", "client", "app",
  "application", "auth", "session", "cookie", "jwt", "hmac", "aes", "ssh", "gpg", "pgp", "deploy", "admin", "service", "account",
  "consumer", "subscription", "write", "read", "server", "webhook", "root", "decryption", "cipher", "shared", "psk", "wireguard",
  // A pre-shared key is a secret by definition (WireGuard `PresharedKey`, IPsec, TLS-PSK).
  "preshared",
  // A Fernet key is the symmetric key of Python cryptography's Fernet recipe (Airflow's `fernet_key`,
  // Superset's, Django apps'): it decrypts every value stored with it (https://cryptography.io/en/latest/fernet/).
  "fernet",
]);

const DB_WORDS = new Set(["db", "database", "postgres", "postgresql", "pg", "mysql", "mariadb", "mongo", "mongodb", "redis", "sql", "mssql", "oracle", "cassandra", "couchdb", "elastic", "elasticsearch", "rabbitmq", "amqp", "neo4j", "clickhouse"]);
const CLOUD_WORDS = new Set(["aws", "gcp", "gcloud", "azure", "s3", "iam", "digitalocean", "do", "linode", "alibaba", "aliyun", "oci"]);

/**
 * The lower-case words of a name: runs of ASCII letters and digits, split before an upper-case letter
 * that follows a lower-case letter or a digit (`apiKey`, `s3Key`) or that starts a capitalised word
 * after an acronym (`HTTPServer` → http server). ASCII names are read in one loop; others go through
 * the regexes that define it (toLowerCase can change a non-ASCII name's length).
 */
export function splitNameWords(name: string): string[] {
  const words: string[] = [];
  const n = name.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return splitNameWordsByRegex(name);
    const upper = c >= 65 && c <= 90;
    if (!upper && !(c >= 97 && c <= 122) && !(c >= 48 && c <= 57)) {
      if (start !== -1) words.push(name.slice(start, i).toLowerCase());
      start = -1;
    } else if (start === -1) start = i;
    else if (upper) {
      // The previous character is a letter or a digit of the same run.
      const p = name.charCodeAt(i - 1);
      const q = i + 1 < n ? name.charCodeAt(i + 1) : 0;
      if (!(p >= 65 && p <= 90) || (q >= 97 && q <= 122)) {
        words.push(name.slice(start, i).toLowerCase());
        start = i;
      }
    }
  }
  if (start !== -1) words.push(name.slice(start).toLowerCase());
  return words;
}

export function splitNameWordsByRegex(name: string): string[] {
  return foldName(name)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

// Letters NFD does not take apart (they are letters of their own, not a base letter and a mark).
const FOLD: Record<string, string> = { "ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th" };

/**
 * A non-ASCII name with its Latin letters made ASCII (`Schlüssel` → `Schlussel`, `hasło` → `haslo`,
 * `şifre` → `sifre`, `contraseña` → `contrasena`), so that foreign-words.ts has one spelling to
 * know; other scripts (Cyrillic, CJK, Hangul) stay as they are.
 */
export function foldName(name: string): string {
  // Latin letters only: NFD would take kana (`パ` → `ハ` + a mark) and Hangul syllables (into jamo) apart too.
  return name.replace(/[\u00c0-\u024f]/g, (c) => FOLD[c] ?? c.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
}

/**
 * Pieces of names that can hold a head (headOf), as the engine's keyword pass (rule-set.ts GENERIC_HEADS
 * and ENGINE_KEYWORDS) and the generic detector (generic-detector.ts headOffsets) search texts for them,
 * ASCII case folded. Cheap to find; the name analysis throws away most hits (`keys`, `author`,
 * `passive`). Longest first where one is a prefix of another (`pwd`, `pw`: the detector's alternation
 * takes the first that matches). The order is also the keyword pass's: the words no rule has as a
 * keyword get their indices in it (rule-set.ts compileRuleSet), and the bundle's window table
 * (scripts/bundle.js) is computed for those indices. Two name the thing rather than hold a head: `vapid`
 * (analyze: `vapidPrivate`) and `registeredusers` (generic-detector.ts USER_PASSWORD_MAP: Orthanc's user map).
 */
// `_pat`: a personal access token's abbreviation after a platform's word (analyze's PAT_PLATFORM); the keyword pass
// finds it in `_path`/`_pattern` too, and the name's analysis turns those down.
export const HEAD_KEYWORDS: readonly string[] = ["_pat", "pass", "pwd", "pw", "secret", "token", "key", "auth", "credential", "creds", "dsn", "salt", "pepper", "hmac", "bearer", "connstr", "connectionstring", "psk", "community", "vapid", "registeredusers", ...FOREIGN_KEYWORDS];

const cache = new Map<string, NameAnalysis>();

export function analyzeName(name: string): NameAnalysis {
  let hit = cache.get(name);
  if (hit === undefined) {
    hit = analyze(name);
    if (cache.size > 50_000) cache.clear();
    // A name cut out of a file's text keeps the whole text alive: as a cache key it
    // held every scanned bundle in memory (145 MB on a 340 MB scan).
    cache.set(ownString(name), hit);
  }
  return hit;
}

const NONE: NameAnalysis = { strength: "none", kind: "generic-secret", head: "", negative: false };

// One shape for every result (foreign always set): analyze reads `found.foreign`, and a result of another
// hidden class, first met late in a scan, threw its optimised code away ("wrong map").
function headOf(word: string, prev: string): { head: string; base: string; foreign: boolean } | null {
  // Whole words first, then glued words that END with a head (`dbpassword`, `authtoken`, `apikey`).
  switch (word) {
    case "password": case "passwd": case "passphrase": case "pwd": case "pass": case "pw": case "secret": case "secrets":
    case "token": case "tokens": case "apikey": case "credential": case "credentials": case "creds": case "auth": case "authorization":
    case "dsn": case "salt": case "pepper": case "key": case "privatekey": case "secretkey": case "accesskey": case "bearer":
    case "hmac": case "connectionstring": case "connstr": case "keys":
      // Plurals hold several of the same thing: `SESSION_KEYS=k1,k2` (Koa's app.keys), Strapi's `APP_KEYS`, `API_TOKENS`.
      return { head: word, base: word === "tokens" ? "token" : word === "secrets" ? "secret" : word === "keys" ? "key" : word, foreign: false };
  }
  for (const h of ["password", "passwd", "passphrase", "secret", "token", "apikey", "secretkey", "privatekey", "accesskey", "credentials", "credential", "connectionstring"]) {
    if (word.length > h.length && word.endsWith(h)) return { head: word, base: h, foreign: false };
  }
  // `psk`: a pre-shared key, the Wi-Fi passphrase of wpa_supplicant (`psk="…"`), hostapd (`wpa_psk`) and
  // NixOS (`networking.wireless.networks.<SSID>.psk`), an IPsec or WireGuard pre-shared key.
  // Glued as installer properties are (`msiexec … TLSPSKVALUE=…`, Zabbix agent's MSI; `WPAPSK`): a short
  // protocol word before `psk`, and `value` after it.
  if (/^(?:[a-z]{2,5})?psk(?:value)?$/.test(word)) return { head: word, base: "pass", foreign: false };
  // `value` glued after a secret word, as ALL-CAPS installer properties write it (`PASSWORDVALUE`, `TOKENVALUE`,
  // `SECRETVALUE`); `keyvalue` is a key-value store, not a key.
  if (word.length > 5 && word.endsWith("value")) {
    const stem = word.slice(0, -5);
    if (stem !== "key" && stem !== "keys" && !stem.endsWith("key")) {
      const glued = headOf(stem, prev);
      if (glued !== null && !glued.foreign) return glued;
    }
  }
  // `community`: an SNMP community string is the password of SNMPv1/v2c (RFC 3584 §2; read, often write,
  // access to the device): net-snmp's `rocommunity`/`rwcommunity`, LibreNMS and Observium
  // `$config['snmp']['community']`, NCPA's API `community_string`, Telegraf's and Zabbix's `community`.
  if (word === "community" || word === "rocommunity" || word === "rwcommunity" || word === "snmpcommunity") return { head: word, base: "pass", foreign: false };
  // `authtok`: PAM's and SSSD's word for the password (`ldap_default_authtok`, sssd-ldap(5)).
  if (word === "authtok") return { head: word, base: "password", foreign: false };
  // `passwordsalt` (Nextcloud config.php), `secretsalt`: an application-wide salt, used as a key.
  // Moodle's `passwordsaltmain` and its rotated `passwordsaltalt1`…`alt20` (config-dist.php) are the same salt.
  if (/^(?:password|passwd|pw|secret|hash|auth|session|cookie)salt(?:main|alt\d{1,2})?$/.test(word)) return { head: word, base: "salt", foreign: false };
  // `smtppass` (Joomla's configuration.php), `dbpass`, `mailpass`, `rootpass`: a service word glued to
  // `pass`. A known first word only: `bypass`, `compass`, `surpass`, `overpass` end in `pass` too.
  // offlineimap's `remotepass`, LinuxGSM's `steampass`, `serverpass`, `saslpass`, `rconpass`, `webpass` (a web UI's),
  // `botpass`, `vpnpass`, `nickpass` (an IRC NickServ password). A database word may follow an application's
  // own prefix: FreePBX's `AMPDBPASS`, `WPDBPASS`.
  // Java's keystore passwords (`keytool -storepass/-keypass`, Mirth's `keystore.storepass`), phpMyAdmin's `controlpass`.
  // SNMPv3's privacy (encryption) password: LibreNMS `cryptopass`, net-snmp `privpass` beside `authpass`.
  if (/^(?:smtp|db|mail|root|admin|user|ftp|sftp|sql|mysql|pg|ldap|bind|redis|proxy|wifi|wlan|ap|sta|imap|pop|pop3|mqtt|rpc|vnc|api|app|sudo|login|auth|ssh|git|svn|repo|nexus|jenkins|remote|steam|server|sasl|rcon|web|bot|vpn|nick|radius|store|key|keystore|truststore|control|crypto|priv)pass$/.test(word) || /^[a-z]{2,6}(?:db|sql)pass$/.test(word)) return { head: word, base: "pass", foreign: false };
  // `rootpw` (OpenLDAP slapd.conf), `bindpw` (nslcd.conf), `dbpw`: a short word glued to `pw`.
  // Letters only: `pw` closing a random run or a hex id is not a name.
  if (/^[a-z]{2,10}pw$/.test(word)) return { head: word, base: "pw", foreign: false };
  // A numbered copy glued to the head: Tasmota's `STA_PASS1`/`STA_PASS2`, `PASSWORD2`, `token2`, `API_KEY2`,
  // `apiKey2`, `DBPASSWORD1`: one or two digits after a head word are a copy of the same secret. Not
  // `hmac256` (an algorithm); a bare `KEY1` (an i18n table's id) stays a bare key, which names nothing.
  const digits = trailingDigits(word);
  if (digits > 0 && digits <= 2 && digits < word.length) {
    const stem = word.slice(0, word.length - digits);
    if (stem !== "hmac") {
      const numbered = headOf(stem, prev);
      if (numbered !== null) return numbered;
    }
  }
  const foreign = foreignHead(word, prev);
  if (foreign !== null) return { head: word, base: foreign === "key" ? "foreign-key" : foreign, foreign: true };
  return null;
}

/** How many ASCII digits end a word. */
function trailingDigits(word: string): number {
  let i = word.length;
  while (i > 0 && word.charCodeAt(i - 1) >= 48 && word.charCodeAt(i - 1) <= 57) i--;
  return word.length - i;
}

/**
 * Region, country and market codes after the head: the same secret for another region or tenant's
 * market (`SMTP_PASSWORD_EU`, `DB_PASSWORD_US_EAST`, `STRIPE_SECRET_KEY_DE`, `API_KEY_APAC`,
 * `TOKEN_EU_WEST_1`), as cloud regions (`eu-west-1`, `us-east`, `ap-southeast-2`) and ISO 3166
 * country codes name them. Country codes that are also English or config words after a secret
 * word are left out (`id`, `ca` — a certificate authority, `in`, `is`, `no`, `to`, `at`, `be`,
 * `by`, `do`, `me`, `my`, `so`, `am`, `as`, `it`, `ms`, `sa` — a service account, `tr`, `ro` …), so
 * `TOKEN_ID`, `SECRET_NAME`, `PASSWORD_MIN_LENGTH`, `TOKEN_TTL` stay about the secret.
 */
const REGION_AFTER = new Set([
  "eu", "us", "usa", "uk", "gb", "de", "fr", "es", "nl", "se", "dk", "fi", "pl", "ch", "ie", "pt", "gr", "cz", "hu", "bg", "hr",
  "ee", "lv", "lt", "lu", "jp", "cn", "kr", "sg", "hk", "tw", "au", "nz", "br", "mx", "cl", "za", "ae", "ru", "ua", "ph", "vn",
  "ng", "ke", "eg", "pk", "bd", "apac", "emea", "latam", "amer", "anz", "mena", "dach", "nordics", "na", "global", "intl",
  "east", "west", "north", "south", "central", "northeast", "northwest", "southeast", "southwest", "asia", "europe", "africa",
]);

/**
 * A rotation's dated key id after the head: the same secret, one per key generation (`SIGNING_KEY_2024A`,
 * `JWT_SECRET_2025`, `WEBHOOK_SECRET_2024Q3`, `API_KEY_202401`, `TOKEN_20240115`), as JWKS `kid`s and key
 * rotation schedules name them: a year, optionally followed by a letter, a quarter, a half, or month and day.
 */
const DATED_KEY_ID = /^(?:19|20)\d{2}(?:[a-z]|q[1-4]|h[12]|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?)?$/;

/** Words with a dated key id put back together: the name splitter cuts `2024A` into `2024`, `a` (and `2024Q3` into `2024`, `q3`). */
function withDatedKeyIds(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    if (next !== undefined && /^(?:19|20)\d{2}$/.test(words[i]!) && /^(?:[a-z]|q[1-4]|h[12])$/.test(next)) {
      out.push(words[i]! + next);
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

/**
 * A word after the head that leaves it the same secret: a neutral word (`BASE`, `PROD`), a region or
 * country code (`EU`, `US_EAST`), a version or a number (`V12`, `61`), or a neutral word or region
 * with a copy's number glued to it (`SECRET_KEY_PROD2`, `TOKEN_EU1`).
 */
function neutralAfter(w: string): boolean {
  if (NEUTRAL_AFTER.has(w) || REGION_AFTER.has(w) || /^v?\d{1,3}$/.test(w) || ROMANCE_NEUTRAL_AFTER.includes(w) || DATED_KEY_ID.test(w)) return true;
  const digits = trailingDigits(w);
  if (digits === 0 || digits > 2 || digits >= w.length) return false;
  const stem = w.slice(0, w.length - digits);
  return NEUTRAL_AFTER.has(stem) || REGION_AFTER.has(stem);
}

/**
 * Words after the head that make the name about the secret, not the secret: a property (`PASSWORD_MIN_LENGTH`,
 * `TOKEN_TTL`, `KEY_ALGORITHM`), where it is or how it is sent (`API_KEY_HEADER`, `SECRET_FILE`, `TOKEN_URL`),
 * what identifies or checks it (`KEY_ID`, `API_KEY_HASH`, `CERT_KEY_FINGERPRINT`), its policy or state. Also
 * the short words of a phrase (`PASSWORD_FOR_…`): a name built of them is read as describing.
 */
const DESCRIPTIVE_AFTER = new Set([
  "length", "len", "min", "max", "minimum", "maximum", "size", "bits", "chars", "characters", "count", "limit", "ttl", "expiry", "expires",
  "expire", "expiration", "expired", "lifetime", "timeout", "age", "duration", "seconds", "secs", "minutes", "hours", "days", "interval",
  "rotation", "rotate", "url", "uri", "urls", "endpoint", "host", "hostname", "port", "path", "file", "filename", "dir", "directory",
  "folder", "location", "header", "headers", "cookie", "name", "names", "ids", "kid", "type", "types", "kind", "field", "param",
  "parameter", "query", "prefix", "suffix", "format", "algorithm", "algorithms", "alg", "algo", "hash", "hashed", "digest", "checksum",
  "fingerprint", "thumbprint", "sha", "sha1", "sha256", "sha512", "md5", "salt", "nonce", "policy", "policies", "rule", "rules", "regex",
  "pattern", "mode", "enabled", "enable", "disabled", "disable", "required", "require", "optional", "strength", "complexity", "version",
  "retries", "attempts", "cache", "store", "storage", "provider", "providers", "source", "var", "variable", "label", "description", "desc",
  "hint", "help", "reset", "ref", "arn", "mount", "engine", "scope", "scopes", "audience", "issuer", "iss", "aud", "sub", "claim", "claims",
  "user", "username", "login", "email", "owner", "account", "client", "server", "service", "manager", "vault", "kms", "keyring", "ring",
  "set", "list", "table", "column", "allowed", "whitelist", "allowlist", "blacklist", "denylist", "valid", "validity", "check", "verify",
  "verification", "validation", "validator", "generator", "generate", "config", "configuration", "settings", "setting", "option",
  "options", "flag", "status", "state", "level", "index", "position", "offset", "start", "end", "last", "first", "created", "updated",
  "date", "time", "timestamp", "issued", "revoked", "refresh", "request", "response", "method", "scheme", "realm", "domain", "origin",
  "route", "input", "placeholder", "message", "error", "warning", "log", "logging", "test", "tests", "testing", "mock", "fake", "dummy",
  "example", "sample", "demo", "public", "pub", "publishable", "private", "encrypted", "encrypt", "decrypt", "encoded", "decoded",
  "cipher", "ciphertext", "wrapped", "masked", "redacted", "env", "the", "and", "not", "all", "any", "per", "via", "use", "used", "uses",
  "using", "from", "with", "into", "only", "when", "for", "secret", "secrets", "token", "tokens", "key", "keys", "password", "strategy",
  "handler", "callback", "hook", "event", "events", "id",
]);

/**
 * A secret's name with an account's, tenant's or customer's word after the head (`SMTP_PASSWORD_ACME`,
 * `STRIPE_SECRET_KEY_GLOBEX`, `DB_PASSWORD_TENANT_INITECH`): one copy of the same secret per tenant, as
 * region codes and numbered copies are. Such words are anybody's names, so no list can hold them: one or two
 * words of 3–20 letters after the head that are no word of what describes a secret (DESCRIPTIVE_AFTER, the
 * modifiers of KEY_NEGATIVE_BEFORE, foreign-words' NEGATIVE_AFTER), with the name up to the head a secret's
 * name. What the caller gets is that name's analysis made weak, so that only a value that looks random (a
 * vendor's key's test) makes it a secret: a word this list misses rarely holds a random token.
 */
export function tenantQualifiedName(name: string): NameAnalysis | null {
  const prefix = browserPrefix(name);
  const words = splitGluedKey(splitNameWords(prefix ? name.slice(prefix.length) : name));
  let i = words.length - 1;
  for (; i >= 0; i--) if (headOf(words[i]!, i > 0 ? words[i - 1]! : "") !== null) break;
  if (i < 0) return null;
  const after = withDatedKeyIds(words.slice(i + 1));
  const tenantWord = (w: string) => /^[a-z]{3,20}$/.test(w) && !DESCRIPTIVE_AFTER.has(w) && !KEY_NEGATIVE_BEFORE.has(w) && !NEGATIVE_AFTER.has(w) && !NEUTRAL_AFTER.has(w);
  if (after.length === 0 || after.length > 2 || !after.some(tenantWord) || !after.every((w) => tenantWord(w) || neutralAfter(w))) return null;
  const stem = analyzeName((prefix ?? "") + words.slice(0, i + 1).join("_"));
  if (stem.negative || stem.strength === "none") return null;
  return { ...stem, strength: "weak" };
}

// Words that make a `key` glued to them a secret key, whatever precedes (Kibana's `XPACK_SECURITY_ENCRYPTIONKEY`,
// the environment form of `xpack.security.encryptionKey`; `MASTERKEY`, `SIGNINGKEY`, `jwtkey`): split off, they
// read as `encryption key`. Only words that name no public or id-like key when glued: not `write` (Segment's
// public write key), `client`, `gpg` (a key id), `app`, `api`/`secret`/`private`/`access` (glued heads already).
const GLUED_KEY_WORDS = new Set(["priv", "encryption", "decryption", "encrypt", "signing", "master", "cipher", "crypto", "hmac", "jwt", "session", "cookie", "fernet", "preshared", "aes"]);

/** `encryptionkey` → `encryption`, `key`; other words unchanged. */
function splitGluedKey(words: string[]): string[] {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.endsWith("key") && GLUED_KEY_WORDS.has(w.slice(0, -3))) return [...words.slice(0, i), w.slice(0, -3), "key", ...splitGluedKey(words.slice(i + 1))];
  }
  return words;
}

/** Words of a platform that issues personal access tokens, before `pat` (`AZURE_DEVOPS_EXT_PAT`, `ADO_PAT`, `GH_PAT`). */
const PAT_PLATFORM = new Set(["devops", "ext", "ado", "azdo", "vsts", "tfs", "gh", "github", "gitlab", "gl", "bitbucket", "atlassian", "jira", "confluence", "personal", "hf", "figma"]);

function analyze(name: string): NameAnalysis {
  const prefix = browserPrefix(name);
  const words = splitGluedKey(splitNameWords(prefix ? name.slice(prefix.length) : name));
  if (words.length === 0) return NONE;
  // The Erlang distribution cookie is the shared secret that lets nodes join a
  // RabbitMQ (or any BEAM) cluster and run code on it (RABBITMQ_ERLANG_COOKIE,
  // Helm's `erlangCookie`): https://www.rabbitmq.com/docs/clustering#erlang-cookie
  const last = words[words.length - 1];
  if (last === "erlangcookie" || (last === "cookie" && words[words.length - 2] === "erlang")) {
    return { strength: "strong", kind: "generic-secret", head: "ERLANG_COOKIE", negative: false };
  }
  // `PAT`: a personal access token, as Azure DevOps (`AZURE_DEVOPS_EXT_PAT`, read by `az devops`), GitHub and
  // GitLab abbreviate it. Only after the platform's word: alone, `pat` is as often a pattern or a path's prefix.
  if (last === "pat" && words.length >= 2 && PAT_PLATFORM.has(words[words.length - 2]!)) {
    return { strength: "strong", kind: "token", head: "PAT", negative: false };
  }
  // `pass_phrase` (OCI CLI config, PuTTY) is a passphrase written as two words.
  if (last === "phrase" && words[words.length - 2] === "pass") {
    return { strength: "strong", kind: "password", head: "PASS_PHRASE", negative: false };
  }
  // A Web Push (VAPID, RFC 8292) key pair is often named by its halves alone: Overseerr's `vapidPrivate` /
  // `vapidPublic`, web-push's `vapidKeys.privateKey`. The private half signs the push service's JWTs, so
  // whoever holds it can push to every subscriber; `private` after `vapid` is that key.
  if (last === "private" && words[words.length - 2] === "vapid") {
    return { strength: "strong", kind: "private-key", head: "VAPID_PRIVATE", negative: false };
  }
  let i = words.length - 1;
  let found: { head: string; base: string; foreign: boolean } | null = null;
  for (; i >= 0; i--) {
    found = headOf(words[i]!, i > 0 ? words[i - 1]! : "");
    if (found) break;
  }
  if (!found) return NONE;
  const after = words.slice(i + 1);
  const before = words.slice(0, i);
  const prev = before[before.length - 1] ?? "";
  const head = words.slice(Math.max(0, i - (found.base === "key" || found.base === "token" ? 1 : 0)), i + 1).join("_").toUpperCase();

  // `AWS_ACCESS_KEY_ID`: the id half of a cloud key pair.
  if (after.length === 1 && after[0] === "id" && (found.base === "key" || found.base === "accesskey") && (prev === "access" || found.base === "accesskey")) {
    return { strength: "weak", kind: "cloud-credential", head: "ACCESS_KEY_ID", negative: false };
  }
  // A version after the head is the same secret in a newer form (`ses_smtp_password_v4`, the SigV4
  // SMTP password of Terraform's aws_iam_access_key; `API_TOKEN_V12`), whatever its number; so is a
  // numbered copy (`SLACK_TOKEN_61`, `STRIPE_API_KEY_0`, `SECRET_KEY_PROD2`, one per workspace or account).
  // Under a foreign head the qualifier follows it (`clave_secreta`, `senha_banco`): only words that
  // make the name about the secret turn it into config (foreign-words.ts).
  if (found.foreign === true ? after.some((w) => NEGATIVE_AFTER.has(w)) : withDatedKeyIds(after).some((w) => !neutralAfter(w))) {
    return { ...NONE, head, negative: true };
  }

  // `objectForKey`, `boolForKey: @"SOGoEnableEMailAlarms"`, `setObject:forKey:` (Cocoa key-value coding), `bindKey`
  // (an editor's key binding): the value is the name of a dictionary key or a keyboard shortcut, not a key.
  if (found.base === "key" && after.length === 0 && (prev === "for" || prev === "bind")) return { ...NONE, head, negative: true };

  const dbish = before.some((w) => DB_WORDS.has(w));
  const cloudish = before.some((w) => CLOUD_WORDS.has(w));
  switch (found.base) {
    case "password": case "passwd": case "passphrase": case "pwd": case "pw":
      // A list of passwords to refuse (Ghost's `badPasswords`, `commonPasswords`, `weak_passwords`):
      // dictionary words a validator rejects, not a credential anything logs in with.
      if (before.some((w) => REJECTED_PASSWORD_BEFORE.has(w))) return { ...NONE, head, negative: true };
      // A bare `PW` / `pw` (shell scripts, `.env`): as weak a hint as a bare `pass`.
      if (found.base === "pw" && before.length === 0 && found.head === "pw") {
        return { strength: "medium", kind: "password", head, negative: false };
      }
      return { strength: "strong", kind: dbish ? "database-credential" : "password", head, negative: false };
    case "pass":
      // nginx's upstream directives (`proxy_pass`, `fastcgi_pass unix:/run/php-fpm.sock;`, `uwsgi_pass`,
      // `scgi_pass`, `grpc_pass`, `memcached_pass`) pass a request on: the value is an address. Directives are
      // lower-case; an upper-case `PROXY_PASS` in a .env is the proxy's password.
      if (found.head === "pass" && NGINX_PASS.has(prev) && !/[A-Z]/.test(name)) return { ...NONE, head, negative: true };
      if (found.head !== "pass") return { strength: "strong", kind: dbish || /^(?:db|sql|mysql|pg)/.test(found.head) ? "database-credential" : "password", head, negative: false };
      return { strength: before.length > 0 ? "strong" : "medium", kind: dbish ? "database-credential" : "password", head, negative: false };
    case "secret": case "secretkey":
      if (before.includes("webhook")) return { strength: "strong", kind: "webhook", head, negative: false };
      return { strength: "strong", kind: cloudish ? "cloud-credential" : "generic-secret", head, negative: false };
    case "privatekey":
      return { strength: "strong", kind: "private-key", head, negative: false };
    case "apikey":
      return { strength: "strong", kind: "api-key", head, negative: false };
    case "accesskey":
      return { strength: "strong", kind: cloudish ? "cloud-credential" : "api-key", head, negative: false };
    case "credential": case "credentials": case "creds":
      return { strength: "strong", kind: cloudish ? "cloud-credential" : dbish ? "database-credential" : "generic-secret", head, negative: false };
    case "connectionstring": case "connstr":
      return { strength: "medium", kind: "connection-string", head, negative: false };
    case "token": case "bearer":
      // MLflow's tracking server takes a bearer token (MLFLOW_TRACKING_TOKEN) beside basic auth's
      // MLFLOW_TRACKING_PASSWORD (https://mlflow.org/docs/latest/auth/index.html): a credential, not an
      // analytics tracking id.
      if (prev === "tracking" && before.includes("mlflow")) return { strength: "strong", kind: "token", head, negative: false };
      // A remote build cache's token (Bazel's and Gradle's remote caches, Turborepo's, Nx's) authenticates
      // to the cache server, which serves and accepts build outputs: a credential, unlike a cache key.
      if (prev === "cache" && before.includes("remote")) return { strength: "strong", kind: "token", head, negative: false };
      if (isPublicClientToken(before)) return { ...NONE, head, negative: true, published: true };
      if (KEY_NEGATIVE_BEFORE.has(prev)) return { ...NONE, head, negative: true };
      // ASP.NET's antiforgery token (`__RequestVerificationToken`, `RequestVerificationToken` header,
      // `X-Antiforgery-Token`): a CSRF token, worthless without the session cookie it is paired with.
      if (before.includes("antiforgery") || (prev === "verification" && before[before.length - 2] === "request")) return { ...NONE, head, negative: true };
      // .NET's `publicKeyToken` (assembly references, unattend.xml components): the last 8 bytes of the
      // SHA-1 of the strong-name public key, public by construction.
      if (prev === "key" && before[before.length - 2] === "public") return { ...NONE, head, negative: true };
      // The same modifiers glued to the head: `csrftoken` (Django's cookie), `xsrftoken`, `nexttoken`,
      // `pushtoken` say what `csrf_token` / `next_token` / `push_token` say.
      if (found.head !== found.base && KEY_NEGATIVE_BEFORE.has(found.head.slice(0, -found.base.length))) return { ...NONE, head, negative: true };
      return { strength: "strong", kind: "token", head, negative: false };
    case "authorization":
      return { strength: "medium", kind: "token", head, negative: false };
    case "auth":
      return { strength: "medium", kind: "generic-secret", head, negative: false };
    case "dsn":
      return { strength: "medium", kind: "connection-string", head, negative: false };
    case "salt": case "pepper": case "hmac":
      return { strength: "medium", kind: "generic-secret", head, negative: false };
    case "foreign-key": {
      // `chave_publica`, `offentlig_nokkel`: the public half.
      if (before.some((w) => NEGATIVE_AFTER.has(w))) return { ...NONE, head, negative: true };
      if (!foreignKeyIsCredential(words)) return { strength: "medium", kind: "api-key", head, negative: false };
      return { strength: "strong", kind: foreignKeyIsSecret(words) ? "generic-secret" : "api-key", head, negative: false };
    }
    case "key": {
      // A bare `key` is a map key, a React key, an i18n or storage key; an upper-case `KEY` constant
      // (`const KEY = Buffer.from("…", "hex")`, Java's `static final byte[] KEY`) is the module's
      // cipher or signing key, judged like a vendor's key: the value must look random.
      if (prev === "") return name.trim() === "KEY" ? { strength: "weak", kind: "generic-secret", head, negative: false } : { ...NONE, head, negative: false };
      // Most licence keys unlock a product and ship with it (front-end grid and PDF libraries), but
      // two vendors' are account credentials: New Relic's ingest licence key reports data into the
      // account and is to be kept secure (https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key),
      // and MaxMind's licence key downloads the account's GeoIP databases (https://dev.maxmind.com/geoip/updating-databases/).
      if (prev === "license" && before.some((w) => SECRET_LICENSE_VENDORS.has(w))) return { strength: "strong", kind: "api-key", head, negative: false };
      if (isPublicClientKey(before)) return { ...NONE, head, negative: true, published: true };
      // The primary key of a key ring is a key, not a database's primary key: Rails'
      // ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY (https://guides.rubyonrails.org/active_record_encryption.html#setup),
      // an `encryption.primary_key` of a key rotation. Only with an encryption word before it.
      if (prev === "primary" && before.some((w) => w === "encryption" || w === "encrypt" || w === "cipher" || w === "crypto")) return { strength: "strong", kind: "generic-secret", head, negative: false };
      if (KEY_NEGATIVE_BEFORE.has(prev) || before.some((w) => w === "public" || w === "publishable" || w === "anon")) return { ...NONE, head, negative: true };
      if (prev === "socket" && before[before.length - 2] === "web") return { ...NONE, head, negative: true }; // Sec-WebSocket-Key
      // `priv_key`, `privKey`, `privkey`: the common abbreviation (Tendermint/CometBFT key files, libp2p, WireGuard tools).
      if (prev === "private" || prev === "priv") return { strength: "strong", kind: "private-key", head, negative: false };
      if (prev === "api") return { strength: "strong", kind: "api-key", head, negative: false };
      if (KEY_STRONG_BEFORE.has(prev)) return { strength: "strong", kind: cloudish ? "cloud-credential" : prev === "access" ? "api-key" : "generic-secret", head, negative: false };
      // `SECURITY_KEY`: Thumbor's URL-signing key (https://thumbor.readthedocs.io/en/latest/security.html), and
      // apps' own; but also a WebAuthn "security key" (a device) in code: more than a vendor's KEY, less than SIGNING_KEY.
      if (prev === "security") return { strength: "medium", kind: "generic-secret", head, negative: false };
      // `STRIPE_KEY`, `SENDGRID_KEY`: a vendor name before KEY; the value must look random.
      return { strength: "weak", kind: cloudish ? "cloud-credential" : "api-key", head, negative: false };
    }
  }
  return NONE;
}

// Keys that vendors publish to browsers by design. Pusher Channels' app key
// identifies the app to every client (the app secret signs; "The key is public
// and will be shared with clients": https://pusher.com/docs/channels/server_api/authenticating-users/).
// Search-only keys of Algolia, Typesense and Meilisearch are made for front ends
// (https://www.algolia.com/doc/guides/security/api-keys/#search-only-api-key,
// https://typesense.org/docs/latest/api/api-keys.html#search-only-api-key).
// A Pusher *secret* key or Beams secret key ends in SECRET / SECRET_KEY and is untouched.
const SEARCH_VENDORS = new Set(["algolia", "typesense", "meili", "meilisearch", "docsearch"]);

// Read-only content tokens made for front ends: Shopify's Storefront API access token ("public
// access… can be used in client-side code": https://shopify.dev/docs/api/usage/authentication#getting-started-with-public-access)
// and Contentful's Content Delivery API token, which reads published content only and is what every
// Contentful web page fetches with (https://www.contentful.com/developers/docs/references/authentication/);
// the Admin API token (`shpat_`) and the Content Management token (`CFPAT-`) stay secrets.
function isPublicClientToken(before: string[]): boolean {
  if (before.includes("storefront")) return !before.includes("private");
  // The same token under the Storefront client's own option name, `publicAccessToken` (createStorefrontApiClient,
  // Hydrogen): the name alone; `NEXT_PUBLIC_ACCESS_TOKEN`, `PUBLIC_ACCESS_TOKEN` carry a framework's browser prefix and stay.
  if (before.length === 2 && before[0] === "public" && before[1] === "access") return true;
  // CesiumJS reads every asset with `Ion.defaultAccessToken`, set in the page's own script: the token ships to
  // every visitor, and Cesium's answer is a token scoped to reading the public assets and restricted to the
  // site's URLs (https://cesium.com/learn/ion/cesium-ion-access-tokens/). A token for uploads
  // (`ION_TOKEN` in a script calling the REST API) names no `default` and stays a secret.
  if (before.includes("ion") && before[before.length - 1] === "access" && before[before.length - 2] === "default") return true;
  // Meta's client token is compiled into every app that uses the Facebook SDK ("embedded in native
  // mobile binaries … not meant to be secret": https://developers.facebook.com/docs/facebook-login/guides/access-tokens#clienttokens).
  if (before.includes("facebook") && before[before.length - 1] === "client") return true;
  // Judge.me (Shopify product reviews) issues a public token for its storefront widgets and a private
  // token for its API ("The public token is used in the storefront… keep your private token safe":
  // https://judge.me/api/docs). A theme or storefront setting named for Judge.me's token without a word of
  // the private one is the widget's; `judgeme_private_token`, `JUDGEME_API_TOKEN` stay secrets.
  if ((before.includes("judgeme") || (before.includes("judge") && before.includes("me"))) && !before.some((w) => JUDGEME_PRIVATE.has(w))) return true;
  return before.includes("delivery") && (before.includes("contentful") || before.includes("cda"));
}

const JUDGEME_PRIVATE = new Set(["private", "api", "secret", "admin", "shop"]);

// Amplitude's project API key is sent by every browser and app SDK with each event ("The API key is
// public and is used in client-side SDKs"; the secret key, used for export and management APIs, is not:
// https://amplitude.com/docs/apis/keys-and-tokens). AMPLITUDE_SECRET_KEY ends in SECRET_KEY and stays.
// Segment's write key identifies a source to the analytics.js and mobile SDKs that send events with it
// ("write keys are not secret": https://segment.com/docs/connections/find-writekey/); Branch's key
// (`key_live_…`) is the app key every Branch SDK ships, the Branch *secret* stays one
// (https://help.branch.io/developers-hub/docs/android-basic-integration#configure-app).
function isPublicClientKey(before: string[]): boolean {
  const prev = before[before.length - 1] ?? "";
  if (before.includes("segment") && prev === "write") return true;
  if (prev === "branch") return true;
  if (before.includes("amplitude") && (prev === "api" || prev === "amplitude")) return true;
  if (before.includes("pusher") && (prev === "app" || prev === "pusher" || prev === "client")) return true;
  // Servers that speak Pusher's protocol hand out the same public app key: Laravel Reverb (`REVERB_APP_KEY`,
  // https://laravel.com/docs/reverb#application-credentials) and Soketi (`SOKETI_DEFAULT_APP_KEY`,
  // https://docs.soketi.app/app-management/array-driver). Their `…_APP_SECRET` stays a secret.
  if ((before.includes("reverb") || before.includes("soketi")) && prev === "app") return true;
  // MapTiler Cloud API keys are client keys: every map style, tile and font URL carries one (`?key=`), and the
  // control is the key's allowed HTTP origins ("The API key is visible in the source code of your web page":
  // https://docs.maptiler.com/cloud/api/authentication-key/). Account and upload access use service tokens.
  if (before.includes("maptiler") && (prev === "maptiler" || prev === "api")) return true;
  if (before.includes("search") && (before.includes("only") || before.some((w) => SEARCH_VENDORS.has(w)))) return true;
  // Shopify's app templates and CLI name the app's client ID SHOPIFY_API_KEY (the client secret is
  // SHOPIFY_API_SECRET): https://shopify.dev/docs/apps/build/cli-for-apps/app-configuration.
  if (before.includes("shopify") && prev === "api") return true;
  // Dropbox's app key is the OAuth client_id: it is in every authorization URL, and an app that cannot
  // keep a secret (a browser extension, a desktop or mobile app) uses it alone with PKCE ("Apps that
  // cannot keep a secret … should use PKCE": https://developers.dropbox.com/oauth-guide). The app
  // secret (DROPBOX_APP_SECRET) stays one; Laravel's bare APP_KEY is not Dropbox's.
  if (before.includes("dropbox") && prev === "app") return true;
  // LiveKit's API key names the key pair: it is the `iss` of every access token the server signs and hands to
  // clients, so every participant's browser holds it (https://docs.livekit.io/home/get-started/authentication/).
  // LIVEKIT_API_SECRET signs and stays a secret.
  if (before.includes("livekit") && prev === "api") return true;
  return false;
}
