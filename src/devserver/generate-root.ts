import { badRequest, unsupportedPath } from "./http-error.js";
import { base62, uuid } from "./ids.js";
import { str } from "./fields.js";
import { attemptEndpoint, KeyProgress, shareEndpoint, type UnsealKeys } from "./unseal-keys.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// Root token generation with the unseal key (`vault operator generate-root`;
// node-vault generateRoot*, hvac start_root_token_generation / generate_root):
// PUT sys/generate-root/attempt starts an attempt and, without a PGP key,
// answers a one-time password; PUT sys/generate-root/update with the unseal
// key shares and the attempt's nonce (one per call, up to the threshold:
// 1 until sys/rekey shares the key out) completes it and answers the new root
// token XOR the OTP, base64 without
// padding — what Vault 1.10+ does (vault/generate_root.go) and what
// `vault operator generate-root -decode=… -otp=…` undoes (sdk/helper/
// roottoken.DecodeToken: base64.RawStdEncoding, then XOR with the OTP).
// No token is needed: the point is to recover from a lost root token.

/** Vault's TokenLength (24) + TokenPrefixLength ("hvs."): the length of the OTP and of the generated root token. */
export const OTP_LENGTH = 28;

interface Attempt {
  nonce: string;
  otp: string;
}

export interface GenerateRootDeps {
  keys: UnsealKeys;
  /** Creates a root token with this ID (`hvs.` + 24 base62) and returns it. */
  mintRoot(id: string): void;
}

export function generateRoot(deps: GenerateRootDeps): (req: LogicalRequest, rest: string) => LogicalResponse | undefined {
  let attempt: Attempt | undefined;
  const progress = new KeyProgress();

  function status(otp = ""): Record<string, unknown> {
    return {
      started: attempt !== undefined,
      nonce: attempt?.nonce ?? "",
      progress: progress.count,
      required: deps.keys.threshold,
      complete: false,
      encoded_token: "",
      encoded_root_token: "",
      pgp_fingerprint: "",
      otp,
      otp_length: OTP_LENGTH,
    };
  }

  function cancel(): void {
    attempt = undefined;
    progress.reset();
  }

  function start(req: LogicalRequest): LogicalResponse {
    if (attempt) throw badRequest("root generation already in progress");
    if (str(req.data, "pgp_key") !== "") {
      throw badRequest("the vaultshift dev server cannot encrypt the root token to a PGP key: start the attempt without pgp_key and decode the token with the returned OTP");
    }
    const given = str(req.data, "otp");
    if (given !== "" && given.length !== OTP_LENGTH) throw badRequest("OTP string is wrong length");
    const otp = given || base62(OTP_LENGTH);
    attempt = { nonce: uuid(), otp };
    progress.reset();
    // The OTP is returned only when the server generated it (http/sys_generate_root.go).
    return { raw: { status: 200, body: status(given === "" ? otp : "") } };
  }

  function update(req: LogicalRequest): LogicalResponse {
    const key = deps.keys.decode(str(req.data, "key"));
    if (!attempt) throw badRequest("no root generation in progress");
    if (str(req.data, "nonce") !== attempt.nonce) throw badRequest("incorrect nonce supplied");
    const { nonce, otp } = attempt;
    progress.add(key);
    if (progress.count < deps.keys.threshold) return { raw: { status: 200, body: status() } };
    if (!deps.keys.verify(progress.take())) {
      attempt = undefined; // Vault aborts the attempt when the combined key does not verify
      throw badRequest("root generation aborted: the keys do not rebuild the root key");
    }
    attempt = undefined;
    const token = `hvs.${base62(OTP_LENGTH - 4)}`;
    deps.mintRoot(token);
    const encoded = Buffer.from(Buffer.from(token).map((b, i) => b ^ otp.charCodeAt(i))).toString("base64").replace(/=+$/, "");
    return {
      raw: {
        status: 200,
        body: { started: true, nonce, progress: deps.keys.threshold, required: deps.keys.threshold, complete: true, encoded_token: encoded, encoded_root_token: encoded, pgp_fingerprint: "" },
      },
    };
  }

  return (req, rest) => {
    switch (rest.replace(/\/$/, "")) {
      case "attempt":
        return attemptEndpoint(req, { status: () => status(), cancel, start });
      case "update":
        return shareEndpoint(req, update);
      default:
        throw unsupportedPath();
    }
  };
}
