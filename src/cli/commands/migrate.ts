import { resolve } from "node:path";
import type { Command } from "../io.js";
import { useColour } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";
import { UsageError } from "../../errors.js";
import { migrate } from "../../migrate/index.js";
import { VAULT_HELP, VAULT_OPTIONS, applySummary, planSummary, progressPrinter, vaultConnection, verificationSummary } from "../../migrate/cli-support.js";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Plan, apply, verify and report in one go",
  help: `Usage: vaultshift migrate [PATH] [--yes] [--app NAME] [--mount secret]

Migrates PATH (default: the current directory): plan (written to
PATH/vaultshift.plan.json), apply, verify, and the reports in PATH/reports/.
Undo it with \`vaultshift rollback --yes\`. Run it again later (a new secret
since): only what is new moves, and what earlier migrations moved stays in the
secrets module, the policy and the plan ("kept NAME → path").

On a terminal, without --yes, it is an interactive session:
  Connect   checks Vault first (reachable, unsealed, token accepted)
  Plan      scans and plans, with progress; then an overview: secrets, files,
            environments, config kept, files to change, warnings by severity,
            secrets found in git history (rotate them)
  Review    each secret, where it goes in Vault, the warnings, the diffs
  Confirm   apply now / save the plan and quit / quit; nothing is written
            (not even the plan) before this choice
  Apply     the journal's steps, then verify (read-back, policy, re-scan) and
            the reports; Ctrl-C stops between two steps and
            \`vaultshift apply PLAN --yes\` resumes
Keys (each screen lists its own): Enter next, q or Esc quit without writing,
↑/↓ choose, a apply, s save the plan, b back to the review, Ctrl-Z suspend
(fg resumes). Below 60×15 it waits for a larger terminal. Colours follow
NO_COLOR. Without a terminal (pipes, CI=true) or on a dumb one (TERM=dumb),
which cannot redraw a screen, it needs --yes.

Options:
  --yes                    run without asking (also without a terminal)
  --app NAME               the <app> of Vault paths (default: package.json name)
  --mount MOUNT            KV v2 mount (default: secret)
  --no-history             do not scan git history for committed secrets
${VAULT_HELP}
Exit codes: 0 verdict "zero-secrets" (or the plan saved to apply later, or
nothing to migrate), 1 any other verdict, 2 error (Vault unreachable, token refused…), 3 quit in the
session before anything was written, 130 stopped with Ctrl-C during apply.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { yes: { type: "boolean", short: "y" }, app: { type: "string" }, mount: { type: "string" }, "no-history": { type: "boolean" }, ...VAULT_OPTIONS }, "migrate");
    if (positionals.length > 1) throw new UsageError(`migrate takes one PATH, got ${positionals.length}.`);
    const root = resolve(io.cwd, positionals[0] ?? ".");
    const app = stringOpt(values, "app");
    const mount = stringOpt(values, "mount");
    if (values.yes !== true) {
      if (!io.terminal || inCi(io.env)) {
        throw new UsageError("`vaultshift migrate` without --yes opens an interactive session, which needs a terminal (stdin and stdout a TTY, not CI).", {
          hint: "Run `vaultshift migrate --yes` to migrate without questions, or review step by step: `vaultshift plan`, `vaultshift apply --dry-run`, `vaultshift apply --yes`, `vaultshift verify`.",
        });
      }
      if (io.env.TERM === "dumb") {
        throw new UsageError("`vaultshift migrate` without --yes draws its screens by moving the cursor, which a dumb terminal (TERM=dumb: an editor's shell buffer, a plain serial console) prints as text.", {
          hint: "Run it in a full terminal emulator, or without questions: `vaultshift migrate --yes`, or step by step: `vaultshift plan`, `vaultshift apply --dry-run`, `vaultshift apply --yes`, `vaultshift verify`.",
        });
      }
      // Loaded only now: ink and react stay off every other path.
      const { runSession } = await import("../../tui/run.js");
      return runSession({ root, cwd: io.cwd, vault: vaultConnection(values, io), env: io.env, history: values["no-history"] !== true, colour: useColour({ ...io, isTTY: true }), ...(app ? { app } : {}), ...(mount ? { mount } : {}) }, io.terminal);
    }
    const r = await migrate({ root, vault: vaultConnection(values, io), env: io.env, onProgress: progressPrinter(io), history: values["no-history"] !== true, ...(app ? { app } : {}), ...(mount ? { mount } : {}) });
    io.stdout(planSummary(r.plan));
    io.stdout(applySummary(r.apply));
    io.stdout(verificationSummary(r.verification));
    io.stdout(`Reports:\n${r.reports.map((f) => `  ${f}`).join("\n")}\nUndo with \`vaultshift rollback --yes\`.\n`);
    return r.verification.verdict === "zero-secrets" ? 0 : 1;
  },
};

/**
 * CI services set CI (GitHub Actions, GitLab, CircleCI, Travis…): never wait
 * for keys there. The same test as ink's (is-in-ci: CI or
 * CONTINUOUS_INTEGRATION present and not "0"/"false"), under which ink would
 * draw nothing until the end.
 */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const set = (key: string) => key in env && env[key] !== "0" && env[key] !== "false";
  return set("CI") || set("CONTINUOUS_INTEGRATION");
}
