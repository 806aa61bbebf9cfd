import type { EngineOptions, EngineResult, TextInput } from "./engine.js";
import type { RawFinding } from "./types.js";

// A tiny stand-in for the engine, for the scanner's own tests: they check the
// plumbing (listing, reading, workers, git modes, suppression, formats), not
// detection, so they must not depend on which rules exist. It reports every
// `FAKESECRET_` token (letters, digits, underscores after the prefix). It is a
// module of its own so that worker threads can load it (`engineModule`).

const TOKEN = /FAKESECRET_[A-Za-z0-9_]+/g;

export function scanText(input: TextInput, options: EngineOptions = {}): EngineResult {
  if (options.disableRules?.includes("fake-secret")) return { findings: [], envReferences: [] };
  const findings: RawFinding[] = [];
  const starts = [0];
  for (let i = input.text.indexOf("\n"); i !== -1; i = input.text.indexOf("\n", i + 1)) starts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  for (const m of input.text.matchAll(TOKEN)) {
    const start = m.index!;
    const end = start + m[0].length;
    const a = position(start);
    const b = position(end);
    findings.push({
      ruleId: "fake-secret",
      kind: "api-key",
      severity: "high",
      confidence: 0.9,
      file: input.file,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      reason: "a FAKESECRET_ token",
      secret: m[0],
      start,
      end,
    });
  }
  return { findings, envReferences: [] };
}

export const fakeEngineModule = new URL("./fake-engine.js", import.meta.url).href;
