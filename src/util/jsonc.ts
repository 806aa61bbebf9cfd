// JSON with comments and trailing commas (JSONC, the part of JSON5 that
// configuration files use): what node-config reads from a `.json` file that
// JSON.parse refuses (its parser falls back to JSON5), and what VS Code-style
// settings files hold. Comments and trailing commas are blanked to spaces of
// the same length (line breaks kept), so every offset of the blanked text is
// the offset of the same byte in the original: spans found in it
// (src/util/json-spans.ts) cut the original. Anything else of JSON5 (unquoted
// keys, single quotes, hexadecimal numbers) is not JSONC: the parse fails.

/** `text` with `//` and `/* … *\/` comments and trailing commas replaced by spaces; line breaks and string contents kept. */
export function blankJsonc(text: string): string {
  const out = text.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n" && out[k] !== "\r") out[k] = " ";
  };
  let lastComma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      lastComma = -1;
    } else if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      const to = end === -1 ? text.length : end;
      blank(i, to);
      i = to - 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const to = end === -1 ? text.length : end + 2;
      blank(i, to);
      i = to - 1;
    } else if (c === ",") lastComma = i;
    else if ((c === "}" || c === "]") && lastComma !== -1) {
      blank(lastComma, lastComma + 1);
      lastComma = -1;
    } else if (!/\s/.test(c)) lastComma = -1;
  }
  return out.join("");
}

/** Whether the text has comments or trailing commas (is JSONC but not JSON). */
export function isJsoncOnly(text: string): boolean {
  return blankJsonc(text) !== text;
}

/** Parse JSON or JSONC (a BOM allowed); throws as JSON.parse does on anything else. */
export function parseJsonc(text: string): unknown {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return JSON.parse(blankJsonc(t));
}
