// HTTP(S) transport on node:http / node:https with one keep-alive agent per
// client: no dependencies, a custom CA or `verify: false` per client (global
// fetch cannot take either without the undici package), and reused sockets,
// which is most of the latency of a loopback read.
import * as http from "node:http";
import * as https from "node:https";
import { VaultConfigError } from "./errors.js";

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

// Codes that mean the connection was never made, so any request may be retried.
const notConnected = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ENOENT"]);

export class Transport {
  readonly #agent: http.Agent;
  readonly #request: typeof http.request;
  readonly #base: { host?: string; port?: number; socketPath?: string };
  readonly #prefix: string;
  /** `https://vault:8200` form of the address, for messages. */
  readonly origin: string;

  constructor(options: TransportOptions) {
    const address = options.address.trim();
    // For messages: never repeat credentials someone put in the URL (user:pass@).
    const shown = address.replace(/^([^/]*\/\/)?[^/@]*@/, "$1…@");
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      // No `cause`: Node's ERR_INVALID_URL keeps the whole input, credentials included.
      throw new VaultConfigError(`invalid Vault address "${shown}"`, { hint: "Set VAULT_ADDR (or `address`) to a URL such as https://vault.example.com:8200 or http://127.0.0.1:8200." });
    }
    if (url.protocol === "unix:") {
      this.#base = { socketPath: url.pathname };
      this.#prefix = "";
      this.#request = http.request;
      this.#agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
    } else if (url.protocol === "http:" || url.protocol === "https:") {
      const tls = url.protocol === "https:";
      this.#base = { host: url.hostname.replace(/^\[|\]$/g, ""), port: url.port === "" ? (tls ? 443 : 80) : Number(url.port) };
      // A path in VAULT_ADDR (a reverse proxy's prefix) goes in front of /v1/.
      this.#prefix = url.pathname.replace(/\/+$/, "");
      if (tls) {
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
    } else {
      throw new VaultConfigError(`invalid Vault address "${shown}": the scheme must be http, https or unix`, { hint: "Set VAULT_ADDR (or `address`) to a URL such as https://vault.example.com:8200." });
    }
    this.origin = url.protocol === "unix:" ? address : url.origin;
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
        const notSent = (err.code !== undefined && notConnected.has(err.code)) || (req.reusedSocket && err.code === "ECONNRESET");
        fail(new TransportFailure(describe(err), err.code, notSent, false, { cause: err }));
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

function describe(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve";
    case "ECONNRESET":
      return "the connection was reset";
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "CERT_HAS_EXPIRED":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `the server's TLS certificate was rejected (${err.code})`;
    default:
      return err.code ?? err.message;
  }
}
