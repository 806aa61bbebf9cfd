// What the contract tests driving node-vault share: its client as an untyped
// record (its typings cover a fraction of its methods) and the error it
// rejects with, whose `response` carries Vault's status and body.

/* eslint-disable @typescript-eslint/no-explicit-any -- node-vault's typings cover a fraction of its methods */
export type Client = Record<string, any>;
export type ApiError = Error & { response?: { statusCode: number; body: any } };

/** Resolves to the error the call rejected with; fails if it resolved. */
export async function refused(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error("expected the call to be refused, it succeeded");
}
