import { rmSync } from "node:fs";
import { join } from "node:path";
import { PlanError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { fingerprint } from "../util/fingerprint.js";
import type { RollbackOptions, RollbackResult } from "../plan/types.js";
import { sha256 } from "../plan/project.js";
import { readIfExists } from "./file-changes.js";
import type { KvStore } from "./kv-store.js";
import { StateStore, type Journal, type JournalTarget } from "./state.js";

// rollback(): undo what the journal says apply did — every file back to its
// original bytes, every Vault secret back to its previous version (KV v2 keeps
// old versions: the old data is written again as a new version, as
// `vault kv rollback` does; a secret the migration created is deleted with its
// metadata), the policy back to its previous text. It first checks that
// nobody changed those files or secrets since, and refuses (listing them)
// unless --force.

export interface RollbackerOptions extends RollbackOptions {
  store: KvStore;
  projectId: string;
}

/** Did apply write this target? (journaled, or a write whose answer was lost but whose version is ours). */
async function ourVersion(store: KvStore, j: Journal, t: JournalTarget): Promise<{ current: number; ours: number | null }> {
  const meta = await store.metadata(t.mount, t.path);
  const current = meta?.currentVersion ?? 0;
  if (t.versionWritten !== null) return { current, ours: t.versionWritten };
  if (t.unchanged || current !== t.versionBefore + 1) return { current, ours: null };
  const data = (await store.read(t.mount, t.path))?.data;
  const holds = data !== undefined && Object.entries(t.keys).every(([k, fp]) => typeof data[k] === "string" && fingerprint(j.salt, data[k] as string) === fp);
  return { current, ours: holds ? current : null };
}

export async function rollbackApply(options: RollbackerOptions): Promise<RollbackResult> {
  const release = new StateStore(options.projectId, options.env).lock("rollback");
  try {
    return await rollbackUnlocked(options);
  } finally {
    release();
  }
}

async function rollbackUnlocked(options: RollbackerOptions): Promise<RollbackResult> {
  const { root, store } = options;
  const progress = options.onProgress ?? (() => {});
  const state = new StateStore(options.projectId, options.env);
  const j = state.readJournal();
  if (!j || j.status === "rolled-back") {
    throw new PlanError(j ? "The last migration of this project was already rolled back." : "There is no applied migration to roll back in this project.", {
      hint: `vaultshift keeps what rollback needs in ${state.dir}; run rollback from the project you applied the plan in, with the same VAULTSHIFT_STATE_DIR / XDG_STATE_HOME.`,
    });
  }
  const result: RollbackResult = { planId: j.planId, files: [], vault: [], policy: { name: j.policy?.name ?? "", action: "unchanged" } };

  // Check everything first: refuse before touching anything.
  const conflicts: string[] = [];
  const fileActions = j.files.map((f) => {
    const h = (() => {
      const b = readIfExists(join(root, f.file));
      return b === null ? null : sha256(b);
    })();
    if (h === f.beforeHash) return { f, action: "unchanged" as const };
    if (h !== f.afterHash) conflicts.push(`${f.file} (changed after apply)`);
    return { f, action: f.beforeHash === null ? ("deleted" as const) : ("restored" as const) };
  });
  const targetActions: { t: JournalTarget; current: number; ours: number | null }[] = [];
  for (const t of j.targets) {
    const v = await ourVersion(store, j, t);
    targetActions.push({ t, ...v });
    if (v.ours !== null && v.current !== v.ours) conflicts.push(`${t.mount}/${t.path} (${versionConflict(v.current, v.ours)})`);
  }
  if (conflicts.length > 0 && !options.force) {
    throw new PlanError(`Rollback would undo changes made after the migration: ${conflicts.join(", ")}.`, {
      hint: "Nothing was changed. Review those changes; run `vaultshift rollback --force` to restore the pre-migration state anyway.",
    });
  }

  // Files first: the code goes back to reading .env, whose values come back too.
  let i = 0;
  for (const { f, action } of fileActions.reverse()) {
    progress({ stage: "rollback", step: ++i, total: fileActions.length, message: `${action === "unchanged" ? "keeping" : "restoring"} ${f.file}` });
    if (action === "restored" && f.backup) writeFileAtomic(join(root, f.file), state.readBackup(f.backup!), { mode: f.mode ?? 0o644 });
    else if (action === "deleted") rmSync(join(root, f.file), { force: true });
    result.files.push({ file: f.file, action });
  }

  let k = 0;
  for (const { t, current, ours } of targetActions) {
    progress({ stage: "rollback", step: ++k, total: targetActions.length, message: `restoring ${t.mount}/${t.path}` });
    if (ours === null) {
      result.vault.push({ mount: t.mount, path: t.path, action: "unchanged", version: current });
      continue;
    }
    if (t.versionBefore === 0) {
      await store.deleteAll(t.mount, t.path);
      result.vault.push({ mount: t.mount, path: t.path, action: "deleted", version: null });
      continue;
    }
    const previous = t.deletedBefore ? null : await store.read(t.mount, t.path, t.versionBefore);
    if (previous === null) {
      // The previous latest version was deleted (or pruned by max_versions): nothing readable to restore.
      result.vault.push({ mount: t.mount, path: t.path, action: "unchanged", version: current });
      continue;
    }
    const version = await store.write(t.mount, t.path, previous.data, current);
    result.vault.push({ mount: t.mount, path: t.path, action: "restored", version });
  }

  if (j.policy?.written) {
    progress({ stage: "rollback", step: 1, total: 1, message: `restoring the policy ${j.policy.name}` });
    if (j.policy.previous === null) {
      await store.deletePolicy(j.policy.name);
      result.policy = { name: j.policy.name, action: "deleted" };
    } else {
      await store.writePolicy(j.policy.name, j.policy.previous);
      result.policy = { name: j.policy.name, action: "restored" };
    }
  }

  j.status = "rolled-back";
  state.writeJournal(j);
  state.removeBackups();
  return result;
}

/** What happened to a secret since the migration wrote version `ours`, as the refusal says it. */
function versionConflict(current: number, ours: number): string {
  if (current === 0) return `gone from Vault: the migration wrote version ${ours}; the secret was deleted since, or this is another server (a dev server restarted without --data)`;
  if (current < ours) return `at version ${current}, older than the migration's version ${ours}: another server, or one restored from an earlier snapshot`;
  return `version ${current} written after the migration's version ${ours}`;
}
