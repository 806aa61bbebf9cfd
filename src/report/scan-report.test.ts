import { test } from "node:test";
import assert from "node:assert/strict";
import type { ScanResult } from "../scan/scanner.js";
import type { Finding } from "../scan/types.js";
import { formatScanText } from "./scan-text.js";
import { formatScanJson, SCAN_JSON_VERSION } from "./scan-json.js";
import { formatScanSarif } from "./scan-sarif.js";
import { formatGithubAnnotations } from "./scan-github.js";

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: "aws-access-key-id",
    kind: "cloud-credential",
    severity: "critical",
    confidence: 0.97,
    file: "src/config.js",
    line: 12,
    column: 7,
    endLine: 12,
    endColumn: 27,
    fingerprint: "a".repeat(64),
    redacted: "AKIA…(20 chars)",
    reason: "matches the AWS access key format",
    ...over,
  };
}

function result(findings: Finding[]): ScanResult {
  return {
    findings,
    envReferences: [],
    stats: {
      mode: "tree",
      root: "/repo",
      filesScanned: 3,
      bytesScanned: 2048,
      skipped: { binary: 2 },
      suppressed: { inline: 1, allowlist: 0, baseline: 0, duplicate: 0 },
      notes: ["x.txt: not valid UTF-8, read as Latin-1 (Windows-1252)"],
      workers: 0,
      durationMs: 12,
    },
  };
}

const two = () => result([finding(), finding({ file: "a b,c:d.env", line: 2, column: 5, endColumn: 9, ruleId: "generic-secret", kind: "password", severity: "low", name: "DB_PASSWORD", commit: "0123456789abcdef0123456789abcdef01234567" })]);

test("text: grouped by file, aligned, a summary line, notes; no colour unless asked", () => {
  const out = formatScanText(two());
  assert.equal(out.includes("\u001b["), false);
  const lines = out.split("\n");
  assert.equal(lines[0], "src/config.js");
  assert.equal(lines[1], "  12:7  aws-access-key-id  cloud-credential  AKIA…(20 chars)  matches the AWS access key format");
  assert.ok(out.includes("a b,c:d.env\n  2:5  generic-secret  password DB_PASSWORD  "));
  assert.ok(out.includes("commit 0123456789ab"));
  assert.ok(out.includes("note: x.txt: not valid UTF-8"));
  assert.ok(lines.includes("✖ 2 secrets in 2 files: scanned 3 files (2.0 KB) in 12 ms; skipped 2 binary; suppressed 1 by vaultshift:allow."));
  assert.match(lines.at(-2)!, /vaultshift migrate/, "the last line says what to do");
  const staged = { ...two(), stats: { ...two().stats, mode: "staged" as const } };
  assert.match(formatScanText(staged), /Commit blocked[\s\S]*git commit --no-verify\n$/);
  assert.equal(/Commit blocked|vaultshift migrate/.test(formatScanText(result([]))), false, "no advice when clean");
  assert.ok(formatScanText(two(), { colour: true }).includes("\u001b[31m"));
  assert.match(formatScanText(result([])), /^note: .*\n✔ No secrets found: scanned 3 files/m);
});

test("json: versioned schema with every documented finding field and a summary", () => {
  const data = JSON.parse(formatScanJson(two(), "9.9.9")) as Record<string, any>;
  assert.equal(data.version, SCAN_JSON_VERSION);
  assert.deepEqual(data.tool, { name: "vaultshift", version: "9.9.9" });
  assert.equal(data.mode, "tree");
  assert.deepEqual(Object.keys(data.findings[0]).sort(), ["column", "confidence", "endColumn", "endLine", "file", "fingerprint", "kind", "line", "reason", "redacted", "ruleId", "severity"]);
  assert.equal(data.findings[1].name, "DB_PASSWORD");
  assert.equal(data.findings[1].commit, "0123456789abcdef0123456789abcdef01234567");
  assert.deepEqual(data.summary, {
    findings: 2,
    filesScanned: 3,
    bytesScanned: 2048,
    skipped: { binary: 2 },
    suppressed: { inline: 1, allowlist: 0, baseline: 0, duplicate: 0 },
    notes: ["x.txt: not valid UTF-8, read as Latin-1 (Windows-1252)"],
    workers: 0,
    durationMs: 12,
  });
});

test("json: fields not in the schema never leave, even if a finding object carries them", () => {
  const leaky = { ...finding(), secret: "CANARY_json_leak_5e4d3c2b1a", start: 1 } as Finding;
  const out = formatScanJson(result([leaky]), "1");
  assert.ok(!out.includes("CANARY_json_leak"));
});

// The properties SARIF 2.1.0 requires (sarif-schema-2.1.0.json "required"),
// plus what GitHub code scanning needs, checked by hand.
test("sarif: a valid SARIF 2.1.0 log with rules, levels, regions and partial fingerprints", () => {
  const log = JSON.parse(formatScanSarif(two(), "1.2.3", [{ id: "aws-access-key-id", description: "AWS access key id", severity: "critical", docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html" }])) as Record<string, any>;
  assert.equal(log.version, "2.1.0");
  assert.equal(typeof log.$schema, "string");
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, "vaultshift");
  assert.equal(run.tool.driver.version, "1.2.3");
  const rules = run.tool.driver.rules as Record<string, any>[];
  assert.deepEqual(rules.map((r) => r.id), ["aws-access-key-id", "generic-secret"]);
  assert.equal(rules[0]!.shortDescription.text, "AWS access key id");
  assert.equal(rules[0]!.helpUri, "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html");
  assert.equal(rules[0]!.properties["security-severity"], "9.5");
  assert.equal(rules[1]!.defaultConfiguration.level, "note");
  for (const r of run.results as Record<string, any>[]) {
    assert.equal(typeof r.message.text, "string");
    assert.equal(rules[r.ruleIndex]!.id, r.ruleId);
    const loc = r.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, "%SRCROOT%");
    for (const k of ["startLine", "startColumn", "endLine", "endColumn"]) assert.ok(Number.isInteger(loc.region[k]) && loc.region[k] >= 1, k);
    assert.match(r.partialFingerprints["vaultshiftFingerprint/v1"], /^[0-9a-f]{64}$/);
  }
  assert.equal(run.results[0].level, "error");
  assert.equal(run.results[1].level, "note");
  assert.equal(run.results[1].locations[0].physicalLocation.artifactLocation.uri, "a%20b%2Cc%3Ad.env");
  assert.equal(run.results[1].properties.commit, "0123456789abcdef0123456789abcdef01234567");
  assert.equal(run.columnKind, "utf16CodeUnits");
  assert.equal(run.invocations[0].executionSuccessful, true);
});

test("sarif: an empty scan is a valid log with no results", () => {
  const log = JSON.parse(formatScanSarif(result([]), "1")) as Record<string, any>;
  assert.deepEqual(log.runs[0].results, []);
  assert.deepEqual(log.runs[0].tool.driver.rules, []);
});

test("github: one ::error/::warning command per finding, with escaped properties", () => {
  const out = formatGithubAnnotations(two().findings).split("\n");
  assert.equal(out[0], "::error file=src/config.js,line=12,endLine=12,col=7,endColumn=27,title=vaultshift%3A aws-access-key-id::cloud-credential AKIA…(20 chars): matches the AWS access key format. Move it to Vault (vaultshift migrate) or mark an accepted one with a vaultshift:allow comment.");
  assert.match(out[1]!, /^::warning file=a b%2Cc%3Ad\.env,line=2,/);
  assert.match(out[1]!, /\(added in commit 0123456789ab\)/);
});
