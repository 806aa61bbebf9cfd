import { relative, resolve } from "node:path";
import type { Command } from "../io.js";
import { parseCommandArgs, stringOpt, type OptionSpec } from "../args.js";
import { UsageError } from "../../errors.js";
import { VAULT_HELP, VAULT_OPTIONS } from "../../migrate/cli-support.js";
import { readPlan } from "../../plan/plan-file.js";
import { resolveEnvironment } from "../../runtime/load-secrets.js";
import { VaultClient } from "../../runtime/client.js";
import { findPlanFile, mergeBindings, parseVarFlag, planBindings, selectedEnvironment, type RunBinding } from "../../run/bindings.js";
import { readValues, type WholePath } from "../../run/read.js";
import { mergeEnvironment } from "../../run/environment.js";
import { runChild } from "../../run/child.js";
import { planFileBindings, writeSecretFiles, type FileBinding, type WrittenFiles } from "../../run/secret-files.js";

const OPTIONS: OptionSpec = {
  plan: { type: "string" },
  env: { type: "string" },
  app: { type: "string" },
  var: { type: "string", multiple: true },
  path: { type: "string", multiple: true },
  mount: { type: "string" },
  override: { type: "boolean" },
  shell: { type: "boolean" },
  "dry-run": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  ...VAULT_OPTIONS,
};

export const runCommand: Command = {
  name: "run",
  summary: "Run a command with the app's secrets from Vault in its environment (Cypress, Pulumi, Prisma CLI, scripts)",
  help: `Usage: vaultshift run [options] -- COMMAND [ARGS...]

Reads the app's secrets from Vault and starts COMMAND with them added to its
environment: for programs the migrated app does not control, which read
their settings from the environment (the Cypress binary, the pulumi or
prisma CLI, docker compose, a shell script) and used to get them from .env
through \`dotenv --\` or env-cmd. Values go from Vault to the child's
environment only: never printed, never written to disk.

  vaultshift run -- cypress run                       # the plan's secrets for the current environment
  vaultshift run --env production -- pulumi up        # another environment's
  vaultshift run -- dotenv -- cypress run             # plain config still from .env, secrets from Vault
  vaultshift run --var PULUMI_CONFIG_PASSPHRASE=secret/infra/pulumi#passphrase -- pulumi preview
  vaultshift run --shell -- 'psql "$DATABASE_URL" -c "select 1"'

What is set: the plan the migration wrote (./vaultshift.plan.json, else the
nearest in a parent directory, up to the repository root): every variable
moved from a .env file, at its location for the environment, chosen as the
app's secrets module chooses it: --env, else VAULTSHIFT_ENV, else NODE_ENV,
else development (prod → production, stage → staging, …). --var and
--path add to it or replace it: given without --plan, only they are used.

Options:
  --plan FILE              the plan to read (default: the nearest vaultshift.plan.json)
  --env NAME               the environment to read; the child gets VAULTSHIFT_ENV=NAME too
  --var NAME=PATH#KEY      set NAME from the field KEY of the secret at PATH (repeatable;
                           #KEY defaults to NAME; PATH as \`vault kv get\` takes it: secret/app/db)
  --path PATH              set every field of the secret at PATH, each under its own name (repeatable)
  --mount MOUNT            --var and --path paths are inside MOUNT (default: the mount is their first segment)
  --app NAME               fills {app} in paths (default: the plan's app)
  --override               Vault's values replace variables already set in the environment
                           (default: a variable already set wins, as with dotenv; its name is said on stderr)
  --shell                  run COMMAND through /bin/sh -c (the words after -- joined with spaces);
                           without it the command runs directly, no shell expansion
  --dry-run                read the secrets (checks access), list the names that would be set
                           and where each comes from, and do not run anything; never a value
  -q, --quiet              say nothing on stderr unless something fails
${VAULT_HELP}

Standard input, output and error are the command's own. SIGINT, SIGTERM,
SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 and SIGWINCH are passed on to it.
Files the migration moved into Vault (a TLS key, a service-account JSON a
variable such as KAFKA_SSL_KEY_PATH or GOOGLE_APPLICATION_CREDENTIALS names by its
path; the plan's "secretFiles"): their content is written into a private
temporary directory (0700, each file 0600, its original name), the variable is
set to that path for COMMAND, and the directory is deleted when COMMAND ends,
exits or dies of a signal. A variable already set in the environment keeps its
value (--override: the file is written); --var NAME=… replaces the file.
There is no option to print values: use \`vault kv get\` where a person must see one.

Exit codes: the command's own; 128+N when it died of signal N; 126 it could
not be executed, 127 not found; 2 when vaultshift could not read the secrets
(the command was not started) or a usage error.
`,
  async run(argv, io) {
    const split = argv.indexOf("--");
    const own = split < 0 ? argv : argv.slice(0, split);
    const command = split < 0 ? [] : argv.slice(split + 1);
    const { values, positionals } = parseCommandArgs(own, OPTIONS, "run");
    if (positionals.length > 0) {
      throw new UsageError(`Put the command after \`--\` (got \`${positionals[0]}\` before it).`, { hint: `For example: vaultshift run -- ${positionals.join(" ")}` });
    }
    const dryRun = values["dry-run"] === true;
    if (command.length === 0 && !dryRun) throw new UsageError("No command to run.", { hint: "Put it after `--`: vaultshift run -- npm test" });

    const explicitEnv = stringOpt(values, "env");
    const mount = stringOpt(values, "mount");
    const flagBindings = ((values.var as string[] | undefined) ?? []).map((s) => parseVarFlag(s, mount));
    const wholePaths: WholePath[] = ((values.path as string[] | undefined) ?? []).map((p) => ({ path: p.replace(/^\/+|\/+$/g, ""), ...(mount !== undefined ? { mount } : {}) }));
    const planOption = stringOpt(values, "plan");
    const usePlan = planOption !== undefined || (flagBindings.length === 0 && wholePaths.length === 0);
    let environment = resolveEnvironment(explicitEnv, io.env);

    let planBindingsList: RunBinding[] = [];
    let fileBindings: FileBinding[] = [];
    let app = stringOpt(values, "app");
    let source = "--var/--path";
    let serving = environment;
    if (usePlan) {
      const file = planOption !== undefined ? resolve(io.cwd, planOption) : findPlanFile(io.cwd);
      if (file === undefined) {
        throw new UsageError(`No vaultshift.plan.json in ${io.cwd} or a parent directory, and no --var or --path: nothing says which secrets to set.`, {
          hint: "Run it in the migrated project (where `vaultshift migrate` wrote its plan), give --plan FILE, or name them: --var NAME=secret/app/db#key, --path secret/app/db.",
        });
      }
      const plan = readPlan(file);
      const shown = relative(io.cwd, file) || file;
      // The app's loader chose `.env.${APP_ENV}` by a variable of its own: it chooses here too.
      if (explicitEnv === undefined) environment = selectedEnvironment(plan, io.env) ?? environment;
      const selected = planBindings(plan, environment, shown);
      planBindingsList = selected.bindings;
      fileBindings = planFileBindings(plan, selected.serving);
      serving = selected.serving;
      app ??= plan.app;
      source = `the plan ${shown}`;
    }
    for (const b of [...flagBindings, ...wholePaths]) {
      if (/\{app\}/.test(b.path) && app === undefined) throw new UsageError(`The path ${b.path} uses {app}, but no app is known.`, { hint: "Give --app NAME." });
    }
    // A --var of a file's variable replaces the file; a variable the environment already sets keeps its value (unless --override).
    fileBindings = fileBindings.filter((f) => !flagBindings.some((b) => b.name === f.name) && (values.override === true || io.env[f.name] === undefined));
    const bindings = mergeBindings(planBindingsList, fileBindings, flagBindings);

    const addr = stringOpt(values, "vault-addr");
    const namespace = stringOpt(values, "vault-namespace");
    const client = new VaultClient({ env: io.env, cacheTtl: 0, renew: false, ...(addr ? { address: addr } : {}), ...(namespace ? { namespace } : {}) });
    let read;
    try {
      read = await readValues(client, { bindings, wholePaths, environment: serving, address: client.address, ...(app !== undefined ? { app } : {}) });
    } finally {
      client.close();
    }
    // Secret files: their content stays out of the environment; the variable names the file written from it.
    const fileContents = new Map<string, string>();
    for (const f of fileBindings) {
      const content = read.values.get(f.name);
      if (content === undefined) continue;
      fileContents.set(f.name, content);
      read.values.delete(f.name);
      read.origins.set(f.name, `${read.origins.get(f.name)} (a file's content: written to a private temporary file, ${f.name} set to its path)`);
    }
    const childEnv: NodeJS.ProcessEnv = { ...io.env };
    if (explicitEnv !== undefined) childEnv.VAULTSHIFT_ENV = environment;
    const merged = mergeEnvironment(childEnv, read.values, values.override === true);
    const quiet = values.quiet === true;

    if (dryRun) {
      io.stdout(dryRunReport(source, app, serving, environment, read.origins, merged.kept, command));
      if (read.skippedKeys.length > 0) io.stdout(`  not set (no variable name): ${read.skippedKeys.join(", ")}\n`);
      return 0;
    }
    if (!quiet) {
      if (merged.kept.length > 0) {
        io.stderr(`vaultshift run: ${merged.kept.join(", ")} already set in the environment: kept, Vault's value${merged.kept.length === 1 ? " is" : "s are"} not used (--override to use ${merged.kept.length === 1 ? "it" : "them"}).\n`);
      }
      if (read.skippedKeys.length > 0) io.stderr(`vaultshift run: not set, no variable name: ${read.skippedKeys.join(", ")}.\n`);
    }
    let written: WrittenFiles | undefined;
    if (fileContents.size > 0) {
      written = writeSecretFiles(fileBindings, fileContents);
      for (const [name, path] of written.paths) merged.env[name] = path;
    }
    try {
      return await runChild(command, { env: merged.env, cwd: io.cwd, shell: values.shell === true }, (message) => io.stderr(`vaultshift run: ${message}\n`));
    } finally {
      written?.remove();
    }
  },
};

/** Names and where each comes from; the command by its program only (its arguments are the user's, and may hold anything). */
function dryRunReport(source: string, app: string | undefined, serving: string, environment: string, origins: Map<string, string>, kept: string[], command: string[]): string {
  const keptSet = new Set(kept);
  const names = [...origins.keys()].sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  const env = serving === environment ? `"${environment}"` : `"${environment}", served by "${serving}"`;
  const lines = [
    `Dry run: ${command.length > 0 ? `\`${command[0]}\`` : "the command"} would get ${names.length - kept.length} variable${names.length - kept.length === 1 ? "" : "s"} from Vault (${source}${app !== undefined ? `, app ${app}` : ""}, environment ${env}); all were read:`,
    ...names.map((n) => `  ${n.padEnd(width)}  ${keptSet.has(n) ? "kept from the environment (--override to use Vault's)" : `← ${origins.get(n)}`}`),
  ];
  return `${lines.join("\n")}\n`;
}
