// Literal prefixes of the built-in rules' patterns, known in advance (keys:
// prefixTableKey() in literal-prefix.ts). Empty in dist/; scripts/bundle.js
// fills it in the scan bundle, computed by literalPrefixes() itself from the
// same build, which saves every scan that parse of ~300 regex sources
// (~5-10 ms of a pre-commit hook's start-up).
export const PRECOMPUTED: ReadonlyMap<string, readonly string[] | null> = new Map();

// And their anchors (anchorLiteral() in literal-prefix.ts: a literal at a
// bounded distance into every match, for the rules without usable prefixes),
// the same way: ~30 patterns walked at every scan's start otherwise (~2-3 ms
// of CPU, cold). A key that is missing (a pattern this table was not made
// from) is computed as before.
export const PRECOMPUTED_ANCHORS: ReadonlyMap<string, { literal: string; min: number; max: number } | null> = new Map();
