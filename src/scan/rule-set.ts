import type { Rule } from "./types.js";
import { runRule, runRuleAt, startPlan, type RuleMatch } from "./rule-runner.js";
import { allRules } from "../../rules/index.js";
import { buildKeywordTable, findKeywords, type KeywordFollow, type KeywordTable } from "./keyword-table.js";
import { prefixFollow } from "./match-shape.js";
import { PRECOMPUTED_FOLLOWS } from "./keyword-follow-table.js";
import { HEAD_KEYWORDS } from "./secret-name.js";
import { SDK_CALL_MARKS } from "./sdk-call-table.js";
import { DECODED_FORM_MARKS, DECODER_CALL_MARKS } from "./decoder-marks.js";
import { HASHER_MARKS } from "./hasher-marks.js";
import { NEIGHBOUR_MARKS } from "./neighbour-marks.js";
import { DEBUGGER_MARKS, TOOL_PASSWORD_MARKS } from "./tool-password-marks.js";
import { KEY_VALUE_MARKS } from "./key-value-marks.js";
import { SQL_SECRET_MARKS } from "./sql-secret-marks.js";

// Runs many provider rules over one text with a single keyword pass. Calling
// `includes` once per keyword would read a file hundreds of times, and one
// alternation regex of ~300 keywords runs at ~40 MB/s (V8 tries every
// alternative at every position). Instead keyword-table.ts finds every keyword
// in one loop over the text, and only the rules whose keywords occur run their
// patterns, with exactly the semantics of rule-runner.ts.

export interface CompiledRuleSet {
  rules: Rule[];
  /** Distinct keywords, lower-case (the rules' keywords, then ENGINE_KEYWORDS). */
  keywords: string[];
  keywordIndex: Map<string, number>;
  /** keyword index → the rules it enables. */
  rulesOf: Rule[][];
  /** The keyword pass's tables (keywords of 2+ characters). */
  table: KeywordTable;
  /** Keywords of 2 ASCII characters: index and every upper/lower-case spelling (searched with `indexOf` when ranges are skipped). */
  shortKeywords: Array<[number, string[]]>;
  /** The indices of shortKeywords' keywords. */
  shortIndices: number[];
  /** Rules without keywords: always run. */
  always: Rule[];
  /** keyword index → 1 when the pass records where it occurs (a rule's literal prefix). */
  wantPositions: Uint8Array;
  /** Rules whose matches start with literal prefixes: the keyword index of each prefix, and its exact spelling when case matters. */
  prefixed: Map<Rule, Array<{ k: number; exact: string | null }>>;
  /** Rules found by an anchor literal inside their matches (rule-runner.ts StartPlan.back): how far before it a match can start. */
  anchored: Map<Rule, [number, number]>;
  /** keyword index → 1 for the generic detector's head words (GENERIC_HEADS): every occurrence is recorded. */
  headWord: Uint8Array;
  /** keyword index → what an occurrence of a literal prefix needs around it to be recorded (past the first in a text), or null. */
  readonly follows: Array<KeywordFollow | null>;
}

export interface RuleHit extends RuleMatch {
  rule: Rule;
}

const compiledSets = new WeakMap<Rule[], CompiledRuleSet>();

/**
 * The generic detector's head words (generic-detector.ts): the pass records
 * every place one starts, so that the detector neither lower-cases the text
 * nor searches it again. Longest first where one contains another.
 */
export const GENERIC_HEADS = HEAD_KEYWORDS;

/**
 * Words the engine's own detectors wait for (builtin-detector.ts, generic-detector.ts),
 * found in the same pass as the rules' keywords so that no detector searches the
 * whole text again just to learn that it has nothing to do. Their order gives the
 * indices of those that are no rule's keyword (the bundle's tables are computed for it).
 */
export const ENGINE_KEYWORDS = [
  "private key", "://", "authorization", "--user", "-u ", "--pass", "--requirepass", "-password", "login", "identified", "password '", 'password "',
  ...HEAD_KEYWORDS,
  "jwt.", "jose.", "jsonwebtoken.", "process.env", "import.meta.env", "sealedsecret",
  // The JS parse pre-check's marks (js-scanner.ts ARGV_FLAG_MARKS, the crypto calls): searching the whole
  // text for each cost more than the rest of the pre-check (`includes` of a pattern that starts with a quote
  // stops at every quote), while the pass sees them for nothing.
  '"-p"', "'-p'", '"--password"', "'--password'", '"--token"', "'--token'", '"--api-key"', "'--api-key'", "createcipheriv(", "createdecipheriv(",
  // builtin-detector.ts's code-call gates (PDO, `.bearer_auth(`/`forHTTPHeaderField`, the base64 encoders of a
  // Basic `user:password`): found by the pass for nothing, where an `includes` of each searched every code
  // file's whole text once more (~0.7 ms per MB each, seven of them).
  "pdo", "bearer_auth", "forhttpheaderfield", "b64encode", "base64_encode", "encode64", "encodetostring",
  // js-scanner.ts mayReadEnv: the process module named (`import { env } from "node:process"`, `require("process")`).
  '"process"', "'process'", "node:process",
  // Gates of code the pass sees for nothing, where an `includes` of each read every code file once more:
  // SQL held in code (builtin-detector.ts), arrays joined into a literal (concatenation.ts), multi-line
  // string literals (text-block.ts).
  "insert into", "].join(", '"""', "'''",
  // SDK calls taking a credential by position (sdk-call-table.ts).
  ...SDK_CALL_MARKS,
  // Literals a decoder is handed (decoded-literals.ts): a search of every code text for them cost 0.9 s of CPU on the benchmark corpus.
  ...DECODER_CALL_MARKS, ...DECODED_FORM_MARKS,
  // Password hashers handed a literal (hashed-literals.ts): a search of every text for them cost 174 ms of CPU on aws-sdk alone.
  ...HASHER_MARKS,
  // Values named beside them (named-by-neighbour.ts): three searches of every text cost 115 ms of CPU on aws-sdk alone.
  ...NEIGHBOUR_MARKS,
  // Passwords given to tools, strings a debugger printed (tool-password-marks.ts): nine searches of every text outside code.
  ...TOOL_PASSWORD_MARKS, ...DEBUGGER_MARKS,
  // The `Value` column of a `Key  Value` output table (key-value-marks.ts): a line-anchored search of every document and configuration text.
  ...KEY_VALUE_MARKS,
  // DuckDB's CREATE SECRET, foreign-data wrappers' OPTIONS (sql-secret-marks.ts): a case-insensitive search of every text outside code.
  ...SQL_SECRET_MARKS,
];

/**
 * Engine keywords whose every offset the pass records (until one per 256 characters, like a rule's
 * prefix), so that the built-in detectors (builtin-detector.ts) run their patterns there only instead
 * of searching the whole text again: `://` (URL passwords), `authorization` (Authorization headers),
 * `identified` (SQL `IDENTIFIED BY`; `password` is at the head offsets of `pass`); and where
 * `process.env` and `import.meta.env` are, for the lexical environment reader (env-references.ts) and
 * the parse pre-check (js-scanner.ts `mayReadEnv`), which searched each JS text for them twice.
 */
export const ENGINE_POSITION_KEYWORDS = ["://", "authorization", "identified", "process.env", "import.meta.env", ...DECODER_CALL_MARKS];

/** Offsets of ENGINE_POSITION_KEYWORDS in a text: ascending, or null when too frequent to be recorded; absent when the keyword does not occur. */
export type KeywordOffsets = ReadonlyMap<string, readonly number[] | null>;

export function compileRuleSet(rules: Rule[]): CompiledRuleSet {
  let set = compiledSets.get(rules);
  if (set) return set;
  const index = new Map<string, number>();
  const keywords: string[] = [];
  const rulesOf: Rule[][] = [];
  const always: Rule[] = [];
  /** The keyword's index, added (enabling no rule yet) on first sight. */
  const keywordIndex = (k: string): number => {
    let i = index.get(k);
    if (i === undefined) {
      i = keywords.length;
      index.set(k, i);
      keywords.push(k);
      rulesOf.push([]);
    }
    return i;
  };
  for (const rule of rules) {
    if (rule.keywords.length === 0) always.push(rule);
    for (const raw of rule.keywords) {
      const k = raw.toLowerCase();
      if (k.length === 0) {
        always.push(rule);
        continue;
      }
      const i = keywordIndex(k);
      if (!rulesOf[i]!.includes(rule)) rulesOf[i]!.push(rule);
    }
  }
  for (const k of ENGINE_KEYWORDS) keywordIndex(k);
  // Literal prefixes (rule-runner.ts startPlan) are keywords too, enabling no
  // rule by themselves: the pass records their offsets, and the rule's regex
  // runs only there instead of over the whole text.
  const prefixed = new Map<Rule, Array<{ k: number; exact: string | null }>>();
  const anchored = new Map<Rule, [number, number]>();
  for (const rule of rules) {
    const plan = startPlan(rule);
    if (plan === null) continue;
    if (plan.back[1] > 0) anchored.set(rule, plan.back);
    prefixed.set(
      rule,
      plan.prefixes.map((p) => ({ k: keywordIndex(p.toLowerCase()), exact: plan.ignoreCase ? null : p })),
    );
  }
  const headWord = new Uint8Array(keywords.length);
  for (const h of GENERIC_HEADS) headWord[index.get(h)!] = 1;
  const wantPositions = new Uint8Array(keywords.length);
  for (const list of prefixed.values()) for (const { k } of list) wantPositions[k] = 1;
  for (const k of ENGINE_POSITION_KEYWORDS) wantPositions[index.get(k)!] = 1;
  const shortKeywords: Array<[number, string[]]> = [];
  keywords.forEach((k, i) => {
    if (k.length === 1) {
      // A one-character keyword passes almost every text: treat its rules as always-on.
      for (const r of rulesOf[i]!) if (!always.includes(r)) always.push(r);
      return;
    }
    // Not a keyword with a character above U+007F (`密码`, `토큰`: foreign-words.ts): the skipped ranges hold
    // ASCII alone (keywordPass), so none of its occurrences lies in one or reaches into one, and the pass's
    // search over the segments (keyword-table.ts `other`) has found them all. Searching every source map
    // for the nine such head words again, whole, cost ~40 ms per corpus scan.
    if (k.length === 2 && !/[^\x00-\x7f]/.test(k)) {
      const spellings = [""];
      for (const ch of k) {
        const up = ch.toUpperCase();
        const next: string[] = [];
        for (const p of spellings) next.push(p + ch, ...(up !== ch && up.length === 1 ? [p + up] : []));
        spellings.splice(0, spellings.length, ...next);
      }
      shortKeywords.push([i, spellings]);
    }
  });
  let followList: Array<KeywordFollow | null> | undefined;
  const followsOnce = () => (followList ??= prefixFollows(keywords, prefixed, anchored, wantPositions, headWord));
  // Computed when the pass first runs its WebAssembly loop (keyword-table.ts resolveFollow).
  const table = buildKeywordTable(keywords, { follow: followsOnce });
  set = {
    rules, keywords, keywordIndex: index, rulesOf, table, shortKeywords, shortIndices: shortKeywords.map(([k]) => k), always, wantPositions, prefixed, anchored, headWord,
    get follows() {
      return followsOnce();
    },
  };
  compiledSets.set(rules, set);
  return set;
}

/**
 * For each keyword recorded only as a literal prefix (not a head word, not an engine position
 * keyword, not the anchor of a rule found by a literal inside its matches): what the characters
 * around an occurrence must be for one of its rules to match there (match-shape.ts), so that
 * the pass records only those. `app` of `app[_.-]?secret…` needs one of `_ . - s` after it,
 * `pat` of `(?<![A-Za-z0-9_-])pat[A-Za-z0-9]{14}\.…` no word character before it.
 */
function prefixFollows(keywords: string[], prefixed: Map<Rule, Array<{ k: number }>>, anchored: Map<Rule, [number, number]>, want: Uint8Array, head: Uint8Array, usePrecomputed = true): Array<KeywordFollow | null> {
  const rulesOf = new Map<number, Rule[]>();
  for (const [rule, list] of prefixed) {
    for (const { k } of list) {
      let rules = rulesOf.get(k);
      if (rules === undefined) rulesOf.set(k, (rules = []));
      if (!rules.includes(rule)) rules.push(rule);
    }
  }
  const engine = new Set(ENGINE_POSITION_KEYWORDS);
  const known = usePrecomputed ? precomputedFollows() : null;
  return keywords.map((k, i) => {
    const rules = rulesOf.get(i);
    if (want[i] !== 1 || head[i] === 1 || engine.has(k) || rules === undefined || rules.some((r) => anchored.has(r))) return null;
    // Built-in rules only: the bundle's entry, computed from every built-in rule with this
    // prefix, asks for no more than a subset of them would (its sets are unions, its
    // not-before set an intersection).
    if (known !== null && rules.every((r) => builtInRules.has(r))) return known.get(k) ?? null;
    return prefixFollow(k, rules.map((r) => r.pattern));
  });
}

const builtInRules = new Set(allRules);

let follows: Map<string, KeywordFollow> | null | undefined;

/** PRECOMPUTED_FOLLOWS decoded (once), or null outside the bundle. */
function precomputedFollows(): Map<string, KeywordFollow> | null {
  if (follows !== undefined) return follows;
  if (PRECOMPUTED_FOLLOWS === null) return (follows = null);
  const sets = PRECOMPUTED_FOLLOWS.sets.map((b64) => new Uint8Array(Buffer.from(b64, "base64")));
  follows = new Map(PRECOMPUTED_FOLLOWS.follows.map(([k, after, notBefore]) => [k, { after: after.map((i) => sets[i]!), notBefore: notBefore < 0 ? null : sets[notBefore]! }]));
  return follows;
}

/** What the bundle's PRECOMPUTED_FOLLOWS holds: prefixFollows of the built-in rules, computed here (scripts/bundle.js). */
export function builtInFollows(): { sets: string[]; follows: Array<[string, number[], number]> } {
  const set = compileRuleSet(allRules);
  const list = prefixFollows(set.keywords, set.prefixed, set.anchored, set.wantPositions, set.headWord, false);
  const sets: string[] = [];
  const index = (s: Uint8Array) => {
    const hex = Buffer.from(s).toString("base64");
    let i = sets.indexOf(hex);
    if (i === -1) i = sets.push(hex) - 1;
    return i;
  };
  const out: Array<[string, number[], number]> = [];
  list.forEach((f, k) => {
    if (f !== null) out.push([set.keywords[k]!, f.after.map(index), f.notBefore === null ? -1 : index(f.notBefore)]);
  });
  return { sets, follows: out };
}

/**
 * Indices of the keywords that occur in `text` (case-insensitive for ASCII letters).
 * Keywords of 3+ characters: the trigram loop. Keywords of 2 characters (few):
 * `includes` of each upper/lower-case spelling, which V8 runs at memory speed.
 */
export function keywordsIn(set: CompiledRuleSet, text: string): number[] {
  return keywordPass(set, text, null, null);
}

/** Offsets of the prefix keywords found by the last pass, or null for one that occurs too often to be worth it. */
interface PassPositions {
  set: CompiledRuleSet;
  text: string;
  lists: Array<number[] | null | undefined>;
}

// The positions of the last `scanKeywords` pass: runRulesWith, called next on
// the same text, reads them (a module-level slot keeps the engine's calls unchanged).
let lastPass: PassPositions | null = null;

/**
 * The keyword pass. With `positions`, every occurrence of a keyword that is a
 * literal prefix is recorded, up to one per 256 characters: beyond that a
 * sticky exec per candidate costs more than the rule's own global scan, and
 * the keyword's list becomes null. With `heads`, the offset of every
 * occurrence of a generic head word is appended (ascending per keyword, not
 * overall). `skip`: ascending, disjoint ranges [start, end) of ASCII
 * characters where no keyword is looked for (source-map.ts: a source map's
 * `mappings`, VLQ characters): an occurrence counts only if it lies wholly
 * outside them; 2-character ASCII keywords are still searched in the whole
 * text (their head offsets are not recorded when they start inside a skipped
 * range).
 */
export function keywordPass(set: CompiledRuleSet, text: string, positions: Array<number[] | null | undefined> | null, heads: number[] | null, skip?: ReadonlyArray<readonly [number, number]>): number[] {
  const found: number[] = [];
  const limit = 16 + (text.length >> 8);
  const sink = { want: positions === null ? null : set.wantPositions, positions, head: heads === null ? null : set.headWord, heads };
  if (skip === undefined || skip.length === 0) {
    findKeywords(set.table, text, [[0, text.length]], limit, sink, found);
    return found;
  }
  const segments: Array<readonly [number, number]> = [];
  let from = 0;
  for (const [a, b] of skip) {
    segments.push([from, a]);
    from = b;
  }
  segments.push([from, text.length]);
  findKeywords(set.table, text, segments, limit, sink, found);
  // The 2-character keywords count anywhere in the text, as before ranges were skipped, and a head
  // word's offsets are those not inside a range. The pass has found the occurrences lying wholly in
  // the segments; the others either start just before a range (the last character of a segment, not
  // itself in a range: a head offset) or inside one. A search of the whole text per spelling (what
  // this did before) cost 90 ms per pass on the corpus's 87 MB of source maps, where a case-folded
  // 2-letter word such as "pw" is common in the base64 of `mappings`; it now runs only for a keyword
  // the rest did not find.
  const short: number[] = [];
  for (const [k, spellings] of set.shortKeywords) {
    let any = found.includes(k);
    const head = heads !== null && set.headWord[k] === 1;
    let prevEnd = 0;
    for (const [a, b] of skip) {
      if (a - 1 >= prevEnd && spellings.some((sp) => text.startsWith(sp, a - 1))) {
        any = true;
        if (head) heads.push(a - 1);
      }
      prevEnd = b;
    }
    // Found nowhere else: an occurrence anywhere is one inside a range.
    if (!any) any = spellings.some((sp) => text.includes(sp));
    if (any) short.push(k);
    // Positions from the segments alone would leave out the ranges: the rule scans the whole text.
    if (positions !== null && set.wantPositions[k] === 1) positions[k] = any ? null : undefined;
  }
  // In the order of before: the 2-character keywords first.
  if (short.length === 0 && !set.shortIndices.some((k) => found.includes(k))) return found;
  return [...short, ...found.filter((k) => !set.shortIndices.includes(k))];
}

/**
 * The rules whose keyword pre-filter passes on the text, each with a keyword
 * that occurs (or "" for keyword-less rules). `lower` is accepted for callers
 * that have it; the matcher folds case itself.
 */
export function candidateRules(set: CompiledRuleSet, text: string): Map<Rule, string> {
  const out = new Map<Rule, string>(set.always.map((r) => [r, ""]));
  for (const k of keywordsIn(set, text)) {
    for (const r of set.rulesOf[k]!) if (!out.has(r)) out.set(r, set.keywords[k]!);
  }
  return out;
}

/**
 * The keywords (rules' and engine's) that occur in the text, as strings. With
 * `heads`, the offsets where a generic head word starts are appended to it, in
 * ascending order. Nothing is looked for inside the `skip` ranges.
 */
export function scanKeywords(set: CompiledRuleSet, text: string, heads?: number[], skip?: ReadonlyArray<readonly [number, number]>, offsets?: Map<string, readonly number[] | null>): Set<string> {
  const container = passLists(set);
  const lists = container.lists;
  const found = keywordPass(set, text, lists, heads ?? null, skip);
  container.touched = found;
  if (heads !== undefined) sortOffsets(heads);
  lastPass = { set, text, lists };
  if (offsets !== undefined) {
    for (const k of ENGINE_POSITION_KEYWORDS) {
      const list = lists[set.keywordIndex.get(k)!];
      if (list !== undefined) offsets.set(k, list);
    }
  }
  return new Set(found.map((k) => set.keywords[k]!));
}

// The keyword → offsets container of the last pass, per rule set. A fresh `[]` per text cost ~15 KB
// of garbage for most files: the pass stores at keyword indices up to ~830, and V8 grows an empty
// array's holey backing store to the highest index written (plus slack) at the first such store;
// over the corpus's 22.5 K files that was ~200 MB of the ~1.1 GB the scan allocates (sampling heap
// profile, objects collected by scavenges included). Only the container is reused: the lists in it
// are new arrays every pass, so an `offsets` map filled from an earlier pass keeps its own lists
// (lastPass, the container's other reader, is always the latest pass). Every entry a pass sets is
// a keyword it returns as found, so only those are cleared before the next pass (a `fill` of all
// ~830 entries per file cost ~80 ms per corpus scan); after a pass that threw, all of them.
interface PassContainer {
  lists: Array<number[] | null | undefined>;
  /** The keywords the last pass found, or null when it did not finish. */
  touched: number[] | null;
}

const passContainers = new WeakMap<CompiledRuleSet, PassContainer>();

function passLists(set: CompiledRuleSet): PassContainer {
  let c = passContainers.get(set);
  if (c === undefined) {
    c = { lists: Array.from({ length: set.keywords.length }, () => undefined), touched: [] };
    passContainers.set(set, c);
  }
  if (c.touched === null) c.lists.fill(undefined);
  else for (const k of c.touched) c.lists[k] = undefined;
  c.touched = null;
  return c;
}

/** Sorts offsets in place (ascending); the pass's lists are nearly sorted already. */
function sortOffsets(list: number[]): void {
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1]! > list[i]!) {
      list.sort((x, y) => x - y);
      return;
    }
  }
}

/**
 * Where the rule's matches can start, from the last keyword pass over this
 * text, or null when the rule must scan the whole text (no prefixes, no pass
 * for this text, or a prefix too frequent).
 */
function startsFor(set: CompiledRuleSet, rule: Rule, text: string): number[] | null {
  const prefixes = set.prefixed.get(rule);
  if (prefixes === undefined || lastPass === null || lastPass.set !== set || lastPass.text !== text) return null;
  let starts: number[] = [];
  for (const { k, exact } of prefixes) {
    const list = lastPass.lists[k];
    if (list === null) return null;
    if (list === undefined) continue; // does not occur
    for (const at of list) if (exact === null || text.startsWith(exact, at)) starts.push(at);
  }
  const back = set.anchored.get(rule);
  if (back !== undefined) {
    // An anchor min…max characters into the match: every start in that window, once.
    const [min, max] = back;
    const window: number[] = [];
    let next = 0;
    for (const at of starts) {
      for (let s = Math.max(next, at - max); s <= at - min; s++) window.push(s);
      next = Math.max(next, at - min + 1);
    }
    return window;
  }
  if (prefixes.length > 1) starts = starts.sort((a, b) => a - b);
  return starts;
}

/** Every rule match in the text, given the keywords found by `scanKeywords`. */
export function runRulesWith(set: CompiledRuleSet, text: string, found: Set<string>): RuleHit[] {
  const hits: RuleHit[] = [];
  const seen = new Set<Rule>();
  const run = (rule: Rule, keyword: string) => {
    if (seen.has(rule)) return;
    seen.add(rule);
    // The pre-filter has passed: runRule gets the keyword as its "lower-cased text".
    const starts = startsFor(set, rule, text);
    const matches = starts === null ? runRule(rule, text, keyword) : runRuleAt(rule, startPlan(rule)!, text, starts);
    for (const m of matches) hits.push({ ...m, rule });
  };
  for (const r of set.always) run(r, r.keywords[0] ?? "");
  for (const k of found) {
    const i = set.keywordIndex.get(k);
    if (i !== undefined) for (const r of set.rulesOf[i]!) run(r, k);
  }
  // The offsets have served: do not keep the text (and them) alive until the next file.
  if (lastPass !== null && lastPass.text === text) lastPass = null;
  return hits;
}

/** Every rule match in the text. */
export function runRules(set: CompiledRuleSet, text: string, lower: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const [rule, keyword] of candidateRules(set, text)) {
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
