import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GlobSet } from "./glob.js";
import { IgnoreFile, isIgnoredWithParents } from "./ignore.js";
import { hasBinaryExtension, isLockfile } from "./binary.js";
import { isOwnOutput } from "./own-outputs.js";

// Which paths a scan looks at, decided from the path alone (no reads): the
// default skips, `.vaultshiftignore`, config `include`/`exclude`, known binary
// extensions and lockfiles. Shared by the working-tree walker and the git modes
// (which scan committed content, so .gitignore does not apply there).

/** Directories never worth scanning by default, at any depth. */
export const DEFAULT_EXCLUDED_DIRS = [
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  "dist",
  "build",
  "coverage",
  ".nyc_output",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".turbo",
  ".parcel-cache",
  "out",
  "vendor",
  "bower_components",
  "jspm_packages",
  "__pycache__",
  ".venv",
  ".tox",
  ".terraform",
];

export type PathVerdict = "scan" | "excluded" | "binary" | "lockfile";

export interface PathFilterOptions {
  include?: string[];
  exclude?: string[];
  /** Default true: skip DEFAULT_EXCLUDED_DIRS, lockfiles and vaultshift's own outputs (own-outputs.ts). */
  defaultExcludes?: boolean;
  /** Text of `.vaultshiftignore` (gitignore syntax), if any. */
  vaultshiftignore?: string;
}

export class PathFilter {
  private readonly include: GlobSet;
  private readonly exclude: GlobSet;
  private readonly ignore: IgnoreFile[];
  private readonly defaultExcludes: boolean;
  private readonly excludedDirs: Set<string>;

  constructor(options: PathFilterOptions) {
    this.include = new GlobSet(options.include ?? []);
    this.exclude = new GlobSet(options.exclude ?? []);
    this.ignore = options.vaultshiftignore ? [new IgnoreFile("", options.vaultshiftignore)] : [];
    this.defaultExcludes = options.defaultExcludes ?? true;
    this.excludedDirs = new Set(this.defaultExcludes ? DEFAULT_EXCLUDED_DIRS : [".git"]);
  }

  /** Directory names skipped at any depth (for `git ls-files --exclude`). */
  get skippedDirectoryNames(): string[] {
    return [...this.excludedDirs];
  }

  /** Should the walker descend into this directory (path relative to the root)? */
  enterDirectory(rel: string): boolean {
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    if (this.excludedDirs.has(name)) return false;
    if (this.exclude.size > 0 && this.exclude.matches(rel)) return false;
    for (const f of this.ignore) if (f.decide(rel, true) === true) return false;
    return true;
  }

  /**
   * The verdict for a file. Applies to files named on the command line too (a
   * pre-commit framework passes every staged file, lockfiles included); only
   * .gitignore, which the walker applies, is not consulted for those.
   */
  check(rel: string): PathVerdict {
    const slash = rel.lastIndexOf("/");
    if (slash !== -1) {
      const dir = rel.slice(0, slash);
      if (dir !== this.lastDir) {
        this.lastDir = dir;
        this.lastDirExcluded = this.inExcludedDir(dir);
      }
      if (this.lastDirExcluded) return "excluded";
    }
    if (this.exclude.size > 0 && this.exclude.matches(rel)) return "excluded";
    if (this.include.size > 0 && !this.include.matches(rel)) return "excluded";
    if (this.ignore.length > 0 && isIgnoredWithParents(this.ignore, rel)) return "excluded";
    const name = slash === -1 ? rel : rel.slice(slash + 1);
    if (this.defaultExcludes && isOwnOutput(name)) return "excluded";
    if (this.defaultExcludes && isLockfile(name)) return "lockfile";
    if (hasBinaryExtension(name)) return "binary";
    return "scan";
  }

  // The last directory `check` saw and whether a default skip holds it. A
  // listing is sorted, so most paths share the directory of the one before
  // (the benchmark corpus: 22,700 files in ~4,100 directories), and its names
  // are looked up once: `check` over that listing took ~19 ms of CPU with a
  // split and a lookup per segment of every path, on the main thread before
  // any file is scanned.
  private lastDir = "";
  private lastDirExcluded = false;

  private inExcludedDir(dir: string): boolean {
    let start = 0;
    for (;;) {
      const end = dir.indexOf("/", start);
      if (this.excludedDirs.has(end === -1 ? dir.slice(start) : dir.slice(start, end))) return true;
      if (end === -1) return false;
      start = end + 1;
    }
  }
}

/** Read `.vaultshiftignore` at the scan root, if there is one. */
export function readVaultshiftignore(root: string): string | undefined {
  try {
    return readFileSync(join(root, ".vaultshiftignore"), "utf8");
  } catch {
    return undefined;
  }
}
