import { appendFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { vaultshiftBin } from "./build-snapshot.js";
import { jsFunction, jsModule, jsonConfig, markdown } from "./code-gen.js";
import { Prng, fakeSecret, generators } from "./fake-secrets.js";
import { git, gitEnv } from "./git.js";
import { measure, median, percentile, type Measured } from "./measure.js";
import { snippet } from "./plant.js";
import type { BenchContext, Benchmark, Table } from "./types.js";

// `vaultshift scan --staged` as a pre-commit hook runs it: a whole process on
// a 5-file staged change in a 400-file repository, median of 10. Floors for
// context: bare node start-up and `git diff --cached`, which any hook pays.

const RUNS = 10;

function cpu(runs: Measured[]): number | null {
  const values = runs.map((r) => r.cpuMs).filter((v): v is number => v !== null);
  return values.length === 0 ? null : median(values);
}

export function buildStagedRepo(dir: string, withSecret: boolean): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rng = new Prng(0xc0ffee);
  const write = (rel: string, lines: string[]) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), `${lines.join("\n")}\n`);
  };
  for (let i = 0; i < 360; i++) write(`src/module-${i}.js`, jsModule(rng));
  for (let i = 0; i < 25; i++) write(`config/service-${i}.json`, jsonConfig(rng));
  for (let i = 0; i < 15; i++) write(`docs/page-${i}.md`, markdown(rng));
  write("package.json", ['{ "name": "staged-bench", "version": "1.0.0", "type": "module" }']);
  git(dir, ["init", "-q", "-b", "main"]);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "initial"]);
  // The change: three edited modules, one new module, one edited config.
  const changed = ["src/module-3.js", "src/module-120.js", "src/module-301.js", "src/feature.js", "config/service-7.json"];
  for (const f of changed.slice(0, 3)) appendFileSync(join(dir, f), `${jsFunction(rng).join("\n")}\n`);
  const feature = jsModule(rng, 4);
  if (withSecret) {
    const gen = generators.find((g) => g.provider === "stripe-secret-key");
    feature.splice(3, 0, ...snippet(fakeSecret(rng, gen), "js", rng).lines);
  }
  write("src/feature.js", feature);
  write("config/service-7.json", jsonConfig(rng));
  git(dir, ["add", ...changed]);
  return changed;
}

async function times(n: number, command: string, args: string[], cwd: string): Promise<Measured[]> {
  const out: Measured[] = [];
  for (let i = 0; i < n; i++) out.push(await measure(command, args, { cwd, env: gitEnv, timeoutMs: 60_000 }));
  return out;
}

export const benchmarks: Benchmark[] = [
  {
    name: "scan-staged",
    description: "`vaultshift scan --staged` on a 5-file staged change (pre-commit hook), median of 10",
    async run(ctx: BenchContext): Promise<Table[]> {
      const bin = await vaultshiftBin(ctx.root, ctx.workDir);
      const rows: (string | number | null)[][] = [];
      const notes: string[] = [];
      for (const withSecret of [false, true]) {
        const dir = join(ctx.workDir, withSecret ? "staged-repo-secret" : "staged-repo");
        const changed = buildStagedRepo(dir, withSecret);
        const staged = git(dir, ["diff", "--cached", "--name-only"]).trim().split("\n");
        if (staged.length !== 5) notes.push(`warning: ${staged.length} files staged, expected 5 (${changed.join(", ")})`);
        ctx.log(`scan-staged: ${withSecret ? "with a secret" : "clean"} × ${RUNS}`);
        const runs = await times(RUNS, process.execPath, [bin, "scan", "--staged"], dir);
        const walls = runs.map((r) => r.wallMs);
        const codes = [...new Set(runs.map((r) => r.exitCode))].join("/");
        const failed = runs.find((r) => r.exitCode !== 0 && r.exitCode !== 1);
        if (failed) notes.push(`scan --staged failed (exit ${failed.exitCode}): ${failed.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 300)}`);
        rows.push([
          `vaultshift scan --staged (${withSecret ? "1 secret staged" : "clean"})`,
          median(walls),
          Math.min(...walls),
          percentile(walls, 90),
          cpu(runs),
          Math.max(...runs.map((r) => r.peakRssKb ?? 0)) / 1024,
          `exit ${codes} (expected ${withSecret ? 1 : 0})`,
        ]);
      }
      const dir = join(ctx.workDir, "staged-repo");
      const node = await times(RUNS, process.execPath, ["-e", "0"], dir);
      rows.push(["floor: node -e 0", median(node.map((r) => r.wallMs)), Math.min(...node.map((r) => r.wallMs)), percentile(node.map((r) => r.wallMs), 90), cpu(node), Math.max(...node.map((r) => r.peakRssKb ?? 0)) / 1024, ""]);
      const diff = await times(RUNS, "git", ["diff", "--cached", "-U0", "--no-color"], dir);
      rows.push(["floor: git diff --cached -U0", median(diff.map((r) => r.wallMs)), Math.min(...diff.map((r) => r.wallMs)), percentile(diff.map((r) => r.wallMs), 90), cpu(diff), Math.max(...diff.map((r) => r.peakRssKb ?? 0)) / 1024, ""]);
      return [
        {
          title: `Pre-commit: scan --staged on a 5-file change in a 401-file repository (${RUNS} runs)`,
          columns: ["command", "median ms", "min ms", "p90 ms", "median CPU ms", "peak RSS MB", "result"],
          rows,
          notes: [
            "Target: median ≤ 150 ms, whole process (spawn to exit), as a git hook runs it. CPU ms (user + system) shows the work done; on a busy machine wall time also holds the wait for a core.",
            "Floors: what any Node-based hook pays to start, and what git itself needs to produce the staged diff.",
            ...notes,
          ],
        },
      ];
    },
  },
];
