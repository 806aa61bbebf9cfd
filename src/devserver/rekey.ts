import { badRequest, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { bool, has, int, str } from "./fields.js";
import { uuid } from "./ids.js";
import { attemptEndpoint, checkShareConfig, KeyProgress, shareEndpoint, type NewKeys, type UnsealKeys } from "./unseal-keys.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// Rekeying the unseal keys (`vault operator rekey`; hvac start_rekey, rekey,
// rekey_multi, rekey_verify…): PUT sys/rekey/init with the new
// secret_shares/secret_threshold starts an attempt; the current threshold of
// current keys, each with the attempt's nonce, go to PUT sys/rekey/update;
// the last one answers the new keys (hex and base64). With
// require_verification the new keys take effect only once the new threshold
// of them has come back through PUT sys/rekey/verify. Like generate-root, no
// token is needed (Vault serves these paths before token checks). Response
// fields follow Vault's RekeyStatusResponse / RekeyUpdateResponse /
// RekeyVerificationStatusResponse (api/sys_rekey.go). PGP encryption of the
// new keys and key backups are not offered: the dev server has no OpenPGP.

interface Attempt {
  nonce: string;
  shares: number;
  threshold: number;
  verify: boolean;
  /** After the update phase, with require_verification: the new keys, waiting for verification. */
  pending?: { next: NewKeys; nonce: string; progress: KeyProgress };
}

export function rekey(keys: UnsealKeys): (req: LogicalRequest, rest: string) => LogicalResponse | undefined {
  let attempt: Attempt | undefined;
  const progress = new KeyProgress();
  const ok = (body: Record<string, unknown>): LogicalResponse => ({ raw: { status: 200, body } });

  function status(): Record<string, unknown> {
    const body: Record<string, unknown> = {
      nonce: attempt?.nonce ?? "",
      started: attempt !== undefined,
      t: attempt?.threshold ?? 0,
      n: attempt?.shares ?? 0,
      progress: progress.count,
      required: keys.threshold,
      pgp_fingerprints: null,
      backup: false,
      verification_required: attempt?.verify ?? false,
    };
    if (attempt?.pending) body.verification_nonce = attempt.pending.nonce;
    return body;
  }

  function cancel(): void {
    attempt = undefined;
    progress.reset();
  }

  function start(req: LogicalRequest): LogicalResponse {
    if (attempt) throw badRequest("rekey already in progress");
    if (has(req.data, "pgp_keys") && req.data.pgp_keys !== null && !(Array.isArray(req.data.pgp_keys) && req.data.pgp_keys.length === 0)) {
      throw badRequest("the vaultshift dev server cannot encrypt unseal keys to PGP keys: rekey without pgp_keys");
    }
    if (bool(req.data, "backup")) throw badRequest("backup requested but no PGP keys provided");
    const shares = int(req.data, "secret_shares");
    const threshold = int(req.data, "secret_threshold");
    checkShareConfig(shares, threshold);
    attempt = { nonce: uuid(), shares, threshold, verify: bool(req.data, "require_verification") };
    progress.reset();
    return ok(status());
  }

  function update(req: LogicalRequest): LogicalResponse {
    const key = keys.decode(str(req.data, "key"));
    if (!attempt) throw badRequest("no rekey in progress");
    if (attempt.pending) throw badRequest("rekey verification in progress: send the new keys to sys/rekey/verify");
    if (str(req.data, "nonce") !== attempt.nonce) throw badRequest("incorrect nonce");
    progress.add(key);
    if (progress.count < keys.threshold) return ok(status());
    if (!keys.verify(progress.take())) throw badRequest("rekey aborted: the keys do not rebuild the root key");
    const a = attempt;
    const next = keys.generate(a.shares, a.threshold);
    if (a.verify) {
      // Held back until verified; the current keys keep working meanwhile.
      a.pending = { next, nonce: uuid(), progress: new KeyProgress() };
    } else {
      keys.install(next);
      attempt = undefined;
    }
    const body: Record<string, unknown> = {
      nonce: a.nonce,
      complete: true,
      keys: next.keys.map((k) => k.toString("hex")),
      keys_base64: next.keys.map((k) => k.toString("base64")),
      pgp_fingerprints: null,
      backup: false,
      verification_required: a.verify,
    };
    if (a.pending) body.verification_nonce = a.pending.nonce;
    return ok(body);
  }

  function verifyStatus(): Record<string, unknown> {
    const p = attempt?.pending;
    return { nonce: p?.nonce ?? "", started: p !== undefined, t: p ? attempt!.threshold : 0, n: p ? attempt!.shares : 0, progress: p?.progress.count ?? 0 };
  }

  function verify(req: LogicalRequest): LogicalResponse {
    const key = keys.decode(str(req.data, "key"));
    const p = attempt?.pending;
    if (!attempt || !p) throw badRequest("no rekey verification in progress");
    if (str(req.data, "nonce") !== p.nonce) throw badRequest("incorrect nonce");
    p.progress.add(key);
    if (p.progress.count < p.next.threshold) return ok(verifyStatus());
    if (!keys.verify(p.progress.take(), p.next)) throw badRequest("rekey verification failed: the keys do not rebuild the new root key");
    keys.install(p.next);
    attempt = undefined;
    return ok({ nonce: p.nonce, complete: true });
  }

  return (req, rest) => {
    switch (rest.replace(/\/$/, "")) {
      case "init":
        return attemptEndpoint(req, { status, cancel, start });
      case "update":
        return shareEndpoint(req, update);
      case "verify":
        if (req.operation === "read") return ok(verifyStatus());
        if (req.operation === "delete") {
          // Resets the verification's progress and nonce, not the rekey attempt (sys/rekey/verify DELETE).
          if (attempt?.pending) attempt.pending = { ...attempt.pending, nonce: uuid(), progress: new KeyProgress() };
          return ok(verifyStatus());
        }
        return shareEndpoint(req, verify);
      case "backup":
        // Backups exist only for PGP-encrypted keys, which this server does not make (vault/logical_system.go handleRekeyRetrieve).
        if (req.operation === "read" || req.operation === "delete") throw badRequest("no backed-up keys found");
        throw unsupportedOperation();
      default:
        throw unsupportedPath();
    }
  };
}
