import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { FileAccessError, PlanError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { FileChangeKind } from "../plan/types.js";

// Where apply keeps what rollback needs, OUTSIDE the working tree: the
// original bytes of every file it changes hold secrets, so they must not stay
// in the repository (a `git add -A` would commit them). The XDG Base Directory
// spec puts such state under $XDG_STATE_HOME (default ~/.local/state);
// VAULTSHIFT_STATE_DIR overrides it (tests point it at a temp dir).
// Directories are 0700 and files 0600: the backups are plaintext.

export function stateRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.VAULTSHIFT_STATE_DIR) return env.VAULTSHIFT_STATE_DIR;
  const xdg = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith("/") ? env.XDG_STATE_HOME : join(env.HOME || homedir(), ".local", "state");
  return join(xdg, "vaultshift");
}

export function projectStateDir(projectId: string, env?: NodeJS.ProcessEnv): string {
  return join(stateRoot(env), projectId);
}

function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  } catch (error) {
    throw new FileAccessError(`Could not create the state directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? "error"}.`, {
      cause: error,
      hint: "Set VAULTSHIFT_STATE_DIR to a writable directory outside the repository.",
    });
  }
}

/** A Vault secret apply touched: enough to put it back. Versions only, never values. */
export interface JournalTarget {
  mount: string;
  path: string;
  /** current_version before apply (0 = the secret did not exist). */
  versionBefore: number;
  /** True when the latest version before apply was deleted or destroyed. */
  deletedBefore: boolean;
  /** The version apply wrote, or null while not written / when nothing had to be written. */
  versionWritten: number | null;
  /** All keys already held the planned values: nothing written. */
  unchanged: boolean;
  /** Key → fingerprint of the value apply writes (to recognise our own version). */
  keys: Record<string, string>;
}

export interface JournalFile {
  file: string;
  kind: FileChangeKind;
  /** sha256 before (null: apply created the file) and after (null: apply deleted it, a secret file). */
  beforeHash: string | null;
  afterHash: string | null;
  /** File name of the original bytes under backups/ (null when created). */
  backup: string | null;
  mode: number | null;
  done: boolean;
}

export interface Journal {
  planId: string;
  app: string;
  /** The plan's fingerprint salt (fingerprints are useless without it; it is no secret by itself). */
  salt: string;
  status: "in-progress" | "applied" | "rolled-back";
  startedAt: string;
  updatedAt: string;
  /** Step ids finished, in order. */
  steps: string[];
  targets: JournalTarget[];
  files: JournalFile[];
  policy: { name: string; previous: string | null; written: boolean } | null;
}

export class StateStore {
  readonly dir: string;
  constructor(projectId: string, env?: NodeJS.ProcessEnv) {
    this.dir = projectStateDir(projectId, env);
  }

  private path(name: string): string {
    return join(this.dir, name);
  }

  readJson<T>(name: string): T | null {
    let text: string;
    try {
      text = readFileSync(this.path(name), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw new FileAccessError(`Could not read ${this.path(name)}: ${(error as NodeJS.ErrnoException).code ?? "error"}.`, { cause: error, hint: "Check the permissions of the state directory." });
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new PlanError(`The state file ${this.path(name)} is corrupt.`, { cause: error, hint: "Restore it from a backup, or delete it to start over (rollback will then not be possible)." });
    }
  }

  writeJson(name: string, data: unknown): void {
    this.#ensure(this.dir);
    writeFileAtomic(this.path(name), `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  }

  /**
   * The journal is rewritten after every step; the per-key fingerprints of the
   * targets (large for a large app, and fixed once recorded) live in a file of
   * their own, written when they change.
   */
  readJournal(): Journal | null {
    const j = this.readJson<Journal>("journal.json");
    if (!j) return null;
    const keys = this.readJson<{ planId: string; keys: Record<string, Record<string, string>> }>("target-keys.json");
    for (const t of j.targets) t.keys = keys?.planId === j.planId ? (keys.keys[`${t.mount}/${t.path}`] ?? {}) : {};
    this.#savedKeys = keys?.planId === j.planId ? JSON.stringify(keys.keys) : "";
    return j;
  }

  #savedKeys = "";

  writeJournal(journal: Journal): void {
    journal.updatedAt = new Date().toISOString();
    const keys = Object.fromEntries(journal.targets.map((t) => [`${t.mount}/${t.path}`, t.keys]));
    const keysText = JSON.stringify(keys);
    if (keysText !== this.#savedKeys) {
      this.writeJson("target-keys.json", { planId: journal.planId, keys });
      this.#savedKeys = keysText;
    }
    this.writeJson("journal.json", { ...journal, targets: journal.targets.map(({ keys: _keys, ...t }) => t) });
  }

  /**
   * One apply or rollback at a time per project: two runs interleaving their
   * journal writes would lose steps. A lock left by a process that died is
   * taken over (its pid no longer exists).
   */
  lock(what: string): () => void {
    ensureDir(this.dir);
    const file = this.path("lock");
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, "wx", 0o600);
        writeSync(fd, JSON.stringify({ pid: process.pid, what, at: new Date().toISOString() }));
        closeSync(fd);
        return () => rmSync(file, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new FileAccessError(`Could not create the lock ${file}.`, { cause: error, hint: "Check the permissions of the state directory." });
        let holder: { pid?: number; what?: string } = {};
        try {
          holder = JSON.parse(readFileSync(file, "utf8")) as typeof holder;
        } catch {
          /* half-written lock: treat as stale */
        }
        if (holder.pid !== undefined && holder.pid !== process.pid && isAlive(holder.pid)) {
          throw new PlanError(`Another vaultshift ${holder.what ?? "run"} (pid ${holder.pid}) is working on this project.`, {
            cause: error,
            hint: `Wait for it to finish. If no such process exists, delete ${file}.`,
          });
        }
        rmSync(file, { force: true });
      }
    }
    throw new PlanError(`Could not take the lock ${file}.`, { hint: `Delete ${file} if no vaultshift process is running.` });
  }

  /**
   * Keep the original bytes of the files apply changes (plaintext secrets:
   * 0600 inside a 0700 dir), all in one file: one fsync instead of one per
   * file, which is most of apply's time on a large app.
   */
  saveBackups(entries: [name: string, bytes: Uint8Array][]): void {
    this.#ensure(join(this.dir, "backups"));
    const bundle = Object.fromEntries(entries.map(([name, bytes]) => [name, Buffer.from(bytes).toString("base64")]));
    writeFileAtomic(join(this.dir, "backups", "files.json"), JSON.stringify(bundle), { mode: 0o600 });
    this.#bundle = null;
  }

  #bundle: Record<string, string> | null = null;

  readBackup(name: string): Buffer {
    const file = join(this.dir, "backups", "files.json");
    try {
      this.#bundle ??= JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    } catch (error) {
      throw new FileAccessError(`The backups in ${file} are missing or damaged.`, {
        cause: error,
        hint: "The state directory was changed or removed; restore the files from version control.",
      });
    }
    const b64 = this.#bundle[name];
    if (b64 === undefined) throw new FileAccessError(`The backup ${name} is not in ${file}.`, { hint: "Restore the file from version control." });
    return Buffer.from(b64, "base64");
  }

  readonly #ready = new Set<string>();
  #ensure(dir: string): void {
    if (this.#ready.has(dir)) return;
    ensureDir(dir);
    this.#ready.add(dir);
  }

  /** Move an applied migration's journal and backups aside (`*.<planId>`), for manual recovery. */
  archive(planId: string): void {
    const tag = planId.slice(0, 12);
    for (const name of ["journal.json", "target-keys.json", "backups"]) {
      if (existsSync(this.path(name))) renameSync(this.path(name), this.path(`${name}.${tag}`));
    }
    this.#savedKeys = "";
    this.#bundle = null;
    this.#ready.delete(join(this.dir, "backups"));
  }

  /** After a successful rollback the plaintext backups have no further use. */
  removeBackups(): void {
    rmSync(join(this.dir, "backups"), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
