import type { FileInfo } from "./file-kind.js";
import type { SecretKind } from "./types.js";
import type { CompiledRuleSet } from "./rule-set.js";
import { runRules } from "./rule-set.js";
import { rulePlaceholderReason } from "./rule-filter.js";
import { detectGeneric } from "./generic-detector.js";

// A secret written as string literals joined in code: `"sk_live_" + "…"` (JavaScript, Java, C#,
// Kotlin, Go, Swift, Python), `'…' . '…'` (PHP, Perl), `"…" .. "…"` (Lua), and literals that the
// language joins when they are adjacent: Python's implicit concatenation inside parentheses
// (https://docs.python.org/3/reference/lexical_analysis.html#string-literal-concatenation), C and
// C++'s adjacent literals, also across a `#define`'s `\` continuation (C11 §5.1.1.2 phases 2 and 6),
// Ruby's. People split keys this way to get past push protection and grep. The literals are joined,
// the line is read again with the joined literal in their place (the provider rules and the
// `name = value` reader), and a finding covers the joined literals; its secret is the joined value,
// which is what a reader of the code gets at run time.

export interface ConcatenationHit {
  ruleId: string;
  kind: SecretKind;
  name?: string;
  secret: string;
  start: number;
  end: number;
  confidence: number;
  reason: string;
  severity?: "critical" | "high" | "medium" | "low";
  provider: boolean;
}

// Two to eight literals (single-line, escapes allowed), each joined to the last by an operator or
// only by white space, at most one line break (with C's `\`) between two of them.
const LITERAL = String.raw`(?:"(?:[^"\\\n]|\\.){1,200}"|'(?:[^'\\\n]|\\.){1,200}')`;
const JOIN = String.raw`[ \t]*(?:(?:\+|\.\.?)[ \t]*)?(?:\\?\r?\n[ \t]*)?`;
const RUN = new RegExp(`${LITERAL}(?:${JOIN}${LITERAL}){1,7}`, "y");
// Where a literal's closing quote meets the next one's opening quote through a join: found first, as a
// regex that reads only the few characters between two quotes, so that RUN (which reads a literal's
// body) runs at those few places, not at every quote of a file (5x the scan's CPU on the npm corpus).
const JOIN_POINT = /["'](?:[ \t]*(?:\+|\.\.?)[ \t]*(?:\\?\r?\n[ \t]*)?|[ \t]*\\?\r?\n[ \t]*)["']/g;
const PIECE = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;
// A word a secret's name or call holds; the `name = value` reader runs only where one is near.
const SECRET_WORD = /pass|secret|token|key|auth|cred|pwd|bearer|btoa|basic/i;

/** Joined literals in code that read as a secret. */
export function detectConcatenated(text: string, info: FileInfo, set: CompiledRuleSet): ConcatenationHit[] {
  const hits: ConcatenationHit[] = [];
  JOIN_POINT.lastIndex = 0;
  let done = 0;
  for (let p = JOIN_POINT.exec(text); p !== null; p = JOIN_POINT.exec(text)) {
    // The left literal opens at the previous quote of the same kind on its line.
    const close = p.index;
    if (close < done) continue;
    const open = text.lastIndexOf(text[close]!, close - 1);
    if (open < 0 || close - open > 201 || text.slice(open, close).includes("\n")) continue;
    RUN.lastIndex = open;
    const m = RUN.exec(text);
    if (m === null) continue;
    done = open + m[0].length;
    JOIN_POINT.lastIndex = Math.max(JOIN_POINT.lastIndex, done);
    const run = m[0];
    const pieces: string[] = [];
    for (const p of run.matchAll(PIECE)) pieces.push((p[1] ?? p[2] ?? "").replace(/\\(["'\\])/g, "$1"));
    const joined = pieces.join("");
    // A secret has no white space; joined prose and SQL do, and are left alone.
    if (pieces.length < 2 || joined.length < 12 || joined.length > 400 || /\s/.test(joined)) continue;
    const start = m.index;
    const end = start + run.length;
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    let lineEnd = text.indexOf("\n", end);
    if (lineEnd === -1) lineEnd = text.length;
    let before = text.slice(lineStart, start);
    let after = text.slice(end, lineEnd);
    // `X = (\n "…"\n "…"\n)`: Python's parenthesised implicit concatenation reads as `X = "…"`.
    if (/[=:][ \t]*\([ \t]*$/.test(before) && /^[ \t]*\)/.test(after)) {
      before = before.replace(/\([ \t]*$/, "");
      after = after.replace(/^[ \t]*\)/, "");
    } else if (before.trim() === "" && lineStart > 0) {
      // The run opens its line: its name is on the line before (`X = (` then the literals).
      const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
      const prev = text.slice(prevStart, lineStart - 1).replace(/\r$/, "");
      if (/[=:][ \t]*\([ \t]*$/.test(prev)) {
        before = prev.replace(/\([ \t]*$/, "");
        after = after.replace(/^[ \t]*\)/, "");
      }
    }
    const quote = run[0]!;
    const line = `${before}${quote}${joined}${quote}${after}`;
    const from = before.length + 1;
    const to = from + joined.length;
    const within = (s: number, e: number) => s < to && e > from;
    const ruleHit = runRules(set, line, line.toLowerCase()).find((h) => within(h.start, h.end) && rulePlaceholderReason(h.secret) === null);
    if (ruleHit) {
      const r = ruleHit.rule;
      hits.push({ ruleId: r.id, kind: r.kind, severity: r.severity, confidence: 0.9, provider: true, secret: joined, start, end, reason: `string literals joined in code form ${r.description.replace(/\.$/, "")}` });
      continue;
    }
    if (!SECRET_WORD.test(before) && !SECRET_WORD.test(after)) continue;
    const g = detectGeneric(line, info).find((h) => within(h.start, h.end));
    if (g) hits.push({ ruleId: g.ruleId, kind: g.kind, name: g.name, confidence: g.confidence, provider: false, secret: joined, start, end, reason: `string literals joined in code: ${g.reason}` });
  }
  return hits;
}
