import { timestamp } from "./ids.js";
import { badRequest } from "./http-error.js";
import type { State, TokenEntry } from "./state.js";
import type { TokenStore } from "./tokens.js";

// Response wrapping (openbao/docs/concepts/response-wrapping.mdx,
// api/system/wrapping-*.mdx; README §13): the response is stored in the
// cubbyhole of a new single-use token whose TTL is the wrap TTL, and only
// `wrap_info` is returned. The wrapping token carries the built-in
// `response-wrapping` policy only.

export const WRAPPING_POLICY = "response-wrapping";
const INVALID = "wrapping token is not valid or does not exist";

export class Wrapping {
  constructor(
    private readonly state: State,
    private readonly tokens: TokenStore,
  ) {}

  wrap(body: unknown, ttl: number, creationPath: string, wrappedAccessor: string): Record<string, unknown> {
    const token = this.tokens.create({
      policies: [WRAPPING_POLICY],
      noDefaultPolicy: true,
      parent: "",
      path: creationPath,
      displayName: "",
      ttl,
      maxTtl: ttl,
      numUses: 1,
      renewable: false,
    });
    const creationTime = timestamp(token.creationTime);
    this.state.cubbyhole.set(
      token.id,
      new Map([
        // As Vault's wrapInCubbyhole: cubbyhole/response holds {"response": "<the response as a JSON string>"}, which
        // legacy unwrapping (Spring Vault's UnwrappingEndpoints.Cubbyhole) reads with the wrapping token.
        ["response", JSON.stringify({ response: JSON.stringify(body) })],
        ["meta", JSON.stringify({ creation_path: creationPath, creation_time: creationTime, creation_ttl: ttl })],
      ]),
    );
    const wrapInfo: Record<string, unknown> = { token: token.id, accessor: token.accessor, ttl, creation_time: creationTime, creation_path: creationPath };
    if (wrappedAccessor) wrapInfo.wrapped_accessor = wrappedAccessor;
    return { request_id: "", lease_id: "", renewable: false, lease_duration: 0, data: null, wrap_info: wrapInfo, warnings: null, auth: null };
  }

  private entry(id: string): TokenEntry {
    const t = this.tokens.valid(id);
    if (!t || !t.policies.includes(WRAPPING_POLICY) || !this.state.cubbyhole.get(t.id)?.has("response")) throw badRequest(INVALID);
    return t;
  }

  /** The wrapped response kept in the token's cubbyhole (stores from before the {"response": …} layout hold it bare). */
  private storedBody(t: TokenEntry): unknown {
    const stored = JSON.parse(this.state.cubbyhole.get(t.id)!.get("response")!) as Record<string, unknown>;
    const keys = Object.keys(stored);
    return keys.length === 1 && keys[0] === "response" && typeof stored.response === "string" ? (JSON.parse(stored.response) as unknown) : stored;
  }

  /** The stored response; the wrapping token is revoked (single use). */
  unwrap(id: string): unknown {
    const t = this.entry(id);
    const body = this.storedBody(t);
    this.tokens.revokeTree(t.id);
    return body;
  }

  lookup(id: string): Record<string, unknown> {
    const t = this.entry(id);
    return JSON.parse(this.state.cubbyhole.get(t.id)!.get("meta")!) as Record<string, unknown>;
  }

  /** Moves the stored response to a new wrapping token (sys/wrapping/rewrap). */
  rewrapBody(id: string): { body: unknown; ttl: number } {
    const t = this.entry(id);
    const body = this.storedBody(t);
    this.tokens.revokeTree(t.id);
    return { body, ttl: t.creationTtl };
  }
}
