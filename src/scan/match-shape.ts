// What a regex's matches look like near their start, as necessary conditions
// the keyword pass (keyword-table.ts) can test on bytes: the characters a
// match can hold at each of its first offsets, and the characters that
// cannot come right before it (a leading `(?<![A-Za-z0-9_-])` or `\b`). A
// rule found by a literal prefix (`pat` of `pat[A-Za-z0-9]{14}\.…`, `app` of
// `app[_.-]?secret…`) then needs no candidate where the text goes on with
// `h.join` or `ly(`: most occurrences of short prefixes in code are other
// words (`path`, `apply`, `compat`).
//
// The analysis is conservative by construction: every set is a superset of
// what a match can hold there. A set has 256 bits, one per byte of the pass's
// narrowed copy (keyword-wasm.ts narrowCode): a character up to U+00FF is its
// own byte, U+0100-U+7FFF reads as 0xff and U+8000-U+FFFF as 0x00, so a set
// that can hold any character above U+00FF holds both 0x00 and 0xff. (Where
// the pass copies the low byte instead, it tests nothing past the text's
// first character above U+00FF.) Offsets are followed as a set through the
// pattern: an atom quantified {min,max} at offset d fills offsets d…d+max-1
// and moves on to d+min…d+max; alternatives are united; anything the walk
// does not model (back-references, `\p{…}`, control escapes) makes every
// offset from there on unconstrained, and syntax it cannot read (`v` flag,
// `iu` case folding, where `ſ` is an `s`) gives no shape at all.
// Look-arounds consume nothing and constrain nothing, except a negative
// look-behind of one class or a `\b` opening a branch, which constrain the
// character before it. The offsets tested stop at the shortest match's
// length: after it, anything may follow.

/** Offsets analysed at most (the pass reads this many characters from a keyword's start). */
export const MAX_DEPTH = 31;

/**
 * Characters after a prefix that prefixFollow asks for at most: an occurrence that is another
 * word (`path`, `pattern`) differs within a few characters, and each one costs the pass a test.
 */
export const MAX_AFTER = 16;

/** 256 bits: bit b set when the byte b may occur (see the header for characters above U+00FF). */
export type ByteSet = Uint8Array;

export interface MatchShape {
  /** Byte sets of offsets 0 … at.length-1: every match is at least this long and holds a byte of at[i] at offset i. */
  at: ByteSet[];
  /** Bytes that cannot come right before a match (never 0x00 or 0xff, which stand for many characters), or null. */
  notBefore: ByteSet | null;
}

const full = (): ByteSet => new Uint8Array(32).fill(255);
const empty = (): ByteSet => new Uint8Array(32);
export const hasByte = (s: ByteSet, b: number): boolean => ((s[b >> 3]! >> (b & 7)) & 1) === 1;
const addByte = (s: ByteSet, b: number) => {
  s[b >> 3]! |= 1 << (b & 7);
};
const union = (into: ByteSet, from: ByteSet) => {
  for (let i = 0; i < 32; i++) into[i]! |= from[i]!;
};
const isFull = (s: ByteSet) => s.every((x) => x === 255);

interface Options {
  ignoreCase: boolean;
  unicode: boolean;
}

/** A character class being read: its characters up to U+00FF, and whether it has any above. */
class CharSet {
  readonly bytes = empty();
  wide = false;
  negated = false;
  constructor(readonly o: Options) {}
  add(code: number): void {
    if (code > 255) {
      this.wide = true;
      if (!this.o.ignoreCase) return;
    } else addByte(this.bytes, code);
    if (this.o.ignoreCase) {
      // Non-Unicode `i` compares toUpperCase() of both sides (ES Canonicalize), never mapping a character above U+007F to ASCII.
      const ch = String.fromCodePoint(code);
      for (const other of [ch.toLowerCase(), ch.toUpperCase()]) {
        const c = other.codePointAt(0)!;
        if (other.length !== String.fromCodePoint(c).length) continue;
        if (c > 255) this.wide = true;
        else if (code < 128 || c >= 128) addByte(this.bytes, c);
      }
    }
  }
  addRange(lo: number, hi: number): void {
    for (let c = lo; c <= Math.min(hi, 255); c++) this.add(c);
    if (hi > 255) {
      this.wide = true;
      // Characters above U+00FF whose other case is below: a few Latin-1 letters (ÿ/Ÿ, µ/Μ…); take them all.
      if (this.o.ignoreCase) for (let c = 128; c < 256; c++) addByte(this.bytes, c);
    }
  }
  /** The bytes of the class (see the header). */
  result(): ByteSet {
    const out = empty();
    if (this.negated) {
      for (let i = 0; i < 32; i++) out[i] = ~this.bytes[i]! & 255;
    } else union(out, this.bytes);
    if (this.negated || this.wide) {
      addByte(out, 0);
      addByte(out, 255);
    }
    return out;
  }
}

// Regex syntax tree: just what the walk needs.
type Node =
  | { t: "set"; set: ByteSet }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; branches: Node[] }
  | { t: "rep"; node: Node; min: number; max: number }
  | { t: "look"; behind: boolean; negative: boolean; body: Node }
  | { t: "boundary" }
  | { t: "opaque" }; // matches an unknown string: every offset from here on is unconstrained

/** `\s` below U+0100 (ECMA-262 WhiteSpace and LineTerminator). */
const SPACES = [9, 10, 11, 12, 13, 32, 0xa0];

/** Single-character escapes (after the backslash), as code points. */
const CONTROL: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };

class Parser {
  i = 0;
  constructor(
    readonly src: string,
    readonly o: Options,
  ) {}

  alternation(): Node {
    const branches: Node[] = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { t: "alt", branches };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") items.push(this.quantified(this.atom()));
    return { t: "seq", items };
  }

  quantified(atom: Node): Node {
    const src = this.src;
    const c = src[this.i];
    let min = 1;
    let max = 1;
    if (c === "?") [min, max] = [0, 1];
    else if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(this.i, this.i + 24));
      if (m === null) return atom; // a literal `{` (legacy syntax), read as the next atom
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (src[this.i] === "?") this.i++; // lazy: the same set of matches
    if (atom.t === "look" || atom.t === "boundary") return atom; // a quantified assertion still consumes nothing
    return { t: "rep", node: atom, min, max };
  }

  atom(): Node {
    const src = this.src;
    const ch = src[this.i]!;
    if (ch === "(") {
      let look: { behind: boolean; negative: boolean } | null = null;
      if (src.startsWith("(?:", this.i)) this.i += 3;
      else if (src.startsWith("(?=", this.i) || src.startsWith("(?!", this.i)) {
        look = { behind: false, negative: src[this.i + 2] === "!" };
        this.i += 3;
      } else if (src.startsWith("(?<=", this.i) || src.startsWith("(?<!", this.i)) {
        look = { behind: true, negative: src[this.i + 3] === "!" };
        this.i += 4;
      } else if (src.startsWith("(?<", this.i)) {
        const close = src.indexOf(">", this.i);
        if (close === -1) throw new SyntaxError("group name");
        this.i = close + 1;
      } else if (src[this.i + 1] === "?") throw new SyntaxError("group syntax"); // modifiers (?i:…) and others
      else this.i++;
      const body = this.alternation();
      if (src[this.i] !== ")") throw new SyntaxError("unbalanced");
      this.i++;
      return look === null ? body : { t: "look", ...look, body };
    }
    if (ch === "[") return this.unit(this.charClass());
    if (ch === "\\") {
      const e = src[this.i + 1];
      if (e === "b") {
        this.i += 2;
        return { t: "boundary" };
      }
      if (e === "B") {
        this.i += 2;
        return { t: "look", behind: false, negative: false, body: { t: "seq", items: [] } };
      }
      if (e === "k" || (e !== undefined && /[1-9]/.test(e))) {
        // A back-reference: not modelled.
        this.i += 2;
        if (e === "k" && src[this.i] === "<") this.i = src.indexOf(">", this.i) + 1;
        else while (/[0-9]/.test(src[this.i] ?? "")) this.i++;
        return { t: "opaque" };
      }
      const s = new CharSet(this.o);
      if (!this.escapeInto(s)) return { t: "opaque" };
      return this.unit(s);
    }
    if (ch === ".") {
      this.i++;
      const any = new CharSet(this.o);
      any.negated = true;
      return this.unit(any);
    }
    if (ch === "^" || ch === "$") {
      this.i++;
      return { t: "look", behind: false, negative: false, body: { t: "seq", items: [] } };
    }
    if (ch === "*" || ch === "+" || ch === "?" || ch === ")") throw new SyntaxError("stray syntax");
    const code = this.codeAt();
    const s = new CharSet(this.o);
    s.add(code);
    return this.unit(s);
  }

  /**
   * The escape at i (a backslash) added to `s`, i moved past it: a class escape (`\d`, `\w`…) adds
   * its set and returns "class", a character escape adds the character and returns its code point;
   * false when it is not modelled (`\p{…}`, `\cX`).
   */
  escapeInto(s: CharSet): number | "class" | false {
    const src = this.src;
    const e = src[this.i + 1];
    if (e === undefined) throw new SyntaxError("trailing backslash");
    this.i += 2;
    const word = () => {
      s.addRange(48, 57);
      s.addRange(65, 90);
      s.addRange(97, 122);
      s.add(95);
    };
    const one = (code: number) => {
      s.add(code);
      return code;
    };
    switch (e) {
      case "d":
        s.addRange(48, 57);
        return "class";
      case "w":
        word();
        return "class";
      case "s":
        for (const c of SPACES) s.add(c);
        s.wide = true; // U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF
        return "class";
      case "D":
      case "W":
      case "S": {
        // The complement of \d, \w or \s below U+0100, and characters above.
        const base = new CharSet({ ignoreCase: false, unicode: false });
        if (e === "D") base.addRange(48, 57);
        else if (e === "S") for (const c of SPACES) base.add(c);
        else {
          base.addRange(48, 57);
          base.addRange(65, 90);
          base.addRange(97, 122);
          base.add(95);
        }
        for (let c = 0; c < 256; c++) if (!hasByte(base.bytes, c)) s.add(c);
        s.wide = true;
        return "class";
      }
      case "0":
        if (/[0-9]/.test(src[this.i] ?? "")) throw new SyntaxError("octal escape");
        return one(0);
      case "x": {
        const m = /^[0-9a-fA-F]{2}/.exec(src.slice(this.i, this.i + 2));
        if (m === null) throw new SyntaxError("\\x");
        this.i += 2;
        return one(parseInt(m[0], 16));
      }
      case "u": {
        const m = /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]{1,6}\})/.exec(src.slice(this.i, this.i + 8));
        if (m === null) throw new SyntaxError("\\u");
        this.i += m[0].length;
        return one(parseInt(m[0].replace(/[{}]/g, ""), 16));
      }
      default:
        if (CONTROL[e] !== undefined) return one(CONTROL[e]!);
        if (/[A-Za-z0-9]/.test(e)) return false; // \p, \P, \c and the rest: not modelled
        return one(e.charCodeAt(0));
    }
  }

  /** The pattern character at i, i moved past it: a code point with `u`, a UTF-16 unit without (what the pattern matches). */
  codeAt(): number {
    const code = this.o.unicode ? this.src.codePointAt(this.i)! : this.src.charCodeAt(this.i);
    this.i += code > 0xffff ? 2 : 1;
    return code;
  }

  /**
   * One character of the pattern as a node. With `u`, a class that can match a character
   * above U+FFFF matches two UTF-16 units (the pass's offsets), both surrogates (byte 0x00):
   * one or two offsets then.
   */
  unit(s: CharSet): Node {
    const node: Node = { t: "set", set: s.result() };
    return this.o.unicode && (s.wide || s.negated) ? { t: "rep", node, min: 1, max: 2 } : node;
  }

  charClass(): CharSet {
    const src = this.src;
    this.i++; // [
    const s = new CharSet(this.o);
    if (src[this.i] === "^") {
      s.negated = true;
      this.i++;
    }
    /** The class member at i: its code point, or null for a class escape (added already). */
    const member = (): number | null => {
      if (src[this.i] === "\\") {
        if (src[this.i + 1] === "b") {
          this.i += 2;
          s.add(8); // backspace, inside a class
          return 8;
        }
        const r = this.escapeInto(s);
        if (r === false) throw new SyntaxError("unmodelled escape in a class");
        return r === "class" ? null : r;
      }
      const code = this.codeAt();
      s.add(code);
      return code;
    };
    for (;;) {
      if (this.i >= src.length) throw new SyntaxError("unterminated class");
      if (src[this.i] === "]") {
        this.i++;
        break;
      }
      const lo = member();
      if (lo !== null && src[this.i] === "-" && src[this.i + 1] !== "]" && this.i + 1 < src.length) {
        this.i++;
        const hi = member(); // `[\w-x]`, `[a-\d]`: the `-` is literal (added below)
        if (hi === null) s.add(45);
        else if (hi < lo) throw new SyntaxError("range out of order");
        else s.addRange(lo, hi);
      } else if (lo === null && src[this.i] === "-" && src[this.i + 1] !== "]") {
        // `[\w-.]`: a literal `-` after a class escape.
        this.i++;
        s.add(45);
      }
    }
    return s;
  }
}

/**
 * Offsets reachable: bit d (d < MAX_DEPTH) for offset d, bit 31 (BEYOND) for "at or past
 * MAX_DEPTH", an unsigned 32-bit number.
 */
type Offsets = number;
const BEYOND = 0x80000000;
/** The offsets one character further on. */
const step = (m: Offsets): Offsets => (((m << 1) | (m & BEYOND)) >>> 0);

class Walk {
  /** Per offset, the bytes seen there. */
  readonly sets: ByteSet[] = Array.from({ length: MAX_DEPTH }, empty);

  run(node: Node, from: Offsets): Offsets {
    switch (node.t) {
      case "set": {
        for (let d = 0; d < MAX_DEPTH; d++) if ((from >>> d) & 1) union(this.sets[d]!, node.set);
        return step(from);
      }
      case "seq": {
        let cur = from;
        for (const item of node.items) cur = this.run(item, cur);
        return cur;
      }
      case "alt": {
        let out = 0;
        for (const b of node.branches) out = (out | this.run(b, from)) >>> 0;
        return out;
      }
      case "rep": {
        let cur = from;
        for (let r = 0; r < node.min && cur !== BEYOND; r++) cur = this.run(node.node, cur);
        // Breadth first: an offset is extended once, from the round that first reaches it (the one
        // with the most repetitions left); running the node again from it would fill the same bytes.
        let all = cur;
        let frontier = cur & ~BEYOND;
        for (let r = node.min; r < node.max && frontier !== 0; r++) {
          const next = this.run(node.node, frontier >>> 0);
          frontier = next & ~all & ~BEYOND;
          all = (all | next) >>> 0;
        }
        return all;
      }
      case "look":
      case "boundary":
        return from;
      case "opaque": {
        // Every offset from the lowest one reached on is unconstrained.
        let d = 0;
        while (d < MAX_DEPTH && ((from >>> d) & 1) === 0) d++;
        // It may match the empty string or anything longer: every offset from there on is reachable.
        let out = BEYOND;
        for (; d < MAX_DEPTH; d++) {
          this.sets[d]!.fill(255);
          out = (out | (1 << d)) >>> 0;
        }
        return out;
      }
    }
  }
}

/** Word characters of `\b` (without the `u` and `i` flags together, which shapes refuse). */
const WORD = (() => {
  const w = new CharSet({ ignoreCase: false, unicode: false });
  w.addRange(48, 57);
  w.addRange(65, 90);
  w.addRange(97, 122);
  w.add(95);
  return w.result();
})();

/** The leading assertions of a branch: what the character before a match cannot be. */
function notBeforeOf(node: Node, first: ByteSet): ByteSet | null {
  const items = node.t === "seq" ? node.items : [node];
  let out: ByteSet | null = null;
  for (const item of items) {
    if (item.t === "look" && item.behind && item.negative) {
      // `(?<![A-Za-z0-9_-])`: one class (or character) behind.
      const body = item.body.t === "seq" && item.body.items.length === 1 ? item.body.items[0]! : item.body;
      if (body.t === "set") union((out ??= empty()), body.set);
    } else if (item.t === "boundary") {
      // `\b` before a word character: the character before is not one.
      let onlyWord = true;
      for (let b = 0; b < 256 && onlyWord; b++) if (hasByte(first, b) && !hasByte(WORD, b)) onlyWord = false;
      if (onlyWord) union((out ??= empty()), WORD);
    } else if (item.t !== "look") break;
  }
  if (out === null) return null;
  // 0x00 and 0xff stand for characters above U+00FF too: never a reason to refuse.
  out[0]! &= 0xfe;
  out[31]! &= 0x7f;
  return out;
}

/** A pattern's alternatives, a leading group's alternatives spread over the rest (up to `limit`): every match is one of theirs. */
function branchesOf(node: Node, limit = 32): Node[] {
  if (node.t === "alt") {
    const out = node.branches.flatMap((b) => branchesOf(b, limit));
    return out.length > limit ? [node] : out;
  }
  if (node.t !== "seq") return [node];
  const k = node.items.findIndex((item) => item.t !== "look" && item.t !== "boundary");
  if (k === -1) return [node];
  const lead = node.items[k]!;
  const before = node.items.slice(0, k);
  const after = node.items.slice(k + 1);
  // A leading group (`(?<secret>…)`) is spliced in; a leading alternation is spread.
  if (lead.t === "seq") return branchesOf({ t: "seq", items: [...before, ...lead.items, ...after] }, limit);
  if (lead.t !== "alt" || lead.branches.length > limit) return [node];
  const out = lead.branches.flatMap((b) => branchesOf({ t: "seq", items: [...before, b, ...after] }, limit));
  return out.length > limit ? [node] : out;
}

function shapeOf(node: Node): MatchShape {
  const walk = new Walk();
  const ends = walk.run(node, 1);
  // The shortest match: after it anything may follow.
  let depth = 0;
  while (depth < MAX_DEPTH && ((ends >>> depth) & 1) === 0) depth++;
  const at = walk.sets.slice(0, depth);
  return { at, notBefore: notBeforeOf(node, at[0] ?? full()) };
}

/**
 * The shapes of the pattern's branches (alternatives, a leading group's spread over the rest):
 * every match is a match of one of them. Null when the pattern uses syntax not modelled here
 * or folds case the Unicode way (`iu`: `ſ` is an `s`).
 */
export function matchShapes(pattern: RegExp): MatchShape[] | null {
  let shapes = shapeCache.get(pattern);
  if (shapes === undefined) shapeCache.set(pattern, (shapes = analyse(pattern)));
  return shapes;
}

// A rule with many prefixes asks once per prefix.
const shapeCache = new WeakMap<RegExp, MatchShape[] | null>();

function analyse(pattern: RegExp): MatchShape[] | null {
  const flags = pattern.flags;
  if (flags.includes("v")) return null;
  const o: Options = { ignoreCase: flags.includes("i"), unicode: flags.includes("u") };
  if (o.ignoreCase && o.unicode) return null;
  let tree: Node;
  try {
    const p = new Parser(pattern.source, o);
    tree = p.alternation();
    if (p.i !== pattern.source.length) return null;
  } catch {
    return null;
  }
  return branchesOf(tree).map(shapeOf);
}

/** What the keyword pass can require of an occurrence of a keyword (keyword-table.ts KeywordFollow). */
export interface Follow {
  /** Byte sets of the characters right after the keyword, in order. */
  after: ByteSet[];
  /** Bytes that cannot come right before it, or null. */
  notBefore: ByteSet | null;
}

/**
 * What the keyword pass can require after an occurrence of `prefix` (lower-case ASCII) that
 * starts a match of one of `patterns`: byte sets for the characters after the prefix, and what
 * cannot precede it. Null when nothing can be required (a pattern not modelled, or no
 * character constrained). Only branches whose sets admit the prefix's own characters count.
 */
export function prefixFollow(prefix: string, patterns: RegExp[]): Follow | null {
  const kept: MatchShape[] = [];
  for (const pattern of patterns) {
    const shapes = matchShapes(pattern);
    if (shapes === null) return null;
    for (const s of shapes) {
      let fits = true;
      for (let i = 0; i < prefix.length && i < s.at.length && fits; i++) {
        const c = prefix.charCodeAt(i);
        const up = prefix[i]!.toUpperCase().charCodeAt(0);
        fits = hasByte(s.at[i]!, c) || (up < 256 && hasByte(s.at[i]!, up));
      }
      if (fits) kept.push(s);
    }
  }
  // No branch admits it: the prefix came from elsewhere (nothing to require, to be safe).
  if (kept.length === 0) return null;
  const depth = Math.min(...kept.map((s) => s.at.length));
  const after: ByteSet[] = [];
  for (let i = prefix.length; i < depth && i < prefix.length + MAX_AFTER; i++) {
    const u = empty();
    for (const s of kept) union(u, s.at[i]!);
    after.push(u);
  }
  while (after.length > 0 && isFull(after[after.length - 1]!)) after.pop();
  let notBefore: ByteSet | null = null;
  if (kept.every((s) => s.notBefore !== null)) {
    notBefore = empty().fill(255);
    for (const s of kept) for (let i = 0; i < 32; i++) notBefore[i]! &= s.notBefore![i]!;
    if (notBefore.every((x) => x === 0)) notBefore = null;
  }
  if (after.length === 0 && notBefore === null) return null;
  return { after, notBefore };
}
