// HTTP(S) transport on node:http / node:https with one keep-alive agent per
// client: no dependencies, a custom CA or `verify: false` per client (global
// fetch cannot take either without the undici package), and reused sockets,
// which is most of the latency of a loopback read.
import * as http from "node:http";
import * as https from "node:https";
import { parseVaultAddress } from "./vault-address.js";
import { describeSocketError, NOT_CONNECTED } from "./socket-error.js";

export interface TransportOptions {
  /** `http://host:port`, `https://host:port` or `unix:///path/to.sock`. */
  address: string;
  /** PEM CA bundle to trust instead of the system roots. */
  ca?: string | Buffer | undefined;
  /** `false` skips TLS verification (VAULT_SKIP_VERIFY); for development only. */
  verify: boolean;
  /** Client certificate and key (PEM) for TLS client auth (VAULT_CLIENT_CERT / VAULT_CLIENT_KEY). */
  cert?: string | Buffer | undefined;
  key?: string | Buffer | undefined;
  /** TLS server name to check, when it differs from the address host (VAULT_TLS_SERVER_NAME). */
  servername?: string | undefined;
  maxSockets: number;
}

export interface RawResponse {
  status: number;
  /** `Retry-After` header, raw. */
  retryAfter: string | undefined;
  /** `Location` header of a redirect. */
  location: string | undefined;
  body: string;
}

/** A request that never produced a response. Internal: the client turns it into a VaultConnectionError. */
export class TransportFailure extends Error {
  override name = "TransportFailure";
  constructor(
    message: string,
    readonly code: string | undefined,
    /** True when the server cannot have acted on the request (refused, DNS, stale keep-alive socket). */
    readonly notSent: boolean,
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class Transport {
  readonly #agent: http.Agent;
  readonly #request: typeof http.request;
  readonly #base: { host?: string; port?: number; socketPath?: string };
  readonly #prefix: string;
  /** `https://vault:8200` form of the address, for messages. */
  readonly origin: string;

  constructor(options: TransportOptions) {
    const addr = parseVaultAddress(options.address);
    if (addr.scheme === "unix") {
      this.#base = { socketPath: addr.socketPath };
      this.#prefix = "";
      this.#request = http.request;
      this.#agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
    } else {
      this.#base = { host: addr.host, port: addr.port };
      // A path in VAULT_ADDR (a reverse proxy's prefix) goes in front of /v1/.
      this.#prefix = addr.prefix;
      if (addr.scheme === "https") {
        this.#request = https.request;
        this.#agent = new https.Agent({
          keepAlive: true,
          maxSockets: options.maxSockets,
          ca: options.ca,
          cert: options.cert,
          key: options.key,
          rejectUnauthorized: options.verify,
          servername: options.servername,
        });
      } else {
        this.#request = http.request;
        this.#agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
      }
    }
    this.origin = addr.origin;
  }

  /** Send one request. `path` starts with `/v1/` and includes the query string. */
  send(method: string, path: string, headers: http.OutgoingHttpHeaders, body: string | undefined, timeout: number): Promise<RawResponse> {
    return new Promise<RawResponse>((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const fail = (failure: TransportFailure): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        reject(failure);
      };
      if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
      const req = this.#request({ ...this.#base, agent: this.#agent, method, path: this.#prefix + path, headers }, (res) => {
        res.setEncoding("utf8");
        let text = "";
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => {
          if (settled) return;
          settled = true;
          if (timer !== undefined) clearTimeout(timer);
          const ra = res.headers["retry-after"];
          resolve({ status: res.statusCode ?? 0, retryAfter: typeof ra === "string" ? ra : undefined, location: res.headers.location, body: text });
        });
        res.on("error", (err: NodeJS.ErrnoException) => {
          fail(new TransportFailure(`the response was cut off (${err.code ?? err.message})`, err.code, false, false, { cause: err }));
        });
      });
      req.on("error", (err: NodeJS.ErrnoException) => {
        if (settled) return;
        // A keep-alive socket that the server closed while idle fails the next
        // request with ECONNRESET before anything was processed: Node marks it
        // `reusedSocket`, and such a request is safe to send again.
        const notSent = (err.code !== undefined && NOT_CONNECTED.has(err.code)) || (req.reusedSocket && err.code === "ECONNRESET");
        fail(new TransportFailure(describeSocketError(err), err.code, notSent, false, { cause: err }));
      });
      if (timeout > 0 && Number.isFinite(timeout)) {
        timer = setTimeout(() => {
          fail(new TransportFailure(`no answer within ${timeout} ms`, "ETIMEDOUT", false, true));
          req.destroy();
        }, timeout);
        timer.unref();
      }
      req.end(body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}
