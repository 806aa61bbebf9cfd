import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlannedSecret, PlanWarning } from "./types.js";

// Test helpers that set a variable in the real process.env for one test and
// put it back after: vitest's `vi.stubEnv("X", value)` and Jest's
// `jest.replaceProperty(process.env, "X", value)`. The rewriter turns the
// app's reads of a migrated name into `secrets.X`, which reads the secrets
// module's overlay (written through `process.env.X = …` in rewritten code,
// never through these helpers): a test that stubs X to check what the code
// does with it no longer reaches that code. The plan names each such stub
// (since round 10); the rewrite itself is not changed.

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
        message: `${file}:${line}: this test sets ${name} with ${how}, in the real process.env; after the migration the app's code reads secrets.${name} from the secrets module, which that stub does not reach, so the code under test sees the migrated value instead of the stubbed one. Give the code under test its value another way (mock the secrets module, vi.mock / jest.mock, or pass the value in) before migrating these tests.`,
      });
    }
  }
  return warnings;
}
