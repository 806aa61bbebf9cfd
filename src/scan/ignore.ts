import { compileGlob, type CompiledGlob } from "./glob.js";

// gitignore(5) files (`.gitignore`, `.vaultshiftignore`): parsing and the
// "last matching pattern wins" decision. Used by the walker outside git
// repositories (inside one, `git ls-files --exclude-standard` decides, which
// also honours .git/info/exclude and core.excludesFile), and for
// `.vaultshiftignore` everywhere.

interface IgnoreRule {
  glob: CompiledGlob;
  negate: boolean;
}

/** The patterns of one ignore file, relative to the directory that holds it. */
export class IgnoreFile {
  readonly rules: IgnoreRule[] = [];
  /** `base` is the directory of the file relative to the scan root ("" for the root). */
  constructor(
    readonly base: string,
    text: string,
  ) {
    for (let raw of text.split(/\r?\n/)) {
      // Trailing spaces are ignored unless escaped with a backslash.
      raw = raw.replace(/(?<!\\)\s+$/, "");
      if (raw === "" || raw.startsWith("#")) continue;
      let negate = false;
      if (raw.startsWith("!")) {
        negate = true;
        raw = raw.slice(1);
      } else if (raw.startsWith("\\!") || raw.startsWith("\\#")) {
        raw = raw.slice(1);
      }
      if (raw === "" || raw === "/") continue;
      this.rules.push({ glob: compileGlob(raw), negate });
    }
  }

  /**
   * undefined when no pattern matches `path` (relative to the scan root);
   * otherwise true (ignored) or false (re-included by a `!` pattern).
   */
  decide(path: string, isDir: boolean): boolean | undefined {
    let rel: string;
    if (this.base === "") rel = path;
    else if (path.startsWith(`${this.base}/`)) rel = path.slice(this.base.length + 1);
    else return undefined;
    let verdict: boolean | undefined;
    for (const rule of this.rules) {
      if (rule.glob.dirOnly && !isDir) continue;
      if (rule.glob.regex.test(rel)) verdict = !rule.negate;
    }
    return verdict;
  }
}

/**
 * A stack of ignore files from the root down to the directory being walked.
 * Deeper files override shallower ones; within a file the last match wins.
 * A file inside an ignored directory is never reached, because the walker
 * prunes the directory (gitignore: "It is not possible to re-include a file if
 * a parent directory of that file is excluded").
 */
export function isIgnored(files: readonly IgnoreFile[], path: string, isDir: boolean): boolean {
  for (let i = files.length - 1; i >= 0; i--) {
    const verdict = files[i]!.decide(path, isDir);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

/** Is `path` or any of its parent directories ignored? (for paths not reached by a walk) */
export function isIgnoredWithParents(files: readonly IgnoreFile[], path: string): boolean {
  const segments = path.split("/");
  for (let i = 1; i <= segments.length; i++) {
    const isDir = i < segments.length;
    if (isIgnored(files, segments.slice(0, i).join("/"), isDir)) return true;
  }
  return false;
}
