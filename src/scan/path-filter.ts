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

/**
 * Directories of dependencies, caches and reports: skipped at any depth, tracked
 * or not (third-party code, or copies of sources scanned where they stand).
 */
export const DEPENDENCY_DIRS = [
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  "coverage",
  ".nyc_output",
  ".turbo",
  ".parcel-cache",
  "vendor",
  "bower_components",
  "jspm_packages",
  "__pycache__",
  ".venv",
  ".tox",
  ".terraform",
];

/**
 * Build output: skipped when it was generated here (untracked, or outside a git
 * repository), scanned when it is committed. A bundler writes the values of the
 * variables it inlines (Vite `import.meta.env.VITE_*`, Next.js `NEXT_PUBLIC_*`,
 * webpack DefinePlugin) into the bundle as literals, so a committed `dist/` can
 * hold a secret that no source file spells out; a `build/` directory that git
 * tracks is often scripts and Dockerfiles, not output at all.
 */
export const BUILD_OUTPUT_DIRS = ["dist", "build", "out", ".next", ".nuxt", ".svelte-kit"];

/** Every directory a scan of the working tree leaves out by default (untracked build output included). */
export const DEFAULT_EXCLUDED_DIRS = [...DEPENDENCY_DIRS, ...BUILD_OUTPUT_DIRS];

const NONE = 0;
const BUILD = 1;
const DEPENDENCY = 2;

export type PathVerdict = "scan" | "excluded" | "binary" | "lockfile";

export interface PathFilterOptions {
  include?: string[];
  exclude?: string[];
  /**
   * Default true: skip DEPENDENCY_DIRS, BUILD_OUTPUT_DIRS that are not committed,
   * lockfiles and vaultshift's own outputs (own-outputs.ts).
   */
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
  private readonly buildDirs: Set<string>;

  constructor(options: PathFilterOptions) {
    this.include = new GlobSet(options.include ?? []);
    this.exclude = new GlobSet(options.exclude ?? []);
    this.ignore = options.vaultshiftignore ? [new IgnoreFile("", options.vaultshiftignore)] : [];
    this.defaultExcludes = options.defaultExcludes ?? true;
    this.excludedDirs = new Set(this.defaultExcludes ? DEPENDENCY_DIRS : [".git"]);
    this.buildDirs = new Set(this.defaultExcludes ? BUILD_OUTPUT_DIRS : []);
  }

  /**
   * Directory names whose untracked files are never listed, at any depth (for
   * `git ls-files --exclude`, which leaves tracked files listed).
   */
  get skippedDirectoryNames(): string[] {
    return [...this.excludedDirs, ...this.buildDirs];
  }

  /** Should the walker descend into this directory (path relative to the root)? */
  enterDirectory(rel: string): boolean {
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    if (this.excludedDirs.has(name) || this.buildDirs.has(name)) return false;
    if (this.exclude.size > 0 && this.exclude.matches(rel)) return false;
    for (const f of this.ignore) if (f.decide(rel, true) === true) return false;
    return true;
  }

  /**
   * The verdict for a file. Applies to files named on the command line too (a
   * pre-commit framework passes every staged file, lockfiles included); only
   * .gitignore, which the walker applies, is not consulted for those.
   *
   * `committed`: the path is tracked by git, staged, in a commit, or named on
   * the command line, so build output directories do not exclude it.
   */
  check(rel: string, committed = false): PathVerdict {
    const slash = rel.lastIndexOf("/");
    if (slash !== -1) {
      const dir = rel.slice(0, slash);
      if (dir !== this.lastDir) {
        this.lastDir = dir;
        this.lastDirSkip = this.skipOf(dir);
      }
      if (this.lastDirSkip === DEPENDENCY || (this.lastDirSkip === BUILD && !committed)) return "excluded";
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
  private lastDirSkip = NONE;

  /** DEPENDENCY when a dependency directory holds `dir`, else BUILD when build output does, else NONE. */
  private skipOf(dir: string): number {
    let skip = NONE;
    let start = 0;
    for (;;) {
      const end = dir.indexOf("/", start);
      const name = end === -1 ? dir.slice(start) : dir.slice(start, end);
      if (this.excludedDirs.has(name)) return DEPENDENCY;
      if (this.buildDirs.has(name)) skip = BUILD;
      if (end === -1) return skip;
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
