import { resolve } from "node:path";
import type { Command } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";
import { UsageError } from "../../errors.js";
import { rollback } from "../../migrate/index.js";
import { VAULT_HELP, VAULT_OPTIONS, confirm, progressPrinter, vaultConnection } from "../../migrate/cli-support.js";

export const rollbackCommand: Command = {
  name: "rollback",
  summary: "Undo the last apply: files byte for byte, Vault secrets to their previous versions",
  help: `Usage: vaultshift rollback [PATH] --yes [--force]

Undoes the last \`vaultshift apply\` in PATH (default: the current directory):
every changed file gets its original bytes back, every Vault secret its
previous version (written again as a new version; secrets the migration
created are deleted), and the policy its previous text. Refuses, changing
nothing, when a file or secret was changed after the migration, unless --force.

Options:
  --yes                    do it without asking (without it: asks on a terminal)
  --force                  restore even what was changed after the migration
${VAULT_HELP}
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { yes: { type: "boolean", short: "y" }, force: { type: "boolean" }, ...VAULT_OPTIONS }, "rollback");
    if (positionals.length > 1) throw new UsageError(`rollback takes one PATH, got ${positionals.length}.`);
    void stringOpt;
    if (values.yes !== true && !(await confirm(io, "Roll back the last migration: restore the files and the previous Vault versions?"))) {
      throw new UsageError("rollback changes files and Vault secrets; pass --yes to confirm.", { hint: "Run `vaultshift rollback --yes`." });
    }
    const root = resolve(io.cwd, positionals[0] ?? ".");
    const r = await rollback({ root, vault: vaultConnection(values, io), force: values.force === true, env: io.env, onProgress: progressPrinter(io) });
    const lines = [`Rolled back plan ${r.planId.slice(0, 8)}:`];
    for (const f of r.files) lines.push(`  ${f.action} ${f.file}`);
    for (const v of r.vault) lines.push(`  ${v.action} ${v.mount}/${v.path}${v.version ? ` (now version ${v.version})` : ""}`);
    if (r.policy.name) lines.push(`  policy ${r.policy.name}: ${r.policy.action}`);
    io.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
};
