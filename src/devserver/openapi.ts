import type { MountEntry } from "./state.js";
import { routePattern, type Route } from "./routes.js";

// GET sys/internal/specs/openapi: an OpenAPI 3.0.2 document of the paths this
// server serves, as Vault builds one (vault/logical_system.go
// pathInternalOpenAPI; api-docs/system/internal-specs-openapi): every mount
// the caller can see (the same filter as sys/internal/ui/mounts) contributes
// its backend's paths, prefixed with the mount path, so a mount moved with
// `-path` shows where it really is; raw JSON, no envelope; unauthenticated
// (then no mount is visible, as no mount here has `listing_visibility` unauth).
//
// As in Vault, the document comes from the routes each backend registers
// (routes.ts: the backend answers on those only, so what is served and what is
// documented are one list). The contract test replays every read and list
// operation of the document against the server.













const RESPONSES = { "200": { description: "OK" }, "204": { description: "empty body" } };

/** A mount the caller may see: `prefix` is its path under /v1/ ("secret/", "auth/approle/", "sys/"). */
export interface VisibleMount {
  prefix: string;
  mount: MountEntry;
  auth: boolean;
  /** The routes the mount's backend registers. */
  routes: readonly Route[];
}

/** The OpenAPI 3.0.2 document (framework.NewOASDocument's shape: info, paths, components). */
export function openApiDocument(mounts: VisibleMount[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = new Set<string>();
  for (const { prefix, mount, auth, routes } of mounts) {
    const tag = auth ? "auth" : mount.type === "system" ? "system" : mount.type === "identity" ? "identity" : "secrets";
    for (const [template, ops, flags = ""] of routes) {
      if (flags.includes("h")) continue;
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
    if (!routePattern(key.slice(1 + mount!.prefix.length)).test(wanted)) delete paths[key];
  }
  return doc;
}
