import { test } from "node:test";
import assert from "node:assert/strict";
import { scanText } from "./engine.js";

// Byte and character arrays are built here from a seeded generator, so no key-shaped literal sits in this file.
function randomBytes(n: number, seed: number): number[] {
  const out: number[] = [];
  let x = seed;
  while (out.length < n) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push((x >> 16) & 0xff);
  }
  return out;
}
const hex = (bytes: number[]) => bytes.map((b) => `0x${b.toString(16).padStart(2, "0")}`).join(", ");
const dec = (bytes: number[]) => bytes.join(", ");
const signed = (bytes: number[]) => bytes.map((b) => (b > 127 ? `(byte) 0x${b.toString(16)}` : `0x${b.toString(16).padStart(2, "0")}`)).join(", ");
const chars = (s: string) => [...s].map((c) => `'${c}'`).join(", ");
const password = ["6OX7", "78HM", "4eyO", "Bx"].join("");

function found(file: string, text: string): Array<{ ruleId: string; line: number }> {
  return scanText({ text, file }).findings.filter((f) => f.ruleId === "array-literal-secret").map((f) => ({ ruleId: f.ruleId, line: f.line }));
}

test("byte arrays of key length under a key's name are reported in C, Java, C#, Go, Rust, Swift, Python, Kotlin and JavaScript", () => {
  const k16 = randomBytes(16, 7);
  const k32 = randomBytes(32, 11);
  const cases: Array<[string, string]> = [
    ["firmware/src/keys.c", `const uint8_t ota_hmac_key[32] = { ${hex(k32)} };\n`],
    ["src/main/java/Gateway.java", `final class G {\n  private static final byte[] PAYLOAD_KEY = { ${signed(k16)} };\n}\n`],
    ["src/Api/TokenKeys.cs", `static class T {\n  internal static readonly byte[] RefreshKey = new byte[] { ${hex(k32)} };\n}\n`],
    ["internal/crypto/keys.go", `package crypto\n\nvar signingKey = []byte{${hex(k32)}}\n`],
    ["src/keys.rs", `pub const MASTER_KEY: [u8; 32] = [${hex(k32)}];\n`],
    ["Sources/App/Keys.swift", `let encryptionKey: [UInt8] = [${hex(k16)}]\n`],
    ["app/crypto.py", `AES_KEY = bytes([${dec(k16)}])\n`],
    ["app/src/main/kotlin/Keys.kt", `val secretKey = byteArrayOf(${hex(k16)})\n`],
    ["lib/keys.js", `const hmacSecret = new Uint8Array([${dec(k32)}]);\n`],
  ];
  for (const [file, text] of cases) assert.equal(found(file, text).length, 1, `${file}: ${text}`);
});

test("a password written as a char array is joined and judged as its text", () => {
  const java = `final class K {\n  private static final char[] STORE_PASS = { ${chars(password)} };\n}\n`;
  assert.deepEqual(found("src/main/java/K.java", java), [{ ruleId: "array-literal-secret", line: 2 }]);
  // A word spelled out is no password.
  assert.deepEqual(found("src/main/java/K.java", `char[] STORE_PASS = { ${chars("changeit")} };\n`), []);
});

test("byte arrays that are not a secret key stay quiet", () => {
  const k16 = randomBytes(16, 7);
  const k32 = randomBytes(32, 11);
  const traps: Array<[string, string]> = [
    // Names that say what the bytes are, and they are not a secret key.
    ["src/Png.java", `static final byte[] PNG_MAGIC = { ${hex(k16)} };\n`],
    ["src/crypto.c", `static const uint8_t iv[16] = { ${hex(k16)} };\n`],
    ["src/crypto.c", `static const uint8_t nonce[16] = { ${hex(k16)} };\n`],
    ["src/crypto.c", `static const uint8_t public_key[32] = { ${hex(k32)} };\n`],
    ["src/crypto.c", `static const uint8_t test_key[32] = { ${hex(k32)} };\n`],
    ["src/crypto.go", `var keySalt = []byte{${hex(k16)}}\n`],
    // A test's keys are test vectors.
    ["crypto/cipher/aes_test.go", `var key = []byte{${hex(k32)}}\nvar encryptionKey = []byte{${hex(k32)}}\n`],
    // Test code by its C or fuzzing name (dovecot's test-crypto.c, gnutls' fuzz/, samba's torture/), and an encrypted key.
    ["src/lib-dcrypt/test-crypto.c", `static const unsigned char priv_key_data[] = { ${hex(k32)} };\n`],
    ["fuzz/psk.h", `static const uint8_t psk_key16[16] = { ${hex(k16)} };\n`],
    ["source4/torture/ndr/ntlmssp.c", `static const uint8_t session_key[16] = { ${hex(k16)} };\n`],
    ["src/ntlmssp.c", `static const uint8_t EncryptedRandomSessionKey[16] = { ${hex(k16)} };\n`],
    // Not key length, one value repeated, a counting run, FIPS-197's published example key.
    ["src/keys.c", `const uint8_t hmac_key[20] = { ${hex(randomBytes(20, 3))} };\n`],
    ["src/keys.c", `const uint8_t hmac_key[16] = { ${hex(new Array(16).fill(0x41))} };\n`],
    ["src/keys.c", `const uint8_t hmac_key[16] = { ${hex([...Array(16).keys()])} };\n`],
    ["src/keys.c", `const uint8_t aes_key[16] = { ${hex([0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c])} };\n`],
    // A bare list of decimals is numbers, not bytes; a call's argument has no name.
    ["src/table.py", `secret_weights = [${dec(k16)}]\n`],
    ["src/main.go", `mac := hmac.New(sha256.New, []byte{${hex(k32)}})\n`],
  ];
  for (const [file, text] of traps) assert.deepEqual(found(file, text), [], `${file}: ${text}`);
});

test("firmware key arrays: a PROGMEM/IRAM_ATTR placement before `=`, LMIC's APPKEY/NWKSKEY/APPSKEY and a #define'd byte list", () => {
  const k = (seed: number) => hex(randomBytes(16, seed));
  const src = [
    `static const u1_t PROGMEM APPKEY[16] = { ${k(11)} };`,
    `static const PROGMEM u1_t NWKSKEY[16] = { ${k(12)} };`,
    `const uint8_t ota_decrypt_key[32] PROGMEM = {\n    ${hex(randomBytes(32, 13))}\n};`,
    `#define RADIOLIB_LORAWAN_APP_KEY   ${k(14)}`,
  ].join("\n");
  assert.deepEqual(found("src/lorawan_keys.h", src).map((f) => f.line), [1, 2, 4, 6]);
  // Public beside them: the EUIs, an IV in flash, a #define'd EUI list of 8 bytes, the FIPS-197 key under a key's name.
  const quiet = [
    `static const u1_t PROGMEM DEVEUI[8] = { ${hex(randomBytes(8, 15))} };`,
    `static const u1_t PROGMEM APPEUI[16] = { ${k(16)} };`,
    `static const uint8_t cfg_iv[16] PROGMEM = { ${k(17)} };`,
    `#define RADIOLIB_LORAWAN_DEV_EUI   ${hex(randomBytes(8, 18))}`,
    "static const uint8_t APPKEY[16] = { 0x2B, 0x7E, 0x15, 0x16, 0x28, 0xAE, 0xD2, 0xA6, 0xAB, 0xF7, 0x15, 0x88, 0x09, 0xCF, 0x4F, 0x3C };",
  ].join("\n");
  assert.deepEqual(found("src/lorawan_keys.h", quiet), []);
});

test("VB and PowerShell byte arrays: a key's name, or a bare key its declaration types as bytes", () => {
  const k32 = randomBytes(32, 23);
  const k16 = randomBytes(16, 29);
  assert.deepEqual(found("services/Billing/Module1.vb", `Module Module1\n    Private ReadOnly ArchiveKey As Byte() = {${k32.join(",")}}\nEnd Module\n`), [{ ruleId: "array-literal-secret", line: 2 }]);
  assert.deepEqual(found("scripts/ops/Export-Creds.ps1", `[byte[]]$key = (${k32.join(",")})\n$p = $s | ConvertTo-SecureString -Key $key\n`), [{ ruleId: "array-literal-secret", line: 1 }]);
  assert.deepEqual(found("src/Crypto.cs", `static readonly byte[] key = { ${hex(k16)} };\n`), [{ ruleId: "array-literal-secret", line: 1 }]);
  // Traps: a bare key with no byte declaration, a bare key of bytes in a counting run, an IV, a PowerShell array of
  // ports, the same key in a test script.
  assert.deepEqual(found("scripts/ops/Export-Creds.ps1", `$key = (${k32.join(",")})\n`), []);
  assert.deepEqual(found("scripts/ops/Export-Creds.ps1", `[byte[]]$key = (${Array.from({ length: 16 }, (_, i) => i + 1).join(",")})\n`), []);
  assert.deepEqual(found("services/Billing/Module1.vb", `Private ReadOnly ArchiveIV As Byte() = {${k16.join(",")}}\n`), []);
  assert.deepEqual(found("scripts/ops/Open-Ports.ps1", `[int[]]$ports = (${k16.join(",")})\n`), []);
  assert.deepEqual(found("tests/Export-Creds.Tests.ps1", `[byte[]]$key = (${k32.join(",")})\n`), []);
});
