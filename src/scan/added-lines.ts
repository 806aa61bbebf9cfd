import * as nodeCrypto from "node:crypto";
import { createHash } from "node:crypto";
import type { PathFilter } from "./path-filter.js";
import type { SkipReason } from "./file-scan.js";

// Reads the output of `git log -p -U0 --format=%x00%H` as it streams, and
// turns each commit's added lines of each file into one text: the lines at
// their own line numbers, empty lines in the gaps, so that the engine reports
// the file's line numbers and a multi-line secret added in one hunk stays
// whole. Identical added content in the same path (cherry-picks, the same
// blob on several branches) comes out once.
//
// It works on the bytes git writes: an added line is copied once, into the
// text being assembled, and the text is decoded once when its file ends. The
// string-per-line version (setEncoding, a slice per line, `+=` per text) made
// ~23,000 short-lived strings per 200 commits and spent more time in the
// garbage collector than in parsing.

export interface AddedText {
  path: string;
  text: string;
  commit: string;
  /** 1-based line numbers of the added lines, increasing. */
  lines: number[];
}

export interface AddedLinesEvents {
  /** A text to scan; return true to stop the current `feed` after this line (the caller is full). */
  text: (t: AddedText) => boolean;
  skipped: (reason: SkipReason) => void;
  note: (n: string) => void;
}

// crypto.hash (Node 20.12+) is the one-shot form: no Hash object per file
// (~20 µs each, 720 of them in a 200-commit history). Earlier Node 20 has none.
const sha1Base64: (b: Uint8Array) => string =
  typeof nodeCrypto.hash === "function" ? (b) => nodeCrypto.hash("sha1", b, "base64") : (b) => createHash("sha1").update(b).digest("base64");

/** A -U0 hunk header: the first added line number and the count (1 when omitted). */
export const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** Undo git's C-style quoting of a path (`"a\tb"`, octal escapes for bytes). */
export function unquotePath(s: string): string {
  if (!s.startsWith('"') || !s.endsWith('"')) return s;
  const bytes: number[] = [];
  const body = s.slice(1, -1);
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const n = body[i + 1]!;
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** `+++ b/path` → path, or undefined for /dev/null. */
export function newPathOf(line: string): string | undefined {
  let raw = line.slice(4);
  // git ends a name that contains a space with a TAB (diff.c, so that
  // patch(1) can tell where the name stops). A real TAB in a name is quoted
  // as \t, so a literal trailing TAB is always this terminator.
  if (raw.endsWith("\t")) raw = raw.slice(0, -1);
  if (raw === "/dev/null") return undefined;
  const path = unquotePath(raw);
  return path.startsWith("b/") ? path.slice(2) : path;
}

function startsWith(buf: Uint8Array, start: number, end: number, prefix: string): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[start + i] !== prefix.charCodeAt(i)) return false;
  return true;
}

export class AddedLines {
  commits = 0;
  private commit = "";
  /** The file whose added lines are being collected (undefined: none, or filtered out). */
  private path: string | undefined;
  private numbers: number[] = [];
  /** `path \0 text` of the current file: the de-duplication key is its hash. */
  private buf = Buffer.allocUnsafe(64 * 1024);
  private len = 0;
  private textStart = 0;
  /** The text already exceeds maxFileSize (collection stopped). */
  private tooLarge = false;
  private at = 1;
  private next = 0;
  private remaining = 0;
  /** An incomplete last line, in pieces (a long added line can span many reads). */
  private partial: Buffer[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly filter: PathFilter,
    private readonly maxFileSize: number,
    private readonly on: AddedLinesEvents,
  ) {}

  /**
   * Parses `chunk` from `from` on. Returns where it stopped: `chunk.length`,
   * or the end of the line after which the `text` event asked to stop.
   */
  feed(chunk: Buffer, from = 0): number {
    let pos = from;
    if (this.partial.length > 0) {
      const nl = chunk.indexOf(NEWLINE, pos);
      if (nl === -1) {
        this.partial.push(pos === 0 ? chunk : chunk.subarray(pos));
        return chunk.length;
      }
      this.partial.push(chunk.subarray(pos, nl));
      const line = Buffer.concat(this.partial);
      this.partial = [];
      pos = nl + 1;
      if (this.line(line, 0, line.length)) return pos;
    }
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, pos);
      if (nl === -1) break;
      const stop = this.line(chunk, pos, nl);
      pos = nl + 1;
      if (stop) return pos;
    }
    if (pos < chunk.length) this.partial.push(chunk.subarray(pos));
    return chunk.length;
  }

  /** The output ended: the last line (git ends it with a newline, but to be safe) and the last file. */
  end(): void {
    if (this.partial.length > 0) {
      const line = Buffer.concat(this.partial);
      this.partial = [];
      this.line(line, 0, line.length);
    }
    this.flush();
  }

  /** One line, without its newline; true when the caller asked to stop. */
  private line(buf: Buffer, start: number, end: number): boolean {
    const c = start < end ? buf[start] : -1;
    if (this.remaining > 0) {
      // Inside a hunk: content, even when it looks like a header ("+++ x").
      if (c === PLUS) {
        if (this.path !== undefined) this.add(buf, start + 1, end);
        this.next += 1;
        this.remaining -= 1;
        return false;
      }
      if (c === MINUS || c === BACKSLASH) return false; // removed, or "\ No newline at end of file"
    }
    if (c === 0) {
      const stop = this.flush();
      this.commit = buf.toString("latin1", start + 1, end);
      this.commits += 1;
      return stop;
    }
    if (startsWith(buf, start, end, "diff --git ")) {
      const stop = this.flush();
      this.remaining = 0;
      return stop;
    }
    if (startsWith(buf, start, end, "+++ ")) {
      const p = newPathOf(buf.toString("utf8", start, end));
      if (p === undefined) return false;
      const verdict = this.filter.check(p);
      if (verdict === "scan") this.begin(p);
      else if (verdict !== "excluded") this.on.skipped(verdict);
    } else if (startsWith(buf, start, end, "@@")) {
      const m = HUNK.exec(buf.toString("latin1", start, end));
      if (!m) return false;
      this.next = Number(m[1]);
      this.remaining = m[2] === undefined ? 1 : Number(m[2]);
    } else if (startsWith(buf, start, end, "Binary files ")) {
      this.on.skipped("binary");
    }
    return false;
  }

  private begin(path: string): void {
    this.path = path;
    this.numbers = [];
    this.tooLarge = false;
    this.at = 1;
    const bytes = Buffer.byteLength(path) + 1;
    this.reserve(bytes);
    this.len = this.buf.write(path, 0, "utf8");
    this.buf[this.len++] = 0;
    this.textStart = this.len;
  }

  private reserve(bytes: number): void {
    if (bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(bytes, this.buf.length * 2));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }

  /** An added line at line number `next`, after the empty lines that keep it there. */
  private add(src: Buffer, start: number, end: number): void {
    const n = this.next;
    const gap = this.numbers.length === 0 ? Math.max(n - 1, 0) : Math.max(n - this.at, 1);
    this.numbers.push(n);
    this.at = n;
    if (this.tooLarge) return;
    const size = this.len - this.textStart + gap + (end - start);
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (an invalid byte
    // becomes one U+FFFD): past 3 × maxFileSize bytes the decoded text is
    // certainly over the limit, so stop copying.
    if (size > this.maxFileSize * 3) {
      this.tooLarge = true;
      return;
    }
    this.reserve(this.len + gap + (end - start));
    if (gap > 0) this.buf.fill(NEWLINE, this.len, this.len + gap);
    this.len += gap;
    this.len += src.copy(this.buf, this.len, start, end);
  }

  /** Ends the current file: hands its text on unless it was seen or is too large. True when the caller asked to stop. */
  private flush(): boolean {
    const path = this.path;
    this.path = undefined;
    if (path === undefined || this.numbers.length === 0) return false;
    let text: string | undefined;
    let tooLarge = this.tooLarge;
    if (!tooLarge && this.len - this.textStart > this.maxFileSize) {
      text = this.buf.toString("utf8", this.textStart, this.len);
      tooLarge = text.length > this.maxFileSize;
    }
    if (tooLarge) {
      this.on.skipped("too-large");
      this.on.note(`${path}: lines added by ${this.commit.slice(0, 12)} exceed maxFileSize (${this.maxFileSize} bytes), skipped`);
      return false;
    }
    const key = sha1Base64(this.buf.subarray(0, this.len));
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    text ??= this.buf.toString("utf8", this.textStart, this.len);
    return this.on.text({ path, text, commit: this.commit, lines: this.numbers });
  }
}
