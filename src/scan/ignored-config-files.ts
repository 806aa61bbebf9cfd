import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { GIT_BASE, gitEnv } from "./git-source.js";
import { scan, type ScanResult } from "./scanner.js";

// Git-ignored configuration files: where a self-hosted app keeps its secrets
// when they are not in a .env file. Ghost's `config.production.json` (written
// by ghost-cli), NodeBB's `config.json`, a `settings.json` or `secrets.yaml`
// are git-ignored precisely because they hold the database password; the
// tree scan honours .gitignore and never sees them, so a migration would call
// a tree "zero secrets" with the passwords still on disk. The plan and the
// check after apply scan these files by name (a file named to the scanner is
// read even if git ignores it), as they already read git-ignored .env files.

/** Extensions of configuration files (not .env files: those are read as such). */
const CONFIG_FILE = /\.(?:json|jsonc|json5|ya?ml|toml|ini|conf|cfg|properties|xml)$/i;
/** Directories of dependencies, build output and caches: never the app's own configuration. */
const NOT_CONFIG_DIR = /(?:^|\/)(?:node_modules|\.git|dist|build|out|\.next|\.nuxt|\.svelte-kit|\.turbo|\.cache|coverage|vendor|\.vercel|\.output|\.vaultshift|reports|tmp|logs?)\//;
/** At most this many: a tree whose ignored files are data (fixtures, dumps) is not read through. */
const LIMIT = 200;
/** Entries looked at inside wholly ignored directories (uploads, data): a bound on the walk, not on the result. */
const WALK_BUDGET = 5000;

/**
 * The git-ignored configuration files of the work tree at `root` (relative, sorted), at most
 * LIMIT; none outside a git work tree or when git is missing. Ignored directories are not
 * entered (`--directory`): node_modules costs nothing.
 */
export function ignoredConfigFiles(root: string): string[] {
  const r = spawnSync("git", [...GIT_BASE, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--no-empty-directory"], { cwd: root, env: gitEnv(), maxBuffer: 1 << 24 });
  if (r.status !== 0 || !r.stdout) return [];
  const files: string[] = [];
  const budget = { left: WALK_BUDGET };
  for (const entry of r.stdout.toString("utf8").split("\0")) {
    if (entry === "" || NOT_CONFIG_DIR.test(entry)) continue;
    // A directory git ignores as a whole (`config/` holding only ignored files) is listed as
    // `config/`: its files are read here, as far as LIMIT.
    if (entry.endsWith("/")) filesUnder(root, entry.slice(0, -1), files, budget);
    else files.push(entry);
  }
  return files.filter(isConfigFile).sort().slice(0, LIMIT);
}

function isConfigFile(file: string): boolean {
  return CONFIG_FILE.test(file) && !NOT_CONFIG_DIR.test(file) && !/(?:^|\/)\.env(?:\.|$)|\.env$/.test(file);
}

/** The configuration files under the directory `dir` (relative to `root`), added to `out` while it has fewer than LIMIT and the budget lasts. */
function filesUnder(root: string, dir: string, out: string[], budget: { left: number }): void {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (out.length >= LIMIT || --budget.left < 0) return;
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (!NOT_CONFIG_DIR.test(`${rel}/`)) filesUnder(root, rel, out, budget);
    } else if (e.isFile() && isConfigFile(rel)) out.push(rel);
  }
}

/**
 * The tree scan of `root` plus its git-ignored configuration files and `alsoNamed` (files the
 * app's .env names by a path), named to the scanner (which reads a named file even if git
 * ignores it); `skip`: files the caller reads itself.
 */
export async function scanTreeAndIgnoredConfig(root: string, skip: ReadonlySet<string> = new Set(), alsoNamed: readonly string[] = []): Promise<ScanResult> {
  const tree = await scan({ cwd: root, mode: "tree", workers: 0 });
  const named = [...new Set([...ignoredConfigFiles(root), ...alsoNamed])].filter((f) => !skip.has(f));
  if (named.length === 0) return tree;
  const extra = await scan({ cwd: root, mode: "tree", workers: 0, paths: named });
  const seen = new Set(tree.findings.map((f) => `${f.file}:${f.line}:${f.column}`));
  return {
    ...tree,
    findings: [...tree.findings, ...extra.findings.filter((f) => !seen.has(`${f.file}:${f.line}:${f.column}`))],
    stats: { ...tree.stats, filesScanned: tree.stats.filesScanned + extra.stats.filesScanned },
  };
}
