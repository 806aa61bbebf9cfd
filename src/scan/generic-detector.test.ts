import { test } from "node:test";
import assert from "node:assert/strict";
import { arrayValues, detectGeneric, isCommentLine, isPluralName, keyBefore, quoteOpensKeyPath, valueAfter, valueMayFollow } from "./generic-detector.js";
import { fileInfo } from "./file-kind.js";
import { allRules, compileRuleSet, scanKeywords } from "./rule-set.js";

// Secrets are built at run time (not literals in this file) so that scanning
// the repository does not report the test itself.
const PW = ["Qz7", "rLx", "2Vw", "9Kp"].join("");
const TOKEN = ["f8Kq2LmZ", "9xR4tV7b", "N3cW6yH1"].join("");
const HEX64 = ["e93b47f4", "73c5cb8e", "be722d15", "1473cf38", "9090587c", "db75d2bc", "e87b9e7e", "1b58f866"].join("");

function secretsIn(file: string, text: string): string[] {
  const own = detectGeneric(text, fileInfo(file));
  // The engine hands over the head offsets its keyword pass recorded (every occurrence): the same hits.
  const heads: number[] = [];
  scanKeywords(compileRuleSet(allRules), text, heads);
  assert.deepEqual(detectGeneric(text, fileInfo(file), heads), own, `${file}: ${JSON.stringify(text.slice(0, 60))}`);
  return own.map((h) => h.secret);
}

test("finds name = value secrets in every common syntax", () => {
  const cases: Array<[string, string]> = [
    ["run.sh", `export DB_PASSWORD=${PW}\n`],
    ["config.yml", `db:\n  password: ${PW}\n`],
    ["config.yml", `db:\n  password: "${PW}"\n`],
    ["config.json", `{"password": "${PW}"}`],
    ["config.toml", `password = "${PW}"\n`],
    ["app.ini", `[db]\npassword = ${PW}\n`],
    ["app.properties", `spring.datasource.password=${PW}\n`],
    // After "=", a leading "&", "*" or "!" is part of the password (YAML anchors need ":").
    ["app.properties", `spring.datasource.password=&${PW}\n`],
    ["app.ini", `[db]\npassword = *${PW}!\n`],
    ["app.py", `PASSWORD = "${PW}"\n`],
    ["app.py", `connect(password="${PW}")\n`],
    ["main.go", `dbPassword := "${PW}"\n`],
    ["main.go", `cfg := Config{Password: "${PW}"}\n`],
    ["Main.java", `private static final String PASSWORD = "${PW}";\n`],
    ["Client.cs", `private readonly string _password = "${PW}";\n`],
    ["config.php", `$password = '${PW}';\n`],
    ["config.php", `'password' => '${PW}',\n`],
    ["wp-config.php", `define( 'DB_PASSWORD', '${PW}' );\n`],
    ["main.tf", `  password = "${PW}"\n`],
    ["Dockerfile", `ENV DB_PASSWORD ${PW}\n`],
    ["Dockerfile", `ARG DB_PASSWORD=${PW}\n`],
    ["settings.xml", `<password>${PW}</password>\n`],
    ["web.config", `<add key="DbPassword" value="${PW}" />\n`],
    ["Config.plist", `<dict>\n  <key>API_SECRET</key>\n  <string>${TOKEN}</string>\n</dict>\n`],
    ["Info.plist", `<key>DbPassword</key><string>${PW}</string>\n`],
    ["res/values/secrets.xml", `<resources>\n  <string name="api_secret">${TOKEN}</string>\n</resources>\n`],
    ["deploy.yaml", `env:\n  - name: DB_PASSWORD\n    value: ${PW}\n`],
    ["secrets.json", `{"Smtp:Password": "${PW}"}`],
    ["client.ts", `const apiToken: string = "${TOKEN}";\n`],
    ["main.rs", `static API_SECRET: &str = "${TOKEN}";\n`],
    ["config.rb", `DB = { password: "${PW}" }\n`],
    ["ci.yml", `curl -H "Authorization: Bearer ${TOKEN}"\n`],
  ];
  for (const [file, text] of cases) {
    const found = secretsIn(file, text);
    assert.ok(found.some((f) => f.includes(PW) || f.includes(TOKEN)), `${file}: ${JSON.stringify(text.replace(PW, "<pw>").replace(TOKEN, "<token>"))} → ${found.length} findings`);
  }
});

test("references, placeholders, expressions and config are not reported", () => {
  const cases: Array<[string, string]> = [
    ["config.yml", "password: ${DB_PASSWORD}\n"],
    ["config.yml", "password: password\n"],
    ["config.yml", "password_min_length: 12\n"],
    ["config.yml", "token_type: bearer\n"],
    ["config.yml", "secret_name: orders-db-creds\n"],
    ["config.yml", "token_url: https://auth.acme.io/oauth/token\n"],
    ["config.yml", "password: !secret db_password\n"],
    ["config.yml", "password: *default_password\n"],
    ["Info.plist", "<key>PasswordPolicy</key>\n<dict>\n  <key>minLength</key>\n  <integer>12</integer>\n</dict>\n"],
    ["res/values/strings.xml", '<string name="password_hint">Enter your password</string>\n'],
    ["app.py", 'password = os.environ["DB_PASSWORD"]\n'],
    ["app.py", "password = get_password()\n"],
    ["app.py", 'PASSWORD_FIELD = "password"\n'],
    ["app.py", 'error = "Enter your password"\n'],
    ["app.js", "const password = req.body.password;\n"],
    ["app.js", 'const tokenizer = "whitespace";\n'],
    ["app.js", 'if (password === "") return;\n'],
    ["app.js", 'const apiKeyHeader = "X-API-Key";\n'],
    ["main.tf", "password = random_password.db.result\n"],
    ["main.tf", "password = var.db_password\n"],
    ["app.properties", "spring.datasource.password=${DB_PASSWORD}\n"],
    ["README.md", "Set `password: <your password>` in the config.\n"],
    ["config.yml", "password: '********'\n"],
    ["config.yml", "password_hash: $2b$12$KIXQJ8pQ9h3Zx0bYb5Zq3eB0Y9C9v6kLx7n2mQ1wR4tS8uV0aZ1bC\n"],
    ["test/fixtures/users.json", '{"password": "test-password-1"}'],
  ];
  for (const [file, text] of cases) assert.deepEqual(secretsIn(file, text).length, 0, `${file}: ${JSON.stringify(text)}`);
});

test("a quoted `word=` continued by an expression is the parameter's name, not its value (web-push's Crypto-Key)", () => {
  assert.deepEqual(secretsIn("vapid.js", "const headers = {\n  'Crypto-Key': 'p256ecdsa=' + publicKey,\n};\n"), []);
  assert.deepEqual(secretsIn("q.js", 'const secret = "client_secret=" + encodeURIComponent(s);\n'), []);
  // Padding, another literal after the `+`, or no `+` at all: the value is read as before.
  const padded = `${TOKEN}Q=`;
  assert.deepEqual(secretsIn("a.js", `const secret = '${padded}' + suffix;\n`), [padded]);
  assert.deepEqual(secretsIn("b.js", `const secret = '${TOKEN}=' + '${TOKEN}';\n`).length > 0, true);
  assert.deepEqual(secretsIn("c.js", `const secret = '${TOKEN}=';\n`), [`${TOKEN}=`]);
});

test("a doc comment's @example section shows sample values: the name-based reader skips it, not other doc text", () => {
  const example = `/**\n * Obtain a token.\n *\n * @param {Request} request\n * @example\n *     await client.oAuth.obtainToken({\n *         clientSecret: "${TOKEN}",\n *     })\n */\nobtainToken(request) {}\n`;
  assert.deepEqual(secretsIn("Client.d.ts", example), []);
  assert.deepEqual(secretsIn("Req.d.ts", `/**\n * @example\n *     {\n *         clientSecret: "${TOKEN}",\n *     }\n */\n`), []);
  // Another tag after @example ends it; a comment without the tag, and code after the comment, are read.
  assert.deepEqual(secretsIn("a.ts", `/**\n * @example\n *   call()\n * @param x\n *   clientSecret: "${TOKEN}",\n */\n`), [TOKEN]);
  assert.deepEqual(secretsIn("b.ts", `/**\n * Defaults:\n *   clientSecret: "${TOKEN}",\n */\n`), [TOKEN]);
  assert.deepEqual(secretsIn("c.ts", `/**\n * @example\n *   call()\n */\nconst clientSecret = "${TOKEN}";\n`), [TOKEN]);
});

test("reports name, kind, offsets and a reason that never contains the value", () => {
  const text = `db:\n  password: "${PW}"\n`;
  const [hit] = detectGeneric(text, fileInfo("config.yml"));
  assert.ok(hit);
  assert.equal(hit.name, "password");
  assert.equal(hit.kind, "password");
  assert.equal(hit.ruleId, "generic-password");
  assert.equal(text.slice(hit.start, hit.end), PW);
  assert.ok(!hit.reason.includes(PW));
  assert.match(hit.reason, /bits of entropy/);
});

test("translations are words, not credentials", () => {
  const text = `{"password": "Contraseña", "token": "Jeton d'accès", "apiKey": "Clé API", "secret": "パスワード", "pw": "Passwort"}`;
  assert.equal(secretsIn("locales/es.json", text).length, 0);
  assert.equal(secretsIn("es.yml", "password: Contraseña\n").length, 0);
});

test("a bare key takes its meaning from its section (JSON and YAML)", () => {
  const json = `{\n  "Jwt": {\n    "Issuer": "x",\n    "Key": "${TOKEN}"\n  },\n  "Cache": { "Key": "${TOKEN}" }\n}`;
  const hits = detectGeneric(json, fileInfo("appsettings.json"));
  assert.deepEqual(hits.map((h) => h.name), ["Jwt.Key"]);
  const yaml = `jwt:\n  issuer: x\n  key: ${TOKEN}\ncache:\n  key: ${TOKEN}\n`;
  assert.deepEqual(detectGeneric(yaml, fileInfo("app.yml")).map((h) => h.name), ["jwt.key"]);
});

test("a bare key in a YAML list takes its meaning from the list's key: a sequence at its key's indentation (Kong decK), a key of a mapping item (APISIX admin_key)", () => {
  const kong = `consumers:\n- username: mobile-app\n  keyauth_credentials:\n  - key: ${TOKEN}\n- username: job\n  tags:\n  - billing\n`;
  assert.deepEqual(detectGeneric(kong, fileInfo("kong.yml")).map((h) => h.name), ["keyauth_credentials.key"]);
  const apisix = `deployment:\n  admin:\n    admin_key:\n      - name: admin\n        key: ${TOKEN}\n        role: admin\n      - name: viewer\n        key: ${HEX64.slice(0, 32)}\n        role: viewer\n`;
  assert.deepEqual(detectGeneric(apisix, fileInfo("config.yaml")).map((h) => h.name), ["admin_key.key", "admin_key.key"]);
  // APISIX's shipped keys are published defaults (conf/config-default.yaml), not secrets.
  const shipped = `admin_key:\n  - name: admin\n    key: edd1c9f034335f136f87ad84b625c8f1\n    role: admin\n`;
  assert.deepEqual(detectGeneric(shipped, fileInfo("config.yaml")).map((h) => h.name), []);
  // The walk stops at the item's own list: a later list's key is not the earlier list's.
  const later = `admin_key:\n  - name: admin\n    role: admin\nsettings:\n  - name: x\n    key: ${TOKEN}q\n`;
  assert.deepEqual(detectGeneric(later, fileInfo("c.yaml")).map((h) => h.name), ["settings.key"]);
  // Kubernetes: a secretKeyRef's `key` names an entry of a Secret, a volume's `items` map keys to file names.
  const k8s = `env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password\nvolumes:\n- name: cfg\n  configMap:\n    items:\n    - key: application.properties\n      path: app.conf\n`;
  assert.deepEqual(detectGeneric(k8s, fileInfo("deploy.yaml")).map((h) => h.name), []);
});

test("subscript assignments, Python bytes literals, Erlang/Elixir tuples, Scala/Kotlin map entries and name/value pairs", () => {
  const cases: Array<[string, string]> = [
    ["app.py", `app.config["JWT_SECRET_KEY"] = "${TOKEN}"\n`],
    ["config.php", `$config['db_password'] = '${PW}';\n`],
    ["app.py", `app.secret_key = b"${TOKEN}"\n`],
    ["app.py", `SIGNING_SECRET = rb'${TOKEN}'\n`],
    ["sys.config", `[{svc, [{db_password, "${PW}"}]}].\n`],
    ["runtime.exs", `config :app, key: [{:api_key, "${TOKEN}"}]\n`],
    ["Etl.scala", `val opts = Map("sfPassword" -> "${PW}")\n`],
    ["Main.kt", `val opts = mapOf("password" to "${PW}")\n`],
    ["collection.json", `{ "key": "X-Api-Key", "value": "${TOKEN}" }\n`],
    ["capture.har", `{"name":"client_secret","value":"${TOKEN}"}\n`],
  ];
  for (const [file, text] of cases) {
    const found = secretsIn(file, text);
    assert.ok(found.includes(PW) || found.includes(TOKEN), `${file}: ${text.trim()}`);
  }
});

test("f-strings, a subscript read and a name about a secret are not values", () => {
  for (const [file, text] of [
    ["app.py", `app.config["SECRET_KEY"] = f"{prefix}${TOKEN}"\n`],
    ["app.py", `x = headers["Authorization"]\n`],
    ["sys.config", `{password_min_length, "${PW}"}\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("name value lines without an operator in .conf/.cfg files (Redis, Mosquitto)", () => {
  assert.deepEqual(secretsIn("mosquitto.conf", `listener 8883\nremote_password ${PW}\n`), [PW]);
  assert.deepEqual(secretsIn("pgbouncer.conf", `[main]\nauth_password ${TOKEN}   # rotated monthly\n`), [TOKEN]);
  assert.deepEqual(secretsIn("app.conf", `    client_secret ${TOKEN};\n`), [TOKEN]);
  // Not a setting line, or not this syntax.
  assert.deepEqual(secretsIn("sshd.conf", "PasswordAuthentication no\n"), []);
  assert.deepEqual(secretsIn("notes.conf", `# the password ${PW} was rotated\n`), []);
  assert.deepEqual(secretsIn("nginx.conf", `auth_basic_user_file /etc/nginx/.htpasswd;\n`), []);
  assert.deepEqual(secretsIn("squid.conf", `auth_param basic program /usr/lib/squid/basic_ncsa_auth /etc/squid/passwords\n`), []);
  assert.deepEqual(secretsIn("config.yml", `remote_password ${PW}\n`), [], "YAML has its own syntax");
});

test("#define, Objective-C @\"…\", Gradle Groovy calls, attribute-named elements, Terraform variable defaults and ${NAME:default}", () => {
  const cases: Array<[string, string, string]> = [
    ["Config.h", `#define API_KEY "${TOKEN}"\n`, TOKEN],
    ["Keys.m", `NSString *const kClientSecret = @"${TOKEN}";\n`, TOKEN],
    ["app/build.gradle", `signingConfigs {\n  release {\n    storePassword '${PW}'\n    keyPassword "${PW}"\n  }\n}\n`, PW],
    ["hibernate.cfg.xml", `<property name="hibernate.connection.password">${PW}</property>\n`, PW],
    ["beans.xml", `<entry key="db.password">${PW}</entry>\n`, PW],
    ["connections.xml", `<value type="string" key="sshPassword">${PW}</value>\n`, PW],
    ["variables.tf", `variable "db_password" {\n  type    = string\n  default = "${PW}"\n}\n`, PW],
    ["App.java", `@Value("\${db.password:${PW}}") private String password;\n`, PW],
    ["docker-compose.yml", `    environment:\n      DB_PASSWORD: \${DB_PASSWORD:-${PW}}\n`, PW],
  ];
  for (const [file, text, secret] of cases) assert.ok(secretsIn(file, text).includes(secret), `${file}: ${text.trim()}`);
});

test("references without a default, error messages and non-variable Terraform blocks stay out", () => {
  for (const [file, text] of [
    ["docker-compose.yml", "      DB_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}\n"],
    ["docker-compose.yml", "      DB_PASSWORD: ${DB_PASSWORD:-}\n"],
    ["application.properties", "spring.datasource.password=${DB_PASSWORD:changeit}\n"],
    ["variables.tf", 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\noutput "x" {\n  default = "not-this-one-Qz7rLx2Vw9Kp"\n}\n'],
    ["Config.h", "#define PASSWORD_MIN_LENGTH 12\n"],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("`pw` names a password: LDAP bind_pw / rootpw, db_pw, PW=, adminPw", () => {
  const cases: Array<[string, string]> = [
    ["nslcd.conf", `bindpw ${PW}\n`],
    ["slapd.conf", `rootpw ${PW}\n`],
    ["ldap.yml", `ldap:\n  bind_pw: "${PW}"\n`],
    ["settings.py", `DB_PW = "${PW}"\n`],
    ["deploy.sh", `PW=${PW}\n`],
    ["config.ts", `const adminPw = "${PW}";\n`],
    ["config.json", `{"userPW": "${PW}"}`],
  ];
  for (const [file, text] of cases) assert.deepEqual(secretsIn(file, text), [PW], `${file}: ${text.trim()}`);
});

test("`pw` inside words, $PWD, UI flags and password policies stay out", () => {
  for (const [file, text] of [
    ["run.sh", `cd "$PWD/build" && cp -r "$(pwd)/out" /tmp\n`],
    ["run.sh", `OUT=$PWD/dist\n`],
    ["app.ts", `const showPw = true;\n`],
    ["app.ts", `this.showPw = !this.showPw;\n`],
    ["policy.ini", `pw_min_length = 12\n`],
    ["manifest.json", `{"pwa": "${TOKEN}", "npwr": "${TOKEN}"}`],
    ["app.ts", `const cwdPwd = process.cwd();\n`],
    ["build.js", `const a8pw = "${TOKEN}";\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("R `<-`, Clojure keywords, one-argument setters, ARM parameter values, escaped quotes, Apache/nginx naming directives", () => {
  const cases: Array<[string, string]> = [
    ["fetch.R", `api_token <- "${TOKEN}"\n`],
    ["profiles.clj", `{:prod {:env {:db-password "${PW}"}}}\n`],
    ["profiles.clj", ` :auth-token "${TOKEN}"}\n`],
    ["Mollie.php", `$mollie->setApiKey("${TOKEN}");\n`],
    ["Client.java", `client.setPassword('${PW}');\n`],
    ["azuredeploy.parameters.json", `{\n  "parameters": {\n    "adminPassword": {\n      "value": "${PW}"\n    }\n  }\n}\n`],
    ["train.ipynb", `    "os.environ[\\"WANDB_API_KEY\\"] = \\"${TOKEN}\\"\\n",\n`],
    ["seed.py", `PAYLOAD = "{\\"access_token\\": \\"${TOKEN}\\"}"\n`],
    ["httpd.conf", `  SetEnv APP_DB_PASSWORD "${PW}"\n`],
    ["httpd.conf", `  RequestHeader set X-Auth-Token "${TOKEN}"\n`],
    ["site.conf", `    fastcgi_param DB_PASSWORD ${PW};\n`],
  ];
  for (const [file, text] of cases) assert.ok(secretsIn(file, text).length === 1, `${file}: ${text.trim()}`);
});

test("arrays under a plural secret name: each quoted element is judged on its own", () => {
  assert.deepEqual(secretsIn("keys.json", `{\n  "apiKeys": [\n    "${TOKEN}",\n    "${TOKEN}x9"\n  ]\n}\n`), [TOKEN, `${TOKEN}x9`]);
  assert.deepEqual(secretsIn("settings.py", `AUTH_TOKENS = ["${TOKEN}"]\n`), [TOKEN]);
  // Public keys, lists of references and things that are not array literals stay out.
  assert.deepEqual(secretsIn("keys.json", `{"publicKeys": ["${TOKEN}"]}\n`), []);
  assert.deepEqual(secretsIn("settings.py", `API_KEYS = [os.environ["A"], os.environ["B"]]\n`), []);
  assert.deepEqual(secretsIn("settings.py", `API_KEYS = load_keys("${TOKEN}")\n`), []);
});

test("setters with more than one argument, Clojure lookups, comparisons with negative numbers and other directives stay out", () => {
  for (const [file, text] of [
    ["Client.java", `client.setPassword(user, "${PW}");\n`],
    ["Client.java", `client.setPassword(readSecret("${PW}"));\n`],
    ["core.clj", `(def db-password (env :db-password))\n`],
    ["check.R", `if (token_count <-1) stop("bad")\n`],
    ["httpd.conf", `  Alias /password-reset /var/www/reset\n`],
    ["httpd.conf", `  SetEnv PASSWORD_MIN_LENGTH 12\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("a plural name with a plain value is read as before", () => {
  assert.deepEqual(secretsIn("run.sh", `export AUTH_TOKENS=${TOKEN}\n`), [TOKEN]);
});

test("keyBefore reads the section key as the end-anchored regex it replaced did", () => {
  const KEY = /["']?([A-Za-z_][\w.-]{0,60})["']?\s*[:=]\s*$/;
  // Seeded: texts built from the characters that matter (name characters, quotes, blanks, operators).
  let seed = 11;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pieces = ["a", "Z", "_", "7", ".", "-", '"', "'", " ", "\t", "\n", "\u00a0", ":", "=", "{", "x".repeat(30), "key", "$"];
  for (let n = 0; n < 20_000; n++) {
    let text = "";
    const len = Math.floor(next() * 14);
    for (let i = 0; i < len; i++) text += pieces[Math.floor(next() * pieces.length)];
    const from = Math.floor(next() * 3);
    const to = Math.max(from, text.length - Math.floor(next() * 2));
    assert.equal(keyBefore(text, from, to), KEY.exec(text.slice(from, to))?.[1] ?? null, JSON.stringify([text, from, to]));
  }
  const long = `{"${"n".repeat(70)}": `;
  assert.equal(keyBefore(long, 0, long.length), "n".repeat(61), "a name longer than 61 characters: its last 61");
});

test("builder methods named by the secret, YAML lists under a plural name, !!str values and nginx set", () => {
  const cases: Array<[string, string, number]> = [
    ["Db.java", `DataSourceBuilder.create().username("sa").password("${PW}").build();\n`, 1],
    ["Client.kt", `val client = OpenAIOkHttpClient.builder().apiKey("${TOKEN}").build()\n`, 1],
    ["Client.java", `Client c = Client.builder().token("${TOKEN}").build();\n`, 1],
    ["keys.yml", `api_keys:\n  - ${TOKEN}\n  - "${TOKEN}x9"\n`, 2],
    ["db.yml", `password: !!str ${PW}\n`, 1],
    ["site.conf", `server {\n  set $api_key "${TOKEN}";\n}\n`, 1],
  ];
  for (const [file, text, n] of cases) assert.equal(secretsIn(file, text).length, n, `${file}: ${text.trim()}`);
  for (const [file, text] of [
    ["Form.java", `form.password("Enter your password");\n`],
    ["Check.java", `validator.password(input);\n`],
    ["Login.kt", `password("${PW}")\n`],
    ["k8s.yml", `tokens:\n  - name: ${TOKEN}\n    value: b\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("a plural secret name over named lists (Ory Hydra and Kratos `secrets:`) names each item by its child; a typed JSON value under its key's name", () => {
  const hydra = `secrets:\n  system:\n    - ${TOKEN}\n  cookie:\n    - ${PW}x${TOKEN}\n    - ${TOKEN}Z\n`;
  assert.deepEqual(secretsIn("hydra.yml", hydra), [TOKEN, `${PW}x${TOKEN}`, `${TOKEN}Z`]);
  const node = `{"priv_key":{"type":"tendermint/PrivKeyEd25519","value":"${TOKEN}${HEX64}=="}}`;
  assert.deepEqual(secretsIn("node_key.json", node), [`${TOKEN}${HEX64}==`]);
  // Traps: the list items of a mapping that is not a plural secret name, a docker-compose `secrets:` map of
  // file references, placeholders in the list, the public half beside the private one, a lone `type`.
  for (const [file, text] of [
    ["compose.yml", `services:\n  system:\n    - ${TOKEN}\n`],
    ["compose.yml", `secrets:\n  db_password:\n    file: ./db_password.txt\n`],
    ["kratos.yml", `secrets:\n  cookie:\n    - PLEASE-CHANGE-ME-I-AM-VERY-INSECURE\n`],
    ["key.json", `{"pub_key":{"type":"tendermint/PubKeyEd25519","value":"${TOKEN}${HEX64}="}}`],
    ["key.json", `{"priv_key":{"type":"${TOKEN}${HEX64}"}}`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("an application's own salt (no hash beside it) is a secret in config and code; a salt stored next to its hash, a KDF vector's salt and a salt in docs are not", () => {
  const SALT = ["P4c0CQCA", "dJlhe3s5", "FGsuIwHp", "Q0CB231E"].join("");
  assert.deepEqual(secretsIn("config/config.ini.php", `[General]\nsalt = "${SALT}"\n`), [SALT]);
  assert.deepEqual(secretsIn("app/Config/config.php", `<?php\n$config = array('Security' => array(\n  'level' => 'medium',\n  'salt' => '${SALT}',\n));\n`), [SALT]);
  assert.deepEqual(secretsIn("hydra.yml", `oidc:\n  subject_identifiers:\n    pairwise:\n      salt: ${SALT}\n`), [SALT]);
  assert.deepEqual(secretsIn("config.php", `$CFG->passwordsaltmain = '${SALT}';\n`), [SALT], "Moodle's site salt");
  for (const [file, text] of [
    ["users.yml", `users:\n  - name: bob\n    salt: ${SALT}\n    hash: ${HEX64}\n`],
    ["users.json", `[{"user": "bob", "password_hash": "${HEX64}",\n  "salt": "${SALT}"}]\n`],
    ["kdf_vectors.py", `VECTORS = [\n  {"password": "pw", "salt": "${SALT}", "iterations": 4096,\n   "dk": "${HEX64}"},\n]\n`],
    ["scrypt.rb", `salt = "${SALT}"\nn, r, p = 16384, 8, 1\nderived = SCrypt::Engine.scrypt(pw, salt, n, r, p, 32)\n`],
    ["README.md", `Set the salt:\n\n    salt = "${SALT}"\n`],
    ["stacks/prod.json", `{"secrets_providers": {"type": "passphrase", "state": {"salt": "v1:${SALT}:v1:${TOKEN}"}}}\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("a hex digest whose element declares its encoding (Guacamole's encoding=\"md5\") is the stored hash, not the password", () => {
  const MD5 = HEX64.slice(0, 32);
  assert.deepEqual(secretsIn("user-mapping.xml", `<authorize username="dana" password="${MD5}" encoding="md5">\n`), []);
  assert.deepEqual(secretsIn("users.yml", `admin:\n  password: ${HEX64}\n  hash: sha256\n`), [HEX64], "a declaration on another line is not read: a 64-hex password stays one");
  // Positives beside it: no declaration, a declaration on another element, a value that is not a digest of that length.
  assert.deepEqual(secretsIn("user-mapping.xml", `<authorize username="helpdesk" password="${PW}x${TOKEN}">\n`), [`${PW}x${TOKEN}`]);
  assert.deepEqual(secretsIn("user-mapping.xml", `<authorize username="a" password="${MD5}">\n<authorize username="b" encoding="md5">\n`), [MD5]);
  assert.deepEqual(secretsIn("user-mapping.xml", `<authorize username="a" password="${PW}${TOKEN}" encoding="md5">\n`), [`${PW}${TOKEN}`]);
});

test("isPluralName answers as /(?:key|token|secret|password|fallback)s$/i", () => {
  const PLURAL = /(?:key|token|secret|password|fallback)s$/i;
  const words = ["key", "KEY", "Key", "token", "TOKENS", "secret", "Secrets", "password", "PassWords", "FALLBACK", "fallback", "s", "S", "api_", "x", "ke", "y", "[", "@"];
  let seed = 3;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let n = 0; n < 5000; n++) {
    let name = "";
    for (let i = Math.floor(next() * 4); i >= 0; i--) name += words[Math.floor(next() * words.length)];
    assert.equal(isPluralName(name), PLURAL.test(name), name);
  }
});

test("quoteOpensKeyPath answers as the regex it replaces: the quote, then at most 60 of [\\w.:/ -] up to the name", () => {
  const parts = ['"', "'", "a", "Z", "9", "_", ".", ":", "/", " ", "-", "\t", "é", "\u2028", "x".repeat(30), "{"];
  let seed = 7;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  let matched = 0;
  for (let n = 0; n < 20000; n++) {
    let text = "";
    for (let i = Math.floor(next() * 8); i >= 0; i--) text += parts[Math.floor(next() * parts.length)];
    const s = text.length;
    text += "password";
    for (const quote of ['"', "'"]) {
      const expected = new RegExp(`${quote}[\\w.:/ -]{0,60}$`).test(text.slice(Math.max(0, s - 62), s));
      if (expected) matched++;
      assert.equal(quoteOpensKeyPath(text, s, quote.charCodeAt(0)), expected, JSON.stringify(text));
    }
  }
  assert.ok(matched > 1000, `only ${matched} texts matched`);
});

test("names next to characters above U+00FF and at the ends of the text read as before", () => {
  for (const [file, text] of [
    ["config.yml", `é:\n  password: ${PW}\n`],
    ["config.yml", `password: ${PW}`],
    ["app.json", `{"名前": "x", "password": "${PW}"}`],
    ["app.py", `pässword = "x"\npassword = "${PW}"`],
    ["app.env", `PASSWORD=${PW}`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [PW], `${file}: ${text.trim()}`);
  }
  assert.deepEqual(secretsIn("config.yml", "password"), []);
  assert.deepEqual(secretsIn("config.yml", "password:"), []);
});

test("long options followed by their value: --api-key …, [\"--token\", \"…\"]", () => {
  const cases: Array<[string, string]> = [
    ["deploy.sh", `app --api-key ${TOKEN} --verbose\n`],
    ["deploy.sh", `app --client-secret "${TOKEN}"\n`],
    ["README.md", "```\nacme deploy --token " + TOKEN + "\n```\n"],
    ["job.yml", `args: ["--api-key", "${TOKEN}"]\n`],
    ["run.py", `subprocess.run(["acme", "--api-key", "${TOKEN}"])\n`],
  ];
  for (const [file, text] of cases) assert.deepEqual(secretsIn(file, text), [TOKEN], `${file}: ${text.trim()}`);
  for (const [file, text] of [
    ["deploy.sh", "app --api-key $API_KEY\n"],
    ["deploy.sh", "docker login --password-stdin --username ci\n"],
    ["deploy.sh", 'app --password "${PASS}"\n'],
    ["README.md", "Use --token <your-token> to authenticate.\n"],
    ["cli.py", 'parser.add_argument("--api-key", help="the key")\n'],
    ["cli.py", 'parser.add_argument("--api-key", "-k")\n'],
    ["cli.ts", `program.option("--token <token>", "${TOKEN}")\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("a bare value after a secret name on a comment line of a source file", () => {
  assert.deepEqual(secretsIn("app.js", `// TODO remove before commit: password=${PW}\n`), [PW]);
  assert.deepEqual(secretsIn("app.py", `# old key: api_key = ${TOKEN}\n`), [TOKEN]);
  for (const [file, text] of [
    ["App.java", " * @param password the password\n"],
    ["app.ts", "// token: string\n"],
    ["app.py", "# password: str\n"],
    ["app.js", "// apiKey: the key to use\n"],
    ["app.js", `const a = 1; password=${PW}\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("a Python quoted type annotation names a type, not a value: identifiers with a leading acronym", () => {
  assert.deepEqual(secretsIn("sign.py", `def sign(backend: "Backend", private_key: "_ECPrivateKey", data: bytes):\n    pass\n`), []);
  assert.deepEqual(secretsIn("sign.py", `def sign(\n    signing_key: "HMACSigningKey",\n) -> bytes:\n`), []);
  // The same name with a literal still counts.
  assert.deepEqual(secretsIn("sign.py", `private_key = "${TOKEN}"\n`), [TOKEN]);
});

test("Perl: a reference to a sub in POD (pass => \\&sub) is not a password; a literal there still is", () => {
  assert.deepEqual(secretsIn("lib/Net/Auth.pod", `  callback => {\n    pass => \\&ask_user_password,\n    user => $user,\n  }\n`), []);
  assert.deepEqual(secretsIn("lib/Net/Auth.pod", `  pass => '${TOKEN}',\n`), [TOKEN]);
});

test("a scoped name as the value (Ruby OpenSSL::PKey::EC.generate, Rust std::env::var) is code; a literal there still counts", () => {
  assert.deepEqual(secretsIn("lib/tls.rb", `#   signing_key = OpenSSL::PKey::EC.generate 'prime256v1'\n`), []);
  assert.deepEqual(secretsIn("lib/tls.rb", `#   signing_key = "${TOKEN}"\n`), [TOKEN]);
});

test("C, C++ and Rust: a credential's name or label as the value, an OID, an identifier statement, a call are not secrets; literals there still are", () => {
  // `#define` of an object name and an OID (the names are invented; obj_mac.h and ldap.h hold such lines).
  assert.deepEqual(secretsIn("include/acme/objects.h", `#define SN_acme_ctl_oldPassphrase   "acme-ctl-oldPassphrase"\n`), []);
  assert.deepEqual(secretsIn("include/acme/ldapx.h", `#define ACME_EXOP_RESET_PASSWD\t"1.3.6.1.4.1.99999.7.2"\t/* extension */\n`), []);
  assert.deepEqual(secretsIn("include/acme/objects.h", `#define ACME_SIGNING_PASSPHRASE "${TOKEN}"\n`), [TOKEN]);
  // An enum label mapped to its exported name.
  assert.deepEqual(secretsIn("src/labels.rs", `            Kind::ServerHandshakeSecret => "SERVER_HANDSHAKE_SECRET_1",\n`), []);
  assert.deepEqual(secretsIn("src/labels.rs", `            Kind::ServerHandshakeSecret => "${TOKEN}",\n`), [TOKEN]);
  // A libstdc++-style template implementation file (.tcc): an assignment of an enumerator is a statement.
  assert.deepEqual(secretsIn("bits/lexer.tcc", `\t  _M_token = _S_token_oct_char;\n`), []);
  // A call in a comment: `auth = InetAddr.resolveAllByName0(host, …)`.
  assert.deepEqual(secretsIn("src/net/Resolver.java", `        // auth = InetAddr.resolveAllByName0(authHost, false)[0];\n`), []);
  assert.deepEqual(secretsIn("src/net/Resolver.java", `        // auth = ${TOKEN}\n`), [TOKEN]);
});

test("PHP: a concatenation after a quoted `name=` is code, not a value", () => {
  assert.deepEqual(secretsIn("src/Masker.php", `        $body = str_replace('_password='.$encodedPassword, '_password=***', $body);\n`), []);
  assert.deepEqual(secretsIn("src/Client.php", `        $this->secret_token = '${TOKEN}';\n`), [TOKEN]);
});

test("CloudFormation parameter files, stack outputs and AWS option settings: the name in ParameterKey/OutputKey/OptionName, the value in ParameterValue/OutputValue/Value", () => {
  assert.deepEqual(secretsIn("parameters.prod.json", `[\n  { "ParameterKey": "Env", "ParameterValue": "prod" },\n  { "ParameterKey": "DBMasterPassword", "ParameterValue": "${PW}" }\n]\n`), [PW]);
  assert.deepEqual(secretsIn("options.json", `[{ "Namespace": "aws:elasticbeanstalk:application:environment", "OptionName": "API_SECRET", "Value": "${TOKEN}" }]\n`), [TOKEN]);
  assert.deepEqual(secretsIn("parameters.json", `[{ "ParameterKey": "DBMasterPassword", "ParameterValue": "{{resolve:ssm-secure:/prod/db:1}}" }]\n`), [], "a dynamic reference");
  assert.deepEqual(secretsIn("outputs.json", `{"Outputs": [\n  {"OutputKey": "ApiUrl", "OutputValue": "https://api.acme.io/prod"},\n  {"OutputKey": "UserPoolClientSecret", "OutputValue": "${TOKEN}"}\n]}\n`), [TOKEN], "stack outputs");
});

test("Android Gradle buildConfigField/resValue: the field's value, out of its escaped Java quotes", () => {
  assert.deepEqual(secretsIn("app/build.gradle.kts", `buildConfigField("String", "BACKEND_SECRET", "\\"${TOKEN}\\"")\n`), [TOKEN]);
  assert.deepEqual(secretsIn("app/build.gradle", `buildConfigField "String", "API_TOKEN", "\\"${TOKEN}\\""\n`), [TOKEN]);
  assert.deepEqual(secretsIn("app/build.gradle.kts", `resValue("string", "client_secret", "${TOKEN}")\n`), [TOKEN]);
  assert.deepEqual(secretsIn("app/build.gradle.kts", `buildConfigField("String", "API_TOKEN", "\\"\${project.findProperty("apiToken")}\\"")\nbuildConfigField("boolean", "USE_TOKEN", "true")\n`), []);
});

test("Jupyter notebooks: `%env NAME=value` and `!export NAME=value` in a cell's JSON source line, without the escaped line end", () => {
  assert.deepEqual(secretsIn("analysis.ipynb", `   "source": [\n    "%env API_TOKEN=${TOKEN}\\n",\n    "!export DB_PASSWORD=${PW}\\r\\n"\n   ]\n`), [TOKEN, PW]);
  assert.deepEqual(secretsIn("analysis.ipynb", `    "%env API_TOKEN=\\n",\n`), []);
});

test("YAML: a secret name whose value is its child value:/default: key (GitLab CI expanded variables, GitHub Actions inputs)", () => {
  assert.deepEqual(secretsIn(".gitlab-ci.yml", `variables:\n  DEPLOY_TOKEN:\n    value: "${TOKEN}"\n    description: "deploy"\n`), [TOKEN]);
  assert.deepEqual(secretsIn("action.yml", `inputs:\n  api_token:\n    description: The token\n    required: false\n    default: ${TOKEN}\n`), [TOKEN]);
  assert.deepEqual(secretsIn("action.yml", `inputs:\n  api_token:\n    description: The token\n    default: \${{ github.token }}\n`), [], "a reference");
  assert.deepEqual(secretsIn("openapi.yaml", `        password:\n          type: string\n          default: ""\n`), [], "empty");
  assert.deepEqual(secretsIn("config.yml", `api_token:\nvalue: ${TOKEN}\n`), [], "a sibling, not a child");
});

test("reads the syntaxes of ops configs and less common languages (blind corpus 6)", () => {
  const cases: Array<[string, string]> = [
    // Hadoop-style XML: the name element, then the value element on the next line.
    ["hive-site.xml", `<property>\n  <name>javax.jdo.option.ConnectionPassword</name>\n  <value>${PW}</value>\n</property>\n`],
    ["core-site.xml", `<property><name>fs.s3a.secret.key</name><value>${TOKEN}</value></property>\n`],
    // CDATA inside a password element.
    ["standalone.xml", `<security>\n  <password><![CDATA[${PW}]]></password>\n</security>\n`],
    // Grafana's triple quotes, T-SQL's N'…', Make's ?=, a JSON object escaped inside a JSON string.
    ["grafana.ini", `[database]\npassword = """${PW}#1"""\n`],
    ["logins.sql", `CREATE LOGIN svc WITH PASSWORD = N'${PW}', CHECK_POLICY = ON;\n`],
    ["Makefile", `DOCKER_PASSWORD ?= ${PW}\n`],
    ["settings.json", `{"cfg": "{\\"host\\":\\"db\\",\\"password\\":\\"${PW}\\"}"}\n`],
    // C arrays, Clojure and Lisp definitions, CMake set().
    ["upstream.cc", `constexpr char kHmacKey[] = "${TOKEN}";\n`],
    ["secrets.h", `static const char api_secret[41] = "${TOKEN}";\n`],
    ["db.clj", `(def ^:private s3-secret "${TOKEN}")\n`],
    ["init.el", `(setq api-token "${TOKEN}")\n`],
    ["CMakeLists.txt", `set(MQTT_PASSWORD "${PW}" CACHE STRING "broker password")\n`],
  ];
  for (const [file, text] of cases) assert.equal(secretsIn(file, text).length, 1, `${file}: ${JSON.stringify(text)}`);
  const none: Array<[string, string]> = [
    ["hive-site.xml", `<name>hive.server2.keystore.password</name>\n<value>\${env:HS2_KEYSTORE_PASSWORD}</value>\n`],
    ["standalone.xml", `<password><![CDATA[\${VAULT::ds::password::1}]]></password>\n`],
    ["Makefile", `DOCKER_PASSWORD ?= $(shell cat .docker-password)\n`],
    ["settings.json", `{"templates": "{\\"password\\":\\"{{password}}\\"}"}\n`],
    ["secrets.h", `#define MAX_PASSWORD_LEN 64\nchar password[65] = {0};\n`],
    ["CMakeLists.txt", `set(API_KEY $ENV{API_KEY})\n`],
  ];
  for (const [file, text] of none) assert.deepEqual(secretsIn(file, text), [], `${file}: ${JSON.stringify(text)}`);
});

test("inside an HTML page's <script> the values are judged as code, outside as prose", () => {
  const hex = ["c7f9dc07", "12e0c631", "c29d1130", "62fab9d0", "1e21baf8", "968674b1"].join("");
  const inScript = `<html><head><script>\n  fetch("/api/cart", { headers: { "X-Admin-Key": "${hex}" } });\n</script></head></html>\n`;
  assert.deepEqual(secretsIn("public/checkout.html", inScript), [hex]);
  const prose = `<p>Send "X-Admin-Key": "${hex}" with each call.</p>\n`;
  assert.deepEqual(secretsIn("docs/api.html", prose), []);
});

test("reads application-code idioms of many languages and mobile resources (blind corpus 7)", () => {
  const cases: Array<[string, string]> = [
    // A literal wrapped in a conversion: pydantic SecretStr, Go []byte, Rust String::from / Some.
    ["config.py", `    redis_password: SecretStr = SecretStr("${PW}")\n`],
    ["partner.go", `var signingKey = []byte("${TOKEN}")\n`],
    ["config.rs", `let api_token = String::from("${TOKEN}");\n`],
    // Environment reads with a literal fallback, the variable's name quoted.
    ["services.rb", `TOKEN = ENV.fetch("TWILIO_AUTH_TOKEN") { "${TOKEN}" }\n`],
    ["services.rb", `KEY = ENV["GEOCODER_API_KEY"] || "${TOKEN}"\n`],
    ["Mailer.php", `$apiKey = getenv('PARTNER_API_KEY') ?: '${TOKEN}';\n`],
    ["ops.py", `token = os.getenv("API_TOKEN") or "${TOKEN}"\n`],
    ["Config.kt", `val token = System.getenv("API_TOKEN") ?: "${TOKEN}"\n`],
    ["config.rs", `env::var("INGEST_TOKEN").unwrap_or_else(|_| String::from("${TOKEN}"))\n`],
    ["env.dart", `static const apiToken = String.fromEnvironment('API_TOKEN', defaultValue: '${TOKEN}');\n`],
    // Android resources: more attributes after the name; <meta-data android:name android:value>.
    ["strings.xml", `<string name="backend_client_secret" translatable="false">${TOKEN}</string>\n`],
    ["AndroidManifest.xml", `<meta-data android:name="com.onesignal.ApiKey" android:value="${TOKEN}" />\n`],
    // Objective-C selector parts: `secret:@"…"`.
    ["AppDelegate.m", `[ACMClient configure:url secret:@"${TOKEN}"];\n`],
    // Capitalised Go/C# setters, a Rust header value.
    ["client.go", `client := github.NewClient(nil).WithAuthToken("${TOKEN}")\n`],
    ["Db.cs", `builder.SetPassword("${PW}");\n`],
    ["client.rs", `headers.insert("x-api-key", HeaderValue::from_static("${TOKEN}"));\n`],
  ];
  // One value (the engine merges hits on the same span: `SecretStr` in the annotation names it too).
  for (const [file, text] of cases) assert.deepEqual([...new Set(secretsIn(file, text))], [text.includes(PW) ? PW : TOKEN], `${file}: ${JSON.stringify(text)}`);
  const none: Array<[string, string]> = [
    ["config.py", `secret_key: SecretStr = SecretStr(os.environ["SECRET_KEY"])\n`],
    ["services.rb", `TOKEN = ENV.fetch("TWILIO_AUTH_TOKEN") { raise "missing" }\n`],
    ["Mailer.php", `$apiKey = getenv('PARTNER_API_KEY') ?: '';\n`],
    ["ops.py", `label = t.get("password") or "Password"\n`],
    ["ops.py", `token = os.getenv("API_TOKEN") or default_token()\n`],
    ["env.dart", `static const apiToken = String.fromEnvironment('API_TOKEN', defaultValue: '');\n`],
    ["client.rs", `headers.insert("x-api-key", HeaderValue::from_str(&key)?);\n`],
    ["client.go", `client := github.NewClient(nil).WithAuthToken(os.Getenv("GITHUB_TOKEN"))\n`],
    ["strings.xml", `<string name="hint_password" translatable="false">Password</string>\n`],
    ["AndroidManifest.xml", `<meta-data android:name="com.google.android.geo.API_KEY" android:value="\${MAPS_API_KEY}" />\n`],
  ];
  for (const [file, text] of none) assert.deepEqual(secretsIn(file, text), [], `${file}: ${JSON.stringify(text)}`);
});

test("a bare `pass` key in code names a password: Perl hashes, nodemailer's auth, Ruby symbols; not words or test strings", () => {
  const pw = `${PW}_Glacier4%`;
  assert.deepEqual(secretsIn("scripts/sync.pl", `my %smtp = (host => 'smtp.example.org', user => 'sync', pass => '${pw}');\n`), [pw]);
  assert.deepEqual(secretsIn("mail.js", `nodemailer.createTransport({ auth: { user: "ops", pass: "${PW}x4" } });\n`), [`${PW}x4`]);
  assert.deepEqual(secretsIn("mailer.rb", `opts = { user: "ops", pass: "${pw}" }\n`), [pw]);
  assert.deepEqual(secretsIn("spec.js", `expect(result).toEqual({ pass: "should_be_valid" });\n`), []);
  assert.deepEqual(secretsIn("run.js", `runner.pass = "assertion-passed";\n`), []);
});

test("an environment dump line (`NAME=value` alone on its line) in a text file is read as configuration, not prose", () => {
  const hex = HEX64;
  assert.deepEqual(secretsIn("crash-reports/worker.txt", `Environment:\n  SESSION_SECRET=${hex}\n  NODE_ENV=production\n`), [hex]);
  assert.deepEqual(secretsIn("notes.txt", `export SESSION_SECRET=${hex}\n`), [hex]);
  // In a sentence the same pair is prose, which asks for more than hex.
  assert.deepEqual(secretsIn("notes.txt", `The SESSION_SECRET=${hex} was rotated.\n`), []);
  assert.deepEqual(secretsIn("README.md", `    JWT_SECRET=your-jwt-secret-here\n    API_KEY=xxxxxxxxxxxxxxxx\n`), []);
});

test("in code, a quoted literal that a formatter wrapped onto the line after `=` or `:` is the value; YAML and references are not", () => {
  const half = TOKEN.slice(0, 20);
  assert.deepEqual(secretsIn("src/client.ts", `export const API_SECRET =\n  "${TOKEN}";\n`), [TOKEN]);
  assert.deepEqual(secretsIn("src/config.js", `const config = {\n  apiSecret:\n    "${TOKEN}",\n};\n`), [TOKEN]);
  // A key split across concatenated literals: the first part is reported where it stands.
  assert.deepEqual(secretsIn("src/search.ts", `export const SEARCH_KEY =\n  "${half}" +\n  "${TOKEN.slice(20)}XYZ";\n`), [half]);
  assert.deepEqual(secretsIn("src/env.ts", `const apiSecret =\n  process.env.API_SECRET;\n`), []);
  assert.deepEqual(secretsIn("config.yml", `api_secret:\n  - "${TOKEN}"\n`), []);
});

test("an upper-case KEY constant with a random value is a key in code (Buffer.from(…, \"hex\"), Java getBytes); a lower-case key, a word value or a test-vector file is not (session 8)", () => {
  const KEY32 = ["Xk9qLm2T", "v8Bn4Rw7", "Zp3Yc6Hd", "K9sW1eFq"].join("");
  assert.deepEqual(secretsIn("src/crypto.js", `const KEY = Buffer.from("${HEX64}", "hex");\n`), [HEX64]);
  assert.deepEqual(secretsIn("src/main/java/Crypto.java", `class C {\n  private static final byte[] KEY = "${KEY32}".getBytes();\n}\n`), [KEY32]);
  assert.deepEqual(secretsIn("app/settings.py", `KEY = "${KEY32}"\n`), [KEY32]);
  assert.deepEqual(secretsIn("src/a.js", `const key = "${KEY32}";\n`), [], "a lower-case key names nothing alone");
  assert.deepEqual(secretsIn("src/a.js", `const KEY = "user-preferences-v2";\n`), []);
  // BoringSSL's and NIST CAVP's vector files: `KEY = …` beside `NONCE`, `IN`, `CT`, `TAG`.
  assert.deepEqual(secretsIn("tests/aead_aes_256_gcm_tests.txt", `KEY = ${HEX64}\nNONCE = ${HEX64.slice(0, 24)}\nIN = \nAD = \nCT = \nTAG = ${HEX64.slice(0, 32)}\n`), []);
});

test("hex under a weak name is judged against hex's own entropy: a random 40-character value with repeated digits is a key (blind corpus 3 census_key)", () => {
  // 3.48 bits a character: under the 3.6 meant for base62, above hex's 3.2.
  const hex = ["8aba0f6c", "148d7488", "44e8c84e", "3c8a037a", "68dcd45d"].join("");
  assert.deepEqual(secretsIn("r-analysis/fetch.R", `census_key <- "${hex}"\n`), [hex]);
  assert.deepEqual(secretsIn("r-analysis/fetch.R", `census_key <- "${"0a1b2c3d".repeat(5)}"\n`), [], "a repeated pattern is still out");
});

test("valueMayFollow is false only where neither value reader finds a value after the name", () => {
  // Random texts around a name: what comes before it (markup, quotes, `${`, `--`, `- name:`, `#define`,
  // `ENV`, `(def`, a tuple's `{`, a comment) and after it (every ASCII character that ends a name, and the
  // operators, quotes, tags, line breaks and values the readers look for), in each kind of file.
  const before = ["", "<", ">", "<name>", "<key>", '"', "'", "`", '\\"', "{", "${", "{:", "{ ", "--", '"--', "'--", "- name: ", "  - name: ", "#define ", "ENV ", "ARG ", "(def ", "set(", "x.", "?", "&", ":", " ", "\t", "\n", "// ", "# ", 'variable "', "<add key=\"", "<string name=\"", "getenv(\"", "é", "client."];
  const after = [" ", "\t", "=", ":", "?", "|", "<", ">", "-", "/", "\\", '"', "'", "`", ",", "(", ")", "[", "]", "{", "}", ";", "\n", "\r\n", "+", "*", "&", "!", "#", "@", "%", "~", "^", "é", "\u2028",
    "= ", '"Qz7rLx2Vw9Kp"', "'Qz7rLx2Vw9Kp'", "Qz7rLx2Vw9Kp", "</password>", "</key>", "</name>", "</key><string>s3cr3tV4lue</string>", "</name><value>s3cr3tV4lue</value>", "<string>s3cr3tV4lue</string>", "<value>s3cr3tV4lue</value>", "value: s3cr3tV4lue",
    '": "Qz7rLx2Vw9Kp"', "=Qz7rLx2Vw9Kp", ":-Qz7rLx2Vw9Kp}", "]", "[]", "[32]", ' value="Qz7rLx2Vw9Kp"', ", ", "->", " to ", "<-", "||=", "??=", "?=", ":=", "=>", "\n  value: ", "\n  - ", '["Qz7rLx2Vw9Kp"]'];
  const names = ["password", "api_key", "apiKeys", "token", "DB_PASSWORD", "secret", "keys", "authToken"];
  const files = ["app.js", "main.go", "config.yml", "README.md", "app.conf", "main.tf", "settings.xml", "values.json"].map((f) => fileInfo(f));
  let seed = 11;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const isIdent = (c: number) => /[A-Za-z0-9_$.-]/.test(String.fromCharCode(c));
  let rejected = 0;
  let found = 0;
  for (let n = 0; n < 30000; n++) {
    let head = "";
    for (let i = Math.floor(next() * 3); i > 0; i--) head += pick(before);
    let tail = "";
    for (let i = 1 + Math.floor(next() * 3); i > 0; i--) tail += pick(after);
    const text = head + pick(names) + tail;
    // The name's identifier run and its trimmed start, as detectGeneric takes them.
    let s = head.length;
    let e = s + 1;
    while (s > 0 && isIdent(text.charCodeAt(s - 1))) s--;
    while (e < text.length && isIdent(text.charCodeAt(e))) e++;
    while (s < e && ".$-".includes(text[s]!)) s++;
    const may = valueMayFollow(text, s, e);
    for (const info of files) {
      const value = valueAfter(text, s, e, info);
      const list = arrayValues(text, e, info);
      if (value !== null || list !== null) found++;
      if (!may) assert.ok(value === null && list === null, `${JSON.stringify(text)} (${info.kind}): a value follows the name, valueMayFollow says none can`);
    }
    if (!may) rejected++;
  }
  assert.ok(rejected > 5000 && found > 10000, `only ${rejected} texts rejected, ${found} values found`);
});

test("isCommentLine answers as the regex it replaces on the line's text before the name", () => {
  const parts = [" ", "\t", "\n", "/", "*", "#", "!", "{", "[", "-", ";", "%", "'", "a", "=", "x".repeat(120)];
  const lead = /^[ \t]*(?:\/\/|#(?![!{[])|\/?\*|--|;|%|')/;
  let seed = 5;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  let comments = 0;
  for (let n = 0; n < 20000; n++) {
    let text = "";
    for (let i = Math.floor(next() * 6); i >= 0; i--) text += parts[Math.floor(next() * parts.length)];
    const s = text.length;
    text += "password = x";
    // The line's start at most 200 characters back (a newline at s - 200 counts, none counts from s <= 200).
    const nl = text.lastIndexOf("\n", s - 1);
    const lineStart = nl !== -1 && s - nl <= 200 ? nl + 1 : nl === -1 && s <= 200 ? 0 : -1;
    const expected = lineStart !== -1 && lead.test(text.slice(lineStart, s));
    if (expected) comments++;
    assert.equal(isCommentLine(text, s), expected, JSON.stringify(text));
  }
  assert.ok(comments > 2000, `only ${comments} comment lines`);
});

test("a token in the query of an image URL (a README badge) is the badge's embedding token, not a secret; the same token on a page or API URL is", () => {
  const badge = `[![coverage](https://codecov.io/gh/acme/api/graph/badge.svg?token=${TOKEN})](https://codecov.io/gh/acme/api)\n`;
  assert.deepEqual(secretsIn("README.md", badge), []);
  assert.deepEqual(secretsIn("README.md", `![x](https://badges.example.org/js/pkg.PNG?style=flat&token=${TOKEN})\n`), []);
  assert.deepEqual(secretsIn("README.md", `curl "https://api.example.org/v1/export?format=csv&token=${TOKEN}"\n`), [TOKEN]);
  assert.deepEqual(secretsIn("docs/setup.md", `See https://dash.example.org/report.html?token=${TOKEN}\n`), [TOKEN]);
});

test("Visual Basic `As Type =` declarations and a batch password starting with %s are values", () => {
  for (const file of ["legacy/Modul1.bas", "Module1.vb", "tools/run.vbs"]) {
    assert.deepEqual(secretsIn(file, `Public Const DB_PASSWORD As String = "${PW}#V7*B"\n`), [`${PW}#V7*B`], file);
    assert.deepEqual(secretsIn(file, `Dim apiToken As String = "${TOKEN}"\n`), [TOKEN], file);
  }
  // `%s` then a random run: two characters of the password, not a printf format.
  assert.deepEqual(secretsIn("map-drives.cmd", `set "SQL_PWD=%s@${PW}?G8"\n`), [`%s@${PW}?G8`]);
  assert.deepEqual(secretsIn("client.py", `AUTH_HEADER_TOKEN = "Bearer %s"\nDB_PASSWORD = "%s:%s@%s"\n`), []);
});

test("a shell assignment's unquoted value keeps its commas (a shell word); config lists and key=value pairs still end at the comma", () => {
  assert.deepEqual(secretsIn("deploy.sh", `export API_KEYS=${TOKEN},${PW}x${PW}\n`), [`${TOKEN},${PW}x${PW}`]);
  assert.deepEqual(secretsIn(".bash_history", `: 1700000000:0;PGPASSWORD=Quartz,${PW}7 psql -h db -U app\n`), [`Quartz,${PW}7`]);
  // `--set a=1,b=2` (helm) and `user=x,password=y` pairs: each pair's value ends at the comma.
  assert.deepEqual(secretsIn("deploy.sh", `helm upgrade app ./chart --set db.password=${TOKEN},db.user=app\n`), [TOKEN]);
  assert.deepEqual(secretsIn("app.conf", `dsn: user=app,password=${TOKEN},host=db\n`), [TOKEN]);
  // `key: a,b` in YAML and a spaced `=` are not shell assignments.
  assert.deepEqual(secretsIn("config.yml", `api_key: ${TOKEN},${PW}\n`), [TOKEN]);
});

test("a pre-shared key (`psk`) is a password: NixOS's Wi-Fi networks, wpa_supplicant, hostapd; its identity is not", () => {
  const psk = `${PW}#3YK-${PW.slice(0, 4)}`;
  assert.deepEqual(secretsIn("hosts/nas/configuration.nix", `  networking.wireless.networks."Homelab-5G".psk = "${psk}";\n`), [psk]);
  assert.deepEqual(secretsIn("etc/wpa_supplicant.conf", `network={\n  ssid="home"\n  psk="${psk}"\n}\n`), [psk]);
  assert.deepEqual(secretsIn("hostapd.conf", `wpa_psk=${psk}\n`), [psk]);
  assert.deepEqual(secretsIn("tls.conf", `psk_identity = ${psk}\n`), []);
  assert.deepEqual(secretsIn("obj_mac.h", `static const char *SN_kx_ecdhe_psk = "KxECDHE-PSK";\n`), [], "a key exchange's name");
});

test("`key:` then `value:` pairs (Render envVars, Bruno) and `{ key: 'X', value: '…' }` objects name their value; `#` inside a space-separated value is part of it", () => {
  assert.deepEqual(secretsIn("render.yaml", `services:\n  - type: worker\n    envVars:\n      - key: POSTMARK_TOKEN\n        value: ${TOKEN}\n`), [TOKEN]);
  assert.deepEqual(secretsIn("partners/ping.bru", `auth:apikey {\n  key: x-partner-key\n  value: ${TOKEN}\n  placement: header\n}\n`), [TOKEN]);
  assert.deepEqual(secretsIn("checkly.config.ts", `const vars = [{ key: 'LOGIN_PASSWORD', value: '${PW}#V7*B', secret: true }]\n`), [`${PW}#V7*B`]);
  assert.deepEqual(secretsIn("fluent-bit.conf", `[OUTPUT]\n    Name es\n    HTTP_Passwd     ${PW}#V7*B\n`), [`${PW}#V7*B`]);
  // A key that names nothing secret, and a comment after a blank, are not taken.
  assert.deepEqual(secretsIn("render.yaml", `      - key: NODE_ENV\n        value: production\n`), []);
  assert.deepEqual(secretsIn("fluent-bit.conf", `    HTTP_Passwd     ${PW}#V7*B # rotated monthly\n`), [`${PW}#V7*B`]);
});

test("PHP array forms of a subscript assignment: an append (`[] = '…'`) and a one-element array (`array(\"…\")`, `['…']`)", () => {
  // LibreNMS and Observium keep SNMP communities this way (`$config['snmp']['community'][] = '…'`).
  assert.deepEqual(secretsIn("config.php", `<?php\n$config['snmp']['community'][] = '${PW}';\n`), [PW]);
  assert.deepEqual(secretsIn("config.php", `<?php\n$config['snmp']['community'] = array("${PW}");\n`), [PW]);
  assert.deepEqual(secretsIn("config.php", `<?php\n$cfg['Servers'][$i]['password'] = ['${PW}'];\n`), [PW]);
  // Traps: the documented default community, an array of several elements (a list of names, not one
  // value), a call that is not an array, and an append of a variable.
  assert.deepEqual(secretsIn("config.php", `<?php\n$config['snmp']['community'] = ['public'];\n`), []);
  assert.deepEqual(secretsIn("config.php", `<?php\n$config['auth_password'] = array('${PW}', 'required');\n`), []);
  assert.deepEqual(secretsIn("config.php", `<?php\n$config['password'] = hash('${PW}');\n`), []);
  assert.deepEqual(secretsIn("config.php", `<?php\n$config['snmp']['community'][] = $community;\n`), []);
});

test("`secrets:` (and `passwords:`, `tokens:`) over scalar children names each value by its child (PeerTube's `secrets: peertube:`); not `keys:`, not references or flags", () => {
  assert.deepEqual(secretsIn("production.yaml", `listen:\n  port: 9000\nsecrets:\n  peertube: '${HEX64}'\ndatabase:\n  port: 5432\n`), [HEX64]);
  assert.deepEqual(secretsIn("values.yaml", `passwords:\n  admin: ${PW}x${TOKEN}\n  replication: ${TOKEN}Z\n`), [`${PW}x${TOKEN}`, `${TOKEN}Z`]);
  // A mix of lists and scalars under one plural name.
  assert.deepEqual(secretsIn("hydra.yml", `secrets:\n  system:\n    - ${TOKEN}\n  cookie: ${TOKEN}Z\n`), [TOKEN, `${TOKEN}Z`]);
  // Traps: GitHub Actions' reusable-workflow `secrets:` (references), a Helm chart's switches and names, a compose
  // map of files, `keys:` over key bindings, and a child that is itself a mapping.
  for (const [file, text] of [
    [".github/workflows/ci.yml", `    secrets:\n      token: \${{ secrets.NPM_TOKEN }}\n      inherit_all: true\n`],
    ["values.yaml", `secrets:\n  enabled: true\n  name: app-secrets\n  existingSecret: my-release-secrets\n`],
    ["compose.yml", `secrets:\n  db_password:\n    file: ./db_password.txt\n  api_token:\n    external: true\n`],
    ["keymap.yml", `keys:\n  quit: ${TOKEN}\n`],
    ["values.yaml", `secrets:\n  provider:\n    name: vault\n    role: ${TOKEN}\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("a plural secret name over an object literal of strings names each value by its entry (`.serverlessrc`'s `accessKeys`, `API_KEYS = { prod: … }`)", () => {
  const ak = `AK${TOKEN.toUpperCase()}${PW.toUpperCase()}`;
  assert.deepEqual(secretsIn(".serverlessrc", `{\n  "userId": "0OWxy8wuvWx0Cw",\n  "accessKeys": {"tidepool": "${ak}"}\n}\n`), [ak]);
  assert.deepEqual(secretsIn("keys.py", `API_KEYS = {\n    "prod": "${TOKEN}",\n    "staging": "${PW}x${TOKEN}",\n}\n`), [TOKEN, `${PW}x${TOKEN}`]);
  assert.deepEqual(secretsIn("config.ts", `export const tokens = { github: '${TOKEN}' };\n`), [TOKEN]);
  // Traps: design tokens (colours, sizes), an object holding more than strings, names of headers, an empty object.
  for (const [file, text] of [
    ["theme.ts", `export const tokens = { primary: '#0f62fe', spacing: '8px', fontFamily: 'IBM Plex Sans' };\n`],
    ["config.json", `{"apiKeys": {"prod": "${TOKEN}", "rotate": true}}\n`],
    ["openapi.json", `{"apiKeys": {"header": "X-API-Key", "query": "api_key"}}\n`],
    ["config.json", `{"secrets": {}}\n`],
  ] as const) {
    assert.deepEqual(secretsIn(file, text), [], `${file}: ${text.trim()}`);
  }
});

test("a bare `key` in a block opened by a bare word in configuration is named by the block (HOCON `auth { key = … }`); not in code", () => {
  const hocon = `cortex {\n  servers = [\n    {\n      name = local\n      auth {\n        type = "bearer"\n        key = "${TOKEN}"\n      }\n    }\n  ]\n}\n`;
  assert.deepEqual(detectGeneric(hocon, fileInfo("application.conf")).map((h) => [h.name, h.secret]), [["auth.key", TOKEN]]);
  // Traps: a block whose name says nothing secret, a block in code, and a `key` that is a map key of its block.
  assert.deepEqual(secretsIn("application.conf", `cache {\n  key = "${TOKEN}"\n}\n`), []);
  assert.deepEqual(secretsIn("Auth.java", `class Auth {\n  String key = "${TOKEN}";\n}\n`), []);
  assert.deepEqual(secretsIn("nginx.conf", `map $http_x_key $allowed {\n  key "${TOKEN}";\n}\n`), []);
});

test("a bare `key` under an INI or TOML section header is named by the section (`[api]\\nkey = …`); not under a section that says nothing secret, nor a header further up", () => {
  assert.deepEqual(detectGeneric(`[queue]\nuser = worker\n[api]\nkey = ${TOKEN}\n`, fileInfo("worker.ini")).map((h) => [h.name, h.secret]), [["api.key", TOKEN]]);
  assert.deepEqual(detectGeneric(`[stripe]\n# live\nkey = "${TOKEN}"\n`, fileInfo("settings.toml")).map((h) => h.secret), [TOKEN]);
  // Traps: a section whose name says nothing secret, a key of a section below a secret-named one, code.
  assert.deepEqual(secretsIn("app.ini", `[cache]\nkey = ${TOKEN}\n`), []);
  assert.deepEqual(secretsIn("app.ini", `[api]\nurl = https://api.acme.io\n[cache]\nkey = ${TOKEN}\n`), []);
  assert.deepEqual(secretsIn("keys.py", `x = [api]\nkey = "${TOKEN}"\n`), []);
});

test("a note's label with a remark before its colon (`Signing key password (ask Jo before rotating): …`) names the value; not in code, not an empty remark's prose", () => {
  const pw = `${PW}!x${TOKEN.slice(0, 8)}.eFe`;
  assert.deepEqual(secretsIn("notes.txt", `Signing key password (ask Jo before rotating): ${pw}\nPublic key id: 5A1C9F0E3B7D2A44\n`), [pw]);
  assert.deepEqual(secretsIn("config.yml", `db:\n  password (prod): ${pw}\n`), [pw]);
  // Traps: the remark is the whole description (no value of a password's shape), a code comment's call, prose.
  assert.deepEqual(secretsIn("README.md", `- password (optional): the password of the user\n`), []);
  assert.deepEqual(secretsIn("auth.py", `check_password (user): ${pw}\n`), []);
  assert.deepEqual(secretsIn("notes.txt", `Rotate the token (see the runbook) when someone leaves.\n`), []);
});

test("quoting forms of other languages: Elixir sigils, Perl q{} and qq{}, Lua long strings hold literals; look-alikes do not", () => {
  const pw = ["Qx7pL", "w2Rt9", "Kd4Vb", "8nZ3m"].join("");
  const found = (file: string, text: string) => detectGeneric(text, fileInfo(file)).map((h) => h.secret);
  for (const [file, text] of [
    ["lib/app.ex", `config :app, api_secret: ~s(${pw})\n`],
    ["lib/app.ex", `  secret = ~S"${pw}"\n`],
    ["lib/app.ex", `  secret = ~c[${pw}]\n`],
    ["bin/sync.pl", `my $api_secret = q{${pw}};\n`],
    ["bin/sync.pl", `my %api = (api_key => qq{${pw}}, url => 'x');\n`],
    ["conf/secrets.lua", `  jwt_secret = [[${pw}]],\n`],
    ["conf/secrets.lua", `  jwt_secret = [==[${pw}]==],\n`],
  ] as const) {
    assert.deepEqual(found(file, text), [pw], text);
  }
  for (const [file, text] of [
    ["app/grid.py", "secret_rows = [[1, 2], [3, 4]]\n"],
    ["app/grid.py", "secret = [[token_a]]\n"],
    ["lib/app.ex", `  secret = ~s(${pw}\n`],
    ["src/q.js", `const secret = q(${pw});\n`],
  ] as const) {
    assert.deepEqual(found(file, text), [], text);
  }
});

test("a VAPID key pair named by its halves: the private half is a secret, the public half is not (Overseerr's vapidPrivate/vapidPublic)", () => {
  const priv = ["oOInIGCsFG5AMQXv", "8bVu4LbIZYwXH8Hv", "t5s26KnL0c0"].join("");
  const pub = ["Bem6ogBzHi2q4qCql6bnV4utRv6IO0_L6dk_IIFa1jT", "jwFT5EH5A5A-v4Xwu_MHy0O9xUeBbRVFa612qbfMUiQg"].join("");
  assert.deepEqual(secretsIn("config/settings.json", `{\n  "vapidPrivate": "${priv}",\n  "vapidPublic": "${pub}"\n}\n`), [priv]);
  assert.deepEqual(secretsIn("push.ts", `const vapidPublic = "${pub}";\nconst vapidSubject = "mailto:push@example.org";\n`), []);
});

test("a map of user names to passwords named so by its program (Orthanc's RegisteredUsers, basic_auth_users): each value is judged as a password", () => {
  const pw1 = ["YhEE.Ypim", "d0yQ2tG21"].join("");
  const pw2 = ["FIyB3S9k5d", "66KsJg3r46"].join("");
  assert.deepEqual(secretsIn("orthanc.json", `{\n  "AuthenticationEnabled" : true,\n  "RegisteredUsers" : {\n    "radiology" : "${pw1}",\n    "ris-gateway" : "${pw2}"\n  }\n}\n`), [pw1, pw2]);
  assert.deepEqual(secretsIn("web.yml", `basic_auth_users:\n  alice: ${pw1}\n`), [pw1]);
  // Traps: bcrypt hashes, a reference, another map of users (names to roles), a single user's name.
  const bcrypt = "$2y$10$" + ["TGA0fXawyPKK3ChzYE4N1P", "cg9h/5nb35BRoPwVRMpOyCuZ/08YMba"].join("");
  assert.deepEqual(secretsIn("web.yml", `basic_auth_users:\n  alice: ${bcrypt}\n`), []);
  assert.deepEqual(secretsIn("orthanc.json", `{\n  "RegisteredUsers" : {\n    "radiology" : "\${ORTHANC_PW}"\n  }\n}\n`), []);
  assert.deepEqual(secretsIn("team.json", `{\n  "users" : {\n    "radiology" : "${pw1}"\n  }\n}\n`), []);
  assert.deepEqual(secretsIn("app.json", `{\n  "registeredUser" : "${pw1}"\n}\n`), []);
});

test("session 18: the label a line gives the PEM block below it is a name; a passphrase above its key and a key beside it are found", () => {
  const pem = (kind: string) => `-----BEGIN ${kind}-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${TOKEN}${TOKEN}\n-----END ${kind}-----\n`;
  const text =
    `PrivateKey=KAS-ECC-CDH_P-192_C0\n${pem("PRIVATE KEY")}\nPublicKey=KAS-ECC-CDH_P-192_C0-Peer-PUBLIC\n${pem("PUBLIC KEY")}\n` +
    `Derive=KAS-ECC-CDH_P-192_C0\nPeerKey=KAS-ECC-CDH_P-192_C0-Peer-PUBLIC\nSharedSecret=${HEX64}\n` +
    `secret_key=${TOKEN}\npassphrase=${PW}\n${pem("ENCRYPTED PRIVATE KEY")}`;
  const found = detectGeneric(text, fileInfo("test/recipes/evppkey_kas.txt")).map((h) => `${h.name}=${h.secret === TOKEN ? "TOKEN" : h.secret === PW ? "PW" : h.secret}`);
  assert.ok(!found.some((f) => f.startsWith("PrivateKey=") || f.startsWith("PeerKey=")), found.join(", "));
  assert.ok(found.includes("secret_key=TOKEN"), found.join(", "));
  assert.ok(found.includes("passphrase=PW"), found.join(", "));
});

test("session 18: Cocoa's objectForKey/boolForKey and an editor's bindKey name a key; a key assigned beside them is found", () => {
  const text =
    `return [self boolForKey: @"SOGoEnableDomainBasedUID"];\n` +
    `[self setInteger: newValue forKey: @"SOGoMailAutoMarkAsReadDelay"];\n` +
    `fullName = [self stringForKey: @"SOGoMailCustomFullName"];\n` +
    `editor.commands.addCommand({ bindKey: "Ctrl-Space|Ctrl-Shift-Space|Alt-Space" });\n` +
    `NSString *apiKey = @"${TOKEN}";\n`;
  assert.deepEqual(secretsIn("SoObjects/SOGo/SOGoUserDefaults.m", text), [TOKEN]);
});

test("typed value wrappers of exports (terraform output -json, DynamoDB JSON, Firestore) and one-item YAML lists (HTTP cassettes) name their value", () => {
  assert.deepEqual(secretsIn("outputs.json", `{\n  "db_password": { "sensitive": true, "type": "string", "value": "${PW}" }\n}\n`), [PW]);
  assert.deepEqual(secretsIn("ApiClients.json", `{"Items":[{"client_id":{"S":"mob"},"client_secret":{"S":"${TOKEN}"}}]}\n`), [TOKEN]);
  assert.deepEqual(secretsIn("export.json", `{"fields": {"apiToken": { "stringValue": "${TOKEN}" }}}\n`), [TOKEN]);
  assert.deepEqual(secretsIn("cassette.yml", `    headers:\n      X-Api-Key:\n      - ${TOKEN}\n      Accept:\n      - '*/*'\n`), [TOKEN]);
  // Not a value: an output that is not secret-named, a wrapper holding a reference, a list of several choices.
  assert.deepEqual(secretsIn("outputs.json", `{\n  "db_endpoint": { "sensitive": false, "type": "string", "value": "${TOKEN}" }\n}\n`), []);
  assert.deepEqual(secretsIn("export.json", `{"fields": {"apiToken": { "stringValue": "\${API_TOKEN}" }}}\n`), []);
  assert.deepEqual(secretsIn("openapi.yml", `security:\n  api_key:\n    - read\n    - write\n`), []);
  assert.deepEqual(secretsIn("cassette.yml", `      Authorization:\n      - Bearer <API_TOKEN>\n`), []);
});

test("session 21: Kubernetes names label keys and Secret entries under `key` (selectors, tolerations, secretKeyRef); a Secret's own value beside them is found", () => {
  // Label keys of a fuzzed object (Kubernetes' API round-trip testdata) look random; they are names, not keys.
  const labelKey = ["35--x9K.q2", "Zt7/w_Mw2r8T", "n-Yp5eB3v"].join("");
  const manifest =
    `spec:\n  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n` +
    `        - matchExpressions:\n          - key: ${labelKey}\n            operator: In\n          matchFields:\n          - key: ${labelKey}\n            operator: NotIn\n` +
    `  tolerations:\n  - key: ${labelKey}\n    operator: Exists\n    effect: NoSchedule\n` +
    `  containers:\n  - name: app\n    env:\n    - name: DB_PASSWORD\n      valueFrom:\n        secretKeyRef:\n          name: db\n          key: ${labelKey}\n` +
    `---\napiVersion: v1\nkind: Secret\nstringData:\n  apiKey: ${TOKEN}\n  encryption_key: ${PW}${TOKEN}\n`;
  assert.deepEqual(secretsIn("k8s/deployment.yaml", manifest), [TOKEN, PW + TOKEN]);
});
