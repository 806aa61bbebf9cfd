import { join } from "node:path";
import { vaultshiftBin } from "./build-snapshot.js";
import { buildHistoryRepo, type HistoryRepo } from "./history-repo.js";
import { buildRealHistoryRepo } from "./history-real.js";
import { measure, median, type Measured } from "./measure.js";
import { score } from "./recall.js";
import { runVaultshift, type ToolRun } from "./scanners.js";
import { gitEnv } from "./git.js";
import type { BenchContext, Benchmark, Cell, Table } from "./types.js";

// `vaultshift scan --history` against `git log -p --all` (reading every
// commit's patch is the least any history scan must do) as the floor: target
// ≤ 2× the floor. Two repositories of ~200 commits: a generated one (small
// commits, 0.87 MB of added text: start-up dominates), and one of real code
// churn (consecutive releases of express, commander and dotenv, see
// history-real.ts: 3.8 MB of patches, where throughput counts).

const runs = () => Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);

interface RepoFigures {
  table: Table;
  summary: Cell[];
}

async function measureRepo(ctx: BenchContext, bin: string, label: string, dir: string, repo: HistoryRepo): Promise<RepoFigures> {
  const n = runs();
  const floor: Measured[] = [];
  const vs: ToolRun[] = [];
  const nodeStart: Measured[] = [];
  // NODE_EXTRA_CA_CERTS, when the environment sets it, costs every node
  // process its certificate loading (~45 ms here) though the scan makes no
  // TLS connection; a launcher that knows it runs only `scan` (the installed
  // pre-commit hook) clears it. The plain rows keep the environment as
  // given; the extra rows show the same run without the variable.
  const { NODE_EXTRA_CA_CERTS: caCerts, ...unsetEnv } = process.env;
  const vsUnset: ToolRun[] = [];
  const nodeUnset: Measured[] = [];
  ctx.log(`scan-history: ${label}, ${n} run(s)`);
  // Interleaved, so that a change in machine load hits both alike.
  for (let i = 0; i < n; i++) {
    floor.push(await measure("git", ["log", "-p", "--all", "--no-color"], { cwd: dir, env: gitEnv, timeoutMs: 120_000 }));
    vs.push(await runVaultshift(bin, dir, ["--history"], "vaultshift scan --history", 10 * 60_000));
    nodeStart.push(await measure(process.execPath, ["-e", "0"], { cwd: dir }));
    if (caCerts) {
      vsUnset.push(await runVaultshift(bin, dir, ["--history"], "vaultshift scan --history", 10 * 60_000, unsetEnv));
      nodeUnset.push(await measure(process.execPath, ["-e", "0"], { cwd: dir, env: unsetEnv }));
    }
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
  const found = failed ? "" : `${s.found}/${s.planted} planted found, ${s.outside.length} other`;
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
      found,
    ],
    ["node -e 0 (start-up, for scale)", median(nodeStart.map((m) => m.wallMs)), median(nodeStart.map((m) => m.wallMs)) / floorMs, cpu(nodeStart.map((m) => m.cpuMs)), null, null, null, ""],
  ];
  const unsetFailed = vsUnset.find((r) => r.error);
  const unsetMs = vsUnset.length > 0 && !unsetFailed ? median(vsUnset.map((r) => r.measured.wallMs)) : null;
  const unsetCpu = cpu(vsUnset.map((r) => r.measured.cpuMs));
  if (vsUnset.length > 0) {
    const u = vsUnset[vsUnset.length - 1] as ToolRun;
    const us = score(u.findings, repo.planted);
    rows.push(
      [
        "vaultshift scan --history, NODE_EXTRA_CA_CERTS unset (as a launcher that clears it runs it)",
        unsetFailed ? unsetFailed.error ?? "failed" : unsetMs,
        unsetMs !== null ? unsetMs / floorMs : null,
        unsetCpu,
        unsetCpu !== null && floorCpu ? unsetCpu / floorCpu : null,
        Math.max(...vsUnset.map((r) => r.measured.peakRssKb ?? 0)) / 1024,
        unsetFailed ? null : us.findings,
        unsetFailed ? "" : `${us.found}/${us.planted} planted found, ${us.outside.length} other`,
      ],
      ["node -e 0, NODE_EXTRA_CA_CERTS unset", median(nodeUnset.map((m) => m.wallMs)), median(nodeUnset.map((m) => m.wallMs)) / floorMs, cpu(nodeUnset.map((m) => m.cpuMs)), null, null, null, ""],
    );
  }
  const mb = patchBytes / 1e6;
  return {
    table: {
      title: `History scan, ${label}: ${repo.commits} commits, ${mb.toFixed(2)} MB of patches (median of ${n})`,
      columns: ["command", "median ms", "× floor", "median CPU ms", "CPU × floor", "peak RSS MB", "findings", "secrets added then removed"],
      rows,
      notes: [
        caCerts
          ? "NODE_EXTRA_CA_CERTS is set here: the plain vaultshift and node rows pay Node's certificate loading at start-up; the rows marked unset run without it."
          : "NODE_EXTRA_CA_CERTS is not set here.",
        `Planted: ${repo.planted.map((p) => `${p.provider} in ${p.file} (commit ${p.commit}, removed in ${p.removedIn})`).join("; ")}.`],
    },
    summary: [
      label,
      repo.commits,
      mb,
      floorMs,
      failed ? null : vsMs,
      failed ? null : vsMs / floorMs,
      floorCpu,
      vsCpu,
      vsCpu !== null && floorCpu ? vsCpu / floorCpu : null,
      failed ? null : mb / (vsMs / 1000),
      unsetMs,
      unsetMs !== null ? unsetMs / floorMs : null,
      found,
    ],
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: "scan-history",
    description: "`vaultshift scan --history` on a generated and a real-churn 200-commit repository vs `git log -p --all`",
    async run(ctx: BenchContext): Promise<Table[]> {
      const bin = await vaultshiftBin(ctx.root, ctx.workDir);
      const syntheticDir = join(ctx.workDir, "history-repo");
      const synthetic = await measureRepo(ctx, bin, "generated", syntheticDir, buildHistoryRepo(syntheticDir, 200));
      const realDir = join(ctx.workDir, "history-real");
      const realRepo = await buildRealHistoryRepo(ctx.root, realDir, join(ctx.workDir, "cache", "history-real"), ctx.log);
      const real = await measureRepo(ctx, bin, "real releases", realDir, realRepo);
      return [
        {
          title: "History scan: both repositories (medians)",
          columns: ["repository", "commits", "MB of patches", "git log -p ms", "vaultshift ms", "× floor", "git CPU ms", "vaultshift CPU ms", "CPU × floor", "patch MB/s", "ms, NODE_EXTRA_CA_CERTS unset", "× floor, unset", "secrets added then removed"],
          rows: [synthetic.summary, real.summary],
          notes: [
            "Target: vaultshift ≤ 2× `git log -p --all`. Both whole-process, run alternately. CPU = user + system time (git's included in vaultshift's); on a busy machine it is the steadier comparison.",
            "generated: .bench/history-repo (bench/history-repo.ts), small commits: Node's start-up is most of the time.",
            `real releases: .bench/history-real (bench/history-real.ts), ${realRepo.packages.join(", ")}, one release per commit.`,
            `patch MB/s: MB of \`git log -p --all\` text per second of vaultshift's wall time.`,
            process.env.NODE_EXTRA_CA_CERTS
              ? "NODE_EXTRA_CA_CERTS is set in this environment: the vaultshift columns are the plain command as run here; the \"unset\" columns the same scan without the variable, as the installed pre-commit hook runs the scanner (Node then skips loading certificates at start-up; the scan makes no TLS connection)."
              : "NODE_EXTRA_CA_CERTS is not set in this environment: the \"unset\" columns stay empty.",
          ],
        },
        synthetic.table,
        real.table,
      ];
    },
  },
];
