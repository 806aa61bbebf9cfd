// Literal prefixes of the built-in rules' patterns, known in advance (keys:
// prefixTableKey() in literal-prefix.ts). Empty in dist/; scripts/bundle.js
// fills it in the scan bundle, computed by literalPrefixes() itself from the
// same build, which saves every scan that parse of ~300 regex sources
// (~5-10 ms of a pre-commit hook's start-up).
export const PRECOMPUTED: ReadonlyMap<string, readonly string[] | null> = new Map();
