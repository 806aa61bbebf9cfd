import type { SecretKind } from "./types.js";
import type { FileInfo } from "./file-kind.js";
import { hasHashTwin, hasSecretTwin } from "./twin-keys.js";
import { analyzeName, HEAD_KEYWORDS } from "./secret-name.js";
import { isBareSalt, judge, type JudgeContext } from "./judge.js";
import { isSpaceCode } from "./char-codes.js";
import { namesKeyBlock } from "./test-vector.js";
import { templateDefault } from "./template-defaults.js";
import { ansiCDecoded, ansiCQuoted, odbcBraced } from "./quoting-forms.js";
import { weakEncodedAuth } from "./encoded-auth.js";

// Generic `name = value` secrets in every common syntax: .env and shell
// (`export X=…`), YAML (`key: value`), JSON (`"key": "value"`), TOML/INI and
// Java .properties (`key = value`), Python/Ruby/Go/Java/C#/PHP/Terraform
// assignments and struct or dict literals (`x := "…"`, `'password' => '…'`,
// `Password: "…"`), Dockerfile `ENV`/`ARG`, XML elements and attributes
// (`<password>…</password>`, `<add key="DbPassword" value="…"/>`), Kubernetes
// `- name: X` / `value: …` pairs and `define('X', '…')` calls.
//
// It does not parse: it takes the places where secret-ish words start (the
// engine's keyword pass finds them), takes the identifier around each one, and reads the
// operator and the value right after it. Unquoted values count only in files
// where they are literals (config, shell, docs), never in code, where they are
// expressions.

export interface GenericHit {
  ruleId: string;
  kind: SecretKind;
  name: string;
  secret: string;
  start: number;
  end: number;
  confidence: number;
  reason: string;
}

// Maps whose keys are user names and values their passwords: Orthanc's `"RegisteredUsers": { "alice": "…" }`
// (https://orthanc.uclouvain.be/book/users/configuration.html#configuration-file) and the Prometheus
// exporter-toolkit's `basic_auth_users: { alice: <bcrypt> }` (https://prometheus.io/docs/prometheus/latest/configuration/https/),
// whose hashes the judge turns down as it does under any password name. secret-name.ts has the keyword.
const USER_PASSWORD_MAP = /(?:^|[._-])(?:registered|basic[_-]?auth)[_-]?users$/i;

// Words that can head a secret name (secret-name.ts HEAD_KEYWORDS).
const HEAD_RE = new RegExp(HEAD_KEYWORDS.join("|"), "gi");

// Characters of a name: letters, digits, `_ $ . -` (dotted and kebab keys included).
const IDENT_CHARS = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.-") IDENT_CHARS[ch.charCodeAt(0)] = 1;

function isIdentCode(c: number): boolean {
  if (c < 128) return c >= 0 && IDENT_CHARS[c] === 1;
  return isNameLetter(c);
}

/**
 * Letters of names not written in ASCII (foreign-words.ts): Latin-1 and Latin Extended (`ä ñ ł ş`,
 * not `× ÷`), Greek and Cyrillic, kana and CJK ideographs, Hangul syllables; U+FFFD too, a letter of a
 * legacy-encoded file read as UTF-8. Punctuation, symbols and full-width forms (`：`) end a name.
 */
function isNameLetter(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f) || (c >= 0x3041 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) || c === 0xfffd;
}

/**
 * The UTF-16 code unit at `i`, or -1 outside the text. The value readers compare codes, not
 * one-character strings: `text[i]` past either end is undefined, and above U+00FF it is a new,
 * non-internalized string; either one, met for the first time late in a scan, made V8 throw away
 * the optimised readers ("out of bounds", "wrong instance type") and compile them again.
 */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

// Rust's array types hold a `;` before their length (`&[u8; 32]`), no other `;`.
const TYPE_ANNOTATION = /:[ \t]*[&A-Za-z_(\[](?:[\w.<>[\]|?, ]|;(?=[ \t]*\d{1,4}[ \t]*\])){0,40}?[ \t]*=(?![=>])[ \t]*/y;
// Visual Basic declares a type with `As` (`Const X As String = "…"`, `Dim x As String = "…"`; VB is case-insensitive).
const VB_AS_TYPE = /[ \t]+as[ \t]+[A-Za-z_][\w.]{0,40}[ \t]*=(?![=>])[ \t]*/iy;
// `<-` is R's assignment (`census_key <- "…"`); only a literal can follow it here, so a
// comparison with a negative number (`x <-1`) never yields a value. `?=` is Make's conditional
// assignment (`DOCKER_PASSWORD ?= …`, GNU make manual §6.2.4). A `:` may be followed by `\"`: a
// JSON object kept escaped inside a JSON string (`"{\"apiKey\":\"…\"}"`).
const OPERATOR = /[ \t]*(?::=|=>|\?\?=|\?=|\|\|=|=(?![=~])|:(?![:=])(?=[ \t]|["'`]|\\"|@"|$)|<-(?=[ \t"']))[ \t]*/my;
// After a quoted name: `"X-Api-Key", "value": "…"` (Postman headers and variables, HAR
// headers, `{"name": …, "value": …}` pairs), `key="Password" value="…"` (and Android `<meta-data android:name="…" android:value="…"/>`), a call's next argument,
// and Scala/Kotlin map entries `"password" -> "…"` / `"password" to "…"`. The `"value":` form is
// tried before the bare comma, which would otherwise take it for a call argument.
// `"ParameterValue"`: CloudFormation parameter files (`{"ParameterKey": "DbPassword", "ParameterValue": "…"}`),
// `"Value"` in AWS CLI/Elastic Beanstalk option settings (`{"OptionName": "X", "Value": "…"}`),
// `"OutputValue"` in stack outputs (`aws cloudformation describe-stacks`: `{"OutputKey": "ClientSecret", "OutputValue": "…"}`).
// `{ key: 'LOGIN_PASSWORD', value: '…' }`: the same pair in a JavaScript/TypeScript object or YAML flow
// mapping, the `value` key bare or single-quoted (Checkly's and Playwright's environment variable lists).
const AFTER_QUOTED_NAME = /(?:[ \t]+(?:android:)?value[ \t]*=[ \t]*|[ \t]*,[ \t]*(?:"(?:[Vv]alue|ParameterValue|OutputValue)"|'[Vv]alue'|[Vv]alue)[ \t]*:[ \t]*|[ \t]*(?:->|[ \t]to)[ \t]+(?=["'])|[ \t]*,[ \t]*(?=["']|HeaderValue::from_static\())/y;
// Erlang/Elixir tuples in config terms: `{db_password, "…"}`, `{:api_key, "…"}`.
const TUPLE_VALUE = /[ \t]*,[ \t]*(?=["'])/y;
// `"name": {` then `"value": ` (ARM parameter files), across at most a few lines.
// A `"type"` (or `"kind"`, `"alg"`) entry may come first: Tendermint/CometBFT's `"priv_key": {"type":
// "tendermint/PrivKeyEd25519", "value": "…"}` (priv_validator_key.json, node_key.json), a typed secret value.
// Exports that wrap every value in a typed object name it the same way: `terraform output -json`
// (`"db_password": {"sensitive": true, "type": "string", "value": "…"}`, where -json prints sensitive values),
// DynamoDB JSON (`"client_secret": {"S": "…"}`, binary `{"B": "<base64>"}`) and Firestore's REST documents
// (`"secretKey": {"stringValue": "…"}`). Azure DevOps variable group exports flag each variable
// (`"StorageConnection": {"isSecret": false, "value": "…"}`: a secret kept as a plain variable is still a secret).
const PARAMETER_VALUE = /[ \t]*:[ \t]*\{[ \t\r\n]{0,120}(?:"(?:type|kind|alg|@type|sensitive|isSecret)"[ \t]*:[ \t]*(?:"[^"\r\n]{0,100}"|true|false)[ \t]*,[ \t\r\n]{0,120}){0,2}"(?:value|S|B|stringValue|bytesValue)"[ \t]*:[ \t]*/y;
// Clojure/EDN maps and Leiningen profiles: `:db-password "…"` (a keyword, then the value).
const KEYWORD_VALUE = /[ \t]+(?=")/y;
// A setter with one literal argument: `$mollie->setApiKey("…")`, `client.setPassword('…')`.
// Go and C# methods are capitalised: `client.SetPassword("…")`, `github.NewClient(nil).WithAuthToken("…")`.
const SETTER_NAME = /(?:^|[.$])(?:[Ss]et|[Ww]ith)[A-Z_]\w*$/;
// A builder method named by the secret itself: `DataSourceBuilder.create().password("…")`,
// `OpenAIOkHttpClient.builder().apiKey("…")`, `Client.builder().token("…")`. Only after a `.`:
// a bare `password("…")` call is as often a UI label or a validator.
const BUILDER_NAME = /(?:^|\.)(?:password|passwd|passphrase|secret|token|api_?key|client_?secret|access_?token|auth_?token|bearer_?token|secret_?key|private_?key|secret_?access_?key|master_?key|signing_?key)$/i;
const SETTER_ARGUMENT = /\([ \t]*(?=["'])/y;
const ELEMENT_ATTRIBUTES = /"(?:[ \t]+[\w:.-]{1,40}="[^"<>\n]{0,100}"){1,4}[ \t]*>/y;
const PLIST_VALUE = /[ \t]*\r?\n?[ \t]*<string>/y;
const XML_VALUE = /[ \t]*\r?\n?[ \t]*<value>/y;
const NAMESPACED_NAME = /<([A-Za-z_][\w.-]{0,19}):name>$/;
// KeePass XML exports: `<String><Key>Password</Key><Value ProtectInMemory="True">…</Value></String>`, the name in
// a `<Key>` element and the value in the `<Value>` beside it. KeePass marks an exported password `ProtectInMemory="True"`;
// a bare `<Value>` is a hand-written test database and `Protected="True"` the ciphertext of a database's inner XML.
const KEYED_VALUE = /[ \t]*\r?\n?[ \t]*<Value[ \t]+ProtectInMemory="True"[ \t]*>/y;
// .NET user and application settings: `<setting name="ErpPassword" serializeAs="String"><value>…</value></setting>`.
const SETTING_VALUE = /<value>/y;
// A value attribute after other attributes of an element named by `name`/`key`/`id`: Group Policy Preferences
// registry items (`name="DefaultPassword" type="REG_SZ" value="…"`), OVF properties (`ovf:key="admin_password"
// ovf:type="string" ovf:password="true" ovf:value="…"`), WiX (`<Property Id="SERVICEPASSWORD" Value="…"/>`) and
// Service Fabric parameters (`<Parameter Name="DbPassword" Value="…"/>`).
const LATER_VALUE_ATTRIBUTE = /(?:[ \t]+[\w:.-]{1,40}="[^"<>\n]{0,100}"){0,4}[ \t]+(?:[\w-]{1,20}:)?[Vv]alue[ \t]*=[ \t]*(?=")/y;
const VB_COLLECTION = /(?:^|[^\w.])[A-Z][\w]{0,30}(?:\.[A-Z][\w]{0,30}){0,2}\($/;
const VB_ASSIGN = /^[ \t]*=(?![=>])/;
// HTML form fields hold what a page posts (a CSRF `authenticity_token`, a hidden field of a saved page), not configuration.
const ELEMENT_VALUE_ATTRIBUTE = /(?:[ \t]+[\w:.-]{1,40}="[^"<>\n]{0,100}"){0,3}[ \t]+[Vv]alue[ \t]*=[ \t]*(?=")/y;
const ATTRIBUTES_THEN_TEXT = /(?:[ \t]+[\w:.-]{1,40}="[^"<>\n]{0,100}"){1,4}[ \t]*>/y;
const HTML_FORM_ELEMENT = /^<(?:input|meta|option|param|button|select|textarea)\b/i;
const ENCRYPTED_FLAG = /[ \t](?:[\w-]{1,20}:)?(?:is)?encrypted="(?:true|1)"/i;
const NAMING_ATTRIBUTE = /[ \t](?:[\w-]{1,20}:)?(?:name|key|id)="$/i;
const ELEMENT_VALUE = /[ \t]*\r?\n?[ \t]*<Value>/y;
const C_ARRAY = /\[[0-9]{0,4}\][ \t]*(?==)/y;
const DEFINITION_FORM = /(?:\((?:def|defonce|defconst|defvar|defparameter|setq|setf|define)[ \t]+(?:\^:?[\w-]+[ \t]+)*|(?:^|[ \t(])set[ \t]*\([ \t]*)$/i;
const K8S_VALUE = /[ \t]*\r?\n[ \t]*value:[ \t]*/y;
// Bounded: a value longer than the detector accepts is not read to its end (a 1 MB line must stay linear).
const UNQUOTED = /[^\s,;'"`<>(){}[\]]{1,2001}/y;
// In a URL query (`?password=…&next=…`) the value ends at `&`.
const UNQUOTED_QUERY = /[^\s,;&'"`<>(){}[\]]{1,2001}/y;
// A shell word after `NAME=` (no space around `=`): commas are part of it (`PGPASSWORD=Quartz,376… psql`,
// `export API_KEYS=k1,k2`); POSIX splits words on blanks and operators only (XCU 2.3, 2.6.5: not on `,`).
const SHELL_WORD = /[^\s;'"`<>(){}[\]|&]{1,2001}/y;
// A name or member path: before `(` it is a call.
const CALLEE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

function contextOf(info: FileInfo): JudgeContext {
  return info.kind === "dotenv" ? "env" : info.kind === "docs" ? "docs" : info.kind === "js" || info.kind === "code" ? "code" : "config";
}

export function ruleIdFor(kind: SecretKind): string {
  switch (kind) {
    case "password":
    case "database-credential":
      return "generic-password";
    case "api-key":
      return "generic-api-key";
    case "token":
      return "generic-token";
    default:
      return "generic-secret";
  }
}

/** A `"""…"""` string that opens and closes on the same line (at most 2,000 characters). */
function tripleQuoted(text: string, i: number): { start: number; end: number } | null {
  const close = text.indexOf('"""', i + 3);
  if (close === -1 || close - i > 2000 || close === i + 3) return null;
  const nl = text.indexOf("\n", i + 3);
  return nl !== -1 && nl < close ? null : { start: i + 3, end: close };
}

/** Reads a quoted string starting at `i` (the quote). Same line only; backslash escapes. */
function readQuoted(text: string, i: number): { start: number; end: number } | null {
  const q = text.charCodeAt(i);
  if (codeAt(text, i + 1) === q && codeAt(text, i + 2) === q) return null; // triple-quoted blocks: not a one-line literal
  for (let j = i + 1; j < text.length && j < i + 4096; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* backslash */) {
      j++;
      continue;
    }
    if (c === q) return { start: i + 1, end: j };
    if (c === 10 && q !== 96 /* ` */) return null;
  }
  return null;
}

/** Offsets where a head word starts (ASCII letters folded; leftmost-first, not overlapping). */
export function headOffsets(text: string): number[] {
  const out: number[] = [];
  HEAD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEAD_RE.exec(text)) !== null) out.push(m.index);
  return out;
}

/**
 * `heads`: ascending offsets where a head word starts, from the engine's
 * keyword pass (rule-set.ts records them, folding ASCII letters only);
 * without it, the detector searches the text itself. Any superset of the
 * leftmost non-overlapping occurrences gives the same hits: a head inside the
 * name already read is skipped.
 */
export function detectGeneric(text: string, info: FileInfo, heads: ArrayLike<number> = headOffsets(text)): GenericHit[] {
  const context = contextOf(info);
  const hits: GenericHit[] = [];
  let scripts: Array<[number, number]> | undefined;
  let parentLookups = 0;
  let next = 0;
  for (let h = 0; h < heads.length; h++) {
    let s = heads[h]!;
    if (s < next) continue;
    // Head words are identifier characters: the name runs on from the head's start.
    let e = s + 1;
    while (s > 0 && isIdentCode(text.charCodeAt(s - 1))) s--;
    while (e < text.length && isIdentCode(text.charCodeAt(e))) e++;
    next = e;
    // `-p`/`--password` flags and `this.`/`$` prefixes: trim punctuation at the ends
    // (leading `.$-`, then trailing `.-`).
    let a = s;
    let b = e;
    for (let c = text.charCodeAt(a); a < b && (c === 46 || c === 36 || c === 45); c = text.charCodeAt(++a));
    for (let c = text.charCodeAt(b - 1); b > a && (c === 46 || c === 45); c = text.charCodeAt(--b - 1));
    const trimmedLeft = a - s;
    if (b === a || b - a > 100) continue;
    let name = text.slice(a, b);
    let values: { start: number; end: number }[] | null = null;
    // A bare `key` takes its meaning from the section it is in: `"Jwt": { "Key": "…" }`, `jwt:\n  key: …`.
    // Alone it names nothing (secret-name.ts), so without a parent or a value it is skipped; the value is
    // read first, as most bare keys have none (`for (const key of …)`, `obj[key]`) and the parent is a
    // walk back over up to 600 characters and 20 lines.
    if (b - a === 3 && (text.charCodeAt(a) | 32) === 107 && (text.charCodeAt(a + 1) | 32) === 101 && (text.charCodeAt(a + 2) | 32) === 121) {
      if (parentLookups++ >= 2000) continue;
      const hit = valueAfter(text, s + trimmedLeft, e, info);
      if (hit === null) continue;
      const parent = keyPathSection(text, s) ?? parentKey(text, s, context !== "code");
      // An upper-case `KEY` constant in code needs no parent (secret-name.ts). Elsewhere `KEY = …` is a
      // row of crypto test vectors (BoringSSL's and NIST CAVP's `KEY =`, `NONCE =`, `IN =`, `CT =` files).
      if (parent) name = `${parent}.${name}`;
      else if (name !== "KEY" || context !== "code") continue;
      values = [hit];
    }
    // Most names have no value after them (`nextToken)`, `keys;`, `author,`): the character after the
    // name says so before the name is analysed (a Map lookup hashing a fresh slice, ~330,000 per 335 MB).
    if (values === null && !valueMayFollow(text, s + trimmedLeft, e)) continue;
    let analysis = analyzeName(name);
    let childNames: string[] | null = null;
    if (values === null && isPluralName(name) && (values = arrayValues(text, e, info)) !== null) {
      // `"apiKeys": ["…", "…"]`, `AUTH_TOKENS = ['…']`: each element is named by the singular.
      name = name.slice(0, -1);
      analysis = analyzeName(name);
      if (analysis.strength !== "strong") continue;
    } else if (values === null && (isPluralName(name) || USER_PASSWORD_MAP.test(name))) {
      // `secrets:` over named lists (Ory Hydra's `secrets: system: [- …]`, Kratos' `cookie:`/`cipher:`): each
      // item is a secret of its child's kind, named `<child>_<singular>` (`cookie_secret`).
      // `secrets:`/`passwords:`/`tokens:` over scalars too (PeerTube's `secrets: peertube: '…'`); not `keys:`,
      // whose children are as often key bindings, names or public halves.
      // An object literal of strings the same way, in any syntax (`.serverlessrc`'s `"accessKeys": {"<org>": "AK…"}`,
      // `API_KEYS = { prod: "…" }`).
      const children = (info.unquotedLiterals ? yamlChildLists(text, e, info, !endsWithFolded(name, name.length - 1, "key")) : null) ?? objectValues(text, e);
      if (children !== null) {
        // A map of user names to passwords, named so by its program: each child is the user's password.
        const singular = USER_PASSWORD_MAP.test(name) ? "password" : name.slice(0, -1);
        analysis = analyzeName(singular);
        if (analysis.strength !== "strong") continue;
        values = children.map((c) => c.value);
        childNames = children.map((c) => `${c.child}_${singular.replace(/^.*[.]/, "")}`);
      }
    }
    if (analysis.strength === "none" || analysis.negative) continue;
    const found = values ?? [valueAfter(text, s + trimmedLeft, e, info)];
    for (let v = 0; v < found.length; v++) {
    const hit = found[v];
    if (!hit) continue;
    if (childNames !== null) {
      name = childNames[v]!;
      analysis = analyzeName(name);
      if (analysis.strength === "none" || analysis.negative) continue;
    }
    const value = text.slice(hit.start, hit.end);
    if (value.length < 4 || value.length > 2000) continue;
    // Inside an HTML page's `<script>` element the text is code, not prose.
    let where = context;
    if (context === "docs" && (scripts ??= scriptRanges(text)).length > 0 && inRanges(scripts, hit.start)) where = "code";
    // A line that is nothing but `NAME=value` under an upper-case variable name is an environment dump (a
    // crash report's or a CI log's `env` output pasted into a text file), read as configuration, not prose.
    else if (context === "docs" && isEnvDumpLine(text, hit.start, hit.end)) where = "config";
    if (declaredDigest(text, hit.start, hit.end, value)) continue;
    // `"auth": base64("hello:world")`: judged by the password it encodes (encoded-auth.ts).
    if (weakEncodedAuth(name, value, where, info.testPath)) continue;
    // Bash's `$'…'` is judged as the shell makes it, its escapes decoded (quoting-forms.ts).
    const judged = codeAt(text, hit.start - 1) === 39 && codeAt(text, hit.start - 2) === 36 && info.unquotedLiterals ? ansiCDecoded(value) : value;
    const verdict = judge(name, judged, where, info.testPath, true, (where === "config" || where === "code") && analysis.head === "SALT" && isBareSalt(name) && !perRecordSalt(text, hit.start, hit.end));
    if (!verdict.secret) continue;
    // `PrivateKey=<label>` above a PEM block, `PeerKey=<label>-Peer-PUBLIC` (OpenSSL's evp_test data): the name a
    // known-answer test file gives a key block, not a key (test-vector.ts). The block itself is still judged by
    // the private-key rules; a password name is never a label (a passphrase above its encrypted key is a secret).
    if (verdict.kind !== "password" && /key/i.test(name) && namesKeyBlock(value.trim(), text)) continue;
    // `TWITTER_OAUTH_KEY` beside `TWITTER_OAUTH_SECRET`: the identifier half of a key pair (twin-keys.ts).
    if (verdict.kind !== "password" && hasSecretTwin(name, text, hit.start)) continue;
    // `pwd_salt` beside `pwd_sha1`: the salt of a stored hash (twin-keys.ts).
    if (analysis.head === "SALT" && hasHashTwin(name, text, hit.start)) continue;
    if (where === "code" && (isParameterPrefix(text, hit.start, hit.end) || inDocExample(text, hit.start))) continue;
    // The position covers the secret itself (after a `Bearer ` prefix, if any).
    const inner = value.trim();
    let start = hit.start + value.indexOf(inner);
    let secret = inner;
    const bearer = /^(?:Bearer|Basic|Token|Bot)\s+/i.exec(inner);
    if (bearer && (verdict.kind === "token" || analysis.head.includes("AUTH"))) {
      start += bearer[0].length;
      secret = inner.slice(bearer[0].length);
    }
    hits.push({
      ruleId: ruleIdFor(verdict.kind),
      kind: verdict.kind,
      name,
      secret,
      start,
      end: start + secret.length,
      confidence: verdict.confidence,
      reason: verdict.reason,
    });
    }
  }
  return hits;
}

// An attribute of the same element that says the value is a digest: Guacamole's user-mapping.xml
// `password="<md5 hex>" encoding="md5"` (also `sha256`; https://guacamole.apache.org/doc/gug/configuring-guacamole.html#user-mapping),
// and the same declaration as `hash=`/`digest=`/`algorithm=`/`encoding:` beside a value in other formats.
const DIGEST_DECLARATION = /(?:^|[\s,{])(?:encoding|hash|hashed|digest|algorithm|hash_?algorithm)["']?[ \t]*[=:][ \t]*["']?(?:md5|sha-?1|sha-?224|sha-?256|sha-?384|sha-?512)(?![\w-])/i;

// ASP.NET forms authentication: `<credentials passwordFormat="SHA1">` (or MD5) declares the digest on the parent
// element of every `<user name="…" password="…"/>` it holds; `passwordFormat="Clear"` keeps the passwords themselves.
const FORMS_DIGEST = /passwordFormat="(?:SHA1|MD5|SHA256|SHA384|SHA512)"[^<]*>(?:(?!<\/credentials>)[^])*$/i;

/**
 * True when the value at [start, end) is a hex digest of a length MD5 or SHA-1/2 give and the rest of its
 * element or line (up to 160 characters either side, not past `<`/`>` or a line break) declares a digest
 * encoding: the stored form of a password, not the password.
 */
function declaredDigest(text: string, start: number, end: number, value: string): boolean {
  if (![32, 40, 56, 64, 96, 128].includes(value.length) || !/^[0-9a-fA-F]+$/.test(value)) return false;
  let from = start;
  while (from > 0 && start - from < 160 && !/[\n<>]/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < 160 && !/[\n<>]/.test(text[to]!)) to++;
  return DIGEST_DECLARATION.test(text.slice(from, start)) || DIGEST_DECLARATION.test(text.slice(end, to)) || FORMS_DIGEST.test(text.slice(Math.max(0, start - 400), start));
}

// Words of a stored hash's record: a salt beside one of them is that record's salt (a user row, a PBKDF2 test
// vector, a password file entry), public by design.
// A passphrase or KDF word beside it makes it a key-derivation parameter (Pulumi's passphrase secrets provider keeps
// `{"type": "passphrase", "state": {"salt": "v1:…"}}` in the stack, public by design).
const RECORD_WORDS = /(?:hash|digest|iteration|iter|rounds|cost|verifier|dklen|keylen|derived|ciphertext|expected|vector|passphrase|kdf|(?:^|[^a-z])dk(?![a-z]))/i;

/**
 * True when a line within three lines of the value at [start, end) (its own included, the value left out)
 * names a hash, digest, iteration count or derived key: the salt belongs to a stored record or a KDF's test vector. Reads at most 600
 * characters either side.
 */
function perRecordSalt(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 600), start).split("\n").slice(-4).join("\n");
  const after = text.slice(end, end + 600).split("\n").slice(0, 4).join("\n");
  return RECORD_WORDS.test(before) || RECORD_WORDS.test(after);
}

/**
 * False when neither `valueAfter(text, s, e, …)` nor `arrayValues(text, e, …)` can find a value, from the
 * character at `e` (the end of the name's identifier run) and its neighbour: every form they read starts
 * there with a blank, a quote, an operator (`=`, `:`, `?=`, `??=`, `||=`, `<-`, `=>`), `(` (a setter), `[`
 * (a C array), `>`/`<` (XML elements and plists), `\` (escaped quotes), `,` after a tuple's `{name` and
 * a line break after `- name:` or `key:` (Kubernetes', Render's `value:` on the next line). The test compares it with both readers.
 */
export function valueMayFollow(text: string, s: number, e: number): boolean {
  switch (codeAt(text, e)) {
    case 32: case 9: case 34: case 39: case 96: case 92: case 58: case 61: case 40: case 91: case 62:
      return true;
    case 44: // `,`: TUPLE_VALUE
      return isTupleKey(text, s);
    case 10: case 13: // K8S_VALUE
      return endsWithNameColon(text, Math.max(0, s - 12), s) || endsWithKeyColon(text, Math.max(0, s - 12), s);
    case 63: { // `?=`, `??=`
      const c = codeAt(text, e + 1);
      return c === 61 || c === 63;
    }
    case 124: // `||=`
      return codeAt(text, e + 1) === 124;
    case 60: { // `<-`, `</key>`, `</name>`
      const c = codeAt(text, e + 1);
      return c === 45 || c === 47;
    }
    default:
      return false;
  }
}

/**
 * A quoted `word=` continued by an expression in code (`'Crypto-Key': 'p256ecdsa=' + publicKey`,
 * `"key=" + apiKey`): the literal is the parameter's name and its `=`, the value is the expression.
 * Base64 (mixed case, `…==`) is not this, nor a literal followed by another literal.
 */
function isParameterPrefix(text: string, start: number, end: number): boolean {
  const q = text.charCodeAt(end);
  if ((q !== 34 && q !== 39 && q !== 96) || text.charCodeAt(start - 1) !== q) return false;
  // A parameter's name is lower-case words (`p256ecdsa`, `client_secret`); mixed case is a Base64 value.
  if (!/^[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*=$/.test(text.slice(start, end))) return false;
  return /^[ \t]*\+[ \t]*[A-Za-z_$(]/.test(text.slice(end + 1, end + 80));
}

/**
 * The offset is in a doc comment's `@example` section (JSDoc/TSDoc, and the SDKs generated from API
 * specs, which show every request with sample values): `/**`, ` * @example`, ` *     clientSecret: "…"`.
 * The section runs from the tag to the next tag or the comment's end. Only the name-based reader skips
 * it: a provider's format is still reported there (a real key pasted into an example is still a key).
 */
export function inDocExample(text: string, at: number): boolean {
  let end = at;
  for (let n = 0; n < 60; n++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, n === 0 ? at : end).trimStart();
    if (n === 0 ? !line.startsWith("*") || line.startsWith("*/") : false) return false;
    if (n > 0) {
      if (line.startsWith("/**") || line.startsWith("/*")) return /^\/\*\*?\s*@example\b/.test(line);
      if (!line.startsWith("*") || line.startsWith("*/")) return false;
      const tag = /^\*\s*@(\w+)/.exec(line);
      if (tag) return tag[1] === "example";
    }
    if (start === 0) return false;
    end = start - 1;
  }
  return false;
}

const ENV_DUMP_PREFIX = /^[ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]{2,80}=$/;

/** The value at [start, end) is a whole line's `NAME=value`, the value unquoted and running to the line end. */
function isEnvDumpLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (start - lineStart > 100 || !ENV_DUMP_PREFIX.test(text.slice(lineStart, start))) return false;
  const c = text.charCodeAt(end);
  return Number.isNaN(c) || c === 10 || c === 13;
}

/** The [start, end) ranges of the `<script>` elements' content (none without a `<script`). */
export function scriptRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = text.indexOf("<script");
  while (i !== -1 && out.length < 1000) {
    const open = text.indexOf(">", i);
    if (open === -1) break;
    const close = text.indexOf("</script", open);
    out.push([open + 1, close === -1 ? text.length : close]);
    if (close === -1) break;
    i = text.indexOf("<script", close);
  }
  return out;
}

function inRanges(ranges: Array<[number, number]>, at: number): boolean {
  for (const [s, e] of ranges) if (at >= s && at < e) return true;
  return false;
}

/**
 * `/(?:key|token|secret|password)s$/i.test(name)` read from the end (the regex, anchored at the
 * end, was tried at every offset of each of ~400,000 names per 335 MB of sources).
 */
export function isPluralName(name: string): boolean {
  const n = name.length;
  if (n < 4 || (name.charCodeAt(n - 1) | 32) !== 115 /* s */) return false;
  // `…_FALLBACKS`: Django's SECRET_KEY_FALLBACKS lists the previous keys, still accepted for signatures
  // (https://docs.djangoproject.com/en/stable/ref/settings/#secret-key-fallbacks).
  return endsWithFolded(name, n - 1, "key") || endsWithFolded(name, n - 1, "token") || endsWithFolded(name, n - 1, "secret") || endsWithFolded(name, n - 1, "password") || endsWithFolded(name, n - 1, "fallback");
}

/** `name` has `word` (lower-case ASCII letters) just before `end`, ASCII letters compared case-insensitively. */
function endsWithFolded(name: string, end: number, word: string): boolean {
  const from = end - word.length;
  if (from < 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = name.charCodeAt(from + i);
    const w = word.charCodeAt(i);
    if (c !== w && c !== w - 32) return false;
  }
  return true;
}
// After a plural name: its closing quote if any, `:`/`=`, then `[` (possibly on the next line).
const ARRAY_OPEN = /["']?[ \t]*(?::|=|:=)[ \t]*\r?\n?[ \t]*\[/y;
const ARRAY_GAP = /[\s,]{0,200}/y;
// YAML: `api_keys:` then `  - …` items, one per line.
const LIST_OPEN = /["']?[ \t]*:[ \t]*(?:#[^\n]{0,200})?\r?\n/y;
const LIST_ITEM = /[ \t]{0,40}-[ \t]+/y;

/** The scalar items of the YAML block list under the name ending at `e` (at most 20); null if none. */
function yamlListValues(text: string, e: number, info: FileInfo): { start: number; end: number }[] | null {
  LIST_OPEN.lastIndex = e;
  if (!LIST_OPEN.test(text)) return null;
  const out: { start: number; end: number }[] = [];
  let j = LIST_OPEN.lastIndex;
  while (out.length < 20) {
    LIST_ITEM.lastIndex = j;
    if (!LIST_ITEM.test(text)) break;
    const v = literalAt(text, LIST_ITEM.lastIndex, info);
    // A mapping item (`- name: x`) or a nested list is not a scalar.
    const after = v ? codeAt(text, v.end) : -1;
    if (!v || after === 58 || (after === 34 || after === 39) && codeAt(text, v.end + 1) === 58) return null;
    out.push(v);
    const nl = text.indexOf("\n", v.end);
    if (nl === -1 || nl - v.end > 200) break;
    j = nl + 1;
  }
  return out.length > 0 ? out : null;
}

// A child key of a YAML mapping on its own line, then its block list.
const CHILD_KEY = /([ \t]{1,40})([A-Za-z_][\w-]{0,40})[ \t]*:[ \t]*(?:#[^\n]{0,200})?\r?\n/y;
// A child key with its scalar value on the same line: PeerTube's `secrets:\n  peertube: '…'`.
const CHILD_SCALAR = /([ \t]{1,40})([A-Za-z_][\w-]{0,40})[ \t]*:[ \t]+(?=[^\s#])/y;

/**
 * The scalar items of the block lists under the child keys of the mapping after the name ending at `e`
 * (`secrets:\n  system:\n    - …\n  cookie:\n    - …`), each with its child's key; at most 10 children and 20
 * items. Null unless every child up to the mapping's end is a list of scalars.
 */
function yamlChildLists(text: string, e: number, info: FileInfo, scalars = false): { child: string; value: { start: number; end: number } }[] | null {
  LIST_OPEN.lastIndex = e;
  if (!LIST_OPEN.test(text)) return null;
  const out: { child: string; value: { start: number; end: number } }[] = [];
  let j = LIST_OPEN.lastIndex;
  let indent = -1;
  for (let n = 0; n < 10; n++) {
    CHILD_KEY.lastIndex = j;
    let m = CHILD_KEY.exec(text);
    let items: { start: number; end: number }[] | null = null;
    if (m === null && scalars) {
      // `peertube: '…'`: one scalar (a nested mapping or a list is no value: literalAt reads neither).
      CHILD_SCALAR.lastIndex = j;
      m = CHILD_SCALAR.exec(text);
      const v = m ? literalAt(text, CHILD_SCALAR.lastIndex, info) : null;
      if (m && v === null) return null;
      if (v) items = [v];
    }
    if (!m || (indent !== -1 && m[1]!.length !== indent)) break;
    indent = m[1]!.length;
    items ??= yamlListValues(text, j + m[1]!.length + m[2]!.length, info);
    if (items === null) return null;
    for (const value of items) if (out.length < 20) out.push({ child: m[2]!, value });
    const last = items[items.length - 1]!;
    const nl = text.indexOf("\n", last.end);
    if (nl === -1) break;
    j = nl + 1;
  }
  return out.length > 0 ? out : null;
}

// After a plural name: its closing quote if any, `:`/`=`, then `{` (possibly on the next line).
const OBJECT_OPEN = /["']?[ \t]*(?::|=|:=)[ \t]*\r?\n?[ \t]*\{/y;
// One entry: a name, bare or quoted, `:`, then a quoted value.
const OBJECT_ENTRY = /(?:"([A-Za-z_][\w.-]{0,60})"|'([A-Za-z_][\w.-]{0,60})'|([A-Za-z_][\w-]{0,60}))[ \t]*:[ \t]*(?=["'])/y;

/**
 * The entries of the object literal assigned to the name ending at `e`, each with its name (at most 20, within
 * 2,000 characters); null unless every entry up to the closing `}` is a name and one quoted string.
 */
function objectValues(text: string, e: number): { child: string; value: { start: number; end: number } }[] | null {
  OBJECT_OPEN.lastIndex = e;
  if (!OBJECT_OPEN.test(text)) return null;
  const out: { child: string; value: { start: number; end: number } }[] = [];
  let j = OBJECT_OPEN.lastIndex;
  const limit = j + 2000;
  for (;;) {
    ARRAY_GAP.lastIndex = j;
    ARRAY_GAP.test(text);
    j = ARRAY_GAP.lastIndex;
    if (codeAt(text, j) === 125 /* } */ || j >= limit || out.length === 20) break;
    OBJECT_ENTRY.lastIndex = j;
    const m = OBJECT_ENTRY.exec(text);
    if (!m) return null;
    const v = readQuoted(text, OBJECT_ENTRY.lastIndex);
    if (!v) return null;
    out.push({ child: m[1] ?? m[2] ?? m[3]!, value: v });
    j = v.end + 1;
  }
  return out.length > 0 && codeAt(text, j) === 125 ? out : null;
}

/** The quoted elements of the array literal assigned to the name ending at `e` (at most 20, within 2,000 characters); null if it is not an array of literals. */
export function arrayValues(text: string, e: number, info: FileInfo): { start: number; end: number }[] | null {
  ARRAY_OPEN.lastIndex = e;
  if (!ARRAY_OPEN.test(text)) return info.unquotedLiterals ? yamlListValues(text, e, info) : null;
  const out: { start: number; end: number }[] = [];
  let j = ARRAY_OPEN.lastIndex;
  const limit = j + 2000;
  while (j < limit && out.length < 20) {
    ARRAY_GAP.lastIndex = j;
    ARRAY_GAP.test(text);
    j = ARRAY_GAP.lastIndex;
    const q = codeAt(text, j);
    if (q !== 34 && q !== 39) break;
    const v = literalAt(text, j, info);
    if (!v) break;
    out.push(v);
    j = v.end + 1;
  }
  return out.length > 0 && (codeAt(text, j) === 93 /* ] */ || out.length === 20) ? out : null;
}

/**
 * Start of the line holding `at` if it is at most `max` characters back, else -1.
 * Bounded on purpose: `lastIndexOf("\n")` per hit on a 1 MB single-line file is O(n²).
 */
function nearLineStart(text: string, at: number, max: number): number {
  for (let i = at - 1; i >= 0 && at - i <= max; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return at <= max ? 0 : -1;
}

/**
 * The key of the section enclosing offset `at`: for JSON-like text the key
 * before the nearest unclosed `{` (within 2,000 characters), for YAML the
 * nearest previous line with less indentation ending in `:`. Null if none.
 */
// A block opened by a bare word in configuration (HOCON `auth {`, nginx, Caddy, HCL): the word names the block.
const BLOCK_NAME = /(?:^|[\s{;])([A-Za-z_][\w.-]{0,60})[ \t]*$/;

/**
 * The section a quoted configuration key path names before its last colon: .NET configuration flattens
 * `{"OpenAI": {"Key": …}}` to `"OpenAI:Key"` (user-secrets' secrets.json, Azure App Service settings,
 * `dotnet user-secrets set`), so `Key` is OpenAI's. Null unless the path opens with a quote.
 */
function keyPathSection(text: string, s: number): string | null {
  if (codeAt(text, s - 1) !== 58 /* : */) return null;
  let k = s - 1;
  while (k > 0 && s - k <= 80 && (isIdentCode(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 58)) k--;
  const q = codeAt(text, k - 1);
  if (q !== 34 && q !== 39) return null;
  const path = text.slice(k, s - 1);
  const section = path.slice(path.lastIndexOf(":") + 1);
  return /^[A-Za-z_][\w.-]{0,60}$/.test(section) ? section : null;
}

export function parentKey(text: string, at: number, bareBlocks = false): string | null {
  const lineStart = nearLineStart(text, at, 200);
  if (lineStart === -1) return null;
  let indent = 0;
  for (let c = text.charCodeAt(lineStart); lineStart + indent < at && (c === 32 || c === 9); c = text.charCodeAt(lineStart + ++indent));
  let depth = 0;
  for (let i = at - 1; i >= 0 && at - i < 600; i--) {
    const c = text.charCodeAt(i);
    if (c === 125 /* } */) depth++;
    else if (c === 123 /* { */) {
      if (depth === 0) {
        const named = keyBefore(text, Math.max(0, i - 80), i);
        // `auth {\n  type = "bearer"\n  key = "…"\n}` (TheHive's Cortex servers in HOCON): not in code, where a
        // word before `{` is a keyword or a class (`else {`, `class Auth {`).
        if (named !== null || !bareBlocks) return named;
        const line = text.slice(Math.max(0, i - 80), i);
        return line.includes("\n") && /\n[ \t]*[A-Za-z_][\w.-]{0,60}[ \t]*$/.test(line) ? BLOCK_NAME.exec(line)?.[1] ?? null : null;
      }
      depth--;
    }
  }
  // YAML: walk up to a line indented less than this one. A sequence may sit at its key's own indentation
  // (`keyauth_credentials:\n- key: …`, Kong's decK files), so a `- ` item counts one column deeper; and a key
  // of a mapping item (`- name: admin\n  key: …`, APISIX's `admin_key` list) belongs to the item, whose
  // parent is the one to find, above the list's earlier items.
  let limit = text.charCodeAt(lineStart + indent) === 45 /* - */ && isSpaceCode(text.charCodeAt(lineStart + indent + 1)) ? indent + 1 : indent;
  let end = lineStart - 1;
  for (let n = 0; n < 20 && end > 0; n++) {
    const start = nearLineStart(text, end, 200);
    if (start === -1) return null;
    const line = text.slice(start, end);
    const m = /^([ \t]*)([A-Za-z_][\w.-]{0,60}):[ \t]*$/.exec(line);
    if (m && m[1]!.length < limit) return m[2]!;
    // An INI or TOML section header above the key (`[api]\nkey = …`, `[stripe]\nkey = …`): the section names it.
    if (bareBlocks && limit === 0 && text.charCodeAt(start) === 91 /* [ */) return /^\[[ \t]*([A-Za-z_][\w.-]{0,60})[ \t]*\][ \t]*$/.exec(line)?.[1] ?? null;
    const lineIndent = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() !== "" && lineIndent < limit && !m) {
      const item = /^[ \t]*-[ \t]+(?=\S)/.exec(line);
      if (item !== null && item[0].length === limit) limit = lineIndent + 1;
      else if (item === null || lineIndent !== limit - 1) return null; // not an earlier item of the same list
    }
    end = start - 1;
  }
  return null;
}

/**
 * What `/["']?([A-Za-z_][\w.-]{0,60})["']?\s*[:=]\s*$/.exec(text.slice(from, to))?.[1]`
 * returns, read backwards from `to` (the regex, anchored at the end, was tried
 * at every offset of the slice): the key before `:` or `=` and blanks at the
 * end. The name runs up to the operator (an optional quote and blanks between),
 * and the leftmost start wins: the first letter or `_` of the run of name
 * characters, at most 61 characters before its end.
 */
export function keyBefore(text: string, from: number, to: number): string | null {
  let j = to;
  while (j > from && isSpaceCode(text.charCodeAt(j - 1))) j--;
  const op = j > from ? text.charCodeAt(j - 1) : 0;
  if (op !== 58 /* : */ && op !== 61 /* = */) return null;
  j--;
  while (j > from && isSpaceCode(text.charCodeAt(j - 1))) j--;
  if (j > from && (text.charCodeAt(j - 1) === 34 || text.charCodeAt(j - 1) === 39)) j--;
  const end = j;
  while (j > from && isKeyCode(text.charCodeAt(j - 1))) j--;
  for (let k = Math.max(j, end - 61); k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return text.slice(k, end);
  }
  return null;
}

/** `[\w.-]`: ASCII letters, digits, `_`, `.`, `-`. */
function isKeyCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

/** The text of an element from `start` to its closing tag on the same line. */
function elementText(text: string, start: number, closeTag: string): { start: number; end: number } | null {
  const close = text.indexOf("<", start);
  if (close === -1 || close - start > 2000 || !text.startsWith(closeTag, close)) return null;
  const nl = text.indexOf("\n", start);
  if (nl !== -1 && nl < close) return null;
  return { start, end: close };
}

/** Where `<prefix:` starts when the `:` at `colon` ends an XML namespace prefix (`<con:`, `<wsse:`), else -1. */
function namespacedTagStart(text: string, colon: number): number {
  let i = colon - 1;
  while (i >= 0 && colon - i <= 20 && /[\w.-]/.test(text[i] ?? "")) i--;
  return i < colon - 1 && codeAt(text, i) === 60 /* < */ && /[A-Za-z_]/.test(text[i + 1] ?? "") ? i : -1;
}

/** The value assigned to the identifier at [s, e), if the text after it is an assignment. */
export function valueAfter(text: string, s: number, e: number, info: FileInfo): { start: number; end: number } | null {
  let j = e;
  // Character codes (codeAt: -1 outside the text), never one-character strings: see codeAt.
  const before = codeAt(text, s - 1);
  let next = codeAt(text, j);
  // `<ns:password>`: a namespace prefix before the name (SoapUI's `<con:password>`, WS-Security's `<wsse:Password …>`).
  const lt = before === 60 /* < */ ? s - 1 : before === 58 /* : */ ? namespacedTagStart(text, s - 1) : -1;
  // XML element: <password>value</password>
  if (lt !== -1 && next === 62 /* > */) {
    // `<password><![CDATA[…]]></password>` (JBoss/WildFly datasources, Maven settings): the section's text.
    if (text.startsWith("<![CDATA[", j + 1)) {
      const end = text.indexOf("]]>", j + 10);
      if (end === -1 || end - j > 2000 || !text.startsWith("</", end + 3) || text.slice(j + 10, end).includes("\n")) return null;
      return { start: j + 10, end };
    }
    const close = text.indexOf("<", j + 1);
    // Windows answer files (unattend.xml: `<Password>` then `<Value>…</Value>` on the next line, beside
    // `<PlainText>`; https://learn.microsoft.com/windows-hardware/customize/desktop/unattend/microsoft-windows-shell-setup-autologon-password-value).
    if (close !== -1 && codeAt(text, close + 1) !== 47) {
      ELEMENT_VALUE.lastIndex = j + 1;
      return ELEMENT_VALUE.test(text) ? elementText(text, ELEMENT_VALUE.lastIndex, "</Value>") : null;
    }
    if (close === -1 || codeAt(text, close + 1) !== 47 /* / */) return null;
    const nl = text.indexOf("\n", j + 1);
    if (nl !== -1 && nl < close) return null;
    return { start: j + 1, end: close };
  }
  // An element named by the secret, its value in a `value` attribute: Citrix StoreFront's `<sharedSecret value="…"/>`,
  // `<password value="…"/>` (log4j/logback appenders, Tomcat realms' nested elements). Not an element that says its
  // value is encrypted.
  // Or attributes, then the value as the element's text: BizTalk's `<Password vt="8">…</Password>` (an adapter's
  // property bag), `<password type="string">…</password>`.
  // A WS-Security `<wsse:Password Type="…#PasswordDigest">` holds a digest of nonce, time and password, not the password.
  if (lt !== -1 && (next === 32 || next === 9)) {
    ELEMENT_VALUE_ATTRIBUTE.lastIndex = j;
    const m = ELEMENT_VALUE_ATTRIBUTE.exec(text);
    if (m) return ENCRYPTED_FLAG.test(m[0]) ? null : readQuoted(text, ELEMENT_VALUE_ATTRIBUTE.lastIndex);
    ATTRIBUTES_THEN_TEXT.lastIndex = j;
    const a = ATTRIBUTES_THEN_TEXT.exec(text);
    return a && !ENCRYPTED_FLAG.test(a[0]) && !a[0].includes("#PasswordDigest") ? elementText(text, ATTRIBUTES_THEN_TEXT.lastIndex, `</${text.slice(lt + 1, e)}>`) : null;
  }
  // Property lists (Info.plist): `<key>API_SECRET</key>` then `<string>…</string>`,
  // on the same or the next line.
  if (before === 62 /* > */ && text.startsWith("</key>", j)) {
    PLIST_VALUE.lastIndex = j + 6;
    const m = PLIST_VALUE.exec(text);
    return m ? elementText(text, j + 6 + m[0].length, "</string>") : null;
  }
  // Hadoop-style configuration (core-site.xml, hive-site.xml, hbase-site.xml, Oozie, Ranger):
  // `<name>fs.s3a.secret.key</name>` then `<value>…</value>`, on the same or the next line
  // (https://hadoop.apache.org/docs/stable/hadoop-project-dist/hadoop-common/core-default.xml).
  if (before === 62 /* > */ && text.startsWith("</name>", j) && text.startsWith("<name>", s - 6)) {
    XML_VALUE.lastIndex = j + 7;
    const m = XML_VALUE.exec(text);
    return m ? elementText(text, j + 7 + m[0].length, "</value>") : null;
  }
  // The same pair under a namespace prefix: a SoapUI project's `<con:name>password</con:name><con:value>…</con:value>`.
  if (before === 62 /* > */ && text.startsWith("</", j)) {
    const ns = NAMESPACED_NAME.exec(text.slice(Math.max(0, s - 28), s));
    if (ns && text.startsWith(`</${ns[1]}:name>`, j)) {
      let at = j + ns[1]!.length + 8;
      while (at < text.length && at - j < 40 && /[ \t\r\n]/.test(text[at]!)) at++;
      const open = `<${ns[1]}:value>`;
      return text.startsWith(open, at) ? elementText(text, at + open.length, `</${ns[1]}:value>`) : null;
    }
  }
  if (before === 62 /* > */ && text.startsWith("</Key>", j) && text.startsWith("<Key>", s - 5)) {
    KEYED_VALUE.lastIndex = j + 6;
    const m = KEYED_VALUE.exec(text);
    return m ? elementText(text, j + 6 + m[0].length, "</Value>") : null;
  }
  // Elements named by an attribute: Android `<string name="api_secret">…</string>`, Hibernate
  // `<property name="hibernate.connection.password">…</property>`, `<entry key="db.password">…</entry>`.
  // More attributes may follow the name: `<string name="api_secret" translatable="false">…</string>`.
  // What follows is tested first: most double-quoted names are JSON keys (`"password": …`), not attributes.
  if (before === 34 && next === 34) {
    let at = -1;
    if (text.startsWith('">', j)) at = j + 2;
    else {
      ELEMENT_ATTRIBUTES.lastIndex = j;
      if (ELEMENT_ATTRIBUTES.test(text)) at = ELEMENT_ATTRIBUTES.lastIndex;
    }
    // Other attributes may come first: MySQL Workbench's `<value type="string" key="sshPassword">…</value>`.
    if (at !== -1 && /<[\w:.-]{1,40}(?:[ \t]+[\w:.-]{1,40}="[^"<>\n]{0,60}"){0,3}[ \t]+(?:[\w-]{1,20}:)?(?:name|key)="$/.test(text.slice(Math.max(0, s - 260), s))) {
      SETTING_VALUE.lastIndex = at;
      if (/<setting[ \t]/.test(text.slice(Math.max(0, s - 40), s)) && SETTING_VALUE.test(text)) return elementText(text, SETTING_VALUE.lastIndex, "</value>");
      return elementText(text, at, "</");
    }
  }
  // `${db.password:default}` (Spring `@Value`, properties) and `${DB_PASSWORD:-default}` (shell,
  // compose): the default after the name is a literal written into the file. `:?` / `:+` are not defaults.
  if (before === 123 /* { */ && codeAt(text, s - 2) === 36 /* $ */ && next === 58 /* : */) {
    const flag = codeAt(text, e + 1);
    if (flag !== 63 /* ? */ && flag !== 43 /* + */) {
      const from = flag === 45 /* - */ ? e + 2 : e + 1;
      const close = text.indexOf("}", from);
      if (close === -1 || close - from > 2000 || close === from) return null;
      const inner = text.slice(from, close);
      return /[\s${}"']/.test(inner) ? null : { start: from, end: close };
    }
  }
  // A long option in an argument list: `["--api-key", "…"]` (container args, subprocess calls).
  if (before === 45 /* - */ && codeAt(text, s - 2) === 45) {
    const q = codeAt(text, s - 3);
    if ((q === 34 || q === 39) && next === q) {
      NEXT_ARGUMENT.lastIndex = j + 1;
      return NEXT_ARGUMENT.test(text) ? readQuoted(text, NEXT_ARGUMENT.lastIndex) : null;
    }
  }
  let quotedName = false;
  if (before === 34 && codeAt(text, s - 2) === 92 /* \ */ && next === 92 && codeAt(text, j + 1) === 34) {
    // A name in escaped quotes, inside a JSON string: notebook cell source (`os.environ[\"X\"] = \"…\"`),
    // a JSON payload kept in a string (`"{\"password\": \"…\"}"`).
    j += 2;
    quotedName = true;
  } else if ((before === 34 || before === 39 || before === 96 /* ` */) && next === before) {
    j++;
    quotedName = true;
  } else if ((next === 34 || next === 39) && quoteOpensKeyPath(text, s, next)) {
    // A quoted key with a section prefix: `"Smtp:Password": "…"`, `"spring.datasource.password": …`.
    j++;
    quotedName = true;
  }
  if (quotedName) return quotedNameValue(text, s, j, info);
  if (before === 58 /* : */ && isKeywordMark(codeAt(text, s - 2))) {
    KEYWORD_VALUE.lastIndex = j;
    if (KEYWORD_VALUE.test(text)) return literalAt(text, KEYWORD_VALUE.lastIndex, info);
  }
  if (next === 40 /* ( */ && (SETTER_NAME.test(text.slice(s, e)) || isBuilderMethod(text, s, e))) {
    SETTER_ARGUMENT.lastIndex = j;
    if (!SETTER_ARGUMENT.test(text)) return null;
    const arg = literalAt(text, SETTER_ARGUMENT.lastIndex, info);
    // One argument only: `setHeader("X-Api-Key", value)` names a header, not this value.
    return arg && /^[ \t]*\)/.test(text.slice(arg.end + 1, arg.end + 40)) ? arg : null;
  }
  if (isTupleKey(text, s)) {
    TUPLE_VALUE.lastIndex = j;
    const t = TUPLE_VALUE.exec(text);
    if (t) return literalAt(text, j + t[0].length, info);
  }
  // Kubernetes env lists: `- name: DB_PASSWORD` then `value: …` on the next line; Render's and Bruno's
  // `key:` the same way (only when `value:` follows: `# old key: api_key = …` is an assignment).
  if (endsWithNameColon(text, Math.max(0, s - 12), s)) {
    K8S_VALUE.lastIndex = j;
    const k = K8S_VALUE.exec(text);
    if (k) return literalAt(text, j + k[0].length, info);
    return null;
  }
  if (endsWithKeyColon(text, Math.max(0, s - 12), s)) {
    K8S_VALUE.lastIndex = j;
    const k = K8S_VALUE.exec(text);
    if (k) return literalAt(text, j + k[0].length, info);
  }
  // The forms below that read the line before the name all have a blank after it, and the line's
  // start is looked for only then. (Only near a line start: never slice a long line per hit, or a
  // 1 MB line costs O(n²).)
  const blankAfter = next === 32 || next === 9;
  let lineStart = -2;
  if (blankAfter && (before === 32 || before === 9)) {
    lineStart = nearLineStart(text, s, 40);
    // C/C++/Objective-C `#define API_KEY "…"`.
    if (lineStart !== -1 && /^[ \t]*#[ \t]*define[ \t]+$/.test(text.slice(lineStart, s))) {
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      return literalAt(text, j, info);
    }
    // Dockerfile `ENV NAME value` / `ARG NAME=value`.
    if (lineStart !== -1 && /^[ \t]*(?:ENV|ARG)[ \t]+$/.test(text.slice(lineStart, s))) {
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      return literalAt(text, j, info, false, true, true);
    }
  }
  // C/C++/Objective-C arrays: `static const char api_key[] = "…"`, `char kSecret[33] = "…"`.
  if (next === 91 /* [ */ && !info.unquotedLiterals) {
    C_ARRAY.lastIndex = j;
    if (C_ARRAY.test(text)) {
      j = C_ARRAY.lastIndex;
      next = codeAt(text, j);
    }
  }
  // A definition form whose name is followed by its value: Lisp (`(def api-key "…")`, Clojure
  // `(def ^:private s3-secret "…")`, Emacs `(setq x "…")`, Scheme `(define x "…")`) and CMake
  // (`set(DB_PASSWORD "…" CACHE STRING "…")`).
  if ((next === 32 || next === 9) && (before === 32 || before === 9 || before === 40 /* ( */)) {
    if (lineStart === -2) lineStart = nearLineStart(text, s, 40);
    if (lineStart !== -1 && DEFINITION_FORM.test(text.slice(lineStart, s))) {
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      if (text.charCodeAt(j) === 34) return readQuoted(text, j);
      next = codeAt(text, j);
    }
  }
  const query = before === 63 /* ? */ || before === 38 /* & */;
  if (query && imageQuery(text, s - 1)) return null;
  const op = operatorValue(text, j, info, query, info.unquotedLiterals);
  if (op) return op;
  // A note's label with a remark before its colon: `Signing key password (ask Jo before rotating): …`,
  // `PRTG API key (read-only, for grafana): …`. Where literals are unquoted (notes, configs), the colon's only.
  if (info.unquotedLiterals && next === 32 && codeAt(text, j + 1) === 40 /* ( */) {
    REMARK.lastIndex = j;
    if (REMARK.test(text)) return operatorValue(text, REMARK.lastIndex, info, false, true);
  }
  if (next === 58 /* : */ && info.unquotedLiterals) {
    const nested = nestedValue(text, s, j, info);
    if (nested) return nested;
    // An HTTP header whose YAML value is a block list of one scalar: recorded requests (Ruby VCR, vcrpy,
    // go-vcr cassettes write every header as `Authorization:` then `- Bearer …`). Only header-shaped names
    // (`X-Api-Key`, `Authorization`): a config key's list (`api_secret:\n  - …`) is left to the plural rule.
    if (isHeaderName(text, s, e)) {
      const items = yamlListValues(text, j, info);
      if (items !== null && items.length === 1) return items[0]!;
    }
  }
  // In a comment of a source file the rest of the line is text, so `// old key: password=…` holds a
  // bare literal that the code reading (quoted values only) would skip.
  if (!info.unquotedLiterals && isCommentLine(text, s)) {
    const c = operatorValue(text, j, info, query, true);
    if (c) return c;
  }
  if ((next === 32 || next === 9) && before === 45 /* - */ && codeAt(text, s - 2) === 45) return flagValue(text, j, info);
  if (info.spaceSeparated !== true || (next !== 32 && next !== 9)) return null;
  return spaceSeparatedValue(text, s, j, info);
}

/** An HTTP header's field name: dashed (`X-Amz-Security-Token`, `x-api-key`), capitalised (`Authorization`), or `authorization`/`cookie`. */
function isHeaderName(text: string, s: number, e: number): boolean {
  const name = text.slice(s, e);
  return /^[A-Za-z][A-Za-z0-9]{0,30}(?:-[A-Za-z0-9]{1,30}){1,5}$/.test(name) || /^[A-Z][a-z]{2,30}$/.test(name) || name === "authorization" || name === "cookie";
}

// ` (a remark)` before a `:` (no nested parentheses, one line).
const REMARK = / \([^()\n]{1,80}\)(?=:[ \t])/y;

/** An image's path just before its query: `.svg?`, `.png?`. */
const IMAGE_PATH_END = /\.(?:svg|png|gif|jpe?g|webp|ico|bmp)$/i;

/**
 * Whether the `?` or `&` at `q` is in the query of an image URL: a README badge
 * (`badge.svg?token=…`: Codecov's graphing token, Openbase's, shields endpoints) embeds a token that
 * only shows the image, published with it by design. Provider rules still run on such values.
 */
function imageQuery(text: string, q: number): boolean {
  let k = q;
  // From an `&`, back to the query's `?` (a URL holds no blank, quote, `(` or `<`).
  for (let n = 0; text.charCodeAt(k) !== 63; k--, n++) {
    const c = text.charCodeAt(k);
    if (k <= 0 || n > 512 || c <= 32 || c === 34 || c === 39 || c === 40 || c === 60) return false;
  }
  return IMAGE_PATH_END.test(text.slice(Math.max(0, k - 8), k));
}

/**
 * `new RegExp(`${quote}[\\w.:/ -]{0,60}$`).test(text.slice(Math.max(0, s - 62), s))` without
 * building a regex per call: the quote, then at most 60 key-path characters up to `s`.
 */
export function quoteOpensKeyPath(text: string, s: number, quote: number): boolean {
  let k = s - 1;
  while (k >= 0 && s - 1 - k <= 60 && isKeyPathCode(text.charCodeAt(k))) k--;
  return s - 1 - k <= 60 && k >= 0 && text.charCodeAt(k) === quote;
}

/** `[\w.:/ -]`: ASCII letters, digits, `_`, `.`, `:`, `/`, space, `-`. */
function isKeyPathCode(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 47 || c === 32 || c === 45;
}

/** `/^[\s{([]?$/.test(text[s - 2] ?? "")` for the code at s - 2 (-1 before the text). */
function isKeywordMark(c: number): boolean {
  return c === -1 || c === 123 /* { */ || c === 40 /* ( */ || c === 91 /* [ */ || isSpaceCode(c);
}

// An environment read with a literal fallback, the variable's name quoted: Ruby `ENV.fetch("X") { "…" }`
// and `ENV["X"] || "…"`, PHP `getenv('X') ?: '…'`, Python `os.getenv("X") or "…"`, Kotlin `?:`, C# `??`,
// Rust `env::var("X").unwrap_or_else(|_| String::from("…"))`, Dart `String.fromEnvironment('X', defaultValue: '…')`.
// (`getenv("X", "…")`, the default as the next argument, is the call-argument form below.)
const ENV_READ = /\b(?:getenv|Getenv|env|ENV|fetch|var|fromEnvironment|GetEnvironmentVariable|getProperty|get)[ \t]*[(\[][ \t]*$/;
const ENV_FALLBACK = /[ \t]*[)\]][ \t]*(?:\|\||\?:|\?\?|or(?=[ \t]))[ \t]*|[ \t]*[)\]][ \t]*\{[ \t]*(?:\|\w*\|[ \t]*)?|[ \t]*\)\.unwrap_or(?:_else)?\([ \t]*(?:\|\w*\|[ \t]*)?/y;
const ENV_DEFAULT_ARGUMENT = /[ \t]*,[ \t]*(?:defaultValue|default|fallback)[ \t]*[:=][ \t]*/y;

/** The value after a quoted name whose closing quote ends before `j`. */
function quotedNameValue(text: string, s: number, j: number, info: FileInfo): { start: number; end: number } | null {
  const after = codeAt(text, j);
  if ((after === 41 /* ) */ || after === 93 /* ] */ || after === 44 /* , */) && !info.unquotedLiterals && ENV_READ.test(text.slice(Math.max(0, s - 41), s - 1))) {
    const re = after === 44 ? ENV_DEFAULT_ARGUMENT : ENV_FALLBACK;
    re.lastIndex = j;
    if (re.test(text)) {
      const v = literalAt(text, re.lastIndex, info);
      if (v) return v;
    }
  }
  // Terraform `variable "db_password" { … default = "…" … }`: the block's default is the value.
  if (/variable[ \t]+"$/.test(text.slice(Math.max(0, s - 12), s)) && /^[ \t]*\{/.test(text.slice(j, j + 8))) return hclDefault(text, j);
  AFTER_QUOTED_NAME.lastIndex = j;
  const a = AFTER_QUOTED_NAME.exec(text);
  if (a && a[0].includes(",") && isGradleFieldName(text, s - 1)) return gradleFieldValue(text, j + a[0].length, info);
  if (a && (/value/i.test(a[0]) || a[0].includes("->") || /[ \t]to[ \t]/.test(a[0]) || isCallArgument(text, s - 1))) j += a[0].length;
  else if (!a && NAMING_ATTRIBUTE.test(text.slice(Math.max(0, s - 30), s)) && !HTML_FORM_ELEMENT.test(text.slice(Math.max(0, text.lastIndexOf("<", s)), s)) && ((LATER_VALUE_ATTRIBUTE.lastIndex = j), LATER_VALUE_ATTRIBUTE.test(text))) {
    // Service Fabric `IsEncrypted="true"`, SSIS `Encrypted="1"`: the element says its value is ciphertext.
    const end = text.indexOf(">", LATER_VALUE_ATTRIBUTE.lastIndex);
    if (end !== -1 && ENCRYPTED_FLAG.test(text.slice(j, end))) return null;
    j = LATER_VALUE_ATTRIBUTE.lastIndex;
  }
  else if ((PARAMETER_VALUE.lastIndex = j) >= 0 && PARAMETER_VALUE.test(text)) {
    // ARM/Bicep parameter files: `"adminPassword": { "value": "…" }`, the name on the parameter.
    return literalAt(text, PARAMETER_VALUE.lastIndex, info);
  } else if (codeAt(text, j) === 93 /* ] */) {
    // Subscript assignment: `app.config["JWT_SECRET_KEY"] = "…"`, `$config['password'] = '…'`, `ENV["X"] ||= "…"`.
    // PHP appends with `[]` (`$config['snmp']['community'][] = '…'`, LibreNMS) and assigns a one-element
    // array (`= array("…")`, `= ['…']`, Observium): the element is the value.
    let k = j + 1;
    if (codeAt(text, k) === 91 && codeAt(text, k + 1) === 93) k += 2;
    return operatorValue(text, k, info, false, info.unquotedLiterals) ?? singleElementArray(text, k, info);
  }
  else if (codeAt(text, j) === 41 /* ) */ && VB_COLLECTION.test(text.slice(Math.max(0, s - 42), s - 1)) && VB_ASSIGN.test(text.slice(j + 1, j + 8))) {
    // Visual Basic and VBScript index a collection with parentheses: `Application("MailPwd") = "…"` (global.asa),
    // `Session("ApiKey") = "…"`, `My.Settings("SmtpPassword") = "…"`.
    return operatorValue(text, j + 1, info, false, info.unquotedLiterals);
  }
  else if (!a || !a[0].includes(",")) {
    return operatorValue(text, j, info, false, info.unquotedLiterals);
  } else return null;
  return literalAt(text, j, info);
}

// `= array("…")` / `= ['…']`: an array literal holding one quoted string and nothing else.
const ARRAY_ASSIGNMENT = /[ \t]*=[ \t]*(?:array[ \t]*\(|\[)[ \t]*(?=["'])/y;
const ARRAY_CLOSE = /[ \t]*,?[ \t]*[)\]][ \t]*;/y;

/** The one quoted element of the array literal assigned after `j`, or null (several elements, or none). */
function singleElementArray(text: string, j: number, info: FileInfo): { start: number; end: number } | null {
  ARRAY_ASSIGNMENT.lastIndex = j;
  if (!ARRAY_ASSIGNMENT.test(text)) return null;
  const v = literalAt(text, ARRAY_ASSIGNMENT.lastIndex, info);
  if (!v) return null;
  ARRAY_CLOSE.lastIndex = v.end + 1;
  return ARRAY_CLOSE.test(text) ? v : null;
}

// A YAML name whose value is a child `value:` / `default:` key: GitLab CI's expanded variables
// (`DEPLOY_TOKEN:` then `value: "…"` and `description: …` indented under it,
// https://docs.gitlab.com/ee/ci/yaml/#variablesdescription) and GitHub Actions / composite action
// inputs (`api_token:` then `description:`, `required:`, `default: …`).
const NESTED_OPEN = /:[ \t]*(?:#[^\n]{0,200})?\r?\n/y;
const NESTED_CHILD = /([ \t]{1,40})([A-Za-z_][\w-]{0,30}):[ \t]*/y;

function nestedValue(text: string, s: number, j: number, info: FileInfo): { start: number; end: number } | null {
  NESTED_OPEN.lastIndex = j;
  if (!NESTED_OPEN.test(text)) return null;
  const lineStart = nearLineStart(text, s, 200);
  if (lineStart === -1) return null;
  const indent = s - lineStart;
  for (let k = lineStart; k < s; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return null;
  let at = NESTED_OPEN.lastIndex;
  let childIndent = -1;
  for (let n = 0; n < 5; n++) {
    NESTED_CHILD.lastIndex = at;
    const m = NESTED_CHILD.exec(text);
    if (!m) return null;
    const own = m[1]!.length;
    if (own <= indent || (childIndent !== -1 && own !== childIndent)) return null;
    childIndent = own;
    if (m[2] === "value" || m[2] === "default") return literalAt(text, NESTED_CHILD.lastIndex, info);
    const nl = text.indexOf("\n", NESTED_CHILD.lastIndex);
    if (nl === -1 || nl - at > 400) return null;
    at = nl + 1;
  }
  return null;
}

/** `/name:[ \t]*$/.test(text.slice(from, to))` without the slice and the regex. */
function endsWithNameColon(text: string, from: number, to: number): boolean {
  let j = to;
  while (j > from && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
  return j - 5 >= from && text.startsWith("name:", j - 5);
}

/**
 * A whole `key:` word (after a blank, a line start or a list's `-`) right before `to`: Render's `envVars`
 * (`- key: POSTMARK_TOKEN` then `value: …`, https://render.com/docs/blueprint-spec#environment-variables)
 * and Bruno's `auth:apikey { key: … value: … }`.
 */
function endsWithKeyColon(text: string, from: number, to: number): boolean {
  let j = to;
  while (j > from && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
  if (j - 4 < from || !text.startsWith("key:", j - 4)) return false;
  const c = codeAt(text, j - 5);
  return c === 32 || c === 9 || c === 45 /* - */ || c === 10 || c === -1;
}

// `remote_password s3cr…` / `masterauth s3cr…` on a line of its own: one name, one value, then the end
// of the line, a comment or nginx's `;`. Lines with more words are prose or directives with arguments.
// Gradle's Groovy DSL writes `storePassword '…'` the same way (a method call without parentheses).
// A `#` inside the word is part of it (`HTTP_Passwd Pelican#5447…` in Fluent Bit); a comment starts at a blank.
const SPACE_VALUE = /[ \t]+(?:([^\s"'`;#][^\s"'`;]{0,2000})|(["'])((?:(?!\2)[^\\\n]){1,2000})\2)[ \t]*;?[ \t]*(?:(?:#|\/\/)[^\n]*)?(?=\r?\n|$)/y;

// Directives that name a variable or a header before its value: Apache `SetEnv DB_PASSWORD …`,
// `RequestHeader set X-Auth-Token …`, `Header always set …`, nginx `fastcgi_param DB_PASSWORD …;`,
// `proxy_set_header X-Api-Key …;`, `set $api_key …;`, OpenWrt UCI `option key '…'`.
const NAMING_DIRECTIVE = /^[ \t]*(?:(?:SetEnv|PassEnv|set|option|fastcgi_param|uwsgi_param|scgi_param|(?:proxy|grpc)_set_header|add_header)|(?:Request)?Header(?:[ \t]+always)?[ \t]+(?:set|append|add|merge|setifempty))[ \t]+\$?$/i;

function spaceSeparatedValue(text: string, s: number, j: number, info: FileInfo): { start: number; end: number } | null {
  const lineStart = nearLineStart(text, s, 60);
  if (lineStart === -1) return null;
  const lead = text.slice(lineStart, s);
  if (!/^[ \t]*$/.test(lead) && !NAMING_DIRECTIVE.test(lead)) return null;
  SPACE_VALUE.lastIndex = j;
  const m = SPACE_VALUE.exec(text);
  if (!m) return null;
  if (m[3] !== undefined) {
    const start = j + m[0].indexOf(m[2]!) + 1;
    return { start, end: start + m[3].length };
  }
  const start = j + m[0].indexOf(m[1]!);
  return literalAt(text, start, info) && { start, end: start + m[1]!.length };
}

const NEXT_ARGUMENT = /[ \t]*,[ \t]*(?=["'])/y;
// The value after a long option and a space: `--api-key abc…`, `--client-secret "…"`. Never a next
// option or a variable (`--token $TOKEN` is a reference, `--password --stdin` a flag pair).
const FLAG_VALUE = /[ \t]{1,4}(?![-$])/y;

/** The argument of the long option ending at `j` (`--api-key …`): quoted anywhere, bare where literals are unquoted. */
function flagValue(text: string, j: number, info: FileInfo): { start: number; end: number } | null {
  FLAG_VALUE.lastIndex = j;
  if (!FLAG_VALUE.test(text)) return null;
  const k = FLAG_VALUE.lastIndex;
  const q = codeAt(text, k);
  if (q === 34 || q === 39) return readQuoted(text, k);
  if (!info.unquotedLiterals) return null;
  UNQUOTED.lastIndex = k;
  const u = UNQUOTED.exec(text);
  return u ? { start: k, end: k + u[0].length } : null;
}

/** `default = "…"` inside the Terraform variable block opening at `j` (before its closing brace). */
function hclDefault(text: string, j: number): { start: number; end: number } | null {
  const block = text.slice(j, j + 1500);
  const end = block.search(/\n\}/);
  const m = /\n[ \t]*default[ \t]*=[ \t]*"/.exec(end === -1 ? block : block.slice(0, end));
  return m ? readQuoted(text, j + m.index + m[0].length - 1) : null;
}

/** Closing delimiter of an Elixir sigil or a Perl quote-like operator, by its opening one. */
const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<": ">", '"': '"', "'": "'", "|": "|", "/": "/" };
/**
 * Elixir's string sigils (`~s(…)`, `~S"…"`, `~c[…]`; hexdocs.pm/elixir/sigils.html), Perl's `q{…}` and
 * `qq{…}` (perlop "Quote and Quote-like Operators"; braces only: `q(…)` is a call in many languages) and
 * Lua's long strings (`[[…]]`, `[==[…]==]`; Lua 5.4 manual §3.1), on one line. A long string holds no
 * blank, bracket, quote or comma and at least 8 characters, so nested lists and wiki links are not read.
 */
const OTHER_QUOTED = /~[sScC]([(\[{<"'|/])|qq?\{|\[(=*)\[(?=[^\s[\]"',]{8,}\]\2\])/y;
function otherQuoted(text: string, j: number): { start: number; end: number } | null {
  OTHER_QUOTED.lastIndex = j;
  const m = OTHER_QUOTED.exec(text);
  if (!m) return null;
  const start = j + m[0].length;
  const close = m[1] !== undefined ? CLOSERS[m[1]]! : m[0].startsWith("q") ? "}" : `]${m[2]}]`;
  const end = text.indexOf(close, start);
  const nl = text.indexOf("\n", start);
  if (end === -1 || end === start || end - start > 2000 || (nl !== -1 && nl < end)) return null;
  return { start, end };
}

/** `unquoted`: read unquoted literals (the file's `unquotedLiterals`, or true in a comment line). */
function operatorValue(text: string, j: number, info: FileInfo, query: boolean, unquoted: boolean): { start: number; end: number } | null {
  if (!unquoted && codeAt(text, j) === 58 /* : */) {
    // `password: string = "…"` (TypeScript, Kotlin): skip the type annotation.
    TYPE_ANNOTATION.lastIndex = j;
    const t = TYPE_ANNOTATION.exec(text);
    if (t) return literalAt(text, j + t[0].length, info, false, true, unquoted);
  }
  if (!unquoted && (codeAt(text, j) === 32 || codeAt(text, j) === 9)) {
    // `Public Const DB_PASSWORD As String = "…"`, `Dim apiKey As String = "…"` (Visual Basic, VBA).
    VB_AS_TYPE.lastIndex = j;
    const t = VB_AS_TYPE.exec(text);
    if (t) return literalAt(text, j + t[0].length, info, false, true, unquoted);
  }
  OPERATOR.lastIndex = j;
  const op = OPERATOR.exec(text);
  if (!op) return null;
  const at = j + op[0].length;
  // In code, a formatter wraps a long assignment after its operator (Prettier's `const API_SECRET =`,
  // `apiSecret:` then the string indented on the next line): the quoted literal there is the value.
  // Only a quoted one, and never where unquoted values are literals (YAML `key:` then a nested block).
  if (!unquoted && (codeAt(text, at) === 10 || codeAt(text, at) === 13)) {
    NEXT_LINE_LITERAL.lastIndex = at;
    return NEXT_LINE_LITERAL.test(text) ? readQuoted(text, NEXT_LINE_LITERAL.lastIndex) : null;
  }
  // `&`, `*`, `!` open YAML anchors, aliases and tags only after a YAML `:`;
  // after `=` (.properties, INI, shell) they are the password's first character.
  return literalAt(text, at, info, query, op[0].includes(":"), unquoted);
}

const NEXT_LINE_LITERAL = /\r?\n[ \t]{1,40}(?=["'`])/y;

function isBuilderMethod(text: string, s: number, e: number): boolean {
  const ident = text.slice(s, e);
  return BUILDER_NAME.test(ident) && (codeAt(text, s - 1) === 46 /* . */ || ident.includes("."));
}

/**
 * The line holding `s` opens with a comment marker (`//`, `#`, `/*`, ` *`, `--`, `;`, `%`, `'`), within 200
 * characters: `/^[ \t]*(?:\/\/|#(?![!{[])|\/?\*|--|;|%|')/` on the text from the line's start to `s`, read
 * in place (a slice and a regex per name in code that has no value after its operator).
 */
export function isCommentLine(text: string, s: number): boolean {
  const lineStart = nearLineStart(text, s, 200);
  if (lineStart === -1) return false;
  let k = lineStart;
  while (k < s && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k >= s) return false;
  const d = k + 1 < s ? text.charCodeAt(k + 1) : -1;
  switch (text.charCodeAt(k)) {
    case 47: // `//`, `/*`
      return d === 47 || d === 42;
    case 35: // `#`, not `#!`, `#{`, `#[`
      return d !== 33 && d !== 123 && d !== 91;
    case 45: // `--`
      return d === 45;
    case 42: case 59: case 37: case 39: // `*`, `;`, `%`, `'`
      return true;
    default:
      return false;
  }
}

/** The name at `s` opens a tuple: `{name,` or `{:name,` (Erlang/Elixir terms). */
function isTupleKey(text: string, s: number): boolean {
  let k = s - 1;
  if (codeAt(text, k) === 58 /* : */) k--;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return codeAt(text, k) === 123 /* { */;
}

// Android Gradle: `buildConfigField("String", "API_SECRET", "\"…\"")` (Kotlin DSL) or without parentheses
// (Groovy), and `resValue("string", "api_key", "…")`: a type, the field's name, then its value, which
// for buildConfigField is Java source, so a string arrives in escaped quotes
// (https://developer.android.com/build/gradle-tips#share-custom-fields-and-resource-values-with-your-app-code).
const GRADLE_FIELD = /\b(?:buildConfigField|resValue)[ \t]*\(?[ \t]*["'][\w.]{1,40}["'][ \t]*,[ \t]*$/;

function isGradleFieldName(text: string, quoteAt: number): boolean {
  return GRADLE_FIELD.test(text.slice(Math.max(0, quoteAt - 80), quoteAt));
}

function gradleFieldValue(text: string, j: number, info: FileInfo): { start: number; end: number } | null {
  const v = literalAt(text, j, info);
  if (!v) return null;
  // `"\"…\""`: the Java string literal inside the Gradle string.
  if (v.end - v.start >= 4 && text.startsWith('\\"', v.start) && text.startsWith('\\"', v.end - 2)) return { start: v.start + 2, end: v.end - 2 };
  return v;
}

function isCallArgument(text: string, quoteAt: number): boolean {
  let k = quoteAt - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return codeAt(text, k) === 40 /* ( */;
}

/** `[nrt]`: the letter of a `\n`, `\r` or `\t` escape. */
function isEscapeLetterCode(c: number): boolean {
  return c === 110 || c === 114 || c === 116;
}

/** `[bBrRuU]`: a Python string prefix's first letter. */
function isStringPrefixCode(c: number): boolean {
  const l = c | 32;
  return c > 0 && (l === 98 || l === 114 || l === 117);
}

/** A YAML anchor and the blanks after it, before a value on the same line (`&name` of word characters, never an entity's `&lt;`). */
const YAML_ANCHOR = /&[\w.-]{1,80}[ \t]+(?=[^\s#&])/y;

const WRAPPED_LITERAL = /(?:Encoding\.(?:UTF8|ASCII|Unicode|UTF32|Latin1|Default)\.GetBytes|\[\]byte|SecretStr|SecretBytes|SecretString::(?:new|from)|Secret::new|String::from|Some|bytes|HeaderValue::from_static|Buffer\.from|F|PSTR)\([ \t]*(?=["'])/y;

/**
 * Where an unquoted value that met a comma at `end` ends: at the comma (a config list, `hosts=a,b` read
 * element by element elsewhere; `user=x,password=y` pairs), or at the end of the shell word when the value
 * follows `NAME=` glued to the name, as a shell assignment is written, and what follows the comma holds no
 * further `=` (no `k=v,k2=v2` pairs, helm's `--set a=1,b=2`). Not in a .env file (dotenv-reader.ts has the
 * grammar).
 */
function shellWordEnd(text: string, j: number, end: number, info: FileInfo): number {
  if (info.kind === "dotenv" || codeAt(text, j - 1) !== 61 /* = */ || !isIdentCode(codeAt(text, j - 2))) return end;
  SHELL_WORD.lastIndex = j;
  const w = SHELL_WORD.exec(text);
  if (!w || w[0].length <= end - j + 1) return end;
  return w[0].includes("=", end - j) ? end : j + w[0].length;
}

/** `unquoted`: read unquoted literals (the file's `unquotedLiterals` unless the caller knows better: a comment line, a Dockerfile `ENV`). */
function literalAt(text: string, j: number, info: FileInfo, query = false, yamlColon = true, unquoted = info.unquotedLiterals): { start: number; end: number } | null {
  const c = codeAt(text, j);
  // `"""…"""` on one line: Grafana's grafana.ini quoting for values holding `#` or `;`, Python, TOML.
  if (c === 34 && codeAt(text, j + 1) === 34 && codeAt(text, j + 2) === 34) return tripleQuoted(text, j);
  if (c === 34 || c === 39 || c === 96) {
    const q = readQuoted(text, j);
    // A quoted template with a literal default (`password: "{{ vault_pw | default('…') }}"`, template-defaults.ts).
    return (q && codeAt(text, q.start) === 123 && templateDefault(text, q.start, q.end)) || q;
  }
  // An unquoted one (`DB_PASSWORD={{ db_password | default('…') }}` in a Jinja-rendered .env).
  if (c === 123 /* { */ && codeAt(text, j + 1) === 123) {
    const d = templateDefault(text, j);
    if (d) return d;
  }
  // T-SQL Unicode string literals: `PASSWORD = N'…'` (CREATE LOGIN, sp_addlogin).
  if (c === 78 /* N */ && codeAt(text, j + 1) === 39 && !isIdentCode(codeAt(text, j - 1))) return readQuoted(text, j + 1);
  // `\"…\"`: a value in escaped quotes inside a JSON string (see the escaped names in valueAfter).
  if (c === 92 /* backslash */ && codeAt(text, j + 1) === 34) {
    const close = text.indexOf('\\"', j + 2);
    const nl = text.indexOf("\n", j + 2);
    return close === -1 || close - j > 2000 || (nl !== -1 && nl < close) ? null : { start: j + 2, end: close };
  }
  // Objective-C string objects: `@"…"`.
  if (c === 64 /* @ */ && codeAt(text, j + 1) === 34 && !unquoted) return readQuoted(text, j + 1);
  // Quoting forms of other languages: Elixir sigils (`~s(…)`, `~S"…"`), Perl's `q{…}`/`qq{…}`, Lua long strings (`[[…]]`).
  if (!unquoted && (c === 126 /* ~ */ || c === 113 /* q */ || c === 91 /* [ */) && !isIdentCode(codeAt(text, j - 1))) {
    const other = otherQuoted(text, j);
    if (other) return other;
  }
  // Python bytes and raw literals: `b"…"`, `rb'…'` (never f-strings: those are templates).
  if (!unquoted && isStringPrefixCode(c)) {
    const c1 = codeAt(text, j + 1);
    const k = ((c | 32) === 98 /* b */ && (c1 | 32) === 114 /* r */) || ((c | 32) === 114 && (c1 | 32) === 98) ? j + 2 : j + 1;
    const q = codeAt(text, k);
    if ((q === 34 || q === 39) && !isIdentCode(codeAt(text, j - 1))) return readQuoted(text, k);
  }
  // A literal wrapped in a conversion or an option: Go `[]byte("…")`, pydantic `SecretStr("…")`, Rust
  // `String::from("…")` and `Some("…")`, Python `bytes("…", "utf-8")`, reqwest/http
  // `headers.insert("x-api-key", HeaderValue::from_static("…"))`, Node's `Buffer.from("…", "hex")`, Arduino's flash strings
  // `F("…")`/`PSTR("…")`, .NET's `Encoding.UTF8.GetBytes("…")` (a signing key's bytes): the literal is the value.
  // (Not `String("…")`: Go clients' pointer helpers, `Token: String("…")`, fill their tests with it.)
  if (!unquoted && (c === 91 /* [ */ || c === 83 /* S */ || c === 98 /* b */ || c === 72 /* H */ || c === 66 /* B */ || c === 70 /* F */ || c === 80 /* P */ || c === 69 /* E */) && !isIdentCode(codeAt(text, j - 1))) {
    WRAPPED_LITERAL.lastIndex = j;
    if (WRAPPED_LITERAL.test(text)) return readQuoted(text, WRAPPED_LITERAL.lastIndex);
  }
  if (!unquoted) return null;
  if (c === 124 /* | */ || c === 62 /* > */) return null; // YAML block scalars
  // ODBC's braced values (`PWD={…;…}`) and Bash's ANSI-C quoting (`$'…'`): quoting-forms.ts.
  if (c === 123 /* { */) return odbcBraced(text, j);
  if (c === 36 /* $ */ && codeAt(text, j + 1) === 39) return ansiCQuoted(text, j);
  // YAML's explicit string tag says the value is a plain string: `password: !!str 0123…`; `!!binary` says it is base64
  // (yaml.org/type/binary.html), the form a key's raw bytes take: `signing_key: !!binary c2Vj…`, read as written.
  if (yamlColon && c === 33 /* ! */ && text.startsWith("!!str ", j)) return literalAt(text, j + 6, info, query, false, unquoted);
  if (yamlColon && c === 33 /* ! */ && text.startsWith("!!binary ", j)) return literalAt(text, j + 9, info, query, false, unquoted);
  // An anchor names the node it stands before (`password: &db_pw "…"`, then `*db_pw` elsewhere; yaml.org/spec/1.2.2
  // §6.9.2): the value is what follows it. An alias (`*db_pw`) and other tags (`!vault |`) are no literal.
  if (yamlColon && c === 38 /* & */) {
    YAML_ANCHOR.lastIndex = j;
    if (YAML_ANCHOR.test(text)) return literalAt(text, YAML_ANCHOR.lastIndex, info, query, true, unquoted);
  }
  if (yamlColon && (c === 38 /* & */ || c === 42 /* * */ || c === 33)) return null; // YAML anchors, aliases, tags
  const re = query ? UNQUOTED_QUERY : UNQUOTED;
  re.lastIndex = j;
  const u = re.exec(text);
  if (!u) return null;
  let end = j + u[0].length;
  if (!query && text.charCodeAt(end) === 44 /* , */) end = shellWordEnd(text, j, end, info);
  // Inside a JSON string (a notebook cell's source line `"%env API_TOKEN=…\n",`, a JSON-encoded log
  // line), the line's escaped end is not part of the value: `\n`, `\r\n`, `\t` before the closing quote.
  if (text.charCodeAt(end) === 34 && end - j > 2 && text.charCodeAt(end - 2) === 92) {
    while (end - j > 2 && text.charCodeAt(end - 2) === 92 && isEscapeLetterCode(text.charCodeAt(end - 1))) end -= 2;
  }
  // An identifier or member path right before `(` is a call (`auth = InetAddress.getAllByName0(host)`
  // in a Java comment), not a literal; a .env value keeps its parentheses' text.
  if (text.charCodeAt(end) === 40 && info.kind !== "dotenv" && CALLEE.test(u[0])) return null;
  // `Authorization: Bearer abc…` unquoted (headers in YAML, curl lines): the scheme and its token.
  if (codeAt(text, end) === 32 && /^(?:Bearer|Basic|Token)$/i.test(u[0])) {
    re.lastIndex = end + 1;
    const t = re.exec(text);
    if (t && t.index === end + 1) end = end + 1 + t[0].length;
  }
  return { start: j, end };
}
