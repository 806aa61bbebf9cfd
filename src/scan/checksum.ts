// Checksums and structure checks that tell a real token from a look-alike.
// Pure functions, no dependencies: the scanner runs them in worker threads on
// every candidate a rule's pattern finds.

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) of the bytes, unsigned. */
export function crc32(bytes: Uint8Array): number {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 (alphabet 0-9A-Za-z) of an unsigned integer, left-padded with "0". */
export function base62(n: number, width: number): string {
  let out = "";
  let v = n;
  while (v > 0) {
    out = BASE62[v % 62]! + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, "0");
}

/**
 * GitHub's token format (ghp_, gho_, ghu_, ghs_, ghr_) and npm's (npm_): a
 * 4-character prefix, 30 random base62 characters, then the CRC32 of those 30
 * characters as 6 base62 characters.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 * https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
 */
export function hasPrefixedCrc32Checksum(token: string, prefixLength = 4): boolean {
  const body = token.slice(prefixLength, -6);
  const check = token.slice(-6);
  if (body.length === 0 || !/^[0-9A-Za-z]+$/.test(body) || !/^[0-9A-Za-z]{6}$/.test(check)) return false;
  return base62(crc32(Buffer.from(body, "latin1")), 6) === check;
}

/** `ghp_…`/`gho_…`/`ghu_…`/`ghs_…`/`ghr_…` with a valid checksum. */
export function isValidGitHubToken(token: string): boolean {
  return /^gh[pousr]_[0-9A-Za-z]{36}$/.test(token) && hasPrefixedCrc32Checksum(token);
}

/** `npm_…` with a valid checksum. */
export function isValidNpmToken(token: string): boolean {
  return /^npm_[0-9A-Za-z]{36}$/.test(token) && hasPrefixedCrc32Checksum(token);
}

/**
 * Vercel's tokens since 2025 (vcp_ personal, vci_ integration, vca_/vcr_ app access/refresh, vck_ AI
 * Gateway): prefix + 50 url-safe characters + the CRC32 of those 50 as 6 base62 characters
 * (https://vercel.com/changelog/new-token-formats-and-secret-scanning; the checksum as Kingfisher's
 * vercel rules compute it, which the examples they publish satisfy).
 */
export function isValidVercelToken(token: string): boolean {
  if (!/^vc[pirka]_[A-Za-z0-9_-]{50}[A-Za-z0-9]{6}$/.test(token)) return false;
  return base62(crc32(Buffer.from(token.slice(4, -6), "latin1")), 6) === token.slice(-6);
}

/** Decodes base64 or base64url (padding optional); undefined if not decodable. */
export function decodeBase64(s: string): Buffer | undefined {
  const clean = s.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, "").length % 4 === 1) return undefined;
  return Buffer.from(clean, "base64");
}

/**
 * A JWT's first part is base64url JSON with an `alg` member (RFC 7519 §7.2,
 * RFC 7515 §4.1.1). Checks the header of a `header.payload.signature` token.
 */
export function hasJwtHeader(token: string): boolean {
  const header = token.split(".")[0];
  if (header === undefined) return false;
  const bytes = decodeBase64(header);
  if (bytes === undefined) return false;
  try {
    const json: unknown = JSON.parse(bytes.toString("utf8"));
    return typeof json === "object" && json !== null && typeof (json as { alg?: unknown }).alg === "string";
  } catch {
    return false;
  }
}

/**
 * A PyPI API token is `pypi-` + a base64url macaroon whose serialized form
 * (v2, binary) starts with the location "pypi.org" — hence the fixed
 * `AgEIcHlwaS5vcmc` prefix (0x02 0x01 0x08 "pypi.org"). Decoding the body
 * checks that it is a macaroon and not a look-alike string.
 * https://pypi.org/help/#apitoken
 */
export function isPypiMacaroon(token: string): boolean {
  const body = token.replace(/^pypi-/, "");
  const bytes = decodeBase64(body.slice(0, body.length - (body.length % 4)));
  if (bytes === undefined || bytes.length < 40) return false;
  return bytes[0] === 0x02 && bytes[1] === 0x01 && bytes.subarray(3, 11).toString("latin1") === "pypi.org";
}

/**
 * Luhn-free structure check for a UUID-shaped secret: rejects the nil UUID
 * and obviously sequential placeholders.
 */
export function isPlausibleUuid(s: string): boolean {
  const hex = s.replace(/-/g, "").toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return false;
  if (/^(.)\1+$/.test(hex)) return false;
  if (hex === "0123456789abcdef0123456789abcdef" || hex.startsWith("12345678")) return false;
  return new Set(hex).size >= 8;
}

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ gen[i]!) >>> 0;
  }
  return chk;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

/**
 * A lower-case Bech32 string (BIP-173: human-readable part, "1", data, 6-character checksum) whose
 * checksum holds. Nostr keys (NIP-19 `nsec1…`/`npub1…`) and age recipients are Bech32; a random
 * look-alike fails the check 999,999,999 times in a billion.
 * https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki#bech32
 */
export function isValidBech32(s: string): boolean {
  const sep = s.lastIndexOf("1");
  if (sep < 1 || s.length - sep - 1 < 6 || s !== s.toLowerCase()) return false;
  const data: number[] = [];
  for (let i = sep + 1; i < s.length; i++) {
    const d = BECH32.indexOf(s[i]!);
    if (d === -1) return false;
    data.push(d);
  }
  return bech32Polymod([...hrpExpand(s.slice(0, sep)), ...data]) === 1;
}

/** The Bech32 encoding of `bytes` under `hrp` (lower case), for examples and tests. */
export function bech32Encode(hrp: string, bytes: Uint8Array): string {
  const data: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const pm = bech32Polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  for (let i = 0; i < 6; i++) data.push((pm >>> (5 * (5 - i))) & 31);
  return `${hrp}1${data.map((d) => BECH32[d]).join("")}`;
}
