// False-positive control: small pure predicates on a candidate value. Each says
// why a value is NOT a secret (placeholder, reference, hash, public key,
// ciphertext, path…); `notSecretReason` runs the chain and returns the first
// reason, or null when the value may be a secret. The generic detector, the
// .env classifier and the provider-rule post-filter all use it, so a value is
// judged the same way wherever it is found.

import { charClasses } from "./entropy.js";
import { decodeBase64 } from "./checksum.js";
import { foldName } from "./secret-name.js";
import { deobfuscateJetty } from "./jetty-password.js";

/** Documented example credentials (AWS docs, Stripe docs, jwt.io, …). Compared case-sensitively. */
const DOCUMENTED_EXAMPLES = new Set([
  "AKIAIOSFODNN7EXAMPLE", // AWS IAM user guide
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", // AWS IAM user guide
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  "AKIAI44QH8DHBEXAMPLE",
  // Docker's swarm join tokens and unlock key of its documentation (docs.docker.com `docker swarm join --token …`,
  // `docker swarm unlock`, the Engine API reference of every version; copied into countless tutorials and READMEs).
  "SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-7p73s1dx5in4tatdymyhg9hu2",
  "SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx",
  "SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-b30ljddcqhef9b9v4rs7mel7t",
  "SWMTKN-1-1h8aps2yszaiqmz2l3oc5392pgk8e49qhx2aj3nyv0ui0hez2a-8llk83c4wm9lwioey2s316r9l",
  "SWMTKN-1-1h8aps2yszaiqmz2l3oc5392pgk8e49qhx2aj3nyv0ui0hez2a-6qmn92w6bu3jdvnglku58u11a",
  "SWMTKN-1-49nj1cmql0jkz5s954yi3oex3nedyz0fb0xx14ie39trti4wxv-8vxv8rssmk743ojnwacrr2e7c",
  "SWMTKN-1-3vi7ajem0jed8guusgvyl98nfg18ibg4pclify6wzac6ucrhg3-0117z3s2ytr6egmmnlr6gd37n",
  "SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8",
  // and the unlock key the CLI reference prints for `docker swarm unlock-key` (docs/reference/commandline/swarm_unlock-key.md)
  "SWMKEY-1-fySn8TY4w5lKcWcJPIpKufejh9hxx5KYwx6XZigx3Q4",
  // The client key printed by `ceph auth get-or-create` in Ceph's RBD/Kubernetes guide (docs.ceph.com/en/latest/rbd/rbd-kubernetes/)
  "AQD9o0Fd6hQRChAAt7fMaSZXduT3NWEqylNpmg==",
  // Shipped defaults of media and conferencing servers, printed in their sample configs and guides: NZBGet's
  // ControlPassword (nzbget.conf, https://nzbget.com/documentation/), and the shared secret of BigBlueButton's
  // public test server (test-install.blindsidenetworks.com), used in every API client's examples.
  "tegbzn6789", "8cd8ef52e8e101574e400365b55e11a6",
  // Apache APISIX's shipped admin and viewer keys (conf/config-default.yaml; the docs tell users to replace them)
  "edd1c9f034335f136f87ad84b625c8f1", "4054f7cf07e344346cd3f287985e76a2",
  // Azurite storage emulator's published account key (learn.microsoft.com, storage-use-azurite)
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
  // Stripe API reference's test-mode key, printed in every code sample (https://docs.stripe.com/api/authentication)
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
  // OAuth 2.0 (RFC 6749 §2.3, §4.1, §5.1, §7.1; RFC 6750 §2.1): the client s6BhdRkqt3:gX1fBat3bV, its Basic
  // header, the sample code, access and refresh tokens. OAuth 1.0 (RFC 5849 §1.2, §3.5.1) and the MAC
  // draft (draft-ietf-oauth-v2-http-mac §3.1): their consumer keys, tokens and secrets. Every OAuth
  // library in every language repeats them in its documentation and docstrings.
  "czZCaGRSa3F0MzpnWDFmQmF0M2JW", "gX1fBat3bV", "SplxlOBeZQQYbYS6WxSbIA", "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA",
  "7Fjfp0ZBr1KtDRbnfVdmIw", "mF_9.B5f-4.1JqM", "dpf43f3p2l4k3l03", "kd94hf93k423kf44", "hh5s93j4hdidpola", "hdhd0244k9j7ao03",
  "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00", "9djdj82h48djs9d2", "kkk9d7dh3k39sjv7", "0685bd9184jfhq22",
  "ad180jjd733klru7", "h480djs93hd8",
  // The Google Cloud SDK's installed-application OAuth client secret (client id 764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur):
  // shipped in the open-source gcloud/gsutil, and written by `gcloud auth application-default login` into every
  // application_default_credentials.json next to the user's refresh token (which is the secret there). Google
  // documents installed-app client secrets as not confidential
  // (https://developers.google.com/identity/protocols/oauth2/native-app).
  "d-FL95Q19q7MQmFpd7hHD0Ty",
  // wg(8)'s example configuration: the interface PrivateKey of the manual's
  // CONFIGURATION FILE FORMAT EXAMPLE, copied into WireGuard tutorials (https://git.zx2c4.com/wireguard-tools/about/src/man/wg.8).
  "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
  // Infura project ids published on purpose: MetaMask's (in its source and copied into countless dApp
  // configs as "the public Infura key") and ethers v5's InfuraProvider defaultProjectId (ships in every
  // ethers bundle). Shared by everyone, rate-limited, no one's credential.
  "9aa3d95b3bc440fa88ea12eaa4456161", "84842078b09946638c03157f83405213",
  // The development chains' published BIP-39 mnemonics: ganache's deterministic one (`ganache -d`) and
  // `truffle develop`'s, printed at every start and copied into countless truffle/hardhat configs.
  "myth like bonus scare over problem client lizard pioneer submit female collect",
  "candy maple cake sugar pudding cream honey rich smooth crumble sweet treat",
  // Mollie's API reference prints this test-mode key in every code sample of every client library
  // (https://docs.mollie.com/reference/authentication), so it is copied into sandbox defaults.
  "test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM",
  // ethers v6's default community keys (src.ts/providers: Alchemy, Ankr, Blockscout, Pocket, QuickNode), shipped in
  // every ethers bundle for the same reason as the Infura id above: shared by everyone, rate-limited, no one's credential.
  "_gg7wSSi0KMBsdKnGVfHDueq6xMB9EkC", "9f7d929b018cdffb338517efa06f58359e86ff1ffd350bc889738523659e7972", // vaultshift:allow
  "proapi_gwcAAagyQKJ4r2KrAATyyCshiyUEpWfr2x7aKDOWFc56ZY8mBFcT9KZuP5Ce2jIfr_kHzUm", "62e1ad51b37b8e00394bda3b", // vaultshift:allow
  "919b412a057b5e9c9b6dce193c5a60242d6efadb", // vaultshift:allow
  // The TOTP secret of Google Authenticator's key-URI documentation (base32 of "Hello!\xde\xad\xbe\xef",
  // https://github.com/google/google-authenticator/wiki/Key-Uri-Format) and PyOTP's README secret, in every OTP library's docs.
  "JBSWY3DPEHPK3PXP", "base32secret3232",
  // HTTP Basic (RFC 7617 §2, RFC 2617 §2): Aladdin:open sesame.
  "QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
  // OpenSSL 3's "FIPS validation HMAC key" (include/openssl/fipskey.h, generated from Configure's
  // default FIPSKEY): the key of the FIPS provider's integrity checksum, the same in every build and
  // published with the source; every vendored copy of OpenSSL's headers (Node's has 58) holds it.
  "f4556650ac31d35461610bac4ed81b1a181b2d8a43ea2854cbae22ca74560813",
  // Hardhat's and Foundry Anvil's default development accounts #0-#3 (from the published mnemonic
  // "test test … junk"; addresses 0xf39F…2266, 0x7099…79C8, 0x3C44…93BC, 0x90F7…b906): printed by every
  // `npx hardhat node` / `anvil` and copied into `accounts: [...]` for the localhost network.
  "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  // Published crypto test vectors that libraries copy into their tests: the AES-128/192/256 keys of NIST
  // SP 800-38A (appendix F, the FIPS-197 example key), RFC 7515 appendix A.1's HMAC key and RFC 7519 §3.1's
  // example JWT.
  "2b7e151628aed2a6abf7158809cf4f3c",
  "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
  "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
  "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
  "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
  // jwt.io's default token (HS256, "your-256-bit-secret")
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  // Grafana's shipped default `secret_key` (conf/defaults.ini, [security]), the key of every instance that
  // never set its own: copied into docs, Helm values and excerpts of the defaults.
  "SW2YcwTIb9zpOOhoPsMm",
  // Dynatrace's documentation example access token (https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens).
  "dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM",
  // The Supabase CLI's local JWT secret, the same on every machine (`supabase start`, supabase/config.toml docs).
  "super-secret-jwt-token-with-at-least-32-characters-long",
  // Shipped example values of self-hosted LLM apps, copied into every fork, compose file and tutorial (their
  // docs say to replace them): LibreChat's .env.example CREDS_KEY, CREDS_IV, JWT_SECRET, JWT_REFRESH_SECRET and
  // MEILI_MASTER_KEY (https://www.librechat.ai/docs/configuration/dotenv), Dify's docker/.env.example SECRET_KEY
  // and PLUGIN_DAEMON_KEY (https://github.com/langgenius/dify/blob/main/docker/.env.example), and Canvas LMS's
  // config/security.yml.example encryption_key, reused by its docker setups and test suites.
  "f34be427ebb29de8d88c107a71546019685ed8b241d8f2ed00c3df97ad2566f0", "e2341419ec3dd3d19b13a1a87fafcbfb",
  "16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef", "eaa5191f2914e30b9387fd84e254e4ba6fc51b4654968a9b0803b456a54b8418",
  "DrhYf7zENyR6AlUCKmnz0eYASOQdl6zxH7s7MKFSfFCt",
  "sk-9f73s3ljTXVcMT3Blb3ljTqtsKiGHXVcMT3BlbkFJLK7U", "lYkiYYT6owG+71oLerGzA7GXCgOT++6ovaezWAjpCjf+Sjc3ZtU+qUEi",
  "facdd3a131ddd8988b14f6e4e01039c93cfa0160",
]);

/** Words that, as a whole segment of a value, mark it as a stand-in. */
const MARKERS = new Set([
  "example", "examples", "sample", "dummy", "fake", "placeholder", "changeme", "changethis", "redacted", "replace", "replaceme",
  "your", "yours", "insert", "todo", "tbd", "fixme", "mock", "mocked", "lorem", "ipsum", "foobar", "notreal", "xxx", "xxxx",
  "test", "testing", "demo", "invalid", "bogus", "stub", "here", "goes", "enter", "put",
  // `jwt-secret-for-tests-only`, `generate-with-openssl-rand-base64-32`: instructions and test markers.
  "tests", "generate", "openssl",
  // The skeletons' "edit this" markers: Symfony and Sylius ship `APP_SECRET=EDITME`, others `FILLME`, `SETME`.
  "editme", "fillme", "setme",
  // A description of the format in place of a value (`base64_encoded_64_byte_salt` in a Javadoc grammar).
  "encoded",
]);

/**
 * Whole values that are defaults or stand-ins (compared lower-case, digits
 * and separators stripped at the ends): `password`, `secret`, `changeme`, `null`…
 */
const STANDIN_VALUES = new Set([
  "password", "passwd", "pass", "pwd", "secret", "secrets", "token", "apikey", "api_key", "key", "changeme", "change_me", "change-me",
  "none", "null", "nil", "undefined", "empty", "unset", "default", "defaults", "admin", "root", "postgres", "mysql", "guest", "user",
  "username", "test", "testing", "example", "sample", "dummy", "fake", "placeholder", "redacted", "hidden", "masked", "private",
  // `hunter2`: the password of the bash.org joke, the stock example of API docs (Docker Engine's AuthConfig).
  "hunter2",
  "secretkey", "secret_key", "opensesame", "mysecret", "mypassword", "mysecretpassword", "supersecret", "topsecret", "letmein", "qwerty", "qwertyuiop", "asdf", "asdfgh", "asdfghjkl", "asdfasdf", "zxcvbn", "zxcvbnm", "1qaz2wsx", "abc",
  "abcdef", "foo", "bar", "baz", "foobar", "todo", "tbd", "xxx", "na", "n/a", "string", "str", "value", "required", "optional",
  "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "local", "localhost", "development", "dev", "production", "prod",
]);

/** Vocabulary for values glued from stand-in words (`mysecretpassword`, `yourapikeyhere`). */
const GLUE_WORDS = [
  "my", "your", "the", "a", "secret", "password", "pass", "passwd", "key", "api", "token", "access", "auth", "here", "value", "change",
  "me", "this", "example", "test", "dummy", "fake", "sample", "default", "super", "top", "very", "strong", "some", "random", "string",
  "private", "client", "app", "dev", "local", "db", "database", "put", "insert", "replace", "with", "real", "new", "goes", "its", "it",
  "is", "not", "set", "to", "be", "of", "jwt", "session", "signing", "encryption", "admin", "user", "xxx", "foo", "bar", "baz",
  // Instructions written in the value: `change-this-to-a-long-random-string`, `generate-a-unique-secure-phrase`.
  "long", "unique", "secure", "phrase", "generate", "generated", "own", "please", "something",
  // "Password" and "secret" in the languages documentation is written in (German, French, Italian,
  // Spanish, Portuguese, Dutch, Polish, Swedish, Norwegian/Danish, Finnish, Turkish; Russian пароль
  // transliterated): `passwd='geheim$parole'`, `kennwort`, `motdepasse`.
  "geheim", "geheimnis", "passwort", "kennwort", "parole", "parola", "parol", "motdepasse", "secreto", "segreto", "contrasena",
  "senha", "wachtwoord", "haslo", "losenord", "passord", "salasana", "sifre",
  // The rest of a stand-in in those languages (`sua_senha_aqui`, `tu_contraseña_aqui`, `din-adgangskode-her`,
  // `votre_mot_de_passe`, `sifreniz`, `«bitte eintragen»`): "your", "here", "change", "enter", Turkish -niz.
  "adgangskode", "clave", "chave", "chiave", "mot", "passe", "de", "tu", "tua", "tuo", "su", "sua", "seu", "votre", "ton", "dein", "deine",
  "ihr", "din", "ditt", "jouw", "uw", "twoje", "senin", "aqui", "ici", "hier", "her", "qui", "tutaj", "burada", "bitte", "eintragen",
  "aendern", "andern", "changer", "changez", "moi", "cambiar", "cambiare", "alterar", "wijzigen", "niz", "iniz",
  "for", "only", "tests", "openssl", "rand", "base",
  // Short forms of "password" and Java's keystore vocabulary: `testpw` (Django's test suite), Jetty's documented
  // keystore passwords `storepwd` and `keypwd` (behind every `OBF:` of its examples).
  "pw", "pwd", "store",
  // What the documentation says the value stands for: `V3ry_S3nsit1ve`, `confidential-value`.
  "sensitive", "confidential",
  // Format descriptions: `hex_encoded_32_bytes`, `base64_encoded_64_byte_salt`.
  "encoded", "byte", "bytes", "bit", "bits", "hex", "salt", "chars", "characters",
  // Windows Setup's redaction of answer-file passwords in the copies it keeps (Panther\unattend.xml):
  // `*SENSITIVE*DATA*DELETED*`.
  "data", "deleted", "removed",
];

/** The whole value is a stand-in word (`value`, `password`, `changeme`, `null`…). */
export function isStandInWord(v: string): boolean {
  return STANDIN_VALUES.has(v.trim().toLowerCase());
}

export function isDocumentedExample(v: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(v) || (v.startsWith("0x") && DOCUMENTED_EXAMPLES.has(v.slice(2)))) return true;
  // AWS docs end their example keys with EXAMPLE / EXAMPLEKEY, and put EXAMPLE inside their sample session tokens
  // (`AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22…`, the STS API reference).
  return /EXAMPLE/.test(v) && /^[A-Za-z0-9/+=]{10,}$/.test(v);
}

/** `xxxx`, `****`, `....`, `0000`, `<token>`, `[API_KEY]`, `…` and mostly-one-character values. */
export function isMaskOrTemplate(v: string): boolean {
  if (/^<[^<>]*>$/.test(v) || /^\[[^\]]*\]$/.test(v) || /^\{[A-Za-z_ -]*\}$/.test(v)) return true;
  // A translation token, `[[user:has_no_posts]]` (NodeBB's translator, wiki links): the text is looked up by it.
  if (/^\[\[[\w.:/ -]{1,100}(?:, ?[^\]\n]{0,60})?\]\]$/.test(v)) return true;
  // A usage template of several placeholders, `<key1>[,<key2>]` (duply's profile template, man pages' synopses),
  // and a word wrapped in underscores, `_backend_password_` (duply's and other generators' fill-in markers).
  if (/^(?:<[\w .-]{1,40}>|\[[^\]\n]{0,60}\]|[ ,;|]){2,12}$/.test(v) || /^_[a-z]+(?:_[a-z]+)*_$/.test(v)) return true;
  if (/(?:x{4,}|X{4,}|\*{3,}|\.{3,}|…|#{4,}|_{4,}|0{8,}|-{4,}|•{3,})/.test(v)) {
    // A run of mask characters inside an otherwise real-looking value (`sk_live_xxxx…`) is still a mask.
    return true;
  }
  const body = stripKnownPrefix(v);
  if (body.length >= 6) {
    const counts = new Map<string, number>();
    let max = 0;
    for (const ch of body) {
      const n = (counts.get(ch) ?? 0) + 1;
      counts.set(ch, n);
      if (n > max) max = n;
    }
    if (max / body.length > 0.5 || counts.size <= 2 || (body.length >= 12 && counts.size <= 4)) return true;
  }
  return false;
}

/** `123456…`, `abcdef…`, `sk_test_1234567890abcdef`, `1234-5678-91000`: mostly ascending runs. */
export function isSequential(v: string): boolean {
  // Separators between the runs do not break them: `1234-5678-91000`, `1234 5678 9012`.
  const body = stripKnownPrefix(v).toLowerCase().replace(/(?<=[a-z0-9])[-_ .](?=[a-z0-9])/g, "");
  if (body.length < 6) return false;
  let steps = 0;
  let repeats = 0;
  for (let i = 1; i < body.length; i++) {
    const d = body.charCodeAt(i) - body.charCodeAt(i - 1);
    if (d === 1 || d === -1 || (body[i - 1] === "9" && body[i] === "0") || (body[i - 1] === "9" && body[i] === "a")) steps++;
    else if (d === 0) repeats++;
  }
  if (steps / (body.length - 1) >= 0.6) return true;
  // The same run with every character doubled (`AABBCCDDEEFFGGHH`, `112233445566`, kubeadm's test token
  // `123456.aabbccddeeffgghh`): a repeat then a step, over and over. Random text repeats a character about
  // once in 36 places, so a third of repeats with every other move a step is a ladder someone typed.
  return repeats >= 4 && repeats / (body.length - 1) >= 0.3 && steps / (body.length - 1 - repeats) >= 0.8;
}

/** Stand-in words: `your-api-key`, `my_test_secret`, `REPLACE_ME`, `mysecretpassword`, `changeme123`. */
export function isStandIn(v: string): boolean {
  // Folded as names are (secret-name.ts foldName): `tu_contraseña_aqui` reads as the glue words `tu contrasena aqui`.
  const lower = foldName(percentDecoded(v)).toLowerCase();
  const core = lower.replace(/^[^a-z0-9]+|[^a-z]+$/g, "");
  if (STANDIN_VALUES.has(lower) || STANDIN_VALUES.has(core)) return true;
  const segments = splitSegments(stripKnownPrefix(v));
  if (segments.some((s) => MARKERS.has(s))) return true;
  // `change-me-in-production`, `replace_me_with_a_real_key`, `CHANGE THIS`: an instruction in place of the value.
  if (/(?:^|[^a-z])(?:change|replace)[-_. ]?(?:me|this|it)(?:[^a-z]|$)/.test(lower)) return true;
  // The same in camel case: `!ChangeThisMercureHubJWTSecretKey!` (the Symfony Mercure recipe), `ChangeMeInProduction`.
  if (/(?:^|[^A-Za-z])(?:Change|Replace)(?:Me|This|It)(?:[^a-z]|$)/.test(v)) return true;
  // `toBeModified1,toBeModified2` (Strapi's generated .env.example), `to-be-changed`, `TO_BE_FILLED`.
  if (/(?:^|[^a-z])to[-_. ]?be[-_. ]?(?:modified|changed|replaced|filled|set|defined|generated|provided)(?:[^a-z]|$)/.test(lower)) return true;
  // Glued stand-in words, optionally followed by digits: `yourapikeyhere`, `supersecret123`.
  const letters = core.replace(/[^a-z]/g, "");
  // Any punctuation may join the words (`secret$password`, `geheim!parole`, `pass;word`), as separators do.
  if (letters.length >= 4 && letters.length <= 40 && /^[^0-9]*[0-9]*$/.test(core) && isGlued(letters)) return true;
  // One character off a stand-in (`secre1`, `pa?sword` from `pa%3Fsword`): URL-parser tests and docs
  // vary a stand-in so that it is not a default, not to make it a secret.
  if (isOneCharOff(lower, LONG_STANDINS)) return true;
  return isLeetStandIn(v) || isKeyboardMash(v);
}

const LONG_STANDINS = [...STANDIN_VALUES].filter((w) => w.length >= 6 && /^[a-z]+$/.test(w));

/** `p` has the length of one of `words` and differs from it in exactly one place. */
export function isOneCharOff(p: string, words: readonly string[]): boolean {
  for (const w of words) {
    if (w.length !== p.length) continue;
    let diff = 0;
    for (let i = 0; i < w.length && diff < 2; i++) if (w.charCodeAt(i) !== p.charCodeAt(i)) diff++;
    if (diff === 1) return true;
  }
  return false;
}

/**
 * A short lower-case value typed by running fingers over the home row (`askfjh234as9sd8`,
 * `qwe089234lkjsdf`, oauthlib's doctest tokens): six home-row letters in a row, four of them
 * different, beside digits. Random values rarely do this: a random 20-character [a-z0-9] value holds
 * such a run about 0.25% of the time (measured, 100,000 seeded); hex cannot (a, d, f are 3). Letters
 * alone are left alone: 16 random lower-case letters (a Google app password) hold such a run 1.2% of
 * the time, 20 letters 1.6%. Longer values and mixed case, where tokens live, are left alone too.
 */
export function isKeyboardMash(v: string): boolean {
  if (v.length > 20 || !/^[a-z0-9]+$/.test(v) || !/[0-9]/.test(v)) return false;
  for (const run of v.match(/[asdfghjkl]{6,}/g) ?? []) if (new Set(run).size >= 4) return true;
  return false;
}

/**
 * Leetspeak spellings of stand-in words (`t0ps3cr3t`, `p4ssw0rd`, `V3ry_S3nsit1ve`): documentation's
 * way to make a stand-in look real. Digits after the letters stay a suffix (`s3cr3t123`).
 */
export function isLeetStandIn(v: string): boolean {
  const core = percentDecoded(v).toLowerCase().replace(/^[^a-z0-9]+|[^a-z]+$/g, "");
  // 2, 6 and 9 stand for no letter: a value holding one is no leetspeak word (and most random ones are out here).
  if (core.length > 40 || /[269]/.test(core) || !/[a-z][0-9@$]|[0-9@$][a-z]/.test(core)) return false;
  const codes: number[] = [];
  for (let i = 0; i < core.length; i++) {
    const c = core.charCodeAt(i);
    const letter = c < 128 ? LEET_CODES[c]! : 0;
    if (letter !== 0) codes.push(letter);
    else if (c >= 97 && c <= 122) codes.push(c);
  }
  if (codes.length === 0) return false;
  const plain = String.fromCharCode(...codes);
  return STANDIN_VALUES.has(plain) || (plain.length >= 4 && isGlued(plain));
}

// The usual leetspeak substitutions: 0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 8 b, @ a, $ s.
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", $: "s" };
const LEET_CODES = new Uint8Array(128);
for (const [from, to] of Object.entries(LEET)) LEET_CODES[from.charCodeAt(0)] = to.charCodeAt(0);

/**
 * No letter and no digit (`%20!%22$%&'()*+,-.`, an emoji), or C0 control characters in a value
 * written mostly as escapes (`%00%01%09…`), once percent-decoded: the character tables of URL-parser tests, not a password anyone types.
 */
export function isCharacterTable(v: string): boolean {
  let d = percentDecoded(v);
  // A stray `%` (`$%&'`) makes the whole value undecodable: decode the escapes one by one, and
  // count the bytes of multi-byte characters as neither letters nor digits.
  if (d === v && v.includes("%")) d = v.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => (parseInt(h, 16) < 0x80 ? String.fromCharCode(parseInt(h, 16)) : "\u0080"));
  if (!/[\p{L}\p{N}]/u.test(d)) return true;
  // A C0 control character or DEL written as a JSON/JavaScript escape (`pass[\u007F`, WHATWG's URL tests):
  // no one types one into a password; parser tests feed them.
  if (/\\u00(?:[01][0-9A-Fa-f]|7[Ff])/.test(v)) return true;
  // One `%` followed by two digits is also how a typed password may read (`Tiger%1662…`): control
  // characters count only in a value written mostly as escapes.
  return /[\x00-\x08\x0e-\x1f\x7f]/.test(d) && mostlyPercentEscapes(v);
}

/** Two thirds or more of `v` is percent escapes (`%c3%89t%C3%A9`, `%00%01%09`): text written for a URL parser, not typed. */
export function mostlyPercentEscapes(v: string): boolean {
  if (!v.includes("%")) return false;
  const escapes = v.match(/%[0-9A-Fa-f]{2}/g)?.length ?? 0;
  return escapes > 0 && escapes * 3 * 2 >= v.length;
}

/** `My%20Pass`, `pa%2Fssword` (a URL's user info is percent-encoded): the text a reader sees. */
export function percentDecoded(v: string): string {
  if (!v.includes("%")) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/**
 * A reference to a secret kept elsewhere, not the secret: shell/compose
 * `${VAR}` / `$VAR`, Windows `%VAR%`, templates `{{ … }}` `<%= %>` `#{…}`,
 * code `process.env.X`, `os.environ[…]`, `ENV[…]`, Terraform `var.x`,
 * CloudFormation `!Ref`, GitHub Actions `${{ secrets.X }}`, secret-manager URIs.
 */
export function isReference(v: string): boolean {
  const t = v.trim();
  if (t.includes("${") || /\$\([^)]*\)|\{\{[^}]*\}\}|<%[\s\S]*%>|#\{[^}]*\}|\$\{\{/.test(t)) return true;
  // Zabbix macros (https://www.zabbix.com/documentation/current/en/manual/config/macros): user macros
  // `{$VMWARE.PASSWORD}`, `{$MACRO:"context"}`, low-level discovery macros `{#SNMPINDEX}`, and a whole value
  // that is one built-in macro (`{ALERT.SENDTO}`, `{HOST.CONN}`); the same `{$name}` is PHP's complex
  // interpolation of a variable in a double-quoted string (`"{$password}"`). Template exports hold them by the
  // hundred (`password: '{$JMX.PASSWORD}'`, `value: 'Bearer {$KUBE.API.TOKEN}'`); the secret lives in the server.
  if (/\{[$#][A-Za-z_][\w.]{0,100}(?::(?:"[^"\n]{0,200}"|[^}\n]{0,200}))?\}/.test(t) || /^\{[A-Z][A-Z0-9_]*(?:\.[A-Za-z0-9_]+){1,6}\}$/.test(t)) return true;
  // `"Bearer $TOKEN\"` in a package.json script: the escaped closing quote of the shell string ends the value.
  if (/^\$[A-Za-z_][A-Za-z0-9_]*\\?["']?$/.test(t) || /^%[A-Za-z_][A-Za-z0-9_]*%$/.test(t)) return true;
  // A qualified variable (Puppet's top-scope `$::os_service_default` and class parameters
  // `$ceph::profile::params::secret`, https://www.puppet.com/docs/puppet/7/lang_variables.html; Perl's
  // `$Config::password`): the value is read from the variable, as `$VAR` is.
  if (/^\$(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)+$|^\$::[A-Za-z_]\w*$/.test(t)) return true;
  // A Perl hash element interpolated into a string (`password => "$Global{'bindpw'}"`, `"$cfg->{db_pass}"`).
  if (/^\$[A-Za-z_]\w*(?:->)?\{['"]?[\w.-]{1,60}['"]?\}$/.test(t)) return true;
  // Perl references to a sub or variable (`pass => \&fetch_password`, `\$password`, `\%config`; perlref).
  // Perl names are snake_case (perlstyle), optionally package-qualified: a mixed-case random value stays a value.
  if (/^\\[&$@%](?:[A-Za-z_]\w*::)*[a-z_][a-z0-9_]*$/.test(t)) return true;
  // PowerShell `$env:NAME`; Grafana `$__env{NAME}` / `$__file{path}` / `$__vault{…}` expansions
  // (https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#variable-expansion);
  // Symfony container parameters `%kernel.project_dir%/…` (https://symfony.com/doc/current/configuration.html#configuration-parameters).
  // Dhall's environment import `env:NAME` (`env:DB_PASSWORD as Text`, https://docs.dhall-lang.org/references/Built-in-types.html#environment-variables).
  if (/^env:[A-Za-z_][A-Za-z0-9_]*(?:\s+as\s+Text)?$/.test(t)) return true;
  if (/^\$env:[A-Za-z_][A-Za-z0-9_]*$/i.test(t) || /^\$__(?:env|file|vault)\{[^}]*\}$/.test(t) || /^%[a-z_][a-z0-9_.]*%(?:\/|$)/.test(t)) return true;
  // Datadog Autodiscovery template variables (`%%env_DB_PASSWORD%%`, `%%host%%`,
  // https://docs.datadoghq.com/containers/guide/template_variables/); Vector's secret backends
  // (`SECRET[backend.key]`, https://vector.dev/docs/reference/configuration/global-options/#secret);
  // Concourse credential-manager vars (`((adyen.api_key))`, https://concourse-ci.org/vars.html); Ansible's
  // `!vault |` tag, whose ciphertext follows on the next lines.
  if (/^%%[A-Za-z_][\w.]{0,100}%%$/.test(t) || /^SECRET\[[\w-]{1,60}\.[\w.\/-]{1,100}\]$/.test(t) || /^\(\([ \t]*[\w./:-]{1,100}[ \t]*\)\)$/.test(t) || /^!vault(?:[ \t]*[|>][-+]?)?$/.test(t)) return true;
  if (/^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|ENV\[|ENV\.fetch|System\.getenv|Environment\.GetEnvironmentVariable|getenv\(|env\(|config\(|settings\.|secrets\.|var\.|local\.|data\.|module\.|!Ref|!Sub|!GetAtt|!ImportValue|Fn::|ref\+|op:\/\/|vault:\/\/|secretsmanager:|ssm:|awskms:|gcpkms:|azurekeyvault:)/i.test(t)) return true;
  // Azure App Service Key Vault references; an unquoted reader stops at the `(`, hence the bare form.
  if (/^arn:aws:(?:secretsmanager|ssm|kms):/.test(t) || /^@Microsoft\.KeyVault(?:\(|$)/i.test(t)) return true;
  // TeamCity's tokens for secure values kept on the server (`password("env.X", "credentialsJSON:<uuid>")` in
  // `.teamcity/settings.kts`, https://www.jetbrains.com/help/teamcity/storing-project-settings-in-version-control.html#Managing+Tokens),
  // and octoDNS's `env/NAME` provider parameters (https://github.com/octodns/octodns#configuration: "env/" reads the environment).
  // Property placeholders of Spring-style resolvers that write `%{…}` (Shibboleth IdP `idp.properties`:
  // `%{idp.sealer.storePassword}`, `%{name:default}`) and OpenSSL config's environment lookups (`$ENV::KEY_PASS`,
  // https://docs.openssl.org/master/man5/config/#variables).
  if (/^%\{[A-Za-z_][\w.-]{0,100}(?::[^}\n]{0,100})?\}$/.test(t) || /^\$\{?ENV::[A-Za-z_]\w{0,100}\}?$/.test(t)) return true;
  // Python %-interpolation (`%(env.INDEX_TOKEN)s`: Pants and ConfigParser options, logging formats); SQL bind
  // variables (`password => :sftp_password` in PL/SQL, `:name` in SQL*Plus, psql and JDBC named parameters); SAS
  // macro variables (`password="&mart_pw"`, resolved by the macro processor; names of up to 32 characters).
  // Names in one case only: a value mixing cases after the sigil is a value.
  if (/^%\([\w.-]{1,100}\)[sdr]$/.test(t) || /^:'?[a-z_][a-z0-9_]{1,60}'?$/.test(t) || /^&(?:[a-z_][a-z0-9_]{0,31}|[A-Z_][A-Z0-9_]{0,31})\.?$/.test(t)) return true;
  // Release-pipeline token substitution: `__SqlPassword__` (the Tokenizer and Replace Tokens tasks of Azure
  // Pipelines and Octopus-era web.config transforms replace `__Name__` with the variable at deploy time).
  if (/^__[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*__$/.test(t)) return true;
  if (/^credentialsJSON:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(t) || /^env\/[A-Z_][A-Z0-9_]{0,100}$/.test(t)) return true;
  // A program that prints the secret: Apache `AuthLDAPBindPassword exec:/path` and
  // `SSLPassPhraseDialog exec:/path` (https://httpd.apache.org/docs/2.4/mod/mod_authnz_ldap.html#authldapbindpassword).
  if (/^exec:\/[\w.\/-]{1,200}(?:[ \t][^\n]{0,200})?$/.test(t)) return true;
  // Apple's notarization tools read the password from a keychain item or the environment when given
  // `@keychain:<item>` or `@env:<VAR>` (`altool -p "@keychain:AC_PASSWORD"`, `@electron/notarize`'s
  // `appleIdPassword`, https://developer.apple.com/documentation/security/customizing-the-notarization-workflow).
  if (/^@(?:keychain|env):[A-Za-z_][\w.-]{0,100}$/.test(t)) return true;
  // OpenWrt rpcd's `option password '$p$root'`: log in with the system password of that account (/etc/shadow),
  // https://openwrt.org/docs/techref/ubus#acls.
  if (/^\$p\$[a-z_][\w-]{0,31}$/.test(t)) return true;
  // A secret-store path with the field to read: `kv/data/orders:api_key`, `secret/app#password`
  // (Vault lookups in Ansible, Jenkins, Spring Cloud Vault). Words only, no random segment.
  if (/^[a-z][\w-]{0,40}(?:\/[\w.-]{1,80}){1,8}[:#][a-z_][\w.-]{0,60}$/.test(t) && !/[A-Z].*[0-9]|[0-9].*[A-Z]/.test(t)) return true;
  return false;
}

/** Password hashes, integrity digests and prefixed digests: not reusable as the secret itself. */
export function isHash(v: string): boolean {
  return (
    /^\$(?:2[abxy]?|argon2(?:id|i|d)|pbkdf2(?:-sha\d+)?|scrypt|[156]|apr1|y|gy|7)\$/.test(v) ||
    // The same crypt hash in a Makefile-read file, each `$` doubled (Buildroot's BR2_TARGET_GENERIC_ROOT_PASSWD="$$6$$…").
    /^\$\$(?:2[abxy]?|[156]|y)\$\$[./0-9A-Za-z]{1,22}\$\$[./0-9A-Za-z]{20,}$/.test(v) ||
    // phpass portable hashes (WordPress, phpBB, Drupal 7: `$P$`/`$H$`, a cost character, 8 of salt, 22 of
    // hash) and WordPress ≥ 6.8's bcrypt wrapped as `$wp$2y$…` (https://make.wordpress.org/core/2025/02/17/wordpress-6-8-will-use-bcrypt-for-password-hashing/).
    /^\$[PH]\$[./0-9A-Za-z]{31}$/.test(v) ||
    /^\$wp\$2[abxy]\$/.test(v) ||
    /^(?:sha(?:1|224|256|384|512)|md5|blake2b?)[-:][A-Za-z0-9+/=_-]{16,}$/i.test(v) ||
    /^\{(?:SHA|SSHA|SHA256|SSHA256|SHA512|SSHA512|MD5|SMD5|CRYPT|BCRYPT|PBKDF2[^}]*)\}/i.test(v) ||
    // Open Liberty / WebSphere Liberty's one-way `{hash}` encoding (securityUtility encode --encoding=hash).
    /^\{hash\}[A-Za-z0-9+/=]{20,}$/.test(v) ||
    // GeoServer's digest password encoder (`digest1:`, Jasypt's salted, iterated SHA-256), the default for
    // user passwords in security/usergroup/*/users.xml (https://docs.geoserver.org/latest/en/user/security/passwd.html).
    /^digest1:[A-Za-z0-9+/]{40,}={0,2}$/.test(v) ||
    // Transmission's salted SHA-1 (`rpc-password` once the daemon has read it): "{" + 40 hex of
    // SHA1(password + salt) + the 8-character salt (libtransmission crypto-utils.cc tr_ssha1).
    /^\{[0-9a-f]{40}[A-Za-z0-9./]{8}$/.test(v) ||
    // Jupyter's hashed passwords (`jupyter_server.auth.passwd`): `argon2:` before an argon2 PHC string, and the
    // older `sha1:<salt>:<hex digest>` (https://jupyter-server.readthedocs.io/en/latest/operators/public-server.html).
    /^argon2:\$argon2(?:id|i|d)\$/.test(v) ||
    /^(?:sha1|sha256|sha512|md5):[0-9a-f]{8,64}:[0-9a-f]{32,128}$/.test(v) ||
    /^pbkdf2_sha\d+\$\d+\$/.test(v) || // Django
    // FreeRADIUS's PBKDF2-Password (rlm_pap): `HMACSHA2+256:<iterations, base64>:<salt, base64>:<digest, base64>`
    // (https://github.com/FreeRADIUS/freeradius-server/blob/v3.2.x/raddb/mods-config/files/authorize).
    /^HMACSHA(?:1|2\+(?:224|256|384|512)|3\+(?:224|256|384|512)):[A-Za-z0-9+/=]{0,12}:[A-Za-z0-9+/=]*:[A-Za-z0-9+/]{16,}={0,2}$/.test(v) ||
    // Werkzeug's generate_password_hash (Flask's tutorial and most Flask apps): `pbkdf2:sha256:600000$<salt>$<hex>`,
    // `scrypt:32768:8:1$<salt>$<hex>` (https://werkzeug.palletsprojects.com/en/stable/utils/#werkzeug.security.generate_password_hash).
    /^(?:pbkdf2:sha(?:1|224|256|384|512)(?::\d{1,7})?|scrypt(?::\d{1,7}){3})\$[^$\s]{1,64}\$[0-9a-f]{32,128}$/.test(v) ||
    // Django's other hashers prefix the algorithm to the library's own format: `argon2$argon2id$…`,
    // `bcrypt_sha256$$2b$…`, `scrypt$16384$…` (https://docs.djangoproject.com/en/stable/topics/auth/passwords/).
    /^(?:argon2\$argon2(?:id|i|d)|bcrypt(?:_sha256)?\$\$2[abxy]?|scrypt\$\d+)\$/.test(v) ||
    // PostgreSQL's stored role passwords: "md5" + md5(password || user), or a SCRAM-SHA-256 verifier
    // (https://www.postgresql.org/docs/current/catalog-pg-authid.html); pgbouncer userlists hold the same.
    /^md5[0-9a-f]{32}$/.test(v) ||
    // MySQL 4.1+ mysql_native_password hash: "*" + 40 hex, SHA1(SHA1(password)) (`IDENTIFIED BY PASSWORD '*…'`,
    // `mysql.user` dumps; https://dev.mysql.com/doc/refman/5.7/en/password-hashing.html).
    /^\*[0-9A-Fa-f]{40}$/.test(v) ||
    // Django's unusable password (`set_unusable_password()`): "!" + 40 random characters, never a
    // password (UNUSABLE_PASSWORD_PREFIX and UNUSABLE_PASSWORD_SUFFIX_LENGTH in django/contrib/auth/hashers.py).
    /^![A-Za-z0-9]{40}$/.test(v) ||
    /^SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/.test(v) ||
    // Tor's `HashedControlPassword` (`tor --hash-password`): "16:" + hex of an 8-byte salt, the S2K count
    // byte and the SHA-1 digest, 29 bytes (https://spec.torproject.org/control-spec/implementation-notes.html).
    /^16:[0-9A-F]{58}$/.test(v) ||
    // Tomcat's MessageDigestCredentialHandler (`digest.sh -a sha-256`): "<salt hex>$<iterations>$<digest hex>"
    // (https://tomcat.apache.org/tomcat-10.1-doc/config/credentialhandler.html).
    /^[0-9a-f]{8,128}\$\d{1,7}\$[0-9a-f]{32,128}$/.test(v) ||
    // Other modular-crypt ids (passlib's registry, https://passlib.readthedocs.io/en/stable/modular_crypt_format.html):
    // Sun MD5-crypt `$md5$` / `$md5,rounds=N$`, NetBSD `$sha1$<rounds>$`, `$p5k2$` (Cryptacular PBKDF2),
    // passlib's `$bcrypt-sha256$` and `$pbkdf2-sha…$`, Cisco type 8 `$8$` (PBKDF2). Not `$3$` (an NT hash,
    // usable as it is) nor `$9$` (Juniper's reversible obfuscation, and also Cisco scrypt).
    /^\$(?:md5(?:,rounds=\d+)?|sha1|p5k2|bcrypt-sha256|pbkdf2-sha(?:1|256|512)|8)\$[^$\s]{0,40}\$(?:[^$\s]{0,40}\$)?[./A-Za-z0-9+=]{16,}$/.test(v) ||
    // Django's legacy salted digests (`md5$salt$<32 hex>`, `sha1$salt$<40 hex>`, `unsalted_sha1$$…`; the
    // MD5PasswordHasher and SHA1PasswordHasher of django/contrib/auth/hashers.py).
    /^(?:md5|sha1|unsalted_sha1|unsalted_md5|crypt)\$[^$\s]{0,40}\$(?:[0-9a-f]{32}|[0-9a-f]{40}|[./A-Za-z0-9]{11,13})$/.test(v) ||
    // Node's scrypt idiom for stored keys and passwords, `${derivedKey.toString("hex")}.${salt}`: a 32- or 64-byte
    // derived key in hex, a dot, a hex salt (Flowise's stored `apiSecret`, generateSecretHash in
    // packages/server/src/utils/apiKey.ts: scryptSync(key, randomBytes(8) hex, 64)). Only the dot form: a colon
    // between hex halves is also an `id:secret` pair (Ghost's Admin API key, 24 hex `:` 64 hex).
    /^(?:[0-9a-f]{64}){1,2}\.[0-9a-f]{16,64}$/.test(v)
  );
}

export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

/** A hex digest length (MD5/SHA-1/SHA-256/SHA-512) of hex only: ambiguous, the name decides. */
export function isHexDigest(v: string): boolean {
  return /^[0-9a-f]+$/i.test(v) && [32, 40, 56, 64, 96, 128].includes(v.length);
}

/** Public halves and certificates: meant to be shared. */
/**
 * A public key as base64 DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), the body of a `BEGIN PUBLIC KEY` block
 * written on one line: Certificate Transparency log lists (`key = MFkwEwYHKoZIzj0CAQ…`), JWKS `x5c`-less
 * configs, license-check public keys. SEQUENCE { SEQUENCE { OID … } BIT STRING }: the algorithm comes first,
 * where a PKCS#8 private key (`MIIEvQIBADAN…`) starts with its version INTEGER.
 */
export function isSpkiBase64(v: string): boolean {
  if (v.length < 60 || v.length > 2200 || v.charCodeAt(0) !== 77 /* M */ || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return false;
  const der = Buffer.from(v.slice(0, 64), "base64");
  let i = 1;
  const skipLength = (): boolean => {
    const first = der[i++];
    if (first === undefined) return false;
    if (first & 0x80) i += first & 0x7f;
    return i < der.length;
  };
  if (der[0] !== 0x30 || !skipLength() || der[i] !== 0x30) return false;
  i++;
  const inner = der[i];
  if (inner === undefined || inner & 0x80) return false;
  i++;
  if (der[i] !== 0x06) return false;
  const end = i + inner;
  return end < der.length && der[end] === 0x03;
}

export function isPublicMaterial(v: string): boolean {
  return (
    isSpkiBase64(v) ||
    /-----BEGIN (?:RSA |EC |DSA |SSH2 |PGP )?PUBLIC KEY(?: BLOCK)?-----/.test(v) ||
    /-----BEGIN (?:TRUSTED |X509 )?CERTIFICATE(?: REQUEST)?-----/.test(v) ||
    /-----BEGIN NEW CERTIFICATE REQUEST-----/.test(v) ||
    /^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-(?:ssh|ecdsa)-[\w@.-]+) AAAA/.test(v) ||
    /^pk_(?:live|test)_[A-Za-z0-9]+$/.test(v) || // Stripe publishable keys are public by design
    // Mapbox public tokens ("pk." + base64url JWT-like body) ship in every map page; the secret ones are "sk."
    // (https://docs.mapbox.com/accounts/guides/tokens/). PostHog project API keys ("phc_") are write-only
    // ingestion keys meant for browsers (https://posthog.com/docs/api: personal keys are "phx_").
    // The signature part's length is not what makes it public: the `pk.` prefix and the base64 JSON body do.
    /^pk\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{4,}$/.test(v) ||
    /^phc_[A-Za-z0-9]{30,60}$/.test(v) ||
    // Supabase's 2025 publishable keys replace the anon JWT and are meant for browsers and apps; the
    // `sb_secret_` keys stay secrets (https://supabase.com/docs/guides/api/api-keys).
    /^sb_publishable_[A-Za-z0-9_-]{20,60}$/.test(v) ||
    // RevenueCat's public SDK keys, one per store (appl_ App Store, goog_ Play, amzn_ Amazon, strp_ Stripe
    // web billing), are compiled into every app build; the secret ones are `sk_`
    // (https://www.revenuecat.com/docs/welcome/authentication#public-api-keys).
    /^(?:appl|goog|amzn|strp)_[A-Za-z0-9]{20,40}$/.test(v) ||
    // Client-side keys vendors document as safe to embed; each vendor's secret has another shape. PubNub's
    // publish and subscribe keys ("pub-c-"/"sub-c-" + UUID; the secret key is "sec-c-",
    // https://www.pubnub.com/docs/general/security/access-control). Stytch's public token
    // ("public-token-live-"/"-test-" + UUID, used by its front-end SDKs; the secret is "secret-live-…",
    // https://stytch.com/docs/api/authentication). Statsig's client SDK keys ("client-" + 43; the
    // server secret is "secret-…", https://docs.statsig.com/sdk-keys/api-keys). Adyen's client key
    // ("live_"/"test_" + 32 upper-case alphanumerics, for Drop-in and Components in the browser; the
    // API key is "AQE…", https://docs.adyen.com/development-resources/client-side-authentication/).
    // Paddle's client-side token ("live_"/"test_" + 27 hex, for Paddle.js; API keys are "pdl_…apikey_…",
    // https://developer.paddle.com/paddlejs/client-side-tokens).
    // DevCycle client and mobile SDK keys are built into pages and apps; the server key is `dvc_server_`
    // (https://docs.devcycle.com/sdk/#sdk-keys).
    /^dvc_(?:client|mobile)_[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}_[0-9a-f]{5,10}$/.test(v) ||
    /^(?:pub|sub)-c-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v) ||
    /^public-token-(?:live|test)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v) ||
    // Plaid's link tokens (for the Link front end, 4 hours) and public tokens (one exchange, 30 minutes) are handed to
    // the browser; the access token ("access-<env>-<uuid>") is the secret (https://plaid.com/docs/api/tokens/).
    /^(?:link|public)-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v) ||
    /^client-[A-Za-z0-9]{40,46}$/.test(v) ||
    /^(?:live|test)_(?:[A-Z0-9]{32}|[0-9a-f]{27})$/.test(v) ||
    // Midtrans' client key ("Mid-client-", sandbox "SB-Mid-client-") is given to Snap.js in the page; the
    // server key is "Mid-server-…" (https://docs.midtrans.com/docs/access-keys). Flutterwave's public key
    // ("FLWPUBK-"/"FLWPUBK_TEST-" + 32 hex + "-X") goes to its inline checkout; the secret is "FLWSECK-…"
    // (https://developer.flutterwave.com/docs/api-keys). A Salesforce connected app's consumer key
    // ("3MVG9" + ~80) is its OAuth client_id, sent in every authorization URL; the consumer secret is
    // separate (https://help.salesforce.com/s/articleView?id=sf.connected_app_rotate_consumer_details.htm).
    /^(?:SB-)?Mid-client-[A-Za-z0-9_-]{12,40}$/.test(v) ||
    /^FLWPUBK(?:_TEST)?-[0-9a-f]{32}-X$/.test(v) ||
    /^3MVG9[A-Za-z0-9._-]{60,100}$/.test(v) ||
    // Datadog's client tokens ("pub" + 32 hex) are for the browser RUM and logs SDKs and cannot read
    // data; API and application keys have no prefix (https://docs.datadoghq.com/account_management/api-app-keys/#client-tokens).
    /^pub[0-9a-f]{32}$/.test(v) ||
    isSupabaseAnonKey(v)
  );
}

/**
 * A Supabase anon (or Firebase-style public) JWT: `role` "anon" in the payload. The anon key ships in
 * every Supabase client page, and row-level security is what protects the data; the `service_role`
 * key bypasses it and is a secret (https://supabase.com/docs/guides/api/api-keys). Any role issued by
 * "supabase-demo": the CLI's local keys, signed with its published local JWT secret, the same on every
 * machine and printed by every `supabase start`.
 */
export function isSupabaseAnonKey(v: string): boolean {
  if (!v.startsWith("eyJ") || v.length > 2000) return false;
  const m = /^eyJ[A-Za-z0-9_-]*\.(eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/.exec(v);
  if (!m) return false;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(m[1]!, "base64url").toString("utf8"));
  } catch {
    return false;
  }
  const claims = payload as { role?: unknown; iss?: unknown };
  if (claims === null || typeof claims !== "object") return false;
  if (claims.iss === "supabase-demo") return true;
  return claims.role === "anon" && (claims.iss === "supabase" || typeof claims.iss !== "string" || /supabase/.test(claims.iss));
}

/** Ciphertext that is safe to commit: SOPS, ansible-vault, Vault transit, jasypt, Spring {cipher}, KMS blobs. */
export function isEncrypted(v: string): boolean {
  const t = v.trim();
  return (
    /^(?:ENC\[(?:AES256_GCM|PGP|KMS)|\$ANSIBLE_VAULT;|vault:v\d+:|ENC\(|\{cipher\}|AQICAH|encrypted:|sops:)/.test(t) ||
    // Maven password encryption (settings-security.xml): base64 ciphertext in braces, `{…=}`.
    // https://maven.apache.org/guides/mini/guide-encryption.html
    /^\{[A-Za-z0-9+/]{20,}={0,2}\}$/.test(t) ||
    // Windows DPAPI blobs (NuGet.Config `Password`, PowerShell ConvertFrom-SecureString): version 1 and the
    // provider GUID df9d8cd0-1501-11d1-8c7a-00c04fc297eb open every blob, in base64 or hex; only the same
    // Windows user (or machine) can decrypt it (https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials).
    /^(?:AQAAANCMnd8BFdERjHoAwE\/Cl\+sB|01000000d08c9ddf0115d1118c7a00c04fc297eb)/i.test(t) ||
    // Bitnami Sealed Secrets: a 2-byte length of the RSA-wrapped session key (0x0200 for the
    // default 4096-bit key, base64 "Ag[A-D]"), the 512-byte wrapped key, then AES-GCM data: only
    // the cluster's controller can open it. https://github.com/bitnami-labs/sealed-secrets#overview
    /^Ag[A-D][A-Za-z0-9+/]{680,}={0,2}$/.test(t) ||
    // Magento's encrypted config values (`bin/magento config:sensitive:set`, app/etc/env.php `system`):
    // "<key version>:<cipher version>:" + base64; only the deployment's crypt key opens them
    // (Magento\Framework\Encryption\Encryptor::encrypt).
    /^\d{1,2}:[0-3]:[A-Za-z0-9+/]{24,}={0,2}$/.test(t) ||
    // NSS secret-decoder-ring output (Firefox and Thunderbird logins.json `encryptedUsername`/`encryptedPassword`,
    // `signons.sqlite`): DER of the key id F8000000…01 (base64 `…EEPgAAAAAAAAAAAAAAAAAAAEw`), the cipher and the
    // ciphertext; only the profile's key4.db (and its primary password) opens it.
    /^M[A-Za-z0-9+/]{2}EEPgAAAAAAAAAAAAAAAAAAAEw[A-Za-z0-9+/]{16,}={0,2}$/.test(t) ||
    // Atlassian Bamboo's encrypted variables and Specs values (`BAMSCRT@0@0@` + base64), opened only by the
    // server's key (https://confluence.atlassian.com/bamboo/bamboo-specs-encryption-970268127.html).
    /^BAMSCRT@\d+@\d+@[A-Za-z0-9+/]{16,}={0,2}$/.test(t) ||
    // An OpenPGP message in base64 without its armour, opening with a public-key encrypted session key packet
    // (RFC 9580 §5.1: tag 1 in the new format `wcBM`/`wcFM`, or the old `hQEM`/`hQIM`, then version 3): Renovate's
    // `encrypted:` host rules and other tools keep such ciphertext; only the private key's holder opens it.
    /^(?:wc[BF]MA|hQ[EIM]MA)[A-Za-z0-9+/]{40,}={0,2}$/.test(t) ||
    // PAN-OS secrets encrypted with the firewall's master key (`<private-key>-AQ==…</private-key>`, `<key>-AQ==…`).
    /^-AQ==[A-Za-z0-9+/]{16,}={0,2}$/.test(t) ||
    // GeoServer's keystore-encrypted passwords (`crypt2:`, the strong PBE encoder): the key is in the data
    // directory's geoserver.jceks, per install (https://docs.geoserver.org/latest/en/user/security/passwd.html).
    // `crypt1:` is not here: its key is built into GeoServer, so anyone can reverse it.
    /^crypt2:[A-Za-z0-9+/]{16,}={0,2}$/.test(t) ||
    isJweCompact(t) ||
    isHexKeystore(t)
  );
}

/**
 * A Web3 Secret Storage (keystore v3) document written as the hex of its JSON, as Hummingbot stores each
 * connector key in conf/connectors/*.yml (hummingbot/client/config/security.py): a `crypto` object with the
 * ciphertext, the KDF and the MAC. Only the password that derives the key opens it.
 */
function isHexKeystore(t: string): boolean {
  if (t.length < 200 || t.length > 8000 || t.length % 2 !== 0 || !/^7b22[0-9a-f]+$/i.test(t)) return false;
  try {
    const doc = JSON.parse(Buffer.from(t, "hex").toString("utf8")) as Record<string, unknown>;
    const crypto = (doc.crypto ?? doc.Crypto) as Record<string, unknown> | undefined;
    return typeof crypto === "object" && crypto !== null && typeof crypto.ciphertext === "string" && typeof crypto.kdf === "string" && typeof crypto.mac === "string";
  } catch {
    return false;
  }
}

/**
 * A JWE in compact form (RFC 7516: five base64url parts, a protected header naming `alg` and `enc`): ciphertext,
 * e.g. step-ca's `encryptedKey` (the provisioner key under PBES2 and the provisioner's password).
 */
function isJweCompact(t: string): boolean {
  if (!/^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/.test(t)) return false;
  try {
    const header = JSON.parse(Buffer.from(t.slice(0, t.indexOf(".")), "base64url").toString("utf8")) as Record<string, unknown>;
    return typeof header.alg === "string" && typeof header.enc === "string";
  } catch {
    return false;
  }
}

export function isBooleanOrNumber(v: string): boolean {
  const t = v.trim().toLowerCase();
  if (/^(?:true|false|yes|no|on|off|null|nil|none|undefined|enabled|disabled)$/.test(t)) return true;
  // Numbers, numeric ids, durations and sizes: `3000`, `1.5`, `30s`, `512mb`, `0x1f`.
  // `0x` and exactly 64 hex digits is how a 256-bit key is written (an EVM private key, `PRIVATE_KEY=0x…`):
  // the name judges it like any other value. Other hex (`0x1f`, SQL Server's `PASSWORD = 0x0200… HASHED`
  // hash literal) is a number.
  if (t.length === 66 && t.startsWith("0x") && /^0x[0-9a-f]{64}$/.test(t)) return false;
  return /^[-+]?(?:\d[\d_,]*(?:\.\d+)?(?:e[-+]?\d+)?|0x[0-9a-f]+)(?:ms|s|m|h|d|w|kb|mb|gb|k|%)?$/.test(t);
}

/**
 * Dotted numbers: object identifiers (`1.2.840.113549.1.9.7`, the `LDAP_EXOP_MODIFY_PASSWD` OID of
 * RFC 3062), versions and IPv4 addresses. Three dots or more: `1.5` and `3.14` are numbers above.
 */
export function isDottedNumber(v: string): boolean {
  return /^\d{1,10}(?:\.\d{1,10}){3,}$/.test(v.trim());
}

/**
 * A semantic version or an npm range of one comparator: `13.0.3`, `^2.1.0`, `~1.4`, `>=3.0.0-beta.1`, `1.x`.
 * package.json names dependencies after what they do (`"verdaccio-htpasswd": "13.0.3"`,
 * `"passport-password": "^2.1.0"`), which reads as a password name. Two parts need an operator or a
 * wildcard (`1.5` alone may be anything).
 */
export function isVersionRange(v: string): boolean {
  const m = /^((?:[\^~]|[<>]=?|=)?)v?\d{1,6}\.(?:\d{1,6}|[x*])(\.(?:\d{1,6}|[x*]))?(?:-[0-9A-Za-z.-]{1,40})?$/.exec(v.trim());
  return m !== null && (m[1] !== "" || m[2] !== undefined || /[x*]/.test(v));
}

/**
 * A locale identifier (CLDR/ICU, gettext): language, optional script, region as ISO 3166 letters or a
 * UN M.49 number (`en_001`, `es_419`, `zh_Hant_TW`, `pt-BR`). Locale tables key them by other locales
 * (Symfony's CLDR parents `"en_PW": "en_001"`, where PW, Palau, reads as a password name).
 */
export function isLocaleCode(v: string): boolean {
  return /^[a-z]{2,3}(?:[_-][A-Z][a-z]{3})?[_-](?:[A-Z]{2}|\d{3})$|^[a-z]{2,3}[_-][A-Z][a-z]{3}$/.test(v.trim());
}

/**
 * A JWT that authenticates nothing: its header alone (`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`, a
 * decoder's "missing parts" test) or header and claims with no signature, or one too short to be a
 * MAC (HS256's, the shortest, is 43 base64url characters; RFC 7518 §3.2). Parser tests hold these.
 */
export function isIncompleteJwt(v: string): boolean {
  if (!v.startsWith("eyJ") || v.length > 8000) return false;
  const parts = v.split(".");
  if (parts.length === 1) return /^eyJ[A-Za-z0-9_-]{10,}={0,2}$/.test(v) && isJoseHeader(decodeBase64(v)?.toString("latin1") ?? "");
  if (parts.length !== 3 || !/^eyJ[A-Za-z0-9_-]+$/.test(parts[1]!) || !/^[A-Za-z0-9_-]*$/.test(parts[2]!)) return false;
  return parts[2]!.length < 16 && /"alg"\s*:/.test(decodeBase64(parts[0]!)?.toString("latin1") ?? "");
}

/** The whole text is a JSON object with an `alg` or `typ` member: a JOSE header (RFC 7515 §4). */
function isJoseHeader(json: string): boolean {
  if (!/^\{[^]*\}$/.test(json) || !/"(?:alg|typ)"\s*:/.test(json)) return false;
  try {
    return typeof JSON.parse(json) === "object";
  } catch {
    return false;
  }
}

/**
 * The claims of tokens printed in documentation: jwt.io's default and its older `"admin": true`
 * one ({"sub":"1234567890","name":"John Doe",…}) and PyJWT's {"some":"payload"}. Libraries in every
 * language copy them into tests and benchmarks. `words`: also claims holding placeholder words
 * (`example`, `dummy`), which the JWT rule's bare matches take as documentation; a name's value keeps
 * them (an issuer at `auth.example-corp.net` is how planted and real tokens read).
 */
export function isDocumentationJwt(token: string, words = true): boolean {
  if (!token.startsWith("eyJ")) return false;
  const parts = token.split(".");
  if (parts.length !== 3) return false;
  const payload = decodeBase64(parts[1]!)?.toString("utf8") ?? "";
  return /"(?:John|Jane) Doe"|"1234567890"|\{"some":\s?"payload"\}/.test(payload) || hasOnlyStandInClaims(payload) || (words && /example|placeholder|dummy|redacted|"your[-_ ]/i.test(payload));
}

/** Metasyntactic words, and a registered claim's value that spells the claim's name (`"iss":"issuer"`). */
const STAND_IN_CLAIM = /^(?:foo|bar|baz|qux|quux|a|b|c|x|y|key|value|hello|world|test|some|payload|data|s\d|scope\d?|claim\d?)$/i;
const CLAIM_NAMES: Record<string, string> = { iss: "issuer", sub: "subject", aud: "audience", jti: "id" };

/**
 * Claims that identify no one: every string in the payload is a metasyntactic word (`{"foo":"bar"}` of
 * jwt-go's tests and docs, `{"a":"b"}` and `{"key":"value"}` of python-jose's docstrings and README) or the
 * claim's own name (`{"iss":"issuer","sub":"subject"}` of go-jose's examples); numbers (dates) may be anything.
 * A token a service issued names a user, a client or a tenant.
 */
function hasOnlyStandInClaims(payload: string): boolean {
  let claims: unknown;
  try {
    claims = JSON.parse(payload);
  } catch {
    return false;
  }
  if (claims === null || typeof claims !== "object" || Array.isArray(claims)) return false;
  let strings = 0;
  const standIn = (key: string, v: unknown): boolean => {
    if (typeof v === "string") {
      strings++;
      return STAND_IN_CLAIM.test(v) || CLAIM_NAMES[key] === v.toLowerCase();
    }
    if (Array.isArray(v)) return v.every((x) => standIn(key, x));
    return typeof v === "number" || typeof v === "boolean";
  };
  return Object.entries(claims as Record<string, unknown>).every(([k, v]) => standIn(k, v)) && strings > 0;
}

/**
 * A path segment of 16+ characters without a dot, mixing cases, with a digit or `+` or a quarter
 * of upper-case letters: base64, not a file name (`VisualStudioCode`, `node_modules` are names).
 */
function hasRandomSegment(t: string): boolean {
  for (const seg of t.split("/")) {
    if (seg.length < 16 || seg.includes(".") || !/[a-z]/.test(seg)) continue;
    const upper = seg.replace(/[^A-Z]/g, "").length;
    if (upper > 0 && (/[0-9+]/.test(seg) || upper / seg.length >= 0.25)) return true;
  }
  return false;
}

/** A path, URL without credentials, host:port, e-mail address, or a MIME/type-like name. */
export function isLocatorOrName(v: string): boolean {
  const t = v.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return !/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i.test(t); // URL: secret only with user:pass@
  // Paths; but base64 starts with `/` one time in 64 (`/CZpAIAoE+nKw…`, `/xHwU/9HUKg88…`): a segment of
  // 16+ characters mixing upper case, lower case and digits, without a dot, is a key, not a file name.
  if ((/^(?:~|\.{1,2})?\/[\w@.+~\/-]*$/.test(t) && !hasRandomSegment(t)) || /^[A-Za-z]:\\/.test(t)) return true;
  // A REST path ending in a custom method (Google's AIP-136: `/v1/accounts:resetPassword`, `/v1/{name}:cancel`):
  // a verb in lower camel case after the last segment's colon.
  if (/^\/(?:[\w@.+~{}-]+\/)*[\w@.+~{}-]+:[a-z][A-Za-z]{2,}$/.test(t) && !hasRandomSegment(t)) return true;
  if (/^[\w.-]+\.(?:pem|key|crt|cer|p8|p12|pfx|jks|keystore|json|ya?ml|txt|env|ini|conf|cfg|toml|xml|properties|js|ts|sh|gpg|asc|der|pub)$/i.test(t)) return true;
  // A relative path to a key or certificate file (`build/certs/AuthKey_7XK2M9QP4R.p8`, `keys/release.jks`):
  // the file name may carry an id with digits and capitals, the extension says what it is.
  if (/^(?:[\w.-]{1,80}\/){1,8}[\w.-]{1,80}\.(?:pem|key|crt|cer|p8|p12|pfx|jks|keystore|der|pub|gpg|asc)$/i.test(t) && !hasRandomSegment(t)) return true;
  if (/^[\w-]+(?:\/[\w.-]+)+$/.test(t) && !/[A-Z].*[0-9]|[0-9].*[A-Z]/.test(t)) return true; // relative path with words
  // A path under a variable of the same file (OpenSSL's `private_key = $dir/private/cakey.pem`, `$outdir/$ca.key`,
  // a shell's `${STATE_DIR}/server.key`), a trailing comment glued to it as OpenSSL allows.
  // The path ends in a file name with an extension or is made of lower-case names.
  if (/^\$\{?[A-Za-z_]\w*\}?(?:(?:\/[\w.@+~$-]+)*\/[\w@+~$-]*\.[A-Za-z]{1,8}|(?:\/[a-z0-9_.$-]+)+)(?:[ \t]*#.*)?$/.test(t) && !hasRandomSegment(t.replace(/#.*$/, ""))) return true;
  if (/^[\w.-]+:\d{2,5}$/.test(t)) return true; // host:port
  if (/^[^\s@]+@[\w-]+(?:\.[\w-]+)+$/.test(t)) return true; // e-mail
  // A host name: RFC 1123 labels neither start nor end with a hyphen, so a password made of letters, digits,
  // dots and hyphens (`a-.3aS9A5xYi.a.Cfe`) is not taken for one.
  // No one types a top-level label with a capital after a small letter (`.jaG`, `.cOm`): that is the tail of a
  // generated password (`3wSC7X99FLTxn.jaG`). A Kerberos salt (`ATHENA.MIT.EDUraeburn`, realm then principal) stays.
  if (/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i.test(t) && !/\d{3,}/.test(t) && !/[a-z][A-Z][A-Za-z]*$/.test(t)) return true; // host name
  return false;
}

/**
 * One letter or digit repeated, with at most three punctuation characters: `bbb` of `aaa:bbb` (rust-oauth2's tests
 * send `Basic YWFhOmJiYg==`), `bbb/;&` where a URL test escapes separators. A fill-in, as `xxxx` is.
 */
export function isRepeatedFill(v: string): boolean {
  const p = percentDecoded(v);
  const alnum = p.replace(/[^A-Za-z0-9]/g, "");
  return /^([A-Za-z0-9])\1+$/.test(alnum) && p.length - alnum.length <= 3;
}

/** Base64 of `user:password` (an HTTP Basic credential, RFC 7617 §2) whose password is a stand-in (`password`, `changeme`, `<pass>`). */
export function isStandInBasicCredential(token: string): boolean {
  const plain = decodeBase64(token)?.toString("latin1");
  if (plain === undefined || !/^[\x20-\x7e]+$/.test(plain)) return false;
  const colon = plain.indexOf(":");
  if (colon < 0) return false;
  const password = plain.slice(colon + 1);
  return password.length < 4 || isRepeatedFill(password) || notSecretReason(password) !== null;
}

/**
 * JSON object text (Keycloak `credentialData` / `secretData` hold one escaped in a string:
 * `{\"hashIterations\":27500,…}`): a structure, whose members are read one by one, not a value.
 */
export function isJsonObjectText(v: string): boolean {
  return /^\{\s{0,4}\\?"[\w$@.-]{1,60}\\?"\s{0,4}:/.test(v.trim());
}

/**
 * The chain: the first reason why `value` is not a secret, or null. `name`
 * (lower-case) helps with hex digests under hash-like names.
 */
export function notSecretReason(value: string, name = ""): string | null {
  const v = value.trim();
  if (v.length === 0) return "empty value";
  if (isEncrypted(v)) return "encrypted value";
  // MongoDB Compass keeps a connection's passwords apart from its URL in `connectionSecrets`, always
  // encrypted: with the OS keychain's key in its store, with the user's passphrase in an export
  // ("Encrypt connection secrets with a passphrase"; an export without one writes the passwords into the
  // connection string, which is read as a URL). A base64 string there is ciphertext.
  if (name.endsWith("connectionsecrets") && /^[A-Za-z0-9+/]{24,}={0,2}$/.test(v)) return "MongoDB Compass's encrypted connectionSecrets";
  if (isReference(v)) return "reference to a value kept elsewhere";
  // The same reference percent-encoded inside a URL (`redis://:%24%7BREDIS_PASSWORD%7D@cache`: `${REDIS_PASSWORD}`).
  if (/%[0-9A-Fa-f]{2}/.test(v) && isReference(percentDecoded(v))) return "percent-encoded reference to a value kept elsewhere";
  // Jetty's `OBF:` is reversible: a stand-in under it (the docs' `storepwd`, `keypwd`) is still a stand-in.
  if (v.startsWith("OBF:")) {
    const plain = deobfuscateJetty(v.slice(4));
    if (plain !== null && plain !== v && notSecretReason(plain) !== null) return "Jetty-obfuscated stand-in (OBF: of a placeholder)";
  }
  if (DBI_DSN.test(v) && !/(?:^|[;:])\s*(?:password|passwd|pwd|pass)\s*=/i.test(v)) return "a Perl DBI data source name without a password";
  // `@/path`: the value is read from a file (Bacula's `@/etc/bacula/director.password` include, curl's
  // `-d @file`), the secret is in that file.
  if (/^@(?:~|\.{1,2})?\/[\w.\/-]{1,200}$/.test(v)) return "a file reference (@/path): the value is read from that file";
  if (isPublicMaterial(v)) return "public key or certificate";
  if (isHash(v)) return "hash or digest";
  if (onlyReferences(v)) return "shell variables joined by separators or after an option, no literal value";
  if (isDocumentedExample(v)) return "documented example value";
  if (isBooleanOrNumber(v)) return "boolean or number";
  if (isDottedNumber(v)) return "object identifier, version or address";
  if (isVersionRange(v)) return "a version or version range (a package.json dependency's), not a value";
  if (isLocaleCode(v)) return "locale identifier";
  if (isIncompleteJwt(v)) return "JWT header or unsigned JWT, no credential";
  if (isDocumentationJwt(v, false)) return "JWT printed in documentation";
  if (isLocatorOrName(v)) return "path, URL without credentials, or host name";
  if (SIGNING_SCOPE.test(v)) return "a request-signing scope (key id, date, region, service), not a key";
  if (isJsonObjectText(v)) return "a JSON object, not a single value";
  if (isAlgorithmName(v)) return "the name of an algorithm or authentication scheme, not a key";
  if (ENTRY_POINT.test(v)) return "a Python entry point (module.path:object), not a value";
  if (NUMBERED_MIGRATION.test(v)) return "a numbered migration's name, not a value";
  if (PROTOBUF_FIELD_TAG.test(v)) return "a protobuf field descriptor of a Go struct tag, not a value";
  if (VDPROJ_ID.test(v)) return "a Visual Studio setup project's component id, not a key";
  if (REGISTRY_NUMBER.test(v)) return "a registry number (dword/qword), not a password";
  if (isDateFormat(v)) return "a date format (strftime directives), not a password";
  if (NEXT_LABEL.test(v)) return "the next label of a `name: value` list, not a value";
  if (AMAZON_ID.test(v)) return "an Amazon account, skill or application id (public), not a credential";
  if (URN.test(v)) return "a URN (RFC 8141), the name of a standard's concept, not a value";
  if (HEADER_NAME.test(v)) return "an HTTP header's name, not its value";
  if (GROWTHBOOK_CLIENT_KEY.test(v)) return "a GrowthBook SDK client key (sdk- and 16 characters), public by design";
  if (FCM_REGISTRATION_TOKEN.test(v)) return "a Firebase Cloud Messaging registration token (the address of one app install; sending needs the server's credential)";
  if (STRIPE_CLIENT_SECRET.test(v)) return "a Stripe PaymentIntent/SetupIntent client secret (scoped to one payment and handed to the customer's browser)";
  if (ASSIGNMENT_TEXT.test(v)) return "another name's assignment, not a value";
  if (isMaskOrTemplate(v)) return "mask or template placeholder";
  if (isCharacterTable(v)) return "punctuation or control characters, not a password";
  if (isHumanText(v)) return "words of a human language (a label or message), not a key";
  if (isTranslatedMessage(v)) return "a translated message (words of a non-Latin script), not a password";
  // Quoted-printable bytes (RFC 2045 §6.7): `password =E2=80=94 …` in a mail body is "password —"; the
  // operator took the first "=", the value is the escaped bytes of one character.
  if (/^=?[0-9A-F]{2}(?:=[0-9A-F]{2}){1,5}=?$/.test(v)) return "quoted-printable bytes of a character, not a value";
  if (isStandIn(v)) return "placeholder or default value";
  if (isSequential(v)) return "sequential placeholder";
  if (isHexDigest(v) && DIGEST_NAME.test(name)) return "hex digest";
  if (isHexDigest(v) && v.length === 64 && HASHED_PASSWORD_NAME.test(name)) return "a password's SHA-256 digest, which the product stores instead of the password";
  if (/^(?:0x)?(?:[0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40})$/i.test(v) && GPG_KEY_ID_NAME.test(name)) return "an OpenPGP key id or fingerprint (names a public key)";
  if (name !== "" && isWordOfName(v, name)) return "a word of its own name (a quick-start or image default)";
  if (isBase64OfStandIn(v)) return "base64 of a placeholder";
  return null;
}

/**
 * Words of a human language with a letter outside ASCII and nothing a key is made of: `Käyttöoikeustunnus`,
 * `API-käyttöoikeustunnus`, `パスワードを忘れましたか？` (a translated label, in a bundle built from the
 * catalogues: Uptime Kuma's dist/assets/fi-*.js). Letters, marks, hyphens, apostrophes and CJK sentence
 * punctuation only; a digit, an ASCII symbol (`Passwört!2023`) or a space (a passphrase of words,
 * `grüne äpfel schmecken`) keeps the value a candidate.
 */
export function isHumanText(v: string): boolean {
  if (v.length < 4 || v.length > 300 || /^[\x00-\x7f]*$/.test(v)) return false;
  if (!/^[\p{L}\p{M}][\p{L}\p{M}'’？。、！：，-]*$/u.test(v)) return false;
  // A non-ASCII letter inside a word of three or more letters (not a lone symbol-like letter).
  return /[\p{L}\p{M}]{3,}/u.test(v) && /[^\x00-\x7f]/.test(v.replace(/[？。、！：，’]/g, ""));
}

/**
 * Base64 of printable text that is itself a stand-in: `dGhpcyBpcyBub3QgYSByZWFsIHZhbHVl` is "this is not a
 * real value" (aws-sdk-go's SSO test data); Kubernetes Secrets and fixtures encode `changeme` the same way.
 */
function isBase64OfStandIn(v: string): boolean {
  if (v.length < 12 || v.length > 200 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return false;
  const text = Buffer.from(v, "base64").toString("latin1");
  return /^[\x20-\x7e]+$/.test(text) && (isStandIn(text) || isDocumentedExample(text) || isSequential(text));
}

const EXAMPLE_HOST = /(?<=:\/\/(?:[^/\s@]*@)?)(?:[a-z0-9-]+\.)*example\.(?:com|org|net)(?=[:/?#]|$)/gi;

/**
 * `v` without the host of a URL at a domain reserved for documentation (RFC 2606: `chat.example.com`), which
 * is how fixtures and redacted configs name a self-hosted server: the credential beside it decides whether
 * the value is a stand-in (a random webhook id is a leak, `/hooks/your-hook-id` is not).
 */
export function withoutExampleHost(v: string): string {
  return v.includes("example.") ? v.replace(EXAMPLE_HOST, "") : v;
}

// The credential scope of a SigV4 or GCS V4 signed request (`X-Amz-Credential=AKIA…/20130524/us-east-1/s3/aws4_request`,
// `X-Goog-Credential=svc@p.iam.gserviceaccount.com/20260110/auto/storage/goog4_request`): the key's public id
// and where it signs, never the key (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
// The signature beside it is the provider rules' (aws-presigned-url-signature, gcs-signed-url-signature).
// SigV4a's scope has no region (`AKIA…/20260110/dynamodb/aws4_request`; aws-sdk-go-v2 internal/v4a).
const SIGNING_SCOPE = /^[^\s/%]{4,120}(?:%2F|\/)\d{8}(?:(?:%2F|\/)[\w-]{1,40}){1,2}(?:%2F|\/)(?:aws4|goog4)_request$/i;

// The words algorithm and scheme names are made of: `AWS4-HMAC-SHA256` (the SigV4 Authorization scheme),
// `AWS4-ECDSA-P256-SHA256` (SigV4a), `ECDHE-RSA-AES128-GCM-SHA256` (a TLS cipher suite), `RSA-OAEP-256`,
// `SCRAM-SHA-256`. Each part is such a word; a random value is not made of them.
const ALGORITHM_PART = /^(?:AWS4|GOOG4|HMAC|SHA(?:1|224|256|384|512|3)?|MD5|ECDSA|ECDHE?|DHE?|DSA|RSA|PSS|OAEP|P(?:256|384|521)|ED(?:25519|448)|X(?:25519|448)|AES(?:128|192|256)?|GCM|CBC|CTR|CCM|CHACHA20|POLY1305|SCRAM|PBKDF2|HKDF|PKCS(?:1|5|7|8|12)?|V1_5|DIGEST|KECCAK|BLAKE2[BS]?|SECP256[KR]1|\d{2,3})$/i;
export function isAlgorithmName(v: string): boolean {
  // Most values are not words joined by `-` or `_`: they fail here without a split.
  if (v.length > 64 || !/^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+$/.test(v)) return false;
  const parts = v.split(/[-_]/);
  return parts.length >= 2 && parts.length <= 8 && /[A-Za-z]/.test(v) && parts.every((p) => ALGORITHM_PART.test(p)) && parts.some((p) => !/^\d+$/.test(p));
}

// A Python entry point, `package.module:object` (setup.cfg/entry_points.txt `console_scripts`, plugin registries
// such as keystoneauth1's `v3password = keystoneauth1.loading._plugins.identity.v3:Password`). Two dots at least,
// so `john.doe:Secret` (a user:password pair) is not one.
const ENTRY_POINT = /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*){2,}:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

// A numbered migration (`0003_alter_email_max_length`, Django's migration dependencies `('social_auth', '0003_…')`;
// Rails' `20160727123456_create_users`; `0005_auto_20160727_2333`): digits, then words and numbers.
// Letters of scripts written without spaces between words (Chinese, Japanese, Thai, Khmer, Lao, Burmese), and of
// the other non-Latin scripts localisation files are written in.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/gu;
const SPACED_SCRIPT = /[\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Georgian}\p{Script=Armenian}]/gu;

/**
 * A message of a localisation file under a password key (Roundcube's `$messages['nopassword'] = '新しいパスワードを…'`,
 * Cocoa's `"Wrong username or password." = "ユーザー名…";`, Java's `LocalStrings_zh_CN.properties`, a web app's
 * `lang-zh-HK.json`): most of its characters are letters of a non-Latin script, in words. A script written without
 * spaces needs four letters; one written with spaces needs three words, or two and a sentence's punctuation, so
 * that a one- or two-word Cyrillic or Greek password is still judged.
 */
export function isTranslatedMessage(v: string): boolean {
  const compact = v.replace(/\s+/g, "");
  if (compact.length < 4) return false;
  const unspaced = v.match(UNSPACED_SCRIPT)?.length ?? 0;
  if (unspaced >= 4 && unspaced / compact.length >= 0.4) return true;
  const spaced = v.match(SPACED_SCRIPT)?.length ?? 0;
  if (spaced < 6 || spaced / compact.length < 0.5) return false;
  const words = v.trim().split(/\s+/).filter((w) => (w.match(SPACED_SCRIPT)?.length ?? 0) >= 2);
  return words.length >= 3 || (words.length >= 2 && /[.!?:;…؟]\s*$/.test(v.trim()));
}

// A Visual Studio setup project (.vdproj) writes each value with its type, `"8:<string>"`; components are named by
// a GUID without dashes: `"MsmKey" = "8:_092CBAA0A0914855A6FDE86CD482FD39"`, `"OwnerKey" = "8:_…"`.
const VDPROJ_ID = /^\d{1,2}:_[0-9A-F]{32}$/;
// A .reg file's numbers (`"EnablePlainTextPassword"=dword:00000001`, Samba's docs-xml/registry, Windows policy exports).
const REGISTRY_NUMBER = /^(?:dword:[0-9a-fA-F]{8}|qword:[0-9a-fA-F]{1,16})$/;

/**
 * `+%Y-%m-%dT%H:%M:%SZ`, `%d/%m/%Y %H:%M`: two strftime directives or more and nothing else but separators and a
 * letter (erlang.mk's `$(shell date -u "+%Y-%m-%dT%H:%M:%SZ")`, vendored by every erlang.mk project, reads as
 * `-u user:password`).
 */
export function isDateFormat(v: string): boolean {
  const directives = v.match(/%[-_0^#]?[A-Za-z]/g)?.length ?? 0;
  if (directives < 2) return false;
  const rest = v.replace(/%[-_0^#]?[A-Za-z]/g, "");
  return !/[A-Za-z0-9][A-Za-z0-9]/.test(rest) && (rest.match(/[A-Za-z0-9]/g)?.length ?? 0) <= 2;
}

// A protobuf field descriptor of generated Go code's struct tags (`protobuf_key:"bytes,1,opt,name=key,proto3"`,
// `protobuf:"varint,2,rep,packed,name=ids"`): wire type, field number, cardinality, options. protoc-gen-go and
// gogo/protobuf write one per map field; `protobuf_key` reads as a key's name.
const PROTOBUF_FIELD_TAG = /^(?:bytes|varint|fixed32|fixed64|zigzag32|zigzag64|group),\d{1,9},(?:opt|req|rep)(?:,[\w=.-]{1,100}){0,8}$/;

const NUMBERED_MIGRATION = /^\d{3,14}_(?:[a-z]{2,}|\d+)(?:_(?:[a-z]{2,}|\d+))*$/;

// One word and a colon: the next key of a header or YAML list read as this one's value
// (`X-AMZ-SECURITY-TOKEN: AUTHORIZATION: AWS4-HMAC-SHA256 …`, a doc comment listing headers).
const NEXT_LABEL = /^[A-Za-z][A-Za-z_-]{2,60}[A-Za-z]:$/;

// GrowthBook's SDK connection key (`clientKey: "sdk-abc123…"`, `sdk-` and 16 letters and digits) is what every
// browser and mobile SDK fetches features with: "Client keys are public and safe to expose"
// (https://docs.growthbook.io/lib/js#step-1-configure-your-app). Its secret API keys are `secret_…`. LaunchDarkly's
// server-side `sdk-` keys are `sdk-` and a UUID, with dashes, and stay secrets (rule launchdarkly-sdk-key).
const GROWTHBOOK_CLIENT_KEY = /^sdk-[A-Za-z0-9]{16}$/;
// An FCM registration token: the app instance id, a colon and an `APA91b…` blob (Firebase docs, "registration
// token"). It addresses one install for pushes; a push needs the project's server credential, which is the secret.
const FCM_REGISTRATION_TOKEN = /^[A-Za-z0-9_-]{11,64}:APA91[A-Za-z0-9_-]{100,300}$/;
// Stripe's `client_secret` of a PaymentIntent/SetupIntent/Source (`pi_…_secret_…`): Stripe returns it to the
// customer's browser to confirm that one payment (docs, "client secret"); it cannot read or move anything else.
const STRIPE_CLIENT_SECRET = /^(?:pi|seti|src)_[A-Za-z0-9]{14,40}_secret_[A-Za-z0-9]{10,40}$/;

// Login with Amazon and Alexa ids (`amzn1.account.AF6R…`, `amzn1.ask.skill.<uuid>`, `amzn1.application-oa2-client.<hex>`):
// they name an account, a skill or a client. The client secret is `amzn1.oa2-cs.v1.…`, which this does not match.
/**
 * A URN (RFC 8141 `urn:<NID>:<NSS>`): SAML's authentication contexts and confirmation methods
 * (`PASSWORD = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"`, `SCM_BEARER = "urn:…:cm:bearer"`), OAuth's
 * grant and token types (`urn:ietf:params:oauth:token-type:jwt`). They name a concept of a standard.
 */
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:[\w()+,.:=@;$!*'%\/-]{3,200}$/i;
/**
 * An HTTP header's field name (RFC 9110 §5.1) as the value of a constant: `HeaderXCSRFToken = "X-CSRF-Token"`,
 * `API_KEY_HEADER = "X-Api-Key"`, `X-Amz-Security-Token`. Every part after `X-` is a word or an acronym, which a
 * random token is not.
 */
const HEADER_NAME = /^X-(?:[A-Z][a-z]{1,15}|[A-Z]{2,6}|[A-Z][a-z]+[A-Z][a-z]+)(?:-(?:[A-Z][a-z]{1,15}|[A-Z]{2,6}|ID|Id))*$/;
/**
 * Perl DBI's data source name (`dbi:SQLite:dbname=app.db`, `DBI:mysql:;host=db;port=3306`, `dbi:DB2(PrintError=1):db`,
 * https://metacpan.org/pod/DBI#connect): the driver and where the database is. Credentials go in connect's other
 * arguments; a DSN carries one only as a `password=` attribute, which is judged.
 */
const DBI_DSN = /^dbi:[A-Za-z]\w*(?:\([^)]{0,200}\))?:/i;

/**
 * Shell variables joined by separators, or after a short option: `"$SST_USER:$SST_PSWD"`, `"-u$SST_USER"`,
 * `${USER}@${HOST}` (MariaDB's wsrep SST scripts). No character of the value is literal but the glue.
 */
function onlyReferences(v: string): boolean {
  // Names as shells write them: upper or lower snake case of two characters or more, so that `$P$B…` (a phpass
  // hash) or a password holding `$` is not read as variables.
  const rest = v.replace(/\$\{[A-Za-z_]\w*\}|\$(?:[A-Z_][A-Z0-9_]+|[a-z_][a-z0-9_]+)(?![A-Za-z0-9])/g, "\u0000");
  return rest.includes("\u0000") && /^(?:-{1,2}[A-Za-z]{1,2}=?)?(?:\u0000|[:@\/._ ,;-])+$/.test(rest);
}
const AMAZON_ID = /^amzn1\.(?:account|ask\.(?:skill|device|person|account|user)|application(?:-oa2-client)?|echo-sdk-ams\.app)\.[A-Za-z0-9.-]{8,}$/;

// A value that is one of its own name's words: the defaults that quick-starts and container images ship
// (`_AIRFLOW_WWW_USER_PASSWORD=airflow`, Airflow's docker-compose quick start; `RABBITMQ_DEFAULT_PASS=rabbitmq`;
// `MINIO_ROOT_PASSWORD=minio…` is not one: only the whole word counts). Letters only, so no random value matches.
function isWordOfName(v: string, name: string): boolean {
  if (v.length < 3 || v.length > 32 || !/^[A-Za-z]+$/.test(v)) return false;
  const lower = v.toLowerCase();
  return name.split(/[^a-z0-9]+/).includes(lower);
}

// A value that starts with another snake_case or camelCase name and `=`: the rest of a log line or a
// query (`auth: request_id=… trace_id=…`), where that name, not the one before, owns what follows.
// Words, not random characters: every part starts with a letter and camelCase humps are letters
// only, so a random password holding `=` (`abQxv4k9=…`) is not taken for a name's assignment.
const ASSIGNMENT_TEXT = /^(?:[a-z]{2,}[a-z0-9]*(?:_[a-z][a-z0-9]*)+|[a-z]{2,}(?:[A-Z][a-z]+)+)=[^=]/;

// A digest word as a word of the name (`commit_sha`, `fileHash`, `sha256sum`, `etag`), not
// inside another word: `PREVIEW_SECRET` holds `rev`, `SHARED_KEY` starts with `sha`.
// Names products document as holding a hex digest of the password, never the password: Pi-hole's setupVars.conf
// `WEBPASSWORD` (double SHA-256, written by `pihole -a -p`; https://docs.pi-hole.net/core/pihole-command/#password).
const HASHED_PASSWORD_NAME = /^webpassword$/;
// An OpenPGP key named by its id (8 or 16 hex) or fingerprint (40 hex): duply's `GPG_KEY`, `GPG_KEY_ID`,
// `PGP_SIGNING_KEY` in release scripts. An OpenPGP private key is never 8-40 hex; other "signing keys" of
// that length can be HMAC secrets, so only a GPG/PGP name counts.
const GPG_KEY_ID_NAME = /(?:^|[^a-z])(?:gpg|pgp|gnupg|openpgp)[_.-]?(?:sign(?:ing)?[_.-]?)?keys?(?:[_.-]?(?:id|ids|fingerprint))?$/;

const DIGEST_NAME = /(?:^|[^a-z0-9]|[a-z0-9](?=hash))(?:\w*hash(?:es|ed)?|sha(?:1|224|256|384|512)?(?:sum)?|md5(?:sum)?|digests?|checksums?|integrity|etag|commit(?:id)?|revision|rev|fingerprints?|thumbprints?)(?![a-z])/;

/** A value that is an obvious fake: used for test-fixture paths, where only real-looking values count. */
export function isObviousFake(value: string): boolean {
  if (notSecretReason(value) !== null) return true;
  const lower = value.toLowerCase();
  if (/(?:test|fake|dummy|mock|example|sample|fixture|invalid|secret|password|foo|bar|canary)/.test(lower)) return true;
  const cc = charClasses(value);
  return value.length < 12 || cc.count < 2;
}

function stripKnownPrefix(v: string): string {
  // Provider prefixes such as sk_live_, sk_test_, ghp_, xoxb-, glpat- carry no randomness.
  const m = /^(?:[a-z]{1,8}[_-](?:live|test|prod)[_-]|[a-z]{2,6}[_-](?:v\d[_-])?|[A-Z]{2,5}-)(?=.{6,})/.exec(v);
  return m ? v.slice(m[0].length) : v;
}

/**
 * The words of a value: separators split it, then camelCase and digits split
 * each chunk. A value of 12+ characters whose pieces are mostly not stand-in
 * vocabulary reads as random (`YXwTbdXQgZgx…`, `putZjo_M52a7…`): a marker
 * among its camelCase pieces is a coincidence, so only whole chunks of 4+
 * characters count.
 * Without this, about 1 in 2,000 random 32-character keys was taken for a
 * placeholder.
 */
function splitSegments(v: string): string[] {
  const chunks = v.split(/[^A-Za-z0-9]+/).filter((c) => c.length > 0);
  const pieces = chunks.flatMap((chunk) =>
    chunk
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((s) => s.length > 0),
  );
  // In a random value even a whole chunk of two or three letters (`Put_…`) is chance.
  if (v.length >= 12 && !readsAsWords(pieces)) return chunks.filter((c) => c.length >= 4).map((c) => c.toLowerCase());
  return pieces;
}

const VOCABULARY = new Set([...MARKERS, ...GLUE_WORDS]);

/** At least half of the letters are in stand-in words (`yourApiKeyHere`, `myTestSecret123`). */
function readsAsWords(pieces: string[]): boolean {
  let letters = 0;
  let known = 0;
  for (const p of pieces) {
    letters += p.length;
    if (VOCABULARY.has(p)) known += p.length;
  }
  return known * 2 >= letters;
}

function isGlued(letters: string): boolean {
  // Word-break DP over a tiny vocabulary: O(n × |vocab|), n ≤ 40.
  const ok = new Array<boolean>(letters.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < letters.length; i++) {
    if (!ok[i]) continue;
    for (const w of GLUE_WORDS) if (letters.startsWith(w, i)) ok[i + w.length] = true;
  }
  return ok[letters.length]!;
}
