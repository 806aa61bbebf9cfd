import { test } from "node:test";
import assert from "node:assert/strict";
import { OWN_OUTPUT_NAMES, isOwnOutput } from "./own-outputs.js";
import { DEFAULT_BASELINE_FILE } from "./baseline.js";
import { DEFAULT_PLAN_FILE } from "../plan/plan-file.js";
import { REPORT_FORMATS } from "../report/migration-report.js";

test("the own-output names follow the plan, baseline and report names the writers use", () => {
  const written = [DEFAULT_PLAN_FILE, DEFAULT_BASELINE_FILE, ...REPORT_FORMATS.map((f) => `migration-report.${f}`)];
  assert.deepEqual([...OWN_OUTPUT_NAMES].sort(), written.sort());
});

test("matched by file name at any depth, not by a similar name", () => {
  assert.ok(isOwnOutput("vaultshift.plan.json"));
  assert.ok(isOwnOutput("apps/api/vaultshift.plan.json"));
  assert.ok(isOwnOutput("reports/migration-report.sarif"));
  assert.ok(isOwnOutput("audit/2026/migration-report.html"));
  assert.ok(!isOwnOutput("my-vaultshift.plan.json"));
  assert.ok(!isOwnOutput("vaultshift.plan.json.bak"));
  assert.ok(!isOwnOutput("migration-report.txt"));
  assert.ok(!isOwnOutput(".env"));
});
