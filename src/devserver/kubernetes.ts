import { badRequest, permissionDenied, unsupportedOperation, VaultHttpError } from "./http-error.js";
import { bool, has, str, strList, type Data } from "./fields.js";
import { publicKeyCache, publicKeyFromPem, verifyJwt } from "./jwt.js";
import { handleRolePaths, loginResponse, mountDisplayName, mountStore, parseTokenFields, rolePathName, tokenFieldsData, type TokenFields } from "./auth-roles.js";
import type { State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import type { TokenStore } from "./tokens.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";

/** The paths this backend registers (routes.ts; also its OpenAPI description). */
export const KUBERNETES_ROUTES: readonly Route[] = [
  ["login", "w", "u"],
  ["config", "rw"],
  ["role", "l"],
  ["role/{name}", "rwd", "c"],
];

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

export interface K8sRole extends TokenFields {
  boundNames: string[];
  boundNamespaces: string[];
  audience: string;
}

export interface K8sStore {
  config?: K8sConfig;
  roles: Map<string, K8sRole>;
}

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

function kubernetesBackendHandlers(state: State, tokens: TokenStore): Backend {
  const storeOf = (req: LogicalRequest): K8sStore => mountStore((state.kubernetes ??= new Map()), req, () => ({ roles: new Map() }));
  const keysOf = publicKeyCache();

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
    const claims = verifyJwt(jwt, keysOf(s.config.pem_keys));
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
    const meta = {
      role: roleName,
      service_account_name: sa.name,
      service_account_namespace: sa.namespace,
      service_account_secret_name: sa.secretName,
      service_account_uid: sa.uid,
    };
    return loginResponse(tokens, req, role, meta, `${mountDisplayName(req)}-${sa.namespace}-${sa.name}`, sa.uid || `${sa.namespace}/${sa.name}`);
  }

  function roleData(r: K8sRole): Data {
    return {
      audience: r.audience,
      bound_service_account_names: r.boundNames,
      bound_service_account_namespaces: r.boundNamespaces,
      ...tokenFieldsData(r),
      token_type: "default",
    };
  }

  return {
    exists(req) {
      const name = rolePathName(req.rel);
      return name !== undefined ? storeOf(req).roles.has(name) : req.rel === "config" ? storeOf(req).config !== undefined : true;
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
      return handleRolePaths(req, s.roles, roleData, (d, prev): K8sRole => {
        const names = strList(d, "bound_service_account_names") ?? prev?.boundNames ?? [];
        const namespaces = strList(d, "bound_service_account_namespaces") ?? prev?.boundNamespaces ?? [];
        if (names.length === 0) throw badRequest('"bound_service_account_names" can not be empty');
        if (namespaces.length === 0) throw badRequest('"bound_service_account_namespaces" can not be empty');
        return {
          boundNames: names,
          boundNamespaces: namespaces,
          audience: has(d, "audience") ? str(d, "audience") : (prev?.audience ?? ""),
          ...parseTokenFields(d, prev),
        };
      });
    },
  };
}

/** The backend, answering on its registered routes only (routes.ts). */
export function kubernetesBackend(state: State, tokens: TokenStore): RoutedBackend {
  return routed(KUBERNETES_ROUTES, kubernetesBackendHandlers(state, tokens));
}
