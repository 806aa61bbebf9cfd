import type { EngineOptions, EngineResult, TextInput } from "./engine.js";
import { scanText as fakeScanText } from "./fake-engine.js";

// A test engine for the pool's out-of-heap path: the fake engine, except that
// a file named `hungry.txt` makes it keep allocating until the thread's heap
// limit stops it (worker-pool.test.ts runs it with a small limit).

const kept: string[][] = [];

export function scanText(input: TextInput, options: EngineOptions = {}): EngineResult {
  if (input.file === "hungry.txt") {
    for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `${input.text}${i}`));
  }
  return fakeScanText(input, options);
}

export const hungryEngineModule = new URL("./hungry-engine.js", import.meta.url).href;
