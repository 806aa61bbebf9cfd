import { DEPENDENCY_DIRS } from "./path-filter.js";

// A source map's `sourcesContent` (ECMA-426 §"sourcesContent") holds each original
// source as a JSON string: a key hard-coded in `src/pay.ts` is in a published
// `dist/index.js.map` as `const PAYMENT_SECRET = \"…\";\n`, where the escaping hides
// the assignment's shape from a reader of the map's own text (session 9 tried the
// generic detector on it: 28 false findings in 18 npm maps, code read as text). Each
// entry is handed to the engine decoded, as the file `sources[i]` names, so it is
// read as that source file is (the JavaScript reader for `.ts`, and so on); the
// positions found map back to the map's text through `at`.

export interface EmbeddedSource {
  /** `sources[i]` without its bundler scheme (`webpack://app/`) and leading `./`, `../`, `/`. */
  path: string;
  /** The decoded source. */
  text: string;
  /** Where decoded character i starts in the map's text; at(text.length) is the closing quote. */
  at: (i: number) => number;
}

/** The `[` of the array value of `"key"`, or -1. */
function arrayValue(text: string, key: string): number {
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    let j = at + key.length;
    while (j < text.length && text.charCodeAt(j) <= 32) j++;
    if (text.charCodeAt(j) !== 58 /* : */) continue;
    j++;
    while (j < text.length && text.charCodeAt(j) <= 32) j++;
    if (text.charCodeAt(j) === 91 /* [ */) return j;
  }
  return -1;
}

/** The end (index of the closing quote) of the JSON string whose content starts at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let q = text.indexOf('"', start); q !== -1; q = text.indexOf('"', q + 1)) {
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 92 /* \ */) slashes++;
    if (slashes % 2 === 0) return q;
  }
  return -1;
}

/** The elements of the JSON array at `open`: [contentStart, closingQuote] per string, null per `null`. */
function stringElements(text: string, open: number): Array<[number, number] | null> {
  const out: Array<[number, number] | null> = [];
  let j = open + 1;
  for (;;) {
    while (j < text.length && (text.charCodeAt(j) <= 32 || text.charCodeAt(j) === 44 /* , */)) j++;
    const c = text.charCodeAt(j);
    if (c === 34 /* " */) {
      const end = stringEnd(text, j + 1);
      if (end === -1) return out;
      out.push([j + 1, end]);
      j = end + 1;
    } else if (text.startsWith("null", j)) {
      out.push(null);
      j += 4;
    } else return out; // `]`, or not a map
  }
}

/**
 * Where decoded character `i` of the JSON string content text[start, end) starts in `text`: a walk over
 * the escapes before it. Run only for the few findings, so the decoding itself stays JSON.parse's.
 */
function rawOffset(text: string, start: number, end: number, i: number): number {
  let raw = start;
  for (let n = 0; n < i && raw < end; n++) raw += text.charCodeAt(raw) !== 92 /* \ */ ? 1 : text.charCodeAt(raw + 1) === 117 /* u */ ? 6 : 2;
  return Math.min(raw, end);
}

/** The JSON string content text[start, end) decoded, or null when it is not valid JSON. */
function decode(text: string, start: number, end: number): string | null {
  try {
    const value: unknown = JSON.parse(text.slice(start - 1, end + 1));
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

// After a head word, what a literal assigned to the name it is part of looks like in the map's text: the rest
// of the name, an optional closing quote (`\"apiKey\":`) or type (`API_KEY: string =`), `=`, `:`, `=>` or
// `:=`, then a quoted value of 8+ characters (`\"` in JSON, `'` and `` ` `` as they are). Most heads in real
// sources are reads and calls (`token)`, `options.apiKey,`, `getSecret(`): their entries are not decoded.
const ASSIGNED = /[\w$.-]{0,40}(?:\\?["'])?[ \t]{0,3}(?::[ \t]{0,3}[\w<>[\]|. ]{1,30})?[:=][=>]?[ \t]{0,3}(?:\\"|'|`)[^"'`\\\s]{8}/y;

const DEPENDENCY = new Set(DEPENDENCY_DIRS);

/** `webpack://app/./src/pay.ts` → `src/pay.ts`; null for a dependency's source (`node_modules/…`, skipped as the walker skips it). */
export function sourcePath(raw: string): string | null {
  const path = raw.replace(/^[a-z][\w+.-]*:\/\/[^/]*\//i, "").replace(/\\/g, "/").replace(/^(?:\.{1,2}\/|\/)+/, "").replace(/\/\.\//g, "/");
  for (const part of path.split("/")) if (DEPENDENCY.has(part)) return null;
  return path;
}

/**
 * The embedded sources of a source map's text worth reading: only entries where one of
 * `heads` (the keyword pass's name positions) is followed by a quoted literal (ASSIGNED: an
 * entry with no name = value has nothing for the name-based readers, and provider formats
 * are found in the map's text already), and
 * not a dependency's (`node_modules/…`). Reads the map as text, not with JSON.parse: a map
 * is often megabytes, and most entries are skipped.
 */
export function embeddedSources(text: string, heads: readonly number[]): EmbeddedSource[] {
  if (heads.length === 0) return [];
  const contentOpen = arrayValue(text, '"sourcesContent"');
  if (contentOpen === -1) return [];
  const contents = stringElements(text, contentOpen);
  const sorted = Float64Array.from(heads).sort();
  const holdsHead = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < sorted.length && sorted[lo]! < end; lo++) {
      ASSIGNED.lastIndex = sorted[lo]!;
      if (ASSIGNED.test(text)) return true;
    }
    return false;
  };
  const sourcesOpen = arrayValue(text, '"sources"');
  const names = sourcesOpen === -1 ? [] : stringElements(text, sourcesOpen);
  const out: EmbeddedSource[] = [];
  for (let i = 0; i < contents.length; i++) {
    const range = contents[i];
    if (!range || !holdsHead(range[0], range[1])) continue;
    const name = names[i];
    const rawName = name ? decode(text, name[0], name[1]) : null;
    const path = rawName === null ? `source-${i}` : sourcePath(rawName);
    if (path === null) continue;
    const decoded = decode(text, range[0], range[1]);
    const [start, end] = range;
    if (decoded !== null) out.push({ path, text: decoded, at: (k) => rawOffset(text, start, end, k) });
  }
  return out;
}
