import { join } from "node:path";
import { vaultshiftBin } from "./build-snapshot.js";
import { buildHistoryRepo } from "./history-repo.js";
import { measure, median, type Measured } from "./measure.js";
import { score } from "./recall.js";
import { runVaultshift, type ToolRun } from "./scanners.js";
import { gitEnv } from "./git.js";
import type { BenchContext, Benchmark, Table } from "./types.js";

// `vaultshift scan --history` on a generated 200-commit repository, against
// `git log -p --all` (reading every commit's patch is the least any history
// scan must do) as the floor: target ≤ 2× the floor.

const RUNS = 5;

export const benchmarks: Benchmark[] = [
  {
    name: "scan-history",
    description: "`vaultshift scan --history` on a generated 200-commit repository vs `git log -p --all`",
    async run(ctx: BenchContext): Promise<Table[]> {
      const dir = join(ctx.workDir, "history-repo");
      const repo = buildHistoryRepo(dir, 200);
      const bin = await vaultshiftBin(ctx.root, ctx.workDir);
      const floor: Measured[] = [];
      const vs: ToolRun[] = [];
      const nodeStart: Measured[] = [];
      // Interleaved, so that a change in machine load hits both alike.
      for (let i = 0; i < RUNS; i++) {
        floor.push(await measure("git", ["log", "-p", "--all", "--no-color"], { cwd: dir, env: gitEnv, timeoutMs: 120_000 }));
        vs.push(await runVaultshift(bin, dir, ["--history"], "vaultshift scan --history", 10 * 60_000));
        nodeStart.push(await measure(process.execPath, ["-e", "0"], { cwd: dir }));
      }
      const failed = vs.find((r) => r.error);
      const floorMs = median(floor.map((m) => m.wallMs));
      const vsMs = median(vs.map((r) => r.measured.wallMs));
      const patchBytes = Buffer.byteLength(floor[0]?.stdout ?? "");
      const last = vs[vs.length - 1] as ToolRun;
      const s = score(last.findings, repo.planted);
      const cpu = (ms: (number | null)[]) => {
        const v = ms.filter((x): x is number => x !== null);
        return v.length === 0 ? null : median(v);
      };
      const floorCpu = cpu(floor.map((m) => m.cpuMs));
      const vsCpu = cpu(vs.map((r) => r.measured.cpuMs));
      const rows = [
        ["git log -p --all (floor)", floorMs, 1, floorCpu, 1, Math.max(...floor.map((m) => m.peakRssKb ?? 0)) / 1024, null, ""],
        [
          "vaultshift scan --history",
          failed ? failed.error ?? "failed" : vsMs,
          failed ? null : vsMs / floorMs,
          vsCpu,
          vsCpu !== null && floorCpu ? vsCpu / floorCpu : null,
          Math.max(...vs.map((r) => r.measured.peakRssKb ?? 0)) / 1024,
          failed ? null : s.findings,
          failed ? "" : `${s.found}/${s.planted} planted found, ${s.outside.length} other`,
        ],
        ["node -e 0 (start-up, for scale)", median(nodeStart.map((m) => m.wallMs)), median(nodeStart.map((m) => m.wallMs)) / floorMs, cpu(nodeStart.map((m) => m.cpuMs)), null, null, null, ""],
      ];
      return [
        {
          title: `History scan: ${repo.commits} commits, ${(patchBytes / 1e6).toFixed(2)} MB of patches (median of ${RUNS})`,
          columns: ["command", "median ms", "× floor", "median CPU ms", "CPU × floor", "peak RSS MB", "findings", "secrets added then removed"],
          rows,
          notes: [
            "Target: vaultshift ≤ 2× `git log -p --all`. Both whole-process, run alternately. CPU = user + system time; on a busy machine it is the steadier comparison.",
            `Planted: ${repo.planted.map((p) => `${p.provider} in ${p.file} (commit ${p.commit}, removed in ${p.removedIn})`).join("; ")}.`,
          ],
        },
      ];
    },
  },
];
