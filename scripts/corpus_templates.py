#!/usr/bin/env python3
"""What the generators of blind corpora 18 and 19 share: seeded value helpers and the template engine.

Each corpus's _meta/gen.py keeps its own value kinds (KINDS: name -> lambda n, arg) and description, and calls
generate(). Template syntax: `=== path` opens a file; `{{kind:arg@ref}}` becomes a generated fake value of that
kind (`@ref` repeats the value made under that name in the same file). A line ending in `#@S kind | note` is a
planted secret, `#@T kind | note` a trap; `#@S+`/`#@T+` open a multi-line label closed by the next `#@E`.
Markers, and the blanks before them, are removed. The helpers draw from one seeded random.Random in a fixed
order, so a corpus is rewritten byte for byte.
"""
import base64, binascii, hashlib, json, os, random, re, string

DIG, LOW, UP = string.digits, string.ascii_lowercase, string.ascii_uppercase
AN = string.ascii_letters + DIG
LAN = LOW + DIG
HX = "0123456789abcdef"
B62 = DIG + UP + LOW


class Values:
    """Fake values in the shape of real formats, from one seeded generator (`rng`)."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def pick(self, alphabet, n):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def mixed(self, n, extra=""):
        """A generated password or key: upper, lower and a digit (and one of `extra` when given), never a word."""
        while True:
            s = self.pick(AN + extra, n)
            ok = any(map(str.isupper, s)) and any(map(str.islower, s)) and any(map(str.isdigit, s))
            if ok and (not extra or any(c in extra for c in s)):
                return s

    def rand_b64(self, nbytes, url=False, pad=True):
        raw = bytes(self.rng.getrandbits(8) for _ in range(nbytes))
        out = (base64.urlsafe_b64encode if url else base64.b64encode)(raw).decode()
        return out if pad else out.rstrip("=")

    @staticmethod
    def b64u_of(text):
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    def crc_token(self, prefix):
        """GitHub's classic token shape: 30 random characters and their CRC32 in 6 base-62 digits."""
        body = self.pick(AN, 30)
        crc = binascii.crc32(body.encode()) & 0xFFFFFFFF
        return prefix + body + "".join(B62[(crc // 62 ** i) % 62] for i in reversed(range(6)))

    def hs256(self, claims):
        head = self.b64u_of(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")))
        return f"{head}.{self.b64u_of(json.dumps(claims, separators=(',', ':')))}.{self.rand_b64(32, url=True, pad=False)}"

    def uuid4ish(self):
        h = self.pick(HX, 32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def keystore_hex(self):
        pick = self.pick
        doc = {"crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": pick(HX, 32)}, "ciphertext": pick(HX, 128), "kdf": "pbkdf2",
                          "kdfparams": {"c": 1000000, "dklen": 32, "prf": "hmac-sha256", "salt": pick(HX, 32)}, "mac": pick(HX, 64)}, "version": 3, "alias": ""}
        return json.dumps(doc, separators=(",", ":")).encode().hex()


def textwrap64(s):
    return [s[i:i + 64] for i in range(0, len(s), 64)]


def common_kinds(values):
    """The kinds of value every round uses (name -> lambda n, arg): passwords, hex, base64, hashes, common tokens."""
    pick, mixed, rand_b64, rng = values.pick, values.mixed, values.rand_b64, values.rng
    crc_token, hs256, uuid4ish = values.crc_token, values.hs256, values.uuid4ish
    return {
        "an": lambda n, a: mixed(n or 32),
        "pw": lambda n, a: mixed(n or 18, "!%^*-_+."),
        "pwa": lambda n, a: mixed(n or 20),
        "lan": lambda n, a: pick(LAN, n or 24),
        "hex": lambda n, a: pick(HX, n or 32),
        "HEX": lambda n, a: pick(HX.upper(), n or 32),
        "UD": lambda n, a: pick(UP + DIG, n or 16),
        "dig": lambda n, a: pick(DIG, n or 8),
        "b64": lambda n, a: rand_b64(n or 32),
        "b64u": lambda n, a: rand_b64(n or 32, url=True, pad=False),
        "uuid": lambda n, a: uuid4ish(),
        "md5": lambda n, a: hashlib.md5(pick(AN, 12).encode()).hexdigest(),
        "sha256": lambda n, a: hashlib.sha256(pick(AN, 12).encode()).hexdigest(),
        "pem": lambda n, a: "\n".join(textwrap64(rand_b64(n or 1190))),
        "ghp": lambda n, a: crc_token("ghp_"),
        "akia": lambda n, a: "AKIA" + pick(UP + "234567", 16),
        "awssec": lambda n, a: pick(AN + "+/", 40),
        "jwt": lambda n, a: hs256({"sub": pick(LAN, 8), "iat": 1731000000 + rng.randint(0, 9999999)}),
        "tgbot": lambda n, a: f"{rng.randint(10**9, 7 * 10**9)}:AA{pick(AN + '-_', 33)}",
        "slackbot": lambda n, a: f"xoxb-{pick(DIG, 12)}-{pick(DIG, 13)}-{pick(AN, 24)}",
        "gcid": lambda n, a: f"{pick(DIG, 12)}-{pick(LAN, 32)}.apps.googleusercontent.com",
        "gcsecret": lambda n, a: "GOCSPX-" + pick(AN + "-_", 28),
        "googlerefresh": lambda n, a: "1//0" + pick(AN + "-_", 99),
        "ethaddr": lambda n, a: "0x" + pick(HX, 40),
        "ethkey": lambda n, a: "0x" + pick(HX, 64),
        "sklive": lambda n, a: "sk_live_51" + pick(AN, 97),
        "aiza": lambda n, a: "AIza" + pick(AN + "-_", 35),
    }


MARKER = re.compile(r"\s*#@(S|T)(\+?)\s+([^|]+?)\s*\|\s*(.*)$")
CLOSE = re.compile(r"\s*#@E\s*$")
FIELD = re.compile(r"\{\{([a-zA-Z0-9]+)(?::([^@}]*))?(?:@([a-zA-Z0-9_]+))?\}\}")


def read_templates(here):
    files, current = [], None
    for raw in open(os.path.join(here, "templates.txt"), encoding="utf-8").read().split("\n"):
        if raw.startswith("=== "):
            current = (raw[4:].strip(), [])
            files.append(current)
        elif current is not None:
            current[1].append(raw)
        elif raw.strip() and not raw.startswith("#"):
            raise SystemExit(f"text before the first file: {raw!r}")
    return files


def label_of(path, line_no, mark):
    """The label a marker makes: a secret, or a trap when it is `#@T`."""
    trap = {"trap": True} if mark.group(1) == "T" else {}
    return {"file": path, "line": line_no, "kind": mark.group(3).strip(), "note": mark.group(4).strip(), **trap}


def render(root, path, lines, labels, kinds, as_is):
    while lines and lines[-1] == "":
        lines.pop()
    named, out, pending = {}, [], None

    def fill(m):
        kind, arg, ref = m.group(1), m.group(2), m.group(3)
        if kind in as_is:
            return m.group(0)
        if ref and ref in named:
            return named[ref]
        if kind not in kinds:
            raise SystemExit(f"{path}: unknown generator {kind}")
        value = kinds[kind](int(arg) if arg and arg.isdigit() else None, arg)
        if ref:
            named[ref] = value
        return value

    for raw in lines:
        mark, close = MARKER.search(raw), CLOSE.search(raw)
        line = raw[: mark.start()] if mark else raw[: close.start()] if close else raw
        indent = line[: len(line) - len(line.lstrip())]
        line = FIELD.sub(lambda m: fill(m).replace("\n", "\n" + indent), line)
        out.extend(line.split("\n"))
        first = len(out) - line.count("\n")
        if mark:
            labels.append(label_of(path, first, mark))
            if mark.group(2) == "+":
                pending = labels[-1]
            elif "\n" in line:
                labels[-1]["endLine"] = len(out)
        if close and pending:
            pending["endLine"], pending = len(out), None
    if pending:
        raise SystemExit(f"{path}: a #@S+/#@T+ label has no #@E")
    write_file(os.path.join(root, path), "\n".join(out) + "\n")


def write_file(dest, text):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    open(dest, "w", encoding="utf-8", newline="\n").write(text)


def generate(here, kinds, as_is, description):
    """Writes the corpus above `here` (the _meta folder) and its labels.json; prints the counts."""
    root = os.path.dirname(here)
    files, labels = read_templates(here), []
    for path, lines in files:
        render(root, path, lines, labels, kinds, as_is)
    text = json.dumps({"description": description, "labels": labels}, indent=1) + "\n"
    write_file(os.path.join(root, "labels.json"), text)
    traps = sum(bool(l.get("trap")) for l in labels)
    print(f"{len(files)} files, {len(labels) - traps} secrets, {traps} traps")
