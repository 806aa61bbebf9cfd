import { resolve } from "node:path";
import { PlanError, VaultshiftError } from "../errors.js";
import { writeReports } from "../report/migration-report.js";
import { applyPlan } from "../apply/applier.js";
import type { KvStore } from "../apply/kv-store.js";
import { rollbackApply } from "../apply/rollback.js";
import { StateStore } from "../apply/state.js";
import { VaultStore } from "../apply/vault-store.js";
import type { Classifier } from "../classify/candidates.js";
import { DEFAULT_PLAN_FILE, writePlan } from "../plan/plan-file.js";
import { plan as makePlan } from "../plan/planner.js";
import { projectId } from "../plan/project.js";
import type {
  ApplyOptions,
  ApplyResult,
  MigrateOptions,
  MigrateResult,
  Plan,
  PlanOptions,
  ReportInput,
  RollbackOptions,
  RollbackResult,
  Verification,
  VaultConnection,
  VerifyOptions,
} from "../plan/types.js";
import { buildReportInput } from "../verify/report-input.js";
import { verifyPlan } from "../verify/verifier.js";

// The pipeline as a library: plan → apply → verify → report, and rollback.
// Each function opens its own Vault client from a VaultConnection (or takes a
// ready KvStore) and closes it when done. The CLI and the terminal UI are thin
// shells over these.

/** Extra knobs for embedding and tests. */
export interface Injected {
  /** Use this store instead of connecting with `vault`. */
  store?: KvStore;
  classify?: Classifier;
}

async function withStore<T>(conn: VaultConnection | undefined, injected: Injected & { env?: NodeJS.ProcessEnv | undefined }, run: (store: KvStore) => Promise<T>): Promise<T> {
  if (injected.store) return run(injected.store);
  if (!conn) throw new VaultshiftError("No Vault connection was given.", { hint: "Set VAULT_ADDR and VAULT_TOKEN (or VAULT_ROLE_ID/VAULT_SECRET_ID)." });
  const store = new VaultStore(conn, injected.env ? { env: injected.env } : {});
  try {
    return await run(store);
  } finally {
    store.close();
  }
}

export async function plan(options: PlanOptions & Injected): Promise<Plan> {
  const root = resolve(options.root);
  if (options.vault || options.store) return withStore(options.vault, options, (store) => makePlan({ ...options, root, store }));
  return makePlan({ ...options, root });
}

export async function apply(p: Plan, options: ApplyOptions & Injected): Promise<ApplyResult> {
  const root = resolve(options.root);
  return withStore(options.vault, options, (store) => applyPlan(p, { ...options, root, store }));
}

export async function verify(p: Plan, options: VerifyOptions & Injected): Promise<Verification> {
  const root = resolve(options.root);
  const v = await withStore(options.vault, options, (store) => verifyPlan(p, { ...options, root, store, ...(options.classify ? { classify: options.classify } : {}) }));
  const state = new StateStore(projectId(root), options.env);
  state.writeJson("verification.json", v);
  state.writeJson("plan.json", p);
  return v;
}

export async function rollback(options: RollbackOptions & Injected): Promise<RollbackResult> {
  const root = resolve(options.root);
  return withStore(options.vault, options, (store) => rollbackApply({ ...options, root, store, projectId: projectId(root) }));
}

/** The plan and last verification recorded for this project (what `vaultshift report` renders). */
export function loadReportInput(options: { root: string; env?: NodeJS.ProcessEnv; address?: string | null }): ReportInput {
  const root = resolve(options.root);
  const state = new StateStore(projectId(root), options.env);
  const p = state.readJson<Plan>("plan.json");
  if (!p) {
    throw new PlanError("This project has no applied or verified migration to report on.", {
      hint: "Run `vaultshift migrate --yes`, or `vaultshift apply` then `vaultshift verify`, first.",
    });
  }
  const v = state.readJson<Verification>("verification.json");
  const input = buildReportInput(p, v && v.planId === p.id ? v : null, { root, address: options.address ?? null });
  return input;
}

/** Render and write the reports (Markdown, JSON, HTML, SARIF) with the report stage's renderers. */
export async function writeReportFiles(input: ReportInput, dir: string): Promise<string[]> {
  return writeReports(input, dir);
}

/** plan + apply + verify + report, no questions asked. */
export async function migrate(options: MigrateOptions & Injected): Promise<MigrateResult> {
  const root = resolve(options.root);
  return withStore(options.vault, options, async (store) => {
    const inj: Injected = { store, ...(options.classify ? { classify: options.classify } : {}) };
    const p = await plan({ ...options, root, ...inj });
    writePlan(p, resolve(root, options.planFile ?? DEFAULT_PLAN_FILE));
    const applied = await apply(p, { root, vault: options.vault, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.onStep ? { onStep: options.onStep } : {}), ...(options.env ? { env: options.env } : {}), ...inj });
    const verification = await verify(p, { root, vault: options.vault, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.env ? { env: options.env } : {}), ...inj });
    const report = buildReportInput(p, verification, { root, address: store.address });
    options.onProgress?.({ stage: "report", step: 1, total: 1, message: "writing reports" });
    const reports = await writeReportFiles(report, resolve(root, options.reportsDir ?? "reports"));
    return { plan: p, apply: applied, verification, report, reports };
  });
}
