import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { scanText } from "../src/scan/engine.js";
import { compileRuleSet, runRulesWith, scanKeywords, allRules } from "../src/scan/rule-set.js";
import { detectGeneric } from "../src/scan/generic-detector.js";
import { detectBuiltin } from "../src/scan/builtin-detector.js";
import { fileInfo } from "../src/scan/file-kind.js";
import type { BenchContext, Benchmark, Table } from "./types.js";

// scanText on its own, one thread, in-process: where the engine's time goes
// (keyword pre-filter, provider rules, built-in and generic
// detectors) on the repository's installed packages (node_modules: real
// package sources, the kind of text the 250 MB scan benchmark reads).
// Target for the whole scan: >= 150 MB/s on 2 cores, i.e. >= 75 MB/s per core
// for everything (reading files included).

const MAX_FILE = 1_000_000;
const MAX_TOTAL = 40_000_000;

function collect(dir: string, out: Array<{ file: string; text: string }>, root: string, budget: { left: number }): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (budget.left <= 0) return;
    const full = join(dir, name);
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) collect(full, out, root, budget);
    else if (st.size > 0 && st.size <= MAX_FILE) {
      const buf = readFileSync(full);
      if (buf.includes(0)) continue;
      out.push({ file: relative(root, full), text: buf.toString("utf8") });
      budget.left -= buf.length;
    }
  }
}

async function engineStages(ctx: BenchContext): Promise<Table[]> {
  const root = join(ctx.root, "node_modules");
  const texts: Array<{ file: string; text: string }> = [];
  collect(root, texts, root, { left: MAX_TOTAL });
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  ctx.log(`engine: ${texts.length} files, ${(bytes / 1e6).toFixed(1)} MB from node_modules`);
  const set = compileRuleSet(allRules);
  const stages: Record<string, number> = {};
  const time = <T>(k: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    stages[k] = (stages[k] ?? 0) + performance.now() - t0;
    return r;
  };
  let findings = 0;
  for (let round = 0; round < 2; round++) {
    for (const k of Object.keys(stages)) stages[k] = 0; // round 0 warms up the JIT
    findings = 0;
    for (const { file, text } of texts) {
      const heads: number[] = [];
      const offsets = new Map<string, readonly number[] | null>();
      const found = time("keyword pass (rules, engine triggers, head words)", () => scanKeywords(set, text, heads, undefined, offsets));
      time("provider rules", () => runRulesWith(set, text, found));
      const info = fileInfo(file);
      // Anchored at the pass's offsets, as scanText runs them.
      time("built-in detectors", () => detectBuiltin(text, found, file, info, { offsets, heads }));
      time("generic name=value", () => detectGeneric(text, info, heads));
      findings += time("scanText (all)", () => scanText({ text, file })).findings.length;
    }
  }
  return [
    {
      title: `scanText stages on ${texts.length} files (${(bytes / 1e6).toFixed(1)} MB of installed package sources), one thread`,
      columns: ["stage", "ms", "MB/s"],
      rows: Object.entries(stages).map(([k, ms]) => [k, Math.round(ms), Math.round(bytes / 1e6 / (ms / 1000))]),
      notes: [`${findings} findings in total (${(findings / (bytes / 1e8)).toFixed(1)} per 100 MB); rules: ${allRules.length}`, "Target for the whole scan: >= 75 MB/s per core."],
    },
  ];
}

export const benchmarks: Benchmark[] = [{ name: "engine-stages", description: "scanText throughput per stage on installed package sources (one thread)", run: engineStages }];
