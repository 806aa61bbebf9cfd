// Helpers the dev server's tests share: a JSON call to a running server's API,
// and a JWT signed with RS256 as the JWT and Kubernetes auth tests log in with.
import { createSign, type KeyObject } from "node:crypto";
import type { DevServer } from "./index.js";

export interface ApiReply {
  status: number;
  /** The parsed JSON body; undefined when the body is empty (204). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * `call(method, path, body?, token?)` against `/v1/<path>` of the server
 * `server()` returns when called (it is started in a `before` hook). The token
 * defaults to the root token; null sends none. Every call times out after 5 s.
 */
export function apiCaller(server: () => DevServer): (method: string, path: string, body?: unknown, token?: string | null) => Promise<ApiReply> {
  return async (method, path, body, token) => {
    const s = server();
    const t = token === undefined ? s.rootToken : token;
    const headers: Record<string, string> = t ? { "X-Vault-Token": t } : {};
    const res = await fetch(`${s.address}/v1/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** A compact JWS (RFC 7515) with alg RS256 over `claims`. */
export function rs256Jwt(claims: Record<string, unknown>, key: KeyObject): string {
  const head = `${b64({ alg: "RS256", typ: "JWT" })}.${b64(claims)}`;
  return `${head}.${createSign("sha256").update(head).sign(key).toString("base64url")}`;
}
