import type { KeywordOffsets } from "./rule-set.js";

/**
 * The places where `word` occurs in `text` with its exact case, ascending, one at a time. From the
 * keyword pass's offsets of the word (rule-set.ts ENGINE_POSITION_KEYWORDS: every case-folded
 * occurrence, ascending) when the pass recorded them, so that the text is not searched again; by
 * `indexOf` when it did not (no pass, or too many occurrences to record).
 */
export class Occurrences {
  private readonly list: readonly number[] | null;
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly word: string,
    offsets?: KeywordOffsets,
  ) {
    this.list = offsets?.get(word) ?? null;
  }

  /** The first occurrence at or after `from` (never called with a smaller `from` than before), or -1. */
  next(from: number): number {
    const list = this.list;
    if (list === null) return this.text.indexOf(this.word, from);
    while (this.i < list.length) {
      const at = list[this.i++]!;
      if (at >= from && this.text.startsWith(this.word, at)) return at;
    }
    return -1;
  }
}
