// Token lifecycle: login (AppRole, Kubernetes, JWT), renewal and re-login.
//
// Following Vault's Go LifetimeWatcher (api/lifetime_watcher.go): renew at
// about 2/3 of the lease, minus up to 10 % jitter so that many clients do not
// renew in step; when a renewal comes back shorter than asked (the token is
// reaching its max TTL) renewing can no longer keep it alive, so log in again
// at 2/3 of what is left. A token that is not renewable is replaced by a new
// login at 2/3 of its TTL. Logins are single-flight. Timers are unref()'d so
// that a client never keeps a process alive.
import { readFile } from "node:fs/promises";
import { VaultAuthenticationError, VaultError } from "./errors.js";
import type { AuthOptions, VaultClientEvent } from "./options.js";
import { trimSlashes } from "./options.js";
import type { VaultRequest, VaultResponse } from "./request.js";

export const DEFAULT_K8S_JWT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token";

export interface AuthInfo {
  /** Seconds; 0 means the token never expires (root tokens). */
  ttl: number;
  renewable: boolean;
  policies: string[];
}

type Send = (req: VaultRequest, token: string | undefined) => Promise<VaultResponse>;

export class TokenManager {
  #token: string | undefined;
  readonly #auth: AuthOptions | undefined;
  readonly #send: Send;
  readonly #renew: boolean;
  readonly #onEvent: ((e: VaultClientEvent) => void) | undefined;
  readonly #random: () => number;
  #login: Promise<string> | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** The TTL asked for at each renewal: the lease of the last login. */
  #increment = 0;
  #closed = false;
  #bootstrapped = false;
  /** AppRole secret ID obtained by unwrapping. */
  #secretId: string | undefined;

  constructor(auth: AuthOptions | undefined, send: Send, options: { renew: boolean; onEvent?: ((e: VaultClientEvent) => void) | undefined; random?: () => number }) {
    this.#auth = auth;
    this.#send = send;
    this.#renew = options.renew;
    this.#onEvent = options.onEvent;
    this.#random = options.random ?? Math.random;
    if (auth?.method === "token") this.#token = auth.token;
  }

  get canLogin(): boolean {
    return this.#auth !== undefined && this.#auth.method !== "token";
  }

  get method(): string {
    return this.#auth?.method ?? "none";
  }

  /** The token to send now, logging in first when there is none yet. */
  current(): Promise<string> | string {
    const t = this.#token;
    if (t !== undefined) {
      if (!this.#bootstrapped) this.#bootstrap();
      return t;
    }
    if (this.canLogin) return this.login();
    throw new VaultAuthenticationError("no Vault token: none was given and no login method is configured", {
      hint: "Set VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID for AppRole, or pass `token` / `auth` to createVaultClient().",
    });
  }

  /** Log in with the configured method; concurrent callers share one login. */
  login(): Promise<string> {
    if (this.#login !== undefined) return this.#login;
    if (!this.canLogin) {
      return Promise.reject(
        new VaultAuthenticationError("cannot log in: the client was given a token, not a login method", {
          hint: "Pass `auth: { method: \"approle\" | \"kubernetes\" | \"jwt\", … }` to createVaultClient() to enable login.",
        }),
      );
    }
    const p = this.#doLogin().finally(() => {
      this.#login = undefined;
    });
    this.#login = p;
    return p;
  }

  async #doLogin(): Promise<string> {
    const auth = this.#auth as Exclude<AuthOptions, { method: "token" }>;
    let res: VaultResponse;
    try {
      if (auth.method === "approle" && auth.secretId === undefined && auth.wrappedSecretId !== undefined && this.#secretId === undefined) await this.#unwrapSecretId(auth);
      const { path, body } = await loginRequest(auth.method === "approle" && this.#secretId !== undefined ? { ...auth, secretId: this.#secretId } : auth);
      res = await this.#send({ method: "POST", path, body, idempotent: false }, undefined);
    } catch (error) {
      const e = error instanceof VaultError && !(error instanceof VaultAuthenticationError) && error.status !== undefined && error.status < 500 && error.status !== 429
        ? new VaultAuthenticationError(`${auth.method} login failed: ${error.message}`, {
            method: error.method,
            path: error.path,
            status: error.status,
            errors: error.errors,
            cause: error,
            hint: loginHint(auth),
          })
        : error;
      this.#onEvent?.({ type: "login-failed", method: auth.method, error: e as Error });
      throw e;
    }
    const a = res.body?.auth as Record<string, unknown> | null | undefined;
    const token = typeof a?.client_token === "string" ? a.client_token : undefined;
    if (token === undefined || token === "") {
      throw new VaultAuthenticationError(`${auth.method} login answered without a token`, { hint: "Check that the login path is an auth method's login endpoint." });
    }
    this.#token = token;
    this.#bootstrapped = true;
    const ttl = Number(a?.lease_duration ?? 0);
    const renewable = a?.renewable === true;
    this.#increment = ttl;
    this.#onEvent?.({ type: "login", method: auth.method, ttl, renewable });
    this.#schedule(ttl, renewable);
    return token;
  }

  // A wrapping token can be used once (vault-api README §13.3): unwrap it at the
  // first login and keep the secret ID in memory for the logins that follow.
  async #unwrapSecretId(auth: Extract<AuthOptions, { method: "approle" }>): Promise<void> {
    const res = await this.#send({ method: "POST", path: "sys/wrapping/unwrap", idempotent: false }, auth.wrappedSecretId);
    const secretId: unknown = res.body?.data?.secret_id;
    if (typeof secretId !== "string") {
      throw new VaultAuthenticationError("the wrapped AppRole secret ID did not unwrap to a secret_id", { hint: "Wrap the answer of auth/approle/role/<role>/secret-id (vault write -wrap-ttl=… -f auth/approle/role/<role>/secret-id)." });
    }
    this.#secretId = secretId;
  }

  /**
   * After a 403 that may mean the token `failed` is gone: returns the token to
   * retry with, or undefined when the 403 stands (the token is fine and simply
   * lacks permission, or it is gone and cannot be replaced).
   */
  async recover(failed: string | undefined): Promise<{ token: string | undefined; invalid: boolean }> {
    if (this.#token !== failed && this.#token !== undefined) return { token: this.#token, invalid: false };
    if (this.#login !== undefined) return { token: await this.#login, invalid: false };
    let alive = false;
    if (failed !== undefined) {
      try {
        await this.#send({ method: "GET", path: "auth/token/lookup-self", idempotent: true }, failed);
        alive = true;
      } catch (error) {
        if (!(error instanceof VaultError) || error.status !== 403) throw error;
      }
    }
    if (alive) return { token: undefined, invalid: false };
    if (!this.canLogin) return { token: undefined, invalid: true };
    if (this.#token === failed) this.#token = undefined;
    return { token: await this.login(), invalid: false };
  }

  /** renew-self; reschedules the next renewal from the answer. */
  async renewSelf(increment?: number): Promise<AuthInfo> {
    const token = await this.current();
    const inc = increment ?? (this.#increment > 0 ? this.#increment : undefined);
    const res = await this.#send({ method: "POST", path: "auth/token/renew-self", body: inc !== undefined ? { increment: `${inc}s` } : {}, idempotent: true }, token);
    const a = (res.body?.auth ?? {}) as Record<string, unknown>;
    const info: AuthInfo = { ttl: Number(a.lease_duration ?? 0), renewable: a.renewable === true, policies: Array.isArray(a.policies) ? (a.policies as string[]) : [] };
    this.#onEvent?.({ type: "token-renewed", ttl: info.ttl });
    if (this.#renew) this.#afterRenew(info, inc);
    return info;
  }

  #afterRenew(info: AuthInfo, asked: number | undefined): void {
    // Clearly shorter than asked (5 % slack for servers that round): the max
    // TTL caps it, so renewing again cannot extend it; log in again instead.
    if (asked !== undefined && info.ttl < asked * 0.95 && this.canLogin) {
      this.#arm(this.#delay(info.ttl), () => this.#relogin());
    } else {
      this.#schedule(info.ttl, info.renewable);
    }
  }

  #schedule(ttl: number, renewable: boolean): void {
    this.#clear();
    if (!this.#renew || this.#closed || ttl <= 0) return;
    if (renewable) this.#arm(this.#delay(ttl), () => this.#renewInBackground(ttl));
    else if (this.canLogin) this.#arm(this.#delay(ttl), () => this.#relogin());
  }

  #renewInBackground(ttl: number): void {
    this.renewSelf().catch((error: unknown) => {
      this.#onEvent?.({ type: "token-renew-failed", error: error as Error });
      if (this.canLogin) this.#relogin();
      // Without a login method, try again while the token may still be valid.
      else if (ttl > 3) this.#arm(this.#delay(ttl / 3), () => this.#renewInBackground(ttl / 3));
    });
  }

  #relogin(): void {
    this.login().catch(() => {
      // Reported through onEvent by #doLogin; try again shortly (at most 30 s),
      // the current token may still have some life left.
      if (!this.#closed) this.#arm(1000 + this.#random() * 29_000, () => this.#relogin());
    });
  }

  // A static token with renew: true learns its TTL once, then renews like a login token.
  #bootstrap(): void {
    this.#bootstrapped = true;
    if (!this.#renew || this.#token === undefined) return;
    this.#send({ method: "GET", path: "auth/token/lookup-self", idempotent: true }, this.#token).then(
      (res) => {
        const d = (res.body?.data ?? {}) as Record<string, unknown>;
        const ttl = Number(d.ttl ?? 0);
        this.#increment = Number(d.creation_ttl ?? ttl);
        this.#schedule(ttl, d.renewable === true);
      },
      (error: unknown) => this.#onEvent?.({ type: "token-renew-failed", error: error as Error }),
    );
  }

  /** Delay in ms before acting on a lease of `ttl` seconds: 2/3 of it, minus up to 10 % jitter. */
  #delay(ttl: number): number {
    const twoThirds = (ttl * 1000 * 2) / 3;
    return twoThirds - this.#random() * 0.1 * twoThirds;
  }

  #arm(ms: number, fn: () => void): void {
    this.#clear();
    if (this.#closed) return;
    this.#timer = setTimeout(fn, Math.max(0, ms));
    this.#timer.unref();
  }

  #clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Forget the token (after revoke-self) and stop renewing. */
  forget(): void {
    this.#clear();
    this.#token = undefined;
  }

  close(): void {
    this.#closed = true;
    this.#clear();
  }
}

async function loginRequest(auth: Exclude<AuthOptions, { method: "token" }>): Promise<{ path: string; body: Record<string, unknown> }> {
  switch (auth.method) {
    case "approle": {
      const body: Record<string, unknown> = { role_id: auth.roleId };
      if (auth.secretId !== undefined) body.secret_id = auth.secretId;
      return { path: `auth/${trimSlashes(auth.mount ?? "approle")}/login`, body };
    }
    case "kubernetes": {
      let jwt = auth.jwt;
      if (jwt === undefined) {
        const file = auth.jwtPath ?? DEFAULT_K8S_JWT_PATH;
        try {
          jwt = (await readFile(file, "utf8")).trim();
        } catch (cause) {
          throw new VaultAuthenticationError(`cannot read the Kubernetes service-account token file ${file}`, {
            cause,
            hint: "Run inside a pod with a mounted service-account token, or pass `jwtPath` / `jwt`.",
          });
        }
      }
      return { path: `auth/${trimSlashes(auth.mount ?? "kubernetes")}/login`, body: { role: auth.role, jwt } };
    }
    case "jwt": {
      const jwt = typeof auth.jwt === "function" ? await auth.jwt() : auth.jwt;
      return { path: `auth/${trimSlashes(auth.mount ?? "jwt")}/login`, body: { role: auth.role, jwt } };
    }
  }
}

function loginHint(auth: AuthOptions): string {
  switch (auth.method) {
    case "approle":
      return "Check VAULT_ROLE_ID / VAULT_SECRET_ID (a secret ID may have expired or run out of uses) and the AppRole mount.";
    case "kubernetes":
      return "Check the role name, that the pod's service account is bound to it, and the Kubernetes auth mount.";
    case "jwt":
      return "Check the role name, the JWT's audience/issuer/expiry, and the JWT auth mount.";
    default:
      return "Check the credentials.";
  }
}
