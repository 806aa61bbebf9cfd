import type { Rule } from "../src/scan/types.js";
import { notSecretReason } from "../src/scan/placeholder-filter.js";
import { rulePlaceholderReason } from "../src/scan/rule-filter.js";
import { shannonEntropy } from "../src/scan/rule-runner.js";
import { isValidBech32 } from "../src/scan/checksum.js";
import { custom, withProperties } from "./build.js";
import { B64, HEX_UPPER, fake, fakeBech32, pem, pemBody } from "./fake.js";

// PEM (RFC 7468): "-----BEGIN <label>-----", optional RFC 1421 headers
// (Proc-Type/DEK-Info for legacy encrypted keys, Version/Comment for PGP
// armor), base64 lines, "-----END <label>-----". The body class has no "-",
// so a BEGIN line without its body fails at once (linear on repeated BEGINs);
// "\\" and "n" are in it, so keys inside JSON strings ("\n" escapes) match too.
// A real key body is random base64: the validate step asks for 64+ base64
// characters at high entropy, which rejects "MIIE...xxxx" documentation stubs.

const NEWLINE = "(?:\\r?\\n|\\\\r\\\\n|\\\\n)";

function realBody(block: string): boolean {
  const body = block
    .replace(/-----(?:BEGIN|END)[^-]{1,60}-----/g, "")
    .replace(/^[A-Za-z-]{1,30}:.*$/gm, "")
    .replace(/\\[rn]/g, "")
    .replace(/[^A-Za-z0-9+/]/g, "");
  return body.length >= 64 && shannonEntropy(body) >= 4.8;
}

const pemRule = (id: string, label: string, description: string, severity: Rule["severity"], exclude = ""): Rule =>
  custom({
    id,
    description,
    kind: "private-key",
    severity,
    docs: "https://www.rfc-editor.org/rfc/rfc7468",
    keywords: [`begin ${label.toLowerCase()}`],
    pattern: new RegExp(
      `${exclude}(?<secret>-----BEGIN ${label}-----[ \\t]{0,4}${NEWLINE}(?:[A-Za-z-]{1,30}: ?[^\\r\\n\\\\]{0,200}${NEWLINE}){0,4}[A-Za-z0-9+/=\\s\\\\]{64,40000}-----END ${label}-----)`,
    ),
    validate: realBody,
    get examples() {
      return {
        invalid: [
          pem(label, id),
          `const key = "${pem(label, `${id}-json`, 4).replace(/\n/g, "\\n")}";`,
          `tls:\n  key: |\n    ${pem(label, `${id}-yaml`, 5).split("\n").join("\n    ")}\n`,
        ],
        valid: [
          `-----BEGIN ${label}-----\nMIIEpAIBAAKCAQEA...\n-----END ${label}-----`,
          `-----BEGIN ${label}-----\n${"A".repeat(64)}\n${"A".repeat(64)}\n-----END ${label}-----`,
          pem("PUBLIC KEY", `${id}-pub`),
          pem("CERTIFICATE", `${id}-cert`),
        ],
      };
    },
  });

// A GCP service-account JSON file is reported by gcp-service-account-key; the
// lookbehind keeps the PKCS#8 rules from reporting the same key twice.
const NOT_IN_GCP_JSON = `(?<!"private_key"\\s{0,4}:\\s{0,4}")`;

const legacyEncrypted = (): string =>
  `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${fake("0123456789ABCDEF", 32, "dek")}\n\n${pemBody(6, "enc-rsa")}\n-----END RSA PRIVATE KEY-----`;

const putty = (seed: string, encryption: string): string =>
  [
    "PuTTY-User-Key-File-3: ssh-ed25519",
    `Encryption: ${encryption}`,
    "Comment: deploy@ci",
    "Public-Lines: 2",
    fake(B64, 64, `${seed}p1`),
    fake(B64, 40, `${seed}p2`),
    "Private-Lines: 1",
    fake(B64, 64, `${seed}k`),
    `Private-MAC: ${fake("0123456789abcdef", 64, seed)}`,
  ].join("\n");

const base64Pem = (label: string, seed: string): string => Buffer.from(pem(label, seed) + "\n").toString("base64");

export const rules: Rule[] = [
  (() => {
    const r = pemRule("private-key-rsa", "RSA PRIVATE KEY", "RSA private key in PEM (PKCS#1) format", "critical", NOT_IN_GCP_JSON);
    return withProperties(r, {
      get examples() {
        return { ...r.examples, invalid: [...r.examples.invalid, legacyEncrypted()] };
      },
    });
  })(),
  pemRule("private-key-ec", "EC PRIVATE KEY", "Elliptic-curve private key in PEM (SEC 1) format", "critical"),
  pemRule("private-key-dsa", "DSA PRIVATE KEY", "DSA private key in PEM format", "critical"),
  pemRule("private-key-pkcs8", "PRIVATE KEY", "Private key in PEM PKCS#8 format (BEGIN PRIVATE KEY)", "critical", NOT_IN_GCP_JSON),
  pemRule("private-key-pkcs8-encrypted", "ENCRYPTED PRIVATE KEY", "Passphrase-encrypted private key in PEM PKCS#8 format", "high"),
  pemRule("private-key-openssh", "OPENSSH PRIVATE KEY", "OpenSSH private key (BEGIN OPENSSH PRIVATE KEY)", "critical"),
  pemRule("private-key-pgp", "PGP PRIVATE KEY BLOCK", "OpenPGP private key block (ASCII armor)", "critical"),

  // A private key under a label the rules above do not name: tinc's `ED25519 PRIVATE KEY`
  // (tinc 1.1 `ed25519_key.priv`), Nebula's `NEBULA X25519 PRIVATE KEY` / `NEBULA ED25519 PRIVATE KEY`
  // (`nebula-cert keygen`), `X25519 PRIVATE KEY`… A 32-byte key is 43-44 base64 characters, so the body
  // may be shorter than a PKCS#8 one; it must still be random (entropy, no run of one character). The
  // labels of the rules above are left to them; `-` and `_` are in the body (tinc's and url-safe base64),
  // a `-` only where `----` does not follow.
  custom({
    id: "private-key-pem-other",
    description: "Private key in a PEM block under another label (tinc, Nebula, X25519/Ed25519 keys)",
    kind: "private-key",
    severity: "critical",
    docs: "https://www.rfc-editor.org/rfc/rfc7468",
    keywords: ["private key-----"],
    pattern: new RegExp(
      `(?<secret>-----BEGIN (?!(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )(?<label>[A-Z0-9]{2,20}(?: [A-Z0-9]{2,20}){0,2}) PRIVATE KEY-----[ \\t]{0,4}${NEWLINE}(?:[ \\t]{0,40}[A-Za-z-]{1,30}: ?[^\\r\\n\\\\]{0,200}${NEWLINE}){0,4}(?:[A-Za-z0-9+/=_\\s\\\\]|-(?!----)){40,40000}-----END \\k<label> PRIVATE KEY-----)`,
    ),
    validate: (block) => {
      const body = block.replace(/-----(?:BEGIN|END)[^-]{1,60}-----/g, "").replace(/^[ \t]*[A-Za-z-]{1,30}:.*$/gm, "").replace(/\\[rn]/g, "").replace(/[^A-Za-z0-9+/_-]/g, "");
      return body.length >= 40 && shannonEntropy(body) >= (body.length >= 64 ? 4.8 : 4.3) && !/(.)\1{5}/.test(body);
    },
    get examples() {
      return {
        invalid: [
          `-----BEGIN ED25519 PRIVATE KEY-----\n${fake(B64.replace("+/", "-_"), 86, "tinc")}\n-----END ED25519 PRIVATE KEY-----`,
          `pki:\n  key: |\n    -----BEGIN NEBULA X25519 PRIVATE KEY-----\n    ${fake(B64, 43, "nebula")}=\n    -----END NEBULA X25519 PRIVATE KEY-----\n`,
        ],
        valid: [
          `-----BEGIN NEBULA X25519 PRIVATE KEY-----\n${"A".repeat(43)}=\n-----END NEBULA X25519 PRIVATE KEY-----`,
          `-----BEGIN NEBULA CERTIFICATE-----\n${pemBody(3, "nebula-cert")}\n-----END NEBULA CERTIFICATE-----`,
          `-----BEGIN ED25519 PUBLIC KEY-----\n${fake(B64, 43, "tinc-pub")}=\n-----END ED25519 PUBLIC KEY-----`,
          "-----BEGIN ED25519 PRIVATE KEY-----\n<your key here>\n-----END ED25519 PRIVATE KEY-----",
          pem("RSA PRIVATE KEY", "other-leaves-rsa"),
        ],
      };
    },
  }),

  // SSH.com / Tectia keys use "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----" (RFC 4716 style).
  custom({
    id: "private-key-ssh2",
    description: "SSH.com (SSH2) private key block",
    kind: "private-key",
    severity: "critical",
    docs: "https://www.rfc-editor.org/rfc/rfc4716",
    keywords: ["begin ssh2 encrypted private key"],
    pattern: /(?<secret>---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\r?\n(?:[A-Za-z-]{1,30}: ?[^\r\n]{0,200}\r?\n){0,4}[A-Za-z0-9+/=\s]{64,40000}---- END SSH2 ENCRYPTED PRIVATE KEY ----)/,
    validate: realBody,
    get examples() {
      return {
        invalid: [`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key"\n${pemBody(6, "ssh2")}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`],
        valid: ["---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n...\n---- END SSH2 ENCRYPTED PRIVATE KEY ----", `---- BEGIN SSH2 PUBLIC KEY ----\n${pemBody(3, "ssh2pub")}\n---- END SSH2 PUBLIC KEY ----`],
      };
    },
  }),

  // PuTTY .ppk files (v2/v3): header lines, Public-Lines, then the private
  // part after "Private-Lines: N". The lines in between are tempered (they
  // stop at the next "PuTTY-User-Key-File") so that attempts never overlap. Encrypted ones are still reported: the
  // passphrase is often weak or stored beside them.
  custom({
    id: "private-key-putty",
    description: "PuTTY private key file (.ppk)",
    kind: "private-key",
    severity: "critical",
    docs: "https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html",
    keywords: ["putty-user-key-file-"],
    pattern: /PuTTY-User-Key-File-[23]: ?[^\r\n]{1,100}\r?\n(?:(?:(?!PuTTY-User-Key-File)[^\r\n]){0,200}\r?\n){0,40}?Private-Lines: ?\d{1,4}\r?\n(?<secret>[A-Za-z0-9+/=]{16,200}(?:\r?\n[A-Za-z0-9+/=]{1,200}){0,100})/,
    entropy: 4,
    get examples() {
      return {
        invalid: [putty("ppk", "none"), putty("ppk2", "aes256-cbc")],
        valid: ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n<private key here>"],
      };
    },
  }),

  // gpg-agent's private key store (~/.gnupg/private-keys-v1.d/<keygrip>.key, GnuPG ≥ 2.1): in the
  // extended key format the key is an S-expression after `Key:`. `(private-key …)` holds the secret
  // parameters in clear (the `d` of RSA/ECC, as `#hex#`); `(protected-private-key …)` holds them
  // encrypted under the passphrase and is not matched.
  // https://github.com/gpg/gnupg/blob/master/agent/keyformat.txt
  custom({
    id: "private-key-gpg-agent",
    description: "GnuPG agent private key in clear (private-keys-v1.d extended key format)",
    kind: "private-key",
    severity: "critical",
    docs: "https://github.com/gpg/gnupg/blob/master/agent/keyformat.txt",
    keywords: ["(private-key"],
    pattern: /\(private-key[ \t\r\n]{0,8}\((?:rsa|dsa|ecc|ecdsa|elg|eddsa)\b[^#]{0,400}(?:#[0-9A-Fa-f]{1,2048}#[^#]{0,400}){0,8}?\(d[ \t\r\n]{0,8}#(?<secret>[0-9A-Fa-f]{32,2048})#/,
    entropy: 3,
    get examples() {
      const hex = fake(HEX_UPPER, 64, "gpg-agent");
      return {
        invalid: [`Key: (private-key (ecc (curve Ed25519)(flags eddsa)(q #40${fake(HEX_UPPER, 64, "gpg-q")}#)(d #${hex}#)))\nCreated: 20230611T101112\n`],
        valid: [`Key: (protected-private-key (ecc (curve Ed25519)(q #40${fake(HEX_UPPER, 64, "gpg-q2")}#)(protected openpgp-s2k3-ocb-aes ((sha1 #${fake(HEX_UPPER, 16, "s")}# "20971520")#${fake(HEX_UPPER, 24, "iv")}#)#${hex}#)))\n`, "(private-key (rsa (n #00…#)(e #010001#)(d #…#)))"],
      };
    },
  }),

  // A PEM private key base64-encoded once more, as in Kubernetes Secret data or
  // kubeconfig client-key-data: base64("-----BEGIN ") = "LS0tLS1CRUdJTi".
  custom({
    id: "private-key-base64-pem",
    description: "Base64-encoded PEM private key (LS0tLS1CRUdJTi…, e.g. Kubernetes Secret data, kubeconfig client-key-data)",
    kind: "private-key",
    severity: "critical",
    docs: "https://kubernetes.io/docs/concepts/configuration/secret/",
    keywords: ["ls0tls1crudjti"],
    pattern: /(?<![A-Za-z0-9+/])(?<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,60000}={0,2})(?![A-Za-z0-9+/=])/,
    // The pattern admits only the standard base64 alphabet, so the candidate
    // decodes as is (no base64url mapping or alphabet check: this runs once
    // per candidate, and a Kubernetes manifest can hold thousands).
    validate: (s) => {
      const text = Buffer.from(s, "base64").toString("latin1");
      return /^-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY( BLOCK)?-----/.test(text) && realBody(text);
    },
    get examples() {
      return {
        invalid: [
          `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${base64Pem("RSA PRIVATE KEY", "k8s")}\n`,
          `users:\n- name: admin\n  user:\n    client-key-data: ${base64Pem("EC PRIVATE KEY", "kubeconfig")}\n`,
        ],
        valid: [`data:\n  tls.crt: ${base64Pem("CERTIFICATE", "k8s-cert")}\n`],
      };
    },
  }),

  // age (https://age-encryption.org/v1) identities: Bech32 "AGE-SECRET-KEY-1" + 58 characters; the
  // post-quantum (ML-KEM-768 + X25519) identities of age 1.3 are "AGE-SECRET-KEY-PQ-1" + 58 (C2SP
  // age.md, "the mlkem768x25519 recipient type"; Kingfisher age.4).
  custom({
    id: "age-secret-key",
    description: "age encryption identity (AGE-SECRET-KEY-1… / AGE-SECRET-KEY-PQ-1…)",
    kind: "private-key",
    severity: "critical",
    docs: "https://age-encryption.org/v1",
    keywords: ["age-secret-key-1", "age-secret-key-pq-1"],
    pattern: /(?<![A-Z0-9-])(?<secret>AGE-SECRET-KEY-(?:PQ-)?1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Z0-9])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`# created: 2024-01-01T00:00:00Z\n# public key: age1${fake("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58, "agepub")}\nAGE-SECRET-KEY-1${fake("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, "age")}`, `SOPS_AGE_KEY=AGE-SECRET-KEY-PQ-1${fake("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, "age-pq")}`],
        valid: [`# public key: age1${fake("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58, "agepub2")}`, "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"],
      };
    },
  }),

  // Nostr private keys (NIP-19): Bech32 "nsec1" + 58 characters, checksum verified; the public `npub1…`
  // and the hex forms are not matched (https://github.com/nostr-protocol/nips/blob/master/19.md).
  custom({
    id: "nostr-nsec",
    description: "Nostr private key (nsec1…, NIP-19 Bech32)",
    kind: "private-key",
    severity: "critical",
    docs: "https://github.com/nostr-protocol/nips/blob/master/19.md",
    keywords: ["nsec1"],
    pattern: /(?<![a-z0-9])(?<secret>nsec1[02-9ac-hj-np-z]{58})(?![a-z0-9])/,
    entropy: 3.5,
    validate: isValidBech32,
    get examples() {
      return {
        invalid: [`NOSTR_NSEC=${fakeBech32("nsec", "nostr")}`, `const sk = nip19.decode("${fakeBech32("nsec", "nostr2")}")`],
        valid: [`NOSTR_NPUB=${fakeBech32("npub", "nostr3")}`, `nsec1${fake("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58, "nostr-bad-checksum")}`],
      };
    },
  }),
  // minisign and OpenBSD signify secret keys: an "untrusted comment:" line, then base64 starting with the
  // algorithm bytes "Ed" and the KDF ("Sc" scrypt / "BK" bcrypt), which encode as "RWRT…" and "RWRC…"
  // (https://jedisct1.github.io/minisign/#secret-key-format, signify(1)). Public keys ("RWQ…", "RWS…")
  // and signatures have other algorithm bytes. An encrypted key still signs releases once its often
  // empty password is guessed, and minisign's `-W` writes it unencrypted.
  custom({
    id: "minisign-signify-secret-key",
    description: "minisign or signify secret key (untrusted comment + RWRT…/RWRC… base64)",
    kind: "private-key",
    severity: "high",
    docs: "https://jedisct1.github.io/minisign/",
    keywords: ["untrusted comment"],
    pattern: /untrusted comment:[^\r\n]{0,120}secret key[^\r\n]{0,60}(?:\r?\n|\\r?\\n)[ \t]{0,16}(?<secret>RWR[TC][A-Za-z0-9+/]{100,300}={0,2})(?![A-Za-z0-9+/=])/,
    entropy: 4.5,
    get examples() {
      return {
        invalid: [
          `untrusted comment: minisign encrypted secret key\nRWRTY0Iy${fake(B64, 204, "minisign")}`,
          `  signify.sec: |\n    untrusted comment: signify secret key\n    RWRCSwAAAA${fake(B64, 128, "signify")}==`,
        ],
        valid: [`untrusted comment: minisign public key 8A1C4A1B2A3F4E5D\nRWQ${fake(B64, 53, "minisign-pub")}`, `untrusted comment: signature from minisign secret key\nRWQ${fake(B64, 97, "minisign-sig")}==`],
      };
    },
  }),
  // The same key file wrapped in base64 as one line: Tauri's updater keys (`tauri signer generate` writes
  // base64 of the two-line rsign/minisign text; `TAURI_SIGNING_PRIVATE_KEY` holds it), and CI secrets that
  // carry a minisign key through a one-line variable. Base64 of "untrusted comment:" is `dW50cnVzdGVkIGNvbW1lbnQ6`;
  // the decoded text must be a secret-key comment followed by the RWRT/RWRC key line, so the public key
  // (`…minisign public key…` then RWQ) and signatures stay out.
  custom({
    id: "minisign-secret-key-base64",
    description: "minisign/rsign secret key wrapped in base64 (Tauri updater signing key)",
    kind: "private-key",
    severity: "high",
    docs: "https://v2.tauri.app/plugin/updater/#signing-updates",
    keywords: ["dw50cnvzdgvkignvbw1lbnq6"],
    pattern: /(?<![A-Za-z0-9+/])(?<secret>dW50cnVzdGVkIGNvbW1lbnQ6[A-Za-z0-9+/]{150,700}={0,2})(?![A-Za-z0-9+/=])/,
    entropy: 4.5,
    validate: (s) => /^untrusted comment:[^\n]{0,120}secret key[^\n]{0,60}\r?\n[ \t]{0,16}RWR[TC][A-Za-z0-9+/]{100,300}/.test(Buffer.from(s, "base64").toString("latin1")),
    get examples() {
      const wrap = (text: string) => Buffer.from(text).toString("base64");
      return {
        invalid: [
          wrap(`untrusted comment: rsign encrypted secret key\nRWRTY0Iy${fake(B64, 204, "tauri-key")}\n`),
          `TAURI_SIGNING_PRIVATE_KEY=${wrap(`untrusted comment: minisign encrypted secret key\nRWRTY0Iy${fake(B64, 204, "tauri-key2")}\n`)}`,
        ],
        valid: [
          `"pubkey": "${wrap(`untrusted comment: minisign public key: 8B85ED58471A075E\nRWQ${fake(B64, 53, "tauri-pub")}\n`)}"`,
          wrap(`untrusted comment: signature from tauri secret key\nRUQ${fake(B64, 97, "tauri-sig")}\ntrusted comment: timestamp:1730000000\tfile:app.tar.gz\n${fake(B64, 88, "tauri-sig2")}\n`),
        ],
      };
    },
  }),
  // JSON Web Keys: the private part of an RSA/EC/OKP key is the "d" member
  // (RFC 7517 §9.3, RFC 7518 §6.2.2.1/§6.3.2.1, RFC 8037 §2).
  custom({
    id: "jwk-private-key",
    description: "JSON Web Key with its private exponent/scalar (\"d\" member)",
    kind: "private-key",
    severity: "critical",
    docs: "https://www.rfc-editor.org/rfc/rfc7517",
    keywords: ["kty"],
    pattern: /"d"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9_-]{40,1400})"/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`{"kty":"EC","crv":"P-256","x":"${fake(B64.replace("+/", "-_"), 43, "jwkx")}","y":"${fake(B64.replace("+/", "-_"), 43, "jwky")}","d":"${fake(B64.replace("+/", "-_"), 43, "jwkd")}"}`],
        valid: [`{"kty":"EC","crv":"P-256","x":"${fake(B64.replace("+/", "-_"), 43, "jwkx2")}","y":"${fake(B64.replace("+/", "-_"), 43, "jwky2")}"}`],
      };
    },
  }),
  // An RSA private exponent written out as base64 by itself: .NET's RSA.ToXmlString(true) /
  // FromXmlString (`<RSAKeyValue>…<D>…</D>…</RSAKeyValue>`, the public form has Modulus and Exponent
  // only: https://learn.microsoft.com/en-us/dotnet/api/system.security.cryptography.rsa.toxmlstring),
  // and configs that store the key's parts by name, such as Unreal Engine's pak signing key
  // (`SigningPrivateExponent=` beside the public `SigningModulus`/`SigningPublicExponent` in DefaultGame.ini).
  custom({
    id: "rsa-private-exponent",
    description: "RSA private exponent in base64 (.NET <RSAKeyValue> <D>, a PrivateExponent setting)",
    kind: "private-key",
    severity: "critical",
    docs: "https://learn.microsoft.com/en-us/dotnet/api/system.security.cryptography.rsa.toxmlstring",
    keywords: ["rsakeyvalue", "privateexponent"],
    pattern: /(?:<RSAKeyValue>(?:(?!<\/RSAKeyValue>)[^]){0,3000}?<D>|PrivateExponent["']?[ \t]{0,4}[=:][ \t]{0,4}["']?)(?<secret>[A-Za-z0-9+/]{40,1400}={0,2})(?![A-Za-z0-9+/=])/i,
    entropy: 4,
    get examples() {
      const part = (n: number, seed: string): string => fake(B64, n, seed);
      return {
        invalid: [
          `<RSAKeyValue><Modulus>${part(172, "rsa-n")}</Modulus><Exponent>AQAB</Exponent><P>${part(86, "rsa-p")}==</P><Q>${part(86, "rsa-q")}==</Q><D>${part(172, "rsa-d")}</D></RSAKeyValue>`,
          `[/Script/CryptoKeys.CryptoKeysSettings]\nSigningPublicExponent=AQAB\nSigningModulus=${part(172, "ue-n")}\nSigningPrivateExponent=${part(172, "ue-d")}`,
        ],
        valid: [`<RSAKeyValue><Modulus>${part(172, "rsa-n2")}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>`, "SigningPublicExponent=AQAB", "SigningPrivateExponent=", `SigningModulus=${part(172, "ue-n2")}`],
      };
    },
  }),
  // PKCS#12 / PFX keystores (RFC 7292 §4) in base64: a DER SEQUENCE with a
  // two-byte length, then INTEGER version 3 and the authSafe SEQUENCE: the
  // bytes 30 82 HH LL 02 01 03 30 82 encode as "MII" + 2 + [AQgw] + "IBAzCC".
  // Certificates and PKCS#1/#8 keys start with other bytes (version 0 is
  // "IBAD"/"IBAA"). A keystore holds private keys; even password-protected
  // ones are routinely opened with empty or default passwords.
  custom({
    id: "pkcs12-keystore-base64",
    description: "PKCS#12 / PFX keystore (private keys and certificates) encoded in base64",
    kind: "private-key",
    severity: "high",
    docs: "https://www.rfc-editor.org/rfc/rfc7292#section-4",
    keywords: ["ibazcc"],
    pattern: /(?<![A-Za-z0-9+/])(?<secret>MII[A-Za-z0-9+/]{2}[AQgw]IBAzCC[A-Za-z0-9+/]{52,40000}={0,2})(?![A-Za-z0-9+/=])/,
    entropy: 4.5,
    get examples() {
      return {
        invalid: [`  keystore.p12: MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCigEggokMIIKIDCCBNcGCSqGSIb3DQEHBqCCBMgwggTEAgEAMIIEvQYJ${fake(B64, 600, "pkcs12")}`],
        valid: [
          // A certificate and a PKCS#8 key body: other DER structures.
          `cert: MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ${fake(B64, 300, "notpkcs12")}`,
          `key: MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ${fake(B64, 300, "notpkcs12b")}`,
        ],
      };
    },
  }),
  // Java/Kotlin symmetric keys built from a literal: `new SecretKeySpec("…".getBytes(), "AES")` or
  // `new SecretKeySpec(Base64.getDecoder().decode("…"), "HmacSHA256")`. A key in the source is a
  // hard-coded cryptographic key (CWE-321, https://cwe.mitre.org/data/definitions/321.html).
  custom({
    id: "java-secretkeyspec-literal",
    description: "Symmetric key literal passed to javax.crypto SecretKeySpec (hard-coded AES/HMAC key)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://docs.oracle.com/en/java/javase/21/docs/api/java.base/javax/crypto/spec/SecretKeySpec.html",
    keywords: ["secretkeyspec"],
    pattern: /\bSecretKeySpec[ \t]{0,4}\([ \t]{0,4}(?:[\w.]{1,60}\([ \t]{0,4}\)?){0,3}"(?<secret>[^"\\\n]{16,300})"/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`private static final SecretKeySpec KEY = new SecretKeySpec("${fake(B64, 32, "aes-lit")}".getBytes(), "AES");`, `val mac = SecretKeySpec(Base64.getDecoder().decode("${fake(B64, 44, "hmac-lit")}"), "HmacSHA256")`],
        valid: ['SecretKeySpec spec = new SecretKeySpec(keyBytes, "AES");', 'new SecretKeySpec(System.getenv("AES_KEY").getBytes(), "AES")', 'new SecretKeySpec("0123456789abcdef".getBytes(), "AES")'],
      };
    },
  }),
  // The JWT libraries' own key builders, given a literal: jjwt `Keys.hmacShaKeyFor("…".getBytes())`
  // (https://github.com/jwtk/jjwt#secretkey-formats), auth0 java-jwt `Algorithm.HMAC256("…")`
  // (https://github.com/auth0/java-jwt#create-and-sign-a-token), jjwt 0.9 `signWith(SignatureAlgorithm.HS256, "…")`.
  // The literal is the HMAC signing key: whoever reads it mints tokens the service accepts.
  custom({
    id: "java-jwt-hmac-key-literal",
    description: "HMAC signing key literal given to a Java JWT library (jjwt Keys.hmacShaKeyFor, auth0 Algorithm.HMAC256)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://github.com/jwtk/jjwt#secretkey-formats",
    keywords: ["hmacshakeyfor", "algorithm.hmac", "signaturealgorithm.hs"],
    pattern: /\b(?:Keys\.hmacShaKeyFor[ \t]{0,4}\([ \t]{0,4}(?:[\w.]{1,60}\([ \t]{0,4}){0,2}|Algorithm\.HMAC(?:256|384|512)[ \t]{0,4}\([ \t]{0,4}|SignatureAlgorithm\.HS(?:256|384|512)[ \t]{0,4},[ \t]{0,4})"(?<secret>[^"\\\n]{16,300})"/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `private final Key signing = Keys.hmacShaKeyFor("${fake(B64, 48, "jjwt-lit")}".getBytes(StandardCharsets.UTF_8));`,
          `val key = Keys.hmacShaKeyFor(Decoders.BASE64.decode("${fake(B64, 44, "jjwt-b64")}"))`,
          `Algorithm algorithm = Algorithm.HMAC256("${fake(B64, 40, "auth0-jwt")}");`,
          `.signWith(SignatureAlgorithm.HS512, "${fake(B64, 64, "jjwt-old")}")`,
        ],
        valid: ['Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8))', 'Algorithm.HMAC256(System.getenv("JWT_SECRET"))', 'Algorithm.HMAC256("${jwt.secret}")', 'Keys.hmacShaKeyFor("0123456789abcdef0123456789abcdef".getBytes())'],
      };
    },
  }),
  // The same class in the other languages' JWT and HMAC APIs, given a literal key: PyJWT `jwt.encode(payload,
  // "…", algorithm="HS256")` / `jwt.decode(token, "…", …)`, ruby-jwt `JWT.encode(payload, "…", "HS256")`,
  // firebase/php-jwt `JWT::encode($payload, '…', 'HS256')` and `new Key('…', 'HS256')`, golang-jwt
  // `SignedString([]byte("…"))`, Go `hmac.New(sha256.New, []byte("…"))`, Python `hmac.new(b"…", …)`,
  // Ruby `OpenSSL::HMAC.hexdigest("SHA256", "…", data)`, PHP `hash_hmac('sha256', $data, '…')`, .NET
  // `new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))`, Java `new SecretKeySpec("…".getBytes(), …)`.
  custom({
    id: "hmac-key-literal",
    description: "HMAC or JWT signing key literal given to a JWT/HMAC API (PyJWT, ruby-jwt, php-jwt, golang-jwt, crypto/hmac, .NET, javax.crypto)",
    kind: "generic-secret",
    severity: "high",
    docs: "https://pyjwt.readthedocs.io/en/stable/usage.html#encoding-decoding-tokens-with-hs256",
    keywords: ["jwt.encode", "jwt.decode", "jwt::encode", "jwt::decode", "signedstring", "hmac.new", "openssl::hmac", "hash_hmac", "symmetricsecuritykey", "secretkeyspec", "new key("],
    pattern: /(?:\b(?:jwt|JWT)(?:\.|::)(?:encode|decode)[ \t]{0,4}\([ \t]{0,4}\$?[\w.]{1,60}[ \t]{0,4},[ \t]{0,4}|\bSignedString[ \t]{0,4}\([ \t]{0,4}\[\]byte\([ \t]{0,4}|\bhmac\.New[ \t]{0,4}\([ \t]{0,4}[\w.]{1,40}[ \t]{0,4},[ \t]{0,4}\[\]byte\([ \t]{0,4}|\bhmac\.new[ \t]{0,4}\([ \t]{0,4}b?|OpenSSL::HMAC\.\w{1,12}[ \t]{0,4}\([ \t]{0,4}["'][\w-]{1,12}["'][ \t]{0,4},[ \t]{0,4}|\bhash_hmac[ \t]{0,4}\([ \t]{0,4}["'][\w-]{1,12}["'][ \t]{0,4},[ \t]{0,4}\$?[\w.>-]{1,60}[ \t]{0,4},[ \t]{0,4}|\bSymmetricSecurityKey[ \t]{0,4}\([ \t]{0,4}Encoding\.\w{1,10}\.GetBytes\([ \t]{0,4}|\bSecretKeySpec[ \t]{0,4}\([ \t]{0,4}|\bnew[ \t]{1,4}Key[ \t]{0,4}\([ \t]{0,4}(?=["'][^"'\n]{16,300}["'][ \t]{0,4},[ \t]{0,4}["']HS))(?<q>["'])(?<secret>(?:(?!\k<q>)[^\\\n]){16,300})\k<q>/,
    entropy: 3.5,
    // Stand-ins (`your-256-bit-secret`, jwt.io's sample), references and sequences are not keys.
    validate: (secret: string) => rulePlaceholderReason(secret) === null && notSecretReason(secret) === null,
    get examples() {
      return {
        invalid: [
          `token = jwt.encode(payload, "${fake(B64, 40, "pyjwt-lit")}", algorithm="HS256")`,
          `JWT.encode(payload, "${fake(B64, 40, "rbjwt-lit")}", "HS256")`,
          `$jwt = JWT::encode($payload, '${fake(B64, 40, "phpjwt-lit")}', 'HS256');`,
          `$decoded = JWT::decode($jwt, new Key('${fake(B64, 40, "phpjwt-key")}', 'HS256'));`,
          `signed, err := token.SignedString([]byte("${fake(B64, 40, "gojwt-lit")}"))`,
          `mac := hmac.New(sha256.New, []byte("${fake(B64, 40, "gohmac-lit")}"))`,
          `sig = hmac.new(b"${fake(B64, 40, "pyhmac-lit")}", body, hashlib.sha256).hexdigest()`,
          `OpenSSL::HMAC.hexdigest("SHA256", "${fake(B64, 40, "rbhmac-lit")}", payload)`,
          `$sig = hash_hmac('sha256', $payload, '${fake(B64, 40, "phphmac-lit")}');`,
          `var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("${fake(B64, 40, "net-lit")}"));`,
          `SecretKeySpec spec = new SecretKeySpec("${fake(B64, 40, "jca-lit")}".getBytes(UTF_8), "HmacSHA256");`,
        ],
        valid: [
          'token = jwt.encode(payload, settings.SECRET_KEY, algorithm="HS256")',
          'jwt.decode(token, os.environ["JWT_SECRET"], algorithms=["HS256"])',
          'JWT.encode(payload, "your-256-bit-secret", "HS256")',
          'signed, err := token.SignedString([]byte(os.Getenv("JWT_SECRET")))',
          "$sig = hash_hmac('sha256', $payload, $secret);",
          'new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]))',
          'jwt.decode(token, "0123456789abcdef0123456789abcdef")',
        ],
      };
    },
  }),
  // fastlane's app_store_connect_api_key action takes the App Store Connect API key inline as
  // `key_content`: the .p8 file's text, or that text in base64 with `is_key_content_base64: true`
  // (https://docs.fastlane.tools/actions/app_store_connect_api_key/). The PEM form is the private-key
  // rules'; this one reads the base64 form, which nothing else names.
  custom({
    id: "fastlane-app-store-connect-key",
    description: "App Store Connect API private key given inline to fastlane (key_content)",
    kind: "private-key",
    severity: "critical",
    docs: "https://docs.fastlane.tools/actions/app_store_connect_api_key/",
    keywords: ["key_content"],
    pattern: /\bkey_content["']?[ \t]{0,4}(?::|=>|=)[ \t]{0,4}(["'])(?<secret>[A-Za-z0-9+/]{100,4000}={0,2})\1/,
    entropy: 4.5,
    validate: (secret: string) => rulePlaceholderReason(secret) === null,
    get examples() {
      const key = fake(B64, 200, "asc-p8");
      return {
        invalid: [
          `app_store_connect_api_key(key_id: "D383SF739", issuer_id: "6053b7fe-68a8-4acb-89be-165aa6465141", key_content: "${key}", is_key_content_base64: true)`,
          `  "key_content" => '${key}',`,
        ],
        valid: [
          'app_store_connect_api_key(key_id: "D383SF739", key_content: ENV["ASC_KEY_CONTENT"])',
          'app_store_connect_api_key(key_filepath: "./AuthKey_D383SF739.p8")',
          `key_content: "${"A".repeat(120)}"`,
        ],
      };
    },
  }),
];
