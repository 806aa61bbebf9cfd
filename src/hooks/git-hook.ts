import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, realpathSync, renameSync, unlinkSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { GitError, UsageError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic-write.js";

// The git pre-commit hook. Installed where git looks for hooks
// (`git rev-parse --git-path hooks`, which honours core.hooksPath and
// worktrees), marked so that we never overwrite or delete a hook we did not
// write. A foreign hook is replaced only with --force, and then backed up
// (and restored by `uninstall`).

/** Marks a hook file as ours. */
export const HOOK_MARKER = "# vaultshift-hook v1";
export const BACKUP_SUFFIX = ".vaultshift-backup";

// git runs pre-commit hooks from the top of the working tree with a POSIX sh
// (githooks(5)). Prefer the project's own binary, then one on PATH, then the
// one that installed the hook (a clone of vaultshift, `npx vaultshift hook
// install` from a cache), then npx without network access (--no-install: a hook
// must never download code). When none is there the hook says so and blocks the
// commit: an npm 404 in the middle of a commit tells nobody what to do.
//
// NODE_EXTRA_CA_CERTS (set on many corporate machines, for a TLS proxy):
// when it names a file, Node 20 builds its root certificate store and reads
// that file at start-up, before any JavaScript runs, whether or not the
// process connects anywhere: 45-50 ms of a 70 ms `node -e 0` here
// (docs/benchmarks.md, session 10, startup), a third of the hook's budget.
// `scan` never opens a TLS connection (it reads files and runs git), so the
// hook runs it without the variable; Node treats an empty value as unset.
// The npx fallback keeps it: npm may ask the registry there.
export function hookScript(installer?: string): string {
  const quoted = installer === undefined ? undefined : `'${installer.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh
${HOOK_MARKER}
# Installed by \`vaultshift hook install\`; remove with \`vaultshift hook uninstall\`.
# Blocks a commit that adds a secret. Skip once with \`git commit --no-verify\`.
# The scan makes no TLS connection: without NODE_EXTRA_CA_CERTS, Node skips
# loading certificates at start-up (~45 ms).
if [ -x ./node_modules/.bin/vaultshift ]; then
  unset NODE_EXTRA_CA_CERTS
  exec ./node_modules/.bin/vaultshift scan --staged
elif command -v vaultshift >/dev/null 2>&1; then
  unset NODE_EXTRA_CA_CERTS
  exec vaultshift scan --staged
${quoted === undefined ? "" : `elif [ -f ${quoted} ] && command -v node >/dev/null 2>&1; then
  unset NODE_EXTRA_CA_CERTS
  exec node ${quoted} scan --staged
`}elif npx --no-install vaultshift --version >/dev/null 2>&1; then
  exec npx --no-install vaultshift scan --staged
else
  echo "vaultshift pre-commit hook: vaultshift is not installed here (not in ./node_modules/.bin, not on PATH${quoted === undefined ? "" : ", and gone from where the hook was installed from"}), so this commit was not checked for secrets." >&2
  echo "Install it (npm install --save-dev vaultshift) and commit again, or skip the check once with git commit --no-verify." >&2
  exit 1
fi
`;
}

/** The hook as written when the installing binary is the project's own or one on PATH. */
export const HOOK_SCRIPT = hookScript();

/**
 * The script of the vaultshift that is running, when it is outside the repository at `cwd`
 * (a clone, an npx cache): the hook falls back to it. Inside the repository the project's
 * node_modules/.bin/vaultshift already comes first.
 */
export function installerScript(cwd: string, argv1: string | undefined = process.argv[1]): string | undefined {
  if (argv1 === undefined || !/(^|[\\/])vaultshift(\.[cm]?js)?$/.test(argv1)) return undefined;
  let script: string;
  try {
    script = realpathSync(argv1);
  } catch {
    return undefined;
  }
  const top = resolve(cwd);
  return script.startsWith(`${top}/`) ? undefined : script;
}

// husky v9 runs .husky/pre-commit with \`sh -e\` and node_modules/.bin first on
// PATH (its \`husky\` launcher script, typicode/husky), so the project's binary
// is found without npx, whose own npm start-up costs more than the scan.
export const HUSKY_SNIPPET = `# .husky/pre-commit (husky v9)
NODE_EXTRA_CA_CERTS= vaultshift scan --staged
`;

// lefthook runs \`run\` through sh and does not put node_modules/.bin on PATH.
export const LEFTHOOK_SNIPPET = `# lefthook.yml
pre-commit:
  commands:
    vaultshift:
      run: NODE_EXTRA_CA_CERTS= npx --no-install vaultshift scan --staged
`;

export const PRE_COMMIT_SNIPPET = `# .pre-commit-config.yaml (pre-commit framework)
repos:
  - repo: https://github.com/<owner>/vaultshift
    rev: v0.1.0
    hooks:
      - id: vaultshift
`;

export function hooksDirectory(cwd: string): string {
  const r = spawnSync("git", ["rev-parse", "--git-path", "hooks"], { cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
  if (r.error || r.status !== 0) {
    throw new GitError(`${cwd} is not inside a git repository, so there is no pre-commit hook to manage.`, {
      cause: r.error ?? new Error(r.stderr?.toString("utf8").trim() ?? "rev-parse failed"),
      hint: "Run `git init` first, or run the command from inside the repository.",
    });
  }
  const dir = r.stdout.toString("utf8").trim();
  return isAbsolute(dir) ? dir : resolve(cwd, dir);
}

export type InstallOutcome = "installed" | "updated" | "replaced";

export interface InstallResult {
  outcome: InstallOutcome;
  path: string;
  /** Where a foreign hook was moved (with --force). */
  backup?: string;
}

function isOurs(path: string): boolean {
  try {
    return readFileSync(path, "utf8").includes(HOOK_MARKER);
  } catch {
    return false;
  }
}

export function installHook(cwd: string, options: { force?: boolean; installer?: string } = {}): InstallResult {
  const dir = hooksDirectory(cwd);
  const path = join(dir, "pre-commit");
  if (/(^|[\\/])\.husky([\\/]_)?$/.test(dir) && !options.force) {
    throw new UsageError(`core.hooksPath points at husky (${dir}); husky would own a hook written there.`, {
      cause: new Error("husky hooksPath"),
      hint: `Add this line to .husky/pre-commit instead:\n    ${HUSKY_SNIPPET.trimEnd().split("\n").at(-1)}\n  or pass --force to write ${path} anyway.`,
    });
  }
  let outcome: InstallOutcome = "installed";
  let backup: string | undefined;
  if (existsSync(path)) {
    if (isOurs(path)) outcome = "updated";
    else if (!options.force) {
      throw new UsageError(`${path} already exists and was not written by vaultshift.`, {
        cause: new Error("foreign hook"),
        hint: "Add `npx --no-install vaultshift scan --staged` to it yourself, or rerun with --force to back it up and replace it.",
      });
    } else {
      backup = `${path}${BACKUP_SUFFIX}`;
      if (existsSync(backup)) backup = `${path}${BACKUP_SUFFIX}-${Date.now()}`;
      renameSync(path, backup);
      outcome = "replaced";
    }
  }
  writeFileAtomic(path, hookScript(options.installer), { mode: 0o755, mkdir: true });
  chmodSync(path, 0o755);
  const result: InstallResult = { outcome, path };
  if (backup) result.backup = backup;
  return result;
}

export type UninstallOutcome = "removed" | "restored" | "absent";

export function uninstallHook(cwd: string): { outcome: UninstallOutcome; path: string } {
  const dir = hooksDirectory(cwd);
  const path = join(dir, "pre-commit");
  if (!existsSync(path)) return { outcome: "absent", path };
  if (!isOurs(path)) {
    throw new UsageError(`${path} was not written by vaultshift; leaving it alone.`, {
      cause: new Error("foreign hook"),
      hint: "Remove the vaultshift line from it by hand if it has one.",
    });
  }
  unlinkSync(path);
  const backup = `${path}${BACKUP_SUFFIX}`;
  if (existsSync(backup)) {
    renameSync(backup, path);
    return { outcome: "restored", path };
  }
  return { outcome: "removed", path };
}
