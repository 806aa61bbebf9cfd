import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_PLAN_FILE, readPlan } from "./plan-file.js";
import { isSecretsModuleFile } from "./project.js";
import { setInEnvironment } from "./config-secrets.js";
import type { CarriedBinding, Plan, PlanWarning, SecretBinding } from "./types.js";

// A project migrated before: its committed plan records where each secret
// went, its generated secrets module reads them from Vault, and `vaultshift
// run` and the app's policy are built from the plan. A later plan finds only
// what is new (the moved values are no longer in the tree), so without the
// earlier bindings it would regenerate the module, the policy and the plan
// with the new secrets alone: the app would lose every secret it already
// reads from Vault, without a word. The new plan carries those bindings
// forward: what an earlier migration moved and the project still reads from
// Vault (the secrets module names it, or, for a program without one, its .env
// no longer holds it).

export interface Carried {
  bindings: SecretBinding[];
  carried: CarriedBinding[];
  warnings: PlanWarning[];
}

/** The committed plan of an earlier migration, when there is one this plan follows (same app and mount). */
function previousPlan(root: string, app: string, mount: string, warnings: PlanWarning[]): Plan | undefined {
  const file = join(root, DEFAULT_PLAN_FILE);
  if (!existsSync(file)) return undefined;
  let previous: Plan;
  try {
    previous = readPlan(file);
  } catch (error) {
    warnings.push({
      code: "previous-plan",
      file: DEFAULT_PLAN_FILE,
      message: `${DEFAULT_PLAN_FILE} could not be read (${(error as Error).message}), so what an earlier migration moved is not carried into this plan: a secrets module or policy written from this plan alone would drop it. Restore the committed plan (git checkout ${DEFAULT_PLAN_FILE}) and plan again.`,
    });
    return undefined;
  }
  if (previous.app !== app || previous.mount !== mount) {
    warnings.push({
      code: "previous-plan",
      file: DEFAULT_PLAN_FILE,
      message: `${DEFAULT_PLAN_FILE} is the plan of ${previous.app} on the mount ${previous.mount}, not of ${app} on ${mount}: its bindings are not carried into this plan.`,
    });
    return undefined;
  }
  return previous;
}

/**
 * The bindings of the earlier plan that this one lacks and the project still reads from Vault.
 * `planned`: the names this plan binds; `inEnvFiles`: every name the .env files hold now; `sourceFiles`: the project's code.
 */
export function carriedBindings(root: string, app: string, mount: string, planned: ReadonlySet<string>, inEnvFiles: ReadonlySet<string>, sourceFiles: readonly string[]): Carried {
  const warnings: PlanWarning[] = [];
  const previous = previousPlan(root, app, mount, warnings);
  if (!previous) return { bindings: [], carried: [], warnings };
  // The generated module where the earlier plan put it, or wherever one is now (a plan that changed no code records none).
  const moduleFiles = new Set([previous.secretsModule?.file, previous.secretsModule?.companion?.file, ...sourceFiles.filter(isSecretsModuleFile)]);
  const moduleText = [...moduleFiles]
    .filter((f): f is string => f !== undefined)
    .map((f) => {
      try {
        return readFileSync(join(root, f), "utf8");
      } catch {
        return "";
      }
    })
    .join("\n");
  const inModule = (name: string) => new RegExp(`\\b${name}\\b`).test(moduleText);
  const fromEnv = new Set([...previous.secrets.filter((s) => setInEnvironment(s.source)).map((s) => s.name), ...(previous.carried ?? []).filter((c) => c.from === "dotenv").map((c) => c.name)]);
  const bindings: SecretBinding[] = [];
  const carried: CarriedBinding[] = [];
  const take = (b: SecretBinding, from: CarriedBinding["from"]) => {
    if (planned.has(b.envName) || carried.some((c) => c.name === b.envName)) return;
    // Still read from Vault: the module reads it, or (no module: another language, `vaultshift run`) the .env lost it.
    const applied = inModule(b.envName) || (from === "dotenv" && moduleText === "" && !inEnvFiles.has(b.envName));
    if (!applied) return;
    bindings.push(b);
    carried.push({ name: b.envName, from, planId: previous.carried?.find((c) => c.name === b.envName)?.planId ?? previous.id });
  };
  for (const b of previous.bindings) take(b, fromEnv.has(b.envName) ? "dotenv" : "literal");
  for (const l of previous.literals) take({ envName: l.name, mount: l.mount, path: l.path, key: l.key, environments: { shared: { path: l.path } } }, "literal");
  return { bindings, carried, warnings };
}
