// The keyword pass's inner loop (keyword-table.ts) as a WebAssembly function,
// assembled here from the listing below (no toolchain, no binary in the
// repository). V8 compiles it to tighter code than the same loop in
// JavaScript (no bounds check or untagging per typed-array read), and it also
// rejects the windows whose keywords do not match byte for byte, which are
// most of the windows found: JavaScript sees only the pairs holding a
// candidate. Everything lives in the module's own memory, at the offsets of
// `WasmLayout`; the text is copied in by the caller.

export interface WasmLayout {
  window: number;
  /** 4 i32: the numbers of the windows ending in the pairs being looked at (keyword-wasm's own scratch). */
  windows: number;
  slotOf: number;
  cls: number;
  lower: number;
  slotStart: number;
  slotKeyword: number;
  offset: number;
  byteStart: number;
  bytes: number;
  state: number;
  /** keyword → 1 once a candidate of it was collected in this text (reset by the caller per text). */
  seen: number;
  /** keyword → 4 i32: the address of the byte sets of the characters after it (0: none), their count, the address of the set of characters that cannot precede it (0: none), 0 (keyword-table.ts KeywordFollow). */
  follow: number;
  followSets: number;
  /** keyword → 1 when it is recorded at every occurrence (the caller's choice for this text), 0 when its first occurrence is enough. */
  mode: number;
  /** The candidates found: a count (i32), then (keyword, offset) pairs of i32. */
  out: number;
  /** Pairs `out` holds before scan returns to let the caller empty it. */
  outCapacity: number;
  text: number;
  /**
   * narrow()'s gate for the keywords above U+00FF (keyword-table.ts `other`), 0 when there is none:
   * `gateFirst`, 65,536 bytes, a UTF-16 unit → the id of the keywords it is the first unit of (1-255,
   * 0 for none); `gateStart`, id → the byte offset in `gatePairs` of its entries (i32, id + 1 ends
   * them); `gatePairs`, entries of four i32, one per keyword and spelling of its second unit: the
   * second unit, the keyword's mask bit, the address of its units and its length. A keyword's units
   * are pairs of u16, the unit and what to OR into the text's unit before comparing them (0x20 for
   * a lower-case ASCII letter, which matches either case; 0 otherwise).
   */
  gateFirst: number;
  gateStart: number;
  gatePairs: number;
}

const I32 = 0x7f;
const VOID = 0x40;
const OP = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, br_if: 0x0d, return: 0x0f,
  get: 0x20, set: 0x21, tee: 0x22,
  load: 0x28, load8: 0x2d, load16: 0x2f, store: 0x36, store8: 0x3a, const: 0x41,
  eqz: 0x45, eq: 0x46, ctz: 0x68, ne: 0x47, lt_s: 0x48, gt_s: 0x4a, le_s: 0x4c, ge_s: 0x4e,
  add: 0x6a, sub: 0x6b, and: 0x71, or: 0x72, shl: 0x74, shr_u: 0x76,
} as const;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

// Locals of scan(from, end, segStart, segEnd, wideFrom): the parameters, then these.
const FROM = 0, END = 1, SEG_START = 2, SEG_END = 3, WIDE_FROM = 4, J = 5, PREV = 6, PC = 7, W = 8, H = 9, Q = 10, Q_END = 11, K = 12, AT = 13, KS = 14, LEN = 15, X = 16, N = 17, V = 18, PC2 = 19, OK = 20, FS = 21, NB = 22, FC = 23, I = 24, B = 25, C0 = 26, C1 = 27, C2 = 28, C3 = 29, H0 = 30, H1 = 31, H2 = 32, H3 = 33, MASK = 34, IDX = 35;
const LOCALS = 31;

/**
 * The module's bytes for a layout. scan(from, end, segStart, segEnd, wideFrom)
 * goes through pairs j in [from, end) and appends to `out` every keyword, not
 * finished (state 2), of the slots of the windows ending in the pair (starting
 * at 2j-2 and 2j-1) that lies within [segStart, segEnd) and equals the text's
 * bytes (A-Z folded), in order; a keyword whose mode is 0 is finished at once
 * unless the candidate reaches past `wideFrom`, where the text's first
 * character whose byte is not the character is (the caller confirms those). It returns `end`, or the pair it stopped
 * before, whole, when `out` is nearly full (the caller empties it and calls again from there).
 */
export function scanModule(l: WasmLayout, pages: number, simd = false): Uint8Array {
  const get = (i: number) => [OP.get, i];
  const set = (i: number) => [OP.set, i];
  const c = (n: number) => [OP.const, ...sleb(n)];
  const load8 = (offset: number) => [OP.load8, 0, ...uleb(offset)];
  const load16 = (offset: number) => [OP.load16, 1, ...uleb(offset)];
  const load32 = (offset: number) => [OP.load, 2, ...uleb(offset)];
  const store32 = (offset: number) => [OP.store, 2, ...uleb(offset)];
  const store8 = (offset: number) => [OP.store8, 0, ...uleb(offset)];
  /** Whether bit B of the 32-byte set at the address on the stack is set (pushes 0 or 1). */
  const bitB = () => [...get(B), ...c(3), OP.shr_u, OP.add, ...load8(0), ...get(B), ...c(7), OP.and, OP.shr_u, ...c(1), OP.and];
  /**
   * OK = whether the keyword K at AT (LEN bytes) may be collected: always the first time in a text
   * (`seen`), after that only with the characters its follow sets ask for, where those lie before
   * WIDE_FROM (the end of the copy, or the first byte that is not the text's character).
   */
  const follows = () => [
    ...c(1), ...set(OK),
    ...get(K), ...c(4), OP.shl, ...load32(l.follow), ...set(FS),
    ...get(K), ...c(4), OP.shl, ...load32(l.follow + 8), ...set(NB),
    ...get(FS), ...get(NB), OP.or, ...c(0), OP.ne, ...get(K), ...load8(l.seen), OP.and, OP.if, VOID,
      ...get(K), ...c(4), OP.shl, ...load32(l.follow + 4), ...set(FC),
      ...get(AT), ...get(LEN), OP.add, ...get(FC), OP.add, ...get(WIDE_FROM), OP.le_s, OP.if, VOID,
        ...get(NB), ...c(0), OP.ne, ...get(AT), ...c(0), OP.gt_s, OP.and, OP.if, VOID,
          ...get(AT), ...c(1), OP.sub, ...load8(l.text), ...set(B),
          ...get(NB), ...bitB(), OP.if, VOID, ...c(0), ...set(OK), OP.end,
        OP.end,
        ...c(0), ...set(I),
        OP.block, VOID,
          OP.loop, VOID,
            ...get(OK), OP.eqz, OP.br_if, 1,
            ...get(I), ...get(FC), OP.ge_s, OP.br_if, 1,
            ...get(AT), ...get(LEN), OP.add, ...get(I), OP.add, ...load8(l.text), ...set(B),
            ...get(FS), ...get(I), ...c(5), OP.shl, OP.add, ...bitB(), OP.eqz, OP.if, VOID, ...c(0), ...set(OK), OP.end,
            ...get(I), ...c(1), OP.add, ...set(I),
            OP.br, 0,
          OP.end,
        OP.end,
      OP.end,
    OP.end,
  ];
  const window = (h: number) => [...get(h), ...load8(l.window)];
  /**
   * Whether a window ending in pairs j and j+1 is on (nonzero), from the text's 4 bytes in V: the
   * bytes' classes (a 256-byte table), the windows' numbers in H0-H3 (starting at 2j-2 .. 2j+1),
   * the pairs' classes in PC and PC2.
   */
  const fastTest = (): number[] => [
    ...get(V), ...c(255), OP.and, ...load8(l.cls), ...set(C0),
    ...get(V), ...c(8), OP.shr_u, ...c(255), OP.and, ...load8(l.cls), ...set(C1),
    ...get(V), ...c(16), OP.shr_u, ...c(255), OP.and, ...load8(l.cls), ...set(C2),
    ...get(V), ...c(24), OP.shr_u, ...load8(l.cls), ...set(C3),
    ...get(C0), ...c(6), OP.shl, ...get(C1), OP.or, ...set(PC),
    ...get(C2), ...c(6), OP.shl, ...get(C3), OP.or, ...set(PC2),
    ...get(PREV), ...c(6), OP.shl, ...get(C0), OP.or, ...set(H0), ...window(H0),
    ...get(PREV), ...c(63), OP.and, ...c(12), OP.shl, ...get(PC), OP.or, ...set(H1), ...window(H1), OP.or,
    ...get(PC), ...c(6), OP.shl, ...get(C2), OP.or, ...set(H2), ...window(H2), OP.or,
    ...get(C1), ...c(12), OP.shl, ...get(PC2), OP.or, ...set(H3), ...window(H3), OP.or,
  ];
  /** The classes of pair p (its number given as code), the first byte's in bits 6-11. */
  const pairClasses = (p: number[]): number[] => [...p, ...c(1), OP.shl, ...set(X), ...get(X), ...load8(l.text), ...load8(l.cls), ...c(6), OP.shl, ...get(X), ...load8(l.text + 1), ...load8(l.cls), OP.or];
  /** The keywords of window H (on), starting at W: compared, tested, and appended to `out`. */
  const windowHit = (): number[] => [
    ...get(H), ...c(1), OP.shl, ...load16(l.slotOf), ...c(2), OP.shl, ...set(Q), // Q = slot * 4 (byte offset)
    ...get(Q), ...load32(l.slotStart + 4), ...set(Q_END),
    ...get(Q), ...load32(l.slotStart), ...set(Q),
    OP.block, VOID,
      OP.loop, VOID,
        ...get(Q), ...get(Q_END), OP.ge_s, OP.br_if, 1,
        ...get(Q), ...c(2), OP.shl, ...load32(l.slotKeyword), ...set(K),
        ...get(K), ...load8(l.state), ...c(2), OP.ne, OP.if, VOID,
          ...get(W), ...get(K), ...c(2), OP.shl, ...load32(l.offset), OP.sub, ...set(AT),
          ...get(K), ...c(2), OP.shl, ...load32(l.byteStart), ...set(KS),
          ...get(K), ...c(2), OP.shl, ...load32(l.byteStart + 4), ...get(KS), OP.sub, ...set(LEN),
          ...get(AT), ...get(SEG_START), OP.ge_s, ...get(AT), ...get(LEN), OP.add, ...get(SEG_END), OP.le_s, OP.and, OP.if, VOID,
            ...c(0), ...set(X),
            OP.block, VOID,
              OP.loop, VOID,
                ...get(X), ...get(LEN), OP.ge_s, OP.br_if, 1,
                ...get(AT), ...get(X), OP.add, ...load8(l.text), ...load8(l.lower),
                ...get(KS), ...get(X), OP.add, ...load8(l.bytes), OP.ne, OP.br_if, 1,
                ...get(X), ...c(1), OP.add, ...set(X),
                OP.br, 0,
              OP.end,
            OP.end,
            ...get(X), ...get(LEN), OP.ge_s, OP.if, VOID,
              ...follows(),
              ...get(OK), OP.if, VOID,
              ...get(K), ...c(1), ...store8(l.seen),
              ...c(0), ...load32(l.out), ...set(N),
              ...get(N), ...c(3), OP.shl, ...get(K), ...store32(l.out + 4),
              ...get(N), ...c(3), OP.shl, ...get(AT), ...store32(l.out + 8),
              ...c(0), ...get(N), ...c(1), OP.add, ...store32(l.out),
              ...get(AT), ...get(LEN), OP.add, ...get(WIDE_FROM), OP.le_s, OP.if, VOID,
                ...get(K), ...load8(l.mode), OP.eqz, OP.if, VOID, ...get(K), ...c(2), ...store8(l.state), OP.end,
              OP.end,
              OP.end,
            OP.end,
          OP.end,
        OP.end,
        ...get(Q), ...c(1), OP.add, ...set(Q),
        OP.br, 0,
      OP.end,
    OP.end,
  ];
  /**
   * The keywords of the windows on ending in pair j (and j + 1), in text order: bit i of the mask
   * (code) is window Hi, starting at 2j - 2 + i. A loop over the mask's bits, not a test per
   * window: which of the four is on is what the branch predictor cannot guess.
   */
  const hits = (mask: number[]): number[] => [
    ...mask, ...set(MASK),
    ...c(0), ...get(H0), ...store32(l.windows),
    ...c(0), ...get(H1), ...store32(l.windows + 4),
    ...c(0), ...get(H2), ...store32(l.windows + 8),
    ...c(0), ...get(H3), ...store32(l.windows + 12),
    OP.block, VOID,
      OP.loop, VOID,
        ...get(MASK), OP.eqz, OP.br_if, 1,
        ...get(MASK), OP.ctz, ...set(IDX),
        ...get(J), ...c(1), OP.shl, ...c(2), OP.sub, ...get(IDX), OP.add, ...set(W),
        ...get(IDX), ...c(2), OP.shl, ...load32(l.windows), ...set(H),
        ...windowHit(),
        ...get(MASK), ...get(MASK), ...c(1), OP.sub, OP.and, ...set(MASK),
        OP.br, 0,
      OP.end,
    OP.end,
  ];
  const body = [
    ...get(FROM), ...set(J),
    // prev = classes of the pair before `from` (0 at the start of the text).
    ...get(FROM), ...c(0), OP.gt_s, OP.if, VOID,
      ...pairClasses([...get(FROM), ...c(1), OP.sub]), ...set(PREV),
    OP.end,
    OP.block, VOID,
      OP.loop, VOID,
        // Two pairs at a time (one 4-byte load, four windows). When a window is on, the four
        // windows' keywords are taken in text order here, with the windows' numbers kept from the
        // test: leaving for a loop that took one pair at a time and coming back cost a second
        // mispredicted exit whenever the window on was in the second pair.
        OP.block, VOID,
          OP.loop, VOID,
            ...get(J), ...c(1), OP.add, ...get(END), OP.ge_s, OP.br_if, 1,
            ...get(J), ...c(1), OP.shl, ...load32(l.text), ...set(V),
            ...fastTest(),
            OP.if, VOID,
              // Room for every keyword of four slots, or stop before this pair.
              ...c(0), ...load32(l.out), ...c(l.outCapacity), OP.ge_s, OP.if, VOID, ...get(J), OP.return, OP.end,
              ...hits([
                ...window(H0), ...get(J), ...c(0), OP.gt_s, OP.and,
                ...window(H1), ...c(1), OP.shl, OP.or,
                ...window(H2), ...c(2), OP.shl, OP.or,
                ...window(H3), ...c(3), OP.shl, OP.or,
              ]),
            OP.end,
            ...get(PC2), ...set(PREV),
            ...get(J), ...c(2), OP.add, ...set(J),
            OP.br, 0,
          OP.end,
        OP.end,
        // The last pair, alone.
        ...get(J), ...get(END), OP.ge_s, OP.br_if, 1,
        ...pairClasses(get(J)), ...set(PC),
        ...get(PREV), ...c(6), OP.shl, ...get(PC), ...c(6), OP.shr_u, OP.or, ...set(H0),
        ...get(PREV), ...c(63), OP.and, ...c(12), OP.shl, ...get(PC), OP.or, ...set(H1),
        ...window(H0), ...window(H1), OP.or, OP.if, VOID,
          ...c(0), ...load32(l.out), ...c(l.outCapacity), OP.ge_s, OP.if, VOID, ...get(J), OP.return, OP.end,
          ...hits([...window(H0), ...get(J), ...c(0), OP.gt_s, OP.and, ...window(H1), ...c(1), OP.shl, OP.or]),
        OP.end,
        ...get(PC), ...set(PREV),
        ...get(J), ...c(1), OP.add, ...set(J),
        OP.br, 0,
      OP.end,
    OP.end,
    ...get(END),
  ];
  const code = [...vec([[...uleb(LOCALS), I32]]), ...body, OP.end];
  const types = [[0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), ...vec([[I32]])]];
  const functions = [[0]];
  const exports = [[...name("memory"), 0x02, 0], [...name("scan"), 0x00, 0]];
  const codes = [[...uleb(code.length), ...code]];
  if (simd) {
    types.push([0x60, ...vec([[I32]]), ...vec([[I32]])]);
    functions.push([1]);
    exports.push([...name("narrow"), 0x00, 1]);
    const narrow = narrowCode(l);
    codes.push([...uleb(narrow.length), ...narrow]);
  }
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(3, vec(functions)),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(7, vec(exports)),
    ...section(10, vec(codes)),
  ]);
}

/** WebAssembly SIMD instructions (prefix 0xfd; github.com/WebAssembly/simd, BinarySIMD.md). */
const SIMD = { prefix: 0xfd, load: 0x00, store: 0x0b, i16x8Splat: 0x10, and: 0x4e, or: 0x50, anyTrue: 0x53, i16x8GtU: 0x32, i16x8Bitmask: 0x84, narrowU: 0x66 } as const;
const V128 = 0x7b;

/**
 * narrow(n): the n UTF-16 code units at `text` (written there by
 * Buffer#ucs2Write) become n bytes at `text`, in place, 16 at a time with
 * i8x16.narrow_i16x8_u, which saturates each unit read as a signed 16-bit
 * number: U+0000-U+00FF stay their Latin-1 byte, U+0100-U+7FFF become 0xff
 * and U+8000-U+FFFF become 0x00. No keyword byte is either (the caller checks
 * that their class is 0), so unlike a Latin-1 copy, which keeps the low byte
 * (U+0161 reads as 'a'), a match of the bytes is a match of the text. It
 * reads up to 2n + 30 bytes and writes up to n + 15. In place: block i reads
 * bytes [32i, 32i + 32) before writing [16i, 16i + 16), and every later block
 * reads past what earlier ones wrote.
 *
 * With a gate (layout.gateFirst), it also returns the OR of the mask bits of
 * the keywords starting above U+00FF that occur wholly among the n (the
 * keyword-table.ts `other` words, which the pass searches for one by one, each
 * over the whole text): a block of 16 units holding one above U+00FF (one test
 * of the two vectors) has those units looked up in gateFirst, and the units
 * after each first unit compared with its keywords', before the block is
 * overwritten (the units after the block's last are the next blocks', not
 * overwritten either). Without a gate it returns 0.
 */
function narrowCode(l: WasmLayout): number[] {
  const text = l.text;
  const gate = l.gateFirst !== 0;
  // Locals: n (the parameter), then these.
  const I = 1, BITS = 2, P = 3, ID = 4, E = 5, E_END = 6, MASK = 7, LEN = 8, X = 9, ADDR = 10, A = 11, B = 12, HIGH = 13, LOW = 14;
  const memarg = (align: number, offset: number) => [align, ...uleb(offset)];
  const simd = (op: number) => [SIMD.prefix, ...uleb(op)];
  const c = (n: number) => [OP.const, ...sleb(n)];
  const get = (i: number) => [OP.get, i];
  const set = (i: number) => [OP.set, i];
  /** The units of the block at I above U+00FF: for each, its keywords whose second unit comes next. */
  const gateBlock = [
    // Bit j: unit I + j is above U+00FF.
    ...get(A), ...get(LOW), ...simd(SIMD.i16x8GtU), ...simd(SIMD.i16x8Bitmask),
    ...get(B), ...get(LOW), ...simd(SIMD.i16x8GtU), ...simd(SIMD.i16x8Bitmask), ...c(8), OP.shl, OP.or, ...set(BITS),
    OP.block, VOID,
      OP.loop, VOID,
        ...get(BITS), OP.eqz, OP.br_if, 1,
        ...get(I), ...get(BITS), OP.ctz, OP.add, ...set(P),
        ...get(BITS), ...get(BITS), ...c(1), OP.sub, OP.and, ...set(BITS),
        // A pair of units inside the n (the units past them are a former text's).
        ...get(P), ...c(1), OP.add, ...get(0), OP.lt_s, OP.if, VOID,
          ...get(P), ...c(1), OP.shl, OP.load16, ...memarg(1, text), OP.load8, ...memarg(0, l.gateFirst), ...set(ID),
          ...get(ID), OP.if, VOID,
            ...get(ID), ...c(2), OP.shl, OP.load, ...memarg(2, l.gateStart), ...set(E),
            ...get(ID), ...c(2), OP.shl, OP.load, ...memarg(2, l.gateStart + 4), ...set(E_END),
            OP.block, VOID,
              OP.loop, VOID,
                ...get(E), ...get(E_END), OP.ge_s, OP.br_if, 1,
                ...get(E), OP.load, ...memarg(2, l.gatePairs),
                ...get(P), ...c(1), OP.shl, OP.load16, ...memarg(1, text + 2), OP.eq, OP.if, VOID,
                  ...get(E), OP.load, ...memarg(2, l.gatePairs + 12), ...set(LEN),
                  ...get(P), ...get(LEN), OP.add, ...get(0), OP.le_s, OP.if, VOID,
                    ...get(E), OP.load, ...memarg(2, l.gatePairs + 8), ...set(ADDR),
                    ...c(2), ...set(X),
                    // Units 2.. of the keyword against the text's, (text | fold) === unit.
                    OP.block, VOID,
                      OP.loop, VOID,
                        ...get(X), ...get(LEN), OP.ge_s, OP.br_if, 1,
                        ...get(P), ...get(X), OP.add, ...c(1), OP.shl, OP.load16, ...memarg(1, text),
                        ...get(ADDR), ...get(X), ...c(2), OP.shl, OP.add, OP.load16, ...memarg(1, 2), OP.or,
                        ...get(ADDR), ...get(X), ...c(2), OP.shl, OP.add, OP.load16, ...memarg(1, 0), OP.ne, OP.br_if, 1,
                        ...get(X), ...c(1), OP.add, ...set(X),
                        OP.br, 0,
                      OP.end,
                    OP.end,
                    ...get(X), ...get(LEN), OP.ge_s, OP.if, VOID,
                      ...get(MASK), ...get(E), OP.load, ...memarg(2, l.gatePairs + 4), OP.or, ...set(MASK),
                    OP.end,
                  OP.end,
                OP.end,
                ...get(E), ...c(16), OP.add, ...set(E),
                OP.br, 0,
              OP.end,
            OP.end,
          OP.end,
        OP.end,
        OP.br, 0,
      OP.end,
    OP.end,
  ];
  const body = [
    ...c(0xff00), ...simd(SIMD.i16x8Splat), ...set(HIGH),
    ...c(0xff), ...simd(SIMD.i16x8Splat), ...set(LOW),
    OP.block, VOID,
      OP.loop, VOID,
        ...get(I), ...get(0), OP.ge_s, OP.br_if, 1,
        ...get(I), ...c(1), OP.shl, ...simd(SIMD.load), ...memarg(0, text), ...set(A),
        ...get(I), ...c(1), OP.shl, ...simd(SIMD.load), ...memarg(0, text + 16), ...set(B),
        ...(gate ? [...get(A), ...get(B), ...simd(SIMD.or), ...get(HIGH), ...simd(SIMD.and), ...simd(SIMD.anyTrue), OP.if, VOID, ...gateBlock, OP.end] : []),
        ...get(I),
        ...get(A), ...get(B), ...simd(SIMD.narrowU),
        ...simd(SIMD.store), ...memarg(0, text),
        ...get(I), ...c(16), OP.add, ...set(I),
        OP.br, 0,
      OP.end,
    OP.end,
    ...get(MASK),
  ];
  return [...vec([[10, I32], [4, V128]]), ...body, OP.end];
}

/** The part of the WebAssembly API used here (the project's TypeScript libraries do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object) => { exports: Record<string, unknown> };
    }
  | undefined;

export interface ScanInstance {
  memory: WasmMemory;
  scan: (from: number, end: number, segStart: number, segEnd: number, wideFrom: number) => number;
  /** See narrowCode (it returns the gate's mask); null where WebAssembly SIMD is unavailable. */
  narrow: ((n: number) => number) | null;
}

/** The compiled module with a memory of `pages` 64 KB pages, or null where WebAssembly is unavailable (`node --jitless`). */
export function instantiateScan(layout: WasmLayout, pages: number, allowSimd = true): ScanInstance | null {
  if (typeof WebAssembly !== "object") return null;
  // With SIMD first (V8 has it since 9.1, on x64 CPUs with SSE4.1), without where it is refused.
  for (const simd of allowSimd ? [true, false] : [false]) {
    try {
      const { exports } = new WebAssembly.Instance(new WebAssembly.Module(scanModule(layout, pages, simd)));
      return { memory: exports.memory as WasmMemory, scan: exports.scan as ScanInstance["scan"], narrow: simd ? (exports.narrow as (n: number) => number) : null };
    } catch {
      // next
    }
  }
  return null;
}
