// Two quoting forms of configuration and shell files whose value the `name = value` reader took for something else:
//
// - ODBC's braced values (`PWD={…}`): a value holding `;`, `{`, `}` or blanks is written in braces, a `}` inside it
//   doubled (learn.microsoft.com/sql/odbc/reference/syntax/sqldriverconnect-function: "attribute-value … enclosed in
//   braces"). It was read as a value that starts with `{` (an object) and dropped. Only a value that needs the
//   braces (it holds a character other than word characters, `.` and `-`) is read: `{password}` and `{db_pw}` are
//   format placeholders far more often than a braced password.
// - Bash's ANSI-C quoting (`NEW_PASS=$'…\x27…'`, gnu.org/software/bash/manual/bash.html#ANSI_002dC-Quoting): a
//   password holding a quote or a control character is written so; it was read as a `$…` reference. The span is
//   the text between the quotes as written; a value whose escapes spell a reference (`$'\x24{ADMIN_PASS}'`) is none.

/** The inside of an ODBC braced value starting at `at` (`{`), or null. */
export function odbcBraced(text: string, at: number): { start: number; end: number } | null {
  if (text.charCodeAt(at) !== 123 || text.charCodeAt(at + 1) === 123) return null;
  let needsBraces = false;
  for (let j = at + 1; j < text.length && j < at + 256; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13 || c === 34 || c === 39 || c === 123) return null;
    if (c === 125 /* } */) {
      if (text.charCodeAt(j + 1) === 125) {
        needsBraces = true;
        j++;
        continue;
      }
      const after = j + 1 < text.length ? text.charCodeAt(j + 1) : 10;
      // The value ends the attribute: `;`, a closing quote of the string holding the connection string, or the line.
      if (after !== 59 && after !== 34 && after !== 39 && after !== 10 && after !== 13 && after !== 32 && after !== 9) return null;
      if (!needsBraces || j === at + 1) return null;
      return { start: at + 1, end: j };
    }
    if (!isPlainCode(c)) needsBraces = true;
  }
  return null;
}

function isPlainCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

/** The inside of a Bash ANSI-C quoted string starting at `at` (`$'`), or null when there is none or it spells a reference. */
export function ansiCQuoted(text: string, at: number): { start: number; end: number } | null {
  if (text.charCodeAt(at) !== 36 || text.charCodeAt(at + 1) !== 39) return null;
  for (let j = at + 2; j < text.length && j < at + 1024; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* backslash */) {
      j++;
      continue;
    }
    if (c === 10) return null;
    if (c === 39) {
      if (j === at + 2) return null;
      return /\$|\\x24|\\044|\\u0024/i.test(text.slice(at + 2, j)) ? null : { start: at + 2, end: j };
    }
  }
  return null;
}

const ANSI_C_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v" };

/**
 * What Bash makes of the inside of `$'…'`, for the judge (its escapes would look like a pattern). A control character
 * an escape writes (`\t`) is one more symbol of the password, not a blank between words, so it is judged as `~`.
 */
export function ansiCDecoded(raw: string): string {
  return decodeEscapes(raw).replace(/[\x00-\x1f\x7f]/g, "~");
}

function decodeEscapes(raw: string): string {
  return raw.replace(/\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === "x" || e[0] === "u") return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ANSI_C_ESCAPES[e] ?? e;
  });
}
