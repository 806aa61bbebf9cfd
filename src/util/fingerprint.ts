import { createHmac, randomBytes } from "node:crypto";

// Fingerprints identify a secret without revealing it: HMAC-SHA-256 keyed by a
// salt. A plan has its own random salt; a baseline has its own too, so the same
// secret fingerprints differently in two repositories and a fingerprint cannot
// be checked against a dictionary without the salt.

/** A fresh random salt (hex, 256 bits). */
export function newSalt(): string {
  return randomBytes(32).toString("hex");
}

/** HMAC-SHA-256 of the parts, joined with NUL so that ("ab","c") ≠ ("a","bc"). Hex. */
export function fingerprint(salt: string, ...parts: string[]): string {
  return createHmac("sha256", salt).update(parts.join("\0")).digest("hex");
}

/** The salt used when no baseline or plan supplies one: stable across machines. */
export const DEFAULT_FINGERPRINT_SALT = "vaultshift-fingerprint-v1";
