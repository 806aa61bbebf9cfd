import { badRequest, notFound, unsupportedOperation, unsupportedPath, VaultHttpError } from "./http-error.js";
import { bool, has, str, strList, type Data } from "./fields.js";
import { uuid } from "./ids.js";
import { IdentityStore, mountByAccessor, now, type Entity, type EntityAlias, type Group, type GroupAlias } from "./identity-store.js";
import type { State } from "./state.js";
import type { Backend, LogicalRequest, LogicalResponse } from "./request.js";
import { routed, type Route, type RoutedBackend } from "./routes.js";
import { oidcTokens } from "./oidc-tokens.js";

/** The paths identity/ registers (routes.ts; also its OpenAPI description). */
export const IDENTITY_ROUTES: readonly Route[] = [
  ["entity", "w"],
  ["entity/id", "l"],
  ["entity/id/{id}", "rwd"],
  ["entity/name", "l"],
  ["entity/name/{name}", "rwd"],
  ["entity/batch-delete", "w"],
  ["entity/merge", "w"],
  ["entity-alias", "w"],
  ["entity-alias/id", "l"],
  ["entity-alias/id/{id}", "rwd"],
  ["alias", "w"],
  ["alias/id/{id}", "rwd"],
  ["group", "w"],
  ["group/id", "l"],
  ["group/id/{id}", "rwd"],
  ["group/name", "l"],
  ["group/name/{name}", "rwd"],
  ["group-alias", "w"],
  ["group-alias/id", "l"],
  ["group-alias/id/{id}", "rwd"],
  ["lookup/entity", "w"],
  ["lookup/group", "w"],
  ["oidc/config", "rw"],
  ["oidc/key", "l"],
  ["oidc/key/{name}", "rwd"],
  ["oidc/key/{name}/rotate", "w"],
  ["oidc/role", "l"],
  ["oidc/role/{name}", "rwd"],
  ["oidc/token/{name}", "r"],
  ["oidc/introspect", "w"],
  ["oidc/.well-known/openid-configuration", "r", "u"],
  ["oidc/.well-known/keys", "r", "u"],
];

// identity/: entities, entity aliases, internal groups and lookups, with
// Vault's request fields, answers and errors (vault/identity_store_entities.go,
// identity_store_aliases.go, identity_store_groups.go, identity_lookup.go;
// api-docs/secret/identity/{entity,entity-alias,group,lookup}):
// - a create answers `{id, name, aliases}` (entity), `{id, canonical_id}`
//   (alias), `{id, name}` (group); an update of an existing one answers 204;
// - a read of an unknown one, a lookup that finds nothing and a delete of an
//   unknown one answer nothing (404 {"errors":[]} for the read, 204 else);
// - LIST answers `keys` and `key_info`; an empty list is 404 (http/logical.go).
// External groups take their members from logins: a group alias names the
// group in an auth method (a JWT role's `groups_claim` values), and each login
// on that mount makes its entity a member of the external groups its group
// names alias (identity_store_group_aliases.go; request_handling.go
// refreshExternalGroupMembershipsByEntityID). entity/merge moves aliases and
// group memberships into one entity. identity/oidc/* (identity tokens: keys,
// roles, signed ID tokens, introspection, the .well-known documents) is in
// oidc-tokens.ts.

const LISTS: Record<string, true> = { "entity/id": true, "entity/name": true, "entity-alias/id": true, "group/id": true, "group/name": true, "group-alias/id": true };

/** framework.TypeKVPairs: an object of strings, or a list of "key=value" strings. */
function kvPairs(data: Data, field: string): Record<string, string> | undefined {
  if (!has(data, field) || data[field] === null) return undefined;
  const v = data[field];
  const out: Record<string, string> = {};
  if (Array.isArray(v) || typeof v === "string") {
    for (const item of Array.isArray(v) ? v : v.split(",")) {
      const s = String(item);
      const eq = s.indexOf("=");
      if (eq <= 0) throw badRequest(`failed to parse ${field}: invalid key value pair "${s}"`);
      out[s.slice(0, eq)] = s.slice(eq + 1);
    }
    return out;
  }
  if (typeof v === "object") {
    for (const [k, x] of Object.entries(v as Data)) out[k] = typeof x === "string" ? x : JSON.stringify(x);
    return out;
  }
  throw badRequest(`failed to parse ${field}: expected a map of strings`);
}

/** A group alias in the shape of an entity alias (Vault keeps both as identity.Alias). */
const asAlias = (a: GroupAlias, groupId: string): EntityAlias => ({ ...a, canonicalId: groupId, metadata: null, customMetadata: null, local: false });

/** strutil.RemoveDuplicates(list, false): de-duplicated and sorted. */
const dedupeSorted = (l: string[]): string[] => [...new Set(l.map((p) => p.trim()).filter((p) => p !== ""))].sort();

export function identityBackend(state: State, store: IdentityStore): RoutedBackend {
  return routed(IDENTITY_ROUTES, identityHandlers(state, store));
}

function identityHandlers(state: State, store: IdentityStore): Backend {
  const post = (req: LogicalRequest) => req.operation === "create" || req.operation === "update";

  function mountInfo(accessor: string): Data {
    const m = mountByAccessor(state, accessor);
    return m ? { mount_path: m.path, mount_type: m.mount.type } : {};
  }

  function aliasView(a: EntityAlias): Data {
    return {
      canonical_id: a.canonicalId,
      creation_time: a.creationTime,
      custom_metadata: a.customMetadata,
      id: a.id,
      last_update_time: a.lastUpdateTime,
      local: a.local,
      merged_from_canonical_ids: a.mergedFromCanonicalIds && a.mergedFromCanonicalIds.length > 0 ? a.mergedFromCanonicalIds : null,
      metadata: a.metadata,
      mount_accessor: a.mountAccessor,
      ...mountInfo(a.mountAccessor),
      name: a.name,
      namespace_id: "root",
    };
  }

  function entityView(e: Entity): Data {
    const { direct, inherited } = store.groupsOf(e.id);
    return {
      aliases: e.aliases.map((a) => {
        const { namespace_id: _ns, ...rest } = aliasView(a);
        return rest;
      }),
      creation_time: e.creationTime,
      direct_group_ids: direct.map((g) => g.id),
      disabled: e.disabled,
      group_ids: [...direct, ...inherited].map((g) => g.id),
      id: e.id,
      inherited_group_ids: inherited.map((g) => g.id),
      last_update_time: e.lastUpdateTime,
      merged_entity_ids: e.mergedEntityIds && e.mergedEntityIds.length > 0 ? e.mergedEntityIds : null,
      metadata: e.metadata,
      name: e.name,
      namespace_id: "root",
      policies: dedupeSorted(e.policies),
    };
  }

  /** handleAliasReadCommon for a group's alias. */
  /** A group's alias read as Vault reads every alias (handleAliasReadCommon): no metadata, never local. */
  function groupAliasView(a: GroupAlias, groupId: string): Data {
    return aliasView(asAlias(a, groupId));
  }

  /** An alias's key_info in a LIST answer (handleAliasListCommon), for entity and group aliases alike. */
  function aliasListInfo(a: EntityAlias): Data {
    return { canonical_id: a.canonicalId, custom_metadata: a.customMetadata, local: a.local, mount_accessor: a.mountAccessor, ...mountInfo(a.mountAccessor), name: a.name };
  }

  function groupView(g: Group): Data {
    return {
      alias: g.alias ? groupAliasView(g.alias, g.id) : {},
      creation_time: g.creationTime,
      id: g.id,
      last_update_time: g.lastUpdateTime,
      member_entity_ids: g.memberEntityIds,
      member_group_ids: g.memberGroupIds.length > 0 ? g.memberGroupIds : null,
      metadata: g.metadata,
      modify_index: g.modifyIndex,
      name: g.name,
      namespace_id: "root",
      parent_group_ids: store.parentsOf(g.id).map((p) => p.id),
      policies: g.policies,
      type: g.type,
    };
  }

  /** handleEntityUpdateCommon: `entity` is the one the path names (by ID or name), undefined to create. */
  function writeEntity(req: LogicalRequest, found: Entity | undefined, name: string): LogicalResponse | undefined {
    let entity = found;
    if (name !== "") {
      const byName = store.entityByName(name);
      if (byName && !entity) entity = byName;
      else if (byName && byName.id !== entity!.id) throw badRequest("entity name is already in use");
    }
    const policies = strList(req.data, "policies");
    if (policies?.some((p) => p.trim().toLowerCase() === "root") || (!policies && entity?.policies.includes("root"))) throw badRequest("policies cannot contain root");
    const metadata = kvPairs(req.data, "metadata");
    const created = !entity;
    entity ??= store.newEntity(name);
    if (name !== "") entity.name = name;
    if (policies) entity.policies = dedupeSorted(policies);
    if (has(req.data, "disabled")) entity.disabled = bool(req.data, "disabled");
    if (metadata) entity.metadata = metadata;
    entity.lastUpdateTime = now();
    if (!created) return undefined;
    return { data: { aliases: entity.aliases.length > 0 ? entity.aliases.map((a) => a.id) : null, id: entity.id, name: entity.name } };
  }

  /**
   * `<kind>/id[/:id]` and `<kind>/name[/:name]` of entities and groups: LIST with `key_info` (empty = 404), GET
   * (unknown = 404 {"errors":[]}), POST (update, or create by name; an unknown ID is refused), DELETE (unknown = 204).
   */
  function collection<T extends { id: string; name: string }>(
    req: LogicalRequest,
    rest: string,
    kind: { all(): T[]; byId(id: string): T | undefined; byName(name: string): T | undefined; info(t: T): Data; view(t: T): Data; write(req: LogicalRequest, found: T | undefined, name: string): LogicalResponse | undefined; remove(t: T): void; unknownId: string },
  ): LogicalResponse | undefined {
    const m = /^\/(id|name)(?:\/(.+))?$/.exec(rest);
    if (!m) throw unsupportedPath();
    const byId = m[1] === "id";
    const key = m[2];
    if (key === undefined) {
      if (req.operation !== "list") throw unsupportedOperation();
      const items = kind.all();
      if (items.length === 0) throw notFound();
      const keyInfo: Data = {};
      for (const t of items) keyInfo[t.id] = kind.info(t);
      return { data: { keys: items.map((t) => (byId ? t.id : t.name)).sort(), key_info: keyInfo } };
    }
    const found = byId ? kind.byId(key) : kind.byName(key);
    switch (req.operation) {
      case "read":
        if (!found) throw notFound();
        return { data: kind.view(found) };
      case "create":
      case "update":
        if (byId && !found) throw badRequest(kind.unknownId);
        return kind.write(req, found, byId ? str(req.data, "name") : key);
      case "delete":
        if (found) kind.remove(found);
        return undefined;
      default:
        throw unsupportedOperation();
    }
  }

  function entityPaths(req: LogicalRequest, rest: string): LogicalResponse | undefined {
    if (rest === "" || rest === "/") {
      if (!post(req)) throw unsupportedOperation();
      const id = str(req.data, "id");
      const found = id !== "" ? store.data.entities.get(id) : undefined;
      if (id !== "" && !found) throw badRequest("entity not found from id");
      return writeEntity(req, found, str(req.data, "name"));
    }
    if (rest === "/merge") {
      // pathEntityMergeID: 204 when merged; a user error is 400 with its message.
      if (!post(req)) throw unsupportedOperation();
      const toId = str(req.data, "to_entity_id");
      if (toId === "") throw badRequest("missing entity id to merge to");
      const fromIds = strList(req.data, "from_entity_ids") ?? [];
      if (fromIds.length === 0) throw badRequest("missing entity ids to merge from");
      const to = store.data.entities.get(toId);
      if (!to) throw badRequest("entity id to merge to is invalid");
      const error = store.mergeEntities(to, fromIds, strList(req.data, "conflicting_alias_ids_to_keep") ?? []);
      if (error) throw badRequest(error);
      return undefined;
    }
    if (rest === "/batch-delete") {
      if (!post(req)) throw unsupportedOperation();
      const ids = strList(req.data, "entity_ids") ?? [];
      if (ids.length === 0) throw badRequest("missing entity ids to delete");
      for (const id of ids) {
        const e = store.data.entities.get(id);
        if (e) store.deleteEntity(e);
      }
      return undefined;
    }
    return collection(req, rest, {
      all: () => [...store.data.entities.values()],
      byId: (id) => store.data.entities.get(id),
      byName: (n) => store.entityByName(n),
      info: (e) => ({ name: e.name, ...(e.aliases.length > 0 ? { aliases: e.aliases.map((a) => ({ id: a.id, mount_accessor: a.mountAccessor, ...mountInfo(a.mountAccessor), name: a.name })) } : {}) }),
      view: entityView,
      write: writeEntity,
      remove: (e) => store.deleteEntity(e),
      unknownId: "entity not found from id",
    });
  }

  function aliasPaths(req: LogicalRequest, rest: string): LogicalResponse | undefined {
    const m = /^(?:\/id(?:\/([^/]+))?)?$/.exec(rest);
    if (!m) throw unsupportedPath();
    const idInPath = m[1];
    if (rest === "/id") {
      if (req.operation !== "list") throw unsupportedOperation();
      const aliases = [...store.data.entities.values()].flatMap((e) => e.aliases);
      if (aliases.length === 0) throw notFound();
      const keyInfo: Data = {};
      for (const a of aliases) keyInfo[a.id] = aliasListInfo(a);
      return { data: { keys: aliases.map((a) => a.id).sort(), key_info: keyInfo } };
    }
    if (idInPath !== undefined && req.operation === "read") {
      const a = store.aliasById(idInPath);
      if (!a) throw notFound();
      return { data: aliasView(a) };
    }
    if (idInPath !== undefined && req.operation === "delete") {
      const a = store.aliasById(idInPath);
      if (a) {
        const e = store.data.entities.get(a.canonicalId)!;
        e.aliases = e.aliases.filter((x) => x.id !== a.id);
        e.lastUpdateTime = now();
      }
      return undefined;
    }
    if (!post(req)) throw unsupportedOperation();
    // pathAliasCreateUpdate: an ID (in the path or the body) updates that alias; else mount_accessor + name.
    const id = idInPath ?? str(req.data, "id");
    let name = str(req.data, "name");
    let accessor = str(req.data, "mount_accessor");
    const canonicalId = str(req.data, "canonical_id");
    const customMetadata = kvPairs(req.data, "custom_metadata");
    let alias: EntityAlias | undefined;
    if (id !== "") {
      alias = store.aliasById(id);
      if (!alias) throw badRequest("invalid alias ID provided");
      if (name === "") name = alias.name;
      if (accessor === "") accessor = alias.mountAccessor;
    } else {
      if (accessor === "" || name === "") throw badRequest("'id' or 'mount_accessor' and 'name' must be provided");
      if (!mountByAccessor(state, accessor)) throw badRequest(`invalid mount accessor "${accessor}"`);
      alias = store.aliasByFactors(accessor, name);
    }
    if (!alias) {
      // handleAliasCreate: into the canonical entity, or a new one.
      let entity: Entity | undefined;
      if (canonicalId !== "") {
        entity = store.data.entities.get(canonicalId);
        if (!entity) throw badRequest("invalid canonical ID");
      }
      entity ??= store.newEntity();
      if (entity.aliases.some((a) => a.mountAccessor === accessor)) throw badRequest("Alias already exists for requested entity and mount accessor");
      const created = store.newAlias(entity, accessor, name, customMetadata ?? null);
      return { data: { canonical_id: entity.id, id: created.id } };
    }
    // handleAliasUpdate.
    const sameMetadata = customMetadata === undefined || JSON.stringify(customMetadata) === JSON.stringify(alias.customMetadata ?? {});
    if (name === alias.name && accessor === alias.mountAccessor && (canonicalId === "" || canonicalId === alias.canonicalId) && sameMetadata) return undefined;
    const current = store.data.entities.get(alias.canonicalId)!;
    if (accessor !== alias.mountAccessor && (canonicalId === "" || canonicalId === alias.canonicalId) && current.aliases.some((a) => a.mountAccessor === accessor)) {
      throw badRequest("Alias cannot be updated as the entity already has an alias for the given 'mount_accessor' ");
    }
    if (name !== alias.name || accessor !== alias.mountAccessor) {
      if (!mountByAccessor(state, accessor)) throw badRequest(`invalid mount accessor "${accessor}"`);
      const existing = store.aliasByFactors(accessor, name);
      if (existing && existing.id !== alias.id) throw badRequest("alias with combination of mount accessor and name already exists");
    }
    let target = current;
    if (canonicalId !== "" && canonicalId !== alias.canonicalId) {
      const next = store.data.entities.get(canonicalId);
      if (!next) throw badRequest("given 'canonical_id' is not associated with an entity");
      if (next.aliases.some((a) => a.mountAccessor === accessor)) throw badRequest("Alias cannot be updated as the given entity already has an alias for this mount ");
      current.aliases = current.aliases.filter((a) => a.id !== alias!.id);
      next.aliases.push(alias);
      alias.canonicalId = next.id;
      target = next;
    }
    alias.name = name;
    alias.mountAccessor = accessor;
    if (customMetadata !== undefined) alias.customMetadata = customMetadata;
    alias.lastUpdateTime = now();
    return { data: { canonical_id: target.id, id: alias.id } };
  }

  /** handleGroupUpdateCommon: `found` is the group the path names, undefined to create. */
  function writeGroup(req: LogicalRequest, found: Group | undefined, name: string): LogicalResponse | undefined {
    const policies = strList(req.data, "policies");
    const deduped = policies ? [...new Set(policies.map((p) => p.trim().toLowerCase()).filter((p) => p !== ""))] : undefined; // RemoveDuplicatesStable(list, true)
    if ((deduped ?? found?.policies ?? []).includes("root")) throw badRequest("policies cannot contain root");
    const type = str(req.data, "type");
    if (type !== "" && found && type !== found.type) throw badRequest("group type cannot be changed");
    if (type !== "" && type !== "internal" && type !== "external") throw badRequest(`invalid group type "${type}"`);
    const external = (found?.type ?? type) === "external";
    if (name !== "") {
      const byName = store.groupByName(name);
      if (byName && byName.id !== found?.id) throw badRequest("group name is already in use");
    }
    const metadata = kvPairs(req.data, "metadata");
    const members = strList(req.data, "member_entity_ids");
    if (members && external) throw badRequest("member entities can't be set manually for external groups");
    for (const id of members ?? []) if (!store.data.entities.has(id)) throw badRequest(`invalid member entity ID "${id}"`);
    const memberGroups = strList(req.data, "member_group_ids");
    if (memberGroups && external) throw badRequest("member groups can't be set for external groups");
    for (const id of memberGroups ?? []) {
      if (!store.data.groups.has(id)) throw badRequest(`invalid member group ID "${id}"`);
      if (found && (id === found.id || reaches(id, found.id))) throw badRequest(`cyclic relationship detected for member group ID "${id}"`);
    }
    const t = now();
    const group: Group = found ?? { id: "", name: "", type: external ? "external" : "internal", policies: [], metadata: null, memberEntityIds: [], memberGroupIds: [], creationTime: t, lastUpdateTime: t, modifyIndex: 0 };
    if (!found) {
      group.id = uuid();
      store.data.groups.set(group.id, group);
    }
    // sanitizeGroup names an unnamed group "group_<ID>".
    group.name = name || group.name || `group_${group.id}`;
    if (deduped) group.policies = deduped;
    if (metadata) group.metadata = metadata;
    if (members) group.memberEntityIds = [...new Set(members)];
    if (memberGroups) group.memberGroupIds = [...new Set(memberGroups)];
    group.lastUpdateTime = t;
    group.modifyIndex += 1;
    return found ? undefined : { data: { id: group.id, name: group.name } };
  }

  /** Whether group `from` has `to` among its members, transitively (a cycle if `to` takes `from` as a member). */
  function reaches(from: string, to: string, seen = new Set<string>()): boolean {
    const g = store.data.groups.get(from);
    if (!g || seen.has(from)) return false;
    seen.add(from);
    return g.memberGroupIds.includes(to) || g.memberGroupIds.some((m) => reaches(m, to, seen));
  }

  function groupPaths(req: LogicalRequest, rest: string): LogicalResponse | undefined {
    if (rest === "" || rest === "/") {
      if (!post(req)) throw unsupportedOperation();
      const id = str(req.data, "id");
      const found = id !== "" ? store.data.groups.get(id) : undefined;
      if (id !== "" && !found) throw badRequest("invalid group ID");
      return writeGroup(req, found ?? (str(req.data, "name") !== "" ? store.groupByName(str(req.data, "name")) : undefined), str(req.data, "name"));
    }
    return collection(req, rest, {
      all: () => [...store.data.groups.values()],
      byId: (id) => store.data.groups.get(id),
      byName: (n) => store.groupByName(n),
      info: (g) => ({ name: g.name, num_member_entities: g.memberEntityIds.length, num_parent_groups: store.parentsOf(g.id).length }),
      view: groupView,
      write: writeGroup,
      remove: (group) => {
        store.data.groups.delete(group.id);
        for (const g of store.data.groups.values()) g.memberGroupIds = g.memberGroupIds.filter((id) => id !== group.id);
      },
      unknownId: "invalid group ID",
    });
  }

  /** identity/group-alias (POST: create, or update with `id`), group-alias/id (LIST), group-alias/id/:id (GET/POST/DELETE). */
  function groupAliasPaths(req: LogicalRequest, rest: string): LogicalResponse | undefined {
    if (rest === "/id") {
      if (req.operation !== "list") throw unsupportedOperation();
      const groups = [...store.data.groups.values()].filter((g) => g.alias);
      if (groups.length === 0) throw notFound();
      const keyInfo: Data = {};
      for (const g of groups) keyInfo[g.alias!.id] = aliasListInfo(asAlias(g.alias!, g.id));
      return { data: { keys: groups.map((g) => g.alias!.id).sort(), key_info: keyInfo } };
    }
    const m = /^(?:\/id\/([^/]+))?$/.exec(rest);
    if (!m) throw unsupportedPath();
    const idInPath = m[1];
    if (idInPath !== undefined && req.operation === "read") {
      const found = store.groupAliasById(idInPath);
      if (!found) throw notFound();
      return { data: groupAliasView(found.alias, found.group.id) };
    }
    if (idInPath !== undefined && req.operation === "delete") {
      const found = store.groupAliasById(idInPath);
      if (found) found.group.alias = null;
      return undefined;
    }
    if (!post(req)) throw unsupportedOperation();
    // pathGroupAliasRegister / pathGroupAliasIDUpdate → handleGroupAliasUpdateCommon.
    const id = idInPath ?? str(req.data, "id");
    let existing: { group: Group; alias: GroupAlias } | undefined;
    if (id !== "") {
      existing = store.groupAliasById(id);
      if (!existing) throw badRequest("invalid group alias ID");
    }
    const name = str(req.data, "name");
    if (name === "") throw badRequest("missing alias name");
    const accessor = str(req.data, "mount_accessor");
    if (accessor === "") throw badRequest("missing mount_accessor");
    const canonicalId = str(req.data, "canonical_id");
    if (existing && existing.alias.name === name && existing.alias.mountAccessor === accessor && (canonicalId === "" || canonicalId === existing.group.id)) return undefined;
    let target: Group | undefined;
    if (canonicalId !== "") {
      target = store.data.groups.get(canonicalId);
      if (!target) throw badRequest("invalid group ID given in 'canonical_id'");
      if (target.type !== "external") throw badRequest("alias can't be set on an internal group");
    }
    const mount = mountByAccessor(state, accessor);
    if (!mount) throw badRequest(`invalid mount accessor "${accessor}"`);
    if (mount.mount.local) throw badRequest(`mount accessor "${accessor}" is a local mount`);
    const clash = store.groupByAlias(accessor, name);
    if (clash && clash.alias!.id !== existing?.alias.id) throw badRequest("combination of mount and group alias name is already in use");
    const t = now();
    const alias: GroupAlias = existing?.alias ?? { id: uuid(), name, mountAccessor: accessor, creationTime: t, lastUpdateTime: t };
    alias.name = name;
    alias.mountAccessor = accessor;
    alias.lastUpdateTime = t;
    if (!target) {
      // A new alias without a group gets a new external group; an update without canonical_id stays on its group.
      target = existing?.group;
      if (!target) {
        target = { id: uuid(), name: "", type: "external", policies: [], metadata: null, memberEntityIds: [], memberGroupIds: [], creationTime: t, lastUpdateTime: t, modifyIndex: 0 };
        target.name = `group_${target.id}`;
        store.data.groups.set(target.id, target);
      }
    }
    if (existing && existing.group !== target) existing.group.alias = null;
    target.alias = alias;
    target.lastUpdateTime = t;
    target.modifyIndex += 1;
    return { data: { canonical_id: target.id, id: alias.id } };
  }

  /** identity/lookup/entity and lookup/group (identity_lookup.go): one way to name it; nothing found answers 204. */
  function lookup(req: LogicalRequest, what: string): LogicalResponse | undefined {
    if (!post(req)) throw unsupportedOperation();
    if (what !== "entity" && what !== "group") throw unsupportedPath();
    const d = req.data;
    const given = ["id", "name", "alias_id", "alias_name", "alias_mount_accessor"].filter((k) => str(d, k) !== "");
    const pair = given.length === 2 && given.includes("alias_name") && given.includes("alias_mount_accessor");
    if (given.length === 0) throw badRequest('one of "id", "name", "alias_id", or a pair of "alias_name" and "alias_mount_accessor" must be supplied');
    if (given.length > 1 && !pair) throw badRequest('only one of "id", "name", "alias_id", or a pair of "alias_name" and "alias_mount_accessor" can be supplied');
    if (given.length === 1 && (given[0] === "alias_name" || given[0] === "alias_mount_accessor")) throw badRequest('both "alias_name" and "alias_mount_accessor" should be supplied');
    if (what === "group") {
      let g: Group | undefined;
      if (str(d, "id") !== "") g = store.data.groups.get(str(d, "id"));
      else if (str(d, "name") !== "") g = store.groupByName(str(d, "name"));
      else if (str(d, "alias_id") !== "") g = store.groupAliasById(str(d, "alias_id"))?.group;
      else g = store.groupByAlias(str(d, "alias_mount_accessor"), str(d, "alias_name"));
      return g ? { data: groupView(g) } : undefined;
    }
    let entity: Entity | undefined;
    if (str(d, "id") !== "") entity = store.data.entities.get(str(d, "id"));
    else if (str(d, "name") !== "") entity = store.entityByName(str(d, "name"));
    else {
      const alias = str(d, "alias_id") !== "" ? store.aliasById(str(d, "alias_id")) : store.aliasByFactors(str(d, "alias_mount_accessor"), str(d, "alias_name"));
      entity = alias ? store.data.entities.get(alias.canonicalId) : undefined;
    }
    return entity ? { data: entityView(entity) } : undefined;
  }

  return {
    handle(req) {
      const rel = req.rel.replace(/\/$/, "");
      if (rel.startsWith("oidc/")) return oidcTokens(req, rel.slice("oidc/".length), state, store);
      if (rel === "group-alias" || rel.startsWith("group-alias/")) return groupAliasPaths(req, rel.slice("group-alias".length));
      if (req.operation === "list" && !LISTS[rel]) throw unsupportedPath();
      const head = /^(entity-alias|entity|alias|group|lookup)(\/.*)?$/.exec(rel);
      if (!head) throw unsupportedPath();
      const rest = head[2] ?? "";
      switch (head[1]) {
        case "entity":
          return entityPaths(req, rest);
        case "entity-alias":
        case "alias": // the pre-0.11 name of entity-alias, still routed by Vault
          return aliasPaths(req, rest);
        case "group":
          return groupPaths(req, rest);
        default:
          return lookup(req, rest.slice(1));
      }
    },
  };
}
