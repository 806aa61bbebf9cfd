import { useStdout } from "ink";
import { useEffect, useState } from "react";

// The terminal's size, as state: a resize (SIGWINCH) draws the screen again
// at the new size. ink lays its tree out again on a resize but does not
// render the components again, so screens that sized their lists and cut
// their lines from stdout.columns/rows at their last render kept the old
// size: after shrinking, lines wider than the terminal wrapped and the top
// of the screen scrolled away; after growing, the lists stayed short.

export interface TerminalSize {
  columns: number;
  rows: number;
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const resized = () => setSize((was) => {
      const now = read();
      return now.columns === was.columns && now.rows === was.rows ? was : now;
    });
    resized(); // a resize between the first render and this effect
    stdout.on("resize", resized);
    return () => {
      stdout.off("resize", resized);
    };
  }, [stdout]);
  return size;
}

/**
 * The least terminal the screens are laid out for: below it a screen could be taller or wider than
 * the terminal (ink then clears the whole screen at every frame, and the header scrolls away), so the
 * session shows what is wrong instead, keeps its state, and draws the screen again once it fits.
 */
export const MIN_SIZE: TerminalSize = { columns: 60, rows: 15 };

export const tooSmall = (size: TerminalSize): boolean => size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
