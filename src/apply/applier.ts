import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { PlanError, VaultshiftError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { fingerprint } from "../util/fingerprint.js";
import type { ApplyOptions, ApplyResult, Plan, PlannedTarget, PlanWarning, SecretBinding } from "../plan/types.js";
import { projectId, sha256 } from "../plan/project.js";
import { afterBytes, computeFileChanges, readIfExists } from "./file-changes.js";
import { decodeFile } from "../util/text-encoding.js";
import { CasConflictError, type KvStore } from "./kv-store.js";
import { VaultPermissionError } from "../runtime/errors.js";
import { readPlannedValues } from "./source-values.js";
import { readDotenv } from "../scan/dotenv-reader.js";
import { StateStore, type Journal, type JournalFile, type JournalTarget } from "./state.js";

// apply(): do what the plan decided, in an order that never loses a secret:
//   check sources → back up files → record Vault versions → write Vault (CAS)
//   → policy → rewrite files → done.
// Files lose their values only after every value is in Vault. Each step is
// journaled in the state directory before the next starts, so a run that
// dies anywhere resumes where it stopped, and rollback knows what to undo.

export interface ApplierOptions extends ApplyOptions {
  store: KvStore;
}

/** Thrown by the fault-injection hook (VAULTSHIFT_FAIL_AT_STEP). */
export class InjectedFailure extends VaultshiftError {
  override name = "InjectedFailure";
}

function stepHook(options: ApplyOptions): (n: number, id: string) => void {
  const env = options.env ?? process.env;
  const failAt = env.VAULTSHIFT_FAIL_AT_STEP ? Number(env.VAULTSHIFT_FAIL_AT_STEP) : NaN;
  return (n, id) => {
    options.onStep?.(n, id);
    if (n === failAt) throw new InjectedFailure(`Stopped before step ${n} (${id}) because VAULTSHIFT_FAIL_AT_STEP=${failAt}.`, { hint: "Run apply again to resume, or rollback to undo." });
  };
}

function fileHash(path: string): string | null {
  const b = readIfExists(path);
  return b === null ? null : sha256(b);
}

function literalBindings(plan: Plan): SecretBinding[] {
  const out = new Map<string, SecretBinding>();
  const envNames = new Set(plan.bindings.map((b) => b.envName));
  for (const l of plan.literals) {
    if (envNames.has(l.name) || out.has(l.name)) continue;
    out.set(l.name, { envName: l.name, mount: l.mount, path: l.path, key: l.key, environments: { shared: { path: l.path } } });
  }
  return [...out.values()];
}

export async function applyPlan(plan: Plan, options: ApplierOptions): Promise<ApplyResult> {
  if (options.dryRun) return applyUnlocked(plan, options);
  const release = new StateStore(projectId(options.root), options.env).lock("apply");
  try {
    return await applyUnlocked(plan, options);
  } finally {
    release();
  }
}

async function applyUnlocked(plan: Plan, options: ApplierOptions): Promise<ApplyResult> {
  const { root, store } = options;
  const progress = options.onProgress ?? (() => {});
  const state = new StateStore(projectId(root), options.env);
  const dryRun = options.dryRun === true;
  const result: ApplyResult = { planId: plan.id, dryRun, alreadyApplied: false, writes: [], files: [], policy: { name: plan.policy.name, written: false }, warnings: [], diffs: [] };

  let journal = state.readJournal();
  if (journal && journal.planId === plan.id && journal.status === "applied") {
    progress({ stage: "write", step: 1, total: 1, message: "plan already applied: nothing to do" });
    return { ...result, alreadyApplied: true };
  }
  if (journal && journal.planId !== plan.id && journal.status === "in-progress") {
    throw new PlanError(`Another plan (${journal.planId.slice(0, 8)}) is half-applied in this project.`, {
      hint: "Finish it by applying that plan again, or undo it with `vaultshift rollback`, before applying a new one.",
    });
  }
  const resuming = journal !== null && journal.planId === plan.id && journal.status === "in-progress";
  if (plan.targets.length === 0 && plan.files.length === 0) {
    // Nothing to do (e.g. planning an already migrated tree): keep the last migration's state for rollback.
    progress({ stage: "write", step: 1, total: 1, message: "nothing to apply" });
    return result;
  }
  if (!resuming && journal !== null && !dryRun) {
    // A new migration after an applied one: keep the older journal and backups beside it, rollback undoes the newest.
    if (journal.status === "applied") state.archive(journal.planId);
  }
  if (!resuming) journal = null;

  if (plan.targets.length > 0) await store.checkMount?.(plan.mount);

  // 1. Sources: every value must still match its fingerprint, unless Vault already holds it (resumed or re-applied).
  progress({ stage: "backup", step: 1, total: 3, message: `checking ${plan.secrets.length} secrets against their fingerprints` });
  const checks = readPlannedValues(root, plan);
  const values = new Map<string, string>();
  const inVault = new Set<string>();
  const stale: string[] = [];
  const latest = new Map<string, Record<string, unknown> | null>();
  for (const c of checks) {
    if (c.value !== null) {
      values.set(c.secret.id, c.value);
      continue;
    }
    const t = c.secret.target;
    if (!latest.has(t.path)) latest.set(t.path, (await store.read(t.mount, t.path))?.data ?? null);
    const v = latest.get(t.path)?.[t.key];
    if (typeof v === "string" && fingerprint(plan.salt, v) === c.secret.fingerprint) inVault.add(c.secret.id);
    else stale.push(`${c.secret.name} (${c.where})`);
  }
  if (stale.length > 0) {
    throw new PlanError(`${stale.length} secret${stale.length === 1 ? "" : "s"} changed since the plan was made: ${stale.join(", ")}.`, {
      hint: "Run `vaultshift plan` again so that the plan matches the current values, then apply the new plan.",
    });
  }

  // Files: each must be as planned (before) or already done (after).
  const changed: string[] = [];
  for (const f of plan.files) {
    const h = fileHash(join(root, f.file));
    const doneInJournal = journal?.files.find((j) => j.file === f.file && j.done);
    if (h === f.beforeHash || h === f.afterHash || (doneInJournal && h === doneInJournal.afterHash)) continue;
    changed.push(f.file);
  }
  if (changed.length > 0) {
    throw new PlanError(`${changed.length} file${changed.length === 1 ? "" : "s"} changed since the plan was made: ${changed.join(", ")}.`, {
      hint: "Run `vaultshift plan` again (or undo those edits), then apply the new plan.",
    });
  }

  // The bytes to write, computed from the files as they are (pure functions of the plan's bindings).
  const { changes, warnings } = await computeFileChanges({
    root,
    app: plan.app,
    bindings: plan.bindings,
    literalBindings: literalBindings(plan),
    literals: plan.literals,
    secretsModule: plan.secretsModule,
    forceSecretsModule: plan.secretsModule !== null,
    envExports: plan.envExports ?? [],
    sourceFiles: plan.files.filter((f) => f.kind === "code").map((f) => f.file),
    envFiles: plan.envFiles,
    scriptEnvironments: plan.scriptEnvironments ?? [],
    launcherEdits: plan.launcherEdits ?? [],
    configEdits: plan.configEdits ?? [],
    values: [...values.values(), ...(dryRun ? overriddenValues(root, plan) : [])],
    noDiffs: !dryRun,
  });
  const contentFor = new Map(changes.map((c) => [c.file, c]));
  result.warnings.push(...(warnings as PlanWarning[]));

  const valuesByTarget = (t: PlannedTarget): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const s of plan.secrets) if (s.target.path === t.path && values.has(s.id)) out[s.target.key] = values.get(s.id)!;
    return out;
  };

  if (dryRun) {
    for (const t of plan.targets) {
      const meta = await store.metadata(t.mount, t.path);
      const own = valuesByTarget(t);
      result.writes.push({ mount: t.mount, path: t.path, keys: Object.keys(t.keys), versionBefore: meta?.currentVersion ?? 0, version: null, skipped: Object.keys(own).length === 0 });
    }
    for (const f of plan.files) {
      const h = fileHash(join(root, f.file));
      result.files.push({ file: f.file, kind: f.kind, changed: h !== f.afterHash });
      if (h !== f.afterHash) result.diffs.push(f.diff);
    }
    progress({ stage: "write", step: 1, total: 1, message: `dry run: ${plan.targets.length} Vault writes and ${plan.files.length} file changes not made` });
    return result;
  }

  const j: Journal = journal ?? {
    planId: plan.id,
    app: plan.app,
    salt: plan.salt,
    status: "in-progress",
    startedAt: new Date().toISOString(),
    updatedAt: "",
    steps: [],
    targets: [],
    files: [],
    policy: null,
  };
  const hook = stepHook(options);
  const stepIds = ["backup-files", "backup-vault", ...plan.targets.map((t) => `write:${t.mount}/${t.path}`), "policy", ...plan.files.map((f) => `file:${f.file}`), "done"];
  let n = 0;
  // `persist: false` for steps whose completion is visible without the journal (a file's hash).
  const step = async (id: string, run: () => Promise<void> | void, persist = true) => {
    n++;
    if (j.steps.includes(id)) return;
    hook(n, id);
    await run();
    j.steps.push(id);
    if (persist) state.writeJournal(j);
  };
  state.writeJournal(j);

  // 2. Back up every file the plan changes (outside the tree: they hold plaintext).
  await step("backup-files", () => {
    const backups: [string, Buffer][] = [];
    plan.files.forEach((f, i) => {
      progress({ stage: "backup", step: i + 1, total: plan.files.length, message: `backing up ${f.file}` });
      const bytes = readIfExists(join(root, f.file));
      const next = contentFor.get(f.file);
      const entry: JournalFile = { file: f.file, kind: f.kind, beforeHash: f.beforeHash, afterHash: next ? sha256(afterBytes(next)) : f.afterHash, backup: null, mode: null, done: false };
      if (bytes !== null && sha256(bytes) === f.beforeHash) {
        entry.backup = `${String(i).padStart(4, "0")}-${sha256(f.file).slice(0, 12)}`;
        entry.mode = statSync(join(root, f.file)).mode & 0o7777;
        backups.push([entry.backup, bytes]);
      }
      j.files.push(entry);
    });
    if (backups.length > 0) state.saveBackups(backups);
  });

  // 3. Record the current version of every target (what rollback returns to).
  await step("backup-vault", async () => {
    let i = 0;
    for (const t of plan.targets) {
      progress({ stage: "backup", step: ++i, total: plan.targets.length, message: `recording the current version of ${t.mount}/${t.path}` });
      const meta = await store.metadata(t.mount, t.path);
      const current = meta?.currentVersion ?? 0;
      // Already holding exactly the planned values (the plan was applied before, e.g. from another machine) is no conflict.
      const alreadyOurs = async () => {
        const data = meta && !meta.currentDeleted ? (await store.read(t.mount, t.path))?.data : undefined;
        return data !== undefined && Object.entries(t.keys).every(([k, fp]) => typeof data[k] === "string" && fingerprint(plan.salt, data[k] as string) === fp);
      };
      if (t.versionAtPlan !== null && current !== t.versionAtPlan && !(await alreadyOurs())) {
        throw new CasConflictError(`${t.mount}/${t.path} changed since the plan was made (version ${t.versionAtPlan} then, ${current} now).`, {
          hint: "Someone else wrote this secret. Run `vaultshift plan` again, then apply the new plan.",
        });
      }
      j.targets.push({ mount: t.mount, path: t.path, versionBefore: current, deletedBefore: meta?.currentDeleted ?? false, versionWritten: null, unchanged: false, keys: t.keys });
    }
  });

  // 4. Write each target with check-and-set, merging our keys into what is there.
  let w = 0;
  for (const t of plan.targets) {
    const rec = j.targets.find((x) => x.mount === t.mount && x.path === t.path)!;
    await step(`write:${t.mount}/${t.path}`, async () => {
      progress({ stage: "write", step: ++w, total: plan.targets.length, message: `writing ${Object.keys(t.keys).length} keys to ${t.mount}/${t.path}` });
      const outcome = await writeTarget(store, plan.salt, rec, valuesByTarget(t));
      result.writes.push({ mount: t.mount, path: t.path, keys: Object.keys(t.keys), versionBefore: rec.versionBefore, version: outcome.version, skipped: outcome.unchanged });
    });
  }

  // 5. The app's read policy.
  await step("policy", async () => {
    if (plan.targets.length === 0) return; // nothing to grant
    progress({ stage: "policy", step: 1, total: 1, message: `writing the ACL policy ${plan.policy.name}` });
    // A resumed run keeps the `previous` recorded before the first attempt wrote anything.
    const recorded = j.policy?.name === plan.policy.name ? j.policy : null;
    try {
      const now = await store.readPolicy(plan.policy.name);
      j.policy = recorded ?? { name: plan.policy.name, previous: now, written: false };
      if (now !== plan.policy.hcl) {
        j.policy.written = true;
        state.writeJournal(j); // `previous` must be on disk before the policy changes
        await store.writePolicy(plan.policy.name, plan.policy.hcl);
      }
    } catch (error) {
      // Managing policies is often reserved to operators: the migration goes on, and says what to hand them.
      if (!(error instanceof VaultPermissionError)) throw error;
      if (j.policy && !recorded) j.policy.written = false;
      result.warnings.push({
        code: "policy-not-written",
        message: `The token may not write the ACL policy ${plan.policy.name} (permission denied); ask a Vault operator to write it (it is in the plan under "policy").`,
      });
    }
    result.policy.written = j.policy?.written ?? false;
  });

  // 6. Files: code, secrets module, package.json, .env, .env.example, .gitignore.
  let fi = 0;
  for (const f of plan.files) {
    const rec = j.files.find((x) => x.file === f.file)!;
    await step(`file:${f.file}`, () => {
      const path = join(root, f.file);
      progress({ stage: f.kind === "env" || f.kind === "env-example" || f.kind === "gitignore" ? "clean" : "rewrite", step: ++fi, total: plan.files.length, message: `${f.kind === "env" ? "cleaning" : "updating"} ${f.file}` });
      const h = fileHash(path);
      if (h === rec.afterHash) {
        rec.done = true;
        result.files.push({ file: f.file, kind: f.kind, changed: false });
        return;
      }
      if (f.kind === "secret-file") {
        // Its content is in Vault (written above) and its bytes in the backup: `vaultshift run` writes it at run time.
        rmSync(path, { force: true });
        rec.done = true;
        result.files.push({ file: f.file, kind: f.kind, changed: true });
        return;
      }
      const next = contentFor.get(f.file);
      if (!next) throw new PlanError(`vaultshift could not recompute the planned change of ${f.file}.`, { hint: "Run `vaultshift plan` again, then apply the new plan." });
      const bytes = afterBytes(next);
      if (sha256(bytes) !== rec.afterHash) throw new PlanError(`The new content of ${f.file} changed during apply.`, { hint: "Run apply again." });
      if (rec.afterHash !== f.afterHash) {
        // Same input, different output: the rewrite stage changed (another vaultshift version). Say so; the journal keeps the real hash.
        result.warnings.push({ code: "rewrite-differs", file: f.file, message: `${f.file} was rewritten differently than the plan's diff shows (another vaultshift version?); review it with \`git diff\`.` });
      }
      writeFileAtomic(path, bytes, { mode: rec.mode ?? (f.kind === "env" ? 0o600 : 0o644), mkdir: true });
      rec.done = true;
      result.files.push({ file: f.file, kind: f.kind, changed: true });
    }, false);
  }

  await step("done", () => {
    j.status = "applied";
  });
  state.writeJson("plan.json", plan);
  progress({ stage: "write", step: 1, total: 1, message: `applied: ${result.writes.length} Vault writes, ${result.files.filter((f) => f.changed).length} files changed` });
  return result;
}

/**
 * Write one target idempotently. A write that failed mid-flight (timeout, 5xx)
 * may still have happened: before writing, and after a failure, look at what
 * the latest version holds; if it is exactly ours, adopt it instead of writing
 * a duplicate version.
 */
async function writeTarget(store: KvStore, salt: string, rec: JournalTarget, own: Record<string, string>): Promise<{ version: number | null; unchanged: boolean }> {
  const holdsOurs = (data: Record<string, unknown> | undefined) =>
    data !== undefined && Object.entries(rec.keys).every(([k, fp]) => typeof data[k] === "string" && fingerprint(salt, data[k] as string) === fp);

  const meta = await store.metadata(rec.mount, rec.path);
  const current = meta?.currentVersion ?? 0;
  if (rec.versionWritten !== null && current === rec.versionWritten) return { version: current, unchanged: false };
  const latest = meta && !meta.currentDeleted ? await store.read(rec.mount, rec.path) : null;
  if (current !== rec.versionBefore) {
    // Not the version we started from: ours (a write whose answer was lost) or someone else's.
    if (current === rec.versionBefore + 1 && holdsOurs(latest?.data)) {
      rec.versionWritten = current;
      return { version: current, unchanged: false };
    }
    throw new CasConflictError(`${rec.mount}/${rec.path} was changed by someone else during the migration (version ${rec.versionBefore} expected, ${current} found).`, {
      hint: "Nothing of theirs was overwritten. Run `vaultshift rollback --force` or re-plan with `vaultshift plan`, then apply again.",
    });
  }
  if (holdsOurs(latest?.data)) {
    rec.unchanged = true;
    return { version: current, unchanged: true };
  }
  if (Object.keys(own).length < Object.keys(rec.keys).length) {
    throw new PlanError(`Some values for ${rec.mount}/${rec.path} are neither in their source files nor in Vault.`, {
      hint: "Restore the files (`vaultshift rollback`) or re-plan with `vaultshift plan`.",
    });
  }
  const merged = { ...(latest?.data ?? {}), ...own };
  try {
    rec.versionWritten = await store.write(rec.mount, rec.path, merged, current);
  } catch (error) {
    if (error instanceof CasConflictError) {
      // A retried request whose first attempt succeeded also ends here: check.
      const after = await store.metadata(rec.mount, rec.path).catch(() => null);
      if (after && after.currentVersion === current + 1 && holdsOurs((await store.read(rec.mount, rec.path).catch(() => null))?.data)) {
        rec.versionWritten = after.currentVersion;
        return { version: rec.versionWritten, unchanged: false };
      }
      throw error;
    }
    const after = await store.metadata(rec.mount, rec.path).catch(() => null);
    if (after && after.currentVersion === current + 1 && holdsOurs((await store.read(rec.mount, rec.path).catch(() => null))?.data)) {
      rec.versionWritten = after.currentVersion;
      return { version: rec.versionWritten, unchanged: false };
    }
    throw error;
  }
  return { version: rec.versionWritten, unchanged: false };
}



/**
 * Earlier lines of a migrated .env key that a later line overrides: removed
 * with it, so a dry run's diffs hide them too (see CandidateSet.overridden).
 */
function overriddenValues(root: string, plan: Plan): string[] {
  const out: string[] = [];
  for (const f of plan.envFiles) {
    if (f.migratedKeys.length === 0) continue;
    const text = readIfExists(join(root, f.file));
    if (text === null) continue;
    // Every line of a removed key: overridden lines, and keys shadowed by a file loaded first (CandidateSet.shadowed).
    for (const e of readDotenv(decodeFile(text).text)) if (e.value !== "" && f.migratedKeys.includes(e.key)) out.push(e.value);
  }
  return out;
}
