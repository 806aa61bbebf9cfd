import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { passesKeywords, runRule, shannonEntropy } from "./rule-runner.js";
import type { Rule } from "./types.js";

const rule = (over: Partial<Rule>): Rule => ({
  id: "test-rule",
  description: "A rule for the runner's tests",
  kind: "token",
  severity: "high",
  keywords: ["tok_"],
  pattern: /tok_[a-z0-9]{8}/,
  examples: { invalid: [], valid: [] },
  ...over,
});

describe("rule-runner: runRule", () => {
  it("finds every match with the g flag added, with offsets of the secret", () => {
    const text = "a=tok_abcd1234 b=tok_wxyz9876";
    const found = runRule(rule({}), text);
    assert.deepEqual(found.map((f) => f.secret), ["tok_abcd1234", "tok_wxyz9876"]);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.secret);
    assert.equal(found[0]!.start, 2);
  });

  it("takes the named group secret before group 1 before the whole match", () => {
    const text = "key: tok_abcd1234;";
    const named = runRule(rule({ pattern: /(key): (?<secret>tok_[a-z0-9]{8})/ }), text);
    assert.deepEqual(named.map((f) => [f.secret, f.start]), [["tok_abcd1234", 5]]);
    const first = runRule(rule({ pattern: /key: (tok_[a-z0-9]{8})/ }), text);
    assert.deepEqual(first.map((f) => [f.secret, f.start]), [["tok_abcd1234", 5]]);
    const whole = runRule(rule({ pattern: /key: tok_[a-z0-9]{8}/ }), text);
    assert.deepEqual(whole.map((f) => [f.secret, f.start]), [["key: tok_abcd1234", 0]]);
  });

  it("finds the secret's own offset even when the same text occurs earlier in the match", () => {
    const text = 'tok_abcd1234 = "tok_abcd1234"';
    const found = runRule(rule({ pattern: /tok_[a-z0-9]{8} = "(?<secret>tok_[a-z0-9]{8})"/ }), text);
    assert.equal(found[0]!.start, 16);
  });

  it("skips the pattern when no keyword occurs (case-insensitively)", () => {
    const r = rule({ keywords: ["magic"], pattern: /tok_[a-z0-9]{8}/ });
    assert.equal(runRule(r, "tok_abcd1234").length, 0);
    assert.equal(runRule(r, "MAGIC tok_abcd1234").length, 1);
    assert.equal(passesKeywords(r, "no keyword here"), false);
  });

  it("drops matches below the entropy threshold and those validate rejects", () => {
    assert.equal(runRule(rule({ entropy: 3 }), "tok_aaaaaaaa").length, 0);
    assert.equal(runRule(rule({ entropy: 3 }), "tok_a1b2c3d4").length, 1);
    assert.equal(runRule(rule({ validate: (s) => s.endsWith("4") }), "tok_abcd1234 tok_abcd1235").length, 1);
  });

  it("judges a value repeated in a row once, and every other value on its own", () => {
    const seen: string[] = [];
    const r = rule({ validate: (s) => (seen.push(s), !s.endsWith("0")) });
    const text = "tok_abcd1234 tok_abcd1234 tok_abcd1234 tok_abcd1230 tok_abcd1230 tok_abcd1234";
    assert.deepEqual(
      runRule(r, text).map((f) => [f.secret, f.start]),
      [["tok_abcd1234", 0], ["tok_abcd1234", 13], ["tok_abcd1234", 26], ["tok_abcd1234", 65]],
    );
    assert.deepEqual(seen, ["tok_abcd1234", "tok_abcd1230", "tok_abcd1234"]);
    // A new text starts with no verdict.
    seen.length = 0;
    runRule(r, "tok_abcd1234");
    assert.deepEqual(seen, ["tok_abcd1234"]);
  });

  it("keeps the rule's own flags, ignores sticky, and never loops on empty matches", () => {
    assert.equal(runRule(rule({ pattern: /TOK_[A-Z0-9]{8}/i }), "tok_abcd1234").length, 1);
    assert.equal(runRule(rule({ pattern: /tok_[a-z0-9]{8}/y }), "xx tok_abcd1234").length, 1);
    assert.deepEqual(runRule(rule({ pattern: /(?:tok_[a-z0-9]{8})?/ }), "tok_ tok_abcd1234").map((f) => f.secret), ["tok_abcd1234"]);
  });

  it("is stateless between calls (no lastIndex carried over)", () => {
    const r = rule({});
    assert.equal(runRule(r, "tok_abcd1234").length, 1);
    assert.equal(runRule(r, "tok_abcd1234").length, 1);
    assert.equal(r.pattern.lastIndex, 0);
  });
});

describe("rule-runner: shannonEntropy", () => {
  it("computes bits per character", () => {
    assert.equal(shannonEntropy(""), 0);
    assert.equal(shannonEntropy("aaaa"), 0);
    assert.equal(shannonEntropy("abab"), 1);
    assert.equal(shannonEntropy("abcd"), 2);
    assert.ok(Math.abs(shannonEntropy("0123456789abcdef") - 4) < 1e-9);
  });
  it("handles non-ASCII and long strings the same way", () => {
    assert.ok(Math.abs(shannonEntropy("héllo") - (-(3 * 0.2 * Math.log2(0.2)) - 0.4 * Math.log2(0.4))) < 1e-9);
    assert.ok(Math.abs(shannonEntropy("ab".repeat(5000)) - 1) < 1e-9);
    // A second call after a non-ASCII one starts from clean counts.
    assert.equal(shannonEntropy("éa"), 1);
    assert.equal(shannonEntropy("zz"), 0);
  });
});
