// A small HTTP/1.1 client on raw `net`/`tls` sockets with a keep-alive pool.
// Measured on loopback, Node's http.ClientRequest machinery costs about three
// times the CPU of the request itself (bench/runtime.ts: ~150–260 µs against
// ~40–60 µs per read), so the client speaks the few parts of RFC 9112 that a
// Vault API call needs: one request per connection at a time, bodies framed by
// Content-Length, chunked transfer coding, or connection close; 1xx answers
// skipped; `Connection: close` honoured. `transport.ts` (node:http) stays
// available with VAULTSHIFT_HTTP_CLIENT=node.
import * as net from "node:net";
import * as tls from "node:tls";
import type { OutgoingHttpHeaders } from "node:http";
import { VaultConfigError } from "./errors.js";
import { TransportFailure, type RawResponse, type TransportOptions } from "./transport.js";
import { parseVaultAddress } from "./vault-address.js";
import { describeSocketError, NOT_CONNECTED } from "./socket-error.js";
const CRLF2 = Buffer.from("\r\n\r\n");

interface Pending {
  head: boolean;
  resolve(r: RawResponse): void;
  fail(f: TransportFailure): void;
}

/** One socket and the parser state of the response it is reading. */
class Conn {
  readonly socket: net.Socket;
  pending: Pending | undefined;
  used = false;
  #buf: Buffer = Buffer.alloc(0);
  #status = 0;
  #headers: Record<string, string> | undefined;
  #mode: "length" | "chunked" | "close" | "none" = "none";
  #remaining = 0;
  #body: Buffer[] = [];
  #chunkState: "size" | "data" | "crlf" | "trailers" = "size";
  #reusable = true;
  #received = false;
  constructor(
    socket: net.Socket,
    readonly release: (c: Conn, reusable: boolean) => void,
    closed: (c: Conn) => void,
  ) {
    this.socket = socket;
    socket.on("data", (d: Buffer) => this.#onData(d));
    socket.on("error", (err: NodeJS.ErrnoException) => this.#onEnd(err));
    socket.on("close", () => {
      this.#onEnd(undefined);
      closed(this);
    });
  }

  start(p: Pending, request: string): void {
    this.pending = p;
    this.#reset();
    this.#received = false;
    this.socket.write(request, "utf8");
  }

  #reset(): void {
    this.#headers = undefined;
    this.#body = [];
    this.#mode = "none";
    this.#chunkState = "size";
  }

  #onData(d: Buffer): void {
    if (this.pending === undefined) {
      // Bytes nobody asked for: the connection is out of step; drop it.
      this.socket.destroy();
      return;
    }
    this.#received = true;
    this.#buf = this.#buf.length === 0 ? d : Buffer.concat([this.#buf, d]);
    try {
      this.#parse();
    } catch (error) {
      this.#finishWithError(new TransportFailure(`malformed HTTP response (${(error as Error).message})`, "EPROTO", false, false));
    }
  }

  #parse(): void {
    for (;;) {
      if (this.#headers === undefined) {
        const end = this.#buf.indexOf(CRLF2);
        if (end < 0) {
          if (this.#buf.length > 64 * 1024) throw new Error("header block too large");
          return;
        }
        const lines = this.#buf.subarray(0, end).toString("latin1").split("\r\n");
        this.#buf = this.#buf.subarray(end + 4);
        const m = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? "");
        if (m === null) throw new Error("bad status line");
        const status = Number(m[2]);
        const headers: Record<string, string> = {};
        for (let i = 1; i < lines.length; i++) {
          const line = lines[i]!;
          const colon = line.indexOf(":");
          if (colon <= 0) continue;
          const name = line.slice(0, colon).trim().toLowerCase();
          const value = line.slice(colon + 1).trim();
          headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
        }
        if (status >= 100 && status < 200) continue; // interim answer; the real one follows
        this.#status = status;
        this.#headers = headers;
        const connection = (headers.connection ?? "").toLowerCase();
        this.#reusable = m[1] === "1" ? !connection.includes("close") : connection.includes("keep-alive");
        if (this.pending!.head || status === 204 || status === 304) this.#mode = "none";
        else if ((headers["transfer-encoding"] ?? "").toLowerCase().includes("chunked")) this.#mode = "chunked";
        else if (headers["content-length"] !== undefined) {
          this.#mode = "length";
          this.#remaining = Number(headers["content-length"]);
          if (!Number.isInteger(this.#remaining) || this.#remaining < 0) throw new Error("bad content-length");
        } else {
          this.#mode = "close";
          this.#reusable = false;
        }
        if (this.#mode === "none") return this.#complete();
      }
      if (this.#mode === "length") {
        const take = Math.min(this.#remaining, this.#buf.length);
        if (take > 0) this.#body.push(this.#buf.subarray(0, take));
        this.#buf = this.#buf.subarray(take);
        this.#remaining -= take;
        if (this.#remaining === 0) return this.#complete();
        return;
      }
      if (this.#mode === "close") {
        if (this.#buf.length > 0) this.#body.push(this.#buf);
        this.#buf = Buffer.alloc(0);
        return;
      }
      // chunked (RFC 9112 §7.1): size line, data, CRLF, …, 0, trailers, empty line.
      for (;;) {
        if (this.#chunkState === "size" || this.#chunkState === "trailers") {
          const nl = this.#buf.indexOf("\r\n");
          if (nl < 0) return;
          const line = this.#buf.subarray(0, nl).toString("latin1");
          this.#buf = this.#buf.subarray(nl + 2);
          if (this.#chunkState === "trailers") {
            if (line === "") return this.#complete();
            continue;
          }
          const size = parseInt(line.split(";")[0]!.trim(), 16);
          if (Number.isNaN(size)) throw new Error("bad chunk size");
          if (size === 0) this.#chunkState = "trailers";
          else {
            this.#remaining = size;
            this.#chunkState = "data";
          }
        } else if (this.#chunkState === "data") {
          const take = Math.min(this.#remaining, this.#buf.length);
          if (take > 0) this.#body.push(this.#buf.subarray(0, take));
          this.#buf = this.#buf.subarray(take);
          this.#remaining -= take;
          if (this.#remaining > 0) return;
          this.#chunkState = "crlf";
        } else {
          if (this.#buf.length < 2) return;
          this.#buf = this.#buf.subarray(2);
          this.#chunkState = "size";
        }
      }
    }
  }

  #complete(): void {
    const p = this.pending!;
    const h = this.#headers!;
    const body = this.#body.length === 1 ? this.#body[0]!.toString("utf8") : Buffer.concat(this.#body).toString("utf8");
    const response: RawResponse = { status: this.#status, retryAfter: h["retry-after"], location: h.location, body };
    this.pending = undefined;
    this.#reset();
    const reusable = this.#reusable && this.#buf.length === 0;
    this.release(this, reusable);
    p.resolve(response);
  }

  #onEnd(err: NodeJS.ErrnoException | undefined): void {
    if (this.pending === undefined) return;
    if (err === undefined && this.#mode === "close" && this.#headers !== undefined) return this.#complete();
    const code = err?.code ?? "ECONNRESET";
    // A reused keep-alive socket that the server closed before answering:
    // nothing reached the application, so the request may be sent again.
    const notSent = NOT_CONNECTED.has(code) || (this.used && !this.#received);
    this.#finishWithError(new TransportFailure(err === undefined ? "the connection was closed before the response was complete" : describeSocketError(err), code, notSent, false, err === undefined ? undefined : { cause: err }));
  }

  #finishWithError(f: TransportFailure): void {
    const p = this.pending;
    this.pending = undefined;
    this.socket.destroy();
    this.release(this, false);
    p?.fail(f);
  }

  /** Abandon the request in flight (timeout). */
  abort(f: TransportFailure): void {
    this.#finishWithError(f);
  }
}

export class FastTransport {
  readonly origin: string;
  readonly #connect: () => net.Socket;
  readonly #tls: boolean;
  readonly #host: string;
  readonly #prefix: string;
  readonly #maxSockets: number;
  #idle: Conn[] = [];
  #open = 0;
  #waiters: (() => void)[] = [];
  #closed = false;

  constructor(options: TransportOptions) {
    const addr = parseVaultAddress(options.address);
    this.#maxSockets = options.maxSockets;
    this.origin = addr.origin;
    if (addr.scheme === "unix") {
      const path = addr.socketPath;
      this.#connect = () => net.connect({ path });
      this.#tls = false;
      this.#host = "localhost";
      this.#prefix = "";
      return;
    }
    this.#tls = addr.scheme === "https";
    const { host, port } = addr;
    this.#host = addr.hostHeader;
    this.#prefix = addr.prefix;
    if (this.#tls) {
      // SNI only for names, never for IP literals (RFC 6066 §3).
      const servername = options.servername ?? (net.isIP(host) === 0 ? host : undefined);
      this.#connect = () =>
        tls.connect({ host, port, servername, ca: options.ca, cert: options.cert, key: options.key, rejectUnauthorized: options.verify, ALPNProtocols: ["http/1.1"] });
    } else {
      this.#connect = () => net.connect({ host, port });
    }
  }

  send(method: string, path: string, headers: OutgoingHttpHeaders, body: string | undefined, timeout: number): Promise<RawResponse> {
    let head = `${method} ${this.#prefix}${path} HTTP/1.1\r\nHost: ${this.#host}\r\n`;
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      const v = String(value);
      // A CR or LF would let a value add headers of its own; the value may be a token, so it is not echoed.
      if (/[\r\n]/.test(v)) return Promise.reject(new VaultConfigError(`the ${name} header value contains a line break`, { hint: "Check the token / namespace for a stray newline." }));
      head += `${name}: ${v}\r\n`;
    }
    if (body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
    const request = head + "\r\n" + (body ?? "");
    return new Promise<RawResponse>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let conn: Conn | undefined;
      let done = false;
      const pending: Pending = {
        head: method === "HEAD",
        resolve: (r) => {
          done = true;
          if (timer !== undefined) clearTimeout(timer);
          resolve(r);
        },
        fail: (f) => {
          done = true;
          if (timer !== undefined) clearTimeout(timer);
          reject(f);
        },
      };
      if (timeout > 0 && Number.isFinite(timeout)) {
        timer = setTimeout(() => {
          const f = new TransportFailure(`no answer within ${timeout} ms`, "ETIMEDOUT", false, true);
          if (conn !== undefined) conn.abort(f);
          else pending.fail(f);
        }, timeout);
        timer.unref();
      }
      this.#acquire(timeout).then(
        (c) => {
          if (done) return this.#release(c, true);
          conn = c;
          c.start(pending, request);
        },
        (f: TransportFailure) => {
          if (!done) pending.fail(f);
        },
      );
    });
  }

  #acquire(timeout: number): Promise<Conn> {
    if (this.#closed) return Promise.reject(new TransportFailure("the client was closed", "ECLOSED", true, false));
    while (this.#idle.length > 0) {
      const c = this.#idle.pop()!;
      if (c.socket.destroyed) continue;
      c.used = true;
      c.socket.ref();
      return Promise.resolve(c);
    }
    if (this.#open >= this.#maxSockets) return new Promise<void>((r) => this.#waiters.push(r)).then(() => this.#acquire(timeout));
    this.#open++;
    return new Promise<Conn>((resolve, reject) => {
      const socket = this.#connect();
      socket.setNoDelay(true);
      const onError = (err: NodeJS.ErrnoException) => {
        this.#open--;
        this.#wake();
        reject(new TransportFailure(describeSocketError(err), err.code, err.code !== undefined && NOT_CONNECTED.has(err.code), false, { cause: err }));
      };
      socket.once("error", onError);
      // A host that never answers the handshake: give up with the request's timeout
      // instead of the system's (minutes), which would also keep the process alive.
      const limit =
        timeout > 0 && Number.isFinite(timeout)
          ? setTimeout(() => socket.destroy(Object.assign(new Error(`no connection within ${timeout} ms`), { code: "ETIMEDOUT" })), timeout).unref()
          : undefined;
      socket.once("close", () => clearTimeout(limit));
      socket.once(this.#tls ? "secureConnect" : "connect", () => {
        clearTimeout(limit);
        socket.off("error", onError);
        resolve(new Conn(socket, (c, reusable) => this.#release(c, reusable), (c) => this.#closedConn(c)));
      });
    });
  }

  // A request finished on `c`: keep the socket for the next one, or end it.
  #release(c: Conn, reusable: boolean): void {
    if (reusable && !this.#closed && !c.socket.destroyed && c.pending === undefined) {
      if (!this.#idle.includes(c)) this.#idle.push(c);
      // An idle socket must never keep the process alive.
      c.socket.unref();
      this.#wake();
    } else {
      c.socket.destroy(); // 'close' follows, and #closedConn frees its slot
    }
  }

  #closedConn(c: Conn): void {
    const i = this.#idle.indexOf(c);
    if (i >= 0) this.#idle.splice(i, 1);
    this.#open--;
    this.#wake();
  }

  #wake(): void {
    const w = this.#waiters.shift();
    if (w !== undefined) w();
  }

  close(): void {
    this.#closed = true;
    for (const c of this.#idle) c.socket.destroy();
    this.#idle = [];
  }
}
