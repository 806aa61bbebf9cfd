// A scripted HTTP server on 127.0.0.1:0 for the runtime client's tests: each
// test answers requests with a function, and reads back what was received.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after } from "node:test";
import { VaultClient } from "./client.js";
import type { VaultClientEvent, VaultClientOptions } from "./options.js";

export interface ReceivedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/secret/data/app`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface StubAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this text as the body instead of JSON. */
  raw?: string;
  /** Never answer (for timeout tests). */
  hang?: boolean;
}

export interface Stub {
  address: string;
  requests: ReceivedRequest[];
  /** Requests whose path (without /v1/) equals or starts with `prefix`, of `method` when given. */
  count(prefix: string, method?: string): number;
  close(): Promise<void>;
}

export type Handler = (req: ReceivedRequest) => StubAnswer | Promise<StubAnswer>;

export async function startStub(handler: Handler): Promise<Stub> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (text += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stub");
      let body: unknown;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      const r: ReceivedRequest = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body };
      requests.push(r);
      Promise.resolve(handler(r)).then((a) => {
        if (a.hang) return;
        const status = a.status ?? 200;
        const payload = a.raw ?? (a.body === undefined ? "" : JSON.stringify(a.body));
        res.writeHead(status, { "content-type": "application/json", ...a.headers });
        res.end(payload);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    requests,
    count: (prefix, method) => requests.filter((r) => r.path.slice(4).startsWith(prefix) && (method === undefined || r.method === method)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A KV v2 read answer in Vault's envelope. */
export function kvRead(data: Record<string, unknown>, version = 1): StubAnswer {
  return {
    body: {
      request_id: "00000000-0000-0000-0000-000000000000",
      lease_id: "",
      renewable: false,
      lease_duration: 0,
      data: { data, metadata: { created_time: "2026-01-01T00:00:00.000000000Z", custom_metadata: null, deletion_time: "", destroyed: false, version } },
      wrap_info: null,
      warnings: null,
      auth: null,
    },
  };
}

/** An answer to sys/internal/ui/mounts/<path>. */
export function mountAnswer(path: string, version: "1" | "2" | null, type = "kv"): StubAnswer {
  return { body: { data: { path, type, options: version === null ? null : { version }, description: "" } } };
}

export function errorAnswer(status: number, ...errors: string[]): StubAnswer {
  return { status, body: { errors } };
}

export function authAnswer(token: string, ttl: number, renewable = true): StubAnswer {
  return { body: { data: null, auth: { client_token: token, accessor: "acc", policies: ["default"], token_policies: ["default"], lease_duration: ttl, renewable, token_type: "service", orphan: true, num_uses: 0 } } };
}

/** The stubs and clients a test file opens; all are closed once the file's tests are done. */
export function closedAfterTests(): { stubs: Stub[]; clients: VaultClient[] } {
  const stubs: Stub[] = [];
  const clients: VaultClient[] = [];
  after(async () => {
    for (const c of clients) c.close();
    await Promise.all(stubs.map((s) => s.close()));
  });
  return { stubs, clients };
}

export interface StubClient {
  stub: Stub;
  client: VaultClient;
  events: VaultClientEvent[];
}

/**
 * `setup(handler, options?)`: a stub answering with `handler` and a client
 * for it (timeout 5 s, retry delay 1 ms, empty env, events collected), with
 * the file's `defaults` and then the test's `options` on top. With
 * `kv2Mount`, mount discovery is answered with a KV v2 mount at secret/.
 */
export function stubClientSetup(defaults: VaultClientOptions, kv2Mount = false) {
  const { stubs, clients } = closedAfterTests();
  async function setup(handler: Handler, options: VaultClientOptions = {}): Promise<StubClient> {
    const stub = await startStub(kv2Mount ? (r) => (r.path.startsWith("/v1/sys/internal/ui/mounts/") ? mountAnswer("secret/", "2") : handler(r)) : handler);
    stubs.push(stub);
    const events: VaultClientEvent[] = [];
    const client = new VaultClient({ address: stub.address, timeout: 5000, retryDelay: 1, env: {}, onEvent: (e) => events.push(e), ...defaults, ...options });
    clients.push(client);
    return { stub, client, events };
  }
  return { stubs, clients, setup };
}
