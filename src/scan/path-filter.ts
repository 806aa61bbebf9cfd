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
 * Cache directories whose top holds a tool's own settings, which can carry a credential: Turborepo's
 * `turbo link` / `turbo login --sso-team` write the remote cache's team and token to `.turbo/config.json`
 * (https://turbo.build/repo/docs/reference/link), while `.turbo/cache`, `runs`, `daemon`, `cookies` and the
 * task logs beside config.json are cache. Only the named files at the top are scanned; every other file
 * and every directory inside is skipped like a dependency directory, tracked or not.
 */
export const CACHE_DIR_SETTINGS: Readonly<Record<string, readonly string[]>> = { ".turbo": ["config.json"] };

/**
 * Build output: skipped when it was generated here (untracked, or outside a git
 * repository), scanned when it is committed. A bundler writes the values of the
 * variables it inlines (Vite `import.meta.env.VITE_*`, Next.js `NEXT_PUBLIC_*`,
 * webpack DefinePlugin) into the bundle as literals, so a committed `dist/` can
 * hold a secret that no source file spells out; a `build/` directory that git
 * tracks is often scripts and Dockerfiles, not output at all.
 */
export const BUILD_OUTPUT_DIRS = ["dist", "build", "out", ".next", ".nuxt", ".svelte-kit"];

/**
 * Directories of third-party code inside a tool's directory, skipped like DEPENDENCY_DIRS (tracked or not)
 * while the rest of that directory is scanned. Yarn 2+ (Berry) has projects commit its own release
 * (`.yarn/releases/yarn-4.x.cjs`, a 2.5 MB bundle), its plugins and, with zero-installs, the dependencies
 * (`.yarn/cache`, `.yarn/unplugged`), plus editor SDKs (`.yarn/sdks`): https://yarnpkg.com/getting-started/qa
 * ("which files should be gitignored"). `.yarn/patches` (the project's own patches) and `.yarnrc.yml`
 * (which can hold an npmAuthToken) stay scanned.
 */
export const VENDORED_SUBDIRS: Readonly<Record<string, readonly string[]>> = { ".yarn": ["releases", "plugins", "cache", "unplugged", "sdks"] };

/** Every directory a scan of the working tree leaves out by default (untracked build output included). */
export const DEFAULT_EXCLUDED_DIRS = [...DEPENDENCY_DIRS, ...Object.keys(CACHE_DIR_SETTINGS), ...BUILD_OUTPUT_DIRS];

const NONE = 0;
const BUILD = 1;
const DEPENDENCY = 2;
/** The top of a CACHE_DIR_SETTINGS directory: only its settings files are scanned (a flag, with BUILD). */
const CACHE_TOP = 4;

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
  private readonly cacheDirs: ReadonlyMap<string, readonly string[]>;
  private readonly vendoredDirs: ReadonlyMap<string, readonly string[]>;

  constructor(options: PathFilterOptions) {
    this.include = new GlobSet(options.include ?? []);
    this.exclude = new GlobSet(options.exclude ?? []);
    this.ignore = options.vaultshiftignore ? [new IgnoreFile("", options.vaultshiftignore)] : [];
    this.defaultExcludes = options.defaultExcludes ?? true;
    this.excludedDirs = new Set(this.defaultExcludes ? DEPENDENCY_DIRS : [".git"]);
    this.buildDirs = new Set(this.defaultExcludes ? BUILD_OUTPUT_DIRS : []);
    this.cacheDirs = new Map(this.defaultExcludes ? Object.entries(CACHE_DIR_SETTINGS) : []);
    this.vendoredDirs = new Map(this.defaultExcludes ? Object.entries(VENDORED_SUBDIRS) : []);
  }

  /**
   * `git ls-files --exclude` patterns for the untracked files never listed, at
   * any depth (tracked files stay listed): the skipped directories, and every
   * directory inside a cache directory whose top holds settings (git still lists
   * the files at its top, which `check` narrows to the settings files).
   */
  get gitExcludePatterns(): string[] {
    const vendored = [...this.vendoredDirs].flatMap(([parent, subs]) => subs.map((d) => `**/${parent}/${d}/`));
    return [...[...this.excludedDirs, ...this.buildDirs].map((d) => `${d}/`), ...[...this.cacheDirs.keys()].map((d) => `**/${d}/*/`), ...vendored];
  }

  /** Should the walker descend into this directory (path relative to the root)? */
  enterDirectory(rel: string): boolean {
    const slash = rel.lastIndexOf("/");
    const name = rel.slice(slash + 1);
    if (this.excludedDirs.has(name) || this.buildDirs.has(name)) return false;
    const parent = rel.slice(rel.lastIndexOf("/", slash - 1) + 1, Math.max(slash, 0));
    if (this.cacheDirs.size > 0 && this.cacheDirs.has(parent)) return false;
    if (this.vendoredDirs.get(parent)?.includes(name)) return false;
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
      if (this.lastDirSkip === DEPENDENCY || ((this.lastDirSkip & BUILD) !== 0 && !committed)) return "excluded";
      if ((this.lastDirSkip & CACHE_TOP) !== 0 && !this.cacheDirs.get(dir.slice(dir.lastIndexOf("/") + 1))!.includes(rel.slice(slash + 1))) return "excluded";
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

  /**
   * DEPENDENCY when a dependency directory holds `dir` (or a directory inside a cache directory does, or a
   * VENDORED_SUBDIRS one),
   * else BUILD when build output holds it, else NONE; with the CACHE_TOP flag when `dir` is a cache
   * directory with settings (its files other than those are skipped, committed or not).
   */
  private skipOf(dir: string): number {
    let skip = NONE;
    let start = 0;
    for (;;) {
      const end = dir.indexOf("/", start);
      const name = end === -1 ? dir.slice(start) : dir.slice(start, end);
      if (this.excludedDirs.has(name)) return DEPENDENCY;
      if (end !== -1 && this.vendoredDirs.size > 0) {
        const next = dir.indexOf("/", end + 1);
        if (this.vendoredDirs.get(name)?.includes(dir.slice(end + 1, next === -1 ? undefined : next))) return DEPENDENCY;
      }
      if (this.buildDirs.has(name)) skip = BUILD;
      if (this.cacheDirs.has(name)) {
        if (end !== -1) return DEPENDENCY;
        return skip | CACHE_TOP;
      }
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
