import { parentPort, workerData } from "node:worker_threads";
import { createJobContext, runJob, type JobSettings, type ScanJob, type ScanTextFn } from "./file-scan.js";

// A worker thread of the scan pool: imports the engine once, then scans the
// batches of jobs the main thread sends, reading files itself, and answers with
// public findings only (no secret crosses back).

interface WorkerSetup {
  settings: JobSettings;
  /** URL of the module exporting `scanText`; default: the engine. */
  engineModule?: string;
}

const setup = workerData as WorkerSetup;
const engine = (await import(setup.engineModule ?? new URL("./engine.js", import.meta.url).href)) as { scanText: ScanTextFn };
const ctx = createJobContext(setup.settings, engine.scanText);

parentPort!.on("message", (message: { id: number; jobs: ScanJob[] }) => {
  const results = message.jobs.map((job) => runJob(job, ctx));
  parentPort!.postMessage({ id: message.id, results });
});
parentPort!.postMessage({ ready: true });
