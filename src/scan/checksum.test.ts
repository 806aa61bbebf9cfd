import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import * as zlib from "node:zlib";
import { base62, bech32Encode, crc32, hasJwtHeader, isPlausibleUuid, isPypiMacaroon, isValidBech32, isValidGitHubToken, isValidNpmToken, isValidVercelToken } from "./checksum.js";

// Tokens are built here from random bodies with an independent CRC32 (node's
// zlib.crc32, present since Node 20.15, else a bitwise implementation written
// differently from checksum.ts's table) and an independent base62 encoder.

function bitwiseCrc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
const zlibCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
const referenceCrc32 = (b: Uint8Array): number => (zlibCrc32 ? zlibCrc32(b) : bitwiseCrc32(b));

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function referenceBase62(n: bigint, width: number): string {
  let out = "";
  for (let v = n; v > 0n; v /= 62n) out = ALPHABET[Number(v % 62n)] + out;
  return out.padStart(width, "0");
}

function randomBody(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHABET[b % 62]).join("");
}

function makeToken(prefix: string): string {
  const body = randomBody(30);
  return prefix + body + referenceBase62(BigInt(referenceCrc32(Buffer.from(body))), 6);
}

/** The same token with one character of the body or checksum changed. */
function flipped(token: string, at: number): string {
  const c = token[at]!;
  const replacement = c === "a" ? "b" : "a";
  return token.slice(0, at) + replacement + token.slice(at + 1);
}

describe("checksum: CRC32 and base62", () => {
  it("crc32 matches the reference on known vectors and random data", () => {
    // The standard check value: CRC-32/ISO-HDLC of "123456789" is 0xCBF43926.
    assert.equal(crc32(Buffer.from("123456789")), 0xcbf43926);
    assert.equal(crc32(Buffer.alloc(0)), 0);
    for (let i = 0; i < 50; i++) {
      const data = randomBytes(1 + (i * 7) % 90);
      assert.equal(crc32(data), bitwiseCrc32(data));
      assert.equal(crc32(data), referenceCrc32(data));
    }
  });

  it("base62 pads to the width and matches a BigInt encoder", () => {
    assert.equal(base62(0, 6), "000000");
    assert.equal(base62(61, 6), "00000z");
    assert.equal(base62(62, 6), "000010");
    for (const n of [1, 4294967295, 123456789, 3735928559]) assert.equal(base62(n, 6), referenceBase62(BigInt(n), 6));
  });
});

describe("checksum: GitHub tokens", () => {
  for (const prefix of ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]) {
    it(`${prefix} tokens with a valid checksum pass, flipped characters fail`, () => {
      for (let i = 0; i < 20; i++) {
        const token = makeToken(prefix);
        assert.equal(isValidGitHubToken(token), true, token.slice(0, 6));
        assert.equal(isValidGitHubToken(flipped(token, 4 + (i % 30))), false, "body flip");
        assert.equal(isValidGitHubToken(flipped(token, token.length - 1 - (i % 6))), false, "checksum flip");
      }
    });
  }
  it("rejects other prefixes, lengths and placeholders", () => {
    const token = makeToken("ghp_");
    assert.equal(isValidGitHubToken("ghx_" + token.slice(4)), false);
    assert.equal(isValidGitHubToken(token.slice(0, -1)), false);
    assert.equal(isValidGitHubToken("ghp_" + "x".repeat(36)), false);
  });
});

describe("checksum: npm tokens", () => {
  it("npm_ tokens with a valid checksum pass, flipped characters fail", () => {
    for (let i = 0; i < 20; i++) {
      const token = makeToken("npm_");
      assert.equal(isValidNpmToken(token), true);
      assert.equal(isValidNpmToken(flipped(token, 4 + (i % 36))), false);
    }
    assert.equal(isValidNpmToken(makeToken("ghp_")), false, "a GitHub token is not an npm token");
  });
});

describe("checksum: Vercel tokens", () => {
  // prefix + 50 url-safe characters + base62(CRC32 of those 50) in 6: built here with the reference
  // CRC32 and base62 above, not with the code under test.
  const vercel = (prefix: string): string => {
    const body = randomBytes(40).toString("base64url").slice(0, 48) + "_-";
    return prefix + body + referenceBase62(BigInt(referenceCrc32(Buffer.from(body))), 6);
  };
  it("vcp_/vci_/vca_/vcr_/vck_ tokens with a valid checksum pass, flipped characters fail", () => {
    for (const prefix of ["vcp_", "vci_", "vca_", "vcr_", "vck_"]) {
      for (let i = 0; i < 10; i++) {
        const token = vercel(prefix);
        assert.equal(isValidVercelToken(token), true, prefix);
        assert.equal(isValidVercelToken(flipped(token, 4 + (i % 48))), false, "body flip");
        assert.equal(isValidVercelToken(flipped(token, token.length - 1 - (i % 6))), false, "checksum flip");
      }
    }
  });
  it("rejects other prefixes and lengths", () => {
    const token = vercel("vcp_");
    assert.equal(isValidVercelToken("vcx_" + token.slice(4)), false);
    assert.equal(isValidVercelToken(token.slice(0, -1)), false);
    assert.equal(isValidVercelToken(token + "a"), false);
  });
});

describe("checksum: structure checks", () => {
  it("JWT header must decode to JSON with alg", () => {
    const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString("base64url");
    assert.equal(hasJwtHeader(`${enc({ alg: "RS256", typ: "JWT" })}.${enc({ sub: "x" })}.sig`), true);
    assert.equal(hasJwtHeader(`${enc({ typ: "JWT" })}.${enc({ sub: "x" })}.sig`), false);
    assert.equal(hasJwtHeader(`eyJub3QganNvbg.${enc({ sub: "x" })}.sig`), false);
  });

  it("PyPI tokens must decode to a macaroon for pypi.org", () => {
    const macaroon = Buffer.concat([Buffer.from([2, 1, 8]), Buffer.from("pypi.org"), randomBytes(60)]);
    assert.equal(isPypiMacaroon("pypi-" + macaroon.toString("base64url")), true);
    const other = Buffer.concat([Buffer.from([2, 1, 8]), Buffer.from("evil.org"), randomBytes(60)]);
    assert.equal(isPypiMacaroon("pypi-" + other.toString("base64url")), false);
    assert.equal(isPypiMacaroon("pypi-AgEIcHlwaS5vcmc"), false, "prefix only");
  });

  it("UUID-shaped secrets: random ones pass, nil and sequential ones fail", () => {
    const hex = randomBytes(16).toString("hex");
    assert.equal(isPlausibleUuid(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`), true);
    assert.equal(isPlausibleUuid("00000000-0000-0000-0000-000000000000"), false);
    assert.equal(isPlausibleUuid("12345678-1234-1234-1234-123456789012"), false);
  });

  it("Bech32: BIP-173's valid test vectors pass, one changed character fails, and bech32Encode's output passes", () => {
    // https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki#test-vectors
    for (const v of ["a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl"]) assert.equal(isValidBech32(v), true, v);
    for (const v of ["a12uel5m", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx", "A12UEL5L", "a1uel5l", "abcdef1bpzry"]) assert.equal(isValidBech32(v), false, v);
    for (let i = 0; i < 20; i++) {
      const s = bech32Encode("nsec", randomBytes(32));
      assert.match(s, /^nsec1[02-9ac-hj-np-z]{58}$/);
      assert.equal(isValidBech32(s), true, s);
      const flipped = s.slice(0, -1) + (s.endsWith("q") ? "p" : "q");
      assert.equal(isValidBech32(flipped), false, flipped);
    }
  });
});
