import { unsupportedPath } from "./http-error.js";
import type { Backend } from "./request.js";

// The paths each backend registers, as Vault's framework.Backend registers
// its Paths: the backend answers only these (anything else is 404
// "unsupported path", before its handler runs), and the OpenAPI document of
// sys/internal/specs/openapi and `?help=1` is built from the same list
// (openapi.ts). A route added to a backend is therefore served and documented
// by the one line that registers it.
//
// Each route is [path template, operations, flags]: operations r = read
// (GET), l = list (LIST or GET ?list=true), w = write (POST/PUT), d = delete,
// p = patch; flags s = sudo, u = unauthenticated, c = create supported
// (x-vault-createSupported), h = hidden (served, left out of the document).
// `{path}` spans slashes and may be empty, as framework.MatchAllRegex;
// `{prefix}` and `{url_lease_id}` span slashes (lease IDs and prefixes are
// paths); any other `{name}` is one path segment.

export type Route = readonly [path: string, ops: string, flags?: string];

export interface RoutedBackend extends Backend {
  readonly routes: readonly Route[];
}

const patterns = new Map<string, RegExp>();

/** The regular expression of a route template, matched against a mount-relative path without its trailing slash. */
export function routePattern(template: string): RegExp {
  let re = patterns.get(template);
  if (!re) {
    const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    const body = escaped
      .replace(/^\{path\}$/, ".*")
      .replace(/\/\{path\}/g, "(?:/.*)?")
      .replace(/\{(prefix|url_lease_id)\}/g, ".+")
      .replace(/\{[^}]+\}/g, "[^/]+");
    re = new RegExp(`^${body}$`);
    patterns.set(template, re);
  }
  return re;
}

export function matchRoute(routes: readonly Route[], rel: string): Route | undefined {
  const path = rel.replace(/\/+$/, "");
  return routes.find(([template]) => routePattern(template).test(path));
}

/** `backend`, answering only on `routes` (404 unsupported path elsewhere), with the routes attached for OpenAPI. */
export function routed(routes: readonly Route[], backend: Backend): RoutedBackend {
  return {
    routes,
    ...(backend.exists ? { exists: backend.exists } : {}),
    handle(req) {
      if (!matchRoute(routes, req.rel)) throw unsupportedPath();
      return backend.handle(req);
    },
  };
}
