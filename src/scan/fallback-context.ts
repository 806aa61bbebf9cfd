import { isIdentifierCode, isSpaceCode } from "./char-codes.js";
import { skipBlanks } from "./operand.js";

// What the AST walk (js-scanner.ts) makes of an environment read with a literal
// fallback, `<read> || "…"` / `<read> ?? "…"`, read from the text around it:
// whether the read is the whole left operand (the walk's `LogicalExpression`
// case judges the literal under the variable read only then: not in
// `a && process.env.X || "…"` nor `a + process.env.X || "…"`), and whether the
// whole expression is the value of a declarator, an assignment, an object
// property or a class field (the walk's `valueOf` then judges the literal under
// that name too: `const dbPassword = process.env.DB || "…"`). The lexical reader
// (env-references.ts) uses it to make the walk's candidates without a parse;
// whatever it cannot tell for sure answers `undefined`, and the file is parsed.

/** The read is the whole left operand; `target`: the name the walk's `valueOf` judges the literal under too, if any. */
export interface FallbackContext {
  target: string | null;
}

const STATEMENT_WORDS = new Set(["return", "throw", "yield", "case", "else", "do", "default"]);
// Before a target name: words after which `NAME = …` is a declarator, a class field or an assignment, all of
// which the walk judges under NAME.
const DECLARING_WORDS = new Set(["const", "let", "var", "static", "readonly", "public", "private", "protected", "declare", "override", "accessor", "return", "else", "do"]);
const CLASS_HEAD = /(?:^|[^\w$])class(?:\s+[\w$]+)?(?:\s*<[^<>{}]*>)?(?:\s+extends\s+[\w$.]+(?:\s*<[^<>{}]*>)?)?(?:\s+implements\s+[\w$.,\s]+)?\s*$/;

/**
 * The context of the read at [start, …) whose fallback literal closes at `close` (the literal is the
 * whole right operand: operand.ts `endsOperand`), or undefined when the text does not say for sure.
 */
export function fallbackContext(text: string, start: number, close: number): FallbackContext | undefined {
  if (!inCode(text, start)) return undefined;
  // What follows the literal: the end of the expression, or more of it.
  const after = skipBlanks(text, close + 1, false);
  let whole: boolean;
  if (after.at >= text.length) whole = true;
  else {
    const c = text.charCodeAt(after.at);
    if (c === 59 || c === 44 || c === 125) whole = true; // ; , }
    else if (c === 124 || c === 63 || c === 58 || c === 41 || c === 93) whole = false; // || ?? ? : ) ]
    else if (after.newline && c !== 33 && !/^(?:as|satisfies)(?![\w$])/.test(text.slice(after.at, after.at + 10))) whole = true; // a statement on the next line
    else return undefined; // TS `as T`, `!`, or something the pre-check let through
  }
  return before(text, start, close, whole, 0);
}

function before(text: string, start: number, close: number, whole: boolean, depth: number): FallbackContext | undefined {
  const p = prevToken(text, start);
  if (p < 0) return { target: null };
  if (!inCode(text, p)) return undefined;
  const c = text.charCodeAt(p);
  switch (c) {
    case 59: // ; { } ) : a statement (or a block's first)
    case 123:
    case 125:
    case 41:
      return { target: null };
    case 44: // , [ : an argument, an element, a computed key or member: nothing but the read's own fallback
    case 91:
      return { target: null };
    case 40: {
      // `(`: a call's argument, a condition, or parentheses around the expression (the AST has no node
      // for them: `const key = (process.env.K || "…");` is the declarator's value).
      const after = skipBlanks(text, close + 1, false).at;
      if (text.charCodeAt(after) !== 41) return { target: null };
      const q = prevToken(text, p);
      const d = q < 0 ? -1 : text.charCodeAt(q);
      if (isIdentifierCode(d) || d === 41 || d === 93 || d === 96 || depth >= 3) return { target: null };
      const outer = fallbackContextOf(text, p, after, depth + 1);
      return outer === undefined ? undefined : { target: outer.target };
    }
    case 63: // `?`: a ternary's branch; `??` makes the read part of the left operand
      return text.charCodeAt(p - 1) === 63 ? undefined : { target: null };
    case 62: // `=>`: an arrow's body; `>`, `>>` compare or shift
      return text.charCodeAt(p - 1) === 61 ? { target: null } : undefined;
    case 58: {
      const key = propertyKey(text, p);
      if (key === undefined) return undefined;
      return { target: whole ? key : null };
    }
    case 61: {
      const name = assignmentTarget(text, p);
      if (name === undefined) return undefined;
      return { target: whole ? name : null };
    }
    default: {
      if (!isIdentifierCode(c)) return undefined; // an operator: the read is part of a larger left operand
      let w = p;
      while (w > 0 && isIdentifierCode(text.charCodeAt(w - 1))) w--;
      const word = text.slice(w, p + 1);
      if (STATEMENT_WORDS.has(word)) return { target: null };
      // Anything else on the same line (`typeof`, `await`, `in`, `new`) binds tighter; on the line before,
      // a statement ended (automatic semicolon insertion).
      return text.slice(p + 1, start).includes("\n") && !/^(?:typeof|await|void|delete|new|in|of|instanceof|yield)$/.test(word) ? { target: null } : undefined;
    }
  }
}

/** The context of an expression at [start, closeParen]: the parenthesised fallback's. */
function fallbackContextOf(text: string, start: number, closeParen: number, depth: number): FallbackContext | undefined {
  const after = skipBlanks(text, closeParen + 1, false);
  let whole: boolean;
  if (after.at >= text.length) whole = true;
  else {
    const c = text.charCodeAt(after.at);
    if (c === 59 || c === 44 || c === 125) whole = true;
    else if (after.newline && c !== 40 && c !== 91 && c !== 46 && c !== 96 && c !== 33 && !/^(?:as|satisfies)(?![\w$])/.test(text.slice(after.at, after.at + 10))) whole = true;
    else if (c === 41) whole = false;
    else return undefined;
  }
  return before(text, start, closeParen, whole, depth);
}

/**
 * `key: <expression>` in an object literal (`{` or `,` before the key): the key's name; null after a
 * ternary's `:` or a `case`; undefined for a computed key (`["k"]:` is judged under k) or when unsure.
 */
function propertyKey(text: string, colon: number): string | null | undefined {
  const k = prevToken(text, colon);
  if (k < 0) return undefined;
  const c = text.charCodeAt(k);
  let keyStart: number;
  let name: string | null;
  if (c === 34 || c === 39) {
    const open = text.lastIndexOf(text[k]!, k - 1);
    if (open === -1 || text.slice(open, k).includes("\n") || text.slice(open, k).includes("\\")) return undefined;
    keyStart = open;
    name = text.slice(open + 1, k);
  } else if (isIdentifierCode(c)) {
    keyStart = k;
    while (keyStart > 0 && isIdentifierCode(text.charCodeAt(keyStart - 1))) keyStart--;
    if (!wholeName(text, keyStart)) return undefined;
    name = text.slice(keyStart, k + 1);
    if (name.charCodeAt(0) >= 48 && name.charCodeAt(0) <= 57) name = null; // a number key: the walk has no name for it
  } else if (c === 93) {
    keyStart = text.lastIndexOf("[", k);
    if (keyStart === -1) return undefined;
    name = null;
  } else if (c === 92 || c > 127) return undefined; // a name the walk spells otherwise (`apiKeyé:`)
  else return null; // `c ? f(x) : …`
  if (!inCode(text, keyStart)) return undefined;
  const p = prevToken(text, keyStart);
  if (p >= 0 && !inCode(text, p)) return undefined;
  const d = p < 0 ? -1 : text.charCodeAt(p);
  if (d === 44) return c === 93 ? undefined : name;
  if (d === 123) return c === 93 || opensBlock(text, p) ? undefined : name;
  return null;
}

/**
 * The name the walk judges `<target> = <expression>` under: a declared or assigned identifier, a class
 * field, a member's property (`this.apiKey =`, `config.token ||=`); null when the walk judges it under
 * none; undefined when the `=` is a comparison, the left side is a pattern's default or a parameter's, or
 * the text does not say.
 */
function assignmentTarget(text: string, eq: number): string | null | undefined {
  const prev = text.charCodeAt(eq - 1);
  let op = eq;
  if (prev === 61 || prev === 33) return undefined; // == === != !==
  if (prev === 60 || prev === 62) {
    // `<<=` `>>=` `>>>=` assign; `<=` `>=` compare
    if (text.charCodeAt(eq - 2) !== prev) return undefined;
    op = eq - 2;
    while (text.charCodeAt(op - 1) === 62) op--;
  } else {
    while (eq - op < 3 && "+-*/%&|^?".includes(text[op - 1] ?? " ")) op--;
  }
  const t = prevToken(text, op);
  if (t < 0 || !isIdentifierCode(text.charCodeAt(t))) return undefined; // `obj[k] =`, `(a) =`, a pattern
  let w = t;
  while (w > 0 && isIdentifierCode(text.charCodeAt(w - 1))) w--;
  const name = text.slice(w, t + 1);
  if (!inCode(text, w) || /^\d/.test(name)) return undefined;
  if (text.charCodeAt(w - 1) === 35 || !wholeName(text, w)) return undefined; // `#field`, `ap\u{69}Key`
  const p = prevToken(text, w);
  if (p < 0) return name;
  if (!inCode(text, p)) return undefined;
  const c = text.charCodeAt(p);
  if (c === 46) return text.charCodeAt(p - 1) === 63 || typeName(text, p) ? undefined : name; // `x.name =`
  if (c === 58) return typedDeclarator(text, p, name);
  if (c === 59 || c === 125 || c === 41) return name; // a statement, or a class field after a member
  if (c === 123) {
    // A block or a class body; an object pattern's default (`{ name = "…" } = o`) and an enum member are not judged.
    const b = prevToken(text, p);
    if (b < 0) return name;
    const d = text.charCodeAt(b);
    if (d === 41 || (d === 62 && text.charCodeAt(b - 1) === 61)) return name;
    if (CLASS_HEAD.test(text.slice(Math.max(0, p - 200), p))) return name;
    const word = wordBefore(text, b);
    return word === "else" || word === "try" || word === "do" || word === "finally" ? name : undefined;
  }
  if (isIdentifierCode(c)) return DECLARING_WORDS.has(wordBefore(text, p)) ? name : undefined;
  return undefined;
}

/**
 * Whether the `{` at `brace` opens a block (a label then stands where a key would: `{ apiKey: … }` in a
 * function's body): after `)`, `;`, `{`, `}`, `=>`, `else`/`do`/`try`/`finally`, or at the start.
 */
function opensBlock(text: string, brace: number): boolean {
  const b = prevToken(text, brace);
  if (b < 0) return true;
  const c = text.charCodeAt(b);
  if (c === 41 || c === 59 || c === 123 || c === 125 || (c === 62 && text.charCodeAt(b - 1) === 61)) return true;
  const word = isIdentifierCode(c) ? wordBefore(text, b) : "";
  return word === "else" || word === "do" || word === "try" || word === "finally";
}

/** Whether the `.` at `dot` is inside a qualified type annotation (`const secret: jwt.Secret = …`): `:` before the dotted names. */
function typeName(text: string, dot: number): boolean {
  let p = dot;
  for (;;) {
    const q = prevToken(text, p);
    if (q < 0 || !isIdentifierCode(text.charCodeAt(q))) return false;
    let w = q;
    while (w > 0 && isIdentifierCode(text.charCodeAt(w - 1))) w--;
    const r = prevToken(text, w);
    if (r < 0) return false;
    const c = text.charCodeAt(r);
    if (c === 58) return true;
    if (c !== 46) return false;
    p = r;
  }
}

/** `const name: Type = …` / `private name: Type = …` (one type name): the declared name; otherwise undefined. */
function typedDeclarator(text: string, colon: number, type: string): string | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(type)) return undefined;
  const k = prevToken(text, colon);
  if (k < 0 || !isIdentifierCode(text.charCodeAt(k))) return undefined;
  let w = k;
  while (w > 0 && isIdentifierCode(text.charCodeAt(w - 1))) w--;
  if (!wholeName(text, w)) return undefined;
  const p = prevToken(text, w);
  if (p < 0 || !isIdentifierCode(text.charCodeAt(p)) || !inCode(text, p)) return undefined;
  const word = wordBefore(text, p);
  return word !== "return" && word !== "else" && word !== "do" && DECLARING_WORDS.has(word) ? text.slice(w, k + 1) : undefined;
}

/**
 * Whether the ASCII identifier starting at `w` is the whole of its name: no unicode escape (`\u0061`,
 * `\u{61}`) or non-ASCII letter runs into it from before, which the walk's name would hold.
 */
function wholeName(text: string, w: number): boolean {
  const c = text.charCodeAt(w - 1);
  return !(c === 92 || c > 127 || (c === 125 && /\\u\{[\da-fA-F]+$/.test(text.slice(Math.max(0, w - 12), w - 1))));
}

/** The word ending at `end` (inclusive). */
function wordBefore(text: string, end: number): string {
  let w = end;
  while (w > 0 && isIdentifierCode(text.charCodeAt(w - 1))) w--;
  return text.slice(w, end + 1);
}

/** The last non-blank character before `p`, or -1 (line ends are blanks; comments are not skipped: inCode says). */
function prevToken(text: string, p: number): number {
  let i = p - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  return i;
}

/**
 * Whether `i` is in code, not in a string, a template or a comment, as far as the text tells cheaply:
 * its line read from the start (quotes, `//`, `/* … *\/`), no block comment open before the line, an
 * even number of backticks before it. A regex literal holding a quote makes it answer false: unsure.
 */
export function inCode(text: string, i: number): boolean {
  const open = text.lastIndexOf("/*", i);
  if (open !== -1) {
    const shut = text.indexOf("*/", open + 2);
    // Open over `i` (or a `/*` inside a string, a glob "src/**/*.js": unsure either way).
    if (shut === -1 || shut + 2 > i) return false;
  }
  let ticks = 0;
  for (let t = text.indexOf("`"); t !== -1 && t < i; t = text.indexOf("`", t + 1)) ticks++;
  if (ticks % 2 === 1) return false;
  // `i`'s line, read from its start: a line continued from the one before (`"…\` at its end) may start in a string.
  const line = text.lastIndexOf("\n", i - 1) + 1;
  if (line > 0 && text.charCodeAt(text.charCodeAt(line - 2) === 13 ? line - 3 : line - 2) === 92) return false;
  let quote = 0;
  for (let k = line; k < i; k++) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (c === 92) k++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39 || c === 96) quote = c;
    else if (c === 47) {
      const d = text.charCodeAt(k + 1);
      if (d === 47) return false;
      if (d === 42) {
        // A block comment closed on the line: its quotes are no strings' (`/* it's */`).
        const shut = text.indexOf("*/", k + 2);
        if (shut === -1 || shut + 2 > i) return false;
        k = shut + 1;
      } else if (!dividesAfter(text, line, k)) return false; // a regex literal may start here: its quotes would be read as strings'
    }
  }
  return quote === 0;
}

const REGEX_AFTER_WORDS = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);

/** Whether the `/` at `slash` (not a comment's) is a division: after an operand on its line, not after a keyword. */
function dividesAfter(text: string, line: number, slash: number): boolean {
  let p = slash - 1;
  while (p >= line && isSpaceCode(text.charCodeAt(p))) p--;
  if (p < line) return false;
  const c = text.charCodeAt(p);
  if (c === 41 || c === 93) return true; // `) /`, `] /` (`if (a) /re/` is read as a division)
  return isIdentifierCode(c) && !REGEX_AFTER_WORDS.has(wordBefore(text, p));
}
