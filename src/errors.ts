// One base class for every error vaultshift knows how to explain. The CLI prints
// a VaultshiftError tersely (message + hint) and re-throws anything else.
// Messages say what happened, to what, and what to do next; they never contain
// a secret value (tests feed canary values through every error path).

export interface VaultshiftErrorOptions {
  cause?: unknown;
  /** What the user can do next, printed after the message. */
  hint?: string;
}

export class VaultshiftError extends Error {
  override name: string = "VaultshiftError";
  readonly hint: string | undefined;
  constructor(message: string, options: VaultshiftErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }
}

/** Bad command-line input: exit code 2. */
export class UsageError extends VaultshiftError {
  override name = "UsageError";
}

/** A config file that cannot be read or does not match the schema. */
export class ConfigError extends VaultshiftError {
  override name = "ConfigError";
}

/** A file or directory that cannot be read or written. */
export class FileAccessError extends VaultshiftError {
  override name = "FileAccessError";
}

/** The plan cannot be applied as it is (stale fingerprint, collision, conflict). */
export class PlanError extends VaultshiftError {
  override name = "PlanError";
}

/** A git command failed or the directory is not a repository. */
export class GitError extends VaultshiftError {
  override name = "GitError";
}
