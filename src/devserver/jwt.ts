import { createPublicKey, createVerify, X509Certificate, type KeyObject } from "node:crypto";

// Verifying a JWT (RFC 7519) signed with RS256/384/512, PS256/384/512 or
// ES256/384/512 (RFC 7518 §3) against a list of PEM public keys or
// certificates, as Vault's Kubernetes auth does with `pem_keys`. Returns the
// claims, or undefined when no key verifies the signature or the token is
// expired / not yet valid.

const ALGS: Record<string, { hash: string; padding?: "pss"; ecBytes?: number }> = {
  RS256: { hash: "sha256" },
  RS384: { hash: "sha384" },
  RS512: { hash: "sha512" },
  PS256: { hash: "sha256", padding: "pss" },
  PS384: { hash: "sha384", padding: "pss" },
  PS512: { hash: "sha512", padding: "pss" },
  ES256: { hash: "sha256", ecBytes: 32 },
  ES384: { hash: "sha384", ecBytes: 48 },
  ES512: { hash: "sha512", ecBytes: 66 },
};

export function publicKeyFromPem(pem: string): KeyObject {
  return pem.includes("CERTIFICATE") ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

/** publicKeyFromPem over a config's key list, remembered per list so that a login does not parse the PEM text again. */
export function publicKeyCache(): (pems: string[]) => KeyObject[] {
  const cache = new Map<string, KeyObject[]>();
  return (pems) => {
    const id = pems.join("\n");
    let keys = cache.get(id);
    if (!keys) {
      keys = pems.map(publicKeyFromPem);
      cache.set(id, keys);
    }
    return keys;
  };
}

function b64urlJson(part: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The claims of a JWT signed by one of `keys`, or undefined. `leeway` is the seconds by which `exp` may have
 * passed and `nbf` may be ahead (undefined: that check is off); 60 each unless given, as go-jose's default.
 */
export function verifyJwt(jwt: string, keys: KeyObject[], now = Date.now(), leeway: { exp?: number; nbf?: number } = { exp: 60, nbf: 60 }): Record<string, unknown> | undefined {
  const parts = jwt.split(".");
  if (parts.length !== 3) return undefined;
  const header = b64urlJson(parts[0]!);
  const claims = b64urlJson(parts[1]!);
  const alg = typeof header?.alg === "string" ? ALGS[header.alg] : undefined;
  if (!header || !claims || !alg) return undefined;
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2]!, "base64url");
  const ok = keys.some((key) => {
    try {
      const v = createVerify(alg.hash).update(signed);
      if (alg.ecBytes) return v.verify({ key, dsaEncoding: "ieee-p1363" }, signature);
      if (alg.padding === "pss") return v.verify({ key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: -1 }, signature);
      return v.verify(key, signature);
    } catch {
      return false;
    }
  });
  if (!ok) return undefined;
  const seconds = now / 1000;
  if (leeway.exp !== undefined && typeof claims.exp === "number" && claims.exp < seconds - leeway.exp) return undefined;
  if (leeway.nbf !== undefined && typeof claims.nbf === "number" && claims.nbf > seconds + leeway.nbf) return undefined;
  return claims;
}
