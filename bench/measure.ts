import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Whole-process measurement of a command: wall time (spawn to exit, as a user
// waits for it) and peak resident set size. Peak RSS comes from GNU time's
// `-v` report ("Maximum resident set size (kbytes)", the getrusage ru_maxrss
// of the child and its waited-for descendants) when /usr/bin/time exists;
// otherwise /proc/<pid>/status VmHWM is sampled, which misses grandchildren.

export interface Measured {
  wallMs: number;
  /** Peak RSS in KiB; null when it could not be measured. */
  peakRssKb: number | null;
  /** User + system CPU time in ms (GNU time only; null otherwise). Less sensitive to machine load than wall time. */
  cpuMs: number | null;
  /** How peak RSS was obtained. */
  rssSource: "gnu-time" | "proc-sampling" | "none";
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process (SIGKILL) after this long; default 30 minutes. */
  timeoutMs?: number;
  /** Force /proc sampling even when GNU time exists (tests cover both paths). */
  rssMethod?: "auto" | "proc";
}

const GNU_TIME = "/usr/bin/time";

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** Reads "Maximum resident set size (kbytes): N" from a GNU `time -v` report. */
export function parseGnuTimeRss(report: string): number | null {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  return m ? Number(m[1]) : null;
}

/** Reads VmHWM (peak RSS, kB) from the text of /proc/<pid>/status. */
/** User + system seconds of a GNU `time -v` report, in ms. */
export function parseGnuTimeCpu(report: string): number | null {
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(report);
  const sys = /System time \(seconds\):\s*([\d.]+)/.exec(report);
  return user && sys ? Math.round((Number(user[1]) + Number(sys[1])) * 1000) : null;
}

export function parseVmHwm(status: string): number | null {
  const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(status);
  return m ? Number(m[1]) : null;
}

export function measure(command: string, args: string[], options: MeasureOptions): Promise<Measured> {
  const useTime = options.rssMethod !== "proc" && hasGnuTime();
  const scratch = mkdtempSync(join(tmpdir(), "vs-measure-"));
  const report = join(scratch, "time.txt");
  const [cmd, argv] = useTime ? [GNU_TIME, ["-v", "-o", report, command, ...args]] : [command, args];
  return new Promise((resolvePromise, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let sampled: number | null = null;
    let timedOut = false;
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const sampler = useTime
      ? undefined
      : setInterval(() => {
          try {
            const hwm = parseVmHwm(readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (hwm !== null) sampled = Math.max(sampled ?? 0, hwm);
          } catch {
            // The process is gone or /proc is absent: keep the last sample.
          }
        }, 20);
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group (detached above): GNU time and the command under it.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutMs ?? 30 * 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      rmSync(scratch, { recursive: true, force: true });
      reject(new Error(`could not start ${command}`, { cause: error }));
    });
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      let peakRssKb = sampled;
      let cpuMs: number | null = null;
      let exitCode = code;
      if (useTime && existsSync(report)) {
        const text = readFileSync(report, "utf8");
        peakRssKb = parseGnuTimeRss(text);
        cpuMs = parseGnuTimeCpu(text);
        // GNU time exits with the command's status, and notes a signal in its report.
        const status = /Exit status:\s*(\d+)/.exec(text);
        if (status) exitCode = Number(status[1]);
      }
      rmSync(scratch, { recursive: true, force: true });
      resolvePromise({
        wallMs,
        peakRssKb,
        cpuMs,
        rssSource: peakRssKb === null ? "none" : useTime ? "gnu-time" : "proc-sampling",
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
      });
    });
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}
