import { test } from "node:test";
import assert from "node:assert/strict";
import { allRules, candidateRules, compileRuleSet, ENGINE_POSITION_KEYWORDS, GENERIC_HEADS, keywordsIn, runRules, runRulesWith, scanKeywords } from "./rule-set.js";
import { passesKeywords, runRule } from "./rule-runner.js";
import type { Rule } from "./types.js";
import { buildKeywordTable, findKeywords } from "./keyword-table.js";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// The one-pass keyword matcher must agree exactly with rule-runner's
// per-rule pre-filter (`lowerText.includes(keyword)`), on every rule.

function sampleTexts(): string[] {
  const out: string[] = [];
  // Every keyword of every rule, alone, upper-cased, glued into words, at the very start and end.
  for (const r of allRules) {
    for (const k of r.keywords) out.push(k, k.toUpperCase(), `x${k}y`, `prefix ${k}`, `${k} suffix`);
  }
  // Invalid/valid examples of every rule.
  for (const r of allRules) out.push(...r.examples.invalid, ...r.examples.valid);
  // Random text over a keyword-ish alphabet.
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:=$~ \n\"'é€";
  for (let i = 0; i < 300; i++) {
    let s = "";
    const len = 1 + Math.floor(rnd() * 200);
    for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    out.push(s);
  }
  return out;
}

test("the keyword matcher selects exactly the rules whose keywords occur", () => {
  const set = compileRuleSet(allRules);
  for (const text of sampleTexts()) {
    const lower = text.toLowerCase();
    const expected = allRules.filter((r) => passesKeywords(r, lower) && !(r.keywords.length > 0 && r.keywords.every((k) => k.length === 1) && false));
    const got = candidateRules(set, text);
    for (const r of expected) assert.ok(got.has(r), `rule ${r.id} should pass on ${JSON.stringify(text.slice(0, 60))}`);
    for (const r of got.keys()) {
      const oneChar = r.keywords.some((k) => k.length === 1);
      assert.ok(oneChar || passesKeywords(r, lower), `rule ${r.id} should not pass on ${JSON.stringify(text.slice(0, 60))}`);
    }
  }
});

test("runRules finds what runRule finds, rule by rule", () => {
  const set = compileRuleSet(allRules);
  for (const r of allRules) {
    for (const text of r.examples.invalid) {
      const direct = runRule(r, text).map((m) => `${m.start}:${m.end}`);
      const viaSet = runRules(set, text, text.toLowerCase())
        .filter((h) => h.rule === r)
        .map((h) => `${h.start}:${h.end}`);
      assert.deepEqual(viaSet, direct, r.id);
      const viaFound = runRulesWith(set, text, scanKeywords(set, text))
        .filter((h) => h.rule === r)
        .map((h) => `${h.start}:${h.end}`);
      assert.deepEqual(viaFound, direct, `${r.id} (single keyword pass)`);
    }
  }
});

test("keywords of two characters and at the end of the text are found", () => {
  const rule = (id: string, keywords: string[]): Rule => ({ id, description: id, kind: "api-key", severity: "low", keywords, pattern: /x/, examples: { invalid: [], valid: [] } });
  const rules = [rule("two", ["q~"]), rule("end", ["abc"]), rule("none", ["zzz"])];
  const set = compileRuleSet(rules);
  assert.deepEqual(keywordsIn(set, "xx Q~").map((i) => set.keywords[i]), ["q~"]);
  assert.deepEqual(keywordsIn(set, "xxABC").map((i) => set.keywords[i]), ["abc"]);
  assert.deepEqual(keywordsIn(set, "ab"), []);
});

test("the pass records every place a generic head word starts, ascending, ASCII letters folded", () => {
  const set = compileRuleSet(allRules);
  // Expected offsets from a plain search of each head word in an ASCII-lower-cased copy.
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const texts = [...sampleTexts(), "PASSWORD=x apiKey: y\nmy_secret_token pwdsn CREDENTIALS creds connstr connectionString", "İkey Kelvin \u212Aey ſecret KEYKEYkey"];
  for (const text of texts) {
    const lower = fold(text);
    const expected: number[] = [];
    for (const h of GENERIC_HEADS) for (let at = lower.indexOf(h); at !== -1; at = lower.indexOf(h, at + 1)) expected.push(at);
    const heads: number[] = [];
    scanKeywords(set, text, heads);
    assert.deepEqual(heads, expected.sort((a, b) => a - b), JSON.stringify(text.slice(0, 60)));
  }
});

test("each pass's anchor offsets are its own text's, and an earlier pass's offsets stay as they were (the offsets container is reused)", () => {
  const set = compileRuleSet(allRules);
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  // Every occurrence of each engine anchor word, from a plain search (the texts are short: no list overflows).
  const expected = (text: string) => {
    const out = new Map<string, number[]>();
    for (const k of ENGINE_POSITION_KEYWORDS) {
      const at: number[] = [];
      for (let i = fold(text).indexOf(k); i !== -1; i = fold(text).indexOf(k, i + 1)) at.push(i);
      if (at.length > 0) out.set(k, at);
    }
    return out;
  };
  const texts = [
    "url = https://user:pw@db.example.com/x\nAuthorization: Bearer abc\nhttp://a.b",
    "nothing of the sort here, just words",
    "CREATE USER bob IDENTIFIED BY 'x'; see ftp://h",
    "",
    "authorization: Basic Zm9vOmJhcg== and ://",
    "const a = process.env.A ?? PROCESS.ENV.b; import.meta.env.VITE_X; Process.Env",
    "plain again",
    ...sampleTexts(),
  ];
  const held: Array<[Map<string, readonly number[] | null>, Map<string, number[]>]> = [];
  for (const text of texts) {
    const offsets = new Map<string, readonly number[] | null>();
    scanKeywords(set, text, [], undefined, offsets);
    assert.deepEqual(offsets, expected(text), JSON.stringify(text.slice(0, 60)));
    held.push([offsets, expected(text)]);
  }
  for (const [offsets, want] of held) assert.deepEqual(offsets, want);
});

test("the pass looks for nothing inside the skipped ranges", () => {
  const set = compileRuleSet(allRules);
  const text = "ghp_ secret xx token yy";
  const skip: Array<[number, number]> = [[5, 12], [14, 20]];
  const heads: number[] = [];
  const found = scanKeywords(set, text, heads, skip);
  assert.ok(found.has("ghp_"));
  assert.ok(!found.has("secret") && !found.has("token"));
  assert.deepEqual(heads, []);
  const all: number[] = [];
  assert.ok(scanKeywords(set, text, all).has("token"));
  assert.deepEqual(all, [5, 15]);
});

test("with skipped ranges, 2-character keywords count anywhere and head offsets are those outside the ranges (randomized, against a plain search)", () => {
  const set = compileRuleSet(allRules);
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const pieces = ["pw", "PW", "pW", "Pw", "p", "w", "=", "==", "token", "KEY", "secret", "x", " ", "a", "\n", "é"];
  for (let i = 0; i < 400; i++) {
    let text = "";
    const parts = 1 + rnd(40);
    for (let j = 0; j < parts; j++) text += pieces[rnd(pieces.length)];
    // Ascending, disjoint ranges, sometimes touching each other, the start or the end.
    const skip: Array<[number, number]> = [];
    for (let at = rnd(3) === 0 ? 0 : rnd(6); at < text.length; ) {
      const end = Math.min(text.length, at + 1 + rnd(8));
      skip.push([at, end]);
      at = end + (rnd(3) === 0 ? 0 : 1 + rnd(8));
    }
    const inRange = (at: number) => skip.some(([a, b]) => at >= a && at < b);
    const wholly = (at: number, len: number) => !skip.some(([a, b]) => at < b && at + len > a);
    const lower = fold(text);
    const expectedFound = new Set<string>();
    const expectedHeads: number[] = [];
    for (const k of set.keywords) {
      const short = k.length === 2;
      for (let at = lower.indexOf(k); at !== -1; at = lower.indexOf(k, at + 1)) {
        if (short || wholly(at, k.length)) expectedFound.add(k);
        if (GENERIC_HEADS.includes(k) && (short ? !inRange(at) : wholly(at, k.length))) expectedHeads.push(at);
      }
    }
    const heads: number[] = [];
    const found = scanKeywords(set, text, heads, skip);
    const label = `${JSON.stringify(text)} ${JSON.stringify(skip)}`;
    assert.deepEqual([...found].filter((k) => k.length > 1).sort(), [...expectedFound].filter((k) => k.length > 1 && !/[^\x00-\x7f]/.test(k)).sort(), label);
    assert.deepEqual(heads, expectedHeads.sort((a, b) => a - b), label);
  }
});

test("with skipped ranges (ASCII), the 2-character head words above U+007F are found and recorded around them as elsewhere", () => {
  const set = compileRuleSet(allRules);
  const vlq = "AAAA,CAAC;EAAE".repeat(6);
  for (const word of ["密码", "토큰", "キー", "пароль"]) {
    // Touching a range on either side, between two, and inside none.
    const text = `{"x":"${word}","mappings":"${vlq}","y":"${word}${word}","mappings":"${vlq}"}${word}`;
    const skip: Array<[number, number]> = [];
    for (let at = text.indexOf(vlq); at !== -1; at = text.indexOf(vlq, at + 1)) skip.push([at, at + vlq.length]);
    const heads: number[] = [];
    const found = scanKeywords(set, text, heads, skip);
    assert.ok(found.has(word), word);
    const expected: number[] = [];
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) expected.push(at);
    assert.deepEqual(heads.filter((h) => text.startsWith(word, h)), expected, word);
    assert.ok(!scanKeywords(set, text.replaceAll(word, "xx"), [], skip).has(word), word);
  }
});

// The keyword pass records an occurrence of a literal prefix past its first in a text only with
// the characters its rules' matches have around it (match-shape.ts): every match of every rule
// must still start where the pass recorded one of its prefixes (or where a list overflowed, and
// the rule scans the whole text), in both loops of the pass. Each text is preceded by a line of
// every prefix, so that the occurrences that matter are never the first ones.
function labelledTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const root = new URL("../../../fixtures/", import.meta.url).pathname;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== "labels.json") {
        const buf = readFileSync(full);
        if (!buf.includes(0)) out.push([full.slice(root.length), buf.toString("utf8")]);
      }
    }
  };
  for (const name of readdirSync(root)) if (name.startsWith("corpus")) walk(join(root, name));
  return out;
}

test("past a first occurrence, every match of every rule in its examples and the labelled corpora starts where the pass recorded a prefix (both loops)", () => {
  const set = compileRuleSet(allRules);
  const filtered = set.follows.filter((f) => f !== null).length;
  assert.ok(filtered > 100, `${filtered} prefixes have follow sets`);
  const decoys = [...new Set([...set.prefixed.values()].flat().map(({ k }) => set.keywords[k]!))].join(" ") + "\n";
  const tables = [
    ["JavaScript", buildKeywordTable(set.keywords, { wasmAfter: Infinity, follow: set.follows })],
    ["WebAssembly", buildKeywordTable(set.keywords, { wasmAfter: 0, follow: set.follows })],
    ["WebAssembly without SIMD", buildKeywordTable(set.keywords, { wasmAfter: 0, simd: false, follow: set.follows })],
  ] as const;
  const texts: Array<[string, string]> = [];
  for (const r of allRules) for (const t of [...r.examples.invalid, ...r.examples.valid]) texts.push([`${r.id} example`, t], [`${r.id} example, then a wide character`, `${t}\n\u0161\u8061`]);
  texts.push(...labelledTexts());
  assert.ok(texts.length > 1500, `${texts.length} texts`);
  let checked = 0;
  for (const [name, body] of texts) {
    const text = decoys + body;
    const lower = body.toLowerCase();
    const lists = tables.map(([, table]) => {
      const sink = { want: set.wantPositions, positions: [] as Array<number[] | null | undefined>, head: null, heads: null };
      findKeywords(table, text, [[0, text.length]], 16 + (text.length >> 8), sink, []);
      return sink.positions;
    });
    for (const [rule, prefixes] of set.prefixed) {
      if (set.anchored.has(rule) || !prefixes.some(({ k }) => lower.includes(set.keywords[k]!))) continue;
      const re = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, "") + "g");
      re.lastIndex = decoys.length;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        const at = m.index;
        lists.forEach((positions, i) => {
          const ok = prefixes.some(({ k }) => positions[k] === null || (positions[k]?.includes(at) ?? false));
          assert.ok(ok, `${rule.id}: the match at ${at} of ${name} has no recorded prefix (${tables[i]![0]} loop)`);
        });
        checked++;
      }
    }
  }
  assert.ok(checked > 500, `${checked} matches checked`);
});
