import { test } from "node:test";
import assert from "node:assert/strict";
import { detectBuiltin } from "./builtin-detector.js";
import { fileInfo } from "./file-kind.js";
import { allRules, compileRuleSet, scanKeywords } from "./rule-set.js";

// Values are assembled at run time so that scanning this repository stays clean.
const HEX32 = ["7f3a9c1e", "04d2b8f6", "a15e3c9d", "2b7f6e08"].join("");
const PW = ["Qz7", "rLx", "2Vw", "9Kp"].join("");
const KEY = ["f8Kq2LmZ", "9xR4tV7b", "N3cW6yH1", "pD5sJ0uG"].join("");

function hits(file: string, text: string): Array<{ ruleId: string; secret: string; at: string }> {
  return detectBuiltin(text, new Set(), file, fileInfo(file)).map((h) => ({ ruleId: h.ruleId, secret: h.secret, at: text.slice(h.start, h.end) }));
}

test("Rails master key files: 32 hex alone in config/master.key or config/credentials/<env>.key", () => {
  assert.deepEqual(hits("config/master.key", HEX32 + "\n"), [{ ruleId: "rails-master-key", secret: HEX32, at: HEX32 }]);
  assert.equal(hits("config/credentials/production.key", HEX32).length, 1);
  assert.deepEqual(hits("config/master.key", "0".repeat(32)), [], "a mask");
  assert.deepEqual(hits("config/master.key", `${HEX32}\nmore text\n`), [], "not a key file");
  assert.deepEqual(hits("certs/server.key", HEX32), [], "another .key file");
});

test("Ansible vault password files: the one line of .vault_pass and its spellings, not a script or a stand-in", () => {
  assert.deepEqual(hits("ops/ansible/.vault_pass", `${KEY}\n`), [{ ruleId: "ansible-vault-password-file", secret: KEY, at: KEY }]);
  assert.equal(hits("vault_password.txt", `  ${KEY}  \n\n`).length, 1);
  assert.equal(hits(".ansible-vault-pass", KEY).length, 1);
  assert.deepEqual(hits(".vault_pass", "#!/bin/sh\nop read op://ops/ansible/password\n"), [], "a script printing the password");
  assert.deepEqual(hits(".vault_pass", "changeme\n"), [], "a stand-in");
  assert.deepEqual(hits(".vault_pass", `${KEY}\nsecond line\n`), [], "not a one-line password file");
  assert.deepEqual(hits("vault.txt", KEY), [], "another file");
});

test("an htpasswd block inline in YAML (the OpenTelemetry Collector's basicauth `htpasswd: inline: |`): plaintext entries count, hashes and the rest of the file do not", () => {
  const yaml = (inline: string[]) =>
    ["extensions:", "  basicauth/server:", "    htpasswd:", "      file: /etc/otel/.htpasswd", "      inline: |", ...inline.map((l) => "        " + l), "  health_check: {}", `other: "a:${PW}x"`, ""].join("\n");
  const text = yaml([`otel-agent:${PW}`, `ops:$2y$05$${KEY}${KEY}abcdefghijkl.`, "carol:{SHA}VBPuJHI7uixaa6LQGWx4s+5GKNE=", "", "dave:changeme"]);
  const found = detectBuiltin(text, new Set(["pass"]), "otel/collector.yaml", fileInfo("otel/collector.yaml"));
  assert.deepEqual(found.map((h) => ({ ruleId: h.ruleId, secret: h.secret, line: text.slice(0, h.start).split("\n").length })), [{ ruleId: "htpasswd-plaintext-password", secret: PW, line: 6 }]);
  assert.match(found[0]!.reason, /inline htpasswd block/);
  // A `user:password` line under another key, or a block that is not the htpasswd's, is not read this way.
  const other = ["auth:", "  users: |", `    otel-agent:${PW}`, ""].join("\n");
  assert.deepEqual(detectBuiltin(other, new Set(["pass"]), "collector.yaml", fileInfo("collector.yaml")), []);
});

test("PgBouncer userlist.txt: clear-text passwords count, md5 and SCRAM verifiers do not", () => {
  const text = [`"app" "${PW}"`, `"legacy" "md5${HEX32}"`, `"report" "SCRAM-SHA-256$4096:c2FsdHNhbHQ=$c3RvcmVka2V5:c2VydmVya2V5"`, ""].join("\n");
  assert.deepEqual(hits("etc/pgbouncer/userlist.txt", text), [{ ruleId: "pgbouncer-userlist-password", secret: PW, at: PW }]);
});

test("htpasswd files: a plaintext entry counts; bcrypt, $apr1$, {SHA}, {SSHA}, crypt and locked entries do not", () => {
  const text = [
    `web:${PW}`,
    `ops:$2y$05$${KEY}${KEY}abcdefghijkl.`,
    `admin:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/`,
    "carol:{SHA}VBPuJHI7uixaa6LQGWx4s+5GKNE=",
    "dave:{SSHA}" + KEY,
    "erin:rqXexS6ZhobKA",
    `frank:!${PW}`,
    "# comment:line",
    "",
  ].join("\n");
  for (const file of [".htpasswd", "etc/nginx/.htpasswd", "auth/users.htpasswd", "conf/htpasswd"]) {
    assert.deepEqual(hits(file, text), [{ ruleId: "htpasswd-plaintext-password", secret: PW, at: PW }], file);
  }
  assert.deepEqual(hits("conf/users.txt", text), [], "only htpasswd files are read this way");
  assert.deepEqual(hits("cmd/htpasswd.go", text), [], "the source of a tool named htpasswd is code, not an htpasswd file");
  assert.deepEqual(hits(".htpasswd", "admin:changeme\n"), [], "a stand-in password");
});

test("OpenVPN auth-user-pass: the second line of a two-line file under openvpn/, or of an inline block", () => {
  assert.deepEqual(hits("etc/openvpn/client/auth.txt", `vpn-robot\n${PW}\n`), [{ ruleId: "openvpn-auth-user-pass", secret: PW, at: PW }]);
  assert.deepEqual(hits("etc/openvpn/creds", `vpn-robot\r\n${PW}`), [{ ruleId: "openvpn-auth-user-pass", secret: PW, at: PW }]);
  const ovpn = `client\nremote vpn.example.org 1194\n<auth-user-pass>\nvpn-robot\n${PW}\n</auth-user-pass>\n`;
  assert.deepEqual(hits("office.ovpn", ovpn), [{ ruleId: "openvpn-auth-user-pass", secret: PW, at: PW }]);
  assert.deepEqual(hits("notes/auth.txt", `vpn-robot\n${PW}\n`), [], "two lines elsewhere say nothing");
  assert.deepEqual(hits("etc/openvpn/client/auth.txt", `vpn-robot\n${PW}\nthird\n`), [], "not the two-line form");
  assert.deepEqual(hits("etc/openvpn/client/auth.txt", "vpn-robot\nchangeme\n"), [], "a stand-in");
  assert.deepEqual(hits("etc/openvpn/client.conf", `dev tun\n${PW}\n`), [], "a config file, not the credentials file");
});

test("Terraform state: the result of a random_password, not its bcrypt_hash", () => {
  const state = JSON.stringify({ resources: [{ type: "random_password", name: "db", instances: [{ attributes: { bcrypt_hash: "$2a$10$" + KEY + KEY, id: "none", result: PW } }] }] }, null, 2);
  assert.deepEqual(hits("terraform.tfstate", state), [{ ruleId: "terraform-state-password", secret: PW, at: PW }]);
  const names = JSON.stringify({ resources: [{ type: "random_string", instances: [{ attributes: { result: PW } }] }] });
  assert.deepEqual(hits("terraform.tfstate", names), [], "random_string names buckets, it is not a password");
  // `terraform show -json` of a plan or a state: the same resources, under planned_values / values.
  const show = JSON.stringify({ format_version: "1.2", planned_values: { root_module: { resources: [{ address: "random_password.grafana", type: "random_password", values: { length: 24, result: PW } }] } } });
  assert.deepEqual(hits("plan.json", show), [{ ruleId: "terraform-state-password", secret: PW, at: PW }]);
  assert.deepEqual(hits("package.json", JSON.stringify({ name: "x", random_password: { result: PW } })), [], "not Terraform's JSON");
});

test("SQL INSERT … VALUES: values under secret column names, not hashes, ids or other columns", () => {
  const sql = [
    "INSERT INTO integrations (name, api_key, enabled) VALUES",
    `  ('shipping', '${KEY}', true),`,
    "  ('mail', NULL, false);",
    `INSERT INTO oauth_clients (client_id, client_secret) VALUES ('dash', '${KEY}x');`,
    `INSERT INTO users (email, password_hash) VALUES ('a@b.c', '$2b$12$${KEY}${KEY}abcde');`,
    `INSERT INTO accounts (id, password) VALUES (1, '$argon2id$v=19$m=65536,t=3,p=4$${KEY}$${KEY}');`,
    `INSERT INTO notes (title, body) VALUES ('x', '${KEY}');`,
    `INSERT INTO tenants (id, name) VALUES ('3c6e0b8a-9c15-4a0b-8f1e-2d4b7a9c0e13', 'Acme');`,
  ].join("\n");
  const found = hits("db/seed.sql", sql);
  assert.deepEqual(found.map((h) => h.secret), [KEY, KEY + "x"]);
  assert.ok(found.every((h) => h.ruleId === "sql-insert-secret" && h.at === h.secret));
  assert.deepEqual(hits("docs/seeding.md", sql), [], "SQL files and code are read this way, not prose");
});

test("SQL INSERTs held in code strings are read too: a Go raw string, a Java string, a JS query", () => {
  // In code the keyword pass's `insert into` gates the reader: the engine hands over what it found.
  const set = compileRuleSet(allRules);
  const hits = (file: string, text: string) =>
    detectBuiltin(text, scanKeywords(set, text), file, fileInfo(file)).map((h) => ({ ruleId: h.ruleId, secret: h.secret, at: text.slice(h.start, h.end) }));
  const go = `package store\n\nconst seed = \`\nINSERT INTO service_accounts (name, api_key, created_at) VALUES\n  ('reconciler', '${KEY}', now()),\n  ('reporting', 'lgr_test_placeholder', now());\n\``;
  assert.deepEqual(hits("internal/store/queries.go", go), [{ ruleId: "sql-insert-secret", secret: KEY, at: KEY }]);
  const java = `String q = "INSERT INTO users (login, password) VALUES ('ops', '${PW}x!9')";\n`;
  assert.deepEqual(hits("src/main/java/Seed.java", java).map((h) => h.secret), [`${PW}x!9`]);
  const js = `await db.query("insert into clients (name, client_secret) values ('dash', '${KEY}')");\n`;
  assert.deepEqual(hits("scripts/seed.js", js).map((h) => h.secret), [KEY]);
  // A parameterised statement holds no value; a statement built from variables holds no literal.
  assert.deepEqual(hits("src/repo.js", `db.query("INSERT INTO users (email, password) VALUES ($1, $2)", [e, p]);\nconst q = "INSERT INTO t (api_key) VALUES ('" + key + "')";\n`), []);
});

test("SQL INSERT parsing survives escaped quotes, function calls and an unterminated statement", () => {
  const sql = `INSERT INTO t (note, api_key) VALUES ('it''s', '${KEY}'), (concat('a', 'b'), now());\nINSERT INTO t (api_key) VALUES ('unterminated`;
  assert.deepEqual(hits("x.sql", sql).map((h) => h.secret), [KEY]);
});

test("SQL dumps: INSERT without a column list takes the columns of the file's CREATE TABLE (mysqldump, pg_dump --inserts)", () => {
  const sql = [
    "CREATE TABLE `integrations` (",
    "  `id` int NOT NULL AUTO_INCREMENT,",
    "  `provider` varchar(32) DEFAULT NULL,",
    "  `price` decimal(10,2) DEFAULT NULL,",
    "  `api_key` varchar(255) DEFAULT NULL,",
    "  PRIMARY KEY (`id`),",
    "  KEY `idx_provider` (`provider`)",
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
    `INSERT INTO \`integrations\` VALUES (1,'mail',9.50,'${KEY}'),(2,'sms',1.00,NULL);`,
    "CREATE TABLE public.users (id integer, email text, password_hash text);",
    `INSERT INTO public.users VALUES (1, 'a@b.c', '$2b$12$${KEY}${KEY}abcde');`,
    `INSERT INTO unknown_table VALUES (1, '${KEY}');`,
  ].join("\n");
  const found = hits("backup/dump.sql", sql);
  assert.deepEqual(found.map((h) => h.secret), [KEY]);
  assert.ok(found.every((h) => h.ruleId === "sql-insert-secret" && h.at === h.secret));
});

test("SQL dumps: pg_dump COPY … FROM stdin rows are judged under their column names", () => {
  const sql = [
    "COPY public.integrations (id, provider, api_key, note) FROM stdin;",
    `1\tmail\t${KEY}\t\\N`,
    `2\tsms\t\\N\tplain text`,
    "\\.",
    `COPY public.notes (id, body) FROM stdin;`,
    `1\t${KEY}`,
    "\\.",
    `SELECT '${PW}';`,
  ].join("\n");
  const found = hits("backup/pg.sql", sql);
  assert.deepEqual(found.map((h) => h.secret), [KEY]);
  assert.ok(found.every((h) => h.ruleId === "sql-insert-secret" && h.at === h.secret));
});

test("anchored at the keyword pass's offsets, the detectors find what a search of the whole text finds", () => {
  const set = compileRuleSet(allRules);
  const token = ["eyJhbGciOi", "JIUzI1NiJ9", "Qk7Zp2Xw9L", "m4Tn8Vr"].join("");
  const texts: Array<[string, string, number]> = [
    // [file, text, hits expected]
    ["deploy/app.yaml", `headers:\n  Authorization: Bearer ${token}\n  Proxy-Authorization: Basic ${KEY}\n`, 2],
    // `authorization` inside the previous match's token: not a second match.
    ["notes.txt", `authorization: bearer ${KEY}authorization:bearer ${token} and AUTHORIZATION=token ${token}x`, 2],
    ["db/init.sql", `CREATE USER app WITH PASSWORD '${PW}';\nALTER USER x IDENTIFIED BY "${PW}x";\nSET password\t\t'${PW}y';\n`, 3],
    // Oracle's unquoted password ends the statement or comes before another clause; prose and MySQL's keywords do not.
    ["db/oracle.sql", `CREATE USER app IDENTIFIED BY ${PW}x1;\nCREATE USER c IDENTIFIED BY ${PW}y DEFAULT TABLESPACE users;\nALTER USER b IDENTIFIED BY password;\nusers are identified by name and role\nEach record is identified by UUIDv4;\nObjects are identified by objectKey_v2\nGRANT CONNECT TO scott IDENTIFIED BY ${PW}t;\nCREATE USER \"Ops\"\n  IDENTIFIED BY ${PW}o\n  DEFAULT TABLESPACE users;\nALTER USER d IDENTIFIED BY PASSWORD '*${"0A1B2C3D4E".repeat(4)}';\nCREATE USER e IDENTIFIED BY RANDOM PASSWORD;\n`, 4],
    // MySQL's authentication plugin between IDENTIFIED and BY; `AS '<hash>'` is no password.
    ["db/users.sql", `CREATE USER 'a'@'%' IDENTIFIED WITH caching_sha2_password BY '${PW}';\nCREATE USER 'b'@'%' IDENTIFIED WITH 'mysql_native_password' BY '${PW}b';\nCREATE USER 'c'@'%' IDENTIFIED WITH mysql_native_password AS '*${"0A1B2C3D4E".repeat(4)}';\n`, 2],
    // ClickHouse: `sha256_password BY` takes the plaintext; `sha256_hash`/`double_sha1_hash` BY take the stored hash.
    ["db/clickhouse.sql", `CREATE USER a IDENTIFIED WITH sha256_password BY '${PW}';\nCREATE USER b IDENTIFIED WITH sha256_hash BY '${"9f86d081".repeat(8)}' SALT '${"0a1b2c3d".repeat(2)}';\nCREATE USER c IDENTIFIED WITH double_sha1_hash BY '${"0A1B2C3D4E".repeat(4)}';\n`, 1],
    // `password` spelt with a Kelvin sign or a long s is not the word (regex /i without u folds ASCII only).
    ["db/odd.sql", `CREATE USER a WITH PA\u017FSWORD '${PW}'; IDENTIFIED  BY '${PW}z' ünïcödé`, 1],
    // libedit's ~/.mysql_history writes each space as \040; a hash set with SET PASSWORD stays out.
    [".mysql_history", `_HiStOrY_V2_\nCREATE\\040USER\\040'r'@'%'\\040IDENTIFIED\\040BY\\040'${PW}h';\nSET\\040PASSWORD\\040FOR\\040'a'@'%'\\040=\\040'*${"0A1B2C3D4E".repeat(4)}';\nselect\\040id\\040from\\040t;\n`, 1],
    ["config/db.yml", `url: postgres://app:${PW}@db.internal:5432/app\nother: mysql://root:${PW}q@10.0.0.2/x\n`, 2],
    // More "://" than the pass records (one per 256 characters): the whole text is searched instead.
    ["docs/links.txt", `${"see https://example.org/a ".repeat(200)}\nredis://u:${PW}r@cache.internal:6379\n`, 1],
    ["src/empty.txt", "nothing here: password, identified, authorization", 0],
  ];
  for (const [file, text, expected] of texts) {
    const heads: number[] = [];
    const offsets = new Map<string, readonly number[] | null>();
    const found = scanKeywords(set, text, heads, undefined, offsets);
    const whole = detectBuiltin(text, found, file, fileInfo(file));
    const anchored = detectBuiltin(text, found, file, fileInfo(file), { offsets, heads });
    assert.deepEqual(anchored, whole, file);
    assert.equal(whole.length, expected, file);
  }
});

test("CSV/TSV tables: values under a header that names a secret (password exports, key spreadsheets), not hashes or other columns", () => {
  const csv = [
    "name,url,username,password,note",
    `acme,https://acme.dev/login,bob,${PW},`,
    `"shop, eu","https://shop.eu",alice,"${KEY}","has ""quotes"""`,
    "demo,https://demo.dev,demo,password,",
  ].join("\r\n");
  const found = hits("exports/passwords.csv", csv);
  assert.deepEqual(found.map((h) => h.secret), [PW, KEY]);
  assert.ok(found.every((h) => h.ruleId === "csv-column-secret" && h.at === h.secret));
  assert.deepEqual(hits("keys.tsv", `service\tapi_key\tcreated\nmail\t${KEY}\t2024-01-01\n`).map((h) => h.secret), [KEY]);
  assert.deepEqual(hits("keys.csv", `service;api_key;created\nmail;${KEY};2024-01-01\n`).map((h) => h.secret), [KEY]);
  assert.deepEqual(hits("users.csv", `email,password_hash,token_type\na@b.c,$2b$12$${KEY}${KEY}abcde,bearer\n`), [], "a name about a secret, a hash");
  assert.deepEqual(hits("data.csv", `id,value,label\n1,${KEY},x\n`), [], "no secret column");
  assert.deepEqual(hits("notes.txt", `name,password\nbob,${PW}\n`), [], "only .csv and .tsv files are read as tables");
});

test("a CVSROOT written after cvs:// (:pserver:user@host) is a login method and user, not a password; a password there still counts", () => {
  const set = compileRuleSet(allRules);
  const found = (text: string) => detectBuiltin(text, scanKeywords(set, text, [], undefined, new Map()), "debian/copyright", fileInfo("debian/copyright"));
  assert.deepEqual(found("  cvs://:pserver:anonymous@cvs.example.org:/cvsroot/proj\n"), []);
  assert.equal(found(`  cvs://build:${PW}@cvs.example.org/cvsroot/proj\n`).length, 1);
});

test("a Basic credential whose password is a stand-in is not reported", () => {
  const found = new Set(["authorization"]);
  const basic = (userPass: string): string => `curl -H "Authorization: Basic ${Buffer.from(userPass).toString("base64")}" https://api.acme.io/\n`;
  const ids = (text: string) => detectBuiltin(text, found, "deploy/run.sh", fileInfo("deploy/run.sh")).map((h) => h.ruleId);
  assert.deepEqual(ids(basic("user:password")), []);
  assert.deepEqual(ids(basic("admin:changeme")), []);
  assert.deepEqual(ids(basic(`deploy-bot:${PW}`)), ["authorization-header"]);
});

test("credentials passed to calls in code: Go smtp.PlainAuth, PDO, Redis .auth, reqwest basic_auth/bearer_auth, URLRequest setValue (blind corpus 7)", () => {
  const set = compileRuleSet(allRules);
  const found = (file: string, text: string) => detectBuiltin(text, scanKeywords(set, text, [], undefined, new Map()), file, fileInfo(file)).map((h) => [h.ruleId, h.secret]);
  const cases: Array<[string, string, string, string]> = [
    ["mail.go", `auth := smtp.PlainAuth("", "alerts@example.org", "${PW}", "smtp.example.org")\n`, "code-credential-argument", PW],
    ["Mailer.php", `$pdo = new PDO('mysql:host=localhost;dbname=shop', 'shop', '${PW}');\n`, "code-credential-argument", PW],
    ["Cache.java", `jedis.auth("${PW}");\n`, "code-credential-argument", PW],
    ["client.rs", `client.get(url).basic_auth("ingest", Some("${PW}"))\n`, "code-credential-argument", PW],
    ["client.rs", `client.post(url).bearer_auth("${KEY}")\n`, "authorization-header", KEY],
    ["Api.swift", `req.setValue("Bearer ${KEY}", forHTTPHeaderField: "Authorization")\n`, "authorization-header", KEY],
    ["Api.m", `[req setValue:@"Bearer ${KEY}" forHTTPHeaderField:@"Authorization"];\n`, "authorization-header", KEY],
  ];
  for (const [file, text, ruleId, secret] of cases) assert.deepEqual(found(file, text), [[ruleId, secret]], `${file}: ${JSON.stringify(text)}`);
  const none: Array<[string, string]> = [
    ["mail.go", `auth := smtp.PlainAuth("", user, password, host)\n`],
    ["Mailer.php", `$pdo = new PDO($dsn, $user, $password);\n`],
    ["Cache.java", `jedis.auth(password);\n`],
    // A builder naming a scheme or a client, not a password.
    ["server.go", `srv := builder.auth("oauth2-client")\n`],
    ["Api.kt", `val api = Retrofit.Builder().auth("basic.v2")\n`],
    ["client.rs", `client.get(url).basic_auth("ingest", Some(&password))\n`],
    ["client.rs", `client.post(url).bearer_auth(&token)\n`],
    ["Api.swift", `req.setValue("Bearer \\(token)", forHTTPHeaderField: "Authorization")\n`],
  ];
  for (const [file, text] of none) assert.deepEqual(found(file, text), [], `${file}: ${JSON.stringify(text)}`);
});

test("a Basic credential built from a literal user:password outside JavaScript: b64encode, base64_encode, encode64, encodeToString (blind corpus 6 leftover)", () => {
  const set = compileRuleSet(allRules);
  const found = (file: string, text: string) => detectBuiltin(text, scanKeywords(set, text, [], undefined, new Map()), file, fileInfo(file)).map((h) => [h.ruleId, h.secret]);
  const cases: Array<[string, string]> = [
    ["client.py", `headers = {"Authorization": "Basic " + base64.b64encode(b"svc_sync:${PW}").decode()}\n`],
    ["client.php", `$auth = base64_encode('svc_sync:${PW}');\n`],
    ["client.rb", `auth = Base64.strict_encode64("svc_sync:${PW}")\n`],
    ["Client.java", `String auth = Base64.getEncoder().encodeToString("svc_sync:${PW}".getBytes());\n`],
  ];
  for (const [file, text] of cases) assert.deepEqual(found(file, text), [["code-credential-argument", PW]], `${file}: ${JSON.stringify(text)}`);
  const none: Array<[string, string]> = [
    ["client.py", `token = base64.b64encode(f"{user}:{password}".encode())\n`],
    ["client.rb", `auth = Base64.strict_encode64("#{user}:#{password}")\n`],
    ["client.php", `$auth = base64_encode('user:password');\n`],
    ["Client.java", `String b = Base64.getEncoder().encodeToString("https://example.org".getBytes());\n`],
  ];
  for (const [file, text] of none) assert.deepEqual(found(file, text), [], `${file}: ${JSON.stringify(text)}`);
});

test("Solana keypair files: a .json file that is only an array of 64 random bytes", () => {
  let seed = 11;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
  const bytes = Array.from({ length: 64 }, next);
  const array = bytes.join(",");
  assert.deepEqual(hits("deploy-keypair.json", `[${array}]`), [{ ruleId: "solana-keypair-file", secret: array, at: array }]);
  assert.equal(hits("id.json", `[\n  ${bytes.join(",\n  ")}\n]\n`).length, 1, "pretty-printed");
  assert.deepEqual(hits("keypair.json", `[${bytes.slice(0, 63).join(",")}]`), [], "63 bytes");
  assert.deepEqual(hits("table.json", `[${Array.from({ length: 64 }, (_, i) => i % 8).join(",")}]`), [], "a table of small numbers");
  assert.deepEqual(hits("nums.json", `[${bytes.map((b) => b + 300).join(",")}]`), [], "not bytes");
  assert.deepEqual(hits("keypair.txt", `[${array}]`), [], "not a .json file");
  assert.deepEqual(hits("data.json", `{"bytes": [${array}]}`), [], "an array inside an object");
});

test("URL passwords: an SMB URI with the workgroup before the user (CUPS, smbspool) keeps its password; a path segment elsewhere does not make one", () => {
  const url = (text: string) => detectBuiltin(text, new Set(["://"]), "cups/printers.conf", fileInfo("cups/printers.conf")).map((h) => [h.ruleId, h.secret]);
  assert.deepEqual(url(`DeviceURI smb://WORKGROUP/printsvc:${KEY}@fileserver/Accounting-HP\n`), [["generic-url-password", KEY]]);
  assert.deepEqual(url(`DeviceURI smb://printsvc:${KEY}@fileserver/HP\n`), [["generic-url-password", KEY]], "without a workgroup, as before");
  assert.deepEqual(url(`DeviceURI smb://fileserver/Accounting-HP\n`), [], "no userinfo");
  assert.deepEqual(url(`see https://host/docs/user:${KEY}@x\n`), [], "only smb: a path segment of another scheme is not a workgroup");
  assert.deepEqual(url(`DeviceURI smb://WORKGROUP/printsvc@fileserver/HP\n`), [], "a user without a password");
});

test("URL passwords: a hostless URL (Airflow's slack://:<token>@/) keeps its password", () => {
  for (const text of [`AIRFLOW_CONN_SLACK=slack://:${KEY}@/\n`, `AIRFLOW_CONN_SLACK='slack://:${KEY}@'\n`, `AIRFLOW_CONN_SLACK=slack://:${KEY}@`]) {
    const found = detectBuiltin(text, new Set(["://"]), "compose.yml", fileInfo("compose.yml")).map((h) => [h.ruleId, h.secret]);
    assert.deepEqual(found, [["generic-url-password", KEY]], text);
  }
  assert.deepEqual(detectBuiltin(`mail me at user:${KEY}@, thanks`, new Set(["://"]), "notes.md", fileInfo("notes.md")), [], "no scheme");
});

test("URL passwords: a host the code fills in (template literal, f-string, Ruby, %-format, shell, template) keeps the password before it", () => {
  const url = (file: string, text: string) => detectBuiltin(text, new Set(["://"]), file, fileInfo(file)).map((h) => [h.ruleId, h.secret]);
  const cases: Array<[string, string]> = [
    ["src/db.ts", "export const dsn = (host: string) => `postgres://admin:" + KEY + "@${host}:5432/app`;\n"],
    ["app/settings.py", 'DATABASE_URL = f"postgresql://app:' + KEY + '@{DB_HOST}:5432/app"\n'],
    ["lib/db.rb", 'URL = "mysql2://app:' + KEY + '@#{host}/app"\n'],
    ["app/legacy.py", 'URL = "amqp://app:' + KEY + '@%(host)s:5672/"\n'],
    ["bin/backup.sh", 'pg_dump "postgres://backup:' + KEY + '@$DB_HOST/app" > out.sql\n'],
    ["templates/app.env.j2", "DATABASE_URL=postgres://app:" + KEY + "@{{ db_host }}/app\n"],
  ];
  for (const [file, text] of cases) assert.deepEqual(url(file, text), [["generic-url-password", KEY]], file);
  // The password filled in too, and text that is no URL, stay quiet.
  assert.deepEqual(url("src/db.ts", "`postgres://admin:${password}@${host}:5432/app`\n"), []);
  assert.deepEqual(url("app/settings.py", 'f"postgresql://{user}:{password}@{host}/app"\n'), []);
  assert.deepEqual(url("src/db.ts", "`postgres://admin@${host}:5432/app`\n"), [], "a user without a password");
});

test("a password flag at the end of a Markdown link's text is no password; the same flag with a value is", () => {
  // The keyword pass hands the detector "--pass" for both texts.
  const cli = (file: string, text: string) => detectBuiltin(text, new Set(["--pass"]), file, fileInfo(file)).map((h) => ({ ruleId: h.ruleId, secret: h.secret }));
  const pw = ["Qw7e", "Rt9y", "Ui0pZx"].join("");
  const doc = "| `db-cli-password` | [Password given to the db client with --password=](https://docs.example.org/cli#password) |\n";
  assert.deepEqual(cli("docs/rules.md", doc).filter((h) => h.ruleId === "cli-password"), []);
  assert.deepEqual(cli("deploy.sh", `dbtool --password=${pw} --host db\n`).filter((h) => h.ruleId === "cli-password").map((h) => h.secret), [pw]);
});

test("a secret alone in a file named for it (forwarding.secret, *.pw, api_key.txt), not a word, a path, a key line or code", () => {
  assert.deepEqual(hits("velocity/forwarding.secret", `${PW}${KEY.slice(0, 4)}\n`), [{ ruleId: "secret-file", secret: PW + KEY.slice(0, 4), at: PW + KEY.slice(0, 4) }]);
  assert.equal(hits("etc/pve/priv/storage/pbs-offsite.pw", KEY).length, 1);
  assert.equal(hits("deploy/api_key.txt", `${KEY}\n`).length, 1);
  assert.equal(hits("ci/registry.token", KEY).length, 1);
  assert.deepEqual(hits("forwarding.secret", "changeme\n"), [], "a stand-in");
  assert.deepEqual(hits("password.txt", "/run/secrets/db_password\n"), [], "a path");
  assert.deepEqual(hits("identity.secret", `${HEX32.slice(0, 10)}:0:${HEX32}\n`), [], "a structured line");
  assert.deepEqual(hits("api_key.txt", `${KEY}\nsecond line\n`), [], "not a one-line file");
  assert.deepEqual(hits("src/token.ts", `"${KEY}"\n`), [], "code named token");
  assert.deepEqual(hits("notes.txt", `${KEY}\n`), [], "a file not named for a secret");
  assert.deepEqual(hits("test/fixtures/api_key.txt", `${KEY}\n`), [], "a test fixture");
});

test("the Ethereum Engine API's JWT secret alone in jwt.hex or jwtsecret, not another .hex file", () => {
  assert.deepEqual(hits("nodes/ethereum/jwt.hex", `0x${HEX32}${HEX32}\n`).map((h) => h.ruleId), ["secret-file"]);
  assert.deepEqual(hits("geth/jwtsecret", `${HEX32}${HEX32}`).map((h) => h.ruleId), ["secret-file"]);
  assert.deepEqual(hits("firmware/image.hex", `0x${HEX32}${HEX32}\n`), [], "a hex file not named for a secret");
  assert.deepEqual(hits("nodes/ethereum/jwt.hex", `0x${"0".repeat(64)}\n`), [], "zeros");
});

test("redis-cli's history: the password of AUTH [user] <password>, not a variable, nor AUTH in another file", () => {
  const history = `INFO replication\nAUTH ${PW}\nAUTH default ${KEY}\nauth "$REDIS_PASSWORD"\nGET session:${HEX32}\n`;
  assert.deepEqual(hits(".rediscli_history", history), [
    { ruleId: "redis-cli-history-auth", secret: PW, at: PW },
    { ruleId: "redis-cli-history-auth", secret: KEY, at: KEY },
  ]);
  assert.deepEqual(hits("notes.txt", `AUTH ${PW}\n`), [], "not redis-cli's history");
});

test("a password as the third argument of a database connect call: PHP mysqli/mysql, Perl DBI, MATLAB database()", () => {
  const set = compileRuleSet(allRules);
  const found = (file: string, text: string) => detectBuiltin(text, scanKeywords(set, text, [], undefined, new Map()), file, fileInfo(file)).map((h) => [h.ruleId, h.secret]);
  const cases: Array<[string, string]> = [
    ["db.php", `<?php\n$conn = mysqli_connect("localhost", "shop", "${PW}", "shop");\n`],
    ["db.php", `<?php\n$db = new mysqli('db', 'shop', '${PW}', 'shop');\n`],
    ["legacy.php", `<?php\n$link = mysql_pconnect("localhost", "root", "${PW}");\n`],
    ["report.pl", `my $dbh = DBI->connect("dbi:Pg:dbname=sales", "report", "${PW}", { RaiseError => 1 });\n`],
    ["startup.m", `conn = database('warehouse', 'analyst', '${PW}');\n`],
  ];
  for (const [file, text] of cases) assert.deepEqual(found(file, text), [["code-credential-argument", PW]], `${file}: ${JSON.stringify(text)}`);
  // Traps: variables, an empty password, a placeholder, a call with the user only, a method named `database` taking one argument.
  const none: Array<[string, string]> = [
    ["db.php", `<?php\n$conn = mysqli_connect($host, $user, $pass, $db);\n`],
    ["db.php", `<?php\n$conn = mysqli_connect("localhost", "root", "");\n`],
    ["db.php", `<?php\n$conn = mysqli_connect("localhost", "root", "your_password");\n`],
    ["report.pl", `my $dbh = DBI->connect($dsn, "report");\n`],
    ["app.py", `db = client.database("analytics")\n`],
  ];
  for (const [file, text] of none) assert.deepEqual(found(file, text), [], `${file}: ${JSON.stringify(text)}`);
});

test("Netdata stream.conf: a UUID section with the defaults for children is an API key; a machine GUID's section is not", () => {
  const key = ["dd02b42f", "3bba", "429d", "a234", "3649481a4df4"].join("-");
  const guid = ["10f88e7c", "6001", "4da7", "aa13", "43c99c474696"].join("-");
  const conf = `[${key}]\n    enabled = yes\n    default history = 3600\n    default memory mode = dbengine\n[${guid}]\n    enabled = yes\n    history = 7200\n    memory mode = ram\n`;
  assert.deepEqual(hits("netdata/stream.conf", conf), [{ ruleId: "netdata-stream-api-key", secret: key, at: key }]);
  assert.deepEqual(hits("stream.conf", `[${key}]\n    type = api\n    enabled = yes\n`), [{ ruleId: "netdata-stream-api-key", secret: key, at: key }]);
  // Traps: a GUID section alone, a section whose defaults follow another section, another file kind.
  assert.deepEqual(hits("stream.conf", `[${guid}]\n    type = machine\n    enabled = yes\n`), []);
  assert.deepEqual(hits("stream.conf", `[${guid}]\n    enabled = yes\n[stream]\n    default history = 3600\n`), []);
  assert.deepEqual(hits("stream.md", conf), []);
});
