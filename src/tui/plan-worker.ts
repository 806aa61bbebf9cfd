import { parentPort } from "node:worker_threads";
import { VaultshiftError } from "../errors.js";
import { plan } from "../migrate/index.js";
import type { PlanOptions } from "../plan/types.js";

// The session's planning, on a worker thread (src/tui/plan-thread.ts): the
// scan and the planner hold their thread for seconds on a large project,
// and on the session's thread that froze the screen and the keys (Ctrl-C
// included) until the plan was made. One worker serves the whole session,
// one plan at a time, so the re-plans of the review find it warm.

const port = parentPort!;
let queue: Promise<void> = Promise.resolve();
port.on("message", ({ id, options }: { id: number; options: PlanOptions }) => {
  queue = queue.then(() =>
    plan({ ...options, onProgress: (e) => port.postMessage({ id, progress: e }) }).then(
      (p) => port.postMessage({ id, plan: p }),
      (error: unknown) =>
        port.postMessage({
          id,
          error: error instanceof VaultshiftError ? { vaultshift: true, name: error.name, message: error.message, hint: error.hint } : { vaultshift: false, message: String((error as Error)?.message ?? error) },
        }),
    ),
  );
});
