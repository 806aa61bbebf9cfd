import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GIT_BASE, gitEnv } from "../scan/git-source.js";
import { IgnoreFile, isIgnoredWithParents } from "../scan/ignore.js";

// Which .env files may be missing where the app runs. A file that dotenv loads
// first wins over a later one only where it exists: `.env.local` and friends
// are by convention machine-local and not committed (dotenv-flow, Next.js
// "Default Environment Variables", Vite "Env Variables and Modes", Create
// React App all list `.env*.local` as git-ignored), so on CI, a colleague's
// machine or a server the later file's value is the one read.

/**
 * For each of `files` (relative to `root`) that may be absent on another
 * machine, why (in words for a message); files present everywhere are left
 * out. Inside a git work tree: every file git does not track. Outside one:
 * a file that the project's `.gitignore` files match, or whose name ends in
 * `.local`.
 */
export function machineLocalFiles(root: string, files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (files.length === 0) return out;
  const tracked = gitListed(root, ["ls-files", "-z", "--", ...files]);
  if (tracked !== undefined) {
    const ignored = gitListed(root, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--", ...files]) ?? new Set();
    for (const f of files) if (!tracked.has(f)) out.set(f, ignored.has(f) ? "git-ignored (not committed)" : "not tracked by git");
    return out;
  }
  for (const f of files) {
    if (/\.local$/i.test(f.split("/").pop() ?? f)) out.set(f, "named *.local (a machine-local file by convention)");
    else if (isIgnoredWithParents(gitignoresAbove(root, f), f)) out.set(f, "matched by .gitignore");
  }
  return out;
}

/** The paths git prints for `args` (relative to `root`), or undefined when `root` is not in a git work tree or git cannot run. */
function gitListed(root: string, args: string[]): Set<string> | undefined {
  const r = spawnSync("git", ["--literal-pathspecs", ...GIT_BASE, ...args], { cwd: root, env: gitEnv(), maxBuffer: 1 << 26 });
  if (r.error || r.status !== 0) return undefined;
  return new Set(r.stdout.toString("utf8").split("\0").filter((p) => p !== ""));
}

/** The `.gitignore` files of `root` and of each directory down to `file`'s, outermost first. */
function gitignoresAbove(root: string, file: string): IgnoreFile[] {
  const dirs = file.split("/").slice(0, -1);
  const out: IgnoreFile[] = [];
  for (let i = 0; i <= dirs.length; i++) {
    const base = dirs.slice(0, i).join("/");
    try {
      out.push(new IgnoreFile(base, readFileSync(join(root, base, ".gitignore"), "utf8")));
    } catch {
      // no .gitignore in that directory
    }
  }
  return out;
}
