import { parseSource } from "../apply/code-rewriter-ast.js";

/**
 * The comments of a JavaScript/TypeScript file as [start, end) offsets, from Babel's own
 * tokenizer (a `//` inside a string or a regex is no comment). A file that does not parse
 * gives none: its findings stay literals, and the rewriter names what it cannot find.
 */
export function commentRanges(file: string, text: string): [number, number][] {
  try {
    return (parseSource(file, text).comments ?? []).map((c) => [c.start!, c.end!]);
  } catch {
    return [];
  }
}

/** Whether [start, end) lies inside one of the ranges. */
export function insideComment(ranges: readonly (readonly [number, number])[], start: number, end: number): boolean {
  return ranges.some(([s, e]) => start >= s && end <= e);
}
