import { spawn, spawnSync, type ChildProcessByStdio } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { GitError } from "../errors.js";
import type { ScanJob, SkipReason } from "./file-scan.js";
import type { PathFilter } from "./path-filter.js";
import { AddedLines, HUNK, newPathOf } from "./added-lines.js";
import { mark } from "./timeline.js";
import { decodeUtf16 } from "./binary.js";
import { linesAddedByContent } from "./line-counts.js";

export { unquotePath } from "./added-lines.js";

// The git modes of `scan`: what is staged (pre-commit), and what commits added
// (`--since REF`, `--history`). Paths are relative to the repository root.
// Every command pins the output format: no colour, no external diff driver,
// fixed a/ b/ prefixes (diff.noprefix / diff.mnemonicPrefix would change
// them), unquoted UTF-8 paths (core.quotePath=false; control characters, `"`
// and `\` are still C-quoted, which `unquotePath` undoes).

// Settings that would change the diff itself are pinned too: log.showRoot=false
// drops the root commit's diff, diff.interHunkContext fuses nearby -U0 hunks
// with context lines, diff.relative rewrites paths (and GIT_DIFF_OPTS, which
// overrides -U0, is left out of the environment).
export const GIT_BASE = [
  "-c", "core.quotePath=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
  "-c", "log.showRoot=true", "-c", "diff.interHunkContext=0", "-c", "diff.relative=false",
];
const DIFF_FLAGS = ["-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "-M"];

export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" };
  delete env.GIT_DIFF_OPTS;
  return env;
}

function git(cwd: string, args: string[], input?: string | Buffer): Buffer {
  const r = spawnSync("git", [...GIT_BASE, ...args], { cwd, input, maxBuffer: 1 << 30, env: gitEnv() });
  if (r.error) {
    throw new GitError(`Could not run git (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}).`, {
      cause: r.error,
      hint: "Install git and make sure it is on PATH.",
    });
  }
  if (r.status !== 0) {
    const message = r.stderr.toString("utf8").trim().split("\n")[0] ?? "";
    throw new GitError(`git ${args[0]} failed in ${cwd}: ${message}`, { cause: new Error(message), hint: "Check the repository state with `git status`." });
  }
  return r.stdout;
}

// Git's own discovery (setup.c) walks up from the working directory to the
// first `.git`; these variables and settings change where it stops or what
// the work tree is, so with any of them only git itself can say.
const DISCOVERY_ENV = ["GIT_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_COMMON_DIR"];

/**
 * The work tree root by the common case of git's discovery, without starting
 * git (a pre-commit hook pays for every process): the nearest ancestor of the
 * real path of `cwd` holding a `.git` directory whose config sets no
 * `core.worktree`. Undefined whenever that is not certain (a `.git` file of a
 * linked worktree or submodule, discovery variables set, unreadable config):
 * the caller then asks git. The git commands that follow still validate the
 * repository and fail with a GitError if it is broken.
 */
export function discoverRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (DISCOVERY_ENV.some((k) => env[k] !== undefined)) return undefined;
  let dir: string;
  try {
    dir = realpathSync(cwd);
  } catch {
    return undefined;
  }
  for (;;) {
    const dotGit = join(dir, ".git");
    let st;
    try {
      st = statSync(dotGit, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (st !== undefined) {
      if (!st.isDirectory()) return undefined;
      let config: string;
      try {
        config = readFileSync(join(dotGit, "config"), "utf8");
      } catch {
        return undefined;
      }
      // Git skips a `.git` that is not a repository (no HEAD) and walks on.
      if (statSync(join(dotGit, "HEAD"), { throwIfNoEntry: false }) === undefined) return undefined;
      // core.worktree, core.bare or an include (which might set either) changes the answer.
      if (/^\s*(worktree|path)\s*=|^\s*bare\s*=\s*true|^\s*\[\s*include/im.test(config)) return undefined;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The repository root of `cwd`; a GitError saying so when it is not in one.
 * With `allowBare` (--since, --history: a history needs no work tree), a
 * repository without a work tree (a bare or mirror clone, or GIT_DIR naming
 * one) is `cwd` itself, where git finds it; without, that is a GitError
 * saying why (--staged needs an index).
 */
export function repositoryRoot(cwd: string, allowBare = false): string {
  const found = discoverRoot(cwd);
  if (found !== undefined) return found;
  // One process: "true"/"false", then the top level (git stops there without a work tree).
  const r = spawnSync("git", ["rev-parse", "--is-bare-repository", "--show-toplevel"], { cwd, env: gitEnv() });
  const out = r.error ? [] : r.stdout.toString("utf8").split("\n");
  if (!r.error && r.status === 0) return out[1]!.trim();
  if (out[0] === "true") {
    if (allowBare) return resolve(cwd);
    throw new GitError(`${cwd} is a repository without a work tree (bare, or GIT_DIR names one): it has no index to scan with --staged.`, {
      cause: new Error(r.stderr.toString("utf8").trim()),
      hint: "Run --staged in a clone with a work tree; --since REF and --history work here.",
    });
  }
  throw new GitError(`${cwd} is not inside a git repository.`, {
    cause: r.error ?? new Error(r.stderr?.toString("utf8").trim() ?? "not a git repository"),
    hint: "The --staged, --since and --history modes read git; run them inside a repository, or scan the working tree without them.",
  });
}

export interface GitJobs {
  jobs: ScanJob[];
  skipped: Partial<Record<SkipReason, number>>;
  notes: string[];
  commits?: number;
  /** History with a sink: the most added text (characters) that waited for the sink at once. */
  peakQueuedChars?: number;
  /** History: texts that repeat one handed on before for another path, "commit\0path" → the original's (see dropCopied). */
  copies?: Map<string, string>;
}

/**
 * Drops the findings a copy shares with its original: a file copied byte for
 * byte (or the same lines added to another file) in a later commit adds no
 * secret that was not already reported where it was first written, at the
 * same rule, line and column. What only the copy's path brings out (another
 * file kind) is kept.
 */
export function dropCopied<T extends { commit?: string; file: string; ruleId: string; line: number; column: number; endLine: number; endColumn: number }>(
  findings: T[],
  copies: Map<string, string>,
): { kept: T[]; dropped: number } {
  if (copies.size === 0) return { kept: findings, dropped: 0 };
  const at = (f: T, where: string) => `${where}\0${f.ruleId}\0${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
  const reported = new Set(findings.map((f) => at(f, `${f.commit ?? ""}\0${f.file}`)));
  const kept = findings.filter((f) => {
    const original = copies.get(`${f.commit ?? ""}\0${f.file}`);
    return original === undefined || !reported.has(at(f, original));
  });
  return { kept, dropped: findings.length - kept.length };
}

function bump(s: GitJobs["skipped"], reason: SkipReason): void {
  s[reason] = (s[reason] ?? 0) + 1;
}

export interface StagedOptions {
  /**
   * Runs as soon as git has started (the pre-commit hook loads the engine
   * there, on the main thread, while git diffs on another core); git's
   * result is awaited after it.
   */
  whileGitRuns?: () => Promise<void>;
}

/** git() without blocking the event loop; `whileGitRuns` overlaps other work with it. */
async function gitAsync(cwd: string, args: string[], whileGitRuns?: () => Promise<void>): Promise<Buffer> {
  const result = new Promise<Buffer>((resolve, reject) => {
    const child = spawn("git", [...GIT_BASE, ...args], { cwd, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (error) =>
      reject(new GitError(`Could not run git (${(error as NodeJS.ErrnoException).code ?? error.message}).`, { cause: error, hint: "Install git and make sure it is on PATH." })),
    );
    child.on("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const message = Buffer.concat(err).toString("utf8").trim().split("\n")[0] ?? "";
      reject(new GitError(`git ${args[0]} failed in ${cwd}: ${message}`, { cause: new Error(message), hint: "Check the repository state with `git status`." }));
    });
  });
  if (whileGitRuns) {
    // git's failure is reported after the overlapped work, not as an unhandled rejection during it.
    result.catch(() => undefined);
    await whileGitRuns();
  }
  return result;
}

/** The added line numbers of each file of a -U0 patch (`git diff -p`), by its new path; a binary file has none. */
function addedLineNumbers(patch: string): Map<string, number[]> {
  const added = new Map<string, number[]>();
  let current: number[] | undefined;
  let remaining = 0;
  for (const line of patch.split("\n")) {
    if (remaining > 0) {
      // Inside a hunk: content, even when it looks like a header ("+++ x").
      if (line.startsWith("+")) remaining -= 1;
      if (line.startsWith("+") || line.startsWith("-") || line.startsWith("\\")) continue;
    }
    if (line.startsWith("diff --git ")) current = undefined;
    else if (line.startsWith("+++ ")) {
      const path = newPathOf(line);
      current = path === undefined ? undefined : [];
      if (path !== undefined) added.set(path, current!);
    } else if (current && line.startsWith("@@")) {
      const m = HUNK.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      remaining = count;
      for (let n = start; n < start + count; n++) current.push(n);
    }
  }
  return added;
}

/** `:(literal)path`: a path git must not read as a glob or magic. */
const literal = (path: string) => `:(literal)${path}`;

/**
 * The staged version of every added, copied, modified or renamed file, with
 * the lines the commit would add: findings are reported only on those lines
 * (a pre-commit hook should not fail on a secret the commit does not touch;
 * the CI gate and `scan` of the tree catch old ones).
 */
export async function stagedJobs(root: string, pathspecs: string[], filter: PathFilter, maxFileSize = Infinity, options: StagedOptions = {}): Promise<GitJobs> {
  const out: GitJobs = { jobs: [], skipped: {}, notes: [] };
  const spec = pathspecs.length ? ["--", ...pathspecs] : [];
  // One git call for both: the raw records (blob ids, modes; NUL-separated
  // with -z), an empty record, then the -U0 patch (added line numbers).
  const both = await gitAsync(root, ["diff", "--cached", "--raw", "-p", "-z", "--no-abbrev", ...DIFF_FLAGS, "--diff-filter=ACMR", ...spec], options.whileGitRuns);
  const boundary = both.indexOf("\0\0");
  const raw = (boundary === -1 ? both : both.subarray(0, boundary + 1)).toString("utf8").split("\0");
  const patch = boundary === -1 ? "" : both.subarray(boundary + 2).toString("utf8");
  const blobs = new Map<string, { blob: string; oldBlob: string; changed: boolean }>();
  for (let i = 0; i < raw.length; i++) {
    const meta = raw[i]!;
    if (!meta.startsWith(":")) continue;
    const [, newMode, oldBlob, newBlob, status] = meta.slice(1).split(" ");
    const path = status!.startsWith("R") || status!.startsWith("C") ? raw[i + 2]! : raw[i + 1]!;
    i += status!.startsWith("R") || status!.startsWith("C") ? 2 : 1;
    // 160000 = submodule commit: nothing here to read. A symlink (120000) is
    // read: its blob is the target string, committed like any content (as
    // the history modes read it).
    if (newMode === "160000") continue;
    blobs.set(path, { blob: newBlob!, oldBlob: oldBlob!, changed: oldBlob !== newBlob });
  }
  if (blobs.size === 0) return out;

  // Added line numbers per path.
  const added = addedLineNumbers(patch);

  const wanted: { path: string; blob: string; oldBlob: string; lines: number[] }[] = [];
  for (const [path, { blob, oldBlob, changed }] of blobs) {
    const lines = added.get(path) ?? [];
    // No added line: a pure rename or mode change (same blob: nothing to do),
    // a deletion of lines only, or a binary file (git prints no hunk; the NUL
    // check below counts it).
    if (lines.length === 0 && (!changed || added.has(path))) continue;
    // Staged: about to be committed, so build output counts too.
    const verdict = filter.check(path, true);
    if (verdict === "excluded") continue;
    if (verdict !== "scan") {
      bump(out.skipped, verdict);
      continue;
    }
    wanted.push({ path, blob, oldBlob, lines });
  }
  if (wanted.length === 0) return out;
  // Usually the working-tree file is exactly what was staged: read it, and
  // take it only if it hashes to the staged blob id; git runs (cat-file) only
  // for the others (edited since `git add`, or changed by a clean filter).
  const fromDisk = wanted.map((w) => workingTreeCopy(root, w.path, w.blob));
  const missing = wanted.filter((_, i) => fromDisk[i] === undefined);
  const fromGit = catFile(root, missing.map((w) => w.blob));
  const hidden: { w: (typeof wanted)[number]; content: Buffer }[] = [];
  const utf16: { w: (typeof wanted)[number]; text: string }[] = [];
  for (const [i, w] of wanted.entries()) {
    const content = fromDisk[i] ?? fromGit.shift()!;
    const size = content.length;
    if (content.subarray(0, 8000).includes(0)) {
      const text = decodeUtf16(content);
      if (text === undefined) bump(out.skipped, "binary");
      else if (size > maxFileSize) tooLarge(out, w.path, maxFileSize);
      else utf16.push({ w, text });
      continue;
    }
    // Text that git printed as "Binary files … differ": .gitattributes hides it from diffs (`-diff`,
    // `binary`, a `diff=` driver set binary). Its added lines come from a diff that reads it as text.
    if (w.lines.length === 0 && !added.has(w.path)) hidden.push({ w, content });
    if (w.lines.length === 0) continue;
    if (size > maxFileSize) {
      tooLarge(out, w.path, maxFileSize);
      continue;
    }
    out.jobs.push({ kind: "text", file: w.path, text: content.toString("utf8"), lines: w.lines });
  }
  if (hidden.length > 0) {
    const asText = addedLineNumbers(git(root, ["diff", "--cached", "--text", "-p", ...DIFF_FLAGS, "--diff-filter=ACMR", "--", ...hidden.map((h) => literal(h.w.path))]).toString("utf8"));
    for (const { w, content } of hidden) {
      const lines = asText.get(w.path) ?? [];
      if (lines.length === 0) continue;
      if (content.length > maxFileSize) {
        tooLarge(out, w.path, maxFileSize);
        continue;
      }
      out.jobs.push({ kind: "text", file: w.path, text: content.toString("utf8"), lines });
    }
  }
  // UTF-16 text (a BOM, then NUL bytes git takes for binary): its added lines by content against the
  // committed version (none for a new file).
  const before = catFile(root, utf16.map((u) => (/^0+$/.test(u.w.oldBlob) ? "" : u.w.oldBlob)));
  for (const [i, { w, text }] of utf16.entries()) {
    const lines = linesAddedByContent(utf16Text(before[i]), text);
    if (lines.length > 0) out.jobs.push({ kind: "text", file: w.path, text, lines });
  }
  return out;
}

/** A blob's UTF-16 text, or undefined (no blob, or not UTF-16 with a BOM). */
function utf16Text(blob: Buffer | undefined): string | undefined {
  return blob === undefined ? undefined : decodeUtf16(blob);
}

function tooLarge(out: GitJobs, path: string, maxFileSize: number, commit?: string): void {
  bump(out.skipped, "too-large");
  out.notes.push(`${path}: larger than maxFileSize (${maxFileSize} bytes)${commit ? ` in ${commit.slice(0, 12)}` : ""}, skipped`);
}

/**
 * `git cat-file --batch` of `names` (object ids or `<rev>:<path>`): each object's content, in order, or
 * undefined where git has no object of that name (a root commit's parent, a path the parent lacks) or
 * the name is empty (nothing to read).
 */
function catFile(root: string, names: string[]): (Buffer | undefined)[] {
  const asked = names.filter((n) => n !== "");
  if (asked.length === 0) return names.map(() => undefined);
  const batch = git(root, ["cat-file", "--batch"], asked.join("\n") + "\n");
  const out: (Buffer | undefined)[] = [];
  let off = 0;
  for (const name of names) {
    if (name === "") {
      out.push(undefined);
      continue;
    }
    const headerEnd = batch.indexOf(10, off);
    const header = batch.subarray(off, headerEnd).toString("utf8");
    off = headerEnd + 1;
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      out.push(undefined);
      continue;
    }
    const size = Number(header.split(" ")[2]);
    out.push(batch.subarray(off, off + size));
    off += size + 1;
  }
  return out;
}

// Larger working-tree files are left to cat-file rather than read and hashed.
const DISK_READ_LIMIT = 4 << 20;

/**
 * The working-tree bytes of `path` if they are the blob `blob`: git's object
 * id is the hash of `blob <size>\0<content>`, SHA-1 (40 hex digits) or, in a
 * sha256 repository, SHA-256 (64) (gitformat-hash-function). Undefined when
 * the file is missing, not regular, large, or differs.
 */
export function workingTreeCopy(root: string, path: string, blob: string): Buffer | undefined {
  const algorithm = blob.length === 40 ? "sha1" : blob.length === 64 ? "sha256" : undefined;
  if (algorithm === undefined) return undefined;
  try {
    const abs = join(root, path);
    const st = lstatSync(abs, { throwIfNoEntry: false });
    if (st === undefined || !st.isFile() || st.size > DISK_READ_LIMIT) return undefined;
    const content = readFileSync(abs);
    const id = createHash(algorithm).update(`blob ${content.length}\0`).update(content).digest("hex");
    return id === blob ? content : undefined;
  } catch {
    return undefined;
  }
}

/** Fail early and clearly on a REF git does not know. */
export function verifyRef(root: string, ref: string): void {
  const r = spawnSync("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], { cwd: root, env: gitEnv() });
  if (r.status !== 0) {
    throw new GitError(`--since ${ref}: no such commit in ${root}.`, {
      cause: new Error(`rev-parse exited ${r.status}`),
      hint: "Pass a branch, tag or commit id that exists here (in CI, fetch enough history: actions/checkout with fetch-depth: 0).",
    });
  }
}

/**
 * What commits added: `git log -p -U0` parsed as it streams. For each commit
 * and file, the added lines are laid out at their line numbers in a text of
 * otherwise empty lines, so that the engine reports the file's own line
 * numbers and multi-line secrets (private keys) added in one hunk stay whole.
 * Identical added content in the same path (cherry-picks, reverts of reverts,
 * the same blob on several branches) is scanned once; the oldest commit
 * (`--reverse`) is the one reported.
 */
export interface HistoryOptions {
  maxFileSize?: number;
  /**
   * Receives the jobs in chunks while git is still writing, so that scanning
   * overlaps reading. Chunks are handed over in order, each after the
   * previous one's promise settles; git's output keeps being read and parsed
   * meanwhile (when the sink yields to the event loop) until `maxQueuedChars`
   * of added text wait, then the pipe is paused, which bounds memory. Without
   * a sink, every job is returned in `jobs`.
   */
  sink?: (jobs: ScanJob[]) => Promise<void>;
  /**
   * Characters of added text that may wait for the sink before git's pipe is
   * paused (default: 0, one chunk at a time). A pipe holds 64 KiB on Linux:
   * git stops writing as soon as its reader stops reading, so its revision
   * walk and diffs run in parallel with the scan only while this lets the
   * reading go on.
   */
  maxQueuedChars?: number;
  /**
   * Characters of added text per chunk (default 4 M); a function is asked
   * again for every chunk (the scanner hands small chunks to an in-process
   * scan, large ones to a worker pool).
   */
  chunkChars?: number | (() => number);
}

/** The arguments of historyJobs' `git log` (bin/early-git.js builds the same for a run without pathspecs). */
export function historyLogArgs(range: { since?: string }, pathspecs: string[]): string[] {
  const revs = range.since !== undefined ? [`${range.since}..HEAD`] : ["--all"];
  // --no-show-signature: log.showSignature would mix gpg output into the stream.
  // --cc: a merge's combined diff, whose "++" lines are in none of its parents
  // (a conflict resolution, an evil merge); without it git prints no diff for
  // a merge at all. Paths where the merge took one parent's version are left out.
  return [...GIT_BASE, "log", "-p", "--cc", ...DIFF_FLAGS, "--no-show-signature", "--reverse", "--format=%x00%H", ...revs, "--", ...pathspecs];
}

/**
 * The `git log` the bin started before the scan bundle loaded
 * (bin/early-git.js), if it runs exactly `git args` in `cwd`; it is handed
 * over once, unread. Only from the bundle (bin/scan-bundle.js offers it as
 * `import.meta.bundle.takeEarlyGit`).
 */
function takeEarlyGit(args: string[], cwd: string): ChildProcessByStdio<null, Readable, Readable> | undefined {
  const take = (import.meta as ImportMeta & { bundle?: { takeEarlyGit?: (args: string[], cwd: string) => ChildProcessByStdio<null, Readable, Readable> | undefined } }).bundle?.takeEarlyGit;
  return take?.(args, cwd);
}

export async function historyJobs(root: string, range: { since?: string }, pathspecs: string[], filter: PathFilter, options: HistoryOptions = {}): Promise<GitJobs> {
  const size = options.chunkChars ?? 4 * 1024 * 1024;
  const chunkChars = typeof size === "number" ? () => size : size;
  const out: GitJobs = { jobs: [], skipped: {}, notes: [], commits: 0, copies: new Map() };
  if (range.since !== undefined) verifyRef(root, range.since);
  const args = historyLogArgs(range, pathspecs);
  const sink = options.sink;
  let pendingChars = 0;
  const parser = new AddedLines(filter, options.maxFileSize ?? Infinity, {
    text: (t) => {
      out.jobs.push({ kind: "text", file: t.path, text: t.text, commit: t.commit, lines: t.lines });
      if (t.copyOf) out.copies!.set(`${t.commit}\0${t.path}`, `${t.copyOf.commit}\0${t.copyOf.path}`);
      pendingChars += t.text.length;
      return sink !== undefined && pendingChars >= chunkChars();
    },
    skipped: (reason) => bump(out.skipped, reason),
    note: (n) => out.notes.push(n),
    hidden: (commit, path) => hidden.push({ commit, path }),
  });
  const hidden: HiddenText[] = [];

  let inFlight: Promise<void> = Promise.resolve();
  let sinkError: unknown;
  /** Characters handed to the sink and not scanned yet. */
  let queued = 0;
  const maxQueued = options.maxQueuedChars ?? 0;
  const handOver = (): Promise<void> => {
    const chunk = out.jobs.splice(0);
    const chars = pendingChars;
    pendingChars = 0;
    queued += chars;
    out.peakQueuedChars = Math.max(out.peakQueuedChars ?? 0, queued);
    inFlight = inFlight.then(() => sink!(chunk)).finally(() => (queued -= chars));
    inFlight.catch((error: unknown) => (sinkError ??= error));
    return inFlight;
  };

  await new Promise<void>((resolve, reject) => {
    const early = takeEarlyGit(args, root);
    const child = early ?? spawn("git", args, { cwd: root, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
    mark(early ? "git log taken" : "git log spawned");
    let stderr = "";
    let reads = 0;
    let waiting = false;
    let closed: { code: number | null } | undefined;

    const finish = () => {
      parser.end();
      out.commits = parser.commits;
      if (sinkError !== undefined) return reject(sinkError);
      if (closed!.code === 0) return resolve();
      const first = stderr.trim().split("\n")[0] ?? "";
      // An empty repository has no HEAD: nothing to scan, not an error.
      if (/does not have any commits|unknown revision or path not in the working tree.*HEAD|bad default revision 'HEAD'/.test(stderr) && range.since === undefined) resolve();
      else reject(new GitError(`git log failed in ${root}: ${first}`, { cause: new Error(first), hint: "Check the range and the repository state." }));
    };

    // Parse what git wrote; when a chunk of jobs is full, hand it to the sink
    // and go on reading while less than maxQueued characters wait; past that,
    // stop (git waits on the full pipe) until everything handed over is scanned.
    // `paused`: called after a wait, with the pipe paused.
    const full = (paused: boolean) => {
      while (queued + pendingChars <= maxQueued && sinkError === undefined) {
        void handOver().catch(() => undefined);
        if (parser.resume()) continue;
        if (!paused) return;
        if (closed) finish();
        else child.stdout.resume();
        return;
      }
      wait();
    };
    const wait = () => {
      waiting = true;
      child.stdout.pause();
      void inFlight
        .catch(() => undefined)
        .then(() => {
          void handOver().catch(() => undefined);
          waiting = false;
          if (sinkError !== undefined) {
            if (closed) finish();
            else child.kill();
            return;
          }
          if (parser.resume()) return full(true);
          if (closed) finish();
          else child.stdout.resume();
        });
    };

    child.stdout.on("data", (data: Buffer) => {
      if (reads++ === 0) mark("git log first output");
      if (parser.push(data)) full(false);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => (stderr += c));
    child.on("error", (error) => reject(new GitError(`Could not run git log (${(error as NodeJS.ErrnoException).code ?? "error"}).`, { cause: error, hint: "Install git and make sure it is on PATH." })));
    child.on("close", (code) => {
      mark("git log closed", `reads=${reads}`);
      closed = { code };
      if (!waiting) finish();
    });
  });
  if (hidden.length > 0) {
    for (const job of hiddenTextJobs(root, hidden, filter, options.maxFileSize ?? Infinity, out)) {
      out.jobs.push(job);
      pendingChars += job.text.length;
    }
  }
  if (sink) {
    await handOver();
    if (sinkError !== undefined) throw sinkError;
  }
  return out;
}

interface HiddenText {
  commit: string;
  path: string;
}

/**
 * The lines commits added to files git printed as "Binary files … differ" (AddedLinesEvents.hidden) whose
 * content is text: `.gitattributes` says `-diff`, `binary` or a `diff=` driver set binary, which hides them
 * from `git log -p` and so from a history scan, though a secret committed there is as committed as any.
 * Each blob is looked at as git's own test does (a NUL byte in its first 8000 bytes: binary, counted as a
 * skip, unless it is UTF-16 text with a byte-order mark); the text ones are read again by one
 * `git log -p --text` of those commits and paths.
 */
function hiddenTextJobs(root: string, hidden: HiddenText[], filter: PathFilter, maxFileSize: number, out: GitJobs): Extract<ScanJob, { kind: "text" }>[] {
  const pairs = hidden.filter((h) => !h.path.includes("\n"));
  const checks = git(root, ["cat-file", "--batch-check"], pairs.map((h) => `${h.commit}:${h.path}`).join("\n") + "\n").toString("utf8").split("\n");
  const small: { h: HiddenText; oid: string }[] = [];
  for (const [i, h] of pairs.entries()) {
    const [oid, type, size] = (checks[i] ?? "").split(" ");
    if (type !== "blob") continue;
    if (Number(size) > maxFileSize) {
      tooLarge(out, h.path, maxFileSize, h.commit);
      continue;
    }
    small.push({ h, oid: oid! });
  }
  const text = new Set<string>();
  const utf16: { h: HiddenText; text: string }[] = [];
  const contents = catFile(root, small.map((s) => s.oid));
  for (const [i, { h }] of small.entries()) {
    const content = contents[i]!;
    if (!content.subarray(0, 8000).includes(0)) text.add(`${h.commit}\0${h.path}`);
    else {
      const decoded = decodeUtf16(content);
      if (decoded === undefined) bump(out.skipped, "binary");
      else utf16.push({ h, text: decoded });
    }
  }
  const jobs: Extract<ScanJob, { kind: "text" }>[] = [];
  // UTF-16 text (a BOM, then NUL bytes git takes for binary): the lines it added by content against the
  // first parent's version of the path (none in a root commit or where the path is new).
  const parents = catFile(root, utf16.map(({ h }) => `${h.commit}^:${h.path}`));
  for (const [i, { h, text: decoded }] of utf16.entries()) {
    const lines = linesAddedByContent(utf16Text(parents[i]), decoded);
    if (lines.length > 0) jobs.push({ kind: "text", file: h.path, text: decoded, commit: h.commit, lines });
  }
  if (text.size === 0) return jobs;
  const commits = [...new Set([...text].map((k) => k.slice(0, k.indexOf("\0"))))];
  const paths = [...new Set([...text].map((k) => k.slice(k.indexOf("\0") + 1)))];
  const parser = new AddedLines(filter, maxFileSize, {
    text: (t) => {
      // Only the commit and path git hid (the same path in another of these commits was read already).
      if (text.has(`${t.commit}\0${t.path}`) && !t.text.includes("\0")) jobs.push({ kind: "text", file: t.path, text: t.text, commit: t.commit, lines: t.lines });
      return false;
    },
    skipped: () => undefined,
    note: (n) => out.notes.push(n),
  });
  parser.push(git(root, ["log", "-p", "--cc", "--text", ...DIFF_FLAGS, "--no-show-signature", "--format=%x00%H", "--no-walk=unsorted", "--stdin", "--", ...paths.map(literal)], commits.join("\n") + "\n"));
  parser.end();
  return jobs;
}
