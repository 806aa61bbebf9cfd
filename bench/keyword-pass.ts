import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCorpus, listFiles } from "./corpus.js";
import { allRules, compileRuleSet, keywordPass } from "../src/scan/rule-set.js";
import { fileInfo } from "../src/scan/file-kind.js";
import { mappingsRanges } from "../src/scan/source-map.js";
import type { BenchContext, Benchmark, Table } from "./types.js";

// The engine's keyword pass alone (rule-set.ts keywordPass, as scanText calls
// it: head words, prefix positions, source maps' mappings skipped) over the
// corpus held in memory, decoded as the scanner decodes (Latin-1 for pure
// ASCII, UTF-8 otherwise, which V8 stores as one-byte and two-byte strings:
// charCodeAt and copies differ in speed, so both are reported). CPU time,
// best of BENCH_RUNS (default 5). BENCH_KEYWORD_EVERY=n keeps every n-th file.

const runs = () => Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

async function keywordPassBench(ctx: BenchContext): Promise<Table[]> {
  const corpus = await buildCorpus(ctx);
  const every = Math.max(1, Number(process.env.BENCH_KEYWORD_EVERY ?? 1));
  const decoder = new TextDecoder();
  const texts: Array<{ text: string; bytes: number; ascii: boolean; skip: Array<[number, number]> | undefined }> = [];
  listFiles(corpus.dir).forEach((file, i) => {
    if (i % every !== 0) return;
    const buf = readFileSync(join(corpus.dir, file));
    if (buf.length === 0 || buf.includes(0)) return;
    const ascii = !buf.some((b) => b > 127);
    const text = ascii ? buf.toString("latin1") : decoder.decode(buf);
    texts.push({ text, bytes: buf.length, ascii, skip: fileInfo(file).kind === "sourcemap" ? mappingsRanges(text) : undefined });
  });
  const set = compileRuleSet(allRules);
  const groups: Array<[string, typeof texts]> = [
    ["all", texts],
    ["ASCII files (one-byte strings)", texts.filter((t) => t.ascii)],
    ["other files (UTF-8 decoded)", texts.filter((t) => !t.ascii)],
  ];
  const rows = groups.map(([name, list]) => {
    const bytes = list.reduce((n, t) => n + t.bytes, 0);
    let best = Infinity;
    let found = 0;
    let heads = 0;
    for (let r = 0; r < runs(); r++) {
      found = 0;
      heads = 0;
      const t0 = process.cpuUsage();
      for (const t of list) {
        const h: number[] = [];
        found += keywordPass(set, t.text, [], h, t.skip).length;
        heads += h.length;
      }
      const c = process.cpuUsage(t0);
      best = Math.min(best, (c.user + c.system) / 1000);
    }
    ctx.log(`keyword-pass: ${name}: ${(bytes / 1e6).toFixed(1)} MB in ${best.toFixed(0)} ms CPU`);
    return [name, list.length, Math.round(bytes / 1e5) / 10, Math.round(best), Math.round(bytes / 1e3 / best), found, heads];
  });
  return [
    {
      title: `Keyword pass over the corpus in memory (${set.keywords.length} keywords), one thread, best of ${runs()}`,
      columns: ["files", "count", "MB", "CPU ms", "MB/s", "keywords found", "head words"],
      rows,
    },
  ];
}

export const benchmarks: Benchmark[] = [{ name: "keyword-pass", description: "the engine's keyword pass alone over the corpus in memory (one thread)", run: keywordPassBench }];
