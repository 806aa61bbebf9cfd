import {
  isDocumentedExample,
  isEncrypted,
  isMaskOrTemplate,
  isPublicMaterial,
  isReference,
  isSequential,
  isStandInWord,
  withoutExampleHost,
} from "./placeholder-filter.js";
import { shannonEntropy } from "./entropy.js";

// The post-filter for provider-rule matches. A rule's pattern already proves
// the shape (prefix, length, checksum), so only stand-ins are removed here:
// documented examples, masks (`ghp_xxxx…`), sequences (`sk_test_1234567890…`),
// references and ciphertext. Words like "test" inside a real-looking token are
// not a reason: a database URL at host `db-test.internal` is still a leak.

const STRONG_MARKER = /(?:^|[^a-z])(?:example|sample|dummy|fake|placeholder|your|changeme|change_me|redacted|insert|replace_?me)(?:[^a-z]|$)/i;

/**
 * A PEM body that is DER (a SEQUENCE: PKCS#1, SEC 1, PKCS#8) states its own length in its first bytes
 * (`MIIEpQ…`: 0x30 0x82 0x04A5, 1,189 bytes). A body of a line or two where that says several times more is a
 * fragment: a docs example cut after one line (`-----BEGIN RSA PRIVATE KEY-----MIIEpQIBAAKCAQEAuyf…-----END…`).
 */
export function derShortfall(body: string): boolean {
  const head = Buffer.from(body.slice(0, 8), "base64");
  if (head.length < 2 || head[0] !== 0x30) return false;
  let total: number;
  if (head[1]! < 0x80) total = 2 + head[1]!;
  else if (head[1] === 0x81 && head.length >= 3) total = 3 + head[2]!;
  else if (head[1] === 0x82 && head.length >= 4) total = 4 + ((head[2]! << 8) | head[3]!);
  else return false;
  const expected = Math.ceil(total / 3) * 4;
  let have = 0;
  for (let i = 0; i < body.length; i++) if (/[A-Za-z0-9+/=]/.test(body[i]!)) have++;
  // One or two lines of a key several times that long. Not stricter: hand-made fixtures shorten real
  // keys to a few lines, and those are labelled keys in every corpus written so far.
  return have <= 128 && have * 4 < expected;
}

export function rulePlaceholderReason(secret: string): string | null {
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/.test(secret)) {
    // A private key block (OpenPGP armor adds " BLOCK"): only a visibly truncated or templated one is a stand-in.
    const body = secret.replace(/-----[A-Z0-9 ]+-----/g, "").replace(/\s+/g, "");
    if (body.length < 40 || /\.\.\.|x{6,}|X{6,}|<[^>]*>|\$\{|"\s*\+|\{\{/.test(body)) return "truncated or templated private key";
    // A key's body is lines of base64 (64 characters in PEM, RFC 7468 §2; the smallest key, Ed25519
    // in PKCS#8, is one line of 64). Without one run of 40, the text between the markers is code that
    // builds the armour (`"-----BEGIN …-----\n" . chunk_split(base64_encode($key))`) or a parser's stub.
    if (!/[A-Za-z0-9+/=]{40}/.test(secret.replace(/-----[A-Z0-9 ]+-----/g, "\n"))) return "private key armour without a key body";
    // On one line only: hand-made fixture keys cut to two or three lines (apps-blind5's `.env`) are keys to migrate.
    if (!secret.includes("\n") && derShortfall(body)) return "truncated private key (shorter than its DER header says)";
    return null;
  }
  if (isDocumentedExample(secret)) return "documented example value";
  if (isStandInWord(secret)) return "placeholder word";
  if (isEncrypted(secret)) return "encrypted value";
  if (isReference(secret)) return "reference to a value kept elsewhere";
  if (isPublicMaterial(secret)) return "public key or certificate";
  if (isMaskOrTemplate(secret)) return "mask or template placeholder";
  if (isSequential(secret)) return "sequential placeholder";
  // The host of a URL at a domain reserved for documentation (RFC 2606: `chat.example.com`) is how
  // fixtures and redacted configs name a self-hosted server; the credential beside it decides (a random
  // webhook id is a leak, `/hooks/your-hook-id` is not), so the marker is looked for without that host.
  if (STRONG_MARKER.test(withoutExampleHost(secret))) return "placeholder word in the value";
  // Minified code caught by a loose pattern (`_authToken=null,this._lastToken=null`): member
  // access on `this`, `null,` / `null)`, `))`, arrow functions never occur in a credential.
  // A random string over punctuation holds `))` or `=>` now and then (a WordPress salt from
  // api.wordpress.org, 64 of 90 characters, does one time in five); 32+ characters at 5 bits each are no code.
  if (/\bthis\.[A-Za-z_$]|\bnull[,;)]/.test(secret)) return "code, not a credential";
  if (/\)\)|=>/.test(secret) && !(secret.length >= 32 && shannonEntropy(secret) >= 5)) return "code, not a credential";
  // A URL whose password is a reference or a stand-in.
  const url = /^[a-z][a-z0-9+.:-]*:\/\/[^/\s:@]*:([^\s@/]+)@/i.exec(secret);
  if (url && (isReference(url[1]!) || /^(?:password|pass|secret|changeme|\*+|x+|<[^>]*>)$/i.test(url[1]!))) return "URL with a placeholder password";
  return null;
}
