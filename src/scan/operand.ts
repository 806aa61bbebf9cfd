import { isSpaceCode } from "./char-codes.js";

// Reading a JavaScript operand from the text, without a parser: where a string
// literal closes, and whether it stands alone as the right side of a `||` / `??`
// (the fallback value the AST walk of js-scanner.ts takes) or is the left
// operand of something that binds tighter. The parse pre-check uses this to
// parse only files where the walk can produce a candidate.

/**
 * Where the string literal opening at `quote` closes (at most 200 characters on, on its line), or -1.
 * `plain`: -1 for a blank or a backslash inside too (a credential-shaped fallback: `|| "default value"`
 * is not worth a parse).
 */
export function closingQuote(text: string, quote: number, plain: boolean): number {
  const q = text.charCodeAt(quote);
  for (let i = quote + 1; i < text.length && i - quote <= 200; i++) {
    const c = text.charCodeAt(i);
    if (c === q) return i;
    if (c === 10) return -1;
    if (c === 92) {
      if (plain) return -1;
      i++;
    } else if (plain && (c === 32 || c === 9)) return -1;
  }
  return -1;
}

/** Past blanks, line ends and comments from `i` (and `(` with `parens`): where the next token starts, and whether a line ended on the way. */
export function skipBlanks(text: string, i: number, parens: boolean): { at: number; newline: boolean } {
  let newline = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      newline = true;
      i++;
    } else if (isSpaceCode(c) || (parens && c === 40)) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf("\n", i);
      i = e === -1 ? text.length : e;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf("*/", i + 2);
      if (e === -1) return { at: text.length, newline };
      const nl = text.indexOf("\n", i);
      if (nl !== -1 && nl < e) newline = true;
      i = e + 2;
    } else break;
  }
  return { at: i, newline };
}

/**
 * Whether the literal whose closing quote is at `close` is a whole operand, as a `LogicalExpression`'s
 * right side must be for the AST walk to take it as a fallback value: what follows it, past blanks and
 * comments, ends the expression (`;` `,` `)` `]` `}` `:` a ternary's `?`, `||`, `??`, TS `as` /
 * `satisfies` / `!`, a statement on the next line, the end). A literal followed by `===`, `in`, `.`,
 * `+`, `[`, `(`, `?.` is the left operand of something that binds tighter (react-dom's
 * `… || "password" === elem.type`, firebase's `"authIdToken" in e || "appCheckToken" in e`): the right
 * side is then a comparison, a member or a call, never the literal. Unsure cases answer true: they
 * cost a parse, never a finding.
 */
export function endsOperand(text: string, close: number): boolean {
  const { at: i, newline } = skipBlanks(text, close + 1, false);
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  switch (c) {
    case 63: // `?`: `??` and a ternary end the operand, `?.` continues it (`?.5` is a ternary's number)
      return d !== 46 || isDigitCode(text.charCodeAt(i + 2));
    case 124: // `||` ends it, `|` is a binary operator
      return d === 124;
    case 33: // TS non-null `!` ends it, `!=` compares
      return d !== 61;
    case 43: // `+`, `-` are binary; `++`/`--` on the next line start a statement (automatic semicolon)
    case 45:
      return newline && d === c;
    case 46: // . [ ( ` = < > * % & ^ /: the literal is an operand of what follows
    case 91:
    case 40:
    case 96:
    case 61:
    case 60:
    case 62:
    case 42:
    case 37:
    case 38:
    case 94:
    case 47:
      return false;
    case 105: // `in`, `instanceof`: relational operators, on the same line or the next
      return !/^in(?:stanceof)?(?![\w$])/.test(text.slice(i, i + 11));
    default: // ; , ) ] } : and whatever starts a statement
      return true;
  }
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
