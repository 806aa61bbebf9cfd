import type { Finding, RawFinding } from "./types.js";
import { GlobSet } from "./glob.js";
import type { Allowlist } from "../config/schema.js";

// Post-processing as a chain of small pure filters (secretlint and ESLint do
// the same): inline allow comments → config allowlists → baseline →
// de-duplicate → sort. The first two need the secret or the file's text, so
// they run where the text is (in the worker, per file); the last three run on
// the merged findings in the main thread.

/**
 * `vaultshift:allow` after a comment opener of any common syntax: `//`, `#`,
 * `/*`, `<!--`, `--` (SQL, Lua, Haskell), `;` (INI, Lisp, assembly), `%`
 * (TeX, Erlang), `'` / `REM` (VB, batch). The opener must precede the marker on
 * the line, so a string literal that merely mentions it elsewhere still counts
 * only if it reads like a comment; that is the trade-off gitleaks makes too.
 */
const ALLOW_COMMENT = /(?:\/\/|#|\/\*|<!--|--|;|%|'|\bREM\b|\{\{!?--?)[^\n]*?\bvaultshift:allow\b/i;
/** A line that is only a comment carrying the marker: it covers the next line. */
const ALLOW_LINE_BEFORE = /^\s*(?:\/\/|#|\/\*|\*|<!--|--|;|%|'|REM\b|\{\{!?--?)[^\n]*?\bvaultshift:allow\b/i;

/** Start offset of every line (index 0 = line 1). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Drop findings on a line carrying `vaultshift:allow`, or right below a comment line that does. */
export function filterInlineAllowed<T extends { line: number }>(text: string, findings: T[]): { kept: T[]; suppressed: number } {
  if (findings.length === 0 || !/vaultshift:allow/i.test(text)) return { kept: findings, suppressed: 0 };
  const starts = lineStarts(text);
  const lineText = (n: number) => (n < 1 || n > starts.length ? "" : text.slice(starts[n - 1], n < starts.length ? starts[n]! - 1 : text.length));
  const kept = findings.filter((f) => !(ALLOW_COMMENT.test(lineText(f.line)) || ALLOW_LINE_BEFORE.test(lineText(f.line - 1))));
  return { kept, suppressed: findings.length - kept.length };
}

/** An allowlist with its globs and regexes compiled once. */
export interface CompiledAllowlist {
  paths: GlobSet;
  regexes: RegExp[];
  rules: Map<string, { paths: GlobSet; regexes: RegExp[] }>;
}

export function compileAllowlist(allowlist: Allowlist | undefined): CompiledAllowlist {
  const rules = new Map<string, { paths: GlobSet; regexes: RegExp[] }>();
  for (const [id, r] of Object.entries(allowlist?.rules ?? {})) {
    rules.set(id, { paths: new GlobSet(r.paths ?? []), regexes: (r.regexes ?? []).map((x) => new RegExp(x)) });
  }
  return {
    paths: new GlobSet(allowlist?.paths ?? []),
    regexes: (allowlist?.regexes ?? []).map((x) => new RegExp(x)),
    rules,
  };
}

/** Drop raw findings that the config allowlists by path, by secret regex, globally or per rule. */
export function filterAllowlisted(findings: RawFinding[], allow: CompiledAllowlist): { kept: RawFinding[]; suppressed: number } {
  if (findings.length === 0) return { kept: findings, suppressed: 0 };
  const kept = findings.filter((f) => {
    if (allow.paths.matches(f.file)) return false;
    if (allow.regexes.some((r) => r.test(f.secret))) return false;
    const rule = allow.rules.get(f.ruleId);
    if (rule && (rule.paths.matches(f.file) || rule.regexes.some((r) => r.test(f.secret)))) return false;
    return true;
  });
  return { kept, suppressed: findings.length - kept.length };
}

/** Keep only findings that touch one of `lines` (the lines a commit adds). */
export function filterToLines<T extends { line: number; endLine: number }>(findings: T[], lines: ReadonlySet<number>): T[] {
  return findings.filter((f) => {
    for (let n = f.line; n <= f.endLine; n++) if (lines.has(n)) return true;
    return false;
  });
}

/** Drop findings whose baseline fingerprint the baseline holds. */
export function filterBaselined<T extends { baselineFingerprint?: string }>(findings: T[], accepted: ReadonlySet<string>): { kept: T[]; suppressed: number } {
  if (accepted.size === 0) return { kept: findings, suppressed: 0 };
  const kept = findings.filter((f) => f.baselineFingerprint === undefined || !accepted.has(f.baselineFingerprint));
  return { kept, suppressed: findings.length - kept.length };
}

const SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1 } as const;

/**
 * One finding per span: when two rules report the same characters (a provider
 * rule and the generic-assignment rule, say), keep the more confident, then the
 * more severe. Equal findings from the same rule collapse too.
 */
export function dedupe<T extends Finding>(findings: T[]): { kept: T[]; suppressed: number } {
  const best = new Map<string, T>();
  for (const f of findings) {
    const key = `${f.commit ?? ""}\0${f.file}\0${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
    const prev = best.get(key);
    if (
      !prev ||
      f.confidence > prev.confidence ||
      (f.confidence === prev.confidence && SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev.severity])
    ) {
      best.set(key, f);
    }
  }
  const kept = [...best.values()];
  return { kept, suppressed: findings.length - kept.length };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable order: file, line, column, rule, commit. */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.commit ?? "", b.commit ?? ""),
  );
}
