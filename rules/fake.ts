import { base62, bech32Encode, crc32 } from "../src/scan/checksum.js";

// Fake credentials for the rules' examples. They are generated (seeded, so
// every run sees the same text) instead of written out, so that this
// repository holds no token-shaped literal that our own scanner, push
// protection or another scanner would flag. None of them is a real credential.

export const HEX = "0123456789abcdef";
export const HEX_UPPER = "0123456789ABCDEF";
export const DIGITS = "0123456789";
export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const LOWER = "abcdefghijklmnopqrstuvwxyz";
export const LETTERS = UPPER + LOWER;
export const ALNUM = DIGITS + LETTERS;
export const UPPER_ALNUM = UPPER + DIGITS;
export const LOWER_ALNUM = LOWER + DIGITS;
/** RFC 4648 base32 alphabet, used by AWS key ids. */
export const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const B64 = ALNUM + "+/";
export const B64URL = ALNUM + "-_";

function seedOf(s: string): number {
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** `length` characters of `alphabet`, the same for the same (alphabet, length, seed). */
export function fake(alphabet: string, length: number, seed = ""): string {
  // mulberry32
  let a = seedOf(`${alphabet}|${length}|${seed}`);
  let out = "";
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += alphabet[Math.floor(r * alphabet.length)];
  }
  return out;
}

/** A fake UUID (lower-case hex, version 4 layout). */
export function uuid(seed = ""): string {
  const h = fake(HEX, 32, `uuid|${seed}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A GitHub/npm style token: prefix + 30 random base62 + CRC32 checksum in base62 (Vercel's: 50
 * url-safe characters, the same checksum).
 */
export function checksummedToken(prefix: string, seed = "", length = 30, alphabet = ALNUM): string {
  const body = fake(alphabet, length, `${prefix}|${seed}`);
  return prefix + body + base62(crc32(Buffer.from(body, "latin1")), 6);
}

export function base64url(s: string | Buffer): string {
  return Buffer.from(s).toString("base64url");
}

/** A JWT with the given claims and a fake signature. */
export function jwt(claims: Record<string, unknown> = { sub: "1029384756", iat: 1700000000 }, seed = ""): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  return `${header}.${payload}.${fake(B64URL, 43, `jwt|${seed}`)}`;
}

/** Base64 body lines of a fake PEM block (64 columns). */
export function pemBody(lines = 6, seed = ""): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(fake(B64, 64, `pem|${seed}|${i}`));
  return out.join("\n");
}

export function pem(label: string, seed = "", lines = 6): string {
  return `-----BEGIN ${label}-----\n${pemBody(lines, seed)}\n-----END ${label}-----`;
}

/** A Bech32 string (BIP-173) of 32 seeded bytes under `hrp`, with a valid checksum: `nsec1…`, `npub1…`. */
export function fakeBech32(hrp: string, seed: string): string {
  return bech32Encode(hrp, Buffer.from(fake(HEX, 64, seed), "hex"));
}
