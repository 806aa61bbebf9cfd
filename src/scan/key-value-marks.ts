/**
 * What key-value-output.ts's header (`Key  Value`, `| Field | Value |`) holds, case-folded, found by the
 * engine's keyword pass (rule-set.ts ENGINE_KEYWORDS) instead of by its line-anchored expression over every
 * document and configuration text: that search, an alternation tried at every line start, cost ~275 ms of one
 * thread's CPU on the bench corpus's 117 MB of such texts (docs/benchmarks.md, session 23) and found no header.
 * The `Value` column follows two blanks, or a pipe and at most one blank; these are the seven ways its first
 * character can be preceded. The header expression is the detector's own and decides.
 */
export const KEY_VALUE_MARKS = ["  value", " \tvalue", "\t value", "\t\tvalue", "|value", "| value", "|\tvalue"];
