import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { IgnoreFile, isIgnored } from "./ignore.js";
import { FileAccessError } from "../errors.js";
import type { PathFilter } from "./path-filter.js";
import type { SkipReason } from "./file-scan.js";
import { mark } from "./timeline.js";
import { GitPaths } from "./git-paths.js";

// Lists the files of a working-tree scan. Inside a git repository the list
// comes from `git ls-files --cached --others --exclude-standard`, so .gitignore
// files (nested ones too), .git/info/exclude and core.excludesFile apply exactly
// as git applies them. Outside one, a plain recursive readdir with our own
// gitignore matcher (src/scan/ignore.ts) prunes ignored directories as git
// would. Symbolic links are never followed (no loops, no files outside the
// tree); they are counted as skipped.

export interface WalkEntry {
  /** Absolute path. */
  abs: string;
  /** Relative to the scan root, `/` separators. */
  rel: string;
  /**
   * Found by listing a directory (readdir said "regular file", or git listed
   * it: git lists untracked regular files and links only), not named by the
   * user: the reader may open it without an lstat first (file-scan.ts).
   */
  listed?: true;
}

export interface WalkResult {
  files: WalkEntry[];
  skipped: Partial<Record<SkipReason, number>>;
  notes: string[];
  /** "git" when git ls-files listed the files. */
  lister: "git" | "fs";
  /**
   * With `stream`: the files not handed to it, in the listing's order; they
   * come after every file handed out. The others are in `files` too.
   */
  rest?: WalkEntry[];
}

export interface WalkOptions {
  root: string;
  /** Files or directories to scan, relative to root or absolute. Default: the root. */
  paths?: string[];
  filter: PathFilter;
  /** Use git ls-files when the root is in a repository (default true). */
  useGit?: boolean;
  /** Work to overlap with `git ls-files` (the scan loads the engine meantime); never rejects. */
  whileGitRuns?: () => Promise<void>;
  /**
   * Called once, as soon as the listing reaches `count` paths: while git is
   * still writing them (counted before the filter), or while the directory
   * walk goes on. The scan starts its worker threads then, so that they boot
   * while the main thread is still listing. Must not throw.
   */
  manyFiles?: { count: number; call: () => void };
  /**
   * Called when git is still listing once `whileGitRuns` has ended: a tree
   * that takes git longer to list than the engine takes to load is a large
   * one (git prints nothing before its walk of the untracked files ends, so
   * `manyFiles` can only fire in its last milliseconds). Must not throw.
   */
  gitOutlasted?: () => void;
  /**
   * Files handed out while the listing goes on, so that they are scanned
   * while git walks the rest of the tree: each git command's list once, as
   * it ends (gitPieces: when the scan lists a repository's whole top
   * directory). `key` is the list's place in the listing's order (the
   * lists end in any order). A file is handed out once, here or in the
   * result's `rest`. Must not throw.
   */
  stream?: (files: WalkEntry[], key: number) => void;
}

function toRel(root: string, abs: string): string {
  const rel = relative(root, abs);
  return sep === "/" ? rel : rel.split(sep).join("/");
}

/** Files listed and the paths not taken, by reason: a walk's, or one git command's. */
interface Listed {
  files: WalkEntry[];
  skipped: Partial<Record<SkipReason, number>>;
}

function bump(result: Listed, reason: SkipReason): void {
  result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
}

function addSkipped(result: Listed, skipped: Listed["skipped"]): void {
  for (const [reason, n] of Object.entries(skipped) as [SkipReason, number][]) result.skipped[reason] = (result.skipped[reason] ?? 0) + n;
}

/**
 * One `git ls-files` command of a listing: its arguments after `ls-files -z`,
 * and whether its pathspecs are literal (GIT_LITERAL_PATHSPECS).
 */
interface GitPiece {
  args: string[];
  literal: boolean;
}

/**
 * Runs the listing's git commands at once (they walk different parts of the
 * tree) and hands each one's paths to `onPiece` as soon as it ends with
 * success. Resolves to whether every command did; a failed one (not a
 * repository, no git, a git error) hands nothing. Asynchronous: listing 22.7k
 * files takes git 80-200 ms, which the scan spends loading the engine instead
 * of waiting (`whileGitRuns`).
 */
async function gitList(
  root: string,
  pieces: GitPiece[],
  onPiece: (piece: number, paths: string[]) => void,
  whileGitRuns?: () => Promise<void>,
  manyFiles?: WalkOptions["manyFiles"],
  gitOutlasted?: () => void,
): Promise<boolean> {
  let open = pieces.length;
  let ok = true;
  let counted = 0;
  const listing = new Promise<void>((resolve) => {
    pieces.forEach((piece, p) => {
      const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: "0" };
      if (piece.literal) {
        // The pathspecs are names read from the directory: no glob, no magic
        // (an entry named `*.js` or `:x` is that entry), whatever the user's
        // environment says about pathspecs.
        env.GIT_LITERAL_PATHSPECS = "1";
        delete env.GIT_GLOB_PATHSPECS;
        delete env.GIT_NOGLOB_PATHSPECS;
        delete env.GIT_ICASE_PATHSPECS;
      }
      const child = spawn("git", ["-c", "core.quotePath=false", "ls-files", "-z", ...piece.args], { cwd: root, env, stdio: ["ignore", "pipe", "ignore"] });
      const listed = new GitPaths();
      child.stdout.on("data", (b: Buffer) => {
        counted += listed.push(b);
        if (manyFiles && counted >= manyFiles.count) {
          const { call } = manyFiles;
          manyFiles = undefined;
          call();
        }
      });
      let ended = false;
      const end = (success: boolean) => {
        if (ended) return;
        ended = true;
        open -= 1;
        // A piece that ends well after another failed is listed again by the directory walk: not handed out.
        if (success && ok) {
          mark("git piece listed", `piece=${p} paths=${listed.paths.length}`);
          onPiece(p, listed.paths);
        } else ok = false;
        if (open === 0) {
          mark("git listed", `pieces=${pieces.length}`);
          resolve();
        }
      };
      child.on("error", () => end(false));
      // Output that does not end with a NUL is cut short: not a listing to trust.
      child.on("close", (code) => end(code === 0 && listed.complete));
    });
  });
  mark("git spawned", `pieces=${pieces.length}`);
  if (whileGitRuns) {
    await whileGitRuns();
    mark("warm-up done");
    if (open > 0) gitOutlasted?.();
  }
  await listing;
  return ok;
}

/** Most git commands a listing of the top directory is split into (its untracked part; the index's is one more). */
const MAX_UNTRACKED_PIECES = 4;
/** Top entries beyond which the listing is one command (gitPieces). */
const MAX_TOP_ENTRIES = 256;

/**
 * The git commands that list `dirs`: one (`--cached --others`) in general.
 * When the scan lists the whole of `root`, in a repository, the index's paths
 * (`--cached`, read from .git/index: at once) and the untracked ones (`--others`:
 * git walks the tree, and prints nothing before its walk ends) come from
 * separate commands, and the untracked walk is split by the root's entries
 * into up to MAX_UNTRACKED_PIECES commands that walk at the same time, so that
 * the first paths come out well before the whole tree is walked (the corpus,
 * all untracked: first paths after ~25-45 ms instead of ~85, idle). The pieces
 * are contiguous runs of the entries in git's order (a directory's paths sort
 * as its name and a `/`), so that their lists, put one after the other, are
 * git's single listing: untracked paths sorted, then the index's.
 */
function gitPieces(root: string, targets: string[], dirs: string[], excludePatterns: string[]): GitPiece[] {
  // --exclude keeps git from even walking an untracked node_modules that no
  // .gitignore mentions; tracked files there are filtered afterwards.
  const excludes = excludePatterns.map((p) => `--exclude=${p}`);
  const pathspecs = dirs.map((d) => toRel(root, d) || ".");
  const single: GitPiece[] = [{ args: ["--cached", "--others", "--exclude-standard", ...excludes, "--", ...pathspecs], literal: false }];
  if (targets.length !== 1 || dirs.length !== 1 || dirs[0] !== root || !insideRepository(root)) return single;
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(root, { withFileTypes: true, encoding: "buffer" });
  } catch {
    return single;
  }
  const names: { name: string; key: Buffer; dir: boolean }[] = [];
  let directories = 0;
  for (const entry of entries) {
    const name = entry.name.toString("utf8");
    // A name that is not UTF-8 cannot be passed back to git as it was read: git lists it whole.
    if (!Buffer.from(name, "utf8").equals(entry.name)) return single;
    if (name === ".git") continue;
    const dir = entry.isDirectory();
    if (dir) directories += 1;
    names.push({ name, key: dir ? Buffer.concat([entry.name, SLASH]) : entry.name, dir });
  }
  const count = Math.min(MAX_UNTRACKED_PIECES, directories);
  // Every path git finds is matched against the pathspecs, one by one: a top
  // directory of thousands of entries would make that quadratic (and the
  // command line long). One command then, as before.
  if (count < 2 || names.length > MAX_TOP_ENTRIES) return single;
  names.sort((a, b) => Buffer.compare(a.key, b.key));
  const pieces: GitPiece[] = [];
  let group: string[] = [];
  let seen = 0;
  for (const n of names) {
    group.push(n.name);
    if (n.dir) seen += 1;
    // Cut after the directory that completes the next share of them.
    if (n.dir && seen >= Math.round(((pieces.length + 1) * directories) / count) && pieces.length < count - 1) {
      pieces.push({ args: ["--others", "--exclude-standard", ...excludes, "--", ...group], literal: true });
      group = [];
    }
  }
  if (group.length > 0) pieces.push({ args: ["--others", "--exclude-standard", ...excludes, "--", ...group], literal: true });
  pieces.push({ args: ["--cached", "--", "."], literal: false });
  return pieces;
}

const SLASH = Buffer.from("/");

/** The files git tracks under `dir` (relative to it, "/"-separated); none when git cannot list them. */
function trackedFiles(dir: string): string[] {
  const r = spawnSync("git", ["-c", "core.quotePath=false", "ls-files", "-z", "--cached", "--", "."], { cwd: dir, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" }, maxBuffer: 1 << 28 });
  if (r.status !== 0 || !r.stdout) return [];
  const list = new GitPaths();
  list.push(r.stdout);
  return list.paths.filter((p) => !p.endsWith("/"));
}

/** `root` or a directory above it holds a `.git` (or GIT_DIR says where it is): git can list it. */
function insideRepository(root: string): boolean {
  if (process.env.GIT_DIR !== undefined) return true;
  for (let dir = root; ; ) {
    if (existsSync(join(dir, ".git"))) return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

export async function walk(options: WalkOptions): Promise<WalkResult> {
  const root = resolve(options.root);
  const result: WalkResult = { files: [], skipped: {}, notes: [], lister: "fs" };
  // Once only, whichever lister gets there (a failing git falls back to the walk).
  let manyFiles = options.manyFiles;
  if (manyFiles) {
    const { count, call } = manyFiles;
    manyFiles = {
      count,
      call: () => {
        manyFiles = undefined;
        call();
      },
    };
  }
  const seen = new Set<string>();
  // `into`: a git command's own list (its files are handed out, or dropped
  // when another command fails), or the result.
  const add = (abs: string, explicit: boolean, knownRel?: string, unique = false, into: Listed = result) => {
    const rel = knownRel ?? toRel(root, abs);
    if (!unique && seen.has(rel)) return;
    // A file git lists under build output is tracked (`--exclude` below drops
    // the untracked ones), and one named on the command line is the user's
    // choice: both are scanned there; the directory walk's are not.
    // (a git command's files come with their own list, `into`).
    const verdict = options.filter.check(rel, explicit || into !== result || result.lister === "git");
    if (verdict === "scan") {
      if (!unique) seen.add(rel);
      into.files.push(explicit ? { abs, rel } : { abs, rel, listed: true });
      if (into === result && result.files.length === manyFiles?.count && result.lister === "fs") manyFiles.call();
    } else if (verdict !== "excluded") {
      bump(into, verdict);
    } else if (explicit) {
      result.notes.push(`${rel}: excluded by the config, .vaultshiftignore or the default skips, not scanned`);
    }
  };

  const targets = (options.paths?.length ? options.paths : ["."]).map((p) => (isAbsolute(p) ? p : resolve(root, p)));
  const dirs: string[] = [];
  for (const target of targets) {
    let isDir: boolean;
    try {
      isDir = statSync(target).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      // A path the user typed that does not exist is a mistake, not a skip.
      if (code === "ENOENT" || code === "ENOTDIR") {
        throw new FileAccessError(`${toRel(root, target) || target} does not exist.`, {
          cause: error,
          hint: "Check the path (it is relative to the current directory), or run `vaultshift scan` without paths to scan everything here.",
        });
      }
      result.notes.push(`${toRel(root, target) || "."}: cannot be read (${code}), skipped`);
      bump(result, "unreadable");
      continue;
    }
    if (isDir) dirs.push(target);
    else add(target, true);
  }
  if (dirs.length === 0) return result;

  let streamed = 0;
  if (options.useGit !== false) {
    const pieces = gitPieces(root, targets, dirs, options.filter.gitExcludePatterns);
    // One command ends with the listing: nothing to hand out before it.
    const stream = pieces.length > 1 ? options.stream : undefined;
    // git's paths are already relative to the root, normalised, with "/":
    // path.relative() of each joined path cost ~50 ms on 22.7k files. A
    // trailing "/" (an untracked nested repository) goes through it still.
    const prefix = root.endsWith(sep) ? root : root + sep;
    // git lists each path once (gitList): only files named on the command
    // line, added before, can come again.
    const unique = seen.size === 0;
    const lists: Listed[] = [];
    const handed: Listed[] = [];
    const onPiece = (p: number, paths: string[]) => {
      const into: Listed = { files: [], skipped: {} };
      for (const rel of paths) {
        if (rel.endsWith("/")) add(join(root, rel), false, undefined, false, into);
        else add(prefix + (sep === "/" ? rel : rel.split("/").join(sep)), false, rel, unique, into);
      }
      lists[p] = into;
      if (stream && into.files.length > 0) {
        handed[p] = into;
        stream(into.files, p);
      }
    };
    if (await gitList(root, pieces, onPiece, options.whileGitRuns, manyFiles, options.gitOutlasted)) {
      result.lister = "git";
      for (const list of lists) {
        for (const f of list.files) result.files.push(f);
        addSkipped(result, list.skipped);
      }
      if (options.paths?.length) noteEmptyTargets(root, dirs, result);
      if (options.stream) result.rest = stream ? lists.flatMap((list, p) => (handed[p] ? [] : list.files)) : result.files;
      return result;
    }
    // A git command failed after others had listed their part and it was
    // handed out (being scanned): those files stay, and the directory walk
    // below lists the rest, skipping them. It walks the whole tree again, so
    // it counts the paths not taken (their lists' `skipped` would count them twice).
    let fromGit = 0;
    for (const list of handed) {
      if (!list) continue;
      fromGit += list.files.length;
      for (const f of list.files) {
        result.files.push(f);
        seen.add(f.rel);
      }
    }
    streamed = result.files.length;
    // Files named on the command line were listed before git ran: only what git handed out makes the listing partial.
    if (fromGit > 0) {
      result.notes.push("git ls-files failed after listing part of the tree: vaultshift listed the rest itself, applying .gitignore files as git does");
    }
  }
  const rootInRepository = insideRepository(root);
  for (const dir of dirs) {
    // A repository named from outside it (`vaultshift scan ~/code/app` from elsewhere): the files
    // it tracks are scanned even where a .gitignore now ignores them (a committed .env), as from inside.
    if (!rootInRepository && options.useGit !== false && insideRepository(dir)) {
      for (const rel of trackedFiles(dir)) add(join(dir, ...rel.split("/")), false);
    }
    // A directory named below the root is walked under the root's and its parents' .gitignore
    // files, as git lists it (`git ls-files -- sub`), and not at all when one of them ignores it.
    const above = ancestorIgnores(root, toRel(root, dir));
    if (above !== null) walkDirectory(dir, toRel(root, dir), above, options.filter, result, add);
  }
  if (options.paths?.length) noteEmptyTargets(root, dirs, result);
  if (options.stream) result.rest = result.files.slice(streamed);
  return result;
}

/** The .gitignore files from the root down to `rel`'s parent; null when they ignore `rel` or a parent. */
function ancestorIgnores(root: string, rel: string): IgnoreFile[] | null {
  if (rel === "" || rel === ".." || rel.startsWith("../") || isAbsolute(rel)) return [];
  const segments = rel.split("/");
  const files: IgnoreFile[] = [];
  for (let i = 0; i < segments.length; i++) {
    const base = segments.slice(0, i).join("/");
    try {
      files.push(new IgnoreFile(base, readFileSync(join(root, base, ".gitignore"), "utf8")));
    } catch {
      /* no .gitignore here */
    }
    if (isIgnored(files, segments.slice(0, i + 1).join("/"), true)) return null;
  }
  return files;
}

/**
 * A directory the user named of which nothing is scanned (all of it git-ignored, excluded or a
 * default skip such as build output): said in a note, not left to a green "no secrets found".
 */
function noteEmptyTargets(root: string, dirs: string[], result: WalkResult): void {
  for (const dir of dirs) {
    const rel = toRel(root, dir);
    if (rel === "" || result.files.some((f) => f.rel.startsWith(rel + "/"))) continue;
    result.notes.push(
      `${rel}/: nothing under it is scanned (.gitignore, .vaultshiftignore, the config or the default skips exclude all of it); a file named on the command line is scanned even if git ignores it, and "defaultExcludes": false in the config turns the default skips off`,
    );
  }
}

function walkDirectory(
  dir: string,
  relDir: string,
  parentIgnores: IgnoreFile[],
  filter: PathFilter,
  result: WalkResult,
  add: (abs: string, explicit: boolean, knownRel: string) => void,
): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    result.notes.push(`${relDir || "."}/: directory cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}), skipped`);
    bump(result, "unreadable");
    return;
  }
  // A .gitignore is read only where the listing has one: trying every
  // directory cost a failing open and a thrown error each (the corpus
  // without git: 4,100 directories, ~40% of the walk's CPU). Any case
  // counts: a case-insensitive file system opens .GITIGNORE as .gitignore.
  let ignores = parentIgnores;
  if (entries.some((entry) => entry.name.length === 10 && entry.name.toLowerCase() === ".gitignore")) {
    try {
      const text = readFileSync(join(dir, ".gitignore"), "utf8");
      ignores = [...parentIgnores, new IgnoreFile(relDir, text)];
    } catch {
      /* not a readable file */
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    // The entry's path from the root, built as path.relative() would give it (with "/"), without it.
    const rel = relDir === "" ? entry.name : `${relDir}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      if (!isIgnored(ignores, rel, false)) bump(result, "symlink");
      continue;
    }
    if (entry.isDirectory()) {
      if (!filter.enterDirectory(rel) || isIgnored(ignores, rel, true)) continue;
      walkDirectory(abs, rel, ignores, filter, result, add);
    } else if (entry.isFile()) {
      if (isIgnored(ignores, rel, false)) continue;
      add(abs, false, rel);
    } else {
      bump(result, "not-a-file");
    }
  }
}
