import { Worker } from "node:worker_threads";
import type { JobResult, JobSettings, ScanJob } from "./file-scan.js";
import { VaultshiftError } from "../errors.js";

// A small pool of worker threads for large scans. The main thread only hands
// out batches of jobs (paths or texts) and collects results; each worker reads
// and scans its files. Batches are small and handed out on demand, so one
// huge file does not leave the other workers idle. The pool stays up between
// `run` calls, so the history modes can feed it chunk by chunk while git is
// still writing the log.

export interface PoolOptions {
  workers: number;
  settings: JobSettings;
  engineModule?: string;
  /** Jobs per message (default 16). */
  batchSize?: number;
}

interface Batch {
  jobs: ScanJob[];
  deliver: (results: JobResult[]) => void;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Batch[] = [];
  private readonly busy = new Map<Worker, Batch>();
  private failure: VaultshiftError | undefined;
  private readonly failed = new Set<(error: VaultshiftError) => void>();
  private readonly batchSize: number;

  constructor(options: PoolOptions) {
    this.batchSize = options.batchSize ?? 16;
    for (let i = 0; i < Math.max(1, options.workers); i++) {
      const worker = new Worker(new URL("./scan-worker.js", import.meta.url), {
        workerData: { settings: options.settings, engineModule: options.engineModule },
      });
      this.workers.push(worker);
      worker.on("message", (message: { ready?: boolean; results?: JobResult[] }) => {
        if (!message.ready) {
          const batch = this.busy.get(worker);
          this.busy.delete(worker);
          batch?.deliver(message.results!);
        }
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on("error", (error) =>
        this.fail(
          new VaultshiftError(`A scan worker failed (${error.name}).`, {
            cause: error,
            hint: "Run again with --workers 0 to scan in-process; if it persists, report it with the file that triggers it.",
          }),
        ),
      );
      worker.on("exit", (code) => {
        if (code !== 0 && this.busy.has(worker)) {
          this.fail(new VaultshiftError(`A scan worker exited with code ${code}.`, { cause: new Error(`exit ${code}`), hint: "Run again with --workers 0." }));
        }
      });
    }
  }

  private fail(error: VaultshiftError): void {
    if (this.failure) return;
    this.failure = error;
    for (const reject of this.failed) reject(error);
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const batch = this.queue.shift()!;
      this.busy.set(worker, batch);
      worker.postMessage({ id: 0, jobs: batch.jobs });
    }
  }

  /** Scan `jobs`; results in the order of `jobs`. */
  run(jobs: ScanJob[]): Promise<JobResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (jobs.length === 0) return Promise.resolve([]);
    return new Promise<JobResult[]>((resolve, reject) => {
      const results: JobResult[] = new Array(jobs.length);
      let pending = 0;
      const onFail = (error: VaultshiftError) => reject(error);
      this.failed.add(onFail);
      for (let start = 0; start < jobs.length; start += this.batchSize) {
        pending += 1;
        const offset = start;
        this.queue.push({
          jobs: jobs.slice(start, start + this.batchSize),
          deliver: (batchResults) => {
            batchResults.forEach((r, i) => (results[offset + i] = r));
            pending -= 1;
            if (pending === 0) {
              this.failed.delete(onFail);
              resolve(results);
            }
          },
        });
      }
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Start a pool, scan `jobs`, stop the pool. Results in the order of `jobs`. */
export async function runInWorkers(jobs: ScanJob[], options: PoolOptions): Promise<JobResult[]> {
  const batchSize = options.batchSize ?? 16;
  const pool = new WorkerPool({ ...options, workers: Math.max(1, Math.min(options.workers, Math.ceil(jobs.length / batchSize))) });
  try {
    return await pool.run(jobs);
  } finally {
    await pool.close();
  }
}
