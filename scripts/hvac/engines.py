#!/usr/bin/env python3
"""Drive the transit engine, userpass auth, batch tokens and sys/leases through
hvac and print the results as one JSON object (asserted by
src/devserver/contract/cross-client.test.ts).
Usage: VAULT_ADDR=... VAULT_TOKEN=... python3 scripts/hvac/engines.py
"""
import base64
import secrets
import sys

# Importing common.py must leave no __pycache__ in the repository.
sys.dont_write_bytecode = True

from common import client, error_name, print_result, root_client


def b64(text):
    return base64.b64encode(text.encode()).decode()


def unb64(text):
    return base64.b64decode(text).decode()


def main():
    root = root_client()
    suffix = secrets.token_hex(4)
    out = {}

    # Transit.
    transit = "hvac-transit-" + suffix
    root.sys.enable_secrets_engine("transit", path=transit)
    try:
        tr = root.secrets.transit
        tr.create_key("app", mount_point=transit)
        key = tr.read_key("app", mount_point=transit)["data"]
        out["transit_type"] = key["type"]
        out["transit_latest"] = key["latest_version"]
        ct = tr.encrypt_data("app", plaintext=b64("hvac-secret"), mount_point=transit)["data"]["ciphertext"]
        out["transit_prefix"] = ct[:9]
        out["transit_decrypted"] = unb64(tr.decrypt_data("app", ciphertext=ct, mount_point=transit)["data"]["plaintext"])
        tr.rotate_key("app", mount_point=transit)
        rewrapped = tr.rewrap_data("app", ciphertext=ct, mount_point=transit)["data"]["ciphertext"]
        out["transit_rewrapped_prefix"] = rewrapped[:9]
        out["transit_rewrapped_decrypted"] = unb64(tr.decrypt_data("app", ciphertext=rewrapped, mount_point=transit)["data"]["plaintext"])
        batch = tr.encrypt_data("app", plaintext="", batch_input=[{"plaintext": b64("one")}, {"plaintext": b64("two")}], mount_point=transit)["data"]["batch_results"]
        dec = tr.decrypt_data("app", ciphertext="", batch_input=[{"ciphertext": r["ciphertext"]} for r in batch], mount_point=transit)["data"]["batch_results"]
        out["transit_batch"] = [unb64(r["plaintext"]) for r in dec]
        dk = tr.generate_data_key("app", key_type="plaintext", mount_point=transit)["data"]
        out["transit_datakey_matches"] = tr.decrypt_data("app", ciphertext=dk["ciphertext"], mount_point=transit)["data"]["plaintext"] == dk["plaintext"]
        mac = tr.generate_hmac("app", hash_input=b64("msg"), mount_point=transit)["data"]["hmac"]
        out["transit_hmac_valid"] = tr.verify_signed_data("app", hash_input=b64("msg"), hmac=mac, mount_point=transit)["data"]["valid"]
        tr.create_key("signer", key_type="ecdsa-p256", mount_point=transit)
        sig = tr.sign_data("signer", hash_input=b64("doc"), mount_point=transit)["data"]["signature"]
        out["transit_signature_valid"] = tr.verify_signed_data("signer", hash_input=b64("doc"), signature=sig, mount_point=transit)["data"]["valid"]
        out["transit_signature_tampered"] = tr.verify_signed_data("signer", hash_input=b64("dot"), signature=sig, mount_point=transit)["data"]["valid"]
        out["transit_list"] = sorted(tr.list_keys(mount_point=transit)["data"]["keys"])
        out["transit_delete_refused"] = error_name(lambda: tr.delete_key("app", mount_point=transit))
        tr.update_key_configuration("app", deletion_allowed=True, mount_point=transit)
        tr.delete_key("app", mount_point=transit)
        out["transit_deleted"] = error_name(lambda: tr.read_key("app", mount_point=transit))
    finally:
        root.sys.disable_secrets_engine(transit)

    # Userpass.
    userpass = "hvac-userpass-" + suffix
    root.sys.enable_auth_method("userpass", path=userpass)
    try:
        root.auth.userpass.create_or_update_user("carol", password="hvac-pw", policies=["default"], mount_point=userpass)
        user = client()
        login = user.auth.userpass.login("carol", "hvac-pw", mount_point=userpass)
        out["userpass_metadata"] = login["auth"]["metadata"]
        out["userpass_authenticated"] = user.is_authenticated()
        out["userpass_bad_login"] = error_name(lambda: client().auth.userpass.login("carol", "nope", mount_point=userpass))
        out["userpass_users"] = root.auth.userpass.list_user(mount_point=userpass)["data"]["keys"]

        # Leases: the login token's lease, under auth/<mount>/login/carol/.
        prefix = "auth/%s/login/carol/" % userpass
        keys = root.sys.list_leases(prefix)["data"]["keys"]
        out["lease_count"] = len(keys)
        lease_id = prefix + keys[0]
        lease = root.sys.read_lease(lease_id)["data"]
        out["lease_id_matches"] = lease["id"] == lease_id
        # A token's lease is renewed through auth/token/renew, not sys/leases/renew (leases.mdx): Vault answers 400.
        out["lease_renew_refused"] = error_name(lambda: root.sys.renew_lease(lease_id, increment=600))
        root.sys.revoke_lease(lease_id)
        out["lease_revoked_token_authenticated"] = user.is_authenticated()
    finally:
        root.sys.disable_auth_method(userpass)

    # Batch tokens.
    batch = root.auth.token.create(type="batch", ttl="10m", policies=["default"])["auth"]
    out["batch_prefix"] = batch["client_token"][:4]
    out["batch_accessor"] = batch["accessor"]
    out["batch_token_type"] = batch["token_type"]
    btok = client(batch["client_token"])
    out["batch_lookup_type"] = btok.auth.token.lookup_self()["data"]["type"]
    out["batch_create_child"] = error_name(lambda: btok.auth.token.create(ttl="1m"))
    print_result(out)


if __name__ == "__main__":
    main()
