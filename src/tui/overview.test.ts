import { test } from "node:test";
import assert from "node:assert/strict";
import type { Plan, PlannedSecret } from "../plan/types.js";
import { overview, warningSeverity } from "./overview.js";

const secret = (id: string, file: string, environment: string, extra: Partial<PlannedSecret> = {}): PlannedSecret =>
  ({ id, name: id.toUpperCase(), environment, source: { type: "dotenv", file, line: 1, column: 1, name: id }, duplicates: [], ...extra }) as PlannedSecret;

test("overview counts secrets, their files and environments, files to change, warnings by severity, git history", () => {
  const plan = {
    secrets: [
      secret("a", ".env", "development"),
      secret("b", ".env.production", "production", { inGitHistory: true }),
      secret("c", "src/pay.js", "shared", { duplicates: [{ type: "literal", file: "src/mail.js", line: 3, column: 1, name: "k" }] }),
    ],
    config: [{}, {}],
    targets: [{}, {}],
    files: [
      { file: "src/pay.js", beforeHash: "x" },
      { file: "src/secrets.js", beforeHash: null },
    ],
    warnings: [{ code: "history-only" }, { code: "browser-exposed" }, { code: "rewrite-differs" }, { code: "duplicate-value" }, { code: "some-new-code" }],
  } as unknown as Plan;
  assert.deepEqual(overview(plan), {
    secrets: 3,
    sourceFiles: 4,
    environments: ["development", "production", "shared"],
    config: 2,
    filesCreated: 1,
    filesChanged: 1,
    targets: 2,
    warnings: { high: 2, medium: 2, low: 1 },
    historyOnly: 1,
    inGitHistory: 1,
  });
});

test("warnings that leave a value exposed are high; unknown codes medium", () => {
  assert.equal(warningSeverity({ code: "in-git-history" }), "high");
  assert.equal(warningSeverity({ code: "browser-exposed" }), "high");
  assert.equal(warningSeverity({ code: "never-seen-before" }), "medium");
  assert.equal(warningSeverity({ code: "duplicate-value" }), "low");
});
