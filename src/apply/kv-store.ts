import { PlanError } from "../errors.js";

// What the pipeline needs from Vault, as one small interface: KV v2 reads and
// check-and-set writes, ACL policies, and "can a token with this policy read
// that path". The production implementation (vault-store.ts) sits on the
// runtime client; tests wrap it to inject faults.

export interface KvMetadata {
  /** `current_version` (0 when the key has no versions). */
  currentVersion: number;
  /** The current version is soft-deleted or destroyed. */
  currentDeleted: boolean;
}

export interface KvRead {
  data: Record<string, unknown>;
  version: number;
}

export interface KvStore {
  /** The server address, for reports (never a token). */
  readonly address: string | null;
  /** null when the secret does not exist. */
  metadata(mount: string, path: string): Promise<KvMetadata | null>;
  /** The latest (or given) version; null when absent, deleted or destroyed. */
  read(mount: string, path: string, version?: number): Promise<KvRead | null>;
  /** Write a new version with check-and-set; returns its version. Throws CasConflictError on a cas mismatch. */
  write(mount: string, path: string, data: Record<string, unknown>, cas: number): Promise<number>;
  /** Delete the secret with all its versions and metadata. */
  deleteAll(mount: string, path: string): Promise<void>;
  /** Policy text, null when there is no such policy. */
  readPolicy(name: string): Promise<string | null>;
  writePolicy(name: string, policy: string): Promise<void>;
  deletePolicy(name: string): Promise<void>;
  /** Capabilities a token holding only `policy` has on each API path (`secret/data/app/x`). */
  policyCapabilities(policy: string, paths: string[]): Promise<string[][]>;
  /** Throws a PlanError when `mount` is not a KV v2 mount (absent, KV v1, another engine). */
  checkMount?(mount: string): Promise<void>;
}

/** Someone wrote the secret between our read and our write (KV v2 check-and-set failed). */
export class CasConflictError extends PlanError {
  override name = "CasConflictError";
}

/** `secret` + `app/dev/db` → `secret/data/app/dev/db` (KV v2 API path, for policies and capabilities). */
export function dataPath(mount: string, path: string): string {
  return `${mount.replace(/\/+$/, "")}/data/${path.replace(/^\/+/, "")}`;
}
