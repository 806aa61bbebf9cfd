import type { Rule } from "./types.js";
import { runRule, type RuleMatch } from "./rule-runner.js";
import { allRules } from "../../rules/index.js";

// Runs many provider rules over one text with a single keyword pass. Calling
// `includes` once per keyword per rule would read a 10 KB file hundreds of
// times; one alternation regex over the lower-cased text reads it once, and
// only the rules whose keywords occurred run their patterns.

export interface CompiledRuleSet {
  rules: Rule[];
  /** One alternation of every keyword (longest first), `g`. Null when no rule has keywords. */
  keywordRe: RegExp | null;
  /** keyword → the rules it enables. */
  byKeyword: Map<string, Rule[]>;
  /** For each keyword, the other keywords it contains (if it occurs, they occur). */
  implied: Map<string, string[]>;
  /** Rules without keywords: always run. */
  always: Rule[];
}

export interface RuleHit extends RuleMatch {
  rule: Rule;
}

const compiledSets = new WeakMap<Rule[], CompiledRuleSet>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function compileRuleSet(rules: Rule[]): CompiledRuleSet {
  let set = compiledSets.get(rules);
  if (set) return set;
  const byKeyword = new Map<string, Rule[]>();
  const always: Rule[] = [];
  for (const rule of rules) {
    if (rule.keywords.length === 0) always.push(rule);
    for (const k of rule.keywords) {
      const list = byKeyword.get(k);
      if (list) list.push(rule);
      else byKeyword.set(k, [rule]);
    }
  }
  const keywords = [...byKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const implied = new Map<string, string[]>();
  for (const k of keywords) implied.set(k, keywords.filter((o) => o !== k && k.includes(o)));
  set = {
    rules,
    keywordRe: keywords.length ? new RegExp(keywords.map(escape).join("|"), "g") : null,
    byKeyword,
    implied,
    always,
  };
  compiledSets.set(rules, set);
  return set;
}

/**
 * The rules whose keyword pre-filter passes on `lower` (the lower-cased text),
 * each with a keyword that occurs (or "" for keyword-less rules).
 */
export function candidateRules(set: CompiledRuleSet, lower: string): Map<Rule, string> {
  const out = new Map<Rule, string>(set.always.map((r) => [r, ""]));
  const re = set.keywordRe;
  if (re) {
    const seen = new Set<string>();
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) {
      const k = m[0];
      // Restart one character later so that a keyword overlapping this one is not missed.
      re.lastIndex = m.index + 1;
      if (seen.has(k)) continue;
      seen.add(k);
      for (const r of set.byKeyword.get(k) ?? []) if (!out.has(r)) out.set(r, k);
      for (const o of set.implied.get(k) ?? []) {
        if (seen.has(o)) continue;
        seen.add(o);
        for (const r of set.byKeyword.get(o) ?? []) if (!out.has(r)) out.set(r, o);
      }
      if (seen.size === set.byKeyword.size) break;
    }
  }
  return out;
}

/** Every rule match in the text. */
export function runRules(set: CompiledRuleSet, text: string, lower: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const [rule, keyword] of candidateRules(set, lower)) {
    // The pre-filter has passed already: hand runRule the keyword that occurred
    // as its "lower-cased text" so that it does not search the whole text again.
    for (const m of runRule(rule, text, keyword || lower)) hits.push({ ...m, rule });
  }
  return hits;
}

/** The rules the options select: all by default, minus disabled, or only the enabled ones. */
export function selectRules(options: { rules?: Rule[]; enableRules?: string[]; disableRules?: string[] }): Rule[] {
  const base = options.rules ?? allRules;
  if (!options.enableRules?.length && !options.disableRules?.length) return base;
  const key = `${(options.enableRules ?? []).join(",")}|${(options.disableRules ?? []).join(",")}`;
  let perBase = selections.get(base);
  if (!perBase) selections.set(base, (perBase = new Map()));
  let chosen = perBase.get(key);
  if (!chosen) {
    const enable = options.enableRules?.length ? new Set(options.enableRules) : null;
    const disable = new Set(options.disableRules ?? []);
    chosen = base.filter((r) => (enable === null || enable.has(r.id)) && !disable.has(r.id));
    perBase.set(key, chosen);
  }
  return chosen;
}

// Cached so that the compiled set (keyed by array identity) is reused across calls.
const selections = new WeakMap<Rule[], Map<string, Rule[]>>();

export { allRules };
