import { randomBytes, randomInt } from "node:crypto";

// Shamir's secret sharing over GF(2^8), in the share layout Vault uses
// (shamir/shamir.go): each share is the polynomials' values at one x, one
// byte per secret byte, followed by that x (so a share is one byte longer than
// the secret); x coordinates are distinct and non-zero; the secret is the
// value at x = 0. The field is the AES one (x^8 + x^4 + x^3 + x + 1), as in
// Vault's tables.

const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    // multiply by the generator 3: x*2 (reduced by 0x11b) xor x
    const twice = (x << 1) ^ (x & 0x80 ? 0x11b : 0);
    x = twice ^ x;
  }
  for (let i = 255; i < 510; i++) EXP[i] = EXP[i - 255]!;
}

function mul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

function div(a: number, b: number): number {
  if (b === 0) throw new RangeError("division by zero in GF(2^8)");
  return a === 0 ? 0 : EXP[LOG[a]! + 255 - LOG[b]!]!;
}

/** Splits `secret` into `parts` shares, any `threshold` of which recover it (2 <= threshold <= parts <= 255). */
export function split(secret: Buffer, parts: number, threshold: number): Buffer[] {
  if (!(threshold >= 2 && threshold <= parts && parts <= 255)) throw new RangeError("need 2 <= threshold <= parts <= 255");
  if (secret.length === 0) throw new RangeError("cannot split an empty secret");
  // Distinct non-zero x coordinates: a random permutation of 1..255, first `parts` of it.
  const xs = Array.from({ length: 255 }, (_, i) => i + 1);
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  const shares = Array.from({ length: parts }, (_, i) => {
    const b = Buffer.alloc(secret.length + 1);
    b[secret.length] = xs[i]!;
    return b;
  });
  for (let k = 0; k < secret.length; k++) {
    // Coefficients: the secret byte, then threshold-1 random bytes.
    const coeffs = [secret[k]!, ...randomBytes(threshold - 1)];
    for (let i = 0; i < parts; i++) {
      const x = xs[i]!;
      let y = 0;
      for (let c = coeffs.length - 1; c >= 0; c--) y = mul(y, x) ^ coeffs[c]!; // Horner
      shares[i]![k] = y;
    }
  }
  return shares;
}

/** Recovers the secret from shares made by split() (at least its threshold of them; fewer give a wrong value). */
export function combine(shares: Buffer[]): Buffer {
  if (shares.length < 2) throw new RangeError("need at least two shares");
  const len = shares[0]!.length;
  if (len < 2 || shares.some((s) => s.length !== len)) throw new RangeError("shares must all have the same length");
  const xs = shares.map((s) => s[len - 1]!);
  if (new Set(xs).size !== xs.length) throw new RangeError("duplicate share");
  const out = Buffer.alloc(len - 1);
  for (let k = 0; k < len - 1; k++) {
    // Lagrange interpolation at x = 0; subtraction is xor in GF(2^8).
    let value = 0;
    for (let i = 0; i < shares.length; i++) {
      let basis = 1;
      for (let j = 0; j < shares.length; j++) if (i !== j) basis = mul(basis, div(xs[j]!, xs[i]! ^ xs[j]!));
      value ^= mul(shares[i]![k]!, basis);
    }
    out[k] = value;
  }
  return out;
}
