// What the keyword pass requires around each built-in literal prefix
// (rule-set.ts prefixFollows, from match-shape.ts), known in advance. Null in
// dist/; scripts/bundle.js fills it in the scan bundle, computed by
// prefixFollows() itself from the same build, which saves every scan the
// analysis of ~300 rule patterns (~120 ms of a cold start, ~20 ms warm).
// `sets`: distinct 32-byte sets, base64; `follows`: keyword, indices of its
// after-sets, index of its not-before set (-1: none).
export const PRECOMPUTED_FOLLOWS: { sets: string[]; follows: Array<[string, number[], number]> } | null = null;
