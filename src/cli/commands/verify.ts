import { dirname, resolve } from "node:path";
import type { Command } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";
import { UsageError } from "../../errors.js";
import { verify } from "../../migrate/index.js";
import { DEFAULT_PLAN_FILE, readPlan } from "../../plan/plan-file.js";
import { VAULT_HELP, VAULT_OPTIONS, progressPrinter, vaultConnection, verificationSummary } from "../../migrate/cli-support.js";

export const verifyCommand: Command = {
  name: "verify",
  summary: "Read every migrated secret back, check the app's policy, re-scan the tree",
  help: `Usage: vaultshift verify [PLAN] [--root DIR]

Proves an applied plan (default: ./${DEFAULT_PLAN_FILE}): reads every secret
back from Vault and compares fingerprints, checks with a short-lived token
holding only the policy <app>-read that each path is readable
(sys/capabilities-self), and scans the tree again. The verdict is
"zero-secrets" only when all of that holds and the scan finds nothing;
"unchecked" when everything that ran passed but a check could not run (the
token may not make a token holding the policy, the re-scan could not read a
file): the output says which, why, and what to do.
The result is kept for \`vaultshift report\`.

Options:
  --root DIR               the project (default: the plan's directory)
${VAULT_HELP}
Exit codes: 0 zero-secrets, 1 any other verdict, 2 error.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { root: { type: "string" }, ...VAULT_OPTIONS }, "verify");
    if (positionals.length > 1) throw new UsageError(`verify takes one PLAN file, got ${positionals.length}.`);
    const file = resolve(io.cwd, positionals[0] ?? DEFAULT_PLAN_FILE);
    const p = readPlan(file);
    const root = resolve(io.cwd, stringOpt(values, "root") ?? dirname(file));
    const v = await verify(p, { root, vault: vaultConnection(values, io), env: io.env, onProgress: progressPrinter(io) });
    io.stdout(verificationSummary(v));
    return v.verdict === "zero-secrets" ? 0 : 1;
  },
};
