// Offsets → 1-based line/column (UTF-16 code units). Built lazily: most files
// have no finding and never pay for the line table.

export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  private table(): number[] {
    if (this.starts === null) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf("\n"); i !== -1; i = t.indexOf("\n", i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.table();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** Start and end (exclusive) positions of [start, end). */
  range(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/**
 * Positions of offsets visited in ascending order (a scan's matches): counts
 * the newlines from the previous offset on instead of building a table of the
 * whole text, so a file read up to its last match costs no more than that.
 * An offset before the current line starts the count again.
 */
export class LineCursor {
  private line = 1;
  private lineStart = 0;
  /** The first newline at or after `lineStart` (-1: none). */
  private nextNewline: number;
  constructor(private readonly text: string) {
    this.nextNewline = text.indexOf("\n");
  }

  position(offset: number): { line: number; column: number } {
    if (offset < this.lineStart) {
      this.line = 1;
      this.lineStart = 0;
      this.nextNewline = this.text.indexOf("\n");
    }
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = this.text.indexOf("\n", this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  /** Start and end (exclusive) positions of [start, end). */
  range(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
