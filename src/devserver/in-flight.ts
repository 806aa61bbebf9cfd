import { randomUUID } from "node:crypto";

// The requests this server is handling now, for GET sys/in-flight-req
// (Vault 1.10+, `vault debug -target=requests`; http/handler.go
// wrapGenericHandler stores one entry per HTTP request, keyed by a fresh
// UUID, and drops it when the response is written; the system backend's
// handleInFlightRequestData answers the map as raw JSON). Nothing in an
// entry is secret: no token, no body, only the path and the peer address.

interface Entry {
  start: Date;
  startedAt: number;
  remote: string;
  path: string;
  method: string;
}

export class InFlightRequests {
  private readonly entries = new Map<string, Entry>();

  /** Records a request; call the returned function when its response is done. */
  begin(method: string, path: string, remoteAddress: string, remotePort: number): () => void {
    const id = randomUUID();
    // r.RemoteAddr is host:port, IPv6 hosts in brackets.
    const host = remoteAddress.includes(":") ? `[${remoteAddress}]` : remoteAddress;
    this.entries.set(id, { start: new Date(), startedAt: performance.now(), remote: `${host}:${remotePort}`, path, method });
    return () => {
      this.entries.delete(id);
    };
  }

  /** Vault's InFlightReqData per request: start_time (RFC 3339), duration so far, peer, URL path, method, client_id. */
  snapshot(): Record<string, unknown> {
    const now = performance.now();
    const out: Record<string, unknown> = {};
    for (const [id, e] of this.entries) {
      out[id] = {
        start_time: e.start.toISOString(),
        duration: `${Math.round((now - e.startedAt) * 1000)} microseconds`,
        client_remote_address: e.remote,
        request_path: e.path,
        request_method: e.method,
        // Vault fills this from the token's entity or its policies (activity log client IDs); there are none here.
        client_id: "",
      };
    }
    return out;
  }
}
