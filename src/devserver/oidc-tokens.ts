import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey, type KeyObject } from "node:crypto";
import { VaultHttpError, badRequest, listOrNotFound, unsupportedOperation } from "./http-error.js";
import { duration, has, str, strList } from "./fields.js";
import { base62, uuid } from "./ids.js";
import { parameter, TemplateError, type TemplateContext } from "./policy-template.js";
import type { IdentityStore } from "./identity-store.js";
import type { State } from "./state.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";

// Identity tokens: OIDC-compliant ID tokens Vault signs for the entity of the
// calling token (api-docs/secret/identity/tokens.mdx; vault/identity_store_oidc.go).
// A workload proves who it is to a third party (a cloud's web-identity
// federation, another service) with a JWT the third party checks against
// identity/oidc/.well-known/keys, without a Vault token.
// - named keys (RS256/384/512, ES256/384/512, EdDSA) rotate every
//   `rotation_period` (checked at each use) and keep the public half of the
//   previous key for `verification_ttl`; a key signs only for the roles whose
//   client_id it lists in `allowed_client_ids` ("*" = all). The `default` key
//   is made the first time a role names no key, with `allowed_client_ids: ["*"]`.
// - a role has a key, a client_id (the token's `aud`), a ttl and an optional
//   JSON template of extra claims filled in from the entity
//   (`{{identity.entity.name}}`, `.metadata`, `.groups.names`, aliases…);
//   a claim whose directive has no value is left out, and the reserved claims
//   cannot be templated.
// - a token without an entity (the root token) gets none: "no entity
//   associated with the request's token".

export const OIDC_ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "EdDSA"] as const;
type Algorithm = (typeof OIDC_ALGORITHMS)[number];
const DAY = 24 * 3600;
const RESERVED = ["iat", "aud", "exp", "iss", "sub", "namespace"];
const DEFAULT_KEY = "default";

interface PublicKeyEntry {
  kid: string;
  jwk: Record<string, unknown>;
  /** Unix ms after which the key no longer verifies (a rotated-out key); absent = the current key. */
  expiresAt?: number;
}

export interface OidcKey {
  algorithm: Algorithm;
  rotationPeriod: number;
  verificationTtl: number;
  allowedClientIds: string[];
  kid: string;
  /** PKCS#8 PEM of the signing key (the state file is encrypted with --data). */
  privateKey: string;
  /** The current key's public JWK and the rotated-out ones still valid for verification. */
  publicKeys: PublicKeyEntry[];
  nextRotation: number;
}

export interface OidcRole {
  key: string;
  template: string;
  clientId: string;
  ttl: number;
}

export interface OidcTokenData {
  /** identity/oidc/config `issuer` ("" = this server's address). */
  issuer: string;
  keys: Map<string, OidcKey>;
  roles: Map<string, OidcRole>;
}

const HASH: Record<Algorithm, string | null> = { RS256: "sha256", RS384: "sha384", RS512: "sha512", ES256: "sha256", ES384: "sha384", ES512: "sha512", EdDSA: null };

function keyPair(algorithm: Algorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  if (algorithm.startsWith("RS")) return generateKeyPairSync("rsa", { modulusLength: 2048 });
  if (algorithm === "EdDSA") return generateKeyPairSync("ed25519");
  return generateKeyPairSync("ec", { namedCurve: algorithm === "ES256" ? "P-256" : algorithm === "ES384" ? "P-384" : "P-521" });
}

/** A new signing key: the old public half stays for verification until `verificationTtl` has passed. */
function rotate(key: OidcKey, verificationTtl: number, now = Date.now()): void {
  const { privateKey, publicKey } = keyPair(key.algorithm);
  const kid = uuid();
  // The outgoing key verifies for verificationTtl more; keys already past theirs go.
  key.publicKeys = key.publicKeys.map((p) => (p.expiresAt === undefined ? { ...p, expiresAt: now + verificationTtl * 1000 } : p)).filter((p) => p.expiresAt! > now);
  key.publicKeys.unshift({ kid, jwk: { ...publicKey.export({ format: "jwk" }), use: "sig", kid, alg: key.algorithm } });
  key.kid = kid;
  key.privateKey = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  key.nextRotation = now + key.rotationPeriod * 1000;
}

function newKey(algorithm: Algorithm, rotationPeriod: number, verificationTtl: number, allowedClientIds: string[]): OidcKey {
  const key: OidcKey = { algorithm, rotationPeriod, verificationTtl, allowedClientIds, kid: "", privateKey: "", publicKeys: [], nextRotation: 0 };
  rotate(key, verificationTtl);
  return key;
}

/** Rotation is due when asked for (Vault runs a periodic function; the outcome at any request is the same). */
function current(key: OidcKey, now = Date.now()): OidcKey {
  if (now >= key.nextRotation) rotate(key, key.verificationTtl, now);
  key.publicKeys = key.publicKeys.filter((p) => p.expiresAt === undefined || p.expiresAt > now);
  return key;
}

function signJwt(key: OidcKey, claims: Record<string, unknown>): string {
  const head = Buffer.from(JSON.stringify({ alg: key.algorithm, kid: key.kid })).toString("base64url");
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const input = Buffer.from(`${head}.${body}`);
  const pk = createPrivateKey(key.privateKey);
  const signature = key.algorithm.startsWith("ES") ? sign(HASH[key.algorithm], input, { key: pk, dsaEncoding: "ieee-p1363" }) : sign(HASH[key.algorithm], input, pk);
  return `${head}.${body}.${signature.toString("base64url")}`;
}

/** The claims of `jwt` when one of the published keys signed it, else the reason it is not active. */
function verifiedClaims(jwt: string, data: OidcTokenData): { claims: Record<string, unknown> } | { error: string } {
  const parts = jwt.split(".");
  if (parts.length !== 3) return { error: "error parsing token" };
  let header: { alg?: unknown; kid?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as typeof header;
    claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return { error: "error parsing token" };
  }
  for (const key of data.keys.values()) {
    const entry = current(key).publicKeys.find((p) => p.kid === header.kid);
    // A key rotated after an algorithm change keeps its own algorithm.
    const alg = entry?.jwk.alg as Algorithm | undefined;
    if (!entry || alg === undefined || header.alg !== alg) continue;
    const pub = createPublicKey({ key: entry.jwk as JsonWebKey, format: "jwk" });
    const input = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2]!, "base64url");
    const ok = alg.startsWith("ES") ? verify(HASH[alg], input, { key: pub, dsaEncoding: "ieee-p1363" }, signature) : verify(HASH[alg], input, pub, signature);
    return ok ? { claims } : { error: "error validating signature" };
  }
  return { error: "error validating signature" };
}

/** A template directive's value in JSON (identitytpl's JSON mode): maps and lists whole, strings quoted; null when it has none. */
function jsonParameter(input: string, ctx: TemplateContext): unknown {
  const entity = ctx.entity;
  if (entity) {
    if (input === "identity.entity.metadata") return entity.metadata ?? {};
    if (input === "identity.entity.groups.ids") return ctx.groups.map((g) => g.id);
    if (input === "identity.entity.groups.names") return ctx.groups.map((g) => g.name);
    const alias = /^identity\.entity\.aliases\.([^.]+)\.(metadata|custom_metadata)$/.exec(input);
    if (alias) {
      const a = entity.aliases.find((x) => x.mountAccessor === alias[1]);
      return a ? ((alias[2] === "metadata" ? a.metadata : a.customMetadata) ?? {}) : null;
    }
  }
  try {
    const value = parameter(input, ctx);
    return input.startsWith("time.") ? Number(value) : value;
  } catch (error) {
    if (error instanceof TemplateError) return null;
    throw error;
  }
}

/** The template's claims for `ctx`: each top-level claim whose value came out null is left out. */
export function templateClaims(template: string, ctx: TemplateContext): Record<string, unknown> {
  if (template.trim() === "") return {};
  const rendered = template.replace(/\{\{([^}]*)\}\}/g, (_m, p: string) => JSON.stringify(jsonParameter(p.trim(), ctx)));
  let parsed: unknown;
  try {
    parsed = JSON.parse(rendered);
  } catch {
    throw badRequest("error parsing template JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest("template must be a JSON object");
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== null));
}

/** A role's template as given (JSON text or its base64), checked the way role writes are: JSON, no reserved claim. */
function checkedTemplate(given: string): string {
  let text = given;
  if (text !== "" && !text.trim().startsWith("{")) {
    const decoded = Buffer.from(text, "base64").toString("utf8");
    if (decoded.trim().startsWith("{")) text = decoded;
  }
  if (text.trim() === "") return "";
  // Every directive as a string: the shape is checked, not the values.
  let probe: unknown;
  try {
    probe = JSON.parse(text.replace(/\{\{[^}]*\}\}/g, '"x"'));
  } catch {
    throw badRequest("error parsing template JSON: the template must be a JSON object, with {{…}} directives as values");
  }
  if (typeof probe !== "object" || probe === null || Array.isArray(probe)) throw badRequest("error parsing template JSON: the template must be a JSON object");
  for (const claim of Object.keys(probe)) {
    if (RESERVED.includes(claim)) throw badRequest(`top level key ${JSON.stringify(claim)} not allowed. Restricted keys: ${RESERVED.join(", ")}`);
  }
  return text;
}

function algorithmOf(value: string): Algorithm {
  if (!(OIDC_ALGORITHMS as readonly string[]).includes(value)) throw badRequest(`unknown signing algorithm "${value}"`);
  return value as Algorithm;
}

/** `iss` of the tokens: the configured issuer, else this server's address as the client reached it, and Vault's path. */
function issuerOf(data: OidcTokenData, req: LogicalRequest): string {
  const base = data.issuer !== "" ? data.issuer : `http://${req.headers.host ?? `127.0.0.1`}`;
  return `${base.replace(/\/+$/, "")}/v1/identity/oidc`;
}

/** identity/oidc/...: `rest` is what follows `oidc/`. */
export function oidcTokens(req: LogicalRequest, rest: string, state: State, store: IdentityStore): LogicalResponse | undefined {
  const data = (state.oidcTokens ??= { issuer: "", keys: new Map(), roles: new Map() });
  const op = req.operation;
  const write = op === "create" || op === "update";
  const [head = "", name = "", tail = ""] = rest.replace(/\/+$/, "").split("/");

  const defaultKey = (): void => {
    if (!data.keys.has(DEFAULT_KEY)) data.keys.set(DEFAULT_KEY, newKey("RS256", DAY, DAY, ["*"]));
  };

  switch (head) {
    case "config":
      if (op === "read") return { data: { issuer: data.issuer } };
      if (!write) throw unsupportedOperation();
      if (has(req.data, "issuer")) {
        const issuer = str(req.data, "issuer");
        if (issuer !== "" && !/^https?:\/\/[^/?#\s]+$/.test(issuer.replace(/\/$/, ""))) {
          throw badRequest("invalid issuer, which must include only a scheme, host, and optional port (e.g. https://example.com:8200)");
        }
        data.issuer = issuer.replace(/\/$/, "");
      }
      return { warnings: ['If "issuer" is set explicitly, all tokens must be validated against that address, including those issued by secondary clusters. Setting issuer to "" will restore the default behavior of using the cluster\'s api_addr as the issuer.'] };
    case ".well-known": {
      if (op !== "read") throw unsupportedOperation();
      const iss = issuerOf(data, req);
      if (name === "openid-configuration") {
        return {
          raw: {
            status: 200,
            body: {
              issuer: iss,
              jwks_uri: `${iss}/.well-known/keys`,
              response_types_supported: ["id_token"],
              subject_types_supported: ["public"],
              id_token_signing_alg_values_supported: [...OIDC_ALGORITHMS],
            },
          },
        };
      }
      if (name === "keys") {
        const keys = [...data.keys.values()].flatMap((k) => current(k).publicKeys.map((p) => p.jwk));
        return { raw: { status: 200, body: { keys } } };
      }
      throw new VaultHttpError(404, ["1 error occurred:\n\t* unsupported path\n\n"]);
    }
    case "key": {
      if (name === "") return listOrNotFound(op, data.keys.keys());
      const key = data.keys.get(name);
      if (tail === "rotate") {
        if (!write) throw unsupportedOperation();
        if (!key) throw badRequest(`no named key found at ${JSON.stringify(name)}`);
        rotate(key, has(req.data, "verification_ttl") ? duration(req.data, "verification_ttl") : key.verificationTtl);
        return undefined;
      }
      if (op === "read") {
        if (!key) throw new VaultHttpError(404, []);
        return { data: { algorithm: key.algorithm, allowed_client_ids: key.allowedClientIds, rotation_period: key.rotationPeriod, verification_ttl: key.verificationTtl } };
      }
      if (op === "delete") {
        const users = [...data.roles].filter(([, r]) => r.key === name).map(([n]) => n).sort();
        if (users.length > 0) throw badRequest(`unable to delete key ${JSON.stringify(name)} because it is currently referenced by these roles: ${users.join(", ")}`);
        data.keys.delete(name);
        return undefined;
      }
      if (!write) throw unsupportedOperation();
      const algorithm = algorithmOf(str(req.data, "algorithm", key?.algorithm ?? "RS256"));
      const rotationPeriod = has(req.data, "rotation_period") ? duration(req.data, "rotation_period") : (key?.rotationPeriod ?? DAY);
      const verificationTtl = has(req.data, "verification_ttl") ? duration(req.data, "verification_ttl") : (key?.verificationTtl ?? DAY);
      if (rotationPeriod < 60) throw badRequest("rotation_period must be at least one minute");
      if (verificationTtl > 10 * rotationPeriod) throw badRequest("verification_ttl cannot be longer than 10x rotation_period");
      for (const [roleName, role] of data.roles) {
        if (role.key === name && role.ttl > verificationTtl) throw badRequest(`unable to update key ${JSON.stringify(name)} because it is currently referenced by one or more roles with a token ttl greater than ${verificationTtl} seconds (role ${JSON.stringify(roleName)})`);
      }
      const allowed = strList(req.data, "allowed_client_ids") ?? key?.allowedClientIds ?? [];
      if (!key) data.keys.set(name, newKey(algorithm, rotationPeriod, verificationTtl, allowed));
      else {
        const changed = key.algorithm !== algorithm;
        Object.assign(key, { algorithm, rotationPeriod, verificationTtl, allowedClientIds: allowed });
        if (changed) rotate(key, verificationTtl);
        else key.nextRotation = Math.min(key.nextRotation, Date.now() + rotationPeriod * 1000);
      }
      return undefined;
    }
    case "role": {
      if (name === "") return listOrNotFound(op, data.roles.keys());
      const role = data.roles.get(name);
      if (op === "read") {
        if (!role) throw new VaultHttpError(404, []);
        return { data: { client_id: role.clientId, key: role.key, template: role.template, ttl: role.ttl } };
      }
      if (op === "delete") {
        data.roles.delete(name);
        return undefined;
      }
      if (!write) throw unsupportedOperation();
      const keyName = str(req.data, "key", role?.key ?? DEFAULT_KEY) || DEFAULT_KEY;
      if (keyName === DEFAULT_KEY) defaultKey();
      const key = data.keys.get(keyName);
      if (!key) throw badRequest(`key ${JSON.stringify(keyName)} does not exist`);
      const ttl = has(req.data, "ttl") ? duration(req.data, "ttl") : (role?.ttl ?? DAY);
      if (ttl > key.verificationTtl) throw badRequest("a role's token ttl cannot be longer than the verification_ttl of the key it references");
      const template = has(req.data, "template") ? checkedTemplate(str(req.data, "template")) : (role?.template ?? "");
      const clientId = str(req.data, "client_id", role?.clientId ?? "") || base62(26);
      data.roles.set(name, { key: keyName, template, clientId, ttl });
      return undefined;
    }
    case "token": {
      if (op !== "read") throw unsupportedOperation();
      const role = data.roles.get(name);
      if (!role) throw badRequest(`role ${JSON.stringify(name)} not found`);
      const entityId = req.token?.entityId;
      if (!entityId) throw badRequest("no entity associated with the request's token");
      const entity = store.data.entities.get(entityId);
      if (!entity) throw badRequest("invalid entity");
      if (entity.disabled) throw badRequest("entity is disabled");
      const key = data.keys.get(role.key);
      if (!key) throw badRequest(`key ${JSON.stringify(role.key)} not found`);
      if (!key.allowedClientIds.includes("*") && !key.allowedClientIds.includes(role.clientId)) {
        throw badRequest(`the key ${JSON.stringify(role.key)} does not list the client ID of the role ${JSON.stringify(name)} as an allowed client ID`);
      }
      const now = Math.floor(Date.now() / 1000);
      const { direct, inherited } = store.groupsOf(entity.id);
      const extra = templateClaims(role.template, { entity, groups: [...direct, ...inherited], now });
      const claims = { ...extra, aud: role.clientId, exp: now + role.ttl, iat: now, iss: issuerOf(data, req), namespace: "root", sub: entity.id };
      return { data: { client_id: role.clientId, token: signJwt(current(key), claims), ttl: role.ttl } };
    }
    case "introspect": {
      if (!write) throw unsupportedOperation();
      const token = str(req.data, "token");
      if (token === "") throw badRequest("missing token");
      const inactive = (error: string): LogicalResponse => ({ raw: { status: 200, body: { active: false, error } } });
      const checked = verifiedClaims(token, data);
      if ("error" in checked) return inactive(checked.error);
      const { claims } = checked;
      const clientId = str(req.data, "client_id");
      if (clientId !== "" && claims.aud !== clientId) return inactive("token audience does not match the client_id");
      if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) return inactive("token is expired");
      if (claims.iss !== issuerOf(data, req)) return inactive("token issuer is not valid");
      const entity = typeof claims.sub === "string" ? store.data.entities.get(claims.sub) : undefined;
      if (!entity) return inactive("entity was not found");
      if (entity.disabled) return inactive("entity is disabled");
      return { raw: { status: 200, body: { active: true } } };
    }
    default:
      throw new VaultHttpError(404, ["1 error occurred:\n\t* unsupported path\n\n"]);
  }
}
