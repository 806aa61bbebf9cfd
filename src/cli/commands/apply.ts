import { dirname, resolve } from "node:path";
import type { Command } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";
import { UsageError } from "../../errors.js";
import { apply } from "../../migrate/index.js";
import { DEFAULT_PLAN_FILE, readPlan } from "../../plan/plan-file.js";
import { VAULT_HELP, VAULT_OPTIONS, applySummary, confirm, planSummary, progressPrinter, vaultConnection } from "../../migrate/cli-support.js";

export const applyCommand: Command = {
  name: "apply",
  summary: "Apply a plan: back up, write Vault with check-and-set, rewrite code and .env files",
  help: `Usage: vaultshift apply [PLAN] [--yes] [--dry-run] [--root DIR]

Applies a plan made by \`vaultshift plan\` (default: ./${DEFAULT_PLAN_FILE}):
  1. re-reads every value and refuses if one no longer matches its fingerprint;
  2. records the current version of every Vault target (for rollback);
  3. writes each secret with check-and-set, merging keys into existing secrets;
  4. writes the ACL policy <app>-read;
  5. rewrites the code, cleans the .env files and puts the starts the plan
     names under \`vaultshift run --\` (npm scripts, a Procfile line, a
     Dockerfile CMD, a systemd ExecStart=); originals kept for rollback
     under $XDG_STATE_HOME/vaultshift, outside the repository.
Every step is journaled: an interrupted run resumes where it stopped, and
applying an applied plan changes nothing.

Options:
  --yes                    apply without asking (without it: asks on a terminal,
                           elsewhere only shows the plan)
  --dry-run                show the diffs and Vault writes, change nothing
  --root DIR               the project the plan is for (default: the plan's directory)
${VAULT_HELP}
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { yes: { type: "boolean", short: "y" }, "dry-run": { type: "boolean" }, root: { type: "string" }, ...VAULT_OPTIONS }, "apply");
    if (positionals.length > 1) throw new UsageError(`apply takes one PLAN file, got ${positionals.length}.`);
    const file = resolve(io.cwd, positionals[0] ?? DEFAULT_PLAN_FILE);
    const p = readPlan(file);
    const root = resolve(io.cwd, stringOpt(values, "root") ?? dirname(file));
    const dryRun = values["dry-run"] === true;
    if (!dryRun && values.yes !== true) {
      io.stdout(planSummary(p));
      if (!(await confirm(io, `Apply plan ${p.id.slice(0, 8)}: write ${p.targets.length} Vault secrets and change ${p.files.length} files?`))) {
        io.stdout(`Nothing was changed. Review the plan (and \`vaultshift apply --dry-run\` for the diffs), then run \`vaultshift apply --yes\`.\n`);
        return 0;
      }
    }
    const r = await apply(p, { root, vault: vaultConnection(values, io), dryRun, env: io.env, onProgress: progressPrinter(io) });
    if (dryRun) for (const d of r.diffs) io.stdout(d.endsWith("\n") ? d : `${d}\n`);
    io.stdout(applySummary(r));
    for (const w of r.warnings) io.stderr(`warning: ${w.message}\n`);
    if (!dryRun) io.stdout("Next: `vaultshift verify` proves it, `vaultshift rollback --yes` undoes it.\n");
    return 0;
  },
};
