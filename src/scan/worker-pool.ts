import { Worker } from "node:worker_threads";
import type { JobResult, JobSettings, ScanJob } from "./file-scan.js";
import { VaultshiftError } from "../errors.js";

// A small pool of worker threads for large scans. The main thread only hands
// out batches of jobs (paths or texts) and collects results; each worker reads
// and scans its files. Batches are small and handed out on demand, so one
// huge file does not leave the other workers idle.

export interface PoolOptions {
  workers: number;
  settings: JobSettings;
  engineModule?: string;
  /** Jobs per message (default 16). */
  batchSize?: number;
}

/** Results in the order of `jobs`. */
export async function runInWorkers(jobs: ScanJob[], options: PoolOptions): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  const batchSize = options.batchSize ?? 16;
  const count = Math.max(1, Math.min(options.workers, Math.ceil(jobs.length / batchSize)));
  let next = 0;
  let batchId = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let active = count;
      for (let w = 0; w < count; w++) {
        const worker = new Worker(new URL("./scan-worker.js", import.meta.url), {
          workerData: { settings: options.settings, engineModule: options.engineModule },
        });
        workers.push(worker);
        const pending = new Map<number, number>();
        const feed = () => {
          if (next >= jobs.length) {
            active -= 1;
            if (active === 0) resolve();
            return;
          }
          const start = next;
          const batch = jobs.slice(start, start + batchSize);
          next += batch.length;
          const id = batchId++;
          pending.set(id, start);
          worker.postMessage({ id, jobs: batch });
        };
        worker.on("message", (message: { ready?: boolean; id?: number; results?: JobResult[] }) => {
          if (message.ready) return feed();
          const start = pending.get(message.id!)!;
          pending.delete(message.id!);
          message.results!.forEach((r, i) => (results[start + i] = r));
          feed();
        });
        worker.on("error", (error) =>
          reject(
            new VaultshiftError(`A scan worker failed (${error.name}).`, {
              cause: error,
              hint: "Run again with --workers 0 to scan in-process; if it persists, report it with the file that triggers it.",
            }),
          ),
        );
        worker.on("exit", (code) => {
          if (code !== 0) reject(new VaultshiftError(`A scan worker exited with code ${code}.`, { cause: new Error(`exit ${code}`), hint: "Run again with --workers 0." }));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
