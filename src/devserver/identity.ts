import { badRequest, notFound, unsupportedPath } from "./http-error.js";
import type { Backend } from "./request.js";

// The identity/ mount as an empty identity store: no token here has an entity
// (every token's `entity_id` is ""), so reads answer what Vault answers when
// the store holds nothing (vault/identity_store_entities.go,
// identity_store_groups.go, identity_store_aliases.go, identity_store_oidc.go):
// - LIST entity/id, entity/name, entity-alias/id, group/id, group/name,
//   group-alias/id: no keys, so 404 {"errors":[]} (http/logical.go answers an
//   empty list with 404);
// - GET of one of them by ID or name: the handler returns nothing, 404
//   {"errors":[]};
// - GET identity/oidc/token/:name (OIDC ID tokens for auth helpers): 400
//   `role "<name>" not found`, the handler's first check; with no way to
//   create roles, no request gets past it (Vault's next refusal for a token
//   without an entity would be "no entity associated with the request's token").
// Creating entities, groups, aliases or OIDC roles is not supported (404
// unsupported path, as before): that needs entities, aliases and group policies
// feeding every token's ACL.

const COLLECTIONS = new Set(["entity/id", "entity/name", "entity-alias/id", "group/id", "group/name", "group-alias/id"]);

export function identityBackend(): Backend {
  return {
    handle(req) {
      const rel = req.rel.replace(/\/$/, "");
      const oidcToken = /^oidc\/token\/([^/]+)$/.exec(rel);
      if (oidcToken) {
        if (req.operation !== "read") throw unsupportedPath();
        throw badRequest(`role "${oidcToken[1]}" not found`);
      }
      if (COLLECTIONS.has(rel) && req.operation === "list") throw notFound();
      const slash = rel.lastIndexOf("/");
      if (slash > 0 && COLLECTIONS.has(rel.slice(0, slash)) && req.operation === "read") throw notFound();
      throw unsupportedPath();
    },
  };
}
