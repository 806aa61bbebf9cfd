import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { IgnoreFile, isIgnored } from "./ignore.js";
import { FileAccessError } from "../errors.js";
import type { PathFilter } from "./path-filter.js";
import type { SkipReason } from "./file-scan.js";
import { mark } from "./timeline.js";

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
}

function toRel(root: string, abs: string): string {
  const rel = relative(root, abs);
  return sep === "/" ? rel : rel.split(sep).join("/");
}

function bump(result: WalkResult, reason: SkipReason): void {
  result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
}

/**
 * The paths git lists, or undefined when git cannot (not a repository, no
 * git). Asynchronous: listing 22.7k files takes git 80-200 ms, which the
 * scan spends loading the engine instead of waiting (`whileGitRuns`).
 */
async function gitList(
  root: string,
  pathspecs: string[],
  skipDirs: string[],
  whileGitRuns?: () => Promise<void>,
  manyFiles?: WalkOptions["manyFiles"],
  gitOutlasted?: () => void,
): Promise<string[] | undefined> {
  // --exclude keeps git from even walking an untracked node_modules that no
  // .gitignore mentions; tracked files there are filtered afterwards.
  const excludes = skipDirs.map((d) => `--exclude=${d}/`);
  let listed = false;
  const listing = new Promise<Buffer | undefined>((resolve) => {
    const child = spawn("git", ["-c", "core.quotePath=false", "ls-files", "-z", "--cached", "--others", "--exclude-standard", ...excludes, "--", ...pathspecs], {
      cwd: root,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    const out: Buffer[] = [];
    let paths = 0;
    let called = manyFiles === undefined;
    child.stdout.on("data", (b: Buffer) => {
      out.push(b);
      // Each path ends with a NUL (-z).
      for (let i = called ? -1 : b.indexOf(0); i !== -1; i = b.indexOf(0, i + 1)) {
        if (++paths >= manyFiles!.count) {
          called = true;
          manyFiles!.call();
          break;
        }
      }
    });
    child.on("error", () => {
      listed = true;
      resolve(undefined);
    });
    child.on("close", (code) => {
      listed = true;
      mark("git listed", `chunks=${out.length}`);
      resolve(code === 0 ? Buffer.concat(out) : undefined);
    });
  });
  mark("git spawned");
  if (whileGitRuns) {
    await whileGitRuns();
    mark("warm-up done");
    if (!listed) gitOutlasted?.();
  }
  const stdout = await listing;
  if (stdout === undefined) return undefined;
  // A path with several stages in the index (a merge in progress) is listed
  // once per stage, one after the other (the index is sorted by path, then
  // stage; --deduplicate needs git 2.31). git lists the untracked paths first,
  // then the index's, and no path is both. Comparing with the previous path
  // drops those repeats, without
  // a Set of every path (~5 ms of CPU for the corpus's 22,700, on the main
  // thread while the worker waits for its jobs).
  const paths: string[] = [];
  let previous = "";
  for (const path of stdout.toString("utf8").split("\0")) if (path !== "" && path !== previous) paths.push((previous = path));
  return paths;
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
  const add = (abs: string, explicit: boolean, knownRel?: string, unique = false) => {
    const rel = knownRel ?? toRel(root, abs);
    if (!unique && seen.has(rel)) return;
    const verdict = options.filter.check(rel);
    if (verdict === "scan") {
      if (!unique) seen.add(rel);
      result.files.push(explicit ? { abs, rel } : { abs, rel, listed: true });
      if (result.files.length === manyFiles?.count && result.lister === "fs") manyFiles.call();
    } else if (verdict !== "excluded") {
      bump(result, verdict);
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

  if (options.useGit !== false) {
    const listed = await gitList(root, dirs.map((d) => toRel(root, d) || "."), options.filter.skippedDirectoryNames, options.whileGitRuns, manyFiles, options.gitOutlasted);
    if (listed !== undefined) {
      result.lister = "git";
      // git's paths are already relative to the root, normalised, with "/":
      // path.relative() of each joined path cost ~50 ms on 22.7k files. A
      // trailing "/" (an untracked nested repository) goes through it still.
      const prefix = root.endsWith(sep) ? root : root + sep;
      // git lists each path once (above): only files named on the command
      // line, added before, can come again.
      const unique = seen.size === 0;
      for (const rel of listed) {
        if (rel.endsWith("/")) add(join(root, rel), false);
        else add(prefix + (sep === "/" ? rel : rel.split("/").join(sep)), false, rel, unique);
      }
      if (options.paths?.length) noteEmptyTargets(root, dirs, result);
      return result;
    }
  }
  for (const dir of dirs) {
    // A directory named below the root is walked under the root's and its parents' .gitignore
    // files, as git lists it (`git ls-files -- sub`), and not at all when one of them ignores it.
    const above = ancestorIgnores(root, toRel(root, dir));
    if (above !== null) walkDirectory(dir, toRel(root, dir), above, options.filter, result, add);
  }
  if (options.paths?.length) noteEmptyTargets(root, dirs, result);
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
