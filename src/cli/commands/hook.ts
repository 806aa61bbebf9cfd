import type { CliIo, Command } from "../io.js";
import { parseCommandArgs } from "../args.js";
import { UsageError } from "../../errors.js";

// `vaultshift hook install|uninstall|print`: manage the git pre-commit hook.

const help = `Usage: vaultshift hook install [--force]
       vaultshift hook uninstall
       vaultshift hook print

Manage a git pre-commit hook that runs \`vaultshift scan --staged\` and blocks a
commit adding a secret (skip it once with \`git commit --no-verify\`).

  install      Write the hook where git looks for it (.git/hooks/pre-commit,
               or under core.hooksPath). Updates a hook vaultshift wrote.
    --force    Replace a hook vaultshift did not write; the old one is kept
               as pre-commit.vaultshift-backup and restored by uninstall.
  uninstall    Remove the hook if vaultshift wrote it (restoring a backup).
  print        Print the hook script and snippets for husky, lefthook and
               the pre-commit framework, without installing anything.

Examples:
  vaultshift hook install
  vaultshift hook install --force
  vaultshift hook print

Exit codes: 0 done, 2 usage error, not a git repository, or a foreign hook.
`;

async function runHook(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { force: { type: "boolean" } }, "hook");
  const [action, ...extra] = positionals;
  if (extra.length > 0 || (action !== "install" && action !== "uninstall" && action !== "print")) {
    throw new UsageError(action === undefined ? "hook needs an action." : `Unknown hook action "${[action, ...extra].join(" ")}".`, {
      cause: new TypeError("bad action"),
      hint: "Use `vaultshift hook install`, `vaultshift hook uninstall` or `vaultshift hook print`.",
    });
  }
  const hooks = await import("../../hooks/git-hook.js");
  const snippets = `Using a hook manager instead?\n\n${hooks.HUSKY_SNIPPET}\n${hooks.LEFTHOOK_SNIPPET}\n${hooks.PRE_COMMIT_SNIPPET}`;
  if (action === "print") {
    io.stdout(`# .git/hooks/pre-commit\n${hooks.hookScript(hooks.installerScript(io.cwd))}\n${snippets}`);
    return 0;
  }
  if (action === "install") {
    const installer = hooks.installerScript(io.cwd);
    const r = hooks.installHook(io.cwd, { force: values.force === true, ...(installer !== undefined ? { installer } : {}) });
    const verb = r.outcome === "updated" ? "Updated" : r.outcome === "replaced" ? "Replaced" : "Installed";
    io.stdout(`${verb} the pre-commit hook: ${r.path}\n`);
    if (r.backup) io.stdout(`The previous hook is saved as ${r.backup} (uninstall restores it).\n`);
    io.stdout(`Every commit now runs \`vaultshift scan --staged\`.\n\n${snippets}`);
    return 0;
  }
  const r = hooks.uninstallHook(io.cwd);
  if (r.outcome === "absent") io.stdout(`No pre-commit hook at ${r.path}; nothing to remove.\n`);
  else if (r.outcome === "restored") io.stdout(`Removed the vaultshift hook and restored the previous one: ${r.path}\n`);
  else io.stdout(`Removed the pre-commit hook: ${r.path}\n`);
  return 0;
}

export const hookCommand: Command = {
  name: "hook",
  summary: "Install or remove the git pre-commit hook",
  help,
  run: runHook,
};
