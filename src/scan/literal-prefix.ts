import { PRECOMPUTED, PRECOMPUTED_ANCHORS } from "./literal-prefix-table.js";

// Literal prefixes of a rule pattern: strings one of which every match must
// start with. A rule whose matches all start with `pat`, `sk_` or
// `postgres` need not run its regex at every position of a 5 MB bundle:
// the engine's keyword pass finds the few places where a match can start
// and the regex runs sticky (`y`) at each one. Irregexp cannot do this itself
// when the pattern opens with a look-behind (`(?<![A-Za-z0-9_-])pat…`, the
// usual token boundary), and even without one its scan is ~1 GB/s per rule,
// times ~25 rules per byte of a large file.
//
// The extraction walks the pattern from its start, keeping the set of strings
// a match can begin with: literal characters append to every string; a small
// character class (`[12]`, `[0-9a-f]`, `[_.-]`, `\d`) or a group of
// alternatives multiplies the set (while some prefix is shorter than 3
// characters, or shorter than 6 and the set stays within 8 strings); `?` adds
// the empty alternative; look-arounds,
// `\b` and `^` consume nothing and are skipped. It stops, keeping what it has,
// at anything that can repeat or match too many characters (`*`, `+` and `{n,m}`
// after one occurrence, `.`, `\w`, large or negated classes, back-references),
// or when the set would exceed MAX_PREFIXES. Every match then starts with one of
// the strings, which is all the caller needs: results are the same either way
// (rule-runner.ts: the sticky run visits candidate starts in order and skips
// those inside the previous match, exactly as a global scan advances).

/** Characters that are regex syntax outside a class. */
const META = new Set([..."\\^$.|?*+()[]{}"]);

/** Largest prefix set kept: each prefix is a keyword of the engine's single pass. */
const MAX_PREFIXES = 64;
/** Prefixes of this length are long enough to be found: the walk multiplies the set (up to MAX_PREFIXES) while one is shorter. */
const USEFUL_LENGTH = 3;
/**
 * Prefixes of this length are selective: the walk goes on multiplying a set of at most
 * SELECTIVE_SET strings while one is shorter. The pass finds a keyword by its rarest 3-character
 * piece, and a 3-character prefix has only one: `app` of `app[_.-]?secret` stopped the pass at
 * every `app` of every text (144 K times on the benchmark corpus, 94% for nothing), where
 * `app_secret`, `app.secret`, `app-secret`, `appsecret` are found by their rarest piece, and are
 * the rule's own keywords, which the pass looks for anyway.
 */
const SELECTIVE_LENGTH = 6;
const SELECTIVE_SET = 8;
/** Largest character class expanded into alternatives. */
const MAX_CLASS = 16;

interface Prefixes {
  set: string[];
  /** False when the walk stopped inside: nothing may be appended after it. */
  complete: boolean;
}

/** The key of literalPrefixes(source, ignoreCase, flags) in literal-prefix-table.ts. */
export function prefixTableKey(source: string, ignoreCase: boolean, flags = ""): string {
  return `${ignoreCase ? "i" : "-"}${flags}/${source}`;
}

interface Options {
  ignoreCase: boolean;
  /** `v` flag: class syntax has set operations; classes are not expanded. */
  vMode: boolean;
  /** `u` or `v`: a class, `.` or `\\W` may match an astral character, two UTF-16 code units. */
  unicode?: boolean;
}

/**
 * The literal prefixes of `source` (at least 2 characters each, without
 * prefixes that extend another one), or null when they cannot be determined
 * (a match may start anywhere, a prefix is shorter, or not printable ASCII).
 * With `ignoreCase`, prefixes are returned lower-cased.
 */
export function literalPrefixes(source: string, ignoreCase: boolean, flags = ""): string[] | null {
  const known = PRECOMPUTED.get(prefixTableKey(source, ignoreCase, flags));
  if (known !== undefined) return known === null ? null : [...known];
  const result = alternation(source, { ignoreCase, vMode: flags.includes("v") });
  if (result === null || result.set.length === 0) return null;
  const out = [...new Set(result.set)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const p of out) {
    if (p.length < 2) return null;
    // ASCII only: the keyword pass that finds prefixes folds A-Z and nothing else.
    if (!/^[\x20-\x7e]+$/.test(p)) return null;
    if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  }
  return kept;
}

/** The prefixes of a `|`-separated pattern or group body. */
function alternation(body: string, o: Options): Prefixes | null {
  const branches = splitTopLevel(body);
  if (branches === null) return null;
  const set: string[] = [];
  let complete = true;
  for (const b of branches) {
    const p = sequence(b, o);
    if (p === null) return null;
    set.push(...p.set);
    complete &&= p.complete;
    if (set.length > MAX_PREFIXES) return null;
  }
  return { set, complete };
}

/** The prefixes of one branch (no top-level `|`). */
function sequence(src: string, o: Options): Prefixes {
  return walk(src, 0, [""], o);
}

/** Extends `set` with the pattern from i on. */
function walk(src: string, i: number, set: string[], o: Options): Prefixes {
  while (i < src.length) {
    const zw = zeroWidthEnd(src, i);
    if (zw !== -1) {
      i = zw;
      continue;
    }
    const atom = readAtom(src, i, o);
    if (atom === null) return { set, complete: false };
    const q = readQuantifier(src, atom.end);
    if (q.min === 0 && q.max !== 1) return { set, complete: false }; // `*`, `{0,n}`: may repeat or vanish
    const options = atom.prefixes.set;
    // Multiply only to reach a usable, then a selective length: every prefix is a keyword of the pass.
    if ((options.length > 1 || q.min === 0) && set.every((s) => s.length >= USEFUL_LENGTH)) {
      if (set.every((s) => s.length >= SELECTIVE_LENGTH) || set.length * (options.length + 1) > SELECTIVE_SET) return { set, complete: false };
    }
    if (set.length * (options.length + 1) > MAX_PREFIXES) return { set, complete: false };
    const next: string[] = [];
    for (const s of set) for (const a of options) next.push(s + a);
    if (!atom.prefixes.complete || q.max !== 1) {
      // Nothing is certain after an atom that stopped inside or may repeat (`+`, `{2,}`); an
      // optional one (`(?:mongodb[_.-]?)?atlas`) may also be absent, and then the rest follows.
      if (q.min === 0) {
        const without = walk(src, q.end, set, o);
        next.push(...without.set);
        if (next.length > MAX_PREFIXES) return { set, complete: false };
      }
      return { set: next, complete: false };
    }
    if (q.min === 0) next.push(...set);
    set = next;
    i = q.end;
  }
  return { set, complete: true };
}

/** If a zero-width assertion starts at i (`(?<!…)`, `(?=…)`, `\b`, `^`…), the index after it (and any quantifier); else -1. */
function zeroWidthEnd(src: string, i: number): number {
  let end = -1;
  if (src.startsWith("(?<!", i) || src.startsWith("(?<=", i) || src.startsWith("(?=", i) || src.startsWith("(?!", i)) {
    const close = closingParen(src, i);
    if (close === -1) return -1;
    end = close + 1;
  } else if (src.startsWith("\\b", i) || src.startsWith("\\B", i)) end = i + 2;
  else if (src[i] === "^") end = i + 1;
  if (end === -1) return -1;
  return readQuantifier(src, end).end;
}

interface Atom {
  prefixes: Prefixes;
  end: number;
}

/** One atom at i: a literal, a small class, an escape or a group; null for anything else. */
function readAtom(src: string, i: number, o: Options): Atom | null {
  const ch = src[i]!;
  if (ch === "(") {
    let bodyStart: number;
    if (src.startsWith("(?:", i)) bodyStart = i + 3;
    else if (src.startsWith("(?<", i)) {
      const close = src.indexOf(">", i);
      if (close === -1) return null;
      bodyStart = close + 1;
    } else if (src[i + 1] !== "?") bodyStart = i + 1;
    else return null; // modifiers or other group syntax
    const end = closingParen(src, i);
    if (end === -1) return null;
    const inner = alternation(src.slice(bodyStart, end), o);
    return inner === null ? null : { prefixes: inner, end: end + 1 };
  }
  if (ch === "[") {
    if (o.vMode) return null;
    const cls = readClass(src, i, o);
    return cls === null ? null : { prefixes: { set: cls.members, complete: true }, end: cls.end };
  }
  if (ch === "\\") {
    const e = src[i + 1];
    if (e === undefined) return null;
    if (e === "d") return { prefixes: { set: [..."0123456789"], complete: true }, end: i + 2 };
    // Escaped punctuation is itself; `\w`, `\s`, `\k`, `\1`, `\u`, `\x`… are not literals.
    if (/[A-Za-z0-9]/.test(e)) return null;
    return { prefixes: { set: [fold(e, o)], complete: true }, end: i + 2 };
  }
  if (META.has(ch)) return null;
  return { prefixes: { set: [fold(ch, o)], complete: true }, end: i + 1 };
}

function fold(s: string, o: Options): string {
  return o.ignoreCase ? s.toLowerCase() : s;
}

/** The members of a class at i (`[…]`), when it is not negated and small; null otherwise. */
function readClass(src: string, i: number, o: Options): { members: string[]; end: number } | null {
  if (src[i + 1] === "^") return null;
  const codes: number[] = [];
  let j = i + 1;
  const member = (): number | null => {
    const c = src[j];
    if (c === undefined) return null;
    if (c === "\\") {
      const e = src[j + 1];
      if (e === undefined || /[A-Za-z0-9]/.test(e)) return null; // \d \w \s \b \x \u … inside a class: not expanded
      j += 2;
      return e.charCodeAt(0);
    }
    j++;
    return c.charCodeAt(0);
  };
  for (;;) {
    if (j >= src.length) return null;
    if (src[j] === "]") break; // in JavaScript `]` always closes (`[]` is the empty class)
    if (src[j] === "[") return null; // nested class syntax
    if (src[j] === "\\" && src[j + 1] === "d") {
      for (let d = 48; d <= 57; d++) codes.push(d);
      j += 2;
    } else {
      const lo = member();
      if (lo === null) return null;
      if (src[j] === "-" && src[j + 1] !== "]" && j + 1 < src.length) {
        j++;
        const hi = member();
        if (hi === null || hi < lo || hi - lo > MAX_CLASS) return null;
        for (let c = lo; c <= hi; c++) codes.push(c);
      } else codes.push(lo);
    }
    if (codes.length > 4 * MAX_CLASS) return null;
  }
  const members = [...new Set(codes.map((c) => fold(String.fromCharCode(c), o)))];
  return members.length === 0 || members.length > MAX_CLASS ? null : { members, end: j + 1 };
}

/** The quantifier at i, if any: bounds and the index after it (lazy `?` included). No quantifier: {1,1}. */
function readQuantifier(src: string, i: number): { min: number; max: number; end: number } {
  let q: { min: number; max: number; end: number };
  const c = src[i];
  if (c === "?") q = { min: 0, max: 1, end: i + 1 };
  else if (c === "*") q = { min: 0, max: Infinity, end: i + 1 };
  else if (c === "+") q = { min: 1, max: Infinity, end: i + 1 };
  else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 24));
    if (m === null) return { min: 1, max: 1, end: i }; // a literal `{` (legacy syntax): readAtom refuses it next
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    q = { min, max, end: i + m[0].length };
  } else return { min: 1, max: 1, end: i };
  if (src[q.end] === "?") q.end++; // lazy
  return q;
}

/**
 * Walks a regex source from `from`, skipping escapes and character classes,
 * and calls `visit` at each `(`, `)` and `|` with the group depth after it.
 * Returns the index where `visit` returned true, else -1.
 */
function walkGroups(src: string, from: number, visit: (i: number, ch: string, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(" || ch === ")" || ch === "|") {
      depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
      if (visit(i, ch, depth)) return i;
    }
  }
  return -1;
}

/** Index of the `)` closing the `(` at `open`, honouring escapes and character classes. */
function closingParen(src: string, open: number): number {
  return walkGroups(src, open, (_, ch, depth) => ch === ")" && depth === 0);
}

/** Splits a group body on its top-level `|`; null when its parentheses do not balance. */
function splitTopLevel(body: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  walkGroups(body, 0, (i, ch, d) => {
    depth = d;
    if (ch === "|" && d === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  parts.push(body.slice(start));
  return depth === 0 ? parts : null;
}

/**
 * A literal every match contains at a bounded distance from its start, for
 * patterns without usable prefixes: `[A-Za-z0-9]{75,76}AZDO…` holds `AZDO`
 * 75 or 76 characters in, `(?:^|:)[ \t]{0,4}_authToken` holds `_authToken`
 * 0 to 5 characters in. Finding the literal (in the keyword pass) then bounds
 * where a match can start: `at - max … at - min`. Lower-cased with `ignoreCase`.
 */
export interface Anchor {
  literal: string;
  min: number;
  max: number;
}

/** Largest spread of start offsets per occurrence of an anchor: each is one sticky run. */
const MAX_ANCHOR_SPREAD = 32;
/** Anchors further in than this are not looked for: most occurrences would be far from any match. */
const MAX_ANCHOR_OFFSET = 128;

export function anchorLiteral(source: string, ignoreCase: boolean, flags = ""): Anchor | null {
  const known = PRECOMPUTED_ANCHORS.get(prefixTableKey(source, ignoreCase, flags));
  if (known !== undefined) return known === null ? null : { ...known };
  const o: Options = { ignoreCase, vMode: flags.includes("v"), unicode: flags.includes("u") || flags.includes("v") };
  const found: Anchor[] = [];
  if (splitTopLevel(source)?.length !== 1) return null;
  scanAnchors(source, 0, 0, o, found);
  let best: Anchor | null = null;
  for (const a of found) {
    if (a.literal.length < 3 || !/^[\x20-\x7e]+$/.test(a.literal)) continue;
    if (a.max - a.min > MAX_ANCHOR_SPREAD || a.max > MAX_ANCHOR_OFFSET) continue;
    if (best === null || a.literal.length - (a.max - a.min) / 8 > best.literal.length - (best.max - best.min) / 8) best = a;
  }
  return best;
}

/**
 * Walks one branch from i, the text before it being min…max characters long;
 * records literal runs with their offsets. Returns the offsets after the branch
 * (max Infinity once unbounded), or null where lengths cannot be known.
 */
function scanAnchors(src: string, min: number, max: number, o: Options, found: Anchor[]): [number, number] | null {
  let i = 0;
  let run = "";
  let runMin = 0;
  let runMax = 0;
  const flush = () => {
    if (run.length > 0) found.push({ literal: run, min: runMin, max: runMax });
    run = "";
  };
  while (i < src.length) {
    const zw = zeroWidthEnd(src, i);
    if (zw !== -1) {
      i = zw;
      continue;
    }
    const ch = src[i]!;
    let len: [number, number] | null;
    let end: number;
    let single = false; // a single-branch group walked inside (its literals recorded at their offsets)
    let literal: string | null = null;
    if (ch === "(") {
      const close = closingParen(src, i);
      if (close === -1) return null;
      let bodyStart: number;
      if (src.startsWith("(?:", i)) bodyStart = i + 3;
      else if (src.startsWith("(?<", i)) bodyStart = src.indexOf(">", i) + 1;
      else if (src[i + 1] !== "?") bodyStart = i + 1;
      else return null;
      const body = src.slice(bodyStart, close);
      end = close + 1;
      const q = readQuantifier(src, end);
      const branches = splitTopLevel(body);
      if (branches === null) return null;
      if (branches.length === 1 && q.min === 1 && q.max === 1) {
        flush();
        const after = scanAnchors(body, min, max, o, found);
        if (after === null) return null;
        [min, max] = after;
        i = q.end;
        single = true;
      } else {
        let lo = Infinity;
        let hi = 0;
        for (const b of branches) {
          const r = scanAnchors(b, 0, 0, o, []);
          if (r === null) return null;
          lo = Math.min(lo, r[0]);
          hi = Math.max(hi, r[1]);
        }
        len = [lo, hi];
      }
      if (single) continue;
      len = len!;
    } else if (ch === "[") {
      const close = classEnd(src, i);
      if (close === -1 || o.vMode) return null;
      len = [1, o.unicode ? 2 : 1];
      end = close + 1;
    } else if (ch === "\\") {
      const e = src[i + 1];
      if (e === undefined || e === "k" || /[1-9]/.test(e)) return null; // back-references: length unknown here
      if (e === "u" || e === "x" || e === "c" || e === "p" || e === "P") return null; // multi-character escapes
      len = [1, o.unicode ? 2 : 1];
      end = i + 2;
      if (!/[A-Za-z0-9]/.test(e)) literal = fold(e, o);
    } else if (ch === ".") {
      len = [1, o.unicode ? 2 : 1];
      end = i + 1;
    } else if (META.has(ch)) return null;
    else {
      len = [1, 1];
      end = i + 1;
      literal = fold(ch, o);
    }
    const q = readQuantifier(src, end);
    if (literal !== null && q.min === 1 && q.max === 1) {
      if (run.length === 0) {
        runMin = min;
        runMax = max;
      }
      run += literal;
    } else flush();
    min += len[0] * q.min;
    max = q.max === Infinity || max === Infinity ? Infinity : max + len[1] * q.max;
    i = q.end;
  }
  flush();
  return [min, max];
}

/** Index of the `]` closing the class at i. */
function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === "\\") j++;
    else if (src[j] === "]") return j;
  }
  return -1;
}
