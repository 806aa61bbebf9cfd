import { createRequire } from "node:module";

// @babel/parser for the JS scanner, loaded on first use. When the scan runs
// from the bundle (scripts/bundle.js), bin/scan-bundle.js offers a loader as
// `import.meta.bundle.parser` that compiles the parser's 530 KB with a V8
// code cache made at build time: its cold load and first parse, ~14 + 45 ms
// of CPU with `require`, take ~7 + 27 ms then (a 15 KB file, medians of 5).
// Any other way of running uses `require`.

export type Parse = (code: string, options: Record<string, unknown>) => { program: unknown; errors?: unknown[] };

export function loadBabelParser(): { parse: Parse } {
  const fromBundle = (import.meta as ImportMeta & { bundle?: { parser?: () => unknown } }).bundle?.parser;
  return (fromBundle?.() ?? createRequire(import.meta.url)("@babel/parser")) as { parse: Parse };
}
