import type { Rule } from "../src/scan/types.js";
import { assigned, custom } from "./build.js";
import { decodeBase64 } from "../src/scan/checksum.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, B64, HEX, checksummedToken, fake } from "./fake.js";

const pw = (seed: string): string => fake(ALNUM, 18, seed);
const b64 = (s: string): string => Buffer.from(s).toString("base64");

/**
 * The printable text a base64 value encodes, or undefined. One trailing line break is dropped: base64 made
 * with `echo "user:pass" | base64` (no `-n`) encodes the newline `echo` adds, and the credential is the
 * same (FileZilla, docker and npm configs written by hand or by scripts carry it).
 */
function base64Text(s: string): string | undefined {
  const text = decodeBase64(s)?.toString("utf8").replace(/\r?\n$/, "");
  return text !== undefined && /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

/** base64 of "user:password" with a real-looking password. */
function isUserPassPair(s: string): boolean {
  const text = base64Text(s);
  if (text === undefined) return false;
  const i = text.indexOf(":");
  return i > 0 && isRealPassword(text.slice(i + 1));
}

// Tokens a provider rule already reports (GitHub, GitLab, npm): a URL or file
// carrying one is reported once, by that rule.
const PROVIDER_TOKEN = /^(?:gh[pousr]_|github_pat_|glpat-|npm_)/;

export const rules: Rule[] = [
  // ~/.netrc: "machine <host> login <user> password <password>" (tokens may be
  // on one line or several). Used by curl, git, ftp, pip. "login" is required
  // and the password may not be quoted: prose about netrc ("machine id
  // password filename") is not an entry. Anonymous FTP logins (password =
  // an e-mail address by convention) are not credentials.
  custom({
    id: "netrc-password",
    description: "Netrc (~/.netrc) machine entry with a password",
    kind: "password",
    severity: "high",
    docs: "https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html",
    keywords: ["machine"],
    pattern: /(?<![A-Za-z0-9_])(?:machine[ \t]{1,10}[^\s"'`]{1,200}|default)\s{1,10}login[ \t]{1,10}(?!(?:anonymous|ftp)\s)[^\s"'`]{1,200}(?:\s{1,10}account[ \t]{1,10}[^\s"'`]{1,200})?\s{1,10}password[ \t]{1,10}(?<secret>[^\s"'`]{1,200})(?![^\s])/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`machine api.heroku.com\n  login ops@acme.io\n  password ${pw("netrc")}\n`, `machine git.acme.io login ci password ${pw("netrc2")}`],
        valid: ["default login anonymous password user@site.org", "machine api.example.com login me password $NETRC_PASSWORD", "the machine is idle", 'echomsg ":Nread \\"machine id password path\\""', 'machine HOSTNAME login USERID password "PASSWORD"'],
      };
    },
  }),
  // Postman collections (v2.1) keep an "API Key" auth as key/value pairs whose own key is the word
  // "value": `"apikey": [{"key": "value", "value": "<the key>"}, {"key": "key", "value": "X-API-Key"},
  // {"key": "in", "value": "header"}]` (https://schema.postman.com/collection/json/v2.1.0/draft-07/collection.json,
  // auth-attribute). Anchored on the pair, the enclosing "apikey" array checked behind it.
  custom({
    id: "postman-apikey-auth",
    description: "API key of a Postman collection's \"API Key\" auth",
    kind: "api-key",
    severity: "high",
    docs: "https://learning.postman.com/docs/sending-requests/authorization/authorization-types/#api-key",
    keywords: ['"apikey"'],
    pattern: /"key"[ \t]{0,4}:[ \t]{0,4}"value"[ \t]{0,4},\s{0,80}"value"[ \t]{0,4}:[ \t]{0,4}"(?<secret>[^"\\\s]{8,500})"(?<="apikey"[ \t]{0,4}:[ \t]{0,4}\[[^\]]{0,800})/,
    entropy: 3,
    get examples() {
      const k = fake(ALNUM, 32, "postman-apikey");
      return {
        invalid: [`"auth": {\n  "type": "apikey",\n  "apikey": [\n    {\n      "key": "value",\n      "value": "${k}",\n      "type": "string"\n    },\n    {\n      "key": "key",\n      "value": "X-API-Key",\n      "type": "string"\n    }\n  ]\n}`, `"apikey":[{"key":"key","value":"x-api-key"},{"key":"value","value":"${k}"}]`],
        valid: [`"apikey": [{"key": "value", "value": "{{apiKey}}", "type": "string"}]`, `"apikey": [{"key": "in", "value": "header"}], "variable": [{"key": "value", "value": "${k}"}]`],
      };
    },
  }),
  // ~/.pgpass: hostname:port:database:username:password, "*" as wildcard.
  custom({
    id: "pgpass-password",
    description: "PostgreSQL .pgpass entry with a password",
    kind: "database-credential",
    severity: "high",
    docs: "https://www.postgresql.org/docs/current/libpq-pgpass.html",
    keywords: [":5432:", ":*:"],
    // The password is the fifth and last field: a colon in it is escaped (`\:`), so an unescaped one means
    // more fields, as in /etc/shadow (`nobody:*:19700:0:99999:7:::`), not a .pgpass line.
    pattern: /^(?:[A-Za-z0-9_.-]{1,200}|\*):(?:\d{1,5}|\*):[^:\s]{1,100}:[^:\s]{1,100}:(?<secret>(?:[^\s:\\]|\\\S){1,200})$/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`db.acme.internal:5432:*:app:${pw("pgpass")}\n`, `localhost:*:*:postgres:${pw("pgpass2")}`, `db:5432:*:app:${pw("pgpass3")}\\:x`],
        valid: ["localhost:5432:*:postgres:postgres", "# hostname:port:database:username:password", "nobody:*:19700:0:99999:7:::", `backup:*:19700:0:${fake(ALNUM, 12, "shadow")}:7:::`],
      };
    },
  }),
  // ~/.git-credentials (credential-store): https://user:token@host per line.
  custom({
    id: "git-credentials-url",
    description: "Git credential-store URL with a password or token for a Git host",
    kind: "password",
    severity: "high",
    docs: "https://git-scm.com/docs/git-credential-store#_storage_format",
    keywords: ["github.com", "gitlab", "bitbucket.org", "dev.azure.com", "visualstudio.com", "codeberg.org", "git."],
    pattern: /https?:\/\/(?<user>[^:/?#\s@"'`<>]{1,128}):(?!\k<user>@)(?<secret>[^@/?#\s"'`<>]{1,256})@(?:github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com|[a-z0-9-]{1,63}\.visualstudio\.com|codeberg\.org|gitea\.com|git\.[a-z0-9.-]{1,100})(?![a-z0-9.-]*\.(?:example|test|invalid)\b)/i,
    validate: (s) => isRealPassword(s) && !PROVIDER_TOKEN.test(s),
    get examples() {
      return {
        invalid: [`https://deploy:${pw("gitcred")}@git.acme.io`, `https://ci-bot:${pw("gitcred2")}@bitbucket.org/acme/app.git`],
        valid: ["https://user:${GIT_TOKEN}@github.com/acme/app.git", "https://github.com/acme/app.git", `https://x-access-token:${checksummedToken("ghs_", "gitcred")}@github.com/acme/app.git`],
      };
    },
  }),
  // .npmrc registry auth: "//registry/:_authToken=…", "_auth=base64(user:pass)",
  // "_password=base64(pass)".
  custom({
    id: "npmrc-auth-token",
    description: "Npmrc registry _authToken (tokens other than npm_…, which npm-access-token reports)",
    kind: "token",
    severity: "high",
    docs: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    keywords: ["_authtoken"],
    // At a line start or after the registry's `:` (`//host/path/:_authToken=…`), the value running to the
    // end of the line: minified JavaScript (`this._authToken=null,this._refresh…`, `_authToken=e`) is code.
    pattern: /(?:^|:)[ \t]{0,4}_authToken[ \t]{0,4}=[ \t]{0,4}(["']?)(?!npm_)(?=(?<secret>[^\s"'$,;(){}:]{16,500}))\k<secret>\1[ \t]{0,4}(?:#[^\n]{0,200})?$/im,
    entropy: 3.5,
    validate: (s) => !PROVIDER_TOKEN.test(s),
    get examples() {
      return {
        invalid: [`//npm.pkg.github.com/:_authToken=${fake(ALNUM, 40, "npmrc")}`, `//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=${fake(B64, 64, "npmrc2")}`],
        valid: [
          "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
          "//somewhere-else.com/myorg/:_authToken=MYTOKEN1",
          `//registry.npmjs.org/:_authToken=${checksummedToken("npm_", "npmrc-npm")}`,
          '!function(e){var t=function(){function t(e){this._authToken=null,this._refreshToken=e&&e.refresh||null,this.base="https://api.example.com"}return t}()}(window);',
          "t.prototype.setToken=function(e){this._authToken=e,this._authTokenExpiry=Date.now()+36e5,this.emit(\"token\")};",
        ],
      };
    },
  }),
  custom({
    id: "npmrc-auth",
    description: "Npmrc _auth (base64 of user:password)",
    kind: "password",
    severity: "high",
    docs: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    keywords: ["_auth"],
    pattern: /(?<![A-Za-z0-9_])_auth[ \t]{0,4}=[ \t]{0,4}["']?(?<secret>[A-Za-z0-9+/]{8,500}={0,2})(?![A-Za-z0-9+/=])/,
    validate: isUserPassPair,
    get examples() {
      return {
        invalid: [`//nexus.acme.io/repository/npm/:_auth=${b64(`ci:${pw("npmauth")}`)}`, `_auth = ${b64(`deploy:${pw("npmauth2")}`)}`],
        valid: ["_auth=${NPM_AUTH}", `_auth=${b64("user:password")}`],
      };
    },
  }),
  custom({
    id: "npmrc-password",
    description: "Npmrc _password (base64 password for a registry)",
    kind: "password",
    severity: "high",
    docs: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    keywords: ["_password"],
    // The value runs to the line's end (or a closing quote): `$this->_password="anon@ftp.com"` in PHP is not one.
    pattern: /(?<![A-Za-z0-9_])_password[ \t]{0,4}=[ \t]{0,4}["']?(?<secret>[A-Za-z0-9+/]{4,500}={0,2})(?=["']?[ \t]*(?:[;#\r\n]|$))/,
    validate: (s) => {
      const text = base64Text(s);
      return text !== undefined && isRealPassword(text);
    },
    get examples() {
      return {
        invalid: [`//nexus.acme.io/repository/npm/:_password=${b64(pw("npmpass"))}`],
        valid: ["//nexus.acme.io/repository/npm/:_password=${NEXUS_PASSWORD_B64}", `_password=${b64("password")}`, '$this->_password="anon@ftp.com";'],
      };
    },
  }),
  // Docker client config (~/.docker/config.json): "auths": {"host": {"auth": base64(user:pass)}}.
  custom({
    id: "docker-config-auth",
    description: "Docker config.json registry auth (base64 of user:password)",
    kind: "password",
    severity: "high",
    docs: "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
    keywords: ["auths"],
    pattern: /"auth"[ \t]{0,4}:[ \t]{0,4}"(?<secret>[A-Za-z0-9+/]{8,1000}={0,2})"/,
    validate: isUserPassPair,
    get examples() {
      return {
        invalid: [JSON.stringify({ auths: { "registry.acme.io": { auth: b64(`ci:${pw("docker")}`) } } }, null, 2), JSON.stringify({ auths: { "registry.acme.io": { auth: b64(`ci:${pw("docker-echo")}\n`) } } })],
        valid: [JSON.stringify({ auths: { "registry.acme.io": {} }, credsStore: "desktop" }, null, 2), JSON.stringify({ auths: { "x.io": { auth: b64("user:password") } } })],
      };
    },
  }),
  // nginx reads RFC 2307 `{scheme}data` entries in an auth_basic_user_file, and `{PLAIN}` is the password
  // itself ("an example one, should not be used": https://nginx.org/en/docs/http/ngx_http_auth_basic_module.html).
  // Hashed entries ({SHA}, {SSHA}, $apr1$, crypt, bcrypt) are not reported: a hash is not the credential,
  // cannot be moved to Vault without breaking the server that checks it, and no peer scanner reports one
  // (docs/detection.md "Known gaps, session 7").
  custom({
    id: "htpasswd-plaintext-password",
    description: "htpasswd entry whose password is stored in plaintext ({PLAIN} scheme)",
    kind: "password",
    severity: "high",
    docs: "https://nginx.org/en/docs/http/ngx_http_auth_basic_module.html#auth_basic_user_file",
    keywords: ["{plain}"],
    pattern: /^[A-Za-z0-9._@-]{1,64}:\{PLAIN\}(?<secret>[^\s:]{1,128})(?::[^\n]{0,200})?$/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`admin:{PLAIN}${pw("htplain")}\n`, `ops:{PLAIN}${pw("htplain2")}:on-call account`],
        valid: [`admin:{SHA}${fake(B64, 27, "htsha")}=`, `deploy:$apr1$${fake(ALNUM, 8, "apr")}$${fake(ALNUM + "./", 22, "apr")}`, "# user:{PLAIN}secret", "admin:{PLAIN}changeme"],
      };
    },
  }),
  // Maven settings.xml <server><password>…</password>; ${env.X} references and
  // {…} master-password-encrypted values are not plaintext.
  custom({
    id: "maven-settings-password",
    description: "Plaintext <password> in Maven settings.xml or another XML config",
    kind: "password",
    severity: "high",
    docs: "https://maven.apache.org/settings.html#servers",
    keywords: ["<password>"],
    pattern: /<password>[ \t]{0,4}(?<secret>[^<\s${][^<\r\n]{0,200}?)[ \t]{0,4}<\/password>/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`<server>\n  <id>nexus</id>\n  <username>deploy</username>\n  <password>${pw("mvn")}</password>\n</server>`],
        valid: ["<password>${env.NEXUS_PASSWORD}</password>", `<password>{${fake(B64, 44, "mvnenc")}}</password>`, "<password>changeme</password>"],
      };
    },
  }),
  // wp-config.php: define('DB_PASSWORD', '…') and the eight authentication keys and salts. WordPress's
  // own wp-config-sample.php and the salts from https://api.wordpress.org/secret-key/1.1/salt/ align the
  // values in a column (`define( 'AUTH_SALT',        '…' );`), so up to 40 blanks after the comma.
  custom({
    id: "wordpress-config-secret",
    description: "WordPress wp-config.php database password or authentication key/salt",
    kind: "password",
    severity: "high",
    docs: "https://developer.wordpress.org/apis/wp-config-php/",
    keywords: ["define("],
    pattern: /define\([ \t]{0,4}['"](?:DB_PASSWORD|(?:SECURE_)?AUTH_(?:KEY|SALT)|LOGGED_IN_(?:KEY|SALT)|NONCE_(?:KEY|SALT))['"][ \t]{0,4},[ \t]{0,40}(?<q>['"])(?<secret>(?:(?!\k<q>)[^\\\r\n]){3,200})\k<q>[ \t]{0,4}\)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `define( 'DB_PASSWORD', '${pw("wp")}' );`,
          `define('AUTH_KEY', '${fake(ALNUM + "!@#%^&*()-_[]{};:,.<>?~", 64, "wpkey")}');`,
          // The salt API's alignment, and a salt that holds printf-like `%d` and `;)` (random punctuation).
          `define( 'AUTH_SALT',        '${fake(ALNUM, 12, "wpsalt1")}%d;)${fake(ALNUM + "!@#%^&*()-_[]{};:,.<>?~", 38, "wpsalt2")}%s|${fake(ALNUM, 8, "wpsalt3")}' );`,
          // A salt that opens with `{` or `<`, as one in fifteen does.
          `define( 'NONCE_SALT',       '{${fake(ALNUM + "!@#%^&*()-_[]{};:,.<>?~ ", 63, "wpsalt4")}' );`,
        ],
        valid: ["define( 'DB_PASSWORD', 'password_here' );", "define( 'AUTH_KEY', 'put your unique phrase here' );", "define( 'NONCE_SALT',       'put your unique phrase here' );", "define( 'DB_PASSWORD', getenv('DB_PASSWORD') );"],
      };
    },
  }),
  // Rails secret_key_base: 128 hex (rails secret).
  assigned({
    id: "rails-secret-key-base",
    description: "Ruby on Rails secret_key_base (128 hex) in configuration",
    kind: "generic-secret",
    severity: "high",
    docs: "https://guides.rubyonrails.org/security.html#custom-credentials",
    names: "secret[_.-]?key[_.-]?base",
    value: "[a-f0-9]{128}",
    keywords: ["secret_key_base", "secretkeybase", "secret-key-base", "secret.key.base"],
    get sample() { return fake(HEX, 128, "rails"); },
    env: "SECRET_KEY_BASE",
  }),
  // Django SECRET_KEY: 50 characters from a 50-symbol alphabet; startproject
  // writes "django-insecure-" + key for development settings.
  custom({
    id: "django-secret-key",
    description: "Django SECRET_KEY literal in settings",
    kind: "generic-secret",
    severity: "high",
    docs: "https://docs.djangoproject.com/en/stable/ref/settings/#secret-key",
    keywords: ["secret_key"],
    pattern: /SECRET_KEY[ \t]{0,4}=[ \t]{0,4}(?<q>['"])(?<secret>(?:django-insecure-)?[a-z0-9!@#$%^&*(\-_=+)]{40,100})\k<q>/,
    entropy: 4.2,
    get examples() {
      return {
        invalid: [`SECRET_KEY = '${fake("abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)", 50, "django")}'`, `SECRET_KEY = "django-insecure-${fake("abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)", 50, "django2")}"`],
        valid: ["SECRET_KEY = os.environ['DJANGO_SECRET_KEY']", "SECRET_KEY = 'django-insecure-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"],
      };
    },
  }),
  // Magento 2 app/etc/env.php: `'crypt' => ['key' => '…']`, the key that encrypts payment and integration
  // credentials in the database: 32 characters (hex before 2.4.7), or "base64" + a base64 key since
  // (https://experienceleague.adobe.com/en/docs/commerce-operations/configuration-guide/files/config-reference-envphp#crypt).
  custom({
    id: "magento-crypt-key",
    description: "Magento env.php crypt key (encrypts stored credentials)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://experienceleague.adobe.com/en/docs/commerce-operations/configuration-guide/files/config-reference-envphp#crypt",
    keywords: ["'crypt'", '"crypt"'],
    pattern: /['"]crypt['"][ \t]{0,4}=>[ \t]{0,4}(?:\[|array[ \t]{0,4}\()\s{0,60}['"]key['"][ \t]{0,4}=>[ \t]{0,4}['"](?<secret>(?:base64)?[A-Za-z0-9+/=]{32,200})['"]/,
    entropy: 3.2,
    get examples() {
      return {
        invalid: [`'crypt' => [\n    'key' => '${fake(HEX, 32, "magento")}'\n],`, `'crypt' => array ('key' => 'base64${fake(B64, 43, "magento2")}=')`],
        valid: ["'crypt' => ['key' => getenv('MAGENTO_CRYPT_KEY')]", `'crypt' => ['key' => '${"0".repeat(32)}']`],
      };
    },
  }),
  // Laravel APP_KEY: "base64:" + a 32-byte key in base64.
  custom({
    id: "laravel-app-key",
    description: "Laravel APP_KEY (base64:…) encryption key",
    kind: "generic-secret",
    severity: "high",
    docs: "https://laravel.com/docs/encryption#configuration",
    keywords: ["app_key"],
    pattern: /APP_KEY[ \t]{0,4}[=:][ \t]{0,4}["']?base64:(?<secret>[A-Za-z0-9+/]{43}=)/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`APP_KEY=base64:${fake(B64, 43, "laravel")}=`],
        valid: ["APP_KEY=", "APP_KEY=base64:${LARAVEL_KEY}"],
      };
    },
  }),
  // Symfony APP_SECRET: 32 hex generated by the recipe.
  assigned({
    id: "symfony-app-secret",
    description: "Symfony APP_SECRET (32 hex) in configuration",
    kind: "generic-secret",
    severity: "medium",
    docs: "https://symfony.com/doc/current/reference/configuration/framework.html#secret",
    names: "app[_.-]?secret",
    value: "[a-f0-9]{32}",
    keywords: ["app_secret", "appsecret", "app-secret", "app.secret"],
    get sample() { return fake(HEX, 32, "symfony"); },
    env: "APP_SECRET",
  }),
  // HAProxy: `stats auth <user>:<password>` protects the statistics page, and userlists declare
  // `user <name> insecure-password <password>` in clear text
  // (https://docs.haproxy.org/2.8/configuration.html#4.2-stats%20auth, #3.4-user).
  custom({
    id: "haproxy-password",
    description: "HAProxy clear-text password (stats auth user:password, userlist insecure-password)",
    kind: "password",
    severity: "high",
    docs: "https://docs.haproxy.org/2.8/configuration.html#4.2-stats%20auth",
    keywords: ["stats auth", "insecure-password"],
    // A password equal to its user name (`stats auth readonly:readonly`) is a demo stand-in, as in URLs.
    pattern: /^[ \t]{0,16}(?:stats[ \t]{1,8}auth[ \t]{1,8}(?<user>[^\s:]{1,64}):(?!\k<user>(?:[\s#]|$))|user[ \t]{1,8}\S{1,64}[ \t]{1,8}insecure-password[ \t]{1,8})(?<secret>[^\s#]{4,128})/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`listen stats\n  bind *:8404\n  stats auth admin:${fake(ALNUM, 18, "haproxy")}\n`, `userlist ops\n  user alice insecure-password ${fake(ALNUM, 16, "haproxy2")}\n`],
        valid: ["  stats auth admin:admin\n", "  stats auth readonly:readonly\n", '  stats auth admin:"${STATS_PASSWORD}"\n', "  user alice password $6$saltsalt$hashhashhash\n"],
      };
    },
  }),
  // FileZilla keeps site passwords in sitemanager.xml / recentservers.xml as `<Pass encoding="base64">`:
  // base64 of the clear text, not encryption (a master password stores `encoding="crypt"` instead).
  // https://wiki.filezilla-project.org/Site_Manager
  custom({
    id: "filezilla-password",
    description: "FileZilla saved site password (base64 of the clear text in sitemanager.xml / recentservers.xml)",
    kind: "password",
    severity: "high",
    docs: "https://wiki.filezilla-project.org/Site_Manager",
    keywords: ['encoding="base64"'],
    pattern: /<Pass[ \t]{1,8}encoding="base64"[ \t]{0,8}>(?<secret>[A-Za-z0-9+/]{4,512}={0,2})<\/Pass>/,
    validate: (s) => {
      const text = base64Text(s);
      return text !== undefined && isRealPassword(text);
    },
    get examples() {
      return {
        invalid: [`<Server>\n  <User>web</User>\n  <Pass encoding="base64">${b64(pw("filezilla"))}</Pass>\n</Server>`, `<Pass encoding="base64">${b64(`${pw("filezilla-echo")}\n`)}</Pass>`],
        valid: [`<Pass encoding="base64">${b64("password")}</Pass>`, `<Pass encoding="base64">${b64("password\n")}</Pass>`, `<Pass encoding="base64">${b64(`${pw("filezilla-2nl")}\n\n`)}</Pass>`, `<Pass encoding="crypt" pubkey="${fake(B64, 64, "fz")}">${fake(B64, 64, "fz2")}</Pass>`],
      };
    },
  }),
  // LDIF (RFC 2849 §2): `attr:: <base64>` holds a value that is not safe as text; for userPassword that is
  // the clear text (a hashed one reads `{SSHA}…` once decoded, and is left alone).
  custom({
    id: "ldif-user-password",
    description: "LDIF userPassword in clear text (base64 after `userPassword::`)",
    kind: "password",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc2849#section-2",
    keywords: ["userpassword::"],
    pattern: /^userPassword::[ \t]{0,8}(?<secret>[A-Za-z0-9+/]{4,512}={0,2})[ \t]*$/im,
    validate: (s) => {
      const text = base64Text(s);
      return text !== undefined && !/^\{[A-Za-z0-9.-]{2,20}\}/.test(text) && isRealPassword(text);
    },
    get examples() {
      return {
        invalid: [`dn: cn=admin,dc=acme,dc=com\nuserPassword:: ${b64(pw("ldif"))}\n`],
        valid: [`userPassword:: ${b64("{SSHA}" + fake(B64, 32, "ldif-ssha"))}\n`, `userPassword: {SSHA}${fake(B64, 32, "ldif-ssha2")}\n`, `userPassword:: ${b64("changeme")}\n`],
      };
    },
  }),
  // Redis MONITOR output and slowlog dumps quote every argument: `"AUTH" "<password>"`, the ACL form
  // `"AUTH" "<user>" "<password>"` (Redis ≥ 6) and `"HELLO" "3" "AUTH" "<user>" "<password>"`.
  // https://redis.io/docs/latest/commands/auth/, https://redis.io/docs/latest/commands/monitor/
  custom({
    id: "redis-monitor-auth",
    description: "Redis AUTH password in MONITOR or slowlog output (\"AUTH\" \"…\")",
    kind: "password",
    severity: "high",
    docs: "https://redis.io/docs/latest/commands/monitor/",
    keywords: ['"auth" "'],
    pattern: /"AUTH"[ \t]{1,4}(?:"[^"\s]{1,64}"[ \t]{1,4})?"(?<secret>(?:[^"\\\n]|\\.){4,256})"[ \t]*$/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`1712052001.123456 [0 10.0.3.14:53122] "AUTH" "${pw("redis-mon")}"`, `1712052001.140998 [0 10.0.3.17:40112] "HELLO" "3" "AUTH" "worker" "${pw("redis-mon2")}"`],
        valid: ['1712052001.123456 [0 10.0.3.14:53122] "AUTH" "(redacted)"', '"AUTH" "default" "password"', '"GET" "auth:session"'],
      };
    },
  }),
  // Kaggle's API credentials file, ~/.kaggle/kaggle.json: `{"username":"…","key":"<32 hex>"}`.
  // https://github.com/Kaggle/kaggle-api#api-credentials
  custom({
    id: "kaggle-api-key",
    description: "Kaggle API key (kaggle.json username and 32-hex key)",
    kind: "api-key",
    severity: "high",
    docs: "https://github.com/Kaggle/kaggle-api#api-credentials",
    keywords: ['"username"'],
    pattern: /"username"[ \t]{0,4}:[ \t]{0,4}"[^"\s]{1,64}"[ \t]{0,4},[ \t]{0,4}"key"[ \t]{0,4}:[ \t]{0,4}"(?<secret>[0-9a-f]{32})"/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`{"username":"alicesmith","key":"${fake(HEX, 32, "kaggle")}"}`],
        valid: [`{"username":"alicesmith","key":"${"0".repeat(32)}"}`, `{"username":"alice","key":"api_token"}`],
      };
    },
  }),
  // Subversion's credential cache (~/.subversion/auth/svn.simple/<md5 of realm>): a hash dump
  // (`K <len>\nkey\nV <len>\nvalue`) that holds `password` in clear when the client was allowed to store
  // plaintext passwords (no keyring). https://svnbook.red-bean.com/en/1.7/svn.serverconfig.netmodel.html#svn.serverconfig.netmodel.credcache
  custom({
    id: "svn-simple-password",
    description: "Subversion cached plaintext password (auth/svn.simple credential file)",
    kind: "password",
    severity: "high",
    docs: "https://svnbook.red-bean.com/en/1.7/svn.serverconfig.netmodel.html#svn.serverconfig.netmodel.credcache",
    keywords: ["svn:realmstring"],
    pattern: /^K 8\r?\npassword\r?\nV \d{1,4}\r?\n(?<secret>[^\r\n]{1,256})$/m,
    validate: isRealPassword,
    get examples() {
      const p = pw("svn-simple");
      return {
        invalid: [`K 8\npasstype\nV 6\nsimple\nK 8\npassword\nV ${p.length}\n${p}\nK 15\nsvn:realmstring\nV 38\n<https://svn.acme.io:443> Acme SVN repo\nK 8\nusername\nV 5\nalice\nEND\n`],
        valid: ["K 8\npasstype\nV 8\ngnome-keyring\nK 15\nsvn:realmstring\nV 38\n<https://svn.acme.io:443> Acme SVN repo\nK 8\nusername\nV 5\nalice\nEND\n", "K 8\npassword\nV 8\npassword\nK 15\nsvn:realmstring\nV 3\n<x>\nEND\n"],
      };
    },
  }),
  // Django's user manager takes the password as the third positional argument:
  // `create_superuser(username, email, password)` and `create_user(username, email, password)`
  // (https://docs.djangoproject.com/en/stable/ref/contrib/auth/#django.contrib.auth.models.UserManager.create_superuser),
  // the line every seed and bootstrap script writes the admin's password in.
  custom({
    id: "django-create-user-password",
    description: "Password literal passed to Django's create_superuser()/create_user()",
    kind: "password",
    severity: "high",
    docs: "https://docs.djangoproject.com/en/stable/ref/contrib/auth/#django.contrib.auth.models.UserManager.create_superuser",
    keywords: ["create_superuser(", "create_user("],
    pattern: /\bcreate_(?:super)?user\([ \t]{0,4}(?:username=)?["'][^"'\n]{1,100}["'][ \t]{0,4},[ \t]{0,4}(?:email=)?["'][^"'\n]{0,100}["'][ \t]{0,4},[ \t]{0,4}(?:password=)?["'](?<secret>[^"'\n]{4,200})["']/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`User.objects.create_superuser("ops-admin", "ops@example.com", "${pw("django-su")}")`, `get_user_model().objects.create_user('svc', '', password='${pw("django-u")}')`],
        valid: ['User.objects.create_superuser("admin", "admin@example.com", os.environ["ADMIN_PASSWORD"])', 'create_user("alice", "alice@example.com", "password")', 'create_superuser("admin", "a@b.c", "changeme")'],
      };
    },
  }),
  // sbt's inline credentials: `Credentials(realm, host, user, password)`
  // (https://www.scala-sbt.org/1.x/docs/Publishing.html#Credentials); the one-argument form names a file.
  custom({
    id: "sbt-credentials-password",
    description: "Password in sbt's Credentials(realm, host, user, password)",
    kind: "password",
    severity: "high",
    docs: "https://www.scala-sbt.org/1.x/docs/Publishing.html#Credentials",
    keywords: ["credentials("],
    pattern: /\bCredentials\([ \t]{0,4}"[^"\n]{0,100}"[ \t]{0,4},[ \t]{0,4}"[^"\n]{1,200}"[ \t]{0,4},[ \t]{0,4}"[^"\n]{1,100}"[ \t]{0,4},[ \t]{0,4}"(?<secret>[^"\n]{4,200})"[ \t]{0,4}\)/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`credentials += Credentials("Sonatype Nexus Repository Manager", "s01.oss.sonatype.org", "mia", "${pw("sbt")}")`],
        valid: ['credentials += Credentials(Path.userHome / ".sbt" / ".credentials")', 'credentials += Credentials("Realm", "host", "user", sys.env("SONATYPE_PASSWORD"))', 'Credentials("Realm", "host", "user", "changeme")'],
      };
    },
  }),
  // Yarn Berry's `npmAuthIdent: "user:password"` (.yarnrc.yml, per registry or scope), sent as Basic
  // auth (https://yarnpkg.com/configuration/yarnrc#npmAuthIdent); the base64 form is read the same.
  custom({
    id: "yarnrc-npm-auth-ident",
    description: "user:password in .yarnrc.yml npmAuthIdent",
    kind: "password",
    severity: "high",
    docs: "https://yarnpkg.com/configuration/yarnrc#npmAuthIdent",
    keywords: ["npmauthident"],
    pattern: /\bnpmAuthIdent:[ \t]{0,4}["']?[^:"'\s$]{1,100}:(?<secret>[^"'\s]{4,200})["']?/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`npmRegistries:\n  "https://npm.example.io":\n    npmAuthIdent: "mia:${pw("yarn-ident")}"`],
        valid: ['npmAuthIdent: "${NPM_AUTH_IDENT}"', 'npmAuthIdent: "user:changeme"'],
      };
    },
  }),
  // Windows NT hashes in a pwdump/secretsdump or smbpasswd line, `user:RID:LM:NT:…`: the NT hash logs in
  // by itself (pass-the-hash, NTLM and MSCHAPv2), so it is a password, not a one-way record. The LM column
  // is a hash, the empty-LM constant (aad3b435b51404ee…) or X/* filler; the NT column must not be filler.
  custom({
    id: "windows-nt-hash-dump",
    description: "Windows NT hash in a pwdump, secretsdump or smbpasswd line (user:RID:LM:NT:…)",
    kind: "password",
    severity: "high",
    docs: "https://www.samba.org/samba/docs/current/man-html/smbpasswd.5.html",
    keywords: ["aad3b435b51404ee", "xxxxxxxxxxxxxxxx", "****************"],
    pattern: /^[^\s:]{1,104}:[0-9]{1,10}:(?:[0-9A-Fa-f]{32}|X{32}|\*{32}|NO PASSWORD\*{21}):(?<secret>[0-9A-Fa-f]{32}):/m,
    entropy: 3,
    get examples() {
      const nt = fake(HEX, 32, "nt-hash").toUpperCase();
      return {
        invalid: [`dana:1000:${"X".repeat(32)}:${nt}:[U          ]:LCT-671C3B2A:`, `Administrator:500:aad3b435b51404eeaad3b435b51404ee:${fake(HEX, 32, "nt-hash2")}:::`],
        valid: [`guest:501:${"X".repeat(32)}:${"X".repeat(32)}:[UD         ]:LCT-00000000:`, `root:0:${"*".repeat(32)}:${"0".repeat(32)}:::`],
      };
    },
  }),
  // FreeRADIUS users file: `NT-Password := 0x<32 hex>` (or bare hex), the same password-equivalent hash.
  custom({
    id: "freeradius-nt-password",
    description: "FreeRADIUS NT-Password attribute (an NT hash, usable for MSCHAPv2 as is)",
    kind: "password",
    severity: "high",
    docs: "https://www.freeradius.org/documentation/freeradius-server/4.0.0/reference/raddb/mods-config/files/users.html",
    keywords: ["nt-password"],
    pattern: /\bNT-Password[ \t]{0,4}:?=[ \t]{0,4}["']?(?:0x)?(?<secret>[0-9A-Fa-f]{32})(?![0-9A-Za-z])/i,
    entropy: 3,
    get examples() {
      return {
        invalid: [`kiosk\tNT-Password := 0x${fake(HEX, 32, "radius-nt").toUpperCase()}`],
        valid: [`kiosk\tNT-Password := 0x${"0".repeat(32)}`, 'kiosk\tNT-Password := "%{sql:SELECT nt FROM users}"'],
      };
    },
  }),
  // A Kerberos keytab pasted as base64 (a Kubernetes Secret's data, a CI variable): the file starts with
  // version 0x05 0x02 and a 4-byte entry length below 64 KiB, so its base64 starts `BQIAAA`
  // (https://web.mit.edu/kerberos/krb5-1.12/doc/formats/keytab_file_format.html). Its entries hold the
  // principal's long-term keys: whoever has the file is the principal.
  custom({
    id: "kerberos-keytab-base64",
    description: "Kerberos keytab file in base64 (BQIAAA…): a service principal's long-term keys",
    kind: "private-key",
    severity: "critical",
    docs: "https://web.mit.edu/kerberos/krb5-1.12/doc/formats/keytab_file_format.html",
    keywords: ["bqiaaa"],
    pattern: /(?<![A-Za-z0-9+/=])(?<secret>BQIAAA[A-Za-z0-9+/]{60,65536}={0,2})(?![A-Za-z0-9+/=])/,
    entropy: 4,
    validate: (s) => {
      const bytes = decodeBase64(s.slice(0, 64));
      // Version 0x0502, then the first entry's principal: a component count (2 bytes) below 16.
      return bytes !== undefined && bytes[0] === 5 && bytes[1] === 2 && bytes[6] === 0 && (bytes[7] ?? 16) < 16;
    },
    get examples() {
      const keytab = (seed: string) => Buffer.concat([Buffer.from([5, 2, 0, 0, 0, 0x47, 0, 2, 0, 17]), Buffer.from("EXAMPLE.COM"), Buffer.from(fake(B64, 90, seed), "base64")]).toString("base64");
      return {
        invalid: [`data:\n  krb5.keytab: ${keytab("keytab")}\n`],
        valid: [`data:\n  krb5.keytab: BQIAAA${"A".repeat(80)}\n`, `icon: iVBORw0KGgoAAAANSUhEUgAAABQIAAA${fake(B64, 80, "keytab-png")}`],
      };
    },
  }),
  // Key files whose one line is the key: Synapse's signing key (`ed25519 a_XXXX <base64 seed>`, the
  // homeserver's identity: whoever has it signs events as the server,
  // https://element-hq.github.io/synapse/latest/usage/configuration/config_documentation.html#signing_key_path),
  // a Tailscale/Headscale machine or node key (`privkey:<64 hex>`, the form Tailscale prints private keys
  // in; `nodekey:`/`mkey:`/`discokey:` are public), and a ZeroTier identity.secret
  // (`<10-hex address>:0:<128-hex public>:<128-hex private>`).
  custom({
    id: "synapse-signing-key",
    description: "Matrix Synapse signing key file (ed25519 a_… <base64 seed>)",
    kind: "private-key",
    severity: "critical",
    docs: "https://element-hq.github.io/synapse/latest/usage/configuration/config_documentation.html#signing_key_path",
    keywords: ["ed25519 a_"],
    pattern: /^[ \t]{0,8}ed25519[ \t]a_[A-Za-z0-9_]{1,16}[ \t](?<secret>[A-Za-z0-9+/_-]{43})=?[ \t]*$/m,
    entropy: 4,
    get examples() {
      return {
        invalid: [`ed25519 a_l1W8 ${fake(B64, 43, "synapse-key")}\n`],
        valid: [`ed25519 a_l1W8 ${"A".repeat(43)}\n`, `old_signing_keys:\n  "ed25519:a_l1W8": { key: "${fake(B64, 43, "synapse-pub")}" }`],
      };
    },
  }),
  custom({
    id: "tailscale-private-key",
    description: "Tailscale/Headscale private key (privkey:<64 hex>)",
    kind: "private-key",
    severity: "critical",
    docs: "https://github.com/tailscale/tailscale/blob/main/types/key/machine.go",
    keywords: ["privkey:"],
    pattern: /(?<![A-Za-z0-9_-])privkey:(?<secret>[0-9a-f]{64})(?![0-9A-Za-z])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`privkey:${fake(HEX, 64, "headscale")}\n`],
        valid: [`nodekey:${fake(HEX, 64, "headscale-pub")}`, `privkey:${"0".repeat(64)}`],
      };
    },
  }),
  custom({
    id: "zerotier-identity-secret",
    description: "ZeroTier identity.secret (address:0:public:private)",
    kind: "private-key",
    severity: "critical",
    docs: "https://docs.zerotier.com/protocol/#identities",
    keywords: [":0:"],
    pattern: /(?<![0-9a-f])[0-9a-f]{10}:0:[0-9a-f]{128}:(?<secret>[0-9a-f]{128})(?![0-9a-f])/,
    entropy: 3,
    get examples() {
      return {
        invalid: [`${fake(HEX, 10, "zt")}:0:${fake(HEX, 128, "zt-pub")}:${fake(HEX, 128, "zt-priv")}\n`],
        valid: [`${fake(HEX, 10, "zt")}:0:${fake(HEX, 128, "zt-pub")}\n`],
      };
    },
  }),
  // Debian installer preseeding and debconf-set-selections: `<owner> <question> <type> <value>`, where a
  // question of type `password` holds the answer in clear (`d-i passwd/user-password password …`,
  // `d-i partman-crypto/passphrase password …`, `mysql-server mysql-server/root_password password …`;
  // https://www.debian.org/releases/stable/amd64/apbs04.en.html). The `-crypted` questions take a crypt(3) hash
  // or a GRUB PBKDF2 string, which is not the password.
  custom({
    id: "debconf-preseed-password",
    description: "Password answered in a Debian preseed file or debconf-set-selections line",
    kind: "password",
    severity: "high",
    docs: "https://www.debian.org/releases/stable/amd64/apbs04.en.html",
    keywords: ["d-i ", "debconf-set-selections"],
    pattern: /(?:^|["'])[ \t]{0,8}(?:d-i|[a-z0-9][a-z0-9.+-]{1,60})[ \t]{1,8}[a-z0-9][\w.+-]{0,60}\/[\w\/.+-]{1,120}[ \t]{1,8}password[ \t]{1,8}(?<secret>[^\s"'$][^\s"']{2,127})(?=[ \t]*(?:["'|]|$))/m,
    // `r00tme` and `insecure` are the answers of Debian's own example-preseed.txt, copied into every tutorial.
    validate: (s) => !/^\$(?:1|2[abxy]|5|6|y|gy|7)\$/.test(s) && !/^grub\.pbkdf2\./.test(s) && s !== "r00tme" && s !== "insecure" && isRealPassword(s),
    get examples() {
      return {
        invalid: [`d-i passwd/user-password password ${pw("preseed")}`, `d-i partman-crypto/passphrase-again password ${pw("preseed2")}`, `echo "mysql-server mysql-server/root_password password ${pw("preseed3")}" | debconf-set-selections`],
        valid: [
          "d-i passwd/root-password-crypted password $6$rounds=4096$abcdefgh$QmFzZTY0SGFzaFZhbHVlSGVyZQ",
          "d-i grub-installer/password-crypted password grub.pbkdf2.sha512.10000.ABCDEF.0123456789",
          "d-i passwd/user-password password insecure",
          "d-i passwd/user-password-again password $PASSWORD",
          "d-i passwd/root-login boolean false",
          "#d-i passwd/root-password password r00tme",
        ],
      };
    },
  }),
  // HeidiSQL's settings (portable_settings.txt, or the registry export of Software\HeidiSQL) keep a session's
  // `Password` and `SSHtunnelPass` as `Servers\<session>\Password<|||>1<|||>…`: each character's code plus a
  // shift, in two hex digits, then the shift as one digit (HeidiSQL's `encrypt`/`decrypt` in apphelpers.pas),
  // reversible by anyone. The value decodes back to the password, which must read as one.
  custom({
    id: "heidisql-saved-password",
    description: "HeidiSQL saved session password (shift-encoded hex in portable_settings.txt or its registry export)",
    kind: "password",
    severity: "high",
    docs: "https://www.heidisql.com/help.php#portable",
    keywords: ["<|||>"],
    pattern: /\\(?:Password|SSHtunnelPass)<\|\|\|>\d<\|\|\|>(?<secret>(?:[0-9A-F]{2}){3,256}\d)(?![0-9A-Za-z])/,
    validate: (s) => {
      const shift = Number(s[s.length - 1]);
      let text = "";
      for (let i = 0; i + 2 < s.length; i += 2) text += String.fromCharCode(parseInt(s.slice(i, i + 2), 16) - shift);
      return /^[\x20-\x7e]+$/.test(text) && isRealPassword(text);
    },
    get examples() {
      const encode = (plain: string, shift: number) => [...plain].map((c) => (c.charCodeAt(0) + shift).toString(16).toUpperCase().padStart(2, "0")).join("") + String(shift);
      return {
        invalid: [`Servers\\Prod billing\\Password<|||>1<|||>${encode(pw("heidi"), 4)}`, `Servers\\db01\\SSHtunnelPass<|||>1<|||>${encode(pw("heidi2"), 7)}`],
        valid: ["Servers\\Local\\Password<|||>1<|||>", `Servers\\Local\\Password<|||>1<|||>${encode("password", 3)}`, "Servers\\Local\\Port<|||>1<|||>3306"],
      };
    },
  }),
  // SecureCRT session files (`Sessions/**/*.ini`) save the password as `S:"Password V2"=02:<hex>`: AES-256-CBC
  // under a key fixed in the program when no configuration passphrase is set (format 03 uses the passphrase), so
  // anyone with the file can decrypt it (as the public SecureCRT decryption scripts do). The ciphertext holds the
  // length, the password and its SHA-256, so it is whole 16-byte blocks, at least three. The V1 form
  // (`S:"Password"=u<hex>`, Blowfish under fixed keys) is reversible too. A `03:` value is left alone.
  custom({
    id: "securecrt-saved-password",
    description: "SecureCRT session password (\"Password V2\"=02:…, or V1 u…), encrypted with a fixed key",
    kind: "password",
    severity: "high",
    docs: "https://www.vandyke.com/support/securecrt/",
    keywords: ['s:"password'],
    pattern: /S:"Password(?: V2)?"=(?<secret>02:[0-9a-f]{96,1024}|u[0-9a-f]{32,1024})(?![0-9a-f])/,
    validate: (s) => (s.startsWith("02:") ? (s.length - 3) % 32 === 0 : (s.length - 1) % 16 === 0),
    entropy: 3,
    get examples() {
      return {
        invalid: [`S:"Username"=ops\nS:"Password V2"=02:${fake(HEX, 96, "securecrt")}\n`, `S:"Password"=u${fake(HEX, 48, "securecrt1")}`],
        valid: [`S:"Password V2"=03:${fake(HEX, 96, "securecrt3")}`, `S:"Password V2"=`, `S:"Password V2"=02:${"0".repeat(96)}`, `S:"Password V2"=02:${fake(HEX, 100, "securecrt4")}`],
      };
    },
  }),
];
