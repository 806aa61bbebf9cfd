import { uuid } from "./ids.js";
import type { MountEntry, State } from "./state.js";

// The identity store's data: entities with their aliases, and internal groups
// (vault/identity_store_entities.go, identity_store_aliases.go,
// identity_store_groups.go, identity/types.proto). An entity's and its
// groups' policies join the policies of every token that carries the entity's
// ID (vault/core.go fetchEntityAndDerivedPolicies: entity policies, then the
// policies of the groups it is a direct member of and of their parent groups).
// Logins and `auth/token/create` with `entity_alias` find the entity of an
// alias by (mount accessor, alias name), creating both the first time
// (CreateOrFetchEntity).

export interface EntityAlias {
  id: string;
  name: string;
  mountAccessor: string;
  canonicalId: string;
  metadata: Record<string, string> | null;
  customMetadata: Record<string, string> | null;
  creationTime: string;
  lastUpdateTime: string;
  local: boolean;
  /** The entities this alias belonged to before merges moved it here. */
  mergedFromCanonicalIds?: string[];
}

export interface Entity {
  id: string;
  name: string;
  policies: string[];
  metadata: Record<string, string> | null;
  disabled: boolean;
  aliases: EntityAlias[];
  creationTime: string;
  lastUpdateTime: string;
  /** The entities merged into this one (identity/entity/merge). */
  mergedEntityIds?: string[];
}

/** A group alias: the name a group has in an auth method (a JWT `groups` claim value), on one mount. */
export interface GroupAlias {
  id: string;
  name: string;
  mountAccessor: string;
  creationTime: string;
  lastUpdateTime: string;
}

export interface Group {
  id: string;
  name: string;
  /** Internal groups list their members; an external group's members are the entities whose logins carry its alias. */
  type: "internal" | "external";
  /** An external group's one alias (Vault keeps it on the group). */
  alias?: GroupAlias | null;
  policies: string[];
  metadata: Record<string, string> | null;
  memberEntityIds: string[];
  /** The groups that are members of this one (Vault stores the reverse, ParentGroupIDs, on the member). */
  memberGroupIds: string[];
  creationTime: string;
  lastUpdateTime: string;
  modifyIndex: number;
}

export interface IdentityData {
  entities: Map<string, Entity>;
  groups: Map<string, Group>;
}

/** ptypes.TimestampString: RFC 3339 in UTC. */
export const now = (): string => new Date().toISOString();

export class IdentityStore {
  constructor(private readonly state: State) {}

  get data(): IdentityData {
    return (this.state.identity ??= { entities: new Map(), groups: new Map() });
  }

  entityByName(name: string): Entity | undefined {
    const lower = name.toLowerCase(); // MemDBEntityByName matches names case-insensitively
    for (const e of this.data.entities.values()) if (e.name.toLowerCase() === lower) return e;
    return undefined;
  }

  groupByName(name: string): Group | undefined {
    const lower = name.toLowerCase();
    for (const g of this.data.groups.values()) if (g.name.toLowerCase() === lower) return g;
    return undefined;
  }

  aliasById(id: string): EntityAlias | undefined {
    for (const e of this.data.entities.values()) for (const a of e.aliases) if (a.id === id) return a;
    return undefined;
  }

  /** MemDBAliasByFactors: the alias of a mount with this name (case-insensitive, as Vault's index). */
  aliasByFactors(mountAccessor: string, name: string): EntityAlias | undefined {
    const lower = name.toLowerCase();
    for (const e of this.data.entities.values()) for (const a of e.aliases) if (a.mountAccessor === mountAccessor && a.name.toLowerCase() === lower) return a;
    return undefined;
  }

  /** A new entity, named `entity_<first 8 of the ID>` when no name is given (sanitizeEntity). */
  newEntity(name = ""): Entity {
    const id = uuid();
    const t = now();
    const entity: Entity = { id, name: name || `entity_${id.slice(0, 8)}`, policies: [], metadata: null, disabled: false, aliases: [], creationTime: t, lastUpdateTime: t };
    this.data.entities.set(id, entity);
    return entity;
  }

  newAlias(entity: Entity, mountAccessor: string, name: string, customMetadata: Record<string, string> | null, local = false): EntityAlias {
    const t = now();
    const alias: EntityAlias = { id: uuid(), name, mountAccessor, canonicalId: entity.id, metadata: null, customMetadata, creationTime: t, lastUpdateTime: t, local };
    entity.aliases.push(alias);
    entity.lastUpdateTime = t;
    return alias;
  }

  /**
   * CreateOrFetchEntity for a login or an entity_alias token: the entity of the alias, both created the first time.
   * `metadata` (a login's alias metadata, such as JWT claim_mappings) replaces the alias's when it differs.
   */
  entityForAlias(mountAccessor: string, name: string, metadata?: Record<string, string>): Entity {
    const alias = this.aliasByFactors(mountAccessor, name);
    if (alias) {
      if (metadata && JSON.stringify(metadata) !== JSON.stringify(alias.metadata ?? {})) {
        alias.metadata = Object.keys(metadata).length > 0 ? metadata : null;
        alias.lastUpdateTime = now();
      }
      return this.data.entities.get(alias.canonicalId)!;
    }
    const entity = this.newEntity();
    const created = this.newAlias(entity, mountAccessor, name, null);
    if (metadata && Object.keys(metadata).length > 0) created.metadata = metadata;
    return entity;
  }

  groupAliasById(id: string): { group: Group; alias: GroupAlias } | undefined {
    for (const group of this.data.groups.values()) if (group.alias?.id === id) return { group, alias: group.alias };
    return undefined;
  }

  /** The external group whose alias on this mount has this name. */
  groupByAlias(mountAccessor: string, name: string): Group | undefined {
    for (const g of this.data.groups.values()) if (g.alias && g.alias.mountAccessor === mountAccessor && g.alias.name === name) return g;
    return undefined;
  }

  /**
   * refreshExternalGroupMembershipsByEntityID: after a login on `mountAccessor` whose groups are `names`, the
   * entity is a member of the external groups aliased by those names on that mount, and of no other external
   * group aliased on that mount. Names no group alias carries are ignored.
   */
  refreshExternalGroups(entityId: string, mountAccessor: string, names: string[]): void {
    const wanted = new Set(names);
    for (const g of this.data.groups.values()) {
      if (g.type !== "external" || g.alias?.mountAccessor !== mountAccessor) continue;
      const member = g.memberEntityIds.includes(entityId);
      if (wanted.has(g.alias.name) && !member) g.memberEntityIds = [...g.memberEntityIds, entityId];
      else if (!wanted.has(g.alias.name) && member) g.memberEntityIds = g.memberEntityIds.filter((id) => id !== entityId);
      else continue;
      g.lastUpdateTime = now();
      g.modifyIndex += 1;
    }
  }

  /**
   * mergeEntity as identity/entity/merge calls it: each from-entity's aliases move to `to` (an alias on a mount
   * `to` already has an alias on is a conflict, settled only by naming the alias to keep), its group memberships
   * pass to `to`, and it is deleted. Policies are not merged (the API merges none). Returns an error message for
   * the caller, or undefined when merged; nothing changes when it returns a message.
   */
  mergeEntities(to: Entity, fromIds: string[], keep: string[]): string | undefined {
    const ids = [...new Set(fromIds)];
    if (ids.length > 1 && keep.length > 1) return "aliases conflicts cannot be resolved with multiple from entity ids - merge one entity at a time";
    const froms: Entity[] = [];
    const clashes: string[] = [];
    const seenAccessors = new Map<string, string>();
    for (const id of ids) {
      if (id === to.id) return "to_entity_id should not be present in from_entity_ids";
      const from = this.data.entities.get(id);
      if (!from) return "entity id to merge from is invalid";
      froms.push(from);
      if (keep.length > 0) continue;
      for (const fromAlias of from.aliases) {
        const other = seenAccessors.get(fromAlias.mountAccessor);
        if (other !== undefined && other !== id) return `mount accessor ${fromAlias.mountAccessor} found in multiple fromEntities, merge should be done with one fromEntity at a time`;
        seenAccessors.set(fromAlias.mountAccessor, id);
        for (const toAlias of to.aliases) {
          if (toAlias.mountAccessor !== fromAlias.mountAccessor) continue;
          clashes.push(`mountAccessor: ${toAlias.mountAccessor}, toEntity ID: ${to.id}, fromEntity ID: ${id}, conflicting toEntity alias ID: ${toAlias.id}, conflicting fromEntity alias ID: ${fromAlias.id}`);
        }
      }
    }
    if (clashes.length > 0) {
      // hashicorp/go-multierror's format, as Vault returns it.
      const all = ["toEntity and at least one fromEntity have aliases with the same mount accessor, repeat the merge request specifying exactly one fromEntity, clashes: ", ...clashes];
      return `${all.length} errors occurred:\n${all.map((e) => `\t* ${e}`).join("\n")}\n\n`;
    }
    // Check every conflict before changing anything.
    for (const from of froms) {
      for (const fromAlias of from.aliases) {
        for (const toAlias of to.aliases) {
          if (toAlias.mountAccessor === fromAlias.mountAccessor && !keep.includes(toAlias.id) && !keep.includes(fromAlias.id)) {
            return `conflicting mount accessors in following alias IDs and neither were present in conflicting_alias_ids_to_keep: ${fromAlias.id}, ${toAlias.id}`;
          }
        }
      }
    }
    const t = now();
    for (const from of froms) {
      for (const fromAlias of from.aliases) {
        const clash = to.aliases.find((a) => a.mountAccessor === fromAlias.mountAccessor);
        if (clash && keep.includes(clash.id)) continue; // the from-entity's alias is dropped
        if (clash) to.aliases = to.aliases.filter((a) => a !== clash);
        fromAlias.canonicalId = to.id;
        fromAlias.mergedFromCanonicalIds = [...(fromAlias.mergedFromCanonicalIds ?? []), from.id];
        fromAlias.lastUpdateTime = t;
        to.aliases.push(fromAlias);
      }
      to.mergedEntityIds = [...(to.mergedEntityIds ?? []), ...(from.mergedEntityIds ?? []), from.id];
      for (const g of this.data.groups.values()) {
        if (!g.memberEntityIds.includes(from.id)) continue;
        g.memberEntityIds = g.memberEntityIds.filter((m) => m !== from.id);
        if (!g.memberEntityIds.includes(to.id)) g.memberEntityIds.push(to.id);
      }
      this.data.entities.delete(from.id);
    }
    to.lastUpdateTime = t;
    return undefined;
  }

  deleteEntity(entity: Entity): void {
    for (const g of this.data.groups.values()) g.memberEntityIds = g.memberEntityIds.filter((id) => id !== entity.id);
    this.data.entities.delete(entity.id);
  }

  /** The groups the entity is a direct member of, and the groups those are members of, transitively (groupsByEntityID). */
  groupsOf(entityId: string): { direct: Group[]; inherited: Group[] } {
    const direct = [...this.data.groups.values()].filter((g) => g.memberEntityIds.includes(entityId));
    const seen = new Set(direct.map((g) => g.id));
    const inherited: Group[] = [];
    const queue = [...direct];
    while (queue.length > 0) {
      const child = queue.shift()!;
      for (const parent of this.parentsOf(child.id)) {
        if (seen.has(parent.id)) continue;
        seen.add(parent.id);
        inherited.push(parent);
        queue.push(parent);
      }
    }
    return { direct, inherited };
  }

  parentsOf(groupId: string): Group[] {
    return [...this.data.groups.values()].filter((g) => g.memberGroupIds.includes(groupId));
  }

  /** The identity policies of a token's entity: the entity's, then its groups' (deduplicated, in that order). */
  policiesFor(entityId: string | undefined): string[] {
    if (!entityId) return [];
    const entity = this.data.entities.get(entityId);
    if (!entity) return [];
    const { direct, inherited } = this.groupsOf(entity.id);
    return [...new Set([...entity.policies, ...[...direct, ...inherited].flatMap((g) => g.policies)])];
  }

  isDisabled(entityId: string | undefined): boolean {
    return entityId ? this.data.entities.get(entityId)?.disabled === true : false;
  }
}

/** The mount of an accessor, for an alias's `mount_path` and `mount_type` (router.ValidateMountByAccessor). */
export function mountByAccessor(state: State, accessor: string): { path: string; mount: MountEntry } | undefined {
  for (const [p, m] of state.auth) if (m.accessor === accessor) return { path: `auth/${p}`, mount: m };
  for (const [p, m] of state.mounts) if (m.accessor === accessor) return { path: p, mount: m };
  return undefined;
}
