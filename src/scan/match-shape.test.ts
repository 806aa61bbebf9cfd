import { test } from "node:test";
import assert from "node:assert/strict";
import { hasByte, matchShapes, prefixFollow, type MatchShape } from "./match-shape.js";
import { allRules } from "./rule-set.js";

// The shapes must hold for every match the regex engine itself finds: each
// match fits one branch's shape (its bytes at every offset of the shape, and
// no byte of the shape's notBefore set right before it). Matches come from
// V8 running the patterns over random texts whose alphabet mixes the
// pattern's own characters, case flips and characters above U+00FF, and over
// every rule's examples.

/** The byte the pass's narrowed copy holds for a UTF-16 unit (keyword-wasm.ts narrowCode). */
const byteOf = (unit: number) => (unit <= 0xff ? unit : unit < 0x8000 ? 0xff : 0x00);

function fits(shape: MatchShape, text: string, at: number): boolean {
  for (let i = 0; i < shape.at.length; i++) {
    if (at + i >= text.length) return false; // a match is at least this long
    if (!hasByte(shape.at[i]!, byteOf(text.charCodeAt(at + i)))) return false;
  }
  return !(at > 0 && shape.notBefore !== null && hasByte(shape.notBefore, byteOf(text.charCodeAt(at - 1))));
}

function assertShapesHold(pattern: RegExp, texts: string[]): number {
  const shapes = matchShapes(pattern);
  if (shapes === null) return 0;
  const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "") + "g");
  let matches = 0;
  for (const text of texts) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      matches++;
      assert.ok(
        shapes.some((s) => fits(s, text, m!.index)),
        `${pattern} matched ${JSON.stringify(m[0].slice(0, 40))} at ${m.index} (after ${JSON.stringify(text.slice(Math.max(0, m.index - 3), m.index))}) outside its shapes`,
      );
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return matches;
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function randomTexts(pattern: RegExp, seed: number, count: number): string[] {
  const rnd = random(seed);
  const own = [...new Set(pattern.source.replace(/\\[dwsbDWSB]/g, "").split(""))];
  const alphabet = [...own, ...own.map((c) => c.toUpperCase()), ..."aZ09_-. \t\n\"'=:;", "é", "\u0161", "\u212a", "\u017f", "\u00ff", "\u8061", "\ud83d\ude00"];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = "";
    const len = 1 + Math.floor(rnd() * 60);
    for (let j = 0; j < len; j++) s += rnd() < 0.02 ? SEEDS[Math.floor(rnd() * SEEDS.length)] : alphabet[Math.floor(rnd() * alphabet.length)];
    out.push(s);
  }
  return out;
}

// Strings that match, mixed into the random texts (some patterns rarely match random text).
const SEEDS = [" patAb9.f3 ", 'app_secret="ab"', "aws\tx AKIA  X", "abef acdeef", "xa;x;y", "1b\t.*a_5", "ababc", "q\u{1F600}r", "\u0150y", "\u00c9z", "k\u{1F601}m", "yz", "\ns]t\n", "aab", "-v", "ABC"];

const TRICKY: RegExp[] = [
  /(?<![A-Za-z0-9_-])pat[A-Za-z0-9]{3}\.[a-f0-9]{2}(?![A-Za-z0-9_-])/,
  /(?:app[_.-]?secret)(?=(?<rest>[\w.-]{0,3}))\k<rest>[=:]["']?[a-f0-9]{2}/,
  /\b(?:aws|AKIA)[ \t]{1,2}x/i,
  /a(?:b|cd)?e{0,2}f/,
  /(?:x[^;"'\n]{0,3};){0,2}?y/,
  /[^a-z]b\s\S\W\w\D\d/,
  /(?:ab|a)+c/,
  /q.{2}r/su,
  /[\u0100-\u0200x]y/i,
  /[é-ÿ]z/i,
  /k[\u{1F600}-\u{1F64F}a]m/u,
  /(?<!x)(?<=y)z/,
  /^s[-\]a]t$/m,
  /(a)\1b/,
  /[\w-.]v/,
  /\x41\u0042[\x43-\x45]/i,
];
// The `v` flag needs an ES2024 target to compile here: built at run time.
const V_FLAG = new RegExp("a[[a-z]--[aeiou]]b", "v");

test("every match of hand-picked patterns fits their shapes (random texts)", () => {
  TRICKY.forEach((pattern, i) => {
    assert.notEqual(matchShapes(pattern), null, `${pattern} is modelled`);
    const matches = assertShapesHold(pattern, randomTexts(pattern, 1000 + i, 4000));
    assert.ok(matches > 0, `${pattern} matched something in the random texts`);
  });
});

test("every match of every built-in rule's examples and of random texts fits its shapes", () => {
  let modelled = 0;
  let matches = 0;
  for (const r of allRules) {
    if (matchShapes(r.pattern) !== null) modelled++;
    matches += assertShapesHold(r.pattern, [...r.examples.invalid, ...r.examples.valid, ...randomTexts(r.pattern, r.id.length, 40)]);
  }
  assert.ok(modelled >= allRules.length * 0.9, `${modelled} of ${allRules.length} patterns modelled`);
  assert.ok(matches >= allRules.length, `${matches} matches checked`);
});

test("a shape asks for what the pattern needs and no more", () => {
  const f = prefixFollow("pat", [/(?<![A-Za-z0-9_-])pat[A-Za-z0-9]{2}\./])!;
  const bytes = (set: Uint8Array) => [...Array(256).keys()].filter((b) => hasByte(set, b)).map((b) => String.fromCharCode(b)).join("");
  assert.deepEqual(f.after.map(bytes), ["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "."]);
  assert.equal(bytes(f.notBefore!), "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
  // Case-insensitive: both cases; the branch that cannot start with the prefix does not count.
  const g = prefixFollow("app", [/(?:app[_-]?s|zzz)/i])!;
  assert.deepEqual(g.after.map(bytes), ["-S_s"]);
  assert.equal(g.notBefore, null);
  // Nothing is asked past a back-reference.
  assert.deepEqual(prefixFollow("abc", [/abc(x)\1y/])!.after.map(bytes), ["x"]);
  assert.equal(prefixFollow("abc", [/abc(x)?\1y/]), null);
  // Optional parts only: the match may end right after the prefix.
  assert.equal(prefixFollow("abc", [/abc(?:def)?/]), null);
  // Syntax not modelled: no shape, so nothing is asked.
  assert.equal(matchShapes(/a[\p{L}]b/u), null);
  assert.equal(matchShapes(V_FLAG), null);
  assert.equal(matchShapes(/k/iu), null);
});
