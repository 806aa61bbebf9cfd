import type { IncomingMessage, ServerResponse } from "node:http";
import { parseBool } from "./fields.js";
import { PERMISSION_DENIED, VaultHttpError } from "./http-error.js";
import type { Operation } from "./acl.js";
import { LIST_MARKER_HEADER } from "./list-method.js";
import type { Core } from "./core.js";
import type { Data } from "./state.js";
import { envelope } from "./envelope.js";
import { parseDuration } from "./duration.js";
import { corsDecision } from "./cors.js";
import { openApiForPath } from "./openapi.js";
import { SERVER_VERSION } from "./sys.js";

// The HTTP adapter (openbao/docs/api/index.mdx; README §1–§4): methods to
// operations, query/body to request data, the response envelope, and errors
// as `{"errors":[...]}` — never a stack trace, never a request value.

/** Default maximum request size: 32 MB (api/index.mdx). */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

const JSON_HEADERS = { "Content-Type": "application/json", "Cache-Control": "no-store" };

function send(res: ServerResponse, status: number, body: unknown, head = false): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, { "Cache-Control": "no-store" });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, "Content-Length": Buffer.byteLength(text) });
  res.end(head ? undefined : text);
}

/** A body that is not JSON (sys/metrics' Prometheus text, its plain-text errors). */
function sendText(res: ServerResponse, status: number, text: { body: string; contentType: string }): void {
  res.writeHead(status, { "Content-Type": text.contentType, "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(text.body) });
  res.end(text.body);
}

function sendError(res: ServerResponse, status: number, errors: string[]): void {
  send(res, status, { errors });
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_REQUEST_BYTES) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        req.removeAllListeners("data");
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Vault's http/logical.go isForm: a body is a form only when the Content-Type
 * says application/x-www-form-urlencoded AND it does not start with `{` or `[`.
 * curl's `--data @payload.json` (every curl sample in the API docs) sends JSON
 * under that form type, and Vault reads it as JSON.
 */
function isForm(text: string, contentType: string): boolean {
  if (contentType.split(";")[0]!.trim().toLowerCase() !== "application/x-www-form-urlencoded") return false;
  const first = /[^ \t\n\r]/.exec(text)?.[0];
  return first !== "{" && first !== "[";
}

function parseBody(raw: Buffer, contentType: string): Data {
  if (raw.length === 0) return {};
  // A UTF-8 byte-order mark (PowerShell's and some editors' JSON files) is not JSON; Vault's Go decoder would refuse it, a dev server skips it.
  const text = raw.toString("utf8").replace(/^\uFEFF/, "");
  if (isForm(text, contentType)) {
    const data: Data = {};
    const params = new URLSearchParams(text);
    for (const k of new Set(params.keys())) {
      if (k === "help") continue; // reserved, as Vault's parseFormRequest skips it
      const values = params.getAll(k);
      data[k] = values.length === 1 ? values[0]! : values;
    }
    return data;
  }
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // V8's message quotes the input, which may hold a secret: say only what is wrong.
    throw new VaultHttpError(400, ["failed to parse JSON input: invalid JSON"]);
  }
  // The Go client's Logical().Write(path, nil) and Unwrap with the wrapping token as X-Vault-Token send the JSON
  // `null`; Go decodes it into the request's map as no data, so Vault takes it as an empty body.
  if (parsed === null) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    const kind = Array.isArray(parsed) ? "array" : typeof parsed;
    throw new VaultHttpError(400, [`failed to parse JSON input: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`]);
  }
  return parsed as Data;
}

/** The request's URL path, decoded as Go's URL.Path is (left as sent when it does not decode). */
function urlPath(url: string | undefined): string {
  const raw = (url ?? "/").split("?")[0]!;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function tokenOf(req: IncomingMessage): string {
  const header = req.headers["x-vault-token"];
  if (typeof header === "string" && header !== "") return header.trim();
  const auth = req.headers.authorization;
  if (typeof auth === "string") {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1]!.trim();
  }
  return "";
}

export function createRequestHandler(core: Core, onInternalError?: (error: unknown) => void) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Tracked from arrival until the response is written or the connection drops (sys/in-flight-req).
    const done = core.inFlight.begin(req.method ?? "", urlPath(req.url), req.socket.remoteAddress ?? "", req.socket.remotePort ?? 0);
    res.once("close", done);
    try {
      // CORS wraps every route (http/cors.go): only requests with an Origin header, and only once it is enabled.
      const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : undefined);
      const cors = corsDecision(core.state.cors, req.method ?? "", header("origin"), header("access-control-request-method"));
      if (cors.kind === "forbidden") {
        sendError(res, 403, ["origin not allowed"]);
        req.resume();
        return;
      }
      if (cors.kind === "preflight-refused" || cors.kind === "preflight") {
        res.writeHead(cors.kind === "preflight" ? 200 : 405, { ...(cors.kind === "preflight" ? cors.headers : {}), "Content-Length": 0 });
        res.end();
        req.resume();
        return;
      }
      if (cors.kind === "allow") for (const [k, v] of Object.entries(cors.headers)) res.setHeader(k, v);
      const url = new URL(req.url ?? "/", "http://localhost");
      if (!url.pathname.startsWith("/v1/")) {
        sendError(res, 404, []);
        return;
      }
      let path: string;
      try {
        path = decodeURIComponent(url.pathname.slice(4));
      } catch {
        sendError(res, 400, ["invalid URL path encoding"]);
        return;
      }
      // Response wrapping (concepts/response-wrapping.mdx): seconds or a duration such as "15s", "20m".
      const wrapHeader = req.headers["x-vault-wrap-ttl"];
      let wrapTtl = 0;
      if (typeof wrapHeader === "string" && wrapHeader.trim() !== "") {
        const ttl = parseDuration(wrapHeader);
        if (ttl === undefined || ttl <= 0) {
          sendError(res, 400, ["error parsing wrap TTL: it must be a positive number of seconds or a duration such as 15s or 20m"]);
          return;
        }
        wrapTtl = ttl;
      }
      const method = req.headers[LIST_MARKER_HEADER] === "LIST" ? "LIST" : (req.method ?? "GET").toUpperCase();
      let operation: Operation;
      let data: Data = {};
      const query = () => {
        const q: Data = {};
        for (const [k, v] of url.searchParams) if (k !== "list" && k !== "help") q[k] = v;
        return q;
      };
      const head = method === "HEAD";
      switch (method) {
        case "GET":
        case "HEAD": {
          if (head && path.replace(/\/+$/, "") !== "sys/health") {
            sendError(res, 405, []);
            return;
          }
          operation = "read";
          const list = url.searchParams.get("list");
          if (list !== null) {
            const b = parseBool(list);
            if (b === undefined) {
              sendError(res, 400, ["invalid value for the \"list\" query parameter: must be a boolean"]);
              return;
            }
            if (b) operation = "list";
          }
          data = query();
          break;
        }
        case "LIST":
          operation = "list";
          data = query();
          break;
        case "DELETE":
          operation = "delete";
          data = query();
          break;
        case "POST":
        case "PUT":
        case "PATCH": {
          const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
          if (method === "PATCH" && !contentType.startsWith("application/merge-patch+json")) {
            sendError(res, 415, [`PATCH requires Content-Type of application/merge-patch+json, provided ${contentType.replace(/[^\w/+.;=\- ]/g, "") || "none"}`]);
            req.resume();
            return;
          }
          operation = method === "PATCH" ? "patch" : "update";
          let raw: Buffer;
          try {
            raw = await readBody(req);
          } catch (error) {
            if (error instanceof BodyTooLarge) {
              res.setHeader("Connection", "close");
              sendError(res, 413, ["http: request body too large"]);
              res.on("finish", () => req.destroy());
              return;
            }
            throw error;
          }
          // A Raft snapshot upload is not JSON: Vault's HTTP layer hands these two paths' bodies to the handler
          // unparsed (http/logical.go buildLogicalRequestNoAuth), so the answer is the route's (404 without Raft
          // storage, as here), not a JSON error.
          data = /^sys\/storage\/raft\/snapshot(-force)?\/?$/.test(path) ? {} : parseBody(raw, contentType);
          break;
        }
        default:
          sendError(res, 405, []);
          return;
      }
      const help = url.searchParams.get("help");
      if (help !== null && parseBool(help)) {
        // Help is allowed on any path, but only to a valid token (Vault checks the token, then lets help through the ACL).
        if (!core.tokens.valid(tokenOf(req))) {
          sendError(res, 403, [PERMISSION_DENIED]);
          return;
        }
        const route = core.route(path.replace(/^\/+/, ""));
        const mount = route ? { prefix: route.mountPoint, mount: route.mount, auth: route.mountPoint.startsWith("auth/"), routes: route.backend.routes } : undefined;
        const openapi = openApiForPath(mount, route?.rel ?? "", SERVER_VERSION.replace(/\+.*$/, ""));
        send(res, 200, { help: `## PATH\n\n${path}\n\nThe vaultshift dev server does not carry help text; see the Vault API documentation for this path.\n`, openapi, see_also: null });
        return;
      }
      const { requestId, response, mountType } = core.handle({
        operation,
        path,
        data,
        clientToken: tokenOf(req),
        remoteAddress: req.socket.remoteAddress ?? "",
        remotePort: req.socket.remotePort ?? 0,
        headers: req.headers,
        wrapTtl,
      });
      const out = envelope(response, requestId, mountType);
      const ttl = response?.wrap?.ttl || wrapTtl;
      if (ttl > 0 && out.status === 200 && out.body !== undefined && !response?.raw) {
        // Vault stores the plain response (wrapping.go wrapInCubbyhole): the sys/ top-level copy (README §3.5) is
        // added only when a response is sent, so an unwrapped sys/wrapping/wrap answer has its data under data only.
        const stored = response?.wrap?.body ?? envelope({ ...response, topLevel: false }, requestId, mountType).body;
        // creation_path is the request path; a list path keeps the trailing slash Vault's HTTP layer adds to it.
        const creationPath = path.replace(/\/+$/, "") + (operation === "list" ? "/" : "");
        send(res, 200, core.wrap(stored, ttl, creationPath, response?.auth?.accessor ?? ""));
        return;
      }
      if (out.text) sendText(res, out.status, out.text);
      else send(res, out.status, out.body, head);
    } catch (error) {
      if (error instanceof VaultHttpError) {
        sendError(res, error.status, error.errors);
        return;
      }
      onInternalError?.(error);
      if (!res.headersSent) sendError(res, 500, ["internal error"]);
      else res.destroy();
    }
  };
}

