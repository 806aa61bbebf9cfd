import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { allRules } from "../../rules/index.js";
import { runRule, shannonEntropy, passesKeywords } from "./rule-runner.js";
import type { Rule } from "./types.js";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The meta-check every rule passes (ESLint's checkRuleFiles + RuleTester in
// one): naming and metadata conventions, then the rule's own examples run
// with the engine's semantics (src/scan/rule-runner.ts).

const KINDS = new Set([
  "api-key", "token", "private-key", "password", "database-credential", "connection-string",
  "webhook", "cloud-credential", "generic-secret", "browser-exposed",
]);
const SEVERITIES = new Set(["critical", "high", "medium", "low"]);

describe("rules: metadata", () => {
  it("there are at least 150 rules", () => {
    assert.ok(allRules.length >= 150, `only ${allRules.length} rules`);
  });

  it("ids are kebab-case, at least two words, and unique", () => {
    const seen = new Set<string>();
    for (const r of allRules) {
      assert.match(r.id, /^[a-z0-9]+(?:-[a-z0-9]+)+$/, `bad id ${r.id}`);
      assert.ok(!seen.has(r.id), `duplicate id ${r.id}`);
      seen.add(r.id);
    }
  });

  for (const r of allRules) {
    it(`${r.id}: metadata is complete`, () => {
      assert.ok(r.description.trim().length >= 10, "description too short");
      assert.ok(/^[A-Za-z0-9]/.test(r.description) && !r.description.endsWith("."), "description starts with a letter or digit, no final period");
      assert.ok(KINDS.has(r.kind), `unknown kind ${r.kind}`);
      assert.ok(SEVERITIES.has(r.severity), `unknown severity ${r.severity}`);
      assert.ok(r.keywords.length > 0, "no keywords");
      for (const k of r.keywords) {
        assert.equal(k, k.toLowerCase(), `keyword ${k} is not lower-case`);
        assert.ok(k.length >= 2, `keyword ${JSON.stringify(k)} too short to filter anything`);
      }
      assert.ok(!r.pattern.flags.includes("g") && !r.pattern.flags.includes("y"), "pattern must not carry g/y: the runner adds g");
      if (r.entropy !== undefined) assert.ok(r.entropy > 0 && r.entropy < 6, "entropy is bits per character");
      assert.match(r.docs ?? "", /^https:\/\//, "docs: where the format is documented");
    });
  }
});

function describeMatches(rule: Rule, text: string): string {
  const lower = text.toLowerCase();
  return `keywords ${passesKeywords(rule, lower) ? "pass" : "FAIL"}; raw pattern ${new RegExp(rule.pattern.source, rule.pattern.flags).test(text) ? "matches" : "does not match"}`;
}

describe("rules: examples", () => {
  for (const r of allRules) {
    it(`${r.id}: invalid examples are found, valid ones are not`, () => {
      assert.ok(r.examples.invalid.length >= 1, "needs at least one invalid example");
      assert.ok(r.examples.valid.length >= 1, "needs at least one valid example");
      const all = [...r.examples.invalid, ...r.examples.valid];
      assert.equal(new Set(all).size, all.length, "duplicate examples");
      for (const text of r.examples.invalid) {
        const found = runRule(r, text);
        assert.ok(found.length >= 1, `no finding in invalid example (${describeMatches(r, text)}):\n${text}`);
        for (const f of found) {
          assert.equal(text.slice(f.start, f.end), f.secret, "offsets point at the secret");
          if (r.entropy !== undefined) assert.ok(shannonEntropy(f.secret) >= r.entropy);
        }
      }
      for (const text of r.examples.valid) {
        const found = runRule(r, text);
        assert.equal(found.length, 0, `finding in valid example:\n${text}`);
      }
    });
  }
});

describe("rules: documentation", () => {
  it("docs/rules.md is what scripts/rules-doc.js generates from the rules", () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const generated = spawnSync(process.execPath, ["scripts/rules-doc.js"], { cwd: root, encoding: "utf8", timeout: 30_000 });
    assert.equal(generated.status, 0, generated.stderr);
    const committed = readFileSync(`${root}docs/rules.md`, "utf8");
    assert.ok(committed === generated.stdout, "docs/rules.md is stale: run `node scripts/rules-doc.js > docs/rules.md`");
  });
});
