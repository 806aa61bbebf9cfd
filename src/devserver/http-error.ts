// Errors that become Vault's error responses: `{"errors":[...]}` with a status
// (openbao/docs/api/index.mdx, "Error response"). Messages never echo request
// values, since those may be secrets.

export class VaultHttpError extends Error {
  override name = "VaultHttpError";
  constructor(
    readonly status: number,
    readonly errors: string[],
  ) {
    super(errors[0] ?? `HTTP ${status}`);
  }
}

/**
 * Vault wraps permission errors in a Go multierror, which is the text real
 * servers send (README §4.3); clients must test for the substring.
 */
export const PERMISSION_DENIED = "1 error occurred:\n\t* permission denied\n\n";

export function permissionDenied(): VaultHttpError {
  return new VaultHttpError(403, [PERMISSION_DENIED]);
}

export function badRequest(message: string): VaultHttpError {
  return new VaultHttpError(400, [message]);
}

/** A read of a path with no value: 404 with an empty errors list (README §4.4). */
export function notFound(): VaultHttpError {
  return new VaultHttpError(404, []);
}

export function unsupportedPath(): VaultHttpError {
  return new VaultHttpError(404, ["1 error occurred:\n\t* unsupported path\n\n"]);
}

export function unsupportedOperation(): VaultHttpError {
  return new VaultHttpError(405, ["1 error occurred:\n\t* unsupported operation\n\n"]);
}

/**
 * A LIST of `names`: `{keys}` sorted, or 404 with an empty errors list when there are none
 * (logical.ListResponse of nothing; http/logical.go turns it into a 404). Any other operation
 * on the collection is 405.
 */
export function listOrNotFound(operation: string, names: Iterable<string>): { data: { keys: string[] } } {
  if (operation !== "list") throw unsupportedOperation();
  const keys = [...names].sort();
  if (keys.length === 0) throw new VaultHttpError(404, []);
  return { data: { keys } };
}
