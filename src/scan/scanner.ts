import { availableParallelism } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { loadConfig } from "../config/load.js";
import type { VaultshiftConfig } from "../config/schema.js";
import { DEFAULT_FINGERPRINT_SALT } from "../util/fingerprint.js";
import { UsageError } from "../errors.js";
import type { EnvReference, Finding } from "./types.js";
import {
  createJobContext,
  DEFAULT_MAX_FILE_SIZE,
  readRegularFile,
  runJob,
  type JobResult,
  type JobSettings,
  type ScanJob,
  type ScannedFinding,
  type ScanTextFn,
  type SkipReason,
} from "./file-scan.js";
import { PathFilter, readVaultshiftignore } from "./path-filter.js";
import { dedupe, filterBaselined, sortFindings } from "./suppress.js";
import { DEFAULT_BASELINE_FILE, readBaseline, type Baseline } from "./baseline.js";
import { existsSync, statSync } from "node:fs";
import { mark } from "./timeline.js";
import { indexEntries } from "./git-index.js";
import type { WalkEntry } from "./walker.js";

// `scan(options)`: the library entry of the scanner. Lists what to scan (the
// working tree, staged blobs, commits' added lines or stdin), runs the jobs
// in-process or on a worker pool, then applies the main-thread filters
// (baseline → de-duplicate → sort). The CLI, the CI gate and the migration
// pipeline's re-scan all call this.

export type ScanMode = "tree" | "staged" | "since" | "history" | "stdin";

export interface ScanOptions {
  /** Directory the scan starts from (config lookup, relative paths). */
  cwd: string;
  /** Files or directories (tree mode) or pathspecs (git modes), relative to cwd. */
  paths?: string[];
  mode?: ScanMode;
  /** For mode "since": the commit after which added lines count (REF..HEAD). */
  since?: string;
  /** For mode "stdin": the text, and a file name that decides how it is parsed. */
  stdin?: { text: string; filename?: string };
  /** --config: a config file instead of the lookup. */
  configFile?: string;
  /** A config object instead of any file (library use). */
  config?: VaultshiftConfig;
  /**
   * --baseline; default: config `baseline`, else `.vaultshift-baseline.json`
   * in cwd when it exists. `false` (--no-baseline) uses none.
   */
  baselineFile?: string | false;
  /** Worker threads besides the main thread, which scans too; 0 = in-process. Default: config `workers`, else one per core but one (≤ 8) for scans of 2 MB+ (or 5000+ files). */
  workers?: number;
  /** Salt of `Finding.fingerprint` (default: the shared, stable one). */
  salt?: string;
  /** Replace the engine (tests, embedders). Forces in-process unless `engineModule` is given too. */
  scanText?: ScanTextFn;
  /** URL of a module exporting `scanText`, loaded by worker threads. */
  engineModule?: string;
  /** Files never scanned (absolute or relative to cwd): the report being written, say. The baseline file is added automatically. */
  skipFiles?: string[];
  /** Replace the file reader (tests simulate unreadable files with it). In-process only. */
  readFile?: typeof readRegularFile;
}

export interface ScanStats {
  mode: ScanMode;
  /** Absolute directory that finding paths are relative to. */
  root: string;
  filesScanned: number;
  bytesScanned: number;
  /** Files not scanned, by reason. */
  skipped: Partial<Record<SkipReason, number>>;
  /** Findings dropped by each filter. */
  suppressed: { inline: number; allowlist: number; baseline: number; duplicate: number };
  /** Things the user should know (unreadable files, invalid UTF-8…), never secret values. */
  notes: string[];
  /** History modes: commits read. */
  commitsScanned?: number;
  /** Worker threads used (0: in-process). */
  workers: number;
  durationMs: number;
  configFile?: string;
  baselineFile?: string;
}

export interface ScanResult {
  findings: Finding[];
  envReferences: EnvReference[];
  stats: ScanStats;
}

/** Internal variant: findings keep their baseline fingerprint (for `vaultshift baseline`). */
export interface ScanInternalOptions extends ScanOptions {
  /** Compute baseline fingerprints with this baseline's salt, and do not filter by it. */
  recordInto?: Baseline;
  /** Tests: runs while git lists a tree, instead of the engine's warm-up (a pool may start on a guess then, as after the warm-up). */
  whileGitRuns?: () => Promise<void>;
}

const MAX_NOTES = 100;

/**
 * A tree scan's warm-up has loaded the engine in this process: the next one
 * takes a few event-loop turns, which git outlasts on any tree, so it no
 * longer tells a large tree from a small one (a library's second scan).
 */
let engineWarmed = false;

function toSlash(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const r = await scanInternal(options);
  const findings = (r.findings as ScannedFinding[]).map(({ baselineFingerprint: _omit, ...f }) => f as Finding);
  return { ...r, findings };
}

export async function scanInternal(options: ScanInternalOptions): Promise<ScanResult & { findings: ScannedFinding[] }> {
  // process.hrtime, not performance.now(): the \`performance\` global loads
  // perf_hooks and 10 more internal modules (~1-2 ms of a pre-commit hook).
  const started = process.hrtime.bigint();
  mark("scan start");
  const cwd = resolve(options.cwd);
  const mode = options.mode ?? "tree";
  const loaded = options.config !== undefined ? { config: options.config, file: undefined, dir: cwd } : loadConfig(cwd, options.configFile);
  const config = loaded.config;

  let baseline: Baseline | undefined = options.recordInto;
  let baselineFile: string | undefined;
  if (!options.recordInto) {
    if (options.baselineFile === false) baselineFile = undefined;
    else if (options.baselineFile !== undefined) baselineFile = resolve(cwd, options.baselineFile);
    else if (config.baseline !== undefined) baselineFile = resolve(loaded.dir, config.baseline);
    else if (existsSync(join(cwd, DEFAULT_BASELINE_FILE))) baselineFile = join(cwd, DEFAULT_BASELINE_FILE);
    if (baselineFile !== undefined) baseline = readBaseline(baselineFile);
  }

  const settings: JobSettings = {
    engine: { enableRules: config.rules?.enable, disableRules: config.rules?.disable },
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    salt: options.salt ?? DEFAULT_FINGERPRINT_SALT,
  };
  if (config.allowlist) settings.allowlist = config.allowlist;
  if (baseline) settings.baselineSalt = baseline.salt;

  const stats: ScanStats = {
    mode,
    root: cwd,
    filesScanned: 0,
    bytesScanned: 0,
    skipped: {},
    suppressed: { inline: 0, allowlist: 0, baseline: 0, duplicate: 0 },
    notes: [],
    workers: 0,
    durationMs: 0,
  };
  if (loaded.file) stats.configFile = loaded.file;
  if (baselineFile) stats.baselineFile = baselineFile;
  const addSkipped = (s: Partial<Record<SkipReason, number>>) => {
    for (const [k, v] of Object.entries(s)) stats.skipped[k as SkipReason] = (stats.skipped[k as SkipReason] ?? 0) + (v ?? 0);
  };
  // Loops, not push(...array): spreading a million findings as arguments overflows the stack.
  const addNotes = (notes: string[]) => {
    for (const n of notes) stats.notes.push(n);
  };

  // vaultshift's own outputs hold fingerprints (long hex strings): never scan them.
  const ownFiles = [...(options.skipFiles ?? []), ...(baselineFile ? [baselineFile] : [])].map((f) => resolve(cwd, f));
  const excludeFor = (root: string) => [
    ...(config.exclude ?? []),
    ...ownFiles.map((f) => toSlash(relative(root, f))).filter((r) => r && !r.startsWith("..")).map((r) => `/${r.replace(/[*?[\\{]/g, "\\$&")}`),
  ];

  // Runs jobs in-process or on a worker pool, deciding on the first call
  // (the history modes call it once per chunk while git is still writing).
  let pool: import("./worker-pool.js").WorkerPool | undefined;
  /** The pool was opened on a guess (git outlasted the engine's warm-up), not on a count of files. */
  let poolGuessed = false;
  let poolWorkers = 0;
  /** The pool's threads, the main lane included, run the engine's warm-up: a pool for many files, not for a few megabytes. */
  let poolWarm = false;
  /** Pools being stopped while the scan goes on: awaited before the scan returns. */
  const closing: Promise<void>[] = [];
  let inProcess: ReturnType<typeof createJobContext> | undefined;
  // The main thread's share of a pool's jobs, and the files a worker ran out of heap on.
  let mainLane: ReturnType<typeof createJobContext> | undefined;
  // The main lane's warm-up, run by its first job: after the run is posted, so the workers do not wait for it.
  let mainLaneWarmUp: (() => void) | undefined;
  const results: JobResult[] = [];
  const loadScanText = async (): Promise<ScanTextFn> =>
    options.scanText ?? (options.engineModule ? ((await import(options.engineModule)) as { scanText: ScanTextFn }).scanText : (await import("./engine.js")).scanText);
  // The engine is this package's own (not one a test injects): only then is it warmed up (engine.ts
  // warmUp, warm-up.ts) in each thread that scans.
  const ownEngine = !options.scanText && !options.engineModule;
  const warmUp = async (): Promise<void> => {
    if (ownEngine) (await import("./engine.js")).warmUp();
  };
  const openPool = (WorkerPool: typeof import("./worker-pool.js").WorkerPool, workers: number, guess = false, warm = true): void => {
    // A count that reaches the threshold after a guess confirms it: the pool stays, as for any 5,000-path listing.
    if (pool) {
      if (!guess) poolGuessed = false;
      return;
    }
    poolGuessed = guess;
    poolWarm = warm;
    // The main thread scans too (it only waited before): it starts while
    // the workers are still loading the engine, and with one worker fewer
    // per core, one isolate fewer compiles the engine.
    pool = new WorkerPool({
      workers,
      settings,
      local: (job) => {
        if (mainLaneWarmUp !== undefined) {
          const warm = mainLaneWarmUp;
          mainLaneWarmUp = undefined;
          warm();
        }
        return runJob(job, mainLane!, MAIN_LANE_MAX_BYTES);
      },
      // The smallest heap limit; a worker that runs out of it hands its
      // files to the main thread (its heap has V8's default limit).
      largestText: 0,
      fallback: async (batch) => batch.map((job) => runJob(job, mainLane!)),
      ...(options.engineModule ? { engineModule: options.engineModule } : {}),
      warmUp: warm,
    });
    poolWorkers = workers;
  };
  // The main thread's lane of a pool, before its first run. A history that started in-process keeps its engine and read buffer.
  const prepareMainLane = async (): Promise<void> => {
    if (!pool || mainLane) return;
    const lane = inProcess ?? createJobContext(settings, await loadScanText());
    if (mainLane) return;
    mainLane = lane;
    if (poolWarm && ownEngine) mainLaneWarmUp = (await import("./engine.js")).warmUp;
  };
  const runJobs = async (jobs: ScanJob[], large: boolean, slice = false): Promise<void> => {
    if (jobs.length === 0) return; // e.g. a commit that only deletes: no engine to load
    // A guess that proved wrong (a slow listing of few files): the booting
    // worker is stopped, and the files are scanned here as for any small tree.
    if (pool && poolGuessed && chooseWorkers(options, config, jobs, large) === 0) {
      mark("pool guess dropped");
      closing.push(pool.close());
      pool = undefined;
      // In-process, as chooseWorkers just said: asked again below, it would stat the files again.
      inProcess ??= createJobContext(settings, await loadScanText(), options.readFile);
    }
    // A history starts in-process and moves to a pool once it proves large.
    if (!pool && (!inProcess || large)) {
      const workers = chooseWorkers(options, config, jobs, large);
      if (workers > 0) openPool((await import("./worker-pool.js")).WorkerPool, workers, false, large || jobs.length >= POOL_THRESHOLD_JOBS);
      else if (!inProcess) {
        inProcess = createJobContext(settings, await loadScanText(), options.readFile);
        if (jobs.length >= POOL_THRESHOLD_JOBS) await warmUp();
      }
    }
    await prepareMainLane();
    if (pool) {
      // Counted once the pool scans: one started early for a listing that turns out empty scanned nothing.
      stats.workers = poolWorkers;
      const answered = await pool.run(jobs);
      for (let k = 0; k < answered.length; k++) results.push(answered[k]!);
    }
    else if (!slice) for (const job of jobs) results.push(runJob(job, inProcess!));
    else {
      // A history scan yields to the event loop every few milliseconds, so
      // that git's output is read (and parsed) while the chunk is scanned:
      // git blocks on its 64 KiB pipe otherwise, and its revision walk and
      // diffs stop with it.
      let last = Date.now();
      for (const job of jobs) {
        results.push(runJob(job, inProcess!));
        if (Date.now() - last >= HISTORY_SLICE_MS) {
          await new Promise(setImmediate);
          last = Date.now();
        }
      }
    }
  };

  /** History: texts that repeat another path's, and git-source's dropCopied (loaded with it). */
  let copied: { copies: Map<string, string>; drop: typeof import("./git-source.js").dropCopied } | undefined;
  try {
    if (mode === "stdin") {
      if (!options.stdin) throw new UsageError("stdin mode needs the text to scan.", { cause: new TypeError("options.stdin missing") });
      await runJobs([{ kind: "text", file: options.stdin.filename ?? "-", text: options.stdin.text }], false);
    } else if (mode === "tree") {
      const { walk } = await import("./walker.js");
      const filter = new PathFilter({ include: config.include, exclude: excludeFor(cwd), defaultExcludes: config.defaultExcludes, vaultshiftignore: readVaultshiftignore(cwd) });
      // While git lists the files, load the engine: the scan needs it in this
      // thread whether it runs in-process or as the pool's main-thread lane.
      const warm = ownEngine;
      // A listing that reaches POOL_THRESHOLD_JOBS files makes a pooled
      // scan: its workers start then, and boot (~40 ms of CPU each, and the
      // thread's start) while git lists the rest and the walk filters it.
      const early = earlyWorkers(options, config);
      const poolModule = early > 0 ? await import("./worker-pool.js") : undefined;
      // Workers asked for (any listing is scanned with them), or a repository
      // that tracks that many files (git's --cached part of the listing): the
      // pool starts before git lists the tree.
      const requested = options.workers ?? config.workers;
      const warmedBefore = engineWarmed;
      if (poolModule && ((requested ?? 0) > 0 || (!options.paths?.length && (indexEntries(cwd) ?? 0) >= POOL_THRESHOLD_JOBS))) openPool(poolModule.WorkerPool, early);
      // Lists git hands out before its listing ends (walker.ts `stream`):
      // posted to the pool as runs at once when the pool is sure (opened on a
      // count, or on request), so that both threads scan while git walks the
      // rest of the tree; held until the walk ends otherwise (no pool yet, or
      // one on a guess, which a small listing drops).
      const streamed: { key: number; jobs: ScanJob[]; run?: Promise<JobResult[]> }[] = [];
      let posting: Promise<void> = Promise.resolve();
      const post = (): void => {
        const sure = pool;
        if (!sure || poolGuessed) return;
        for (const part of streamed) {
          if (part.run) continue;
          const ready = posting.then(() => prepareMainLane());
          posting = ready.catch(() => undefined);
          part.run = ready.then(() => {
            stats.workers = poolWorkers;
            return sure.run(part.jobs);
          });
          // Awaited after the walk; a rejection before then is not unhandled.
          part.run.catch(() => undefined);
        }
      };
      const listed = await walk({
        root: cwd,
        paths: options.paths,
        filter,
        ...(options.whileGitRuns
          ? { whileGitRuns: options.whileGitRuns }
          : warm
            ? {
                whileGitRuns: async () => {
                  await (await import("./warm-up.js")).warmEngine(settings.engine);
                  engineWarmed = true;
                },
              }
            : {}),
        ...(poolModule
          ? {
              manyFiles: {
                count: POOL_THRESHOLD_JOBS,
                call: () => {
                  openPool(poolModule.WorkerPool, early);
                  post();
                },
              },
              // Only when a guess can be wrong cheaply: the default worker count, which a small listing drops;
              // and only when the warm-up loads the engine (its length is what git is measured against).
              ...(requested === undefined && (options.whileGitRuns !== undefined || !warmedBefore)
                ? { gitOutlasted: () => openPool(poolModule.WorkerPool, early, true) }
                : {}),
              stream: (files: WalkEntry[], key: number) => {
                streamed.push({ key, jobs: files.map(fileJob) });
                post();
              },
            }
          : {}),
      });
      mark("walk done", `files=${listed.files.length}`);
      addSkipped(listed.skipped);
      addNotes(listed.notes);
      // In the listing's order: the lists git handed out, then the rest.
      streamed.sort((a, b) => a.key - b.key);
      const held = streamed.filter((part) => !part.run);
      const rest = (listed.rest ?? listed.files).map(fileJob);
      await posting;
      const first = results.length;
      await runJobs([...held.flatMap((part) => part.jobs), ...rest], false);
      const tail = results.splice(first);
      let at = 0;
      for (const part of streamed) {
        const answered = part.run ? await part.run : tail.slice(at, (at += part.jobs.length));
        for (let k = 0; k < answered.length; k++) results.push(answered[k]!);
      }
      for (; at < tail.length; at++) results.push(tail[at]!);
    } else {
      const git = await import("./git-source.js");
      // The repository the paths name (`scan --history ../other-repo`), else the one around cwd.
      const root = git.repositoryRoot(repositoryAnchor(cwd, options.paths), mode !== "staged");
      stats.root = root;
      const pathspecs = (options.paths ?? []).map((p) => toSlash(relative(root, resolve(cwd, p))) || ".");
      const filter = new PathFilter({ include: config.include, exclude: excludeFor(root), defaultExcludes: config.defaultExcludes, vaultshiftignore: readVaultshiftignore(root) });
      let listed;
      if (mode === "staged") {
        // While git diffs, load the engine (warm-up.ts); a hook pays for both otherwise.
        const warm = ownEngine && !options.workers;
        listed = await git.stagedJobs(root, pathspecs, filter, settings.maxFileSize, {
          ...(warm ? { whileGitRuns: async () => (await import("./warm-up.js")).warmEngine(settings.engine) } : {}),
        });
        await runJobs(listed.jobs, false);
      } else {
        if (mode === "since" && !options.since) throw new UsageError("--since needs a REF.", { cause: new TypeError("since missing"), hint: "e.g. --since origin/main" });
        let chars = 0;
        const history = git.historyJobs(root, mode === "since" ? { since: options.since! } : {}, pathspecs, filter, {
          maxFileSize: settings.maxFileSize,
          sink: (jobs) => {
            if (chars === 0) mark("history first chunk", `jobs=${jobs.length}`);
            for (const job of jobs) if (job.kind === "text") chars += job.text.length;
            return runJobs(jobs, chars >= IN_PROCESS_THRESHOLD_BYTES, true);
          },
          maxQueuedChars: HISTORY_MAX_QUEUED_CHARS,
          // Small chunks while the scan is in-process, so that it keeps pace
          // with git instead of waiting for its end; large ones for a pool.
          chunkChars: () => (pool ? HISTORY_CHUNK_CHARS : HISTORY_FIRST_CHUNK_CHARS),
        });
        // git is running now: load the engine while it writes (warm-up.ts).
        if (ownEngine && !options.workers) {
          void import("./warm-up.js").then((w) => w.warmEngine(settings.engine), () => undefined);
        }
        listed = await history;
        mark("history scanned", `chars=${chars}`);
        stats.commitsScanned = listed.commits ?? 0;
        if (listed.copies?.size) copied = { copies: listed.copies, drop: git.dropCopied };
      }
      addSkipped(listed.skipped);
      addNotes(listed.notes);
    }
  } catch (error) {
    await Promise.all([...closing, pool?.close()]);
    throw error;
  }
  // The worker's isolate is torn down (10-80 ms of wall, 3 ms of this
  // thread's CPU) while this thread gathers the results.
  if (pool) closing.push(pool.close());

  let findings: ScannedFinding[] = [];
  const envReferences: EnvReference[] = [];
  // Indexed loops: this one runs once per scan, after the last file, on this
  // thread alone, mostly in V8's interpreter, where for-of makes an iterator
  // per array: over the corpus's 22,700 results (two empty arrays each) ~10 ms
  // of CPU as for-of, ~3 ms as below (fresh process, 3 runs each).
  for (let k = 0; k < results.length; k++) {
    const r = results[k]!;
    if (r.skipped) stats.skipped[r.skipped] = (stats.skipped[r.skipped] ?? 0) + 1;
    else stats.filesScanned += 1;
    stats.bytesScanned += r.bytes;
    if (r.note) stats.notes.push(r.note);
    stats.suppressed.inline += r.suppressedInline;
    stats.suppressed.allowlist += r.suppressedAllowlist;
    const f = r.findings;
    for (let j = 0; j < f.length; j++) findings.push(f[j]!);
    const e = r.envReferences;
    for (let j = 0; j < e.length; j++) envReferences.push(e[j]!);
  }
  // A copy's findings that its original already has (git-source.ts dropCopied).
  let copies = 0;
  if (copied) {
    const c = copied.drop(findings, copied.copies);
    findings = c.kept;
    copies = c.dropped;
  }
  if (baseline && !options.recordInto) {
    const b = filterBaselined(findings, new Set(baseline.entries.map((e) => e.fingerprint)));
    findings = b.kept;
    stats.suppressed.baseline = b.suppressed;
  }
  const d = dedupe(findings);
  stats.suppressed.duplicate = d.suppressed + copies;
  findings = sortFindings(d.kept);
  if (stats.notes.length > MAX_NOTES) {
    const more = stats.notes.length - MAX_NOTES;
    stats.notes = [...stats.notes.slice(0, MAX_NOTES), `…and ${more} more`];
  }
  mark("report built", `findings=${findings.length}`);
  await Promise.all(closing);
  stats.durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  return { findings, envReferences, stats };
}

function fileJob(f: WalkEntry): ScanJob {
  return f.listed ? { kind: "file", abs: f.abs, rel: f.rel, listed: true } : { kind: "file", abs: f.abs, rel: f.rel };
}

/** The workers a pool started before the listing ends would have (0: none may start early). */
function earlyWorkers(options: ScanOptions, config: VaultshiftConfig): number {
  if ((options.scanText && !options.engineModule) || options.readFile) return 0;
  return Math.max(0, options.workers ?? config.workers ?? defaultWorkers());
}

function chooseWorkers(options: ScanOptions, config: VaultshiftConfig, jobs: readonly ScanJob[], large: boolean): number {
  // An injected function or file reader cannot cross to a worker thread.
  if ((options.scanText && !options.engineModule) || options.readFile) return 0;
  const requested = options.workers ?? config.workers;
  if (requested !== undefined) return jobs.length === 0 ? 0 : requested;
  // A single core: a worker would only take turns with the main thread.
  const workers = defaultWorkers();
  if (workers < 1) return 0;
  return large || jobs.length >= POOL_THRESHOLD_JOBS || bytesAtLeast(jobs, IN_PROCESS_THRESHOLD_BYTES) ? workers : 0;
}

/**
 * Whether the jobs hold at least `limit` bytes. Stops as soon as they do, so a
 * large tree is not stat'ed twice; a file that cannot be stat'ed counts as 0
 * (its read fails later, with its own note).
 */
function bytesAtLeast(jobs: readonly ScanJob[], limit: number): boolean {
  let total = 0;
  for (const job of jobs) {
    if (job.kind === "text") total += job.text.length;
    else {
      try {
        total += statSync(job.abs).size;
      } catch {
        // counted as empty
      }
    }
    if (total >= limit) return true;
  }
  return false;
}

// Duplicated from worker-pool.ts on purpose: importing that module (and
// node:worker_threads) only when a pool is really used keeps `scan --staged`
// start-up lean.
// The pool is decided by bytes, not files: starting workers (each loads the
// engine and its rules) costs ~150-200 ms, about what matching 1-3 MB
// in-process does. Measured on 2 cores: a 200-commit history of ~720 small
// patches (0.9 MB) took 310 ms in-process vs 410 ms pooled; a 2.9 MB tree of
// 395 files was even (~0.45-0.5 s both ways, the pool using 50% more CPU).
const IN_PROCESS_THRESHOLD_BYTES = 2 * 1024 * 1024;
// So many files that per-file reads dominate: pool without stat'ing them all.
const POOL_THRESHOLD_JOBS = 5000;
/** History modes hand a pool this much added text at a time (memory stays bounded)… */
const HISTORY_CHUNK_CHARS = 4 * 1024 * 1024;
/** …and an in-process scan this much. */
const HISTORY_FIRST_CHUNK_CHARS = 64 * 1024;
/**
 * Added text that may wait for the scan while git goes on writing: two pool
 * chunks (memory stays bounded). Measured with a limit of 0 (one chunk at a
 * time, as before), 256 K, 1 M and 8 M characters (10 runs each, wall ms,
 * medians): the 200-release history of bench/history-real.ts 570, 560, 520,
 * 530; this repository's 550 commits (4.7 MB of added text, pooled) 2,070 →
 * 1,870 with 8 M.
 */
const HISTORY_MAX_QUEUED_CHARS = 2 * HISTORY_CHUNK_CHARS;
/** How long an in-process history scan runs before it lets the event loop read git's output. */
const HISTORY_SLICE_MS = 2;
/**
 * Files and texts over this size are left to the workers when there is a
 * pool. The main thread's heap has V8's default limit (~4 GB here), under
 * which V8 lets a heap grow to ~4 times what is live before a full collection
 * (workerHeapLimitMb in worker-pool.ts): a 12 MB bundle scanned there adds
 * ~100 MB of peak RSS. The workers' heaps are limited.
 */
// Measured on the 335 MB corpus (2 cores: the main thread and 1 worker, load
// 9-10): peak RSS 237-256 MB leaving files over 1 MiB (43 files, 149 MB),
// 279-285 MB over 4 MiB, 277-290 MB leaving none; the worker, which takes
// the left files first, finished within 50 ms of the main thread each time.
const MAIN_LANE_MAX_BYTES = 1024 * 1024;
/** One worker per core but the main thread's (it scans too), at most 8. */
function defaultWorkers(): number {
  return Math.min(8, availableParallelism() - 1);
}

/** Where to look for the repository of a git-mode scan: the first path's directory when it exists, else cwd. */
function repositoryAnchor(cwd: string, paths: readonly string[] | undefined): string {
  if (!paths || paths.length === 0) return cwd;
  const first = resolve(cwd, paths[0]!);
  try {
    return statSync(first).isDirectory() ? first : join(first, "..");
  } catch {
    return cwd; // a path only history knows (a deleted file): the repository around cwd
  }
}
