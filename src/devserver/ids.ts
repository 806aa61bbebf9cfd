import { randomBytes, randomUUID } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Uniformly random base62 string (rejection sampling keeps it unbiased). */
export function base62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * Service tokens look like Vault 1.10+'s: `hvs.` + base62, 95 characters in
 * all (vault-1.14/docs/faq/ssct.mdx: "95+ characters"; prefixes hvs./hvb./hvr.).
 */
export function newServiceToken(): string {
  return `hvs.${base62(91)}`;
}

/** Batch tokens: `hvb.` + base62; Vault's are encrypted blobs well over 100 characters (vault-1.14/docs/faq/ssct.mdx). */
export function newBatchToken(): string {
  return `hvb.${base62(134)}`;
}

/** Token accessors are 24 base62 characters in Vault. */
export function newAccessor(): string {
  return base62(24);
}

export function uuid(): string {
  return randomUUID();
}

/** Mount accessors look like `kv_1a2b3c4d`. */
export function mountAccessor(type: string): string {
  return `${type.replace(/-/g, "_")}_${randomBytes(4).toString("hex")}`;
}

let lastMs = 0;
let sub = 0;

/**
 * RFC 3339 UTC with nanoseconds, as Vault prints times
 * (`2018-03-22T02:24:06.945319214Z`). Node clocks give milliseconds; the
 * sub-millisecond digits only keep successive stamps strictly increasing.
 */
export function timestamp(ms: number = Date.now()): string {
  if (ms === lastMs) sub = Math.min(sub + 1, 999_999);
  else {
    lastMs = ms;
    sub = 0;
  }
  const iso = new Date(ms).toISOString(); // ...SSSZ
  return `${iso.slice(0, -1)}${String(sub).padStart(6, "0")}Z`;
}

/** Milliseconds since the epoch of a timestamp from `timestamp()` (or any RFC 3339). */
export function parseTime(text: string): number {
  return Date.parse(text);
}
