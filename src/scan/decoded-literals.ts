import type { FileInfo } from "./file-kind.js";
import type { GenericHit } from "./generic-detector.js";
import type { CompiledRuleSet, KeywordOffsets } from "./rule-set.js";
import { DECODED_FORM_MARKS, DECODER_CALL_MARKS } from "./decoder-marks.js";
import { runRules } from "./rule-set.js";
import { rulePlaceholderReason } from "./rule-filter.js";
import { judge, type JudgeContext } from "./judge.js";
import { analyzeName } from "./secret-name.js";
import { isRandomByteKey } from "./byte-key.js";
import { isStandInBasicCredential } from "./placeholder-filter.js";

// A literal handed to a base64 or hex decoder in code (`base64.b64decode("…")`, `atob("…")`,
// `Base64.getDecoder().decode("…")`, `hex.DecodeString("…")`, `bytes.fromhex("…")`, `["…"].pack("H*")`,
// Terraform's `base64decode("…")`, `echo "…" | base64 -d`). Encoding is not protection: code that
// decodes a constant holds the constant's plain text, and gitleaks and trufflehog decode base64 for the
// same reason. The literal is decoded and judged as what it is: text under the assignment's name (a
// password, a token, or a provider format the rules know), or, when it decodes to 16, 24 or 32 random
// bytes under a key's name, a raw key (an AES or HMAC key has no public half). A `Basic <base64>` literal
// is read without a name: it decodes to `user:password`, judged as a password.

/** Decoder calls whose first argument is the encoded literal; `hex` names the hex decoders. */
const CALL = new RegExp(
  [
    String.raw`(?<b64>\b(?:b64decode|urlsafe_b64decode|standard_b64decode|decodebytes|decode64|strict_decode64|urlsafe_decode64|atob|base64_decode|base64decode|base64Decode|decodeBase64|FromBase64String|getDecoder\(\)\.decode|getMimeDecoder\(\)\.decode|getUrlDecoder\(\)\.decode|StdEncoding\.DecodeString|URLEncoding\.DecodeString|RawStdEncoding\.DecodeString|RawURLEncoding\.DecodeString)\s*\(|\bData\(base64Encoded:)`,
    String.raw`(?<hex>\b(?:bytes\.fromhex|unhexlify|hex2bin|hex\.DecodeString|decodeHex|parseHexBinary|FromHexString|hexToBytes)\s*\()`,
  ].join("|"),
  "g",
);
const LITERAL_AFTER = /^\s*(?:[rbu]{0,2})(["'`])([A-Za-z0-9+/=_-]{12,})\1/;
/** `Buffer.from("…", "base64")` / `Buffer.from("…", "hex")`: the encoding follows the literal. */
const BUFFER_FROM = /\bBuffer\.from\(\s*(["'`])([A-Za-z0-9+/=_-]{12,})\1\s*,\s*["'](base64|base64url|hex)["']/g;
/** Ruby's `["…"].pack("H*")`. */
const PACK_HEX = /\[\s*(["'])([0-9a-fA-F]{12,})\1\s*\]\.pack\(\s*["']H\*["']\s*\)/g;
/** A shell pipeline that decodes a literal: `echo "…" | base64 -d`, `printf '%s' '…' | base64 --decode`. */
const SHELL_PIPE = /\b(?:echo(?:\s+-n)?|printf\s+(["'])%s\1)\s+(["'])([A-Za-z0-9+/=]{12,})\2\s*\|\s*base64\s+(?:-d|-D|--decode)\b/g;
/** `Basic <base64 of user:password>` in a string, or `"Basic " + "<base64>"`. */
const BASIC = /["'`]Basic\s+(?:["'`]\s*\+\s*["'`])?([A-Za-z0-9+/]{12,}={0,2})["'`]/g;
/** The assignment target before a call on its line: `NAME =`, `NAME: Type =`, `"name":`, `name =>`, `export NAME=`. */
const TARGET = /(?:^|[\s,;({])(?:export\s+)?["']?([A-Za-z_$][\w$.-]*)["']?(?:\s*,\s*_)?(?:\s*:\s*[\w<>[\], .?]+?)?\s*(?::=|=>|=|:)\s*[^=]*$/;

type Encoding = "base64" | "hex";

/** How far into a CALL match its mark can start (`RawStdEncoding.DecodeString`: 16), and how far past the mark it ends. */
const CALL_BEFORE = 24;
const CALL_AFTER = 64;

/** Whether any form is possible, from the keyword pass's words (case-folded). */
export function mayHoldDecodedLiteral(found: ReadonlySet<string>): boolean {
  return DECODER_CALL_MARKS.some((k) => found.has(k)) || DECODED_FORM_MARKS.some((k) => found.has(k));
}

interface CallMatch {
  index: number;
  text: string;
  hex: boolean;
}

/**
 * CALL's matches, searched in a window around each offset of its marks the keyword pass recorded: the
 * same matches as a search of the whole text, which is what happens without the offsets or when a mark
 * was too frequent for the pass to record.
 */
function callMatches(text: string, offsets?: KeywordOffsets): CallMatch[] {
  const whole = (): CallMatch[] => [...text.matchAll(CALL)].map((m) => ({ index: m.index, text: m[0], hex: m.groups!.hex !== undefined }));
  if (offsets === undefined) return whole();
  const starts: number[] = [];
  for (const k of DECODER_CALL_MARKS) {
    const list = offsets.get(k);
    if (list === null) return whole();
    if (list !== undefined) starts.push(...list);
  }
  starts.sort((x, y) => x - y);
  const out: CallMatch[] = [];
  let covered = 0; // end of the last window searched
  for (let k = 0; k < starts.length; k++) {
    const from = Math.max(covered, starts[k]! - CALL_BEFORE);
    let to = starts[k]! + CALL_AFTER;
    while (k + 1 < starts.length && starts[k + 1]! - CALL_BEFORE <= to) to = starts[++k]! + CALL_AFTER;
    to = Math.min(to, text.length);
    for (const m of text.slice(from, to).matchAll(CALL)) {
      const index = from + m.index;
      // `\b` at the window's edge is not the text's: a match starts after a non-word character.
      if (index > 0 && /\w/.test(text[index - 1]!)) continue;
      out.push({ index, text: m[0], hex: m.groups!.hex !== undefined });
    }
    covered = to;
  }
  return out;
}

/** Secrets held as encoded literals that the code decodes, positions in `text`. */
export function detectDecodedLiterals(text: string, info: FileInfo, set: CompiledRuleSet, pass?: { found: ReadonlySet<string>; offsets: KeywordOffsets }): GenericHit[] {
  const hits: GenericHit[] = [];
  const context: JudgeContext = info.kind === "config" ? "config" : info.kind === "docs" ? "docs" : "code";
  const add = (encoded: string, at: number, encoding: Encoding, how: string) => {
    const hit = judgeEncoded(encoded, encoding, nameBefore(text, at), context, info.testPath, set, how);
    if (hit) hits.push({ ...hit, secret: encoded, start: at, end: at + encoded.length });
  };
  for (const m of callMatches(text, pass?.offsets)) {
    const after = LITERAL_AFTER.exec(text.slice(m.index + m.text.length, m.index + m.text.length + 4096));
    if (!after) continue;
    const at = text.indexOf(after[2]!, m.index + m.text.length);
    add(after[2]!, at, m.hex ? "hex" : "base64", m.text.replace(/\s*\($/, ""));
  }
  // Each whole-text expression runs only where the pass saw its literal.
  const has = (k: string) => pass === undefined || pass.found.has(k);
  if (has("buffer.from(")) {
    for (const m of text.matchAll(BUFFER_FROM)) add(m[2]!, text.indexOf(m[2]!, m.index), m[3] === "hex" ? "hex" : "base64", `Buffer.from(…, "${m[3]}")`);
  }
  if (has(".pack(")) for (const m of text.matchAll(PACK_HEX)) add(m[2]!, text.indexOf(m[2]!, m.index), "hex", 'pack("H*")');
  if (has("base64") && /base64\s+-/.test(text)) for (const m of text.matchAll(SHELL_PIPE)) add(m[3]!, text.indexOf(m[3]!, m.index + 4), "base64", "base64 -d");
  for (const m of has("basic") ? text.matchAll(BASIC) : []) {
    const decoded = decodeToText(m[1]!, "base64");
    const colon = decoded?.indexOf(":") ?? -1;
    if (decoded === null || decoded === undefined || colon < 1 || isStandInBasicCredential(m[1]!)) continue;
    const j = judge("password", decoded.slice(colon + 1), context, info.testPath);
    if (!j.secret) continue;
    const at = text.indexOf(m[1]!, m.index);
    hits.push({ ruleId: "encoded-basic-credential", kind: "password", name: "Basic", secret: m[1]!, start: at, end: at + m[1]!.length, confidence: 0.85, reason: "a Basic credential literal: base64 of user:password, and the password looks generated" });
  }
  return hits;
}

function judgeEncoded(encoded: string, encoding: Encoding, name: string | null, context: JudgeContext, testPath: boolean, set: CompiledRuleSet, how: string): Omit<GenericHit, "secret" | "start" | "end"> | null {
  const decoded = decodeToText(encoded, encoding);
  if (decoded !== null) {
    const ruleHits = runRules(set, decoded, decoded.toLowerCase()).filter((h) => rulePlaceholderReason(h.secret) === null);
    if (ruleHits.length > 0) {
      const r = ruleHits[0]!.rule;
      return { ruleId: r.id, kind: r.kind, name: name ?? "", confidence: 0.9, reason: `${encoding} literal decoded by ${how} holds ${r.description.replace(/\.$/, "")}` };
    }
    if (!name) return null;
    const j = judge(name, decoded, context, testPath);
    if (!j.secret) return null;
    return { ruleId: "encoded-literal-secret", kind: j.kind, name, confidence: Math.min(j.confidence, 0.85), reason: `${encoding} literal decoded by ${how}: ${j.reason}` };
  }
  // Raw bytes: a key only under a key's name, never in a test (test vectors are published keys).
  if (!name || testPath) return null;
  const bytes = decodeBytes(encoded, encoding);
  if (!bytes || !isRandomByteKey([...bytes])) return null;
  const n = analyzeName(name);
  if (n.negative || n.strength === "none" || n.strength === "weak") return null;
  return { ruleId: "encoded-literal-secret", kind: "generic-secret", name, confidence: 0.8, reason: `${encoding} literal decoded by ${how} is a random ${bytes.length}-byte key under the name ${name}` };
}

/** The assignment target on the line before `at`, or null. */
function nameBefore(text: string, at: number): string | null {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const m = TARGET.exec(text.slice(Math.max(lineStart, at - 200), at));
  return m ? m[1]!.replace(/^.*\./, "") : null;
}

function decodeBytes(s: string, encoding: Encoding): Buffer | null {
  if (encoding === "hex") return s.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(s) ? Buffer.from(s, "hex") : null;
  const std = s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]+$/.test(std) || std.length % 4 === 1) return null;
  return Buffer.from(std, "base64");
}

/** Printable UTF-8 text the literal decodes to, or null (binary, or not of that encoding). */
function decodeToText(s: string, encoding: Encoding): string | null {
  const bytes = decodeBytes(s, encoding);
  if (!bytes || bytes.length < 6) return null;
  const out = bytes.toString("utf8");
  if (out.includes("\uFFFD") || /[\x00-\x08\x0e-\x1f\x7f]/.test(out)) return null;
  return out;
}
