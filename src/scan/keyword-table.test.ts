import { test } from "node:test";
import assert from "node:assert/strict";
import { buildKeywordTable, findKeywords, keywordWindows, lastLoop, narrowGated, rarestWindow, type KeywordSink } from "./keyword-table.js";
import { COMMON_TRIGRAMS } from "./trigram-frequency.js";
import { allRules, compileRuleSet } from "./rule-set.js";
import { FOREIGN_KEYWORDS } from "./foreign-words.js";

// The pass against a plain reference: fold A-Z in a copy of the text and
// `indexOf` every keyword at every offset. Random texts are glued from
// keyword fragments, case flips, characters no keyword uses and characters
// above U+00FF whose low byte is an ASCII letter (their Latin-1 copy reads as
// that letter), so that windows, partial matches and false candidates are common.

const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

interface Expected {
  found: number[];
  positions: Array<number[] | null | undefined>;
  heads: number[];
}

function reference(keywords: string[], text: string, segments: Array<[number, number]>, limit: number, want: Uint8Array, head: Uint8Array): Expected {
  const lower = fold(text);
  const out: Expected = { found: [], positions: [], heads: [] };
  keywords.forEach((k, i) => {
    if (k.length < 2) return;
    const at: number[] = [];
    for (let p = lower.indexOf(k); p !== -1; p = lower.indexOf(k, p + 1)) if (segments.some(([s, e]) => p >= s && p + k.length <= e)) at.push(p);
    if (at.length === 0) return;
    out.found.push(i);
    if (head[i] === 1) out.heads.push(...at);
    if (want[i] === 1) out.positions[i] = at.length > limit ? null : at;
  });
  out.heads.sort((a, b) => a - b);
  return out;
}

// Both inner loops: WebAssembly (the default) and JavaScript (where WebAssembly is unavailable).
const tables = new Map<string, ReturnType<typeof buildKeywordTable>>();
let wasm = true;
/** Whether the WebAssembly loop may narrow UTF-16 with SIMD (else: the Latin-1 copy, candidates confirmed on the string). */
let simd = true;
/** Characters the WebAssembly loop takes at a time: small ones put keywords across chunk edges. */
let chunk: number | undefined;

function run(keywords: string[], text: string, segments: Array<[number, number]>, limit: number, want: Uint8Array, head: Uint8Array): Expected {
  const id = `${wasm}:${simd}:${chunk}:${keywords.join("\u0000")}`;
  let table = tables.get(id);
  if (table === undefined) tables.set(id, (table = buildKeywordTable(keywords, { wasmAfter: wasm ? 0 : Infinity, chunk, simd })));
  const sink: KeywordSink = { want, positions: [], head, heads: [] };
  const found: number[] = [];
  findKeywords(table, text, segments, limit, sink, found);
  if (text.length > 0) assert.equal(lastLoop(table), wasm ? "WebAssembly" : "JavaScript");
  return { found: found.sort((a, b) => a - b), positions: sink.positions!, heads: sink.heads!.sort((a, b) => a - b) };
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function sampleText(rnd: () => number, keywords: string[], wide: boolean): string {
  const noise = ["x", " ", "\n", "0", "_", "-", "é", "Q", "zz", "aa", "=="];
  // Above U+00FF: low bytes that are letters (a Latin-1 copy reads them as such), units from U+8000 up
  // (the WebAssembly copy makes them 0x00, those below 0xff), and U+00FF itself.
  if (wide) noise.push("\u0161" /* low byte 0x61 'a' */, "\u016b" /* 'k' */, "\u2028", "\u{1F600}", "\u8061", "\u7f6b", "\u00ff", "\uff4b", "\u0000");
  let s = "";
  const len = Math.floor(rnd() * 120);
  while (s.length < len) {
    if (rnd() < 0.5) {
      const k = keywords[Math.floor(rnd() * keywords.length)]!;
      // A whole keyword, or a piece of one; sometimes upper-cased.
      let piece = rnd() < 0.6 ? k : k.slice(Math.floor(rnd() * k.length), Math.floor(rnd() * (k.length + 1)));
      if (rnd() < 0.3) piece = piece.toUpperCase();
      if (wide && rnd() < 0.2) piece = piece.replace(/[ak]/, (c) => (c === "a" ? "\u0161" : "\u016b"));
      s += piece;
    } else s += noise[Math.floor(rnd() * noise.length)];
  }
  return s;
}

const keywordSets: Array<[string, string[]]> = [
  ["the built-in rules' keywords", compileRuleSet(allRules).keywords],
  ["short and overlapping keywords", ["pw", "sk", "==", "q~", "aaa", "aaaa", "eaa", "eaaa", "key", "key=", "-u ", "://", "a3-", "0.0", "ab", "abc", "bca", "cab"]],
  ["keywords with characters outside ASCII", ["pw", "clé", "größe", "key", "ſecret"]],
  // Searched one by one, only in texts that hold one of their first characters (the gate): NUL and
  // `ÿ`, which narrow() leaves as the bytes it makes of wide characters, must not hide or fake one.
  ["keywords above U+00FF behind the gate", ["pw", "key", "пароль", "密码", "キー", "\u8061x", "\u7f6bk"]],
  // narrow()'s gate: a mask bit per keyword (i & 31: more than 32 share bits), first units shared by several
  // keywords (密码/密钥, то/тк), second units above U+8000, a lower-case ASCII letter as second unit, surrogates.
  ["keywords above U+00FF in several scripts, more than 32 of them", ["pw", "key", ...FOREIGN_KEYWORDS.filter((k) => k.charCodeAt(0) > 0xff), "тк", "密x", "\u{1F511}k", "\uff4b\u8061", ...Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x0430 + i, 0x0431 + i) + "и")]],
  // More than 255 first units: no gate in narrow(); the bytes narrow() made decide, as before it had one.
  ["more first units above U+00FF than narrow()'s gate takes", ["pw", ...Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + 3 * i, 0x4e01 + 3 * i))]],
];

for (const [name, keywords] of keywordSets) for (const loop of ["WebAssembly", "WebAssembly without SIMD", "JavaScript"]) {
  test(`the keyword pass agrees with indexOf on random texts (${name}), one-byte and two-byte strings, ${loop} loop`, () => {
    wasm = loop !== "JavaScript";
    simd = loop === "WebAssembly";
    const rnd = random(name.length * 7919);
    const want = Uint8Array.from(keywords, (_, i) => (i % 3 === 0 ? 1 : 0));
    const head = Uint8Array.from(keywords, (_, i) => (i % 5 === 1 ? 1 : 0));
    for (let round = 0; round < 1500; round++) {
      const wide = round % 2 === 1;
      chunk = [undefined, 2, 6, 50][(round >> 2) % 4];
      const text = sampleText(rnd, keywords, wide);
      const limit = round % 4 === 0 ? 1 : 16;
      // The whole text, or up to three segments with gaps between them.
      let segments: Array<[number, number]> = [[0, text.length]];
      if (round % 3 === 2 && text.length > 4) {
        const cuts = [0, ...Array.from({ length: 4 }, () => Math.floor(rnd() * text.length)), text.length].sort((a, b) => a - b);
        segments = [[cuts[0]!, cuts[1]!], [cuts[2]!, cuts[3]!], [cuts[4]!, cuts[5]!]];
      }
      const expected = reference(keywords, text, segments, limit, want, head);
      assert.deepEqual(run(keywords, text, segments, limit, want, head), expected, JSON.stringify({ text, segments }));
    }
    simd = true;
  });
}

test("a keyword at the very start and end of the text, and texts of 0 to 3 characters, in both loops", () => {
  const keywords = ["pw", "abc", "xyz1"];
  const want = Uint8Array.of(1, 1, 1);
  const head = Uint8Array.of(0, 0, 0);
  chunk = undefined;
  for (const text of ["", "p", "pw", "PW", "abc", "xpw", "ABCxyz1", "xyz1abc", "pwabcpw"]) for (wasm of [true, false]) {
    assert.deepEqual(run(keywords, text, [[0, text.length]], 16, want, head), reference(keywords, text, [[0, text.length]], 16, want, head), text);
  }
});

test("the shared window table is left as it was, also when a pass throws", () => {
  const table = buildKeywordTable(["pw", "token", "secret"], { wasmAfter: Infinity });
  const before = table.window.slice();
  findKeywords(table, "pw token secret pw", [[0, 18]], 16, { want: null, positions: null, head: null, heads: null }, []);
  assert.deepEqual(table.window, before);
  const throwing = [] as number[];
  throwing.push = () => {
    throw new Error("full");
  };
  assert.throws(() => findKeywords(table, "token", [[0, 5]], 16, { want: null, positions: null, head: null, heads: null }, throwing), /full/);
  assert.deepEqual(table.window, before);
});

test("a text with more candidates than the WebAssembly loop holds at once", () => {
  wasm = true;
  chunk = undefined;
  const keywords = ["key", "token", "pw"];
  const text = "key token PW ".repeat(3000);
  const all = Uint8Array.of(1, 1, 1);
  assert.deepEqual(run(keywords, text, [[0, text.length]], 1e9, all, all), reference(keywords, text, [[0, text.length]], 1e9, all, all));
  // Every window of every pair on (the loop takes four at a time): it stops before the pairs whose candidates no longer fit, at each offset of the first one.
  const dense = ["aa", "aaa", "aaaa"];
  const three = Uint8Array.of(1, 1, 1);
  for (let shift = 0; shift < 4; shift++) {
    const text2 = "x".repeat(shift) + "aAaa".repeat(1500);
    assert.deepEqual(run(dense, text2, [[0, text2.length]], 1e9, three, three), reference(dense, text2, [[0, text2.length]], 1e9, three, three), `shift ${shift}`);
  }
});

test("a window switched off in one text is on again in the next, in both loops", () => {
  chunk = undefined;
  const keywords = ["token", "pw", "secret"];
  const none = Uint8Array.of(0, 0, 0);
  const texts = ["token pw", "TOKEN token", "xx token", "pw", "secret pw token", "tok", "en token"];
  for (wasm of [true, false]) {
    for (const text of texts) assert.deepEqual(run(keywords, text, [[0, text.length]], 16, none, none), reference(keywords, text, [[0, text.length]], 16, none, none), text);
  }
});

test("a text of several WebAssembly chunks: keywords across every chunk edge", () => {
  wasm = true;
  const keywords = ["pw", "token", "-----begin rsa private key-----", "abc"];
  const all = Uint8Array.of(1, 1, 1, 1);
  for (chunk of [2, 4, 10, 64]) {
    for (let shift = 0; shift < 12; shift++) {
      const text = "x".repeat(shift) + "pw token -----BEGIN RSA PRIVATE KEY----- abcPWabc ".repeat(20);
      const segments: Array<[number, number]> = [[0, text.length]];
      assert.deepEqual(run(keywords, text, segments, 1e9, all, all), reference(keywords, text, segments, 1e9, all, all), `chunk ${chunk}, shift ${shift}`);
    }
  }
  chunk = undefined;
});

test("narrow()'s gate: keywords above U+00FF across every chunk edge and 16-unit block edge, in texts of other scripts, NUL and U+00FF", () => {
  wasm = true;
  simd = true;
  const keywords = ["pw", "пароль", "секрет", "密码", "密钥", "トークン", "토큰", "\u7f6bk", "\u{1F511}x"];
  const all = Uint8Array.from(keywords, () => 1);
  // Filler in each script (and none), so that the 16-unit blocks around a keyword hold units above U+00FF or not.
  const fillers = ["x", "и", "码", "ト", "\u0000", "\u00ff", "\u{1F600}", "a\u00ffи\u0000"];
  for (chunk of [2, 6, 16, 18, 50, undefined]) {
    for (const filler of fillers) {
      for (let shift = 0; shift < 18; shift++) {
        const text = filler.repeat(shift) + keywords.map((k, i) => (i % 2 === 0 ? k.toUpperCase() : k) + filler.repeat(1 + ((shift + i) % 5))).join("");
        const segments: Array<[number, number]> = [[0, text.length]];
        assert.deepEqual(run(keywords, text, segments, 1e9, all, all), reference(keywords, text, segments, 1e9, all, all), JSON.stringify({ chunk, filler, shift }));
        // A keyword's first unit alone, or followed by another's second unit, finds nothing.
        const near = filler.repeat(shift) + "пар密钱トーク토\u7f6b\u{1F511}" + filler;
        assert.deepEqual(run(keywords, near, [[0, near.length]], 1e9, all, all), reference(keywords, near, [[0, near.length]], 1e9, all, all), JSON.stringify({ chunk, filler, shift, near }));
      }
    }
  }
  chunk = undefined;
  const table = buildKeywordTable(keywords, { wasmAfter: 0 });
  findKeywords(table, "пароль", [[0, 6]], 16, { want: null, positions: null, head: null, heads: null }, []);
  assert.equal(narrowGated(table), true);
  const many = buildKeywordTable(["pw", ...Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + 3 * i, 0x4e01 + 3 * i))], { wasmAfter: 0 });
  findKeywords(many, "一丁", [[0, 2]], 16, { want: null, positions: null, head: null, heads: null }, []);
  assert.equal(narrowGated(many), false);
});

test("a keyword alone in its window takes an equally rare piece another keyword is found by", () => {
  // Pieces outside the frequency table are equally rare: `qqx` would be a window of its own, `jjv` is one already.
  assert.deepEqual([...keywordWindows(["qqxjjv", "jjv"])], [3, 0]);
  // Not a more common piece (`the` is among the most common)...
  assert.deepEqual([...keywordWindows(["theqqx", "the"])], [1, 0]);
  // ... and not when its own window has another keyword.
  assert.deepEqual([...keywordWindows(["qqxjjv", "jjv", "qqxkkw"])], [0, 0, 0]);
  // Two-character and non-ASCII keywords have no window of their own.
  assert.deepEqual([...keywordWindows(["pw", "clé_x"])], [-1, -1]);
  // Found all the same, by both loops, also across WebAssembly chunk edges.
  const keywords = ["qqxjjv", "jjv", "qqxkkw", "pw"];
  const all = Uint8Array.of(1, 1, 1, 1);
  for (wasm of [true, false]) {
    for (chunk of wasm ? [4, 10, undefined] : [undefined]) {
      for (let shift = 0; shift < 6; shift++) {
        const text = "x".repeat(shift) + "QQXJJV qqxjj jjv qqxkkwqqxjjv pw qqx jjvqqxjjv ".repeat(5);
        const segments: Array<[number, number]> = [[0, text.length]];
        assert.deepEqual(run(keywords, text, segments, 1e9, all, all), reference(keywords, text, segments, 1e9, all, all), `wasm ${wasm}, chunk ${chunk}, shift ${shift}`);
      }
    }
  }
  wasm = true;
  chunk = undefined;
});

test("the three quotes count as one in the windows' frequencies", () => {
  // The table holds `"` only (scripts/trigram-frequency.js folds the others into it), and `"re` is among its entries:
  // a quoted keyword is found by the same, rarer piece whichever quote it has.
  const pieces = COMMON_TRIGRAMS.match(/[^]{3}/g)!;
  assert.ok(!/['`]/.test(COMMON_TRIGRAMS));
  assert.ok(pieces.includes('"re'));
  const o = rarestWindow('"replication');
  assert.notEqual(o, 0);
  assert.equal(rarestWindow("'replication"), o);
  assert.equal(rarestWindow("`replication"), o);
});
