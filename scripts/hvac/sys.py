#!/usr/bin/env python3
"""Drive the system backend, token self-service and response wrapping through
hvac and print the results as one JSON object (asserted by
src/devserver/contract/cross-client.test.ts).
Usage: VAULT_ADDR=... VAULT_TOKEN=... python3 scripts/hvac/sys.py
"""
import json
import os
import secrets
import sys

try:
    import hvac
    from hvac import exceptions
except ImportError:
    print(json.dumps({"error": "hvac is not installed: apt-get install python3-hvac"}))
    sys.exit(3)


def error_name(fn):
    try:
        fn()
        return None
    except exceptions.VaultError as e:
        return type(e).__name__


def main():
    addr = os.environ["VAULT_ADDR"]
    client = hvac.Client(url=addr, token=os.environ["VAULT_TOKEN"], timeout=10)
    suffix = secrets.token_hex(4)
    out = {}

    out["health_head_status"] = client.sys.read_health_status(method="HEAD").status_code
    health = client.sys.read_health_status(method="GET", sealed_code=299, uninit_code=299, standby_ok=True)
    out["health_get_initialized"] = health["initialized"]
    out["is_initialized"] = client.sys.is_initialized()
    out["is_sealed"] = client.sys.is_sealed()
    out["seal_status_type"] = client.sys.read_seal_status()["type"]
    out["auth_methods_has_token"] = "token/" in client.sys.list_auth_methods()["data"]

    mount = "hvac-sys-" + suffix
    client.sys.enable_secrets_engine("kv", path=mount, options={"version": "2"})
    try:
        client.sys.tune_mount_configuration(mount, default_lease_ttl="1h", max_lease_ttl="2h")
        conf = client.sys.read_mount_configuration(mount)["data"]
        out["tuned"] = [conf["default_lease_ttl"], conf["max_lease_ttl"]]
        out["kv_version_option"] = client.sys.retrieve_mount_option(mount, "version")
        client.secrets.kv.v2.configure(max_versions=4, cas_required=False, mount_point=mount)
        out["kv_config_max_versions"] = client.secrets.kv.v2.read_configuration(mount_point=mount)["data"]["max_versions"]
    finally:
        client.sys.disable_secrets_engine(mount)

    policy = "hvac-sys-pol-" + suffix
    client.sys.create_or_update_policy(policy, 'path "secret/data/x" { capabilities = ["read", "update"] }')
    out["policy_listed"] = policy in client.sys.list_policies()["data"]["policies"]
    out["policy_rules_roundtrip"] = "capabilities" in client.sys.read_policy(policy)["data"]["rules"]
    tok = client.auth.token.create(policies=[policy], ttl="10m")["auth"]
    out["caps_root"] = client.sys.get_capabilities(["secret/data/x"])["capabilities"]
    out["caps_token"] = sorted(client.sys.get_capabilities(["secret/data/x"], token=tok["client_token"])["capabilities"])
    out["caps_accessor"] = sorted(client.sys.get_capabilities(["secret/data/y"], accessor=tok["accessor"])["capabilities"])
    limited = hvac.Client(url=addr, token=tok["client_token"], timeout=10)
    out["renew_self_lease"] = limited.auth.token.renew_self(increment="20m")["auth"]["lease_duration"]
    limited.auth.token.revoke_self()
    out["revoked_is_authenticated"] = limited.is_authenticated()
    client.sys.delete_policy(policy)
    out["policy_deleted"] = policy not in client.sys.list_policies()["data"]["policies"]

    device = "hvac-audit-" + suffix
    client.sys.enable_audit_device("file", path=device, options={"file_path": "discard"})
    try:
        out["audit_listed"] = (device + "/") in client.sys.list_enabled_audit_devices()["data"]
        out["audit_hash_prefix"] = client.sys.calculate_hash(device, "some-value")["data"]["hash"][:12]
    finally:
        client.sys.disable_audit_device(device)

    wrapped = client.auth.token.create(policies=["default"], ttl="5m", wrap_ttl="60s")
    out["wrapped_has_auth"] = wrapped.get("auth") is not None
    unwrapped = client.sys.unwrap(wrapped["wrap_info"]["token"])
    out["unwrapped_policies"] = sorted(unwrapped["auth"]["policies"])

    bad = hvac.Client(url=addr, token="hvs.not-a-token", timeout=10)
    out["bad_token_is_authenticated"] = bad.is_authenticated()
    out["bad_token_sys_error"] = error_name(lambda: bad.sys.list_mounted_secrets_engines())
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
