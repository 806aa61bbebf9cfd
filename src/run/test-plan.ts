import { writeFileSync } from "node:fs";
import { planId } from "../plan/plan-file.js";
import type { Plan, PlannedSecret, SecretBinding } from "../plan/types.js";

// A plan as `vaultshift plan` writes it, reduced to what `vaultshift run`
// reads (bindings, the secrets' sources, the .env files), for run's tests.

export interface TestVariable {
  name: string;
  /** Environment → path (inside `mount`); "shared" for a layered base .env or a literal. */
  environments: Record<string, string>;
  key?: string;
  /** Hard-coded in code, not read from a .env file. */
  literal?: boolean;
}

export function testPlan(app: string, variables: TestVariable[], envFiles: Plan["envFiles"] = [], mount = "secret"): Plan {
  const secrets: PlannedSecret[] = variables.flatMap((v, i) =>
    Object.entries(v.environments).map(([environment, path], j) => ({
      id: `s${i}-${j}`,
      name: v.name,
      kind: "generic-secret" as PlannedSecret["kind"],
      confidence: 0.9,
      reason: "test",
      environment,
      source: { type: v.literal ? ("literal" as const) : ("dotenv" as const), file: v.literal ? "src/app.js" : environment === "production" ? ".env.production" : ".env", line: 1, column: 1, name: v.name },
      duplicates: [],
      target: { mount, path, key: v.key ?? v.name },
      fingerprint: "0".repeat(64),
      redacted: "x…(8 chars)",
    })),
  );
  const bindings: SecretBinding[] = variables.map((v) => ({
    envName: v.name,
    mount,
    path: Object.values(v.environments)[0]!,
    key: v.key ?? v.name,
    environments: Object.fromEntries(Object.entries(v.environments).map(([e, path]) => [e, { path }])),
  }));
  const body: Omit<Plan, "id"> = {
    format: "vaultshift-plan",
    version: 1,
    createdAt: "2026-11-24T00:00:00.000Z",
    app,
    projectId: `test-${app}`,
    mount,
    salt: "00",
    secrets,
    config: [],
    targets: [],
    files: [],
    bindings,
    literals: [],
    policy: { name: `${app}-read`, hcl: "" },
    secretsModule: null,
    envFiles,
    warnings: [],
  };
  return { ...body, id: planId(body) } as Plan;
}

export function writeTestPlan(file: string, plan: Plan): void {
  writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
}
