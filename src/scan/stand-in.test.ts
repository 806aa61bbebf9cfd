import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SPACE_STAND_IN, STAND_IN, isWideSpace, standInPatterns, standInRule, standInText } from "./stand-in.js";
import { runRule, runRuleAt, setStandInPatterns, startPlan } from "./rule-runner.js";
import { allRules, compileRuleSet, keywordPass, runRulesWith, scanKeywords } from "./rule-set.js";
import { ruleMatchCount } from "./rule-runner.js";
import { mappingsRanges } from "./source-map.js";
import { scanText } from "./engine.js";
import { createJobContext, runJob } from "./file-scan.js";
import { tempDir } from "./test-repo.js";
import type { Rule } from "./types.js";

/** The stand-in of a JavaScript string, unit by unit (what standInText must give for its UTF-8). */
function expectedStandIn(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(c <= 0xff ? c : /\s/.test(s[i]!) ? SPACE_STAND_IN : STAND_IN);
  }
  return out;
}

test("isWideSpace is exactly JavaScript's \\s above U+00FF", () => {
  for (let c = 0x100; c <= 0xffff; c++) assert.equal(isWideSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test("every code unit above U+00FF but U+2028/U+2029 and its stand-in get the same answer from every kind of regex step", () => {
  // Without u/v: class escapes, `.`, word boundaries, ASCII classes and their negations, with and without i.
  const probes: Array<[RegExp, (u: string) => string]> = [
    [/\w/, (u) => u], [/\W/, (u) => u], [/\s/, (u) => u], [/\S/, (u) => u], [/\d/, (u) => u], [/\D/, (u) => u],
    [/./, (u) => u], [/^.$/m, (u) => u], [/[\x00-\x7f]/i, (u) => u], [/[^\x00-\x7f]/i, (u) => u], [/[a-z]/i, (u) => u],
    [/[^\s"'`]/, (u) => u], [/a\b/, (u) => `a${u}`], [/a\B/, (u) => `a${u}`], [/\bz/i, (u) => `${u}z`], [/^$/m, (u) => `x${u}y`],
  ];
  for (let c = 0x100; c <= 0xffff; c++) {
    if (c === 0x2028 || c === 0x2029) continue;
    const real = String.fromCharCode(c);
    const stand = String.fromCharCode(isWideSpace(c) ? SPACE_STAND_IN : STAND_IN);
    for (const [re, wrap] of probes) assert.equal(re.test(wrap(stand)), re.test(wrap(real)), `U+${c.toString(16)} ${re}`);
  }
});

test("standInText: same length as the decoded text, Latin-1 units kept, the others replaced, across chunk boundaries", () => {
  const pieces = ["é", "ÿ", "\u00a0", "€", "中文", "Ж", "😀", "\u201c", "\u201d", "\u3000", "\ufeff", "\u2009", "\u0100", "\u07ff", "\u0800", "\uffff", "𝒳"];
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  for (let round = 0; round < 40; round++) {
    let s = "";
    while (s.length < 9000) s += rand(4) === 0 ? pieces[rand(pieces.length)]! : "abc=\"AKIA\" \n".slice(0, 1 + rand(11)).repeat(1 + rand(600));
    const got = standInText(Buffer.from(s, "utf8"));
    assert.equal(got, expectedStandIn(s));
  }
  // Sequences straddling the 4 KB chunks of the ASCII fast path.
  for (let at = 4090; at <= 4100; at++) {
    for (const p of ["é", "€", "😀"]) {
      const s = "x".repeat(at) + p + "y".repeat(5000);
      assert.equal(standInText(Buffer.from(s, "utf8")), expectedStandIn(s), `${p} at ${at}`);
    }
  }
});

test("standInText: no stand-in for a text holding U+2028 or U+2029 (line terminators with no Latin-1 equivalent)", () => {
  assert.equal(standInText(Buffer.from(`a = "中"\u2028b`, "utf8")), undefined);
  assert.equal(standInText(Buffer.from(`a\u2029`, "utf8")), undefined);
  assert.equal(standInText(Buffer.from(`a\u2027\u202a`, "utf8")), "a\u00a4\u00a4");
});

function rule(pattern: RegExp, keywords: string[] = ["x"]): Rule {
  return { id: "t", description: "t", kind: "api-key", severity: "high", pattern, keywords, examples: { invalid: [], valid: [] } } as unknown as Rule;
}

test("standInRule: unsafe patterns and keywords get no stand-in", () => {
  for (const p of [/é/, /\xa4/, /[\x80-\xff]/, /\u00e9/, /\u20ac/, new RegExp("\\p{L}"), new RegExp("[\\244]"), /a/u, new RegExp("\\s", "v")]) assert.equal(standInRule(rule(p)), null, String(p));
  assert.equal(standInRule(rule(/key/, ["clé"])), null);
  // A backreference to a group that can hold a non-ASCII unit, inside a positive lookaround (atomic).
  assert.equal(standInRule(rule(/(?<u>[^:]+):(?=\k<u>@)/)), null);
  // A cut lookaround may not hold a capturing group (numbers would shift).
  assert.equal(standInRule(rule(/([^:]+):(?!\1(@))x/)), null);
});

test("standInRule: safe patterns are kept; a negative lookaround with a backreference to a non-ASCII-capable group is cut", () => {
  for (const p of [/AKIA[0-9A-Z]{16}/, /[^\s"']{8,}/i, /(["']?)[\w.-]+\1/, /(?=(?<rest>[\w.-]{0,30}))\k<rest>=/, /^(?<i>[ \t]{2,16})a(?=\n\k<i>b)/m, /\\x80/]) {
    const r = rule(p);
    assert.equal(standInRule(r), /\\x80/.source === p.source ? null : r, String(p));
  }
  const cut = standInRule(rule(/:\/\/(?<user>[^:@\s]{0,128}):(?!\k<user>@)(?<secret>[^@\s]{1,256})@/i))!;
  assert.equal(cut.pattern.source, ":\\/\\/(?<user>[^:@\\s]{0,128}):(?<secret>[^@\\s]{1,256})@");
  assert.equal(cut.pattern.flags, "i");
});

test("a backreference is why the URL rules' stand-in pattern is cut: the original misses a real match on the stand-in text", () => {
  const pg = allRules.find((r) => r.id === "postgres-url-password")!;
  const real = 'url = "postgres://用:密@db.internal:5432/app"';
  const stand = expectedStandIn(real);
  assert.ok(runRule(pg, real, "postgres").length > 0 || matchesRaw(pg, real));
  assert.equal(matchesRaw(pg, stand), false);
  const relaxed = standInRule(pg)!;
  assert.notEqual(relaxed, pg);
  assert.equal(matchesRaw(relaxed, stand), true);
});

/** Any regex match at all, before the runner's entropy and validate steps. */
function matchesRaw(r: Rule, text: string): boolean {
  return new RegExp(r.pattern.source, r.pattern.flags.replace(/[gy]/g, "")).test(text);
}

test("every built-in rule, on its examples with non-Latin-1 characters put in: a real match means a stand-in match", () => {
  const patterns = standInPatterns(allRules);
  assert.ok(patterns !== null, "every built-in rule has a stand-in pattern");
  const inserts = ["中", "Ж", "😀", "\u201c", "\u2019", "\u3000", "\u2009", "\ufeff", "é", "\u00a0"];
  let seed = 11;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  let realMatches = 0;
  for (const r of allRules) {
    const kept = standInRule(r) === r;
    for (const example of r.examples.invalid) {
      for (let v = 0; v < 6; v++) {
        let text = example;
        for (let k = 0; k < 1 + rand(3); k++) {
          const at = rand(text.length + 1);
          const ins = inserts[rand(inserts.length)]!;
          // Insert, or replace one character (a non-Latin-1 user name, password or quote).
          text = rand(2) === 0 ? text.slice(0, at) + ins + text.slice(at) : text.slice(0, at) + ins + text.slice(at + 1);
        }
        const stand = expectedStandIn(text);
        const real = matchIndices(r, text, null);
        const st = matchIndices(r, stand, patterns!);
        if (real.length > 0) {
          realMatches++;
          assert.ok(st.length > 0, `${r.id}: a real match and no stand-in match`);
        }
        // A rule whose pattern is kept finds the same matches at the same places.
        if (kept) assert.deepEqual(st, real, r.id);
      }
    }
  }
  assert.ok(realMatches > 500, `only ${realMatches} real matches: the test would prove little`);
});

/** The offsets of every regex match of the rule, as the engine runs it (global scan or its start plan). */
function matchIndices(r: Rule, text: string, patterns: WeakMap<RegExp, RegExp> | null): number[] {
  setStandInPatterns(patterns);
  try {
    const source = (patterns?.get(r.pattern) ?? r.pattern);
    const re = new RegExp(source.source, `${source.flags.replace(/[gy]/g, "")}g`);
    const out: number[] = [];
    for (const m of text.matchAll(re)) out.push(m.index!, m[0].length);
    // The runner's own paths must run without error on both texts too.
    runRule(r, text, text.toLowerCase());
    const plan = startPlan(r);
    if (plan !== null) runRuleAt(r, plan, text, [0]);
    return out;
  } finally {
    setStandInPatterns(null);
  }
}

/** A source map whose sourcesContent is `source` (JSON-escaped), with a mappings run. */
function sourceMap(source: string): string {
  return JSON.stringify({ version: 3, sources: ["a.js"], sourcesContent: [source], names: [], mappings: "AAAA,CAAC;EACE,GAAG".repeat(20) }, null, 1);
}

test("runJob: a source map scanned through its stand-in gives exactly the real text's result (findings, fingerprints, columns)", () => {
  const { dir, cleanup } = tempDir();
  try {
    const around = ["中文注释", "Пароль", "😀🔑", "\u201cquoted\u201d", "\u00a0", "\u3000", "\u2009", "\ufeff", "é"];
    // The rules' own examples (real formats, checksums that validate) and a URL whose user and password are non-Latin-1.
    const ids = ["github-pat-classic", "stripe-secret-key", "slack-webhook-url", "aws-secret-access-key", "npm-access-token", "postgres-url-password", "basic-auth-url", "openai-api-key"];
    const secrets = ids.map((id) => allRules.find((r) => r.id === id)!.examples.invalid[0]!);
    secrets.push("const db2 = 'postgres://用:密@db.internal:5432/app';", "const db3 = 'postgres://пользователь:Пароль-2024-x9@db.internal/app';");
    const texts: Array<[string, string]> = [];
    for (let i = 0; i < secrets.length; i++) {
      const a = around[i % around.length]!;
      const b = around[(i + 3) % around.length]!;
      texts.push([`s${i}.js.map`, sourceMap(`// ${a}\nvar x${a} = 1; ${secrets[i]} // ${b}${b}\n`)]);
    }
    texts.push(["clean.js.map", sourceMap("// 中文 Ж 😀 \u201cno secret here\u201d\u3000\nexport const greeting = \"héllo\";\n".repeat(50))]);
    texts.push(["sep.js.map", sourceMap(`const k = "ghp_x9Kq2Lm8Pz4Rt6Vw1Yb3Nc5Hd7Jf0Gs2Ae4";\u2028中`)]);
    texts.push(["not-a-map.js", `const k = "ghp_x9Kq2Lm8Pz4Rt6Vw1Yb3Nc5Hd7Jf0Gs2Ae4"; // 中`]);
    const settings = { engine: {}, maxFileSize: 1 << 30, salt: "stand-in-test" };
    const always = createJobContext(settings, scanText, undefined, 0);
    const never = createJobContext(settings, scanText, undefined, Number.POSITIVE_INFINITY);
    let withFindings = 0;
    for (const [name, text] of texts) {
      const abs = join(dir, name);
      writeFileSync(abs, text);
      const a = runJob({ kind: "file", abs, rel: name }, always);
      const b = runJob({ kind: "file", abs, rel: name }, never);
      assert.deepEqual(a, b, name);
      if (b.findings.length > 0) withFindings++;
    }
    assert.ok(withFindings >= 6, `only ${withFindings} maps with findings`);
    // The clean map is the one the stand-in serves (the others fall back to the real text).
    const clean = texts.find(([n]) => n === "clean.js.map")![1];
    assert.equal(scanText({ text: expectedStandIn(clean), file: "clean.js.map", standIn: true }).standInExact, true);
    assert.notEqual(scanText({ text: expectedStandIn(texts[0]![1]), file: "s0.js.map", standIn: true }).standInExact, true);
    // Anything but a source map is never vouched for.
    assert.notEqual(scanText({ text: "const a = 1; // ¤", file: "a.js", standIn: true }).standInExact, true);
  } finally {
    cleanup();
  }
});

test("the keyword pass finds the same keywords in a text and its stand-in", () => {
  const set = compileRuleSet(allRules);
  const words = ["secret", "password", "token", "api_key", "AKIA", "ghp_", "sk_live_", "postgres://", "xoxb-", "Bearer ", "apikey", "auth", "key", "pass", "sk-"];
  const others = ["ſ", "K", "ı", "İ", "中", "Ж", "😀", "\u201c", "\u3000", "\u2009", "\ufeff", "é", "\u00a0", "¤", "š", "\u0100", "\uff41", "=", " ", "\n", '"'];
  let seed = 3;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  let found = 0;
  for (let round = 0; round < 60; round++) {
    let text = "";
    // Long enough for the WebAssembly pass and its chunks; keywords glued to non-Latin-1 units on both sides.
    while (text.length < 70_000) text += rand(3) === 0 ? words[rand(words.length)]! : others[rand(others.length)]!.repeat(1 + rand(3));
    const stand = expectedStandIn(text);
    const run = (t: string) => {
      const positions: Array<number[] | null | undefined> = [];
      const heads: number[] = [];
      const ks = keywordPass(set, t, positions, heads, mappingsRanges(t));
      return { ks: [...ks].sort((a, b) => a - b), positions, heads: heads.sort((a, b) => a - b) };
    };
    const a = run(text);
    // Every occurrence counts for `found`. The offset lists may differ: an occurrence is dropped
    // when the characters after it cannot continue a match (match-shape.ts), tested on every
    // byte of a one-byte text but not always past a two-byte text's first unit above U+00FF;
    // the next test checks that no real match is lost through that.
    assert.deepEqual(run(stand).ks, a.ks);
    found += a.ks.length;
  }
  assert.ok(found > 100);
});

test("the engine's rule runs (keyword pass, start offsets, stand-in patterns): a real match in a text means a match in its stand-in", () => {
  const set = compileRuleSet(allRules);
  const patterns = standInPatterns(allRules)!;
  const inserts = ["中", "Ж", "😀", "\u201c", "\u2019", "\u3000", "\u2009", "\ufeff", "é", "\u00a0", "ſ", "K"];
  let seed = 5;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const matches = (text: string, stand: boolean): number => {
    const before = ruleMatchCount();
    setStandInPatterns(stand ? patterns : null);
    try {
      runRulesWith(set, text, scanKeywords(set, text));
    } finally {
      setStandInPatterns(null);
    }
    return ruleMatchCount() - before;
  };
  let real = 0;
  for (const r of allRules) {
    for (const example of r.examples.invalid) {
      for (let v = 0; v < 4; v++) {
        let text = example;
        for (let k = 0; k < 1 + rand(3); k++) {
          const at = rand(text.length + 1);
          const ins = inserts[rand(inserts.length)]!;
          text = rand(2) === 0 ? text.slice(0, at) + ins + text.slice(at) : text.slice(0, at) + ins + text.slice(at + 1);
        }
        // A wide unit first, so that a two-byte copy's tests stop early and a one-byte one's do not;
        // in every other variant of a URL with credentials, a one-unit user and password, both wide
        // (the stand-in password then equals the user: the case of the cut lookarounds).
        text = `中 ${v % 2 === 1 ? text.replace(/:\/\/[^:@/\s]+:[^@/\s]+@/, "://用:密@") : text}`;
        if (matches(text, false) > 0) {
          real++;
          assert.ok(matches(expectedStandIn(text), true) > 0, `${r.id}: ${JSON.stringify(text)}`);
        }
      }
    }
  }
  assert.ok(real > 500, `only ${real} texts with a real match`);
});
