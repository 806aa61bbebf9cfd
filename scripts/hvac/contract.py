#!/usr/bin/env python3
"""Drive a Vault (or the vaultshift dev server) through hvac, the Python client
HashiCorp's docs point to, and print what happened as one JSON object.

The node test (src/devserver/cross-client.test.ts) runs this with VAULT_ADDR and
VAULT_TOKEN set and asserts on the output; nothing here decides pass or fail.
Usage: VAULT_ADDR=... VAULT_TOKEN=... python3 scripts/hvac/contract.py
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
    """Run fn; return the hvac exception class name it raised, or None."""
    try:
        fn()
        return None
    except exceptions.VaultError as e:
        return type(e).__name__


def main():
    addr = os.environ["VAULT_ADDR"]
    client = hvac.Client(url=addr, token=os.environ["VAULT_TOKEN"], timeout=10)
    suffix = secrets.token_hex(4)
    mount = "hvac-kv-" + suffix
    approle = "hvac-approle-" + suffix
    policy = "hvac-reader-" + suffix
    out = {"authenticated": client.is_authenticated()}
    kv = client.secrets.kv.v2

    client.sys.enable_secrets_engine("kv", path=mount, options={"version": "2"})
    try:
        out["mount_listed"] = (mount + "/") in client.sys.list_mounted_secrets_engines()["data"]

        w1 = kv.create_or_update_secret("app/db", secret={"user": "app", "password": "pw-1"}, mount_point=mount)
        out["write1_version"] = w1["data"]["version"]
        out["cas_conflict"] = error_name(
            lambda: kv.create_or_update_secret("app/db", secret={"user": "x"}, cas=0, mount_point=mount)
        )
        w2 = kv.create_or_update_secret("app/db", secret={"user": "app", "password": "pw-2"}, cas=1, mount_point=mount)
        out["write2_version"] = w2["data"]["version"]
        out["read_v1"] = kv.read_secret_version("app/db", version=1, mount_point=mount)["data"]["data"]
        out["read_latest"] = kv.read_secret_version("app/db", mount_point=mount)["data"]["data"]

        p = kv.patch("app/db", {"port": "5432"}, mount_point=mount)
        out["patch_version"] = p["data"]["version"]
        out["after_patch"] = kv.read_secret_version("app/db", mount_point=mount)["data"]["data"]

        # A real merge patch (PATCH + application/merge-patch+json) through hvac's own transport.
        raw = client.adapter.request(
            "PATCH",
            "/v1/{}/data/app/db".format(mount),
            json={"data": {"password": None, "region": "eu"}},
            headers={"Content-Type": "application/merge-patch+json"},
        )
        out["merge_patch_version"] = raw["data"]["version"]
        out["after_merge_patch"] = kv.read_secret_version("app/db", mount_point=mount)["data"]["data"]

        kv.delete_latest_version_of_secret("app/db", mount_point=mount)
        out["read_deleted"] = error_name(lambda: kv.read_secret_version("app/db", mount_point=mount))
        kv.undelete_secret_versions("app/db", versions=[4], mount_point=mount)
        out["read_undeleted"] = kv.read_secret_version("app/db", mount_point=mount)["data"]["data"]
        kv.destroy_secret_versions("app/db", versions=[1], mount_point=mount)
        meta = kv.read_secret_metadata("app/db", mount_point=mount)["data"]
        out["metadata_current_version"] = meta["current_version"]
        out["metadata_v1_destroyed"] = meta["versions"]["1"]["destroyed"]
        kv.update_metadata("app/db", max_versions=3, mount_point=mount)
        out["metadata_max_versions"] = kv.read_secret_metadata("app/db", mount_point=mount)["data"]["max_versions"]

        kv.create_or_update_secret("app/api/key", secret={"k": "v"}, mount_point=mount)
        out["list_app"] = kv.list_secrets("app", mount_point=mount)["data"]["keys"]
        out["list_missing"] = error_name(lambda: kv.list_secrets("nothing-here", mount_point=mount))

        # A policy and a limited token: allowed and denied.
        client.sys.create_or_update_policy(
            policy, 'path "%s/data/app/*" { capabilities = ["read"] }' % mount
        )
        limited_token = client.auth.token.create(policies=[policy], ttl="10m")["auth"]["client_token"]
        limited = hvac.Client(url=addr, token=limited_token, timeout=10)
        out["limited_read"] = limited.secrets.kv.v2.read_secret_version("app/db", mount_point=mount)["data"]["data"]
        out["limited_write"] = error_name(
            lambda: limited.secrets.kv.v2.create_or_update_secret("app/db", secret={"a": "b"}, mount_point=mount)
        )
        out["limited_sys"] = error_name(lambda: limited.sys.list_mounted_secrets_engines())
        out["limited_lookup_self_policies"] = sorted(limited.auth.token.lookup_self()["data"]["policies"])

        # AppRole login.
        client.sys.enable_auth_method("approle", path=approle)
        try:
            client.auth.approle.create_or_update_approle("web", token_policies=[policy], token_ttl="1h", mount_point=approle)
            role_id = client.auth.approle.read_role_id("web", mount_point=approle)["data"]["role_id"]
            secret_id = client.auth.approle.generate_secret_id("web", mount_point=approle)["data"]["secret_id"]
            app = hvac.Client(url=addr, timeout=10)
            login = app.auth.approle.login(role_id=role_id, secret_id=secret_id, mount_point=approle)
            out["approle_policies"] = sorted(login["auth"]["token_policies"])
            out["approle_authenticated"] = app.is_authenticated()
            out["approle_read"] = app.secrets.kv.v2.read_secret_version("app/db", mount_point=mount)["data"]["data"]
            bad = hvac.Client(url=addr, timeout=10)
            out["approle_bad_login"] = error_name(
                lambda: bad.auth.approle.login(role_id=role_id, secret_id="not-the-secret", mount_point=approle)
            )
        finally:
            client.sys.disable_auth_method(approle)
        client.sys.delete_policy(policy)
    finally:
        client.sys.disable_secrets_engine(mount)
    out["mount_removed"] = (mount + "/") not in client.sys.list_mounted_secrets_engines()["data"]
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
