import { isAscii } from "node:buffer";
import type { Rule } from "./types.js";

// A one-byte stand-in text for a large UTF-8 file that is almost all ASCII.
//
// TextDecoder makes such a file a two-byte string as soon as one character is
// above U+00FF: twice the memory, a page fault per 4 KB of it (V8 puts every
// string over 128 KB in its own large-object page), and ~3 ns per byte of
// decoding (docs/benchmarks.md, session 6, bytes and standin). The stand-in
// text has exactly the same length in UTF-16 code units: every code unit up
// to U+00FF is itself and every code unit above is STAND_IN, or SPACE_STAND_IN
// where the real one is JavaScript whitespace. Offsets, lines and columns are
// then those of the real text.
//
// Why a regex cannot tell the two texts apart (the rules' patterns, rule
// set safety below): without the `u`/`v` flags a pattern sees code units;
// `\w`, `\d` and `\b` are ASCII-only (ECMA-262 CharacterClassEscape, "\w" is
// [A-Za-z0-9_]); `\s` is WhiteSpace + LineTerminator, and each stand-in is in
// `\s` exactly when the characters it replaces are; `.` and `^`/`$` (with `m`)
// differ only on line terminators, and a text holding U+2028/U+2029 gets no
// stand-in; `i` (non-Unicode Canonicalize) never maps a character above
// U+007F to one below, and ¤ and U+00A0 have no case. A pattern that names
// no character above U+007F (literally or by escape) can then only accept a
// stand-in where it accepts the real unit (a negated class, `.`, `\S`, `\W`,
// `\D`), and the other way round. Backreferences compare captures: equal real
// units have equal stand-ins, so every real match is also a stand-in match
// (the engine only relies on that direction: scanStandIn in engine.ts).

/** U+00A4 CURRENCY SIGN: not a word character, not whitespace, no case mapping, not a line terminator. */
export const STAND_IN = 0xa4;
/** U+00A0 NO-BREAK SPACE: in `\s` like every non-Latin-1 JavaScript whitespace character. */
export const SPACE_STAND_IN = 0xa0;

/**
 * The code units above U+00FF that JavaScript's `\s` matches (ECMA-262
 * WhiteSpace: U+FEFF and the Unicode Space_Separator (Zs) characters;
 * LineTerminator: U+2028, U+2029). The ones at or below U+00FF (TAB, VT,
 * FF, SP, U+00A0, LF, CR) are kept as themselves.
 */
export function isWideSpace(c: number): boolean {
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Below this size TextDecoder (or transcode, binary.ts) decodes the exact text. */
export const STAND_IN_MIN_BYTES = 1_000_000;

const CHUNK = 4096;
const SCRATCH_KEPT = 16 << 20;
let scratch: Buffer | null = null;

/**
 * The stand-in text of valid UTF-8 bytes (the caller has checked them with
 * `isUtf8`), or undefined when the text holds a line terminator above U+00FF
 * (U+2028, U+2029), which no Latin-1 character can stand in for.
 */
export function standInText(bytes: Uint8Array): string | undefined {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = src.length;
  // The stand-in is never longer than the bytes (one byte per code unit, 2-4 bytes per non-ASCII unit or pair).
  // Kept between files up to 16 MB (the largest source maps in the benchmark corpus are ~8 MB).
  const out = scratch !== null && scratch.length >= n ? scratch : Buffer.allocUnsafe(Math.max(n, 1 << 20));
  if (out !== scratch && out.length <= SCRATCH_KEPT) scratch = out;
  let w = 0;
  let i = 0;
  while (i < n) {
    // ASCII chunks (nearly all of such a file) are copied as they are (memmove).
    const end = Math.min(n, i + CHUNK);
    if (isAscii(src.subarray(i, end))) {
      w += src.copy(out, w, i, end);
      i = end;
      continue;
    }
    // Decode this chunk byte by byte; a sequence that starts in it may end in the next.
    while (i < end) {
      const b = src[i]!;
      if (b < 0x80) {
        out[w++] = b;
        i++;
      } else if (b < 0xe0) {
        // 2 bytes: U+0080-U+07FF; U+0080-U+00FF is its own Latin-1 byte.
        const cp = ((b & 0x1f) << 6) | (src[i + 1]! & 0x3f);
        out[w++] = cp <= 0xff ? cp : STAND_IN;
        i += 2;
      } else if (b < 0xf0) {
        const cp = ((b & 0x0f) << 12) | ((src[i + 1]! & 0x3f) << 6) | (src[i + 2]! & 0x3f);
        if (cp === 0x2028 || cp === 0x2029) return undefined;
        out[w++] = isWideSpace(cp) ? SPACE_STAND_IN : STAND_IN;
        i += 3;
      } else {
        // 4 bytes: a supplementary character, two UTF-16 code units (a surrogate pair), neither whitespace.
        out[w++] = STAND_IN;
        out[w++] = STAND_IN;
        i += 4;
      }
    }
  }
  return out.toString("latin1", 0, w);
}

/**
 * The rule a stand-in scan runs in place of `rule`: itself, a copy whose
 * pattern matches at least wherever the original does in the real text, or
 * null when no such copy is known (the set then gets no stand-in).
 *
 * Unsafe: a `u`/`v` flag, a non-ASCII keyword, or a character above U+007F
 * named in the pattern, literally or by an escape (`\x80`-`\xff`, `\u0080`
 * and up, `\u{…}`, `\p{…}`, octal `\200`-`\377`; an escaped backslash
 * before such text counts too: conservative). Every other step of such a
 * pattern treats a stand-in as the unit it replaces, except a backreference:
 * equal real units have equal stand-ins, so one may succeed on the stand-in
 * text where it fails on the real one. Outside lookarounds that only adds
 * stand-in matches; inside a negative lookaround (`(?!\k<user>@)`) it could
 * remove one, so that lookaround is cut from the copy (which then matches a
 * superset); inside a positive lookaround (atomic: its first way of matching
 * is kept) the rule is unsafe.
 */
export function standInRule(rule: Rule): Rule | null {
  const { source, flags } = rule.pattern;
  if (flags.includes("u") || flags.includes("v")) return null;
  if (/[^\x00-\x7f]|\\x[89a-f]|\\u(?:00[89a-f]|0[1-9a-f]|[1-9a-f])|\\u\{|\\[pP]|\\[23][0-7]{2}/i.test(source)) return null;
  for (const k of rule.keywords) if (!/^[\x00-\x7f]*$/.test(k)) return null;
  const risky = riskyGroups(source);
  if (risky === null) return null;
  const backref = (text: string) => [...text.matchAll(/\\k<(\w+)>|\\([1-9]\d*)/g)].some((m) => risky.has(m[1] ?? m[2]!));
  if (!backref(source)) return rule;
  const relaxed = cutNegativeBackrefLookarounds(source, backref);
  if (relaxed === null) return null;
  if (relaxed === source) return rule;
  try {
    return { ...rule, pattern: new RegExp(relaxed, flags) };
  } catch {
    return null;
  }
}

/**
 * The capturing groups (names and numbers) that can capture a non-ASCII unit:
 * a backreference to any other group compares ASCII with the text, which
 * gives the same answer on both texts (a stand-in is never ASCII, and without
 * `u` the `i` flag never folds a non-ASCII unit to ASCII). A group is ASCII-only
 * when its body has no `.`, negated class, `\s`/`\S`/`\W`/`\D`, backreference
 * or other escape that could name a non-ASCII unit. Null when unsure (unbalanced).
 */
function riskyGroups(source: string): Set<string> | null {
  const risky = new Set<string>();
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") {
      i = classEnd(source, i);
      if (i === -1) return null;
    } else if (c === "(") {
      const named = /^\(\?<(\w+)>/.exec(source.slice(i, i + 40));
      if (source[i + 1] === "?" && named === null) continue;
      n++;
      const end = groupEnd(source, i);
      if (end === -1) return null;
      const body = source.slice(i + 1, end);
      if (!ASCII_ONLY_BODY(body)) {
        risky.add(String(n));
        if (named !== null) risky.add(named[1]!);
      }
    }
  }
  return risky;
}

function ASCII_ONLY_BODY(body: string): boolean {
  // Outside classes: no `.`; anywhere: no negated class, no escape other than \w \d \b \t \n \r \f \v and escaped punctuation.
  const outside = body.replace(/\\.|\[(?:\\.|[^\]\\])*\]/gs, "_");
  if (outside.includes(".")) return false;
  if (/\[\^/.test(body)) return false;
  for (const m of body.matchAll(/\\(.)/gs)) if (!/[wdbtnrfv\-\/\\^$.*+?()[\]{}|'"`:=!<>,;@#%&~ ]/.test(m[1]!)) return false;
  return true;
}

/**
 * The source without its negative lookarounds that hold a backreference, or
 * null when a positive lookaround holds one, or a cut lookaround holds a
 * capturing group (group numbers would shift).
 */
function cutNegativeBackrefLookarounds(source: string, backref: (text: string) => boolean): string | null {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const look = /^\((\?<?[=!])/.exec(source.slice(i, i + 4));
    if (look !== null) {
      const end = groupEnd(source, i);
      if (end === -1) return null;
      const body = source.slice(i + 1 + look[1]!.length, end);
      if (backref(body)) {
        if (look[1]!.endsWith("=")) return null;
        if (/\((?!\?)|\(\?<(?![=!])/.test(stripEscapesAndClasses(body))) return null;
        i = end + 1;
        continue;
      }
    }
    const c = source[i]!;
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i += 2;
    } else if (c === "[") {
      const close = classEnd(source, i);
      if (close === -1) return null;
      out += source.slice(i, close + 1);
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") {
      i = classEnd(source, i);
      if (i === -1) return -1;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `]` closing the class opened at `open` (a `]` right after `[` or `[^` closes it, as in JavaScript), or -1. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "]") return i;
  }
  return -1;
}

/** The source with escapes and character classes blanked: what is left shows the groups. */
function stripEscapesAndClasses(source: string): string {
  return source.replace(/\\.|\[(?:\\.|[^\]\\])*\]/gs, "_");
}

const standInSets = new WeakMap<Rule[], WeakMap<RegExp, RegExp> | null>();

/**
 * standInRule for every rule of a set, once per rules array: the patterns to
 * run in place of the rules' own (rule-runner.ts setStandInPatterns), or null
 * when one rule is unsafe.
 */
export function standInPatterns(rules: Rule[]): WeakMap<RegExp, RegExp> | null {
  let out = standInSets.get(rules);
  if (out === undefined) {
    out = new WeakMap();
    for (const rule of rules) {
      const r = standInRule(rule);
      if (r === null) {
        out = null;
        break;
      }
      if (r !== rule) out.set(rule.pattern, r.pattern);
    }
    standInSets.set(rules, out);
  }
  return out;
}
