import type { Rule } from "./types.js";
import { anchorLiteral, literalPrefixes } from "./literal-prefix.js";
import { shannonEntropy } from "./entropy.js";

// Rules and their tests import the entropy from here with the rest of the runner.
export { shannonEntropy };

// Runs one detection rule on one text, with the semantics every caller shares
// (the engine, the rules' own example tests, the rule-safety test):
//   1. keyword pre-filter: the rule runs only if one of its lower-case keywords
//      occurs in the lower-cased text;
//   2. the pattern runs with the `g` flag (and `d`, for group offsets) added;
//   3. the secret is the named group `secret`, else group 1, else the match;
//   4. it must reach the rule's Shannon entropy (bits per character), if any;
//   5. and pass the rule's `validate`, if any.

export interface RuleMatch {
  secret: string;
  /** Offsets of the secret in the text, end exclusive (UTF-16 code units). */
  start: number;
  end: number;
}

// One compiled global copy per rule pattern: `g` regexes carry `lastIndex`
// state, so the rule's own object is never run directly.
const compiled = new WeakMap<RegExp, RegExp>();

function globalCopy(pattern: RegExp): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) {
    // `y` (sticky) would stop the scan at the first non-match; drop it.
    const flags = new Set(pattern.flags.replace("y", ""));
    flags.add("g");
    flags.add("d");
    re = new RegExp(pattern.source, [...flags].join(""));
    compiled.set(pattern, re);
  }
  return re;
}

/** How a rule can run at known start offsets instead of scanning the whole text. */
export interface StartPlan {
  /** Strings every match starts with (lower-case when `ignoreCase`), 3+ characters each, or one it holds `back` characters in. */
  prefixes: string[];
  /** How far before an occurrence of a prefix a match can start: [0, 0] for prefixes, [min, max] for an anchor. */
  back: [number, number];
  ignoreCase: boolean;
  sticky: RegExp;
}

// Rules whose matches all start with known literals: the caller finds those
// (rule-set.ts does it in its one keyword pass) and the regex runs sticky
// there; literal-prefix.ts says why.
const plans = new WeakMap<RegExp, StartPlan | null>();

/** The rule's start plan, or null when its matches may start anywhere. */
export function startPlan(rule: Rule): StartPlan | null {
  const pattern = rule.pattern;
  let plan = plans.get(pattern);
  if (plan === undefined) {
    const flags = pattern.flags;
    const ignoreCase = flags.includes("i");
    // With `i` and `u`/`v`, case folding is Unicode's (`ſ` matches `s`, `K` (Kelvin) `k`): an ASCII scan would miss those.
    const unicodeFold = ignoreCase && (flags.includes("u") || flags.includes("v"));
    const prefixes = unicodeFold ? null : literalPrefixes(pattern.source, ignoreCase, flags);
    // The sticky copy is made when the rule first runs: every scan plans all
    // ~280 prefixed rules, and a small staged change runs a handful of them.
    let sticky: RegExp | undefined;
    // Without usable prefixes, a literal at a bounded distance into every match (`…{75,76}AZDO`).
    const anchor = unicodeFold || (prefixes !== null && prefixes.every((p) => p.length >= 3)) ? null : anchorLiteral(pattern.source, ignoreCase, flags);
    plan =
      anchor === null && (prefixes === null || prefixes.some((p) => p.length < 3))
        ? null
        : {
            prefixes: anchor === null ? prefixes! : [anchor.literal],
            back: anchor === null ? [0, 0] : [anchor.min, anchor.max],
            ignoreCase,
            get sticky() {
              return (sticky ??= new RegExp(pattern.source, `${[...new Set(pattern.flags.replace(/[gy]/g, ""))].join("")}dy`));
            },
          };
    plans.set(pattern, plan);
  }
  return plan;
}

/**
 * runRule's matches when the caller knows every offset where a match can
 * start (ascending): the same results as the global scan, because the
 * candidates are tried in order and none inside the previous match is tried,
 * exactly as the global scan advances. The keyword pre-filter is the caller's.
 */
export function runRuleAt(rule: Rule, plan: StartPlan, text: string, starts: ArrayLike<number>): RuleMatch[] {
  const out: RuleMatch[] = [];
  const re = plan.sticky;
  const last: LastVerdict = { secret: undefined, ok: false };
  let from = 0;
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i]!;
    if (at < from) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    from = at + Math.max(1, m[0].length);
    accept(rule, m, out, last);
  }
  return out;
}

/** Does the rule's keyword pre-filter let this (already lower-cased) text through? */
export function passesKeywords(rule: Rule, lowerText: string): boolean {
  if (rule.keywords.length === 0) return true;
  for (const k of rule.keywords) if (lowerText.includes(k)) return true;
  return false;
}

/**
 * Every secret the rule finds in the text, in order. `lowerText` may be passed
 * when the caller already lower-cased the text for many rules.
 */
export function runRule(rule: Rule, text: string, lowerText?: string): RuleMatch[] {
  if (!passesKeywords(rule, lowerText ?? text.toLowerCase())) return [];
  const out: RuleMatch[] = [];
  const re = globalCopy(rule.pattern);
  re.lastIndex = 0;
  const last: LastVerdict = { secret: undefined, ok: false };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++; // never loop on an empty match
    accept(rule, m, out, last);
  }
  return out;
}

/**
 * The verdict (entropy, validate) on the last secret a rule judged in one
 * text. Both are functions of the secret alone, and a text often holds one
 * value many times in a row (a bundle inlining a key in every chunk, a log
 * repeating a line): the repeat costs a string comparison instead of the
 * placeholder checks, ~60 µs of them per candidate for hmac-key-literal
 * (1 MB of its example line: 11,500 candidates, ~700 ms of CPU before).
 */
interface LastVerdict {
  secret: string | undefined;
  ok: boolean;
}

/** Applies steps 3-5 to one regex match. */
function accept(rule: Rule, m: RegExpExecArray, out: RuleMatch[], last: LastVerdict): void {
  let secret = m[0];
  let start = m.index;
  if (m.groups?.secret !== undefined) {
    secret = m.groups.secret;
    start = m.indices?.groups?.secret?.[0] ?? start;
  } else if (m.length > 1 && m[1] !== undefined) {
    secret = m[1];
    start = m.indices?.[1]?.[0] ?? start;
  }
  if (secret.length === 0) return;
  if (secret !== last.secret) {
    last.secret = secret;
    last.ok = (rule.entropy === undefined || shannonEntropy(secret) >= rule.entropy) && (rule.validate === undefined || rule.validate(secret));
  }
  if (!last.ok) return;
  out.push({ secret, start, end: start + secret.length });
}
