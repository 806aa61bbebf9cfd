import { EventEmitter } from "node:events";
import { stripVTControlCharacters } from "node:util";
import type { Terminal } from "./run.js";

// A fake terminal for the session's tests: 80×24 by default, keys typed into
// stdin, every frame ink writes kept (canary checks read all of them), and
// waits on a frame's content with a bounded timeout instead of sleeps.

class FakeStdin extends EventEmitter {
  isTTY = true;
  #data: string | null = null;
  write(data: string): void {
    this.#data = data;
    this.emit("readable");
    this.emit("data", data);
  }
  read(): string | null {
    const d = this.#data;
    this.#data = null;
    return d;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    this.frames.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }
}

export const KEYS = { enter: "\r", escape: "\u001b", up: "\u001b[A", down: "\u001b[B", ctrlC: "\u0003", tab: "\t" } as const;

export interface FakeTerminal {
  terminal: Terminal;
  /** The frame on screen now, without ANSI sequences. */
  screen(): string;
  /** Every frame and every stderr write so far, without ANSI sequences. */
  everything(): string;
  press(key: string): void;
  /** Resolves with the screen once it contains `text` (or matches it); rejects after `timeoutMs` showing the last frame. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
}

export function fakeTerminal(columns = 80, rows = 24): FakeTerminal {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(columns, rows);
  const stderr = new FakeStdout(columns, rows);
  const screen = () => stripVTControlCharacters(stdout.frames.at(-1) ?? "");
  return {
    terminal: { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream, debug: true },
    screen,
    everything: () => stripVTControlCharacters([...stdout.frames, ...stderr.frames].join("\n")),
    press: (key) => stdin.write(key),
    async waitFor(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const has = (s: string) => (typeof text === "string" ? s.includes(text) : text.test(s));
      for (;;) {
        const s = screen();
        if (has(s)) return s;
        if (Date.now() > deadline) throw new Error(`the session did not show ${String(text)} within ${timeoutMs} ms; the screen was:\n${s}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}
