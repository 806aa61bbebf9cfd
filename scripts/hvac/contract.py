#!/usr/bin/env python3
"""Drive a Vault (or the vaultshift dev server) through hvac, the Python client
HashiCorp's docs point to, and print what happened as one JSON object.

The node test (src/devserver/contract/cross-client.test.ts) runs this with VAULT_ADDR and
VAULT_TOKEN set and asserts on the output; nothing here decides pass or fail.
Usage: VAULT_ADDR=... VAULT_TOKEN=... python3 scripts/hvac/contract.py
"""
import secrets
import sys

# Importing common.py must leave no __pycache__ in the repository.
sys.dont_write_bytecode = True

from common import client, error_name, print_result, root_client


def main():
    root = root_client()
    suffix = secrets.token_hex(4)
    mount = "hvac-kv-" + suffix
    approle = "hvac-approle-" + suffix
    policy = "hvac-reader-" + suffix
    out = {"authenticated": root.is_authenticated()}
    kv = root.secrets.kv.v2

    root.sys.enable_secrets_engine("kv", path=mount, options={"version": "2"})
    try:
        out["mount_listed"] = (mount + "/") in root.sys.list_mounted_secrets_engines()["data"]

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
        raw = root.adapter.request(
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
        root.sys.create_or_update_policy(
            policy, 'path "%s/data/app/*" { capabilities = ["read"] }' % mount
        )
        limited_token = root.auth.token.create(policies=[policy], ttl="10m")["auth"]["client_token"]
        limited = client(limited_token)
        out["limited_read"] = limited.secrets.kv.v2.read_secret_version("app/db", mount_point=mount)["data"]["data"]
        out["limited_write"] = error_name(
            lambda: limited.secrets.kv.v2.create_or_update_secret("app/db", secret={"a": "b"}, mount_point=mount)
        )
        out["limited_sys"] = error_name(lambda: limited.sys.list_mounted_secrets_engines())
        out["limited_lookup_self_policies"] = sorted(limited.auth.token.lookup_self()["data"]["policies"])

        # AppRole login.
        root.sys.enable_auth_method("approle", path=approle)
        try:
            root.auth.approle.create_or_update_approle("web", token_policies=[policy], token_ttl="1h", mount_point=approle)
            role_id = root.auth.approle.read_role_id("web", mount_point=approle)["data"]["role_id"]
            secret_id = root.auth.approle.generate_secret_id("web", mount_point=approle)["data"]["secret_id"]
            app = client()
            login = app.auth.approle.login(role_id=role_id, secret_id=secret_id, mount_point=approle)
            out["approle_policies"] = sorted(login["auth"]["token_policies"])
            out["approle_authenticated"] = app.is_authenticated()
            out["approle_read"] = app.secrets.kv.v2.read_secret_version("app/db", mount_point=mount)["data"]["data"]
            bad = client()
            out["approle_bad_login"] = error_name(
                lambda: bad.auth.approle.login(role_id=role_id, secret_id="not-the-secret", mount_point=approle)
            )
        finally:
            root.sys.disable_auth_method(approle)
        root.sys.delete_policy(policy)
    finally:
        root.sys.disable_secrets_engine(mount)
    out["mount_removed"] = (mount + "/") not in root.sys.list_mounted_secrets_engines()["data"]
    print_result(out)


if __name__ == "__main__":
    main()
