import type { Rule } from "../src/scan/types.js";
import { custom } from "./build.js";
import { decodeBase64, isPlausibleUuid } from "../src/scan/checksum.js";
import { looksLikeWords } from "../src/scan/entropy.js";
import { isDocumentedExample } from "../src/scan/placeholder-filter.js";
import { isRealPassword } from "./passwords.js";
import { deobfuscateJetty, obfuscateJetty } from "../src/scan/jetty-password.js";

export { deobfuscateJetty, obfuscateJetty };
import { ALNUM, B64, BASE32, HEX, UPPER_ALNUM, fake, uuid } from "./fake.js";

const pw = (seed: string): string => fake(ALNUM, 18, seed);

/** Six or more words joined by `-`/`_`, nearly all of letters only: a sentence written as a key. */
function isSentence(v: string): boolean {
  const parts = v.split(/[-_]/);
  return parts.length >= 6 && parts.filter((p) => /^[A-Za-z]{1,12}$/.test(p)).length >= parts.length * 0.8;
}
const gossipKey = (seed: string): string => Buffer.from(fake(ALNUM, 32, seed)).toString("base64");


/** A cephx CryptoKey in base64: 28 bytes, type 1, key length 16, key bytes mostly distinct. */
export function isCephxKey(s: string): boolean {
  const b = Buffer.from(s, "base64");
  if (b.length !== 28 || b[0] !== 1 || b[1] !== 0 || b[10] !== 16 || b[11] !== 0) return false;
  return new Set(b.subarray(12)).size >= 12;
}

/** A cephx key for the examples. */
function cephxKey(seed: string): string {
  const b = Buffer.from("0100" + fake(HEX, 16, seed + "t") + "1000" + fake(HEX, 32, seed), "hex");
  return b.toString("base64");
}

// Server and service configuration files whose credentials sit in a syntax of
// their own, not behind a `password =` name the generic detector reads.
export const rules: Rule[] = [
  // Kafka's PlainLoginModule lists the broker's users as `user_<name>="<password>"` options of the
  // JAAS entry (https://kafka.apache.org/documentation/#security_sasl_plain_brokerconfig), in a
  // kafka_server_jaas.conf or inline in `listener.name.….sasl.jaas.config`; ZooKeeper's DigestLoginModule
  // takes its server users the same way (`user_super="…"`, https://zookeeper.apache.org/doc/current/zookeeperAdmin.html
  // "SASL and Kerberos"). The options are read only after a LoginModule name, a few lines back at most.
  custom({
    id: "kafka-jaas-user-password",
    description: "Kafka SASL/PLAIN or ZooKeeper Digest user password in a JAAS configuration (user_<name>=\"…\")",
    kind: "password",
    severity: "high",
    docs: "https://kafka.apache.org/documentation/#security_sasl_plain_brokerconfig",
    keywords: ["plainloginmodule", "digestloginmodule"],
    // The LoginModule is looked for behind a whole match only, never at every offset.
    pattern: /(?<![\w.-])user_[A-Za-z0-9_.@-]{1,64}[ \t]{0,4}=[ \t]{0,4}"(?<secret>[^"\n;]{4,200})"(?<=LoginModule[ \t]{1,8}required[^;]{0,1800})/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `KafkaServer {\n    org.apache.kafka.common.security.plain.PlainLoginModule required\n    username="admin"\n    password="${pw("jaas-admin")}"\n    user_alice="${pw("jaas-alice")}";\n};`,
          `listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${pw("jaas2")}" user_admin="${pw("jaas3")}";`,
          `Server {\n       org.apache.zookeeper.server.auth.DigestLoginModule required\n       user_super="${pw("zk-super")}"\n       user_kafka="${pw("zk-kafka")}";\n};`,
        ],
        valid: ['KafkaServer {\n    org.apache.kafka.common.security.plain.PlainLoginModule required\n    user_admin="admin-secret";\n};', "user_alice=\"" + pw("jaas-free") + "\""],
      };
    },
  }),
  // Jetty's `OBF:` passwords (realm.properties, jetty-ssl-context.xml, `jetty.sslContext.keyStorePassword`) are
  // an obfuscation, not a hash: org.eclipse.jetty.util.security.Password.deobfuscate reverses them, and Jetty's
  // docs say so ("obfuscation… is not secure"). The value is decoded and the clear text judged like any password:
  // the docs' own `OBF:` of "password" stays quiet (https://jetty.org/docs/jetty/12/operations-guide/tools/index.html#password).
  custom({
    id: "jetty-obfuscated-password",
    description: "Jetty OBF: password (reversible obfuscation)",
    kind: "password",
    severity: "high",
    docs: "https://jetty.org/docs/jetty/12/operations-guide/tools/index.html#password",
    keywords: ["obf:"],
    pattern: /(?<![\w:])OBF:(?<secret>(?:[0-9a-z]{4}){3,64})(?![0-9a-z])/,
    validate: (s: string) => {
      const plain = deobfuscateJetty(s);
      return plain !== null && isRealPassword(plain);
    },
    get examples() {
      return {
        invalid: [`admin: OBF:${obfuscateJetty(pw("jetty1"))},server-administrator`, `<Property name="jetty.sslContext.keyStorePassword" default="OBF:${obfuscateJetty(pw("jetty2"))}"/>`],
        // The docs' example (the word "password"), an MD5 credential, a string that decodes to nothing printable.
        valid: [`guest: OBF:${obfuscateJetty("password")},user`, "monitor: MD5:164c88b302622e17050af52c89945d44,user", "OBF:zzzzzzzzzzzz"],
      };
    },
  }),
  // A cephx secret (keyring `key = …`, the Ceph CSI Secret's `userKey`/`adminKey`, a mount's `secret=…`): the
  // base64 of a 28-byte CryptoKey, type 1 (AES) as a little-endian u16, the creation time (two u32), the key
  // length 16 as a u16, then the 16 key bytes (src/auth/Crypto.h `CryptoKey::encode`), so every key opens with
  // "AQ". Whoever holds it talks to the cluster as that client (https://docs.ceph.com/en/latest/rados/operations/user-management/#keyring-management).
  custom({
    id: "ceph-cephx-key",
    description: "Ceph cephx client key (keyring, CSI Secret, mount secret=)",
    kind: "private-key",
    severity: "critical",
    docs: "https://docs.ceph.com/en/latest/rados/operations/user-management/#keyring-management",
    keywords: ["key = aq", "key=aq", "key: aq", 'key: "aq', "secret=aq", "key aq"],
    pattern: /(?<![\w-])(?:key|userKey|adminKey|secret)(?:[ \t]{0,4}[=:][ \t]{0,4}|[ \t]{1,4})"?(?<secret>AQ[A-Za-z0-9+/]{36}==)(?![A-Za-z0-9+/=])/,
    validate: (s: string) => !isDocumentedExample(s) && isCephxKey(s),
    get examples() {
      return {
        invalid: [`[client.admin]\n\tkey = ${cephxKey("ceph1")}\n\tcaps mon = "allow *"`, `stringData:\n  userID: kubernetes\n  userKey: ${cephxKey("ceph2")}`],
        // Ceph's docs example, base64 that is not a CryptoKey (wrong length field), a placeholder.
        valid: ["key = AQD9o0Fd6hQRChAAt7fMaSZXduT3NWEqylNpmg==", `key = ${Buffer.from(fake(HEX, 56, "ceph3"), "hex").toString("base64").replace(/^../, "AQ")}`, "key = AQxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=="],
      };
    },
  }),
  // Redis ACL rules (redis.conf `user …` lines, users.acl, `ACL SETUSER`): `>password` adds a clear-text
  // password, `#<sha256>` a hashed one (https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/).
  custom({
    id: "redis-acl-password",
    description: "Redis ACL clear-text password (user … on >password, ACL SETUSER)",
    kind: "password",
    severity: "high",
    docs: "https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/",
    // "acl setuser", not "setuser": AWS SDK sources are full of `AdminSetUserPassword`, and each file holding
    // one ran this pattern (no literal prefix) over the whole text: 0.24 CPU-s on the benchmark corpus.
    keywords: [" on >", "acl setuser", "acl\tsetuser"],
    pattern: /(?:^[ \t]{0,8}user|ACL[ \t]SETUSER)[ \t]{1,4}[^\s>#]{1,64}(?:[ \t]{1,4}(?:[^\s>]\S{0,100}))*?[ \t]{1,4}>(?<secret>[^\s]{4,200})/im,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`user app on >${pw("redis-acl")} ~app:* &* +@all -@dangerous`, `ACL SETUSER reports on resetkeys ~reports:* >${pw("redis-acl2")} +@read`],
        valid: ["user reader on #8abe7d21bfad45d0a44003f57679d6ed4b43992444f89162da1b9c6a6722e0de ~* +@read", "user default on nopass ~* &* +@all", "user app on >password ~* +@all"],
      };
    },
  }),
  // Postfix sasl_passwd maps: `[relay]:port user:password` (smtp_sasl_password_maps,
  // https://www.postfix.org/SASL_README.html#client_sasl_enable). Relay hosts are bracketed by convention.
  custom({
    id: "postfix-sasl-password",
    description: "Postfix sasl_passwd relay credential ([host]:port user:password)",
    kind: "password",
    severity: "high",
    docs: "https://www.postfix.org/SASL_README.html#client_sasl_enable",
    keywords: ["]:587 ", "]:465 ", "]:25 ", "]:2525 ", "]:submission "],
    pattern: /^[ \t]{0,8}\[[\w.-]{1,253}\](?::[\w]{1,12})?[ \t]{1,16}[^\s:]{1,128}:(?<secret>[^\s]{4,256})[ \t]*$/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`[smtp.mailgun.org]:587 postmaster@mg.acme.io:${pw("postfix")}`, `[mail.isp.example.net]:submission relay-user:${pw("postfix2")}\n`],
        valid: ["[smtp.gmail.com]:587 username:password", "relayhost = [smtp.sendgrid.net]:587"],
      };
    },
  }),
  // MySQL/MariaDB `SET PASSWORD [FOR user] = '…'` (the PASSWORD('…') function form too), which the
  // `IDENTIFIED BY` reading does not cover (https://dev.mysql.com/doc/refman/8.0/en/set-password.html).
  custom({
    id: "mysql-set-password",
    description: "MySQL/MariaDB SET PASSWORD statement with a clear-text password",
    kind: "database-credential",
    severity: "high",
    docs: "https://dev.mysql.com/doc/refman/8.0/en/set-password.html",
    keywords: ["set password"],
    pattern: /\bSET[ \t]{1,4}PASSWORD(?:[ \t]{1,4}FOR[ \t]{1,4}\S{1,200}?)?[ \t]{0,4}=[ \t]{0,4}(?:PASSWORD[ \t]{0,4}\([ \t]{0,4})?(["'])(?<secret>[^"'\n]{4,128})\1/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`SET PASSWORD FOR 'legacy'@'%' = '${pw("setpw")}';`, `SET PASSWORD = PASSWORD('${pw("setpw2")}');`],
        valid: ["SET PASSWORD FOR 'root'@'localhost' = '${MYSQL_ROOT_PASSWORD}';", "SET PASSWORD FOR 'bob'@'%' = 'password';"],
      };
    },
  }),
  // MongoDB shell (mongosh, the legacy mongo shell, docker-entrypoint-initdb.d scripts and their
  // ~/.mongosh_history): `db.auth("user", "pw")` logs in and `db.changeUserPassword("user", "pw")` sets a
  // password, both with the clear text as the second argument (createUser's `pwd:` is a named field, read
  // by the generic detector). https://www.mongodb.com/docs/manual/reference/method/db.auth/,
  // https://www.mongodb.com/docs/manual/reference/method/db.changeUserPassword/
  custom({
    id: "mongodb-shell-password",
    description: "MongoDB shell db.auth / db.changeUserPassword with a clear-text password",
    kind: "database-credential",
    severity: "high",
    docs: "https://www.mongodb.com/docs/manual/reference/method/db.auth/",
    keywords: [".auth(", "changeuserpassword("],
    // The receiver is a look-behind so that every match starts with `.auth(` or `.changeUserPassword(`, a
    // literal prefix the engine's keyword pass finds: as `\b(?:db|…)\.` the regex ran over whole texts (21.8 MB
    // of the benchmark corpus, ~30 ms per scanning thread). Same secrets: what follows the receiver is unchanged.
    pattern: /(?<=\b(?:db|getSiblingDB\([^()\n]{1,100}\)|admin))\.(?:auth|changeUserPassword)\([ \t]{0,4}(["'])[^"'\n]{1,128}\1[ \t]{0,4},[ \t]{0,4}(["'])(?<secret>[^"'\n]{4,128})\2[ \t]{0,4}[,)]/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`use admin\ndb.auth("siteAdmin", "${pw("mongo-auth")}")\n`, `db.getSiblingDB('admin').changeUserPassword('app', '${pw("mongo-chpw")}');`],
        valid: ['db.auth("admin", passwordPrompt())', "db.auth('root', 'example')", 'db.auth("app", process.env.MONGO_PASSWORD)'],
      };
    },
  }),
  // Confluent Schema Registry / Kafka Connect basic auth: `basic.auth.user.info=<key>:<secret>`
  // (https://docs.confluent.io/platform/current/schema-registry/security/index.html#configuring-the-rest-api-for-basic-http-authentication).
  custom({
    id: "confluent-basic-auth-user-info",
    description: "Confluent Schema Registry basic.auth.user.info key:secret",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.confluent.io/platform/current/schema-registry/security/index.html",
    keywords: ["basic.auth.user.info"],
    pattern: /basic\.auth\.user\.info["']?[ \t]{0,4}[=:][ \t]{0,4}["']?[^\s:"'$]{1,128}:(?<secret>[^\s"',]{8,256})/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`schema.registry.basic.auth.user.info=${fake(UPPER_ALNUM, 16, "sr")}:${fake(B64, 64, "sr")}`, `"value.converter.basic.auth.user.info": "SR${fake(UPPER_ALNUM, 14, "sr2")}:${fake(B64, 64, "sr2")}",`],
        valid: ["basic.auth.user.info=${SR_KEY}:${SR_SECRET}", "schema.registry.basic.auth.user.info=<api-key>:<api-secret>"],
      };
    },
  }),
  // A symmetric JWT key in a JSON config of `type` and `key`: Hasura's HASURA_GRAPHQL_JWT_SECRET
  // (`{"type":"HS256","key":"…"}`, https://hasura.io/docs/2.0/auth/authentication/jwt/), often kept as a
  // string inside YAML or an .env file, quotes escaped or not. The value under the variable's name is the
  // whole JSON, so a reader of names never sees the key as one value.
  custom({
    id: "jwt-hmac-key-config",
    description: "HMAC JWT signing key in a {\"type\": \"HS256\", \"key\": …} config (Hasura JWT secret)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://hasura.io/docs/2.0/auth/authentication/jwt/",
    keywords: ["\"type\"", "\\\"type\\\""],
    pattern: /\\?"type\\?"[ \t]{0,4}:[ \t]{0,4}\\?"HS(?:256|384|512)\\?"[ \t]{0,4},[^{}\n]{0,300}?\\?"key\\?"[ \t]{0,4}:[ \t]{0,4}\\?"(?<secret>[^"\\\s]{32,512})\\?"/,
    entropy: 3.5,
    // A sentence in place of the key (`this-is-a-generic-HS256-secret-key…`) is a documentation sample.
    validate: (secret) => !looksLikeWords(secret) && !isSentence(secret),
    get examples() {
      const key = fake(B64, 64, "hsjwt");
      return {
        invalid: [`HASURA_GRAPHQL_JWT_SECRET: '{"type":"HS256","key":"${key}","claims_namespace":"https://hasura.io/jwt/claims"}'`, `HASURA_GRAPHQL_JWT_SECRET="{\\"type\\": \\"HS512\\", \\"key\\": \\"${fake(ALNUM, 64, "hsjwt2")}\\"}"`],
        valid: [`HASURA_GRAPHQL_JWT_SECRET: '{"type":"RS256","key":"-----BEGIN CERTIFICATE-----"}'`, `{"type":"HS256","key":"this-is-a-generic-HS256-secret-key-and-you-can-use-it"}`, `{"type": "HS256", "key": "\${JWT_KEY}"}`],
      };
    },
  }),
  // Elastic Beats and Logstash `cloud.auth: "user:password"` (Elastic Cloud deployments,
  // https://www.elastic.co/guide/en/beats/filebeat/current/configure-cloud-id.html).
  custom({
    id: "elastic-cloud-auth",
    description: "Elastic Cloud cloud.auth user:password (Beats, Logstash)",
    kind: "password",
    severity: "high",
    docs: "https://www.elastic.co/guide/en/beats/filebeat/current/configure-cloud-id.html",
    keywords: ["cloud.auth"],
    pattern: /cloud\.auth["']?[ \t]{0,4}(?:[=:]|=>)[ \t]{0,4}["']?[^\s:"'$]{1,128}:(?<secret>[^\s"']{4,256})/,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`cloud.auth: "elastic:${pw("cloudauth")}"`, `cloud.auth => "logstash_writer:${pw("cloudauth2")}"`],
        valid: ['cloud.auth: "elastic:${ES_PWD}"', 'cloud.auth: "elastic:YOUR_PASSWORD"'],
      };
    },
  }),
  // Consul and Nomad gossip encryption keys: `encrypt = "<base64 of 16, 24 or 32 bytes>"`
  // (https://developer.hashicorp.com/consul/docs/security/encryption/gossip, `consul keygen`, `nomad operator gossip keyring generate`).
  custom({
    id: "hashicorp-gossip-encryption-key",
    description: "Consul / Nomad / Serf gossip encryption key (encrypt = \"…\")",
    kind: "generic-secret",
    severity: "high",
    docs: "https://developer.hashicorp.com/consul/docs/security/encryption/gossip",
    // HCL aligns the `=` of neighbouring lines, so any run of blanks may follow the name.
    keywords: ["encrypt ", "encrypt=", '"encrypt"', "encrypt:"],
    pattern: /(?<![\w.-])["']?encrypt["']?[ \t]{0,40}[=:][ \t]{0,4}["'](?<secret>[A-Za-z0-9+/]{22,43}={0,2})["']/,
    validate: (s) => [16, 24, 32].includes(decodeBase64(s)?.length ?? 0),
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`encrypt    = "${gossipKey("gossip")}"`, `{"datacenter": "dc1", "encrypt": "${gossipKey("gossip2")}"}`],
        valid: ['encrypt = "${GOSSIP_KEY}"', `encrypt = "${"A".repeat(43)}="`, 'encrypt: "true"'],
      };
    },
  }),
  // Consul ACL tokens set in agent configuration: `acl { tokens { initial_management = "<uuid>" agent = "<uuid>" … } }`
  // (https://developer.hashicorp.com/consul/docs/agent/config/config-files#acl_tokens). Secret IDs are UUIDs.
  custom({
    id: "consul-acl-token",
    description: "Consul ACL token in agent configuration (acl.tokens.*)",
    kind: "token",
    severity: "critical",
    docs: "https://developer.hashicorp.com/consul/docs/agent/config/config-files#acl_tokens",
    keywords: ["initial_management", "agent_recovery", "agent_master", "tokens {", '"tokens": {'],
    // Names only Consul uses need no context. The generic ones (agent, default, dns, …) need
    // the enclosing `tokens {`, looked for behind a whole match only, never at every offset,
    // and at most 600 characters back: a block of all nine tokens is about 500. That look
    // back is the rule's cost (a megabyte of `agent = "<uuid>"` lines: ~50 ms); with 900 and
    // for every name it was 77 ms per MB of repeated example lines, 1.5x the linear-time limit.
    pattern: /(?<![\w.-])["']?(?:initial_management|master|agent|agent_recovery|agent_master|replication|default|config_file_service_registration|dns)["']?[ \t]{0,40}[=:][ \t]{0,4}["'](?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})["'](?<=(?:initial_management|agent_recovery|agent_master|config_file_service_registration)["']?[ \t]{0,40}[=:][ \t]{0,4}["'][0-9a-f-]{36}["']|tokens["']?[ \t]{0,4}[:=]?[ \t]{0,4}\{[^{}]{0,600})/i,
    validate: isPlausibleUuid,
    get examples() {
      return {
        invalid: [`acl {\n  enabled = true\n  tokens {\n    initial_management = "${uuid("consul-mgmt")}"\n    agent = "${uuid("consul-agent")}"\n  }\n}`, `{"acl": {"tokens": {"agent": "${uuid("consul-json")}"}}}`, `acl_agent_master_token_file = "x"\nagent_master = "${uuid("consul-legacy")}"`],
        valid: ['acl {\n  tokens {\n    agent = "00000000-0000-0000-0000-000000000000"\n  }\n}', `node_id = "${uuid("consul-node")}"`, `agent = "${uuid("consul-no-block")}"`],
      };
    },
  }),
  // Nix: `pkgs.writeText "<name>" "<content>"` and `builtins.toFile "<name>" "<content>"` put the content
  // in the world-readable /nix/store (https://nixos.org/manual/nixpkgs/stable/#trivial-builder-writeText;
  // the NixOS wiki's "Comparison of secret managing schemes" for why that leaks it). When the store
  // file's own name says it is a password, token, secret or key, the literal content is one.
  custom({
    id: "nix-store-secret",
    description: "Secret written into the world-readable Nix store (writeText / toFile with a literal)",
    kind: "password",
    severity: "high",
    docs: "https://nixos.org/manual/nixpkgs/stable/#trivial-builder-writeText",
    keywords: ["writetext \"", "tofile \""],
    pattern: /\b(?:writeText|toFile)[ \t]{1,4}"(?=[^"\n]{0,80}(?:pass|secret|token|apikey|api-key|api_key|credential|pw\b))[^"\n$]{1,80}"[ \t]{1,4}"(?<secret>[^"\\$\n]{6,200})"/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`services.nextcloud.config.adminpassFile = "\${pkgs.writeText "adminpass" "${pw("nixpass")}"}";`, `passwordFile = builtins.toFile "db-password" "${pw("nixtofile")}";`],
        valid: ['passwordFile = "/run/secrets/db-password";', `pkgs.writeText "motd" "${pw("nixmotd")}"`, 'pkgs.writeText "adminpass" "changeme"', 'pkgs.writeText "token" "${config.sops.placeholder.token}"'],
      };
    },
  }),
  // NATS nkey seeds (private keys): base32 of a 2-byte seed prefix, 32 random bytes and a CRC-16,
  // 58 characters; the prefix makes them begin "S" + the key type (U user, A account, O operator,
  // N server, C cluster, X curve) + "A". The public keys beside them begin "U"/"A"/"O"/"N" and are
  // not secrets (https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth).
  custom({
    id: "nats-nkey-seed",
    description: "NATS nkey seed (SUA…/SAA…/SOA…, 58 base32 characters)",
    kind: "private-key",
    severity: "critical",
    docs: "https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth",
    keywords: ["sua", "saa", "soa", "sna", "sca", "sxa"],
    pattern: /(?<![A-Za-z0-9])(?<secret>S[UAONCX]A[A-Z2-7]{55})(?![A-Za-z0-9])/,
    entropy: 4,
    get examples() {
      const seed = "SUA" + fake(BASE32, 55, "nkey");
      return {
        invalid: [`const seed = "${seed}"`, `-----BEGIN USER NKEY SEED-----\n${"SAA" + fake(BASE32, 55, "nkey-acct")}\n------END USER NKEY SEED------`, `nkey_seed: ${"SOA" + fake(BASE32, 55, "nkey-op")}`],
        valid: [`user_public = "UD${fake(BASE32, 54, "nkey-pub")}"`, `const seed = "SUA${"A".repeat(55)}"`, `SUA${fake(BASE32, 50, "nkey-short")}`],
      };
    },
  }),
  // systemd's `SetCredential=ID:VALUE` puts a literal credential into the unit file (vaultshift:allow: an example, not a credential)
  // (https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#SetCredential=ID:VALUE), (vaultshift:allow: an example, not a credential)
  // which systemd documents as a fallback, unlike LoadCredential= (a path); the ID names it.
  custom({
    id: "systemd-set-credential",
    description: "Literal credential in a systemd SetCredential= line",
    kind: "password",
    severity: "high",
    docs: "https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#SetCredential=ID:VALUE",
    keywords: ["setcredential"],
    pattern: /\bSetCredential(?:Encrypted)?[ \t]{0,4}=[ \t]{0,4}"?[\w.@-]{0,60}(?:pass|secret|token|key|auth|cred|pwd)[\w.@-]{0,60}:(?<secret>[^\s"]{6,400})/i,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [`[Service]\nSetCredential=restic-password:${pw("systemd-cred")}`, `SetCredential = "admin-token:${fake(ALNUM, 40, "systemd-token")}";`],
        valid: ["LoadCredential=db-password:/run/secrets/db", "SetCredential=db-password:changeme", `SetCredential=hostname:${fake(ALNUM, 12, "systemd-host")}`],
      };
    },
  }),
  // Caddy's DNS challenge: `dns <provider> <token>` in a `tls` block (caddy-dns modules; e.g.
  // https://github.com/caddy-dns/cloudflare#caddyfile-examples), normally `{env.CF_API_TOKEN}`.
  custom({
    id: "caddy-dns-provider-token",
    description: "DNS provider API token inline in a Caddyfile `dns <provider> <token>`",
    kind: "api-key",
    severity: "high",
    docs: "https://caddyserver.com/docs/caddyfile/directives/tls#dns",
    keywords: ["dns cloudflare", "dns digitalocean", "dns duckdns", "dns hetzner", "dns porkbun", "dns vultr", "dns gandi", "dns desec", "dns linode", "dns netlify", "dns godaddy"],
    pattern: /^[ \t]{0,40}dns[ \t]{1,4}(?:cloudflare|digitalocean|duckdns|hetzner|porkbun|vultr|gandi|desec|linode|netlify|godaddy)[ \t]{1,4}(?<secret>[A-Za-z0-9_.:-]{20,200})[ \t]*$/m,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`tls {\n\tdns cloudflare ${fake(ALNUM, 40, "caddy-cf")}\n}`],
        valid: ["tls {\n\tdns cloudflare {env.CF_API_TOKEN}\n}", "dns cloudflare {$CLOUDFLARE_API_TOKEN}"],
      };
    },
  }),
];
