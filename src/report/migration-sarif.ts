import type { ReportInput } from "../plan/types.js";
import { vaultLocation } from "./migration-summary.js";

// The migration as SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html):
// secrets the re-scan still finds are errors, secrets still in git history
// warnings (rotate), manual actions warnings, and each migrated secret a
// result of kind "pass" (§3.27.9: the rule was evaluated and satisfied), so a
// code-scanning upload shows what was fixed as well as what is left.

const RULES = [
  { id: "vaultshift/secret-remaining", name: "SecretRemaining", level: "error", severity: "9.0", text: "A secret is still in the working tree after the migration." },
  { id: "vaultshift/rotate-secret", name: "RotateSecret", level: "warning", severity: "7.0", text: "A migrated secret is still in git history and must be rotated." },
  { id: "vaultshift/manual-action", name: "ManualAction", level: "warning", severity: "5.0", text: "The migration needs a person to finish something." },
  { id: "vaultshift/secret-migrated", name: "SecretMigrated", level: "note", severity: "1.0", text: "A secret was moved into Vault and is read at run time." },
] as const;

type RuleId = (typeof RULES)[number]["id"];

function uri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function location(file: string, line?: number, column?: number) {
  const region: Record<string, number> = {};
  if (line) region.startLine = line;
  if (line && column) region.startColumn = column;
  return { physicalLocation: { artifactLocation: { uri: uri(file), uriBaseId: "%SRCROOT%" }, ...(line ? { region } : {}) } };
}

export function renderSarif(input: ReportInput, toolVersion = ""): string {
  const index = new Map<RuleId, number>(RULES.map((r, i) => [r.id, i]));
  const results: Record<string, unknown>[] = [];
  const result = (ruleId: RuleId, fields: Record<string, unknown>) => results.push({ ruleId, ruleIndex: index.get(ruleId), ...fields });
  for (const f of input.rescan.findings) {
    result("vaultshift/secret-remaining", {
      level: "error",
      message: { text: `${f.kind} ${f.redacted} is still in the working tree (${f.ruleId}): ${f.reason}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(f.file), uriBaseId: "%SRCROOT%" },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { "vaultshiftFingerprint/v1": f.fingerprint },
    });
  }
  for (const s of input.secrets) {
    if (s.inGitHistory !== true) continue;
    result("vaultshift/rotate-secret", {
      level: "warning",
      message: { text: `${s.name} (${s.kind}, ${s.environment}) is in Vault at ${vaultLocation(s)} but still in git history: rotate it.` },
      locations: [location(s.source.file, s.source.line)],
      partialFingerprints: { "vaultshiftFingerprint/v1": s.fingerprintPrefix },
    });
  }
  for (const a of input.manualActions) {
    result("vaultshift/manual-action", { level: "warning", message: { text: a.message }, ...(a.file ? { locations: [location(a.file, a.line)] } : {}), properties: { code: a.code } });
  }
  for (const s of input.secrets) {
    result("vaultshift/secret-migrated", {
      kind: "pass",
      level: "none",
      message: { text: `${s.name} (${s.kind}, ${s.environment}) now read from Vault ${vaultLocation(s)}${s.target.version !== null ? ` version ${s.target.version}` : ""}.` },
      locations: [location(s.source.file, s.source.line)],
      properties: { environment: s.environment, fingerprintPrefix: s.fingerprintPrefix, verified: s.verified, readableByPolicy: s.readableByPolicy },
    });
  }
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "vaultshift",
            ...(toolVersion ? { version: toolVersion, semanticVersion: toolVersion } : {}),
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.text },
              defaultConfiguration: { level: r.level },
              properties: { tags: ["security", "secret"], "security-severity": r.severity },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results,
        properties: { app: input.app, planId: input.planId, verdict: input.verdict, totals: input.totals },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
