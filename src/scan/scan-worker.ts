import { parentPort, threadId, workerData } from "node:worker_threads";
import { createJobContext, runJob, type JobContext, type JobResult, type JobSettings, type ScanTextFn } from "./file-scan.js";
import { packResults, takeLeft, unpackJobs, type RunMessage, type RunReport } from "./worker-pool.js";
import { mark, timelineOn, timelineWorker } from "./timeline.js";

// A worker thread of the scan pool: imports the engine once, then, for each
// run the main thread posts, takes jobs from the counter shared with the other
// lanes until none is left, reading files itself, and answers with public
// findings only (no secret crosses back). It runs as an ES module, or from the
// scan bundle (bin/scan-worker.js) when the main thread does: no top-level
// await then, since the bundle's modules are CommonJS.

interface WorkerSetup {
  settings: JobSettings;
  /** URL of the module exporting `scanText`; default: the engine. */
  engineModule?: string;
  /** Run the engine's warm-up first (a large scan's pool). */
  warmUp?: boolean;
}

/** Results are posted after this many jobs (and when the list is done), so a worker that dies loses few. */
const REPORT_EVERY = 64;

const setup = workerData as WorkerSetup;
// A failed import rejects unhandled: the worker's "error" event, which fails the scan (worker-pool.ts).
timelineWorker(threadId);
mark("worker started");
void import(setup.engineModule ?? new URL("./engine.js", import.meta.url).href).then((engine: { scanText: ScanTextFn; warmUp?: () => void }) => {
  // A large scan's pool: prepare the engine's code for it (engine.ts warmUp). A pool opened for a few
  // megabytes of a few files (a `--staged` commit with a bundle) would pay it and never get it back.
  if (setup.warmUp) engine.warmUp?.();
  // Messages posted before this listener exists wait in the port's queue.
  listen(createJobContext(setup.settings, engine.scanText));
  mark("worker ready");
});

function listen(ctx: JobContext): void {
  parentPort!.on("message", (m: RunMessage) => {
    mark("worker run received", `run=${m.run} jobs=${m.order.length}`);
    const jobAt = unpackJobs(m.jobs);
    let taken = 0;
    let indices: number[] = [];
    let results: JobResult[] = [];
    for (;;) {
      // Big jobs the main thread left first: it scans the rest meanwhile.
      let i = takeLeft(m.left);
      if (timelineOn && i !== -1) mark("worker left job", `index=${i}`);
      if (i === -1) {
        const k = Atomics.add(m.next, 0, 1);
        if (k >= m.order.length) break;
        i = m.order[k]!;
      }
      // Before scanning: if this thread dies on the job, the main thread knows whose it was.
      Atomics.store(m.claimed, i, m.lane);
      if (taken++ === 0) mark("worker first job", `run=${m.run}`);
      indices.push(i);
      results.push(runJob(jobAt(i), ctx));
      if (indices.length >= REPORT_EVERY) {
        parentPort!.postMessage({ run: m.run, results: packResults(indices, results) } satisfies RunReport);
        indices = [];
        results = [];
      }
    }
    mark("worker run done", `run=${m.run} jobs=${taken}`);
    parentPort!.postMessage({ run: m.run, results: packResults(indices, results), done: true } satisfies RunReport);
  });
}
