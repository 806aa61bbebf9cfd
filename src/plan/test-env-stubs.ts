import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlannedSecret, PlanWarning } from "./types.js";

// Test helpers that set a variable in the real process.env for one test and
// put it back after: vitest's `vi.stubEnv("X", value)` and Jest's
// `jest.replaceProperty(process.env, "X", value)`. The rewriter turns the
// app's reads of a migrated name into `secrets.X`, which reads the secrets
// module's overlay (written through `process.env.X = …` in rewritten code,
// never through these helpers): a test that stubs X to check what the code
// does with it would no longer reach that code. Since session 13 the secrets
// module, under vitest or Jest (VITEST / JEST_WORKER_ID), puts the values in
// process.env as the .env loader did and reads them from there, so the stubs
// work as before; each stub is still named, with what the test run now needs
// (Vault, or VAULTSHIFT_SECRETS_FROM_ENV=1).

const STUB = /\b(?:vi|vitest)\s*\.\s*stubEnv\s*\(\s*(["'`])([A-Za-z_][\w]*)\1|\bjest\s*\.\s*replaceProperty\s*\(\s*process\s*\.\s*env\s*,\s*(["'`])([A-Za-z_][\w]*)\3/g;

export function testEnvStubs(root: string, secrets: PlannedSecret[], sourceFiles: string[]): PlanWarning[] {
  const moved = new Set(secrets.filter((s) => s.source.type === "dotenv").map((s) => s.name));
  if (moved.size === 0) return [];
  const warnings: PlanWarning[] = [];
  for (const file of sourceFiles) {
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    if (!text.includes("stubEnv") && !text.includes("replaceProperty")) continue;
    for (const m of text.matchAll(STUB)) {
      const name = m[2] ?? m[4]!;
      if (!moved.has(name)) continue;
      const line = text.slice(0, m.index).split("\n").length;
      const how = m[2] !== undefined ? "vi.stubEnv" : "jest.replaceProperty(process.env, …)";
      warnings.push({
        code: "test-env-stub",
        file,
        line,
        message: `${file}:${line}: this test sets ${name} with ${how}, in the real process.env. Under ${m[2] !== undefined ? "vitest (VITEST is set)" : "Jest (JEST_WORKER_ID is set)"} the secrets module, when it is first loaded in the test process, puts the migrated values in process.env, as the .env loader did, and secrets.${name} reads process.env, so the stub reaches the code under test as before; a process that loaded the secrets module before the test runner set that variable (a script running the tests in its own process) still reads the migrated value. The test run now loads the secrets from Vault: give it VAULT_ADDR and a token, or VAULTSHIFT_SECRETS_FROM_ENV=1 with the values it needs in its environment.`,
      });
    }
  }
  return warnings;
}
