import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { vaultshiftBin } from "./build-snapshot.js";
import { buildCorpus, listFiles, type Corpus } from "./corpus.js";
import { median } from "./measure.js";
import { countBy, score, type Score } from "./recall.js";
import { runRipgrep, runSecretlint, runVaultshift, type ToolRun } from "./scanners.js";
import type { BenchContext, Benchmark, Cell, Table } from "./types.js";

// Working-tree scan of the corpus (real npm package sources + planted fake
// secrets) by vaultshift, secretlint and ripgrep, side by side: wall time,
// throughput, peak RSS, findings, recall of the planted secrets and noise on
// real sources. BENCH_RUNS (default 3) repeats the fast tools; secretlint runs
// once (it takes minutes).

const MB = 1_000_000;
const ALL_FILES = "vaultshift, all files";
const runs = () => Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);

function warmCache(corpus: Corpus): void {
  // Read every file once so that no tool pays for a cold page cache.
  for (const f of listFiles(corpus.dir)) readFileSync(join(corpus.dir, f));
}

async function repeat(n: number, once: () => Promise<ToolRun>): Promise<{ run: ToolRun; wallMs: number[] }> {
  const all: ToolRun[] = [];
  for (let i = 0; i < n; i++) {
    const r = await once();
    all.push(r);
    if (r.error) break;
  }
  const walls = all.map((r) => r.measured.wallMs);
  // Report the run whose time is the median (its findings are the same in every run).
  const mid = median(walls);
  const run = all.reduce((best, r) => (Math.abs(r.measured.wallMs - mid) < Math.abs(best.measured.wallMs - mid) ? r : best), all[0] as ToolRun);
  return { run, wallMs: walls };
}

const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)}%`);
const packageOf = (file: string) => file.split("/")[0] ?? file;

export const benchmarks: Benchmark[] = [
  {
    name: "scan-corpus",
    description: "working-tree scan of ~340 MB of npm package sources with planted secrets: vaultshift vs secretlint vs ripgrep",
    async run(ctx: BenchContext): Promise<Table[]> {
      const corpus = await buildCorpus(ctx);
      const bin = await vaultshiftBin(ctx.root, ctx.workDir);
      const mb = corpus.bytes / MB;
      warmCache(corpus);
      const load = () => loadavg()[0]?.toFixed(1) ?? "?";
      const loadBefore = load();

      ctx.log(`scan-corpus: vaultshift × ${runs()}`);
      const vs = await repeat(runs(), () => runVaultshift(bin, corpus.dir));
      // The same scan without the default directory skips (dist/, build/, out/…)
      // and size limit: the same bytes the other tools read, for a fair MB/s.
      const allConfig = join(ctx.workDir, "vaultshift-all-files.json");
      writeFileSync(allConfig, `${JSON.stringify({ defaultExcludes: false, maxFileSize: 1024 * 1024 * 1024 }, null, 2)}\n`);
      ctx.log(`scan-corpus: vaultshift (all files) × ${runs()}`);
      const vsAll = await repeat(runs(), () => runVaultshift(bin, corpus.dir, ["--config", allConfig], ALL_FILES));
      ctx.log(`scan-corpus: ripgrep × ${runs()}`);
      const rg = await repeat(runs(), () => runRipgrep(corpus.dir));
      // Interim figures on stderr: secretlint takes many minutes, and a run cut short should not lose these.
      for (const t of [vs, vsAll, rg]) {
        const m = t.run.measured;
        ctx.log(
          `scan-corpus: ${t.run.tool}: ${t.run.error ?? `wall ${t.wallMs.map((w) => (w / 1000).toFixed(1)).join("/")} s, CPU ${((m.cpuMs ?? NaN) / 1000).toFixed(1)} s, RSS ${((m.peakRssKb ?? NaN) / 1024).toFixed(0)} MB, ${(t.run.bytesScanned ?? corpus.bytes) / MB} MB read, ${t.run.findings.length} findings, ${score(t.run.findings, corpus.planted).found} planted found`}`,
        );
      }
      const skipSecretlint = process.env.BENCH_SKIP_SECRETLINT === "1";
      ctx.log(skipSecretlint ? "scan-corpus: secretlint skipped (BENCH_SKIP_SECRETLINT=1)" : "scan-corpus: secretlint × 1 (takes minutes)");
      const sl = skipSecretlint ? undefined : await repeat(1, () => runSecretlint(ctx.root, corpus.dir, join(ctx.root, "bench", ".secretlintrc.json")));
      const loadAfter = load();

      const tools = [vs, vsAll, sl, rg].filter((t): t is { run: ToolRun; wallMs: number[] } => t !== undefined);
      const scores = new Map<string, Score>(tools.map((t) => [t.run.tool, score(t.run.findings, corpus.planted)]));

      const corpusTable: Table = {
        title: "Corpus",
        columns: ["packages", "files", "MB", "planted secrets", "in package files", "in new config files"],
        rows: [[corpus.packages.length, corpus.files, mb, corpus.planted.length, corpus.planted.filter((p) => p.existingFile).length, corpus.planted.filter((p) => !p.existingFile).length]],
        notes: [
          `Packages (bench/corpus-packages.json): ${corpus.packages.map((p) => `${p.name}@${p.version}`).join(", ")}.`,
          `By extension (MB): ${Object.entries(corpus.bytesByExtension)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 10)
            .map(([ext, bytes]) => `${ext || "(none)"} ${(bytes / MB).toFixed(1)}`)
            .join(", ")}.`,
        ],
      };

      const rows: Cell[][] = tools.map(({ run, wallMs }) => {
        if (run.error) return [run.tool, run.error, null, null, null, null, null, null, null, null, null];
        const s = scores.get(run.tool) as Score;
        const wall = median(wallMs) / 1000;
        const read = run.bytesScanned === undefined ? mb : run.bytesScanned / MB;
        return [
          run.tool,
          wall,
          read / wall,
          run.measured.cpuMs === null ? null : run.measured.cpuMs / 1000,
          run.measured.cpuMs === null ? null : read / (run.measured.cpuMs / 1000),
          read,
          run.measured.peakRssKb === null ? null : run.measured.peakRssKb / 1024,
          s.findings,
          `${s.found}/${s.planted} (${pct(s.found, s.planted)})`,
          s.outside.length,
          s.outside.length / (mb / 100),
        ];
      });
      const toolTable: Table = {
        title: `Working-tree scan of the corpus (${mb.toFixed(0)} MB, ${corpus.files.toLocaleString("en-US")} files)`,
        columns: ["tool", "wall s (median)", "MB/s", "CPU s", "MB per CPU s", "MB read", "peak RSS MB", "findings", "planted found", "other findings", "other / 100 MB"],
        rows,
        notes: [
          `Whole process, spawn to exit, page cache warm; MB/s = MB read / wall time; CPU s = user + system time of the process tree (GNU time), which machine load inflates far less than wall time. Runs: ${tools.map((t) => `${t.run.tool} ${t.wallMs.map((w) => (w / 1000).toFixed(1)).join("/")} s`).join("; ")}.`,
          `Load average (1 min) before/after: ${loadBefore}/${loadAfter} on ${ctx.cpus} CPUs: other work on the machine inflates wall times.`,
          `"other findings" are findings on no planted secret's lines: false positives on real package sources, unless a package really ships a credential.`,
          `"MB read": what the tool reports it scanned (vaultshift's summary), else the corpus size. vaultshift by default skips dist/, build/, out/, vendor/… and files over 10 MiB (src/scan/path-filter.ts); "${ALL_FILES}" turns that off (config {"defaultExcludes": false, "maxFileSize": 1 GiB}) to read what the others read.`,
          "ripgrep runs ~20 bare provider regexes (bench/rg-patterns.ts) written for the same providers as the planted secrets: a speed floor and a noise reference, not a scanner.",
        ],
      };

      const vsScore = scores.get(ALL_FILES);
      const vsOk = !vsAll.run.error && vsScore;
      const vsWall = median(vsAll.wallMs) / 1000;
      const targetTable: Table = {
        title: `vaultshift against the scanner targets (run "${ALL_FILES}": the whole corpus)`,
        columns: ["figure", "target", "measured", "met"],
        rows: vsOk
          ? [
              ["throughput, whole process", "≥ 150 MB/s", `${(mb / vsWall).toFixed(1)} MB/s`, mb / vsWall >= 150 ? "yes" : "NO"],
              [
                `throughput if all ${ctx.cpus} cores were free: MB ÷ (CPU s ÷ ${ctx.cpus})`,
                "≥ 150 MB/s",
                vsAll.run.measured.cpuMs === null ? "–" : `${(mb / (vsAll.run.measured.cpuMs / 1000 / ctx.cpus)).toFixed(1)} MB/s`,
                vsAll.run.measured.cpuMs !== null && mb / (vsAll.run.measured.cpuMs / 1000 / ctx.cpus) >= 150 ? "yes" : "NO",
              ],
              ["findings outside the planted, per 100 MB", "< 1", (vsScore.outside.length / (mb / 100)).toFixed(2), vsScore.outside.length / (mb / 100) < 1 ? "yes" : "NO"],
              ["peak RSS", "< 300 MB", `${((vsAll.run.measured.peakRssKb ?? NaN) / 1024).toFixed(0)} MB`, (vsAll.run.measured.peakRssKb ?? Infinity) / 1024 < 300 ? "yes" : "NO"],
              ["planted secrets found", "all", `${vsScore.found}/${vsScore.planted}`, vsScore.found === vsScore.planted ? "yes" : "NO"],
            ]
          : [["vaultshift run", "–", vsAll.run.error ?? "failed", "NO"]],
      };

      const providers = [...(scores.values().next().value?.byProvider.keys() ?? [])].sort();
      const recallTable: Table = {
        title: "Planted secrets found, by provider",
        columns: ["provider", ...tools.map((t) => t.run.tool)],
        rows: providers.map((prov) => [
          prov,
          ...tools.map((t) => {
            const e = scores.get(t.run.tool)?.byProvider.get(prov);
            return t.run.error || !e ? null : `${e.found}/${e.planted}`;
          }),
        ]),
      };

      const noiseTables: Table[] = tools
        .filter((t) => !t.run.error && (scores.get(t.run.tool)?.outside.length ?? 0) > 0)
        .map((t) => {
          const outside = (scores.get(t.run.tool) as Score).outside;
          const byRule = countBy(outside, (f) => f.rule, 12);
          const byPackage = countBy(outside, (f) => packageOf(f.file), 8);
          return {
            title: `${t.run.tool}: findings outside the planted secrets, by rule`,
            columns: ["rule", "findings", "example locations"],
            rows: byRule.map(([rule, n]) => [
              rule,
              n,
              [...new Set(outside.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`))].slice(0, 3).join(", "),
            ]),
            notes: [`By package: ${byPackage.map(([p, n]) => `${p} ${n}`).join(", ")}.`],
          };
        });

      return [corpusTable, toolTable, targetTable, recallTable, ...noiseTables];
    },
  },
];
