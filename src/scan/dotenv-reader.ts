// Reads a .env file with the grammar of the `dotenv` package (the LINE regex
// and value rules of dotenv/lib/main.js `parse`, v16/17), but keeps where each
// entry is, so that findings have line numbers and the env cleaner can remove
// exactly the lines it migrated.
//
// dotenv normalises CRLF to LF before matching; we replace "\r\n" by " \n"
// instead, which matches identically (the regex treats both as white space)
// while keeping every offset equal to the original text's.

// Same as dotenv's LINE (lib/main.js). `[\w.-]+` keys, `=` or `: ` separator,
// single/double/back-quoted values that may span lines, or an unquoted value up
// to `#`. Linear: each alternative consumes distinct characters.
const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

export interface DotenvEntry {
  key: string;
  /** The value exactly as dotenv would return it. */
  value: string;
  /** `"`, `'`, `` ` `` or "" for unquoted. */
  quote: string;
  exported: boolean;
  /** 1-based line and column of the key. */
  line: number;
  column: number;
  /** Offsets in the original text of the value as written (with quotes), end exclusive. */
  valueStart: number;
  valueEnd: number;
  /** 1-based position of the value's first and last character (inside quotes). */
  valueLine: number;
  valueColumn: number;
  endLine: number;
  endColumn: number;
  /** Offsets of the whole entry: from the start of the key's line to the end of its last line (newline excluded). */
  start: number;
  end: number;
  /** True when a later entry in the same file sets the same key (dotenv keeps the last). */
  overridden: boolean;
}

export function readDotenv(text: string): DotenvEntry[] {
  const src = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text; // BOM keeps its offset
  const normalised = src.replace(/\r\n/g, " \n").replace(/\r/g, "\n");
  const lineStarts = computeLineStarts(normalised);
  const entries: DotenvEntry[] = [];
  const re = new RegExp(LINE.source, LINE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(normalised)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const key = m[1]!;
    const keyStart = m.index + m[0].indexOf(key, m[0].search(/\S/));
    const rawGroup = m[2] ?? "";
    // Offset of group 2 inside the match: after key and separator.
    const afterKey = keyStart + key.length;
    const groupOffset = rawGroup ? normalised.indexOf(rawGroup, afterKey) : afterKey;
    const leading = rawGroup.length - rawGroup.trimStart().length;
    const valueStart = groupOffset + leading;
    const trimmed = rawGroup.trim();
    const valueEnd = valueStart + trimmed.length;
    // Value semantics use dotenv's own normalisation of the original slice.
    const original = text.slice(valueStart, valueEnd).replace(/\r\n?/g, "\n");
    const quote = /^(['"`])[\s\S]*\1$/.test(original) ? original[0]! : "";
    let value = original.replace(/^(['"`])([\s\S]*)\1$/gm, "$2");
    if (original[0] === '"') value = value.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
    const innerStart = quote ? valueStart + 1 : valueStart;
    const innerEnd = quote ? valueEnd - 1 : valueEnd;
    const keyPos = position(lineStarts, keyStart);
    const vPos = position(lineStarts, innerStart);
    const ePos = position(lineStarts, Math.max(innerStart, innerEnd - 1));
    const entryEndOffset = lineEnd(text, Math.max(afterKey, valueEnd) - 1);
    entries.push({
      key,
      value,
      quote,
      exported: /^\s*export\s/.test(normalised.slice(lineStarts[keyPos.line - 1]!, keyStart + key.length)),
      line: keyPos.line,
      column: keyPos.column,
      valueStart,
      valueEnd,
      valueLine: vPos.line,
      valueColumn: vPos.column,
      endLine: ePos.line,
      endColumn: ePos.column + (innerEnd > innerStart ? 1 : 0),
      start: lineStarts[keyPos.line - 1]!,
      end: entryEndOffset,
      overridden: false,
    });
  }
  const last = new Map<string, DotenvEntry>();
  for (const e of entries) {
    const prev = last.get(e.key);
    if (prev) prev.overridden = true;
    last.set(e.key, e);
  }
  return entries;
}

/** dotenv's own result: key → value, the last entry of a key winning. */
export function dotenvObject(entries: DotenvEntry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) out[e.key] = e.value;
  return out;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function position(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/** End of the line holding `offset` (exclusive, without its "\r\n" or "\n"). */
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf("\n", offset);
  const end = i === -1 ? text.length : i;
  return end > 0 && text[end - 1] === "\r" ? end - 1 : end;
}
