"""hvac's secrets.identity against the server in VAULT_ADDR: entities, entity
aliases, groups and lookups with hvac's own request shapes (create by POST
identity/entity with id/name, update by POST identity/entity/id/<id>, LIST and
GET ?list=true, group writes that always send type "internal"), then a
userpass login whose token carries the entity and its group's policies; an
entity merge; an external group with its group alias (create, read, list,
look up, rename, delete); identity tokens (a named key, a role with a
template, a token signed for a login's entity, introspection, the
.well-known documents, rotation).
Prints one JSON object for src/devserver/contract/cross-client.test.ts.
"""
import base64
import json
import uuid

from common import client, error_name, print_result, root_client


def main():
    root = root_client()
    ident = root.secrets.identity
    out = {}
    suffix = uuid.uuid4().hex[:8]
    name = "hvac-app-" + suffix

    created = ident.create_or_update_entity(name=name, policies=["hvac-b", "hvac-a"], metadata={"team": "core"})
    entity_id = created["data"]["id"]
    out["entity_create_keys"] = sorted(created["data"].keys())
    out["entity_read_policies"] = ident.read_entity(entity_id)["data"]["policies"]
    out["entity_read_by_name_id_matches"] = ident.read_entity_by_name(name)["data"]["id"] == entity_id
    out["entity_update_status"] = ident.update_entity(entity_id, policies=["hvac-c"]).status_code
    out["entity_policies_after_update"] = ident.read_entity(entity_id)["data"]["policies"]
    out["entity_by_name_update_status"] = ident.create_or_update_entity_by_name(name, metadata={"team": "ops"}).status_code
    out["entity_metadata_after"] = ident.read_entity(entity_id)["data"]["metadata"]
    out["entities_listed"] = entity_id in ident.list_entities()["data"]["keys"]
    out["entities_listed_get"] = entity_id in ident.list_entities(method="GET")["data"]["keys"]
    out["entity_names_listed"] = name in ident.list_entities_by_name()["data"]["keys"]

    accessor = root.sys.list_auth_methods()["data"]["token/"]["accessor"]
    alias = ident.create_or_update_entity_alias(name="hvac-alias-" + suffix, canonical_id=entity_id, mount_accessor=accessor)
    alias_id = alias["data"]["id"]
    out["alias_canonical_matches"] = alias["data"]["canonical_id"] == entity_id
    read_alias = ident.read_entity_alias(alias_id)["data"]
    out["alias_mount_type"] = read_alias["mount_type"]
    out["alias_renamed"] = ident.update_entity_alias(alias_id, name="hvac-alias2-" + suffix, canonical_id=entity_id, mount_accessor=accessor)["data"]["id"] == alias_id
    out["aliases_listed"] = alias_id in ident.list_entity_aliases()["data"]["keys"]
    out["lookup_by_alias"] = ident.lookup_entity(alias_name="hvac-alias2-" + suffix, alias_mount_accessor=accessor)["data"]["id"] == entity_id
    out["lookup_by_name"] = ident.lookup_entity(name=name)["data"]["id"] == entity_id
    missing = ident.lookup_entity(name="hvac-none-" + suffix)
    out["lookup_missing_status"] = getattr(missing, "status_code", None)

    # A userpass user whose entity is in a group with a policy: the login's token carries both.
    mount = "hvac-up-" + suffix
    root.sys.enable_auth_method("userpass", path=mount)
    root.sys.create_or_update_policy("hvac-group-pol", 'path "secret/data/hvac-team/*" { capabilities = ["read"] }')
    root.secrets.kv.v2.create_or_update_secret("hvac-team/db", secret={"user": "svc"})
    root.auth.userpass.create_or_update_user("dana", "pw-not-asserted", policies=["default"], mount_point=mount)
    login = client().auth.userpass.login("dana", "pw-not-asserted", mount_point=mount)
    login_entity = login["auth"]["entity_id"]
    group = ident.create_or_update_group(name="hvac-team-" + suffix, policies=["hvac-group-pol"], member_entity_ids=[login_entity])
    group_id = group["data"]["id"]
    out["group_create_keys"] = sorted(group["data"].keys())
    out["group_read_members_match"] = ident.read_group(group_id)["data"]["member_entity_ids"] == [login_entity]
    out["group_update_status"] = ident.update_group(group_id, name="hvac-team-" + suffix, policies=["hvac-group-pol"], member_entity_ids=[login_entity]).status_code
    out["groups_listed"] = group_id in ident.list_groups()["data"]["keys"]
    out["group_by_name_matches"] = ident.read_group_by_name("hvac-team-" + suffix)["data"]["id"] == group_id
    user = client(login["auth"]["client_token"])
    self_lookup = user.auth.token.lookup_self()["data"]
    out["lookup_self_entity_matches"] = self_lookup["entity_id"] == login_entity
    out["lookup_self_identity_policies"] = self_lookup.get("identity_policies")
    out["group_policy_read"] = user.secrets.kv.v2.read_secret_version("hvac-team/db")["data"]["data"]["user"]

    ident.delete_group(group_id)
    out["group_deleted"] = error_name(lambda: ident.read_group(group_id))
    out["read_after_group_delete"] = error_name(lambda: user.secrets.kv.v2.read_secret_version("hvac-team/db"))
    ident.delete_entity_alias(alias_id)
    ident.delete_entity(entity_id)
    out["entity_deleted"] = error_name(lambda: ident.read_entity(entity_id))

    # Two entities made one (merge_entities).
    keep = ident.create_or_update_entity(name="hvac-keep-" + suffix)["data"]["id"]
    gone = ident.create_or_update_entity(name="hvac-gone-" + suffix)["data"]["id"]
    out["merge_status"] = ident.merge_entities(from_entity_ids=[gone], to_entity_id=keep).status_code
    out["merged_ids"] = ident.read_entity(keep)["data"]["merged_entity_ids"] == [gone]
    out["merged_source"] = error_name(lambda: ident.read_entity(gone))
    ident.delete_entity(keep)

    # An external group and its alias on the userpass mount (hvac's group-alias methods).
    up_accessor = root.sys.list_auth_methods()["data"][mount + "/"]["accessor"]
    ext = ident.create_or_update_group(name="hvac-ext-" + suffix, group_type="external", policies=["hvac-group-pol"])
    ext_id = ext["data"]["id"]
    out["external_group_type"] = ident.read_group(ext_id)["data"]["type"]
    galias = ident.create_or_update_group_alias(name="hvac-idp-" + suffix, mount_accessor=up_accessor, canonical_id=ext_id)
    galias_id = galias["data"]["id"]
    out["group_alias_canonical_matches"] = galias["data"]["canonical_id"] == ext_id
    read_galias = ident.read_group_alias(galias_id)["data"]
    out["group_alias_mount_type"] = read_galias["mount_type"]
    out["group_alias_listed"] = galias_id in ident.list_group_aliases()["data"]["keys"]
    out["lookup_group_by_alias"] = ident.lookup_group(alias_name="hvac-idp-" + suffix, alias_mount_accessor=up_accessor)["data"]["id"] == ext_id
    ident.update_group_alias(galias_id, name="hvac-idp2-" + suffix, mount_accessor=up_accessor, canonical_id=ext_id)
    out["group_alias_renamed"] = ident.read_group(ext_id)["data"]["alias"]["name"] == "hvac-idp2-" + suffix
    ident.delete_group_alias(galias_id)
    out["group_alias_deleted"] = error_name(lambda: ident.read_group_alias(galias_id))
    ident.delete_group(ext_id)

    # Identity tokens: a named key and a role (hvac's create_named_key, create_or_update_role), a
    # token signed for a userpass login's entity, checked by introspection and the published keys.
    key = "hvac-key-" + suffix
    ident.create_named_key(key, rotation_period="1h", verification_ttl="1h", allowed_client_ids=["*"])
    out["oidc_key_algorithm"] = ident.read_named_key(key)["data"]["algorithm"]
    role = "hvac-role-" + suffix
    ident.create_or_update_role(role, key=key, ttl="30m", template='{"team": {{identity.entity.metadata.team}}}')
    client_id = ident.read_role(role)["data"]["client_id"]
    root.sys.create_or_update_policy("hvac-oidc-pol", 'path "identity/oidc/token/*" { capabilities = ["read"] }')
    root.auth.userpass.create_or_update_user("erin", "pw-not-asserted", policies=["hvac-oidc-pol"], mount_point=mount)
    erin = client().auth.userpass.login("erin", "pw-not-asserted", mount_point=mount)
    ident.update_entity(erin["auth"]["entity_id"], metadata={"team": "billing"})
    signed = client(erin["auth"]["client_token"]).secrets.identity.generate_signed_id_token(role)["data"]
    out["oidc_token_client_matches"] = signed["client_id"] == client_id
    out["oidc_token_ttl"] = signed["ttl"]
    header, claims = (json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))) for part in signed["token"].split(".")[:2])
    out["oidc_claims"] = {"sub_matches": claims["sub"] == erin["auth"]["entity_id"], "aud_matches": claims["aud"] == client_id, "team": claims.get("team"), "lifetime": claims["exp"] - claims["iat"]}
    out["oidc_introspect"] = ident.introspect_signed_id_token(signed["token"], client_id=client_id)
    well_known = ident.read_well_known_configurations()
    out["oidc_issuer_matches"] = claims["iss"] == well_known["issuer"]
    out["oidc_kid_published"] = header["kid"] in [k["kid"] for k in ident.read_active_public_keys()["keys"]]
    out["oidc_root_refused"] = error_name(lambda: ident.generate_signed_id_token(role))
    # hvac 0.11's rotate_named_key posts to oidc/key/<name> without /rotate (an update of the key, which
    # Vault refuses here: the role's ttl would outlive verification_ttl 0), so the rotate path is called as is.
    out["oidc_rotate_via_hvac"] = error_name(lambda: ident.rotate_named_key(key, verification_ttl="0"))
    root.adapter.post("/v1/identity/oidc/key/%s/rotate" % key, json={"verification_ttl": 0})
    out["oidc_after_rotate"] = ident.introspect_signed_id_token(signed["token"])["active"]
    ident.delete_role(role)
    ident.delete_named_key(key)
    root.sys.disable_auth_method(mount)
    print_result(out)


if __name__ == "__main__":
    main()
