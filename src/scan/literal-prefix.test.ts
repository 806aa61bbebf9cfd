import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { anchorLiteral, literalPrefixes } from "./literal-prefix.js";
import { runRule, startPlan } from "./rule-runner.js";
import { compileRuleSet, runRulesWith, scanKeywords } from "./rule-set.js";
import { allRules } from "../../rules/index.js";

describe("literalPrefixes", () => {
  it("reads a literal after a look-behind and a named group", () => {
    assert.deepEqual(literalPrefixes("(?<![A-Za-z0-9_-])(?<secret>ghp_[A-Za-z0-9]{36})", false), ["ghp_"]);
  });

  it("unescapes punctuation and stops at a large class or once an optional part is not needed", () => {
    assert.deepEqual(literalPrefixes("SG\\.[A-Za-z]{22}", false), ["SG."]);
    // 6 characters are selective: an optional part after them is not needed.
    assert.deepEqual(literalPrefixes("secret[_.-]?:", false), ["secret"]);
    assert.deepEqual(literalPrefixes("ab+c", false), ["ab"]);
  });

  it("collects every branch of a group and of the whole pattern, shortest first", () => {
    assert.deepEqual(literalPrefixes("(?:neo4j(?:\\+s)?|bolt|etcd)[:@]", false), ["bolt", "etcd", "neo4j"]);
    assert.deepEqual(literalPrefixes("Client\\s*\\(|Stripe\\s*\\(", false), ["Client", "Stripe"]);
    assert.deepEqual(literalPrefixes("(?:ab|c)d", false), ["cd", "abd"]);
  });

  it("expands small classes, \\d and optional parts while the prefixes are shorter than 3 characters, or 6 in small sets", () => {
    assert.deepEqual(literalPrefixes("[sr]k_live", false), ["rk_live", "sk_live"]);
    assert.deepEqual(literalPrefixes("SK[0-9a-f]{32}", false), [..."0123456789abcdef"].map((c) => `SK${c}`));
    assert.deepEqual(literalPrefixes("\\dQ~", false), [..."0123456789"].map((d) => `${d}Q~`));
    assert.deepEqual(literalPrefixes("(?:x)?abc", false), ["abc", "xabc"]);
    assert.deepEqual(literalPrefixes("\\bcf[_.-]?api[_.-]?key", false), ["cfapi", "cf-api", "cf.api", "cf_api"]);
    // Past 3 characters, small sets go on growing until their strings have 6 (a 3-character keyword is found by its only piece, often common).
    assert.deepEqual(literalPrefixes("https?:\\/\\/", false), ["http://", "https://"]);
    assert.deepEqual(literalPrefixes("(?:neo4j(?:\\+s)?|bolt|etcd):\\/\\/", false), ["bolt://", "etcd://", "neo4j://", "neo4j+s://"]);
    assert.deepEqual(literalPrefixes("app[_.-]?secret", true), ["appsecret", "app-secret", "app.secret", "app_secret"]);
    assert.deepEqual(literalPrefixes("cc[_.-]?test[_.-]?reporter", true), ["cctest", "cc-test", "cc.test", "cc_test"]);
    // ... but not past 8 strings: `[_.-]?` would make 16 of these 4.
    assert.deepEqual(literalPrefixes("ab[_.-]?cd[_.-]?ef", false), ["abcd", "ab-cd", "ab.cd", "ab_cd"]);
    // An optional group that stops inside may also be absent: then what follows it starts the match.
    assert.deepEqual(literalPrefixes("(?:(?:mongodb[_.-]?)?atlas[\\w.-]{0,20}?private)", true), ["atlas", "mongodb"]);
  });

  it("skips zero-width assertions", () => {
    assert.deepEqual(literalPrefixes("^abc", false), ["abc"]);
    assert.deepEqual(literalPrefixes("(?=ab)ab", false), ["ab"]);
    assert.deepEqual(literalPrefixes("(?!x)\\bkey=", false), ["key="]);
  });

  it("lower-cases with the i flag", () => {
    assert.deepEqual(literalPrefixes("(?:Server|Data Source)=", true), ["server=", "data source="]);
    assert.deepEqual(literalPrefixes("[A-C]x", true), ["ax", "bx", "cx"]);
  });

  it("gives up when a match may start anywhere", () => {
    for (const src of ["Émoi", "clé_", "a", ".abc", "\\w+x", "[^a]bc", "a*bc", "(?:a|b)*c", "x{0,2}yz", "[A-Za-z0-9]{75}AZDO", "\\1abc", "[0-9a-f][0-9a-f]x", "ab|[A-Za-z]x", "[]ab"]) {
      assert.equal(literalPrefixes(src, false), null, src);
    }
    // With the v flag, class syntax differs (set operations): classes are not expanded.
    assert.equal(literalPrefixes("[ab]c", false, "v"), null);
  });

  it("every match starts with one of the prefixes (random texts over the patterns' alphabet)", () => {
    const patterns: Array<[string, string]> = [
      ["[?&](?:api[_-]?key|access[_-]?token|password)=", ""],
      ["(?<![a-z])(?:x[_.-](?:api|access)|tw)[a-z]{0,3}?s", "i"],
      ["(?:(?:ab[_-]?)?cd|e\\d)f", ""],
      ["[12]\\/[0-9]{2,3}:", ""],
      ["(?:a(?:b|c)?|d)[xy]?e+", "i"],
      ["\\b(?:k|K)e?y[=:]", ""],
      ["0\\.[0-9a-f]{2}-", ""],
    ];
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = "?&=:_-./0129abcdefkKstwxyAPIEpiaorcesTOKENSW ";
    let checked = 0;
    for (const [src, flags] of patterns) {
      const prefixes = literalPrefixes(src, flags.includes("i"), flags);
      assert.ok(prefixes !== null, src);
      const re = new RegExp(src, `${flags}g`);
      for (let n = 0; n < 3000; n++) {
        let text = "";
        const len = 1 + Math.floor(rnd() * 40);
        for (let j = 0; j < len; j++) text += alphabet[Math.floor(rnd() * alphabet.length)];
        for (const m of text.matchAll(re)) {
          const at = flags.includes("i") ? text.toLowerCase() : text;
          assert.ok(prefixes.some((p) => at.startsWith(p, m.index)), `${src}: ${JSON.stringify(m[0])} at ${m.index} of ${JSON.stringify(text)} starts with none of ${prefixes.join(" ")}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 200, `only ${checked} matches checked`);
  });
});

describe("anchorLiteral", () => {
  it("finds a literal at a bounded distance into every match", () => {
    assert.deepEqual(anchorLiteral("(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{75,76}AZDO[A-Za-z0-9]{4,5})(?![A-Za-z0-9])", false), { literal: "AZDO", min: 75, max: 76 });
    assert.deepEqual(anchorLiteral("(?:^|:)[ \\t]{0,4}_authToken[ \\t]{0,4}=", false), { literal: "_authToken", min: 0, max: 5 });
    assert.deepEqual(anchorLiteral("(?:(?:facebook|\\bfb)[\\w.-]{0,20}?secret)(?=x)", true), { literal: "secret", min: 2, max: 28 });
    // A class may match an astral character (two code units) with the u flag.
    assert.deepEqual(anchorLiteral("[^x]{2}KEY", false, "u"), { literal: "KEY", min: 2, max: 4 });
  });

  it("gives up on unbounded or unknown distances and top-level alternatives", () => {
    for (const src of ["[a-z]+AZDO", "(a)\\1AZDO", "x|yAZDO", "[a-z]{0,200}AZDO", "ab"]) assert.equal(anchorLiteral(src, false), null, src);
  });

  it("every match holds the anchor within its bounds (random texts)", () => {
    const patterns: Array<[string, string]> = [
      ["(?:^|:)[ \\t]{0,3}_auth[ \\t]?=", "m"],
      ["(?:fb|face)[a-z.]{0,4}?sec(?=[a-z])", "i"],
      ["[0-9]{2,3}:AA[a-z]", ""],
      ["(?<![a-z])[a-z]{1,3}(?:x|yy)?\\.key", ""],
    ];
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = [" ", "\t", ":", "_auth", "=", "fb", "FACE", "sec", "SEC", "x", "yy", ".key", "12", "0", ":AA", "a", "b.", "\n", "q"];
    let checked = 0;
    for (const [src, flags] of patterns) {
      const a = anchorLiteral(src, flags.includes("i"), flags);
      assert.ok(a !== null, src);
      const re = new RegExp(src, `${flags}g`);
      for (let n = 0; n < 4000; n++) {
        let text = "";
        const len = 1 + Math.floor(rnd() * 12);
        for (let j = 0; j < len; j++) text += pieces[Math.floor(rnd() * pieces.length)];
        const hay = flags.includes("i") ? text.toLowerCase() : text;
        for (const m of text.matchAll(re)) {
          let ok = false;
          for (let d = a.min; d <= a.max; d++) if (hay.startsWith(a.literal, m.index + d)) ok = true;
          assert.ok(ok, `${src}: ${JSON.stringify(m[0])} in ${JSON.stringify(text)} holds no ${a.literal} ${a.min}…${a.max} in`);
          checked++;
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} matches checked`);
  });
});

// The prefix search must change nothing: every rule, on a text made of every
// rule's examples (many near-misses for each other) plus case variants, finds
// through the engine's keyword pass exactly what its plain global scan finds.
describe("rules run at their literal prefixes", () => {
  const examples = allRules.flatMap((r) => [...r.examples.invalid, ...r.examples.valid]).join("\n;\n");
  const text = `${examples}\n${examples.toUpperCase()}\n${examples.toLowerCase()}`;

  it("find the same matches as runRule's global scan, rule by rule", () => {
    const set = compileRuleSet(allRules);
    const hits = runRulesWith(set, text, scanKeywords(set, text));
    let compared = 0;
    let planned = 0;
    for (const rule of allRules) {
      const expected = runRule(rule, text).map((m) => `${m.start}:${m.end}`);
      const got = hits.filter((h) => h.rule === rule).map((h) => `${h.start}:${h.end}`);
      assert.deepEqual(got, expected, rule.id);
      compared += expected.length;
      if (startPlan(rule) !== null) planned++;
    }
    assert.ok(compared > allRules.length, `only ${compared} matches compared`);
    assert.ok(planned > allRules.length / 2, `only ${planned} rules have literal prefixes`);
  });
});
