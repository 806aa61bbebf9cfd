import { appendFileSync, chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { HOOK_SCRIPT } from "../src/hooks/git-hook.js";
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

/**
 * The repository's pre-commit hook as `vaultshift hook install` writes it,
 * with `node_modules/.bin/vaultshift` linked to `bin` as npm links it (the
 * bin's `#!/usr/bin/env node` then finds this node first on PATH). Returns
 * the hook's path and the environment git would run it with.
 */
function installHook(dir: string, bin: string): { hook: string; env: NodeJS.ProcessEnv } {
  mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
  symlinkSync(bin, join(dir, "node_modules", ".bin", "vaultshift"));
  chmodSync(bin, 0o755);
  const hook = join(dir, ".git", "hooks", "pre-commit");
  mkdirSync(dirname(hook), { recursive: true });
  writeFileSync(hook, HOOK_SCRIPT, { mode: 0o755 });
  return { hook, env: { ...gitEnv, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}` } };
}

export const benchmarks: Benchmark[] = [
  {
    name: "scan-staged",
    description: "`vaultshift scan --staged` on a 5-file staged change (pre-commit hook), median of 10",
    async run(ctx: BenchContext): Promise<Table[]> {
      const bin = await vaultshiftBin(ctx.root, ctx.workDir);
      const rows: (string | number | null)[][] = [];
      const notes: string[] = [];
      const caCerts = Boolean(process.env.NODE_EXTRA_CA_CERTS);
      for (const withSecret of [false, true]) {
        const dir = join(ctx.workDir, withSecret ? "staged-repo-secret" : "staged-repo");
        const changed = buildStagedRepo(dir, withSecret);
        const staged = git(dir, ["diff", "--cached", "--name-only"]).trim().split("\n");
        if (staged.length !== 5) notes.push(`warning: ${staged.length} files staged, expected 5 (${changed.join(", ")})`);
        ctx.log(`scan-staged: ${withSecret ? "with a secret" : "clean"} × ${RUNS}`);
        // The plain command in the environment as given; and, when that
        // environment sets NODE_EXTRA_CA_CERTS (which costs every node process
        // its certificate loading, ~45 ms here), the installed hook, which
        // runs the scan without it (src/hooks/git-hook.ts). Alternated.
        const viaHook = caCerts ? installHook(dir, bin) : undefined;
        const runs: Measured[] = [];
        const hookRuns: Measured[] = [];
        for (let i = 0; i < RUNS; i++) {
          runs.push(await measure(process.execPath, [bin, "scan", "--staged"], { cwd: dir, env: gitEnv, timeoutMs: 60_000 }));
          if (viaHook) hookRuns.push(await measure("sh", [viaHook.hook], { cwd: dir, env: viaHook.env, timeoutMs: 60_000 }));
        }
        const row = (label: string, measured: Measured[]) => {
          const walls = measured.map((r) => r.wallMs);
          const codes = [...new Set(measured.map((r) => r.exitCode))].join("/");
          const failed = measured.find((r) => r.exitCode !== 0 && r.exitCode !== 1);
          if (failed) notes.push(`${label} failed (exit ${failed.exitCode}): ${failed.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 300)}`);
          rows.push([
            label,
            median(walls),
            Math.min(...walls),
            percentile(walls, 90),
            cpu(measured),
            Math.max(...measured.map((r) => r.peakRssKb ?? 0)) / 1024,
            `exit ${codes} (expected ${withSecret ? 1 : 0})`,
          ]);
        };
        const change = withSecret ? "1 secret staged" : "clean";
        row(`vaultshift scan --staged (${change})`, runs);
        if (viaHook) row(`  the same, as the installed hook runs it (${change}; NODE_EXTRA_CA_CERTS unset)`, hookRuns);
      }
      const dir = join(ctx.workDir, "staged-repo");
      const node = await times(RUNS, process.execPath, ["-e", "0"], dir);
      rows.push(["floor: node -e 0", median(node.map((r) => r.wallMs)), Math.min(...node.map((r) => r.wallMs)), percentile(node.map((r) => r.wallMs), 90), cpu(node), Math.max(...node.map((r) => r.peakRssKb ?? 0)) / 1024, ""]);
      if (caCerts) {
        const { NODE_EXTRA_CA_CERTS: _set, ...unset } = gitEnv;
        const bare: Measured[] = [];
        for (let i = 0; i < RUNS; i++) bare.push(await measure(process.execPath, ["-e", "0"], { cwd: dir, env: unset, timeoutMs: 60_000 }));
        rows.push(["floor: node -e 0, NODE_EXTRA_CA_CERTS unset", median(bare.map((r) => r.wallMs)), Math.min(...bare.map((r) => r.wallMs)), percentile(bare.map((r) => r.wallMs), 90), cpu(bare), Math.max(...bare.map((r) => r.peakRssKb ?? 0)) / 1024, ""]);
      }
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
            caCerts
              ? "NODE_EXTRA_CA_CERTS is set here: every node process (the plain rows, node -e 0) loads its certificates at start-up. The installed hook (.git/hooks/pre-commit, run by sh as git runs it, node_modules/.bin/vaultshift linked to this build) unsets it for the scan, which makes no TLS connection."
              : "NODE_EXTRA_CA_CERTS is not set here: the installed hook runs the scan exactly as the plain rows.",
            ...notes,
          ],
        },
      ];
    },
  },
];
