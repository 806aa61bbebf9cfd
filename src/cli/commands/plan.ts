import { resolve } from "node:path";
import type { Command } from "../io.js";
import { parseCommandArgs, stringOpt } from "../args.js";
import { UsageError } from "../../errors.js";
import { VaultConnectionError } from "../../runtime/errors.js";
import { plan } from "../../migrate/index.js";
import { DEFAULT_PLAN_FILE, writePlan } from "../../plan/plan-file.js";
import { VAULT_HELP, VAULT_OPTIONS, planSummary, progressPrinter, vaultConnection } from "../../migrate/cli-support.js";

export const planCommand: Command = {
  name: "plan",
  summary: "Decide where each secret goes; write a reviewable plan without secret values",
  help: `Usage: vaultshift plan [PATH] [--app NAME] [--mount secret] [--out vaultshift.plan.json] [--no-history] [--offline]

Finds the secrets in PATH (default: the current directory) — .env files and
hard-coded literals in JS/TS — decides where each goes in Vault KV v2, and
writes a plan: sources, targets, fingerprints, redacted diffs of the code and
.env changes, warnings. The plan holds no secret value; review and commit it,
then run \`vaultshift apply\`.

A secret in a JSON, JSON-with-comments or YAML config file moves when the
file's loader reads an environment variable over it (nconf with .env('__'),
node-config's custom-environment-variables file, rc, a \${NAME} the loader
substitutes, a convict schema's env): it leaves the file and
\`vaultshift run --\` sets the variable (config-env); so does the secret default
of Strapi's env('NAME', …) and of a convict schema leaf. A secret file a .env
variable names by its path (KAFKA_SSL_KEY_PATH=certs/client.key,
GOOGLE_APPLICATION_CREDENTIALS=./sa.json; up to 64 KiB, base64 when not text)
moves whole to <app>/<environment>/files#<variable>: apply deletes the file
(rollback restores it), keeps the variable in .env, and runs what starts the
app under \`vaultshift run --\` (npm scripts running node; a root Procfile
line, the last Dockerfile stage's CMD/ENTRYPOINT when that stage copies the
project, a systemd unit's ExecStart=; pm2 and compose entries are named with
the new line), which writes the content to a private temporary file and sets
the variable to its path (secret-file); refused, with the reason, for a path
leaving the project or naming a directory, a larger file, a variable
something vaultshift does not start also reads, or an app nothing the plan
can rewrite starts. A shell script an npm script runs that sources a .env
whose secrets move, for a program other than node (envsubst, psql), runs under
\`vaultshift run --env <environment> --\`; one run by hand or by make, and a
template reading \`\${NAME}\`, is named with the command to use (outside-use).
Left where they are, with a warning: secrets in config files no such loader reads (a plain
require(), an array element), other non-code files and real-looking ones in .env templates (.env.example, and a .env.defaults
nothing is seen to load) (not-migrated: move them by hand), VAULT_*/VAULTSHIFT_* variables (the
app needs them to reach Vault), NEXT_PUBLIC_/VITE_/… values and variables a
bundler's define inlines (shipped to the browser). With layered .env files
(.env.development beside .env, or next/vite/nuxt/astro/dotenv-flow in the
dependencies) .env is the base every environment reads; a .env.defaults that
dotenv-defaults/dotenv-mono/dotenv-flow or the code loads into process.env is
the lowest layer of every environment (shared), one the code parses itself is
kept (not-migrated). When code loads two
.env files one after the other, the first wins as in dotenv: the later file's
value for that name, never read, is removed and not stored (shadowed), when
the first file is committed; a git-ignored or *.local first file may be
missing elsewhere, so two different values stop the plan. Code
that passes process.env on whole or reads it by a computed name gets
processEnv (the environment plus the secrets). A child process or worker
given an object-literal env gets ...vaultEnv (the Vault connection variables)
added. Warned about, with the place and what to do: npm scripts, compose
files, Procfiles, shell scripts and Python/Ruby/Go/PHP programs that read a
moved variable (outside-use),
Cloudflare Worker bindings (worker-bindings), an env the rewriter cannot extend
(child-env), code that parses .env files itself (env-file-parse) or writes
one that holds moved secrets (env-file-write), tests that stub a moved name
with vi.stubEnv or jest.replaceProperty (test-env-stub; under vitest or Jest the
secrets module fills process.env, so stubs still reach the code), a .env file
named for an environment nothing in the project selects (unselected-environment;
a Firebase functions/.env.<projectId> is selected by the project), the comment
or the part after '#' that goes with a removed .env line (env-line-rest), a read through
a name for process or env that the file binds again (rewrite-skipped), code a
browser bundle reaches ("use client", DOM use, a browser build entry and what
it imports: never rewritten, browser-exposed), names only a library or
framework reads (set in process.env by the secrets module where .env is
loaded: library-read; when no JavaScript of the app reads them and no secrets
module is written, whatever loaded them needs \`vaultshift run\`: unread-by-app),
import.meta.env/SvelteKit $env reads (build-time-env).

Options:
  --app NAME               the <app> of Vault paths (default: package.json name)
  --mount MOUNT            KV v2 mount (default: secret)
  --no-history             do not scan git history for committed secrets
  --out FILE               where to write the plan (default: PATH/${DEFAULT_PLAN_FILE})
  --offline                do not ask Vault for the current versions
${VAULT_HELP}
A project migrated before keeps its committed plan's bindings: they are carried
into the new plan ("kept NAME → path"), not moved or verified again.
When VAULT_ADDR (or --vault-addr) is set, the plan records each target's
current version so that apply can tell if someone wrote it meanwhile.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { app: { type: "string" }, mount: { type: "string" }, "no-history": { type: "boolean" }, out: { type: "string" }, offline: { type: "boolean" }, ...VAULT_OPTIONS }, "plan");
    if (positionals.length > 1) throw new UsageError(`plan takes one PATH, got ${positionals.length}.`);
    const root = resolve(io.cwd, positionals[0] ?? ".");
    const useVault = !values.offline && Boolean(stringOpt(values, "vault-addr") ?? io.env.VAULT_ADDR);
    const app = stringOpt(values, "app");
    const mount = stringOpt(values, "mount");
    const options = { root, env: io.env, onProgress: progressPrinter(io), history: values["no-history"] !== true, ...(app ? { app } : {}), ...(mount ? { mount } : {}) };
    let p;
    try {
      p = await plan({ ...options, ...(useVault ? { vault: vaultConnection(values, io) } : {}) });
    } catch (error) {
      // Vault is optional at plan time: without it the plan just does not record current versions.
      if (!(error instanceof VaultConnectionError)) throw error;
      io.stderr(`note: Vault is not reachable (${error.message}); planning without the current versions. apply still writes with check-and-set.\n`);
      p = await plan(options);
    }
    const out = resolve(io.cwd, stringOpt(values, "out") ?? resolve(root, DEFAULT_PLAN_FILE));
    writePlan(p, out);
    io.stdout(planSummary(p));
    const applyArg = out === resolve(io.cwd, DEFAULT_PLAN_FILE) ? "" : ` ${out}`;
    io.stdout(`Plan written to ${out}. Review it, then run \`vaultshift apply${applyArg} --dry-run\` and \`vaultshift apply${applyArg} --yes\`.\n`);
    return 0;
  },
};
