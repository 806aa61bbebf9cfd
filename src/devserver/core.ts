import type { IncomingHttpHeaders } from "node:http";
import { randomBytes } from "node:crypto";
import { uuid } from "./ids.js";
import { Acl, type Operation } from "./acl.js";
import { parametersAllow } from "./acl-parameters.js";
import { parsePolicy, PolicyParseError, type ParsedPolicy } from "./policy.js";
import { badRequest, permissionDenied, unsupportedPath, VaultHttpError } from "./http-error.js";
import { TokenStore, tokenBackend } from "./tokens.js";
import { approleBackend } from "./approle.js";
import { kubernetesBackend } from "./kubernetes.js";
import { jwtBackend } from "./jwt-auth.js";
import { kv2Backend } from "./kv2.js";
import { kv1Backend, cubbyholeBackend } from "./kv1.js";
import { identityBackend } from "./identity.js";
import { IdentityStore } from "./identity-store.js";
import { transitBackend } from "./transit.js";
import { userpassBackend } from "./userpass.js";
import { sysBackend } from "./sys.js";
import { AuditBroker } from "./audit.js";
import { Metrics } from "./metrics.js";
import { InFlightRequests } from "./in-flight.js";
import { KeyProgress, UnsealKeys } from "./unseal-keys.js";
import { Wrapping, WRAPPING_POLICY } from "./wrapping.js";
import type { EncryptedStore } from "./persist.js";
import type { Data, MountEntry, State, TokenEntry } from "./state.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";
import type { RoutedBackend } from "./routes.js";

// The request pipeline, in Vault's order: route → token → existence check
// (create vs update) → ACL (+ sudo) → audit request → backend → use count →
// audit response → persist.

export interface CoreRequest {
  operation: Operation;
  path: string;
  data: Data;
  clientToken: string;
  remoteAddress: string;
  remotePort: number;
  headers: IncomingHttpHeaders;
  /** X-Vault-Wrap-TTL in seconds (0 = not requested). */
  wrapTtl?: number;
}

interface Route {
  backend: RoutedBackend;
  mount: MountEntry;
  mountPoint: string;
  rel: string;
}

/**
 * Root-protected paths (openbao/docs/concepts/policies.mdx, "Root protected
 * API endpoints"): the operation's capability is not enough, sudo is needed.
 */
/** The operations whose data policy parameter constraints are checked against (vault/acl.go: read, update, create, patch). */
const PARAMETER_OPS: ReadonlySet<Operation> = new Set(["read", "create", "update", "patch"]);

const SUDO_PATHS: RegExp[] = [
  /^sys\/audit(\/.*)?$/,
  /^sys\/auth\/.+/,
  /^sys\/raw(\/.*)?$/,
  /^sys\/rotate$/,
  /^sys\/seal$/,
  /^sys\/step-down$/,
  /^sys\/remount$/,
  /^sys\/rekey\/backup$/,
  /^sys\/config\/(cors|auditing\/.*)$/,
  /^sys\/leases\/(lookup|revoke-force|revoke-prefix)\/.*/,
  /^sys\/(revoke-prefix|revoke-force)\/.+/,
  /^auth\/token\/accessors\/?$/,
  /^auth\/token\/revoke-orphan(\/.*)?$/,
];

/**
 * Routes whose `data` members Vault also copies to the top level of the
 * response, by path prefix (README §3.5; src:V114 http/handler.go,
 * injectDataIntoTopRoutes). The samples of sys/mounts/:path and
 * sys/auth/:path/tune show the copies too.
 */
const TOP_LEVEL_ROUTES = /^sys\/(audit|auth|capabilities|config\/cors|config\/auditing\/request-headers|ha-status|key-status|mounts|policy|rekey\/backup|rekey\/recovery-key-backup|remount|rotate|wrapping\/wrap)(\/|-|$)/;

// sys/generate-root/* and sys/rekey/* take unseal keys instead of a token (unauthenticated in Vault's system backend, for a lost root token);
// sys/internal/specs/openapi is in the system backend's Unauthenticated list too (a token, when sent, widens what it shows).
const NO_TOKEN_PATHS = /^sys\/(health|seal-status|unseal|init|leader|internal\/ui\/feature-flags|wrapping\/lookup|generate-root\/(attempt|update)|rekey\/(init|update|verify)|internal\/ui\/mounts(\/.*)?|internal\/specs\/openapi)\/?$/;

/** What a sealed server still answers (everything else is 503 "Vault is sealed"). */
const SEALED_OK = /^sys\/(health|seal-status|unseal|init|leader|internal\/ui\/feature-flags)\/?$/;

/** The backend of a mount type this server does not implement: no routes. */
const empty: RoutedBackend = {
  routes: [],
  handle() {
    throw unsupportedPath();
  },
};

export class Core {
  readonly tokens: TokenStore;
  readonly audit: AuditBroker;
  readonly wrapping: Wrapping;
  /** Counters and timings for sys/metrics. */
  readonly metrics = new Metrics();
  /** The HTTP requests being handled now (sys/in-flight-req). */
  readonly inFlight = new InFlightRequests();
  /** Sealed by `sys/seal`; a restart or `sys/unseal` with the key unseals (dev mode starts unsealed). */
  sealed = false;
  private readonly parsed = new Map<string, ParsedPolicy>();
  private readonly aclCache = new Map<string, Acl>();
  private readonly rootAcl = new Acl([], true);
  /** Vault's built-in policy of wrapping tokens: read their cubbyhole response, unwrap. */
  private readonly wrappingAcl = new Acl([
    parsePolicy(WRAPPING_POLICY, 'path "cubbyhole/response" { capabilities = ["create", "read"] }\npath "sys/wrapping/unwrap" { capabilities = ["update"] }'),
  ]);
  /** The root key and its shares (sys/unseal, sys/generate-root, sys/rekey). */
  readonly keys: UnsealKeys;
  private readonly unsealProgress = new KeyProgress();
  private readonly sys: RoutedBackend;
  private readonly token: RoutedBackend;
  private readonly approle: RoutedBackend;
  private readonly kubernetes: RoutedBackend;
  private readonly jwt: RoutedBackend;
  private readonly kv2: RoutedBackend;
  private readonly kv1: RoutedBackend;
  private readonly cubbyhole: RoutedBackend;
  private readonly transit: RoutedBackend;
  private readonly userpass: RoutedBackend;
  private readonly identity: RoutedBackend;
  /** Entities, aliases and groups (identity/); their policies join their tokens' ACLs. */
  readonly identityStore: IdentityStore;

  constructor(
    readonly state: State,
    private readonly store?: EncryptedStore,
  ) {
    this.tokens = new TokenStore(state);
    this.tokens.onCreate = (t) => this.metrics.tokenCreated(t, state);
    this.identityStore = new IdentityStore(state);
    this.identity = identityBackend(state, this.identityStore);
    this.tokens.identityPolicies = (id) => this.identityStore.policiesFor(id);
    this.tokens.entityForAlias = (accessor, name, login) => {
      const entity = this.identityStore.entityForAlias(accessor, name, login?.metadata);
      if (login?.groupAliases) this.identityStore.refreshExternalGroups(entity.id, accessor, login.groupAliases);
      return entity;
    };
    this.audit = new AuditBroker(state);
    this.wrapping = new Wrapping(state, this.tokens);
    this.keys = new UnsealKeys(state);
    for (const [name, text] of state.policies) this.parsed.set(name, parsePolicy(name, text));
    this.token = tokenBackend({ tokens: this.tokens, policyExists: (n) => state.policies.has(n) });
    this.approle = approleBackend(state, this.tokens);
    this.kubernetes = kubernetesBackend(state, this.tokens);
    this.jwt = jwtBackend(state, this.tokens);
    this.kv2 = kv2Backend(state);
    this.kv1 = kv1Backend(state);
    this.cubbyhole = cubbyholeBackend(state);
    this.transit = transitBackend(state);
    this.userpass = userpassBackend(state, this.tokens);
    this.sys = sysBackend({
      state,
      tokens: this.tokens,
      audit: this.audit,
      wrapping: this.wrapping,
      setPolicy: (n, t) => this.setPolicy(n, t),
      deletePolicy: (n) => this.deletePolicy(n),
      aclFor: (t) => this.aclFor(t),
      seal: {
        isSealed: () => this.sealed,
        seal: () => {
          this.sealed = true;
          this.unsealProgress.reset();
        },
        unseal: (key) => {
          // One share per call, as `vault operator unseal`; the threshold-th one decides.
          this.unsealProgress.add(this.keys.decode(key));
          if (this.unsealProgress.count < this.keys.threshold) return true;
          if (!this.keys.verify(this.unsealProgress.take())) return false;
          this.sealed = false;
          return true;
        },
        progress: () => this.unsealProgress.count,
        nonce: () => this.unsealProgress.nonce,
        resetProgress: () => this.unsealProgress.reset(),
      },
      keys: this.keys,
      mintRoot: (id) => {
        this.tokens.create({ policies: ["root"], parent: "", path: "auth/token/root", displayName: "root", ttl: 0, id });
      },
      routesFor: (mount, auth) => this.backendOf(mount, auth).routes,
      mountFor: (p) => {
        const r = this.route(p);
        return r && r.mount.type !== "system" ? { mount: r.mount, mountPoint: r.mountPoint } : undefined;
      },
      metrics: this.metrics,
      inFlight: this.inFlight,
    });
  }

  setPolicy(name: string, text: string): void {
    let policy: ParsedPolicy;
    try {
      policy = parsePolicy(name, text);
    } catch (error) {
      if (error instanceof PolicyParseError) throw badRequest(`failed to parse policy: ${error.message}`);
      throw error;
    }
    this.state.policies.set(name, text);
    this.parsed.set(name, policy);
    this.aclCache.clear(); // takes effect on the next request (policies.mdx)
  }

  deletePolicy(name: string): void {
    this.state.policies.delete(name);
    this.parsed.delete(name);
    this.aclCache.clear();
  }

  /** The ACL of a token: its own policies and those of its entity and the entity's groups (fetchACLTokenEntryAndEntity). */
  aclFor(token: TokenEntry): Acl {
    if (token.policies.includes("root")) return this.rootAcl;
    if (token.policies.length === 1 && token.policies[0] === WRAPPING_POLICY) return this.wrappingAcl;
    const names = [...new Set([...token.policies, ...this.identityStore.policiesFor(token.entityId)])];
    const policies = names.map((p) => this.parsed.get(p)).filter((p): p is ParsedPolicy => p !== undefined);
    // With an entity, templated paths are filled in from it and its groups as they are now (an entity's
    // metadata or groups change between requests): that ACL is built per request, the others are cached.
    const entity = token.entityId ? this.identityStore.data.entities.get(token.entityId) : undefined;
    if (entity && policies.some((p) => p.rules.some((r) => r.template !== undefined))) {
      const { direct, inherited } = this.identityStore.groupsOf(entity.id);
      return new Acl(policies, false, { entity, groups: [...direct, ...inherited] });
    }
    const key = names.join("\n");
    let acl = this.aclCache.get(key);
    if (!acl) {
      acl = new Acl(policies);
      this.aclCache.set(key, acl);
    }
    return acl;
  }

  /** The backend serving a mount (by its type; KV by its version option). */
  backendOf(mount: MountEntry, auth: boolean): RoutedBackend {
    if (auth) return { token: this.token, approle: this.approle, kubernetes: this.kubernetes, jwt: this.jwt, userpass: this.userpass }[mount.type] ?? empty;
    switch (mount.type) {
      case "kv":
        return mount.options?.version === "2" ? this.kv2 : this.kv1;
      case "cubbyhole":
        return this.cubbyhole;
      case "transit":
        return this.transit;
      case "identity":
        return this.identity;
      case "system":
        return this.sys;
      default:
        return empty;
    }
  }

  route(path: string): Route | undefined {
    const state = this.state;
    if (path === "sys" || path.startsWith("sys/")) return { backend: this.sys, mount: state.mounts.get("sys/")!, mountPoint: "sys/", rel: path.slice(4) };
    if (path.startsWith("auth/")) {
      const rest = path.slice(5);
      let best: string | undefined;
      for (const p of state.auth.keys()) if ((rest + "/").startsWith(p) && (!best || p.length > best.length)) best = p;
      if (!best) return undefined;
      const mount = state.auth.get(best)!;
      return { backend: this.backendOf(mount, true), mount, mountPoint: `auth/${best}`, rel: rest.slice(best.length) };
    }
    let best: string | undefined;
    for (const p of state.mounts.keys()) if ((path + "/").startsWith(p) && (!best || p.length > best.length)) best = p;
    if (!best) return undefined;
    const mount = state.mounts.get(best)!;
    return { backend: this.backendOf(mount, false), mount, mountPoint: best, rel: path.slice(best.length) };
  }

  private needsToken(path: string, route: Route | undefined): boolean {
    if (NO_TOKEN_PATHS.test(path)) return false;
    if ((route?.mount.type === "approle" || route?.mount.type === "kubernetes" || route?.mount.type === "jwt") && route.rel === "login") return false;
    if (route?.mount.type === "userpass" && /^login\/[^/]+$/.test(route.rel)) return false;
    // The discovery document and the public keys of identity tokens: for verifiers without a Vault token.
    if (route?.mount.type === "identity" && /^oidc\/\.well-known\/(openid-configuration|keys)\/?$/.test(route.rel)) return false;
    return true;
  }

  /** Runs a request; errors are thrown as VaultHttpError. Timed as Vault's core.handle_request / core.handle_login_request. */
  handle(input: CoreRequest): { requestId: string; response: LogicalResponse | undefined; mountType: string | undefined } {
    const started = performance.now();
    try {
      return this.process(input);
    } finally {
      const login = /^\/*auth\/.+\/login(\/|$)/.test(input.path);
      this.metrics.observe(login ? "vault.core.handle_login_request" : "vault.core.handle_request", performance.now() - started);
    }
  }

  private process(input: CoreRequest): { requestId: string; response: LogicalResponse | undefined; mountType: string | undefined } {
    let path = input.path.replace(/^\/+/, "");
    if (input.operation === "list" && !path.endsWith("/")) path += "/";
    // README §4.5: sealed → 503 with this exact text; no token can be checked while sealed.
    if (this.sealed && !SEALED_OK.test(path)) throw new VaultHttpError(503, ["Vault is sealed"]);
    const route = this.route(path);
    const needsToken = this.needsToken(path, route);
    const token = input.clientToken ? this.tokens.valid(input.clientToken) : undefined;
    const acl = token ? this.aclFor(token) : undefined;
    const req: LogicalRequest = {
      id: uuid(),
      operation: input.operation,
      path,
      data: input.data,
      clientToken: input.clientToken,
      ...(token ? { token } : {}),
      ...(acl ? { acl } : {}),
      remoteAddress: input.remoteAddress,
      remotePort: input.remotePort,
      headers: input.headers,
      ...(route ? { mount: route.mount } : {}),
      mountPoint: route?.mountPoint ?? "",
      rel: route?.rel ?? path,
    };
    const record = { req, token, mount: route?.mount };
    let response: LogicalResponse | undefined;
    let usedToken = false;
    try {
      if (needsToken) {
        // An used or expired wrapping token sent as X-Vault-Token to unwrap is an invalid wrapping token (400), as Vault's
        // request handling validates it before the ACL check (README §13.3), not a permission error.
        if (!token && path === "sys/wrapping/unwrap" && input.clientToken !== "" && !input.data.token) throw badRequest("wrapping token is not valid or does not exist");
        if (!token || !acl) throw permissionDenied();
        // A token whose entity is disabled is refused everywhere (fetchACLTokenEntryAndEntity: entity.Disabled).
        if (this.identityStore.isDisabled(token.entityId)) throw permissionDenied();
        if ((req.operation === "create" || req.operation === "update") && route?.backend.exists) {
          if (!acl.allows(path, "create") && !acl.allows(path, "update")) throw permissionDenied();
          req.operation = route.backend.exists(req) ? "update" : "create";
        }
        if (!acl.allows(path, req.operation)) throw permissionDenied();
        // min_wrapping_ttl / max_wrapping_ttl: the response must be wrapped within the bounds (policies.mdx).
        const perm = acl.root ? undefined : acl.permissionFor(path, req.operation === "list");
        if (perm && (perm.minWrap > 0 || perm.maxWrap > 0)) {
          const ttl = input.wrapTtl ?? 0;
          if (ttl === 0 || (perm.minWrap > 0 && ttl < perm.minWrap) || (perm.maxWrap > 0 && ttl > perm.maxWrap)) throw permissionDenied();
        }
        // required/denied/allowed_parameters, on the operations that carry parameters (vault/acl.go AllowOperation).
        if (perm && PARAMETER_OPS.has(req.operation) && !parametersAllow(perm.params, req.data)) throw permissionDenied();
        if (SUDO_PATHS.some((r) => r.test(path)) && !acl.hasSudo(path, req.operation)) throw permissionDenied();
      }
      this.audit.log("request", record);
      if (needsToken && token && token.numUses > 0) usedToken = true;
      if (!route) throw new VaultHttpError(404, [`no handler for route "${path}". route entry not found.`]);
      response = route.backend.handle(req);
    } catch (error) {
      if (usedToken) this.tokens.use(token!);
      const message = error instanceof VaultHttpError ? error.errors[0] : "internal error";
      try {
        this.audit.log("response", { ...record, ...(message ? { error: message } : {}) });
      } finally {
        this.persistIfChanged(req.operation, usedToken);
      }
      throw error;
    }
    if (usedToken) this.tokens.use(token!);
    if (response && !response.raw && TOP_LEVEL_ROUTES.test(path)) response.topLevel = true;
    this.audit.log("response", { ...record, response });
    this.persistIfChanged(req.operation, usedToken);
    const type = route?.mount.type;
    return { requestId: req.id, response, mountType: type === "system" || type === "token" ? undefined : type };
  }

  private persistIfChanged(op: Operation, usedToken: boolean): void {
    if (!this.store) return;
    if (op === "read" || op === "list") {
      if (!usedToken) return;
    }
    this.store.save(this.state);
  }

  /** The root token given at start (created if missing), so `--root-token` survives restarts with `--data`. */
  ensureRootToken(id: string): TokenEntry {
    this.state.unsealKey ??= randomBytes(32).toString("base64"); // stores written before unseal support
    const existing = this.state.tokens.get(id);
    if (existing) return existing;
    const entry = this.tokens.create({ policies: ["root"], parent: "", path: "auth/token/root", displayName: "root", ttl: 0, id });
    this.state.rootToken = id;
    this.store?.save(this.state);
    return entry;
  }

  /** Wraps a response body (X-Vault-Wrap-TTL or sys/wrapping/wrap); persists the new wrapping token. */
  wrap(body: unknown, ttl: number, creationPath: string, wrappedAccessor: string): Record<string, unknown> {
    const wrapped = this.wrapping.wrap(body, ttl, creationPath, wrappedAccessor);
    this.store?.save(this.state);
    return wrapped;
  }

  close(): void {
    this.audit.close();
  }
}

