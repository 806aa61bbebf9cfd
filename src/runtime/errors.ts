// Errors of the runtime client. One base class, precise subclasses, each with a
// literal `name` (the ky model). Every error says which request failed (method
// and Vault path, never the token, headers, or body), what Vault answered (its
// `errors` array, scrubbed of the token and of the values the request sent),
// and what to do next (`hint`). A test pushes canary values through
// `util.inspect`, `JSON.stringify` and `stack` of each one.
import { VaultshiftError } from "../errors.js";

export interface VaultErrorDetails {
  /** HTTP method of the request, e.g. `GET`, `LIST`. */
  method?: string | undefined;
  /** Vault API path without `/v1/`, e.g. `secret/data/myapp/db`. */
  path?: string | undefined;
  /** HTTP status, when Vault answered. */
  status?: number | undefined;
  /** Vault's `errors` array (already scrubbed). */
  errors?: readonly string[] | undefined;
  hint?: string | undefined;
  cause?: unknown;
}

export class VaultError extends VaultshiftError {
  override name: string = "VaultError";
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly errors: readonly string[];
  constructor(message: string, details: VaultErrorDetails = {}) {
    super(message, { cause: details.cause, hint: details.hint });
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errors = details.errors ?? [];
  }
}

/** Vault could not be reached: refused, reset, DNS, TLS, or no answer in time. */
export class VaultConnectionError extends VaultError {
  override name = "VaultConnectionError";
  /** Node's error code when there is one (`ECONNREFUSED`, `ETIMEDOUT`, …). */
  readonly code: string | undefined;
  constructor(message: string, details: VaultErrorDetails & { code?: string | undefined } = {}) {
    super(message, details);
    this.code = details.code;
  }
}

/** No answer within `timeout`. */
export class VaultTimeoutError extends VaultConnectionError {
  override name = "VaultTimeoutError";
}

/** Logging in failed, or there is no credential to log in with. */
export class VaultAuthenticationError extends VaultError {
  override name = "VaultAuthenticationError";
}

/** The token is missing, expired or revoked (Vault answers 403 even to lookup-self). */
export class VaultInvalidTokenError extends VaultAuthenticationError {
  override name = "VaultInvalidTokenError";
}

/** 403 with a valid token: the token's policies do not allow this operation. */
export class VaultPermissionError extends VaultError {
  override name = "VaultPermissionError";
}

export interface SecretNotFoundDetails extends VaultErrorDetails {
  /** The version exists but was soft-deleted (`deletion_time` set); `undelete` brings it back. */
  deleted?: boolean;
  /** The version was destroyed for good. */
  destroyed?: boolean;
  version?: number | undefined;
  deletionTime?: string | undefined;
}

/** 404: absent, or (KV v2) a deleted or destroyed version; see `deleted`/`destroyed`. */
export class VaultSecretNotFoundError extends VaultError {
  override name = "VaultSecretNotFoundError";
  readonly deleted: boolean;
  readonly destroyed: boolean;
  readonly version: number | undefined;
  readonly deletionTime: string | undefined;
  constructor(message: string, details: SecretNotFoundDetails = {}) {
    super(message, details);
    this.deleted = details.deleted ?? false;
    this.destroyed = details.destroyed ?? false;
    this.version = details.version;
    this.deletionTime = details.deletionTime;
  }
}

/** A secret exists but lacks the field the caller asked for. */
export class VaultMissingFieldError extends VaultError {
  override name = "VaultMissingFieldError";
  readonly field: string;
  constructor(message: string, details: VaultErrorDetails & { field: string }) {
    super(message, details);
    this.field = details.field;
  }
}

/** 503 "Vault is sealed". */
export class VaultSealedError extends VaultError {
  override name = "VaultSealedError";
}

/** 501: Vault is not initialized. */
export class VaultUninitializedError extends VaultError {
  override name = "VaultUninitializedError";
}

/** KV check-and-set mismatch, `cas` required, or a bad version number. */
export class VaultVersionError extends VaultError {
  override name = "VaultVersionError";
}

/** 400: Vault rejected the request's data. */
export class VaultValidationError extends VaultError {
  override name = "VaultValidationError";
}

/** 429 after every retry: a rate-limit quota (or a standby's sys/health). */
export class VaultRateLimitError extends VaultError {
  override name = "VaultRateLimitError";
}

/** 5xx (other than sealed / uninitialized) or 412 after every retry. */
export class VaultServerError extends VaultError {
  override name = "VaultServerError";
}

/** A read with `onlyIfCached` found nothing usable in the cache. */
export class VaultCacheError extends VaultError {
  override name = "VaultCacheError";
}

/** The client was used with invalid options (bad address, unreadable CA, …). */
export class VaultConfigError extends VaultError {
  override name = "VaultConfigError";
}

/** One variable `loadSecrets` could not fill. */
export interface SecretProblem {
  variable: string;
  /** `mount/path` the variable maps to. */
  path: string;
  key: string;
  reason: string;
}

/** `loadSecrets` could not fill some variables; `problems` lists each with its Vault path. */
export class VaultLoadSecretsError extends VaultError {
  override name = "VaultLoadSecretsError";
  readonly problems: readonly SecretProblem[];
  constructor(message: string, details: VaultErrorDetails & { problems: SecretProblem[] }) {
    super(message, details);
    this.problems = details.problems;
  }
}
