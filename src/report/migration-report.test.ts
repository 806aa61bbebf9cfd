import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderReport, writeReports } from "./migration-report.js";
import { sampleReportInput } from "./migration-sample.js";
import type { ReportInput } from "../plan/types.js";

const hostile: Partial<ReportInput> = {
  app: `shop<script>alert(1)</script>`,
  config: [{ name: "TITLE", file: `src/<img src=x onerror=alert(1)>|.env`, line: 1, verdict: "config", reason: `a | pipe & "quotes" <b>bold</b>` }],
  warnings: [{ code: "x", file: "a.js", line: 1, message: "</td></tr><script>alert(2)</script>" }],
};

test("HTML is one self-contained file: no script, no external asset, everything escaped", () => {
  const html = renderReport(sampleReportInput(hostile), "html");
  assert.match(html, /^<!doctype html>/);
  assert.ok(!/<script/i.test(html), "no script element, not even injected");
  assert.ok(!/<img/i.test(html), "no injected element");
  assert.ok(!/\b(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html), "no external asset");
  assert.match(html, /shop&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /a \| pipe &amp; &quot;quotes&quot; &lt;b&gt;bold&lt;\/b&gt;/);
  assert.match(html, /<svg [^>]*role="img"/, "the chart is inline SVG");
});

test("HTML: verdict, a table per environment, rotation and manual actions", () => {
  const html = renderReport(sampleReportInput(), "html");
  assert.match(html, /<h2>Zero secrets left<\/h2>/);
  for (const env of ["development", "staging", "production", "shared"]) assert.match(html, new RegExp(`Environment: ${env} <span class="pill">`));
  assert.match(html, /Rotate 2 secrets\./);
  assert.match(html, /Needs manual action <span class="pill">2<\/span>/);
  // Environments in a reviewer's order: development … production, shared last.
  const order = ["development", "staging", "production", "shared"].map((e) => html.indexOf(`Environment: ${e}`));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  const remaining = renderReport(
    sampleReportInput({ verdict: "secrets-remaining", rescan: { filesScanned: 3, findings: [{ ruleId: "stripe-secret-key", kind: "api-key", severity: "critical", confidence: 1, file: "src/pay.js", line: 3, column: 1, endLine: 3, endColumn: 20, fingerprint: "f", redacted: "sk_l…(32 chars)", reason: "r" }] } }),
    "html",
  );
  assert.match(remaining, /<h2>Secrets remain<\/h2>/);
  assert.match(remaining, /Still in the working tree <span class="pill">1<\/span>/);
});

test("Markdown escapes table cells and lists every migrated secret with its Vault location", () => {
  const text = renderReport(sampleReportInput(hostile), "md");
  assert.match(text, /^# Migration report: shop\\<script\\>alert\(1\)\\<\/script\\>/);
  assert.match(text, /a \\\| pipe & "quotes" \\<b\\>bold\\<\/b\\>/);
  assert.ok(!text.includes("<script>"));
  assert.match(text, /\| `STRIPE_SECRET_KEY` \| api-key \| `\.env\.production:3` \| `secret\/shop\/production\/stripe#STRIPE_SECRET_KEY` \| 3 \|/);
  assert.match(text, /✅ \*\*Zero secrets left\.\*\*/);
  // Every table row has as many cells as its header.
  for (const block of text.split("\n\n").filter((b) => b.startsWith("| "))) {
    const rows = block.split("\n").map((r) => r.replace(/\\\|/g, "").split("|").length);
    assert.ok(rows.every((n) => n === rows[0]), block);
  }
});

test("SARIF 2.1.0: remaining secrets are errors, history warnings, migrated secrets passes", () => {
  const input = sampleReportInput({
    rescan: { filesScanned: 3, findings: [{ ruleId: "stripe-secret-key", kind: "api-key", severity: "critical", confidence: 1, file: "src/my pay.js", line: 3, column: 5, endLine: 3, endColumn: 37, fingerprint: "abc", redacted: "sk_l…(32 chars)", reason: "Stripe key" }] },
  });
  const sarif = JSON.parse(renderReport(input, "sarif"));
  assert.equal(sarif.version, "2.1.0");
  const run = sarif.runs[0];
  const byRule = (id: string) => run.results.filter((r: { ruleId: string }) => r.ruleId === id);
  assert.equal(byRule("vaultshift/secret-remaining").length, 1);
  assert.equal(byRule("vaultshift/secret-remaining")[0].level, "error");
  assert.equal(byRule("vaultshift/secret-remaining")[0].locations[0].physicalLocation.artifactLocation.uri, "src/my%20pay.js");
  assert.equal(byRule("vaultshift/rotate-secret").length, 2);
  assert.equal(byRule("vaultshift/manual-action").length, 2);
  const passes = byRule("vaultshift/secret-migrated");
  assert.equal(passes.length, input.secrets.length);
  assert.ok(passes.every((r: { kind: string; level: string }) => r.kind === "pass" && r.level === "none"));
  for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
});

test("JSON carries the input under a versioned envelope", () => {
  const input = sampleReportInput();
  const json = JSON.parse(renderReport(input, "json"));
  assert.equal(json.format, "vaultshift-migration-report");
  assert.equal(json.version, 1);
  assert.deepEqual(json.secrets, input.secrets);
  assert.equal(json.verdict, "zero-secrets");
});

test("writeReports creates the directory and writes the four formats", () => {
  const input = sampleReportInput();
  const dir = mkdtempSync(join(tmpdir(), "vaultshift-report-"));
  try {
    const files = writeReports(input, join(dir, "reports"));
    assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ["reports/migration-report.md", "reports/migration-report.json", "reports/migration-report.html", "reports/migration-report.sarif"]);
    for (const f of files) {
      assert.equal(readFileSync(f, "utf8"), renderReport(input, f.slice(f.lastIndexOf(".") + 1) as "md"));
      assert.ok(statSync(f).isFile());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an unknown format is a usage error", () => {
  assert.throws(() => renderReport(sampleReportInput(), "pdf" as never), { name: "UsageError" });
});

test("an unchecked policy reads as not checked, not as zero readable", () => {
  const base = sampleReportInput();
  const input = { ...base, secrets: base.secrets.map((s) => ({ ...s, readableByPolicy: null })), totals: { ...base.totals, readable: 0 } };
  assert.match(renderReport(input, "html"), /<div class="n na">–<\/div><div class="l">app policy not checked<\/div>/);
  assert.match(renderReport(input, "md"), /\| Readable with the app's policy \| not checked \|/);
  assert.match(renderReport(base, "md"), /\| Readable with the app's policy \| 9 \|/);
});

test("an empty migration renders in every format (nothing found is a valid report)", () => {
  const empty = sampleReportInput({ secrets: [], config: [], files: [], warnings: [], manualActions: [], totals: { secrets: 0, verified: 0, readable: 0, config: 0, remaining: 0 } });
  for (const format of ["md", "json", "html", "sarif"] as const) assert.ok(renderReport(empty, format).length > 100, format);
  const html = renderReport(empty, "html");
  assert.match(html, /<h2>Zero secrets left<\/h2><p>0 secrets moved to Vault and verified/);
  assert.ok(!html.includes("<svg"), "no chart without data");
  assert.equal(JSON.parse(renderReport(empty, "sarif")).runs[0].results.length, 0);
});
