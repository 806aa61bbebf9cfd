import * as nodeCrypto from "node:crypto";
import { createHash } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import type { PathFilter } from "./path-filter.js";
import type { SkipReason } from "./file-scan.js";

// Reads the output of `git log -p -U0 --cc --format=%x00%H` as it streams, and
// turns each commit's added lines of each file into one text (for a merge,
// the lines in none of its parents: a conflict resolution): the lines at
// their own line numbers, empty lines in the gaps, so that the engine reports
// the file's line numbers and a multi-line secret added in one hunk stays
// whole. Identical added content in the same path (cherry-picks, the same
// blob on several branches) comes out once; in another path (a copy), it
// comes out saying where it was first (`copyOf`).
//
// Cold code is what counts here: a history scan parses once, mostly before
// V8 has optimised anything, so the work per line is kept to builtins (String
// indexOf, charCodeAt, startsWith, a sticky RegExp) and a run of added lines
// becomes one slice and one replaceAll, not a string per line. Measured on
// the 200-commit benchmark history (1.2 MB, 31,000 lines), CPU of a fresh
// process: 59 ms copying bytes line by line with Buffer methods, 46 ms with a
// JS byte loop, ~19 ms this way (8 of them the de-duplication hashes).

export interface AddedText {
  path: string;
  text: string;
  commit: string;
  /** 1-based line numbers of the added lines, increasing. */
  lines: number[];
  /**
   * The same text was handed on before for another path (a file copied
   * byte for byte, or the same lines added to two files): where. It is
   * scanned again (the path can change what is found), and a finding it
   * shares with the original is the original's (`dropCopied`).
   */
  copyOf?: { path: string; commit: string };
}

export interface AddedLinesEvents {
  /** A text to scan; return true to stop parsing after this line (the caller is full; it calls `resume()` later). */
  text: (t: AddedText) => boolean;
  skipped: (reason: SkipReason) => void;
  note: (n: string) => void;
  /**
   * git printed "Binary files … differ" for a file the path filter would scan (no binary extension): its
   * content may be text that `.gitattributes` hides from diffs (`-diff`, `binary`, a `diff=` driver set
   * binary). Without this event it counts as a binary skip.
   */
  hidden?: (commit: string, path: string) => void;
}

// crypto.hash (Node 20.12+) is the one-shot form: no Hash object per file
// (~20 µs each, 720 of them in a 200-commit history). Earlier Node 20 has none.
const sha1Base64: (s: string) => string =
  typeof nodeCrypto.hash === "function" ? (s) => nodeCrypto.hash("sha1", s, "base64") : (s) => createHash("sha1").update(s).digest("base64");

/** A -U0 hunk header: the first added line number and the count (1 when omitted). */
export const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** HUNK at a given offset of a longer text. */
const HUNK_AT = new RegExp(HUNK.source.slice(1), "y");

/**
 * A combined (`--cc`) hunk header of a merge commit at a given offset: one "@"
 * more than the merge has parents, a "-from,count" per parent, then the
 * result's "+from,count".
 */
const COMBINED_HUNK_AT = /(@{3,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,(\d+))? @{3,}/y;

/**
 * The end of a run of added lines: a newline not followed by "+". Searched by
 * the regex engine, once per run, instead of line by line in JavaScript (cold
 * in a history scan): the benchmark history's cold parse 36 -> 30 ms CPU.
 */
const ADDED_RUN_END = /\n(?!\+)/g;

const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;

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

/**
 * The new side's path of git's "Binary files a/x and b/y differ" (diff.c), or undefined for a deletion
 * (`and /dev/null`). Quoted names (`"b/\303\251.cfg"`) are unquoted.
 */
export function binaryNewPath(line: string): string | undefined {
  if (!line.startsWith("Binary files ") || !line.endsWith(" differ")) return undefined;
  const sides = line.slice("Binary files ".length, -" differ".length);
  if (sides.endsWith(" and /dev/null")) return undefined;
  // The same path on both sides (not a rename): the two halves, whatever " and " the name holds.
  const half = (sides.length - 5) / 2;
  const unprefixed = (side: string, p: string) => side.replace(new RegExp(`^("?)${p}/`), "$1");
  let at = -1;
  if (Number.isInteger(half) && sides.slice(half, half + 5) === " and " && unprefixed(sides.slice(0, half), "a") === unprefixed(sides.slice(half + 5), "b")) at = half;
  else if (sides.startsWith("/dev/null and ")) at = "/dev/null".length;
  else at = sides.includes(' and "b/') ? sides.indexOf(' and "b/') : sides.indexOf(" and b/");
  if (at === -1) return undefined;
  return newPathOf("+++ " + sides.slice(at + " and ".length));
}

export class AddedLines {
  commits = 0;
  private commit = "";
  /** The file whose added lines are being collected (undefined: none, or filtered out). */
  private path: string | undefined;
  private numbers: number[] = [];
  private text = "";
  /** The text already exceeds maxFileSize (collection stopped). */
  private tooLarge = false;
  private at = 1;
  private next = 0;
  private remaining = 0;
  /** Columns of the current hunk's line prefix: 1, or a merge's parent count in a combined hunk. */
  private columns = 1;
  /** git's output is UTF-8 (paths: core.quotePath=false); a character may straddle two reads. */
  private readonly decoder = new StringDecoder("utf8");
  /** Decoded output not parsed yet: `pending` from `pos`, then `parts` (no newline among them). */
  private pending = "";
  private pos = 0;
  private parts: string[] = [];
  private ended = false;
  private readonly seen = new Set<string>();
  /** The first path and commit of each added text, by its hash. */
  private readonly firstOf = new Map<string, { path: string; commit: string }>();

  constructor(
    private readonly filter: PathFilter,
    private readonly maxFileSize: number,
    private readonly on: AddedLinesEvents,
  ) {}

  /**
   * Parses what `chunk` completes. True when a `text` event asked to stop:
   * call `resume()` (until it returns false) before pushing more.
   */
  push(chunk: Buffer): boolean {
    return this.append(this.decoder.write(chunk)) ? this.parse() : false;
  }

  /** Continues after a stop; true when stopped again. */
  resume(): boolean {
    return this.parse();
  }

  /** The output ended: its last line (even without a newline) and the last file. */
  end(): void {
    this.parts.push(this.decoder.end());
    this.pending = this.pending.slice(this.pos) + this.parts.join("");
    this.parts = [];
    this.pos = 0;
    this.ended = true;
    while (this.parse());
    this.flush();
  }

  /** True when `s` completes a line. A line longer than a read (a minified file) is joined once, not re-joined per read. */
  private append(s: string): boolean {
    this.parts.push(s);
    if (!s.includes("\n")) return false;
    this.pending = this.pending.slice(this.pos) + (this.parts.length === 1 ? s : this.parts.join(""));
    this.parts = [];
    this.pos = 0;
    return true;
  }

  private parse(): boolean {
    const s = this.pending;
    const ended = this.ended;
    let pos = this.pos;
    while (pos < s.length) {
      if (this.remaining > 0 && this.columns > 1) {
        // A merge's combined hunk, line by line (merges are few): a line is
        // in the result unless a column says "-"; the merge itself added it
        // only when every column says "+" (in no parent: a conflict
        // resolution or an evil merge); one with a " " column came from that
        // parent, whose own commit added it.
        const nl = s.indexOf("\n", pos);
        if (nl === -1 && !ended) break;
        const end = nl === -1 ? s.length : nl;
        const prefix = s.slice(pos, pos + this.columns);
        if (s.charCodeAt(pos) === BACKSLASH || prefix.includes("-")) {
          pos = end + 1;
          continue;
        }
        if (prefix === "+".repeat(this.columns)) this.addRun(s, pos, end, 1, s.slice(pos + this.columns, end));
        else {
          this.next += 1;
          this.remaining -= 1;
        }
        pos = end + 1;
        continue;
      }
      if (this.remaining > 0) {
        // Inside a hunk: content, even when it looks like a header ("+++ x").
        const c = s.charCodeAt(pos);
        if (c === PLUS) {
          // The run of added lines (the whole hunk, usually) ends at the first
          // line not starting with "+", found by one regex search; a run that
          // may continue in the next read, or whose lines are not kept, is
          // walked line by line below.
          if (this.path !== undefined && !this.tooLarge) {
            ADDED_RUN_END.lastIndex = pos;
            const m = ADDED_RUN_END.exec(s);
            if (m !== null && m.index + 1 < s.length && this.addWholeRun(s, pos, m.index)) {
              pos = m.index + 1;
              continue;
            }
          }
          // The run of added lines, complete lines only.
          let p = pos;
          let k = 0;
          while (k < this.remaining && s.charCodeAt(p) === PLUS) {
            const nl = s.indexOf("\n", p);
            if (nl === -1 && !ended) break;
            p = nl === -1 ? s.length + 1 : nl + 1;
            k += 1;
          }
          if (k === 0) break; // an incomplete line: wait for the rest
          this.addRun(s, pos, p - 1, k);
          pos = p;
          continue;
        }
        if (c === MINUS || c === BACKSLASH) {
          // removed, or "\ No newline at end of file"
          const nl = s.indexOf("\n", pos);
          if (nl === -1 && !ended) break;
          pos = nl === -1 ? s.length : nl + 1;
          continue;
        }
      }
      const nl = s.indexOf("\n", pos);
      if (nl === -1 && !ended) break;
      const end = nl === -1 ? s.length : nl;
      const stop = this.header(s, pos, end);
      pos = end + 1;
      if (stop) {
        this.pos = pos;
        return true;
      }
    }
    this.pos = pos;
    return false;
  }

  /** A line outside hunk content; true when the caller asked to stop. */
  private header(s: string, start: number, end: number): boolean {
    switch (s.charCodeAt(start)) {
      case 0: {
        const stop = this.flush();
        this.commit = s.slice(start + 1, end);
        this.commits += 1;
        return stop;
      }
      case 0x64 /* d */:
        // "diff --cc": a merge's combined diff (historyLogArgs asks for --cc).
        if (!s.startsWith("diff --git ", start) && !s.startsWith("diff --cc ", start)) return false;
        this.remaining = 0;
        return this.flush();
      case PLUS: {
        if (!s.startsWith("+++ ", start)) return false;
        const p = newPathOf(s.slice(start, end));
        if (p === undefined) return false;
        // A commit's file: committed build output is scanned.
        const verdict = this.filter.check(p, true);
        if (verdict === "scan") this.begin(p);
        else if (verdict !== "excluded") this.on.skipped(verdict);
        return false;
      }
      case 0x40 /* @ */: {
        HUNK_AT.lastIndex = start;
        const m = HUNK_AT.exec(s);
        if (m !== null) {
          this.columns = 1;
          this.next = Number(m[1]);
          this.remaining = m[2] === undefined ? 1 : Number(m[2]);
          return false;
        }
        COMBINED_HUNK_AT.lastIndex = start;
        const c = COMBINED_HUNK_AT.exec(s);
        if (c === null) return false;
        this.columns = c[1]!.length - 1;
        this.next = Number(c[2]);
        this.remaining = c[3] === undefined ? 1 : Number(c[3]);
        return false;
      }
      case 0x42 /* B */: {
        if (!s.startsWith("Binary files ", start)) return false;
        const path = this.on.hidden ? binaryNewPath(s.slice(start, end)) : undefined;
        if (path !== undefined && this.filter.check(path, true) === "scan") this.on.hidden!(this.commit, path);
        else this.on.skipped("binary");
        return false;
      }
      default:
        return false;
    }
  }

  private begin(path: string): void {
    this.path = path;
    this.numbers = [];
    this.text = "";
    this.tooLarge = false;
    this.at = 1;
  }

  /**
   * Every line of `s[from..to)` ("+a\n+b\n+c") as added, unless there are more
   * of them than the hunk has left (false, nothing done; never in git's own
   * output, where a hunk's added lines are all its "+" lines). Their count
   * comes from the text itself: taking the "+" off each line shortens the run
   * by one character per line.
   */
  private addWholeRun(s: string, from: number, to: number): boolean {
    const lines = s.slice(from + 1, to).replaceAll("\n+", "\n");
    const k = to - from - lines.length;
    if (k > this.remaining) return false;
    this.addRun(s, from, to, k, lines);
    return true;
  }

  /**
   * `k` consecutive added lines, `s[from..to)` ("+a\n+b\n+c"), at line
   * numbers next…next+k-1, after the empty lines that keep the first at its number.
   */
  private addRun(s: string, from: number, to: number, k: number, taken?: string): void {
    const n = this.next;
    this.next += k;
    this.remaining -= k;
    if (this.path === undefined) return;
    const gap = this.numbers.length === 0 ? Math.max(n - 1, 0) : Math.max(n - this.at, 1);
    for (let i = 0; i < k; i++) this.numbers.push(n + i);
    this.at = n + k - 1;
    if (this.tooLarge) return;
    const lines = taken ?? (k === 1 ? s.slice(from + 1, to) : s.slice(from + 1, to).replaceAll("\n+", "\n"));
    // The text only grows: once over the limit, stop collecting.
    if (this.text.length + gap + lines.length > this.maxFileSize) {
      this.tooLarge = true;
      this.text = "";
      return;
    }
    this.text += gap === 0 ? lines : "\n".repeat(gap) + lines;
  }

  /** Ends the current file: hands its text on unless it was seen or is too large. True when the caller asked to stop. */
  private flush(): boolean {
    const path = this.path;
    this.path = undefined;
    if (path === undefined || this.numbers.length === 0) return false;
    if (this.tooLarge) {
      this.on.skipped("too-large");
      this.on.note(`${path}: lines added by ${this.commit.slice(0, 12)} exceed maxFileSize (${this.maxFileSize} bytes), skipped`);
      return false;
    }
    const text = this.text;
    this.text = "";
    // The text itself is hashed, not a `path\0text` concatenation: V8 flattens
    // the text in place for the hash, and the engine then reads it flat; a
    // concatenation would be flattened (copied) for the hash alone.
    const hash = sha1Base64(text);
    const key = `${path}\0${hash}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    const first = this.firstOf.get(hash);
    if (first === undefined) {
      this.firstOf.set(hash, { path, commit: this.commit });
      return this.on.text({ path, text, commit: this.commit, lines: this.numbers });
    }
    return this.on.text({ path, text, commit: this.commit, lines: this.numbers, copyOf: first });
  }
}
