import { randomBytes } from "node:crypto";
import { after, before } from "node:test";
import { startDevServer } from "../index.js";

// Where the contract suite runs: a real Vault when VAULT_ADDR and VAULT_TOKEN
// are set (then every test works under unique mount paths and removes them),
// otherwise a dev server started in this process on a free loopback port.

export interface Target {
  address: string;
  token: string;
  real: boolean;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON under test
  text: string;
  headers: Headers;
}

export async function openTarget(): Promise<Target> {
  const addr = process.env.VAULT_ADDR;
  const token = process.env.VAULT_TOKEN;
  if (addr && token) return { address: addr.replace(/\/+$/, ""), token, real: true, close: async () => {} };
  const server = await startDevServer({ port: 0 });
  return { address: server.address, token: server.rootToken, real: false, close: () => server.close() };
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text (sent as is). */
  raw?: string;
  token?: string | null;
  headers?: Record<string, string>;
}

export async function call(t: Target, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const token = options.token === undefined ? t.token : options.token;
  if (token !== null) headers["X-Vault-Token"] = token;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] ??= "application/json";
  }
  const res = await fetch(`${t.address}/v1/${path.replace(/^\/+/, "")}`, { method, headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** Mounts a fresh KV v2 engine at a unique path; returns the mount name (no slash). */
export async function mountKv2(t: Target, prefix = "kvc"): Promise<string> {
  const mount = unique(prefix);
  const r = await call(t, "POST", `sys/mounts/${mount}`, { body: { type: "kv", options: { version: "2" } } });
  if (r.status !== 204 && r.status !== 200) throw new Error(`mounting ${mount} failed: ${r.status} ${r.text}`);
  return mount;
}

export async function unmount(t: Target, mount: string): Promise<void> {
  await call(t, "DELETE", `sys/mounts/${mount}`);
}

/** Creates a token with the given policy document; returns its client token. */
export async function tokenWithPolicy(t: Target, name: string, policy: string, extra: Record<string, unknown> = {}): Promise<string> {
  const p = await call(t, "POST", `sys/policies/acl/${name}`, { body: { policy } });
  if (p.status !== 204 && p.status !== 200) throw new Error(`policy ${name}: ${p.status} ${p.text}`);
  const r = await call(t, "POST", "auth/token/create", { body: { policies: [name], ttl: "10m", ...extra } });
  if (r.status !== 200) throw new Error(`token create: ${r.status} ${r.text}`);
  return r.body.auth.client_token as string;
}

/** An auth method enabled at a unique path for one test file: its path and accessor; `close` disables it. */
export async function enableAuth(t: Target, type: string, prefix: string): Promise<{ mount: string; accessor: string; close(): Promise<void> }> {
  const mount = unique(prefix);
  const enabled = await call(t, "POST", `sys/auth/${mount}`, { body: { type } });
  if (enabled.status !== 204) throw new Error(`enabling ${type} auth at ${mount} answered ${enabled.status}: ${enabled.text}`);
  const accessor = (await call(t, "GET", "sys/auth")).body.data[`${mount}/`].accessor as string;
  return { mount, accessor, close: async () => void (await call(t, "DELETE", `sys/auth/${mount}`)) };
}

/**
 * For a describe block: a target opened before its tests with an auth method enabled at a unique path,
 * both closed after. The fields are filled in when the tests run.
 */
export function targetWithAuth(type: string, prefix: string): { t: Target; mount: string; accessor: string } {
  const ctx = {} as { t: Target; mount: string; accessor: string };
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    ctx.t = await openTarget();
    const auth = await enableAuth(ctx.t, type, prefix);
    ctx.mount = auth.mount;
    ctx.accessor = auth.accessor;
    close = auth.close;
  });
  after(async () => {
    await close?.();
    await ctx.t.close();
  });
  return ctx;
}
