import type { Finding } from "../scan/types.js";
import type { ScanResult } from "../scan/scanner.js";

// The JSON report of `vaultshift scan --format json`. A stable, versioned
// schema (docs/scanning.md, "JSON output"): bump SCAN_JSON_VERSION on any
// change that is not a new optional field.

export const SCAN_JSON_VERSION = 1;

export interface ScanJsonReport {
  version: number;
  tool: { name: "vaultshift"; version: string };
  mode: string;
  findings: Finding[];
  summary: {
    findings: number;
    filesScanned: number;
    bytesScanned: number;
    skipped: Record<string, number>;
    suppressed: { inline: number; allowlist: number; baseline: number; duplicate: number };
    notes: string[];
    commitsScanned?: number;
    workers: number;
    durationMs: number;
  };
}

/** Fields copied by name, so a finding never carries more than the schema says. */
function publicFinding(f: Finding): Finding {
  const out: Finding = {
    ruleId: f.ruleId,
    kind: f.kind,
    severity: f.severity,
    confidence: f.confidence,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    fingerprint: f.fingerprint,
    redacted: f.redacted,
    reason: f.reason,
  };
  if (f.name !== undefined) out.name = f.name;
  if (f.commit !== undefined) out.commit = f.commit;
  return out;
}

export function scanJsonReport(result: ScanResult, toolVersion: string): ScanJsonReport {
  const s = result.stats;
  const summary: ScanJsonReport["summary"] = {
    findings: result.findings.length,
    filesScanned: s.filesScanned,
    bytesScanned: s.bytesScanned,
    skipped: { ...s.skipped } as Record<string, number>,
    suppressed: { ...s.suppressed },
    notes: [...s.notes],
    workers: s.workers,
    durationMs: s.durationMs,
  };
  if (s.commitsScanned !== undefined) summary.commitsScanned = s.commitsScanned;
  return {
    version: SCAN_JSON_VERSION,
    tool: { name: "vaultshift", version: toolVersion },
    mode: s.mode,
    findings: result.findings.map(publicFinding),
    summary,
  };
}

export function formatScanJson(result: ScanResult, toolVersion: string): string {
  return `${JSON.stringify(scanJsonReport(result, toolVersion), null, 2)}\n`;
}
