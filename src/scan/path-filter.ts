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
    const segments = rel.split("/");
    for (let i = 0; i < segments.length - 1; i++) if (this.excludedDirs.has(segments[i]!)) return "excluded";
    if (this.exclude.size > 0 && this.exclude.matches(rel)) return "excluded";
    if (this.include.size > 0 && !this.include.matches(rel)) return "excluded";
    if (this.ignore.length > 0 && isIgnoredWithParents(this.ignore, rel)) return "excluded";
    if (this.defaultExcludes && isOwnOutput(rel)) return "excluded";
    if (this.defaultExcludes && isLockfile(rel)) return "lockfile";
    if (hasBinaryExtension(rel)) return "binary";
    return "scan";
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
