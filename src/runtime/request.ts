// One Vault API call: headers, JSON, retries, and the mapping of a failure to
// a precise VaultError.
//
// Retry rule (as Vault's Go client, api/client.go, plus ky's idempotency rule):
// connection errors, 412, 429 and 5xx except 501 are retried with exponential
// backoff and full jitter, honouring Retry-After, but only when sending the
// request twice cannot do harm:
// - reads (GET, LIST, HEAD) and calls the client marks idempotent (KV writes
//   with `cas`, deletes, undelete/destroy, metadata writes, renew-self) are
//   retried on all of those;
// - anything else (logins, writes without `cas`, PATCH) only when the server
//   cannot have acted on it: connection refused / DNS failure / a stale
//   keep-alive socket, or 429 (rejected by a rate-limit quota before handling).
import type { OutgoingHttpHeaders } from "node:http";
import {
  VaultConnectionError,
  VaultError,
  VaultPermissionError,
  VaultRateLimitError,
  VaultSealedError,
  VaultSecretNotFoundError,
  VaultServerError,
  VaultTimeoutError,
  VaultUninitializedError,
  VaultValidationError,
  VaultVersionError,
  type VaultErrorDetails,
} from "./errors.js";
import type { ResolvedOptions } from "./options.js";
import { REDACTED } from "./secret-value.js";
import { FastTransport } from "./fast-transport.js";
import { Transport, TransportFailure } from "./transport.js";

type AnyTransport = Transport | FastTransport;

export type Method = "GET" | "LIST" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";

export interface VaultRequest {
  method: Method;
  /** API path without `/v1/`, e.g. `secret/data/myapp/db`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /** Safe to send twice (see the retry rule above). */
  idempotent: boolean;
  /** Statuses handed back to the caller instead of thrown (KV reads take 404 to parse the body). */
  accept?: readonly number[];
}

export interface VaultResponse {
  status: number;
  /** Parsed JSON body; undefined for 204 or an empty body. */
  body: Record<string, any> | undefined;
}

export class Requester {
  readonly #transport: AnyTransport;
  /** Transports to other nodes that redirected us (HA standbys answering 307). */
  readonly #others = new Map<string, AnyTransport>();
  readonly #options: ResolvedOptions;
  readonly #random: () => number;

  constructor(options: ResolvedOptions, random: () => number = Math.random) {
    this.#options = options;
    this.#random = random;
    this.#transport = this.#newTransport(options.address);
  }

  #newTransport(address: string): AnyTransport {
    const o = this.#options;
    const t = { address, ca: o.ca, cert: o.cert, key: o.key, servername: o.servername, verify: o.verify, maxSockets: o.maxSockets };
    return o.httpClient === "node" ? new Transport(t) : new FastTransport(t);
  }

  get origin(): string {
    return this.#transport.origin;
  }

  async send(req: VaultRequest, token: string | undefined): Promise<VaultResponse> {
    const o = this.#options;
    const method = req.method === "LIST" ? "GET" : req.method;
    let url = buildUrl(req);
    let transport = this.#transport;
    let redirected = false;
    const body = req.body === undefined ? undefined : JSON.stringify(req.body, revealReplacer);
    for (let attempt = 0; ; attempt++) {
      const headers: OutgoingHttpHeaders = { "x-vault-request": "true" };
      if (token !== undefined) headers["x-vault-token"] = token;
      if (o.namespace !== undefined) headers["x-vault-namespace"] = o.namespace;
      if (body !== undefined) headers["content-type"] = req.contentType ?? "application/json";
      let raw;
      try {
        raw = await transport.send(method, url, headers, body, o.timeout);
      } catch (err) {
        if (!(err instanceof TransportFailure)) throw err;
        if (attempt < o.retries && (req.idempotent || err.notSent)) {
          await this.#wait(req, attempt, undefined, err.code ?? "connection error");
          continue;
        }
        const details = { method: req.method, path: req.path, code: err.code, cause: err };
        const where = `${req.method} ${transport.origin}/v1/${req.path}`;
        const tries = attempt > 0 ? ` after ${attempt + 1} attempts` : "";
        if (err.timedOut) {
          throw new VaultTimeoutError(`Vault did not answer ${where} within ${o.timeout} ms${tries}`, {
            ...details,
            hint: "Check that Vault is up and reachable, or raise `timeout` (VAULT_CLIENT_TIMEOUT).",
          });
        }
        throw new VaultConnectionError(`cannot reach Vault for ${where}: ${err.message}${tries}`, {
          ...details,
          hint: "Check VAULT_ADDR (scheme, host, port), that Vault is running, and the CA settings for https.",
        });
      }
      const status = raw.status;
      // Like Vault's Go client (api/client.go): follow one redirect (a standby
      // pointing at the active node), never from https down to http.
      if ((status === 301 || status === 302 || status === 307 || status === 308) && raw.location !== undefined && !redirected) {
        redirected = true;
        const next = this.#redirectTarget(transport, raw.location, req);
        transport = next.transport;
        url = next.url;
        attempt--;
        continue;
      }
      if ((status >= 200 && status < 300) || req.accept?.includes(status)) {
        return { status, body: parseBody(raw.body, req, status) };
      }
      if (isRetryableStatus(status) && attempt < o.retries && (req.idempotent || status === 429)) {
        const after = retryAfterMs(raw.retryAfter);
        if (after === undefined || after <= o.maxRetryDelay) {
          await this.#wait(req, attempt, after, `status ${status}`);
          continue;
        }
      }
      throw errorFromResponse(status, safeParse(raw.body), req, token, attempt + 1);
    }
  }

  async #wait(req: VaultRequest, attempt: number, retryAfter: number | undefined, reason: string): Promise<void> {
    const o = this.#options;
    // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"):
    // a random wait in [0, base·2^attempt], capped; a server's Retry-After is a floor.
    const backoff = this.#random() * Math.min(o.maxRetryDelay, o.retryDelay * 2 ** attempt);
    const delay = Math.min(o.maxRetryDelay, Math.max(backoff, retryAfter ?? 0));
    o.onEvent?.({ type: "retry", method: req.method, path: req.path, attempt: attempt + 1, delay, reason });
    await new Promise((r) => setTimeout(r, delay));
  }

  #redirectTarget(from: AnyTransport, location: string, req: VaultRequest): { transport: AnyTransport; url: string } {
    let target: URL;
    try {
      target = new URL(location, from.origin);
    } catch (cause) {
      throw new VaultServerError(`${req.method} /v1/${req.path}: Vault redirected to an invalid location`, { method: req.method, path: req.path, cause, hint: "Check the api_addr of the Vault nodes." });
    }
    if (from.origin.startsWith("https:") && target.protocol !== "https:") {
      throw new VaultConnectionError(`${req.method} /v1/${req.path}: Vault redirected from https to ${target.protocol.replace(":", "")}, which would send the token in clear`, {
        method: req.method,
        path: req.path,
        hint: "Fix the api_addr of the Vault nodes so that it uses https.",
      });
    }
    // Keyed by origin and created without the address's path prefix: the Location path is complete.
    let transport = this.#others.get(target.origin);
    if (transport === undefined) {
      transport = this.#newTransport(target.origin);
      this.#others.set(target.origin, transport);
    }
    return { transport, url: target.pathname + target.search };
  }

  close(): void {
    this.#transport.close();
    for (const t of this.#others.values()) t.close();
  }
}

function isRetryableStatus(status: number): boolean {
  return status === 412 || status === 429 || (status >= 500 && status !== 501);
}

function buildUrl(req: VaultRequest): string {
  let url = "/v1/" + req.path.split("/").map(encodeURIComponent).join("/");
  let sep = "?";
  if (req.method === "LIST") {
    url += "?list=true";
    sep = "&";
  }
  if (req.query !== undefined) {
    for (const [k, v] of Object.entries(req.query)) {
      if (v === undefined) continue;
      url += `${sep}${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
      sep = "&";
    }
  }
  return url;
}

// Values wrapped by the runtime (SecretValue, SecretRecord) must reach Vault as
// their real content, not as the "[redacted]" their toJSON gives: JSON.stringify
// calls toJSON before the replacer, so look at the holder's original value.
function revealReplacer(this: unknown, key: string, value: unknown): unknown {
  const original = this !== null && typeof this === "object" ? (this as Record<string, unknown>)[key] : value;
  return revealed(original) ?? value;
}

function revealed(v: unknown): unknown {
  if (v !== null && typeof v === "object" && "reveal" in v && typeof (v as { reveal: unknown }).reveal === "function") {
    return (v as { reveal(): unknown }).reveal();
  }
  return undefined;
}

function parseBody(text: string, req: VaultRequest, status: number): Record<string, any> | undefined {
  if (text === "") return undefined;
  const parsed = safeParse(text);
  if (parsed === undefined) {
    // No `cause`: a JSON.parse error quotes the text, and the text may hold secrets.
    throw new VaultServerError(`${req.method} /v1/${req.path}: Vault answered ${status} with a body that is not JSON`, {
      method: req.method,
      path: req.path,
      status,
      hint: "Check that VAULT_ADDR points at Vault itself and not at a proxy or login page.",
    });
  }
  return parsed;
}

function safeParse(text: string): Record<string, any> | undefined {
  if (text === "") return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, any>) : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // RFC 9110 §10.2.3: delay-seconds or an HTTP-date.
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Vault's `errors` messages with the token and every string the request sent replaced by `[redacted]`. */
function vaultMessages(body: Record<string, any> | undefined, req: VaultRequest, token: string | undefined): string[] {
  const list: unknown = body?.errors;
  if (!Array.isArray(list)) return [];
  const secrets: string[] = [];
  if (token !== undefined) secrets.push(token);
  collectStrings(req.body, secrets);
  return list
    .filter((m): m is string => typeof m === "string")
    .map((m) => {
      let out = m.replace(/\s+/g, " ").replace(/^\d+ errors? occurred: \* /, "").replace(/ \* /g, "; ").trim();
      for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
      return out;
    });
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (value !== null && typeof value === "object") {
    const v = revealed(value) ?? value;
    if (typeof v === "string") out.push(v);
    else for (const x of Object.values(v as object)) collectStrings(x, out);
  }
}

const casMessages = /check-and-set|cas_required|did not match the current version/i;

export function errorFromResponse(status: number, body: Record<string, any> | undefined, req: VaultRequest, token: string | undefined, attempts: number): VaultError {
  const errors = vaultMessages(body, req, token);
  const said = errors.length > 0 ? `: ${errors.join("; ")}` : "";
  const where = `${req.method} /v1/${req.path}`;
  const tries = attempts > 1 ? ` (after ${attempts} attempts)` : "";
  const d = (hint: string): VaultErrorDetails => ({ method: req.method, path: req.path, status, errors, hint });
  switch (true) {
    case status === 400 && errors.some((e) => casMessages.test(e)):
      return new VaultVersionError(`${where} was refused: check-and-set failed${said}`, d("Read the secret again to get its current version, then retry with `cas` set to it."));
    case status === 400:
      return new VaultValidationError(`${where} was rejected as invalid (400)${said}`, d("Check the path and the data sent; Vault's message above says what it expected."));
    case status === 403:
      return new VaultPermissionError(`${where} was denied (403)${said}`, d("The token's policies do not allow this operation on this path; ask for a policy granting it, or use another token."));
    case status === 404:
      return new VaultSecretNotFoundError(`nothing found at ${where} (404)${said}`, d("Check the path and mount; Vault also answers 404 to paths the token may not see."));
    case status === 429:
      return new VaultRateLimitError(`${where} was rate-limited (429)${tries}${said}`, d("Slow down, or raise the rate-limit quota; reads can be cached with `cacheTtl`."));
    case status === 501:
      return new VaultUninitializedError(`Vault is not initialized (501 on ${where})${said}`, d("Initialize Vault (`vault operator init`) before use."));
    case status === 503 && errors.some((e) => /sealed/i.test(e)):
      return new VaultSealedError(`Vault is sealed (503 on ${where})${tries}`, d("Unseal Vault (`vault operator unseal`), then retry."));
    case status === 412 || status >= 500:
      return new VaultServerError(`${where} failed on the server (${status})${tries}${said}`, d("Vault or a backend it depends on failed; retry later and check Vault's logs."));
    default:
      return new VaultError(`${where} failed (${status})${said}`, d("See Vault's message above."));
  }
}
