import type { KeywordTableData } from "./keyword-table.js";

// The keyword pass's table data for the built-in rule set's keywords
// (keyword-table.ts keywordTableData), known in advance. Null in dist/;
// scripts/bundle.js fills it in the scan bundle, computed by
// keywordTableData() itself from the same build. buildKeywordTable takes it
// only for exactly these keywords, in this order (a config that enables or
// disables rules, or adds its own, computes its own).
export const PRECOMPUTED_KEYWORD_TABLE: KeywordTableData | null = null;
