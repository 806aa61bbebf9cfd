import { COMMON_TRIGRAMS } from "./trigram-frequency.js";
import { PRECOMPUTED_WINDOWS } from "./keyword-window-table.js";
import { PRECOMPUTED_KEYWORD_TABLE } from "./keyword-table-data.js";
import { instantiateScan, type WasmLayout } from "./keyword-wasm.js";

// Finds many keywords (case-insensitive for ASCII letters) in one pass over a
// text. The text is copied as Latin-1 bytes into a reused buffer (a native
// copy at several GB/s; a character above U+00FF keeps its low byte, which can
// only make a false candidate: in a text holding one, every match is
// confirmed on the string; the WebAssembly loop's copy instead goes through
// UTF-16 and turns such characters into bytes no keyword has, so that nothing
// needs confirming) and read two bytes at a time: each byte maps to a
// 6-bit character class, and the two 3-character windows ending in the pair
// index a 2^18-entry table marking the windows keywords are found by. Every
// keyword has exactly one window (for a 2-character keyword, any character
// followed by it), chosen among its 3-character pieces as the one least
// frequent in ordinary code (trigram-frequency.ts), so that a window occurring
// in the text usually means the keyword does. The classes are exact for every
// character keywords use (letters folded), so the table has no collisions:
// about 1.2% of positions of real package sources reach a comparison, against
// 3% with the hashed windows of the previous pass.
//
// Per text, a keyword needs nothing more once found, unless the caller wants
// all its positions (a literal prefix, until its list overflows) or it is a
// head word; a window all of whose keywords need nothing more is switched off
// for the rest of the text and switched back on at the end (`try … finally`;
// the pass is synchronous, and each worker thread has its own copy of this
// module). After the first few MB a thread scans, the loop runs as
// WebAssembly (keyword-wasm.ts), which also compares the keywords and collects
// the matches; JavaScript then only records them.

/** Number of classes: 6 bits each, 3 per window. */
const CLASSES = 64;
const WINDOW_MASK = (1 << 18) - 1;

export interface KeywordTable {
  /** The keywords, lower-case (ASCII letters folded). */
  keywords: string[];
  /** Byte → class: 0 for characters no keyword uses. */
  cls: Uint8Array;
  /** Window (3 classes) → 1 when some keyword is found by it. Switched off per text while it has nothing to find. */
  window: Uint8Array;
  /** Window → its slot, 1-based. */
  slotOf: Uint16Array;
  /** Slot → window. */
  slotWindow: Int32Array;
  /** Slot s's keywords are slotKeyword[slotStart[s] .. slotStart[s + 1]). */
  slotStart: Int32Array;
  slotKeyword: Int32Array;
  /** Keyword → the slots it is in (one; 64 for a 2-character keyword). */
  keywordSlots: Int32Array[];
  /** Keyword → where it starts relative to its window's first character. */
  offset: Int32Array;
  /** Keyword k's bytes (ASCII, lower-case) are bytes[byteStart[k] .. byteStart[k + 1]). */
  byteStart: Int32Array;
  bytes: Uint8Array;
  /** Every character of a keyword has a class of its own, so a window on means its 3 characters (ASCII letters folded). */
  exact: boolean;
  /** Characters the WebAssembly loop's memory takes at a time (even), and the characters around a chunk copied with it (even, more than the longest keyword). */
  chunk: number;
  overlap: number;
  /** Characters scanned with the JavaScript loop (per thread) before the WebAssembly one (keyword-wasm.ts) is set up: Infinity for never. */
  wasmAfter: number;
  /** Whether the WebAssembly loop may use SIMD (keyword-wasm.ts narrowCode): false for tests of the copy without it. */
  simd: boolean;
  /** Keywords with a character outside ASCII: searched for one by one. */
  other: Array<{ k: number; pattern: RegExp }>;
  /** The first characters of `other`'s keywords, when all are above U+00FF (foreign-words.ts): none in a text, none of them in it. */
  otherGate: string[] | null;
  /**
   * What an occurrence of a keyword must look like to be recorded after its first one in a text
   * (KeywordFollow): 4 per keyword, the byte offset in `followSets` of the sets of the characters
   * after it (-1 for none), how many, the offset of the set of characters that cannot precede it
   * (-1 for none), 0.
   */
  follow: Int32Array;
  /** 32-byte sets (bit b of a set: byte b may occur). */
  followSets: Uint8Array;
  /** Follow sets given as a function: computed when the WebAssembly loop is set up (resolveFollow); until then none. */
  followPending: (() => ReadonlyArray<KeywordFollow | null | undefined>) | null;
}

/**
 * Characters an occurrence of a keyword needs around it for its consumer to
 * use it (a rule whose matches start with the keyword: match-shape.ts): bit b
 * of a set (256 bits, byte b >> 3, bit b & 7) for the byte b of the pass's
 * copy. Past its first occurrence in a text, an occurrence without them is not
 * recorded. Tested only where the copy's bytes are the text's characters
 * (before the text's first character above U+00FF when the copy keeps low
 * bytes); every occurrence still counts for `found`.
 */
export interface KeywordFollow {
  after: Uint8Array[];
  notBefore: Uint8Array | null;
}

/** See KeywordTable.chunk: 1 MB per thread. */
const CHUNK = 1 << 20;

/** See KeywordTable.wasmAfter: about 10 ms of the JavaScript loop. */
const WASM_AFTER = 4_000_000;

const LOWER = Uint8Array.from({ length: 256 }, (_, c) => (c >= 65 && c <= 90 ? c | 32 : c));

let trigramRank: Map<number, number> | undefined;

/** `'` and `` ` `` read as `"`: the frequency table counts the three quotes as one (scripts/trigram-frequency.js). */
const quote = (c: number): number => (c === 39 || c === 96 ? 34 : c);

/** Whether a keyword is all ASCII: the others have no window (keywordWindows) and are searched for by a regular expression (buildKeywordTable). */
const ascii = (k: string): boolean => /^[\x00-\x7f]*$/.test(k);

const trigramCode = (s: string, at: number): number => (quote(s.charCodeAt(at)) << 16) | (quote(s.charCodeAt(at + 1)) << 8) | quote(s.charCodeAt(at + 2));

/** How common the 3-character piece of a keyword at `at` is in ordinary code: higher is rarer. */
function rarity(k: string, at: number): number {
  if (trigramRank === undefined) {
    trigramRank = new Map();
    for (let i = COMMON_TRIGRAMS.length - 3; i >= 0; i -= 3) trigramRank.set(trigramCode(COMMON_TRIGRAMS, i), i / 3);
  }
  return trigramRank.get(trigramCode(k, at)) ?? Number.MAX_SAFE_INTEGER;
}

/** Offset of the keyword's rarest 3-character piece (the first of equals). */
export function rarestWindow(k: string): number {
  let best = 0;
  let bestScore = -1;
  for (let o = 0; o + 3 <= k.length; o++) {
    const score = rarity(k, o);
    if (score > bestScore) {
      bestScore = score;
      best = o;
    }
  }
  return best;
}

/**
 * The window of each keyword of 3+ ASCII characters (its offset; -1 for the others): the rarest
 * piece, or among equally rare pieces one that another keyword is found by already, when the
 * keyword would otherwise be alone in its window. A window costs wherever it occurs in a text and
 * a keyword sharing one costs only a comparison there: `"bearer"` is found at `bea` of `bearer`
 * rather than at `"be`, `devops` at `ops` of `opsgenie` rather than at `evo` (the frequency table
 * cannot rank the rarer pieces: all are "not among the 3,000 most common"). The windows of the
 * built-in rule set's keywords are computed when the scan bundle is built (PRECOMPUTED_WINDOWS).
 */
export function keywordWindows(keywords: readonly string[]): Int32Array {
  const offset = new Int32Array(keywords.length).fill(-1);
  const piece = (k: string, o: number) => k.slice(o, o + 3);
  const users = new Map<string, number>();
  const open: number[] = [];
  keywords.forEach((k, i) => {
    if (k.length < 3 || !ascii(k)) return;
    const known = PRECOMPUTED_WINDOWS.get(k);
    if (known === undefined) open.push(i);
    offset[i] = known ?? rarestWindow(k);
    users.set(piece(k, offset[i]!), (users.get(piece(k, offset[i]!)) ?? 0) + 1);
  });
  // Pieces are compared as the pass sees them (letters folded): keywords are lower-case.
  for (const i of open) {
    const k = keywords[i]!;
    const own = piece(k, offset[i]!);
    if (users.get(own) !== 1) continue;
    const top = rarity(k, offset[i]!);
    for (let o = 0; o + 3 <= k.length; o++) {
      if (o === offset[i] || rarity(k, o) !== top || !users.has(piece(k, o))) continue;
      users.delete(own);
      users.set(piece(k, o), users.get(piece(k, o))! + 1);
      offset[i] = o;
      break;
    }
  }
  return offset;
}

/** The keywords' distinct first characters, when every one is above U+00FF (no case to fold). */
function gateOf(keywords: string[]): string[] | null {
  if (keywords.length === 0 || keywords.some((k) => k.charCodeAt(0) <= 0xff)) return null;
  return [...new Set(keywords.map((k) => k[0]!))];
}

/**
 * Whether the text holds one of the gate's characters (all above U+00FF). The search for characters
 * above U+00FF goes first; a regex class of the gate's characters is scanned character by character
 * (5x the time), and one indexOf per character on every text cost about as much as this. `wideFrom`:
 * the text's first character above U+00FF (its length: none).
 */
function hasGateCharacter(gate: string[], text: string, wideFrom: number): boolean {
  let from = wideFrom;
  if (from >= text.length) return false;
  // Most texts holding such a character hold a few (`’ — ✓ …` in comments): hop from one to the next.
  for (let hops = 0; hops < 64; hops++) {
    if (gate.includes(text[from]!)) return true;
    WIDE_FROM.lastIndex = from + 1;
    const m = WIDE_FROM.exec(text);
    if (m === null) return false;
    from = m.index;
  }
  // Many (a text in Cyrillic, Chinese…): one search per character.
  for (const c of gate) if (text.indexOf(c, from) !== -1) return true;
  return false;
}

const WIDE_FROM = /[^\x00-\xff]/g;

/**
 * Whether one of the `length` characters narrow() has just written (from the text's `copyStart`) is a
 * gate character: each character above U+00FF became 0xff (U+0100-U+7FFF) or 0x00 (U+8000-U+FFFF),
 * so only those bytes are looked at, found by memchr (Buffer#indexOf of a number), one after the
 * other. A regex search for characters above U+00FF over every text that holds one (a `’` or `—` in a
 * comment is enough), hop by hop, cost ~0.1 CPU-s per corpus scan. After 4,096 such characters (a
 * text in Cyrillic or Chinese) the answer is yes: the searches themselves decide.
 */
function gateInNarrowed(bytes: Uint8Array, length: number, copyStart: number, text: string, gate: string[]): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, length);
  let ff = view.indexOf(0xff);
  let nul = view.indexOf(0);
  for (let hops = 0; ff !== -1 || nul !== -1; hops++) {
    if (hops === 4096) return true;
    let at: number;
    if (nul === -1 || (ff !== -1 && ff < nul)) {
      at = ff;
      ff = view.indexOf(0xff, at + 1);
    } else {
      at = nul;
      nul = view.indexOf(0, at + 1);
    }
    if (gate.includes(text[copyStart + at]!)) return true;
  }
  return false;
}

/**
 * What buildKeywordTable derives from the keywords alone, in plain arrays: the character classes,
 * each keyword's window offset, the windows' slots and keywords, the keywords searched for by a
 * regular expression (index, source). The scan bundle carries the built-in rule set's
 * (keyword-table-data.ts, computed by this function when the bundle is built): deriving it took
 * ~5 ms of every start (the loops run cold, in the interpreter), a third of a pre-commit scan's
 * rule-set compile.
 */
export interface KeywordTableData {
  keywords: string[];
  cls: number[];
  offset: number[];
  slotWindow: number[];
  slotStart: number[];
  slotKeyword: number[];
  other: Array<[number, string]>;
  exact: boolean;
}

export function keywordTableData(keywords: string[]): KeywordTableData {
  // Classes: one per character keywords use (letters folded), the rest share
  // class 0; past 63 distinct characters the last class is shared (more
  // candidates, still confirmed).
  const cls = new Uint8Array(256);
  let nextClass = 1;
  const used = new Set<number>();
  for (const k of keywords) if (k.length >= 2 && ascii(k)) for (let j = 0; j < k.length; j++) used.add(LOWER[k.charCodeAt(j)]!);
  for (const c of [...used].sort((a, b) => a - b)) {
    const id = nextClass < CLASSES ? nextClass++ : CLASSES - 1;
    cls[c] = id;
    if (c >= 97 && c <= 122) cls[c - 32] = id;
  }
  const lists = new Map<number, number[]>();
  const offset = new Array<number>(keywords.length).fill(0);
  const add = (w: number, k: number) => {
    const list = lists.get(w);
    if (list) list.push(k);
    else lists.set(w, [k]);
  };
  const other: Array<[number, string]> = [];
  const windows = keywordWindows(keywords);
  keywords.forEach((k, i) => {
    if (k.length < 2) return;
    if (!ascii(k)) {
      // ASCII letters match either case, every other character only itself.
      other.push([i, [...k].map((ch) => (/[a-z]/.test(ch) ? `[${ch}${ch.toUpperCase()}]` : ch.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"))).join("")]);
      return;
    }
    const c = (j: number) => cls[k.charCodeAt(j)]!;
    if (k.length === 2) {
      // Any character (or the start of the text: class 0) followed by the keyword.
      offset[i] = -1;
      for (let x = 0; x < CLASSES; x++) add((x << 12) | (c(0) << 6) | c(1), i);
      return;
    }
    const o = windows[i]!;
    offset[i] = o;
    add((c(o) << 12) | (c(o + 1) << 6) | c(o + 2), i);
  });
  // Slots are 1-based: slotWindow[0] and slotStart[0] are 0.
  const slotWindow = [0];
  const slotStart = [0];
  const slotKeyword: number[] = [];
  for (const [w, list] of lists) {
    slotWindow.push(w);
    slotStart.push(slotKeyword.length);
    for (const k of list) slotKeyword.push(k);
  }
  slotStart.push(slotKeyword.length);
  return { keywords, cls: [...cls], offset, slotWindow, slotStart, slotKeyword, other, exact: used.size < CLASSES };
}

/** Whether two keyword lists are the same, in the same order. */
function sameKeywords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Keywords of 2+ characters (lower-case); shorter ones are the caller's. */
export function buildKeywordTable(
  keywords: string[],
  options: { wasmAfter?: number; chunk?: number; simd?: boolean; follow?: ReadonlyArray<KeywordFollow | null | undefined> | (() => ReadonlyArray<KeywordFollow | null | undefined>) } = {},
): KeywordTable {
  const count = keywords.length;
  const pre = PRECOMPUTED_KEYWORD_TABLE;
  const data = pre !== null && sameKeywords(pre.keywords, keywords) ? pre : keywordTableData(keywords);
  const slots = data.slotWindow.length - 1;
  const window = new Uint8Array(WINDOW_MASK + 1);
  const slotOf = new Uint16Array(WINDOW_MASK + 1);
  const slotWindow = Int32Array.from(data.slotWindow);
  const slotStart = new Int32Array(slots + 2);
  slotStart.set(data.slotStart);
  const slotKeyword = Int32Array.from(data.slotKeyword);
  // Each keyword's slots, as views of one array (counted, then placed): a
  // typed array per keyword, from a JavaScript array per keyword, cost ~0.3 ms
  // more of a cold start.
  const slotsStart = new Int32Array(count + 1);
  for (let s = 1; s <= slots; s++) {
    const w = slotWindow[s]!;
    window[w] = 1;
    slotOf[w] = s;
    for (let p = slotStart[s]!; p < slotStart[s + 1]!; p++) slotsStart[slotKeyword[p]! + 1]!++;
  }
  for (let k = 0; k < count; k++) slotsStart[k + 1]! += slotsStart[k]!;
  const slotsFlat = new Int32Array(slotsStart[count]!);
  const next = slotsStart.slice(0, count);
  for (let s = 1; s <= slots; s++) for (let p = slotStart[s]!; p < slotStart[s + 1]!; p++) slotsFlat[next[slotKeyword[p]!]!++] = s;
  const keywordSlots: Int32Array[] = new Array(count);
  for (let k = 0; k < count; k++) keywordSlots[k] = slotsFlat.subarray(slotsStart[k]!, slotsStart[k + 1]!);
  const byteStart = new Int32Array(count + 1);
  let total = 0;
  keywords.forEach((k, i) => {
    byteStart[i] = total;
    total += k.length;
  });
  byteStart[count] = total;
  // Each UTF-16 unit's low byte (Latin-1 encoding keeps it for units above
  // U+00FF too), natively: the loop per character took ~1 ms cold.
  const bytes = new Uint8Array(Buffer.from(keywords.join(""), "latin1"));
  const other = data.other.map(([k, source]) => ({ k, pattern: new RegExp(source, "g") }));
  const pending = typeof options.follow === "function" ? options.follow : null;
  const { follow, followSets } = encodeFollow(keywords, typeof options.follow === "function" ? undefined : options.follow);
  return { keywords, cls: Uint8Array.from(data.cls), window, slotOf, slotWindow, slotStart, slotKeyword, keywordSlots, offset: Int32Array.from(data.offset), byteStart, bytes, exact: data.exact, wasmAfter: options.wasmAfter ?? WASM_AFTER, simd: options.simd ?? true, chunk: (options.chunk ?? CHUNK) & ~1, overlap: (Math.max(0, ...keywords.map((k) => k.length)) + 5) & ~1, other, otherGate: gateOf(other.map((o) => keywords[o.k]!)), follow, followSets, followPending: pending };
}

/** KeywordTable.follow and followSets for the keywords' follow sets (none when `list` is undefined). */
function encodeFollow(keywords: string[], list: ReadonlyArray<KeywordFollow | null | undefined> | undefined): { follow: Int32Array; followSets: Uint8Array } {
  const count = keywords.length;
  const follow = new Int32Array(4 * count).fill(-1);
  const sets: Uint8Array[] = [];
  list?.forEach((f, k) => {
    if (f == null || k >= count || keywords[k]!.length < 2 || (f.after.length === 0 && f.notBefore === null)) return;
    follow[4 * k] = 32 * sets.length;
    follow[4 * k + 1] = f.after.length;
    sets.push(...f.after);
    if (f.notBefore !== null) {
      follow[4 * k + 2] = 32 * sets.length;
      sets.push(f.notBefore);
    }
    follow[4 * k + 3] = 0;
  });
  for (let k = 0; k < count; k++) if (follow[4 * k + 3] === -1) follow[4 * k + 1] = follow[4 * k + 3] = 0;
  const followSets = new Uint8Array(32 * sets.length);
  sets.forEach((set, i) => followSets.set(set.subarray(0, 32), 32 * i));
  return { follow, followSets };
}

/**
 * Computes follow sets given as a function (once): the WebAssembly loop needs them in its
 * memory. Outside the bundle, which carries the built-in ones, deriving them costs ~100 ms of
 * a cold start (match-shape.ts), which a scan of fewer than `wasmAfter` characters, in the
 * JavaScript loop, never pays: there every occurrence is recorded, as before they existed.
 */
function resolveFollow(t: KeywordTable): void {
  if (t.followPending === null) return;
  const { follow, followSets } = encodeFollow(t.keywords, t.followPending());
  t.follow = follow;
  t.followSets = followSets;
  t.followPending = null;
}

/** What the pass records: see findKeywords. */
export interface KeywordSink {
  /** keyword → 1 when every occurrence's offset goes to `positions` (until the list overflows). */
  want: Uint8Array | null;
  positions: Array<number[] | null | undefined> | null;
  /** keyword → 1 when every occurrence's offset goes to `heads`. */
  head: Uint8Array | null;
  heads: number[] | null;
}

/**
 * Where a pass works: the Latin-1 copy of the text,
 * the window table it switches windows off in, the keywords' states, and the
 * WebAssembly loop when there is one (keyword-wasm.ts), all in its memory.
 */
interface Scratch {
  bytes: Uint8Array;
  window: Uint8Array;
  state: Uint8Array;
  /** Keyword → 1 once an occurrence was recorded in this text (the ones after it must pass its KeywordFollow). */
  seen: Uint8Array;
  /** For the WebAssembly loop: keyword → 1 when recorded at every occurrence in this text; its candidates (keyword-wasm.ts `out`). */
  mode: Uint8Array;
  /** The `want` and `head` arrays `mode` was computed from (NO_MODE for null, UNSET_MODE before the first). */
  modeWant: Uint8Array;
  modeHead: Uint8Array;
  out: Int32Array;
  scan: ((from: number, end: number, segStart: number, segEnd: number, wideFrom: number) => number) | null;
  /** keyword-wasm.ts narrowCode, when there is WebAssembly SIMD and no keyword uses the bytes it makes of other characters. */
  narrow: ((n: number) => number) | null;
  /** Whether narrow() returns the mask of the `other` keywords that occur (gateTables): bit i & 31 for other[i]. */
  narrowGate: boolean;
  /** Room for a text of n characters (views renewed); false when there cannot be. */
  reserve(n: number): boolean;
}

// Stand-ins for a sink's null `want` or `head` and for a mode not computed yet: findKeywords compares
// the arrays by identity, and a comparison V8 had optimised for two arrays threw the whole compiled
// findKeywords away the first time one side was null ("not a JavaScript object"), ~100 ms of TurboFan
// per scanning thread to compile it again.
const NO_MODE = new Uint8Array(0);
const UNSET_MODE = new Uint8Array(0);

const scratches = new WeakMap<KeywordTable, { js: Scratch | null; wasm: Scratch | null | undefined; scanned: number; last: Scratch | null }>();

function jsScratch(table: KeywordTable): Scratch {
  const s: Scratch = {
    bytes: new Uint8Array(1 << 16),
    window: table.window,
    state: new Uint8Array(table.keywords.length),
    seen: new Uint8Array(table.keywords.length),
    mode: new Uint8Array(0),
    modeWant: UNSET_MODE,
    modeHead: UNSET_MODE,
    out: new Int32Array(0),
    scan: null,
    narrow: null,
    narrowGate: false,
    reserve(n) {
      if (s.bytes.length < n + 2) s.bytes = new Uint8Array((Math.max(n + 2, s.bytes.length * 2) + 7) & ~7);
      return true;
    },
  };
  return s;
}

const PAGE = 65536;
/** Candidates the WebAssembly loop collects before handing them over. */
const OUT_CAPACITY = 4096;

/**
 * narrow()'s gate (keyword-wasm.ts narrowCode) for the table's `other` keywords: each keyword's
 * first UTF-16 unit → an id, and per id an entry for each keyword starting with it (two for a
 * lower-case ASCII letter as second unit: either case), with the keyword's mask bit (i & 31 for
 * `other[i]`), its units and length; `units` (u16 pairs: the unit, the bits OR'ed into the text's
 * before comparing) is placed at `unitsAt` in the module's memory. Null unless every keyword starts
 * above U+00FF (otherGate) and there are at most 255 first units. The mask says which keywords
 * occur: a bundle with one `口` or `ст` in it is searched for none, a text in Cyrillic only for the
 * Cyrillic words it holds.
 */
function gateTables(t: KeywordTable): { first: Uint8Array; start: Int32Array; entries: number[]; units: Uint16Array } | null {
  if (t.otherGate === null) return null;
  const ids = new Map<number, number>();
  const lists: number[][][] = [[]];
  const units: number[] = [];
  t.other.forEach(({ k }, i) => {
    const word = t.keywords[k]!;
    const u = word.charCodeAt(0);
    let id = ids.get(u);
    if (id === undefined) {
      ids.set(u, (id = ids.size + 1));
      lists.push([]);
    }
    const unitsAt = 2 * units.length;
    for (let x = 0; x < word.length; x++) {
      const c = word.charCodeAt(x);
      units.push(c, c >= 97 && c <= 122 ? 0x20 : 0);
    }
    const v = word.charCodeAt(1);
    // The address is relative to `units` here; wasmScratch adds where it is placed.
    for (const w of v >= 97 && v <= 122 ? [v, v - 32] : [v]) lists[id]!.push([w, 1 << (i & 31), unitsAt, word.length]);
  });
  if (ids.size > 255) return null;
  const first = new Uint8Array(65536);
  for (const [u, id] of ids) first[u] = id;
  const start = new Int32Array(ids.size + 2);
  const entries: number[] = [];
  for (let id = 1; id <= ids.size; id++) {
    start[id] = 4 * entries.length;
    for (const e of lists[id]!) entries.push(...e);
  }
  start[ids.size + 1] = 4 * entries.length;
  return { first, start, entries, units: Uint16Array.from(units) };
}

/** The tables copied into a WebAssembly module's memory, or null where WebAssembly is unavailable. */
function wasmScratch(t: KeywordTable): Scratch | null {
  resolveFollow(t);
  const count = t.keywords.length;
  let at = 0;
  const place = (bytes: number) => {
    const start = at;
    at = (at + bytes + 7) & ~7;
    return start;
  };
  const layout: WasmLayout = {
    window: place(t.window.byteLength),
    windows: place(16),
    slotOf: place(t.slotOf.byteLength),
    cls: place(256),
    lower: place(256),
    slotStart: place(t.slotStart.byteLength),
    slotKeyword: place(t.slotKeyword.byteLength),
    offset: place(t.offset.byteLength),
    byteStart: place(t.byteStart.byteLength),
    bytes: place(t.bytes.byteLength),
    state: place(count),
    seen: place(count),
    mode: place(count),
    follow: place(4 * 4 * count),
    followSets: place(t.followSets.byteLength),
    out: 0,
    outCapacity: OUT_CAPACITY,
    text: 0,
    gateFirst: 0,
    gateStart: 0,
    gatePairs: 0,
  };
  let largestSlot = 0;
  for (let q = 1; q + 1 < t.slotStart.length; q++) largestSlot = Math.max(largestSlot, t.slotStart[q + 1]! - t.slotStart[q]!);
  const outLength = 1 + 2 * (OUT_CAPACITY + 4 * largestSlot);
  layout.out = place(4 * outLength);
  const gate = gateTables(t);
  let gateUnits = 0;
  if (gate !== null) {
    layout.gateFirst = place(gate.first.byteLength);
    layout.gateStart = place(gate.start.byteLength);
    layout.gatePairs = place(4 * gate.entries.length);
    gateUnits = place(gate.units.byteLength);
  }
  layout.text = place(0);
  const instance = instantiateScan(layout, Math.ceil((layout.text + PAGE) / PAGE), t.simd);
  if (instance === null) return null;
  const { memory, scan } = instance;
  // The bytes narrow() makes of characters above U+00FF must be no keyword's.
  const narrow = t.cls[0x00] === 0 && t.cls[0xff] === 0 ? instance.narrow : null;
  const copy = (offset: number, data: ArrayBufferView) => new Uint8Array(memory.buffer, offset, data.byteLength).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  copy(layout.window, t.window);
  copy(layout.slotOf, t.slotOf);
  copy(layout.cls, t.cls);
  copy(layout.lower, LOWER);
  copy(layout.slotStart, t.slotStart);
  copy(layout.slotKeyword, t.slotKeyword);
  copy(layout.offset, t.offset);
  copy(layout.byteStart, t.byteStart);
  copy(layout.bytes, t.bytes);
  // The follow table with absolute addresses (0: none).
  const follow = Int32Array.from(t.follow, (v, i) => ((i & 3) === 0 || (i & 3) === 2 ? (v < 0 ? 0 : layout.followSets + v) : v));
  copy(layout.follow, follow);
  copy(layout.followSets, t.followSets);
  if (gate !== null) {
    copy(layout.gateFirst, gate.first);
    copy(layout.gateStart, gate.start);
    copy(layout.gatePairs, Int32Array.from(gate.entries, (v, i) => ((i & 3) === 2 ? gateUnits + v : v)));
    copy(gateUnits, gate.units);
  }
  const s: Scratch = {
    bytes: new Uint8Array(0),
    window: new Uint8Array(0),
    state: new Uint8Array(0),
    seen: new Uint8Array(0),
    mode: new Uint8Array(0),
    modeWant: UNSET_MODE,
    modeHead: UNSET_MODE,
    out: new Int32Array(0),
    scan,
    narrow,
    narrowGate: narrow !== null && gate !== null,
    reserve(n) {
      // narrow() takes the text's UTF-16 copy (2n bytes) and reads up to 30 bytes past it.
      const need = layout.text + (narrow !== null ? 2 * n + 32 : n + 8);
      if (memory.buffer.byteLength < need) {
        try {
          memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
        } catch {
          return false; // the address space is the limit (4 GB): the JavaScript loop takes this text
        }
      }
      if (s.window.buffer !== memory.buffer || s.window.length === 0) {
        s.window = new Uint8Array(memory.buffer, layout.window, t.window.length);
        s.state = new Uint8Array(memory.buffer, layout.state, count);
        s.seen = new Uint8Array(memory.buffer, layout.seen, count);
        s.mode = new Uint8Array(memory.buffer, layout.mode, count);
        s.out = new Int32Array(memory.buffer, layout.out, outLength);
      }
      if (s.bytes.buffer !== memory.buffer || s.bytes.length < n + 2) {
        s.bytes = new Uint8Array(memory.buffer, layout.text, memory.buffer.byteLength - layout.text);
      }
      return true;
    },
  };
  return s;
}

/**
 * The scratch for a text of n characters: the JavaScript loop's for the first
 * `wasmAfter` characters a table scans in this thread (setting up the module
 * and copying ~1 MB of tables into it costs ~10-20 ms, more than a pre-commit
 * hook's whole pass), the WebAssembly one after that, unless it is unavailable.
 */
function scratchFor(table: KeywordTable, n: number): Scratch {
  let entry = scratches.get(table);
  if (entry === undefined) scratches.set(table, (entry = { js: null, wasm: undefined, scanned: 0, last: null }));
  entry.scanned += n;
  if (entry.wasm === undefined && entry.scanned > table.wasmAfter) entry.wasm = wasmScratch(table);
  if (entry.wasm != null && entry.wasm.reserve(Math.min(n, table.chunk + 2 * table.overlap))) return (entry.last = entry.wasm);
  entry.js ??= jsScratch(table);
  entry.js.reserve(n);
  return (entry.last = entry.js);
}

/** Whether the table's WebAssembly loop in this thread has narrow()'s gate (gateTables): for tests. */
export function narrowGated(table: KeywordTable): boolean {
  return scratches.get(table)?.wasm?.narrowGate === true;
}

/** Which inner loop the table's last pass in this thread ran: for tests. */
export function lastLoop(table: KeywordTable): "WebAssembly" | "JavaScript" | null {
  const entry = scratches.get(table);
  return entry === undefined || entry.last === null ? null : entry.last === entry.wasm ? "WebAssembly" : "JavaScript";
}

let live = new Uint16Array(0);
let liveTemplate: Uint16Array | null = null;
let liveOf: KeywordTable | null = null;
const switchedOff: number[] = [];

/** State of a keyword in the current text. */
const UNSEEN = 0;
const RECORDING = 1;
const DONE = 2;

/** A character above U+00FF: its Latin-1 byte is not the character. */
const WIDE = /[^\x00-\xff]/;

/** The pass in progress (one at a time: it is synchronous). */
interface Pass {
  table: KeywordTable;
  scratch: Scratch;
  text: string;
  /** Where the text's first character above U+00FF is (its length when none): byte matches reaching past it are confirmed on the string. */
  wideFrom: number;
  /**
   * With narrow() and a gate: whether a gate character was seen in the bytes narrow() made
   * (gateInNarrowed; a regex search for a character above U+00FF over every text cost ~0.45 CPU-s
   * per corpus scan). Null otherwise: hasGateCharacter decides after the pass.
   */
  gateHit: boolean | null;
  /** With narrow()'s gate (Scratch.narrowGate): the OR of its masks over the text's chunks. */
  gateMask: number;
  segStart: number;
  segEnd: number;
  limit: number;
  sink: KeywordSink;
  found: number[];
}

let current: Pass | null = null;

/**
 * Appends to `found` the index of every keyword that occurs in `text`, once,
 * in the order first seen; with `sink.positions`, the offset of every
 * occurrence of a `want` keyword goes to positions[k] (ascending) until the
 * list holds more than `limit`, when it becomes null; with `sink.heads`, the
 * offset of every occurrence of a `head` keyword is appended (ascending per
 * keyword). Only occurrences lying wholly inside one of `segments` (ascending,
 * disjoint [start, end) pairs) count.
 */
export function findKeywords(table: KeywordTable, text: string, segments: ReadonlyArray<readonly [number, number]>, limit: number, sink: KeywordSink, found: number[]): void {
  const n = text.length;
  const scratch = scratchFor(table, n);
  scratch.state.fill(UNSEEN);
  scratch.seen.fill(0);
  if (liveOf !== table) {
    liveTemplate = new Uint16Array(table.slotWindow.length);
    for (let s = 1; s < table.slotWindow.length; s++) liveTemplate[s] = table.slotStart[s + 1]! - table.slotStart[s]!;
    live = new Uint16Array(liveTemplate.length);
    liveOf = table;
  }
  live.set(liveTemplate!);
  // With narrow(), a byte match is a match of the text: nothing needs confirming.
  const wideFrom = scratch.narrow !== null ? n : (WIDE.exec(text)?.index ?? n);
  const gate = table.other.length > 0 && scratch.narrow !== null && !scratch.narrowGate ? table.otherGate : null;
  const pass: Pass = { table, scratch, text, wideFrom, gateHit: gate === null ? null : false, gateMask: 0, segStart: 0, segEnd: 0, limit, sink, found };
  current = pass;
  switchedOff.length = 0;
  try {
    const bytes = scratch.bytes;
    const scan = scratch.scan;
    if (scan === null) {
      Buffer.prototype.latin1Write.call(bytes, text, 0, n);
      bytes[n] = 0;
      bytes[n + 1] = 0;
      for (const [segStart, segEnd] of segments) {
        if (segEnd - segStart < 2) continue;
        pass.segStart = segStart;
        pass.segEnd = segEnd;
        // Pair j holds bytes 2j and 2j+1.
        scanPairs(bytes, table.cls, scratch.window as Uint8Array, segStart >> 1, (segEnd + 1) >> 1);
      }
    } else {
      // Which keywords are wanted at every occurrence, for the WebAssembly loop (the same for every text of a scan).
      const want = sink.want ?? NO_MODE;
      const head = sink.head ?? NO_MODE;
      if (scratch.modeWant !== want || scratch.modeHead !== head) {
        const mode = scratch.mode;
        for (let k = 0; k < mode.length; k++) mode[k] = (want !== NO_MODE && want[k] === 1) || (head !== NO_MODE && head[k] === 1) ? 1 : 0;
        scratch.modeWant = want;
        scratch.modeHead = head;
      }
      const out = scratch.out;
      out[0] = 0;
      // The text goes into the module's memory a chunk at a time (a memory cannot shrink: it would hold the
      // largest text for good), with `overlap` characters on each side for the keywords around its edges.
      // Chunk c looks at the windows starting in [base, base + chunk): pairs [base/2 + 1, (base + chunk)/2 + 1)
      // (the first chunk from pair 0, whose windows start before the text).
      const { chunk, overlap } = table;
      for (let base = 0; base < n; base += chunk) {
        const copyStart = Math.max(0, base - overlap);
        const copyEnd = Math.min(n, base + chunk + overlap);
        const length = copyEnd - copyStart;
        const piece = length === n ? text : text.slice(copyStart, copyEnd);
        if (scratch.narrow !== null) {
          // UTF-16 in (a copy at memory speed, either string representation), one byte per character out.
          Buffer.prototype.ucs2Write.call(bytes, piece, 0, 2 * length);
          pass.gateMask |= scratch.narrow(length);
          if (pass.gateHit === false) pass.gateHit = gateInNarrowed(bytes, length, copyStart, text, gate!);
        } else Buffer.prototype.latin1Write.call(bytes, piece, 0, length);
        bytes[length] = 0;
        bytes[length + 1] = 0;
        const jLow = base === 0 ? 0 : base / 2 + 1;
        const jHigh = base + chunk >= n ? Number.MAX_SAFE_INTEGER : (base + chunk) / 2 + 1;
        const half = copyStart / 2;
        for (const [segStart, segEnd] of segments) {
          if (segEnd - segStart < 2) continue;
          const from = Math.max(segStart >> 1, jLow);
          const end = Math.min((segEnd + 1) >> 1, jHigh);
          if (from >= end) continue;
          for (let j = from - half; ; ) {
            j = scan(j, end - half, segStart - copyStart, Math.min(segEnd, copyEnd) - copyStart, Math.min(pass.wideFrom, copyEnd) - copyStart);
            candidates(pass, out, copyStart);
            if (j >= end - half) break;
          }
        }
      }
    }
  } finally {
    for (const w of switchedOff) scratch.window[w] = 1;
    switchedOff.length = 0;
    current = null;
  }
  otherKeywords(table, scratch.narrowGate, pass, text, segments, limit, sink, found);
}

/**
 * The keywords the pass does not look for (`other`: foreign-words.ts), after it. A function of its own,
 * called for every text: few texts hold one, and the first that did, met after V8 had optimised
 * findKeywords, threw that code away (no type feedback for the branch), ~100 ms of TurboFan per thread
 * to compile it again; this one is small.
 */
function otherKeywords(table: KeywordTable, narrowGate: boolean, pass: Pass, text: string, segments: ReadonlyArray<readonly [number, number]>, limit: number, sink: KeywordSink, found: number[]): void {
  const other = table.other;
  if (other.length === 0) return;
  const passHeads = sink.heads?.length ?? 0;
  // One search for the first characters of all of them first: a text holding none (every one-byte
  // string, and most others) skips the searches one by one (16 of them cost 30% of the pass).
  if (narrowGate) {
    // narrow() saw which keywords occur: searched for where they are, in the texts that hold them only.
    const mask = pass.gateMask;
    if (mask === 0) return;
    for (let i = 0; i < other.length; i++) if (((mask >>> (i & 31)) & 1) === 1) otherKeyword(text, other[i]!.k, other[i]!.pattern, segments, limit, sink, found);
  } else if (table.otherGate === null || (pass.gateHit ?? hasGateCharacter(table.otherGate, text, pass.wideFrom))) {
    for (const { k, pattern } of other) otherKeyword(text, k, pattern, segments, limit, sink, found);
  }
  // Head words searched for one by one (`пароль`, `密码`: foreign-words.ts) come after the pass's
  // own, which are in text order: the generic detector reads heads ascending.
  if (sink.heads != null && sink.heads.length > passHeads) sink.heads.sort((a, b) => a - b);
}

/**
 * The loop ~98% of pairs go through only: the two windows ending in pair j
 * (starting at 2j-2 and 2j-1) looked up in the table, and pairHit when one is on.
 */
function scanPairs(b: Uint8Array, cls: Uint8Array, window: Uint8Array, from: number, end: number): void {
  let prev = from > 0 ? (cls[b[2 * from - 2]!]! << 6) | cls[b[2 * from - 1]!]! : 0;
  for (let j = from; j < end; j++) {
    const pc = (cls[b[2 * j]!]! << 6) | cls[b[2 * j + 1]!]!;
    if ((window[((prev << 6) | (pc >> 6)) & WINDOW_MASK]! | window[((prev & 63) << 12) | pc]!) !== 0) pairHit(j);
    prev = pc;
  }
}

/** The keywords found by the windows ending in pair j. */
function pairHit(j: number): void {
  const pass = current!;
  const { table, segStart, segEnd } = pass;
  const { cls, slotOf, slotStart, slotKeyword } = table;
  const { bytes: b, window, state } = pass.scratch;
  for (let w = j > 0 ? 2 * j - 2 : -1; w < 2 * j; w++) {
    const h = ((w >= 0 ? cls[b[w]!]! : 0) << 12) | (cls[b[w + 1]!]! << 6) | cls[b[w + 2]!]!;
    if (window[h] === 0) continue;
    const slot = slotOf[h]!;
    for (let q = slotStart[slot]!, qEnd = slotStart[slot + 1]!; q < qEnd; q++) {
      const k = slotKeyword[q]!;
      if (state[k] === DONE) continue;
      const at = w - table.offset[k]!;
      const kStart = table.byteStart[k]!;
      const len = table.byteStart[k + 1]! - kStart;
      if (at < segStart || at + len > segEnd) continue;
      // The window's characters are the keyword's (classes are exact for them): a keyword of 3 or fewer is there.
      if (len > 3 || !table.exact) {
        const bytes = table.bytes;
        let x = 0;
        while (x < len && LOWER[b[at + x]!] === bytes[kStart + x]) x++;
        if (x < len) continue;
      }
      if (at + len > pass.wideFrom && !matchesAt(pass.text, at, table.keywords[k]!)) continue;
      if (pass.scratch.seen[k] === 1) {
        if (!follows(table, k, b, at, len, pass.wideFrom)) continue;
      } else pass.scratch.seen[k] = 1;
      occurrence(pass, k, at);
    }
  }
}

/**
 * Whether the keyword k of `len` bytes at `at` in the copy `b` has the characters its
 * KeywordFollow asks for: true when it asks for none, or when they reach `limit` (the first
 * byte that is not the text's character, or the text's end). What the WebAssembly loop tests.
 */
function follows(table: KeywordTable, k: number, b: Uint8Array, at: number, len: number, limit: number): boolean {
  const f = table.follow;
  const sets = table.followSets;
  const after = f[4 * k]!;
  const count = f[4 * k + 1]!;
  const notBefore = f[4 * k + 2]!;
  if ((after < 0 && notBefore < 0) || at + len + count > limit) return true;
  if (notBefore >= 0 && at > 0) {
    const c = b[at - 1]!;
    if (((sets[notBefore + (c >> 3)]! >> (c & 7)) & 1) === 1) return false;
  }
  for (let i = 0; i < count; i++) {
    const c = b[at + len + i]!;
    if (((sets[after + 32 * i + (c >> 3)]! >> (c & 7)) & 1) === 0) return false;
  }
  return true;
}

/** The WebAssembly loop's candidates, in text order: confirmed (past `wideFrom`) and recorded; `out` emptied. */
function candidates(pass: Pass, out: Int32Array, delta: number): void {
  const count = out[0]!;
  const { state } = pass.scratch;
  const { keywords } = pass.table;
  const mode = pass.scratch.mode;
  for (let i = 1; i <= 2 * count; i += 2) {
    const k = out[i]!;
    const at = out[i + 1]! + delta;
    const confirm = at + keywords[k]!.length > pass.wideFrom;
    if (mode[k] === 0 && !confirm) {
      // Finished by the loop itself at this, its only candidate.
      pass.found.push(k);
      finish(pass, k);
      continue;
    }
    if (state[k] === DONE) continue; // finished since the loop collected it
    if (confirm && !matchesAt(pass.text, at, keywords[k]!)) continue;
    occurrence(pass, k, at);
  }
  out[0] = 0;
}

function occurrence(pass: Pass, k: number, at: number): void {
  const { want, positions, head, heads } = pass.sink;
  const state = pass.scratch.state;
  const st = state[k]!;
  if (st === UNSEEN) pass.found.push(k);
  const isHead = head !== null && head[k] === 1;
  if (isHead) heads!.push(at);
  if (want !== null && want[k] === 1) {
    if (st === UNSEEN) {
      positions![k] = [at];
      state[k] = RECORDING;
    } else {
      const list = positions![k];
      if (list != null && list.push(at) > pass.limit) {
        positions![k] = null;
        if (!isHead) finish(pass, k);
      }
    }
  } else if (isHead) state[k] = RECORDING;
  else finish(pass, k);
}

/** The keyword needs nothing more in this text: windows left with no such keyword are switched off. */
function finish(pass: Pass, k: number): void {
  const { table, scratch } = pass;
  scratch.state[k] = DONE;
  const slots = table.keywordSlots[k]!;
  for (let q = 0; q < slots.length; q++) {
    const s = slots[q]!;
    if (--live[s] === 0) {
      const w = table.slotWindow[s]!;
      if (scratch.window[w] === 1) {
        scratch.window[w] = 0;
        switchedOff.push(w);
      }
    }
  }
}

/** Does the keyword (lower-case) occur at `at`, ASCII letters folded? */
function matchesAt(text: string, at: number, k: string): boolean {
  for (let j = 0; j < k.length; j++) {
    let c = text.charCodeAt(at + j);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== k.charCodeAt(j)) return false;
  }
  return true;
}

function otherKeyword(text: string, k: number, pattern: RegExp, segments: ReadonlyArray<readonly [number, number]>, limit: number, sink: KeywordSink, found: number[]): void {
  let seen = false;
  for (const [segStart, segEnd] of segments) {
    for (let from = segStart; ; ) {
      pattern.lastIndex = from;
      const m = pattern.exec(text);
      if (m === null || m.index + m[0].length > segEnd) break;
      const at = m.index;
      if (!seen) {
        seen = true;
        found.push(k);
        if (sink.want?.[k] === 1) sink.positions![k] = [at];
      } else if (sink.want?.[k] === 1) {
        const list = sink.positions![k];
        if (list != null && list.push(at) > limit) sink.positions![k] = null;
      }
      if (sink.head?.[k] === 1) sink.heads!.push(at);
      else if (sink.want?.[k] !== 1 || sink.positions![k] === null) return;
      from = at + 1;
    }
  }
}
