import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError, PlanError } from "../errors.js";
import { BASE_LAYER_ENVIRONMENT, environmentsOfFiles } from "../map/environment.js";
import { DEFAULT_PLAN_FILE } from "../plan/plan-file.js";
import type { Plan } from "../plan/types.js";
import { setInEnvironment } from "../plan/config-secrets.js";

// Which environment variables `vaultshift run` sets, and where in Vault each
// value lives. The source is the plan the migration wrote and committed
// (vaultshift.plan.json: env name → mount, path per environment, key; no
// values), read by the same rule the generated secrets module uses, so the
// program started by `run` gets what the app's own code gets. Flags can name
// bindings directly (`--var NAME=secret/app/db#password`, `--path`).

/** One variable to set: its name and where its value lives (paths as `vault kv get` takes them). */
export interface RunBinding {
  name: string;
  /** Inside `mount` when given, else with the mount in front (`secret/shop/production/database`). */
  path: string;
  key: string;
  mount?: string;
}

/** An environment variable name a POSIX shell can export. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The plan file for `cwd`: ./vaultshift.plan.json, else the nearest one in a
 * parent directory (an npm script of a workspace package runs in its own
 * directory, the plan may sit at the repository's root). Stops at a
 * directory holding `.git`.
 */
export function findPlanFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, DEFAULT_PLAN_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, ".git"))) return undefined;
    dir = parent;
  }
}

export interface PlanSelection {
  /** The environment whose locations are read (the running one, or the one serving it). */
  serving: string;
  bindings: RunBinding[];
  /** Every environment the plan knows, for messages. */
  known: string[];
}

/**
 * The bindings of `plan` for `environment`, as the generated secrets module
 * chooses them: the environment's own locations over the shared base layer
 * (a layered base `.env`); when the project's only files are plain `.env`
 * files, their environment serves every environment; an environment nobody
 * migrated is refused, naming the known ones. Only names that were
 * environment variables (moved from a .env file) are set: a hard-coded
 * literal was never in the environment, and stays out of it.
 */
export function planBindings(plan: Plan, environment: string, file: string): PlanSelection {
  // Also what an earlier migration moved from a .env file and this plan carried forward.
  const fromEnvFiles = new Set([...plan.secrets.filter((s) => setInEnvironment(s.source)).map((s) => s.name), ...(plan.carried ?? []).filter((c) => c.from === "dotenv").map((c) => c.name)]);
  const bindings = plan.bindings.filter((b) => fromEnvFiles.has(b.envName));
  const files = plan.secretFiles ?? [];
  if (bindings.length === 0 && files.length === 0) {
    throw new PlanError(`The plan ${file} moves no environment variable to Vault (${plan.secrets.length === 0 ? "it moves nothing" : "only hard-coded literals, which were never in the environment"}): there is nothing for \`vaultshift run\` to set.`, {
      hint: "Name what to set with --var NAME=PATH#KEY or --path PATH, or run the command without vaultshift.",
    });
  }
  const envFiles = environmentsOfFiles(plan.envFiles);
  // Secret files (src/run/secret-files.ts) count as what an environment migrated, too.
  const located = [...bindings.map((b) => b.environments), ...files.map((f) => f.environments)];
  const known = [...new Set([...located.flatMap((e) => Object.keys(e)), ...(envFiles.environments ?? [])])].filter((e) => e !== BASE_LAYER_ENVIRONMENT).sort();
  const layered = located.some((e) => BASE_LAYER_ENVIRONMENT in e);
  const fallback = envFiles.fallbackEnvironment !== undefined && known.includes(envFiles.fallbackEnvironment) ? envFiles.fallbackEnvironment : undefined;
  const serving = known.includes(environment) ? environment : (fallback ?? environment);
  if (!known.includes(serving) && !layered && known.length > 0) {
    throw new UsageError(`No secrets of ${plan.app} were migrated for the environment "${environment}" (the plan ${file} knows: ${known.join(", ")}).`, {
      hint: `Choose one with --env NAME (or VAULTSHIFT_ENV / NODE_ENV), e.g. \`vaultshift run --env ${known[0]} -- …\`.`,
    });
  }
  const out: RunBinding[] = [];
  for (const b of [...bindings].sort((x, y) => x.envName.localeCompare(y.envName))) {
    const location = b.environments[serving] ?? b.environments[BASE_LAYER_ENVIRONMENT];
    if (location !== undefined) out.push({ name: b.envName, mount: b.mount, path: location.path, key: b.key });
  }
  return { serving, bindings: out, known };
}

/**
 * The environment the plan's loader variable selects (`APP_ENV=staging` → staging;
 * src/map/environment-selector.ts), as the generated secrets module selects it:
 * after VAULTSHIFT_ENV, before NODE_ENV. Undefined when the plan has none or the
 * variable is unset (and the loader had no fallback).
 */
export function selectedEnvironment(plan: Plan, env: Record<string, string | undefined>): string | undefined {
  const selector = environmentsOfFiles(plan.envFiles).selector;
  if (selector === undefined || env.VAULTSHIFT_ENV !== undefined) return undefined;
  const value = env[selector.variable] || selector.fallback;
  if (!value) return undefined;
  return Object.prototype.hasOwnProperty.call(selector.values, value) ? selector.values[value] : value;
}

/**
 * `NAME=PATH#KEY` (`DB_PASSWORD=secret/shop/production/database#password`);
 * `NAME=PATH` takes the key NAME. PATH is as `vault kv get` takes it, the
 * mount in front (or inside `mount` when --mount is given).
 */
export function parseVarFlag(text: string, mount: string | undefined): RunBinding {
  const eq = text.indexOf("=");
  const name = eq < 0 ? "" : text.slice(0, eq);
  const location = text.slice(eq + 1);
  const hash = location.lastIndexOf("#");
  const path = (hash < 0 ? location : location.slice(0, hash)).replace(/^\/+|\/+$/g, "");
  const key = hash < 0 ? name : location.slice(hash + 1);
  if (!ENV_NAME.test(name) || path === "" || key === "") {
    throw new UsageError(`--var ${JSON.stringify(text)} is not NAME=PATH#KEY.`, {
      hint: "Example: --var DB_PASSWORD=secret/shop/production/database#password (the key defaults to NAME).",
    });
  }
  return { name, path, key, ...(mount !== undefined ? { mount } : {}) };
}

/** Later bindings of a name replace earlier ones (flags over the plan). */
export function mergeBindings(...lists: RunBinding[][]): RunBinding[] {
  const byName = new Map<string, RunBinding>();
  for (const list of lists) for (const b of list) byName.set(b.name, b);
  return [...byName.values()];
}
