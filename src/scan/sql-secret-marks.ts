/**
 * Words every statement sql-secret-options.ts reads holds (DuckDB's `CREATE … SECRET (…)`, a foreign-data
 * wrapper's `OPTIONS (…)`), case-folded, found by the engine's keyword pass (rule-set.ts ENGINE_KEYWORDS): the
 * detector's case-insensitive probe, an alternation with no literal to start from, ran over every text outside
 * code (~160 ms of one thread on aws-sdk, webpack and three; docs/benchmarks.md, session 23) and now runs only
 * where the pass saw one of them.
 */
export const SQL_SECRET_MARKS = ["secret", "options"];
