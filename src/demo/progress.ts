import type { ProgressEvent } from "../plan/types.js";

// Prints the pipeline's progress events. On a terminal the current stage's
// line is rewritten in place and each stage keeps its last line; elsewhere
// (CI logs, tests) one line per stage, so the log stays short and readable.

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

export function style(colour: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (colour ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}

export function progressPrinter(write: (text: string) => void, tty: boolean, st: Style, indent = "     "): { onProgress: (e: ProgressEvent) => void; done: () => void } {
  let stage: string | null = null;
  let live = false;
  const line = (e: ProgressEvent) => `${indent}${st.cyan(e.stage.padEnd(9))} ${e.total > 1 ? st.dim(`${e.step}/${e.total} `) : ""}${e.message}`;
  return {
    onProgress(e) {
      if (tty) {
        if (stage !== null && e.stage !== stage) write("\n");
        write(`\r\x1b[K${line(e)}`);
        live = true;
      } else if (e.stage !== stage) {
        write(`${line(e)}\n`);
      }
      stage = e.stage;
    },
    done() {
      if (tty && live) write("\n");
      live = false;
    },
  };
}
