import type { SecretKind } from "./types.js";
import { detectToolPasswords, mayHoldToolPassword } from "./tool-passwords.js";
import { detectHashedLiterals, mayHoldHashedLiteral } from "./hashed-literals.js";
import { detectSqlSecretOptions, mayHoldSqlSecretOptions } from "./sql-secret-options.js";
import { detectDebuggerValues, mayHoldDebuggerValue } from "./debugger-values.js";
import { detectNeighbourValues, mayHoldNeighbourValue } from "./named-by-neighbour.js";
import { detectPasswordVariables, mayHoldPasswordVariable } from "./password-variables.js";
import { detectProsePasswords, isOperationsNotes, mayHoldProsePassword } from "./prose-passwords.js";
import { isMessageCatalogue } from "./message-catalogue.js";
import type { FileInfo } from "./file-kind.js";
import { judge } from "./judge.js";
import { analyzeName } from "./secret-name.js";
import { isStandInBasicCredential, notSecretReason } from "./placeholder-filter.js";
import { rulePlaceholderReason } from "./rule-filter.js";
import type { KeywordOffsets } from "./rule-set.js";
import { isRecordedTraffic, recordedCredentials } from "./har-reader.js";
import { iniAdminsPasswords, isSvnservePasswd, isUsersFile, usersFilePasswords, type UserPassword } from "./users-files.js";
import { sdkArguments } from "./sdk-arguments.js";
import { credentialStoreKind, isFixtureOrDocsPath, standInHostReason, storedLogins, templatePasswordReason } from "./credential-store.js";

// Secrets whose syntax, not their name, says what they are. These are the
// engine's own detectors, kept even when a provider rule covers the same text
// (de-duplication keeps the more specific one):
//   - PEM private key blocks (RFC 7468 labels), also inside JSON strings with `\n`;
//   - URLs with a password (RFC 3986 userinfo `user:password@`);
//   - HTTP Authorization headers with a Basic/Bearer credential (RFC 7235);
//   - command lines: `curl -u user:pass`, `--password=…`/`--password …`, `-p …` after `login`;
//   - SQL `PASSWORD '…'` / `IDENTIFIED BY '…'`;
//   - credential files: `.netrc` (`password x`), `.pgpass` (5th field), PgBouncer `userlist.txt`,
//     Rails `config/master.key`, plaintext htpasswd entries, OpenVPN auth-user-pass files, Terraform state
//     (`random_password` results), Ansible's vault password file;
//   - SQL `INSERT … (cols) VALUES (…)`, each value judged under its column name.

export interface BuiltinHit {
  ruleId: string;
  kind: SecretKind;
  secret: string;
  start: number;
  end: number;
  confidence: number;
  reason: string;
  name?: string;
}

const PRIVATE_BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |SSH2 ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;
const AUTH_HEADER_TAIL = String.raw`authorization["']?[ \t]*[:=,]?[ \t]*["']?[ \t]*(basic|bearer|token)[ \t]+([A-Za-z0-9._~+/=-]{12,})`;
const AUTH_HEADER = new RegExp(`(?:proxy-)?${AUTH_HEADER_TAIL}`, "gi");
// The same, tried at one offset of `authorization`: a `proxy-` before it changes neither the groups nor
// the end, and the match cannot start inside the previous one (its token would have run on through it).
const AUTH_HEADER_AT = new RegExp(AUTH_HEADER_TAIL, "iy");
// Not a URL: `inngest dev -u http://host:3000/api/inngest`, `… -u https://…` name a server (`http` is no user).
const CURL_USER = /(?:^|[ \t])(?:-u|--user)[ \t]+["']?([^\s:"'$]{1,64}):(?!\/\/)([^\s"'@$]{4,128})["']?/gm;
// A value starting with `]` is a Markdown link whose text ends with the flag (`[… --password=](https://…)`).
const PASSWORD_FLAG = /(?:^|[ \t])(?:--password|--pass|--passwd|--requirepass|--db-password|--admin-password)(?:=|[ \t]+)(["']?)([^\s"'$\]][^\s"'$]{3,127})\1(?=[\s]|$)/gm;
const LOGIN_P_FLAG = /\blogin\b[^\n]{0,80}?[ \t]-p[ \t]+(["']?)([^\s"'$-][^\s"'$]{3,127})\1(?=\s|$)/gm;
// Password as a positional argument of well-known credential calls (string literals only):
// .NET `new NetworkCredential("user", "pw")`, JDBC `DriverManager.getConnection(url, "user", "pw")`,
// Python requests `auth=("user", "pw")` / `HTTPBasicAuth("user", "pw")`, smtplib/ftplib/imaplib `.login("user", "pw")`,
// PHP `new PDO($dsn, 'user', 'pw')`, `mysqli_connect('host', 'user', 'pw', 'db')`, `new mysqli(…)`, `mysql_connect(…)`
// (host, user, password: https://www.php.net/manual/en/function.mysqli-connect.php), Perl `DBI->connect($dsn, 'user', 'pw')`
// (https://metacpan.org/pod/DBI#connect), MATLAB `database('source', 'user', 'pw')`
// (https://www.mathworks.com/help/database/ug/database.html), Go `smtp.PlainAuth("", "user", "pw", host)` (identity, user, password:
// https://pkg.go.dev/net/smtp#PlainAuth), Redis clients' `.auth("pw")` (Jedis, redis-rb), Rust reqwest
// `.basic_auth("user", Some("pw"))`.
const CREDENTIAL_CALLS = /\b(?:NetworkCredential|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|\.login|auth[ \t]*=)[ \t]*\([ \t]*(?:"[^"\n]{0,200}"|'[^'\n]{0,200}')[ \t]*,[ \t]*(["'])([^"'\n]{4,128})\1[ \t]*\)|\b(?:getConnection|PDO|mysqli_connect|mysql_p?connect|mysqli|DBI->connect|database)[ \t]*\([^,()\n]{1,300},[ \t]*(?:"[^"\n]{0,200}"|'[^'\n]{0,200}')[ \t]*,[ \t]*(["'])([^"'\n]{4,128})\3[ \t]*[,)]|\bPlainAuth[ \t]*\([ \t]*"[^"\n]{0,200}"[ \t]*,[ \t]*"[^"\n]{0,200}"[ \t]*,[ \t]*(")([^"\n]{4,128})"[ \t]*,|\.auth[ \t]*\([ \t]*(["'])([^"'\n]{4,128})\7[ \t]*\)|\.basic_auth[ \t]*\([^,()\n]{1,200},[ \t]*Some\([ \t]*(")([^"\n]{4,128})"[ \t]*\)/g;
// A bearer or basic credential in code that names no `Authorization` before it: Rust reqwest
// `.bearer_auth("…")`, Swift/Objective-C `setValue("Bearer …", forHTTPHeaderField: "Authorization")`
// (https://developer.apple.com/documentation/foundation/nsmutableurlrequest/1408793-setvalue).
const CODE_BEARER = /\.bearer_auth[ \t]*\([ \t]*()"([A-Za-z0-9._~+/=-]{12,})"[ \t]*\)|@?"(Bearer|Basic|Token)[ \t]+([A-Za-z0-9._~+/=-]{12,})"[ \t]*,?[ \t]*forHTTPHeaderField[ \t]*:[ \t]*@?"Authorization"/g;
// MySQL names the authentication plugin before the password: `IDENTIFIED WITH caching_sha2_password BY '…'`
// (https://dev.mysql.com/doc/refman/8.0/en/create-user.html); `… WITH plugin AS '…'` gives a hash instead.
// The MySQL and MariaDB clients keep `~/.mysql_history` through libedit, which writes each space as `\040`
// (`CREATE\040USER\040'app'@'%'\040IDENTIFIED\040BY\040'…';`): the escape counts as a space here.
const SQL_PASSWORD = /(?:\b|(?<=\\040))(?:password|identified(?:(?:[ \t]|\\040){1,8}with(?:[ \t]|\\040){1,8}['"`]?\w{1,64}['"`]?)?(?:[ \t]|\\040){1,8}by)(?:[ \t]|\\040){1,8}(['"])([^'"\n]{4,128})\1/gi;
const SQL_PASSWORD_AT = new RegExp(SQL_PASSWORD.source, "iy");
// Oracle takes the password as an identifier, unquoted: `CREATE USER app IDENTIFIED BY Welcome1_x;`
// (letters, digits, `_`, `$`, `#`, starting with a letter: https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/CREATE-USER.html).
// It must end the statement or be followed by another clause of it, so that prose ("identified by name
// and …") and MySQL's `IDENTIFIED BY PASSWORD '…'`/`BY RANDOM PASSWORD` are not read as one; and it must
// follow the user or role it is for (`CREATE/ALTER USER name`, `… ROLE name`, `GRANT … TO name`), so that a
// sentence ending "is identified by objectKey_v2" or "by UUIDv4;" in prose or a comment is not one either.
const SQL_UNQUOTED_IDENTIFIED = /\b(?:user|role|to)[ \t]+(?:"[^"\n]{1,128}"|[\w$#.@]{1,128})[ \t\r\n]{1,40}identified[ \t]+by[ \t]+(?!(?:password|random|values)\b)([A-Za-z][\w$#]{3,127})(?=[ \t]*(?:;|\r?$|[ \t](?:default|temporary|quota|profile|password|account|container|replace)\b))/gim;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSchemeChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

const DB_SCHEMES = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|mssql|sqlserver|oracle|cockroachdb|clickhouse|neo4j(?:\+s)?|cassandra|couchdb)$/i;

/** Where the engine's keyword pass saw the detectors' anchor words (rule-set.ts scanKeywords), so that they need not search the text. */
export interface BuiltinAnchors {
  /** The pass's offsets of ENGINE_POSITION_KEYWORDS. */
  offsets: KeywordOffsets;
  /** Every offset where a generic head word starts, ascending (those of `pass` include every `password`). */
  heads: ArrayLike<number>;
}

// A Basic credential built in code from a literal `user:password` (RFC 7617 §2): Python
// `base64.b64encode(b"user:…")`, PHP `base64_encode('user:…')`, Ruby `Base64.strict_encode64("user:…")`,
// Java/Kotlin `encodeToString("user:…".getBytes())` (JavaScript's `btoa`/`Buffer.from` are the JS
// scanner's). Interpolations (`f"{user}:{pw}"`, `#{…}`, `$pw`) are not literals, and a URI
// (`data:…`, `https:…`) is not a user name.
const BASIC_ENCODE = /\b(?:(?:urlsafe_|standard_)?b64encode|base64_encode|(?:strict_|urlsafe_)?encode64|encodeToString)[ \t]*\([ \t]*b?(["'])(?!(?:data|https?|urn|mailto|file|blob):)([^"':\s{}$]{1,64}):([^"'\s{}$]{4,128})\1/g;

/**
 * `found`: the lower-case trigger words present in the text (ENGINE_KEYWORDS in
 * rule-set.ts, found in the engine's single keyword pass); detectors whose
 * triggers are absent do not run. With `anchors` from the same pass, the
 * pattern-based detectors run at the offsets of their first word only (same
 * hits; a list too long to be recorded means a search of the whole text).
 */
export function detectBuiltin(text: string, found: Set<string>, file: string, info: FileInfo, anchors?: BuiltinAnchors): BuiltinHit[] {
  const hits: BuiltinHit[] = [];
  if (found.has("private key")) privateKeys(text, hits);
  if (found.has("://")) urlPasswords(text, hits, info.testPath, anchors?.offsets.get("://"));
  if (found.has("authorization")) authHeaders(text, info, hits, anchors?.offsets.get("authorization"));
  if (info.kind !== "js" && info.kind !== "code") commandLines(text, found, hits);
  // Passwords given to a tool on stdin, by SMTP AUTH or to macOS security (tool-passwords.ts).
  // A password told in a sentence: chat exports, tickets, help requests (prose-passwords.ts).
  if (info.kind !== "js" && info.kind !== "code" && !info.testPath && (!isFixtureOrDocsPath(file) || isOperationsNotes(file)) && !isMessageCatalogue(file) && mayHoldProsePassword(text, file)) for (const p of detectProsePasswords(text, info.testPath)) hits.push({ ruleId: "prose-password", kind: "password", ...p, end: p.start + p.secret.length });
  // Strings a debugger printed after their pointer (`password = 0x… "…"` in gdb's bt full: debugger-values.ts).
  if (info.kind !== "js" && info.kind !== "code" && mayHoldDebuggerValue(found)) for (const d of detectDebuggerValues(text, info.testPath)) hits.push({ ruleId: "debugger-printed-secret", ...d, end: d.start + d.secret.length });
  // A .NET setting's default in the attribute above its property, an SSIS configured value named by its Path (named-by-neighbour.ts).
  if (mayHoldNeighbourValue(found)) for (const d of detectNeighbourValues(text, info.testPath)) hits.push({ ruleId: "neighbour-named-secret", ...d, end: d.start + d.secret.length });
  // A PowerShell literal whose variable is passed to a `-…Password` parameter below (password-variables.ts).
  if (/\.ps[dm]?1$/i.test(file) && !info.testPath && mayHoldPasswordVariable(text)) for (const v of detectPasswordVariables(text, info.testPath)) hits.push({ ruleId: "password-parameter-variable", ...v, end: v.start + v.secret.length });
  // `NAME 'value'` options of DuckDB's CREATE SECRET and of foreign-data-wrapper OPTIONS lists (sql-secret-options.ts).
  if (info.kind !== "js" && info.kind !== "code" && mayHoldSqlSecretOptions(found, text)) for (const o of detectSqlSecretOptions(text, info.testPath)) hits.push({ ruleId: "sql-secret-option", ...o, end: o.start + o.secret.length });
  // A literal handed to a password hasher (`Hash::make('…')`, `bcrypt.hash('…', 10)`) is the clear text (hashed-literals.ts).
  if (!info.testPath && mayHoldHashedLiteral(found)) for (const p of detectHashedLiterals(text, info.testPath)) hits.push({ ruleId: "hashed-password-literal", kind: "password", ...p, end: p.start + p.secret.length });
  if (info.kind !== "js" && info.kind !== "code" && mayHoldToolPassword(found)) for (const p of detectToolPasswords(text, info.testPath)) hits.push({ ruleId: "tool-password", ...p, end: p.start + p.secret.length });
  if (found.has("identified") || found.has("password '") || found.has('password "')) sql(text, hits, anchors);
  if (found.has("identified") && info.kind !== "js") sqlUnquoted(text, hits);
  if (info.kind === "code" && (found.has("login") || found.has("auth") || text.includes("Credential(") || text.includes("getConnection") || found.has("pdo") || text.includes("connect(") || text.includes("mysqli(") || text.includes("database("))) credentialCalls(text, hits);
  if (info.kind === "code" || info.kind === "js") hits.push(...sdkArguments(text, found, info.testPath));
  if (info.kind === "code" && (found.has("bearer_auth") || found.has("forhttpheaderfield"))) codeBearers(text, info, hits);
  if (info.kind === "code" && (found.has("b64encode") || found.has("base64_encode") || found.has("encode64") || found.has("encodetostring"))) basicEncodes(text, hits);
  const base = file.slice(file.lastIndexOf("/") + 1);
  if (base === ".netrc" || base === "_netrc") netrc(text, hits);
  if (base === ".pgpass" || base === "pgpass.conf") pgpass(text, hits);
  const store = credentialStoreKind(file);
  if (store !== null && !info.testPath && !info.example && !isFixtureOrDocsPath(file)) weakStoredLogins(text, store, hits);
  if (base === "master.key" || /(?:^|\/)config\/credentials\/[\w-]{1,40}\.key$/.test(file)) railsMasterKey(text, hits);
  if (base === "userlist.txt") pgbouncerUserlist(text, hits);
  // `htpasswd.example`, `.htpasswd-staging`; not the source of a tool named after it (`htpasswd.go`, `htpasswd.py`).
  if (/^\.?htpasswd(?:[.-]|$)|\.htpasswd$/.test(base) && info.kind !== "code" && info.kind !== "js") htpasswdPlaintext(text, hits);
  else if (info.kind === "config" && found.has("pass") && /\.ya?ml$/i.test(base)) htpasswdInline(text, hits);
  if (/(?:^|\/)openvpn\//i.test(file) || /\.ovpn$/i.test(base)) openvpnUserPass(text, base, hits);
  if (base === ".rediscli_history") redisCliHistory(text, hits);
  if (VAULT_PASSWORD_FILE.test(base)) vaultPasswordFile(text, hits);
  else if (SECRET_FILE.test(base) && !info.testPath && info.kind !== "js" && info.kind !== "code" && text.length <= 1024) secretFile(text, base, hits);
  // `terraform show -json` of a state or a plan prints the same resources (`values.result` of a random_password).
  if (/\.tfstate(?:\.backup)?$/.test(base) || (/\.json$/i.test(base) && text.includes('"format_version"') && text.includes('"random_password"'))) terraformState(text, hits);
  if (isRecordedTraffic(file) && info.kind !== "js" && info.kind !== "code") {
    for (const c of recordedCredentials(text)) hits.push({ ruleId: "recorded-http-credential", kind: c.kind, secret: c.secret, start: c.start, end: c.start + c.secret.length, confidence: c.confidence, reason: c.reason, name: c.name });
  }
  if (info.kind !== "js" && info.kind !== "code" && !info.testPath) {
    if (isUsersFile(base)) pushUsers(hits, usersFilePasswords(text, base));
    else if (/\.ini$/i.test(base) && text.includes("[admins]")) pushUsers(hits, iniAdminsPasswords(text));
    else if (isSvnservePasswd(base, text)) pushUsers(hits, iniAdminsPasswords(text, "users"));
  }
  if (base.endsWith(".json") && text.length < 1200 && text.trimStart().charCodeAt(0) === 91 /* [ */) solanaKeypair(text, hits);
  if (info.kind === "config" && base.endsWith(".conf") && (text.includes("default memory mode") || text.includes("default history") || text.includes("type = api"))) netdataStreamKeys(text, hits);
  // SQL held in code (a Go raw string of seed statements, a Java or JS query string): the same INSERTs.
  // The keyword pass says whether `insert into` occurs (rule-set.ts ENGINE_KEYWORDS).
  if (/\.sql$/i.test(base) || ((info.kind === "code" || info.kind === "js") && found.has("insert into"))) sqlInserts(text, hits, info.testPath);
  if (/\.(?:csv|tsv)$/i.test(base)) csvColumns(text, hits, info.testPath);
  return hits;
}

// A Solana keypair file (`solana-keygen new -o id.json`, Anchor's `target/deploy/<program>-keypair.json`):
// the whole file is a JSON array of the 64 bytes of an Ed25519 keypair, the 32 of the secret key first
// (https://docs.anza.xyz/cli/wallets/file-system). Whoever has it signs for the wallet or upgrades the program.
function solanaKeypair(text: string, hits: BuiltinHit[]): void {
  const m = /^\s*\[\s*((?:\d{1,3}\s*,\s*){63}\d{1,3})\s*\]\s*$/.exec(text);
  if (!m) return;
  const bytes = m[1]!.split(",").map((b) => Number(b.trim()));
  // Bytes, and random ones: a table of small numbers or one value repeated is not a key.
  if (bytes.some((b) => b > 255) || new Set(bytes).size < 32) return;
  const start = m.index + m[0].indexOf(m[1]!);
  hits.push({ ruleId: "solana-keypair-file", kind: "private-key", secret: m[1]!, start, end: start + m[1]!.length, confidence: 0.9, reason: "Solana keypair file (a JSON array of the 64 bytes of an Ed25519 keypair)" });
}

// Netdata streaming: on a parent, stream.conf has a section per API key that children may present
// (`[<api key>]`, with `enabled` and the defaults for those children: `default history`, `default memory mode`,
// …, or `type = api`) and may have one per child's machine GUID (`[<guid>]` with `history`, `memory mode`, or
// `type = machine`): https://learn.netdata.cloud/docs/observability-centralization-points/metrics-centralization-points/configuration.
// Both are UUIDs (`uuidgen`); only the API key's section is a secret, told apart by its `default …` options.
const NETDATA_SECTION = /^\[([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\][ \t]*\r?$/gim;
const NETDATA_KEY_OPTION = /^[ \t]*(?:default[ \t]+(?:history|memory[ \t]+mode|health[ \t]+enabled|postpush|proxy)\b|type[ \t]*=[ \t]*api\b)/m;

function netdataStreamKeys(text: string, hits: BuiltinHit[]): void {
  NETDATA_SECTION.lastIndex = 0;
  for (let m = NETDATA_SECTION.exec(text); m; m = NETDATA_SECTION.exec(text)) {
    const bodyStart = NETDATA_SECTION.lastIndex;
    const next = text.indexOf("\n[", bodyStart);
    const body = text.slice(bodyStart, Math.min(next === -1 ? text.length : next, bodyStart + 4000));
    if (!NETDATA_KEY_OPTION.test(body)) continue;
    const start = m.index + 1;
    hits.push({ ruleId: "netdata-stream-api-key", kind: "api-key", secret: m[1]!, start, end: start + m[1]!.length, confidence: 0.85, reason: "Netdata streaming API key (a stream.conf section named by the key children present, with their defaults)" });
  }
}

function railsMasterKey(text: string, hits: BuiltinHit[]): void {
  // Rails keeps the key that decrypts config/credentials.yml.enc in config/master.key (and per-environment
  // keys in config/credentials/<env>.key): 32 hex characters and nothing else
  // (https://guides.rubyonrails.org/security.html#custom-credentials). Rails' own .gitignore excludes it.
  const m = /^\s*([0-9a-f]{32})\s*$/.exec(text);
  if (!m) return;
  const start = text.indexOf(m[1]!);
  if (notSecretReason(m[1]!) !== null) return;
  hits.push({ ruleId: "rails-master-key", kind: "generic-secret", secret: m[1]!, start, end: start + 32, confidence: 0.9, reason: "Rails master key file (decrypts config/credentials.yml.enc)" });
}

// Ansible's vault password file (`--vault-password-file`, `vault_password_file` in ansible.cfg) holds the
// password that decrypts every `$ANSIBLE_VAULT` file, as its first line
// (https://docs.ansible.com/ansible/latest/vault_guide/vault_managing_passwords.html#storing-passwords-in-files).
// An executable script of the same name prints it instead: a `#!` file is code, not the password.
const VAULT_PASSWORD_FILE = /^\.?(?:ansible[_-])?vault[_-]?pass(?:word)?(?:[_-]?file)?(?:\.txt)?$/i;

function vaultPasswordFile(text: string, hits: BuiltinHit[]): void {
  const m = /^[ \t]*([^\s#][^\s]{0,255})[ \t]*(?:\r?\n[ \t]*)*$/.exec(text);
  if (!m) return;
  const pw = m[1]!;
  pushPassword(hits, pw, text.indexOf(pw), "Ansible vault password file", "ansible-vault-password-file");
}

// redis-cli keeps what was typed at its prompt in `~/.rediscli_history`, one command a line, so `AUTH <password>`
// and `AUTH <user> <password>` (https://redis.io/docs/latest/commands/auth/) are written there in clear text.
// (`CONFIG SET requirepass` and `ACL SETUSER … >password` are rules, since scripts write them too.)
const REDIS_AUTH = /^[ \t]*auth[ \t]+(?:[^\s"']{1,64}[ \t]+)?(["']?)([^\s"']{3,128})\1[ \t]*\r?$/gim;

function redisCliHistory(text: string, hits: BuiltinHit[]): void {
  REDIS_AUTH.lastIndex = 0;
  for (let m = REDIS_AUTH.exec(text); m !== null; m = REDIS_AUTH.exec(text)) {
    const pw = m[2]!;
    pushPassword(hits, pw, m.index + m[0].lastIndexOf(pw), "password of an AUTH command in redis-cli's history", "redis-cli-history-auth");
  }
}

// A file named for the one secret it holds: Velocity's `forwarding.secret`, ZeroTier's `authtoken.secret`,
// Proxmox's `priv/storage/<id>.pw`, `api_key.txt`, `deploy.token`, `secret.key`. Tools write the secret as the
// whole file, so nothing names it inside. gitleaks and trufflehog look at content only and miss these; here the
// file's name is the name: one token on one line (a trailing newline allowed), judged like a password, so a
// word, a placeholder, a path or a low-entropy value is not reported. Code files of such names
// (`token.py`) and files over 1 KB are not read this way.
// The Ethereum Engine API's JWT secret (geth's `jwtsecret`, the `jwt.hex` of Lighthouse, Prysm, Teku and Nethermind's
// guides: 32 bytes as hex, which authenticate the consensus client to the execution client).
const SECRET_FILE = /^(?:[\w.-]{0,60}[._-])?(?:secret|token|authtoken|passw(?:or)?d|pw|pass|api[_-]?key|secret[_-]?key|jwt[_-]?secret)(?:\.(?:txt|key|secret|token|hex))?$|\.(?:secret|token|pw|pass|password|apikey)$|^jwt\.hex$/i;

function secretFile(text: string, base: string, hits: BuiltinHit[]): void {
  const m = /^[ \t]*([^\s#][^\s]{7,511})[ \t]*(?:\r?\n[ \t]*)*$/.exec(text);
  if (!m) return;
  const secret = m[1]!;
  // A PEM block, a URL or a structured line (`key: value`, `a=b`) is the other detectors' business.
  if (/^-----|:\/\/|^[\w.-]{1,40}[:=]/.test(secret)) return;
  pushPassword(hits, secret, text.indexOf(secret), `secret alone in a file named for it (${base})`, "secret-file");
}

function pgbouncerUserlist(text: string, hits: BuiltinHit[]): void {
  // PgBouncer auth_file: `"user" "password"` per line, the password in clear text, as "md5…" or as a
  // SCRAM verifier (https://www.pgbouncer.org/config.html#authentication-file-format); hashes are filtered.
  const re = /^"(?:[^"\n]|"")*"[ \t]+"((?:[^"\n]|""){1,256})"/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const pw = m[1]!;
    pushPassword(hits, pw, m.index + m[0].length - 1 - pw.length, "PgBouncer userlist password", "pgbouncer-userlist-password");
  }
}

function htpasswdPlaintext(text: string, hits: BuiltinHit[]): void {
  // An htpasswd entry is `user:password[:comment]`. Apache recognises bcrypt (`$2y$`), `$apr1$`, `{SHA}`,
  // crypt(3) (13 characters of [./0-9A-Za-z]) and, on Windows and NetWare only, the plain password
  // (https://httpd.apache.org/docs/2.4/misc/password_encryptions.html); nginx adds RFC 2307 `{scheme}`
  // entries (`{PLAIN}` is rule htpasswd-plaintext-password). Hashes are not the credential; a value in
  // none of those forms is the password itself. `!`/`*` prefixes lock an account.
  const re = /^([^\s:#][^\s:]{0,63}):([^\s:]{1,128})(?::[^\n]*)?$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) htpasswdEntry(m, m.index, "plaintext password in an htpasswd file", hits);
}

/** An htpasswd entry's password (`m`: user, password), unless it is a hash or a locked account. */
function htpasswdEntry(m: RegExpExecArray, at: number, reason: string, hits: BuiltinHit[]): void {
  const pw = m[2]!;
  if (/^[$!*{]/.test(pw) || /^[./0-9A-Za-z]{13}$/.test(pw) || /^_[./0-9A-Za-z]{19}$/.test(pw)) return;
  pushPassword(hits, pw, at + m[1]!.length + 1, reason, "htpasswd-plaintext-password");
}

// An htpasswd file inline in YAML: the OpenTelemetry Collector's basicauth extension takes
// `htpasswd: {file: …, inline: |}`, each line of the block an htpasswd entry
// (https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/extension/basicauthextension),
// as Traefik's and Caddy's YAML take `users:` lists. The block has no name per line; its key says what it is.
const HTPASSWD_INLINE = /^([ \t]*)htpasswd:[ \t]*\r?\n(?:\1[ \t]+\w+:[^\n]*\n){0,3}?(\1[ \t]+)inline:[ \t]*[|>][-+]?[ \t]*\r?\n/gm;
const HTPASSWD_LINE = /^([^\s:#][^\s:]{0,63}):([^\s:]{1,128})[ \t]*\r?$/;

function htpasswdInline(text: string, hits: BuiltinHit[]): void {
  HTPASSWD_INLINE.lastIndex = 0;
  for (let m = HTPASSWD_INLINE.exec(text); m !== null; m = HTPASSWD_INLINE.exec(text)) {
    const keyIndent = m[2]!.length;
    let at = m.index + m[0].length;
    while (at < text.length) {
      const nl = text.indexOf("\n", at);
      const end = nl === -1 ? text.length : nl;
      const line = text.slice(at, end);
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== "" && indent <= keyIndent) break;
      const entry = HTPASSWD_LINE.exec(line.slice(indent));
      if (entry) htpasswdEntry(entry, at + indent, "plaintext password in an inline htpasswd block (basicauth)", hits);
      at = end + 1;
    }
  }
}

function openvpnUserPass(text: string, base: string, hits: BuiltinHit[]): void {
  // OpenVPN's `auth-user-pass <file>` reads a user name on the first line and the password on the second,
  // nothing else; since 2.6 the same two lines may sit inline in `<auth-user-pass>` … `</auth-user-pass>`
  // (https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/, --auth-user-pass). Such a
  // file has no name for its password, so only one under an openvpn/ directory is read this way.
  const inline = /<auth-user-pass>[ \t]*\r?\n[ \t]*[^\s<]{1,128}[ \t]*\r?\n[ \t]*([^\s<]{1,128})[ \t]*\r?\n[ \t]*<\/auth-user-pass>/.exec(text);
  if (inline) {
    pushPassword(hits, inline[1]!, inline.index + inline[0].lastIndexOf(inline[1]!), "password of an inline OpenVPN <auth-user-pass> block", "openvpn-auth-user-pass");
    return;
  }
  if (/\.(?:ovpn|conf|crt|pem|key|sh|up|down)$/i.test(base)) return;
  const m = /^[^\s#;][^\s]{0,127}\r?\n([^\s]{1,128})\r?\n?$/.exec(text);
  if (m) pushPassword(hits, m[1]!, text.lastIndexOf(m[1]!), "password line of an OpenVPN auth-user-pass file (user, then password)", "openvpn-auth-user-pass");
}

function terraformState(text: string, hits: BuiltinHit[]): void {
  // A random_password resource keeps the generated password in state as "result" (the provider marks it
  // sensitive, which hides it from plan output, not from the state file:
  // https://registry.terraform.io/providers/hashicorp/random/latest/docs/resources/password).
  const re = /"type":[ \t]{0,4}"random_password"[\s\S]{0,3000}?"result":[ \t]{0,4}"((?:[^"\\\n]|\\.){1,512})"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const pw = m[1]!;
    pushPassword(hits, pw, m.index + m[0].length - 1 - pw.length, "random_password result in Terraform state", "terraform-state-password");
  }
}

const SQL_INSERT = /\binsert[ \t]+into[ \t]+([\w."`[\]]{1,128})[ \t]*(?:\(([^()]{1,2000})\)[ \t\r\n]*)?values[ \t\r\n]*(?=\()/gi;
const CREATE_TABLE = /\bcreate[ \t]+(?:temporary[ \t]+)?table[ \t]+(?:if[ \t]+not[ \t]+exists[ \t]+)?([\w."`[\]]{1,128})[ \t]*\(/gi;
const COPY_FROM_STDIN = /^copy[ \t]+([\w."]{1,128})[ \t]*\(([^()\n]{1,2000})\)[ \t]+from[ \t]+stdin;[^\n]*\n/gim;

function unquoteSqlName(name: string): string {
  return name.trim().replace(/^[`"[]|[`"\]]$/g, "");
}

/** `schema.table`, `` `db`.`table` ``, `"public"."t"` → `table`, lower-cased. */
function sqlTableName(name: string): string {
  const parts = name.split(".");
  return unquoteSqlName(parts[parts.length - 1]!).toLowerCase();
}

/**
 * Column names of every `CREATE TABLE t (…)` in the text, by table: mysqldump writes
 * `INSERT INTO t VALUES (…)` without a column list by default (--complete-insert adds it:
 * https://dev.mysql.com/doc/refman/8.0/en/mysqldump.html#option_mysqldump_complete-insert), and so
 * does `pg_dump --inserts`; the columns are in the dump's CREATE TABLE, in order. Constraint lines
 * (`PRIMARY KEY (…)`, `KEY idx (…)`, `CONSTRAINT …`) are not columns.
 */
function sqlTableColumns(text: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  CREATE_TABLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CREATE_TABLE.exec(text)) !== null) {
    const columns: string[] = [];
    let depth = 0;
    let item = "";
    const limit = Math.min(text.length, CREATE_TABLE.lastIndex + 20_000);
    let i = CREATE_TABLE.lastIndex;
    for (; i < limit; i++) {
      const c = text[i]!;
      if (c === "(") depth++;
      else if (c === ")" && depth > 0) depth--;
      else if ((c === "," || c === ")") && depth === 0) {
        const col = /^\s*([`"[]?)([A-Za-z_][\w$]{0,63})\1\]?\s+[A-Za-z]/.exec(item);
        if (col && !/^(?:primary|key|unique|constraint|index|foreign|check|fulltext|spatial|exclude|period)$/i.test(col[2]!)) columns.push(col[2]!);
        item = "";
        if (c === ")") break;
        continue;
      }
      if (depth === 0) item += c;
    }
    if (columns.length > 0) tables.set(sqlTableName(m[1]!), columns);
    CREATE_TABLE.lastIndex = i;
  }
  return tables;
}

function pushSqlValue(hits: BuiltinHit[], name: string, text: string, start: number, testPath: boolean, form: string): void {
  const j = judge(name, text, "config", testPath, true);
  if (!j.secret) return;
  hits.push({ ruleId: "sql-insert-secret", kind: j.kind, secret: text, start, end: start + text.length, confidence: j.confidence, reason: `column ${name} of an SQL ${form}; ${j.reason}`, name });
}

function sqlInserts(text: string, hits: BuiltinHit[], testPath: boolean): void {
  // `INSERT INTO t (name, api_key, …) VALUES ('x', '…'), (…);`: each quoted value is judged under its
  // column's name, so an api_key or client_secret column counts and a password_hash column (a name about
  // a secret) or a bcrypt/argon2 value (a hash) does not. Without a column list, the columns come from
  // the table's CREATE TABLE in the same file (a dump).
  SQL_INSERT.lastIndex = 0;
  let tables: Map<string, string[]> | undefined;
  let m: RegExpExecArray | null;
  while ((m = SQL_INSERT.exec(text)) !== null) {
    const columns = m[2] !== undefined ? m[2].split(",").map(unquoteSqlName) : (tables ??= sqlTableColumns(text)).get(sqlTableName(m[1]!));
    if (!columns || !columns.some((c) => analyzeName(c).strength !== "none")) continue;
    let at = m.index + m[0].length;
    for (let rows = 0; rows < 10_000 && text[at] === "("; rows++) {
      const row = readSqlRow(text, at);
      if (!row) break;
      row.values.forEach((v, i) => {
        const name = columns[i];
        if (!name || !v.quoted || analyzeName(name).strength === "none") return;
        pushSqlValue(hits, name, v.text, v.start, testPath, "INSERT");
      });
      at = row.end;
      while (at < text.length && /[ \t\r\n]/.test(text[at]!)) at++;
      if (text[at] !== ",") break;
      at++;
      while (at < text.length && /[ \t\r\n]/.test(text[at]!)) at++;
    }
    SQL_INSERT.lastIndex = Math.max(SQL_INSERT.lastIndex, at);
  }
  sqlCopies(text, hits, testPath);
}

function sqlCopies(text: string, hits: BuiltinHit[], testPath: boolean): void {
  // pg_dump's default data format: `COPY public.t (id, api_key) FROM stdin;`, then one row a line,
  // tab-separated, `\N` for NULL, backslash escapes, until a line `\.`
  // (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2).
  COPY_FROM_STDIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COPY_FROM_STDIN.exec(text)) !== null) {
    const columns = m[2]!.split(",").map(unquoteSqlName);
    let at = COPY_FROM_STDIN.lastIndex;
    if (!columns.some((c) => analyzeName(c).strength !== "none")) continue;
    for (let rows = 0; rows < 10_000 && at < text.length; rows++) {
      let nl = text.indexOf("\n", at);
      if (nl === -1) nl = text.length;
      const line = text.slice(at, nl).replace(/\r$/, "");
      if (line === "\\.") {
        at = nl + 1;
        break;
      }
      let start = at;
      const fields = line.split("\t");
      fields.forEach((f, i) => {
        const name = columns[i];
        if (name && f !== "\\N" && !f.includes("\\") && analyzeName(name).strength !== "none") pushSqlValue(hits, name, f, start, testPath, "COPY");
        start += f.length + 1;
      });
      at = nl + 1;
    }
    COPY_FROM_STDIN.lastIndex = at;
  }
}

/**
 * The string quoted by `quote` at `i`, a doubled quote standing for one (SQL `'…'`, RFC 4180 CSV `"…"`):
 * its text and the offset of its closing quote; null if it does not close before `limit`.
 */
function readDoubledQuoted(text: string, i: number, limit: number, quote: string): { value: string; end: number } | null {
  let value = "";
  let from = i + 1;
  for (;;) {
    const j = text.indexOf(quote, from);
    if (j === -1 || j >= limit) return null;
    value += text.slice(from, j);
    if (text[j + 1] !== quote) return { value, end: j };
    value += quote;
    from = j + 2;
  }
}

/**
 * The fields of one CSV line (RFC 4180: `"…"` quoting with `""` for a quote), with their offsets in
 * the line; null if a quoted field does not close on the line (a multi-line field).
 */
function csvFields(line: string, sep: string): Array<{ text: string; start: number; quoted: boolean }> | null {
  const out: Array<{ text: string; start: number; quoted: boolean }> = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      const q = readDoubledQuoted(line, i, line.length, '"');
      if (!q) return null;
      out.push({ text: q.value, start: i + 1, quoted: !q.value.includes('"') });
      i = q.end + 1;
      if (i < line.length && line[i] !== sep) return null;
    } else {
      let j = line.indexOf(sep, i);
      if (j === -1) j = line.length;
      out.push({ text: line.slice(i, j), start: i, quoted: true });
      i = j;
    }
    if (i >= line.length) return out;
    i++; // the separator
  }
}

const PAIR_NAME_COLUMN = /^(?:name|key|variable|variable ?name|setting|property|parameter)$/i;

function csvColumns(text: string, hits: BuiltinHit[], testPath: boolean): void {
  // A table with a header row: exported credentials (browsers' password exports `name,url,username,password`,
  // a spreadsheet of service keys `service,api_key`), each value judged under its column's name like an SQL
  // INSERT's. Only columns whose header names a secret are read.
  let nl = text.indexOf("\n");
  if (nl === -1) nl = text.length;
  const header = text.slice(0, nl).replace(/\r$/, "").replace(/^\uFEFF/, "");
  if (header.length > 4000) return;
  const sep = header.includes("\t") ? "\t" : (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const names = csvFields(header, sep)?.map((f) => f.text.trim());
  if (!names) return;
  const columns = names.map((n, i) => ({ n, i })).filter(({ n }) => {
    if (!/^[A-Za-z_][\w .-]{0,60}$/.test(n)) return false;
    const a = analyzeName(n);
    return a.strength !== "none" && !a.negative;
  });
  // A table of name/value pairs (SCCM collection variables `Collection,Name,Value,IsMasked`, exported app settings,
  // pipeline variables `Variable,Value`): a row's value is named by its name cell, as `NAME=value` would be.
  const pairName = names.findIndex((n) => PAIR_NAME_COLUMN.test(n));
  const pairValue = pairName === -1 ? -1 : names.findIndex((n, i) => i > pairName && /^value$/i.test(n));
  if (columns.length === 0 && pairValue === -1) return;
  let at = nl + 1;
  for (let rows = 0; rows < 10_000 && at < text.length; rows++) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const line = text.slice(at, end).replace(/\r$/, "");
    const fields = line.length <= 20_000 ? csvFields(line, sep) : null;
    if (fields) {
      for (const { n, i } of columns) {
        const f = fields[i];
        if (!f || !f.quoted || f.text.length < 4) continue;
        const value = f.text.trim();
        const start = at + f.start + f.text.indexOf(value);
        const j = judge(n, value, "config", testPath, true);
        if (!j.secret) continue;
        hits.push({ ruleId: "csv-column-secret", kind: j.kind, secret: value, start, end: start + value.length, confidence: j.confidence, reason: `column ${n} of a CSV table; ${j.reason}`, name: n });
      }
      const n = fields && pairValue !== -1 ? fields[pairName]?.text.trim() ?? "" : "";
      const f = fields?.[pairValue];
      if (f && f.quoted && f.text.length >= 4 && /^[A-Za-z_][\w.:-]{0,80}$/.test(n)) {
        const value = f.text.trim();
        const start = at + f.start + f.text.indexOf(value);
        const j = judge(n, value, "config", testPath, true);
        if (j.secret) hits.push({ ruleId: "csv-column-secret", kind: j.kind, secret: value, start, end: start + value.length, confidence: j.confidence, reason: `value of ${n} in a CSV table of names and values; ${j.reason}`, name: n });
      }
    }
    at = end + 1;
  }
}

interface SqlValue {
  text: string;
  start: number;
  quoted: boolean;
}

/** One `( … )` row of VALUES starting at `at` (the parenthesis): its values and the offset after `)`. */
function readSqlRow(text: string, at: number): { values: SqlValue[]; end: number } | null {
  const values: SqlValue[] = [];
  let i = at + 1;
  const limit = Math.min(text.length, at + 100_000);
  while (i < limit) {
    while (i < limit && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
    if (text[i] === "'") {
      // SQL string: '' is an escaped quote.
      const q = readDoubledQuoted(text, i, limit, "'");
      if (!q) return null;
      values.push({ text: q.value, start: i + 1, quoted: !q.value.includes("'") });
      i = q.end + 1;
    } else {
      // NULL, numbers, booleans, function calls (one level of parentheses).
      let depth = 0;
      const s = i;
      for (; i < limit; i++) {
        const c = text[i];
        if (c === "(") depth++;
        else if (c === ")") {
          if (depth === 0) break;
          depth--;
        } else if (c === "," && depth === 0) break;
        else if (c === "'") return null;
      }
      values.push({ text: text.slice(s, i).trim(), start: s, quoted: false });
    }
    while (i < limit && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text[i] === ")") return { values, end: i + 1 };
    return null;
  }
  return null;
}

function privateKeys(text: string, hits: BuiltinHit[]): void {
  PRIVATE_BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRIVATE_BEGIN.exec(text)) !== null) {
    const endMarker = `-----END ${m[1]}-----`;
    const endAt = text.indexOf(endMarker, m.index);
    if (endAt === -1) break; // no END marker after this one: none after any later BEGIN either (keeps this linear)
    if (endAt - m.index > 20_000) continue;
    const secret = text.slice(m.index, endAt + endMarker.length);
    PRIVATE_BEGIN.lastIndex = endAt + endMarker.length;
    if (rulePlaceholderReason(secret) !== null) continue;
    hits.push({ ruleId: "generic-private-key", kind: "private-key", secret, start: m.index, end: m.index + secret.length, confidence: 0.97, reason: `${m[1]!.toLowerCase()} block (PEM)` });
  }
}

/**
 * Anchored on "://" rather than on every word start: most files have URLs, few have a password in one.
 * `offsets`: every "://" in the text, from the keyword pass; without it (or when it was too frequent to
 * be recorded) they are found with indexOf, which stops at every `:` of the text.
 */
function urlPasswords(text: string, hits: BuiltinHit[], testPath: boolean, offsets?: readonly number[] | null): void {
  if (offsets == null) {
    for (let at = text.indexOf("://"); at !== -1; at = text.indexOf("://", at + 3)) urlPassword(text, at, hits, testPath);
  } else {
    for (let i = 0; i < offsets.length; i++) urlPassword(text, offsets[i]!, hits, testPath);
  }
}

/** The start of a host written as an interpolation (`${host}`, `{DB_HOST}`, `#{host}`, `%(host)s`, `$HOST`, `{{ host }}`). */
const INTERPOLATED_HOST = /^(?:\$\{?[A-Za-z_]|\{\{?\s*[A-Za-z_]|#\{|%\()/;

function urlPassword(text: string, at: number, hits: BuiltinHit[], testPath: boolean): void {
  // Scheme: letters, digits, + . - before "://" (RFC 3986 §3.1); char codes, no per-character regex.
  let s = at;
  while (s > 0 && at - s < 24 && isSchemeChar(text.charCodeAt(s - 1))) s--;
  if (s === at || !isLetter(text.charCodeAt(s))) return;
  // userinfo: up to the first "@" before any "/", whitespace, quote or bracket.
  let userStart = at + 3;
  let e = userStart;
  let colon = -1;
  const limit = Math.min(text.length, at + 300);
  for (let pass = 0; pass < 2; pass++) {
    while (e < limit) {
      const c = text.charCodeAt(e);
      if (c === 64 /* @ */ || c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c <= 32 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62) break;
      if (c === 58 /* : */ && colon === -1) colon = e;
      e++;
    }
    // CUPS's and smbclient's SMB URIs put the workgroup or domain before the user:
    // `smb://WORKGROUP/user:password@server/share` (smbspool(8), https://www.samba.org/samba/docs/current/man-html/smbspool.8.html):
    // the userinfo starts after that first segment, when it has no ":" of its own.
    if (pass === 0 && text.charCodeAt(e) === 47 && colon === -1 && e > userStart && at - s === 3 && text.slice(s, at).toLowerCase() === "smb") {
      userStart = ++e;
      continue;
    }
    break;
  }
  // A host after the "@", or none: Airflow's connection URIs for hostless services put the token in the
  // password and end there (`AIRFLOW_CONN_SLACK_DEFAULT=slack://:<token>@/`,
  // https://airflow.apache.org/docs/apache-airflow/stable/howto/connection.html#uri-format).
  // Or a host the code fills in: a template literal's `${host}`, an f-string's `{DB_HOST}`, Ruby's `#{host}`,
  // `%(host)s`, shell's `$DB_HOST`, a `{{ host }}` template: the password before it is written out all the same.
  if (text.charCodeAt(e) !== 64 /* @ */ || colon === -1) return;
  if (!/[A-Za-z0-9[/?"'`\s]|^$/.test(text[e + 1] ?? "") && !INTERPOLATED_HOST.test(text.slice(e + 1, e + 5))) return;
  const scheme = text.slice(s, at);
  const user = text.slice(userStart, colon);
  const password = text.slice(colon + 1, e);
  // A CVSROOT after the scheme (`cvs://:pserver:anoncvs@host:/cvs/src`): `:method:user@host`, no password.
  if (user === "" && /^(?:pserver|ext|gserver|kserver|server|sspi|fork|extssh):[^:]*$/.test(password)) return;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    /* not percent-encoded */
  }
  if (decoded.length < 6 || decoded === user || rulePlaceholderReason(password) !== null || password.startsWith("$")) return;
  const j = judge("password", decoded, "config", testPath, true);
  if (!j.secret) return;
  const db = DB_SCHEMES.test(scheme);
  hits.push({
    ruleId: "generic-url-password",
    kind: db ? "database-credential" : "connection-string",
    secret: password,
    start: colon + 1,
    end: e,
    confidence: 0.85,
    reason: `${db ? "database " : ""}URL (${scheme.toLowerCase()}://) with an embedded password`,
  });
}

/** `offsets`: every `authorization` in the text (the keyword pass); null or absent: the whole text is searched. */
function authHeaders(text: string, info: FileInfo, hits: BuiltinHit[], offsets?: readonly number[] | null): void {
  if (offsets == null) {
    AUTH_HEADER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = AUTH_HEADER.exec(text)) !== null) authHeader(text, info, hits, m);
    return;
  }
  let end = 0;
  for (let i = 0; i < offsets.length; i++) {
    const at = offsets[i]!;
    if (at < end) continue; // inside the previous match, where the global search does not look
    AUTH_HEADER_AT.lastIndex = at;
    const m = AUTH_HEADER_AT.exec(text);
    if (m === null) continue;
    end = AUTH_HEADER_AT.lastIndex;
    authHeader(text, info, hits, m);
  }
}

function authHeader(text: string, info: FileInfo, hits: BuiltinHit[], m: RegExpExecArray): void {
  const token = m[2]!;
  // Basic credentials are base64 of `user:password` (RFC 7617 §2): `dXNlcjpwYXNzd29yZA==` is
  // user:password, the documentation sample, whatever its entropy as base64.
  if (/^basic$/i.test(m[1]!) && isStandInBasicCredential(token)) return;
  const j = judge("authorization_token", token, info.kind === "docs" ? "docs" : "config", info.testPath, true);
  if (!j.secret) return;
  const start = m.index + m[0].length - token.length;
  hits.push({ ruleId: "authorization-header", kind: "token", secret: token, start, end: start + token.length, confidence: Math.min(0.9, j.confidence), reason: `${m[1]!.toLowerCase()} credential in an Authorization header; ${j.reason.replace(/^name \S+ \S+ \S+ and /, "")}` });
}

function pushUsers(hits: BuiltinHit[], found: UserPassword[]): void {
  for (const u of found) pushPassword(hits, u.secret, u.start, u.reason, "users-file-password");
}

function pushPassword(hits: BuiltinHit[], secret: string, start: number, reason: string, ruleId = "generic-password"): void {
  const j = judge("password", secret, "config", false, true);
  if (!j.secret) return;
  hits.push({ ruleId, kind: "password", secret, start, end: start + secret.length, confidence: Math.min(0.85, j.confidence), reason: `${reason}; ${j.reason.replace(/^name is PASSWORD and /, "")}` });
}

function commandLines(text: string, found: Set<string>, hits: BuiltinHit[]): void {
  let m: RegExpExecArray | null;
  if (found.has("-u ") || found.has("--user")) {
    CURL_USER.lastIndex = 0;
    while ((m = CURL_USER.exec(text)) !== null) {
      const pw = m[2]!;
      pushPassword(hits, pw, m.index + m[0].lastIndexOf(pw), "password in a `-u user:password` command-line option", "cli-password");
    }
  }
  if (found.has("--pass") || found.has("--requirepass") || found.has("-password")) {
    PASSWORD_FLAG.lastIndex = 0;
    while ((m = PASSWORD_FLAG.exec(text)) !== null) {
      const pw = m[2]!;
      pushPassword(hits, pw, m.index + m[0].lastIndexOf(pw), "password given as a command-line option", "cli-password");
    }
  }
  if (found.has("login")) {
    LOGIN_P_FLAG.lastIndex = 0;
    while ((m = LOGIN_P_FLAG.exec(text)) !== null) {
      const pw = m[2]!;
      pushPassword(hits, pw, m.index + m[0].lastIndexOf(pw), "password given to `login -p`", "cli-password");
    }
  }
}

/**
 * With `anchors`, the pattern is tried only where `password` (a head offset of `pass`) or `identified`
 * starts, in ascending order and never inside the previous match: the global search's matches.
 */
function sql(text: string, hits: BuiltinHit[], anchors?: BuiltinAnchors): void {
  const identified = anchors?.offsets.get("identified");
  let m: RegExpExecArray | null;
  if (anchors === undefined || identified === null) {
    SQL_PASSWORD.lastIndex = 0;
    while ((m = SQL_PASSWORD.exec(text)) !== null) sqlPassword(hits, m);
    return;
  }
  const { heads } = anchors;
  const ids = identified ?? [];
  let end = 0;
  for (let h = 0, d = 0; h < heads.length || d < ids.length; ) {
    let at: number;
    if (d < ids.length && (h >= heads.length || ids[d]! < heads[h]!)) at = ids[d++]!;
    else {
      at = heads[h++]!;
      // Most head offsets are other words (`key`, `token`): `password` starts with `pa`.
      if ((text.charCodeAt(at) | 32) !== 112 || (text.charCodeAt(at + 1) | 32) !== 97) continue;
    }
    if (at < end) continue;
    SQL_PASSWORD_AT.lastIndex = at;
    if ((m = SQL_PASSWORD_AT.exec(text)) === null) continue;
    end = SQL_PASSWORD_AT.lastIndex;
    sqlPassword(hits, m);
  }
}

function sqlUnquoted(text: string, hits: BuiltinHit[]): void {
  SQL_UNQUOTED_IDENTIFIED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SQL_UNQUOTED_IDENTIFIED.exec(text)) !== null) {
    const pw = m[1]!;
    pushPassword(hits, pw, m.index + m[0].length - pw.length, "password in a SQL user statement", "sql-password");
  }
}

// ClickHouse's hashed forms, `IDENTIFIED WITH sha256_hash BY '<hex>' SALT '…'`, `double_sha1_hash`,
// `bcrypt_hash` (https://clickhouse.com/docs/en/sql-reference/statements/create/user): the value is the
// stored hash, not the password (`sha256_password BY '…'` is the plaintext).
const SQL_HASH_PLUGIN = /with(?:[ \t]|\\040){1,8}['"`]?\w{0,40}_hash['"`]?(?:[ \t]|\\040)/i;

function sqlPassword(hits: BuiltinHit[], m: RegExpExecArray): void {
  if (SQL_HASH_PLUGIN.test(m[0])) return;
  const pw = m[2]!;
  pushPassword(hits, pw, m.index + m[0].length - 1 - pw.length, "password in a SQL user statement", "sql-password");
}

const NAME_LIKE = /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+$/;

function credentialCalls(text: string, hits: BuiltinHit[]): void {
  CREDENTIAL_CALLS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CREDENTIAL_CALLS.exec(text)) !== null) {
    const pw = m[2] ?? m[4] ?? m[6] ?? m[8] ?? m[10]!;
    const quote = m[1] ?? m[3] ?? m[5] ?? m[7] ?? m[9]!;
    // `.auth("…")` alone names no credential (Redis's `jedis.auth(pw)`, but also a builder's
    // `.auth("oauth2-client")`): a lower-case dashed or dotted identifier there is a name, not a password.
    if (m[8] !== undefined && NAME_LIKE.test(pw)) continue;
    const start = m.index + m[0].lastIndexOf(quote + pw + quote) + 1;
    pushPassword(hits, pw, start, "password passed to a credential call", "code-credential-argument");
  }
}

function basicEncodes(text: string, hits: BuiltinHit[]): void {
  BASIC_ENCODE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BASIC_ENCODE.exec(text)) !== null) {
    const pw = m[3]!;
    pushPassword(hits, pw, m.index + m[0].length - 1 - pw.length, "password in a `user:password` literal encoded for a Basic header", "code-credential-argument");
  }
}

function codeBearers(text: string, info: FileInfo, hits: BuiltinHit[]): void {
  CODE_BEARER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CODE_BEARER.exec(text)) !== null) {
    const token = m[2] ?? m[4]!;
    const scheme = m[3]?.toLowerCase() ?? "bearer";
    if (scheme === "basic" && isStandInBasicCredential(token)) continue;
    const j = judge("authorization_token", token, "code", info.testPath, true);
    if (!j.secret) continue;
    const start = m.index + m[0].indexOf(token);
    hits.push({ ruleId: "authorization-header", kind: "token", secret: token, start, end: start + token.length, confidence: Math.min(0.9, j.confidence), reason: `${scheme} credential set as an Authorization header in code; ${j.reason.replace(/^name \S+ \S+ \S+ and /, "")}` });
  }
}

function netrc(text: string, hits: BuiltinHit[]): void {
  const re = /\bpassword[ \t]+(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const pw = m[1]!;
    pushPassword(hits, pw, m.index + m[0].length - pw.length, ".netrc password", "netrc-password");
  }
}

/**
 * The weak passwords of a credential store's logins for hosts others reach (credential-store.ts): the judge
 * drops them as stand-ins elsewhere; the ones it keeps are the format detectors' and rules'.
 */
function weakStoredLogins(text: string, store: NonNullable<ReturnType<typeof credentialStoreKind>>, hits: BuiltinHit[]): void {
  for (const login of storedLogins(text, store)) {
    if (judge("password", login.password, "config", false, true).secret) continue;
    if (templatePasswordReason(login.password, login.user) !== null || standInHostReason(login.host) !== null) continue;
    hits.push({ ruleId: login.ruleId, kind: "password", secret: text.slice(login.start, login.end), start: login.start, end: login.end, confidence: 0.8, reason: `${login.store} entry: a weak but working login for a host others reach (kept by the program that sends it; weak is worse, not a stand-in)` });
  }
}

function pgpass(text: string, hits: BuiltinHit[]): void {
  // hostname:port:database:username:password (PostgreSQL docs, "The Password File").
  const re = /^[^#:\n][^:\n]*:[^:\n]*:[^:\n]*:[^:\n]*:(.+)$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const pw = m[1]!.trim();
    pushPassword(hits, pw, m.index + m[0].lastIndexOf(pw), ".pgpass password", "pgpass-password");
  }
}
