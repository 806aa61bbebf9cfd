import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { literalPrefixes } from "./literal-prefix.js";
import { runRule, startPlan } from "./rule-runner.js";
import { compileRuleSet, runRulesWith, scanKeywords } from "./rule-set.js";
import { allRules } from "../../rules/index.js";

describe("literalPrefixes", () => {
  it("reads a literal after a look-behind and a named group", () => {
    assert.deepEqual(literalPrefixes("(?<![A-Za-z0-9_-])(?<secret>ghp_[A-Za-z0-9]{36})", false), ["ghp_"]);
  });

  it("unescapes punctuation and stops at a class or an optional character", () => {
    assert.deepEqual(literalPrefixes("SG\\.[A-Za-z]{22}", false), ["SG."]);
    assert.deepEqual(literalPrefixes("https?:\\/\\/", false), ["http"]);
    assert.deepEqual(literalPrefixes("ab+c", false), ["ab"]);
  });

  it("collects every branch of a group and of the whole pattern", () => {
    assert.deepEqual(literalPrefixes("(?:neo4j(?:\\+s)?|bolt|etcd):\\/\\/", false), ["neo4j", "bolt", "etcd"]);
    assert.deepEqual(literalPrefixes("Client\\s*\\(|Stripe\\s*\\(", false), ["Client", "Stripe"]);
  });

  it("lower-cases with the i flag", () => {
    assert.deepEqual(literalPrefixes("(?:Server|Data Source)=", true), ["server", "data source"]);
  });

  it("gives up when a match may start anywhere", () => {
    for (const src of ["[sr]k_live", "Émoi", "clé_", "(?:x)?abc", "ab|[0-9]x", "^abc", "\\dQ~", "(?=ab)ab", "a", "(?:ab|c)d"]) {
      assert.equal(literalPrefixes(src, false), null, src);
    }
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
