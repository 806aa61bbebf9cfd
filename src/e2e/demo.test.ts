import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../cli/main.js";
import { PACKAGE_ROOT } from "../demo/demo.js";
import { plantedValues, tempBase } from "./harness.js";

// `vaultshift demo` as a user runs it: one command, no Vault, no input.

const tmp = tempBase("demo-command");
after(() => tmp.remove());

test("vaultshift demo migrates the demo app, proves it unchanged, writes the reports, and prints no secret", { timeout: 120_000 }, async () => {
  const reports = join(tmp.dir, "reports");
  const r = await runCli(["demo", "--reports", reports], { cwd: tmp.dir, env: { PATH: process.env.PATH ?? "", HOME: tmp.dir }, isTTY: false });
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /5\. After +development [0-9a-f]{12} same +staging [0-9a-f]{12} same +production [0-9a-f]{12} same/);
  assert.match(r.stdout, /zero secrets left · 15 secrets in Vault, 15 verified by read-back/);
  assert.match(r.stdout, /without a Vault token the app refuses to start/);
  assert.deepEqual(readdirSync(reports).sort(), ["migration-report.html", "migration-report.json", "migration-report.md", "migration-report.sarif"]);
  const written = readdirSync(reports).map((f) => readFileSync(join(reports, f), "utf8"));
  const planted = plantedValues(join(PACKAGE_ROOT, "fixtures", "demo-app"));
  assert.ok(planted.length >= 10);
  for (const value of planted) {
    assert.ok(!r.stdout.includes(value) && !r.stderr.includes(value), `the demo printed a planted value (${value.slice(0, 6)}…)`);
    for (const text of written) assert.ok(!text.includes(value), `a report holds a planted value (${value.slice(0, 6)}…)`);
  }
  const json = JSON.parse(readFileSync(join(reports, "migration-report.json"), "utf8"));
  assert.equal(json.verdict, "zero-secrets");
  assert.equal(json.secrets.filter((s: { inGitHistory?: boolean }) => s.inGitHistory).length, 15, "the demo commits the app first, so every secret needs rotating");
});

test("vaultshift demo --help documents the options", async () => {
  const r = await runCli(["demo", "--help"]);
  assert.equal(r.exitCode, 0);
  assert.match(r.stdout, /--reports DIR/);
  assert.match(r.stdout, /--keep/);
});
