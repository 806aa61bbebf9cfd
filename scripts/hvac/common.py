"""What the hvac scripts (contract.py, sys.py) share: loading hvac, clients for
the server in VAULT_ADDR, turning an hvac exception into its class name, and
printing the result as the one JSON object the node test parses
(src/devserver/contract/cross-client.test.ts).
"""
import json
import os
import sys

try:
    import hvac
    from hvac import exceptions
except ImportError:
    print(json.dumps({"error": "hvac is not installed: apt-get install python3-hvac"}))
    sys.exit(3)

TIMEOUT = 10


def client(token=None):
    """An hvac client for VAULT_ADDR. Without a token hvac falls back to VAULT_TOKEN, as it does for users."""
    return hvac.Client(url=os.environ["VAULT_ADDR"], token=token, timeout=TIMEOUT)


def root_client():
    """The client the script drives the server with: VAULT_TOKEN, which the test sets to a root token."""
    return client(os.environ["VAULT_TOKEN"])


def error_name(fn):
    """Run fn; return the hvac exception class name it raised, or None."""
    try:
        fn()
        return None
    except exceptions.VaultError as e:
        return type(e).__name__


def print_result(out):
    print(json.dumps(out, sort_keys=True))
