import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { ListRewritingStream } from "./list-method.js";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { resolve } from "node:path";
import { Core } from "./core.js";
import { DevServerError } from "./errors.js";
import { newServiceToken } from "./ids.js";
import { EncryptedStore } from "./persist.js";
import { createRequestHandler } from "./server.js";
import { initialState } from "./state.js";

// `vaultshift dev-server` as a library: a Vault-compatible server in this
// process, like `vault server -dev` (openbao/docs/concepts/dev-server.mdx):
// initialized, unsealed, KV v2 at secret/, a root token, no TLS, loopback.

export interface DevServerOptions {
  /** Default 8200, as Vault; 0 picks a free port (tests). */
  port?: number;
  /** Default 127.0.0.1. Other than loopback needs allowRemote. */
  host?: string;
  /** Listen on a non-loopback address (no TLS, and the root token is printed: only on trusted networks). */
  allowRemote?: boolean;
  /** Root token ID; default: the one kept in dataDir, else a new `hvs.` token. */
  rootToken?: string;
  /** Persist state here, encrypted (AES-256-GCM, key in a 0600 file beside it). Default: memory only. */
  dataDir?: string;
  /** Enable a `file` audit device writing to this path at start. */
  auditLog?: string;
  /** Called with unexpected internal errors (the client only sees "internal error"). */
  onInternalError?: (error: unknown) => void;
}

export interface DevServer {
  /** e.g. http://127.0.0.1:8200 — use as VAULT_ADDR. */
  address: string;
  host: string;
  port: number;
  rootToken: string;
  /**
   * The unseal key (base64) for `sys/unseal` after a `sys/seal`; empty when a
   * `sys/rekey` has shared the key out into several keys (they are not stored).
   */
  unsealKey: string;
  dataDir: string | undefined;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 8200;
  if (!isLoopback(host) && !options.allowRemote) {
    throw new DevServerError(`Refusing to listen on ${host}: the dev server has no TLS and prints its root token`, {
      hint: "Use 127.0.0.1 (the default), or pass --allow-remote if the network is trusted.",
    });
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new DevServerError(`Invalid port ${port}`, { hint: "Use a port between 0 and 65535 (0 picks a free one)." });
  }
  const store = options.dataDir ? new EncryptedStore(resolve(options.dataDir)) : undefined;
  const loaded = store?.load();
  const rootToken = options.rootToken ?? loaded?.rootToken ?? newServiceToken();
  if (rootToken === "" || /\s/.test(rootToken)) throw new DevServerError("The root token must be a non-empty string without spaces", { hint: "Pass --root-token with a value such as `root`." });
  const state = loaded ?? initialState(rootToken);
  const core = new Core(state, store);
  core.ensureRootToken(rootToken);
  state.rootToken = rootToken;
  if (options.auditLog) {
    const file = resolve(options.auditLog);
    const already = [...state.audit.values()].some((d) => d.options.file_path === file);
    if (!already) {
      let name = "file";
      for (let i = 2; state.audit.has(`${name}/`); i++) name = `file-${i}`;
      try {
        core.audit.enable(name, "file", "audit log from --audit-log", { file_path: file }, false);
      } catch (error) {
        throw new DevServerError(`Could not open the audit log ${file}`, { cause: error, hint: "Choose a path in a directory you can write to." });
      }
    }
  }
  store?.save(state);

  const MAX_HEADER_BYTES = 1024 * 1024;
  // Go's http.DefaultMaxHeaderBytes (1 MiB), which Vault keeps: long KV paths fit in the request line; Node's default is 16 KiB.
  const http: Server = createServer({ keepAliveTimeout: 5000, maxHeaderSize: MAX_HEADER_BYTES }, createRequestHandler(core, options.onInternalError));
  // A method Node's HTTP parser does not know (Vault, in Go, takes any token) is Vault's 405 with an empty errors
  // list, not Node's bare 400; other parse errors keep Node's default answers.
  http.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    // llhttp also reports a malformed request line as an invalid method: only a well-formed one with an unknown token is 405.
    const unknownMethod = error.code === "HPE_INVALID_METHOD" && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/1\.[01]\r?\n/.test(error.rawPacket?.toString("latin1") ?? "");
    const status = unknownMethod ? "405 Method Not Allowed" : error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    const body = status.startsWith("405") ? '{"errors":[]}' : "";
    const type = body ? "Content-Type: application/json\r\n" : "";
    socket.end(`HTTP/1.1 ${status}\r\n${type}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  });
  const sockets = new Set<Socket>();
  // TCP first, HTTP second: every connection passes through the LIST rewriter (list-method.ts).
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setNoDelay(true);
    http.emit("connection", new ListRewritingStream(socket));
  });
  await new Promise<void>((resolveListen, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      core.close();
      reject(
        new DevServerError(`Could not listen on ${host}:${port}: ${error.code ?? error.message}`, {
          cause: error,
          hint: error.code === "EADDRINUSE" ? "Another server uses that port; pick another with --port (0 picks a free one)." : "Check the host and port.",
        }),
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolveListen();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  let closed: Promise<void> | undefined;
  return {
    address: `http://${shownHost}:${addr.port}`,
    host: addr.address,
    port: addr.port,
    rootToken,
    unsealKey: state.keyShares ? "" : state.unsealKey!,
    dataDir: store?.dir,
    close() {
      closed ??= new Promise<void>((done) => {
        server.close(() => {
          http.close();
          core.close();
          done();
        });
        for (const s of sockets) s.destroy();
      });
      return closed;
    },
  };
}
