import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

// How many paths the git index of a repository holds, read from the index
// file's 12-byte header ("DIRC", version, entry count, all big-endian:
// https://git-scm.com/docs/index-format). A tree scan asks before git lists
// the tree: a repository with thousands of tracked files is large enough for
// a worker pool, which can then boot while git walks the tree and the engine
// loads, instead of after the listing (~100 ms later on the corpus).

const SIGNATURE = 0x44495243; // "DIRC"

/**
 * Entries in the index of the repository whose top level is `root`, or
 * undefined when that cannot be read cheaply and for sure: no `.git` in
 * `root` (not a repository, or a subdirectory of one), GIT_DIR or
 * GIT_INDEX_FILE set (git would read another index), an unknown format.
 * A sparse index counts a skipped directory as one entry: a lower bound.
 */
export function indexEntries(root: string): number | undefined {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_INDEX_FILE !== undefined) return undefined;
  const header = Buffer.alloc(12);
  const read = (file: string): boolean => {
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch {
      return false;
    }
    try {
      return readSync(fd, header, 0, 12, 0) === 12;
    } catch {
      return false;
    } finally {
      closeSync(fd);
    }
  };
  let ok = read(join(root, ".git", "index"));
  if (!ok) {
    // A linked worktree or a submodule: `.git` is a file naming the git directory
    // (https://git-scm.com/docs/gitrepository-layout, "gitdir: <path>").
    let link: string;
    try {
      link = readFileSync(join(root, ".git"), "utf8");
    } catch {
      return undefined;
    }
    const m = /^gitdir: (.+?)\r?\n?$/.exec(link);
    if (!m) return undefined;
    const dir = isAbsolute(m[1]!) ? m[1]! : resolve(root, m[1]!);
    ok = read(join(dir, "index"));
  }
  if (!ok || header.readUInt32BE(0) !== SIGNATURE) return undefined;
  const version = header.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  return header.readUInt32BE(8);
}
