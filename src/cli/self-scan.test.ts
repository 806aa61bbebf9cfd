import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// vaultshift scans itself: the repository, as a developer's checkout holds it,
// gives no finding. Only the fixtures (labelled corpora and apps whose fake
// secrets are the point) and HashiCorp's API documentation samples are left
// out, by .ci/self-scan.json; every other example value in code, tests and
// docs carries a `vaultshift:allow` comment or is built at run time.

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const config = join(repoRoot, ".ci", "self-scan.json");

test("the repository's own scan (fixtures and the Vault docs' samples left out) finds nothing", () => {
  const excluded = (JSON.parse(readFileSync(config, "utf8")) as { exclude: string[] }).exclude;
  for (const path of excluded) assert.ok(existsSync(join(repoRoot, path)), `${path} in .ci/self-scan.json does not exist: drop it`);
  const run = spawnSync(process.execPath, [join(repoRoot, "bin", "vaultshift.js"), "scan", repoRoot, "--config", config, "--format", "json"], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  assert.ok(run.status === 0 || run.status === 1, `scan exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { findings: { file: string; line: number; ruleId: string; redacted: string }[]; summary: { filesScanned: number } };
  assert.ok(report.summary.filesScanned > 300, `only ${report.summary.filesScanned} files scanned`);
  // Redacted forms only: a finding here may be a real secret.
  assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.redacted}`), [], "add `vaultshift:allow` to an example, build a test value at run time, or remove a real secret");
  assert.equal(run.status, 0);
});
