import type { FileInfo } from "./file-kind.js";
import type { SecretKind } from "./types.js";
import type { CompiledRuleSet } from "./rule-set.js";
import { runRules } from "./rule-set.js";
import { rulePlaceholderReason } from "./rule-filter.js";
import { detectGeneric } from "./generic-detector.js";
import { judge } from "./judge.js";

// A secret written as string literals joined in code: `"sk_live_" + "…"` (JavaScript, Java, C#,
// Kotlin, Go, Swift, Python), `'…' . '…'` (PHP, Perl), `"…" .. "…"` (Lua), and literals that the
// language joins when they are adjacent: Python's implicit concatenation inside parentheses
// (https://docs.python.org/3/reference/lexical_analysis.html#string-literal-concatenation), C and
// C++'s adjacent literals, also across a `#define`'s `\` continuation (C11 §5.1.1.2 phases 2 and 6),
// Ruby's; in JavaScript and TypeScript also `["…", "…"].join("")` and template literals without a
// substitution. People split keys this way to get past push protection and grep. The literals are
// joined, the line is read again with the joined literal in their place (the provider rules and the
// `name = value` reader), and a finding covers the joined literals; its secret is the joined value,
// which is what a reader of the code gets at run time. A constant the file gives a literal once
// (`const part1 = "AIzaSy"`) is read as its literal when it heads the run (`part1 + "…" + "…"`).
//
// JavaScript is read differently (docs/detection.md "Blind corpus 11"): its joins are found from each
// `+` (indexOf), not from each quote, and a joined value is reported there only when its format says
// what it is (a provider rule, or a `user:password` being Base64-encoded), not by its name: JS joins
// literals at every turn and builds values from parts on purpose. Test files are not read at all: a
// test builds a canary from parts precisely so that it is no literal.

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
// only by white space, at most one line break (with C's `\`) between two of them. A template literal
// without a substitution (`\`…\``) is a literal too.
const LITERAL = String.raw`(?:"(?:[^"\\\n]|\\.){1,200}"|'(?:[^'\\\n]|\\.){1,200}'|` + "`" + String.raw`(?:[^` + "`" + String.raw`\\\n$]|\\.|\$(?!\{)){1,200}` + "`)";
const JOIN = String.raw`[ \t]*(?:(?:\+|\.\.?)[ \t]*)?(?:\\?\r?\n[ \t]*)?`;
const RUN = new RegExp(`${LITERAL}(?:${JOIN}${LITERAL}){1,7}`, "y");
// Where a literal's closing quote meets the next one's opening quote through a join: found first, as a
// regex that reads only the few characters between two quotes, so that RUN (which reads a literal's
// body) runs at those few places, not at every quote of a file (5x the scan's CPU on the npm corpus).
const JOIN_POINT = /["'`](?:[ \t]*(?:\+|\.\.?)[ \t]*(?:\\?\r?\n[ \t]*)?|[ \t]*\\?\r?\n[ \t]*)["'`]/g;
// `["sk_live_", "…"].join("")` (JavaScript, TypeScript): an array of two to eight literals joined with nothing.
const ARRAY_JOIN = new RegExp(String.raw`\[\s*${LITERAL}(?:\s*,\s*${LITERAL}){1,7}\s*,?\s*\]\.join\(\s*(?:""|''|` + "``" + String.raw`)\s*\)`, "y");
const PIECE = new RegExp(String.raw`"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|` + "`" + String.raw`((?:[^` + "`" + String.raw`\\\n]|\\.)*)` + "`", "g");
// A word a secret's name or call holds; the `name = value` reader runs only where one is near.
const SECRET_WORD = /pass|secret|token|key|auth|cred|pwd|bearer|btoa|basic/i;
// How much of the run's line, either side, is read with it: a name and its operator, or a call. A
// minified bundle is one line of megabytes, and reading it whole again at each of its joins made the
// scan quadratic there (100 ms for one 540 KB bundle).
const CONTEXT = 160;

/**
 * Joined literals in code that read as a secret. Not in a test file: a test builds a canary from parts
 * precisely so that it is no literal (this repository's own tests do), and a key an application splits
 * to get past push protection is in the application's code.
 */
export function detectConcatenated(text: string, info: FileInfo, set: CompiledRuleSet, found?: ReadonlySet<string>): ConcatenationHit[] {
  const hits: ConcatenationHit[] = [];
  if (info.testPath) return hits;
  let done = 0;
  // The closing quote of a literal a join follows: the run is read from the literal it closes.
  const runAt = (close: number): void => {
    // The left literal opens at the previous quote of the same kind on its line.
    const open = text.lastIndexOf(text[close]!, close - 1);
    if (open < 0 || close - open > 201 || text.slice(open, close).includes("\n")) return;
    RUN.lastIndex = open;
    const m = RUN.exec(text);
    if (m === null) return;
    done = open + m[0].length;
    const hit = judgeRun(text, info, set, m.index, m[0]);
    if (hit) hits.push(hit);
  };
  if (info.kind === "js") {
    // JavaScript joins literals with `+` only (adjacent literals are two statements there), and a `+` is
    // found with indexOf at memchr speed: the JOIN_POINT regex, which stops at every quote, read the
    // npm packages' JS at ~1 GB/s, 10x slower.
    for (let at = text.indexOf("+"); at !== -1; at = text.indexOf("+", at + 1)) {
      let l = at - 1;
      while (l >= done && isBlank(text.charCodeAt(l))) l--;
      if (l < done || !isQuote(text.charCodeAt(l))) continue;
      let r = at + 1;
      while (isBlank(text.charCodeAt(r))) r++;
      if (text.charCodeAt(r) === 13) r++;
      if (text.charCodeAt(r) === 10) for (r++; isBlank(text.charCodeAt(r)); r++);
      if (isQuote(text.charCodeAt(r))) runAt(l);
    }
  } else {
    JOIN_POINT.lastIndex = 0;
    for (let p = JOIN_POINT.exec(text); p !== null; p = JOIN_POINT.exec(text)) {
      if (p.index < done) continue;
      runAt(p.index);
      JOIN_POINT.lastIndex = Math.max(JOIN_POINT.lastIndex, done);
    }
  }
  // With `found` (the engine's keyword pass), only a text where `].join(` occurs is searched for it.
  if (info.kind === "js" && (found?.has("].join(") ?? true)) {
    for (let at = text.indexOf("].join("); at !== -1; at = text.indexOf("].join(", at + 7)) {
      const open = text.lastIndexOf("[", at);
      if (open === -1 || at - open > 1800) continue;
      ARRAY_JOIN.lastIndex = open;
      const m = ARRAY_JOIN.exec(text);
      if (m === null) continue;
      const hit = judgeRun(text, info, set, open, m[0]);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}

// `btoa("user:" + "…")`, `base64.b64encode(b"user:" b"…")`: a `user:password` being encoded for a Basic
// Authorization header (RFC 7617 §2), the one literal the JavaScript reader and the built-in detector
// read there (js-scanner.ts, builtin-detector.ts BASIC_ENCODE) written in parts.
const BASIC_ENCODE_CALL = /(?:(?:^|[^\w$.])btoa|Buffer\.from|b64encode|base64_encode|encode64|encodeToString)[ \t]*\([ \t]*b?$/;
const BASIC_USER = /^(?!(?:data|https?|urn|mailto|file|blob)$)[\w.@+-]{1,64}$/;

function basicCredential(before: string, joined: string, info: FileInfo): Omit<ConcatenationHit, "start" | "end"> | null {
  if (!BASIC_ENCODE_CALL.test(before)) return null;
  const colon = joined.indexOf(":");
  if (colon <= 0 || !BASIC_USER.test(joined.slice(0, colon))) return null;
  const password = joined.slice(colon + 1);
  const j = judge("password", password, "code", info.testPath, true);
  if (!j.secret) return null;
  return { ruleId: "generic-password", kind: "password", name: "password", confidence: j.confidence, provider: false, secret: password, reason: `string literals joined in code: user:password encoded for a Basic Authorization header; ${j.reason}` };
}

/**
 * The literal a name is given once in the file (`const part1 = "AIzaSy";`, `PART1 = 'AIzaSy'`,
 * `static final String P = "…";`), or null: not defined so, or defined more than once.
 */
function constantValue(text: string, name: string): string | null {
  const escaped = name.replace(/\$/g, "\\$");
  const def = new RegExp(String.raw`(?:^|[^\w$.])${escaped}[ \t]*(?::[ \t]*[\w.<>\[\]]+[ \t]*)?=[ \t]*(["'\x60])((?:(?!\1)[^\\\n]){1,120})\1[ \t]*;?[ \t]*\r?$`, "gm");
  const found = [...text.matchAll(def)];
  if (found.length !== 1) return null;
  // Assigned again elsewhere (`part1 = other`): its value at the join is not known.
  const assigned = text.split(new RegExp(String.raw`(?:^|[^\w$.])${escaped}[ \t]*=[^=]`, "m")).length - 1;
  return assigned === 1 ? found[0]![2]! : null;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/** The run of joined literals at `start` read as one literal under what stands around it on its line. */
function judgeRun(text: string, info: FileInfo, set: CompiledRuleSet, start: number, run: string): ConcatenationHit | null {
  const pieces: string[] = [];
  for (const p of run.matchAll(PIECE)) pieces.push((p[1] ?? p[2] ?? p[3] ?? "").replace(/\\(["'`\\])/g, "$1"));
  let joined = pieces.join("");
  // A secret has no white space; joined prose and SQL do, and are left alone.
  if (pieces.length < 2 || joined.length < 12 || joined.length > 400 || /\s/.test(joined)) return null;
  const end = start + run.length;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd === -1) lineEnd = text.length;
  let before = text.slice(Math.max(lineStart, start - CONTEXT), start);
  let after = text.slice(end, Math.min(lineEnd, end + CONTEXT));
  // `X = (\n "…"\n "…"\n)`: Python's parenthesised implicit concatenation reads as `X = "…"`.
  if (/[=:][ \t]*\([ \t]*$/.test(before) && /^[ \t]*\)/.test(after)) {
    before = before.replace(/\([ \t]*$/, "");
    after = after.replace(/^[ \t]*\)/, "");
  } else if (before.trim() === "" && lineStart > 0) {
    // The run opens its line: its name is on the line before (`X = (` then the literals).
    const prevStart = Math.max(text.lastIndexOf("\n", lineStart - 2) + 1, lineStart - 1 - CONTEXT);
    const prev = text.slice(prevStart, lineStart - 1).replace(/\r$/, "");
    if (/[=:][ \t]*[([]?[ \t]*$/.test(prev)) {
      before = prev.replace(/[([][ \t]*$/, "");
      after = after.replace(/^[ \t]*\)/, "");
    }
  }
  // `part1 + "…" + "…"` with `const part1 = "…"` in the same file: the constant is the value's head.
  const head = /(?:^|[^\w$.])([A-Za-z_$][\w$]{2,40})[ \t]*\+[ \t]*$/.exec(before);
  if (head) {
    const value = constantValue(text, head[1]!);
    if (value !== null) {
      joined = value + joined;
      before = before.replace(/[A-Za-z_$][\w$]*[ \t]*\+[ \t]*$/, "");
    }
  }
  const quote = run[0] === "[" ? '"' : run[0]!;
  const line = `${before}${quote}${joined}${quote}${after}`;
  const from = before.length + 1;
  const to = from + joined.length;
  const within = (s: number, e: number) => s < to && e > from;
  const ruleHit = runRules(set, line, line.toLowerCase()).find((h) => within(h.start, h.end) && rulePlaceholderReason(h.secret) === null);
  if (ruleHit) {
    const r = ruleHit.rule;
    return { ruleId: r.id, kind: r.kind, severity: r.severity, confidence: 0.9, provider: true, secret: joined, start, end, reason: `string literals joined in code form ${r.description.replace(/\.$/, "")}` };
  }
  if (!SECRET_WORD.test(before) && !SECRET_WORD.test(after)) return null;
  const basic = basicCredential(before, joined, info);
  if (basic) return { ...basic, start, end };
  // JavaScript joins literals at every turn, and builds values from parts on purpose (warm-up and
  // canary values written so that no scanner reads them as literals): there a joined value is reported
  // when its format says what it is (above), not guessed from its name.
  if (info.kind === "js") return null;
  const g = detectGeneric(line, info).find((h) => within(h.start, h.end));
  if (!g) return null;
  return { ruleId: g.ruleId, kind: g.kind, name: g.name, confidence: g.confidence, provider: false, secret: joined, start, end, reason: `string literals joined in code: ${g.reason}` };
}
