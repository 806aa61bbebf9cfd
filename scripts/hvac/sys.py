#!/usr/bin/env python3
"""Drive the system backend, token self-service and response wrapping through
hvac and print the results as one JSON object (asserted by
src/devserver/contract/cross-client.test.ts).
Usage: VAULT_ADDR=... VAULT_TOKEN=... python3 scripts/hvac/sys.py
"""
import secrets
import sys

# Importing common.py must leave no __pycache__ in the repository.
sys.dont_write_bytecode = True

from common import client, error_name, print_result, root_client


def main():
    root = root_client()
    suffix = secrets.token_hex(4)
    out = {}

    out["health_head_status"] = root.sys.read_health_status(method="HEAD").status_code
    health = root.sys.read_health_status(method="GET", sealed_code=299, uninit_code=299, standby_ok=True)
    out["health_get_initialized"] = health["initialized"]
    out["is_initialized"] = root.sys.is_initialized()
    out["is_sealed"] = root.sys.is_sealed()
    out["seal_status_type"] = root.sys.read_seal_status()["type"]
    out["auth_methods_has_token"] = "token/" in root.sys.list_auth_methods()["data"]

    mount = "hvac-sys-" + suffix
    root.sys.enable_secrets_engine("kv", path=mount, options={"version": "2"})
    try:
        root.sys.tune_mount_configuration(mount, default_lease_ttl="1h", max_lease_ttl="2h")
        conf = root.sys.read_mount_configuration(mount)["data"]
        out["tuned"] = [conf["default_lease_ttl"], conf["max_lease_ttl"]]
        out["kv_version_option"] = root.sys.retrieve_mount_option(mount, "version")
        root.secrets.kv.v2.configure(max_versions=4, cas_required=False, mount_point=mount)
        out["kv_config_max_versions"] = root.secrets.kv.v2.read_configuration(mount_point=mount)["data"]["max_versions"]
    finally:
        root.sys.disable_secrets_engine(mount)

    policy = "hvac-sys-pol-" + suffix
    root.sys.create_or_update_policy(policy, 'path "secret/data/x" { capabilities = ["read", "update"] }')
    out["policy_listed"] = policy in root.sys.list_policies()["data"]["policies"]
    out["policy_rules_roundtrip"] = "capabilities" in root.sys.read_policy(policy)["data"]["rules"]
    tok = root.auth.token.create(policies=[policy], ttl="10m")["auth"]
    out["caps_root"] = root.sys.get_capabilities(["secret/data/x"])["capabilities"]
    out["caps_token"] = sorted(root.sys.get_capabilities(["secret/data/x"], token=tok["client_token"])["capabilities"])
    out["caps_accessor"] = sorted(root.sys.get_capabilities(["secret/data/y"], accessor=tok["accessor"])["capabilities"])
    limited = client(tok["client_token"])
    out["renew_self_lease"] = limited.auth.token.renew_self(increment="20m")["auth"]["lease_duration"]
    limited.auth.token.revoke_self()
    out["revoked_is_authenticated"] = limited.is_authenticated()
    root.sys.delete_policy(policy)
    out["policy_deleted"] = policy not in root.sys.list_policies()["data"]["policies"]

    device = "hvac-audit-" + suffix
    root.sys.enable_audit_device("file", path=device, options={"file_path": "discard"})
    try:
        out["audit_listed"] = (device + "/") in root.sys.list_enabled_audit_devices()["data"]
        out["audit_hash_prefix"] = root.sys.calculate_hash(device, "some-value")["data"]["hash"][:12]
    finally:
        root.sys.disable_audit_device(device)

    wrapped = root.auth.token.create(policies=["default"], ttl="5m", wrap_ttl="60s")
    out["wrapped_has_auth"] = wrapped.get("auth") is not None
    unwrapped = root.sys.unwrap(wrapped["wrap_info"]["token"])
    out["unwrapped_policies"] = sorted(unwrapped["auth"]["policies"])

    bad = client("hvs.not-a-token")
    out["bad_token_is_authenticated"] = bad.is_authenticated()
    out["bad_token_sys_error"] = error_name(lambda: bad.sys.list_mounted_secrets_engines())
    print_result(out)


if __name__ == "__main__":
    main()
