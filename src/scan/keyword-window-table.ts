// Which 3-character window the keyword pass finds each built-in keyword by
// (keyword-table.ts keywordWindows), known in advance. Empty in dist/;
// scripts/bundle.js fills it in the scan bundle, computed by keywordWindows()
// itself from the same build, which saves every scan ranking ~5,000 windows
// against the trigram frequencies (~5 ms of a cold start).
export const PRECOMPUTED_WINDOWS: ReadonlyMap<string, number> = new Map();
