import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeName, browserPrefix, splitNameWords, splitNameWordsByRegex, tenantQualifiedName } from "./secret-name.js";

test("names are split into lower-case words in every case style", () => {
  assert.deepEqual(splitNameWords("DB_PASSWORD"), ["db", "password"]);
  assert.deepEqual(splitNameWords("apiKey"), ["api", "key"]);
  assert.deepEqual(splitNameWords("x-api-key"), ["x", "api", "key"]);
  assert.deepEqual(splitNameWords("spring.datasource.password"), ["spring", "datasource", "password"]);
  assert.deepEqual(splitNameWords("AWSSecretKey"), ["aws", "secret", "key"]);
  assert.deepEqual(splitNameWords("s3Key2FA"), ["s3", "key2", "fa"]);
  assert.deepEqual(splitNameWords("HTTPServerAPIKey"), ["http", "server", "api", "key"]);
  assert.deepEqual(splitNameWords("__$$..--"), []);
  assert.deepEqual(splitNameWords("Ünïcode_TOKEN"), ["unicode", "token"], "accented Latin letters are folded to ASCII");
  assert.deepEqual(splitNameWords("DB_Lösenord"), ["db", "losenord"]);
  assert.deepEqual(splitNameWords("секретный_ключ"), ["секретный", "ключ"], "other scripts stay letters of the word");
  assert.deepEqual(splitNameWords("パスワード"), ["パスワード"], "kana are not taken apart");
});

test("the one-loop split of ASCII names agrees with the regexes that define it", () => {
  // Names over the characters whose order matters (cases, digits, separators), from a fixed-seed generator.
  const alphabet = "aAbBzZ09_-.$ ";
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % alphabet.length;
  let mixed = 0;
  for (let i = 0; i < 20000; i++) {
    let name = "";
    for (let j = 1 + (i % 12); j > 0; j--) name += alphabet[next()];
    const words = splitNameWordsByRegex(name);
    if (words.length > 1) mixed++;
    assert.deepEqual(splitNameWords(name), words, JSON.stringify(name));
  }
  assert.ok(mixed > 5000, "most names have several words");
  for (const name of ["ABCDef", "AbCDeFGh", "ABcDEf", "aB1C", "A1bC", "XMLHttpRequest", "getAPIToken", "TOKEN", "t", "T", "tT", "Tt", "TTt"]) {
    assert.deepEqual(splitNameWords(name), splitNameWordsByRegex(name), name);
  }
});

test("secret-ish names are recognised with their kind", () => {
  const cases: Array<[string, string, string]> = [
    ["DB_PASSWORD", "strong", "database-credential"],
    ["password", "strong", "password"],
    ["passwd", "strong", "password"],
    ["SMTP_PASS", "strong", "password"],
    ["client_secret", "strong", "generic-secret"],
    ["apiKey", "strong", "api-key"],
    ["X-API-Key", "strong", "api-key"],
    ["GITHUB_TOKEN", "strong", "token"],
    ["authToken", "strong", "token"],
    ["AWS_SECRET_ACCESS_KEY", "strong", "cloud-credential"],
    ["private_key", "strong", "private-key"],
    ["SECRET_KEY_BASE", "strong", "generic-secret"],
    ["STRIPE_WEBHOOK_SECRET", "strong", "webhook"],
    ["STRIPE_KEY", "weak", "api-key"],
    ["SENTRY_DSN", "medium", "connection-string"],
    ["PASSWORD_SALT", "medium", "generic-secret"],
    ["dbpassword", "strong", "password"],
    // A version after the head: the same secret (Terraform's aws_iam_access_key ses_smtp_password_v4).
    ["ses_smtp_password_v4", "strong", "password"],
    ["API_TOKEN_V12", "strong", "token"],
    // A numbered copy: one per workspace or account.
    ["SLACK_TOKEN_61", "strong", "token"],
    ["STRIPE_SECRET_KEY_0", "strong", "generic-secret"],
    ["DB_PASSWORD_12", "strong", "database-credential"],
    // A copy's number glued to the head's last word, or to a neutral word after it.
    ["API_KEY2", "strong", "api-key"],
    ["apiKey2", "strong", "api-key"],
    ["STRIPE_SECRET_KEY2", "strong", "generic-secret"],
    ["SECRET_KEY_PROD2", "strong", "generic-secret"],
    ["dbPassword1", "strong", "database-credential"],
    ["DBPASSWORD1", "strong", "password"],
    ["AUTH_TOKENS2", "strong", "token"],
    ["privateKey1", "strong", "private-key"],
    ["SESSION_KEYS", "strong", "generic-secret"],
    ["APP_KEYS", "strong", "generic-secret"],
    ["API_KEYS", "strong", "api-key"],
    ["PRIVATE_KEY_PEM", "strong", "private-key"],
    ["GCP_CREDENTIALS_JSON", "strong", "cloud-credential"],
    // A rotation's dated key id (round 16's SIGNING_KEY_2024A / _2025B, one per JWKS kid).
    ["SIGNING_KEY_2024A", "strong", "generic-secret"],
    ["JWT_SECRET_2025", "strong", "generic-secret"],
    ["WEBHOOK_SECRET_2024Q3", "strong", "webhook"],
    ["API_KEY_202401", "strong", "api-key"],
    ["DB_PASSWORD_20240115", "strong", "database-credential"],
  ];
  for (const [name, strength, kind] of cases) {
    const a = analyzeName(name);
    assert.equal(a.strength, strength, `${name} strength`);
    assert.equal(a.kind, kind, `${name} kind`);
    assert.equal(a.negative, false, `${name} is not negative`);
  }
});

test("names about a secret, or public keys, are not secret names", () => {
  for (const name of ["password_min_length", "token_type", "secret_name", "api_key_header", "TOKEN_URL", "passwordField", "PASSWORD_HASH", "STRIPE_PUBLISHABLE_KEY", "PUBLIC_KEY", "cache_key", "primary_key", "secretKeyRef", "password_file", "SUPABASE_ANON_KEY", "RECAPTCHA_SITE_KEY", "MIXPANEL_TOKEN", "sortKeys", "primary_keys", "PRIVATE_KEY_PEM_PATH", "keys"]) {
    const a = analyzeName(name);
    assert.ok(a.negative || a.strength === "none", `${name} should not be a secret name (${JSON.stringify(a)})`);
  }
  assert.equal(analyzeName("MIXPANEL_API_SECRET").strength, "strong", "Mixpanel's API secret is a secret");
  for (const name of ["RABBITMQ_ERLANG_COOKIE", "erlangCookie", "erlang_cookie"]) assert.equal(analyzeName(name).strength, "strong", name);
  assert.equal(analyzeName("cookie").strength, "none", "a bare cookie is not a secret name");
  // Numbered ids and algorithm names stay what they were: a bare numbered key (an i18n table's `KEY1`),
  // a numbered key under a word that makes it a lookup key, an HMAC algorithm, a key's numbered id.
  for (const name of ["KEY1", "key2", "translation_key2", "sortKey1", "hmac256", "API_KEY_ID2", "SECRET_KEY_FILE2", "sha1", "keyword2", "TOKEN_2024_EXPIRY", "PASSWORD_2024_HINT", "API_KEY_2024X_HEADER", "SECRET_1999_NAME", "TOKEN_TTL_2024"]) {
    const a = analyzeName(name);
    assert.ok(a.negative || a.strength === "none", `${name} should not be a secret name (${JSON.stringify(a)})`);
  }
  for (const name of ["tokenizer", "author", "keyboard", "monkey", "PORT", "NODE_ENV", "LOG_LEVEL", "key", "bypass"]) {
    assert.equal(analyzeName(name).strength, "none", name);
  }
});

test("browser-exposed prefixes", () => {
  assert.equal(browserPrefix("NEXT_PUBLIC_API_SECRET"), "NEXT_PUBLIC_");
  assert.equal(browserPrefix("VITE_TOKEN"), "VITE_");
  assert.equal(browserPrefix("REACT_APP_KEY"), "REACT_APP_");
  assert.equal(browserPrefix("EXPO_PUBLIC_X"), "EXPO_PUBLIC_");
  assert.equal(browserPrefix("PUBLIC_X"), "PUBLIC_");
  assert.equal(browserPrefix("API_SECRET"), null);
  assert.equal(analyzeName("NEXT_PUBLIC_STRIPE_SECRET_KEY").strength, "strong", "the prefix's PUBLIC is not a modifier of the key");
});

test("a two-word pass_phrase is a passphrase; public client keys (Pusher app key, search-only keys) are not secrets", () => {
  for (const name of ["pass_phrase", "KEY_PASS_PHRASE"]) assert.equal(analyzeName(name).kind, "password", name);
  assert.equal(analyzeName("pass_phrase").strength, "strong");
  for (const name of ["PUSHER_APP_KEY", "pusherKey", "VITE_PUSHER_APP_KEY", "algoliaSearchOnlyKey", "ALGOLIA_SEARCH_ONLY_API_KEY", "ALGOLIA_SEARCH_KEY", "TYPESENSE_SEARCH_ONLY_API_KEY"]) {
    assert.equal(analyzeName(name).strength, "none", name);
  }
  // Their secret halves stay secrets.
  for (const name of ["PUSHER_APP_SECRET", "PUSHER_BEAMS_SECRET_KEY", "ALGOLIA_ADMIN_API_KEY", "ALGOLIA_WRITE_KEY", "BING_SEARCH_API_KEY"]) {
    assert.equal(analyzeName(name).strength, "strong", name);
  }
  // PagerDuty Events API v2 `routing_key` is the integration's credential.
  assert.notEqual(analyzeName("routing_key").strength, "none");
});

test("`pw` heads a password name alone, after a word or glued to a short word", () => {
  for (const name of ["bind_pw", "rootpw", "bindpw", "db_pw", "adminPw", "LDAP_BIND_PW"]) {
    assert.equal(analyzeName(name).strength, "strong", name);
    assert.equal(analyzeName(name).negative, false, name);
  }
  assert.equal(analyzeName("PW").strength, "medium");
  for (const name of ["pwa", "npwr", "a8pw", "pw_min_length", "PW_POLICY"]) {
    const a = analyzeName(name);
    assert.ok(a.strength === "none" || a.negative, `${name}: ${JSON.stringify(a)}`);
  }
});

test("read-only content tokens made for front ends are not secret names; their admin counterparts are", () => {
  for (const name of ["SHOPIFY_STOREFRONT_ACCESS_TOKEN", "PUBLIC_STOREFRONT_API_TOKEN", "CONTENTFUL_DELIVERY_TOKEN", "PUBLIC_CONTENTFUL_DELIVERY_ACCESS_TOKEN"]) {
    assert.ok(analyzeName(name).negative, name);
  }
  for (const name of ["SHOPIFY_ADMIN_ACCESS_TOKEN", "PRIVATE_STOREFRONT_API_TOKEN", "CONTENTFUL_MANAGEMENT_TOKEN", "DELIVERY_API_TOKEN"]) {
    assert.equal(analyzeName(name).strength, "strong", name);
  }
});

test("a modifier glued to token says what it says apart: csrftoken is not a credential, authtoken is", () => {
  for (const name of ["csrftoken", "XSRFTOKEN", "nexttoken", "pushToken"]) assert.equal(analyzeName(name).negative, true, name);
  // nginx's upstream directives and RFC 6455's handshake nonce are no credentials; a proxy's password is.
  for (const name of ["fastcgi_pass", "proxy_pass", "uwsgi_pass", "grpc_pass", "Sec-WebSocket-Key"]) assert.equal(analyzeName(name).negative, true, name);
  for (const name of ["proxy_password", "PROXY_PASS", "socket_key"]) assert.equal(analyzeName(name).negative, false, name);
  // Kubernetes' label keys and entry references (selectors, tolerations, secretKeyRef) name a key; an
  // encryption key or an API key under a Kubernetes word is still one.
  for (const name of ["matchExpressions.key", "matchFields.key", "tolerations.key", "secretKeyRef.key", "configMapKeyRef.key"]) assert.equal(analyzeName(name).negative, true, name);
  for (const name of ["encryption.key", "expressions_api_key", "tolerations.secret_key", "ref_password"]) assert.equal(analyzeName(name).negative, false, name);
  // Square's payment `version_token`: optimistic concurrency, not a credential.
  for (const name of ["versionToken", "version_token"]) assert.equal(analyzeName(name).negative, true, name);
  for (const name of ["authtoken", "accesstoken", "GHTOKEN"]) assert.equal(analyzeName(name).strength, "strong", name);
  assert.equal(analyzeName("password_v2_hint").negative, true, "a word after the version still makes it about the secret");
});

test("Amplitude's project API key is public by design, its secret key is not", () => {
  for (const name of ["AMPLITUDE_API_KEY", "amplitudeApiKey", "NEXT_PUBLIC_AMPLITUDE_API_KEY", "AMPLITUDE_KEY"]) assert.equal(analyzeName(name).negative, true, name);
  assert.equal(analyzeName("AMPLITUDE_SECRET_KEY").strength, "strong");
});

test("OpenPGP keys fetched or trusted by fingerprint (gpg --recv-keys) are public keys, not credentials; a signing key is", () => {
  for (const name of ["recv-keys", "recv-key", "receive_key", "trusted-key"]) assert.ok(analyzeName(name).negative, name);
  for (const name of ["signing-key", "GPG_PRIVATE_KEY", "GPG_KEY"]) assert.equal(analyzeName(name).negative, false, name);
});

test("pre-shared keys, SSSD's authtok and application salts glued to their word are secret names", () => {
  assert.equal(analyzeName("PresharedKey").strength, "strong");
  assert.equal(analyzeName("ldap_default_authtok").strength, "strong");
  assert.equal(analyzeName("ldap_default_authtok").kind, "password");
  assert.notEqual(analyzeName("passwordsalt").strength, "none");
  for (const name of ["ldap_default_authtok_type", "basalt", "authtoken_ttl"]) {
    const a = analyzeName(name);
    assert.ok(a.strength === "none" || a.negative, `${name}: ${JSON.stringify(a)}`);
  }
});

test("installer properties glue their words: TLSPSKVALUE and PASSWORDVALUE are secret names, KEYVALUE and TLSPSKIDENTITY are not", () => {
  for (const name of ["TLSPSKVALUE", "TLSPSK", "WPAPSK", "PSKVALUE", "PASSWORDVALUE", "SECRETVALUE", "DBPASSWORDVALUE"]) assert.equal(analyzeName(name).strength, "strong", name);
  for (const name of ["KEYVALUE", "APIKEYVALUE", "TLSPSKIDENTITY", "DEFAULTVALUE", "TLSPSKFILE", "PASSWORDVALUELENGTH"]) {
    const a = analyzeName(name);
    assert.ok(a.strength === "none" || a.negative, `${name}: ${JSON.stringify(a)}`);
  }
});

test("a key word glued to `key` reads as the two words: Kibana's XPACK_SECURITY_ENCRYPTIONKEY is an encryption key (blind corpus 15)", () => {
  for (const name of ["XPACK_ENCRYPTEDSAVEDOBJECTS_ENCRYPTIONKEY", "XPACK_SECURITY_ENCRYPTIONKEY", "MASTERKEY", "signingkey", "JWTKEY", "aeskey", "SessionKey"]) {
    assert.equal(analyzeName(name).strength, "strong", name);
  }
  // Glued words that are not on the list stay unread (a Segment `WRITEKEY` is public, a `GPGKEY` is an id), and a
  // word after the glued head still makes the name about the key.
  for (const name of ["WRITEKEY", "GPGKEY", "monkey", "hotkey", "ENCRYPTIONKEY_ID", "masterkey_path"]) {
    const a = analyzeName(name);
    assert.ok(a.strength === "none" || a.negative, `${name}: ${JSON.stringify(a)}`);
  }
});

test("Segment write keys and Branch keys are public client keys; their secrets stay secrets (blind corpus 7)", () => {
  assert.equal(analyzeName("SEGMENT_WRITE_KEY").strength, "none");
  assert.equal(analyzeName("io.branch.sdk.BranchKey").strength, "none");
  assert.notEqual(analyzeName("BRANCH_SECRET").strength, "none");
  assert.notEqual(analyzeName("ALGOLIA_WRITE_KEY").strength, "none");
});

test("a platform, build or environment after the head keeps the secret (blind corpus 7)", () => {
  for (const n of ["MAPS_API_KEY_ANDROID", "apiKeyIos", "CODEPUSH_KEY_ANDROID", "GITHUB_TOKEN_CI", "API_TOKEN_RELEASE", "STRIPE_SECRET_KEY_SANDBOX"]) {
    assert.notEqual(analyzeName(n).strength, "none", n);
  }
  for (const n of ["API_KEY_HEADER", "TOKEN_URL", "PASSWORD_LENGTH"]) assert.equal(analyzeName(n).strength, "none", n);
});

test("a licence key is a product's, except New Relic's and MaxMind's, which are account credentials", () => {
  for (const name of ["NEW_RELIC_LICENSE_KEY", "newRelicLicenseKey", "NR_LICENSE_KEY", "MAXMIND_LICENSE_KEY", "GEOIP_LICENSE_KEY", "GEOIPUPDATE_LICENSE_KEY"]) {
    const a = analyzeName(name);
    assert.equal(a.strength, "strong", name);
    assert.equal(a.negative, false, name);
  }
  for (const name of ["LICENSE_KEY", "AG_GRID_LICENSE_KEY", "syncfusionLicenseKey", "RELIC_ID"]) {
    assert.equal(analyzeName(name).strength, "none", name);
  }
});

test("names the blind corpus 10 found unread: Fernet keys, MLflow's tracking token, a service word glued to `pass`", () => {
  for (const name of ["fernet_key", "AIRFLOW__CORE__FERNET_KEY", "FERNET_KEY", "MLFLOW_TRACKING_TOKEN", "mlflowTrackingToken", "smtppass", "$dbpass", "MAIL_PASS".replace("_", ""), "ldappass"]) {
    const a = analyzeName(name.replace("$", ""));
    assert.equal(a.strength, "strong", name);
    assert.equal(a.negative, false, name);
  }
  // Words that end in `pass` without being one, and tracking ids that are not MLflow's.
  for (const name of ["bypass", "compass", "overpass", "surpass", "GA_TRACKING_TOKEN", "trackingToken"]) {
    const a = analyzeName(name);
    assert.ok(a.strength === "none" || a.negative, name);
  }
});

test("a .NET publicKeyToken is public; a private key's token is not", () => {
  assert.equal(analyzeName("publicKeyToken").negative, true);
  assert.equal(analyzeName("publicKeyToken").strength, "none");
  assert.equal(analyzeName("private_key_token").strength, "strong");
});

test("a remote build cache's token is a credential; a cache token or key alone is not", () => {
  for (const name of ["REMOTE_CACHE_TOKEN", "bazelRemoteCacheToken", "GRADLE_REMOTE_CACHE_TOKEN"]) assert.equal(analyzeName(name).strength, "strong", name);
  for (const name of ["CACHE_TOKEN", "cacheKey"]) assert.equal(analyzeName(name).negative, true, name);
});

test("Shopify's SHOPIFY_API_KEY (the app's client id) and Meta's client token are public; their secrets are not", () => {
  for (const name of ["SHOPIFY_API_KEY", "shopifyApiKey", "facebook_client_token", "FACEBOOK_CLIENT_TOKEN"]) assert.equal(analyzeName(name).strength, "none", name);
  for (const name of ["SHOPIFY_API_SECRET", "SHOPIFY_ADMIN_API_TOKEN", "FACEBOOK_APP_SECRET", "FACEBOOK_ACCESS_TOKEN"]) assert.notEqual(analyzeName(name).strength, "none", name);
});

test("Dropbox's app key (the OAuth client id, used alone with PKCE) and Judge.me's widget token are public; their secrets are not", () => {
  for (const name of ["DROPBOX_APP_KEY", "dropboxAppKey", "judgeme_token", "JUDGEME_PUBLIC_TOKEN", "judgeMeToken", "judge_me_widget_token"]) assert.equal(analyzeName(name).strength, "none", name);
  for (const name of ["DROPBOX_APP_SECRET", "DROPBOX_ACCESS_TOKEN", "APP_KEY", "JUDGEME_PRIVATE_TOKEN", "JUDGEME_API_TOKEN", "judgeme_shop_token", "SLACK_APP_KEY"]) assert.notEqual(analyzeName(name).strength, "none", name);
});

test("names blind corpus 14 found unread: more service words glued to `pass`, an application prefix before a database word, an encryption key ring's primary key", () => {
  for (const name of ["remotepass", "steampass", "serverpass", "saslpass", "rconpass", "AMPDBPASS", "WPDBPASS", "nickpass", "ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY", "encryption_primary_key"]) {
    const a = analyzeName(name);
    assert.equal(a.strength, "strong", name);
    assert.equal(a.negative, false, name);
  }
  // Still not secrets: a database's primary key, words that only end in `pass`, a prefix glued to a word that is not a database's.
  for (const name of ["primary_key", "PRIMARY_KEY", "table_primary_key", "trespass", "encompass", "passepass", "underpass"]) {
    const a = analyzeName(name);
    assert.ok(a.strength === "none" || a.negative, name);
  }
});

test("a region, country or market code after the secret word is the same secret for that region; words about the secret stay about it", () => {
  for (const [name, kind] of [
    ["SMTP_PASSWORD_EU", "password"],
    ["SMTP_PASSWORD_US", "password"],
    ["DB_PASSWORD_US_EAST", "database-credential"],
    ["STRIPE_SECRET_KEY_DE", "generic-secret"],
    ["API_KEY_APAC", "api-key"],
    ["GITHUB_TOKEN_EU_WEST_1", "token"],
    ["smtpPasswordUk", "password"],
    ["SENDGRID_API_KEY_EU2", "api-key"],
  ] as const) {
    const a = analyzeName(name);
    assert.equal(a.negative, false, `${name}: ${JSON.stringify(a)}`);
    assert.equal(a.strength, "strong", name);
    assert.equal(a.kind, kind, name);
  }
  // Config about a secret, and codes that are also words after a secret word (an id, a certificate
  // authority, a service account), are unchanged.
  for (const name of ["PASSWORD_MIN_LENGTH", "SECRET_ROTATION_DAYS", "TOKEN_TTL", "PASSWORD_RESET_URL", "TOKEN_ID", "SECRET_ID", "API_KEY_ID", "TOKEN_CA", "SECRET_KEY_SA", "TOKEN_TO", "PASSWORD_IS_SET", "SMTP_PASSWORD_EU_URL", "TOKEN_EU_HEADER"]) {
    const a = analyzeName(name);
    assert.ok(a.negative || a.strength === "none", `${name} should stay about a secret (${JSON.stringify(a)})`);
  }
});

test("names of blind corpus 16: keystore passwords and phpMyAdmin's controlpass are passwords; Reverb's and Soketi's app keys are public like Pusher's", () => {
  for (const name of ["keystore.storepass", "keystore.keypass", "storepass", "truststorepass", "controlpass"]) {
    const a = analyzeName(name);
    assert.equal(a.strength, "strong", name);
    assert.equal(a.kind, "password", name);
  }
  for (const name of ["REVERB_APP_KEY", "VITE_REVERB_APP_KEY", "SOKETI_DEFAULT_APP_KEY"]) assert.equal(analyzeName(name).strength, "none", name);
  for (const name of ["REVERB_APP_SECRET", "SOKETI_DEFAULT_APP_SECRET"]) assert.equal(analyzeName(name).strength, "strong", name);
  // `keepass` (the password manager) and a bare `APP_KEY` (Laravel's encryption key) are not affected.
  assert.notEqual(analyzeName("APP_KEY").strength, "none");
  assert.equal(analyzeName("keepass").strength, "none");
});

test("SNMP communities and SNMPv3 privacy passwords are passwords (blind corpus 17)", () => {
  for (const name of ["community", "community_string", "snmp_community", "rocommunity", "SNMP_COMMUNITY", "communityString", "cryptopass", "privpass"]) {
    const a = analyzeName(name);
    assert.ok(a.strength !== "none" && !a.negative, `${name}: ${JSON.stringify(a)}`);
    assert.equal(a.kind, "password", name);
  }
  for (const name of ["community_url", "community_name", "communities_enabled"]) {
    const a = analyzeName(name);
    assert.ok(a.strength === "none" || a.negative, `${name}: ${JSON.stringify(a)}`);
  }
});

test("a list of passwords a validator rejects is no credential; a password named with another modifier still is", () => {
  // Ghost's validate-password.js: `const badPasswords = ['1234567890', 'qwertyuiop', …]`.
  for (const name of ["badPasswords", "bad_password", "COMMON_PASSWORDS", "weakPasswords", "bannedPasswords", "pwnedPasswords", "blocklistedPassphrases"]) {
    const a = analyzeName(name);
    assert.ok(a.negative || a.strength === "none", `${name}: ${JSON.stringify(a)}`);
  }
  // The singular is what an array's elements are named after (badPasswords[0] → badPassword).
  for (const name of ["badPassword", "bad_password", "weakPassword", "commonPassphrase"]) assert.equal(analyzeName(name).negative, true, name);
  for (const name of ["adminPassword", "DB_PASSWORD", "newPassword", "rootPassphrase", "SMTP_PASSWORD"]) {
    assert.equal(analyzeName(name).negative, false, name);
    assert.equal(analyzeName(name).strength, "strong", name);
  }
});

test("a tenant's or account's word after the secret word names a weak copy of the secret; words about the secret do not", () => {
  for (const [name, kind] of [
    ["SMTP_PASSWORD_ACME", "password"],
    ["STRIPE_SECRET_KEY_GLOBEX", "generic-secret"],
    ["DB_PASSWORD_TENANT_INITECH", "database-credential"],
    ["SENDGRID_API_KEY_CONTOSO_PROD", "api-key"],
    ["SLACK_TOKEN_NORTHWIND", "token"],
  ] as const) {
    assert.equal(analyzeName(name).negative, true, `${name} is judged by its value, not its name alone`);
    const t = tenantQualifiedName(name);
    assert.ok(t !== null, name);
    assert.equal(t.strength, "weak", name);
    assert.equal(t.kind, kind, name);
  }
  // Properties, places, checks and modifiers of a secret; more than two words; a name that is no secret's up to the head.
  for (const name of ["PASSWORD_MIN_LENGTH", "JWT_SECRET_EXPIRES", "API_KEY_HEADER", "API_KEY_HASH", "TOKEN_ISSUER", "SECRET_ROTATION_DAYS",
    "APP_SECRET_OWNER", "PASSWORD_RESET_URL", "TOKEN_ID", "SECRET_KEY_FINGERPRINT", "API_KEY_PUBLIC", "PASSWORD_FOR_ACME",
    "TOKEN_ACME_GLOBEX_INITECH", "PUBLIC_KEY_ACME", "CSRF_TOKEN_ACME", "SMTP_PASSWORD", "SMTP_HOST_ACME", "PASSWORD_IS_SET"]) {
    assert.equal(tenantQualifiedName(name), null, name);
  }
});

test("ASP.NET's antiforgery token is a CSRF token; Slack's verification token and a webhook verify token stay secrets", () => {
  for (const name of ["__RequestVerificationToken", "RequestVerificationToken", "X-Antiforgery-Token", "antiforgery_token"]) assert.equal(analyzeName(name).negative, true, name);
  for (const name of ["SLACK_VERIFICATION_TOKEN", "verification_token", "WHATSAPP_VERIFY_TOKEN"]) assert.equal(analyzeName(name).strength, "strong", name);
});

test("a key pair's private half named by a suffix is a secret name, its public half is not (Mailjet, BestTime)", () => {
  for (const name of ["MJ_APIKEY_PRIVATE", "api_key_private", "BESTTIME_API_KEY_PRIVATE", "secretKeyPrivate"]) {
    assert.notEqual(analyzeName(name).strength, "none", name);
    assert.equal(analyzeName(name).negative, false, name);
  }
  for (const name of ["MJ_APIKEY_PUBLIC", "api_key_public", "API_KEY_PRIVATE_PATH", "KEY_PRIVATE_FILE"]) assert.notEqual(analyzeName(name).negative, false, name);
});
