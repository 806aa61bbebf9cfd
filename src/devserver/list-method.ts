import { Duplex } from "node:stream";
import type { Socket } from "node:net";

// Vault's `LIST` HTTP verb (openbao/docs/api/index.mdx) is not a method
// Node's HTTP parser (llhttp) knows: it rejects the request with 400 before
// any handler runs. Clients such as node-vault and the Vault CLI send it, so
// each connection goes through this stream, which rewrites a request line
// `LIST /v1/x HTTP/1.1` to `GET /v1/x HTTP/1.1` plus a marker header. A
// request line starts a chunk or follows the blank line that ends a previous
// request's headers; JSON and form bodies cannot contain a raw CRLF CRLF.

export const LIST_MARKER_HEADER = "x-vaultshift-method";

const LIST = Buffer.from("LIST ");
const HEADER_END = Buffer.from("\r\n\r\nLIST ");

function rewriteLine(chunk: Buffer, at: number): Buffer {
  const eol = chunk.indexOf("\r\n", at);
  if (eol < 0) return Buffer.concat([chunk.subarray(0, at), Buffer.from("GET "), chunk.subarray(at + 5)]); // header lands in the next chunk: still a GET
  return Buffer.concat([chunk.subarray(0, at), Buffer.from("GET "), chunk.subarray(at + 5, eol), Buffer.from(`\r\n${LIST_MARKER_HEADER}: LIST`), chunk.subarray(eol)]);
}

export function rewriteListRequests(chunk: Buffer): Buffer {
  if (chunk.indexOf(LIST) < 0) return chunk;
  let out = chunk;
  if (out.subarray(0, 5).equals(LIST)) out = rewriteLine(out, 0);
  let from = 0;
  for (;;) {
    const i = out.indexOf(HEADER_END, from);
    if (i < 0) return out;
    out = rewriteLine(out, i + 4);
    from = i + 4;
  }
}

/** A Duplex over a TCP socket that rewrites LIST request lines on the way in. */
export class ListRewritingStream extends Duplex {
  constructor(private readonly socket: Socket) {
    super({ allowHalfOpen: false });
    socket.on("data", (chunk: Buffer) => {
      if (!this.push(rewriteListRequests(chunk))) socket.pause();
    });
    socket.on("end", () => this.push(null));
    socket.on("close", () => this.destroy());
    socket.on("error", (error) => this.destroy(error));
  }
  override _read(): void {
    this.socket.resume();
  }
  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.socket.write(chunk, encoding, callback);
  }
  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }
  get remotePort(): number | undefined {
    return this.socket.remotePort;
  }
  get remoteFamily(): string | undefined {
    return this.socket.remoteFamily;
  }
  get localAddress(): string | undefined {
    return this.socket.localAddress;
  }
  get localPort(): number | undefined {
    return this.socket.localPort;
  }
  setTimeout(ms: number, callback?: () => void): this {
    this.socket.setTimeout(ms, callback);
    return this;
  }
  setNoDelay(noDelay?: boolean): this {
    this.socket.setNoDelay(noDelay);
    return this;
  }
  setKeepAlive(enable?: boolean, delay?: number): this {
    this.socket.setKeepAlive(enable, delay);
    return this;
  }
}
