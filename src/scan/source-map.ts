// Source maps (ECMA-426, formerly the Source Map Revision 3 proposal) carry two
// kinds of text: `sourcesContent`, the original sources, which can hold a
// hard-coded key like any source file, and `mappings`, a Base64 VLQ encoding
// of integers (segment offsets into the generated and original files) that a
// bundler derives from positions alone. `mappings` is often a third of the
// file, and its long runs of Base64 letters (`AAAA`, `EAAE`, `fM2`, `eyJ`)
// look like the start of many token formats: the keyword pass found prefix
// candidates all through it, and rules whose prefix then occurred too often
// fell back to scanning the whole file. The keyword pass skips it.

// VLQ digits are the Base64 alphabet; segments are separated by `,` and lines by `;`.
const VLQ_RUN = /[A-Za-z0-9+/,;]*/y;

/** Index of the first character of a `"mappings"` value at or after `from`, or -1. */
function mappingsValue(text: string, from: number): number {
  for (let at = text.indexOf('"mappings"', from); at !== -1; at = text.indexOf('"mappings"', at + 1)) {
    let j = at + 10;
    while (j < text.length && text.charCodeAt(j) <= 32) j++;
    if (text.charCodeAt(j) !== 58 /* : */) continue;
    j++;
    while (j < text.length && text.charCodeAt(j) <= 32) j++;
    if (text.charCodeAt(j) === 34 /* " */) return j + 1;
  }
  return -1;
}

/**
 * The ranges [start, end) of the `"mappings"` values in a source map's text,
 * ascending. A value holding anything but VLQ characters up to its closing
 * quote (an escape, a newline: not a valid map) is not listed, nor a short one.
 */
export function mappingsRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // The next key is looked for after the run (no `"` inside it, so none starts there), not
  // from its start: the run is often a third of the map.
  let from = 0;
  for (let start = mappingsValue(text, from); start !== -1; start = mappingsValue(text, from)) {
    VLQ_RUN.lastIndex = start;
    VLQ_RUN.exec(text);
    const end = VLQ_RUN.lastIndex;
    if (text.charCodeAt(end) === 34 /* closing quote */ && end - start >= 64) ranges.push([start, end]);
    from = end;
  }
  return ranges;
}
