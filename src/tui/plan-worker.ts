import { parentPort } from "node:worker_threads";
import { VaultshiftError } from "../errors.js";
import { plan, verify } from "../migrate/index.js";
import type { Plan, PlanOptions, VerifyOptions } from "../plan/types.js";

// The session's planning, on a worker thread (src/tui/plan-thread.ts): the
// scan and the planner hold their thread for seconds on a large project,
// and on the session's thread that froze the screen and the keys (Ctrl-C
// included) until the plan was made. One worker serves the whole session,
// one job at a time, so the re-plans of the review find it warm; verify
// (its re-scan reads the whole tree again) runs here too.

const port = parentPort!;
let queue: Promise<void> = Promise.resolve();
type Job = { id: number; kind: "plan"; options: PlanOptions } | { id: number; kind: "verify"; plan: Plan; options: VerifyOptions };

port.on("message", (job: Job) => {
  const id = job.id;
  const onProgress = (e: unknown) => port.postMessage({ id, progress: e });
  queue = queue.then(() =>
    (job.kind === "plan" ? plan({ ...job.options, onProgress }) : verify(job.plan, { ...job.options, onProgress })).then(
      (result) => port.postMessage({ id, result }),
      (error: unknown) =>
        port.postMessage({
          id,
          error: error instanceof VaultshiftError ? { vaultshift: true, name: error.name, message: error.message, hint: error.hint } : { vaultshift: false, message: String((error as Error)?.message ?? error) },
        }),
    ),
  );
});
