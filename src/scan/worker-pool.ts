import { Worker } from "node:worker_threads";
import type { JobResult, JobSettings, ScanJob } from "./file-scan.js";
import { VaultshiftError } from "../errors.js";

// A small pool of worker threads for large scans. The main thread only hands
// out batches of jobs (paths or texts) and collects results; each worker reads
// and scans its files. The pool stays up between `run` calls, so the history
// modes can feed it chunk by chunk while git is still writing the log.
//
// When job sizes are known (the tree scan stat-s its files), batches are cut
// by bytes and big files go first, each alone, so the run ends on small
// batches that the workers share evenly instead of one worker still scanning a
// 10 MB bundle while the others wait. Big files in flight are capped in total
// bytes: each costs several times its size in memory while it is scanned (the
// bytes, the decoded string, two bytes per character once one is not ASCII,
// a lower-cased copy), and every worker thread has its own heap, so two or
// more of them at once would add up in the peak RSS.

export interface PoolOptions {
  workers: number;
  settings: JobSettings;
  engineModule?: string;
  /** Most jobs of unknown size per message (default 16). */
  batchSize?: number;
  /**
   * Most jobs of known size per message (default 256): with sizes known, the
   * bytes close a batch; this only bounds a run of tiny files. Fewer messages,
   * fewer wake-ups of the main thread, which shares the cores with the workers.
   */
  batchJobs?: number;
  /** Most bytes per message, for jobs of known size (default 1 MiB); a job this large is "big" and travels alone. */
  batchBytes?: number;
  /** Most bytes of big jobs in flight at once, one big job always allowed (default 16 MiB). */
  bigBytesInFlight?: number;
  /** Size of the largest text a worker will decode (bytes; default: no limit on the heap). */
  largestText?: number;
  /**
   * Scans the batches of a worker that ran out of heap (a file dense with
   * findings can need more than the limit sized from its bytes), and
   * everything left once no worker is: in-process, with the main thread's
   * larger heap. Without it, running out of heap fails the scan.
   */
  fallback?: (jobs: ScanJob[]) => Promise<JobResult[]>;
  /** Override the old-generation limit computed from `largestText` (tests). */
  heapLimitMb?: number;
}

/**
 * Each worker's old-generation limit. V8 scales how far a heap may grow
 * between full collections with this limit: a growing factor of 4 when the
 * limit is 2 GB or more (the default here, on a machine with 16 GB+), down to
 * 1.3 at 256 MB (MemoryController::MaxGrowingFactor, v8/src/heap/heap-controller.cc).
 * With 4, a worker that just scanned a 12 MB bundle (~55 MB live while it
 * is scanned) lets dead strings pile up to ~180 MB before collecting; with a
 * 512 MB limit (factor ~1.4) it collects at ~80 MB. The limit stays far above
 * what the largest text needs (its bytes, a UTF-16 string and a lower-cased
 * copy of it, the engine's tables: ~6 times its size, plus the engine
 * itself), so it shapes the growth and is never the ceiling.
 */
export function workerHeapLimitMb(largestText: number): number | undefined {
  const needed = 128 + Math.ceil((6 * largestText) / (1024 * 1024));
  const limit = Math.max(512, needed);
  return limit >= 2048 ? undefined : limit;
}

/**
 * Each worker's young generation (3 semi-spaces' worth): 12 MB instead of up
 * to 48 MB by default on 64-bit V8. The scan's garbage is short-lived strings;
 * the smaller nursery is scavenged more often and keeps tens of MB out of
 * each thread's resident set.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

interface Batch {
  jobs: ScanJob[];
  /** Total size when the batch holds one big job, else 0. */
  bigBytes: number;
  deliver: (results: JobResult[]) => void;
}

/** Batches sent to a worker before it answers the first: the next one waits in its port, not for the main thread. */
const PIPELINE_DEPTH = 2;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Batches of big jobs, largest first, then the others. */
  private readonly bigQueue: Batch[] = [];
  private readonly queue: Batch[] = [];
  /** Batches sent to each started worker, oldest first (a worker answers in order). */
  private readonly inFlight = new Map<Worker, Batch[]>();
  private bigInFlight = 0;
  private readonly retired = new Set<Worker>();
  private readonly fallback: ((jobs: ScanJob[]) => Promise<JobResult[]>) | undefined;
  private failure: VaultshiftError | undefined;
  private readonly failed = new Set<(error: VaultshiftError) => void>();
  private readonly batchSize: number;
  private readonly batchJobs: number;
  private readonly batchBytes: number;
  private readonly bigBytesInFlight: number;

  constructor(options: PoolOptions) {
    this.batchSize = options.batchSize ?? 16;
    this.batchJobs = options.batchJobs ?? 256;
    this.batchBytes = options.batchBytes ?? 1024 * 1024;
    this.bigBytesInFlight = options.bigBytesInFlight ?? 16 * 1024 * 1024;
    this.fallback = options.fallback;
    const oldMb = options.heapLimitMb ?? (options.largestText !== undefined ? workerHeapLimitMb(options.largestText) : undefined);
    for (let i = 0; i < Math.max(1, options.workers); i++) {
      const worker = new Worker(new URL("./scan-worker.js", import.meta.url), {
        workerData: { settings: options.settings, engineModule: options.engineModule },
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(oldMb !== undefined ? { maxOldGenerationSizeMb: oldMb } : {}) },
      });
      this.workers.push(worker);
      worker.on("message", (message: { ready?: boolean; results?: JobResult[] }) => {
        if (message.ready) this.inFlight.set(worker, []);
        else {
          const batch = this.inFlight.get(worker)?.shift();
          if (batch) {
            this.bigInFlight -= batch.bigBytes;
            batch.deliver(message.results!);
          }
        }
        this.dispatch();
      });
      worker.on("error", (error) => {
        if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY" && this.fallback) return this.retire(worker);
        this.fail(
          new VaultshiftError(`A scan worker failed (${error.name}).`, {
            cause: error,
            hint: "Run again with --workers 0 to scan in-process; if it persists, report it with the file that triggers it.",
          }),
        );
      });
      worker.on("exit", (code) => {
        if (code !== 0 && !this.retired.has(worker) && (this.inFlight.get(worker)?.length ?? 0) > 0) {
          this.fail(new VaultshiftError(`A scan worker exited with code ${code}.`, { cause: new Error(`exit ${code}`), hint: "Run again with --workers 0." }));
        }
      });
    }
  }

  /** A worker out of heap: its batches, and the queue if it was the last one, go to the fallback. */
  private retire(worker: Worker): void {
    this.retired.add(worker);
    const lost = this.inFlight.get(worker) ?? [];
    this.inFlight.delete(worker);
    for (const batch of lost) this.scanInProcess(batch);
    this.dispatch();
  }

  private scanInProcess(batch: Batch): void {
    this.bigInFlight -= batch.bigBytes;
    this.fallback!(batch.jobs).then(
      (results) => batch.deliver(results),
      (error: unknown) => this.fail(new VaultshiftError("The in-process scan of a worker's files failed.", { cause: error, hint: "Run again with --workers 0." })),
    );
  }

  private fail(error: VaultshiftError): void {
    if (this.failure) return;
    this.failure = error;
    for (const reject of this.failed) reject(error);
  }

  /** The next batch to send: a big one if the cap allows, else a small one. */
  private next(): Batch | undefined {
    const big = this.bigQueue[0];
    if (big && (this.bigInFlight === 0 || this.bigInFlight + big.bigBytes <= this.bigBytesInFlight)) return this.bigQueue.shift();
    return this.queue.shift();
  }

  /** Keeps up to PIPELINE_DEPTH batches at each started worker, least loaded first. */
  private dispatch(): void {
    if (this.retired.size === this.workers.length) {
      for (const batch of [...this.bigQueue.splice(0), ...this.queue.splice(0)]) this.scanInProcess(batch);
      return;
    }
    for (;;) {
      let target: Worker | undefined;
      let least = PIPELINE_DEPTH;
      for (const [worker, batches] of this.inFlight) {
        if (batches.length < least) {
          target = worker;
          least = batches.length;
        }
      }
      if (target === undefined) return;
      const batch = this.next();
      if (!batch) return;
      this.bigInFlight += batch.bigBytes;
      this.inFlight.get(target)!.push(batch);
      target.postMessage({ id: 0, jobs: batch.jobs });
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
      for (const { indices, bigBytes } of this.batches(jobs)) {
        pending += 1;
        (bigBytes > 0 ? this.bigQueue : this.queue).push({
          jobs: indices.map((i) => jobs[i]!),
          bigBytes,
          deliver: (batchResults) => {
            batchResults.forEach((r, k) => (results[indices[k]!] = r));
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

  /**
   * Job indices, grouped into messages. Jobs of known size go largest first,
   * a batch closed at `batchBytes` or `batchJobs` jobs (so a big job travels
   * alone); jobs of unknown size keep their order, `batchSize` at a time.
   */
  private batches(jobs: readonly ScanJob[]): { indices: number[]; bigBytes: number }[] {
    const sizes = new Float64Array(jobs.length);
    const sized: number[] = [];
    const unsized: number[] = [];
    jobs.forEach((job, i) => {
      const size = job.kind === "file" ? job.size : job.text.length;
      if (size === undefined) unsized.push(i);
      else {
        sizes[i] = size;
        sized.push(i);
      }
    });
    sized.sort((a, b) => sizes[b]! - sizes[a]! || a - b);
    const out: { indices: number[]; bigBytes: number }[] = [];
    let current: number[] = [];
    let bytes = 0;
    for (const i of sized) {
      current.push(i);
      bytes += sizes[i]!;
      if (bytes >= this.batchBytes || current.length >= this.batchJobs) {
        out.push({ indices: current, bigBytes: current.length === 1 && bytes >= this.batchBytes ? bytes : 0 });
        current = [];
        bytes = 0;
      }
    }
    if (current.length > 0) out.push({ indices: current, bigBytes: 0 });
    for (let start = 0; start < unsized.length; start += this.batchSize) out.push({ indices: unsized.slice(start, start + this.batchSize), bigBytes: 0 });
    return out;
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
