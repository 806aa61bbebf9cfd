import { badRequest, notFound, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { SYSTEM_MAX_TTL, type Data, type State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import { kvStoreFor } from "./kv2.js";
import { parseDuration } from "./duration.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const KV1_ROUTES: readonly Route[] = [["{path}", "rlwd", "c"]];

// KV version 1 (openbao/docs/api/secret/kv/index.mdx) and the per-token
// cubbyhole, which has the same API but one namespace per token.

function listKeys(paths: Iterable<string>, prefix: string): string[] {
  const keys = new Set<string>();
  for (const k of paths) {
    if (!k.startsWith(prefix)) continue;
    const rest = k.slice(prefix.length);
    const slash = rest.indexOf("/");
    keys.add(slash < 0 ? rest : rest.slice(0, slash + 1));
  }
  keys.delete("");
  return [...keys].sort();
}

/** `kv`: KV v1 (Vault's passthrough backend) reports a lease duration and refuses empty writes; the cubbyhole does neither. */
function handleKv(req: LogicalRequest, values: Map<string, string>, kv?: { leaseDuration: number }): LogicalResponse | undefined {
  const path = req.rel;
  switch (req.operation) {
    case "list": {
      const keys = listKeys(values.keys(), path);
      if (keys.length === 0) throw notFound();
      return { data: { keys } };
    }
    case "read": {
      const text = values.get(path);
      if (text === undefined) throw notFound();
      const data = JSON.parse(text) as Data;
      // KV v1 (Vault's passthrough backend): a "ttl" (else "lease") field that parses as a duration sets the
      // lease_duration clients read as a refresh interval (consul-template, Spring Cloud Vault); the cubbyhole has none.
      if (!kv) return { data };
      const ttl = parseDuration(data.ttl ?? data.lease);
      return { data, leaseDuration: ttl !== undefined && ttl > 0 ? ttl : kv.leaseDuration };
    }
    case "create":
    case "update":
      if (path === "" || path.endsWith("/") || path.endsWith(".")) throw unsupportedPath();
      if (kv && Object.keys(req.data).length === 0) throw badRequest("missing data fields");
      values.set(path, JSON.stringify(req.data));
      return undefined;
    case "delete":
      values.delete(path);
      return undefined;
    default:
      throw unsupportedOperation();
  }
}

function kv1BackendHandlers(state: State): Backend {
  return {
    exists: (req) => kvStoreFor(state, req.mount!.uuid).v1.has(req.rel),
    // KV v1 reports the mount's default lease TTL (768h unless tuned) without issuing a lease.
    handle: (req) => handleKv(req, kvStoreFor(state, req.mount!.uuid).v1, { leaseDuration: req.mount!.config.default_lease_ttl || SYSTEM_MAX_TTL }),
  };
}

function cubbyholeBackendHandlers(state: State): Backend {
  const valuesOf = (req: LogicalRequest) => {
    const id = req.token!.id;
    let m = state.cubbyhole.get(id);
    if (!m) {
      m = new Map();
      state.cubbyhole.set(id, m);
    }
    return m;
  };
  return {
    exists: (req) => state.cubbyhole.get(req.token!.id)?.has(req.rel) ?? false,
    handle: (req) => handleKv(req, valuesOf(req)),
  };
}

/** The backend, answering on its registered routes only (routes.ts). */
export function kv1Backend(state: State): RoutedBackend {
  return routed(KV1_ROUTES, kv1BackendHandlers(state));
}

/** The backend, answering on its registered routes only (routes.ts). */
export function cubbyholeBackend(state: State): RoutedBackend {
  return routed(KV1_ROUTES, cubbyholeBackendHandlers(state));
}
