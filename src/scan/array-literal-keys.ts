import type { FileInfo } from "./file-kind.js";
import type { GenericHit } from "./generic-detector.js";
import { isRandomByteKey } from "./byte-key.js";
import { judge } from "./judge.js";
import { analyzeName } from "./secret-name.js";

// Keys and passwords written in code as arrays of their bytes or characters: C firmware's
// `const uint8_t ota_hmac_key[32] = {0x…, …}`, Java's `byte[] KEY = {…}` and `char[] STORE_PASS = {'…', …}`
// (the JCA's advice for passwords, so they can be wiped), C#'s `new byte[] {…}`, Go's `[]byte{…}`, Rust's
// `[u8; 32] = […]`, Swift's `[UInt8]`, Python's `bytes([…])`, Kotlin's `byteArrayOf(…)`, JavaScript's
// `new Uint8Array([…])`, `Buffer.from([…])`, and `String.fromCharCode(…)`. Decompiled apps and firmware hold
// most of these; secret scanners read strings and miss them.
//
// Bytes are a key only where everything says so: an assignment whose name is a key's or a secret's (a
// "weak" `PAYLOAD_KEY` counts: a 32-byte random array is what a key is), exactly 16, 24, 32 or 64 bytes,
// random ones (not one value repeated, not a counting run, not a published test key: byte-key.ts), and not in
// a test (crypto test vectors are byte arrays under key names). Characters are joined into their text and
// judged as any literal under that name is. Magic numbers, S-boxes, IVs, nonces, salts and tables stay quiet
// by name.

const ITEM = String.raw`(?:\((?:byte|sbyte|u8|uint8_t|char|unsigned char)\)\s*)?-?(?:0[xX][0-9a-fA-F]{1,2}|\d{1,3})(?:[uU]|\.toByte\(\))?|'(?:[^'\\\n]|\\.)'`;
/** 8 to 64 comma-separated byte or character items (a password of characters may be short) between brackets, braces or parentheses (a trailing comma allowed). */
const LIST = new RegExp(String.raw`[{[(][ \t\r\n]*((?:(?:${ITEM})[ \t\r\n]*,[ \t\r\n]*){7,63}(?:${ITEM}))[ \t\r\n]*,?[ \t\r\n]*[}\])]`, "g");
/** The assignment target before the list on its line: `NAME[32] =`, `NAME: [u8; 32] =`, `NAME :=`, `"name":`, `NAME = new byte[] `. */
const TARGET = /([A-Za-z_$][\w$]*)["']?[ \t]*(?:\[[\w \t]*\][ \t]*)?(?:[ \t]+As[ \t]+(?:Byte|SByte|Char)\(\)[ \t]*)?(?::(?!=)[ \t]*&?(?:\[[^\]\n]*\]|[\w<>.]+)[ \t]*)?(?::=|=|:)[ \t]*([^=\n]*)$/;
/** What may stand between `=` and the list: a byte array's type or constructor. */
const WRAPPER = /^(?:new[ \t]+(?:byte|sbyte|char|u?int8_t)[ \t]*\[[ \t]*\d*[ \t]*\][ \t]*|\[[ \t]*\d*[ \t]*\][ \t]*(?:byte|uint8|u8|char)[ \t]*|&?|bytes[ \t]*\([ \t]*|bytearray[ \t]*\([ \t]*|(?:new[ \t]+)?Uint8Array(?:\.from|\.of)?[ \t]*\([ \t]*|Buffer\.from[ \t]*\([ \t]*|(?:u?byteArrayOf|charArrayOf)[ \t]*|String\.fromCharCode[ \t]*|\[UInt8\][ \t]*\(?[ \t]*|Data[ \t]*\([ \t]*)$/;
/** The declaration or wrapper says these are bytes or characters (a bare list of decimals is just numbers). */
const BYTE_TYPE = /\b(?:byte|Byte|bytes|bytearray|sbyte|SByte|u8|uint8_t|uint8|UInt8|Uint8Array|BYTE|unsigned[ \t]+char|char|Buffer|byteArrayOf|ubyteArrayOf|charArrayOf|fromCharCode)\b/;
/** The declaration right before a bare `key` says bytes: `[byte[]]$key =`, `byte[] key =`, `Key As Byte() =`. */
const DECLARED_BYTES = /(?:\[byte\[\]\][ \t]*\$|\b(?:byte|sbyte|uint8_t|u8)[ \t]*\[[ \t]*\d*[ \t]*\][ \t]+)key[ \t]*=[ \t]*[^=\n]*$|\bkey[ \t]+As[ \t]+Byte\(\)[ \t]*=[ \t]*$/i;
/** Names of values that are not secrets even beside a key word, or of a test's keys. */
const NOT_A_KEY = /test|example|sample|dummy|fake|mock|vector|expected|known|public|magic|iv\b|nonce|salt|encrypted|wrapped/i;
/** Test code the path rules of file-kind.ts do not name: C's `test-crypto.c`/`t_aes.c`, fuzzers' seeds, torture suites, known-answer files. */
const TEST_LIKE = /(?:^|\/)(?:fuzz\w*|torture|vectors?|kat|unittests?|selftests?)\/|(?:^|\/)(?:test|t)[-_][^/]*$|(?:^|\/)[^/]*[-_](?:test|tests|vectors?|kat|fuzz)\.[a-z]+$/i;

/**
 * Placement attributes of embedded C between a declarator and its `=`: AVR/ESP8266 `PROGMEM` (flash), ESP-IDF's
 * `DRAM_ATTR`/`IRAM_ATTR`/`RTC_DATA_ATTR`/`EXT_RAM_ATTR`, GCC `__attribute__((…))`, `ALIGN(n)`. They say where the bytes
 * live, not what they are: `const uint8_t ota_key[32] PROGMEM = {…}` is named ota_key.
 */
const PLACEMENT = /[ \t]+(?:PROGMEM|DRAM_ATTR|IRAM_ATTR|RTC_DATA_ATTR|EXT_RAM_ATTR|__attribute__[ \t]*\(\([^()\n]{0,60}(?:\([^()\n]{0,20}\))?\)\)|ALIGN\(\d{1,3}\))(?=[ \t]*=)/g;
/**
 * LoRaWAN's root and session keys as firmware names them without a separator (LMIC's `APPKEY`, `NWKSKEY`,
 * `APPSKEY`; LoRaWAN 1.1's `NwkKey`, `FNwkSIntKey`, `SNwkSIntKey`, `NwkSEncKey`; Semtech's `GenAppKey`): 16 bytes
 * each, the device's credentials (LoRaWAN 1.0.4 §6, 1.1 §6.1). Their EUIs (`DEVEUI`, `APPEUI`, `JOINEUI`) are public.
 */
const LORAWAN_KEY = /^(?:gen)?(?:app|nwk)s?key$|^[fs]nwksintkey$|^nwksenckey$/i;
/** A byte list a `#define` names with no braces (RadioLib's `#define RADIOLIB_LORAWAN_APP_KEY 0x…, 0x…`), read as one list. */
const DEFINE_LIST = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w{0,80})[ \t]+((?:0[xX][0-9a-fA-F]{1,2}[ \t]*,[ \t]*){15,63}0[xX][0-9a-fA-F]{1,2})[ \t]*\r?$/gm;

/** Whether the cheap probe sees a list worth parsing: a hex byte or a quoted character followed by another. */
export function mayHoldArrayLiteralKey(text: string): boolean {
  return /0[xX][0-9a-fA-F]{1,2}[uU]?[ \t]*,[ \t\r\n]*(?:\(\w+\)[ \t]*)?0[xX]|'.',[ \t]*'.'|fromCharCode\(\d|(?:[Bb]yte|u8|Uint8Array|bytes)\b[^\n]{0,30}[[{(][ \t]*\d{1,3},/.test(text);
}

/** Keys and passwords written as byte or character array literals under a secret's name, positions in `text`. */
export function detectArrayLiteralKeys(text: string, info: FileInfo, file: string): GenericHit[] {
  if (info.testPath || TEST_LIKE.test(file)) return [];
  const hits: GenericHit[] = [];
  LIST.lastIndex = 0;
  for (let m = LIST.exec(text); m !== null; m = LIST.exec(text)) {
    const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
    // The target may sit on the line before a list that starts a line (`KEY =\n  {0x…}` is rare; C's `= {` is not).
    const before = text.slice(Math.max(lineStart, m.index - 200), m.index).replace(PLACEMENT, "");
    const target = TARGET.exec(before);
    if (!target || !WRAPPER.test(target[2]!)) continue;
    const typed = BYTE_TYPE.test(before) || /0[xX]/.test(m[1]!);
    if (!typed) continue;
    const hit = judgeItems(target[1]!, m[1]!, before);
    if (hit === null) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    hits.push({ ...hit, name: target[1]!, secret: m[1]!, start, end: start + m[1]!.length });
  }
  if (text.includes("define")) {
    for (const m of text.matchAll(DEFINE_LIST)) {
      const hit = judgeItems(m[1]!, m[2]!, "");
      if (hit === null) continue;
      const start = m.index + m[0].lastIndexOf(m[2]!);
      hits.push({ ...hit, name: m[1]!, secret: m[2]!, start, end: start + m[2]!.length });
    }
  }
  return hits;
}

function judgeItems(name: string, list: string, before: string): Omit<GenericHit, "name" | "secret" | "start" | "end"> | null {
  const items = list.split(",").map((s) => s.trim());
  const chars = items.every((s) => s.startsWith("'"));
  if (chars) {
    const value = items.map((s) => unescapeChar(s.slice(1, -1))).join("");
    const j = judge(name, value, "code");
    if (!j.secret) return null;
    return { ruleId: "array-literal-secret", kind: j.kind, confidence: Math.min(j.confidence, 0.85), reason: `characters of a literal written one by one: ${j.reason}` };
  }
  if (items.some((s) => s.startsWith("'"))) return null;
  const bytes = items.map(byteOf);
  if (bytes.some((b) => b === null)) return null;
  // String.fromCharCode(109, 57, …) is text, judged as text.
  if (/fromCharCode[ \t]*$/.test(before.trimEnd()) || /fromCharCode[ \t]*\($/.test(before.trimEnd())) {
    const value = String.fromCharCode(...(bytes as number[]));
    if (!/^[\x21-\x7e]+$/.test(value)) return null;
    const j = judge(name, value, "code");
    return j.secret ? { ruleId: "array-literal-secret", kind: j.kind, confidence: Math.min(j.confidence, 0.85), reason: `character codes of a literal: ${j.reason}` } : null;
  }
  if (!randomKey(bytes as number[])) return null;
  if (LORAWAN_KEY.test(name)) return { ruleId: "array-literal-secret", kind: "generic-secret", confidence: 0.8, reason: `a random 16-byte LoRaWAN key written as a byte array under the name ${name}` };
  // A variable named just `key` that its declaration types as bytes (PowerShell `[byte[]]$key = (…)`, VB
  // `Key As Byte() = {…}`, C# `byte[] key = {…}`), holding 16, 24 or 32 random bytes: a symmetric key (the AES key
  // of `ConvertTo-SecureString -Key $key`). Alone, `key` names nothing (secret-name.ts).
  if (/^\$?key$/i.test(name) && bytes.length <= 32 && DECLARED_BYTES.test(before)) {
    return { ruleId: "array-literal-secret", kind: "generic-secret", confidence: 0.7, reason: `a random ${bytes.length}-byte key written as a byte array declared as bytes` };
  }
  const n = analyzeName(name);
  if (n.negative || n.strength === "none" || NOT_A_KEY.test(name)) return null;
  if (!/KEY|SECRET|PASS|PWD|TOKEN|HMAC|PSK/.test(n.head)) return null;
  if (n.strength === "weak" && !/KEY$/.test(n.head)) return null;
  return { ruleId: "array-literal-secret", kind: "generic-secret", confidence: 0.8, reason: `a random ${bytes.length}-byte key written as a byte array under the name ${name}` };
}

/** A byte's value from `0x3a`, `(byte) 0x89`, `-12`, `0x7fu`, `0x12.toByte()`; Java's signed bytes wrap. */
function byteOf(item: string): number | null {
  const m = /^(?:\([\w ]+\)\s*)?(-?)(0[xX][0-9a-fA-F]{1,2}|\d{1,3})/.exec(item);
  if (!m) return null;
  const digits = m[2]!;
  let n = /^0[xX]/.test(digits) ? Number.parseInt(digits.slice(2), 16) : Number.parseInt(digits, 10);
  if (m[1] === "-" && n !== 0) n = n > 128 ? Number.NaN : 256 - n;
  return n >= 0 && n <= 255 ? n : null;
}

function randomKey(bytes: number[]): boolean {
  if (bytes.length === 64) return isRandomByteKey(bytes.slice(0, 32)) && isRandomByteKey(bytes.slice(32));
  return isRandomByteKey(bytes);
}

function unescapeChar(s: string): string {
  if (!s.startsWith("\\")) return s;
  const c = s[1]!;
  return c === "n" ? "\n" : c === "t" ? "\t" : c === "0" ? "\0" : c;
}
