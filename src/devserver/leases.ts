import { createHash } from "node:crypto";
import { timestamp } from "./ids.js";
import { badRequest, notFound, unsupportedOperation, unsupportedPath } from "./http-error.js";
import { duration, str } from "./fields.js";
import type { LogicalRequest, LogicalResponse } from "./request.js";
import type { TokenStore } from "./tokens.js";
import type { TokenEntry } from "./state.js";

// sys/leases (openbao/docs/api/system/leases.mdx; concepts/lease.mdx). The
// only leases this server issues are those of tokens with a TTL, as in Vault,
// where a token's lease ID is its creation path plus a hash of the token
// ("auth/token/create/h…", "auth/approle/login/h…"): the token ID itself never
// appears. Lookup, list, revoke and revoke-prefix work on them, as the samples
// of leases.mdx show for a userpass login lease; renewal does not ("Token
// leases cannot be renewed using this endpoint, use instead the
// auth/token/renew endpoint", leases.mdx).

/** Vault-style lease ID of a token: creation path + "/h" + a hash of the token (not reversible). */
export function tokenLeaseId(t: TokenEntry): string {
  const hash = createHash("sha256").update(`lease:${t.id}`).digest("hex");
  return `${t.path.replace(/\/+$/, "")}/h${hash}`;
}

function leases(tokens: TokenStore): Map<string, TokenEntry> {
  const out = new Map<string, TokenEntry>();
  for (const id of [...tokens.state.tokens.keys()]) {
    const t = tokens.valid(id);
    if (t && t.expireTime !== 0 && t.type !== "batch") out.set(tokenLeaseId(t), t);
  }
  return out;
}

function leaseIdOf(req: LogicalRequest, rest: string): string {
  const id = str(req.data, "lease_id") || str(req.data, "lease") || rest;
  if (id === "") throw badRequest("lease_id must be specified");
  return id.replace(/^\/+/, "");
}

/** Handles `sys/leases/<rest>` and the legacy `sys/renew/<id>`, `sys/revoke/<id>`, `sys/revoke-prefix/<p>`, `sys/revoke-force/<p>`. */
export function handleLeases(req: LogicalRequest, tokens: TokenStore, op: string, rest: string): LogicalResponse | undefined {
  const post = req.operation === "update" || req.operation === "create";
  switch (op) {
    case "lookup": {
      if (req.operation === "list") {
        // Keys one level below the prefix, folders with a trailing slash (as a KV list).
        const prefix = rest.replace(/^\/+/, "");
        const keys = new Set<string>();
        for (const id of leases(tokens).keys()) {
          if (!id.startsWith(prefix)) continue;
          const tail = id.slice(prefix.length);
          const slash = tail.indexOf("/");
          keys.add(slash < 0 ? tail : tail.slice(0, slash + 1));
        }
        if (keys.size === 0) throw notFound(); // an empty list is 404, as every Vault LIST
        return { data: { keys: [...keys].sort() } };
      }
      if (!post || rest !== "") throw unsupportedOperation();
      const id = leaseIdOf(req, "");
      const t = leases(tokens).get(id);
      if (!t) throw badRequest("invalid lease");
      return {
        data: {
          id,
          path: t.path.replace(/\/+$/, ""),
          issue_time: timestamp(t.creationTime),
          expire_time: timestamp(t.expireTime),
          last_renewal: t.lastRenewalTime ? timestamp(t.lastRenewalTime) : null,
          renewable: t.renewable,
          ttl: Math.max(0, Math.round((t.expireTime - Date.now()) / 1000)),
        },
      };
    }
    case "renew": {
      if (!post) throw unsupportedOperation();
      const id = leaseIdOf(req, rest);
      const t = leases(tokens).get(id);
      if (!t) throw badRequest("lease not found");
      // Vault's ExpirationManager.Renew: a non-renewable lease first, then an auth (token) lease is refused with
      // this message and 400 (vault/expiration.go; 1.10+ returns the error response without ErrPermissionDenied).
      if (!t.renewable) throw badRequest("lease is not renewable");
      duration(req.data, "increment"); // still validated: a malformed increment is a 400 of its own
      throw badRequest("tokens cannot be renewed through this endpoint");
    }
    case "revoke": {
      if (!post && req.operation !== "delete") throw unsupportedOperation();
      const id = leaseIdOf(req, rest);
      const t = leases(tokens).get(id);
      if (t) tokens.revokeTree(t.id); // an unknown lease is already gone: 204, as Vault
      return undefined;
    }
    case "revoke-prefix":
    case "revoke-force": {
      if (!post) throw unsupportedOperation();
      const prefix = rest.replace(/^\/+/, "");
      if (prefix === "") throw badRequest("prefix is required");
      for (const [id, t] of leases(tokens)) if (id.startsWith(prefix)) tokens.revokeTree(t.id);
      return undefined;
    }
    case "tidy":
      if (!post) throw unsupportedOperation();
      leases(tokens); // expired tokens are revoked on sight
      return { status: 202, data: null, warnings: ["Tidy operation successfully started. Any information from the operation will be printed to Vault's server logs."] };
    case "count":
      if (req.operation !== "read") throw unsupportedOperation();
      // Irrevocable leases are those whose revocation failed; this server has none.
      return { data: { lease_count: 0, counts: {} } };
    case "":
      if (req.operation !== "read") throw unsupportedOperation();
      return { data: { lease_count: 0, leases: {} } };
    default:
      throw unsupportedPath();
  }
}
