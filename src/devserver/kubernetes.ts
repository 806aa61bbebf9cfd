import type { KeyObject } from "node:crypto";
import { badRequest, notFound, permissionDenied, unsupportedOperation, unsupportedPath, VaultHttpError } from "./http-error.js";
import { bool, duration, has, int, str, strList, type Data } from "./fields.js";
import { publicKeyFromPem, verifyJwt } from "./jwt.js";
import type { State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import type { TokenStore } from "./tokens.js";

// Kubernetes auth (openbao/docs/api/auth/kubernetes.mdx). A real Vault asks
// the cluster's TokenReview API whether a service-account JWT is valid; the
// dev server has no cluster, so it verifies the JWT's signature locally with
// the config's `pem_keys` (which real Vault also accepts) and reads the
// service account from the claims — both the legacy secret-based token claims
// and the projected-token `kubernetes.io` claim.

export interface K8sConfig {
  kubernetes_host: string;
  kubernetes_ca_cert: string;
  pem_keys: string[];
  disable_local_ca_jwt: boolean;
  issuer: string;
}

export interface K8sRole {
  boundNames: string[];
  boundNamespaces: string[];
  audience: string;
  tokenPolicies: string[];
  tokenTtl: number;
  tokenMaxTtl: number;
  tokenPeriod: number;
  tokenNumUses: number;
  tokenNoDefaultPolicy: boolean;
  tokenExplicitMaxTtl: number;
}

export interface K8sStore {
  config?: K8sConfig;
  roles: Map<string, K8sRole>;
}

const NAME = /^\w(?:[\w.@-]*\w)?$/;

function allowed(value: string, bound: string[]): boolean {
  return bound.some((b) => b === "*" || b === value || (b.endsWith("*") && value.startsWith(b.slice(0, -1))));
}

interface ServiceAccount {
  name: string;
  namespace: string;
  uid: string;
  secretName: string;
}

function serviceAccountOf(claims: Record<string, unknown>): ServiceAccount | undefined {
  const k8s = claims["kubernetes.io"] as { namespace?: unknown; serviceaccount?: { name?: unknown; uid?: unknown } } | undefined;
  if (k8s && typeof k8s.namespace === "string" && typeof k8s.serviceaccount?.name === "string") {
    return { name: k8s.serviceaccount.name, namespace: k8s.namespace, uid: String(k8s.serviceaccount.uid ?? ""), secretName: "" };
  }
  const name = claims["kubernetes.io/serviceaccount/service-account.name"];
  const namespace = claims["kubernetes.io/serviceaccount/namespace"];
  if (typeof name === "string" && typeof namespace === "string") {
    return {
      name,
      namespace,
      uid: String(claims["kubernetes.io/serviceaccount/service-account.uid"] ?? ""),
      secretName: String(claims["kubernetes.io/serviceaccount/secret.name"] ?? ""),
    };
  }
  return undefined;
}

export function kubernetesBackend(state: State, tokens: TokenStore): Backend {
  const storeOf = (req: LogicalRequest): K8sStore => {
    state.kubernetes ??= new Map();
    let s = state.kubernetes.get(req.mount!.uuid);
    if (!s) {
      s = { roles: new Map() };
      state.kubernetes.set(req.mount!.uuid, s);
    }
    return s;
  };
  const keyCache = new Map<string, KeyObject[]>();
  const keysOf = (cfg: K8sConfig): KeyObject[] => {
    const id = cfg.pem_keys.join("\n");
    let keys = keyCache.get(id);
    if (!keys) {
      keys = cfg.pem_keys.map(publicKeyFromPem);
      keyCache.set(id, keys);
    }
    return keys;
  };

  function login(req: LogicalRequest): LogicalResponse {
    const s = storeOf(req);
    const roleName = str(req.data, "role");
    const jwt = str(req.data, "jwt");
    if (roleName === "") throw badRequest("missing role");
    if (jwt === "") throw badRequest("missing jwt");
    const role = s.roles.get(roleName);
    if (!role) throw badRequest(`invalid role name "${roleName}"`);
    if (!s.config) throw badRequest("could not load backend configuration");
    if (s.config.pem_keys.length === 0) {
      throw badRequest("the vaultshift dev server verifies service-account JWTs locally: set pem_keys in the auth method's config");
    }
    const claims = verifyJwt(jwt, keysOf(s.config));
    if (!claims) throw permissionDenied();
    if (s.config.issuer && claims.iss !== s.config.issuer) throw permissionDenied();
    const sa = serviceAccountOf(claims);
    if (!sa) throw permissionDenied();
    if (!allowed(sa.name, role.boundNames)) throw new VaultHttpError(403, ["service account name not authorized"]);
    if (!allowed(sa.namespace, role.boundNamespaces)) throw new VaultHttpError(403, ["namespace not authorized"]);
    if (role.audience) {
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!aud.includes(role.audience)) throw permissionDenied();
    }
    const token = tokens.create({
      policies: role.tokenPolicies,
      parent: "",
      path: `${req.mountPoint}login`,
      meta: {
        role: roleName,
        service_account_name: sa.name,
        service_account_namespace: sa.namespace,
        service_account_secret_name: sa.secretName,
        service_account_uid: sa.uid,
      },
      displayName: `${req.mountPoint.replace(/^auth\//, "").replace(/\/$/, "")}-${sa.namespace}-${sa.name}`,
      ttl: role.tokenPeriod > 0 ? role.tokenPeriod : role.tokenTtl,
      maxTtl: role.tokenMaxTtl,
      explicitMaxTtl: role.tokenExplicitMaxTtl,
      period: role.tokenPeriod,
      numUses: role.tokenNumUses,
      noDefaultPolicy: role.tokenNoDefaultPolicy,
    });
    return { data: null, auth: tokens.authBlock(token) };
  }

  function roleData(r: K8sRole): Data {
    return {
      audience: r.audience,
      bound_service_account_names: r.boundNames,
      bound_service_account_namespaces: r.boundNamespaces,
      token_explicit_max_ttl: r.tokenExplicitMaxTtl,
      token_max_ttl: r.tokenMaxTtl,
      token_no_default_policy: r.tokenNoDefaultPolicy,
      token_num_uses: r.tokenNumUses,
      token_period: r.tokenPeriod,
      token_policies: r.tokenPolicies,
      token_ttl: r.tokenTtl,
      token_type: "default",
    };
  }

  return {
    exists(req) {
      const m = /^role\/([^/]+)$/.exec(req.rel);
      return m ? storeOf(req).roles.has(m[1]!) : req.rel === "config" ? storeOf(req).config !== undefined : true;
    },
    handle(req) {
      const op = req.operation;
      const post = op === "create" || op === "update";
      const s = storeOf(req);
      if (req.rel === "login") {
        if (!post) throw unsupportedOperation();
        return login(req);
      }
      if (req.rel === "config") {
        if (op === "read") {
          if (!s.config) return undefined;
          const { kubernetes_host, kubernetes_ca_cert, pem_keys, disable_local_ca_jwt, issuer } = s.config;
          return { data: { kubernetes_host, kubernetes_ca_cert, pem_keys, disable_local_ca_jwt, issuer, disable_iss_validation: true } };
        }
        if (!post) throw unsupportedOperation();
        const host = str(req.data, "kubernetes_host");
        if (host === "") throw badRequest("no host provided");
        const pem = strList(req.data, "pem_keys") ?? [];
        for (const p of pem) {
          try {
            publicKeyFromPem(p);
          } catch {
            throw badRequest("data does not contain any valid public keys");
          }
        }
        s.config = {
          kubernetes_host: host,
          kubernetes_ca_cert: str(req.data, "kubernetes_ca_cert"),
          pem_keys: pem,
          disable_local_ca_jwt: bool(req.data, "disable_local_ca_jwt"),
          issuer: str(req.data, "issuer"),
        };
        return undefined;
      }
      if (req.rel === "role" || req.rel === "role/") {
        if (op !== "list") throw unsupportedOperation();
        const keys = [...s.roles.keys()].sort();
        if (keys.length === 0) throw notFound();
        return { data: { keys } };
      }
      const m = /^role\/([^/]+)$/.exec(req.rel);
      if (!m || !NAME.test(m[1]!)) throw unsupportedPath();
      const name = m[1]!;
      switch (op) {
        case "read": {
          const r = s.roles.get(name);
          if (!r) throw notFound();
          return { data: roleData(r) };
        }
        case "create":
        case "update": {
          const d = req.data;
          const prev = s.roles.get(name);
          const names = strList(d, "bound_service_account_names") ?? prev?.boundNames ?? [];
          const namespaces = strList(d, "bound_service_account_namespaces") ?? prev?.boundNamespaces ?? [];
          if (names.length === 0) throw badRequest('"bound_service_account_names" can not be empty');
          if (namespaces.length === 0) throw badRequest('"bound_service_account_namespaces" can not be empty');
          s.roles.set(name, {
            boundNames: names,
            boundNamespaces: namespaces,
            audience: has(d, "audience") ? str(d, "audience") : (prev?.audience ?? ""),
            tokenPolicies: (strList(d, "token_policies") ?? strList(d, "policies") ?? prev?.tokenPolicies ?? []).map((p) => p.toLowerCase()),
            tokenTtl: has(d, "token_ttl") ? duration(d, "token_ttl") : (prev?.tokenTtl ?? 0),
            tokenMaxTtl: has(d, "token_max_ttl") ? duration(d, "token_max_ttl") : (prev?.tokenMaxTtl ?? 0),
            tokenPeriod: has(d, "token_period") ? duration(d, "token_period") : (prev?.tokenPeriod ?? 0),
            tokenNumUses: has(d, "token_num_uses") ? int(d, "token_num_uses") : (prev?.tokenNumUses ?? 0),
            tokenNoDefaultPolicy: has(d, "token_no_default_policy") ? bool(d, "token_no_default_policy") : (prev?.tokenNoDefaultPolicy ?? false),
            tokenExplicitMaxTtl: has(d, "token_explicit_max_ttl") ? duration(d, "token_explicit_max_ttl") : (prev?.tokenExplicitMaxTtl ?? 0),
          });
          return undefined;
        }
        case "delete":
          s.roles.delete(name);
          return undefined;
        default:
          throw unsupportedOperation();
      }
    },
  };
}
