import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDevServer, type DevServer } from "./index.js";
import { apiCaller } from "./test-support.js";
import { generatePassword, parsePasswordPolicy, PasswordPolicyError } from "./password-policy.js";

// sys/policies/password (Vault 1.5+: api-docs/system/policies-password.mdx,
// docs/concepts/password-policies.mdx): HCL or JSON documents, base64 accepted,
// rules checked at write by generating ten passwords, generate, list, delete.

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = LOWER.toUpperCase();
const DIGITS = "0123456789";
/** Vault's default password policy, as its concepts page prints it. */
const DEFAULT_LIKE = `length = 20
rule "charset" {
  charset = "${LOWER}"
  min-chars = 1
}
rule "charset" {
  charset = "${UPPER}"
  min-chars = 1
}
rule "charset" {
  charset = "${DIGITS}"
  min-chars = 1
}
rule "charset" {
  charset = "-"
  min-chars = 1
}
`;

const count = (s: string, set: string) => [...s].filter((c) => set.includes(c)).length;

describe("password policies: parse and generate", () => {
  test("candidates come from the de-duplicated union of the charsets and pass every min-chars", () => {
    const p = parsePasswordPolicy(`length = 12\nrule "charset" {\n  charset = "abcde"\n  min-chars = 2\n}\nrule "charset" {\n  charset = "cdefg"\n}\nrule "charset" {\n  charset = "01"\n  min-chars = 3\n}\n`);
    assert.equal(p.length, 12);
    assert.deepEqual(p.charset, [..."01abcdefg"], "sorted, each character once");
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const pw = generatePassword(p);
      assert.equal([...pw].length, 12);
      assert.ok(count(pw, "abcde") >= 2, pw);
      assert.ok(count(pw, "01") >= 3, pw);
      assert.ok([...pw].every((c) => "01abcdefg".includes(c)), pw);
      for (const c of pw) seen.add(c);
    }
    assert.equal(seen.size, 9, "every character of the union is drawn");
  });

  test("Vault's default policy: 20 characters with a lowercase, an uppercase, a digit and a dash", () => {
    const p = parsePasswordPolicy(DEFAULT_LIKE);
    for (let i = 0; i < 100; i++) {
      const pw = generatePassword(p);
      assert.match(pw, /^[A-Za-z0-9-]{20}$/);
      assert.ok(count(pw, LOWER) >= 1 && count(pw, UPPER) >= 1 && count(pw, DIGITS) >= 1 && pw.includes("-"), pw);
    }
  });

  test("no bias towards the start of a charset whose size does not divide 256", () => {
    // 63 characters: a modulo of random bytes would draw the first four 5/4 as often as the rest.
    const p = parsePasswordPolicy(`length = 100\nrule "charset" { charset = "${LOWER}${UPPER}${DIGITS}-" }\n`);
    const freq = new Map<string, number>();
    for (let i = 0; i < 400; i++) for (const c of generatePassword(p)) freq.set(c, (freq.get(c) ?? 0) + 1);
    const first = ["-", "0", "1", "2"].reduce((n, c) => n + (freq.get(c) ?? 0), 0) / 4;
    const rest = [...freq].filter(([c]) => !"-012".includes(c)).reduce((n, [, v]) => n + v, 0) / 59;
    assert.ok(first / rest < 1.12, `first four drawn ${(first / rest).toFixed(3)}× as often`);
  });

  test("multi-byte characters are one character each", () => {
    const p = parsePasswordPolicy(`length = 8\nrule "charset" {\n  charset = "äöü€"\n  min-chars = 1\n}\n`);
    const pw = generatePassword(p);
    assert.equal([...pw].length, 8);
    assert.ok([...pw].every((c) => "äöü€".includes(c)));
  });

  test("the JSON form of HCL is read too", () => {
    const p = parsePasswordPolicy(JSON.stringify({ length: 10, rule: [{ charset: [{ charset: "xyz", "min-chars": 1 }] }, { charset: { charset: "789" } }] }));
    assert.equal(p.length, 10);
    assert.deepEqual(p.charset, [..."789xyz"]);
  });

  test("invalid documents are refused with Vault's reasons", () => {
    const reason = (text: string) => {
      try {
        parsePasswordPolicy(text);
      } catch (error) {
        assert.ok(error instanceof PasswordPolicyError);
        return error.message;
      }
      return "accepted";
    };
    assert.match(reason("length = 20\n"), /no charset specified/);
    assert.match(reason(`rule "charset" { charset = "ab" }`), /length must be > 0/);
    assert.match(reason(`length = 4\nrule "charset" {\n charset = "a"\n min-chars = 3\n}\nrule "charset" {\n charset = "b"\n min-chars = 2\n}\n`), /specified rules require at least 5 characters but 4 is specified/);
    assert.match(reason(`length = 8\nrule "charset" { charset = "ab\\tc" }`), /non-printable character in charset/);
    assert.match(reason(`length = 8\nrule "words" { charset = "ab" }`), /unrecognized rule type words/);
    assert.match(reason(`length = "8"\nrule "charset" { charset = "ab" }`), /'length' expected type 'int'/);
    assert.match(reason(`length = 8\nrule "charset" { charset = "ab"`), /unable to decode/);
  });
});

describe("sys/policies/password", () => {
  let s: DevServer;
  let dir: string;
  const call = apiCaller(() => s);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "vaultshift-pwpolicy-"));
    s = await startDevServer({ port: 0, dataDir: dir, auditLog: join(dir, "audit.log") });
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("write (plain or base64), read, list, generate, delete; a missing policy is 404", async () => {
    assert.equal((await call("LIST", "sys/policies/password")).status, 404, "none yet");
    assert.equal((await call("PUT", "sys/policies/password/app", { policy: DEFAULT_LIKE })).status, 204);
    const encoded = `length = 16\nrule "charset" {\n  charset = "${DIGITS}"\n  min-chars = 16\n}\n`;
    assert.equal((await call("POST", "sys/policies/password/pin", { policy: Buffer.from(encoded).toString("base64") })).status, 204);
    assert.equal((await call("GET", "sys/policies/password/pin")).body.data.policy, encoded, "stored decoded");
    assert.equal((await call("GET", "sys/policies/password/app")).body.data.policy, DEFAULT_LIKE);
    assert.deepEqual((await call("LIST", "sys/policies/password")).body.data.keys, ["app", "pin"]);
    assert.deepEqual((await call("GET", "sys/policies/password?list=true")).body.data.keys, ["app", "pin"]);
    const a = (await call("GET", "sys/policies/password/app/generate")).body.data.password as string;
    const b = (await call("GET", "sys/policies/password/app/generate")).body.data.password as string;
    assert.match(a, /^[A-Za-z0-9-]{20}$/);
    assert.notEqual(a, b);
    assert.match((await call("GET", "sys/policies/password/pin/generate")).body.data.password, /^\d{16}$/);
    const missing = await call("GET", "sys/policies/password/nope/generate");
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body.errors, ["policy does not exist"]);
    assert.equal((await call("DELETE", "sys/policies/password/pin")).status, 204);
    assert.equal((await call("GET", "sys/policies/password/pin")).status, 404);
    assert.deepEqual((await call("LIST", "sys/policies/password")).body.data.keys, ["app"]);
  });

  test("a policy that cannot be met is refused at write: bad length, no charset, impossible or too tight", async () => {
    const refused = async (policy: string) => {
      const r = await call("PUT", "sys/policies/password/bad", { policy });
      assert.equal(r.status, 400, policy);
      return String(r.body.errors[0]);
    };
    assert.equal(await refused(`length = 3\nrule "charset" { charset = "ab" }`), "passwords must be between 4 and 100 characters");
    assert.equal(await refused(`length = 101\nrule "charset" { charset = "ab" }`), "passwords must be between 4 and 100 characters");
    assert.match(await refused("length = 20"), /^invalid password policy: 1 error occurred:\n\t\* no charset specified\n\n$/);
    // Possible in principle (15 a's among 30), but no candidate in a second: Vault refuses it the same way.
    assert.equal(await refused(`length = 30\nrule "charset" {\n charset = "a"\n min-chars = 15\n}\nrule "charset" { charset = "${UPPER}${DIGITS}" }`), "unable to generate password from provided policy in 1s: are the rules impossible?");
    assert.equal((await call("PUT", "sys/policies/password/bad", {})).body.errors[0], "missing policy");
    assert.equal((await call("GET", "sys/policies/password/bad")).status, 404, "nothing stored");
  });

  test("the ACL applies: a token may generate without reading the document", async () => {
    assert.equal((await call("PUT", "sys/policies/password/svc", { policy: DEFAULT_LIKE })).status, 204);
    assert.equal((await call("PUT", "sys/policies/acl/pw-gen", { policy: 'path "sys/policies/password/svc/generate" { capabilities = ["read"] }' })).status, 204);
    const token = (await call("POST", "auth/token/create", { policies: ["pw-gen"] })).body.auth.client_token as string;
    assert.equal((await call("GET", "sys/policies/password/svc/generate", undefined, token)).status, 200);
    assert.equal((await call("GET", "sys/policies/password/svc", undefined, token)).status, 403);
    assert.equal((await call("PUT", "sys/policies/password/svc", { policy: DEFAULT_LIKE }, token)).status, 403);
  });

  test("the generated password is HMAC'd in the audit log and policies survive a restart", async () => {
    assert.equal((await call("PUT", "sys/policies/password/kept", { policy: DEFAULT_LIKE })).status, 204);
    const pw = (await call("GET", "sys/policies/password/kept/generate")).body.data.password as string;
    const log = readFileSync(join(dir, "audit.log"), "utf8");
    assert.ok(log.includes("sys/policies/password/kept/generate"), "the request is audited");
    assert.ok(!log.includes(pw), "a generated password in the audit log");
    await s.close();
    s = await startDevServer({ port: 0, dataDir: dir });
    assert.equal((await call("GET", "sys/policies/password/kept")).body.data.policy, DEFAULT_LIKE);
    assert.match((await call("GET", "sys/policies/password/kept/generate")).body.data.password, /^[A-Za-z0-9-]{20}$/);
  });
});
