import type { Finding, Severity } from "../scan/types.js";
import type { ScanResult } from "../scan/scanner.js";

// SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html)
// as GitHub code scanning reads it
// (https://docs.github.com/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
// rules in tool.driver.rules with a `security-severity` property, results with
// ruleId + ruleIndex, a physical location with a 1-based region, and
// `partialFingerprints` so that alerts follow a secret across moved lines.

export interface RuleMetadata {
  id: string;
  description?: string;
  severity?: Severity;
  docs?: string;
}

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { critical: "error", high: "error", medium: "warning", low: "note" };
/** GitHub maps >= 9.0 to critical, 7.0–8.9 high, 4.0–6.9 medium, < 4 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

/** A relative path as a URI reference: each segment percent-encoded. */
function toUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

export function scanSarifReport(result: ScanResult, toolVersion: string, rules: RuleMetadata[] = []): object {
  const known = new Map(rules.map((r) => [r.id, r]));
  const used: string[] = [];
  const index = new Map<string, number>();
  const severityOf = new Map<string, Severity>();
  for (const f of result.findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, used.length);
      used.push(f.ruleId);
      severityOf.set(f.ruleId, f.severity);
    }
  }
  const driverRules = used.map((id) => {
    const meta = known.get(id);
    const severity = meta?.severity ?? severityOf.get(id) ?? "high";
    const rule: Record<string, unknown> = {
      id,
      name: id
        .split("-")
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(""),
      shortDescription: { text: meta?.description ?? `Secret detected by the ${id} rule` },
      fullDescription: { text: meta?.description ?? `A credential matched the ${id} rule of vaultshift.` },
      defaultConfiguration: { level: LEVEL[severity] },
      help: {
        text: "Move the secret into Vault (`vaultshift migrate`) and rotate it: it has been exposed. If it is not a secret, mark it with a `vaultshift:allow` comment or an allowlist entry.",
      },
      properties: { tags: ["security", "secret"], precision: "high", "security-severity": SECURITY_SEVERITY[severity] },
    };
    if (meta?.docs) rule.helpUri = meta.docs;
    return rule;
  });
  const results = result.findings.map((f: Finding) => {
    const r: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: `${f.kind} ${f.redacted}: ${f.reason}${f.commit ? ` (added in commit ${f.commit.slice(0, 12)})` : ""}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.file), uriBaseId: "%SRCROOT%" },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { "vaultshiftFingerprint/v1": f.fingerprint },
      properties: { kind: f.kind, severity: f.severity, confidence: f.confidence, redacted: f.redacted, ...(f.name ? { name: f.name } : {}), ...(f.commit ? { commit: f.commit } : {}) },
    };
    return r;
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "vaultshift", version: toolVersion, semanticVersion: toolVersion, rules: driverRules } },
        columnKind: "utf16CodeUnits",
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.stats.notes.map((text) => ({ level: "note", message: { text } })),
          },
        ],
        properties: { filesScanned: result.stats.filesScanned, bytesScanned: result.stats.bytesScanned, skipped: result.stats.skipped },
      },
    ],
  };
}

export function formatScanSarif(result: ScanResult, toolVersion: string, rules: RuleMetadata[] = []): string {
  return `${JSON.stringify(scanSarifReport(result, toolVersion, rules), null, 2)}\n`;
}
