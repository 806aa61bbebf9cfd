import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { FileAccessError, PlanError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { Plan } from "./types.js";

// vaultshift.plan.json: written for people to review and commit (sorted,
// indented, no value), read back and checked before anything is applied.

export const DEFAULT_PLAN_FILE = "vaultshift.plan.json";

/** sha256 of the plan's content (without `id`): a changed plan is a different plan. */
export function planId(body: Omit<Plan, "id">): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 32);
}

export function writePlan(plan: Plan, file: string): void {
  writeFileAtomic(file, `${JSON.stringify(plan, null, 2)}\n`, { mode: 0o644 });
}

export function readPlan(file: string): Plan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new FileAccessError(`Could not read the plan ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}.`, {
      cause: error,
      hint: "Create one with `vaultshift plan`, or give the plan's path.",
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PlanError(`${file} is not valid JSON.`, { cause: error, hint: "Re-create it with `vaultshift plan`." });
  }
  return validatePlan(data, file);
}

export function validatePlan(data: unknown, file: string): Plan {
  const p = data as Partial<Plan>;
  const problems: string[] = [];
  if (typeof data !== "object" || data === null) problems.push("not an object");
  else {
    if (p.format !== "vaultshift-plan") problems.push('"format" is not "vaultshift-plan"');
    if (p.version !== 1) problems.push(`unsupported "version" ${String(p.version)}`);
    for (const key of ["id", "app", "mount", "salt", "projectId"] as const) if (typeof p[key] !== "string") problems.push(`"${key}" is missing`);
    for (const key of ["secrets", "targets", "files", "bindings", "literals", "envFiles", "warnings", "config"] as const) if (!Array.isArray(p[key])) problems.push(`"${key}" is not a list`);
  }
  if (problems.length > 0) {
    throw new PlanError(`${file} is not a vaultshift plan: ${problems.join("; ")}.`, { hint: "Re-create it with `vaultshift plan`." });
  }
  const { id, ...body } = p as Plan;
  if (planId(body) !== id) {
    throw new PlanError(`${file} was edited after it was created (its id no longer matches its content).`, {
      hint: "Plans are not meant to be edited by hand: change the config or the sources and run `vaultshift plan` again.",
    });
  }
  return p as Plan;
}
