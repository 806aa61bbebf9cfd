/**
 * The words named-by-neighbour.ts waits for, case-folded, found by the engine's keyword pass (rule-set.ts
 * ENGINE_KEYWORDS) instead of by three `includes` of every text (115 ms of CPU on aws-sdk's 101 MB;
 * docs/benchmarks.md, session 22). Its expressions are case-sensitive and decide.
 */
export const NEIGHBOUR_MARKS = ["defaultsettingvalue", "defaultvalue(", "<configuredvalue>"];
