import { Worker } from "node:worker_threads";
import type { JobResult, JobSettings, ScanJob } from "./file-scan.js";
import { VaultshiftError } from "../errors.js";
import { mark, timelineOn } from "./timeline.js";

// A small pool of worker threads for large scans. Each `run` sends the whole
// job list (paths, or texts) to every worker once; the workers, and the main
// thread when it has a `local` scanner, then take jobs one at a time from a
// counter they share (a SharedArrayBuffer, Atomics.add). No thread waits for
// another to hand it work, and the run ends when the last job does, whoever
// took it: with 16-file batches sent by the main thread, a worker idled
// whenever the main thread was busy, and the main thread could not scan.
// Workers post their results every few jobs; a job is "claimed" in a second
// shared array before it is scanned, so the jobs of a worker that dies (out
// of heap) can be given to the fallback. The pool stays up between `run`
// calls, so the history modes can feed it chunk by chunk while git is still
// writing the log.

export interface PoolOptions {
  /** Worker threads (at least 1). */
  workers: number;
  settings: JobSettings;
  engineModule?: string;
  /** Each worker runs the engine's warm-up (engine.ts warmUp) before it takes jobs: for a large scan only. */
  warmUp?: boolean;
  /**
   * Scans one job on the calling thread. With it the main thread takes jobs
   * from the shared counter too, yielding to the event loop every few
   * milliseconds (worker messages, a git pipe being read). Undefined: the
   * job is too big for the main thread (its heap has no limit that keeps its
   * growth in check): the workers take it, before any other job.
   */
  local?: (job: ScanJob) => JobResult | undefined;
  /** Size of the largest text a worker will decode (bytes; default: no limit on the heap). */
  largestText?: number;
  /**
   * Scans the jobs of a worker that ran out of heap (a file dense with
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

/**
 * Where the worker threads start. From the scan bundle (scripts/bundle.js
 * sets `import.meta.bundle`), bin/scan-worker.js: the main thread's bundle
 * and V8 code cache; otherwise scan-worker.js as an ES module, whose ~70
 * imports each worker resolves, reads and compiles.
 */
const WORKER_ENTRY: string | URL = (import.meta as ImportMeta & { bundle?: { worker: string } }).bundle?.worker ?? new URL("./scan-worker.js", import.meta.url);

/** The main thread's lane yields to the event loop after this much scanning. */
const LOCAL_SLICE_NS = 20_000_000n;

/**
 * A run's jobs as they cross to a worker. A tree scan's list is thousands of
 * small objects, which structured clone copies one property at a time:
 * the corpus's 22,700 file jobs cost ~8 ms to post and ~25-35 ms to receive,
 * at the start of the worker's run (before its first file) and of the main
 * thread's. Two strings and two typed arrays are one copy each (~2 ms to post,
 * ~5 ms to receive and split). Paths cannot hold a NUL (POSIX, Windows), so it
 * separates them; text jobs (history, staged blobs) stay objects.
 */
export interface PackedJobs {
  /** Each job's absolute path ("" for a text job), joined by NULs. */
  abs: string;
  /** Each job's relative path ("" for a text job), joined by NULs. */
  rel: string;
  /** Per job: 1 a listed file, 2 another file, 0 a text (in `texts`). */
  kinds: Uint8Array;
  /** Per file job: its known size, or NaN. */
  sizes: Float64Array;
  /** The text jobs at their indices (empty when there is none). */
  texts: ScanJob[];
}

const KIND_TEXT = 0;
const KIND_LISTED = 1;
const KIND_FILE = 2;

export function packJobs(jobs: readonly ScanJob[]): PackedJobs {
  const n = jobs.length;
  const abs: string[] = new Array(n);
  const rel: string[] = new Array(n);
  const kinds = new Uint8Array(n);
  const sizes = new Float64Array(n);
  let texts: ScanJob[] | undefined;
  let textCount = 0;
  for (let i = 0; i < n; i++) {
    const job = jobs[i]!;
    if (job.kind === "file") {
      abs[i] = job.abs;
      rel[i] = job.rel;
      kinds[i] = job.listed ? KIND_LISTED : KIND_FILE;
      sizes[i] = job.size ?? NaN;
    } else {
      abs[i] = rel[i] = "";
      kinds[i] = KIND_TEXT;
      texts ??= new Array(n);
      texts[i] = job;
      textCount += 1;
    }
  }
  // A history chunk is all texts: the list itself (a dense array clones faster than a holey one).
  return { abs: abs.join("\0"), rel: rel.join("\0"), kinds, sizes, texts: textCount === n ? (jobs as ScanJob[]) : (texts ?? []) };
}

/** The inverse of packJobs: job `i`, rebuilt when asked for (the paths are split once). */
export function unpackJobs(packed: PackedJobs): (i: number) => ScanJob {
  let abs: string[] | undefined;
  let rel: string[] | undefined;
  return (i) => {
    const kind = packed.kinds[i];
    if (kind === KIND_TEXT) return packed.texts[i]!;
    abs ??= packed.abs.split("\0");
    rel ??= packed.rel.split("\0");
    const job: ScanJob = { kind: "file", abs: abs[i]!, rel: rel[i]! };
    const size = packed.sizes[i]!;
    if (!Number.isNaN(size)) job.size = size;
    if (kind === KIND_LISTED) job.listed = true;
    return job;
  };
}

/** What a worker receives for each run (scan-worker.ts). */
export interface RunMessage {
  run: number;
  jobs: PackedJobs;
  /** Job indices in the order they are taken. */
  order: Int32Array;
  /** [0]: the next position in `order` to take (Atomics.add). */
  next: Int32Array;
  /** Per job: the lane that took it (0 = nobody yet, 1 = the main thread, 2+ = worker). */
  claimed: Uint8Array;
  /**
   * Jobs the main thread left to the workers: [0] how many it published,
   * [1] how many were taken (Atomics.compareExchange), then the job indices.
   */
  left: Int32Array;
  /** This worker's lane number. */
  lane: number;
}

/** What a worker posts back: results of some jobs of a run, `done` once it found the list exhausted. */
export interface RunReport {
  run: number;
  results: PackedResults;
  done?: boolean;
}

/**
 * Results as they cross back from a worker. Nearly every file of a tree gives
 * a result with nothing in it but its byte count (the corpus: 81 of a
 * worker's ~11,000 results hold a finding, an env reference, a skip or a
 * note), and structured clone copies each result's five properties and two
 * empty arrays one by one: ~11 ms to post and ~17 ms to receive per corpus
 * scan. Only the others cross as objects.
 */
export interface PackedResults {
  /** The jobs answered. */
  indices: Int32Array;
  /** Per answer: the bytes scanned. */
  bytes: Float64Array;
  /** The answers that hold more than a byte count, at their position (a sparse array). */
  full: JobResult[];
}

/** The five properties of a result with nothing but its byte count; a property added to JobResult later makes a result cross whole. */
const BYTES_ONLY_KEYS = 5;

function bytesOnly(r: JobResult): boolean {
  return (
    Object.keys(r).length === BYTES_ONLY_KEYS &&
    r.findings.length === 0 &&
    r.envReferences.length === 0 &&
    r.skipped === undefined &&
    r.note === undefined &&
    r.suppressedInline === 0 &&
    r.suppressedAllowlist === 0
  );
}

export function packResults(indices: readonly number[], results: readonly JobResult[]): PackedResults {
  const n = indices.length;
  const packed: PackedResults = { indices: Int32Array.from(indices), bytes: new Float64Array(n), full: [] };
  for (let k = 0; k < n; k++) {
    const r = results[k]!;
    packed.bytes[k] = r.bytes;
    if (!bytesOnly(r)) packed.full[k] = r;
  }
  return packed;
}

export function unpackResults(packed: PackedResults): { indices: Int32Array; results: JobResult[] } {
  const results: JobResult[] = new Array(packed.indices.length);
  for (let k = 0; k < results.length; k++) {
    results[k] = packed.full[k] ?? { findings: [], envReferences: [], bytes: packed.bytes[k]!, suppressedInline: 0, suppressedAllowlist: 0 };
  }
  return { indices: packed.indices, results };
}

interface Run {
  id: number;
  jobs: ScanJob[];
  order: Int32Array;
  next: Int32Array;
  claimed: Uint8Array;
  left: Int32Array;
  /** Lanes of the workers that found nothing left to take in this run. */
  finished: Set<number>;
  results: (JobResult | undefined)[];
  pending: number;
  resolve: (results: JobResult[]) => void;
  reject: (error: VaultshiftError) => void;
}

/** The lane number of the main thread in `claimed`; workers are 2, 3, … */
const MAIN_LANE = 1;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly retired = new Set<Worker>();
  private readonly runs = new Map<number, Run>();
  private nextRun = 1;
  private readonly local: ((job: ScanJob) => JobResult | undefined) | undefined;
  /** The runs the main thread's lane has still to take jobs from, the first being scanned. */
  private readonly localRuns: number[] = [];
  private readonly fallback: ((jobs: ScanJob[]) => Promise<JobResult[]>) | undefined;
  private failure: VaultshiftError | undefined;

  constructor(options: PoolOptions) {
    this.local = options.local;
    this.fallback = options.fallback;
    const oldMb = options.heapLimitMb ?? (options.largestText !== undefined ? workerHeapLimitMb(options.largestText) : undefined);
    const count = Math.max(1, Math.min(options.workers, 254));
    mark("pool open", `workers=${count}`);
    for (let i = 0; i < count; i++) {
      const lane = MAIN_LANE + 1 + i;
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { settings: options.settings, engineModule: options.engineModule, warmUp: options.warmUp === true },
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(oldMb !== undefined ? { maxOldGenerationSizeMb: oldMb } : {}) },
      });
      this.workers.push(worker);
      worker.on("message", (message: RunReport) => {
        const run = this.runs.get(message.run);
        if (run && message.done) run.finished.add(lane);
        const { indices, results } = unpackResults(message.results);
        this.deliver(run, indices, results);
        if (run && message.done) this.takeLeftovers(run);
      });
      worker.on("error", (error) => {
        if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY" && this.fallback) return this.retire(worker, lane);
        this.fail(
          new VaultshiftError(`A scan worker failed (${error.name}).`, {
            cause: error,
            hint: "Run again with --workers 0 to scan in-process; if it persists, report it with the file that triggers it.",
          }),
        );
      });
      worker.on("exit", (code) => {
        if (code !== 0 && !this.retired.has(worker) && this.runs.size > 0) {
          this.fail(new VaultshiftError(`A scan worker exited with code ${code}.`, { cause: new Error(`exit ${code}`), hint: "Run again with --workers 0." }));
        }
      });
    }
  }

  /** Results of some jobs of a run; a job already answered (by the fallback, say) keeps its first result. */
  private deliver(run: Run | undefined, indices: ArrayLike<number>, results: readonly JobResult[]): void {
    if (!run) return;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      if (run.results[i] !== undefined) continue;
      run.results[i] = results[k]!;
      run.pending -= 1;
    }
    if (run.pending === 0) {
      mark("run resolved", `run=${run.id}`);
      this.runs.delete(run.id);
      run.resolve(run.results as JobResult[]);
    }
  }

  /**
   * A worker out of heap: the jobs it took and did not answer go to the
   * fallback, and when no worker is left and the main thread does not scan,
   * the jobs nobody took yet too.
   */
  private retire(worker: Worker, lane: number): void {
    this.retired.add(worker);
    for (const run of this.runs.values()) {
      const lost: number[] = [];
      for (let i = 0; i < run.jobs.length; i++) if (Atomics.load(run.claimed, i) === lane && run.results[i] === undefined) lost.push(i);
      if (lost.length > 0) this.scanInProcess(run, lost);
      run.finished.add(lane);
      this.takeLeftovers(run);
    }
    if (this.orphaned()) for (const run of this.runs.values()) this.drainToFallback(run);
  }

  /**
   * Once every worker has found the run exhausted, jobs the main thread left
   * for them after that are scanned in-process (fallback) rather than never.
   */
  private takeLeftovers(run: Run): void {
    if (run.finished.size < this.workers.length || !this.runs.has(run.id)) return;
    const rest: number[] = [];
    for (let i = takeLeft(run.left); i !== -1; i = takeLeft(run.left)) {
      Atomics.store(run.claimed, i, MAIN_LANE);
      rest.push(i);
    }
    if (rest.length > 0) this.scanInProcess(run, rest);
  }

  /** No worker left, and the main thread does not take jobs itself. */
  private orphaned(): boolean {
    return this.retired.size === this.workers.length && !this.local;
  }

  /** The jobs nobody took yet, to the fallback. */
  private drainToFallback(run: Run): void {
    const rest: number[] = [];
    for (let k = Atomics.add(run.next, 0, 1); k < run.order.length; k = Atomics.add(run.next, 0, 1)) {
      const i = run.order[k]!;
      Atomics.store(run.claimed, i, MAIN_LANE);
      rest.push(i);
    }
    if (rest.length > 0) this.scanInProcess(run, rest);
  }

  private scanInProcess(run: Run, indices: number[]): void {
    this.fallback!(indices.map((i) => run.jobs[i]!)).then(
      (results) => this.deliver(run, indices, results),
      (error: unknown) => this.fail(new VaultshiftError("The in-process scan of a worker's files failed.", { cause: error, hint: "Run again with --workers 0." })),
    );
  }

  private fail(error: VaultshiftError): void {
    if (this.failure) return;
    this.failure = error;
    for (const run of this.runs.values()) run.reject(error);
    this.runs.clear();
  }

  /** Scan `jobs`; results in the order of `jobs`. Jobs of known size go largest first. */
  run(jobs: ScanJob[]): Promise<JobResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (jobs.length === 0) return Promise.resolve([]);
    const id = this.nextRun++;
    const order = takingOrder(jobs);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const claimed = new Uint8Array(new SharedArrayBuffer(jobs.length));
    const left = new Int32Array(new SharedArrayBuffer(4 * (2 + jobs.length)));
    const finished = new Set<number>();
    this.workers.forEach((worker, i) => {
      if (this.retired.has(worker)) finished.add(MAIN_LANE + 1 + i);
    });
    const promise = new Promise<JobResult[]>((resolve, reject) => {
      this.runs.set(id, { id, jobs, order, next, claimed, left, finished, results: new Array(jobs.length), pending: jobs.length, resolve, reject });
    });
    let packed: PackedJobs | undefined;
    this.workers.forEach((worker, i) => {
      if (!this.retired.has(worker)) worker.postMessage({ run: id, jobs: (packed ??= packJobs(jobs)), order, next, claimed, left, lane: MAIN_LANE + 1 + i } satisfies RunMessage);
    });
    if (this.orphaned()) this.drainToFallback(this.runs.get(id)!);
    mark("run posted", `run=${id} jobs=${jobs.length}`);
    if (this.local) {
      this.localRuns.push(id);
      if (this.localRuns.length === 1) void this.scanLocally();
    }
    return promise;
  }

  /**
   * The main thread's lane: the runs one after the other, in the order they
   * were posted, as a worker takes them (scan-worker.ts). Runs posted while
   * the listing goes on (a tree scan's lists, scanner.ts) would otherwise be
   * scanned side by side here while the worker is on the first: the files
   * over MAIN_LANE_MAX_BYTES this lane leaves in a later run would wait for
   * the worker to finish every run before it, and end the scan alone.
   */
  private async scanLocally(): Promise<void> {
    while (this.localRuns.length > 0) {
      await this.scanRunLocally(this.localRuns[0]!);
      this.localRuns.shift();
    }
  }

  /** One run on the main thread's lane: takes jobs until none is left, yielding every LOCAL_SLICE_NS. */
  private async scanRunLocally(id: number): Promise<void> {
    const local = this.local!;
    let taken = 0;
    for (;;) {
      const run = this.runs.get(id);
      // The workers answered the last jobs while this lane waited for its turn.
      if (!run) return mark("main lane done", `run=${id} jobs=${taken}`);
      const sliceEnd = process.hrtime.bigint() + LOCAL_SLICE_NS;
      const indices: number[] = [];
      const results: JobResult[] = [];
      let exhausted = false;
      do {
        const k = Atomics.add(run.next, 0, 1);
        if (k >= run.order.length) {
          exhausted = true;
          break;
        }
        const i = run.order[k]!;
        Atomics.store(run.claimed, i, MAIN_LANE);
        if (taken++ === 0) mark("main first job", `run=${id}`);
        const result = local(run.jobs[i]!);
        if (result === undefined) {
          // Published after the index is written: a worker never reads an unset slot.
          if (timelineOn) mark("main left job", `index=${i} position=${k}`);
          const published = run.left[0]!;
          Atomics.store(run.left, 2 + published, i);
          Atomics.store(run.left, 0, published + 1);
          continue;
        }
        indices.push(i);
        results.push(result);
      } while (process.hrtime.bigint() < sliceEnd);
      this.deliver(run, indices, results);
      if (exhausted || !this.runs.has(id)) mark("main lane done", `run=${id} jobs=${taken}`);
      if (exhausted) {
        this.takeLeftovers(run);
        return;
      }
      if (!this.runs.has(id)) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    mark("pool closing");
    await Promise.all(this.workers.map((w) => w.terminate()));
    mark("pool closed");
  }
}

/** The next job the main thread left to the workers, or -1 (any number of takers). */
export function takeLeft(left: Int32Array): number {
  for (;;) {
    const taken = Atomics.load(left, 1);
    if (taken >= Atomics.load(left, 0)) return -1;
    if (Atomics.compareExchange(left, 1, taken, taken + 1) === taken) return Atomics.load(left, 2 + taken);
  }
}

/** Job indices in taking order: jobs of known size largest first (a big one does not end the run alone), then the others as listed. */
function takingOrder(jobs: readonly ScanJob[]): Int32Array {
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
  const order = new Int32Array(new SharedArrayBuffer(4 * jobs.length));
  order.set(sized);
  order.set(unsized, sized.length);
  return order;
}

/** Start a pool, scan `jobs`, stop the pool. Results in the order of `jobs`. */
export async function runInWorkers(jobs: ScanJob[], options: PoolOptions): Promise<JobResult[]> {
  const pool = new WorkerPool(options);
  try {
    return await pool.run(jobs);
  } finally {
    await pool.close();
  }
}
