import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateKeyPairSync } from "node:crypto";
import { call, openTarget, unique, type Reply, type Target } from "./target.js";
import { rs256Jwt } from "../test-support.js";
import type { DocEndpoint, DocRequest } from "./doc-samples.js";

// Docs-driven conformance: every endpoint section of the API pages the dev
// server covers (reference/vault-api/openbao/docs/api/*, vault-1.14 kv-v2,
// health and policy pages) is replayed from its documented sample request
// against the target, and the response is compared with the documented
// sample response by SHAPE (key names and JSON types, recursively; ids,
// times and tokens differ by nature). The samples are vendored in
// doc-samples.json (scripts/vault-doc-samples.js, MPL-2.0, with provenance).
//
// Every endpoint in the fixture must have a step below with a status; the
// statuses are counted in docs/dev-server.md ("Conformance with the API docs").

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const fixture = JSON.parse(readFileSync(join(root, "src/devserver/contract/doc-samples.json"), "utf8")) as {
  license: string;
  endpoints: (DocEndpoint & { source: { repo: string; commit: string; path: string } })[];
};

type Status =
  /** The dev server implements it: status and shape are checked. */
  | "implemented"
  /** Vault has it, the dev server does not: it must answer like Vault for a path it does not serve (404 + errors). */
  | "not-implemented"
  /** Vault Enterprise only: Vault OSS answers 404 as well. */
  | "enterprise";

interface Ctx {
  t: Target;
  v: Record<string, string>;
}

interface Step {
  title: string;
  status: Status;
  /** Why an endpoint is not implemented, or what the step changes in the sample. */
  why?: string;
  setup?: (c: Ctx) => Promise<void>;
  path?: (c: Ctx, doc: string) => string;
  body?: (c: Ctx, payload: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- documented JSON
  headers?: Record<string, string>;
  token?: (c: Ctx) => string | null;
  /** Expected status; default 200 when the doc shows a response, else 204 (200 accepted, README §3.6). */
  expect?: number;
  /** Compare the sample with this member of the response (the sample omits the envelope). */
  within?: string;
  /** Paths (dotted, `*` for any key) of objects whose keys are data, not field names. */
  maps?: string[];
  /** Sample paths where the server legitimately differs from the sample, each with its reason. */
  differs?: Record<string, string>;
  check?: (c: Ctx, r: Reply) => void | Promise<void>;
}

// ---- shape comparison ----

function kind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function matches(pattern: string, path: string): boolean {
  const a = pattern.split(".");
  const b = path.split(".");
  return a.length === b.length && a.every((x, i) => x === "*" || x === b[i]);
}

/** Differences between a documented sample and an actual value, by shape. */
export function shapeDiff(sample: unknown, actual: unknown, opts: { maps?: string[]; differs?: Record<string, string> } = {}, path = ""): string[] {
  const here = path || "(top)";
  if (opts.differs && path in opts.differs) return [];
  // null in a sample means "unset": Vault sends null or a value depending on the state.
  if (sample === null) return [];
  const sk = kind(sample);
  const ak = kind(actual);
  if (sk !== ak) return [`${here}: documented ${sk}, got ${ak}`];
  if (sk === "array") {
    const s = sample as unknown[];
    if (s.length === 0) return [];
    return (actual as unknown[]).flatMap((a, i) => shapeDiff(s[0], a, opts, `${path}[${i}]`).slice(0, 3));
  }
  if (sk !== "object") return [];
  const s = sample as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const out: string[] = [];
  if (opts.maps?.some((m) => matches(m, path))) {
    // A map keyed by data: each actual entry has the shape of the documented entry of the same key,
    // else of the first documented entry of the same JSON type.
    const values = Object.values(s);
    for (const [k, v] of Object.entries(a)) {
      const i = values.findIndex((x) => kind(x) === kind(v));
      const like = k in s ? s[k] : values[i >= 0 ? i : 0];
      if (like !== undefined) out.push(...shapeDiff(like, v, opts, path ? `${path}.${k}` : k));
    }
    return out;
  }
  for (const [k, v] of Object.entries(s)) {
    const p = path ? `${path}.${k}` : k;
    if (!(k in a)) {
      if (!opts.differs || !(p in opts.differs)) out.push(`${p}: documented, missing`);
      continue;
    }
    out.push(...shapeDiff(v, a[k], opts, p));
  }
  return out;
}

// ---- replay ----

function docPayload(e: DocEndpoint, req: DocRequest): unknown {
  if (req.data === undefined) return undefined;
  if (req.data === "@payload.json") return e.payload;
  if (req.data.startsWith("{")) return JSON.parse(req.data);
  if (req.data.startsWith("@")) return undefined; // a binary file (Raft snapshot) the docs do not show
  return req.data;
}

async function replay(c: Ctx, e: DocEndpoint, step: Step): Promise<{ reply: Reply; ok: boolean; problems: string[] }> {
  const req = e.requests[0] ?? { method: e.routes[0]!.method, path: e.routes[0]!.path.replace(/^\//, ""), headers: {} };
  let path = step.path ? step.path(c, req.path) : req.path;
  let body = docPayload(e, req);
  if (typeof body === "string" && /^(GET|LIST|DELETE)$/.test(req.method)) {
    // `curl --request GET -d type=irrevocable` sends a form body; Vault reads GET data from the query (README §2.4).
    path += (path.includes("?") ? "&" : "?") + body;
    body = undefined;
  }
  if (step.body) body = step.body(c, body === undefined ? undefined : structuredClone(body));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...req.headers, ...(step.headers ?? {}) })) if (k.toLowerCase() !== "x-vault-token") headers[k] = v;
  const token = step.token ? step.token(c) : c.t.token;
  const reply = await call(c.t, req.method, path, {
    ...(body === undefined ? {} : typeof body === "string" ? { raw: body } : { body }),
    token,
    headers,
  });
  const problems: string[] = [];
  if (step.status !== "implemented") {
    if (reply.status !== 404 && reply.status !== 405) problems.push(`status ${reply.status}, expected 404/405 for a path the server does not serve`);
    if (!reply.body || !Array.isArray(reply.body.errors)) problems.push("body is not {\"errors\":[...]}");
    return { reply, ok: false, problems };
  }
  const sample = e.response as Record<string, unknown> | undefined;
  const want = step.expect ?? (sample !== undefined ? 200 : 204);
  const ok = reply.status === want || (want === 204 && reply.status === 200 && Array.isArray(reply.body?.warnings));
  if (!ok) problems.push(`status ${reply.status}, expected ${want}: ${reply.text.slice(0, 200)}`);
  // Only a 200 carries a body to compare (a documented response may come with an expected 204 or 400, see `why`).
  if (sample !== undefined && !("$unparsed" in sample) && ok && reply.status === 200) {
    const actual = step.within ? reply.body?.[step.within] : reply.body;
    problems.push(...shapeDiff(sample, actual, { maps: step.maps ?? [], differs: step.differs ?? {} }));
  }
  return { reply, ok, problems };
}

// ---- setup helpers ----

async function must(c: Ctx, method: string, path: string, body?: unknown, token?: string): Promise<Reply> {
  const r = await call(c.t, method, path, { ...(body === undefined ? {} : { body }), ...(token ? { token } : {}) });
  if (r.status >= 300) throw new Error(`setup ${method} ${path}: ${r.status} ${r.text.slice(0, 200)}`);
  return r;
}

async function newToken(c: Ctx, extra: Record<string, unknown> = {}): Promise<{ token: string; accessor: string }> {
  const r = await must(c, "POST", "auth/token/create", { ttl: "1h", ...extra });
  return { token: r.body.auth.client_token, accessor: r.body.auth.accessor };
}

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const tmp = mkdtempSync(join(tmpdir(), "vaultshift-docs-"));

const NO_CUSTOM = "null until custom_metadata is written, as in Vault's KV plugin";

function kvSteps(mount: string): Step[] {
  const kv = (c: Ctx, p: string) => p.replace(/^secret\//, `${c.v[mount]}/`);
  return [
    { title: "Configure the KV engine", status: "implemented", path: kv, setup: async (c) => void (await must(c, "POST", `sys/mounts/${c.v[mount]}`, { type: "kv", options: { version: "2" } })) },
    { title: "Read KV engine configuration", status: "implemented", path: kv },
    {
      title: "Create/Update secret",
      status: "implemented",
      path: kv,
      why: "run twice (cas 0, then cas 1) so that version 2, which the read sample asks for, exists",
      setup: async (c) => void (await must(c, "POST", `${c.v[mount]}/data/my-secret/child`, { data: { a: "b" } })),
      check: async (c) => void (await must(c, "POST", `${c.v[mount]}/data/my-secret`, { options: { cas: 1 }, data: { foo: "bar", zip: "zap" } })),
      differs: { "data.custom_metadata": NO_CUSTOM },
    },
    { title: "Read secret version", status: "implemented", path: kv, maps: ["data.data"], differs: { "data.metadata.custom_metadata": NO_CUSTOM } },
    { title: "Patch secret", status: "implemented", path: kv, body: (_c, p) => ({ ...p, options: { cas: 2 } }), differs: { "data.custom_metadata": NO_CUSTOM } },
    { title: "Read secret subkeys", status: "implemented", path: kv, within: "data", maps: ["subkeys"], why: "the sample omits the envelope (README §5.2)" },
    { title: "List secrets", status: "implemented", path: kv },
    { title: "Read secret metadata", status: "implemented", path: kv, maps: ["data.versions"], differs: { "data.custom_metadata": NO_CUSTOM } },
    { title: "Create/Update metadata", status: "implemented", path: kv },
    { title: "Patch metadata", status: "implemented", path: kv },
    { title: "Delete latest version of secret", status: "implemented", path: kv },
    { title: "Delete secret versions", status: "implemented", path: kv },
    { title: "Undelete secret versions", status: "implemented", path: kv },
    { title: "Destroy secret versions", status: "implemented", path: kv },
    { title: "Delete metadata and all versions", status: "implemented", path: kv },
  ];
}

const POLICY = 'path "secret/foo" {\n  capabilities = ["read"]\n}\n';
const OPENBAO_ONLY = "OpenBao-only policy CAS/expiration fields, not in HashiCorp Vault (README §9.9)";
const OPENBAO_POLICY_FIELDS = Object.fromEntries(
  ["modified", "version", "cas_required", "allow_slashes_in_identity_templates", "allow_wildcards_in_identity_templates"].map((k) => [k, OPENBAO_ONLY]),
);
const NO_ENTITY = "Vault adds identity_policies only for a token whose entity has policies (token_store.go handleLookup); the replayed token has no entity (the identity store adds them when it has one: contract/identity-store.test.ts)";
const NOT_A_RAFT_SERVER = "storage is in memory (or one encrypted file), not Raft; Vault registers sys/storage/raft/* only with Raft storage";

const PLAN: Record<string, Step[]> = {
  "openbao/docs/api/auth/token.mdx": [
    {
      title: "Create token",
      status: "implemented",
      check: (c, r) => {
        c.v.token = r.body.auth.client_token;
        c.v.accessor = r.body.auth.accessor;
      },
    },
    { title: "List accessors", status: "implemented" },
    { title: "Lookup a token", status: "implemented", body: (c) => ({ token: c.v.token }), maps: ["data.meta"], differs: { "data.identity_policies": NO_ENTITY } },
    { title: "Lookup a token (Self)", status: "implemented", token: (c) => c.v.token!, maps: ["data.meta"], differs: { "data.identity_policies": NO_ENTITY } },
    { title: "Lookup a token (Accessor)", status: "implemented", body: (c) => ({ accessor: c.v.accessor }), maps: ["data.meta"], differs: { "data.identity_policies": NO_ENTITY } },
    { title: "Renew a token", status: "implemented", body: (c, p) => ({ ...p, token: c.v.token }) },
    { title: "Renew a token (Self)", status: "implemented", token: (c) => c.v.token! },
    { title: "Renew a token (Accessor)", status: "implemented", body: (c, p) => ({ ...p, accessor: c.v.accessor }) },
    { title: "Revoke a token", status: "implemented", setup: async (c) => void (c.v.victim = (await newToken(c)).token), body: (c) => ({ token: c.v.victim }) },
    { title: "Revoke a token (Self)", status: "implemented", setup: async (c) => void (c.v.victim = (await newToken(c)).token), token: (c) => c.v.victim! },
    { title: "Revoke a token accessor", status: "implemented", setup: async (c) => void (c.v.victim = (await newToken(c)).accessor), body: (c) => ({ accessor: c.v.victim }) },
    { title: "Revoke token and orphan children", status: "implemented", setup: async (c) => void (c.v.victim = (await newToken(c)).token), body: (c) => ({ token: c.v.victim }) },
    { title: "Create/Update token role", status: "implemented" },
    { title: "Read token role", status: "implemented", differs: { "data.allowed_entity_aliases": "null when not set, as Vault's role read returns the unset slice" } },
    { title: "List token roles", status: "implemented" },
    { title: "Delete token role", status: "implemented", path: () => "auth/token/roles/nomad" },
    { title: "Tidy tokens", status: "implemented", expect: 202 },
  ],
  "openbao/docs/api/auth/approle.mdx": (() => {
    const ar = (c: Ctx, p: string) => p.replace(/^auth\/approle\//, `auth/${c.v.approle}/`);
    return [
      { title: "Create/Update AppRole", status: "implemented", path: ar, setup: async (c) => void (await must(c, "POST", `sys/auth/${c.v.approle}`, { type: "approle" })) },
      { title: "Read AppRole", status: "implemented", path: ar },
      { title: "List roles", status: "implemented", path: ar },
      { title: "Read AppRole role ID", status: "implemented", path: ar },
      {
        title: "Update AppRole role ID",
        status: "implemented",
        path: ar,
        body: (c) => ({ role_id: (c.v.roleId = unique("role-id")) }),
        expect: 204,
        why: "the page shows a response, but the handler returns nothing, so Vault and OpenBao answer 204",
      },
      {
        title: "Generate new secret ID",
        status: "implemented",
        path: ar,
        check: (c, r) => {
          c.v.secretId = r.body.data.secret_id;
          c.v.secretIdAccessor = r.body.data.secret_id_accessor;
        },
      },
      { title: "List secret ID accessors", status: "implemented", path: ar },
      { title: "Read AppRole secret ID", status: "implemented", path: ar, body: (c) => ({ secret_id: c.v.secretId }) },
      { title: "Read AppRole secret ID accessor", status: "implemented", path: ar, body: (c) => ({ secret_id_accessor: c.v.secretIdAccessor }) },
      { title: "Login with AppRole", status: "implemented", path: ar, token: () => null, body: (c) => ({ role_id: c.v.roleId, secret_id: c.v.secretId }) },
      { title: "Create custom AppRole secret ID", status: "implemented", path: ar, body: (c, p) => ({ ...p, secret_id: unique("custom") }) },
      { title: "Destroy AppRole Secret ID", status: "implemented", path: ar, body: (c) => ({ secret_id: c.v.secretId }) },
      {
        title: "Destroy AppRole Secret ID Accessor",
        status: "implemented",
        path: ar,
        setup: async (c) => void (c.v.secretIdAccessor = (await must(c, "POST", `auth/${c.v.approle}/role/application1/secret-id`, {})).body.data.secret_id_accessor),
        body: (c) => ({ secret_id_accessor: c.v.secretIdAccessor }),
      },
      { title: "Tidy tokens", status: "implemented", path: ar, expect: 202 },
      { title: "Delete AppRole", status: "implemented", path: ar },
    ];
  })(),
  "openbao/docs/api/auth/kubernetes.mdx": (() => {
    const k8s = (c: Ctx, p: string) => p.replace(/^auth\/kubernetes\//, `auth/${c.v.k8s}/`);
    return [
      {
        title: "Configure method",
        status: "implemented",
        path: k8s,
        setup: async (c) => void (await must(c, "POST", `sys/auth/${c.v.k8s}`, { type: "kubernetes" })),
        body: (_c, p) => ({ kubernetes_host: p.kubernetes_host, pem_keys: [rsa.publicKey.export({ type: "spki", format: "pem" })] }),
        why: "the sample's certificates are elided (\".....\"); a generated public key takes their place",
      },
      { title: "Read config", status: "implemented", path: k8s },
      { title: "Create/Update role", status: "implemented", path: k8s },
      {
        title: "Read role",
        status: "implemented",
        path: k8s,
        differs: {
          "data.bound_service_account_names": "the sample predates list fields; the plugin returns a list",
          "data.bound_service_account_namespaces": "the sample predates list fields; the plugin returns a list",
          "data.ttl": "legacy field, returned only when it was set (the sample's payload sets max_ttl and policies only)",
          "data.period": "legacy field, returned only when it was set",
        },
      },
      { title: "List roles", status: "implemented", path: k8s },
      {
        title: "Login",
        status: "implemented",
        path: k8s,
        token: () => null,
        body: () => ({
          role: "dev-role",
          jwt: rs256Jwt(
            {
              iss: "kubernetes/serviceaccount",
              sub: "system:serviceaccount:default:openbao-auth",
              "kubernetes.io/serviceaccount/namespace": "default",
              "kubernetes.io/serviceaccount/service-account.name": "openbao-auth",
              "kubernetes.io/serviceaccount/service-account.uid": "d77f89bc-9055-11e7-a068-0800276d99bf",
              "kubernetes.io/serviceaccount/secret.name": "openbao-auth-token-t5pcn",
            },
            rsa.privateKey,
          ),
        }),
      },
      { title: "Delete role", status: "implemented", path: k8s },
    ];
  })(),
  "openbao/docs/api/secret/kv/kv-v2.mdx": kvSteps("kv"),
  "vault-1.14/api-docs/secret/kv/kv-v2.mdx": kvSteps("kv14"),
  "openbao/docs/api/secret/transit.mdx": (() => {
    const tr = (c: Ctx, p: string) => p.replace(/^transit\//, `${c.v.transit}/`);
    const key = async (c: Ctx, name: string, body: Record<string, unknown>) => void (await must(c, "POST", `${c.v.transit}/keys/${name}`, body));
    const notServed = (title: string, why: string): Step => ({ title, status: "not-implemented", path: tr, why });
    return [
      {
        title: "Create key",
        status: "implemented",
        path: tr,
        setup: async (c) => void (await must(c, "POST", `sys/mounts/${c.v.transit}`, { type: "transit" })),
        body: () => ({ type: "aes256-gcm96" }),
        why: "the sample asks for a derived ecdsa-p256 key, which Vault refuses (no derivation for ECDSA); the later samples encrypt with my-key",
      },
      { title: "Read key", status: "implemented", path: tr, maps: ["data.keys"] },
      { title: "List keys", status: "implemented", path: tr },
      { title: "Encrypt data", status: "implemented", path: tr, check: (c, r) => void (c.v.ciphertext = r.body.data.ciphertext) },
      { title: "Decrypt data", status: "implemented", path: tr, body: (c) => ({ ciphertext: c.v.ciphertext }), check: (_c, r) => assert.equal(r.body.data.plaintext, "dGhlIHF1aWNrIGJyb3duIGZveAo=") },
      { title: "Rotate key", status: "implemented", path: tr },
      { title: "Rewrap data", status: "implemented", path: tr, body: (c) => ({ ciphertext: c.v.ciphertext }), check: (_c, r) => assert.match(r.body.data.ciphertext, /^vault:v2:/) },
      { title: "Generate data key", status: "implemented", path: tr },
      { title: "Generate random bytes", status: "implemented", path: tr },
      { title: "Hash data", status: "implemented", path: tr, body: () => ({ input: "YWRiYTMy" }), why: "the sample input is not valid base64" },
      { title: "Generate HMAC", status: "implemented", path: tr, body: () => ({ input: "YWRiYTMy" }), why: "the sample input is not valid base64" },
      {
        title: "Sign data",
        status: "implemented",
        setup: (c) => key(c, "signer", { type: "ecdsa-p256" }),
        path: (c) => `${c.v.transit}/sign/signer/sha2-512`,
        body: () => ({ input: "YWRiYTMy" }),
        check: (c, r) => void (c.v.signature = r.body.data.signature),
        why: "signing needs an asymmetric key; the sample input is not valid base64",
      },
      { title: "Verify signed data", status: "implemented", path: (c) => `${c.v.transit}/verify/signer/sha2-512`, body: (c) => ({ input: "YWRiYTMy", signature: c.v.signature }), check: (_c, r) => assert.equal(r.body.data.valid, true) },
      { title: "Export key", status: "implemented", setup: (c) => key(c, "movable", { exportable: true, allow_plaintext_backup: true }), path: (c) => `${c.v.transit}/export/encryption-key/movable/1`, maps: ["data.keys"] },
      { title: "Backup key", status: "implemented", path: (c) => `${c.v.transit}/backup/movable`, check: (c, r) => void (c.v.backup = r.body.data.backup) },
      { title: "Restore key", status: "implemented", path: (c) => `${c.v.transit}/restore/restored`, body: (c) => ({ backup: c.v.backup }), why: "a backup is only readable by the server that made it" },
      { title: "Update key configuration", status: "implemented", path: tr },
      { title: "Trim key", status: "implemented", path: tr, setup: async (c) => void (await must(c, "POST", `${c.v.transit}/keys/my-key/config`, { min_decryption_version: 2, min_encryption_version: 2 })) },
      { title: "Write keys configuration", status: "implemented", path: tr, expect: 200, check: async (c) => void (await must(c, "POST", `${c.v.transit}/config/keys`, { disable_upsert: false })) },
      { title: "Read keys configuration", status: "implemented", path: tr },
      { title: "Configure cache", status: "implemented", path: tr },
      { title: "Read transit cache configuration", status: "implemented", path: tr },
      { title: "Delete key", status: "implemented", path: tr },
      notServed("Import key", "BYOK import (wrapped with the wrapping key) is not implemented"),
      notServed("Import key version", "BYOK import is not implemented"),
      notServed("Get wrapping key", "BYOK import is not implemented"),
      notServed("Securely export key", "BYOK export is not implemented"),
      notServed("Sign CSR", "managed certificates of transit keys are not implemented"),
      notServed("Set Certificate Chain", "managed certificates of transit keys are not implemented"),
      notServed("Soft delete key", "OpenBao-only, not in HashiCorp Vault"),
      notServed("Restore soft deleted key", "OpenBao-only, not in HashiCorp Vault"),
    ];
  })(),
  "openbao/docs/api/secret/databases/index.mdx": [],
  "openbao/docs/api/system/health.mdx": [{ title: "Read health information", status: "implemented" }],
  "vault-1.14/api-docs/system/health.mdx": [{ title: "Read health information", status: "implemented", differs: { license: "Enterprise licence state" } }],
  "openbao/docs/api/system/seal-status.mdx": [{ title: "Seal status", status: "implemented", differs: { commit_date: "Vault 1.14 and OpenBao send build_date (the dev server does); the sample is from an older release" } }],
  "openbao/docs/api/system/init.mdx": [
    { title: "Read initialization status", status: "implemented" },
    { title: "Start initialization", status: "implemented", expect: 400, why: "a dev server is initialized; Vault then answers 400 \"Vault is already initialized\"" },
  ],
  "openbao/docs/api/system/unseal.mdx": [{ title: "Submit unseal key", status: "implemented", body: () => ({ reset: true }), why: "the documented key is a placeholder; a reset on an unsealed server returns the seal status" }],
  "openbao/docs/api/system/mounts.mdx": (() => {
    const m = (c: Ctx, p: string) => p.replace("/my-mount", `/${c.v.mount}`);
    return [
      { title: "List mounted secrets engines", status: "implemented", maps: ["data"] },
      { title: "Enable secrets engine", status: "implemented", path: m },
      { title: "Get the configuration of a secret engine", status: "implemented" },
      { title: "Read mount configuration", status: "implemented", path: m },
      { title: "Tune mount configuration", status: "implemented", path: m },
      { title: "Disable secrets engine", status: "implemented", path: m },
    ];
  })(),
  "openbao/docs/api/system/auth.mdx": (() => {
    const m = (c: Ctx, p: string) => p.replace("/my-auth", `/${c.v.auth}`);
    return [
      { title: "List auth methods", status: "implemented", maps: ["data"] },
      { title: "Enable auth method", status: "implemented", path: m, body: (_c, p) => ({ ...p, type: "approle" }), why: "github auth is not implemented; approle takes its place" },
      { title: "Read auth method configuration", status: "implemented", path: m },
      { title: "Read auth method tuning", status: "implemented", path: m },
      { title: "Tune auth method", status: "implemented", path: m },
      { title: "Disable auth method", status: "implemented", path: m },
    ];
  })(),
  "openbao/docs/api/system/policy.mdx": [
    { title: "Create/Update policy", status: "implemented", body: () => ({ policy: POLICY }), why: "the sample's policy text is elided" },
    { title: "Read policy", status: "implemented", differs: OPENBAO_POLICY_FIELDS },
    { title: "List policies", status: "implemented" },
    { title: "Delete policy", status: "implemented" },
  ],
  "vault-1.14/api-docs/system/policy.mdx": [
    { title: "Create/Update policy", status: "implemented", body: () => ({ policy: POLICY }), why: "the sample's policy text is elided" },
    { title: "Read policy", status: "implemented" },
    { title: "List policies", status: "implemented" },
    { title: "Delete policy", status: "implemented" },
  ],
  "openbao/docs/api/system/policies.mdx": [
    { title: "Create/Update/Patch ACL policy {#createupdate-acl-policy}", status: "implemented", body: () => ({ policy: POLICY }), why: "the sample's policy text is elided" },
    { title: "Read ACL policy", status: "implemented", within: "data", differs: OPENBAO_POLICY_FIELDS, why: "the sample shows data only" },
    { title: "List ACL policies", status: "implemented", within: "data", why: "the sample shows data only: sys/policies/acl is not copied to the top level (README §3.5)" },
    { title: "Delete ACL policy", status: "implemented" },
  ],
  "vault-1.14/api-docs/system/policies.mdx": [
    { title: "Create/Update ACL policy", status: "implemented", body: () => ({ policy: POLICY }), why: "the sample's policy text is elided" },
    { title: "Read ACL policy", status: "implemented", within: "data", why: "the sample shows data only" },
    { title: "List ACL policies", status: "implemented", within: "data", why: "the sample shows data only: sys/policies/acl is not copied to the top level (README §3.5)" },
    { title: "Delete ACL policy", status: "implemented" },
    ...["List RGP policies", "Read RGP policy", "Create/Update RGP policy", "Delete RGP policy", "List EGP policies", "Read EGP policy", "Create/Update EGP policy", "Delete EGP policy"].map(
      (title): Step => ({ title, status: "enterprise", why: "Sentinel policies are Vault Enterprise" }),
    ),
  ],
  "openbao/docs/api/system/audit.mdx": (() => {
    const m = (c: Ctx, p: string) => p.replace("/example-audit", `/${c.v.audit}`);
    return [
      { title: "Enable audit device", status: "implemented", path: m, body: () => ({ type: "file", options: { file_path: join(tmp, "audit.log") } }), why: "the log goes to a temporary file" },
      { title: "List enabled audit devices", status: "implemented", within: "data", maps: [""], why: "the sample shows the top-level copy only" },
      { title: "Disable audit device", status: "implemented", path: m },
    ];
  })(),
  "openbao/docs/api/system/audit-hash.mdx": [
    {
      title: "Calculate hash",
      status: "implemented",
      path: (c) => `sys/audit-hash/${c.v.audit}`,
      setup: async (c) => void (await must(c, "POST", `sys/audit/${c.v.audit}`, { type: "file", options: { file_path: join(tmp, "hash.log") } })),
      check: async (c) => void (await must(c, "DELETE", `sys/audit/${c.v.audit}`)),
    },
  ],
  "openbao/docs/api/system/capabilities-self.mdx": [{ title: "Query self capabilities", status: "implemented" }],
  "openbao/docs/api/system/leases.mdx": (() => {
    // The samples use a userpass login lease; the dev server's leases are those of tokens (auth/token/create/h…).
    const leaseOf = async (c: Ctx) => {
      const { accessor } = await newToken(c, { ttl: "1h" });
      // The lease of that token: list auth/token/create/ before and after would race other tests; look up each key instead.
      const keys: string[] = (await must(c, "LIST", "sys/leases/lookup/auth/token/create/")).body.data.keys;
      for (const k of keys) {
        const id = `auth/token/create/${k}`;
        const l = await call(c.t, "POST", "sys/leases/lookup", { body: { lease_id: id } });
        const tok = await call(c.t, "POST", "auth/token/lookup-accessor", { body: { accessor } });
        if (l.status === 200 && tok.status === 200 && l.body.data.issue_time && Math.abs(Date.parse(l.body.data.expire_time) - Date.parse(tok.body.data.expire_time)) < 1500) return id;
      }
      throw new Error("no lease found for a new token");
    };
    const gone = async (c: Ctx) => assert.equal((await call(c.t, "POST", "sys/leases/lookup", { body: { lease_id: c.v.lease } })).status, 400, "revoked lease still found");
    return [
      { title: "List leases", status: "implemented", path: () => "sys/leases/lookup/auth/token/create/", setup: async (c) => void (await newToken(c, { ttl: "1h" })), maps: [] },
      { title: "Read lease", status: "implemented", setup: async (c) => void (c.v.lease = await leaseOf(c)), body: (c) => ({ lease_id: c.v.lease }) },
      {
        title: "Renew lease",
        status: "implemented",
        body: (c, p) => ({ ...p, lease_id: c.v.lease }),
        expect: 400,
        why: "the page says token leases cannot be renewed here (use auth/token/renew) and the dev server issues no other leases: Vault's 400 \"tokens cannot be renewed through this endpoint\"",
        check: (_c, r) => assert.deepEqual(r.body.errors, ["tokens cannot be renewed through this endpoint"]),
      },
      { title: "Revoke lease", status: "implemented", body: (c) => ({ lease_id: c.v.lease }), check: gone },
      { title: "Revoke prefix", status: "implemented", setup: async (c) => void (c.v.lease = await leaseOf(c)), path: (c) => `sys/leases/revoke-prefix/${c.v.lease}`, check: gone },
      { title: "Revoke force", status: "implemented", setup: async (c) => void (c.v.lease = await leaseOf(c)), path: (c) => `sys/leases/revoke-force/${c.v.lease}`, check: gone },
      { title: "Tidy leases", status: "implemented", expect: 202 },
      { title: "Lease counts", status: "implemented", expect: 200 },
      { title: "Leases list", status: "implemented", expect: 200 },
    ];
  })(),
  "openbao/docs/api/system/wrapping-wrap.mdx": [{ title: "Wrapping wrap", status: "implemented", check: (c, r) => void (c.v.wrapped = r.body.wrap_info.token) }],
  "openbao/docs/api/system/wrapping-lookup.mdx": [{ title: "Wrapping lookup", status: "implemented", token: () => null, body: (c) => ({ token: c.v.wrapped }) }],
  "openbao/docs/api/system/wrapping-rewrap.mdx": [{ title: "Wrapping rewrap", status: "implemented", body: (c) => ({ token: c.v.wrapped }), check: (c, r) => void (c.v.wrapped = r.body.wrap_info.token) }],
  "openbao/docs/api/system/wrapping-unwrap.mdx": [{ title: "Wrapping unwrap", status: "implemented", body: (c) => ({ token: c.v.wrapped }), maps: ["data"] }],
  "openbao/docs/api/system/storage/raft.mdx": [],
};

// Pages whose endpoints are all one status unless listed.
const WHOLE_PAGE: Record<string, { status: Status; why: string }> = {
  "openbao/docs/api/secret/databases/index.mdx": { status: "not-implemented", why: "database engine not implemented (it needs real databases); database/ is not mounted" },
  "openbao/docs/api/system/storage/raft.mdx": { status: "not-implemented", why: NOT_A_RAFT_SERVER },
};

function stepFor(e: DocEndpoint): Step | undefined {
  const listed = PLAN[e.file]?.find((s) => s.title === e.title);
  if (listed) return listed;
  const page = WHOLE_PAGE[e.file];
  return page ? { title: e.title, ...page } : undefined;
}

const STATUS_TEXT: Record<Status, string> = {
  implemented: "implemented, matches",
  "not-implemented": "not implemented (404 + errors)",
  enterprise: "Vault Enterprise only (404 + errors)",
};

/** Where the generated part of docs/dev-server-conformance.md ends; what follows is written by hand. */
const HAND_WRITTEN_MARKER = "<!-- Written by hand below this line; the docs-samples test regenerates only the part above. -->";

/** The endpoint list of docs/dev-server-conformance.md, generated from the fixture and PLAN. */
function conformanceTable(): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = [
    "# Dev server conformance with the API documentation",
    "",
    "Generated by `src/devserver/contract/docs-samples.test.ts` (run it with",
    "`UPDATE_CONFORMANCE_TABLE=1` after changing its plan); the test fails when this",
    "page and the plan disagree. Every endpoint section of the pages below is",
    "replayed from its sample request; for implemented endpoints the status and the",
    "shape of the JSON are compared with the sample response. \"Known difference\"",
    "lists the sample fields the server legitimately does not match, with the reason;",
    "\"Note\" says how the replay departs from the sample. Sources: OpenBao",
    "`website/content/docs/api/` at `df6ce2c` and Vault `website/content/api-docs/`",
    "at `afc925b` (`release/1.14.x`), MPL-2.0.",
    "",
  ];
  for (const file of [...new Set(fixture.endpoints.map((e) => e.file))]) {
    lines.push(`## ${file}`, "", "| Endpoint | Route | Status | Known difference | Note |", "| --- | --- | --- | --- | --- |");
    for (const e of fixture.endpoints.filter((x) => x.file === file)) {
      const s = stepFor(e)!;
      const differs = Object.entries(s.differs ?? {}).map(([k, why]) => `\`${k}\`: ${why}`);
      if (s.expect !== undefined && s.expect >= 300) differs.push(`answers ${s.expect}`);
      const route = e.routes.map((r) => `\`${r.method} ${r.path}\``).join(", ");
      lines.push(`| ${cell(e.title)} | ${cell(route)} | ${STATUS_TEXT[s.status]} | ${cell(differs.join("; "))} | ${cell(s.why ?? "")} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

describe("API docs samples replayed against the server", () => {
  let c: Ctx;
  before(async () => {
    const t = await openTarget();
    c = { t, v: { transit: unique("docs-transit"), kv: unique("docs-kv"), kv14: unique("docs-kv"), approle: unique("docs-approle"), k8s: unique("docs-k8s"), mount: unique("docs-mount"), auth: unique("docs-auth"), audit: unique("docs-audit") } };
  });
  after(async () => {
    // Against a real Vault, leave nothing behind (a dev server is discarded anyway).
    for (const m of [c.v.kv, c.v.kv14, c.v.mount, c.v.transit]) await call(c.t, "DELETE", `sys/mounts/${m}`);
    for (const m of [c.v.approle, c.v.k8s, c.v.auth]) await call(c.t, "DELETE", `sys/auth/${m}`);
    await call(c.t, "DELETE", `sys/audit/${c.v.audit}`);
    await c.t.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test("the fixture keeps its provenance and licence", () => {
    assert.equal(fixture.license, "MPL-2.0");
    assert.ok(fixture.endpoints.length > 100);
    for (const e of fixture.endpoints) assert.match(e.source.commit, /^[0-9a-f]{40}$/, e.title);
  });

  test("every documented endpoint has a status, and every step names a documented endpoint", (t) => {
    const missing = fixture.endpoints.filter((e) => !stepFor(e)).map((e) => `${e.file}: ${e.title}`);
    assert.deepEqual(missing, []);
    const titles = new Set(fixture.endpoints.map((e) => `${e.file}#${e.title}`));
    const stale = Object.entries(PLAN).flatMap(([file, steps]) => steps.filter((s) => !titles.has(`${file}#${s.title}`)).map((s) => `${file}: ${s.title}`));
    assert.deepEqual(stale, []);
    // The counts docs/dev-server.md quotes ("Conformance with the API docs").
    const counts = new Map<string, number>();
    for (const e of fixture.endpoints) {
      const s = stepFor(e)!;
      const differs = s.differs !== undefined || (s.expect !== undefined && s.expect >= 300);
      const key = `${s.status}${differs ? " with a known, documented difference" : ""}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    t.diagnostic(`${fixture.endpoints.length} documented endpoints: ${[...counts].map(([k, n]) => `${n} ${k}`).join(", ")}`);
  });

  test("docs/dev-server-conformance.md lists every documented endpoint with the status this test uses", () => {
    const path = join(root, "docs/dev-server-conformance.md");
    const want = conformanceTable();
    // The page is the generated table, then (after HAND_WRITTEN_MARKER) the real-client sweeps, which regeneration keeps.
    const page = readFileSync(path, "utf8");
    const cut = page.indexOf(HAND_WRITTEN_MARKER);
    // UPDATE_CONFORMANCE_TABLE=1 node scripts/run-tests.js docs-samples rewrites the page after a plan change.
    if (process.env.UPDATE_CONFORMANCE_TABLE === "1") writeFileSync(path, want + (cut < 0 ? "" : page.slice(cut)));
    assert.equal(cut < 0 ? page : page.slice(0, cut), want, "the page is out of date: regenerate it with UPDATE_CONFORMANCE_TABLE=1");
  });

  const pages = [...new Set(fixture.endpoints.map((e) => e.file))];
  for (const file of pages) {
    test(`${file}: documented requests get the documented status and response shape`, async () => {
      const endpoints = fixture.endpoints.filter((e) => e.file === file);
      // Run in the plan's order (create before read, read before delete), then the rest in page order.
      const order = PLAN[file] ?? [];
      endpoints.sort((a, b) => {
        const ia = order.findIndex((s) => s.title === a.title);
        const ib = order.findIndex((s) => s.title === b.title);
        return (ia < 0 ? 1e6 : ia) - (ib < 0 ? 1e6 : ib);
      });
      const problems: string[] = [];
      for (const e of endpoints) {
        const step = stepFor(e);
        if (!step) continue;
        await step.setup?.(c);
        const { reply, ok, problems: p } = await replay(c, e, step);
        problems.push(...p.map((x) => `${e.title}: ${x}`));
        if (ok) await step.check?.(c, reply);
      }
      assert.deepEqual(problems, []);
    });
  }

  test("shape comparison itself: keys, types, arrays, maps and nulls", () => {
    assert.deepEqual(shapeDiff({ a: 1, b: { c: "x" } }, { a: 2, b: { c: "y" }, extra: true }), []);
    assert.deepEqual(shapeDiff({ a: 1 }, { a: "1" }), ["a: documented number, got string"]);
    assert.deepEqual(shapeDiff({ a: { b: 1 } }, { a: {} }), ["a.b: documented, missing"]);
    assert.deepEqual(shapeDiff({ a: [{ k: 1 }] }, { a: [{ k: 1 }, { k: "x" }] }), ["a[1].k: documented number, got string"]);
    assert.deepEqual(shapeDiff({ m: { "x/": { t: "s" } } }, { m: { "y/": { t: 1 } } }, { maps: ["m"] }), ["m.y/.t: documented string, got number"]);
    assert.deepEqual(shapeDiff({ a: null }, { a: { any: 1 } }), []);
    assert.deepEqual(shapeDiff({ a: 1, gone: 2, t: "s" }, { a: 1, t: 2 }, { differs: { gone: "reason", t: "reason" } }), []);
  });
});
