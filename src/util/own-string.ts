/**
 * A copy of `s` that does not keep the text it was cut from alive.
 *
 * A string of 13 or more characters cut out of a larger one (a regex match, a
 * slice) is a V8 sliced string: it points into its parent, so one import
 * specifier or variable name kept from a file keeps the whole file's text in
 * memory. Whatever is kept after a file is dropped (facts per file, cache keys)
 * goes through here. V8 flattens the concatenation into a new string before
 * slicing it: a flat copy, six times cheaper than split/join.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}
