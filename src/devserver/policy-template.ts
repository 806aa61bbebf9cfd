import { parseDuration } from "./duration.js";
import type { Entity, Group } from "./identity-store.js";

// Templated policy paths (concepts/policies.mdx "Templated policies"; Vault's
// sdk/helper/identitytpl PopulateString in ACL mode). A path such as
// `secret/data/{{identity.entity.id}}/*` is checked for balanced braces when
// the policy is written, and filled in from the token's entity and groups each
// time an ACL is built. A path whose template cannot be filled in (no entity,
// an unknown parameter, a missing metadata key, a group the entity is not in)
// is left out of the ACL: it grants nothing, and the policy's other paths
// still apply (vault/policy.go parsePaths: `if err != nil { continue }`).

export class TemplateError extends Error {
  override name = "TemplateError";
}

/** What a template can read: the token's entity and its groups (direct, then inherited). */
export interface TemplateContext {
  entity: Entity | undefined;
  groups: Group[];
  /** Unix seconds for `time.now`; defaults to the clock. */
  now?: number;
}

const UNBALANCED = "unbalanced templating characters";

/** Whether `text` holds `{{…}}` directives; throws TemplateError when its braces do not pair (ValidityCheckOnly). */
export function hasTemplating(text: string): boolean {
  return scan(text, undefined) !== undefined;
}

/**
 * `text` with every `{{parameter}}` filled in from `ctx`; throws TemplateError
 * when a directive cannot be filled in, or when a value would put a glob (`*`,
 * `+`) into the path (later Vault releases refuse these: a value such as an
 * alias name must not widen the path it is put into).
 */
export function populateTemplate(text: string, ctx: TemplateContext): string {
  return scan(text, ctx) ?? text;
}

/** Splits as PopulateString does; undefined when `text` has no directive. With no context only the braces are checked. */
function scan(text: string, ctx: TemplateContext | undefined): string | undefined {
  const pieces = text.split("{{");
  if (pieces[0]!.includes("}}")) throw new TemplateError(UNBALANCED);
  if (pieces.length === 1) return undefined;
  let out = pieces[0]!;
  for (const piece of pieces.slice(1)) {
    const parts = piece.split("}}");
    if (parts.length !== 2) throw new TemplateError(UNBALANCED);
    if (!ctx) continue;
    const value = parameter(parts[0]!.trim(), ctx);
    if (/[*+]/.test(value)) throw new TemplateError("globs and wildcards are not allowed in template result");
    out += value + parts[1]!;
  }
  return out;
}

const notFound = (): TemplateError => new TemplateError("no value could be found for one of the template directives");

/** A string value: an empty one is no value. */
function text(value: string | undefined): string {
  if (!value) throw notFound();
  return value;
}

/** `metadata.<key>` of a map (ACL mode has no rendering of a whole map or list). */
function fromMap(map: Record<string, string> | null, key: string | undefined): string {
  if (key === undefined || !map || !Object.hasOwn(map, key)) throw notFound();
  return map[key]!;
}

/** One directive's value (no glob check: identity token claims are not paths). */
export function parameter(input: string, ctx: TemplateContext): string {
  if (input.startsWith("identity.entity.")) {
    if (!ctx.entity) throw new TemplateError("string contains entity template directives but no entity was provided");
    return entityParameter(input.slice("identity.entity.".length), ctx.entity);
  }
  if (input.startsWith("identity.groups.")) {
    if (ctx.groups.length === 0) throw new TemplateError("string contains groups template directives but no groups were provided");
    return groupParameter(input.slice("identity.groups.".length), ctx.groups);
  }
  if (input.startsWith("time.")) return timeParameter(input.slice("time.".length), ctx.now ?? Math.floor(Date.now() / 1000));
  throw notFound();
}

function entityParameter(rest: string, entity: Entity): string {
  if (rest === "id") return text(entity.id);
  if (rest === "name") return text(entity.name);
  if (rest.startsWith("metadata.")) return fromMap(entity.metadata, rest.slice("metadata.".length));
  if (rest.startsWith("aliases.")) {
    const dot = rest.indexOf(".", "aliases.".length);
    if (dot < 0) throw new TemplateError("invalid alias selector");
    const accessor = rest.slice("aliases.".length, dot);
    const field = rest.slice(dot + 1);
    const alias = entity.aliases.find((a) => a.mountAccessor === accessor);
    if (!alias) throw new TemplateError("alias not found");
    if (field === "id") return text(alias.id);
    if (field === "name") return text(alias.name);
    if (field.startsWith("metadata.")) return fromMap(alias.metadata, field.slice("metadata.".length));
    if (field.startsWith("custom_metadata.")) return fromMap(alias.customMetadata, field.slice("custom_metadata.".length));
  }
  // `metadata`, `groups.ids`, `groups.names` render only in JSON mode (identity tokens), not in a path.
  throw notFound();
}

function groupParameter(rest: string, groups: Group[]): string {
  const dot = rest.indexOf(".");
  const selector = dot < 0 ? rest : rest.slice(0, dot);
  if (dot < 0 || (selector !== "ids" && selector !== "names")) throw new TemplateError("invalid groups selector");
  const after = rest.slice(dot + 1);
  const dot2 = after.indexOf(".");
  if (dot2 < 0) throw new TemplateError("invalid groups accessor");
  const key = after.slice(0, dot2);
  const field = after.slice(dot2 + 1);
  const group = groups.find((g) => (selector === "ids" ? g.id : g.name) === key);
  if (!group) throw new TemplateError(`entity is not a member of group ${JSON.stringify(key)}`);
  if (field === "id") return group.id;
  if (field === "name") return text(group.name);
  if (field.startsWith("metadata.")) return fromMap(group.metadata, field.slice("metadata.".length));
  throw notFound();
}

/** `time.now`, `time.now.plus.<duration>`, `time.now.minus.<duration>` as Unix seconds. */
function timeParameter(rest: string, now: number): string {
  const dot = rest.indexOf(".");
  const base = dot < 0 ? rest : rest.slice(0, dot);
  if (base !== "now") throw new TemplateError(`invalid time selector ${JSON.stringify(base)}`);
  if (dot < 0) return String(now);
  const after = rest.slice(dot + 1);
  const dot2 = after.indexOf(".");
  if (dot2 < 0) throw new TemplateError("missing time operand");
  const op = after.slice(0, dot2);
  const seconds = parseDuration(after.slice(dot2 + 1));
  if (seconds === undefined) throw new TemplateError("invalid duration");
  if (op === "plus") return String(now + seconds);
  if (op === "minus") return String(now - seconds);
  throw new TemplateError(`invalid time operator ${JSON.stringify(op)}`);
}
