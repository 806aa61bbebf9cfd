import type { MountEntry } from "./state.js";

// GET sys/internal/specs/openapi: an OpenAPI 3.0.2 document of the paths this
// server serves, as Vault builds one (vault/logical_system.go
// pathInternalOpenAPI; api-docs/system/internal-specs-openapi): every mount
// the caller can see (the same filter as sys/internal/ui/mounts) contributes
// its backend's paths, prefixed with the mount path, so a mount moved with
// `-path` shows where it really is; raw JSON, no envelope; unauthenticated
// (then no mount is visible, as no mount here has `listing_visibility` unauth).
//
// Vault generates the document from each backend's route table; this server
// has none, so the routes are listed here per backend. Each entry is
// [path template, operations, flags]: operations r = read (GET), l = list
// (GET ?list=true), w = write (POST), d = delete, p = patch; flags s = sudo,
// u = unauthenticated, c = create supported (x-vault-createSupported).
// The contract test replays every read and list operation of the document
// against the server, so a route listed here that the server does not serve
// fails it.

type Route = readonly [path: string, ops: string, flags?: string];

const KV2: Route[] = [
  ["config", "rw"],
  ["data/{path}", "rwdp", "c"],
  ["delete/{path}", "w"],
  ["undelete/{path}", "w"],
  ["destroy/{path}", "w"],
  ["metadata/{path}", "rlwdp", "c"],
  ["subkeys/{path}", "r"],
];

const KV1: Route[] = [["{path}", "rlwd", "c"]];

const TRANSIT: Route[] = [
  ["keys", "l"],
  ["keys/{name}", "rwd"],
  ["keys/{name}/config", "w"],
  ["keys/{name}/rotate", "w"],
  ["keys/{name}/trim", "w"],
  ["export/{type}/{name}", "r"],
  ["export/{type}/{name}/{version}", "r"],
  ["encrypt/{name}", "w", "c"],
  ["decrypt/{name}", "w"],
  ["rewrap/{name}", "w"],
  ["datakey/{plaintext}/{name}", "w"],
  ["random", "w"],
  ["random/{urlbytes}", "w"],
  ["hash", "w"],
  ["hash/{urlalgorithm}", "w"],
  ["hmac/{name}", "w"],
  ["hmac/{name}/{urlalgorithm}", "w"],
  ["sign/{name}", "w"],
  ["sign/{name}/{urlalgorithm}", "w"],
  ["verify/{name}", "w"],
  ["verify/{name}/{urlalgorithm}", "w"],
  ["backup/{name}", "r"],
  ["restore", "w"],
  ["restore/{name}", "w"],
  ["config/keys", "rw"],
  ["cache-config", "rw"],
];

const SYSTEM: Route[] = [
  ["health", "r", "u"],
  ["seal-status", "r", "u"],
  ["seal", "w", "s"],
  ["unseal", "w", "u"],
  ["init", "rw", "u"],
  ["leader", "r", "u"],
  ["mounts", "r"],
  ["mounts/{path}", "rwd"],
  ["mounts/{path}/tune", "rw"],
  ["auth", "r"],
  ["auth/{path}", "rwd", "s"],
  ["auth/{path}/tune", "rw", "s"],
  ["remount", "w", "s"],
  ["generate-root/attempt", "rwd", "u"],
  ["generate-root/update", "w", "u"],
  ["rekey/init", "rwd", "u"],
  ["rekey/update", "w", "u"],
  ["rekey/verify", "rwd", "u"],
  ["policy", "r"],
  ["policy/{name}", "rwd"],
  ["policies/acl", "l"],
  ["policies/acl/{name}", "rwd"],
  ["capabilities", "w"],
  ["capabilities-self", "w"],
  ["capabilities-accessor", "w"],
  ["audit", "r", "s"],
  ["audit/{path}", "wd", "s"],
  ["audit-hash/{path}", "w"],
  ["wrapping/lookup", "rw", "u"],
  ["wrapping/unwrap", "w"],
  ["wrapping/wrap", "w"],
  ["wrapping/rewrap", "w"],
  ["tools/hash", "w"],
  ["tools/hash/{urlalgorithm}", "w"],
  ["tools/random", "w"],
  ["tools/random/{urlbytes}", "w"],
  ["leases", "r"],
  ["leases/count", "r"],
  ["leases/lookup", "w"],
  ["leases/lookup/{prefix}", "l", "s"],
  ["leases/renew", "w"],
  ["leases/renew/{url_lease_id}", "w"],
  ["leases/revoke", "w"],
  ["leases/revoke/{url_lease_id}", "w"],
  ["leases/revoke-prefix/{prefix}", "w", "s"],
  ["leases/revoke-force/{prefix}", "w", "s"],
  ["leases/tidy", "w"],
  ["renew", "w"],
  ["revoke", "w"],
  ["version-history", "l"],
  ["plugins/catalog", "r"],
  ["plugins/catalog/{type}", "l"],
  ["ha-status", "r"],
  ["key-status", "r"],
  ["rotate", "w", "s"],
  ["step-down", "w", "s"],
  ["host-info", "r"],
  ["in-flight-req", "r"],
  ["internal/ui/mounts", "r", "u"],
  ["internal/ui/mounts/{path}", "r", "u"],
  ["internal/ui/resultant-acl", "r"],
  ["internal/ui/feature-flags", "r", "u"],
  ["internal/counters/tokens", "r"],
  ["internal/counters/entities", "r"],
  ["internal/counters/activity", "r"],
  ["internal/counters/activity/monthly", "r"],
  ["internal/counters/config", "rw"],
  ["internal/specs/openapi", "r", "u"],
  ["metrics", "r"],
  ["config/cors", "rwd", "s"],
];

const TOKEN: Route[] = [
  ["accessors", "l", "s"],
  ["create", "w"],
  ["create-orphan", "w"],
  ["create/{role_name}", "w"],
  ["lookup", "w"],
  ["lookup-self", "r"],
  ["lookup-accessor", "w"],
  ["renew", "w"],
  ["renew-self", "w"],
  ["renew-accessor", "w"],
  ["revoke", "w"],
  ["revoke-self", "w"],
  ["revoke-accessor", "w"],
  ["revoke-orphan", "w", "s"],
  ["roles", "l"],
  ["roles/{role_name}", "rwd", "c"],
  ["tidy", "w"],
];

const APPROLE: Route[] = [
  ["login", "w", "u"],
  ["role", "l"],
  ["role/{role_name}", "rwd", "c"],
  ["role/{role_name}/role-id", "rw"],
  ["role/{role_name}/secret-id", "lw"],
  ["role/{role_name}/custom-secret-id", "w"],
  ["role/{role_name}/secret-id/lookup", "w"],
  ["role/{role_name}/secret-id/destroy", "wd"],
  ["role/{role_name}/secret-id-accessor/lookup", "w"],
  ["role/{role_name}/secret-id-accessor/destroy", "wd"],
  ["tidy/secret-id", "w"],
];

const KUBERNETES: Route[] = [
  ["login", "w", "u"],
  ["config", "rw"],
  ["role", "l"],
  ["role/{name}", "rwd", "c"],
];

const JWT: Route[] = [
  ["login", "w", "u"],
  ["config", "rw"],
  ["role", "l"],
  ["role/{name}", "rwd", "c"],
];

const USERPASS: Route[] = [
  ["login/{username}", "w", "u"],
  ["users", "l"],
  ["users/{username}", "rwd", "c"],
  ["users/{username}/password", "w"],
  ["users/{username}/policies", "w"],
];

const IDENTITY: Route[] = [
  ["entity/id", "l"],
  ["entity/id/{id}", "r"],
  ["entity/name", "l"],
  ["entity/name/{name}", "r"],
  ["entity-alias/id", "l"],
  ["entity-alias/id/{id}", "r"],
  ["group/id", "l"],
  ["group/id/{id}", "r"],
  ["group/name", "l"],
  ["group/name/{name}", "r"],
  ["group-alias/id", "l"],
  ["group-alias/id/{id}", "r"],
  ["oidc/token/{name}", "r"],
];

/** The routes of the backend serving `mount` (core.ts `route` picks the same backend), or none (unknown types). */
function routesOf(mount: MountEntry, auth: boolean): Route[] {
  if (auth) return { token: TOKEN, approle: APPROLE, kubernetes: KUBERNETES, jwt: JWT, userpass: USERPASS }[mount.type] ?? [];
  switch (mount.type) {
    case "kv":
      return mount.options?.version === "2" ? KV2 : KV1;
    case "cubbyhole":
      return KV1;
    case "transit":
      return TRANSIT;
    case "system":
      return SYSTEM;
    case "identity":
      return IDENTITY;
    default:
      return [];
  }
}

const RESPONSES = { "200": { description: "OK" }, "204": { description: "empty body" } };

/** A mount the caller may see: `prefix` is its path under /v1/ ("secret/", "auth/approle/", "sys/"). */
export interface VisibleMount {
  prefix: string;
  mount: MountEntry;
  auth: boolean;
}

/** The OpenAPI 3.0.2 document (framework.NewOASDocument's shape: info, paths, components). */
export function openApiDocument(mounts: VisibleMount[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = new Set<string>();
  for (const { prefix, mount, auth } of mounts) {
    const tag = auth ? "auth" : mount.type === "system" ? "system" : mount.type === "identity" ? "identity" : "secrets";
    for (const [template, ops, flags = ""] of routesOf(mount, auth)) {
      const full = `/${prefix}${template}`;
      const params = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" }, description: `The ${m[1].replace(/^url_?/, "")} in the URL.` }));
      const item: Record<string, unknown> = { description: `${mount.type} (${prefix})` };
      if (params.length > 0) item.parameters = params;
      if (flags.includes("s")) item["x-vault-sudo"] = true;
      if (flags.includes("u")) item["x-vault-unauthenticated"] = true;
      if (flags.includes("c")) item["x-vault-createSupported"] = true;
      const operation = (verb: string, summary: string, extra: Record<string, unknown> = {}) => {
        let id = `${verb}-${full.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
        while (ids.has(id)) id += "-";
        ids.add(id);
        return { summary, operationId: id, tags: [tag], ...extra, responses: RESPONSES };
      };
      if (ops.includes("r") || ops.includes("l")) {
        const list = { name: "list", in: "query", required: !ops.includes("r"), description: "Return a list if `true`", schema: { type: "string", ...(ops.includes("r") ? {} : { enum: ["true"] }) } };
        item.get = operation(ops.includes("r") ? "read" : "list", ops.includes("r") ? `Read ${template}` : `List ${template}`, ops.includes("l") ? { parameters: [list] } : {});
      }
      if (ops.includes("w")) {
        item.post = operation("write", `Write ${template}`, { requestBody: { content: { "application/json": { schema: { type: "object" } } } } });
      }
      if (ops.includes("p")) {
        item.patch = operation("patch", `Patch ${template}`, { requestBody: { content: { "application/merge-patch+json": { schema: { type: "object" } } } } });
      }
      if (ops.includes("d")) item.delete = operation("delete", `Delete ${template}`);
      paths[full] = item;
    }
  }
  return {
    openapi: "3.0.2",
    info: {
      title: "HashiCorp Vault API",
      description: "HTTP API that gives you full access to Vault. All API routes are prefixed with `/v1/`.",
      version,
      license: { name: "Mozilla Public License 2.0", url: "https://www.mozilla.org/en-US/MPL/2.0" },
    },
    paths,
    components: { schemas: {} },
  };
}

/**
 * What `?help=1` answers in `openapi` for one request path: the routes of its mount whose template matches the
 * path (framework/backend.go answers a path's help with the OpenAPI description of the matching path pattern).
 * `{path}` spans slashes, as KV paths do; every other parameter is one segment.
 */
export function openApiForPath(mount: VisibleMount | undefined, rel: string, version: string): Record<string, unknown> {
  const doc = openApiDocument(mount ? [mount] : [], version);
  const paths = doc.paths as Record<string, unknown>;
  const wanted = rel.replace(/\/+$/, "");
  for (const key of Object.keys(paths)) {
    const template = key.slice(1 + mount!.prefix.length);
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{path\}/g, ".+").replace(/\{[^}]+\}/g, "[^/]+");
    if (!new RegExp(`^${pattern}$`).test(wanted)) delete paths[key];
  }
  return doc;
}
