#!/usr/bin/env python3
"""The generator of the blind corpora 14-17: writes a corpus from its _meta/templates.txt (seeded, so
the output is stable). Each corpus's _meta/gen.py calls generate() with its seed and description.

Template syntax: `=== path` starts a file. `{{gen:arg@ref}}` is replaced by a generated fake value
(`@ref` reuses the value made under that name in the same file). A line ending in
`#@S kind | note` is a planted secret, `#@T kind | note` a trap; `#@S+`/`#@T+` opens a multi-line
label that the next line carrying `#@E` closes. Markers (and the blanks before them) are removed.
None of the values is a real credential: they are random strings in the format's shape.
"""
import base64, binascii, hashlib, json, os, random, re, string, sys

SEED = 0
HERE = ROOT = ""
rng = random.Random(SEED)
AN = string.ascii_letters + string.digits
LOW = string.ascii_lowercase + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
BCRYPT = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits


def pick(alpha, n):
    return "".join(rng.choice(alpha) for _ in range(n))


def mixed(n, extra=""):
    # at least one upper, lower, digit (a generated password or key, not a word)
    while True:
        s = pick(AN + extra, n)
        if any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s):
            if not extra or any(c in extra for c in s):
                return s


def b62(num, width):
    """`num` in base 62 (0-9A-Za-z), left-padded with zeros to `width` digits (GitHub's token checksum)."""
    digits = [B62[(num // 62 ** i) % 62] for i in range(width)]
    return "".join(reversed(digits))


def gh_like(prefix):
    body = pick(AN, 30)
    return prefix + body + b62(binascii.crc32(body.encode()) & 0xFFFFFFFF, 6)


def b64(nbytes, url=False, pad=True):
    raw = bytes(rng.getrandbits(8) for _ in range(nbytes))
    s = base64.urlsafe_b64encode(raw).decode() if url else base64.b64encode(raw).decode()
    return s if pad else s.rstrip("=")


def b64u_text(s):
    return base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")


def jwt(claims):
    head = b64u_text(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")))
    body = b64u_text(json.dumps(claims, separators=(",", ":")))
    return f"{head}.{body}.{b64(32, url=True, pad=False)}"


def ws_xor(plain):
    return "{xor}" + base64.b64encode(bytes(ord(c) ^ 0x5F for c in plain)).decode()


def jetty_obf(plain):
    """Jetty's reversible Password.obfuscate (OBF:), as org.eclipse.jetty.util.security.Password writes it."""
    b = plain.encode()
    out = []
    for i in range(len(b)):
        b1, b2 = b[i], b[len(b) - (i + 1)]
        i0 = (127 + b1 + b2) * 256 + (127 + b1 - b2)
        x = ""
        while i0:
            i0, r = divmod(i0, 36)
            x = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + x
        out.append(x.rjust(4, "0"))
    return "OBF:" + "".join(out)


def cisco7(plain):
    """Cisco IOS type 7 (the reversible Vigenere of `service password-encryption`)."""
    xlat = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87"
    seed = rng.randint(0, 15)
    return "%02d" % seed + "".join("%02X" % (ord(c) ^ ord(xlat[(seed + i) % len(xlat)])) for i, c in enumerate(plain))


def pem_body(nbytes):
    s = b64(nbytes)
    return "\n".join(s[i:i + 64] for i in range(0, len(s), 64))


def gen(kind, arg):
    n = int(arg) if arg and arg.isdigit() else None
    if kind == "pw":
        return mixed(n or 18, "!%^*-_+.")
    if kind == "pwa":  # alphanumeric password
        return mixed(n or 20)
    if kind == "an":
        return mixed(n or 32)
    if kind == "lan":
        return pick(LOW, n or 24)
    if kind == "low":
        return pick(string.ascii_lowercase, n or 16)
    if kind == "hex":
        return pick("0123456789abcdef", n or 32)
    if kind == "HEX":
        return pick("0123456789ABCDEF", n or 32)
    if kind == "dig":
        return pick(string.digits, n or 8)
    if kind == "b64":
        return b64(n or 32)
    if kind == "b64u":
        return b64(n or 32, url=True, pad=False)
    if kind == "uuid":
        h = pick("0123456789abcdef", 32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"
    if kind == "ghp":
        return gh_like("ghp_")
    if kind == "npm":
        return gh_like("npm_")
    if kind == "akia":
        return "AKIA" + pick(string.ascii_uppercase + "234567", 16)
    if kind == "awssec":
        return pick(AN + "+/", 40)
    if kind == "bcrypt":
        return "$2y$10$" + pick(BCRYPT, 53)
    if kind == "argon2":
        return f"$argon2id$v=19$m=65536,t=3,p=4${b64(16, pad=False)}${b64(32, pad=False)}"
    if kind == "sha512crypt":
        return "$6$" + pick(BCRYPT, 16) + "$" + pick(BCRYPT, 86)
    if kind == "pbkdf2":
        return f"$pbkdf2-sha512$310000${b64(16, pad=False)}${b64(64, pad=False)}"
    if kind == "gmailapp":
        return " ".join(pick(string.ascii_lowercase, 4) for _ in range(4))
    if kind == "slackbot":
        return f"xoxb-{pick(string.digits, 12)}-{pick(string.digits, 13)}-{pick(AN, 24)}"
    if kind == "discordbot":
        uid = str(rng.randint(10**17, 10**18))
        return f"{b64u_text(uid)}.{pick(AN + '-_', 6)}.{pick(AN + '-_', 38)}"
    if kind == "tgbot":
        return f"{rng.randint(10**9, 7 * 10**9)}:AA{pick(AN + '-_', 33)}"
    if kind == "b2key":
        return "K00" + pick(AN, 28)
    if kind == "b2id":
        return "00" + pick("0123456789abcdef", 23)
    if kind == "gslt":
        return pick("0123456789ABCDEF", 32)
    if kind == "plex":
        return pick(AN + "-_", 20)
    if kind == "jwt":
        return jwt({"sub": pick(LOW, 8), "iat": 1731000000 + rng.randint(0, 9999999)})
    if kind == "wsxor":
        return ws_xor(mixed(14))
    if kind == "pem":
        return pem_body(n or 1190)
    if kind == "googlerefresh":
        return "1//0" + pick(AN + "-_", 99)
    if kind == "gcsecret":
        return "GOCSPX-" + pick(AN + "-_", 28)
    if kind == "gcid":
        return f"{pick(string.digits, 12)}-{pick(LOW, 32)}.apps.googleusercontent.com"
    if kind == "md5":
        return hashlib.md5(pick(AN, 12).encode()).hexdigest()
    if kind == "sha1":
        return hashlib.sha1(pick(AN, 12).encode()).hexdigest()
    if kind == "sha256":
        return hashlib.sha256(pick(AN, 12).encode()).hexdigest()
    if kind == "fp":
        return ":".join(pick("0123456789ABCDEF", 2) for _ in range(32))
    if kind == "ntlm":
        return pick("0123456789ABCDEF", 32)
    if kind == "cftunnel":
        return b64u_text(json.dumps({"a": pick("0123456789abcdef", 32), "t": gen("uuid", None), "s": b64(32)}, separators=(",", ":")))
    if kind == "neptune":
        body = json.dumps({"api_address": "https://app.neptune.ai", "api_url": "https://app.neptune.ai", "api_key": gen("uuid", None)}, separators=(",", ":"))
        return base64.b64encode(body.encode()).decode()
    if kind == "maxmind":
        return pick(AN, 6) + "_" + pick(AN, 33)
    if kind == "sgkey":
        return f"SG.{pick(AN + '-_', 22)}.{pick(AN + '-_', 43)}"
    if kind == "zt":
        return pick("0123456789abcdef", 10)
    if kind == "mapboxsk":
        body = b64u_text(json.dumps({"u": "harrowgate", "a": pick(LOW, 25)}, separators=(",", ":")))
        return f"sk.{body}.{pick(AN + '-_', 22)}"
    if kind == "tsig":
        return b64(n or 32)
    if kind == "ceph":
        raw = b"\x01\x00" + bytes(rng.getrandbits(8) for _ in range(8)) + b"\x10\x00" + bytes(rng.getrandbits(8) for _ in range(16))
        return base64.b64encode(raw).decode()
    if kind == "esapikey":
        return base64.b64encode(f"{pick(AN + '-_', 20)}:{pick(AN + '-_', 22)}".encode()).decode()
    if kind == "escloudid":
        body = f"eu-west-1.aws.found.io${pick('0123456789abcdef', 32)}${pick('0123456789abcdef', 32)}"
        return "prod-search:" + base64.b64encode(body.encode()).decode()
    if kind == "obf":
        return jetty_obf(mixed(n or 14))
    if kind == "unleash":
        return pick("0123456789abcdef", 56)
    if kind == "opt":
        return "2:" + pick(AN + "-_", 43)
    if kind == "sha256b64":
        return base64.b64encode(hashlib.sha256(pick(AN, 12).encode()).digest()).decode()
    if kind == "onionauth":
        return pick("abcdefghijklmnopqrstuvwxyz234567", 56) + ":descriptor:x25519:" + pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 52)
    if kind == "b32":
        return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n or 32)
    if kind == "pbkdf2couch":
        return f"-pbkdf2-{pick('0123456789abcdef', 40)},{pick('0123456789abcdef', 32)},10"
    if kind == "fortienc":
        return "ENC " + b64(n or 84)
    if kind == "type7":
        return cisco7(mixed(n or 12))
    if kind == "md5crypt":
        return "$1$" + pick(BCRYPT, 8) + "$" + pick(BCRYPT, 22)
    if kind == "sha256crypt":
        return "$5$" + pick(BCRYPT, 16) + "$" + pick(BCRYPT, 43)
    if kind == "panapikey":
        return base64.b64encode(("-AQ==" + pick(AN + "+/", 28) + "=" + pick(AN + "+/", 64) + "==").encode()).decode()
    if kind == "macaroon":
        return "0201036c6e6402f801030a10" + pick("0123456789abcdef", 32) + "1201301a160a0761646472657373120472656164120577726974651a13" + pick("0123456789abcdef", 96)
    if kind == "maas":
        return f"{pick(AN, 18)}:{pick(AN, 18)}:{pick(AN, 32)}"
    if kind == "ably":
        return f"{pick(AN, 6)}.{pick(AN, 6)}:{pick(AN + '-_', 43)}"
    if kind == "gotifyapp":
        return "A" + pick(AN + ".-_", 14)
    if kind == "gotifyclient":
        return "C" + pick(AN + ".-_", 14)
    if kind == "ntfy":
        return "tk_" + pick(LOW, 29)
    if kind == "ethaddr":
        return "0x" + pick("0123456789abcdef", 40)
    if kind == "splunksecret":
        return pick(AN + "./", 254)
    if kind == "splunk7":
        return "$7$" + b64(60)
    if kind == "defuse":
        return "def00000" + pick("0123456789abcdef", 128)
    if kind == "jwe":
        head = b64u_text(json.dumps({"alg": "PBES2-HS256+A128KW", "cty": "jwk+json", "enc": "A256GCM", "p2c": 100000, "p2s": b64(16, url=True, pad=False)}, separators=(",", ":")))
        return f"{head}.{b64(40, url=True, pad=False)}.{b64(12, url=True, pad=False)}.{b64(180, url=True, pad=False)}.{b64(16, url=True, pad=False)}"
    if kind == "crtv2":
        return "02:" + pick("0123456789abcdef", 96)
    if kind == "hexkey":
        return "0x" + pick("0123456789abcdef", n or 32)
    if kind == "ed25519kp":
        return b64(64)
    if kind == "pw7":
        return mixed(n or 14, "!%^*-_+.")

    if kind == "minisignsec":
        return "RWRTY0Iy" + b64(154)
    if kind == "minisignpub":
        return "RWQ" + b64(42)
    if kind == "tauripriv":
        txt = "untrusted comment: rsign encrypted secret key\nRWRTY0Iy" + b64(154) + "\n"
        return base64.b64encode(txt.encode()).decode()
    if kind == "tauripub":
        kid = pick("0123456789ABCDEF", 16)
        txt = f"untrusted comment: minisign public key: {kid}\nRWQ" + b64(42) + "\n"
        return base64.b64encode(txt.encode()).decode()
    if kind == "applepw":
        return "-".join(pick(string.ascii_lowercase, 4) for _ in range(4))
    if kind == "snapcred":
        body = json.dumps({"t": "u1-macaroon", "v": {"r": "MDAx" + pick(AN, 180), "d": "MDAx" + pick(AN, 150)}}, separators=(",", ":"))
        return base64.b64encode(body.encode()).decode()
    if kind == "fernet":
        return b64(32, url=True)
    if kind == "digits":
        return str(rng.randint(10 ** ((n or 10) - 1), 10 ** (n or 10) - 1))
    if kind == "heidi":
        pw = mixed(n or 14)
        shift = rng.randint(1, 9)
        return "".join("%02X" % (ord(c) + shift) for c in pw) + str(shift)
    if kind == "txhash":
        return "{" + pick("0123456789abcdef", 40) + pick(AN, 8)
    if kind == "qbpbkdf2":
        return "@ByteArray(" + b64(16) + ":" + b64(64) + ")"
    if kind == "apr1":
        return "$apr1$" + pick(BCRYPT, 8) + "$" + pick(BCRYPT, 22)
    if kind == "overseerr":
        return base64.b64encode((str(rng.randint(10**12, 2 * 10**12)) + gen("uuid", None)).encode()).decode()
    if kind == "p12b64":
        return b64(n or 2400)
    if kind == "zapi":
        return pick("0123456789abcdef", 64)
    raise SystemExit(f"unknown generator {kind}")


LITERAL = {"build", "STRIPE_KEY", "target", "current_version"}
MARK = re.compile(r"\s*#@(S|T)(\+?)\s+([^|]+?)\s*\|\s*(.*)$")
END = re.compile(r"\s*#@E\s*$")
TOKEN = re.compile(r"\{\{([a-zA-Z0-9]+)(?::([^@}]*))?(?:@([a-zA-Z0-9_]+))?\}\}")


def main():
    text = open(os.path.join(HERE, "templates.txt"), encoding="utf-8").read()
    files, cur = [], None
    for raw in text.split("\n"):
        if raw.startswith("=== "):
            cur = [raw[4:].strip(), []]
            files.append(cur)
        elif cur is not None:
            cur[1].append(raw)
        elif raw.strip() and not raw.startswith("#"):
            raise SystemExit(f"text before the first file: {raw!r}")
    labels, secrets, traps = [], 0, 0
    for path, lines in files:
        while lines and lines[-1] == "":
            lines.pop()
        refs, out, open_label = {}, [], None
        for raw in lines:
            m, e = MARK.search(raw), END.search(raw)
            line = raw[: m.start()] if m else raw[: e.start()] if e else raw

            def sub(t):
                kind, arg, ref = t.group(1), t.group(2), t.group(3)
                if kind in LITERAL:  # CI template syntax that looks like a token (Codefresh `${{build}}`)
                    return t.group(0)
                if ref and ref in refs:
                    return refs[ref]
                v = gen(kind, arg)
                if ref:
                    refs[ref] = v
                return v

            indent = line[: len(line) - len(line.lstrip())]
            line = TOKEN.sub(lambda t: sub(t).replace("\n", "\n" + indent), line)
            for piece in line.split("\n"):
                out.append(piece)
            no = len(out) - line.count("\n")
            if m:
                lab = {"file": path, "line": no, "kind": m.group(3).strip(), "note": m.group(4).strip()}
                if m.group(1) == "T":
                    lab["trap"] = True
                if m.group(2) == "+":
                    open_label = lab
                elif line.count("\n"):
                    lab["endLine"] = len(out)
                labels.append(lab)
            if e and open_label is not None:
                open_label["endLine"] = len(out)
                open_label = None
        if open_label is not None:
            raise SystemExit(f"{path}: label opened and not closed")
        dest = os.path.join(ROOT, path)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(out) + "\n")
    secrets = sum(1 for l in labels if not l.get("trap"))
    traps = sum(1 for l in labels if l.get("trap"))
    desc = DESCRIPTION
    with open(os.path.join(ROOT, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"description": desc, "labels": labels}, f, indent=1)
        f.write("\n")
    print(f"{len(files)} files, {secrets} secrets, {traps} traps")


def generate(root, seed, description):
    """Writes the corpus at `root` (its templates in root/_meta) with `seed`; `description` goes into labels.json."""
    global SEED, HERE, ROOT, DESCRIPTION, rng
    SEED, ROOT, DESCRIPTION = seed, root, description
    HERE = os.path.join(root, "_meta")
    rng = random.Random(seed)
    main()
