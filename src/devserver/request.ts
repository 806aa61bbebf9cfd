import type { IncomingHttpHeaders } from "node:http";
import type { Acl, Operation } from "./acl.js";
import type { Data, MountEntry, TokenEntry } from "./state.js";

// The request and response of the logical layer, between the HTTP adapter and
// the backends (sys, token, approle, kv, cubbyhole).

export interface LogicalRequest {
  id: string;
  operation: Operation;
  /** Path under /v1/, no leading slash; list paths end with "/". */
  path: string;
  data: Data;
  clientToken: string;
  token?: TokenEntry;
  acl?: Acl;
  remoteAddress: string;
  remotePort: number;
  headers: IncomingHttpHeaders;
  mount?: MountEntry;
  /** "secret/", "auth/approle/", "sys/" … */
  mountPoint: string;
  /** Path relative to the mount point. */
  rel: string;
}

export interface AuthBlock {
  client_token: string;
  accessor: string;
  policies: string[];
  token_policies: string[];
  identity_policies?: string[];
  metadata: Record<string, string> | null;
  lease_duration: number;
  renewable: boolean;
  entity_id: string;
  token_type: string;
  orphan: boolean;
  mfa_requirement: null;
  num_uses: number;
}

export interface LogicalResponse {
  /** Default: 200 when there is data/auth/warnings, else 204. */
  status?: number;
  data?: Data | null;
  auth?: AuthBlock | null;
  warnings?: string[] | null;
  /** Copy data's members to the top level too (README §3.5). */
  topLevel?: boolean;
  leaseDuration?: number;
  /** A lease (sys/leases/renew answers with the renewed lease's ID at the top level). */
  leaseId?: string;
  renewable?: boolean;
  /** Wrap this response even without X-Vault-Wrap-TTL (sys/wrapping/wrap, rewrap); `body` replaces the envelope to store. */
  wrap?: { ttl: number; body?: unknown };
  /** A response that is not the JSON envelope (sys/health, seal-status); `text` is sent as is with `contentType` (sys/metrics). */
  raw?: { status: number; body?: unknown; text?: string; contentType?: string };
}

export interface Backend {
  handle(req: LogicalRequest): LogicalResponse | undefined;
  /** Existence check that decides create vs update for POST/PUT (README §2.1). */
  exists?(req: LogicalRequest): boolean;
}
