import { Worker } from "node:worker_threads";
import { VaultshiftError } from "../errors.js";
import type { Plan, PlanOptions, ProgressEvent, Verification, VerifyOptions } from "../plan/types.js";

// Plans on a worker thread (src/tui/plan-worker.ts), so that the session
// draws the progress and reads keys while the project is scanned and
// planned: on a 1,500-file project the planner held the thread for 5 s at a
// stretch, Ctrl-C included. One worker for the session (started with it,
// so it loads while Vault is checked); the options cross as data (no store,
// no callback) and the progress events come back as messages. stop() ends
// it, and with it a plan still running, when the session ends.

type Reply = { id: number } & ({ progress: ProgressEvent } | { result: unknown } | { error: { vaultshift: boolean; name?: string; message: string; hint?: string } });

export interface PlanThread {
  plan(options: Omit<PlanOptions, "onProgress">, onProgress: (e: ProgressEvent) => void): Promise<Plan>;
  /** Verify (read-back, policy, re-scan) on the same thread. */
  verify(plan: Plan, options: Omit<VerifyOptions, "onProgress">, onProgress: (e: ProgressEvent) => void): Promise<Verification>;
  stop(): void;
}

export function planThread(): PlanThread {
  const pending = new Map<number, { resolve: (r: any) => void; reject: (e: unknown) => void; onProgress: (e: ProgressEvent) => void }>();
  let next = 0;
  let stopped = false;
  const worker = new Worker(new URL("./plan-worker.js", import.meta.url));
  worker.unref(); // it never keeps the process alive; stop() ends it
  const failAll = (error: unknown) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on("message", (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    if ("progress" in m) return p.onProgress(m.progress);
    pending.delete(m.id);
    if ("result" in m) return p.resolve(m.result);
    const e = m.error;
    p.reject(e.vaultshift ? Object.assign(new VaultshiftError(e.message, e.hint === undefined ? {} : { hint: e.hint }), { name: e.name ?? "VaultshiftError" }) : new Error(e.message));
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => {
    if (!stopped) failAll(new Error(`the planning thread stopped (exit code ${code}) before the plan was made`));
  });
  const run = <T>(job: object, onProgress: (e: ProgressEvent) => void): Promise<T> => {
    if (stopped) return Promise.reject(new Error("the session has ended"));
    const id = ++next;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, ...job });
    });
  };
  return {
    plan: (options, onProgress) => run<Plan>({ kind: "plan", options }, onProgress),
    verify: (plan, options, onProgress) => run<Verification>({ kind: "verify", plan, options }, onProgress),
    stop() {
      stopped = true;
      pending.clear();
      void worker.terminate();
    },
  };
}
