import { test } from "node:test";
import assert from "node:assert/strict";
import { detectDecodedLiterals } from "./decoded-literals.js";
import { scanText } from "./engine.js";
import { fileInfo } from "./file-kind.js";
import { compileRuleSet, selectRules } from "./rule-set.js";
import { fake, ALNUM, HEX } from "../../rules/fake.js";

// Built at run time so that scanning this repository stays clean.
const password = `${fake(ALNUM, 14, "decoded-pw")}!${fake(ALNUM, 5, "decoded-pw2")}`;
const b64 = (s: string) => Buffer.from(s).toString("base64");
const hex = (s: string) => Buffer.from(s).toString("hex");
const keyHex = fake(HEX, 64, "decoded-key");
const keyB64 = Buffer.from(keyHex, "hex").toString("base64");
const set = compileRuleSet(selectRules({}));

function secretsOf(file: string, text: string): string[] {
  return detectDecodedLiterals(text, fileInfo(file), set).map((h) => h.secret);
}

test("a literal handed to a base64 or hex decoder is judged as the text it decodes to, under the assignment's name", () => {
  const cases: Array<[string, string, string]> = [
    ["app/legacy.py", `EXPORT_API_TOKEN = base64.b64decode("${b64(password)}").decode()\n`, b64(password)],
    ["src/Gateway.java", `private static final String GATEWAY_PASSWORD = new String(Base64.getDecoder().decode("${b64(password)}"), UTF_8);\n`, b64(password)],
    ["lib/partner.rb", `PASSWORD = Base64.decode64("${b64(password)}")\n`, b64(password)],
    ["tools/seed.rb", `ADMIN_PASSWORD = ["${hex(password)}"].pack("H*")\n`, hex(password)],
    ["web/boot.js", `window.cfg = {\n  chatSecret: atob("${b64(password)}"),\n};\n`, b64(password)],
    ["main.tf", `  password = base64decode("${b64(password)}")\n`, b64(password)],
    ["restore.sh", `export PARTNER_TOKEN=$(printf '%s' '${b64(password)}' | base64 --decode)\n`, b64(password)],
  ];
  for (const [file, text, encoded] of cases) {
    assert.deepEqual(secretsOf(file, text), [encoded], file);
    const hit = detectDecodedLiterals(text, fileInfo(file), set)[0]!;
    assert.equal(text.slice(hit.start, hit.end), encoded, file);
  }
});

test("random 16/24/32-byte keys decoded from a literal are keys under a key's name; elsewhere raw bytes are data", () => {
  assert.deepEqual(secretsOf("internal/crypto/keys.go", `var sessionKey, _ = hex.DecodeString("${keyHex}")\n`), [keyHex]);
  assert.deepEqual(secretsOf("app/crypto.py", `HMAC_KEY = bytes.fromhex("${keyHex}")\n`), [keyHex]);
  assert.deepEqual(secretsOf("Keys.kt", `    val aesKey: ByteArray = Base64.getDecoder().decode("${keyB64}")\n`), [keyB64]);
  // Raw bytes under other names, and in tests (test vectors), are not keys.
  assert.deepEqual(secretsOf("app/crypto.py", `EXPECTED_DIGEST = bytes.fromhex("${keyHex}")\n`), []);
  assert.deepEqual(secretsOf("tests/test_crypto.py", `HMAC_KEY = bytes.fromhex("${keyHex}")\n`), []);
  // The SHA-256 of the empty string, and an image.
  assert.deepEqual(secretsOf("keys.go", 'var emptySHA256, _ = hex.DecodeString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")\n'), []);
  assert.deepEqual(secretsOf("legacy.py", 'TRACKING_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")\n'), []);
});

test("decoded placeholders, words and names that are not secrets stay quiet", () => {
  assert.deepEqual(secretsOf("partner.rb", `PLACEHOLDER = Base64.decode64("${b64("changeme")}")\n`), []);
  assert.deepEqual(secretsOf("partner.rb", `PASSWORD = Base64.decode64("${b64("changeme-please")}")\n`), []);
  assert.deepEqual(secretsOf("boot.js", `  logoSvg: atob("${b64('<svg xmlns="http://www.w3.org/2000/svg"/>')}"),\n`), []);
  assert.deepEqual(secretsOf("smtp.js", 'const pass = Buffer.from(process.env.SMTP_PASS_B64 || "", "base64").toString();\n'), []);
});

test("a Basic credential literal is read without a name: base64 of user:password with a generated password", () => {
  const basic = b64(`ferngrove-sync:${password}`);
  assert.deepEqual(secretsOf("partner-auth.js", `export const PARTNER_AUTH_HEADER = "Basic ${basic}";\n`), [basic]);
  assert.deepEqual(secretsOf("legacy.py", `REPORTS_AUTH = "Basic " + "${basic}"\n`), [basic]);
  assert.deepEqual(secretsOf("partner-auth.js", 'export const EXAMPLE_HEADER = "Basic dXNlcm5hbWU6cGFzc3dvcmQ=";\n'), []);
  assert.deepEqual(
    scanText({ file: "src/partner-auth.js", text: `export const PARTNER_AUTH_HEADER = "Basic ${basic}";\n` }).findings.map((f) => f.line),
    [1],
  );
});

test("the keyword pass's offsets give the same decoder calls as a search of the whole text", () => {
  // Calls at the text's first character, behind a long receiver (RawStdEncoding.DecodeString), one inside
  // a longer name that is no decoder call (`myatob(`), and `decodeURIComponent` calls between, rare enough
  // for the pass to record their offsets (more than one per 256 characters falls back to the whole text).
  const filler = `x = decodeURIComponent(y); // ${"-".repeat(300)}\n`.repeat(40);
  const text = [
    `atob("${b64(password)}")`,
    `var TOKEN = myatob("${b64(password)}");`,
    filler,
    `var sessionKey, _ = base64.RawStdEncoding.DecodeString("${keyB64.replace(/=+$/, "")}")`,
    filler,
    `const apiPassword = Buffer.from("${b64(password)}", "base64").toString();`,
    `ADMIN_PASSWORD = ["${hex(password)}"].pack("H*")`,
  ].join("\n");
  for (const file of ["src/app.js", "internal/keys.go", "lib/seed.rb"]) {
    const whole = detectDecodedLiterals(text, fileInfo(file), set).map((h) => `${h.start}:${h.ruleId}`);
    const viaPass = scanText({ text, file }).findings.filter((f) => f.ruleId.startsWith("encoded-")).map((f) => `${f.start}:${f.ruleId}`);
    assert.ok(whole.length >= 3, `${file}: ${whole}`);
    for (const w of whole) assert.ok(viaPass.includes(w) || !w.includes("encoded-"), `${file}: ${w} not found through the pass (${viaPass})`);
  }
});
