import { randomBytes } from "node:crypto";
import { mountAccessor, uuid } from "./ids.js";
import { DEFAULT_POLICY } from "./policy.js";
import type { TokenFields } from "./auth-roles.js";

// Everything the server knows, in one serialisable object. User-chosen names
// (secret paths, policy names, role names, tokens) are Map keys, never object
// keys, so a path such as "__proto__" is just a path.

export type Data = Record<string, unknown>;

export interface MountConfig {
  default_lease_ttl: number;
  max_lease_ttl: number;
  force_no_cache: boolean;
  audit_non_hmac_request_keys?: string[];
  audit_non_hmac_response_keys?: string[];
  listing_visibility?: string;
  passthrough_request_headers?: string[];
  token_type?: string;
}

export interface MountEntry {
  path: string; // with trailing slash: "secret/"
  type: string;
  description: string;
  accessor: string;
  uuid: string;
  config: MountConfig;
  options: Record<string, string> | null;
  local: boolean;
  seal_wrap: boolean;
  external_entropy_access: boolean;
}

export interface KvVersion {
  created_time: string;
  deletion_time: string;
  destroyed: boolean;
  /** The secret as JSON text (null once destroyed): stored as text so arbitrary keys can't collide with the Map encoding. */
  data: string | null;
}

export interface KvKey {
  created_time: string;
  updated_time: string;
  current_version: number;
  oldest_version: number;
  max_versions: number;
  cas_required: boolean;
  delete_version_after: number; // seconds
  custom_metadata: Record<string, string> | null;
  versions: Map<number, KvVersion>;
}

export interface KvConfig {
  max_versions: number;
  cas_required: boolean;
  delete_version_after: number;
}

export interface KvStore {
  config: KvConfig;
  /** KV v2 keys by secret path. */
  keys: Map<string, KvKey>;
  /** KV v1 values (JSON text) by path. */
  v1: Map<string, string>;
}

export interface TokenEntry {
  id: string;
  accessor: string;
  policies: string[];
  parent: string; // "" for orphans
  path: string;
  meta: Record<string, string> | null;
  displayName: string;
  numUses: number; // 0 = unlimited; otherwise uses left
  creationTime: number; // ms
  creationTtl: number; // s
  expireTime: number; // ms; 0 = never
  explicitMaxTtl: number; // s
  period: number; // s
  renewable: boolean;
  orphan: boolean;
  lastRenewalTime: number; // ms; 0 = never
  /** Ceiling from the system/mount max TTL, ms since epoch; 0 = none. */
  maxExpireTime: number;
  /** "batch" for batch tokens (no accessor, not renewable, no children, not revocable by hand); absent = service. */
  type?: "batch";
  /** The identity entity the token belongs to (logins, `entity_alias`); absent = none. */
  entityId?: string;
  /** The token role it was created against (auth/token/create/:role_name); absent otherwise. */
  role?: string;
}

export interface TokenRole {
  name: string;
  allowedPolicies: string[];
  disallowedPolicies: string[];
  allowedPoliciesGlob: string[];
  disallowedPoliciesGlob: string[];
  orphan: boolean;
  renewable: boolean;
  pathSuffix: string;
  tokenPeriod: number;
  tokenExplicitMaxTtl: number;
  tokenTtl: number;
  tokenMaxTtl: number;
  tokenNumUses: number;
  tokenNoDefaultPolicy: boolean;
  tokenType: string;
  tokenBoundCidrs: string[];
  /** Aliases (and globs) `entity_alias` may name; absent or empty = none. */
  allowedEntityAliases?: string[];
}

export interface AppRole extends TokenFields {
  name: string;
  roleId: string;
  bindSecretId: boolean;
  secretIdBoundCidrs: string[];
  secretIdNumUses: number;
  secretIdTtl: number;
  localSecretIds: boolean;
  tokenBoundCidrs: string[];
  tokenType: string;
}

export interface SecretIdEntry {
  secretId: string;
  accessor: string;
  metadata: Record<string, string>;
  cidrList: string[];
  tokenBoundCidrs: string[];
  numUses: number; // 0 = unlimited
  ttl: number; // s
  creationTime: string;
  expirationTime: string; // "" = never
  lastUpdatedTime: string;
}

export interface AppRoleStore {
  roles: Map<string, AppRole>;
  /** role name → secret ID → entry */
  secretIds: Map<string, Map<string, SecretIdEntry>>;
}

export interface AuditDeviceEntry {
  path: string; // "file/"
  type: string;
  description: string;
  options: Record<string, string>;
  local: boolean;
  /** HMAC key of this device: a random UUID string, as Vault's salt. */
  salt: string;
}

export interface State {
  format: 1;
  clusterName: string;
  clusterId: string;
  rootToken: string;
  /** The root key (base64 of 32 bytes); with one share it is the unseal key `vault server -dev` prints. */
  unsealKey?: string;
  /** After `sys/rekey` to several Shamir shares: how many, and how many unseal (absent = 1 and 1). */
  keyShares?: { shares: number; threshold: number };
  mounts: Map<string, MountEntry>;
  auth: Map<string, MountEntry>;
  policies: Map<string, string>;
  tokens: Map<string, TokenEntry>;
  accessors: Map<string, string>;
  /** auth/token/roles (optional: stores written before roles existed lack it). */
  tokenRoles?: Map<string, TokenRole>;
  kv: Map<string, KvStore>; // by mount uuid
  approle: Map<string, AppRoleStore>; // by auth mount uuid
  /** Kubernetes auth config and roles by auth mount uuid (optional: older stores lack it). */
  kubernetes?: Map<string, import("./kubernetes.js").K8sStore>;
  /** JWT auth config and roles by auth mount uuid (optional: older stores lack it). */
  jwt?: Map<string, import("./jwt-auth.js").JwtStore>;
  /** Userpass users by auth mount uuid (optional: older stores lack it). */
  userpass?: Map<string, import("./userpass.js").UserpassStore>;
  /** Transit keys by mount uuid (optional: older stores lack it). */
  transit?: Map<string, import("./transit.js").TransitStore>;
  cubbyhole: Map<string, Map<string, string>>; // by token id, values as JSON text
  /** Barrier key term and when it was installed (sys/rotate); absent = term 1 since the process started. */
  keyTerm?: { term: number; installTime: string };
  audit: Map<string, AuditDeviceEntry>;
  /** Entities, aliases and groups of identity/ (optional: older stores lack it). */
  identity?: import("./identity-store.js").IdentityData;
  /** sys/internal/counters/config as written (optional: absent = Vault's defaults). */
  activityConfig?: import("./sys-activity.js").ActivityConfig;
  /** sys/config/cors (optional: absent = disabled, and older stores lack it). */
  cors?: CorsConfig;
  /** sys/policies/password documents by name, as written (optional: older stores lack it). */
  passwordPolicies?: Map<string, string>;
  /** identity/oidc: identity token keys, roles and issuer (optional: older stores lack it). */
  oidcTokens?: import("./oidc-tokens.js").OidcTokenData;
}

export interface CorsConfig {
  enabled: boolean;
  allowedOrigins: string[];
  allowedHeaders: string[];
}

/** Vault's system default and maximum lease TTL: 32 days. */
export const SYSTEM_MAX_TTL = 768 * 3600;

export function newMount(path: string, type: string, description: string, options: Record<string, string> | null, local = false): MountEntry {
  return {
    path,
    type,
    description,
    accessor: mountAccessor(type),
    uuid: uuid(),
    config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
    options,
    local,
    seal_wrap: false,
    external_entropy_access: false,
  };
}

export function newKvStore(): KvStore {
  return { config: { max_versions: 0, cas_required: false, delete_version_after: 0 }, keys: new Map(), v1: new Map() };
}

/** A fresh dev-mode server (openbao/docs/concepts/dev-server.mdx): KV v2 at secret/. */
export function initialState(rootToken: string): State {
  const secret = newMount("secret/", "kv", "key/value secret storage", { version: "2" });
  const cubbyhole = newMount("cubbyhole/", "cubbyhole", "per-token private secret storage", null, true);
  const sys = newMount("sys/", "system", "system endpoints used for control, policy and debugging", null);
  sys.config.passthrough_request_headers = ["Accept"];
  const identity = newMount("identity/", "identity", "identity store", null);
  const token = newMount("token/", "token", "token based credentials", null);
  token.config.token_type = "default-service";
  return {
    format: 1,
    clusterName: `vault-cluster-${uuid().slice(0, 8)}`,
    clusterId: uuid(),
    rootToken,
    unsealKey: randomBytes(32).toString("base64"),
    mounts: new Map([
      ["cubbyhole/", cubbyhole],
      ["identity/", identity],
      ["secret/", secret],
      ["sys/", sys],
    ]),
    auth: new Map([["token/", token]]),
    policies: new Map([["default", DEFAULT_POLICY]]),
    tokens: new Map(),
    accessors: new Map(),
    tokenRoles: new Map(),
    kv: new Map([[secret.uuid, newKvStore()]]),
    approle: new Map(),
    cubbyhole: new Map(),
    audit: new Map(),
  };
}

/** JSON with Maps kept as Maps (`{"$map": [[k, v], ...]}`). */
export function serializeState(state: State): string {
  return JSON.stringify(state, (_key, value: unknown) => (value instanceof Map ? { $map: [...value] } : value));
}

export function deserializeState(text: string): State {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value) && "$map" in value && Object.keys(value).length === 1) {
      const entries = (value as { $map: unknown }).$map;
      if (Array.isArray(entries)) return new Map(entries as Array<[unknown, unknown]>);
    }
    return value;
  }) as State;
}
