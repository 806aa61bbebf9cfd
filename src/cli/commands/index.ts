import type { Command } from "../io.js";

// Every command, in the order `vaultshift --help` lists them. A command's module
// is imported only when that command runs: `vaultshift scan --staged` in a
// pre-commit hook must not pay for loading the dev server, the Vault client and
// the migration pipeline (about 200 ms), nor break when one of them cannot load.

export interface CommandEntry {
  name: string;
  /** One line for the command list; the module's own `summary` says the same. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: "scan", summary: "Scan files for secrets (working tree, --staged, --since, --history, stdin)", load: async () => (await import("./scan.js")).scanCommand },
  { name: "baseline", summary: "Write or refresh a baseline of accepted findings", load: async () => (await import("./baseline.js")).baselineCommand },
  { name: "hook", summary: "Install or remove the git pre-commit hook", load: async () => (await import("./hook.js")).hookCommand },
  { name: "migrate", summary: "Plan, apply, verify and report in one go", load: async () => (await import("./migrate.js")).migrateCommand },
  { name: "plan", summary: "Decide where each secret goes; write a reviewable plan without secret values", load: async () => (await import("./plan.js")).planCommand },
  { name: "apply", summary: "Apply a plan: back up, write Vault with check-and-set, rewrite code and .env files", load: async () => (await import("./apply.js")).applyCommand },
  { name: "verify", summary: "Read every migrated secret back, check the app's policy, re-scan the tree", load: async () => (await import("./verify.js")).verifyCommand },
  { name: "report", summary: "Write the compliance report (Markdown, JSON, HTML, SARIF) of the last migration", load: async () => (await import("./report.js")).reportCommand },
  { name: "rollback", summary: "Undo the last apply: files byte for byte, Vault secrets to their previous versions", load: async () => (await import("./rollback.js")).rollbackCommand },
  { name: "run", summary: "Run a command with the app's secrets from Vault in its environment (Cypress, Pulumi, Prisma CLI, scripts)", load: async () => (await import("./run.js")).runCommand },
  { name: "dev-server", summary: "Run a local Vault-compatible server for development and tests", load: async () => (await import("./dev-server.js")).devServerCommand },
  { name: "demo", summary: "Migrate the bundled demo app against an in-process dev server", load: async () => (await import("./demo.js")).demoCommand },
];
