import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildCorpus, listFiles } from "./corpus.js";
import { allRules, compileRuleSet, GENERIC_HEADS, runRulesWith, scanKeywords, type CompiledRuleSet } from "../src/scan/rule-set.js";
import { buildKeywordTable, findKeywords, type KeywordSink } from "../src/scan/keyword-table.js";
import { detectGeneric } from "../src/scan/generic-detector.js";
import { fileInfo } from "../src/scan/file-kind.js";
import { mappingsRanges } from "../src/scan/source-map.js";
import type { BenchContext, Benchmark, Table } from "./types.js";

// What the keyword pass hands to JavaScript, keyword by keyword, and what
// comes of it: the offsets it records (literal prefixes of rules, generic
// head words; other keywords count once per text), with and without the
// follow sets of the literal prefixes (match-shape.ts), the rule matches
// starting at a prefix and the generic detector's hits per head word, on the
// benchmark corpus and on the labelled corpora (fixtures/corpus*). CPU of the
// pass and of the provider rules after it, both ways, and of the generic
// detector, one thread, best of BENCH_RUNS (default 3). BENCH_KEYWORD_EVERY=n
// keeps every n-th corpus file.

const runs = () => Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

interface Text {
  file: string;
  text: string;
  skip: Array<[number, number]> | undefined;
}

function load(dir: string, files: string[]): Text[] {
  const decoder = new TextDecoder();
  const out: Text[] = [];
  for (const file of files) {
    const buf = readFileSync(join(dir, file));
    if (buf.length === 0 || buf.includes(0)) continue;
    const text = buf.some((b) => b > 127) ? decoder.decode(buf) : buf.toString("latin1");
    out.push({ file, text, skip: fileInfo(file).kind === "sourcemap" ? mappingsRanges(text) : undefined });
  }
  return out;
}

function labelledFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, child)).isDirectory()) walk(child);
      else if (name !== "labels.json") out.push(child);
    }
  };
  for (const name of readdirSync(root)) if (name.startsWith("corpus")) walk(name);
  return out;
}

interface Counts {
  /** keyword → offsets handed to JavaScript (recorded positions, head offsets, or 1 per text found). */
  candidates: Float64Array;
  /** keyword → rule matches starting at it (prefixes), generic hits named by it (head words). */
  findings: Float64Array;
}

/** Per keyword: what the pass hands to JavaScript, and what comes of it. */
function count(set: CompiledRuleSet, texts: Text[]): Counts {
  const n = set.keywords.length;
  const counts: Counts = { candidates: new Float64Array(n), findings: new Float64Array(n) };
  const heads = GENERIC_HEADS.map((h) => set.keywordIndex.get(h)!);
  for (const { file, text, skip } of texts) {
    // The prefix positions, from a pass that keeps its lists (scanKeywords hands them to the rules only).
    const lists: Array<number[] | null | undefined> = [];
    findKeywordsFor(set, text, skip, { want: set.wantPositions, positions: lists, head: null, heads: null });
    lists.forEach((l, k) => {
      if (l !== undefined) counts.candidates[k]! += l === null ? 17 + (text.length >> 8) : l.length;
    });
    const h: number[] = [];
    const found = scanKeywords(set, text, h, skip);
    for (const k of found) {
      const i = set.keywordIndex.get(k)!;
      if (set.headWord[i] !== 1 && set.wantPositions[i] !== 1) counts.candidates[i]! += 1;
    }
    const lower = text.toLowerCase();
    for (const at of h) {
      const k = heads.find((i) => lower.startsWith(set.keywords[i]!, at));
      if (k !== undefined) counts.candidates[k]! += 1;
    }
    for (const hit of runRulesWith(set, text, found)) {
      for (const { k } of set.prefixed.get(hit.rule) ?? []) {
        // The match holds the secret and starts at most a few hundred characters before it.
        if (lower.slice(Math.max(0, hit.start - 400), hit.end).includes(set.keywords[k]!)) {
          counts.findings[k]! += 1;
          break;
        }
      }
    }
    const info = fileInfo(file);
    if (info.kind === "dotenv" || info.kind === "lockfile" || info.kind === "sourcemap") continue;
    for (const g of detectGeneric(text, info, h)) {
      const name = g.name.toLowerCase();
      const k = heads.find((i) => name.includes(set.keywords[i]!));
      if (k !== undefined) counts.findings[k]! += 1;
    }
  }
  return counts;
}

/** CPU ms of one round: the pass, the provider rules after it, the generic detector. */
function cpu(set: CompiledRuleSet, texts: Text[]): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  const add = (i: number, t: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(t);
    out[i] += (c.user + c.system) / 1000;
  };
  for (const { file, text, skip } of texts) {
    const h: number[] = [];
    let t = process.cpuUsage();
    const found = scanKeywords(set, text, h, skip);
    add(0, t);
    t = process.cpuUsage();
    runRulesWith(set, text, found);
    add(1, t);
    const info = fileInfo(file);
    if (info.kind === "dotenv" || info.kind === "lockfile" || info.kind === "sourcemap") continue;
    t = process.cpuUsage();
    detectGeneric(text, info, h);
    add(2, t);
  }
  return out;
}

function findKeywordsFor(set: CompiledRuleSet, text: string, skip: Array<[number, number]> | undefined, sink: KeywordSink): void {
  const segments: Array<[number, number]> = [];
  let from = 0;
  for (const [a, b] of skip ?? []) {
    segments.push([from, a]);
    from = b;
  }
  segments.push([from, text.length]);
  findKeywords(set.table, text, segments, 16 + (text.length >> 8), sink, []);
}

async function keywordCost(ctx: BenchContext): Promise<Table[]> {
  const corpus = await buildCorpus(ctx);
  const every = Math.max(1, Number(process.env.BENCH_KEYWORD_EVERY ?? 1));
  const texts = load(corpus.dir, listFiles(corpus.dir).filter((_, i) => i % every === 0));
  const labelledRoot = join(ctx.root, "fixtures");
  const labelled = load(labelledRoot, labelledFiles(labelledRoot));
  const withFollow = compileRuleSet(allRules);
  // The same rule set, its pass without the follow sets.
  const without: CompiledRuleSet = { ...withFollow, table: buildKeywordTable(withFollow.keywords) };
  const on = count(withFollow, texts);
  const off = count(without, texts);
  const lab = count(withFollow, labelled);
  // Alternated rounds, the best of each (the first rounds also warm the JIT up).
  const best = { on: [Infinity, Infinity, Infinity], off: [Infinity, Infinity, Infinity] };
  for (let r = 0; r < runs(); r++) {
    for (const [name, set] of [["off", without], ["on", withFollow]] as const) {
      cpu(set, texts).forEach((ms, i) => (best[name][i] = Math.min(best[name][i]!, ms)));
    }
  }
  const role = (k: number) => (withFollow.headWord[k] === 1 ? "head word" : withFollow.wantPositions[k] === 1 ? (withFollow.follows[k] ? "prefix, follow set" : "prefix") : "keyword");
  const order = [...withFollow.keywords.keys()].sort((a, b) => off.candidates[b]! - off.candidates[a]!).slice(0, 30);
  const sum = (a: Float64Array) => a.reduce((n, x) => n + x, 0);
  const mb = texts.reduce((n, t) => n + t.text.length, 0) / 1e6;
  ctx.log(`keyword-cost: ${texts.length} files (${mb.toFixed(1)} M characters), candidates ${sum(off.candidates)} -> ${sum(on.candidates)}`);
  return [
    {
      title: `Keyword pass candidates per keyword (corpus: ${texts.length} files, labelled corpora: ${labelled.length} files), the 30 most frequent without follow sets`,
      columns: ["keyword", "role", "candidates, no follow sets", "candidates", "corpus findings", "labelled candidates", "labelled findings"],
      rows: [
        ...order.map((k) => [JSON.stringify(withFollow.keywords[k]), role(k), off.candidates[k]!, on.candidates[k]!, on.findings[k]!, lab.candidates[k]!, lab.findings[k]!]),
        ["all keywords", "", sum(off.candidates), sum(on.candidates), sum(on.findings), sum(lab.candidates), sum(lab.findings)],
      ],
      notes: ["Findings: provider-rule matches starting at the prefix, generic hits whose name holds the head word (before de-duplication and the engine's later filters)."],
    },
    {
      title: `CPU after the keyword pass, one thread, best of ${runs()} (ms)`,
      columns: ["", "no follow sets", "follow sets"],
      rows: ["keyword pass (scanKeywords)", "provider rules (runRulesWith)", "generic detector (detectGeneric)"].map((name, i) => [name, Math.round(best.off[i]!), Math.round(best.on[i]!)]),
    },
  ];
}

export const benchmarks: Benchmark[] = [{ name: "keyword-cost", description: "keyword pass candidates per keyword and the JavaScript work after them, with and without follow sets", run: keywordCost }];
