import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measure, median } from "./measure.js";
import type { Benchmark, Table } from "./types.js";

// The two speed goals of the scanner's git modes, measured whole-process:
//   - `vaultshift scan --staged` with 5 staged files: ≤ 150 ms (a pre-commit
//     hook must feel instant);
//   - `vaultshift scan --history` on a ~200-commit repository: ≤ 2× the time
//     of `git log -p` itself.
// Both repositories are generated (seeded text, no network), in os.tmpdir().

const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Bench",
  GIT_AUTHOR_EMAIL: "bench@example.com",
  GIT_COMMITTER_NAME: "Bench",
  GIT_COMMITTER_EMAIL: "bench@example.com",
  NO_COLOR: "1",
};

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", args, { cwd, env: ENV });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr.toString()}`);
}

/** Deterministic source-like text: a tiny LCG, so every run builds the same repository. */
function sourceText(seed: number, lines: number): string {
  let x = seed >>> 0;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
  const words = ["const", "value", "return", "config", "port", "options", "user", "await", "fetch", "result", "items", "index"];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const a = words[next() % words.length]!;
    const b = words[next() % words.length]!;
    out.push(`  ${a}_${i} = ${b}(${next() % 1000}, "${a}-${b}-${next() % 97}");`);
  }
  return `export function f${seed}() {\n${out.join("\n")}\n}\n`;
}

async function timeRuns(runs: number, command: string, args: string[], cwd: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await measure(command, args, { cwd, env: ENV, timeoutMs: 120_000 })).wallMs);
  return median(times);
}

export const benchmarks: Benchmark[] = [
  {
    name: "scan-git-modes",
    description: "scan --staged (5 files) and scan --history (200 commits) against node startup and git log -p",
    async run(ctx): Promise<Table[]> {
      const bin = join(ctx.root, "bin", "vaultshift.js");
      const dir = mkdtempSync(join(tmpdir(), "vaultshift-bench-git-"));
      try {
        // --staged: 5 staged files of ~40 lines.
        const staged = join(dir, "staged");
        mkdirSync(staged);
        git(staged, "init", "-q", "-b", "main");
        for (let i = 0; i < 5; i++) writeFileSync(join(staged, `f${i}.js`), sourceText(i, 40));
        git(staged, "add", "-A");
        ctx.log("scan-git-modes: --staged");
        const nodeBare = await timeRuns(7, process.execPath, ["-e", "0"], staged);
        const stagedMs = await timeRuns(7, process.execPath, [bin, "scan", "--staged"], staged);

        // --history: 200 commits, each adding a file or editing a few lines.
        const hist = join(dir, "history");
        mkdirSync(hist);
        git(hist, "init", "-q", "-b", "main");
        ctx.log("scan-git-modes: building a 200-commit repository");
        const files: string[] = [];
        for (let c = 0; c < 200; c++) {
          if (c % 2 === 0 || files.length === 0) {
            const name = `src/m${c % 17}/f${c}.js`;
            mkdirSync(join(hist, `src/m${c % 17}`), { recursive: true });
            writeFileSync(join(hist, name), sourceText(c, 150));
            files.push(name);
          } else {
            const name = files[c % files.length]!;
            writeFileSync(join(hist, name), sourceText(c * 7919, 150));
          }
          git(hist, "add", "-A");
          git(hist, "commit", "-q", "-m", `c${c}`);
        }
        ctx.log("scan-git-modes: --history");
        const gitLog = await timeRuns(5, "git", ["log", "-p", "--all"], hist);
        const history = await timeRuns(5, process.execPath, [bin, "scan", "--history"], hist);
        return [
          {
            title: "vaultshift scan, git modes (median wall time, whole process)",
            columns: ["case", "ms", "reference", "reference ms", "ratio"],
            rows: [
              ["scan --staged, 5 files", stagedMs, "node -e 0", nodeBare, stagedMs / nodeBare],
              ["scan --history, 200 commits", history, "git log -p --all", gitLog, history / gitLog],
            ],
            notes: ["Targets: --staged ≤ 150 ms; --history ≤ 2× git log -p.", `CPUs: ${ctx.cpus}.`],
          },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
