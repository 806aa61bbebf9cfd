import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { badRequest, unsupportedOperation } from "./http-error.js";
import { combine, split } from "./shamir.js";
import type { State } from "./state.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// The dev server's root key and how it is shared out. It starts as Vault's
// dev mode does: one key share that is the key itself (threshold 1, shares 1).
// `sys/rekey` can replace it with N Shamir shares of a new key, any T of which
// then unseal, generate a root token or rekey again, as in Vault (a threshold
// of 1 with more than one share is refused there too).

export class UnsealKeys {
  constructor(private readonly state: State) {}

  get threshold(): number {
    return this.state.keyShares?.threshold ?? 1;
  }

  get shares(): number {
    return this.state.keyShares?.shares ?? 1;
  }

  /** A key share as `vault operator unseal` sends it: hex first, then base64 (http/sys_seal.go tries hex, then base64). */
  decode(text: string): Buffer {
    const t = text.trim();
    if (t === "") throw badRequest("'key' must be specified in request body as JSON");
    if (/^(?:[0-9a-fA-F]{2})+$/.test(t)) return Buffer.from(t, "hex");
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(t) && t.length % 4 === 0) return Buffer.from(t, "base64");
    throw badRequest("'key' must be a valid hex or base64 string");
  }

  /** True when these shares (the threshold of them) rebuild the root key (or `against`, a key not installed yet). */
  verify(parts: Buffer[], against?: NewKeys): boolean {
    const want = against ? against.key : Buffer.from(this.state.unsealKey ?? "", "base64");
    let got: Buffer;
    try {
      got = parts.length === 1 ? parts[0]! : combine(parts);
    } catch {
      return false; // shares of different lengths or a repeated x: not the key
    }
    return want.length > 0 && got.length === want.length && timingSafeEqual(got, want);
  }

  /** A new root key shared out as `shares` keys, `threshold` of which rebuild it; not installed yet. */
  generate(shares: number, threshold: number): NewKeys {
    const key = randomBytes(32);
    return { key, shares, threshold, keys: shares === 1 ? [key] : split(key, shares, threshold) };
  }

  /** Makes `next` the root key: the previous keys stop working. */
  install(next: NewKeys): void {
    this.state.unsealKey = next.key.toString("base64");
    if (next.shares === 1) delete this.state.keyShares;
    else this.state.keyShares = { shares: next.shares, threshold: next.threshold };
  }
}

export interface NewKeys {
  key: Buffer;
  shares: number;
  threshold: number;
  /** The key shares handed to the operators (the key itself when shares is 1). */
  keys: Buffer[];
}

/** Key shares handed in one by one toward the threshold (unseal, generate-root, rekey); a repeated share does not count. */
export class KeyProgress {
  private parts: Buffer[] = [];
  /** Set by the first share, cleared with the shares: sys/seal-status's `nonce` while an unseal is under way (Vault's unlockInfo.Nonce). */
  nonce = "";

  get count(): number {
    return this.parts.length;
  }

  add(part: Buffer): void {
    if (this.parts.length === 0) this.nonce = randomUUID();
    if (!this.parts.some((p) => p.length === part.length && timingSafeEqual(p, part))) this.parts.push(part);
  }

  /** The shares so far; clears them. */
  take(): Buffer[] {
    const out = this.parts;
    this.reset();
    return out;
  }

  reset(): void {
    this.parts = [];
    this.nonce = "";
  }
}

/** Vault's checks of a requested share configuration (vault/rekey.go, SealConfig.Validate). */
export function checkShareConfig(shares: number, threshold: number): void {
  if (shares < 1) throw badRequest("shares must be at least one");
  if (threshold < 1) throw badRequest("threshold must be at least one");
  if (shares > 1 && threshold === 1) throw badRequest("threshold must be greater than one for multiple shares");
  if (shares > 255) throw badRequest("shares must be at most 255");
  if (threshold > shares) throw badRequest("threshold cannot be larger than shares");
}

/**
 * The endpoint that starts a key-share attempt (sys/generate-root/attempt, sys/rekey/init) and the one
 * that takes its shares (…/update): GET answers the status, DELETE cancels (204), PUT/POST starts or
 * hands in a share.
 */
export function attemptEndpoint(
  req: LogicalRequest,
  attempt: { status(): Record<string, unknown>; cancel(): void; start(req: LogicalRequest): LogicalResponse },
): LogicalResponse | undefined {
  if (req.operation === "read") return { raw: { status: 200, body: attempt.status() } };
  if (req.operation === "delete") {
    attempt.cancel();
    return undefined;
  }
  return shareEndpoint(req, attempt.start);
}

/** A PUT/POST-only endpoint taking a key share (…/update). */
export function shareEndpoint(req: LogicalRequest, take: (req: LogicalRequest) => LogicalResponse): LogicalResponse {
  if (req.operation !== "create" && req.operation !== "update") throw unsupportedOperation();
  return take(req);
}
