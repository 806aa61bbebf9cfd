import type { SecretKind } from "./types.js";
import { analyzeName, isServerLicenseKey, splitNameWords, tenantQualifiedName, type NameAnalysis } from "./secret-name.js";
import { charClasses, entropyBits, looksLikeIdentifier, looksLikeWords, randomLetterRuns, randomLetters, shannonEntropy } from "./entropy.js";
import { isObviousFake, isSequential, isStandInBasicCredential, isUuid, mostlyPercentEscapes, notSecretReason, percentDecoded } from "./placeholder-filter.js";
import { rulePlaceholderReason } from "./rule-filter.js";

// Is `name = value` a secret? Several signals together: how strongly the name
// says "secret", the value's shape (length, character classes, entropy, words
// or not), the kind of file, and whether the path is a test fixture. Entropy is
// one signal, not the gate: `DB_PASSWORD=hunter2hunter` in a .env is a secret, (vaultshift:allow: an example, not a credential)
// `password = "password"` is not, and `apiKey = "AbstractFactoryBean"` is not.

/** env: a .env file; config: YAML/INI/JSON/…; code: source; docs: Markdown and friends. */
export type JudgeContext = "env" | "config" | "code" | "docs";

export type Judgement =
  | { secret: true; kind: SecretKind; confidence: number; reason: string; name: NameAnalysis }
  | { secret: false; reason: string };

const DB_SCHEMES = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis(?:s)?|rediss|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|neo4j(?:\+s)?|cassandra|couchdb|jdbc:[a-z]+)(?::|$)/i;

/** The password of a `scheme://user:password@host` URL, with its offset in the value, or null. */
const ID_WORDS = new Set(["id", "ids", "uuid", "guid"]);
const UUID_CREDENTIAL_KINDS = new Set<SecretKind>(["api-key", "token", "password", "database-credential", "cloud-credential"]);

export function urlPassword(value: string): { password: string; offset: number; scheme: string } | null {
  // The host may be missing: Airflow's `slack://:<token>@` (builtin-detector.ts urlPassword).
  const m = /^([a-z][a-z0-9+.:-]*):\/\/([^/\s:@]*):([^\s@/]+)@(?:[^\s@]|$)/i.exec(value);
  if (!m) return null;
  return { password: m[3]!, offset: m[1]!.length + 3 + m[2]!.length + 1, scheme: m[1]! };
}

/** Longest run of lower-case letters: words show up as long runs, random tokens rarely exceed 4. */
function longestLowerRun(s: string): number {
  if (/^[0-9a-f]+$/.test(s)) return 0; // hex: letters a-f in runs are not words
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}

/** Share of the value made of runs of 4+ lower-case letters: words glued with separators (`vaultshift-fingerprint-v1`). */
function wordRatio(s: string): number {
  if (/^[0-9a-f]+$/.test(s)) return 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) run++;
    else {
      if (run >= 4) inRuns += run;
      run = 0;
    }
  }
  return s.length === 0 ? 0 : inRuns / s.length;
}

/** A word of 16+ characters mixing three character classes with high entropy: a token, not prose. */
function isRandomWord(w: string): boolean {
  return w.length >= 16 && charClasses(w).count >= 3 && shannonEntropy(w) >= 3.8 && !looksLikeWords(w);
}

// Eight or more characters with no space or format character, mixing upper case, lower case and a digit.
const RANDOM_RUN = /(?=[^\s%]{0,40}?[A-Z])(?=[^\s%]{0,40}?[a-z])(?=[^\s%]{0,40}?[0-9])[^\s%]{8,}/;

// `_models.SecretBase`, `azure.core.credentials.AzureKeyCredential`: lower-case module segments, then a class
// whose name is words (`SecretBase`, `HTTPBasicAuth`).
const PYTHON_CLASS_PATH = /^_?[a-z][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*\.[A-Z][a-z]+(?:[A-Z][a-z]+|[A-Z]{2,5}(?=[A-Z][a-z]|$))+$/;
const PYTHON_GENERIC = /^(?:typing\.)?(?:Optional|Union|List|Dict|Sequence|Mapping|MutableMapping|Tuple|Set|FrozenSet|Type|Callable|Iterable|Iterator|Literal|Annotated|ClassVar|Final|list|dict|tuple|set|type)\[[\w.,\s\[\]"'|]{1,120}\]$/;

/** Code, regexes, format strings and templates rather than a literal credential. */
function looksLikeCodeOrPattern(v: string, context: JudgeContext): boolean {
  // The inside of a string concatenation read as a literal: `{token:"+n.token+",secret:"+n.key+"}`
  // in minified code, where the quotes belong to the surrounding strings.
  // Also `"Error fetching MFA token: "+s),{code:…}` (aws-sdk.min.js): `+`, an expression, then code punctuation.
  if (/^\+[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?\+?$|^\+[A-Za-z_$][\w$.]*(?:\(\))?\+$|^\+[A-Za-z_$][\w$.]*(?:\(\))?[),;}\]]/.test(v)) return true;
  // PHP/Perl concatenation with a variable read as a value: `'_password='.$encoded` (the quotes close after `=`).
  if (/^\.\s*\$[A-Za-z_]\w*/.test(v)) return true;
  // A PHP namespaced class (`PhpMyAdmin\\Controllers\\UserPasswordController`, escaped in a string or not).
  if (/^\\?[A-Z][A-Za-z0-9_]*(?:\\{1,2}[A-Z][A-Za-z0-9_]*)+$/.test(v)) return true;
  // A scoped name (`OpenSSL::PKey::RSA.new 2048`, `std::env::var`, `Foo::Bar->new`): Ruby, Rust, C++, Perl, PHP code.
  if (/^[A-Za-z_]\w*(?:::[A-Za-z_]\w*)+(?:$|[.(\s]|->)/.test(v)) return true;
  // In a .env value `\n`, `\t` and `\r` are a string's escaped control characters (a
  // double-quoted dotenv value, a PEM on one line), not a pattern; `\d`, `\w`, `\s`, `\b` still are.
  if (context === "env" ? /\\[dwsb]/.test(v) : /\\[dwsbnt]/.test(v)) return true;
  // A printf specifier makes a format string (`Bearer %s`, `%s:%s@%s`), unless the rest is a random run of its
  // own (`%s@h72Jlj?G8Ur` in a batch file's `set "SQL_PWD=…"`, where `%s` is two characters of a password).
  if (/%[sd](?![A-Za-z0-9])/.test(v) && !RANDOM_RUN.test(v.replace(/%[sd]/g, " "))) return true;
  // A Python type written as a string (a forward reference in an annotation: `password: "_models.SecretBase"`,
  // `password: "Optional[str]" = None`), or a class named by its module in config.
  if (context !== "env" && (PYTHON_CLASS_PATH.test(v) || PYTHON_GENERIC.test(v))) return true;
  return /%\(\w+\)[sd]|\{\d*\}|\(\?|\[a-z|\[A-Z|\[0-9|^\^.*\$$|=>|\bfunction\b|\breturn\b|\bnew [A-Z]|\w\(\)|\(\w*\)$|^\w+\.\w+\(|^\w+\(/.test(v);
}

// The credential words a name is made of (`SN_id_it_revPassphrase`, `ClientTrafficSecret`).
const CREDENTIAL_WORD = new Set(["pass", "passwd", "password", "passwords", "passphrase", "pwd", "secret", "secrets", "token", "tokens", "key", "keys", "apikey", "credential", "credentials", "creds", "auth", "community"]);

/**
 * A value that is itself a name holding a credential word, made only of words and short numbers
 * (`id-it-revPassphrase`, `CLIENT_TRAFFIC_SECRET_0`, `regToken`): the label, constant or key of
 * a secret (C `#define SN_… "id-…"`, Rust enum labels), not the secret. A random part
 * (`k9`, `2024`) makes it a value again.
 */
export function namesACredential(v: string): boolean {
  if (v.length > 80 || !/^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+$|^[a-z]+(?:[A-Z][a-z]+)+$/.test(v)) return false;
  const words = v
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  let credential = false;
  for (const w of words) {
    if (CREDENTIAL_WORD.has(w)) credential = true;
    else if (!/^[a-z]{2,}\d{0,3}$|^\d{1,3}$/.test(w)) return false;
  }
  return credential;
}

/**
 * A value that repeats its own name: a key, label, flag or class named after the setting, not a secret.
 * Generated code and registries pair the two (aws-cdk-lib: `addPropertyResult("ec2SshKey","Ec2SshKey",…)`,
 * `"AWS::Route53::KeySigningKey": "aws-cdk-lib/aws-route53.CfnKeySigningKey"`, the feature flag
 * `LOG_USER_POOL_CLIENT_SECRET_VALUE = "@aws-cdk/cognito:logUserPoolClientSecretValue"`). The value is the
 * name (case and separators aside), or ends with a name of two or more words where a word of the value
 * starts. A password that merely ends in a word (`Welcome1password`) is not this.
 */
export function echoesItsName(name: string, value: string): boolean {
  const segments = name.split(/::|[./:[\]"'\s]/).filter(Boolean);
  const last = segments.pop() ?? name;
  const v = value.toLowerCase().replace(/[^a-z0-9]/g, "");
  // The value spells a parent key in another case: a serializer's attribute map (Azure's generated SDKs,
  // `"disk_iops_read_write": {"key": "diskIOPSReadWrite", "type": "int"}`) maps a field to its wire name.
  if (segments.some((s) => s !== value && s.toLowerCase().replace(/[^a-z0-9]/g, "") === v && splitNameWords(s).length >= 2)) return true;
  const n = last.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (n.length < 6) return false;
  if (v === n) return true;
  // The name is the value behind a prefix (`opSetSMBGuestPassword = "SetSMBGuestPassword"`, an operation constant).
  if (n.endsWith(v) && v.length >= 8 && /^[A-Za-z][A-Za-z0-9]*$/.test(value) && splitNameWords(value).length >= 2) return true;
  if (!v.endsWith(n) || splitNameWords(last).length < 2) return false;
  // Where the suffix starts in the value as written: a separator or a lower-to-upper case step before it.
  let start = value.length;
  for (let seen = 0; start > 0 && seen < n.length; ) if (/[A-Za-z0-9]/.test(value[--start]!)) seen++;
  const before = value[start - 1];
  return before === undefined || !/[A-Za-z0-9]/.test(before) || (/[a-z0-9]/.test(before) && /[A-Z]/.test(value[start]!));
}

/** `@aws-cdk/core:assetHashSalt`: a package-scoped key (feature flags, context keys), not a value. */
const SCOPED_KEY = /^@[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*:[A-Za-z][A-Za-z0-9._-]*$/;

/**
 * An OpenPGP key id or fingerprint: 8, 16 or 40 hex digits (`0x` optional, a fingerprint often in groups
 * of four) under a name about package signing (`sign_key: E709712C` in Ansible roles' apt and yum
 * settings, `GPG_KEY=E3FF…0568` in Dockerfiles). It names the public key that verifies packages. Upper
 * case, as gpg prints them; lower case only under a gpg/pgp name, since a lower-case hex `SIGNING_KEY`
 * is as likely an HMAC key.
 */
export function isOpenPgpKeyId(name: string, value: string): boolean {
  const v = value.replace(/^0x/i, "").replace(/ /g, "");
  if (!(v.length === 8 || v.length === 16 || v.length === 40) || !/^[0-9A-Fa-f]+$/.test(v)) return false;
  if (/gpg|pgp/i.test(name)) return true;
  return /^[0-9A-F]+$/.test(v) && /(?:^|[^a-z])(?:sign(?:ing)?|apt|yum|repo|keyserver|keyring)|(?:sign|apt|yum|repo)(?:_?key|ing)/i.test(name);
}

/**
 * Two or more camelCase humps of three or more letters, each with a vowel and no five consonants in a row
 * (`maximumPageSize`, `SetSmbGuest`): an identifier, even when its letter pairs look random to
 * `randomLetters` (`ax xi mu um iz ze` in `maximumPageSize`). Random letters rarely fall into such humps.
 */
export function camelCaseWords(value: string): boolean {
  if (!/^(?:[a-z]{3,}|[A-Z][a-z]{2,})(?:[A-Z][a-z]{2,})+$/.test(value)) return false;
  return value.split(/(?=[A-Z])/).every((hump) => /[aeiouy]/i.test(hump) && !/[b-df-hj-np-tv-xz]{5}/i.test(hump));
}

// Also dotted: a private tag or attribute namespace (Datadog's propagated `_dd.p.llmobs_ml_app`, `_dd.p.dm`).
const PRIVATE_IDENTIFIER = /^_[a-z]+(?:[_.][a-z]+)+$/;
const APP_PASSWORD = /^[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}$/;
const NOT_A_SECRET: Judgement = { secret: false, reason: "" };

/**
 * The last test before a secret: is the value shaped like a credential for a name
 * like this one (length, character classes, entropy, words) in this context?
 * `strength` is the name's, raised for a bare `pass` in config and .env files.
 */
function shapeOf(analysis: NameAnalysis, value: string, context: JudgeContext): { ok: boolean; strength: NameAnalysis["strength"]; classes: number } {
  const len = value.length;
  const classes = charClasses(value).count;
  const h = shannonEntropy(value);
  // Random letters (a token over [a-z0-9] has long letter runs by chance) are not words: the run
  // and word tests below would otherwise reject about two thirds of 32-character lower-case tokens
  // under a strong or medium name. Weak names keep the run test.
  const random = randomLetters(value);
  const run = longestLowerRun(value);
  // Its long letter runs random too (too few pairs for `random`): 2-8% of 20-30 character [a-z0-9]
  // tokens under API_KEY-like names were turned down for a 7-letter run (bench/peer-parity.ts).
  const randomRuns = !random && len >= 20 && randomLetterRuns(value, 6);
  // A bare `pass` key in a config or .env file (`pass = …` in INI, rclone, msmtp) names a password, and
  // so does one in code, where it is a map key beside a user (nodemailer's `auth: { user, pass }`, a Perl
  // `(user => …, pass => …)` hash) or a variable (`pass` is a statement, not a name, only in Python).
  const strength = analysis.head === "PASS" && (context === "config" || context === "env" || context === "code") ? "strong" : analysis.strength;
  const passwordLike = strength === "strong" && (analysis.kind === "password" || analysis.kind === "database-credential");
  // Random tokens rarely hold 4 lower-case letters in a row; words glued with separators do.
  const wordy =
    (!random && (looksLikeWords(value) || (context !== "env" && looksLikeIdentifier(value)) || (!passwordLike && context !== "env" && wordRatio(value) > 0.6))) ||
    (context !== "env" && camelCaseWords(value));

  let ok: boolean;
  if (strength === "strong" && (analysis.kind === "password" || analysis.kind === "database-credential" || analysis.kind === "generic-secret" || analysis.kind === "cloud-credential" || analysis.kind === "private-key" || analysis.kind === "webhook")) {
    if (context === "env") ok = len >= 4;
    else if (context === "config") ok = len >= 6 && !wordy && (classes >= 2 || len >= 10);
    else if (context === "code") ok = len >= 8 && !wordy && classes >= 2 && !(run >= 8 && classes < 3 && !random);
    else ok = len >= 10 && !wordy && classes >= 3 && h >= 3;
    if (!ok && context === "env" && wordy && len >= 6) ok = true;
  } else if (strength === "strong" || strength === "medium") {
    const min = context === "env" ? 8 : 12;
    ok = len >= min && !wordy && classes >= 2 && h >= 3 && (run < 7 || classes >= 3 || random || randomRuns);
    if (!ok && context === "env") ok = decoratedToken(value, DECORATED_TOKEN_MIN[strength]);
    if (context === "docs") ok = ok && classes >= 3 && len >= 16;
  } else {
    // Hex carries at most 4 bits a character: 43% of random 32-character and 18% of 40-character hex
    // values fall under the 3.6 meant for base62 and base64 (measured, 20,000 each); 3.2 keeps ~99%.
    const hex = /^(?:[0-9a-f]+|[0-9A-F]+)$/.test(value);
    // Random letters (pairs mostly rare: `xqvkzj`, not `server`) pass the run test as under stronger names, in
    // config and .env files only and from 20 characters: PagerDuty's routing keys and Pushover's keys are 30-32
    // characters of [a-z0-9] (https://developer.pagerduty.com/docs/events-api-v2/overview/, https://pushover.net/api),
    // Finnhub's are 20, and a 6-letter run is in about half of random 20-character ones (measured, 3,000 under
    // FINNHUB_KEY in a .env file: 38% were found with the old 30-character bound, 97% now). In code a weak name (`key`, `authorizationKey`)
    // holds client-side and test keys as often as secrets (blind corpora 12 and 15), so there the run test stays.
    ok = len >= 16 && !wordy && classes >= 2 && h >= (hex ? 3.0 : 3.3) && (run < 6 || ((random || randomRuns) && len >= 20 && (context === "config" || context === "env")));
    // A random token behind a word (`thumbor-9fK2mQ7xLp4vR8nZ`, an app's name as a key's prefix): the
    // word's letter run fails the test above, the token itself passes it on its own.
    if (!ok && context === "env") ok = decoratedToken(value, DECORATED_TOKEN_MIN.weak);
    if (context === "docs" || context === "code") ok = ok && len >= 20 && h >= (hex ? 3.2 : 3.6);
  }
  return { ok, strength, classes };
}

/**
 * The least length of the random token that words may surround (`decoratedToken`): the more the name
 * says "secret", the shorter the token that makes the value one. A sentence holds no such token.
 */
const DECORATED_TOKEN_MIN: Record<NameAnalysis["strength"], number> = { strong: 8, medium: 8, weak: 16, none: Infinity };

/**
 * Words around one random token (`thumbor-9fK2mQ7xLp4vR8nZ`, `thumbor-CANARY-dev-R8vK2nX5qL7w`,
 * `thumbor key MySecr3t`): an app's or a person's label on a key, in a .env file. The token is the
 * credential; the words' letter runs and spaces fail the shape tests meant for the whole value.
 * Every other part must be a word or a short number (`dev`, `2024`), so prose, paths and ids do not pass.
 */
function decoratedToken(value: string, min: number): boolean {
  if (value.length < min + 2 || value.length > 200) return false;
  const parts = value.split(/[\s\-_.:,;/()[\]]+/);
  let tokens = 0;
  let words = 0;
  for (const p of parts) {
    if (p.length === 0) continue;
    if (/^[A-Za-z]{1,24}$/.test(p) || /^\d{1,4}$/.test(p)) words++;
    else if (randomToken(p, min)) tokens++;
    else return false;
  }
  return tokens === 1 && words >= 1 && words <= 8;
}

/** A run of letters and digits that is random rather than a word, a version or a model name: `R8vK2nX5qL7w`, `MySecr3t`, a hex key. */
function randomToken(t: string, min: number): boolean {
  if (t.length < min || !/^[A-Za-z0-9]+$/.test(t)) return false;
  const classes = charClasses(t).count;
  // Short tokens must mix upper case, lower case and digits; 16+ characters may be hex or base36.
  if (classes < (t.length >= 16 ? 2 : 3)) return false;
  // Eight distinct characters have 3 bits of entropy at most: the bar follows the length up to 3.3.
  return shannonEntropy(t) >= Math.min(3.3, Math.log2(t.length) - 0.4) && longestLowerRun(t) < (t.length >= 16 ? 6 : 5) && !looksLikeWords(t);
}

/**
 * `quick`: the caller uses only secrets (not the reason why a value is not one), so a value
 * whose shape fails is turned down before the placeholder chain, with an empty reason. The
 * chain costs ~8 µs a value and 98% of the values the detectors bring pass it only to fail
 * the shape test; the secrets found are the same.
 */
/** A server's licence key in a .env file (isServerLicenseKey): a vendor's key, whose value must look random. */
const SERVER_LICENSE_KEY: NameAnalysis = { strength: "weak", kind: "api-key", head: "LICENSE_KEY", negative: false };

/** The strings of a JSON array of 1 to 16 non-empty strings (`["a","b"]`); null for anything else. */
function jsonStringList(value: string): string[] | null {
  if (!value.endsWith("]") || value.length > 4096) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > 16) return null;
  return parsed.every((v): v is string => typeof v === "string" && v.trim() !== "") ? parsed : null;
}

/** A name that is `salt` alone or after a dotted path (`pairwise.salt`), not a salt named for its use (`HASH_SALT`). */
export function isBareSalt(name: string): boolean {
  return /^salt$/i.test(name.replace(/^.*[._-]/, "")) && !/[_-]salt$/i.test(name);
}

/**
 * `siteSalt`: the caller read the text around a bare `salt` and found no hash, digest or iteration count beside
 * it (generic-detector.ts perRecordSalt), so it is an application's own salt (Matomo's `[General] salt`, MISP's
 * `Security.salt`, Hydra's pairwise `salt`): a pepper or HMAC key that the application mixes into hashes and
 * signed links, a secret like any key. A salt stored next to its hash is public by design and stays config.
 */
export function judge(name: string, rawValue: string, context: JudgeContext, testPath = false, quick = false, siteSalt = false): Judgement {
  let analysis = analyzeName(name);
  if (analysis.negative && context === "env" && analysis.head.endsWith("_KEY") && isServerLicenseKey(name)) analysis = SERVER_LICENSE_KEY;
  // `SMTP_PASSWORD_ACME`: a tenant's copy of the secret in a .env file, when the value looks random (tenantQualifiedName).
  if (analysis.negative && context === "env") analysis = tenantQualifiedName(name) ?? analysis;
  if (analysis.negative) return { secret: false, reason: `name ${name} describes something about a secret, not the secret itself` };
  let value = rawValue.trim();
  // A JSON list of secrets in a .env file (`CSRF_SECRETS=["new…","old…"]`, keys kept for rotation): each
  // element is judged under the list's name, and the list is a secret when one of them is.
  if (context === "env" && value.startsWith("[")) {
    const list = jsonStringList(value);
    if (list) {
      for (const item of list) {
        const j = judge(name, item, context, testPath, quick, siteSalt);
        if (j.secret) return { ...j, reason: `a JSON list of ${list.length} values; its item: ${j.reason}` };
      }
      return quick ? NOT_A_SECRET : { secret: false, reason: "a JSON list whose items are not secrets" };
    }
  }
  // A value written mostly as percent escapes (`%c3%89t%C3%A9`, a URL-parser test's expected password) is
  // judged as what it decodes to (`été`): that is the password, and the escapes' digits are not entropy.
  // Not UTF-8 escapes: judged as written (percentDecoded).
  if (value.length >= 6 && mostlyPercentEscapes(value)) value = percentDecoded(value);
  if (/^(?:Bearer|Basic|Token|Bot)\s+\S/i.test(value) && (analysis.kind === "token" || analysis.head.includes("AUTH"))) value = value.replace(/^\S+\s+/, "");
  if (value !== rawValue.trim() && /^basic\s/i.test(rawValue.trim()) && isStandInBasicCredential(value)) return { secret: false, reason: "Basic credential of a stand-in user:password" };
  // The same credential without its scheme under an `auth` name: Docker's config.json `"auth"` and .npmrc's
  // `_auth` hold base64(user:password) (https://docs.docker.com/reference/cli/docker/login/), and docs show
  // them with `username:password`.
  if (analysis.head.includes("AUTH") && /^[A-Za-z0-9+/]{8,}={0,2}$/.test(value) && isStandInBasicCredential(value)) return { secret: false, reason: "base64 of a stand-in user:password" };

  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(value)) {
    const stub = rulePlaceholderReason(value);
    if (stub) return { secret: false, reason: stub };
    return { secret: true, kind: "private-key", confidence: 0.97, reason: "value is a PEM private key", name: analysis };
  }
  const url = urlPassword(value);
  if (url) {
    // `postgres://recipes:recipes@localhost/recipes`: a password equal to the user name is a local
    // default (docker-compose's and the framework templates'), as builtin-detector.ts's URL reader decides too.
    if (value.slice(url.scheme.length + 3, url.offset - 1) === url.password) return { secret: false, reason: "URL whose password is its user name" };
    const why = notSecretReason(url.password);
    if (why) return { secret: false, reason: `URL whose password is a ${why}` };
    const db = DB_SCHEMES.test(url.scheme);
    return {
      secret: true,
      kind: db ? "database-credential" : "connection-string",
      confidence: 0.9,
      reason: `value is a ${db ? "database " : ""}URL with an embedded password`,
      name: analysis,
    };
  }
  // Every way to a secret below passes the shape test, but the app-password form and a random
  // value under a name that says nothing (the strength "none" branch).
  // The shape is computed once: what passes here is judged on the same shape below.
  let shape: ReturnType<typeof shapeOf> | undefined;
  if (quick && analysis.strength !== "none" && !APP_PASSWORD.test(value) && !(shape = shapeOf(analysis, value, context)).ok) return NOT_A_SECRET;
  const why = notSecretReason(value, name.toLowerCase());
  if (why) return { secret: false, reason: why };
  if (analysis.strength === "none") {
    // A name that says nothing: only an unmistakably random value in a .env file counts.
    // A name ending in an id word (VITE_AUTH0_CLIENT_ID, FIREBASE_APP_ID) names an identifier, random as it looks.
    if (context === "env" && !ID_WORDS.has(splitNameWords(name).pop() ?? "") && value.length >= 32 && charClasses(value).count >= 3 && shannonEntropy(value) >= 4.3 && longestLowerRun(value) < 6 && !/\s/.test(value)) {
      return { secret: true, kind: "generic-secret", confidence: 0.5, reason: `value is a ${value.length}-character random string with ${entropyBits(value)} bits of entropy`, name: analysis };
    }
    return { secret: false, reason: "name does not suggest a secret" };
  }
  // A bare `salt` is public by design in password hashing (stored next to the hash, e.g. SRP/PBKDF2
  // parameters); an application-wide `HASH_SALT` / `AUTH_SALT` in a .env or config acts as a key.
  if (analysis.head === "SALT" && context !== "env" && !siteSalt && isBareSalt(name)) {
    return { secret: false, reason: "a bare salt is not secret by design" };
  }
  // A bare `hmac` field is a computed MAC stored beside ciphertext (Chef encrypted data bags, Fernet-style
  // envelopes, webhook payload samples), not the key that made it (`hmac_key`, `HMAC_SECRET`).
  if (analysis.head === "HMAC" && context !== "env" && /^hmac$/i.test(name.replace(/^.*[.]/, ""))) {
    return { secret: false, reason: "a bare hmac is a message authentication code, not its key" };
  }
  // A pre-shared-key mode names the key exchange, not the key: OpenSSL's `SN_kx_ecdhe_psk = "KxECDHE-PSK"`
  // (obj_mac.h), cipher suites such as `ECDHE-PSK-AES128-CBC-SHA256`.
  if (analysis.head.includes("PSK") && /(?:^|[^a-z])psk(?:[^a-z]|$)/i.test(value)) {
    return { secret: false, reason: "value names a PSK cipher suite or key exchange, not a key" };
  }
  // UUIDs are request ids, idempotency tokens, tenant ids… They count only under a strong
  // credential name (`HEROKU_API_KEY`, `api_key:`, `SNYK_TOKEN`, `client_secret`): Heroku, Postmark,
  // Snyk, Codecov, Opsgenie, Coinbase Commerce and Vault AppRole issue UUID-shaped credentials.
  // In docs a UUID under such a name is the usual sample, so there it never counts.
  // In a config file a secret that its name says is one (`client_secret`, `admin_secret`, `token_hmac_secret_key`,
  // `webhook_secret`) is a credential whatever its shape: ORCID and other issuers hand out UUID client secrets
  // (`orcid.client-secret=<uuid>`), and servers generate UUIDs as their shared secrets (Centrifugo's
  // `genconfig` writes `token_hmac_secret_key`, `admin_secret` and `api_key` as UUIDs:
  // https://centrifugal.dev/docs/server/configuration#generate-minimal-configuration). A bare `secret:` or
  // `secret_key:` beside ids may be one of them, and code keeps its UUID client secrets in SDK tests and
  // samples, so both stay out.
  const leaf = name.replace(/^.*[.]/, "");
  const namedSecret = context === "config" && /[a-z0-9][-_]?secret(?:[-_]?key)?$/i.test(leaf);
  if (isUuid(value) && (context === "docs" || analysis.strength !== "strong" || (context !== "env" && !namedSecret && !UUID_CREDENTIAL_KINDS.has(analysis.kind)))) {
    return { secret: false, reason: "value is a UUID" };
  }
  if (isOpenPgpKeyId(name, value)) return { secret: false, reason: "value is an OpenPGP key id or fingerprint (public)" };
  // Google account app passwords are shown as four groups of four lower-case letters
  // (https://support.google.com/accounts/answer/185833) and pasted as such into SMTP settings.
  if (analysis.strength === "strong" && analysis.kind === "password" && APP_PASSWORD.test(value) && !isSequential(value.replace(/ /g, ""))) {
    return { secret: true, kind: "password", confidence: 0.8, reason: `name ends in ${analysis.head} and value is shaped like a Google app password`, name: analysis };
  }
  if (looksLikeCodeOrPattern(value, context)) return { secret: false, reason: "value is code, a pattern or a format string" };
  if (context !== "env" && namesACredential(value)) return { secret: false, reason: "value is the name of a credential, not one" };
  if (echoesItsName(name, value)) return { secret: false, reason: "value repeats its own name: a key or label, not a secret" };
  if (context !== "env" && SCOPED_KEY.test(value)) return { secret: false, reason: "value is a package-scoped key (@scope/package:name)" };
  // `_rb_sess_id`, `_myapp_session`: a leading underscore and lower-case snake_case words name a cookie
  // or a private identifier (Ruby's CGI::Session `'session_key' => '_rb_sess_id'`, Rails' `key: '_app_session'`).
  // Not under a password's name: there it is the password (`_kwoz_trelm_vaxu`), as it was before this filter.
  if (context !== "env" && analysis.kind !== "password" && analysis.kind !== "database-credential" && PRIVATE_IDENTIFIER.test(value)) return { secret: false, reason: "value is a cookie or private identifier's name" };
  const spaces = (value.match(/\s/g) ?? []).length;
  // A quoted sentence or passphrase holding a random token under a credential name in a .env file
  // (`API_SECRET="it's \"quoted\" Xk9q…"`): the token makes it a credential, whatever surrounds it.
  // Words around a shorter token (`thumbor key MySecr3t`) count too, the shorter the stronger the name (decoratedToken).
  if (
    (spaces >= 2 || (spaces === 1 && context !== "env")) &&
    !(context === "env" && analysis.strength === "strong" && value.split(/\s+/).some(isRandomWord)) &&
    !(context === "env" && decoratedToken(value, DECORATED_TOKEN_MIN[analysis.strength]))
  ) {
    return { secret: false, reason: "value is text with spaces" };
  }

  const { ok, strength, classes } = shape ?? shapeOf(analysis, value, context);
  if (!ok) return { secret: false, reason: `value does not look like a credential for a name like ${analysis.head}` };
  if (testPath && isObviousFake(value)) return { secret: false, reason: "obvious fake value in a test fixture" };

  let confidence = strength === "strong" ? 0.75 : strength === "medium" ? 0.6 : 0.5;
  const bits = entropyBits(value);
  if (bits >= 60) confidence += 0.1;
  if (classes >= 3) confidence += 0.05;
  if (context === "env") confidence += 0.05;
  if (context === "docs") confidence -= 0.15;
  if (testPath) confidence -= 0.15;
  confidence = Math.round(Math.min(0.95, Math.max(0.3, confidence)) * 100) / 100;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const where =
    words.length <= 1 ? `name is ${analysis.head}` : words.join("_").endsWith(analysis.head) ? `name ends in _${analysis.head}` : `name contains ${analysis.head}`;
  return { secret: true, kind: analysis.kind, confidence, reason: `${where} and value has ${bits} bits of entropy`, name: analysis };
}
