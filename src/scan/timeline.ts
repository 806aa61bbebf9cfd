import { readFileSync, writeSync } from "node:fs";

// VAULTSHIFT_TIMELINE=1: each thread of a scan writes one line to stderr per
// step (the engine loaded, the listing done, its first and last job, the
// pool closed…) with the time since the process started and the thread's own
// CPU time, so that where one thread waits for the other can be read from a
// single run whatever else the machine runs (wall time alone cannot tell a
// busy host from an idle thread). Labels and counts only: never a path's
// content, never a finding. Off, `mark` is one comparison.

const on = process.env.VAULTSHIFT_TIMELINE === "1";

/**
 * The process's start on process.hrtime's clock (one monotonic clock for all
 * threads), in ms: the main thread computes it from process.uptime() and
 * hands it to its workers in the environment they copy when started.
 */
let origin: number | undefined;

/**
 * Set by a scan worker (scan-worker.ts, `timelineWorker`): this module does
 * not import node:worker_threads to ask, which would load it (and half a
 * dozen internal modules, ~0.6-2 ms of CPU) in every `scan --staged` and
 * `--history`, where no worker runs.
 */
let workerLabel: string | undefined;
let exitHooked = false;

/** This thread is the scan pool's worker `threadId` (its marks say so, and it has no 'exit' mark). */
export function timelineWorker(threadId: number): void {
  workerLabel = `worker${threadId}`;
}

function start(): number {
  if (origin !== undefined) return origin;
  const inherited = Number(process.env.VAULTSHIFT_TIMELINE_ORIGIN);
  if (workerLabel !== undefined && Number.isFinite(inherited)) origin = inherited;
  else {
    origin = Number(process.hrtime.bigint()) / 1e6 - process.uptime() * 1000;
    process.env.VAULTSHIFT_TIMELINE_ORIGIN = String(origin);
  }
  return origin;
}

/** This thread's CPU time in ms (Linux: /proc/thread-self/schedstat, field 1 in ns; elsewhere the process's). */
function threadCpuMs(): number {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "latin1").split(" ", 1)[0]) / 1e6;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

export const timelineOn = on;

/** One line on stderr when VAULTSHIFT_TIMELINE=1. `detail`: counts or sizes, nothing read from a file. */
export function mark(label: string, detail?: string): void {
  if (!on) return;
  const t = Number(process.hrtime.bigint()) / 1e6 - start();
  // The process's last step: once per process, however many scans it runs (one
  // listener per scan printed "exit" once per scan, and warned past ten).
  if (workerLabel === undefined && !exitHooked) {
    exitHooked = true;
    process.once("exit", () => mark("exit"));
  }
  const who = workerLabel ?? "main";
  writeSync(2, `vaultshift-timeline ${who} t=${t.toFixed(1)} cpu=${threadCpuMs().toFixed(1)} ${label}${detail ? ` ${detail}` : ""}\n`);
}
