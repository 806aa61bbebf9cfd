/**
 * The lines a change added, judged by content alone: a line of `after` is
 * added when `before` holds fewer copies of it than `after` has seen so far.
 * Used where git gives no hunk to read (UTF-16 text, which git's diff calls
 * binary): linear in both texts, it reports an edited or new line, and not a
 * line that only moved, whose content the scan saw where it was first
 * committed. Line ends are compared without a carriage return.
 *
 * Returns 1-based line numbers of `after`, ascending.
 */
export function linesAddedByContent(before: string | undefined, after: string): number[] {
  const left = new Map<string, number>();
  if (before !== undefined) for (const line of splitLines(before)) left.set(line, (left.get(line) ?? 0) + 1);
  const added: number[] = [];
  const lines = splitLines(after);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = left.get(line) ?? 0;
    if (n > 0) left.set(line, n - 1);
    else added.push(i + 1);
  }
  return added;
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  // A final newline ends the last line; it does not start another.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}
