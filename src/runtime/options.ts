// Client options, and their defaults from the environment variables the Vault
// CLI reads (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE, VAULT_CACERT,
// VAULT_SKIP_VERIFY, VAULT_CLIENT_TIMEOUT, VAULT_MAX_RETRIES, …) plus
// VAULT_ROLE_ID / VAULT_SECRET_ID for AppRole. Explicit options win over the
// environment. Durations here are milliseconds, as everywhere in JavaScript;
// the VAULT_* variables keep the CLI's syntax (`60`, `60s`, `1m`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { VaultConfigError } from "./errors.js";

export type AuthOptions =
  | { method: "token"; token: string }
  | {
      method: "approle";
      roleId: string;
      secretId?: string | undefined;
      /** A response-wrapping token that holds the secret ID (unwrapped once, at first login). */
      wrappedSecretId?: string | undefined;
      mount?: string | undefined;
    }
  | {
      method: "kubernetes";
      role: string;
      /** Service-account token file, read at every login (Kubernetes rotates it). */
      jwtPath?: string | undefined;
      /** The service-account JWT itself, instead of `jwtPath`. */
      jwt?: string | undefined;
      mount?: string | undefined;
    }
  | { method: "jwt"; role: string; jwt: string | (() => string | Promise<string>); mount?: string | undefined };

/** Something the client did, for logs and metrics. Never carries a token or a secret value. */
export type VaultClientEvent =
  | { type: "login"; method: string; ttl: number; renewable: boolean }
  | { type: "login-failed"; method: string; error: Error }
  | { type: "token-renewed"; ttl: number }
  | { type: "token-renew-failed"; error: Error }
  | { type: "retry"; method: string; path: string; attempt: number; delay: number; reason: string }
  | { type: "stale"; path: string; age: number; error: Error };

export interface VaultClientOptions {
  /** Vault address; default VAULT_ADDR, else `http://127.0.0.1:8200` as the CLI. */
  address?: string;
  /** Token; default VAULT_TOKEN, else `~/.vault-token` (left by `vault login`). Shorthand for `auth: { method: "token", token }`. */
  token?: string;
  /** Login method; default AppRole when VAULT_ROLE_ID is set, else token. */
  auth?: AuthOptions;
  /** Namespace (Vault Enterprise / OpenBao) sent as X-Vault-Namespace; default VAULT_NAMESPACE. */
  namespace?: string;
  /** CA bundle: PEM text, a Buffer, a file path, or a directory of PEM files; default VAULT_CACERT, else VAULT_CAPATH. */
  ca?: string | Buffer;
  /** `false` skips TLS verification; default `!VAULT_SKIP_VERIFY`. */
  verify?: boolean;
  /** Client certificate / key for TLS client auth: PEM text or file path; default VAULT_CLIENT_CERT / VAULT_CLIENT_KEY. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Per-attempt timeout in ms; default VAULT_CLIENT_TIMEOUT, else 60 s as the CLI. */
  timeout?: number;
  /** Retries after the first attempt; default VAULT_MAX_RETRIES, else 2 as the CLI. */
  retries?: number;
  /** First backoff step in ms (doubles per attempt, full jitter); default 100. */
  retryDelay?: number;
  /** Largest wait between attempts, including a server's Retry-After; default 10 000. */
  maxRetryDelay?: number;
  /** How long a read stays cached, in ms; default 60 000. 0 turns caching off. */
  cacheTtl?: number;
  /** How long past its TTL a cached value may still be served while Vault fails; default 600 000. */
  maxStale?: number;
  /** Mount used when discovery is denied and no `mount` is given; default `secret`. */
  defaultMount?: string;
  /** Renew the token at ~2/3 of its TTL; default true for login methods, false for a bare token. */
  renew?: boolean;
  /** Keep-alive sockets per client; default 64. */
  maxSockets?: number;
  /**
   * HTTP implementation: `fast` (default; HTTP/1.1 on raw sockets, a third of
   * node:http's CPU per request) or `node` (node:http / node:https). Default
   * from VAULTSHIFT_HTTP_CLIENT.
   */
  httpClient?: "fast" | "node";
  /** Called on logins, renewals, retries and stale reads. */
  onEvent?: (event: VaultClientEvent) => void;
  /** Environment to read defaults from; default `process.env`. */
  env?: Record<string, string | undefined>;
}

export interface ResolvedOptions {
  address: string;
  auth: AuthOptions | undefined;
  namespace: string | undefined;
  ca: string | Buffer | undefined;
  cert: string | Buffer | undefined;
  key: string | Buffer | undefined;
  servername: string | undefined;
  verify: boolean;
  timeout: number;
  retries: number;
  retryDelay: number;
  maxRetryDelay: number;
  cacheTtl: number;
  maxStale: number;
  defaultMount: string;
  renew: boolean;
  maxSockets: number;
  httpClient: "fast" | "node";
  onEvent: ((event: VaultClientEvent) => void) | undefined;
}

/**
 * Every environment variable resolveOptions() reads to reach and log in to
 * Vault (address, token or AppRole, namespace, TLS, timeouts, transport), and
 * HOME for the token file `vault login` leaves. A child process that loads
 * secrets the way its parent does needs exactly these: a migrated app's
 * secrets module passes them on to children given a scoped env (`vaultEnv`).
 * Kubernetes and JWT logins take their settings as options, not variables.
 */
export const CONNECTION_ENV = [
  "VAULT_ADDR",
  "VAULT_TOKEN",
  "VAULT_ROLE_ID",
  "VAULT_SECRET_ID",
  "VAULT_NAMESPACE",
  "VAULT_CACERT",
  "VAULT_CAPATH",
  "VAULT_CLIENT_CERT",
  "VAULT_CLIENT_KEY",
  "VAULT_TLS_SERVER_NAME",
  "VAULT_SKIP_VERIFY",
  "VAULT_CLIENT_TIMEOUT",
  "VAULT_MAX_RETRIES",
  "VAULTSHIFT_HTTP_CLIENT",
  "HOME",
] as const;

export function resolveOptions(options: VaultClientOptions = {}): ResolvedOptions {
  const env = options.env ?? process.env;
  const auth = options.auth ?? (options.token !== undefined ? { method: "token" as const, token: options.token } : authFromEnv(env));
  return {
    address: options.address ?? nonEmpty(env.VAULT_ADDR) ?? "http://127.0.0.1:8200",
    auth,
    namespace: options.namespace ?? nonEmpty(env.VAULT_NAMESPACE),
    ca: pem(options.ca ?? nonEmpty(env.VAULT_CACERT) ?? nonEmpty(env.VAULT_CAPATH), "CA certificate", "ca / VAULT_CACERT / VAULT_CAPATH"),
    cert: pem(options.cert ?? nonEmpty(env.VAULT_CLIENT_CERT), "client certificate", "cert / VAULT_CLIENT_CERT"),
    key: pem(options.key ?? nonEmpty(env.VAULT_CLIENT_KEY), "client key", "key / VAULT_CLIENT_KEY"),
    servername: nonEmpty(env.VAULT_TLS_SERVER_NAME),
    verify: options.verify ?? !truthy(env.VAULT_SKIP_VERIFY),
    timeout: options.timeout ?? durationMs(env.VAULT_CLIENT_TIMEOUT, "VAULT_CLIENT_TIMEOUT") ?? 60_000,
    retries: options.retries ?? integer(env.VAULT_MAX_RETRIES, "VAULT_MAX_RETRIES") ?? 2,
    retryDelay: options.retryDelay ?? 100,
    maxRetryDelay: options.maxRetryDelay ?? 10_000,
    cacheTtl: options.cacheTtl ?? 60_000,
    maxStale: options.maxStale ?? 600_000,
    defaultMount: trimSlashes(options.defaultMount ?? "secret"),
    renew: options.renew ?? (auth !== undefined && auth.method !== "token"),
    maxSockets: options.maxSockets ?? 64,
    httpClient: options.httpClient ?? (env.VAULTSHIFT_HTTP_CLIENT?.trim() === "node" ? "node" : "fast"),
    onEvent: options.onEvent,
  };
}

function authFromEnv(env: Record<string, string | undefined>): AuthOptions | undefined {
  const roleId = nonEmpty(env.VAULT_ROLE_ID);
  if (roleId !== undefined) return { method: "approle", roleId, secretId: nonEmpty(env.VAULT_SECRET_ID) };
  const token = nonEmpty(env.VAULT_TOKEN) ?? tokenHelperFile(env);
  return token !== undefined ? { method: "token", token } : undefined;
}

// What `vault login` leaves behind (the CLI's default token helper), so that a
// developer who logged in with the CLI needs no VAULT_TOKEN. Only HOME from
// the given environment is used: a test's `env: {}` never reads the real one.
function tokenHelperFile(env: Record<string, string | undefined>): string | undefined {
  const home = nonEmpty(env.HOME);
  if (home === undefined) return undefined;
  try {
    return nonEmpty(readFileSync(join(home, ".vault-token"), "utf8"));
  } catch {
    return undefined;
  }
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|t|true|y|yes|on)$/i.test(v.trim());
}

export function trimSlashes(s: string): string {
  return s.replace(/^\/+|\/+$/g, "");
}

/** PEM text, or a path to a PEM file (anything that does not contain a PEM header). */
function pem(value: string | Buffer | undefined, what: string, source: string): string | Buffer | undefined {
  if (value === undefined || Buffer.isBuffer(value) || value.includes("-----BEGIN")) return value;
  try {
    // A directory (VAULT_CAPATH) is a bundle of every PEM file in it.
    if (statSync(value).isDirectory()) {
      const parts = readdirSync(value)
        .filter((f) => /\.(pem|crt|cer)$/i.test(f))
        .sort()
        .map((f) => readFileSync(join(value, f), "utf8"));
      return parts.join("\n");
    }
    return readFileSync(value);
  } catch (cause) {
    throw new VaultConfigError(`cannot read the ${what} file "${value}"`, { cause, hint: `Check ${source}: it must be PEM text or the path of a readable PEM file.` });
  }
}

// Vault's duration syntax: a bare number is seconds; otherwise ms, s, m, h units.
function durationMs(v: string | undefined, name: string): number | undefined {
  const s = nonEmpty(v);
  if (s === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s);
  if (m === null) throw new VaultConfigError(`${name}="${s}" is not a duration`, { hint: `Use seconds ("60") or a duration ("60s", "2m").` });
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return n * (unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000);
}

function integer(v: string | undefined, name: string): number | undefined {
  const s = nonEmpty(v);
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s)) throw new VaultConfigError(`${name}="${s}" is not a whole number`, { hint: `Set ${name} to 0 or more.` });
  return Number(s);
}
