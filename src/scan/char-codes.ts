// Character tests on UTF-16 code units, for loops that read a text with
// charCodeAt instead of slicing it for a regex.

/** What a regex's `\s` matches: ECMA-262 WhiteSpace and LineTerminator code points. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What a regex's `\w` matches: ASCII letters, digits and `_`. */
export function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A character of an ASCII JavaScript identifier: `\w` and `$`. */
export function isIdentifierCode(c: number): boolean {
  return isWordCode(c) || c === 36;
}
