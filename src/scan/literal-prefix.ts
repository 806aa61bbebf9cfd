// Literal prefixes of a rule pattern: strings one of which every match must
// start with. A rule whose matches all start with `pat`, `sk_` or
// `postgres` need not run its regex at every position of a 5 MB bundle:
// `indexOf` finds the few places where a match can start (at memory speed)
// and the regex runs sticky (`y`) at each one. Irregexp cannot do this itself
// when the pattern opens with a look-behind (`(?<![A-Za-z0-9_-])pat…`, the
// usual token boundary), and even without one its scan is ~1 GB/s per rule,
// times ~25 rules per byte of a large file.
//
// The extraction is conservative: it understands a leading run of
// look-behinds / `\b` / `^`-free groups, one level of alternation, and plain
// or escaped literal characters; anything else gives `null` and the rule runs
// the ordinary global scan. Results are the same either way (see
// rule-runner.ts: the sticky run visits candidate starts in order and skips
// those inside the previous match, exactly as a global scan advances).

/** Characters that end a literal run (regex syntax). */
const META = new Set([..."\\^$.|?*+()[]{}"]);

interface Cursor {
  src: string;
  i: number;
}

/**
 * The literal prefixes of `source` (at least 2 characters each), or null when
 * they cannot be determined safely (a non-ASCII literal gives null too). With
 * `ignoreCase`, prefixes are returned lower-cased.
 */
export function literalPrefixes(source: string, ignoreCase: boolean): string[] | null {
  const branches = splitTopLevel(source);
  if (branches === null) return null;
  const out: string[] = [];
  for (const b of branches) {
    const c: Cursor = { src: b, i: 0 };
    skipZeroWidth(c);
    const p = alternatives(c);
    if (p === null) return null;
    out.push(...p);
  }
  if (out.length === 0) return null;
  const result: string[] = [];
  for (const p of out) {
    if (p.length < 2) return null;
    // ASCII only: the keyword pass that finds prefixes folds A-Z and nothing else.
    if (!/^[\x20-\x7e]+$/.test(p)) return null;
    result.push(ignoreCase ? p.toLowerCase() : p);
  }
  return [...new Set(result)];
}

/** Skips leading look-behinds (`(?<!…)`, `(?<=…)`) and `\b`: they consume nothing. */
function skipZeroWidth(c: Cursor): void {
  for (;;) {
    if (c.src.startsWith("(?<!", c.i) || c.src.startsWith("(?<=", c.i)) {
      const end = closingParen(c.src, c.i);
      if (end === -1) return;
      c.i = end + 1;
      continue;
    }
    if (c.src.startsWith("\\b", c.i)) {
      c.i += 2;
      continue;
    }
    return;
  }
}

/**
 * At c.i: either a group `(?:…)` / `(?<name>…)` / `(…)` holding alternatives, or a
 * literal run. Returns the possible prefixes.
 */
function alternatives(c: Cursor): string[] | null {
  const { src } = c;
  if (src[c.i] === "(") {
    let bodyStart: number;
    if (src.startsWith("(?:", c.i)) bodyStart = c.i + 3;
    else if (src.startsWith("(?<", c.i) && src[c.i + 3] !== "=" && src[c.i + 3] !== "!") {
      const close = src.indexOf(">", c.i);
      if (close === -1) return null;
      bodyStart = close + 1;
    } else if (src[c.i + 1] !== "?") bodyStart = c.i + 1;
    else return null; // look-ahead or other assertion
    const end = closingParen(src, c.i);
    if (end === -1) return null;
    // A quantified group (`(?:ab)?`, `(…)*`, `(…){0,2}`) may match nothing.
    const after = src[end + 1];
    if (after === "?" || after === "*" || after === "{") return null;
    const branches = splitTopLevel(src.slice(bodyStart, end));
    if (branches === null) return null;
    const out: string[] = [];
    for (const b of branches) {
      const inner: Cursor = { src: b, i: 0 };
      skipZeroWidth(inner);
      const p = alternatives(inner);
      if (p === null) return null;
      out.push(...p);
    }
    return out;
  }
  const lit = literalRun(c);
  return lit.length > 0 ? [lit] : null;
}

/** Plain and escaped characters from c.i up to the first piece of syntax; a quantified last character is dropped. */
function literalRun(c: Cursor): string {
  const { src } = c;
  let out = "";
  let i = c.i;
  for (;;) {
    let ch: string;
    let next: number;
    if (i >= src.length) break;
    if (src[i] === "\\") {
      const e = src[i + 1];
      // Escaped punctuation is itself; `\d`, `\w`, `\b`, `\k`, `\u`, `\x`… are not literals.
      if (e === undefined || /[A-Za-z0-9]/.test(e)) break;
      ch = e;
      next = i + 2;
    } else if (META.has(src[i]!)) break;
    else {
      ch = src[i]!;
      next = i + 1;
    }
    const q = src[next];
    if (q === "?" || q === "*" || q === "{") break; // optional: not part of every match
    out += ch;
    i = next;
    if (q === "+") break; // one occurrence is certain, the rest is not literal
  }
  return out;
}

/** Index of the `)` closing the `(` at `open`, honouring escapes and character classes. */
function closingParen(src: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Splits a group body on its top-level `|`. */
function splitTopLevel(body: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return depth === 0 ? parts : null;
}
